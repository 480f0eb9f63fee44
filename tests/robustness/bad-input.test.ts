/**
 * Input that is hostile to a linter: syntax errors, a 50,000-line file, 10,000-deep expressions and
 * minified bundles, linted with every rule at its strictest options. ESLint reports a parse error
 * or the rules run to the end; nothing throws and nothing overflows the stack.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import { generateProgram, generateRouteFile } from '../../bench/lib/programs';
import type { LintInput } from './harness';
import { errorText, pluginHarness } from './harness';

const { lint, parseError } = pluginHarness;

/** Lints with every rule; returns the messages, or fails the test with the rule and stack that threw. */
function lintOrReport(input: LintInput): Linter.LintMessage[] {
  try {
    return lint(input);
  } catch (error) {
    return expect.fail(`a rule threw on ${input.filename} (${input.parser}):\n${errorText(error)}`);
  }
}

const agentGuardFindings = (messages: Linter.LintMessage[]): Linter.LintMessage[] =>
  messages.filter((message) => message.ruleId?.startsWith('agent-guard/') === true);

describe('syntax errors', () => {
  // Files being edited in an editor are broken most of the time; ESLint must report the parse error.
  const broken: { name: string; input: LintInput }[] = [
    {
      name: 'unclosed handler (JS, espree)',
      input: { code: "app.get('/x', async (req, res) => {\n  await fetch(req.query.url", filename: 'file.js', parser: 'espree', sourceType: 'module' },
    },
    {
      name: 'unclosed handler (JS, TS parser)',
      input: { code: "app.get('/x', async (req, res) => {\n  await fetch(req.query.url", filename: 'file.js', parser: 'ts', sourceType: 'module' },
    },
    {
      name: 'unterminated template in a query',
      input: { code: 'db.query(`SELECT * FROM t WHERE id = ${req.params.id', filename: 'file.ts', parser: 'ts', sourceType: 'module' },
    },
    {
      name: 'broken import',
      input: { code: "import { from 'node:fs';\nfs.readFile(req.query.p);", filename: 'file.mjs', parser: 'espree', sourceType: 'module' },
    },
    {
      name: 'type annotation in a .js file',
      input: { code: 'const timeout: number = 5;\nfetch(url, { signal: AbortSignal.timeout(timeout) });', filename: 'file.js', parser: 'espree', sourceType: 'module' },
    },
    {
      name: 'JSX in a .ts file',
      input: { code: 'const el = <div>{fetch(url)}</div>;', filename: 'file.ts', parser: 'ts', sourceType: 'module' },
    },
    {
      name: 'await outside async function in a script',
      input: { code: "function handler(req) { await fetch(req.body.url); }\nrequire('fs').readFileSync(p);", filename: 'file.cjs', parser: 'espree', sourceType: 'commonjs' },
    },
    {
      name: 'stray characters and an unterminated string',
      input: { code: "const q = 'SELECT * FROM users WHERE id = \n#!@ pool.query(q)", filename: 'file.ts', parser: 'ts', sourceType: 'module' },
    },
  ];

  it.each(broken)('$name: reported as a parse error, no rule runs, nothing throws', ({ input }) => {
    const messages = lintOrReport(input);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ fatal: true, ruleId: null });
    expect(messages[0]?.message).toMatch(/^Parsing error: /u);
  });
});

describe('a 50,000-line file', () => {
  // JavaScript with espree: the TS parser alone needs ~20 s for 50,000 lines on a loaded 2-core CI
  // machine; the TS parser path is covered by the fuzz test and the sweep.
  const code = generateRouteFile(50_000, 2024, false);

  it('is really that large', () => {
    expect(code.split('\n').length).toBeGreaterThanOrEqual(50_000);
  });

  it('lints with every rule without exceptions, and the rules do report', () => {
    const messages = lintOrReport({ code, filename: 'routes.mjs', parser: 'espree', sourceType: 'module' });
    expect(messages.filter((message) => message.fatal)).toEqual([]);
    // The generated routes call fetch without timeouts, build SQL from request input and read
    // request-derived paths: the rules must have seen the code, not stopped early.
    expect(agentGuardFindings(messages).length).toBeGreaterThan(0);
  }, 120_000);
});

