/**
 * Global gates: a project-level file that refuses anonymous requests before a route runs —
 * Next.js `middleware.ts`/`proxy.ts` (with its `config.matcher`), SvelteKit `hooks.server.ts`
 * `handle`, NestJS `APP_GUARD` providers and `useGlobalGuards`. The framework knowledge (file
 * names, matcher syntax, refusing calls) is in `frameworks/global-gates/`; this module finds and
 * reads the gate files through `project/`, and memoises what it read per parse of each file.
 *
 * A gate function is read once, in the "anonymous world": identity reads (`!session`,
 * `event.locals.user`, `!token`) are decided as an anonymous request would decide them, path
 * tests (`pathname.startsWith('/admin')`) become predicates over the URL path, anything else is
 * unknown. Each refusal reached (`return NextResponse.redirect(…)`, `error(401)`, `throw`,
 * `auth.protect()`) yields a rule: the path predicate under which an anonymous request meets
 * it. A route is covered when, for every sample of its path, some rule is certainly true.
 */
import path from 'node:path';

import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import {
  AUTH_JS_FACTORIES,
  CLERK_MIDDLEWARE,
  CLERK_PROTECT_METHODS,
  CLERK_ROUTE_MATCHERS,
  CLERK_SIGN_IN_REDIRECTS,
  NEXT_AUTH_WITH_AUTH,
  NEXT_GATE_EXPORTS,
  NEXT_GATE_EXTENSIONS,
  NEXT_GATE_FILES,
  NEXT_REJECTING_CALLS,
  nextGateDirectory,
} from '../../frameworks/global-gates/next';
import {
  NEST_APP_GUARD,
  NEST_APP_GUARD_TEXT,
  NEST_GLOBAL_GUARDS_METHOD,
  NEST_GUARD_METHOD,
  NEST_GUARD_PROVIDER_KEYS,
  NEST_MAIN_FILES,
  NEST_METADATA_READS,
  NEST_PASSPORT_GUARD,
  NEST_REFUSING_EXCEPTIONS,
} from '../../frameworks/global-gates/nest';
import { pathPatternRegExp, routeSamplePaths } from '../../frameworks/global-gates/path-patterns';
import {
  SVELTEKIT_HANDLE_EXPORT,
  SVELTEKIT_HOOKS_FILES,
  SVELTEKIT_REJECTING_CALLS,
  SVELTEKIT_SEQUENCE,
  svelteKitSourceDirectory,
} from '../../frameworks/global-gates/sveltekit';
import { REFUSING_STATUSES, SIGN_IN_TARGET } from '../../frameworks/global-gates/types';
import type { RejectingCall } from '../../frameworks/global-gates/types';
import type { Route } from '../../frameworks/types';
import { exportedDefinition, importBinding, importedDefinition, projectFile, projectFiles, projectRoot, resolveModule } from '../../project/index';
import type { ProjectFile } from '../../project/index';
import { IDENTITY_PROPERTIES } from '../../data/auth-vocabulary';
import { dottedName } from '../../core/ast';
import { perFile, perFileKey } from '../../core/context';
import type { FileContext } from '../../core/context';
import { isFunctionLike, resolveFunction } from '../../core/functions';
import type { FunctionLike } from '../../core/functions';
import { resolveCallTarget } from '../../core/modules';
import { getSettings } from '../../core/settings';
import { findObjectProperty, resolveConstInit, skipTsWrappers, staticValue } from '../../core/static';
import { classifyCall } from './calls';
import { readsIdentity } from './identity';
import { boundNames } from './values';
import type { AuthVocabulary } from './vocabulary';

/** A project-level gate that refuses anonymous requests to a route before the route runs. */
export interface GlobalGate {
  /** Absolute path of the gate file. */
  readonly file: string;
  /** What gates it, for messages: `middleware.ts matcher /api/admin/:path*`. */
  readonly description: string;
}

// ---- Three-valued path conditions ----

/** `true`/`false` when certain, `null` when unknown. */
type Truth = boolean | null;
/** A condition on the URL path of an anonymous request. */
type Cond = (path: string) => Truth;

