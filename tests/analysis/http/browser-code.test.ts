import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import tsParser from '@typescript-eslint/parser';
import { ESLintUtils } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import globals from 'globals';
import { afterAll, describe, expect, it } from 'vitest';

import { judgeBrowserCode, nextComponentFolder } from '../../../src/analysis/http/index';
import { clearProjectCaches } from '../../../src/project/index';

/*
 * judgeBrowserCode through a probe rule that reports the verdict of the whole file:
 * `browser reason detail`. Folders are judged on a temporary tree of three small apps.
 */
const probe = ESLintUtils.RuleCreator.withoutDocs<[], 'verdict'>({
  meta: { type: 'problem', messages: { verdict: '{{browser}} {{reason}} {{detail}}' }, schema: [] },
  defaultOptions: [],
  create(context) {
    return {
      'Program:exit'(node) {
        const verdict = judgeBrowserCode(context);
        context.report({ node, messageId: 'verdict', data: { browser: String(verdict.browser), reason: verdict.reason, detail: verdict.detail } });
      },
    };
  },
});

const root = mkdtempSync(path.join(tmpdir(), 'agent-guard-browser-'));
const write = (file: string, text = ''): string => {
  const full = path.join(root, file);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, text);
  return full;
};
write('next-app/package.json', JSON.stringify({ dependencies: { next: '15.0.0', react: '19.0.0' } }));
write('next-app/src/app/page.tsx');
write('routed/package.json', JSON.stringify({ dependencies: { react: '19.0.0' } }));
write('routed/pages/index.tsx');
write('plain/package.json', JSON.stringify({ dependencies: { express: '5.0.0' } }));
write('plain/src/components/table.ts');
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  clearProjectCaches();
});

