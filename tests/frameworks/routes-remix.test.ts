import { describe, expect, it } from 'vitest';

import { remixRoutePath } from '../../src/frameworks/remix';
import { createRuleTester } from '../rule-tester';
import { probeRule } from './probe-rule';
import { routeProbe } from './route-probe';

/*
 * The Remix / React Router framework-mode route model: `action` exports are routes, `loader`
 * exports only in resource routes (no default export); labels from the flat-routes file
 * name. Also the adapter's handler discovery for the request-input tracker.
 */
describe('remixRoutePath', () => {
  it.each([
    ['users.$id.tsx', '/users/:id'],
    ['_index.tsx', '/'],
    ['users._index.tsx', '/users'],
    ['users.$id/route.tsx', '/users/:id'],
    ['_auth.login.tsx', '/login'],
    ['_auth+/login.tsx', '/login'],
    ['resources+/healthcheck.tsx', '/resources/healthcheck'],
    ['users_.$id.edit.tsx', '/users/:id/edit'],
    ['files.$.tsx', '/files/*'],
    ['($lang).about.tsx', '/:lang?/about'],
    ['sitemap[.]xml.ts', '/sitemap.xml'],
    ['api.v1.notes.ts', '/api/v1/notes'],
    ['__app/notes/$noteId.jsx', '/notes/:noteId'],
    ['notes/index.js', '/notes'],
  ])('%s → %s', (file, path) => {
    expect(remixRoutePath(file)).toBe(path);
  });
});

const ruleTester = createRuleTester();

ruleTester.run('routes-remix', routeProbe, {
  valid: [
    // A page route's loader is not an endpoint for the auth rule (decided for precision).
    {
      code: `export async function loader({ params }) { return json(await getNote(params.id)); }
export default function Note() { return null; }`,
      filename: 'app/routes/notes.$id.tsx',
    },
    // Outside app/routes, without React Router type generation: not a route module.
    { code: 'export async function action({ request }) { return null; }', filename: 'app/lib/actions.ts' },
    // Client-side data functions are not server endpoints.
    { code: 'export async function clientAction({ request }) { return null; }\nexport async function clientLoader() { return null; }', filename: 'app/routes/notes.tsx' },
    // Tests beside routes.
    { code: 'export async function action() { return null; }', filename: 'app/routes/notes.test.tsx' },
  ],
  invalid: [
    {
      code: `import type { ActionFunctionArgs } from '@remix-run/node';
export async function loader() { return null; }
export async function action({ request }: ActionFunctionArgs) {
  return redirect('/notes');
}
export default function NewNote() { return null; }
`,
      filename: 'app/routes/notes.new.tsx',
      errors: [{ messageId: 'route', line: 3, column: 23, endLine: 3, endColumn: 29, data: { label: 'action /notes/new', framework: 'remix', guards: '-', handlers: '1', extra: '; file-routed' } }],
    },
    {
      // A resource route: no default export, so its loader answers GET requests directly.
      code: `export const loader = async ({ request }) => Response.json(await listNotes());
export const action = withUser(async ({ request }) => null);
`,
      filename: 'app/routes/api.notes.js',
      errors: [
        { messageId: 'route', line: 1, column: 14, endLine: 1, endColumn: 20, data: { label: 'GET /api/notes', framework: 'remix', guards: '-', handlers: '1', extra: '; file-routed' } },
        {
          messageId: 'route',
          line: 2,
          column: 14,
          endLine: 2,
          endColumn: 20,
          data: { label: 'action /api/notes', framework: 'remix', guards: 'withUser(async ({ request }) => null) (wrapper)', handlers: '1', extra: '; file-routed' },
        },
      ],
    },
    {
      // React Router v7 route module outside app/routes, recognised by its type-generation import.
      code: `import type { Route } from './+types/product';
export async function action({ request }: Route.ActionArgs) { return null; }
export default function Product() { return null; }
`,
      filename: 'app/features/product/route.tsx',
      errors: [
        { messageId: 'route', line: 2, column: 23, endLine: 2, endColumn: 29, data: { label: 'action (app/features/product/route.tsx)', framework: 'remix', guards: '-', handlers: '1', extra: '; file-routed' } },
      ],
    },
    {
      // Re-exported action (body elsewhere) and odd code.
      code: `export { action } from './shared.server';
export { Page as default };
const Page = () => null;
`,
      filename: 'app/routes/_app.settings.tsx',
      errors: [{ messageId: 'route', line: 1, column: 10, endLine: 1, endColumn: 16, data: { label: 'action /settings', framework: 'remix', guards: '-', handlers: '0', extra: '; file-routed' } }],
    },
  ],
});

ruleTester.run('remix-handlers', probeRule, {
  valid: [],
  invalid: [
    {
      code: `export async function loader({ request, params }) {
  sink(params.id, new URL(request.url).searchParams.get('q'));
}
export const action = async (args) => {
  sink(await args.request.formData(), args.context);
};
export default function Page() { return null; }
`,
      filename: 'app/routes/notes.$id.jsx',
      errors: [
        { messageId: 'input', line: 2, column: 8, endLine: 2, endColumn: 17, data: { source: 'params.id', framework: 'remix', notes: '-' } },
        { messageId: 'input', line: 2, column: 19, endLine: 2, endColumn: 61, data: { source: 'request.url', framework: 'remix', notes: '-' } },
        { messageId: 'input', line: 5, column: 8, endLine: 5, endColumn: 37, data: { source: 'args.request.formData()', framework: 'remix', notes: '-' } },
        { messageId: 'unknown', line: 5, column: 39, endLine: 5, endColumn: 51 },
      ],
    },
  ],
});
