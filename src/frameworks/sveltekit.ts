import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { exportedFunctions, exportedObject, handlerFunctionsOf, normalizedFilename } from '../core/functions';
import { routeDispatcher } from './kit/route-dispatchers';
import { unwrapHandler } from './kit/router-routes';
import { getPropertyKeyName, staticValueOf } from '../core/static';
import { isAuthFlowAction } from './next';
import { FETCH_REQUEST } from './shapes';
import type { AdapterContext, FrameworkAdapter, HandlerBinding, InputShape, ParamRole, Route } from './types';

/** SvelteKit's `RequestEvent`: `url`, `request`, `params`, `cookies.get()`. */
const SVELTEKIT_EVENT: InputShape = {
  properties: { url: 'input', params: 'input', request: FETCH_REQUEST, cookies: { methods: { get: 'input' } } },
  methods: { getClientAddress: 'input' },
};

const SERVER_FILE = /\/\+server\.[cm]?[jt]s$/u;
const PAGE_SERVER_FILE = /\/\+(?:page|layout)\.server\.[cm]?[jt]s$/u;
const PAGE_ACTIONS_FILE = /\/\+page\.server\.[cm]?[jt]s$/u;
const EVENT_PARAMS: readonly ParamRole[] = [{ kind: 'request', shape: SVELTEKIT_EVENT }];
const ENDPOINT_METHODS = /^(?:GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS|fallback)$/u;

/**
 * The URL path of a SvelteKit route file, from the folder it sits in under `src/routes`
 * (or the last `routes` folder, for a custom `kit.files.routes`): route groups `(app)` are
 * dropped, parameters kept. `src/routes/(app)/api/users/[id]/+server.ts` -> `/api/users/[id]`.
 */
export function svelteKitRoutePath(filename: string): string | null {
  const index = filename.lastIndexOf('/src/routes/');
  const start = index >= 0 ? index + '/src/routes/'.length : filename.lastIndexOf('/routes/') + '/routes/'.length;
  if (start < '/routes/'.length) {
    return null;
  }
  const segments = filename.slice(start).split('/').slice(0, -1).filter((s) => s !== '' && !/^\(.*\)$/u.test(s));
  return `/${segments.join('/')}`;
}

/** The name node of an exported declaration (`export const POST`, `export function POST`, `export { h as POST }`). */
function exportNameNodes(context: AdapterContext): { name: string; node: TSESTree.Node; value: TSESTree.Node; statement: TSESTree.Node }[] {
  const out: { name: string; node: TSESTree.Node; value: TSESTree.Node; statement: TSESTree.Node }[] = [];
  for (const statement of context.sourceCode.ast.body) {
    if (statement.type !== AST_NODE_TYPES.ExportNamedDeclaration) {
      continue;
    }
    const decl = statement.declaration;
    if (decl?.type === AST_NODE_TYPES.FunctionDeclaration && decl.id) {
      out.push({ name: decl.id.name, node: decl.id, value: decl, statement });
    } else if (decl?.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const d of decl.declarations) {
        if (d.id.type === AST_NODE_TYPES.Identifier && d.init) {
          out.push({ name: d.id.name, node: d.id, value: d.init, statement });
        }
      }
    } else if (!statement.source) {
      for (const spec of statement.specifiers) {
        if (spec.type === AST_NODE_TYPES.ExportSpecifier && spec.local.type === AST_NODE_TYPES.Identifier) {
          const name = spec.exported.type === AST_NODE_TYPES.Identifier ? spec.exported.name : String(spec.exported.value);
          out.push({ name, node: spec.exported, value: spec.local, statement });
        }
      }
    }
  }
  return out;
}

/** `export const prerender = true`: GET answers are built once at build time, never per request. */
function prerenderMarker(context: AdapterContext, exports: ReturnType<typeof exportNameNodes>): TSESTree.Node | undefined {
  const entry = exports.find((e) => e.name === 'prerender');
  return entry && staticValueOf(context, entry.value)?.value === true ? entry.node : undefined;
}

/**
 * SvelteKit routes: `+server` method exports (`fallback` answers every method) and each form
 * action of a `+page.server` `actions` object. Page and layout `load` functions are not
 * routes here: they feed pages, and a layout `load` or `hooks.server` `handle` usually
 * guards them, which a linter cannot see from the page.
 */
