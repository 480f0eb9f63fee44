import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { patternPath } from './taint';
import { memberName, outerExpression, staticCalleeName } from '../../core/ast';
import { resolveCallTarget } from '../../core/modules';
import { skipTsWrappers } from '../../core/static';
import { variableFor } from '../../core/variable-index';
import { perFile, perFileKey } from '../../core/context';
import type { FileContext } from '../../core/context';
import { isFunctionLike } from '../../core/functions';
import { escapeRegExp } from '../../core/regexp';
import { RESULT_CLIENT_CALLS, RESULT_CLIENT_NAMES, VALIDATION_CALLS } from '../../data/error-values';
import type { FunctionLike } from '../../core/functions';
import { ARRAY_CALLBACKS } from '../../data/js-builtins';

type Variable = TSESLint.Scope.Variable;

/**
 * What a value is, for errors that are values rather than exceptions: an object holding an
 * error at `key` (a `{ data, error }` client result, a settled entry's `reason`), or a list of
 * such objects (what `await Promise.allSettled(…)` gives).
 */
type Shape = { readonly kind: 'holder' | 'list'; readonly key: string };

/**
 * How a variable relates to such an error: it holds a holder or list (`const result = await
 * supabase.from('t').select()`), or it is bound inside the error, at `path` from it
 * (`const { error } = …` → `[]`, `({ reason: { message } }) => …` → `['message']`).
 */
export type ErrorValueBinding = { readonly shape: Shape } | { readonly path: readonly (string | null)[] };

/** A client of `{ data, error }` results by the name it is reached by. */
const RESULT_CLIENT_NAME = new RegExp(RESULT_CLIENT_NAMES.map(escapeRegExp).join('|') || '(?!)', 'iu');
/**
 * The text of an awaited value that may start an error value: a result client, one of its
 * query-builder calls, `allSettled` (read before any binding is worked out).
 */
const MAY_START_VALUE = new RegExp(
  [...RESULT_CLIENT_NAMES.map(escapeRegExp), `\\.\\s*(?:${[...RESULT_CLIENT_CALLS].map(escapeRegExp).join('|')})\\s*\\(`, String.raw`\ballSettled\b`].join('|'),
  'iu',
);
/** Own-key listings of an object that include the non-enumerable `stack` and `message` of an error. */
const OWN_KEY_CALLS = new Set([':Object.getOwnPropertyNames', ':Reflect.ownKeys']);
const MAX_HOPS = 6;

/**
 * The names along a call chain, outermost first: the calls (`supabase.from('t').select()` →
 * [select, from]) and every name, the root's included (`locals.supabase.auth.signOut()` →
 * [signOut, auth, supabase, locals]).
 */
function callChain(call: TSESTree.CallExpression): { names: string[]; calls: string[] } {
  const calls: string[] = [];
  const names: string[] = [];
  let node: TSESTree.Node = call;
  for (let depth = 0; depth < 16; depth++) {
    node = skipTsWrappers(node);
    if (node.type === AST_NODE_TYPES.CallExpression) {
      calls.push(staticCalleeName(node.callee) ?? '');
      node = node.callee;
    } else if (node.type === AST_NODE_TYPES.MemberExpression) {
      if (!node.computed && node.property.type === AST_NODE_TYPES.Identifier) {
        names.push(node.property.name);
      }
      node = node.object;
    } else if (node.type === AST_NODE_TYPES.AwaitExpression) {
      node = node.argument;
    } else {
      break;
    }
  }
  if (node.type === AST_NODE_TYPES.Identifier) {
    names.push(node.name);
  }
  return { names, calls };
}

/**
 * The awaited call `node` is, when its result is a `{ data, error }` client result:
 * `destructured` says the code takes `data` and `error` apart, the client's own convention.
 */
function isClientResult(awaited: TSESTree.Node, destructured: boolean): boolean {
  const call = skipTsWrappers(awaited);
  if (call.type !== AST_NODE_TYPES.CallExpression) {
    return false;
  }
  const { names, calls } = callChain(call);
  if (VALIDATION_CALLS.has(calls[0] ?? '')) {
    return false;
  }
  // Taken apart as `{ data, error }`, a client named so along the chain (`locals.supabase.auth…`), or a query builder.
  return destructured || names.some((name) => RESULT_CLIENT_NAME.test(name)) || calls.some((name) => RESULT_CLIENT_CALLS.has(name));
}

