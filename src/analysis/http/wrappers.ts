
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { perFile, perFileKey } from '../../core/context';
import type { FileContext } from '../../core/context';
import { functionVariable, isFunctionLike, localCallSites, methodCallSites, methodLabel, methodOf } from '../../core/functions';
import type { FunctionLike } from '../../core/functions';
import { iterateModuleReferences, resolveCallTarget } from '../../core/modules';
import { findOptionsArgument } from '../../core/options-object';
import { findObjectProperty, skipTsWrappers } from '../../core/static';
import { variableFor } from '../../core/variable-index';
import { HTTP_CLIENT_GLOBALS, HTTP_CLIENT_MODULES, HTTP_CLIENT_POLICIES } from '../../data/http-clients';
import type { HttpClientEntry, HttpClientFamily, HttpClientPolicy } from '../../data/http-clients';
import { escapeRegExp } from '../../core/regexp';
import { displayPath, importBinding, importedDefinition, importedNameMayHold } from '../../project/index';
import type { ProjectFile } from '../../project/index';
import { judgeAbortSignal } from './abort-signal';
import { judgeTimeoutOptions } from './timeout-options';

/**
 * Functions of other project files that make an outbound request: whether the request is
 * bounded in time by the function itself, never, or only when its caller passes a timeout
 * (`getJson(url, { timeoutMs })`, `requestJson(options)` forwarding `options` to `https.request`).
 */

/** An argument a caller passes to a function: number `index`, or that argument's property `key`. */
export interface ArgumentSource {
  readonly index: number;
  readonly key: string | null;
}

/** Where a caller supplies the timeout: its argument `index`, or the property `key` of that argument. */
export interface CallerTimeout extends ArgumentSource {
  /** With no `key`: the argument is the timeout itself (`get(url, 5000)`), not an options object. */
  readonly isValue?: boolean;
}

/** A parameter read as the timeout (`AbortSignal.timeout(timeoutMs)`, `if (timeoutMs)`): without a key, the argument is the value. */
function asValue(from: CallerTimeout | null): CallerTimeout | null {
  return from && from.key === null ? { ...from, isValue: true } : from;
}

/**
 * What a function of another file does about the timeout of the request it makes. `url`: for a
 * `fetch`, the argument (or its property) that becomes the URL (`get(url)`, `fetchWith({ url })`).
 */
export type HttpWrapperSummary = (
  /** The request never has a timeout, whatever the caller passes. */
  | { readonly kind: 'never'; readonly client: string }
  /** The request has one only when the caller passes it. */
  | { readonly kind: 'caller'; readonly client: string; readonly family: HttpClientFamily; readonly from: CallerTimeout }
) & { readonly url?: ArgumentSource | null };

/**
 * What the text of a file that sends HTTP requests mentions: a global fetch (`fetch(`, `$fetch(`)
 * or one of the client modules. A file that names none of them is not parsed to find a wrapper.
 */
const MENTIONS_HTTP_CLIENT = new RegExp(
  String.raw`\bfetch\s*\(|\$fetch\b|['"](?:node:)?(?:` +
    Object.keys(HTTP_CLIENT_MODULES).map(escapeRegExp).join('|') +
    String.raw`)['"/]`,
  'u',
);

/**
 * Whether `name` is imported from a project file that mentions an HTTP client: the only callees
 * `importedHttpWrapper` can answer for, decided once per file and name.
 */
export function mayBeHttpWrapper(context: FileContext, name: string): boolean {
  return importedNameMayHold(context, name, MENTIONS_HTTP_CLIENT, 0);
}

const WRAPPERS_BY_BINDING = perFileKey<Map<TSESLint.Scope.Variable, Map<string, ImportedHttpWrapper | null>>>('imported HTTP wrappers');

/** An imported HTTP wrapper, with its name and file. */
export type ImportedHttpWrapper = HttpWrapperSummary & { readonly name: string; readonly definedIn: string };

type Judgement = HttpWrapperSummary | 'bounded' | null;

/** Per parsed file: the summary of each wrapper function. */
const SUMMARIES = perFileKey<Map<FunctionLike, HttpWrapperSummary | null>>('HTTP wrapper summaries');

