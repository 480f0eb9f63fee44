import { describe, expect, it } from 'vitest';

import { fetchFindings, JS_SOURCES, summary, TS_SOURCES } from './expected';
import { lintProject } from './harness';

describe('ESLint 9 flat config', () => {
  it('eslint.config.ts (loaded through jiti)', async () => {
    const run = await lintProject('flat-ts-config', 9, { flatConfig: true });
    expect(summary(run), run.stderr).toEqual({
      exitCode: 1,
      linted: ['eslint.config.ts', ...JS_SOURCES, ...TS_SOURCES].sort(),
      findings: fetchFindings([...JS_SOURCES, ...TS_SOURCES]),
    });
  });
});
