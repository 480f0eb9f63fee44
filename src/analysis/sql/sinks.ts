import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import {
  FALLBACK_FUNCTION_NAMES, FALLBACK_SINKS, METHOD_RESULT_KINDS, SQL_FORMAT_MODULES, SQL_KINDS, SQL_MODULES,
} from '../../data/sql';
import type { SqlSink } from '../../data/sql';
import { functionVariable, isFunctionLike, resolveFunction } from '../../core/functions';
import { resolveCallTarget } from '../../core/modules';
import { compileNameSpecs, matchNameSpec } from '../../core/name-specs';
import { skipTsWrappers } from '../../core/static';
import { namedOrMethodCallSelector } from '../../core/selectors';
import { looksLikeSql, mayContainSqlText } from './text';
import { analyzeStringBuild, approximateText } from './string-building';
import type { StringBuild, StringBuildOptions } from './string-building';
import { getKindResolver } from '../../core/value-kinds';
import type { KindResolver } from '../../core/value-kinds';
import { constInitOf, variableFor } from '../../core/variable-index';
import type { FunctionLike } from '../../core/functions';
import { perFile, perFileKey } from '../../core/context';
import type { FileContext } from '../../core/context';
import { staticCalleeName } from '../../core/ast';
import { displayPath, importedDefinition, projectImportNames } from '../../project/index';
import { pushChildNodes } from '../../core/ast';

/** A call found to receive SQL text. */
export interface SqlSinkCall {
  readonly call: TSESTree.CallExpression;
  readonly sink: SqlSink;
  /** Only with SQL-looking text: the receiver could not be resolved. */
  readonly needsSqlText: boolean;
  /** The SQL-text argument (the `text` property of a `{ text, values }` config object). */
  readonly argument: TSESTree.Node;
  /** The argument taken apart. */
  readonly build: StringBuild;
  /** The callee is a wrapper defined in another project file: that file, relative to the project root. */
  readonly definedIn?: string;
}

/** What makes a call a sink: its sink shape, and whether it needs SQL-looking text. */
export interface SinkOfCall {
  readonly sink: SqlSink;
  readonly needsSqlText: boolean;
  /** Set for a wrapper defined in another project file (relative path). */
  readonly definedIn?: string;
}

