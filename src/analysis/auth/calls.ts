/** Calls inside a handler: gate calls, session fetches, and whether a fetched session is checked. */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { ASSERTING_GATES, AUTH_MIDDLEWARE_MODULES, CLIENT_SESSION_METHODS, SESSION_FETCHERS, SIGNATURE_VERIFIERS } from '../../data/auth';
import {
  ASSERTING_VERBS,
  GATE_CALL_WORDS,
  IDENTITY_LOOKUP_METHODS,
  IDENTITY_NOUNS,
  IDENTITY_STORE_WORDS,
  NOT_A_GATE_WORDS,
  PREDICATE_VERBS,
  SIGNATURE_CHECK_VERBS,
  SIGNATURE_WORDS,
  SIGNED_MESSAGE_WORDS,
  SIGNED_WORDS,
} from '../../data/auth-vocabulary';
import { dottedName } from '../../core/ast';
import { memoizeByString } from '../../core/memo';
import type { FileContext } from '../../core/context';
import { resolveCallTarget } from '../../core/modules';
import { skipTsWrappers } from '../../core/static';
import { variableFor } from '../../core/variable-index';
import { wordsOf } from '../../core/words';
import { AUTH_CLIENT_WORD, VERIFIER_WORD, writtenName } from './names';
import { boundNames, isExitCall, valueTop } from './values';
import { isAuthName, matchesList } from './vocabulary';
import type { AuthVocabulary } from './vocabulary';

const ASSERTING = new Set(ASSERTING_GATES);
const FETCHERS = new Set(SESSION_FETCHERS);
const CLIENT_METHODS = new Set(CLIENT_SESSION_METHODS);
const SIGNATURES = new Set(SIGNATURE_VERIFIERS);

export type CallKind = 'assert' | 'fetch' | 'predicate' | null;

/** How a call inside a handler relates to authentication. */
export function classifyCall(context: FileContext, call: TSESTree.CallExpression, vocab: AuthVocabulary): CallKind {
  const callee = skipTsWrappers(call.callee);
  // Read from its end: the last segment and flags for the words of the others, O(1) per call of a chain.
  const name = writtenName(context, callee);
  if (matchesList(context, vocab.functions, callee)) {
    return 'assert';
  }
  if (name === null) {
    return null;
  }
  const last = name.last;
  const objectWords = name.object?.words ?? 0;
  if (SIGNATURES.has(last) || ASSERTING.has(last)) {
    return 'assert';
  }
  if (last === 'verify' && (objectWords & VERIFIER_WORD) !== 0) {
    return 'assert';
  }
  if (FETCHERS.has(last) || (CLIENT_METHODS.has(last) && (objectWords & AUTH_CLIENT_WORD) !== 0)) {
    // remix-auth: `authenticator.isAuthenticated(request, { failureRedirect: '/login' })` redirects anonymous requests itself.
    const redirectsOnFailure = call.arguments.some(
      (arg) =>
        arg.type === AST_NODE_TYPES.ObjectExpression &&
        arg.properties.some((p) => p.type === AST_NODE_TYPES.Property && !p.computed && p.key.type === AST_NODE_TYPES.Identifier && p.key.name === 'failureRedirect'),
    );
    return redirectsOnFailure ? 'assert' : /^(?:is|has)[A-Z]/u.test(last) ? 'predicate' : 'fetch';
  }
  // Session fetchers come first (`getAuth(c)` of `@hono/clerk-auth` must be checked). An auth library's middleware run by hand, the usual way with per-request secrets on edge
  // runtimes: `const mw = jwt({ secret: c.env.JWT_SECRET }); return mw(c, next)`, `bearerAuth({ token })(c, next)`.
  const byWords = lastNameClass(last);
  if (name.length === 1 && (last === 'verify' || byWords.authName)) {
    const target = resolveCallTarget(context, callee);
    if (target?.module != null && target.path.length === 1 && AUTH_MIDDLEWARE_MODULES.includes(target.module)) {
      return 'assert';
    }
  }
  return byWords.kind;
}

/** What the words of a callee's last name say, for `classifyCall`: whether it names authentication, and the kind its words give. */
interface LastNameClass {
  readonly authName: boolean;
  readonly kind: CallKind;
}

/** Per last name: handlers call the same methods (`json`, `status`, `findOne`) again and again. */
const lastNameClass = memoizeByString((last): LastNameClass => ({ authName: isAuthName(last), kind: kindByWords(last) }));

