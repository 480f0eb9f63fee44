import { CliError } from './errors';
import { toPosixRelative } from './files';
import { filterResults, isParseError, type LintMessage, type LintResult } from './results';
import { fingerprintText, SourceLines } from './snippet';

/** The version {@link recordBaseline} writes. */
export const BASELINE_VERSION = 2;

/**
 * The recorded findings of a codebase: file (relative to the work-tree root) → rule id →
 * fingerprint → count. Lines are deliberately absent, so edits that shift code do not break it
 * (the idea of ESLint's bulk suppressions, which count per file and rule, with the code added).
 *
 * - Version 2 (written): the fingerprint is the code line the finding starts on, trimmed and
 *   with whitespace collapsed ({@link fingerprintText}); it does not change when code around it
 *   is edited, moved or re-indented, nor when a rule's wording changes.
 * - Version 1 (still read): the fingerprint is the message, which quotes code from elsewhere
 *   (`client created without a timeout (line 12)`) and changes with the rule's wording.
 */
export interface Baseline {
  version: 1 | 2;
  findings: Record<string, Record<string, Record<string, number>>>;
}

type Key = readonly [file: string, rule: string, fingerprint: string];

function keyOf(version: Baseline['version'], root: string, sources: SourceLines, result: LintResult, message: LintMessage): Key | null {
  // Parse errors are never recorded: a file that does not parse has not been checked.
  if (isParseError(message) || message.ruleId === null) {
    return null;
  }
  const fingerprint = version === 1 ? message.message : fingerprintText(sources.lineOf(result, message), message);
  return [toPosixRelative(root, result.filePath), message.ruleId, fingerprint];
}

function countOf(baseline: Baseline, [file, rule, message]: Key): number {
  return baseline.findings[file]?.[rule]?.[message] ?? 0;
}

/** A baseline holding every finding of `results`, in the current version. */
export function recordBaseline(results: readonly LintResult[], root: string, sources = new SourceLines()): Baseline {
  const baseline: Baseline = { version: BASELINE_VERSION, findings: {} };
  for (const result of results) {
    for (const message of result.messages) {
      const key = keyOf(baseline.version, root, sources, result, message);
      if (key) {
        const [file, rule, text] = key;
        const rules = (baseline.findings[file] ??= {});
        const messages = (rules[rule] ??= {});
        messages[text] = (messages[text] ?? 0) + 1;
      }
    }
  }
  return baseline;
}

function sortKeys(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return value;
  }
  return Object.fromEntries(
    Object.entries(value)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, inner]) => [key, sortKeys(inner)]),
  );
}

/** Stable text (keys sorted at every level, one trailing newline), so diffs of the file stay small. */
export function serializeBaseline(baseline: Baseline): string {
  return `${JSON.stringify(sortKeys(baseline), null, 2)}\n`;
}

function isCountTree(value: unknown, depth: number): boolean {
  if (depth === 0) {
    return Number.isInteger(value) && (value as number) > 0;
  }
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.values(value).every((inner) => isCountTree(inner, depth - 1))
  );
}

/** Reads a baseline file's text; anything malformed is a {@link CliError} naming the file. */
export function parseBaseline(text: string, fileName: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new CliError(`${fileName} is not valid JSON; delete it or run with --update-baseline`);
  }
  const candidate = data as Partial<Baseline> | null;
  if ((candidate?.version !== 1 && candidate?.version !== 2) || !isCountTree(candidate.findings, 3)) {
    throw new CliError(`${fileName} is not an agent-guard baseline (version 1 or 2); delete it or run with --update-baseline`);
  }
  return candidate as Baseline;
}

export interface BaselineOutcome {
  /** The results without the findings the baseline covers. */
  results: LintResult[];
  /** Recorded findings no longer present (fixed since): a hint to run --update-baseline. */
  stale: number;
}

/**
 * Drops the findings the baseline covers. Findings are grouped by file, rule and fingerprint
 * (the message in a version 1 baseline); a
 * group that has no more findings than recorded is dropped entirely, and a group that has more
 * is reported entirely, since nothing tells which of its findings is the new one (ESLint's bulk
 * suppressions make the same choice). Parse errors are always reported.
 */
export function applyBaseline(results: readonly LintResult[], baseline: Baseline, root: string, sources = new SourceLines()): BaselineOutcome {
  const current = new Map<string, number>();
  const id = (key: Key) => JSON.stringify(key);
  const keyFor = (result: LintResult, message: LintMessage) => keyOf(baseline.version, root, sources, result, message);
  for (const result of results) {
    for (const message of result.messages) {
      const key = keyFor(result, message);
      if (key) {
        current.set(id(key), (current.get(id(key)) ?? 0) + 1);
      }
    }
  }
  let stale = 0;
  for (const [file, rules] of Object.entries(baseline.findings)) {
    for (const [rule, messages] of Object.entries(rules)) {
      for (const [message, count] of Object.entries(messages)) {
        stale += Math.max(0, count - (current.get(id([file, rule, message])) ?? 0));
      }
    }
  }
  const filtered = filterResults(results, (result, message) => {
    const key = keyFor(result, message);
    return key === null || (current.get(id(key)) ?? 0) > countOf(baseline, key);
  });
  return { results: filtered, stale };
}
