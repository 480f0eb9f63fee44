import { RuleTester } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';

import rule from '../../src/rules/require-auth-gate-in-route';
import { createRuleTester } from '../rule-tester';

/*
 * require-auth-gate-in-route on Next.js: App Router route handlers, Pages Router API routes
 * and Server Actions, with the gates the Next.js auth libraries use.
 */
const ruleTester = createRuleTester();

ruleTester.run('require-auth-gate-in-route (next)', rule, {
  valid: [
    {
      // A webhook verifying the sender's signed message with a project helper: verify + signed words
      code: `import { verifyAppleNotificationPayload } from '@/billing/apple';
import { verifySignedPayload } from '@/billing/paddle';
export async function POST(request: Request) {
  const { signedPayload } = await request.json();
  let notification;
  try {
    notification = await verifyAppleNotificationPayload(signedPayload);
  } catch {
    return Response.json({ error: 'Invalid signed payload' }, { status: 400 });
  }
  return Response.json(await syncSubscription(notification));
}
export async function PUT(request: Request) {
  const event = await verifySignedPayload(await request.text(), request.headers.get('paddle-signature'));
  return Response.json(await syncSubscription(event));
}
`,
      filename: 'app/api/billing/webhook/route.ts',
    },
    {
      // The session fetched beside other data with Promise.all, bound by position and checked
      code: `import { getServerSession } from 'next-auth';
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [project, viewer] = await Promise.all([db.project.findUnique({ where: { id } }), getServerSession(authOptions)]);
  if (!viewer) throw new AuthenticationError('not signed in');
  return Response.json(project);
}
`,
      filename: 'app/api/projects/[id]/route.ts',
    },
    // --- App Router: session fetched and checked ---
    {
      // next-auth v4
      code: `import { getServerSession } from 'next-auth';
import { NextResponse } from 'next/server';
import { authOptions } from '@/lib/auth';
export async function POST(request: Request) {
  const session = await getServerSession(authOptions);
  if (!session) {
    return NextResponse.json({ error: 'Unauthorized' }, { status: 401 });
  }
  const body = await request.json();
  return NextResponse.json(await db.post.create({ data: { ...body, authorId: session.user.id } }));
}
`,
      filename: 'app/api/posts/route.ts',
    },
    {
      // Auth.js v5 `auth()` and a redirect as the exit
      code: `import { auth } from '@/auth';
import { redirect } from 'next/navigation';
export async function GET() {
  const session = await auth();
  if (!session?.user) redirect('/login');
  return Response.json(await db.invoice.findMany({ where: { userId: session.user.id } }));
}
`,
      filename: 'src/app/api/invoices/route.ts',
    },
    {
      // Auth.js v5 wrapper: `req.auth` checked
      code: `import { auth } from '@/auth';
export const GET = auth(function GET(req) {
  if (req.auth) return Response.json(req.auth);
  return Response.json({ message: 'Not authenticated' }, { status: 401 });
});
`,
      filename: 'app/api/me/route.ts',
    },
    {
      // Clerk: `auth()` destructured and checked, `auth.protect()`, `auth().protect()`, `currentUser()`
      code: `import { auth, currentUser } from '@clerk/nextjs/server';
export async function GET() {
  const { userId } = await auth();
  if (!userId) return new Response('Unauthorized', { status: 401 });
  return Response.json(await getTodos(userId));
}
export async function POST(req: Request) {
  await auth.protect();
  return Response.json(await createTodo(await req.json()));
}
export async function PUT(req: Request) {
  auth().protect();
  return Response.json(await updateTodo(await req.json()));
}
export async function DELETE() {
  const user = await currentUser();
  if (!user) return Response.json({ error: 'Unauthorized' }, { status: 401 });
  return Response.json(await deleteTodos(user.id));
}
`,
      filename: 'app/api/todos/route.ts',
    },
    {
      // Supabase SSR
      code: `import { createClient } from '@/utils/supabase/server';
export async function POST(request) {
  const supabase = await createClient();
  const { data: { user } } = await supabase.auth.getUser();
  if (!user) return Response.json({ error: 'Unauthorized' }, { status: 401 });
  const { data } = await supabase.from('notes').insert(await request.json());
  return Response.json(data);
}
`,
      filename: 'app/api/notes/route.js',
    },
    {
      // iron-session, Lucia, Kinde
      code: `import { getIronSession } from 'iron-session';
import { cookies } from 'next/headers';
import { validateRequest } from '@/lib/lucia';
import { getKindeServerSession } from '@kinde-oss/kinde-auth-nextjs/server';
export async function GET() {
  const session = await getIronSession(await cookies(), sessionOptions);
  if (!session.isLoggedIn) return Response.json({ error: 'Unauthorized' }, { status: 401 });
  return Response.json(await getCart(session.userId));
}
export async function POST(req: Request) {
  const { user } = await validateRequest();
  if (!user) return new Response(null, { status: 401 });
  return Response.json(await addToCart(user.id, await req.json()));
}
export async function DELETE() {
  const { isAuthenticated } = getKindeServerSession();
  if (!(await isAuthenticated())) return new Response(null, { status: 401 });
  return Response.json(await clearCart());
}
`,
      filename: 'app/api/cart/route.ts',
    },
    {
      // Wrapper HOFs and a handler exported under several methods
      code: `import { withAuth } from '@/lib/with-auth';
export const POST = withAuth(async (req: Request) => Response.json(await createProject(await req.json())));
const handler = withAuth(async (req: Request) => Response.json(await listProjects()));
export { handler as GET, handler as HEAD };
`,
      filename: 'app/api/projects/route.ts',
    },
    {
      // Public by design: NextAuth's own handlers and health checks (file paths)
      code: `import { handlers } from '@/auth';
export const { GET, POST } = handlers;
`,
      filename: 'app/api/auth/[...nextauth]/route.ts',
    },
    {
      code: 'export async function GET() { return Response.json({ status: "ok", uptime: process.uptime() }); }',
      filename: 'app/api/health/route.js',
    },
    {
      // A webhook that verifies its signature
      code: `import Stripe from 'stripe';
import { headers } from 'next/headers';
const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);
export async function POST(req: Request) {
  const signature = (await headers()).get('stripe-signature')!;
  const event = stripe.webhooks.constructEvent(await req.text(), signature, process.env.STRIPE_WEBHOOK_SECRET!);
  await handleEvent(event);
  return Response.json({ received: true });
}
`,
      filename: 'app/api/webhooks/stripe/route.ts',
    },
    {
      // The public-route comment with a reason
      code: `// agent-guard: public-route newsletter sign-up form on the landing page
export async function POST(req: Request) {
  await subscribe((await req.json()).email);
  return Response.json({ ok: true });
}
`,
      filename: 'app/api/newsletter/route.ts',
    },
    {
      // A global gate declared in settings (root middleware.ts with a matcher): file glob
      code: 'export async function DELETE(req: Request) { return Response.json(await purgeUsers()); }',
      filename: 'app/api/admin/users/route.ts',
      settings: { 'agent-guard': { auth: { protectedPaths: ['app/api/admin/**'] } } },
    },
    {
      // … and as a URL path glob in the rule option
      code: 'export async function DELETE(req) { return Response.json(await purgeUsers()); }',
      filename: 'src/app/api/admin/users/route.js',
      options: [{ globalAuth: ['/api/admin/**'] }],
    },
    {
      // Only some frameworks checked
      code: 'export async function GET() { return Response.json(await listUsers()); }',
      filename: 'app/api/users/route.ts',
      options: [{ frameworks: ['express'] }],
    },
    {
      // Not routed: a private folder, a route file's non-method exports, a page component
      code: 'export async function POST() { return Response.json(await wipe()); }',
      filename: 'app/_lib/route.ts',
    },
    {
      code: "export const runtime = 'edge';\nexport function buildQuery() { return db.query(); }",
      filename: 'app/api/search/route.ts',
    },
    {
      code: 'export default async function Page() { const posts = await getPosts(); return posts.length; }',
      filename: 'app/posts/page.tsx',
    },

    // --- Pages Router ---
    {
      code: `import { getServerSession } from 'next-auth/next';
import { authOptions } from '../auth/[...nextauth]';
export default async function handler(req, res) {
  if (req.method !== 'POST') return res.status(405).end();
  const session = await getServerSession(req, res, authOptions);
  if (!session) return res.status(401).json({ message: 'You must be logged in.' });
  res.status(200).json(await createPost(req.body, session.user.id));
}
`,
      filename: 'pages/api/posts/index.js',
    },
    {
      code: `import { withApiAuthRequired, getSession } from '@auth0/nextjs-auth0';
export default withApiAuthRequired(async function handler(req, res) {
  res.json(await getProfile(req));
});
`,
      filename: 'pages/api/profile.ts',
    },
    {
      // iron-session's wrapper only attaches the session; the handler checks it.
      code: `import { withIronSessionApiRoute } from 'iron-session/next';
export default withIronSessionApiRoute(async function userRoute(req, res) {
  if (!req.session.user) return res.status(401).json({ message: 'Unauthorized' });
  res.json(await getOrders(req.session.user.id));
}, sessionOptions);
`,
      filename: 'src/pages/api/orders.ts',
    },
    {
      code: `import { getToken } from 'next-auth/jwt';
export default async function handler(req, res) {
  const token = await getToken({ req });
  if (!token) return res.status(401).end();
  res.json(await listFiles(token.sub));
}
`,
      filename: 'pages/api/files/[id].js',
    },
    {
      code: 'export default function handler(req, res) { res.json({ providers: [] }); }',
      filename: 'pages/api/auth/providers.js',
    },

    // --- Server Actions ---
    {
      code: `'use server';
import { auth } from '@/auth';
import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
export async function createPost(formData: FormData) {
  const session = await auth();
  if (!session?.user) redirect('/login');
  await db.post.create({ data: { title: String(formData.get('title')), authorId: session.user.id } });
  revalidatePath('/posts');
}
export const deletePost = async (id: string) => {
  const session = await auth();
  if (!session?.user?.id) throw new Error('Unauthorized');
  await db.post.delete({ where: { id, authorId: session.user.id } });
};
`,
      filename: 'app/posts/actions.ts',
    },
    {
      code: `'use server';
import { createClient } from '@/utils/supabase/server';
export async function updateProfile(formData) {
  const supabase = await createClient();
  const { data: { user } } = await supabase.auth.getUser();
  if (!user) redirect('/login');
  await supabase.from('profiles').update({ name: formData.get('name') }).eq('id', user.id);
}
// Signing in, up and out is public by design.
export async function login(formData) {
  await supabase.auth.signInWithPassword({ email: formData.get('email'), password: formData.get('password') });
  redirect('/');
}
export async function signUpAction(formData) {
  await supabase.auth.signUp({ email: formData.get('email'), password: formData.get('password') });
}
export async function authenticate(prevState, formData) {
  await signIn('credentials', formData);
}
`,
      filename: 'app/login/actions.js',
    },
    {
      // An inline action that checks the session itself
      code: `import { auth } from '@/auth';
export default async function Page() {
  async function save(formData: FormData) {
    'use server';
    const session = await auth();
    if (!session) throw new Error('Unauthorized');
    await db.note.create({ data: { text: String(formData.get('text')) } });
  }
  return <form action={save} />;
}
`,
      filename: 'app/notes/page.tsx',
    },
    {
      // next-safe-action: a builder the project declares as authenticated
      code: `'use server';
import { authActionClient } from '@/lib/safe-action';
export const updateName = authActionClient.schema(schema).action(async ({ parsedInput, ctx }) => {
  await db.user.update({ where: { id: ctx.userId }, data: { name: parsedInput.name } });
});
`,
      filename: 'app/settings/actions.ts',
      settings: { 'agent-guard': { auth: { procedures: ['authActionClient'] } } },
    },
    {
      // … or whose name says so
      code: `'use server';
export const archive = protectedAction.action(async ({ parsedInput }) => {
  await db.project.update({ where: { id: parsedInput.id }, data: { archived: true } });
});
`,
      filename: 'app/projects/actions.ts',
    },
    {
      // Odd code does not crash: computed keys, spreads, string export names, zero args
      code: `'use server';
const key = 'x';
const actions = { [key]: async () => {} };
export const { ...rest } = actions;
export { actions as 'odd name' };
export default actions?.[key];
`,
      filename: 'app/odd/actions.ts',
    },
  ],
  invalid: [
    {
      // verifyPayload alone may only check the body's shape: no gate
      code: `export async function POST(request: Request) {
  const body = verifyPayload(await request.json());
  return Response.json(await db.invoice.create({ data: body }));
}
`,
      filename: 'app/api/invoices/route.ts',
      errors: [{ messageId: 'missingGate', line: 1, column: 23, endLine: 1, endColumn: 27, data: { route: 'POST /api/invoices', framework: 'next' }, suggestions: [{ messageId: 'markPublic', output: `// agent-guard: public-route TODO: say why anyone may call this
export async function POST(request: Request) {
  const body = verifyPayload(await request.json());
  return Response.json(await db.invoice.create({ data: body }));
}
` }] }],
    },
    {
      // Promise.all: the element bound by position to what is checked is not the session
      code: `import { getServerSession } from 'next-auth';
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [project, session, ...rest] = await Promise.all([db.project.findUnique({ where: { id } }), getServerSession(authOptions), audit(id)]);
  if (!project) return new Response(null, { status: 404 });
  return Response.json({ project, viewer: session?.user?.email, rest });
}
`,
      filename: 'app/api/projects/[id]/route.ts',
      errors: [{ messageId: 'sessionUnchecked', line: 4, column: 100, endLine: 4, endColumn: 129, data: { route: 'GET /api/projects/[id]', framework: 'next', call: 'getServerSession()' } }],
    },
    // --- App Router ---
    {
      code: `import { NextResponse } from 'next/server';
export async function GET() {
  const users = await db.user.findMany();
  return NextResponse.json(users);
}
`,
      filename: 'app/api/users/route.ts',
      errors: [{ messageId: 'missingGate', line: 2, column: 23, endLine: 2, endColumn: 26, data: { route: 'GET /api/users', framework: 'next' }, suggestions: [{ messageId: 'markPublic', output: `import { NextResponse } from 'next/server';
// agent-guard: public-route TODO: say why anyone may call this
export async function GET() {
  const users = await db.user.findMany();
  return NextResponse.json(users);
}
` }] }],
    },
    {
      code: `export async function DELETE(req, { params }) {
  const { id } = await params;
  await db.post.delete({ where: { id } });
  return new Response(null, { status: 204 });
}
`,
      filename: 'src/app/(dashboard)/api/posts/[id]/route.js',
      errors: [{ messageId: 'missingGate', line: 1, column: 23, endLine: 1, endColumn: 29, data: { route: 'DELETE /api/posts/[id]', framework: 'next' }, suggestions: [{ messageId: 'markPublic', output: `// agent-guard: public-route TODO: say why anyone may call this
export async function DELETE(req, { params }) {
  const { id } = await params;
  await db.post.delete({ where: { id } });
  return new Response(null, { status: 204 });
}
` }] }],
    },
    {
      code: `const handler = async (req: Request) => Response.json(await db.setting.findMany());
export { handler as GET, handler as POST };
`,
      filename: 'app/api/settings/route.ts',
      errors: [
        { messageId: 'missingGate', line: 2, column: 21, endLine: 2, endColumn: 24, data: { route: 'GET /api/settings', framework: 'next' }, suggestions: [{ messageId: 'markPublic', output: `const handler = async (req: Request) => Response.json(await db.setting.findMany());
// agent-guard: public-route TODO: say why anyone may call this
export { handler as GET, handler as POST };
` }] },
        { messageId: 'missingGate', line: 2, column: 37, endLine: 2, endColumn: 41, data: { route: 'POST /api/settings', framework: 'next' }, suggestions: [{ messageId: 'markPublic', output: `const handler = async (req: Request) => Response.json(await db.setting.findMany());
// agent-guard: public-route TODO: say why anyone may call this
export { handler as GET, handler as POST };
` }] },
      ],
    },
    {
      // A wrapper that is not an auth gate
      code: `export const POST = withErrorHandling(async (req: Request) => {
  return Response.json(await db.order.create({ data: await req.json() }));
});
`,
      filename: 'app/api/orders/route.ts',
      errors: [{ messageId: 'missingGate', line: 1, column: 14, endLine: 1, endColumn: 18, data: { route: 'POST /api/orders', framework: 'next' }, suggestions: [{ messageId: 'markPublic', output: `// agent-guard: public-route TODO: say why anyone may call this
export const POST = withErrorHandling(async (req: Request) => {
  return Response.json(await db.order.create({ data: await req.json() }));
});
` }] }],
    },
    {
      // The session is fetched and never checked
      code: `import { getServerSession } from 'next-auth';
export async function POST(req: Request) {
  const session = await getServerSession(authOptions);
  const data = await req.json();
  return Response.json(await db.comment.create({ data: { ...data, author: session?.user?.email } }));
}
`,
      filename: 'app/api/comments/route.ts',
      errors: [{ messageId: 'sessionUnchecked', line: 3, column: 25, endLine: 3, endColumn: 54, data: { route: 'POST /api/comments', framework: 'next', call: 'getServerSession()' } }],
    },
    {
      // Answers before the check
      code: `import { auth } from '@/auth';
export async function GET(req) {
  const { searchParams } = new URL(req.url);
  if (searchParams.get('all')) return Response.json(await db.user.findMany());
  const session = await auth();
  if (!session) return new Response(null, { status: 401 });
  return Response.json(await db.user.findUnique({ where: { id: session.user.id } }));
}
`,
      filename: 'app/api/users/route.js',
      errors: [{ messageId: 'gateAfterResponse', line: 2, column: 23, endLine: 2, endColumn: 26, data: { route: 'GET /api/users', framework: 'next' } }],
    },
    {
      // A webhook that trusts its payload without verifying the signature
      code: `export async function POST(req: Request) {
  const event = await req.json();
  if (event.type === 'checkout.session.completed') await fulfil(event.data.object);
  return Response.json({ received: true });
}
`,
      filename: 'app/api/webhooks/stripe/route.ts',
      errors: [{ messageId: 'missingGate', line: 1, column: 23, endLine: 1, endColumn: 27, data: { route: 'POST /api/webhooks/stripe', framework: 'next' }, suggestions: [{ messageId: 'markPublic', output: `// agent-guard: public-route TODO: say why anyone may call this
export async function POST(req: Request) {
  const event = await req.json();
  if (event.type === 'checkout.session.completed') await fulfil(event.data.object);
  return Response.json({ received: true });
}
` }] }],
    },
    {
      // The public-route comment needs a reason; the route is then not reported as ungated.
      code: `// agent-guard: public-route
export async function GET() { return Response.json(await getPrices()); }
`,
      filename: 'app/api/prices/route.ts',
      errors: [{ messageId: 'publicReasonMissing', line: 1, column: 1, endLine: 1, endColumn: 29, data: { route: 'GET /api/prices' } }],
    },
    {
      // The settings name a gate function: the rule suggests calling it.
      code: `export async function POST(request: Request) {
  const body = await request.json();
  return Response.json(await db.team.create({ data: body }));
}
`,
      filename: 'app/api/teams/route.ts',
      settings: { 'agent-guard': { auth: { functions: ['requireUser'] } } },
      errors: [
        {
          messageId: 'missingGate',
          line: 1,
          column: 23,
          endLine: 1,
          endColumn: 27,
          data: { route: 'POST /api/teams', framework: 'next' },
          suggestions: [
            {
              messageId: 'insertGate',
              data: { gate: 'requireUser' },
              output: `export async function POST(request: Request) {
  await requireUser(request);
  const body = await request.json();
  return Response.json(await db.team.create({ data: body }));
}
`,
            },
            { messageId: 'markPublic', output: `// agent-guard: public-route TODO: say why anyone may call this
export async function POST(request: Request) {
  const body = await request.json();
  return Response.json(await db.team.create({ data: body }));
}
` },
          ],
        },
      ],
    },
    {
      // A protectedPaths glob for another folder does not cover this one.
      code: 'export async function GET() { return Response.json(await listReports()); }',
      filename: 'app/api/reports/route.ts',
      settings: { 'agent-guard': { auth: { protectedPaths: ['app/api/admin/**', '/api/admin/**'] } } },
      errors: [{ messageId: 'missingGate', line: 1, column: 23, endLine: 1, endColumn: 26, data: { route: 'GET /api/reports', framework: 'next' }, suggestions: [{ messageId: 'markPublic', output: `// agent-guard: public-route TODO: say why anyone may call this
export async function GET() { return Response.json(await listReports()); }` }] }],
    },

    // --- Pages Router ---
    {
      code: `export default async function handler(req, res) {
  if (req.method !== 'DELETE') return res.status(405).end();
  await db.user.delete({ where: { id: req.query.id } });
  res.status(204).end();
}
`,
      filename: 'pages/api/users/[id].js',
      errors: [{ messageId: 'missingGate', line: 1, column: 31, endLine: 1, endColumn: 38, data: { route: 'ALL /api/users/[id]', framework: 'next' }, suggestions: [{ messageId: 'markPublic', output: `// agent-guard: public-route TODO: say why anyone may call this
export default async function handler(req, res) {
  if (req.method !== 'DELETE') return res.status(405).end();
  await db.user.delete({ where: { id: req.query.id } });
  res.status(204).end();
}
` }] }],
    },
    {
      // iron-session's wrapper alone is not a gate
      code: `import { withIronSessionApiRoute } from 'iron-session/next';
async function handler(req, res) {
  res.json(await db.order.findMany());
}
export default withIronSessionApiRoute(handler, sessionOptions);
`,
      filename: 'src/pages/api/orders.ts',
      errors: [{ messageId: 'missingGate', line: 5, column: 16, endLine: 5, endColumn: 39, data: { route: 'ALL /api/orders', framework: 'next' }, suggestions: [{ messageId: 'markPublic', output: `import { withIronSessionApiRoute } from 'iron-session/next';
async function handler(req, res) {
  res.json(await db.order.findMany());
}
// agent-guard: public-route TODO: say why anyone may call this
export default withIronSessionApiRoute(handler, sessionOptions);
` }] }],
    },
    {
      code: `import type { NextApiRequest, NextApiResponse } from 'next';
import { getSession } from 'next-auth/react';
export default async (req: NextApiRequest, res: NextApiResponse) => {
  const session = await getSession({ req });
  res.json(await db.secret.findMany());
};
`,
      filename: 'pages/api/secrets.ts',
      errors: [{ messageId: 'sessionUnchecked', line: 4, column: 25, endLine: 4, endColumn: 44, data: { route: 'ALL /api/secrets', framework: 'next', call: 'getSession()' } }],
    },

    // --- Server Actions ---
    {
      code: `'use server';
import { revalidatePath } from 'next/cache';
export async function deletePost(id: string) {
  await db.post.delete({ where: { id } });
  revalidatePath('/posts');
}
export const publish = async (id: string) => {
  await db.post.update({ where: { id }, data: { published: true } });
};
`,
      filename: 'app/posts/actions.ts',
      errors: [
        { messageId: 'missingGate', line: 3, column: 23, endLine: 3, endColumn: 33, data: { route: 'Server Action deletePost', framework: 'next' }, suggestions: [{ messageId: 'markPublic', output: `'use server';
import { revalidatePath } from 'next/cache';
// agent-guard: public-route TODO: say why anyone may call this
export async function deletePost(id: string) {
  await db.post.delete({ where: { id } });
  revalidatePath('/posts');
}
export const publish = async (id: string) => {
  await db.post.update({ where: { id }, data: { published: true } });
};
` }] },
        { messageId: 'missingGate', line: 7, column: 14, endLine: 7, endColumn: 21, data: { route: 'Server Action publish', framework: 'next' }, suggestions: [{ messageId: 'markPublic', output: `'use server';
import { revalidatePath } from 'next/cache';
export async function deletePost(id: string) {
  await db.post.delete({ where: { id } });
  revalidatePath('/posts');
}
// agent-guard: public-route TODO: say why anyone may call this
export const publish = async (id: string) => {
  await db.post.update({ where: { id }, data: { published: true } });
};
` }] },
      ],
    },
    {
      // The page checks the session, but the inline action is callable on its own.
      code: `import { auth } from '@/auth';
export default async function Page() {
  const session = await auth();
  if (!session) return null;
  async function save(formData) {
    'use server';
    await db.note.create({ data: { text: formData.get('text') } });
  }
  return <form action={save} />;
}
`,
      filename: 'app/notes/page.jsx',
      errors: [{ messageId: 'missingGate', line: 5, column: 18, endLine: 5, endColumn: 22, data: { route: 'Server Action save', framework: 'next' }, suggestions: [{ messageId: 'markPublic', output: `import { auth } from '@/auth';
export default async function Page() {
  const session = await auth();
  if (!session) return null;
  // agent-guard: public-route TODO: say why anyone may call this
  async function save(formData) {
    'use server';
    await db.note.create({ data: { text: formData.get('text') } });
  }
  return <form action={save} />;
}
` }] }],
    },
    {
      code: `export default function Page() {
  return <form action={async (formData) => { 'use server'; await db.vote.create({ data: { id: formData.get('id') } }); }} />;
}
`,
      filename: 'app/poll/page.tsx',
      errors: [{ messageId: 'missingGate', line: 2, column: 46, endLine: 2, endColumn: 59, data: { route: 'Server Action (inline)', framework: 'next' }, suggestions: [{ messageId: 'markPublic', output: `export default function Page() {
  // agent-guard: public-route TODO: say why anyone may call this
  return <form action={async (formData) => { 'use server'; await db.vote.create({ data: { id: formData.get('id') } }); }} />;
}
` }] }],
    },
    {
      code: `'use server';
import { auth } from '@/auth';
export async function removeMember(teamId: string, userId: string) {
  const session = await auth();
  await db.membership.delete({ where: { teamId_userId: { teamId, userId } } });
}
`,
      filename: 'app/teams/actions.ts',
      errors: [{ messageId: 'sessionUnchecked', line: 4, column: 25, endLine: 4, endColumn: 31, data: { route: 'Server Action removeMember', framework: 'next', call: 'auth()' } }],
    },
    {
      // A next-safe-action builder the project has not declared, with no check inside
      code: `'use server';
export const updateName = actionClient.schema(schema).action(async ({ parsedInput }) => {
  await db.user.update({ where: { id: parsedInput.id }, data: { name: parsedInput.name } });
});
`,
      filename: 'app/settings/actions.ts',
      errors: [{ messageId: 'missingGate', line: 2, column: 14, endLine: 2, endColumn: 24, data: { route: 'Server Action updateName', framework: 'next' }, suggestions: [{ messageId: 'markPublic', output: `'use server';
// agent-guard: public-route TODO: say why anyone may call this
export const updateName = actionClient.schema(schema).action(async ({ parsedInput }) => {
  await db.user.update({ where: { id: parsedInput.id }, data: { name: parsedInput.name } });
});
` }] }],
    },
  ],
});

