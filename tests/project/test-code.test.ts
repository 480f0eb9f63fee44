import path from 'node:path';

import { beforeEach, describe, expect, it } from 'vitest';

import { compileGlobs } from '../../src/core/globs';
import { TEST_FILE_GLOBS, TEST_FOLDERS, TEST_PATH_HINT } from '../../src/data/test-files';
import { clearProjectCaches } from '../../src/project/settings';
import { isTestCode } from '../../src/project/test-code';
import { contextFor, tempProject } from './helpers';

beforeEach(() => clearProjectCaches());

/** A project on disk: a lockfile-rooted app with a nested package, each file holding `x;`. */
function project(files: readonly string[], extra: Record<string, string> = {}): string {
  return tempProject({
    'package.json': '{"name":"app"}',
    'package-lock.json': '{}',
    ...Object.fromEntries(files.map((file) => [file, 'export const x = 1;\n'])),
    ...extra,
  });
}

const judge = (root: string, file: string, settings: Record<string, unknown> = {}): boolean => isTestCode(contextFor(path.join(root, file), settings));

describe('isTestCode', () => {
  it('is test code by file name or by a test folder anywhere', () => {
    const root = project(['src/auth.test.ts', 'src/auth.spec.js', 'test/app.e2e-spec.ts', 'src/form.cy.tsx', 'src/__tests__/db.ts', 'src/__mocks__/pg.js', 'lib/__fixtures__/a.js', 'src/fixtures/data.js']);
    for (const file of ['src/auth.test.ts', 'src/auth.spec.js', 'test/app.e2e-spec.ts', 'src/form.cy.tsx', 'src/__tests__/db.ts', 'src/__mocks__/pg.js', 'lib/__fixtures__/a.js', 'src/fixtures/data.js']) {
      expect(judge(root, file), file).toBe(true);
    }
  });

  it('is test code in a test folder at the top of the project or of a package', () => {
    const root = project(['test/utils.js', 'tests/setup.ts', 'spec/helpers/server.js', 'e2e/util.js', 'integration-tests/api/x.ts', 'server/test/utils.js', 'apps/web/e2e/seed.ts'], {
      'server/package.json': '{"name":"server"}',
      'apps/web/package.json': '{"name":"web"}',
    });
    for (const file of ['test/utils.js', 'tests/setup.ts', 'spec/helpers/server.js', 'e2e/util.js', 'integration-tests/api/x.ts', 'server/test/utils.js', 'apps/web/e2e/seed.ts']) {
      expect(judge(root, file), file).toBe(true);
    }
  });

  it('is not test code where such a folder is a route or a feature deeper down', () => {
    const root = project(['app/api/test/route.ts', 'pages/api/e2e/reset.ts', 'src/routes/tests/index.js', 'server/drivers/test/index.js', 'src/testing.ts', 'src/contest.ts', 'src/latest.spec-helpers.ts']);
    for (const file of ['app/api/test/route.ts', 'pages/api/e2e/reset.ts', 'src/routes/tests/index.js', 'server/drivers/test/index.js', 'src/testing.ts', 'src/contest.ts']) {
      expect(judge(root, file), file).toBe(false);
    }
  });

  it('matches relative to the project root: a project kept under fixtures/ or test/ is not test code as a whole', () => {
    const outer = tempProject({
      'test/fixtures-app/package.json': '{}',
      'test/fixtures-app/package-lock.json': '{}',
      'test/fixtures-app/routes/users.js': 'x;\n',
      'fixtures/shop/package.json': '{}',
      'fixtures/shop/yarn.lock': '',
      'fixtures/shop/src/server.js': 'x;\n',
      'fixtures/shop/src/server.test.js': 'x;\n',
    });
    expect(judge(outer, 'test/fixtures-app/routes/users.js')).toBe(false);
    expect(judge(outer, 'fixtures/shop/src/server.js')).toBe(false);
    expect(judge(outer, 'fixtures/shop/src/server.test.js')).toBe(true);
  });

  it('adds tests.files and secrets.testFiles to the defaults', () => {
    const root = project(['scripts/seed.ts', 'tools/gen.ts', 'src/app.ts']);
    expect(judge(root, 'scripts/seed.ts')).toBe(false);
    expect(judge(root, 'scripts/seed.ts', { 'agent-guard': { tests: { files: ['scripts/**'] } } })).toBe(true);
    expect(judge(root, 'tools/gen.ts', { 'agent-guard': { secrets: { testFiles: 'tools/*.ts' } } })).toBe(true);
    expect(judge(root, 'src/app.ts', { 'agent-guard': { tests: { files: ['scripts/**'] } } })).toBe(false);
  });

  it('is never test code with tests.report: true, and ignores entries of the wrong type', () => {
    const root = project(['test/utils.js', 'src/a.test.ts']);
    expect(judge(root, 'test/utils.js', { 'agent-guard': { tests: { report: true } } })).toBe(false);
    expect(judge(root, 'src/a.test.ts', { 'agent-guard': { tests: { report: true } } })).toBe(false);
    expect(judge(root, 'src/a.test.ts', { 'agent-guard': { tests: { report: 'yes', files: [1, null] } } })).toBe(true);
  });

  it('reads no package.json without cross-file analysis: test folders count at the top of the working directory only', () => {
    const root = project(['test/utils.js', 'server/test/utils.js'], { 'server/package.json': '{}' });
    const off = { 'agent-guard': { project: { crossFile: false } } };
    const at = (file: string): boolean => isTestCode({ ...contextFor(path.join(root, file), off), cwd: root });
    expect(at('test/utils.js')).toBe(true);
    expect(at('server/test/utils.js')).toBe(false);
  });

  it('is test code wherever it lies when it declares a test suite at its top level', () => {
    const root = project([]);
    const at = (text: string, file = 'server/drivers/bigquery/test.js'): boolean => isTestCode(contextFor(path.join(root, file), {}, text));
    expect(at("import assert from 'assert';\ndescribe('drivers/bigquery', function () { it('runs', () => assert.ok(1)); });\n")).toBe(true);
    expect(at("import { describe, it } from 'vitest';\ndescribe.each([1, 2])('case %i', (n) => { it('works', () => {}); });\n")).toBe(true);
    expect(at("import { test } from '@playwright/test';\ntest.describe('checkout', () => {});\n", 'qa/checkout.ts')).toBe(true);
    expect(at("test('adds', () => {});\n", 'src/adds.js')).toBe(true);
    expect(at("await describe('x', async () => {});\n", 'src/x.mjs')).toBe(true);
  });

  it('is not test code for a local or imported function that happens to be named like a suite', () => {
    const root = project([]);
    const at = (text: string): boolean => isTestCode(contextFor(path.join(root, 'src/schema.js'), {}, text));
    expect(at("function describe(table) { return table; }\ndescribe('users');\n")).toBe(false);
    expect(at("import { describe } from './openapi';\ndescribe('GET /users', { summary: 'List' });\n")).toBe(false);
    expect(at("const app = require('express')();\napp.get('/test', (req, res) => res.send('x'));\n")).toBe(false);
    // Inside a function, not at the top: not a suite declaration.
    expect(at("export function run() { describe('x', () => {}); }\n")).toBe(false);
  });

  it('takes a relative or virtual file name as relative to the working directory', () => {
    const relative = (filename: string): boolean => isTestCode({ ...contextFor(path.join(project([]), 'x.js'), {}, 'x;\n'), filename });
    expect(relative('src/a.test.ts')).toBe(true);
    expect(relative('test/api/tokens.js')).toBe(true);
    expect(relative('src/api/test.js')).toBe(false);
    expect(relative('<input>')).toBe(false);
    expect(relative('')).toBe(false);
  });
});

