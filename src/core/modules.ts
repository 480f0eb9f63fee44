import { isBuiltin } from 'node:module';
import path from 'node:path';

import { CALL, CONSTRUCT, ESM, READ, ReferenceTracker, findVariable, getStringIfConstant } from '@eslint-community/eslint-utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { variableFor } from './variable-index';
import { perFile, perFileKey } from './context';
import type { FileContext } from './context';
import { concatOperands, patternPath } from './ast';
import { escapeRegExp } from './regexp';

export { CALL, CONSTRUCT, ESM, READ };

/**
 * A trace map in ReferenceTracker's format: nested property names, with `READ`, `CALL`
 * or `CONSTRUCT` keys carrying the info to report.
 * @example { axios: { [CALL]: 'axios', get: { [CALL]: 'axios.get' } } }
 */
export interface TraceMap<T> {
  [key: string]: TraceMap<T>;
  [READ]?: T;
  [CALL]?: T;
  [CONSTRUCT]?: T;
}

export type ReferenceKind = 'read' | 'call' | 'construct';

/** One place where the source code uses a traced module export or global. */
export interface TrackedReference<T> {
  /** The Identifier/MemberExpression/CallExpression/NewExpression that uses the traced value. */
  readonly node: TSESTree.Node;
  /** Property path from the module or global (`['promises', 'readFile']`). */
  readonly path: readonly string[];
  readonly kind: ReferenceKind;
  readonly info: T;
}

type RawTracked = { node: unknown; path: string[]; type: symbol; info: unknown };
type AnyTracker = {
  iterateGlobalReferences: (map: object) => Iterable<RawTracked>;
  iterateCjsReferences: (map: object) => Iterable<RawTracked>;
  iterateEsmReferences: (map: object) => Iterable<RawTracked>;
  iteratePropertyReferences: (node: unknown, map: object) => Iterable<RawTracked>;
};

/**
 * What a file imports and which globals it reads, gathered once per Program for every rule and
 * every framework adapter: a call of `iterateModuleReferences` for modules the file never
 * imports and globals it never reads returns at once, without walking any reference.
 */
interface FileModules {
  /** Created on first use: most files never need a search. */
  readonly tracker: () => AnyTracker;
  /** Specifiers as written in import/export declarations and `import x = require()`. */
  readonly declared: ReadonlySet<string>;
  /** Whether a global (declared by the config or not) has references in the file. */
  readonly hasGlobal: (name: string) => boolean;
  /** The references of a global (declared by the config or not). */
  readonly globalReferences: (name: string) => readonly TSESLint.Scope.Reference[];
  /** `require('x')` specifiers, as ReferenceTracker reads them; computed on first use. */
  requires: ReadonlySet<string> | null;
  /** The `require('x')` calls those specifiers come from; computed with them. */
  requireCalls: readonly RequireCall[] | null;
  /** `process.getBuiltinModule('x')` calls with their specifier; computed on first use. */
  builtinCalls: readonly { readonly call: TSESTree.CallExpression; readonly name: string | null }[] | null;
  /** Whether `globalThis`, `global`, `self` or `window` is used; computed on first use. */
  globalObject: boolean | null;
}

const GLOBAL_OBJECT_NAMES = ['global', 'globalThis', 'self', 'window'];
const REQUIRE_CALL = { require: { [CALL]: true } };
const BUILTIN_MODULE_CALL = { process: { getBuiltinModule: { [CALL]: true } } };

const FILE_MODULES = perFileKey<FileModules>('module index');