/** The parameter of `fn` (or the property of a destructured one) an expression reads unchanged. */
function parameterSource(context: FileContext, fn: FunctionLike, raw: TSESTree.Node, depth = 0, readsMember = false): CallerTimeout | null {
  const node = skipTsWrappers(raw.type === AST_NODE_TYPES.ChainExpression ? raw.expression : raw);
  if (depth > 4) {
    return null;
  }
  if (node.type === AST_NODE_TYPES.MemberExpression && !node.computed && node.property.type === AST_NODE_TYPES.Identifier) {
    const object = parameterSource(context, fn, node.object, depth + 1, true);
    const key = node.property.name;
    // `opts = { timeout: 5000 }`: a caller that passes nothing gets the default's timeout.
    return object && object.key === null && !defaultHas(context, fn.params[object.index], key) ? { index: object.index, key } : null;
  }
  if (node.type !== AST_NODE_TYPES.Identifier) {
    return null;
  }
  const variable = variableFor(context, node);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type === 'Variable' && def.node.id.type === AST_NODE_TYPES.Identifier && def.node.init && def.parent.kind === 'const') {
    return parameterSource(context, fn, def.node.init, depth + 1, readsMember);
  }
  if (def?.type !== 'Parameter' || def.node !== fn) {
    return null;
  }
  const index = fn.params.findIndex((p) => p.range[0] <= def.name.range[0] && def.name.range[1] <= p.range[1]);
  const param = fn.params[index];
  const pattern = param?.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
  if (pattern?.type === AST_NODE_TYPES.Identifier) {
    // `timeoutMs = 5000`: the function supplies the timeout when the caller does not. An object
    // default (`options = {}`) is judged by what the caller passes, or the member read above.
    const fallback = param?.type === AST_NODE_TYPES.AssignmentPattern ? skipTsWrappers(param.right) : null;
    return fallback && fallback.type !== AST_NODE_TYPES.ObjectExpression && !readsMember ? null : { index, key: null };
  }
  if (pattern?.type === AST_NODE_TYPES.ObjectPattern) {
    for (const property of pattern.properties) {
      const value = property.type === AST_NODE_TYPES.Property ? (property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value) : null;
      if (property.type === AST_NODE_TYPES.Property && !property.computed && property.key.type === AST_NODE_TYPES.Identifier && value === def.name) {
        // `{ timeout = 5000 } = {}`: a default value bounds the request.
        return property.value.type === AST_NODE_TYPES.AssignmentPattern || defaultHas(context, param, property.key.name) ? null : { index, key: property.key.name };
      }
    }
  }
  return null;
}

/** Whether a parameter's default value is an object literal that may carry `key` (`opts = { timeout: 5000 }`). */
function defaultHas(context: FileContext, param: TSESTree.Parameter | undefined, key: string): boolean {
  const value = param?.type === AST_NODE_TYPES.AssignmentPattern ? skipTsWrappers(param.right) : null;
  return value?.type === AST_NODE_TYPES.ObjectExpression && findObjectProperty(context, value, key).kind !== 'absent';
}

/** The `if` inside `fn` around `node` whose test reads a parameter (`if (timeoutMs)`, `if (opts.timeout)`). */
function parameterCondition(context: FileContext, fn: FunctionLike, node: TSESTree.Node): CallerTimeout | null {
  for (let current = node.parent; current && current !== fn; current = current.parent) {
    if (current.type === AST_NODE_TYPES.IfStatement || current.type === AST_NODE_TYPES.ConditionalExpression) {
      const source = asValue(parameterSource(context, fn, current.test));
      if (source) {
        return source;
      }
    }
  }
  return null;
}

/** `signal: cond ? AbortSignal.timeout(ms) : undefined` with a test reading a parameter. */
function conditionalSignal(context: FileContext, fn: FunctionLike, value: TSESTree.Node): CallerTimeout | null {
  const node = skipTsWrappers(value);
  if (node.type !== AST_NODE_TYPES.ConditionalExpression) {
    return null;
  }
  const branches = [judgeAbortSignal(context, node.consequent), judgeAbortSignal(context, node.alternate)];
  return branches.includes('timeout') && branches.includes('none') ? asValue(parameterSource(context, fn, node.test)) : null;
}

/** A timeout value read from a parameter: `timeout: opts.timeout`, `signal: AbortSignal.timeout(timeoutMs)`. */
function parameterTimeout(context: FileContext, fn: FunctionLike, value: TSESTree.Node): CallerTimeout | null {
  const node = skipTsWrappers(value);
  if (node.type === AST_NODE_TYPES.CallExpression) {
    const target = resolveCallTarget(context, node.callee);
    const arg = node.arguments[0];
    return target?.module === null && target.path.join('.') === 'AbortSignal.timeout' && arg ? asValue(parameterSource(context, fn, arg)) : null;
  }
  return conditionalSignal(context, fn, node) ?? asValue(parameterSource(context, fn, node));
}

