import { RuleTester } from '@typescript-eslint/rule-tester';
import { Linter } from 'eslint';
import * as espree from 'espree';
import { describe, expect, it } from 'vitest';

import rule from '../../src/rules/no-stack-in-response';
import { createRuleTester } from '../rule-tester';

const ruleTester = createRuleTester();

ruleTester.run('no-stack-in-response', rule, {
  valid: [
    // Prisma's unique-constraint fields (P2002 meta.target) name the app's own schema: no internals.
    `app.post('/users', async (req, res) => {
  try {
    res.json(await prisma.user.create({ data: req.body }));
  } catch (e) {
    if (e.code === 'P2002') return res.status(409).json({ error: \`A user with this \${e.meta.target[0]} already exists\` });
    const { meta: { modelName } } = e;
    res.status(500).json({ error: 'Could not save', model: modelName });
  }
});`,
    // --- valid: generic answers, logging, safe properties ---
    {
      code: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    logger.error({ err }, 'work failed');
    res.status(500).json({ error: 'Internal Server Error' });
  }
});
`,
    },
    {
      code: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    console.error(err.stack);
    res.sendStatus(500);
  }
});
`,
    },
    {
      code: `
app.get('/x', async (req, res, next) => {
  try {
    await work();
  } catch (err) {
    next(err);
  }
});
`,
    },
    {
      code: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    res.status(500).json({ error: 'Failed', code: err.code, name: err.name, status: err.response?.status });
  }
});
`,
    },
    {
      code: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch {
    res.status(500).json({ error: 'Internal Server Error' });
  }
});
`,
    },
    {
      code: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    res.status(500).json({ error: new Error('Failed', { cause: err }).message });
  }
});
`,
    },
    // --- valid: err.message with a 4xx status ---
    {
      // a status from a function of the file whose returns are all 4xx
      code: `
const statusFor = (err) => (err.name === 'NotFoundError' ? 404 : 400);
app.get('/snippet', async (req, res) => {
  try {
    res.json(await load(req.query.key));
  } catch (err) {
    res.status(statusFor(err)).json({ error: err.message });
  }
});
`,
    },
    {
      code: `
app.post('/x', async (req, res) => {
  try {
    await validate(req.body);
  } catch (err) {
    return res.status(400).json({ error: err.message });
  }
});
`,
    },
    {
      code: `
app.post('/x', async (req, res) => {
  try {
    await validate(req.body);
  } catch (err) {
    res.status(422);
    res.json({ error: err.message });
  }
});
`,
    },
    {
      code: `
app.post('/x', async (req, res) => {
  try {
    await validate(req.body);
  } catch (err) {
    res.status(HttpStatus.BAD_REQUEST).json({ error: err.message });
  }
});
`,
    },
    {
      code: `
app.post('/x', async (req, res) => {
  try {
    await validate(req.body);
  } catch (err) {
    res.status(err.statusCode).json({ error: err.message });
  }
});
`,
    },
    {
      code: `
fastify.post('/x', async (request, reply) => {
  try {
    await validate(request.body);
  } catch (err) {
    reply.code(400).send({ error: err.message });
  }
});
`,
    },
    {
      code: `
router.post('/x', async (ctx) => {
  try {
    await validate(ctx.request.body);
  } catch (err) {
    ctx.status = 400;
    ctx.body = { error: err.message };
  }
});
`,
    },
    {
      code: `
router.post('/x', async (ctx) => {
  try {
    await validate(ctx.request.body);
  } catch (err) {
    ctx.throw(400, err.message);
  }
});
`,
    },
    {
      code: `
app.post('/x', async (c) => {
  try {
    await validate(await c.req.json());
  } catch (err) {
    return c.json({ error: err.message }, 400);
  }
});
`,
    },
    {
      code: `
import { NextResponse } from 'next/server';
export async function POST(request: Request) {
  try {
    await validate(await request.json());
  } catch (error) {
    return NextResponse.json({ error: error.message }, { status: 400 });
  }
}
`,
      filename: 'app/api/users/route.ts',
    },
    {
      code: `
import { BadRequestException, HttpException, HttpStatus } from '@nestjs/common';
export class UsersService {
  async create(dto) {
    try {
      return await this.validate(dto);
    } catch (err) {
      if (dto.strict) throw new HttpException(err.message, HttpStatus.BAD_REQUEST);
      throw new BadRequestException(err.message);
    }
  }
}
`,
    },
    {
      code: `
