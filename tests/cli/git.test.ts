// discoverFiles and collectChangedLines against real git repositories in a temp directory.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { collectChangedLines } from '../../src/cli/diff';
import { CliError } from '../../src/cli/errors';
import { DEFAULT_MAX_FILE_SIZE } from '../../src/cli/args';
import { defaultSkipReason, type DiscoveryOptions, discoverFiles, isSourceFile, looksMinified, MINIFIED_LINE_LENGTH } from '../../src/cli/files';
import { loadUserIgnores, NO_USER_IGNORES } from '../../src/cli/ignores';

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

describe('isSourceFile and defaultSkipReason', () => {
  it('takes JS/TS sources, never declaration files', () => {
    for (const path of ['a.js', 'a.jsx', 'a.mjs', 'a.cjs', 'a.ts', 'a.tsx', 'a.mts', 'a.cts', 'src/A.TS', 'builder/x.js', 'a.min.js']) {
      expect(isSourceFile(path), path).toBe(true);
    }
    for (const path of ['a.json', 'a.vue', 'a.d.ts', 'a.d.mts', 'styles.d.css.ts']) {
      expect(isSourceFile(path), path).toBe(false);
    }
  });

  it('names why dependencies, vendored code, build output and minified files are left out', () => {
    const cases: Record<string, string | null> = {
      'node_modules/a.js': 'dependency',
      '.yarn/releases/yarn-4.1.0.cjs': 'dependency',
      '.pnp.cjs': 'dependency',
      '.pnp.loader.mjs': 'dependency',
      'pnp.cjs': null,
      'vendor/jquery.js': 'vendored',
      'lib/third_party/x.js': 'vendored',
      'x/dist/a.js': 'build output',
      'build/a.js': 'build output',
      'coverage/a.js': 'build output',
      '.svelte-kit/a.js': 'build output',
      '.nuxt/a.js': 'build output',
      '.output/a.js': 'build output',
      'out/a.js': 'build output',
      'a.min.js': 'minified',
      'a.min.cjs': 'minified',
      'src/app.js': null,
      'builder/x.js': null,
      'tests/fixtures/dist.js': null,
      'vendor.js': null,
    };
    for (const [path, reason] of Object.entries(cases)) {
      expect(defaultSkipReason(path), path).toBe(reason);
    }
  });

  it('judges minified content by the average line length', () => {
    expect(looksMinified(`${'x'.repeat(MINIFIED_LINE_LENGTH * 3)}\n${'y'.repeat(10)}`)).toBe(true);
    expect(looksMinified('const a = 1;\n'.repeat(500))).toBe(false);
    // A long data line among ordinary code keeps the average down.
    expect(looksMinified(`${'const a = 1;\n'.repeat(60)}const data = "${'A'.repeat(20_000)}";\n`)).toBe(false);
  });
});

const options = (cwd: string, paths: string[], extra: Partial<DiscoveryOptions> = {}): DiscoveryOptions => ({
  cwd,
  paths,
  anyExtension: false,
  maxFileSize: DEFAULT_MAX_FILE_SIZE,
  ignores: NO_USER_IGNORES,
  ...extra,
});

/** Discovery as root-relative paths: files checked, and `path (reason)` for those left out. */
async function discover(root: string, extra: Partial<DiscoveryOptions> & { from?: string; paths?: string[] } = {}) {
  const { files, skipped } = await discoverFiles(options(extra.from ?? root, extra.paths ?? ['.'], extra));
  return {
    files: files.map((file) => relative(root, file)),
    skipped: skipped.map((entry) => `${relative(root, entry.file)} (${entry.reason})`).sort(),
  };
}

