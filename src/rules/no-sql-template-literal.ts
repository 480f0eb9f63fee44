import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { analyzeStringBuild, approximateText, findSqlSinkCalls, getSqlKindResolver, isMigrationFile, looksLikeSql, looksLikeSqlStatement, parameterizeCall, sqlSinkCallFilter, sqlStringBuildOptions } from '../analysis/sql/index';
import { classifyValue } from '../analysis/constant-values/index';
import type { SqlSinkCall, ValuePiece } from '../analysis/sql/index';
import { createRule } from '../core/create-rule';
import { getRequestInputOrigin } from '../analysis/request-input/index';
import { configKey, perConfiguration } from '../core/settings';
import { skipTsWrappers } from '../core/static';
import { ESCAPE_FUNCTION_NAMES } from '../data/sql';
import { NAME_LIST_SCHEMA } from '../core/option-schemas';
import { isTestCode } from '../project/index';

/** The rule's `sinks` merged with `settings['agent-guard'].sql.sinks`. */
const SINKS = configKey<readonly string[]>('sql sinks');

export type Options = [{
  sinks?: string[];
  allowNumericCoercion?: boolean;
  allowEscapeFunctions?: boolean;
  checkAllSqlStrings?: boolean;
  checkMigrations?: boolean;
}];
export type MessageIds = 'dynamicSql' | 'escapedSql' | 'dynamicSqlString' | 'useParameters' | 'useTaggedTemplate';

type Verdict = 'safe' | 'escaped' | 'unsafe';

const MAX_TEXT = 40;

