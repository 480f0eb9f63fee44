import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import { perFile, perFileKey } from '../../src/core/context';
import type { FileContext } from '../../src/core/context';

/** The rule contexts ESLint hands out for each of `codes`, two rules per file. */
function contextsOf(codes: readonly string[]): FileContext[][] {
  const seen: FileContext[][] = [];
  const linter = new Linter({ configType: 'flat' });
  for (const code of codes) {
    const perFileContexts: FileContext[] = [];
    const rule = { create: (context: FileContext) => (perFileContexts.push(context), {}) };
    linter.verify(code, { plugins: { probe: { rules: { a: rule, b: rule } as never } }, rules: { 'probe/a': 'error', 'probe/b': 'error' } });
    seen.push(perFileContexts);
  }
  return seen;
}

describe('perFile', () => {
  it('makes a value once per file and shares it between rules', () => {
    const KEY = perFileKey<{ n: number }>('test');
    let made = 0;
    const [[a1, b1], [a2, b2]] = contextsOf(['let x = 1;', 'let y = 2;']) as [[FileContext, FileContext], [FileContext, FileContext]];
    const first = perFile(a1, KEY, () => ({ n: ++made }));
    expect(perFile(b1, KEY, () => ({ n: ++made }))).toBe(first);
    const second = perFile(a2, KEY, () => ({ n: ++made }));
    expect(second).not.toBe(first);
    expect(perFile(b2, KEY, () => ({ n: ++made }))).toBe(second);
    // Back to the first file: still its own value, not the last file's.
    expect(perFile(a1, KEY, () => ({ n: ++made }))).toBe(first);
    expect(made).toBe(2);
  });

  it('keeps keys apart and memoises undefined and null results', () => {
    const [[context]] = contextsOf(['f();']) as [[FileContext]];
    const A = perFileKey<undefined>('a');
    const B = perFileKey<null>('b');
    let calls = 0;
    expect(perFile(context, A, () => (calls++, undefined))).toBeUndefined();
    expect(perFile(context, A, () => (calls++, undefined))).toBeUndefined();
    expect(perFile(context, B, () => (calls++, null))).toBeNull();
    expect(perFile(context, B, () => (calls++, null))).toBeNull();
    expect(calls).toBe(2);
  });
});
