import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { handlerFunctionsOf, normalizedFilename, resolveFunction } from '../core/functions';
import { CALL, CONSTRUCT, iterateModuleReferences, resolveCallTarget } from '../core/modules';
import type { TraceMap } from '../core/modules';
import { enclosingStatement, instanceFromCreation, instanceLookup, routerRoutes, unwrapHandler } from './kit/router-routes';
import type { RouterSpec } from './kit/router-routes';
import { findObjectProperty, resolveConstInit, skipTsWrappers, staticValueOf } from '../core/static';
import { NODE_REQUEST } from './shapes';
import type { AdapterContext, FrameworkAdapter, HandlerBinding, InputCall, InputShape, Route, RouteGuard } from './types';
import type { FunctionLike } from '../core/functions';

/** h3's `event`: most input is read through the utilities below; these are the direct reads. */
const H3_EVENT: InputShape = {
  properties: {
    path: 'input',
    headers: 'input',
    context: { properties: { params: 'input' } },
    node: { properties: { req: NODE_REQUEST } },
  },
};

/** h3 utilities returning client data. Nuxt auto-imports them, so they are also globals there. */
const H3_INPUT_FUNCTIONS = [
  'getQuery', 'getValidatedQuery', 'readBody', 'readValidatedBody', 'readRawBody', 'readFormData',
  'readMultipartFormData', 'getRouterParam', 'getRouterParams', 'getValidatedRouterParams', 'getHeader',
  'getHeaders', 'getRequestHeader', 'getRequestHeaders', 'getCookie', 'parseCookies', 'getRequestURL',
];

const HANDLER_FACTORIES = ['defineEventHandler', 'eventHandler', 'defineCachedEventHandler'];
const FACTORY_MAP: TraceMap<string> = Object.fromEntries(HANDLER_FACTORIES.map((f) => [f, { [CALL]: f }]));
const H3_FACTORY_MODULES: Record<string, TraceMap<string>> = { h3: FACTORY_MAP };

/* ----------------------------------------------------------------------------------------
 * Route model (`require-auth-gate-in-route`)
 * ------------------------------------------------------------------------------------- */

/** Handler factories that make a route: v1 names (also Nitro/Nuxt globals) and h3 v2 `defineHandler`. */
const ROUTE_FACTORIES = new Set([...HANDLER_FACTORIES, 'cachedEventHandler', 'defineHandler']);
/** Where the factories come from: h3 itself and the Nitro/Nuxt auto-import barrels; `null` = auto-imported global. */
const FACTORY_MODULES = new Set<string | null>([null, 'h3', '#imports', 'nitropack/runtime', 'nitro/runtime', '#app']);
/** Keys of the object syntax `defineEventHandler({ onRequest, handler })` that run before the handler. */
const OBJECT_GUARD_KEYS = ['onRequest', 'middleware'];
const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'connect', 'trace'];

/**
 * h3 routers: v1 `createRouter().get(path, handler)` mounted with `createApp().use(router)`,
 * v2 `new H3().get(path, handler, { middleware })` with `app.use(mw)` and `app.mount(base, app)`.
 * `app.use(handler)` is middleware: it guards the routes registered (or mounted) after it.
 */
const H3_ROUTER: RouterSpec = {
  framework: 'h3',
  methods: { ...Object.fromEntries(HTTP_METHODS.map((m) => [m, m.toUpperCase()])), all: 'ALL', add: 'ALL' },
  use: ['use'],
  mount: ['mount'],
  ordered: true,
};

const H3_INSTANCES: TraceMap<string> = { createApp: { [CALL]: 'app' }, createRouter: { [CALL]: 'router' }, H3: { [CONSTRUCT]: 'app' } };
// Module maps are normalised once per object: keep them constant, never literals at the call.
const H3_INSTANCE_MODULES: Record<string, TraceMap<string>> = { h3: H3_INSTANCES };
const H3_INSTANCE_GLOBALS: TraceMap<string> = { createApp: { [CALL]: 'app' }, createRouter: { [CALL]: 'router' } };

