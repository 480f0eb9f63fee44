/** Database migration and seed files: where SQL is built from the schema, not from requests. */
import path from 'node:path';

import type { FileContext } from '../../core/context';
import { escapeRegExp } from '../../core/regexp';
import { MIGRATION_FOLDERS } from '../../data/sql';
import { projectRoot } from '../../project/index';

/** A folder on the path named one of `MIGRATION_FOLDERS`, whatever its case. */
const MAY_NAME_FOLDER = new RegExp(`(?:^|[\\\\/])(?:${[...MIGRATION_FOLDERS].map(escapeRegExp).join('|')})[\\\\/]`, 'iu');

/**
 * Whether the file sits in a migrations or seeds folder (`MIGRATION_FOLDERS`) inside its project:
 * `db/migrations/20240101_add_index.js`, `src/migration/1700000000000-Init.ts`, `seeders/demo.js`.
 * Folders above the project root (without one, the working directory) do not count; a relative
 * filename is read as given.
 * @example isMigrationFile(context) // server/migrations/06-00700-token-id.js -> true; src/routes/migrate.ts -> false
 */
export function isMigrationFile(context: FileContext & { readonly cwd?: string }): boolean {
  const filename = context.filename;
  // Most files name no such folder anywhere on their path: answered without looking for the root.
  if (typeof filename !== 'string' || !MAY_NAME_FOLDER.test(filename)) {
    return false;
  }
  let relative = filename;
  if (path.isAbsolute(filename)) {
    // As for test folders: inside the project root, else the working directory; outside both, the file's own folder.
    const cwd = typeof context.cwd === 'string' && path.isAbsolute(context.cwd) ? context.cwd : process.cwd();
    relative = path.relative(projectRoot(filename, context.settings) ?? cwd, filename);
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
      relative = path.join(path.basename(path.dirname(filename)), path.basename(filename));
    }
  }
  const folders = relative.split(/[\\/]/u).slice(0, -1);
  return folders.some((folder) => MIGRATION_FOLDERS.has(folder.toLowerCase()));
}
