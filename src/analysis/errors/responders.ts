
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import type { ErrorHandlerSpec } from '../../frameworks/types';
import { errorHandlerRoles } from './handler-roles';
import { getErrorOrigin } from './origin';
import type { ErrorOriginAnalyzer, ErrorOriginOptions } from './origin';
import { createResponseSinkMatcher } from './response-sinks';
import type { ResponseSink } from './response-sinks';
import { classifyStatus } from './status';
import { kindSeverity } from './taint';
import type { ErrorLeakKind, ErrorTaint } from './taint';
import { deferDefinition, displayPath, importedDefinition, projectSettings } from '../../project/index';
import { pushChildNodes } from '../../core/ast';
import { perFile, perFileKey } from '../../core/context';
import type { FileContext } from '../../core/context';
import { isFunctionLike, resolveFunction, returnedValues } from '../../core/functions';
import type { FunctionLike } from '../../core/functions';
import { snippet } from '../../core/snippet';
import { skipTsWrappers } from '../../core/static';
import { variableFor } from '../../core/variable-index';

/**
 * Helpers in a chain that are summarised: the one the linted file calls, and two levels of
 * helpers it hands the error on to (`sendError` → `respond` → `writeJson`). Deeper ones are not read.
 */
export const MAX_HELPER_LEVELS = 3;
/** Functions longer than this (characters) are not summarised: they are not small responders. */
export const MAX_HELPER_LENGTH = 20_000;

/**
 * Whether a response's status lets an error message through (every value a 4xx), or, inside a
 * helper, which argument decides it and what holds when the caller passes none (its default).
 */
type StatusJudge = { readonly allows: boolean } | { readonly argument: number; readonly fallback: boolean };

/** One leak inside a helper, as its callers see it. */
interface HelperLeak {
  readonly kind: ErrorLeakKind;
  /** The leaked expression as the helper writes it (`err.stack`). */
  readonly expression: string;
  /** The sink's label in the helper (`res.json()`). */
  readonly sink: string;
  readonly status: StatusJudge;
  /** Helpers further down the chain, each `name() (file)`. */
  readonly through: readonly string[];
}

/** A caught error handed to a project function that sends it to the client. */
export interface ResponderLeak {
  readonly kind: ErrorLeakKind;
  /** The argument of the call that carries the error. */
  readonly argument: TSESTree.Node;
  /** What the argument carries, in the linted file. */
  readonly taint: ErrorTaint;
  /** The helper's name (`sendError`). */
  readonly helper: string;
  /** The helper's file, relative to the project root; `null` when it is the linted file. */
  readonly file: string | null;
  /** The leaked expression as the last helper of the chain writes it (`err.stack`). */
  readonly expression: string;
  /** The sink in that helper (`res.json()`). */
  readonly sink: string;
  /** Helpers between the called one and the sink, each `name() (file)`. */
  readonly through: readonly string[];
  /** The status sent (fixed in the helper or passed by this call) is a 4xx: a message may go. */
  readonly statusAllowsMessage: boolean;
}

export interface ResponderOptions {
  /** The response sinks configured for the rule (`responseSinks`). */
  readonly extraSinks: readonly string[];
  /** Extra development-only tests (`devGuards`). */
  readonly devGuards: readonly string[];
  /** Error-handler registrations of the framework adapters. */
  readonly errorHandlers: readonly ErrorHandlerSpec[];
}

/** A project function a call resolves to. */
interface Callee {
  readonly context: FileContext;
  readonly fn: FunctionLike;
  readonly name: string;
  /** Defined in the file of the call. */
  readonly local: boolean;
}

/** Where calls are judged: the linted file, or the body of a helper being summarised. */
interface Site {
  readonly context: FileContext;
  readonly origin: ErrorOriginAnalyzer;
  readonly isResponse: (node: TSESTree.Node) => boolean;
  /** The helper being summarised (whose parameters a status argument may name), `null` in the linted file. */
  readonly enclosing: FunctionLike | null;
  /** Level of the helpers this site's calls reach (1 from the linted file). */
  readonly level: number;
}

interface Request {
  readonly argument: number;
  readonly kind: ErrorLeakKind;
  /** Arguments that the caller passes a response. */
  readonly responses: readonly number[];
  readonly level: number;
}

/** Per parsed file: function → (argument, kind) → what the function returns when handed that error. */
const RETURNS = perFileKey<Map<FunctionLike, Map<string, ErrorLeakKind | null>>>('error helper results');

/** Per parsed file: function → summary key → leaks. Project files stay parsed for the process, and so do their summaries. */
const SUMMARIES = perFileKey<Map<FunctionLike, Map<string, readonly HelperLeak[]>>>('error responder summaries');

/**
 * What a call site passes: an identifier or member (`err`, `err.message`, `e as Error`), or an
 * object or array literal built from one (`writeSseEvent(res, 'error', { message: err.message })`);
 * a plain literal never carries an error.
 */
