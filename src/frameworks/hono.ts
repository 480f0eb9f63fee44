import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { CONSTRUCT } from '../core/modules';
import type { TraceMap } from '../core/modules';
import { instanceFromCreation, joinPaths } from './kit/router-routes';
import type { RouterInstance, RouterSpec } from './kit/router-routes';
import { staticValueOf } from '../core/static';
import { FETCH_REQUEST } from './shapes';
import type { AdapterContext, FrameworkAdapter, InputShape, ParamRole } from './types';
import { routerAdapter } from './kit/router-adapter';

/** Hono's context `c`: input is read through `c.req` (`param()`, `query()`, `json()`…). */
const HONO_CONTEXT: InputShape = {
  properties: {
    req: {
      properties: { url: 'input', path: 'input', raw: FETCH_REQUEST },
      methods: {
        param: 'input', query: 'input', queries: 'input', header: 'input', json: 'input', parseBody: 'input',
        formData: 'input', text: 'input', valid: 'input', arrayBuffer: 'input', blob: 'input',
      },
    },
  },
};

/** Hono app methods that register handlers. */
export const HONO_ROUTE_METHODS = ['all', 'delete', 'get', 'on', 'options', 'patch', 'post', 'put', 'use'];

const HONO: Record<string, TraceMap<string>> = {
  hono: { Hono: { [CONSTRUCT]: 'app' } },
  'hono/tiny': { Hono: { [CONSTRUCT]: 'app' } },
  'hono/quick': { Hono: { [CONSTRUCT]: 'app' } },
  '@hono/zod-openapi': { OpenAPIHono: { [CONSTRUCT]: 'app' } },
};

/** Hono: `app.get(path, ...middleware, handler)`, `app.on(method, path, …)`, `app.use(path, mw)`, `app.route(path, child)`. */
export const HONO_ROUTER: RouterSpec = {
  framework: 'hono',
  methods: { all: 'ALL', delete: 'DELETE', get: 'GET', options: 'OPTIONS', patch: 'PATCH', post: 'POST', put: 'PUT' },
  use: ['use'],
  onMethod: 'on',
  mount: ['route'],
  ordered: true,
};

/** An app with its base path: `new Hono().basePath('/api')` (the usual set-up behind Next.js or Vercel). */
function honoInstance(context: AdapterContext, creation: TSESTree.Node): RouterInstance {
  let node = creation;
  let prefix: string | null = null;
  for (let hops = 0; hops < 4; hops++) {
    const member = node.parent;
    const call = member?.parent;
    if (
      member?.type !== AST_NODE_TYPES.MemberExpression ||
      member.object !== node ||
      member.computed ||
      member.property.type !== AST_NODE_TYPES.Identifier ||
      member.property.name !== 'basePath' ||
      call?.type !== AST_NODE_TYPES.CallExpression ||
      call.callee !== member
    ) {
      break;
    }
    const value = call.arguments[0] ? staticValueOf(context, call.arguments[0])?.value : undefined;
    prefix = joinPaths(prefix, typeof value === 'string' ? value : null);
    node = call;
  }
  const instance = instanceFromCreation(context, node);
  return prefix === null ? instance : { ...instance, prefix };
}

export const HONO_PARAMS: readonly ParamRole[] = [{ kind: 'request', shape: HONO_CONTEXT }];

/** Hono apps created in the file (`new Hono()`), including `app.on('GET', path, h)`. */
export const hono: FrameworkAdapter = routerAdapter({
  router: HONO_ROUTER,
  creators: HONO,
  registrationMethods: HONO_ROUTE_METHODS,
  instance: honoInstance,
  params: HONO_PARAMS,
  responses: {
    names: ['c', 'ctx', 'context'],
    contextIsResponse: true,
    methods: {
      json: { payload: [0], statusArg: 1 },
      text: { payload: [0], statusArg: 1 },
      html: { payload: [0], statusArg: 1 },
      body: { payload: [0], statusArg: 1 },
      newResponse: { payload: [0], statusArg: 1 },
    },
    statusMethods: ['status'],
    calls: [{ module: 'hono/http-exception', path: ['HTTPException'], construct: true, payload: [1], ignoreProperties: ['cause'], statusArg: 0 }],
    errorHandlers: [{ kind: 'call', method: 'onError', errorParam: 0, responseParam: 1 }],
  },
});
