import { toPosixRelative } from '../files';
import { normalizeQuotes, sentencesOf, splitMessage } from '../messages';
import type { LintMessage, LintResult } from '../results';
import type { SourceLines } from '../snippet';

type RulesMeta = Record<string, { docs?: { description?: string; url?: string } }>;

export interface TextContext {
  /** Paths are shown relative to it (the directory the command ran in). */
  cwd: string;
  rulesMeta: RulesMeta;
  sources: SourceLines;
}

/** The longest code line shown under a finding; longer ones (minified code) are cut around the finding. */
const MAX_CODE = 120;
/** Sentences of explanation listed per rule before the rest are only counted. */
const MAX_DETAILS = 5;

interface RuleSummary {
  count: number;
  files: Set<string>;
  details: string[];
  suggestions: string[];
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** The code a finding starts on, trimmed, with a window around the finding when the line is long. */
function codeLine(line: string | undefined, message: LintMessage): string | undefined {
  if (line === undefined || line.trim() === '') {
    return undefined;
  }
  const text = line.replaceAll('\t', ' ').trimEnd();
  const indent = text.length - text.trimStart().length;
  if (text.length - indent <= MAX_CODE) {
    return text.slice(indent);
  }
  const start = Math.max(indent, message.column - 1 - 20);
  const end = start + MAX_CODE;
  return `${start > indent ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}

/**
 * The human report (`--format stylish`, the default), written for a reviewer going through many
 * findings: per file, each finding's position, severity, the first sentence of its message and
 * its rule, with the code line under it; then, once per rule, the rest of the messages (the why
 * and the fix), an editor suggestion and the docs link; then the totals and a count by rule.
 * Nothing at all when there are no findings.
 */
export function formatText(results: readonly LintResult[], context: TextContext): string {
  const out: string[] = [];
  const byRule = new Map<string, RuleSummary>();
  let errors = 0;
  let warnings = 0;
  for (const result of results) {
    if (result.messages.length === 0) {
      continue;
    }
    const file = toPosixRelative(context.cwd, result.filePath);
    out.push(file);
    const positions = result.messages.map((message) => `${message.line}:${message.column}`);
    const width = Math.max(...positions.map((position) => position.length));
    for (const [index, message] of result.messages.entries()) {
      const severity = message.severity === 2 ? 'error  ' : 'warning';
      errors += message.severity === 2 ? 1 : 0;
      warnings += message.severity === 2 ? 0 : 1;
      const { headline, detail } = splitMessage(normalizeQuotes(message.message));
      out.push(`  ${(positions[index] ?? '').padEnd(width)}  ${severity}  ${headline}${message.ruleId ? `  ${message.ruleId}` : ''}`);
      const code = codeLine(context.sources.lineOf(result, message), message);
      if (code !== undefined) {
        out.push(`  ${' '.repeat(width)}  | ${code}`);
      }
      const rule = message.ruleId ?? '';
      let summary = byRule.get(rule);
      if (summary === undefined) {
        summary = { count: 0, files: new Set(), details: [], suggestions: [] };
        byRule.set(rule, summary);
      }
      summary.count++;
      summary.files.add(file);
      // The explanations, sentence by sentence: the why is shared, the fixes differ.
      for (const sentence of sentencesOf(detail)) {
        if (!summary.details.includes(sentence)) {
          summary.details.push(sentence);
        }
      }
      for (const suggestion of message.suggestions ?? []) {
        const text = normalizeQuotes(suggestion.desc);
        if (!summary.suggestions.includes(text)) {
          summary.suggestions.push(text);
        }
      }
    }
    out.push('');
  }
  if (byRule.size === 0) {
    return '';
  }

  const rules = [...byRule.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [rule, summary] of rules) {
    if (rule === '') {
      continue;
    }
    const docs = context.rulesMeta[rule]?.docs;
    out.push(`${rule}${docs?.description ? `: ${docs.description}` : ''}`);
    for (const detail of summary.details.slice(0, MAX_DETAILS)) {
      out.push(`  ${detail}`);
    }
    if (summary.details.length > MAX_DETAILS) {
      out.push(`  (and ${plural(summary.details.length - MAX_DETAILS, 'more sentence')} of explanation: --format json has the whole messages)`);
    }
    if (summary.suggestions[0] !== undefined) {
      out.push(`  Editor suggestion${summary.suggestions.length > 1 ? ', for example' : ''}: ${summary.suggestions[0]}`);
    }
    if (docs?.url) {
      out.push(`  Docs: ${docs.url}`);
    }
    out.push('');
  }

  const total = errors + warnings;
  out.push(`✖ ${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`);
  for (const [rule, summary] of rules) {
    out.push(`  ${rule || '(no rule)'}: ${plural(summary.count, 'finding')} in ${plural(summary.files.size, 'file')}`);
  }
  return `${out.join('\n')}\n`;
}
