import rule from '../../src/rules/require-auth-gate-in-route';
import { createRuleTester } from '../rule-tester';

/*
 * require-auth-gate-in-route on SvelteKit: `+server` endpoints and `+page.server` form
 * actions, with the gates SvelteKit apps use (`locals.user` set in hooks, Auth.js
 * `locals.auth()`, Lucia `locals.session`, Supabase `locals.supabase.auth.getUser()`).
 * Page `load` functions are not routes for this rule.
 */
const ruleTester = createRuleTester();

ruleTester.run('require-auth-gate-in-route (sveltekit)', rule, {
  valid: [
    // --- gated in the handler ---
    {
      // `locals.user` set by hooks.server.ts, checked with `error(401)` (SvelteKit 2: no throw needed).
      code: `import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
export const POST: RequestHandler = async ({ request, locals }) => {
  if (!locals.user) error(401, 'Unauthorized');
  const data = await request.json();
  return json(await db.post.create({ data: { ...data, authorId: locals.user.id } }), { status: 201 });
};
`,
      filename: 'src/routes/api/posts/+server.ts',
    },
    {
      // JS endpoint, `event.locals.user` and `throw error()` (SvelteKit 1).
      code: `import { error, json } from '@sveltejs/kit';
/** @type {import('./$types').RequestHandler} */
export async function DELETE(event) {
  if (!event.locals.user) {
    throw error(401, 'Sign in first');
  }
  await db.post.delete({ where: { id: event.params.id, authorId: event.locals.user.id } });
  return new Response(null, { status: 204 });
}
`,
      filename: 'src/routes/api/posts/[id]/+server.js',
    },
    {
      // Auth.js for SvelteKit: `await locals.auth()` and a check.
      code: `import { error, json } from '@sveltejs/kit';
export async function GET({ locals }) {
  const session = await locals.auth();
  if (!session?.user) error(401);
  return json(await db.invoice.findMany({ where: { userId: session.user.id } }));
}
`,
      filename: 'src/routes/api/invoices/+server.ts',
    },
    {
      // Lucia: `locals.session` set in hooks; redirect when absent.
      code: `import { fail, redirect } from '@sveltejs/kit';
import type { Actions } from './$types';
export const actions = {
  default: async ({ request, locals }) => {
    if (!locals.session) redirect(302, '/login');
    const form = await request.formData();
    const title = form.get('title');
    if (typeof title !== 'string') return fail(400, { title });
    await db.insert(notes).values({ title, userId: locals.session.userId });
  },
} satisfies Actions;
`,
      filename: 'src/routes/(app)/notes/new/+page.server.ts',
    },
    {
      // Supabase: `locals.supabase.auth.getUser()` with a check.
      code: `import { fail } from '@sveltejs/kit';
export const actions = {
  update: async ({ request, locals }) => {
    const { data: { user } } = await locals.supabase.auth.getUser();
    if (!user) return fail(401, { message: 'Not signed in' });
    await locals.supabase.from('profiles').update(Object.fromEntries(await request.formData())).eq('id', user.id);
    return { success: true };
  },
};
`,
      filename: 'src/routes/account/+page.server.ts',
    },
    {
      // A wrapper named like a gate; a gate function recognised by its name (`requireLogin`).
      code: `export const PUT = withAuth(async ({ request }) => new Response(await saveSettings(await request.json())));
`,
      filename: 'src/routes/api/settings/+server.ts',
    },
    {
      code: `export async function POST(event) {
  const user = await requireLogin(event);
  return new Response(JSON.stringify(await createProject(user, await event.request.json())));
}
`,
      filename: 'src/routes/api/projects/+server.ts',
    },
    {
      // Webhook: the signature check is the gate.
      code: `import Stripe from 'stripe';
import { STRIPE_WEBHOOK_SECRET } from '$env/static/private';
const stripe = new Stripe(STRIPE_SECRET);
export async function POST({ request }) {
  const body = await request.text();
  const event = stripe.webhooks.constructEvent(body, request.headers.get('stripe-signature'), STRIPE_WEBHOOK_SECRET);
  await fulfil(event);
  return new Response(null, { status: 200 });
}
`,
      filename: 'src/routes/api/stripe/webhook/+server.ts',
    },
    // --- public by design ---
    { code: "export const GET = () => new Response('ok');\n", filename: 'src/routes/api/health/+server.ts' },
    { code: 'export async function GET({ url, cookies }) { return handleOAuthCallback(url, cookies); }\n', filename: 'src/routes/auth/callback/github/+server.ts' },
    {
      // Sign-in and sign-up form actions (route groups dropped from the path).
      code: `export const actions = {
  default: async ({ request, cookies }) => signIn(await request.formData(), cookies),
};
`,
      filename: 'src/routes/(auth)/login/+page.server.ts',
    },
    { code: 'export const actions = { default: async ({ request }) => createAccount(await request.formData()) };\n', filename: 'src/routes/register/+page.server.js' },
    {
      // Prerendered: GET is built once at build time.
      code: `export const prerender = true;
export async function GET() {
  return new Response(await renderSitemap(), { headers: { 'content-type': 'application/xml' } });
}
`,
      filename: 'src/routes/sitemap.xml/+server.ts',
    },
    {
      code: `export const actions = {
  // agent-guard: public-route newsletter sign-up, double opt-in by email
  subscribe: async ({ request }) => addSubscriber(await request.formData()),
};
`,
      filename: 'src/routes/blog/+page.server.ts',
    },
    // --- global gates: hooks.server.ts `handle` declared with protectedPaths / globalAuth ---
    {
      code: 'export const actions = { default: async ({ request }) => db.save(await request.formData()) };\n',
      filename: 'src/routes/(app)/dashboard/+page.server.ts',
      settings: { 'agent-guard': { auth: { protectedPaths: ['src/routes/(app)/**'] } } },
    },
    {
      code: 'export async function DELETE({ params }) { await db.user.delete({ where: { id: params.id } }); return new Response(null, { status: 204 }); }\n',
      filename: 'src/routes/admin/users/[id]/+server.ts',
      options: [{ globalAuth: ['/admin/**'] }],
    },
    {
      // hooks.server.ts itself is no route.
      code: `export const handle = async ({ event, resolve }) => {
  if (event.url.pathname.startsWith('/admin') && !event.locals.user) redirect(303, '/login');
  return resolve(event);
};
`,
      filename: 'src/hooks.server.ts',
    },
    // --- not routes: page and layout load, other exports ---
    { code: 'export const load = async ({ locals }) => ({ todos: await db.todo.findMany() });\n', filename: 'src/routes/todos/+page.server.ts' },
    { code: 'export async function load() { return { settings: await getSettings() }; }\n', filename: 'src/routes/+layout.server.js' },
    { code: "export const config = { runtime: 'edge' };\nexport const trailingSlash = 'always';\n", filename: 'src/routes/api/+server.ts' },
    // --- options ---
    { code: 'export const GET = async () => new Response(JSON.stringify(await listProducts()));\n', filename: 'src/routes/api/products/+server.ts', options: [{ allowPublicGet: true }] },
    { code: 'export const POST = async () => new Response(await reset());\n', filename: 'src/routes/api/reset/+server.ts', options: [{ frameworks: ['h3'] }] },
    // --- odd code ---
    { code: "export { POST } from '$lib/server/upload';\n", filename: 'src/routes/api/upload/+server.ts' },
    { code: 'export const actions = { ...sharedActions };\n', filename: 'src/routes/todos/+page.server.ts' },
    { code: 'export const POST = makeHandler();\n', filename: 'src/routes/api/made/+server.ts' },
  ],
  invalid: [
    {
      // Endpoints anyone can call.
      code: `import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
export const GET: RequestHandler = async () => json(await db.user.findMany());
export const DELETE: RequestHandler = async ({ params }) => {
  await db.user.delete({ where: { id: params.id } });
  return new Response(null, { status: 204 });
};
`,
      filename: 'src/routes/(admin)/api/users/[id]/+server.ts',
      errors: [
        { messageId: 'missingGate', line: 3, column: 14, endLine: 3, endColumn: 33, data: { route: 'GET /api/users/[id]', framework: 'sveltekit' }, suggestions: [{ messageId: 'markPublic', output: `import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
// agent-guard: public-route TODO: say why anyone may call this
export const GET: RequestHandler = async () => json(await db.user.findMany());
export const DELETE: RequestHandler = async ({ params }) => {
  await db.user.delete({ where: { id: params.id } });
  return new Response(null, { status: 204 });
};
` }] },
        { messageId: 'missingGate', line: 4, column: 14, endLine: 4, endColumn: 36, data: { route: 'DELETE /api/users/[id]', framework: 'sveltekit' }, suggestions: [{ messageId: 'markPublic', output: `import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
export const GET: RequestHandler = async () => json(await db.user.findMany());
// agent-guard: public-route TODO: say why anyone may call this
export const DELETE: RequestHandler = async ({ params }) => {
  await db.user.delete({ where: { id: params.id } });
  return new Response(null, { status: 204 });
};
` }] },
      ],
    },
    {
      // JS, function declaration, `fallback` answers every method.
      code: `/** @type {import('./$types').RequestHandler} */
export async function POST({ request }) {
  return new Response(await runImport(await request.formData()));
}
export async function fallback({ request }) {
  return proxy(request);
}
`,
      filename: 'src/routes/api/import/+server.js',
      errors: [
        { messageId: 'missingGate', line: 2, column: 23, endLine: 2, endColumn: 27, data: { route: 'POST /api/import', framework: 'sveltekit' }, suggestions: [{ messageId: 'markPublic', output: `/** @type {import('./$types').RequestHandler} */
// agent-guard: public-route TODO: say why anyone may call this
export async function POST({ request }) {
  return new Response(await runImport(await request.formData()));
}
export async function fallback({ request }) {
  return proxy(request);
}
` }] },
        { messageId: 'missingGate', line: 5, column: 23, endLine: 5, endColumn: 31, data: { route: 'ALL /api/import', framework: 'sveltekit' }, suggestions: [{ messageId: 'markPublic', output: `/** @type {import('./$types').RequestHandler} */
export async function POST({ request }) {
  return new Response(await runImport(await request.formData()));
}
// agent-guard: public-route TODO: say why anyone may call this
export async function fallback({ request }) {
  return proxy(request);
}
` }] },
      ],
    },
    {
      // Form actions: each one is reachable with a POST; the gated one is not reported.
      code: `import { fail } from '@sveltejs/kit';
export const actions = {
  create: async ({ request, locals }) => {
    if (!locals.user) return fail(401);
    await db.todo.create({ data: { title: String((await request.formData()).get('title')), userId: locals.user.id } });
  },
  async clear() {
    await db.todo.deleteMany();
  },
  'mark-all-done': async () => db.todo.updateMany({ data: { done: true } }),
};
`,
      filename: 'src/routes/(app)/todos/+page.server.ts',
      errors: [
        { messageId: 'missingGate', line: 7, column: 9, endLine: 7, endColumn: 14, data: { route: 'action clear /todos', framework: 'sveltekit' }, suggestions: [{ messageId: 'markPublic', output: `import { fail } from '@sveltejs/kit';
// agent-guard: public-route TODO: say why anyone may call this
export const actions = {
  create: async ({ request, locals }) => {
    if (!locals.user) return fail(401);
    await db.todo.create({ data: { title: String((await request.formData()).get('title')), userId: locals.user.id } });
  },
  async clear() {
    await db.todo.deleteMany();
  },
  'mark-all-done': async () => db.todo.updateMany({ data: { done: true } }),
};
` }] },
        { messageId: 'missingGate', line: 10, column: 3, endLine: 10, endColumn: 18, data: { route: 'action mark-all-done /todos', framework: 'sveltekit' }, suggestions: [{ messageId: 'markPublic', output: `import { fail } from '@sveltejs/kit';
// agent-guard: public-route TODO: say why anyone may call this
export const actions = {
  create: async ({ request, locals }) => {
    if (!locals.user) return fail(401);
    await db.todo.create({ data: { title: String((await request.formData()).get('title')), userId: locals.user.id } });
  },
  async clear() {
    await db.todo.deleteMany();
  },
  'mark-all-done': async () => db.todo.updateMany({ data: { done: true } }),
};
` }] },
      ],
    },
    {
      // Auth.js session fetched, never checked.
      code: `import { json } from '@sveltejs/kit';
export async function GET({ locals }) {
  const session = await locals.auth();
  return json(await db.note.findMany({ where: { authorId: session?.user?.id } }));
}
`,
      filename: 'src/routes/api/notes/+server.ts',
      errors: [{ messageId: 'sessionUnchecked', line: 3, column: 25, endLine: 3, endColumn: 38, data: { route: 'GET /api/notes', framework: 'sveltekit', call: 'locals.auth()' } }],
    },
    {
      // The check comes after a first answer.
      code: `import { error, json } from '@sveltejs/kit';
export async function GET({ url, locals }) {
  if (url.searchParams.has('all')) {
    return json(await db.order.findMany());
  }
  if (!locals.user) error(401);
  return json(await db.order.findMany({ where: { userId: locals.user.id } }));
}
`,
      filename: 'src/routes/api/orders/+server.ts',
      errors: [{ messageId: 'gateAfterResponse', line: 2, column: 23, endLine: 2, endColumn: 26, data: { route: 'GET /api/orders', framework: 'sveltekit' } }],
    },
    {
      // `load` is no route, but the actions beside it are; a group outside `protectedPaths`.
      code: `export const load = async ({ locals }) => ({ user: locals.user });
export const actions = {
  default: async ({ request }) => db.feedback.create({ data: Object.fromEntries(await request.formData()) }),
};
`,
      filename: 'src/routes/(marketing)/feedback/+page.server.ts',
      settings: { 'agent-guard': { auth: { protectedPaths: ['src/routes/(app)/**'] } } },
      errors: [{ messageId: 'missingGate', line: 3, column: 3, endLine: 3, endColumn: 10, data: { route: 'action default /feedback', framework: 'sveltekit' }, suggestions: [{ messageId: 'markPublic', output: `export const load = async ({ locals }) => ({ user: locals.user });
// agent-guard: public-route TODO: say why anyone may call this
export const actions = {
  default: async ({ request }) => db.feedback.create({ data: Object.fromEntries(await request.formData()) }),
};
` }] }],
    },
    {
      // A prerendered endpoint's POST is still a route.
      code: `export const prerender = true;
export const GET = () => new Response(feed());
export const POST = async ({ request }) => new Response(await addEntry(await request.json()));
`,
      filename: 'src/routes/feed/+server.ts',
      errors: [{ messageId: 'missingGate', line: 3, column: 14, endLine: 3, endColumn: 18, data: { route: 'POST /feed', framework: 'sveltekit' }, suggestions: [{ messageId: 'markPublic', output: `export const prerender = true;
export const GET = () => new Response(feed());
// agent-guard: public-route TODO: say why anyone may call this
export const POST = async ({ request }) => new Response(await addEntry(await request.json()));
` }] }],
    },
    {
      // The public-route marker needs a reason.
      code: `export const actions = {
  // agent-guard: public-route
  subscribe: async ({ request }) => addSubscriber(await request.formData()),
};
`,
      filename: 'src/routes/blog/+page.server.ts',
      errors: [{ messageId: 'publicReasonMissing', line: 2, column: 3, endLine: 2, endColumn: 31, data: { route: 'action subscribe /blog' } }],
    },
    {
      // Suggestion from the settings vocabulary.
      code: `export async function POST(event) {
  return new Response(await archiveAll());
}
`,
      filename: 'src/routes/api/archive/+server.ts',
      settings: { 'agent-guard': { auth: { functions: ['requireLogin'] } } },
      errors: [
        {
          messageId: 'missingGate',
          line: 1,
          column: 23,
          endLine: 1,
          endColumn: 27,
          data: { route: 'POST /api/archive', framework: 'sveltekit' },
          suggestions: [
            {
              messageId: 'insertGate',
              data: { gate: 'requireLogin' },
              output: `export async function POST(event) {
  await requireLogin(event);
  return new Response(await archiveAll());
}
`,
            },
            { messageId: 'markPublic', output: `// agent-guard: public-route TODO: say why anyone may call this
export async function POST(event) {
  return new Response(await archiveAll());
}
` },
          ],
        },
      ],
    },
  ],
});

