import { getPropertyName } from '@eslint-community/eslint-utils';
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { resolveCallTarget } from '../../core/modules';
import { resolveConstInit, skipTsWrappers } from '../../core/static';
import { scopeOf, variableFor } from '../../core/variable-index';
import type { FileContext } from '../../core/context';

/**
 * What an `AbortSignal` expression guarantees about time:
 * - `timeout`: it aborts after a delay (`AbortSignal.timeout(ms)`, a controller aborted from `setTimeout`);
 * - `untimed`: it comes from a local `AbortController` that nothing aborts on a timer;
 * - `none`: there is no signal at all (`undefined`, `null`);
 * - `unknown`: it comes from elsewhere (a parameter, another object), so it cannot be judged.
 */
export type SignalVerdict = 'timeout' | 'untimed' | 'none' | 'unknown';

const MAX_DEPTH = 6;

function globalPath(context: FileContext, callee: TSESTree.Node): string | null {
  const target = resolveCallTarget(context, callee);
  return target?.module === null ? target.path.join('.') : null;
}

/** `setTimeout` from the global scope or from `timers`. */
function isSetTimeoutCall(context: FileContext, node: TSESTree.Node | undefined): node is TSESTree.CallExpression {
  if (node?.type !== AST_NODE_TYPES.CallExpression) {
    return false;
  }
  const target = resolveCallTarget(context, node.callee);
  return (
    target !== null &&
    (target.module === null || target.module === 'timers') &&
    target.path.length === 1 &&
    target.path[0] === 'setTimeout'
  );
}

/**
 * Whether `controller.abort` (the member expression) runs from a timer:
 * `setTimeout(() => controller.abort(), ms)` or `setTimeout(controller.abort.bind(controller), ms)`.
 */
function isAbortScheduled(context: FileContext, abort: TSESTree.MemberExpression): boolean {
  const user = abort.parent;
  if (user.type === AST_NODE_TYPES.MemberExpression && user.object === abort && getPropertyName(user as never) === 'bind') {
    const bindCall = user.parent;
    return bindCall.type === AST_NODE_TYPES.CallExpression && bindCall.callee === user && isSetTimeoutCall(context, bindCall.parent) && bindCall.parent.arguments[0] === bindCall;
  }
  if (user.type !== AST_NODE_TYPES.CallExpression || user.callee !== abort) {
    return false;
  }
  let current: TSESTree.Node | undefined = user.parent;
  while (current && current.type !== AST_NODE_TYPES.ArrowFunctionExpression && current.type !== AST_NODE_TYPES.FunctionExpression && current.type !== AST_NODE_TYPES.FunctionDeclaration && current.type !== AST_NODE_TYPES.Program) {
    current = current.parent;
  }
  return current !== undefined && current.type !== AST_NODE_TYPES.Program && isTimerCallback(context, current);
}

/** `setTimeout(fn, ms)` with `fn` written inline, or a function declared here and passed by name. */
function isTimerCallback(context: FileContext, fn: TSESTree.FunctionLike): boolean {
  const parent = fn.parent;
  if (isSetTimeoutCall(context, parent) && parent.arguments[0] === fn) {
    return true;
  }
  const declaration = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn : parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === fn ? parent : null;
  const variable = declaration ? context.sourceCode.getDeclaredVariables(declaration)[0] : undefined;
  return (
    variable?.references.some((ref) => {
      const call = (ref.identifier as TSESTree.Node).parent;
      return isSetTimeoutCall(context, call) && call.arguments[0] === ref.identifier;
    }) ?? false
  );
}

/** For the second `c` of `c.abort.bind(c)`, the member `c.abort`; otherwise `null`. */
function boundAbortOf(id: TSESTree.Node): TSESTree.MemberExpression | null {
  const call = id.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== id || id.type !== AST_NODE_TYPES.Identifier) {
    return null;
  }
  const bind = call.callee;
  if (bind.type !== AST_NODE_TYPES.MemberExpression || getPropertyName(bind as never) !== 'bind') {
    return null;
  }
  const abort = bind.object;
  return abort.type === AST_NODE_TYPES.MemberExpression && getPropertyName(abort as never) === 'abort' &&
    abort.object.type === AST_NODE_TYPES.Identifier && abort.object.name === id.name
    ? abort
    : null;
}

