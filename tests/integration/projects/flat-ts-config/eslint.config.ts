// A typed consumer config (ESM package): ESLint loads it through jiti, tsc checks it.
import agentGuard from 'eslint-plugin-agent-guard';
import type { AgentGuardFlatConfig, AgentGuardPlugin } from 'eslint-plugin-agent-guard';
import type { ESLint, Linter } from 'eslint';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

// The plugin and its configs fit ESLint's own types, without casts.
export const plugin: ESLint.Plugin = agentGuard;
// The named types are exported too.
export const typed: AgentGuardPlugin = agentGuard;
export const recommended: AgentGuardFlatConfig = agentGuard.configs.recommended;
export const flatConfigs: Linter.Config[] = [agentGuard.configs.recommended, agentGuard.configs.strict];
export const legacyConfigs: Linter.LegacyConfig[] = [
  agentGuard.configs['legacy-recommended'],
  agentGuard.configs['legacy-strict'],
];

// @ts-expect-error -- a misspelt config name must not type-check (guards against `any`).
export const misspelt = agentGuard.configs.recomended;

// Registering the plugin by hand, as users do to pick rules themselves.
export const byHand = defineConfig({
  plugins: { 'agent-guard': agentGuard },
  rules: { 'agent-guard/fetch-requires-timeout': 'error' },
});

// typescript-eslint's helper accepts the configs as well.
export const withTseslint = tseslint.config(...tseslint.configs.recommended, agentGuard.configs.recommended);

export default defineConfig(tseslint.configs.recommended, agentGuard.configs.recommended);
