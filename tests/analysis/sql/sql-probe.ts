import type { TSESTree } from '@typescript-eslint/utils';
import { ESLintUtils } from '@typescript-eslint/utils';

import {
  analyzeStringBuild, approximateText, findSqlSinkCalls, looksLikeSql, looksLikeSqlStatement,
  sqlSinkCallFilter, sqlStringBuildOptions,
} from '../../../src/analysis/sql/index';
import { classifyValue } from '../../../src/analysis/constant-values/index';

/**
 * Test probe for the SQL sink finder: reports every call `findSqlSinkCalls` returns, at the
 * call, with the sink's argument index, parameter binding, whether the receiver was only
 * recognised by its method name (`fallback`, which needs SQL-looking text) and the SQL
 * argument's source text. Collects calls through `sqlSinkCallFilter`, as the rule does.
 */
export const sqlSinkProbe = ESLintUtils.RuleCreator.withoutDocs<[{ sinks?: string[] }], 'sink'>({
  meta: {
    type: 'problem',
    messages: { sink: 'sink arg {{arg}} binding {{binding}} ({{how}}): {{argument}}' },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: { sinks: { type: 'array', items: { type: 'string' } } },
      },
    ],
    defaultOptions: [{}],
  },
  create(context, [options]) {
    const sinks = options.sinks ?? [];
    const mayBeSink = sqlSinkCallFilter(context, sinks);
    const calls: TSESTree.CallExpression[] = [];
    return {
      [mayBeSink.selector](node: TSESTree.CallExpression) {
        if (mayBeSink.accepts(node)) {
          calls.push(node);
        }
      },
      'Program:exit'() {
        for (const found of findSqlSinkCalls(context, calls, sinks)) {
          context.report({
            node: found.call,
            messageId: 'sink',
            data: {
              arg: String(found.sink.arg),
              binding: found.sink.binding ?? '-',
              how: found.needsSqlText ? 'fallback' : 'resolved',
              argument: context.sourceCode.getText(found.argument),
            },
          });
        }
      },
    };
  },
});

/**
 * Test probe for the SQL value analyses, on calls of three probe functions:
 * - `classify(x)`: `classifyValue` of `x`, reported as `constant`, `numeric` or `arbitrary`;
 * - `build(x)`: `analyzeStringBuild` of `x`: its pieces (text JSON-quoted, values as
 *   `{source}` with `%specifier` and `<-alias` chain), whether it is `built`, and what
 *   `looksLikeSql`/`looksLikeSqlStatement` say of its approximate text (`sql`, `statement`, `-`).
 */
export const sqlValueProbe = ESLintUtils.RuleCreator.withoutDocs<[], 'constant' | 'numeric' | 'arbitrary' | 'build'>({
  meta: {
    type: 'problem',
    messages: {
      constant: 'constant',
      numeric: 'numeric',
      arbitrary: 'arbitrary',
      build: '{{pieces}} | built: {{built}} | sql: {{sql}}',
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    const text = (node: TSESTree.Node): string => context.sourceCode.getText(node);
    return {
      CallExpression(node) {
        const [arg] = node.arguments;
        if (node.callee.type !== 'Identifier' || !arg) {
          return;
        }
        if (node.callee.name === 'classify') {
          const derivation = classifyValue(context, arg);
          context.report({ node: arg, messageId: derivation ?? 'arbitrary' });
        } else if (node.callee.name === 'build') {
          const build = analyzeStringBuild(context, arg, sqlStringBuildOptions(context));
          const pieces = build.pieces.map((piece) => piece.kind === 'text'
            ? JSON.stringify(piece.value)
            : `{${text(piece.node)}${piece.specifier ? `%${piece.specifier}` : ''}${piece.aliases.map((alias) => `<-${alias.name}`).join('')}}`);
          const approximate = approximateText(build);
          const sql = looksLikeSqlStatement(approximate) ? 'statement' : looksLikeSql(approximate) ? 'sql' : '-';
          context.report({ node: arg, messageId: 'build', data: { pieces: pieces.join(' ') || '-', built: String(build.built), sql } });
        }
      },
    };
  },
});
