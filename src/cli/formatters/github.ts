import { toPosixRelative } from '../files';
import { normalizeQuotes } from '../messages';
import { isParseError, type LintResult } from '../results';
import type { SkippedFile } from '../skipped';

/** Escapes the message of a workflow command (`::error …::<data>`). */
export function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** Escapes a property value of a workflow command (`file=…,title=…`), where `:` and `,` are separators. */
export function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/**
 * GitHub Actions workflow commands, one line per finding, which GitHub shows as annotations on
 * the pull request's changed files: `::error file=src/a.js,line=3,col=5,endLine=3,endColumn=9,
 * title=agent-guard/<rule>::<message>` (`::warning` for warnings). Paths are relative to the
 * work-tree root, as GitHub resolves them against the checkout.
 */
export function formatGithub(results: readonly LintResult[], root: string, unparseable: readonly SkippedFile[] = []): string {
  const lines: string[] = [];
  // Files that could not be parsed were skipped: a warning on each, so the pull request shows
  // what was not checked (`title=agent-guard skipped this file`).
  for (const skipped of unparseable) {
    const position = skipped.line === undefined ? '' : `,line=${skipped.line},col=${skipped.column ?? 1}`;
    const file = escapeProperty(toPosixRelative(root, skipped.file));
    lines.push(`::warning file=${file}${position},title=${escapeProperty('agent-guard skipped this file')}::${escapeData(`${skipped.reason} it: ${skipped.message ?? ''}`.trimEnd())}`);
  }
  for (const result of results) {
    const file = toPosixRelative(root, result.filePath);
    for (const message of result.messages) {
      const properties: Array<[string, string | number]> = [['file', file]];
      if (message.line >= 1) {
        properties.push(['line', message.line], ['col', message.column]);
        if (message.endLine !== undefined && message.endColumn !== undefined) {
          properties.push(['endLine', message.endLine], ['endColumn', message.endColumn]);
        }
      }
      const title = isParseError(message) ? 'agent-guard could not parse this file' : (message.ruleId ?? 'agent-guard');
      properties.push(['title', title]);
      const command = message.severity === 2 ? 'error' : 'warning';
      const props = properties.map(([name, value]) => `${name}=${escapeProperty(String(value))}`).join(',');
      lines.push(`::${command} ${props}::${escapeData(normalizeQuotes(message.message))}`);
    }
  }
  return lines.map((line) => `${line}\n`).join('');
}
