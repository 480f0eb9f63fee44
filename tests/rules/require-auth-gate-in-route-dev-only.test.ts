import rule from '../../src/rules/require-auth-gate-in-route';
import { createRuleTester } from '../rule-tester';

/**
 * require-auth-gate-in-route: routes registered only in development are not reported (the development
 * checks of no-stack-in-response, except "not production", which also holds where NODE_ENV is unset).
 */
const ruleTester = createRuleTester();

ruleTester.run('require-auth-gate-in-route (development-only routes)', rule, {
  valid: [
    // Routes registered only in development (a NODE_ENV check that names it, an `isDev` flag) do not exist in production.
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
if (process.env.NODE_ENV === 'test') app.get('/debug/users', async (req, res) => res.json(await listUsers()));
`,
    },
  ],
  invalid: [
    // Production-only, a DEBUG flag (which production can have on), a feature flag, and not-production tests (true where NODE_ENV is unset) are no development check: reported.
    {
      filename: "server.js",
      code: `const express = require('express');
const app = express();
if (process.env.NODE_ENV === 'production') {
  app.post('/admin/reset-db', async (req, res) => res.json(await resetDatabase()));
}
if (process.env.DEBUG) app.get('/debug/users', async (req, res) => res.json(await listUsers()));
if (config.exports) app.get('/exports', async (req, res) => res.json(await listExports()));
if (process.env.NODE_ENV !== 'production') app.delete('/debug/cache', (req, res) => res.json(clearCache()));
if (!isProd) app.post('/debug/seed', async (req, res) => res.json(await seed()));
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
if (process.env.NODE_ENV !== 'production') app.delete('/debug/cache', (req, res) => res.json(clearCache()));
if (!isProd) app.post('/debug/seed', async (req, res) => res.json(await seed()));
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
if (process.env.NODE_ENV !== 'production') app.delete('/debug/cache', (req, res) => res.json(clearCache()));
if (!isProd) app.post('/debug/seed', async (req, res) => res.json(await seed()));
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
if (process.env.NODE_ENV !== 'production') app.delete('/debug/cache', (req, res) => res.json(clearCache()));
if (!isProd) app.post('/debug/seed', async (req, res) => res.json(await seed()));
` },
          ],
        },
        {
          messageId: "missingGate",
          line: 8,
          column: 48,
          endLine: 8,
          endColumn: 54,
          suggestions: [
            { messageId: "markPublic", output: `const express = require('express');
const app = express();
if (process.env.NODE_ENV === 'production') {
  app.post('/admin/reset-db', async (req, res) => res.json(await resetDatabase()));
}
if (process.env.DEBUG) app.get('/debug/users', async (req, res) => res.json(await listUsers()));
if (config.exports) app.get('/exports', async (req, res) => res.json(await listExports()));
// agent-guard: public-route TODO: say why anyone may call this
if (process.env.NODE_ENV !== 'production') app.delete('/debug/cache', (req, res) => res.json(clearCache()));
if (!isProd) app.post('/debug/seed', async (req, res) => res.json(await seed()));
` },
          ],
        },
        {
          messageId: "missingGate",
          line: 9,
          column: 18,
          endLine: 9,
          endColumn: 22,
          suggestions: [
            { messageId: "markPublic", output: `const express = require('express');
const app = express();
if (process.env.NODE_ENV === 'production') {
  app.post('/admin/reset-db', async (req, res) => res.json(await resetDatabase()));
}
if (process.env.DEBUG) app.get('/debug/users', async (req, res) => res.json(await listUsers()));
if (config.exports) app.get('/exports', async (req, res) => res.json(await listExports()));
if (process.env.NODE_ENV !== 'production') app.delete('/debug/cache', (req, res) => res.json(clearCache()));
// agent-guard: public-route TODO: say why anyone may call this
if (!isProd) app.post('/debug/seed', async (req, res) => res.json(await seed()));
` },
          ],
        },
      ],
    },
  ],
});