function judgeObject(context: FileContext, fn: FunctionLike, object: TSESTree.ObjectExpression, policy: HttpClientPolicy, client: string, family: HttpClientFamily): Judgement {
  for (const key of [...policy.timeoutKeys, ...(policy.acceptsSignal ? ['signal'] : [])]) {
    const found = findObjectProperty(context, object, key);
    if (found.kind === 'found' && found.property.kind === 'init') {
      const from = parameterTimeout(context, fn, found.property.value);
      if (from) {
        return { kind: 'caller', client, family, from };
      }
    }
  }
  const verdict = judgeTimeoutOptions(context, object, policy);
  if (verdict.kind === 'timed') {
    return 'bounded';
  }
  if (verdict.kind === 'unknown') {
    // `{ method: 'POST', ...options }`: the caller's options may bring one.
    for (const property of object.properties) {
      const from = property.type === AST_NODE_TYPES.SpreadElement ? parameterSource(context, fn, property.argument) : null;
      if (from) {
        return { kind: 'caller', client, family, from };
      }
    }
  }
  return null; // missing or disabled here: reported in the wrapper's own file
}

/** `const init = { … }; if (timeoutMs) init.signal = AbortSignal.timeout(timeoutMs); fetch(url, init)`. */
function judgeMutatedObject(context: FileContext, fn: FunctionLike, id: TSESTree.Identifier, policy: HttpClientPolicy, client: string, family: HttpClientFamily): Judgement {
  const variable = variableFor(context, id);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  const init = def?.type === 'Variable' && def.node.init ? skipTsWrappers(def.node.init) : null;
  if (!variable || init?.type !== AST_NODE_TYPES.ObjectExpression) {
    return null;
  }
  const keys = new Set([...policy.timeoutKeys, ...(policy.acceptsSignal ? ['signal'] : [])]);
  let written = false;
  for (const ref of variable.references) {
    const member = (ref.identifier as TSESTree.Node).parent;
    const assignment = member?.parent;
    if (
      member?.type === AST_NODE_TYPES.MemberExpression &&
      !member.computed &&
      member.property.type === AST_NODE_TYPES.Identifier &&
      keys.has(member.property.name) &&
      assignment?.type === AST_NODE_TYPES.AssignmentExpression &&
      assignment.left === member
    ) {
      written = true;
      const from = parameterCondition(context, fn, assignment) ?? parameterTimeout(context, fn, assignment.right);
      if (from) {
        return { kind: 'caller', client, family, from };
      }
    }
  }
  return written ? 'bounded' : judgeObject(context, fn, init, policy, client, family) === 'bounded' ? 'bounded' : { kind: 'never', client };
}

/** `timeout ? { signal: AbortSignal.timeout(timeout) } : {}` with a test reading a parameter. */
function conditionalOptions(context: FileContext, fn: FunctionLike, value: TSESTree.Node, policy: HttpClientPolicy): CallerTimeout | null {
  const node = skipTsWrappers(value);
  if (node.type !== AST_NODE_TYPES.ConditionalExpression) {
    return null;
  }
  const judge = (branch: TSESTree.Node): string => {
    const object = skipTsWrappers(branch);
    return object.type === AST_NODE_TYPES.ObjectExpression ? judgeTimeoutOptions(context, object, policy).kind : judgeAbortSignal(context, object) === 'none' ? 'missing' : 'unknown';
  };
  const branches = [judge(node.consequent), judge(node.alternate)];
  return branches.includes('timed') && branches.includes('missing') ? asValue(parameterSource(context, fn, node.test)) : null;
}

