import fs from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';

import type { NapiResolveOptions, ResolverFactory } from 'oxc-resolver';

import { findProjectRoot, readPackageJson } from './root';
import { onClearProjectCaches, projectSettings } from './settings';
import type { ProjectSettings, SettingsSource } from './settings';
import { candidatePaths, readTsconfigPaths } from './tsconfig-paths';
import type { TsconfigPaths } from './tsconfig-paths';
import { workspacePackages } from './workspaces';

/** The files the plugin parses: what TypeScript and bundlers resolve an import to. */
export const SOURCE_EXTENSIONS: readonly string[] = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

/** Entries of the resolution memo before it starts afresh (a 2,000-file project uses ~40k). */
const MAX_MEMO_ENTRIES = 200_000;

const RESOLVER_OPTIONS: NapiResolveOptions = {
  extensions: [...SOURCE_EXTENSIONS],
  // `import './util.js'` written for util.ts (TypeScript's node16/bundler style).
  extensionAlias: { '.js': ['.ts', '.tsx', '.js', '.jsx'], '.jsx': ['.tsx', '.jsx'], '.mjs': ['.mts', '.mjs'], '.cjs': ['.cts', '.cjs'] },
  // No `types`: it would pick declaration files, which hold no bodies to read.
  conditionNames: ['node', 'import', 'require', 'module', 'default'],
  mainFields: ['module', 'main'],
  symlinks: true,
};

interface Resolvers {
  readonly base: ResolverFactory;
  /**
   * One resolver per tsconfig/jsconfig; `null` when it fails to load. Not `cloneWithOptions`:
   * clones share a cache of results keyed without the tsconfig (oxc-resolver 11.24), so one
   * config's `paths` would answer for another's files.
   */
  readonly byConfig: Map<string, ResolverFactory | null>;
  /** For a config whose resolver is `null`: what it says, read leniently; `null` when it says nothing. */
  readonly lenient: Map<string, TsconfigPaths | null>;
  readonly Factory: typeof ResolverFactory;
}

let resolvers: Resolvers | null | undefined;
const configs = new Map<string, string | null>();

/**
 * Resolutions from one folder: relative specifiers, and bare ones, shared by every folder of
 * one package with the same tsconfig. Looked up per settings and folder, then per specifier,
 * without building a key string for every import asked about.
 */
interface FolderMemo {
  readonly relative: Map<string, string | null>;
  readonly bare: Map<string, string | null>;
}
let folderMemos = new WeakMap<ProjectSettings, { folders: Map<string, FolderMemo>; packages: Map<string, Map<string, string | null>> }>();
/** Answers memoised since the last reset. */
let memoEntries = 0;
onClearProjectCaches(() => {
  resolvers = undefined;
  folderMemos = new WeakMap();
  memoEntries = 0;
  configs.clear();
});

function folderMemo(project: ProjectSettings, dir: string): FolderMemo {
  let memos = folderMemos.get(project);
  if (!memos) {
    memos = { folders: new Map(), packages: new Map() };
    folderMemos.set(project, memos);
  }
  let memo = memos.folders.get(dir);
  if (!memo) {
    const packageKey = `${project.tsconfig ?? nearestTsconfig(dir) ?? ''}\0${packageDir(dir)}`;
    let bare = memos.packages.get(packageKey);
    if (!bare) {
      bare = new Map();
      memos.packages.set(packageKey, bare);
    }
    memo = { relative: new Map(), bare };
    memos.folders.set(dir, memo);
  }
  return memo;
}

/** oxc-resolver, loaded on first use: a platform without its native binding gets no resolution, not a plugin that fails to load. */
function getResolvers(): Resolvers | null {
  if (resolvers === undefined) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazily, inside try: see above
      const { ResolverFactory: Factory } = require('oxc-resolver') as typeof import('oxc-resolver');
      resolvers = { base: new Factory(RESOLVER_OPTIONS), byConfig: new Map(), lenient: new Map(), Factory };
    } catch {
      resolvers = null;
    }
  }
  return resolvers;
}

/** Whether module resolution works on this platform (oxc-resolver's native binding loaded). */
export function resolverAvailable(): boolean {
  return getResolvers() !== null;
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file, { throwIfNoEntry: false })?.isFile() === true;
  } catch {
    return false;
  }
}

