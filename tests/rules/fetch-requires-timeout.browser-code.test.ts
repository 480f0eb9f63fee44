import fs, { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { afterAll, describe, expect, it, vi } from 'vitest';

import rule from '../../src/rules/fetch-requires-timeout';
import { clearProjectCaches } from '../../src/project/index';
import { createRuleTester } from '../rule-tester';

/*
 * ignoreBrowserCode beyond 'use client': React client hooks, unguarded browser globals and the
 * components folders of Next.js apps are skipped; server-only files never are. The folder cases
 * lint files of a temporary Next.js app (a `next` dependency) and a plain Express app.
 */
const root = mkdtempSync(path.join(tmpdir(), 'agent-guard-fetch-browser-'));
const write = (file: string, text = ''): string => {
  const full = path.join(root, file);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, text);
  return full;
};
write('web/package.json', JSON.stringify({ dependencies: { next: '15.0.0', react: '19.0.0' } }));
write('api/package.json', JSON.stringify({ dependencies: { express: '5.0.0' } }));
const nextComponent = path.join(root, 'web/components/UserCard.tsx');
const nextUi = path.join(root, 'web/src/ui/Avatar.tsx');
const nextRoute = path.join(root, 'web/app/api/user/route.ts');
const nextLib = path.join(root, 'web/lib/api.ts');
const expressComponent = path.join(root, 'api/components/users.ts');
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  clearProjectCaches();
});

const ruleTester = createRuleTester();
const ignore = [{ ignoreBrowserCode: true }] as [{ ignoreBrowserCode: boolean }];
const REMEDY = 'pass signal: AbortSignal.timeout(ms)';
const SIGNAL = ', { signal: AbortSignal.timeout(10000) }';

/** The code with the suggestion applied to `call` (a `fetch(url)` written once in the code). */
function withSignal(code: string, call: string): string {
  return code.replace(call, `${call.slice(0, -1)}${SIGNAL})`);
}

const HOOKS = `import { useEffect, useState } from 'react';
export function Profile() {
  const [user, setUser] = useState(null);
  useEffect(() => {
    fetch('https://app.example.com/api/user').then((res) => res.json()).then(setUser);
  }, []);
  return user;
}`;
const ROUTE_WITH_WINDOW = `export async function GET() {
  const script = "<script>window.__USER__ = null</script>";
  const res = await fetch('https://api.example.com/user');
  return new Response(script + (await res.text()));
}`;
const GUARDED_UTIL = `export function apiBase() {
  if (typeof window !== 'undefined') {
    return window.location.origin;
  }
  return process.env.API_URL;
}
export const getUser = () => fetch(apiBase() + '/user');`;
const LOOKALIKE_HOOK = `import { useState } from './store';
export function Profile() {
  useState('user');
  return fetch('https://app.example.com/api/user');
}`;
const SERVER_COMPONENT = `import 'server-only';
export async function UserCard() {
  const res = await fetch('https://api.example.com/user');
  return res.json();
}`;
const REMIX_ROUTE = `import { useEffect } from 'react';
export async function loader() {
  return fetch('https://api.example.com/user');
}
export default function Page() {
  useEffect(() => {}, []);
}`;

