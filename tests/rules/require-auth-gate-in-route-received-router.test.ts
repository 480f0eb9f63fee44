import rule from '../../src/rules/require-auth-gate-in-route';
import { createRuleTester } from '../rule-tester';

/*
 * Routes registered on an Express app or router the file receives as a parameter (issue #15):
 * `configureApp(app: Express)`, `module.exports = (router) => { router.route('/x').get(h) }`,
 * with handlers made by factories (`listInvoices()`) rather than written inline. Gated and open
 * variant of each shape, and the look-alikes that register nothing (settings getters, HTTP
 * clients, the Next.js client router, maps and caches).
 */
const ruleTester = createRuleTester();

const FACTORIES = `
function listInvoices() {
  return async (req, res) => { res.json(await db.invoices.findAll()); };
}
function exportAll() {
  return async (req, res) => { res.json(await db.users.findAll()); };
}
`;

ruleTester.run('require-auth-gate-in-route (received routers)', rule, {
  valid: [
    // Typed app, every route behind a gate: an argument, or `use` before the routes.
    {
      code: `
import type { Express } from 'express';
import { requireAuth } from './auth';
${FACTORIES}
export function configureApp(app: Express) {
  app.get('/api/invoices', requireAuth, listInvoices());
  app.use('/api/admin', requireAuth);
  app.get('/api/admin/export', exportAll());
}
`,
    },
    // A conventional parameter in a route() chain, gated by router-level middleware.
    {
      code: `
const { verifyToken } = require('../middleware/auth');
${FACTORIES}
module.exports = (router) => {
  router.use(verifyToken);
  router.route('/v2/export').get(exportAll()).post(exportAll());
};
`,
      filename: 'routes/export.js',
    },
    // Express settings getter and setter on the received app: not routes.
    {
      code: `
import type { Application } from 'express';
export function configure(app: Application) {
  app.set('trust proxy', 1);
  return app.get('env') === 'production';
}
`,
    },
    // HTTP clients and the Next.js client router received as parameters: requests and navigation, not routes.
    {
      code: `
export async function sync(api, client, router, config) {
  const users = await api.get('/users', config);
  await client.post('/audit', { count: users.length });
  router.push('/done');
}
`,
      filename: 'src/sync.js',
    },
    // Maps, caches and headers: a path-like key is no registration.
    {
      code: `
import express from 'express';
export function evict(routes: Map<string, () => void>, cache: Map<string, unknown>, headers: Headers) {
  routes.get('/x')?.();
  cache.delete('/api/users');
  return headers.get('/x');
}
export const app = express();
`,
    },
    // Login and health are public by design, on a received router too.
    {
      code: `
const express = require('express');
function login() { return async (req, res) => { res.json({ token: await issue(req.body) }); }; }
function health() { return (req, res) => res.send('ok'); }
module.exports = function routes(app) {
  app.post('/api/auth/login', login());
  app.get('/health', health());
};
`,
      filename: 'src/routes.js',
    },
  ],
  invalid: [
    // Fastify's by the receiver's name or the plugin's declared type, whatever a handler's parameters are called.
    {
      code: `
import type { FastifyPluginAsync } from 'fastify';
export default async function tasks(fastify) {
  fastify.get('/tasks', async function (request) { return repo.list(request.query); });
  fastify.delete('/tasks/:id', async function (request, reply) { await repo.remove(request.params.id); reply.code(204); });
}
export const plugin: FastifyPluginAsync = async (app) => {
  app.get('/notes/:id', async (request) => repo.note(request.params.id));
};
`,
      filename: 'routes/tasks.ts',
      errors: [
        { messageId: 'missingGate', line: 4, column: 11, endLine: 4, endColumn: 14, data: { route: 'GET /tasks', framework: 'fastify' }, suggestions: [{ messageId: 'markPublic', output: `
import type { FastifyPluginAsync } from 'fastify';
export default async function tasks(fastify) {
  // agent-guard: public-route TODO: say why anyone may call this
  fastify.get('/tasks', async function (request) { return repo.list(request.query); });
  fastify.delete('/tasks/:id', async function (request, reply) { await repo.remove(request.params.id); reply.code(204); });
}
export const plugin: FastifyPluginAsync = async (app) => {
  app.get('/notes/:id', async (request) => repo.note(request.params.id));
};
` }] },
        { messageId: 'missingGate', line: 5, column: 11, endLine: 5, endColumn: 17, data: { route: 'DELETE /tasks/:id', framework: 'fastify' }, suggestions: [{ messageId: 'markPublic', output: `
import type { FastifyPluginAsync } from 'fastify';
export default async function tasks(fastify) {
  fastify.get('/tasks', async function (request) { return repo.list(request.query); });
  // agent-guard: public-route TODO: say why anyone may call this
  fastify.delete('/tasks/:id', async function (request, reply) { await repo.remove(request.params.id); reply.code(204); });
}
export const plugin: FastifyPluginAsync = async (app) => {
  app.get('/notes/:id', async (request) => repo.note(request.params.id));
};
` }] },
        { messageId: 'missingGate', line: 8, column: 7, endLine: 8, endColumn: 10, data: { route: 'GET /notes/:id', framework: 'fastify' }, suggestions: [{ messageId: 'markPublic', output: `
import type { FastifyPluginAsync } from 'fastify';
export default async function tasks(fastify) {
  fastify.get('/tasks', async function (request) { return repo.list(request.query); });
  fastify.delete('/tasks/:id', async function (request, reply) { await repo.remove(request.params.id); reply.code(204); });
}
export const plugin: FastifyPluginAsync = async (app) => {
  // agent-guard: public-route TODO: say why anyone may call this
  app.get('/notes/:id', async (request) => repo.note(request.params.id));
};
` }] },
      ],
    },
    // (a) Typed app: a factory-made handler with no gate; the gated sibling and the settings getter are not reported.
    {
      code: `
import type { Express } from 'express';
import { requireAuth } from './auth';
${FACTORIES}
export function configureApp(app: Express) {
  app.get('/api/invoices', listInvoices());
  app.get('/api/users/export', requireAuth, exportAll());
  return app.get('env');
}
`,
      errors: [{ messageId: 'missingGate', line: 13, column: 7, endLine: 13, endColumn: 10, suggestions: [{ messageId: 'markPublic', output: `
import type { Express } from 'express';
import { requireAuth } from './auth';

function listInvoices() {
  return async (req, res) => { res.json(await db.invoices.findAll()); };
}
function exportAll() {
  return async (req, res) => { res.json(await db.users.findAll()); };
}

export function configureApp(app: Express) {
  // agent-guard: public-route TODO: say why anyone may call this
  app.get('/api/invoices', listInvoices());
  app.get('/api/users/export', requireAuth, exportAll());
  return app.get('env');
}
` }] }],
    },
    // (a) `ReturnType<typeof express>`, the juice-shop spelling.
    {
      code: `
import express from 'express';
${FACTORIES}
export function configureApp(app: ReturnType<typeof express>) {
  app.post('/rest/export', exportAll());
}
`,
      errors: [{ messageId: 'missingGate', line: 12, column: 7, endLine: 12, endColumn: 11, suggestions: [{ messageId: 'markPublic', output: `
import express from 'express';

function listInvoices() {
  return async (req, res) => { res.json(await db.invoices.findAll()); };
}
function exportAll() {
  return async (req, res) => { res.json(await db.users.findAll()); };
}

export function configureApp(app: ReturnType<typeof express>) {
  // agent-guard: public-route TODO: say why anyone may call this
  app.post('/rest/export', exportAll());
}
` }] }],
    },
    // (b) An inline `(req, res)` sibling shows the receiver is a router: its factory routes are judged too.
    {
      code: `
${FACTORIES}
module.exports = function (server) {
  server.get('/ping', (req, res) => res.send('pong'));
  server.get('/invoices', listInvoices());
};
`,
      filename: 'src/server-routes.js',
      errors: [{ messageId: 'missingGate', line: 12, column: 10, endLine: 12, endColumn: 13, suggestions: [{ messageId: 'markPublic', output: `

function listInvoices() {
  return async (req, res) => { res.json(await db.invoices.findAll()); };
}
function exportAll() {
  return async (req, res) => { res.json(await db.users.findAll()); };
}

module.exports = function (server) {
  server.get('/ping', (req, res) => res.send('pong'));
  // agent-guard: public-route TODO: say why anyone may call this
  server.get('/invoices', listInvoices());
};
` }] }],
    },
    // (c) `module.exports = (router) => { router.route(path).get(h) }` without an Express import: the open method of the chain.
    {
      code: `
const { verifyToken } = require('../middleware/auth');
${FACTORIES}
module.exports = (router) => {
  router.route('/v2/export')
    .get(exportAll())
    .post(verifyToken, exportAll());
};
`,
      filename: 'routes/export.js',
      errors: [{ messageId: 'missingGate', line: 13, column: 6, endLine: 13, endColumn: 9, suggestions: [{ messageId: 'markPublic', output: `
const { verifyToken } = require('../middleware/auth');

function listInvoices() {
  return async (req, res) => { res.json(await db.invoices.findAll()); };
}
function exportAll() {
  return async (req, res) => { res.json(await db.users.findAll()); };
}

module.exports = (router) => {
  // agent-guard: public-route TODO: say why anyone may call this
  router.route('/v2/export')
    .get(exportAll())
    .post(verifyToken, exportAll());
};
` }] }],
    },
    // (c) A conventional `app` parameter in a file that imports Express: the route before `use(path, gate)` stays open.
    {
      code: `
const express = require('express');
const { requireAdmin } = require('./middleware');
${FACTORIES}
module.exports = (app) => {
  app.get('/api/admin/invoices', listInvoices());
  app.use('/api/admin', requireAdmin);
  app.get('/api/admin/export', exportAll());
};
`,
      filename: 'src/admin-routes.js',
      errors: [{ messageId: 'missingGate', line: 13, column: 7, endLine: 13, endColumn: 10, suggestions: [{ messageId: 'markPublic', output: `
const express = require('express');
const { requireAdmin } = require('./middleware');

function listInvoices() {
  return async (req, res) => { res.json(await db.invoices.findAll()); };
}
function exportAll() {
  return async (req, res) => { res.json(await db.users.findAll()); };
}

module.exports = (app) => {
  // agent-guard: public-route TODO: say why anyone may call this
  app.get('/api/admin/invoices', listInvoices());
  app.use('/api/admin', requireAdmin);
  app.get('/api/admin/export', exportAll());
};
` }] }],
    },
  ],
});
