import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { dereference, skipTsWrappers } from '../../core/static';
import { calledName } from '../../core/ast';
import type { FileContext } from '../../core/context';
import { isAllowListRegex, isShellSafeRegex, regexOf } from './regexes';
import type { ValuePurpose } from './values';

/**
 * Schema methods returning the validated input (zod, yup). Not `create`: it is what ORMs and
 * clients call to store what they are given (`prisma.link.create({ data })`, `db.create(body)`),
 * whose result is the stored record, not the input (superstruct's `create(value, Struct)` is a
 * function, not a method).
 */
export const PARSE_METHODS = new Set(['parse', 'parseAsync', 'validateSync', 'validate', 'cast']);
export const SAFE_PARSE_METHODS = new Set(['safeParse', 'safeParseAsync']);
/** Schema building calls that constrain a string to a fixed alphabet or set. */
const CONSTRAINING_SCHEMA_CALLS = new Set([
  'regex', 'enum', 'nativeEnum', 'literal', 'uuid', 'cuid', 'cuid2', 'ulid', 'nanoid', 'number', 'int',
  'integer', 'boolean', 'bigint', 'picklist', 'matches', 'oneOf',
]);
/** Schema calls that constrain a string by a pattern (zod and valibot `regex`, yup `matches`). */
const PATTERN_SCHEMA_CALLS = new Set(['regex', 'matches']);
const OBJECT_SCHEMA_CALLS = new Set(['object', 'strictObject', 'looseObject', 'shape']);
/** Object schema calls that add keys to the schema they are called on: `base.extend({ tail: z.number() })`. */
const EXTENDING_SCHEMA_CALLS = new Set(['extend', 'safeExtend']);

/**
 * Whether a schema constrains the value at `keys` to a fixed alphabet or set (zod, valibot, yup).
 * For a command, a pattern constrains only as an explicit check does: anchored, no wildcard, and
 * every match one shell word (`/^[\w.-]+$/`, not `/^[\w ;`]+$/` nor a pattern it cannot read).
 */
export function schemaConstrains(context: FileContext, schema: TSESTree.Node | null, keys: readonly string[], depth: number, purpose: ValuePurpose = 'path'): boolean {
  if (!schema || depth > 12) {
    return false;
  }
  const node = dereference(context, schema);
  if (keys.length > 0) {
    // The first shape that declares the key: an extension's keys override its base's.
    for (const shape of objectShapes(context, node, depth)) {
      const prop = shape.properties.find(
        (p): p is TSESTree.Property =>
          p.type === AST_NODE_TYPES.Property &&
          ((p.key.type === AST_NODE_TYPES.Identifier && !p.computed && p.key.name === keys[0]) ||
            (p.key.type === AST_NODE_TYPES.Literal && String(p.key.value) === keys[0])),
      );
      if (prop) {
        return schemaConstrains(context, prop.value, keys.slice(1), depth + 1, purpose);
      }
    }
    return false;
  }
  if (node.type === AST_NODE_TYPES.CallExpression) {
    const callee = skipTsWrappers(node.callee);
    const name = calledName(context, callee);
    if (name !== null && CONSTRAINING_SCHEMA_CALLS.has(name) && (purpose !== 'command' || !PATTERN_SCHEMA_CALLS.has(name) || shellWordPattern(context, node.arguments[0]))) {
      return true;
    }
    if (name === 'pipe' && node.arguments.some((a) => schemaConstrains(context, a, [], depth + 1, purpose))) {
      return true;
    }
    return callee.type === AST_NODE_TYPES.MemberExpression ? schemaConstrains(context, callee.object, [], depth + 1, purpose) : false;
  }
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    return schemaConstrains(context, node.object, [], depth + 1, purpose);
  }
  return false;
}

/**
 * The object literals that declare an object schema's keys, most recent first: the argument of
 * `z.object({…})` (through `.strict()`, `.optional()` and other calls on it), then, for
 * `base.extend({…})`, the extension before the base's own.
 */
function objectShapes(context: FileContext, node: TSESTree.Node, depth: number): TSESTree.ObjectExpression[] {
  if (depth > 12 || node.type !== AST_NODE_TYPES.CallExpression) {
    return [];
  }
  const callee = skipTsWrappers(node.callee);
  const name = calledName(context, callee);
  const arg = node.arguments[0] ? dereference(context, node.arguments[0]) : null;
  if (name !== null && OBJECT_SCHEMA_CALLS.has(name) && arg?.type === AST_NODE_TYPES.ObjectExpression) {
    return [arg];
  }
  const base = callee.type === AST_NODE_TYPES.MemberExpression ? objectShapes(context, dereference(context, callee.object), depth + 1) : [];
  return name !== null && EXTENDING_SCHEMA_CALLS.has(name) && arg?.type === AST_NODE_TYPES.ObjectExpression ? [arg, ...base] : base;
}

/** Whether a schema's pattern argument can be read and lets through only single shell words. */
function shellWordPattern(context: FileContext, arg: TSESTree.Node | undefined): boolean {
  const regex = arg && arg.type !== AST_NODE_TYPES.SpreadElement ? regexOf(context, arg) : null;
  return regex !== null && isAllowListRegex(regex.pattern) && isShellSafeRegex(regex.pattern);
}
