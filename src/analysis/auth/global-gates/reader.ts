/**
 * Reading a gate function of a project-level gate file (`global-gates/`). A gate function is read
 * once, in the "anonymous world": identity reads (`!session`,
 * `event.locals.user`, `!token`) are decided as an anonymous request would decide them, path
 * tests (`pathname.startsWith('/admin')`) become predicates over the URL path, anything else is
 * unknown. Each refusal reached (`return NextResponse.redirect(…)`, `error(401)`, `throw`,
 * `auth.protect()`) yields a rule: the path predicate under which an anonymous request meets
 * it. A route is covered when, for every sample of its path, some rule is certainly true.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { CLERK_PROTECT_METHODS, CLERK_ROUTE_MATCHERS, CLERK_SIGN_IN_REDIRECTS } from '../../../frameworks/global-gates/next';
import {
  NEST_COOKIE_MEMBERS,
  NEST_CREDENTIAL_DERIVATIONS,
  NEST_CREDENTIAL_HEADER_NAMES,
  NEST_CREDENTIAL_HEADERS,
  NEST_GUARD_METHOD,
  NEST_HEADER_GETTERS,
  NEST_METADATA_READS,
  NEST_REFUSING_EXCEPTIONS,
  NEST_REFUSING_STATUS,
  NEST_RESPONSE_SENDERS,
  NEST_RESPONSE_STATUS_SENDER,
  NEST_RESPONSE_STATUS_SETTER,
} from '../../../frameworks/global-gates/nest';
import { pathPatternRegExp } from '../../../frameworks/global-gates/path-patterns';
import { REFUSING_STATUSES, SIGN_IN_TARGET } from '../../../frameworks/global-gates/types';
import type { RejectingCall } from '../../../frameworks/global-gates/types';
import { importedDefinition } from '../../../project/index';
import type { ProjectFile } from '../../../project/index';
import { IDENTITY_PROPERTIES } from '../../../data/auth-vocabulary';
import { pushChildNodes, dottedName } from '../../../core/ast';
import type { FileContext } from '../../../core/context';
import { isFunctionLike, resolveFunction } from '../../../core/functions';
import type { FunctionLike } from '../../../core/functions';
import { resolveCallTarget } from '../../../core/modules';
import { getSettings } from '../../../core/settings';
import { findObjectProperty, resolveConstInit, skipTsWrappers, staticValue } from '../../../core/static';
import { classifyCall } from '../calls';
import { readsIdentity } from '../identity';
import type { AuthVocabulary } from '../vocabulary';

// ---- Three-valued path conditions ----

/** `true`/`false` when certain, `null` when unknown. */
type Truth = boolean | null;
/** A condition on the URL path of an anonymous request. */
export type Cond = (path: string) => Truth;

export const TRUE: Cond = () => true;
export const FALSE: Cond = () => false;
const UNKNOWN: Cond = () => null;

function and(a: Cond, b: Cond): Cond {
  if (a === FALSE || b === FALSE) {
    return FALSE;
  }
  if (a === TRUE) {
    return b;
  }
  if (b === TRUE) {
    return a;
  }
  return (p) => {
    const x = a(p);
    if (x === false) {
      return false;
    }
    const y = b(p);
    return y === false ? false : x === true && y === true ? true : null;
  };
}

function or(a: Cond, b: Cond): Cond {
  if (a === TRUE || b === TRUE) {
    return TRUE;
  }
  if (a === FALSE) {
    return b;
  }
  if (b === FALSE) {
    return a;
  }
  return (p) => {
    const x = a(p);
    if (x === true) {
      return true;
    }
    const y = b(p);
    return y === true ? true : x === false && y === false ? false : null;
  };
}

function not(a: Cond): Cond {
  if (a === TRUE) {
    return FALSE;
  }
  if (a === FALSE) {
    return TRUE;
  }
  if (a === UNKNOWN) {
    return UNKNOWN;
  }
  return (p) => {
    const x = a(p);
    return x === null ? null : !x;
  };
}

// ---- Reading a gate function ----

/** A refusal an anonymous request meets on the paths where `cond` holds. */
export interface Rule {
  readonly cond: Cond;
  /** The refusing code, shortened, for descriptions. */
  readonly text: string;
}

/** Files a model was read from, with the parse it was read from. */
export type Deps = Map<string, TSESTree.Program>;

