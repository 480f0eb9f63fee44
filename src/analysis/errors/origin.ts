import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import type { ErrorHandlerSpec } from '../../frameworks/types';
import { DevOnlyBranches } from './dev-only';
import { fileStartsErrorValue, getErrorValues } from './error-values';
import type { ErrorValues } from './error-values';
import { errorFormatterPattern, errorHandlerRoles, mayReceiveError } from './handler-roles';
import { ErrorNarrowing } from './narrowing';
import { leaksIn } from './payload-leaks';
import { accessKind, ENCODING_METHODS, isHarmlessDetail, kindSeverity, MAX_DEPTH, maxTaint, patternPath } from './taint';
import { writeMayReach } from './write-reach';
import type { ErrorLeak, ErrorLeakKind, ErrorTaint } from './taint';
import { memberName } from '../../core/ast';
import { resolveCallTarget } from '../../core/modules';
import { skipTsWrappers } from '../../core/static';
import { variableFor } from '../../core/variable-index';
import { perFile, perFileKey } from '../../core/context';
import type { FileContext } from '../../core/context';
import { STRING_MIXERS, STRING_PADDING, STRING_PARTS, STRING_TRANSFORMS } from '../../data/js-builtins';
import { isFunctionLike, returnedValues } from '../../core/functions';
import type { FunctionLike } from '../../core/functions';
import { ERROR_FORMATTER } from '../../data/error-values';

export type { ErrorLeak, ErrorLeakKind, ErrorTaint } from './taint';

type Variable = TSESLint.Scope.Variable;

/** What a local variable's writes give it: its init, and later writes with where they happen. */
interface VariableWrites {
  init: ErrorTaint | null;
  readonly later: { readonly node: TSESTree.Node; readonly taint: ErrorTaint }[];
}

export interface ErrorOriginOptions {
  /** Error-handler registrations contributed by the framework adapters. */
  readonly errorHandlers: readonly ErrorHandlerSpec[];
  /** Extra development-only tests: identifiers (`isLocal`) or expressions (`config.debug`). */
  readonly devGuards: readonly string[];
  /**
   * Helper mode, for summarising an error responder: the one error source is this parameter
   * of `fn` (what callers pass it carries `kind`: a whole error, or only its message…);
   * catch clauses and error-handler parameters are not sources then.
   * @example function sendError(res, err) {…} // { fn: sendError, index: 1, kind: 'error' }
   */
  readonly errorParam?: ErrorParam;
  /**
   * What a call of a project function returns when it is handed error-derived arguments
   * (`getErrorMessage(err)` returning `err.message`): asked for calls no built-in rule explains.
   */
  readonly helperResult?: (call: TSESTree.CallExpression, argumentTaints: readonly (ErrorTaint | null)[]) => ErrorTaint | null;
}

/** A helper's parameter taken as a caught error (see {@link ErrorOriginOptions.errorParam}). */
export interface ErrorParam {
  readonly fn: FunctionLike;
  /** Position in `fn.params`. */
  readonly index: number;
  readonly kind: ErrorLeakKind;
}

/** Methods that return a string or array still carrying the receiver's content. */
const PASS_METHODS = new Set([...STRING_TRANSFORMS, ...STRING_PARTS, ...STRING_PADDING, ...STRING_MIXERS, 'split', 'join', 'map', 'filter', 'flat']);

/** Array methods whose result is made of what their callback returns. */
const RESULT_CALLBACKS = new Set(['map', 'flatMap', 'reduce', 'reduceRight']);

/**
 * Where a binding of an error formatter's options sits, as a path inside the error: `error`
 * (`[]`), its parts, and a destructured `shape: { message }` (`['message']`); `null` for the
 * rest of the shape, which tRPC builds from codes and the path.
 */
function formatterErrorPath(path: readonly (string | null)[] | null): (string | null)[] | null {
  if (path?.[0] === ERROR_FORMATTER.errorKey) {
    return path.slice(1);
  }
  return path?.[0] === ERROR_FORMATTER.shapeKey && path[1] === ERROR_FORMATTER.messageKey ? path.slice(1) : null;
}

