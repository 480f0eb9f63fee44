import type { LintMessage, LintResult } from '../../src/cli/results';

/** A lint message with the fields formatters read; override what a case is about. */
export function message(overrides: Partial<LintMessage> = {}): LintMessage {
  return {
    ruleId: 'agent-guard/fetch-requires-timeout',
    severity: 2,
    message: "'fetch' has no timeout.",
    line: 3,
    column: 9,
    endLine: 3,
    endColumn: 30,
    ...overrides,
  };
}

/** A parse error as ESLint reports it: fatal, no rule, no end position. */
export function parseError(line = 2, column = 7): LintMessage {
  return { ruleId: null, fatal: true, severity: 2, message: 'Parsing error: Unexpected token )', line, column };
}

/** A file's result with counts consistent with its messages. */
export function result(filePath: string, messages: LintMessage[]): LintResult {
  return {
    filePath,
    messages,
    suppressedMessages: [],
    errorCount: messages.filter((m) => m.severity === 2).length,
    fatalErrorCount: messages.filter((m) => m.fatal).length,
    warningCount: messages.filter((m) => m.severity === 1).length,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    usedDeprecatedRules: [],
  };
}