function judgeRequest(context: FileContext, fn: FunctionLike, call: TSESTree.CallExpression, entry: HttpClientEntry): Judgement {
  const policy = HTTP_CLIENT_POLICIES[entry.family];
  const client = context.sourceCode.getText(call.callee).replace(/\s+/gu, '').slice(0, 40);
  const options = findOptionsArgument(context, call, entry.options);
  if (options.kind === 'object') {
    return judgeObject(context, fn, options.object, policy, client, entry.family);
  }
  if (options.kind === 'absent') {
    return null; // reported in the wrapper's own file
  }
  for (const arg of call.arguments) {
    const chosen = arg.type === AST_NODE_TYPES.SpreadElement ? null : conditionalOptions(context, fn, arg, policy);
    if (chosen) {
      return { kind: 'caller', client, family: entry.family, from: chosen };
    }
    const from = arg.type === AST_NODE_TYPES.SpreadElement ? null : parameterSource(context, fn, arg);
    if (from && from.key === null && entry.options.kind !== 'none' && (entry.options.kind !== 'index' || call.arguments[entry.options.index] === arg)) {
      return { kind: 'caller', client, family: entry.family, from };
    }
    const node = arg.type === AST_NODE_TYPES.SpreadElement ? null : skipTsWrappers(arg);
    if (node?.type === AST_NODE_TYPES.Identifier && (entry.options.kind !== 'index' || call.arguments[entry.options.index] === arg)) {
      const judged = judgeMutatedObject(context, fn, node, policy, client, entry.family);
      if (judged) {
        return judged;
      }
    }
  }
  return null;
}

/** An outbound request call of a file, with what the client table says about it. */
export interface HttpRequestCall {
  readonly node: TSESTree.Node;
  readonly info: HttpClientEntry;
}

/** The request calls of a file (global fetch and the client modules of the table). */
function requestCallsOf(context: FileContext): HttpRequestCall[] {
  return perFile(context, REQUEST_CALLS, () =>
    [...iterateModuleReferences(context, HTTP_CLIENT_MODULES, HTTP_CLIENT_GLOBALS)].filter((ref) => ref.kind === 'call' && ref.info.kind === 'request'),
  );
}

const REQUEST_CALLS = perFileKey<HttpRequestCall[]>('HTTP request calls');

/**
 * The one summary engine, for a function of any parsed file: what the first request inside
 * `fn` (among `requests`, the file's request calls) that is not bounded by `fn` itself does
 * about its timeout. Memoised per (parse of the file, function).
 */
function summariseIn(context: FileContext, fn: FunctionLike, requests: readonly HttpRequestCall[]): HttpWrapperSummary | null {
  const perFn = perFile(context, SUMMARIES, () => new Map());
  if (perFn.has(fn)) {
    return perFn.get(fn)!;
  }
  let summary: HttpWrapperSummary | null = null;
  for (const ref of requests) {
    const call = ref.node;
    if (ref.info.kind !== 'request' || call.type !== AST_NODE_TYPES.CallExpression || call.range[0] < fn.range[0] || call.range[1] > fn.range[1]) {
      continue;
    }
    const judged = judgeRequest(context, fn, call, ref.info);
    if (judged === 'bounded') {
      continue;
    }
    if (judged) {
      const url = ref.info.family === 'fetch' && call.arguments[0] && call.arguments[0].type !== AST_NODE_TYPES.SpreadElement ? parameterSource(context, fn, call.arguments[0]) : null;
      summary = { ...judged, url };
      break;
    }
  }
  perFn.set(fn, summary);
  return summary;
}

function summarise(file: ProjectFile, fn: FunctionLike): HttpWrapperSummary | null {
  return summariseIn(file.context, fn, requestCallsOf(file.context));
}

/** A function of the linted file whose request has a timeout only when its caller passes one. */
export interface LocalHttpWrapper {
  readonly summary: Extract<HttpWrapperSummary, { kind: 'caller' }>;
  readonly name: string;
  /** The line of the function. */
  readonly line: number;
  /** Its direct calls in the file (outside the function itself). */
  readonly calls: readonly TSESTree.CallExpression[];
}

const LOCAL_WRAPPERS = perFileKey<LocalHttpWrapper[]>('local HTTP wrappers');

/**
 * The named functions and methods of the linted file (`function get(url, { timeout } = {})`,
 * `const get = async (url, opts) => …`, `class Api { send(path, { timeout } = {}) {…} }` and
 * `const api = { send(…) {…} }`, called as `this.send()`, `api.send()` or `Api.send()`) that wrap
 * one of `requests` (the file's request calls, as the rule
 * traced them) and bound it only when their caller passes a timeout, summarised by the same
 * engine as the wrappers of other files. A request is matched to each named function around it,
 * innermost first. Memoised per file; a file without request calls costs nothing.
 * @example localHttpWrappers(context, requests) // [{ name: 'get', summary: { from: { index: 1, key: 'timeout' }, … }, calls: [get('/a')] }]
 */
