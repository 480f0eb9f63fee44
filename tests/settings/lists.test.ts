import authRule from '../../src/rules/require-auth-gate-in-route';
import fetchRule from '../../src/rules/fetch-requires-timeout';
import fsRule from '../../src/rules/no-unsanitized-fs-path';
import sqlRule from '../../src/rules/no-sql-template-literal';
import { createRuleTester } from '../rule-tester';

/**
 * Every list of `settings['agent-guard']` (docs/settings.md) adds to what the rules know: an
 * extra entry that names an export of a module the plugin already knows keeps every built-in
 * fact about that module, and the entry itself works through imports and by written name.
 */
const ruleTester = createRuleTester();

ruleTester.run('sql.sinks adds to the built-in drivers', sqlRule, {
  valid: [],
  invalid: [
    {
      code: `import mysql, { customQuery } from 'mysql2';
const db = mysql.createConnection({});
export function find(id) {
  db.query(\`SELECT * FROM users WHERE id = \${id}\`);
  customQuery(\`SELECT * FROM users WHERE id = \${id}\`);
}
`,
      settings: { 'agent-guard': { sql: { sinks: ['mysql2#customQuery'] } } },
      errors: [
        {
          messageId: 'dynamicSql', line: 4, column: 12, endLine: 4, endColumn: 50,
          suggestions: [{ messageId: 'useParameters', output: `import mysql, { customQuery } from 'mysql2';
const db = mysql.createConnection({});
export function find(id) {
  db.query(\`SELECT * FROM users WHERE id = ?\`, [id]);
  customQuery(\`SELECT * FROM users WHERE id = \${id}\`);
}
` }],
        },
        { messageId: 'dynamicSql', line: 5, column: 15, endLine: 5, endColumn: 53, suggestions: [] },
      ],
    },
  ],
});

ruleTester.run('http.clients adds to the built-in clients', fetchRule, {
  valid: [
    {
      code: `import axios, { customRequest } from 'axios';
await axios.get(url, { timeout: 5000 });
await customRequest(url, { signal: AbortSignal.timeout(5000) });
`,
      settings: { 'agent-guard': { http: { clients: ['axios#customRequest'] } } },
    },
  ],
  invalid: [
    {
      code: `import axios, { customRequest } from 'axios';
await axios.get(url);
await customRequest(url);
`,
      settings: { 'agent-guard': { http: { clients: ['axios#customRequest'] } } },
      errors: [
        {
          messageId: 'missingTimeout', line: 2, column: 7, endLine: 2, endColumn: 21,
          suggestions: [{ messageId: 'addTimeoutOption', output: `import axios, { customRequest } from 'axios';
await axios.get(url, { timeout: 10000 });
await customRequest(url);
` }],
        },
        {
          messageId: 'missingTimeout', line: 3, column: 7, endLine: 3, endColumn: 25,
          suggestions: [{ messageId: 'addSignal', output: `import axios, { customRequest } from 'axios';
await axios.get(url);
await customRequest(url, { signal: AbortSignal.timeout(10000) });
` }],
        },
      ],
    },
  ],
});

ruleTester.run('fs.sinks and requestInput lists add to the built-in knowledge', fsRule, {
  valid: [
    {
      // A configured sanitiser of a known module keeps the built-in ones working too.
      code: `import fs from 'fs';
import path from 'path';
import express from 'express';
import { cleanName } from 'sanitize-filename';
const app = express();
app.get('/f', (req, res) => {
  fs.readFile(path.basename(req.query.a), () => {});
  fs.readFile(cleanName(req.query.b), () => res.end());
});
`,
      settings: { 'agent-guard': { requestInput: { sanitizers: ['sanitize-filename#cleanName'] } } },
    },
  ],
  invalid: [
    {
      // A configured source of a known module, beside the built-in request sources.
      code: `import fs from 'fs';
import express, { readUpload } from 'express';
const app = express();
app.get('/f', (req, res) => {
  fs.readFile(req.query.a, () => {});
  fs.readFile(readUpload(), () => res.end());
});
`,
      settings: { 'agent-guard': { requestInput: { sources: ['express#readUpload'] } } },
      errors: [
        { messageId: 'requestPath', line: 5, column: 15, endLine: 5, endColumn: 26, data: { sink: 'fs.readFile', via: '', source: 'req.query.a' }, suggestions: [] },
        { messageId: 'requestPath', line: 6, column: 15, endLine: 6, endColumn: 27, data: { sink: 'fs.readFile', via: '', source: 'readUpload()' }, suggestions: [] },
      ],
    },
  ],
});

ruleTester.run('auth lists add to the built-in gates', authRule, {
  valid: [
    {
      // auth.middleware: a configured export of a known auth library, beside its built-in ones.
      code: `import express from 'express';
import { requireAuth, requireOrgRole } from '@clerk/express';
const app = express();
app.get('/a', requireAuth(), (req, res) => res.json(a()));
app.get('/b', requireOrgRole('admin'), (req, res) => res.json(b()));
`,
      settings: { 'agent-guard': { auth: { middleware: ['@clerk/express#requireOrgRole'] } } },
    },
    {
      // auth.functions: a configured export of a module whose other exports are session fetchers.
      code: `import { getServerSession, assertMember } from 'next-auth';
export async function GET(request) {
  const session = await getServerSession();
  if (!session) return new Response(null, { status: 401 });
  return Response.json(await list());
}
export async function POST(request) {
  await assertMember(request);
  return Response.json(await create());
}
`,
      filename: '/repo/app/api/items/route.ts',
      settings: { 'agent-guard': { auth: { functions: ['next-auth#assertMember'] } } },
    },
    {
      // auth.wrappers and auth.procedures by module export.
      code: `import { withTeam } from '@acme/auth';
import { teamProcedure } from '@acme/trpc';
import { router } from '../trpc';
export const GET = withTeam(async (request) => Response.json(await list()));
export const teamRouter = router({ rename: teamProcedure.mutation(({ input }) => rename(input)) });
`,
      filename: '/repo/app/api/team/route.ts',
      settings: { 'agent-guard': { auth: { wrappers: ['@acme/auth#withTeam'], procedures: ['@acme/trpc#teamProcedure'] } } },
    },
  ],
  invalid: [
    {
      // The configured entry names one export; the module's other exports are not gates.
      code: `import express from 'express';
import { requireOrgRole, describeOrg } from '@acme/auth';
const app = express();
app.get('/b', requireOrgRole('admin'), (req, res) => res.json(b()));
app.get('/c', describeOrg(), (req, res) => res.json(c()));
`,
      settings: { 'agent-guard': { auth: { middleware: ['@acme/auth#requireOrgRole'] } } },
      errors: [
        {
          messageId: 'missingGate',
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'markPublic',
              output: `import express from 'express';
import { requireOrgRole, describeOrg } from '@acme/auth';
const app = express();
app.get('/b', requireOrgRole('admin'), (req, res) => res.json(b()));
// agent-guard: public-route TODO: say why anyone may call this
app.get('/c', describeOrg(), (req, res) => res.json(c()));
`,
            },
          ],
        },
      ],
    },
  ],
});
