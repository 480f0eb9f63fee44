/**
 * Route guards defined in other project files, judged by their bodies: middleware whose name
 * says nothing (`autenticar`, `verifyRequest`) but that rejects anonymous requests, gate
 * factories (`auth('manageUsers')`), handler wrappers (`withWorkspace(handler)`) and procedure
 * builders or action clients (`scopedProcedure = t.procedure.use(enforceMember)`), following
 * `.use()` chains and re-exports.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { MENTIONS_AUTH } from '../../data/auth-vocabulary';
import { importedDefinition } from '../../project/index';
import type { RouteGuard } from '../../frameworks/types';
import { perFile, perFileKey } from '../../core/context';
import type { FileContext } from '../../core/context';
import { isFunctionLike } from '../../core/functions';
import type { FunctionLike } from '../../core/functions';
import { pushChildNodes } from '../../core/ast';
import { skipTsWrappers } from '../../core/static';
import { variableFor } from '../../core/variable-index';
import { functionNamed, functionOfNode, MAX_FOLLOW_HOPS, returnedFunctions } from './definitions';
import type { FoundFunction } from './definitions';
import { analyseHandlerGateAcrossFiles, ownRejection, rejectsItself } from './gate-functions';
import { arrayElements, guardKey, isAuthGuard } from './guards';
import { neverRejects } from './pass-through';
import type { AuthVocabulary } from './vocabulary';

/** Only a file that mentions an identity, a credential or a refusal can define a gate: others are not parsed. */
const GATE_FILE = { mentions: MENTIONS_AUTH };

/** What reading a guard's definition in another file showed. */
export interface ImportedGuard {
  readonly gated: boolean;
  /** The name it is defined under, and the file, for messages. */
  readonly name: string;
  readonly filename: string;
}

/** Links of a builder chain that keep what came before: `.input(schema)`, `.meta()`, `.schema()`. */
const KEEPING_LINKS = new Set(['input', 'output', 'meta', 'metadata', 'schema', 'inputSchema', 'outputSchema', 'bindArgsSchemas', 'concat', 'unstable_concat', 'unstable_pipe', 'use']);

const MEMO = perFileKey<{
  readonly byNode: WeakMap<TSESTree.Node, ImportedGuard | null>;
  readonly byKey: WeakMap<AuthVocabulary, Map<string, ImportedGuard | null>>;
}>('auth imported guards');

/**
 * Whether a guard the vocabulary does not recognise is a gate by the body of its definition
 * in another project file; `null` when it is not imported or cannot be read (keep today's
 * single-file judgement). Memoised per (file, guard node), and per `importedGuardKey` (a module-level name listed by many routes).
 */
export function importedGuard(context: FileContext, guard: RouteGuard, vocab: AuthVocabulary): ImportedGuard | null {
  const cache = perFile(context, MEMO, () => ({ byNode: new WeakMap(), byKey: new WeakMap() }));
  if (cache.byNode.has(guard.node)) {
    return cache.byNode.get(guard.node)!;
  }
  // The same module-level name in every route that lists it is judged once.
  const key = importedGuardKey(context, guard);
  let byKey = cache.byKey.get(vocab);
  if (!byKey) {
    byKey = new Map();
    cache.byKey.set(vocab, byKey);
  }
  if (key !== null && byKey.has(key)) {
    const known = byKey.get(key)!;
    cache.byNode.set(guard.node, known);
    return known;
  }
  cache.byNode.set(guard.node, null); // recursion guard
  let result: ImportedGuard | null;
  try {
    result = judge(context, guard, vocab);
  } catch {
    result = null;
  }
  cache.byNode.set(guard.node, result);
  if (key !== null) {
    byKey.set(key, result);
  }
  return result;
}

/**
 * `guardKey`, and for a factory or wrapper call (`auth('admin')`, `asyncHandler(fn)`) the key of
 * its callee: `judge` reads only the function the callee names, never the arguments. Builder
 * chains (`via: 'procedure'`) are judged whole.
 */
function importedGuardKey(context: FileContext, guard: RouteGuard): string | null {
  const node = skipTsWrappers(guard.node);
  if (guard.via !== 'procedure' && node.type === AST_NODE_TYPES.CallExpression) {
    const callee = guardKey(context, { node: node.callee, via: guard.via });
    return callee === null ? null : `call\0${callee}`;
  }
  return guardKey(context, guard);
}