const TRUE: Cond = () => true;
const FALSE: Cond = () => false;
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
interface Rule {
  readonly cond: Cond;
  /** The refusing code, shortened, for descriptions. */
  readonly text: string;
}

/** Files a model was read from, with the parse it was read from. */
type Deps = Map<string, TSESTree.Program>;

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

function shortText(context: FileContext, node: TSESTree.Node): string {
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

/** `event.url.pathname`, `request.nextUrl.pathname`, `pathname`, a const bound to one; Nuxt `event.path`. */
function isPathExpression(reader: Reader, node: TSESTree.Node, depth = 0): boolean {
  const expr = skipTsWrappers(node.type === AST_NODE_TYPES.ChainExpression ? node.expression : node);
  if (expr.type === AST_NODE_TYPES.MemberExpression && !expr.computed && expr.property.type === AST_NODE_TYPES.Identifier) {
    return expr.property.name === 'pathname' || (expr.property.name === 'path' && expr.object.type === AST_NODE_TYPES.Identifier && expr.object.name === 'event');
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

function isModuleExport(context: FileContext, node: TSESTree.Node, specs: readonly { readonly module: string; readonly path: readonly string[] }[]): boolean {
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
    return CREDENTIAL_NAMES.has(expr.name);
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
      return CREDENTIAL_NAMES.has(expr.name) ? FALSE : UNKNOWN;
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
    const arg = expr.arguments[0];
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
    for (const key of reader.context.sourceCode.visitorKeys[current.type] ?? []) {
      const child = (current as unknown as Record<string, unknown>)[key];
      for (const item of Array.isArray(child) ? child : [child]) {
        if (item !== null && typeof item === 'object' && typeof (item as { type?: unknown }).type === 'string') {
          stack.push(item as TSESTree.Node);
        }
      }
    }
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
      if (refusalOf(reader, argument) || isSelfCheck(reader, argument)) {
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
      if (isSelfCheck(reader, statement.expression)) {
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
  const status = expr.callee.name === 'HttpException' && expr.arguments[1] ? reader.context.sourceCode.getText(expr.arguments[1]) : '';
  return /^(?:401|403|HttpStatus\.(?:UNAUTHORIZED|FORBIDDEN))$/u.test(status);
}

function walkFunction(reader: Reader, fn: FunctionLike, cond: Cond = TRUE): void {
  if (fn.body.type === AST_NODE_TYPES.BlockStatement) {
    walkStatement(reader, fn.body, cond);
  } else {
    walkStatement(reader, { type: AST_NODE_TYPES.ReturnStatement, argument: fn.body, parent: fn, range: fn.body.range, loc: fn.body.loc } as TSESTree.ReturnStatement, cond);
  }
}

// ---- Models of gate files, memoised per parse ----

/** What one gate file refuses. */
interface GateModel {
  /** Paths the gate runs on (the Next.js matcher); `TRUE` when it runs on every path. */
  readonly scope: Cond;
  readonly scopeText: string;
  readonly rules: readonly Rule[];
  /** What gates, for the description (`middleware`, `handle`, `APP_GUARD JwtAuthGuard`). */
  readonly what: string;
}

interface Memo {
  readonly model: GateModel | null;
  readonly deps: Deps;
}

const memos = new WeakMap<TSESTree.Program, WeakMap<object, Memo>>();

function noteDep(deps: Deps, file: ProjectFile): void {
  deps.set(file.filename, file.sourceCode.ast);
}

/** The model of a gate file read by `read`, memoised per parse of the file (and of every file it read), per settings. */
function memoised(file: ProjectFile, kind: string, read: (deps: Deps) => GateModel | null): GateModel | null {
  const program = file.sourceCode.ast;
  let perSettings = memos.get(program);
  if (!perSettings) {
    perSettings = new WeakMap();
    memos.set(program, perSettings);
  }
  const key = file.context.settings as object;
  const memo = perSettings.get(key) as (Memo & { kind?: string }) | undefined;
  if (memo && memo.kind === kind && [...memo.deps].every(([filename, ast]) => projectFile(filename, file.context)?.sourceCode.ast === ast)) {
    return memo.model;
  }
  const deps: Deps = new Map();
  let model: GateModel | null;
  try {
    model = read(deps);
  } catch {
    model = null;
  }
  perSettings.set(key, { model, deps, kind } as Memo);
  return model;
}

function vocabularyOf(context: FileContext): AuthVocabulary {
  const { auth } = getSettings(context);
  return { functions: auth.functions, middleware: auth.middleware, wrappers: auth.wrappers, procedures: auth.procedures };
}

function newReader(context: FileContext, refusing: readonly RejectingCall[], deps: Deps, extra: Partial<Reader> = {}): Reader {
  return { context, refusing, vocab: vocabularyOf(context), rules: [], deps, depth: 0, ...extra };
}

/** A property of an object literal, looking through spreads of constants and of imported objects (`...authConfig`). */
function objectProperty(context: FileContext, node: TSESTree.Node, name: string, deps: Deps, depth = 0): { value: TSESTree.Node; context: FileContext } | null {
  let object = skipTsWrappers(node);
  let objectContext = context;
  if (object.type === AST_NODE_TYPES.Identifier) {
    const init = resolveConstInit(context, object);
    if (init) {
      object = skipTsWrappers(init);
    } else {
      const definition = importedDefinition(context, object);
      if (!definition) {
        return null;
      }
      noteDep(deps, definition.file);
      object = skipTsWrappers(definition.node);
      objectContext = definition.file.context;
    }
  }
  if (object.type !== AST_NODE_TYPES.ObjectExpression || depth > 3) {
    return null;
  }
  let found: { value: TSESTree.Node; context: FileContext } | null = null;
  for (const element of object.properties) {
    if (element.type === AST_NODE_TYPES.SpreadElement) {
      found = objectProperty(objectContext, element.argument, name, deps, depth + 1) ?? found;
    } else if (!element.computed && element.key.type === AST_NODE_TYPES.Identifier && element.key.name === name) {
      found = { value: element.value, context: objectContext };
    }
  }
  return found;
}

/** Rules of an `authorized` callback found at `callbacks.authorized` of a config object. */
function authorizedRules(context: FileContext, config: TSESTree.Node, deps: Deps): Rule[] | null {
  const callbacks = objectProperty(context, config, 'callbacks', deps);
  const authorized = callbacks ? objectProperty(callbacks.context, callbacks.value, 'authorized', deps) : null;
  if (!authorized) {
    return null;
  }
  const fn = resolveFunction(authorized.context, authorized.value);
  if (!fn) {
    return [];
  }
  const reader = newReader(authorized.context, NEXT_REJECTING_CALLS, deps, { verdict: true });
  walkFunction(reader, fn);
  return reader.rules;
}

/** Auth.js v5: the config of the `NextAuth(config)` call an `auth` export comes from, or `null`. */
function authJsConfig(context: FileContext, node: TSESTree.Node, deps: Deps): { config: TSESTree.Node; context: FileContext } | null {
  let expr = skipTsWrappers(node);
  let exprContext = context;
  if (expr.type === AST_NODE_TYPES.Identifier) {
    const value = importedValue(context, expr, deps);
    if (!value) {
      return null;
    }
    expr = skipTsWrappers(value.node);
    exprContext = value.context;
  }
  if (expr.type !== AST_NODE_TYPES.CallExpression || !AUTH_JS_FACTORIES.has(dottedName(expr.callee) ?? '') || !expr.arguments[0]) {
    return null;
  }
  return { config: expr.arguments[0], context: exprContext };
}

/** Auth.js v5: `auth` used as the middleware refuses what `callbacks.authorized` refuses (nothing without one). */
function authJsRules(context: FileContext, node: TSESTree.Node, deps: Deps): Rule[] | null {
  const found = authJsConfig(context, node, deps);
  return found ? authorizedRules(found.context, found.config, deps) : null;
}

/**
 * `export const { auth, handlers } = NextAuth(config)`: the initialiser behind a destructured
 * export (which `exportedDefinition` does not follow).
 */
function destructuredExport(file: ProjectFile, name: string): { node: TSESTree.Node; file: ProjectFile } | null {
  for (const statement of file.sourceCode.ast.body) {
    const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : null;
    if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration) {
      continue;
    }
    for (const declarator of declaration.declarations) {
      if (declarator.init && declarator.id.type === AST_NODE_TYPES.ObjectPattern && boundNames(declarator.id).some((id) => id.name === name)) {
        return { node: declarator.init, file };
      }
    }
  }
  return null;
}

/** What an imported identifier stands for, through `exportedDefinition` or a destructured export. */
function importedValue(context: FileContext, id: TSESTree.Identifier, deps: Deps): { node: TSESTree.Node; context: FileContext } | null {
  const definition = importedDefinition(context, id);
  if (definition) {
    noteDep(deps, definition.file);
    return { node: definition.node, context: definition.file.context };
  }
  const binding = importBinding(context, id);
  return binding ? moduleExport(context, binding.specifier, binding.name, deps) : null;
}

/** Export `name` of module `specifier` as seen from the file of `context`. */
function moduleExport(context: FileContext, specifier: string, name: string, deps: Deps): { node: TSESTree.Node; context: FileContext } | null {
  const target = resolveModule(context.filename, specifier, context.settings);
  const file = target === null ? null : projectFile(target, context);
  if (!file) {
    return null;
  }
  noteDep(deps, file);
  const found = exportedDefinition(file, name) ?? destructuredExport(file, name);
  if (found) {
    noteDep(deps, found.file);
  }
  return found ? { node: found.node, context: found.file.context } : null;
}

/** A project function behind an expression: local, or imported from another project file. */
function functionOf(context: FileContext, node: TSESTree.Node, deps: Deps): { fn: FunctionLike; context: FileContext } | null {
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

/** The rules of what a Next.js middleware export is. */
function nextExportRules(file: ProjectFile, node: TSESTree.Node, deps: Deps): { rules: Rule[]; what: string } | null {
  const context = file.context;
  const expr = skipTsWrappers(node);
  const fn = functionOf(context, expr, deps);
  if (fn) {
    const reader = newReader(fn.context, NEXT_REJECTING_CALLS, deps);
    walkFunction(reader, fn.fn);
    return { rules: reader.rules, what: 'middleware' };
  }
  if (expr.type === AST_NODE_TYPES.CallExpression) {
    const callee = skipTsWrappers(expr.callee);
    if (isModuleExport(context, callee, CLERK_MIDDLEWARE)) {
      const callback = expr.arguments[0] ? functionOf(context, expr.arguments[0], deps) : null;
      const first = callback?.fn.params[0];
      if (!callback || first?.type !== AST_NODE_TYPES.Identifier) {
        return { rules: [], what: 'clerkMiddleware' };
      }
      const reader = newReader(callback.context, NEXT_REJECTING_CALLS, deps, { clerkAuth: first.name });
      walkFunction(reader, callback.fn);
      return { rules: reader.rules, what: 'clerkMiddleware' };
    }
    if (isModuleExport(context, callee, NEXT_AUTH_WITH_AUTH)) {
      const options = [...expr.arguments].reverse().find((arg) => !functionOf(context, arg, deps));
      const rules = options ? authorizedRules(context, options, deps) : null;
      return { rules: rules ?? [{ cond: TRUE, text: 'withAuth (token required)' }], what: 'withAuth' };
    }
    // Auth.js v5: `export default auth((req) => { if (!req.auth) return Response.redirect(…) })`.
    const callback = expr.arguments[0] ? functionOf(context, expr.arguments[0], deps) : null;
    if (callback && authJsConfig(context, callee, deps) !== null) {
      const reader = newReader(callback.context, NEXT_REJECTING_CALLS, deps);
      walkFunction(reader, callback.fn);
      return { rules: reader.rules, what: 'auth()' };
    }
    return null;
  }
  const rules = authJsRules(context, expr, deps);
  return rules ? { rules, what: 'auth (Auth.js authorized callback)' } : null;
}

/** `export { auth as middleware } from './auth'` where `auth` is destructured from `NextAuth(…)`. */
function reexportedRules(file: ProjectFile, name: string, deps: Deps): { rules: Rule[]; what: string } | null {
  for (const statement of file.sourceCode.ast.body) {
    if (statement.type !== AST_NODE_TYPES.ExportNamedDeclaration || !statement.source) {
      continue;
    }
    for (const specifier of statement.specifiers) {
      const exported = specifier.exported.type === AST_NODE_TYPES.Identifier ? specifier.exported.name : String(specifier.exported.value);
      const local = specifier.local.type === AST_NODE_TYPES.Identifier ? specifier.local.name : String(specifier.local.value);
      if (exported !== name) {
        continue;
      }
      const value = moduleExport(file.context, statement.source.value, local, deps);
      const rules = value ? authJsRules(value.context, value.node, deps) : null;
      return rules ? { rules, what: 'auth (Auth.js authorized callback)' } : null;
    }
  }
  return null;
}

/** `export { default } from 'next-auth/middleware'`, `export { withAuth as middleware } from …`. */
function reexportedWithAuth(file: ProjectFile): boolean {
  for (const statement of file.sourceCode.ast.body) {
    if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration && statement.source && NEXT_AUTH_WITH_AUTH.some((spec) => spec.module === statement.source!.value)) {
      return statement.specifiers.some((s) => s.exported.type === AST_NODE_TYPES.Identifier && NEXT_GATE_EXPORTS.includes(s.exported.name));
    }
  }
  return false;
}

/** The paths `config.matcher` runs the middleware on: `TRUE` without one, `FALSE` when it cannot be read. */
function nextMatcher(file: ProjectFile): { scope: Cond; text: string } {
  const config = exportedDefinition(file, 'config');
  if (!config) {
    return { scope: TRUE, text: '' };
  }
  const object = skipTsWrappers(config.node);
  if (object.type !== AST_NODE_TYPES.ObjectExpression) {
    return { scope: FALSE, text: '' };
  }
  const matcher = findObjectProperty(config.file.context, object, 'matcher');
  if (matcher.kind === 'absent') {
    return { scope: TRUE, text: '' };
  }
  const value = matcher.kind === 'found' ? staticValue(config.file.context, matcher.value) : null;
  if (!value) {
    return { scope: FALSE, text: '' };
  }
  const entries = Array.isArray(value.value) ? (value.value as unknown[]) : [value.value];
  const compiled: { regex: RegExp; source: string }[] = [];
  for (const entry of entries) {
    // `{ source, has, missing }`: a conditional entry does not run on every request to its paths.
    const source = typeof entry === 'string' ? entry : entry !== null && typeof entry === 'object' && !('has' in entry) && !('missing' in entry) ? (entry as { source?: unknown }).source : null;
    const regex = typeof source === 'string' ? pathPatternRegExp(source) : null;
    if (regex) {
      compiled.push({ regex, source: source as string });
    }
  }
  return {
    scope: compiled.length === 0 ? FALSE : (p) => compiled.some((c) => c.regex.test(p)),
    text: compiled.map((c) => c.source).join(', '),
  };
}

function nextModel(file: ProjectFile): GateModel | null {
  return memoised(file, 'next', (deps) => {
    const { scope, text } = nextMatcher(file);
    if (scope === FALSE) {
      return null;
    }
    if (reexportedWithAuth(file)) {
      return { scope, scopeText: text, rules: [{ cond: TRUE, text: 'next-auth/middleware' }], what: 'withAuth' };
    }
    for (const name of NEXT_GATE_EXPORTS) {
      const definition = exportedDefinition(file, name);
      const found = definition ? nextExportRules(definition.file, definition.node, deps) : reexportedRules(file, name, deps);
      if (definition) {
        noteDep(deps, definition.file);
      }
      if (definition || found) {
        return found ? { scope, scopeText: text, rules: found.rules, what: found.what } : null;
      }
    }
    return null;
  });
}

function handleModel(file: ProjectFile): GateModel | null {
  return memoised(file, 'sveltekit', (deps) => {
    const definition = exportedDefinition(file, SVELTEKIT_HANDLE_EXPORT);
    if (!definition) {
      return null;
    }
    const context = definition.file.context;
    const value = skipTsWrappers(definition.node);
    const parts =
      value.type === AST_NODE_TYPES.CallExpression && (isModuleExport(context, value.callee, [SVELTEKIT_SEQUENCE]) || dottedName(value.callee) === 'sequence') ? value.arguments : [value];
    const rules: Rule[] = [];
    for (const part of parts) {
      const fn = functionOf(context, part, deps);
      if (fn) {
        const reader = newReader(fn.context, SVELTEKIT_REJECTING_CALLS, deps);
        walkFunction(reader, fn.fn);
        rules.push(...reader.rules);
      }
    }
    return { scope: TRUE, scopeText: '', rules, what: value.type === AST_NODE_TYPES.CallExpression ? 'handle (sequence)' : 'handle' };
  });
}

/** Whether a coverage model refuses anonymous requests on every sample of a route path. */
function covers(model: GateModel, routePath: string): boolean {
  const samples = routeSamplePaths(routePath);
  return samples !== null && samples.length > 0 && samples.every((p) => model.scope(p) === true && model.rules.some((rule) => rule.cond(p) === true));
}

function relativeName(file: string, root: string | null): string {
  return root ? path.relative(root, file).split(path.sep).join('/') : path.basename(file);
}

function firstFile(like: FileContext, dir: string, names: readonly string[]): ProjectFile | null {
  for (const name of names) {
    const file = projectFile(path.join(dir, name), like);
    if (file) {
      return file;
    }
  }
  return null;
}

function nextGate(context: FileContext, route: Route): GlobalGate | null {
  const dir = route.path === null ? null : nextGateDirectory(context.filename);
  if (dir === null) {
    return null;
  }
  const file = firstFile(context, dir, NEXT_GATE_FILES.flatMap((base) => NEXT_GATE_EXTENSIONS.map((ext) => `${base}${ext}`)));
  const model = file ? nextModel(file) : null;
  if (!file || !model || !covers(model, route.path!)) {
    return null;
  }
  const name = relativeName(file.filename, projectRoot(context.filename, context));
  return { file: file.filename, description: `${name} ${model.what}${model.scopeText ? ` matcher ${model.scopeText}` : ''}` };
}

function svelteKitGate(context: FileContext, route: Route): GlobalGate | null {
  const dir = route.path === null ? null : svelteKitSourceDirectory(context.filename);
  const file = dir === null ? null : firstFile(context, dir, SVELTEKIT_HOOKS_FILES);
  const model = file ? handleModel(file) : null;
  if (!file || !model || !covers(model, route.path!)) {
    return null;
  }
  const rule = model.rules.find((r) => r.cond(route.path!) === true);
  const name = relativeName(file.filename, projectRoot(context.filename, context));
  return { file: file.filename, description: `${name} ${model.what}${rule ? `: ${rule.text}` : ''}` };
}

// ---- NestJS ----

/** The class an expression names (local or imported), with the context of its file. */
function classOf(context: FileContext, node: TSESTree.Node, deps: Deps): { cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression; context: FileContext } | null {
  const expr = skipTsWrappers(node);
  if (expr.type === AST_NODE_TYPES.ClassExpression) {
    return { cls: expr, context };
  }
  if (expr.type !== AST_NODE_TYPES.Identifier) {
    return null;
  }
  const init = resolveConstInit(context, expr);
  if (init?.type === AST_NODE_TYPES.ClassExpression) {
    return { cls: init, context };
  }
  for (const statement of context.sourceCode.ast.body) {
    const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration ? statement.declaration : statement;
    if (declaration?.type === AST_NODE_TYPES.ClassDeclaration && declaration.id?.name === expr.name) {
      return { cls: declaration, context };
    }
  }
  const definition = importedDefinition(context, expr);
  const defined = definition ? skipTsWrappers(definition.node) : null;
  if (definition && (defined?.type === AST_NODE_TYPES.ClassDeclaration || defined?.type === AST_NODE_TYPES.ClassExpression)) {
    noteDep(deps, definition.file);
    return { cls: defined, context: definition.file.context };
  }
  return null;
}

/** Whether a guard (class, or `AuthGuard('jwt')` call) refuses an anonymous request to an unmarked route. */
function isGateGuard(context: FileContext, node: TSESTree.Node, deps: Deps, depth = 0): boolean {
  const expr = skipTsWrappers(node);
  if (expr.type === AST_NODE_TYPES.CallExpression) {
    return isModuleExport(context, expr.callee, [NEST_PASSPORT_GUARD]);
  }
  const found = depth < 3 ? classOf(context, expr, deps) : null;
  if (!found) {
    return false;
  }
  const superGate = found.cls.superClass ? isGateGuard(found.context, found.cls.superClass, deps, depth + 1) : false;
  const method = found.cls.body.body.find(
    (member): member is TSESTree.MethodDefinition =>
      member.type === AST_NODE_TYPES.MethodDefinition && !member.static && member.key.type === AST_NODE_TYPES.Identifier && member.key.name === NEST_GUARD_METHOD,
  );
  if (!method) {
    return superGate;
  }
  const reader = newReader(found.context, [], deps, { verdict: true, nest: { superGate } });
  walkFunction(reader, method.value as FunctionLike);
  return reader.rules.some((rule) => rule.cond('/') === true);
}

/** The folder of the Nest app a file belongs to: the nearest one (up to the project root) holding `main.ts`. */
function nestAppDirectory(like: FileContext, filename: string, root: string): string {
  for (let dir = path.dirname(filename); dir.startsWith(root); dir = path.dirname(dir)) {
    if (firstFile(like, dir, NEST_MAIN_FILES)) {
      return dir;
    }
    if (dir === root || path.dirname(dir) === dir) {
      break;
    }
  }
  return root;
}

/** `{ provide: APP_GUARD, useClass: X }` providers of a module file: the gate guards' names. */
function appGuardModel(file: ProjectFile): GateModel | null {
  return memoised(file, 'nest-module', (deps) => {
    const context = file.context;
    const names: string[] = [];
    const stack: TSESTree.Node[] = [file.sourceCode.ast];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node.type === AST_NODE_TYPES.ObjectExpression) {
        const provide = findObjectProperty(context, node, 'provide');
        const token = provide.kind === 'found' ? skipTsWrappers(provide.value) : null;
        if (token && (isModuleExport(context, token, [NEST_APP_GUARD]) || dottedName(token)?.split('.').pop() === 'APP_GUARD')) {
          for (const key of NEST_GUARD_PROVIDER_KEYS) {
            const guard = findObjectProperty(context, node, key);
            if (guard.kind === 'found' && isGateGuard(context, guard.value, deps)) {
              names.push(shortText(context, guard.value));
            }
          }
        }
      }
      for (const key of context.sourceCode.visitorKeys[node.type] ?? []) {
        const child = (node as unknown as Record<string, unknown>)[key];
        for (const item of Array.isArray(child) ? child : [child]) {
          if (item !== null && typeof item === 'object' && typeof (item as { type?: unknown }).type === 'string') {
            stack.push(item as TSESTree.Node);
          }
        }
      }
    }
    return names.length > 0 ? { scope: TRUE, scopeText: '', rules: [{ cond: TRUE, text: names[0]! }], what: `APP_GUARD ${names[0]!}` } : null;
  });
}

/** `app.useGlobalGuards(new X(), …)` in `main.ts`. */
function globalGuardsModel(file: ProjectFile): GateModel | null {
  return memoised(file, 'nest-main', (deps) => {
    const context = file.context;
    const stack: TSESTree.Node[] = [file.sourceCode.ast];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (
        node.type === AST_NODE_TYPES.CallExpression &&
        node.callee.type === AST_NODE_TYPES.MemberExpression &&
        node.callee.property.type === AST_NODE_TYPES.Identifier &&
        node.callee.property.name === NEST_GLOBAL_GUARDS_METHOD
      ) {
        for (const arg of node.arguments) {
          const expr = skipTsWrappers(arg);
          // `new JwtGuard(reflector)`, `app.get(JwtGuard)`.
          const guard =
            expr.type === AST_NODE_TYPES.NewExpression ? expr.callee : expr.type === AST_NODE_TYPES.CallExpression && expr.arguments[0] && !isModuleExport(context, expr.callee, [NEST_PASSPORT_GUARD]) ? expr.arguments[0] : expr;
          if (isGateGuard(context, guard, deps)) {
            const name = shortText(context, guard);
            return { scope: TRUE, scopeText: '', rules: [{ cond: TRUE, text: name }], what: `useGlobalGuards(${name})` };
          }
        }
      }
      for (const key of context.sourceCode.visitorKeys[node.type] ?? []) {
        const child = (node as unknown as Record<string, unknown>)[key];
        for (const item of Array.isArray(child) ? child : [child]) {
          if (item !== null && typeof item === 'object' && typeof (item as { type?: unknown }).type === 'string') {
            stack.push(item as TSESTree.Node);
          }
        }
      }
    }
    return null;
  });
}

function nestGate(context: FileContext): GlobalGate | null {
  const root = projectRoot(context.filename, context);
  if (root === null) {
    return null;
  }
  const appDir = nestAppDirectory(context, context.filename, root);
  const main = firstFile(context, appDir, NEST_MAIN_FILES);
  const fromMain = main ? globalGuardsModel(main) : null;
  if (main && fromMain) {
    return { file: main.filename, description: `${relativeName(main.filename, root)} ${fromMain.what}` };
  }
  for (const filename of projectFiles(root, { text: NEST_APP_GUARD_TEXT, settings: context })) {
    if (!filename.startsWith(appDir + path.sep) || filename === context.filename) {
      continue;
    }
    const file = projectFile(filename, context);
    const model = file ? appGuardModel(file) : null;
    if (file && model) {
      return { file: file.filename, description: `${relativeName(file.filename, root)} ${model.what}` };
    }
  }
  return null;
}

/**
 * Whether the NestJS app of this file declares an app-wide guard at all (an `APP_GUARD`
 * provider or `useGlobalGuards` in `main.ts`), judged or not: `false` when the project was read
 * and has none, so a `@Public()` marker in a controller proves nothing; `null` when the project
 * cannot be read (no root, cross-file analysis off), where the rule keeps its single-file guess.
 */
export function nestGuardDeclared(context: FileContext): boolean | null {
  try {
    const root = projectRoot(context.filename, context);
    if (root === null || !getSettings(context).project.crossFile) {
      return null;
    }
    const appDir = nestAppDirectory(context, context.filename, root);
    const main = firstFile(context, appDir, NEST_MAIN_FILES);
    if (main?.sourceCode.text.includes('useGlobalGuards')) {
      return true;
    }
    return projectFiles(root, { text: NEST_APP_GUARD_TEXT, settings: context }).some((filename) => filename.startsWith(appDir + path.sep));
  } catch {
    return null;
  }
}

// ---- Entry point ----

const GATES = perFileKey<Map<Route, GlobalGate | null>>('global gates');

/**
 * The project-level gate that refuses anonymous requests to `route` before it runs, or `null`
 * (no such gate, a gate that does not cover the route, a layout or file this reader cannot read,
 * or cross-file analysis off): Next.js `middleware.ts`/`proxy.ts` beside `app/`/`pages/` (its
 * `config.matcher`; a function that redirects or answers 401/403 without a session; Auth.js
 * `authorized`, next-auth `withAuth`, Clerk `auth.protect()` for `createRouteMatcher` routes),
 * SvelteKit `src/hooks.server.ts` `handle` (and `sequence()`) refusing by path prefix, NestJS
 * `APP_GUARD` providers in the app's modules and `useGlobalGuards` in `main.ts` (every Nest
 * route; `@Public()` is the rule's to judge). Memoised per file and per parse of each gate
 * file. Never throws.
 * @example globalGateFor(context, route) // { file: '/app/middleware.ts', description: 'middleware.ts middleware matcher /api/admin/:path*' }
 */
export function globalGateFor(context: FileContext, route: Route): GlobalGate | null {
  try {
    const memo = perFile(context, GATES, () => new Map());
    if (memo.has(route)) {
      return memo.get(route)!;
    }
    let gate: GlobalGate | null = null;
    if (route.framework === 'nest') {
      gate = nestGate(context);
    } else if (route.fileRouted && typeof route.path === 'string') {
      if (route.framework === 'next') {
        gate = nextGate(context, route);
      } else if (route.framework === 'sveltekit') {
        gate = svelteKitGate(context, route);
      }
    }
    memo.set(route, gate);
    return gate;
  } catch {
    return null;
  }
}
