/**
 * Middleware whose name says "gate" but whose body lets every request through
 * (`updateAuthenticatedUsers()`, which only records verified tokens and always calls `next()`).
 * A name is overruled only on proof: the body (followed into the file that defines it, through
 * a factory's returned function) never rejects in any way this file can see. When in doubt the
 * name is trusted: a gate wrongly dropped reports every route behind it.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { MENTIONS_AUTH, REQUEST_OBJECTS, RESPONSE_METHODS } from '../../data/auth-vocabulary';
import type { RouteGuard } from '../../frameworks/types';
import { dottedName, pushChildNodes } from '../../core/ast';
import { perFile, perFileKey } from '../../core/context';
import type { FileContext } from '../../core/context';
import { isFunctionLike, resolveFunction } from '../../core/functions';
import type { FunctionLike } from '../../core/functions';
import { skipTsWrappers } from '../../core/static';
import { variableFor } from '../../core/variable-index';
import { classifyCall } from './calls';
import { functionNamed, returnedFunctions } from './definitions';
import { isIdentityObject } from './identity';
import { isExitCall } from './values';
import type { AuthVocabulary } from './vocabulary';

/** Methods on a response-capable object that answer, end or fail the request besides `RESPONSE_METHODS`. */
const ANSWERING_METHODS = new Set(['status', 'writeHead', 'throw', 'assert', 'code', 'reply', 'respond', 'abort', 'fail']);
/** Answering methods that throw: the caller does not go on. */
const THROWING_METHODS = new Set(['throw', 'assert']);
/** Methods whose first argument is the status they answer with. */
const STATUS_METHODS = new Set(['status', 'writeHead', 'code', 'sendStatus']);
/** Members whose assignment answers the request: `ctx.body = …`, `res.statusCode = 401`, `ctx.status = 403`. */
const ANSWERING_MEMBERS = new Set(['body', 'status', 'statusCode', 'response']);
/** The continuation parameter of Express, Koa, Hono and Fastify-callback middleware. */
const NEXT_NAMES = /^(?:next|done|cb|callback|nxt)$/u;
/** The request parameter, whose passing to a helper cannot answer the request: `jwtFrom(req)`. */
const REQUEST_NAME = /^_?(?:req|request|rawRequest)$/u;
/** A body larger than this is not read: no proof, trust the name. */
const MAX_NODES = 4000;
/** Local functions handed as callbacks, followed at most this deep. */
const MAX_CALLBACK_DEPTH = 2;

const BY_FUNCTION = perFileKey<WeakMap<FunctionLike, boolean>>('auth middleware never rejects');
const BY_NAME = perFileKey<Map<string, boolean>>('auth name gate overruled');

/**
 * Whether a guard that its name makes a gate is, by its body, no gate: a middleware (or the
 * function a middleware factory returns) in this file or an imported project file that provably
 * never rejects a request. Only middleware, router-level `use` and hooks are judged: wrappers,
 * builders and decorators keep their names. `false` whenever the body cannot be found or read.
 */
export function nameGateOverruled(context: FileContext, guard: RouteGuard, vocab: AuthVocabulary): boolean {
  if (guard.via !== 'argument' && guard.via !== 'router' && guard.via !== 'hook') {
    return false;
  }
  const node = skipTsWrappers(guard.node);
  const called = node.type === AST_NODE_TYPES.CallExpression;
  const target = called ? skipTsWrappers(node.callee) : node;
  if (target.type !== AST_NODE_TYPES.Identifier && target.type !== AST_NODE_TYPES.MemberExpression) {
    return false;
  }
  // Every route of a file names the same few guards: one answer per written name and binding.
  const name = dottedName(target);
  const key = name !== null && rootBindingKnown(context, target) ? `${name}${called ? '()' : ''}` : null;
  const memo = perFile(context, BY_NAME, () => new Map());
  if (key !== null && memo.has(key)) {
    return memo.get(key)!;
  }
  let result: boolean;
  try {
    result = overruled(context, target, called, vocab);
  } catch {
    result = false;
  }
  if (key !== null) {
    memo.set(key, result);
  }
  return result;
}

