/**
 * Gate functions defined in other project files, judged by their bodies: a call to one
 * (`await requireUserId(request)`, `resolveActor(ctx)`, `const { error } = await parseRequest(request)`)
 * is a gate when the function rejects anonymous callers itself, or returns the identity or an
 * error the caller checks, unless the call passes the option that turns its check off
 * (`parseRequest(request, { skipAuth: true })`).
 */
import path from 'node:path';

import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { MENTIONS_AUTH } from '../../data/auth-vocabulary';
import { importBinding, projectImportNames } from '../../project/index';
import { dottedName, pushChildNodes } from '../../core/ast';
import { perFile, perFileKey } from '../../core/context';
import type { FileContext } from '../../core/context';
import { isFunctionLike, resolveFunction } from '../../core/functions';
import type { FunctionLike } from '../../core/functions';
import { skipTsWrappers, staticValueOf } from '../../core/static';
import { wordsOf } from '../../core/words';
import { classifyCall } from './calls';
import { functionNamed, MAX_FOLLOW_HOPS } from './definitions';
import { analyseHandlerGateWith } from './handler-gate';
import type { HandlerGate } from './handler-gate';
import { isExitCall, refusalOf, valueTop } from './values';
import type { AuthVocabulary } from './vocabulary';

/** What a function defined elsewhere does when called without a signed-in user. */
interface GateSummary {
  readonly kind: 'assert' | 'fetch' | null;
  /** Options that turn its check off: parameter index, property, and the value that does it. */
  readonly switches: readonly { readonly index: number; readonly key: string; readonly off: boolean }[];
}

const NONE: GateSummary = { kind: null, switches: [] };
/**
 * Per depth a summary or walk is asked from: one made deeper follows fewer files, so each depth
 * has its own memo, and a verdict is the same whichever file asked first.
 */
const SUMMARIES = perFileKey<Map<number, WeakMap<FunctionLike, GateSummary>>>('auth gate-function summaries, per depth');
const ACROSS = Array.from({ length: MAX_FOLLOW_HOPS + 1 }, (_, depth) => perFileKey<WeakMap<FunctionLike, HandlerGate>>(`auth handler gate across files, depth ${depth}`));
/** Words of an option that turns authentication off when true (`skipAuth`, `public`, `allowAnonymous`). */
const OFF_WORDS = new Set(['skip', 'public', 'anonymous', 'bypass', 'disable', 'disabled', 'optional', 'ignore', 'without', 'no', 'insecure']);
/** Words of an option that turns authentication on when true (`requireAuth`, `authenticate`, `protected`). */
const ON_WORDS = new Set(['auth', 'authenticate', 'authenticated', 'protected', 'secure', 'require', 'required']);
const ERROR_KEYS = new Set(['error', 'errors', 'err', 'response', 'failure', 'unauthorized']);

/** Whether cross-file analysis can run from this file: it has a name on disk. */
function followable(context: FileContext): boolean {
  // A file that imports nothing from project files has no call to follow (and the walk with
  // nothing to follow is the single-file one, already made).
  return typeof context.filename === 'string' && path.isAbsolute(context.filename) && projectImportNames(context).size > 0;
}

/**
 * `analyseHandlerGate` that also reads the definitions of imported functions the handler
 * calls (at most `MAX_FOLLOW_HOPS` files deep). Runs only when the single-file walk finds no
 * gate; memoised per (file, function).
 */
export function analyseHandlerGateAcrossFiles(context: FileContext, fn: FunctionLike, vocab: AuthVocabulary, depth = 0): HandlerGate {
  if (depth >= MAX_FOLLOW_HOPS) {
    return analyseHandlerGateWith(context, fn, vocab, ACROSS[MAX_FOLLOW_HOPS]!, () => null);
  }
  const imports = followable(context);
  return analyseHandlerGateWith(context, fn, vocab, ACROSS[depth]!, (call) => (imports ? importedCallKind(context, call, vocab, depth) : null) ?? localCallKind(context, call, vocab, depth));
}

/**
 * How a call of a function of the same file relates to authentication, read from its body as an
 * imported one is (`checkLogged(req, res)` whose name says nothing, defined a few lines up).
 */
function localCallKind(context: FileContext, call: TSESTree.CallExpression, vocab: AuthVocabulary, depth: number): 'assert' | 'fetch' | null {
  const callee = skipTsWrappers(call.callee);
  const fn = callee.type === AST_NODE_TYPES.Identifier ? resolveFunction(context, callee) : null;
  if (!fn || depth >= MAX_FOLLOW_HOPS) {
    return null;
  }
  const summary = summarise(context, fn, vocab, depth + 1);
  return summary.kind === null || switchedOff(context, call, summary) ? null : summary.kind;
}

