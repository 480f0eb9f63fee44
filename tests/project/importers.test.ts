import { mkdtempSync, rmSync, utimesSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { importersOf, possibleImporters, stemOf } from '../../src/project/importers';
import { clearProjectCaches } from '../../src/project/settings';

describe('stemOf', () => {
  it('names the last segment, an index file by its folder, with either separator', () => {
    expect(stemOf('./routes/admin.js')).toBe('admin');
    expect(stemOf('./routes/admin/index.ts')).toBe('admin');
    expect(stemOf('../routes/admin')).toBe('admin');
    expect(stemOf('C:\\app\\routes\\admin.ts')).toBe('admin');
    expect(stemOf('express')).toBe('express');
  });
});

describe('possibleImporters', () => {
  let root: string;
  const write = (file: string, text: string, mtime?: number): void => {
    const full = path.join(root, file);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
    if (mtime !== undefined) {
      utimesSync(full, mtime, mtime);
    }
  };

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'agent-guard-importers-'));
    clearProjectCaches();
    write('package.json', '{"name":"p"}');
    write('routes/keys.js', 'module.exports = function keys() {};');
    write('app.js', "const keys = require('./routes/keys');\napp.use('/keys', keys());");
    write('admin.js', "import { createApp } from './lib/app.js';");
    write('lib/text.js', "const s = 'keys are not imported here';");
  });

  afterEach(() => {
    vi.useRealTimers();
    rmSync(root, { recursive: true, force: true });
    clearProjectCaches();
  });

  it('lists the files whose import specifiers name the file, not the file itself nor a mere mention', () => {
    expect(possibleImporters(root, path.join(root, 'routes/keys.js'))).toEqual([path.join(root, 'app.js')]);
    expect(possibleImporters(root, path.join(root, 'lib/app.js'))).toEqual([path.join(root, 'admin.js')]);
  });

  it('keeps the text pre-filter of the listing', () => {
    expect(possibleImporters(root, path.join(root, 'routes/keys.js'), { text: /\.use\(/u })).toEqual([path.join(root, 'app.js')]);
    expect(possibleImporters(root, path.join(root, 'lib/app.js'), { text: /\.use\(/u })).toEqual([]);
  });

  it('sees an import added to a listed file once the index is a second old, not before', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
    const keys = path.join(root, 'routes/keys.js');
    expect(possibleImporters(root, keys)).toEqual([path.join(root, 'app.js')]);
    write('admin.js', "import { createApp } from './lib/app.js';\nimport keys from './routes/keys.js';", Date.now() / 1000 + 5);
    vi.setSystemTime(new Date('2026-01-01T00:00:00.500Z'));
    expect(possibleImporters(root, keys)).toEqual([path.join(root, 'app.js')]);
    vi.setSystemTime(new Date('2026-01-01T00:00:01.000Z'));
    expect([...possibleImporters(root, keys)].sort()).toEqual([path.join(root, 'admin.js'), path.join(root, 'app.js')]);
  });
});

describe('importersOf', () => {
  let root: string;
  const write = (file: string, text: string): void => {
    const full = path.join(root, file);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
  };
  const importers = (file: string): string[] => importersOf(root, path.join(root, file)).map((found) => path.relative(root, found).split(path.sep).join('/')).sort();

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'agent-guard-importers-of-'));
    clearProjectCaches();
    write('package.json', '{"name":"p"}');
    write('lib/upload.ts', 'export const upload = () => fetch("https://example.test");');
    write('other/upload.ts', 'export const upload = () => 1;');
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
    clearProjectCaches();
  });

  it('counts imports, re-exports, requires, dynamic and side-effect imports that resolve to the file', () => {
    write('a.ts', "import { upload } from './lib/upload';");
    write('b.ts', "export { upload } from './lib/upload.js';");
    write('c.js', "const { upload } = require('./lib/upload');");
    write('d.ts', "export const load = () => import('./lib/upload');");
    write('e.ts', "import './lib/upload';");
    write('lib/index.ts', "export * from './upload';");
    expect(importers('lib/upload.ts')).toEqual(['a.ts', 'b.ts', 'c.js', 'd.ts', 'e.ts', 'lib/index.ts']);
  });

  it('leaves out a file whose specifier of the same stem resolves elsewhere, or nowhere', () => {
    write('a.ts', "import { upload } from './other/upload';");
    write('b.ts', "import { upload } from './missing/upload';");
    write('c.ts', "import upload from 'upload';");
    expect(importers('lib/upload.ts')).toEqual([]);
    expect(importers('other/upload.ts')).toEqual(['a.ts']);
  });
});