/** Everything `createErrorOrigin` answers, memoised per file and options. */
export interface ErrorOriginAnalyzer {
  /** The path inside the caught error a variable is bound to (`[]` for `err`, `['stack']` for `{ stack }`), or `null`. */
  sourcePath(variable: Variable): readonly (string | null)[] | null;
  /** What error-derived data the value of `node` carries, or `null`. Dev-only and narrowed parts are excluded. */
  taintOf(node: TSESTree.Node): ErrorTaint | null;
  /**
   * The places in a response payload that carry error data: object values, array
   * elements, spreads, conditional branches, `JSON.stringify` arguments; `ignoreProperties`
   * names top-level properties that are not sent (`cause`).
   */
  leaksIn(payload: TSESTree.Node, ignoreProperties?: readonly string[]): ErrorLeak[];
  /** `node` only runs (or only takes effect) in development. */
  isDevOnly(node: TSESTree.Node): boolean;
  /** `node` only runs when one of `variables` was narrowed to an application error. */
  isNarrowed(node: TSESTree.Node, variables: readonly Variable[]): boolean;
}

const ANALYZERS_KEY = perFileKey<WeakMap<ErrorOriginOptions, ErrorOriginAnalyzer>>('analyzers');

/**
 * The caught-error origin analysis of a file: which variables hold caught errors, and which
 * expressions carry their stack, message, details or the error itself. Intra-procedural;
 * follows aliases (`const e = err`, `const { stack } = err`, `const body = { msg: err.message }`,
 * later `let` writes and `body.stack = …` member writes).
 * @example catch (err) { res.json({ stack: err.stack }) } // taintOf(`err.stack`) -> { kind: 'stack' }
 */
export function getErrorOrigin(context: FileContext, options: ErrorOriginOptions): ErrorOriginAnalyzer {
  const byOptions = perFile(context, ANALYZERS_KEY, () => new WeakMap());
  let analyzer = byOptions.get(options);
  if (!analyzer) {
    analyzer = new ErrorOrigin(context, options);
    byOptions.set(options, analyzer);
  }
  return analyzer;
}

/**
 * The taint analysis of one file and options: every answer memoised, with the dev-only and
 * narrowing judges it consults for each use.
 */
class ErrorOrigin implements ErrorOriginAnalyzer {
  private readonly sources = new WeakMap<Variable, readonly (string | null)[] | null>();
  private readonly taints = new WeakMap<TSESTree.Node, ErrorTaint | null>();
  private readonly variableTaints = new WeakMap<Variable, VariableWrites>();
  private readonly devOnly: DevOnlyBranches;
  private readonly narrowing: ErrorNarrowing;
  /** Errors that are values (`{ data, error }` results, settled `reason`s), and own-key copies. */
  private readonly values: ErrorValues;
  /** Whether error values are sources: not in helper mode, whose one source is the parameter. */
  private readonly valueSources: boolean;
  /** Nested `taintOf` calls in progress (bounded by {@link MAX_DEPTH}). */
  private nesting = 0;

  constructor(
    private readonly context: FileContext,
    private readonly options: ErrorOriginOptions,
  ) {
    this.devOnly = new DevOnlyBranches(context, options.devGuards);
    this.narrowing = new ErrorNarrowing(context);
    this.values = getErrorValues(context);
    this.valueSources = !options.errorParam;
  }

  leaksIn(payload: TSESTree.Node, ignoreProperties: readonly string[] = []): ErrorLeak[] {
    return leaksIn(this.context, (node) => this.taintOf(node), payload, ignoreProperties);
  }

  isDevOnly(node: TSESTree.Node): boolean {
    return this.devOnly.isDevOnly(node);
  }

  isNarrowed(node: TSESTree.Node, variables: readonly Variable[]): boolean {
    return this.narrowing.isNarrowed(node, variables);
  }

