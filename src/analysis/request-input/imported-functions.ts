
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { importRoot, isFunctionLike, parameterName, parameterType, typeMadeOf } from '../../core/functions';
import type { FunctionLike } from '../../core/functions';
import { globalMentionSource, iterateModuleReferences, iteratePromisifiedCalls } from '../../core/modules';
import type { TraceMap } from '../../core/modules';
import { skipTsWrappers } from '../../core/static';
import { perFile, perFileKey } from '../../core/context';
import type { FileContext } from '../../core/context';
import { expressParams } from '../../frameworks/express';
import { FASTIFY_PARAMS } from '../../frameworks/fastify';
import { HONO_PARAMS } from '../../frameworks/hono';
import { KOA_PARAMS } from '../../frameworks/koa';
import { FILE_METHODS, getParamRole } from '../../frameworks/registry';
import { UPLOAD_WRITE_METHODS } from '../../data/fs';
import { SCHEMA_VALIDATED_INPUT_FRAMEWORKS } from '../../data/request-input';
import { childNodes } from '../../core/ast';
import { variableFor } from '../../core/variable-index';
import { unconfinedFilePath } from './file-responses';
import type { ParamRole } from '../../frameworks/types';
import { escapeRegExp } from '../../core/regexp';
import { displayPath, importedDefinition, importedFileMentions, importedNameMayHold } from '../../project/index';
import type { ProjectFile } from '../../project/index';
import { RequestInputAnalyzer, requestInputLists } from './tracker';
import type { RequestInputOptions, RequestInputOrigin, SeededRole, ValuePurpose } from './values';

/**
 * Functions of other project files followed from the linted file: a wrapper whose parameter
 * reaches a sink (`readUpload(name)` → `fs.readFile(path.join(DIR, name))`), and a handler
 * imported into a route registration (`router.get('/raw/:name', files.downloadFile)`). The
 * other file is analysed by this same tracker, with the parameter given a role from outside.
 */

/** A sink call: which arguments are the paths (the fs table's `pathArgs`). */
export interface PathSink {
  readonly pathArgs: readonly number[];
}

/** The options of a caller that passes none: one object, so that the summaries it asks for are memoised too. */
const DEFAULT_OPTIONS: RequestInputOptions = Object.freeze({});

/** Files followed from a caller through wrappers that call wrappers. */
export const MAX_WRAPPER_HOPS = 2;

/** The framework name of a parameter followed as a wrapper's: its origin says which one. */
const WRAPPER_SEED = '\0wrapper-parameter';

/** The sinks one parameter reaches: their names as written (`fs.readFile`). */
type ParameterSinks = readonly (string | undefined)[];

/**
 * What the parameters of a function reach: `sinks`, and for each whether it reaches its sink as
 * an archive whose entry names make the path (`archives`, Zip Slip) rather than as the path itself.
 */
interface ParameterSummary {
  readonly sinks: ParameterSinks;
  readonly archives: readonly boolean[];
}

/**
 * Per parsed file, trace map and option set (the rule's options, whose sources and sanitisers
 * decide what a parameter reaches): the parameter sinks of each function, per hop count it was
 * asked from. A summary asked from one hop away follows fewer further wrappers than one asked
 * directly; keyed by the hops, each is the same whichever file asked first (lint order and the
 * set of files linted before never change a finding).
 */
const SUMMARIES = perFileKey<WeakMap<object, WeakMap<RequestInputOptions, Map<FunctionLike, ParameterSummary | null>[]>>>('wrapper summaries');
const inProgress = new Set<FunctionLike>();
let hops = 0;


function calleeText(context: FileContext, call: TSESTree.CallExpression | TSESTree.NewExpression): string {
  const text = context.sourceCode.getText(call.callee).replace(/\s+/gu, '');
  return text.length > 40 ? 'this call' : call.type === AST_NODE_TYPES.NewExpression ? `new ${text}` : text;
}

/**
 * The value reaching each sink argument in `file`, with the sink's name: the sinks of the trace
 * map, and calls of wrappers imported from further files (within `MAX_WRAPPER_HOPS`).
 */