ruleTester.run('fetch-requires-timeout (browser code)', rule, {
  valid: [
    // React client hooks at a component's or a custom hook's top level.
    { code: HOOKS, options: ignore },
    {
      code: `import React from 'react';
export const Profile = React.memo(function Profile() {
  React.useEffect(() => { fetch('https://app.example.com/api/user'); }, []);
});`,
      options: ignore,
    },
    {
      code: `import { useQuery } from '@tanstack/react-query';
export function useUser() {
  return useQuery({ queryKey: ['user'], queryFn: () => fetch('https://app.example.com/api/user').then((res) => res.json()) });
}`,
      options: ignore,
    },
    {
      code: `import useSWR from 'swr';
import axios from 'axios';
const fetcher = (url) => axios.get(url).then((res) => res.data);
export default function Profile() { return useSWR('/api/user', fetcher).data; }`,
      options: ignore,
    },
    // Browser globals read outside a typeof guard.
    { code: "export function save(value) {\n  localStorage.setItem('draft', value);\n  return fetch('https://app.example.com/api/drafts', { method: 'POST', body: value });\n}", options: ignore },
    { code: "window.addEventListener('online', () => fetch('https://app.example.com/api/sync'));", options: ignore },
    // Components folders of a Next.js app.
    { filename: nextComponent, code: "export const loadCard = () => fetch('https://app.example.com/api/card');", options: ignore },
    { filename: nextUi, code: "export const loadAvatar = () => fetch('https://app.example.com/api/avatar');", options: ignore },
    // A wrapper of the file called from a client component: the call is not reported either.
    {
      code: `import { useEffect } from 'react';
async function get(url, { timeout } = {}) {
  return fetch(url, timeout ? { signal: AbortSignal.timeout(timeout) } : {});
}
export function Profile() {
  useEffect(() => { get('/api/user'); }, []);
}`,
      options: ignore,
    },
    // 'use client', as before.
    { code: "'use client';\nexport const load = () => fetch('https://app.example.com/api/user');", options: ignore },
  ],
  invalid: [
    // With the option off, browser code is reported.
    {
      code: HOOKS,
      options: [{ ignoreBrowserCode: false }],
      errors: [
        {
          messageId: 'missingTimeout',
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 46,
          data: { callee: 'fetch', remedy: REMEDY },
          suggestions: [{ messageId: 'addSignal', data: { ms: '10000' }, output: withSignal(HOOKS, "fetch('https://app.example.com/api/user')") }],
        },
      ],
    },
    // A server component in components/ that imports server-only.
    {
      filename: nextComponent,
      code: SERVER_COMPONENT,
      options: ignore,
      errors: [
        {
          messageId: 'missingTimeout',
          line: 3,
          column: 21,
          endLine: 3,
          endColumn: 58,
          suggestions: [{ messageId: 'addSignal', output: withSignal(SERVER_COMPONENT, "fetch('https://api.example.com/user')") }],
        },
      ],
    },
    // An async component is a Server Component, even in components/.
    {
      filename: nextComponent,
      code: "export default async function UserCard() {\n  return (await fetch('https://api.example.com/user')).json();\n}",
      options: ignore,
      errors: [
        {
          messageId: 'missingTimeout',
          line: 2,
          column: 17,
          endLine: 2,
          endColumn: 54,
          suggestions: [
            {
              messageId: 'addSignal',
              output: `export default async function UserCard() {\n  return (await fetch('https://api.example.com/user'${SIGNAL})).json();\n}`,
            },
          ],
        },
      ],
    },
    // A route handler that mentions window in a string (and sits in a route.ts).
    {
      filename: nextRoute,
      code: ROUTE_WITH_WINDOW,
      options: ignore,
      errors: [
        {
          messageId: 'missingTimeout',
          line: 3,
          column: 21,
          endLine: 3,
          endColumn: 58,
          suggestions: [{ messageId: 'addSignal', output: withSignal(ROUTE_WITH_WINDOW, "fetch('https://api.example.com/user')") }],
        },
      ],
    },
    // A shared util whose window reads are guarded stays server code, in a Next.js app too.
    {
      filename: nextLib,
      code: GUARDED_UTIL,
      options: ignore,
      errors: [
        {
          messageId: 'missingTimeout',
          line: 7,
          column: 30,
          endLine: 7,
          endColumn: 56,
          suggestions: [{ messageId: 'addSignal', output: withSignal(GUARDED_UTIL, "fetch(apiBase() + '/user')") }],
        },
      ],
    },
    // A function named useState that is not React's.
    {
      code: LOOKALIKE_HOOK,
      options: ignore,
      errors: [
        {
          messageId: 'missingTimeout',
          line: 4,
          column: 10,
          endLine: 4,
          endColumn: 51,
          suggestions: [{ messageId: 'addSignal', output: withSignal(LOOKALIKE_HOOK, "fetch('https://app.example.com/api/user')") }],
        },
      ],
    },
    // A route module with a Remix loader: server-only, whatever its component calls.
    {
      code: REMIX_ROUTE,
      options: ignore,
      errors: [
        {
          messageId: 'missingTimeout',
          line: 3,
          column: 10,
          endLine: 3,
          endColumn: 47,
          suggestions: [{ messageId: 'addSignal', output: withSignal(REMIX_ROUTE, "fetch('https://api.example.com/user')") }],
        },
      ],
    },
    // components/ of an app without Next.js.
    {
      filename: expressComponent,
      code: "import axios from 'axios';\nexport const listUsers = () => axios.get('https://api.example.com/users');",
      options: ignore,
      errors: [
        {
          messageId: 'missingTimeout',
          line: 2,
          column: 32,
          endLine: 2,
          endColumn: 74,
          data: { callee: 'axios.get', remedy: 'set timeout: ms' },
          suggestions: [
            {
              messageId: 'addTimeoutOption',
              output: "import axios from 'axios';\nexport const listUsers = () => axios.get('https://api.example.com/users', { timeout: 10000 });",
            },
          ],
        },
      ],
    },
    // A file that is not in a components folder of the Next.js app, with no browser signal.
    {
      filename: nextLib,
      code: "export const getUser = () => fetch('https://api.example.com/user');",
      options: ignore,
      errors: [
        {
          messageId: 'missingTimeout',
          line: 1,
          column: 30,
          endLine: 1,
          endColumn: 67,
          suggestions: [{ messageId: 'addSignal', output: `export const getUser = () => fetch('https://api.example.com/user'${SIGNAL});` }],
        },
      ],
    },
    // A wrapper call of the file, in a server-only file: reported at the call.
    {
      code: `'use server';
async function get(url, { timeout } = {}) {
  return fetch(url, timeout ? { signal: AbortSignal.timeout(timeout) } : {});
}
export const load = () => get(document.title);`,
      options: ignore,
      errors: [
        {
          messageId: 'missingTimeout',
          line: 5,
          column: 27,
          endLine: 5,
          endColumn: 46,
          suggestions: [
            {
              messageId: 'addTimeoutOption',
              output: `'use server';
async function get(url, { timeout } = {}) {
  return fetch(url, timeout ? { signal: AbortSignal.timeout(timeout) } : {});
}
export const load = () => get(document.title, { timeout: 10000 });`,
            },
          ],
        },
      ],
    },
  ],
});

