import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import type { TSESLint } from '@typescript-eslint/utils';

import { functionUses, isFunctionLike, parameterName } from '../core/functions';
import { instanceFromVariable, instanceLookup, routerRoutes, unwrapHandler } from './kit/router-routes';
import type { RouterInstance, RouterSpec } from './kit/router-routes';
import { importsModule } from '../core/modules';
import { skipTsWrappers } from '../core/static';
import { methodCallsOn, variableFor } from '../core/variable-index';
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

function typeName(param: TSESTree.Parameter | undefined): string | null {
  const annotation = param?.type === AST_NODE_TYPES.Identifier ? param.typeAnnotation?.typeAnnotation : undefined;
  if (annotation?.type !== AST_NODE_TYPES.TSTypeReference) {
    return null;
  }
  const name = annotation.typeName;
  return name.type === AST_NODE_TYPES.Identifier ? name.name : name.type === AST_NODE_TYPES.TSQualifiedName ? name.right.name : null;
}

/**
 * `({ file, body }: Request, res: Response)` with `Request` imported from express: a request
 * however it is destructured (the name `Request` alone is too common to count).
 */
function isExpressRequestPattern(context: AdapterContext, param: TSESTree.Parameter): boolean {
  const annotation = param.type === AST_NODE_TYPES.ObjectPattern ? param.typeAnnotation?.typeAnnotation : undefined;
  if (annotation?.type !== AST_NODE_TYPES.TSTypeReference || annotation.typeName.type !== AST_NODE_TYPES.Identifier || annotation.typeName.name !== 'Request') {
    return false;
  }
  const def = variableFor(context, annotation.typeName)?.defs[0];
  return def?.type === 'ImportBinding' && def.parent?.type === AST_NODE_TYPES.ImportDeclaration && def.parent.source.value === 'express';
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
  const first = parameterName(fn.params[0]);
  const second = parameterName(fn.params[1]);
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
  const names = fn.params.slice(0, 2).map((param) => parameterName(param)?.replace(/^_+(?=\w)/u, '') ?? null);
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

/** The framework a receiver's declared type names (`fastify: FastifyInstance`, `app: ReturnType<typeof express>`), or `null`. */
function receiverFramework(variable: TSESLint.Scope.Variable): string | null {
  const def = variable.defs[0];
  const id = def?.name as TSESTree.Node | undefined;
  const annotation = id?.type === AST_NODE_TYPES.Identifier ? id.typeAnnotation?.typeAnnotation : undefined;
  if (annotation?.type !== AST_NODE_TYPES.TSTypeReference) {
    return def?.type === 'Parameter' ? pluginTypeFramework(def.node as TSESTree.Node, id) : null;
  }
  const name = lastName(annotation.typeName);
  if (name === 'ReturnType') {
    // `ReturnType<typeof express>`, `ReturnType<typeof Router>`, `ReturnType<typeof express.Router>`.
    const query = annotation.typeArguments?.params[0];
    const created = query?.type === AST_NODE_TYPES.TSTypeQuery && query.exprName.type !== AST_NODE_TYPES.TSImportType ? lastName(query.exprName) : '';
    return RETURN_TYPE_OF[created] ?? null;
  }
  return RECEIVER_TYPES[name] ?? null;
}

/**
 * The framework the declared type of a plugin function names, for its first parameter:
 * `const plugin: FastifyPluginAsyncTypebox = async (fastify) => { … }`, `FastifyPluginCallback`.
 */
function pluginTypeFramework(fn: TSESTree.Node, param: TSESTree.Node | undefined): string | null {
  if (!isFunctionLike(fn) || fn.params[0] !== param) {
    return null;
  }
  const declarator = fn.parent;
  const annotation = declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.init === fn && declarator.id.type === AST_NODE_TYPES.Identifier ? declarator.id.typeAnnotation?.typeAnnotation : undefined;
  return annotation?.type === AST_NODE_TYPES.TSTypeReference && /^FastifyPlugin/u.test(lastName(annotation.typeName)) ? 'fastify' : null;
}

/** `Router` of `Router`, `express.Router`, `a.b.Router`. */
function lastName(name: TSESTree.EntityName): string {
  return name.type === AST_NODE_TYPES.Identifier ? name.name : name.type === AST_NODE_TYPES.TSQualifiedName ? name.right.name : '';
}

/** Creators whose `ReturnType<typeof …>` is a router. */
const RETURN_TYPE_OF: Readonly<Record<string, string>> = { express: 'express', Router: 'express' };
/** Names that conventionally receive an Express app or router: `module.exports = (router) => { … }`. */
const ROUTER_PARAM_NAMES = new Set(['app', 'router', 'api', 'routes']);
/** Modules whose import says a conventionally named parameter is an Express app or router. */
const EXPRESS_MODULES = new Set(['express', 'express-promise-router', 'router']);
/** Route registration methods read as evidence that a receiver is a router (`.use(path, …)` included). */
const EVIDENCE_METHODS = ['get', 'post', 'put', 'patch', 'delete', 'all', 'head', 'options', 'use'];
const EVIDENCE_METHOD_SET = new Set(EVIDENCE_METHODS);
const MAX_CHAIN_HOPS = 20;

/** A path argument as people write it: a string, a template, or an array of strings (`['/a', '/b']`). */
function isLiteralPath(node: TSESTree.Node | undefined): boolean {
  const expr = node ? skipTsWrappers(node) : undefined;
  return (
    (expr?.type === AST_NODE_TYPES.Literal && typeof expr.value === 'string') ||
    expr?.type === AST_NODE_TYPES.TemplateLiteral ||
    (expr?.type === AST_NODE_TYPES.ArrayExpression && expr.elements.length > 0 && expr.elements.every((e) => e?.type === AST_NODE_TYPES.Literal && typeof e.value === 'string'))
  );
}

/** A middleware or handler argument: a function, a name, a member, a call, or an array of them; not an options object or a value. */
function isHandlerish(node: TSESTree.Node): boolean {
  const expr = skipTsWrappers(node);
  switch (expr.type) {
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.FunctionExpression:
    case AST_NODE_TYPES.MemberExpression:
    case AST_NODE_TYPES.CallExpression:
      return true;
    case AST_NODE_TYPES.Identifier:
      return expr.name !== 'undefined';
    case AST_NODE_TYPES.ArrayExpression:
      return expr.elements.length > 0 && expr.elements.every((e) => e !== null && e.type !== AST_NODE_TYPES.SpreadElement && isHandlerish(e));
    default:
      return false;
  }
}

/** Arguments that register handlers: at least one, every one handler-shaped. */
function handlerArguments(args: readonly TSESTree.Node[]): boolean {
  return args.length > 0 && args.every(isHandlerish);
}

/** What the route registrations on a receiver show. */
interface RouterEvidence {
  /** The framework an inline handler's parameters name (`(req, res)`, `(request, reply)`, `(ctx)`, `(c)`). */
  readonly framework: string | null;
  /** Some call registers a route: `x.get('/p', h)`, `x.use('/p', h)` or `x.route('/p').get(h)`. */
  readonly registers: boolean;
  /** Some registration is an Express `route('/p').<method>(h)` chain. */
  readonly routeChain: boolean;
}

/** The route registrations on a variable, read once: `x.get('/p', …handlers)` and `x.route('/p').get(…handlers)`. */
function routerEvidence(context: AdapterContext, variable: TSESLint.Scope.Variable): RouterEvidence {
  let framework: string | null = null;
  let registers = false;
  let routeChain = false;
  const judge = (handlers: readonly TSESTree.Node[]): void => {
    registers = true;
    if (!framework) {
      const fn = unwrapHandler(context, handlers.at(-1) ?? null).fns.at(-1);
      framework = fn ? routeFrameworkByParams(fn) : null;
    }
  };
  for (const { member, call } of methodCallsOn(variable, [...EVIDENCE_METHODS, 'route'])) {
    if (member.computed || framework) {
      continue;
    }
    const name = (member.property as TSESTree.Identifier).name;
    if (name === 'route') {
      // `x.route('/p').get(h).post(auth, h)`: one path, then HTTP methods with handlers (not Hono's `route('/p', sub)`).
      if (call.arguments.length !== 1 || !isLiteralPath(call.arguments[0])) {
        continue;
      }
      let current: TSESTree.Node = call;
      for (let hops = 0; hops < MAX_CHAIN_HOPS; hops++) {
        const next: TSESTree.Node | undefined = current.parent;
        const outer: TSESTree.Node | undefined = next?.parent;
        if (
          next?.type !== AST_NODE_TYPES.MemberExpression || next.object !== current || next.computed || next.property.type !== AST_NODE_TYPES.Identifier ||
          !EVIDENCE_METHOD_SET.has(next.property.name) || outer?.type !== AST_NODE_TYPES.CallExpression || outer.callee !== next
        ) {
          break;
        }
        if (handlerArguments(outer.arguments)) {
          routeChain = true;
          judge(outer.arguments);
        }
        current = outer;
      }
    } else if (call.arguments.length >= 2 && isLiteralPath(call.arguments[0]) && handlerArguments(call.arguments.slice(1))) {
      judge(call.arguments);
    }
  }
  return { framework, registers, routeChain };
}

/** Per file: the framework of each receiver `routeOfCall` has judged by its registrations, or `null`. */
const RECEIVED_ROUTERS = perFileKey<Map<TSESLint.Scope.Variable, string | null>>('received routers');

/**
 * The framework of a router no import explains, judged once per variable and file from how it
 * is used: another registration on it has an inline handler (`app.get('/a', (req, res) => …)`
 * makes `app.get('/b', controller.b)` a route too), or it is a parameter named `app`, `router`,
 * `api` or `routes` that registers routes with a literal path and handler arguments in a file
 * that imports Express or chains `route('/p').get(h)` (`module.exports = (router) => { … }`).
 * `map.get('k')`, `cache.delete(id)`, `client.get('/url', config)` and `router.push('/x')` stay calls.
 */
function receivedRouterFramework(context: AdapterContext, variable: TSESLint.Scope.Variable): string | null {
  const memo = perFile(context, RECEIVED_ROUTERS, () => new Map<TSESLint.Scope.Variable, string | null>());
  let framework = memo.get(variable);
  if (framework === undefined) {
    const evidence = routerEvidence(context, variable);
    framework = evidence.framework;
    if (
      !framework &&
      evidence.registers &&
      variable.defs[0]?.type === 'Parameter' &&
      ROUTER_PARAM_NAMES.has(variable.name) &&
      (evidence.routeChain || importsModule(context, (specifier) => EXPRESS_MODULES.has(specifier)))
    ) {
      framework = 'express';
    }
    memo.set(variable, framework);
  }
  return framework;
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

/**
 * The variable a call is made on, directly (`app.get(…)`) or at the start of a chain
 * (`router.route('/p').get(…)`, `app.get(a).post(b)`), or `null`.
 */
function receiverOf(callee: TSESTree.MemberExpression): { id: TSESTree.Identifier; chained: boolean } | null {
  let object = skipTsWrappers(callee.object);
  let chained = false;
  for (let hops = 0; hops < MAX_CHAIN_HOPS && object.type === AST_NODE_TYPES.CallExpression; hops++) {
    const inner = skipTsWrappers(object.callee);
    if (inner.type !== AST_NODE_TYPES.MemberExpression || inner.computed || inner.property.type !== AST_NODE_TYPES.Identifier || !ROUTE_METHODS.has(inner.property.name)) {
      return null;
    }
    object = skipTsWrappers(inner.object);
    chained = true;
  }
  return object.type === AST_NODE_TYPES.Identifier ? { id: object, chained } : null;
}

/** A route on a receiver no import explains: `fastify.get(…)` in a plugin, `router.post(…)` on an imported router. */
function routeOfCall(context: AdapterContext, call: TSESTree.CallExpression): Route | null {
  const callee = skipTsWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.property.type !== AST_NODE_TYPES.Identifier) {
    return null;
  }
  const receiver = receiverOf(callee);
  if (!receiver) {
    return null;
  }
  // Cheap shape check before any scope lookup: `map.get(key)` and `query.all()` are not routes.
  const first = call.arguments[0];
  const routeShaped =
    receiver.chained ||
    looksLikeRoute(callee.property.name, call) ||
    (call.arguments.length >= 2 && (first?.type === AST_NODE_TYPES.Identifier || first?.type === AST_NODE_TYPES.MemberExpression));
  if (!routeShaped) {
    return null;
  }
  const variable = variableFor(context, receiver.id);
  if (!variable) {
    return null;
  }
  // An app named `fastify` is Fastify's, whatever one of its handlers is called with (`async function (request)`).
  let framework = receiverFramework(variable) ?? (variable.name === 'fastify' ? 'fastify' : null);
  if (!framework && !receiver.chained && looksLikeRoute(callee.property.name, call)) {
    // Judge by the handler's parameters, as for handlers: `(req, res)`, `(request, reply)`, `(ctx)`, `(c)`,
    // also when marked unused (`(_req, reply)`).
    const last = call.arguments.at(-1);
    const fn = last ? unwrapHandler(context, last).fns.at(-1) : undefined;
    framework = fn ? routeFrameworkByParams(fn) : null;
  }
  // Else by the other registrations on the same receiver (`module.exports = (router) => { router.get('/x', ctrl.x) }`).
  framework ??= receivedRouterFramework(context, variable);
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
      const name = parameterName(param);
      if (
        (type !== null && (FRAMEWORK_REQUEST_TYPES.has(type) || (REQUEST_TYPES.has(type) && name !== null && REQUEST_NAMES.has(name)))) ||
        isExpressRequestPattern(context, param)
      ) {
        params[index] = { kind: 'request', shape: NODE_FRAMEWORK_REQUEST };
      }
    });
    return params.length > 0 ? { framework: 'generic', fn, params, registration: fn } : null;
  },
};
