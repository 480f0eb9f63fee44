import { describe, expect, it } from 'vitest';

import { fetchFindings, JS_SOURCES, summary } from './expected';
import { lintProject } from './harness';

describe('ESLint 8.57 eslintrc (ESLINT_USE_FLAT_CONFIG=false)', () => {
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
