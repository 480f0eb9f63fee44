import { existsSync } from 'node:fs';
import { mkdir, readFile, realpath, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';

import plugin from '../../index';
import { homepage } from '../../package.json';
import { setSettingsWarningSink, validateSettings } from '../core/settings';
import { type CliOptions, normalizeRuleIds, parseCliArgs, RULE_PREFIX, secretScanWanted } from './args';
import { applyBaseline, BASELINE_VERSION, parseBaseline, recordBaseline, serializeBaseline } from './baseline';
import { type ChangedLines, collectChangedLines, isChangedLine } from './diff';
import { createConcurrentEngine, supportsConcurrency, unsupportedConcurrencyNote } from './concurrency';
import {
  type BatchOutcome,
  builtinRules,
  createEngine,
  type EngineOptions,
  type ESLintClass,
  lintInBatches,
  loadESLintClass,
  loadProjectConfig,
  messageOf,
  rulesMetaOf,
  separateUnparseable,
} from './engine';
import { CliError, firstLine } from './errors';
import { applyEslintIgnores } from './eslint-ignores';
import { discoverFiles, toPosixRelative } from './files';
import { formatReport, type ReportContext } from './formatters/index';
import { findWorkTreeRoot } from './git';
import { HELP } from './help';
import { loadUserIgnores } from './ignores';
import { loadProjectSettings } from './project-settings';
import { exitCodeFor, filterResults, isParseError, type LintResult, totals } from './results';
import { createSecretScanner, INSTALL_HINT, loadSecretlint, type SecretlintLoader, type SecretScanner } from './secrets';
import { describeSkipped, isUnreadable, type SkippedFile } from './skipped';
import { SourceLines } from './snippet';

/** Where the command reads and writes; `process` in the bin, fakes in tests. */
export interface CliIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Show the `files done / total` progress line (only when stderr is a terminal). */
  progress: boolean;
  /** How secretlint is loaded (tests simulate its absence); the installed one by default. */
  loadSecretlint?: SecretlintLoader;
}

/** Runs the command; resolves to the exit code and never throws. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  // Known before the arguments parse, so that even a usage error can show its stack.
  const debug = argv.includes('--debug');
  const restoreWarnings = captureEslintWarnings((text) => {
    if (debug) {
      io.stderr(`agent-guard: (debug) ${text}\n`);
    }
  });
  // Typos in settings['agent-guard'] (the project's or --config's): each once per run, as a warning.
  // Worker threads (--concurrency) keep quiet; their problems are told here, once (see run).
  const warned = new Set<string>();
  const settingsWarning = (text: string) => {
    if (!warned.has(text)) {
      warned.add(text);
      io.stderr(`${io.progress ? '\r\x1b[K' : ''}agent-guard: warning: ${text}\n`);
    }
  };
  const restoreSettingsWarnings = setSettingsWarningSink(settingsWarning);
  try {
    return await run(parseCliArgs(argv), io, settingsWarning);
  } catch (error) {
    const expected = error instanceof CliError;
    io.stderr(`agent-guard: ${expected ? error.message : `unexpected error: ${messageOf(error)}`}\n`);
    const trace = expected ? error.cause : error;
    if (trace instanceof Error && trace.stack) {
      io.stderr(debug ? `${trace.stack}\n` : 'agent-guard: run with --debug for the stack trace\n');
    }
    return 2;
  } finally {
    restoreWarnings();
    restoreSettingsWarnings();
  }
}

/**
 * Keeps ESLint's process warnings (`ESLintIgnoreWarning` for a `.eslintignore` it no longer
 * reads, `ESLintEnvWarning` for `/* eslint-env *\/` comments, …) off stderr while the command
 * runs: they speak of ESLint set-ups the command does not use. `report` sees them (--debug).
 * Other warnings pass through. Returns the function that restores `process.emitWarning`.
 */
function captureEslintWarnings(report: (text: string) => void): () => void {
  const original = process.emitWarning;
  const filtered = function (this: unknown, warning: string | Error, ...rest: unknown[]): void {
    const option = rest[0];
    const type =
      typeof option === 'string' ? option : typeof (option as { type?: unknown } | undefined)?.type === 'string' ? (option as { type: string }).type : warning instanceof Error ? warning.name : '';
    if (/^ESLint/u.test(type)) {
      report(`${type}: ${warning instanceof Error ? warning.message : warning}`);
      return;
    }
    (original as (...args: unknown[]) => void).call(process, warning, ...rest);
  };
  process.emitWarning = filtered as typeof process.emitWarning;
  return () => {
    process.emitWarning = original;
  };
}

