import { describe, expect, it } from 'vitest';

import { FETCH_RULE, fetchFindings, JS_SOURCES, JSX_SOURCES, sortFindings, summary, TS_SOURCES } from './expected';
import { lintProject } from './harness';

describe('ESLint 9 flat config', () => {
  it('eslint.config.js (ESM) with configs.recommended lints .js/.mjs/.cjs and nothing else', async () => {
    const run = await lintProject('flat-js', 9, { flatConfig: true });
    expect(summary(run), run.stderr).toEqual({
      exitCode: 1,
      linted: ['eslint.config.js', ...JS_SOURCES],
      findings: fetchFindings(JS_SOURCES),
    });
  });

  it('eslint.config.cjs (require) with configs.recommended', async () => {
    const run = await lintProject('flat-cjs', 9, { flatConfig: true });
    expect(summary(run), run.stderr).toEqual({
      exitCode: 1,
      linted: ['eslint.config.cjs', ...JS_SOURCES],
      findings: fetchFindings(JS_SOURCES),
    });
  });

  it('`files` entries plus @typescript-eslint/parser lint every extension', async () => {
    const run = await lintProject('flat-all-extensions', 9, { flatConfig: true });
    expect(summary(run), run.stderr).toEqual({
      exitCode: 1,
      linted: ['eslint.config.js', ...JS_SOURCES, ...JSX_SOURCES, ...TS_SOURCES].sort(),
      findings: fetchFindings([...JS_SOURCES, ...JSX_SOURCES, ...TS_SOURCES]),
    });
  });

  it('tseslint.config(...tseslint.configs.recommended, configs.recommended) adds .ts/.tsx/.mts/.cts', async () => {
    const run = await lintProject('flat-tseslint', 9, { flatConfig: true });
    expect(summary(run), run.stderr).toEqual({
      exitCode: 1,
      linted: ['eslint.config.js', ...JS_SOURCES, ...TS_SOURCES].sort(),
      findings: fetchFindings([...JS_SOURCES, ...TS_SOURCES]),
    });
  });

  it("defineConfig from 'eslint/config', including `extends: ['agent-guard/recommended']`", async () => {
    const run = await lintProject('flat-define-config', 9, { flatConfig: true });
    expect(summary(run), run.stderr).toEqual({
      exitCode: 1,
      linted: ['eslint.config.js', ...JS_SOURCES, ...JSX_SOURCES, ...TS_SOURCES].sort(),
      findings: fetchFindings([...JS_SOURCES, ...JSX_SOURCES, ...TS_SOURCES]),
    });
  });

  it('eslint.config.ts (loaded through jiti)', async () => {
    const run = await lintProject('flat-ts-config', 9, { flatConfig: true });
    expect(summary(run), run.stderr).toEqual({
      exitCode: 1,
      linted: ['eslint.config.ts', ...JS_SOURCES, ...TS_SOURCES].sort(),
      findings: fetchFindings([...JS_SOURCES, ...TS_SOURCES]),
    });
  });

  it('accepts the plugin reached through both import and require (same object)', async () => {
    const run = await lintProject('mixed-import-require', 9, { flatConfig: true });
    expect(summary(run), run.stderr).toEqual({
      exitCode: 1,
      linted: ['eslint.config.js', ...JS_SOURCES],
      findings: sortFindings([
        ...fetchFindings(['src/app.js', 'src/clean.js', 'src/module.mjs']),
        { file: 'src/common.cjs', line: 4, ruleId: FETCH_RULE, severity: 'warn' },
      ]),
    });
  });
});

describe('ESLint 9 eslintrc (ESLINT_USE_FLAT_CONFIG=false)', () => {
  it('.eslintrc.json extending plugin:agent-guard/legacy-recommended, overrides for every extension', async () => {
    const run = await lintProject('eslintrc-json', 9, { flatConfig: false });
    expect(summary(run), run.stderr).toEqual({
      exitCode: 1,
      linted: [...JS_SOURCES, ...JSX_SOURCES, ...TS_SOURCES].sort(),
      findings: fetchFindings([...JS_SOURCES, ...JSX_SOURCES, ...TS_SOURCES]),
    });
    expect(run.stderr).toContain('ESLintRCWarning: You are using an eslintrc configuration file, which is deprecated');
  });

  it('.eslintrc.cjs without overrides lints only .js files', async () => {
    const run = await lintProject('eslintrc-cjs', 9, { flatConfig: false });
    expect(summary(run), run.stderr).toEqual({
      exitCode: 1,
      linted: ['src/app.js', 'src/clean.js'],
      findings: fetchFindings(['src/app.js', 'src/clean.js']),
    });
  });
});