interface Reader {
  readonly context: FileContext;
  readonly refusing: readonly RejectingCall[];
  readonly vocab: AuthVocabulary;
  readonly rules: Rule[];
  readonly deps: Deps;
  /** `return <falsy>` refuses: Auth.js `authorized` callbacks and NestJS `canActivate`. */
  readonly verdict?: boolean;
  /** The parameter holding Clerk's `auth` (`clerkMiddleware((auth, req) => …)`). */
  readonly clerkAuth?: string;
  /** NestJS guard: route metadata reads answer "absent", `super.canActivate()` refuses when the base class is a gate. */
  readonly nest?: { readonly superGate: boolean };
  /**
   * NestJS middleware (`use(req, res, next)`): the names of its response and `next` parameters.
   * Credential headers and cookies read as absent; `res.status(401).json(…)` and
   * `next(new UnauthorizedException())` refuse.
   */
  readonly middleware?: {
    readonly response: string | null;
    readonly next: string | null;
    /** Fastify hooks (`onRequest(request, reply)`): the request parameter, whose `url` is the path. */
    readonly request?: string | null;
    /** Methods of the response that refuse by themselves (`reply.unauthorized()` of `@fastify/sensible`). */
    readonly refusingMethods?: ReadonlySet<string>;
    /** Methods that set the status before a sender, beside `status` (Fastify's `reply.code(401).send()`). */
    readonly statusSetters?: ReadonlySet<string>;
  };
  /** Functions followed through `return f(req)`, and how deep. */
  readonly depth: number;
}

/** Names that hold an identity, a session or a credential: absent on an anonymous request. */
const CREDENTIAL_NAMES = new Set([
  ...IDENTITY_PROPERTIES,
  'token', 'accessToken', 'sessionToken', 'authToken', 'jwt', 'idToken', 'bearer', 'sessionId', 'sid', 'sessionCookie', 'authCookie',
  'isLoggedIn', 'loggedIn', 'isAuthenticated', 'authenticated', 'isAuthed', 'isSignedIn', 'signedIn', 'currentSession',
]);

const MAX_FOLLOW_DEPTH = 2;
const MAX_EVAL_DEPTH = 12;
const EXIT = FALSE;

