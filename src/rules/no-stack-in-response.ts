import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { createRule } from '../core/create-rule';
import { RESPONSE_INDEX } from '../frameworks/registry';
import { classifyStatus, createResponderAnalysis, createResponseSinkMatcher, devErrorResponderCalls, fileHasErrorOrigin, getErrorOrigin, inErrorScope, kindSeverity } from '../analysis/errors/index';
import type { ErrorLeak, ErrorLeakKind, ErrorOriginAnalyzer, ErrorOriginOptions, ResponderLeak, ResponseSink } from '../analysis/errors/index';
import { IDENTIFIER_PATH_PATTERN, NAME_LIST_SCHEMA } from '../core/option-schemas';
import { snippet } from '../core/snippet';
import { childNodes, dottedName } from '../core/ast';
import { indentOf, lineBreakOf } from '../core/layout';
import { isTestCode } from '../project/index';

const GENERIC = "'Internal Server Error'";
const MESSAGE_IDS: Readonly<Record<ErrorLeakKind, MessageIds>> = {
  stack: 'stackInResponse',
  error: 'errorInResponse',
  details: 'detailsInResponse',
  message: 'messageInResponse',
};
const PLAIN_STATEMENTS = new Set<string>([
  AST_NODE_TYPES.ExpressionStatement,
  AST_NODE_TYPES.ReturnStatement,
  AST_NODE_TYPES.ThrowStatement,
  AST_NODE_TYPES.VariableDeclaration,
]);
/** Calls that already log the error: console, loggers (`logger.error`, `req.log.warn`), error trackers. */
const LOG_CALL = /^(?:console\.\w+|[\w.]*log(?:ger)?\.\w+|[\w.]*\.(?:captureException|captureError|notify)|captureException|log\w*|reportError)$/iu;

export type Options = [
  {
    allowMessage?: boolean;
    logger?: string;
    responseSinks?: string[];
    devGuards?: string[];
  },
];
export type MessageIds =
  | 'stackInResponse'
  | 'errorInResponse'
  | 'detailsInResponse'
  | 'messageInResponse'
  | 'devErrorResponder'
  | 'replaceWithGeneric'
  | 'replaceAndLog';

