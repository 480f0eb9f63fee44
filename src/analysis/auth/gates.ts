import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import type { RouteGuard } from '../../frameworks/types';
import { ASSERTING_GATES, AUTH_MIDDLEWARE_MODULES, CLIENT_SESSION_METHODS, SESSION_FETCHERS, SIGNATURE_VERIFIERS } from '../../data/auth';
import { childNodes, dottedName } from '../../core/ast';
import { isFunctionLike, resolveFunction } from '../../core/functions';
import { resolveCallTarget } from '../../core/modules';
import { parseNameSpec } from '../../core/settings';
import { skipTsWrappers } from '../../core/static';
import { wordsOf } from '../../core/words';
import { variableFor } from '../../core/variable-index';
import type { FunctionLike } from '../../core/functions';
import { perFile, perFileKey } from '../../core/context';
import type { FileContext } from '../../core/context';

/** The project's own auth vocabulary (settings plus rule options). */
export interface AuthVocabulary {
  /** Gate functions called in handlers (`requireUser`); bare names or `module#export`. */
  readonly functions: readonly string[];
  /** Middleware and guards (`checkSession`, `my-auth#guard`). */
  readonly middleware: readonly string[];
  /** Wrappers around handlers (`withAuth`). */
  readonly wrappers: readonly string[];
  /** Procedure builders that require a session (`protectedProcedure`). */
  readonly procedures: readonly string[];
}

/** Words that make a middleware or wrapper name an auth gate on their own. */
const STRONG = new Set([
  'auth', 'authn', 'authz', 'authenticate', 'authenticated', 'authentication', 'authorize', 'authorise', 'authorized',
  'authorised', 'authorization', 'authorisation', 'authed', 'jwt', 'guard', 'guarded', 'protect', 'protected', 'bearer',
  'acl', 'rbac', 'permission', 'permissions', 'loggedin', 'signedin', 'clerk', 'requiresauth',
]);
/** Verbs that, with an identity noun, make a gate: `requireUser`, `isAdmin`, `checkToken`. */
const VERBS = new Set(['require', 'requires', 'required', 'ensure', 'ensures', 'check', 'checks', 'verify', 'verifies', 'must', 'is', 'has', 'only', 'assert', 'enforce', 'restrict', 'restricted', 'need', 'needs']);
const NOUNS = new Set([
  'user', 'users', 'admin', 'admins', 'login', 'session', 'token', 'role', 'roles', 'apikey', 'scope', 'scopes', 'owner',
  'member', 'staff', 'account', 'identity', 'loggedin', 'signedin', 'superuser', 'moderator', 'signature',
  // `requireSignin` (express-jwt tutorials), `ensureSignedOn`.
  'signin', 'signon', 'signedon',
]);
/**
 * `validate` names body validators as often as gates (`validateUser` checks a sign-up form):
 * it makes a gate only with a credential noun (`validateToken`, `validateSession`).
 */
const CREDENTIALS = new Set(['token', 'session', 'apikey', 'signature', 'credentials', 'jwt', 'bearer']);
/** Words that say the middleware does not enforce anything, or is not middleware at all. */
const NEGATIVE = new Set([
  'optional', 'optionally', 'maybe', 'soft', 'try', 'attach', 'attaches', 'load', 'loads', 'populate', 'extract', 'parse',
  'init', 'initialize', 'router', 'routes', 'route', 'controller', 'service', 'config', 'options', 'client', 'callback',
  'public', 'anonymous', 'skip', 'bypass', 'without', 'logout', 'refresh', 'rate', 'limit', 'limiter', 'cors', 'logger',
  'csrf', 'csurf', 'no', 'none', 'disable', 'disabled', 'throttle', 'throttler', 'throttled', 'cache', 'xsrf',
]);

/** Identity members whose presence a handler checks: `req.user`, `ctx.state.user`, `locals.session`. */
const IDENTITY_PROPERTIES = new Set(['user', 'userId', 'auth', 'session', 'currentUser', 'principal', 'claims', 'jwtPayload', 'identity', 'viewer']);

/** Methods that send a response on a handler parameter (`res.json`, `reply.send`, `c.json`). */
const RESPONSE_METHODS = new Set(['json', 'send', 'end', 'sendFile', 'render', 'write', 'html', 'text', 'body', 'jsonp', 'sendStatus', 'download', 'stream', 'redirect']);

/** Request objects whose `json()`/`text()`/`body` read the request, not answer it. */
const REQUEST_OBJECTS = new Set(['req', 'request', 'raw']);

