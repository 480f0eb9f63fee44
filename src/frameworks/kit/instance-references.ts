import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { iterateValueReferences } from '../../core/modules';
import type { TraceMap, TrackedReference } from '../../core/modules';
import type { FileContext } from '../../core/context';

/** Parents through which ReferenceTracker follows a value unchanged (its `isPassThrough`). */
function isPassThrough(node: TSESTree.Node): boolean {
  const parent = node.parent;
  switch (parent?.type) {
    case AST_NODE_TYPES.ConditionalExpression:
      return parent.consequent === node || parent.alternate === node;
    case AST_NODE_TYPES.SequenceExpression:
      return parent.expressions.at(-1) === node;
    case AST_NODE_TYPES.LogicalExpression:
    case AST_NODE_TYPES.ChainExpression:
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
    case AST_NODE_TYPES.TSTypeAssertion:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSInstantiationExpression:
      return true;
    default:
      return false;
  }
}

/**
 * Same as `iterateValueReferences(context, node, traceMap)` (uses of the value `node` evaluates
 * to), but linear over a file that creates many instances: for `const app = express()` it takes
 * the variable the declaration declares and follows each read of it. ReferenceTracker looks the
 * name up from the global scope, scanning every top-level function's scope per instance, which
 * is quadratic in route files that create one router per handler.
 * @example for (const ref of iterateInstanceReferences(context, expressCall, { get: { [CALL]: 1 } })) … // app.get(…) calls
 */
export function* iterateInstanceReferences<T>(
  context: FileContext,
  node: TSESTree.Node,
  traceMap: Readonly<TraceMap<T>>,
): Generator<TrackedReference<T>> {
  let top = node;
  while (isPassThrough(top)) {
    top = top.parent!;
  }
  const declarator = top.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== top || declarator.id.type !== AST_NODE_TYPES.Identifier) {
    yield* iterateValueReferences(context, node, traceMap);
    return;
  }
  // The declarator's own variable: a name lookup from the module scope would scan all its child scopes.
  const variable = context.sourceCode.getDeclaredVariables(declarator)[0];
  const seen = new Set<TSESTree.Node>();
  for (const reference of variable?.references ?? []) {
    if (!reference.isRead()) {
      continue;
    }
    for (const found of iterateValueReferences(context, reference.identifier, traceMap)) {
      if (!seen.has(found.node)) {
        seen.add(found.node);
        yield found;
      }
    }
  }
}
