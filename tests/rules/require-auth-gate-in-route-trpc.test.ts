import rule from '../../src/rules/require-auth-gate-in-route';
import { createRuleTester } from '../rule-tester';

const ruleTester = createRuleTester();

ruleTester.run('require-auth-gate-in-route (trpc)', rule, {
  valid: [
    // --- builders by name (imported from the project's trpc.ts) ---
    {
      code: `
import { z } from 'zod';
import { createTRPCRouter, protectedProcedure } from '~/server/api/trpc';

export const postRouter = createTRPCRouter({
  create: protectedProcedure
    .input(z.object({ name: z.string().min(1) }))
    .mutation(async ({ ctx, input }) => ctx.db.post.create({ data: { name: input.name, createdById: ctx.session.user.id } })),
  delete: protectedProcedure.input(z.string()).mutation(({ ctx, input }) => ctx.db.post.delete({ where: { id: input } })),
});
`,
      filename: 'src/server/api/routers/post.ts',
    },
    {
      code: `
import { router, authedProcedure, loggedInProcedure } from '../trpc';
export const todoRouter = router({
  add: authedProcedure.mutation(({ input }) => db.todo.create(input)),
  toggle: loggedInProcedure.mutation(({ input }) => db.todo.toggle(input)),
});
`,
    },
    {
      // A builder named in settings['agent-guard'].auth.procedures.
      code: `
import { router, teamProcedure } from '../trpc';
export const teamRouter = router({ invite: teamProcedure.mutation(({ input }) => db.invite.create(input)) });
`,
      settings: { 'agent-guard': { auth: { procedures: ['teamProcedure'] } } },
    },
    // --- builders resolved in the file: middlewares that throw UNAUTHORIZED ---
    {
      code: `
import { initTRPC, TRPCError } from '@trpc/server';

const t = initTRPC.context<Context>().create();
const enforceUserIsAuthed = t.middleware(({ ctx, next }) => {
  if (!ctx.session?.user) {
    throw new TRPCError({ code: 'UNAUTHORIZED' });
  }
  return next({ ctx: { session: { ...ctx.session, user: ctx.session.user } } });
});
export const createTRPCRouter = t.router;
export const protectedProcedure = t.procedure.use(enforceUserIsAuthed);
const adminProcedure = protectedProcedure.use(isAdmin);

export const adminRouter = createTRPCRouter({
  ban: adminProcedure.input(schema).mutation(({ input }) => db.user.ban(input)),
});
`,
    },
    {
      // Neither the builder nor the middleware is named like a gate: the middleware's body is.
      code: `
import { initTRPC, TRPCError } from '@trpc/server';
const t = initTRPC.create();
const mw = t.middleware(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED' });
  return next();
});
const base = t.procedure.use(mw);
const inline = t.procedure.use(async ({ ctx, next }) => {
  if (!ctx.auth?.userId) throw new TRPCError({ code: 'UNAUTHORIZED' });
  return next();
});
export const appRouter = t.router({
  save: base.mutation(({ input }) => db.save(input)),
  drop: inline.mutation(({ input }) => db.drop(input)),
});
`,
    },
    // --- gates in the resolver ---
    {
      code: `
import { TRPCError } from '@trpc/server';
import { router, publicProcedure } from '../trpc';
export const commentRouter = router({
  add: publicProcedure.input(schema).mutation(async ({ ctx, input }) => {
    if (!ctx.session) throw new TRPCError({ code: 'UNAUTHORIZED' });
    return db.comment.create({ data: { ...input, authorId: ctx.session.user.id } });
  }),
});
`,
    },
    // --- public by design: auth flows, the public-route comment, global settings ---
    {
      code: `
import { router, publicProcedure, protectedProcedure } from '../trpc';
const authRouter = router({
  login: publicProcedure.input(credentials).mutation(({ input }) => signIn(input)),
  register: publicProcedure.input(newUser).mutation(({ input }) => createUser(input)),
});
export const appRouter = router({
  auth: authRouter,
  me: protectedProcedure.query(({ ctx }) => ctx.user),
});
`,
    },
    {
      code: `
import { router, publicProcedure } from '../trpc';
export const accountRouter = router({
  register: publicProcedure.input(newUser).mutation(({ input }) => createUser(input)),
});
`,
    },
    {
      code: `
import { router, publicProcedure } from '../trpc';
export const contactRouter = router({
  // agent-guard: public-route contact form, captcha-checked by the input schema
  send: publicProcedure.input(contactSchema).mutation(({ input }) => mail.send(input)),
});
`,
    },
    {
      code: `
import { router, publicProcedure } from '../trpc';
export const r = router({ save: publicProcedure.mutation(({ input }) => db.save(input)) });
`,
      settings: { 'agent-guard': { auth: { globalGuard: true } } },
    },
    {
      // The resolver is imported: its body is not visible from this file.
      code: `
import { router, publicProcedure } from '../trpc';
import { createPost } from './handlers';
export const r = router({ create: publicProcedure.mutation(createPost) });
`,
    },
    // --- look-alikes that are not procedures ---
    {
      code: `
const rows = await db.query('select 1');
pool.query(sql, (err, res) => {});
const legacy = trpc.router().mutation('createUser', { resolve: ({ input }) => input });
const { mutate } = api.post.create.useMutation();
client.mutation((x) => x);
`,
    },
    {
      // JS with CommonJS requires.
      code: `
const { router, protectedProcedure } = require('../trpc');
module.exports.todoRouter = router({
  add: protectedProcedure.mutation(async ({ input }) => db.todo.create(input)),
});
`,
      filename: 'server/routers/todo.js',
    },
  ],
  invalid: [
    {
      code: `
import { z } from 'zod';
import { createTRPCRouter, publicProcedure } from '~/server/api/trpc';

export const postRouter = createTRPCRouter({
  create: publicProcedure
    .input(z.object({ name: z.string().min(1) }))
    .mutation(async ({ ctx, input }) => ctx.db.post.create({ data: { name: input.name } })),
});
`,
      filename: 'src/server/api/routers/post.ts',
      errors: [{ messageId: 'missingGate', line: 6, column: 3, endLine: 6, endColumn: 9, data: { route: 'tRPC mutation create', framework: 'trpc' }, suggestions: [{ messageId: 'markPublic', output: `
import { z } from 'zod';
import { createTRPCRouter, publicProcedure } from '~/server/api/trpc';

export const postRouter = createTRPCRouter({
  // agent-guard: public-route TODO: say why anyone may call this
  create: publicProcedure
    .input(z.object({ name: z.string().min(1) }))
    .mutation(async ({ ctx, input }) => ctx.db.post.create({ data: { name: input.name } })),
});
` }] }],
    },
    {
      // The base procedure, and a builder in the file whose middleware does not authenticate;
      // router keys through a mounted router.
      code: `
import { initTRPC } from '@trpc/server';
const t = initTRPC.create();
const loggedProcedure = t.procedure.use(logger).use(async ({ next }) => next());
const billingRouter = t.router({
  refund: t.procedure.input(schema).mutation(({ input }) => stripe.refunds.create(input)),
  charge: loggedProcedure.mutation(({ input }) => stripe.charges.create(input)),
});
export const appRouter = t.router({ billing: billingRouter });
`,
      errors: [
        { messageId: 'missingGate', line: 6, column: 3, endLine: 6, endColumn: 9, data: { route: 'tRPC mutation billing.refund', framework: 'trpc' }, suggestions: [{ messageId: 'markPublic', output: `
import { initTRPC } from '@trpc/server';
const t = initTRPC.create();
const loggedProcedure = t.procedure.use(logger).use(async ({ next }) => next());
const billingRouter = t.router({
  // agent-guard: public-route TODO: say why anyone may call this
  refund: t.procedure.input(schema).mutation(({ input }) => stripe.refunds.create(input)),
  charge: loggedProcedure.mutation(({ input }) => stripe.charges.create(input)),
});
export const appRouter = t.router({ billing: billingRouter });
` }] },
        { messageId: 'missingGate', line: 7, column: 3, endLine: 7, endColumn: 9, data: { route: 'tRPC mutation billing.charge', framework: 'trpc' }, suggestions: [{ messageId: 'markPublic', output: `
import { initTRPC } from '@trpc/server';
const t = initTRPC.create();
const loggedProcedure = t.procedure.use(logger).use(async ({ next }) => next());
const billingRouter = t.router({
  refund: t.procedure.input(schema).mutation(({ input }) => stripe.refunds.create(input)),
  // agent-guard: public-route TODO: say why anyone may call this
  charge: loggedProcedure.mutation(({ input }) => stripe.charges.create(input)),
});
export const appRouter = t.router({ billing: billingRouter });
` }] },
      ],
    },
    {
      // The session is fetched and never checked.
      code: `
import { router, publicProcedure } from '../trpc';
import { getServerAuthSession } from '../auth';
export const postRouter = router({
  publish: publicProcedure.mutation(async ({ input }) => {
    const session = await getServerAuthSession();
    return db.post.publish(input.id);
  }),
});
`,
      errors: [{ messageId: 'sessionUnchecked', line: 6, column: 27, endLine: 6, endColumn: 49, data: { route: 'tRPC mutation publish', framework: 'trpc', call: 'getServerAuthSession()' } }],
    },
    {
      // A standalone procedure; a wrapper that does not authenticate.
      code: `
import { publicProcedure } from '../trpc';
export const deleteAccount = publicProcedure.mutation(async ({ input }) => db.user.delete(input.id));
export const r = router({ wipe: publicProcedure.mutation(withRateLimit(async () => db.wipe())) });
`,
      errors: [
        { messageId: 'missingGate', line: 3, column: 46, endLine: 3, endColumn: 54, data: { route: 'tRPC mutation deleteAccount', framework: 'trpc' }, suggestions: [{ messageId: 'markPublic', output: `
import { publicProcedure } from '../trpc';
// agent-guard: public-route TODO: say why anyone may call this
export const deleteAccount = publicProcedure.mutation(async ({ input }) => db.user.delete(input.id));
export const r = router({ wipe: publicProcedure.mutation(withRateLimit(async () => db.wipe())) });
` }] },
        { messageId: 'missingGate', line: 4, column: 27, endLine: 4, endColumn: 31, data: { route: 'tRPC mutation wipe', framework: 'trpc' }, suggestions: [{ messageId: 'markPublic', output: `
import { publicProcedure } from '../trpc';
export const deleteAccount = publicProcedure.mutation(async ({ input }) => db.user.delete(input.id));
export const r = router({ // agent-guard: public-route TODO: say why anyone may call this
wipe: publicProcedure.mutation(withRateLimit(async () => db.wipe())) });
` }] },
      ],
    },
    {
      // JS with CommonJS requires.
      code: `
const { router, publicProcedure } = require('../trpc');
module.exports.todoRouter = router({
  'remove-all': publicProcedure.mutation(async () => db.todo.deleteMany()),
});
`,
      filename: 'server/routers/todo.js',
      errors: [{ messageId: 'missingGate', line: 4, column: 3, endLine: 4, endColumn: 15, data: { route: 'tRPC mutation remove-all', framework: 'trpc' }, suggestions: [{ messageId: 'markPublic', output: `
const { router, publicProcedure } = require('../trpc');
module.exports.todoRouter = router({
  // agent-guard: public-route TODO: say why anyone may call this
  'remove-all': publicProcedure.mutation(async () => db.todo.deleteMany()),
});
` }] }],
    },
    {
      // Odd code: computed keys, optional call, casts, spreads in the router object.
      code: `
import { router, publicProcedure } from '../trpc';
const key = 'purge';
export const odd = router({
  [key]: publicProcedure.mutation(() => db.purge()),
  [compute()]: publicProcedure?.mutation(() => db.purge()),
  ...others,
  cast: (publicProcedure as any).mutation(() => db.purge()),
});
publicProcedure.mutation(...args);
`,
      errors: [
        { messageId: 'missingGate', line: 5, column: 26, endLine: 5, endColumn: 34, data: { route: 'tRPC mutation purge', framework: 'trpc' }, suggestions: [{ messageId: 'markPublic', output: `
import { router, publicProcedure } from '../trpc';
const key = 'purge';
export const odd = router({
  // agent-guard: public-route TODO: say why anyone may call this
  [key]: publicProcedure.mutation(() => db.purge()),
  [compute()]: publicProcedure?.mutation(() => db.purge()),
  ...others,
  cast: (publicProcedure as any).mutation(() => db.purge()),
});
publicProcedure.mutation(...args);
` }] },
        { messageId: 'missingGate', line: 6, column: 33, endLine: 6, endColumn: 41, data: { route: 'tRPC mutation [computed]', framework: 'trpc' }, suggestions: [{ messageId: 'markPublic', output: `
import { router, publicProcedure } from '../trpc';
const key = 'purge';
export const odd = router({
  [key]: publicProcedure.mutation(() => db.purge()),
  // agent-guard: public-route TODO: say why anyone may call this
  [compute()]: publicProcedure?.mutation(() => db.purge()),
  ...others,
  cast: (publicProcedure as any).mutation(() => db.purge()),
});
publicProcedure.mutation(...args);
` }] },
        { messageId: 'missingGate', line: 8, column: 3, endLine: 8, endColumn: 7, data: { route: 'tRPC mutation cast', framework: 'trpc' }, suggestions: [{ messageId: 'markPublic', output: `
import { router, publicProcedure } from '../trpc';
const key = 'purge';
export const odd = router({
  [key]: publicProcedure.mutation(() => db.purge()),
  [compute()]: publicProcedure?.mutation(() => db.purge()),
  ...others,
  // agent-guard: public-route TODO: say why anyone may call this
  cast: (publicProcedure as any).mutation(() => db.purge()),
});
publicProcedure.mutation(...args);
` }] },
      ],
    },
  ],
});