function mayCarryError(arg: TSESTree.Node): boolean {
  const inner = skipTsWrappers(arg);
  return (
    inner.type === AST_NODE_TYPES.Identifier ||
    inner.type === AST_NODE_TYPES.MemberExpression ||
    inner.type === AST_NODE_TYPES.ObjectExpression ||
    inner.type === AST_NODE_TYPES.ArrayExpression
  );
}

/** Position of argument 0 in `fn.params`: 1 after a TypeScript `this` parameter. */
function paramOffset(fn: FunctionLike): number {
  const first = fn.params[0];
  return first?.type === AST_NODE_TYPES.Identifier && first.name === 'this' ? 1 : 0;
}

/**
 * A cheap first test of {@link calleeOf}: `f(…)` or `ns.f(…)` whose first name is a function,
 * a variable or an import of the file; parameters (`next`, `cb`, `reject`) and globals are not.
 */
function mayNameProjectFunction(context: FileContext, raw: TSESTree.Node): boolean {
  const callee = skipTsWrappers(raw);
  const id =
    callee.type === AST_NODE_TYPES.Identifier
      ? callee
      : callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.object.type === AST_NODE_TYPES.Identifier
        ? callee.object
        : null;
  const def = id ? variableFor(context, id)?.defs[0] : undefined;
  return def !== undefined && (def.type === 'FunctionName' || def.type === 'Variable' || def.type === 'ImportBinding');
}

/** The project function `callee` names: a local function, or an import of a project file. */
function calleeOf(context: FileContext, raw: TSESTree.Node): Callee | null {
  const callee = skipTsWrappers(raw);
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const fn = resolveFunction(context, callee);
    if (fn) {
      return { context, fn, name: callee.name, local: true };
    }
  } else if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.object.type !== AST_NODE_TYPES.Identifier) {
    return null;
  }
  const definition = importedDefinition(context, callee);
  if (!definition || !isFunctionLike(definition.node)) {
    return null;
  }
  return { context: definition.file.context, fn: definition.node, name: definition.name, local: definition.file.filename === context.filename };
}

/** `file` as a message shows it: relative to its project root, else its base name. */
/** The judge of a status expression that is a parameter of `fn`, or `null`. */
function parameterJudge(context: FileContext, fn: FunctionLike, node: TSESTree.Node): StatusJudge | null {
  const id = skipTsWrappers(node);
  if (id.type !== AST_NODE_TYPES.Identifier) {
    return null;
  }
  const variable = variableFor(context, id);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type !== 'Parameter' || def.node !== fn || variable!.references.some((ref) => ref.isWrite() && !ref.init)) {
    return null;
  }
  const position = fn.params.findIndex((p) => p === def.name || (p.type === AST_NODE_TYPES.AssignmentPattern && p.left === def.name));
  const param = fn.params[position];
  if (!param || position < paramOffset(fn)) {
    return null;
  }
  // No default: the caller sends `undefined`, a catch-all answer.
  const fallback = param.type === AST_NODE_TYPES.AssignmentPattern ? classifyStatus(context, param.right) !== 'server' : false;
  return { argument: position - paramOffset(fn), fallback };
}

/** The judge of a sink's status inside helper `fn`. */
function sinkJudge(context: FileContext, fn: FunctionLike, origin: ErrorOriginAnalyzer, status: ResponseSink['status']): StatusJudge {
  if (!status) {
    return { allows: false };
  }
  if ('code' in status) {
    return { allows: status.code >= 400 && status.code < 500 };
  }
  if (origin.taintOf(status.node)) {
    return { allows: false };
  }
  return parameterJudge(context, fn, status.node) ?? { allows: classifyStatus(context, status.node) !== 'server' };
}

/** A helper's judge as it stands at `call` of `site`: what the call passes decides it. */
function judgeAt(site: Site, call: TSESTree.CallExpression, judge: StatusJudge): StatusJudge {
  if ('allows' in judge) {
    return judge;
  }
  const arg = call.arguments[judge.argument];
  if (!arg) {
    return { allows: judge.fallback };
  }
  if (arg.type === AST_NODE_TYPES.SpreadElement || site.origin.taintOf(arg)) {
    return { allows: false };
  }
  return (site.enclosing && parameterJudge(site.context, site.enclosing, arg)) ?? { allows: classifyStatus(site.context, arg) !== 'server' };
}

/**
 * Error responders: project functions that a caught error is handed to and that send it to
 * the client (`sendError(res, err)` in utils/errors.js, `return serverError(e)` in
 * lib/api-error.ts). Each helper is summarised by the same engines an inline handler is
 * judged by, run on the helper's own file, with the parameter taken for a caught error and
 * the arguments the caller passes a response taken for responses; summaries are memoised per
 * (parsed file, function, question). Local functions of the file count too. Never throws.
 * @example catch (err) { sendError(res, err) } // leaksThrough(call): [{ kind: 'stack', helper: 'sendError', file: 'utils/errors.js', … }]
 */