/** How a call to a function imported from another project file relates to authentication. */
export function importedCallKind(context: FileContext, call: TSESTree.CallExpression, vocab: AuthVocabulary, depth = 0): 'assert' | 'fetch' | null {
  const callee = skipTsWrappers(call.callee);
  // Only a name bound by an import (or a namespace member): `db.user.findMany()` is not followed.
  const root = callee.type === AST_NODE_TYPES.Identifier ? callee : callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier ? callee.object : null;
  if (!root || depth >= MAX_FOLLOW_HOPS || !projectImportNames(context).has(root.name) || importBinding(context, root) === null) {
    return null;
  }
  const found = functionNamed(context, callee, { mentions: MENTIONS_AUTH });
  if (!found?.file) {
    return null;
  }
  const summary = summarise(found.context, found.fn, vocab, depth + 1);
  if (summary.kind === null || switchedOff(context, call, summary)) {
    return null;
  }
  return summary.kind;
}

/** The call passes an option that turns the function's check off: `{ skipAuth: true }`, `{ requireAuth: false }`. */
function switchedOff(context: FileContext, call: TSESTree.CallExpression, summary: GateSummary): boolean {
  return summary.switches.some(({ index, key, off }) => {
    const arg = call.arguments[index];
    const object = arg ? skipTsWrappers(arg) : null;
    if (object?.type !== AST_NODE_TYPES.ObjectExpression) {
      return false;
    }
    return object.properties.some((property) => {
      if (property.type !== AST_NODE_TYPES.Property || property.computed || property.key.type !== AST_NODE_TYPES.Identifier || property.key.name !== key) {
        return false;
      }
      const value = staticValueOf(context, property.value);
      return value != null && Boolean(value.value) === off;
    });
  });
}

function summarise(context: FileContext, fn: FunctionLike, vocab: AuthVocabulary, depth: number): GateSummary {
  const byDepth = perFile(context, SUMMARIES, () => new Map());
  let cache = byDepth.get(depth);
  if (!cache) {
    cache = new WeakMap();
    byDepth.set(depth, cache);
  }
  const known = cache.get(fn);
  if (known) {
    return known;
  }
  cache.set(fn, NONE); // recursion guard
  let summary = NONE;
  try {
    const verdict = analyseHandlerGateAcrossFiles(context, fn, vocab, depth);
    if (verdict.kind === 'gated') {
      const asserts = rejectsItself(context, fn, vocab, verdict.node, depth) && !returnsError(fn);
      summary = { kind: asserts ? 'assert' : 'fetch', switches: optionSwitches(fn) };
    } else if (verdict.kind === 'unchecked' && returnsValueOf(fn, verdict.call)) {
      // `return getToken({ req })`: it hands the identity back, for the caller to check.
      summary = { kind: 'fetch', switches: optionSwitches(fn) };
    }
  } catch {
    summary = NONE;
  }
  cache.set(fn, summary);
  return summary;
}

/**
 * Whether a function that checks the identity rejects the caller itself: a `throw`, an exit
 * call (`redirect('/login')`, `unauthorized()`), a 401/403 or `UNAUTHORIZED` answer in its own
 * body, or its gate is a call that rejects (named so, or a function of the file or another
 * file read as one), outside a `try` that would swallow it.
 */
export function rejectsItself(context: FileContext, fn: FunctionLike, vocab: AuthVocabulary, gate: TSESTree.Node | null, depth: number): boolean {
  if (ownRejection(context, fn).any) {
    return true;
  }
  if (gate?.type !== AST_NODE_TYPES.CallExpression || insideTry(gate, fn)) {
    return false;
  }
  return classifyCall(context, gate, vocab) === 'assert' || importedCallKind(context, gate, vocab, depth) === 'assert' || localCallKind(context, gate, vocab, depth) === 'assert';
}

const REJECTIONS = perFileKey<WeakMap<FunctionLike, OwnRejection>>('auth own rejections');

/** What a function's own body does to refuse a request. */
export interface OwnRejection {
  any: boolean;
  unauthorized: boolean;
  forbidden: boolean;
}

/**
 * Rejections in a function's own body (nested functions excluded): `any` for a throw, an exit
 * call or a 401/403 status; `unauthorized` for a 401 or an `UNAUTHORIZED` code, which say
 * "authentication" on their own; `forbidden` for a 403 or a `FORBIDDEN` code (access control).
 */
export function ownRejection(context: FileContext, fn: FunctionLike): OwnRejection {
  const cache = perFile(context, REJECTIONS, () => new WeakMap());
  const known = cache.get(fn);
  if (known) {
    return known;
  }
  const found: OwnRejection = { any: false, unauthorized: false, forbidden: false };
  const stack: TSESTree.Node[] = [fn.body];
  while (stack.length > 0 && !found.unauthorized) {
    const node = stack.pop()!;
    if (isFunctionLike(node) && node !== fn) {
      continue;
    }
    const refusal = refusalOf(node);
    if (refusal !== null) {
      found.any = true;
      found[refusal] = true;
    } else if (node.type === AST_NODE_TYPES.ThrowStatement) {
      found.any = true;
    } else if (node.type === AST_NODE_TYPES.CallExpression && isExitCall(node) && !/^(?:console|logger|log)\./u.test(dottedName(node.callee) ?? '')) {
      found.any = true;
    }
    pushChildNodes(context.sourceCode, node, stack);
  }
  cache.set(fn, found);
  return found;
}