const ASSERTING = new Set(ASSERTING_GATES);
const FETCHERS = new Set(SESSION_FETCHERS);
const CLIENT_METHODS = new Set(CLIENT_SESSION_METHODS);
const SIGNATURES = new Set(SIGNATURE_VERIFIERS);

/** Whether a name says "this enforces authentication": `requireAuth`, `isAuthenticated`, `verifyJwt`, `adminOnly`. */
export function isAuthName(name: string): boolean {
  const words = wordsOf(name);
  if (words.some((w) => NEGATIVE.has(w))) {
    return false;
  }
  return (
    // `expressjwt`, `koajwt`, `checkjwt`: one-word library names ending in `jwt`.
    words.some((w) => STRONG.has(w) || w.endsWith('jwt')) ||
    (words.some((w) => VERBS.has(w)) && words.some((w) => NOUNS.has(w))) ||
    (words.includes('validate') && words.some((w) => CREDENTIALS.has(w)))
  );
}

/** Words that say a middleware authenticates only when credentials are present. */
const OPTIONAL = new Set(['optional', 'optionally', 'maybe', 'soft']);
/** Words naming authentication itself, for `optionalAuth`, `auth.optional`, `softJwt`. */
const AUTH_WORDS = new Set(['auth', 'authn', 'authenticate', 'authenticated', 'authentication', 'jwt', 'token', 'session', 'user', 'login', 'identity']);

/**
 * Whether a middleware is the optional variant of an auth middleware (`auth.optional`,
 * `optionalAuth`, `authOptional()`, `softJwt`): it identifies the caller when credentials
 * come and lets anonymous requests through, which says the route is public by design.
 */
export function isOptionalAuthGuard(guard: RouteGuard): boolean {
  const node = skipTsWrappers(guard.node);
  const callee = node.type === AST_NODE_TYPES.CallExpression ? node.callee : node;
  const name = dottedName(callee);
  if (name === null) {
    return false;
  }
  const words = name.split('.').flatMap(wordsOf);
  return words.some((w) => OPTIONAL.has(w)) && words.some((w) => AUTH_WORDS.has(w) || w.endsWith('jwt'));
}

/** Whether `name` (possibly dotted) matches a user list entry: `requireUser`, `auth.required`, `mod#export`. */
function matchesList(context: FileContext, list: readonly string[], node: TSESTree.Node, name: string | null): boolean {
  if (list.length === 0) {
    return false;
  }
  const last = name?.split('.').at(-1) ?? null;
  let target: ReturnType<typeof resolveCallTarget> | undefined;
  for (const entry of list) {
    const spec = parseNameSpec(entry);
    if (spec.module === null) {
      if (name !== null && (name === spec.name || last === spec.name || name.endsWith(`.${spec.name}`))) {
        return true;
      }
    } else {
      target ??= resolveCallTarget(context, node);
      if (target && target.module === spec.module && (target.path.join('.') || 'default') === spec.name) {
        return true;
      }
    }
  }
  return false;
}

/** Whether the expression comes from a known authentication library (`expressjwt(…)`, `bearerAuth(…)`). */
function fromAuthModule(context: FileContext, node: TSESTree.Node): boolean {
  const target = resolveCallTarget(context, node);
  return target?.module != null && AUTH_MIDDLEWARE_MODULES.includes(target.module);
}

/**
 * Whether a middleware, guard, hook, wrapper or builder applied to a route authenticates:
 * by the settings/options vocabulary, by its library, by its name, or, for a function in the
 * file, by a gate inside its body (`(req, res, next) => req.user ? next() : res.sendStatus(401)`).
 */
export function isAuthGuard(context: FileContext, guard: RouteGuard, vocab: AuthVocabulary, depth = 0): boolean {
  const node = skipTsWrappers(guard.node);
  const callee = node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression ? node.callee : node;
  const name = dottedName(callee);
  const lists = guard.via === 'wrapper' ? vocab.wrappers : guard.via === 'procedure' ? vocab.procedures : vocab.middleware;
  if (matchesList(context, lists, callee, name) || matchesList(context, vocab.middleware, callee, name)) {
    return true;
  }
  if (fromAuthModule(context, callee)) {
    return true;
  }
  // next-safe-action clients are named `authActionClient`: `client` is the builder, not a veto.
  const spoken = name !== null && guard.via === 'procedure' ? name.replace(/Client$/u, '') : name;
  if (spoken !== null && isAuthName(spoken)) {
    return true;
  }
  // tRPC builders named for who may call them: `adminProcedure`, `privateProcedure`, `orgProcedure`.
  if (guard.via === 'procedure' && name !== null) {
    const words = wordsOf(name.split('.').at(-1)!);
    if (words.includes('procedure') && !words.some((w) => NEGATIVE.has(w)) && words.some((w) => NOUNS.has(w) || ['private', 'org', 'organization', 'team', 'workspace', 'tenant'].includes(w))) {
      return true;
    }
  }
  if (node.type === AST_NODE_TYPES.CallExpression) {
    // `fastify.auth([fastify.verifyJwt])`, `compose(requireAuth, validate)`: any argument that is a gate.
    if (depth < 2 && node.arguments.some((arg) => isAuthGuard(context, { node: arg, via: guard.via }, vocab, depth + 1))) {
      return true;
    }
    return false;
  }
  const fn = depth < 2 ? resolveFunction(context, node) : null;
  if (fn && guard.via !== 'wrapper') {
    return analyseHandlerGate(context, fn, vocab).kind === 'gated';
  }
  return false;
}

