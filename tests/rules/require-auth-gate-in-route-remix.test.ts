import { RuleTester } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';

import rule from '../../src/rules/require-auth-gate-in-route';
import { createRuleTester } from '../rule-tester';

/*
 * require-auth-gate-in-route on Remix / React Router framework mode: route modules' `action`
 * exports, and `loader` exports of resource routes (modules without a default export).
 */
const ruleTester = createRuleTester();

ruleTester.run('require-auth-gate-in-route (remix)', rule, {
  valid: [
    // --- gated actions ---
    {
      // Indie/Blues stack helper that throws a redirect to /login
      code: `import type { ActionFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { requireUserId } from '~/session.server';
export async function action({ request }: ActionFunctionArgs) {
  const userId = await requireUserId(request);
  const formData = await request.formData();
  const note = await createNote({ title: String(formData.get('title')), userId });
  return redirect(\`/notes/\${note.id}\`);
}
export default function NewNotePage() { return null; }
`,
      filename: 'app/routes/notes.new.tsx',
    },
    {
      // Clerk
      code: `import { getAuth } from '@clerk/remix/ssr.server';
import { redirect } from '@remix-run/node';
export const action = async (args) => {
  const { userId } = await getAuth(args);
  if (!userId) return redirect('/sign-in?redirect_url=' + args.request.url);
  return Response.json(await deleteProject(args.params.id, userId));
};
export default function Project() { return null; }
`,
      filename: 'app/routes/projects.$id.jsx',
    },
    {
      // A cookie session read and checked
      code: `import { getSession } from '~/sessions.server';
export async function action({ request, params }) {
  const session = await getSession(request.headers.get('Cookie'));
  if (!session.has('userId')) throw redirect('/login');
  await db.comment.delete({ where: { id: params.commentId } });
  return null;
}
export default function Comment() { return null; }
`,
      filename: 'app/routes/comments.$commentId.tsx',
    },
    {
      // Supabase, React Router v7 types
      code: `import type { Route } from './+types/account';
import { createSupabaseServerClient } from '~/supabase.server';
export async function action({ request }: Route.ActionArgs) {
  const { supabase, headers } = createSupabaseServerClient(request);
  const { data: { user } } = await supabase.auth.getUser();
  if (!user) throw redirect('/login', { headers });
  await supabase.from('profiles').update({ bio: (await request.formData()).get('bio') }).eq('id', user.id);
  return { ok: true };
}
export default function Account() { return null; }
`,
      filename: 'app/routes/account.tsx',
    },
    {
      // A resource route whose loader checks the user
      code: `import { requireUser } from '~/auth.server';
export async function loader({ request }) {
  const user = await requireUser(request);
  return Response.json(await listInvoices(user.id));
}
`,
      filename: 'app/routes/api.invoices.ts',
    },
    {
      // A wrapper
      code: `export const action = withAuth(async ({ request }) => Response.json(await archive(await request.formData())));
export default function Archive() { return null; }
`,
      filename: 'app/routes/archive.tsx',
    },

    // --- not routes for this rule ---
    {
      // A page loader: page data is not treated as an endpoint (decided for precision).
      code: `export async function loader({ params }) {
  return json(await getPost(params.slug));
}
export default function Post() { return null; }
`,
      filename: 'app/routes/blog.$slug.tsx',
    },
    {
      code: 'export async function action({ request }) { return db.wipe(); }',
      filename: 'app/utils/actions.server.ts',
    },

    // --- public by design ---
    {
      code: `export async function action({ request }) {
  const form = await request.formData();
  return login(String(form.get('email')), String(form.get('password')));
}
export default function Login() { return null; }
`,
      filename: 'app/routes/login.tsx',
    },
    {
      code: `export const loader = ({ request }) => authenticator.authenticate('github', request);
export const action = loader;
`,
      filename: 'app/routes/auth.github.callback.ts',
    },
    {
      // Blues stack health check: a resource route at /healthcheck
      code: `export async function loader({ request }) {
  await prisma.user.count();
  return new Response('OK');
}
`,
      filename: 'app/routes/healthcheck.tsx',
    },
    {
      code: `// agent-guard: public-route contact form, rate-limited at the edge
export async function action({ request }) {
  await sendMail(await request.formData());
  return { sent: true };
}
export default function Contact() { return null; }
`,
      filename: 'app/routes/contact.tsx',
    },

    // --- global gates declared elsewhere ---
    {
      code: `export async function action({ request }) {
  return Response.json(await banUser(await request.formData()));
}
export default function Users() { return null; }
`,
      filename: 'app/routes/admin.users.tsx',
      settings: { 'agent-guard': { auth: { protectedPaths: ['app/routes/admin*'] } } },
    },
    {
      code: `export async function action({ request }) {
  return Response.json(await banUser(await request.formData()));
}
export default function Users() { return null; }
`,
      filename: 'app/routes/_dashboard.admin.users.tsx',
      options: [{ globalAuth: ['/admin/**'] }],
    },
    {
      code: 'export async function action() { return Response.json(await wipe()); }',
      filename: 'app/routes/danger.ts',
      options: [{ frameworks: ['next'] }],
    },
    {
      // Odd code: re-exports, computed members, optional chains, spreads
      code: `export { action } from './shared.server';
const handlers = { a: null };
export const loader = handlers?.['a'] ?? (() => null);
export default function Odd(...args) { return args; }
`,
      filename: 'app/routes/odd.tsx',
    },
  ],
  invalid: [
    {
      code: `import type { ActionFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
export async function action({ params }: ActionFunctionArgs) {
  await deleteNote({ id: params.noteId });
  return redirect('/notes');
}
export default function NoteDetailsPage() { return null; }
`,
      filename: 'app/routes/notes.$noteId.tsx',
      errors: [{ messageId: 'missingGate', line: 3, column: 23, endLine: 3, endColumn: 29, data: { route: 'action /notes/:noteId', framework: 'remix' }, suggestions: [{ messageId: 'markPublic', output: `import type { ActionFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
// agent-guard: public-route TODO: say why anyone may call this
export async function action({ params }: ActionFunctionArgs) {
  await deleteNote({ id: params.noteId });
  return redirect('/notes');
}
export default function NoteDetailsPage() { return null; }
` }] }],
    },
    {
      // A resource route: the loader answers GET /api/users directly
      code: `export const loader = async () => {
  const users = await db.user.findMany();
  return Response.json(users);
};
`,
      filename: 'app/routes/api.users.js',
      errors: [{ messageId: 'missingGate', line: 1, column: 14, endLine: 1, endColumn: 20, data: { route: 'GET /api/users', framework: 'remix' }, suggestions: [{ messageId: 'markPublic', output: `// agent-guard: public-route TODO: say why anyone may call this
export const loader = async () => {
  const users = await db.user.findMany();
  return Response.json(users);
};
` }] }],
    },
    {
      code: `import type { Route } from './+types/team';
export async function action({ request, params }: Route.ActionArgs) {
  const form = await request.formData();
  await removeMember(params.teamId, String(form.get('userId')));
  return { ok: true };
}
export default function Team() { return null; }
`,
      filename: 'app/routes/_app+/teams+/$teamId.tsx',
      errors: [{ messageId: 'missingGate', line: 2, column: 23, endLine: 2, endColumn: 29, data: { route: 'action /teams/:teamId', framework: 'remix' }, suggestions: [{ messageId: 'markPublic', output: `import type { Route } from './+types/team';
// agent-guard: public-route TODO: say why anyone may call this
export async function action({ request, params }: Route.ActionArgs) {
  const form = await request.formData();
  await removeMember(params.teamId, String(form.get('userId')));
  return { ok: true };
}
export default function Team() { return null; }
` }] }],
    },
    {
      // A route module outside app/routes, known by its React Router type-generation import
      code: `import type { Route } from './+types/route';
export async function action({ request }: Route.ActionArgs) {
  await purge();
  return null;
}
export default function Settings() { return null; }
`,
      filename: 'app/features/settings/route.tsx',
      errors: [{ messageId: 'missingGate', line: 2, column: 23, endLine: 2, endColumn: 29, data: { route: 'action (app/features/settings/route.tsx)', framework: 'remix' }, suggestions: [{ messageId: 'markPublic', output: `import type { Route } from './+types/route';
// agent-guard: public-route TODO: say why anyone may call this
export async function action({ request }: Route.ActionArgs) {
  await purge();
  return null;
}
export default function Settings() { return null; }
` }] }],
    },
    {
      // Session read, never checked
      code: `import { getSession } from '~/sessions.server';
export async function action({ request }) {
  const session = await getSession(request.headers.get('Cookie'));
  await db.post.deleteMany();
  return null;
}
export default function Posts() { return null; }
`,
      filename: 'app/routes/posts.jsx',
      errors: [{ messageId: 'sessionUnchecked', line: 3, column: 25, endLine: 3, endColumn: 66, data: { route: 'action /posts', framework: 'remix', call: 'getSession()' } }],
    },
    {
      // Answers before the check
      code: `import { requireUserId } from '~/session.server';
export async function loader({ request }) {
  const url = new URL(request.url);
  if (url.searchParams.has('export')) return Response.json(await exportAll());
  const userId = await requireUserId(request);
  return Response.json(await listFor(userId));
}
`,
      filename: 'app/routes/api.reports.ts',
      errors: [{ messageId: 'gateAfterResponse', line: 2, column: 23, endLine: 2, endColumn: 29, data: { route: 'GET /api/reports', framework: 'remix' } }],
    },
    {
      // A protectedPaths glob for another folder does not cover this route
      code: `export async function action() { return Response.json(await resetAll()); }
export default function Billing() { return null; }
`,
      filename: 'app/routes/billing.tsx',
      settings: { 'agent-guard': { auth: { protectedPaths: ['app/routes/admin*', '/admin/**'] } } },
      errors: [{ messageId: 'missingGate', line: 1, column: 23, endLine: 1, endColumn: 29, data: { route: 'action /billing', framework: 'remix' }, suggestions: [{ messageId: 'markPublic', output: `// agent-guard: public-route TODO: say why anyone may call this
export async function action() { return Response.json(await resetAll()); }
export default function Billing() { return null; }
` }] }],
    },
    {
      code: `// agent-guard: public-route
export async function action() { return null; }
export default function Feedback() { return null; }
`,
      filename: 'app/routes/feedback.tsx',
      errors: [{ messageId: 'publicReasonMissing', line: 1, column: 1, endLine: 1, endColumn: 29, data: { route: 'action /feedback' } }],
    },
  ],
});

/** Plain JavaScript route modules also hold with ESLint's default parser. */
const espreeTester = new RuleTester({ languageOptions: { parser: espree, parserOptions: { ecmaFeatures: { jsx: true } } } });

espreeTester.run('require-auth-gate-in-route (remix, espree)', rule, {
  valid: [
    {
      code: `export async function action({ request }) {
  const userId = await requireUserId(request);
  return Response.json(await createNote(userId, await request.formData()));
}
export default function NewNote() { return <form method="post" />; }
`,
      filename: 'app/routes/notes.new.jsx',
    },
  ],
  invalid: [
    {
      code: `export async function action({ request }) {
  return Response.json(await createNote(await request.formData()));
}
export default function NewNote() { return <form method="post" />; }
`,
      filename: 'app/routes/notes.new.jsx',
      errors: [{ messageId: 'missingGate', line: 1, column: 23, endLine: 1, endColumn: 29, data: { route: 'action /notes/new', framework: 'remix' }, suggestions: [{ messageId: 'markPublic', output: `// agent-guard: public-route TODO: say why anyone may call this
export async function action({ request }) {
  return Response.json(await createNote(await request.formData()));
}
export default function NewNote() { return <form method="post" />; }
` }] }],
    },
  ],
});