async function run(options: CliOptions, io: CliIo, settingsWarning: (text: string) => void): Promise<number> {
  if (options.help) {
    io.stdout(HELP);
    return 0;
  }
  if (options.version) {
    io.stdout(`${plugin.meta.version}\n`);
    return 0;
  }
  const cwd = await realpath(io.cwd);
  const configFile = options.config === undefined ? undefined : resolve(cwd, options.config);
  if (configFile !== undefined && !existsSync(configFile)) {
    throw new CliError(`config file not found: ${options.config}`);
  }
  const selectedRules = normalizeRuleIds(options.rules, Object.keys(plugin.rules), configFile !== undefined);
  const baselineFile = options.baseline === undefined ? undefined : resolve(cwd, options.baseline);
  const recording = baselineFile !== undefined && (options.updateBaseline || !existsSync(baselineFile));
  if (recording && (options.diff !== undefined || selectedRules.length > 0)) {
    throw new CliError('a baseline records every finding: record it without --diff and --rule');
  }

  const gitRoot = await findWorkTreeRoot(cwd);
  // Report paths, the baseline and --diff are relative to the work-tree root (cwd outside git).
  const root = gitRoot === null ? cwd : await realpath(gitRoot);
  const ESLintClass = await loadESLintClass();
  const secrets = secretScanWanted({ ...options, rules: selectedRules });
  const { files, skipped, changes, others } = await selectFiles(
    options,
    { cwd, root, inGit: gitRoot !== null, anyExtension: configFile !== undefined, others: secrets },
    ESLintClass,
  );
  // Said when nothing at all is checked (other files to scan for secrets are something).
  if (files.length === 0 && !(secrets && others.length > 0)) {
    io.stderr(`agent-guard: no ${changes ? 'changed ' : ''}JavaScript or TypeScript files to check\n`);
  }
  // Set up before linting, so that a missing secretlint (--secrets) or a broken config fails fast.
  const secretScanner =
    secrets && (others.length > 0 || options.secrets === true)
      ? await setUpSecretScan({ loader: io.loadSecretlint ?? loadSecretlint, explicit: options.secrets === true, root, io, verbose: options.verbose, others, diff: changes !== undefined })
      : undefined;

  // The built-in config takes the project's settings['agent-guard'] (its vocabulary), nothing else of its config.
  const project = configFile === undefined ? await loadProjectSettings({ ESLintClass, files, cwd, root }) : undefined;
  for (const note of project?.notes ?? []) {
    io.stderr(`agent-guard: ${note}\n`);
  }
  if (options.verbose && project?.source) {
    io.stderr(`agent-guard: settings['agent-guard'] from ${relative(cwd, project.source)}\n`);
  }
  const engineOptions: EngineOptions = {
    // With --config, ESLint's usual base directory; built in, one that contains every file.
    cwd: configFile === undefined ? commonAncestor([root, cwd, ...files.map((file) => dirname(file))]) : cwd,
    configFile,
    strict: options.strict,
    rules: selectedRules,
    settings: project?.settings,
    files,
  };
  // --concurrency: ESLint's worker threads when it has them (≥ 9.34), one thread otherwise.
  let threads = options.concurrency !== undefined && options.concurrency !== 'off' && options.concurrency !== 1 && files.length > 1;
  if (threads && !supportsConcurrency(ESLintClass)) {
    io.stderr(unsupportedConcurrencyNote(ESLintClass));
    threads = false;
  }
  const concurrent = threads ? await createConcurrentEngine(ESLintClass, engineOptions, options.concurrency ?? 'off') : undefined;
  const eslint = concurrent?.eslint ?? (await createEngine(ESLintClass, engineOptions));
  if (configFile !== undefined && files[0] !== undefined) {
    await loadProjectConfig(eslint, configFile, files[0]);
  }
  if (concurrent && files[0] !== undefined) {
    // The rules run in the threads, whose settings warnings are silenced: check the settings here.
    const settings = configFile === undefined ? project?.settings : ((await eslint.calculateConfigForFile(files[0])) as { settings?: Record<string, unknown> } | undefined)?.settings?.['agent-guard'];
    for (const problem of validateSettings(settings)) {
      settingsWarning(problem);
    }
  }
  let batches: BatchOutcome;
  try {
    batches = await lintInBatches(
      eslint,
      files,
      (done, total) => {
        if (io.progress) {
          io.stderr(done < total ? `\ragent-guard: ${done}/${total} files` : '\r\x1b[K');
        }
      },
      // The threads share out one list; batches would start them again for every 40 files.
      concurrent ? Math.max(1, files.length) : undefined,
    );
  } finally {
    await concurrent?.dispose();
  }
  const { results: linted, unreadable } = batches;
  // Files that do not parse are skipped and listed, never a failed run; the built-in config
  // first tries them again as the other source type and with typescript-eslint's parser.
  const { results: raw, unparseable: unparsed } = await separateUnparseable(
    linted,
    configFile === undefined
      ? async (fallback, retried) => (await createEngine(ESLintClass, { ...engineOptions, files: retried, fallback })).lintFiles(retried)
      : undefined,
  );

  const allSkipped = [...skipped, ...unreadable, ...unparsed];

  // The built-in config reports only its own rules (inline `/* eslint … */` comments could switch
  // on others); --config reports the agent-guard rules the project's config runs, and other
  // rules (ESLint core, other plugins) only when --rule names them.
  const builtin = configFile === undefined ? builtinRules({ strict: options.strict, rules: selectedRules }) : undefined;
  const wanted = builtin ? new Set(Object.keys(builtin)) : selectedRules.length > 0 ? new Set(selectedRules) : null;
  const reported = (ruleId: string): boolean => (wanted === null ? ruleId.startsWith(RULE_PREFIX) : wanted.has(ruleId));
  let results = filterResults(raw, (_result, message) => (message.ruleId === null ? isParseError(message) : reported(message.ruleId)));
  // The other files' secrets join the findings here: the baseline and --diff treat them alike.
  const secretScan = secretScanner && others.length > 0 ? await secretScanner.scan(others) : undefined;
  results = [...results, ...(secretScan?.results ?? [])];
  const sources = new SourceLines();
  if (baselineFile !== undefined) {
    results = await useBaseline(results, { file: baselineFile, shownAs: options.baseline ?? '', recording, root, io, partial: changes !== undefined, sources });
  }
  if (changes !== undefined) {
    const changed = changes;
    results = filterResults(
      results,
      (result, message) => isParseError(message) || isChangedLine(changed, toPosixRelative(root, result.filePath), message.line),
    );
  }

  const context: ReportContext = {
    root,
    cwd,
    sources,
    rulesMeta: { ...pluginRulesMeta(), ...rulesMetaOf(eslint, raw), ...secretScan?.rulesMeta },
    declaredRules: builtin ? Object.keys(builtin) : [],
    toolVersion: plugin.meta.version,
    informationUri: homepage,
    unparseable: allSkipped.filter(isUnreadable),
  };
  // Every report from the same results: CI asks for SARIF and annotations without checking twice.
  const sum = totals(results);
  for (const output of options.outputs) {
    const report = formatReport(output.format, results, context);
    if (output.file === undefined) {
      io.stdout(report);
    } else {
      await writeText(resolve(cwd, output.file), report, output.file);
      io.stderr(`agent-guard: wrote the ${output.format} report (${plural(sum.errors + sum.warnings, 'finding')}) to ${output.file}\n`);
    }
  }
  io.stderr(describeSkipped(allSkipped, root, options.verbose));
  return exitCodeFor(sum, options.maxWarnings);
}