function judge(context: FileContext, guard: RouteGuard, vocab: AuthVocabulary): ImportedGuard | null {
  const node = skipTsWrappers(guard.node);
  if (guard.via === 'procedure') {
    return builderGuard(context, node, vocab, 0);
  }
  if (node.type === AST_NODE_TYPES.CallExpression) {
    // A factory (`auth('manageUsers')`, `requiereRol('admin')`) or a wrapper (`withWorkspace(handler)`): the function it returns decides.
    const factory = functionNamed(context, node.callee, GATE_FILE);
    if (!factory?.file) {
      return null;
    }
    const returned = returnedFunctions(factory.fn);
    if (returned.length === 0) {
      const delegated = guard.via === 'wrapper' ? delegationGates(factory.context, factory.fn, vocab, 1) : null;
      return delegated === null ? null : described(factory, delegated);
    }
    const gated = returned.some((fn) => (guard.via === 'wrapper' ? wrapperGates(factory.context, fn, vocab) : middlewareGates(factory.context, fn, vocab, 1)));
    return described(factory, gated);
  }
  const list = importedArray(context, node, guard, vocab);
  if (list) {
    return list;
  }
  const found = functionNamed(context, node, GATE_FILE);
  if (!found?.file) {
    return null;
  }
  return described(found, middlewareGates(found.context, found.fn, vocab, 1));
}

/**
 * A list of middleware exported by another file (`export default [mustBeAuthenticated, checkAccess]`,
 * `module.exports = { adminOnly: [requireUser, isAdmin] }`) that `name` imports: gated when any
 * element is, by its name there or by its body; `null` when `name` does not import an array.
 */
function importedArray(context: FileContext, name: TSESTree.Node, guard: RouteGuard, vocab: AuthVocabulary): ImportedGuard | null {
  if (name.type !== AST_NODE_TYPES.Identifier && name.type !== AST_NODE_TYPES.MemberExpression) {
    return null;
  }
  const definition = importedDefinition(context, name, undefined, GATE_FILE);
  const array = definition ? skipTsWrappers(definition.node) : null;
  if (!definition || array?.type !== AST_NODE_TYPES.ArrayExpression) {
    return null;
  }
  const there = definition.file.context;
  const gated = arrayElements(array).some((element) => {
    if (isAuthGuard(there, { node: element, via: guard.via }, vocab)) {
      return true;
    }
    const fn = functionOfNode(there, element);
    const named = fn ? { context: there, fn } : functionNamed(there, element, GATE_FILE);
    return named !== null && middlewareGates(named.context, named.fn, vocab, 2);
  });
  const local = name.type === AST_NODE_TYPES.Identifier ? name.name : definition.name;
  return { gated, name: definition.name === 'default' ? local : definition.name, filename: definition.file.filename };
}

function described(found: FoundFunction, gated: boolean): ImportedGuard {
  return { gated, name: found.name, filename: found.file?.filename ?? found.context.filename };
}

/**
 * A middleware rejects anonymous requests: it checks an identity, session or token (directly,
 * or through a gate function it calls) and rejects itself (401/403, throw, an exit call), or
 * it answers 401 or 403 on its own. `loadSession`, which reads a token and lets everyone through, is no gate.
 */
export function middlewareGates(context: FileContext, fn: FunctionLike, vocab: AuthVocabulary, depth: number): boolean {
  // A middleware that answers 401 or 403 (`if (role === 'accounting') next(); else res.status(403)…`) refuses some callers.
  const own = ownRejection(context, fn);
  if (own.unauthorized || own.forbidden) {
    return true;
  }
  // `jwt.verify(token, key, (err, decoded) => …)` then `next()` whatever came of it: it checks and lets everyone through.
  if (neverRejects(context, fn, vocab)) {
    return false;
  }
  const verdict = analyseHandlerGateAcrossFiles(context, fn, vocab, depth);
  return verdict.kind === 'gated' && rejectsItself(context, fn, vocab, verdict.node, depth);
}

