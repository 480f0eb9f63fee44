import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { perFile, perFileKey } from '../../core/context';
import type { FileContext } from '../../core/context';
import { enclosingFunction, isFunctionLike } from '../../core/functions';
import type { FunctionLike } from '../../core/functions';
import type { TraceMap } from '../../core/modules';
import { dereference, skipTsWrappers } from '../../core/static';
import { HTTP_CLIENT_GLOBALS, NEST_HTTP_SERVICE } from '../../data/http-clients';
import type { HttpClientFamily } from '../../data/http-clients';
import { EXTRA_SINK_GLOBALS, EXTRA_SINK_MODULES } from '../../data/ssrf';
import { displayPath, importedDefinition, importedFileMayReach, importedNameCalls, projectFile } from '../../project/index';
import type { FileTest, ProjectFile } from '../../project/index';
import { isImportedCallee, MAX_WRAPPER_HOPS, mayBePathWrapper, requestInputLists, sinkMentionPattern } from '../request-input/index';
import type { RequestInputOrigin } from '../request-input/index';
import { isEncodedSegment, UrlAuthority } from './authority';
import type { ControlledAuthority } from './authority';
import { judgeHostChecks } from './host-checks';
import { UnguardedAnalyzer } from './input';
import type { UrlInputAnalyzer } from './input';
import type { ControlledRequest, SsrfJudgeOptions } from './judge';
import { judgeSink } from './judge';
import { extraSinks, httpClientSinks } from './sinks';
import type { SsrfSink } from './sinks';

/**
 * Functions of other project files that send a request to a URL built from one of their
 * parameters (`getJson(url)` → `fetch(url)`, `fetchUser(id)` → `` axios.get(`https://api/users/${id}`) ``),
 * followed from a call whose argument is request input. The other file's sinks are judged by
 * `judgeSink` with a tracker that reads the parameter as input, so its host checks count there;
 * a call of such a function from a further file is followed as well (`MAX_WRAPPER_HOPS` files).
 */

/** The framework name of a parameter followed as a wrapper's: its origin says it is the parameter. */
const WRAPPER_SEED = '\0ssrf-wrapper-parameter';

/** What a request of a wrapper does with one of its parameters. */
export interface WrapperRequest {
  /** The sink as written in the wrapper's file (`fetch`, `axios.get`), after the wrappers in between (`getJson → fetch`). */
  readonly sink: string;
  readonly family: HttpClientFamily | null;
  /** Where the parameter decides the authority, as the wrapper's own request was judged (host checks there applied). */
  readonly request: ControlledRequest;
}

/** What one parameter of a wrapper reaches. */
export interface ParameterRequests {
  /** A request whose authority (scheme, host, port) the parameter decides, unchecked. */
  readonly host: WrapperRequest | null;
  /** A request with the parameter in a path segment after a fixed origin, not encoded (the sink's name). */
  readonly path: string | null;
}

/** An imported function with what one of its parameters reaches. */
export interface ImportedSsrfWrapper extends ParameterRequests {
  readonly name: string;
  /** The file that defines it, relative to the project root. */
  readonly definedIn: string;
}

/** Per HTTP-client module map: the map the mention pre-check reads (the extra sinks' modules added). */
const mentionMaps = new WeakMap<object, Readonly<Record<string, TraceMap<unknown>>>>();
const MENTION_GLOBALS: TraceMap<unknown> = { ...HTTP_CLIENT_GLOBALS, ...EXTRA_SINK_GLOBALS };

function mentionMap(moduleMap: Readonly<Record<string, unknown>>): Readonly<Record<string, TraceMap<unknown>>> {
  let map = mentionMaps.get(moduleMap);
  if (!map) {
    // `@nestjs/axios`: a service with an injected HttpService makes requests without naming axios.
    map = { ...(moduleMap as Readonly<Record<string, TraceMap<unknown>>>), ...EXTRA_SINK_MODULES, [NEST_HTTP_SERVICE.module]: {} };
    mentionMaps.set(moduleMap, map);
  }
  return map;
}

/**
 * Whether `name` is imported from a project file that mentions an HTTP client or another SSRF sink
 * (or imports a file that does): the names whose calls can reach a wrapper, read from file texts
 * once per file and name, the pre-check `no-unsanitized-fs-path` makes for its wrappers.
 */
export function mayBeSsrfWrapper(context: FileContext, name: string, moduleMap: Readonly<Record<string, unknown>>): boolean {
  return mayBePathWrapper(context, name, mentionMap(moduleMap), MENTION_GLOBALS);
}

