import { RuleTester } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';

import rule from '../../src/rules/fetch-requires-timeout';
import { createRuleTester } from '../rule-tester';

// Issue #16: request shapes that sit entirely inside one file — options objects declared apart
// from the call, Node's http/https in their other spellings, and local wrappers that set a
// timeout only when their caller passes one.
const ruleTester = createRuleTester();

const FETCH_REMEDY = 'pass signal: AbortSignal.timeout(ms)';

ruleTester.run('fetch-requires-timeout (single-file shapes)', rule, {
  valid: [
    // --- options declared elsewhere in the file that do bound the request ---
    `const fetchOptions = { method: 'POST', headers, signal: AbortSignal.timeout(5000) };
await fetch(url, fetchOptions);`,
    `const fetchOptions = { method: 'POST', headers, signal: AbortSignal.timeout(5000) };
await fetch(url, { ...fetchOptions, body });`,
    `const base = { signal: AbortSignal.timeout(5000) };
const fetchOptions = { ...base, method: 'POST' };
await fetch(url, fetchOptions);`,
    // mutated afterwards to add the signal
    `const opts: RequestInit = { method: 'POST', headers };
opts.signal = AbortSignal.timeout(5000);
await fetch(url, opts);`,
    `const opts = { method: 'POST', headers };
Object.assign(opts, { signal: AbortSignal.timeout(5000) });
await fetch(url, opts);`,
    // an options object of unknown shape spread in
    `async function send(url, fetchOptions) { return fetch(url, { ...fetchOptions }); }`,
    // --- node:http / https in their other spellings, with a timeout ---
    `import { request } from 'node:http';
const req = request(url, { timeout: 5000 }, (res) => {});
req.end();`,
    `import { get } from 'https';
const req = get(url, (res) => {});
req.setTimeout(5000);`,
    `import { get } from 'https';
get(url, { signal: AbortSignal.timeout(5000) }, (res) => {});`,
    `const { request } = require('node:https');
request({ host, path, timeout: 5000 }, (res) => {}).end();`,
    `import https from 'https';
const req = https
  .request({ host: 'api.example.com', timeout: 5000 }, (res) => {});
req.end();`,
    `import https from 'https';
const req = https
  .get({ host: 'api.example.com' }, (res) => {});
req.setTimeout(5000, () => req.destroy());`,
    `import http from 'node:http';
import https from 'node:https';
const client = url.startsWith('https') ? https : http;
const req = client.request(url, { timeout: 5000 }, (res) => {});
req.end();`,
    `import http from 'node:http';
import https from 'node:https';
const client = url.startsWith('https') ? https : http;
const req = client.get(url, (res) => {});
req.setTimeout(5000);`,
    // look-alikes: a local function or another object named like the client
    `function request(url) { return cache.get(url); }
request(url);`,
    `const client = useHttps ? httpsAgent : httpAgent;
client.request(url, (res) => {});`,
    // --- local wrappers: the caller passes the timeout, or the wrapper supplies one ---
    `async function get(url, { timeout } = {}) {
  return fetch(url, timeout ? { signal: AbortSignal.timeout(timeout) } : {});
}
await get(urlA, { timeout: 5000 });
await get(urlB, options);`,
    `async function get(url, timeoutMs = 5000) {
  return fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
}
await get(urlA);`,
    `async function get(url, { timeout = 5000 } = {}) {
  return fetch(url, { signal: AbortSignal.timeout(timeout) });
}
await get(urlA);`,
    `const get = async (url, opts = { timeout: 5000 }) => fetch(url, { signal: AbortSignal.timeout(opts.timeout) });
await get(urlA);`,
    `async function get(url, timeoutMs) {
  const init = { method: 'GET' };
  if (timeoutMs) init.signal = AbortSignal.timeout(timeoutMs);
  return fetch(url, init);
}
await get(urlA, 5000);`,
    `async function get(url) {
  return fetch(url, { signal: AbortSignal.timeout(5000) });
}
await get(urlA);`,
    // a local function that makes no request
    `function get(url, { timeout } = {}) { return cache.get(url, timeout); }
get(urlA);`,
    // --- options mutated afterwards: a timeout key written, or uses the rule cannot follow ---
    `const opts = { method: 'POST' };
opts.body = body;
opts.signal = AbortSignal.timeout(5000);
await fetch(url, opts);`,
    `const opts = { method: 'POST' };
opts[key] = value;
await fetch(url, opts);`,
    `const opts = { method: 'POST' };
opts.body = body;
sign(opts);
await fetch(url, opts);`,
    `const opts = { ...defaults };
opts.body = body;
await fetch(url, opts);`,
    `import https from 'node:https';
const options = { host: 'api.example.com', method: 'POST' };
options.timeout = 5000;
https.request(options, (res) => {}).end();`,
  ],
  invalid: [
    // --- options declared elsewhere in the file ---
    {
      code: `const fetchOptions = { method: 'POST', headers };
await fetch(url, fetchOptions);`,
      errors: [
        {
          messageId: 'missingTimeout',
          data: { callee: 'fetch', remedy: FETCH_REMEDY },
          line: 2,
          column: 7,
          endLine: 2,
          endColumn: 31,
          suggestions: [
            {
              messageId: 'addSignal',
              output: `const fetchOptions = { method: 'POST', headers, signal: AbortSignal.timeout(10000) };
await fetch(url, fetchOptions);`,
            },
          ],
        },
      ],
    },
    {
      code: `const fetchOptions = {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
};
async function send(url, body) {
  return fetch(url, { ...fetchOptions, body });
}`,
      errors: [
        {
          messageId: 'missingTimeout',
          line: 6,
          column: 10,
          endLine: 6,
          endColumn: 47,
          suggestions: [
            {
              messageId: 'addSignal',
              output: `const fetchOptions = {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
};
async function send(url, body) {
  return fetch(url, { ...fetchOptions, body, signal: AbortSignal.timeout(10000) });
}`,
            },
          ],
        },
      ],
    },
    {
      code: `const fetchOptions = { method: 'GET' };
await fetch(url, { ...fetchOptions });`,
      errors: [
        {
          messageId: 'missingTimeout',
          line: 2,
          column: 7,
          endLine: 2,
          endColumn: 38,
          suggestions: [
            {
              messageId: 'addSignal',
              output: `const fetchOptions = { method: 'GET' };
await fetch(url, { ...fetchOptions, signal: AbortSignal.timeout(10000) });`,
            },
          ],
        },
      ],
    },
    // --- node:http / https ---
    {
      code: `import { request } from 'node:http';
const req = request(url, (res) => {});
req.end();`,
      errors: [
        {
          messageId: 'missingTimeout',
          data: { callee: 'request', remedy: FETCH_REMEDY },
          line: 2,
          column: 13,
          endLine: 2,
          endColumn: 38,
          suggestions: [
            {
              messageId: 'addSignal',
              output: `import { request } from 'node:http';
const req = request(url, { signal: AbortSignal.timeout(10000) }, (res) => {});
req.end();`,
            },
          ],
        },
      ],
    },
    {
      code: `import { get } from 'https';
get(url, (res) => { res.pipe(out); });`,
      errors: [
        {
          messageId: 'missingTimeout',
          data: { callee: 'get', remedy: FETCH_REMEDY },
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 38,
          suggestions: [
            {
              messageId: 'addSignal',
              output: `import { get } from 'https';
get(url, { signal: AbortSignal.timeout(10000) }, (res) => { res.pipe(out); });`,
            },
          ],
        },
      ],
    },
    {
      filename: 'file.js',
      code: `const { request } = require('node:https');
request({ host, path, method: 'POST' }, (res) => {}).end(body);`,
      errors: [
        {
          messageId: 'missingTimeout',
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 53,
          suggestions: [
            {
              messageId: 'addSignal',
              output: `const { request } = require('node:https');
request({ host, path, method: 'POST', signal: AbortSignal.timeout(10000) }, (res) => {}).end(body);`,
            },
          ],
        },
      ],
    },
    {
      code: `import https from 'https';
const req = https
  .request({ host: 'api.example.com', method: 'POST' }, (res) => {});
req.end();`,
      errors: [
        {
          messageId: 'missingTimeout',
          data: { callee: 'https.request', remedy: FETCH_REMEDY },
          line: 2,
          column: 13,
          endLine: 3,
          endColumn: 69,
          suggestions: [
            {
              messageId: 'addSignal',
              output: `import https from 'https';
const req = https
  .request({ host: 'api.example.com', method: 'POST', signal: AbortSignal.timeout(10000) }, (res) => {});
req.end();`,
            },
          ],
        },
      ],
    },
    {
      code: `import http from 'node:http';
import https from 'node:https';
const client = url.startsWith('https') ? https : http;
const req = client.request(url, (res) => {});
req.end();`,
      errors: [
        {
          messageId: 'missingTimeout',
          data: { callee: 'client.request', remedy: FETCH_REMEDY },
          line: 4,
          column: 13,
          endLine: 4,
          endColumn: 45,
          suggestions: [
            {
              messageId: 'addSignal',
              output: `import http from 'node:http';
import https from 'node:https';
const client = url.startsWith('https') ? https : http;
const req = client.request(url, { signal: AbortSignal.timeout(10000) }, (res) => {});
req.end();`,
            },
          ],
        },
      ],
    },
    {
      filename: 'file.js',
      code: `const http = require('http');
const https = require('https');
function download(url, out) {
  const client = url.startsWith('https') ? https : http;
  client.get(url, (res) => res.pipe(out));
}`,
      errors: [
        {
          messageId: 'missingTimeout',
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 42,
          suggestions: [
            {
              messageId: 'addSignal',
              output: `const http = require('http');
const https = require('https');
function download(url, out) {
  const client = url.startsWith('https') ? https : http;
  client.get(url, { signal: AbortSignal.timeout(10000) }, (res) => res.pipe(out));
}`,
            },
          ],
        },
      ],
    },
    // --- local wrappers that bound the request only when the caller passes a timeout ---
    {
      code: `async function get(url, { timeout } = {}) {
  return fetch(url, timeout ? { signal: AbortSignal.timeout(timeout) } : {});
}
await get(urlA);
await get(urlB, { cache: 'no-store' });`,
      errors: [
        {
          messageId: 'missingTimeout',
          data: { callee: 'get', remedy: 'pass timeout (get, on line 1, sets a timeout on its fetch call only when its caller passes one)' },
          line: 4,
          column: 7,
          endLine: 4,
          endColumn: 16,
          suggestions: [
            {
              messageId: 'addTimeoutOption',
              data: { text: 'timeout: 10000' },
              output: `async function get(url, { timeout } = {}) {
  return fetch(url, timeout ? { signal: AbortSignal.timeout(timeout) } : {});
}
await get(urlA, { timeout: 10000 });
await get(urlB, { cache: 'no-store' });`,
            },
          ],
        },
        {
          messageId: 'missingTimeout',
          line: 5,
          column: 7,
          endLine: 5,
          endColumn: 39,
          suggestions: [
            {
              messageId: 'addTimeoutOption',
              output: `async function get(url, { timeout } = {}) {
  return fetch(url, timeout ? { signal: AbortSignal.timeout(timeout) } : {});
}
await get(urlA);
await get(urlB, { cache: 'no-store', timeout: 10000 });`,
            },
          ],
        },
      ],
    },
    {
      code: `const getJson = async (url: string, opts: { timeout?: number } = {}) => {
  const res = await fetch(url, { signal: opts.timeout ? AbortSignal.timeout(opts.timeout) : undefined });
  return res.json();
};
export const load = () => getJson(itemsUrl);`,
      errors: [
        {
          messageId: 'missingTimeout',
          data: { callee: 'getJson', remedy: 'pass timeout (getJson, on line 1, sets a timeout on its fetch call only when its caller passes one)' },
          line: 5,
          column: 27,
          endLine: 5,
          endColumn: 44,
          suggestions: [
            {
              messageId: 'addTimeoutOption',
              output: `const getJson = async (url: string, opts: { timeout?: number } = {}) => {
  const res = await fetch(url, { signal: opts.timeout ? AbortSignal.timeout(opts.timeout) : undefined });
  return res.json();
};
export const load = () => getJson(itemsUrl, { timeout: 10000 });`,
            },
          ],
        },
      ],
    },
    {
      code: `async function get(url, timeoutMs) {
  const init: RequestInit = { method: 'GET' };
  if (timeoutMs) init.signal = AbortSignal.timeout(timeoutMs);
  return fetch(url, init);
}
await get(urlA);`,
      errors: [
        {
          messageId: 'missingTimeout',
          data: {
            callee: 'get',
            remedy: 'pass a timeout in ms as argument 2 (get, on line 1, sets a timeout on its fetch call only when its caller passes one)',
          },
          line: 6,
          column: 7,
          endLine: 6,
          endColumn: 16,
          suggestions: [
            {
              messageId: 'addTimeoutOption',
              data: { text: 'the argument 10000' },
              output: `async function get(url, timeoutMs) {
  const init: RequestInit = { method: 'GET' };
  if (timeoutMs) init.signal = AbortSignal.timeout(timeoutMs);
  return fetch(url, init);
}
await get(urlA, 10000);`,
            },
          ],
        },
      ],
    },
    {
      filename: 'file.js',
      code: `import axios from 'axios';
function api(path, config = {}) {
  return axios.get(path, { ...config });
}
api(urlA);`,
      errors: [
        {
          messageId: 'missingTimeout',
          data: { callee: 'api', remedy: 'pass timeout: ms (api, on line 2, sets a timeout on its axios.get call only when its caller passes one)' },
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 10,
          suggestions: [
            {
              messageId: 'addTimeoutOption',
              output: `import axios from 'axios';
function api(path, config = {}) {
  return axios.get(path, { ...config });
}
api(urlA, { timeout: 10000 });`,
            },
          ],
        },
      ],
    },
    {
      // the request sits in a callback inside the wrapper
      code: `async function get(url, { timeout } = {}) {
  return retry(() => fetch(url, timeout ? { signal: AbortSignal.timeout(timeout) } : {}));
}
await get(urlA);`,
      errors: [
        {
          messageId: 'missingTimeout',
          line: 4,
          column: 7,
          endLine: 4,
          endColumn: 16,
          suggestions: [
            {
              messageId: 'addTimeoutOption',
              output: `async function get(url, { timeout } = {}) {
  return retry(() => fetch(url, timeout ? { signal: AbortSignal.timeout(timeout) } : {}));
}
await get(urlA, { timeout: 10000 });`,
            },
          ],
        },
      ],
    },
    // --- options mutated afterwards with properties that cannot bound the request ---
    {
      code: `const opts: RequestInit = { method: 'POST' };
if (payload) opts.body = JSON.stringify(payload);
opts.headers = { 'Content-Type': 'application/json' };
await fetch(url, opts);`,
      errors: [
        {
          messageId: 'missingTimeout',
          data: { callee: 'fetch', remedy: FETCH_REMEDY },
          line: 4,
          column: 7,
          endLine: 4,
          endColumn: 23,
          suggestions: [
            {
              messageId: 'addSignal',
              output: `const opts: RequestInit = { method: 'POST', signal: AbortSignal.timeout(10000) };
if (payload) opts.body = JSON.stringify(payload);
opts.headers = { 'Content-Type': 'application/json' };
await fetch(url, opts);`,
            },
          ],
        },
      ],
    },
    {
      filename: 'file.js',
      code: `const https = require('https');
const options = { host: 'api.example.com', method: 'POST', headers: {} };
options.headers['Content-Length'] = Buffer.byteLength(body);
const req = https.request(options, (res) => {});
req.end(body);`,
      errors: [
        {
          messageId: 'missingTimeout',
          line: 4,
          column: 13,
          endLine: 4,
          endColumn: 48,
          suggestions: [
            {
              messageId: 'addSignal',
              output: `const https = require('https');
const options = { host: 'api.example.com', method: 'POST', headers: {}, signal: AbortSignal.timeout(10000) };
options.headers['Content-Length'] = Buffer.byteLength(body);
const req = https.request(options, (res) => {});
req.end(body);`,
            },
          ],
        },
      ],
    },
    {
      code: `import axios from 'axios';
const config = { headers: {} };
config.headers.Authorization = token;
await axios.get(url, config);`,
      errors: [
        {
          messageId: 'missingTimeout',
          data: { callee: 'axios.get', remedy: 'set timeout: ms' },
          line: 4,
          column: 7,
          endLine: 4,
          endColumn: 29,
          suggestions: [
            {
              messageId: 'addTimeoutOption',
              output: `import axios from 'axios';
const config = { headers: {}, timeout: 10000 };
config.headers.Authorization = token;
await axios.get(url, config);`,
            },
          ],
        },
      ],
    },
  ],
});

