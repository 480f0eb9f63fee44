import type { Dirent } from 'node:fs';
import { existsSync } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { extname, join, relative, resolve, sep } from 'node:path';

import { CliError } from './errors';
import { findWorkTreeRoot, git, splitNul } from './git';

/** The file types the command checks. */
const SOURCE_EXTENSIONS: ReadonlySet<string> = new Set(['.js', '.jsx', '.mjs', '.cjs', '.ts', '.tsx', '.mts', '.cts']);

/** Directories never searched: dependencies, build output, framework caches. */
const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set([
  '.git',
  'node_modules',
  'dist',
  'build',
  'out',
  'coverage',
  '.next',
  '.nuxt',
  '.svelte-kit',
  '.output',
]);

/** Minified bundles and declaration files: generated, not written by anyone to review. */
const GENERATED_FILE = /(?:\.min\.[cm]?js|\.d\.[cm]?ts|\.d\.[^.]+\.ts)$/u;

/**
 * Whether a file found inside a searched directory is checked; `path` is relative to that
 * directory (so that `agent-guard build/` still searches a directory the user named).
 */
export function isSourceFile(path: string): boolean {
  const segments = path.split(/[\\/]/u);
  const name = segments.at(-1) ?? '';
  return (
    SOURCE_EXTENSIONS.has(extname(name).toLowerCase()) &&
    !GENERATED_FILE.test(name) &&
    !segments.slice(0, -1).some((segment) => SKIPPED_DIRECTORIES.has(segment))
  );
}

/** Files of `dir` known to git: tracked plus untracked-but-not-ignored, relative to `dir`. */
async function gitFiles(dir: string): Promise<string[]> {
  const result = await git(['ls-files', '--cached', '--others', '--exclude-standard', '-z', '--', '.'], dir);
  if (!result.ok) {
    throw new CliError(`git ls-files failed in ${dir}: ${result.stderr.trim().split('\n', 1)[0] ?? ''}`);
  }
  // Tracked files deleted from the work tree are still listed by --cached.
  return [...new Set(splitNul(result.stdout))].filter((file) => existsSync(join(dir, file)));
}

/** Files under `dir` by walking the file system (outside git), skipping {@link SKIPPED_DIRECTORIES}. */
async function walkFiles(dir: string, prefix = ''): Promise<string[]> {
  let entries: Dirent[];
  try {
    entries = await readdir(join(dir, prefix), { withFileTypes: true });
  } catch (error) {
    throw new CliError(`cannot read directory ${join(dir, prefix)}: ${(error as Error).message}`);
  }
  const files: string[] = [];
  for (const entry of entries) {
    const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    // Symbolic links to directories are not followed (no cycles, no escaping the tree).
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) {
        files.push(...(await walkFiles(dir, path)));
      }
    } else {
      files.push(path);
    }
  }
  return files;
}

export interface DiscoveryOptions {
  cwd: string;
  paths: readonly string[];
  /** With --config the project's config decides which file types it handles. */
  anyExtension: boolean;
}

/**
 * The absolute, real paths of the files to check, sorted. Directories are searched through
 * git when inside a work tree (honouring .gitignore), by walking otherwise; files named
 * explicitly are always checked. A missing path is a {@link CliError}.
 */
export async function discoverFiles({ cwd, paths, anyExtension }: DiscoveryOptions): Promise<string[]> {
  const found = new Set<string>();
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    const info = await stat(absolute).catch(() => null);
    if (!info) {
      throw new CliError(`no such file or directory: ${path}`);
    }
    const real = await realpath(absolute);
    if (info.isFile()) {
      if (!anyExtension && !SOURCE_EXTENSIONS.has(extname(real).toLowerCase())) {
        throw new CliError(`not a JavaScript or TypeScript file: ${path}`);
      }
      found.add(real);
      continue;
    }
    const inGit = (await findWorkTreeRoot(real)) !== null;
    const files = inGit ? await gitFiles(real) : await walkFiles(real);
    for (const file of files) {
      if (isSourceFile(file)) {
        found.add(join(real, file));
      }
    }
  }
  return [...found].sort();
}

/** `/`-separated path of `file` relative to `root`, as git, SARIF and annotations expect. */
export function toPosixRelative(root: string, file: string): string {
  return relative(root, file).split(sep).join('/');
}