/** Whether `callee` (`getJson`, `http.getJson`) names an import of a file that passes `mayBeSsrfWrapper`. */
export function isImportedSsrfCallee(context: FileContext, callee: TSESTree.Node, moduleMap: Readonly<Record<string, unknown>>): boolean {
  return isImportedCallee(context, callee, mentionMap(moduleMap), MENTION_GLOBALS);
}

/**
 * The calls in a file of names imported from project files that may be wrappers (see
 * `mayBeSsrfWrapper`), with arguments: `getJson(x)`, `http.getJson(x)`.
 */
export function importedWrapperCalls(context: FileContext, moduleMap: Readonly<Record<string, unknown>>): TSESTree.CallExpression[] {
  return importedNameCalls(context, (name) => mayBeSsrfWrapper(context, name, moduleMap), { withArguments: true });
}

/** Per parsed file: its sinks, per module map. */
const SINKS = perFileKey<WeakMap<object, readonly SsrfSink[]>>('SSRF sinks of a wrapper file');
/** Per parsed file, module map and judge options: per function, per parameter, what it reaches. */
const SUMMARIES = perFileKey<WeakMap<object, WeakMap<object, Map<FunctionLike, Map<number, Summary>>>>>('SSRF wrapper summaries');

/**
 * A memoised answer, with the hops it was made at and whether a cycle or the hop bound cut it
 * short: a cut answer holds for questions asked from as deep or deeper (no more files to follow).
 */
interface Summary {
  readonly answer: ParameterRequests | null;
  readonly at: number;
  readonly cut: boolean;
}
/** The parameter index that stands for all of them at once (`mayReachRequest`). */
const ANY_PARAMETER = -1;
const inProgress = new Set<FunctionLike>();
let hops = 0;
/** Whether the summary being made met a function in progress or the hop bound: then a `null` is not memoised. */
let truncated = false;

function sinksOf(context: FileContext, moduleMap: Readonly<Record<string, unknown>>): readonly SsrfSink[] {
  const memo = perFile(context, SINKS, () => new WeakMap());
  let sinks = memo.get(moduleMap);
  if (!sinks) {
    sinks = [...httpClientSinks(context, moduleMap), ...extraSinks(context)];
    memo.set(moduleMap, sinks);
  }
  return sinks;
}

function calleeText(context: FileContext, call: TSESTree.CallExpression | TSESTree.NewExpression): string {
  const text = context.sourceCode.getText(call.callee).replace(/\s+/gu, '');
  return text.length <= 40 ? text : 'a request';
}

const isSeed = (origin: { readonly framework: string }): boolean => origin.framework === WRAPPER_SEED;

/**
 * What parameter `index` of `fn` (a function of `file`) reaches, or any of them for
 * `ANY_PARAMETER`: judged once per parse of the file, function and parameter.
 */
function parameterRequests(
  file: ProjectFile,
  fn: FunctionLike,
  index: number,
  moduleMap: Readonly<Record<string, unknown>>,
  options: SsrfJudgeOptions,
): ParameterRequests | null {
  const byMap = perFile(file.context, SUMMARIES, () => new WeakMap());
  let byOptions = byMap.get(moduleMap);
  if (!byOptions) {
    byOptions = new WeakMap();
    byMap.set(moduleMap, byOptions);
  }
  let perFn = byOptions.get(options);
  if (!perFn) {
    perFn = new Map();
    byOptions.set(options, perFn);
  }
  const known = perFn.get(fn)?.get(index);
  if (known && (!known.cut || hops >= known.at)) {
    return known.answer;
  }
  const param = index === ANY_PARAMETER ? fn.params[0] : fn.params[index];
  if (!param || param.type === AST_NODE_TYPES.RestElement) {
    return null;
  }
  if (inProgress.has(fn) || hops >= MAX_WRAPPER_HOPS) {
    truncated = true;
    return null; // not memoised: asked from fewer hops away, it gets the real answer
  }
  const at = hops;
  const outer = truncated;
  truncated = false;
  inProgress.add(fn);
  hops++;
  let host: WrapperRequest | null = null;
  let path: string | null = null;
  try {
    const seeds: ({ role: { kind: 'input'; description: string }; framework: string } | undefined)[] = [];
    for (const [position, node] of fn.params.entries()) {
      if (node.type === AST_NODE_TYPES.RestElement) {
        break;
      }
      if (index === ANY_PARAMETER || index === position) {
        seeds[position] = { role: { kind: 'input', description: `parameter ${position}` }, framework: WRAPPER_SEED };
      }
    }
    const { sources, sanitizers } = requestInputLists(file.context);
    const analyzer = new UnguardedAnalyzer(file.context, sources, sanitizers, new Map([[fn, seeds]]));
    for (const sink of sinksOf(file.context, moduleMap)) {
      const verdict = judgeSink(file.context, sink, options, analyzer);
      const request = verdict.controlled.find((found) => isSeed(found.found.origin));
      if (request && !host) {
        host = { sink: calleeText(file.context, sink.call), family: sink.family, request };
      }
      if (!path && verdict.segments.some((segment) => isSeed(segment.origin) && !isEncodedSegment(file.context, segment))) {
        path = calleeText(file.context, sink.call);
      }
      if (host && path) {
        break;
      }
    }
    // Calls of wrappers of further files that the parameter reaches (`getUser(id)` → `getJson(url)` → `fetch`).
    if (!host || !path) {
      for (const call of importedWrapperCalls(file.context, moduleMap)) {
        if (!isImportedSsrfCallee(file.context, call.callee, moduleMap)) {
          continue;
        }
        for (const [position, arg] of call.arguments.entries()) {
          if (arg.type === AST_NODE_TYPES.SpreadElement || (host && path)) {
            continue;
          }
          const found = analyzer.classify(arg);
          const inner = found.kind === 'input' && isSeed(found.origin) ? importedSsrfWrapper(file.context, call.callee, position, moduleMap, options) : null;
          const verdict = inner ? judgeWrapperArgument(file.context, analyzer, call, arg, inner, options, isSeed) : null;
          if (verdict?.kind === 'host' && !host) {
            host = { sink: `${inner!.name} → ${verdict.request.sink}`, family: verdict.request.family, request: { ...verdict.request.request, notes: verdict.notes } };
          } else if (verdict?.kind === 'path' && !path) {
            path = `${inner!.name} → ${verdict.sink}`;
          }
        }
      }
    }
  } finally {
    hops--;
    inProgress.delete(fn);
  }
  const answer = host || path ? { host, path } : null;
  const cut = truncated;
  truncated = outer || cut;
  let entry = perFn.get(fn);
  if (!entry) {
    entry = new Map();
    perFn.set(fn, entry);
  }
  entry.set(index, { answer, at, cut });
  return answer;
}

