import rule from '../../src/rules/require-auth-gate-in-route';
import { routeProbe } from '../frameworks/route-probe';
import { createRuleTester } from '../rule-tester';

/*
 * Patterns found by auditing the rule on public Express, Fastify, Koa and Hono code (starters,
 * RealWorld implementations, tutorials' route files). Each case is a minimal reproduction
 * written for this suite: the valid ones are gates (or public-by-design reads) the rule used to
 * miss, the invalid ones open endpoints it used to miss or must keep reporting.
 */
const ruleTester = createRuleTester();

ruleTester.run('require-auth-gate-in-route (audit: router-style)', rule, {
  valid: [
    // `requireSignin` (express-jwt tutorials: `exports.requireSignin = expressjwt({…})`) is a gate.
    {
      code: `
const express = require('express');
const { requireSignin } = require('../controllers/auth');
const router = express.Router();
router.get('/secret', requireSignin, (req, res) => {
  res.json({ message: 'you have access' });
});
module.exports = router;
`,
      filename: 'routes/auth.js',
    },
    // Optional auth on a read: public by design, personalised when signed in (RealWorld/Conduit).
    {
      code: `
import { Router, type Request, type Response } from 'express';
import auth from '../auth/auth';
const router = Router();
router.get('/articles', auth.optional, async (req: Request, res: Response) => {
  res.json(await listArticles(req.query, req.auth?.user?.id));
});
router.get('/profiles/:username', optionalAuth(), async (req: Request, res: Response) => {
  res.json(await getProfile(req.params.username));
});
export default router;
`,
      filename: 'src/routes/article.controller.ts',
    },
    // Hono on an edge runtime: the auth library's middleware built per request and run by hand.
    {
      code: `
import { Hono } from 'hono';
import { jwt } from 'hono/jwt';
import { bearerAuth } from 'hono/bearer-auth';
const app = new Hono();
app.use('/api/*', async (c, next) => {
  const mw = jwt({ secret: c.env.JWT_SECRET });
  return mw(c, next);
});
app.use('/admin/*', (c, next) => bearerAuth({ token: c.env.ADMIN_TOKEN })(c, next));
app.delete('/api/notes/:id', async (c) => c.json(await deleteNote(c.req.param('id'))));
app.post('/admin/purge', async (c) => c.json(await purge()));
export default app;
`,
    },
    // Hono: an inline `use` middleware is middleware (not a child app), and its check guards later routes.
    {
      code: `
import { Hono } from 'hono';
import { clerkMiddleware, getAuth } from '@hono/clerk-auth';
const app = new Hono();
app.use('*', clerkMiddleware());
app.use(async (c, next) => {
  const auth = getAuth(c);
  if (!auth?.userId) {
    return c.json({ message: 'Unauthorized' }, 401);
  }
  await next();
});
app.post('/projects', async (c) => c.json(await createProject(await c.req.json()), 201));
export default app;
`,
    },
    // `route(path).all(fn)` whose function hands over to `next()` is middleware, not an endpoint.
    {
      code: `
const express = require('express');
const router = express.Router();
router.route('/overview')
  .all((req, res, next) => {
    console.log(req.method, req.url);
    next();
  })
  .get(requireAuth, (req, res) => res.render('dashboard'));
module.exports = router;
`,
      filename: 'routes/dashboard.js',
    },
    {
      code: `
const express = require('express');
const router = express.Router();
router.route('/overview')
  .all((req, res, next) => {
    if (req.user) {
      next();
    } else {
      res.redirect('/auth/login');
    }
  })
  .get((req, res) => res.render('dashboard'));
module.exports = router;
`,
      filename: 'routes/dashboard.js',
    },
    // Handlers of a Fastify plugin found through the plugin's parameter, gated by its hook.
    {
      code: `
module.exports = async function (fastify) {
  fastify.addHook('onRequest', (request) => request.jwtVerify());
  fastify.delete('/items/:id', async (_request, reply) => reply.code(204).send());
};
`,
      filename: 'routes/items.js',
    },
    // Odd code around the new paths must not crash: computed `all`, spread middleware, destructured handlers.
    {
      code: `
import express from 'express';
const { list } = require('./controller');
const router = express.Router();
const method = 'all';
router.route('/x')[method](requireAuth);
router.all(...middlewares);
router.get('/list', list);
router.all('/y', (req, res, next) => next?.());
export default router;
`,
    },
  ],
  invalid: [
    // `route('/').all(auth)` guards `/` only, not the router's other paths (Express matches `all` exactly).
    {
      code: `
import express from 'express';
import passport from 'passport';
const router = express.Router();
router.route('/').all(passport.authenticate('jwt', { session: false })).post((req, res) => res.json(create(req.body)));
router.route('/:postId').get((req, res) => res.json(find(req.params.postId)));
export default router;
`,
      filename: 'src/routes/posts.routes.ts',
      errors: [{ messageId: 'missingGate', line: 6, column: 26, endLine: 6, endColumn: 29, data: { route: 'GET /:postId', framework: 'express' }, suggestions: [{ messageId: 'markPublic', output: `
import express from 'express';
import passport from 'passport';
const router = express.Router();
router.route('/').all(passport.authenticate('jwt', { session: false })).post((req, res) => res.json(create(req.body)));
// agent-guard: public-route TODO: say why anyone may call this
router.route('/:postId').get((req, res) => res.json(find(req.params.postId)));
export default router;
` }] }],
    },
    {
      code: `
const express = require('express');
const app = express();
app.all('/admin', requireAdmin);
app.delete('/admin/users/:id', (req, res) => res.json(removeUser(req.params.id)));
app.all('/api/*', requireAuth);
app.delete('/api/users/:id', (req, res) => res.json(removeUser(req.params.id)));
`,
      filename: 'server.js',
      errors: [{ messageId: 'missingGate', line: 5, column: 5, endLine: 5, endColumn: 11, data: { route: 'DELETE /admin/users/:id', framework: 'express' }, suggestions: [{ messageId: 'markPublic', output: `
const express = require('express');
const app = express();
app.all('/admin', requireAdmin);
// agent-guard: public-route TODO: say why anyone may call this
app.delete('/admin/users/:id', (req, res) => res.json(removeUser(req.params.id)));
app.all('/api/*', requireAuth);
app.delete('/api/users/:id', (req, res) => res.json(removeUser(req.params.id)));
` }] }],
    },
    // A Fastify plugin whose handlers mark the request unused, or take no parameter at all.
    {
      code: `
'use strict'
module.exports = async function (fastify) {
  fastify.post('/example/post', function (_req, reply) {
    reply.send(store.list())
  })
}
`,
      filename: 'routes/example/index.js',
      errors: [{ messageId: 'missingGate', line: 4, column: 11, endLine: 4, endColumn: 15, data: { route: 'POST /example/post', framework: 'fastify' }, suggestions: [{ messageId: 'markPublic', output: `
'use strict'
module.exports = async function (fastify) {
  // agent-guard: public-route TODO: say why anyone may call this
  fastify.post('/example/post', function (_req, reply) {
    reply.send(store.list())
  })
}
` }] }],
    },
    {
      code: `
export default async function (fastify: any) {
  fastify.delete('/cache', async () => {
    await cache.clear();
    return { ok: true };
  });
}
`,
      filename: 'src/routes/cache.ts',
      errors: [{ messageId: 'missingGate', line: 3, column: 11, endLine: 3, endColumn: 17, data: { route: 'DELETE /cache', framework: 'fastify' }, suggestions: [{ messageId: 'markPublic', output: `
export default async function (fastify: any) {
  // agent-guard: public-route TODO: say why anyone may call this
  fastify.delete('/cache', async () => {
    await cache.clear();
    return { ok: true };
  });
}
` }] }],
    },
    // Optional auth does not make a mutation public.
    {
      code: `
import { Router } from 'express';
import auth from '../auth/auth';
const router = Router();
router.post('/articles/:slug/comments', auth.optional, async (req, res) => {
  res.json(await addComment(req.body.comment, req.params.slug));
});
export default router;
`,
      filename: 'src/routes/comments.ts',
      errors: [{ messageId: 'missingGate', line: 5, column: 8, endLine: 5, endColumn: 12, data: { route: 'POST /articles/:slug/comments', framework: 'express' }, suggestions: [{ messageId: 'markPublic', output: `
import { Router } from 'express';
import auth from '../auth/auth';
const router = Router();
// agent-guard: public-route TODO: say why anyone may call this
router.post('/articles/:slug/comments', auth.optional, async (req, res) => {
  res.json(await addComment(req.body.comment, req.params.slug));
});
export default router;
` }] }],
    },
    // A hand-run middleware that is not from an auth library, and `sign` from `hono/jwt`, are no gates.
    {
      code: `
import { Hono } from 'hono';
import { logger } from 'hono/logger';
import { sign } from 'hono/jwt';
const app = new Hono();
app.use('/admin/*', async (c, next) => {
  const log = logger();
  return log(c, next);
});
app.delete('/admin/cache', async (c) => c.json(await clearCache()));
app.post('/tokens', async (c) => c.json({ token: await sign({ sub: 'x' }, c.env.SECRET) }));
export default app;
`,
      errors: [
        { messageId: 'missingGate', line: 10, column: 5, endLine: 10, endColumn: 11, data: { route: 'DELETE /admin/cache', framework: 'hono' }, suggestions: [{ messageId: 'markPublic', output: `
import { Hono } from 'hono';
import { logger } from 'hono/logger';
import { sign } from 'hono/jwt';
const app = new Hono();
app.use('/admin/*', async (c, next) => {
  const log = logger();
  return log(c, next);
});
// agent-guard: public-route TODO: say why anyone may call this
app.delete('/admin/cache', async (c) => c.json(await clearCache()));
app.post('/tokens', async (c) => c.json({ token: await sign({ sub: 'x' }, c.env.SECRET) }));
export default app;
` }] },
        { messageId: 'missingGate', line: 11, column: 5, endLine: 11, endColumn: 9, data: { route: 'POST /tokens', framework: 'hono' }, suggestions: [{ messageId: 'markPublic', output: `
import { Hono } from 'hono';
import { logger } from 'hono/logger';
import { sign } from 'hono/jwt';
const app = new Hono();
app.use('/admin/*', async (c, next) => {
  const log = logger();
  return log(c, next);
});
app.delete('/admin/cache', async (c) => c.json(await clearCache()));
// agent-guard: public-route TODO: say why anyone may call this
app.post('/tokens', async (c) => c.json({ token: await sign({ sub: 'x' }, c.env.SECRET) }));
export default app;
` }] },
      ],
    },
    // `getAuth(c)` of `@hono/clerk-auth` is a session fetch: unchecked, it is reported as such.
    {
      code: `
import { Hono } from 'hono';
import { getAuth } from '@hono/clerk-auth';
const projects = new Hono();
projects.post('/', async (c) => {
  const auth = getAuth(c);
  const row = await db.insert(await c.req.json());
  return c.json(row, 201);
});
export default projects;
`,
      errors: [{ messageId: 'sessionUnchecked', line: 6, column: 16, endLine: 6, endColumn: 26, data: { route: 'POST /', framework: 'hono', call: 'getAuth()' } }],
    },
  ],
});