export default createRule<Options, MessageIds>({
  name: 'no-sql-template-literal',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow SQL text built from non-constant values',
      recommended: 'error',
      strictOptions: [{ allowNumericCoercion: false, allowEscapeFunctions: false, checkAllSqlStrings: true, checkMigrations: true }],
    },
    hasSuggestions: true,
    messages: {
      dynamicSql: 'The SQL text passed to `{{sink}}`{{via}} embeds {{value}}. Pass values as bound parameters instead of building the query string.',
      escapedSql: 'The SQL text passed to `{{sink}}`{{via}} embeds {{value}}, escaped by hand. Prefer bound parameters.',
      dynamicSqlString: 'This SQL text embeds {{value}}. Build queries with bound parameters instead.',
      useParameters: 'Move the interpolated values into query parameters ({{placeholder}}).',
      useTaggedTemplate: 'Use the tagged `{{tag}}` template, which sends interpolations as parameters.',
    },
    schema: [{
      type: 'object',
      additionalProperties: false,
      properties: {
        sinks: {
          ...NAME_LIST_SCHEMA,
          description: 'Extra query functions whose first argument is SQL text: `module#export.method` or (dotted) names. Merged with `settings["agent-guard"].sql.sinks`.',
        },
        allowNumericCoercion: {
          type: 'boolean',
          description: 'Allow interpolations coerced to numbers (`Number(x)`, `parseInt(x)`, `+x`, `x.toFixed()`, arithmetic).',
        },
        allowEscapeFunctions: {
          type: 'boolean',
          description: 'Allow interpolations quoted by escaping helpers (`mysql.escape`, `escapeId`, pg-format `%I`/`%L`, `knex.ref`).',
        },
        checkAllSqlStrings: {
          type: 'boolean',
          description: 'Also report dynamic SQL-looking strings that are not seen reaching a query API.',
        },
        checkMigrations: {
          type: 'boolean',
          description: 'Also check files in migrations, migration, seeds or seeders folders, which a migration tool runs with SQL built from the schema.',
        },
      },
    }],
    defaultOptions: [{ sinks: [], allowNumericCoercion: true, allowEscapeFunctions: true, checkAllSqlStrings: false, checkMigrations: false }],
  },
  create(context, [options]) {
    // Test code is not deployed: its servers, queries and requests are test scaffolding.
    if (isTestCode(context)) {
      return {};
    }
    // Migrations and seeds run at deploy time, with SQL built from the schema and constants.
    if (options.checkMigrations !== true && isMigrationFile(context)) {
      return {};
    }
    const sourceCode = context.sourceCode;
    const calls: TSESTree.CallExpression[] = [];
    const candidates: TSESTree.Node[] = [];
    const consumed = new Set<TSESTree.Node>();
    // One merged list per configuration, so that its parsed form is shared by every file.
    const sinks = perConfiguration(context, options, SINKS, (settings) => [...(options.sinks ?? []), ...settings.sql.sinks]);
    const mayBeSink = sqlSinkCallFilter(context, sinks);

    return {
      [mayBeSink.selector](node: TSESTree.CallExpression) {
        if (mayBeSink.accepts(node)) {
          calls.push(node);
        }
      },
      ...(options.checkAllSqlStrings
        ? {
            TemplateLiteral(node: TSESTree.TemplateLiteral) {
              if (node.expressions.length > 0 && node.parent.type !== AST_NODE_TYPES.TaggedTemplateExpression) {
                candidates.push(node);
              }
            },
            'BinaryExpression[operator="+"]'(node: TSESTree.BinaryExpression) {
              if (node.parent.type !== AST_NODE_TYPES.BinaryExpression || node.parent.operator !== '+') {
                candidates.push(node);
              }
            },
          }
        : {}),
      'Program:exit'() {
        // Without `checkAllSqlStrings` the consumed nodes are never read: let unresolved calls without SQL text go early.
        for (const found of findSqlSinkCalls(context, calls, sinks, { reportsOnly: !options.checkAllSqlStrings })) {
          found.build.nodes.forEach((node) => consumed.add(node));
          checkSink(found);
        }
        for (const node of candidates) {
          if (!consumed.has(node)) {
            checkString(node);
          }
        }
      },
    };

    function checkSink(found: SqlSinkCall): void {
      const { build, sink } = found;
      if (found.needsSqlText && !looksLikeSql(approximateText(build))) {
        return;
      }
      const values = build.pieces.filter((piece): piece is ValuePiece => piece.kind === 'value');
      if (!build.built && !(sink.rawValue && values.length === 1)) {
        return; // an opaque value passed through (a wrapper's parameter, a prepared string)
      }
      const unsafe = values.filter((piece) => verdict(piece) === 'unsafe');
      const escaped = values.filter((piece) => verdict(piece) === 'escaped');
      const name = sinkName(found.call.callee);
      // A wrapper from another file: say where it is, as the reader cannot see it here.
      const via = found.definedIn ? ` (${found.definedIn}, which passes it on as SQL text)` : '';
      if (unsafe.length > 0) {
        context.report({
          node: found.argument,
          messageId: 'dynamicSql',
          data: { value: describe(unsafe), sink: name, via },
          suggest: suggestionsFor(found),
        });
      } else if (escaped.length > 0 && !options.allowEscapeFunctions) {
        context.report({ node: found.argument, messageId: 'escapedSql', data: { value: describe(escaped), sink: name, via } });
      }
    }

    function checkString(node: TSESTree.Node): void {
      const build = analyzeStringBuild(context, node, sqlStringBuildOptions(context));
      build.nodes.forEach((inner) => consumed.add(inner));
      if (!build.built || !looksLikeSqlStatement(approximateText(build))) {
        return;
      }
      const unsafe = build.pieces.filter((piece): piece is ValuePiece => piece.kind === 'value' && verdict(piece) === 'unsafe');
      if (unsafe.length > 0) {
        context.report({ node, messageId: 'dynamicSqlString', data: { value: describe(unsafe) } });
      }
    }

    function verdict(piece: ValuePiece): Verdict {
      if (piece.specifier === 'I' || piece.specifier === 'L') {
        return 'escaped';
      }
      if (piece.specifier === 'd' || piece.specifier === 'i' || piece.specifier === 'f') {
        return options.allowNumericCoercion ? 'safe' : 'unsafe';
      }
      if (isEscapeCall(piece.node)) {
        return 'escaped';
      }
      const derivations = [piece.node, ...piece.aliases].map((node) => classifyValue(context, node));
      if (derivations.includes('constant')) {
        return 'safe';
      }
      return derivations.includes('numeric') && options.allowNumericCoercion ? 'safe' : 'unsafe';
    }

    function isEscapeCall(raw: TSESTree.Node): boolean {
      const node = skipTsWrappers(raw);
      if (node.type !== AST_NODE_TYPES.CallExpression) {
        return false;
      }
      const callee = skipTsWrappers(node.callee);
      if (getSqlKindResolver(context).specOf(callee)?.escape) {
        return true;
      }
      const name = callee.type === AST_NODE_TYPES.Identifier
        ? callee.name
        : callee.type === AST_NODE_TYPES.MemberExpression && callee.property.type === AST_NODE_TYPES.Identifier && !callee.computed
          ? callee.property.name
          : null;
      return name !== null && ESCAPE_FUNCTION_NAMES.has(name);
    }

    /** "`req.query.id`", "`id` (request input `req.query.id`)", "… and 2 more values". */
    function describe(pieces: readonly ValuePiece[]): string {
      const [first] = pieces;
      const node = skipTsWrappers(first!.node);
      const named = node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.MemberExpression;
      const shown = named || first!.aliases.length === 0 ? node : first!.aliases[0]!;
      const text = `\`${truncate(sourceCode.getText(shown))}\``;
      const origin = getRequestInputOrigin(context, first!.aliases[0] ?? node);
      let value = text;
      if (origin) {
        value = origin.description === sourceCode.getText(shown)
          ? `request input ${text}`
          : `${text} (request input \`${truncate(origin.description)}\`)`;
      }
      const more = pieces.length - 1;
      return more === 0 ? value : `${value} and ${more} more value${more === 1 ? '' : 's'}`;
    }

    function suggestionsFor(found: SqlSinkCall): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      const rewrite = found.sink.binding
        ? parameterizeCall(sourceCode, found.call, found.argument, found.sink.arg, found.sink.binding)
        : null;
      if (!rewrite) {
        return [];
      }
      return [rewrite.tag
        ? { messageId: 'useTaggedTemplate', data: { tag: rewrite.tag }, fix: rewrite.fix }
        : { messageId: 'useParameters', data: { placeholder: rewrite.placeholder }, fix: rewrite.fix }];
    }
  },
});

