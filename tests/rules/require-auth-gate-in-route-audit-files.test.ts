import * as espree from 'espree';
import { RuleTester } from '@typescript-eslint/rule-tester';

import rule from '../../src/rules/require-auth-gate-in-route';
import { createRuleTester } from '../rule-tester';

/*
 * require-auth-gate-in-route, patterns found by auditing public Next.js, SvelteKit, Remix,
 * Nuxt, NestJS and tRPC code (minimal reproductions written for this suite):
 * - a file route that only hands requests to another router (tRPC `fetchRequestHandler`,
 *   `createNextApiHandler`, Hono `handle(app)`) is a gateway: the procedures and routes behind
 *   it are judged where they are declared, not at the gateway;
 * - SvelteKit form actions named for signing in or out (`logout`, `login`, `register`) are
 *   public by design, like Next.js Server Actions with those names.
 */
const ruleTester = createRuleTester();

ruleTester.run('require-auth-gate-in-route (audit: file-routed)', rule, {
  valid: [
    // --- gateways to another router ---
    {
      // T3 / tRPC App Router adapter: `export { handler as GET, handler as POST }`.
      code: `import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { appRouter } from '~/server/api/root';
import { createTRPCContext } from '~/server/api/trpc';

const handler = (req: Request) =>
  fetchRequestHandler({ endpoint: '/api/trpc', req, router: appRouter, createContext: () => createTRPCContext({ headers: req.headers }) });

export { handler as GET, handler as POST };
`,
      filename: 'src/app/api/trpc/[trpc]/route.ts',
    },
    {
      // Block body with `return`, exported as constants, JS file.
      code: `import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { appRouter } from '../../../../server/router';

function handler(request) {
  return fetchRequestHandler({ endpoint: '/api/trpc', req: request, router: appRouter, createContext: () => ({}) });
}

export const GET = handler;
export const POST = handler;
`,
      filename: 'app/api/trpc/[trpc]/route.js',
    },
    {
      // Namespace import, awaited inside an async arrow.
      code: `import * as trpcFetch from '@trpc/server/adapters/fetch';
import { appRouter } from '@/server/routers/_app';
export const POST = async (req: Request) => await trpcFetch.fetchRequestHandler({ endpoint: '/api/trpc', req, router: appRouter });
`,
      filename: 'src/app/api/trpc/[trpc]/route.ts',
    },
    {
      // Pages Router tRPC adapter.
      code: `import * as trpcNext from '@trpc/server/adapters/next';
import { appRouter } from '../../../server/routers/_app';
export default trpcNext.createNextApiHandler({ router: appRouter, createContext: () => ({}) });
`,
      filename: 'src/pages/api/trpc/[trpc].ts',
    },
    {
      // Hono mounted in a Next.js catch-all route.
      code: `import { handle } from 'hono/vercel';
import app from '@/server/app';
const handler = handle(app);
export { handler as GET, handler as POST, handler as DELETE };
`,
      filename: 'src/app/api/[[...route]]/route.ts',
    },
    {
      // SvelteKit endpoint forwarding to tRPC.
      code: `import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { router } from '$lib/trpc/router';
import type { RequestHandler } from './$types';
export const GET: RequestHandler = (event) => fetchRequestHandler({ endpoint: '/api/trpc', req: event.request, router, createContext: () => ({ event }) });
export const POST = GET;
`,
      filename: 'src/routes/api/trpc/[...procedure]/+server.ts',
    },
    {
      // Remix resource route forwarding to tRPC.
      code: `import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { appRouter } from '~/trpc/router.server';
export const loader = ({ request }: LoaderFunctionArgs) => fetchRequestHandler({ endpoint: '/api/trpc', req: request, router: appRouter });
export const action = ({ request }: ActionFunctionArgs) => fetchRequestHandler({ endpoint: '/api/trpc', req: request, router: appRouter });
`,
      filename: 'app/routes/api.trpc.$.ts',
    },
    // --- SvelteKit actions that sign users in or out ---
    {
      // A `logout` action on the home page (Lucia v2 examples put it there).
      code: `import { fail, redirect } from '@sveltejs/kit';
import type { Actions } from './$types';
export const actions: Actions = {
  logout: async ({ cookies }) => {
    cookies.delete('session', { path: '/' });
    throw redirect(302, '/');
  },
};
`,
      filename: 'src/routes/+page.server.ts',
    },
    {
      // `signIn` / `register` actions of a combined auth page, JS.
      code: `export const actions = {
  signIn: async ({ request, cookies }) => {
    const data = await request.formData();
    cookies.set('session', await createSession(data.get('email'), data.get('password')), { path: '/' });
    return { ok: true };
  },
  register: async ({ request }) => ({ user: await createUser(await request.formData()) }),
};
`,
      filename: 'src/routes/(marketing)/welcome/+page.server.js',
    },
    // --- odd code must not crash ---
    { code: `import { handle } from 'hono/vercel';\nexport const GET = handle();\n`, filename: 'app/api/[[...route]]/route.ts' },
    { code: `export { handler as GET };\n`, filename: 'app/api/x/route.ts' },
    { code: `import { fetchRequestHandler } from '@trpc/server/adapters/fetch';\nexport const GET = (req) => fetchRequestHandler(...args);\n`, filename: 'app/api/trpc/[trpc]/route.js' },
  ],
  invalid: [
    {
      // Odd code: a computed action name and a spread are no sign-in action.
      code: `export const actions = { [name]: async () => (xs), ...more };\n`,
      filename: 'src/routes/+page.server.ts',
      errors: [{ messageId: 'missingGate', line: 1, column: 27, endLine: 1, endColumn: 31, data: { route: 'action (computed) /', framework: 'sveltekit' }, suggestions: [{ messageId: 'markPublic', output: `// agent-guard: public-route TODO: say why anyone may call this
export const actions = { [name]: async () => (xs), ...more };
` }] }],
    },
    {
      // The handler does more than forward: its own work is judged.
      code: `import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { appRouter } from '@/server/routers/_app';
export async function POST(req: Request) {
  await db.auditLog.create({ data: { path: req.url } });
  return fetchRequestHandler({ endpoint: '/api/trpc', req, router: appRouter });
}
`,
      filename: 'src/app/api/trpc/[trpc]/route.ts',
      errors: [{ messageId: 'missingGate', line: 3, column: 23, endLine: 3, endColumn: 27, data: { route: 'POST /api/trpc/[trpc]', framework: 'next' }, suggestions: [{ messageId: 'markPublic', output: `import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { appRouter } from '@/server/routers/_app';
// agent-guard: public-route TODO: say why anyone may call this
export async function POST(req: Request) {
  await db.auditLog.create({ data: { path: req.url } });
  return fetchRequestHandler({ endpoint: '/api/trpc', req, router: appRouter });
}
` }] }],
    },
    {
      // A local function of the same name is no tRPC adapter.
      code: `function fetchRequestHandler(opts) { return Response.json(opts); }
export const GET = (req) => fetchRequestHandler({ req });
`,
      filename: 'app/api/things/route.js',
      errors: [{ messageId: 'missingGate', line: 2, column: 14, endLine: 2, endColumn: 17, data: { route: 'GET /api/things', framework: 'next' }, suggestions: [{ messageId: 'markPublic', output: `function fetchRequestHandler(opts) { return Response.json(opts); }
// agent-guard: public-route TODO: say why anyone may call this
export const GET = (req) => fetchRequestHandler({ req });
` }] }],
    },
    {
      // Look-alike of the `logout` action: deleting a post is not signing out.
      code: `import type { Actions } from './$types';
export const actions: Actions = {
  logout: async ({ cookies }) => { cookies.delete('session', { path: '/' }); },
  deletePost: async ({ request }) => {
    const id = (await request.formData()).get('id');
    await db.post.delete({ where: { id: String(id) } });
    return { ok: true };
  },
};
`,
      filename: 'src/routes/+page.server.ts',
      errors: [{ messageId: 'missingGate', line: 4, column: 3, endLine: 4, endColumn: 13, data: { route: 'action deletePost /', framework: 'sveltekit' }, suggestions: [{ messageId: 'markPublic', output: `import type { Actions } from './$types';
// agent-guard: public-route TODO: say why anyone may call this
export const actions: Actions = {
  logout: async ({ cookies }) => { cookies.delete('session', { path: '/' }); },
  deletePost: async ({ request }) => {
    const id = (await request.formData()).get('id');
    await db.post.delete({ where: { id: String(id) } });
    return { ok: true };
  },
};
` }] }],
    },
    {
      // A Remix loader doing its own work before forwarding (JS).
      code: `import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
export async function action({ request }) {
  const body = await request.clone().json();
  await db.events.insert(body);
  return fetchRequestHandler({ endpoint: '/api/trpc', req: request, router });
}
`,
      filename: 'app/routes/api.trpc.$.js',
      errors: [{ messageId: 'missingGate', line: 2, column: 23, endLine: 2, endColumn: 29, data: { route: 'action /api/trpc/*', framework: 'remix' }, suggestions: [{ messageId: 'markPublic', output: `import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
// agent-guard: public-route TODO: say why anyone may call this
export async function action({ request }) {
  const body = await request.clone().json();
  await db.events.insert(body);
  return fetchRequestHandler({ endpoint: '/api/trpc', req: request, router });
}
` }] }],
    },
  ],
});

