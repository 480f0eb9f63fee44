import type { TSESTree } from '@typescript-eslint/utils';

import { createRule } from '../../../src/core/create-rule';
import { createResponseSinkMatcher } from '../../../src/analysis/errors/response-sinks';
import { createRuleTester } from '../../rule-tester';

/**
 * `sink` reports every node the matcher takes for a response sink, with its label, its
 * payloads and its status (`-` when none). Its option is the matcher's `extraSinks`.
 */
const probe = createRule<[{ extraSinks: string[] }], 'sink'>({
  name: 'response-sink-probe',
  meta: {
    type: 'problem',
    docs: { description: 'probe', recommended: false },
    messages: { sink: '{{label}} [{{payloads}}] status {{status}}' },
    schema: [{ type: 'object', properties: { extraSinks: { type: 'array', items: { type: 'string' } } }, additionalProperties: false }],
    defaultOptions: [{ extraSinks: [] }],
  },
  create(context, [options]) {
    const matcher = createResponseSinkMatcher(context, { extraSinks: options.extraSinks });
    const check = (node: TSESTree.Node): void => {
      const sink = matcher.match(node);
      if (!sink) {
        return;
      }
      const text = (n: TSESTree.Node): string => context.sourceCode.getText(n);
      const status = sink.status === null ? '-' : 'code' in sink.status ? String(sink.status.code) : text(sink.status.node);
      context.report({
        node,
        messageId: 'sink',
        data: { label: sink.label, payloads: sink.payloads.map((p) => text(p.node)).join(', '), status },
      });
    };
    return { CallExpression: check, NewExpression: check, AssignmentExpression: check };
  },
});

const ruleTester = createRuleTester();

ruleTester.run('response-sinks', probe, {
  valid: [
    // calls named like no sink, and sink names on objects that are not responses
    "import express from 'express'; const app = express(); app.get('/', (req, res) => { log(req); res.locals.user; foo.json(1); });",
    "async function f(u) { const res = await fetch(u); return res.json(); }",
    // a parameter is a response by its conventional name only with that name's members
    // (`role` once read as the 'by handler role' tag)
    'function helper(role, data) { role.json(1); data.send(2); }',
    // a computed callee whose key is not constant cannot be named
    "import express from 'express'; const app = express(); app.get('/', (req, res) => { res[method](1); });",
  ],
  invalid: [
    {
      code: `import express from 'express';
const app = express();
const SEND = 'send';
app.get('/', (req, res) => {
  res.status(500).json({ a: 1 });
  res['json'](2);
  res[SEND](3);
});
`,
      errors: [
        { messageId: 'sink', data: { label: 'res.json()', payloads: '{ a: 1 }', status: '500' }, line: 5, column: 3, endLine: 5, endColumn: 33 },
        // the status an earlier statement set on the same response
        { messageId: 'sink', data: { label: 'res.json()', payloads: '2', status: '500' }, line: 6, column: 3, endLine: 6, endColumn: 17 },
        { messageId: 'sink', data: { label: 'res.send()', payloads: '3', status: '500' }, line: 7, column: 3, endLine: 7, endColumn: 15 },
      ],
    },
    {
      code: 'function helper(res, reply) { res.json(1); reply.send(2); }',
      errors: [
        { messageId: 'sink', data: { label: 'res.json()', payloads: '1', status: '-' }, line: 1, column: 31, endLine: 1, endColumn: 42 },
        { messageId: 'sink', data: { label: 'reply.send()', payloads: '2', status: '-' }, line: 1, column: 44, endLine: 1, endColumn: 57 },
      ],
    },
    {
      // extra sinks: an `object.method` and a module export, whatever their names
      code: `import { sendProblem } from 'my-http';
function handler(request, h) {
  sendProblem(1);
  return h.response(2);
}
`,
      options: [{ extraSinks: ['h.response', 'my-http#sendProblem'] }],
      errors: [
        { messageId: 'sink', data: { label: 'sendProblem()', payloads: '1', status: '-' }, line: 3, column: 3, endLine: 3, endColumn: 17 },
        { messageId: 'sink', data: { label: 'h.response()', payloads: '2', status: '-' }, line: 4, column: 10, endLine: 4, endColumn: 23 },
      ],
    },
    {
      // module functions and classes of the frameworks: `NextResponse.json`, `new HttpException`
      code: `import { NextResponse } from 'next/server';
import { HttpException } from '@nestjs/common';
export function GET() {
  if (x) throw new HttpException(1, 500);
  return NextResponse.json(2, { status: 400 });
}
`,
      errors: [
        { messageId: 'sink', data: { label: 'new HttpException()', payloads: '1', status: '500' }, line: 4, column: 16, endLine: 4, endColumn: 41 },
        { messageId: 'sink', data: { label: 'NextResponse.json()', payloads: '2', status: '400' }, line: 5, column: 10, endLine: 5, endColumn: 47 },
      ],
    },
  ],
});
