import { createRuleTester } from '../rule-tester';
import { probeRule } from './probe-rule';
import { routeProbe } from './route-probe';

/*
 * The tRPC route model: `.mutation()`/`.query()`/`.subscription()` on a procedure builder
 * (`t.procedure`, a `*Procedure` name, a builder in `settings.auth.procedures`, or one built
 * in the file), labelled with the router keys; guards are the builder names and the
 * middlewares of `.use()` links resolved in the file.
 */
const ruleTester = createRuleTester();

ruleTester.run('routes-trpc', routeProbe, {
  valid: [
    // Look-alike `query`/`mutation` calls that are not procedures; tRPC v9's string-keyed API.
    {
      code: `const rows = await db.query('select 1');
pool.query(sql, (err, res) => {});
const legacy = trpc.router().mutation('createUser', { resolve: ({ input }) => input });
const m = api.post.create.useMutation();
client.mutation((x) => x);
graphql.query(async () => 1);
procedures.query?.(() => 1);
queryBuilder.input(x).query(() => 1);`,
    },
    // A name in the settings vocabulary is a builder only when it is used as one.
    {
      code: `import { teamProc } from './trpc';
teamProc.run(() => 1);`,
      settings: { 'agent-guard': { auth: { procedures: ['teamProc'] } } },
    },
  ],
  invalid: [
    {
      // create-t3-app: builders imported from the project's trpc.ts, judged by name.
      code: `import { z } from 'zod';
import { createTRPCRouter, protectedProcedure, publicProcedure } from '~/server/api/trpc';

export const postRouter = createTRPCRouter({
  hello: publicProcedure
    .input(z.object({ text: z.string() }))
    .query(({ input }) => ({ greeting: \`Hello \${input.text}\` })),
  create: protectedProcedure
    .input(z.object({ name: z.string().min(1) }))
    .mutation(async ({ ctx, input }) => ctx.db.post.create({ data: { name: input.name, createdById: ctx.session.user.id } })),
  getSecretMessage: protectedProcedure.query(() => 'you can now see this secret message!'),
  onAdd: publicProcedure.subscription(handler),
});`,
      errors: [
        { messageId: 'route', line: 5, column: 3, endLine: 5, endColumn: 8, data: { label: 'tRPC query hello', framework: 'trpc', guards: 'publicProcedure (procedure)', handlers: '1', extra: '' } },
        { messageId: 'route', line: 8, column: 3, endLine: 8, endColumn: 9, data: { label: 'tRPC mutation create', framework: 'trpc', guards: 'protectedProcedure (procedure)', handlers: '1', extra: '' } },
        { messageId: 'route', line: 11, column: 3, endLine: 11, endColumn: 19, data: { label: 'tRPC query getSecretMessage', framework: 'trpc', guards: 'protectedProcedure (procedure)', handlers: '1', extra: '' } },
        { messageId: 'route', line: 12, column: 3, endLine: 12, endColumn: 8, data: { label: 'tRPC subscription onAdd', framework: 'trpc', guards: 'publicProcedure (procedure)', handlers: '0', extra: '' } },
      ],
    },
    {
      // Builders and middlewares defined in the file: chains resolved through `.use()`,
      // `t.middleware(fn)` bodies, `.concat()`; router keys through a mounted router variable
      // and nested plain objects; a standalone procedure named by its variable.
      code: `import { initTRPC, TRPCError } from '@trpc/server';

const t = initTRPC.context<Context>().create();
export const router = t.router;
export const publicProcedure = t.procedure;
const isAuthed = t.middleware(({ ctx, next }) => next({ ctx }));
const requireUser = t.middleware(({ ctx, next }) => { if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED' }); return next(); });
export const authedProcedure = t.procedure.use(isAuthed);
const memberProcedure = publicProcedure.use(requireUser);
const loggedProcedure = publicProcedure.use(logger).use(async ({ next }) => next());

const userRouter = router({
  update: authedProcedure.mutation(({ input }) => input),
  join: memberProcedure.input(schema).mutation(({ input }) => input),
  log: loggedProcedure.mutation(() => 1),
  merged: publicProcedure.concat(authedProcedure).mutation(() => 1),
});

export const appRouter = router({
  user: userRouter,
  admin: { settings: { save: t.procedure.use(isAdmin).mutation(() => 1) } },
});
export const standalone = publicProcedure.mutation(() => 1);`,
      errors: [
        {
          messageId: 'route',
          line: 13,
          column: 3,
          endLine: 13,
          endColumn: 9,
          data: { label: 'tRPC mutation user.update', framework: 'trpc', guards: 'authedProcedure (procedure), isAuthed (procedure), ({ ctx, next }) => next({ ctx }) (procedure)', handlers: '1', extra: '' },
        },
        {
          messageId: 'route',
          line: 14,
          column: 3,
          endLine: 14,
          endColumn: 7,
          data: {
            label: 'tRPC mutation user.join',
            framework: 'trpc',
            guards: "memberProcedure (procedure), publicProcedure (procedure), requireUser (procedure), ({ ctx, next }) => { if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED' }); return next(); } (procedure)",
            handlers: '1',
            extra: '',
          },
        },
        {
          messageId: 'route',
          line: 15,
          column: 3,
          endLine: 15,
          endColumn: 6,
          data: { label: 'tRPC mutation user.log', framework: 'trpc', guards: 'loggedProcedure (procedure), publicProcedure (procedure), logger (procedure), async ({ next }) => next() (procedure)', handlers: '1', extra: '' },
        },
        {
          messageId: 'route',
          line: 16,
          column: 3,
          endLine: 16,
          endColumn: 9,
          data: { label: 'tRPC mutation user.merged', framework: 'trpc', guards: 'publicProcedure (procedure), authedProcedure (procedure), isAuthed (procedure), ({ ctx, next }) => next({ ctx }) (procedure)', handlers: '1', extra: '' },
        },
        { messageId: 'route', line: 21, column: 24, endLine: 21, endColumn: 28, data: { label: 'tRPC mutation admin.settings.save', framework: 'trpc', guards: 'isAdmin (procedure)', handlers: '1', extra: '' } },
        { messageId: 'route', line: 23, column: 43, endLine: 23, endColumn: 51, data: { label: 'tRPC mutation standalone', framework: 'trpc', guards: 'publicProcedure (procedure)', handlers: '1', extra: '' } },
      ],
    },
    {
      // CommonJS, string keys.
      code: `const { router, publicProcedure, protectedProcedure } = require('../trpc');

module.exports.todoRouter = router({
  add: publicProcedure.mutation(async ({ input }) => db.todo.create(input)),
  'remove-all': protectedProcedure.mutation(async () => db.todo.deleteMany()),
});`,
      filename: 'file.js',
      errors: [
        { messageId: 'route', line: 4, column: 3, endLine: 4, endColumn: 6, data: { label: 'tRPC mutation add', framework: 'trpc', guards: 'publicProcedure (procedure)', handlers: '1', extra: '' } },
        { messageId: 'route', line: 5, column: 3, endLine: 5, endColumn: 15, data: { label: 'tRPC mutation remove-all', framework: 'trpc', guards: 'protectedProcedure (procedure)', handlers: '1', extra: '' } },
      ],
    },
    {
      // A builder named by settings['agent-guard'].auth.procedures.
      code: `import { router, teamProc } from './trpc';
export const teamRouter = router({ invite: teamProc.mutation(({ input }) => input) });`,
      settings: { 'agent-guard': { auth: { procedures: ['teamProc'] } } },
      errors: [{ messageId: 'route', line: 2, column: 36, endLine: 2, endColumn: 42, data: { label: 'tRPC mutation invite', framework: 'trpc', guards: 'teamProc (procedure)', handlers: '1', extra: '' } }],
    },
    {
      // Odd code: computed keys (constant and dynamic), optional call, casts, spreads, a
      // wrapped resolver, spread arguments.
      code: `import { router, publicProcedure } from './trpc';
const key = 'dyn';
export const odd = router({
  [key]: publicProcedure.mutation(() => 1),
  [compute()]: publicProcedure?.mutation(() => 1),
  ...others,
  wrapped: (publicProcedure as any).mutation(withRateLimit(async () => 1)),
});
publicProcedure.mutation(...args);`,
      errors: [
        { messageId: 'route', line: 4, column: 26, endLine: 4, endColumn: 34, data: { label: 'tRPC mutation dyn', framework: 'trpc', guards: 'publicProcedure (procedure)', handlers: '1', extra: '' } },
        { messageId: 'route', line: 5, column: 33, endLine: 5, endColumn: 41, data: { label: 'tRPC mutation [computed]', framework: 'trpc', guards: 'publicProcedure (procedure)', handlers: '1', extra: '' } },
        { messageId: 'route', line: 7, column: 3, endLine: 7, endColumn: 10, data: { label: 'tRPC mutation wrapped', framework: 'trpc', guards: 'publicProcedure (procedure), withRateLimit(async () => 1) (wrapper)', handlers: '1', extra: '' } },
      ],
    },
  ],
});

