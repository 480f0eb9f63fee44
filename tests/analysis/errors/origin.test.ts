import type { TSESTree } from '@typescript-eslint/utils';

import { createRule } from '../../../src/core/create-rule';
import { getErrorOrigin } from '../../../src/analysis/errors/origin';
import { classifyStatus } from '../../../src/analysis/errors/status';
import type { ErrorOriginOptions } from '../../../src/analysis/errors/origin';
import { createRuleTester } from '../../rule-tester';

const OPTIONS: ErrorOriginOptions = {
  errorHandlers: [
    { kind: 'call', method: 'setErrorHandler', errorParam: 0, responseParam: 2 },
    { kind: 'arity', arity: 4, errorParam: 0, responseParam: 2 },
  ],
  devGuards: ['flags.verbose'],
};

/**
 * `probe(x)` reports every error leak the analysis finds in `x` (kind, origin, reported node);
 * `status(x)` reports how `classifyStatus` sees `x`.
 */
const probe = createRule({
  name: 'error-origin-probe',
  meta: {
    type: 'problem',
    docs: { description: 'probe', recommended: false },
    messages: { leak: '{{kind}} {{origin}} @ {{node}}', status: '{{status}}' },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    const origin = getErrorOrigin(context, OPTIONS);
    return {
      CallExpression(node: TSESTree.CallExpression) {
        const arg = node.arguments[0];
        if (node.callee.type !== 'Identifier' || !arg) {
          return;
        }
        if (node.callee.name === 'probe') {
          for (const leak of origin.leaksIn(arg)) {
            context.report({
              node: leak.node,
              messageId: 'leak',
              data: {
                kind: leak.kind,
                origin: context.sourceCode.getText(leak.origin),
                node: context.sourceCode.getText(leak.node),
              },
            });
          }
        } else if (node.callee.name === 'status') {
          context.report({ node: arg, messageId: 'status', data: { status: classifyStatus(context, arg) } });
        }
      },
    };
  },
});

const ruleTester = createRuleTester();

