// A typed consumer config in a CommonJS package: the `require` condition's types apply.
import agentGuard from 'eslint-plugin-agent-guard';
import type { AgentGuardFlatConfig, AgentGuardPlugin } from 'eslint-plugin-agent-guard';
import type { ESLint, Linter } from 'eslint';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export const plugin: ESLint.Plugin = agentGuard;
// The named types are exported too.
export const typed: AgentGuardPlugin = agentGuard;
export const recommended: AgentGuardFlatConfig = agentGuard.configs.recommended;
export const flatConfigs: Linter.Config[] = [agentGuard.configs.recommended, agentGuard.configs.strict];
export const legacyConfigs: Linter.LegacyConfig[] = [
  agentGuard.configs['legacy-recommended'],
  agentGuard.configs['legacy-strict'],
];

export const byHand: Linter.Config[] = [
  { plugins: { 'agent-guard': agentGuard }, rules: { 'agent-guard/fetch-requires-timeout': 'error' } },
];

// @ts-expect-error -- a misspelt config name must not type-check (guards against `any`).
export const misspelt = agentGuard.configs.recomended;

export const withDefineConfig = defineConfig(tseslint.configs.recommended, agentGuard.configs.recommended);

export default tseslint.config(...tseslint.configs.recommended, agentGuard.configs.recommended);
