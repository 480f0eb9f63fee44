import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { skipTsWrappers, staticValueOf } from './static';
import type { FileContext } from './context';

const isNode = (value: unknown): value is TSESTree.Node => value !== null && typeof value === 'object' && 'type' in value;

/**
 * The child nodes of `node` in source order, by the parser's visitor keys (so TS and JSX
 * nodes are covered). For walks bounded to one function, where a selector cannot be used.
 */
export function childNodes(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): TSESTree.Node[] {
  const keys = (sourceCode.visitorKeys as Record<string, readonly string[] | undefined>)[node.type] ?? [];
  const out: TSESTree.Node[] = [];
  for (const key of keys) {
    const value = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(value)) {
      for (const child of value) {
        if (isNode(child)) {
          out.push(child);
        }
      }
    } else if (isNode(value)) {
      out.push(value); // most keys hold one node: no array is made for them
    }
  }
  return out;
}

/**
 * Pushes the child nodes of `node` onto a walk's `stack` without making an array per node:
 * in source order, or `reversed` for a depth-first walk that pops them in source order.
 * @example const stack = [fn.body]; while (stack.length > 0) { const node = stack.pop()!; …; pushChildNodes(sourceCode, node, stack, 'reversed'); }
 */
export function pushChildNodes(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node, stack: TSESTree.Node[], order: 'source' | 'reversed' = 'source'): void {
  const keys = (sourceCode.visitorKeys as Record<string, readonly string[] | undefined>)[node.type];
  if (!keys) {
    return;
  }
  const reversed = order === 'reversed';
  for (let k = reversed ? keys.length - 1 : 0; reversed ? k >= 0 : k < keys.length; k += reversed ? -1 : 1) {
    const value = (node as unknown as Record<string, unknown>)[keys[k]!];
    if (Array.isArray(value)) {
      for (let i = reversed ? value.length - 1 : 0; reversed ? i >= 0 : i < value.length; i += reversed ? -1 : 1) {
        const child: unknown = value[i];
        if (isNode(child)) {
          stack.push(child);
        }
      }
    } else if (isNode(value)) {
      stack.push(value);
    }
  }
}

/** The outermost node carrying `node`'s value unchanged through `x as T`, `x!`, `x satisfies T`, `a?.b`. */
export function outerExpression(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (
    current.parent &&
    (current.parent.type === AST_NODE_TYPES.TSAsExpression ||
      current.parent.type === AST_NODE_TYPES.TSNonNullExpression ||
      current.parent.type === AST_NODE_TYPES.TSSatisfiesExpression ||
      current.parent.type === AST_NODE_TYPES.ChainExpression)
  ) {
    current = current.parent;
  }
  return current;
}

/** `a.b.c` for identifiers and static member chains, or `null`. */
export function dottedName(node: TSESTree.Node): string | null {
  const expr = skipTsWrappers(node);
  if (expr.type === AST_NODE_TYPES.Identifier) {
    return expr.name;
  }
  if (expr.type === AST_NODE_TYPES.ThisExpression) {
    return 'this';
  }
  if (expr.type === AST_NODE_TYPES.MemberExpression && !expr.computed && expr.property.type === AST_NODE_TYPES.Identifier) {
    const object = dottedName(expr.object);
    return object === null ? expr.property.name : `${object}.${expr.property.name}`;
  }
  if (expr.type === AST_NODE_TYPES.CallExpression || expr.type === AST_NODE_TYPES.NewExpression) {
    // `new Webhook(secret).verify(…)` reads as `Webhook.verify`.
    return dottedName(expr.callee);
  }
  return null;
}

/**
 * The static name of a member access: `a.b` and `a['b']` -> `'b'`, `a[0]` -> `'0'`, and a
 * computed key whose value is a constant string or number (`a[KEY]` with `const KEY = 'b'`,
 * `` a[`b`] ``); `null` for `a.#b` and for keys that are not such a constant. A literal key
 * costs no scope look-up.
 * @example memberName(context, node) // `err[STACK]` with `const STACK = 'stack'` -> 'stack'
 */
export function memberName(context: FileContext, node: TSESTree.MemberExpression): string | null {
  const property = node.property;
  if (!node.computed) {
    return property.type === AST_NODE_TYPES.Identifier ? property.name : null;
  }
  const value = property.type === AST_NODE_TYPES.Literal ? property : staticValueOf(context, property);
  return value && (typeof value.value === 'string' || typeof value.value === 'number') ? String(value.value) : null;
}

/**
 * The name a callee is written with, without any scope work: the identifier (`json`), or the
 * property of a non-computed member (`res.json` → `json`); `null` otherwise. TS wrappers skipped.
 */
export function staticCalleeName(callee: TSESTree.Node): string | null {
  const node = skipTsWrappers(callee);
  if (node.type === AST_NODE_TYPES.Identifier) {
    return node.name;
  }
  return node.type === AST_NODE_TYPES.MemberExpression && !node.computed && node.property.type === AST_NODE_TYPES.Identifier
    ? node.property.name
    : null;
}

/**
 * The name a call is made by: the member's name (constant computed keys included, see
 * `memberName`) or the identifier's. `z.string()` → `string`, `pipe(…)` → `pipe`, else `null`.
 */
export function calledName(context: FileContext, callee: TSESTree.Node): string | null {
  const node = skipTsWrappers(callee);
  return node.type === AST_NODE_TYPES.MemberExpression ? memberName(context, node) : node.type === AST_NODE_TYPES.Identifier ? node.name : null;
}

/**
 * The property path from an object destructuring pattern to `id`, through defaults: `[]` for
 * the pattern itself, `['Pool']` for `const { Pool: P } = require('pg')`, `['a', 'b']` for
 * `{ a: { b } }`; `null` when `id` is not in it or a key is not a static name.
 */
export function patternPath(pattern: TSESTree.Node, id: TSESTree.Node): string[] | null {
  if (pattern === id) {
    return [];
  }
  if (pattern.type === AST_NODE_TYPES.AssignmentPattern) {
    return patternPath(pattern.left, id);
  }
  if (pattern.type === AST_NODE_TYPES.ObjectPattern) {
    for (const prop of pattern.properties) {
      if (prop.type !== AST_NODE_TYPES.Property) {
        continue;
      }
      const key = !prop.computed && prop.key.type === AST_NODE_TYPES.Identifier
        ? prop.key.name
        : prop.key.type === AST_NODE_TYPES.Literal ? String(prop.key.value) : null;
      const rest = key === null ? null : patternPath(prop.value, id);
      if (rest) {
        return [key!, ...rest];
      }
    }
  }
  return null;
}

/**
 * The operands of a `+` chain, left to right, read without recursion (a 10,000-long
 * concatenation does not overflow the stack): `a + b + c` → `[a, b, c]`. A parenthesised sum on
 * the right (`a + (b + c)`) stays one operand.
 */
export function concatOperands(node: TSESTree.Node): TSESTree.Node[] {
  const operands: TSESTree.Node[] = [];
  let current: TSESTree.Node = node;
  while (current.type === AST_NODE_TYPES.BinaryExpression && current.operator === '+') {
    operands.push(current.right);
    current = current.left;
  }
  operands.push(current);
  return operands.reverse();
}