export default defineEventHandler(async () => {
  try {
    return await work();
  } catch (err) {
    throw createError({ statusCode: 400, message: err.message });
  }
});
`,
    },
    // --- valid: narrowed to an application error ---
    {
      code: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    if (err instanceof ValidationError) {
      return res.status(400).json({ error: err.message });
    }
    if (err instanceof HttpError) {
      return res.status(err.status).json({ error: err.message });
    }
    res.status(500).json({ error: 'Internal Server Error' });
  }
});
`,
    },
    {
      code: `
app.use((err, req, res, next) => {
  if (isHttpError(err)) {
    res.status(500).json({ error: err.message });
  } else {
    res.status(500).json({ error: 'Internal Server Error' });
  }
});
`,
    },
    {
      code: `
app.use(async (ctx, next) => {
  try {
    await next();
  } catch (err) {
    ctx.status = err.status || 500;
    ctx.body = { error: err.expose ? err.message : 'Internal Server Error' };
  }
});
`,
    },
    {
      code: `
app.use((err, req, res, next) => {
  const status = err.status ?? 500;
  res.status(status).json({ error: err.status < 500 ? err.message : 'Internal Server Error' });
});
`,
    },
    {
      code: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    if (!(err instanceof errors.AppError)) {
      return res.status(500).json({ error: 'Internal Server Error' });
    }
    res.status(500).json({ error: err.message });
  }
});
`,
    },
    {
      code: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    const message = err instanceof AppError ? err.message : 'Internal Server Error';
    res.status(500).json({ message });
  }
});
`,
    },
    {
      code: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    res.status(500).json({ error: err.message, text: String(err) });
  }
});
`,
      options: [{'allowMessage':true}],
    },
    // --- valid: development-only branches ---
    {
      code: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    if (process.env.NODE_ENV !== 'production') {
      return res.status(500).json({ stack: err.stack });
    }
    res.status(500).json({ error: 'Internal Server Error' });
  }
});
`,
    },
    {
      code: `
app.use((err, req, res, next) => {
  res.status(500).json({
    error: 'Internal Server Error',
    stack: process.env.NODE_ENV === 'development' ? err.stack : undefined,
  });
});
`,
    },
    {
      code: `
app.use(function (err, req, res, next) {
  res.locals.message = 'Something failed';
  res.locals.error = req.app.get('env') === 'development' ? err : {};
  res.status(500);
  res.render('error');
});
`,
    },
    {
      code: `
const isDev = process.env.NODE_ENV !== 'production';
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    res.status(500).json({ error: 'Failed', ...(isDev && { stack: err.stack }) });
  }
});
`,
    },
    {
      code: `
const isDevelopment = process.env['NODE_ENV'] === 'development';
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    res.status(500).json({ error: 'Failed', detail: isDevelopment ? String(err) : undefined });
  }
});
`,
    },
    {
      code: `
app.get('/x', async (c) => {
  try {
    return c.json(await work());
  } catch (err) {
    return c.json({ error: 'Failed', stack: import.meta.env.DEV ? err.stack : undefined }, 500);
  }
});
`,
    },
    {
      code: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    if (process.env.NODE_ENV === 'production') {
      return res.status(500).json({ error: 'Internal Server Error' });
    }
    res.status(500).json({ error: err.message, stack: err.stack });
  }
});
`,
    },
    {
      code: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    res.status(500).json({ error: 'Failed', stack: config.isProduction ? undefined : err.stack });
  }
});
`,
    },
    {
      code: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    const stack = isDevelopment() ? err.stack : undefined;
    res.status(500).json({ error: 'Failed', stack });
  }
});
`,
    },
    {
      code: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    if (SHOW_ERRORS) res.status(500).send(err.stack);
    res.status(500).json({ error: 'Failed', stack: config.debug ? err.stack : undefined });
  }
});
`,
      options: [{'devGuards':['config.debug','SHOW_ERRORS']}],
    },
    // --- valid: not a server response ---
    {
      code: `
async function sync() {
  const res = await fetch(url);
  try {
    await res.json();
  } catch (err) {
    await res.write(err.stack);
  }
}
`,
    },
    {
      code: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    client.get(url).then((res) => res.send(err.stack));
  }
});
`,
    },
    {
      code: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    const res = { json: (v) => v };
    res.json(err.stack);
  }
});
`,
    },
    {
      code: `
io.on('connection', (socket) => {
  socket.on('message', async (data) => {
    try {
      await handle(data);
    } catch (err) {
      socket.send(err.stack);
    }
  });
});
`,
    },
    // --- valid: not a caught error ---
    {
      code: `
app.post('/x', (req, res) => {
  const result = schema.safeParse(req.body);
  if (!result.success) {
    return res.status(400).json({ errors: result.error.issues.map((error) => error.message) });
  }
  res.json(result.data);
});
`,
    },
    {
      code: `
app.get('/x', (req, res) => {
  const error = new Error('Not found');
  res.status(404).json({ stack: error.stack });
});
`,
    },
    {
      code: `
function sendFailure(res, failure) {
  res.status(500).json({ stack: failure.stack });
}
`,
    },
    {
      code: `
function update(a, b, res, d) {
  res.json(a.stack);
}
`,
    },
    {
      code: `
app.get('/x', (req, res) => {
  const items = list.map((e) => ({ message: e.message }));
  res.json(items);
});
`,
    },
    {
      code: `
app.on('error', (err, ctx) => {
  logger.error({ err, path: ctx.path }, 'request failed');
});
`,
    },
    {
      code: `
'use server';
function toResult(run) {
  try {
    return { ok: true, value: run() };
  } catch (e) {
    return { ok: false, error: e.message };
  }
}
export async function act() {
  return toResult(work);
}
`,
      filename: 'app/actions.ts',
    },
    {
      code: `
export async function load() {
  try {
    return await work();
  } catch (e) {
    return { error: e.message };
  }
}
`,
      filename: 'app/lib/helpers.ts',
    },
    // --- valid: odd code that must not crash ---
    {
      code: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    res[method](err.stack);
    res.json(...args);
    res.json();
    res.status().json({ error: 'x' });
    new Response();
    NextResponse.json();
  }
});
`,
    },
    {
      code: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    const handler = (err) => res.json(err.stack);
    res.status(500).json({ error: 'Failed' });
  }
});
`,
    },
    {
      code: `
try {
  run();
} catch (err) {
  const { [key]: value, ...rest } = err;
  ctx.body = value;
  Response.json(rest.length);
}
`,
    },
    // --- valid: safe fields of an error middleware parameter ---
    {
      code: `
app.use((e, req, res, next) => {
  res.status(500).send({ message: 'Failed', id: e.id });
});
`,
    },
    // --- valid: the request object is not a response ---
    {
      code: `
import express from 'express';
const app = express();
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    req.send(err.stack);
    res.sendStatus(500);
  }
});
`,
    },
  ],
  invalid: [
    // The rest of Prisma's meta is detail: the whole object, or its cause.
    {
      code: `app.post('/users', async (req, res) => {
  try {
    res.json(await prisma.user.create({ data: req.body }));
  } catch (e) {
    if (e.code === 'P2002') return res.status(409).json({ error: e.meta });
    res.status(500).json({ error: e.meta.cause });
  }
});`,
      errors: [
        {
          messageId: 'detailsInResponse',
          line: 5,
          column: 66,
          endLine: 5,
          endColumn: 72,
          suggestions: [
            {
              messageId: 'replaceWithGeneric',
              output: `app.post('/users', async (req, res) => {
  try {
    res.json(await prisma.user.create({ data: req.body }));
  } catch (e) {
    if (e.code === 'P2002') return res.status(409).json({ error: 'Internal Server Error' });
    res.status(500).json({ error: e.meta.cause });
  }
});`,
            },
          ],
        },
        {
          messageId: 'detailsInResponse',
          line: 6,
          column: 35,
          endLine: 6,
          endColumn: 47,
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `app.post('/users', async (req, res) => {
  try {
    res.json(await prisma.user.create({ data: req.body }));
  } catch (e) {
    if (e.code === 'P2002') return res.status(409).json({ error: e.meta });
    console.error(e);
    res.status(500).json({ error: 'Internal Server Error' });
  }
});`,
            },
          ],
        },
      ],
    },
    // --- the logging line keeps the file's CRLF line breaks and the statement's indentation ---
    {
      code: ['app.get("/a", async (req, res) => {', '  try {', '    await work();', '  } catch (err) {', '    res.status(500).send(err.stack);', '  }', '});', ''].join('\r\n'),
      errors: [
        {
          messageId: 'stackInResponse',
          line: 5,
          column: 26,
          endLine: 5,
          endColumn: 35,
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: ['app.get("/a", async (req, res) => {', '  try {', '    await work();', '  } catch (err) {', '    console.error(err);', "    res.status(500).send('Internal Server Error');", '  }', '});', ''].join('\r\n'),
            },
          ],
        },
      ],
    },
    // --- a status from a function of the file that can return 200: no 4xx answer ---
    {
      code: `
const statusFor = (err) => {
  switch (err.name) {
    case 'ValidationError':
      return 422;
    default:
      return 200;
  }
};
app.get('/snippet', async (req, res) => {
  try {
    res.json(await load(req.query.key));
  } catch (err) {
    const status = statusFor(err);
    res.status(status).json({ error: err.message });
  }
});
`,
      errors: [
        {
          messageId: 'messageInResponse',
          line: 15,
          column: 38,
          endLine: 15,
          endColumn: 49,
          data: { expression: 'err.message', sink: 'res.json()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
const statusFor = (err) => {
  switch (err.name) {
    case 'ValidationError':
      return 422;
    default:
      return 200;
  }
};
app.get('/snippet', async (req, res) => {
  try {
    res.json(await load(req.query.key));
  } catch (err) {
    const status = statusFor(err);
    console.error(err);
    res.status(status).json({ error: 'Internal Server Error' });
  }
});
`,
            },
          ],
        },
      ],
    },
    // --- express: catch block answering 500 ---
    {
      code: `
app.get('/users', async (req, res) => {
  try {
    res.json(await db.users());
  } catch (err) {
    res.status(500).json({ error: err.message, stack: err.stack });
  }
});
`,
      errors: [
        {
          messageId: 'messageInResponse',
          line: 6,
          column: 35,
          endLine: 6,
          endColumn: 46,
          data: { expression: 'err.message', sink: 'res.json()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
app.get('/users', async (req, res) => {
  try {
    res.json(await db.users());
  } catch (err) {
    console.error(err);
    res.status(500).json({ error: 'Internal Server Error', stack: err.stack });
  }
});
`,
            },
          ],
        },
        {
          messageId: 'stackInResponse',
          line: 6,
          column: 55,
          endLine: 6,
          endColumn: 64,
          data: { expression: 'err.stack', sink: 'res.json()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
app.get('/users', async (req, res) => {
  try {
    res.json(await db.users());
  } catch (err) {
    console.error(err);
    res.status(500).json({ error: err.message, stack: 'Internal Server Error' });
  }
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
router.post('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    res.send(err.stack);
  }
});
`,
      errors: [
        {
          messageId: 'stackInResponse',
          line: 6,
          column: 14,
          endLine: 6,
          endColumn: 23,
          data: { expression: 'err.stack', sink: 'res.send()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
router.post('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    console.error(err);
    res.send('Internal Server Error');
  }
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (error) {
    res.status(500).json(error);
  }
});
`,
      errors: [
        {
          messageId: 'errorInResponse',
          line: 6,
          column: 26,
          endLine: 6,
          endColumn: 31,
          data: { expression: 'error', sink: 'res.json()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (error) {
    console.error(error);
    res.status(500).json('Internal Server Error');
  }
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (e) {
    res.status(500).json({ ok: false, error: e });
  }
});
`,
      errors: [
        {
          messageId: 'errorInResponse',
          line: 6,
          column: 46,
          endLine: 6,
          endColumn: 47,
          data: { expression: 'e', sink: 'res.json()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (e) {
    console.error(e);
    res.status(500).json({ ok: false, error: 'Internal Server Error' });
  }
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    res.status(500).send(\`Failed: \${err}\`);
  }
});
`,
      errors: [
        {
          messageId: 'messageInResponse',
          line: 6,
          column: 26,
          endLine: 6,
          endColumn: 42,
          data: { expression: '`Failed: ${err}`', sink: 'res.send()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    console.error(err);
    res.status(500).send('Internal Server Error');
  }
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    res.status(500).send(String(err));
  }
});
`,
      errors: [
        {
          messageId: 'messageInResponse',
          line: 6,
          column: 26,
          endLine: 6,
          endColumn: 37,
          data: { expression: 'String(err)', sink: 'res.send()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    console.error(err);
    res.status(500).send('Internal Server Error');
  }
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    res.status(500).send({ error: err.toString() });
  }
});
`,
      errors: [
        {
          messageId: 'messageInResponse',
          line: 6,
          column: 35,
          endLine: 6,
          endColumn: 49,
          data: { expression: 'err.toString()', sink: 'res.send()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    console.error(err);
    res.status(500).send({ error: 'Internal Server Error' });
  }
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
import util from 'node:util';
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    res.status(500).send(util.inspect(err));
  }
});
`,
      errors: [
        {
          messageId: 'stackInResponse',
          line: 7,
          column: 26,
          endLine: 7,
          endColumn: 43,
          data: { expression: 'util.inspect(err)', sink: 'res.send()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
import util from 'node:util';
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    console.error(err);
    res.status(500).send('Internal Server Error');
  }
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
import { inspect as show } from 'util';
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    res.status(500).send({ detail: show(err, { depth: 2 }) });
  }
});
`,
      errors: [
        {
          messageId: 'stackInResponse',
          line: 7,
          column: 36,
          endLine: 7,
          endColumn: 59,
          data: { expression: 'show(err, { depth: 2 })', sink: 'res.send()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
import { inspect as show } from 'util';
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    console.error(err);
    res.status(500).send({ detail: 'Internal Server Error' });
  }
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    res.status(500).send(JSON.stringify(err, Object.getOwnPropertyNames(err)));
  }
});
`,
      errors: [
        {
          messageId: 'stackInResponse',
          line: 6,
          column: 26,
          endLine: 6,
          endColumn: 78,
          data: { expression: 'JSON.stringify(err, Object.getOwnPropertyNames(err))', sink: 'res.send()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    console.error(err);
    res.status(500).send('Internal Server Error');
  }
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
import { serializeError } from 'serialize-error';
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    res.status(500).json({ error: serializeError(err) });
  }
});
`,
      errors: [
        {
          messageId: 'stackInResponse',
          line: 7,
          column: 35,
          endLine: 7,
          endColumn: 54,
          data: { expression: 'serializeError(err)', sink: 'res.json()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
import { serializeError } from 'serialize-error';
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    console.error(err);
    res.status(500).json({ error: 'Internal Server Error' });
  }
});
`,
            },
          ],
        },
      ],
    },
    // --- express: spread, details, aliases ---
    {
      code: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    res.status(500).json({ ok: false, ...err });
  }
});
`,
      errors: [
        {
          messageId: 'errorInResponse',
          line: 6,
          column: 39,
          endLine: 6,
          endColumn: 45,
          data: { expression: 'err', sink: 'res.json()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    console.error(err);
    res.status(500).json({ ok: false, error: 'Internal Server Error' });
  }
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
app.post('/x', async (req, res) => {
  try {
    await User.create(req.body);
  } catch (err) {
    res.status(500).json({ errors: err.errors });
  }
});
`,
      errors: [
        {
          messageId: 'detailsInResponse',
          line: 6,
          column: 36,
          endLine: 6,
          endColumn: 46,
          data: { expression: 'err.errors', sink: 'res.json()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
app.post('/x', async (req, res) => {
  try {
    await User.create(req.body);
  } catch (err) {
    console.error(err);
    res.status(500).json({ errors: 'Internal Server Error' });
  }
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
app.post('/x', async (req, res) => {
  try {
    await pool.query(q);
  } catch (err) {
    res.status(500).json({ error: 'Query failed', sql: err.sql });
  }
});
`,
      errors: [
        {
          messageId: 'detailsInResponse',
          line: 6,
          column: 56,
          endLine: 6,
          endColumn: 63,
          data: { expression: 'err.sql', sink: 'res.json()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
app.post('/x', async (req, res) => {
  try {
    await pool.query(q);
  } catch (err) {
    console.error(err);
    res.status(500).json({ error: 'Query failed', sql: 'Internal Server Error' });
  }
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
app.post('/x', async (req, res) => {
  try {
    await model.save();
  } catch (err) {
    res.status(500).json({ original: err.original, parent: err.parent });
  }
});
`,
      errors: [
        {
          messageId: 'detailsInResponse',
          line: 6,
          column: 38,
          endLine: 6,
          endColumn: 50,
          data: { expression: 'err.original', sink: 'res.json()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
app.post('/x', async (req, res) => {
  try {
    await model.save();
  } catch (err) {
    console.error(err);
    res.status(500).json({ original: 'Internal Server Error', parent: err.parent });
  }
});
`,
            },
          ],
        },
        {
          messageId: 'detailsInResponse',
          line: 6,
          column: 60,
          endLine: 6,
          endColumn: 70,
          data: { expression: 'err.parent', sink: 'res.json()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
app.post('/x', async (req, res) => {
  try {
    await model.save();
  } catch (err) {
    console.error(err);
    res.status(500).json({ original: err.original, parent: 'Internal Server Error' });
  }
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
app.get('/proxy', async (req, res) => {
  try {
    await axios.get(upstream);
  } catch (err) {
    res.status(502).json({ upstream: err.response?.data });
  }
});
`,
      errors: [
        {
          messageId: 'detailsInResponse',
          line: 6,
          column: 38,
          endLine: 6,
          endColumn: 56,
          data: { expression: 'err.response?.data', sink: 'res.json()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
app.get('/proxy', async (req, res) => {
  try {
    await axios.get(upstream);
  } catch (err) {
    console.error(err);
    res.status(502).json({ upstream: 'Internal Server Error' });
  }
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
app.get('/proxy', async (req, res) => {
  try {
    await axios.get(upstream);
  } catch (err) {
    res.status(502).json({ request: err.config });
  }
});
`,
      errors: [
        {
          messageId: 'detailsInResponse',
          line: 6,
          column: 37,
          endLine: 6,
          endColumn: 47,
          data: { expression: 'err.config', sink: 'res.json()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
app.get('/proxy', async (req, res) => {
  try {
    await axios.get(upstream);
  } catch (err) {
    console.error(err);
    res.status(502).json({ request: 'Internal Server Error' });
  }
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    const e = err;
    res.status(500).json({ trace: e.stack });
  }
});
`,
      errors: [
        {
          messageId: 'stackInResponse',
          line: 7,
          column: 35,
          endLine: 7,
          endColumn: 42,
          data: { expression: 'e.stack', sink: 'res.json()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    const e = err;
    console.error(err);
    res.status(500).json({ trace: 'Internal Server Error' });
  }
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    const { stack } = err;
    res.status(500).json({ stack });
  }
});
`,
      errors: [
        {
          messageId: 'stackInResponse',
          line: 7,
          column: 28,
          endLine: 7,
          endColumn: 33,
          data: { expression: 'stack', sink: 'res.json()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    const { stack } = err;
    console.error(err);
    res.status(500).json({ stack: 'Internal Server Error' });
  }
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    const details = { message: err.message };
    res.status(500).json(details);
  }
});
`,
      errors: [
        {
          messageId: 'messageInResponse',
          line: 7,
          column: 26,
          endLine: 7,
          endColumn: 33,
          data: { expression: 'err.message', sink: 'res.json()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    const details = { message: err.message };
    console.error(err);
    res.status(500).json('Internal Server Error');
  }
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    const body = { ok: false };
    body.trace = err.stack;
    res.status(500).json(body);
  }
});
`,
      errors: [
        {
          messageId: 'stackInResponse',
          line: 8,
          column: 26,
          endLine: 8,
          endColumn: 30,
          data: { expression: 'err.stack', sink: 'res.json()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    const body = { ok: false };
    body.trace = err.stack;
    console.error(err);
    res.status(500).json('Internal Server Error');
  }
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
app.get('/x', async (req, res) => {
  let message = 'Something went wrong';
  try {
    await work();
  } catch (err) {
    message = err.message;
  }
  res.status(500).json({ message });
});
`,
      errors: [
        {
          messageId: 'messageInResponse',
          line: 9,
          column: 26,
          endLine: 9,
          endColumn: 33,
          data: { expression: 'err.message', sink: 'res.json()' },
          suggestions: [
            {
              messageId: 'replaceWithGeneric',
              output: `
app.get('/x', async (req, res) => {
  let message = 'Something went wrong';
  try {
    await work();
  } catch (err) {
    message = err.message;
  }
  res.status(500).json({ message: 'Internal Server Error' });
});
`,
            },
          ],
        },
      ],
    },
    // --- express: nested payloads ---
    {
      code: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    res.status(500).json([err.stack]);
  }
});
`,
      errors: [
        {
          messageId: 'stackInResponse',
          line: 6,
          column: 27,
          endLine: 6,
          endColumn: 36,
          data: { expression: 'err.stack', sink: 'res.json()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    console.error(err);
    res.status(500).json(['Internal Server Error']);
  }
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    res.status(500).json({ error: { details: { stack: err.stack } } });
  }
});
`,
      errors: [
        {
          messageId: 'stackInResponse',
          line: 6,
          column: 55,
          endLine: 6,
          endColumn: 64,
          data: { expression: 'err.stack', sink: 'res.json()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    console.error(err);
    res.status(500).json({ error: { details: { stack: 'Internal Server Error' } } });
  }
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    res.status(500).json({ error: 'Failed', ...(req.user.isAdmin ? { stack: err.stack } : {}) });
  }
});
`,
      errors: [
        {
          messageId: 'stackInResponse',
          line: 6,
          column: 77,
          endLine: 6,
          endColumn: 86,
          data: { expression: 'err.stack', sink: 'res.json()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    console.error(err);
    res.status(500).json({ error: 'Failed', ...(req.user.isAdmin ? { stack: 'Internal Server Error' } : {}) });
  }
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    res.status(500).json({ error: err.message || 'Unknown error' });
  }
});
`,
      errors: [
        {
          messageId: 'messageInResponse',
          line: 6,
          column: 35,
          endLine: 6,
          endColumn: 65,
          data: { expression: 'err.message', sink: 'res.json()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    console.error(err);
    res.status(500).json({ error: 'Internal Server Error' });
  }
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    res.status(500).json({ error: err instanceof Error ? err.message : 'Unknown error' });
  }
});
`,
      errors: [
        {
          messageId: 'messageInResponse',
          line: 6,
          column: 35,
          endLine: 6,
          endColumn: 87,
          data: { expression: 'err.message', sink: 'res.json()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    console.error(err);
    res.status(500).json({ error: 'Internal Server Error' });
  }
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    res.status(500).json({ error: err.message.slice(0, 200) });
  }
});
`,
      errors: [
        {
          messageId: 'messageInResponse',
          line: 6,
          column: 35,
          endLine: 6,
          endColumn: 60,
          data: { expression: 'err.message', sink: 'res.json()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    console.error(err);
    res.status(500).json({ error: 'Internal Server Error' });
  }
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    res.type('json').status(500).send(err.stack);
  }
});
`,
      errors: [
        {
          messageId: 'stackInResponse',
          line: 6,
          column: 39,
          endLine: 6,
          endColumn: 48,
          data: { expression: 'err.stack', sink: 'res.send()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    console.error(err);
    res.type('json').status(500).send('Internal Server Error');
  }
});
`,
            },
          ],
        },
      ],
    },
    // --- express: status forms for err.message ---
    {
      code: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    res.json({ error: err.message });
  }
});
`,
      errors: [
        {
          messageId: 'messageInResponse',
          line: 6,
          column: 23,
          endLine: 6,
          endColumn: 34,
          data: { expression: 'err.message', sink: 'res.json()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    console.error(err);
    res.json({ error: 'Internal Server Error' });
  }
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    res.status(200).json({ ok: false, error: err.message });
  }
});
`,
      errors: [
        {
          messageId: 'messageInResponse',
          line: 6,
          column: 46,
          endLine: 6,
          endColumn: 57,
          data: { expression: 'err.message', sink: 'res.json()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    console.error(err);
    res.status(200).json({ ok: false, error: 'Internal Server Error' });
  }
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    const status = err.status ?? 500;
    res.status(status).json({ error: err.message });
  }
});
`,
      errors: [
        {
          messageId: 'messageInResponse',
          line: 7,
          column: 38,
          endLine: 7,
          endColumn: 49,
          data: { expression: 'err.message', sink: 'res.json()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    const status = err.status ?? 500;
    console.error(err);
    res.status(status).json({ error: 'Internal Server Error' });
  }
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    res.status(HttpStatus.INTERNAL_SERVER_ERROR).json({ error: err.message });
  }
});
`,
      errors: [
        {
          messageId: 'messageInResponse',
          line: 6,
          column: 64,
          endLine: 6,
          endColumn: 75,
          data: { expression: 'err.message', sink: 'res.json()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    console.error(err);
    res.status(HttpStatus.INTERNAL_SERVER_ERROR).json({ error: 'Internal Server Error' });
  }
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    res.statusCode = 500;
    res.end(err.message);
  }
});
`,
      errors: [
        {
          messageId: 'messageInResponse',
          line: 7,
          column: 13,
          endLine: 7,
          endColumn: 24,
          data: { expression: 'err.message', sink: 'res.end()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    res.statusCode = 500;
    console.error(err);
    res.end('Internal Server Error');
  }
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    res.statusMessage = err.message;
    res.status(500).end();
  }
});
`,
      errors: [
        {
          messageId: 'messageInResponse',
          line: 6,
          column: 25,
          endLine: 6,
          endColumn: 36,
          data: { expression: 'err.message', sink: 'res.statusMessage' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    console.error(err);
    res.statusMessage = 'Internal Server Error';
    res.status(500).end();
  }
});
`,
            },
          ],
        },
      ],
    },
    // --- express: error middleware, .catch, error-first callbacks, render, locals ---
    {
      code: `
app.use((err, req, res, next) => {
  res.status(500).json({ message: err.message });
});
`,
      errors: [
        {
          messageId: 'messageInResponse',
          line: 3,
          column: 35,
          endLine: 3,
          endColumn: 46,
          data: { expression: 'err.message', sink: 'res.json()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
app.use((err, req, res, next) => {
  console.error(err);
  res.status(500).json({ message: 'Internal Server Error' });
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
function errorHandler(err, req, res, next) {
  res.status(500).send({ error: err.stack });
}
app.use(errorHandler);
`,
      errors: [
        {
          messageId: 'stackInResponse',
          line: 3,
          column: 33,
          endLine: 3,
          endColumn: 42,
          data: { expression: 'err.stack', sink: 'res.send()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
function errorHandler(err, req, res, next) {
  console.error(err);
  res.status(500).send({ error: 'Internal Server Error' });
}
app.use(errorHandler);
`,
            },
          ],
        },
      ],
    },
    {
      code: `
app.get('/x', (req, res) => {
  work().catch((err) => res.status(500).json({ error: err.message }));
});
`,
      errors: [
        {
          messageId: 'messageInResponse',
          line: 3,
          column: 55,
          endLine: 3,
          endColumn: 66,
          data: { expression: 'err.message', sink: 'res.json()' },
          suggestions: [
            {
              messageId: 'replaceWithGeneric',
              output: `
app.get('/x', (req, res) => {
  work().catch((err) => res.status(500).json({ error: 'Internal Server Error' }));
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
app.get('/x', (req, res) => {
  work().then(() => res.sendStatus(204), (reason) => res.status(500).send(reason.stack));
});
`,
      errors: [
        {
          messageId: 'stackInResponse',
          line: 3,
          column: 75,
          endLine: 3,
          endColumn: 87,
          data: { expression: 'reason.stack', sink: 'res.send()' },
          suggestions: [
            {
              messageId: 'replaceWithGeneric',
              output: `
app.get('/x', (req, res) => {
  work().then(() => res.sendStatus(204), (reason) => res.status(500).send('Internal Server Error'));
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
app.get('/file', (req, res) => {
  fs.readFile(path, 'utf8', (err, data) => {
    if (err) {
      return res.status(500).send(err.message);
    }
    res.send(data);
  });
});
`,
      errors: [
        {
          messageId: 'messageInResponse',
          line: 5,
          column: 35,
          endLine: 5,
          endColumn: 46,
          data: { expression: 'err.message', sink: 'res.send()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
app.get('/file', (req, res) => {
  fs.readFile(path, 'utf8', (err, data) => {
    if (err) {
      console.error(err);
      return res.status(500).send('Internal Server Error');
    }
    res.send(data);
  });
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
app.get('/rows', (req, res) => {
  connection.query(sql, (error, rows) => {
    if (error) return res.status(500).json({ error: error.sqlMessage });
    res.json(rows);
  });
});
`,
      errors: [
        {
          messageId: 'detailsInResponse',
          line: 4,
          column: 53,
          endLine: 4,
          endColumn: 69,
          data: { expression: 'error.sqlMessage', sink: 'res.json()' },
          suggestions: [
            {
              messageId: 'replaceWithGeneric',
              output: `
app.get('/rows', (req, res) => {
  connection.query(sql, (error, rows) => {
    if (error) return res.status(500).json({ error: 'Internal Server Error' });
    res.json(rows);
  });
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
app.get('/download', (req, res) => {
  const stream = fs.createReadStream(file);
  stream.on('error', (e) => res.status(500).end(e.stack));
  stream.pipe(res);
});
`,
      errors: [
        {
          messageId: 'stackInResponse',
          line: 4,
          column: 49,
          endLine: 4,
          endColumn: 56,
          data: { expression: 'e.stack', sink: 'res.end()' },
          suggestions: [
            {
              messageId: 'replaceWithGeneric',
              output: `
app.get('/download', (req, res) => {
  const stream = fs.createReadStream(file);
  stream.on('error', (e) => res.status(500).end('Internal Server Error'));
  stream.pipe(res);
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    res.status(500).render('error', { error: err });
  }
});
`,
      errors: [
        {
          messageId: 'errorInResponse',
          line: 6,
          column: 46,
          endLine: 6,
          endColumn: 49,
          data: { expression: 'err', sink: 'res.render()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    console.error(err);
    res.status(500).render('error', { error: 'Internal Server Error' });
  }
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
app.use(function (err, req, res, next) {
  res.locals.error = err;
  res.status(500);
  res.render('error');
});
`,
      errors: [
        {
          messageId: 'errorInResponse',
          line: 3,
          column: 22,
          endLine: 3,
          endColumn: 25,
          data: { expression: 'err', sink: 'res.locals' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
app.use(function (err, req, res, next) {
  console.error(err);
  res.locals.error = 'Internal Server Error';
  res.status(500);
  res.render('error');
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
http.createServer(async (req, res) => {
  try {
    await route(req, res);
  } catch (e) {
    res.writeHead(500, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ error: e.stack }));
  }
});
`,
      errors: [
        {
          messageId: 'stackInResponse',
          line: 7,
          column: 37,
          endLine: 7,
          endColumn: 44,
          data: { expression: 'e.stack', sink: 'res.end()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
http.createServer(async (req, res) => {
  try {
    await route(req, res);
  } catch (e) {
    res.writeHead(500, { 'Content-Type': 'application/json' });
    console.error(e);
    res.end(JSON.stringify({ error: 'Internal Server Error' }));
  }
});
`,
            },
          ],
        },
      ],
    },
    // --- express: TypeScript forms ---
    {
      code: `
import type { Request, Response } from 'express';
export async function getUser(req: Request, res: Response): Promise<void> {
  try {
    await work();
  } catch (err: unknown) {
    res.status(500).json({ stack: (err as Error).stack });
  }
}
`,
      errors: [
        {
          messageId: 'stackInResponse',
          line: 7,
          column: 35,
          endLine: 7,
          endColumn: 55,
          data: { expression: '(err as Error).stack', sink: 'res.json()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
import type { Request, Response } from 'express';
export async function getUser(req: Request, res: Response): Promise<void> {
  try {
    await work();
  } catch (err: unknown) {
    console.error(err);
    res.status(500).json({ stack: 'Internal Server Error' });
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      code: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch ({ message }) {
    res.status(500).json({ message });
  }
});
`,
      errors: [
        {
          messageId: 'messageInResponse',
          line: 6,
          column: 28,
          endLine: 6,
          endColumn: 35,
          data: { expression: 'message', sink: 'res.json()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch ({ message }) {
    console.error(message);
    res.status(500).json({ message: 'Internal Server Error' });
  }
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    res?.status(500)?.json?.({ stack: err?.stack });
  }
});
`,
      errors: [
        {
          messageId: 'stackInResponse',
          line: 6,
          column: 39,
          endLine: 6,
          endColumn: 49,
          data: { expression: 'err?.stack', sink: 'res.json()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    console.error(err);
    res?.status(500)?.json?.({ stack: 'Internal Server Error' });
  }
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
import type { NextApiRequest, NextApiResponse } from 'next';
export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  try {
    res.status(200).json(await listUsers());
  } catch (e) {
    res.status(500).json({ error: (e as Error).message });
  }
}
`,
      filename: 'pages/api/users.ts',
      errors: [
        {
          messageId: 'messageInResponse',
          line: 7,
          column: 35,
          endLine: 7,
          endColumn: 55,
          data: { expression: '(e as Error).message', sink: 'res.json()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
import type { NextApiRequest, NextApiResponse } from 'next';
export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  try {
    res.status(200).json(await listUsers());
  } catch (e) {
    console.error(e);
    res.status(500).json({ error: 'Internal Server Error' });
  }
}
`,
            },
          ],
        },
      ],
    },
    // --- logging in suggestions ---
    {
      code: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    logger.error(err);
    res.status(500).json({ stack: err.stack });
  }
});
`,
      errors: [
        {
          messageId: 'stackInResponse',
          line: 7,
          column: 35,
          endLine: 7,
          endColumn: 44,
          data: { expression: 'err.stack', sink: 'res.json()' },
          suggestions: [
            {
              messageId: 'replaceWithGeneric',
              output: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    logger.error(err);
    res.status(500).json({ stack: 'Internal Server Error' });
  }
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    res.status(500).json({ stack: err.stack });
  }
});
`,
      options: [{'logger':'logger.error'}],
      errors: [
        {
          messageId: 'stackInResponse',
          line: 6,
          column: 35,
          endLine: 6,
          endColumn: 44,
          data: { expression: 'err.stack', sink: 'res.json()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    logger.error(err);
    res.status(500).json({ stack: 'Internal Server Error' });
  }
});
`,
            },
          ],
        },
      ],
    },
    // --- narrowing and allowMessage never excuse stacks ---
    {
      code: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    if (err instanceof AppError) {
      return res.status(400).json({ error: err.message, stack: err.stack });
    }
    res.status(500).json({ error: 'Internal Server Error' });
  }
});
`,
      errors: [
        {
          messageId: 'stackInResponse',
          line: 7,
          column: 64,
          endLine: 7,
          endColumn: 73,
          data: { expression: 'err.stack', sink: 'res.json()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    if (err instanceof AppError) {
      console.error(err);
      return res.status(400).json({ error: err.message, stack: 'Internal Server Error' });
    }
    res.status(500).json({ error: 'Internal Server Error' });
  }
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    if (err instanceof Error) {
      res.status(500).json({ error: err.message });
    }
  }
});
`,
      errors: [
        {
          messageId: 'messageInResponse',
          line: 7,
          column: 37,
          endLine: 7,
          endColumn: 48,
          data: { expression: 'err.message', sink: 'res.json()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    if (err instanceof Error) {
      console.error(err);
      res.status(500).json({ error: 'Internal Server Error' });
    }
  }
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
app.get('/x', async (req, res) => {
  try {
    await axios.get(url);
  } catch (err) {
    if (axios.isAxiosError(err)) {
      res.status(500).json({ error: err.message });
    }
  }
});
`,
      errors: [
        {
          messageId: 'messageInResponse',
          line: 7,
          column: 37,
          endLine: 7,
          endColumn: 48,
          data: { expression: 'err.message', sink: 'res.json()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
app.get('/x', async (req, res) => {
  try {
    await axios.get(url);
  } catch (err) {
    if (axios.isAxiosError(err)) {
      console.error(err);
      res.status(500).json({ error: 'Internal Server Error' });
    }
  }
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    if (err instanceof AppError) {
      return res.status(err.status).json({ error: err.message });
    }
    res.status(500).json({ error: err.message });
  }
});
`,
      errors: [
        {
          messageId: 'messageInResponse',
          line: 9,
          column: 35,
          endLine: 9,
          endColumn: 46,
          data: { expression: 'err.message', sink: 'res.json()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    if (err instanceof AppError) {
      return res.status(err.status).json({ error: err.message });
    }
    console.error(err);
    res.status(500).json({ error: 'Internal Server Error' });
  }
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    res.status(500).json({ error: err.message, stack: err.stack });
  }
});
`,
      options: [{'allowMessage':true}],
      errors: [
        {
          messageId: 'stackInResponse',
          line: 6,
          column: 55,
          endLine: 6,
          endColumn: 64,
          data: { expression: 'err.stack', sink: 'res.json()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    console.error(err);
    res.status(500).json({ error: err.message, stack: 'Internal Server Error' });
  }
});
`,
            },
          ],
        },
      ],
    },
    // --- dev guards that do not guard ---
    {
      code: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    res.status(500).json({ stack: process.env.NODE_ENV === 'production' ? err.stack : undefined });
  }
});
`,
      errors: [
        {
          messageId: 'stackInResponse',
          line: 6,
          column: 35,
          endLine: 6,
          endColumn: 96,
          data: { expression: 'err.stack', sink: 'res.json()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    console.error(err);
    res.status(500).json({ stack: 'Internal Server Error' });
  }
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    if (req.query.debug) {
      res.status(500).json({ stack: err.stack });
    }
  }
});
`,
      errors: [
        {
          messageId: 'stackInResponse',
          line: 7,
          column: 37,
          endLine: 7,
          endColumn: 46,
          data: { expression: 'err.stack', sink: 'res.json()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    if (req.query.debug) {
      console.error(err);
      res.status(500).json({ stack: 'Internal Server Error' });
    }
  }
});
`,
            },
          ],
        },
      ],
    },
    // --- responseSinks option ---
    {
      code: `
import { sendProblem } from 'my-http';
server.route({
  handler: async (request, h) => {
    try {
      await work();
    } catch (err) {
      sendProblem(err.message);
      return h.response(err.stack).code(500);
    }
  },
});
`,
      options: [{'responseSinks':['h.response','my-http#sendProblem']}],
      errors: [
        {
          messageId: 'messageInResponse',
          line: 8,
          column: 19,
          endLine: 8,
          endColumn: 30,
          data: { expression: 'err.message', sink: 'sendProblem()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
import { sendProblem } from 'my-http';
server.route({
  handler: async (request, h) => {
    try {
      await work();
    } catch (err) {
      console.error(err);
      sendProblem('Internal Server Error');
      return h.response(err.stack).code(500);
    }
  },
});
`,
            },
          ],
        },
        {
          messageId: 'stackInResponse',
          line: 9,
          column: 25,
          endLine: 9,
          endColumn: 34,
          data: { expression: 'err.stack', sink: 'h.response()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
import { sendProblem } from 'my-http';
server.route({
  handler: async (request, h) => {
    try {
      await work();
    } catch (err) {
      sendProblem(err.message);
      console.error(err);
      return h.response('Internal Server Error').code(500);
    }
  },
});
`,
            },
          ],
        },
      ],
    },
    // --- fastify ---
    {
      code: `
fastify.get('/x', async (request, reply) => {
  try {
    return await work();
  } catch (err) {
    reply.code(500).send({ error: err.message });
  }
});
`,
      errors: [
        {
          messageId: 'messageInResponse',
          line: 6,
          column: 35,
          endLine: 6,
          endColumn: 46,
          data: { expression: 'err.message', sink: 'reply.send()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
fastify.get('/x', async (request, reply) => {
  try {
    return await work();
  } catch (err) {
    console.error(err);
    reply.code(500).send({ error: 'Internal Server Error' });
  }
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
fastify.get('/x', async (request, reply) => {
  try {
    return await work();
  } catch (err) {
    return reply.send(err);
  }
});
`,
      errors: [
        {
          messageId: 'errorInResponse',
          line: 6,
          column: 23,
          endLine: 6,
          endColumn: 26,
          data: { expression: 'err', sink: 'reply.send()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
fastify.get('/x', async (request, reply) => {
  try {
    return await work();
  } catch (err) {
    console.error(err);
    return reply.send('Internal Server Error');
  }
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
fastify.setErrorHandler((error, request, reply) => {
  reply.status(500).send({ stack: error.stack });
});
`,
      errors: [
        {
          messageId: 'stackInResponse',
          line: 3,
          column: 35,
          endLine: 3,
          endColumn: 46,
          data: { expression: 'error.stack', sink: 'reply.send()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
fastify.setErrorHandler((error, request, reply) => {
  console.error(error);
  reply.status(500).send({ stack: 'Internal Server Error' });
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
app.setErrorHandler(function (error, request, response) {
  response.send(error);
});
`,
      errors: [
        {
          messageId: 'errorInResponse',
          line: 3,
          column: 17,
          endLine: 3,
          endColumn: 22,
          data: { expression: 'error', sink: 'response.send()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
app.setErrorHandler(function (error, request, response) {
  console.error(error);
  response.send('Internal Server Error');
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
fastify.get('/x', async (request, reply) => {
  try {
    return await work();
  } catch (err) {
    reply.raw.end(err.stack);
  }
});
`,
      errors: [
        {
          messageId: 'stackInResponse',
          line: 6,
          column: 19,
          endLine: 6,
          endColumn: 28,
          data: { expression: 'err.stack', sink: 'reply.raw.end()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
fastify.get('/x', async (request, reply) => {
  try {
    return await work();
  } catch (err) {
    console.error(err);
    reply.raw.end('Internal Server Error');
  }
});
`,
            },
          ],
        },
      ],
    },
    // --- koa ---
    {
      code: `
app.use(async (ctx, next) => {
  try {
    await next();
  } catch (err) {
    ctx.status = err.status || 500;
    ctx.body = { error: err.message };
  }
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
app.use(async (ctx, next) => {
  try {
    await next();
  } catch (err) {
    ctx.status = err.status || 500;
    console.error(err);
    ctx.body = { error: 'Internal Server Error' };
  }
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
router.get('/x', async (ctx) => {
  try {
    ctx.body = await work();
  } catch (err) {
    ctx.body = err.stack;
  }
});
`,
      errors: [
        {
          messageId: 'stackInResponse',
          line: 6,
          column: 16,
          endLine: 6,
          endColumn: 25,
          data: { expression: 'err.stack', sink: 'ctx.body' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
router.get('/x', async (ctx) => {
  try {
    ctx.body = await work();
  } catch (err) {
    console.error(err);
    ctx.body = 'Internal Server Error';
  }
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
router.get('/x', async (ctx) => {
  try {
    ctx.body = await work();
  } catch (err) {
    ctx.throw(500, err.message);
  }
});
`,
      errors: [
        {
          messageId: 'messageInResponse',
          line: 6,
          column: 20,
          endLine: 6,
          endColumn: 31,
          data: { expression: 'err.message', sink: 'ctx.throw()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
router.get('/x', async (ctx) => {
  try {
    ctx.body = await work();
  } catch (err) {
    console.error(err);
    ctx.throw(500, 'Internal Server Error');
  }
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
router.get('/x', async (ctx) => {
  try {
    ctx.body = await work();
  } catch (err) {
    ctx.throw(err.message);
  }
});
`,
      errors: [
        {
          messageId: 'messageInResponse',
          line: 6,
          column: 15,
          endLine: 6,
          endColumn: 26,
          data: { expression: 'err.message', sink: 'ctx.throw()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
router.get('/x', async (ctx) => {
  try {
    ctx.body = await work();
  } catch (err) {
    console.error(err);
    ctx.throw('Internal Server Error');
  }
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
app.on('error', (err, ctx) => {
  ctx.body = { trace: err.stack };
});
`,
      errors: [
        {
          messageId: 'stackInResponse',
          line: 3,
          column: 23,
          endLine: 3,
          endColumn: 32,
          data: { expression: 'err.stack', sink: 'ctx.body' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
app.on('error', (err, ctx) => {
  console.error(err);
  ctx.body = { trace: 'Internal Server Error' };
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
app.use(async (context, next) => {
  try {
    await next();
  } catch (e) {
    context.response.body = { error: e };
  }
});
`,
      errors: [
        {
          messageId: 'errorInResponse',
          line: 6,
          column: 38,
          endLine: 6,
          endColumn: 39,
          data: { expression: 'e', sink: 'context.response.body' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
app.use(async (context, next) => {
  try {
    await next();
  } catch (e) {
    console.error(e);
    context.response.body = { error: 'Internal Server Error' };
  }
});
`,
            },
          ],
        },
      ],
    },
    // --- hono ---
    {
      code: `
app.onError((err, c) => {
  return c.json({ error: err.message }, 500);
});
`,
      errors: [
        {
          messageId: 'messageInResponse',
          line: 3,
          column: 26,
          endLine: 3,
          endColumn: 37,
          data: { expression: 'err.message', sink: 'c.json()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
app.onError((err, c) => {
  console.error(err);
  return c.json({ error: 'Internal Server Error' }, 500);
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
app.get('/x', async (c) => {
  try {
    return c.json(await work());
  } catch (err) {
    return c.text(err.stack, 500);
  }
});
`,
      errors: [
        {
          messageId: 'stackInResponse',
          line: 6,
          column: 19,
          endLine: 6,
          endColumn: 28,
          data: { expression: 'err.stack', sink: 'c.text()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
app.get('/x', async (c) => {
  try {
    return c.json(await work());
  } catch (err) {
    console.error(err);
    return c.text('Internal Server Error', 500);
  }
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
app.get('/x', async (c) => {
  try {
    return c.json(await work());
  } catch (err) {
    return c.json({ message: err.message });
  }
});
`,
      errors: [
        {
          messageId: 'messageInResponse',
          line: 6,
          column: 30,
          endLine: 6,
          endColumn: 41,
          data: { expression: 'err.message', sink: 'c.json()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
app.get('/x', async (c) => {
  try {
    return c.json(await work());
  } catch (err) {
    console.error(err);
    return c.json({ message: 'Internal Server Error' });
  }
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
app.get('/x', async (c) => {
  try {
    return c.html(await render());
  } catch (err) {
    return c.html(\`<pre>\${err.stack}</pre>\`, 500);
  }
});
`,
      errors: [
        {
          messageId: 'stackInResponse',
          line: 6,
          column: 19,
          endLine: 6,
          endColumn: 44,
          data: { expression: 'err.stack', sink: 'c.html()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
app.get('/x', async (c) => {
  try {
    return c.html(await render());
  } catch (err) {
    console.error(err);
    return c.html('Internal Server Error', 500);
  }
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
import { HTTPException } from 'hono/http-exception';
app.get('/x', async (c) => {
  try {
    return c.json(await work());
  } catch (err) {
    throw new HTTPException(500, { message: err.message, cause: err });
  }
});
`,
      errors: [
        {
          messageId: 'messageInResponse',
          line: 7,
          column: 45,
          endLine: 7,
          endColumn: 56,
          data: { expression: 'err.message', sink: 'new HTTPException()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
import { HTTPException } from 'hono/http-exception';
app.get('/x', async (c) => {
  try {
    return c.json(await work());
  } catch (err) {
    console.error(err);
    throw new HTTPException(500, { message: 'Internal Server Error', cause: err });
  }
});
`,
            },
          ],
        },
      ],
    },
    // --- next.js route handlers and server actions ---
    {
      code: `
import { NextResponse } from 'next/server';
export async function GET() {
  try {
    return NextResponse.json(await listUsers());
  } catch (error) {
    return NextResponse.json({ error: error.message }, { status: 500 });
  }
}
`,
      filename: 'app/api/users/route.ts',
      errors: [
        {
          messageId: 'messageInResponse',
          line: 7,
          column: 39,
          endLine: 7,
          endColumn: 52,
          data: { expression: 'error.message', sink: 'NextResponse.json()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
import { NextResponse } from 'next/server';
export async function GET() {
  try {
    return NextResponse.json(await listUsers());
  } catch (error) {
    console.error(error);
    return NextResponse.json({ error: 'Internal Server Error' }, { status: 500 });
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      code: `
export async function POST(request: Request) {
  try {
    return Response.json(await create(await request.json()));
  } catch (error) {
    return Response.json({ stack: (error as Error).stack });
  }
}
`,
      filename: 'app/api/users/route.ts',
      errors: [
        {
          messageId: 'stackInResponse',
          line: 6,
          column: 35,
          endLine: 6,
          endColumn: 57,
          data: { expression: '(error as Error).stack', sink: 'Response.json()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
export async function POST(request: Request) {
  try {
    return Response.json(await create(await request.json()));
  } catch (error) {
    console.error(error);
    return Response.json({ stack: 'Internal Server Error' });
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      code: `
export async function DELETE() {
  try {
    await remove();
    return new Response(null, { status: 204 });
  } catch (error) {
    return new Response(error.stack, { status: 500 });
  }
}
`,
      filename: 'app/api/users/route.ts',
      errors: [
        {
          messageId: 'stackInResponse',
          line: 7,
          column: 25,
          endLine: 7,
          endColumn: 36,
          data: { expression: 'error.stack', sink: 'new Response()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
export async function DELETE() {
  try {
    await remove();
    return new Response(null, { status: 204 });
  } catch (error) {
    console.error(error);
    return new Response('Internal Server Error', { status: 500 });
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      code: `
import * as server from 'next/server';
export async function PUT() {
  try {
    await update();
  } catch (error) {
    return new server.NextResponse(JSON.stringify({ error }), { status: 500 });
  }
}
`,
      filename: 'app/api/users/route.ts',
      errors: [
        {
          messageId: 'errorInResponse',
          line: 7,
          column: 53,
          endLine: 7,
          endColumn: 58,
          data: { expression: 'error', sink: 'new server.NextResponse()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
import * as server from 'next/server';
export async function PUT() {
  try {
    await update();
  } catch (error) {
    console.error(error);
    return new server.NextResponse(JSON.stringify({ error: 'Internal Server Error' }), { status: 500 });
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      code: `
'use server';
export async function createPost(formData: FormData) {
  try {
    await db.post.create({ data: { title: String(formData.get('title')) } });
    return { ok: true };
  } catch (e) {
    return { ok: false, error: e.message };
  }
}
`,
      filename: 'app/actions.ts',
      errors: [
        {
          messageId: 'messageInResponse',
          line: 8,
          column: 32,
          endLine: 8,
          endColumn: 41,
          data: { expression: 'e.message', sink: 'a Server Action result' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
'use server';
export async function createPost(formData: FormData) {
  try {
    await db.post.create({ data: { title: String(formData.get('title')) } });
    return { ok: true };
  } catch (e) {
    console.error(e);
    return { ok: false, error: 'Internal Server Error' };
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      code: `
export default function Page() {
  async function save() {
    'use server';
    try {
      await persist();
    } catch (err) {
      return { error: err.stack };
    }
  }
  return <form action={save} />;
}
`,
      filename: 'app/page.tsx',
      errors: [
        {
          messageId: 'stackInResponse',
          line: 8,
          column: 23,
          endLine: 8,
          endColumn: 32,
          data: { expression: 'err.stack', sink: 'a Server Action result' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
export default function Page() {
  async function save() {
    'use server';
    try {
      await persist();
    } catch (err) {
      console.error(err);
      return { error: 'Internal Server Error' };
    }
  }
  return <form action={save} />;
}
`,
            },
          ],
        },
      ],
    },
    // --- h3 and nuxt ---
    {
      code: `
import { createError, defineEventHandler } from 'h3';
export default defineEventHandler(async (event) => {
  try {
    return await work();
  } catch (err) {
    throw createError({ statusCode: 500, data: err });
  }
});
`,
      errors: [
        {
          messageId: 'errorInResponse',
          line: 7,
          column: 48,
          endLine: 7,
          endColumn: 51,
          data: { expression: 'err', sink: 'createError()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
import { createError, defineEventHandler } from 'h3';
export default defineEventHandler(async (event) => {
  try {
    return await work();
  } catch (err) {
    console.error(err);
    throw createError({ statusCode: 500, data: 'Internal Server Error' });
  }
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
import { sendError, defineEventHandler } from 'h3';
export default defineEventHandler(async (event) => {
  try {
    return await work();
  } catch (err) {
    return sendError(event, err);
  }
});
`,
      errors: [
        {
          messageId: 'errorInResponse',
          line: 7,
          column: 29,
          endLine: 7,
          endColumn: 32,
          data: { expression: 'err', sink: 'sendError()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
import { sendError, defineEventHandler } from 'h3';
export default defineEventHandler(async (event) => {
  try {
    return await work();
  } catch (err) {
    console.error(err);
    return sendError(event, 'Internal Server Error');
  }
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
export default defineEventHandler(async () => {
  try {
    return await work();
  } catch (err) {
    throw createError({ statusCode: 500, statusMessage: err.message });
  }
});
`,
      filename: 'server/api/users.ts',
      errors: [
        {
          messageId: 'messageInResponse',
          line: 6,
          column: 57,
          endLine: 6,
          endColumn: 68,
          data: { expression: 'err.message', sink: 'createError()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
export default defineEventHandler(async () => {
  try {
    return await work();
  } catch (err) {
    console.error(err);
    throw createError({ statusCode: 500, statusMessage: 'Internal Server Error' });
  }
});
`,
            },
          ],
        },
      ],
    },
    // --- nestjs ---
    {
      code: `
import { HttpException, HttpStatus } from '@nestjs/common';
export class UsersService {
  async find() {
    try {
      return await this.repo.find();
    } catch (err) {
      throw new HttpException(err.stack, HttpStatus.INTERNAL_SERVER_ERROR);
    }
  }
}
`,
      errors: [
        {
          messageId: 'stackInResponse',
          line: 8,
          column: 31,
          endLine: 8,
          endColumn: 40,
          data: { expression: 'err.stack', sink: 'new HttpException()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
import { HttpException, HttpStatus } from '@nestjs/common';
export class UsersService {
  async find() {
    try {
      return await this.repo.find();
    } catch (err) {
      console.error(err);
      throw new HttpException('Internal Server Error', HttpStatus.INTERNAL_SERVER_ERROR);
    }
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      code: `
import { InternalServerErrorException } from '@nestjs/common';
export class UsersService {
  async find() {
    try {
      return await this.repo.find();
    } catch (err) {
      throw new InternalServerErrorException(err.message);
    }
  }
}
`,
      errors: [
        {
          messageId: 'messageInResponse',
          line: 8,
          column: 46,
          endLine: 8,
          endColumn: 57,
          data: { expression: 'err.message', sink: 'new InternalServerErrorException()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
import { InternalServerErrorException } from '@nestjs/common';
export class UsersService {
  async find() {
    try {
      return await this.repo.find();
    } catch (err) {
      console.error(err);
      throw new InternalServerErrorException('Internal Server Error');
    }
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      code: `
import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  catch(exception: any, host: ArgumentsHost) {
    const ctx = host.switchToHttp();
    const response = ctx.getResponse<Response>();
    response.status(500).json({ message: exception.message, stack: exception.stack });
  }
}
`,
      errors: [
        {
          messageId: 'messageInResponse',
          line: 8,
          column: 42,
          endLine: 8,
          endColumn: 59,
          data: { expression: 'exception.message', sink: 'response.json()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  catch(exception: any, host: ArgumentsHost) {
    const ctx = host.switchToHttp();
    const response = ctx.getResponse<Response>();
    console.error(exception);
    response.status(500).json({ message: 'Internal Server Error', stack: exception.stack });
  }
}
`,
            },
          ],
        },
        {
          messageId: 'stackInResponse',
          line: 8,
          column: 68,
          endLine: 8,
          endColumn: 83,
          data: { expression: 'exception.stack', sink: 'response.json()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  catch(exception: any, host: ArgumentsHost) {
    const ctx = host.switchToHttp();
    const response = ctx.getResponse<Response>();
    console.error(exception);
    response.status(500).json({ message: exception.message, stack: 'Internal Server Error' });
  }
}
`,
            },
          ],
        },
      ],
    },
    // --- response recognised by its handler role, whatever its name ---
    {
      code: `
app.get('/x', async (req, socket) => {
  try {
    await work();
  } catch (err) {
    socket.send(err.stack);
  }
});
`,
      errors: [
        {
          messageId: 'stackInResponse',
          line: 6,
          column: 17,
          endLine: 6,
          endColumn: 26,
          data: { expression: 'err.stack', sink: 'socket.send()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
app.get('/x', async (req, socket) => {
  try {
    await work();
  } catch (err) {
    console.error(err);
    socket.send('Internal Server Error');
  }
});
`,
            },
          ],
        },
      ],
    },
    // --- a guard the client controls is no guard ---
    {
      code: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    res.status(500).json({ stack: req.query.isDev ? err.stack : undefined });
  }
});
`,
      errors: [
        {
          messageId: 'stackInResponse',
          line: 6,
          column: 35,
          endLine: 6,
          endColumn: 74,
          data: { expression: 'err.stack', sink: 'res.json()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    console.error(err);
    res.status(500).json({ stack: 'Internal Server Error' });
  }
});
`,
            },
          ],
        },
      ],
    },
    // --- express error middleware with a short parameter name ---
    {
      code: `
app.use((e, req, res, next) => {
  res.status(500).send(e.stack);
});
`,
      errors: [
        {
          messageId: 'stackInResponse',
          line: 3,
          column: 24,
          endLine: 3,
          endColumn: 31,
          data: { expression: 'e.stack', sink: 'res.send()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
app.use((e, req, res, next) => {
  console.error(e);
  res.status(500).send('Internal Server Error');
});
`,
            },
          ],
        },
      ],
    },
    // --- roles from the framework adapters (imports traced) ---
    {
      code: `
import Fastify from 'fastify';
const app = Fastify();
app.get('/x', async (request, r) => {
  try {
    return await work();
  } catch (err) {
    r.code(500).send({ stack: err.stack });
  }
});
`,
      errors: [
        {
          messageId: 'stackInResponse',
          line: 8,
          column: 31,
          endLine: 8,
          endColumn: 40,
          data: { expression: 'err.stack', sink: 'r.send()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
import Fastify from 'fastify';
const app = Fastify();
app.get('/x', async (request, r) => {
  try {
    return await work();
  } catch (err) {
    console.error(err);
    r.code(500).send({ stack: 'Internal Server Error' });
  }
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
import { Hono } from 'hono';
const app = new Hono();
app.get('/x', (hc) => {
  try {
    return hc.json(work());
  } catch (err) {
    return hc.json({ stack: err.stack }, 500);
  }
});
`,
      errors: [
        {
          messageId: 'stackInResponse',
          line: 8,
          column: 29,
          endLine: 8,
          endColumn: 38,
          data: { expression: 'err.stack', sink: 'hc.json()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
import { Hono } from 'hono';
const app = new Hono();
app.get('/x', (hc) => {
  try {
    return hc.json(work());
  } catch (err) {
    console.error(err);
    return hc.json({ stack: 'Internal Server Error' }, 500);
  }
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
import Koa from 'koa';
const app = new Koa();
app.use(async (k, next) => {
  try {
    await next();
  } catch (err) {
    k.body = err.stack;
  }
});
`,
      errors: [
        {
          messageId: 'stackInResponse',
          line: 8,
          column: 14,
          endLine: 8,
          endColumn: 23,
          data: { expression: 'err.stack', sink: 'k.body' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
import Koa from 'koa';
const app = new Koa();
app.use(async (k, next) => {
  try {
    await next();
  } catch (err) {
    console.error(err);
    k.body = 'Internal Server Error';
  }
});
`,
            },
          ],
        },
      ],
    },
  ],
});

const espreeTester = new RuleTester({ languageOptions: { parser: espree as never, sourceType: 'commonjs' } });

espreeTester.run('no-stack-in-response (espree, CommonJS)', rule, {
  valid: [
    {
      code: `
app.use(function (err, req, res, next) {
  res.locals.error = req.app.get('env') === 'development' ? err : {};
  res.status(err.status || 500);
  res.render('error');
});
`,
      filename: 'file.js',
    },
    {
      code: `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    console.error(err);
    res.status(500).send('Internal Server Error');
  }
});
`,
      filename: 'file.js',
    },
  ],
  invalid: [
    // --- plain JS with the default parser (espree) ---
    {
      code: `
const express = require('express');
const app = express();
app.use(function (err, req, res, next) {
  res.status(500).send(err.stack);
});
`,
      filename: 'file.js',
      errors: [
        {
          messageId: 'stackInResponse',
          line: 5,
          column: 24,
          endLine: 5,
          endColumn: 33,
          data: { expression: 'err.stack', sink: 'res.send()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
const express = require('express');
const app = express();
app.use(function (err, req, res, next) {
  console.error(err);
  res.status(500).send('Internal Server Error');
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
const { inspect } = require('node:util');
module.exports = async function handler(req, res) {
  try {
    await work();
  } catch (err) {
    res.status(500).send({ message: err.message });
  }
};
`,
      filename: 'file.js',
      errors: [
        {
          messageId: 'messageInResponse',
          line: 7,
          column: 37,
          endLine: 7,
          endColumn: 48,
          data: { expression: 'err.message', sink: 'res.send()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
const { inspect } = require('node:util');
module.exports = async function handler(req, res) {
  try {
    await work();
  } catch (err) {
    console.error(err);
    res.status(500).send({ message: 'Internal Server Error' });
  }
};
`,
            },
          ],
        },
      ],
    },
    {
      code: `
const util = require('util');
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    res.status(500).send(util.inspect(err));
  }
});
`,
      filename: 'file.js',
      errors: [
        {
          messageId: 'stackInResponse',
          line: 7,
          column: 26,
          endLine: 7,
          endColumn: 43,
          data: { expression: 'util.inspect(err)', sink: 'res.send()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
const util = require('util');
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    console.error(err);
    res.status(500).send('Internal Server Error');
  }
});
`,
            },
          ],
        },
      ],
    },
  ],
});

describe('no-stack-in-response options', () => {
  const linter = new Linter({ configType: 'flat' });
  const lint = (options: unknown) =>
    linter.verify(
      'x;',
      [
        {
          plugins: { 'agent-guard': { rules: { 'no-stack-in-response': rule as never } } },
          rules: { 'agent-guard/no-stack-in-response': ['error', options] },
        },
      ],
      'file.js',
    );

  it('rejects options outside the schema', () => {
    expect(() => lint({ allowMessages: true })).toThrow(/additional properties/u);
    expect(() => lint({ allowMessage: 'yes' })).toThrow(/boolean/u);
    expect(() => lint({ logger: 'console.error(' })).toThrow(/pattern/u);
    expect(() => lint({ responseSinks: 'res.send' })).toThrow(/array/u);
    expect(() => lint({ devGuards: [''] })).toThrow(/shorter than 1 characters/u);
  });

  it('accepts every documented option', () => {
    expect(lint({ allowMessage: true, logger: 'logger.error', responseSinks: ['h.response', 'my-http#send'], devGuards: ['config.debug'] })).toEqual([]);
  });

  it('accepts only loggers whose call parses: no reserved word first', () => {
    for (const logger of ['class', 'new', 'new.target', 'delete', 'typeof', 'void', 'await', 'yield', 'let', 'true', 'null', 'super.log']) {
      expect(() => lint({ logger }), logger).toThrow(/pattern/u);
    }
    for (const logger of ['classLogger', 'this.log.warn', 'log.delete', 'newRelic.noticeError', '$log', '_log.error']) {
      expect(lint({ logger }), logger).toEqual([]);
    }
  });
});

describe('no-stack-in-response on generated code', () => {
  const linter = new Linter({ configType: 'flat' });
  const inCatch = (expr: string) =>
    `app.get('/x', async (req, res) => { try { await w(); } catch (err) { res.status(500).send(${expr}); } });`;
  const lint = (code: string) =>
    linter.verify(code, [{ plugins: { x: { rules: { r: rule as never } } }, rules: { 'x/r': 'error' } }], 'file.js');

  it('handles payloads nested thousands deep without overflowing', () => {
    const concat = lint(inCatch(Array.from({ length: 5000 }, () => 'err').join(' + ')));
    expect(concat.map((m) => m.messageId)).toEqual(['messageInResponse']);
    expect(lint(inCatch('{ a: '.repeat(2000) + 'err.stack' + ' }'.repeat(2000))).every((m) => !m.fatal)).toBe(true);
    expect(lint(inCatch('['.repeat(3000) + 'err.stack' + ']'.repeat(3000))).every((m) => !m.fatal)).toBe(true);
    expect(lint(inCatch('c ? err : '.repeat(2000) + 'err')).map((m) => m.messageId)).toEqual(['errorInResponse']);
  });
});