function findRoutes(context: AdapterContext): Route[] {
  const filename = normalizedFilename(context);
  const isEndpoint = SERVER_FILE.test(filename);
  if (!isEndpoint && !PAGE_ACTIONS_FILE.test(filename)) {
    return [];
  }
  const path = svelteKitRoutePath(filename);
  const shown = path ?? '(dynamic path)';
  const routes: Route[] = [];
  if (isEndpoint) {
    const exports = exportNameNodes(context);
    const prerendered = prerenderMarker(context, exports);
    for (const entry of exports) {
      if (!ENDPOINT_METHODS.test(entry.name)) {
        continue;
      }
      const method = entry.name === 'fallback' ? 'ALL' : entry.name;
      const { fns, wrappers } = unwrapHandler(context, entry.value);
      // `fetchRequestHandler({ router: appRouter })`: a gateway whose procedures are judged where declared.
      const dispatcher = routeDispatcher(context, entry.value, fns);
      const publicMarker = dispatcher ?? (method === 'GET' || method === 'HEAD' ? prerendered : undefined);
      routes.push({
        framework: 'sveltekit',
        method,
        path,
        label: `${method} ${shown}`,
        handlers: fns,
        guards: wrappers,
        node: entry.node,
        statement: entry.statement,
        fileRouted: true,
        ...(publicMarker ? { publicMarker } : {}),
      });
    }
    return routes;
  }
  const actions = exportedObject(context, 'actions');
  const statement = actions ? enclosingExport(actions) : null;
  for (const property of actions?.properties ?? []) {
    if (property.type !== AST_NODE_TYPES.Property) {
      continue;
    }
    const name = getPropertyKeyName(context, property) ?? '(computed)';
    const { fns, wrappers } = unwrapHandler(context, property.value);
    routes.push({
      framework: 'sveltekit',
      method: 'ACTION',
      path,
      label: `action ${name} ${shown}`,
      handlers: fns,
      guards: wrappers,
      node: property.key,
      statement: statement ?? property,
      fileRouted: true,
      // `logout`, `login`, `register` actions sign users in or out: public by design.
      ...(isAuthFlowAction(name) ? { publicMarker: property.key } : {}),
    });
  }
  return routes;
}

function enclosingExport(node: TSESTree.Node): TSESTree.Node | null {
  for (let current: TSESTree.Node | undefined = node; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ExportNamedDeclaration) {
      return current;
    }
  }
  return null;
}

/** SvelteKit endpoints (`+server.ts` method exports) and server `load`/`actions`. */
export const sveltekit: FrameworkAdapter = {
  name: 'sveltekit',
  routes: { findRoutes },
  responses: {
    names: [],
    calls: [
      // `throw error(500, err.message)`: the body (a message or `{ message }`) reaches the client as `$page.error`.
      { module: '@sveltejs/kit', path: ['error'], payload: [1], statusArg: 0 },
      // `return fail(500, { error: err.message })`: the data reaches the page as `form`.
      { module: '@sveltejs/kit', path: ['fail'], payload: [1], statusArg: 0 },
      { module: '@sveltejs/kit', path: ['json'], payload: [0], statusInitArg: 1 },
      { module: '@sveltejs/kit', path: ['text'], payload: [0], statusInitArg: 1 },
    ],
  },
  *findHandlers(context: AdapterContext): Generator<HandlerBinding> {
    const filename = normalizedFilename(context);
    const isEndpoint = SERVER_FILE.test(filename);
    const isPageServer = PAGE_SERVER_FILE.test(filename);
    if (!isEndpoint && !isPageServer) {
      return;
    }
    for (const [name, fn] of exportedFunctions(context)) {
      if (isEndpoint ? /^(?:GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS|fallback)$/u.test(name) : name === 'load') {
        yield { framework: 'sveltekit', fn, params: EVENT_PARAMS, registration: fn };
      }
    }
    const actions = isPageServer ? exportedObject(context, 'actions') : null;
    for (const property of actions?.properties ?? []) {
      if (property.type === 'Property') {
        for (const fn of handlerFunctionsOf(context, [property.value])) {
          yield { framework: 'sveltekit', fn, params: EVENT_PARAMS, registration: property };
        }
      }
    }
  },
};
