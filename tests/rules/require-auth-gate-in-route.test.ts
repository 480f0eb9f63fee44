import { RuleTester } from '@typescript-eslint/rule-tester';
import { Linter } from 'eslint';
import * as espree from 'espree';
import { describe, expect, it } from 'vitest';

import rule from '../../src/rules/require-auth-gate-in-route';
import { createRuleTester } from '../rule-tester';

const ruleTester = createRuleTester();

ruleTester.run('require-auth-gate-in-route', rule, {
  valid: [
    // A constant answer before the gate reveals nothing: a webhook's ping, a health probe.
    {
      code: `import type { NextApiRequest, NextApiResponse } from 'next';
import { db } from '@/db';
export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const { refreshToken } = req.query;
  if (req.headers['x-github-event'] === 'ping') {
    res.status(200).json({ message: 'Ping received, webhook is active' });
    return;
  }
  const app = await db.app.findFirst({ where: { refreshToken: String(refreshToken) } });
  if (!app) return res.status(404).json({ message: 'Not found' });
  res.json(await deploy(app));
}
`,
      filename: 'pages/api/deploy/[refreshToken].ts',
    },
    {
      code: `import express from 'express';
const app = express();
app.get('/docs/:id', (req, res) => {
  if (req.query.probe) return res.send('ok');
  if (req.query.ping) return res.status(200).set('Cache-Control', 'no-store').json({ ok: true, version: 2 });
  if (!req.user) return res.sendStatus(401);
  res.json(full(req.params.id));
});
`,
      filename: 'file.js',
    },
    // An access check that names who asks, its failure thrown: an authorisation gate.
    {
      code: `import express from 'express';
import { canUserAccessUpload } from './media';
const app = express();
app.get('/media/:id', async (req, res) => {
  if (!(await canUserAccessUpload(req.session?.userId, req.params.id))) {
    throw new Error('Forbidden');
  }
  res.sendFile(req.params.id, { root: 'uploads' });
});
`,
      filename: 'file.js',
    },
    // A list of middleware kept in a const: gated when a member is (by name, or a local gate's body).
    {
      code: `import express from 'express';
import { requireUser } from './auth';
const app = express();
function mustOwn(req, res, next) {
  if (!req.session.userId) return res.sendStatus(401);
  next();
}
const audit = (req, res, next) => next();
const removal = [requireUser, audit];
const owners = [audit, mustOwn];
app.delete('/users/:id', removal, (req, res) => res.sendStatus(204));
app.put('/items/:id', owners, (req, res) => res.json({}));
`,
      filename: 'file.js',
    },
    // --- Express: middleware arguments, arrays, router-level use before the routes ---
    {
      code: `
import express from 'express';
const app = express();
app.get('/orders', requireAuth, async (req, res) => res.json(await listOrders()));
app.post('/orders', [requireUser, validateBody], async (req, res) => res.json(await createOrder(req.body)));
app.delete('/orders/:id', ensureAuthenticated, (req, res) => res.sendStatus(204));
app.put('/orders/:id', isAuthenticated, checkRole('admin'), (req, res) => res.json({}));
`,
    },
    {
      code: `
const express = require('express');
const router = express.Router();
router.use(authenticate);
router.get('/invoices', (req, res) => res.json([]));
router.post('/invoices', (req, res) => res.status(201).json({}));
module.exports = router;
`,
      filename: 'src/routes/invoices.js',
    },
    {
      code: `
import express, { Router } from 'express';
const app = express();
const admin = Router();
admin.get('/users', (req, res) => res.json([]));
app.use('/admin', requireAdmin, admin);
`,
    },
    {
      code: `
import express from 'express';
const app = express();
app.use('/api', verifyToken);
app.get('/api/projects', (req, res) => res.json([]));
`,
    },
    {
      code: `
import express from 'express';
const app = express();
app.all('*', requireAuth);
app.get('/reports', (req, res) => res.json([]));
`,
    },
    {
      code: `
import express from 'express';
const app = express();
app.route('/books').all(protect).get((req, res) => res.json([])).post((req, res) => res.json({}));
`,
    },
    // passport, express-jwt (by import and by name), express-openid-connect
    {
      code: `
const express = require('express');
const passport = require('passport');
const app = express();
app.get('/profile', passport.authenticate('jwt', { session: false }), (req, res) => res.json(req.user));
`,
      filename: 'src/app.js',
    },
    {
      code: `
import express from 'express';
import { expressjwt as guard } from 'express-jwt';
import { requiresAuth } from 'express-openid-connect';
const app = express();
app.get('/a', guard({ secret: 's', algorithms: ['HS256'] }), (req, res) => res.json({}));
app.get('/b', requiresAuth(), (req, res) => res.json({}));
app.get('/c', expressjwt({ secret: 's', algorithms: ['HS256'] }), (req, res) => res.json({}));
`,
    },
    {
      code: `
import express from 'express';
import { clerkMiddleware, getAuth } from '@clerk/express';
const app = express();
app.get('/me', (req, res) => {
  const { userId } = getAuth(req);
  if (!userId) return res.status(401).json({ error: 'Unauthorized' });
  res.json({ userId });
});
`,
    },
    // A local middleware whose body checks req.user and calls next()
    {
      code: `
import express from 'express';
const app = express();
function mustBeSignedIn(req, res, next) {
  if (!req.user) return res.status(401).end();
  next();
}
app.get('/settings', mustBeSignedIn, (req, res) => res.json({}));
`,
    },
    // In-handler checks: identity members, identity locals, session fetch + check, assert-style gates
    {
      code: `
import express from 'express';
const app = express();
app.get('/a', (req, res) => {
  if (!req.session.userId) return res.redirect('/login');
  res.json({});
});
app.get('/b', (req, res) => {
  const user = req.user;
  if (!user) return res.sendStatus(401);
  res.json(user);
});
app.get('/c', (req, res) => {
  const { user } = req;
  if (!user) return res.sendStatus(401);
  res.json(user);
});
app.get('/d', (req, res) => {
  if (!req.isAuthenticated()) return res.redirect('/login');
  res.json({});
});
app.get('/e', async (req, res) => {
  const session = await getServerSession(req, res, authOptions);
  if (!session) return res.status(401).end();
  res.json(session.user);
});
app.get('/f', (req, res) => {
  const payload = jwt.verify(req.headers.authorization, process.env.SECRET);
  res.json(payload);
});
app.get('/g', (req, res) => res.json({ id: req.user.id }));
app.get('/h', async (req, res) => {
  const { data: { user } } = await supabase.auth.getUser();
  if (!user) return res.status(401).end();
  res.json(user);
});
`,
    },
    // The method check before the gate is no answer with data.
    {
      code: `
import express from 'express';
const app = express();
app.all('/upload', async (req, res) => {
  if (req.method !== 'POST') return res.status(405).end();
  const session = await getSession(req);
  if (!session) return res.status(401).end();
  res.json({ ok: true });
});
`,
    },
    // Wrappers
    {
      code: `
import express from 'express';
const app = express();
app.get('/a', withAuth(async (req, res) => res.json({})));
app.post('/b', withApiAuthRequired(async (req, res) => res.json({})));
`,
    },
    // Webhooks verify a signature: the verification is the gate.
    {
      code: `
import express from 'express';
import Stripe from 'stripe';
const stripe = new Stripe(process.env.STRIPE_KEY);
const app = express();
app.post('/webhooks/stripe', express.raw({ type: 'application/json' }), (req, res) => {
  const event = stripe.webhooks.constructEvent(req.body, req.headers['stripe-signature'], process.env.WH_SECRET);
  res.json({ received: event.id });
});
app.post('/hooks/clerk', async (req, res) => {
  const wh = new Webhook(process.env.CLERK_WH_SECRET);
  const evt = wh.verify(req.body, req.headers);
  res.json(evt);
});
app.post('/hooks/github', (req, res) => {
  const expected = Buffer.from(sign(req.body));
  if (!crypto.timingSafeEqual(expected, Buffer.from(req.get('x-hub-signature-256')))) return res.sendStatus(401);
  res.sendStatus(204);
});
`,
    },
    {
      code: `
import express from 'express';
import { Webhook } from 'svix';
const app = express();
app.post('/hooks/resend', (req, res) => {
  const payload = new Webhook(process.env.RESEND_SECRET).verify(req.body, req.headers);
  res.json(payload);
});
`,
    },
    // The project's own wrapper, declared in the settings.
    {
      code: `
import express from 'express';
const app = express();
app.get('/a', withSession(async (req, res) => res.json({})));
`,
      settings: { 'agent-guard': { auth: { wrappers: ['withSession'] } } },
    },
    // Public by design: default paths, with /api and version prefixes
    {
      code: `
import express from 'express';
const app = express();
app.get('/', (req, res) => res.send('hello'));
app.get('/health', (req, res) => res.json({ ok: true }));
app.get('/healthz', (req, res) => res.send('ok'));
app.get('/api/v1/status', (req, res) => res.json({ up: true }));
app.post('/login', (req, res) => res.json({}));
app.post('/api/auth/signup', (req, res) => res.json({}));
app.get('/auth/github/callback', (req, res) => res.redirect('/'));
app.post('/forgot-password', (req, res) => res.json({}));
app.get('/public/terms', (req, res) => res.send('terms'));
app.get('/static/*filename', (req, res) => res.sendFile(req.params.filename, { root: 'build' }));
app.get('/locales/:locale', (req, res) => res.json(translations[req.params.locale] ?? {}));
app.get('/api/locales.json', (req, res) => res.json(Object.keys(translations)));
`,
    },
    // Public by comment, with a reason
    {
      code: `
import express from 'express';
const app = express();
// agent-guard: public-route newsletter sign-up form, rate limited
app.post('/newsletter', rateLimit({ max: 5 }), (req, res) => res.json({}));
/* agent-guard: public-route — product catalogue is public */
app.get('/products', (req, res) => res.json([]));
`,
    },
    // Imported handlers are not analysed.
    {
      code: `
import express from 'express';
import { listUsers } from './controllers/users';
const app = express();
app.get('/users', listUsers);
`,
    },
    // Not a router: caches, HTTP clients, supertest.
    {
      code: `
const cache = new Map();
cache.get('/users');
axios.get('/api/users').then((r) => r.data);
axios.post('/api/users', { name: 'x' }, { timeout: 5000 });
await request(app).get('/users').expect(200);
emitter.on('request', (req, res) => res.end());
`,
    },
    // --- Fastify ---
    {
      code: `
import Fastify from 'fastify';
const fastify = Fastify();
fastify.get('/me', { onRequest: [fastify.authenticate] }, async (request) => request.user);
fastify.route({ method: 'POST', url: '/posts', preHandler: fastify.auth([fastify.verifyJWT]), handler: async () => ({}) });
fastify.put('/posts/:id', { preValidation: requireUser }, async () => ({}));
`,
    },
    {
      code: `
import Fastify from 'fastify';
const app = Fastify();
app.register(async (scope) => {
  scope.addHook('onRequest', async (request) => { await request.jwtVerify(); });
  scope.get('/dashboard', async () => ({}));
}, { prefix: '/app' });
`,
    },
    {
      code: `
import Fastify from 'fastify';
const app = Fastify();
app.get('/items', async () => []);
app.addHook('preHandler', app.basicAuth);
`,
    },
    {
      code: `
import type { FastifyInstance } from 'fastify';
export default async function (fastify: FastifyInstance) {
  fastify.addHook('onRequest', fastify.authenticate);
  fastify.get('/me', async (request) => request.user);
}
`,
    },
    // --- Koa / @koa/router ---
    {
      code: `
import Koa from 'koa';
import Router from '@koa/router';
import jwt from 'koa-jwt';
const app = new Koa();
const router = new Router({ prefix: '/api' });
router.use(jwt({ secret: process.env.SECRET }));
router.get('/users', async (ctx) => { ctx.body = []; });
router.post('/users', requireLogin, async (ctx) => { ctx.body = {}; });
app.use(router.routes());
`,
    },
    {
      code: `
const Koa = require('koa');
const Router = require('@koa/router');
const app = new Koa();
const router = new Router();
app.use(authMiddleware);
router.get('/users', async (ctx) => { ctx.body = []; });
router.get('/me', async (ctx) => {
  if (!ctx.state.user) ctx.throw(401);
  ctx.body = ctx.state.user;
});
app.use(router.routes());
`,
      filename: 'src/server.js',
    },
    // --- Hono ---
    {
      code: `
import { Hono } from 'hono';
import { jwt } from 'hono/jwt';
import { bearerAuth } from 'hono/bearer-auth';
import { basicAuth } from 'hono/basic-auth';
const app = new Hono();
app.use('/api/*', jwt({ secret: 'it-is-very-secret' }));
app.get('/api/notes', (c) => c.json([]));
app.post('/tokens', bearerAuth({ token: 'x' }), (c) => c.json({}));
const admin = new Hono();
admin.use(basicAuth({ username: 'u', password: 'p' }));
admin.get('/stats', (c) => c.json({}));
app.route('/admin', admin);
`,
    },
    {
      code: `
import { Hono } from 'hono';
import { clerkMiddleware, getAuth } from '@hono/clerk-auth';
const app = new Hono();
app.use('*', clerkMiddleware());
app.get('/a', (c) => {
  const auth = getAuth(c);
  if (!auth?.userId) return c.json({ message: 'You are not logged in.' }, 401);
  return c.json({});
});
app.get('/b', (c) => {
  const user = c.get('user');
  if (!user) return c.text('Unauthorized', 401);
  return c.json(user);
});
`,
    },
    // --- settings and options ---
    {
      code: `
import express from 'express';
const app = express();
app.get('/a', gatekeeper, (req, res) => res.json({}));
app.get('/b', async (req, res) => { await mustHaveSeat(req); res.json({}); });
`,
      options: [{ authMiddleware: ['gatekeeper'], authFunctions: ['mustHaveSeat'] }],
    },
    {
      code: `
import express from 'express';
import { guard } from '@acme/sso';
const app = express();
app.get('/a', guard(), (req, res) => res.json({}));
`,
      options: [{ authMiddleware: ['@acme/sso#guard'] }],
    },
    {
      code: `
import express from 'express';
const app = express();
app.get('/a', gatekeeper, (req, res) => res.json({}));
app.get('/b', async (req, res) => { await mustHaveSeat(req); res.json({}); });
app.get('/partners/list', (req, res) => res.json([]));
`,
      settings: { 'agent-guard': { auth: { middleware: ['gatekeeper'], functions: ['mustHaveSeat'], publicRoutes: ['/partners/**'] } } },
    },
    {
      code: `
import express from 'express';
const app = express();
app.get('/catalog/items', (req, res) => res.json([]));
`,
      options: [{ publicRoutes: ['/catalog/**'] }],
    },
    {
      code: `
import express from 'express';
const app = express();
app.get('/internal/metrics', (req, res) => res.json({}));
`,
      options: [{ globalAuth: ['/internal/**'] }],
    },
    {
      code: `
import express from 'express';
const router = express.Router();
router.post('/orders', (req, res) => res.json({}));
`,
      filename: '/repo/src/routes/admin/orders.ts',
      options: [{ globalAuth: ['src/routes/admin/**'] }],
    },
    {
      code: `
import express from 'express';
const router = express.Router();
router.post('/orders', (req, res) => res.json({}));
`,
      settings: { 'agent-guard': { auth: { globalGuard: true } } },
    },
    {
      code: `
import express from 'express';
const app = express();
app.get('/products', (req, res) => res.json([]));
app.head('/products', (req, res) => res.end());
`,
      options: [{ allowPublicGet: true }],
    },
    {
      code: `
import express from 'express';
import { Hono } from 'hono';
const app = express();
app.get('/a', (req, res) => res.json([]));
const h = new Hono();
h.get('/b', (c) => c.json([]));
`,
      options: [{ frameworks: ['fastify'] }],
    },
    // --- odd code must not crash ---
    {
      code: `
import express from 'express';
const app = express();
app['get']('/a', (req, res) => res.json(1));
app.get();
app.get('/c');
app.get(...args);
app.use();
app.use(...middlewares);
app.route().get();
app.get('/d', requireAuth, ...rest, handler);
`,
    },
    // --- Name-gates judged by their bodies (issue #15): a body that can reject keeps the name's verdict ---
    {
      code: `
import express from 'express';
const app = express();
const requireAuth = (req, res, next) => {
  verifyToken(req.headers.authorization, (err, user) => {
    if (err) return next(err);
    req.user = user;
    next();
  });
};
const authenticate = () => async (req, res, next) =>
  new Promise((resolve, reject) => passport.authenticate('jwt', check(req, resolve, reject))(req, res, next))
    .then(() => next())
    .catch((err) => next(err));
function ensureLoggedIn(req, res, next) {
  if (!req.session.userId) return res.redirect('/login');
  next();
}
app.get('/a', requireAuth, (req, res) => res.json([]));
app.get('/b', authenticate(), (req, res) => res.json([]));
app.get('/c', ensureLoggedIn, (req, res) => res.json([]));
`,
    },
    // An imported name-gate that cannot be read keeps its name; so does one whose body hands \`res\` to a helper.
    {
      code: `
import express from 'express';
import { checkSession } from 'session-lib';
const app = express();
const isAuthenticated = (req, res, next) => {
  deny(req, res);
  next();
};
app.use(checkSession());
app.get('/a', (req, res) => res.json([]));
app.get('/b', isAuthenticated, (req, res) => res.json([]));
`,
    },
    // Factory handlers with their own check, or answering 401 themselves; a check inside an async body invoked at once.
    {
      code: `
import express from 'express';
const app = express();
function history() {
  return async (req, res, next) => {
    const user = authSessions.get(req.cookies.token);
    if (!user) {
      next(new Error('blocked'));
      return;
    }
    res.json(await orders.of(user.id));
  };
}
const appendOwner = () => (req, res, next) => {
  try {
    req.body.ownerId = tokens[req.headers.authorization].user.id;
    next();
  } catch {
    res.status(401).json({ status: 'error' });
  }
};
app.get('/history', history());
app.post('/cards', appendOwner());
app.post('/erase', (req, res, next) => {
  void (async () => {
    const session = sessionStore.get(req.cookies.sid);
    if (!session) return next(new Error('blocked'));
    res.json(await erase(session.userId));
  })();
});
`,
    },
  ],
  invalid: [
    {
      // `can…` without anyone in its name checks the thing, not the caller.
      code: `import express from 'express';
import { canAccessUpload } from './media';
const app = express();
app.get('/media/:id', async (req, res) => {
  if (!(await canAccessUpload(req.params.id))) {
    throw new Error('Gone');
  }
  res.sendFile(req.params.id, { root: 'uploads' });
});
`,
      filename: 'file.js',
      errors: [
        { messageId: 'missingGate', line: 4, column: 5, endLine: 4, endColumn: 8, data: { route: 'GET /media/:id', framework: 'express' }, suggestions: [{ messageId: 'markPublic', output: `import express from 'express';
import { canAccessUpload } from './media';
const app = express();
// agent-guard: public-route TODO: say why anyone may call this
app.get('/media/:id', async (req, res) => {
  if (!(await canAccessUpload(req.params.id))) {
    throw new Error('Gone');
  }
  res.sendFile(req.params.id, { root: 'uploads' });
});
` }] },
      ],
    },
    {
      // A const list of middleware that authenticates nobody (a logger, a let-binding list is not read).
      code: `import express from 'express';
const app = express();
const audit = (req, res, next) => next();
const traced = [audit];
let later = [audit];
app.post('/a', traced, (req, res) => res.json({}));
app.post('/b', later, (req, res) => res.json({}));
`,
      filename: 'file.js',
      errors: [
        { messageId: 'missingGate', line: 6, column: 5, endLine: 6, endColumn: 9, data: { route: 'POST /a', framework: 'express' }, suggestions: [{ messageId: 'markPublic', output: `import express from 'express';
const app = express();
const audit = (req, res, next) => next();
const traced = [audit];
let later = [audit];
// agent-guard: public-route TODO: say why anyone may call this
app.post('/a', traced, (req, res) => res.json({}));
app.post('/b', later, (req, res) => res.json({}));
` }] },
        { messageId: 'missingGate', line: 7, column: 5, endLine: 7, endColumn: 9, data: { route: 'POST /b', framework: 'express' }, suggestions: [{ messageId: 'markPublic', output: `import express from 'express';
const app = express();
const audit = (req, res, next) => next();
const traced = [audit];
let later = [audit];
app.post('/a', traced, (req, res) => res.json({}));
// agent-guard: public-route TODO: say why anyone may call this
app.post('/b', later, (req, res) => res.json({}));
` }] },
      ],
    },
    // --- A guard is judged once per file only when it is named from the module scope: two local `check`s stay apart ---
    {
      code: `
import express from 'express';
const app = express();
function mountA() {
  const check = (req, res, next) => (req.user ? next() : res.sendStatus(401));
  app.get('/a', check, (req, res) => res.json({ a: 1 }));
}
function mountB() {
  const check = (req, res, next) => next();
  app.get('/b', check, (req, res) => res.json({ b: 1 }));
}
mountA();
mountB();
`,
      errors: [{ messageId: 'missingGate', line: 10, column: 7, endLine: 10, endColumn: 10, data: { route: 'GET /b', framework: 'express' }, suggestions: [{ messageId: 'markPublic', output: `
import express from 'express';
const app = express();
function mountA() {
  const check = (req, res, next) => (req.user ? next() : res.sendStatus(401));
  app.get('/a', check, (req, res) => res.json({ a: 1 }));
}
function mountB() {
  const check = (req, res, next) => next();
  // agent-guard: public-route TODO: say why anyone may call this
  app.get('/b', check, (req, res) => res.json({ b: 1 }));
}
mountA();
mountB();
` }] }],
    },
    // --- Name-gates whose body provably never rejects, and factory handlers (issue #15) ---
    {
      code: `
import express from 'express';
const app = express();
const updateAuthenticatedUsers = () => (req, res, next) => {
  const token = req.cookies.token;
  if (token) {
    jwt.verify(token, KEY, (err, decoded) => {
      if (!err) seen.set(token, decoded);
    });
  }
  next();
};
app.use(updateAuthenticatedUsers());
app.get('/orders', (req, res) => res.json(orders));
`,
      errors: [{ messageId: 'missingGate', line: 14, column: 5, endLine: 14, endColumn: 8, data: { route: 'GET /orders', framework: 'express' }, suggestions: [{ messageId: 'markPublic', output: `
import express from 'express';
const app = express();
const updateAuthenticatedUsers = () => (req, res, next) => {
  const token = req.cookies.token;
  if (token) {
    jwt.verify(token, KEY, (err, decoded) => {
      if (!err) seen.set(token, decoded);
    });
  }
  next();
};
app.use(updateAuthenticatedUsers());
// agent-guard: public-route TODO: say why anyone may call this
app.get('/orders', (req, res) => res.json(orders));
` }] }],
    },
    {
      code: `
import express from 'express';
const app = express();
async function loadUser(ctx, next) {
  ctx.state.user = await users.byToken(ctx.cookies.get('token'));
  await next();
}
const requireUser = (req, res, next) => {
  res.locals.user = req.user ?? null;
  next();
};
function trackOrder() {
  return (req, res) => {
    res.json(orders.find((o) => o.id === req.params.id));
  };
}
app.get('/track/:id', requireUser, trackOrder());
app.delete('/orders/:id', requireUser, asyncHandler(removeOrder()));
function removeOrder() {
  return async (req, res) => {
    await orders.remove(req.params.id);
    res.sendStatus(204);
  };
}
`,
      errors: [
        { messageId: 'missingGate', line: 17, column: 5, endLine: 17, endColumn: 8, data: { route: 'GET /track/:id', framework: 'express; its handler trackOrder() never checks a session' }, suggestions: [{ messageId: 'markPublic', output: `
import express from 'express';
const app = express();
async function loadUser(ctx, next) {
  ctx.state.user = await users.byToken(ctx.cookies.get('token'));
  await next();
}
const requireUser = (req, res, next) => {
  res.locals.user = req.user ?? null;
  next();
};
function trackOrder() {
  return (req, res) => {
    res.json(orders.find((o) => o.id === req.params.id));
  };
}
// agent-guard: public-route TODO: say why anyone may call this
app.get('/track/:id', requireUser, trackOrder());
app.delete('/orders/:id', requireUser, asyncHandler(removeOrder()));
function removeOrder() {
  return async (req, res) => {
    await orders.remove(req.params.id);
    res.sendStatus(204);
  };
}
` }] },
        { messageId: 'missingGate', line: 18, column: 5, endLine: 18, endColumn: 11, data: { route: 'DELETE /orders/:id', framework: 'express; its handler removeOrder() never checks a session' }, suggestions: [{ messageId: 'markPublic', output: `
import express from 'express';
const app = express();
async function loadUser(ctx, next) {
  ctx.state.user = await users.byToken(ctx.cookies.get('token'));
  await next();
}
const requireUser = (req, res, next) => {
  res.locals.user = req.user ?? null;
  next();
};
function trackOrder() {
  return (req, res) => {
    res.json(orders.find((o) => o.id === req.params.id));
  };
}
app.get('/track/:id', requireUser, trackOrder());
// agent-guard: public-route TODO: say why anyone may call this
app.delete('/orders/:id', requireUser, asyncHandler(removeOrder()));
function removeOrder() {
  return async (req, res) => {
    await orders.remove(req.params.id);
    res.sendStatus(204);
  };
}
` }] },
      ],
    },
    // --- Express ---
    {
      code: `
import express from 'express';
const app = express();
app.get('/users', async (req, res) => {
  res.json(await db.user.findMany());
});
`,
      errors: [{ messageId: 'missingGate', line: 4, column: 5, endLine: 4, endColumn: 8, data: { route: 'GET /users', framework: 'express' }, suggestions: [{ messageId: 'markPublic', output: `
import express from 'express';
const app = express();
// agent-guard: public-route TODO: say why anyone may call this
app.get('/users', async (req, res) => {
  res.json(await db.user.findMany());
});
` }] }],
    },
    {
      code: `
const express = require('express');
const app = express();
app.post('/orders', express.json(), (req, res) => res.status(201).json(req.body));
`,
      filename: 'src/app.js',
      errors: [{ messageId: 'missingGate', line: 4, column: 5, endLine: 4, endColumn: 9, data: { route: 'POST /orders', framework: 'express' }, suggestions: [{ messageId: 'markPublic', output: `
const express = require('express');
const app = express();
// agent-guard: public-route TODO: say why anyone may call this
app.post('/orders', express.json(), (req, res) => res.status(201).json(req.body));
` }] }],
    },
    // Middleware registered after the route does not protect it.
    {
      code: `
import express from 'express';
const app = express();
app.get('/reports', (req, res) => res.json(xs));
app.use(requireAuth);
app.get('/secrets', (req, res) => res.json(xs));
`,
      errors: [{ messageId: 'missingGate', line: 4, column: 5, endLine: 4, endColumn: 8, data: { route: 'GET /reports', framework: 'express' }, suggestions: [{ messageId: 'markPublic', output: `
import express from 'express';
const app = express();
// agent-guard: public-route TODO: say why anyone may call this
app.get('/reports', (req, res) => res.json(xs));
app.use(requireAuth);
app.get('/secrets', (req, res) => res.json(xs));
` }] }],
    },
    // Path-scoped middleware covers its path only.
    {
      code: `
import express from 'express';
const app = express();
app.use('/admin', requireAdmin);
app.get('/administrators', (req, res) => res.json(xs));
`,
      errors: [{ messageId: 'missingGate', line: 5, column: 5, endLine: 5, endColumn: 8, data: { route: 'GET /administrators', framework: 'express' }, suggestions: [{ messageId: 'markPublic', output: `
import express from 'express';
const app = express();
app.use('/admin', requireAdmin);
// agent-guard: public-route TODO: say why anyone may call this
app.get('/administrators', (req, res) => res.json(xs));
` }] }],
    },
    // Mounted router: prefix in the label; the mount's middleware guards only that mount.
    {
      code: `
import express from 'express';
const app = express();
const api = express.Router();
api.delete('/users/:id', (req, res) => res.sendStatus(db.drop()));
app.use('/api', express.json(), api);
`,
      errors: [{ messageId: 'missingGate', line: 5, column: 5, endLine: 5, endColumn: 11, data: { route: 'DELETE /api/users/:id', framework: 'express' }, suggestions: [{ messageId: 'markPublic', output: `
import express from 'express';
const app = express();
const api = express.Router();
// agent-guard: public-route TODO: say why anyone may call this
api.delete('/users/:id', (req, res) => res.sendStatus(db.drop()));
app.use('/api', express.json(), api);
` }] }],
    },
    {
      code: `
import express from 'express';
const app = express();
app.route('/books').get((req, res) => res.json(xs)).post(requireAuth, (req, res) => res.json(xs));
`,
      errors: [{ messageId: 'missingGate', line: 4, column: 21, endLine: 4, endColumn: 24, data: { route: 'GET /books', framework: 'express' }, suggestions: [{ messageId: 'markPublic', output: `
import express from 'express';
const app = express();
// agent-guard: public-route TODO: say why anyone may call this
app.route('/books').get((req, res) => res.json(xs)).post(requireAuth, (req, res) => res.json(xs));
` }] }],
    },
    // Look-alikes that are not gates: optional auth, user attachers, sessions, cors, helmet, rate limits, CSRF.
    // Optional auth is no gate, so a mutation behind it is reported; a READ behind it is public by
    // design (RealWorld/Conduit `router.get('/articles', auth.optional, …)`: anonymous readers get the
    // same list, signed-in ones a personalised one), see the audit cases in
    // require-auth-gate-in-route-audit-router.test.ts.
    {
      code: `
import express from 'express';
import session from 'express-session';
import cors from 'cors';
import helmet from 'helmet';
import rateLimit from 'express-rate-limit';
const app = express();
app.use(session({ secret: 's' }));
app.use(cors());
app.use(helmet());
app.use(rateLimit({ windowMs: 60000 }));
app.post('/feed', optionalAuth, (req, res) => res.json([]));
app.get('/cart', attachUser, (req, res) => res.json([]));
app.post('/transfer', csrfProtect, (req, res) => res.json({}));
app.post('/users', validateUser, (req, res) => res.json({}));
app.delete('/articles/:id', auth.optional, (req, res) => res.json([]));
app.post('/auth-limited', authLimiter, (req, res) => res.json({}));
`,
      errors: [
        { messageId: 'missingGate', line: 12, column: 5, endLine: 12, endColumn: 9, data: { route: 'POST /feed', framework: 'express' }, suggestions: [{ messageId: 'markPublic', output: `
import express from 'express';
import session from 'express-session';
import cors from 'cors';
import helmet from 'helmet';
import rateLimit from 'express-rate-limit';
const app = express();
app.use(session({ secret: 's' }));
app.use(cors());
app.use(helmet());
app.use(rateLimit({ windowMs: 60000 }));
// agent-guard: public-route TODO: say why anyone may call this
app.post('/feed', optionalAuth, (req, res) => res.json([]));
app.get('/cart', attachUser, (req, res) => res.json([]));
app.post('/transfer', csrfProtect, (req, res) => res.json({}));
app.post('/users', validateUser, (req, res) => res.json({}));
app.delete('/articles/:id', auth.optional, (req, res) => res.json([]));
app.post('/auth-limited', authLimiter, (req, res) => res.json({}));
` }] },
        { messageId: 'missingGate', line: 13, column: 5, endLine: 13, endColumn: 8, data: { route: 'GET /cart', framework: 'express' }, suggestions: [{ messageId: 'markPublic', output: `
import express from 'express';
import session from 'express-session';
import cors from 'cors';
import helmet from 'helmet';
import rateLimit from 'express-rate-limit';
const app = express();
app.use(session({ secret: 's' }));
app.use(cors());
app.use(helmet());
app.use(rateLimit({ windowMs: 60000 }));
app.post('/feed', optionalAuth, (req, res) => res.json([]));
// agent-guard: public-route TODO: say why anyone may call this
app.get('/cart', attachUser, (req, res) => res.json([]));
app.post('/transfer', csrfProtect, (req, res) => res.json({}));
app.post('/users', validateUser, (req, res) => res.json({}));
app.delete('/articles/:id', auth.optional, (req, res) => res.json([]));
app.post('/auth-limited', authLimiter, (req, res) => res.json({}));
` }] },
        { messageId: 'missingGate', line: 14, column: 5, endLine: 14, endColumn: 9, data: { route: 'POST /transfer', framework: 'express' }, suggestions: [{ messageId: 'markPublic', output: `
import express from 'express';
import session from 'express-session';
import cors from 'cors';
import helmet from 'helmet';
import rateLimit from 'express-rate-limit';
const app = express();
app.use(session({ secret: 's' }));
app.use(cors());
app.use(helmet());
app.use(rateLimit({ windowMs: 60000 }));
app.post('/feed', optionalAuth, (req, res) => res.json([]));
app.get('/cart', attachUser, (req, res) => res.json([]));
// agent-guard: public-route TODO: say why anyone may call this
app.post('/transfer', csrfProtect, (req, res) => res.json({}));
app.post('/users', validateUser, (req, res) => res.json({}));
app.delete('/articles/:id', auth.optional, (req, res) => res.json([]));
app.post('/auth-limited', authLimiter, (req, res) => res.json({}));
` }] },
        { messageId: 'missingGate', line: 15, column: 5, endLine: 15, endColumn: 9, data: { route: 'POST /users', framework: 'express' }, suggestions: [{ messageId: 'markPublic', output: `
import express from 'express';
import session from 'express-session';
import cors from 'cors';
import helmet from 'helmet';
import rateLimit from 'express-rate-limit';
const app = express();
app.use(session({ secret: 's' }));
app.use(cors());
app.use(helmet());
app.use(rateLimit({ windowMs: 60000 }));
app.post('/feed', optionalAuth, (req, res) => res.json([]));
app.get('/cart', attachUser, (req, res) => res.json([]));
app.post('/transfer', csrfProtect, (req, res) => res.json({}));
// agent-guard: public-route TODO: say why anyone may call this
app.post('/users', validateUser, (req, res) => res.json({}));
app.delete('/articles/:id', auth.optional, (req, res) => res.json([]));
app.post('/auth-limited', authLimiter, (req, res) => res.json({}));
` }] },
        { messageId: 'missingGate', line: 16, column: 5, endLine: 16, endColumn: 11, data: { route: 'DELETE /articles/:id', framework: 'express' }, suggestions: [{ messageId: 'markPublic', output: `
import express from 'express';
import session from 'express-session';
import cors from 'cors';
import helmet from 'helmet';
import rateLimit from 'express-rate-limit';
const app = express();
app.use(session({ secret: 's' }));
app.use(cors());
app.use(helmet());
app.use(rateLimit({ windowMs: 60000 }));
app.post('/feed', optionalAuth, (req, res) => res.json([]));
app.get('/cart', attachUser, (req, res) => res.json([]));
app.post('/transfer', csrfProtect, (req, res) => res.json({}));
app.post('/users', validateUser, (req, res) => res.json({}));
// agent-guard: public-route TODO: say why anyone may call this
app.delete('/articles/:id', auth.optional, (req, res) => res.json([]));
app.post('/auth-limited', authLimiter, (req, res) => res.json({}));
` }] },
        { messageId: 'missingGate', line: 17, column: 5, endLine: 17, endColumn: 9, data: { route: 'POST /auth-limited', framework: 'express' }, suggestions: [{ messageId: 'markPublic', output: `
import express from 'express';
import session from 'express-session';
import cors from 'cors';
import helmet from 'helmet';
import rateLimit from 'express-rate-limit';
const app = express();
app.use(session({ secret: 's' }));
app.use(cors());
app.use(helmet());
app.use(rateLimit({ windowMs: 60000 }));
app.post('/feed', optionalAuth, (req, res) => res.json([]));
app.get('/cart', attachUser, (req, res) => res.json([]));
app.post('/transfer', csrfProtect, (req, res) => res.json({}));
app.post('/users', validateUser, (req, res) => res.json({}));
app.delete('/articles/:id', auth.optional, (req, res) => res.json([]));
// agent-guard: public-route TODO: say why anyone may call this
app.post('/auth-limited', authLimiter, (req, res) => res.json({}));
` }] },
      ],
    },
    // A local middleware that only attaches the user is no gate.
    {
      code: `
import express from 'express';
const app = express();
function loadAccount(req, res, next) {
  req.account = lookup(req.headers['x-account']);
  next();
}
app.get('/billing', loadAccount, (req, res) => res.json({}));
`,
      errors: [{ messageId: 'missingGate', line: 8, column: 5, endLine: 8, endColumn: 8, data: { route: 'GET /billing', framework: 'express' }, suggestions: [{ messageId: 'markPublic', output: `
import express from 'express';
const app = express();
function loadAccount(req, res, next) {
  req.account = lookup(req.headers['x-account']);
  next();
}
// agent-guard: public-route TODO: say why anyone may call this
app.get('/billing', loadAccount, (req, res) => res.json({}));
` }] }],
    },
    // Session fetched and ignored
    {
      code: `
import express from 'express';
const app = express();
app.get('/profile', async (req, res) => {
  const session = await getSession(req);
  res.json(await loadProfile(req.query.id));
});
`,
      errors: [{ messageId: 'sessionUnchecked', line: 5, column: 25, endLine: 5, endColumn: 40, data: { route: 'GET /profile', framework: 'express', call: 'getSession()' } }],
    },
    {
      code: `
const express = require('express');
const app = express();
app.get('/me', (req, res) => {
  req.isAuthenticated();
  res.json({});
});
`,
      filename: 'src/app.js',
      errors: [{ messageId: 'sessionUnchecked', line: 5, column: 3, endLine: 5, endColumn: 24, data: { route: 'GET /me', framework: 'express', call: 'req.isAuthenticated()' } }],
    },
    // The optional read of the identity is no check: `req.user?.id` never throws.
    {
      code: `
import express from 'express';
const app = express();
app.get('/notes', (req, res) => res.json(listNotes(req.user?.id)));
`,
      errors: [{ messageId: 'missingGate', line: 4, column: 5, endLine: 4, endColumn: 8, data: { route: 'GET /notes', framework: 'express' }, suggestions: [{ messageId: 'markPublic', output: `
import express from 'express';
const app = express();
// agent-guard: public-route TODO: say why anyone may call this
app.get('/notes', (req, res) => res.json(listNotes(req.user?.id)));
` }] }],
    },
    // Answer before the gate
    {
      code: `
import express from 'express';
const app = express();
app.get('/docs/:id', (req, res) => {
  if (req.query.preview) return res.json(preview(req.params.id));
  if (!req.user) return res.sendStatus(401);
  res.json(full(req.params.id));
});
`,
      errors: [{ messageId: 'gateAfterResponse', line: 4, column: 5, endLine: 4, endColumn: 8, data: { route: 'GET /docs/:id', framework: 'express' } }],
    },
    // A constant file or template is not a constant answer: what it sends is elsewhere. Nor is a constant built from a variable.
    {
      code: `
import express from 'express';
const app = express();
const ok = { ok: true };
app.get('/export', (req, res) => {
  if (req.query.dl) return res.sendFile('/srv/exports/customers.csv');
  if (!req.user) return res.sendStatus(401);
  res.json(full());
});
app.get('/stats', (req, res) => {
  if (req.query.brief) return res.json(ok);
  if (!req.user) return res.sendStatus(401);
  res.json(full());
});
`,
      errors: [
        { messageId: 'gateAfterResponse', line: 5, column: 5, endLine: 5, endColumn: 8, data: { route: 'GET /export', framework: 'express' } },
        { messageId: 'gateAfterResponse', line: 10, column: 5, endLine: 10, endColumn: 8, data: { route: 'GET /stats', framework: 'express' } },
      ],
    },
    // Non-auth wrappers
    {
      code: `
import express from 'express';
const app = express();
app.get('/a', asyncHandler(async (req, res) => res.json(await all())));
`,
      errors: [{ messageId: 'missingGate', line: 4, column: 5, endLine: 4, endColumn: 8, data: { route: 'GET /a', framework: 'express' }, suggestions: [{ messageId: 'markPublic', output: `
import express from 'express';
const app = express();
// agent-guard: public-route TODO: say why anyone may call this
app.get('/a', asyncHandler(async (req, res) => res.json(await all())));
` }] }],
    },
    // A webhook under /webhooks without signature verification is open.
    {
      code: `
import express from 'express';
const app = express();
app.post('/webhooks/payments', express.json(), async (req, res) => {
  await markPaid(req.body.orderId);
  res.sendStatus(204);
});
`,
      errors: [{ messageId: 'missingGate', line: 4, column: 5, endLine: 4, endColumn: 9, data: { route: 'POST /webhooks/payments', framework: 'express' }, suggestions: [{ messageId: 'markPublic', output: `
import express from 'express';
const app = express();
// agent-guard: public-route TODO: say why anyone may call this
app.post('/webhooks/payments', express.json(), async (req, res) => {
  await markPaid(req.body.orderId);
  res.sendStatus(204);
});
` }] }],
    },
    // Comment marker without a reason: reported on the comment; the route counts as public.
    {
      code: `
import express from 'express';
const app = express();
// agent-guard: public-route
app.post('/contact', (req, res) => res.json({}));
`,
      errors: [{ messageId: 'publicReasonMissing', line: 4, column: 1, endLine: 4, endColumn: 29, data: { route: 'POST /contact' } }],
    },
    // One report for a reasonless comment over a chain of routes; the wrapper needs the settings.
    {
      code: `
import express from 'express';
const app = express();
// agent-guard: public-route
app.route('/x').get((req, res) => res.json(xs)).post((req, res) => res.json(xs));
app.get('/a', withSession(async (req, res) => res.json(xs)));
`,
      errors: [
        { messageId: 'publicReasonMissing', line: 4, column: 1, endLine: 4, endColumn: 29, data: { route: 'GET /x' } },
        { messageId: 'missingGate', line: 6, column: 5, endLine: 6, endColumn: 8, data: { route: 'GET /a', framework: 'express' }, suggestions: [{ messageId: 'markPublic', output: `
import express from 'express';
const app = express();
// agent-guard: public-route
app.route('/x').get((req, res) => res.json(xs)).post((req, res) => res.json(xs));
// agent-guard: public-route TODO: say why anyone may call this
app.get('/a', withSession(async (req, res) => res.json(xs)));
` }] },
      ],
    },
    // Router received as a parameter (no import explains it)
    {
      code: `
module.exports = function routes(app) {
  app.get('/list', (req, res) => res.json(xs));
  app.post('/secure', requireAuth, (req, res) => res.json(xs));
};
`,
      filename: 'src/routes.js',
      errors: [{ messageId: 'missingGate', line: 3, column: 7, endLine: 3, endColumn: 10, data: { route: 'GET /list', framework: 'express' }, suggestions: [{ messageId: 'markPublic', output: `
module.exports = function routes(app) {
  // agent-guard: public-route TODO: say why anyone may call this
  app.get('/list', (req, res) => res.json(xs));
  app.post('/secure', requireAuth, (req, res) => res.json(xs));
};
` }] }],
    },
    {
      code: `
import type { Router } from 'express';
export function mount(router: Router) {
  router.patch('/profile', async (req, res) => res.json(xs));
}
`,
      errors: [{ messageId: 'missingGate', line: 4, column: 10, endLine: 4, endColumn: 15, data: { route: 'PATCH /profile', framework: 'express' }, suggestions: [{ messageId: 'markPublic', output: `
import type { Router } from 'express';
export function mount(router: Router) {
  // agent-guard: public-route TODO: say why anyone may call this
  router.patch('/profile', async (req, res) => res.json(xs));
}
` }] }],
    },
    // --- suggestions from the settings vocabulary ---
    {
      code: `
import express from 'express';
const app = express();
app.get('/a', async (req, res) => {
  res.json(await all());
});
app.get('/b', (req, res) => res.json(all()));
`,
      settings: { 'agent-guard': { auth: { functions: ['requireUser'] } } },
      errors: [
        {
          messageId: 'missingGate',
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 8,
          data: { route: 'GET /a', framework: 'express' },
          suggestions: [
            {
              messageId: 'insertGate',
              data: { gate: 'requireUser' },
              output: `
import express from 'express';
const app = express();
app.get('/a', async (req, res) => {
  await requireUser(req);
  res.json(await all());
});
app.get('/b', (req, res) => res.json(all()));
`,
            },
            { messageId: 'markPublic', output: `
import express from 'express';
const app = express();
// agent-guard: public-route TODO: say why anyone may call this
app.get('/a', async (req, res) => {
  res.json(await all());
});
app.get('/b', (req, res) => res.json(all()));
` },
          ],
        },
        {
          messageId: 'missingGate',
          line: 7,
          column: 5,
          endLine: 7,
          endColumn: 8,
          data: { route: 'GET /b', framework: 'express' },
          suggestions: [
            {
              messageId: 'insertGate',
              data: { gate: 'requireUser' },
              output: `
import express from 'express';
const app = express();
app.get('/a', async (req, res) => {
  res.json(await all());
});
app.get('/b', (req, res) => { requireUser(req); return res.json(all()); });
`,
            },
            { messageId: 'markPublic', output: `
import express from 'express';
const app = express();
app.get('/a', async (req, res) => {
  res.json(await all());
});
// agent-guard: public-route TODO: say why anyone may call this
app.get('/b', (req, res) => res.json(all()));
` },
          ],
        },
      ],
    },
    {
      code: `
import express from 'express';
const app = express();
app.post('/a', upload.single('file'), async (req, res) => {});
`,
      options: [{ authFunctions: ['auth.require', '@acme/auth#gate'] }],
      errors: [
        {
          messageId: 'missingGate',
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'insertGate',
              data: { gate: 'auth.require' },
              output: `
import express from 'express';
const app = express();
app.post('/a', upload.single('file'), async (req, res) => { await auth.require(req); });
`,
            },
            {
              messageId: 'insertGateWithImport',
              data: { gate: 'gate', module: '@acme/auth' },
              output: `
import express from 'express';
import { gate } from '@acme/auth';
const app = express();
app.post('/a', upload.single('file'), async (req, res) => { await gate(req); });
`,
            },
            {
              messageId: 'markPublic',
              output: `
import express from 'express';
const app = express();
// agent-guard: public-route TODO: say why anyone may call this
app.post('/a', upload.single('file'), async (req, res) => {});
`,
            },
          ],
        },
      ],
    },
    // Gate names that would not parse as a callee (`new(req)`, `typeof(req)`) are never inserted; the first three that do are.
    {
      code: `
import express from 'express';
const app = express();
app.post('/a', upload.single('file'), async (req, res) => {});
`,
      settings: { 'agent-guard': { auth: { functions: ['new', 'typeof', '1st', 'a..b', 'class.x', 'gate.one', 'gateTwo', '$three', 'four'] } } },
      errors: [
        {
          messageId: 'missingGate',
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 9,
          suggestions: [
            ...['gate.one', 'gateTwo', '$three'].map((gate) => ({
              messageId: 'insertGate' as const,
              data: { gate },
              output: `
import express from 'express';
const app = express();
app.post('/a', upload.single('file'), async (req, res) => { await ${gate}(req); });
`,
            })),
            {
              messageId: 'markPublic',
              output: `
import express from 'express';
const app = express();
// agent-guard: public-route TODO: say why anyone may call this
app.post('/a', upload.single('file'), async (req, res) => {});
`,
            },
          ],
        },
      ],
    },
    // Globs: \`**/\` spans segments, a trailing \`/**\` covers the folder itself, \`*\` stays in one segment.
    {
      code: `
import express from 'express';
const app = express();
app.post('/a/b', (req, res) => res.json(xs));
app.post('/a/x/y/b', (req, res) => res.json(xs));
app.post('/docs', (req, res) => res.json(xs));
app.post('/v1/x/status', (req, res) => res.json(xs));
app.post('/v1/status', (req, res) => res.json(xs));
`,
      options: [{ publicRoutes: ['/a/**/b', '/docs/**', '/v*/status'] }],
      errors: [{ messageId: 'missingGate', line: 7, column: 5, endLine: 7, endColumn: 9, data: { route: 'POST /v1/x/status', framework: 'express' }, suggestions: [{ messageId: 'markPublic', output: `
import express from 'express';
const app = express();
app.post('/a/b', (req, res) => res.json(xs));
app.post('/a/x/y/b', (req, res) => res.json(xs));
app.post('/docs', (req, res) => res.json(xs));
// agent-guard: public-route TODO: say why anyone may call this
app.post('/v1/x/status', (req, res) => res.json(xs));
app.post('/v1/status', (req, res) => res.json(xs));
` }] }],
    },
    // Options: publicRoutes adds to the defaults; allowPublicGet keeps mutations; frameworks limits.
    {
      code: `
import express from 'express';
const app = express();
app.get('/catalog', (req, res) => res.json(xs));
app.post('/catalog', (req, res) => res.json(xs));
app.get('/health', (req, res) => res.json(xs));
`,
      options: [{ allowPublicGet: true, publicRoutes: ['/status/**'] }],
      errors: [{ messageId: 'missingGate', line: 5, column: 5, endLine: 5, endColumn: 9, data: { route: 'POST /catalog', framework: 'express' }, suggestions: [{ messageId: 'markPublic', output: `
import express from 'express';
const app = express();
app.get('/catalog', (req, res) => res.json(xs));
// agent-guard: public-route TODO: say why anyone may call this
app.post('/catalog', (req, res) => res.json(xs));
app.get('/health', (req, res) => res.json(xs));
` }] }],
    },
    {
      code: `
import express from 'express';
import { Hono } from 'hono';
const app = express();
app.get('/a', (req, res) => res.json([]));
const h = new Hono();
h.get('/b', (c) => c.json(xs));
`,
      options: [{ frameworks: ['hono'] }],
      errors: [{ messageId: 'missingGate', line: 7, column: 3, endLine: 7, endColumn: 6, data: { route: 'GET /b', framework: 'hono' }, suggestions: [{ messageId: 'markPublic', output: `
import express from 'express';
import { Hono } from 'hono';
const app = express();
app.get('/a', (req, res) => res.json([]));
const h = new Hono();
// agent-guard: public-route TODO: say why anyone may call this
h.get('/b', (c) => c.json(xs));
` }] }],
    },
    // --- Fastify ---
    {
      code: `
import Fastify from 'fastify';
const fastify = Fastify({ logger: true });
fastify.get('/users', async () => db.users.all());
fastify.route({ method: 'DELETE', url: '/users/:id', handler: async (request) => db.users.remove(request.params.id) });
fastify.post('/users', { schema: {} }, async (request) => db.users.create(request.body));
`,
      errors: [
        { messageId: 'missingGate', line: 4, column: 9, endLine: 4, endColumn: 12, data: { route: 'GET /users', framework: 'fastify' }, suggestions: [{ messageId: 'markPublic', output: `
import Fastify from 'fastify';
const fastify = Fastify({ logger: true });
// agent-guard: public-route TODO: say why anyone may call this
fastify.get('/users', async () => db.users.all());
fastify.route({ method: 'DELETE', url: '/users/:id', handler: async (request) => db.users.remove(request.params.id) });
fastify.post('/users', { schema: {} }, async (request) => db.users.create(request.body));
` }] },
        { messageId: 'missingGate', line: 5, column: 9, endLine: 5, endColumn: 14, data: { route: 'DELETE /users/:id', framework: 'fastify' }, suggestions: [{ messageId: 'markPublic', output: `
import Fastify from 'fastify';
const fastify = Fastify({ logger: true });
fastify.get('/users', async () => db.users.all());
// agent-guard: public-route TODO: say why anyone may call this
fastify.route({ method: 'DELETE', url: '/users/:id', handler: async (request) => db.users.remove(request.params.id) });
fastify.post('/users', { schema: {} }, async (request) => db.users.create(request.body));
` }] },
        { messageId: 'missingGate', line: 6, column: 9, endLine: 6, endColumn: 13, data: { route: 'POST /users', framework: 'fastify' }, suggestions: [{ messageId: 'markPublic', output: `
import Fastify from 'fastify';
const fastify = Fastify({ logger: true });
fastify.get('/users', async () => db.users.all());
fastify.route({ method: 'DELETE', url: '/users/:id', handler: async (request) => db.users.remove(request.params.id) });
// agent-guard: public-route TODO: say why anyone may call this
fastify.post('/users', { schema: {} }, async (request) => db.users.create(request.body));
` }] },
      ],
    },
    // A hook of a sibling plugin scope does not cover another scope; the prefix is in the label.
    {
      code: `
const fastify = require('fastify')();
fastify.register(async (admin) => {
  admin.addHook('onRequest', admin.authenticate);
  admin.get('/stats', async () => (xs));
}, { prefix: '/admin' });
fastify.register(async (api) => {
  api.get('/orders', async () => xs);
}, { prefix: '/api' });
`,
      filename: 'src/server.js',
      errors: [{ messageId: 'missingGate', line: 8, column: 7, endLine: 8, endColumn: 10, data: { route: 'GET /api/orders', framework: 'fastify' }, suggestions: [{ messageId: 'markPublic', output: `
const fastify = require('fastify')();
fastify.register(async (admin) => {
  admin.addHook('onRequest', admin.authenticate);
  admin.get('/stats', async () => (xs));
}, { prefix: '/admin' });
fastify.register(async (api) => {
  // agent-guard: public-route TODO: say why anyone may call this
  api.get('/orders', async () => xs);
}, { prefix: '/api' });
` }] }],
    },
    {
      code: `
export default async function (fastify, opts) {
  fastify.get('/orders', async (request, reply) => { return db.orders.all(); });
  fastify.post('/orders', { preValidation: [fastify.authenticate] }, async (request, reply) => { return {}; });
}
`,
      filename: 'src/routes/orders.js',
      errors: [{ messageId: 'missingGate', line: 3, column: 11, endLine: 3, endColumn: 14, data: { route: 'GET /orders', framework: 'fastify' }, suggestions: [{ messageId: 'markPublic', output: `
export default async function (fastify, opts) {
  // agent-guard: public-route TODO: say why anyone may call this
  fastify.get('/orders', async (request, reply) => { return db.orders.all(); });
  fastify.post('/orders', { preValidation: [fastify.authenticate] }, async (request, reply) => { return {}; });
}
` }] }],
    },
    // --- Koa ---
    {
      code: `
import Koa from 'koa';
import Router from '@koa/router';
const app = new Koa();
const router = new Router({ prefix: '/api' });
router.get('/public-ish', async (ctx) => { ctx.body = xs; });
router.use(requireLogin);
router.get('/private', async (ctx) => { ctx.body = xs; });
app.use(router.routes());
`,
      errors: [{ messageId: 'missingGate', line: 6, column: 8, endLine: 6, endColumn: 11, data: { route: 'GET /api/public-ish', framework: 'koa' }, suggestions: [{ messageId: 'markPublic', output: `
import Koa from 'koa';
import Router from '@koa/router';
const app = new Koa();
const router = new Router({ prefix: '/api' });
// agent-guard: public-route TODO: say why anyone may call this
router.get('/public-ish', async (ctx) => { ctx.body = xs; });
router.use(requireLogin);
router.get('/private', async (ctx) => { ctx.body = xs; });
app.use(router.routes());
` }] }],
    },
    {
      code: `
const Koa = require('koa');
const Router = require('koa-router');
const app = new Koa();
const router = new Router();
router.get('/items', async (ctx) => { ctx.body = await items(); });
app.use(router.routes());
app.use(jwt({ secret: 's' }));
`,
      filename: 'src/app.js',
      errors: [{ messageId: 'missingGate', line: 6, column: 8, endLine: 6, endColumn: 11, data: { route: 'GET /items', framework: 'koa' }, suggestions: [{ messageId: 'markPublic', output: `
const Koa = require('koa');
const Router = require('koa-router');
const app = new Koa();
const router = new Router();
// agent-guard: public-route TODO: say why anyone may call this
router.get('/items', async (ctx) => { ctx.body = await items(); });
app.use(router.routes());
app.use(jwt({ secret: 's' }));
` }] }],
    },
    // --- Hono ---
    {
      code: `
import { Hono } from 'hono';
const app = new Hono().basePath('/api');
app.get('/posts', (c) => c.json(xs));
app.use('/admin/*', bearerAuth({ token }));
app.get('/admin/users', (c) => c.json(xs));
app.on(['PUT', 'DELETE'], '/posts/:id', (c) => c.json(xs));
`,
      errors: [
        { messageId: 'missingGate', line: 4, column: 5, endLine: 4, endColumn: 8, data: { route: 'GET /api/posts', framework: 'hono' }, suggestions: [{ messageId: 'markPublic', output: `
import { Hono } from 'hono';
const app = new Hono().basePath('/api');
// agent-guard: public-route TODO: say why anyone may call this
app.get('/posts', (c) => c.json(xs));
app.use('/admin/*', bearerAuth({ token }));
app.get('/admin/users', (c) => c.json(xs));
app.on(['PUT', 'DELETE'], '/posts/:id', (c) => c.json(xs));
` }] },
        { messageId: 'missingGate', line: 7, column: 5, endLine: 7, endColumn: 7, data: { route: 'PUT/DELETE /api/posts/:id', framework: 'hono' }, suggestions: [{ messageId: 'markPublic', output: `
import { Hono } from 'hono';
const app = new Hono().basePath('/api');
app.get('/posts', (c) => c.json(xs));
app.use('/admin/*', bearerAuth({ token }));
app.get('/admin/users', (c) => c.json(xs));
// agent-guard: public-route TODO: say why anyone may call this
app.on(['PUT', 'DELETE'], '/posts/:id', (c) => c.json(xs));
` }] },
      ],
    },
    {
      code: `
import { Hono } from 'hono';
import { getAuth } from '@hono/clerk-auth';
const app = new Hono();
app.get('/me', (c) => {
  const auth = getAuth(c);
  return c.json({ userId: auth?.userId ?? null });
});
`,
      errors: [{ messageId: 'sessionUnchecked', line: 6, column: 16, endLine: 6, endColumn: 26, data: { route: 'GET /me', framework: 'hono', call: 'getAuth()' } }],
    },
    {
      code: `
import { Hono } from 'hono';
const app = new Hono();
app.get('/posts', (c) => c.json(xs));
app.use(jwt({ secret: 's' }));
`,
      filename: 'src/index.js',
      errors: [{ messageId: 'missingGate', line: 4, column: 5, endLine: 4, endColumn: 8, data: { route: 'GET /posts', framework: 'hono' }, suggestions: [{ messageId: 'markPublic', output: `
import { Hono } from 'hono';
const app = new Hono();
// agent-guard: public-route TODO: say why anyone may call this
app.get('/posts', (c) => c.json(xs));
app.use(jwt({ secret: 's' }));
` }] }],
    },
  ],
});

