import * as espree from 'espree';
import { RuleTester } from '@typescript-eslint/rule-tester';

import rule from '../../src/rules/no-ssrf';
import { createRuleTester } from '../rule-tester';
import { at } from './no-ssrf-helpers';

const ruleTester = createRuleTester();

/** A Koa route around `body`: request input without a 400 exit the suggestion knows, so no suggestion. */
const koa = (imports: string, body: string): string => `${imports}
import Router from '@koa/router';
const router = new Router();
router.post('/preview', async (ctx) => {
${body}
});
`;

/** An expected report: the text before the reported node, the node, then `sink`, `source` and `what` of the message. */
type Expected = readonly [before: string, node: string, sink: string, source: string, what?: string];

/** An invalid case whose reports are named by their text (`requestControlledHost`, no suggestion: Koa). */
function invalid(code: string, expected: readonly Expected[], extra: { filename?: string; settings?: Record<string, unknown> } = {}) {
  const seen = new Map<string, number>();
  return {
    code,
    ...extra,
    errors: expected.map(([before, node, sink, source, what = 'URL']) => {
      const key = before + node;
      const nth = seen.get(key) ?? 0;
      seen.set(key, nth + 1);
      const place = at(code, before, node, nth);
      return {
        messageId: 'requestControlledHost' as const,
        line: place.line,
        column: place.column,
        endLine: place.endLine,
        endColumn: place.endColumn,
        data: { sink, what, source },
        suggestions: [],
      };
    }),
  };
}