describe('TEST_PATH_HINT', () => {
  // The pre-check must let through every name the tables can match, or isTestCode would miss them.
  it('matches every default folder and file glob', () => {
    for (const folder of TEST_FOLDERS) {
      expect(TEST_PATH_HINT.test(`/app/${folder}/a.js`), folder).toBe(true);
    }
    const examples: Record<string, string> = {
      '*.test.*': '/app/src/a.test.ts',
      '*.spec.*': '/app/src/a.spec.js',
      '*.e2e-spec.*': '/app/test/a.e2e-spec.ts',
      '*.cy.*': '/app/src/a.cy.tsx',
      '__tests__/**': '/app/src/__tests__/a.js',
      '__fixtures__/**': '/app/src/__fixtures__/a.js',
      '__mocks__/**': '/app/src/__mocks__/a.js',
      'fixtures/**': '/app/src/fixtures/a.js',
    };
    expect(Object.keys(examples).sort()).toEqual([...TEST_FILE_GLOBS].sort());
    for (const [glob, example] of Object.entries(examples)) {
      expect(compileGlobs([glob]).matchesFile(example), glob).toBe(true);
      expect(TEST_PATH_HINT.test(example), glob).toBe(true);
      expect(TEST_PATH_HINT.test(example.replaceAll('/', '\\')), glob).toBe(true);
    }
    expect(TEST_PATH_HINT.test('C:\\app\\test\\a.js')).toBe(true);
    expect(TEST_PATH_HINT.test('/app/src/contest/latest.js')).toBe(false);
  });
});
