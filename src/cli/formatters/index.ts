import type { ESLint } from 'eslint';

import type { Format } from '../args';
import type { LintResult } from '../results';
import type { SkippedFile } from '../skipped';
import { formatGithub } from './github';
import { formatSarif } from './sarif';

type RulesMeta = Record<string, { docs?: { description?: string; url?: string } }>;

export interface ReportContext {
  eslint: ESLint;
  /** Work-tree root (or cwd outside git): report paths are relative to it. */
  root: string;
  rulesMeta: RulesMeta;
  /** Rules the run enabled, listed in SARIF even without findings (empty with --config). */
  declaredRules: readonly string[];
  toolVersion: string;
  informationUri: string;
  /** Files that could not be parsed (skipped): warnings in `github`, notifications in `sarif`; stderr lists them for every format. */
  unparseable: readonly SkippedFile[];
}

/**
 * The report in the chosen format. `stylish` is ESLint's own formatter; `json` is ESLint's JSON
 * shape; `sarif` and `github` are written here (see their modules).
 */
export async function formatReport(format: Format, results: LintResult[], context: ReportContext): Promise<string> {
  switch (format) {
    case 'stylish': {
      const formatter = await context.eslint.loadFormatter('stylish');
      // Our findings have suggestions, never autofixes: no "fixable with --fix" footer.
      const unfixable = results.map((result) => ({ ...result, fixableErrorCount: 0, fixableWarningCount: 0 }));
      return await formatter.format(unfixable);
    }
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
      });
    }
  }
}
