import { readFileSync } from 'node:fs';
import path from 'node:path';

import { beforeAll } from 'vitest';

import rule from '../../src/rules/require-auth-gate-in-route';
import { clearProjectCaches } from '../../src/project/index';
import { createRuleTester } from '../rule-tester';

/**
 * require-auth-gate-in-route across files (issue #15): each case lints a file of a small
 * project under tests/fixtures/cross-file/auth/ by its real path, so that its imports and the
 * files that mount its router are read. Gated and open variant of each shape.
 */
const ROOT = path.resolve(__dirname, '../fixtures/cross-file/auth');
const file = (relative: string): { filename: string; code: string } => {
  const filename = path.join(ROOT, relative);
  return { filename, code: readFileSync(filename, 'utf8') };
};
const OFF = { 'agent-guard': { project: { crossFile: false } } };
/** The express-factories fixture project (tests/fixtures/projects/): factory handlers and name-gates judged by their bodies. */
const FACTORIES = path.resolve(__dirname, '../fixtures/projects/express-factories');
const project = (relative: string): { filename: string; code: string } => {
  const filename = path.join(FACTORIES, relative);
  return { filename, code: readFileSync(filename, 'utf8') };
};

/**
 * A route of next-wrappers/ whose wrapper (in lib/middleware.ts) gates nothing: reported on its
 * `GET` export, with the suggestion to mark it public.
 */
const openWrapped = (name: string, wrapper: string) => {
  const route = file(`next-wrappers/app/api/${name}/route.ts`);
  return {
    ...route,
    errors: [
      {
        messageId: 'missingGate' as const,
        line: 5,
        column: 14,
        endLine: 5,
        endColumn: 17,
        data: { route: `GET /api/${name}`, framework: `next; its wrapper ${wrapper} (lib/middleware.ts) never checks a session` },
        suggestions: [{ messageId: 'markPublic' as const, output: route.code.replace('export const GET', '// agent-guard: public-route TODO: say why anyone may call this\nexport const GET') }],
      },
    ],
  };
};

// Each run starts from empty project caches: a listing or parse of an earlier suite cannot answer.
beforeAll(() => clearProjectCaches());

const ruleTester = createRuleTester();

