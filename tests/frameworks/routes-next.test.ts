import { describe, expect, it } from 'vitest';

import { appRoutePath, pagesApiPath } from '../../src/frameworks/next';
import { createRuleTester } from '../rule-tester';
import { routeProbe } from './route-probe';

/*
 * The Next.js route model: App Router `route.ts` method exports, Pages Router API default
 * exports, Server Actions; labels from the file path, wrapper and builder guards.
 */
describe('appRoutePath', () => {
  it.each([
    ['/repo/app/api/users/route.ts', '/api/users'],
    ['/repo/src/app/api/users/[id]/route.ts', '/api/users/[id]'],
    ['/repo/app/(admin)/api/users/route.js', '/api/users'],
    ['/repo/app/@modal/(.)photos/[id]/route.ts', '/photos/[id]'],
    ['/repo/app/route.ts', '/'],
    ['/app/app/api/items/[...slug]/route.tsx', '/api/items/[...slug]'],
    ['/repo/apps/web/app/api/v1/route.mjs', '/api/v1'],
  ])('%s → %s', (file, path) => {
    expect(appRoutePath(file)).toBe(path);
  });

  it.each(['/repo/app/_lib/route.ts', '/repo/app/api/users/route.test.ts', '/repo/app/api/users/helpers.ts', '/repo/lib/route.ts'])(
    '%s is not a route',
    (file) => {
      expect(appRoutePath(file)).toBeNull();
    },
  );
});

describe('pagesApiPath', () => {
  it.each([
    ['/repo/pages/api/users.ts', '/api/users'],
    ['/repo/src/pages/api/users/[id].js', '/api/users/[id]'],
    ['/repo/pages/api/users/index.ts', '/api/users'],
    ['/repo/pages/api/index.ts', '/api'],
  ])('%s → %s', (file, path) => {
    expect(pagesApiPath(file)).toBe(path);
  });

  it.each(['/repo/pages/api/__tests__/users.ts', '/repo/pages/users.ts', '/repo/pages/api/users.spec.ts'])('%s is not an API route', (file) => {
    expect(pagesApiPath(file)).toBeNull();
  });
});

const ruleTester = createRuleTester();

