// The configs the bench compares and a Linter that lints with them cheaply. Shared by bench.mjs
// and memory.mjs.
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

import js from '@eslint/js';
import { Linter } from 'eslint';
import security from 'eslint-plugin-security';

import { ALL_SOURCE_GLOBS } from './corpus.mjs';

/** (a) core recommended, (b) (a) + agent-guard recommended, (c) (b) + eslint-plugin-security, and the per-rule stats set. */
export function benchConfigs(plugin) {
  const coreRecommended = js.configs.recommended.rules;
  const securityRecommended = security.configs.recommended.rules;
  return {
    coreRecommended,
    securityRecommended,
    pluginSet: { 'agent-guard': plugin, security: security.configs.recommended.plugins.security },
    configs: {
      a: { label: '(a) @eslint/js recommended', rules: { ...coreRecommended } },
      b: { label: '(b) (a) + agent-guard recommended', rules: { ...coreRecommended, ...plugin.configs.recommended.rules } },
      c: {
        label: '(c) (b) + eslint-plugin-security recommended',
        rules: { ...coreRecommended, ...plugin.configs.recommended.rules, ...securityRecommended },
      },
    },
    // Per-rule timing covers every agent-guard rule: the recommended ones with their recommended
    // options (what the budget is about), the strict-only ones with their strict options.
    statsRules: { ...coreRecommended, ...plugin.configs.strict.rules, ...plugin.configs.recommended.rules, ...securityRecommended },
  };
}

/**
 * A Linter and `configArray(languageOptions, rules)`: one normalised config array per rule set and
 * parser setting. ESLint's own config array class (not exported): `Linter#verify` accepts a
 * normalised instance and then reuses its per-file config cache, as the ESLint class does per
 * directory; a plain array is re-normalised (rule options validated, settings and parser options
 * rebuilt) on every call.
 */
export function createBenchLinter(pluginSet) {
  const linter = new Linter({ cwd: '/' });
  const { FlatConfigArray } = createRequire(import.meta.url)(resolve('node_modules/eslint/lib/config/flat-config-array.js'));
  const arrays = new Map();
  function configArray(languageOptions, rules) {
    const key = JSON.stringify([languageOptions.parser ? 'ts' : 'espree', languageOptions.sourceType, languageOptions.parserOptions]);
    let byKey = arrays.get(rules);
    if (!byKey) {
      byKey = new Map();
      arrays.set(rules, byKey);
    }
    let array = byKey.get(key);
    if (!array) {
      array = new FlatConfigArray(
        [
          { ignores: ['!**/node_modules/'] },
          {
            files: ALL_SOURCE_GLOBS,
            languageOptions,
            plugins: pluginSet,
            linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' },
            rules,
          },
        ],
        { basePath: '/' },
      );
      array.normalizeSync();
      byKey.set(key, array);
    }
    return array;
  }
  return { linter, configArray };
}
