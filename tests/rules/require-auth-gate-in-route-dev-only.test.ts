import rule from '../../src/rules/require-auth-gate-in-route';
import { createRuleTester } from '../rule-tester';

/** require-auth-gate-in-route: routes registered only in development are not reported (the development checks of no-stack-in-response). */
const ruleTester = createRuleTester();

ruleTester.run('require-auth-gate-in-route (development-only routes)', rule, {
  valid: [
    // Routes registered only in development (a NODE_ENV check, an `isDev` flag, after production is ruled out) do not exist in production.
    {
      filename: "server.js",
      code: `const express = require('express');
const app = express();
const isDev = process.env.NODE_ENV === 'development';
if (process.env.NODE_ENV === 'development') {
  app.post('/test/reset-db', async (req, res) => res.json(await resetDatabase()));
}
if (isDev) {
  app.post('/test-webhook', (req, res) => res.json(req.body));
}
if (process.env.NODE_ENV !== 'production') app.get('/debug/users', async (req, res) => res.json(await listUsers()));
`,
    },
  ],
  invalid: [
    // Production-only, a DEBUG flag (which production can have on) and a feature flag say nothing about development: reported.
    {
      filename: "server.js",
      code: `const express = require('express');
const app = express();
if (process.env.NODE_ENV === 'production') {
  app.post('/admin/reset-db', async (req, res) => res.json(await resetDatabase()));
}
if (process.env.DEBUG) app.get('/debug/users', async (req, res) => res.json(await listUsers()));
if (config.exports) app.get('/exports', async (req, res) => res.json(await listExports()));
`,
      errors: [
        {
          messageId: "missingGate",
          line: 4,
          column: 7,
          endLine: 4,
          endColumn: 11,
          suggestions: [
            { messageId: "markPublic", output: `const express = require('express');
const app = express();
if (process.env.NODE_ENV === 'production') {
  // agent-guard: public-route TODO: say why anyone may call this
  app.post('/admin/reset-db', async (req, res) => res.json(await resetDatabase()));
}
if (process.env.DEBUG) app.get('/debug/users', async (req, res) => res.json(await listUsers()));
if (config.exports) app.get('/exports', async (req, res) => res.json(await listExports()));
` },
          ],
        },
        {
          messageId: "missingGate",
          line: 6,
          column: 28,
          endLine: 6,
          endColumn: 31,
          suggestions: [
            { messageId: "markPublic", output: `const express = require('express');
const app = express();
if (process.env.NODE_ENV === 'production') {
  app.post('/admin/reset-db', async (req, res) => res.json(await resetDatabase()));
}
// agent-guard: public-route TODO: say why anyone may call this
if (process.env.DEBUG) app.get('/debug/users', async (req, res) => res.json(await listUsers()));
if (config.exports) app.get('/exports', async (req, res) => res.json(await listExports()));
` },
          ],
        },
        {
          messageId: "missingGate",
          line: 7,
          column: 25,
          endLine: 7,
          endColumn: 28,
          suggestions: [
            { messageId: "markPublic", output: `const express = require('express');
const app = express();
if (process.env.NODE_ENV === 'production') {
  app.post('/admin/reset-db', async (req, res) => res.json(await resetDatabase()));
}
if (process.env.DEBUG) app.get('/debug/users', async (req, res) => res.json(await listUsers()));
// agent-guard: public-route TODO: say why anyone may call this
if (config.exports) app.get('/exports', async (req, res) => res.json(await listExports()));
` },
          ],
        },
      ],
    },
  ],
});