/** The name's root is a binding of the module scope (an import, a top-level function): the same name means the same thing throughout the file. */
function rootBindingKnown(context: FileContext, node: TSESTree.Node): boolean {
  let root = node;
  while (root.type === AST_NODE_TYPES.MemberExpression) {
    root = skipTsWrappers(root.object);
  }
  if (root.type !== AST_NODE_TYPES.Identifier) {
    return false;
  }
  const scope = variableFor(context, root)?.scope.type;
  return scope === 'module' || scope === 'global';
}

function overruled(context: FileContext, target: TSESTree.Node, called: boolean, vocab: AuthVocabulary): boolean {
  const found = functionNamed(context, target, { mentions: MENTIONS_AUTH });
  if (!found) {
    return false;
  }
  const middleware = called ? returnedFunctions(found.fn) : [found.fn];
  return middleware.length > 0 && middleware.every((fn) => neverRejects(found.context, fn, vocab));
}

/**
 * Whether a middleware provably lets every request through: it calls its continuation
 * (`next()`, `await next()`) unconditionally at its top level and, anywhere in its body or
 * the callbacks it defines, has no 401/403 or other error status, no `throw`, no continuation
 * called with an argument (`next(err)`), no promise `reject`, no redirect or exit call, no
 * answer on the response (`res.json()`, `ctx.body =`), no `return` of anything but the
 * continuation, no gate call that throws (`requireUser(req)`, `jwt.verify(token, key)`), no
 * identity read that throws (`req.user.id`), and hands neither the response, the continuation
 * nor a `reject` to any other function. Memoised per function.
 */
export function neverRejects(context: FileContext, fn: FunctionLike, vocab: AuthVocabulary): boolean {
  const memo = perFile(context, BY_FUNCTION, () => new WeakMap());
  const known = memo.get(fn);
  if (known !== undefined) {
    return known;
  }
  memo.set(fn, false); // recursion guard
  let result: boolean;
  try {
    result = passesThrough(context, fn, vocab);
  } catch {
    result = false;
  }
  memo.set(fn, result);
  return result;
}

const BY_HELPER = perFileKey<WeakMap<FunctionLike, HelperAnswer | null>>('auth helper answers without stopping');

/** What a helper does when it refuses a request without stopping its caller. */
export interface HelperAnswer {
  /** What it answers with: `redirect`, a status code (`401`), or `response`. */
  readonly answer: string;
  /** Positions of its parameters that can answer the request (`res` of `(req, res)`). */
  readonly capable: readonly number[];
}

/**
 * The parameters of a middleware or handler that can answer the request: all but a first one
 * named like the request (`(req, res, next)`, `(request, reply)`), all of `(ctx, next)` and `(c)`.
 */
export function capableParams(names: readonly string[]): number[] {
  const requestOnly = names.length >= 3 || (names.length > 0 && REQUEST_NAME.test(names[0]!));
  return names.flatMap((_, index) => (index === 0 && requestOnly ? [] : [index]));
}

/**
 * Whether a gate helper, called as a statement (`check_logged(req, res);`), answers anonymous
 * requests on the response it is handed (`res.redirect('/login')`, `res.status(401).send()`) and
 * nothing else: the body reading of {@link neverRejects}, where an answer no longer counts as a
 * rejection but anything that stops the caller does (`throw`, `ctx.throw()`, an exit call such as
 * `redirect()`, a gate call that throws, `req.user.x`, handing the response or a `reject` on). Its
 * caller goes on after the answer. `null` when it may stop the caller, answers nothing, or cannot
 * be read. Memoised per function.
 */
export function answersWithoutStopping(context: FileContext, fn: FunctionLike, vocab: AuthVocabulary): HelperAnswer | null {
  const memo = perFile(context, BY_HELPER, () => new WeakMap());
  if (memo.has(fn)) {
    return memo.get(fn)!;
  }
  memo.set(fn, null); // recursion guard
  let result: HelperAnswer | null;
  try {
    result = helperAnswer(context, fn, vocab);
  } catch {
    result = null;
  }
  memo.set(fn, result);
  return result;
}

