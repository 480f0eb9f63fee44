import { name, version } from './package.json';
import type { AgentGuardDocs } from './src/core/create-rule';
import { rules } from './src/rules/index';

/** The namespace users write in rule ids: `agent-guard/<rule>`. */
const PLUGIN_NAMESPACE = 'agent-guard';

/** A rule's severity, alone or with its options: the shape ESLint's own config types accept. */
type RuleEntry = 'error' | 'warn' | 'off' | ['error' | 'warn' | 'off', ...unknown[]];
type RuleEntries = Record<string, RuleEntry>;
type RuleName = keyof typeof rules;

/** A flat config object (`eslint.config.js`), with the plugin registered under `agent-guard`. */
export interface AgentGuardFlatConfig {
  name: string;
  plugins: { 'agent-guard': AgentGuardPlugin };
  rules: RuleEntries;
}

/** An eslintrc config (`.eslintrc.*`, ESLint 8 and 9's legacy mode). */
export interface AgentGuardLegacyConfig {
  plugins: string[];
  rules: RuleEntries;
}

/**
 * A rule as consumers' config types see it. Declared structurally (not as typescript-eslint's
 * `RuleModule`) so that the plugin type-checks in ESLint's `defineConfig`, typescript-eslint's
 * `tseslint.config` and `Linter.Config` alike.
 */
export interface AgentGuardRule {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- must accept every ESLint version's context type
  create: (context: any) => any;
  meta?: object;
}

export interface AgentGuardPlugin {
  meta: { name: string; version: string };
  rules: Record<RuleName, AgentGuardRule>;
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
  const entries: RuleEntries = {};
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
  return entries;
}

const plugin: AgentGuardPlugin = {
  meta: { name, version },
  rules: rules as Record<RuleName, AgentGuardRule>,
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