/* Resolvers as handlers for the request-input tracker: `input` of the options object is client data. */
ruleTester.run('trpc-resolver-input', probeRule, {
  valid: [],
  invalid: [
    {
      // Not a resolver: a `query` callback of something else.
      code: 'db.query((q) => sink(q.input));',
      errors: [{ messageId: 'unknown', line: 1, column: 22, endLine: 1, endColumn: 29 }],
    },
    {
      code: `import { publicProcedure, router } from '../trpc';
export const r = router({
  a: publicProcedure.input(schema).mutation(({ input, ctx }) => sink(input.name, ctx.user)),
  b: publicProcedure.query(async (opts) => sink(opts.input)),
  c: publicProcedure.mutation(handler),
});
async function handler({ input }) { sink(input); }`,
      errors: [
        { messageId: 'input', line: 3, column: 70, endLine: 3, endColumn: 80, data: { source: 'input.name', framework: 'trpc', notes: '-' } },
        { messageId: 'unknown', line: 3, column: 82, endLine: 3, endColumn: 90 },
        { messageId: 'input', line: 4, column: 49, endLine: 4, endColumn: 59, data: { source: 'opts.input', framework: 'trpc', notes: '-' } },
        { messageId: 'input', line: 7, column: 42, endLine: 7, endColumn: 47, data: { source: 'input', framework: 'trpc', notes: '-' } },
      ],
    },
  ],
});