/*
 * On by default: a fetch of a relative URL is browser code wherever it is (Node's fetch, undici and
 * node-fetch throw on one), and so is a file of a React Native or Expo app.
 */
const PAGES_FILE = `import { prisma } from './db';
export async function getServerSideProps() {
  return { props: { count: await prisma.user.count() } };
}
export default function Register() {
  const submit = (form) => fetch('/api/v1/users', { method: 'POST', body: JSON.stringify(form) });
  return submit;
}`;

ruleTester.run('fetch-requires-timeout (relative URLs and client apps, default options)', rule, {
  valid: [
    // A page module that is server-only (getServerSideProps) still cannot fetch a relative URL on the server.
    PAGES_FILE,
    'export const load = (id) => fetch(`/api/items/${id}`).then((res) => res.json());',
    "export const load = (id) => fetch('/api/items/' + id);",
    "const API = '/api/v1';\nexport const load = (id) => fetch(API + '/items/' + id);",
    "export const page = (n) => fetch('?page=' + n);",
    "export const data = () => fetch('./data.json');",
    // Both branches of a choice relative: what they start with is.
    "export const create = (from) => {\n  const url = from ? `/api/surveys?from=${from}` : '/api/surveys';\n  return fetch(url, { method: 'POST' });\n};",
    "import fetch from 'node-fetch';\nexport const data = () => fetch('../data.json');",
    // React Native and Expo apps run on a device.
    "import { Alert } from 'react-native';\nexport const load = () => fetch('https://api.example.com/user');",
    "import * as SecureStore from 'expo-secure-store';\nexport const load = async () => fetch(await SecureStore.getItemAsync('instance'));",
    "import { GoogleSignin } from '@react-native-google-signin/google-signin';\nexport const load = () => fetch('https://api.example.com/user');",
    // An instance of an isomorphic client over a relative base URL is a client of the page's own API, and so are its calls.
    "import axios from 'axios';\nconst api = axios.create({ baseURL: '/api' });\nexport const load = (id) => api.get(`/items/${id}`);",
    "import axios from 'axios';\nconst API = '/api/v1';\nexport const api = axios.create({ baseURL: API, withCredentials: true });",
    "import ky from 'ky';\nexport const api = ky.create({ prefixUrl: '/api', timeout: false });",
    "import { ofetch } from 'ofetch';\nexport const api = ofetch.create({ baseURL: `/api/${'v2'}` });",
  ],
  invalid: [
    // A protocol-relative URL names a host.
    {
      code: "export const load = () => fetch('//cdn.example.com/user.json');",
      errors: [
        {
          messageId: 'missingTimeout',
          line: 1,
          column: 27,
          endLine: 1,
          endColumn: 63,
          suggestions: [{ messageId: 'addSignal', output: "export const load = () => fetch('//cdn.example.com/user.json', { signal: AbortSignal.timeout(10000) });" }],
        },
      ],
    },
    // A URL whose start is not known: a server may build it.
    {
      code: 'export const load = (base) => fetch(`${base}/api/user`);',
      errors: [
        {
          messageId: 'missingTimeout',
          line: 1,
          column: 31,
          endLine: 1,
          endColumn: 56,
          suggestions: [{ messageId: 'addSignal', output: 'export const load = (base) => fetch(`${base}/api/user`, { signal: AbortSignal.timeout(10000) });' }],
        },
      ],
    },
    // One branch of the choice names a host: the URL may be absolute.
    {
      code: "export const load = (local) => fetch(local ? '/api/user' : 'https://api.example.com/user');",
      errors: [
        {
          messageId: 'missingTimeout',
          line: 1,
          column: 32,
          endLine: 1,
          endColumn: 91,
          suggestions: [{ messageId: 'addSignal', output: "export const load = (local) => fetch(local ? '/api/user' : 'https://api.example.com/user', { signal: AbortSignal.timeout(10000) });" }],
        },
      ],
    },
    // Only fetch is judged by its URL: axios resolves a relative URL against a baseURL on a server too.
    {
      code: "import axios from 'axios';\nexport const load = () => axios.get('/api/user');",
      errors: [
        {
          messageId: 'missingTimeout',
          line: 2,
          column: 27,
          endLine: 2,
          endColumn: 49,
          suggestions: [{ messageId: 'addTimeoutOption', output: "import axios from 'axios';\nexport const load = () => axios.get('/api/user', { timeout: 10000 });" }],
        },
      ],
    },
    // An instance over an absolute or unknown base URL, or with no base, is judged as before.
    {
      code: "import axios from 'axios';\nexport const api = axios.create({ baseURL: process.env.API_URL });\nexport const cdn = axios.create({ baseURL: '//cdn.example.com' });",
      errors: [
        {
          messageId: 'missingTimeout',
          line: 2,
          column: 20,
          endLine: 2,
          endColumn: 66,
          suggestions: [{ messageId: 'addTimeoutOption', output: "import axios from 'axios';\nexport const api = axios.create({ baseURL: process.env.API_URL, timeout: 10000 });\nexport const cdn = axios.create({ baseURL: '//cdn.example.com' });" }],
        },
        {
          messageId: 'missingTimeout',
          line: 3,
          column: 20,
          endLine: 3,
          endColumn: 66,
          suggestions: [{ messageId: 'addTimeoutOption', output: "import axios from 'axios';\nexport const api = axios.create({ baseURL: process.env.API_URL });\nexport const cdn = axios.create({ baseURL: '//cdn.example.com', timeout: 10000 });" }],
        },
      ],
    },
    // A Node-only client refuses a relative base URL: an instance of it is not browser code.
    {
      code: "import got from 'got';\nexport const api = got.extend({ prefixUrl: '/api' });",
      errors: [
        {
          messageId: 'missingTimeout',
          line: 2,
          column: 20,
          endLine: 2,
          endColumn: 53,
          suggestions: [{ messageId: 'addTimeoutOption', output: "import got from 'got';\nexport const api = got.extend({ prefixUrl: '/api', timeout: { request: 10000 } });" }],
        },
      ],
    },
    // With the option off, a relative URL is reported.
    {
      code: "export const load = () => fetch('/api/user');",
      options: [{ ignoreBrowserCode: false }],
      errors: [
        {
          messageId: 'missingTimeout',
          line: 1,
          column: 27,
          endLine: 1,
          endColumn: 45,
          suggestions: [{ messageId: 'addSignal', output: "export const load = () => fetch('/api/user', { signal: AbortSignal.timeout(10000) });" }],
        },
      ],
    },
    // A fetch-like wrapper of the project may put a base URL in front of a relative path.
    {
      code: "export const load = () => apiFetch('/api/user');",
      options: [{ wrappers: ['apiFetch'] }],
      errors: [
        {
          messageId: 'missingTimeout',
          line: 1,
          column: 27,
          endLine: 1,
          endColumn: 48,
          suggestions: [{ messageId: 'addSignal', output: "export const load = () => apiFetch('/api/user', { signal: AbortSignal.timeout(10000) });" }],
        },
      ],
    },
    // Server-only beats a client-app import.
    {
      code: "import fs from 'node:fs';\nimport { Platform } from 'react-native';\nexport const load = () => fetch('https://api.example.com/user');",
      errors: [
        {
          messageId: 'missingTimeout',
          line: 3,
          column: 27,
          endLine: 3,
          endColumn: 64,
          suggestions: [{ messageId: 'addSignal', output: "import fs from 'node:fs';\nimport { Platform } from 'react-native';\nexport const load = () => fetch('https://api.example.com/user', { signal: AbortSignal.timeout(10000) });" }],
        },
      ],
    },
  ],
});