  sourcePath(variable: Variable): readonly (string | null)[] | null {
    if (this.sources.has(variable)) {
      return this.sources.get(variable)!;
    }
    let path: (string | null)[] | null = null;
    const def = variable.defs[0];
    const helper = this.options.errorParam;
    if (helper) {
      const param = helper.fn.params[helper.index];
      path = variable.defs.length === 1 && def?.type === 'Parameter' && def.node === helper.fn && param ? patternPath(param, def.name, this.context) : null;
    } else if (variable.defs.length === 1 && def) {
      if (def.type === 'CatchClause') {
        const param = (def.node as TSESTree.CatchClause).param;
        path = param ? patternPath(param, def.name, this.context) : null;
      } else if (def.type === 'Parameter' && isFunctionLike(def.node as TSESTree.Node)) {
        const fn = def.node as FunctionLike;
        const formatter = errorFormatterPattern(fn);
        if (formatter) {
          // `errorFormatter({ shape, error })`: the error is a property of the options.
          path = formatterErrorPath(patternPath(formatter, def.name, this.context));
        } else {
          const roles = errorHandlerRoles(this.context, fn, this.options.errorHandlers);
          const param = roles ? fn.params[roles.errorParam] : undefined;
          path = param ? patternPath(param, def.name, this.context) : null;
        }
      }
      if (!path && this.valueSources && (def.type === 'Variable' || def.type === 'Parameter')) {
        // `const { data, error } = await supabase.from('t').select()`, `({ reason }) => …` over settled entries.
        const binding = this.values.binding(variable);
        path = binding && 'path' in binding ? [...binding.path] : null;
      }
    }
    this.sources.set(variable, path);
    return path;
  }

  private resolve(id: TSESTree.Identifier): Variable | null {
    return variableFor(this.context, id);
  }

  private applyPath(taint: ErrorTaint | null, path: readonly (string | null)[], origin: TSESTree.Node): ErrorTaint | null {
    let current = taint;
    let previous: string | null = null;
    for (const key of path) {
      const kind = current && !(current.kind === 'details' && isHarmlessDetail(previous, key)) ? accessKind(current.kind, key) : null;
      current = kind && current ? { ...current, kind, origin } : null;
      previous = key;
    }
    return current;
  }

  taintOf(node: TSESTree.Node): ErrorTaint | null {
    if (this.taints.has(node)) {
      return this.taints.get(node)!;
    }
    this.taints.set(node, null); // cycle guard
    if (this.nesting > MAX_DEPTH) {
      return null; // generated code nested thousands deep: give up rather than overflow
    }
    this.nesting++;
    try {
      const taint = this.computeTaint(node);
      this.taints.set(node, taint);
      return taint;
    } finally {
      this.nesting--;
    }
  }

  /** A string-producing conversion of a taint: a whole error becomes its `Name: message` text. */
  private asText(taint: ErrorTaint | null, origin: TSESTree.Node): ErrorTaint | null {
    if (!taint) {
      return null;
    }
    if (taint.kind === 'error') {
      return this.isNarrowed(origin, taint.variables) ? null : { ...taint, kind: 'message', origin };
    }
    return taint;
  }

