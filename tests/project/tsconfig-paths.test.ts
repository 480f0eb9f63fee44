import { describe, expect, it } from 'vitest';

import { candidatePaths, jsoncToJson, readTsconfigPaths } from '../../src/project/tsconfig-paths';
import { fixture } from './helpers';

describe('jsoncToJson', () => {
  it('removes comments and trailing commas outside strings', () => {
    const text = '{\n  // line\n  "a": [1, 2,], /* block */\n  "b": { "c": "x", },\n}';
    expect(JSON.parse(jsoncToJson(text))).toEqual({ a: [1, 2], b: { c: 'x' } });
  });

  it('keeps what looks like a comment or a trailing comma inside a string, and escaped quotes', () => {
    const text = '{ "url": "http://x/*y*/", "s": "a,}", "q": "say \\"hi\\" // no" }';
    expect(JSON.parse(jsoncToJson(text))).toEqual({ url: 'http://x/*y*/', s: 'a,}', q: 'say "hi" // no' });
  });

  it('leaves an unterminated comment or string for JSON.parse to reject', () => {
    expect(() => JSON.parse(jsoncToJson('{ "a": 1 /* open'))).toThrow();
    expect(() => JSON.parse(jsoncToJson('{ "a": "open'))).toThrow();
  });
});

describe('readTsconfigPaths and candidatePaths', () => {
  it('reads paths through an extends that resolves among the workspace packages, skipping one that does not', () => {
    const config = readTsconfigPaths(fixture('lenient/apps/web/tsconfig.json'));
    expect(config).toMatchObject({ pathsBase: fixture('lenient/apps/web'), baseUrl: null });
    expect(candidatePaths(config!, '@/utils/auth')).toEqual([fixture('lenient/apps/web/utils/auth')]);
    expect(candidatePaths(config!, '@/lib/special')).toEqual([fixture('lenient/apps/web/lib/special-impl.ts')]);
    expect(candidatePaths(config!, 'react')).toEqual([]);
  });

  it('adds the specifier under baseUrl after the paths', () => {
    const config = readTsconfigPaths(fixture('lenient/apps/api/tsconfig.json'));
    expect(config).toMatchObject({ pathsBase: fixture('lenient/apps/api/src'), baseUrl: fixture('lenient/apps/api/src') });
    expect(candidatePaths(config!, '~shared/util')).toEqual([fixture('lenient/apps/api/src/shared/util'), fixture('lenient/apps/api/src/~shared/util')]);
  });

  it('answers null for a config that gives neither paths nor baseUrl, is missing, or is not JSON', () => {
    expect(readTsconfigPaths(fixture('lenient/packages/tsconfig/nextjs.json'))).toBe(null);
    expect(readTsconfigPaths(fixture('lenient/none.json'))).toBe(null);
    expect(readTsconfigPaths(fixture('broken/tsconfig.json'))).toBe(null);
  });

  it('stops at a cycle of extends', () => {
    expect(readTsconfigPaths(fixture('lenient/cycle-a.json'))).toMatchObject({ patterns: [{ prefix: 'a/', suffix: '', targets: ['./a/*'] }] });
  });
});
