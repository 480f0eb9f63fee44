import path from 'node:path';

import type { FileContext } from '../../core/context';
import type { GlobList } from '../../core/globs';
import { projectRoot } from '../../project/index';

/**
 * Whether the file is test code by `globs` (`secrets.testFiles` and the defaults), matched on its
 * path relative to the project root (else to `cwd`): a project that lives under a folder named
 * `fixtures/` or `e2e/` is not test code as a whole.
 * @example isTestFile(context, compileGlobs(['*.test.*']), context.cwd) // src/auth.test.ts -> true
 */
export function isTestFile(context: FileContext, globs: GlobList, cwd: string): boolean {
  const filename = context.filename;
  // Globs match at any folder boundary, so a path relative to the root matches only if the whole
  // name does: most files are answered without looking for the project root.
  if (!globs.matchesFile(`/${filename.split(path.sep).join('/').replace(/^\/+/u, '')}`)) {
    return false;
  }
  const root = projectRoot(filename, context.settings) ?? cwd;
  const relative = path.isAbsolute(filename) ? path.relative(root, filename) : filename;
  const inside = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  return globs.matchesFile(`/${(inside ? relative : filename).split(path.sep).join('/').replace(/^\/+/u, '')}`);
}