/** What a handler body does about authentication. */
export type HandlerGate =
  | { readonly kind: 'gated'; readonly node: TSESTree.Node }
  /** It fetches the session or identity and never checks the result. */
  | { readonly kind: 'unchecked'; readonly call: TSESTree.CallExpression; readonly name: string }
  /** A gate exists but only after the handler has already answered: `if (GET) return res.json(all)`. */
  | { readonly kind: 'late'; readonly node: TSESTree.Node; readonly exposure: TSESTree.Node }
  | { readonly kind: 'none' };

type CallKind = 'assert' | 'fetch' | 'predicate' | null;

/** How a call inside a handler relates to authentication. */
function classifyCall(context: FileContext, call: TSESTree.CallExpression, vocab: AuthVocabulary): CallKind {
  const callee = skipTsWrappers(call.callee);
  const name = dottedName(callee);
  if (matchesList(context, vocab.functions, callee, name)) {
    return 'assert';
  }
  if (name === null) {
    return null;
  }
  const parts = name.split('.');
  const last = parts.at(-1)!;
  const objectWords = parts.slice(0, -1).flatMap(wordsOf);
  if (SIGNATURES.has(last) || ASSERTING.has(last)) {
    return 'assert';
  }
  if (last === 'verify' && objectWords.some((w) => ['jwt', 'jose', 'jsonwebtoken', 'webhook', 'webhooks', 'wh', 'svix', 'token', 'signature', 'hmac'].includes(w))) {
    return 'assert';
  }
  const redirectsOnFailure = call.arguments.some(
    (arg) =>
      arg.type === AST_NODE_TYPES.ObjectExpression &&
      arg.properties.some((p) => p.type === AST_NODE_TYPES.Property && !p.computed && p.key.type === AST_NODE_TYPES.Identifier && p.key.name === 'failureRedirect'),
  );
  if (FETCHERS.has(last) || (CLIENT_METHODS.has(last) && objectWords.some((w) => w === 'auth' || w === 'kinde' || w === 'session' || w === 'clerk' || w === 'supabase'))) {
    // remix-auth: `authenticator.isAuthenticated(request, { failureRedirect: '/login' })` redirects anonymous requests itself.
    return redirectsOnFailure ? 'assert' : /^(?:is|has)[A-Z]/u.test(last) ? 'predicate' : 'fetch';
  }
  // Session fetchers come first (`getAuth(c)` of `@hono/clerk-auth` must be checked). An auth library's middleware run by hand, the usual way with per-request secrets on edge
  // runtimes: `const mw = jwt({ secret: c.env.JWT_SECRET }); return mw(c, next)`, `bearerAuth({ token })(c, next)`.
  if (parts.length === 1 && (last === 'verify' || isAuthName(last))) {
    const target = resolveCallTarget(context, callee);
    if (target?.module != null && target.path.length === 1 && AUTH_MIDDLEWARE_MODULES.includes(target.module)) {
      return 'assert';
    }
  }
  const words = wordsOf(last);
  if (words.some((w) => NEGATIVE.has(w))) {
    return null;
  }
  const first = words[0];
  if ((first === 'is' || first === 'has' || first === 'can') && isAuthName(last)) {
    return 'predicate';
  }
  if (
    ['require', 'requires', 'ensure', 'assert', 'protect', 'authorize', 'authorise', 'authenticate', 'enforce', 'must', 'check', 'verify', 'guard'].includes(first ?? '') &&
    isAuthName(last)
  ) {
    return 'assert';
  }
  if (words.length === 1 && (first === 'authorize' || first === 'authenticate' || first === 'authorise')) {
    return 'assert';
  }
  // Webhook endpoints check the sender: `validateWebhookEvent(request)`, `verifyWebhookPayload(body, sig)`.
  if ((first === 'verify' || first === 'validate' || first === 'check') && words.some((w) => w === 'webhook' || w === 'signature' || w === 'hmac')) {
    return 'assert';
  }
  return null;
}

