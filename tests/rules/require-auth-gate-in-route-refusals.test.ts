import rule from '../../src/rules/require-auth-gate-in-route';
import { createRuleTester } from '../rule-tester';

/**
 * require-auth-gate-in-route: a branch that refuses the caller with 401 or 403 and stops is the
 * handler's gate, whatever its test calls (`if (!hasCronSecret(req)) return 401`); a refusal that
 * does not stop, a 400, a refusal after the data answer or inside a callback is not. Error
 * answers by their helper's name (`responses.badRequestResponse(…)`) before a gate reveal no data.
 */
const ruleTester = createRuleTester();

ruleTester.run('require-auth-gate-in-route (refusing branches, error answers)', rule, {
  valid: [
    // A subscription handshake that echoes what the caller sent before the sender check (Next.js, Express).
    {
      filename: 'app/api/outlook/webhook/route.ts',
      code: `import { NextResponse } from 'next/server';
export async function POST(request: Request) {
  const validationToken = new URL(request.url).searchParams.get('validationToken');
  if (validationToken) {
    return new NextResponse(validationToken, { headers: { 'Content-Type': 'text/plain' } });
  }
  const body = await request.json();
  if (body.type === 'url_verification') return NextResponse.json({ challenge: body.challenge });
  if (body.clientState !== process.env.WEBHOOK_CLIENT_STATE) {
    return NextResponse.json({ error: 'Unauthorized webhook request' }, { status: 403 });
  }
  return NextResponse.json(await processNotifications(body.value));
}
`,
    },
    {
      filename: 'server.js',
      code: `const express = require('express');
const app = express();
app.get('/webhooks/meta', (req, res) => {
  if (req.query['hub.mode'] === 'subscribe') return res.status(200).send(req.query['hub.challenge']);
  if (!verifySignature(req)) return res.sendStatus(401);
  res.json(listSubscriptions());
});
`,
    },
    // The answer of a check of this file that returns nothing but rejections, returned before the gate (Next.js).
    {
      filename: 'app/api/mcp/route.ts',
      code: `import { auth } from '@/auth';
function validateBodySize(request: Request): Response | null {
  const length = Number(request.headers.get('content-length') ?? 0);
  if (length <= 1_000_000) {
    return null;
  }
  return payloadTooLargeResponse(\`Body must not exceed 1000000 bytes, got \${length}\`);
}
const rateLimit = async (request: Request) => ((await limiter.hit(request)) ? new Response('Slow down', { status: 429 }) : undefined);
export async function POST(request: Request) {
  const tooLarge = validateBodySize(request);
  if (tooLarge) {
    return tooLarge;
  }
  const limited = await rateLimit(request);
  if (limited) return limited;
  const session = await auth();
  if (!session) return new Response(null, { status: 401 });
  return Response.json(await handleMcp(request, session.user.id));
}
`,
    },
    // A redirect before the gate answers nothing but where to go, called as a statement or returned (Express, Koa).
    {
      filename: 'server.js',
      code: `const express = require('express');
const router = express.Router();
router.get(['/h', '/h/*'], async (req, res) => {
  const args = parsePath(req.path);
  if (!args.explicitLocale) {
    return res.redirect(\`/h/\${args.locale}/\${args.path}\`);
  }
  const page = await pages.history({ path: args.path, userId: req.user.id });
  res.render('history', { page });
});
router.get('/e/*', async (req, res) => {
  if (req.path.endsWith('/')) res.redirect(301, req.path.slice(0, -1));
  else res.render('editor', await pages.load(req.path, req.user.id));
});
module.exports = router;
`,
    },
    {
      filename: 'server.js',
      code: `const Router = require('@koa/router');
const router = new Router();
router.get('/p/:slug', async (ctx) => {
  if (ctx.params.slug !== ctx.params.slug.toLowerCase()) {
    ctx.redirect(\`/p/\${ctx.params.slug.toLowerCase()}\`);
    return;
  }
  ctx.body = await posts.forUser(ctx.state.user.id, ctx.params.slug);
});
module.exports = router;
`,
    },
    // A check whose name says nothing, its failure answered with 401 and a return: the gate (Next.js route handler).
    {
      filename: "app/api/cron/cleanup/route.ts",
      code: `import { NextResponse } from 'next/server';
import { hasCronSecret } from '@/lib/cron';
import { db } from '@/lib/db';

export async function POST(request: Request) {
  if (!hasCronSecret(request)) {
    return new Response('Unauthorized', { status: 401 });
  }
  return NextResponse.json(await db.job.deleteMany());
}
`,
    },
    // Express: a 403 answer returned from the branch.
    {
      filename: "server.js",
      code: `const express = require('express');
const app = express();
app.get('/internal/stats', async (req, res) => {
  if (!isInternal(req)) return res.status(403).end();
  res.json(await stats());
});
`,
    },
    // A refusing error class thrown, and HttpStatus.UNAUTHORIZED returned, after a few statements of the branch.
    {
      filename: "server.js",
      code: `const express = require('express');
const app = express();
app.delete('/jobs/:id', async (req, res) => {
  if (!allowedAddress(req.ip)) {
    throw new ForbiddenError('not from here');
  }
  res.json(await removeJob(req.params.id));
});
app.post('/jobs', async (req, res) => {
  if (!matchesToken(req.get('x-token'))) {
    audit('denied', req.ip);
    return res.status(HttpStatus.UNAUTHORIZED).send();
  }
  res.json(await createJob(req.body));
});
`,
    },
    // Hono: the status as the second argument of c.json.
    {
      filename: "src/index.ts",
      code: `import { Hono } from 'hono';
const app = new Hono();
app.get('/exports', async (c) => {
  if (!matchesKey(c.req.header('x-key'))) {
    return c.json({ error: 'bad key' }, 401);
  }
  return c.json(await listExports());
});
`,
    },
    // The refusal answered in the statement before a bare `return;`.
    {
      filename: "server.js",
      code: `const express = require('express');
const app = express();
app.get('/internal/jobs', async (req, res) => {
  if (!isInternal(req)) {
    res.sendStatus(403);
    return;
  }
  res.json(await listJobs());
});
`,
    },
    // The handler answers with functions of the file that refuse by a helper named for it (`notAuthenticatedResponse()`): an API key or a session, each checked.
    {
      filename: "app/api/v1/me/route.ts",
      code: `import { headers } from 'next/headers';
import { responses } from '@/lib/responses';
import { validateApiKey, readSessionUser } from '@/lib/auth-helpers';
import { db } from '@/lib/db';

const byApiKey = async (key: string) => {
  const data = await validateApiKey(key);
  if (!data) {
    return responses.notAuthenticatedResponse();
  }
  return Response.json(await db.workspace.findUnique({ where: { id: data.workspaceId } }));
};

const bySession = async () => {
  const user = await readSessionUser();
  if (!user) {
    return responses.notAuthenticatedResponse();
  }
  return Response.json(await db.user.findUnique({ where: { id: user.id } }));
};

export const GET = async () => {
  const key = (await headers()).get('x-api-key');
  if (key) {
    return byApiKey(key);
  }
  return bySession();
};
`,
    },
    // An error code that refuses, in any case, in what the branch throws: `{ code: 'unauthorized' }`.
    {
      filename: "app/api/links/route.ts",
      code: `import { NextResponse } from 'next/server';
import { findKey } from '@/lib/keys';
import { db } from '@/lib/db';

export async function GET(req: Request) {
  const key = await findKey(req.headers.get('authorization'));
  if (!key) {
    throw new ApiError({ code: 'unauthorized', message: 'Missing or invalid API key.' });
  }
  return NextResponse.json(await db.link.findMany({ where: { workspaceId: key.workspaceId } }));
}
`,
    },
    // Error answers by their helper's name before the session check (`badRequestResponse`, `internalServerErrorResponse`) reveal no data: the check still gates.
    {
      filename: "app/api/files/[id]/route.ts",
      code: `import { NextResponse } from 'next/server';
import { getServerSession } from 'next-auth';
import { responses } from '@/lib/responses';
import { db } from '@/lib/db';

export async function GET(request: Request, { params }: { params: { id: string } }) {
  if (!params.id) {
    return responses.badRequestResponse('id is required');
  }
  let kind: string;
  try {
    kind = classify(request);
  } catch {
    return responses.internalServerErrorResponse('An unexpected error occurred.');
  }
  const session = await getServerSession();
  if (!session) {
    return responses.notAuthenticatedResponse();
  }
  return NextResponse.json(await db.file.findMany({ where: { id: params.id, kind } }));
}
`,
    },
  ],
  invalid: [
    // An echo with server data beside it answers with data before the check.
    {
      filename: 'app/api/slack/events/route.ts',
      code: `import { NextResponse } from 'next/server';
export async function POST(request: Request) {
  const body = await request.json();
  if (body.type === 'url_verification') return NextResponse.json({ challenge: body.challenge, teams: await db.team.findMany() });
  if (!(await verifySlackSignature(request))) return new Response(null, { status: 401 });
  return NextResponse.json(await handleEvent(body));
}
`,
      errors: [{ messageId: 'gateAfterResponse', line: 2, column: 23, endLine: 2, endColumn: 27, suggestions: [] }],
    },
    // A value the handler looked up, returned before the gate, is data; so is a check of this file that may answer with data.
    {
      filename: 'app/api/reports/route.ts',
      code: `import { auth } from '@/auth';
async function cachedReport(request: Request) {
  const hit = await cache.get(request.url);
  if (!hit) return null;
  return Response.json(hit);
}
export async function GET(request: Request) {
  const cached = await cachedReport(request);
  if (cached) return cached;
  const session = await auth();
  if (!session) return new Response(null, { status: 401 });
  return Response.json(await buildReport(session.user.id));
}
export async function POST(request: Request) {
  const draft = await drafts.get(request.url);
  if (draft) return draft;
  const session = await auth();
  if (!session) return new Response(null, { status: 401 });
  return Response.json(await saveReport(session.user.id, await request.json()));
}
`,
      errors: [
        { messageId: 'gateAfterResponse', line: 7, column: 23, endLine: 7, endColumn: 26, suggestions: [] },
        { messageId: 'gateAfterResponse', line: 14, column: 23, endLine: 14, endColumn: 27, suggestions: [] },
      ],
    },
    // The branch answers 401 but does not stop: the handler goes on and answers everyone.
    {
      filename: "server.js",
      code: `const express = require('express');
const app = express();
app.get('/reports', async (req, res) => {
  if (!isInternal(req)) res.status(401).json({ error: 'no' });
  res.json(await listReports());
});
`,
      errors: [
        {
          messageId: "missingGate",
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 8,
          suggestions: [
            { messageId: "markPublic", output: `const express = require('express');
const app = express();
// agent-guard: public-route TODO: say why anyone may call this
app.get('/reports', async (req, res) => {
  if (!isInternal(req)) res.status(401).json({ error: 'no' });
  res.json(await listReports());
});
` },
          ],
        },
      ],
    },
    // A 400 for a missing field refuses the input, not the caller.
    {
      filename: "server.js",
      code: `const express = require('express');
const app = express();
app.post('/notes', async (req, res) => {
  if (!req.body.title) return res.status(400).json({ error: 'title is required' });
  res.json(await createNote(req.body));
});
`,
      errors: [
        {
          messageId: "missingGate",
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 9,
          suggestions: [
            { messageId: "markPublic", output: `const express = require('express');
const app = express();
// agent-guard: public-route TODO: say why anyone may call this
app.post('/notes', async (req, res) => {
  if (!req.body.title) return res.status(400).json({ error: 'title is required' });
  res.json(await createNote(req.body));
});
` },
          ],
        },
      ],
    },
    // The refusal comes after an answer with data: everything before it is public.
    {
      filename: "server.js",
      code: `const express = require('express');
const app = express();
app.get('/reports', async (req, res) => {
  if (req.query.summary) return res.json(await summary());
  if (!isInternal(req)) return res.sendStatus(401);
  res.json(await listReports());
});
`,
      errors: [
        {
          messageId: "gateAfterResponse",
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 8,
          suggestions: [],
        },
      ],
    },
    // A 401 inside a callback of the branch is answered later, or never: no gate.
    {
      filename: "server.js",
      code: `const express = require('express');
const app = express();
app.get('/reports', async (req, res) => {
  if (!isInternal(req)) {
    return queue.push(() => res.sendStatus(401));
  }
  res.json(await listReports());
});
`,
      errors: [
        {
          messageId: "missingGate",
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 8,
          suggestions: [
            { messageId: "markPublic", output: `const express = require('express');
const app = express();
// agent-guard: public-route TODO: say why anyone may call this
app.get('/reports', async (req, res) => {
  if (!isInternal(req)) {
    return queue.push(() => res.sendStatus(401));
  }
  res.json(await listReports());
});
` },
          ],
        },
      ],
    },
    // A success answer by a helper before the check is data answered to everyone.
    {
      filename: "app/api/files/route.ts",
      code: `import { getServerSession } from 'next-auth';
import { responses } from '@/lib/responses';
import { db } from '@/lib/db';

export async function GET(request: Request) {
  if (new URL(request.url).searchParams.has('all')) {
    return responses.successResponse(await db.file.findMany());
  }
  const session = await getServerSession();
  if (!session) {
    return responses.notAuthenticatedResponse();
  }
  return responses.successResponse(await db.file.findMany({ where: { ownerId: session.user.id } }));
}
`,
      errors: [
        {
          messageId: "gateAfterResponse",
          line: 5,
          column: 23,
          endLine: 5,
          endColumn: 26,
          suggestions: [],
        },
      ],
    },
    // A 401 that is logged, not answered: the branch answers with data.
    {
      filename: "server.js",
      code: `const express = require('express');
const app = express();
app.get('/reports', async (req, res) => {
  if (!isInternal(req)) {
    metrics.count(401);
    return res.json(await publicReports());
  }
  res.json(await listReports());
});
`,
      errors: [
        {
          messageId: "missingGate",
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 8,
          suggestions: [
            { messageId: "markPublic", output: `const express = require('express');
const app = express();
// agent-guard: public-route TODO: say why anyone may call this
app.get('/reports', async (req, res) => {
  if (!isInternal(req)) {
    metrics.count(401);
    return res.json(await publicReports());
  }
  res.json(await listReports());
});
` },
          ],
        },
      ],
    },
    // The same shape whose key lookup answers whatever it finds: nothing refuses.
    {
      filename: "app/api/v1/me/route.ts",
      code: `import { headers } from 'next/headers';
import { db } from '@/lib/db';

const byApiKey = async (key: string) => {
  const data = await db.apiKey.findFirst({ where: { key } });
  return Response.json(await db.workspace.findUnique({ where: { id: data?.workspaceId } }));
};

export const GET = async () => {
  const key = (await headers()).get('x-api-key');
  return byApiKey(key ?? '');
};
`,
      errors: [
        {
          messageId: "missingGate",
          line: 9,
          column: 14,
          endLine: 9,
          endColumn: 17,
          suggestions: [
            { messageId: "markPublic", output: `import { headers } from 'next/headers';
import { db } from '@/lib/db';

const byApiKey = async (key: string) => {
  const data = await db.apiKey.findFirst({ where: { key } });
  return Response.json(await db.workspace.findUnique({ where: { id: data?.workspaceId } }));
};

// agent-guard: public-route TODO: say why anyone may call this
export const GET = async () => {
  const key = (await headers()).get('x-api-key');
  return byApiKey(key ?? '');
};
` },
          ],
        },
      ],
    },
    // Another code (`not_found`) refuses the thing, not the caller.
    {
      filename: "app/api/links/route.ts",
      code: `import { NextResponse } from 'next/server';
import { findKey } from '@/lib/keys';
import { db } from '@/lib/db';

export async function GET(req: Request) {
  const key = await findKey(req.headers.get('authorization'));
  if (!key) {
    throw new ApiError({ code: 'not_found', message: 'No such key.' });
  }
  return NextResponse.json(await db.link.findMany({ where: { workspaceId: key.workspaceId } }));
}
`,
      errors: [
        {
          messageId: "missingGate",
          line: 5,
          column: 23,
          endLine: 5,
          endColumn: 26,
          suggestions: [
            { messageId: "markPublic", output: `import { NextResponse } from 'next/server';
import { findKey } from '@/lib/keys';
import { db } from '@/lib/db';

// agent-guard: public-route TODO: say why anyone may call this
export async function GET(req: Request) {
  const key = await findKey(req.headers.get('authorization'));
  if (!key) {
    throw new ApiError({ code: 'not_found', message: 'No such key.' });
  }
  return NextResponse.json(await db.link.findMany({ where: { workspaceId: key.workspaceId } }));
}
` },
          ],
        },
      ],
    },
  ],
});
