import { describe, expect, it } from 'vitest';

import { compileGlob, compileGlobs } from '../../src/core/globs';

describe('compileGlob', () => {
  it.each([
    // [glob, anchored (URL path), subject, matches]
    ['/health*', true, '/healthz', true],
    ['/health*', true, '/health', true],
    ['/health*', true, '/health/deep', false],
    ['/auth/**', true, '/auth', true],
    ['/auth/**', true, '/auth/', true],
    ['/auth/**', true, '/auth/github/callback', true],
    ['/auth/**', true, '/authx', false],
    ['/api/v*/status', true, '/api/v2/status', true],
    ['/api/v*/status', true, '/api/v2/x/status', false],
    ['/u?er', true, '/user', true],
    ['/u?er', true, '/uer', false],
    ['/u?er', true, '/u/er', false],
    ['/u?er', true, '/u😀er', true], // `?` is one character, not one UTF-16 unit
    ['/a.b', true, '/aXb', false],
    ['/(x)', true, '/(x)', true],
    ['/users/:id', true, '/users/:id', true],
    ['/users/:id', true, '/users/42', false],
    ['/users/*', true, '/users/:id', true],
    ['/', true, '/', true],
    ['/', true, '/x', false],
    ['/a/**/b', true, '/a/b', true],
    ['/a/**/b', true, '/a/x/y/b', true],
    ['/a/**/b', true, '/a/xb', false],
    ['/a/**/**/**/b', true, '/a/b', true],
    ['/a/**/**/**/b', true, '/a/x/b', true],
    ['/a**', true, '/a/b/c', true],
    ['/a***', true, '/ab/c', true],
    ['/a**b', true, '/a/x/b', true],
    ['/**', true, '/', true],
    ['/**', true, '/any/thing', true],
    ['**/a/*.ts', true, '/x/a/b.ts', true],
    ['**/a/*.ts', true, 'a/b.ts', true],
    ['/x', true, '/X', false],
    // File globs match at a path-segment boundary anywhere in the file name.
    ['app/api/auth/**', false, '/repo/app/api/auth/[...nextauth]/route.ts', true],
    ['app/api/auth/**', false, '/repo/app/api/auth', true],
    ['app/api/auth/**', false, '/repo/myapp/api/auth/route.ts', false],
    ['src/routes/*.ts', false, 'C:/work/src/routes/users.ts', true],
    ['src/routes/*.ts', false, 'src/routes/users.ts', true],
    ['src/routes/*.ts', false, '/work/src/routes/admin/users.ts', false],
    ['app/routes/auth*', false, '/w/app/routes/auth.github.callback.tsx', true],
    ['route.ts', false, '/w/app/route.ts', true],
    ['route.ts', false, '/w/app/myroute.ts', false],
  ] as const)('%s (anchored: %s) on %s → %s', (glob, anchored, subject, matches) => {
    expect(compileGlob(glob, anchored).test(subject)).toBe(matches);
  });

  /**
   * The regular-expression translation the matcher replaced, as an oracle on inputs too small
   * to backtrack for long: the matcher must agree with it on every glob and subject.
   */
  function oracle(glob: string, anchored: boolean): RegExp {
    let source = '';
    for (let i = 0; i < glob.length; i++) {
      const char = glob[i]!;
      if (char === '*' && glob[i + 1] === '*') {
        if (source.endsWith('/') && i + 2 >= glob.length) {
          source = `${source.slice(0, -1)}(?:/.*)?`;
        } else if (glob[i + 2] === '/') {
          source += '(?:.*/)?';
          i++;
        } else {
          source += '.*';
        }
        i++;
      } else if (char === '*') {
        source += '[^/]*';
      } else if (char === '?') {
        source += '[^/]';
      } else {
        source += char.replace(/[.+^${}()|[\]\\]/gu, '\\$&');
      }
    }
    return new RegExp(`${anchored ? '^' : '(?:^|/)'}${source}$`, 'u');
  }

  it('agrees with the regular-expression semantics on 20,000 random globs and subjects', () => {
    let seed = 42;
    const random = (n: number): number => {
      seed = (seed * 48_271) % 2_147_483_647; // Park–Miller: exact in doubles
      return Math.floor((seed / 2_147_483_647) * n);
    };
    const pick = (parts: readonly string[], max: number): string => Array.from({ length: random(max) }, () => parts[random(parts.length)]).join('');
    let matched = 0;
    for (let i = 0; i < 20_000; i++) {
      const anchored = random(2) === 0;
      const glob = (anchored ? '/' : '') + pick(['a', 'b', '/', '*', '**', '**/', '?', '.'], 7);
      // Half the subjects are written from the glob (wildcards filled in), so that many match.
      const subject =
        random(2) === 0
          ? pick(['a', 'b', '/', '.', 'ab/'], 9)
          : glob.replace(/\*\*|\*|\?/gu, (wildcard) => pick(wildcard === '**' ? ['a', '/', 'b/'] : wildcard === '*' ? ['a', 'b'] : ['a', '/'], 3) || (wildcard === '?' ? 'b' : ''));
      const expected = oracle(glob, anchored).test(subject);
      matched += expected ? 1 : 0;
      expect([glob, anchored, subject, compileGlob(glob, anchored).test(subject)]).toEqual([glob, anchored, subject, expected]);
    }
    expect(matched).toBeGreaterThan(1000); // the sample exercises matches, not only failures
  });
});

describe('compileGlobs', () => {
  it('splits URL path globs (leading `/`) from file globs and ignores empty and non-string entries', () => {
    const list = compileGlobs(['/a/**', 'src/**', '**/routes/*.ts', '', 42 as unknown as string]);
    expect(list.matchesPath('/a/b')).toBe(true);
    expect(list.matchesPath('/src/x')).toBe(false); // `src/**` is a file glob
    expect(list.matchesFile('/w/src/x.ts')).toBe(true);
    expect(list.matchesFile('/w/routes/x.ts')).toBe(true); // the leading `**/` of a file glob is implied
    expect(list.matchesFile('/w/a/b.ts')).toBe(false); // `/a/**` is a URL path glob
    expect(compileGlobs(['']).matchesPath('')).toBe(false);
  });

  it('matches globs without wildcards by lookup, whole or after a `/`', () => {
    const list = compileGlobs(['/status', 'app/api/route.ts']);
    expect(list.matchesPath('/status')).toBe(true);
    expect(list.matchesPath('/status/x')).toBe(false);
    expect(list.matchesFile('app/api/route.ts')).toBe(true);
    expect(list.matchesFile('/repo/app/api/route.ts')).toBe(true);
    expect(list.matchesFile('/repo/myapp/api/route.ts')).toBe(false);
  });
});
