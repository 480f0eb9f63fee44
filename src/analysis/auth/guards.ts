/** Route guards: whether a middleware, guard, hook, wrapper or builder applied to a route authenticates. */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import type { RouteGuard } from '../../frameworks/types';
import { AUTH_MIDDLEWARE_MODULES } from '../../data/auth';
import { AUTH_WORDS, IDENTITY_NOUNS, NOT_A_GATE_WORDS, OPTIONAL_AUTH_WORDS, PROCEDURE_AUDIENCE_WORDS } from '../../data/auth-vocabulary';
import { dottedName } from '../../core/ast';
import { perFile, perFileKey } from '../../core/context';
import type { FileContext } from '../../core/context';
import { resolveFunction } from '../../core/functions';
import { resolveCallTarget } from '../../core/modules';
import { skipTsWrappers } from '../../core/static';
import { variableFor } from '../../core/variable-index';
import { wordsOf } from '../../core/words';
import { analyseHandlerGate } from './handler-gate';
import { writtenName } from './names';
import { nameGateOverruled } from './pass-through';
import { isAuthName, matchesList } from './vocabulary';
import type { AuthVocabulary } from './vocabulary';

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
  return words.some((w) => OPTIONAL_AUTH_WORDS.has(w)) && words.some((w) => AUTH_WORDS.has(w) || w.endsWith('jwt'));
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
  const key = depth === 0 ? guardKey(context, guard) : null;
  if (key === null) {
    return judgeGuard(context, guard, vocab, depth);
  }
  const byVocab = perFile(context, GUARD_VERDICTS, () => new WeakMap());
  let verdicts = byVocab.get(vocab);
  if (!verdicts) {
    verdicts = new Map();
    byVocab.set(vocab, verdicts);
  }
  let verdict = verdicts.get(key);
  if (verdict === undefined) {
    verdict = judgeGuard(context, guard, vocab, 0);
    verdicts.set(key, verdict);
  }
  return verdict;
}

/** Per file and vocabulary: the verdict of each guard by its `guardKey`. */
const GUARD_VERDICTS = perFileKey<WeakMap<AuthVocabulary, Map<string, boolean>>>('auth guard verdicts');

/**
 * A key under which a guard is judged once per file: `auth`, `auth.required` or
 * `passport.session` named from the module scope (or an undeclared global), the same guard in
 * every route that lists it. `null` for anything else (calls, functions, local names), judged at
 * each route.
 * @example router.get('/a', requireUser, a); router.get('/b', requireUser, b) // one key: 'middleware\0requireUser'
 */
export function guardKey(context: FileContext, guard: RouteGuard): string | null {
  const node = skipTsWrappers(guard.node);
  const name = node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.MemberExpression ? dottedName(node) : null;
  if (name === null) {
    return null;
  }
  let root: TSESTree.Node = node;
  while (root.type === AST_NODE_TYPES.MemberExpression) {
    root = skipTsWrappers(root.object);
  }
  if (root.type !== AST_NODE_TYPES.Identifier) {
    return null;
  }
  const variable = variableFor(context, root);
  const scope = variable?.scope.type;
  return variable === null || scope === 'module' || scope === 'global' ? `${guard.via}\0${name}` : null;
}

function judgeGuard(context: FileContext, guard: RouteGuard, vocab: AuthVocabulary, depth: number): boolean {
  const node = skipTsWrappers(guard.node);
  const callee = node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression ? node.callee : node;
  const written = writtenName(context, callee);
  const lists = guard.via === 'wrapper' ? vocab.wrappers : guard.via === 'procedure' ? vocab.procedures : vocab.middleware;
  if (matchesList(context, lists, callee) || matchesList(context, vocab.middleware, callee)) {
    return true;
  }
  if (fromAuthModule(context, callee)) {
    return true;
  }
  const name = dottedName(callee);
  // next-safe-action clients are named `authActionClient`: `client` is the builder, not a veto.
  const spoken = name !== null && guard.via === 'procedure' ? name.replace(/Client$/u, '') : name;
  if (spoken !== null && isAuthName(spoken)) {
    // The name is trusted unless the body, read where it is defined, provably lets everyone through.
    return !nameGateOverruled(context, guard, vocab);
  }
  // tRPC builders named for who may call them: `adminProcedure`, `privateProcedure`, `orgProcedure`.
  if (guard.via === 'procedure' && written !== null) {
    const words = wordsOf(written.last);
    if (words.includes('procedure') && !words.some((w) => NOT_A_GATE_WORDS.has(w)) && words.some((w) => IDENTITY_NOUNS.has(w) || PROCEDURE_AUDIENCE_WORDS.has(w))) {
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
  // A list of middleware kept in a constant (`const mustOwn = [requireUser, loadItem]`): any gate in it.
  const list = depth < 2 && guard.via !== 'wrapper' ? constantArray(context, node) : null;
  if (list) {
    return list.some((element) => isAuthGuard(context, { node: element, via: guard.via }, vocab, depth + 1));
  }
  const fn = depth < 2 ? resolveFunction(context, node) : null;
  if (fn && guard.via !== 'wrapper') {
    return analyseHandlerGate(context, fn, vocab).kind === 'gated';
  }
  return false;
}

/**
 * The elements of the array literal a `const` of the file is initialised with (spreads and holes
 * left out), or `null`: how middleware lists are kept (`const adminOnly = [requireUser, isAdmin]`).
 */
export function constantArray(context: FileContext, node: TSESTree.Node): TSESTree.Expression[] | null {
  const expr = skipTsWrappers(node);
  if (expr.type !== AST_NODE_TYPES.Identifier) {
    return null;
  }
  const def = variableFor(context, expr)?.defs[0];
  if (def?.type !== 'Variable' || def.parent.kind !== 'const' || def.node.id.type !== AST_NODE_TYPES.Identifier || !def.node.init) {
    return null;
  }
  const init = skipTsWrappers(def.node.init);
  return init.type === AST_NODE_TYPES.ArrayExpression ? arrayElements(init) : null;
}

/** An array literal's elements, spreads and holes left out. */
export function arrayElements(array: TSESTree.ArrayExpression): TSESTree.Expression[] {
  return array.elements.filter((element): element is TSESTree.Expression => element !== null && element.type !== AST_NODE_TYPES.SpreadElement);
}