function* sinkArguments<T extends PathSink>(
  file: FileContext,
  traceMap: Readonly<Record<string, TraceMap<T>>>,
  globals: Readonly<TraceMap<T>> | undefined,
  options: RequestInputOptions,
  within: FunctionLike | null,
): Generator<{ readonly node: TSESTree.Node; readonly sink: string }> {
  const inside = (node: TSESTree.Node): boolean => !within || (within.range[0] <= node.range[0] && node.range[1] <= within.range[1]);
  const argumentsOf = function* (call: TSESTree.CallExpression | TSESTree.NewExpression, info: T): Generator<{ readonly node: TSESTree.Node; readonly sink: string }> {
    for (const index of info.pathArgs) {
      const arg = call.arguments[index];
      if (arg) {
        yield { node: arg.type === AST_NODE_TYPES.SpreadElement ? arg.argument : arg, sink: calleeText(file, call) };
      }
    }
  };
  for (const ref of iterateModuleReferences(file, traceMap, globals)) {
    if ((ref.kind === 'call' || ref.kind === 'construct') && inside(ref.node)) {
      yield* argumentsOf(ref.node as TSESTree.CallExpression | TSESTree.NewExpression, ref.info);
    }
  }
  // `const run = promisify(exec)`, `util.promisify(fs.readFile)`: the result takes the same arguments.
  for (const { node, info } of iteratePromisifiedCalls(file, traceMap)) {
    if (inside(node)) {
      yield* argumentsOf(node, info);
    }
  }
}

/** Which sink (if any) each parameter of `fn` (a function of `file`) reaches without a sanitiser. */
function parameterSinks<T extends PathSink>(
  file: ProjectFile,
  fn: FunctionLike,
  traceMap: Readonly<Record<string, TraceMap<T>>>,
  globals: Readonly<TraceMap<T>> | undefined,
  options: RequestInputOptions,
): ParameterSummary | null {
  const perMap = perFile(file.context, SUMMARIES, () => new WeakMap());
  let perOptions = perMap.get(traceMap);
  if (!perOptions) {
    perOptions = new WeakMap();
    perMap.set(traceMap, perOptions);
  }
  let perHops = perOptions.get(options);
  if (!perHops) {
    perHops = [];
    perOptions.set(options, perHops);
  }
  if (inProgress.has(fn) || hops >= MAX_WRAPPER_HOPS) {
    return null; // not memoised: asked from fewer hops away, it gets the real answer
  }
  const perFn = (perHops[hops] ??= new Map());
  if (perFn.has(fn)) {
    return perFn.get(fn)!;
  }
  inProgress.add(fn);
  hops++;
  const lists = requestInputLists(file.context, options);
  const result: (string | undefined)[] = [];
  const archives: boolean[] = [];
  try {
    // One parameter at a time, so that a sink reached by two parameters names both.
    for (let index = 0; index < fn.params.length; index++) {
      const param = fn.params[index]!;
      if (param.type === AST_NODE_TYPES.RestElement) {
        break;
      }
      const seeds: (SeededRole | undefined)[] = [];
      seeds[index] = { role: { kind: 'input', description: `parameter ${index}` }, framework: WRAPPER_SEED };
      const analyzer = new RequestInputAnalyzer(file.context, lists.sources, lists.sanitizers, new Map([[fn, seeds]]), options.purpose ?? 'path');
      for (const use of sinkArguments(file.context, traceMap, globals, options, null)) {
        const found = analyzer.classify(use.node);
        if (found.kind === 'input' && found.origin.framework === WRAPPER_SEED) {
          result[index] = use.sink;
          archives[index] = found.origin.archive !== undefined;
          break;
        }
      }
      if (result[index] === undefined) {
        // A call of a wrapper from a further file that this parameter reaches.
        for (const use of importedWrapperUses(file.context, traceMap, globals, options)) {
          const found = analyzer.classify(use.node);
          if (found.kind === 'input' && found.origin.framework === WRAPPER_SEED) {
            result[index] = `${use.name} → ${use.sink}`;
            archives[index] = found.origin.archive !== undefined || use.archive;
            break;
          }
        }
      }
    }
  } finally {
    hops--;
    inProgress.delete(fn);
  }
  const answer = result.some((sink) => sink !== undefined) ? { sinks: result, archives } : null;
  perFn.set(fn, answer);
  return answer;
}

