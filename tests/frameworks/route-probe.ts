import type { TSESTree } from '@typescript-eslint/utils';
import { ESLintUtils } from '@typescript-eslint/utils';

import { getRoutes, isRouteCandidate } from '../../src/frameworks/registry';

/**
 * Test probe for the route model: reports every route the framework adapters find, at the
 * route's node, with its label, framework, guards (source text, `via`) and the number of
 * handler functions visible, so that route-model tests assert exactly what the rule sees.
 */
export const routeProbe = ESLintUtils.RuleCreator.withoutDocs<[], 'route'>({
  meta: {
    type: 'problem',
    messages: { route: '{{label}} [{{framework}}] guards: {{guards}}; handlers: {{handlers}}{{extra}}' },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    const candidates: TSESTree.CallExpression[] = [];
    return {
      CallExpression(node) {
        if (isRouteCandidate(node)) {
          candidates.push(node);
        }
      },
      'Program:exit'() {
        for (const route of getRoutes(context, candidates)) {
          const guards = route.guards.map((g) => `${context.sourceCode.getText(g.node)} (${g.via})`).join(', ') || '-';
          const extra = `${route.publicMarker ? '; public' : ''}${route.fileRouted ? '; file-routed' : ''}`;
          context.report({
            node: route.node,
            messageId: 'route',
            data: { label: route.label, framework: route.framework, guards, handlers: String(route.handlers.length), extra },
          });
        }
      },
    };
  },
});
