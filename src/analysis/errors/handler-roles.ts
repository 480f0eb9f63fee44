import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import type { ErrorHandlerSpec } from '../../frameworks/types';
import { skipTsWrappers } from '../../core/static';
import { variableFor } from '../../core/variable-index';
import { declaredTypeName, parameterName } from '../../core/functions';
import type { FunctionLike } from '../../core/functions';
import type { FileContext } from '../../core/context';
import { ARRAY_CALLBACKS } from '../../data/js-builtins';
import { ERROR_FORMATTER } from '../../data/error-values';
import { outerExpression } from '../../core/ast';


/** Array methods whose callbacks receive elements, not errors (`errors.map(error => …)`). */
const ITERATION_METHODS = new Set(Object.keys(ARRAY_CALLBACKS));
/** Parameter names that mark an error-first callback (`fs.readFile(p, (err, data) => …)`). */
const ERROR_NAME = /^(?:err|error|ex|exc|exception|\w+(?:Err|Error)|\w+_(?:err|error))$/u;

/** Calls that register `fn` (directly as an argument, or by name): `[call, argument index]`. */
function registrationsOf(context: FileContext, fn: FunctionLike): { call: TSESTree.CallExpression; index: number }[] {
  const out: { call: TSESTree.CallExpression; index: number }[] = [];
  const value = outerExpression(fn);
  const parent = value.parent;
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee !== value) {
    out.push({ call: parent, index: parent.arguments.indexOf(value as TSESTree.CallExpressionArgument) });
    return out;
  }
  const id =
    fn.type === AST_NODE_TYPES.FunctionDeclaration
      ? fn.id
      : parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === value && parent.id.type === AST_NODE_TYPES.Identifier
        ? parent.id
        : null;
  if (!id) {
    return out;
  }
  const variable = variableFor(context, id);
  for (const ref of variable?.references ?? []) {
    const use = ref.identifier.parent;
    if (use?.type === AST_NODE_TYPES.CallExpression && use.callee !== ref.identifier) {
      out.push({ call: use, index: use.arguments.indexOf(ref.identifier as TSESTree.Identifier) });
    }
  }
  return out;
}
export function calleeMethod(call: TSESTree.CallExpression): string | null {
  const callee = skipTsWrappers(call.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier) {
    return callee.property.name;
  }
  return callee.type === AST_NODE_TYPES.Identifier ? callee.name : null;
}
export function firstArgString(call: TSESTree.CallExpression): string | null {
  const first = call.arguments[0];
  return first?.type === AST_NODE_TYPES.Literal && typeof first.value === 'string' ? first.value : null;
}

/** Decorator names on a class (`@Catch()`, `@Catch(HttpException)`). */
function decoratorNames(node: TSESTree.Node | undefined): string[] {
  if (node?.type !== AST_NODE_TYPES.ClassDeclaration && node?.type !== AST_NODE_TYPES.ClassExpression) {
    return [];
  }
  return node.decorators.map((d) => {
    const expr = d.expression.type === AST_NODE_TYPES.CallExpression ? d.expression.callee : d.expression;
    return expr.type === AST_NODE_TYPES.Identifier ? expr.name : '';
  });
}

/** The plain type name a parameter is declared with: `FastifyError` of `error: FastifyError`. */
function parameterTypeName(param: TSESTree.Parameter): string | null {
  const target = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
  return target.type === AST_NODE_TYPES.Identifier ? (declaredTypeName(target.typeAnnotation)?.name ?? null) : null;
}

/**
 * For a function, which parameter receives a caught error and which the response, when it is
 * an error handler: an `x.catch(fn)` callback, `x.then(ok, fn)`, an `'error'` listener, an
 * error-first callback (first parameter named like an error), a registration of `specs`, or
 * parameters declared with a framework's error and response types.
 * @example app.setErrorHandler((error, request, reply) => …) // { errorParam: 0, responseParam: 2 }
 */
