import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { iterateInstanceReferences } from './kit/instance-references';
import { CALL, CONSTRUCT } from '../core/modules';
import type { RouterSpec } from './kit/router-routes';
import type { TraceMap } from '../core/modules';
import { NODE_FRAMEWORK_REQUEST } from './shapes';
import type { AdapterContext, FrameworkAdapter, ParamRole } from './types';
import type { FunctionLike } from '../core/functions';
import { routerAdapter } from './kit/router-adapter';

/** Router methods that register handlers (`app.get`, `router.use`, `route('/x').post`). */
export const EXPRESS_ROUTE_METHODS = ['all', 'checkout', 'copy', 'delete', 'get', 'head', 'lock', 'merge', 'mkactivity', 'mkcol', 'move', 'm-search', 'notify', 'options', 'patch', 'post', 'purge', 'put', 'report', 'search', 'subscribe', 'trace', 'unlock', 'unsubscribe', 'use'];

const ROUTE: TraceMap<string> = { route: { [CALL]: 'route' } };

const APPS: Record<string, TraceMap<string>> = {
  express: { [CALL]: 'app', Router: { [CALL]: 'router', [CONSTRUCT]: 'router' } },
  connect: { [CALL]: 'app' },
  router: { [CALL]: 'router' },
  'express-promise-router': { [CALL]: 'router' },
};

/**
 * How Express registers routes: `app.get(path, ...middleware, handler)`, `route(path).get()`,
 * and `use([path,] ...middleware | router)`, which guards only the routes registered after it.
 */
export const EXPRESS_ROUTER: RouterSpec = {
  framework: 'express',
  methods: Object.fromEntries(EXPRESS_ROUTE_METHODS.filter((m) => m !== 'use').map((m) => [m, m.toUpperCase()])),
  use: ['use'],
  routeChain: 'route',
  ordered: true,
};

const REQUEST: ParamRole = { kind: 'request', shape: NODE_FRAMEWORK_REQUEST };
const RESPONSE: ParamRole = { kind: 'response' };

/**
 * Parameter roles of an Express handler, from its arity: `(req, res, next)` or the
 * four-parameter error middleware `(err, req, res, next)`.
 */
export function expressParams(fn: FunctionLike): (ParamRole | undefined)[] {
  return fn.params.length === 4 ? [undefined, REQUEST, RESPONSE, undefined] : [REQUEST, RESPONSE];
}

/** `route(path).get(…)` chains, and calls chained on registrations (`app.get(a).post(b)`). */
function* moreRegistrations(context: AdapterContext, app: TSESTree.Node, calls: readonly TSESTree.CallExpression[]): Generator<TSESTree.CallExpression> {
  const routeChains: TSESTree.CallExpression[] = [];
  for (const route of iterateInstanceReferences(context, app, ROUTE)) {
    routeChains.push(...chained(route.node as TSESTree.CallExpression));
  }
  yield* routeChains;
  for (const call of [...calls, ...routeChains]) {
    yield* chained(call);
  }
}

/** `x.get(a).post(b)`: calls chained on the result of `call`. */
function* chained(call: TSESTree.CallExpression): Generator<TSESTree.CallExpression> {
  let current: TSESTree.Node = call;
  while (
    current.parent?.type === AST_NODE_TYPES.MemberExpression &&
    current.parent.object === current &&
    current.parent.property.type === AST_NODE_TYPES.Identifier &&
    EXPRESS_ROUTE_METHODS.includes(current.parent.property.name) &&
    current.parent.parent.type === AST_NODE_TYPES.CallExpression &&
    current.parent.parent.callee === current.parent
  ) {
    current = current.parent.parent;
    yield current as TSESTree.CallExpression;
  }
}

/** Express, Connect and compatible routers created in the file. */
export const express: FrameworkAdapter = routerAdapter({
  router: EXPRESS_ROUTER,
  creators: APPS,
  registrationMethods: EXPRESS_ROUTE_METHODS,
  // `express.Router` read as a value is not a router.
  isCreation: (reference) => reference.kind !== 'read',
  moreRegistrations,
  params: expressParams,
  responses: {
    names: ['res', 'response', 'resp'],
    methods: {
      send: { payload: [0] },
      json: { payload: [0] },
      jsonp: { payload: [0] },
      end: { payload: [0] },
      write: { payload: [0] },
      render: { payload: [1] },
      writeHead: { payload: [1], statusArg: 0 },
    },
    statusMethods: ['status', 'writeHead'],
    chainMethods: ['set', 'header', 'type', 'contentType', 'cookie', 'clearCookie', 'append', 'vary', 'location', 'links', 'attachment'],
    bodyProperties: ['locals', 'statusMessage'],
    viewLocals: {
      property: 'locals',
      renderMethods: ['render'],
      answerMethods: ['send', 'json', 'jsonp', 'end', 'sendFile', 'sendStatus', 'download', 'redirect'],
      passOnParams: ['next', 'done', 'cb', 'callback'],
    },
    statusProperties: ['statusCode'],
    errorHandlers: [{ kind: 'arity', arity: 4, errorParam: 0, responseParam: 2 }],
    fileMethods: {
      sendFile: { pathArg: 0, optionArgs: [1] },
      sendfile: { pathArg: 0, optionArgs: [1] },
      download: { pathArg: 0, optionArgs: [1, 2] },
    },
  },
});
