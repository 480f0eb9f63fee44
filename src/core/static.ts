import { getStaticValue } from '@eslint-community/eslint-utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { constInitOf, laterWrites, scopeFor, scopeOf, variableFor } from './variable-index';
import type { FileContext } from './context';

/** Strips the wrappers that do not change a value: parentheses are already gone; TS casts, `!`, `satisfies`. */
export function skipTsWrappers(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (
    current.type === AST_NODE_TYPES.TSAsExpression ||
    current.type === AST_NODE_TYPES.TSSatisfiesExpression ||
    current.type === AST_NODE_TYPES.TSNonNullExpression ||
    current.type === AST_NODE_TYPES.TSTypeAssertion
  ) {
    current = current.expression;
  }
  return current;
}

/**
 * The single initializer of a variable that is never reassigned (`const`, or `let`/`var`
 * without later writes), or `null`.
 * @example const opts = { timeout: 5 }; fetch(u, opts) // resolveConstInit(opts) -> the object literal
 */
export function resolveConstInit(context: FileContext, id: TSESTree.Identifier): TSESTree.Expression | null {
  return constInitOf(context, id);
}

/**
 * Follows identifiers to their constant initializer (several hops) and strips TS wrappers.
 * Returns the node itself when it is not such an identifier.
 */
export function dereference(context: FileContext, node: TSESTree.Node, maxHops = 4): TSESTree.Node {
  let current = skipTsWrappers(node);
  for (let hop = 0; hop < maxHops && current.type === AST_NODE_TYPES.Identifier; hop++) {
    const init = resolveConstInit(context, current);
    if (!init) {
      break;
    }
    current = skipTsWrappers(init);
  }
  return current;
}

/** The static name of a property key (`timeout`, `'timeout'`, `['timeout']`), or `null`. */
export function getPropertyKeyName(context: FileContext, property: TSESTree.Property): string | null {
  if (!property.computed) {
    if (property.key.type === AST_NODE_TYPES.Identifier) {
      return property.key.name;
    }
    if (property.key.type === AST_NODE_TYPES.Literal) {
      return String(property.key.value);
    }
    return null;
  }
  const value = staticValue(context, property.key);
  return value && (typeof value.value === 'string' || typeof value.value === 'number') ? String(value.value) : null;
}

/** Result of looking a property up in an object literal. */
export type PropertyLookup =
  /** The property is written in the literal (or in a spread of a constant literal). */
  | { readonly kind: 'found'; readonly property: TSESTree.Property; readonly value: TSESTree.Node }
  /** The literal certainly has no such property. */
  | { readonly kind: 'absent' }
  /** A spread or computed key we cannot see through may supply it. */
  | { readonly kind: 'unknown' };

/**
 * Finds `name` in an object literal, looking through spreads of constant object literals
 * and treating other spreads/computed keys as "unknown". The last definition wins, as at runtime.
 */
export function findObjectProperty(
  context: FileContext,
  object: TSESTree.ObjectExpression,
  name: string,
  depth = 0,
): PropertyLookup {
  let result: PropertyLookup = { kind: 'absent' };
  for (const element of object.properties) {
    if (element.type === AST_NODE_TYPES.SpreadElement) {
      const spread = dereference(context, element.argument);
      const inner: PropertyLookup =
        spread.type === AST_NODE_TYPES.ObjectExpression && depth < 4
          ? findObjectProperty(context, spread, name, depth + 1)
          : { kind: 'unknown' };
      if (inner.kind !== 'absent') {
        result = inner;
      }
      continue;
    }
    const key = getPropertyKeyName(context, element);
    if (key === name) {
      result = { kind: 'found', property: element, value: element.value };
    } else if (key === null && result.kind === 'absent') {
      result = { kind: 'unknown' };
    }
  }
  return result;
}

/** The static value of an expression in its scope, or `undefined` when it is not constant. */
export function staticValueOf(context: FileContext, node: TSESTree.Node): { value: unknown } | undefined {
  return staticValue(context, node) ?? undefined;
}

/** A value eslint-utils' `getStaticValue` found, or `null` when it found none. */
export type StaticValue = { readonly value: unknown } | null;

/** Per variable: what `getStaticValue` answers for a use of it (the same for every use). */
const variableValues = new WeakMap<TSESLint.Scope.Variable, StaticValue>();
/** Nodes looked at before `staticValue` leaves the rest of an expression to `getStaticValue`. */
const WALK_BUDGET = 256;

