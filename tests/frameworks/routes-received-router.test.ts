import { createRuleTester } from '../rule-tester';
import { routeProbe } from './route-probe';

/*
 * Routers the file receives (issue #15): an Express `app`/`router` handed to the file as a
 * parameter, whose registrations name imported controllers or handler factories instead of
 * inline `(req, res)` functions. The generic adapter takes the parameter as a router when its
 * type says so, when another registration on it has an inline handler, or when it has a
 * conventional name (`app`, `router`, `api`, `routes`) in a file that imports Express or chains
 * `route('/p').get(h)`. Look-alikes (settings getters, maps, caches, HTTP clients, the Next.js
 * client router) stay plain calls.
 */
const ruleTester = createRuleTester();

ruleTester.run('routes-received-router', routeProbe, {
  valid: [
    // Express settings getter on a typed app: one argument is no route.
    { code: `import type { Express } from 'express';\nexport function configure(app: Express) { const env = app.get('env'); app.set('trust proxy', 1); return env; }` },
    // Maps, caches and headers received as parameters: no path, or no handler after it.
    { code: `export function read(map: Map<string, number>, cache: { delete(id: string): void }, headers: Headers) { map.get('x'); cache.delete('/id'); return headers.get('x-user'); }` },
    // A conventional name in a file that imports Express, but no handler after the path.
    { code: `const express = require('express');\nmodule.exports = (app) => { const title = app.get('title'); app.delete('/tmp/cache'); return title; };`, filename: 'src/settings.js' },
    // The Next.js client router: `push`/`replace`/`prefetch` are navigation, not registrations.
    { code: `export function go(router) { router.push('/dashboard'); router.replace('/login', undefined, { shallow: true }); router.prefetch('/x'); }`, filename: 'src/nav.js' },
    // HTTP clients received as parameters: `client.get(url, config)` and `api.post(url, body)` without an Express import.
    { code: `export async function load(client, api, body, config) { await client.get('/users', config); await api.post('/users', body); return api.get('/users', { params: { page: 1 } }); }`, filename: 'src/client.js' },
    // An axios-style `api` parameter in a file that imports Express: an options object is no handler.
    { code: `import express from 'express';\nexport async function proxy(api) { return api.get('/upstream', { timeout: 1000 }); }\nexport const app = express();` },
    // supertest: the receiver is a call (`request(app)`), never a router.
    { code: `import request from 'supertest';\nimport express from 'express';\nexport async function check(app) { await request(app).get('/x').expect(200); await request(app).post('/y').send({}); }` },
    // A parameter with another name, no type and no inline handler: unknown, not guessed.
    { code: `import express from 'express';\nexport function mount(server) { server.get('/x', controller.x); }` },
    // Hono's `route('/p', sub)` mounts a sub-app; it is no `route('/p').get(h)` chain.
    { code: `export default (api) => { api.route('/users', users); };`, filename: 'src/mount.js' },
  ],
  invalid: [
    // (a) The type names an Express app: handlers from factories and middleware calls.
    {
      code: `
import express from 'express';
import * as security from './security';
export function configureApp(app: ReturnType<typeof express>) {
  app.get('/rest/memories', getMemories());
  app.post('/rest/basket', security.isAuthorized(), addToBasket());
  app.use('/api/Users', security.isAuthorized());
  app.get('/api/Users', listUsers);
}
`,
      errors: [
        { messageId: 'route', line: 5, column: 7, endLine: 5, endColumn: 10, data: { label: 'GET /rest/memories', framework: 'express', guards: 'getMemories() (wrapper)', handlers: '0', extra: '' } },
        { messageId: 'route', line: 6, column: 7, endLine: 6, endColumn: 11, data: { label: 'POST /rest/basket', framework: 'express', guards: 'security.isAuthorized() (argument), addToBasket() (wrapper)', handlers: '0', extra: '' } },
        { messageId: 'route', line: 8, column: 7, endLine: 8, endColumn: 10, data: { label: 'GET /api/Users', framework: 'express', guards: 'security.isAuthorized() (router)', handlers: '0', extra: '' } },
      ],
    },
    // (a) Other spellings of the type: `express.Router`, `ReturnType<typeof Router>`, `ReturnType<typeof express.Router>`, `Application`.
    {
      code: `
import express, { Router, Application } from 'express';
export function a(router: express.Router) { router.get('/a', ctrl.a); }
export function b(r: ReturnType<typeof Router>) { r.post('/b', ctrl.b); }
export function c(r: ReturnType<typeof express.Router>) { r.put('/c', requireAuth, ctrl.c); }
export function d(server: Application) { server.delete('/d', ctrl.d); }
`,
      errors: [
        { messageId: 'route', line: 3, column: 52, endLine: 3, endColumn: 55, data: { label: 'GET /a', framework: 'express', guards: '-', handlers: '0', extra: '' } },
        { messageId: 'route', line: 4, column: 53, endLine: 4, endColumn: 57, data: { label: 'POST /b', framework: 'express', guards: '-', handlers: '0', extra: '' } },
        { messageId: 'route', line: 5, column: 61, endLine: 5, endColumn: 64, data: { label: 'PUT /c', framework: 'express', guards: 'requireAuth (argument)', handlers: '0', extra: '' } },
        { messageId: 'route', line: 6, column: 49, endLine: 6, endColumn: 55, data: { label: 'DELETE /d', framework: 'express', guards: '-', handlers: '0', extra: '' } },
      ],
    },
    // (b) One inline `(req, res)` registration makes the receiver a router for its other registrations too.
    {
      code: `
module.exports = function (server, controllers) {
  server.get('/health', (req, res) => res.send('ok'));
  server.get('/orders', controllers.orders.list);
  server.post('/orders', authenticate, controllers.orders.create);
};
`,
      filename: 'src/routes.js',
      errors: [
        { messageId: 'route', line: 3, column: 10, endLine: 3, endColumn: 13, data: { label: 'GET /health', framework: 'express', guards: '-', handlers: '1', extra: '' } },
        { messageId: 'route', line: 4, column: 10, endLine: 4, endColumn: 13, data: { label: 'GET /orders', framework: 'express', guards: '-', handlers: '0', extra: '' } },
        { messageId: 'route', line: 5, column: 10, endLine: 5, endColumn: 14, data: { label: 'POST /orders', framework: 'express', guards: 'authenticate (argument)', handlers: '0', extra: '' } },
      ],
    },
    // (c) `module.exports = (router) => { router.route('/p').get(ctrl.x) }` with controllers imported, no Express import.
    {
      code: `
const controller = require('../controllers/notes');
const { validateToken } = require('../utils');
module.exports = (router) => {
  router.route('/v1/info').get(controller.info);
  router.route('/v2/notes')
    .get(validateToken, controller.list)
    .post(controller.create);
};
`,
      filename: 'routes/notes.js',
      errors: [
        { messageId: 'route', line: 5, column: 28, endLine: 5, endColumn: 31, data: { label: 'GET /v1/info', framework: 'express', guards: '-', handlers: '0', extra: '' } },
        { messageId: 'route', line: 7, column: 6, endLine: 7, endColumn: 9, data: { label: 'GET /v2/notes', framework: 'express', guards: 'validateToken (argument)', handlers: '0', extra: '' } },
        { messageId: 'route', line: 8, column: 6, endLine: 8, endColumn: 10, data: { label: 'POST /v2/notes', framework: 'express', guards: '-', handlers: '0', extra: '' } },
      ],
    },
    // (c) A conventional name in a file that imports Express; `use(path, …)` middleware guards the later routes.
    {
      code: `
const express = require('express');
const users = require('./controllers/users');
const { requireLogin } = require('./middleware/auth');
module.exports = function routes(app) {
  app.get('/api/status', users.status);
  app.use('/api/users', requireLogin);
  app.get('/api/users/:id', users.show);
  app.get(\`/api/export\`, asyncHandler(users.exportAll));
};
`,
      filename: 'src/routes.js',
      errors: [
        { messageId: 'route', line: 6, column: 7, endLine: 6, endColumn: 10, data: { label: 'GET /api/status', framework: 'express', guards: '-', handlers: '0', extra: '' } },
        { messageId: 'route', line: 8, column: 7, endLine: 8, endColumn: 10, data: { label: 'GET /api/users/:id', framework: 'express', guards: 'requireLogin (router)', handlers: '0', extra: '' } },
        { messageId: 'route', line: 9, column: 7, endLine: 9, endColumn: 10, data: { label: 'GET /api/export', framework: 'express', guards: 'asyncHandler(users.exportAll) (wrapper)', handlers: '0', extra: '' } },
      ],
    },
  ],
});
