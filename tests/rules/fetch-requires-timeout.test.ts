import { readFileSync } from 'node:fs';

import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import * as espree from 'espree';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { describe, expect, it } from 'vitest';

import rule from '../../src/rules/fetch-requires-timeout';
import { createRuleTester } from '../rule-tester';

const ruleTester = createRuleTester();

const FETCH_REMEDY = 'pass signal: AbortSignal.timeout(ms)';
const AXIOS_REMEDY = 'set timeout: ms';
const GOT_REMEDY = 'set timeout: { request: ms }';
const SUPERAGENT_REMEDY = 'chain .timeout(ms)';
const COMBINE_REMEDY = 'combine it with AbortSignal.any([signal, AbortSignal.timeout(ms)])';

ruleTester.run('fetch-requires-timeout', rule, {
  valid: [
    // --- fetch family with a timeout-carrying signal ---
    'await fetch(url, { signal: AbortSignal.timeout(5000) });',
    'const signal = AbortSignal.timeout(5000);\nawait fetch(url, { signal });',
    'await fetch(url, { method: "POST", signal: AbortSignal.any([request.signal, AbortSignal.timeout(5000)]) });',
    'await fetch(url, { signal: globalThis.AbortSignal.timeout(5000) });',
    'await fetch(url, { signal: AbortSignal.timeout(5000) } as RequestInit);',
    'const init = { method: "POST", signal: AbortSignal.timeout(5000) };\nawait fetch(url, init);',
    'const s = AbortSignal.timeout(1000);\nconst init: RequestInit = { signal: s };\nawait fetch(url, init);',
    'const base = { signal: AbortSignal.timeout(1000) };\nawait fetch(url, { ...base, method: "GET" });',
    'await globalThis.fetch(url, { signal: AbortSignal.timeout(5000) });',
    'await window.fetch(url, { signal: AbortSignal.timeout(5000) });',
    'await fetch?.(url, { signal: AbortSignal.timeout(5000) });',
    // --- controller aborted from a timer ---
    `const controller = new AbortController();
const timer = setTimeout(() => controller.abort(), 5000);
await fetch(url, { signal: controller.signal });`,
    `const controller = new AbortController();
setTimeout(function () { controller.abort('timeout'); }, 5000);
await fetch(url, { signal: controller.signal });`,
    `const controller = new AbortController();
setTimeout(controller.abort.bind(controller), 5000);
await fetch(url, { signal: controller.signal });`,
    `import { setTimeout } from 'node:timers';
const controller = new AbortController();
setTimeout(() => controller.abort(), 5000);
await fetch(url, { signal: controller.signal });`,
    `const controller = new AbortController();
setTimeout(() => controller.abort(), 5000);
await fetch(url, { signal: AbortSignal.any([controller.signal, other.signal]) });`,
    `const controller = new AbortController();
function onTimeout() { controller.abort(); }
setTimeout(onTimeout, 5000);
await fetch(url, { signal: controller.signal });`,
    `const controller = new AbortController();
const cancel = () => controller.abort();
setTimeout(cancel, 5000);
await fetch(url, { signal: controller.signal });`,
    // the controller is handed to code we cannot see
    `const controller = new AbortController();
scheduleAbort(controller, 5000);
await fetch(url, { signal: controller.signal });`,
    // --- signals and init objects from elsewhere: cannot judge ---
    'async function get(url: string, signal: AbortSignal) { return fetch(url, { signal }); }',
    'await fetch(url, { signal: options.signal });',
    'await fetch(url, { signal: ctx.req.signal });',
    'async function get(url: string, init: RequestInit) { return fetch(url, init); }',
    'await fetch(url, { ...init });',
    'await fetch(url, { method: "GET", ...init });',
    'await fetch(url, makeInit());',
    'await fetch(url, { [key]: value });',
    'let init = {};\ninit = withTimeout(init);\nawait fetch(url, init);',
    'const init: RequestInit = {};\ninit.signal = AbortSignal.timeout(1000);\nawait fetch(url, init);',
    'const init = {};\nObject.assign(init, defaults);\nawait fetch(url, init);',
    'await fetch(url, { get signal() { return AbortSignal.timeout(1000); } });',
    // --- Request objects ---
    'await fetch(new Request(url, { signal: AbortSignal.timeout(5000) }));',
    'async function handle(request: Request) { return fetch(request); }',
    'export function proxy(req) { return fetch(req); }',
    'await fetch(incomingRequest);',
    'await fetch(new MyRequest(url));',
    // --- not the global fetch ---
    'function fetch(url) { return url; }\nfetch(url);',
    'async function load(fetch) { return fetch(url); }',
    'await client.fetch(url);',
    'await this.fetch(url);',
    'import { fetch } from "./my-fetch";\nawait fetch(url);',
    'const axios = { get() {} };\naxios.get(url);',
    'import fetch from "make-fetch-happen";\nawait fetch(url);',
    // --- odd code must not crash ---
    'await fetch(url, init!);',
    'await fetch(url, { signal: AbortSignal.timeout(5000) } satisfies RequestInit);',
    'await fetch(url, undefined);',
    'fetch(...args);',
    'fetch(url, ...rest);',
    'fetch();',
    'fetch[method](url);',
    'new fetch(url);',
    'const f = fetch;',
    // --- node-fetch / undici / cross-fetch / isomorphic-fetch with a signal ---
    'import fetch from "node-fetch";\nawait fetch(url, { signal: AbortSignal.timeout(5000) });',
    'import { fetch } from "undici";\nawait fetch(url, { signal: AbortSignal.timeout(5000) });',
    'import { request } from "undici";\nawait request(url, { headersTimeout: 5000, bodyTimeout: 5000 });',
    'import { request } from "undici";\nawait request(url, { signal: AbortSignal.timeout(5000) });',
    'import fetch from "cross-fetch";\nawait fetch(url, { signal: AbortSignal.timeout(5000) });',
    'import "isomorphic-fetch";\nawait fetch(url, { signal: AbortSignal.timeout(5000) });',
    // --- axios ---
    'import axios from "axios";\nawait axios.get(url, { timeout: 5000 });',
    'import axios from "axios";\nawait axios.post(url, data, { timeout: 5000 });',
    'import axios from "axios";\nawait axios({ url, method: "get", timeout: 5000 });',
    'import axios from "axios";\nawait axios(url, { timeout: 5000 });',
    'import axios from "axios";\nawait axios.get(url, { signal: AbortSignal.timeout(5000) });',
    'import axios from "axios";\nawait axios.get(url, { timeout: config.httpTimeoutMs });',
    'import axios from "axios";\nasync function send(config) { return axios(config); }',
    'import axios from "axios";\nasync function send(config) { return axios.request(config); }',
    'import axios from "axios";\nasync function send(config) { return axios.get(url, config); }',
    'import axios from "axios";\nconst api = axios.create({ baseURL, timeout: 5000 });\nawait api.get("/users");\nawait api.post("/users", body);',
    'import axios from "axios";\naxios.defaults.timeout = 5000;\nawait axios.get(url);\nawait axios.post(url, body);',
    'import axios from "axios";\naxios.defaults.timeout = 5000;\nconst api = axios.create({ baseURL });\nawait api.get("/users");',
    'import axios from "axios";\nconst api = axios.create({ baseURL });\napi.defaults.timeout = 5000;\nawait api.get("/users");',
    'import axios from "axios";\nconst api = axios.create(sharedConfig);\nawait api.get("/users");',
    'import axios from "axios";\nexport const api = axios.create({ ...sharedConfig });',
    'import axios from "axios";\nawait axios["get"](url, { timeout: 1000 });',
    'import axios from "axios";\nawait axios.get(...args);',
    'import axios from "axios";\nawait axios();',
    'import axios from "axios";\nconst isCancel = axios.isCancel(error);',
    'import axios from "axios";\nawait axios.get?.(url, { timeout: 1000 });',
    'import axios from "axios";\nconst api = axios.create({ timeout: 5000 });\nawait api.get(url, { signal: new AbortController().signal });',
    // --- got ---
    'import got from "got";\nawait got(url, { timeout: { request: 5000 } });',
    'import got from "got";\nawait got({ url, timeout: { request: 5000 } });',
    'import got from "got";\nawait got.post(url, { json, timeout: { request: 5000 } }).json();',
    'import got from "got";\nconst client = got.extend({ prefixUrl, timeout: { request: 5000 } });\nawait client.get("users");',
    'import got from "got";\nasync function load(options) { return got(options); }',
    'import got from "got";\nawait got.paginate.all(url, { timeout: { request: 5000 } });',
    // --- ky: 10 s default ---
    'import ky from "ky";\nawait ky.get(url).json();',
    'import ky from "ky";\nawait ky(url, { method: "post" });',
    'import ky from "ky";\nawait ky.post(url, { json, timeout: 30000 });',
    'import ky from "ky";\nconst api = ky.create({ prefixUrl });\nawait api.get("users");',
    'import ky from "ky";\nawait ky.get(url, { timeout: false, signal: AbortSignal.timeout(5000) });',
    'import ky from "ky";\nconst api = ky.extend({ hooks });\nawait api.get("users", { signal: controller.signal });',
    // --- ofetch ---
    'import { ofetch } from "ofetch";\nawait ofetch(url, { timeout: 5000 });',
    'import { $fetch } from "ofetch";\nawait $fetch(url, { signal: AbortSignal.timeout(5000) });',
    'import { ofetch } from "ofetch";\nconst api = ofetch.create({ baseURL, timeout: 5000 });\nawait api("/users");',
    // Nuxt's global $fetch is not the one imported from ofetch
    'await $fetch("/api/users");',
    // --- npm download (got underneath) ---
    'import download from "download";\nawait download(url, "dist", { timeout: 5000 });',
    'const download = require("download");\nawait download(url, { timeout: { request: 5000 } });',
    // a function of the file that happens to be called download
    'const download = (url) => fetch(url, { signal: AbortSignal.timeout(5000) });\nawait download(url);',
    // --- superagent ---
    'import superagent from "superagent";\nawait superagent.get(url).timeout(5000);',
    'import superagent from "superagent";\nawait superagent.get(url).set("Accept", "json").timeout({ response: 5000, deadline: 30000 });',
    'import superagent from "superagent";\nconst req = superagent.get(url);\nreq.timeout(5000);\nawait req;',
    'import superagent from "superagent";\nawait withRetry(superagent.get(url));',
    'import superagent from "superagent";\nconst req = superagent.post(url).send(body);\nawait withDeadline(req);',
    // --- node:http / node:https ---
    'import http from "node:http";\nhttp.get(url, { timeout: 5000 }, onResponse);',
    'import https from "https";\nconst req = https.request({ hostname, path, signal: AbortSignal.timeout(5000) }, (res) => res.resume());',
    'import http from "node:http";\nhttp.get(url, (res) => res.resume()).setTimeout(5000);',
    'import http from "node:http";\nconst req = http.request(url, (res) => res.resume());\nreq.setTimeout(5000, () => req.destroy());\nreq.end();',
    'import http from "node:http";\nfunction call(options) { return http.request(options, (res) => res.resume()); }',
    'import https from "node:https";\nconst options = { hostname, timeout: 5000 };\nhttps.get(options, (res) => res.resume());',
    'import http from "node:http";\nconst req = http.request(url);\nregister(req);',
    // --- options ---
    {
      code: 'await apiFetch(url, { signal: AbortSignal.timeout(5000) });',
      options: [{ wrappers: ['apiFetch'] }],
    },
    {
      code: 'await apiFetch(url);',
    },
    {
      code: '"use client";\nawait fetch("/api/user");',
      options: [{ ignoreBrowserCode: true }],
    },
    {
      code: "'use client';\nimport axios from 'axios';\nexport const load = () => axios.get('/api/user');",
      options: [{ ignoreBrowserCode: true }],
    },
    // --- plain JS ---
    {
      code: 'const fetch = require("node-fetch");\nmodule.exports = (url) => fetch(url, { signal: AbortSignal.timeout(5000) });',
      filename: 'file.js',
    },
  ],
  invalid: [
    // --- global fetch ---
    {
      code: 'await fetch(url);',
      errors: [
        {
          messageId: 'missingTimeout',
          data: { callee: 'fetch', remedy: FETCH_REMEDY },
          line: 1,
          column: 7,
          endLine: 1,
          endColumn: 17,
          suggestions: [{ messageId: 'addSignal', output: 'await fetch(url, { signal: AbortSignal.timeout(10000) });' }],
        },
      ],
    },
    {
      code: 'await fetch(url, { method: "POST", body });',
      errors: [
        {
          messageId: 'missingTimeout',
          data: { callee: 'fetch', remedy: FETCH_REMEDY },
          line: 1,
          column: 7,
          endLine: 1,
          endColumn: 43,
          suggestions: [
            { messageId: 'addSignal', output: 'await fetch(url, { method: "POST", body, signal: AbortSignal.timeout(10000) });' },
          ],
        },
      ],
    },
    {
      code: `const res = await fetch(url, {
  method: 'POST',
  body: JSON.stringify(payload),
});`,
      errors: [
        {
          messageId: 'missingTimeout',
          data: { callee: 'fetch', remedy: FETCH_REMEDY },
          line: 1,
          column: 19,
          endLine: 4,
          endColumn: 3,
          suggestions: [
            {
              messageId: 'addSignal',
              output: `const res = await fetch(url, {
  method: 'POST',
  body: JSON.stringify(payload),
  signal: AbortSignal.timeout(10000),
});`,
            },
          ],
        },
      ],
    },
    {
      code: `await fetch(url, {
  method: 'GET'
});`,
      errors: [
        {
          messageId: 'missingTimeout',
          line: 1,
          column: 7,
          endLine: 3,
          endColumn: 3,
          suggestions: [
            {
              messageId: 'addSignal',
              output: `await fetch(url, {
  method: 'GET',
  signal: AbortSignal.timeout(10000)
});`,
            },
          ],
        },
      ],
    },
    {
      code: 'await fetch(url, {});',
      errors: [
        {
          messageId: 'missingTimeout',
          line: 1,
          column: 7,
          endLine: 1,
          endColumn: 21,
          suggestions: [{ messageId: 'addSignal', output: 'await fetch(url, { signal: AbortSignal.timeout(10000) });' }],
        },
      ],
    },
    {
      code: 'await fetch(url,);',
      errors: [
        {
          messageId: 'missingTimeout',
          line: 1,
          column: 7,
          endLine: 1,
          endColumn: 18,
          suggestions: [{ messageId: 'addSignal', output: 'await fetch(url, { signal: AbortSignal.timeout(10000) });' }],
        },
      ],
    },
    {
      code: 'const init: RequestInit = { headers };\nawait fetch(url, init);',
      errors: [
        {
          messageId: 'missingTimeout',
          line: 2,
          column: 7,
          endLine: 2,
          endColumn: 23,
          suggestions: [
            {
              messageId: 'addSignal',
              output: 'const init: RequestInit = { headers, signal: AbortSignal.timeout(10000) };\nawait fetch(url, init);',
            },
          ],
        },
      ],
    },
    {
      code: 'const base = { headers };\nawait fetch(url, { ...base, method: "PUT" });',
      errors: [
        {
          messageId: 'missingTimeout',
          line: 2,
          column: 7,
          endLine: 2,
          endColumn: 45,
          suggestions: [
            {
              messageId: 'addSignal',
              output: 'const base = { headers };\nawait fetch(url, { ...base, method: "PUT", signal: AbortSignal.timeout(10000) });',
            },
          ],
        },
      ],
    },
    {
      code: 'await globalThis.fetch(`${base}/users`);',
      errors: [
        {
          messageId: 'missingTimeout',
          data: { callee: 'globalThis.fetch', remedy: FETCH_REMEDY },
          line: 1,
          column: 7,
          endLine: 1,
          endColumn: 40,
          suggestions: [
            { messageId: 'addSignal', output: 'await globalThis.fetch(`${base}/users`, { signal: AbortSignal.timeout(10000) });' },
          ],
        },
      ],
    },
    {
      code: 'window.fetch(url).then((r) => r.json());',
      options: [{ ignoreBrowserCode: false }],
      errors: [
        {
          messageId: 'missingTimeout',
          data: { callee: 'window.fetch', remedy: FETCH_REMEDY },
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 18,
          suggestions: [
            { messageId: 'addSignal', output: 'window.fetch(url, { signal: AbortSignal.timeout(10000) }).then((r) => r.json());' },
          ],
        },
      ],
    },
    {
      code: 'self.fetch(url);',
      errors: [
        {
          messageId: 'missingTimeout',
          data: { callee: 'self.fetch', remedy: FETCH_REMEDY },
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 16,
          suggestions: [{ messageId: 'addSignal', output: 'self.fetch(url, { signal: AbortSignal.timeout(10000) });' }],
        },
      ],
    },
    {
      code: 'await fetch?.(url);',
      errors: [
        {
          messageId: 'missingTimeout',
          line: 1,
          column: 7,
          endLine: 1,
          endColumn: 19,
          suggestions: [{ messageId: 'addSignal', output: 'await fetch?.(url, { signal: AbortSignal.timeout(10000) });' }],
        },
      ],
    },
    {
      code: 'await fetch((url));',
      errors: [
        {
          messageId: 'missingTimeout',
          line: 1,
          column: 7,
          endLine: 1,
          endColumn: 19,
          suggestions: [{ messageId: 'addSignal', output: 'await fetch((url), { signal: AbortSignal.timeout(10000) });' }],
        },
      ],
    },
    {
      code: 'function load(fetchImpl) { return fetchImpl(url); }\nawait fetch(url);',
      errors: [
        {
          messageId: 'missingTimeout',
          line: 2,
          column: 7,
          endLine: 2,
          endColumn: 17,
          suggestions: [
            {
              messageId: 'addSignal',
              output: 'function load(fetchImpl) { return fetchImpl(url); }\nawait fetch(url, { signal: AbortSignal.timeout(10000) });',
            },
          ],
        },
      ],
    },
    // --- signals that no timer fires ---
    {
      code: `const controller = new AbortController();
await fetch(url, { signal: controller.signal });`,
      errors: [
        {
          messageId: 'signalWithoutTimeout',
          data: { callee: 'fetch', remedy: COMBINE_REMEDY },
          line: 2,
          column: 7,
          endLine: 2,
          endColumn: 48,
          suggestions: [
            {
              messageId: 'combineSignal',
              output: `const controller = new AbortController();
await fetch(url, { signal: AbortSignal.any([controller.signal, AbortSignal.timeout(10000)]) });`,
            },
          ],
        },
      ],
    },
    {
      code: `const controller = new AbortController();
req.on('close', () => controller.abort());
const signal = controller.signal;
await fetch(url, { signal });`,
      errors: [
        {
          messageId: 'signalWithoutTimeout',
          line: 4,
          column: 7,
          endLine: 4,
          endColumn: 29,
          suggestions: [
            {
              messageId: 'combineSignal',
              output: `const controller = new AbortController();
req.on('close', () => controller.abort());
const signal = controller.signal;
await fetch(url, { signal: AbortSignal.any([signal, AbortSignal.timeout(10000)]) });`,
            },
          ],
        },
      ],
    },
    {
      code: `const controller = new AbortController();
await fetch(url, { signal: AbortSignal.any([controller.signal]) });`,
      errors: [
        {
          messageId: 'signalWithoutTimeout',
          line: 2,
          column: 7,
          endLine: 2,
          endColumn: 67,
          suggestions: [
            {
              messageId: 'combineSignal',
              output: `const controller = new AbortController();
await fetch(url, { signal: AbortSignal.any([AbortSignal.any([controller.signal]), AbortSignal.timeout(10000)]) });`,
            },
          ],
        },
      ],
    },
    {
      code: 'await fetch(url, { signal: undefined });',
      errors: [
        {
          messageId: 'signalWithoutTimeout',
          data: { callee: 'fetch', remedy: FETCH_REMEDY },
          line: 1,
          column: 7,
          endLine: 1,
          endColumn: 40,
          suggestions: [{ messageId: 'addSignal', output: 'await fetch(url, { signal: AbortSignal.timeout(10000) });' }],
        },
      ],
    },
    {
      code: 'await fetch(url, { method: "GET", signal: null });',
      errors: [
        {
          messageId: 'signalWithoutTimeout',
          line: 1,
          column: 7,
          endLine: 1,
          endColumn: 50,
          suggestions: [
            { messageId: 'addSignal', output: 'await fetch(url, { method: "GET", signal: AbortSignal.timeout(10000) });' },
          ],
        },
      ],
    },
    // --- Request objects ---
    {
      code: 'await fetch(new Request(url, { method: "POST" }));',
      errors: [
        {
          messageId: 'missingTimeout',
          line: 1,
          column: 7,
          endLine: 1,
          endColumn: 50,
          suggestions: [
            { messageId: 'addSignal', output: 'await fetch(new Request(url, { method: "POST", signal: AbortSignal.timeout(10000) }));' },
          ],
        },
      ],
    },
    {
      code: 'const request = new Request(url);\nawait fetch(request);',
      errors: [
        {
          messageId: 'missingTimeout',
          line: 2,
          column: 7,
          endLine: 2,
          endColumn: 21,
          suggestions: [
            {
              messageId: 'addSignal',
              output: 'const request = new Request(url, { signal: AbortSignal.timeout(10000) });\nawait fetch(request);',
            },
          ],
        },
      ],
    },
    // --- node-fetch / undici / cross-fetch / isomorphic-fetch, every import style ---
    {
      code: 'import fetch from "node-fetch";\nawait fetch(url);',
      errors: [
        {
          messageId: 'missingTimeout',
          data: { callee: 'fetch', remedy: FETCH_REMEDY },
          line: 2,
          column: 7,
          endLine: 2,
          endColumn: 17,
          suggestions: [
            { messageId: 'addSignal', output: 'import fetch from "node-fetch";\nawait fetch(url, { signal: AbortSignal.timeout(10000) });' },
          ],
        },
      ],
    },
    {
      code: 'import * as nodeFetch from "node-fetch";\nawait nodeFetch.default(url);',
      errors: [
        {
          messageId: 'missingTimeout',
          data: { callee: 'nodeFetch.default', remedy: FETCH_REMEDY },
          line: 2,
          column: 7,
          endLine: 2,
          endColumn: 29,
          suggestions: [
            {
              messageId: 'addSignal',
              output: 'import * as nodeFetch from "node-fetch";\nawait nodeFetch.default(url, { signal: AbortSignal.timeout(10000) });',
            },
          ],
        },
      ],
    },
    {
      code: 'const fetch = require("node-fetch");\nfetch(url);',
      filename: 'file.js',
      errors: [
        {
          messageId: 'missingTimeout',
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 11,
          suggestions: [
            { messageId: 'addSignal', output: 'const fetch = require("node-fetch");\nfetch(url, { signal: AbortSignal.timeout(10000) });' },
          ],
        },
      ],
    },
    {
      code: 'const nodeFetch = require("node-fetch").default;\nnodeFetch(url);',
      filename: 'file.js',
      errors: [
        {
          messageId: 'missingTimeout',
          data: { callee: 'nodeFetch', remedy: FETCH_REMEDY },
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 15,
          suggestions: [
            {
              messageId: 'addSignal',
              output: 'const nodeFetch = require("node-fetch").default;\nnodeFetch(url, { signal: AbortSignal.timeout(10000) });',
            },
          ],
        },
      ],
    },
    {
      code: 'import { fetch as undiciFetch } from "undici";\nawait undiciFetch(url, { method: "GET" });',
      errors: [
        {
          messageId: 'missingTimeout',
          data: { callee: 'undiciFetch', remedy: FETCH_REMEDY },
          line: 2,
          column: 7,
          endLine: 2,
          endColumn: 42,
          suggestions: [
            {
              messageId: 'addSignal',
              output:
                'import { fetch as undiciFetch } from "undici";\nawait undiciFetch(url, { method: "GET", signal: AbortSignal.timeout(10000) });',
            },
          ],
        },
      ],
    },
    {
      code: 'import * as undici from "undici";\nconst { body } = await undici.request(url);',
      errors: [
        {
          messageId: 'missingTimeout',
          data: { callee: 'undici.request', remedy: FETCH_REMEDY },
          line: 2,
          column: 24,
          endLine: 2,
          endColumn: 43,
          suggestions: [
            {
              messageId: 'addSignal',
              output: 'import * as undici from "undici";\nconst { body } = await undici.request(url, { signal: AbortSignal.timeout(10000) });',
            },
          ],
        },
      ],
    },
    {
      code: 'const { request } = require("undici");\nawait request(url, { method: "POST", headersTimeout: 0 });',
      filename: 'file.js',
      errors: [
        {
          messageId: 'disabledTimeout',
          data: { callee: 'request', option: 'headersTimeout', value: '0' },
          line: 2,
          column: 7,
          endLine: 2,
          endColumn: 58,
          suggestions: [
            {
              messageId: 'replaceTimeout',
              output: 'const { request } = require("undici");\nawait request(url, { method: "POST", headersTimeout: 10000 });',
            },
          ],
        },
      ],
    },
    {
      code: 'import fetch from "cross-fetch";\nawait fetch(url);',
      errors: [
        {
          messageId: 'missingTimeout',
          line: 2,
          column: 7,
          endLine: 2,
          endColumn: 17,
          suggestions: [
            { messageId: 'addSignal', output: 'import fetch from "cross-fetch";\nawait fetch(url, { signal: AbortSignal.timeout(10000) });' },
          ],
        },
      ],
    },
    {
      code: 'const { fetch: crossFetch } = require("cross-fetch");\ncrossFetch(url);',
      filename: 'file.js',
      errors: [
        {
          messageId: 'missingTimeout',
          data: { callee: 'crossFetch', remedy: FETCH_REMEDY },
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 16,
          suggestions: [
            {
              messageId: 'addSignal',
              output: 'const { fetch: crossFetch } = require("cross-fetch");\ncrossFetch(url, { signal: AbortSignal.timeout(10000) });',
            },
          ],
        },
      ],
    },
    {
      code: 'import isoFetch from "isomorphic-fetch";\nawait isoFetch(url);',
      errors: [
        {
          messageId: 'missingTimeout',
          line: 2,
          column: 7,
          endLine: 2,
          endColumn: 20,
          suggestions: [
            {
              messageId: 'addSignal',
              output: 'import isoFetch from "isomorphic-fetch";\nawait isoFetch(url, { signal: AbortSignal.timeout(10000) });',
            },
          ],
        },
      ],
    },
    // --- axios ---
    {
      code: 'import axios from "axios";\nconst { data } = await axios.get(url);',
      errors: [
        {
          messageId: 'missingTimeout',
          data: { callee: 'axios.get', remedy: AXIOS_REMEDY },
          line: 2,
          column: 24,
          endLine: 2,
          endColumn: 38,
          suggestions: [
            {
              messageId: 'addTimeoutOption',
              output: 'import axios from "axios";\nconst { data } = await axios.get(url, { timeout: 10000 });',
            },
          ],
        },
      ],
    },
    {
      code: 'import axios from "axios";\nawait axios.post(url);',
      errors: [
        {
          messageId: 'missingTimeout',
          data: { callee: 'axios.post', remedy: AXIOS_REMEDY },
          line: 2,
          column: 7,
          endLine: 2,
          endColumn: 22,
          suggestions: [
            {
              messageId: 'addTimeoutOption',
              output: 'import axios from "axios";\nawait axios.post(url, undefined, { timeout: 10000 });',
            },
          ],
        },
      ],
    },
    {
      code: 'import axios from "axios";\nawait axios.put(url, body);',
      errors: [
        {
          messageId: 'missingTimeout',
          line: 2,
          column: 7,
          endLine: 2,
          endColumn: 27,
          suggestions: [
            { messageId: 'addTimeoutOption', output: 'import axios from "axios";\nawait axios.put(url, body, { timeout: 10000 });' },
          ],
        },
      ],
    },
    {
      code: 'import axios from "axios";\nawait axios.patch(url, body, { headers });',
      errors: [
        {
          messageId: 'missingTimeout',
          line: 2,
          column: 7,
          endLine: 2,
          endColumn: 42,
          suggestions: [
            { messageId: 'addTimeoutOption', output: 'import axios from "axios";\nawait axios.patch(url, body, { headers, timeout: 10000 });' },
          ],
        },
      ],
    },
    {
      code: 'import axios from "axios";\nawait axios({ method: "post", url, data });',
      errors: [
        {
          messageId: 'missingTimeout',
          data: { callee: 'axios', remedy: AXIOS_REMEDY },
          line: 2,
          column: 7,
          endLine: 2,
          endColumn: 43,
          suggestions: [
            {
              messageId: 'addTimeoutOption',
              output: 'import axios from "axios";\nawait axios({ method: "post", url, data, timeout: 10000 });',
            },
          ],
        },
      ],
    },
    {
      code: 'import axios from "axios";\nawait axios(apiUrl);',
      errors: [
        {
          messageId: 'missingTimeout',
          line: 2,
          column: 7,
          endLine: 2,
          endColumn: 20,
          suggestions: [{ messageId: 'addTimeoutOption', output: 'import axios from "axios";\nawait axios(apiUrl, { timeout: 10000 });' }],
        },
      ],
    },
    {
      code: 'import axios from "axios";\nawait axios.request({ url });',
      errors: [
        {
          messageId: 'missingTimeout',
          line: 2,
          column: 7,
          endLine: 2,
          endColumn: 29,
          suggestions: [
            { messageId: 'addTimeoutOption', output: 'import axios from "axios";\nawait axios.request({ url, timeout: 10000 });' },
          ],
        },
      ],
    },
    // the callee in the message is one readable line
    {
      code: 'import axios from "axios";\nawait (axios as any).get(url);',
      errors: [
        {
          messageId: 'missingTimeout',
          data: { callee: '(axios as any).get', remedy: AXIOS_REMEDY },
          line: 2,
          column: 7,
          endLine: 2,
          endColumn: 30,
          suggestions: [
            { messageId: 'addTimeoutOption', output: 'import axios from "axios";\nawait (axios as any).get(url, { timeout: 10000 });' },
          ],
        },
      ],
    },
    {
      code: 'import axios from "axios";\nawait axios\n  .get(url);',
      errors: [
        {
          messageId: 'missingTimeout',
          data: { callee: 'axios.get', remedy: AXIOS_REMEDY },
          line: 2,
          column: 7,
          endLine: 3,
          endColumn: 12,
          suggestions: [
            { messageId: 'addTimeoutOption', output: 'import axios from "axios";\nawait axios\n  .get(url, { timeout: 10000 });' },
          ],
        },
      ],
    },
    {
      code: 'import axios from "axios";\nawait axios.get(url, { timeout: 0 });',
      errors: [
        {
          messageId: 'disabledTimeout',
          data: { callee: 'axios.get', option: 'timeout', value: '0' },
          line: 2,
          column: 7,
          endLine: 2,
          endColumn: 37,
          suggestions: [
            { messageId: 'replaceTimeout', output: 'import axios from "axios";\nawait axios.get(url, { timeout: 10000 });' },
          ],
        },
      ],
    },
    {
      code: 'import axios from "axios";\nconst timeout = 0;\nawait axios.get(url, { timeout });',
      errors: [
        {
          messageId: 'disabledTimeout',
          data: { callee: 'axios.get', option: 'timeout', value: 'timeout' },
          line: 3,
          column: 7,
          endLine: 3,
          endColumn: 34,
          suggestions: [
            {
              messageId: 'replaceTimeout',
              output: 'import axios from "axios";\nconst timeout = 0;\nawait axios.get(url, { timeout: 10000 });',
            },
          ],
        },
      ],
    },
    {
      code: 'import axios from "axios";\nconst controller = new AbortController();\nawait axios.get(url, { signal: controller.signal });',
      errors: [
        {
          messageId: 'signalWithoutTimeout',
          data: { callee: 'axios.get', remedy: AXIOS_REMEDY },
          line: 3,
          column: 7,
          endLine: 3,
          endColumn: 52,
          suggestions: [
            {
              messageId: 'addTimeoutOption',
              output:
                'import axios from "axios";\nconst controller = new AbortController();\nawait axios.get(url, { signal: controller.signal, timeout: 10000 });',
            },
          ],
        },
      ],
    },
    {
      code: 'import axios from "axios";\naxios.defaults.timeout = 0;\nawait axios.get(url);',
      errors: [
        {
          messageId: 'missingTimeout',
          line: 3,
          column: 7,
          endLine: 3,
          endColumn: 21,
          suggestions: [
            {
              messageId: 'addTimeoutOption',
              output: 'import axios from "axios";\naxios.defaults.timeout = 0;\nawait axios.get(url, { timeout: 10000 });',
            },
          ],
        },
      ],
    },
    {
      code: `import axios from 'axios';
const api = axios.create({ baseURL: 'https://api.example.com' });
export const getUser = (id: string) => api.get(\`/users/\${id}\`);
export const ping = () => api.head('/ping', { timeout: 1000 });`,
      errors: [
        {
          messageId: 'missingTimeout',
          data: { callee: 'axios.create', remedy: AXIOS_REMEDY },
          line: 2,
          column: 13,
          endLine: 2,
          endColumn: 65,
          suggestions: [
            {
              messageId: 'addTimeoutOption',
              output: `import axios from 'axios';
const api = axios.create({ baseURL: 'https://api.example.com', timeout: 10000 });
export const getUser = (id: string) => api.get(\`/users/\${id}\`);
export const ping = () => api.head('/ping', { timeout: 1000 });`,
            },
          ],
        },
        {
          messageId: 'instanceWithoutTimeout',
          data: { callee: 'api.get', remedy: AXIOS_REMEDY, line: 2 },
          line: 3,
          column: 40,
          endLine: 3,
          endColumn: 63,
          suggestions: [
            {
              messageId: 'addTimeoutOption',
              output: `import axios from 'axios';
const api = axios.create({ baseURL: 'https://api.example.com' });
export const getUser = (id: string) => api.get(\`/users/\${id}\`, { timeout: 10000 });
export const ping = () => api.head('/ping', { timeout: 1000 });`,
            },
          ],
        },
      ],
    },
    {
      code: 'const axios = require("axios");\nconst api = axios.create();\napi.post("/x", body);',
      filename: 'file.js',
      errors: [
        {
          messageId: 'missingTimeout',
          line: 2,
          column: 13,
          endLine: 2,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'addTimeoutOption',
              output: 'const axios = require("axios");\nconst api = axios.create({ timeout: 10000 });\napi.post("/x", body);',
            },
          ],
        },
        {
          messageId: 'instanceWithoutTimeout',
          data: { callee: 'api.post', remedy: AXIOS_REMEDY, line: 2 },
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 21,
          suggestions: [
            {
              messageId: 'addTimeoutOption',
              output: 'const axios = require("axios");\nconst api = axios.create();\napi.post("/x", body, { timeout: 10000 });',
            },
          ],
        },
      ],
    },
    {
      code: 'const { get } = require("axios");\nget(url);',
      filename: 'file.js',
      errors: [
        {
          messageId: 'missingTimeout',
          data: { callee: 'get', remedy: AXIOS_REMEDY },
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 9,
          suggestions: [{ messageId: 'addTimeoutOption', output: 'const { get } = require("axios");\nget(url, { timeout: 10000 });' }],
        },
      ],
    },
    {
      code: 'const http = require("axios").default;\nhttp.delete(url);',
      filename: 'file.js',
      errors: [
        {
          messageId: 'missingTimeout',
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 17,
          suggestions: [
            { messageId: 'addTimeoutOption', output: 'const http = require("axios").default;\nhttp.delete(url, { timeout: 10000 });' },
          ],
        },
      ],
    },
    {
      code: 'import * as ax from "axios";\nawait ax.default.get(url);',
      errors: [
        {
          messageId: 'missingTimeout',
          line: 2,
          column: 7,
          endLine: 2,
          endColumn: 26,
          suggestions: [
            { messageId: 'addTimeoutOption', output: 'import * as ax from "axios";\nawait ax.default.get(url, { timeout: 10000 });' },
          ],
        },
      ],
    },
    {
      code: 'import client from "axios";\nawait client["get"](url);',
      errors: [
        {
          messageId: 'missingTimeout',
          data: { callee: 'client["get"]', remedy: AXIOS_REMEDY },
          line: 2,
          column: 7,
          endLine: 2,
          endColumn: 25,
          suggestions: [
            { messageId: 'addTimeoutOption', output: 'import client from "axios";\nawait client["get"](url, { timeout: 10000 });' },
          ],
        },
      ],
    },
    {
      code: 'import { postForm } from "axios";\nawait postForm(url, form);',
      errors: [
        {
          messageId: 'missingTimeout',
          line: 2,
          column: 7,
          endLine: 2,
          endColumn: 26,
          suggestions: [
            { messageId: 'addTimeoutOption', output: 'import { postForm } from "axios";\nawait postForm(url, form, { timeout: 10000 });' },
          ],
        },
      ],
    },
    // --- got ---
    {
      code: 'import got from "got";\nconst body = await got(url).json();',
      errors: [
        {
          messageId: 'missingTimeout',
          data: { callee: 'got', remedy: GOT_REMEDY },
          line: 2,
          column: 20,
          endLine: 2,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'addTimeoutOption',
              output: 'import got from "got";\nconst body = await got(url, { timeout: { request: 10000 } }).json();',
            },
          ],
        },
      ],
    },
    {
      code: 'import got from "got";\nawait got({ url, method: "POST" });',
      errors: [
        {
          messageId: 'missingTimeout',
          line: 2,
          column: 7,
          endLine: 2,
          endColumn: 35,
          suggestions: [
            {
              messageId: 'addTimeoutOption',
              output: 'import got from "got";\nawait got({ url, method: "POST", timeout: { request: 10000 } });',
            },
          ],
        },
      ],
    },
    {
      code: 'const got = require("got");\ngot.post("https://example.com/hook", { json: payload });',
      filename: 'file.js',
      errors: [
        {
          messageId: 'missingTimeout',
          data: { callee: 'got.post', remedy: GOT_REMEDY },
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 56,
          suggestions: [
            {
              messageId: 'addTimeoutOption',
              output: 'const got = require("got");\ngot.post("https://example.com/hook", { json: payload, timeout: { request: 10000 } });',
            },
          ],
        },
      ],
    },
    {
      code: 'import got from "got";\ngot.stream(url).pipe(out);',
      errors: [
        {
          messageId: 'missingTimeout',
          data: { callee: 'got.stream', remedy: GOT_REMEDY },
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 16,
          suggestions: [
            {
              messageId: 'addTimeoutOption',
              output: 'import got from "got";\ngot.stream(url, { timeout: { request: 10000 } }).pipe(out);',
            },
          ],
        },
      ],
    },
    {
      code: 'import got from "got";\nfor await (const item of got.paginate(url)) {}',
      errors: [
        {
          messageId: 'missingTimeout',
          line: 2,
          column: 26,
          endLine: 2,
          endColumn: 43,
          suggestions: [
            {
              messageId: 'addTimeoutOption',
              output: 'import got from "got";\nfor await (const item of got.paginate(url, { timeout: { request: 10000 } })) {}',
            },
          ],
        },
      ],
    },
    {
      code: 'import got from "got";\nconst client = got.extend({ prefixUrl });\nawait client.get("users");',
      errors: [
        {
          messageId: 'missingTimeout',
          data: { callee: 'got.extend', remedy: GOT_REMEDY },
          line: 2,
          column: 16,
          endLine: 2,
          endColumn: 41,
          suggestions: [
            {
              messageId: 'addTimeoutOption',
              output: 'import got from "got";\nconst client = got.extend({ prefixUrl, timeout: { request: 10000 } });\nawait client.get("users");',
            },
          ],
        },
        {
          messageId: 'instanceWithoutTimeout',
          data: { callee: 'client.get', remedy: GOT_REMEDY, line: 2 },
          line: 3,
          column: 7,
          endLine: 3,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'addTimeoutOption',
              output: 'import got from "got";\nconst client = got.extend({ prefixUrl });\nawait client.get("users", { timeout: { request: 10000 } });',
            },
          ],
        },
      ],
    },
    // --- superagent ---
    {
      code: 'import superagent from "superagent";\nconst res = await superagent.get(url).set("Accept", "application/json");',
      errors: [
        {
          messageId: 'missingTimeout',
          data: { callee: 'superagent.get', remedy: SUPERAGENT_REMEDY },
          line: 2,
          column: 19,
          endLine: 2,
          endColumn: 38,
          suggestions: [
            {
              messageId: 'chainTimeout',
              output:
                'import superagent from "superagent";\nconst res = await superagent.get(url).timeout(10000).set("Accept", "application/json");',
            },
          ],
        },
      ],
    },
    {
      code: 'const request = require("superagent");\nrequest("GET", url).end(callback);',
      filename: 'file.js',
      errors: [
        {
          messageId: 'missingTimeout',
          data: { callee: 'request', remedy: SUPERAGENT_REMEDY },
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 20,
          suggestions: [
            {
              messageId: 'chainTimeout',
              output: 'const request = require("superagent");\nrequest("GET", url).timeout(10000).end(callback);',
            },
          ],
        },
      ],
    },
    {
      code: 'import { post } from "superagent";\nconst req = post(url).send(body);\nawait req;',
      errors: [
        {
          messageId: 'missingTimeout',
          line: 2,
          column: 13,
          endLine: 2,
          endColumn: 22,
          suggestions: [
            {
              messageId: 'chainTimeout',
              output: 'import { post } from "superagent";\nconst req = post(url).timeout(10000).send(body);\nawait req;',
            },
          ],
        },
      ],
    },
    // --- node:http / node:https ---
    {
      code: 'import http from "node:http";\nhttp.get(url, (res) => res.resume());',
      errors: [
        {
          messageId: 'missingTimeout',
          data: { callee: 'http.get', remedy: FETCH_REMEDY },
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 37,
          suggestions: [
            {
              messageId: 'addSignal',
              output: 'import http from "node:http";\nhttp.get(url, { signal: AbortSignal.timeout(10000) }, (res) => res.resume());',
            },
          ],
        },
      ],
    },
    {
      code: 'import https from "https";\nconst req = https.request({ hostname, path, method: "POST" }, onResponse);\nreq.end(body);\nfunction onResponse(res) {}',
      errors: [
        {
          messageId: 'missingTimeout',
          data: { callee: 'https.request', remedy: FETCH_REMEDY },
          line: 2,
          column: 13,
          endLine: 2,
          endColumn: 74,
          suggestions: [
            {
              messageId: 'addSignal',
              output:
                'import https from "https";\nconst req = https.request({ hostname, path, method: "POST", signal: AbortSignal.timeout(10000) }, onResponse);\nreq.end(body);\nfunction onResponse(res) {}',
            },
          ],
        },
      ],
    },
    {
      code: 'import { request } from "node:https";\nconst req = request(url);\nreq.end();',
      errors: [
        {
          messageId: 'missingTimeout',
          data: { callee: 'request', remedy: FETCH_REMEDY },
          line: 2,
          column: 13,
          endLine: 2,
          endColumn: 25,
          suggestions: [
            {
              messageId: 'addSignal',
              output: 'import { request } from "node:https";\nconst req = request(url, { signal: AbortSignal.timeout(10000) });\nreq.end();',
            },
          ],
        },
      ],
    },
    {
      code: 'const https = process.getBuiltinModule("node:https");\nhttps.get(url, (res) => res.resume());',
      filename: 'file.js',
      errors: [
        {
          messageId: 'missingTimeout',
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 38,
          suggestions: [
            {
              messageId: 'addSignal',
              output:
                'const https = process.getBuiltinModule("node:https");\nhttps.get(url, { signal: AbortSignal.timeout(10000) }, (res) => res.resume());',
            },
          ],
        },
      ],
    },
    {
      code: 'const { get: httpGet } = require("http");\nhttpGet(url, handle);\nfunction handle(res) {}',
      filename: 'file.js',
      errors: [
        {
          messageId: 'missingTimeout',
          data: { callee: 'httpGet', remedy: FETCH_REMEDY },
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 21,
          suggestions: [
            {
              messageId: 'addSignal',
              output:
                'const { get: httpGet } = require("http");\nhttpGet(url, { signal: AbortSignal.timeout(10000) }, handle);\nfunction handle(res) {}',
            },
          ],
        },
      ],
    },
    {
      code: 'import http = require("http");\nhttp.request("http://localhost:8080/health").end();',
      errors: [
        {
          messageId: 'missingTimeout',
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 45,
          suggestions: [
            {
              messageId: 'addSignal',
              output:
                'import http = require("http");\nhttp.request("http://localhost:8080/health", { signal: AbortSignal.timeout(10000) }).end();',
            },
          ],
        },
      ],
    },
    // --- ky ---
    {
      code: 'import ky from "ky";\nawait ky.get(url, { timeout: false }).json();',
      errors: [
        {
          messageId: 'disabledTimeout',
          data: { callee: 'ky.get', option: 'timeout', value: 'false' },
          line: 2,
          column: 7,
          endLine: 2,
          endColumn: 38,
          suggestions: [
            { messageId: 'replaceTimeout', output: 'import ky from "ky";\nawait ky.get(url, { timeout: 10000 }).json();' },
          ],
        },
      ],
    },
    {
      code: 'import ky from "ky";\nconst api = ky.create({ prefixUrl, timeout: false });\nawait api.get("users");\nawait api.post("users", { json, timeout: 5000 });',
      errors: [
        {
          messageId: 'disabledTimeout',
          data: { callee: 'ky.create', option: 'timeout', value: 'false' },
          line: 2,
          column: 13,
          endLine: 2,
          endColumn: 53,
          suggestions: [
            {
              messageId: 'replaceTimeout',
              output:
                'import ky from "ky";\nconst api = ky.create({ prefixUrl, timeout: 10000 });\nawait api.get("users");\nawait api.post("users", { json, timeout: 5000 });',
            },
          ],
        },
        {
          messageId: 'instanceWithoutTimeout',
          data: { callee: 'api.get', remedy: 'set timeout: ms', line: 2 },
          line: 3,
          column: 7,
          endLine: 3,
          endColumn: 23,
          suggestions: [
            {
              messageId: 'addTimeoutOption',
              output:
                'import ky from "ky";\nconst api = ky.create({ prefixUrl, timeout: false });\nawait api.get("users", { timeout: 10000 });\nawait api.post("users", { json, timeout: 5000 });',
            },
          ],
        },
      ],
    },
    // --- npm download (got underneath): options in any object argument ---
    {
      code: 'const download = require("download");\nconst data = await download(url);',
      errors: [
        {
          messageId: 'missingTimeout',
          data: { callee: 'download', remedy: GOT_REMEDY },
          line: 2,
          column: 20,
          endLine: 2,
          endColumn: 33,
          suggestions: [{ messageId: 'addTimeoutOption', output: 'const download = require("download");\nconst data = await download(url, { timeout: { request: 10000 } });' }],
        },
      ],
    },
    {
      code: 'import download from "download";\nawait download(url, "dist");',
      errors: [
        {
          messageId: 'missingTimeout',
          data: { callee: 'download', remedy: GOT_REMEDY },
          line: 2,
          column: 7,
          endLine: 2,
          endColumn: 28,
          suggestions: [{ messageId: 'addTimeoutOption', output: 'import download from "download";\nawait download(url, "dist", { timeout: { request: 10000 } });' }],
        },
      ],
    },
    // --- ofetch ---
    {
      code: 'import { ofetch } from "ofetch";\nawait ofetch(url);',
      errors: [
        {
          messageId: 'missingTimeout',
          data: { callee: 'ofetch', remedy: AXIOS_REMEDY },
          line: 2,
          column: 7,
          endLine: 2,
          endColumn: 18,
          suggestions: [{ messageId: 'addTimeoutOption', output: 'import { ofetch } from "ofetch";\nawait ofetch(url, { timeout: 10000 });' }],
        },
      ],
    },
    {
      code: 'import { $fetch } from "ofetch";\nawait $fetch(url, { method: "POST", body });',
      errors: [
        {
          messageId: 'missingTimeout',
          data: { callee: '$fetch', remedy: AXIOS_REMEDY },
          line: 2,
          column: 7,
          endLine: 2,
          endColumn: 44,
          suggestions: [
            {
              messageId: 'addTimeoutOption',
              output: 'import { $fetch } from "ofetch";\nawait $fetch(url, { method: "POST", body, timeout: 10000 });',
            },
          ],
        },
      ],
    },
    {
      code: 'import { ofetch } from "ofetch";\nconst api = ofetch.create({ baseURL });\nawait api("/users");',
      errors: [
        {
          messageId: 'missingTimeout',
          data: { callee: 'ofetch.create', remedy: AXIOS_REMEDY },
          line: 2,
          column: 13,
          endLine: 2,
          endColumn: 39,
          suggestions: [
            {
              messageId: 'addTimeoutOption',
              output: 'import { ofetch } from "ofetch";\nconst api = ofetch.create({ baseURL, timeout: 10000 });\nawait api("/users");',
            },
          ],
        },
        {
          messageId: 'instanceWithoutTimeout',
          data: { callee: 'api', remedy: AXIOS_REMEDY, line: 2 },
          line: 3,
          column: 7,
          endLine: 3,
          endColumn: 20,
          suggestions: [
            {
              messageId: 'addTimeoutOption',
              output: 'import { ofetch } from "ofetch";\nconst api = ofetch.create({ baseURL });\nawait api("/users", { timeout: 10000 });',
            },
          ],
        },
      ],
    },
    // --- more odd and edge code ---
    {
      code: 'await globalThis["fetch"](url);',
      errors: [
        {
          messageId: 'missingTimeout',
          data: { callee: 'globalThis["fetch"]', remedy: FETCH_REMEDY },
          line: 1,
          column: 7,
          endLine: 1,
          endColumn: 31,
          suggestions: [{ messageId: 'addSignal', output: 'await globalThis["fetch"](url, { signal: AbortSignal.timeout(10000) });' }],
        },
      ],
    },
    {
      code: 'await fetch(url, { /* no options yet */ });',
      errors: [
        {
          messageId: 'missingTimeout',
          line: 1,
          column: 7,
          endLine: 1,
          endColumn: 43,
          suggestions: [
            { messageId: 'addSignal', output: 'await fetch(url, { signal: AbortSignal.timeout(10000), /* no options yet */ });' },
          ],
        },
      ],
    },
    {
      code: 'await fetch(url, { method: "POST" } satisfies RequestInit);',
      errors: [
        {
          messageId: 'missingTimeout',
          line: 1,
          column: 7,
          endLine: 1,
          endColumn: 59,
          suggestions: [
            {
              messageId: 'addSignal',
              output: 'await fetch(url, { method: "POST", signal: AbortSignal.timeout(10000) } satisfies RequestInit);',
            },
          ],
        },
      ],
    },
    {
      code: 'let controller = new AbortController();\nawait fetch(url, { signal: controller.signal });\ncontroller.abort();',
      errors: [
        {
          messageId: 'signalWithoutTimeout',
          line: 2,
          column: 7,
          endLine: 2,
          endColumn: 48,
          suggestions: [
            {
              messageId: 'combineSignal',
              output:
                'let controller = new AbortController();\nawait fetch(url, { signal: AbortSignal.any([controller.signal, AbortSignal.timeout(10000)]) });\ncontroller.abort();',
            },
          ],
        },
      ],
    },
    {
      code: 'import axios from "axios";\nawait axios.get?.(url);',
      errors: [
        {
          messageId: 'missingTimeout',
          line: 2,
          column: 7,
          endLine: 2,
          endColumn: 23,
          suggestions: [{ messageId: 'addTimeoutOption', output: 'import axios from "axios";\nawait axios.get?.(url, { timeout: 10000 });' }],
        },
      ],
    },
    {
      code: 'import axios from "axios";\nconst api = axios.create({ timeout: 0 });\nawait api.get(url);',
      errors: [
        {
          messageId: 'disabledTimeout',
          data: { callee: 'axios.create', option: 'timeout', value: '0' },
          line: 2,
          column: 13,
          endLine: 2,
          endColumn: 41,
          suggestions: [
            {
              messageId: 'replaceTimeout',
              output: 'import axios from "axios";\nconst api = axios.create({ timeout: 10000 });\nawait api.get(url);',
            },
          ],
        },
        {
          messageId: 'instanceWithoutTimeout',
          data: { callee: 'api.get', remedy: AXIOS_REMEDY, line: 2 },
          line: 3,
          column: 7,
          endLine: 3,
          endColumn: 19,
          suggestions: [
            {
              messageId: 'addTimeoutOption',
              output: 'import axios from "axios";\nconst api = axios.create({ timeout: 0 });\nawait api.get(url, { timeout: 10000 });',
            },
          ],
        },
      ],
    },
    {
      code: 'import axios from "axios";\nconst api = axios.create({ timeout: 5000 });\nawait api.get(url, { timeout: 0 });',
      errors: [
        {
          messageId: 'disabledTimeout',
          data: { callee: 'api.get', option: 'timeout', value: '0' },
          line: 3,
          column: 7,
          endLine: 3,
          endColumn: 35,
          suggestions: [
            {
              messageId: 'replaceTimeout',
              output: 'import axios from "axios";\nconst api = axios.create({ timeout: 5000 });\nawait api.get(url, { timeout: 10000 });',
            },
          ],
        },
      ],
    },
    {
      code: 'import superagent from "superagent";\nexport function load(url) {\n  return superagent.get(url);\n}',
      errors: [
        {
          messageId: 'missingTimeout',
          line: 3,
          column: 10,
          endLine: 3,
          endColumn: 29,
          suggestions: [
            {
              messageId: 'chainTimeout',
              output: 'import superagent from "superagent";\nexport function load(url) {\n  return superagent.get(url).timeout(10000);\n}',
            },
          ],
        },
      ],
    },
    // --- options and settings ---
    {
      code: 'await fetch(url);',
      options: [{ defaultTimeoutMs: 2500 }],
      errors: [
        {
          messageId: 'missingTimeout',
          line: 1,
          column: 7,
          endLine: 1,
          endColumn: 17,
          suggestions: [{ messageId: 'addSignal', output: 'await fetch(url, { signal: AbortSignal.timeout(2500) });' }],
        },
      ],
    },
    {
      // The longest delay timers accept: the suggestion's value is one AbortSignal.timeout takes.
      code: 'await fetch(url);',
      options: [{ defaultTimeoutMs: 2147483647 }],
      errors: [
        {
          messageId: 'missingTimeout',
          line: 1,
          column: 7,
          endLine: 1,
          endColumn: 17,
          suggestions: [{ messageId: 'addSignal', output: 'await fetch(url, { signal: AbortSignal.timeout(2147483647) });' }],
        },
      ],
    },
    {
      code: 'import axios from "axios";\nawait axios.get(url);',
      options: [{ defaultTimeoutMs: 3000 }],
      errors: [
        {
          messageId: 'missingTimeout',
          line: 2,
          column: 7,
          endLine: 2,
          endColumn: 21,
          suggestions: [{ messageId: 'addTimeoutOption', output: 'import axios from "axios";\nawait axios.get(url, { timeout: 3000 });' }],
        },
      ],
    },
    {
      code: 'await apiFetch(url);\nawait this.http.fetchJson(url, { method: "GET" });',
      options: [{ wrappers: ['apiFetch', 'this.http.fetchJson'] }],
      errors: [
        {
          messageId: 'missingTimeout',
          data: { callee: 'apiFetch', remedy: FETCH_REMEDY },
          line: 1,
          column: 7,
          endLine: 1,
          endColumn: 20,
          suggestions: [
            {
              messageId: 'addSignal',
              output: 'await apiFetch(url, { signal: AbortSignal.timeout(10000) });\nawait this.http.fetchJson(url, { method: "GET" });',
            },
          ],
        },
        {
          messageId: 'missingTimeout',
          data: { callee: 'this.http.fetchJson', remedy: FETCH_REMEDY },
          line: 2,
          column: 7,
          endLine: 2,
          endColumn: 50,
          suggestions: [
            {
              messageId: 'addSignal',
              output: 'await apiFetch(url);\nawait this.http.fetchJson(url, { method: "GET", signal: AbortSignal.timeout(10000) });',
            },
          ],
        },
      ],
    },
    {
      code: 'import { request as send } from "@acme/http";\nawait send(url);',
      options: [{ wrappers: ['@acme/http#request'] }],
      errors: [
        {
          messageId: 'missingTimeout',
          data: { callee: 'send', remedy: FETCH_REMEDY },
          line: 2,
          column: 7,
          endLine: 2,
          endColumn: 16,
          suggestions: [
            {
              messageId: 'addSignal',
              output: 'import { request as send } from "@acme/http";\nawait send(url, { signal: AbortSignal.timeout(10000) });',
            },
          ],
        },
      ],
    },
    {
      code: 'const retryFetch = require("@acme/retry-fetch");\nretryFetch(url);',
      filename: 'file.js',
      settings: { 'agent-guard': { http: { clients: ['@acme/retry-fetch#default'] } } },
      errors: [
        {
          messageId: 'missingTimeout',
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 16,
          suggestions: [
            {
              messageId: 'addSignal',
              output: 'const retryFetch = require("@acme/retry-fetch");\nretryFetch(url, { signal: AbortSignal.timeout(10000) });',
            },
          ],
        },
      ],
    },
    {
      code: 'await fetch(url);',
      options: [{ wrappers: ['fetch'] }],
      errors: [
        {
          messageId: 'missingTimeout',
          line: 1,
          column: 7,
          endLine: 1,
          endColumn: 17,
          suggestions: [{ messageId: 'addSignal', output: 'await fetch(url, { signal: AbortSignal.timeout(10000) });' }],
        },
      ],
    },
    {
      code: 'await safeFetch(url);',
      settings: { 'agent-guard': { http: { clients: ['safeFetch'] } } },
      errors: [
        {
          messageId: 'missingTimeout',
          data: { callee: 'safeFetch', remedy: FETCH_REMEDY },
          line: 1,
          column: 7,
          endLine: 1,
          endColumn: 21,
          suggestions: [{ messageId: 'addSignal', output: 'await safeFetch(url, { signal: AbortSignal.timeout(10000) });' }],
        },
      ],
    },
    {
      code: '"use client";\nawait fetch("/api/user");',
      options: [{ ignoreBrowserCode: false }],
      errors: [
        {
          messageId: 'missingTimeout',
          line: 2,
          column: 7,
          endLine: 2,
          endColumn: 25,
          suggestions: [
            { messageId: 'addSignal', output: '"use client";\nawait fetch("/api/user", { signal: AbortSignal.timeout(10000) });' },
          ],
        },
      ],
    },
    {
      code: 'await fetch("https://api.example.com/user");\n"use client";',
      options: [{ ignoreBrowserCode: true }],
      errors: [
        {
          messageId: 'missingTimeout',
          line: 1,
          column: 7,
          endLine: 1,
          endColumn: 44,
          suggestions: [
            { messageId: 'addSignal', output: 'await fetch("https://api.example.com/user", { signal: AbortSignal.timeout(10000) });\n"use client";' },
          ],
        },
      ],
    },
  ],
});

