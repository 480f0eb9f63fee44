import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import rule from '../../src/rules/require-auth-gate-in-route';
import { pluginHarness } from '../robustness/harness';
import type { LintInput } from '../robustness/harness';
import { createRuleTester } from '../rule-tester';

const ruleTester = createRuleTester();
const GATE = { 'agent-guard': { auth: { functions: ['@acme/auth#requireUser'] } } };
const PUBLIC = '// agent-guard: public-route TODO: say why anyone may call this';

ruleTester.run('require-auth-gate-in-route (suggestions: mark as public, gate with its import)', rule, {
  valid: [
    // The placeholder is a reason: the marked route is public and no `publicReasonMissing` is reported.
    {
      code: `
import express from 'express';
const app = express();
${PUBLIC}
app.post('/a', (req, res) => res.json({}));
`,
    },
    // Before a Nest method's decorators.
    {
      code: `
import { Body, Controller, Post } from '@nestjs/common';

@Controller('users')
export class UsersController {
  ${PUBLIC}
  @Post()
  create(@Body() dto: CreateUserDto) {
    return this.users.create(dto);
  }
}
`,
      filename: 'src/users/users.controller.ts',
    },
  ],
  invalid: [
    // ESM: the import goes after the last import declaration.
    {
      code: `
import express from 'express';
import { z } from 'zod';
const app = express();
app.post('/orders', async (req, res) => {
  res.json(await createOrder(req.body));
});
`,
      settings: GATE,
      errors: [
        {
          messageId: 'missingGate',
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'insertGateWithImport',
              data: { gate: 'requireUser', module: '@acme/auth' },
              output: `
import express from 'express';
import { z } from 'zod';
import { requireUser } from '@acme/auth';
const app = express();
app.post('/orders', async (req, res) => {
  await requireUser(req);
  res.json(await createOrder(req.body));
});
`,
            },
            {
              messageId: 'markPublic',
              output: `
import express from 'express';
import { z } from 'zod';
const app = express();
${PUBLIC}
app.post('/orders', async (req, res) => {
  res.json(await createOrder(req.body));
});
`,
            },
          ],
        },
      ],
    },
    // CommonJS: a `require` destructuring after the last top-level require.
    {
      code: `
const express = require('express');
const router = express.Router();
router.delete('/items/:id', (req, res) => {
  res.sendStatus(db.drop());
});
module.exports = router;
`,
      filename: 'src/routes/items.js',
      settings: GATE,
      errors: [
        {
          messageId: 'missingGate',
          line: 4,
          column: 8,
          endLine: 4,
          endColumn: 14,
          suggestions: [
            {
              messageId: 'insertGateWithImport',
              data: { gate: 'requireUser', module: '@acme/auth' },
              output: `
const express = require('express');
const { requireUser } = require('@acme/auth');
const router = express.Router();
router.delete('/items/:id', (req, res) => {
  requireUser(req);
  res.sendStatus(db.drop());
});
module.exports = router;
`,
            },
            {
              messageId: 'markPublic',
              output: `
const express = require('express');
const router = express.Router();
${PUBLIC}
router.delete('/items/:id', (req, res) => {
  res.sendStatus(db.drop());
});
module.exports = router;
`,
            },
          ],
        },
      ],
    },
    // A file without imports: after the leading comment block, before the first statement; a route inside `export`.
    {
      code: `/**
 * Orders API.
 */
export async function POST(request: Request) {
  return Response.json(await createOrder(await request.json()));
}
`,
      filename: 'app/api/orders/route.ts',
      settings: GATE,
      errors: [
        {
          messageId: 'missingGate',
          line: 4,
          column: 23,
          endLine: 4,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'insertGateWithImport',
              data: { gate: 'requireUser', module: '@acme/auth' },
              output: `/**
 * Orders API.
 */
import { requireUser } from '@acme/auth';
export async function POST(request: Request) {
  await requireUser(request);
  return Response.json(await createOrder(await request.json()));
}
`,
            },
            {
              messageId: 'markPublic',
              output: `/**
 * Orders API.
 */
${PUBLIC}
export async function POST(request: Request) {
  return Response.json(await createOrder(await request.json()));
}
`,
            },
          ],
        },
      ],
    },
    // After the directives of a Server Actions file; no request argument for an action.
    {
      code: `'use server';
export async function deletePost(id: string) {
  await db.post.delete({ where: { id } });
}
`,
      filename: 'app/posts/actions.ts',
      settings: GATE,
      errors: [
        {
          messageId: 'missingGate',
          line: 2,
          column: 23,
          endLine: 2,
          endColumn: 33,
          suggestions: [
            {
              messageId: 'insertGateWithImport',
              data: { gate: 'requireUser', module: '@acme/auth' },
              output: `'use server';
import { requireUser } from '@acme/auth';
export async function deletePost(id: string) {
  await requireUser();
  await db.post.delete({ where: { id } });
}
`,
            },
            {
              messageId: 'markPublic',
              output: `'use server';
${PUBLIC}
export async function deletePost(id: string) {
  await db.post.delete({ where: { id } });
}
`,
            },
          ],
        },
      ],
    },
    // Already imported: the gate is called, not imported a second time.
    {
      code: `
import express from 'express';
import { requireUser } from '@acme/auth';
const app = express();
app.post('/a', async (req, res) => {
  res.json(xs);
});
`,
      settings: GATE,
      errors: [
        {
          messageId: 'missingGate',
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'insertGate',
              data: { gate: 'requireUser' },
              output: `
import express from 'express';
import { requireUser } from '@acme/auth';
const app = express();
app.post('/a', async (req, res) => {
  await requireUser(req);
  res.json(xs);
});
`,
            },
            {
              messageId: 'markPublic',
              output: `
import express from 'express';
import { requireUser } from '@acme/auth';
const app = express();
${PUBLIC}
app.post('/a', async (req, res) => {
  res.json(xs);
});
`,
            },
          ],
        },
      ],
    },
    // The name is bound to something else: no gate suggestion, only the marker.
    {
      code: `
import express from 'express';
import { requireUser } from './legacy-auth';
const app = express();
app.post('/a', (req, res) => res.json(xs));
`,
      settings: GATE,
      errors: [
        {
          messageId: 'missingGate',
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'markPublic',
              output: `
import express from 'express';
import { requireUser } from './legacy-auth';
const app = express();
${PUBLIC}
app.post('/a', (req, res) => res.json(xs));
`,
            },
          ],
        },
      ],
    },
    // The same gate named twice (settings and options, plain and with its module): one suggestion.
    {
      code: `
import express from 'express';
const app = express();
app.post('/a', (req, res) => res.json(xs));
`,
      settings: { 'agent-guard': { auth: { functions: ['requireUser', '@acme/auth#requireUser'] } } },
      options: [{ authFunctions: ['requireUser'] }],
      errors: [
        {
          messageId: 'missingGate',
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'insertGate',
              data: { gate: 'requireUser' },
              output: `
import express from 'express';
const app = express();
app.post('/a', (req, res) => { requireUser(req); return res.json(xs); });
`,
            },
            {
              messageId: 'markPublic',
              output: `
import express from 'express';
const app = express();
${PUBLIC}
app.post('/a', (req, res) => res.json(xs));
`,
            },
          ],
        },
      ],
    },
    // Two routes on one statement: each finding inserts the marker once, above the statement.
    {
      code: `
import express from 'express';
const app = express();
app.route('/x').get((req, res) => res.json(xs)).post((req, res) => res.json(xs));
`,
      options: [{ checkPublicQueries: false }],
      errors: [
        {
          messageId: 'missingGate',
          line: 4,
          column: 17,
          endLine: 4,
          endColumn: 20,
          suggestions: [
            {
              messageId: 'markPublic',
              output: `
import express from 'express';
const app = express();
${PUBLIC}
app.route('/x').get((req, res) => res.json(xs)).post((req, res) => res.json(xs));
`,
            },
          ],
        },
        {
          messageId: 'missingGate',
          line: 4,
          column: 49,
          endLine: 4,
          endColumn: 53,
          suggestions: [
            {
              messageId: 'markPublic',
              output: `
import express from 'express';
const app = express();
${PUBLIC}
app.route('/x').get((req, res) => res.json(xs)).post((req, res) => res.json(xs));
`,
            },
          ],
        },
      ],
    },
    // A one-line handler body stays on one line.
    {
      code: `
import express from 'express';
const app = express();
app.post('/a', async (req, res) => { res.json(await save(req.body)); });
`,
      settings: { 'agent-guard': { auth: { functions: ['requireUser'] } } },
      errors: [
        {
          messageId: 'missingGate',
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'insertGate',
              data: { gate: 'requireUser' },
              output: `
import express from 'express';
const app = express();
app.post('/a', async (req, res) => { await requireUser(req); res.json(await save(req.body)); });
`,
            },
            {
              messageId: 'markPublic',
              output: `
import express from 'express';
const app = express();
${PUBLIC}
app.post('/a', async (req, res) => { res.json(await save(req.body)); });
`,
            },
          ],
        },
      ],
    },
    // CRLF files keep their line breaks; the marker takes the statement's indentation.
    {
      code: 'import express from \'express\';\r\nconst app = express();\r\nfunction mount() {\r\n\tapp.post(\'/a\', (req, res) => {\r\n\t\tres.json(xs);\r\n\t});\r\n}\r\n',
      settings: GATE,
      errors: [
        {
          messageId: 'missingGate',
          line: 4,
          column: 6,
          endLine: 4,
          endColumn: 10,
          suggestions: [
            {
              messageId: 'insertGateWithImport',
              data: { gate: 'requireUser', module: '@acme/auth' },
              output:
                'import express from \'express\';\r\nimport { requireUser } from \'@acme/auth\';\r\nconst app = express();\r\nfunction mount() {\r\n\tapp.post(\'/a\', (req, res) => {\r\n\t\trequireUser(req);\r\n\t\tres.json(xs);\r\n\t});\r\n}\r\n',
            },
            {
              messageId: 'markPublic',
              output: `import express from 'express';\r\nconst app = express();\r\nfunction mount() {\r\n\t${PUBLIC}\r\n\tapp.post('/a', (req, res) => {\r\n\t\tres.json(xs);\r\n\t});\r\n}\r\n`,
            },
          ],
        },
      ],
    },
  ],
});

