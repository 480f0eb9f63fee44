import rule from '../../src/rules/require-auth-gate-in-route';
import { createRuleTester } from '../rule-tester';

/*
 * require-auth-gate-in-route on h3 / Nitro / Nuxt: `server/api` and `server/routes` file
 * routes, the object syntax's `onRequest` hooks, h3 routers, and the gates Nuxt projects use
 * (nuxt-auth-utils, sidebase/nuxt-auth, `event.context.user` set by server middleware).
 */
const ruleTester = createRuleTester();

ruleTester.run('require-auth-gate-in-route (h3)', rule, {
  valid: [
    // --- gated in the handler ---
    {
      // nuxt-auth-utils: `requireUserSession` throws 401 itself.
      code: `export default defineEventHandler(async (event) => {
  const { user } = await requireUserSession(event);
  const body = await readBody(event);
  return db.insert(todos).values({ ...body, userId: user.id }).returning();
});
`,
      filename: 'server/api/todos/index.post.ts',
    },
    {
      // nuxt-auth-utils: `getUserSession` and a check (JS).
      code: `export default defineEventHandler(async (event) => {
  const session = await getUserSession(event);
  if (!session.user) {
    throw createError({ statusCode: 401, statusMessage: 'Unauthorized' });
  }
  return useDrizzle().select().from(tables.todos).where(eq(tables.todos.userId, session.user.id));
});
`,
      filename: 'server/api/todos.get.js',
    },
    {
      // sidebase/nuxt-auth: `getServerSession` from `#auth`, imported h3 factory.
      code: `import { defineEventHandler, createError } from 'h3';
import { getServerSession } from '#auth';
export default defineEventHandler(async (event) => {
  const session = await getServerSession(event);
  if (!session) {
    throw createError({ statusMessage: 'Unauthenticated', statusCode: 403 });
  }
  return prisma.invoice.findMany({ where: { ownerId: session.user.id } });
});
`,
      filename: 'server/api/invoices/index.get.ts',
    },
    {
      // Identity set by a server middleware, checked in the route.
      code: `export default eventHandler(async (event) => {
  if (!event.context.user) {
    throw createError({ statusCode: 401 });
  }
  const id = getRouterParam(event, 'id');
  return db.project.delete({ where: { id, ownerId: event.context.user.id } });
});
`,
      filename: 'server/api/projects/[id].delete.ts',
    },
    {
      // `event.context.auth` (an API-key middleware), cached handler.
      code: `export default defineCachedEventHandler(async (event) => {
  if (!event.context.auth) throw createError({ statusCode: 401 });
  return getUsageReport();
}, { maxAge: 60 });
`,
      filename: 'server/api/usage.get.ts',
    },
    // --- gated by hooks and wrappers ---
    {
      // Object syntax: `onRequest` hooks run before the handler.
      code: `export default defineEventHandler({
  onRequest: [requireAuth],
  handler: async (event) => db.users.findMany(),
});
`,
      filename: 'server/api/admin/users.get.ts',
    },
    {
      // An inline `onRequest` hook that checks the identity.
      code: `export default defineEventHandler({
  onRequest: [
    (event) => {
      if (!event.context.user) throw createError({ statusCode: 401 });
    },
  ],
  async handler(event) {
    return db.settings.update(await readBody(event));
  },
});
`,
      filename: 'server/api/settings.patch.ts',
    },
    {
      // A project wrapper named like a gate around the factory.
      code: `export default withAuth(defineEventHandler(async (event) => db.orders.findMany()));
`,
      filename: 'server/api/orders.get.ts',
    },
    {
      // A project handler factory (defined in server/utils): its body is not visible, so the file is no route.
      code: `export default defineAuthenticatedEventHandler(async (event, user) => db.orders.findMany({ where: { userId: user.id } }));
`,
      filename: 'server/api/orders.get.ts',
    },
    {
      // h3 v1 router mounted after an auth middleware.
      code: `import { createApp, createRouter, defineEventHandler, createError } from 'h3';
const app = createApp();
app.use(defineEventHandler((event) => {
  if (!event.context.user) throw createError({ statusCode: 401 });
}));
const router = createRouter();
router.get('/users', defineEventHandler(() => listUsers()));
router.post('/users', defineEventHandler(async (event) => createUser(await readBody(event))));
app.use(router);
`,
      filename: 'src/app.ts',
    },
    {
      // h3 v2: route `middleware` option.
      code: `import { H3 } from 'h3';
const app = new H3();
app.post('/upload', async (event) => save(await event.req.formData()), { middleware: [verifyToken] });
`,
    },
    {
      // Webhook: the signature check is the gate.
      code: `import Stripe from 'stripe';
const stripe = new Stripe(useRuntimeConfig().stripeSecret);
export default defineEventHandler(async (event) => {
  const body = await readRawBody(event);
  const signature = getHeader(event, 'stripe-signature');
  const stripeEvent = stripe.webhooks.constructEvent(body, signature, useRuntimeConfig().stripeWebhookSecret);
  await handleStripeEvent(stripeEvent);
  return { received: true };
});
`,
      filename: 'server/api/webhooks/stripe.post.ts',
    },
    // --- public by design ---
    { code: 'export default defineEventHandler(async () => db.posts.findMany({ where: { published: true } }));\n', filename: 'server/api/public/posts.get.ts' },
    { code: 'export default defineEventHandler(async (event) => login(event, await readBody(event)));\n', filename: 'server/api/auth/login.post.ts' },
    { code: "export default defineEventHandler(() => ({ status: 'ok' }));\n", filename: 'server/api/health.get.ts' },
    { code: "export default defineEventHandler(() => 'ok');\n", filename: 'server/routes/healthz.ts' },
    {
      code: `// agent-guard: public-route contact form, rate-limited by the CDN
export default defineEventHandler(async (event) => sendContactMail(await readBody(event)));
`,
      filename: 'server/api/contact.post.ts',
    },
    // --- global gates declared elsewhere ---
    {
      // A Nuxt server middleware protects /api/admin/**: declared with `protectedPaths`.
      code: 'export default defineEventHandler(async () => db.users.findMany());\n',
      filename: 'server/api/admin/users.get.ts',
      settings: { 'agent-guard': { auth: { protectedPaths: ['/api/admin/**'] } } },
    },
    {
      code: 'export default defineEventHandler(async (event) => db.reports.create(await readBody(event)));\n',
      filename: 'server/api/reports/index.post.ts',
      options: [{ globalAuth: ['server/api/reports/**'] }],
    },
    {
      // Server middleware is not a route: it guards routes, which the rule cannot see from here.
      code: `export default defineEventHandler(async (event) => {
  const session = await getUserSession(event);
  event.context.user = session.user;
});
`,
      filename: 'server/middleware/auth.ts',
    },
    // --- options ---
    { code: 'export default defineEventHandler(() => getCatalog());\n', filename: 'server/api/catalog.get.ts', options: [{ allowPublicGet: true }] },
    { code: 'export default defineEventHandler(() => deleteAll());\n', filename: 'server/api/all.delete.ts', options: [{ frameworks: ['express'] }] },
    {
      code: `export default defineEventHandler(async (event) => {
  await assertTeamMember(event);
  return db.team.findMany();
});
`,
      filename: 'server/api/team.get.ts',
      options: [{ authFunctions: ['assertTeamMember'] }],
    },
    // --- not routes / odd code ---
    { code: 'export default defineEventHandler((event) => db.all());\n', filename: 'server/utils/handler.ts' },
    { code: 'export default defineEventHandler();\n', filename: 'server/api/empty.ts' },
    { code: 'export default defineEventHandler(...handlers);\n', filename: 'server/api/spread.ts' },
    { code: 'export default defineEventHandler?.((event) => db.all());\n', filename: 'server/api/optional.ts' },
    { code: 'function defineEventHandler(fn) { return fn; }\nexport default defineEventHandler((event) => db.all());\n', filename: 'server/api/shadowed.ts' },
    { code: 'export default defineEventHandler({ [key]: handler, ...rest });\n', filename: 'server/api/computed.ts' },
  ],
  invalid: [
    {
      // Nuxt: a DELETE route anyone can call.
      code: `export default defineEventHandler(async (event) => {
  const id = getRouterParam(event, 'id');
  await db.user.delete({ where: { id } });
  return { ok: true };
});
`,
      filename: 'server/api/users/[id].delete.ts',
      errors: [{ messageId: 'missingGate', line: 1, column: 16, endLine: 1, endColumn: 34, data: { route: 'DELETE /api/users/[id]', framework: 'h3' }, suggestions: [{ messageId: 'markPublic', output: `// agent-guard: public-route TODO: say why anyone may call this
export default defineEventHandler(async (event) => {
  const id = getRouterParam(event, 'id');
  await db.user.delete({ where: { id } });
  return { ok: true };
});
` }] }],
    },
    {
      // JS, `eventHandler` imported from h3, no method suffix.
      code: `import { eventHandler, readBody } from 'h3';
export default eventHandler(async (event) => {
  const body = await readBody(event);
  return db.settings.upsert(body);
});
`,
      filename: 'server/api/settings/index.js',
      errors: [{ messageId: 'missingGate', line: 2, column: 16, endLine: 2, endColumn: 28, data: { route: 'ALL /api/settings', framework: 'h3' }, suggestions: [{ messageId: 'markPublic', output: `import { eventHandler, readBody } from 'h3';
// agent-guard: public-route TODO: say why anyone may call this
export default eventHandler(async (event) => {
  const body = await readBody(event);
  return db.settings.upsert(body);
});
` }] }],
    },
    {
      // `server/routes`: no `/api` prefix; an expression-bodied arrow answers at once.
      code: 'export default defineEventHandler((event) => exportAllUsersAsCsv());\n',
      filename: 'server/routes/export/users.csv.get.ts',
      errors: [{ messageId: 'missingGate', line: 1, column: 16, endLine: 1, endColumn: 34, data: { route: 'GET /export/users.csv', framework: 'h3' }, suggestions: [{ messageId: 'markPublic', output: `// agent-guard: public-route TODO: say why anyone may call this
export default defineEventHandler((event) => exportAllUsersAsCsv());
` }] }],
    },
    {
      // Session fetched, never checked.
      code: `export default defineEventHandler(async (event) => {
  const { user } = await getUserSession(event);
  return db.notes.findMany({ where: { authorId: user?.id } });
});
`,
      filename: 'server/api/notes.get.ts',
      errors: [{ messageId: 'sessionUnchecked', line: 2, column: 26, endLine: 2, endColumn: 47, data: { route: 'GET /api/notes', framework: 'h3', call: 'getUserSession()' } }],
    },
    {
      // The gate runs after a first answer.
      code: `export default defineEventHandler(async (event) => {
  const query = getQuery(event);
  if (query.all) {
    return db.orders.findMany();
  }
  const { user } = await requireUserSession(event);
  return db.orders.findMany({ where: { userId: user.id } });
});
`,
      filename: 'server/api/orders.get.ts',
      errors: [{ messageId: 'gateAfterResponse', line: 1, column: 16, endLine: 1, endColumn: 34, data: { route: 'GET /api/orders', framework: 'h3' } }],
    },
    {
      // `onBeforeResponse` runs after the handler: it guards nothing.
      code: `export default defineEventHandler({
  onBeforeResponse: [logResponse],
  handler: async (event) => db.users.findMany(),
});
`,
      filename: 'server/api/users.get.ts',
      errors: [{ messageId: 'missingGate', line: 1, column: 16, endLine: 1, endColumn: 34, data: { route: 'GET /api/users', framework: 'h3' }, suggestions: [{ messageId: 'markPublic', output: `// agent-guard: public-route TODO: say why anyone may call this
export default defineEventHandler({
  onBeforeResponse: [logResponse],
  handler: async (event) => db.users.findMany(),
});
` }] }],
    },
    {
      // A handler declared before the export; a non-auth hook.
      code: `const handler = defineEventHandler({ onRequest: [rateLimit], handler: (event) => purgeCache() });
export default handler;
`,
      filename: 'server/api/cache.delete.ts',
      errors: [{ messageId: 'missingGate', line: 1, column: 17, endLine: 1, endColumn: 35, data: { route: 'DELETE /api/cache', framework: 'h3' }, suggestions: [{ messageId: 'markPublic', output: `// agent-guard: public-route TODO: say why anyone may call this
const handler = defineEventHandler({ onRequest: [rateLimit], handler: (event) => purgeCache() });
export default handler;
` }] }],
    },
    {
      // The public-route marker needs a reason.
      code: `// agent-guard: public-route
export default defineEventHandler(async (event) => subscribe(await readBody(event)));
`,
      filename: 'server/api/newsletter.post.ts',
      errors: [{ messageId: 'publicReasonMissing', line: 1, column: 1, endLine: 1, endColumn: 29, data: { route: 'POST /api/newsletter' } }],
    },
    {
      // h3 v1 routers: middleware after the mount guards nothing.
      code: `const { createApp, createRouter, eventHandler } = require('h3');
const app = createApp();
const router = createRouter()
  .get('/health', eventHandler(() => 'ok'))
  .delete('/cache', eventHandler(() => flushCache()));
app.use(router);
app.use(eventHandler(requireAuth));
`,
      filename: 'server.js',
      errors: [{ messageId: 'missingGate', line: 5, column: 4, endLine: 5, endColumn: 10, data: { route: 'DELETE /cache', framework: 'h3' }, suggestions: [{ messageId: 'markPublic', output: `const { createApp, createRouter, eventHandler } = require('h3');
const app = createApp();
// agent-guard: public-route TODO: say why anyone may call this
const router = createRouter()
  .get('/health', eventHandler(() => 'ok'))
  .delete('/cache', eventHandler(() => flushCache()));
app.use(router);
app.use(eventHandler(requireAuth));
` }] }],
    },
    {
      // h3 v2: the middleware is on another route only.
      code: `import { H3, defineHandler } from 'h3';
const app = new H3();
app.get('/me', (event) => event.context.user ?? null, { middleware: [requireAuth] });
app.post('/admin/reset', defineHandler(async () => resetDatabase()));
`,
      errors: [{ messageId: 'missingGate', line: 4, column: 5, endLine: 4, endColumn: 9, data: { route: 'POST /admin/reset', framework: 'h3' }, suggestions: [{ messageId: 'markPublic', output: `import { H3, defineHandler } from 'h3';
const app = new H3();
app.get('/me', (event) => event.context.user ?? null, { middleware: [requireAuth] });
// agent-guard: public-route TODO: say why anyone may call this
app.post('/admin/reset', defineHandler(async () => resetDatabase()));
` }] }],
    },
    {
      // Suggestion from the settings vocabulary.
      code: `export default defineEventHandler(async (event) => {
  return db.billing.findMany();
});
`,
      filename: 'server/api/billing.get.ts',
      settings: { 'agent-guard': { auth: { functions: ['requireUserSession'] } } },
      errors: [
        {
          messageId: 'missingGate',
          line: 1,
          column: 16,
          endLine: 1,
          endColumn: 34,
          data: { route: 'GET /api/billing', framework: 'h3' },
          suggestions: [
            {
              messageId: 'insertGate',
              data: { gate: 'requireUserSession' },
              output: `export default defineEventHandler(async (event) => {
  await requireUserSession(event);
  return db.billing.findMany();
});
`,
            },
            { messageId: 'markPublic', output: `// agent-guard: public-route TODO: say why anyone may call this
export default defineEventHandler(async (event) => {
  return db.billing.findMany();
});
` },
          ],
        },
      ],
    },
    {
      // `protectedPaths` covering other paths does not cover this one.
      code: 'export default defineEventHandler(async (event) => db.posts.create(await readBody(event)));\n',
      filename: 'server/api/posts.post.ts',
      settings: { 'agent-guard': { auth: { protectedPaths: ['/api/admin/**', 'server/api/admin/**'] } } },
      errors: [{ messageId: 'missingGate', line: 1, column: 16, endLine: 1, endColumn: 34, data: { route: 'POST /api/posts', framework: 'h3' }, suggestions: [{ messageId: 'markPublic', output: `// agent-guard: public-route TODO: say why anyone may call this
export default defineEventHandler(async (event) => db.posts.create(await readBody(event)));
` }] }],
    },
  ],
});
