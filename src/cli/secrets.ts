import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import ignore, { type Ignore } from 'ignore';

import { CliError, firstLine } from './errors';
import { toPosixRelative } from './paths';
import type { LintMessage, LintResult } from './results';

/**
 * The secret scan of the files ESLint does not check (`.env*`, YAML, Dockerfiles, `.npmrc`,
 * JSON…), with secretlint's Node API when it is installed (an optional peer dependency: the
 * command loads it only when there are such files to scan). Findings become ESLint-shaped
 * results with the rule id `secretlint/<rule>`, so that every report format, the baseline and
 * --diff treat them as they treat the plugin's findings.
 */

/** The rule namespace of secretlint's findings in the reports. */
export const SECRETLINT_PREFIX = 'secretlint/';

/** The config used when the project has none: secretlint's recommended rules. */
export const RECOMMENDED_PRESET = '@secretlint/secretlint-rule-preset-recommend';

/** What to install, as the messages say it. */
export const INSTALL_HINT = `npm install --save-dev secretlint ${RECOMMENDED_PRESET}`;

/** Read from the work-tree root, as secretlint's CLI reads it from its working directory (gitignore syntax). */
export const SECRETLINT_IGNORE_FILE = '.secretlintignore';

/** One finding as secretlint's `json` formatter writes it (the fields read here). */
interface SecretlintMessage {
  type?: string;
  ruleId: string;
  messageId?: string;
  message: string;
  docsUrl?: string;
  range: readonly [number, number];
  loc: { start: { line: number; column: number }; end: { line: number; column: number } };
  severity: string;
}

interface SecretlintEngine {
  executeOnContent(input: { content: string; filePath: string }): Promise<{ ok: boolean; output: string }>;
}

/** The part of `@secretlint/node` the command uses. */
export interface SecretlintApi {
  createEngine(options: Record<string, unknown>): Promise<SecretlintEngine>;
}

/** Loads secretlint's API; null when it is not installed. Tests pass their own (see CliIo). */
export type SecretlintLoader = () => Promise<SecretlintApi | null>;

/**
 * `@secretlint/node` as the project's `secretlint` depends on it: `secretlint` is resolved from
 * this package (where a peer dependency is found), and its engine package from `secretlint`
 * itself, which works with every package manager's layout (pnpm does not hoist it).
 */
export const loadSecretlint: SecretlintLoader = async () => {
  let entry: string;
  try {
    entry = createRequire(join(__dirname, 'cli.cjs')).resolve('secretlint');
  } catch {
    return null;
  }
  let engineEntry: string;
  try {
    engineEntry = createRequire(entry).resolve('@secretlint/node');
  } catch (error) {
    throw new CliError(`secretlint is installed but its engine (@secretlint/node) cannot be found: ${firstLine(error)}`, { cause: error });
  }
  const api = (await import(pathToFileURL(engineEntry).href)) as Partial<SecretlintApi>;
  if (typeof api.createEngine !== 'function') {
    throw new CliError('the installed secretlint has no createEngine in @secretlint/node; agent-guard needs secretlint 11');
  }
  return api as SecretlintApi;
};

export interface SecretScanner {
  /** Whether the project's own secretlint config is used (false: the recommended preset). */
  projectConfig: boolean;
  /** `files` without those `.secretlintignore` leaves out. */
  select(files: readonly string[]): string[];
  /** Scans `files` (those `.secretlintignore` leaves out are skipped). */
  scan(files: readonly string[]): Promise<SecretScanOutcome>;
}

export interface SecretScanOutcome {
  results: LintResult[];
  /** Rule id → what the reports say about the rule (its docs page). */
  rulesMeta: Record<string, { docs?: { description?: string; url?: string } }>;
}

// secretlint masks every value its messages quote; a message never carries the secret.
const ENGINE_OPTIONS = { formatter: 'json', color: false, terminalLink: false, maskSecrets: true } as const;

/**
 * A scanner with the project's secretlint config (`.secretlintrc*`, or a `secretlint` field in
 * package.json, searched from `root` upwards as secretlint does) or, when there is none, the
 * recommended preset. A config that does not load is a {@link CliError}.
 */
export async function createSecretScanner(api: SecretlintApi, root: string): Promise<SecretScanner> {
  let engine: SecretlintEngine;
  let projectConfig = true;
  try {
    engine = await api.createEngine({ ...ENGINE_OPTIONS, cwd: root });
  } catch (error) {
    if (!/config is not found/iu.test(firstLine(error))) {
      throw new CliError(`secretlint's config does not load: ${firstLine(error)} (--no-secrets skips the secret scan)`, { cause: error });
    }
    try {
      engine = await api.createEngine({ ...ENGINE_OPTIONS, cwd: root, configFileJSON: { rules: [{ id: RECOMMENDED_PRESET }] } });
      projectConfig = false;
    } catch (presetError) {
      throw new CliError(
        `secretlint is installed, but without a .secretlintrc it needs ${RECOMMENDED_PRESET}: ${INSTALL_HINT} (${firstLine(presetError)})`,
        { cause: presetError },
      );
    }
  }
  const ignores = await loadSecretlintIgnore(root);
  const select = (files: readonly string[]) => files.filter((file) => !ignores?.ignores(toPosixRelative(root, file)));
  return { projectConfig, select, scan: (files) => scanFiles(engine, select(files)) };
}

async function loadSecretlintIgnore(root: string): Promise<Ignore | undefined> {
  const text = await readFile(join(root, SECRETLINT_IGNORE_FILE), 'utf8').catch(() => undefined);
  return text === undefined ? undefined : ignore().add(text);
}