function kindByWords(last: string): CallKind {
  const words = wordsOf(last);
  if (words.some((w) => NOT_A_GATE_WORDS.has(w))) {
    return null;
  }
  const first = words[0];
  // `isAdmin(user)`, `hasPermission(req)`, and access checks that name who asks: `canUserAccessUpload(userId, id)`.
  if (PREDICATE_VERBS.has(first ?? '') && (isAuthName(last) || (first === 'can' && words.some((w) => IDENTITY_NOUNS.has(w))))) {
    return 'predicate';
  }
  if (ASSERTING_VERBS.has(first ?? '') && isAuthName(last)) {
    return 'assert';
  }
  if (words.length === 1 && GATE_CALL_WORDS.has(first!)) {
    return 'assert';
  }
  // Webhook endpoints check the sender: `validateWebhookEvent(request)`, `verifyWebhookPayload(body, sig)`,
  // `verifyAppleNotificationPayload(signedPayload)`.
  if (SIGNATURE_CHECK_VERBS.has(first ?? '') && words.some((w) => SIGNATURE_WORDS.has(w))) {
    return 'assert';
  }
  if (first === 'verify' && (words.some((w) => SIGNED_WORDS.has(w)) || SIGNED_MESSAGE_WORDS.every((w) => words.includes(w)))) {
    return 'assert';
  }
  return null;
}

/**
 * A lookup of the caller in a store of signed-in users or sessions: `authenticatedUsers.get(token)`,
 * `security.authenticatedUsers.from(req)`, `sessionStore.get(sid)`, `authCache.lookup(jwt)`. Like a
 * session fetch, it gates only where its result is checked (never reported as unchecked: a store
 * lookup may serve other purposes).
 */
export function isIdentityLookup(context: FileContext, call: TSESTree.CallExpression): boolean {
  const name = writtenName(context, skipTsWrappers(call.callee));
  if (name?.object == null || !IDENTITY_LOOKUP_METHODS.has(name.last) || call.arguments.length === 0) {
    return false;
  }
  const words = wordsOf(name.object.last);
  return !words.some((w) => NOT_A_GATE_WORDS.has(w)) && words.some((w) => IDENTITY_STORE_WORDS.has(w));
}

/** Whether `node` is (part of) a condition that decides what runs: `if (!x)`, `x ? a : b`, `x || deny()`, `assert(x)`. */
export function isTested(node: TSESTree.Node): boolean {
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
        // The callee of a chain's next call is not an argument: no name to build.
        if (parent.callee === current) {
          return false;
        }
        const name = dottedName(parent.callee);
        return name !== null && /(?:^|\.)(?:assert|ok|invariant|ensure|expect|strictEqual|notStrictEqual)$|^assert\w*/u.test(name);
      }
      default:
        return false;
    }
    current = parent;
  }
  return false;
}

/**
 * The names bound to one element of `Promise.all([...])` by an array pattern:
 * `const [workspace, session] = await Promise.all([getWorkspace(id), getSession()])` binds the
 * session fetch's value to `session`. None when an element before it is spread.
 */
function promiseAllBinding(array: TSESTree.ArrayExpression, element: TSESTree.Node): TSESTree.Identifier[] {
  const index = array.elements.indexOf(element as TSESTree.Expression);
  const all = array.parent;
  if (index < 0 || array.elements.slice(0, index).some((item) => item?.type === AST_NODE_TYPES.SpreadElement)) {
    return [];
  }
  if (all?.type !== AST_NODE_TYPES.CallExpression || all.arguments[0] !== array || dottedName(all.callee) !== 'Promise.all') {
    return [];
  }
  const top = valueTop(all);
  const declarator = top.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== top || declarator.id.type !== AST_NODE_TYPES.ArrayPattern) {
    return [];
  }
  const bound = declarator.id.elements[index];
  return bound && bound.type !== AST_NODE_TYPES.RestElement ? boundNames(bound) : [];
}

/** Whether the value of a session/identity call is checked: tested directly, or through the names it is bound to. */
export function isChecked(context: FileContext, call: TSESTree.CallExpression, depth = 0): boolean {
  if (isTested(call)) {
    return true;
  }
  let top = valueTop(call);
  // `const auth = options.skipAuth ? null : await getSession()`: a branch's value is bound too.
  for (let hops = 0; hops < 2 && top.parent?.type === AST_NODE_TYPES.ConditionalExpression && top.parent.test !== top; hops++) {
    top = valueTop(top.parent);
  }
  const declarator = top.parent;
  let ids: TSESTree.Identifier[] = [];
  if (declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.init === top) {
    ids = boundNames(declarator.id);
  } else if (declarator?.type === AST_NODE_TYPES.ArrayExpression) {
    ids = promiseAllBinding(declarator, top);
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
