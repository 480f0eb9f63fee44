import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import type { parseForESLint as ParseForESLint } from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { perFile, perFileKey } from '../core/context';
import type { FileContext } from '../core/context';
import { SOURCE_EXTENSIONS } from './resolve';
import { onClearProjectCaches, projectSettings } from './settings';

/** Files above this size are not parsed (generated bundles, vendored libraries): `projectFile` answers `null`. */
export const MAX_FILE_BYTES = 512 * 1024;
/** Parsed files kept per process; the least recently used is dropped beyond it. */
export const MAX_CACHED_FILES = 2000;
/**
 * Source bytes of parsed files kept: a monorepo run that reads thousands of files keeps the most
 * recently used, not all of them. Measured (2026-12-07), a cached file with its AST, scopes,
 * views and the summaries memoised on it (no tokens, no lib variables: `withoutTokens`, `lib: []`)
 * holds about 75 bytes of heap per byte of source in a real TypeScript monorepo (formbricks: 258
 * files, 2.0 MB, 155 MB; inbox-zero: 385 files, 2.7 MB, 204 MB), 93 for the JavaScript of the
 * bench's server row (164 files, 515 kB, 48 MB) and up to 170 for small files (the generated
 * monorepo of `bench/monorepo.mjs`), so this bound keeps about 0.3 to 0.7 GB at most. It sits
 * above what those two monorepos parse in one `eslint .`; below that a run parses files again
 * (formbricks with 1 MB: 293 parses instead of 258; inbox-zero with 1 MB: 661 instead of 385).
 */
export const MAX_CACHED_BYTES = 4 * 1024 * 1024;

/** A project file parsed outside ESLint, ready for the engines. */
export interface ProjectFile {
  /** Absolute path. */
  readonly filename: string;
  /** An instance of the running ESLint's `SourceCode`. */
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  /** The file context the engines take, with the settings of the file that asked for it. */
  readonly context: FileContext;
}

/**
 * What is kept of a parse: the ESTree AST, its scopes and the text. Not the parser services,
 * whose node maps would keep TypeScript's own AST of every cached file alive (no rule uses types).
 */
type Parsed = Pick<ReturnType<typeof ParseForESLint>, 'ast' | 'scopeManager' | 'visitorKeys'> & { readonly text: string };
type SourceCodeClass = new (config: {
  text: string;
  ast: Parsed['ast'];
  parserServices: Record<string, never>;
  scopeManager: Parsed['scopeManager'];
  visitorKeys: Parsed['visitorKeys'];
}) => TSESLint.SourceCode;

interface Entry {
  readonly size: number;
  readonly mtimeMs: number;
  /** `null`: too big, unreadable or does not parse (until the file changes). */
  readonly parsed: Parsed | null;
  /** Per SourceCode class (one per ESLint in the process), per settings object. */
  readonly views: Map<SourceCodeClass, { sourceCode: TSESLint.SourceCode | null; files: WeakMap<object, ProjectFile> }>;
}

const cache = new Map<string, Entry>();
onClearProjectCaches(() => cache.clear());

const NO_SETTINGS = Object.freeze({});
const TS_WITHOUT_JSX = new Set(['.ts', '.mts', '.cts']);

/**
 * Sets `parent` on every node, as ESLint does while it traverses a file it lints (the parser
 * leaves it unset): the engines and scope lookups walk up through it.
 */
function setParents(ast: Parsed['ast'], visitorKeys: Parsed['visitorKeys']): void {
  const stack: TSESTree.Node[] = [ast as TSESTree.Node];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const key of visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const item of Array.isArray(child) ? child : [child]) {
        if (item !== null && typeof item === 'object' && typeof (item as { type?: unknown }).type === 'string') {
          (item as { parent: TSESTree.Node }).parent = node;
          stack.push(item as TSESTree.Node);
        }
      }
    }
  }
}

const JS_EXTENSIONS = new Set(['.js', '.jsx', '.mjs', '.cjs']);

/**
 * Drops the token list of a project file's AST (comments stay). The engines read other files
 * through their nodes, scopes and text; tokens serve fixes and suggestions, which only touch the
 * file being linted, and they are close to half the heap of a kept AST (measured, 2026-12-07:
 * 1,500 TypeScript files of 896 kB, 114 MB of AST with them, 61 MB without). `SourceCode` takes
 * the empty list, so its token methods find nothing in a project file; none is called there.
 */
