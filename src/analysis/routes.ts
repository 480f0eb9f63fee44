import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { FRAMEWORK_ADAPTERS } from '../frameworks/registry';
import type { Route } from '../frameworks/types';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** Method names of member calls some adapter wants to judge lazily (`x.get(…)` on an untraced `x`). */
const CALL_METHODS = new Set(FRAMEWORK_ADAPTERS.flatMap((adapter) => adapter.routes?.callMethods ?? []));

/**
 * Whether a call may register a route on a receiver no import explains, so that a rule
 * collects it with a cheap selector and hands it to `getRoutes`.
 */
export function isRouteCandidate(call: TSESTree.CallExpression): boolean {
  const callee = call.callee;
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    !callee.computed &&
    callee.property.type === AST_NODE_TYPES.Identifier &&
    CALL_METHODS.has(callee.property.name) &&
    call.arguments.length > 0
  );
}

/**
 * Every route the file exposes, from the framework adapters' route facets: the targeted
 * lookups of each adapter (imports, file routing, decorators), then the candidate calls
 * the lookups did not explain, judged by the adapters' `routeOfCall`. A registration
 * judged lazily is skipped when a lookup already found it.
 */
export function getRoutes(context: Context, candidates: readonly TSESTree.CallExpression[]): Route[] {
  const routes: Route[] = [];
  const seen = new Set<TSESTree.Node>();
  const add = (route: Route): void => {
    seen.add(route.node);
    routes.push(route);
  };
  for (const adapter of FRAMEWORK_ADAPTERS) {
    for (const route of adapter.routes?.findRoutes?.(context) ?? []) {
      add(route);
    }
  }
  for (const call of candidates) {
    const callee = call.callee as TSESTree.MemberExpression;
    if (seen.has(callee.property)) {
      continue;
    }
    for (const adapter of FRAMEWORK_ADAPTERS) {
      const route = adapter.routes?.routeOfCall?.(context, call);
      if (route) {
        add(route);
        break;
      }
    }
  }
  return routes;
}