export function shortText(context: FileContext, node: TSESTree.Node): string {
  const text = context.sourceCode.getText(node).replace(/\s+/gu, ' ');
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function staticString(context: FileContext, node: TSESTree.Node, env: ReadonlyMap<string, string>): string | null {
  const expr = skipTsWrappers(node);
  if (expr.type === AST_NODE_TYPES.Identifier && env.has(expr.name)) {
    return env.get(expr.name)!;
  }
  const value = staticValue(context, expr);
  return typeof value?.value === 'string' ? value.value : null;
}

function staticStrings(context: FileContext, node: TSESTree.Node): string[] | null {
  const value = staticValue(context, skipTsWrappers(node));
  return Array.isArray(value?.value) && value.value.every((v) => typeof v === 'string') ? (value.value as string[]) : null;
}

/** `event.url.pathname`, `request.nextUrl.pathname`, `pathname`, a const bound to one; Nuxt `event.path`; a Fastify hook's `request.url`. */
function isPathExpression(reader: Reader, node: TSESTree.Node, depth = 0): boolean {
  const expr = skipTsWrappers(node.type === AST_NODE_TYPES.ChainExpression ? node.expression : node);
  if (expr.type === AST_NODE_TYPES.MemberExpression && !expr.computed && expr.property.type === AST_NODE_TYPES.Identifier) {
    const request = reader.middleware?.request;
    return (
      expr.property.name === 'pathname' ||
      (expr.property.name === 'path' && expr.object.type === AST_NODE_TYPES.Identifier && expr.object.name === 'event') ||
      (expr.property.name === 'url' && typeof request === 'string' && expr.object.type === AST_NODE_TYPES.Identifier && expr.object.name === request)
    );
  }
  if (expr.type === AST_NODE_TYPES.Identifier) {
    if (expr.name === 'pathname') {
      return true;
    }
    const init = depth < 3 ? resolveConstInit(reader.context, expr) : null;
    return init !== null && isPathExpression(reader, init, depth + 1);
  }
  return false;
}

/** A string test on the path: `p.startsWith(s)`, `p.endsWith(s)`, `p.includes(s)`, `p === s`. */
function pathTest(method: string, value: string): Cond | null {
  switch (method) {
    case 'startsWith':
      return (p) => p.startsWith(value);
    case 'endsWith':
      return (p) => p.endsWith(value);
    case 'includes':
      return (p) => p.includes(value);
    case '===':
    case '==':
      return (p) => p === value;
    default:
      return null;
  }
}

function regexOf(reader: Reader, node: TSESTree.Node): RegExp | null {
  const expr = skipTsWrappers(node);
  const init = expr.type === AST_NODE_TYPES.Identifier ? resolveConstInit(reader.context, expr) : expr;
  if (init?.type === AST_NODE_TYPES.Literal && 'regex' in init && init.regex) {
    try {
      return new RegExp(init.regex.pattern, init.regex.flags.replace(/[gy]/gu, ''));
    } catch {
      return null;
    }
  }
  return null;
}

export function isModuleExport(context: FileContext, node: TSESTree.Node, specs: readonly { readonly module: string; readonly path: readonly string[] }[]): boolean {
  const target = resolveCallTarget(context, node);
  return target !== null && specs.some((spec) => spec.module === target.module && spec.path.join('.') === target.path.join('.'));
}

/** `const isProtected = createRouteMatcher(['/dashboard(.*)'])`: a path predicate, or `null`. */
function routeMatcherCond(reader: Reader, callee: TSESTree.Node): Cond | null {
  const expr = skipTsWrappers(callee);
  const init = expr.type === AST_NODE_TYPES.Identifier ? resolveConstInit(reader.context, expr) : null;
  if (init?.type !== AST_NODE_TYPES.CallExpression || !isModuleExport(reader.context, init.callee, CLERK_ROUTE_MATCHERS) || !init.arguments[0]) {
    return null;
  }
  const value = staticValue(reader.context, init.arguments[0]);
  const patterns = typeof value?.value === 'string' ? [value.value] : Array.isArray(value?.value) ? (value.value as unknown[]) : null;
  const regexps = patterns?.map((p) => (typeof p === 'string' ? pathPatternRegExp(p) : null));
  // One pattern this reader cannot read makes the whole matcher unknown (negated, it would over-cover).
  if (!regexps || regexps.length === 0 || regexps.some((r) => r === null)) {
    return UNKNOWN;
  }
  return (p) => regexps.some((r) => r!.test(p));
}

/** Whether an expression is `null`, `undefined` or `void 0`. */
function isNullish(node: TSESTree.Node): boolean {
  return (
    (node.type === AST_NODE_TYPES.Literal && node.value === null) ||
    (node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined') ||
    (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === 'void')
  );
}

/** Whether an expression denotes the caller's identity or credential (falsy for an anonymous request). */
function isIdentity(reader: Reader, node: TSESTree.Node): boolean {
  const expr = skipTsWrappers(node);
  if (expr.type === AST_NODE_TYPES.Identifier) {
    return CREDENTIAL_NAMES.has(expr.name) || (reader.middleware !== undefined && NEST_CREDENTIAL_HEADER_NAMES.has(expr.name));
  }
  if (reader.middleware && requestCredential(expr)) {
    return true;
  }
  if (expr.type === AST_NODE_TYPES.ChainExpression || expr.type === AST_NODE_TYPES.AwaitExpression) {
    return isIdentity(reader, expr.type === AST_NODE_TYPES.ChainExpression ? expr.expression : expr.argument);
  }
  if (expr.type === AST_NODE_TYPES.MemberExpression || expr.type === AST_NODE_TYPES.CallExpression) {
    if (readsIdentity(expr, CREDENTIAL_NAMES)) {
      return true;
    }
    if (expr.type === AST_NODE_TYPES.CallExpression) {
      const kind = classifyCall(reader.context, expr, reader.vocab);
      return kind === 'fetch' || kind === 'predicate';
    }
  }
  return false;
}

/** The name of a non-computed member, or the string of a computed literal one (`headers['x-api-key']`). */
function memberName(expr: TSESTree.MemberExpression): string | null {
  if (!expr.computed) {
    return expr.property.type === AST_NODE_TYPES.Identifier ? expr.property.name : null;
  }
  return expr.property.type === AST_NODE_TYPES.Literal && typeof expr.property.value === 'string' ? expr.property.value : null;
}

/**
 * Whether an expression of a middleware reads a credential of the request, or a string derived
 * from one: absent (or throwing) on an anonymous request.
 * @example requestCredential(req.headers.authorization?.split(' ')[1]) // true
 */
function requestCredential(node: TSESTree.Node, depth = 0): boolean {
  const expr = skipTsWrappers(node.type === AST_NODE_TYPES.ChainExpression ? node.expression : node);
  if (depth > 6) {
    return false;
  }
  if (expr.type === AST_NODE_TYPES.Identifier) {
    // `authHeader.split(' ')[1]`: a local named for a credential.
    return depth > 0 && (CREDENTIAL_NAMES.has(expr.name) || NEST_CREDENTIAL_HEADER_NAMES.has(expr.name));
  }
  if (expr.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(expr);
    const object = skipTsWrappers(expr.object);
    if (name !== null && object.type === AST_NODE_TYPES.MemberExpression) {
      const holder = memberName(object);
      if (holder === 'headers' && NEST_CREDENTIAL_HEADERS.has(name.toLowerCase())) {
        return true;
      }
      if (holder !== null && NEST_COOKIE_MEMBERS.has(holder) && CREDENTIAL_NAMES.has(name)) {
        return true;
      }
    }
    // `header.split(' ')[1]`: the token part of a missing header is missing too.
    const split = object.type === AST_NODE_TYPES.CallExpression ? skipTsWrappers(object.callee) : null;
    return (
      expr.computed &&
      expr.property.type === AST_NODE_TYPES.Literal &&
      typeof expr.property.value === 'number' &&
      split?.type === AST_NODE_TYPES.MemberExpression &&
      memberName(split) === 'split' &&
      requestCredential(split.object, depth + 1)
    );
  }
  if (expr.type === AST_NODE_TYPES.CallExpression && expr.callee.type === AST_NODE_TYPES.MemberExpression) {
    const method = memberName(expr.callee);
    const arg = expr.arguments[0];
    if (method !== null && NEST_HEADER_GETTERS.has(method) && arg?.type === AST_NODE_TYPES.Literal && typeof arg.value === 'string') {
      return NEST_CREDENTIAL_HEADERS.has(arg.value.toLowerCase());
    }
    return method !== null && NEST_CREDENTIAL_DERIVATIONS.has(method) && requestCredential(expr.callee.object, depth + 1);
  }
  return false;
}

/**
 * Whether `node` is truthy for an anonymous request, as a path condition.
 * @example !session && pathname.startsWith('/admin') // (p) => p.startsWith('/admin')
 */
function truthy(reader: Reader, node: TSESTree.Node, env: ReadonlyMap<string, string> = new Map(), depth = 0): Cond {
  if (depth > MAX_EVAL_DEPTH) {
    return UNKNOWN;
  }
  const expr = skipTsWrappers(node);
  const next = (n: TSESTree.Node): Cond => truthy(reader, n, env, depth + 1);
  switch (expr.type) {
    case AST_NODE_TYPES.Literal:
      return 'regex' in expr && expr.regex ? TRUE : expr.value ? TRUE : FALSE;
    case AST_NODE_TYPES.AwaitExpression:
      return next(expr.argument);
    case AST_NODE_TYPES.ChainExpression:
      return next(expr.expression);
    case AST_NODE_TYPES.UnaryExpression:
      return expr.operator === '!' ? not(next(expr.argument)) : UNKNOWN;
    case AST_NODE_TYPES.LogicalExpression:
      if (expr.operator === '&&') {
        return and(next(expr.left), next(expr.right));
      }
      if (expr.operator === '||') {
        return or(next(expr.left), next(expr.right));
      }
      return isIdentity(reader, expr.left) ? next(expr.right) : UNKNOWN;
    case AST_NODE_TYPES.ConditionalExpression: {
      const test = next(expr.test);
      return or(and(test, next(expr.consequent)), and(not(test), next(expr.alternate)));
    }
    case AST_NODE_TYPES.BinaryExpression:
      return binaryTruth(reader, expr, env);
    case AST_NODE_TYPES.CallExpression:
      return callTruth(reader, expr, env, depth);
    case AST_NODE_TYPES.Identifier: {
      const init = resolveConstInit(reader.context, expr);
      const value = init ? next(init) : UNKNOWN;
      if (value !== UNKNOWN) {
        return value;
      }
      return isIdentity(reader, expr) ? FALSE : UNKNOWN;
    }
    case AST_NODE_TYPES.MemberExpression:
      return isIdentity(reader, expr) ? FALSE : UNKNOWN;
    default:
      return UNKNOWN;
  }
}

function binaryTruth(reader: Reader, expr: TSESTree.BinaryExpression, env: ReadonlyMap<string, string>): Cond {
  const negated = expr.operator === '!==' || expr.operator === '!=';
  const operator = negated ? (expr.operator === '!==' ? '===' : '==') : expr.operator;
  if (operator !== '===' && operator !== '==') {
    return UNKNOWN;
  }
  const sides: [TSESTree.Node, TSESTree.Node][] = [
    [expr.left, expr.right],
    [expr.right, expr.left],
  ];
  for (const [a, b] of sides) {
    if (isNullish(b) && isIdentity(reader, a)) {
      return negated ? FALSE : TRUE;
    }
    // `token?.role === 'admin'`: an absent identity equals no value.
    if (b.type === AST_NODE_TYPES.Literal && b.value !== null && !('regex' in b && b.regex) && operator === '===' && isIdentity(reader, a)) {
      return negated ? TRUE : FALSE;
    }
    if (isPathExpression(reader, a)) {
      const value = staticString(reader.context, b, env);
      const test = value === null ? null : pathTest('===', value);
      if (test) {
        return negated ? not(test) : test;
      }
    }
  }
  return UNKNOWN;
}

function callTruth(reader: Reader, call: TSESTree.CallExpression, env: ReadonlyMap<string, string>, depth: number): Cond {
  const callee = skipTsWrappers(call.callee);
  const arg = call.arguments[0];
  if (callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier) {
    const method = callee.property.name;
    if (arg && isPathExpression(reader, callee.object)) {
      if (method === 'match') {
        const regex = regexOf(reader, arg);
        return regex ? (p) => regex.test(p) : UNKNOWN;
      }
      const value = staticString(reader.context, arg, env);
      return (value === null ? null : pathTest(method, value)) ?? UNKNOWN;
    }
    if (method === 'test' && arg && isPathExpression(reader, arg)) {
      const regex = regexOf(reader, callee.object);
      return regex ? (p) => regex.test(p) : UNKNOWN;
    }
    const list = arg ? staticStrings(reader.context, callee.object) : null;
    if (list && arg && method === 'includes' && isPathExpression(reader, arg)) {
      return (p) => list.includes(p);
    }
    const param = arg && isFunctionLike(arg) && arg.params.length === 1 ? arg.params[0]! : null;
    if (list && param?.type === AST_NODE_TYPES.Identifier && method === 'some') {
      const body = returnedExpression(arg as FunctionLike);
      const name = param.name;
      let result: Cond = FALSE;
      for (const item of list) {
        result = or(result, body ? truthy(reader, body, new Map([...env, [name, item]]), depth + 1) : UNKNOWN);
      }
      return result;
    }
    if (reader.nest && NEST_METADATA_READS.has(method) && /reflector/iu.test(dottedName(callee.object) ?? '')) {
      // `@Public()` and role metadata are absent on an unmarked route (the rule handles marked ones).
      return FALSE;
    }
  }
  const matcher = routeMatcherCond(reader, callee);
  if (matcher) {
    return matcher;
  }
  return isIdentity(reader, call) ? FALSE : UNKNOWN;
}

/** The expression an arrow returns, or the argument of a body's single `return`. */
function returnedExpression(fn: FunctionLike): TSESTree.Node | null {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) {
    return fn.body;
  }
  const only = fn.body.body.length === 1 ? fn.body.body[0] : undefined;
  return only?.type === AST_NODE_TYPES.ReturnStatement && only.argument ? only.argument : null;
}

/** The status a refusing call answers with, from its status argument or init object; `undefined` when not static. */
function statusOf(context: FileContext, call: TSESTree.CallExpression | TSESTree.NewExpression, spec: RejectingCall): number | null | undefined {
  if (spec.statusArg !== undefined) {
    const arg = call.arguments[spec.statusArg];
    const value = arg ? staticValue(context, arg) : null;
    return typeof value?.value === 'number' ? value.value : undefined;
  }
  if (spec.statusInitArg !== undefined) {
    const init = call.arguments[spec.statusInitArg];
    if (!init) {
      return null;
    }
    const object = skipTsWrappers(init);
    if (object.type !== AST_NODE_TYPES.ObjectExpression) {
      return undefined;
    }
    for (const key of ['status', 'statusCode']) {
      const found = findObjectProperty(context, object, key);
      if (found.kind === 'found') {
        const value = staticValue(context, found.value);
        return typeof value?.value === 'number' ? value.value : undefined;
      }
      if (found.kind === 'unknown') {
        return undefined;
      }
    }
    return null;
  }
  return null;
}

/** The refusing call `node` is (after `await`), or `null`. */
function refusalOf(reader: Reader, node: TSESTree.Node): RejectingCall | null {
  let expr = skipTsWrappers(node);
  if (expr.type === AST_NODE_TYPES.AwaitExpression) {
    expr = skipTsWrappers(expr.argument);
  }
  if (expr.type !== AST_NODE_TYPES.CallExpression && expr.type !== AST_NODE_TYPES.NewExpression) {
    return null;
  }
  const context = reader.context;
  const callee = skipTsWrappers(expr.callee);
  // Clerk: `return redirectToSignIn()` (from `await auth()`), `auth().redirectToSignIn()`.
  const last = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression && callee.property.type === AST_NODE_TYPES.Identifier ? callee.property.name : null;
  if (reader.clerkAuth !== undefined && last !== null && CLERK_SIGN_IN_REDIRECTS.has(last)) {
    return { module: null, path: [last] };
  }
  const target = resolveCallTarget(context, callee);
  if (!target) {
    return null;
  }
  const construct = expr.type === AST_NODE_TYPES.NewExpression;
  const spec = reader.refusing.find((s) => s.module === target.module && s.path.join('.') === target.path.join('.') && Boolean(s.construct) === construct);
  if (!spec) {
    return null;
  }
  if (spec.signInTarget) {
    const arg = expr.arguments[spec.targetArg ?? 0];
    return arg && SIGN_IN_TARGET.test(context.sourceCode.getText(arg)) ? spec : null;
  }
  if (spec.statusArg === undefined && spec.statusInitArg === undefined) {
    return spec;
  }
  const status = statusOf(context, expr, spec);
  return typeof status === 'number' && REFUSING_STATUSES.has(status) ? spec : null;
}

/** A call that refuses an anonymous request by itself and lets a signed-in one continue: `auth.protect()`, `await requireUser(event)`. */
function isSelfCheck(reader: Reader, node: TSESTree.Node): boolean {
  let expr = skipTsWrappers(node);
  if (expr.type === AST_NODE_TYPES.AwaitExpression) {
    expr = skipTsWrappers(expr.argument);
  }
  if (expr.type !== AST_NODE_TYPES.CallExpression) {
    return false;
  }
  const callee = skipTsWrappers(expr.callee);
  if (reader.clerkAuth !== undefined && callee.type === AST_NODE_TYPES.MemberExpression && callee.property.type === AST_NODE_TYPES.Identifier && CLERK_PROTECT_METHODS.has(callee.property.name)) {
    let object = skipTsWrappers(callee.object);
    if (object.type === AST_NODE_TYPES.AwaitExpression) {
      object = skipTsWrappers(object.argument);
    }
    if (object.type === AST_NODE_TYPES.CallExpression) {
      object = skipTsWrappers(object.callee);
    }
    return object.type === AST_NODE_TYPES.Identifier && object.name === reader.clerkAuth;
  }
  if (reader.nest && callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Super) {
    return reader.nest.superGate && callee.property.type === AST_NODE_TYPES.Identifier && callee.property.name === NEST_GUARD_METHOD;
  }
  return classifyCall(reader.context, expr, reader.vocab) === 'assert';
}

function record(reader: Reader, cond: Cond, node: TSESTree.Node): void {
  if (cond !== FALSE && cond !== UNKNOWN) {
    reader.rules.push({ cond, text: shortText(reader.context, node) });
  }
}

/** Whether a subtree (not entering functions) can leave the function: `return`, `throw`. */
function containsExit(node: TSESTree.Node, reader: Reader): boolean {
  const stack: TSESTree.Node[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.type === AST_NODE_TYPES.ReturnStatement || current.type === AST_NODE_TYPES.ThrowStatement) {
      return true;
    }
    if (current !== node && isFunctionLike(current)) {
      continue;
    }
    pushChildNodes(reader.context.sourceCode, current, stack);
  }
  return false;
}

