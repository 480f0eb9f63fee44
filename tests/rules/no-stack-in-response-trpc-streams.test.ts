import { RuleTester } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';

import { createRuleTester } from '../rule-tester';
import rule from '../../src/rules/no-stack-in-response';

const ruleTester = createRuleTester();

/**
 * Issue #16, the rest: tRPC (`new TRPCError({ message: err.message })` in a catch, and an
 * `errorFormatter` that returns the raw message of unknown errors), errors enqueued into a web
 * `ReadableStream` the handler returns, and the error argument of a stream's `'error'` event and
 * Koa's `app.on('error')` answering with a message.
 */
ruleTester.run('no-stack-in-response (tRPC, web streams)', rule, {
  valid: [
    // the create-t3-app formatter: the default shape, and the zod part only for a ZodError cause
    `
import { initTRPC } from '@trpc/server';
import { ZodError } from 'zod';

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    return {
      ...shape,
      data: {
        ...shape.data,
        zodError: error.cause instanceof ZodError ? error.cause.flatten() : null,
      },
    };
  },
});
`,
    // unknown errors (INTERNAL_SERVER_ERROR) get a generic message
    `
import { initTRPC } from '@trpc/server';

export const t = initTRPC.create({
  errorFormatter: ({ shape, error }) => ({
    ...shape,
    message: error.code === 'INTERNAL_SERVER_ERROR' ? 'Internal server error' : shape.message,
  }),
});
`,
    // the same with an early return, and the stack only in development (JS, CommonJS)
    {
      filename: 'server/trpc.js',
      code: `
const { initTRPC } = require('@trpc/server');

const t = initTRPC.create({
  errorFormatter({ shape, error }) {
    if (error.code === 'INTERNAL_SERVER_ERROR') {
      return { ...shape, message: 'Something went wrong' };
    }
    return {
      ...shape,
      message: error.message,
      data: { ...shape.data, stack: process.env.NODE_ENV === 'development' ? error.stack : undefined },
    };
  },
});
module.exports = { t };
`,
    },
    // a formatter keeping the message of errors the code threw with a 4xx code
    `
import { initTRPC } from '@trpc/server';

export const t = initTRPC.create({
  errorFormatter({ shape, error }) {
    return { ...shape, message: error.code === 'BAD_REQUEST' ? error.message : 'Request failed' };
  },
});
`,
    // the message of errors whose cause is the code's own error class
    `
import { initTRPC } from '@trpc/server';
import { AppError } from './errors';

export const t = initTRPC.create({
  errorFormatter({ shape, error }) {
    return { ...shape, message: error.cause instanceof AppError ? error.cause.message : 'Internal server error' };
  },
});
`,
    // TRPCError with a 4xx code and the error's message
    `
import { TRPCError } from '@trpc/server';

export const create = publicProcedure.input(schema).mutation(async ({ input }) => {
  try {
    return await db.item.create({ data: input });
  } catch (err) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: err.message });
  }
});
`,
    // TRPCError with a message the code chose, the error as its cause; the code's own error class narrowed first
    `
import { TRPCError } from '@trpc/server';
import { QuotaError } from '../errors';

export const run = protectedProcedure.mutation(async ({ ctx }) => {
  try {
    return await ctx.jobs.start();
  } catch (err) {
    if (err instanceof QuotaError) {
      throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: err.message });
    }
    throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'Could not start the job', cause: err });
  }
});
`,
    // a TRPCError that is not tRPC's
    {
      filename: 'src/errors.js',
      code: `
class TRPCError extends Error {}
try {
  run();
} catch (err) {
  throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: err.message });
}
`,
    },
    // a stream that answers a generic event
    {
      filename: 'app/api/chat/route.ts',
      code: `
export async function POST(req: Request) {
  const encoder = new TextEncoder();
  const stream = new ReadableStream({
    async start(controller) {
      try {
        for await (const token of complete(await req.json())) controller.enqueue(encoder.encode(token));
      } catch (err) {
        console.error(err);
        controller.enqueue(encoder.encode('event: error\\ndata: {"error":"Generation failed"}\\n\\n'));
      } finally {
        controller.close();
      }
    },
  });
  return new Response(stream, { headers: { 'Content-Type': 'text/event-stream' } });
}
`,
    },
    // a stream the code reads itself, never sent
    `
export function readAll() {
  const stream = new ReadableStream({
    start(controller) {
      try {
        controller.enqueue(load());
      } catch (err) {
        controller.enqueue({ failed: err.message });
      }
    },
  });
  return collect(stream.getReader());
}
`,
    // a stream 'error' event answered with a generic message
    `
import express from 'express';
import fs from 'node:fs';

const app = express();
app.get('/files/:name', (req, res) => {
  const stream = fs.createReadStream(resolveUpload(req.params.name));
  stream.on('error', (err) => {
    console.error(err);
    res.status(500).json({ error: 'Could not read the file' });
  });
  stream.pipe(res);
});
`,
  ],
  invalid: [
    // --- TRPCError: a 500 with the caught error's message (TS, ESM)
    {
      filename: 'src/server/api/routers/post.ts',
      code: `
import { TRPCError } from '@trpc/server';

export const postRouter = createTRPCRouter({
  create: protectedProcedure.input(schema).mutation(async ({ ctx, input }) => {
    try {
      return await ctx.db.post.create({ data: input });
    } catch (err) {
      throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: err.message, cause: err });
    }
  }),
});
`,
      errors: [
        {
          messageId: 'messageInResponse',
          line: 9,
          column: 69,
          endLine: 9,
          endColumn: 80,
          data: { expression: 'err.message', sink: 'new TRPCError()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
import { TRPCError } from '@trpc/server';

export const postRouter = createTRPCRouter({
  create: protectedProcedure.input(schema).mutation(async ({ ctx, input }) => {
    try {
      return await ctx.db.post.create({ data: input });
    } catch (err) {
      console.error(err);
      throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'Internal Server Error', cause: err });
    }
  }),
});
`,
            },
          ],
        },
      ],
    },
    // --- TRPCError through require, a 5xx code and a template message (JS, CommonJS)
    {
      filename: 'server/routers/billing.js',
      code: `
const trpc = require('@trpc/server');

async function charge(input) {
  try {
    return await stripe.charges.create(input);
  } catch (e) {
    throw new trpc.TRPCError({ code: 'BAD_GATEWAY', message: \`Stripe failed: \${e.message}\` });
  }
}
module.exports = { charge };
`,
      errors: [
        {
          messageId: 'messageInResponse',
          line: 8,
          column: 62,
          endLine: 8,
          endColumn: 91,
          data: { expression: 'e.message', sink: 'new trpc.TRPCError()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
const trpc = require('@trpc/server');

async function charge(input) {
  try {
    return await stripe.charges.create(input);
  } catch (e) {
    console.error(e);
    throw new trpc.TRPCError({ code: 'BAD_GATEWAY', message: 'Internal Server Error' });
  }
}
module.exports = { charge };
`,
            },
          ],
        },
      ],
    },
    // --- errorFormatter returning shape.message without narrowing (method, TS)
    {
      filename: 'src/server/trpc.ts',
      code: `
import { initTRPC } from '@trpc/server';

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error, path }) {
    return { code: shape.code, message: shape.message, path };
  },
});
`,
      errors: [
        {
          messageId: 'messageInResponse',
          line: 6,
          column: 41,
          endLine: 6,
          endColumn: 54,
          data: { expression: 'shape.message', sink: 'the errorFormatter result' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
import { initTRPC } from '@trpc/server';

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error, path }) {
    console.error(error);
    return { code: shape.code, message: 'Internal Server Error', path };
  },
});
`,
            },
          ],
        },
      ],
    },
    // --- errorFormatter as an arrow returning error.message and the stack (JS, CommonJS)
    {
      filename: 'server/trpc.js',
      code: `
const { initTRPC } = require('@trpc/server');

const t = initTRPC.create({
  errorFormatter: ({ shape, error }) => ({ ...shape, message: error.message, data: { ...shape.data, stack: error.stack } }),
});
module.exports = { t };
`,
      errors: [
        {
          messageId: 'messageInResponse',
          line: 5,
          column: 63,
          endLine: 5,
          endColumn: 76,
          data: { expression: 'error.message', sink: 'the errorFormatter result' },
          suggestions: [
            {
              messageId: 'replaceWithGeneric',
              output: `
const { initTRPC } = require('@trpc/server');

const t = initTRPC.create({
  errorFormatter: ({ shape, error }) => ({ ...shape, message: 'Internal Server Error', data: { ...shape.data, stack: error.stack } }),
});
module.exports = { t };
`,
            },
          ],
        },
        {
          messageId: 'stackInResponse',
          line: 5,
          column: 108,
          endLine: 5,
          endColumn: 119,
          data: { expression: 'error.stack', sink: 'the errorFormatter result' },
          suggestions: [
            {
              messageId: 'replaceWithGeneric',
              output: `
const { initTRPC } = require('@trpc/server');

const t = initTRPC.create({
  errorFormatter: ({ shape, error }) => ({ ...shape, message: error.message, data: { ...shape.data, stack: 'Internal Server Error' } }),
});
module.exports = { t };
`,
            },
          ],
        },
      ],
    },
    // --- a cause narrowed only to Error: any library's message (TS)
    {
      filename: 'src/server/trpc.ts',
      code: `
import { initTRPC } from '@trpc/server';

export const t = initTRPC.create({
  errorFormatter: ({ shape, error }) => ({ ...shape, message: error.cause instanceof Error ? error.cause.message : shape.message }),
});
`,
      errors: [
        {
          messageId: 'messageInResponse',
          line: 5,
          column: 63,
          endLine: 5,
          endColumn: 129,
          data: { expression: 'error.cause.message', sink: 'the errorFormatter result' },
          suggestions: [
            {
              messageId: 'replaceWithGeneric',
              output: `
import { initTRPC } from '@trpc/server';

export const t = initTRPC.create({
  errorFormatter: ({ shape, error }) => ({ ...shape, message: 'Internal Server Error' }),
});
`,
            },
          ],
        },
      ],
    },
    // --- a formatter declared apart, destructuring the message out of the shape (TS)
    {
      filename: 'src/trpc/formatter.ts',
      code: `
export function errorFormatter({ shape: { message, code } }) {
  return { code, message };
}
`,
      errors: [
        {
          messageId: 'messageInResponse',
          line: 3,
          column: 18,
          endLine: 3,
          endColumn: 25,
          data: { expression: 'message', sink: 'the errorFormatter result' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
export function errorFormatter({ shape: { message, code } }) {
  console.error(message);
  return { code, message: 'Internal Server Error' };
}
`,
            },
          ],
        },
      ],
    },
    // --- an SSE event enqueued into a ReadableStream the route returns (Next.js, TS)
    {
      filename: 'app/api/chat/route.ts',
      code: `
export async function POST(req: Request) {
  const encoder = new TextEncoder();
  const stream = new ReadableStream({
    async start(controller) {
      try {
        for await (const token of complete(await req.json())) controller.enqueue(encoder.encode(token));
      } catch (err) {
        controller.enqueue(encoder.encode(\`data: \${JSON.stringify({ error: err.message })}\\n\\n\`));
      } finally {
        controller.close();
      }
    },
  });
  return new Response(stream, { headers: { 'Content-Type': 'text/event-stream' } });
}
`,
      errors: [
        {
          messageId: 'messageInResponse',
          line: 9,
          column: 76,
          endLine: 9,
          endColumn: 87,
          data: { expression: 'err.message', sink: 'controller.enqueue()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
export async function POST(req: Request) {
  const encoder = new TextEncoder();
  const stream = new ReadableStream({
    async start(controller) {
      try {
        for await (const token of complete(await req.json())) controller.enqueue(encoder.encode(token));
      } catch (err) {
        console.error(err);
        controller.enqueue(encoder.encode(\`data: \${JSON.stringify({ error: 'Internal Server Error' })}\\n\\n\`));
      } finally {
        controller.close();
      }
    },
  });
  return new Response(stream, { headers: { 'Content-Type': 'text/event-stream' } });
}
`,
            },
          ],
        },
      ],
    },
    // --- the stack, from pull(), of a stream created inline in the Response (JS, stream/web import)
    {
      filename: 'src/routes/events.js',
      code: `
import { ReadableStream } from 'node:stream/web';

export const GET = () =>
  new Response(
    new ReadableStream({
      pull: async (ctrl) => {
        try {
          ctrl.enqueue(await nextEvent());
        } catch (e) {
          ctrl.enqueue(new TextEncoder().encode(\`event: error\\ndata: \${e.stack}\\n\\n\`));
          ctrl.close();
        }
      },
    }),
  );
`,
      errors: [
        {
          messageId: 'stackInResponse',
          line: 11,
          column: 49,
          endLine: 11,
          endColumn: 85,
          data: { expression: 'e.stack', sink: 'ctrl.enqueue()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
import { ReadableStream } from 'node:stream/web';

export const GET = () =>
  new Response(
    new ReadableStream({
      pull: async (ctrl) => {
        try {
          ctrl.enqueue(await nextEvent());
        } catch (e) {
          console.error(e);
          ctrl.enqueue(new TextEncoder().encode('Internal Server Error'));
          ctrl.close();
        }
      },
    }),
  );
`,
            },
          ],
        },
      ],
    },
    // --- a web stream from require('node:stream/web') piped to an Express response (CommonJS)
    {
      filename: 'src/routes/export.js',
      code: `
const { Readable } = require('node:stream');
const { ReadableStream } = require('node:stream/web');

router.get('/export', (req, res) => {
  const body = new ReadableStream({
    async start(controller) {
      try {
        for await (const row of db.rows()) controller.enqueue(toCsv(row));
      } catch (error) {
        controller.enqueue(\`# export failed: \${error}\\n\`);
      }
      controller.close();
    },
  });
  Readable.fromWeb(body).pipe(res);
});
`,
      errors: [
        {
          messageId: 'messageInResponse',
          line: 11,
          column: 28,
          endLine: 11,
          endColumn: 57,
          data: { expression: '`# export failed: ${error}\\n`', sink: 'controller.enqueue()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
const { Readable } = require('node:stream');
const { ReadableStream } = require('node:stream/web');

router.get('/export', (req, res) => {
  const body = new ReadableStream({
    async start(controller) {
      try {
        for await (const row of db.rows()) controller.enqueue(toCsv(row));
      } catch (error) {
        console.error(error);
        controller.enqueue('Internal Server Error');
      }
      controller.close();
    },
  });
  Readable.fromWeb(body).pipe(res);
});
`,
            },
          ],
        },
      ],
    },
    // --- a same-file SSE writer handed the stream's controller: reported at the call, no suggestion (TS)
    {
      filename: 'app/api/jobs/route.ts',
      code: `
const encoder = new TextEncoder();
function sendEvent(controller: ReadableStreamDefaultController, event: string, data: unknown) {
  controller.enqueue(encoder.encode(\`event: \${event}\\ndata: \${JSON.stringify(data)}\\n\\n\`));
}
export function GET() {
  const stream = new ReadableStream({
    async start(controller) {
      try {
        for await (const job of watchJobs()) sendEvent(controller, 'job', job);
      } catch (err) {
        sendEvent(controller, 'error', { message: err.message });
      }
    },
  });
  return new Response(stream, { headers: { 'Content-Type': 'text/event-stream' } });
}
`,
      errors: [
        {
          messageId: 'messageInResponse',
          line: 12,
          column: 9,
          endLine: 12,
          endColumn: 65,
          data: { expression: '{ message: err.message }', sink: 'sendEvent(), which sends `data` through controller.enqueue()' },
          suggestions: [],
        },
      ],
    },
    // --- a stream's 'error' event answered with its message (Express, ESM)
    {
      filename: 'src/app.mjs',
      code: `
import express from 'express';
import fs from 'node:fs';

const app = express();
app.get('/files/:name', (req, res) => {
  const stream = fs.createReadStream(resolveUpload(req.params.name));
  stream.on('error', (err) => res.status(500).json({ error: err.message }));
  stream.pipe(res);
});
`,
      errors: [
        {
          messageId: 'messageInResponse',
          line: 8,
          column: 61,
          endLine: 8,
          endColumn: 72,
          data: { expression: 'err.message', sink: 'res.json()' },
          suggestions: [
            {
              messageId: 'replaceWithGeneric',
              output: `
import express from 'express';
import fs from 'node:fs';

const app = express();
app.get('/files/:name', (req, res) => {
  const stream = fs.createReadStream(resolveUpload(req.params.name));
  stream.on('error', (err) => res.status(500).json({ error: 'Internal Server Error' }));
  stream.pipe(res);
});
`,
            },
          ],
        },
      ],
    },
    // --- Koa: app.on('error') answering with the message (CommonJS)
    {
      filename: 'src/app.js',
      code: `
const Koa = require('koa');
const app = new Koa();

app.on('error', (err, ctx) => {
  ctx.status = 500;
  ctx.body = { message: err.message };
});
`,
      errors: [
        {
          messageId: 'messageInResponse',
          line: 7,
          column: 25,
          endLine: 7,
          endColumn: 36,
          data: { expression: 'err.message', sink: 'ctx.body' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
const Koa = require('koa');
const app = new Koa();

app.on('error', (err, ctx) => {
  ctx.status = 500;
  console.error(err);
  ctx.body = { message: 'Internal Server Error' };
});
`,
            },
          ],
        },
      ],
    },
  ],
});

// tRPC and streams in plain JavaScript with ESLint's default parser (CommonJS).
const espreeTester = new RuleTester({ languageOptions: { parser: espree as never, sourceType: 'commonjs' } });

espreeTester.run('no-stack-in-response (tRPC, web streams, espree)', rule, {
  valid: [
    `const { initTRPC } = require('@trpc/server');
const t = initTRPC.create({ errorFormatter: ({ shape }) => shape });`,
    `const { TRPCError } = require('@trpc/server');
async function load(id) {
  try { return await db.find(id); } catch (err) { throw new TRPCError({ code: 'NOT_FOUND', message: err.message }); }
}`,
  ],
  invalid: [
    {
      code: `const { TRPCError } = require('@trpc/server');
async function load(id) {
  try { return await db.find(id); } catch (err) { throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: err.message }); }
}`,
      errors: [
        {
          messageId: 'messageInResponse',
          line: 3,
          column: 113,
          endLine: 3,
          endColumn: 124,
          data: { expression: 'err.message', sink: 'new TRPCError()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `const { TRPCError } = require('@trpc/server');
async function load(id) {
  try { return await db.find(id); } catch (err) { console.error(err); throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'Internal Server Error' }); }
}`,
            },
          ],
        },
      ],
    },
  ],
});