function getFileModules(context: FileContext): FileModules {
  return perFile(context, FILE_MODULES, () => {
    const program = context.sourceCode.ast;
    const realGlobalScope = context.sourceCode.scopeManager!.globalScope!;
    let unresolved: Map<string, TSESLint.Scope.Reference[]> | null = null;
    // The unresolved references by name, in source order: one pass over `through`, not one per name.
    const unresolvedByName = (): Map<string, TSESLint.Scope.Reference[]> => {
      if (!unresolved) {
        unresolved = new Map();
        for (const ref of realGlobalScope.through) {
          if (!ref.resolved) {
            const list = unresolved.get(ref.identifier.name);
            if (list) {
              list.push(ref);
            } else {
              unresolved.set(ref.identifier.name, [ref]);
            }
          }
        }
      }
      return unresolved;
    };
    let tracker: AnyTracker | null = null;
    const declared = new Set<string>();
    for (const statement of program.body) {
      // The statements ReferenceTracker's ESM search reads (`isHasSource`), and TS `import x = require()`.
      if (
        (statement.type === AST_NODE_TYPES.ImportDeclaration ||
          statement.type === AST_NODE_TYPES.ExportAllDeclaration ||
          statement.type === AST_NODE_TYPES.ExportNamedDeclaration) &&
        statement.source != null
      ) {
        declared.add(String(statement.source.value));
      }
      const decl = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
      if (
        decl?.type === AST_NODE_TYPES.TSImportEqualsDeclaration &&
        decl.moduleReference.type === AST_NODE_TYPES.TSExternalModuleReference &&
        decl.moduleReference.expression.type === AST_NODE_TYPES.Literal
      ) {
        declared.add(String(decl.moduleReference.expression.value));
      }
    }
    return {
      tracker: () =>
        // "legacy" mode: `import { readFile } from 'fs'` binds the CJS export, as Node does.
        (tracker ??= new ReferenceTracker(withUndeclaredGlobals(realGlobalScope, unresolvedByName) as never, {
          mode: 'legacy',
        }) as unknown as AnyTracker),
      declared,
      // What the tracker's scope view answers (a declared global, or unresolved references), without building it.
      hasGlobal: (name) => (realGlobalScope.set.get(name)?.references.length ?? unresolvedByName().get(name)?.length ?? 0) > 0,
      globalReferences: (name) => realGlobalScope.set.get(name)?.references ?? unresolvedByName().get(name) ?? [],
      requires: null,
      requireCalls: null,
      builtinCalls: null,
      globalObject: null,
    };
  });
}

function getTracker(context: FileContext): AnyTracker {
  return getFileModules(context).tracker();
}

function hasGlobalObject(file: FileModules): boolean {
  return (file.globalObject ??= GLOBAL_OBJECT_NAMES.some(file.hasGlobal));
}

/** `require('x')` specifiers in the file, read as ReferenceTracker's CJS search reads them. */
function requiresOf(file: FileModules): ReadonlySet<string> {
  if (!file.requires) {
    const calls: RequireCall[] = [];
    const references = file.globalReferences('require');
    // The common case without the tracker: every use of `require` is a plain `require(…)` call
    // (no alias, no write, no `globalThis.require`), which is all the tracker would follow.
    const plainCalls = !hasGlobalObject(file) && references.every((ref) =>
      ref.isReadOnly() && ref.identifier.parent?.type === AST_NODE_TYPES.CallExpression && ref.identifier.parent.callee === ref.identifier);
    const nodes = plainCalls
      ? references.map((ref) => ref.identifier.parent as TSESTree.CallExpression)
      : file.hasGlobal('require') || hasGlobalObject(file)
        ? [...file.tracker().iterateGlobalReferences(REQUIRE_CALL)].map(({ node }) => node as TSESTree.CallExpression)
        : [];
    for (const call of nodes) {
      const specifier = requireSpecifier(call.arguments[0]);
      if (specifier !== null) {
        calls.push({ call, specifier });
      }
    }
    file.requireCalls = calls;
    file.requires = new Set(calls.map((call) => call.specifier));
  }
  return file.requires;
}

/**
 * What a `require` argument names: a constant string, or a file of the project written from
 * `__dirname` (`__dirname + '/x'`, `` `${__dirname}/x` ``, `path.join(__dirname, 'x')`,
 * `path.resolve(__dirname, '../x')`, `path.resolve(__dirname + '/x')`) as the relative specifier
 * it amounts to (`./x`, `../x`). `null` for anything else.
 * @example requireSpecifier(parse("path.resolve(__dirname + '/../config/env/all.js')")) // '../config/env/all.js'
 */
export function requireSpecifier(argument: TSESTree.Node | undefined): string | null {
  if (!argument) {
    return null;
  }
  const constant = getStringIfConstant(argument as never);
  if (constant !== null) {
    return constant;
  }
  const rest = fromDirname(argument, 0);
  if (rest === null || (rest !== '' && !rest.startsWith('/'))) {
    return null;
  }
  const relative = path.posix.normalize(`.${rest}`);
  return relative.startsWith('.') ? relative : `./${relative}`;
}

const isDirname = (node: TSESTree.Node): boolean => node.type === AST_NODE_TYPES.Identifier && node.name === '__dirname';