/** Calls, in `file`, of functions imported from project files whose parameter reaches a sink. */
function* importedWrapperUses<T extends PathSink>(
  file: FileContext,
  traceMap: Readonly<Record<string, TraceMap<T>>>,
  globals: Readonly<TraceMap<T>> | undefined,
  options: RequestInputOptions,
): Generator<{ readonly node: TSESTree.Node; readonly sink: string; readonly name: string; readonly archive: boolean }> {
  if (hops >= MAX_WRAPPER_HOPS) {
    return;
  }
  for (const call of importedCalls(file)) {
    const wrapper = importedPathWrapper(file, call.callee, traceMap, globals, options);
    for (const [index, sink] of (wrapper?.params ?? []).entries()) {
      const arg = sink === undefined ? undefined : call.arguments[index];
      if (arg && wrapper) {
        yield { node: arg.type === AST_NODE_TYPES.SpreadElement ? arg.argument : arg, sink: sink!, name: wrapper.name, archive: wrapper.archives[index] === true };
      }
    }
  }
}

/** Calls of an imported name (or `ns.name`) in a file, found through its import bindings. */
function importedCalls(file: FileContext): TSESTree.CallExpression[] {
  const calls: TSESTree.CallExpression[] = [];
  const scope = file.sourceCode.scopeManager?.globalScope;
  const module = scope?.childScopes.find((s) => s.type === 'module') ?? scope;
  for (const variable of module?.variables ?? []) {
    const def = variable.defs[0];
    if (!def || (def.type !== 'ImportBinding' && def.type !== 'Variable')) {
      continue;
    }
    for (const ref of variable.references) {
      const id = ref.identifier as TSESTree.Node;
      const parent = id.parent;
      const callee = parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === id ? parent : id;
      const call = callee.parent;
      if (call?.type === AST_NODE_TYPES.CallExpression && call.callee === callee && call.arguments.length > 0) {
        calls.push(call);
      }
    }
  }
  return calls;
}

/** An imported function whose parameters reach sinks: its name, file and the sink each parameter reaches. */
export interface ImportedPathWrapper {
  readonly name: string;
  /** The file that defines it, relative to the project root. */
  readonly definedIn: string;
  /** Indexed like the parameters: the sink a parameter reaches, or `undefined`. */
  readonly params: ParameterSinks;
  /** Indexed like the parameters: reaches its sink as an archive whose entry names make the path (Zip Slip). */
  readonly archives: readonly boolean[];
  /** Indexed like the parameters: declared as a number or a boolean (`port: number`), which no text can break out of. */
  readonly scalar: readonly boolean[];
}

/** A number or a boolean: `number`, `boolean`, `bigint`, `8080`, `true`. */
function isScalarLeaf(node: TSESTree.TypeNode): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.TSNumberKeyword:
    case AST_NODE_TYPES.TSBooleanKeyword:
    case AST_NODE_TYPES.TSBigIntKeyword:
      return true;
    case AST_NODE_TYPES.TSLiteralType:
      return node.literal.type === AST_NODE_TYPES.Literal && (typeof node.literal.value === 'number' || typeof node.literal.value === 'boolean');
    default:
      return false;
  }
}

/** Whether a parameter is declared as a number or boolean: `port: number`, `port: number = 80`, `verbose?: boolean`, `8080 | 8443`. */
function isScalarParameter(param: TSESTree.Parameter): boolean {
  const annotation = parameterType(param);
  return annotation != null && typeMadeOf(annotation, isScalarLeaf);
}

/**
 * Whether request input from `origin`, passed as argument `index` of `wrapper`, cannot carry text:
 * the parameter is declared a number or boolean and the input was validated by a schema before
 * the handler got it (tRPC: `checkPortInUse(input.externalPort)` with `checkPortInUse(port: number)`).
 * Input that is not validated (`req.body.port` is whatever the client sent) keeps its report.
 */
export function passesValidatedScalar(wrapper: ImportedPathWrapper, index: number, origin: RequestInputOrigin): boolean {
  return wrapper.scalar[index] === true && SCHEMA_VALIDATED_INPUT_FRAMEWORKS.has(origin.framework);
}