export function createResponderAnalysis(options: ResponderOptions) {
  const optionsKey = JSON.stringify([options.extraSinks, options.devGuards]);

  return { leaksThrough, returnedTaint };

  /**
   * What the project function `call` names returns when handed the error data `argumentTaints`
   * carry (`getErrorMessage(err)` whose body returns `err.message` or `String(err)`): the most
   * revealing kind its `return`s carry, as a taint of the caller's error; `null` otherwise.
   */
  function returnedTaint(context: FileContext, call: TSESTree.CallExpression, argumentTaints: readonly (ErrorTaint | null)[]): ErrorTaint | null {
    try {
      if (!argumentTaints.some((taint) => taint !== null) || !mayNameProjectFunction(context, call.callee)) {
        return null;
      }
      const callee = calleeOf(context, call.callee);
      if (!callee) {
        return null;
      }
      let worst: ErrorTaint | null = null;
      argumentTaints.forEach((taint, index) => {
        const kind = taint ? returnedKind(callee, index, taint.kind) : null;
        if (taint && kind && (!worst || kindSeverity(kind) > kindSeverity(worst.kind))) {
          worst = { ...taint, kind, origin: call };
        }
      });
      return worst;
    } catch {
      return null;
    }
  }

  /** The kind the `return`s of `callee` carry when argument `argument` is an error of `kind`; memoised per parsed file. */
  function returnedKind(callee: Callee, argument: number, kind: ErrorLeakKind): ErrorLeakKind | null {
    const byFunction = perFile(callee.context, RETURNS, () => new Map());
    let byKey = byFunction.get(callee.fn);
    if (!byKey) {
      byKey = new Map();
      byFunction.set(callee.fn, byKey);
    }
    const key = `${argument}\0${kind}\0${optionsKey}`;
    if (byKey.has(key)) {
      return byKey.get(key)!;
    }
    byKey.set(key, null); // recursion, an import cycle: nothing
    let found: ErrorLeakKind | null = null;
    const { context, fn } = callee;
    const param = fn.params[argument + paramOffset(fn)];
    if (param && param.type !== AST_NODE_TYPES.RestElement && fn.range[1] - fn.range[0] <= MAX_HELPER_LENGTH) {
      const origin = getErrorOrigin(context, {
        errorHandlers: options.errorHandlers,
        devGuards: options.devGuards,
        errorParam: { fn, index: argument + paramOffset(fn), kind },
      });
      const results = returnedValues(context, fn);
      for (const value of results) {
        const taint = origin.taintOf(value);
        if (taint && (!found || kindSeverity(taint.kind) > kindSeverity(found))) {
          found = taint.kind;
        }
      }
    }
    byKey.set(key, found);
    return found;
  }

  /**
   * The leaks of the helper `call` hands a caught error to, judged at the call: `origin` and
   * `isResponse` are the linted file's own error origin and response test.
   */
  function leaksThrough(
    context: FileContext,
    call: TSESTree.CallExpression,
    origin: ErrorOriginAnalyzer,
    isResponse: (node: TSESTree.Node) => boolean,
  ): ResponderLeak[] {
    try {
      const site: Site = { context, origin, isResponse, enclosing: null, level: 1 };
      return callLeaks(site, call).map(({ leak, argument, taint, callee }) => ({
        kind: leak.kind,
        argument,
        taint,
        helper: callee.name,
        file: callee.local ? null : displayPath(callee.context, callee.context.filename),
        expression: leak.expression,
        sink: leak.sink,
        through: leak.through,
        statusAllowsMessage: 'allows' in leak.status && leak.status.allows,
      }));
    } catch {
      return []; // today's single-file judgement
    }
  }

  /** The leaks of the helper `call` of `site` hands an error to, with their judges mapped to the site. */
  function callLeaks(site: Site, call: TSESTree.CallExpression): { leak: HelperLeak; argument: TSESTree.Node; taint: ErrorTaint; callee: Callee }[] {
    if (!mayNameProjectFunction(site.context, call.callee)) {
      return [];
    }
    // The function first (a lookup, memoised per file and name), then the arguments' taint (a walk of
    // their data flow); the other way round when `deferDefinition` puts off parsing the helper's file.
    const lookupFirst = !deferDefinition(site.context, skipTsWrappers(call.callee));
    const callee = lookupFirst ? calleeOf(site.context, call.callee) : null;
    if (lookupFirst && !callee) {
      return [];
    }
    const tainted: { index: number; taint: ErrorTaint }[] = [];
    call.arguments.forEach((arg, index) => {
      const taint = arg.type !== AST_NODE_TYPES.SpreadElement && mayCarryError(arg) ? site.origin.taintOf(arg) : null;
      if (taint) {
        tainted.push({ index, taint });
      }
    });
    if (tainted.length === 0) {
      return [];
    }
    const helper = callee ?? calleeOf(site.context, call.callee);
    if (!helper) {
      return [];
    }
    const responses = call.arguments.flatMap((arg, index) => (arg.type !== AST_NODE_TYPES.SpreadElement && site.isResponse(arg) ? [index] : []));
    const out: { leak: HelperLeak; argument: TSESTree.Node; taint: ErrorTaint; callee: Callee }[] = [];
    // The dev-only and narrowing judges walk up the tree: asked only once a helper leaks.
    let devOnly: boolean | undefined;
    for (const { index, taint } of tainted) {
      let narrowed: boolean | undefined;
      for (const leak of summarise(helper, { argument: index, kind: taint.kind, responses, level: site.level })) {
        if ((devOnly ??= site.origin.isDevOnly(call)) || (leak.kind === 'message' && (narrowed ??= site.origin.isNarrowed(call, taint.variables)))) {
          continue;
        }
        out.push({ leak: { ...leak, status: judgeAt(site, call, leak.status) }, argument: call.arguments[index]!, taint, callee: helper });
      }
    }
    return out;
  }

  /** The leaks of argument `request.argument` in helper `callee`, memoised per parsed file and function. */
  function summarise(callee: Callee, request: Request): readonly HelperLeak[] {
    const project = projectSettings(callee.context);
    const key = [request.argument, request.kind, request.responses.join(','), request.level, optionsKey, project.crossFile, project.root, project.tsconfig].join('\0');
    const byFunction = perFile(callee.context, SUMMARIES, () => new Map());
    let byKey = byFunction.get(callee.fn);
    if (!byKey) {
      byKey = new Map();
      byFunction.set(callee.fn, byKey);
    }
    const found = byKey.get(key);
    if (found) {
      return found;
    }
    byKey.set(key, []); // a helper that reaches itself again (recursion, an import cycle) adds nothing
    let leaks: readonly HelperLeak[];
    try {
      leaks = summary(callee, request);
    } catch {
      leaks = [];
    }
    byKey.set(key, leaks);
    return leaks;
  }

  function summary({ context, fn }: Callee, request: Request): HelperLeak[] {
    const offset = paramOffset(fn);
    const position = request.argument + offset;
    const param = fn.params[position];
    if (!param || param.type === AST_NODE_TYPES.RestElement || fn.range[1] - fn.range[0] > MAX_HELPER_LENGTH) {
      return [];
    }
    // An error handler of its own (`(err, req, res, next)`): its file reports what it sends.
    if (errorHandlerRoles(context, fn, options.errorHandlers)?.errorParam === position) {
      return [];
    }
    const originOptions: ErrorOriginOptions = {
      errorHandlers: options.errorHandlers,
      devGuards: options.devGuards,
      errorParam: { fn, index: position, kind: request.kind },
    };
    const origin = getErrorOrigin(context, originOptions);
    const matcher = createResponseSinkMatcher(context, {
      extraSinks: options.extraSinks,
      responseParams: { fn, indices: request.responses.map((i) => i + offset) },
    });
    const site: Site = { context, origin, isResponse: matcher.isResponse, enclosing: fn, level: request.level + 1 };
    const out: HelperLeak[] = [];
    const stack: TSESTree.Node[] = [fn.body];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (
        node.type === AST_NODE_TYPES.CallExpression ||
        node.type === AST_NODE_TYPES.NewExpression ||
        node.type === AST_NODE_TYPES.AssignmentExpression ||
        node.type === AST_NODE_TYPES.ReturnStatement
      ) {
        const sink = matcher.match(node);
        if (sink) {
          const status = sinkJudge(context, fn, origin, sink.status);
          for (const payload of sink.payloads) {
            for (const leak of origin.leaksIn(payload.node, payload.ignoreProperties)) {
              if (!origin.isDevOnly(leak.node) && !(leak.kind === 'message' && origin.isNarrowed(leak.node, leak.variables))) {
                out.push({ kind: leak.kind, expression: snippet(context.sourceCode, leak.origin), sink: sink.label, status, through: [] });
              }
            }
          }
        } else if (node.type === AST_NODE_TYPES.CallExpression && site.level <= MAX_HELPER_LEVELS) {
          for (const nested of callLeaks(site, node)) {
            const where = nested.callee.local ? `${nested.callee.name}()` : `${nested.callee.name}() (${displayPath(nested.callee.context, nested.callee.context.filename)})`;
            out.push({ ...nested.leak, through: [where, ...nested.leak.through] });
          }
        }
      }
      pushChildNodes(context.sourceCode, node, stack);
    }
    return out;
  }
}
