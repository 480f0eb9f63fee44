import { describe, expect, it } from 'vitest';

import { exitCodeFor, filterResults, totals } from '../../src/cli/results';
import { message, parseError, result } from './helpers';

describe('filterResults', () => {
  it('keeps the accepted messages and recomputes every count', () => {
    const fixable = message({ severity: 1, line: 8, fix: { range: [0, 1], text: '' } });
    const [filtered] = filterResults([result('/r/a.js', [message({ line: 1 }), fixable, parseError()])], (_r, m) => m.line !== 1);
    expect(filtered).toMatchObject({
      messages: [fixable, parseError()],
      errorCount: 1,
      fatalErrorCount: 1,
      warningCount: 1,
      fixableErrorCount: 0,
      fixableWarningCount: 1,
    });
  });
});

describe('totals and exitCodeFor', () => {
  const results = [result('/r/a.js', [message(), message({ severity: 1 })]), result('/r/b.js', []), result('/r/c.js', [message({ severity: 1 })])];

  it('counts errors, warnings, parse errors and files with findings', () => {
    expect(totals(results)).toEqual({ errors: 1, warnings: 2, parseErrors: 0, files: 2 });
    expect(totals([result('/r/d.js', [parseError()])])).toEqual({ errors: 0, warnings: 0, parseErrors: 1, files: 1 });
  });

  it('is 0 without findings, 1 for errors or too many warnings; a parse error alone never fails the run', () => {
    expect(exitCodeFor({ errors: 0, warnings: 0, parseErrors: 0, files: 0 }, undefined)).toBe(0);
    expect(exitCodeFor({ errors: 1, warnings: 0, parseErrors: 0, files: 1 }, 10)).toBe(1);
    expect(exitCodeFor({ errors: 0, warnings: 2, parseErrors: 0, files: 1 }, undefined)).toBe(1);
    expect(exitCodeFor({ errors: 0, warnings: 2, parseErrors: 0, files: 1 }, 1)).toBe(1);
    expect(exitCodeFor({ errors: 0, warnings: 2, parseErrors: 0, files: 1 }, 2)).toBe(0);
    expect(exitCodeFor({ errors: 3, warnings: 0, parseErrors: 1, files: 2 }, undefined)).toBe(1);
    expect(exitCodeFor({ errors: 0, warnings: 0, parseErrors: 1, files: 1 }, undefined)).toBe(0);
  });
});