/**
 * eslint-utils' `getStaticValue(node, scope)`, in time independent of how often the names in
 * `node` are used. `getStaticValue` decides whether a `var`/`let` is never reassigned by
 * filtering all of its references on every call, which makes a file quadratic in the uses of
 * a variable (16,000 `x + "a"` with `var x`: seconds). Here a variable's value is decided once
 * (from its declaration, so names in the initialiser resolve where they are written), and an
 * expression that must read a name without a value is answered `null` without the call.
 * @example var x = f(); g(x + 'a') // staticValue(context, x) -> null, decided once for `x`
 */
export function staticValue(context: FileContext, node: TSESTree.Node): StaticValue {
  if (node.type === AST_NODE_TYPES.Identifier) {
    return identifierValue(context, node);
  }
  if (readsValuelessName(context, node)) {
    return null;
  }
  return getStaticValue(node as never, scopeFor(context, node) as never);
}

function identifierValue(context: FileContext, id: TSESTree.Identifier): StaticValue {
  const variable = variableFor(context, id);
  if (!variable) {
    return null; // getStaticValue finds no variable either: it looks the name up from the same scope
  }
  let value = variableValues.get(variable);
  if (value === undefined) {
    value = variableValue(context, variable, id);
    variableValues.set(variable, value);
  }
  return value;
}

function variableValue(context: FileContext, variable: TSESLint.Scope.Variable, use: TSESTree.Identifier): StaticValue {
  if (variable.defs.length === 0) {
    // A global: built-ins (`undefined`, `Math`) have a value that depends on the name only.
    return getStaticValue(use as never, scopeFor(context, use) as never);
  }
  const def = variable.defs[0]!;
  if (variable.defs.length !== 1 || def.type !== 'Variable' || !def.parent || def.node.id.type !== AST_NODE_TYPES.Identifier) {
    return null; // getStaticValue follows single plain declarations only
  }
  if ((def.parent as TSESTree.VariableDeclaration).kind !== 'const' && laterWrites(variable).length > 0) {
    return null; // reassigned: getStaticValue would answer the same after scanning every reference
  }
  return getStaticValue(def.name as never, scopeOf(context, def.name) as never);
}

/**
 * Whether evaluating `node` must read a name whose value is unknown: one reached through
 * operands `getStaticValue` always evaluates (not the branches of `?:`, `&&`, `,` or `void`),
 * which makes the whole expression unknown.
 */
function readsValuelessName(context: FileContext, root: TSESTree.Node): boolean {
  const stack: TSESTree.Node[] = [root];
  for (let budget = WALK_BUDGET; stack.length > 0 && budget > 0; budget--) {
    const node = stack.pop()!;
    switch (node.type) {
      case AST_NODE_TYPES.Identifier:
        if (identifierValue(context, node) === null) {
          return true;
        }
        break;
      case AST_NODE_TYPES.BinaryExpression:
        stack.push(node.left, node.right);
        break;
      case AST_NODE_TYPES.TemplateLiteral:
        stack.push(...node.expressions);
        break;
      case AST_NODE_TYPES.TaggedTemplateExpression:
        stack.push(node.tag, ...node.quasi.expressions);
        break;
      case AST_NODE_TYPES.UnaryExpression:
        if (node.operator !== 'void') {
          stack.push(node.argument);
        }
        break;
      case AST_NODE_TYPES.MemberExpression:
        stack.push(node.object);
        break;
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression:
        stack.push(node.callee.type === AST_NODE_TYPES.MemberExpression ? node.callee.object : node.callee);
        for (const arg of node.arguments) {
          stack.push(arg.type === AST_NODE_TYPES.SpreadElement ? arg.argument : arg);
        }
        break;
      case AST_NODE_TYPES.ArrayExpression:
        for (const element of node.elements) {
          if (element) {
            stack.push(element.type === AST_NODE_TYPES.SpreadElement ? element.argument : element);
          }
        }
        break;
      case AST_NODE_TYPES.ObjectExpression:
        for (const property of node.properties) {
          stack.push(property.type === AST_NODE_TYPES.SpreadElement ? property.argument : property.value);
        }
        break;
      case AST_NODE_TYPES.ConditionalExpression:
        stack.push(node.test);
        break;
      case AST_NODE_TYPES.LogicalExpression:
        stack.push(node.left);
        break;
      case AST_NODE_TYPES.SequenceExpression:
        stack.push(node.expressions.at(-1)!);
        break;
      case AST_NODE_TYPES.ChainExpression:
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSInstantiationExpression:
        stack.push(node.expression);
        break;
      default:
        break;
    }
  }
  return false;
}