/** `server/api/users/[id].delete.ts`: the directory (`api`/`routes`) and the rest of the path. */
const FILE_ROUTE = /\/server\/(api|routes)\/(.+)\.[cm]?[jt]s$/u;
const METHOD_SUFFIX = new RegExp(`\\.(${HTTP_METHODS.join('|')})(?:\\.(?:dev|prod|prerender))?$`, 'u');

/**
 * Method and URL path of a Nitro/Nuxt file route, or `null` outside `server/api` and
 * `server/routes`: `server/api/users/[id].delete.ts` -> `DELETE /api/users/[id]`,
 * `server/routes/index.ts` -> `ALL /`. Route groups `(admin)` do not appear in the URL.
 */
export function h3FileRoute(filename: string): { method: string; path: string } | null {
  const match = FILE_ROUTE.exec(filename);
  if (!match) {
    return null;
  }
  let rest = match[2]!.replace(/\.(?:dev|prod|prerender)$/u, '');
  const method = METHOD_SUFFIX.exec(rest);
  rest = method ? rest.slice(0, method.index) : rest;
  const segments = rest.split('/').filter((s) => s !== '' && !/^\(.*\)$/u.test(s));
  if (segments.at(-1) === 'index') {
    segments.pop();
  }
  const prefix = match[1] === 'api' ? ['api'] : [];
  return { method: method ? method[1]!.toUpperCase() : 'ALL', path: `/${[...prefix, ...segments].join('/')}` };
}

/** Whether a call is `defineEventHandler(…)`/`eventHandler(…)`/`defineCachedEventHandler(…)` from h3, Nitro or Nuxt. */
function isFactoryCall(context: AdapterContext, node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.CallExpression) {
    return false;
  }
  const callee = skipTsWrappers(node.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier) {
    return false;
  }
  const target = resolveCallTarget(context, callee);
  const name = target?.path.length === 1 ? target.path[0]! : null;
  return target !== null && name !== null && ROUTE_FACTORIES.has(name) && FACTORY_MODULES.has(target.module);
}

/**
 * The handler functions and guards of a route value: `defineEventHandler(fn)`,
 * `defineEventHandler({ onRequest: [auth], handler })`, wrappers on either side
 * (`withAuth(defineEventHandler(fn))`, `defineEventHandler(requireAdmin(fn))`). The factory
 * itself is no guard. `found` says whether an h3 factory was seen at all.
 */
function eventHandlerParts(context: AdapterContext, expr: TSESTree.Node | undefined, depth = 0): { fns: FunctionLike[]; guards: RouteGuard[]; found: boolean } {
  const none = { fns: [], guards: [], found: false };
  if (!expr || depth > 3) {
    return none;
  }
  let node = skipTsWrappers(expr);
  if (node.type === AST_NODE_TYPES.Identifier) {
    const init = resolveFunction(context, node) ? null : resolveConstInit(context, node);
    node = init ? skipTsWrappers(init) : node;
  }
  if (node.type === AST_NODE_TYPES.AwaitExpression) {
    node = skipTsWrappers(node.argument);
  }
  if (node.type === AST_NODE_TYPES.CallExpression && isFactoryCall(context, node)) {
    const first = node.arguments[0] ? skipTsWrappers(node.arguments[0]) : undefined;
    if (first?.type === AST_NODE_TYPES.ObjectExpression) {
      const guards: RouteGuard[] = [];
      for (const key of OBJECT_GUARD_KEYS) {
        const found = findObjectProperty(context, first, key);
        if (found.kind === 'found') {
          const value = skipTsWrappers(found.value);
          const list = value.type === AST_NODE_TYPES.ArrayExpression ? value.elements : [value];
          for (const element of list) {
            if (element && element.type !== AST_NODE_TYPES.SpreadElement) {
              guards.push({ node: element, via: 'hook' });
            }
          }
        }
      }
      const handler = findObjectProperty(context, first, 'handler');
      const inner = handler.kind === 'found' ? unwrapHandler(context, handler.value) : { fns: [], wrappers: [] };
      return { fns: inner.fns, guards: [...guards, ...inner.wrappers], found: true };
    }
    const inner = unwrapHandler(context, first ?? null);
    return { fns: inner.fns, guards: inner.wrappers, found: true };
  }
  if (node.type === AST_NODE_TYPES.CallExpression) {
    // `withAuth(defineEventHandler(fn))`: the wrapper guards, the factory inside makes the route.
    for (const arg of node.arguments) {
      const inner = eventHandlerParts(context, arg, depth + 1);
      if (inner.found) {
        return { fns: inner.fns, guards: [{ node, via: 'wrapper' }, ...inner.guards], found: true };
      }
    }
    // No factory inside: a plain wrapper around a function (h3 v2 accepts plain functions).
    const plain = unwrapHandler(context, node);
    return { fns: plain.fns, guards: plain.wrappers, found: false };
  }
  const fn = resolveFunction(context, node);
  return fn ? { fns: [fn], guards: [], found: false } : none;
}

