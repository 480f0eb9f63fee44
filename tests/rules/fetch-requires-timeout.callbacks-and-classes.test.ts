import { RuleTester } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';

import rule from '../../src/rules/fetch-requires-timeout';
import { createRuleTester } from '../rule-tester';

// Issue #16: Node's `https.get(url, cb)` / `https.request(opts, cb)` whose callback is a parameter
// or a declared function (not an options object), and classes (or object literals) whose methods wrap
// a request: an unbounded request is reported once, inside the method; a method that sets a timeout
// only when its caller passes one is reported at the calls that pass none (`this.send()`,
// `api.send()`, `Api.ping()`).
const ruleTester = createRuleTester();

const FETCH_REMEDY = 'pass signal: AbortSignal.timeout(ms)';

ruleTester.run('fetch-requires-timeout (callbacks and class wrappers)', rule, {
  valid: [
    // --- a callback parameter, with a timeout given some other way ---
    `import https from 'node:https';
export function get(url: string, cb: (res: unknown) => void) {
  return https.get(url, { timeout: 5000 }, cb);
}`,
    `import https from 'node:https';
export function get(url, callback) {
  const req = https.get(url, callback);
  req.setTimeout(5000, () => req.destroy());
  return req;
}`,
    {
      filename: 'file.js',
      code: `const https = require('https');
function fetchJson(url) {
  return new Promise((resolve, reject) => {
    https.get(url, { signal: AbortSignal.timeout(5000) }, resolve).on('error', reject);
  });
}`,
    },
    // a parameter that may be an options object: not judged
    `import http from 'node:http';
export function call(url, options) { return http.request(url, options); }`,
    `import http from 'node:http';
export function call(target, cb) { return http.request(target, cb); }`,
    // --- class methods: bounded inside, so their callers are fine ---
    `class Api {
  constructor(private base: string) {}
  send(path: string) { return fetch(this.base + path, { signal: AbortSignal.timeout(5000) }); }
  list() { return this.send('/items'); }
}
const api = new Api('https://api.example.com');
api.send('/me');`,
    {
      filename: 'file.js',
      code: `const axios = require('axios');
class Client {
  constructor() { this.http = axios.create({ baseURL: 'https://api.example.com', timeout: 5000 }); }
  send(path) { return this.http.get(path); }
}
module.exports = new Client();`,
    },
    // --- a method that sets a timeout only when its caller passes one: callers that pass it ---
    `export class Api {
  constructor(private base: string) {}
  send(path: string, { timeout }: { timeout?: number } = {}) {
    return fetch(this.base + path, timeout ? { signal: AbortSignal.timeout(timeout) } : {});
  }
  list() { return this.send('/items', { timeout: 2000 }); }
  each(paths: string[]) { return paths.map(function (p) { return this.send(p); }); }
}
const api = new Api('https://api.example.com');
await api.send('/me', { timeout: 5000 });
await api.send('/me', options);
let later = new Api('https://b.example.com');
await later.send('/x');`,
    // a method with a default timeout
    {
      filename: 'file.js',
      code: `class Client {
  get(url, ms = 5000) { return fetch(url, { signal: AbortSignal.timeout(ms) }); }
  list() { return this.get('/items'); }
}
new Client().get(urlA);`,
    },
  ],
  invalid: [
    // --- a typed callback parameter (TS, ESM) ---
    {
      code: `import https from 'node:https';
export function get(url: string, cb: (res: unknown) => void) {
  return https.get(url, cb);
}`,
      errors: [
        {
          messageId: 'missingTimeout',
          data: { callee: 'https.get', remedy: FETCH_REMEDY },
          line: 3,
          column: 10,
          endLine: 3,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'addSignal',
              output: `import https from 'node:https';
export function get(url: string, cb: (res: unknown) => void) {
  return https.get(url, { signal: AbortSignal.timeout(10000) }, cb);
}`,
            },
          ],
        },
      ],
    },
    // --- a parameter named like a callback (JS, CommonJS) ---
    {
      filename: 'file.js',
      code: `const https = require('https');
function download(url, callback) {
  https.get(url, callback);
}
module.exports = { download };`,
      errors: [
        {
          messageId: 'missingTimeout',
          data: { callee: 'https.get', remedy: FETCH_REMEDY },
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'addSignal',
              output: `const https = require('https');
function download(url, callback) {
  https.get(url, { signal: AbortSignal.timeout(10000) }, callback);
}
module.exports = { download };`,
            },
          ],
        },
      ],
    },
    // --- a Promise's resolve handed over as the callback ---
    {
      filename: 'file.js',
      code: `const https = require('node:https');
const fetchPage = (url) => new Promise((resolve, reject) => {
  https.get(url, resolve).on('error', reject);
});`,
      errors: [
        {
          messageId: 'missingTimeout',
          data: { callee: 'https.get', remedy: FETCH_REMEDY },
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'addSignal',
              output: `const https = require('node:https');
const fetchPage = (url) => new Promise((resolve, reject) => {
  https.get(url, { signal: AbortSignal.timeout(10000) }, resolve).on('error', reject);
});`,
            },
          ],
        },
      ],
    },
    // --- a parameter with any name that the function calls ---
    {
      code: `import { request } from 'node:http';
export function post(url, body, after) {
  const req = request(url, after);
  req.end(body);
  return () => after(null);
}`,
      errors: [
        {
          messageId: 'missingTimeout',
          data: { callee: 'request', remedy: FETCH_REMEDY },
          line: 3,
          column: 15,
          endLine: 3,
          endColumn: 34,
          suggestions: [
            {
              messageId: 'addSignal',
              output: `import { request } from 'node:http';
export function post(url, body, after) {
  const req = request(url, { signal: AbortSignal.timeout(10000) }, after);
  req.end(body);
  return () => after(null);
}`,
            },
          ],
        },
      ],
    },
    // --- options object, then a declared function as the callback ---
    {
      code: `import https from 'https';
const options = { hostname: 'api.example.com', path: '/v1/items' };
function onResponse(res) { res.resume(); }
https.request(options, onResponse).end();`,
      errors: [
        {
          messageId: 'missingTimeout',
          data: { callee: 'https.request', remedy: FETCH_REMEDY },
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 35,
          suggestions: [
            {
              messageId: 'addSignal',
              output: `import https from 'https';
const options = { hostname: 'api.example.com', path: '/v1/items', signal: AbortSignal.timeout(10000) };
function onResponse(res) { res.resume(); }
https.request(options, onResponse).end();`,
            },
          ],
        },
      ],
    },
    // --- a URL, then a bound method as the callback ---
    {
      code: `import http from 'node:http';
export class Poller {
  poll(url: string) { http.get(url, this.onResponse.bind(this)); }
  onResponse(res) { res.resume(); }
}`,
      errors: [
        {
          messageId: 'missingTimeout',
          data: { callee: 'http.get', remedy: FETCH_REMEDY },
          line: 3,
          column: 23,
          endLine: 3,
          endColumn: 64,
          suggestions: [
            {
              messageId: 'addSignal',
              output: `import http from 'node:http';
export class Poller {
  poll(url: string) { http.get(url, { signal: AbortSignal.timeout(10000) }, this.onResponse.bind(this)); }
  onResponse(res) { res.resume(); }
}`,
            },
          ],
        },
      ],
    },
    // --- a class method that wraps fetch: reported once, inside; `this.send()` and `api.send()` are not ---
    {
      code: `class Api {
  constructor(private base: string) {}
  send(path: string) { return fetch(this.base + path); }
  list() { return this.send('/items'); }
}
const api = new Api('https://api.example.com');
await api.send('/me');`,
      errors: [
        {
          messageId: 'missingTimeout',
          data: { callee: 'fetch', remedy: FETCH_REMEDY },
          line: 3,
          column: 31,
          endLine: 3,
          endColumn: 54,
          suggestions: [
            {
              messageId: 'addSignal',
              output: `class Api {
  constructor(private base: string) {}
  send(path: string) { return fetch(this.base + path, { signal: AbortSignal.timeout(10000) }); }
  list() { return this.send('/items'); }
}
const api = new Api('https://api.example.com');
await api.send('/me');`,
            },
          ],
        },
      ],
    },
    // --- a class whose method calls https.request (JS, CommonJS): once, at the request ---
    {
      filename: 'file.js',
      code: `const https = require('https');
class Gateway {
  send(path, body) {
    return new Promise((resolve, reject) => {
      const req = https.request({ host: 'pay.example.com', path, method: 'POST' }, resolve);
      req.on('error', reject);
      req.end(body);
    });
  }
  charge(amount) { return this.send('/charges', JSON.stringify({ amount })); }
}
module.exports = new Gateway();`,
      errors: [
        {
          messageId: 'missingTimeout',
          data: { callee: 'https.request', remedy: FETCH_REMEDY },
          line: 5,
          column: 19,
          endLine: 5,
          endColumn: 92,
          suggestions: [
            {
              messageId: 'addSignal',
              output: `const https = require('https');
class Gateway {
  send(path, body) {
    return new Promise((resolve, reject) => {
      const req = https.request({ host: 'pay.example.com', path, method: 'POST', signal: AbortSignal.timeout(10000) }, resolve);
      req.on('error', reject);
      req.end(body);
    });
  }
  charge(amount) { return this.send('/charges', JSON.stringify({ amount })); }
}
module.exports = new Gateway();`,
            },
          ],
        },
      ],
    },
    // --- an arrow-function class field and a static method: each request once ---
    {
      filename: 'file.js',
      code: `class Store {
  load = (id) => fetch(\`https://api.example.com/items/\${id}\`);
  static ping(url) { return fetch(url); }
}
const store = new Store();
store.load(1);
Store.ping('https://status.example.com');`,
      errors: [
        {
          messageId: 'missingTimeout',
          data: { callee: 'fetch', remedy: FETCH_REMEDY },
          line: 2,
          column: 18,
          endLine: 2,
          endColumn: 62,
          suggestions: [
            {
              messageId: 'addSignal',
              output: `class Store {
  load = (id) => fetch(\`https://api.example.com/items/\${id}\`, { signal: AbortSignal.timeout(10000) });
  static ping(url) { return fetch(url); }
}
const store = new Store();
store.load(1);
Store.ping('https://status.example.com');`,
            },
          ],
        },
        {
          messageId: 'missingTimeout',
          data: { callee: 'fetch', remedy: FETCH_REMEDY },
          line: 3,
          column: 29,
          endLine: 3,
          endColumn: 39,
          suggestions: [
            {
              messageId: 'addSignal',
              output: `class Store {
  load = (id) => fetch(\`https://api.example.com/items/\${id}\`);
  static ping(url) { return fetch(url, { signal: AbortSignal.timeout(10000) }); }
}
const store = new Store();
store.load(1);
Store.ping('https://status.example.com');`,
            },
          ],
        },
      ],
    },
    // --- a method that sets a timeout only when its caller passes one: this.send() and api.send() without one (TS) ---
    {
      code: `export class Api {
  constructor(private base: string) {}
  send(path: string, { timeout }: { timeout?: number } = {}) {
    return fetch(this.base + path, timeout ? { signal: AbortSignal.timeout(timeout) } : {});
  }
  list() { return this.send('/items'); }
}
const api = new Api('https://api.example.com');
await api.send('/me', { cache: 'no-store' });`,
      errors: [
        {
          messageId: 'missingTimeout',
          data: { callee: 'this.send', remedy: 'pass timeout (Api.send, on line 3, sets a timeout on its fetch call only when its caller passes one)' },
          line: 6,
          column: 19,
          endLine: 6,
          endColumn: 38,
          suggestions: [
            {
              messageId: 'addTimeoutOption',
              output: `export class Api {
  constructor(private base: string) {}
  send(path: string, { timeout }: { timeout?: number } = {}) {
    return fetch(this.base + path, timeout ? { signal: AbortSignal.timeout(timeout) } : {});
  }
  list() { return this.send('/items', { timeout: 10000 }); }
}
const api = new Api('https://api.example.com');
await api.send('/me', { cache: 'no-store' });`,
            },
          ],
        },
        {
          messageId: 'missingTimeout',
          data: { callee: 'api.send', remedy: 'pass timeout (Api.send, on line 3, sets a timeout on its fetch call only when its caller passes one)' },
          line: 9,
          column: 7,
          endLine: 9,
          endColumn: 45,
          suggestions: [
            {
              messageId: 'addTimeoutOption',
              output: `export class Api {
  constructor(private base: string) {}
  send(path: string, { timeout }: { timeout?: number } = {}) {
    return fetch(this.base + path, timeout ? { signal: AbortSignal.timeout(timeout) } : {});
  }
  list() { return this.send('/items'); }
}
const api = new Api('https://api.example.com');
await api.send('/me', { cache: 'no-store', timeout: 10000 });`,
            },
          ],
        },
      ],
    },
    // --- a static method taking the timeout itself, called as this.ping() without it and Status.ping() with it (JS, CommonJS) ---
    {
      filename: 'file.js',
      code: `const { fetch } = require('undici');
class Status {
  static ping(url, ms) {
    return fetch(url, { signal: ms ? AbortSignal.timeout(ms) : undefined });
  }
  static check() { return this.ping('https://status.example.com'); }
}
Status.ping('https://status.example.com', 3000);
module.exports = Status;`,
      errors: [
        {
          messageId: 'missingTimeout',
          data: { callee: 'this.ping', remedy: 'pass a timeout in ms as argument 2 (Status.ping, on line 3, sets a timeout on its fetch call only when its caller passes one)' },
          line: 6,
          column: 27,
          endLine: 6,
          endColumn: 66,
          suggestions: [
            {
              messageId: 'addTimeoutOption',
              output: `const { fetch } = require('undici');
class Status {
  static ping(url, ms) {
    return fetch(url, { signal: ms ? AbortSignal.timeout(ms) : undefined });
  }
  static check() { return this.ping('https://status.example.com', 10000); }
}
Status.ping('https://status.example.com', 3000);
module.exports = Status;`,
            },
          ],
        },
      ],
    },
    // --- a method of an object literal that sets a timeout only when its caller passes one (JS, ESM) ---
    {
      filename: 'file.js',
      code: `export const api = {
  async get(path, opts = {}) {
    const res = await fetch(BASE + path, { signal: opts.timeout ? AbortSignal.timeout(opts.timeout) : undefined });
    return res.json();
  },
  me() { return this.get('/me', { timeout: 3000 }); },
};
export const loadTeams = () => api.get('/teams');`,
      errors: [
        {
          messageId: 'missingTimeout',
          data: { callee: 'api.get', remedy: 'pass timeout (api.get, on line 2, sets a timeout on its fetch call only when its caller passes one)' },
          line: 8,
          column: 32,
          endLine: 8,
          endColumn: 49,
          suggestions: [
            {
              messageId: 'addTimeoutOption',
              output: `export const api = {
  async get(path, opts = {}) {
    const res = await fetch(BASE + path, { signal: opts.timeout ? AbortSignal.timeout(opts.timeout) : undefined });
    return res.json();
  },
  me() { return this.get('/me', { timeout: 3000 }); },
};
export const loadTeams = () => api.get('/teams', { timeout: 10000 });`,
            },
          ],
        },
      ],
    },
  ],
});

