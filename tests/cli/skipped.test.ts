import { describe, expect, it } from 'vitest';

import { describeSkipped, type SkippedFile } from '../../src/cli/skipped';

const SKIPPED: SkippedFile[] = [
  { file: '/repo/vendor/jquery.js', reason: 'vendored' },
  { file: '/repo/docs/b.js', reason: 'could not parse', message: 'Unexpected token )', line: 2, column: 7 },
  { file: '/repo/dist/app.js', reason: 'build output' },
  { file: '/repo/docs/a.js', reason: 'could not parse', message: 'Unterminated string constant' },
  { file: '/repo/public/bundle.js', reason: 'too large' },
  { file: '/repo/dist/chunk.js', reason: 'build output' },
];

describe('describeSkipped', () => {
  it('lists every file that could not be parsed and counts the files left out by reason', () => {
    expect(describeSkipped(SKIPPED, '/repo', false)).toBe(
      [
        'agent-guard: skipped 2 files it could not parse (not checked):',
        '  docs/a.js  Unterminated string constant',
        '  docs/b.js:2:7  Unexpected token )',
        'agent-guard: left out 4 files (1 vendored, 2 build output, 1 too large); --verbose lists them',
        '',
      ].join('\n'),
    );
  });

  it('lists the files left out too with verbose', () => {
    expect(describeSkipped(SKIPPED.filter((entry) => entry.reason !== 'could not parse'), '/repo', true)).toBe(
      [
        'agent-guard: left out 4 files (1 vendored, 2 build output, 1 too large):',
        '  dist/app.js  (build output)',
        '  dist/chunk.js  (build output)',
        '  public/bundle.js  (too large)',
        '  vendor/jquery.js  (vendored)',
        '',
      ].join('\n'),
    );
  });

  it('says "read or parse" when a file could not be read', () => {
    expect(
      describeSkipped(
        [
          { file: '/repo/src/loop.js', reason: 'could not read', message: 'ELOOP: too many symbolic links encountered' },
          { file: '/repo/docs/a.js', reason: 'could not parse', message: 'Unexpected token' },
        ],
        '/repo',
        false,
      ),
    ).toBe('agent-guard: skipped 2 files it could not read or parse (not checked):\n  docs/a.js  Unexpected token\n  src/loop.js  ELOOP: too many symbolic links encountered\n');
  });

  it('says nothing when nothing was skipped, and uses the singular for one file', () => {
    expect(describeSkipped([], '/repo', true)).toBe('');
    expect(describeSkipped([{ file: '/repo/a.min.js', reason: 'minified' }], '/repo', false)).toBe(
      'agent-guard: left out 1 file (1 minified); --verbose lists them\n',
    );
  });
});