/**
 * Whether `name` is imported from a project file that mentions one of the sinks' modules (or
 * re-exports): the only names `isImportedCallee` can answer `true` for, once per file and name.
 */
export function mayBePathWrapper<T>(
  context: FileContext,
  name: string,
  traceMap: Readonly<Record<string, TraceMap<T>>>,
  globals?: Readonly<TraceMap<T>>,
): boolean {
  return importedNameMayHold(context, name, sinkMentionPattern(traceMap, globals));
}

/**
 * Whether `callee` names an import (`readUpload`, `storage.readUpload`) of a project file that
 * mentions one of the sinks' modules (or re-exports): the cheap test before following it, read
 * from the file's text without parsing it.
 */
export function isImportedCallee<T>(
  context: FileContext,
  callee: TSESTree.Node,
  traceMap: Readonly<Record<string, TraceMap<T>>>,
  globals?: Readonly<TraceMap<T>>,
): boolean {
  const node = skipTsWrappers(callee);
  const id = importRoot(node);
  return id !== null && mayBePathWrapper(context, id.name, traceMap, globals) && importedFileMentions(context, node, sinkMentionPattern(traceMap, globals));
}

/** Per trace map and globals: what a file must mention to use one of their sinks (a module specifier or a global). */
const sinkMentions = new WeakMap<object, Map<object | undefined, RegExp>>();

/** The pattern kept in `memo` for the pair (`traceMap`, `globals`), made by `make` the first time. */
function patternFor(memo: WeakMap<object, Map<object | undefined, RegExp>>, traceMap: object, globals: object | undefined, make: () => RegExp): RegExp {
  let byGlobals = memo.get(traceMap);
  if (!byGlobals) {
    byGlobals = new Map();
    memo.set(traceMap, byGlobals);
  }
  let pattern = byGlobals.get(globals);
  if (!pattern) {
    pattern = make();
    byGlobals.set(globals, pattern);
  }
  return pattern;
}

/** What the text of a file must mention to use one of the sinks of `traceMap` or `globals`: a module specifier, or a global used as code. */
export function sinkMentionPattern(traceMap: object, globals: object | undefined): RegExp {
  return patternFor(sinkMentions, traceMap, globals, () => {
    const modules = Object.keys(traceMap).map((name) => `['"](?:node:)?${escapeRegExp(name)}['"]`);
    // A global only as code can use it (`fetch(`, `globalThis.fetch`): not the word in prose or prompts.
    const names = Object.entries(globals ?? {}).map(([name, trace]) => globalMentionSource(name, trace as TraceMap<unknown>));
    return new RegExp([...modules, ...names].join('|') || '(?!)', 'u');
  });
}

/** Methods called on a handler's response or an uploaded file that read or write the path they are given. */
const HANDLER_METHODS: ReadonlySet<string> = new Set([...FILE_METHODS.keys(), ...UPLOAD_WRITE_METHODS]);
/** Per trace map and globals: what a handler's file must mention to hold a sink: a sink's module or global, or a handler method call. */
const handlerMentions = new WeakMap<object, Map<object | undefined, RegExp>>();

function handlerMentionsOf(traceMap: object, globals: object | undefined): RegExp {
  return patternFor(handlerMentions, traceMap, globals, () => {
    const methods = `\\.\\s*(?:${[...HANDLER_METHODS].map(escapeRegExp).join('|')})\\s*\\(`;
    return new RegExp(`${sinkMentionPattern(traceMap, globals).source}|${methods}`, 'u');
  });
}

/**
 * Whether `name` is imported from a project file that can hold a handler with a sink: one that
 * mentions a sink's module, or calls a response's file method or an upload's `mv` (read from the
 * file's text, once per file and name).
 */
export function mayBeImportedHandler<T>(
  context: FileContext,
  name: string,
  traceMap: Readonly<Record<string, TraceMap<T>>>,
  globals?: Readonly<TraceMap<T>>,
): boolean {
  return importedNameMayHold(context, name, handlerMentionsOf(traceMap, globals));
}

