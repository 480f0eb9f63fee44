import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

import ignore from 'ignore';

import type { ESLintClass } from './engine';
import { messageOf } from './engine';
import { CliError } from './errors';
import { toPosixRelative } from './paths';
import type { SkippedFile } from './skipped';

/** Flat config file names, in ESLint's order of preference. */
const CONFIG_NAMES = ['eslint.config.js', 'eslint.config.mjs', 'eslint.config.cjs', 'eslint.config.ts', 'eslint.config.mts', 'eslint.config.cts'];

/** Every JS and TS file counts as covered, so that `isPathIgnored` answers only "is it ignored?". */
const EVERY_SOURCE_FILE = ['**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs', '**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];

/** The nearest eslint.config.* from `from` up to `root` (inclusive), or null. */
export function findFlatConfig(from: string, root: string): string | null {
  for (let dir = from; ; dir = dirname(dir)) {
    for (const name of CONFIG_NAMES) {
      if (existsSync(join(dir, name))) {
        return join(dir, name);
      }
    }
    if (dir === root || dirname(dir) === dir) {
      return null;
    }
  }
}

function outside(base: string, file: string): boolean {
  const path = toPosixRelative(base, file);
  return path === '' || path.startsWith('../') || path === '..' || path.startsWith('/') || /^[a-z]:/iu.test(path);
}

/**
 * `--use-eslint-ignores`: what the project's own ESLint set-up leaves out — the global `ignores`
 * of the nearest eslint.config.* (and ESLint's defaults, such as node_modules), evaluated by the
 * installed ESLint itself, and the patterns of a `.eslintignore` at `root`. Loading the config
 * runs it (its imports, its plugins): an error there is reported whole, with the file's path.
 */
export async function applyEslintIgnores(
  ESLintClass: ESLintClass,
  options: { cwd: string; root: string; files: readonly string[] },
): Promise<{ files: string[]; skipped: SkippedFile[] }> {
  const configFile = findFlatConfig(options.cwd, options.root);
  const eslintignoreFile = join(options.root, '.eslintignore');
  const eslintignore = existsSync(eslintignoreFile) ? ignore().add(await readFile(eslintignoreFile, 'utf8')) : null;
  if (configFile === null && eslintignore === null) {
    throw new CliError('--use-eslint-ignores: no eslint.config.* or .eslintignore found here or above, up to the repository root');
  }
  let eslint: InstanceType<ESLintClass> | null = null;
  if (configFile !== null) {
    try {
      eslint = new ESLintClass({
        cwd: dirname(configFile),
        overrideConfigFile: configFile,
        overrideConfig: [{ files: EVERY_SOURCE_FILE }],
      });
    } catch (error) {
      throw new CliError(`the config ${configFile} does not load:\n${messageOf(error)}`, { cause: error });
    }
  }
  const files: string[] = [];
  const skipped: SkippedFile[] = [];
  for (const file of options.files) {
    let ignored = eslintignore !== null && !outside(options.root, file) && eslintignore.ignores(toPosixRelative(options.root, file));
    if (!ignored && eslint !== null && configFile !== null && !outside(dirname(configFile), file)) {
      try {
        ignored = await eslint.isPathIgnored(file);
      } catch (error) {
        throw new CliError(`the config ${configFile} does not load:\n${messageOf(error)}`, { cause: error });
      }
    }
    if (ignored) {
      skipped.push({ file, reason: 'eslint ignores' });
    } else {
      files.push(file);
    }
  }
  return { files, skipped };
}