describe('fetch-requires-timeout: the browser-code judgement is lazy', () => {
  /** Lints `code` as `file` of the temporary tree; answers the folders the judgement looked at on disk. */
  function diskLooks(file: string, code: string, ignoreBrowserCode: boolean): { looks: string[]; reports: number } {
    const filename = path.join(root, file);
    const spy = vi.spyOn(fs, 'statSync');
    try {
      const linter = new Linter({ configType: 'flat', cwd: path.parse(root).root });
      const messages = linter.verify(
        code,
        [
          {
            files: ['**/*.ts', '**/*.tsx'],
            plugins: { probe: { rules: { 'fetch-requires-timeout': rule } } } as never,
            languageOptions: { parser: tsParser as never },
            rules: { 'probe/fetch-requires-timeout': ['error', { ignoreBrowserCode }] },
          },
        ],
        filename,
      );
      const folder = path.dirname(path.dirname(filename));
      return {
        looks: spy.mock.calls.map(([looked]) => String(looked)).filter((looked) => looked.startsWith(folder)),
        reports: messages.filter((message) => message.ruleId === 'probe/fetch-requires-timeout').length,
      };
    } finally {
      spy.mockRestore();
    }
  }

  it('reads nothing for a file without a finding, or with the option off', () => {
    expect(diskLooks('lazy-a/components/Card.tsx', 'export const x = 1;', true)).toEqual({ looks: [], reports: 0 });
    expect(diskLooks('lazy-b/components/Card.tsx', "export const load = () => fetch('https://app.example.com/api/card');", false)).toEqual({ looks: [], reports: 1 });
  });

  it('judges a file with a finding once, however many findings it has', () => {
    const code = "export const load = () => fetch('https://app.example.com/api/card');\nexport const save = () => fetch('https://app.example.com/api/card', { method: 'POST' });";
    const { looks, reports } = diskLooks('lazy-c/components/Card.tsx', code, true);
    expect(reports).toBe(2);
    expect(looks.toSorted()).toEqual([path.join(root, 'lazy-c/app'), path.join(root, 'lazy-c/pages')]);
  });
});

