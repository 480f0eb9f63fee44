import { ESLintUtils } from '@typescript-eslint/utils';

import { repository } from '../../package.json';

/** Documentation fields every agent-guard rule declares in `meta.docs`. */
export interface AgentGuardDocs {
  /**
   * Severity in the `recommended` config, chosen from the rule's measured precision;
   * `false` puts the rule in `strict` only.
   */
  recommended: 'error' | 'warn' | false;
  /**
   * The rule's strictest options, used by the `strict` config. Omitted when the
   * defaults are already the strictest.
   */
  strictOptions?: readonly unknown[];
  /** Set only when the rule cannot run without type information. None of ours do. */
  requiresTypeChecking?: boolean;
}

const docsBase = `${repository.url.replace(/^git\+/u, '').replace(/\.git$/u, '')}/blob/main/docs/rules`;

/** Builds the docs URL of a rule; exported so tests and the doc check agree on it. */
export function ruleDocsUrl(name: string): string {
  return `${docsBase}/${name}.md`;
}

/**
 * The one rule factory of the plugin: adds `docs.url`, merges `meta.defaultOptions`
 * into the options passed to `create`.
 */
export const createRule = ESLintUtils.RuleCreator<AgentGuardDocs>(ruleDocsUrl);
