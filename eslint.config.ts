import js from '@eslint/js';
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import type { Linter } from 'eslint';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

import agentGuard from './index';

/**
 * src/ stacks one way: cli → rules → analysis → project → frameworks → data → core. A folder
 * imports its own files and the folders to its right, never to its left (tests/layers.test.ts
 * adds: no import cycle between files, every source file inside a layer folder).
 */
const LAYERS = ['cli', 'rules', 'analysis', 'project', 'frameworks', 'data', 'core'] as const;

function layerBlock(layer: (typeof LAYERS)[number]): Linter.Config {
  const above = LAYERS.slice(0, LAYERS.indexOf(layer));
  const patterns: { regex: string; message: string; allowTypeImports?: boolean }[] = [];
  if (above.length > 0) {
    patterns.push({
      // Relative paths that climb to src/ and enter a higher layer (the root index.ts included).
      regex: `^(\\.\\./)+(${above.join('|')})(/|$)|^(\\.\\./)+index$`,
      message: `src/${layer}/ may import only ${LAYERS.slice(LAYERS.indexOf(layer) + 1).join(', ') || 'itself'} (layers: ${LAYERS.join(' → ')}).`,
    });
  }
  if (layer === 'data') {
    patterns.push({ regex: '^\\.\\./core/', allowTypeImports: true, message: 'src/data/ holds tables: it may import types from core/, no code.' });
  }
  if (layer === 'rules') {
    patterns.push({
      regex: '^\\.\\./analysis/[^/]+/(?!index$)',
      message: "Rules use an engine through its public face: import from '../analysis/<engine>/index'.",
    });
  }
  return {
    files: layer === 'cli' ? ['src/cli/**/*.ts'] : [`src/${layer}/**/*.ts`],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': ['error', { patterns }],
    },
  };
}

export default defineConfig(
  globalIgnores([
    'dist/',
    'coverage/',
    'examples/',
    'tests/integration/projects/',
    'tests/integration/.work/',
    'tests/fixtures/',
    'bench/corpus/',
    'bench/.work/',
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
    files: ['tests/rules/**/*.ts', 'tests/analysis/**/*.ts', 'tests/core/**/*.ts', 'tests/frameworks/**/*.ts', 'tests/settings/**/*.ts'],
    ...eslintPlugin.configs.recommended,
  },
  {
    files: ['tests/rules/**/*.ts', 'tests/analysis/**/*.ts', 'tests/core/**/*.ts', 'tests/frameworks/**/*.ts', 'tests/settings/**/*.ts'],
    // Suites are built with createRuleTester(): let the meta rules see them.
    settings: { 'eslint-plugin': { ruleTesterConstructors: ['RuleTester', 'createRuleTester'] } },
    rules: {
      'eslint-plugin/no-identical-tests': 'error',
      // Every expected error says where it starts and ends (scripts/add-error-end-positions.mjs fills new ones in).
      'eslint-plugin/require-test-error-positions': 'error',
    },
  },
  // One-way layers in src/.
  ...LAYERS.filter((layer) => layer !== 'cli').map(layerBlock),
  // The plugin holds itself to its own checklist.
  {
    files: ['index.ts', 'src/**/*.ts', 'scripts/**/*.mjs', 'bench/**/*.mjs'],
    ...agentGuard.configs.recommended,
  },
);