ruleTester.run('require-auth-gate-in-route (cross-file)', rule, {
  valid: [
    // Mounted in app.js behind requireAuth: gated by the mount.
    file('express/routes/gated.js'),
    // A router's `GET /` mounted at the root of app.js: the home page, public while no gate is tried.
    file('express/routes/welcome.js'),
    // An import that does not parse, and one that does not resolve: today's judgement (an imported handler is not judged).
    file('express/routes/broken.js'),
    // An import cycle: followed to its first repeat, then today's judgement.
    file('express/routes/cycle.js'),
    // A router nothing mounts behaves as before: gated by its own middleware.
    {
      filename: path.join(ROOT, 'express/routes/unmounted.js'),
      code: "const express = require('express');\nconst { requireAuth } = require('../middleware/guards');\nconst router = express.Router();\nrouter.use(requireAuth);\nrouter.post('/x', (req, res) => res.json({}));\nmodule.exports = router;\n",
    },
    // crossFile: false: an imported handler is not judged, as before.
    { ...file('express/routes/controllers.js'), settings: OFF },
    // Mounted behind authenticate(), named like a gate and able to reject (passport callback, reject(), next(err)): the name is trusted.
    project('routes/admin.js'),
    // crossFile: false: trackAuthenticatedUsers() cannot be read, so its name is trusted and nothing behind it is reported.
    { ...project('server.js'), settings: OFF },
    // next-wrappers/: wrappers that return no function of their own but hand the handler on to a
    // shared core with a middleware that answers 401 (withAccount), through another middleware of
    // the file (withProvider, in both of its branches), or with a function that checks an API key
    // of another file before running the handler (withApiKey). The tsconfig extends a package that
    // is not there: its paths still resolve `@/lib/...`.
    file('next-wrappers/app/api/account/route.ts'),
    file('next-wrappers/app/api/provider/route.ts'),
    file('next-wrappers/app/api/keys/route.ts'),
    // The checking function handed to a package's wrapper (`withAxiom`), which cannot be read.
    file('next-wrappers/app/api/logged-keys/route.ts'),
    // A check named for nothing in the vocabulary whose failure answers 401: the handler's gate.
    file('next-wrappers/app/api/cron/route.ts'),
  ],
  invalid: [
    // withError hands the handler to the shared core with no middleware.
    openWrapped('plain', 'withError'),
    // withLogging hands it a middleware that lets every request through.
    openWrapped('logged', 'withLogging'),
    // withAccountWhen passes the refusing middleware in one branch only.
    openWrapped('sometimes', 'withAccountWhen'),
    // withDeniedReport hands the refusing middleware to a core that never calls it.
    openWrapped('uncalled', 'withDeniedReport'),
    {
      // Lists of middleware exported by other files (a named list, a `module.exports = [...]` list):
      // gated when a member is, by its name (requireAuth) or by its body (verificar); a list of a
      // session reader and a logger gates nobody.
      ...file('express/routes/chains.js'),
      errors: [
        {
          messageId: 'missingGate',
          line: 11,
          column: 8,
          endLine: 11,
          endColumn: 12,
          data: { route: 'POST /items', framework: 'express' },
          suggestions: [{ messageId: 'markPublic', output: readFileSync(path.join(ROOT, 'express/routes/chains.js'), 'utf8').replace("router.post('/items'", "// agent-guard: public-route TODO: say why anyone may call this\nrouter.post('/items'") }],
        },
      ],
    },
    // The home page (mounted at the root of app.js) tries a gate of another file that does not stop the request.
    {
      ...file('express/routes/home.js'),
      errors: [
        {
          messageId: 'gateDoesNotStop',
          line: 8,
          column: 3,
          endLine: 8,
          endColumn: 24,
          data: { route: 'GET /', framework: 'express; mounted in app.js without an auth gate', call: 'checkLogged()', answer: 'with a redirect' },
        },
      ],
    },
    {
      // Mounted in app.js without a gate.
      ...file('express/routes/open.js'),
      errors: [{ messageId: 'missingGate', line: 5, column: 8, endLine: 5, endColumn: 14, data: { route: 'DELETE /api/open/items/:id', framework: 'express; mounted in app.js without an auth gate' }, suggestions: [{ messageId: 'markPublic', output: `const express = require('express');

const router = express.Router();

// agent-guard: public-route TODO: say why anyone may call this
router.delete('/items/:id', (req, res) => {
  db.items.delete(req.params.id).then(() => res.status(204).end());
});

module.exports = router;
` }] }],
    },
    {
      // Mounted behind loadSession, which reads a token and rejects nobody.
      ...file('express/routes/session.js'),
      errors: [{ messageId: 'missingGate', line: 5, column: 8, endLine: 5, endColumn: 12, data: { route: 'POST /api/session/items', framework: 'express; mounted in app.js without an auth gate' }, suggestions: [{ messageId: 'markPublic', output: `const express = require('express');

const router = express.Router();

// agent-guard: public-route TODO: say why anyone may call this
router.post('/items', (req, res) => {
  res.status(201).json(db.items.create(req.body));
});

module.exports = router;
` }] }],
    },
    {
      // Imported controllers judged by their body; verificar (401) and permiso('…') (factory) gate by their bodies; getOwnItems answers 401 itself.
      ...file('express/routes/controllers.js'),
      errors: [
        { messageId: 'missingGate', line: 9, column: 8, endLine: 9, endColumn: 11, data: { route: 'GET /items', framework: 'express; its handler listItems (controllers/items.js) never checks a session' }, suggestions: [{ messageId: 'markPublic', output: `const { Router } = require('express');

const { verificar, permiso } = require('../middleware/guards');
const items = require('../controllers/items');
const { listItems, getOwnItems } = require('../controllers/items');

const router = Router();

// agent-guard: public-route TODO: say why anyone may call this
router.get('/items', listItems);
router.get('/mine', getOwnItems);
router.post('/items', verificar, items.createItem);
router.put('/items/:id', permiso('items:write'), items.createItem);
router.delete('/items/:id', items.deleteItem);

module.exports = router;
` }] },
        { messageId: 'missingGate', line: 13, column: 8, endLine: 13, endColumn: 14, data: { route: 'DELETE /items/:id', framework: 'express; its handler deleteItem (controllers/items.js) never checks a session' }, suggestions: [{ messageId: 'markPublic', output: `const { Router } = require('express');

const { verificar, permiso } = require('../middleware/guards');
const items = require('../controllers/items');
const { listItems, getOwnItems } = require('../controllers/items');

const router = Router();

router.get('/items', listItems);
router.get('/mine', getOwnItems);
router.post('/items', verificar, items.createItem);
router.put('/items/:id', permiso('items:write'), items.createItem);
// agent-guard: public-route TODO: say why anyone may call this
router.delete('/items/:id', items.deleteItem);

module.exports = router;
` }] },
      ],
    },
    {
      // Gate functions followed into lib/gates.ts: resolveMember() throws, parseRequest's error is checked; { skipAuth: true } turns it off.
      ...file('next/app/api/things/route.ts'),
      errors: [{ messageId: 'missingGate', line: 14, column: 23, endLine: 14, endColumn: 26, data: { route: 'PUT /api/things', framework: 'next' }, suggestions: [{ messageId: 'markPublic', output: `import { resolveMember, parseRequest } from '@/lib/gates';

export async function GET() {
  await resolveMember();
  return Response.json([]);
}

export async function POST(request: Request) {
  const { error } = await parseRequest(request);
  if (error) return error();
  return Response.json({}, { status: 201 });
}

// agent-guard: public-route TODO: say why anyone may call this
export async function PUT(request: Request) {
  const { error } = await parseRequest(request, { skipAuth: true });
  if (error) return error();
  return Response.json({});
}
` }] }],
    },
    {
      // Helpers of lib/token.ts that return getToken()'s result (directly, or a member of it): gates
      // when the handler checks what they return (GET, POST), not when it never does (DELETE).
      ...file('next/app/api/billing/route.ts'),
      errors: [
        {
          messageId: 'missingGate',
          line: 16,
          column: 23,
          endLine: 16,
          endColumn: 29,
          data: { route: 'DELETE /api/billing', framework: 'next' },
          suggestions: [{ messageId: 'markPublic', output: readFileSync(path.join(ROOT, 'next/app/api/billing/route.ts'), 'utf8').replace('export async function DELETE', '// agent-guard: public-route TODO: say why anyone may call this\nexport async function DELETE') }],
        },
      ],
    },
    {
      // withTeam checks the session before calling the handler; withTiming does not.
      ...file('next/app/api/wrapped/route.ts'),
      errors: [
        {
          messageId: 'missingGate',
          line: 5,
          column: 14,
          endLine: 5,
          endColumn: 20,
          data: { route: 'DELETE /api/wrapped', framework: 'next; its wrapper withTiming (lib/gates.ts) never checks a session' },
          suggestions: [{ messageId: 'markPublic', output: `import { withTeam, withTiming } from '@/lib/gates';

export const POST = withTeam(async (req: Request) => Response.json(await req.json(), { status: 201 }));

// agent-guard: public-route TODO: say why anyone may call this
export const DELETE = withTiming(async (req: Request) => new Response(null, { status: 204 }));
` }],
        },
      ],
    },
    {
      // memberProcedure's middleware calls assertActor (server/auth.ts), which throws; tracedProcedure only logs.
      // trackOrder() and listInvoices() return handlers that never check the caller; trackAuthenticatedUsers() is a gate by
      // name only (its body always calls next()). orderHistory() checks a signed-in-user lookup, appendOwner() answers 401,
      // and POST /api/erasure checks inside an async body invoked at once: not reported.
      ...project('server.js'),
      errors: [
        {
          messageId: 'missingGate',
          line: 15,
          column: 5,
          endLine: 15,
          endColumn: 8,
          data: {
            route: 'GET /api/orders/:id',
            framework: 'express; its middleware trackAuthenticatedUsers (middleware/security.js) lets every request through; its handler trackOrder() (routes/orders.js) never checks a session',
          },
          suggestions: [{ messageId: 'markPublic', output: `import express from 'express';

import { authSessions } from './lib/sessions.js';
import { invoices } from './lib/store.js';
import { appendOwner, authenticate, trackAuthenticatedUsers } from './middleware/security.js';
import accountRouter from './routes/account.js';
import adminRouter from './routes/admin.js';
import { orderHistory, trackOrder } from './routes/orders.js';

const app = express();
app.use(express.json());
app.use(trackAuthenticatedUsers());

// A factory handler imported from routes/orders.js that never checks the caller.
// agent-guard: public-route TODO: say why anyone may call this
app.get('/api/orders/:id', trackOrder());
// A factory handler imported from routes/orders.js with its own check.
app.get('/api/orders', orderHistory());
// A factory middleware that answers 401 itself.
app.post('/api/cards', appendOwner());

function listInvoices() {
  return (req, res) => {
    res.json({ data: invoices });
  };
}

// A factory defined in this file.
app.get('/api/invoices', listInvoices());

// The check sits in an async body invoked at once.
app.post('/api/erasure', (req, res, next) => {
  void (async () => {
    const user = authSessions.get(req.cookies.token);
    if (!user) {
      next(new Error('Blocked illegal activity'));
      return;
    }
    invoices.length = 0;
    res.json({ status: 'erased', user: user.id });
  })();
});

app.use('/api/admin', authenticate('manageOrders'), adminRouter);
app.use('/api/account', accountRouter);

export default app;
` }],
        },
        {
          messageId: 'missingGate',
          line: 28,
          column: 5,
          endLine: 28,
          endColumn: 8,
          data: {
            route: 'GET /api/invoices',
            framework: 'express; its middleware trackAuthenticatedUsers (middleware/security.js) lets every request through; its handler listInvoices() never checks a session',
          },
          suggestions: [{ messageId: 'markPublic', output: `import express from 'express';

import { authSessions } from './lib/sessions.js';
import { invoices } from './lib/store.js';
import { appendOwner, authenticate, trackAuthenticatedUsers } from './middleware/security.js';
import accountRouter from './routes/account.js';
import adminRouter from './routes/admin.js';
import { orderHistory, trackOrder } from './routes/orders.js';

const app = express();
app.use(express.json());
app.use(trackAuthenticatedUsers());

// A factory handler imported from routes/orders.js that never checks the caller.
app.get('/api/orders/:id', trackOrder());
// A factory handler imported from routes/orders.js with its own check.
app.get('/api/orders', orderHistory());
// A factory middleware that answers 401 itself.
app.post('/api/cards', appendOwner());

function listInvoices() {
  return (req, res) => {
    res.json({ data: invoices });
  };
}

// A factory defined in this file.
// agent-guard: public-route TODO: say why anyone may call this
app.get('/api/invoices', listInvoices());

// The check sits in an async body invoked at once.
app.post('/api/erasure', (req, res, next) => {
  void (async () => {
    const user = authSessions.get(req.cookies.token);
    if (!user) {
      next(new Error('Blocked illegal activity'));
      return;
    }
    invoices.length = 0;
    res.json({ status: 'erased', user: user.id });
  })();
});

app.use('/api/admin', authenticate('manageOrders'), adminRouter);
app.use('/api/account', accountRouter);

export default app;
` }],
        },
      ],
    },
    {
      // Mounted in server.js behind trackAuthenticatedUsers() only.
      ...project('routes/account.js'),
      errors: [{ messageId: 'missingGate', line: 8, column: 8, endLine: 8, endColumn: 11, data: { route: 'GET /api/account/orders', framework: 'express; mounted in server.js without an auth gate' }, suggestions: [{ messageId: 'markPublic', output: `import express from 'express';

import { orders } from '../lib/store.js';

const router = express.Router();

// Mounted in server.js behind trackAuthenticatedUsers() only, which lets everyone through.
// agent-guard: public-route TODO: say why anyone may call this
router.get('/orders', (req, res) => {
  res.json({ data: orders });
});

export default router;
` }] }],
    },
    {
      ...file('trpc/server/items.ts'),
      errors: [{ messageId: 'missingGate', line: 5, column: 3, endLine: 5, endColumn: 7, data: { route: 'tRPC mutation drop', framework: 'trpc; its builder tracedProcedure (server/trpc.ts) never checks a session' }, suggestions: [{ messageId: 'markPublic', output: `import { memberProcedure, router, tracedProcedure } from './trpc';

export const itemsRouter = router({
  add: memberProcedure.mutation(() => 'added'),
  // agent-guard: public-route TODO: say why anyone may call this
  drop: tracedProcedure.mutation(() => 'dropped'),
});
` }] }],
    },
  ],
});

