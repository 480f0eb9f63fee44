import fs from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { isMigrationFile } from '../../../src/analysis/sql/index';
import { contextFor } from '../../project/helpers';
import { makeTempDir } from '../../temp-dirs';

/** A project whose checkout sits under a folder named `migrations`: only folders inside it count. */
const base = makeTempDir('agent-guard-migrations-');
const root = path.join(base, 'migrations', 'shop');
const write = (file: string, text = 'module.exports = 1;'): string => {
  const full = path.join(root, file);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, text);
  return full;
};
write('package.json', '{"name":"shop"}');
write('package-lock.json', '{}');

describe('isMigrationFile', () => {
  it('a migrations or seeds folder inside the project, whatever its case', () => {
    expect(isMigrationFile(contextFor(write('db/migrations/20240101_add_index.js')))).toBe(true);
    expect(isMigrationFile(contextFor(write('src/Migration/1700000000000-Init.js')))).toBe(true);
    expect(isMigrationFile(contextFor(write('seeders/demo.js')))).toBe(true);
  });
  it('not a folder above the project root, a look-alike folder or a file named for migrations', () => {
    expect(isMigrationFile(contextFor(write('src/db.js')))).toBe(false);
    expect(isMigrationFile(contextFor(write('src/migrations-admin/run.js')))).toBe(false);
    expect(isMigrationFile(contextFor(write('src/routes/migrations.js')))).toBe(false);
  });
  it('without a project root (cross-file off), folders above the working directory do not count either', () => {
    const off = { 'agent-guard': { project: { crossFile: false } } };
    expect(isMigrationFile(contextFor(write('src/db.js'), off))).toBe(false);
    expect(isMigrationFile(contextFor(write('db/migrations/20240101_add_index.js'), off))).toBe(true);
  });
  it('a relative filename is read as given', () => {
    expect(isMigrationFile({ ...contextFor(write('src/db.js')), filename: 'db/migrations/1.js' })).toBe(true);
    expect(isMigrationFile({ ...contextFor(write('src/db.js')), filename: 'migrations.js' })).toBe(false);
  });
});