export function localHttpWrappers(context: FileContext, requests: readonly HttpRequestCall[]): readonly LocalHttpWrapper[] {
  if (requests.length === 0) {
    return [];
  }
  return perFile(context, LOCAL_WRAPPERS, () => {
    const found: LocalHttpWrapper[] = [];
    // Per function: whether it is a wrapper (then the functions around it are not asked).
    const isWrapper = new Map<FunctionLike, boolean>();
    for (const request of requests) {
      for (let node = request.node.parent; node; node = node.parent) {
        if (!isFunctionLike(node)) {
          continue;
        }
        const fn = node;
        let wrapper = isWrapper.get(fn);
        if (wrapper === undefined) {
          const variable = functionVariable(context, fn);
          const method = variable ? null : methodOf(fn);
          const summary = variable || method ? summariseIn(context, fn, requests) : null;
          wrapper = summary?.kind === 'caller';
          if (summary?.kind === 'caller') {
            const sites = variable ? localCallSites(context, fn) : methodCallSites(context, method!);
            const calls = sites.filter((call) => call.range[0] < fn.range[0] || call.range[1] > fn.range[1]);
            found.push({ summary, name: variable ? variable.name : methodLabel(method!), line: fn.loc.start.line, calls });
          }
          isWrapper.set(fn, wrapper);
        }
        if (wrapper) {
          break;
        }
      }
    }
    return found;
  });
}

/**
 * The request a call of `callee` makes, when `callee` is a function imported from another
 * project file whose outbound request has no timeout (`never`) or one only when the caller passes
 * it (`caller`). Requests the wrapper's own file already reports (a bare `fetch(url)`) and
 * bounded ones answer `null`, as does anything that does not resolve. Memoised per (parse of
 * the other file, function); never throws.
 * @example importedHttpWrapper(context, getJsonId) // { kind: 'caller', from: { index: 1, key: 'timeoutMs' }, name: 'getJson', definedIn: 'lib/http.js', … }
 */
export function importedHttpWrapper(context: FileContext, callee: TSESTree.Node): ImportedHttpWrapper | null {
  try {
    const node = skipTsWrappers(callee);
    const id = node.type === AST_NODE_TYPES.MemberExpression ? skipTsWrappers(node.object) : node;
    if (id.type !== AST_NODE_TYPES.Identifier || !mayBeHttpWrapper(context, id.name)) {
      return null;
    }
    const variable = variableFor(context, id);
    if (!variable) {
      return null;
    }
    // Once per lint, binding and member: the same wrapper is called many times in a file.
    const property = node === id ? '' : node.type === AST_NODE_TYPES.MemberExpression && !node.computed && node.property.type === AST_NODE_TYPES.Identifier ? node.property.name : null;
    const byBinding = perFile(context, WRAPPERS_BY_BINDING, () => new Map());
    let byProperty = byBinding.get(variable);
    if (!byProperty) {
      byProperty = new Map();
      byBinding.set(variable, byProperty);
    }
    if (property !== null && byProperty.has(property)) {
      return byProperty.get(property)!;
    }
    let found: ImportedHttpWrapper | null = null;
    if (importBinding(context, id) !== null) {
      const definition = importedDefinition(context, node, undefined, { mentions: MENTIONS_HTTP_CLIENT, mentionHops: 0 });
      const summary = definition && isFunctionLike(definition.node) ? summarise(definition.file, definition.node) : null;
      found = summary && definition ? { ...summary, name: definition.name, definedIn: displayPath(context, definition.file.filename) } : null;
    }
    if (property !== null) {
      byProperty.set(property, found);
    }
    return found;
  } catch {
    return null;
  }
}

/**
 * Whether a call of an imported wrapper leaves its request without a timeout: always for
 * `never`; for `caller`, when the argument (or its property) that would carry one is missing
 * from a visible object literal. Arguments that cannot be seen (a variable of unknown shape,
 * a spread) are given the benefit of the doubt.
 */
export function callerOmitsTimeout(context: FileContext, call: TSESTree.CallExpression, wrapper: HttpWrapperSummary): boolean {
  if (wrapper.kind === 'never') {
    return true;
  }
  const { index, key } = wrapper.from;
  const options = findOptionsArgument(context, call, { kind: 'index', index });
  if (options.kind === 'absent') {
    return true;
  }
  if (options.kind !== 'object' || wrapper.from.isValue) {
    return false;
  }
  if (key !== null) {
    return findObjectProperty(context, options.object, key).kind === 'absent';
  }
  const verdict = judgeTimeoutOptions(context, options.object, HTTP_CLIENT_POLICIES[wrapper.family]);
  return verdict.kind === 'missing';
}