describe('discoverFiles', () => {
  it('walks the tree outside git, never entering node_modules, and says what it left out', async () => {
    const root = join(base, 'plain');
    write(root, TREE);
    expect(await discover(root)).toEqual({
      files: ['generated/api.ts', 'scripts/tool.cjs', 'src/app.js', 'src/view.tsx'],
      skipped: ['.next/server.js (build output)', 'dist/bundle.js (build output)', 'packages/web/build/out.mjs (build output)', 'src/vendor/lib.min.js (vendored)'],
    });
  });

  it('asks git inside a work tree: .gitignore honoured, untracked files included, deleted files left out', async () => {
    const root = join(base, 'repo');
    write(root, { ...TREE, '.gitignore': 'generated/\n', 'src/deleted.js': 'x;\n' });
    git(root, 'init', '-q');
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'init');
    rmSync(join(root, 'src/deleted.js'));
    write(root, { 'src/untracked.ts': 'fetch(url);\n' });
    expect(await discover(root)).toEqual({
      files: ['scripts/tool.cjs', 'src/app.js', 'src/untracked.ts', 'src/view.tsx'],
      // Committed dependencies are listed by git, so they are counted.
      skipped: [
        '.next/server.js (build output)',
        'dist/bundle.js (build output)',
        'node_modules/pkg/index.js (dependency)',
        'packages/web/build/out.mjs (build output)',
        'src/vendor/lib.min.js (vendored)',
      ],
    });
    // A directory argument is searched from there; a file argument is taken as given, even in dist/.
    expect(await discover(root, { from: join(root, 'src'), paths: ['.', '../dist/bundle.js'] })).toEqual({
      files: ['dist/bundle.js', 'src/app.js', 'src/untracked.ts', 'src/view.tsx'],
      skipped: ['src/vendor/lib.min.js (vendored)'],
    });
    // A directory the defaults skip is searched when named.
    expect(await discover(root, { paths: ['dist'] })).toEqual({ files: ['dist/bundle.js'], skipped: [] });
  });

  it('leaves out files over --max-file-size and files whose content looks minified; 0 lifts the size limit', async () => {
    const root = join(base, 'sizes');
    write(root, {
      'src/app.js': 'fetch(url);\n',
      'src/big.js': `${'export const a = 1;\n'.repeat(2000)}`,
      'public/bundle.js': `!function(){${'var a=1;'.repeat(3000)}}();\n`,
    });
    expect(await discover(root, { maxFileSize: 30_000 })).toEqual({
      files: ['src/app.js'],
      skipped: ['public/bundle.js (minified)', 'src/big.js (too large)'],
    });
    expect(await discover(root, { maxFileSize: 0 })).toEqual({ files: ['src/app.js', 'src/big.js'], skipped: ['public/bundle.js (minified)'] });
    // Named explicitly, a file is checked whatever its size or content.
    expect(await discover(root, { maxFileSize: 30_000, paths: ['src/big.js', 'public/bundle.js'] })).toEqual({
      files: ['public/bundle.js', 'src/big.js'],
      skipped: [],
    });
  });

  it('lists a file it cannot read (a symbolic link to itself) as skipped', async () => {
    const root = join(base, 'unreadable');
    write(root, { 'src/app.js': 'fetch(url);\n' });
    symlinkSync('loop.js', join(root, 'src/loop.js'));
    const { files, skipped } = await discoverFiles(options(root, ['.']));
    expect(files).toEqual([join(root, 'src/app.js')]);
    expect(skipped).toEqual([{ file: join(root, 'src/loop.js'), reason: 'could not read', message: expect.stringMatching(/^ELOOP: /u) }]);
  });

  it("applies the user's ignores, to explicitly named files as well", async () => {
    const root = join(base, 'ignores');
    write(root, {
      '.agent-guardignore': '# examples are not shipped (as in .gitignore, "docs/" would leave no way back in)\ndocs/*\n!docs/keep.js\n',
      'docs/snippet.js': 'fetch(url);\n',
      'docs/keep.js': 'fetch(url);\n',
      'src/app.js': 'fetch(url);\n',
      'src/app.test.js': 'fetch(url);\n',
      'tests/fixtures/sample.js': 'fetch(url);\n',
    });
    const withDefaults = await discover(root, { ignores: await loadUserIgnores({ root, cwd: root, patterns: [] }) });
    // Tests and fixtures stay checked by default.
    expect(withDefaults).toEqual({
      files: ['docs/keep.js', 'src/app.js', 'src/app.test.js', 'tests/fixtures/sample.js'],
      skipped: ['docs/snippet.js (.agent-guardignore)'],
    });
    const ignores = await loadUserIgnores({ root, cwd: join(root, 'src'), patterns: ['*.test.js', '/app.js'] });
    expect(await discover(root, { ignores, paths: ['.', 'src/app.test.js'] })).toEqual({
      files: ['docs/keep.js', 'tests/fixtures/sample.js'],
      // --ignore-pattern is relative to the working directory (src/ here): "/app.js" is src/app.js.
      skipped: ['docs/snippet.js (.agent-guardignore)', 'src/app.js (--ignore-pattern)', 'src/app.test.js (--ignore-pattern)'],
    });
    // `./tests/` on a command line is the tests/ directory here, not a name starting with ".".
    const dotSlash = await loadUserIgnores({ root, cwd: root, patterns: ['./docs/keep.js'] });
    expect((await discover(root, { ignores: dotSlash })).skipped).toEqual(['docs/keep.js (--ignore-pattern)', 'docs/snippet.js (.agent-guardignore)']);
    const anchored = await loadUserIgnores({ root, cwd: root, patterns: ['./tests/'] });
    expect((await discover(root, { ignores: anchored })).skipped).toEqual(['docs/snippet.js (.agent-guardignore)', 'tests/fixtures/sample.js (--ignore-pattern)']);
  });

  it('rejects missing paths and, without --config, files that are not JS/TS', async () => {
    const root = join(base, 'plain');
    await expect(discoverFiles(options(root, ['nope']))).rejects.toThrow(new CliError('no such file or directory: nope'));
    await expect(discoverFiles(options(root, ['src/readme.md']))).rejects.toThrow(new CliError('not a JavaScript or TypeScript file: src/readme.md (--secrets scans other files for secrets)'));
    expect((await discoverFiles(options(root, ['src/readme.md'], { anyExtension: true }))).files).toEqual([join(root, 'src/readme.md')]);
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
