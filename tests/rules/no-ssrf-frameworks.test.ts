import * as espree from 'espree';
import { RuleTester } from '@typescript-eslint/rule-tester';

import rule from '../../src/rules/no-ssrf';
import { createRuleTester } from '../rule-tester';
import { at } from './no-ssrf-helpers';

const ruleTester = createRuleTester();

const DECLARATION = "const ALLOWED_HOSTS = new Set(['api.example.com']); // the hosts this server may call";
const suggestion = (output: string) => [{ messageId: 'addAllowListCheck' as const, data: { set: 'ALLOWED_HOSTS' }, output }];

const EXPRESS = `import express from 'express';
import axios from 'axios';

const app = express();
app.get('/preview', async (req, res) => {
  const url = req.query.url;
  const r = await axios.get(url);
  res.send(r.data);
});
`;

const EXPRESS_CJS = `'use strict';
const express = require('express');
const app = express();
app.post('/hook', async function (req, res) {
  try {
    await fetch(\`https://\${req.body.host}/ping\`);
  } catch (e) {
    res.status(502).end();
  }
});
`;

const FASTIFY = `import Fastify from 'fastify';
const ALLOWED_HOSTS = new Set(['a.com']);
const fastify = Fastify();
fastify.get('/p', async (request, reply) => {
  const r = await fetch(request.query.url);
  return reply.send(await r.text());
});
`;

const HONO = `import { Hono } from 'hono';
const app = new Hono();
app.get('/p', async (c) => {
  const target = c.req.query('url');
  const r = await fetch(target);
  return c.text(await r.text());
});
`;

const NEXT_ROUTE = `import { NextResponse } from 'next/server';

export async function GET(request: Request) {
  const target = new URL(request.url).searchParams.get('url')!;
  const page = await fetch(target, { cache: 'no-store' });
  return NextResponse.json({ html: await page.text() });
}
`;

const NEXT_ROUTE_BODY = `export async function POST(req: Request) {
  const { webhook } = await req.json();
  await fetch(webhook, { method: 'POST', body: 'ping' });
  return new Response(null, { status: 204 });
}
`;

const NEXT_PAGES_API = `import type { NextApiRequest, NextApiResponse } from 'next';
export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const image = await fetch(req.query.src as string);
  res.send(Buffer.from(await image.arrayBuffer()));
}
`;

const SERVER_ACTION = `'use server';

export async function importFeed(feedUrl: string) {
  const res = await fetch(feedUrl);
  return res.text();
}
`;

const INLINE_ACTION = `export default function Page() {
  async function save(formData: FormData) {
    'use server';
    const avatar = String(formData.get('avatarUrl'));
    await fetch(avatar);
  }
  return <form action={save} />;
}
`;

/** An expected report named by its text (the text before the node, the node), with the suggestion's output. */
type Expected = readonly [before: string, node: string, sink: string, source: string, output: string, what?: string];

/** An invalid case with one `requestControlledHost` report and its suggestion. */
function invalid(code: string, [before, node, sink, source, output, what = 'URL']: Expected, filename?: string) {
  const place = at(code, before, node);
  return {
    code,
    ...(filename === undefined ? {} : { filename }),
    errors: [
      {
        messageId: 'requestControlledHost' as const,
        line: place.line,
        column: place.column,
        endLine: place.endLine,
        endColumn: place.endColumn,
        data: { sink, what, source },
        suggestions: suggestion(output),
      },
    ],
  };
}

