import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { RULE_PREFIX } from './args';
import { SECRETLINT_PREFIX } from './secrets';

/**
 * How code scanning ranks a rule's alerts: the weakness it finds (a CWE, shown as the tag
 * `external/cwe/cwe-NNN`), a `security-severity` score (GitHub: ≥ 9.0 critical, 7.0–8.9 high,
 * 4.0–6.9 medium, below low) and a `precision` (how often an alert is a real problem). Why each
 * value was chosen is written in docs/ci.md.
 */
export interface RuleRanking {
  cwe: number;
  securitySeverity: string;
  precision: 'very-high' | 'high' | 'medium' | 'low';
}

const RANKINGS: Readonly<Record<string, RuleRanking>> = {
  'require-auth-gate-in-route': { cwe: 306, securitySeverity: '8.2', precision: 'medium' },
  'no-sql-template-literal': { cwe: 89, securitySeverity: '8.8', precision: 'high' },
  'no-unsanitized-fs-path': { cwe: 22, securitySeverity: '7.5', precision: 'high' },
  'no-stack-in-response': { cwe: 209, securitySeverity: '5.3', precision: 'high' },
  'fetch-requires-timeout': { cwe: 400, securitySeverity: '5.3', precision: 'high' },
  'no-command-injection': { cwe: 78, securitySeverity: '8.8', precision: 'high' },
  'no-hardcoded-secrets': { cwe: 798, securitySeverity: '7.5', precision: 'high' },
  'no-ssrf': { cwe: 918, securitySeverity: '8.6', precision: 'high' },
};

/**
 * Every secretlint finding (`secretlint/<rule>`, the secret scan of the files ESLint does not
 * check): a credential committed to the repository. 7.5: anyone with read access to the code
 * holds the key; what it opens decides the rest. Precision high: the recommended preset matches
 * providers' token formats, not entropy.
 */
const SECRETLINT_RANKING: RuleRanking = { cwe: 798, securitySeverity: '7.5', precision: 'high' };

/** The ranking of one of the plugin's rules (`agent-guard/<name>`) or of a secretlint finding; undefined for other rules. */
export function rankingOf(ruleId: string): RuleRanking | undefined {
  if (ruleId.startsWith(SECRETLINT_PREFIX)) {
    return SECRETLINT_RANKING;
  }
  return ruleId.startsWith(RULE_PREFIX) ? RANKINGS[ruleId.slice(RULE_PREFIX.length)] : undefined;
}

/**
 * The package's own directory (where `docs/` is): this file is `dist/cli.cjs` in the package and
 * `src/cli/rule-info.ts` in a checkout, so the nearest parent directory with `docs/rules/`.
 */
function packageDir(): string | undefined {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'docs', 'rules')) && existsSync(join(dir, 'package.json'))) {
      return dir;
    }
    if (dirname(dir) === dir) {
      return undefined;
    }
  }
}

const docsCache = new Map<string, string | undefined>();

/**
 * The Markdown page of one of the plugin's rules (`docs/rules/<name>.md`, shipped in the
 * package), with its relative links made absolute against `docsUrl` (the page's address in the
 * repository), so that they work where the page is shown (code scanning's rule help). Undefined
 * for other rules, and when the page is not there.
 */
export function ruleDocsMarkdown(ruleId: string, docsUrl: string | undefined): string | undefined {
  if (!ruleId.startsWith(RULE_PREFIX) || docsUrl === undefined) {
    return undefined;
  }
  const name = ruleId.slice(RULE_PREFIX.length);
  if (!/^[a-z][a-z-]*$/u.test(name)) {
    return undefined;
  }
  if (!docsCache.has(name)) {
    const dir = packageDir();
    let text: string | undefined;
    try {
      text = dir === undefined ? undefined : readFileSync(join(dir, 'docs', 'rules', `${name}.md`), 'utf8');
    } catch {
      text = undefined;
    }
    docsCache.set(name, text);
  }
  const text = docsCache.get(name);
  return text === undefined ? undefined : absoluteLinks(text, docsUrl);
}

/** `[text](../settings.md#x)` and `[text](#y)` → links against `base`; absolute links stay. */
export function absoluteLinks(markdown: string, base: string): string {
  return markdown.replace(/\]\(([^)\s]+)\)/gu, (whole, target: string) => {
    if (/^[a-z][a-z0-9+.-]*:/iu.test(target)) {
      return whole;
    }
    try {
      return `](${new URL(target, base).href})`;
    } catch {
      return whole;
    }
  });
}
