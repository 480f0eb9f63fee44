import { parseArgs } from 'node:util';

import { CliError, firstLine } from './errors';

const FORMATS = ['stylish', 'json', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];

/** The rule namespace of the plugin; `--rule` accepts ids with or without it. */
export const RULE_PREFIX = 'agent-guard/';

/** One report of the run: a format, written to `file` or (at most one of them) to stdout. */
export interface ReportOutput {
  format: Format;
  /** As given on the command line; undefined for stdout. */
  file: string | undefined;
}

/** `--concurrency`: ESLint's worker threads (ESLint ≥ 9.34); `off` is one thread, as without it. */
export type Concurrency = number | 'auto' | 'off';

export interface CliOptions {
  /** Files and directories to check, as given (default `.`). */
  paths: string[];
  /** `--diff <ref>`: only findings on lines added or changed since the merge base with this ref. */
  diff: string | undefined;
  /**
   * The reports to write, from `--format`/`--output` pairs (the n-th `--output` is the n-th
   * `--format`'s file; a format without one goes to stdout) and `--sarif-output <file>`.
   * Default: one `stylish` report on stdout.
   */
  outputs: ReportOutput[];
  /** `--concurrency <n|auto|off>`; undefined when not given (ESLint's default, one thread). */
  concurrency: Concurrency | undefined;
  /** `--max-warnings <n>`: warnings tolerated before exit code 1; `undefined` tolerates none. */
  maxWarnings: number | undefined;
  strict: boolean;
  /** `--rule <id>` (repeatable), as typed; see {@link normalizeRuleIds}. */
  rules: string[];
  /** `--config <file>`: the project's own flat config instead of the built-in one. */
  config: string | undefined;
  baseline: string | undefined;
  updateBaseline: boolean;
  /** `--ignore-pattern <pattern>` (repeatable): gitignore-syntax patterns, relative to the working directory. */
  ignorePatterns: string[];
  /** `--use-eslint-ignores`: also leave out what the project's eslint.config.* `ignores` and .eslintignore leave out. */
  useEslintIgnores: boolean;
  /** `--max-file-size`: files larger than this many bytes are left out (0: no limit). */
  maxFileSize: number;
  /** `--verbose`: list every file left out, not only the count. */
  verbose: boolean;
  /** `--debug`: stack traces and ESLint's own process warnings on stderr. */
  debug: boolean;
  /**
   * `--secrets` (true) / `--no-secrets` (false): scan the files ESLint does not check (`.env`,
   * YAML, JSON…) with secretlint. Undefined when neither is given: on with --diff (unless
   * --rule narrows the run), off otherwise; see {@link secretScanWanted}.
   */
  secrets: boolean | undefined;
  help: boolean;
  version: boolean;
}

const OPTION_SPEC = {
  diff: { type: 'string' },
  format: { type: 'string', short: 'f', multiple: true },
  output: { type: 'string', short: 'o', multiple: true },
  'sarif-output': { type: 'string', multiple: true },
  concurrency: { type: 'string' },
  'max-warnings': { type: 'string' },
  strict: { type: 'boolean' },
  rule: { type: 'string', multiple: true },
  config: { type: 'string', short: 'c' },
  baseline: { type: 'string' },
  'update-baseline': { type: 'boolean' },
  'ignore-pattern': { type: 'string', multiple: true },
  'use-eslint-ignores': { type: 'boolean' },
  'max-file-size': { type: 'string' },
  verbose: { type: 'boolean' },
  debug: { type: 'boolean' },
  secrets: { type: 'boolean' },
  'no-secrets': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/** Rewrites Node's parseArgs messages ("Unknown option '--x'. To specify…") as one short line. */
function usageMessage(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const quoted = /'([^']+)'/u.exec(firstLine(error))?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && quoted) {
    return `unknown option ${quoted}`;
  }
  return firstLine(error).replace(/\.$/u, '');
}

/** Files larger than this are left out unless `--max-file-size` says otherwise: 1 MB. */
export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;