ruleTester.run('routes-next', routeProbe, {
  valid: [
    // Not a route file: method exports elsewhere are plain functions.
    { code: 'export async function POST(req) { return Response.json(await req.json()); }', filename: 'lib/post.ts' },
    // A private folder is not routed.
    { code: 'export async function POST(req) { return Response.json({}); }', filename: 'app/_lib/route.ts' },
    // Route files: other exports are not endpoints.
    { code: "export const dynamic = 'force-dynamic';\nexport function helper() {}\nexport default function Page() { return null; }", filename: 'app/api/users/route.ts' },
    // A page is not an endpoint; non-directive strings do not make Server Actions.
    { code: "export default async function Page() { const s = 'use server'; return s; }", filename: 'app/page.tsx' },
    // Pages Router: files outside pages/api and API files without a default export.
    { code: 'export default function handler(req, res) { res.json({}); }', filename: 'pages/users.tsx' },
    { code: 'export const config = { api: { bodyParser: false } };', filename: 'pages/api/upload.ts' },
    // Test files beside routes.
    { code: 'export async function GET() { return Response.json({}); }', filename: 'app/api/users/route.test.ts' },
    // A 'use server' file's non-function exports.
    { code: "'use server';\nexport type State = { ok: boolean };\nexport const schema = z.object({});", filename: 'app/actions.ts' },
  ],
  invalid: [
    {
      code: `import { NextResponse } from 'next/server';
export async function GET(request: Request) {
  return NextResponse.json([]);
}
export const POST = async (req: Request) => NextResponse.json(await req.json());
export const PUT = withAuth(async (req) => NextResponse.json({}));
const handler = async (req: Request) => new Response('ok');
export { handler as PATCH, handler as DELETE };
export { HEAD } from './head';
`,
      filename: 'src/app/(admin)/api/users/[id]/route.ts',
      errors: [
        { messageId: 'route', line: 2, column: 23, endLine: 2, endColumn: 26, data: { label: 'GET /api/users/[id]', framework: 'next', guards: '-', handlers: '1', extra: '; file-routed' } },
        { messageId: 'route', line: 5, column: 14, endLine: 5, endColumn: 18, data: { label: 'POST /api/users/[id]', framework: 'next', guards: '-', handlers: '1', extra: '; file-routed' } },
        {
          messageId: 'route',
          line: 6,
          column: 14,
          endLine: 6,
          endColumn: 17,
          data: { label: 'PUT /api/users/[id]', framework: 'next', guards: 'withAuth(async (req) => NextResponse.json({})) (wrapper)', handlers: '1', extra: '; file-routed' },
        },
        { messageId: 'route', line: 8, column: 21, endLine: 8, endColumn: 26, data: { label: 'PATCH /api/users/[id]', framework: 'next', guards: '-', handlers: '1', extra: '; file-routed' } },
        { messageId: 'route', line: 8, column: 39, endLine: 8, endColumn: 45, data: { label: 'DELETE /api/users/[id]', framework: 'next', guards: '-', handlers: '1', extra: '; file-routed' } },
        { messageId: 'route', line: 9, column: 10, endLine: 9, endColumn: 14, data: { label: 'HEAD /api/users/[id]', framework: 'next', guards: '-', handlers: '0', extra: '; file-routed' } },
      ],
    },
    {
      // NextAuth's handlers: destructured exports whose functions live in the library.
      code: `import { handlers } from '@/auth';
export const { GET, POST } = handlers;
`,
      filename: 'app/api/auth/[...nextauth]/route.ts',
      errors: [
        { messageId: 'route', line: 2, column: 16, endLine: 2, endColumn: 19, data: { label: 'GET /api/auth/[...nextauth]', framework: 'next', guards: '-', handlers: '0', extra: '; file-routed' } },
        { messageId: 'route', line: 2, column: 21, endLine: 2, endColumn: 25, data: { label: 'POST /api/auth/[...nextauth]', framework: 'next', guards: '-', handlers: '0', extra: '; file-routed' } },
      ],
    },
    {
      code: `export default async function handler(req, res) {
  res.status(200).json({ ok: true });
}
`,
      filename: 'pages/api/users/index.js',
      errors: [{ messageId: 'route', line: 1, column: 31, endLine: 1, endColumn: 38, data: { label: 'ALL /api/users', framework: 'next', guards: '-', handlers: '1', extra: '; file-routed' } }],
    },
    {
      code: `import { withApiAuthRequired } from '@auth0/nextjs-auth0';
async function handler(req, res) { res.json({}); }
export default withApiAuthRequired(handler);
`,
      filename: 'src/pages/api/me.ts',
      errors: [
        { messageId: 'route', line: 3, column: 16, endLine: 3, endColumn: 35, data: { label: 'ALL /api/me', framework: 'next', guards: 'withApiAuthRequired(handler) (wrapper)', handlers: '1', extra: '; file-routed' } },
      ],
    },
    {
      code: `const handler = (req, res) => res.json({});
export default handler;
`,
      filename: 'pages/api/[slug].ts',
      errors: [{ messageId: 'route', line: 2, column: 16, endLine: 2, endColumn: 23, data: { label: 'ALL /api/[slug]', framework: 'next', guards: '-', handlers: '1', extra: '; file-routed' } }],
    },
    {
      code: `'use server';
export async function createPost(formData: FormData) {}
export const deletePost = async (id: string) => {};
export default async function save() {}
export async function signUp(formData: FormData) {}
export const update = authActionClient.schema(schema).action(async ({ parsedInput }) => {});
`,
      filename: 'app/posts/actions.ts',
      errors: [
        { messageId: 'route', line: 2, column: 23, endLine: 2, endColumn: 33, data: { label: 'Server Action createPost', framework: 'next', guards: '-', handlers: '1', extra: '' } },
        { messageId: 'route', line: 3, column: 14, endLine: 3, endColumn: 24, data: { label: 'Server Action deletePost', framework: 'next', guards: '-', handlers: '1', extra: '' } },
        { messageId: 'route', line: 4, column: 31, endLine: 4, endColumn: 35, data: { label: 'Server Action default', framework: 'next', guards: '-', handlers: '1', extra: '' } },
        { messageId: 'route', line: 5, column: 23, endLine: 5, endColumn: 29, data: { label: 'Server Action signUp', framework: 'next', guards: '-', handlers: '1', extra: '; public' } },
        {
          messageId: 'route',
          line: 6,
          column: 14,
          endLine: 6,
          endColumn: 20,
          data: {
            label: 'Server Action update',
            framework: 'next',
            guards: 'authActionClient.schema(schema).action(async ({ parsedInput }) => {}) (wrapper), authActionClient (procedure)',
            handlers: '1',
            extra: '',
          },
        },
      ],
    },
    {
      code: `export default async function Page() {
  async function save(formData: FormData) {
    'use server';
  }
  const remove = async () => {
    'use server';
  };
  return <form action={async () => { 'use server'; }}>{String(save)}{String(remove)}</form>;
}
`,
      filename: 'app/posts/page.tsx',
      errors: [
        { messageId: 'route', line: 2, column: 18, endLine: 2, endColumn: 22, data: { label: 'Server Action save', framework: 'next', guards: '-', handlers: '1', extra: '' } },
        { messageId: 'route', line: 5, column: 9, endLine: 5, endColumn: 15, data: { label: 'Server Action remove', framework: 'next', guards: '-', handlers: '1', extra: '' } },
        { messageId: 'route', line: 8, column: 38, endLine: 8, endColumn: 51, data: { label: 'Server Action (inline)', framework: 'next', guards: '-', handlers: '1', extra: '' } },
      ],
    },
    {
      // Odd code: computed names, spreads, string export names; nothing crashes.
      code: `const key = 'GET';
const fns = { [key]: () => new Response('x') };
export const { ...rest } = fns;
export { fns as 'POST' };
export default {};
`,
      filename: 'app/api/odd/route.js',
      errors: [{ messageId: 'route', line: 4, column: 17, endLine: 4, endColumn: 23, data: { label: 'POST /api/odd', framework: 'next', guards: '-', handlers: '0', extra: '; file-routed' } }],
    },
  ],
});
