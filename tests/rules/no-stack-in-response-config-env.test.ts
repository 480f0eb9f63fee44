import { createRuleTester } from '../rule-tester';
import rule from '../../src/rules/no-stack-in-response';

const ruleTester = createRuleTester();

/**
 * The environment's name read from the application's configuration (`config.env`,
 * `settings.environment`, `cfg.nodeEnv`) guards development-only details as `NODE_ENV` does;
 * an environment name the client sends guards nothing.
 */
ruleTester.run('no-stack-in-response (environment names in configuration)', rule, {
  valid: [
    {
      code: `
const config = require('./config');
const errorHandler = (err, req, res, next) => {
  const response = { code: 500, message: 'Internal error', ...(config.env === 'development' && { stack: err.stack }) };
  res.status(500).send(response);
};
module.exports = { errorHandler };
`,
    },
    {
      code: `
import settings from './settings.js';
app.use((err, req, res, next) => {
  res.status(500).json({ error: 'Failed', stack: settings.environment !== 'production' ? err.stack : undefined });
});
`,
    },
    {
      code: `
const cfg = loadConfig();
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (e) {
    if (cfg.nodeEnv === 'dev') {
      return res.status(500).send(e.stack);
    }
    res.status(500).send('failed');
  }
});
`,
    },
    {
      code: `
app.use((err, req, res, next) => {
  res.status(500).json({ error: 'Failed', ...(process.env.APP_ENV === 'local' && { detail: err.stack }) });
});
`,
    },
  ],
  invalid: [
    {
      // The client chooses req.query.env: no guard at all.
      code: `
app.use((err, req, res, next) => {
  res.status(500).json({ error: 'Failed', ...(req.query.env === 'development' && { stack: err.stack }) });
});
`,
      errors: [
        {
          messageId: 'stackInResponse',
          line: 3,
          column: 91,
          endLine: 3,
          endColumn: 100,
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
app.use((err, req, res, next) => {
  console.error(err);
  res.status(500).json({ error: 'Failed', ...(req.query.env === 'development' && { stack: 'Internal Server Error' }) });
});
`,
            },
          ],
        },
      ],
    },
    {
      // A configuration that names production does not make the other branch development-only.
      code: `
const config = require('./config');
app.use((err, req, res, next) => {
  res.status(500).json({ error: 'Failed', stack: config.env === 'production' ? err.stack : undefined });
});
`,
      errors: [
        {
          messageId: 'stackInResponse',
          line: 4,
          column: 50,
          endLine: 4,
          endColumn: 101,
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `
const config = require('./config');
app.use((err, req, res, next) => {
  console.error(err);
  res.status(500).json({ error: 'Failed', stack: 'Internal Server Error' });
});
`,
            },
          ],
        },
      ],
    },
  ],
});