/** The expression a call's value flows into unchanged: `await x`, `(x)`, `x!`, `(await x)?.user`, `x.data.user`. */
function valueTop(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (;;) {
    const parent = current.parent;
    if (
      parent &&
      (parent.type === AST_NODE_TYPES.AwaitExpression ||
        parent.type === AST_NODE_TYPES.ChainExpression ||
        parent.type === AST_NODE_TYPES.TSNonNullExpression ||
        parent.type === AST_NODE_TYPES.TSAsExpression ||
        (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === current))
    ) {
      current = parent;
    } else {
      return current;
    }
  }
}

/** `redirect('/login')`, `notFound()`, `deny(res)`: a call that ends the request. */
function isExitCall(node: TSESTree.Node): boolean {
  const expr = skipTsWrappers(node);
  const name = expr.type === AST_NODE_TYPES.CallExpression ? dottedName(expr.callee) : null;
  return name !== null && /(?:^|\.)(?:redirect|notFound|unauthori[sz]ed|forbidden|deny|reject|abort|error|fail|throw\w*)$/iu.test(name);
}

/** Whether `node` is (part of) a condition that decides what runs: `if (!x)`, `x ? a : b`, `x || deny()`, `assert(x)`. */
function isTested(node: TSESTree.Node): boolean {
  let current = valueTop(node);
  for (let hops = 0; hops < 8; hops++) {
    const parent = current.parent;
    if (!parent) {
      return false;
    }
    switch (parent.type) {
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.ConditionalExpression:
      case AST_NODE_TYPES.WhileStatement:
        return parent.test === current;
      case AST_NODE_TYPES.LogicalExpression:
        // `session && work()`, `session || redirect('/login')`; not a default: `session?.user ?? null`.
        if (parent.left === current) {
          return parent.operator === '&&' || isExitCall(parent.right);
        }
        break;
      case AST_NODE_TYPES.UnaryExpression:
      case AST_NODE_TYPES.BinaryExpression:
      case AST_NODE_TYPES.ChainExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
        break;
      case AST_NODE_TYPES.CallExpression: {
        const name = dottedName(parent.callee);
        return parent.callee !== current && name !== null && /(?:^|\.)(?:assert|ok|invariant|ensure|expect|strictEqual|notStrictEqual)$|^assert\w*/u.test(name);
      }
      default:
        return false;
    }
    current = parent;
  }
  return false;
}

/** Names bound by `const x = await fetch()` / `const { userId } = auth()` / `const { data: { user } } = …`. */
function boundNames(pattern: TSESTree.Node, out: TSESTree.Identifier[] = []): TSESTree.Identifier[] {
  switch (pattern.type) {
    case AST_NODE_TYPES.Identifier:
      out.push(pattern);
      break;
    case AST_NODE_TYPES.ObjectPattern:
      for (const property of pattern.properties) {
        boundNames(property.type === AST_NODE_TYPES.Property ? property.value : property.argument, out);
      }
      break;
    case AST_NODE_TYPES.ArrayPattern:
      for (const element of pattern.elements) {
        if (element) {
          boundNames(element, out);
        }
      }
      break;
    case AST_NODE_TYPES.AssignmentPattern:
      boundNames(pattern.left, out);
      break;
    case AST_NODE_TYPES.RestElement:
      boundNames(pattern.argument, out);
      break;
    default:
      break;
  }
  return out;
}

/** Whether the value of a session/identity call is checked: tested directly, or through the names it is bound to. */
function isChecked(context: FileContext, call: TSESTree.CallExpression, depth = 0): boolean {
  if (isTested(call)) {
    return true;
  }
  const top = valueTop(call);
  const declarator = top.parent;
  let ids: TSESTree.Identifier[] = [];
  if (declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.init === top) {
    ids = boundNames(declarator.id);
  } else if (declarator?.type === AST_NODE_TYPES.AssignmentExpression && declarator.right === top && declarator.left.type === AST_NODE_TYPES.Identifier) {
    ids = [declarator.left];
  }
  for (const id of ids) {
    const variable = variableFor(context, id);
    for (const ref of variable?.references ?? []) {
      if (!ref.isRead()) {
        continue;
      }
      const identifier = ref.identifier as TSESTree.Node;
      if (isTested(identifier)) {
        return true;
      }
      // `session.user.id` throws on an anonymous request before anything is answered.
      const parent = identifier.parent;
      if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === identifier && !parent.optional && parent.parent?.type !== AST_NODE_TYPES.ChainExpression) {
        return true;
      }
      // `const { getUser } = getKindeServerSession(); const user = await getUser(); if (!user) …`:
      // a check on what a bound function returns checks the session.
      if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === identifier && depth < 2 && isChecked(context, parent, depth + 1)) {
        return true;
      }
    }
  }
  return false;
}

