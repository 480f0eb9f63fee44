import type { Format } from '../args';
import type { LintResult } from '../results';
import type { SkippedFile } from '../skipped';
import type { SourceLines } from '../snippet';
import { formatGithub } from './github';
import { formatSarif } from './sarif';
import { formatText } from './text';

type RulesMeta = Record<string, { docs?: { description?: string; url?: string } }>;

export interface ReportContext {
  /** Work-tree root (or cwd outside git): paths in json, sarif and github reports are relative to it. */
  root: string;
  /** The directory the command runs in: paths in the stylish report are relative to it. */
  cwd: string;
  /** The checked files' lines: the code under each finding, and fingerprints. */
  sources: SourceLines;
  rulesMeta: RulesMeta;
  /** Rules the run enabled, listed in SARIF even without findings (empty with --config). */
  declaredRules: readonly string[];
  toolVersion: string;
  informationUri: string;
  /** Files that could not be parsed (skipped): warnings in `github`, notifications in `sarif`; stderr lists them for every format. */
  unparseable: readonly SkippedFile[];
}

/**
 * The report in the chosen format. `json` is ESLint's JSON shape, unchanged; `stylish` (the
 * reviewer's report), `sarif` and `github` are written here (see their modules).
 */
export function formatReport(format: Format, results: LintResult[], context: ReportContext): string {
  switch (format) {
    case 'stylish':
      return formatText(results, { cwd: context.cwd, rulesMeta: context.rulesMeta, sources: context.sources });
    case 'json':
      return `${JSON.stringify(results)}\n`;
    case 'github':
      return formatGithub(results, context.root, context.unparseable);
    case 'sarif': {
      const ids = new Set(context.declaredRules);
      for (const result of results) {
        for (const message of result.messages) {
          if (message.ruleId !== null) {
            ids.add(message.ruleId);
          }
        }
      }
      const rules = [...ids].map((id) => ({
        id,
        description: context.rulesMeta[id]?.docs?.description,
        helpUri: context.rulesMeta[id]?.docs?.url,
      }));
      return formatSarif(results, {
        root: context.root,
        toolName: 'agent-guard',
        toolVersion: context.toolVersion,
        informationUri: context.informationUri,
        rules,
        unparseable: context.unparseable,
        sources: context.sources,
      });
    }
  }
}
