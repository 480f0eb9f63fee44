import path from 'node:path';
import { readFileSync } from 'node:fs';

import rule from '../../src/rules/require-auth-gate-in-route';
import { createRuleTester } from '../rule-tester';

const ruleTester = createRuleTester();
const MARK = '// agent-guard: public-route TODO: say why anyone may call this';
const ROOT = path.resolve(__dirname, '../fixtures/cross-file/auth/express');
const metaRoutes = path.join(ROOT, 'routes/meta.js');

/**
 * Handlers that only answer constants have nothing a gate would protect: a version string, a
 * fixed redirect, a template rendered with constant locals, `ctx.body = …`, a stub. Anything
 * else the route does (a call, an await, middleware of its own) makes it an ordinary route.
 */
ruleTester.run('require-auth-gate-in-route: nothing to protect', rule, {
  valid: [
    {
      code: `
import express from 'express';
const app = express();
app.get('/ping', (req, res) => res.json({ ok: true }));
app.get('/version', (req, res) => { res.status(200).send('1.0.0'); });
app.get('/old-docs', (req, res) => res.redirect(301, '/docs'));
app.get('/setup', (req, res) => res.render('setup', { title: 'First run', steps: [1, 2, 3] }));
app.get('/flags', (req, res) => {
  console.log('flags asked');
  res.set('Cache-Control', 'public, max-age=60').json({ beta: false });
});
app.post('/todo', (req, res) => {});
`,
    },
    {
      code: `
import Koa from 'koa';
import Router from '@koa/router';
const router = new Router();
router.get('/up', (ctx) => { ctx.status = 200; ctx.body = { up: true }; });
new Koa().use(router.routes());
`,
    },
    {
      code: `
import { Hono } from 'hono';
import Fastify from 'fastify';
const app = new Hono();
app.get('/hello', (c) => c.text('hello'));
const fastify = Fastify();
fastify.get('/info', async () => ({ name: 'api', version: 3 }));
fastify.get('/empty', async (request, reply) => reply.code(204).send());
`,
    },
    {
      code: `
import { Controller, Get } from '@nestjs/common';
@Controller('meta')
export class MetaController {
  @Get('version')
  version() {
    return { version: '1.4.2' };
  }
}
`,
      filename: 'src/meta/meta.controller.ts',
    },
    {
      code: `
import { NextResponse } from 'next/server';
export async function GET() {
  return NextResponse.json({ maintenance: false });
}
export function POST() {
  return new Response('Method moved', { status: 308, headers: { Location: '/api/v2/flags' } });
}
`,
      filename: 'app/api/flags/route.ts',
    },
  ],
  invalid: [
    {
      // Work before the constant answer, or a value that is not a constant.
      code: `
import express from 'express';
const app = express();
app.post('/items', (req, res) => { db.insert(req.body); res.status(201).json({ ok: true }); });
app.get('/next', (req, res) => res.redirect(req.query.next));
app.post('/wake', (req, res) => queue.send('wake'));
`,
      errors: [
        {
          messageId: 'missingGate',
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 9,
          suggestions: [{ messageId: 'markPublic', output: `
import express from 'express';
const app = express();
${MARK}
app.post('/items', (req, res) => { db.insert(req.body); res.status(201).json({ ok: true }); });
app.get('/next', (req, res) => res.redirect(req.query.next));
app.post('/wake', (req, res) => queue.send('wake'));
` }],
        },
        {
          messageId: 'missingGate',
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 8,
          suggestions: [{ messageId: 'markPublic', output: `
import express from 'express';
const app = express();
app.post('/items', (req, res) => { db.insert(req.body); res.status(201).json({ ok: true }); });
${MARK}
app.get('/next', (req, res) => res.redirect(req.query.next));
app.post('/wake', (req, res) => queue.send('wake'));
` }],
        },
        {
          messageId: 'missingGate',
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 9,
          suggestions: [{ messageId: 'markPublic', output: `
import express from 'express';
const app = express();
app.post('/items', (req, res) => { db.insert(req.body); res.status(201).json({ ok: true }); });
app.get('/next', (req, res) => res.redirect(req.query.next));
${MARK}
app.post('/wake', (req, res) => queue.send('wake'));
` }],
        },
      ],
    },
    {
      // Middleware of the route's own does the work (multer stores the upload) whatever the handler answers.
      code: `
import express from 'express';
const app = express();
app.post('/upload', upload.single('file'), (req, res) => res.json({ ok: true }));
`,
      errors: [{ messageId: 'missingGate', line: 4, column: 5, endLine: 4, endColumn: 9, suggestions: [{ messageId: 'markPublic', output: `
import express from 'express';
const app = express();
${MARK}
app.post('/upload', upload.single('file'), (req, res) => res.json({ ok: true }));
` }] }],
    },
    {
      code: `
export async function POST() {
  await revalidateEverything();
  return Response.json({ ok: true });
}
`,
      filename: 'app/api/revalidate/route.ts',
      errors: [{ messageId: 'missingGate', line: 2, column: 23, endLine: 2, endColumn: 27, suggestions: [{ messageId: 'markPublic', output: `
${MARK}
export async function POST() {
  await revalidateEverything();
  return Response.json({ ok: true });
}
` }] }],
    },
    {
      // Imported handlers read in their file: the version and the fixed redirect are not reported, the one that clears a cache first is.
      code: readFileSync(metaRoutes, 'utf8'),
      filename: metaRoutes,
      errors: [{ messageId: 'missingGate', line: 9, column: 8, endLine: 9, endColumn: 12, suggestions: [{ messageId: 'markPublic', output: readFileSync(metaRoutes, 'utf8').replace("router.post('/purge'", `${MARK}\nrouter.post('/purge'`) }] }],
    },
  ],
});