// The same shapes in plain JavaScript with ESLint's default parser.
const espreeTester = new RuleTester({ languageOptions: { parser: espree, ecmaVersion: 'latest', sourceType: 'module' } });

espreeTester.run('fetch-requires-timeout (single-file shapes, espree)', rule, {
  valid: [
    `async function get(url, { timeout } = {}) {
  return fetch(url, timeout ? { signal: AbortSignal.timeout(timeout) } : {});
}
await get(urlA, { timeout: 5000 });`,
    `const opts = { method: 'POST' };
opts.body = body;
opts.signal = AbortSignal.timeout(5000);
await fetch(url, opts);`,
  ],
  invalid: [
    {
      code: `async function get(url, { timeout } = {}) {
  return fetch(url, timeout ? { signal: AbortSignal.timeout(timeout) } : {});
}
await get(urlA);`,
      errors: [
        {
          messageId: 'missingTimeout',
          line: 4,
          column: 7,
          endLine: 4,
          endColumn: 16,
          suggestions: [
            {
              messageId: 'addTimeoutOption',
              output: `async function get(url, { timeout } = {}) {
  return fetch(url, timeout ? { signal: AbortSignal.timeout(timeout) } : {});
}
await get(urlA, { timeout: 10000 });`,
            },
          ],
        },
      ],
    },
    {
      code: `const opts = { method: 'POST' };
opts.body = JSON.stringify(payload);
await fetch(url, opts);`,
      errors: [
        {
          messageId: 'missingTimeout',
          line: 3,
          column: 7,
          endLine: 3,
          endColumn: 23,
          suggestions: [
            {
              messageId: 'addSignal',
              output: `const opts = { method: 'POST', signal: AbortSignal.timeout(10000) };
opts.body = JSON.stringify(payload);
await fetch(url, opts);`,
            },
          ],
        },
      ],
    },
  ],
});
