import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

import type { ESLintClass } from './engine';
import { messageOf } from './engine';
import { CliError, firstLine } from './errors';

/**
 * The project's `settings['agent-guard']` for the built-in config: the command keeps its own
 * parsers and rules, and takes only the project's vocabulary (its auth helpers, public routes,
 * extra sinks). See docs/cli.md "The project's settings".
 */
export interface ProjectSettings {
  /** `settings['agent-guard']` as written (the plugin validates it when it reads it), or undefined. */
  settings: unknown;
  /** The file they were read from, or null when none has them. */
  source: string | null;
  /** Files that could have held them but could not be read (an ESLint config that does not load…): one line each. */
  notes: string[];
}

const KEY = 'agent-guard';
/** The command's own settings files, in order of preference. */
const OWN_FILES = ['agent-guard.config.json', 'agent-guard.config.js', 'agent-guard.config.mjs'];
/** Flat config file names, in ESLint's order of preference. */
const FLAT_FILES = ['eslint.config.js', 'eslint.config.mjs', 'eslint.config.cjs', 'eslint.config.ts', 'eslint.config.mts', 'eslint.config.cts'];
/** eslintrc file names, in ESLint's order of preference (`.eslintrc` is JSON or YAML; only JSON is read). */
const ESLINTRC_FILES = ['.eslintrc.js', '.eslintrc.cjs', '.eslintrc.yaml', '.eslintrc.yml', '.eslintrc.json', '.eslintrc'];
/** Files asked for their config when the files to check give none (an ESLint config may cover only some). */
const MAX_PROBES = 10;

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * JSON with `//` and `/* *\/` comments and trailing commas, as ESLint reads `.eslintrc.json`
 * (strings are kept as they are).
 */
export function parseJsonWithComments(text: string): unknown {
  let out = '';
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index] as string;
    if (char === '"') {
      const start = index;
      for (index += 1; index < text.length && text[index] !== '"'; index += 1) {
        if (text[index] === '\\') {
          index += 1;
        }
      }
      out += text.slice(start, index + 1);
    } else if (char === '/' && text[index + 1] === '/') {
      while (index < text.length && text[index] !== '\n') {
        index += 1;
      }
      out += '\n';
    } else if (char === '/' && text[index + 1] === '*') {
      const end = text.indexOf('*/', index + 2);
      index = end === -1 ? text.length : end + 1;
      out += ' ';
    } else {
      out += char;
    }
  }
  return JSON.parse(out.replace(/,(\s*[}\]])/gu, '$1')) as unknown;
}

/** A module's default export (`export default`, or `module.exports` loaded through `import`). */
async function importDefault(file: string): Promise<unknown> {
  const loaded = (await import(pathToFileURL(file).href)) as { default?: unknown };
  return loaded.default;
}

/** `settings['agent-guard']` of an eslintrc object (its own `settings` only: `extends` and `overrides` are not followed). */
function fromEslintrc(config: unknown): unknown {
  return isRecord(config) && isRecord(config.settings) ? config.settings[KEY] : undefined;
}

interface Lookup {
  ESLintClass: ESLintClass;
  /** The files to check: an ESLint config is asked for the settings of the first ones it covers. */
  files: readonly string[];
}

type Found = { settings: unknown } | { note: string } | null;

/**
 * The command's own files: `agent-guard.config.{json,js,mjs}`, the whole file being the settings.
 * A broken one is an error. One that exports an array is a flat config written for `--config`:
 * its settings are read as an `eslint.config.*`'s are.
 */
async function readOwnFile(file: string, lookup: Lookup): Promise<Found> {
  let settings: unknown;
  try {
    settings = file.endsWith('.json') ? parseJsonWithComments(await readFile(file, 'utf8')) : await importDefault(file);
  } catch (error) {
    throw new CliError(`${file} does not load:\n${messageOf(error)}`, { cause: error });
  }
  return Array.isArray(settings) ? readFlatConfig(file, lookup) : { settings };
}