/** Whether `node` (`files.download`, `download`) names an import of a file that can hold a handler with a sink (see `mayBeImportedHandler`). */
export function isImportedHandler<T>(
  context: FileContext,
  node: TSESTree.Node,
  traceMap: Readonly<Record<string, TraceMap<T>>>,
  globals?: Readonly<TraceMap<T>>,
): boolean {
  const plain = skipTsWrappers(node);
  const id = plain.type === AST_NODE_TYPES.MemberExpression ? skipTsWrappers(plain.object) : plain;
  const pattern = handlerMentionsOf(traceMap, globals);
  return id.type === AST_NODE_TYPES.Identifier && importedNameMayHold(context, id.name, pattern) && importedFileMentions(context, plain, pattern);
}

/**
 * The wrapper a call of `callee` calls, when `callee` is imported from another project file
 * and a parameter of that function reaches one of the sinks of `traceMap` unsanitised
 * (`export const readUpload = (name) => fs.readFile(path.join(DIR, name))`). Summaries are
 * memoised per (parse of the other file, function). `null` otherwise; never throws.
 * @example importedPathWrapper(context, readUploadId, FS_TRACE_MAP, FS_GLOBAL_TRACE_MAP)?.params // ['fs.readFile']
 */
export function importedPathWrapper<T extends PathSink>(
  context: FileContext,
  callee: TSESTree.Node,
  traceMap: Readonly<Record<string, TraceMap<T>>>,
  globals?: Readonly<TraceMap<T>>,
  options: RequestInputOptions = DEFAULT_OPTIONS,
): ImportedPathWrapper | null {
  try {
    // A file that names none of the sinks' modules cannot hold a wrapper of them: not parsed.
    const definition = importedDefinition(context, skipTsWrappers(callee), undefined, { mentions: sinkMentionPattern(traceMap, globals) });
    if (!definition || !isFunctionLike(definition.node)) {
      return null;
    }
    const summary = parameterSinks(definition.file, definition.node, traceMap, globals, options);
    return summary
      ? { name: definition.name, definedIn: displayPath(context, definition.file.filename), params: summary.sinks, archives: summary.archives, scalar: definition.node.params.map(isScalarParameter) }
      : null;
  } catch {
    return null;
  }
}

/** A call of an imported wrapper (see `importedPathWrapper`), with the wrapper. */
export interface ImportedPathWrapperCall {
  readonly call: TSESTree.CallExpression;
  readonly wrapper: ImportedPathWrapper;
}

/**
 * The calls among `calls` of imported functions that pass a parameter to a sink of `traceMap`,
 * each with its wrapper. The wrapper's summary is read before anything about the call's arguments
 * is worked out: a call of a function that reaches no sink costs a lookup, not a data-flow walk.
 * @example importedPathWrapperCalls(context, [readUpload(req.params.name)], FS_TRACE_MAP)[0]?.wrapper.params // ['fs.readFile']
 */
export function importedPathWrapperCalls<T extends PathSink>(
  context: FileContext,
  calls: readonly TSESTree.CallExpression[],
  traceMap: Readonly<Record<string, TraceMap<T>>>,
  globals?: Readonly<TraceMap<T>>,
  options: RequestInputOptions = DEFAULT_OPTIONS,
): ImportedPathWrapperCall[] {
  const found: ImportedPathWrapperCall[] = [];
  for (const call of calls) {
    if (!isImportedCallee(context, call.callee, traceMap, globals)) {
      continue;
    }
    const wrapper = importedPathWrapper(context, call.callee, traceMap, globals, options);
    if (wrapper?.params.some((sink) => sink !== undefined)) {
      found.push({ call, wrapper });
    }
  }
  return found;
}

/** Parameter roles of a handler registered with a router framework, for a function the registration imports. */
const HANDLER_PARAMS: Readonly<Record<string, (fn: FunctionLike) => readonly (ParamRole | undefined)[]>> = {
  express: expressParams,
  fastify: () => FASTIFY_PARAMS,
  koa: () => KOA_PARAMS,
  hono: () => HONO_PARAMS,
};

/** A sink reached by request input inside a handler defined in another file. */
export interface ImportedHandlerSink {
  readonly sink: string;
  readonly origin: RequestInputOrigin;
  /** The handler's name and file (relative to the project root). */
  readonly name: string;
  readonly definedIn: string;
}

/**
 * The sinks that request input reaches inside a handler imported into a route registration
 * (`router.get('/raw/:name', files.downloadFile)`), analysed as the registration's framework
 * would call it. Only for a function its own file does not already judge a handler (that file's
 * lint reports it there). `[]` otherwise; never throws.
 */