/** Whether a test expression reads an identity member: `!req.user`, `ctx.state.user`, `c.get('user')`, `!locals.session`. */
function readsIdentity(test: TSESTree.Node, locals: ReadonlySet<string>, depth = 0): boolean {
  if (depth > 12) {
    return false;
  }
  const node = skipTsWrappers(test);
  switch (node.type) {
    case AST_NODE_TYPES.Identifier:
      return locals.has(node.name);
    case AST_NODE_TYPES.MemberExpression:
      if (!node.computed && node.property.type === AST_NODE_TYPES.Identifier && IDENTITY_PROPERTIES.has(node.property.name)) {
        return true;
      }
      return readsIdentity(node.object, locals, depth + 1);
    case AST_NODE_TYPES.CallExpression: {
      const callee = skipTsWrappers(node.callee);
      const arg = node.arguments[0];
      if (
        callee.type === AST_NODE_TYPES.MemberExpression &&
        !callee.computed &&
        callee.property.type === AST_NODE_TYPES.Identifier &&
        callee.property.name === 'get' &&
        arg?.type === AST_NODE_TYPES.Literal &&
        typeof arg.value === 'string' &&
        IDENTITY_PROPERTIES.has(arg.value)
      ) {
        return true;
      }
      return readsIdentity(callee, locals, depth + 1);
    }
    case AST_NODE_TYPES.ChainExpression:
      return readsIdentity(node.expression, locals, depth + 1);
    case AST_NODE_TYPES.UnaryExpression:
      return readsIdentity(node.argument, locals, depth + 1);
    case AST_NODE_TYPES.LogicalExpression:
    case AST_NODE_TYPES.BinaryExpression:
      return readsIdentity(node.left, locals, depth + 1) || readsIdentity(node.right, locals, depth + 1);
    default:
      return false;
  }
}

/** Identity objects whose members throw when nobody is signed in: `req.user`, `ctx.state.user`, `c.get('user')`. */
const IDENTITY_OBJECTS = new Set(['user', 'currentUser', 'principal', 'claims', 'jwtPayload', 'identity', 'viewer']);

/** The identity object an expression denotes on a handler parameter or an identity local: `req.user`, `c.get('user')`, `user`. */
function isIdentityObject(node: TSESTree.Node, params: ReadonlySet<string>, locals: ReadonlySet<string>): boolean {
  const expr = skipTsWrappers(node);
  if (expr.type === AST_NODE_TYPES.Identifier) {
    return locals.has(expr.name);
  }
  let name: string | null = null;
  if (expr.type === AST_NODE_TYPES.MemberExpression && !expr.computed && expr.property.type === AST_NODE_TYPES.Identifier) {
    name = expr.property.name;
  } else if (expr.type === AST_NODE_TYPES.CallExpression) {
    const callee = skipTsWrappers(expr.callee);
    const arg = expr.arguments[0];
    if (callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier && callee.property.name === 'get' && arg?.type === AST_NODE_TYPES.Literal && typeof arg.value === 'string') {
      name = arg.value;
    }
  }
  if (name === null || !IDENTITY_OBJECTS.has(name)) {
    return false;
  }
  const root = rootName(expr);
  return root !== null && (params.has(root) || locals.has(root));
}

/**
 * Names a declaration binds to the caller's identity: `const user = req.user`,
 * `const { user } = req`, `const { userId } = req.session`, `const u = c.get('user')`.
 */
function identityLocals(declarator: TSESTree.VariableDeclarator, params: ReadonlySet<string>, locals: ReadonlySet<string>): string[] {
  const init = declarator.init ? skipTsWrappers(declarator.init) : null;
  if (!init) {
    return [];
  }
  if (readsIdentity(init, locals) && rootName(init) !== null && (params.has(rootName(init)!) || locals.has(rootName(init)!))) {
    return boundNames(declarator.id).map((id) => id.name);
  }
  const root = rootName(init);
  if (declarator.id.type !== AST_NODE_TYPES.ObjectPattern || root === null || !params.has(root)) {
    return [];
  }
  const out: string[] = [];
  for (const property of declarator.id.properties) {
    if (property.type === AST_NODE_TYPES.Property && !property.computed && property.key.type === AST_NODE_TYPES.Identifier && IDENTITY_PROPERTIES.has(property.key.name)) {
      out.push(...boundNames(property.value).map((id) => id.name));
    }
  }
  return out;
}

