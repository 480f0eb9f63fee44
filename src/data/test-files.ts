/**
 * What marks a file as test code (see `project/test-code`): `tests.files` and
 * `secrets.testFiles` add globs to {@link TEST_FILE_GLOBS}.
 */

/** File globs of test code, matched at any folder boundary of the path relative to the project root. */
export const TEST_FILE_GLOBS: readonly string[] = [
  '*.test.*', '*.spec.*', '*.e2e-spec.*', '*.cy.*', '__tests__/**', '__fixtures__/**', '__mocks__/**', 'fixtures/**',
];

/**
 * What a path must contain for {@link TEST_FILE_GLOBS} or {@link TEST_FOLDERS} to match it: one
 * regular expression over the whole name answers most files without running the globs.
 */
export const TEST_PATH_HINT = /(?:^|[\\/])(?:__tests__|__fixtures__|__mocks__|fixtures|test|tests|spec|e2e|cypress|playwright|integration-tests|test-utils)[\\/]|\.(?:test|spec|e2e-spec|cy)\.[^\\/]*$/u;

/**
 * Folders of test code when they sit at the top of a package (next to a `package.json`) or of the
 * project: `test/utils.js`, `packages/api/tests/setup.ts`. Deeper down such a name is a route or a
 * feature (`app/api/test/route.ts`, `routes/e2e.js` serve requests), so it does not count there.
 */
export const TEST_FOLDERS: ReadonlySet<string> = new Set([
  'test', 'tests', 'spec', 'e2e', 'cypress', 'playwright', 'integration-tests', 'test-utils',
]);

/** Calls that declare a test suite at the top of a file (`describe('drivers/bigquery', …)`, `test('…', …)`). */
export const TEST_SUITE_CALLS: ReadonlySet<string> = new Set(['describe', 'suite', 'test', 'it']);

/** Modules those calls come from when they are imported rather than global. */
export const TEST_FRAMEWORK_MODULES: ReadonlySet<string> = new Set([
  'mocha', 'vitest', '@jest/globals', 'node:test', 'test', '@playwright/test', 'bun:test', 'tap', 'ava', 'uvu',
]);