// The same plain-JS cases must hold with ESLint's default parser.
const espreeTester = new RuleTester({ languageOptions: { parser: espree, ecmaVersion: 'latest', sourceType: 'module' } });

espreeTester.run('require-auth-gate-in-route (espree)', rule, {
  valid: [
    {
      code: `
const express = require('express');
const app = express();
app.get('/secure', passport.authenticate('session'), (req, res) => res.json({}));
`,
      filename: 'src/app.js',
    },
  ],
  invalid: [
    {
      code: `
const express = require('express');
const router = express.Router();
router.put('/items/:id', (req, res) => res.json(xs));
`,
      filename: 'src/app.js',
      errors: [{ messageId: 'missingGate', line: 4, column: 8, endLine: 4, endColumn: 11, data: { route: 'PUT /items/:id', framework: 'express' }, suggestions: [{ messageId: 'markPublic', output: `
const express = require('express');
const router = express.Router();
// agent-guard: public-route TODO: say why anyone may call this
router.put('/items/:id', (req, res) => res.json(xs));
` }] }],
    },
  ],
});

describe('require-auth-gate-in-route options schema', () => {
  const lint = (options: unknown): Linter.LintMessage[] =>
    new Linter({ configType: 'flat' }).verify('app.get("/x", (req, res) => res.json(1));', {
      plugins: { g: { rules: { r: rule as never } } },
      rules: { 'g/r': ['error', options] },
    });

  it('rejects unknown options and wrong types', () => {
    expect(() => lint({ publicPaths: ['/x'] })).toThrow(/additional properties/u);
    expect(() => lint({ allowPublicGet: 'yes' })).toThrow(/boolean/u);
    expect(() => lint({ frameworks: ['rails'] })).toThrow(/allowed values/u);
    expect(() => lint({ authFunctions: [''] })).toThrow(/shorter than 1 characters/u);
  });

  it('accepts a full set of options', () => {
    expect(() =>
      lint({ authFunctions: ['requireUser'], authMiddleware: ['mod#guard'], publicRoutes: ['/x/**'], globalAuth: ['src/**'], allowPublicGet: true, frameworks: ['express'] }),
    ).not.toThrow();
  });
});