/** The parameter names of a handler, whose `res.json()`/`ctx.body =` answer the request. */
function paramNames(fn: FunctionLike): Set<string> {
  const names = new Set<string>();
  for (const param of fn.params) {
    const node = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
    if (node.type === AST_NODE_TYPES.Identifier) {
      names.add(node.name);
    } else if (node.type === AST_NODE_TYPES.ObjectPattern) {
      // A destructured event: `({ request, locals })` (SvelteKit, Astro, Remix, tRPC `({ ctx })`).
      for (const property of node.properties) {
        const value = property.type === AST_NODE_TYPES.Property ? (property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value) : null;
        if (value?.type === AST_NODE_TYPES.Identifier) {
          names.add(value.name);
        }
      }
    }
  }
  return names;
}

/** Objects frameworks hang the caller's identity on: SvelteKit/Astro `locals`, h3 `context`, Koa `state`. */
const IDENTITY_CARRIERS = new Set(['locals', 'context', 'state']);

/** Identity names destructured in the parameters: `({ locals: { user } })`, `({ locals: { session: s } })`. */
function identityParams(fn: FunctionLike): string[] {
  const out: string[] = [];
  for (const param of fn.params) {
    const node = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
    if (node.type !== AST_NODE_TYPES.ObjectPattern) {
      continue;
    }
    for (const carrier of node.properties) {
      if (carrier.type !== AST_NODE_TYPES.Property || carrier.computed || carrier.key.type !== AST_NODE_TYPES.Identifier || !IDENTITY_CARRIERS.has(carrier.key.name) || carrier.value.type !== AST_NODE_TYPES.ObjectPattern) {
        continue;
      }
      for (const property of carrier.value.properties) {
        if (property.type === AST_NODE_TYPES.Property && !property.computed && property.key.type === AST_NODE_TYPES.Identifier && IDENTITY_PROPERTIES.has(property.key.name)) {
          out.push(...boundNames(property.value).map((id) => id.name));
        }
      }
    }
  }
  return out;
}

/** Root identifier of `res.status(500).json` / `ctx.response.body`. */
function rootName(node: TSESTree.Node): string | null {
  let current = skipTsWrappers(node);
  for (let hops = 0; hops < 20; hops++) {
    if (current.type === AST_NODE_TYPES.Identifier) {
      return current.name;
    }
    if (current.type === AST_NODE_TYPES.MemberExpression) {
      current = skipTsWrappers(current.object);
    } else if (current.type === AST_NODE_TYPES.CallExpression) {
      current = skipTsWrappers(current.callee);
    } else {
      return null;
    }
  }
  return null;
}

/** A literal error status in a response chain: `res.status(405).json()`, `res.sendStatus(400)`, `{ status: 405 }`. */
function hasErrorStatus(node: TSESTree.Node, depth = 0): boolean {
  if (depth > 12) {
    return false;
  }
  const expr = skipTsWrappers(node);
  if (expr.type === AST_NODE_TYPES.Literal && typeof expr.value === 'number') {
    return expr.value >= 400;
  }
  if (expr.type === AST_NODE_TYPES.CallExpression || expr.type === AST_NODE_TYPES.NewExpression) {
    return expr.arguments.some((arg) => hasErrorStatus(arg, depth + 1)) || hasErrorStatus(expr.callee, depth + 1);
  }
  if (expr.type === AST_NODE_TYPES.MemberExpression) {
    return hasErrorStatus(expr.object, depth + 1);
  }
  if (expr.type === AST_NODE_TYPES.ObjectExpression) {
    return expr.properties.some(
      (p) => p.type === AST_NODE_TYPES.Property && !p.computed && p.key.type === AST_NODE_TYPES.Identifier && (p.key.name === 'status' || p.key.name === 'statusCode') && hasErrorStatus(p.value, depth + 1),
    );
  }
  return false;
}

/** Inside `if (req.method !== 'POST') …`: a method guard, not an answer with data. */
function underMethodCheck(node: TSESTree.Node, fn: FunctionLike): boolean {
  for (let current = node.parent; current && current !== fn; current = current.parent) {
    if (current.type === AST_NODE_TYPES.IfStatement || current.type === AST_NODE_TYPES.SwitchStatement) {
      const test = current.type === AST_NODE_TYPES.IfStatement ? current.test : current.discriminant;
      const name = test.type === AST_NODE_TYPES.BinaryExpression ? dottedName(test.left) : dottedName(test);
      if (name !== null && /(?:^|\.)method$/u.test(name)) {
        return true;
      }
    }
  }
  return false;
}

