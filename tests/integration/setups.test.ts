import { describe, expect, it } from 'vitest';

import { FETCH_RULE, fetchFindings, JS_SOURCES, JSX_SOURCES, sortFindings, summary, TS_SOURCES } from './expected';
import { lintProject } from './harness';

// The set-ups the README documents, with the same expectations on every ESLint version that
// supports them. What a version cannot do is tested in that version's own file.

describe.each([10, 9, 8] as const)('ESLint %s flat config: the documented set-ups', (version) => {
  it('eslint.config.js (ESM) with configs.recommended lints .js/.mjs/.cjs and nothing else', async () => {
    const run = await lintProject('flat-js', version, { flatConfig: true });
    expect(summary(run), run.stderr).toEqual({
      exitCode: 1,
      linted: ['eslint.config.js', ...JS_SOURCES],
      findings: fetchFindings(JS_SOURCES),
    });
  });

  it('eslint.config.cjs (require) with configs.recommended', async () => {
    const run = await lintProject('flat-cjs', version, { flatConfig: true });
    expect(summary(run), run.stderr).toEqual({
      exitCode: 1,
      linted: ['eslint.config.cjs', ...JS_SOURCES],
      findings: fetchFindings(JS_SOURCES),
    });
  });

  it('`files` entries plus @typescript-eslint/parser lint every extension', async () => {
    const run = await lintProject('flat-all-extensions', version, { flatConfig: true });
    expect(summary(run), run.stderr).toEqual({
      exitCode: 1,
      linted: ['eslint.config.js', ...JS_SOURCES, ...JSX_SOURCES, ...TS_SOURCES].sort(),
      findings: fetchFindings([...JS_SOURCES, ...JSX_SOURCES, ...TS_SOURCES]),
    });
  });

  it('tseslint.config(...tseslint.configs.recommended, configs.recommended) adds .ts/.tsx/.mts/.cts', async () => {
    const run = await lintProject('flat-tseslint', version, { flatConfig: true });
    expect(summary(run), run.stderr).toEqual({
      exitCode: 1,
      linted: ['eslint.config.js', ...JS_SOURCES, ...TS_SOURCES].sort(),
      findings: fetchFindings([...JS_SOURCES, ...TS_SOURCES]),
    });
  });

  it('accepts the plugin reached through both import and require (same object)', async () => {
    const run = await lintProject('mixed-import-require', version, { flatConfig: true });
    expect(summary(run), run.stderr).toEqual({
      exitCode: 1,
      linted: ['eslint.config.js', ...JS_SOURCES],
      findings: sortFindings([
        ...fetchFindings(['src/app.js', 'src/clean.js', 'src/module.mjs']),
        // The required copy's override applied: proof that it was merged, not dropped.
        { file: 'src/common.cjs', line: 4, ruleId: FETCH_RULE, severity: 'warn' },
      ]),
    });
  });
});

describe.each([10, 9] as const)('ESLint %s flat config: defineConfig', (version) => {
  it("defineConfig from 'eslint/config', including `extends: ['agent-guard/recommended']`", async () => {
    const run = await lintProject('flat-define-config', version, { flatConfig: true });
    expect(summary(run), run.stderr).toEqual({
      exitCode: 1,
      linted: ['eslint.config.js', ...JS_SOURCES, ...JSX_SOURCES, ...TS_SOURCES].sort(),
      findings: fetchFindings([...JS_SOURCES, ...JSX_SOURCES, ...TS_SOURCES]),
    });
  });
});

describe.each([
  { version: 9 as const, deprecated: true },
  { version: 8 as const, deprecated: false },
])('ESLint $version eslintrc (ESLINT_USE_FLAT_CONFIG=false)', ({ version, deprecated }) => {
  it('.eslintrc.json extending plugin:agent-guard/legacy-recommended, overrides for every extension', async () => {
    const run = await lintProject('eslintrc-json', version, { flatConfig: false });
    expect(summary(run), run.stderr).toEqual({
      exitCode: 1,
      linted: [...JS_SOURCES, ...JSX_SOURCES, ...TS_SOURCES].sort(),
      findings: fetchFindings([...JS_SOURCES, ...JSX_SOURCES, ...TS_SOURCES]),
    });
    // ESLint 9 still runs eslintrc but warns that it is deprecated; 8.57's default mode does not.
    const warning = 'ESLintRCWarning: You are using an eslintrc configuration file, which is deprecated';
    if (deprecated) {
      expect(run.stderr).toContain(warning);
    } else {
      expect(run.stderr).not.toContain(warning);
    }
  });

  it('.eslintrc.cjs without overrides lints only .js files', async () => {
    const run = await lintProject('eslintrc-cjs', version, { flatConfig: false });
    expect(summary(run), run.stderr).toEqual({
      exitCode: 1,
      linted: ['src/app.js', 'src/clean.js'],
      findings: fetchFindings(['src/app.js', 'src/clean.js']),
    });
  });
});
