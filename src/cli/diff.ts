import { CliError } from './errors';
import { git, splitNul } from './git';

/** Inclusive 1-based line ranges `[first, last]`, in diff order. */
export type LineRanges = ReadonlyArray<readonly [number, number]>;

/**
 * Lines added or changed per file (paths relative to the work-tree root, `/`-separated);
 * `'all'` for files that are new to git (untracked), whose every line counts as added.
 */
export type ChangedLines = ReadonlyMap<string, LineRanges | 'all'>;

const HUNK_HEADER = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/u;

const C_ESCAPES: Readonly<Record<string, string>> = { a: '\x07', b: '\b', t: '\t', n: '\n', v: '\v', f: '\f', r: '\r', '"': '"', '\\': '\\' };

/**
 * Decodes a path as git prints it in diff headers: C-quoted (`"b/a\"b.js"`, octal escapes for
 * bytes) when it holds unusual characters, otherwise verbatim.
 */
export function unquoteGitPath(raw: string): string {
  if (!raw.startsWith('"') || !raw.endsWith('"') || raw.length < 2) {
    return raw;
  }
  const bytes: number[] = [];
  const body = raw.slice(1, -1);
  for (let index = 0; index < body.length; index++) {
    const char = body[index] as string;
    if (char !== '\\') {
      bytes.push(...Buffer.from(char, 'utf8'));
      continue;
    }
    const octal = /^[0-7]{3}/u.exec(body.slice(index + 1))?.[0];
    if (octal) {
      bytes.push(Number.parseInt(octal, 8));
      index += 3;
    } else {
      const next = body[index + 1] ?? '';
      bytes.push(...Buffer.from(C_ESCAPES[next] ?? next, 'utf8'));
      index += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** The new-side path of a `+++ ` header, without its `b/` prefix; null for `/dev/null` (deletions). */
function newSidePath(header: string): string | null {
  const path = unquoteGitPath(header.slice(4).replace(/\t$/u, ''));
  if (path === '/dev/null') {
    return null;
  }
  return path.startsWith('b/') ? path.slice(2) : path;
}

/**
 * Parses `git diff --unified=0 --src-prefix=a/ --dst-prefix=b/` output into the added line
 * ranges of each new-side file. Hunk bodies are skipped by count, so an added line that itself
 * reads `++ b/x` is never mistaken for a file header.
 */
export function parseUnifiedDiff(diff: string): Map<string, Array<[number, number]>> {
  const changed = new Map<string, Array<[number, number]>>();
  let file: string | null = null;
  let oldLeft = 0;
  let newLeft = 0;
  for (const line of diff.split('\n')) {
    if (oldLeft > 0 || newLeft > 0) {
      if (line.startsWith('-')) {
        oldLeft--;
      } else if (line.startsWith('+')) {
        newLeft--;
      } else if (!line.startsWith('\\')) {
        // Context lines never occur with --unified=0; anything else ends the hunk.
        oldLeft = 0;
        newLeft = 0;
      }
      continue;
    }
    if (line.startsWith('diff --git ')) {
      file = null;
    } else if (line.startsWith('+++ ')) {
      file = newSidePath(line);
    } else if (line.startsWith('@@ ')) {
      const match = HUNK_HEADER.exec(line);
      if (!match) {
        continue;
      }
      oldLeft = match[1] === undefined ? 1 : Number(match[1]);
      newLeft = match[3] === undefined ? 1 : Number(match[3]);
      const start = Number(match[2]);
      if (file !== null && newLeft > 0) {
        const ranges = changed.get(file) ?? [];
        ranges.push([start, start + newLeft - 1]);
        changed.set(file, ranges);
      }
    }
  }
  return changed;
}

/** Whether `line` of `file` (work-tree-relative) was added or changed. */
export function isChangedLine(changes: ChangedLines, file: string, line: number): boolean {
  const ranges = changes.get(file);
  if (ranges === undefined) {
    return false;
  }
  return ranges === 'all' || ranges.some(([first, last]) => line >= first && line <= last);
}

/**
 * Lines added or changed since the merge base of `ref` and HEAD: committed on this branch,
 * staged, unstaged, and untracked files as wholly added. Errors are {@link CliError}s that name
 * the cause (unknown ref, no merge base, e.g. a shallow clone).
 */
export async function collectChangedLines(root: string, ref: string): Promise<ChangedLines> {
  const resolved = await git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], root);
  if (!resolved.ok) {
    throw new CliError(`--diff: unknown git ref "${ref}" (fetch it first, e.g. git fetch origin main)`);
  }
  const base = await git(['merge-base', resolved.stdout.trim(), 'HEAD'], root);
  if (!base.ok) {
    throw new CliError(
      `--diff: no common ancestor of "${ref}" and HEAD (in a shallow clone, fetch full history: fetch-depth: 0)`,
    );
  }
  const diff = await git(
    [
      'diff',
      '--unified=0',
      '--no-color',
      '--no-ext-diff',
      '--no-textconv',
      '--find-renames',
      '--src-prefix=a/',
      '--dst-prefix=b/',
      base.stdout.trim(),
      '--',
    ],
    root,
  );
  if (!diff.ok) {
    throw new CliError(`--diff: git diff failed: ${diff.stderr.trim().split('\n', 1)[0] ?? ''}`);
  }
  const changes = new Map<string, LineRanges | 'all'>(parseUnifiedDiff(diff.stdout));
  const untracked = await git(['ls-files', '--others', '--exclude-standard', '-z'], root);
  for (const file of untracked.ok ? splitNul(untracked.stdout) : []) {
    changes.set(file, 'all');
  }
  return changes;
}
