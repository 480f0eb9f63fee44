import { ESLintUtils } from '@typescript-eslint/utils';

import { classifyRequestInput } from '../../src/analysis/request-input/tracker';

/**
 * Test probe for the request-input tracker: reports how it classifies every argument of
 * `sink(...)` calls. `input` carries the origin's description, framework and the
 * false-confidence checks seen (joined with `|`, or `-`).
 */
export const probeRule = ESLintUtils.RuleCreator.withoutDocs<[{ sources?: string[]; sanitizers?: string[] }], 'input' | 'safe' | 'unknown'>({
  meta: {
    type: 'problem',
    messages: {
      input: 'input {{source}} from {{framework}} ({{notes}})',
      safe: 'safe',
      unknown: 'unknown',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          sources: { type: 'array', items: { type: 'string' } },
          sanitizers: { type: 'array', items: { type: 'string' } },
        },
      },
    ],
    defaultOptions: [{}],
  },
  create(context, [options]) {
    return {
      CallExpression(node) {
        if (node.callee.type !== 'Identifier' || node.callee.name !== 'sink') {
          return;
        }
        for (const arg of node.arguments) {
          const result = classifyRequestInput(context, arg, options);
          if (result.kind === 'input') {
            const { origin } = result;
            context.report({
              node: arg,
              messageId: 'input',
              data: { source: origin.description, framework: origin.framework, notes: origin.falseConfidence.join('|') || '-' },
            });
          } else {
            context.report({ node: arg, messageId: result.kind });
          }
        }
      },
    };
  },
});