// The same judgements hold with ESLint's default parser on plain JavaScript.
const espreeTester = new RuleTester({ languageOptions: { parser: espree, ecmaVersion: 'latest', sourceType: 'module' } });

espreeTester.run('fetch-requires-timeout (espree)', rule, {
  valid: [
    'const res = await fetch(url, { signal: AbortSignal.timeout(5000) });',
    'import axios from "axios";\nconst api = axios.create({ timeout: 5000 });\nawait api.get("/x");',
    'function fetch() {}\nfetch(url);',
  ],
  invalid: [
    {
      code: 'const res = await fetch(url);',
      errors: [
        {
          messageId: 'missingTimeout',
          data: { callee: 'fetch', remedy: FETCH_REMEDY },
          line: 1,
          column: 19,
          endLine: 1,
          endColumn: 29,
          suggestions: [{ messageId: 'addSignal', output: 'const res = await fetch(url, { signal: AbortSignal.timeout(10000) });' }],
        },
      ],
    },
    {
      code: 'import request from "superagent";\nrequest.get(url).end(done);',
      errors: [
        {
          messageId: 'missingTimeout',
          data: { callee: 'request.get', remedy: SUPERAGENT_REMEDY },
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 17,
          suggestions: [
            { messageId: 'chainTimeout', output: 'import request from "superagent";\nrequest.get(url).timeout(10000).end(done);' },
          ],
        },
      ],
    },
  ],
});