export function importedHandlerSinks<T extends PathSink>(
  context: FileContext,
  handler: TSESTree.Node,
  framework: string,
  traceMap: Readonly<Record<string, TraceMap<T>>>,
  globals?: Readonly<TraceMap<T>>,
  options: RequestInputOptions = DEFAULT_OPTIONS,
): ImportedHandlerSink[] {
  try {
    const paramsOf = HANDLER_PARAMS[framework];
    const definition = paramsOf ? importedDefinition(context, skipTsWrappers(handler)) : null;
    const fn = definition && isFunctionLike(definition.node) ? definition.node : null;
    if (!fn || !definition || !paramsOf || fn.params.some((_, index) => getParamRole(definition.file.context, fn, index))) {
      return [];
    }
    const seeds = paramsOf(fn).map((role): SeededRole | undefined => (role ? { role, framework } : undefined));
    const lists = requestInputLists(definition.file.context, options);
    const analyzer = new RequestInputAnalyzer(definition.file.context, lists.sources, lists.sanitizers, new Map([[fn, seeds]]));
    const found: ImportedHandlerSink[] = [];
    const definedIn = displayPath(context, definition.file.filename);
    const responseIndex = seeds.findIndex((seed) => seed?.role.kind === 'response');
    const uses = [...sinkArguments(definition.file.context, traceMap, globals, options, fn), ...handlerMethodArguments(definition.file.context, fn, responseIndex, analyzer)];
    for (const use of uses) {
      const result = analyzer.classify(use.node);
      if (result.kind === 'input') {
        found.push({ sink: use.sink, origin: result.origin, name: definition.name, definedIn });
      }
    }
    return found;
  } catch {
    return [];
  }
}

/** Per handler: the calls of `HANDLER_METHODS` in it (nested callbacks included), found once. */
const handlerMethodCalls = new WeakMap<FunctionLike, TSESTree.CallExpression[]>();

function methodCallsIn(file: FileContext, fn: FunctionLike): TSESTree.CallExpression[] {
  let calls = handlerMethodCalls.get(fn);
  if (!calls) {
    const found: TSESTree.CallExpression[] = [];
    const visit = (node: TSESTree.Node): void => {
      if (node.type === AST_NODE_TYPES.CallExpression) {
        const callee = skipTsWrappers(node.callee);
        if (callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier && HANDLER_METHODS.has(callee.property.name)) {
          found.push(node);
        }
      }
      for (const child of childNodes(file.sourceCode, node)) {
        visit(child);
      }
    };
    visit(fn.body);
    calls = found;
    handlerMethodCalls.set(fn, calls);
  }
  return calls;
}

/**
 * The paths a handler of another file gives to its response's file methods without a `root`
 * (`res.download(dir + req.params.name)`, the response being parameter `responseIndex`) and to
 * uploaded files' `mv(path)`, with the call's name.
 */
function* handlerMethodArguments(
  file: FileContext,
  fn: FunctionLike,
  responseIndex: number,
  analyzer: RequestInputAnalyzer,
): Generator<{ readonly node: TSESTree.Node; readonly sink: string }> {
  const response = responseIndex >= 0 ? fn.params[responseIndex] : undefined;
  for (const call of methodCallsIn(file, fn)) {
    const callee = skipTsWrappers(call.callee) as TSESTree.MemberExpression;
    const method = (callee.property as TSESTree.Identifier).name;
    const receiver = skipTsWrappers(callee.object);
    let arg: TSESTree.Node | null | undefined = null;
    if (FILE_METHODS.has(method) && response?.type === AST_NODE_TYPES.Identifier && receiver.type === AST_NODE_TYPES.Identifier) {
      const def = variableFor(file, receiver)?.defs[0];
      arg = def?.type === 'Parameter' && def.name === response ? unconfinedFilePath(file, call, method) : null;
    } else if (UPLOAD_WRITE_METHODS.has(method)) {
      const index = analyzer.uploadWriteArgument(receiver, method);
      arg = index === null ? null : call.arguments[index];
    }
    if (arg) {
      yield { node: arg.type === AST_NODE_TYPES.SpreadElement ? arg.argument : arg, sink: calleeText(file, call) };
    }
  }
}