const SIZE_UNITS: Readonly<Record<string, number>> = { '': 1, b: 1, k: 1024, kb: 1024, m: 1024 * 1024, mb: 1024 * 1024 };

/** `--max-file-size` values: `500000`, `500kb`, `2mb`, `1.5MB` (units of 1024); `0` turns the limit off. */
export function parseFileSize(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/iu.exec(text.trim());
  const unit = SIZE_UNITS[match?.[2]?.toLowerCase() ?? 'none'];
  if (!match || unit === undefined) {
    throw new CliError(`--max-file-size needs a size such as 1mb, 500kb or 200000 (bytes); 0 for no limit (got "${text}")`);
  }
  return Math.round(Number(match[1]) * unit);
}

function isFormat(value: string): value is Format {
  return (FORMATS as readonly string[]).includes(value);
}

/**
 * Pairs formats with files: the n-th `--output` is where the n-th `--format` goes, a format
 * without an `--output` goes to stdout (one at most), and each `--sarif-output` adds a SARIF
 * report. `-o file` without any `--format` is the default format into that file.
 */
function parseOutputs(formats: readonly string[], files: readonly string[], sarifFiles: readonly string[]): ReportOutput[] {
  for (const format of formats) {
    if (!isFormat(format)) {
      throw new CliError(`--format must be one of ${FORMATS.join(', ')} (got "${format}")`);
    }
  }
  for (const file of [...files, ...sarifFiles]) {
    if (file === '') {
      throw new CliError(`${sarifFiles.includes(file) ? '--sarif-output' : '--output'} needs a file name`);
    }
  }
  const chosen = (formats.length > 0 ? formats : ['stylish']) as Format[];
  if (files.length > chosen.length) {
    throw new CliError('each --output needs its own --format, in the same order: --format sarif -o a.sarif --format json -o a.json');
  }
  const outputs: ReportOutput[] = chosen.map((format, index) => ({ format, file: files[index] }));
  // --sarif-output alone keeps the default report on stdout; with formats, it is one more file.
  outputs.push(...sarifFiles.map((file) => ({ format: 'sarif' as const, file })));
  if (outputs.filter((output) => output.file === undefined).length > 1) {
    throw new CliError('only one report can go to stdout: give the other --format an --output <file>');
  }
  const seen = new Set<string>();
  for (const { file } of outputs) {
    if (file !== undefined && seen.has(file)) {
      throw new CliError(`two reports would be written to ${file}`);
    }
    if (file !== undefined) {
      seen.add(file);
    }
  }
  return outputs;
}

/** `--concurrency`: a number of threads ≥ 1, `auto` (ESLint chooses from the CPUs and the files) or `off`. */
function parseConcurrency(text: string): Concurrency {
  if (text === 'auto' || text === 'off') {
    return text;
  }
  if (!/^[1-9]\d*$/u.test(text)) {
    throw new CliError(`--concurrency needs a number of threads, auto or off (got "${text}")`);
  }
  return Number(text);
}

/**
 * Parses the command line (without `node` and the script). Throws {@link CliError} with a
 * one-line message for anything the command cannot run with.
 */