/** Every `markPublic` output, linted again: the route is public and its marker needs no reason. */
describe('require-auth-gate-in-route: a marked route is public', () => {
  const config = (settings: Record<string, unknown> = {}): Linter.Config[] => [
    {
      files: ['**/*.ts'],
      languageOptions: { parser: tsParser as never },
      plugins: { g: { rules: { r: rule as never } } },
      rules: { 'g/r': 'error' },
      settings,
    },
  ];
  const samples: { code: string; filename: string }[] = [
    { code: "import express from 'express';\nconst app = express();\napp.post('/a', (req, res) => res.json(xs));\n", filename: 'src/app.ts' },
    { code: 'export default defineEventHandler((event) => purge());\n', filename: 'server/api/cache.delete.ts' },
    {
      code: "import { router, publicProcedure } from '../trpc';\nexport const r = router({\n  add: publicProcedure.mutation(({ input }) => db.todo.create(input)),\n});\n",
      filename: 'src/server/routers/todo.ts',
    },
    { code: 'export async function POST(request: Request) {\n  return Response.json(await request.json());\n}\n', filename: 'app/api/x/route.ts' },
  ];
  for (const { code, filename } of samples) {
    it(filename, () => {
      const linter = new Linter({ configType: 'flat' });
      const messages = linter.verify(code, config(GATE), { filename: `${process.cwd()}/${filename}` });
      expect(messages.map((m) => m.messageId ?? m.message)).toEqual(['missingGate']);
      for (const suggestion of messages[0]!.suggestions ?? []) {
        const output = `${code.slice(0, suggestion.fix.range[0])}${suggestion.fix.text}${code.slice(suggestion.fix.range[1])}`;
        const again = linter.verify(output, config(GATE), { filename: `${process.cwd()}/${filename}` });
        expect(again.filter((m) => m.fatal)).toEqual([]);
        if (suggestion.messageId === 'markPublic') {
          expect(again).toEqual([]);
        }
      }
    });
  }
});