/** Files read and scanned at once. */
const SCANS_AT_ONCE = 16;

async function scanFiles(engine: SecretlintEngine, files: readonly string[]): Promise<SecretScanOutcome> {
  const outcome: SecretScanOutcome = { results: [], rulesMeta: {} };
  for (let start = 0; start < files.length; start += SCANS_AT_ONCE) {
    const slice = files.slice(start, start + SCANS_AT_ONCE);
    const scanned = await Promise.all(slice.map((file) => scanFile(engine, file)));
    for (const entry of scanned) {
      if (entry === null) {
        continue;
      }
      outcome.results.push(entry.result);
      Object.assign(outcome.rulesMeta, entry.rulesMeta);
    }
  }
  return outcome;
}

/** Binary files (a NUL byte in the first 8,000 bytes, git's own test) are not scanned. */
function isBinary(buffer: Buffer): boolean {
  return buffer.subarray(0, 8000).includes(0);
}

async function scanFile(engine: SecretlintEngine, file: string): Promise<{ result: LintResult; rulesMeta: SecretScanOutcome['rulesMeta'] } | null> {
  let buffer: Buffer;
  try {
    buffer = await readFile(file);
  } catch {
    // Vanished or unreadable since discovery: nothing to scan.
    return null;
  }
  if (isBinary(buffer)) {
    return null;
  }
  const content = buffer.toString('utf8');
  let output: string;
  try {
    ({ output } = await engine.executeOnContent({ content, filePath: file }));
  } catch (error) {
    throw new CliError(`secretlint failed on ${file}: ${firstLine(error)}`, { cause: error });
  }
  const found = (JSON.parse(output) as Array<{ messages?: SecretlintMessage[] }>).flatMap((entry) => entry.messages ?? []);
  const messages = found.filter((message) => message.type === undefined || message.type === 'message');
  const rulesMeta: SecretScanOutcome['rulesMeta'] = {};
  const lintMessages = messages.map((message) => {
    const ruleId = secretRuleId(message.ruleId);
    rulesMeta[ruleId] = {
      docs: {
        description: `A secret found by secretlint's rule ${message.ruleId}`,
        ...(message.docsUrl ? { url: message.docsUrl.replace(/#.*$/u, '') } : {}),
      },
    };
    return toLintMessage(message, ruleId);
  });
  return { result: secretResult(file, content, messages, lintMessages), rulesMeta };
}

/**
 * `secretlint/<name>`: the preset's rules lose their package prefix
 * (`@secretlint/secretlint-rule-github` → `secretlint/github`); other rules keep their package name.
 */
export function secretRuleId(ruleId: string): string {
  const name = ruleId.replace(/^@secretlint\/secretlint-rule-/u, '').replace(/^secretlint-rule-/u, '');
  return `${SECRETLINT_PREFIX}${name}`;
}

/**
 * secretlint's message, masked by secretlint itself (every value it quotes: the secret, and the
 * kind of secret too), made shorter: a run of `*` becomes `****` (the secret's length says
 * nothing useful) and a masked value at the end (`found npm access token: ****`) is dropped.
 */
export function tidyMessage(text: string): string {
  const masked = text.replace(/\*{4,}/gu, '****');
  return masked.endsWith(': ****') ? masked.slice(0, -': ****'.length) : masked;
}

/** Said once per rule in the reviewer's report: what to do about a committed secret. */
const ADVICE = "Rotate it: it stays in the repository's history even once removed; then read it from the environment or a secret manager";

function toLintMessage(message: SecretlintMessage, ruleId: string): LintMessage {
  return {
    ruleId,
    severity: message.severity === 'error' ? 2 : 1,
    message: `${tidyMessage(message.message)}. ${ADVICE}.`,
    ...(message.messageId ? { messageId: message.messageId } : {}),
    // secretlint's columns start at 0, ESLint's at 1; ends are exclusive in both.
    line: message.loc.start.line,
    column: message.loc.start.column + 1,
    endLine: message.loc.end.line,
    endColumn: message.loc.end.column + 1,
  };
}

/** Characters that end a token: a range that stops before one is extended to it (see maskRanges). */
const TOKEN_END = /[\s"'`,;]/u;

/**
 * The file's text with every secret found replaced by `*` (line breaks kept), so that reports
 * and the baseline (which show or hash the line of a finding) never carry the secret itself.
 * Each range is extended to the end of the token it stops in: some rules report a range shorter
 * than the secret (secretlint 11's `_authToken=` finding in `.npmrc` stops 11 characters early).
 */
export function maskRanges(content: string, ranges: ReadonlyArray<readonly [number, number]>): string {
  const chars = content.split('');
  for (const [start, end] of ranges) {
    let index = Math.max(0, start);
    while (index < chars.length && (index < end || !TOKEN_END.test(chars[index] ?? ' '))) {
      if (chars[index] !== '\n' && chars[index] !== '\r') {
        chars[index] = '*';
      }
      index++;
    }
  }
  return chars.join('');
}

function secretResult(file: string, content: string, found: readonly SecretlintMessage[], messages: LintMessage[]): LintResult {
  const errors = messages.filter((message) => message.severity === 2).length;
  return {
    filePath: file,
    messages,
    suppressedMessages: [],
    errorCount: errors,
    fatalErrorCount: 0,
    warningCount: messages.length - errors,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    usedDeprecatedRules: [],
    // What SourceLines reads instead of the file: the masked text.
    ...(messages.length > 0 ? { source: maskRanges(content, found.map((message) => message.range)) } : {}),
  };
}