ruleTester.run('error-origin', probe, {
  valid: [
    // safe reads and values that are not caught errors
    'try {} catch (err) { probe({ code: err.code, name: err.name, status: err.response?.status, n: err.message.length }); }',
    "const err = new Error('x'); probe(err.stack);",
    'function f(err) { probe(err.stack); }',
    'errors.map((error) => probe(error.message));',
    'promise.then((err) => probe(err));',
    "try {} catch (err) { probe(new Error('Failed', { cause: err })); }",
    'try {} catch (err) { probe(format(err)); }',
    'try {} catch { probe(undefined); }',
    // computed reads whose key is not a constant string or number name no property
    'try {} catch (err) { probe([err[key], err[0], err[null]]); }',
    // a tRPC error formatter: the default shape, codes, and messages narrowed by the code or the cause's class
    "initTRPC.create({ errorFormatter({ shape, error, path }) { probe({ ...shape, data: shape.data, code: error.code, path }); } });",
    "initTRPC.create({ errorFormatter({ shape, error }) { probe(error.code !== 'INTERNAL_SERVER_ERROR' ? error.message : 'x'); } });",
    "initTRPC.create({ errorFormatter({ shape, error }) { if (error.code === 'INTERNAL_SERVER_ERROR') return; probe(shape.message); } });",
    "initTRPC.create({ errorFormatter({ shape, error }) { probe(error.code == 'CONFLICT' ? shape.message : 'x'); } });",
    "initTRPC.create({ errorFormatter({ shape, error }) { probe(error.cause instanceof AppError ? error.cause.message : 'x'); } });",
    // a formatter's options read whole, and `shape.message` outside a formatter
    'initTRPC.create({ errorFormatter(opts) { probe(opts.shape.message); } });',
    'function format({ shape }) { probe(shape.message); }',
    // encoding a value that is not an error
    "try {} catch (err) { probe(new TextEncoder().encode('failed')); }",
    // development-only
    "try {} catch (err) { if (process.env.NODE_ENV === 'development') probe(err.stack); }",
    "try {} catch (err) { if (process.env.NODE_ENV === 'production') return; probe(err.stack); }",
    'try {} catch (err) { probe(flags.verbose ? err.stack : null); }',
    'try {} catch (err) { probe(!isProd && err.stack); }',
    // narrowed messages
    'try {} catch (err) { if (err instanceof AppError) probe(err.message); }',
    'try {} catch (err) { probe(err.status >= 500 ? null : err.message); }',
    'try {} catch (err) { if (!isHttpError(err)) throw err; probe(err.message); }',
    "try {} catch (err) { if (err.name === 'ValidationError') probe(`${err}`); }",
  ],
  invalid: [
    {
      // a tRPC error formatter: the error, and the message in the shape
      code: "initTRPC.create({ errorFormatter({ shape, error }) { probe({ m: shape.message, e: error.message, s: error.stack }); } });",
      errors: [
        { messageId: 'leak', data: { kind: 'message', origin: 'shape.message', node: 'shape.message' }, line: 1, column: 65, endLine: 1, endColumn: 78 },
        { messageId: 'leak', data: { kind: 'message', origin: 'error.message', node: 'error.message' }, line: 1, column: 83, endLine: 1, endColumn: 96 },
        { messageId: 'leak', data: { kind: 'stack', origin: 'error.stack', node: 'error.stack' }, line: 1, column: 101, endLine: 1, endColumn: 112 },
      ],
    },
    {
      // 5xx codes other than INTERNAL_SERVER_ERROR narrow nothing; a destructured shape message is a source
      code: "const errorFormatter = ({ shape: { message }, error }) => probe(error.code === 'BAD_GATEWAY' ? message : 'x');",
      errors: [{ messageId: 'leak', data: { kind: 'message', origin: 'message', node: "error.code === 'BAD_GATEWAY' ? message : 'x'" }, line: 1, column: 65, endLine: 1, endColumn: 109 }],
    },
    {
      // encoded text keeps its content
      code: 'try {} catch (err) { probe([encoder.encode(err.message), Buffer.from(err.stack)]); }',
      errors: [
        { messageId: 'leak', data: { kind: 'message', origin: 'err.message', node: 'err.message' }, line: 1, column: 44, endLine: 1, endColumn: 55 },
        { messageId: 'leak', data: { kind: 'stack', origin: 'err.stack', node: 'err.stack' }, line: 1, column: 70, endLine: 1, endColumn: 79 },
      ],
    },
    {
      code: 'try {} catch (err) { probe(err); }',
      errors: [{ messageId: 'leak', data: { kind: 'error', origin: 'err', node: 'err' }, line: 1, column: 28, endLine: 1, endColumn: 31 }],
    },
    {
      code: 'try {} catch (err) { probe([err.stack, err.message, err.sql]); }',
      errors: [
        { messageId: 'leak', data: { kind: 'stack', origin: 'err.stack', node: 'err.stack' }, line: 1, column: 29, endLine: 1, endColumn: 38 },
        { messageId: 'leak', data: { kind: 'message', origin: 'err.message', node: 'err.message' }, line: 1, column: 40, endLine: 1, endColumn: 51 },
        { messageId: 'leak', data: { kind: 'details', origin: 'err.sql', node: 'err.sql' }, line: 1, column: 53, endLine: 1, endColumn: 60 },
      ],
    },
    {
      // computed keys: literals, template literals and constants name the property read
      code: "const KEY = 'stack'; try {} catch (err) { probe([err['stack'], err[`message`], err[KEY]]); }",
      errors: [
        { messageId: 'leak', data: { kind: 'stack', origin: "err['stack']", node: "err['stack']" }, line: 1, column: 50, endLine: 1, endColumn: 62 },
        { messageId: 'leak', data: { kind: 'message', origin: 'err[`message`]', node: 'err[`message`]' }, line: 1, column: 64, endLine: 1, endColumn: 78 },
        { messageId: 'leak', data: { kind: 'stack', origin: 'err[KEY]', node: 'err[KEY]' }, line: 1, column: 80, endLine: 1, endColumn: 88 },
      ],
    },
    {
      code: 'try {} catch (err) { probe({ d: err.response.data.items, c: err.cause.stack }); }',
      errors: [
        { messageId: 'leak', data: { kind: 'details', origin: 'err.response.data.items', node: 'err.response.data.items' }, line: 1, column: 33, endLine: 1, endColumn: 56 },
        { messageId: 'leak', data: { kind: 'stack', origin: 'err.cause.stack', node: 'err.cause.stack' }, line: 1, column: 61, endLine: 1, endColumn: 76 },
      ],
    },
    {
      code: "try {} catch (err) { probe({ a: `${err}`, b: 'x' + err, c: err.message.trim() }); }",
      errors: [
        { messageId: 'leak', data: { kind: 'message', origin: '`${err}`', node: '`${err}`' }, line: 1, column: 33, endLine: 1, endColumn: 41 },
        { messageId: 'leak', data: { kind: 'message', origin: "'x' + err", node: "'x' + err" }, line: 1, column: 46, endLine: 1, endColumn: 55 },
        { messageId: 'leak', data: { kind: 'message', origin: 'err.message', node: 'err.message.trim()' }, line: 1, column: 60, endLine: 1, endColumn: 78 },
      ],
    },
    {
      code: 'try {} catch (err) { probe({ ...err, s: JSON.stringify(err), o: JSON.stringify(err, Object.getOwnPropertyNames(err)) }); }',
      errors: [
        { messageId: 'leak', data: { kind: 'error', origin: 'err', node: '...err' }, line: 1, column: 30, endLine: 1, endColumn: 36 },
        { messageId: 'leak', data: { kind: 'error', origin: 'JSON.stringify(err)', node: 'JSON.stringify(err)' }, line: 1, column: 41, endLine: 1, endColumn: 60 },
        {
          messageId: 'leak',
          data: {
            kind: 'stack',
            origin: 'JSON.stringify(err, Object.getOwnPropertyNames(err))',
            node: 'JSON.stringify(err, Object.getOwnPropertyNames(err))',
          },
          line: 1,
          column: 65,
          endLine: 1,
          endColumn: 117,
        },
      ],
    },
    {
      code: 'try {} catch (err) { probe(Object.assign({}, err)); }',
      errors: [{ messageId: 'leak', data: { kind: 'error', origin: 'Object.assign({}, err)', node: 'Object.assign({}, err)' }, line: 1, column: 28, endLine: 1, endColumn: 50 }],
    },
    {
      code: 'try {} catch (err) { const e = err; const { message: m } = e; probe(m); }',
      errors: [{ messageId: 'leak', data: { kind: 'message', origin: 'm', node: 'm' }, line: 1, column: 69, endLine: 1, endColumn: 70 }],
    },
    {
      code: 'let x; try {} catch (err) { x = err.stack; } probe(x);',
      errors: [{ messageId: 'leak', data: { kind: 'stack', origin: 'err.stack', node: 'x' }, line: 1, column: 52, endLine: 1, endColumn: 53 }],
    },
    {
      code: 'try {} catch (err) { const o = {}; o.s = err.stack; probe(o); }',
      errors: [{ messageId: 'leak', data: { kind: 'stack', origin: 'err.stack', node: 'o' }, line: 1, column: 59, endLine: 1, endColumn: 60 }],
    },
    {
      code: "try {} catch (err) { probe(new Error(err.message)); probe(new Error('x', { cause: err })); }",
      errors: [{ messageId: 'leak', data: { kind: 'message', origin: 'err.message', node: 'new Error(err.message)' }, line: 1, column: 28, endLine: 1, endColumn: 50 }],
    },
    {
      code: 'work().catch((error) => probe(error.message));',
      errors: [{ messageId: 'leak', data: { kind: 'message', origin: 'error.message', node: 'error.message' }, line: 1, column: 31, endLine: 1, endColumn: 44 }],
    },
    {
      code: 'work().then(null, (r) => probe(r));',
      errors: [{ messageId: 'leak', data: { kind: 'error', origin: 'r', node: 'r' }, line: 1, column: 32, endLine: 1, endColumn: 33 }],
    },
    {
      code: "emitter.on('error', (x) => probe(x.stack));",
      errors: [{ messageId: 'leak', data: { kind: 'stack', origin: 'x.stack', node: 'x.stack' }, line: 1, column: 34, endLine: 1, endColumn: 41 }],
    },
    {
      code: 'fs.stat(p, (statErr, s) => probe(statErr.path));',
      errors: [{ messageId: 'leak', data: { kind: 'details', origin: 'statErr.path', node: 'statErr.path' }, line: 1, column: 34, endLine: 1, endColumn: 46 }],
    },
    {
      code: 'app.setErrorHandler((a, b, c) => probe(a.stack));',
      errors: [{ messageId: 'leak', data: { kind: 'stack', origin: 'a.stack', node: 'a.stack' }, line: 1, column: 40, endLine: 1, endColumn: 47 }],
    },
    {
      code: 'function handle(err, req, res, next) { probe(err); }',
      errors: [{ messageId: 'leak', data: { kind: 'error', origin: 'err', node: 'err' }, line: 1, column: 46, endLine: 1, endColumn: 49 }],
    },
    {
      code: 'try {} catch (err) { if (err instanceof AppError) probe(err.stack); if (err instanceof Error) probe(err.message); }',
      errors: [
        { messageId: 'leak', data: { kind: 'stack', origin: 'err.stack', node: 'err.stack' }, line: 1, column: 57, endLine: 1, endColumn: 66 },
        { messageId: 'leak', data: { kind: 'message', origin: 'err.message', node: 'err.message' }, line: 1, column: 101, endLine: 1, endColumn: 112 },
      ],
    },
    {
      code: "try {} catch (err) { if (process.env.NODE_ENV !== 'development') probe(err.stack); }",
      errors: [{ messageId: 'leak', data: { kind: 'stack', origin: 'err.stack', node: 'err.stack' }, line: 1, column: 72, endLine: 1, endColumn: 81 }],
    },
    {
      code: "import { inspect } from 'node:util'; try {} catch (err) { probe(inspect(err)); }",
      errors: [{ messageId: 'leak', data: { kind: 'stack', origin: 'inspect(err)', node: 'inspect(err)' }, line: 1, column: 65, endLine: 1, endColumn: 77 }],
    },
    {
      code: 'status(500); status(404); status(err.status || 500); status(err.status);',
      errors: [
        { messageId: 'status', data: { status: 'server' }, line: 1, column: 8, endLine: 1, endColumn: 11 },
        { messageId: 'status', data: { status: 'client' }, line: 1, column: 21, endLine: 1, endColumn: 24 },
        { messageId: 'status', data: { status: 'server' }, line: 1, column: 34, endLine: 1, endColumn: 51 },
        { messageId: 'status', data: { status: 'unknown' }, line: 1, column: 61, endLine: 1, endColumn: 71 },
      ],
    },
    {
      code: "const S = 503; status(ok ? 400 : 422); status(StatusCodes.NOT_FOUND); status(S); status('409');",
      errors: [
        { messageId: 'status', data: { status: 'client' }, line: 1, column: 23, endLine: 1, endColumn: 37 },
        { messageId: 'status', data: { status: 'client' }, line: 1, column: 47, endLine: 1, endColumn: 68 },
        { messageId: 'status', data: { status: 'server' }, line: 1, column: 78, endLine: 1, endColumn: 79 },
        { messageId: 'status', data: { status: 'client' }, line: 1, column: 89, endLine: 1, endColumn: 94 },
      ],
    },
  ],
});