/** Whether an object pattern takes `error` apart, next to `data`. */
function isDataErrorPattern(pattern: TSESTree.Node): boolean {
  if (pattern.type !== AST_NODE_TYPES.ObjectPattern) {
    return false;
  }
  const keys = new Set(
    pattern.properties.flatMap((p) => (p.type === AST_NODE_TYPES.Property && !p.computed && p.key.type === AST_NODE_TYPES.Identifier ? [p.key.name] : [])),
  );
  return keys.has('error') && keys.has('data');
}

/** `Promise.allSettled(…)`, however `Promise` is reached. */
function isAllSettled(context: FileContext, node: TSESTree.Node): boolean {
  const call = skipTsWrappers(node);
  if (call.type !== AST_NODE_TYPES.CallExpression || staticCalleeName(call.callee) !== 'allSettled') {
    return false;
  }
  const target = resolveCallTarget(context, call.callee);
  return target !== null && target.module === null && target.path.join('.') === 'Promise.allSettled';
}

/** The method `fn` is the callback of, with the receiver and its position, or `null`. */
function callbackOf(fn: TSESTree.Node): { method: string; receiver: TSESTree.Node; index: number } | null {
  const value = outerExpression(fn);
  const call = value.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee === value) {
    return null;
  }
  const callee = skipTsWrappers(call.callee);
  const method = staticCalleeName(callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || method === null) {
    return null;
  }
  return { method, receiver: callee.object, index: call.arguments.indexOf(value as TSESTree.CallExpressionArgument) };
}

/** The `for (const x of right)` a declarator belongs to, or `null`. */
function forOfRight(declarator: TSESTree.VariableDeclarator): TSESTree.Expression | null {
  const declaration = declarator.parent;
  const loop = declaration?.parent;
  return loop?.type === AST_NODE_TYPES.ForOfStatement && loop.left === declaration ? loop.right : null;
}

/**
 * Errors that are values, not exceptions, in one file: the `error` of a `{ data, error }`
 * result of Supabase and similar clients (`const { data, error } = await supabase.from('t').select()`),
 * and the `reason` of an entry of `await Promise.allSettled(…)`. Every answer is memoised per file.
 */
export class ErrorValues {
  private readonly bindings = new Map<Variable, ErrorValueBinding | null>();
  private readonly ownKeys = new Map<Variable, boolean>();

  constructor(private readonly context: FileContext) {}

  /**
   * A cheap first test for a file's variables: only a declarator with an awaited or a for-of
   * value can start an error value (`.then` callbacks count as error handlers already).
   */
  mayStart(variable: Variable): boolean {
    const def = variable.defs[0];
    if (variable.defs.length !== 1 || def?.type !== 'Variable') {
      return false;
    }
    const declarator = def.node as TSESTree.VariableDeclarator;
    const init = declarator.init ? skipTsWrappers(declarator.init) : null;
    if (!(init?.type === AST_NODE_TYPES.AwaitExpression || (!init && forOfRight(declarator) !== null))) {
      return false;
    }
    // Most awaited values are none of these: a pattern that takes an `error` apart, or a value
    // whose text names a result client, a query builder or `Promise.allSettled` (read as text
    // before any binding is worked out).
    const { sourceCode } = this.context;
    if (init && !(declarator.id.type !== AST_NODE_TYPES.Identifier && /\berror\b/u.test(sourceCode.getText(declarator.id))) && !MAY_START_VALUE.test(sourceCode.getText(init))) {
      return false;
    }
    const binding = this.binding(variable);
    if (binding !== null && 'shape' in binding && binding.shape.kind === 'holder' && binding.shape.key === 'error' && declarator.id.type === AST_NODE_TYPES.Identifier) {
      // A whole result kept under a name (`const rows = await db.select().from(t)`): it starts an
      // error value for this test only where its `error` is read.
      return variable.references.some((ref) => {
        const parent = ref.identifier.parent;
        return parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === ref.identifier && memberName(this.context, parent) === 'error';
      });
    }
    return binding !== null;
  }