  private computeTaint(node: TSESTree.Node): ErrorTaint | null {
    switch (node.type) {
      case AST_NODE_TYPES.Identifier:
        return this.identifierTaint(node);
      case AST_NODE_TYPES.ChainExpression:
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
        return this.taintOf(node.expression);
      case AST_NODE_TYPES.AwaitExpression:
        return this.taintOf(node.argument);
      case AST_NODE_TYPES.SequenceExpression:
        return this.taintOf(node.expressions[node.expressions.length - 1]!);
      case AST_NODE_TYPES.MemberExpression: {
        const base = this.taintOf(node.object);
        if (!base) {
          return this.heldErrorTaint(node) ?? this.shapeMessageTaint(node);
        }
        const name = memberName(this.context, node);
        // `e[k]` with `k` from `Object.getOwnPropertyNames(e)`: every own property, the stack too.
        const ownKey = name === null && base.kind === 'error' && node.property.type === AST_NODE_TYPES.Identifier && this.values.isOwnKey(node.property);
        const kind = ownKey ? 'stack' : accessKind(base.kind, name);
        if (!base || !kind) {
          return null;
        }
        // `e.meta.target`: the unique fields of a Prisma P2002 error, named in a deliberate 4xx message.
        const holder = skipTsWrappers(node.object);
        if (base.kind === 'details' && holder.type === AST_NODE_TYPES.MemberExpression && isHarmlessDetail(memberName(this.context, holder), name)) {
          return null;
        }
        if (kind === 'message' && this.isNarrowed(node, base.variables)) {
          return null;
        }
        return { ...base, kind, origin: kind === base.kind && (kind === 'message' || kind === 'stack') ? base.origin : node };
      }
      case AST_NODE_TYPES.TemplateLiteral:
        return node.expressions.reduce<ErrorTaint | null>((acc, e) => maxTaint(acc, this.asText(this.taintOf(e), node)), null);
      case AST_NODE_TYPES.BinaryExpression:
        return node.operator === '+'
          ? maxTaint(this.asText(this.taintOf(node.left), node), this.asText(this.taintOf(node.right), node))
          : null;
      case AST_NODE_TYPES.LogicalExpression:
        return node.operator === '&&' ? this.taintOf(node.right) : maxTaint(this.taintOf(node.left), this.taintOf(node.right));
      case AST_NODE_TYPES.ConditionalExpression:
        return maxTaint(this.taintOf(node.consequent), this.taintOf(node.alternate));
      case AST_NODE_TYPES.ObjectExpression:
        return node.properties.reduce<ErrorTaint | null>(
          (acc, p) => maxTaint(acc, this.taintOf(p.type === AST_NODE_TYPES.Property ? p.value : p.argument)),
          null,
        );
      case AST_NODE_TYPES.ArrayExpression:
        return node.elements.reduce<ErrorTaint | null>(
          (acc, e) => (e ? maxTaint(acc, this.taintOf(e.type === AST_NODE_TYPES.SpreadElement ? e.argument : e)) : acc),
          null,
        );
      case AST_NODE_TYPES.CallExpression:
        return this.callTaint(node);
      case AST_NODE_TYPES.NewExpression: {
        // `new Error(err.message)` carries the message; `{ cause: err }` is not serialised.
        const callee = node.callee.type === AST_NODE_TYPES.Identifier ? node.callee.name : '';
        const first = node.arguments[0];
        return /(?:Error|Exception)$/u.test(callee) && first ? this.asText(this.taintOf(first), first) : null;
      }
      default:
        return null;
    }
  }

  /** `result.error`, `r.reason`: an error held by a client result or a settled entry, a source of its own. */
  private heldErrorTaint(member: TSESTree.MemberExpression): ErrorTaint | null {
    const holder = this.valueSources ? this.values.heldError(member) : null;
    if (!holder || this.isDevOnly(member)) {
      return null;
    }
    return { kind: 'error', source: holder, variables: [holder], origin: member };
  }

  /**
   * `shape.message` in an error formatter (`errorFormatter({ shape, error })`): the message of the
   * error, which for an unknown error is its raw message. The rest of the shape is not a source.
   */
  private shapeMessageTaint(member: TSESTree.MemberExpression): ErrorTaint | null {
    const object = skipTsWrappers(member.object);
    if (!this.valueSources || object.type !== AST_NODE_TYPES.Identifier || memberName(this.context, member) !== ERROR_FORMATTER.messageKey) {
      return null;
    }
    const shape = this.resolve(object);
    const def = shape?.defs.length === 1 ? shape.defs[0] : undefined;
    const fn = def?.type === 'Parameter' && isFunctionLike(def.node as TSESTree.Node) ? (def.node as FunctionLike) : null;
    const pattern = fn ? errorFormatterPattern(fn) : null;
    const path = pattern && def ? patternPath(pattern, def.name, this.context) : null;
    if (!shape || !fn || path?.length !== 1 || path[0] !== ERROR_FORMATTER.shapeKey) {
      return null;
    }
    // The error binding next to it, if any: what narrowing tests (`error.code !== 'INTERNAL_SERVER_ERROR'`) read.
    const error = this.context.sourceCode.getDeclaredVariables(fn).find((v) => v !== shape && this.sourcePath(v)?.length === 0);
    const variables = error ? [error, shape] : [shape];
    if (this.isDevOnly(member) || this.isNarrowed(member, variables)) {
      return null;
    }
    return { kind: 'message', source: error ?? shape, variables, origin: member };
  }