function withoutTokens(ast: Parsed['ast']): void {
  (ast as { tokens: TSESTree.Token[] }).tokens = [];
}

/** The JavaScript parser and scope analyser ESLint itself uses (espree, eslint-scope, its visitor keys). */
interface EslintJavaScript {
  readonly parse: (text: string, options: Record<string, unknown>) => unknown;
  readonly analyze: (ast: unknown, options: Record<string, unknown>) => unknown;
  readonly keys: Parsed['visitorKeys'];
  readonly getKeys: (node: unknown) => readonly string[];
  readonly ecmaVersion: number;
}

let eslintJavaScript: EslintJavaScript | null | undefined;

/** Loaded on first use from the running ESLint's own dependencies; `null` when they cannot be. */
function getEslintJavaScript(): EslintJavaScript | null {
  if (eslintJavaScript === undefined) {
    try {
      const fromEslint = createRequire(load.resolve('eslint'));
      const espree = fromEslint('espree') as { parse: EslintJavaScript['parse']; latestEcmaVersion?: number };
      const scope = fromEslint('eslint-scope') as { analyze: EslintJavaScript['analyze'] };
      const keys = fromEslint('eslint-visitor-keys') as { KEYS: EslintJavaScript['keys']; getKeys: EslintJavaScript['getKeys'] };
      eslintJavaScript = { parse: espree.parse, analyze: scope.analyze, keys: keys.KEYS, getKeys: keys.getKeys, ecmaVersion: espree.latestEcmaVersion ?? 2022 };
    } catch {
      eslintJavaScript = null;
    }
  }
  return eslintJavaScript;
}

/** `require` of this module, in the CommonJS build and when run from source as ESM (tests). */
const load: NodeJS.Require = typeof require === 'function' ? require : createRequire(import.meta.url);

let typescriptParse: typeof ParseForESLint | null | undefined;

/**
 * typescript-estree's parse, loaded on first use: it needs the `typescript` package, which a
 * JavaScript project may not have, and the plugin must load and lint there all the same (its
 * JavaScript project files are read with ESLint's own parser). `null` when it cannot be loaded.
 */
function getTypescriptParse(): typeof ParseForESLint | null {
  if (typescriptParse === undefined) {
    try {
      typescriptParse = (load('@typescript-eslint/parser') as { parseForESLint: typeof ParseForESLint }).parseForESLint;
    } catch {
      typescriptParse = null;
    }
  }
  return typescriptParse;
}

/** A JavaScript file as ESLint parses it: as a module, else as a CommonJS script (`with`, top-level `return`). */
function parseJavaScript(text: string, jsx: boolean): Parsed | null {
  const js = getEslintJavaScript();
  for (const sourceType of js ? (['module', 'script'] as const) : []) {
    try {
      const ast = js!.parse(text, {
        ecmaVersion: 'latest',
        sourceType,
        ecmaFeatures: { jsx, globalReturn: sourceType === 'script' },
        range: true,
        loc: true,
        tokens: false,
        comment: true,
      }) as Parsed['ast'];
      withoutTokens(ast);
      const scopeManager = js!.analyze(ast, {
        ecmaVersion: js!.ecmaVersion,
        sourceType,
        nodejsScope: sourceType === 'script',
        ignoreEval: true,
        childVisitorKeys: js!.keys,
        fallback: js!.getKeys,
      }) as Parsed['scopeManager'];
      setParents(ast, js!.keys);
      return { ast, scopeManager, visitorKeys: js!.keys, text };
    } catch {
      // next source type, then typescript-estree
    }
  }
  return null;
}

