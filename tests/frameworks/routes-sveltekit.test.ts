import { describe, expect, it } from 'vitest';

import { svelteKitRoutePath } from '../../src/frameworks/sveltekit';
import { createRuleTester } from '../rule-tester';
import { routeProbe } from './route-probe';

/*
 * The SvelteKit route model: `+server` method exports (`fallback` = every method) and
 * `+page.server` form actions, labelled from the route folder (groups dropped). Page and
 * layout `load` functions are not routes.
 */
describe('svelteKitRoutePath', () => {
  it.each([
    ['/repo/src/routes/api/users/[id]/+server.ts', '/api/users/[id]'],
    ['/repo/src/routes/+server.js', '/'],
    ['/repo/src/routes/(app)/settings/+page.server.ts', '/settings'],
    ['/repo/src/routes/(app)/(admin)/users/[[page]]/+page.server.ts', '/users/[[page]]'],
    ['/repo/src/routes/files/[...path]/+server.ts', '/files/[...path]'],
    ['/repo/apps/web/src/routes/api/+server.ts', '/api'],
    ['/repo/app/routes/api/items/+server.ts', '/api/items'],
  ])('%s → %s', (file, path) => {
    expect(svelteKitRoutePath(file)).toBe(path);
  });

  it('is null outside a routes folder', () => {
    expect(svelteKitRoutePath('/repo/src/+server.ts')).toBeNull();
  });
});

const ruleTester = createRuleTester();

ruleTester.run('routes-sveltekit', routeProbe, {
  valid: [
    // `load` is not a route (pages, layouts), nor are other exports of an endpoint.
    { code: 'export const load = async ({ locals }) => ({ todos: await db.todos(locals.user.id) });', filename: 'src/routes/todos/+page.server.ts' },
    { code: 'export async function load({ locals }) { return { user: locals.user }; }', filename: 'src/routes/+layout.server.ts' },
    { code: "export const prerender = false;\nexport const config = { runtime: 'edge' };\nexport function helper() {}", filename: 'src/routes/api/+server.ts' },
    // Layouts have no actions; hooks are global middleware, not routes.
    { code: 'export const actions = { default: async () => db.save() };', filename: 'src/routes/+layout.server.ts' },
    { code: 'export const handle = async ({ event, resolve }) => resolve(event);', filename: 'src/hooks.server.ts' },
    // Not SvelteKit route files.
    { code: 'export async function POST({ request }) { return new Response(await request.text()); }', filename: 'src/lib/server/post.ts' },
    { code: 'export async function POST() { return new Response(); }', filename: 'src/routes/api/+server.test.ts' },
    // Re-exports: the handler is in another module.
    { code: "export { POST } from '$lib/server/upload';", filename: 'src/routes/api/upload/+server.ts' },
    // A non-object `actions` export.
    { code: 'export const actions = makeActions();', filename: 'src/routes/todos/+page.server.ts' },
  ],
  invalid: [
    {
      // Endpoint method exports: declarations, `const` with type, `satisfies`, wrappers, renamed exports, `fallback`.
      code: `import { json, error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
export async function GET({ locals }) {
  return json(await db.users());
}
export const POST: RequestHandler = async ({ request }) => json(await db.create(await request.json()));
export const PUT = (async (event) => json({})) satisfies RequestHandler;
export const PATCH = withAuth(async (event) => json({}));
const remove: RequestHandler = async () => new Response(null, { status: 204 });
export { remove as DELETE };
export const fallback: RequestHandler = async ({ request }) => text(request.method);
`,
      filename: 'src/routes/(app)/api/users/[id]/+server.ts',
      errors: [
        { messageId: 'route', line: 3, column: 23, endLine: 3, endColumn: 26, data: { label: 'GET /api/users/[id]', framework: 'sveltekit', guards: '-', handlers: '1', extra: '; file-routed' } },
        { messageId: 'route', line: 6, column: 14, endLine: 6, endColumn: 34, data: { label: 'POST /api/users/[id]', framework: 'sveltekit', guards: '-', handlers: '1', extra: '; file-routed' } },
        { messageId: 'route', line: 7, column: 14, endLine: 7, endColumn: 17, data: { label: 'PUT /api/users/[id]', framework: 'sveltekit', guards: '-', handlers: '1', extra: '; file-routed' } },
        {
          messageId: 'route',
          line: 8,
          column: 14,
          endLine: 8,
          endColumn: 19,
          data: { label: 'PATCH /api/users/[id]', framework: 'sveltekit', guards: 'withAuth(async (event) => json({})) (wrapper)', handlers: '1', extra: '; file-routed' },
        },
        { messageId: 'route', line: 10, column: 20, endLine: 10, endColumn: 26, data: { label: 'DELETE /api/users/[id]', framework: 'sveltekit', guards: '-', handlers: '1', extra: '; file-routed' } },
        { messageId: 'route', line: 11, column: 14, endLine: 11, endColumn: 38, data: { label: 'ALL /api/users/[id]', framework: 'sveltekit', guards: '-', handlers: '1', extra: '; file-routed' } },
      ],
    },
    {
      // `prerender = true`: GET is built once, public by design; other methods stay routes.
      code: `export const prerender = true;
export function GET() {
  return new Response(renderSitemap());
}
`,
      filename: 'src/routes/sitemap.xml/+server.js',
      errors: [{ messageId: 'route', line: 2, column: 17, endLine: 2, endColumn: 20, data: { label: 'GET /sitemap.xml', framework: 'sveltekit', guards: '-', handlers: '1', extra: '; public; file-routed' } }],
    },
    {
      // Form actions: each one a route (arrow, method shorthand, string key, `satisfies Actions`); spreads skipped.
      code: `import { fail, redirect } from '@sveltejs/kit';
import type { Actions } from './$types';
export const load = async ({ locals }) => ({ todos: await db.todos() });
export const actions = {
  ...baseActions,
  default: async ({ request }) => {
    await db.create(await request.formData());
  },
  async remove({ request }) {
    await db.remove();
  },
  'mark-done': async (event) => db.done(),
} satisfies Actions;
`,
      filename: 'src/routes/(app)/todos/+page.server.ts',
      errors: [
        { messageId: 'route', line: 6, column: 3, endLine: 6, endColumn: 10, data: { label: 'action default /todos', framework: 'sveltekit', guards: '-', handlers: '1', extra: '; file-routed' } },
        { messageId: 'route', line: 9, column: 9, endLine: 9, endColumn: 15, data: { label: 'action remove /todos', framework: 'sveltekit', guards: '-', handlers: '1', extra: '; file-routed' } },
        { messageId: 'route', line: 12, column: 3, endLine: 12, endColumn: 14, data: { label: 'action mark-done /todos', framework: 'sveltekit', guards: '-', handlers: '1', extra: '; file-routed' } },
      ],
    },
    {
      // Odd code: computed keys (static and dynamic), a typed `actions` in JS.
      code: `const name = 'archive';
/** @type {import('./$types').Actions} */
export const actions = { [name]: async () => db.archive(), [dynamicKey]: async () => db.x() };
`,
      filename: 'src/routes/inbox/+page.server.js',
      errors: [
        { messageId: 'route', line: 3, column: 27, endLine: 3, endColumn: 31, data: { label: 'action archive /inbox', framework: 'sveltekit', guards: '-', handlers: '1', extra: '; file-routed' } },
        { messageId: 'route', line: 3, column: 61, endLine: 3, endColumn: 71, data: { label: 'action (computed) /inbox', framework: 'sveltekit', guards: '-', handlers: '1', extra: '; file-routed' } },
      ],
    },
  ],
});