function verdict(code: string, filename = 'file.tsx', browserGlobals = false): string {
  const linter = new Linter({ configType: 'flat', cwd: path.parse(root).root });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts', '**/*.tsx'],
        plugins: { probe: { rules: { verdict: probe } } } as never,
        languageOptions: {
          parser: tsParser as never,
          parserOptions: { ecmaFeatures: { jsx: true } },
          globals: browserGlobals ? globals.browser : {},
        },
        rules: { 'probe/verdict': 'error' },
      },
    ],
    filename.startsWith('/') ? filename : path.join(root, 'loose', filename),
  );
  expect(messages.every((message) => !message.fatal)).toBe(true);
  return messages.map((message) => message.message).join('\n');
}

describe('judgeBrowserCode: directives and server-only markers', () => {
  it("'use client' first, as before", () => {
    expect(verdict("'use client';\nimport 'server-only';")).toBe("true use-client 'use client'");
  });
  it("'use server', server-only modules and node: built-ins", () => {
    expect(verdict("'use server';\nexport const x = () => window.x;")).toBe("false server-only 'use server'");
    expect(verdict("import 'server-only';\nimport { useState } from 'react';\nexport function A() { useState(); }")).toBe(
      "false server-only import 'server-only'",
    );
    expect(verdict("import { cookies } from 'next/headers';\nexport const x = () => document.cookie;")).toBe("false server-only import 'next/headers'");
    expect(verdict("import fs from 'node:fs';\nexport const x = () => window.x;")).toBe("false server-only import 'node:fs'");
  });
  it('server-only paths', () => {
    for (const file of ['app/api/user/route.ts', 'src/middleware.ts', 'pages/api/user.ts', 'app/db.server.ts', 'app/.server/db.ts', 'src/routes/+server.ts', 'src/routes/+page.server.ts', 'src/hooks.server.ts']) {
      expect(verdict('export const x = () => window.x;', `/repo/${file}`)).toMatch(/^false server-only path /u);
    }
    expect(verdict('export const x = () => window.x;', '/repo/app/router.ts')).toBe('true browser-global window');
  });
  it('server-only exports: Remix loader/action, pages router data, route methods, async components', () => {
    const hooks = "import { useEffect } from 'react';\nexport default function Page() { useEffect(() => {}); }\n";
    expect(verdict(`${hooks}export async function loader() { return null; }`)).toBe('false server-only export loader');
    expect(verdict(`${hooks}export const action = async () => null;`)).toBe('false server-only export action');
    expect(verdict(`${hooks}export async function getServerSideProps() { return { props: {} }; }`)).toBe('false server-only export getServerSideProps');
    expect(verdict('export async function GET() { return window.x; }')).toBe('false server-only export GET');
    expect(verdict('export default async function Users() { return null; }')).toBe('false server-only async component default');
    expect(verdict('export async function UserList() { return null; }')).toBe('false server-only async component UserList');
    expect(verdict('export const UserList = async () => null;')).toBe('false server-only async component UserList');
    expect(verdict('const Users = async function () { return null; };\nexport { Users as UserList };')).toBe('false server-only async component UserList');
    expect(verdict('async function handler() { return window.x; }\nexport { handler as GET };')).toBe('false server-only export GET');
    expect(verdict("export { loader } from './user.server';\nexport const x = () => window.x;")).toBe('false server-only export loader');
    // A route method made by a wrapper is still the export of that name.
    expect(verdict('export const GET = withAuth(handler);')).toBe('false server-only export GET');
    // An async helper is not a component.
    expect(verdict('export default async function load() { return window.x; }')).toBe('true browser-global window');
  });
});

describe('judgeBrowserCode: client hooks', () => {
  it('hooks of React and client libraries, at the top level of components and custom hooks', () => {
    expect(verdict("import { useState } from 'react';\nexport function Counter() { const [n] = useState(0); return n; }")).toBe('true client-hook useState');
    expect(verdict("import React from 'react';\nexport const Counter = () => { React.useEffect(() => {}); };")).toBe('true client-hook useEffect');
    expect(verdict("import * as R from 'react';\nexport default () => { R.useRef(null); };")).toBe('true client-hook useRef');
    expect(verdict("import { useQuery } from '@tanstack/react-query';\nexport function useUser() { return useQuery({ queryKey: ['u'] }); }")).toBe(
      'true client-hook useQuery',
    );
    expect(verdict("import useSWR from 'swr';\nexport function Profile() { useSWR('/api/user'); }")).toBe('true client-hook swr default');
    expect(verdict("import { memo, useState } from 'react';\nexport const Row = memo(function (props) { useState(); });")).toBe('true client-hook useState');
    expect(verdict("import { forwardRef, useState } from 'react';\nexport const Input = React.forwardRef((props, ref) => { useState(); });")).toBe(
      'true client-hook useState',
    );
    expect(verdict("const { useState } = require('react');\nfunction Counter() { useState(); }")).toBe('true client-hook useState');
  });
  it('not client hooks: other modules, local functions, Server Component hooks, nested calls, plain functions', () => {
    expect(verdict("import { useState } from './state';\nexport function Counter() { useState(); }")).toBe('false no-browser-signal ');
    expect(verdict('function useState() {}\nexport function Counter() { useState(); }')).toBe('false no-browser-signal ');
    expect(verdict("import { useMemo, useId, use } from 'react';\nexport function List() { useMemo(() => 1, []); useId(); }")).toBe('false no-browser-signal ');
    expect(verdict("import { useState } from 'react';\nexport function List(items) { return items.map(() => useState()); }")).toBe('false no-browser-signal ');
    expect(verdict("import { useState } from 'react';\nexport function load() { useState(); }")).toBe('false no-browser-signal ');
    expect(verdict("import { useCallback, useState } from 'react';\nconst Handler = useCallback(() => { useState(); });")).toBe('false no-browser-signal ');
  });
});

describe('judgeBrowserCode: browser globals', () => {
  it('unguarded reads, declared as globals or not', () => {
    expect(verdict('export const save = () => localStorage.setItem("a", "1");')).toBe('true browser-global localStorage');
    expect(verdict('window.addEventListener("load", () => {});', 'file.tsx', true)).toBe('true browser-global window');
    expect(verdict('export const ua = () => navigator.userAgent;')).toBe('true browser-global navigator');
  });
  it('typeof guards: branches, early exits, && and ||, a const flag, negation', () => {
    const guarded = [
      "export function base() { if (typeof window !== 'undefined') { return window.location.origin; } return ''; }",
      "export function base() { if (typeof window === 'undefined') return ''; return window.location.origin; }",
      "export const base = () => (typeof window === 'undefined' ? '' : window.location.origin);",
      "export const base = () => typeof window !== 'undefined' && window.location.origin;",
      "export const base = () => typeof document === 'undefined' || document.title;",
      "const isBrowser = typeof window !== 'undefined';\nexport const base = () => (isBrowser ? window.location.origin : '');",
      "const isServer = typeof window === 'undefined';\nexport function base() { if (isServer) { return ''; } return window.location.origin; }",
      "export function base() { if (!(typeof window === 'object')) return ''; return window.location.origin; }",
      "export function base() { if ('undefined' != typeof window && ready) { return window.location.origin; } }",
      'export type W = typeof window;\nexport let w: typeof window;',
      "const isBrowser = () => typeof window !== 'undefined';\nexport const base = () => (isBrowser() ? window.location.origin : '');",
      "function isServer() { return typeof document === 'undefined'; }\nexport function base() { if (isServer()) return ''; return document.title; }",
      "import { isBrowser } from '@/lib/env';\nexport const base = () => (isBrowser ? window.location.origin : '');",
      "import { IS_SERVER } from './env';\nexport function base() { if (IS_SERVER) throw new Error('client only'); return window.location.origin; }",
      "import env from './env';\nexport const base = () => env.canUseDOM && window.location.origin;",
      "import { isClient } from './env';\nexport const base = () => isClient() && window.location.origin;",
      "export const base = () => (process.browser ? window.location.origin : '');",
    ];
    for (const code of guarded) {
      expect(verdict(code, 'file.tsx', true), code).toBe('false no-browser-signal ');
    }
  });
  it('a guard on the wrong side, or on another condition, does not hide the read', () => {
    expect(verdict("export function f() { if (typeof window === 'undefined') { return window.x; } }")).toBe('true browser-global window');
    expect(verdict("export function f() { if (typeof window !== 'undefined' || ready) { return window.x; } }")).toBe('true browser-global window');
    expect(verdict("export function f() { if (typeof process !== 'undefined') { return window.x; } }")).toBe('true browser-global window');
    expect(verdict("import { isServer } from './env';\nexport const f = () => (isServer ? window.x : null);")).toBe('true browser-global window');
    expect(verdict("const isBrowser = () => { log(); return typeof window !== 'undefined'; };\nexport const f = () => isBrowser() && window.x;")).toBe(
      'true browser-global window',
    );
    expect(verdict("export const f = () => server.browser && window.x;")).toBe('true browser-global window');
  });
  it('globals read inside a function a headless page runs are the page\'s, not the file\'s', () => {
    expect(verdict("import type { Page } from 'playwright';\nexport const title = (page: Page) => page.evaluate(() => document.title);")).toBe('false no-browser-signal ');
    expect(verdict("export const text = (page) => page.$eval('h1', (el) => el.textContent + window.name);")).toBe('false no-browser-signal ');
    expect(verdict('export const wait = (page) => page.waitForFunction(function () { return window.ready; });')).toBe('false no-browser-signal ');
    expect(verdict('export const f = (page) => page.evaluate(() => 1) && window.name;')).toBe('true browser-global window');
    expect(verdict('export const f = (math) => math.evaluate((x) => x) + document.title;')).toBe('true browser-global document');
  });
  it('local names are not browser globals; strings are not reads', () => {
    expect(verdict('export function save(document) { return document.title; }')).toBe('false no-browser-signal ');
    expect(verdict('const location = "/x";\nexport const url = location;')).toBe('false no-browser-signal ');
    expect(verdict('export const html = "<script>window.x = document.title</script>";')).toBe('false no-browser-signal ');
  });
});

describe('judgeBrowserCode: components folders of Next.js apps', () => {
  it('a next dependency in the nearest package.json, or app/ or pages/ beside the folder', () => {
    expect(verdict('export const x = 1;', path.join(root, 'next-app/src/components/Button.tsx'))).toBe('true next-component-folder components/');
    expect(verdict('export const x = 1;', path.join(root, 'next-app/src/components/ui/Button.tsx'))).toBe('true next-component-folder components/');
    expect(verdict('export const x = 1;', path.join(root, 'routed/components/Button.tsx'))).toBe('true next-component-folder components/');
    expect(verdict('export const x = 1;', path.join(root, 'routed/src/ui/Button.tsx'))).toBe('false no-browser-signal ');
  });
  it('not elsewhere, nor in another kind of app, nor when server-only', () => {
    expect(verdict('export const x = 1;', path.join(root, 'next-app/src/lib/api.ts'))).toBe('false no-browser-signal ');
    expect(verdict('export const x = 1;', path.join(root, 'plain/src/components/table.ts'))).toBe('false no-browser-signal ');
    expect(verdict("import 'server-only';\nexport const x = 1;", path.join(root, 'next-app/src/components/Users.tsx'))).toBe(
      "false server-only import 'server-only'",
    );
    expect(verdict('export const x = 1;', 'components/Button.tsx')).toBe('false no-browser-signal ');
    expect(nextComponentFolder('relative/components/Button.tsx')).toBeNull();
    expect(nextComponentFolder(path.join(root, 'next-app/Button.tsx'))).toBeNull();
  });
});

describe('judgeBrowserCode: importers in the project', () => {
  // A project root (package.json and a lockfile) whose modules say nothing of where they run.
  write('shop/package.json', JSON.stringify({ dependencies: { react: '19.0.0' } }));
  write('shop/package-lock.json', '{}');
  const file = (name: string, text: string): string => write(`shop/${name}`, text);
  const judged = (name: string): string => verdict(readFileSync(path.join(root, 'shop', name), 'utf8'), path.join(root, 'shop', name));
  file('lib/cart.ts', 'export const addToCart = (id: string) => fetch(`https://api.example.test/cart/${id}`);');
  file('src/cart-button.tsx', "'use client';\nimport { addToCart } from '../lib/cart';\nexport const CartButton = () => <button onClick={() => addToCart('1')} />;");
  file('lib/price.ts', 'export const price = (id: string) => fetch(`https://api.example.test/price/${id}`);');
  file('src/pricing.ts', "import { price } from '../lib/price';\nexport const prices = (ids: string[]) => Promise.all(ids.map(price));");
  file('src/price-tag.tsx', "'use client';\nimport { prices } from './pricing';\nexport const PriceTag = () => <span onClick={() => prices(['1'])} />;");
  file('lib/tax.ts', 'export const tax = () => fetch("https://api.example.test/tax");');
  file('src/tax-a.ts', "import { tax } from '../lib/tax';\nexport const taxA = tax;");
  file('src/tax-b.ts', "import { taxA } from './tax-a';\nexport const taxB = taxA;");
  file('src/tax-view.tsx', "'use client';\nimport { taxB } from './tax-b';\nexport const TaxView = () => <span onClick={taxB} />;");
  file('lib/stock.ts', 'export const stock = () => fetch("https://api.example.test/stock");');
  file('src/stock-badge.tsx', "'use client';\nimport { stock } from '../lib/stock';\nexport const StockBadge = () => <span onClick={stock} />;");
  file('server/inventory.ts', "import { stock } from '../lib/stock';\nexport const inventory = () => stock();");
  file('lib/orders.ts', 'export const orders = () => fetch("https://api.example.test/orders");');
  file('src/orders-view.tsx', "'use client';\nimport { orders } from '../lib/orders';\nexport const OrdersView = () => <span onClick={orders} />;");
  file('src/orders-actions.ts', "'use server';\nimport { orders } from '../lib/orders';\nexport async function refresh() { await orders(); }");
  file('lib/format.ts', 'export const format = (n: number) => fetch(`https://api.example.test/format/${n}`);');
  file('src/amount.tsx', "'use client';\nimport { format } from '../lib/format';\nexport const Amount = () => <span onClick={() => format(1)} />;");
  file('lib/format.test.ts', "import { format } from './format';\nformat(2);");
  file('lib/ping.ts', "import { pong } from './pong';\nexport const ping = () => pong();");
  file('lib/pong.ts', "import { ping } from './ping';\nexport const pong = () => fetch('https://api.example.test/pong').then(ping);");
  file('src/ping-view.tsx', "'use client';\nimport { ping } from '../lib/ping';\nexport const PingView = () => <span onClick={ping} />;");
  file('lib/unused.ts', 'export const unused = () => fetch("https://api.example.test/unused");');

  it('a module that only browser code imports, directly or through one file with no signal of its own', () => {
    expect(judged('lib/cart.ts')).toBe("true client-importers src/cart-button.tsx ('use client')");
    expect(judged('lib/price.ts')).toBe('true client-importers src/pricing.ts (imported by browser code)');
    expect(judged('src/pricing.ts')).toBe("true client-importers src/price-tag.tsx ('use client')");
  });
  it('test files that import it do not count', () => {
    expect(judged('lib/format.ts')).toBe("true client-importers src/amount.tsx ('use client')");
  });
  it('not when another importer is server code or says nothing, nor three files up, nor without importers', () => {
    expect(judged('lib/stock.ts')).toBe('false no-browser-signal ');
    expect(judged('lib/orders.ts')).toBe('false no-browser-signal ');
    expect(judged('lib/tax.ts')).toBe('false no-browser-signal ');
    expect(judged('lib/unused.ts')).toBe('false no-browser-signal ');
  });
  it('a cycle of imports ends, judged as server code', () => {
    expect(judged('lib/pong.ts')).toBe('false no-browser-signal ');
  });
});
