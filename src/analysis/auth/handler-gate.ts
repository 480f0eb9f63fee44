/** Handler bodies: what a handler (or a middleware in the file) does about authentication. */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { pushChildNodes, dottedName } from '../../core/ast';
import { perFile, perFileKey } from '../../core/context';
import type { FileContext, PerFileKey } from '../../core/context';
import { isFunctionLike } from '../../core/functions';
import type { FunctionLike } from '../../core/functions';
import { classifyCall, isChecked, isIdentityLookup } from './calls';
import { CapabilityTracker } from './capability';
import { echoesSession, isExposure } from './exposure';
import { identityLocals, identityParams, isIdentityObject, paramNames, readsIdentity } from './identity';
import { MENTIONS_AUTH } from '../../data/auth-vocabulary';
import { functionNamed } from './definitions';
import { answersWithoutStopping, capableParams } from './pass-through';
import { isExitCall, refusalOf } from './values';
import type { AuthVocabulary } from './vocabulary';

/** What a handler body does about authentication. */
export type HandlerGate =
  | { readonly kind: 'gated'; readonly node: TSESTree.Node }
  /** It fetches the session or identity and never checks the result. */
  | { readonly kind: 'unchecked'; readonly call: TSESTree.CallExpression; readonly name: string }
  /** A gate exists but only after the handler has already answered: `if (GET) return res.json(all)`. */
  | { readonly kind: 'late'; readonly node: TSESTree.Node; readonly exposure: TSESTree.Node }
  /**
   * Its only gate is a helper called as a statement that answers anonymous requests (with
   * `answer`: `redirect`, `401`, `response`) but does not stop the handler, which goes on:
   * `check_logged(req, res); db.query(…)`.
   */
  | { readonly kind: 'goesOn'; readonly call: TSESTree.CallExpression; readonly name: string; readonly answer: string }
  | { readonly kind: 'none' };
function isInside(node: TSESTree.Node, ancestor: TSESTree.Node): boolean {
  return node.range[0] >= ancestor.range[0] && node.range[1] <= ancestor.range[1];
}

/** `(async () => {…})()`, `void (function () {…})()`: a function called where it is written. */
function isInvokedNow(fn: TSESTree.Node): boolean {
  let top = fn;
  while (top.parent?.type === AST_NODE_TYPES.TSAsExpression || top.parent?.type === AST_NODE_TYPES.TSNonNullExpression) {
    top = top.parent;
  }
  return top.parent?.type === AST_NODE_TYPES.CallExpression && top.parent.callee === top;
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
  const unknown: TSESTree.CallExpression[] = [];
  const result = walkHandler(context, fn, vocab, undefined, unknown);
  cache.set(fn, result);
  perFile(context, UNKNOWN_CALLS_KEY, () => new WeakMap()).set(fn, unknown);
  return result;
}

/** Per handler: the calls its single-file walk could not classify, the only ones `follow` can change. */
const UNKNOWN_CALLS_KEY = perFileKey<WeakMap<FunctionLike, readonly TSESTree.CallExpression[]>>('calls a handler walk did not classify');

/**
 * How a call the vocabulary does not know is judged by reading its definition in another file
 * (`gate-functions.ts`): `'assert'` rejects anonymous callers itself, `'fetch'` returns the
 * identity or an error the caller must check; `null` when it is neither or cannot be read.
 */
export type FollowCall = (call: TSESTree.CallExpression) => 'assert' | 'fetch' | null;

/**
 * `analyseHandlerGate` with calls into other project files followed through `follow`: a
 * separate walk and memo, run only when the single-file judgement finds no gate. A followed
 * session fetch that is never checked is not reported as `unchecked` (its name says nothing).
 */
export function analyseHandlerGateWith(context: FileContext, fn: FunctionLike, vocab: AuthVocabulary, key: PerFileKey<WeakMap<FunctionLike, HandlerGate>>, follow: FollowCall): HandlerGate {
  const local = analyseHandlerGate(context, fn, vocab);
  if (local.kind === 'gated') {
    return local;
  }
  const cache = perFile(context, key, () => new WeakMap());
  const cached = cache.get(fn);
  if (cached) {
    return cached;
  }
  cache.set(fn, local); // recursion guard
  // The walk with `follow` differs from the single-file one only at calls that walk left
  // unclassified: when `follow` knows none of them, its answer is the single-file one.
  const unknown = perFile(context, UNKNOWN_CALLS_KEY, () => new WeakMap()).get(fn);
  const result = unknown && !unknown.some((call) => follow(call) !== null) ? local : walkHandler(context, fn, vocab, follow);
  cache.set(fn, result);
  return result;
}