/**
 * The functions a Nitro/Nuxt event handler value runs, `onRequest` hooks first: what a
 * `server/middleware/` file's default export does for every request (`[]` when it is no h3
 * factory call). @example h3HandlerFunctions(context, defaultExport) // [the arrow of defineEventHandler((event) => …)]
 */
export function h3HandlerFunctions(context: AdapterContext, value: TSESTree.Node): FunctionLike[] {
  const parts = eventHandlerParts(context, value);
  if (!parts.found) {
    return [];
  }
  const hooks = parts.guards.filter((guard) => guard.via === 'hook').map((guard) => resolveFunction(context, guard.node)).filter((fn) => fn !== null);
  return [...hooks, ...parts.fns];
}

/** The file route of a Nitro/Nuxt `server/api` or `server/routes` file: its default export. */
function fileRoute(context: AdapterContext): Route | null {
  const fileRouteInfo = h3FileRoute(normalizedFilename(context));
  if (!fileRouteInfo) {
    return null;
  }
  const statement = context.sourceCode.ast.body.find((s): s is TSESTree.ExportDefaultDeclaration => s.type === AST_NODE_TYPES.ExportDefaultDeclaration);
  if (!statement) {
    return null;
  }
  const parts = eventHandlerParts(context, statement.declaration as TSESTree.Node);
  if (!parts.found) {
    return null;
  }
  // Report on the factory's name; comments may sit before the export or the declaration.
  let declaration = skipTsWrappers(statement.declaration as TSESTree.Node);
  if (declaration.type === AST_NODE_TYPES.Identifier) {
    declaration = resolveConstInit(context, declaration) ?? declaration;
  }
  const factory = findFactory(context, declaration);
  const node = factory ? skipTsWrappers(factory.callee) : statement;
  const { method, path } = fileRouteInfo;
  return {
    framework: 'h3',
    method,
    path,
    label: `${method} ${path}`,
    handlers: parts.fns,
    guards: parts.guards,
    node,
    statement: !factory || isInside(factory, statement) ? statement : enclosingStatement(factory),
    fileRouted: true,
  };
}

function isInside(node: TSESTree.Node, ancestor: TSESTree.Node): boolean {
  return node.range[0] >= ancestor.range[0] && node.range[1] <= ancestor.range[1];
}

/** The h3 factory call in a route value (`withAuth(defineEventHandler(fn))` -> the inner call). */
function findFactory(context: AdapterContext, expr: TSESTree.Node, depth = 0): TSESTree.CallExpression | null {
  const node = skipTsWrappers(expr);
  if (node.type === AST_NODE_TYPES.CallExpression && isFactoryCall(context, node)) {
    return node;
  }
  if (node.type !== AST_NODE_TYPES.CallExpression || depth > 3) {
    return null;
  }
  for (const arg of node.arguments) {
    const found = findFactory(context, arg, depth + 1);
    if (found) {
      return found;
    }
  }
  return null;
}

/** The registration call of a router route, from its reported node (`router.get` -> the call). */
function registrationCall(node: TSESTree.Node): TSESTree.CallExpression | null {
  let current: TSESTree.Node | undefined = node.parent;
  for (let hops = 0; current && hops < 4; hops++) {
    if (current.type === AST_NODE_TYPES.CallExpression) {
      return current;
    }
    current = current.parent;
  }
  return null;
}

