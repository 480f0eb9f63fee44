/** Where a value goes and what names it: helpers the handler-gate analysis shares. */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { dottedName, staticCalleeName } from '../../core/ast';
import { skipTsWrappers } from '../../core/static';

/** The expression a call's value flows into unchanged: `await x`, `(x)`, `x!`, `(await x)?.user`, `x.data.user`. */
export function valueTop(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (;;) {
    const parent = current.parent;
    if (
      parent &&
      (parent.type === AST_NODE_TYPES.AwaitExpression ||
        parent.type === AST_NODE_TYPES.ChainExpression ||
        parent.type === AST_NODE_TYPES.TSNonNullExpression ||
        parent.type === AST_NODE_TYPES.TSAsExpression ||
        (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === current))
    ) {
      current = parent;
    } else {
      return current;
    }
  }
}

/** Error codes and reasons that refuse the caller, whole and in any case: `'UNAUTHORIZED'` (tRPC), `'unauthorized'`, `'Forbidden'`, `'UNAUTHENTICATED'`. */
const REFUSING_CODE = /^(?:unauthori[sz]ed|unauthenticated|forbidden)$/iu;

/**
 * Constructors and calls whose name refuses the caller: `UnauthorizedException`, `ForbiddenError`,
 * `unauthorized()`, `Boom.forbidden()`, `responses.notAuthenticatedResponse()`.
 */
const REFUSING_NAME = /^(?:(unauthori[sz]ed|notauthenticated|unauthenticated)|forbidden)(?:exception|error|httperror|response)?$/iu;

/**
 * What one node says about refusing the caller, read from the node alone: `unauthorized` for
 * `401`, `'UNAUTHORIZED'`, `'unauthorized'` (an error code), `HttpStatus.UNAUTHORIZED`, `new UnauthorizedException()`
 * or `unauthorized()`; `forbidden` for the same spellings of 403; `null` for anything else.
 * @example refusalOf(parse('new ForbiddenException()')) // 'forbidden'
 */
export function refusalOf(node: TSESTree.Node): 'unauthorized' | 'forbidden' | null {
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
      return node.value === 401
        ? 'unauthorized'
        : node.value === 403
          ? 'forbidden'
          : typeof node.value === 'string' && REFUSING_CODE.test(node.value)
            ? /^f/iu.test(node.value)
              ? 'forbidden'
              : 'unauthorized'
            : null;
    case AST_NODE_TYPES.MemberExpression:
      return !node.computed && node.property.type === AST_NODE_TYPES.Identifier
        ? node.property.name === 'UNAUTHORIZED'
          ? 'unauthorized'
          : node.property.name === 'FORBIDDEN'
            ? 'forbidden'
            : null
        : null;
    case AST_NODE_TYPES.NewExpression:
    case AST_NODE_TYPES.CallExpression: {
      const name = staticCalleeName(node.callee);
      const match = name === null ? null : REFUSING_NAME.exec(name);
      return match === null ? null : match[1] === undefined ? 'forbidden' : 'unauthorized';
    }
    default:
      return null;
  }
}

/** `redirect('/login')`, `notFound()`, `deny(res)`: a call that ends the request. */
export function isExitCall(node: TSESTree.Node): boolean {
  const expr = skipTsWrappers(node);
  const name = expr.type === AST_NODE_TYPES.CallExpression ? dottedName(expr.callee) : null;
  return name !== null && /(?:^|\.)(?:redirect|notFound|unauthori[sz]ed|forbidden|deny|reject|abort|error|fail|throw\w*)$/iu.test(name);
}

/** Names bound by `const x = await fetch()` / `const { userId } = auth()` / `const { data: { user } } = …`. */
export function boundNames(pattern: TSESTree.Node, out: TSESTree.Identifier[] = []): TSESTree.Identifier[] {
  switch (pattern.type) {
    case AST_NODE_TYPES.Identifier:
      out.push(pattern);
      break;
    case AST_NODE_TYPES.ObjectPattern:
      for (const property of pattern.properties) {
        boundNames(property.type === AST_NODE_TYPES.Property ? property.value : property.argument, out);
      }
      break;
    case AST_NODE_TYPES.ArrayPattern:
      for (const element of pattern.elements) {
        if (element) {
          boundNames(element, out);
        }
      }
      break;
    case AST_NODE_TYPES.AssignmentPattern:
      boundNames(pattern.left, out);
      break;
    case AST_NODE_TYPES.RestElement:
      boundNames(pattern.argument, out);
      break;
    default:
      break;
  }
  return out;
}

/** Root identifier of `res.status(500).json` / `ctx.response.body`. */
export function rootName(node: TSESTree.Node): string | null {
  let current = skipTsWrappers(node);
  for (let hops = 0; hops < 20; hops++) {
    if (current.type === AST_NODE_TYPES.Identifier) {
      return current.name;
    }
    if (current.type === AST_NODE_TYPES.MemberExpression) {
      current = skipTsWrappers(current.object);
    } else if (current.type === AST_NODE_TYPES.CallExpression) {
      current = skipTsWrappers(current.callee);
    } else {
      return null;
    }
  }
  return null;
}
