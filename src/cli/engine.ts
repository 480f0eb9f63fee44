import type { ESLint, Linter } from 'eslint';

import plugin from '../../index';
import { CliError } from './errors';
import type { LintMessage, LintResult } from './results';
import type { SkippedFile } from './skipped';
import { checkTypeScript, inspectTypeScript } from './typescript';

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
  /** The project's `settings['agent-guard']` (see project-settings.ts), handed to the rules as written. */
  settings?: unknown;
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

/**
 * typescript-eslint's parser, loaded only when there are TS files (it loads TypeScript, the
 * slowest part). A missing or unsupported TypeScript is a set-up error naming the fix, checked
 * before anything loads it (TypeScript 7 crashes typescript-eslint with a cryptic TypeError).
 */
/** Whether a TypeScript that typescript-eslint supports is installed. */
function typeScriptUsable(): boolean {
  try {
    checkTypeScript(inspectTypeScript());
    return true;
  } catch {
    return false;
  }
}

async function loadTypeScriptParser(): Promise<Linter.Parser> {
  checkTypeScript(inspectTypeScript());
  const parserModule = (await import('@typescript-eslint/parser')) as { default?: Linter.Parser } & Linter.Parser;
  return parserModule.default ?? parserModule;
}

/**
 * How JS files that did not parse are parsed again: `other-source-type` as a module when ESLint
 * read them as a script (a `.cjs` written with `import`, as tsup allows) and as a script when it
 * read them as a module (`with`, top-level `return`); `typescript` with typescript-eslint's parser
 * (types in a `.js` file).
 */
export type Fallback = 'other-source-type' | 'typescript';

function javascriptConfigs(fallback: Fallback | undefined, typeScriptParser: Linter.Parser | undefined): Linter.Config[] {
  const jsx = { ecmaFeatures: { jsx: true } };
  if (fallback === 'other-source-type') {
    return [
      { name: 'agent-guard/cli/javascript-as-script', files: ['**/*.js', '**/*.jsx', '**/*.mjs'], languageOptions: { sourceType: 'commonjs', parserOptions: jsx } },
      { name: 'agent-guard/cli/commonjs-as-module', files: ['**/*.cjs'], languageOptions: { sourceType: 'module', parserOptions: jsx } },
    ];
  }
  if (fallback === 'typescript' && typeScriptParser) {
    return [{ name: 'agent-guard/cli/javascript-as-typescript', files: JS_FILES, languageOptions: { parser: typeScriptParser, parserOptions: jsx } }];
  }
  return [{ name: 'agent-guard/cli/javascript', files: JS_FILES, languageOptions: { parserOptions: jsx } }];
}

/** The zero-config set-up: espree (with JSX) for JS, typescript-eslint's parser for TS, the plugin's rules. */
export async function builtinConfig(options: BuiltinConfigOptions, withTypeScript: boolean, fallback?: Fallback): Promise<Linter.Config[]> {
  // TS files need TypeScript (a set-up error without it); the last try at a JavaScript file that did
  // not parse only uses it when it is there, so a JavaScript project never needs TypeScript installed.
  const typeScriptParser = withTypeScript
    ? await loadTypeScriptParser()
    : fallback === 'typescript' && typeScriptUsable()
      ? await loadTypeScriptParser()
      : undefined;
  return [
    {
      name: 'agent-guard/cli/files',
      files: [...JS_FILES, ...TS_FILES],
      // The project's own `eslint-disable` comments name rules that are not loaded here.
      linterOptions: { reportUnusedDisableDirectives: false },
    },
    ...javascriptConfigs(fallback, typeScriptParser),
    ...(withTypeScript && typeScriptParser ? [{ name: 'agent-guard/cli/typescript', files: TS_FILES, languageOptions: { parser: typeScriptParser } }] : []),
    {
      name: 'agent-guard/cli/rules',
      plugins: { 'agent-guard': plugin as unknown as ESLint.Plugin },
      rules: builtinRules(options),
      ...(options.settings === undefined ? {} : { settings: { 'agent-guard': options.settings } }),
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
  /** For files that did not parse the first time (built-in config only). */
  fallback?: Fallback;
}

/** An ESLint instance that never looks a config up: either the built-in config or exactly --config. */
export async function createEngine(ESLintClass: ESLintClass, options: EngineOptions): Promise<ESLint> {
  try {
    return new ESLintClass({
      cwd: options.cwd,
      overrideConfigFile: options.configFile ?? true,
      ...(options.configFile ? {} : { overrideConfig: await builtinConfig(options, options.files.some(isTypeScript), options.fallback) }),
      // Paths come from our discovery: files the config ignores are skipped silently, and
      // names such as Next.js's `app/[id]/route.ts` are not globs.
      warnIgnored: false,
      errorOnUnmatchedPattern: false,
      globInputPaths: false,
    });
  } catch (error) {
    if (error instanceof CliError) {
      throw error;
    }
    throw new CliError(`cannot set up ESLint: ${messageOf(error)}`, { cause: error });
  }
}

/** An error's whole message (ESLint's config and rule errors put the reason on later lines). */
export function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).trim();
}

/**
 * Loads the project's config (--config) before any file is linted, so that an error in it is
 * reported whole, with the file's path, rather than as the first line of a lint failure.
 */
export async function loadProjectConfig(eslint: ESLint, configFile: string, probe: string): Promise<void> {
  try {
    await eslint.calculateConfigForFile(probe);
  } catch (error) {
    throw new CliError(`the config ${configFile} does not load:\n${messageOf(error)}`, { cause: error });
  }
}