/**
 * The robustness harness (every rule at its strictest, every suggestion applied and parsed and
 * linted again) on shapes where inserted lines and imports could break the code.
 */
describe('suggestions of the three rules yield code that parses', () => {
  const inputs: LintInput[] = [
    { code: "import express from 'express';\nconst app = express(); app.post('/a', (req, res) => res.json(xs));\n", filename: 'a.ts', parser: 'ts', sourceType: 'module', settings: GATE['agent-guard'] },
    { code: "import express from 'express';\nconst app = express();\nif (process.env.X) app.post('/a', async (req, res) => res.json(xs));\n", filename: 'a.ts', parser: 'ts', sourceType: 'module', settings: GATE['agent-guard'] },
    { code: "#!/usr/bin/env node\n'use strict';\nconst app = require('express')();\napp.delete('/a', (req, res) => { db.clear(); res.end(); });\n", filename: 'a.js', parser: 'espree', sourceType: 'commonjs', settings: GATE['agent-guard'] },
    { code: "export default { async fetch() {} };\nimport { Hono } from 'hono';\nconst app = new Hono();\napp.post('/a', (c) => c.json(xs));\n", filename: 'a.ts', parser: 'ts', sourceType: 'module', settings: GATE['agent-guard'] },
    { code: "import { Controller, Post } from '@nestjs/common';\n@Controller('x')\nexport default class X {\n  @Post() @HttpCode(204)\n  run() { return this.jobs.run(); }\n}\n", filename: 'x.controller.ts', parser: 'ts', sourceType: 'module', settings: GATE['agent-guard'] },
    {
      code: "import { Pool } from 'pg';\nimport express from 'express';\nimport fs from 'fs';\nconst pool = new Pool();\nconst app = express();\napp.get('/a', requireUser, async (req, res) => {\n  await pool.query('SELECT 1 FROM t WHERE a = ' + req.query.a + \" AND b = '\" + req.query.b + \"'\");\n  fs.readFileSync(`d/${req.query.f}` + '.txt');\n  fs.readFileSync(__dirname + '/' + req.query.g);\n});\n",
      filename: 'a.ts',
      parser: 'ts',
      sourceType: 'module',
    },
    {
      code: "const express = require('express');\nconst fs = require('fs');\nconst app = express();\napp.get('/a', requireUser, (req, res) => fs.readFile(`${__dirname}/${req.params.x}`, () => {}));\n",
      filename: 'a.js',
      parser: 'espree',
      sourceType: 'commonjs',
    },
  ];
  for (const [index, input] of inputs.entries()) {
    it(`input ${index + 1}`, () => {
      const messages = pluginHarness.lint(input).filter((message) => message.suggestions?.length);
      expect(messages.length).toBeGreaterThan(0);
      expect(pluginHarness.checkInput(input)).toEqual([]);
    });
  }
});
