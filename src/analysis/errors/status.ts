import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { dereference, skipTsWrappers, staticValueOf, unwrapExpression } from '../../core/static';
import { memberName } from '../../core/ast';
import type { FileContext } from '../../core/context';
import { perFile, perFileKey } from '../../core/context';
import { resolveFunction, returnedValues } from '../../core/functions';
import { conditionProves, createGuard } from '../../core/guards';
import { constInitOf, variableFor } from '../../core/variable-index';

type Variable = TSESLint.Scope.Variable;

/** Status codes the value of `node` may take: numbers, or `null` where one cannot be known. */
function statusValues(context: FileContext, raw: TSESTree.Node, depth = 0): (number | null)[] {
  const node = skipTsWrappers(raw);
  if (depth > 4) {
    return [null];
  }
  switch (node.type) {
    case AST_NODE_TYPES.LogicalExpression:
      return [...statusValues(context, node.left, depth + 1), ...statusValues(context, node.right, depth + 1)];
    case AST_NODE_TYPES.ConditionalExpression:
      return [...statusValues(context, node.consequent, depth + 1), ...statusValues(context, node.alternate, depth + 1)];
    case AST_NODE_TYPES.MemberExpression: {
      // `HttpStatus.BAD_REQUEST`, `StatusCodes.INTERNAL_SERVER_ERROR`: named codes.
      const name = memberName(context, node) ?? '';
      if (/^(?:INTERNAL_SERVER_ERROR|NOT_IMPLEMENTED|BAD_GATEWAY|SERVICE_UNAVAILABLE|GATEWAY_TIMEOUT)$/u.test(name)) {
        return [500];
      }
      if (/^(?:BAD_REQUEST|UNAUTHORIZED|PAYMENT_REQUIRED|FORBIDDEN|NOT_FOUND|METHOD_NOT_ALLOWED|NOT_ACCEPTABLE|REQUEST_TIMEOUT|CONFLICT|GONE|PRECONDITION_FAILED|PAYLOAD_TOO_LARGE|UNSUPPORTED_MEDIA_TYPE|UNPROCESSABLE_ENTITY|TOO_MANY_REQUESTS)$/u.test(name)) {
        return [400];
      }
      break;
    }
    case AST_NODE_TYPES.CallExpression: {
      // `res.status(statusFor(err))` with `const statusFor = (e) => (e.name === 'X' ? 422 : 200)`
      // in the file: the codes its `return`s give (a 200 among them is no 4xx answer).
      const fn = resolveFunction(context, node.callee);
      const returned = fn && !fn.async && !fn.generator ? returnedValues(context, fn) : [];
      if (returned.length > 0) {
        return returned.flatMap((value) => statusValues(context, value, depth + 1));
      }
      break;
    }
    default:
      break;
  }
  const value = staticValueOf(context, node);
  if (value && (typeof value.value === 'number' || (typeof value.value === 'string' && /^\d{3}$/u.test(value.value)))) {
    return [Number(value.value)];
  }
  if (node.type === AST_NODE_TYPES.Identifier) {
    const init = dereference(context, node);
    if (init !== node) {
      return statusValues(context, init, depth + 1);
    }
  }
  return [null];
}

const FLIPPED: Readonly<Record<string, string>> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

/**
 * What a comparison of a status with a number says of it being below 500: `true` when the test
 * being true means it (`status < 500`, `status <= 499`, `500 > status`), `false` when the test
 * being false means it (`status >= 500`, `status > 499`), `null` when neither (`status >= 600`
 * being false leaves 550). `status` is whichever operand `isStatus` accepts.
 * @example below500When(parse('err.status >= 500'), isErrorStatus) // false
 */
export function below500When(test: TSESTree.Node, isStatus: (node: TSESTree.Node) => boolean): boolean | null {
  if (test.type !== AST_NODE_TYPES.BinaryExpression) {
    return null;
  }
  const right = unwrapExpression(test.right);
  const left = unwrapExpression(test.left);
  const number = (node: TSESTree.Node): number | null => (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'number' ? node.value : null);
  let operator: string | undefined = test.operator;
  let bound = number(right);
  if (bound === null || !isStatus(left)) {
    bound = number(left);
    operator = FLIPPED[test.operator];
    if (bound === null || !isStatus(right)) {
      return null;
    }
  }
  switch (operator) {
    case '<':
      return bound <= 500 ? true : null;
    case '<=':
      return bound < 500 ? true : null;
    case '>=':
      return bound <= 500 ? false : null;
    case '>':
      return bound < 500 ? false : null;
    default:
      return null;
  }
}

const BELOW_500_GUARDS = perFileKey<WeakMap<Variable, (node: TSESTree.Node) => boolean>>('status variables checked below 500');

/**
 * Whether `node`, a status variable never reassigned, only runs where an enclosing condition
 * or an earlier exit has shown it below 500: `if (status >= 500) return …;` before the sink.
 */
function checkedBelow500(context: FileContext, node: TSESTree.Node): boolean {
  const id = skipTsWrappers(node);
  if (id.type !== AST_NODE_TYPES.Identifier || constInitOf(context, id) === null) {
    return false;
  }
  const variable = variableFor(context, id);
  if (!variable) {
    return false;
  }
  const guards = perFile(context, BELOW_500_GUARDS, () => new WeakMap());
  let guard = guards.get(variable);
  if (!guard) {
    const isStatus = (operand: TSESTree.Node): boolean => operand.type === AST_NODE_TYPES.Identifier && variableFor(context, operand) === variable;
    guard = createGuard((test, branch) => conditionProves(test, branch, (atom, polarity) => below500When(atom, isStatus) === polarity));
    guards.set(variable, guard);
  }
  return guard(id);
}

/**
 * Classifies a response status expression: `'client'` when every possible value is a 4xx,
 * `'server'` when some known value is not (`500`, `err.status || 500`), else `'unknown'`.
 * A status variable checked below 500 before the response loses its 5xx values.
 * @example res.status(err.status || 500) // 'server'
 * @example const status = err.status ?? 500; if (status >= 500) return …; res.status(status) // 'unknown'
 */
export function classifyStatus(context: FileContext, node: TSESTree.Node): 'client' | 'server' | 'unknown' {
  let values = statusValues(context, node);
  if (values.some((v) => v !== null && v >= 500) && checkedBelow500(context, node)) {
    values = values.filter((v) => v === null || v < 500);
  }
  if (values.some((v) => v !== null && (v < 400 || v > 499))) {
    return 'server';
  }
  return values.includes(null) ? 'unknown' : 'client';
}