/* The gateway rule also holds with ESLint's default parser. */
const espreeTester = new RuleTester({ languageOptions: { parser: espree } });

espreeTester.run('require-auth-gate-in-route (audit: file-routed, espree)', rule, {
  valid: [
    {
      code: `const { fetchRequestHandler } = require('@trpc/server/adapters/fetch');
const handler = (req) => fetchRequestHandler({ endpoint: '/api/trpc', req, router: appRouter });
export { handler as GET, handler as POST };
`,
      filename: 'app/api/trpc/[trpc]/route.js',
    },
  ],
  invalid: [
    {
      code: `export async function POST(request) {
  const body = await request.json();
  return Response.json(await db.item.create({ data: body }));
}
`,
      filename: 'app/api/items/route.js',
      errors: [{ messageId: 'missingGate', line: 1, column: 23, endLine: 1, endColumn: 27, data: { route: 'POST /api/items', framework: 'next' }, suggestions: [{ messageId: 'markPublic', output: `// agent-guard: public-route TODO: say why anyone may call this
export async function POST(request) {
  const body = await request.json();
  return Response.json(await db.item.create({ data: body }));
}
` }] }],
    },
  ],
});

/*
 * Gates named the way real projects name them: Lucia v2 `locals.auth.validate()`/`validateUser()`,
 * webhook sender checks (`validateWebhookEvent`) after an early `return notFound()`, and handlers
 * that only answer with the session itself (Auth.js's "session from an API route" example).
 */
