import js from '@eslint/js';
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

import agentGuard from './index';

export default defineConfig(
  globalIgnores([
    'dist/',
    'coverage/',
    'examples/',
    'tests/integration/projects/',
    'tests/integration/.work/',
    'tests/fixtures/',
    'bench/corpus/',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // Rule sources: the meta rules for ESLint plugins.
  {
    files: ['src/rules/**/*.ts', 'index.ts'],
    ...eslintPlugin.configs.recommended,
  },
  {
    files: ['src/rules/**/*.ts'],
    rules: {
      'eslint-plugin/meta-property-ordering': [
        'error',
        ['type', 'docs', 'fixable', 'hasSuggestions', 'messages', 'schema', 'defaultOptions'],
      ],
      'eslint-plugin/require-meta-docs-description': ['error', { pattern: '^[A-Z]' }],
    },
  },
  // Rule tests: positions on every error, no duplicates.
  {
    files: ['tests/rules/**/*.ts', 'tests/analysis/**/*.ts', 'tests/core/**/*.ts', 'tests/frameworks/**/*.ts'],
    ...eslintPlugin.configs.recommended,
  },
  {
    files: ['tests/rules/**/*.ts', 'tests/analysis/**/*.ts', 'tests/core/**/*.ts', 'tests/frameworks/**/*.ts'],
    // Suites are built with createRuleTester(): let the meta rules see them.
    settings: { 'eslint-plugin': { ruleTesterConstructors: ['RuleTester', 'createRuleTester'] } },
    rules: {
      'eslint-plugin/no-identical-tests': 'error',
    },
  },
  // The plugin holds itself to its own checklist.
  {
    files: ['index.ts', 'src/**/*.ts', 'scripts/**/*.mjs', 'bench/**/*.mjs'],
    ...agentGuard.configs.recommended,
  },
);
