import { ESLintUtils } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { judgeAbortSignal, judgeTimeoutOptions } from '../../../src/analysis/http/index';

/**
 * Test probe for the HTTP engine, on calls of two probe functions:
 * - `options({ … })`: `judgeTimeoutOptions` of the object literal, with the spec from the
 *   probe's options (by default `timeout` keys, `0`/`false` disabling, signals accepted);
 *   `detail` names the disabling property, or the signal verdict behind `untimed-signal`;
 * - `signal(x)`: `judgeAbortSignal` of `x` (`timeout`, `untimed`, `none`, `unknown`).
 */
export const httpProbe = ESLintUtils.RuleCreator.withoutDocs<
  [{ timeoutKeys?: string[]; disabledValues?: (number | boolean | null)[]; acceptsSignal?: boolean }],
  'options' | 'signal'
>({
  meta: {
    type: 'problem',
    messages: {
      options: 'options: {{verdict}}{{detail}}',
      signal: 'signal: {{verdict}}',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          timeoutKeys: { type: 'array', items: { type: 'string' } },
          disabledValues: { type: 'array', items: { type: ['number', 'boolean', 'null'] } },
          acceptsSignal: { type: 'boolean' },
        },
      },
    ],
    defaultOptions: [{}],
  },
  create(context, [options]) {
    const spec = {
      timeoutKeys: options.timeoutKeys ?? ['timeout'],
      disabledValues: options.disabledValues ?? [0, false],
      acceptsSignal: options.acceptsSignal ?? true,
    };
    return {
      CallExpression(node) {
        const [arg] = node.arguments;
        if (node.callee.type !== AST_NODE_TYPES.Identifier || !arg) {
          return;
        }
        if (node.callee.name === 'options' && arg.type === AST_NODE_TYPES.ObjectExpression) {
          const verdict = judgeTimeoutOptions(context, arg, spec);
          const detail = verdict.kind === 'disabled'
            ? ` (${context.sourceCode.getText(verdict.property)})`
            : verdict.kind === 'untimed-signal'
              ? ` (${verdict.signal}: ${context.sourceCode.getText(verdict.property)})`
              : '';
          context.report({ node: arg, messageId: 'options', data: { verdict: verdict.kind, detail } });
        } else if (node.callee.name === 'signal') {
          context.report({ node: arg, messageId: 'signal', data: { verdict: judgeAbortSignal(context, arg) } });
        }
      },
    };
  },
});