const RELATIVE = /^(?:\.|\/|~\/|@\/|#)/u;

export interface FindSqlSinkOptions {
  /**
   * The caller uses the result for its reports only, not for the argument nodes the calls
   * consume (`build.nodes`). Calls on receivers that cannot be resolved (`x.get(key)`,
   * `query(text)`), whose argument shows no SQL text and cannot make a wrapper, are then
   * dropped before the receiver is resolved: they could not be reported anyway. In a file
   * none of whose strings could read as SQL (`mayContainSqlText`), all of them are.
   */
  readonly reportsOnly?: boolean;
  /**
   * Wrappers found, by function: filled for the callers of `sqlWrappersOf` (a file's
   * summary for the files that import it).
   */
  readonly wrappersOut?: Map<FunctionLike, SinkOfCall>;
  /** Summarising a file for its importers: a parameter passed to an imported wrapper also follows it. */
  readonly followParameters?: boolean;
}

/** Which calls of a file may be SQL sinks, as a selector for ESLint and the exact test behind it. */
export interface SqlSinkCallFilter {
  /** Every call the test may accept: a rule listens to these only. */
  readonly selector: string;
  readonly accepts: (call: TSESTree.CallExpression) => boolean;
}

const ANY_CALL: SqlSinkCallFilter = { selector: 'CallExpression', accepts: () => true };
const FALLBACK_CALL_SELECTOR = namedOrMethodCallSelector(Object.keys(FALLBACK_SINKS));

/**
 * Which calls `findSqlSinkCalls` can find in this file, for a rule that collects them while the
 * tree is walked: every call when the file imports an SQL module or sinks are configured;
 * otherwise only calls of a plain name (the fallback function names and wrappers found from
 * them) and methods named like a fallback sink (`x.query(…)`), as no other call can be one.
 */
export function sqlSinkCallFilter(context: FileContext, extraSinks: readonly string[]): SqlSinkCallFilter {
  if (extraSinks.length > 0 || getSqlKindResolver(context).active) {
    return ANY_CALL;
  }
  return {
    selector: FALLBACK_CALL_SELECTOR,
    accepts: (call) => {
      const callee = skipTsWrappers(call.callee);
      return (
        callee.type === AST_NODE_TYPES.Identifier ||
        (callee.type === AST_NODE_TYPES.MemberExpression &&
          !callee.computed &&
          callee.property.type === AST_NODE_TYPES.Identifier &&
          Object.hasOwn(FALLBACK_SINKS, callee.property.name))
      );
    },
  };
}

/** Keeps the SQL resolver per file (one kind table, so one resolver). */
export function getSqlKindResolver(context: FileContext): KindResolver<SqlSink> {
  return getKindResolver(context, SQL_KINDS, { modules: SQL_MODULES, methodResults: METHOD_RESULT_KINDS });
}

/** String-building options for SQL: `util.format` and pg-format's `format` are format calls. */
export function sqlStringBuildOptions(context: FileContext): StringBuildOptions {
  return {
    isFormatCall(call) {
      const target = resolveCallTarget(context, call.callee);
      if (!target?.module) {
        return false;
      }
      const path = target.path.join('.');
      return (target.module === 'util' && path === 'format') ||
        (SQL_FORMAT_MODULES.has(target.module) && (path === '' || path === 'format'));
    },
  };
}

/**
 * Every call in `calls` that receives SQL text: driver/ORM methods resolved through
 * imports and instances, configured extra sinks (`module#export.method` or names),
 * local wrappers that pass a parameter on to a sink, and — on receivers we cannot
 * resolve — query-like method names (flagged `needsSqlText`).
 * @example const q = (text) => pool.query(text); q(`SELECT ${id}`) // both calls; `q(...)` with the built text
 */
export function findSqlSinkCalls(
  context: FileContext,
  calls: readonly TSESTree.CallExpression[],
  extraSinks: readonly string[],
  options: FindSqlSinkOptions = {},
): SqlSinkCall[] {
  const resolver = getSqlKindResolver(context);
  const buildOptions = sqlStringBuildOptions(context);
  /** Arguments taken apart before their call was resolved, reused by the main loop. */
  const builds = new Map<TSESTree.Node, StringBuild>();
  const buildOf = (argument: TSESTree.Node): StringBuild => {
    let build = builds.get(argument);
    if (!build) {
      build = analyzeStringBuild(context, argument, buildOptions);
      builds.set(argument, build);
    }
    return build;
  };
  /**
   * Whether a call on an unresolved receiver, which needs SQL-looking text, can matter: its
   * argument reads as SQL, or it is a parameter passed on (a wrapper). Decided from the
   * argument alone, so that the receiver is resolved only for those calls.
   */
  const mayMatter = (call: TSESTree.CallExpression, sink: SqlSink): boolean => {
    const argument = sqlArgument(context, call, sink);
    if (!options.reportsOnly || !argument) {
      return true;
    }
    const build = buildOf(argument);
    if (build.built) {
      return looksLikeSql(approximateText(build));
    }
    const [piece] = build.pieces;
    if (build.pieces.length !== 1 || piece?.kind !== 'value' || piece.node.type !== AST_NODE_TYPES.Identifier) {
      return false;
    }
    const variable = variableFor(context, piece.node);
    return variable?.defs.length === 1 && variable.defs[0]!.type === 'Parameter';
  };
  /**
   * Whether a call that needs SQL text can matter at all: for reports only, not when no string of
   * the file could read as SQL (`mayContainSqlText`), which rules out every such call at once.
   */
  const textMayMatter = (): boolean => !options.reportsOnly || mayContainSqlText(context);
  const extras = compileNameSpecs(extraSinks);
  const wrappers = new Map<TSESLint.Scope.Variable, SinkOfCall>();
  /** The wrappers' names: a call of another name is not resolved to look for one. */
  const wrapperNames = new Set<string>();

  /**
   * A wrapper defined in another project file (`one(sql)` imported from `lib/db`), asked only for
   * a call with an argument that reads as SQL, in a file that may hold SQL text: the callee's
   * file is then summarised by this same engine, once per process.
   */
  const imported = (call: TSESTree.CallExpression, callee: TSESTree.Node): SinkOfCall | null => {
    // Only a name imported from a project file can be a wrapper there: one set lookup first.
    const root = callee.type === AST_NODE_TYPES.MemberExpression ? callee.object : callee;
    if (root.type !== AST_NODE_TYPES.Identifier || !projectImportNames(context).has(root.name)) {
      return null;
    }
    const trigger = options.followParameters
      ? (arg: TSESTree.Node): boolean => readsAsSql(arg) || isParameter(arg)
      : readsAsSql;
    if ((!options.followParameters && !textMayMatterForImports()) || !call.arguments.some((arg) => arg.type !== AST_NODE_TYPES.SpreadElement && trigger(arg))) {
      return null;
    }
    const found = importedSqlWrapper(context, callee, extraSinks);
    const argument = found ? sqlArgument(context, call, found.sink) : null;
    return found && argument && trigger(argument) ? found : null;
  };
  const isParameter = (argument: TSESTree.Node): boolean => {
    const node = skipTsWrappers(argument);
    const variable = node.type === AST_NODE_TYPES.Identifier ? variableFor(context, node) : null;
    return variable?.defs.length === 1 && variable.defs[0]!.type === 'Parameter';
  };
  const readsAsSql = (argument: TSESTree.Node): boolean => {
    const build = buildOf(argument);
    return build.built && looksLikeSql(approximateText(build));
  };
  const textMayMatterForImports = (): boolean => mayContainSqlText(context);

  const direct = (call: TSESTree.CallExpression): SinkOfCall | null => {
    const callee = skipTsWrappers(call.callee);
    const resolved = resolver.sinkOf(callee);
    if (resolved) {
      return { sink: resolved, needsSqlText: false };
    }
    const name = staticCalleeName(callee);
    if (extras.specs.length > 0 && matchNameSpec(context, callee, extras)) {
      return { sink: { arg: 0 }, needsSqlText: false };
    }
    if (callee.type === AST_NODE_TYPES.Identifier) {
      // Only a wrapper found in an earlier pass makes a plain name a sink by its binding.
      const variable = wrapperNames.has(callee.name) ? variableFor(context, callee) : undefined;
      const wrapper = variable ? wrappers.get(variable) : undefined;
      if (wrapper) {
        return wrapper;
      }
      const fromImport = imported(call, callee);
      if (fromImport) {
        return fromImport;
      }
      if (name === null || !FALLBACK_FUNCTION_NAMES.has(name) || !textMayMatter()) {
        return null;
      }
      const sink = FALLBACK_SINKS[name] ?? { arg: 0 };
      // Without an SQL-text argument the call is skipped anyway: decide that before resolving.
      if (!sqlArgument(context, call, sink) || !mayMatter(call, sink) || resolveFunction(context, callee) || isForeign(callee)) {
        return null;
      }
      return { sink, needsSqlText: true };
    }
    if (callee.type !== AST_NODE_TYPES.MemberExpression) {
      return null;
    }
    // `db.one(sql)` on a namespace import or a required module of the project.
    const fromImport = callee.object.type === AST_NODE_TYPES.Identifier ? imported(call, callee) : null;
    if (fromImport) {
      return fromImport;
    }
    if (name === null || !Object.hasOwn(FALLBACK_SINKS, name)) {
      return null;
    }
    const fallback = FALLBACK_SINKS[name]!;
    if (
      (!fallback.distinctive && !textMayMatter()) ||
      !sqlArgument(context, call, fallback) ||
      (!fallback.distinctive && !mayMatter(call, fallback)) ||
      resolver.kindOf(callee.object) !== null ||
      isForeign(callee.object)
    ) {
      return null;
    }
    return { sink: fallback, needsSqlText: !fallback.distinctive };
  };

  /** `isForeign` answers for names bound in the file: they depend on the binding alone. */
  const foreignBindings = new Map<TSESLint.Scope.Variable, Map<number, boolean>>();

  /**
   * A receiver that comes from a package we know nothing about (`child_process`, or
   * `new Redis()` from `ioredis`): following `const` initialisers, `new`, calls and members.
   */
  function isForeign(raw: TSESTree.Node, depth = 0): boolean {
    const node = skipTsWrappers(raw);
    if (depth > 6) {
      return false;
    }
    const variable = node.type === AST_NODE_TYPES.Identifier ? variableFor(context, node) : null;
    if (!variable || variable.defs.length === 0) {
      return computeForeign(node, depth);
    }
    let byDepth = foreignBindings.get(variable);
    if (!byDepth) {
      byDepth = new Map();
      foreignBindings.set(variable, byDepth);
    }
    let known = byDepth.get(depth);
    if (known === undefined) {
      known = computeForeign(node, depth);
      byDepth.set(depth, known);
    }
    return known;
  }

  function computeForeign(node: TSESTree.Node, depth: number): boolean {
    // A `const` name and a `.member` come from the module their initialiser / object comes
    // from, so follow those first: the same answer, without resolving a module-level name
    // (`express` in `const router = express.Router()`) once per top-level `router.get(…)` call.
    if (depth < 6) {
      const init = node.type === AST_NODE_TYPES.Identifier ? constInitOf(context, node) : null;
      if (init) {
        return isForeign(init, depth + 1);
      }
      if (node.type === AST_NODE_TYPES.MemberExpression && !node.computed && node.property.type === AST_NODE_TYPES.Identifier) {
        return isForeign(node.object, depth + 1);
      }
    }
    const target = resolveCallTarget(context, node);
    if (target?.module) {
      return !RELATIVE.test(target.module) && !Object.hasOwn(SQL_MODULES, target.module);
    }
    switch (node.type) {
      case AST_NODE_TYPES.Identifier: {
        const init = constInitOf(context, node);
        return init !== null && isForeign(init, depth + 1);
      }
      case AST_NODE_TYPES.AwaitExpression:
        return isForeign(node.argument, depth + 1);
      case AST_NODE_TYPES.NewExpression:
      case AST_NODE_TYPES.CallExpression:
        return isForeign(node.callee, depth + 1);
      case AST_NODE_TYPES.MemberExpression:
        return isForeign(node.object, depth + 1);
      default:
        return false;
    }
  }

  const found = new Map<TSESTree.CallExpression, SqlSinkCall>();
  // Wrappers of wrappers need another pass; three levels are plenty.
  let pending = calls;
  for (let pass = 0; pass < 4; pass++) {
    let added = false;
    for (const call of pending) {
      if (pass > 0 && found.has(call)) {
        continue;
      }
      const sink = direct(call);
      const argument = sink ? sqlArgument(context, call, sink.sink) : null;
      if (!sink || !argument) {
        continue;
      }
      const build = buildOf(argument);
      found.set(call, { call, ...sink, argument, build });
      const wrapper = build.built ? null : wrapperOf(context, call, build, sink.sink);
      if (wrapper && !options.wrappersOut?.has(wrapper.fn)) {
        options.wrappersOut?.set(wrapper.fn, { sink: wrapper.sink, needsSqlText: sink.needsSqlText });
      }
      if (wrapper?.variable && !wrappers.has(wrapper.variable)) {
        wrappers.set(wrapper.variable, { sink: wrapper.sink, needsSqlText: sink.needsSqlText });
        wrapperNames.add(wrapper.variable.name);
        added = true;
      }
    }
    if (!added) {
      break;
    }
    // Only calls of a plain name can be calls of a wrapper found since.
    pending = pending.filter((call) => !found.has(call) && skipTsWrappers(call.callee).type === AST_NODE_TYPES.Identifier);
  }
  return [...found.values()];
}

function sqlArgument(context: FileContext, call: TSESTree.CallExpression, sink: SqlSink): TSESTree.Node | null {
  const arg = call.arguments[sink.arg];
  if (!arg || arg.type === AST_NODE_TYPES.SpreadElement) {
    return null;
  }
  const node = skipTsWrappers(arg);
  if (node.type === AST_NODE_TYPES.ObjectExpression && sink.objectKey) {
    for (const prop of node.properties) {
      if (
        prop.type === AST_NODE_TYPES.Property &&
        !prop.computed &&
        ((prop.key.type === AST_NODE_TYPES.Identifier && prop.key.name === sink.objectKey) ||
          (prop.key.type === AST_NODE_TYPES.Literal && prop.key.value === sink.objectKey))
      ) {
        return prop.value;
      }
    }
    return null;
  }
  return isFunctionLike(node) ? null : arg;
}

/**
 * `function query(text, values) { return pool.query(text, values) }`: the enclosing named
 * function forwards its parameter as SQL text, so its own calls are sinks for that argument.
 * The values binding carries over when the next parameter is forwarded as the values too.
 */
function wrapperOf(
  context: FileContext,
  call: TSESTree.CallExpression,
  build: StringBuild,
  sink: SqlSink,
): { variable: TSESLint.Scope.Variable | null; fn: FunctionLike; sink: SqlSink } | null {
  const [piece] = build.pieces;
  if (build.pieces.length !== 1 || piece?.kind !== 'value' || piece.node.type !== AST_NODE_TYPES.Identifier) {
    return null;
  }
  const variable = variableFor(context, piece.node);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type !== 'Parameter') {
    return null;
  }
  const fn = def.node as FunctionLike;
  if (!isFunctionLike(fn) || fn.range[0] > call.range[0] || fn.range[1] < call.range[1]) {
    return null;
  }
  const index = fn.params.findIndex((param) =>
    param === def.name || (param.type === AST_NODE_TYPES.AssignmentPattern && param.left === def.name));
  if (index < 0) {
    return null;
  }
  // `exports.run = (sql) => pool.query(sql)` has no variable: its function still summarises the file.
  const fnVariable = functionVariable(context, fn);
  const nextParam = fn.params[index + 1];
  const valuesArg = call.arguments[sink.arg + 1];
  const forwardsValues = Boolean(
    sink.binding &&
    sink.binding !== 'question-statement' &&
    sink.binding !== 'prisma-tagged' &&
    valuesArg?.type === AST_NODE_TYPES.Identifier &&
    (nextParam?.type === AST_NODE_TYPES.AssignmentPattern ? nextParam.left : nextParam)?.type === AST_NODE_TYPES.Identifier &&
    valuesArg.name === ((nextParam?.type === AST_NODE_TYPES.AssignmentPattern ? nextParam.left : nextParam) as TSESTree.Identifier).name,
  );
  return {
    variable: fnVariable,
    fn,
    sink: forwardsValues ? { arg: index, binding: sink.binding! } : { arg: index },
  };
}