function walkHandler(context: FileContext, fn: FunctionLike, vocab: AuthVocabulary, follow?: FollowCall, unknown?: TSESTree.CallExpression[]): HandlerGate {
  const params = paramNames(fn);
  const locals = new Set<string>(identityParams(fn));
  // Capability links (`/invites/:token/accept`): a secret of the request looked up before the answer is a gate.
  const capability = new CapabilityTracker(params);
  let gate: TSESTree.Node | null = null;
  let exposure: TSESTree.Node | null = null;
  let unchecked: { call: TSESTree.CallExpression; name: string } | null = null;
  let lateGate: TSESTree.Node | null = null;
  let goesOn: Extract<HandlerGate, { kind: 'goesOn' }> | null = null;
  // The parameters that can answer the request (`res`, `ctx`): a helper handed one may answer and let the handler go on.
  const names = fn.params.map((param) => (param.type === AST_NODE_TYPES.Identifier ? param.name : ''));
  const capable = new Set(capableParams(names).map((index) => names[index]!).filter((name) => name !== ''));

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
    // Nested functions run later, or never; an immediately invoked one (`void (async () => {…})()`) runs now.
    if (isFunctionLike(node) && node !== fn && !isInvokedNow(node)) {
      continue;
    }
    if (node.type === AST_NODE_TYPES.IfStatement || node.type === AST_NODE_TYPES.ConditionalExpression) {
      // `if (!hasCronSecret(request)) return new Response('Unauthorized', { status: 401 })`: whatever
      // the test calls, a branch that refuses with 401/403 and stops is the handler's gate.
      if (readsIdentity(node.test, locals) || (node.type === AST_NODE_TYPES.IfStatement && refusesAndStops(context, node.consequent))) {
        noteGate(node.test);
      }
    } else if (node.type === AST_NODE_TYPES.LogicalExpression && (node.operator === '&&' || isExitCall(node.right)) && readsIdentity(node.left, locals)) {
      noteGate(node.left);
    } else if (node.type === AST_NODE_TYPES.VariableDeclarator) {
      for (const name of identityLocals(node, params, locals)) {
        locals.add(name);
      }
      capability.declare(node);
    } else if (node.type === AST_NODE_TYPES.BinaryExpression && capability.isComparison(node)) {
      noteGate(node);
    } else if (node.type === AST_NODE_TYPES.MemberExpression && !node.optional && node.parent.type !== AST_NODE_TYPES.ChainExpression && isIdentityObject(node.object, params, locals)) {
      // `req.user.id` throws before anything is answered when nobody is signed in: the
      // handler relies on authentication (often set up in another file).
      noteGate(node);
    } else if (node.type === AST_NODE_TYPES.CallExpression) {
      const named = classifyCall(context, node, vocab);
      if (named === null) {
        unknown?.push(node);
      }
      const followed = named === null && follow ? follow(node) : null;
      const kind = named ?? followed;
      if (kind === null && isIdentityLookup(context, node) && isChecked(context, node)) {
        // `const loggedInUser = authenticatedUsers.get(req.cookies.token); if (!loggedInUser) …`
        noteGate(node);
      } else if (kind === null && capability.isLookup(context, node)) {
        // `const invite = await db.invite.findUnique({ where: { token } }); if (!invite) return notFound()`
        noteGate(node);
      } else if (kind === 'assert') {
        const answer = capable.size > 0 ? helperGoesOn(context, node, capable, vocab) : null;
        if (answer === null) {
          noteGate(node);
        } else {
          goesOn ??= { kind: 'goesOn', call: node, name: dottedName(node.callee) ?? 'the gate', answer };
        }
      } else if (kind === 'fetch' || kind === 'predicate') {
        if (isChecked(context, node)) {
          noteGate(node);
        } else if (followed === null) {
          unchecked ??= { call: node, name: dottedName(node.callee) ?? 'the session' };
        }
      }
    }
    if (exposure === null && gate === null && isExposure(context, node, params, fn)) {
      exposure = node;
    }
    pushChildNodes(context.sourceCode, node, stack, 'reversed');
  }
  if (gate) {
    return { kind: 'gated', node: gate };
  }
  if (lateGate && exposure) {
    return { kind: 'late', node: lateGate, exposure };
  }
  if (goesOn) {
    return goesOn;
  }
  if (unchecked) {
    // A "who am I" endpoint answers an anonymous caller with an empty session: nothing to protect.
    return echoesSession(fn, unchecked.call) ? { kind: 'gated', node: unchecked.call } : { kind: 'unchecked', ...unchecked };
  }
  // An expression-bodied arrow answers with its body: `(req) => Response.json(all)`.
  return { kind: 'none' };
}