/** Whether a node answers the request with more than a rejection: `return data`, `res.json(x)`, `ctx.body = x`. */
function isExposure(node: TSESTree.Node, params: ReadonlySet<string>, fn: FunctionLike): boolean {
  if (
    (node.type === AST_NODE_TYPES.ReturnStatement || node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.AssignmentExpression) &&
    underMethodCheck(node, fn)
  ) {
    return false;
  }
  if (node.type === AST_NODE_TYPES.ReturnStatement) {
    const arg = node.argument ? skipTsWrappers(node.argument) : null;
    if (!arg || (arg.type === AST_NODE_TYPES.Literal && arg.value === null) || (arg.type === AST_NODE_TYPES.Identifier && arg.name === 'undefined')) {
      return false;
    }
    // `return next()`: hands over to the next middleware.
    if (arg.type === AST_NODE_TYPES.CallExpression && arg.callee.type === AST_NODE_TYPES.Identifier && params.has(arg.callee.name)) {
      return false;
    }
    // `return notFound()`, `return redirect('/login')`, `return fail(400)`: an exit, not data.
    return !hasErrorStatus(arg) && !isExitCall(arg);
  }
  if (node.type === AST_NODE_TYPES.CallExpression) {
    // `await req.json()` reads the request; `res.json(x)` / `return c.json(x)` answers it.
    const top = valueTop(node);
    const holder = top.parent;
    if (
      holder?.type !== AST_NODE_TYPES.ExpressionStatement &&
      holder?.type !== AST_NODE_TYPES.ReturnStatement &&
      !(holder?.type === AST_NODE_TYPES.ArrowFunctionExpression && holder.body === top)
    ) {
      return false;
    }
    const callee = skipTsWrappers(node.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier && RESPONSE_METHODS.has(callee.property.name)) {
      // `request.json()`, `event.request.formData()`, `c.req.json()` read the request body.
      const object = skipTsWrappers(callee.object);
      const objectName = object.type === AST_NODE_TYPES.Identifier ? object.name : object.type === AST_NODE_TYPES.MemberExpression && !object.computed && object.property.type === AST_NODE_TYPES.Identifier ? object.property.name : null;
      if (objectName !== null && REQUEST_OBJECTS.has(objectName)) {
        return false;
      }
      const root = rootName(callee.object);
      return root !== null && params.has(root) && !hasErrorStatus(node);
    }
    return false;
  }
  if (node.type === AST_NODE_TYPES.AssignmentExpression && node.left.type === AST_NODE_TYPES.MemberExpression) {
    const left = node.left;
    const root = rootName(left.object);
    return !left.computed && left.property.type === AST_NODE_TYPES.Identifier && left.property.name === 'body' && root !== null && params.has(root);
  }
  return false;
}

function isInside(node: TSESTree.Node, ancestor: TSESTree.Node): boolean {
  return node.range[0] >= ancestor.range[0] && node.range[1] <= ancestor.range[1];
}

const MEMO_KEY = perFileKey<WeakMap<FunctionLike, HandlerGate>>('memo');

/**
 * What a handler (or a middleware in the file) does about authentication, from one walk of
 * its own body (nested functions excluded): gate calls (`requireUser(req)`, `jwt.verify()`,
 * signature checks), session fetches and whether their result is checked, identity checks
 * (`if (!req.user)`), and the first place it answers the request. A gate counts only
 * before that first answer.
 */
export function analyseHandlerGate(context: FileContext, fn: FunctionLike, vocab: AuthVocabulary): HandlerGate {
  const cache = perFile(context, MEMO_KEY, () => new WeakMap());
  const cached = cache.get(fn);
  if (cached) {
    return cached;
  }
  cache.set(fn, { kind: 'none' }); // recursion guard
  const result = walkHandler(context, fn, vocab);
  cache.set(fn, result);
  return result;
}