ruleTester.run('no-ssrf', rule, {
  valid: [
    // Input only in the path or query after a constant origin.
    koa(`import axios from 'axios';`, `  await fetch(\`https://api.a.com/users/\${ctx.params.id}?q=\${ctx.query.q}\`);
  await axios.get('https://api.a.com/search?q=' + ctx.query.q);
  await fetch(new URL('/users/' + ctx.params.id, 'https://api.a.com'));`),
    // URLs from configuration and the environment, constants, a constant map.
    koa(`import got from 'got';
import { config } from './config';
const HOSTS = { eu: 'https://eu.api.a.com', us: 'https://us.api.a.com' };`, `  await fetch(process.env.WEBHOOK_URL);
  await got(\`\${config.apiBase}/users/\${ctx.params.id}\`);
  await fetch(\`\${process.env.API_ORIGIN}\${ctx.query.path}\`);
  await fetch(HOSTS[ctx.query.region]);
  await fetch(new URL('/v1/items', process.env.API_URL));`),
    // An axios instance with a baseURL: a constant-prefixed or encoded path, or absolute URLs refused.
    koa(`import axios from 'axios';
const api = axios.create({ baseURL: 'https://api.a.com' });
const strict = axios.create({ baseURL: 'https://api.a.com', allowAbsoluteUrls: false });`, `  await api.get('/users/' + ctx.params.id);
  await api.get(\`/users/\${ctx.params.id}/posts\`);
  await api.get(encodeURIComponent(ctx.params.id));
  await strict.get(ctx.query.path);`),
    // ky and got prefixUrl concatenate: the input stays a path.
    koa(`import ky from 'ky';
import got from 'got';
const api = ky.create({ prefixUrl: 'https://api.a.com' });
const client = got.extend({ prefixUrl: 'https://api.a.com' });`, `  await api.get(ctx.query.path).json();
  await client.get(ctx.query.path);`),
    // Not request input: a function's own parameter with no caller in the file, a value from the database.
    `import axios from 'axios';
export async function getJson(url: string) {
  return (await axios.get(url)).data;
}
export async function refresh(db: { hook(): Promise<{ url: string }> }) {
  const hook = await db.hook();
  await fetch(hook.url);
}
`,
    // Browser code: a client component fetching what the user typed.
    {
      code: `'use client';
import { useState } from 'react';
export function Preview() {
  const [url, setUrl] = useState('');
  return <button onClick={async () => { await fetch(url); }}>{url}</button>;
}
`,
      filename: 'components/preview.tsx',
    },
    // A filtering agent on the request: both axios agents, undici's dispatcher, got's agents, node-fetch's agent.
    koa(`import axios from 'axios';
import got from 'got';
import nodeFetch from 'node-fetch';
import { request, Agent } from 'undici';
import ssrfFilter from 'ssrf-req-filter';
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent, useAgent } from 'request-filtering-agent';
const httpAgent = new RequestFilteringHttpAgent();
const httpsAgent = new RequestFilteringHttpsAgent();
const guarded = axios.create({ httpAgent, httpsAgent });`, `  const url = ctx.request.body.url;
  await axios.get(url, { httpAgent, httpsAgent });
  await guarded.get(url);
  await nodeFetch(url, { agent: useAgent(url) });
  await got(url, { agent: { http: httpAgent, https: httpsAgent } });
  await nodeFetch(url, { agent: ssrfFilter(url) });`),
    // A configured filtering dispatcher (settings http.safeAgents).
    {
      code: koa(`import { request } from 'undici';
import { ssrfSafeDispatcher } from './net';`, `  await request(ctx.request.body.url, { dispatcher: ssrfSafeDispatcher });
  await fetch(ctx.request.body.url, { dispatcher: ssrfSafeDispatcher });`),
      settings: { 'agent-guard': { http: { safeAgents: ['./net#ssrfSafeDispatcher', 42] } } },
    },
    // A reverse proxy to a fixed upstream: the request's own path starts with `/`.
    koa(`const UPSTREAM = 'http://localhost:4000';`, `  await fetch(UPSTREAM + ctx.url);
  await fetch(\`http://upstream:8080\${ctx.path}\`);
  await fetch(\`http://upstream:8080\${ctx.request.originalUrl}\`);`),
    // Odd calls: no arguments, spreads, computed configs, a URL built from nothing but input-free parts.
    koa(`import axios from 'axios';
import http from 'node:http';
import WebSocket from 'ws';`, `  const args: [string] = ['https://a.com'];
  await fetch();
  await fetch(...args);
  await axios({ ...ctx.state.config });
  await axios.request({ [ctx.query.key as string]: 'x' });
  http.get();
  new WebSocket();
  await fetch(\`\${'https'}://\${'a.com'}/\`);
  await fetch(\`\`);`),
    // A file without any HTTP client: nothing is looked at.
    `export const add = (a: number, b: number) => a + b;`,
    // `goto` of something that is not a headless browser's page.
    koa(`import { goto } from './router';`, `  await goto(ctx.query.url);
  ctx.router.goto(ctx.query.url);`),
    // A WebSocket to a constant server; JSDOM of a constant page.
    koa(`import WebSocket from 'ws';
import { JSDOM } from 'jsdom';`, `  const ws = new WebSocket('wss://stream.a.com/feed?id=' + ctx.query.id);
  await JSDOM.fromURL('https://a.com/page/' + encodeURIComponent(ctx.query.p));`),
  ],
  invalid: [
    // ---- npm download (got underneath): the URL is its first argument ----
    invalid(
      koa(`import download from 'download';`, `  await download(ctx.query.url, 'dist', { timeout: 5000 });`),
      [['await download(', 'ctx.query.url', 'download', 'ctx.query.url']],
    ),
    // ---- every client of the sink table, at its URL slot ----
    invalid(
      koa(`import axios from 'axios';
import got from 'got';
import superagent from 'superagent';
import ky from 'ky';
import { ofetch, $fetch } from 'ofetch';
import { request, fetch as undiciFetch } from 'undici';
import nodeFetch from 'node-fetch';`, `  const { url } = ctx.request.body;
  await fetch(url);
  await axios.get(url);
  await axios.post(url, { a: 1 });
  await got(url);
  await got.stream(url);
  await superagent.get(url);
  await superagent('GET', url);
  await ky.get(url).json();
  await ofetch(url);
  await $fetch(url);
  await request(url);
  await undiciFetch(url);
  await nodeFetch(url);`),
      [
        ['await fetch(', 'url', 'fetch', 'ctx.request.body.url'],
        ['await axios.get(', 'url', 'axios.get', 'ctx.request.body.url'],
        ['await axios.post(', 'url', 'axios.post', 'ctx.request.body.url'],
        ['await got(', 'url', 'got', 'ctx.request.body.url'],
        ['await got.stream(', 'url', 'got.stream', 'ctx.request.body.url'],
        ['await superagent.get(', 'url', 'superagent.get', 'ctx.request.body.url'],
        ["await superagent('GET', ", 'url', 'superagent', 'ctx.request.body.url'],
        ['await ky.get(', 'url', 'ky.get', 'ctx.request.body.url'],
        ['await ofetch(', 'url', 'ofetch', 'ctx.request.body.url'],
        ['await $fetch(', 'url', '$fetch', 'ctx.request.body.url'],
        ['await request(', 'url', 'request', 'ctx.request.body.url'],
        ['await undiciFetch(', 'url', 'undiciFetch', 'ctx.request.body.url'],
        ['await nodeFetch(', 'url', 'nodeFetch', 'ctx.request.body.url'],
      ],
    ),
    // Config objects: axios({ url }), got({ url }), http(s) host/hostname options and URL strings.
    invalid(
      koa(`import axios from 'axios';
import got from 'got';
import http from 'node:http';
import * as https from 'https';`, `  const { target, host } = ctx.query;
  await axios({ url: target, method: 'get' });
  await axios.request({ url: target });
  await got({ url: target });
  http.get(target, (res) => res.resume());
  https.request({ hostname: host, path: '/status' }).end();
  http.get({ host, port: 80, path: '/' }, (res) => res.resume());`),
      [
        ['await axios({ url: ', 'target', 'axios', 'ctx.query.target', '`url` option'],
        ['await axios.request({ url: ', 'target', 'axios.request', 'ctx.query.target', '`url` option'],
        ['await got({ url: ', 'target', 'got', 'ctx.query.target', '`url` option'],
        ['http.get(', 'target', 'http.get', 'ctx.query.target'],
        ['https.request({ hostname: ', 'host', 'https.request', 'ctx.query.host', '`hostname` option'],
        ['http.get({ ', 'host', 'http.get', 'ctx.query.host', '`host` option'],
      ],
    ),
    // Instances: a request-controlled baseURL, an absolute-capable path over a baseURL (CVE-2025-27152), ofetch's baseURL.
    invalid(
      koa(`import axios from 'axios';
import { ofetch } from 'ofetch';
const api = axios.create({ baseURL: 'https://api.a.com' });
const client = ofetch.create({ baseURL: 'https://api.a.com' });`, `  await api.get(ctx.query.path);
  await api.get(\`\${ctx.query.path}/details\`);
  await client(ctx.query.path);
  const tenant = axios.create({ baseURL: ctx.query.base });
  await tenant.get('/me');
  await axios.get('/me', { baseURL: ctx.query.base });`),
      [
        ['await api.get(', 'ctx.query.path', 'api.get', 'ctx.query.path', 'URL (an absolute URL replaces `baseURL`, CVE-2025-27152)'],
        ['await api.get(', '`${ctx.query.path}/details`', 'api.get', 'ctx.query.path', 'URL (an absolute URL replaces `baseURL`, CVE-2025-27152)'],
        ['await client(', 'ctx.query.path', 'client', 'ctx.query.path', 'URL (an absolute URL replaces `baseURL`)'],
        ['axios.create({ baseURL: ', 'ctx.query.base', 'tenant.get', 'ctx.query.base', '`baseURL` option'],
        ["await axios.get('/me', { baseURL: ", 'ctx.query.base', 'axios.get', 'ctx.query.base', '`baseURL` option'],
      ],
    ),
    // WebSocket (ws, global), JSDOM.fromURL, puppeteer and playwright pages.
    invalid(
      koa(`import WebSocket from 'ws';
import { JSDOM } from 'jsdom';
import puppeteer from 'puppeteer';
import { chromium } from 'playwright';`, `  const url = ctx.query.url;
  const socket = new WebSocket(url);
  const native = new globalThis.WebSocket(url);
  const dom = await JSDOM.fromURL(url);
  const browser = await puppeteer.launch();
  const page = await browser.newPage();
  await page.goto(url);
  const pw = await (await chromium.launch()).newPage();
  await pw.goto(\`https://\${ctx.query.host}/\`);`),
      [
        ['new WebSocket(', 'url', 'WebSocket', 'ctx.query.url'],
        ['new globalThis.WebSocket(', 'url', 'globalThis.WebSocket', 'ctx.query.url'],
        ['JSDOM.fromURL(', 'url', 'JSDOM.fromURL', 'ctx.query.url'],
        ['page.goto(', 'url', 'page.goto', 'ctx.query.url'],
        ['pw.goto(', '`https://${ctx.query.host}/`', 'pw.goto', 'ctx.query.host', 'host'],
      ],
    ),
    // Link-preview scrapers and older clients: link-preview-js, open-graph-scraper, unfurl.js, request, needle, phin.
    invalid(
      koa(`import { getLinkPreview } from 'link-preview-js';
import ogs from 'open-graph-scraper';
import { unfurl } from 'unfurl.js';
import request from 'request';
import needle from 'needle';
import phin from 'phin';`, `  const link = ctx.request.body.link;
  const preview = await getLinkPreview(link);
  const { result } = await ogs({ url: link, timeout: 5 });
  const meta = await unfurl(link);
  request({ uri: link }, () => {});
  request.get(link);
  await needle('get', link);
  await needle.head(link);
  await phin({ url: link, parse: 'json' });`),
      [
        ['getLinkPreview(', 'link', 'getLinkPreview', 'ctx.request.body.link'],
        ['ogs({ url: ', 'link', 'ogs', 'ctx.request.body.link', '`url` option'],
        ['unfurl(', 'link', 'unfurl', 'ctx.request.body.link'],
        ['request({ uri: ', 'link', 'request', 'ctx.request.body.link', '`uri` option'],
        ['request.get(', 'link', 'request.get', 'ctx.request.body.link'],
        ["needle('get', ", 'link', 'needle', 'ctx.request.body.link'],
        ['needle.head(', 'link', 'needle.head', 'ctx.request.body.link'],
        ['phin({ url: ', 'link', 'phin', 'ctx.request.body.link', '`url` option'],
      ],
    ),
    // The authority from input: template and concatenation before the end of the authority, scheme, port, `new URL(input, BASE)`.
    invalid(
      koa(``, `  const { host, proto, port, sub, path } = ctx.query;
  await fetch(\`https://\${host}/api\`);
  await fetch('http://' + host + '/api');
  await fetch(\`\${proto}://api.a.com/x\`);
  await fetch(\`https://api.a.com:\${port}/x\`);
  await fetch(\`https://\${sub}.a.com/x\`);
  await fetch('https://api.a.com' + path);
  await fetch(new URL(path, 'https://api.a.com'));
  await fetch(new URL(ctx.query.url));
  await fetch(String(new URL(ctx.query.url)).toString());
  await fetch(new Request(ctx.query.url, { method: 'POST' }));`),
      [
        ['await fetch(', '`https://${host}/api`', 'fetch', 'ctx.query.host', 'host'],
        ['await fetch(', "'http://' + host + '/api'", 'fetch', 'ctx.query.host', 'host'],
        ['await fetch(', '`${proto}://api.a.com/x`', 'fetch', 'ctx.query.proto'],
        ['await fetch(', '`https://api.a.com:${port}/x`', 'fetch', 'ctx.query.port', 'host'],
        ['await fetch(', '`https://${sub}.a.com/x`', 'fetch', 'ctx.query.sub', 'host'],
        ['await fetch(', "'https://api.a.com' + path", 'fetch', 'ctx.query.path', 'host'],
        ['await fetch(', "new URL(path, 'https://api.a.com')", 'fetch', 'ctx.query.path', 'URL (an absolute URL replaces the base URL)'],
        ['await fetch(', 'new URL(ctx.query.url)', 'fetch', 'ctx.query.url'],
        ['await fetch(', 'String(new URL(ctx.query.url)).toString()', 'fetch', 'ctx.query.url'],
        ['await fetch(', "new Request(ctx.query.url, { method: 'POST' })", 'fetch', 'ctx.query.url'],
      ],
    ),
    // The request's own Host header (and a scheme read from the request before `://`).
    invalid(
      koa(``, `  await fetch(\`\${ctx.protocol}://\${ctx.host}/internal/refresh\`);
  await fetch(\`https://\${ctx.headers.host}/api/x\`);`),
      [
        ['await fetch(', '`${ctx.protocol}://${ctx.host}/internal/refresh`', 'fetch', 'ctx.host', 'host'],
        ['await fetch(', '`https://${ctx.headers.host}/api/x`', 'fetch', 'ctx.headers.host', 'host'],
      ],
    ),
    // Import styles: CommonJS (direct, destructured, `.default`), `node:` prefix.
    invalid(
      `const Router = require('@koa/router');
const axios = require('axios').default;
const { get: axiosGet } = require('axios');
const fetchPolyfill = require('node-fetch');
const https = require('node:https');
const router = new Router();
router.post('/p', async (ctx) => {
  await axios.post(ctx.request.body.url, {});
  await axiosGet(ctx.request.body.url);
  await fetchPolyfill(ctx.request.body.url);
  https.get(ctx.request.body.url);
});
`,
      [
        ['axios.post(', 'ctx.request.body.url', 'axios.post', 'ctx.request.body.url'],
        ['axiosGet(', 'ctx.request.body.url', 'axiosGet', 'ctx.request.body.url'],
        ['fetchPolyfill(', 'ctx.request.body.url', 'fetchPolyfill', 'ctx.request.body.url'],
        ['https.get(', 'ctx.request.body.url', 'https.get', 'ctx.request.body.url'],
      ],
      { filename: 'file.js' },
    ),
    // Namespace, aliased default and TypeScript `import x = require()`, with TS wrappers on the URL.
    invalid(
      koa(`import * as undici from 'undici';
import { default as ax } from 'axios';
import got = require('got');`, `  await undici.request(ctx.query.url as string);
  await ax.head(ctx.query.url!);
  await got.get(ctx.query.url);`),
      [
        ['undici.request(', 'ctx.query.url as string', 'undici.request', 'ctx.query.url'],
        ['ax.head(', 'ctx.query.url!', 'ax.head', 'ctx.query.url'],
        ['got.get(', 'ctx.query.url', 'got.get', 'ctx.query.url'],
      ],
    ),
    // Clients of the settings (http.clients), by name and as `module#export`.
    invalid(
      koa(`import { request as acme } from '@acme/http';`, `  await apiFetch(ctx.query.url);
  await this.http.apiFetch(ctx.query.url);
  await acme(ctx.query.url);`),
      [
        ['await apiFetch(', 'ctx.query.url', 'apiFetch', 'ctx.query.url'],
        ['this.http.apiFetch(', 'ctx.query.url', 'this.http.apiFetch', 'ctx.query.url'],
        ['acme(', 'ctx.query.url', 'acme', 'ctx.query.url'],
      ],
      { settings: { 'agent-guard': { http: { clients: ['apiFetch', '@acme/http#request'] } } } },
    ),
    // Helpers of the same file: the request in a helper called with input, a URL built by a helper.
    invalid(
      `import Router from '@koa/router';
const router = new Router();
async function getJson(url: string) {
  const response = await fetch(url);
  return response.json();
}
const hostUrl = (host: string) => \`https://\${host}/api\`;
const userUrl = (id: string) => \`https://api.a.com/users/\${id}\`;
router.get('/p', async (ctx) => {
  ctx.body = await getJson(ctx.query.url as string);
  await fetch(hostUrl(ctx.query.h as string));
  await fetch(userUrl(ctx.query.id as string));
});
`,
      [
        ['await fetch(', 'url', 'fetch', 'ctx.query.url'],
        ['await fetch(', 'hostUrl(ctx.query.h as string)', 'fetch', 'ctx.query.h', 'host'],
      ],
    ),
    // A URL built in steps: `let` with appends keeps the authority of its start.
    invalid(
      koa(``, `  let target = ctx.query.url;
  target += '?format=json';
  await fetch(target);
  let ok = 'https://api.a.com/v1';
  ok += '/users/' + ctx.query.id;
  await fetch(ok);`),
      [['await fetch(', 'target', 'fetch', 'ctx.query.url']],
    ),
  ],
});

// Plain JavaScript through espree: the same sinks and sources.
const espreeTester = new RuleTester({ languageOptions: { parser: espree, sourceType: 'module' } });

espreeTester.run('no-ssrf (espree)', rule, {
  valid: [
    koa(`import axios from 'axios';`, `  await axios.get(\`https://api.a.com/items/\${ctx.params.id}\`);`),
  ],
  invalid: [
    invalid(
      koa(`import axios from 'axios';`, `  const { data } = await axios.get(ctx.query.feed);
  ctx.body = data;`),
      [['axios.get(', 'ctx.query.feed', 'axios.get', 'ctx.query.feed']],
    ),
  ],
});
