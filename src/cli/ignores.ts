import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

// `ignore` is already a runtime dependency (the project layer reads .gitignore with it): the same
// gitignore syntax, negations and directory rules for .agent-guardignore and --ignore-pattern.
import ignore, { type Ignore } from 'ignore';

import { CliError, firstLine } from './errors';
import { toPosixRelative } from './paths';
import type { SkipReason } from './skipped';

/** The file read from the work-tree root (cwd outside git), in gitignore syntax. */
export const IGNORE_FILE = '.agent-guardignore';

interface PatternSet {
  /** Patterns are relative to this directory; files outside it are never matched. */
  base: string;
  matcher: Ignore;
  reason: SkipReason;
}

/** The user's own exclusions: `--ignore-pattern` values and `.agent-guardignore`. */
export interface UserIgnores {
  /** Why `file` (absolute) is left out, or null when it is not. */
  reasonFor(file: string): SkipReason | null;
}

function matches(set: PatternSet, file: string): boolean {
  const path = toPosixRelative(set.base, file);
  // `ignore` accepts only paths inside its base; a file outside it is not covered by the patterns.
  if (path === '' || path === '..' || path.startsWith('../') || /^[a-z]:/iu.test(path) || path.startsWith('/')) {
    return false;
  }
  return set.matcher.ignores(path);
}

/** `./docs/` means "docs/ here" on a command line; in gitignore syntax that is `/docs/`. */
function anchorDotSlash(pattern: string): string {
  const negated = pattern.startsWith('!');
  const body = negated ? pattern.slice(1) : pattern;
  return body.startsWith('./') ? `${negated ? '!' : ''}/${body.slice(2)}` : pattern;
}

/**
 * Reads `.agent-guardignore` from `root` (when present; patterns relative to `root`) and takes
 * the `--ignore-pattern` values (relative to `cwd`, as ESLint's option is). Both use gitignore
 * syntax: `docs/`, `**\/*.test.js`, `!keep.js`; on the command line `./docs/` is read as `/docs/`
 * (anchored to the current directory), as a shell user means it.
 */
export async function loadUserIgnores(options: { root: string; cwd: string; patterns: readonly string[] }): Promise<UserIgnores> {
  const sets: PatternSet[] = [];
  if (options.patterns.length > 0) {
    sets.push({ base: options.cwd, matcher: ignore().add(options.patterns.map(anchorDotSlash)), reason: '--ignore-pattern' });
  }
  const file = join(options.root, IGNORE_FILE);
  const text = await readFile(file, 'utf8').catch((error: unknown) => {
    if ((error as { code?: unknown }).code === 'ENOENT') {
      return null;
    }
    throw new CliError(`cannot read ${file}: ${firstLine(error)}`);
  });
  if (text !== null) {
    sets.push({ base: options.root, matcher: ignore().add(text), reason: '.agent-guardignore' });
  }
  return {
    reasonFor(path) {
      return sets.find((set) => matches(set, path))?.reason ?? null;
    },
  };
}

/** Nothing left out (tests, and callers without user patterns). */
export const NO_USER_IGNORES: UserIgnores = { reasonFor: () => null };