describe('fetch-requires-timeout options schema', () => {
  const plugin = { rules: { 'fetch-requires-timeout': rule } };
  const lint = (options: unknown): unknown =>
    new Linter().verify('fetch(url);', {
      plugins: { 'agent-guard': plugin as never },
      rules: { 'agent-guard/fetch-requires-timeout': ['error', options] as never },
    });

  it('accepts valid options', () => {
    expect(() => lint({ defaultTimeoutMs: 1, wrappers: ['a', 'm#b'], ignoreBrowserCode: true })).not.toThrow();
    expect(() => lint({ defaultTimeoutMs: 2 ** 31 - 1 })).not.toThrow();
  });

  // What ESLint's validator reports for each (it prints Infinity and NaN as null).
  it.each([
    [Infinity, 'Value null should be <= 2147483647'],
    [-Infinity, 'Value null should be >= 1'],
    [NaN, 'Value null should be integer'],
    [1e12, 'Value 1000000000000 should be <= 2147483647'],
    [2 ** 31, 'Value 2147483648 should be <= 2147483647'],
    [-1, 'Value -1 should be >= 1'],
    [0, 'Value 0 should be >= 1'],
    [1.5, 'Value 1.5 should be integer'],
  ])('rejects defaultTimeoutMs: %s (%s)', (value, message) => {
    expect(() => lint({ defaultTimeoutMs: value })).toThrow(message);
  });

  it.each([
    [{ defaultTimeoutMs: 0 }],
    [{ defaultTimeoutMs: 1.5 }],
    [{ wrappers: 'apiFetch' }],
    [{ wrappers: [''] }],
    [{ ignoreBrowserCode: 'yes' }],
    [{ timeout: 5000 }],
  ])('rejects %j', (options) => {
    expect(() => lint(options)).toThrow(/fetch-requires-timeout/u);
  });
});

