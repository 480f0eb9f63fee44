/**
 * `baseUrl` and `paths` of a tsconfig/jsconfig that oxc-resolver refuses to load, read the way
 * TypeScript reads them: an `extends` that does not resolve (a shared config package that is
 * not installed, as in a fresh clone of a monorepo, or a generated config that does not exist
 * yet) is skipped, and the options the files do hold still apply (TypeScript reports TS6053
 * and goes on; oxc-resolver 11 fails every resolution under such a config).
 */
import fs from 'node:fs';
import path from 'node:path';

import { findProjectRoot } from './root';
import { workspacePackages } from './workspaces';

/** One `paths` entry: `@/*` → `['./src/*']`, split at its `*` (`suffix` is `null` for an exact pattern). */
interface PathPattern {
  readonly prefix: string;
  readonly suffix: string | null;
  readonly targets: readonly string[];
}

/** What a config chain says about non-relative specifiers. */
export interface TsconfigPaths {
  /** The folder `paths` targets are relative to: `baseUrl`, else the folder of the config that sets `paths`. */
  readonly pathsBase: string;
  readonly patterns: readonly PathPattern[];
  /** `baseUrl` as an absolute folder, or `null`. */
  readonly baseUrl: string | null;
}

/** `extends` hops followed; TypeScript has no limit, but a chain this long is a cycle in disguise. */
const MAX_EXTENDS_DEPTH = 8;
/** Bigger config files are not read. */
const MAX_CONFIG_BYTES = 1 << 20;

/**
 * The text of a JSON-with-comments file as JSON: comments and trailing commas removed
 * outside strings, which is all tsconfig.json adds to JSON.
 * @example jsoncToJson('{ "a": 1, // one\n }') // '{ "a": 1, \n }' without the comma
 */
export function jsoncToJson(text: string): string {
  let out = '';
  let pendingComma = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') {
      let end = i + 1;
      while (end < text.length && text[end] !== '"') {
        end += text[end] === '\\' ? 2 : 1;
      }
      out += pendingComma + text.slice(i, end + 1);
      pendingComma = '';
      i = end;
    } else if (ch === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') {
        i++;
      }
      i--;
    } else if (ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 1;
    } else if (ch === ',') {
      out += pendingComma;
      pendingComma = ',';
    } else if (ch === '}' || ch === ']') {
      // A comma right before a closing bracket is a trailing comma: dropped.
      pendingComma = '';
      out += ch;
    } else if (/\s/u.test(ch)) {
      out += ch;
    } else {
      out += pendingComma + ch;
      pendingComma = '';
    }
  }
  return out + pendingComma;
}

function readConfig(file: string): Record<string, unknown> | null {
  try {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat?.isFile() || stat.size > MAX_CONFIG_BYTES) {
      return null;
    }
    const parsed: unknown = JSON.parse(jsoncToJson(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/u, '')));
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file, { throwIfNoEntry: false })?.isFile() === true;
  } catch {
    return false;
  }
}

/** `x`, `x.json`, `x/tsconfig.json`: the file an `extends` entry names, if it exists. */
function configFileAt(base: string): string | null {
  return [base, `${base}.json`, path.join(base, 'tsconfig.json')].find(isFile) ?? null;
}

/**
 * The file an `extends` entry names: a path from the config's folder, or a package, looked up
 * in the `node_modules` folders above it, then among the workspace packages of the monorepo
 * (`"extends": "tsconfig/nextjs.json"` for a `packages/tsconfig` not linked yet). `null` when
 * neither holds it.
 */
function extendedFile(dir: string, entry: string): string | null {
  if (entry.startsWith('.') || path.isAbsolute(entry)) {
    return configFileAt(path.resolve(dir, entry));
  }
  const parts = entry.split('/');
  const nameLength = entry.startsWith('@') ? 2 : 1;
  const name = parts.slice(0, nameLength).join('/');
  const rest = parts.slice(nameLength).join('/');
  for (let current = dir; ; ) {
    const found = configFileAt(path.join(current, 'node_modules', entry));
    if (found) {
      return found;
    }
    const parent = path.dirname(current);
    if (parent === current) {
      break;
    }
    current = parent;
  }
  const root = findProjectRoot(dir);
  const packageDir = root === null ? undefined : workspacePackages(root).get(name);
  return packageDir === undefined ? null : configFileAt(path.join(packageDir, rest));
}

