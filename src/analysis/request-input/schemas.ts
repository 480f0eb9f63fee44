import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { dereference, skipTsWrappers } from '../../core/static';
import { calledName } from '../../core/ast';
import type { FileContext } from '../../core/context';

/** Schema methods returning the validated input (zod, yup, superstruct-style). */
export const PARSE_METHODS = new Set(['parse', 'parseAsync', 'validateSync', 'validate', 'cast', 'create']);
export const SAFE_PARSE_METHODS = new Set(['safeParse', 'safeParseAsync']);
/** Schema building calls that constrain a string to a fixed alphabet or set. */
const CONSTRAINING_SCHEMA_CALLS = new Set([
  'regex', 'enum', 'nativeEnum', 'literal', 'uuid', 'cuid', 'cuid2', 'ulid', 'nanoid', 'number', 'int',
  'integer', 'boolean', 'bigint', 'picklist', 'matches', 'oneOf',
]);
const OBJECT_SCHEMA_CALLS = new Set(['object', 'strictObject', 'looseObject', 'shape']);

/** Whether a schema constrains the value at `keys` to a fixed alphabet or set (zod, valibot, yup). */
export function schemaConstrains(context: FileContext, schema: TSESTree.Node | null, keys: readonly string[], depth: number): boolean {
  if (!schema || depth > 12) {
    return false;
  }
  const node = dereference(context, schema);
  if (keys.length > 0) {
    const shape = objectShape(context, node, depth);
    const prop = shape?.properties.find(
      (p): p is TSESTree.Property =>
        p.type === AST_NODE_TYPES.Property &&
        ((p.key.type === AST_NODE_TYPES.Identifier && !p.computed && p.key.name === keys[0]) ||
          (p.key.type === AST_NODE_TYPES.Literal && String(p.key.value) === keys[0])),
    );
    return prop ? schemaConstrains(context, prop.value, keys.slice(1), depth + 1) : false;
  }
  if (node.type === AST_NODE_TYPES.CallExpression) {
    const callee = skipTsWrappers(node.callee);
    const name = calledName(context, callee);
    if (name !== null && CONSTRAINING_SCHEMA_CALLS.has(name)) {
      return true;
    }
    if (name === 'pipe' && node.arguments.some((a) => schemaConstrains(context, a, [], depth + 1))) {
      return true;
    }
    return callee.type === AST_NODE_TYPES.MemberExpression ? schemaConstrains(context, callee.object, [], depth + 1) : false;
  }
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    return schemaConstrains(context, node.object, [], depth + 1);
  }
  return false;
}

function objectShape(context: FileContext, node: TSESTree.Node, depth: number): TSESTree.ObjectExpression | null {
  if (depth > 12 || node.type !== AST_NODE_TYPES.CallExpression) {
    return null;
  }
  const callee = skipTsWrappers(node.callee);
  const name = calledName(context, callee);
  const arg = node.arguments[0] ? dereference(context, node.arguments[0]) : null;
  if (name !== null && OBJECT_SCHEMA_CALLS.has(name) && arg?.type === AST_NODE_TYPES.ObjectExpression) {
    return arg;
  }
  return callee.type === AST_NODE_TYPES.MemberExpression ? objectShape(context, dereference(context, callee.object), depth + 1) : null;
}
