import type { Dirent } from 'node:fs';
import { existsSync } from 'node:fs';
import { type FileHandle, open, readdir, realpath, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';

import { CliError } from './errors';
import { findWorkTreeRoot, git, splitNul } from './git';
import type { UserIgnores } from './ignores';
import type { SkippedFile, SkipReason } from './skipped';

/** The file types the command checks. */
const SOURCE_EXTENSIONS: ReadonlySet<string> = new Set(['.js', '.jsx', '.mjs', '.cjs', '.ts', '.tsx', '.mts', '.cts']);

/** Directories whose files are left out by default, with the reason reported for them. */
const SKIPPED_DIRECTORIES: ReadonlyMap<string, SkipReason> = new Map<string, SkipReason>([
  ['node_modules', 'dependency'],
  ['.yarn', 'dependency'],
  ['bower_components', 'dependency'],
  ['vendor', 'vendored'],
  ['third_party', 'vendored'],
  ['dist', 'build output'],
  ['build', 'build output'],
  ['out', 'build output'],
  ['coverage', 'build output'],
  ['.next', 'build output'],
  ['.nuxt', 'build output'],
  ['.svelte-kit', 'build output'],
  ['.output', 'build output'],
]);

/** Directories a walk outside git never enters (and does not count): git's own, and dependencies. */
const NEVER_WALKED: ReadonlySet<string> = new Set(['.git', 'node_modules']);

/** Declaration files: types, not code anyone reviews; not source files at all. */
const DECLARATION_FILE = /(?:\.d\.[cm]?ts|\.d\.[^.]+\.ts)$/u;

/** Yarn Plug'n'Play's generated loaders at the project root: dependency resolution data, not code anyone writes. */
const PNP_FILE = /^\.pnp(?:\.loader)?\.[cm]?js$/u;

/** Minified by name. */
const MINIFIED_NAME = /\.min\.[cm]?js$/u;

/** Files at least this large are sampled for {@link MINIFIED_LINE_LENGTH}. */
const MINIFIED_MIN_SIZE = 10 * 1024;

/** Average line length (over the first {@link MINIFIED_SAMPLE} bytes) above which a file counts as minified. */
export const MINIFIED_LINE_LENGTH = 500;

const MINIFIED_SAMPLE = 64 * 1024;

const CONTENT_CHECKS_AT_ONCE = 64;

function isSourceName(name: string): boolean {
  return SOURCE_EXTENSIONS.has(extname(name).toLowerCase()) && !DECLARATION_FILE.test(name);
}

/**
 * Whether a file found inside a searched directory is a JS or TS source file the command
 * considers at all (`.d.ts` files are not). `path` is relative to that directory.
 */
export function isSourceFile(path: string): boolean {
  return isSourceName(path.split(/[\\/]/u).at(-1) ?? '');
}

/**
 * Why a source file found inside a searched directory is left out by default, judged by its path
 * alone (relative to that directory, so that `agent-guard build/` still searches a directory the
 * user named): dependencies (and Yarn's `.pnp.cjs`), vendored code, build output, `*.min.js`.
 * Null when it is checked.
 */
export function defaultSkipReason(path: string): SkipReason | null {
  const segments = path.split(/[\\/]/u);
  for (const segment of segments.slice(0, -1)) {
    const reason = SKIPPED_DIRECTORIES.get(segment);
    if (reason !== undefined) {
      return reason;
    }
  }
  const name = segments.at(-1) ?? '';
  if (PNP_FILE.test(name)) {
    return 'dependency';
  }
  return MINIFIED_NAME.test(name) ? 'minified' : null;
}

/** Whether text (a file's first bytes) looks minified: lines averaging over {@link MINIFIED_LINE_LENGTH} characters. */
export function looksMinified(sample: string): boolean {
  let lines = 1;
  for (let index = sample.indexOf('\n'); index !== -1; index = sample.indexOf('\n', index + 1)) {
    lines++;
  }
  return sample.length / lines > MINIFIED_LINE_LENGTH;
}

type ContentSkip = Pick<SkippedFile, 'reason' | 'message'>;

/**
 * Why a file is left out by its content: larger than `maxFileSize` (0: no limit), or minified; or
 * that it cannot be read at all (a symbolic link to nowhere or to itself, no permission).
 */
async function contentSkipReason(file: string, maxFileSize: number, checkMinified = true): Promise<ContentSkip | null> {
  let handle: FileHandle | undefined;
  try {
    const info = await stat(file);
    if (maxFileSize > 0 && info.size > maxFileSize) {
      return { reason: 'too large' };
    }
    if (!checkMinified || info.size < MINIFIED_MIN_SIZE) {
      return null;
    }
    handle = await open(file, 'r');
    const buffer = Buffer.alloc(Math.min(MINIFIED_SAMPLE, info.size));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return looksMinified(buffer.toString('utf8', 0, bytesRead)) ? { reason: 'minified' } : null;
  } catch (error) {
    return { reason: 'could not read', message: (error as Error).message };
  } finally {
    await handle?.close();
  }
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

/** Files under `dir` by walking the file system (outside git), not entering {@link NEVER_WALKED}. */
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
      if (!NEVER_WALKED.has(entry.name)) {
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
  /** --max-file-size in bytes; 0 for no limit. */
  maxFileSize: number;
  /** --ignore-pattern and .agent-guardignore. */
  ignores: UserIgnores;
  /** Also collect the other files (not JS or TS sources), for the secret scan (--secrets). */
  others?: boolean;
}

export interface Discovery {
  /** Absolute, real paths of the files to check, sorted. */
  files: string[];
  /** Source files left out, with the reason (a file both checked and left out is checked). */
  skipped: SkippedFile[];
  /**
   * With `others`: the other files (`.env`, YAML, JSON, Dockerfiles…), absolute, real, sorted,
   * left out by the same rules as source files (directories, the user's ignores, size; never as
   * minified) but not listed in `skipped`. Empty without `others`.
   */
  others: string[];
}

/**
 * The files to check and the source files left out. Directories are searched through git when
 * inside a work tree (honouring .gitignore), by walking otherwise; their files are left out when
 * {@link defaultSkipReason} or the user's ignores say so, or when they are too large or look
 * minified. Files named explicitly skip the default rules but not the user's ignores (so a
 * lint-staged hook honours .agent-guardignore). A missing path is a {@link CliError}.
 */
export async function discoverFiles({ cwd, paths, anyExtension, maxFileSize, ignores, others = false }: DiscoveryOptions): Promise<Discovery> {
  const found = new Set<string>();
  const skipped = new Map<string, SkippedFile>();
  const candidates: string[] = [];
  const otherFound = new Set<string>();
  const otherCandidates: string[] = [];
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    const info = await stat(absolute).catch(() => null);
    if (!info) {
      throw new CliError(`no such file or directory: ${path}`);
    }
    const real = await realpath(absolute);
    if (info.isFile()) {
      if (!anyExtension && !SOURCE_EXTENSIONS.has(extname(real).toLowerCase())) {
        if (!others) {
          throw new CliError(`not a JavaScript or TypeScript file: ${path} (--secrets scans other files for secrets)`);
        }
        if (ignores.reasonFor(real) === null) {
          otherFound.add(real);
        }
        continue;
      }
      const reason = ignores.reasonFor(real);
      if (reason === null) {
        found.add(real);
      } else {
        skipped.set(real, { file: real, reason });
      }
      continue;
    }
    const inGit = (await findWorkTreeRoot(real)) !== null;
    const files = inGit ? await gitFiles(real) : await walkFiles(real);
    for (const file of files) {
      if (!isSourceFile(file)) {
        if (others && defaultSkipReason(file) === null && ignores.reasonFor(join(real, file)) === null) {
          otherCandidates.push(join(real, file));
        }
        continue;
      }
      const absoluteFile = join(real, file);
      const reason = defaultSkipReason(file) ?? ignores.reasonFor(absoluteFile);
      if (reason === null) {
        candidates.push(absoluteFile);
      } else {
        skipped.set(absoluteFile, { file: absoluteFile, reason });
      }
    }
  }
  const reasons: Array<ContentSkip | null> = [];
  // In slices, so that a large repository does not open thousands of files at once (EMFILE).
  for (let start = 0; start < candidates.length; start += CONTENT_CHECKS_AT_ONCE) {
    const slice = candidates.slice(start, start + CONTENT_CHECKS_AT_ONCE);
    reasons.push(...(await Promise.all(slice.map((file) => (found.has(file) ? null : contentSkipReason(file, maxFileSize))))));
  }
  candidates.forEach((file, index) => {
    const skip = reasons[index] ?? null;
    if (skip === null) {
      found.add(file);
    } else {
      skipped.set(file, { file, ...skip });
    }
  });
  for (const file of found) {
    skipped.delete(file);
  }
  for (let start = 0; start < otherCandidates.length; start += CONTENT_CHECKS_AT_ONCE) {
    const slice = otherCandidates.slice(start, start + CONTENT_CHECKS_AT_ONCE);
    const reasons = await Promise.all(slice.map((file) => contentSkipReason(file, maxFileSize, false)));
    slice.forEach((file, index) => {
      if (reasons[index] === null) {
        otherFound.add(file);
      }
    });
  }
  return { files: [...found].sort(), skipped: [...skipped.values()], others: [...otherFound].sort() };
}

export { toPosixRelative } from './paths';