ruleTester.run('no-ssrf frameworks', rule, {
  valid: [
    // An Express link preview with an allow-list of hosts.
    `import express from 'express';
const ALLOWED_HOSTS = new Set(['news.a.com', 'blog.a.com']);
const app = express();
app.get('/preview', async (req, res) => {
  let target;
  try {
    target = new URL(String(req.query.url));
  } catch {
    return res.status(400).send('bad url');
  }
  if (target.protocol !== 'https:' || !ALLOWED_HOSTS.has(target.hostname)) {
    return res.status(400).send('host not allowed');
  }
  const page = await fetch(target, { redirect: 'manual', signal: AbortSignal.timeout(5000) });
  res.send(await page.text());
});
`,
    // A Next.js route handler proxying to a fixed origin with the path from the request.
    {
      code: `export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const upstream = await fetch(\`https://api.a.com/items/\${encodeURIComponent(id)}\`);
  return new Response(upstream.body);
}
`,
      filename: 'app/api/items/[id]/route.ts',
    },
    // A Server Action picking the origin from a constant table.
    {
      code: `'use server';
const ORIGINS = { eu: 'https://eu.api.a.com', us: 'https://us.api.a.com' } as const;
export async function sync(region: keyof typeof ORIGINS) {
  await fetch(\`\${ORIGINS[region]}/sync\`, { method: 'POST' });
}
`,
      filename: 'app/actions.ts',
    },
    // Hono with a hostname allow-list.
    `import { Hono } from 'hono';
const app = new Hono();
app.get('/p', async (c) => {
  const u = new URL(c.req.query('url') ?? '');
  if (u.hostname !== 'cdn.a.com') return c.text('no', 400);
  return fetch(u);
});
`,
  ],
  invalid: [
    // Express: the check goes before the statement, the set after the imports.
    invalid(EXPRESS, ['axios.get(', 'url', 'axios.get', 'req.query.url', `import express from 'express';
import axios from 'axios';
${DECLARATION}

const app = express();
app.get('/preview', async (req, res) => {
  const url = req.query.url;
  if (!ALLOWED_HOSTS.has(new URL(url).hostname)) {
    return res.status(400).send('Host not allowed');
  }
  const r = await axios.get(url);
  res.send(r.data);
});
`]),
    // Express in CommonJS, the input as the host of a template, inside `try`: the host itself is checked.
    invalid(EXPRESS_CJS, ['await fetch(', '`https://${req.body.host}/ping`', 'fetch', 'req.body.host', `'use strict';
const express = require('express');
${DECLARATION}
const app = express();
app.post('/hook', async function (req, res) {
  try {
    if (!ALLOWED_HOSTS.has(req.body.host)) {
      return res.status(400).send('Host not allowed');
    }
    await fetch(\`https://\${req.body.host}/ping\`);
  } catch (e) {
    res.status(502).end();
  }
});
`, 'host'], 'file.js'),
    // Fastify: the module's own ALLOWED_HOSTS is reused.
    invalid(FASTIFY, ['await fetch(', 'request.query.url', 'fetch', 'request.query.url', `import Fastify from 'fastify';
const ALLOWED_HOSTS = new Set(['a.com']);
const fastify = Fastify();
fastify.get('/p', async (request, reply) => {
  if (!ALLOWED_HOSTS.has(new URL(request.query.url).hostname)) {
    return reply.code(400).send('Host not allowed');
  }
  const r = await fetch(request.query.url);
  return reply.send(await r.text());
});
`]),
    // Hono.
    invalid(HONO, ['await fetch(', 'target', 'fetch', "c.req.query('url')", `import { Hono } from 'hono';
${DECLARATION}
const app = new Hono();
app.get('/p', async (c) => {
  const target = c.req.query('url');
  if (!ALLOWED_HOSTS.has(new URL(target).hostname)) {
    return c.text('Host not allowed', 400);
  }
  const r = await fetch(target);
  return c.text(await r.text());
});
`]),
    // Next.js App Router route handler: a Response with status 400.
    invalid(NEXT_ROUTE, ['await fetch(', 'target', 'fetch', 'request.url', `import { NextResponse } from 'next/server';
${DECLARATION}

export async function GET(request: Request) {
  const target = new URL(request.url).searchParams.get('url')!;
  if (!ALLOWED_HOSTS.has(new URL(target).hostname)) {
    return new Response('Host not allowed', { status: 400 });
  }
  const page = await fetch(target, { cache: 'no-store' });
  return NextResponse.json({ html: await page.text() });
}
`], 'src/app/api/preview/route.ts'),
    invalid(NEXT_ROUTE_BODY, ['await fetch(', 'webhook', 'fetch', 'req.json().webhook', `${DECLARATION}
export async function POST(req: Request) {
  const { webhook } = await req.json();
  if (!ALLOWED_HOSTS.has(new URL(webhook).hostname)) {
    return new Response('Host not allowed', { status: 400 });
  }
  await fetch(webhook, { method: 'POST', body: 'ping' });
  return new Response(null, { status: 204 });
}
`], 'app/api/webhooks/route.ts'),
    // Next.js Pages Router API route: its Express-like response.
    invalid(NEXT_PAGES_API, ['await fetch(', 'req.query.src as string', 'fetch', 'req.query.src', `import type { NextApiRequest, NextApiResponse } from 'next';
${DECLARATION}
export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  if (!ALLOWED_HOSTS.has(new URL(req.query.src as string).hostname)) {
    return res.status(400).send('Host not allowed');
  }
  const image = await fetch(req.query.src as string);
  res.send(Buffer.from(await image.arrayBuffer()));
}
`], 'pages/api/image.ts'),
    // Server Actions (a 'use server' file and an inline action): no response to shape, the action throws.
    invalid(SERVER_ACTION, ['await fetch(', 'feedUrl', 'fetch', 'feedUrl (Server Action argument)', `'use server';
${DECLARATION}

export async function importFeed(feedUrl: string) {
  if (!ALLOWED_HOSTS.has(new URL(feedUrl).hostname)) {
    throw new Error('Host not allowed');
  }
  const res = await fetch(feedUrl);
  return res.text();
}
`], 'app/actions.ts'),
    invalid(INLINE_ACTION, ['await fetch(', 'avatar', 'fetch', 'formData (Server Action argument)', `${DECLARATION}
export default function Page() {
  async function save(formData: FormData) {
    'use server';
    const avatar = String(formData.get('avatarUrl'));
    if (!ALLOWED_HOSTS.has(new URL(avatar).hostname)) {
      throw new Error('Host not allowed');
    }
    await fetch(avatar);
  }
  return <form action={save} />;
}
`], 'app/profile/page.tsx'),
    // The module's ALLOWED_HOSTS is an array: asked with includes().
    invalid(
      `import express from 'express';
const ALLOWED_HOSTS = ['cdn.a.com'];
const app = express();
app.get('/img', async (req, res) => {
  const image = await fetch(req.query.src);
  res.send(Buffer.from(await image.arrayBuffer()));
});
`,
      ['await fetch(', 'req.query.src', 'fetch', 'req.query.src', `import express from 'express';
const ALLOWED_HOSTS = ['cdn.a.com'];
const app = express();
app.get('/img', async (req, res) => {
  if (!ALLOWED_HOSTS.includes(new URL(req.query.src).hostname)) {
    return res.status(400).send('Host not allowed');
  }
  const image = await fetch(req.query.src);
  res.send(Buffer.from(await image.arrayBuffer()));
});
`],
    ),
    // No suggestion: a path over an axios baseURL (the fix is to refuse absolute URLs), an arrow
    // without a block, a URL built inline by concatenation, and a helper outside the handler.
    {
      code: `import express from 'express';
import axios from 'axios';
const api = axios.create({ baseURL: 'https://api.a.com' });
const app = express();
app.get('/a', async (req, res) => res.json((await api.get(req.query.path)).data));
app.get('/b', (req, res) => fetch('http://' + req.query.host + '/x').then(() => res.end()));
app.get('/c', async (req, res) => {
  await fetch('https://' + req.query.host);
  res.end();
});
`,
      errors: [
        { messageId: 'requestControlledHost', line: 5, column: 59, endLine: 5, endColumn: 73, data: { sink: 'api.get', what: 'URL (an absolute URL replaces `baseURL`, CVE-2025-27152)', source: 'req.query.path' }, suggestions: [] },
        { messageId: 'requestControlledHost', line: 6, column: 35, endLine: 6, endColumn: 68, data: { sink: 'fetch', what: 'host', source: 'req.query.host' }, suggestions: [] },
        { messageId: 'requestControlledHost', line: 8, column: 15, endLine: 8, endColumn: 42, data: { sink: 'fetch', what: 'host', source: 'req.query.host' }, suggestions: [] },
      ],
    },
    // No suggestion: ALLOWED_HOSTS names something else (a function's own, or not a list).
    {
      code: `import express from 'express';
import { ALLOWED_HOSTS } from './config';
const app = express();
app.get('/img', async (req, res) => {
  const image = await fetch(req.query.src);
  res.send(Buffer.from(await image.arrayBuffer()));
});
`,
      errors: [{ messageId: 'requestControlledHost', line: 5, column: 29, endLine: 5, endColumn: 42, data: { sink: 'fetch', what: 'URL', source: 'req.query.src' }, suggestions: [] }],
    },
    // A helper of the same file reached from a handler: reported in the helper, no exit to write there.
    {
      code: `import express from 'express';
const app = express();
async function preview(link: string) {
  const page = await fetch(link);
  return page.text();
}
app.post('/preview', async (req, res) => {
  res.send(await preview(req.body.link));
});
`,
      errors: [{ messageId: 'requestControlledHost', line: 4, column: 28, endLine: 4, endColumn: 32, data: { sink: 'fetch', what: 'URL', source: 'req.body.link' }, suggestions: [] }],
    },
  ],
});

// Plain JavaScript through espree: an Express handler, CommonJS.
const espreeTester = new RuleTester({ languageOptions: { parser: espree, sourceType: 'commonjs' } });
const PLAIN = `const express = require('express');
const axios = require('axios');
const app = express();
app.get('/proxy', async (req, res) => {
  const { data } = await axios.get(req.query.target);
  res.json(data);
});
`;

espreeTester.run('no-ssrf frameworks (espree)', rule, {
  valid: [
    `const express = require('express');
const axios = require('axios');
const app = express();
app.get('/proxy', async (req, res) => {
  const { data } = await axios.get('https://api.a.com/search', { params: { q: req.query.q } });
  res.json(data);
});
`,
  ],
  invalid: [
    invalid(PLAIN, ['axios.get(', 'req.query.target', 'axios.get', 'req.query.target', `const express = require('express');
const axios = require('axios');
${DECLARATION}
const app = express();
app.get('/proxy', async (req, res) => {
  if (!ALLOWED_HOSTS.has(new URL(req.query.target).hostname)) {
    return res.status(400).send('Host not allowed');
  }
  const { data } = await axios.get(req.query.target);
  res.json(data);
});
`]),
  ],
});