// The same shapes in plain JavaScript with ESLint's default parser (CommonJS).
const espreeTester = new RuleTester({ languageOptions: { parser: espree, ecmaVersion: 'latest', sourceType: 'commonjs' } });

espreeTester.run('fetch-requires-timeout (callbacks and class wrappers, espree)', rule, {
  valid: [
    `const https = require('https');
function download(url, callback) { https.get(url, { timeout: 5000 }, callback); }`,
    `class Api {
  send(path, { timeout } = {}) { return fetch(path, timeout ? { signal: AbortSignal.timeout(timeout) } : {}); }
  list() { return this.send('/items', { timeout: 1000 }); }
}`,
  ],
  invalid: [
    {
      code: `const https = require('https');
function download(url, callback) { https.get(url, callback); }`,
      errors: [
        {
          messageId: 'missingTimeout',
          data: { callee: 'https.get', remedy: FETCH_REMEDY },
          line: 2,
          column: 36,
          endLine: 2,
          endColumn: 60,
          suggestions: [
            {
              messageId: 'addSignal',
              output: `const https = require('https');
function download(url, callback) { https.get(url, { signal: AbortSignal.timeout(10000) }, callback); }`,
            },
          ],
        },
      ],
    },
    {
      code: `class Api {
  send(path, { timeout } = {}) { return fetch(path, timeout ? { signal: AbortSignal.timeout(timeout) } : {}); }
  list() { return this.send(itemsUrl); }
}`,
      errors: [
        {
          messageId: 'missingTimeout',
          data: { callee: 'this.send', remedy: 'pass timeout (Api.send, on line 2, sets a timeout on its fetch call only when its caller passes one)' },
          line: 3,
          column: 19,
          endLine: 3,
          endColumn: 38,
          suggestions: [
            {
              messageId: 'addTimeoutOption',
              output: `class Api {
  send(path, { timeout } = {}) { return fetch(path, timeout ? { signal: AbortSignal.timeout(timeout) } : {}); }
  list() { return this.send(itemsUrl, { timeout: 10000 }); }
}`,
            },
          ],
        },
      ],
    },
  ],
});