interface SecretScanSetUp {
  loader: SecretlintLoader;
  /** --secrets was given: without secretlint, the run cannot do what was asked. */
  explicit: boolean;
  root: string;
  io: CliIo;
  verbose: boolean;
  /** The files to scan. */
  others: readonly string[];
  diff: boolean;
}

/**
 * secretlint, loaded only when there are files to scan. Missing, it is a set-up error with
 * --secrets; otherwise (the default of --diff) a note on stderr, and the JavaScript checks go on.
 */
async function setUpSecretScan(setUp: SecretScanSetUp): Promise<SecretScanner | undefined> {
  const api = await setUp.loader();
  if (api === null) {
    if (setUp.explicit) {
      throw new CliError(`--secrets needs secretlint, which is not installed: ${INSTALL_HINT}`);
    }
    setUp.io.stderr(
      `agent-guard: secretlint is not installed, so ${plural(setUp.others.length, `${setUp.diff ? 'changed ' : ''}file`)} other than JavaScript and TypeScript (.env, YAML, JSON…) ${setUp.others.length === 1 ? 'was' : 'were'} not scanned for secrets; to scan them: ${INSTALL_HINT} (--no-secrets turns this off)\n`,
    );
    return undefined;
  }
  const scanner = await createSecretScanner(api, setUp.root);
  if (setUp.verbose) {
    setUp.io.stderr(`agent-guard: scanning ${plural(scanner.select(setUp.others).length, 'other file')} for secrets with secretlint (${scanner.projectConfig ? "the project's secretlint config" : 'its recommended preset'})\n`);
  }
  return scanner;
}

