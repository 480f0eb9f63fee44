import fs from 'node:fs';
import path from 'node:path';

import { beforeEach, describe, expect, it } from 'vitest';

import { findProjectRoot, projectRoot } from '../../src/project/root';
import { clearProjectCaches } from '../../src/project/settings';
import { fixture, tempProject } from './helpers';

beforeEach(() => clearProjectCaches());

describe('findProjectRoot', () => {
  it('is the nearest package.json next to a lockfile', () => {
    expect(findProjectRoot(fixture('app/src/lib'))).toBe(fixture('app'));
    expect(findProjectRoot(fixture('js/lib'))).toBe(fixture('js'));
  });

  it('is the workspace root of a monorepo, not the package of the file', () => {
    expect(findProjectRoot(fixture('monorepo/apps/web/src'))).toBe(fixture('monorepo'));
    expect(findProjectRoot(fixture('monorepo/packages/trpc/src/server'))).toBe(fixture('monorepo'));
  });

  it('takes package.json workspaces or pnpm-workspace.yaml without a lockfile', () => {
    const npm = tempProject({ 'package.json': '{"workspaces":["packages/*"]}', 'packages/a/package.json': '{"name":"a"}', 'packages/a/index.ts': '' });
    expect(findProjectRoot(path.join(npm, 'packages/a'))).toBe(npm);
    const pnpm = tempProject({ 'package.json': '{}', 'pnpm-workspace.yaml': "packages:\n  - 'p/*'\n", 'p/a/package.json': '{}' });
    expect(findProjectRoot(path.join(pnpm, 'p/a'))).toBe(pnpm);
  });

  it('recognises every lockfile', () => {
    for (const lockfile of ['package-lock.json', 'pnpm-lock.yaml', 'yarn.lock', 'bun.lockb', 'bun.lock']) {
      const dir = tempProject({ 'package.json': '{}', [lockfile]: '', 'sub/package.json': '{}', 'sub/src/a.ts': '' });
      expect(findProjectRoot(path.join(dir, 'sub/src')), lockfile).toBe(dir);
    }
  });

  it('falls back to the git root, which also bounds the search', () => {
    const dir = tempProject({ 'repo/.git/HEAD': 'ref: refs/heads/main\n', 'repo/app/package.json': '{}', 'repo/app/src/a.ts': '' });
    expect(findProjectRoot(path.join(dir, 'repo/app/src'))).toBe(path.join(dir, 'repo'));
  });

  it('falls back to the nearest package.json, then to null', () => {
    const dir = tempProject({ 'outer/package.json': '{}', 'outer/inner/package.json': '{}', 'outer/inner/src/a.ts': '', 'none/src/a.ts': '' });
    expect(findProjectRoot(path.join(dir, 'outer/inner/src'))).toBe(path.join(dir, 'outer/inner'));
    expect(findProjectRoot(path.join(dir, 'none/src'))).toBe(null);
  });

  it('ignores a package.json that is not JSON', () => {
    const dir = tempProject({ 'package.json': '{', 'yarn.lock': '', 'src/a.ts': '' });
    expect(findProjectRoot(path.join(dir, 'src'))).toBe(null);
  });

  it('is memoised per directory', () => {
    const dir = tempProject({ 'package.json': '{}', 'src/a.ts': '' });
    expect(findProjectRoot(path.join(dir, 'src'))).toBe(dir);
    fs.writeFileSync(path.join(dir, 'src/package.json'), '{}');
    expect(findProjectRoot(path.join(dir, 'src'))).toBe(dir);
    clearProjectCaches();
    expect(findProjectRoot(path.join(dir, 'src'))).toBe(path.join(dir, 'src'));
  });
});

describe('projectRoot', () => {
  it('finds the root of a file', () => {
    expect(projectRoot(fixture('app/src/main.ts'), {})).toBe(fixture('app'));
  });

  it('takes settings root, relative to the working directory', () => {
    expect(projectRoot(fixture('app/src/main.ts'), { 'agent-guard': { project: { root: 'tests/fixtures' } } })).toBe(path.resolve('tests/fixtures'));
  });

  it('is null when cross-file analysis is off, or for a relative or missing filename', () => {
    expect(projectRoot(fixture('app/src/main.ts'), { 'agent-guard': { project: { crossFile: false } } })).toBe(null);
    expect(projectRoot('src/main.ts')).toBe(null);
    expect(projectRoot(undefined as never)).toBe(null);
  });
});