function insideTry(node: TSESTree.Node, fn: FunctionLike): boolean {
  for (let current: TSESTree.Node = node; current.parent && current !== fn; current = current.parent) {
    if (current.parent.type === AST_NODE_TYPES.TryStatement && current.parent.block === current && current.parent.handler) {
      return true;
    }
  }
  return false;
}

/**
 * Whether `fn` returns what `call` gives (or a member of it): `return getToken({ req })`,
 * `=> auth()`, `const session = await getSession(); return session`.
 */
function returnsValueOf(fn: FunctionLike, call: TSESTree.CallExpression): boolean {
  const top = valueTop(call);
  const holder = top.parent;
  if (holder === fn) {
    return fn.body === top;
  }
  if (holder?.type === AST_NODE_TYPES.ReturnStatement) {
    let owner: TSESTree.Node | undefined = holder.parent;
    while (owner && !isFunctionLike(owner)) {
      owner = owner.parent;
    }
    return owner === fn;
  }
  if (holder?.type !== AST_NODE_TYPES.VariableDeclarator || holder.init !== top || holder.id.type !== AST_NODE_TYPES.Identifier || fn.body.type !== AST_NODE_TYPES.BlockStatement || holder.parent.parent !== fn.body) {
    return false;
  }
  const name = holder.id.name;
  return fn.body.body.some((statement) => {
    if (statement.type !== AST_NODE_TYPES.ReturnStatement || !statement.argument) {
      return false;
    }
    let value: TSESTree.Node = skipTsWrappers(statement.argument);
    while (value.type === AST_NODE_TYPES.MemberExpression || value.type === AST_NODE_TYPES.ChainExpression) {
      value = skipTsWrappers(value.type === AST_NODE_TYPES.ChainExpression ? value.expression : value.object);
    }
    return value.type === AST_NODE_TYPES.Identifier && value.name === name;
  });
}

/** `return { auth, error, body }`: the function hands an error back for the caller to check. */
function returnsError(fn: FunctionLike): boolean {
  const results: TSESTree.Node[] = [];
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) {
    results.push(fn.body);
  } else {
    for (const statement of fn.body.body) {
      if (statement.type === AST_NODE_TYPES.ReturnStatement && statement.argument) {
        results.push(statement.argument);
      }
    }
  }
  return results.some((result) => {
    const object = skipTsWrappers(result);
    return (
      object.type === AST_NODE_TYPES.ObjectExpression &&
      object.properties.some((p) => p.type === AST_NODE_TYPES.Property && !p.computed && p.key.type === AST_NODE_TYPES.Identifier && ERROR_KEYS.has(p.key.name))
    );
  });
}

/** Options the function reads that switch authentication off (`options.skipAuth`) or on (`opts.requireAuth`). */
function optionSwitches(fn: FunctionLike): GateSummary['switches'] {
  const out: { index: number; key: string; off: boolean }[] = [];
  const add = (index: number, key: string): void => {
    const words = wordsOf(key);
    if (words.some((w) => OFF_WORDS.has(w))) {
      out.push({ index, key, off: true });
    } else if (words.some((w) => ON_WORDS.has(w))) {
      out.push({ index, key, off: false });
    }
  };
  fn.params.forEach((param, index) => {
    const node = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
    if (node.type === AST_NODE_TYPES.ObjectPattern) {
      for (const property of node.properties) {
        if (property.type === AST_NODE_TYPES.Property && !property.computed && property.key.type === AST_NODE_TYPES.Identifier) {
          add(index, property.key.name);
        }
      }
    } else if (node.type === AST_NODE_TYPES.Identifier && index > 0) {
      const name = node.name;
      const stack: TSESTree.Node[] = [fn.body];
      const seen = new Set<string>();
      for (let visited = 0; stack.length > 0 && visited < 2000; visited++) {
        const current = stack.pop()!;
        if (
          current.type === AST_NODE_TYPES.MemberExpression &&
          !current.computed &&
          current.object.type === AST_NODE_TYPES.Identifier &&
          current.object.name === name &&
          current.property.type === AST_NODE_TYPES.Identifier &&
          !seen.has(current.property.name)
        ) {
          seen.add(current.property.name);
          add(index, current.property.name);
        }
        for (const key of Object.keys(current)) {
          if (key === 'parent') {
            continue;
          }
          const child = (current as unknown as Record<string, unknown>)[key];
          for (const item of Array.isArray(child) ? child : [child]) {
            if (item && typeof item === 'object' && typeof (item as TSESTree.Node).type === 'string') {
              stack.push(item as TSESTree.Node);
            }
          }
        }
      }
    }
  });
  return out;
}
