import type { TSESTree } from '@typescript-eslint/utils';

import { handlerFunctionsOf } from '../analysis/functions';
import { CALL, iterateModuleReferences } from '../analysis/modules';
import type { TraceMap } from '../analysis/modules';
import { NODE_REQUEST } from './shapes';
import type { AdapterContext, FrameworkAdapter, HandlerBinding, InputCall, InputShape } from './types';

/** h3's `event`: most input is read through the utilities below; these are the direct reads. */
export const H3_EVENT: InputShape = {
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
  inputCalls: H3_INPUT_FUNCTIONS.flatMap((path): InputCall[] => [{ module: 'h3', path }, { module: null, path }]),
  *findHandlers(context: AdapterContext): Generator<HandlerBinding> {
    // Nuxt and Nitro auto-import the factories: globals count as well as `h3` imports.
    const refs = iterateModuleReferences(context, { h3: FACTORY_MAP }, FACTORY_MAP);
    for (const ref of refs) {
      const call = ref.node as TSESTree.CallExpression;
      for (const fn of handlerFunctionsOf(context, call.arguments.slice(0, 1))) {
        yield { framework: 'h3', fn, params: [{ kind: 'request', shape: H3_EVENT }], registration: call };
      }
    }
  },
};
