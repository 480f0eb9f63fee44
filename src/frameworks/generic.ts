import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import type { TSESLint } from '@typescript-eslint/utils';

import { functionUses, isFunctionLike } from '../core/functions';
import { instanceFromVariable, instanceLookup, routerRoutes, unwrapHandler } from './kit/router-routes';
import type { RouterInstance, RouterSpec } from './kit/router-routes';
import { skipTsWrappers } from '../core/static';
import { variableFor } from '../core/variable-index';
import { EXPRESS_ROUTE_METHODS, EXPRESS_ROUTER, expressParams } from './express';
import { FASTIFY_PARAMS, FASTIFY_ROUTE_METHODS, FASTIFY_ROUTER } from './fastify';
import { HONO_PARAMS, HONO_ROUTE_METHODS, HONO_ROUTER } from './hono';
import { KOA_PARAMS, KOA_ROUTE_METHODS, KOA_ROUTER } from './koa';
import { NODE_FRAMEWORK_REQUEST } from './shapes';
import type { AdapterContext, FrameworkAdapter, HandlerBinding, ParamRole, Route } from './types';
import type { FunctionLike } from '../core/functions';
import { perFile, perFileKey } from '../core/context';

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

/** `rolesByName` for route models, reading `_req`/`_request`/`_ctx` as their unprefixed names. */
function routeFrameworkByParams(fn: FunctionLike): string | null {
  const names = fn.params.slice(0, 2).map((param) => paramName(param)?.replace(/^_+(?=\w)/u, '') ?? null);
  const [first, second] = names;
  if (first !== null && first !== undefined && REQUEST_NAMES.has(first)) {
    return second === 'reply' ? 'fastify' : 'express';
  }
  if (second === 'reply') {
    return 'fastify';
  }
  return rolesByName(fn)?.framework ?? null;
}

const ROUTERS: Readonly<Record<string, RouterSpec>> = { express: EXPRESS_ROUTER, fastify: FASTIFY_ROUTER, koa: KOA_ROUTER, hono: HONO_ROUTER };
/** Receiver types that name the framework whatever the handler looks like. */
const RECEIVER_TYPES: Readonly<Record<string, string>> = {
  FastifyInstance: 'fastify', FastifyPluginAsync: 'fastify', Hono: 'hono', OpenAPIHono: 'hono', Express: 'express',
  Application: 'express', Router: 'express', IRouter: 'express', KoaRouter: 'koa',
};
const ROUTE_CALL_METHODS = ['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'head', 'options', 'route', 'on'];

/** The framework a receiver's declared type names (`fastify: FastifyInstance`), or `null`. */
function receiverFramework(variable: TSESLint.Scope.Variable): string | null {
  const def = variable.defs[0];
  const id = def?.name as TSESTree.Node | undefined;
  const annotation = id?.type === AST_NODE_TYPES.Identifier ? id.typeAnnotation?.typeAnnotation : undefined;
  if (annotation?.type !== AST_NODE_TYPES.TSTypeReference) {
    return null;
  }
  const name = annotation.typeName.type === AST_NODE_TYPES.Identifier ? annotation.typeName.name : annotation.typeName.type === AST_NODE_TYPES.TSQualifiedName ? annotation.typeName.right.name : '';
  return RECEIVER_TYPES[name] ?? null;
}

/** The router a plugin function is registered on: `app.register(plugin)` / `app.use(fn)` → `app`'s variable. */
function parentRouters(context: AdapterContext, variable: TSESLint.Scope.Variable, depth = 0): TSESLint.Scope.Variable[] {
  const def = variable.defs[0];
  if (def?.type !== 'Parameter' || depth > 3 || !isFunctionLike(def.node as TSESTree.Node)) {
    return [];
  }
  const out: TSESLint.Scope.Variable[] = [];
  for (const use of functionUses(context, def.node as FunctionLike)) {
    const call = use.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee === use) {
      continue;
    }
    const callee = skipTsWrappers(call.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier) {
      const parent = variableFor(context, callee.object);
      if (parent && parent !== variable) {
        out.push(parent, ...parentRouters(context, parent, depth + 1));
      }
    }
  }
  return out;
}

/** Per file: the routes of each router variable that `routeOfCall` has judged. */
const ROUTES_BY_ROUTER = perFileKey<Map<TSESLint.Scope.Variable, Route[]>>('routes by router');

/** A route on a receiver no import explains: `fastify.get(…)` in a plugin, `router.post(…)` on an imported router. */
function routeOfCall(context: AdapterContext, call: TSESTree.CallExpression): Route | null {
  const callee = skipTsWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.property.type !== AST_NODE_TYPES.Identifier || callee.object.type !== AST_NODE_TYPES.Identifier) {
    return null;
  }
  // Cheap shape check before any scope lookup: `map.get(key)` and `query.all()` are not routes.
  const first = call.arguments[0];
  const routeShaped =
    looksLikeRoute(callee.property.name, call) ||
    (call.arguments.length >= 2 && (first?.type === AST_NODE_TYPES.Identifier || first?.type === AST_NODE_TYPES.MemberExpression));
  if (!routeShaped) {
    return null;
  }
  const variable = variableFor(context, callee.object);
  if (!variable) {
    return null;
  }
  let framework = receiverFramework(variable);
  if (!framework && looksLikeRoute(callee.property.name, call)) {
    // Judge by the handler's parameters, as for handlers: `(req, res)`, `(request, reply)`, `(ctx)`, `(c)`,
    // also when marked unused (`(_req, reply)`); else by the receiver's conventional name
    // (`module.exports = async function (fastify) { fastify.post('/x', …) }`).
    const last = call.arguments.at(-1);
    const fn = last ? unwrapHandler(context, last).fns.at(-1) : undefined;
    framework = (fn ? routeFrameworkByParams(fn) : null) ?? (variable.name === 'fastify' ? 'fastify' : null);
  }
  const spec = framework ? ROUTERS[framework] : undefined;
  if (!spec) {
    return null;
  }
  const memo = perFile(context, ROUTES_BY_ROUTER, () => new Map<TSESLint.Scope.Variable, Route[]>());
  let routes = memo.get(variable);
  if (!routes) {
    const instances: RouterInstance[] = [variable, ...parentRouters(context, variable)].map((v) => instanceFromVariable(v));
    routes = routerRoutes(context, spec, instances, instanceLookup(context, instances)).map((route) => ({ ...route, framework: framework! }));
    memo.set(variable, routes);
  }
  return routes.find((route) => route.node === callee.property) ?? null;
}

/**
 * Handlers whose router cannot be traced to an import (an `app` received as a parameter,
 * a router from another module): functions passed to a route-registration-shaped call
 * whose parameters are named like requests, and parameters typed as requests.
 */
export const generic: FrameworkAdapter = {
  name: 'generic',
  routes: { callMethods: ROUTE_CALL_METHODS, routeOfCall },
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