const REQUEST_NAMES = new Set(['req', 'request']);
const RESPONSE_NAMES = new Set(['res', 'response', 'reply']);

/** `exports.x = fn`, `module.exports.x = fn`, `export const x = fn`, `export function x`, a top-level `function x`. */
function isExportedShape(fn: FunctionLike): boolean {
  const parent = fn.parent;
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) {
    return parent.type === AST_NODE_TYPES.Program || parent.type === AST_NODE_TYPES.ExportNamedDeclaration || parent.type === AST_NODE_TYPES.ExportDefaultDeclaration;
  }
  if (parent.type === AST_NODE_TYPES.VariableDeclarator) {
    return parent.parent.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration || parent.parent.parent?.type === AST_NODE_TYPES.Program;
  }
  if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === fn && parent.left.type === AST_NODE_TYPES.MemberExpression) {
    const object = parent.left.object;
    return (object.type === AST_NODE_TYPES.Identifier && object.name === 'exports') ||
      (object.type === AST_NODE_TYPES.MemberExpression && object.object.type === AST_NODE_TYPES.Identifier && object.object.name === 'module');
  }
  return false;
}

/**
 * A function with request and response parameters that a handler object or an exported object or
 * class holds for a routes file to register (`router.post('/x', handler.handleX)`):
 * `this.handleX = (req, res, next) => …` in a function of the file's top level (a handler object's
 * constructor, NodeGoat's shape) or a class constructor; `{ getSysinfo: (req, res) => … }` or
 * `{ getSysinfo(req, res) {…} }` assigned to `module.exports`/`exports.x`, exported, or bound at
 * the top level; a method of a class declared at the top level or exported.
 */
function isHandlerMember(fn: FunctionLike): boolean {
  const first = parameterName(fn.params[0]);
  const second = parameterName(fn.params[1]);
  if (first === null || !REQUEST_NAMES.has(first) || second === null || !RESPONSE_NAMES.has(second)) {
    return false;
  }
  const parent = fn.parent;
  if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === fn && parent.left.type === AST_NODE_TYPES.MemberExpression && parent.left.object.type === AST_NODE_TYPES.ThisExpression) {
    let outer: TSESTree.Node | undefined = parent.parent;
    while (outer && !isFunctionLike(outer)) {
      outer = outer.parent;
    }
    return outer !== undefined && (isExportedShape(outer) || (outer.parent?.type === AST_NODE_TYPES.MethodDefinition && outer.parent.kind === 'constructor' && isTopLevelClass(outer.parent.parent.parent)));
  }
  if (parent.type === AST_NODE_TYPES.Property && parent.value === fn && parent.parent.type === AST_NODE_TYPES.ObjectExpression) {
    const holder = parent.parent.parent;
    return (
      (holder.type === AST_NODE_TYPES.AssignmentExpression && holder.right === parent.parent && holder.left.type === AST_NODE_TYPES.MemberExpression && isModuleExportsTarget(holder.left)) ||
      holder.type === AST_NODE_TYPES.ExportDefaultDeclaration ||
      (holder.type === AST_NODE_TYPES.VariableDeclarator && (holder.parent.parent?.type === AST_NODE_TYPES.Program || holder.parent.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration))
    );
  }
  if (parent.type === AST_NODE_TYPES.MethodDefinition && parent.kind === 'method' && !parent.static) {
    return isTopLevelClass(parent.parent.parent);
  }
  return false;
}

/** `module.exports`, `module.exports.x` or `exports.x`. */
function isModuleExportsTarget(left: TSESTree.MemberExpression): boolean {
  const isModuleExports = (node: TSESTree.Node): boolean =>
    node.type === AST_NODE_TYPES.MemberExpression && node.object.type === AST_NODE_TYPES.Identifier && node.object.name === 'module' && node.property.type === AST_NODE_TYPES.Identifier && node.property.name === 'exports';
  return isModuleExports(left) || isModuleExports(left.object) || (left.object.type === AST_NODE_TYPES.Identifier && left.object.name === 'exports');
}