function parse(file: string, size: number): Parsed | null {
  if (size > MAX_FILE_BYTES || !SOURCE_EXTENSIONS.includes(path.extname(file))) {
    return null;
  }
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  const extension = path.extname(file);
  const jsx = !TS_WITHOUT_JSX.has(extension);
  // JavaScript with the running ESLint's own parser, about twice as fast as typescript-estree and
  // lighter to keep; what it rejects (Flow or TypeScript syntax in a .js file) falls through.
  if (JS_EXTENSIONS.has(extension)) {
    const parsed = parseJavaScript(text, jsx);
    if (parsed) {
      return parsed;
    }
  }
  // As a module: typescript-estree also accepts sloppy-mode script syntax (`with`, top-level
  // `return`) there, so a script parse would never rescue a file (measured).
  const parseTypescript = getTypescriptParse();
  try {
    if (!parseTypescript) {
      return null;
    }
    const result = parseTypescript(text, {
      filePath: file,
      sourceType: 'module',
      ecmaVersion: 'latest',
      ecmaFeatures: { jsx },
      range: true,
      loc: true,
      tokens: true,
      comment: true,
      preserveNodeMaps: false,
      // No implicit variables for TypeScript's lib types (194 for esnext, in every file's global
      // scope): a global such as `Promise` stays an unresolved reference, as in a JavaScript file
      // read with eslint-scope, and the scopes kept per cached file shrink by about a third.
      lib: [],
    });
    withoutTokens(result.ast);
    setParents(result.ast, result.visitorKeys);
    return { ast: result.ast, scopeManager: result.scopeManager, visitorKeys: result.visitorKeys, text };
  } catch {
    // Does not parse.
  }
  return null;
}

function stat(file: string): fs.Stats | null {
  try {
    const stats = fs.statSync(file, { throwIfNoEntry: false });
    return stats?.isFile() ? stats : null;
  } catch {
    return null;
  }
}

/**
 * How long a `stat` of another file answers for every lint that asks (ms): an ESLint run lints
 * hundreds of files a second that import the same helpers, and each would otherwise `stat` each
 * helper again. An edit of another file is seen by the first lint that starts this long after
 * the last look at it; the linted file's own buffer is always current.
 */
export const STAT_FRESH_MS = 1000;
/** Recent `stat` answers by path, with when they were taken (`Date.now()`). */
const recentStats = new Map<string, { readonly stats: fs.Stats | null; readonly at: number }>();
/** Paths remembered before the map starts afresh (far above any project's import graph). */
const MAX_RECENT_STATS = 20_000;
onClearProjectCaches(() => recentStats.clear());

function recentStat(file: string): fs.Stats | null {
  const now = Date.now();
  const known = recentStats.get(file);
  // A clock set back makes the age negative: look again.
  if (known && now - known.at >= 0 && now - known.at < STAT_FRESH_MS) {
    return known.stats;
  }
  const stats = stat(file);
  if (recentStats.size >= MAX_RECENT_STATS) {
    recentStats.clear();
  }
  recentStats.set(file, { stats, at: now });
  return stats;
}

const STATS = perFileKey<Map<string, fs.Stats | null>>('stats of other files');
/** The contexts `projectFile` made for other files (not files being linted). */
const projectContexts = new WeakSet<FileContext>();

/**
 * `stat` of another file, once per lint of the file `like` (its parse): a rule asks about the same
 * helper at every call. Lints starting within `STAT_FRESH_MS` of the last look share its answer;
 * an edit to the helper is seen at the next lint after that, as an editor re-lints.
 */
function statFor(file: string, like?: FileContext): fs.Stats | null {
  // Only for a file being linted: a project file's own context lives as long as its parse.
  if (!like?.sourceCode?.ast || projectContexts.has(like)) {
    return stat(file);
  }
  const stats = perFile(like, STATS, () => new Map());
  let found = stats.get(file);
  if (found === undefined) {
    found = recentStat(file);
    stats.set(file, found);
  }
  return found;
}

/** The current parse of `file`: from the cache when its size and mtime are unchanged, else parsed anew. */
/** Source bytes of the parsed files in the cache (their ASTs and scopes take some 10-20 times as much). */
let cachedBytes = 0;
let cacheByteLimit = MAX_CACHED_BYTES;

/**
 * Sets the source bytes of parsed files kept (for tests, and hosts short of memory); returns a
 * function that puts the previous limit back. Takes effect at the next parse.
 */
export function limitProjectCache(bytes: number): () => void {
  const previous = cacheByteLimit;
  cacheByteLimit = bytes;
  return () => {
    cacheByteLimit = previous;
  };
}
onClearProjectCaches(() => {
  cachedBytes = 0;
});

function drop(file: string): void {
  const entry = cache.get(file);
  if (entry) {
    cachedBytes -= entry.parsed ? entry.size : 0;
    cache.delete(file);
  }
}