/* The route model behind the cases above. */
ruleTester.run('routes (audit: router-style)', routeProbe, {
  valid: [],
  invalid: [
    // Destructured `require` is no wrapper around the handler; `all` middleware applies to its own path.
    {
      code: `
const express = require('express');
const { getProducts } = require('../controllers/productController');
const router = express.Router();
router.route('/').all(requireAuth);
router.get('/', getProducts);
router.get('/:id', getProducts);
`,
      filename: 'routes/products.js',
      errors: [
        { messageId: 'route', line: 5, column: 19, endLine: 5, endColumn: 22, data: { label: 'ALL /', framework: 'express', guards: '-', handlers: '0', extra: '' } },
        { messageId: 'route', line: 6, column: 8, endLine: 6, endColumn: 11, data: { label: 'GET /', framework: 'express', guards: 'requireAuth (router)', handlers: '0', extra: '' } },
        { messageId: 'route', line: 7, column: 8, endLine: 7, endColumn: 11, data: { label: 'GET /:id', framework: 'express', guards: '-', handlers: '0', extra: '' } },
      ],
    },
    // Hono `use` with a function keeps it as router middleware.
    {
      code: `
import { Hono } from 'hono';
const app = new Hono();
app.use(async (c, next) => { await next(); });
app.get('/x', (c) => c.text('x'));
`,
      errors: [{ messageId: 'route', line: 5, column: 5, endLine: 5, endColumn: 8, data: { label: 'GET /x', framework: 'hono', guards: 'async (c, next) => { await next(); } (router)', handlers: '1', extra: '' } }],
    },
  ],
});
