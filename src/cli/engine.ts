import type { ESLint, Linter } from 'eslint';

import plugin from '../../index';
import { CliError, firstLine } from './errors';
import type { LintResult } from './results';

type ESLintApi = typeof import('eslint');
export type ESLintClass = typeof ESLint;

const JS_FILES = ['**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'];
const TS_FILES = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];

/** Files per `lintFiles` call: small enough for a lively progress line, large enough to cost nothing. */
const BATCH_SIZE = 40;

function isTypeScript(file: string): boolean {
  return /\.[cm]?tsx?$/iu.test(file);
}

/**
 * The flat-config ESLint class of the installed ESLint (a peer dependency): `ESLint` on 9 and
 * 10, `FlatESLint` on 8.57, through `loadESLint`, which 8.57 introduced.
 */
export async function loadESLintClass(): Promise<ESLintClass> {
  let api: Partial<ESLintApi>;
  try {
    api = (await import('eslint')) as Partial<ESLintApi>;
  } catch {
    throw new CliError('ESLint is not installed; install it next to agent-guard: npm install --save-dev eslint');
  }
  if (typeof api.loadESLint !== 'function') {
    throw new CliError(`agent-guard needs ESLint 8.57 or later (found ${api.ESLint?.version ?? 'an older one'})`);
  }
  // ESLint 10 takes no options (flat config only); 8.57 and 9 need useFlatConfig to skip eslintrc.
  const loadESLint = api.loadESLint as (options: { useFlatConfig: boolean }) => Promise<unknown>;
  return (await loadESLint({ useFlatConfig: true })) as ESLintClass;
}

export interface BuiltinConfigOptions {
  strict: boolean;
  /** Full rule ids to enable; empty for every rule of the preset. */
  rules: readonly string[];
}

/** The rule entries the built-in config enables (read from the plugin's configs, never hand-listed). */
export function builtinRules({ strict, rules }: BuiltinConfigOptions): Linter.RulesRecord {
  const preset = strict ? plugin.configs.strict.rules : plugin.configs.recommended.rules;
  if (rules.length === 0) {
    return preset as Linter.RulesRecord;
  }
  // A rule outside `recommended` named with --rule runs as `strict` configures it.
  return Object.fromEntries(rules.map((id) => [id, preset[id] ?? plugin.configs.strict.rules[id] ?? 'error'])) as Linter.RulesRecord;
}

/** typescript-eslint's parser, loaded only when there are TS files (it loads TypeScript, the slowest part). */
async function loadTypeScriptParser(): Promise<Linter.Parser> {
  const parserModule = (await import('@typescript-eslint/parser')) as { default?: Linter.Parser } & Linter.Parser;
  return parserModule.default ?? parserModule;
}

/** The zero-config set-up: espree (with JSX) for JS, typescript-eslint's parser for TS, the plugin's rules. */
async function builtinConfig(options: BuiltinConfigOptions, withTypeScript: boolean): Promise<Linter.Config[]> {
  return [
    {
      name: 'agent-guard/cli/files',
      files: [...JS_FILES, ...TS_FILES],
      // The project's own `eslint-disable` comments name rules that are not loaded here.
      linterOptions: { reportUnusedDisableDirectives: false },
    },
    { name: 'agent-guard/cli/javascript', files: JS_FILES, languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
    ...(withTypeScript ? [{ name: 'agent-guard/cli/typescript', files: TS_FILES, languageOptions: { parser: await loadTypeScriptParser() } }] : []),
    {
      name: 'agent-guard/cli/rules',
      plugins: { 'agent-guard': plugin as unknown as ESLint.Plugin },
      rules: builtinRules(options),
    },
  ];
}

export interface EngineOptions extends BuiltinConfigOptions {
  /** ESLint's base directory: files outside it are ignored, so it must contain every file. */
  cwd: string;
  /** Absolute path of the project's flat config (--config); undefined for the built-in config. */
  configFile: string | undefined;
  /** The files to check (the built-in config loads the TypeScript parser only when needed). */
  files: readonly string[];
}

/** An ESLint instance that never looks a config up: either the built-in config or exactly --config. */
export async function createEngine(ESLintClass: ESLintClass, options: EngineOptions): Promise<ESLint> {
  try {
    return new ESLintClass({
      cwd: options.cwd,
      overrideConfigFile: options.configFile ?? true,
      ...(options.configFile ? {} : { overrideConfig: await builtinConfig(options, options.files.some(isTypeScript)) }),
      // Paths come from our discovery: files the config ignores are skipped silently, and
      // names such as Next.js's `app/[id]/route.ts` are not globs.
      warnIgnored: false,
      errorOnUnmatchedPattern: false,
      globInputPaths: false,
    });
  } catch (error) {
    throw new CliError(`cannot set up ESLint: ${firstLine(error)}`);
  }
}

/**
 * Lints `files` in batches, reporting progress after each; ESLint's own failures (a config that
 * does not load, an unreadable file) become a one-line {@link CliError}.
 */
export async function lintInBatches(
  eslint: ESLint,
  files: readonly string[],
  onProgress: (done: number, total: number) => void,
): Promise<LintResult[]> {
  const results: LintResult[] = [];
  for (let start = 0; start < files.length; start += BATCH_SIZE) {
    const batch = files.slice(start, start + BATCH_SIZE);
    try {
      results.push(...(await eslint.lintFiles(batch)));
    } catch (error) {
      throw new CliError(firstLine(error));
    }
    onProgress(Math.min(start + BATCH_SIZE, files.length), files.length);
  }
  return results;
}

/** Rule meta by rule id for the rules in `results` ({} when ESLint cannot tell). */
export function rulesMetaOf(eslint: ESLint, results: LintResult[]): Record<string, { docs?: { description?: string; url?: string } }> {
  try {
    return eslint.getRulesMetaForResults(results);
  } catch {
    return {};
  }
}
