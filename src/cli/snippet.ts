import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

import type { LintMessage, LintResult } from './results';

/** The longest code snippet kept as a finding's fingerprint (longer ones are cut). */
const MAX_SNIPPET = 160;

/**
 * The text of the files that have findings, split into lines: ESLint's `source` when it kept it,
 * the file on disk otherwise (read once), nothing when neither is there.
 */
export class SourceLines {
  readonly #cache = new Map<string, readonly string[] | null>();

  of(result: LintResult): readonly string[] | null {
    let lines = this.#cache.get(result.filePath);
    if (lines === undefined) {
      let text: string | undefined = result.source;
      if (text === undefined) {
        try {
          text = readFileSync(result.filePath, 'utf8');
        } catch {
          text = undefined;
        }
      }
      lines = text === undefined ? null : text.split(/\r\n|[\r\n\u2028\u2029]/u);
      this.#cache.set(result.filePath, lines);
    }
    return lines;
  }

  /** The whole line a finding starts on, as written (tabs and all), or undefined. */
  lineOf(result: LintResult, message: LintMessage): string | undefined {
    return message.line >= 1 ? this.of(result)?.[message.line - 1] : undefined;
  }
}

/**
 * The code a finding points at, normalised so that it does not change when code around it is
 * edited, moved or re-indented: the line the finding starts on, trimmed, with every run of
 * whitespace made one space. A line longer than {@link MAX_SNIPPET} characters (minified code)
 * is replaced by that many characters from the finding's column. '' when the source is not at
 * hand. Two findings of a rule on one line share it, and are counted.
 */
export function codeSnippet(line: string | undefined, message: LintMessage): string {
  if (line === undefined) {
    return '';
  }
  const normalize = (text: string) => text.replace(/\s+/gu, ' ').trim();
  const whole = normalize(line);
  return whole.length <= MAX_SNIPPET ? whole : normalize(line.slice(Math.max(0, message.column - 1))).slice(0, MAX_SNIPPET);
}

/**
 * What identifies a finding across edits: its normalised code line, or its message when the
 * code cannot be read (the message quotes code too, and is the best there is then).
 */
export function fingerprintText(line: string | undefined, message: LintMessage): string {
  return codeSnippet(line, message) || message.message;
}

/** A short stable hash (hex) of the parts, separated so that no two lists collide. */
export function hashOf(...parts: readonly string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    hash.update(part).update('\0');
  }
  return hash.digest('hex').slice(0, 32);
}