/**
 * Routes of h3 routers and apps in the file. The router machinery reads the registration
 * calls and `use` middleware; the handler value is then read the h3 way: the factory is
 * no wrapper, its object syntax holds hooks, v2 route options hold `middleware`, and
 * v1 `router.add(path, handler, 'post')` names its method last.
 */
function routerRoutesOf(context: AdapterContext): Route[] {
  const underServer = /\/server\//u.test(normalizedFilename(context));
  const refs = [...iterateModuleReferences(context, H3_INSTANCE_MODULES, underServer ? H3_INSTANCE_GLOBALS : undefined)].filter((ref) => ref.kind !== 'read');
  if (refs.length === 0) {
    return [];
  }
  const instances = refs.map((ref) => instanceFromCreation(context, ref.node));
  const routes: Route[] = [];
  for (const route of routerRoutes(context, H3_ROUTER, instances, instanceLookup(context, instances))) {
    const call = registrationCall(route.node);
    if (!call) {
      continue;
    }
    const name = route.node.type === AST_NODE_TYPES.Identifier ? route.node.name : '';
    const parts = eventHandlerParts(context, call.arguments[1]);
    const options = call.arguments[2] ? skipTsWrappers(call.arguments[2]) : undefined;
    const own: RouteGuard[] = [];
    if (options?.type === AST_NODE_TYPES.ObjectExpression) {
      const found = findObjectProperty(context, options, 'middleware');
      if (found.kind === 'found') {
        const value = skipTsWrappers(found.value);
        for (const element of value.type === AST_NODE_TYPES.ArrayExpression ? value.elements : [value]) {
          if (element && element.type !== AST_NODE_TYPES.SpreadElement) {
            own.push({ node: element, via: 'hook' });
          }
        }
      }
    }
    let method = route.method;
    if (name === 'add' && options) {
      const value = staticValueOf(context, options)?.value;
      method = typeof value === 'string' ? value.toUpperCase() : Array.isArray(value) ? value.map((m) => String(m).toUpperCase()).join('/') : 'ALL';
    }
    routes.push({
      ...route,
      method,
      label: `${method} ${route.path ?? '(dynamic path)'}`,
      handlers: parts.fns,
      guards: [...route.guards.filter((guard) => guard.via === 'router'), ...own, ...parts.guards],
    });
  }
  return routes;
}

/** h3 / Nitro / Nuxt server routes (`defineEventHandler((event) => …)`). */
export const h3: FrameworkAdapter = {
  name: 'h3',
  responses: {
    names: [],
    calls: [
      { module: 'h3', path: ['createError'], payload: [0], ignoreProperties: ['cause', 'statusCode', 'status'], statusInitArg: 0 },
      // Nuxt/Nitro auto-import `createError`: a global there.
      { module: null, path: ['createError'], payload: [0], ignoreProperties: ['cause', 'statusCode', 'status'], statusInitArg: 0 },
      { module: 'h3', path: ['sendError'], payload: [1] },
    ],
  },
  routes: {
    findRoutes(context: AdapterContext): Route[] {
      const file = fileRoute(context);
      const routes = routerRoutesOf(context);
      return file ? [file, ...routes] : routes;
    },
  },
  inputCalls: H3_INPUT_FUNCTIONS.flatMap((path): InputCall[] => [{ module: 'h3', path }, { module: null, path }]),
  *findHandlers(context: AdapterContext): Generator<HandlerBinding> {
    // Nuxt and Nitro auto-import the factories: globals count as well as `h3` imports.
    const refs = iterateModuleReferences(context, H3_FACTORY_MODULES, FACTORY_MAP);
    for (const ref of refs) {
      const call = ref.node as TSESTree.CallExpression;
      for (const fn of handlerFunctionsOf(context, call.arguments.slice(0, 1))) {
        yield { framework: 'h3', fn, params: [{ kind: 'request', shape: H3_EVENT }], registration: call };
      }
    }
  },
};
