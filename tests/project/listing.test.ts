import fs from 'node:fs';
import path from 'node:path';

import { beforeEach, describe, expect, it } from 'vitest';

import { projectFiles, SKIPPED_DIRECTORIES } from '../../src/project/listing';
import { clearProjectCaches } from '../../src/project/settings';
import { tempProject } from './helpers';

beforeEach(() => clearProjectCaches());

function project(): string {
  const dir = tempProject({
    '.gitignore': '# generated code\ngenerated/\n/src/ignored.ts\n*.local.js\n!keep.local.js\n',
    'src/app.ts': "app.use('/api', router);\n",
    'src/view.tsx': 'export const V = () => <div />;\n',
    'src/types.d.ts': 'export type T = 1;\n',
    'src/ignored.ts': "app.use('/x', router);\n",
    'src/settings.local.js': 'router;\n',
    'src/keep.local.js': 'router;\n',
    'src/style.css': 'router {}\n',
    'lib/a.mjs': '', 'lib/b.cjs': 'router', 'lib/c.mts': '', 'lib/d.cts': '', 'lib/e.jsx': '', 'lib/f.js': '',
    'generated/api.ts': 'router',
    'node_modules/pkg/index.js': 'router',
    'dist/index.js': 'router',
    'build/index.js': 'router', '.next/server.js': 'router', '.svelte-kit/out.js': 'router', 'coverage/x.js': 'router', 'out/x.js': 'router', '.git/hooks/x.js': 'router',
  });
  // A link loop and a link out of the project: neither is followed.
  fs.symlinkSync('..', path.join(dir, 'src/loop'), 'dir');
  fs.symlinkSync('/', path.join(dir, 'lib/root'), 'dir');
  return dir;
}

describe('projectFiles', () => {
  it('lists source files, honouring the root .gitignore and skipping dependencies and build output', () => {
    const dir = project();
    expect(projectFiles(dir).map((file) => path.relative(dir, file))).toEqual([
      'lib/a.mjs', 'lib/b.cjs', 'lib/c.mts', 'lib/d.cts', 'lib/e.jsx', 'lib/f.js', 'src/app.ts', 'src/keep.local.js', 'src/view.tsx',
    ]);
    expect([...SKIPPED_DIRECTORIES]).toEqual(expect.arrayContaining(['node_modules', '.git', 'dist', 'build', '.next', '.svelte-kit', 'coverage', 'out']));
  });

  it('keeps only the files whose text matches, with any regexp flags', () => {
    const dir = project();
    expect(projectFiles(dir, { text: /\brouter\b/u }).map((file) => path.relative(dir, file))).toEqual(['lib/b.cjs', 'src/app.ts', 'src/keep.local.js']);
    expect(projectFiles(dir, { text: /\.use\(/gu }).map((file) => path.relative(dir, file))).toEqual(['src/app.ts']);
    expect(projectFiles(dir, { text: /\.use\(/gu }).map((file) => path.relative(dir, file))).toEqual(['src/app.ts']);
  });

  it('is memoised per root and pattern', () => {
    const dir = project();
    const first = projectFiles(dir, { text: /router/u });
    fs.writeFileSync(path.join(dir, 'src/new.ts'), 'router');
    expect(projectFiles(dir, { text: /router/u })).toBe(first);
    expect(projectFiles(dir, { text: /router/iu })).toContain(path.join(dir, 'src/new.ts'));
    clearProjectCaches();
    expect(projectFiles(dir, { text: /router/u })).toContain(path.join(dir, 'src/new.ts'));
  });

  it('lists everything when there is no .gitignore', () => {
    const dir = tempProject({ 'a.ts': '', 'b/c.js': '' });
    expect(projectFiles(dir).map((file) => path.relative(dir, file))).toEqual(['a.ts', 'b/c.js']);
  });

  it('answers nothing when cross-file analysis is off, or for a bad root', () => {
    const dir = project();
    expect(projectFiles(dir, { settings: { 'agent-guard': { project: { crossFile: false } } } })).toEqual([]);
    expect(projectFiles('relative/root')).toEqual([]);
    expect(projectFiles(path.join(dir, 'missing'))).toEqual([]);
    expect(projectFiles(null as never)).toEqual([]);
    expect(projectFiles(dir, { text: 'router' as never }).length).toBe(9);
  });
});
