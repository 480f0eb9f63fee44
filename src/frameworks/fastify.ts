import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { handlerFunctionsOf } from '../analysis/functions';
import { iterateInstanceReferences } from '../analysis/instance-references';
import { CALL, iterateModuleReferences } from '../analysis/modules';
import type { TraceMap } from '../analysis/modules';
import { findObjectProperty } from '../analysis/static';
import { NODE_FRAMEWORK_REQUEST } from './shapes';
import type { AdapterContext, FrameworkAdapter, FunctionLike, HandlerBinding, ParamRole } from './types';

/** Fastify instance methods that take handlers (shorthand routes, `route`, hooks). */
export const FASTIFY_ROUTE_METHODS = ['all', 'delete', 'get', 'head', 'options', 'patch', 'post', 'put', 'route', 'addHook'];

const REGISTRATION: TraceMap<string> = Object.fromEntries(FASTIFY_ROUTE_METHODS.map((m) => [m, { [CALL]: m }]));
const FASTIFY: Record<string, TraceMap<string>> = { fastify: { [CALL]: 'fastify', fastify: { [CALL]: 'fastify' } } };

/** `(request, reply)`. Fastify's request carries `params/query/body/headers/raw.url`. */
export const FASTIFY_PARAMS: readonly ParamRole[] = [{ kind: 'request', shape: NODE_FRAMEWORK_REQUEST }, { kind: 'response' }];

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