describe('deeply nested expressions', () => {
  // Each shape flows request input through a deep expression into the sinks of every rule.
  // Depths are what ESLint itself handles in a Vitest worker thread (4 MB stack): espree takes
  // 10,000-deep binary operators and member chains, the TS parser about 3,000; nested calls,
  // templates and arrays overflow the parsers earlier; long `||` chains are quadratic in ESLint's
  // code-path analysis (10 s for 10,000), so they stay at 1,000.
  const shapes: { name: string; parser: LintInput['parser']; build: () => string }[] = [
    { name: "10,000-deep concatenation a + a + ... (espree)", parser: 'espree', build: () => repeatJoin('a', ' + ', 10_000) },
    { name: "3,000-deep concatenation a + a + ... (TS parser)", parser: 'ts', build: () => repeatJoin('a', ' + ', 3000) },
    { name: "10,000-deep string concatenation 'x' + a + ... (espree)", parser: 'espree', build: () => `'x' + ${repeatJoin('a', " + '/' + ", 5000)}` },
    { name: '1,000-deep logical a || a || ... (espree)', parser: 'espree', build: () => repeatJoin('a', ' || ', 1000) },
    { name: '3,000-deep conditional a ? b : ... (espree)', parser: 'espree', build: () => `${'a ? b : '.repeat(3000)}a` },
    { name: '3,000-deep conditional (TS parser)', parser: 'ts', build: () => `${'a ? b : '.repeat(3000)}a` },
    { name: '10,000-long member chain req.query.a.a... (espree)', parser: 'espree', build: () => `req.query${'.a'.repeat(10_000)}` },
    { name: '3,000-long member chain (TS parser)', parser: 'ts', build: () => `req.query${'.a'.repeat(3000)}` },
    { name: '1,000-deep nested calls f(f(...)) (espree)', parser: 'espree', build: () => `${'f('.repeat(1000)}a${')'.repeat(1000)}` },
    { name: '1,000-deep nested templates (TS parser)', parser: 'ts', build: () => `${'`${'.repeat(1000)}a${'}`'.repeat(1000)}` },
    { name: '3,000-deep nested arrays (espree)', parser: 'espree', build: () => `${'['.repeat(3000)}a${']'.repeat(3000)}` },
    { name: '3,000-long call chain x.query(a).query(a)... (espree)', parser: 'espree', build: () => `pool${'.query(a)'.repeat(3000)}` },
  ];

  it.each(shapes)('$name: lints with every rule, no stack overflow', ({ parser, build }) => {
    const deep = build();
    const code = [
      "import express from 'express';",
      "import fs from 'node:fs';",
      "import pg from 'pg';",
      'const app = express();',
      'const pool = new pg.Pool();',
      'const f = (value) => value;',
      "app.get('/files/:name', async (req, res) => {",
      '  const a = req.query.name;',
      '  const b = req.params.name;',
      `  const response = await fetch(${deep});`,
      `  const rows = await pool.query(${deep});`,
      `  const data = fs.readFileSync(${deep});`,
      `  res.send(${deep});`,
      '});',
    ].join('\n');
    const input: LintInput = { code, filename: 'file.js', parser, sourceType: 'module' };
    // Precondition: the parser and ESLint core handle this depth, so the rules do run on it.
    expect(parseError(input)).toBeNull();
    const messages = lintOrReport(input);
    expect(messages.filter((message) => message.fatal)).toEqual([]);
    // Work done, not only no crash: the rules reach the end of the handler and still report
    // its `fetch` without a timeout (the generous timeout above is a hang guard, not a benchmark).
    expect(agentGuardFindings(messages).map((message) => [message.ruleId, message.line])).toContainEqual(['agent-guard/fetch-requires-timeout', 10]);
  }, 60_000);
});

describe('minified bundles', () => {
  it('lints a real minified bundle (jiti, 190 kB) with both parsers', () => {
    const path = fileURLToPath(new URL('../../node_modules/jiti/dist/jiti.cjs', import.meta.url));
    const code = readFileSync(path, 'utf8');
    expect(code.length / code.split('\n').length).toBeGreaterThan(2000);
    for (const parser of ['espree', 'ts'] as const) {
      const input: LintInput = { code, filename: 'jiti.cjs', parser, sourceType: 'commonjs' };
      expect(parseError(input)).toBeNull();
      expect(lintOrReport(input).filter((message) => message.fatal)).toEqual([]);
    }
  }, 60_000);

  it('lints generated server programs squeezed onto one line', () => {
    const checked: string[] = [];
    for (const seed of [3, 11, 42, 99, 1234]) {
      const program = generateProgram(seed, { typescript: false, fragments: 6 });
      const code = program.code
        .split('\n')
        .map((line) => line.trim())
        .join(' ');
      for (const parser of ['espree', 'ts'] as const) {
        const input: LintInput = { code, filename: program.filename, parser, sourceType: program.esm ? 'module' : 'commonjs' };
        expect(parseError(input), `seed ${seed}`).toBeNull();
        const messages = lintOrReport(input);
        expect(messages.filter((message) => message.fatal)).toEqual([]);
        checked.push(`${seed}/${parser}`);
      }
    }
    expect(checked).toHaveLength(10);
  });
});

function repeatJoin(item: string, separator: string, count: number): string {
  return Array.from({ length: count }, () => item).join(separator);
}