  /** How `variable` relates to an error value, or `null`. */
  binding(variable: Variable, hops = 0): ErrorValueBinding | null {
    if (this.bindings.has(variable)) {
      return this.bindings.get(variable)!;
    }
    this.bindings.set(variable, null); // cycle guard
    const found = hops > MAX_HOPS ? null : this.computeBinding(variable, hops);
    this.bindings.set(variable, found);
    return found;
  }

  /**
   * The error a member read takes out of a holder (`result.error`, `r.reason`, `results[0].reason`),
   * with the variable it is read from; `null` otherwise.
   */
  heldError(member: TSESTree.MemberExpression): Variable | null {
    const shape = this.shapeOf(member.object, 0);
    if (shape?.kind !== 'holder' || memberName(this.context, member) !== shape.key) {
      return null;
    }
    let root: TSESTree.Node = skipTsWrappers(member.object);
    while (root.type === AST_NODE_TYPES.MemberExpression) {
      root = skipTsWrappers(root.object);
    }
    return root.type === AST_NODE_TYPES.Identifier ? variableFor(this.context, root) : null;
  }

  /**
   * Whether `id` ranges over the own property names of an object, the non-enumerable `stack`
   * included: `Object.getOwnPropertyNames(e).forEach((k) => …)`, `for (const k of Reflect.ownKeys(e))`.
   */
  isOwnKey(id: TSESTree.Identifier): boolean {
    const variable = variableFor(this.context, id);
    if (!variable || variable.defs.length !== 1) {
      return false;
    }
    let found = this.ownKeys.get(variable);
    if (found === undefined) {
      found = this.computeOwnKey(variable);
      this.ownKeys.set(variable, found);
    }
    return found;
  }

  private computeOwnKey(variable: Variable): boolean {
    const def = variable.defs[0]!;
    let listing: TSESTree.Node | null = null;
    if (def.type === 'Parameter' && isFunctionLike(def.node as TSESTree.Node)) {
      const fn = def.node as FunctionLike;
      const callback = callbackOf(fn);
      const spec = callback && callback.index === 0 ? ARRAY_CALLBACKS[callback.method] : undefined;
      listing = spec && fn.params[spec.element] === def.name ? callback!.receiver : null;
    } else if (def.type === 'Variable' && (def.node as TSESTree.VariableDeclarator).id === def.name) {
      listing = forOfRight(def.node as TSESTree.VariableDeclarator);
    }
    const call = listing ? skipTsWrappers(listing) : null;
    if (call?.type !== AST_NODE_TYPES.CallExpression) {
      return false;
    }
    const target = resolveCallTarget(this.context, call.callee);
    return target !== null && OWN_KEY_CALLS.has(`${target.module ?? ''}:${target.path.join('.')}`);
  }

  private computeBinding(variable: Variable, hops: number): ErrorValueBinding | null {
    const def = variable.defs[0];
    if (variable.defs.length !== 1 || !def) {
      return null;
    }
    if (def.type === 'Variable') {
      const declarator = def.node as TSESTree.VariableDeclarator;
      const path = patternPath(declarator.id, def.name, this.context);
      if (!path) {
        return null;
      }
      if (declarator.init) {
        const init = skipTsWrappers(declarator.init);
        // `const { data, error } = await client.x()`: the client's convention, whatever the client.
        if (init.type === AST_NODE_TYPES.AwaitExpression && isDataErrorPattern(declarator.id) && isClientResult(init.argument, true)) {
          return descend({ kind: 'holder', key: 'error' }, path);
        }
        const shape = this.shapeOf(init, hops + 1);
        return shape ? descend(shape, path) : null;
      }
      const right = forOfRight(declarator);
      const list = right ? this.shapeOf(right, hops + 1) : null;
      return list?.kind === 'list' ? descend({ kind: 'holder', key: list.key }, path) : null;
    }
    if (def.type === 'Parameter' && isFunctionLike(def.node as TSESTree.Node)) {
      const fn = def.node as FunctionLike;
      const callback = callbackOf(fn);
      if (!callback) {
        return null;
      }
      const param = fn.params.find((p) => patternPath(p, def.name, this.context) !== null);
      const path = param ? patternPath(param, def.name, this.context) : null;
      if (!param || !path) {
        return null;
      }
      // `Promise.allSettled(ps).then((results) => …)`
      if (callback.method === 'then' && callback.index === 0 && fn.params[0] === param && isAllSettled(this.context, callback.receiver)) {
        return descend({ kind: 'list', key: 'reason' }, path);
      }
      const spec = callback.index === 0 ? ARRAY_CALLBACKS[callback.method] : undefined;
      const list = spec && fn.params[spec.element] === param ? this.shapeOf(callback.receiver, hops + 1) : null;
      return list?.kind === 'list' ? descend({ kind: 'holder', key: list.key }, path) : null;
    }
    return null;
  }