/*
 * Queries and subscriptions (reads) of public procedures are reported only with
 * `checkPublicQueries: true` (the strict config).
 */
ruleTester.run('require-auth-gate-in-route (trpc queries)', rule, {
  valid: [
    {
      code: `
import { router, publicProcedure } from '../trpc';
export const postRouter = router({
  list: publicProcedure.query(() => db.post.findMany({ where: { published: true } })),
  byId: publicProcedure.input(z.string()).query(({ input }) => db.post.findUnique({ where: { id: input } })),
  onPublish: publicProcedure.subscription(() => observable((emit) => ee.on('publish', emit.next))),
});
`,
    },
    {
      code: `
import { router, protectedProcedure } from '../trpc';
export const meRouter = router({ me: protectedProcedure.query(({ ctx }) => ctx.user) });
`,
      options: [{ checkPublicQueries: true }],
    },
  ],
  invalid: [
    {
      code: `
import { router, publicProcedure } from '../trpc';
export const userRouter = router({
  list: publicProcedure.query(() => db.user.findMany()),
  onSignup: publicProcedure.subscription(() => observable((emit) => ee.on('signup', emit.next))),
});
`,
      options: [{ checkPublicQueries: true }],
      errors: [
        { messageId: 'missingGate', line: 4, column: 3, endLine: 4, endColumn: 7, data: { route: 'tRPC query list', framework: 'trpc' }, suggestions: [{ messageId: 'markPublic', output: `
import { router, publicProcedure } from '../trpc';
export const userRouter = router({
  // agent-guard: public-route TODO: say why anyone may call this
  list: publicProcedure.query(() => db.user.findMany()),
  onSignup: publicProcedure.subscription(() => observable((emit) => ee.on('signup', emit.next))),
});
` }] },
        { messageId: 'missingGate', line: 5, column: 3, endLine: 5, endColumn: 11, data: { route: 'tRPC subscription onSignup', framework: 'trpc' }, suggestions: [{ messageId: 'markPublic', output: `
import { router, publicProcedure } from '../trpc';
export const userRouter = router({
  list: publicProcedure.query(() => db.user.findMany()),
  // agent-guard: public-route TODO: say why anyone may call this
  onSignup: publicProcedure.subscription(() => observable((emit) => ee.on('signup', emit.next))),
});
` }] },
      ],
    },
  ],
});
