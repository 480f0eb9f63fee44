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

/** The expression inside TS wrappers and optional chains: `x!`, `x as T`, `a?.b` (its `ChainExpression`). */
export function unwrapExpression(node: TSESTree.Node): TSESTree.Node {
  let current = skipTsWrappers(node);
  while (current.type === AST_NODE_TYPES.ChainExpression) {
    current = skipTsWrappers(current.expression);
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
/** Nodes looked at before `staticValue` leaves the rest of an expression to `getStaticValue` as written. */
const WALK_BUDGET = 256;

/**
 * eslint-utils' `getStaticValue(node, scope)`, in time independent of how often the names in
 * `node` are used. `getStaticValue` decides whether a `var`/`let` is never reassigned by
 * filtering all of its references on every call, which makes a file quadratic in the uses of
 * a variable (16,000 `x + "a"` with `var x`: seconds). Here a variable's value is decided once
 * (from its declaration, so names in the initialiser resolve where they are written), and
 * `getStaticValue` gets those values as literals in place of the names (or is not called when a
 * name it must read has none).
 * @example var x = f(); g(x + 'a') // staticValue(context, x) -> null, decided once for `x`
 */
export function staticValue(context: FileContext, node: TSESTree.Node): StaticValue {
  if (node.type === AST_NODE_TYPES.Identifier) {
    return identifierValue(context, node);
  }
  const prepared = withKnownNames(context, node);
  return prepared && getStaticValue(prepared as never, scopeFor(context, node) as never);
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

/** A stand-in for a name whose value is known: `getStaticValue` reads a literal's value as it is. */
function knownValue(name: TSESTree.Identifier, value: unknown): TSESTree.Node {
  return { type: AST_NODE_TYPES.Literal, value, raw: name.name, range: name.range, loc: name.loc } as unknown as TSESTree.Node;
}

/**
 * `root` with every name `getStaticValue` must read (operands it always evaluates, not the
 * branches of `?:`, `&&`, `,` or `void`) replaced by a literal of its known value, copying only
 * the nodes above them; `null` when one of those names has no value, which makes the whole
 * expression unknown. Past a budget of nodes the rest is left as written.
 */
function withKnownNames(context: FileContext, root: TSESTree.Node): TSESTree.Node | null {
  let budget = WALK_BUDGET;
  const visitAll = <T extends TSESTree.Node | null>(nodes: readonly T[]): T[] | null => {
    let out: T[] | null = null;
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      const next = node === null ? node : visit(node);
      if (next === null && node !== null) {
        return null;
      }
      if (next !== node) {
        out ??= nodes.slice();
        out[i] = next as T;
      }
    }
    return out ?? (nodes as T[]);
  };
  const visit = (node: TSESTree.Node): TSESTree.Node | null => {
    if (--budget < 0) {
      return node;
    }
    switch (node.type) {
      case AST_NODE_TYPES.Identifier: {
        const value = identifierValue(context, node);
        return value === null ? null : knownValue(node, value.value);
      }
      case AST_NODE_TYPES.BinaryExpression: {
        const [left, right] = visitAll([node.left, node.right]) ?? [];
        return !left || !right ? null : left === node.left && right === node.right ? node : { ...node, left, right } as TSESTree.Node;
      }
      case AST_NODE_TYPES.TemplateLiteral: {
        const expressions = visitAll(node.expressions);
        return !expressions ? null : expressions === node.expressions ? node : { ...node, expressions } as TSESTree.Node;
      }
      case AST_NODE_TYPES.UnaryExpression: {
        if (node.operator === 'void') {
          return node;
        }
        const argument = visit(node.argument);
        return !argument ? null : argument === node.argument ? node : { ...node, argument } as TSESTree.Node;
      }
      case AST_NODE_TYPES.MemberExpression: {
        const object = visit(node.object);
        return !object ? null : object === node.object ? node : { ...node, object } as TSESTree.Node;
      }
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression: {
        const callee = visit(node.callee);
        const written = node.arguments.map((arg) => arg.type === AST_NODE_TYPES.SpreadElement ? arg.argument : arg);
        const args = callee && visitAll(written);
        if (!callee || !args) {
          return null;
        }
        if (callee === node.callee && args === written) {
          return node;
        }
        const argumentsOut = node.arguments.map((arg, i) =>
          arg.type === AST_NODE_TYPES.SpreadElement ? { ...arg, argument: args[i]! } : args[i]!);
        return { ...node, callee, arguments: argumentsOut } as TSESTree.Node;
      }
      case AST_NODE_TYPES.ConditionalExpression: {
        const test = visit(node.test);
        return !test ? null : test === node.test ? node : { ...node, test } as TSESTree.Node;
      }
      case AST_NODE_TYPES.LogicalExpression: {
        const left = visit(node.left);
        return !left ? null : left === node.left ? node : { ...node, left } as TSESTree.Node;
      }
      case AST_NODE_TYPES.ChainExpression:
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.TSNonNullExpression: {
        const expression = visit(node.expression);
        return !expression ? null : expression === node.expression ? node : { ...node, expression } as TSESTree.Node;
      }
      default:
        return node;
    }
  };
  return visit(root);
}
