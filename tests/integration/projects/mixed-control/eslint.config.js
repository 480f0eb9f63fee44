// Control for mixed-import-require: two *different* plugin objects under one namespace,
// which ESLint must reject. Proves the mixed test would catch a dual-package build.
import agentGuard from 'eslint-plugin-agent-guard';

export default [
  agentGuard.configs.recommended,
  {
    files: ['**/*.cjs'],
    plugins: { 'agent-guard': { ...agentGuard } },
    rules: { 'agent-guard/fetch-requires-timeout': 'warn' },
  },
];