export function parseCliArgs(argv: readonly string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTION_SPEC, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError(`${usageMessage(error)} (see agent-guard --help)`);
  }
  const { values, positionals } = parsed;

  const outputs = parseOutputs(values.format ?? [], values.output ?? [], values['sarif-output'] ?? []);
  const concurrency = values.concurrency === undefined ? undefined : parseConcurrency(values.concurrency);
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    if (!/^\d+$/u.test(values['max-warnings'])) {
      throw new CliError(`--max-warnings needs a whole number ≥ 0 (got "${values['max-warnings']}")`);
    }
    maxWarnings = Number(values['max-warnings']);
  }
  if (values.diff !== undefined && (values.diff === '' || values.diff.startsWith('-'))) {
    throw new CliError(`--diff needs a git ref such as origin/main (got "${values.diff}")`);
  }
  if (values.strict && values.config !== undefined) {
    throw new CliError('--strict selects the built-in strict config; it cannot be combined with --config');
  }
  if (values['update-baseline'] && values.baseline === undefined) {
    throw new CliError('--update-baseline needs --baseline <file>');
  }
  for (const [name, value] of [
    ['--config', values.config],
    ['--baseline', values.baseline],
  ] as const) {
    if (value === '') {
      throw new CliError(`${name} needs a file name`);
    }
  }

  if (values.secrets && values['no-secrets']) {
    throw new CliError('--secrets and --no-secrets contradict each other: give one');
  }

  const ignorePatterns = values['ignore-pattern'] ?? [];
  if (ignorePatterns.some((pattern) => pattern.trim() === '')) {
    throw new CliError('--ignore-pattern needs a pattern such as docs/ or "**/*.test.js"');
  }

  return {
    paths: positionals.length > 0 ? positionals : ['.'],
    diff: values.diff,
    outputs,
    concurrency,
    maxWarnings,
    strict: values.strict ?? false,
    rules: values.rule ?? [],
    config: values.config,
    baseline: values.baseline,
    updateBaseline: values['update-baseline'] ?? false,
    ignorePatterns,
    useEslintIgnores: values['use-eslint-ignores'] ?? false,
    maxFileSize: values['max-file-size'] === undefined ? DEFAULT_MAX_FILE_SIZE : parseFileSize(values['max-file-size']),
    verbose: values.verbose ?? false,
    debug: values.debug ?? false,
    secrets: values.secrets ? true : values['no-secrets'] ? false : undefined,
    help: values.help ?? false,
    version: values.version ?? false,
  };
}

/**
 * Whether the run scans the other files for secrets: as asked, else in --diff runs that --rule
 * does not narrow (a reviewer of a pull request wants a key added to `.env` too).
 */
export function secretScanWanted(options: Pick<CliOptions, 'secrets' | 'diff' | 'rules'>): boolean {
  return options.secrets ?? (options.diff !== undefined && options.rules.length === 0);
}

/**
 * Turns `--rule` values into full rule ids: `fetch-requires-timeout` and
 * `agent-guard/fetch-requires-timeout` both name the plugin's rule, and `*` matches any characters
 * (`agent-guard/*`, `no-*`). Ids of other plugins or of
 * ESLint core are accepted only with `--config` (`allowForeign`), where the project's config may
 * enable them. Unknown plugin rules are a usage error listing the known ones.
 */
export function normalizeRuleIds(ids: readonly string[], pluginRules: readonly string[], allowForeign: boolean): string[] {
  const known = new Set(pluginRules);
  const normalized = new Set<string>();
  for (const raw of ids) {
    const id = raw.trim();
    const name = id.startsWith(RULE_PREFIX) ? id.slice(RULE_PREFIX.length) : id;
    if (id.includes('*')) {
      // `agent-guard/*`, `no-*`, `*-timeout`: globs over the plugin's rules (other plugins' rules are not known here).
      const glob = new RegExp(`^${name.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\/]/gu, '\\$&')).join('.*')}$`, 'u');
      const matched = name.includes('/') ? [] : pluginRules.filter((rule) => glob.test(rule));
      if (matched.length === 0) {
        throw new CliError(`--rule "${raw}" matches none of agent-guard's rules (${[...known].sort().join(', ')}); globs select agent-guard's rules only`);
      }
      for (const rule of matched) {
        normalized.add(`${RULE_PREFIX}${rule}`);
      }
    } else if (known.has(name)) {
      normalized.add(`${RULE_PREFIX}${name}`);
    } else if (allowForeign && id !== '' && !id.startsWith(RULE_PREFIX)) {
      normalized.add(id);
    } else {
      throw new CliError(`unknown rule "${raw}"; agent-guard's rules are ${[...known].sort().join(', ')}`);
    }
  }
  return [...normalized];
}