/** File-system errors that mean "this file cannot be read", as opposed to a broken set-up. */
const UNREADABLE_CODES: ReadonlySet<string> = new Set(['EACCES', 'EPERM', 'ENOENT', 'EISDIR', 'ELOOP', 'EIO']);

function isUnreadableFile(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && UNREADABLE_CODES.has(code);
}

export interface BatchOutcome {
  results: LintResult[];
  /** Files ESLint could not read (permissions, vanished since discovery): skipped, not a failed run. */
  unreadable: SkippedFile[];
}

/**
 * Lints `files` in batches, reporting progress after each. A batch that fails because a file
 * cannot be read is linted again file by file, and the files that cannot be read are skipped;
 * ESLint's other failures (a config that does not load, a rule that crashed) become a
 * {@link CliError} with ESLint's whole message.
 */
export async function lintInBatches(
  eslint: ESLint,
  files: readonly string[],
  onProgress: (done: number, total: number) => void,
  batchSize = BATCH_SIZE,
): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { results: [], unreadable: [] };
  const lint = async (batch: readonly string[]) => {
    try {
      outcome.results.push(...(await eslint.lintFiles([...batch])));
    } catch (error) {
      if (!isUnreadableFile(error)) {
        throw new CliError(messageOf(error), { cause: error });
      }
      if (batch.length > 1) {
        for (const file of batch) {
          await lint([file]);
        }
      } else {
        outcome.unreadable.push({ file: batch[0] as string, reason: 'could not read', message: messageOf(error) });
      }
    }
  };
  for (let start = 0; start < files.length; start += batchSize) {
    await lint(files.slice(start, start + batchSize));
    onProgress(Math.min(start + batchSize, files.length), files.length);
  }
  return outcome;
}

/** Rule meta by rule id for the rules in `results` ({} when ESLint cannot tell). */
export function rulesMetaOf(eslint: ESLint, results: LintResult[]): Record<string, { docs?: { description?: string; url?: string } }> {
  try {
    return eslint.getRulesMetaForResults(results);
  } catch {
    return {};
  }
}

/** ESLint's message for `/* eslint-env *\/` comments, which ESLint 10 reports as fatal although the file was linted. */
function isEslintEnvNotice(message: LintMessage): boolean {
  return message.ruleId === null && /\beslint-env\b/u.test(message.message) && !message.message.startsWith('Parsing error');
}

/** The message that says ESLint did not check the file (a parse error, in practice), if any. */
function unreadMessage(result: LintResult): LintMessage | undefined {
  return result.messages.find((message) => message.fatal === true && !isEslintEnvNotice(message));
}

/** `result` without ESLint 10's `eslint-env` notice (the comment is not a finding, and flat config ignores it). */
function withoutEnvNotices(result: LintResult): LintResult {
  const messages = result.messages.filter((message) => !isEslintEnvNotice(message));
  if (messages.length === result.messages.length) {
    return result;
  }
  const errors = messages.filter((message) => message.severity === 2);
  return { ...result, messages, errorCount: errors.length, fatalErrorCount: errors.filter((message) => message.fatal).length };
}

export interface LintOutcome {
  /** Results of the files ESLint checked. */
  results: LintResult[];
  /** Files it could not check, with the first attempt's message. */
  unparseable: SkippedFile[];
}

/**
 * Splits results into checked files and files ESLint could not parse. With `retry` (the
 * built-in config), JS files that did not parse are linted again with each {@link Fallback} in
 * turn, and what parses then counts as checked.
 */
export async function separateUnparseable(
  results: readonly LintResult[],
  retry: ((fallback: Fallback, files: string[]) => Promise<LintResult[]>) | undefined,
): Promise<LintOutcome> {
  const byFile = new Map(results.map((result) => [result.filePath, withoutEnvNotices(result)]));
  const firstFailure = new Map<string, LintMessage>();
  for (const result of byFile.values()) {
    const failure = unreadMessage(result);
    if (failure) {
      firstFailure.set(result.filePath, failure);
    }
  }
  for (const fallback of ['other-source-type', 'typescript'] as const) {
    const pending = [...firstFailure.keys()].filter((file) => !isTypeScript(file) && unreadMessage(byFile.get(file) as LintResult));
    if (retry === undefined || pending.length === 0) {
      break;
    }
    let retried: LintResult[];
    try {
      retried = await retry(fallback, pending);
    } catch {
      // A fallback that cannot run (no TypeScript for the `typescript` one) leaves the files unparsed.
      continue;
    }
    for (const result of retried) {
      const cleaned = withoutEnvNotices(result);
      if (!unreadMessage(cleaned)) {
        byFile.set(cleaned.filePath, cleaned);
      }
    }
  }
  const unparseable: SkippedFile[] = [];
  const checked: LintResult[] = [];
  for (const result of byFile.values()) {
    const failure = firstFailure.get(result.filePath);
    if (failure && unreadMessage(result)) {
      unparseable.push({
        file: result.filePath,
        reason: 'could not parse',
        message: failure.message.replace(/^Parsing error:\s*/u, ''),
        // typescript-eslint's parse errors can have column 0; positions shown to people start at 1.
        ...(failure.line >= 1 ? { line: failure.line, column: Math.max(1, failure.column) } : {}),
      });
    } else {
      checked.push(result);
    }
  }
  return { results: checked, unparseable };
}
