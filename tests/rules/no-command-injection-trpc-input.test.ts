import rule from '../../src/rules/no-command-injection';
import ssrf from '../../src/rules/no-ssrf';
import { createRuleTester } from '../rule-tester';

/**
 * tRPC procedures: the resolver's `input` is what the procedure's `.input(schema)` returns, so a
 * key the zod schema constrains (a number, an enum, a regex, a uuid) is no request input, in the
 * schema written inline, in a const of the file, or in a `base.extend({…})`. Keys the schema
 * leaves free, and procedures without `.input()` or with several, keep the report.
 */
const ruleTester = createRuleTester();

const ROUTER = `import { z } from 'zod';
import { exec } from 'node:child_process';
import { router, protectedProcedure } from './trpc';
`;
/** ROUTER after the suggestion that runs the command without a shell. */
const EXEC_FILE = ROUTER.replace('import { exec }', 'import { exec, execFile }');

ruleTester.run('no-command-injection (tRPC .input() schemas)', rule, {
  valid: [
    // inline schema: a number, a regex and an enum
    `${ROUTER}export const logs = router({
  read: protectedProcedure
    .input(z.object({ tail: z.number().int().min(1), since: z.string().regex(/^(all|\\d+[smhd])$/), level: z.enum(['info', 'error']) }))
    .query(async ({ input }) => {
      exec(\`docker logs --tail \${input.tail} --since \${input.since} app | grep \${input.level}\`);
    }),
});`,
    // a schema of the file, extended: the extension's keys, through a destructured input
    `${ROUTER}const apiFindOne = z.object({ appId: z.string().uuid() });
const readLogs = apiFindOne.extend({ tail: z.number() });
export const logs = router({
  read: protectedProcedure.input(readLogs).query(({ input: { appId, tail } }) => {
    exec('docker logs --tail ' + tail + ' ' + appId);
  }),
});`,
    // the whole input, a constrained string
    `${ROUTER}export const ping = router({
  run: protectedProcedure.input(z.string().uuid()).mutation(({ input }) => exec('ping-host ' + input)),
});`,
  ],
  invalid: [
    // a key the schema leaves free (a plain string)
    {
      code: `${ROUTER}export const logs = router({
  read: protectedProcedure
    .input(z.object({ tail: z.number(), container: z.string() }))
    .query(({ input }) => exec(\`docker logs --tail \${input.tail} \${input.container}\`)),
});`,
      errors: [
        {
          messageId: 'requestCommand',
          data: { sink: 'exec', source: 'input.container', checks: '' },
          line: 7,
          column: 32,
          endLine: 7,
          endColumn: 85,
          suggestions: [
            {
              messageId: 'useExecFile',
              output: `${EXEC_FILE}export const logs = router({
  read: protectedProcedure
    .input(z.object({ tail: z.number(), container: z.string() }))
    .query(({ input }) => execFile('docker', ['logs', '--tail', input.tail, input.container])),
});`,
            },
          ],
        },
      ],
    },
    // a key of the base an extension does not redeclare, the base imported from another file
    {
      code: `${ROUTER}import { apiFindOne } from './schema';
export const logs = router({
  read: protectedProcedure
    .input(apiFindOne.extend({ tail: z.number() }))
    .query(({ input }) => exec(\`docker logs --tail \${input.tail} \${input.containerId}\`)),
});`,
      errors: [
        {
          messageId: 'requestCommand',
          data: { sink: 'exec', source: 'input.containerId', checks: '' },
          line: 8,
          column: 32,
          endLine: 8,
          endColumn: 87,
          suggestions: [
            {
              messageId: 'useExecFile',
              output: `${EXEC_FILE}import { apiFindOne } from './schema';
export const logs = router({
  read: protectedProcedure
    .input(apiFindOne.extend({ tail: z.number() }))
    .query(({ input }) => execFile('docker', ['logs', '--tail', input.tail, input.containerId])),
});`,
            },
          ],
        },
      ],
    },
    // two .input() links: tRPC merges them, each key is not traced to its schema
    {
      code: `${ROUTER}export const logs = router({
  read: protectedProcedure
    .input(z.object({ tail: z.number() }))
    .input(z.object({ name: z.string() }))
    .query(({ input }) => exec('docker logs --tail ' + input.tail)),
});`,
      errors: [{ messageId: 'requestCommand', data: { sink: 'exec', source: 'input.tail', checks: '' }, line: 8, column: 32, endLine: 8, endColumn: 66 }],
    },
    // a pattern that lets shell characters through (a backtick runs a command inside double quotes)
    {
      code: `${ROUTER}export const db = router({
  setPassword: protectedProcedure
    .input(z.object({ password: z.string().regex(/^[\\w\`;]+$/) }))
    .mutation(({ input }) => exec(\`psql -c "ALTER USER app PASSWORD '\${input.password}'"\`)),
});`,
      errors: [{ messageId: 'requestCommand', data: { sink: 'exec', source: 'input.password', checks: '' }, line: 7, column: 35, endLine: 7, endColumn: 90 }],
    },
    // a pattern imported from another file cannot be read: not trusted for a command
    {
      code: `${ROUTER}import { PASSWORD_REGEX } from './constants';
export const db = router({
  setPassword: protectedProcedure
    .input(z.object({ password: z.string().regex(PASSWORD_REGEX) }))
    .mutation(({ input }) => exec('set-password ' + input.password)),
});`,
      errors: [{ messageId: 'requestCommand', data: { sink: 'exec', source: 'input.password', checks: '' }, line: 8, column: 35, endLine: 8, endColumn: 67 }],
    },
    // no schema at all
    {
      code: `${ROUTER}export const logs = router({
  read: protectedProcedure.query(({ input }) => exec('docker logs ' + input.name)),
});`,
      errors: [{ messageId: 'requestCommand', data: { sink: 'exec', source: 'input.name', checks: '' }, line: 5, column: 54, endLine: 5, endColumn: 81 }],
    },
  ],
});

ruleTester.run('no-ssrf (tRPC .input() schemas)', ssrf, {
  valid: [
    `import { z } from 'zod';
import { router, protectedProcedure } from './trpc';
export const hooks = router({
  ping: protectedProcedure.input(z.object({ region: z.enum(['eu', 'us']) })).mutation(({ input }) => fetch(\`https://\${input.region}.api.example.com/ping\`, { signal: AbortSignal.timeout(5000) })),
});`,
  ],
  invalid: [
    {
      code: `import { z } from 'zod';
import { router, protectedProcedure } from './trpc';
export const hooks = router({
  ping: protectedProcedure.input(z.object({ url: z.string().url() })).mutation(({ input }) => fetch(input.url, { signal: AbortSignal.timeout(5000) })),
});`,
      errors: [{ messageId: 'requestControlledHost', data: { sink: 'fetch', what: 'URL', source: 'input.url' }, line: 4, column: 101, endLine: 4, endColumn: 110 }],
    },
  ],
});
