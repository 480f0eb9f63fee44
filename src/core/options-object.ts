import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { resolveCallTarget } from './modules';
import { skipTsWrappers, staticValue } from './static';
import { variableFor } from './variable-index';
import type { FileContext } from './context';

/**
 * Which argument of a call carries its options object.
 * - `index`: a fixed position (`fetch(url, init)` → 1, `axios.create(config)` → 0).
 * - `url-or-options`: `got(url, options)` or `got(options)`: a lone object is the options.
 * - `any-object`: the first object literal among the arguments (`http.request(url?, options?, cb?)`).
 * - `none`: the call takes no options object (configured by chained calls).
 */
export type OptionsSlot =
  | { readonly kind: 'index'; readonly index: number }
  | { readonly kind: 'url-or-options' }
  | { readonly kind: 'any-object' }
  | { readonly kind: 'none' };

/** Where a call's options come from, as far as a single file shows. */
export type OptionsArgument =
  /** An object literal: written inline or in a never-reassigned, never-mutated variable. */
  | { readonly kind: 'object'; readonly object: TSESTree.ObjectExpression }
  /**
   * The call has no options argument. A new one goes after `after` (padded with `padding`
   * `undefined` arguments), or before the argument `before`.
   */
  | { readonly kind: 'absent'; readonly before: TSESTree.Node | null; readonly padding: number }
  /** A parameter, a call result, a spread…: cannot be judged. */
  | { readonly kind: 'unknown' };

const UNKNOWN = { kind: 'unknown' } as const;

/** Whether a variable's object is changed after its declaration (`o.signal = s`, `Object.assign(o, …)`, `delete o.x`). */
function isMutated(context: FileContext, variable: TSESLint.Scope.Variable): boolean {
  return variable.references.some((ref) => {
    if (ref.init) {
      return false;
    }
    if (ref.isWrite()) {
      return true;
    }
    const id = ref.identifier as TSESTree.Node;
    const parent = id.parent;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === id) {
      const user = parent.parent;
      return (
        (user.type === AST_NODE_TYPES.AssignmentExpression && user.left === parent) ||
        user.type === AST_NODE_TYPES.UpdateExpression ||
        (user.type === AST_NODE_TYPES.UnaryExpression && user.operator === 'delete')
      );
    }
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === id) {
      const target = resolveCallTarget(context, parent.callee);
      return target?.module === null && target.path.join('.') === 'Object.assign';
    }
    return false;
  });
}

/**
 * The object literal an expression evaluates to, following `const` variables whose object is
 * never mutated; `null` for anything else.
 * @example const init = { method: 'POST' }; fetch(url, init) // resolveObjectLiteral(init) -> `{ method: 'POST' }`
 */
function resolveObjectLiteral(context: FileContext, node: TSESTree.Node): TSESTree.ObjectExpression | null {
  let current = skipTsWrappers(node);
  for (let hop = 0; hop < 4 && current.type === AST_NODE_TYPES.Identifier; hop++) {
    const variable = variableFor(context, current);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (!variable || def?.type !== 'Variable' || def.node.id.type !== AST_NODE_TYPES.Identifier || !def.node.init) {
      return null;
    }
    if (isMutated(context, variable)) {
      return null;
    }
    current = skipTsWrappers(def.node.init);
  }
  return current.type === AST_NODE_TYPES.ObjectExpression ? current : null;
}

const URL_NAME = /ur[il]|href|endpoint|link/iu;

/**
 * Whether an argument is certainly a URL rather than an options object: a string, a template,
 * a concatenation, `new URL()`, a constant string, or a name that says so (`apiUrl`, `endpoint`).
 * @example got(`${base}/users`) // the first argument looks like a URL
 */
function looksLikeUrl(context: FileContext, node: TSESTree.Node): boolean {
  const expr = skipTsWrappers(node);
  switch (expr.type) {
    case AST_NODE_TYPES.Literal:
      return typeof expr.value === 'string';
    case AST_NODE_TYPES.TemplateLiteral:
      return true;
    case AST_NODE_TYPES.BinaryExpression:
      return expr.operator === '+';
    case AST_NODE_TYPES.NewExpression: {
      const target = resolveCallTarget(context, expr.callee);
      return target?.module === null && target.path.join('.') === 'URL';
    }
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.MemberExpression: {
      const value = staticValue(context, expr);
      if (value && typeof value.value === 'string') {
        return true;
      }
      const name =
        expr.type === AST_NODE_TYPES.Identifier
          ? expr.name
          : !expr.computed && expr.property.type === AST_NODE_TYPES.Identifier
            ? expr.property.name
            : '';
      return URL_NAME.test(name);
    }
    default:
      return false;
  }
}

