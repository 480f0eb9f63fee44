/** Identity checks in a handler: what reads the caller's identity and which names are bound to it. */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { IDENTITY_CARRIERS, IDENTITY_OBJECTS, IDENTITY_PROPERTIES } from '../../data/auth-vocabulary';
import type { FunctionLike } from '../../core/functions';
import { skipTsWrappers } from '../../core/static';
import { boundNames, rootName } from './values';

/** Whether a test expression reads an identity member: `!req.user`, `ctx.state.user`, `c.get('user')`, `!locals.session`. */
export function readsIdentity(test: TSESTree.Node, locals: ReadonlySet<string>, depth = 0): boolean {
  if (depth > 12) {
    return false;
  }
  const node = skipTsWrappers(test);
  switch (node.type) {
    case AST_NODE_TYPES.Identifier:
      return locals.has(node.name);
    case AST_NODE_TYPES.MemberExpression:
      if (!node.computed && node.property.type === AST_NODE_TYPES.Identifier && IDENTITY_PROPERTIES.has(node.property.name)) {
        return true;
      }
      return readsIdentity(node.object, locals, depth + 1);
    case AST_NODE_TYPES.CallExpression: {
      const callee = skipTsWrappers(node.callee);
      const arg = node.arguments[0];
      if (
        callee.type === AST_NODE_TYPES.MemberExpression &&
        !callee.computed &&
        callee.property.type === AST_NODE_TYPES.Identifier &&
        callee.property.name === 'get' &&
        arg?.type === AST_NODE_TYPES.Literal &&
        typeof arg.value === 'string' &&
        IDENTITY_PROPERTIES.has(arg.value)
      ) {
        return true;
      }
      return readsIdentity(callee, locals, depth + 1);
    }
    case AST_NODE_TYPES.ChainExpression:
      return readsIdentity(node.expression, locals, depth + 1);
    case AST_NODE_TYPES.UnaryExpression:
      return readsIdentity(node.argument, locals, depth + 1);
    case AST_NODE_TYPES.LogicalExpression:
    case AST_NODE_TYPES.BinaryExpression:
      return readsIdentity(node.left, locals, depth + 1) || readsIdentity(node.right, locals, depth + 1);
    default:
      return false;
  }
}

/** The identity object an expression denotes on a handler parameter or an identity local: `req.user`, `c.get('user')`, `user`. */
export function isIdentityObject(node: TSESTree.Node, params: ReadonlySet<string>, locals: ReadonlySet<string>): boolean {
  const expr = skipTsWrappers(node);
  if (expr.type === AST_NODE_TYPES.Identifier) {
    return locals.has(expr.name);
  }
  let name: string | null = null;
  if (expr.type === AST_NODE_TYPES.MemberExpression && !expr.computed && expr.property.type === AST_NODE_TYPES.Identifier) {
    name = expr.property.name;
  } else if (expr.type === AST_NODE_TYPES.CallExpression) {
    const callee = skipTsWrappers(expr.callee);
    const arg = expr.arguments[0];
    if (callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier && callee.property.name === 'get' && arg?.type === AST_NODE_TYPES.Literal && typeof arg.value === 'string') {
      name = arg.value;
    }
  }
  if (name === null || !IDENTITY_OBJECTS.has(name)) {
    return false;
  }
  const root = rootName(expr);
  return root !== null && (params.has(root) || locals.has(root));
}

/**
 * Names a declaration binds to the caller's identity: `const user = req.user`,
 * `const { user } = req`, `const { userId } = req.session`, `const u = c.get('user')`.
 */
export function identityLocals(declarator: TSESTree.VariableDeclarator, params: ReadonlySet<string>, locals: ReadonlySet<string>): string[] {
  const init = declarator.init ? skipTsWrappers(declarator.init) : null;
  if (!init) {
    return [];
  }
  if (readsIdentity(init, locals) && rootName(init) !== null && (params.has(rootName(init)!) || locals.has(rootName(init)!))) {
    return boundNames(declarator.id).map((id) => id.name);
  }
  const root = rootName(init);
  if (declarator.id.type !== AST_NODE_TYPES.ObjectPattern || root === null || !params.has(root)) {
    return [];
  }
  const out: string[] = [];
  for (const property of declarator.id.properties) {
    if (property.type === AST_NODE_TYPES.Property && !property.computed && property.key.type === AST_NODE_TYPES.Identifier && IDENTITY_PROPERTIES.has(property.key.name)) {
      out.push(...boundNames(property.value).map((id) => id.name));
    }
  }
  return out;
}

/** The parameter names of a handler, whose `res.json()`/`ctx.body =` answer the request. */
export function paramNames(fn: FunctionLike): Set<string> {
  const names = new Set<string>();
  for (const param of fn.params) {
    const node = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
    if (node.type === AST_NODE_TYPES.Identifier) {
      names.add(node.name);
    } else if (node.type === AST_NODE_TYPES.ObjectPattern) {
      // A destructured event: `({ request, locals })` (SvelteKit, Astro, Remix, tRPC `({ ctx })`).
      for (const property of node.properties) {
        const value = property.type === AST_NODE_TYPES.Property ? (property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value) : null;
        if (value?.type === AST_NODE_TYPES.Identifier) {
          names.add(value.name);
        }
      }
    }
  }
  return names;
}

/** Identity names destructured in the parameters: `({ locals: { user } })`, `({ locals: { session: s } })`. */
export function identityParams(fn: FunctionLike): string[] {
  const out: string[] = [];
  for (const param of fn.params) {
    const node = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
    if (node.type !== AST_NODE_TYPES.ObjectPattern) {
      continue;
    }
    for (const carrier of node.properties) {
      if (carrier.type !== AST_NODE_TYPES.Property || carrier.computed || carrier.key.type !== AST_NODE_TYPES.Identifier || !IDENTITY_CARRIERS.has(carrier.key.name) || carrier.value.type !== AST_NODE_TYPES.ObjectPattern) {
        continue;
      }
      for (const property of carrier.value.properties) {
        if (property.type === AST_NODE_TYPES.Property && !property.computed && property.key.type === AST_NODE_TYPES.Identifier && IDENTITY_PROPERTIES.has(property.key.name)) {
          out.push(...boundNames(property.value).map((id) => id.name));
        }
      }
    }
  }
  return out;
}