/*
 * A module with no signal of its own is judged by the project files that import it: skipped when
 * every one is browser code, checked when a server file imports it too.
 */
write('shop/package.json', JSON.stringify({ dependencies: { react: '19.0.0' } }));
write('shop/package-lock.json', '{}');
const CART = `export const addToCart = (id: string) => fetch(\`https://api.example.com/cart/\${id}\`, { method: 'POST' });`;
const STOCK = `export const stock = () => fetch('https://api.example.com/stock');`;
const cartModule = write('shop/lib/cart.ts', CART);
const stockModule = write('shop/lib/stock.ts', STOCK);
write('shop/src/cart-button.tsx', "'use client';\nimport { addToCart } from '../lib/cart';\nexport const CartButton = () => <button onClick={() => addToCart('1')} />;");
write('shop/src/stock-badge.tsx', "'use client';\nimport { stock } from '../lib/stock';\nexport const StockBadge = () => <span onClick={stock} />;");
write('shop/server/inventory.ts', "import { stock } from '../lib/stock';\nexport const inventory = () => stock();");

ruleTester.run('fetch-requires-timeout (modules only browser code imports)', rule, {
  valid: [
    // Imported only by a 'use client' component.
    { filename: cartModule, code: CART },
  ],
  invalid: [
    // Imported by a client component and by a server module; and any module with the option off.
    {
      filename: stockModule,
      code: STOCK,
      errors: [
        {
          messageId: 'missingTimeout',
          line: 1,
          column: 28,
          endLine: 1,
          endColumn: 66,
          suggestions: [{ messageId: 'addSignal', output: withSignal(STOCK, "fetch('https://api.example.com/stock')") }],
        },
      ],
    },
    {
      filename: cartModule,
      code: CART,
      options: [{ ignoreBrowserCode: false }],
      errors: [
        {
          messageId: 'missingTimeout',
          line: 1,
          column: 42,
          endLine: 1,
          endColumn: 105,
          suggestions: [{ messageId: 'addSignal', output: CART.replace("{ method: 'POST' }", "{ method: 'POST', signal: AbortSignal.timeout(10000) }") }],
        },
      ],
    },
  ],
});