function helperAnswer(context: FileContext, fn: FunctionLike, vocab: AuthVocabulary): HelperAnswer | null {
  const names: string[] = [];
  for (const param of fn.params) {
    if (param.type !== AST_NODE_TYPES.Identifier) {
      return null; // roles unknown
    }
    names.push(param.name);
  }
  const capable = capableParams(names);
  if (capable.length === 0) {
    return null;
  }
  const roles: Roles = {
    capable: new Set(capable.map((index) => names[index]!)),
    rejecters: new Set(['reject']),
    params: new Set(names),
    mode: 'helper',
    answers: new Set(),
  };
  if (!bodyPasses(context, fn, fn, roles, vocab, 0) || roles.answers.size === 0) {
    return null;
  }
  const answer = roles.answers.has('redirect') ? 'redirect' : ([...roles.answers].find((a) => a !== 'response') ?? 'response');
  return { answer, capable };
}

interface Roles {
  /** Names that can answer or fail the request: the response, a context object, the continuation. */
  readonly capable: Set<string>;
  /** Names that reject a promise: `reject` and the second parameter of a `new Promise` executor. */
  readonly rejecters: Set<string>;
  /** All simple parameter names of the middleware, for identity reads (`req.user.id`). */
  readonly params: Set<string>;
  /**
   * `'middleware'`: any way to end the request counts (its answer rejects). `'helper'`: a function
   * a handler calls as a statement, where only what stops the caller counts (`throw`, an exit call,
   * a gate call that throws); its answers on the response are collected in `answers` instead, and
   * a `return` of anything answers nobody.
   */
  readonly mode: 'middleware' | 'helper';
  /** What the helper answers on the response: `redirect`, a status code, `response`. */
  readonly answers: Set<string>;
}

/** What a node does to the request: nothing, answers it (the caller goes on), or stops the caller. */
type Effect = 'pass' | 'answer' | 'stop';

function passesThrough(context: FileContext, fn: FunctionLike, vocab: AuthVocabulary): boolean {
  const names: string[] = [];
  for (const param of fn.params) {
    if (param.type !== AST_NODE_TYPES.Identifier) {
      // A destructured or defaulted parameter: roles unknown.
      return false;
    }
    names.push(param.name);
  }
  const next = names.length >= 2 && (NEXT_NAMES.test(names.at(-1)!) || names.length === 3) ? names.at(-1)! : null;
  if (next === null || !callsOnTop(fn, next)) {
    // No continuation called on every path: the request may stop here.
    return false;
  }
  // `(req, res, next)`: the request object cannot answer; `(ctx, next)` and `(c, next)` can.
  const roles: Roles = {
    capable: new Set(capableParams(names).map((index) => names[index]!)),
    rejecters: new Set(['reject']),
    params: new Set(names),
    mode: 'middleware',
    answers: new Set(),
  };
  return bodyPasses(context, fn, fn, roles, vocab, 0);
}

/** `next()`, `await next()`, `return next()` as a statement of the function's own body, before any other `return`. */
function callsOnTop(fn: FunctionLike, next: string): boolean {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) {
    return isContinuation(fn.body, next);
  }
  return fn.body.body.some((statement) =>
    statement.type === AST_NODE_TYPES.ExpressionStatement ? isContinuation(statement.expression, next) : statement.type === AST_NODE_TYPES.ReturnStatement && statement.argument !== null && isContinuation(statement.argument, next),
  );
}

function isContinuation(node: TSESTree.Node, next: string): boolean {
  let expr = skipTsWrappers(node);
  if (expr.type === AST_NODE_TYPES.AwaitExpression) {
    expr = skipTsWrappers(expr.argument);
  }
  return expr.type === AST_NODE_TYPES.CallExpression && expr.arguments.length === 0 && expr.callee.type === AST_NODE_TYPES.Identifier && expr.callee.name === next;
}