function walkHandler(context: FileContext, fn: FunctionLike, vocab: AuthVocabulary): HandlerGate {
  const params = paramNames(fn);
  const locals = new Set<string>(identityParams(fn));
  let gate: TSESTree.Node | null = null;
  let exposure: TSESTree.Node | null = null;
  let unchecked: { call: TSESTree.CallExpression; name: string } | null = null;
  let lateGate: TSESTree.Node | null = null;

  const noteGate = (node: TSESTree.Node): void => {
    // A gate inside the answer runs before it: `res.json({ id: req.user.id })`.
    if (exposure === null || isInside(node, exposure)) {
      gate ??= node;
    } else {
      lateGate ??= node;
    }
  };
  const stack: TSESTree.Node[] = [fn.body];
  // Depth-first, in source order: children pushed in reverse.
  while (stack.length > 0 && gate === null) {
    const node = stack.pop()!;
    if (isFunctionLike(node) && node !== fn) {
      continue;
    }
    if (node.type === AST_NODE_TYPES.IfStatement || node.type === AST_NODE_TYPES.ConditionalExpression) {
      if (readsIdentity(node.test, locals)) {
        noteGate(node.test);
      }
    } else if (node.type === AST_NODE_TYPES.LogicalExpression && (node.operator === '&&' || isExitCall(node.right)) && readsIdentity(node.left, locals)) {
      noteGate(node.left);
    } else if (node.type === AST_NODE_TYPES.VariableDeclarator) {
      for (const name of identityLocals(node, params, locals)) {
        locals.add(name);
      }
    } else if (node.type === AST_NODE_TYPES.MemberExpression && !node.optional && node.parent.type !== AST_NODE_TYPES.ChainExpression && isIdentityObject(node.object, params, locals)) {
      // `req.user.id` throws before anything is answered when nobody is signed in: the
      // handler relies on authentication (often set up in another file).
      noteGate(node);
    } else if (node.type === AST_NODE_TYPES.CallExpression) {
      const kind = classifyCall(context, node, vocab);
      if (kind === 'assert') {
        noteGate(node);
      } else if (kind === 'fetch' || kind === 'predicate') {
        if (isChecked(context, node)) {
          noteGate(node);
        } else {
          unchecked ??= { call: node, name: dottedName(node.callee) ?? 'the session' };
        }
      }
    }
    if (exposure === null && gate === null && isExposure(node, params, fn)) {
      exposure = node;
    }
    const children = childNodes(context.sourceCode, node);
    for (let i = children.length - 1; i >= 0; i--) {
      stack.push(children[i]!);
    }
  }
  if (gate) {
    return { kind: 'gated', node: gate };
  }
  if (lateGate && exposure) {
    return { kind: 'late', node: lateGate, exposure };
  }
  if (unchecked) {
    // A "who am I" endpoint answers an anonymous caller with an empty session: nothing to protect.
    return echoesSession(fn, unchecked.call) ? { kind: 'gated', node: unchecked.call } : { kind: 'unchecked', ...unchecked };
  }
  // An expression-bodied arrow answers with its body: `(req) => Response.json(all)`.
  return { kind: 'none' };
}

/** `console.log(…)` statements, which neither gate nor answer. */
function isLogStatement(statement: TSESTree.Statement): boolean {
  const expr = statement.type === AST_NODE_TYPES.ExpressionStatement ? skipTsWrappers(statement.expression) : null;
  return expr?.type === AST_NODE_TYPES.CallExpression && /^console\./u.test(dottedName(expr.callee) ?? '');
}

/** Whether an answer carries nothing but `name`: `session`, `Response.json(session)`, `res.send(JSON.stringify(session))`, `{ session }`. */
function answersOnlyWith(node: TSESTree.Node, name: string, depth = 0): boolean {
  const expr = skipTsWrappers(node);
  if (depth > 6) {
    return false;
  }
  switch (expr.type) {
    case AST_NODE_TYPES.Identifier:
      return expr.name === name;
    case AST_NODE_TYPES.AwaitExpression:
      return answersOnlyWith(expr.argument, name, depth + 1);
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression: {
      const first = expr.arguments[0];
      return first !== undefined && first.type !== AST_NODE_TYPES.SpreadElement && answersOnlyWith(first, name, depth + 1);
    }
    case AST_NODE_TYPES.ObjectExpression:
      return expr.properties.length > 0 && expr.properties.every((p) => p.type === AST_NODE_TYPES.Property && answersOnlyWith(p.value, name, depth + 1));
    default:
      return false;
  }
}

/**
 * Whether the handler only fetches the session and answers with it (`const session = await
 * getServerSession(…); return Response.json(session)`): the Auth.js "access the session from
 * an API route" example, a "who am I" endpoint whose answer to an anonymous caller is empty.
 */
function echoesSession(fn: FunctionLike, call: TSESTree.CallExpression): boolean {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) {
    return false;
  }
  const top = valueTop(call);
  const declarator = top.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== top || declarator.id.type !== AST_NODE_TYPES.Identifier) {
    return false;
  }
  const statements = fn.body.body.filter((statement) => !isLogStatement(statement));
  const [declaration, answer, ...rest] = statements;
  if (rest.length > 0 || declaration !== declarator.parent || !answer) {
    return false;
  }
  const value = answer.type === AST_NODE_TYPES.ReturnStatement ? answer.argument : answer.type === AST_NODE_TYPES.ExpressionStatement ? answer.expression : null;
  return value != null && answersOnlyWith(value, declarator.id.name);
}
