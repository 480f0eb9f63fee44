import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { resolveCallTarget } from '../../core/modules';
import { skipTsWrappers } from '../../core/static';
import type { FunctionLike } from '../../core/functions';
import type { FileContext } from '../../core/context';

/**
 * Library calls that hand a file-routed endpoint over to another router: the endpoint is a
 * gateway, and each procedure or route behind it is judged where it is declared (tRPC
 * procedures by the tRPC adapter, Hono routes by the Hono adapter).
 * Module specifier → exported call paths.
 */
const DISPATCHERS: Readonly<Record<string, readonly string[]>> = {
  '@trpc/server/adapters/fetch': ['fetchRequestHandler'],
  '@trpc/server/adapters/next': ['createNextApiHandler', 'nextAdapter'],
  '@trpc/server/adapters/next-app-dir': ['nextAppDirCaller'],
  'hono/vercel': ['handle'],
  'hono/nextjs': ['handle'],
  '@hono/node-server/vercel': ['handle'],
};

/** Whether a call resolves to one of the dispatchers above. */
function isDispatcherCall(context: FileContext, node: TSESTree.Node): node is TSESTree.CallExpression {
  if (node.type !== AST_NODE_TYPES.CallExpression) {
    return false;
  }
  const target = resolveCallTarget(context, node.callee);
  return target?.module != null && (DISPATCHERS[target.module]?.includes(target.path.join('.')) ?? false);
}

/** The expression a function answers with when its body is only that: `(req) => x`, `{ return x; }`, `{ return await x; }`. */
function soleResult(fn: FunctionLike): TSESTree.Node | null {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) {
    return fn.body;
  }
  const [only, ...rest] = fn.body.body;
  return rest.length === 0 && only?.type === AST_NODE_TYPES.ReturnStatement && only.argument ? only.argument : null;
}

/**
 * The dispatcher call that a route value or its handlers forward every request to, or
 * `null`: `export const GET = handle(app)`, `export default createNextApiHandler({ router })`,
 * `const handler = (req) => fetchRequestHandler({ req, router: appRouter }); export { handler as GET }`.
 * @example routeDispatcher(context, binding.value, fns) // the `fetchRequestHandler(…)` call
 */
export function routeDispatcher(context: FileContext, value: TSESTree.Node | null, fns: readonly FunctionLike[]): TSESTree.CallExpression | null {
  const direct = value ? skipTsWrappers(value) : null;
  if (direct && isDispatcherCall(context, direct)) {
    return direct;
  }
  if (fns.length !== 1) {
    return null;
  }
  let result = soleResult(fns[0]!);
  result = result ? skipTsWrappers(result) : null;
  if (result?.type === AST_NODE_TYPES.AwaitExpression) {
    result = skipTsWrappers(result.argument);
  }
  return result && isDispatcherCall(context, result) ? result : null;
}