/** Whether the body of `fn` (the middleware, or a local callback it hands on) shows no way to reject. */
function bodyPasses(context: FileContext, middleware: FunctionLike, fn: FunctionLike, roles: Roles, vocab: AuthVocabulary, depth: number): boolean {
  const stack: TSESTree.Node[] = [fn.body];
  for (let visited = 0; stack.length > 0; visited++) {
    if (visited > MAX_NODES) {
      return false;
    }
    const node = stack.pop()!;
    const effect = nodeEffect(context, middleware, node, roles, vocab, depth);
    if (effect === 'stop' || (effect === 'answer' && roles.mode === 'middleware')) {
      return false;
    }
    pushChildNodes(context.sourceCode, node, stack);
  }
  return true;
}

function nodeEffect(context: FileContext, middleware: FunctionLike, node: TSESTree.Node, roles: Roles, vocab: AuthVocabulary, depth: number): Effect {
  switch (node.type) {
    case AST_NODE_TYPES.ThrowStatement:
      return 'stop';
    case AST_NODE_TYPES.Literal:
      // 401, 403, any error status; `'UNAUTHORIZED'`, `'Forbidden'`.
      return (typeof node.value === 'number' && node.value >= 400 && node.value < 600) || (typeof node.value === 'string' && /^(?:unauthori[sz]ed|forbidden)$/iu.test(node.value)) ? 'answer' : 'pass';
    case AST_NODE_TYPES.ReturnStatement:
      // Only the middleware's own `return next()` (a callback's `return x` answers nobody); a helper's caller ignores what it returns.
      return roles.mode === 'helper' || nearestFunction(node) !== middleware || (node.argument !== null && isContinuationOf(node.argument, roles)) ? 'pass' : 'stop';
    case AST_NODE_TYPES.NewExpression:
      // `new Promise((resolve, reject) => …)`: its second parameter rejects.
      if (node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'Promise') {
        const executor = node.arguments[0] ? skipTsWrappers(node.arguments[0]) : null;
        const second = isFunctionLike(executor) ? executor.params[1] : undefined;
        if (second?.type === AST_NODE_TYPES.Identifier) {
          roles.rejecters.add(second.name);
        }
      }
      return argumentsPass(context, middleware, node.arguments, roles, vocab, depth) ? 'pass' : 'stop';
    case AST_NODE_TYPES.AssignmentExpression: {
      const left = node.left;
      if (left.type === AST_NODE_TYPES.MemberExpression && !left.computed && left.property.type === AST_NODE_TYPES.Identifier && ANSWERING_MEMBERS.has(left.property.name) && rootIn(left.object, roles.capable)) {
        roles.answers.add(left.property.name === 'body' || left.property.name === 'response' ? 'response' : statusOf(node.right));
        return 'answer';
      }
      return 'pass';
    }
    case AST_NODE_TYPES.MemberExpression:
      // `req.user.id` throws when nobody is signed in.
      return node.optional || node.parent.type === AST_NODE_TYPES.ChainExpression || !isIdentityObject(node.object, roles.params, new Set()) ? 'pass' : 'stop';
    case AST_NODE_TYPES.CallExpression:
      return callEffect(context, middleware, node, roles, vocab, depth);
    default:
      return 'pass';
  }
}

