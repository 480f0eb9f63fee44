import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { functionUses } from '../analysis/functions';
import { EXPRESS_ROUTE_METHODS, expressParams } from './express';
import { FASTIFY_PARAMS, FASTIFY_ROUTE_METHODS } from './fastify';
import { HONO_PARAMS, HONO_ROUTE_METHODS } from './hono';
import { KOA_PARAMS, KOA_ROUTE_METHODS } from './koa';
import { NODE_FRAMEWORK_REQUEST } from './shapes';
import type { AdapterContext, FrameworkAdapter, FunctionLike, HandlerBinding, ParamRole } from './types';

const ROUTE_METHODS = new Set([...EXPRESS_ROUTE_METHODS, ...FASTIFY_ROUTE_METHODS, ...KOA_ROUTE_METHODS, ...HONO_ROUTE_METHODS]);
const REQUEST_NAMES = new Set(['req', 'request']);
/** Request types that identify the parameter whatever its name. */
const FRAMEWORK_REQUEST_TYPES = new Set(['NextApiRequest', 'FastifyRequest', 'NextRequest', 'IncomingMessage']);
/** Types that identify a request only on a parameter named `req`/`request` (`Request` is too common a name). */
const REQUEST_TYPES = new Set(['Request', ...FRAMEWORK_REQUEST_TYPES]);

function paramName(param: TSESTree.Parameter | undefined): string | null {
  const node = param?.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
  return node?.type === AST_NODE_TYPES.Identifier ? node.name : null;
}

function typeName(param: TSESTree.Parameter | undefined): string | null {
  const annotation = param?.type === AST_NODE_TYPES.Identifier ? param.typeAnnotation?.typeAnnotation : undefined;
  if (annotation?.type !== AST_NODE_TYPES.TSTypeReference) {
    return null;
  }
  const name = annotation.typeName;
  return name.type === AST_NODE_TYPES.Identifier ? name.name : name.type === AST_NODE_TYPES.TSQualifiedName ? name.right.name : null;
}

/** The registration call a function value reaches: `x.get('/p', fn)`, `x.use([fn])`, `x.post('/p', wrap(fn))`, `x.route({ handler: fn })`. */
function registrationOf(use: TSESTree.Node): TSESTree.CallExpression | null {
  let node: TSESTree.Node = use;
  for (let hops = 0; hops < 4; hops++) {
    const parent = node.parent;
    if (!parent) {
      return null;
    }
    if (parent.type === AST_NODE_TYPES.ArrayExpression) {
      node = parent;
    } else if (parent.type === AST_NODE_TYPES.Property && parent.value === node && parent.parent.type === AST_NODE_TYPES.ObjectExpression) {
      node = parent.parent;
    } else if (parent.type === AST_NODE_TYPES.CallExpression && parent.callee !== node) {
      const callee = parent.callee;
      if (
        callee.type === AST_NODE_TYPES.MemberExpression &&
        !callee.computed &&
        callee.property.type === AST_NODE_TYPES.Identifier &&
        ROUTE_METHODS.has(callee.property.name) &&
        looksLikeRoute(callee.property.name, parent)
      ) {
        return parent;
      }
      node = parent; // a wrapper such as asyncHandler(fn)
    } else {
      return null;
    }
  }
  return null;
}

/** `get('/path', …)` needs a path first (so `map.get(key, fn)` is not a route); `use(…)` does not. */
function looksLikeRoute(method: string, call: TSESTree.CallExpression): boolean {
  if (method === 'use' || method === 'route' || method === 'addHook' || method === 'on') {
    return true;
  }
  const first = call.arguments[0];
  return (
    (first?.type === AST_NODE_TYPES.Literal && (typeof first.value === 'string' || 'regex' in first)) ||
    first?.type === AST_NODE_TYPES.TemplateLiteral ||
    first?.type === AST_NODE_TYPES.ArrayExpression
  );
}

/** Roles from parameter names: `(req, res)`, `(err, req, res, next)`, `(request, reply)`, `(ctx)`, `(c)`. */
function rolesByName(fn: FunctionLike): { framework: string; params: readonly (ParamRole | undefined)[] } | null {
  const first = paramName(fn.params[0]);
  const second = paramName(fn.params[1]);
  if (first !== null && REQUEST_NAMES.has(first)) {
    return second === 'reply' ? { framework: 'fastify', params: FASTIFY_PARAMS } : { framework: 'express', params: expressParams(fn) };
  }
  if (fn.params.length === 4 && second !== null && REQUEST_NAMES.has(second)) {
    return { framework: 'express', params: expressParams(fn) };
  }
  if (first === 'ctx') {
    return { framework: 'koa', params: KOA_PARAMS };
  }
  if (first === 'c') {
    return { framework: 'hono', params: HONO_PARAMS };
  }
  return null;
}

/**
 * Handlers whose router cannot be traced to an import (an `app` received as a parameter,
 * a router from another module): functions passed to a route-registration-shaped call
 * whose parameters are named like requests, and parameters typed as requests.
 */
export const generic: FrameworkAdapter = {
  name: 'generic',
  classifyFunction(context: AdapterContext, fn: FunctionLike): HandlerBinding | null {
    for (const use of functionUses(context, fn)) {
      const registration = registrationOf(use);
      const roles = registration ? rolesByName(fn) : null;
      if (registration && roles) {
        return { framework: roles.framework, fn, params: roles.params, registration };
      }
    }
    const params: (ParamRole | undefined)[] = [];
    fn.params.forEach((param, index) => {
      const type = typeName(param);
      const name = paramName(param);
      if (type !== null && (FRAMEWORK_REQUEST_TYPES.has(type) || (REQUEST_TYPES.has(type) && name !== null && REQUEST_NAMES.has(name)))) {
        params[index] = { kind: 'request', shape: NODE_FRAMEWORK_REQUEST };
      }
    });
    return params.length > 0 ? { framework: 'generic', fn, params, registration: fn } : null;
  },
};
