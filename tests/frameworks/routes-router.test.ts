import { createRuleTester } from '../rule-tester';
import { routeProbe } from './route-probe';

/*
 * The route model of the router-style adapters (Express, Fastify, Koa, Hono and the generic
 * fallback for routers received as parameters): each route's label with its prefixes, the
 * guards that apply to it in order with their `via`, and how many handler functions are visible.
 */
const ruleTester = createRuleTester();

ruleTester.run('routes-router', routeProbe, {
  valid: [
    // No router: nothing is a route.
    { code: `const m = new Map(); m.get('/x'); fetch('/api/users', { method: 'POST' });` },
    // Express router methods called with a function but no path.
    { code: `import express from 'express'; const app = express(); app.use((req, res, next) => next()); app.listen(3000);` },
  ],
  invalid: [
    // --- Express ---
    {
      code: `
import express from 'express';
const app = express();
const admin = express.Router();
admin.use(requireAdmin);
admin.get('/users', (req, res) => res.json([]));
app.get('/open', (req, res) => res.json(1));
app.use(requireAuth);
app.post('/x', [validate, rate], (req, res) => res.json(1));
app.use('/admin', authenticate, admin);
app.route('/r').get(h).post(auth, h);
function h(req, res) { res.json(1); }
`,
      errors: [
        { messageId: 'route', line: 6, column: 7, endLine: 6, endColumn: 10, data: { label: 'GET /admin/users', framework: 'express', guards: 'requireAuth (router), authenticate (router), requireAdmin (router)', handlers: '1', extra: '' } },
        { messageId: 'route', line: 7, column: 5, endLine: 7, endColumn: 8, data: { label: 'GET /open', framework: 'express', guards: '-', handlers: '1', extra: '' } },
        { messageId: 'route', line: 9, column: 5, endLine: 9, endColumn: 9, data: { label: 'POST /x', framework: 'express', guards: 'requireAuth (router), validate (argument), rate (argument)', handlers: '1', extra: '' } },
        { messageId: 'route', line: 11, column: 17, endLine: 11, endColumn: 20, data: { label: 'GET /r', framework: 'express', guards: 'requireAuth (router)', handlers: '1', extra: '' } },
        { messageId: 'route', line: 11, column: 24, endLine: 11, endColumn: 28, data: { label: 'POST /r', framework: 'express', guards: 'requireAuth (router), auth (argument)', handlers: '1', extra: '' } },
      ],
    },
    // Chain order: `.all(auth)` guards the later methods of its chain; catch-all `all` is middleware.
    {
      code: `
const { Router } = require('express');
const router = Router();
router.all('*', loadTenant);
router.route('/x').get(a).all(requireAuth).post((req, res) => res.json(1));
function a(req, res) { res.json(0); }
`,
      filename: 'src/routes.js',
      errors: [
        { messageId: 'route', line: 5, column: 20, endLine: 5, endColumn: 23, data: { label: 'GET /x', framework: 'express', guards: 'loadTenant (router)', handlers: '1', extra: '' } },
        { messageId: 'route', line: 5, column: 27, endLine: 5, endColumn: 30, data: { label: 'ALL /x', framework: 'express', guards: 'loadTenant (router)', handlers: '0', extra: '' } },
        { messageId: 'route', line: 5, column: 44, endLine: 5, endColumn: 48, data: { label: 'POST /x', framework: 'express', guards: 'loadTenant (router), requireAuth (router)', handlers: '1', extra: '' } },
      ],
    },
    // Wrappers around the handler are guards with `via: wrapper`; template and dynamic paths.
    {
      code: `
import express from 'express';
const app = express();
const base = '/v2';
app.get(\`\${base}/items\`, withAuth(async (req, res) => res.json([])));
app.put(pathFor('x'), asyncHandler(async function (req, res) { res.json({}); }));
`,
      errors: [
        { messageId: 'route', line: 5, column: 5, endLine: 5, endColumn: 8, data: { label: 'GET /v2/items', framework: 'express', guards: 'withAuth(async (req, res) => res.json([])) (wrapper)', handlers: '1', extra: '' } },
      ],
    },
    // `app` received as a parameter: the generic adapter judges the calls.
    {
      code: `
module.exports = (app) => {
  app.use('/api', authenticate);
  app.get('/api/me', (req, res) => res.json(req.user));
  app.get('/ping', (req, res) => res.send('pong'));
};
`,
      filename: 'src/routes.js',
      errors: [
        { messageId: 'route', line: 4, column: 7, endLine: 4, endColumn: 10, data: { label: 'GET /api/me', framework: 'express', guards: 'authenticate (router)', handlers: '1', extra: '' } },
        { messageId: 'route', line: 5, column: 7, endLine: 5, endColumn: 10, data: { label: 'GET /ping', framework: 'express', guards: '-', handlers: '1', extra: '' } },
      ],
    },
    // --- Fastify: hooks apply to the whole scope wherever they are added; register prefixes ---
    {
      code: `
import Fastify from 'fastify';
const fastify = Fastify();
fastify.get('/b', { onRequest: [fastify.authenticate] }, async (req, reply) => ({}));
fastify.route({ method: ['GET', 'POST'], url: '/c', preHandler: fastify.auth([fastify.verifyJWT]), handler: async () => ({}) });
fastify.register(async (instance) => {
  instance.addHook('onRequest', instance.authenticate);
  instance.get('/d', async () => ({}));
}, { prefix: '/v1' });
fastify.register(adminPlugin, { prefix: '/admin' });
async function adminPlugin(app) { app.post('/e', async () => ({})); }
fastify.addHook('preHandler', audit);
`,
      errors: [
        { messageId: 'route', line: 4, column: 9, endLine: 4, endColumn: 12, data: { label: 'GET /b', framework: 'fastify', guards: 'audit (hook), fastify.authenticate (hook)', handlers: '1', extra: '' } },
        { messageId: 'route', line: 5, column: 9, endLine: 5, endColumn: 14, data: { label: 'GET/POST /c', framework: 'fastify', guards: 'audit (hook), fastify.auth([fastify.verifyJWT]) (hook)', handlers: '1', extra: '' } },
        { messageId: 'route', line: 8, column: 12, endLine: 8, endColumn: 15, data: { label: 'GET /v1/d', framework: 'fastify', guards: 'audit (hook), instance.authenticate (hook)', handlers: '1', extra: '' } },
        { messageId: 'route', line: 11, column: 39, endLine: 11, endColumn: 43, data: { label: 'POST /admin/e', framework: 'fastify', guards: 'audit (hook)', handlers: '1', extra: '' } },
      ],
    },
    // A Fastify plugin module: the instance is the exported function's parameter.
    {
      code: `
import type { FastifyInstance } from 'fastify';
export default async function (fastify: FastifyInstance) {
  fastify.addHook('onRequest', fastify.authenticate);
  fastify.get('/me', async (request) => request.user);
}
`,
      errors: [{ messageId: 'route', line: 5, column: 11, endLine: 5, endColumn: 14, data: { label: 'GET /me', framework: 'fastify', guards: 'fastify.authenticate (hook)', handlers: '1', extra: '' } }],
    },
    // --- Koa / @koa/router: prefixes, `router.use` order, `app.use(router.routes())` order, nested routers ---
    {
      code: `
import Koa from 'koa';
import Router from '@koa/router';
import jwt from 'koa-jwt';
const app = new Koa();
const router = new Router({ prefix: '/api' });
router.get('/public', (ctx) => { ctx.body = 1; });
router.use(jwt({ secret: 's' }));
router.get('/users', (ctx) => { ctx.body = 1; });
const admin = new Router();
admin.get('/stats', (ctx) => { ctx.body = 1; });
app.use(router.routes());
app.use(requireAuth);
app.use(admin.routes());
router.del('/late', checkUser, async (ctx) => { ctx.body = 1; });
`,
      errors: [
        { messageId: 'route', line: 7, column: 8, endLine: 7, endColumn: 11, data: { label: 'GET /api/public', framework: 'koa', guards: '-', handlers: '1', extra: '' } },
        { messageId: 'route', line: 9, column: 8, endLine: 9, endColumn: 11, data: { label: 'GET /api/users', framework: 'koa', guards: "jwt({ secret: 's' }) (router)", handlers: '1', extra: '' } },
        { messageId: 'route', line: 11, column: 7, endLine: 11, endColumn: 10, data: { label: 'GET /stats', framework: 'koa', guards: 'requireAuth (router)', handlers: '1', extra: '' } },
        { messageId: 'route', line: 15, column: 8, endLine: 15, endColumn: 11, data: { label: 'DELETE /api/late', framework: 'koa', guards: "jwt({ secret: 's' }) (router), checkUser (argument)", handlers: '1', extra: '' } },
      ],
    },
    {
      code: `
const Router = require('@koa/router');
const api = new Router({ prefix: '/api' });
const users = new Router();
users.get('/list', (ctx) => { ctx.body = 1; });
api.use('/users', requireLogin, users.routes());
`,
      filename: 'src/api.js',
      errors: [{ messageId: 'route', line: 5, column: 7, endLine: 5, endColumn: 10, data: { label: 'GET /api/users/list', framework: 'koa', guards: 'requireLogin (router)', handlers: '1', extra: '' } }],
    },
    // --- Hono: path-scoped `use`, `on`, `route` mounts, basePath ---
    {
      code: `
import { Hono } from 'hono';
import { jwt } from 'hono/jwt';
const app = new Hono().basePath('/v1');
app.get('/open', (c) => c.json(1));
app.use('/api/*', jwt({ secret: 's' }));
app.get('/api/x', (c) => c.json(1));
app.get('/apix', (c) => c.json(1));
const admin = new Hono();
admin.use(basicAuth({ username: 'a', password: 'b' }));
admin.get('/s', (c) => c.text('x'));
app.route('/admin', admin);
app.on(['GET', 'POST'], '/on', (c) => c.json(1));
`,
      errors: [
        { messageId: 'route', line: 5, column: 5, endLine: 5, endColumn: 8, data: { label: 'GET /v1/open', framework: 'hono', guards: '-', handlers: '1', extra: '' } },
        { messageId: 'route', line: 7, column: 5, endLine: 7, endColumn: 8, data: { label: 'GET /v1/api/x', framework: 'hono', guards: "jwt({ secret: 's' }) (router)", handlers: '1', extra: '' } },
        { messageId: 'route', line: 8, column: 5, endLine: 8, endColumn: 8, data: { label: 'GET /v1/apix', framework: 'hono', guards: '-', handlers: '1', extra: '' } },
        { messageId: 'route', line: 11, column: 7, endLine: 11, endColumn: 10, data: { label: 'GET /v1/admin/s', framework: 'hono', guards: "basicAuth({ username: 'a', password: 'b' }) (router)", handlers: '1', extra: '' } },
        { messageId: 'route', line: 13, column: 5, endLine: 13, endColumn: 7, data: { label: 'GET/POST /v1/on', framework: 'hono', guards: '-', handlers: '1', extra: '' } },
      ],
    },
  ],
});