/** The text an expression appends to `__dirname` (`'/x'` for `__dirname + '/x'`), or `null`. */
function fromDirname(node: TSESTree.Node, depth: number): string | null {
  if (depth > 3) {
    return null;
  }
  if (isDirname(node)) {
    return '';
  }
  if (node.type === AST_NODE_TYPES.BinaryExpression && node.operator === '+') {
    const [first, ...others] = concatOperands(node);
    const tail = others.map((operand) => getStringIfConstant(operand as never));
    return first && isDirname(first) && tail.every((part) => part !== null) ? tail.join('') : null;
  }
  if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 1 && node.quasis[0]?.value.cooked === '' && isDirname(node.expressions[0]!)) {
    return node.quasis[1]?.value.cooked ?? null;
  }
  const callee = node.type === AST_NODE_TYPES.CallExpression ? node.callee : null;
  if (
    callee?.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === 'path' &&
    callee.property.type === AST_NODE_TYPES.Identifier &&
    (callee.property.name === 'join' || callee.property.name === 'resolve')
  ) {
    const [first, ...others] = (node as TSESTree.CallExpression).arguments;
    const base = first ? fromDirname(first, depth + 1) : null;
    const segments = others.map((segment) => getStringIfConstant(segment as never));
    // `path.resolve` restarts at an absolute segment: that is not beside this file any more.
    if (base === null || segments.some((segment) => segment === null || (callee.property as TSESTree.Identifier).name === 'resolve' && segment.startsWith('/'))) {
      return null;
    }
    return [base, ...segments].join('/').replace(/\/{2,}/gu, '/');
  }
  return null;
}

/** A `require('x')` call with its constant specifier. */
export interface RequireCall {
  readonly call: TSESTree.CallExpression;
  readonly specifier: string;
}

/**
 * The file's `require('x')` calls with a constant specifier, as `importsModule` reads them
 * (plain calls of the global `require`, or what ReferenceTracker follows through aliases).
 */
export function requireCallsOf(context: FileContext): readonly RequireCall[] {
  const file = getFileModules(context);
  requiresOf(file);
  return file.requireCalls ?? [];
}

function builtinCallsOf(context: FileContext, file: FileModules): NonNullable<FileModules['builtinCalls']> {
  if (!file.builtinCalls) {
    const calls: { call: TSESTree.CallExpression; name: string | null }[] = [];
    if (file.hasGlobal('process') || hasGlobalObject(file)) {
      for (const { node } of file.tracker().iterateGlobalReferences(BUILTIN_MODULE_CALL)) {
        const call = node as TSESTree.CallExpression;
        const arg = call.arguments[0];
        calls.push({ call, name: arg ? getStringIfConstant(arg as never, context.sourceCode.getScope(call) as never) : null });
      }
    }
    file.builtinCalls = calls;
  }
  return file.builtinCalls;
}

function anyKeyIn(names: ReadonlySet<string>, map: object): boolean {
  for (const name of names) {
    if (Object.hasOwn(map, name)) {
      return true;
    }
  }
  return false;
}

/**
 * A read-only view of the global scope in which globals the config does not declare
 * (`require`, `fetch`, `globalThis` without `globals.node`) still have a variable, made of
 * their unresolved references. ReferenceTracker only follows declared globals, and a bare
 * `[agentGuard.configs.recommended]` config declares none. The real scope is not mutated,
 * so `no-undef` and other rules see it unchanged.
 */
function withUndeclaredGlobals(
  globalScope: TSESLint.Scope.Scope,
  unresolvedByName: () => ReadonlyMap<string, TSESLint.Scope.Reference[]>,
): TSESLint.Scope.Scope {
  const synthetic = new Map<string, unknown>();
  const set = {
    get(name: string): unknown {
      const declared = globalScope.set.get(name);
      if (declared) {
        return declared;
      }
      if (!synthetic.has(name)) {
        const references = unresolvedByName().get(name);
        synthetic.set(name, references ? { name, defs: [], references, identifiers: [] } : undefined);
      }
      return synthetic.get(name);
    },
  };
  // Only what ReferenceTracker and `findVariable` read from it. A plain object: `Object.create`
  // over the real scope cost more than the searches that use it.
  return { set, block: globalScope.block, childScopes: globalScope.childScopes, upper: null, type: globalScope.type } as unknown as TSESLint.Scope.Scope;
}