/** `pool.query`; for long receivers (`repo.createQueryBuilder('u').where`) only `….where`. */
function sinkName(callee: TSESTree.Node): string {
  const node = skipTsWrappers(callee);
  if (node.type === AST_NODE_TYPES.MemberExpression && !node.computed && node.property.type === AST_NODE_TYPES.Identifier) {
    const object = node.object;
    const short = object.type === AST_NODE_TYPES.Identifier || object.type === AST_NODE_TYPES.ThisExpression ||
      (object.type === AST_NODE_TYPES.MemberExpression && !object.computed &&
        (object.object.type === AST_NODE_TYPES.Identifier || object.object.type === AST_NODE_TYPES.ThisExpression));
    return short ? `${sourceText(object)}.${node.property.name}` : `….${node.property.name}`;
  }
  return node.type === AST_NODE_TYPES.Identifier ? node.name : '…';
}

function sourceText(node: TSESTree.Node): string {
  if (node.type === AST_NODE_TYPES.Identifier) {
    return node.name;
  }
  if (node.type === AST_NODE_TYPES.ThisExpression) {
    return 'this';
  }
  const member = node as TSESTree.MemberExpression;
  return `${sourceText(member.object)}.${(member.property as TSESTree.Identifier).name}`;
}

function truncate(text: string): string {
  const flat = text.replace(/\s+/gu, ' ');
  return flat.length > MAX_TEXT ? `${flat.slice(0, MAX_TEXT - 1)}…` : flat;
}