/** The `"agent-guard"` key of package.json. */
async function readPackageJson(file: string): Promise<Found> {
  let manifest: unknown;
  try {
    manifest = JSON.parse(await readFile(file, 'utf8')) as unknown;
  } catch {
    return null;
  }
  return isRecord(manifest) && manifest[KEY] !== undefined ? { settings: manifest[KEY] } : null;
}

/**
 * A flat config's `settings['agent-guard']`, as the installed ESLint computes it for the first
 * files to check that the config covers (then for an `index.js` next to it). Loading the config
 * runs it; if it does not load, the run goes on without it, with a note.
 */
async function readFlatConfig(file: string, lookup: Lookup): Promise<Found> {
  const dir = dirname(file);
  const inside = lookup.files.filter((path) => !relative(dir, path).startsWith('..')).slice(0, MAX_PROBES);
  try {
    const eslint = new lookup.ESLintClass({ cwd: dir, overrideConfigFile: file });
    for (const probe of [...inside, join(dir, 'index.js')]) {
      const config = (await eslint.calculateConfigForFile(probe)) as { settings?: Record<string, unknown> } | undefined;
      if (config !== undefined && config !== null) {
        const settings = isRecord(config.settings) ? config.settings[KEY] : undefined;
        return settings === undefined ? null : { settings };
      }
    }
    return null;
  } catch (error) {
    return { note: `${file} does not load (${firstLine(error)}), so its settings['agent-guard'] are not used; put them in agent-guard.config.json to read them without loading the ESLint config` };
  }
}

async function readEslintrc(file: string): Promise<Found> {
  const name = basename(file);
  if (name.endsWith('.yaml') || name.endsWith('.yml')) {
    return { note: `${file} is YAML, which agent-guard does not read; put settings['agent-guard'] in agent-guard.config.json` };
  }
  try {
    const config = name.endsWith('.js') || name.endsWith('.cjs') ? (createRequire(file)(file) as unknown) : parseJsonWithComments(await readFile(file, 'utf8'));
    const settings = fromEslintrc(config);
    return settings === undefined ? null : { settings };
  } catch (error) {
    return { note: `${file} does not load (${firstLine(error)}), so its settings['agent-guard'] are not used` };
  }
}

/** What each directory may hold, in the order it is read: the command's own files first, then package.json, then ESLint's. */
function candidates(dir: string): { file: string; read: (file: string, lookup: Lookup) => Promise<Found> }[] {
  return [
    ...OWN_FILES.map((name) => ({ file: join(dir, name), read: readOwnFile })),
    { file: join(dir, 'package.json'), read: readPackageJson },
    ...FLAT_FILES.map((name) => ({ file: join(dir, name), read: readFlatConfig })),
    ...ESLINTRC_FILES.map((name) => ({ file: join(dir, name), read: readEslintrc })),
  ];
}

/**
 * Finds the project's `settings['agent-guard']`: in each directory from `cwd` up to `root`, the
 * first of `agent-guard.config.{json,js,mjs}`, an `"agent-guard"` key in `package.json` and the
 * ESLint config ESLint would pick there (`eslint.config.*`, else `.eslintrc.*`) that holds them. A broken `agent-guard.config.*` is an error;
 * an ESLint config that does not load is a note, and the search goes on.
 */
export async function loadProjectSettings(lookup: Lookup & { cwd: string; root: string }): Promise<ProjectSettings> {
  const notes: string[] = [];
  for (let dir = lookup.cwd; ; dir = dirname(dir)) {
    // Only the ESLint config ESLint itself would pick here: the first flat config, else the first eslintrc.
    let eslintConfigSeen = false;
    for (const candidate of candidates(dir)) {
      const isEslintConfig = candidate.read === readFlatConfig || candidate.read === readEslintrc;
      if ((isEslintConfig && eslintConfigSeen) || !existsSync(candidate.file)) {
        continue;
      }
      eslintConfigSeen ||= isEslintConfig;
      const found = await candidate.read(candidate.file, lookup);
      if (found !== null && 'note' in found) {
        notes.push(found.note);
      } else if (found !== null) {
        return { settings: found.settings, source: candidate.file, notes };
      }
    }
    if (dir === lookup.root || dirname(dir) === dir) {
      return { settings: undefined, source: null, notes };
    }
  }
}