function kindOf(type: symbol): ReferenceKind {
  return type === CALL ? 'call' : type === CONSTRUCT ? 'construct' : 'read';
}

function toTracked<T>(raw: RawTracked): TrackedReference<T> {
  return { node: raw.node as TSESTree.Node, path: raw.path, kind: kindOf(raw.type), info: raw.info as T };
}

const normalizedMaps = new WeakMap<object, Record<string, TraceMap<unknown>>>();

/**
 * Adds the spellings people use for the same module: `node:fs` beside `fs`, and a
 * `default` property so that `require('axios').default` resolves like `require('axios')`.
 */
function normalizeModuleMap<T>(moduleMap: Readonly<Record<string, TraceMap<T>>>): Record<string, TraceMap<T>> {
  const cached = normalizedMaps.get(moduleMap);
  if (cached) {
    return cached as Record<string, TraceMap<T>>;
  }
  const out: Record<string, TraceMap<T>> = {};
  for (const [name, map] of Object.entries(moduleMap)) {
    const withDefault: TraceMap<T> = Object.hasOwn(map, 'default') ? map : { ...map };
    if (withDefault !== map) {
      withDefault.default = withDefault;
    }
    out[name] = withDefault;
    if (!name.startsWith('node:') && isBuiltin(`node:${name}`) && !Object.hasOwn(moduleMap, `node:${name}`)) {
      out[`node:${name}`] = withDefault;
    }
  }
  normalizedMaps.set(moduleMap, out);
  return out;
}

/**
 * Every use of the traced exports of `moduleMap` in the file: ESM imports (default,
 * named, namespace, aliased), `require` (direct, destructured, aliased, `.default`),
 * `node:` prefixes, `process.getBuiltinModule('x')` and TypeScript `import x = require('x')`.
 * `globals` additionally traces global references (`fetch`, `globalThis.fetch`).
 * Shadowed names are not references.
 * @example iterateModuleReferences(context, { fs: { readFile: { [CALL]: 1 } } })
 */
export function iterateModuleReferences<T>(
  context: FileContext,
  moduleMap: Readonly<Record<string, TraceMap<T>>>,
  globals?: Readonly<TraceMap<T>>,
): Iterable<TrackedReference<T>> {
  // Most adapters ask about modules the file never names: answer those without a search.
  if (!mayReferenceModules(context, moduleMap, globals)) {
    return [];
  }
  // Read whole before any is handed out: ReferenceTracker keeps the variables it is inside of on
  // the instance every search of the file shares, so a search started while another is read lazily
  // would skip them and find nothing.
  return [...searchModuleReferences(context, getFileModules(context), normalizeModuleMap(moduleMap), globals)];
}

/**
 * Whether `iterateModuleReferences(context, moduleMap, globals)` can find anything, read from
 * the file's module index without a search: the file imports or requires one of the modules
 * (`node:` or not, `process.getBuiltinModule` included), or uses one of the globals (or a global
 * object they can be read from). A file that answers `false` holds none of their references.
 * @example mayReferenceModules(context, { child_process: { exec: { [CALL]: 1 } } }, { eval: { [CALL]: 1 } })
 */
export function mayReferenceModules<T>(context: FileContext, moduleMap: Readonly<Record<string, TraceMap<T>>>, globals?: Readonly<TraceMap<T>>): boolean {
  const file = getFileModules(context);
  const map = normalizeModuleMap(moduleMap);
  return (
    anyKeyIn(file.declared, map) ||
    anyKeyIn(requiresOf(file), map) ||
    builtinCallsOf(context, file).some(({ name }) => name !== null && Object.hasOwn(map, name)) ||
    (globals !== undefined && (Object.keys(globals).some(file.hasGlobal) || hasGlobalObject(file)))
  );
}