/** Follows `return f(req)` into a function of the project (Supabase `updateSession(request)`). */
function followReturn(reader: Reader, node: TSESTree.Node, cond: Cond): void {
  let expr = skipTsWrappers(node);
  if (expr.type === AST_NODE_TYPES.AwaitExpression) {
    expr = skipTsWrappers(expr.argument);
  }
  if (expr.type !== AST_NODE_TYPES.CallExpression || reader.depth >= MAX_FOLLOW_DEPTH) {
    return;
  }
  const local = resolveFunction(reader.context, expr.callee);
  if (local) {
    walkFunction({ ...reader, depth: reader.depth + 1 }, local, cond);
    return;
  }
  const definition = importedDefinition(reader.context, skipTsWrappers(expr.callee));
  if (definition && isFunctionLike(definition.node)) {
    noteDep(reader.deps, definition.file);
    walkFunction({ ...reader, context: definition.file.context, depth: reader.depth + 1 }, definition.node, cond);
  }
}

/** Reads one statement under `cond`; answers the condition under which control reaches its end. */
function walkStatement(reader: Reader, statement: TSESTree.Node, cond: Cond): Cond {
  if (cond === FALSE) {
    return FALSE;
  }
  switch (statement.type) {
    case AST_NODE_TYPES.BlockStatement: {
      let current = cond;
      for (const inner of statement.body) {
        current = walkStatement(reader, inner, current);
      }
      return current;
    }
    case AST_NODE_TYPES.IfStatement: {
      const test = truthy(reader, statement.test);
      const thenEnd = walkStatement(reader, statement.consequent, and(cond, test));
      const elseEnd = statement.alternate ? walkStatement(reader, statement.alternate, and(cond, not(test))) : and(cond, not(test));
      return or(thenEnd, elseEnd);
    }
    case AST_NODE_TYPES.ReturnStatement: {
      const argument = statement.argument;
      if (!argument) {
        return EXIT;
      }
      if (refusalOf(reader, argument) || isSelfCheck(reader, argument) || middlewareRefusal(reader, argument)) {
        record(reader, cond, statement);
      } else if (reader.verdict) {
        // `return false`, `return !!auth?.user`: a falsy verdict refuses.
        record(reader, and(cond, not(truthy(reader, argument))), statement);
      } else {
        followReturn(reader, argument, cond);
      }
      return EXIT;
    }
    case AST_NODE_TYPES.ThrowStatement:
      if (!reader.nest || refusingException(reader, statement.argument)) {
        record(reader, cond, statement);
      }
      return EXIT;
    case AST_NODE_TYPES.ExpressionStatement: {
      const refusal = refusalOf(reader, statement.expression);
      if (refusal?.throws) {
        record(reader, cond, statement);
        return EXIT;
      }
      if (isSelfCheck(reader, statement.expression) || (middlewareRefusal(reader, statement.expression) && leavesAfter(statement))) {
        record(reader, cond, statement);
        return EXIT;
      }
      return cond;
    }
    case AST_NODE_TYPES.VariableDeclaration: {
      for (const declarator of statement.declarations) {
        if (declarator.init && isSelfCheck(reader, declarator.init)) {
          record(reader, cond, declarator);
          return EXIT;
        }
      }
      return cond;
    }
    case AST_NODE_TYPES.TryStatement: {
      const end = walkStatement(reader, statement.block, cond);
      // A token check that throws on an anonymous request sends it to the catch clause.
      const handler = statement.handler ? walkStatement(reader, statement.handler.body, and(cond, tryThrows(reader, statement.block) ? TRUE : UNKNOWN)) : FALSE;
      const after = or(end, handler);
      return statement.finalizer ? walkStatement(reader, statement.finalizer, after) : after;
    }
    default:
      return containsExit(statement, reader) ? and(cond, UNKNOWN) : cond;
  }
}