/** A class declared at the file's top level or exported (`export class`, `export default class`). */
function isTopLevelClass(node: TSESTree.Node | undefined): boolean {
  if (node?.type !== AST_NODE_TYPES.ClassDeclaration && node?.type !== AST_NODE_TYPES.ClassExpression) {
    return false;
  }
  const parent = node.parent;
  return parent?.type === AST_NODE_TYPES.Program || parent?.type === AST_NODE_TYPES.ExportNamedDeclaration || parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration;
}

/** The controller a node sits in: its function and the roles of its parameters, framework given. */
export interface ControllerSeeds {
  readonly fn: FunctionLike;
  readonly seeds: ReadonlyMap<FunctionLike, readonly (SeededRole | undefined)[]>;
}

const controllerSeedMemo = new WeakMap<FunctionLike, ControllerSeeds | null>();

/**
 * The top-level controller function `node` sits in, when its file exports it in a shape a routes
 * file registers (`exports.ping = (req, res) => …`, `export async function ping(req, res)`) and
 * never registers it itself: its parameters seeded as an Express (`(req, res)`) or Fastify
 * (`(request, reply)`) handler's. `null` otherwise. For analyzers that build the seeded tracker
 * themselves (the SSRF engine's unguarded one); `controllerAnalyzer` builds the plain one.
 */
export function controllerSeeds(context: FileContext, node: TSESTree.Node): ControllerSeeds | null {
  // The outermost function, or a handler member of it (`this.handleX = (req, res) => …` in a
  // handler object's constructor, a `(req, res)` property or method of an exported object or class).
  let fn: FunctionLike | null = null;
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionLike(current)) {
      fn = current;
      if (isHandlerMember(current)) {
        break;
      }
    }
  }
  if (!fn) {
    return null;
  }
  if (controllerSeedMemo.has(fn)) {
    return controllerSeedMemo.get(fn)!;
  }
  const first = parameterName(fn.params[0]);
  const second = parameterName(fn.params[1]);
  let found: ControllerSeeds | null = null;
  if (first !== null && REQUEST_NAMES.has(first) && second !== null && RESPONSE_NAMES.has(second) && (isExportedShape(fn) || isHandlerMember(fn)) && !getParamRole(context, fn, 0)) {
    const framework = second === 'reply' ? 'fastify' : 'express';
    const roles = framework === 'fastify' ? FASTIFY_PARAMS : expressParams(fn);
    const seeds = roles.map((role): SeededRole | undefined => (role ? { role, framework } : undefined));
    found = { fn, seeds: new Map([[fn, seeds]]) };
  }
  controllerSeedMemo.set(fn, found);
  return found;
}

/** Per controller function, per vocabulary (lists) and purpose: its analyzer. */
const controllerAnalyzers = new WeakMap<FunctionLike, WeakMap<object, Map<ValuePurpose, RequestInputAnalyzer>>>();

/**
 * For a node inside a top-level controller function that its own file never registers
 * (`exports.getAvatar = async (req, res) => { … }`, registered by a routes file): an analyzer that
 * reads its parameters as an Express (`(req, res)`) or Fastify (`(request, reply)`) handler's,
 * with the vocabulary and purpose of `options`. Used for values the file's analyzer leaves
 * unknown (see `controllerSeeds`). `null` when the node is in no such function, or the function
 * is already a handler of its file.
 */
export function controllerAnalyzer(context: FileContext, node: TSESTree.Node, options: RequestInputOptions = DEFAULT_OPTIONS): RequestInputAnalyzer | null {
  const controller = controllerSeeds(context, node);
  if (!controller) {
    return null;
  }
  const lists = requestInputLists(context, options);
  const purpose = options.purpose ?? 'path';
  let byLists = controllerAnalyzers.get(controller.fn);
  if (!byLists) {
    byLists = new WeakMap();
    controllerAnalyzers.set(controller.fn, byLists);
  }
  let byPurpose = byLists.get(lists);
  if (!byPurpose) {
    byPurpose = new Map();
    byLists.set(lists, byPurpose);
  }
  let analyzer = byPurpose.get(purpose);
  if (!analyzer) {
    analyzer = new RequestInputAnalyzer(context, lists.sources, lists.sanitizers, controller.seeds, purpose);
    byPurpose.set(purpose, analyzer);
  }
  return analyzer;
}