export function errorHandlerRoles(
  context: FileContext,
  fn: FunctionLike,
  specs: readonly ErrorHandlerSpec[],
): { errorParam: number; responseParam: number | null } | null {
  for (const spec of specs) {
    if (spec.kind === 'types') {
      const errorParam = fn.params.findIndex((param) => parameterTypeName(param) === spec.errorType);
      if (errorParam !== -1) {
        const responseParam = fn.params.findIndex((param) => parameterTypeName(param) === spec.responseType);
        return { errorParam, responseParam: responseParam === -1 ? null : responseParam };
      }
      continue;
    }
    if (spec.kind === 'arity' && fn.params.length === spec.arity && /^(?:e|err|error|ex|exception)$|(?:Err|Error)$/u.test(parameterName(fn.params[spec.errorParam]) ?? '')) {
      return { errorParam: spec.errorParam, responseParam: spec.responseParam ?? null };
    }
    if (
      spec.kind === 'method' &&
      fn.parent?.type === AST_NODE_TYPES.MethodDefinition &&
      fn.parent.key.type === AST_NODE_TYPES.Identifier &&
      fn.parent.key.name === spec.method &&
      decoratorNames(fn.parent.parent.parent).includes(spec.decorator)
    ) {
      return { errorParam: spec.errorParam, responseParam: spec.responseParam ?? null };
    }
  }
  for (const { call, index } of registrationsOf(context, fn)) {
    const method = calleeMethod(call);
    for (const spec of specs) {
      if (spec.kind === 'call' && spec.method === method && (spec.event === undefined || firstArgString(call) === spec.event)) {
        return { errorParam: spec.errorParam, responseParam: spec.responseParam ?? null };
      }
    }
    if ((method === 'catch' && index === 0) || (method === 'then' && index === 1)) {
      return { errorParam: 0, responseParam: null };
    }
    if ((method === 'on' || method === 'once' || method === 'addListener' || method === 'prependListener') && firstArgString(call) === 'error') {
      return { errorParam: 0, responseParam: null };
    }
    const isIteration = method !== null && ITERATION_METHODS.has(method) && call.callee.type === AST_NODE_TYPES.MemberExpression;
    if (!isIteration && !(method === 'then' && index === 0) && ERROR_NAME.test(parameterName(fn.params[0]) ?? '')) {
      return { errorParam: 0, responseParam: null };
    }
  }
  return null;
}

/**
 * The options pattern of an error formatter (`errorFormatter({ shape, error }) { … }`, as a
 * property, a method, a `const` or a function declaration of that name), or `null`. Lexical.
 * @example initTRPC.create({ errorFormatter: ({ shape }) => shape }) // the `{ shape }` pattern
 */
export function errorFormatterPattern(fn: FunctionLike): TSESTree.ObjectPattern | null {
  const first = fn.params[0];
  const pattern = first?.type === AST_NODE_TYPES.AssignmentPattern ? first.left : first;
  if (pattern?.type !== AST_NODE_TYPES.ObjectPattern) {
    return null;
  }
  const parent = fn.parent;
  const key =
    fn.type === AST_NODE_TYPES.FunctionDeclaration
      ? fn.id
      : parent?.type === AST_NODE_TYPES.Property && parent.value === fn && !parent.computed
        ? parent.key
        : parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === fn
          ? parent.id
          : null;
  return key?.type === AST_NODE_TYPES.Identifier && key.name === ERROR_FORMATTER.name ? pattern : null;
}

/** First-parameter names that may hold an error: every name `errorHandlerRoles` accepts by name. */
const MAYBE_ERROR_NAME = /^(?:e|err|error|ex|exc|exception)$|(?:Err|Error)$|_(?:err|error)$/u;
/** Methods whose function argument receives an error whatever its parameter is named. */
const ERROR_REGISTRATIONS = new Set(['catch', 'then', 'on', 'once', 'addListener', 'prependListener']);

/**
 * A cheap, lexical pre-test of {@link errorHandlerRoles}: whether `fn` may receive a caught
 * error at all. Every role above takes the error as the first parameter, and either names it
 * like an error or is passed to a registration (`.catch(cb)`, `app.setErrorHandler(cb)`) or
 * is a handler method (`catch()` of a `@Catch()` class). No scope look-up.
 * @example mayReceiveError((req, res) => …) // false: no call in it can pass a handler's error
 */
export function mayReceiveError(fn: FunctionLike, specs: readonly ErrorHandlerSpec[]): boolean {
  const first = fn.params[0];
  if (!first) {
    return false;
  }
  if (MAYBE_ERROR_NAME.test(parameterName(first) ?? '') || errorFormatterPattern(fn) !== null) {
    return true;
  }
  if (specs.some((spec) => spec.kind === 'types' && fn.params.some((param) => parameterTypeName(param) === spec.errorType))) {
    return true;
  }
  if (fn.parent?.type === AST_NODE_TYPES.MethodDefinition) {
    const key = fn.parent.key;
    return key.type === AST_NODE_TYPES.Identifier && specs.some((spec) => spec.kind === 'method' && spec.method === key.name);
  }
  const value = outerExpression(fn);
  const parent = value.parent;
  if (parent?.type !== AST_NODE_TYPES.CallExpression || parent.callee === value) {
    return false;
  }
  const method = calleeMethod(parent);
  return method !== null && (ERROR_REGISTRATIONS.has(method) || specs.some((spec) => spec.kind === 'call' && spec.method === method));
}
