import { describe, expect, it } from 'vitest';

import { type ChangedLines, isChangedLine, type LineRanges, parseUnifiedDiff, unquoteGitPath } from '../../src/cli/diff';

// `git diff --unified=0 --src-prefix=a/ --dst-prefix=b/ <base>` output, written out by hand.
const DIFF = [
  'diff --git a/src/app.js b/src/app.js',
  'index 83db48f..bf269f4 100644',
  '--- a/src/app.js',
  '+++ b/src/app.js',
  '@@ -3,0 +4,2 @@ export function a() {',
  "+  const x = await fetch('https://example.com');",
  '+  return x;',
  '@@ -10 +12 @@ export function b() {',
  '-  return 1;',
  '+  return 2;',
  '@@ -20,3 +21,0 @@ export function c() {',
  '-  one();',
  '-  two();',
  '-  three();',
  'diff --git a/src/new.ts b/src/new.ts',
  'new file mode 100644',
  'index 0000000..e69de29',
  '--- /dev/null',
  '+++ b/src/new.ts',
  '@@ -0,0 +1,3 @@',
  '+export const a = 1;',
  // An added line whose text starts with "++ b/": still part of the hunk, not a header.
  '+++ b/src/not-a-file.js',
  '+export const c = 3;',
  'diff --git a/src/gone.js b/src/gone.js',
  'deleted file mode 100644',
  '--- a/src/gone.js',
  '+++ /dev/null',
  '@@ -1,2 +0,0 @@',
  '-const a = 1;',
  '-const b = 2;',
  'diff --git a/src/old-name.js b/src/new-name.js',
  'similarity index 90%',
  'rename from src/old-name.js',
  'rename to src/new-name.js',
  '--- a/src/old-name.js',
  '+++ b/src/new-name.js',
  '@@ -7 +7 @@',
  '-a();',
  '+b();',
  'diff --git a/logo.png b/logo.png',
  'Binary files a/logo.png and b/logo.png differ',
  'diff --git "a/src/with space/caf\\303\\251.js" "b/src/with space/caf\\303\\251.js"',
  '--- "a/src/with space/caf\\303\\251.js"',
  '+++ "b/src/with space/caf\\303\\251.js"',
  '@@ -1 +1 @@',
  '-old',
  '\\ No newline at end of file',
  '+new',
  '\\ No newline at end of file',
  '',
].join('\n');

describe('parseUnifiedDiff', () => {
  it('maps each new-side file to the line ranges its hunks add', () => {
    expect(Object.fromEntries(parseUnifiedDiff(DIFF))).toEqual({
      'src/app.js': [
        [4, 5],
        [12, 12],
      ],
      'src/new.ts': [[1, 3]],
      'src/new-name.js': [[7, 7]],
      'src/with space/café.js': [[1, 1]],
    });
  });

  it('returns nothing for an empty diff', () => {
    expect(parseUnifiedDiff('')).toEqual(new Map());
  });
});

describe('unquoteGitPath', () => {
  it('leaves plain paths alone and decodes C-quoted ones', () => {
    expect(unquoteGitPath('b/src/app.js')).toBe('b/src/app.js');
    expect(unquoteGitPath('"b/a\\"quote\\".js"')).toBe('b/a"quote".js');
    expect(unquoteGitPath('"b/tab\\there.js"')).toBe('b/tab\there.js');
    expect(unquoteGitPath('"b/back\\\\slash.js"')).toBe('b/back\\slash.js');
    expect(unquoteGitPath('"b/\\346\\227\\245\\346\\234\\254.ts"')).toBe('b/日本.ts');
  });
});

describe('isChangedLine', () => {
  const changes: ChangedLines = new Map<string, LineRanges | 'all'>([
    [
      'src/app.js',
      [
        [4, 5],
        [12, 12],
      ],
    ],
    ['src/untracked.js', 'all'],
  ]);

  it('is true inside a range, false outside and for unchanged files', () => {
    expect(isChangedLine(changes, 'src/app.js', 4)).toBe(true);
    expect(isChangedLine(changes, 'src/app.js', 5)).toBe(true);
    expect(isChangedLine(changes, 'src/app.js', 12)).toBe(true);
    expect(isChangedLine(changes, 'src/app.js', 3)).toBe(false);
    expect(isChangedLine(changes, 'src/app.js', 6)).toBe(false);
    expect(isChangedLine(changes, 'src/other.js', 4)).toBe(false);
  });

  it('counts every line of an untracked file as added', () => {
    expect(isChangedLine(changes, 'src/untracked.js', 1)).toBe(true);
    expect(isChangedLine(changes, 'src/untracked.js', 9999)).toBe(true);
  });
});
