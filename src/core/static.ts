import { getStaticValue } from '@eslint-community/eslint-utils';
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { constInitOf, scopeFor } from './variable-index';
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
  const value = getStaticValue(property.key as never, scopeFor(context, property.key) as never);
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
  const result = getStaticValue(node as never, scopeFor(context, node) as never);
  return result ?? undefined;
}
