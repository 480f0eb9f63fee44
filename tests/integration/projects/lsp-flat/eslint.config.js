// What a project opened in VS Code would have: the recommended config, and a parser for .ts.
import agentGuard from 'eslint-plugin-agent-guard';
import tsParser from '@typescript-eslint/parser';

export default [
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tsParser },
  },
  agentGuard.configs.recommended,
];
