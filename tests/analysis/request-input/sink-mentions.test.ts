import { describe, expect, it } from 'vitest';

import { sinkMentionPattern } from '../../../src/analysis/request-input/index';
import { CALL } from '../../../src/core/modules';

/*
 * The text pre-test of imported wrappers: what a helper's file must mention to use a sink of a
 * trace map or of its globals. The pattern is kept per pair, so one trace map asked with other
 * globals gets the pattern of those globals, not the first one made for the map.
 */
describe('sinkMentionPattern', () => {
  const traceMap = { child_process: { exec: { [CALL]: true } } };
  const withFetch = { fetch: { [CALL]: true } };
  const withEval = { eval: { [CALL]: true } };

  it('matches the modules of the map and the globals it is asked with, used as code', () => {
    const pattern = sinkMentionPattern(traceMap, withFetch);
    expect(pattern.test(`import { exec } from 'node:child_process';`)).toBe(true);
    expect(pattern.test(`const r = await fetch(url);`)).toBe(true);
    expect(pattern.test(`// fetch the rows`)).toBe(false);
  });

  it('answers each pair of trace map and globals with its own pattern', () => {
    const first = sinkMentionPattern(traceMap, withFetch);
    const other = sinkMentionPattern(traceMap, withEval);
    const none = sinkMentionPattern(traceMap, undefined);
    expect(other.test(`eval(code);`)).toBe(true);
    expect(other.test(`const r = await fetch(url);`)).toBe(false);
    expect(none.test(`eval(code);`)).toBe(false);
    expect(none.test(`require("child_process")`)).toBe(true);
    // The same pair keeps its pattern.
    expect(sinkMentionPattern(traceMap, withFetch)).toBe(first);
  });
});
