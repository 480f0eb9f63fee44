import { describe, expect, it } from 'vitest';

import { fetchFindings, JS_SOURCES, summary, TS_SOURCES } from './expected';
import { lintProject } from './harness';

describe('ESLint 10 (flat config only)', () => {
  it('skips .ts/.jsx files passed explicitly when no config object has `files` for them', async () => {
    const run = await lintProject('flat-js', 10, { flatConfig: true, args: ['src/typed.ts', 'src/component.jsx'] });
    expect(summary(run), run.stderr).toEqual({
      exitCode: 0,
      linted: ['src/component.jsx', 'src/typed.ts'],
      findings: [
        { file: 'src/component.jsx', line: 0, ruleId: null, severity: 'warn' },
        { file: 'src/typed.ts', line: 0, ruleId: null, severity: 'warn' },
      ],
    });
  });

  it('eslint.config.ts (loaded through jiti) in an ESM package', async () => {
    const run = await lintProject('flat-ts-config', 10, { flatConfig: true });
    expect(summary(run), run.stderr).toEqual({
      exitCode: 1,
      linted: ['eslint.config.ts', ...JS_SOURCES, ...TS_SOURCES].sort(),
      findings: fetchFindings([...JS_SOURCES, ...TS_SOURCES]),
    });
  });

  it('eslint.config.cts (loaded through jiti) in a CommonJS package', async () => {
    const run = await lintProject('flat-cts-config', 10, { flatConfig: true });
    expect(summary(run), run.stderr).toEqual({
      exitCode: 1,
      linted: ['eslint.config.cts', ...JS_SOURCES, ...TS_SOURCES].sort(),
      findings: fetchFindings([...JS_SOURCES, ...TS_SOURCES]),
    });
  });

  it('configs.strict', async () => {
    const run = await lintProject('flat-strict', 10, { flatConfig: true });
    expect(summary(run), run.stderr).toEqual({
      exitCode: 1,
      linted: ['eslint.config.js', ...JS_SOURCES],
      findings: fetchFindings(JS_SOURCES),
    });
  });

  it('control: two different plugin objects under one name fail with "Cannot redefine plugin"', async () => {
    const run = await lintProject('mixed-control', 10, { flatConfig: true });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('Cannot redefine plugin "agent-guard"');
  });

  it('ignores ESLINT_USE_FLAT_CONFIG=false and .eslintrc.json: no config is found', async () => {
    const run = await lintProject('eslintrc-json', 10, { flatConfig: false });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain("ESLint couldn't find an eslint.config.* file.");
    expect(run.linted).toEqual([]);
  });
});