/*
 * Destructured identity, `safeGetSession`, and `request.json()`, which reads the request and
 * does not answer it.
 */
ruleTester.run('require-auth-gate-in-route (sveltekit, destructured identity)', rule, {
  valid: [
    { code: 'export const actions = { delete: async ({ locals: { user } }) => { if (!user) return fail(401); await db.remove(); } };\n', filename: 'src/routes/todos/+page.server.ts' },
    { code: 'export const actions = { delete: async ({ locals }) => { const { user } = locals; if (!user) return fail(401); await db.remove(); } };\n', filename: 'src/routes/todos/+page.server.ts' },
    { code: "export const actions = { delete: async ({ locals }) => { const user = locals.user; if (!user) redirect(303, '/login'); await db.remove(user.id); } };\n", filename: 'src/routes/todos/+page.server.ts' },
    { code: 'export const actions = { delete: async ({ locals }) => { await db.remove(locals.user.id); } };\n', filename: 'src/routes/todos/+page.server.ts' },
    { code: 'export const actions = { delete: async ({ locals: { safeGetSession } }) => { const { session } = await safeGetSession(); if (!session) return fail(401); await db.remove(); } };\n', filename: 'src/routes/todos/+page.server.ts' },
    { code: 'export const actions = { delete: async (event) => { const { session } = await event.locals.safeGetSession(); if (!session) return fail(401); await db.remove(); } };\n', filename: 'src/routes/todos/+page.server.ts' },
    { code: 'export async function POST(event) { const body = await event.request.json(); if (!event.locals.user) error(401); return json(await db.create(body)); }\n', filename: 'src/routes/api/x/+server.ts' },
  ],
  invalid: [
    {
      // A `user` read from the body is no identity.
      code: 'export const actions = { delete: async ({ request }) => { const { user } = await request.json(); if (!user) return fail(400); await db.remove(); } };\n',
      filename: 'src/routes/todos/+page.server.ts',
      errors: [{ messageId: 'missingGate', line: 1, column: 26, endLine: 1, endColumn: 32, data: { route: 'action delete /todos', framework: 'sveltekit' }, suggestions: [{ messageId: 'markPublic', output: `// agent-guard: public-route TODO: say why anyone may call this
export const actions = { delete: async ({ request }) => { const { user } = await request.json(); if (!user) return fail(400); await db.remove(); } };
` }] }],
    },
  ],
});
