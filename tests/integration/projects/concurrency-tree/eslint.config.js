// A small service linted file by file across worker threads (`--concurrency`): the
// recommended config, plus the TypeScript parser for the TypeScript extensions.
import agentGuard from 'eslint-plugin-agent-guard';
import tsParser from '@typescript-eslint/parser';

export default [
  {
    files: ['**/*.ts', '**/*.mts', '**/*.cts'],
    languageOptions: { parser: tsParser },
  },
  agentGuard.configs.recommended,
];
