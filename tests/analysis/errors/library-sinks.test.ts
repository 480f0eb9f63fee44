import type { TSESTree } from '@typescript-eslint/utils';

import { createRule } from '../../../src/core/create-rule';
import { createResponseSinkMatcher } from '../../../src/analysis/errors/response-sinks';
import { createRuleTester } from '../../rule-tester';

/**
 * The sinks libraries make of errors and streams: `new TRPCError({ code, message })` with the
 * status of its code, `controller.enqueue()` of a web stream the code hands on, and what a tRPC
 * `errorFormatter` returns. `sink` reports each with its label, payloads and status (`-`: none).
 */
const probe = createRule<[], 'sink'>({
  name: 'library-sink-probe',
  meta: {
    type: 'problem',
    docs: { description: 'probe', recommended: false },
    messages: { sink: '{{label}} [{{payloads}}] status {{status}}' },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    const matcher = createResponseSinkMatcher(context, { extraSinks: [] });
    const text = (n: TSESTree.Node): string => context.sourceCode.getText(n);
    const report = (sink: NonNullable<ReturnType<typeof matcher.match>>): void => {
      const status = sink.status === null ? '-' : 'code' in sink.status ? String(sink.status.code) : text(sink.status.node);
      context.report({ node: sink.node, messageId: 'sink', data: { label: sink.label, payloads: sink.payloads.map((p) => text(p.node)).join(', '), status } });
    };
    const check = (node: TSESTree.Node): void => {
      const sink = matcher.match(node);
      if (sink) {
        report(sink);
      }
    };
    return { CallExpression: check, NewExpression: check, 'Program:exit': () => matcher.formatterSinks().forEach(report) };
  },
});

const ruleTester = createRuleTester();

ruleTester.run('library sinks', probe, {
  valid: [
    // a TRPCError of another module, or one without options
    "import { TRPCError } from './errors'; throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: m });",
    "import { TRPCError } from '@trpc/server'; throw new TRPCError(...args);",
    // a stream read locally, a controller of something else, enqueue on a queue
    'const s = new ReadableStream({ start(controller) { controller.enqueue(1); } }); s.getReader();',
    'new WritableStream({ start(controller) { controller.enqueue(1); } }).getWriter();',
    'export function f(queue) { queue.enqueue(job); return queue; }',
    // a formatter that does not take its options apart, and a function of another name
    'initTRPC.create({ errorFormatter(opts) { return opts.shape; } });',
    'initTRPC.create({ formatter({ shape }) { return shape; } });',
  ],
  invalid: [
    {
      code: `import { TRPCError } from '@trpc/server';
throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: a, cause: e });
throw new TRPCError({ code: 'NOT_FOUND', message: b });
throw new TRPCError({ code, message: c });`,
      errors: [
        {
          messageId: 'sink',
          data: { label: 'new TRPCError()', payloads: "{ code: 'INTERNAL_SERVER_ERROR', message: a, cause: e }", status: '500' },
          line: 2,
          column: 7,
          endLine: 2,
          endColumn: 77,
        },
        { messageId: 'sink', data: { label: 'new TRPCError()', payloads: "{ code: 'NOT_FOUND', message: b }", status: '404' }, line: 3, column: 7, endLine: 3, endColumn: 55 },
        { messageId: 'sink', data: { label: 'new TRPCError()', payloads: '{ code, message: c }', status: '-' }, line: 4, column: 7, endLine: 4, endColumn: 42 },
      ],
    },
    {
      filename: 'file.js',
      code: `const { TRPCError } = require('@trpc/server');
throw new TRPCError({ code: 'BAD_GATEWAY', message: m });`,
      errors: [{ messageId: 'sink', data: { label: 'new TRPCError()', payloads: "{ code: 'BAD_GATEWAY', message: m }", status: '502' }, line: 2, column: 7, endLine: 2, endColumn: 57 }],
    },
    {
      code: `import { TRPCError as ApiError } from '@trpc/server';
throw new ApiError({ code: 'TOO_MANY_REQUESTS', message: m });`,
      errors: [{ messageId: 'sink', data: { label: 'new ApiError()', payloads: "{ code: 'TOO_MANY_REQUESTS', message: m }", status: '429' }, line: 2, column: 7, endLine: 2, endColumn: 62 }],
    },
    {
      code: `export function GET() {
  const stream = new ReadableStream({
    start(controller) { controller.enqueue(a); },
    pull: async (ctrl: ReadableStreamDefaultController) => ctrl.enqueue(b),
  });
  return new Response(stream.pipeThrough(new TextEncoderStream()));
}
export const POST = () => new ReadableStream({ start(c) { c.enqueue(d); } });`,
      errors: [
        { messageId: 'sink', data: { label: 'controller.enqueue()', payloads: 'a', status: '-' }, line: 3, column: 25, endLine: 3, endColumn: 46 },
        { messageId: 'sink', data: { label: 'ctrl.enqueue()', payloads: 'b', status: '-' }, line: 4, column: 60, endLine: 4, endColumn: 75 },
        { messageId: 'sink', data: { label: 'new Response()', payloads: 'stream.pipeThrough(new TextEncoderStream())', status: '-' }, line: 6, column: 10, endLine: 6, endColumn: 67 },
        { messageId: 'sink', data: { label: 'c.enqueue()', payloads: 'd', status: '-' }, line: 8, column: 59, endLine: 8, endColumn: 71 },
      ],
    },
    {
      code: `import { ReadableStream } from 'node:stream/web';
const body = new ReadableStream({ start(controller) { controller.enqueue(x); } });
reply.send(body);`,
      errors: [{ messageId: 'sink', data: { label: 'controller.enqueue()', payloads: 'x', status: '-' }, line: 2, column: 55, endLine: 2, endColumn: 76 }],
    },
    {
      code: `initTRPC.create({
  errorFormatter({ shape, error }) {
    if (error.code === 'INTERNAL_SERVER_ERROR') return { ...shape, message: 'Internal' };
    return shape;
  },
});
export const errorFormatter = ({ shape }) => ({ ...shape });`,
      errors: [
        { messageId: 'sink', data: { label: 'the errorFormatter result', payloads: "{ ...shape, message: 'Internal' }", status: '-' }, line: 3, column: 49, endLine: 3, endColumn: 90 },
        { messageId: 'sink', data: { label: 'the errorFormatter result', payloads: 'shape', status: '-' }, line: 4, column: 5, endLine: 4, endColumn: 18 },
        { messageId: 'sink', data: { label: 'the errorFormatter result', payloads: '{ ...shape }', status: '-' }, line: 7, column: 47, endLine: 7, endColumn: 59 },
      ],
    },
  ],
});