ruleTester.run('require-auth-gate-in-route (audit: gates named on real code)', rule, {
  valid: [
  {
    // Lucia v2 (SvelteKit): `locals.auth.validate()` returns the session or null. (diff 1)
    code: `import { fail } from '@sveltejs/kit';
export const actions = {
  archive: async ({ locals, request }) => {
    const session = await locals.auth.validate();
    if (!session) return fail(401);
    await db.project.update({ where: { id: String((await request.formData()).get('id')) }, data: { archived: true } });
  },
};
`,
    filename: 'src/routes/projects/+page.server.ts',
  },
  {
    // Lucia v2: `const { user } = await locals.auth.validateUser()`. (diff 1)
    code: `import { json, error } from '@sveltejs/kit';
export const POST = async ({ locals }) => {
  const { user } = await locals.auth.validateUser();
  if (!user) throw error(401);
  return json(await db.todo.create({ data: { userId: user.userId } }));
};
`,
    filename: 'src/routes/api/todos/+server.ts',
  },
  {
    // Webhook whose sender check has a project name: `validateWebhookEvent`, after a
    // `return notFound()` exit that exposes nothing. (diff 2)
    code: `import { json } from '@remix-run/node';
import { notFound, badRequest } from 'remix-utils';
export const action = async ({ request }) => {
  if (!knownService(request)) return notFound('NOT FOUND');
  const { signatureMatches, payload } = await validateWebhookEvent(request);
  if (!signatureMatches) return badRequest({});
  await queue.add(payload);
  return json({ ok: true });
};
`,
    filename: 'app/routes/webhooks.$service.ts',
  },
  {
    // The Auth.js "access the session from an API route" example: answers with the caller's own session. (diff 2)
    code: `import { getServerSession } from 'next-auth/next';
import { authOptions } from '../auth/[...nextauth]';
export default async function handler(req, res) {
  const session = await getServerSession(req, res, authOptions);
  res.send(JSON.stringify(session, null, 2));
}
`,
    filename: 'pages/api/examples/session.js',
  },
  {
    // Same in the App Router. (diff 2)
    code: `import { auth } from '@/auth';
export async function GET() {
  const session = await auth();
  return Response.json(session);
}
`,
    filename: 'app/api/me/route.ts',
  },
  ],
  invalid: [
  {
    // Look-alike of the session echo: it answers with more than the session. (diff 2 keeps reporting it)
    code: `import { auth } from '@/auth';
export async function GET() {
  const session = await auth();
  return Response.json({ session, users: await db.user.findMany() });
}
`,
    filename: 'app/api/me/route.ts',
    errors: [{ messageId: 'sessionUnchecked', line: 3, column: 25, endLine: 3, endColumn: 31, data: { route: 'GET /api/me', framework: 'next', call: 'auth()' } }],
  },
  {
    // `validateWebhookEvent` is no user session: a non-webhook `validateUser(form)` stays no gate. (diff 2)
    code: `export async function action({ request }) {
  const form = await request.formData();
  if (!validateUser(form)) return { error: 'invalid' };
  return { user: await db.user.create({ data: Object.fromEntries(form) }) };
}
`,
    filename: 'app/routes/admin.users.new.ts',
    errors: [{ messageId: 'missingGate', line: 1, column: 23, endLine: 1, endColumn: 29, data: { route: 'action /admin/users/new', framework: 'remix' }, suggestions: [{ messageId: 'markPublic', output: `// agent-guard: public-route TODO: say why anyone may call this
export async function action({ request }) {
  const form = await request.formData();
  if (!validateUser(form)) return { error: 'invalid' };
  return { user: await db.user.create({ data: Object.fromEntries(form) }) };
}
` }] }],
  },
  ],
});
