import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { CALL, CONSTRUCT } from '../core/modules';
import type { TraceMap } from '../core/modules';
import { instanceFromCreation } from './kit/router-routes';
import type { RouterInstance, RouterSpec } from './kit/router-routes';
import { findObjectProperty, skipTsWrappers, staticValueOf } from '../core/static';
import { NODE_REQUEST } from './shapes';
import type { AdapterContext, FrameworkAdapter, InputShape, ParamRole } from './types';
import { routerAdapter } from './kit/router-adapter';

const KOA_REQUEST: InputShape = {
  properties: {
    body: 'input', query: 'input', querystring: 'input', headers: 'input', header: 'input', path: 'input', url: 'input',
    originalUrl: 'input', href: 'input', search: 'input', host: 'input', hostname: 'input', ip: 'input', ips: 'input',
    files: 'input', file: 'input',
  },
  methods: { get: 'input' },
};

/** Koa's `ctx`: `ctx.params` (router), `ctx.query`, `ctx.request.body` (koa-body), `ctx.get()`… */
const KOA_CONTEXT: InputShape = {
  properties: {
    params: 'input', query: 'input', querystring: 'input', headers: 'input', header: 'input', path: 'input', url: 'input',
    originalUrl: 'input', href: 'input', search: 'input', host: 'input', hostname: 'input', ip: 'input', ips: 'input',
    files: 'input', file: 'input', captures: 'input',
    cookies: { methods: { get: 'input' } },
    request: KOA_REQUEST,
    req: NODE_REQUEST,
  },
  methods: { get: 'input' },
};

/** Router methods of Koa and @koa/router. */
export const KOA_ROUTE_METHODS = ['all', 'del', 'delete', 'get', 'head', 'options', 'patch', 'post', 'put', 'use'];

const KOA: Record<string, TraceMap<string>> = {
  koa: { [CONSTRUCT]: 'app', [CALL]: 'app' },
  '@koa/router': { [CONSTRUCT]: 'router', [CALL]: 'router' },
  'koa-router': { [CONSTRUCT]: 'router', [CALL]: 'router' },
};

/** Koa and @koa/router: `router.get(path, ...middleware, handler)`, `router.use(mw)`, `app.use(router.routes())`. */
export const KOA_ROUTER: RouterSpec = {
  framework: 'koa',
  methods: { all: 'ALL', del: 'DELETE', delete: 'DELETE', get: 'GET', head: 'HEAD', options: 'OPTIONS', patch: 'PATCH', post: 'POST', put: 'PUT' },
  use: ['use'],
  mountAccessors: ['routes', 'middleware'],
  ordered: true,
};

/** A router with its creation prefix: `new Router({ prefix: '/api' })`. */
function koaInstance(context: AdapterContext, node: TSESTree.Node): RouterInstance {
  const instance = instanceFromCreation(context, node);
  const options = node.type === AST_NODE_TYPES.NewExpression || node.type === AST_NODE_TYPES.CallExpression ? node.arguments[0] : undefined;
  const object = options ? skipTsWrappers(options) : null;
  if (object?.type !== AST_NODE_TYPES.ObjectExpression) {
    return instance;
  }
  const prefix = findObjectProperty(context, object, 'prefix');
  const value = prefix.kind === 'found' ? staticValueOf(context, prefix.value)?.value : undefined;
  return typeof value === 'string' ? { ...instance, prefix: value } : instance;
}

export const KOA_PARAMS: readonly ParamRole[] = [{ kind: 'request', shape: KOA_CONTEXT }];

/** Koa apps and @koa/router / koa-router routers created in the file. */
export const koa: FrameworkAdapter = routerAdapter({
  router: KOA_ROUTER,
  creators: KOA,
  registrationMethods: KOA_ROUTE_METHODS,
  instance: koaInstance,
  params: KOA_PARAMS,
  responses: {
    names: ['ctx', 'context'],
    contextIsResponse: true,
    methods: { throw: { payload: [0, 1, 2], statusArg: 0 } },
    bodyProperties: ['body', 'message'],
    statusProperties: ['status'],
    nestedResponses: ['response', 'res'],
    errorHandlers: [{ kind: 'call', method: 'on', event: 'error', errorParam: 0, responseParam: 1 }],
  },
});