/** Nodes of a branch read for a refusal: a refusal is a statement or two, not a page of code. */
const REFUSAL_BUDGET = 64;

/**
 * Whether an `if` branch refuses the caller and stops: it ends with `return` or `throw` (or is
 * one), and what it answers with says 401 or 403: the returned or thrown value
 * (`return res.status(401).json(…)`, `throw new ForbiddenException()`,
 * `return new Response('Unauthorized', { status: 401 })`), or the statement before a bare
 * `return;` (`res.sendStatus(403); return;`). Nested functions are not read.
 */
function refusesAndStops(context: FileContext, branch: TSESTree.Statement): boolean {
  const statements = branch.type === AST_NODE_TYPES.BlockStatement ? branch.body : [branch];
  const last = statements.at(-1);
  if (last?.type !== AST_NODE_TYPES.ReturnStatement && last?.type !== AST_NODE_TYPES.ThrowStatement) {
    return false;
  }
  // What the branch answers with: the returned or thrown value, or the statement before a bare `return;`.
  const answer = last.argument ?? statements.at(-2);
  if (!answer) {
    return false;
  }
  const stack: TSESTree.Node[] = [answer];
  for (let seen = 0; stack.length > 0 && seen < REFUSAL_BUDGET; seen++) {
    const node = stack.pop()!;
    if (isFunctionLike(node)) {
      continue;
    }
    if (refusalOf(node) !== null) {
      return true;
    }
    pushChildNodes(context.sourceCode, node, stack);
  }
  return false;
}

/** Statements after a bare gate call that stop the handler once the helper has answered: `if (res.headersSent) return;`. */
const ANSWERED_TEST = /\b(?:headersSent|writableEnded|writableFinished|finished|sent)\b/u;

/**
 * What a gate call answers when it does not stop the handler: a statement of its own
 * (`check_logged(req, res);`, `await checkAuth(ctx);`) handing a parameter that can answer to a
 * helper, in this file or an imported one, that answers anonymous requests but neither throws
 * nor stops its caller otherwise, followed by more of the handler (not `return;`, nor a test of
 * `res.headersSent`). `null` for a gate: its result is used (`if (!checkLogged(req, res)) return`,
 * `return requireUser(req)`), it is the handler's last statement, or the helper cannot be read.
 */
function helperGoesOn(context: FileContext, call: TSESTree.CallExpression, capable: ReadonlySet<string>, vocab: AuthVocabulary): string | null {
  // Cheap checks first: a bare statement that hands the helper something able to answer.
  if (!call.arguments.some((arg) => arg.type === AST_NODE_TYPES.Identifier && capable.has(arg.name))) {
    return null;
  }
  let top: TSESTree.Node = call;
  while (top.parent?.type === AST_NODE_TYPES.AwaitExpression || top.parent?.type === AST_NODE_TYPES.ChainExpression || top.parent?.type === AST_NODE_TYPES.TSNonNullExpression) {
    top = top.parent;
  }
  const statement = top.parent;
  const block = statement?.parent;
  if (statement?.type !== AST_NODE_TYPES.ExpressionStatement || (block?.type !== AST_NODE_TYPES.BlockStatement && block?.type !== AST_NODE_TYPES.SwitchCase)) {
    return null;
  }
  const body = block.type === AST_NODE_TYPES.BlockStatement ? block.body : block.consequent;
  const rest = body.slice(body.indexOf(statement) + 1);
  if (rest.length === 0 || rest[0]!.type === AST_NODE_TYPES.ReturnStatement) {
    return null;
  }
  if (rest.some((s) => s.type === AST_NODE_TYPES.IfStatement && ANSWERED_TEST.test(context.sourceCode.getText(s.test)))) {
    return null;
  }
  const found = functionNamed(context, call.callee, { mentions: MENTIONS_AUTH });
  const helper = found ? answersWithoutStopping(found.context, found.fn, vocab) : null;
  // The helper answers through the position the handler hands its response to.
  return helper && helper.capable.some((index) => {
    const arg = call.arguments[index];
    return arg?.type === AST_NODE_TYPES.Identifier && capable.has(arg.name);
  })
    ? helper.answer
    : null;
}
