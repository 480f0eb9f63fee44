/**
 * Test code is not deployed: every rule but `no-hardcoded-secrets` (whose own test-data rules are
 * in its suite) is quiet in it, and reports there again with `tests.report: true`. One flagged
 * program per rule, linted as source, as test code by name and by folder, and with the setting.
 */
import { describe, expect, it } from 'vitest';
import type { Linter } from 'eslint';

import { pluginHarness } from '../robustness/harness';

const EXPRESS = "import express from 'express';\nconst app = express();\n";

const CASES: readonly { rule: string; code: string; reports: readonly string[] }[] = [
  {
    rule: 'require-auth-gate-in-route',
    code: `${EXPRESS}app.post('/orders', (req, res) => res.json(req.body));\n`,
    reports: ['missingGate@3:5'],
  },
  {
    rule: 'no-sql-template-literal',
    code: "import { Pool } from 'pg';\nconst pool = new Pool();\nexport const find = (id) => pool.query(`SELECT * FROM orders WHERE id = ${id}`);\n",
    reports: ['dynamicSql@3:40'],
  },
  {
    rule: 'no-unsanitized-fs-path',
    code: `import fs from 'node:fs';\n${EXPRESS}app.get('/file', (req, res) => res.send(fs.readFileSync(req.query.name)));\n`,
    reports: ['requestPath@4:57'],
  },
  {
    rule: 'fetch-requires-timeout',
    code: "export const ping = () => fetch('https://status.example.com/health');\n",
    reports: ['missingTimeout@1:27'],
  },
  {
    rule: 'no-stack-in-response',
    code: `${EXPRESS}app.get('/x', async (req, res) => {\n  try { await work(); } catch (err) { res.status(500).json({ error: err.stack }); }\n});\n`,
    reports: ['stackInResponse@4:69'],
  },
  {
    rule: 'no-ssrf',
    code: `${EXPRESS}app.get('/proxy', async (req, res) => res.send(await (await fetch(req.query.url, { signal: AbortSignal.timeout(5000) })).text()));\n`,
    reports: ['requestControlledHost@3:67'],
  },
  {
    rule: 'no-command-injection',
    code: `import { exec } from 'node:child_process';\n${EXPRESS}app.post('/ping', (req, res) => exec('ping -c 1 ' + req.body.host));\n`,
    reports: ['requestCommand@4:38'],
  },
];

function reports(rule: string, code: string, filename: string, settings?: unknown): string[] {
  const id = `agent-guard/${rule}`;
  const messages: Linter.LintMessage[] = pluginHarness.lint({ code, filename, parser: 'espree', sourceType: 'module', settings }, { [id]: 'error' });
  expect(messages.filter((message) => message.ruleId === null)).toEqual([]);
  return messages.filter((message) => message.ruleId === id).map((message) => `${message.messageId}@${message.line}:${message.column}`);
}

describe.each(CASES)('$rule in test code', ({ rule, code, reports: expected }) => {
  it('reports in source files, including folders named like tests deeper down', () => {
    expect(reports(rule, code, 'src/orders.js')).toEqual(expected);
    expect(reports(rule, code, 'src/routes/test/orders.js')).toEqual(expected);
  });

  it('is quiet in test files, test folders and the files tests.files names', () => {
    expect(reports(rule, code, 'src/orders.test.js')).toEqual([]);
    expect(reports(rule, code, 'src/__tests__/orders.js')).toEqual([]);
    expect(reports(rule, code, 'test/helpers/server.js')).toEqual([]);
    expect(reports(rule, code, 'scripts/seed.js', { tests: { files: ['scripts/**'] } })).toEqual([]);
    // A driver's `test.js`: named like nothing, a test suite by what it declares.
    expect(reports(rule, `${code}describe('orders', () => {});\n`, 'src/drivers/test.js')).toEqual([]);
  });

  it('reports in test code with tests.report: true', () => {
    expect(reports(rule, code, 'src/orders.test.js', { tests: { report: true } })).toEqual(expected);
    expect(reports(rule, code, 'test/helpers/server.js', { tests: { report: true } })).toEqual(expected);
  });
});
