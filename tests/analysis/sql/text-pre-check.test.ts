import path from 'node:path';

import { beforeEach, describe, expect, it } from 'vitest';

import { mayContainSqlText } from '../../../src/analysis/sql/text';
import { projectFile } from '../../../src/project/files';
import { clearProjectCaches } from '../../../src/project/settings';
import { contextFor, tempProject } from '../../project/helpers';

beforeEach(() => clearProjectCaches());

describe('mayContainSqlText', () => {
  const files = {
    'sql.ts': "export const byId = (id: string) => db.query('SELECT * FROM users WHERE id = ' + id);\n",
    // SQL words in a comment and a name, none in a string: no string of the file can read as SQL.
    'plain.ts': "// SELECT the user FROM the cache\nexport const fromCache = (key: string) => cache.get(key) ?? select(key);\n",
    'empty.ts': '',
  };

  it('reads the tokens of the file being linted: only a string or template can hold SQL text', () => {
    const dir = tempProject(files);
    expect(mayContainSqlText(contextFor(path.join(dir, 'sql.ts')))).toBe(true);
    expect(mayContainSqlText(contextFor(path.join(dir, 'plain.ts')))).toBe(false);
    expect(mayContainSqlText(contextFor(path.join(dir, 'empty.ts')))).toBe(false);
  });

  it('answers "may" for a project file, which is kept without tokens, unless it is empty', () => {
    const dir = tempProject(files);
    const like = contextFor(path.join(dir, 'empty.ts'));
    const of = (name: string): boolean => mayContainSqlText(projectFile(path.join(dir, name), like)!.context);
    expect(of('sql.ts')).toBe(true);
    expect(of('plain.ts')).toBe(true);
    expect(of('empty.ts')).toBe(false);
  });
});
