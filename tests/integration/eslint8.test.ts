import { describe, expect, it } from 'vitest';

import { FETCH_RULE, fetchFindings, JS_SOURCES, JSX_SOURCES, sortFindings, summary, TS_SOURCES } from './expected';
import { lintProject } from './harness';

describe('ESLint 8.57 eslintrc (ESLINT_USE_FLAT_CONFIG=false)', () => {
  it('.eslintrc.json extending plugin:agent-guard/legacy-recommended, overrides for every extension', async () => {
    const run = await lintProject('eslintrc-json', 8, { flatConfig: false });
    expect(summary(run), run.stderr).toEqual({
      exitCode: 1,
      linted: [...JS_SOURCES, ...JSX_SOURCES, ...TS_SOURCES].sort(),
      findings: fetchFindings([...JS_SOURCES, ...JSX_SOURCES, ...TS_SOURCES]),
    });
  });

  it('.eslintrc.cjs without overrides lints only .js files', async () => {
    const run = await lintProject('eslintrc-cjs', 8, { flatConfig: false });
    expect(summary(run), run.stderr).toEqual({
      exitCode: 1,
      linted: ['src/app.js', 'src/clean.js'],
      findings: fetchFindings(['src/app.js', 'src/clean.js']),
    });
  });

  it('.eslintrc.cjs with --ext .js,.mjs,.cjs also lints .mjs/.cjs (and .eslintrc.cjs itself)', async () => {
    const run = await lintProject('eslintrc-cjs', 8, { flatConfig: false, args: ['--ext', '.js,.mjs,.cjs', '.'] });
    expect(summary(run), run.stderr).toEqual({
      exitCode: 1,
      linted: ['.eslintrc.cjs', ...JS_SOURCES],
      findings: fetchFindings(JS_SOURCES),
    });
  });
});

describe('ESLint 8.57 flat config (ESLINT_USE_FLAT_CONFIG=true)', () => {
  it('eslint.config.js (ESM) with configs.recommended lints .js/.mjs/.cjs and nothing else', async () => {
    const run = await lintProject('flat-js', 8, { flatConfig: true });
    expect(summary(run), run.stderr).toEqual({
      exitCode: 1,
      linted: ['eslint.config.js', ...JS_SOURCES],
      findings: fetchFindings(JS_SOURCES),
    });
  });

  it('reports .ts/.jsx files passed explicitly but not covered by `files` as ignored', async () => {
    const run = await lintProject('flat-js', 8, { flatConfig: true, args: ['src/typed.ts', 'src/component.jsx'] });
    expect(summary(run), run.stderr).toEqual({
      exitCode: 0,
      linted: ['src/component.jsx', 'src/typed.ts'],
      findings: [
        { file: 'src/component.jsx', line: 0, ruleId: null, severity: 'warn' },
        { file: 'src/typed.ts', line: 0, ruleId: null, severity: 'warn' },
      ],
    });
  });

  it('eslint.config.cjs (require) with configs.recommended', async () => {
    const run = await lintProject('flat-cjs', 8, { flatConfig: true });
    expect(summary(run), run.stderr).toEqual({
      exitCode: 1,
      linted: ['eslint.config.cjs', ...JS_SOURCES],
      findings: fetchFindings(JS_SOURCES),
    });
  });

  it('`files` entries plus @typescript-eslint/parser lint every extension', async () => {
    const run = await lintProject('flat-all-extensions', 8, { flatConfig: true });
    expect(summary(run), run.stderr).toEqual({
      exitCode: 1,
      linted: ['eslint.config.js', ...JS_SOURCES, ...JSX_SOURCES, ...TS_SOURCES].sort(),
      findings: fetchFindings([...JS_SOURCES, ...JSX_SOURCES, ...TS_SOURCES]),
    });
  });

  it('tseslint.config(...tseslint.configs.recommended, configs.recommended) adds .ts/.tsx/.mts/.cts', async () => {
    const run = await lintProject('flat-tseslint', 8, { flatConfig: true });
    expect(summary(run), run.stderr).toEqual({
      exitCode: 1,
      linted: ['eslint.config.js', ...JS_SOURCES, ...TS_SOURCES].sort(),
      findings: fetchFindings([...JS_SOURCES, ...TS_SOURCES]),
    });
  });

  it('accepts the plugin reached through both import and require (same object)', async () => {
    const run = await lintProject('mixed-import-require', 8, { flatConfig: true });
    expect(summary(run), run.stderr).toEqual({
      exitCode: 1,
      linted: ['eslint.config.js', ...JS_SOURCES],
      findings: sortFindings([
        ...fetchFindings(['src/app.js', 'src/clean.js', 'src/module.mjs']),
        { file: 'src/common.cjs', line: 4, ruleId: FETCH_RULE, severity: 'warn' },
      ]),
    });
  });

  it("cannot use defineConfig: ESLint 8 has no 'eslint/config' export", async () => {
    const run = await lintProject('flat-define-config', 8, { flatConfig: true });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('ERR_PACKAGE_PATH_NOT_EXPORTED');
    expect(run.stderr).toContain("Package subpath './config' is not defined by \"exports\"");
  });

  it('cannot load eslint.config.ts: only eslint.config.js/.mjs/.cjs are looked up', async () => {
    const run = await lintProject('flat-ts-config', 8, { flatConfig: true });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('Could not find config file.');
  });
});
