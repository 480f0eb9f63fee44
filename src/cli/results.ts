import type { ESLint, Linter } from 'eslint';

/** A file's result as ESLint returns it; every formatter takes this shape. */
export type LintResult = ESLint.LintResult;
export type LintMessage = Linter.LintMessage;

/** A message that says the file could not be parsed (so it was not checked at all). */
export function isParseError(message: LintMessage): boolean {
  return message.fatal === true;
}

/**
 * Copies of `results` holding only the messages `keep` accepts, with the counts recomputed
 * (ESLint's formatters read the counts, not the messages, for their summaries).
 */
export function filterResults(
  results: readonly LintResult[],
  keep: (result: LintResult, message: LintMessage) => boolean,
): LintResult[] {
  return results.map((result) => {
    const messages = result.messages.filter((message) => keep(result, message));
    return { ...result, messages, ...countMessages(messages) };
  });
}

function countMessages(messages: readonly LintMessage[]) {
  const counts = { errorCount: 0, fatalErrorCount: 0, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 };
  for (const message of messages) {
    if (message.severity === 2) {
      counts.errorCount++;
      counts.fatalErrorCount += message.fatal ? 1 : 0;
      counts.fixableErrorCount += message.fix ? 1 : 0;
    } else if (message.severity === 1) {
      counts.warningCount++;
      counts.fixableWarningCount += message.fix ? 1 : 0;
    }
  }
  return counts;
}

export interface Totals {
  /** Findings of severity error (parse errors excluded). */
  errors: number;
  warnings: number;
  parseErrors: number;
  /** Files with at least one message. */
  files: number;
}

export function totals(results: readonly LintResult[]): Totals {
  const sum: Totals = { errors: 0, warnings: 0, parseErrors: 0, files: 0 };
  for (const result of results) {
    sum.files += result.messages.length > 0 ? 1 : 0;
    for (const message of result.messages) {
      if (isParseError(message)) {
        sum.parseErrors++;
      } else if (message.severity === 2) {
        sum.errors++;
      } else {
        sum.warnings++;
      }
    }
  }
  return sum;
}

/**
 * 1 for any error or for more warnings than tolerated, 0 otherwise. Parse errors do not count:
 * a file that cannot be parsed is skipped and listed, never a failed run (2 is for usage and
 * set-up errors, which throw before any result exists).
 */
export function exitCodeFor(sum: Totals, maxWarnings: number | undefined): 0 | 1 {
  return sum.errors > 0 || sum.warnings > (maxWarnings ?? 0) ? 1 : 0;
}