/** The nearest tsconfig.json (else jsconfig.json) from `dir` up to its project root; memoised per directory. */
export function nearestTsconfig(dir: string): string | null {
  const known = configs.get(dir);
  if (known !== undefined) {
    return known;
  }
  const root = findProjectRoot(dir);
  let found: string | null;
  for (let current = dir; ; ) {
    found = [path.join(current, 'tsconfig.json'), path.join(current, 'jsconfig.json')].find(isFile) ?? null;
    const parent = path.dirname(current);
    if (found || current === root || parent === current) {
      break;
    }
    current = parent;
  }
  configs.set(dir, found);
  return found;
}

function resolverFor(all: Resolvers, config: string | null): ResolverFactory {
  if (config === null) {
    return all.base;
  }
  let resolver = all.byConfig.get(config);
  if (resolver === undefined) {
    resolver = new all.Factory({ ...RESOLVER_OPTIONS, tsconfig: { configFile: config, references: 'auto' } });
    all.byConfig.set(config, resolver);
  }
  return resolver ?? all.base;
}

/**
 * One resolution. A tsconfig oxc-resolver fails to load (an `extends` that does not resolve,
 * bad JSON) is read leniently instead, as TypeScript reads it (`tsconfig-paths.ts`): its
 * `paths` and `baseUrl` map the specifier, and the plain resolver resolves what they give.
 */
function resolveWith(all: Resolvers, config: string | null, dir: string, specifier: string): string | null {
  if (config !== null && all.byConfig.get(config) === null) {
    return resolveWithLenientConfig(all, config, dir, specifier);
  }
  const result = resolverFor(all, config).sync(dir, specifier);
  if (result.error !== undefined && config !== null && /tsconfig/iu.test(result.error) && all.byConfig.get(config)) {
    all.byConfig.set(config, null);
    return resolveWithLenientConfig(all, config, dir, specifier);
  }
  return result.path ?? null;
}

function resolveWithLenientConfig(all: Resolvers, config: string, dir: string, specifier: string): string | null {
  let lenient = all.lenient.get(config);
  if (lenient === undefined) {
    lenient = readTsconfigPaths(config);
    all.lenient.set(config, lenient);
  }
  if (lenient !== null && !specifier.startsWith('.') && !path.isAbsolute(specifier)) {
    for (const candidate of candidatePaths(lenient, specifier)) {
      const found = all.base.sync(dir, candidate).path;
      if (found) {
        return found;
      }
    }
  }
  return all.base.sync(dir, specifier).path ?? null;
}

/** The bare package name of a specifier: `@acme/trpc` of `@acme/trpc/server/trpc`. */
function packageName(specifier: string): string | null {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('#') || /^[a-z][\w+.-]*:/iu.test(specifier)) {
    return null;
  }
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? (parts.length >= 2 ? `${parts[0]}/${parts[1]}` : null) : parts[0]!;
}

/**
 * A workspace package the resolver did not find through `node_modules` (not installed, or
 * not linked): resolved from its own folder, where its `exports` apply by self-reference,
 * else as a path under the folder (`main` for the bare name).
 */
function resolveInWorkspace(all: Resolvers, dir: string, specifier: string, settingsRoot: string | null): string | null {
  const name = packageName(specifier);
  const root = settingsRoot ?? findProjectRoot(dir);
  const packageDir = name !== null && root !== null ? workspacePackages(root).get(name) : undefined;
  if (packageDir === undefined) {
    return null;
  }
  const self = resolveWith(all, null, packageDir, specifier);
  if (self !== null) {
    return self;
  }
  return resolveWith(all, null, packageDir, `./${specifier.slice(name!.length + 1)}`);
}

/**
 * A file in a workspace package's built `dist/` whose source sits at the same place under
 * `src/` (`dist/server/trpc.js` → `src/server/trpc.ts`): the source, which is what the
 * project wrote. Otherwise the file itself.
 */
function preferSource(file: string, settingsRoot: string | null): string {
  const marker = `${path.sep}dist${path.sep}`;
  const at = file.lastIndexOf(marker);
  if (at === -1) {
    return file;
  }
  const packageDir = file.slice(0, at);
  const root = settingsRoot ?? findProjectRoot(packageDir);
  if (root === null || ![...workspacePackages(root).values()].includes(packageDir)) {
    return file;
  }
  const rest = file.slice(at + marker.length).replace(/\.[cm]?jsx?$/u, '');
  for (const extension of SOURCE_EXTENSIONS) {
    const candidate = path.join(packageDir, 'src', rest + extension);
    if (isFile(candidate)) {
      return candidate;
    }
  }
  return file;
}