function* searchModuleReferences<T>(
  context: FileContext,
  file: FileModules,
  map: Readonly<Record<string, TraceMap<T>>>,
  globals?: Readonly<TraceMap<T>>,
): Generator<TrackedReference<T>> {
  const seen = new Set<unknown>();
  const emit = function* (raws: Iterable<RawTracked>): Generator<TrackedReference<T>> {
    for (const raw of raws) {
      const key = raw.node;
      if (!seen.has(key)) {
        seen.add(key);
        yield toTracked<T>(raw);
      }
    }
  };
  // Each search below runs only when the file has what it looks for; the answers are the same.
  if (globals && (Object.keys(globals).some(file.hasGlobal) || hasGlobalObject(file))) {
    yield* emit(file.tracker().iterateGlobalReferences(globals));
  }
  if (anyKeyIn(file.declared, map)) {
    yield* emit(file.tracker().iterateEsmReferences(map));
  }
  if (anyKeyIn(requiresOf(file), map)) {
    yield* emit(file.tracker().iterateCjsReferences(map));
  }

  // process.getBuiltinModule('fs') (Node ≥ 20.16) returns the module object.
  for (const { call, name } of builtinCallsOf(context, file)) {
    const moduleTrace = name === null ? undefined : map[name];
    if (moduleTrace) {
      yield* emit(file.tracker().iteratePropertyReferences(call, moduleTrace));
    }
  }

  // TypeScript `import fs = require('fs')`: not seen by ReferenceTracker.
  if (!anyKeyIn(file.declared, map)) {
    return;
  }
  for (const statement of context.sourceCode.ast.body) {
    const decl =
      statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
    if (
      decl?.type === AST_NODE_TYPES.TSImportEqualsDeclaration &&
      decl.moduleReference.type === AST_NODE_TYPES.TSExternalModuleReference &&
      decl.moduleReference.expression.type === AST_NODE_TYPES.Literal
    ) {
      const moduleTrace = map[String(decl.moduleReference.expression.value)];
      const variable = moduleTrace ? context.sourceCode.getDeclaredVariables(decl)[0] : undefined;
      for (const ref of variable?.references ?? []) {
        if (ref.isReadOnly()) {
          yield* emit(file.tracker().iteratePropertyReferences(ref.identifier, moduleTrace!));
        }
      }
    }
  }
}

/**
 * Whether the file imports (`import`, `export … from`, `import x = require()`) or `require`s a
 * module that `accepts`, read from the parsed code, so escapes in specifiers are already decoded
 * (`require('p\\x67')` names `pg`). Dynamic `import()` is not covered.
 */
export function importsModule(context: FileContext, accepts: (specifier: string) => boolean): boolean {
  const file = getFileModules(context);
  for (const specifier of file.declared) {
    if (accepts(specifier)) {
      return true;
    }
  }
  for (const specifier of requiresOf(file)) {
    if (accepts(specifier)) {
      return true;
    }
  }
  return false;
}

/**
 * A regular expression source that the text of a file matches whenever `iterateModuleReferences`
 * can find a use of global `name` traced by `trace` there, for a cheap test of a file not parsed
 * yet. When `trace` traces only calls and constructions of the global, that is the name called
 * or constructed (`fetch(`, `fetch?.(`, `fetch<T>(`, `new WebSocket`), assigned (`const f = fetch`,
 * which the tracker follows), read from a global object (`globalThis.fetch`, `window['fetch']`,
 * `const { fetch } = globalThis`) or quoted (a computed key); a file that names it only in prose,
 * types (`typeof fetch`) or as a member (`api.fetch()`) does not match. Any other trace
 * (properties, `READ`) is the bare name. Every form holds the name as a word, so a file matches
 * only if it matches the bare name; comments and strings that look like code match too: it is a
 * pre-test.
 * @example new RegExp(globalMentionSource('fetch', { [CALL]: 1 })).test('// fetch the user') // false
 */
export function globalMentionSource(name: string, trace: Readonly<TraceMap<unknown>>): string {
  const word = escapeRegExp(name);
  const callsOnly = Object.keys(trace).length === 0 && Object.getOwnPropertySymbols(trace).every((key) => key === CALL || key === CONSTRUCT);
  if (!callsOnly) {
    return String.raw`\b${word}\b`;
  }
  return [
    String.raw`(?<![.\w$#])${word}\s*!?\s*(?:\?\.\s*)?(?:<[^<>()]*>\s*)?\(`,
    String.raw`\(\s*${word}\s*\)`,
    String.raw`\bnew\s+${word}\b`,
    String.raw`=\s*${word}\b`,
    String.raw`\b(?:${GLOBAL_OBJECT_NAMES.join('|')})\s*\??\.\s*${word}\b`,
    String.raw`['"]${word}['"]`,
    String.raw`[{,]\s*${word}\s*[:,}]`,
  ].join('|');
}