function patternsOf(paths: Record<string, unknown>): PathPattern[] {
  const patterns: PathPattern[] = [];
  for (const [key, value] of Object.entries(paths)) {
    const star = key.indexOf('*');
    const targets = Array.isArray(value) ? value.filter((target): target is string => typeof target === 'string') : [];
    if (targets.length > 0 && star === key.lastIndexOf('*')) {
      patterns.push(star === -1 ? { prefix: key, suffix: null, targets } : { prefix: key.slice(0, star), suffix: key.slice(star + 1), targets });
    }
  }
  return patterns;
}

interface Chain {
  paths: { readonly patterns: PathPattern[]; readonly dir: string } | null;
  baseUrl: string | null;
}

function readChain(file: string, depth: number, seen: Set<string>): Chain {
  const chain: Chain = { paths: null, baseUrl: null };
  const config = depth <= MAX_EXTENDS_DEPTH && !seen.has(file) ? readConfig(file) : null;
  if (!config) {
    return chain;
  }
  seen.add(file);
  const dir = path.dirname(file);
  // Bases first, in order; the config's own options override them.
  const entries = typeof config.extends === 'string' ? [config.extends] : Array.isArray(config.extends) ? config.extends : [];
  for (const entry of entries) {
    const base = typeof entry === 'string' ? extendedFile(dir, entry) : null;
    if (base !== null) {
      const inherited = readChain(base, depth + 1, seen);
      chain.paths = inherited.paths ?? chain.paths;
      chain.baseUrl = inherited.baseUrl ?? chain.baseUrl;
    }
  }
  const options = config.compilerOptions;
  if (options !== null && typeof options === 'object' && !Array.isArray(options)) {
    const { baseUrl, paths } = options as Record<string, unknown>;
    if (typeof baseUrl === 'string') {
      chain.baseUrl = path.resolve(dir, baseUrl);
    }
    if (paths !== null && typeof paths === 'object' && !Array.isArray(paths)) {
      chain.paths = { patterns: patternsOf(paths as Record<string, unknown>), dir };
    }
  }
  return chain;
}

/**
 * The `baseUrl` and `paths` a config file gives, through the `extends` that resolve; `null`
 * when it gives neither or cannot be read.
 * @example readTsconfigPaths('/repo/apps/web/tsconfig.json') // { pathsBase: '/repo/apps/web', patterns: [{ prefix: '@/', suffix: '', targets: ['./*'] }], baseUrl: null }
 */
export function readTsconfigPaths(file: string): TsconfigPaths | null {
  const chain = readChain(file, 0, new Set());
  if (!chain.paths && chain.baseUrl === null) {
    return null;
  }
  return { pathsBase: chain.baseUrl ?? chain.paths?.dir ?? path.dirname(file), patterns: chain.paths?.patterns ?? [], baseUrl: chain.baseUrl };
}

/**
 * The absolute paths to try for a non-relative specifier, in TypeScript's order: the targets of
 * the `paths` pattern with the longest prefix that matches, then the specifier under `baseUrl`.
 * @example candidatePaths(paths, '@/utils/auth') // ['/repo/apps/web/utils/auth']
 */
export function candidatePaths(config: TsconfigPaths, specifier: string): string[] {
  let best: PathPattern | null = null;
  let captured = '';
  for (const pattern of config.patterns) {
    if (pattern.suffix === null) {
      if (pattern.prefix === specifier) {
        best = pattern;
        captured = '';
        break;
      }
    } else if (
      specifier.length >= pattern.prefix.length + pattern.suffix.length &&
      specifier.startsWith(pattern.prefix) &&
      specifier.endsWith(pattern.suffix) &&
      (best === null || (best.suffix !== null && pattern.prefix.length > best.prefix.length))
    ) {
      best = pattern;
      captured = specifier.slice(pattern.prefix.length, specifier.length - pattern.suffix.length);
    }
  }
  const candidates = best ? best.targets.map((target) => path.resolve(config.pathsBase, target.replace('*', captured))) : [];
  if (config.baseUrl !== null) {
    candidates.push(path.resolve(config.baseUrl, specifier));
  }
  return candidates;
}