/** Plain JavaScript routes and actions also hold with ESLint's default parser. */
const espreeTester = new RuleTester({ languageOptions: { parser: espree, parserOptions: { ecmaFeatures: { jsx: true } } } });

espreeTester.run('require-auth-gate-in-route (next, espree)', rule, {
  valid: [
    {
      code: `import { auth } from '@/auth';
export async function POST(req) {
  const session = await auth();
  if (!session) return Response.json({ error: 'Unauthorized' }, { status: 401 });
  return Response.json(await createPost(session.user.id, await req.json()));
}
`,
      filename: 'app/api/posts/route.js',
    },
  ],
  invalid: [
    {
      code: `export default function Page() {
  async function vote(formData) {
    'use server';
    await db.vote.create({ data: { option: formData.get('option') } });
  }
  return <form action={vote} />;
}
`,
      filename: 'app/poll/page.jsx',
      errors: [{ messageId: 'missingGate', line: 2, column: 18, endLine: 2, endColumn: 22, data: { route: 'Server Action vote', framework: 'next' }, suggestions: [{ messageId: 'markPublic', output: `export default function Page() {
  // agent-guard: public-route TODO: say why anyone may call this
  async function vote(formData) {
    'use server';
    await db.vote.create({ data: { option: formData.get('option') } });
  }
  return <form action={vote} />;
}
` }] }],
    },
  ],
});
