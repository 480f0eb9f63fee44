import path from 'node:path';
import { fileURLToPath } from 'node:url';

import rule from '../../src/rules/no-stack-in-response';
import { createRuleTester } from '../rule-tester';

/**
 * Error responders defined in other files (issue #15): a caught error handed to a project
 * helper that sends it is reported at the call, naming the helper and its file. The helpers
 * live in tests/fixtures/cross-file/no-stack-in-response/ (see its README.md); each case is
 * linted as a file of that project so that its imports resolve.
 */
const ROOT = fileURLToPath(new URL('../fixtures/cross-file/no-stack-in-response/', import.meta.url));
const JS = path.join(ROOT, 'routes/case.js');
const TS = path.join(ROOT, 'routes/case.ts');

/** An Express route whose catch block runs `body`. */
const route = (imports: string, body: string): string => `${imports}
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    ${body}
  }
});
`;

const ruleTester = createRuleTester();

ruleTester.run('no-stack-in-response (cross-file)', rule, {
  valid: [
    // --- a helper that returns a generic text, put in the response by the caller ---
    { filename: JS, code: route("import { publicMessage } from '../lib/messages.js';", 'res.status(500).send(publicMessage(err));') },
    { filename: JS, code: route("import { errorMessage } from '../lib/messages.js';", 'res.status(400).send(errorMessage(err));') },
    // --- safe look-alikes: logs and a generic message; own error class; development only ---
    { filename: JS, code: route("const { sendSafeError } = require('../utils/errors');", 'sendSafeError(res, err);') },
    { filename: JS, code: route("const { sendOwnMessage } = require('../utils/errors');", 'sendOwnMessage(res, err);') },
    { filename: JS, code: route("const { sendDevStack } = require('../utils/errors');", 'sendDevStack(res, err);') },
    { filename: TS, code: `import { handleApiError } from '@/lib/api-error';\nexport async function POST() {\n  try {\n    await work();\n  } catch (e) {\n    return handleApiError(e);\n  }\n}\n` },
    { filename: JS, code: `import { replyWithError } from '../lib/fastify-errors.js';\nfastify.post('/x', async (request, reply) => {\n  try {\n    await work();\n  } catch (err) {\n    return replyWithError(err, reply);\n  }\n});\n` },
    // --- a message with a 4xx status: passed by the call, or fixed in the helper ---
    { filename: JS, code: route("const { sendMessage } = require('../utils/errors');", 'sendMessage(res, err, 400);') },
    { filename: JS, code: route("const { sendMessage } = require('../utils/errors');", 'sendMessage(res, err, 404);') },
    { filename: TS, code: `import { badRequest } from '@/lib/api-error';\nexport async function POST() {\n  try {\n    await work();\n  } catch (e) {\n    return badRequest(e as Error);\n  }\n}\n` },
    // --- a message narrowed at the call, or allowed by the option ---
    { filename: JS, code: route("const { sendMessage, AppError } = require('../utils/errors');", 'if (err instanceof AppError) sendMessage(res, err);') },
    { filename: JS, code: route("const { sendMessage } = require('../utils/errors');", 'sendMessage(res, err);'), options: [{ allowMessage: true }] },
    // --- the call itself is development-only ---
    { filename: JS, code: route("const { sendError } = require('../utils/errors');", "if (process.env.NODE_ENV === 'development') sendError(res, err);") },
    // --- the helper's first parameter is a response only when the caller passes one ---
    { filename: JS, code: route("import { fail } from '../lib/format.js';", 'fail(audit, err);') },
    // --- what is not followed: deeper chains, values made by calls, libraries, loggers ---
    { filename: JS, code: route("import { level1 } from '../lib/deep.js';", 'level1(res, err);') },
    { filename: JS, code: route("import { sendMade } from '../lib/not-a-function.js';", 'sendMade(res, err);') },
    { filename: JS, code: route("import { sendReport } from 'report-lib';", 'sendReport(res, err);') },
    { filename: JS, code: route("const logger = require('../utils/errors');", 'logger.error(err);') },
    // --- bad input: unresolvable, does not parse ---
    { filename: JS, code: route("const { sendError } = require('../utils/missing');", 'sendError(res, err);') },
    { filename: JS, code: route("import { sendBroken } from '../lib/broken.js';", 'sendBroken(res, err);') },
    // --- cross-file analysis switched off ---
    {
      filename: JS,
      code: route("const { sendError } = require('../utils/errors');", 'sendError(res, err);'),
      settings: { 'agent-guard': { project: { crossFile: false } } },
    },
    // --- no caught error passed, or no file to follow ---
    { filename: JS, code: route("const { sendError } = require('../utils/errors');", "sendError(res, new Error('Failed'));") },
    { code: route("const { sendError } = require('./utils/errors');", 'sendError(res, err);') },
    // --- an error handed on outside the catch clause, through an outer variable: not followed ---
    { filename: JS, code: "const { sendError } = require('../utils/errors');\napp.get('/x', async (req, res) => {\n  let failure;\n  try {\n    await work();\n  } catch (err) {\n    failure = err;\n  }\n  if (failure) sendError(res, failure);\n});\n" },
    // --- a local helper nobody calls with an error ---
    { code: 'function sendFailure(res, failure) {\n  res.status(500).json({ stack: failure.stack });\n}\nsendFailure(res, {});\n' },
  ],
  invalid: [
    // --- what a helper returns of the error, sent by the caller (`send(getErrorMessage(err))`) ---
    {
      filename: JS,
      code: route("import { errorMessage } from '../lib/messages.js';", 'res.status(500).send(errorMessage(err));'),
      errors: [{
        messageId: 'messageInResponse', line: 6, column: 26, endLine: 6, endColumn: 43,
        suggestions: [{
          messageId: 'replaceAndLog',
          data: { expression: 'errorMessage(err)', logger: 'console.error' },
          output: route("import { errorMessage } from '../lib/messages.js';", "console.error(err);\n    res.status(500).send('Internal Server Error');"),
        }],
      }],
    },
    {
      filename: JS,
      code: route("import { errorDetails } from '../lib/messages.js';", 'res.status(500).json(errorDetails(err));'),
      errors: [{
        messageId: 'stackInResponse', line: 6, column: 26, endLine: 6, endColumn: 43,
        suggestions: [{
          messageId: 'replaceAndLog',
          data: { expression: 'errorDetails(err)', logger: 'console.error' },
          output: route("import { errorDetails } from '../lib/messages.js';", "console.error(err);\n    res.status(500).json('Internal Server Error');"),
        }],
      }],
    },
    // --- a helper in another file (CommonJS), reported at the call ---
    {
      filename: JS,
      code: `const { sendError } = require('../utils/errors');
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    sendError(res, err);
  }
});
`,
      errors: [
        {
          messageId: 'stackInResponse',
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 24,
          data: { expression: 'err', sink: 'sendError() (utils/errors.js), which sends `err.stack` through res.json()' },
        },
      ],
    },
    // the stack goes whatever the status
    {
      filename: JS,
      code: `const { sendError } = require('../utils/errors');
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    sendError(res, err, 400);
  }
});
`,
      errors: [{ messageId: 'stackInResponse', line: 6, column: 5, endLine: 6, endColumn: 29 }],
    },
    // a whole-module require, an alias of the caught error
    {
      filename: JS,
      code: `const errors = require('../utils/errors');
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    const e = err;
    errors.sendError(res, e);
  }
});
`,
      errors: [{ messageId: 'stackInResponse', line: 7, column: 5, endLine: 7, endColumn: 29, data: { expression: 'e', sink: 'sendError() (utils/errors.js), which sends `err.stack` through res.json()' } }],
    },
    // --- the status parameter: its default (500), or what the call passes ---
    {
      filename: JS,
      code: `const { sendMessage } = require('../utils/errors');
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    sendMessage(res, err);
  }
});
`,
      errors: [{ messageId: 'messageInResponse', line: 6, column: 5, endLine: 6, endColumn: 26, data: { expression: 'err', sink: 'sendMessage() (utils/errors.js), which sends `err.message` through res.json()' } }],
    },
    {
      filename: JS,
      code: `const { sendMessage } = require('../utils/errors');
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    sendMessage(res, err, 502);
  }
});
`,
      errors: [{ messageId: 'messageInResponse', line: 6, column: 5, endLine: 6, endColumn: 31 }],
    },
    // --- an Express error middleware hands its error on ---
    {
      filename: JS,
      code: "const { sendError } = require('../utils/errors');\napp.use((err, req, res, next) => {\n  sendError(res, err);\n});\n",
      errors: [{ messageId: 'stackInResponse', line: 3, column: 3, endLine: 3, endColumn: 22 }],
    },
    // --- helper calls helper in a third file ---
    {
      filename: JS,
      code: `import { handleError } from '../utils/errors';
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    handleError(res, err);
  }
});
`,
      errors: [
        {
          messageId: 'errorInResponse',
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 26,
          data: { expression: 'err', sink: 'handleError() (utils/errors.js), then respond() (utils/respond.js), which sends `failure` through res.send()' },
        },
      ],
    },
    // three helpers in a chain are read
    {
      filename: JS,
      code: `import { short1 } from '../lib/deep.js';
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    short1(res, err);
  }
});
`,
      errors: [{ messageId: 'stackInResponse', line: 6, column: 5, endLine: 6, endColumn: 21, data: { expression: 'err', sink: 'short1() (lib/deep.js), then short2(), then short3(), which sends `err.stack` through res.json()' } }],
    },
    // an import cycle ends
    {
      filename: JS,
      code: `import { pingA } from '../lib/cycle-a.js';
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    pingA(res, err, 1);
  }
});
`,
      errors: [{ messageId: 'stackInResponse', line: 6, column: 5, endLine: 6, endColumn: 23 }],
    },
    // --- a parameter with no response name is a response when the caller passes its own ---
    {
      filename: JS,
      code: `import { fail } from '../lib/format.js';
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    fail(res, err);
  }
});
`,
      errors: [{ messageId: 'stackInResponse', line: 6, column: 5, endLine: 6, endColumn: 19, data: { expression: 'err', sink: 'fail() (lib/format.js), which sends `err.stack` through out.json()' } }],
    },
    // --- Next.js: a helper that returns NextResponse.json(), through tsconfig paths ---
    {
      filename: TS,
      code: "import { serverError } from '@/lib/api-error';\nexport async function POST() {\n  try {\n    await work();\n  } catch (e) {\n    return serverError(e);\n  }\n}\n",
      errors: [{ messageId: 'stackInResponse', line: 6, column: 12, endLine: 6, endColumn: 26, data: { expression: 'e', sink: 'serverError() (lib/api-error.ts), which sends `err.stack` through NextResponse.json()' } }],
    },
    {
      filename: TS,
      code: "import { internalError } from '@/lib/api-error';\nexport async function POST() {\n  try {\n    await work();\n  } catch (e) {\n    return internalError(e as Error);\n  }\n}\n",
      errors: [{ messageId: 'messageInResponse', line: 6, column: 12, endLine: 6, endColumn: 37 }],
    },
    // --- Fastify reply, Hono context ---
    {
      filename: JS,
      code: "import { handleBusinessError } from '../lib/fastify-errors.js';\nfastify.post('/x', async (request, reply) => {\n  try {\n    await work();\n  } catch (error) {\n    return handleBusinessError(error, reply);\n  }\n});\n",
      errors: [{ messageId: 'stackInResponse', line: 6, column: 12, endLine: 6, endColumn: 45, data: { expression: 'error', sink: 'handleBusinessError() (lib/fastify-errors.js), which sends `error.stack` through reply.send()' } }],
    },
    {
      filename: TS,
      code: "import { Hono } from 'hono';\nimport { errorResponse } from '../lib/hono-errors.js';\nconst app = new Hono();\napp.post('/', async (c) => {\n  try {\n    return c.json(await work());\n  } catch (err) {\n    return errorResponse(c, err);\n  }\n});\n",
      errors: [{ messageId: 'stackInResponse', line: 8, column: 12, endLine: 8, endColumn: 33, data: { expression: 'err', sink: 'errorResponse() (lib/hono-errors.ts), which sends `e.stack` through c.json()' } }],
    },
    // --- error handlers whose error parameter has any name: a promise catch, a Fastify error handler ---
    {
      filename: JS,
      code: "const { sendError } = require('../utils/errors');\napp.get('/x', (req, res) => {\n  work().catch((problem) => sendError(res, problem));\n});\n",
      errors: [{ messageId: 'stackInResponse', line: 3, column: 29, endLine: 3, endColumn: 52 }],
    },
    {
      filename: JS,
      code: "import { handleBusinessError } from '../lib/fastify-errors.js';\nfastify.setErrorHandler((failure, request, reply) => {\n  return handleBusinessError(failure, reply);\n});\n",
      errors: [{ messageId: 'stackInResponse', line: 3, column: 10, endLine: 3, endColumn: 45 }],
    },
    // --- helpers of the same file ---
    {
      code: `function sendFailure(res, failure) {
  res.status(500).json({ stack: failure.stack });
}
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    sendFailure(res, err);
  }
});
`,
      errors: [{ messageId: 'stackInResponse', line: 8, column: 5, endLine: 8, endColumn: 26, data: { expression: 'err', sink: 'sendFailure(), which sends `failure.stack` through res.json()' } }],
    },
    {
      code: `const sendText = (res, text) => res.status(500).json({ error: text });
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    sendText(res, err.message);
  }
});
`,
      errors: [{ messageId: 'messageInResponse', line: 6, column: 5, endLine: 6, endColumn: 31, data: { expression: 'err.message', sink: 'sendText(), which sends `text` through res.json()' } }],
    },
    // a local error handler called directly is reported in its body, once
    {
      code: `function onError(err, req, res, next) {
  res.status(500).json({ stack: err.stack });
}
app.use(onError);
app.get('/x', async (req, res, next) => {
  try {
    await work();
  } catch (err) {
    onError(err, req, res, next);
  }
});
`,
      errors: [
        {
          messageId: 'stackInResponse',
          line: 2,
          column: 33,
          endLine: 2,
          endColumn: 42,
          suggestions: [
            {
              messageId: 'replaceAndLog',
              output: `function onError(err, req, res, next) {
  console.error(err);
  res.status(500).json({ stack: 'Internal Server Error' });
}
app.use(onError);
app.get('/x', async (req, res, next) => {
  try {
    await work();
  } catch (err) {
    onError(err, req, res, next);
  }
});
`,
            },
          ],
        },
      ],
    },
  ],
});
