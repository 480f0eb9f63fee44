// Plain flat config that lints every extension: `files` entries are what make ESLint
// pick up .jsx and the TypeScript extensions; the TypeScript ones also need a parser.
import agentGuard from 'eslint-plugin-agent-guard';
import tsParser from '@typescript-eslint/parser';

export default [
  {
    files: ['**/*.jsx'],
    languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'],
    languageOptions: { parser: tsParser },
  },
  agentGuard.configs.recommended,
];