/**
 * Uses of the value an expression evaluates to, e.g. an instance returned by a factory:
 * for `const api = axios.create()`, `iterateValueReferences(context, createCall, { get: { [CALL]: 1 } })`
 * yields `api.get(...)` calls, following `const` aliases and destructuring.
 */
export function* iterateValueReferences<T>(
  context: FileContext,
  node: TSESTree.Node,
  traceMap: Readonly<TraceMap<T>>,
): Generator<TrackedReference<T>> {
  // Read whole first, as in iterateModuleReferences: the tracker is shared by every search of the file.
  for (const raw of [...getTracker(context).iteratePropertyReferences(node, traceMap)]) {
    yield toTracked<T>(raw);
  }
}

/** `util.promisify` (also `node:util`, named or on the module object). */
const PROMISIFY_TRACE_MAP: Readonly<Record<string, TraceMap<true>>> = { util: { promisify: { [CALL]: true } } };

/** The entry a trace map gives to a call of `path` under its module (`['exec']`, `['promises', 'readFile']`), if any. */
function callInfoAt<T>(map: Readonly<TraceMap<T>> | undefined, path: readonly string[]): T | undefined {
  let node: unknown = map;
  for (const key of path) {
    node = node !== null && typeof node === 'object' && Object.hasOwn(node, key) ? (node as Record<string, unknown>)[key] : undefined;
  }
  return node !== null && typeof node === 'object' ? ((node as Record<symbol, unknown>)[CALL] as T | undefined) : undefined;
}

/**
 * Calls of `util.promisify()` results of functions that `traceMap` lists as calls
 * (`const execAsync = promisify(exec); execAsync(cmd)`, `util.promisify(fs.readFile)(p)`): the
 * result takes the same arguments, so each call comes with the entry of the function it wraps.
 * @example iteratePromisifiedCalls(context, { child_process: { exec: { [CALL]: sink } } }) // [{ node: execAsync(cmd), info: sink }]
 */
export function* iteratePromisifiedCalls<T>(
  context: FileContext,
  traceMap: Readonly<Record<string, TraceMap<T>>>,
): Generator<{ readonly node: TSESTree.CallExpression; readonly info: T }> {
  for (const ref of iterateModuleReferences(context, PROMISIFY_TRACE_MAP)) {
    const [fn] = (ref.node as TSESTree.CallExpression).arguments;
    const target = ref.kind === 'call' && fn && fn.type !== AST_NODE_TYPES.SpreadElement ? resolveCallTarget(context, fn) : null;
    const info = target?.module && Object.hasOwn(traceMap, target.module) ? callInfoAt(traceMap[target.module], target.path) : undefined;
    if (info === undefined) {
      continue;
    }
    for (const use of iterateValueReferences(context, ref.node, { [CALL]: info })) {
      if (use.node.type === AST_NODE_TYPES.CallExpression) {
        yield { node: use.node, info };
      }
    }
  }
}

/** Where a callee ultimately comes from: a module export path, a global, or a local binding. */
export interface CallTarget {
  /** Module specifier without `node:` (`'fs'`), or `null` for a global. */
  readonly module: string | null;
  /** Property path from the module object or the global (`['promises', 'readFile']`). */
  readonly path: readonly string[];
}

/** A module specifier without its `node:` scheme: `'node:fs'` and `'fs'` name the same module. */
export function stripNodePrefix(source: string): string {
  return source.startsWith('node:') ? source.slice('node:'.length) : source;
}

function requireSource(node: TSESTree.Node | null | undefined, context: FileContext): string | null {
  let current = node;
  while (current?.type === AST_NODE_TYPES.AwaitExpression || current?.type === AST_NODE_TYPES.TSAsExpression) {
    current = current.type === AST_NODE_TYPES.AwaitExpression ? current.argument : current.expression;
  }
  if (
    current?.type === AST_NODE_TYPES.CallExpression &&
    current.callee.type === AST_NODE_TYPES.Identifier &&
    current.callee.name === 'require' &&
    current.arguments.length === 1
  ) {
    const scope = context.sourceCode.getScope(current);
    if (findVariable(scope as never, 'require')?.defs.length) {
      return null; // a local `require` is not Node's
    }
    const name = getStringIfConstant(current.arguments[0] as never, scope as never);
    return name === null ? null : stripNodePrefix(name);
  }
  if (current?.type === AST_NODE_TYPES.ImportExpression) {
    const name = getStringIfConstant(current.source as never, context.sourceCode.getScope(current) as never);
    return name === null ? null : stripNodePrefix(name);
  }
  return null;
}