export default createRule<Options, MessageIds>({
  name: 'no-stack-in-response',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow sending caught errors, their stack traces or internal details to clients',
      recommended: 'error',
    },
    hasSuggestions: true,
    messages: {
      stackInResponse:
        '`{{expression}}` sends the stack trace of a caught error to the client through {{sink}}. Log it on the server and respond with a generic message.',
      errorInResponse:
        '`{{expression}}` sends the raw caught error to the client through {{sink}}; it can carry stack, SQL, paths or upstream details. Log it on the server and respond with a generic message.',
      detailsInResponse:
        '`{{expression}}` sends internal details of a caught error to the client through {{sink}}. Log them on the server and respond with a generic message.',
      messageInResponse:
        '`{{expression}}` sends the message of a caught error to the client through {{sink}} in a response without a 4xx status; driver and library messages reveal schema, paths and hosts. Respond with a generic message, or narrow to your own error class first.',
      devErrorResponder:
        "`{{callee}}` (npm '{{module}}') answers every error passed to `next(err)` with its stack trace; it is made for development. Mount it only there (`if (process.env.NODE_ENV === 'development')`), and answer with a generic message elsewhere.",
      replaceWithGeneric: 'Replace `{{expression}}` with a generic message.',
      replaceAndLog: 'Log the error with `{{logger}}()` and replace `{{expression}}` with a generic message.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allowMessage: {
            type: 'boolean',
            description: 'Allow `err.message` (and `String(err)`) in responses whatever their status; stacks, raw errors and details are still reported.',
          },
          logger: {
            type: 'string',
            minLength: 1,
            // A dotted path whose first name is not a reserved word, so the inserted call parses.
            pattern: IDENTIFIER_PATH_PATTERN,
            description: 'The logging call the suggestion inserts before the response: a dotted path of identifiers (`logger.error`, `this.log.warn`) whose first name is not a reserved word.',
          },
          responseSinks: {
            ...NAME_LIST_SCHEMA,
            description: 'Extra response sinks, as in docs/settings.md: `module#export` functions, or names as written (`h.response`, `sendError`); every argument is checked.',
          },
          devGuards: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description: 'Extra identifiers or expressions that are true only in development (`isLocal`, `config.debug`).',
          },
        },
      },
    ],
    defaultOptions: [{ allowMessage: false, logger: 'console.error', responseSinks: [], devGuards: [] }],
  },
  create(context, [options]) {
    // Test code is not deployed: its servers, queries and requests are test scaffolding.
    if (isTestCode(context)) {
      return {};
    }
    const sourceCode = context.sourceCode;
    const logger = options.logger ?? 'console.error';
    const { errorHandlers } = RESPONSE_INDEX;
    // The sink matcher and the responder analysis are built at the end, and only for a file where a
    // caught error can come from (see fileHasErrorOrigin).
    let matcherMemo: ReturnType<typeof createResponseSinkMatcher> | undefined;
    const matcher = (): ReturnType<typeof createResponseSinkMatcher> => (matcherMemo ??= createResponseSinkMatcher(context, { extraSinks: options.responseSinks ?? [] }));
    let respondersMemo: ReturnType<typeof createResponderAnalysis> | undefined;
    const responders = (): ReturnType<typeof createResponderAnalysis> =>
      (respondersMemo ??= createResponderAnalysis({ extraSinks: options.responseSinks ?? [], devGuards: options.devGuards ?? [], errorHandlers }));
    const originOptions: ErrorOriginOptions = {
      errorHandlers,
      devGuards: options.devGuards ?? [],
      // `res.status(500).send(getErrorMessage(err))`: what a project helper returns of the error it is handed.
      helperResult: (call, taints) => responders().returnedTaint(context, call, taints),
    };
    // Built when the first response sink is found: most files send no response.
    let originMemo: ErrorOriginAnalyzer | undefined;
    const origin = (): ErrorOriginAnalyzer => (originMemo ??= getErrorOrigin(context, originOptions));

    // `app.use(errorhandler())` outside development code: the middleware sends every error's stack.
    for (const { call, module } of devErrorResponderCalls(context)) {
      if (!origin().isDevOnly(call)) {
        context.report({ node: call, messageId: 'devErrorResponder', data: { callee: `${snippet(sourceCode, call.callee, 40)}()`, module } });
      }
    }

    // Scopes and parents are complete before any rule runs: a file where no caught error can come
    // from gets no listener at all (most files), instead of collecting its calls for nothing.
    if (!fileHasErrorOrigin(context, errorHandlers)) {
      return {};
    }

    /** Calls, `new`, assignments and returns: matched against the response sinks at the end. */
    const candidates: TSESTree.Node[] = [];
    const collect = (node: TSESTree.Node): void => void candidates.push(node);

    return {
      CallExpression: collect,
      NewExpression: collect,
      AssignmentExpression: collect,
      ReturnStatement: collect,
      'Program:exit': () => {
        candidates.forEach(check);
        // Sinks that are no single call: what an error formatter returns (tRPC `errorFormatter`).
        matcher().formatterSinks().forEach(checkSink);
      },
    };

    function check(node: TSESTree.Node): void {
      const sink = matcher().match(node);
      if (!sink) {
        if (node.type === AST_NODE_TYPES.CallExpression && node.arguments.length > 0 && inErrorScope(node, errorHandlers)) {
          checkHelperCall(node);
        }
        return;
      }
      checkSink(sink);
    }

    function checkSink(sink: ResponseSink): void {
      for (const payload of sink.payloads) {
        for (const leak of origin().leaksIn(payload.node, payload.ignoreProperties)) {
          if (!origin().isDevOnly(leak.node) && !isAllowedMessage(leak, sink)) {
            report(leak, sink);
          }
        }
      }
    }

    /**
     * A caught error handed to a project function that sends it (`sendError(res, err)`,
     * `return serverError(e)`): reported once at the call, for the most revealing leak.
     */
    function checkHelperCall(call: TSESTree.CallExpression): void {
      const callee = dottedName(call.callee);
      if (callee === null || LOG_CALL.test(callee) || callee === logger) {
        return; // loggers take errors all day; computed callees name no helper
      }
      let worst: ResponderLeak | null = null;
      for (const leak of responders().leaksThrough(context, call, origin(), matcher().isResponse)) {
        const allowed =
          leak.kind === 'message' && (options.allowMessage || leak.statusAllowsMessage || origin().isNarrowed(call, leak.taint.variables));
        if (!allowed && (!worst || kindSeverity(leak.kind) > kindSeverity(worst.kind))) {
          worst = leak;
        }
      }
      if (worst) {
        const helper = worst.file === null ? `${worst.helper}()` : `${worst.helper}() (${worst.file})`;
        const through = worst.through.map((step) => `, then ${step}`).join('');
        context.report({
          node: call,
          messageId: MESSAGE_IDS[worst.kind],
          data: {
            expression: snippet(sourceCode, worst.argument),
            sink: `${helper}${through}, which sends \`${worst.expression}\` through ${worst.sink}`,
          },
        });
      }
    }

    /** `err.message` is fine in 4xx answers, after narrowing to an application error, or with `allowMessage`. */
    function isAllowedMessage(leak: ErrorLeak, sink: ResponseSink): boolean {
      if (leak.kind !== 'message') {
        return false;
      }
      if (options.allowMessage || origin().isNarrowed(leak.node, leak.variables)) {
        return true;
      }
      const status = sink.status;
      if (!status || ('node' in status && origin().taintOf(status.node))) {
        return false; // no status: a catch-all answer
      }
      if ('code' in status) {
        return status.code >= 400 && status.code < 500;
      }
      return classifyStatus(context, status.node) !== 'server';
    }

    function report(leak: ErrorLeak, sink: ResponseSink): void {
      const expression = snippet(sourceCode, leak.origin);
      const insertion = logInsertion(leak, sink);
      context.report({
        node: leak.node,
        messageId: MESSAGE_IDS[leak.kind],
        data: { expression, sink: sink.label },
        suggest: [
          {
            messageId: insertion ? 'replaceAndLog' : 'replaceWithGeneric',
            data: { expression: snippet(sourceCode, leak.node), logger },
            fix: (fixer) => {
              const fixes = [replacement(fixer, leak.node)];
              if (insertion) {
                fixes.unshift(fixer.insertTextBefore(insertion.statement, insertion.text));
              }
              return fixes;
            },
          },
        ],
      });
    }

    function replacement(fixer: TSESLint.RuleFixer, node: TSESTree.Node): TSESLint.RuleFix {
      const parent = node.parent;
      if (node.type === AST_NODE_TYPES.SpreadElement) {
        return fixer.replaceText(node, parent?.type === AST_NODE_TYPES.ObjectExpression ? `error: ${GENERIC}` : GENERIC);
      }
      if (parent?.type === AST_NODE_TYPES.Property && parent.shorthand && parent.value === node) {
        return fixer.replaceText(parent, `${sourceCode.getText(parent.key)}: ${GENERIC}`);
      }
      return fixer.replaceText(node, GENERIC);
    }

    /** Where to insert `logger(err);`: before the statement that responds, inside the error's scope, if nothing logs yet. */
    function logInsertion(leak: ErrorLeak, sink: ResponseSink): { statement: TSESTree.Node; text: string } | null {
      const scopeBlock = leak.source.scope.block as TSESTree.Node;
      const body = scopeBlock.type === AST_NODE_TYPES.CatchClause ? scopeBlock.body : 'body' in scopeBlock ? scopeBlock.body : null;
      if (!body || Array.isArray(body) || (body as TSESTree.Node).type !== AST_NODE_TYPES.BlockStatement || logs(body as TSESTree.Node)) {
        return null;
      }
      // Only a plain statement around the sink: never before a braceless `if (err) return …`.
      let statement: TSESTree.Node = sink.node;
      while (statement.parent && statement.parent.type !== AST_NODE_TYPES.BlockStatement && statement.parent.type !== AST_NODE_TYPES.SwitchCase) {
        statement = statement.parent;
        if (/Statement$|Declaration$|Function|^Program$/u.test(statement.type) && !PLAIN_STATEMENTS.has(statement.type)) {
          return null;
        }
      }
      if (statement.range[0] < (body as TSESTree.Node).range[0] || statement.range[1] > (body as TSESTree.Node).range[1]) {
        return null;
      }
      const lineStart = sourceCode.text.lastIndexOf('\n', statement.range[0] - 1) + 1;
      const startsLine = /^\s*$/u.test(sourceCode.text.slice(lineStart, statement.range[0]));
      // On its own line, the logging call gets a line of its own in the file's line-break style.
      const separator = startsLine ? `${lineBreakOf(sourceCode)}${indentOf(sourceCode, statement)}` : ' ';
      return { statement, text: `${logger}(${leak.source.name});${separator}` };
    }

    /** Whether a logging call appears anywhere in `node`. */
    function logs(node: TSESTree.Node): boolean {
      if (node.type === AST_NODE_TYPES.CallExpression) {
        const callee = sourceCode.getText(node.callee).replace(/\s+|\?/gu, '');
        if (callee === logger || LOG_CALL.test(callee)) {
          return true;
        }
      }
      return childNodes(sourceCode, node).some(logs);
    }
  },
});