function entryFor(file: string, like?: FileContext): Entry | null {
  const stats = statFor(file, like);
  if (!stats) {
    drop(file);
    return null;
  }
  let entry = cache.get(file);
  if (entry && entry.size === stats.size && entry.mtimeMs === stats.mtimeMs) {
    // Most recently used last: the first key of the map is the one to drop.
    cache.delete(file);
    cache.set(file, entry);
    return entry;
  }
  entry = { size: stats.size, mtimeMs: stats.mtimeMs, parsed: parse(file, stats.size), views: new Map() };
  drop(file);
  cache.set(file, entry);
  cachedBytes += entry.parsed ? entry.size : 0;
  // Least recently used first, until both bounds hold (the new entry always stays).
  while (cache.size > 1 && (cache.size > MAX_CACHED_FILES || cachedBytes > cacheByteLimit)) {
    drop(cache.keys().next().value!);
  }
  return entry;
}

function viewOf(entry: Entry, file: string, like: FileContext): ProjectFile | null {
  const parsed = entry.parsed;
  const SourceCode = (like.sourceCode as { constructor?: unknown }).constructor as SourceCodeClass | undefined;
  if (!parsed || typeof SourceCode !== 'function') {
    return null;
  }
  let view = entry.views.get(SourceCode);
  if (!view) {
    let sourceCode: TSESLint.SourceCode | null;
    try {
      // The running ESLint's own class (8.57, 9 and 10 take this config object), so the
      // engines call the SourceCode methods they know on another file too.
      sourceCode = new SourceCode({ text: parsed.text, ast: parsed.ast, parserServices: {}, scopeManager: parsed.scopeManager, visitorKeys: parsed.visitorKeys });
    } catch {
      sourceCode = null;
    }
    view = { sourceCode, files: new WeakMap() };
    entry.views.set(SourceCode, view);
  }
  if (!view.sourceCode) {
    return null;
  }
  const settings = like.settings ?? NO_SETTINGS;
  let projectFile = view.files.get(settings);
  if (!projectFile) {
    const context: FileContext = { sourceCode: view.sourceCode, filename: file, settings };
    projectContexts.add(context);
    projectFile = { filename: file, sourceCode: view.sourceCode, context };
    view.files.set(settings, projectFile);
  }
  return projectFile;
}

/** Texts read for `projectFileMentions` without parsing, by path, checked against size and mtime. */
const texts = new Map<string, { size: number; mtimeMs: number; text: string | null }>();
/** Answers of `projectFileMentions`, per text read and pattern. */
const mentionAnswers = new WeakMap<object, Map<RegExp, boolean>>();
onClearProjectCaches(() => texts.clear());

/**
 * Whether the text of another project file matches `pattern`, read (once per size and mtime)
 * without parsing it: the cheap test before a lookup that parses, so that a file which cannot
 * matter (a helper that never names an HTTP client) is never parsed. `false` for files that
 * cannot be read or are over `MAX_FILE_BYTES`. Never throws.
 */
export function projectFileMentions(file: string, pattern: RegExp, like?: FileContext): boolean {
  try {
    const read = readText(file, like);
    if (!read) {
      return false;
    }
    // One answer per read of the file and pattern: the same helper is asked about at every call.
    let answers = mentionAnswers.get(read.holder);
    if (!answers) {
      answers = new Map();
      mentionAnswers.set(read.holder, answers);
    }
    let answer = answers.get(pattern);
    if (answer === undefined) {
      pattern.lastIndex = 0;
      answer = pattern.test(read.text);
      answers.set(pattern, answer);
    }
    return answer;
  } catch {
    return false;
  }
}

const readMemos = new WeakMap<object, Map<string, unknown>>();

/**
 * A memo that lives as long as the current read of `file` (its text at this size and mtime):
 * for answers derived from its text, kept across lints until the file changes. `null` when the
 * file cannot be read.
 */
export function projectFileMemo(file: string, like?: FileContext): Map<string, unknown> | null {
  try {
    const read = readText(file, like);
    if (!read) {
      return null;
    }
    let memo = readMemos.get(read.holder);
    if (!memo) {
      memo = new Map();
      readMemos.set(read.holder, memo);
    }
    return memo;
  } catch {
    return null;
  }
}

/**
 * Whether `file` is parsed already, at its current size and mtime, so that `projectFile` answers
 * without parsing it.
 */
export function projectFileParsed(file: string, like?: FileContext): boolean {
  try {
    const entry = cache.get(file) ?? cache.get(path.normalize(file));
    const stats = entry ? statFor(path.normalize(file), like) : null;
    return entry !== undefined && stats !== null && entry.size === stats.size && entry.mtimeMs === stats.mtimeMs;
  } catch {
    return false;
  }
}

