import type { TSESLint } from '@typescript-eslint/utils';

import { name, version } from './package.json';
import type { AgentGuardDocs } from './src/analysis/create-rule';
import { rules } from './src/rules/index';

/** The namespace users write in rule ids: `agent-guard/<rule>`. */
const PLUGIN_NAMESPACE = 'agent-guard';

type RuleName = keyof typeof rules;
type RuleEntries = Partial<Record<`${typeof PLUGIN_NAMESPACE}/${RuleName}`, TSESLint.SharedConfig.RuleEntry>>;

/** A flat config object (`eslint.config.js`), with the plugin registered under `agent-guard`. */
export interface AgentGuardFlatConfig {
  name: string;
  plugins: Record<string, AgentGuardPlugin>;
  rules: RuleEntries;
}

/** An eslintrc config (`.eslintrc.*`, ESLint 8 and 9's legacy mode). */
export interface AgentGuardLegacyConfig {
  plugins: string[];
  rules: RuleEntries;
}

export interface AgentGuardPlugin {
  meta: { name: string; version: string };
  rules: typeof rules;
  configs: {
    /** Rules whose precision is proven on real code, at the level their precision allows. */
    recommended: AgentGuardFlatConfig;
    /** Every rule at `error`, with its strictest options. */
    strict: AgentGuardFlatConfig;
    'legacy-recommended': AgentGuardLegacyConfig;
    'legacy-strict': AgentGuardLegacyConfig;
  };
}

/** Rule entries for a config, derived from each rule's `meta.docs` (never hand-listed). */
function ruleEntries(preset: 'recommended' | 'strict'): RuleEntries {
  const entries: Record<string, TSESLint.SharedConfig.RuleEntry> = {};
  for (const [ruleName, rule] of Object.entries(rules).sort(([a], [b]) => a.localeCompare(b))) {
    const docs = rule.meta.docs as AgentGuardDocs;
    const id = `${PLUGIN_NAMESPACE}/${ruleName}`;
    if (preset === 'recommended') {
      if (docs.recommended) {
        entries[id] = docs.recommended;
      }
    } else {
      entries[id] = docs.strictOptions ? ['error', ...docs.strictOptions] : 'error';
    }
  }
  return entries as RuleEntries;
}

const plugin: AgentGuardPlugin = {
  meta: { name, version },
  rules,
  configs: {} as AgentGuardPlugin['configs'],
};

const recommendedRules = ruleEntries('recommended');
const strictRules = ruleEntries('strict');

// Configs are attached after the plugin object exists so that they can reference it
// (ESLint's documented pattern); the same object serves ESM and CJS consumers.
Object.assign(plugin.configs, {
  recommended: { name: `${PLUGIN_NAMESPACE}/recommended`, plugins: { [PLUGIN_NAMESPACE]: plugin }, rules: recommendedRules },
  strict: { name: `${PLUGIN_NAMESPACE}/strict`, plugins: { [PLUGIN_NAMESPACE]: plugin }, rules: strictRules },
  'legacy-recommended': { plugins: [PLUGIN_NAMESPACE], rules: recommendedRules },
  'legacy-strict': { plugins: [PLUGIN_NAMESPACE], rules: strictRules },
} satisfies AgentGuardPlugin['configs']);

export default plugin;
