import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { handlerFunctionsOf } from '../core/functions';
import { iterateInstanceReferences } from './kit/instance-references';
import { CALL, iterateModuleReferences } from '../core/modules';
import type { TraceMap } from '../core/modules';
import { instanceFromCreation, instanceLookup, routerRoutes } from './kit/router-routes';
import type { RouterSpec } from './kit/router-routes';
import { findObjectProperty } from '../core/static';
import { NODE_FRAMEWORK_REQUEST } from './shapes';
import type { AdapterContext, FrameworkAdapter, HandlerBinding, ParamRole, Route } from './types';
import type { FunctionLike } from '../core/functions';

/** Fastify instance methods that take handlers (shorthand routes, `route`, hooks). */
export const FASTIFY_ROUTE_METHODS = ['all', 'delete', 'get', 'head', 'options', 'patch', 'post', 'put', 'route', 'addHook'];

const REGISTRATION: TraceMap<string> = Object.fromEntries(FASTIFY_ROUTE_METHODS.map((m) => [m, { [CALL]: m }]));
const FASTIFY: Record<string, TraceMap<string>> = { fastify: { [CALL]: 'fastify', fastify: { [CALL]: 'fastify' } } };

/** `(request, reply)`. Fastify's request carries `params/query/body/headers/raw.url`. */
export const FASTIFY_PARAMS: readonly ParamRole[] = [{ kind: 'request', shape: NODE_FRAMEWORK_REQUEST }, { kind: 'response' }];

/** Hooks that run before the handler, where an auth check belongs. */
const PRE_HANDLER_HOOKS = ['onRequest', 'preParsing', 'preValidation', 'preHandler'];

/**
 * Fastify: shorthand routes with optional route options, `route({ method, url, handler })`,
 * `addHook('onRequest', fn)` for every route of the plugin scope (wherever it is added), and
 * `register(plugin, { prefix })` child scopes that inherit their parent's hooks.
 */
export const FASTIFY_ROUTER: RouterSpec = {
  framework: 'fastify',
  methods: { all: 'ALL', delete: 'DELETE', get: 'GET', head: 'HEAD', options: 'OPTIONS', patch: 'PATCH', post: 'POST', put: 'PUT' },
  use: ['use'],
  hooks: { method: 'addHook', names: PRE_HANDLER_HOOKS },
  optionGuards: PRE_HANDLER_HOOKS,
  routeOptions: { method: 'route', methodKey: 'method', pathKey: 'url', handlerKey: 'handler' },
  mount: ['register'],
  ordered: false,
};

/** Handler functions of one Fastify registration: function arguments and `{ handler, preHandler… }` options. */
export function fastifyHandlers(context: AdapterContext, call: TSESTree.CallExpression): FunctionLike[] {
  const fns = handlerFunctionsOf(context, call.arguments);
  for (const arg of call.arguments) {
    if (arg.type === AST_NODE_TYPES.ObjectExpression) {
      for (const key of ['handler', 'preHandler', 'onRequest', 'preValidation']) {
        const found = findObjectProperty(context, arg, key);
        if (found.kind === 'found') {
          fns.push(...handlerFunctionsOf(context, [found.value]));
        }
      }
    }
  }
  return fns;
}

/** Fastify instances created in the file (`fastify()`, `Fastify({ logger })`). */
export const fastify: FrameworkAdapter = {
  name: 'fastify',
  responses: {
    names: ['reply'],
    methods: { send: { payload: [0] } },
    statusMethods: ['code', 'status'],
    chainMethods: ['header', 'headers', 'type', 'serializer'],
    statusProperties: ['statusCode'],
    nestedResponses: ['raw'],
    errorHandlers: [{ kind: 'call', method: 'setErrorHandler', errorParam: 0, responseParam: 2 }],
  },
  routes: {
    findRoutes(context: AdapterContext): Route[] {
      const instances = [...iterateModuleReferences(context, FASTIFY)].map((app) => instanceFromCreation(context, app.node));
      return instances.length === 0 ? [] : routerRoutes(context, FASTIFY_ROUTER, instances, instanceLookup(context, instances));
    },
  },
  *findHandlers(context: AdapterContext): Generator<HandlerBinding> {
    for (const app of iterateModuleReferences(context, FASTIFY)) {
      for (const ref of iterateInstanceReferences(context, app.node, REGISTRATION)) {
        const call = ref.node as TSESTree.CallExpression;
        for (const fn of fastifyHandlers(context, call)) {
          yield { framework: 'fastify', fn, params: FASTIFY_PARAMS, registration: call };
        }
      }
    }
  },
};