/** The files a lint put off parsing (see `deferParse`), by path. */
const deferred = new Set<string>();
onClearProjectCaches(() => deferred.clear());
const DEFERRED_HERE = perFileKey<Map<string, boolean>>('parses put off in this lint');

/**
 * Whether a rule that needs `file` parsed for one of two necessary tests should run the other test
 * first: `file` is not parsed yet, and no earlier lint put its parse off. A file that a first lint
 * did without is parsed by the next lint that asks, so a process parses at most once what two
 * lints ask about (the editor re-linting a file, a helper imported by many) and a one-off
 * question costs no parse (a first `eslint .` run parses only the helpers it needs). The same
 * answer within one lint.
 */
export function deferParse(file: string, like: FileContext): boolean {
  try {
    if (projectFileParsed(file, like)) {
      return false;
    }
    const here = perFile(like, DEFERRED_HERE, () => new Map());
    let answer = here.get(file);
    if (answer === undefined) {
      answer = !deferred.has(file);
      if (answer) {
        if (deferred.size >= MAX_RECENT_STATS) {
          deferred.clear();
        }
        deferred.add(file);
      }
      here.set(file, answer);
    }
    return answer;
  } catch {
    return false;
  }
}

/** The text of another project file, read without parsing it (`null` when unreadable or over `MAX_FILE_BYTES`). */
export function projectFileText(file: string, like?: FileContext): string | null {
  try {
    return readText(file, like)?.text ?? null;
  } catch {
    return null;
  }
}

/** The current text of `file` and the object that stands for this read of it (a parse, or a text entry). */
/** A path `path.normalize` would change: `.`/`..` segments, doubled separators (either kind on Windows). */
const NOT_NORMAL = path.sep === '/' ? /\/\.{1,2}(?:\/|$)|\/\//u : /[\\/]\.{1,2}(?:[\\/]|$)|[\\/]{2}|\//u;

function readText(file: string, like?: FileContext): { text: string; holder: object } | null {
  // Resolved paths are already normal: only a path with `.` or `..` segments or doubled separators is normalised.
  const filename = NOT_NORMAL.test(file) ? path.normalize(file) : file;
  const stats = statFor(filename, like);
  if (!stats || stats.size > MAX_FILE_BYTES) {
    return null;
  }
  const parsed = cache.get(filename);
  if (parsed && parsed.size === stats.size && parsed.mtimeMs === stats.mtimeMs && parsed.parsed) {
    return { text: parsed.parsed.text, holder: parsed.parsed };
  }
  let entry = texts.get(filename);
  if (!entry || entry.size !== stats.size || entry.mtimeMs !== stats.mtimeMs) {
    let read: string | null;
    try {
      read = fs.readFileSync(filename, 'utf8');
    } catch {
      read = null;
    }
    entry = { size: stats.size, mtimeMs: stats.mtimeMs, text: read };
    texts.set(filename, entry);
    if (texts.size > MAX_CACHED_FILES) {
      texts.delete(texts.keys().next().value!);
    }
  }
  return entry.text === null ? null : { text: entry.text, holder: entry };
}

/**
 * Another file of the project, parsed once per process with `@typescript-eslint/parser`
 * (no type information) into the running ESLint's `SourceCode`, with the settings of `like`
 * (the file being linted). Checked against the file's size and mtime at every call, so an
 * editor session sees edits. The file being linted itself is answered with its own
 * `SourceCode` (the editor's buffer). `null` when cross-file analysis is off, the path is
 * not an absolute source file, the file is over `MAX_FILE_BYTES`, or it does not parse.
 * Never throws.
 * @example const other = projectFile('/app/src/lib/auth.ts', context); other?.sourceCode.ast
 */
export function projectFile(file: string, like: FileContext): ProjectFile | null {
  try {
    if (typeof file !== 'string' || !path.isAbsolute(file) || !like?.sourceCode || !projectSettings(like).crossFile) {
      return null;
    }
    const filename = path.normalize(file);
    if (filename === like.filename) {
      return { filename, sourceCode: like.sourceCode, context: like };
    }
    const entry = entryFor(filename, like);
    return entry ? viewOf(entry, filename, like) : null;
  } catch {
    return null;
  }
}
