import { createRuleTester } from '../rule-tester';
import rule from '../../src/rules/no-stack-in-response';

const ruleTester = createRuleTester();

/**
 * Issue #16: the shapes of real agent-written servers — SvelteKit and Nuxt/h3 error helpers,
 * framework-level error handlers, raw errors in disguise, and errors that are values rather
 * than exceptions ({ data, error } client results, Promise.allSettled reasons, stream errors).
 */
ruleTester.run('no-stack-in-response (issue #16 shapes)', rule, {
  valid: [
    // SvelteKit error(404, 'Not found')
    {
      filename: 'src/routes/api/items/[id]/+server.ts',
      code: `
import { error, json } from '@sveltejs/kit';

export async function GET({ params }) {
  try {
    return json(await loadItem(params.id));
  } catch (err) {
    console.error(err);
    throw error(404, 'Not found');
  }
}
`,
    },
    // explicit 4xx with the error's message
    {
      filename: 'src/routes/api/items/+server.ts',
      code: `
import { error } from '@sveltejs/kit';

export async function POST({ request }) {
  try {
    return await save(await request.json());
  } catch (err) {
    error(400, err.message);
  }
}
`,
    },
    // the code's own error class narrowed first
    {
      filename: 'src/routes/api/items/+server.ts',
      code: `
import { error } from '@sveltejs/kit';
import { AppError } from '$lib/errors';

export async function POST({ request }) {
  try {
    return await save(await request.json());
  } catch (err) {
    if (err instanceof AppError) {
      throw error(500, err.message);
    }
    throw error(500, 'Internal Error');
  }
}
`,
    },
    // message only under a development check ($app/environment dev)
    {
      filename: 'src/routes/api/items/+server.ts',
      code: `
import { error } from '@sveltejs/kit';
import { dev } from '$app/environment';

export async function GET() {
  try {
    return await loadItems();
  } catch (err) {
    throw error(500, dev ? err.message : 'Internal Error');
  }
}
`,
    },
    // fail(400, …) with a Supabase auth error's message
    {
      filename: 'src/routes/login/+page.server.ts',
      code: `
import { fail } from '@sveltejs/kit';

export const actions = {
  default: async ({ request, locals }) => {
    const form = await request.formData();
    const { error } = await locals.supabase.auth.signInWithPassword({ email: form.get('email'), password: form.get('password') });
    if (error) {
      return fail(400, { message: error.message });
    }
  },
};
`,
    },
    // a local function named error() that sends nothing
    {
      filename: 'src/routes/api/items/+server.js',
      code: `
const error = (status, message) => ({ status, message });

export async function GET() {
  try {
    return await loadItems();
  } catch (err) {
    return error(500, err.message);
  }
}
`,
    },
    // createError({ statusCode: 400, message: 'Bad input' })
    {
      filename: 'server/api/items.post.ts',
      code: `
export default defineEventHandler(async (event) => {
  try {
    return await save(await readBody(event));
  } catch (err) {
    throw createError({ statusCode: 400, message: 'Bad input' });
  }
});
`,
    },
    // h3 createError with a 4xx and the error's message
    {
      filename: 'server/api/items.post.ts',
      code: `
import { createError, defineEventHandler, readBody } from 'h3';

export default defineEventHandler(async (event) => {
  try {
    return await save(await readBody(event));
  } catch (err) {
    throw createError({ statusCode: 400, statusMessage: err.message });
  }
});
`,
    },
    // Supabase error logged, generic answer
    {
      filename: 'src/routes/api/todos/+server.ts',
      code: `
import { json } from '@sveltejs/kit';

export async function GET({ locals: { supabase } }) {
  const { data, error } = await supabase.from('todos').select();
  if (error) {
    console.error(error);
    return json({ error: 'Could not load todos' }, { status: 500 });
  }
  return json(data);
}
`,
    },
    // zod safeParse { data, error }: input errors, not a client result
    {
      filename: 'src/routes/api/todos/+server.ts',
      code: `
import { json } from '@sveltejs/kit';

export async function POST({ request }) {
  const { data, error } = TodoSchema.safeParse(await request.json());
  if (error) return json({ error: error.message, issues: error.issues }, { status: 500 });
  return json(await create(data));
}
`,
    },
    // zod safeParseAsync awaited: still a validation result
    {
      filename: 'src/app.js',
      code: `
app.post('/todos', async (req, res) => {
  const { data, error } = await TodoSchema.safeParseAsync(req.body);
  if (error) return res.json({ error });
  res.json(await create(data));
});
`,
    },
    // Supabase error code only, and its message with a 409
    {
      filename: 'src/app.js',
      code: `
app.post('/todos', async (req, res) => {
  const { data, error } = await supabase.from('todos').insert(req.body);
  if (error?.code === '23505') return res.status(409).json({ error: error.message });
  if (error) return res.status(500).json({ error: 'Insert failed', code: error.code });
  res.json(data);
});
`,
    },
    // allSettled: reason narrowed to the code's own error class
    {
      filename: 'src/app.ts',
      code: `
app.get('/dashboard', async (req, res) => {
  const results = await Promise.allSettled([loadStats(), loadFeed()]);
  res.json(
    results.map((r) =>
      r.status === 'fulfilled' ? r.value : { failed: true, error: r.reason instanceof AppError ? r.reason.message : 'Unavailable' },
    ),
  );
});
`,
    },
    // an awaited project call whose result has error/reason fields
    {
      filename: 'src/app.js',
      code: `
app.get('/dashboard', async (req, res) => {
  const result = await loadDashboard();
  res.json({ error: result.error, reason: result.reason });
});
`,
    },
    // own-property copy of a non-error value, map of plain items
    {
      filename: 'src/app.js',
      code: `
app.get('/items', async (req, res) => {
  try {
    const items = await loadItems();
    const out = {};
    Object.getOwnPropertyNames(settings).forEach((k) => { out[k] = settings[k]; });
    res.json({ items: items.map((item) => ({ id: item.id, name: item.name })), out });
  } catch (err) {
    res.status(500).json({ error: 'Internal Server Error' });
  }
});
`,
    },
    // stream 'error' logged, generic answer
    {
      filename: 'src/app.js',
      code: `
app.get('/download/:id', (req, res) => {
  const stream = storage.createReadStream(req.params.id);
  stream.on('error', (streamError) => {
    console.error(streamError);
    res.status(500).send('Download failed');
  });
  stream.pipe(res);
});
`,
    },
    // JSON round-trips of non-error values
    {
      filename: 'src/app.js',
      code: `
app.post('/items', async (req, res) => {
  try {
    res.json(JSON.parse(JSON.stringify(await save(req.body))));
  } catch (err) {
    res.status(500).json(JSON.parse(JSON.stringify({ error: 'Internal Server Error', code: err.code })));
  }
});
`,
    },
    // Supabase error message only in development
    {
      filename: 'src/app.js',
      code: `
app.get('/todos', async (req, res) => {
  const { data, error } = await supabase.from('todos').select();
  if (error) return res.status(500).json({ error: process.env.NODE_ENV === 'development' ? error.message : 'Failed' });
  res.json(data);
});
`,
    },
    // an SSE frame and a same-file event writer with a message the code chose
    {
      filename: 'src/app.js',
      code: `
function writeSseEvent(res, event, data) {
  res.write(\`event: \${event}\\ndata: \${JSON.stringify(data)}\\n\\n\`);
}
app.get('/events', async (req, res) => {
  try {
    await work();
    res.write(\`data: \${JSON.stringify({ done: true })}\\n\\n\`);
  } catch (err) {
    console.error(err);
    writeSseEvent(res, 'error', { message: 'Stream failed', code: err.code });
  }
});
`,
    },
  ],
  invalid: [
    // --- SvelteKit: error() of @sveltejs/kit with a 5xx status
    {
      filename: 'src/routes/api/items/+server.ts',
      code: `
import { error, json } from '@sveltejs/kit';

export async function GET() {
  try {
    return json(await loadItems());
  } catch (err) {
    throw error(500, err.message);
  }
}
`,
      errors: [
        {
          messageId: 'messageInResponse',
          line: 8,
          column: 22,
          endLine: 8,
          endColumn: 33,
          data: { expression: 'err.message', sink: 'error()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
import { error, json } from '@sveltejs/kit';

export async function GET() {
  try {
    return json(await loadItems());
  } catch (err) {
    console.error(err);
    throw error(500, 'Internal Server Error');
  }
}
`,
            },
          ],
        },
      ],
    },
    // --- SvelteKit: namespace import, 502, optional chain (JS)
    {
      filename: 'src/routes/api/items/+server.js',
      code: `
import * as kit from '@sveltejs/kit';

export async function POST({ request }) {
  try {
    return kit.json(await save(await request.json()));
  } catch (e) {
    kit.error(502, e?.message);
  }
}
`,
      errors: [
        {
          messageId: 'messageInResponse',
          line: 8,
          column: 20,
          endLine: 8,
          endColumn: 30,
          data: { expression: 'e?.message', sink: 'kit.error()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
import * as kit from '@sveltejs/kit';

export async function POST({ request }) {
  try {
    return kit.json(await save(await request.json()));
  } catch (e) {
    console.error(e);
    kit.error(502, 'Internal Server Error');
  }
}
`,
            },
          ],
        },
      ],
    },
    // --- SvelteKit: fail(500, …) in a form action's catch
    {
      filename: 'src/routes/settings/+page.server.ts',
      code: `
import { fail } from '@sveltejs/kit';

export const actions = {
  default: async ({ request }) => {
    try {
      await saveSettings(await request.formData());
    } catch (err) {
      return fail(500, { error: err.message });
    }
  },
};
`,
      errors: [
        {
          messageId: 'messageInResponse',
          line: 9,
          column: 33,
          endLine: 9,
          endColumn: 44,
          data: { expression: 'err.message', sink: 'fail()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
import { fail } from '@sveltejs/kit';

export const actions = {
  default: async ({ request }) => {
    try {
      await saveSettings(await request.formData());
    } catch (err) {
      console.error(err);
      return fail(500, { error: 'Internal Server Error' });
    }
  },
};
`,
            },
          ],
        },
      ],
    },
    // --- SvelteKit: json() with a 5xx status in its init
    {
      filename: 'src/routes/api/items/+server.ts',
      code: `
import { json } from '@sveltejs/kit';

export async function GET() {
  try {
    return json(await loadItems());
  } catch (err) {
    return json({ error: err.stack }, { status: 500 });
  }
}
`,
      errors: [
        {
          messageId: 'stackInResponse',
          line: 8,
          column: 26,
          endLine: 8,
          endColumn: 35,
          data: { expression: 'err.stack', sink: 'json()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
import { json } from '@sveltejs/kit';

export async function GET() {
  try {
    return json(await loadItems());
  } catch (err) {
    console.error(err);
    return json({ error: 'Internal Server Error' }, { status: 500 });
  }
}
`,
            },
          ],
        },
      ],
    },
    // --- SvelteKit: a renamed import of error()
    {
      filename: 'src/routes/+page.server.ts',
      code: `
import { error as httpError } from '@sveltejs/kit';

export async function load() {
  try {
    return { items: await loadItems() };
  } catch (err) {
    httpError(500, { message: String(err) });
  }
}
`,
      errors: [
        {
          messageId: 'messageInResponse',
          line: 8,
          column: 31,
          endLine: 8,
          endColumn: 42,
          data: { expression: 'String(err)', sink: 'httpError()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
import { error as httpError } from '@sveltejs/kit';

export async function load() {
  try {
    return { items: await loadItems() };
  } catch (err) {
    console.error(err);
    httpError(500, { message: 'Internal Server Error' });
  }
}
`,
            },
          ],
        },
      ],
    },
    // --- h3: createError({ statusCode: 500, message })
    {
      filename: 'server/api/items.ts',
      code: `
import { createError, defineEventHandler } from 'h3';

export default defineEventHandler(async () => {
  try {
    return await loadItems();
  } catch (err) {
    throw createError({ statusCode: 500, message: err.message });
  }
});
`,
      errors: [
        {
          messageId: 'messageInResponse',
          line: 8,
          column: 51,
          endLine: 8,
          endColumn: 62,
          data: { expression: 'err.message', sink: 'createError()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
import { createError, defineEventHandler } from 'h3';

export default defineEventHandler(async () => {
  try {
    return await loadItems();
  } catch (err) {
    console.error(err);
    throw createError({ statusCode: 500, message: 'Internal Server Error' });
  }
});
`,
            },
          ],
        },
      ],
    },
    // --- Nuxt: auto-imported createError in server/ (JS)
    {
      filename: 'server/api/items.get.js',
      code: `
export default defineEventHandler(async () => {
  try {
    return await loadItems();
  } catch (e) {
    throw createError({ statusCode: 502, statusMessage: e.message });
  }
});
`,
      errors: [
        {
          messageId: 'messageInResponse',
          line: 6,
          column: 57,
          endLine: 6,
          endColumn: 66,
          data: { expression: 'e.message', sink: 'createError()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
export default defineEventHandler(async () => {
  try {
    return await loadItems();
  } catch (e) {
    console.error(e);
    throw createError({ statusCode: 502, statusMessage: 'Internal Server Error' });
  }
});
`,
            },
          ],
        },
      ],
    },
    // --- Hono: app.onError with an expression body
    {
      filename: 'src/index.ts',
      code: `
import { Hono } from 'hono';

const app = new Hono();
app.onError((err, c) => c.json({ message: err.message }, 500));
`,
      errors: [
        {
          messageId: 'messageInResponse',
          line: 5,
          column: 43,
          endLine: 5,
          endColumn: 54,
          data: { expression: 'err.message', sink: 'c.json()' },
          suggestions: [
            {
              messageId: 'replaceWithGeneric',
              output: `
import { Hono } from 'hono';

const app = new Hono();
app.onError((err, c) => c.json({ message: 'Internal Server Error' }, 500));
`,
            },
          ],
        },
      ],
    },
    // --- Fastify: setErrorHandler answering without a status (CommonJS)
    {
      filename: 'src/server.js',
      code: `
const fastify = require('fastify')();

fastify.setErrorHandler((error, request, reply) => {
  reply.send({ error: error.message });
});
`,
      errors: [
        {
          messageId: 'messageInResponse',
          line: 5,
          column: 23,
          endLine: 5,
          endColumn: 36,
          data: { expression: 'error.message', sink: 'reply.send()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
const fastify = require('fastify')();

fastify.setErrorHandler((error, request, reply) => {
  console.error(error);
  reply.send({ error: 'Internal Server Error' });
});
`,
            },
          ],
        },
      ],
    },
    // --- Koa: error middleware around next()
    {
      filename: 'src/app.js',
      code: `
const Koa = require('koa');
const app = new Koa();

app.use(async (ctx, next) => {
  try {
    await next();
  } catch (err) {
    ctx.body = { message: err.message };
  }
});
`,
      errors: [
        {
          messageId: 'messageInResponse',
          line: 9,
          column: 27,
          endLine: 9,
          endColumn: 38,
          data: { expression: 'err.message', sink: 'ctx.body' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
const Koa = require('koa');
const app = new Koa();

app.use(async (ctx, next) => {
  try {
    await next();
  } catch (err) {
    console.error(err);
    ctx.body = { message: 'Internal Server Error' };
  }
});
`,
            },
          ],
        },
      ],
    },
    // --- NestJS: new HttpException(err.message, 500) in a catch
    {
      filename: 'src/items.controller.ts',
      code: `
import { Controller, Get, HttpException } from '@nestjs/common';

@Controller('items')
export class ItemsController {
  @Get()
  async list() {
    try {
      return await this.items.findAll();
    } catch (err) {
      throw new HttpException(err.message, 500);
    }
  }
}
`,
      errors: [
        {
          messageId: 'messageInResponse',
          line: 11,
          column: 31,
          endLine: 11,
          endColumn: 42,
          data: { expression: 'err.message', sink: 'new HttpException()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
import { Controller, Get, HttpException } from '@nestjs/common';

@Controller('items')
export class ItemsController {
  @Get()
  async list() {
    try {
      return await this.items.findAll();
    } catch (err) {
      console.error(err);
      throw new HttpException('Internal Server Error', 500);
    }
  }
}
`,
            },
          ],
        },
      ],
    },
    // --- raw errors in disguise: JSON.parse(JSON.stringify(e))
    {
      filename: 'src/app.js',
      code: `
app.get('/items', async (req, res) => {
  try {
    res.json(await loadItems());
  } catch (e) {
    res.status(500).json({ error: JSON.parse(JSON.stringify(e)) });
  }
});
`,
      errors: [
        {
          messageId: 'errorInResponse',
          line: 6,
          column: 35,
          endLine: 6,
          endColumn: 64,
          data: { expression: 'JSON.parse(JSON.stringify(e))', sink: 'res.json()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
app.get('/items', async (req, res) => {
  try {
    res.json(await loadItems());
  } catch (e) {
    console.error(e);
    res.status(500).json({ error: 'Internal Server Error' });
  }
});
`,
            },
          ],
        },
      ],
    },
    // --- JSON.parse(JSON.stringify(e, Object.getOwnPropertyNames(e))) carries the stack
    {
      filename: 'src/app.ts',
      code: `
app.get('/items', async (req, res) => {
  try {
    res.json(await loadItems());
  } catch (e) {
    res.status(500).json(JSON.parse(JSON.stringify(e, Object.getOwnPropertyNames(e))));
  }
});
`,
      errors: [
        {
          messageId: 'stackInResponse',
          line: 6,
          column: 26,
          endLine: 6,
          endColumn: 86,
          data: { expression: 'JSON.parse(JSON.stringify(e, Object.getOwnPropertyNames(e)))', sink: 'res.json()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
app.get('/items', async (req, res) => {
  try {
    res.json(await loadItems());
  } catch (e) {
    console.error(e);
    res.status(500).json('Internal Server Error');
  }
});
`,
            },
          ],
        },
      ],
    },
    // --- an own-property copy: Object.getOwnPropertyNames(err).forEach
    {
      filename: 'src/app.js',
      code: `
app.get('/items', async (req, res) => {
  try {
    res.json(await loadItems());
  } catch (err) {
    const details = {};
    Object.getOwnPropertyNames(err).forEach((key) => {
      details[key] = err[key];
    });
    res.status(500).json({ error: details });
  }
});
`,
      errors: [
        {
          messageId: 'stackInResponse',
          line: 10,
          column: 35,
          endLine: 10,
          endColumn: 42,
          data: { expression: 'err[key]', sink: 'res.json()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
app.get('/items', async (req, res) => {
  try {
    res.json(await loadItems());
  } catch (err) {
    const details = {};
    Object.getOwnPropertyNames(err).forEach((key) => {
      details[key] = err[key];
    });
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
    // --- Object.fromEntries over Object.getOwnPropertyNames(err)
    {
      filename: 'src/app.ts',
      code: `
app.get('/items', async (req, res) => {
  try {
    res.json(await loadItems());
  } catch (err) {
    const plain = Object.fromEntries(Object.getOwnPropertyNames(err).map((k) => [k, err[k]]));
    res.status(500).json({ error: plain });
  }
});
`,
      errors: [
        {
          messageId: 'stackInResponse',
          line: 7,
          column: 35,
          endLine: 7,
          endColumn: 40,
          data: { expression: 'Object.fromEntries(Object.getOwnPropertyNames(err).map((k) …', sink: 'res.json()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
app.get('/items', async (req, res) => {
  try {
    res.json(await loadItems());
  } catch (err) {
    const plain = Object.fromEntries(Object.getOwnPropertyNames(err).map((k) => [k, err[k]]));
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
    // --- for…of over Reflect.ownKeys(err)
    {
      filename: 'src/app.js',
      code: `
app.get('/items', async (req, res) => {
  try {
    res.json(await loadItems());
  } catch (err) {
    const copy = {};
    for (const key of Reflect.ownKeys(err)) copy[key] = err[key];
    res.status(500).send(copy);
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
          data: { expression: 'err[key]', sink: 'res.send()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
app.get('/items', async (req, res) => {
  try {
    res.json(await loadItems());
  } catch (err) {
    const copy = {};
    for (const key of Reflect.ownKeys(err)) copy[key] = err[key];
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
    // --- error values: Supabase { data, error } in a SvelteKit endpoint
    {
      filename: 'src/routes/api/todos/+server.ts',
      code: `
import { json } from '@sveltejs/kit';

export async function GET({ locals: { supabase } }) {
  const { data, error } = await supabase.from('todos').select();
  if (error) return json({ error: error.message }, { status: 500 });
  return json(data);
}
`,
      errors: [
        {
          messageId: 'messageInResponse',
          line: 6,
          column: 35,
          endLine: 6,
          endColumn: 48,
          data: { expression: 'error.message', sink: 'json()' },
          suggestions: [
            {
              messageId: 'replaceWithGeneric',
              output: `
import { json } from '@sveltejs/kit';

export async function GET({ locals: { supabase } }) {
  const { data, error } = await supabase.from('todos').select();
  if (error) return json({ error: 'Internal Server Error' }, { status: 500 });
  return json(data);
}
`,
            },
          ],
        },
      ],
    },
    // --- Supabase result kept whole: result.error (JS, no catch in the file)
    {
      filename: 'src/routes/todos.js',
      code: `
router.get('/todos', async (req, res) => {
  const result = await supabase.from('todos').select('*');
  if (result.error) {
    return res.status(500).json({ error: result.error.message });
  }
  res.json(result.data);
});
`,
      errors: [
        {
          messageId: 'messageInResponse',
          line: 5,
          column: 42,
          endLine: 5,
          endColumn: 62,
          data: { expression: 'result.error.message', sink: 'res.json()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
router.get('/todos', async (req, res) => {
  const result = await supabase.from('todos').select('*');
  if (result.error) {
    console.error(result);
    return res.status(500).json({ error: 'Internal Server Error' });
  }
  res.json(result.data);
});
`,
            },
          ],
        },
      ],
    },
    // --- Supabase with a renamed error sent whole (Next.js)
    {
      filename: 'app/api/todos/route.ts',
      code: `
import { NextResponse } from 'next/server';

export async function POST(request: Request) {
  const body = await request.json();
  const { data, error: insertError } = await supabase.from('todos').insert(body).select();
  if (insertError) {
    return NextResponse.json({ error: insertError }, { status: 500 });
  }
  return NextResponse.json(data);
}
`,
      errors: [
        {
          messageId: 'errorInResponse',
          line: 8,
          column: 39,
          endLine: 8,
          endColumn: 50,
          data: { expression: 'insertError', sink: 'NextResponse.json()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
import { NextResponse } from 'next/server';

export async function POST(request: Request) {
  const body = await request.json();
  const { data, error: insertError } = await supabase.from('todos').insert(body).select();
  if (insertError) {
    console.error(insertError);
    return NextResponse.json({ error: 'Internal Server Error' }, { status: 500 });
  }
  return NextResponse.json(data);
}
`,
            },
          ],
        },
      ],
    },
    // --- Supabase auth call taking only { error } (client reached through locals)
    {
      filename: 'src/routes/api/logout/+server.ts',
      code: `
import { json } from '@sveltejs/kit';

export const POST = async ({ locals }) => {
  const { error } = await locals.supabase.auth.signOut();
  if (error) {
    return json({ message: error.message }, { status: 500 });
  }
  return json({ ok: true });
};
`,
      errors: [
        {
          messageId: 'messageInResponse',
          line: 7,
          column: 28,
          endLine: 7,
          endColumn: 41,
          data: { expression: 'error.message', sink: 'json()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
import { json } from '@sveltejs/kit';

export const POST = async ({ locals }) => {
  const { error } = await locals.supabase.auth.signOut();
  if (error) {
    console.error(error);
    return json({ message: 'Internal Server Error' }, { status: 500 });
  }
  return json({ ok: true });
};
`,
            },
          ],
        },
      ],
    },
    // --- Promise.allSettled: a rejected entry's reason in a map callback
    {
      filename: 'src/app.js',
      code: `
app.get('/dashboard', async (req, res) => {
  const results = await Promise.allSettled([loadStats(), loadFeed()]);
  res.json(results.map((r) => (r.status === 'rejected' ? { error: r.reason.message } : r.value)));
});
`,
      errors: [
        {
          messageId: 'messageInResponse',
          line: 4,
          column: 67,
          endLine: 4,
          endColumn: 83,
          data: { expression: 'r.reason.message', sink: 'res.json()' },
          suggestions: [
            {
              messageId: 'replaceWithGeneric',
              output: `
app.get('/dashboard', async (req, res) => {
  const results = await Promise.allSettled([loadStats(), loadFeed()]);
  res.json(results.map((r) => (r.status === 'rejected' ? { error: 'Internal Server Error' } : r.value)));
});
`,
            },
          ],
        },
      ],
    },
    // --- Promise.allSettled: array destructuring, reason?.stack
    {
      filename: 'src/app.ts',
      code: `
app.get('/dashboard', async (req, res) => {
  const [stats, feed] = await Promise.allSettled([loadStats(), loadFeed()]);
  if (feed.status === 'rejected') {
    res.status(502).json({ stats, error: feed.reason?.stack });
    return;
  }
  res.json({ stats, feed });
});
`,
      errors: [
        {
          messageId: 'stackInResponse',
          line: 5,
          column: 42,
          endLine: 5,
          endColumn: 60,
          data: { expression: 'feed.reason?.stack', sink: 'res.json()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
app.get('/dashboard', async (req, res) => {
  const [stats, feed] = await Promise.allSettled([loadStats(), loadFeed()]);
  if (feed.status === 'rejected') {
    console.error(feed);
    res.status(502).json({ stats, error: 'Internal Server Error' });
    return;
  }
  res.json({ stats, feed });
});
`,
            },
          ],
        },
      ],
    },
    // --- Promise.allSettled(…).then(results): destructured { reason }
    {
      filename: 'src/app.js',
      code: `
app.get('/dashboard', (req, res) => {
  Promise.allSettled([loadStats(), loadFeed()]).then((results) => {
    const failures = results.filter((r) => r.status === 'rejected').map(({ reason }) => reason.message);
    res.status(500).json({ failures });
  });
});
`,
      errors: [
        {
          messageId: 'messageInResponse',
          line: 5,
          column: 28,
          endLine: 5,
          endColumn: 36,
          data: { expression: 'reason.message', sink: 'res.json()' },
          suggestions: [
            {
              messageId: 'replaceWithGeneric',
              output: `
app.get('/dashboard', (req, res) => {
  Promise.allSettled([loadStats(), loadFeed()]).then((results) => {
    const failures = results.filter((r) => r.status === 'rejected').map(({ reason }) => reason.message);
    res.status(500).json({ failures: 'Internal Server Error' });
  });
});
`,
            },
          ],
        },
      ],
    },
    // --- a stream's 'error' event
    {
      filename: 'src/app.js',
      code: `
app.get('/download/:id', (req, res) => {
  const stream = storage.createReadStream(req.params.id);
  stream.on('error', (streamError) => {
    res.status(500).send(streamError.message);
  });
  stream.pipe(res);
});
`,
      errors: [
        {
          messageId: 'messageInResponse',
          line: 5,
          column: 26,
          endLine: 5,
          endColumn: 45,
          data: { expression: 'streamError.message', sink: 'res.send()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
app.get('/download/:id', (req, res) => {
  const stream = storage.createReadStream(req.params.id);
  stream.on('error', (streamError) => {
    console.error(streamError);
    res.status(500).send('Internal Server Error');
  });
  stream.pipe(res);
});
`,
            },
          ],
        },
      ],
    },
    // --- an error written into an open Server-Sent Events stream
    {
      filename: 'src/app.js',
      code: `
app.get('/events', async (req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/event-stream' });
  try {
    for await (const chunk of stream()) res.write(\`data: \${JSON.stringify(chunk)}\\n\\n\`);
  } catch (err) {
    res.write(\`data: \${JSON.stringify({ message: err.message })}\\n\\n\`);
    res.end();
  }
});
`,
      errors: [
        {
          messageId: 'messageInResponse',
          line: 7,
          column: 50,
          endLine: 7,
          endColumn: 61,
          data: { expression: 'err.message', sink: 'res.write()' },
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
app.get('/events', async (req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/event-stream' });
  try {
    for await (const chunk of stream()) res.write(\`data: \${JSON.stringify(chunk)}\\n\\n\`);
  } catch (err) {
    console.error(err);
    res.write(\`data: \${JSON.stringify({ message: 'Internal Server Error' })}\\n\\n\`);
    res.end();
  }
});
`,
            },
          ],
        },
      ],
    },
    // --- a same-file SSE writer handed an object built from the error: reported at the call, no suggestion
    {
      filename: 'src/app.js',
      code: `
function writeSseEvent(res, event, data) {
  res.write(\`event: \${event}\\ndata: \${JSON.stringify(data)}\\n\\n\`);
}
app.get('/events', async (req, res) => {
  try {
    await work();
  } catch (err) {
    writeSseEvent(res, 'error', { message: err.message });
  }
});
`,
      errors: [
        {
          messageId: 'messageInResponse',
          line: 9,
          column: 5,
          endLine: 9,
          endColumn: 58,
          data: { expression: '{ message: err.message }', sink: 'writeSseEvent(), which sends `data` through res.write()' },
          suggestions: [],
        },
      ],
    },
  ],
});