/** Per module map and judge options: the test `importedFileMayReach` makes of the files a wrapper's file imports. */
const wrapperTests = new WeakMap<object, WeakMap<SsrfJudgeOptions, FileTest>>();

/**
 * A file holds a wrapper when a parameter of a function there reaches the URL of a request (its
 * own, or one of a further file's wrapper): a file imported by the callee's file can make the
 * callee a wrapper of a wrapper only then. Only functions around a sink or a call of an imported
 * wrapper can be one (a parameter handed to a local function reaches the sink inside it), and
 * their summaries are the ones a call of them would make, memoised per parse.
 */
function wrapperTest(moduleMap: Readonly<Record<string, unknown>>, options: SsrfJudgeOptions): FileTest {
  let byOptions = wrapperTests.get(moduleMap);
  if (!byOptions) {
    byOptions = new WeakMap();
    wrapperTests.set(moduleMap, byOptions);
  }
  let test = byOptions.get(options);
  if (!test) {
    test = {
      pattern: sinkMentionPattern(mentionMap(moduleMap), MENTION_GLOBALS),
      holds: (filename, like) => {
        try {
          const file = projectFile(filename, like);
          if (!file) {
            return false;
          }
          const calls: TSESTree.Node[] = [...sinksOf(file.context, moduleMap).map((sink) => sink.call), ...importedWrapperCalls(file.context, moduleMap)];
          const asked = new Set<FunctionLike>();
          for (const call of calls) {
            for (let fn = enclosingFunction(call); fn; fn = enclosingFunction(fn)) {
              if (!asked.has(fn) && fn.params.length > 0) {
                asked.add(fn);
                const outer = truncated;
                truncated = false;
                const found = parameterRequests(file, fn, ANY_PARAMETER, moduleMap, options);
                const cut = truncated;
                truncated = outer || cut;
                // A summary cut short (a function in progress, the hop bound) says nothing: let the lookup decide.
                if (found !== null || cut) {
                  return true;
                }
              }
            }
          }
          return false;
        } catch {
          return true; // cannot tell: let the lookup decide
        }
      },
    };
    byOptions.set(options, test);
  }
  return test;
}

/**
 * Whether `callee` is imported from another project file and some parameter of that function
 * reaches the URL of a request there (see `importedSsrfWrapper`): one summary of all its
 * parameters, memoised per parse of the other file, asked before the caller's arguments are
 * classified once that file is parsed (see `deferDefinition`). `false` for anything that does not
 * resolve; never throws.
 */