/** Whether a status argument refuses: `401`, `403`, `HttpStatus.UNAUTHORIZED`, `HttpStatus.FORBIDDEN`. */
function refusingStatus(reader: Reader, node: TSESTree.Node | undefined): boolean {
  return node !== undefined && NEST_REFUSING_STATUS.test(reader.context.sourceCode.getText(skipTsWrappers(node)).replace(/\s+/gu, ''));
}

/**
 * A middleware's refusal: `res.status(401).json(…)`, `res.sendStatus(403)` on its response
 * parameter, `next(new UnauthorizedException())` on its `next` parameter.
 */
function middlewareRefusal(reader: Reader, node: TSESTree.Node): boolean {
  const names = reader.middleware;
  let expr = skipTsWrappers(node);
  if (expr.type === AST_NODE_TYPES.AwaitExpression) {
    expr = skipTsWrappers(expr.argument);
  }
  if (!names || expr.type !== AST_NODE_TYPES.CallExpression) {
    return false;
  }
  const callee = skipTsWrappers(expr.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) {
    return callee.name === names.next && expr.arguments[0] !== undefined && refusingException(reader, expr.arguments[0]);
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression || names.response === null) {
    return false;
  }
  const method = memberName(callee);
  const object = skipTsWrappers(callee.object);
  const isResponse = (n: TSESTree.Node): boolean => n.type === AST_NODE_TYPES.Identifier && n.name === names.response;
  if (method === NEST_RESPONSE_STATUS_SENDER) {
    return isResponse(object) && refusingStatus(reader, expr.arguments[0]);
  }
  if (method !== null && names.refusingMethods?.has(method) && isResponse(object)) {
    return true;
  }
  if (method === null || !NEST_RESPONSE_SENDERS.has(method) || object.type !== AST_NODE_TYPES.CallExpression) {
    return false;
  }
  const setter = skipTsWrappers(object.callee);
  const setterName = setter.type === AST_NODE_TYPES.MemberExpression ? memberName(setter) : null;
  return (
    setter.type === AST_NODE_TYPES.MemberExpression &&
    setterName !== null &&
    (setterName === NEST_RESPONSE_STATUS_SETTER || (names.statusSetters?.has(setterName) ?? false)) &&
    isResponse(skipTsWrappers(setter.object)) &&
    refusingStatus(reader, object.arguments[0])
  );
}

