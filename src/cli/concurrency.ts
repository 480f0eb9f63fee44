import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import type { ESLint, Linter } from 'eslint';

import plugin from '../../index';
import type { Concurrency } from './args';
import { builtinConfig, type EngineOptions, type ESLintClass, messageOf } from './engine';
import { CliError } from './errors';

/** What the command passes to ESLint besides the config (kept in step with createEngine). */
const DISCOVERY_OPTIONS = { warnIgnored: false, errorOnUnmatchedPattern: false, globInputPaths: false } as const;

/** The ESLint version string of the class, for messages ("an older one" when it does not say). */
function versionOf(ESLintClass: ESLintClass): string {
  return (ESLintClass as { version?: unknown }).version?.toString() ?? 'an older one';
}

/**
 * Whether the installed ESLint lints in worker threads: ESLint 9.34 added the `concurrency`
 * option together with `ESLint.fromOptionsModule`, which is what is tested for.
 */
export function supportsConcurrency(ESLintClass: ESLintClass): boolean {
  return typeof (ESLintClass as { fromOptionsModule?: unknown }).fromOptionsModule === 'function';
}

/** The note printed when --concurrency cannot be honoured (the run goes on in one thread). */
export function unsupportedConcurrencyNote(ESLintClass: ESLintClass): string {
  return `agent-guard: --concurrency needs ESLint 9.34 or later (this is ESLint ${versionOf(ESLintClass)}); checking in one thread\n`;
}

export interface ConcurrentEngine {
  eslint: ESLint;
  /** Deletes the options module the workers load (call after linting). */
  dispose: () => Promise<void>;
}

/** The plugin's build next to the bin (`dist/index.cjs`), which worker threads can import. */
function pluginEntry(): string {
  const entry = join(__dirname, 'index.cjs');
  if (!existsSync(entry)) {
    throw new CliError('--concurrency needs the built package (dist/cli.cjs next to dist/index.cjs)');
  }
  return entry;
}

const REF = '$agentGuardRef';

/** The registered symbol under which the plugin looks up its settings-warning sink (src/core/settings.ts). */
const SETTINGS_SINK = 'eslint-plugin-agent-guard/settings-warning-sink';

/**
 * An ESLint instance that lints in `concurrency` worker threads. Worker threads receive ESLint's
 * options by structured clone, which cannot carry the built-in config's plugin and parser
 * objects, so the options are written as a module (in a temporary directory) that imports them
 * itself, from the plugin's own build and the parser the bin resolves (with `--config`, the
 * options are plain values; the module is still used, to silence the threads' settings warnings).
 */
export async function createConcurrentEngine(ESLintClass: ESLintClass, options: EngineOptions, concurrency: Concurrency): Promise<ConcurrentEngine> {
  const entry = pluginEntry();
  const config = options.configFile === undefined ? await builtinConfig(options, options.files.some((file) => /\.[cm]?tsx?$/iu.test(file))) : undefined;
  const eslintOptions = config === undefined ? { cwd: options.cwd, overrideConfigFile: options.configFile } : { cwd: options.cwd, overrideConfigFile: true, overrideConfig: config };
  let usesParser = false;
  const json = JSON.stringify({ ...eslintOptions, ...DISCOVERY_OPTIONS, concurrency }, (_key, value: unknown) => {
    if (value === plugin) {
      return { [REF]: 'plugin' };
    }
    if (value !== null && typeof value === 'object' && typeof (value as Linter.Parser & { parseForESLint?: unknown }).parseForESLint === 'function') {
      usesParser = true;
      return { [REF]: 'parser' };
    }
    return value;
  });
  const parserFile = usesParser ? createRequire(entry).resolve('@typescript-eslint/parser') : undefined;
  const source = [
    "import { isMainThread } from 'node:worker_threads';",
    // Each thread would print the settings warnings again, as process warnings: the command
    // checks the settings once in the main thread instead (main.ts).
    `if (!isMainThread) globalThis[Symbol.for(${JSON.stringify(SETTINGS_SINK)})] = () => {};`,
    `import plugin from ${JSON.stringify(pathToFileURL(entry).href)};`,
    parserFile ? `import * as parserModule from ${JSON.stringify(pathToFileURL(parserFile).href)};` : 'const parserModule = {};',
    'const refs = { plugin, parser: parserModule.default ?? parserModule };',
    `export default JSON.parse(${JSON.stringify(json)}, (key, value) => (value !== null && typeof value === 'object' && typeof value[${JSON.stringify(REF)}] === 'string' ? refs[value[${JSON.stringify(REF)}]] : value));`,
    '',
  ].join('\n');
  const dir = await mkdtemp(join(tmpdir(), 'agent-guard-options-'));
  const dispose = () => rm(dir, { recursive: true, force: true });
  try {
    const file = join(dir, 'eslint-options.mjs');
    await writeFile(file, source);
    const fromOptionsModule = (ESLintClass as unknown as { fromOptionsModule: (url: URL) => Promise<ESLint> }).fromOptionsModule;
    const eslint = await fromOptionsModule.call(ESLintClass, pathToFileURL(file));
    return { eslint, dispose };
  } catch (error) {
    await dispose();
    throw error instanceof CliError ? error : new CliError(`cannot set up ESLint with --concurrency: ${messageOf(error)}`, { cause: error });
  }
}