  /** What the inline callback of `names.map((k) => [k, e[k]])` or `.reduce(…)` returns. */
  private callbackResultTaint(fn: FunctionLike): ErrorTaint | null {
    return returnedValues(this.context, fn).reduce<ErrorTaint | null>((worst, value) => maxTaint(worst, this.taintOf(value)), null);
  }

  private callTaint(call: TSESTree.CallExpression): ErrorTaint | null {
    const callee = skipTsWrappers(call.callee);
    const first = call.arguments[0];
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const receiver = this.taintOf(callee.object);
      const method = memberName(this.context, callee);
      if (receiver && method !== null) {
        if (receiver.kind === 'error') {
          return method === 'toString' ? this.asText(receiver, call) : method === 'toJSON' ? { ...receiver, origin: call } : null;
        }
        return PASS_METHODS.has(method) ? receiver : null;
      }
      if (method !== null && RESULT_CALLBACKS.has(method) && first && isFunctionLike(first)) {
        // `items.map(() => ({ error: err.message }))`: the callback's results are the array's elements.
        return this.callbackResultTaint(first);
      }
      if (method !== null && ENCODING_METHODS.has(method) && first && first.type !== AST_NODE_TYPES.SpreadElement) {
        // `encoder.encode(`data: ${err.message}\n\n`)`: the bytes of the text.
        return this.asText(this.taintOf(first), call);
      }
    }
    if (!first || first.type === AST_NODE_TYPES.SpreadElement) {
      return null;
    }
    const target = resolveCallTarget(this.context, callee);
    const name = target ? `${target.module ?? ''}:${target.path.join('.')}` : '';
    if (name === ':Object.assign') {
      // `Object.assign({}, err)` copies the error's own enumerable properties.
      const copied = call.arguments.reduce<ErrorTaint | null>((acc, a) => maxTaint(acc, this.taintOf(a.type === AST_NODE_TYPES.SpreadElement ? a.argument : a)), null);
      return copied ? { ...copied, origin: call } : null;
    }
    const arg = this.taintOf(first);
    if (!arg) {
      return null;
    }
    switch (name) {
      case ':JSON.parse':
      case ':structuredClone':
      case ':Object.fromEntries':
        // `JSON.parse(JSON.stringify(err))`, `structuredClone(err)`: a copy of what they are given.
        return arg.kind === 'error' || arg.kind === 'stack' ? { ...arg, origin: call } : arg;
      case ':String':
      case ':Buffer.from':
        return this.asText(arg, call);
      case ':JSON.stringify': {
        // With a replacer listing own property names, the stack is serialised too.
        const withOwnNames = call.arguments[1] !== undefined && /getOwnPropertyNames/u.test(this.context.sourceCode.getText(call.arguments[1]));
        return arg.kind === 'error' ? { ...arg, kind: withOwnNames ? 'stack' : 'error', origin: call } : arg;
      }
      case 'util:inspect':
      case 'util:format':
      case 'serialize-error:serializeError':
      case 'serialize-error:default':
      case 'serialize-error:':
        // inspect() and serializeError() print the stack of an error.
        return arg.kind === 'error' ? { ...arg, kind: 'stack', origin: call } : arg;
      default:
        return this.options.helperResult?.(call, call.arguments.map((a) => (a.type === AST_NODE_TYPES.SpreadElement ? null : this.taintOf(a)))) ?? null;
    }
  }

  private identifierTaint(id: TSESTree.Identifier): ErrorTaint | null {
    const variable = this.resolve(id);
    if (!variable) {
      return null;
    }
    const path = this.sourcePath(variable);
    let taint: ErrorTaint | null;
    if (path) {
      const base: ErrorTaint = { kind: this.options.errorParam?.kind ?? 'error', source: variable, variables: [variable], origin: id };
      taint = this.applyPath(base, path, id);
    } else {
      taint = this.aliasTaint(variable, id);
      if (taint && !taint.variables.includes(variable)) {
        taint = { ...taint, variables: [...taint.variables, variable] };
      }
    }
    if (!taint || this.isDevOnly(id)) {
      return null;
    }
    return taint.kind === 'message' && this.isNarrowed(id, taint.variables) ? null : taint;
  }

  /**
   * The worst taint the writes to a local variable give it where `use` reads it: the init, and
   * the reassignments and `v.prop = …` writes that can have run before the read (see
   * {@link writeMayReach}: a `catch` that fills `result.error` taints no send in its `try` block).
   */
  private aliasTaint(variable: Variable, use: TSESTree.Node): ErrorTaint | null {
    const writes = this.variableWrites(variable);
    let taint = writes.init;
    for (const write of writes.later) {
      if (kindSeverityAbove(write.taint, taint) && writeMayReach(variable, write.node, use)) {
        taint = maxTaint(taint, write.taint);
      }
    }
    return taint;
  }

  /** The taints a local variable's writes give it (init, reassignments, `v.prop = …`), memoised per variable. */
  private variableWrites(variable: Variable): VariableWrites {
    const known = this.variableTaints.get(variable);
    if (known) {
      return known;
    }
    const writes: { init: ErrorTaint | null; later: { node: TSESTree.Node; taint: ErrorTaint }[] } = { init: null, later: [] };
    this.variableTaints.set(variable, writes); // cycle guard: what is found so far
    const def = variable.defs[0];
    if (variable.defs.length === 1 && def?.type === 'Variable') {
      const declarator = def.node as TSESTree.VariableDeclarator;
      if (declarator.init) {
        const path = patternPath(declarator.id, def.name, this.context);
        const init = this.taintOf(declarator.init);
        // `const { stack } = err` is named after its binding; `const e = err` keeps the origin.
        writes.init = path ? this.applyPath(init, path, path.length > 0 ? def.name : (init?.origin ?? declarator.init)) : null;
      }
      for (const ref of variable.references) {
        const id = ref.identifier;
        if (ref.isWrite() && !ref.init && ref.writeExpr && id.parent?.type === AST_NODE_TYPES.AssignmentExpression && id.parent.operator === '=') {
          const taint = this.taintOf(ref.writeExpr as TSESTree.Node);
          if (taint) {
            writes.later.push({ node: id.parent, taint });
          }
        }
        // `body.stack = err.stack` adds to the object the variable holds.
        const member = id.parent;
        if (
          member?.type === AST_NODE_TYPES.MemberExpression &&
          member.object === id &&
          member.parent.type === AST_NODE_TYPES.AssignmentExpression &&
          member.parent.left === member
        ) {
          const taint = this.taintOf(member.parent.right);
          if (taint) {
            writes.later.push({ node: member.parent, taint });
          }
        }
      }
    }
    return writes;
  }
}

