import { toPosixRelative } from './paths';

/** Why a file was not checked. */
export type SkipReason =
  /** Under node_modules/, .yarn/ or bower_components/ (committed dependencies), or Yarn's .pnp.cjs. */
  | 'dependency'
  /** Under vendor/ or third_party/. */
  | 'vendored'
  /** Under dist/, build/, out/, coverage/ or a framework's output directory. */
  | 'build output'
  /** `*.min.js`, or long lines throughout (see files.ts). */
  | 'minified'
  /** Larger than --max-file-size. */
  | 'too large'
  /** Matched by --ignore-pattern. */
  | '--ignore-pattern'
  /** Matched by .agent-guardignore. */
  | '.agent-guardignore'
  /** Ignored by the project's eslint.config.* or .eslintignore (--use-eslint-ignores). */
  | 'eslint ignores'
  /** ESLint could not parse it, with every fallback tried. */
  | 'could not parse'
  /** Reading it failed (permissions, a file that vanished during the run). */
  | 'could not read';


/** The order reasons are counted in, from "not ours" to "the user's choice". */
const REASON_ORDER: readonly SkipReason[] = [
  'dependency',
  'vendored',
  'build output',
  'minified',
  'too large',
  '--ignore-pattern',
  '.agent-guardignore',
  'eslint ignores',
  'could not parse',
  'could not read',
];

export interface SkippedFile {
  /** Absolute path. */
  file: string;
  reason: SkipReason;
  /** For files that could not be parsed or read: the parser's message (without ESLint's "Parsing error: ") or the I/O error's. */
  message?: string;
  line?: number;
  column?: number;
}

/** Whether the file was left out because reading it failed, as opposed to a rule that leaves it out. */
export function isUnreadable(skipped: SkippedFile): boolean {
  return skipped.reason === 'could not parse' || skipped.reason === 'could not read';
}

function byPath(a: SkippedFile, b: SkippedFile): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function where(skipped: SkippedFile, root: string): string {
  const file = toPosixRelative(root, skipped.file);
  return skipped.line === undefined ? file : `${file}:${skipped.line}:${skipped.column ?? 0}`;
}

/**
 * What the run did not check, for stderr: files that could not be parsed are always listed one
 * per line (each is a surprise worth fixing or ignoring); files left out on purpose are counted
 * by reason, and listed one per line with `verbose`. Empty when nothing was skipped.
 */
export function describeSkipped(skipped: readonly SkippedFile[], root: string, verbose: boolean): string {
  const lines: string[] = [];
  const unreadable = skipped.filter(isUnreadable).sort(byPath);
  if (unreadable.length > 0) {
    const how = unreadable.every((entry) => entry.reason === 'could not parse') ? 'parse' : 'read or parse';
    lines.push(`agent-guard: skipped ${plural(unreadable.length, 'file')} it could not ${how} (not checked):`);
    for (const entry of unreadable) {
      lines.push(`  ${where(entry, root)}  ${entry.message ?? ''}`.trimEnd());
    }
  }
  const leftOut = skipped.filter((entry) => !isUnreadable(entry)).sort(byPath);
  if (leftOut.length > 0) {
    const counts = new Map<SkipReason, number>();
    for (const entry of leftOut) {
      counts.set(entry.reason, (counts.get(entry.reason) ?? 0) + 1);
    }
    const byReason = REASON_ORDER.filter((reason) => counts.has(reason))
      .map((reason) => `${counts.get(reason) ?? 0} ${reason}`)
      .join(', ');
    lines.push(`agent-guard: left out ${plural(leftOut.length, 'file')} (${byReason})${verbose ? ':' : '; --verbose lists them'}`);
    if (verbose) {
      for (const entry of leftOut) {
        lines.push(`  ${toPosixRelative(root, entry.file)}  (${entry.reason})`);
      }
    }
  }
  return lines.map((line) => `${line}\n`).join('');
}
