/**
 * Hostile settings and options (from an independent stress test): globs built to make a
 * backtracking matcher explode, entries of 100,000 characters, lists of 100,000 entries. A lint
 * run must finish, never throw, and still give the right answer. The generous timeouts are hang
 * guards, not benchmarks: before the fix these cases ran for minutes or threw.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Linter } from 'eslint';

import * as globs from '../../src/core/globs';
import { compileGlobs } from '../../src/core/globs';
import * as nameSpecs from '../../src/core/name-specs';
import { getSettings, normalizeSettings } from '../../src/core/settings';
import { applyFix, pluginHarness } from './harness';
import type { LintInput } from './harness';

vi.mock('../../src/core/globs', { spy: true });
vi.mock('../../src/core/name-specs', { spy: true });

const HANG_GUARD_MS = 60_000;
const AUTH = 'agent-guard/require-auth-gate-in-route';
const FETCH = 'agent-guard/fetch-requires-timeout';

const express = (route: string): string =>
  `import express from 'express';\nconst app = express();\napp.post(${JSON.stringify(route)}, (req, res) => res.send(db.read()));\n`;
const nextRoute = 'export async function POST(request) { return Response.json(await request.json()); }\n';

function lint(code: string, filename: string, settings: unknown, rules: Linter.RulesRecord = { [AUTH]: 'error' }): Linter.LintMessage[] {
  const input: LintInput = { code, filename, parser: 'espree', sourceType: 'module', settings };
  return pluginHarness.lint(input, rules);
}

/** The auth rule's reports, as `messageId@line:column`. */
function authReports(messages: readonly Linter.LintMessage[]): string[] {
  expect(messages.filter((message) => message.ruleId === null)).toEqual([]); // parse errors, unmatched files
  return messages.filter((message) => message.ruleId === AUTH).map((message) => `${message.messageId}@${message.line}:${message.column}`);
}

describe('globs built to backtrack', () => {
  const starry = `/${'*a'.repeat(7)}*b`;

  it('publicRoutes /*a*a*a*a*a*a*a*b against a 60-character route: not public, reported', { timeout: HANG_GUARD_MS }, () => {
    expect(authReports(lint(express(`/${'a'.repeat(60)}`), 'src/app.js', { auth: { publicRoutes: [starry] } }))).toEqual(['missingGate@3:5']);
  });

  it('the same glob still matches a route it describes', { timeout: HANG_GUARD_MS }, () => {
    expect(authReports(lint(express(`/${'a'.repeat(60)}b`), 'src/app.js', { auth: { publicRoutes: [starry] } }))).toEqual([]);
  });

  it('eight /**/ groups against a 30-segment route, in settings and in the globalAuth option', { timeout: HANG_GUARD_MS }, () => {
    const glob = `${'/**'.repeat(8)}/*.json`;
    const route = `/${'seg/'.repeat(30)}file`;
    expect(authReports(lint(express(route), 'src/app.js', { auth: { publicRoutes: [glob], protectedPaths: [glob] } }))).toEqual(['missingGate@3:5']);
    expect(authReports(lint(express(route), 'src/app.js', {}, { [AUTH]: ['error', { publicRoutes: [glob], globalAuth: [glob] }] }))).toEqual([
      'missingGate@3:5',
    ]);
    expect(authReports(lint(express(`${route}.json`), 'src/app.js', { auth: { publicRoutes: [glob] } }))).toEqual([]);
  });

  it('a file glob app/ + twelve **/ + x/route.js against a Next.js route 60 folders deep', { timeout: HANG_GUARD_MS }, () => {
    const glob = `app/${'**/'.repeat(12)}x/route.js`;
    const deep = `${'d/'.repeat(40)}app/api/${'a/'.repeat(20)}`;
    expect(authReports(lint(nextRoute, `${deep}route.js`, { auth: { publicRoutes: [glob] } }))).toEqual(['missingGate@1:23']);
    expect(authReports(lint(nextRoute, `${deep}x/route.js`, { auth: { publicRoutes: [glob] } }))).toEqual([]);
    expect(authReports(lint(nextRoute, `${deep}x/route.js`, { auth: { protectedPaths: [glob] } }))).toEqual([]);
  });
});

describe('entries of 100,000 characters', () => {
  const long = `/${'a'.repeat(100_000)}`;

  it.each([
    ['settings publicRoutes', { auth: { publicRoutes: [long, `${long}*`, `${'*'.repeat(100_000)}`] } }, {}],
    ['settings protectedPaths', { auth: { protectedPaths: [long, long.slice(1), `**${long}`] } }, {}],
    ['option publicRoutes', {}, { publicRoutes: [long, `${long}/**`] }],
    ['option globalAuth', {}, { globalAuth: [long, long.slice(1)] }],
  ])('%s: ignored without throwing when they match nothing', { timeout: HANG_GUARD_MS }, (_title, settings, options) => {
    expect(authReports(lint(express('/x'), 'src/app.js', settings, { [AUTH]: ['error', options] }))).toEqual(['missingGate@3:5']);
  });

  it('thousands of stars against a route of 50,000 characters: stops at the step cap and counts as no match', { timeout: HANG_GUARD_MS }, () => {
    const route = `/${'a'.repeat(50_000)}b`;
    const glob = `/${'*a'.repeat(20_000)}*b`;
    expect(compileGlobs([glob]).matchesPath(`/${'a'.repeat(30)}b`)).toBe(false); // fewer characters than the glob needs
    expect(compileGlobs([glob]).matchesPath(route)).toBe(false); // would match, but past the cap
    expect(compileGlobs([`/${'*a'.repeat(20)}*b`]).matchesPath(route)).toBe(true);
    expect(authReports(lint(express(route), 'src/app.js', { auth: { publicRoutes: [glob] } }))).toEqual(['missingGate@3:5']);
  });

  it('matched like any other glob when they do match', { timeout: HANG_GUARD_MS }, () => {
    expect(authReports(lint(express(long), 'src/app.js', { auth: { publicRoutes: [long] } }))).toEqual([]);
    expect(authReports(lint(express(`${long}/x`), 'src/app.js', { auth: { publicRoutes: [`${long}/*`] } }))).toEqual([]);
  });
});

