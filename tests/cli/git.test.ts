// discoverFiles and collectChangedLines against real git repositories in a temp directory.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { collectChangedLines } from '../../src/cli/diff';
import { CliError } from '../../src/cli/errors';
import { discoverFiles, isSourceFile } from '../../src/cli/files';

const base = realpathSync(mkdtempSync(join(tmpdir(), 'agent-guard-cli-git-')));

function write(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'init.defaultBranch=main', '-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], {
    cwd,
    encoding: 'utf8',
  });
}

const TREE = {
  'src/app.js': 'fetch(url);\n',
  'src/view.tsx': 'export const v = 1;\n',
  'src/types.d.ts': 'declare const x: number;\n',
  'src/vendor/lib.min.js': 'a();\n',
  'src/readme.md': '# no\n',
  'node_modules/pkg/index.js': 'fetch(url);\n',
  'dist/bundle.js': 'fetch(url);\n',
  '.next/server.js': 'fetch(url);\n',
  'packages/web/build/out.mjs': 'fetch(url);\n',
  'generated/api.ts': 'fetch(url);\n',
  'scripts/tool.cjs': 'fetch(url);\n',
};

beforeAll(() => {
  // Neither the developer's global git config nor the system one may change what git lists.
  vi.stubEnv('GIT_CONFIG_GLOBAL', join(base, 'no-global-config'));
  vi.stubEnv('GIT_CONFIG_NOSYSTEM', '1');
});

afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(base, { recursive: true, force: true });
});

describe('isSourceFile', () => {
  it('takes JS/TS sources and skips dependencies, build output, minified and declaration files', () => {
    for (const path of ['a.js', 'a.jsx', 'a.mjs', 'a.cjs', 'a.ts', 'a.tsx', 'a.mts', 'a.cts', 'src/A.TS', 'builder/x.js']) {
      expect(isSourceFile(path), path).toBe(true);
    }
    for (const path of ['a.json', 'a.vue', 'a.d.ts', 'a.d.mts', 'styles.d.css.ts', 'a.min.js', 'node_modules/a.js', 'x/dist/a.js', 'coverage/a.js', '.svelte-kit/a.js', '.nuxt/a.js', '.output/a.js', 'out/a.js']) {
      expect(isSourceFile(path), path).toBe(false);
    }
  });
});

describe('discoverFiles', () => {
  it('walks the tree outside git', async () => {
    const root = join(base, 'plain');
    write(root, TREE);
    expect(await discoverFiles({ cwd: root, paths: ['.'], anyExtension: false })).toEqual(
      ['generated/api.ts', 'scripts/tool.cjs', 'src/app.js', 'src/view.tsx'].map((file) => join(root, file)),
    );
  });

  it('asks git inside a work tree: .gitignore honoured, untracked files included, deleted files left out', async () => {
    const root = join(base, 'repo');
    write(root, { ...TREE, '.gitignore': 'generated/\n', 'src/deleted.js': 'x;\n' });
    git(root, 'init', '-q');
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'init');
    rmSync(join(root, 'src/deleted.js'));
    write(root, { 'src/untracked.ts': 'fetch(url);\n' });
    expect(await discoverFiles({ cwd: root, paths: ['.'], anyExtension: false })).toEqual(
      ['scripts/tool.cjs', 'src/app.js', 'src/untracked.ts', 'src/view.tsx'].map((file) => join(root, file)),
    );
    // A directory argument is searched from there; a file argument is taken as given.
    expect(await discoverFiles({ cwd: join(root, 'src'), paths: ['.', '../dist/bundle.js'], anyExtension: false })).toEqual(
      ['dist/bundle.js', 'src/app.js', 'src/untracked.ts', 'src/view.tsx'].map((file) => join(root, file)),
    );
  });

  it('rejects missing paths and, without --config, files that are not JS/TS', async () => {
    const root = join(base, 'plain');
    await expect(discoverFiles({ cwd: root, paths: ['nope'], anyExtension: false })).rejects.toThrow(new CliError('no such file or directory: nope'));
    await expect(discoverFiles({ cwd: root, paths: ['src/readme.md'], anyExtension: false })).rejects.toThrow(
      new CliError('not a JavaScript or TypeScript file: src/readme.md'),
    );
    expect(await discoverFiles({ cwd: root, paths: ['src/readme.md'], anyExtension: true })).toEqual([join(root, 'src/readme.md')]);
  });
});

describe('collectChangedLines', () => {
  const root = join(base, 'diff');

  beforeAll(() => {
    write(root, { 'a.js': 'one\ntwo\nthree\nfour\n', 'b.js': 'keep\n', 'gone.js': 'x\n', 'with space/é.ts': 'old\n' });
    git(root, 'init', '-q');
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'base');
    git(root, 'checkout', '-qb', 'feature');
    write(root, { 'a.js': 'one\nTWO\nthree\nfour\nfive\n' });
    git(root, 'commit', '-qam', 'committed change');
    write(root, { 'b.js': 'keep\nstaged\n', 'with space/é.ts': 'new\n' });
    git(root, 'add', 'b.js');
    rmSync(join(root, 'gone.js'));
    write(root, { 'new/untracked.js': 'a\nb\n' });
  });

  it('collects committed, staged, unstaged and untracked changes since the merge base', async () => {
    const changes = await collectChangedLines(root, 'main');
    expect(Object.fromEntries(changes)).toEqual({
      'a.js': [
        [2, 2],
        [5, 5],
      ],
      'b.js': [[2, 2]],
      'with space/é.ts': [[1, 1]],
      'new/untracked.js': 'all',
    });
  });

  it('fails with one line on an unknown ref or without a common ancestor', async () => {
    await expect(collectChangedLines(root, 'origin/nope')).rejects.toThrow(
      new CliError('--diff: unknown git ref "origin/nope" (fetch it first, e.g. git fetch origin main)'),
    );
    git(root, 'checkout', '-q', '--orphan', 'unrelated');
    git(root, 'commit', '-qm', 'orphan');
    await expect(collectChangedLines(root, 'main')).rejects.toThrow(
      new CliError('--diff: no common ancestor of "main" and HEAD (in a shallow clone, fetch full history: fetch-depth: 0)'),
    );
  });
});
