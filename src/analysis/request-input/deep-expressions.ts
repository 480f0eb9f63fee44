import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { skipTsWrappers } from '../../core/static';

/**
 * Nested evaluations beyond which the tracker answers "unknown" instead of recursing further:
 * each level takes several stack frames, and ESLint may run on a thread with a 1 MB stack.
 */
export const MAX_DEPTH = 400;
/** Operand chains at least this long are evaluated bottom-up first (see `prime`). */
export const PRIME_DEPTH = 64;

/** The largest of some nodes (by source extent): the likely deep one. */
export function largest(nodes: readonly (TSESTree.Node | null | undefined)[]): TSESTree.Node | null {
  let best: TSESTree.Node | null = null;
  for (const node of nodes) {
    if (node && (!best || node.range[1] - node.range[0] > best.range[1] - best.range[0])) {
      best = node;
    }
  }
  return best;
}

/** The operand of `node` that `evaluate` recurses into and that holds most of its code. */
export function spineChild(node: TSESTree.Node): TSESTree.Node | null {
  switch (node.type) {
    case AST_NODE_TYPES.MemberExpression:
      return node.object;
    case AST_NODE_TYPES.ChainExpression:
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSTypeAssertion:
      return node.expression;
    case AST_NODE_TYPES.AwaitExpression:
    case AST_NODE_TYPES.SpreadElement:
      return node.argument;
    case AST_NODE_TYPES.BinaryExpression:
      return node.operator === '+' ? largest([node.left, node.right]) : null;
    case AST_NODE_TYPES.LogicalExpression:
    case AST_NODE_TYPES.AssignmentExpression:
      return largest([node.left, node.right]);
    case AST_NODE_TYPES.ConditionalExpression:
      return largest([node.consequent, node.alternate]);
    case AST_NODE_TYPES.TemplateLiteral:
      return largest(node.expressions);
    case AST_NODE_TYPES.ArrayExpression:
      return largest(node.elements);
    case AST_NODE_TYPES.SequenceExpression:
      return node.expressions.at(-1) ?? null;
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression: {
      const callee = skipTsWrappers(node.callee);
      return largest([callee.type === AST_NODE_TYPES.MemberExpression ? callee.object : null, ...node.arguments]);
    }
    default:
      return null;
  }
}