describe('lists of 100,000 entries', () => {
  const many = (make: (i: number) => string): string[] => Array.from({ length: 100_000 }, (_, i) => make(i));

  it('settings and options are compiled once per configuration, not once per file, and the last entry still counts', { timeout: HANG_GUARD_MS }, () => {
    const settings = { auth: { publicRoutes: many((i) => `/p${i}/*`), protectedPaths: many((i) => `src/p${i}/**`), functions: many((i) => `fn${i}`) } };
    const options = { [AUTH]: ['error', { publicRoutes: many((i) => `/o${i}`) }] } satisfies Linter.RulesRecord;
    vi.mocked(globs.compileGlobs).mockClear();
    const results = ['/p99999/x', '/o99999', '/private', '/also-private'].map((route, i) => authReports(lint(express(route), `src/app${i}.js`, settings, options)));
    expect(results).toEqual([[], [], ['missingGate@3:5'], ['missingGate@3:5']]);
    // One public list and one protected list for the four files (no name there may be test code,
    // so the test-code globs are not compiled).
    expect(vi.mocked(globs.compileGlobs)).toHaveBeenCalledTimes(2);
    expect(authReports(lint(express('/x'), 'src/p99999/app.js', settings, options))).toEqual([]);
  });

  it('settings merged anew for each file (one config object per file) share their normalised lists', () => {
    const functions = many((i) => `fn${i}`);
    const first = normalizeSettings({ auth: { functions } });
    const second = normalizeSettings({ auth: { functions } });
    expect(second).not.toBe(first);
    expect(second.auth.functions).toBe(first.auth.functions);
    expect(second.auth.functions).toHaveLength(100_000);
  });

  it('fetch-requires-timeout parses http.clients once per configuration', { timeout: HANG_GUARD_MS }, () => {
    const settings = { http: { clients: [...many((i) => `@acme/c${i}#request`), 'apiFetch'] } };
    const code = "import { request } from '@acme/c99999';\nrequest('/x', {});\napiFetch('/y');\n";
    vi.mocked(nameSpecs.withModuleCalls).mockClear();
    for (const file of ['src/a.mjs', 'src/b.mjs', 'src/c.mjs']) {
      const reports = lint(code, file, settings, { [FETCH]: 'error' }).map((message) => `${message.messageId}@${message.line}:${message.column}`);
      expect(reports).toEqual(['missingTimeout@2:1', 'missingTimeout@3:1']);
    }
    expect(vi.mocked(nameSpecs.withModuleCalls)).toHaveBeenCalledTimes(1);
  });
});

describe('entries of the wrong type or shape', () => {
  it('are ignored, and the well-formed entries next to them still count', () => {
    const settings = { auth: { publicRoutes: [1, null, {}, ['/x'], '', '/x'], protectedPaths: 'src/admin/**', functions: [Symbol('x'), 'requireUser'] } };
    expect(getSettings({ settings: { 'agent-guard': settings } } as never).auth.publicRoutes).toEqual(['', '/x']);
    expect(authReports(lint(express('/x'), 'src/app.js', settings))).toEqual([]);
    expect(authReports(lint(express('/y'), 'src/admin/app.js', settings))).toEqual([]);
    expect(authReports(lint(express('/y'), 'src/app.js', settings))).toEqual(['missingGate@3:5']);
  });

  it('gate functions that would not parse as a callee are never suggested; a module#export gate is offered with its import', () => {
    const settings = { auth: { functions: ['new', 'class', 'typeof', '1st', 'a..b', '.x', 'auth#x', 'this.auth.check', 'requireUser'] } };
    const code = express('/y');
    const [report] = lint(code, 'src/app.js', settings).filter((message) => message.ruleId === AUTH);
    expect(report?.suggestions?.map((suggestion) => applyFix(code, suggestion.fix))).toEqual([
      "import express from 'express';\nimport { x } from 'auth';\nconst app = express();\napp.post(\"/y\", (req, res) => { x(req); return res.send(db.read()); });\n",
      "import express from 'express';\nconst app = express();\napp.post(\"/y\", (req, res) => { this.auth.check(req); return res.send(db.read()); });\n",
      "import express from 'express';\nconst app = express();\napp.post(\"/y\", (req, res) => { requireUser(req); return res.send(db.read()); });\n",
      "import express from 'express';\nconst app = express();\n// agent-guard: public-route TODO: say why anyone may call this\napp.post(\"/y\", (req, res) => res.send(db.read()));\n",
    ]);
  });
});
