/**
 * Shared by the robustness tests: lint a source text with every agent-guard rule at its strictest
 * options (configs.strict, so rules added later are covered automatically), with ESLint's default
 * parser (espree) or @typescript-eslint/parser, and check what the rules hand back.
 */
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import type { ESLint } from 'eslint';

import plugin from '../../index';

export type ParserKind = 'espree' | 'ts';

export interface LintInput {
  code: string;
  /** Its extension picks the TS parser's mode (`file.ts`, `file.tsx`, `file.js`...). */
  filename: string;
  parser: ParserKind;
  sourceType: 'module' | 'commonjs';
  /** `settings['agent-guard']`; settings are not schema-validated, so odd values must not crash rules. */
  settings?: unknown;
}

/** Something the robustness tests consider a defect, with what is needed to reproduce it. */
export interface Problem {
  kind: 'exception' | 'unparsable-suggestion' | 'unparsable-fix' | 'unparsable-input' | 'exception-after-suggestion';
  detail: string;
}

const linter = new Linter();

function languageOptions(input: LintInput): Linter.LanguageOptions {
  const jsx = /\.[jt]sx$/u.test(input.filename);
  if (input.parser === 'espree') {
    return { ecmaVersion: 'latest', sourceType: input.sourceType, parserOptions: { ecmaFeatures: { jsx } } };
  }
  return {
    ecmaVersion: 'latest',
    sourceType: input.sourceType,
    parser: tsParser,
    parserOptions: { ecmaFeatures: { jsx }, sourceType: input.sourceType === 'commonjs' ? 'script' : 'module' },
  };
}

/** Applies one fix (range + replacement text) to a source text. */
export function applyFix(code: string, fix: { range: readonly [number, number]; text: string }): string {
  return code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1]);
}

export interface Harness {
  /** Rule ids the harness turns on. */
  ruleIds: string[];
  /** Lints with the harness's rules (or the given ones); throws whatever a rule throws. */
  lint(input: LintInput, rules?: Linter.RulesRecord): Linter.LintMessage[];
  /** The parse error ESLint reports for the text, or null when it parses with the input's parser. */
  parseError(input: LintInput): string | null;
  /**
   * Lints the input with every rule and checks what a user could apply: no rule throws, every fix
   * and suggestion yields code that still parses (and that the rules can lint again without throwing).
   */
  checkInput(input: LintInput): Problem[];
}

/** A harness for a plugin registered as `agent-guard`, with `rules` on (a config's rule entries). */
export function createHarness(pluginObject: unknown, rules: Linter.RulesRecord): Harness {
  const eslintPlugin = pluginObject as ESLint.Plugin;

  function configFor(input: LintInput, enabled: Linter.RulesRecord): Linter.Config[] {
    return [
      {
        files: ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.jsx', '**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx'],
        languageOptions: languageOptions(input),
        plugins: { 'agent-guard': eslintPlugin },
        settings: input.settings === undefined ? {} : { 'agent-guard': input.settings },
        rules: enabled,
      },
    ];
  }

  function lint(input: LintInput, enabled: Linter.RulesRecord = rules): Linter.LintMessage[] {
    return linter.verify(input.code, configFor(input, enabled), input.filename);
  }

  function parseError(input: LintInput): string | null {
    const fatal = lint(input, {}).find((message) => message.fatal);
    return fatal ? `${fatal.message} (${fatal.line}:${fatal.column})` : null;
  }

  function checkInput(input: LintInput): Problem[] {
    const problems: Problem[] = [];
    let messages: Linter.LintMessage[];
    try {
      messages = lint(input);
    } catch (error) {
      return [{ kind: 'exception', detail: errorText(error) }];
    }
    const fatal = messages.find((message) => message.fatal);
    if (fatal) {
      return [{ kind: 'unparsable-input', detail: `${fatal.message} (${fatal.line}:${fatal.column})` }];
    }
    for (const message of messages) {
      const where = `${message.ruleId ?? '?'} at ${message.line}:${message.column}`;
      if (message.fix) {
        const error = parseError({ ...input, code: applyFix(input.code, message.fix) });
        if (error) {
          problems.push({ kind: 'unparsable-fix', detail: `${where}: ${error}` });
        }
      }
      for (const suggestion of message.suggestions ?? []) {
        const output = applyFix(input.code, suggestion.fix);
        const error = parseError({ ...input, code: output });
        if (error) {
          problems.push({ kind: 'unparsable-suggestion', detail: `${where} "${suggestion.desc}": ${error}\n${output}` });
          continue;
        }
        try {
          lint({ ...input, code: output });
        } catch (lintError) {
          problems.push({ kind: 'exception-after-suggestion', detail: `${where} "${suggestion.desc}": ${errorText(lintError)}` });
        }
      }
    }
    return problems;
  }

  return { ruleIds: Object.keys(rules).sort(), lint, parseError, checkInput };
}

/** Every agent-guard rule at its strictest options: configs.strict, so rules added later are covered. */
export const strictRules = plugin.configs.strict.rules as Linter.RulesRecord;
export const pluginHarness = createHarness(plugin, strictRules);

export function errorText(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
