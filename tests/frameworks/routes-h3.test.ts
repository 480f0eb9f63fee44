import { describe, expect, it } from 'vitest';

import { h3FileRoute } from '../../src/frameworks/h3';
import { createRuleTester } from '../rule-tester';
import { routeProbe } from './route-probe';

/*
 * The h3 / Nitro / Nuxt route model: `server/api` and `server/routes` file routes (method and
 * path from the file name, default-exported `defineEventHandler`), the object syntax's
 * `onRequest` hooks, and h3 routers (`createRouter()`, `new H3()`) with `app.use` middleware.
 */
describe('h3FileRoute', () => {
  it.each([
    ['/repo/server/api/users/[id].delete.ts', 'DELETE', '/api/users/[id]'],
    ['/repo/server/api/users/index.get.ts', 'GET', '/api/users'],
    ['/repo/server/api/users/index.ts', 'ALL', '/api/users'],
    ['/repo/server/api/index.post.js', 'POST', '/api'],
    ['/repo/server/api/[...slug].ts', 'ALL', '/api/[...slug]'],
    ['/repo/server/api/(admin)/stats.get.ts', 'GET', '/api/stats'],
    ['/repo/server/api/stats.get.dev.ts', 'GET', '/api/stats'],
    ['/repo/server/api/report.patch.mjs', 'PATCH', '/api/report'],
    ['/repo/server/routes/index.ts', 'ALL', '/'],
    ['/repo/server/routes/feed.xml.get.ts', 'GET', '/feed.xml'],
    ['/repo/layers/base/server/routes/hooks/[name].post.ts', 'POST', '/hooks/[name]'],
  ])('%s → %s %s', (file, method, path) => {
    expect(h3FileRoute(file)).toEqual({ method, path });
  });

  it.each(['/repo/server/middleware/auth.ts', '/repo/server/utils/db.ts', '/repo/server/plugins/init.ts', '/repo/api/users.ts', '/repo/server/api/users.vue'])(
    '%s is not a route',
    (file) => {
      expect(h3FileRoute(file)).toBeNull();
    },
  );
});

const ruleTester = createRuleTester();