/** Judges `controller.signal` where `controller` is an identifier. */
function judgeControllerSignal(context: FileContext, controller: TSESTree.Identifier): SignalVerdict {
  const variable = variableFor(context, controller);
  const init = resolveConstInit(context, controller);
  const created = init ? skipTsWrappers(init) : null;
  if (!variable || created?.type !== AST_NODE_TYPES.NewExpression || globalPath(context, created.callee) !== 'AbortController') {
    return 'unknown';
  }
  let verdict: SignalVerdict = 'untimed';
  for (const ref of variable.references) {
    if (ref.init) {
      continue;
    }
    const id = ref.identifier as TSESTree.Node;
    const member = id.parent;
    const bound = boundAbortOf(id);
    if (bound && isAbortScheduled(context, bound)) {
      continue; // the second `c` of `setTimeout(c.abort.bind(c), ms)`: the timer is found from `c.abort`
    }
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== id) {
      return 'unknown'; // handed to other code, which may schedule the abort
    }
    if (getPropertyName(member as never) === 'abort' && isAbortScheduled(context, member)) {
      verdict = 'timeout';
    }
  }
  return verdict;
}

function judge(context: FileContext, node: TSESTree.Node, depth: number): SignalVerdict {
  const expr = skipTsWrappers(node);
  if (depth > MAX_DEPTH) {
    return 'unknown';
  }
  switch (expr.type) {
    case AST_NODE_TYPES.Literal:
      return expr.raw === 'null' ? 'none' : 'unknown';
    case AST_NODE_TYPES.UnaryExpression:
      return expr.operator === 'void' ? 'none' : 'unknown';
    case AST_NODE_TYPES.ChainExpression:
      return judge(context, expr.expression, depth + 1);
    case AST_NODE_TYPES.Identifier: {
      if (expr.name === 'undefined' && !variableFor(context, expr)?.defs.length) {
        return 'none';
      }
      const init = resolveConstInit(context, expr);
      return init ? judge(context, init, depth + 1) : 'unknown';
    }
    case AST_NODE_TYPES.CallExpression: {
      const path = globalPath(context, expr.callee);
      if (path === 'AbortSignal.timeout') {
        return 'timeout';
      }
      if (path === 'AbortSignal.any') {
        return judgeAny(context, expr.arguments[0], depth);
      }
      return 'unknown';
    }
    case AST_NODE_TYPES.MemberExpression: {
      const object = skipTsWrappers(expr.object);
      return getPropertyName(expr as never, scopeOf(context, expr) as never) === 'signal' && object.type === AST_NODE_TYPES.Identifier
        ? judgeControllerSignal(context, object)
        : 'unknown';
    }
    default:
      return 'unknown';
  }
}

/** `AbortSignal.any([a, b])`: timed if any member is; untimed only if every member is. */
function judgeAny(context: FileContext, list: TSESTree.Node | undefined, depth: number): SignalVerdict {
  const array = list ? skipTsWrappers(list) : null;
  if (array?.type !== AST_NODE_TYPES.ArrayExpression) {
    return 'unknown';
  }
  let verdict: SignalVerdict = 'untimed';
  for (const element of array.elements) {
    const member: SignalVerdict =
      !element || element.type === AST_NODE_TYPES.SpreadElement ? 'unknown' : judge(context, element, depth + 1);
    if (member === 'timeout') {
      return 'timeout';
    }
    if (member === 'unknown') {
      verdict = 'unknown';
    }
  }
  return verdict;
}

/**
 * Judges the value given as a request's `signal` option.
 * @example judgeAbortSignal(context, node) // `AbortSignal.timeout(5000)` -> 'timeout'; `ctrl.signal` with no timer -> 'untimed'
 */
export function judgeAbortSignal(context: FileContext, node: TSESTree.Node): SignalVerdict {
  return judge(context, node, 0);
}
