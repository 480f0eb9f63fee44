import rule from '../../src/rules/no-stack-in-response';
import { createRuleTester } from '../rule-tester';

/**
 * A status variable checked below 500 before the response (`if (status >= 500) return …;`)
 * lets an error's message through, as a 4xx answer does; error-status checks read the number
 * on either side and narrow only when they prove the status below 500.
 */
const ruleTester = createRuleTester();

ruleTester.run('no-stack-in-response (status checked below 500)', rule, {
  valid: [
    // A Fastify error handler that answers 5xx errors generically and returns first: the status sent after it is below 500.
    `import Fastify from 'fastify';
const app = Fastify();
app.setErrorHandler((error, request, reply) => {
  const status = error.statusCode ?? 500;
  if (status >= 500) {
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send({ error: 'Internal Server Error' });
  }
  return reply.code(status).send({ error: error.message });
});
`,
    // `status > 499` with an exit at the end of the block.
    `const express = require('express');
const app = express();
app.use((err, req, res, next) => {
  const status = err.status || 500;
  if (status > 499) {
    console.error(err);
    res.status(500).json({ error: 'Internal Server Error' });
    return;
  }
  res.status(status).json({ error: err.message });
});
`,
    // The check the other way round, with the sink in the branch (and a TS cast on the error).
    `const express = require('express');
const app = express();
app.use((err, req, res, next) => {
  const code = (err as { statusCode?: number }).statusCode ?? 500;
  if (code < 500) {
    return res.status(code).json({ message: err.message });
  }
  return res.status(500).json({ message: 'Something went wrong' });
});
`,
    // The number on the left of an error-status check: `500 <= err.status`.
    `const express = require('express');
const app = express();
app.use((err, req, res, next) => {
  if (500 <= err.status) {
    return res.status(500).json({ error: 'Internal Server Error' });
  }
  res.status(err.status || 500).json({ error: err.message });
});
`,
  ],
  invalid: [
    {
      // The status check does not excuse a stack trace.
      code: `const express = require('express');
const app = express();
app.use((err, req, res, next) => {
  const status = err.status ?? 400;
  if (status >= 500) {
    return res.status(500).json({ error: 'Internal Server Error' });
  }
  res.status(status).json({ error: err.message, stack: err.stack });
});
`,
      errors: [
  { messageId: 'stackInResponse', line: 8, column: 56, endLine: 8, endColumn: 65, suggestions: [{ messageId: 'replaceAndLog', output: `const express = require('express');
const app = express();
app.use((err, req, res, next) => {
  const status = err.status ?? 400;
  if (status >= 500) {
    return res.status(500).json({ error: 'Internal Server Error' });
  }
  console.error(err);
  res.status(status).json({ error: err.message, stack: 'Internal Server Error' });
});
` }] },
],
    },
    {
      // The check does not exit: a 5xx error's message reaches the sink too.
      code: `const express = require('express');
const app = express();
app.use((err, req, res, next) => {
  const status = err.statusCode ?? 500;
  if (status >= 500) {
    console.error(err);
  }
  res.status(status).json({ error: err.message });
});
`,
      errors: [
  { messageId: 'messageInResponse', line: 8, column: 36, endLine: 8, endColumn: 47, suggestions: [{ messageId: 'replaceWithGeneric', output: `const express = require('express');
const app = express();
app.use((err, req, res, next) => {
  const status = err.statusCode ?? 500;
  if (status >= 500) {
    console.error(err);
  }
  res.status(status).json({ error: 'Internal Server Error' });
});
` }] },
],
    },
    {
      // A status not derived from the error: the 500 answer leaks, the one after the check (below 500) may carry the message.
      code: `const express = require('express');
const app = express();
app.use((err, req, res, next) => {
  const status = res.statusCode >= 400 ? res.statusCode : 500;
  if (status >= 500) {
    return res.status(500).json({ error: err.message });
  }
  res.status(status).json({ error: err.message });
});
`,
      errors: [
  { messageId: 'messageInResponse', line: 6, column: 42, endLine: 6, endColumn: 53, suggestions: [{ messageId: 'replaceAndLog', output: `const express = require('express');
const app = express();
app.use((err, req, res, next) => {
  const status = res.statusCode >= 400 ? res.statusCode : 500;
  if (status >= 500) {
    console.error(err);
    return res.status(500).json({ error: 'Internal Server Error' });
  }
  res.status(status).json({ error: err.message });
});
` }] },
],
    },
    {
      // `err.status > 500` leaves a 500 through: not a check below 500 (it narrowed the error before).
      code: `const express = require('express');
const app = express();
app.use((err, req, res, next) => {
  if (err.status > 500) {
    return res.status(502).json({ error: 'Bad Gateway' });
  }
  res.status(err.status || 500).json({ error: err.message });
});
`,
      errors: [
  { messageId: 'messageInResponse', line: 7, column: 47, endLine: 7, endColumn: 58, suggestions: [{ messageId: 'replaceAndLog', output: `const express = require('express');
const app = express();
app.use((err, req, res, next) => {
  if (err.status > 500) {
    return res.status(502).json({ error: 'Bad Gateway' });
  }
  console.error(err);
  res.status(err.status || 500).json({ error: 'Internal Server Error' });
});
` }] },
],
    },
  ],
});
