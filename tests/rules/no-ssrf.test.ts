import * as espree from 'espree';
import { RuleTester } from '@typescript-eslint/rule-tester';

import rule from '../../src/rules/no-ssrf';
import { createRuleTester } from '../rule-tester';

const ruleTester = createRuleTester();

/** A Koa route around `body`: request input without a 400 exit the suggestion knows, so no suggestion. */
const koa = (imports: string, body: string): string => `${imports}
import Router from '@koa/router';
const router = new Router();
router.post('/preview', async (ctx) => {
${body}
});
`;

type Data = Record<string, string>;
const controlled = (line: number, column: number, sink: string, source: string, what = 'URL'): { messageId: 'requestControlledHost'; line: number; column: number; data: Data; suggestions: [] } => ({
  messageId: 'requestControlledHost',
  line,
  column,
  data: { sink, what, source },
  suggestions: [],
});

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
    // ---- every client of the sink table, at its URL slot ----
    {
      code: koa(`import axios from 'axios';
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
      errors: [
        controlled(12, 15, 'fetch', 'ctx.request.body.url'),
        controlled(13, 19, 'axios.get', 'ctx.request.body.url'),
        controlled(14, 20, 'axios.post', 'ctx.request.body.url'),
        controlled(15, 13, 'got', 'ctx.request.body.url'),
        controlled(16, 20, 'got.stream', 'ctx.request.body.url'),
        controlled(17, 24, 'superagent.get', 'ctx.request.body.url'),
        controlled(18, 27, 'superagent', 'ctx.request.body.url'),
        controlled(19, 16, 'ky.get', 'ctx.request.body.url'),
        controlled(20, 16, 'ofetch', 'ctx.request.body.url'),
        controlled(21, 16, '$fetch', 'ctx.request.body.url'),
        controlled(22, 17, 'request', 'ctx.request.body.url'),
        controlled(23, 21, 'undiciFetch', 'ctx.request.body.url'),
        controlled(24, 19, 'nodeFetch', 'ctx.request.body.url'),
      ],
    },
    // Config objects: axios({ url }), got({ url }), http(s) host/hostname options and URL strings.
    {
      code: koa(`import axios from 'axios';
import got from 'got';
import http from 'node:http';
import * as https from 'https';`, `  const { target, host } = ctx.query;
  await axios({ url: target, method: 'get' });
  await axios.request({ url: target });
  await got({ url: target });
  http.get(target, (res) => res.resume());
  https.request({ hostname: host, path: '/status' }).end();
  http.get({ host, port: 80, path: '/' }, (res) => res.resume());`),
      errors: [
        controlled(9, 22, 'axios', 'ctx.query.target', '`url` option'),
        controlled(10, 30, 'axios.request', 'ctx.query.target', '`url` option'),
        controlled(11, 20, 'got', 'ctx.query.target', '`url` option'),
        controlled(12, 12, 'http.get', 'ctx.query.target'),
        controlled(13, 29, 'https.request', 'ctx.query.host', '`hostname` option'),
        controlled(14, 14, 'http.get', 'ctx.query.host', '`host` option'),
      ],
    },
    // Instances: a request-controlled baseURL, an absolute-capable path over a baseURL (CVE-2025-27152), ofetch's baseURL.
    {
      code: koa(`import axios from 'axios';
import { ofetch } from 'ofetch';
const api = axios.create({ baseURL: 'https://api.a.com' });
const client = ofetch.create({ baseURL: 'https://api.a.com' });`, `  await api.get(ctx.query.path);
  await api.get(\`\${ctx.query.path}/details\`);
  await client(ctx.query.path);
  const tenant = axios.create({ baseURL: ctx.query.base });
  await tenant.get('/me');
  await axios.get('/me', { baseURL: ctx.query.base });`),
      errors: [
        controlled(8, 17, 'api.get', 'ctx.query.path', 'URL (an absolute URL replaces `baseURL`, CVE-2025-27152)'),
        controlled(9, 17, 'api.get', 'ctx.query.path', 'URL (an absolute URL replaces `baseURL`, CVE-2025-27152)'),
        controlled(10, 16, 'client', 'ctx.query.path', 'URL (an absolute URL replaces `baseURL`)'),
        controlled(11, 42, 'tenant.get', 'ctx.query.base', '`baseURL` option'),
        controlled(13, 37, 'axios.get', 'ctx.query.base', '`baseURL` option'),
      ],
    },
    // WebSocket (ws, global), JSDOM.fromURL, puppeteer and playwright pages.
    {
      code: koa(`import WebSocket from 'ws';
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
      errors: [
        controlled(9, 32, 'WebSocket', 'ctx.query.url'),
        controlled(10, 43, 'globalThis.WebSocket', 'ctx.query.url'),
        controlled(11, 35, 'JSDOM.fromURL', 'ctx.query.url'),
        controlled(14, 19, 'page.goto', 'ctx.query.url'),
        controlled(16, 17, 'pw.goto', 'ctx.query.host', 'host'),
      ],
    },
    // The authority from input: template and concatenation before the end of the authority, scheme, port, `new URL(input, BASE)`.
    {
      code: koa(``, `  const { host, proto, port, sub, path } = ctx.query;
  await fetch(\`https://\${host}/api\`);
  await fetch('http://' + host + '/api');
  await fetch(\`\${proto}://api.a.com/x\`);
  await fetch(\`https://api.a.com:\${port}/x\`);
  await fetch(\`https://\${sub}.a.com/x\`);
  await fetch('https://api.a.com' + path);
  await fetch(new URL(path, 'https://api.a.com'));
  await fetch(new URL(ctx.query.url));
  await fetch(String(new URL(ctx.query.url)).toString());`),
      errors: [
        controlled(6, 15, 'fetch', 'ctx.query.host', 'host'),
        controlled(7, 15, 'fetch', 'ctx.query.host', 'host'),
        controlled(8, 15, 'fetch', 'ctx.query.proto'),
        controlled(9, 15, 'fetch', 'ctx.query.port', 'host'),
        controlled(10, 15, 'fetch', 'ctx.query.sub', 'host'),
        controlled(11, 15, 'fetch', 'ctx.query.path', 'host'),
        controlled(12, 15, 'fetch', 'ctx.query.path', 'URL (an absolute URL replaces the base URL)'),
        controlled(13, 15, 'fetch', 'ctx.query.url'),
        controlled(14, 15, 'fetch', 'ctx.query.url'),
      ],
    },
    // Import styles: CommonJS (direct, destructured, `.default`), namespace, aliased named, `node:` prefix.
    {
      code: `const Router = require('@koa/router');
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
      filename: 'file.js',
      errors: [
        controlled(8, 20, 'axios.post', 'ctx.request.body.url'),
        controlled(9, 18, 'axiosGet', 'ctx.request.body.url'),
        controlled(10, 23, 'fetchPolyfill', 'ctx.request.body.url'),
        controlled(11, 13, 'https.get', 'ctx.request.body.url'),
      ],
    },
    {
      code: koa(`import * as undici from 'undici';
import { default as ax } from 'axios';
import got = require('got');`, `  await undici.request(ctx.query.url as string);
  await ax.head(ctx.query.url!);
  await got.get(ctx.query.url);`),
      errors: [
        controlled(7, 24, 'undici.request', 'ctx.query.url'),
        controlled(8, 17, 'ax.head', 'ctx.query.url'),
        controlled(9, 17, 'got.get', 'ctx.query.url'),
      ],
    },
    // Clients of the settings (http.clients), by name and as `module#export`.
    {
      code: koa(`import { request as acme } from '@acme/http';`, `  await apiFetch(ctx.query.url);
  await this.http.apiFetch(ctx.query.url);
  await acme(ctx.query.url);`),
      settings: { 'agent-guard': { http: { clients: ['apiFetch', '@acme/http#request'] } } },
      errors: [
        controlled(5, 18, 'apiFetch', 'ctx.query.url'),
        controlled(6, 28, 'this.http.apiFetch', 'ctx.query.url'),
        controlled(7, 14, 'acme', 'ctx.query.url'),
      ],
    },
    // Helpers of the same file: the request in a helper called with input, a URL built by a helper.
    {
      code: `import Router from '@koa/router';
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
      errors: [
        controlled(4, 32, 'fetch', 'ctx.query.url'),
        controlled(11, 15, 'fetch', 'ctx.query.h', 'host'),
      ],
    },
    // A URL built in steps: `let` with appends keeps the authority of its start.
    {
      code: koa(``, `  let target = ctx.query.url;
  target += '?format=json';
  await fetch(target);
  let ok = 'https://api.a.com/v1';
  ok += '/users/' + ctx.query.id;
  await fetch(ok);`),
      errors: [controlled(7, 15, 'fetch', 'ctx.query.url')],
    },
  ],
});

// Plain JavaScript through espree: the same sinks and sources.
const espreeTester = new RuleTester({ languageOptions: { parser: espree, sourceType: 'module' } });

espreeTester.run('no-ssrf (espree)', rule, {
  valid: [
    koa(`import axios from 'axios';`, `  await axios.get(\`https://api.a.com/items/\${ctx.params.id}\`);`),
  ],
  invalid: [
    {
      code: koa(`import axios from 'axios';`, `  const { data } = await axios.get(ctx.query.feed);
  ctx.body = data;`),
      errors: [controlled(5, 36, 'axios.get', 'ctx.query.feed')],
    },
  ],
});