/** A resolved path the plugin may read: a project source file, never a package installed in node_modules. */
function projectSource(file: string | null): string | null {
  if (file === null || !path.isAbsolute(file) || file.endsWith('.d.ts') || file.includes(`${path.sep}node_modules${path.sep}`)) {
    return null;
  }
  return SOURCE_EXTENSIONS.includes(path.extname(file)) ? file : null;
}

/**
 * The project source file `specifier` names when imported from `fromFile`, or `null`.
 * Follows relative paths (with extension and `index` probing, `.js` written for `.ts`),
 * tsconfig/jsconfig `baseUrl` and `paths` (with `extends`; the importing file's nearest
 * config, or `settings['agent-guard'].project.tsconfig`), package.json `imports` and
 * `exports`, and workspace packages (through their `node_modules` link, else the workspace
 * globs). `null` for builtins, packages installed in node_modules, what does not resolve,
 * and when cross-file analysis is off. Never throws; memoised per (directory, specifier).
 * @example resolveModule('/app/src/routes.ts', '@/lib/auth') // → '/app/src/lib/auth.ts'
 */
const packageDirs = new Map<string, string>();
onClearProjectCaches(() => packageDirs.clear());

/** The nearest folder at or above `dir` with a package.json (or `dir`'s root when there is none), memoised. */
function packageDir(dir: string): string {
  let found = packageDirs.get(dir);
  if (found === undefined) {
    const parent = path.dirname(dir);
    found = readPackageJson(dir) !== null || parent === dir ? dir : packageDir(parent);
    packageDirs.set(dir, found);
  }
  return found;
}

/** SvelteKit's `$lib` alias: `src/lib` of the app unless `kit.files.lib` moves it. */
const KIT_LIB = /^\$lib(?:\/|$)/u;
const KIT_LIB_DIR = 'src/lib';

/**
 * `$lib` and `$lib/x` of a SvelteKit app whose generated `.svelte-kit/tsconfig.json` (the one
 * that declares the alias, made by `svelte-kit sync`) is not there yet, as in a fresh checkout
 * or CI: the default `src/lib` of the package that depends on `@sveltejs/kit`.
 * @example resolveKitLib(all, null, '/app/src/routes/article', '$lib/api.js') // → '/app/src/lib/api.js'
 */
function resolveKitLib(all: Resolvers, config: string | null, dir: string, specifier: string): string | null {
  if (!KIT_LIB.test(specifier)) {
    return null;
  }
  const pkg = packageDir(dir);
  const json = readPackageJson(pkg);
  const dependsOnKit = ['dependencies', 'devDependencies'].some((field) => {
    const deps = json?.[field];
    return deps !== null && typeof deps === 'object' && Object.hasOwn(deps, '@sveltejs/kit');
  });
  return dependsOnKit ? resolveWith(all, config, pkg, `./${KIT_LIB_DIR}${specifier.slice('$lib'.length)}`) : null;
}

/** The folder of the file asked about last: a file asks about all its imports in a row. */
let lastFile = '';
let lastDir = '';

export function resolveModule(fromFile: string, specifier: string, settings?: SettingsSource): string | null {
  const project = projectSettings(settings);
  if (!project.crossFile || typeof fromFile !== 'string' || typeof specifier !== 'string' || specifier === '' || !path.isAbsolute(fromFile)) {
    return null;
  }
  const dir = fromFile === lastFile ? lastDir : path.dirname(fromFile);
  lastFile = fromFile;
  lastDir = dir;
  const memo = folderMemo(project, dir);
  // A bare specifier (`lodash`, `@/lib/x`, `@acme/api`) resolves alike from every folder of one
  // package (same tsconfig, same node_modules): one resolution per package, not per folder.
  const bare = !specifier.startsWith('.') && !path.isAbsolute(specifier);
  const answers = bare ? memo.bare : memo.relative;
  const known = answers.get(specifier);
  if (known !== undefined) {
    return known;
  }
  if (isBuiltin(specifier) || specifier.includes('\0')) {
    answers.set(specifier, null);
    return null;
  }
  let found: string | null = null;
  const all = getResolvers();
  if (all) {
    try {
      const config = project.tsconfig ?? nearestTsconfig(dir);
      const resolved = resolveWith(all, config, dir, specifier) ?? resolveInWorkspace(all, dir, specifier, project.root) ?? resolveKitLib(all, config, dir, specifier);
      found = projectSource(resolved === null ? null : preferSource(resolved, project.root));
    } catch {
      found = null;
    }
  }
  if (++memoEntries >= MAX_MEMO_ENTRIES) {
    memoEntries = 0;
    folderMemos = new WeakMap();
  }
  answers.set(specifier, found);
  return found;
}