/**
 * Callee-first resolution: what module export or global a callee expression refers to,
 * following member chains, `const` aliases, destructuring, `require` and imports.
 * Returns `null` for local values and anything it cannot prove.
 * @example resolveCallTarget(context, node.callee) // `fsp.readFile` -> { module: 'fs/promises', path: ['readFile'] }
 */
export function resolveCallTarget(context: FileContext, expression: TSESTree.Node): CallTarget | null {
  return resolveExpression(context, expression, 0);
}

function resolveExpression(context: FileContext, expression: TSESTree.Node, depth: number): CallTarget | null {
  if (depth > 8) {
    return null;
  }
  switch (expression.type) {
    case AST_NODE_TYPES.ChainExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
    case AST_NODE_TYPES.TSTypeAssertion:
      return resolveExpression(context, expression.expression, depth + 1);
    case AST_NODE_TYPES.MemberExpression: {
      const key = memberKey(expression, context);
      const base = key === null ? null : resolveExpression(context, expression.object, depth + 1);
      if (!base) {
        return null;
      }
      if (key === 'default' && base.module !== null && base.path.length === 0) {
        return base;
      }
      return { module: base.module, path: [...base.path, key!] };
    }
    case AST_NODE_TYPES.Identifier:
      return resolveIdentifier(context, expression, depth);
    default: {
      const source = requireSource(expression, context);
      return source === null ? null : { module: source, path: [] };
    }
  }
}

function memberKey(node: TSESTree.MemberExpression, context: FileContext): string | null {
  if (!node.computed) {
    return node.property.type === AST_NODE_TYPES.Identifier ? node.property.name : null;
  }
  return getStringIfConstant(node.property as never, context.sourceCode.getScope(node) as never);
}

const GLOBAL_OBJECTS = new Set(['globalThis', 'window', 'self', 'global']);

function resolveIdentifier(context: FileContext, id: TSESTree.Identifier, depth: number): CallTarget | null {
  const variable = variableFor(context, id);
  if (!variable || variable.defs.length === 0) {
    // An undeclared name: a global (`fetch`), or `globalThis.fetch` through a global object.
    return GLOBAL_OBJECTS.has(id.name) ? { module: null, path: [] } : { module: null, path: [id.name] };
  }
  if (variable.defs.length !== 1) {
    return null;
  }
  const def = variable.defs[0]!;
  if (def.type === 'ImportBinding') {
    const spec = def.node;
    // `import x = require('m')` is an import binding without an ImportDeclaration parent.
    if (spec.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
      const ref = spec.moduleReference;
      return ref.type === AST_NODE_TYPES.TSExternalModuleReference && ref.expression.type === AST_NODE_TYPES.Literal
        ? { module: stripNodePrefix(String(ref.expression.value)), path: [] }
        : null;
    }
    const decl = def.parent as TSESTree.ImportDeclaration | null;
    if (decl?.type !== AST_NODE_TYPES.ImportDeclaration) {
      return null;
    }
    const module = stripNodePrefix(String(decl.source.value));
    if (spec.type === AST_NODE_TYPES.ImportSpecifier) {
      const imported = spec.imported.type === AST_NODE_TYPES.Identifier ? spec.imported.name : String(spec.imported.value);
      return { module, path: imported === 'default' ? [] : [imported] };
    }
    return { module, path: [] };
  }
  if (def.type === 'Variable') {
    const declarator = def.node as TSESTree.VariableDeclarator;
    const declaration = def.parent as TSESTree.VariableDeclaration | null;
    if (!declarator.init || (declaration?.kind !== 'const' && variable.references.some((r) => r.isWrite() && !r.init))) {
      return null;
    }
    const path = patternPath(declarator.id, def.name as TSESTree.Identifier);
    const base = path === null ? null : resolveExpression(context, declarator.init, depth + 1);
    if (!base) {
      return null;
    }
    // `const { default: got } = await import('got')` is the module itself, as with imports.
    const rest = base.module !== null && base.path.length === 0 && path![0] === 'default' ? path!.slice(1) : path!;
    return { module: base.module, path: [...base.path, ...rest] };
  }
  return null;
}