/**
 * Whether nothing runs after a statement: a `return`/`throw` follows it, or it is the last
 * statement of the function (through the branches of `if` statements that are last themselves).
 */
function leavesAfter(statement: TSESTree.Node): boolean {
  let node: TSESTree.Node = statement;
  for (let depth = 0; depth < 12; depth++) {
    const parent = node.parent;
    if (parent?.type === AST_NODE_TYPES.BlockStatement) {
      const index = parent.body.indexOf(node as TSESTree.Statement);
      const following = parent.body[index + 1];
      if (following) {
        return following.type === AST_NODE_TYPES.ReturnStatement || following.type === AST_NODE_TYPES.ThrowStatement;
      }
      node = parent;
    } else if (parent?.type === AST_NODE_TYPES.IfStatement) {
      node = parent;
    } else {
      return parent !== undefined && isFunctionLike(parent);
    }
  }
  return false;
}

/** Whether a try block verifies a credential (`jwt.verify(token)`, `await jwtVerify(…)`), which throws without one. */
function tryThrows(reader: Reader, block: TSESTree.BlockStatement): boolean {
  for (const statement of block.body) {
    const expr =
      statement.type === AST_NODE_TYPES.ExpressionStatement
        ? statement.expression
        : statement.type === AST_NODE_TYPES.VariableDeclaration
          ? statement.declarations[0]?.init
          : null;
    if (expr && isSelfCheck(reader, expr)) {
      return true;
    }
  }
  return false;
}