/** A wrapper's returned handler checks the caller before calling the wrapped one. */
function wrapperGates(context: FileContext, fn: FunctionLike, vocab: AuthVocabulary): boolean {
  return analyseHandlerGateAcrossFiles(context, fn, vocab, 1).kind === 'gated';
}

/** Return statements read in a wrapper that hands its handler on: a few branches, not a module. */
const MAX_DELEGATIONS = 8;

/** The calls a function returns (`return withMiddleware(handler, check)`, in any branch; nested functions excluded); `null` when it returns anything else. */
function returnedCalls(context: FileContext, fn: FunctionLike): TSESTree.CallExpression[] | null {
  const body = skipTsWrappers(fn.body);
  if (body.type !== AST_NODE_TYPES.BlockStatement) {
    return body.type === AST_NODE_TYPES.CallExpression ? [body] : null;
  }
  const calls: TSESTree.CallExpression[] = [];
  const stack: TSESTree.Node[] = [body];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node !== body && (isFunctionLike(node) || node.type === AST_NODE_TYPES.ClassBody)) {
      continue;
    }
    if (node.type === AST_NODE_TYPES.ReturnStatement) {
      let argument = node.argument ? skipTsWrappers(node.argument) : null;
      if (argument?.type === AST_NODE_TYPES.AwaitExpression) {
        argument = skipTsWrappers(argument.argument);
      }
      if (argument?.type !== AST_NODE_TYPES.CallExpression || calls.length >= MAX_DELEGATIONS) {
        return null;
      }
      calls.push(argument);
      continue;
    }
    pushChildNodes(context.sourceCode, node, stack);
  }
  return calls.length > 0 ? calls : null;
}

/** Whether `fn` (or a function it returns) calls its parameter number `index`: `middleware(req)` inside `withMiddleware(handler, middleware)`. */
function callsParameter(context: FileContext, fn: FunctionLike, index: number): boolean {
  return callsParameterIn(context, fn, fn, index);
}

/** Whether code in `body`'s function calls parameter number `index` of `fn`. */
function callsParameterIn(context: FileContext, body: FunctionLike, fn: FunctionLike, index: number): boolean {
  const param = fn.params[index];
  const name = param?.type === AST_NODE_TYPES.Identifier ? param.name : param?.type === AST_NODE_TYPES.AssignmentPattern && param.left.type === AST_NODE_TYPES.Identifier ? param.left.name : null;
  if (name === null) {
    return false;
  }
  const stack: TSESTree.Node[] = [body.body];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === AST_NODE_TYPES.CallExpression) {
      const callee = skipTsWrappers(node.callee);
      if (callee.type === AST_NODE_TYPES.Identifier && callee.name === name) {
        return true;
      }
    }
    pushChildNodes(context.sourceCode, node, stack);
  }
  return false;
}

/** Whether `inner` calls a parameter of `outer`: the wrapped handler, run by the function a wrapper hands on. */
function callsAnyParameterOf(context: FileContext, inner: FunctionLike, outer: FunctionLike): boolean {
  return outer.params.some((_, index) => callsParameterIn(context, inner, outer, index));
}

/**
 * A wrapper that returns no function of its own but hands the handler on to another wrapper
 * (`withEmailAccount(handler)` → `return withMiddleware(handler, emailAccountMiddleware)`).
 * Gated when every such call hands on a function that gates and then runs the wrapped handler
 * (`withAxiom(async (req) => { await verifyApiKey(req); return handler(req) })`, whatever
 * `withAxiom` is), passes a function that refuses callers (`middlewareGates`) to a parameter the
 * wrapper it calls does call, or calls a wrapper that gates by itself. `null` when the function
 * returns anything but calls, or a called wrapper cannot be read.
 */
