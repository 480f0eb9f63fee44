import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { classifyValue, isAllowList } from '../constant-values/index';
import { skipTsWrappers } from '../../core/static';
import { constInitOf, methodCallsOn, variableFor } from '../../core/variable-index';
import type { FileContext } from '../../core/context';

/**
 * Tables whose keys the code fixes, so that a hit (`TABLE[key]`, `MAP.get(key)` truthy) confines
 * the key to them: a constant object, array or imported constant (the constant-value engine's
 * allow-lists), or a `Map` built from constant keys and never `set`.
 */

/**
 * Whether the constant-value engine proves that `node` can only produce text of the source or a
 * number (neither holds `../`): a value forced into an allow-list, a reassigned variable narrowed
 * by checks (`if (!ALLOWED.includes(ext)) ext = 'jpg'`), a constant table's entry.
 */
export function provenConstant(context: FileContext, node: TSESTree.Node): boolean {
  return classifyValue(context, node) !== null;
}

/**
 * Whether `node` is a table with constant keys, looked up by index (`TABLE[key]`: a constant object,
 * array or imported constant) or by `get` (a `Map`).
 */
export function isConstantKeyed(context: FileContext, node: TSESTree.Node, by: 'index' | 'get'): boolean {
  const table = skipTsWrappers(node);
  if (table.type !== AST_NODE_TYPES.Identifier) {
    return false;
  }
  const init = constInitOf(context, table);
  const made = init ? skipTsWrappers(init) : null;
  if (made?.type === AST_NODE_TYPES.NewExpression && made.callee.type === AST_NODE_TYPES.Identifier && made.callee.name === 'Map') {
    return by === 'get' && constantMap(context, table, made);
  }
  return by === 'index' && isAllowList(context, (inner) => classifyValue(context, inner), table);
}

/** `new Map()`, `new Map([['a', x], …])` with constant keys, `new Map(Object.entries(TABLE))`; and no `.set()` on it. */
function constantMap(context: FileContext, id: TSESTree.Identifier, made: TSESTree.NewExpression): boolean {
  const variable = variableFor(context, id);
  if (!variable || methodCallsOn(variable, ['set']).length > 0) {
    return false;
  }
  const entries = made.arguments[0] ? skipTsWrappers(made.arguments[0]) : null;
  if (!entries) {
    return true;
  }
  if (entries.type === AST_NODE_TYPES.ArrayExpression) {
    return entries.elements.every((pair) => {
      const key = pair?.type === AST_NODE_TYPES.ArrayExpression ? pair.elements[0] : undefined;
      return key !== undefined && key !== null && key.type !== AST_NODE_TYPES.SpreadElement && classifyValue(context, key) === 'constant';
    });
  }
  const callee = entries.type === AST_NODE_TYPES.CallExpression ? skipTsWrappers(entries.callee) : null;
  return (
    entries.type === AST_NODE_TYPES.CallExpression &&
    callee?.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === 'Object' &&
    callee.property.type === AST_NODE_TYPES.Identifier &&
    callee.property.name === 'entries' &&
    entries.arguments[0] !== undefined &&
    entries.arguments[0].type !== AST_NODE_TYPES.SpreadElement &&
    isAllowList(context, (inner) => classifyValue(context, inner), entries.arguments[0])
  );
}