/** NestJS: `throw new UnauthorizedException()`, `new ForbiddenException()`, `new HttpException(…, 401)`. */
function refusingException(reader: Reader, node: TSESTree.Node): boolean {
  const expr = skipTsWrappers(node);
  if (expr.type !== AST_NODE_TYPES.NewExpression || expr.callee.type !== AST_NODE_TYPES.Identifier) {
    return false;
  }
  if (NEST_REFUSING_EXCEPTIONS.test(expr.callee.name)) {
    return true;
  }
  return expr.callee.name === 'HttpException' && refusingStatus(reader, expr.arguments[1]);
}

export function walkFunction(reader: Reader, fn: FunctionLike, cond: Cond = TRUE): void {
  if (fn.body.type === AST_NODE_TYPES.BlockStatement) {
    walkStatement(reader, fn.body, cond);
  } else {
    walkStatement(reader, { type: AST_NODE_TYPES.ReturnStatement, argument: fn.body, parent: fn, range: fn.body.range, loc: fn.body.loc } as TSESTree.ReturnStatement, cond);
  }
}


export function noteDep(deps: Deps, file: ProjectFile): void {
  deps.set(file.filename, file.sourceCode.ast);
}



function vocabularyOf(context: FileContext): AuthVocabulary {
  const { auth } = getSettings(context);
  return { functions: auth.functions, middleware: auth.middleware, wrappers: auth.wrappers, procedures: auth.procedures };
}

export function newReader(context: FileContext, refusing: readonly RejectingCall[], deps: Deps, extra: Partial<Reader> = {}): Reader {
  return { context, refusing, vocab: vocabularyOf(context), rules: [], deps, depth: 0, ...extra };
}


/** A project function behind an expression: local, or imported from another project file. */
export function functionOf(context: FileContext, node: TSESTree.Node, deps: Deps): { fn: FunctionLike; context: FileContext } | null {
  const local = resolveFunction(context, node);
  if (local) {
    return { fn: local, context };
  }
  const definition = skipTsWrappers(node).type === AST_NODE_TYPES.Identifier ? importedDefinition(context, skipTsWrappers(node)) : null;
  if (definition && isFunctionLike(definition.node)) {
    noteDep(deps, definition.file);
    return { fn: definition.node, context: definition.file.context };
  }
  return null;
}
