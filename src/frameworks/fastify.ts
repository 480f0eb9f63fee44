import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { handlerFunctionsOf } from '../core/functions';
import { CALL } from '../core/modules';
import type { TraceMap } from '../core/modules';
import type { RouterSpec } from './kit/router-routes';
import { findObjectProperty } from '../core/static';
import { NODE_FRAMEWORK_REQUEST } from './shapes';
import type { AdapterContext, FrameworkAdapter, ParamRole } from './types';
import type { FunctionLike } from '../core/functions';
import { routerAdapter } from './kit/router-adapter';

/** Fastify instance methods that take handlers (shorthand routes, `route`, hooks). */
export const FASTIFY_ROUTE_METHODS = ['all', 'delete', 'get', 'head', 'options', 'patch', 'post', 'put', 'route', 'addHook'];

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
function fastifyHandlers(context: AdapterContext, call: TSESTree.CallExpression): FunctionLike[] {
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
export const fastify: FrameworkAdapter = routerAdapter({
  router: FASTIFY_ROUTER,
  creators: FASTIFY,
  registrationMethods: FASTIFY_ROUTE_METHODS,
  handlers: fastifyHandlers,
  params: FASTIFY_PARAMS,
  responses: {
    names: ['reply'],
    methods: { send: { payload: [0] } },
    statusMethods: ['code', 'status'],
    chainMethods: ['header', 'headers', 'type', 'serializer'],
    statusProperties: ['statusCode'],
    nestedResponses: ['raw'],
    errorHandlers: [
      { kind: 'call', method: 'setErrorHandler', errorParam: 0, responseParam: 2 },
      { kind: 'types', errorType: 'FastifyError', responseType: 'FastifyReply' },
    ],
  },
});