interface Place {
  cwd: string;
  root: string;
  inGit: boolean;
  anyExtension: boolean;
  /** Also collect the files ESLint does not check, for the secret scan. */
  others: boolean;
}

interface Selection {
  files: string[];
  /** Source files left out (by default, by the user's ignores), limited to changed files with --diff. */
  skipped: SkippedFile[];
  /** The other files to scan for secrets (empty unless `others`), limited to changed files with --diff. */
  others: string[];
  changes?: ChangedLines;
}

/** The files to check and, with --diff, the changed lines (only files with changes are kept). */
async function selectFiles(options: CliOptions, place: Place, ESLintClass: ESLintClass): Promise<Selection> {
  const ignores = await loadUserIgnores({ root: place.root, cwd: place.cwd, patterns: options.ignorePatterns });
  const discovery = await discoverFiles({
    cwd: place.cwd,
    paths: options.paths,
    anyExtension: place.anyExtension,
    maxFileSize: options.maxFileSize,
    ignores,
    others: place.others,
  });
  let { files } = discovery;
  const skipped = [...discovery.skipped];
  if (options.useEslintIgnores) {
    const outcome = await applyEslintIgnores(ESLintClass, { cwd: place.cwd, root: place.root, files });
    files = outcome.files;
    skipped.push(...outcome.skipped);
  }
  if (options.diff === undefined) {
    return { files, skipped, others: discovery.others };
  }
  if (!place.inGit) {
    throw new CliError('--diff needs a git repository, and this directory is not inside one');
  }
  const changes = await collectChangedLines(place.root, options.diff);
  const changed = (file: string) => changes.has(toPosixRelative(place.root, file));
  return { files: files.filter(changed), skipped: skipped.filter((entry) => changed(entry.file)), others: discovery.others.filter(changed), changes };
}

interface BaselineUse {
  file: string;
  shownAs: string;
  /** Write the file from `results` first (it is missing, or --update-baseline). */
  recording: boolean;
  root: string;
  io: CliIo;
  /** A --diff run saw only changed files: "gone" findings cannot be told. */
  partial: boolean;
  sources: SourceLines;
}

/** Records the baseline if asked, then drops the findings it covers. */
async function useBaseline(results: LintResult[], use: BaselineUse): Promise<LintResult[]> {
  if (use.recording) {
    await writeText(use.file, serializeBaseline(recordBaseline(results, use.root, use.sources)), use.shownAs);
    const recorded = totals(results);
    use.io.stderr(`agent-guard: recorded ${recorded.errors + recorded.warnings} finding(s) in ${use.shownAs}; later runs report only new ones\n`);
  }
  const text = await readFile(use.file, 'utf8').catch((error: unknown) => {
    throw new CliError(`cannot read ${use.shownAs}: ${firstLine(error)}`);
  });
  const baseline = parseBaseline(text, use.shownAs);
  if (baseline.version < BASELINE_VERSION) {
    use.io.stderr(
      `agent-guard: ${use.shownAs} is a version ${baseline.version} baseline, keyed on the findings' messages; it still works, and --update-baseline rewrites it as version ${BASELINE_VERSION}, keyed on their code\n`,
    );
  }
  const outcome = applyBaseline(results, baseline, use.root, use.sources);
  if (outcome.stale > 0 && !use.partial) {
    use.io.stderr(`agent-guard: ${outcome.stale} baselined finding(s) are gone; run with --update-baseline to drop them\n`);
  }
  return outcome.results;
}

function pluginRulesMeta(): Record<string, { docs?: { description?: string; url?: string } }> {
  return Object.fromEntries(
    Object.entries(plugin.rules).map(([name, rule]) => [`${RULE_PREFIX}${name}`, rule.meta as { docs?: { description?: string; url?: string } }]),
  );
}

/** The deepest directory containing all of `dirs` (absolute paths). */
function commonAncestor(dirs: readonly string[]): string {
  let common = dirs[0] ?? sep;
  for (const dir of dirs) {
    for (let rel = relative(common, dir); rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel); rel = relative(common, dir)) {
      common = dirname(common);
    }
  }
  return common;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

async function writeText(file: string, text: string, shownAs: string): Promise<void> {
  try {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, text);
  } catch (error) {
    throw new CliError(`cannot write ${shownAs}: ${firstLine(error)}`);
  }
}
