import { compareFindings, type Finding, type LintRun } from './harness';

export const FETCH_RULE = 'agent-guard/fetch-requires-timeout';

/** The shared sources (projects/_shared-src) by the file types each set-up must lint. */
export const JS_SOURCES = ['src/app.js', 'src/clean.js', 'src/common.cjs', 'src/module.mjs'];
export const JSX_SOURCES = ['src/component.jsx'];
export const TS_SOURCES = ['src/esm.mts', 'src/legacy.cts', 'src/typed.ts', 'src/view.tsx'];

/** Lines where each shared source calls fetch/axios without a timeout (clean.js has none). */
const VIOLATIONS: Record<string, readonly number[]> = {
  'src/app.js': [4, 9],
  'src/clean.js': [],
  'src/common.cjs': [4],
  'src/component.jsx': [2],
  'src/esm.mts': [2],
  'src/legacy.cts': [2],
  'src/module.mjs': [2],
  'src/typed.ts': [9, 14],
  'src/view.tsx': [2],
};

/** The fetch-requires-timeout findings ESLint must report for these source files. */
export function fetchFindings(files: readonly string[], severity: Finding['severity'] = 'error'): Finding[] {
  return files
    .flatMap((file) => {
      const lines = VIOLATIONS[file];
      if (!lines) {
        throw new Error(`${file} is not a shared source`);
      }
      return lines.map((line): Finding => ({ file, line, ruleId: FETCH_RULE, severity }));
    })
    .sort(compareFindings);
}

export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}

/** The part of a run the tests assert on; stderr rides along as the failure message. */
export function summary(run: LintRun): Pick<LintRun, 'exitCode' | 'linted' | 'findings'> {
  return { exitCode: run.exitCode, linted: run.linted, findings: run.findings };
}