function callEffect(context: FileContext, middleware: FunctionLike, call: TSESTree.CallExpression, roles: Roles, vocab: AuthVocabulary, depth: number): Effect {
  const callee = skipTsWrappers(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) {
    if (roles.rejecters.has(callee.name)) {
      return 'stop';
    }
    // `next(err)`, `done(new Error())`: the continuation with an argument fails the request.
    if (roles.capable.has(callee.name)) {
      return call.arguments.length === 0 ? 'pass' : 'stop';
    }
  }
  if (callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier) {
    const method = callee.property.name;
    const object = skipTsWrappers(callee.object);
    const objectName = object.type === AST_NODE_TYPES.Identifier ? object.name : object.type === AST_NODE_TYPES.MemberExpression && !object.computed && object.property.type === AST_NODE_TYPES.Identifier ? object.property.name : null;
    // `res.json()`, `res.status(…)`, `ctx.throw()`, `c.text()`; not `c.req.json()`, which reads the request.
    if ((RESPONSE_METHODS.has(method) || ANSWERING_METHODS.has(method)) && rootIn(callee.object, roles.capable) && !(objectName !== null && REQUEST_OBJECTS.has(objectName))) {
      if (THROWING_METHODS.has(method)) {
        return 'stop'; // `ctx.throw(401)`, `ctx.assert(user, 401)`
      }
      roles.answers.add(method === 'redirect' ? 'redirect' : STATUS_METHODS.has(method) && call.arguments[0] ? statusOf(call.arguments[0]) : 'response');
      return argumentsPass(context, middleware, call.arguments, roles, vocab, depth) ? 'answer' : 'stop';
    }
  }
  const name = dottedName(callee);
  if (isExitCall(call) && !/^(?:console|logger|log)\./u.test(name ?? '')) {
    return 'stop';
  }
  // A gate call that throws on failure: `requireUser(req)`, `jwt.verify(token, key)` (not its callback form).
  if (classifyCall(context, call, vocab) === 'assert' && !call.arguments.some((arg) => isFunctionLike(skipTsWrappers(arg)))) {
    return 'stop';
  }
  return argumentsPass(context, middleware, call.arguments, roles, vocab, depth) ? 'pass' : 'stop';
}

/** `401` for a literal status, `response` for anything else. */
function statusOf(node: TSESTree.Node): string {
  const expr = skipTsWrappers(node);
  return expr.type === AST_NODE_TYPES.Literal && typeof expr.value === 'number' ? String(expr.value) : 'response';
}

/** Arguments hand on neither the response, the continuation nor a `reject`, nor a local function that may reject. */
function argumentsPass(context: FileContext, middleware: FunctionLike, args: readonly TSESTree.Node[], roles: Roles, vocab: AuthVocabulary, depth: number): boolean {
  for (const arg of args) {
    const expr = skipTsWrappers(arg.type === AST_NODE_TYPES.SpreadElement ? arg.argument : arg);
    if (expr.type !== AST_NODE_TYPES.Identifier) {
      // Inline callbacks are part of the body and walked with it.
      continue;
    }
    if (roles.capable.has(expr.name) || roles.rejecters.has(expr.name)) {
      return false;
    }
    const callback = resolveFunction(context, expr);
    if (callback && !isInside(callback, middleware)) {
      // A function defined outside the middleware: it cannot reach the response, but may throw.
      if (depth >= MAX_CALLBACK_DEPTH || !bodyPasses(context, middleware, callback, { ...roles, params: new Set() }, vocab, depth + 1)) {
        return false;
      }
    }
  }
  return true;
}

function isContinuationOf(node: TSESTree.Node, roles: Roles): boolean {
  let expr = skipTsWrappers(node);
  if (expr.type === AST_NODE_TYPES.AwaitExpression) {
    expr = skipTsWrappers(expr.argument);
  }
  return expr.type === AST_NODE_TYPES.CallExpression && expr.arguments.length === 0 && expr.callee.type === AST_NODE_TYPES.Identifier && roles.capable.has(expr.callee.name);
}

function rootIn(node: TSESTree.Node, names: ReadonlySet<string>): boolean {
  let current = skipTsWrappers(node);
  for (let hops = 0; hops < 20; hops++) {
    if (current.type === AST_NODE_TYPES.Identifier) {
      return names.has(current.name);
    }
    if (current.type === AST_NODE_TYPES.MemberExpression) {
      current = skipTsWrappers(current.object);
    } else if (current.type === AST_NODE_TYPES.CallExpression) {
      current = skipTsWrappers(current.callee);
    } else {
      return false;
    }
  }
  return false;
}

function nearestFunction(node: TSESTree.Node): TSESTree.Node | null {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionLike(current)) {
      return current;
    }
  }
  return null;
}

function isInside(node: TSESTree.Node, ancestor: TSESTree.Node): boolean {
  return node.range[0] >= ancestor.range[0] && node.range[1] <= ancestor.range[1];
}