// ---- Wrappers defined in other project files ----

/** Wrapper-calls-wrapper hops followed across files (`one()` → `run()` in another file → `pool.query`). */
export const MAX_SQL_WRAPPER_HOPS = 2;

interface FileSummary {
  /** Wrappers of the file by function, with the sinks they reach. */
  readonly wrappers: ReadonlyMap<FunctionLike, SinkOfCall>;
}

/** Per parsed file, per merged sink list: the file's wrappers. */
/** Per parsed file and list of extra sinks: its wrappers. */
const SUMMARIES = perFileKey<WeakMap<readonly string[], FileSummary>>('SQL wrapper summaries');
/** Files being summarised: an import cycle answers "no wrapper" instead of recursing. */
const inProgress = new Set<TSESTree.Program>();
let hops = 0;

/** Every call of a file, in source order (for the summary of a file no rule walks). */
function callsOf(context: FileContext): TSESTree.CallExpression[] {
  const calls: TSESTree.CallExpression[] = [];
  const stack: TSESTree.Node[] = [context.sourceCode.ast];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === AST_NODE_TYPES.CallExpression) {
      calls.push(node);
    }
    pushChildNodes(context.sourceCode, node, stack, 'reversed');
  }
  return calls;
}

function summaryOf(context: FileContext, extraSinks: readonly string[]): FileSummary | null {
  const program = context.sourceCode.ast;
  const perSinks = perFile(context, SUMMARIES, () => new WeakMap());
  const known = perSinks.get(extraSinks);
  if (known) {
    return known;
  }
  if (inProgress.has(program) || hops >= MAX_SQL_WRAPPER_HOPS) {
    return null; // not memoised: asked again from fewer hops away, it gets the real answer
  }
  inProgress.add(program);
  hops++;
  const wrappers = new Map<FunctionLike, SinkOfCall>();
  try {
    findSqlSinkCalls(context, callsOf(context), extraSinks, { reportsOnly: true, wrappersOut: wrappers, followParameters: true });
  } finally {
    hops--;
    inProgress.delete(program);
  }
  const summary: FileSummary = { wrappers };
  perSinks.set(extraSinks, summary);
  return summary;
}

/**
 * The sink a call of `callee` is when `callee` is imported from another project file whose
 * function passes a parameter on as SQL text (`export const run = (sql, p) => pool.query(sql, p)`),
 * directly or through its own wrappers, up to `MAX_SQL_WRAPPER_HOPS` files away. `null` when
 * it is not an import of a project file, or the function is no wrapper. Never throws.
 * @example import { one } from './db'; one(`SELECT … ${id}`) // importedSqlWrapper(context, one) -> { sink: { arg: 0, … }, definedIn: 'lib/db.js' }
 */
export function importedSqlWrapper(context: FileContext, callee: TSESTree.Node, extraSinks: readonly string[]): SinkOfCall | null {
  try {
    const definition = importedDefinition(context, callee);
    const fn = definition && isFunctionLike(definition.node) ? definition.node : null;
    const summary = fn && definition ? summaryOf(definition.file.context, extraSinks) : null;
    const wrapper = fn ? summary?.wrappers.get(fn) : undefined;
    return wrapper && definition ? { ...wrapper, definedIn: displayPath(context, definition.file.filename) } : null;
  } catch {
    return null;
  }
}

