import { handlerFunctionsOf } from '../core/functions';
import { CALL, iterateModuleReferences } from '../core/modules';
import type { TraceMap } from '../core/modules';
import type { TSESTree } from '@typescript-eslint/utils';
import { NODE_REQUEST } from './shapes';
import type { AdapterContext, FrameworkAdapter, HandlerBinding } from './types';

const SERVERS: Record<string, TraceMap<string>> = {
  http: { createServer: { [CALL]: 'createServer' } },
  https: { createServer: { [CALL]: 'createServer' } },
  http2: { createServer: { [CALL]: 'createServer' }, createSecureServer: { [CALL]: 'createServer' } },
};

/** `http.createServer((req, res) => …)` request listeners. */
export const nodeHttp: FrameworkAdapter = {
  name: 'node:http',
  responses: {
    names: ['res', 'response'],
    methods: { end: { payload: [0] }, write: { payload: [0] }, writeHead: { payload: [1], statusArg: 0 } },
    statusMethods: ['writeHead'],
    bodyProperties: ['statusMessage'],
    statusProperties: ['statusCode'],
  },
  *findHandlers(context: AdapterContext): Generator<HandlerBinding> {
    for (const ref of iterateModuleReferences(context, SERVERS)) {
      const call = ref.node as TSESTree.CallExpression;
      for (const fn of handlerFunctionsOf(context, call.arguments)) {
        yield { framework: 'node:http', fn, params: [{ kind: 'request', shape: NODE_REQUEST }, { kind: 'response' }], registration: call };
      }
    }
  },
};
