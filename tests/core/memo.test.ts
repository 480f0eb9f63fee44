import { describe, expect, it } from 'vitest';

import { memoizeByString } from '../../src/core/memo';

describe('memoizeByString', () => {
  it('judges each key once and answers the same afterwards, falsy answers included', () => {
    const asked: string[] = [];
    const judge = memoizeByString((key) => {
      asked.push(key);
      return key === 'b' ? 0 : key.length;
    });
    expect([judge('aa'), judge('b'), judge('aa'), judge('b')]).toEqual([2, 0, 2, 0]);
    expect(asked).toEqual(['aa', 'b']);
  });

  it('starts afresh at its bound', () => {
    const asked: string[] = [];
    const judge = memoizeByString((key) => asked.push(key), { max: 2 });
    judge('a');
    judge('b');
    judge('c'); // the memo was full: cleared, then holds c
    judge('a');
    judge('c');
    expect(asked).toEqual(['a', 'b', 'c', 'a']);
  });

  it('judges keys longer than maxKeyLength each time, without keeping them', () => {
    const asked: string[] = [];
    const judge = memoizeByString((key) => asked.push(key), { maxKeyLength: 3 });
    judge('abcd');
    judge('abcd');
    judge('abc');
    judge('abc');
    expect(asked).toEqual(['abcd', 'abcd', 'abc']);
  });
});
