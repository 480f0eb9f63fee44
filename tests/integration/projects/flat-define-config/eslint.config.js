// ESLint's own `defineConfig`, with typescript-eslint, plus the string form of `extends`
// (`'agent-guard/recommended'`) for .jsx files.
import agentGuard from 'eslint-plugin-agent-guard';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  tseslint.configs.recommended,
  agentGuard.configs.recommended,
  {
    files: ['**/*.jsx'],
    plugins: { 'agent-guard': agentGuard },
    extends: ['agent-guard/recommended'],
  },
);