/** Parameter names that hold a callback, never an options object (`cb`, `done`, `resolve`, `onResponse`, `responseHandler`). */
const CALLBACK_NAME = /^(?:cb|callback|done|next|resolve|reject|fn|handler|listener|on[A-Z]\w*|\w+(?:Callback|Handler|Listener|Cb))$/u;

const isFunctionNode = (node: TSESTree.Node | null | undefined): boolean =>
  node?.type === AST_NODE_TYPES.ArrowFunctionExpression || node?.type === AST_NODE_TYPES.FunctionExpression;

/**
 * Whether a parameter holds a function: typed as one (`cb: (res) => void`), defaulting to one,
 * named like a callback (`cb`, `done`, `resolve`, `onResponse`), or called in its function.
 */
function isCallbackParameter(variable: TSESLint.Scope.Variable, name: TSESTree.Identifier): boolean {
  const annotation = name.typeAnnotation?.typeAnnotation;
  if (annotation?.type === AST_NODE_TYPES.TSFunctionType) {
    return true;
  }
  if (name.parent?.type === AST_NODE_TYPES.AssignmentPattern && name.parent.left === name && isFunctionNode(name.parent.right)) {
    return true;
  }
  if (CALLBACK_NAME.test(name.name)) {
    return true;
  }
  return variable.references.some((ref) => {
    const parent = (ref.identifier as TSESTree.Node).parent;
    return parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === ref.identifier;
  });
}

/**
 * Whether an argument is a function (a callback): written inline, declared in this file, a
 * parameter that holds one (see {@link isCallbackParameter}), or `f.bind(…)`.
 */
function isFunctionArgument(context: FileContext, node: TSESTree.Node): boolean {
  const expr = skipTsWrappers(node);
  if (isFunctionNode(expr)) {
    return true;
  }
  if (expr.type === AST_NODE_TYPES.CallExpression) {
    const callee = skipTsWrappers(expr.callee);
    return callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier && callee.property.name === 'bind';
  }
  if (expr.type === AST_NODE_TYPES.Identifier) {
    const variable = variableFor(context, expr);
    const def = variable?.defs[0];
    if (def?.type === 'Parameter') {
      return variable!.defs.length === 1 && def.name.type === AST_NODE_TYPES.Identifier && isCallbackParameter(variable!, def.name);
    }
    return def?.type === 'FunctionName' || (def?.type === 'Variable' && isFunctionNode(def.node.init));
  }
  return false;
}

function fromArgument(context: FileContext, argument: TSESTree.Node): OptionsArgument {
  const object = resolveObjectLiteral(context, argument);
  return object ? { kind: 'object', object } : UNKNOWN;
}

/**
 * Finds the options object of a call according to `slot`. Spread arguments and arguments
 * that are neither a URL nor a visible object literal make the answer `unknown`.
 * @example findOptionsArgument(context, call, { kind: 'index', index: 1 }) // fetch(url) -> absent, after `url`
 */
export function findOptionsArgument(
  context: FileContext,
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  slot: OptionsSlot,
): OptionsArgument {
  const args = call.arguments;
  switch (slot.kind) {
    case 'none':
      return UNKNOWN;
    case 'index': {
      if (args.slice(0, slot.index + 1).some((arg) => arg.type === AST_NODE_TYPES.SpreadElement)) {
        return UNKNOWN;
      }
      const argument = args[slot.index];
      if (argument) {
        return fromArgument(context, argument);
      }
      // `fetch()` has no URL to speak of: leave it to the type checker.
      return args.length === 0 && slot.index > 0 ? UNKNOWN : { kind: 'absent', before: null, padding: slot.index - args.length };
    }
    case 'url-or-options': {
      const [first, second] = args;
      if (!first || args.some((arg) => arg.type === AST_NODE_TYPES.SpreadElement)) {
        return UNKNOWN;
      }
      if (second) {
        return fromArgument(context, second);
      }
      if (looksLikeUrl(context, first)) {
        return { kind: 'absent', before: null, padding: 0 };
      }
      return fromArgument(context, first);
    }
    case 'any-object': {
      let callback: TSESTree.Node | null = null;
      for (const arg of args) {
        if (arg.type === AST_NODE_TYPES.SpreadElement) {
          return UNKNOWN;
        }
        const object = resolveObjectLiteral(context, arg);
        if (object) {
          return { kind: 'object', object };
        }
        if (isFunctionArgument(context, arg)) {
          callback ??= arg;
        } else if (!looksLikeUrl(context, arg)) {
          return UNKNOWN;
        }
      }
      return args.length === 0 ? UNKNOWN : { kind: 'absent', before: callback, padding: 0 };
    }
  }
}
