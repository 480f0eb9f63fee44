import { describe, expect, it } from 'vitest';

import { wordsOf } from '../../src/core/words';

describe('wordsOf', () => {
  it.each([
    ['ensureLoggedIn', ['ensure', 'logged', 'in', 'ensurelogged', 'loggedin']],
    ['JWTAuthGuard', ['jwt', 'auth', 'guard', 'jwtauth', 'authguard']],
    ['api_key-check', ['api', 'key', 'check', 'apikey', 'keycheck']],
    ['passport.authenticate', ['passport', 'authenticate', 'passportauthenticate']],
    ['auth', ['auth']],
    ['', []],
    ['$_', []],
  ])('%s', (name, words) => {
    expect(wordsOf(name)).toEqual(words);
  });
});

describe('wordsOf memo', () => {
  it('answers a name asked again with the same array', () => {
    const first = wordsOf('requireSignedInUser');
    expect(wordsOf('requireSignedInUser')).toBe(first);
    expect(first).toEqual(['require', 'signed', 'in', 'user', 'requiresigned', 'signedin', 'inuser']);
  });

  it('shares a frozen array, so no caller can change what the next one reads', () => {
    const words = wordsOf('verifyWebhook');
    expect(() => (words as string[]).push('admin')).toThrow(TypeError);
    expect(wordsOf('verifyWebhook')).toEqual(['verify', 'webhook', 'verifywebhook']);
  });

  it('keys by the exact name: names that differ only in case or separators get their own words', () => {
    expect(wordsOf('isAdmin')).toEqual(['is', 'admin', 'isadmin']);
    expect(wordsOf('isadmin')).toEqual(['isadmin']);
    expect(wordsOf('is_admin')).toEqual(['is', 'admin', 'isadmin']);
    expect(wordsOf('IsAdmin')).toEqual(['is', 'admin', 'isadmin']);
    expect(wordsOf('isAdmin')).toEqual(['is', 'admin', 'isadmin']);
  });

  it('splits long names correctly without keeping them', () => {
    const long = `${'segment.'.repeat(40)}requireAuth`;
    const words = wordsOf(long);
    // 42 parts and the 41 pairs of neighbours.
    expect(words.length).toBe(42 + 41);
    expect(words.slice(40, 42)).toEqual(['require', 'auth']);
    expect(words.slice(-2)).toEqual(['segmentrequire', 'requireauth']);
    expect(wordsOf(long)).toEqual(words);
  });

  it('stays correct when more names come than it keeps', () => {
    const first = wordsOf('checkApiKey');
    for (let i = 0; i < 10_000; i++) {
      expect(wordsOf(`handler${i}Name`)).toEqual([`handler${i}`, 'name', `handler${i}name`]);
    }
    expect(wordsOf('checkApiKey')).toEqual(first);
    expect(wordsOf('checkApiKey')).toEqual(['check', 'api', 'key', 'checkapi', 'apikey']);
  });
});