export function mayReachRequest(context: FileContext, callee: TSESTree.Node, moduleMap: Readonly<Record<string, unknown>>, options: SsrfJudgeOptions): boolean {
  try {
    const node = skipTsWrappers(callee);
    if (!importedFileMayReach(context, node, wrapperTest(moduleMap, options))) {
      return false;
    }
    const definition = importedDefinition(context, node);
    return definition !== null && isFunctionLike(definition.node) && parameterRequests(definition.file, definition.node, ANY_PARAMETER, moduleMap, options) !== null;
  } catch {
    return false;
  }
}

/**
 * The wrapper a call of `callee` calls, when `callee` is imported from another project file and
 * parameter `index` of that function reaches the URL of a request there: deciding its authority
 * without a check that confines the host (`host`), or only a path segment after a fixed origin,
 * not encoded (`path`). Summaries are memoised per (parse of the other file, function, parameter).
 * `null` otherwise, also for anything that does not resolve; never throws.
 * @example importedSsrfWrapper(context, getJsonId, 0, HTTP_CLIENT_MODULES, judge)?.host?.sink // 'fetch'
 */
export function importedSsrfWrapper(
  context: FileContext,
  callee: TSESTree.Node,
  index: number,
  moduleMap: Readonly<Record<string, unknown>>,
  options: SsrfJudgeOptions,
): ImportedSsrfWrapper | null {
  try {
    const node = skipTsWrappers(callee);
    if (!importedFileMayReach(context, node, wrapperTest(moduleMap, options))) {
      return null;
    }
    const definition = importedDefinition(context, node);
    if (!definition || !isFunctionLike(definition.node)) {
      return null;
    }
    const found = parameterRequests(definition.file, definition.node, index, moduleMap, options);
    return found ? { ...found, name: definition.name, definedIn: displayPath(context, definition.file.filename) } : null;
  } catch {
    return null;
  }
}

/** What an argument of a wrapper call makes of the wrapper's request. */
export type WrapperArgumentVerdict =
  /** It decides the authority, and no check before the call confines it: `notes` name the checks that look like one. */
  | { readonly kind: 'host'; readonly found: ControlledAuthority; readonly request: WrapperRequest; readonly notes: readonly string[] }
  /** It is only a path segment after a fixed origin, not encoded. */
  | { readonly kind: 'path'; readonly origin: RequestInputOrigin; readonly sink: string };

/**
 * Judges argument `arg` of `call`, a call of a wrapper with what the parameter it fills reaches
 * (`wrapper`), where `analyzer` reads `arg` and `accept` says which input counts: a URL argument
 * is judged as a URL (`getJson(req.query.url)` decides the host; `` getJson(`https://a.com/u/${id}`) ``
 * only a path), a host argument as a host; checks of it before the call are judged by
 * `judgeHostChecks` (an allow-list there confines it). `null` when it is not input, is confined,
 * or is encoded.
 */
export function judgeWrapperArgument(
  context: FileContext,
  analyzer: UrlInputAnalyzer,
  call: TSESTree.CallExpression,
  arg: TSESTree.Node,
  wrapper: ParameterRequests,
  options: SsrfJudgeOptions,
  accept: (origin: RequestInputOrigin) => boolean = () => true,
): WrapperArgumentVerdict | null {
  // An object or array built here (`request({ url: URL, body: req.body })`): the summary is of the
  // whole parameter, not of its properties, so which of them reaches the URL is not known.
  const shape = dereference(context, arg).type;
  if (shape === AST_NODE_TYPES.ObjectExpression || shape === AST_NODE_TYPES.ArrayExpression) {
    return null;
  }
  const value = analyzer.classify(arg);
  if (value.kind !== 'input' || !accept(value.origin)) {
    return null;
  }
  if (wrapper.host) {
    const position = wrapper.host.request.found.position;
    let found: ControlledAuthority;
    if (position === 'authority') {
      found = { kind: 'controlled', origin: value.origin, subject: arg, position, urlChain: [] };
    } else {
      const verdict = new UrlAuthority(context, analyzer, options.validators).judge(arg, position === 'over-base' ? 'resolves' : 'none');
      if (verdict.kind === 'controlled' && accept(verdict.origin)) {
        found = verdict;
      } else if (verdict.kind === 'path') {
        const segment = verdict.segments.find((s) => accept(s.origin) && !isEncodedSegment(context, s));
        return segment ? { kind: 'path', origin: segment.origin, sink: wrapper.host.sink } : null;
      } else {
        return null; // a constant origin before it, or a value the URL judge does not see as input
      }
    }
    const checks = judgeHostChecks(context, analyzer, call, found, options);
    return checks.safe ? null : { kind: 'host', found, request: wrapper.host, notes: [...checks.notes, ...wrapper.host.request.notes] };
  }
  if (wrapper.path && !isEncodedSegment(context, { node: arg, origin: value.origin })) {
    return { kind: 'path', origin: value.origin, sink: wrapper.path };
  }
  return null;
}