ruleTester.run('routes-h3', routeProbe, {
  valid: [
    // Server middleware, utils and plugins are not routes (middleware guards routes from elsewhere).
    { code: 'export default defineEventHandler((event) => { event.context.user = getUser(event); });', filename: 'server/middleware/auth.ts' },
    { code: 'export default defineEventHandler((event) => db.all());', filename: 'server/utils/handler.ts' },
    // Outside `server/`: a default-exported handler is not file-routed.
    { code: 'export default defineEventHandler((event) => db.all());', filename: 'src/handler.ts' },
    // Not an h3 factory: a local function of the same name, a custom factory (its body is elsewhere).
    { code: 'function defineEventHandler(fn) { return fn; }\nexport default defineEventHandler((event) => db.all());', filename: 'server/api/users.get.ts' },
    { code: 'export default defineWrappedResponseHandler(async (event) => db.all());', filename: 'server/api/users.get.ts' },
    // No default export, or a non-handler default export.
    { code: 'export const handler = defineEventHandler((event) => db.all());', filename: 'server/api/users.get.ts' },
    { code: 'export default { name: "x" };', filename: 'server/api/users.get.ts' },
    // Routers without an h3 import (and globals outside `server/`) are not h3's.
    { code: 'const router = createRouter();\nrouter.get("/x", eventHandler(() => 1));', filename: 'src/router.ts' },
    // Odd code: optional call, shadowed import.
    { code: 'export default defineEventHandler?.((event) => db.all());', filename: 'server/api/users.get.ts' },
  ],
  invalid: [
    {
      // Nuxt: auto-imported factory, method and path from the file name.
      code: `export default defineEventHandler(async (event) => {
  const id = getRouterParam(event, 'id');
  return db.user.delete({ where: { id } });
});
`,
      filename: 'server/api/users/[id].delete.ts',
      errors: [{ messageId: 'route', line: 1, column: 16, endLine: 1, endColumn: 34, data: { label: 'DELETE /api/users/[id]', framework: 'h3', guards: '-', handlers: '1', extra: '; file-routed' } }],
    },
    {
      // Imported (and aliased) factories; the cached variant.
      code: `import { eventHandler as handle } from 'h3';
export default handle((event) => ({ ok: true }));
`,
      filename: 'server/routes/status.js',
      errors: [{ messageId: 'route', line: 2, column: 16, endLine: 2, endColumn: 22, data: { label: 'ALL /status', framework: 'h3', guards: '-', handlers: '1', extra: '; file-routed' } }],
    },
    {
      code: 'export default defineCachedEventHandler(async () => db.stats(), { maxAge: 60 });\n',
      filename: 'server/api/stats.get.ts',
      errors: [{ messageId: 'route', line: 1, column: 16, endLine: 1, endColumn: 40, data: { label: 'GET /api/stats', framework: 'h3', guards: '-', handlers: '1', extra: '; file-routed' } }],
    },
    {
      // Object syntax: `onRequest` hooks guard, `onBeforeResponse` runs after the handler.
      code: `import { defineEventHandler } from 'h3';
export default defineEventHandler({
  onRequest: [requireAdmin, rateLimit],
  onBeforeResponse: [logResponse],
  handler: async (event) => db.all(),
});
`,
      filename: 'server/api/admin/users.get.ts',
      errors: [
        {
          messageId: 'route',
          line: 2,
          column: 16,
          endLine: 2,
          endColumn: 34,
          data: { label: 'GET /api/admin/users', framework: 'h3', guards: 'requireAdmin (hook), rateLimit (hook)', handlers: '1', extra: '; file-routed' },
        },
      ],
    },
    {
      // A wrapper around the factory, and a handler declared before the export.
      code: `const handler = withAuth(defineEventHandler(async (event) => db.all()));
export default handler;
`,
      filename: 'server/api/orders.get.ts',
      errors: [
        { messageId: 'route', line: 1, column: 26, endLine: 1, endColumn: 44, data: { label: 'GET /api/orders', framework: 'h3', guards: 'withAuth(defineEventHandler(async (event) => db.all())) (wrapper)', handlers: '1', extra: '; file-routed' } },
      ],
    },
    {
      // Odd code: zero arguments, spread arguments: a route whose handler is not visible.
      code: 'export default defineEventHandler(...handlers);\n',
      filename: 'server/api/odd.ts',
      errors: [{ messageId: 'route', line: 1, column: 16, endLine: 1, endColumn: 34, data: { label: 'ALL /api/odd', framework: 'h3', guards: '-', handlers: '0', extra: '; file-routed' } }],
    },
    {
      // h3 v1: `createRouter()` routes mounted on `createApp()` after an auth middleware; `add` names its method last.
      code: `import { createApp, createRouter, defineEventHandler, eventHandler } from 'h3';
const app = createApp();
app.use(defineEventHandler((event) => {
  if (!event.context.user) throw createError({ statusCode: 401 });
}));
const router = createRouter();
app.use(router);
router.get('/users', defineEventHandler(async (event) => listUsers()));
router.add('/users', eventHandler(async (event) => createUser(await readBody(event))), 'post');
router.post('/users/:id', defineEventHandler({ onRequest: [requireAdmin], handler: async (event) => update(event) }));
`,
      errors: [
        {
          messageId: 'route',
          line: 8,
          column: 8,
          endLine: 8,
          endColumn: 11,
          data: {
            label: 'GET /users',
            framework: 'h3',
            guards: `defineEventHandler((event) => {
  if (!event.context.user) throw createError({ statusCode: 401 });
}) (router)`,
            handlers: '1',
            extra: '',
          },
        },
        {
          messageId: 'route',
          line: 9,
          column: 8,
          endLine: 9,
          endColumn: 11,
          data: {
            label: 'POST /users',
            framework: 'h3',
            guards: `defineEventHandler((event) => {
  if (!event.context.user) throw createError({ statusCode: 401 });
}) (router)`,
            handlers: '1',
            extra: '',
          },
        },
        {
          messageId: 'route',
          line: 10,
          column: 8,
          endLine: 10,
          endColumn: 12,
          data: {
            label: 'POST /users/:id',
            framework: 'h3',
            guards: `defineEventHandler((event) => {
  if (!event.context.user) throw createError({ statusCode: 401 });
}) (router), requireAdmin (hook)`,
            handlers: '1',
            extra: '',
          },
        },
      ],
    },
    {
      // Middleware registered after the mount guards nothing; chained registrations.
      code: `const { createApp, createRouter, eventHandler } = require('h3');
const app = createApp();
const router = createRouter()
  .get('/health', eventHandler(() => 'ok'))
  .delete('/cache', eventHandler(() => flush()));
app.use(router);
app.use(eventHandler(requireAuth));
`,
      filename: 'server.js',
      errors: [
        { messageId: 'route', line: 4, column: 4, endLine: 4, endColumn: 7, data: { label: 'GET /health', framework: 'h3', guards: '-', handlers: '1', extra: '' } },
        { messageId: 'route', line: 5, column: 4, endLine: 5, endColumn: 10, data: { label: 'DELETE /cache', framework: 'h3', guards: '-', handlers: '1', extra: '' } },
      ],
    },
    {
      // h3 v2: `new H3()`, route `middleware` option, plain function handlers, `mount`.
      code: `import { H3, defineHandler } from 'h3';
const api = new H3();
api.use(requireAuth);
api.get('/me', (event) => event.context.user);
const app = new H3();
app.post('/upload', defineHandler(async (event) => save(event)), { middleware: [verifyToken] });
app.mount('/api', api);
`,
      errors: [
        { messageId: 'route', line: 4, column: 5, endLine: 4, endColumn: 8, data: { label: 'GET /api/me', framework: 'h3', guards: 'requireAuth (router)', handlers: '1', extra: '' } },
        { messageId: 'route', line: 6, column: 5, endLine: 6, endColumn: 9, data: { label: 'POST /upload', framework: 'h3', guards: 'verifyToken (hook)', handlers: '1', extra: '' } },
      ],
    },
    {
      // Nitro: auto-imported `createRouter` under `server/`.
      code: `const router = createRouter();
router.get('/items', defineEventHandler(() => db.items()));
export default useBase('/api/v2', router.handler);
`,
      filename: 'server/routes/api/v2/[...].ts',
      errors: [{ messageId: 'route', line: 2, column: 8, endLine: 2, endColumn: 11, data: { label: 'GET /items', framework: 'h3', guards: '-', handlers: '1', extra: '' } }],
    },
  ],
});