  /** What the value of `node` is, as far as error values go. */
  private shapeOf(raw: TSESTree.Node, hops: number): Shape | null {
    const node = skipTsWrappers(raw.type === AST_NODE_TYPES.ChainExpression ? raw.expression : raw);
    if (hops > MAX_HOPS) {
      return null;
    }
    switch (node.type) {
      case AST_NODE_TYPES.AwaitExpression:
        if (isAllSettled(this.context, node.argument)) {
          return { kind: 'list', key: 'reason' };
        }
        return isClientResult(node.argument, false) ? { kind: 'holder', key: 'error' } : null;
      case AST_NODE_TYPES.Identifier: {
        const variable = variableFor(this.context, node);
        const binding = variable ? this.binding(variable, hops + 1) : null;
        return binding && 'shape' in binding ? binding.shape : null;
      }
      case AST_NODE_TYPES.MemberExpression: {
        // `results[0]`, `results[i]`: an entry of the list.
        const list = node.computed ? this.shapeOf(node.object, hops + 1) : null;
        return list?.kind === 'list' ? { kind: 'holder', key: list.key } : null;
      }
      case AST_NODE_TYPES.CallExpression: {
        // `results.filter((r) => r.status === 'rejected')` keeps entries.
        const callee = skipTsWrappers(node.callee);
        const method = staticCalleeName(callee);
        if (callee.type === AST_NODE_TYPES.MemberExpression && (method === 'filter' || method === 'slice')) {
          const list = this.shapeOf(callee.object, hops + 1);
          return list?.kind === 'list' ? list : null;
        }
        return null;
      }
      default:
        return null;
    }
  }
}

/** The binding a destructuring `path` into a value of `shape` gives. */
function descend(shape: Shape, path: readonly (string | null)[]): ErrorValueBinding | null {
  if (path.length === 0) {
    return { shape };
  }
  const [first, ...rest] = path;
  if (shape.kind === 'list') {
    // `const [a, b] = await Promise.allSettled(…)`: an element is an entry.
    return first === null || /^\d+$/u.test(first!) ? descend({ kind: 'holder', key: shape.key }, rest) : null;
  }
  return first === shape.key ? { path: rest } : null;
}

const ANALYZERS = perFileKey<ErrorValues>('error values');

/** The error values of a file, memoised per file. */
export function getErrorValues(context: FileContext): ErrorValues {
  return perFile(context, ANALYZERS, () => new ErrorValues(context));
}

const STARTS_ERROR_VALUE = perFileKey<boolean>('file starts an error value');

/**
 * Whether a variable of the file starts an error value (a `{ data, error }` client result, a
 * settled list or entry): a cheap test over the variables of the file's scopes, memoised per file.
 */
export function fileStartsErrorValue(context: FileContext): boolean {
  return perFile(context, STARTS_ERROR_VALUE, () => {
    const values = getErrorValues(context);
    return (context.sourceCode.scopeManager?.scopes ?? []).some((scope) => scope.variables.some((variable) => values.mayStart(variable as Variable)));
  });
}