/** Whether `candidate` is worse than `current`: only such writes are worth a reachability check. */
function kindSeverityAbove(candidate: ErrorTaint, current: ErrorTaint | null): boolean {
  return current === null || kindSeverity(candidate.kind) > kindSeverity(current.kind);
}

/**
 * Whether a caught error can come from somewhere in the file: a catch clause with a parameter, a
 * function that may receive an error (error handlers, error formatters), or a variable that starts
 * an error value (the `{ data, error }` of an awaited client call, `await Promise.allSettled(…)`).
 * The origin analysis is intra-procedural, so a file without any sends no caught error anywhere.
 * Read from the scopes and their variables, which are complete before any rule runs: a rule can ask
 * in `create()` and register no listener at all.
 */
export function fileHasErrorOrigin(context: FileContext, errorHandlers: readonly ErrorHandlerSpec[]): boolean {
  const scopes = context.sourceCode.scopeManager?.scopes ?? [];
  return (
    scopes.some((scope) =>
      scope.type === 'catch'
        ? (scope.block as TSESTree.CatchClause).param !== null
        : scope.type === 'function' && isFunctionLike(scope.block as TSESTree.Node) && mayReceiveError(scope.block as FunctionLike, errorHandlers),
    ) || fileStartsErrorValue(context)
  );
}

/**
 * Whether `node` sits in a catch clause or in a function that may receive an error: a call anywhere
 * else cannot hand a caught error to a helper, so most calls are never looked at for one.
 */
export function inErrorScope(node: TSESTree.Node, errorHandlers: readonly ErrorHandlerSpec[]): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.CatchClause || (isFunctionLike(current) && mayReceiveError(current, errorHandlers))) {
      return true;
    }
  }
  return false;
}