function delegationGates(context: FileContext, fn: FunctionLike, vocab: AuthVocabulary, depth: number): boolean | null {
  const calls = depth <= MAX_FOLLOW_HOPS ? returnedCalls(context, fn) : null;
  if (calls === null) {
    return null;
  }
  let verdict: boolean | null = true;
  for (const call of calls) {
    // `return withAxiom(async (req) => { await validateApiKey(req); return handler(req) })`: the
    // function handed on runs the wrapped handler after its own gate, whoever runs it (a package's
    // wrapper included).
    if (call.arguments.some((arg) => {
      const inline = skipTsWrappers(arg);
      return isFunctionLike(inline) && callsAnyParameterOf(context, inline, fn) && wrapperGates(context, inline, vocab);
    })) {
      continue;
    }
    const inner = functionNamed(context, call.callee, GATE_FILE);
    if (inner === null) {
      return null;
    }
    const passesGate = call.arguments.some((arg, index) => {
      const named = functionNamed(context, arg, GATE_FILE);
      // A function of the wrapper's own file costs no hop: only other files count against the depth.
      return named !== null && named.fn !== fn && callsParameter(inner.context, inner.fn, index) && middlewareGates(named.context, named.fn, vocab, named.file ? depth + 1 : depth);
    });
    if (!passesGate) {
      const returned = returnedFunctions(inner.fn);
      const own = returned.length > 0 ? returned.some((r) => wrapperGates(inner.context, r, vocab)) : inner.fn === fn ? null : delegationGates(inner.context, inner.fn, vocab, depth + 1);
      if (own === null) {
        return null;
      }
      verdict = verdict && own;
    }
  }
  return verdict;
}

/**
 * A procedure builder or action client (`scopedProcedure`, `actionClient`) read where it is
 * defined: gated when a `.use()` link of its chain runs a middleware that rejects anonymous
 * callers, following builders defined from other builders, in the file or imported.
 */
function builderGuard(context: FileContext, node: TSESTree.Node, vocab: AuthVocabulary, depth: number): ImportedGuard | null {
  if (node.type !== AST_NODE_TYPES.Identifier || depth >= MAX_FOLLOW_HOPS) {
    return null;
  }
  const definition = importedDefinition(context, node);
  if (!definition) {
    return null;
  }
  const gated = chainGates(definition.file.context, definition.node, vocab, depth + 1, 0);
  return gated === null ? null : { gated, name: definition.name, filename: definition.file.filename };
}

/** Whether a builder chain gates; `null` when it cannot be read. */
function chainGates(context: FileContext, node: TSESTree.Node, vocab: AuthVocabulary, depth: number, links: number): boolean | null {
  if (links > 30) {
    return null;
  }
  const expr = skipTsWrappers(node);
  if (expr.type === AST_NODE_TYPES.CallExpression) {
    const callee = skipTsWrappers(expr.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.property.type !== AST_NODE_TYPES.Identifier || !KEEPING_LINKS.has(callee.property.name)) {
      // The base: `createSafeActionClient({…})`, `initTRPC.create()`: no middleware of its own.
      return false;
    }
    if (callee.property.name === 'use' && expr.arguments.some((arg) => useArgumentGates(context, arg, vocab, depth))) {
      return true;
    }
    return chainGates(context, callee.object, vocab, depth, links + 1);
  }
  if (expr.type === AST_NODE_TYPES.MemberExpression) {
    // `t.procedure`: the open base builder.
    return false;
  }
  if (expr.type !== AST_NODE_TYPES.Identifier) {
    return null;
  }
  // Another builder: by its name (`protectedProcedure`), else where it is defined.
  if (isAuthGuard(context, { node: expr, via: 'procedure' }, vocab)) {
    return true;
  }
  const def = variableFor(context, expr)?.defs[0];
  if (def?.type === 'Variable' && def.node.init && def.node.id.type === AST_NODE_TYPES.Identifier) {
    return chainGates(context, def.node.init, vocab, depth, links + 1);
  }
  return builderGuard(context, expr, vocab, depth)?.gated ?? null;
}

/** A `.use()` argument: a middleware function, a `t.middleware(fn)`, or a name for one (in the file or imported). */
function useArgumentGates(context: FileContext, arg: TSESTree.Node, vocab: AuthVocabulary, depth: number): boolean {
  const expr = skipTsWrappers(arg);
  if (isAuthGuard(context, { node: expr, via: 'argument' }, vocab) && expr.type === AST_NODE_TYPES.Identifier) {
    return true;
  }
  const fn = functionOfNode(context, expr);
  if (fn) {
    return middlewareGates(context, fn, vocab, depth);
  }
  const found = functionNamed(context, expr, GATE_FILE);
  return found !== null && middlewareGates(found.context, found.fn, vocab, depth);
}
