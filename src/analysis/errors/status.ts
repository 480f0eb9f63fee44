import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { dereference, skipTsWrappers, staticValueOf } from '../../core/static';
import { memberName } from '../../core/ast';
import type { FileContext } from '../../core/context';
import { resolveFunction, returnedValues } from '../../core/functions';

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

/**
 * Classifies a response status expression: `'client'` when every possible value is a 4xx,
 * `'server'` when some known value is not (`500`, `err.status || 500`), else `'unknown'`.
 * @example res.status(err.status || 500) // 'server'
 */
export function classifyStatus(context: FileContext, node: TSESTree.Node): 'client' | 'server' | 'unknown' {
  const values = statusValues(context, node);
  if (values.some((v) => v !== null && (v < 400 || v > 499))) {
    return 'server';
  }
  return values.includes(null) ? 'unknown' : 'client';
}