describe('fetch-requires-timeout docs examples', () => {
  const markdown = readFileSync(new URL('../../docs/rules/fetch-requires-timeout.md', import.meta.url), 'utf8');
  const section = (heading: string): string[] => {
    const start = markdown.indexOf(heading);
    const end = markdown.indexOf('\n### ', start + heading.length);
    const body = markdown.slice(start, end === -1 ? markdown.indexOf('\n## ', start) : end);
    return [...body.matchAll(/```ts\n([\s\S]*?)```/gu)].map((match) => match[1]!);
  };
  const reports = (code: string): number => {
    const config = {
      files: ['**/*.ts'],
      languageOptions: { parser: tsParser },
      plugins: { 'agent-guard': { rules: { 'fetch-requires-timeout': rule } } as never },
      rules: { 'agent-guard/fetch-requires-timeout': 'error' as const },
    };
    const messages = new Linter().verify(code, config, 'example.ts');
    expect(messages.filter((message) => message.fatal)).toEqual([]);
    return messages.filter((message) => message.ruleId === 'agent-guard/fetch-requires-timeout').length;
  };

  it('reports every incorrect block', () => {
    const blocks = section('### ❌ Incorrect');
    expect(blocks.length).toBeGreaterThan(0);
    expect(blocks.map(reports)).toEqual([2, 4, 3, 1]);
  });

  it('reports no correct block', () => {
    const blocks = section('### ✅ Correct');
    expect(blocks.length).toBeGreaterThan(0);
    expect(blocks.map(reports)).toEqual(blocks.map(() => 0));
  });
});
