import { createRuleTester } from '../rule-tester';
import { probeRule } from './probe-rule';

/*
 * Every framework adapter's handler discovery and request-input sources, through the
 * tracker's probe rule: `sink(x)` reports `input` (source and framework), `safe` or
 * `unknown`. One or more cases per adapter in src/frameworks/.
 */
const ruleTester = createRuleTester();

ruleTester.run('framework-adapters', probeRule, {
  valid: [
    // Not a route file: exported GET is not a handler, and no sink is called.
    { code: 'export async function GET(request) { return request.url; }', filename: 'lib/get.ts' },
  ],
  invalid: [
    {
      code: `const express = require('express');
const router = express.Router();
router.post('/u', upload.single('f'), asyncHandler(async (req, res) => {
  sink(req.file.originalname);
}));
router.route('/r').get((req, res) => sink(req.query.a)).post(handler);
function handler(req, res) { sink(req.body.b); }
app2.use((err, req, res, next) => sink(req.path));
`,
      filename: 'file.js',
      errors: [
        { messageId: 'input', line: 4, column: 8, endLine: 4, endColumn: 29, data: { source: 'req.file.originalname', framework: 'express', notes: '-' } },
        { messageId: 'input', line: 6, column: 43, endLine: 6, endColumn: 54, data: { source: 'req.query.a', framework: 'express', notes: '-' } },
        { messageId: 'input', line: 7, column: 35, endLine: 7, endColumn: 45, data: { source: 'req.body.b', framework: 'express', notes: '-' } },
        { messageId: 'input', line: 8, column: 40, endLine: 8, endColumn: 48, data: { source: 'req.path', framework: 'express', notes: '-' } },
      ],
    },
    {
      code: `import { Router } from 'express';
const r = Router();
r.use([(req, res, next) => sink(req.headers.host)]);
r.get('/x', (req, res) => sink(res.locals.x));
`,
      errors: [
        { messageId: 'input', line: 3, column: 33, endLine: 3, endColumn: 49, data: { source: 'req.headers.host', framework: 'express', notes: '-' } },
        { messageId: 'unknown', line: 4, column: 32, endLine: 4, endColumn: 44 },
      ],
    },
    {
      code: `import http from 'node:http';
http.createServer((req, res) => {
  sink(req.url, req.headers.cookie, req.method);
});
`,
      errors: [
        { messageId: 'input', line: 3, column: 8, endLine: 3, endColumn: 15, data: { source: 'req.url', framework: 'node:http', notes: '-' } },
        { messageId: 'input', line: 3, column: 17, endLine: 3, endColumn: 35, data: { source: 'req.headers.cookie', framework: 'node:http', notes: '-' } },
        { messageId: 'unknown', line: 3, column: 37, endLine: 3, endColumn: 47 },
      ],
    },
    {
      code: `import Fastify from 'fastify';
const fastify = Fastify({ logger: true });
fastify.get('/f/:n', async (request, reply) => {
  sink(request.params.n, request.query.q, request.body.b, request.headers.h, request.raw.url);
});
fastify.route({ method: 'POST', url: '/x', handler: async (request) => sink(request.body.p) });
fastify.post('/y', { schema: {} }, async function (req) { sink(req.query.y); });
`,
      errors: [
        { messageId: 'input', line: 4, column: 8, endLine: 4, endColumn: 24, data: { source: 'request.params.n', framework: 'fastify', notes: '-' } },
        { messageId: 'input', line: 4, column: 26, endLine: 4, endColumn: 41, data: { source: 'request.query.q', framework: 'fastify', notes: '-' } },
        { messageId: 'input', line: 4, column: 43, endLine: 4, endColumn: 57, data: { source: 'request.body.b', framework: 'fastify', notes: '-' } },
        { messageId: 'input', line: 4, column: 59, endLine: 4, endColumn: 76, data: { source: 'request.headers.h', framework: 'fastify', notes: '-' } },
        { messageId: 'input', line: 4, column: 78, endLine: 4, endColumn: 93, data: { source: 'request.raw.url', framework: 'fastify', notes: '-' } },
        { messageId: 'input', line: 6, column: 77, endLine: 6, endColumn: 91, data: { source: 'request.body.p', framework: 'fastify', notes: '-' } },
        { messageId: 'input', line: 7, column: 64, endLine: 7, endColumn: 75, data: { source: 'req.query.y', framework: 'fastify', notes: '-' } },
      ],
    },
    {
      code: `export default async function routes(fastify, opts) {
  fastify.get('/f', async (request, reply) => sink(request.query.f));
}
`,
      errors: [
        { messageId: 'input', line: 2, column: 52, endLine: 2, endColumn: 67, data: { source: 'request.query.f', framework: 'fastify', notes: '-' } },
      ],
    },
    {
      code: `import Koa from 'koa';
import Router from '@koa/router';
const app = new Koa();
const router = new Router();
router.get('/f/:n', async (ctx) => {
  sink(ctx.params.n, ctx.query.q, ctx.request.body.b, ctx.request.query.q, ctx.headers.h, ctx.path, ctx.url, ctx.get('x'), ctx.state.user);
});
app.use(async (ctx, next) => sink(ctx.request.files));
`,
      errors: [
        { messageId: 'input', line: 6, column: 8, endLine: 6, endColumn: 20, data: { source: 'ctx.params.n', framework: 'koa', notes: '-' } },
        { messageId: 'input', line: 6, column: 22, endLine: 6, endColumn: 33, data: { source: 'ctx.query.q', framework: 'koa', notes: '-' } },
        { messageId: 'input', line: 6, column: 35, endLine: 6, endColumn: 53, data: { source: 'ctx.request.body.b', framework: 'koa', notes: '-' } },
        { messageId: 'input', line: 6, column: 55, endLine: 6, endColumn: 74, data: { source: 'ctx.request.query.q', framework: 'koa', notes: '-' } },
        { messageId: 'input', line: 6, column: 76, endLine: 6, endColumn: 89, data: { source: 'ctx.headers.h', framework: 'koa', notes: '-' } },
        { messageId: 'input', line: 6, column: 91, endLine: 6, endColumn: 99, data: { source: 'ctx.path', framework: 'koa', notes: '-' } },
        { messageId: 'input', line: 6, column: 101, endLine: 6, endColumn: 108, data: { source: 'ctx.url', framework: 'koa', notes: '-' } },
        { messageId: 'input', line: 6, column: 110, endLine: 6, endColumn: 122, data: { source: 'ctx.get(\'x\')', framework: 'koa', notes: '-' } },
        { messageId: 'unknown', line: 6, column: 124, endLine: 6, endColumn: 138 },
        { messageId: 'input', line: 8, column: 35, endLine: 8, endColumn: 52, data: { source: 'ctx.request.files', framework: 'koa', notes: '-' } },
      ],
    },
    {
      code: `import { Hono } from 'hono';
const app = new Hono();
app.get('/f/:n', async (c) => {
  sink(c.req.param('n'), c.req.query('q'), c.req.queries('q'), c.req.header('h'), await c.req.json(), await c.req.parseBody(), await c.req.formData(), await c.req.text(), c.req.valid('query'), c.get('user'), c.env.ROOT);
});
app.on('POST', '/x', (c) => sink(c.req.raw.url));
`,
      errors: [
        { messageId: 'input', line: 4, column: 8, endLine: 4, endColumn: 24, data: { source: 'c.req.param(\'n\')', framework: 'hono', notes: '-' } },
        { messageId: 'input', line: 4, column: 26, endLine: 4, endColumn: 42, data: { source: 'c.req.query(\'q\')', framework: 'hono', notes: '-' } },
        { messageId: 'input', line: 4, column: 44, endLine: 4, endColumn: 62, data: { source: 'c.req.queries(\'q\')', framework: 'hono', notes: '-' } },
        { messageId: 'input', line: 4, column: 64, endLine: 4, endColumn: 81, data: { source: 'c.req.header(\'h\')', framework: 'hono', notes: '-' } },
        { messageId: 'input', line: 4, column: 83, endLine: 4, endColumn: 101, data: { source: 'c.req.json()', framework: 'hono', notes: '-' } },
        { messageId: 'input', line: 4, column: 103, endLine: 4, endColumn: 126, data: { source: 'c.req.parseBody()', framework: 'hono', notes: '-' } },
        { messageId: 'input', line: 4, column: 128, endLine: 4, endColumn: 150, data: { source: 'c.req.formData()', framework: 'hono', notes: '-' } },
        { messageId: 'input', line: 4, column: 152, endLine: 4, endColumn: 170, data: { source: 'c.req.text()', framework: 'hono', notes: '-' } },
        { messageId: 'input', line: 4, column: 172, endLine: 4, endColumn: 192, data: { source: 'c.req.valid(\'query\')', framework: 'hono', notes: '-' } },
        { messageId: 'unknown', line: 4, column: 194, endLine: 4, endColumn: 207 },
        { messageId: 'unknown', line: 4, column: 209, endLine: 4, endColumn: 219 },
        { messageId: 'input', line: 6, column: 34, endLine: 6, endColumn: 47, data: { source: 'c.req.raw.url', framework: 'hono', notes: '-' } },
      ],
    },
    {
      code: `import { NextRequest } from 'next/server';
export async function GET(request: NextRequest, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  sink(slug, request.nextUrl.searchParams.get('f'), new URL(request.url).searchParams.get('g'), request.headers.get('x'));
}
export const POST = async (req: Request) => {
  const body = await req.json();
  const form = await req.formData();
  sink(body.path, form.get('file'), await req.text());
};
export function helper(request) { sink(request.url); }
`,
      filename: 'src/app/api/files/[slug]/route.ts',
      errors: [
        { messageId: 'input', line: 4, column: 8, endLine: 4, endColumn: 12, data: { source: 'params.slug', framework: 'next', notes: '-' } },
        { messageId: 'input', line: 4, column: 14, endLine: 4, endColumn: 51, data: { source: 'request.nextUrl.searchParams', framework: 'next', notes: '-' } },
        { messageId: 'input', line: 4, column: 53, endLine: 4, endColumn: 95, data: { source: 'request.url', framework: 'next', notes: '-' } },
        { messageId: 'input', line: 4, column: 97, endLine: 4, endColumn: 121, data: { source: 'request.headers', framework: 'next', notes: '-' } },
        { messageId: 'input', line: 9, column: 8, endLine: 9, endColumn: 17, data: { source: 'req.json().path', framework: 'next', notes: '-' } },
        { messageId: 'input', line: 9, column: 19, endLine: 9, endColumn: 35, data: { source: 'req.formData()', framework: 'next', notes: '-' } },
        { messageId: 'input', line: 9, column: 37, endLine: 9, endColumn: 53, data: { source: 'req.text()', framework: 'next', notes: '-' } },
        { messageId: 'unknown', line: 11, column: 40, endLine: 11, endColumn: 51 },
      ],
    },
    {
      code: `export async function GET(request) {
  sink(request.url);
}
`,
      filename: 'src/lib/route-utils.ts',
      errors: [
        { messageId: 'unknown', line: 2, column: 8, endLine: 2, endColumn: 19 },
      ],
    },
    {
      code: `export default async function handler(req, res) {
  sink(req.query.file, req.body.name, req.cookies.c);
}
`,
      filename: 'pages/api/download.ts',
      errors: [
        { messageId: 'input', line: 2, column: 8, endLine: 2, endColumn: 22, data: { source: 'req.query.file', framework: 'next', notes: '-' } },
        { messageId: 'input', line: 2, column: 24, endLine: 2, endColumn: 37, data: { source: 'req.body.name', framework: 'next', notes: '-' } },
        { messageId: 'input', line: 2, column: 39, endLine: 2, endColumn: 52, data: { source: 'req.cookies.c', framework: 'next', notes: '-' } },
      ],
    },
    {
      code: `export default async function Page({ params, searchParams }) {
  const { file } = await searchParams;
  sink(file, (await params).id);
}
export async function generateMetadata(props) {
  sink(props.params);
}
`,
      filename: 'app/docs/[id]/page.tsx',
      errors: [
        { messageId: 'input', line: 3, column: 8, endLine: 3, endColumn: 12, data: { source: 'searchParams.file', framework: 'next', notes: '-' } },
        { messageId: 'input', line: 3, column: 14, endLine: 3, endColumn: 31, data: { source: 'params.id', framework: 'next', notes: '-' } },
        { messageId: 'input', line: 6, column: 8, endLine: 6, endColumn: 20, data: { source: 'props.params', framework: 'next', notes: '-' } },
      ],
    },
    {
      code: `'use server';
export async function save(formData: FormData) {
  sink(formData.get('name'));
}
export const remove = async (name: string) => sink(name);
`,
      filename: 'app/actions.ts',
      errors: [
        { messageId: 'input', line: 3, column: 8, endLine: 3, endColumn: 28, data: { source: 'formData (Server Action argument)', framework: 'next', notes: '-' } },
        { messageId: 'input', line: 5, column: 52, endLine: 5, endColumn: 56, data: { source: 'name (Server Action argument)', framework: 'next', notes: '-' } },
      ],
    },
    {
      code: `export default function Form() {
  async function upload(data: FormData) {
    'use server';
    sink(data.get('f'));
  }
  function local(x) { sink(x); }
  return null;
}
`,
      filename: 'app/form/page.tsx',
      errors: [
        { messageId: 'input', line: 4, column: 10, endLine: 4, endColumn: 23, data: { source: 'data (Server Action argument)', framework: 'next', notes: '-' } },
        { messageId: 'unknown', line: 6, column: 28, endLine: 6, endColumn: 29 },
      ],
    },
    {
      code: `export async function GET({ url, params, request, cookies }) {
  sink(url.searchParams.get('f'), params.id, await request.json(), cookies.get('c'));
}
export const POST = async (event) => sink(event.params.p);
`,
      filename: 'src/routes/files/[id]/+server.ts',
      errors: [
        { messageId: 'input', line: 2, column: 8, endLine: 2, endColumn: 33, data: { source: 'url.searchParams', framework: 'sveltekit', notes: '-' } },
        { messageId: 'input', line: 2, column: 35, endLine: 2, endColumn: 44, data: { source: 'params.id', framework: 'sveltekit', notes: '-' } },
        { messageId: 'input', line: 2, column: 46, endLine: 2, endColumn: 66, data: { source: 'request.json()', framework: 'sveltekit', notes: '-' } },
        { messageId: 'input', line: 2, column: 68, endLine: 2, endColumn: 84, data: { source: 'cookies.get(\'c\')', framework: 'sveltekit', notes: '-' } },
        { messageId: 'input', line: 4, column: 43, endLine: 4, endColumn: 57, data: { source: 'event.params.p', framework: 'sveltekit', notes: '-' } },
      ],
    },
    {
      code: `export const load = async ({ url }) => sink(url.pathname);
export const actions = {
  default: async ({ request }) => {
    const data = await request.formData();
    sink(data.get('f'));
  },
};
`,
      filename: 'src/routes/x/+page.server.ts',
      errors: [
        { messageId: 'input', line: 1, column: 45, endLine: 1, endColumn: 57, data: { source: 'url.pathname', framework: 'sveltekit', notes: '-' } },
        { messageId: 'input', line: 5, column: 10, endLine: 5, endColumn: 23, data: { source: 'request.formData()', framework: 'sveltekit', notes: '-' } },
      ],
    },
    {
      code: `import { defineEventHandler, getQuery, readBody, getRouterParam } from 'h3';
export default defineEventHandler(async (event) => {
  const q = getQuery(event);
  const body = await readBody(event);
  sink(q.file, body.name, getRouterParam(event, 'n'), event.path, event.context.params.id, event.node.req.url);
});
`,
      errors: [
        { messageId: 'input', line: 5, column: 8, endLine: 5, endColumn: 14, data: { source: 'getQuery(event).file', framework: 'h3', notes: '-' } },
        { messageId: 'input', line: 5, column: 16, endLine: 5, endColumn: 25, data: { source: 'readBody(event).name', framework: 'h3', notes: '-' } },
        { messageId: 'input', line: 5, column: 27, endLine: 5, endColumn: 53, data: { source: 'getRouterParam(event, \'n\')', framework: 'h3', notes: '-' } },
        { messageId: 'input', line: 5, column: 55, endLine: 5, endColumn: 65, data: { source: 'event.path', framework: 'h3', notes: '-' } },
        { messageId: 'input', line: 5, column: 67, endLine: 5, endColumn: 90, data: { source: 'event.context.params.id', framework: 'h3', notes: '-' } },
        { messageId: 'input', line: 5, column: 92, endLine: 5, endColumn: 110, data: { source: 'event.node.req.url', framework: 'h3', notes: '-' } },
      ],
    },
    {
      code: `export default defineEventHandler(async (event) => {
  const { file } = getQuery(event);
  sink(file, getRouterParams(event).name);
});
`,
      filename: 'server/api/files.get.ts',
      errors: [
        { messageId: 'input', line: 3, column: 8, endLine: 3, endColumn: 12, data: { source: 'getQuery(event).file', framework: 'h3', notes: '-' } },
        { messageId: 'input', line: 3, column: 14, endLine: 3, endColumn: 41, data: { source: 'getRouterParams(event).name', framework: 'h3', notes: '-' } },
      ],
    },
    {
      code: `import { Controller, Get, Param, Query, Body, Headers, Req } from '@nestjs/common';
@Controller('files')
export class FilesController {
  @Get(':name')
  get(@Param('name') name: string, @Query() query: Record<string, string>, @Body() dto: { path: string }, @Headers('x') h: string, @Req() req: any, other: string) {
    sink(name, query.file, dto.path, h, req.params.name, other);
  }
}
`,
      errors: [
        { messageId: 'input', line: 6, column: 10, endLine: 6, endColumn: 14, data: { source: '@Param(\'name\')', framework: 'nest', notes: '-' } },
        { messageId: 'input', line: 6, column: 16, endLine: 6, endColumn: 26, data: { source: '@Query()', framework: 'nest', notes: '-' } },
        { messageId: 'input', line: 6, column: 28, endLine: 6, endColumn: 36, data: { source: '@Body()', framework: 'nest', notes: '-' } },
        { messageId: 'input', line: 6, column: 38, endLine: 6, endColumn: 39, data: { source: '@Headers(\'x\')', framework: 'nest', notes: '-' } },
        { messageId: 'input', line: 6, column: 41, endLine: 6, endColumn: 56, data: { source: 'req.params.name', framework: 'nest', notes: '-' } },
        { messageId: 'unknown', line: 6, column: 58, endLine: 6, endColumn: 63 },
      ],
    },
    {
      code: `import type { Request, Response } from 'express';
export function readAvatar(req: Request, res: Response) {
  sink(req.params.id);
}
export function other(request: Request) {
  sink(request.query.a);
}
export function notReq(r: Request) {
  sink(r.url);
}
function typed(msg: IncomingMessage) { sink(msg.url); }
`,
      errors: [
        { messageId: 'input', line: 3, column: 8, endLine: 3, endColumn: 21, data: { source: 'req.params.id', framework: 'generic', notes: '-' } },
        { messageId: 'input', line: 6, column: 8, endLine: 6, endColumn: 23, data: { source: 'request.query.a', framework: 'generic', notes: '-' } },
        { messageId: 'unknown', line: 9, column: 8, endLine: 9, endColumn: 13 },
        { messageId: 'input', line: 11, column: 45, endLine: 11, endColumn: 52, data: { source: 'msg.url', framework: 'generic', notes: '-' } },
      ],
    },
    {
      code: `module.exports = function (app) {
  app.get('/f', (req, res) => sink(req.query.f));
  app.get(['/a', '/b'], function (request, response) { sink(request.params.x); });
  router.get('/k', async (ctx) => sink(ctx.params.k));
  api.get('/h', (c) => sink(c.req.query('h')));
  store.get(key, (req) => sink(req.query.nope));
};
`,
      filename: 'routes.js',
      errors: [
        { messageId: 'input', line: 2, column: 36, endLine: 2, endColumn: 47, data: { source: 'req.query.f', framework: 'express', notes: '-' } },
        { messageId: 'input', line: 3, column: 61, endLine: 3, endColumn: 77, data: { source: 'request.params.x', framework: 'express', notes: '-' } },
        { messageId: 'input', line: 4, column: 40, endLine: 4, endColumn: 52, data: { source: 'ctx.params.k', framework: 'koa', notes: '-' } },
        { messageId: 'input', line: 5, column: 29, endLine: 5, endColumn: 45, data: { source: 'c.req.query(\'h\')', framework: 'hono', notes: '-' } },
        { messageId: 'unknown', line: 6, column: 32, endLine: 6, endColumn: 46 },
      ],
    },
  ],
});
