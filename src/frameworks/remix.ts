import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { exportedBindings, hasDefaultExport } from './kit/exported-bindings';
import { normalizedFilename } from '../core/functions';
import { routeDispatcher } from './kit/route-dispatchers';
import { unwrapHandler } from './kit/router-routes';
import { FETCH_REQUEST } from './shapes';
import type { AdapterContext, FrameworkAdapter, HandlerBinding, InputShape, ParamRole, Route } from './types';

/** The argument of a route module's `loader`/`action`: `{ request, params, context }`. */
const REMIX_ARGS: InputShape = { properties: { request: FETCH_REQUEST, params: 'input' } };

const ARGS_PARAMS: readonly ParamRole[] = [{ kind: 'request', shape: REMIX_ARGS }];

/** A module under `app/routes/`: the part after the last `app/routes/`, extension dropped. */
const ROUTES_DIR = /^.*\/app\/routes\/(.+)\.[cm]?[jt]sx?$/u;
/** Test and declaration files that sit beside route modules. */
const NOT_A_ROUTE = /(?:\.(?:test|spec|stories)\.[cm]?[jt]sx?|\.d\.[cm]?ts)$|\/__(?:tests|mocks)__\//u;
/** React Router v7 type generation: `import type { Route } from './+types/product'` marks a route module anywhere. */
const TYPEGEN_IMPORT = /^\.\/\+types\//u;

/** Splits a flat route name on `.` and `/`, keeping `[.]` escapes inside their segment. */
function splitSegments(name: string): string[] {
  const out: string[] = [];
  let current = '';
  let escaped = false;
  for (const char of name) {
    if (char === '[') {
      escaped = true;
    } else if (char === ']') {
      escaped = false;
    }
    if (!escaped && (char === '.' || char === '/')) {
      out.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  out.push(current);
  return out;
}

/**
 * The URL path of a route module from its file under `app/routes/`, by the flat-routes
 * convention of Remix v2 and React Router v7 (`flatRoutes()`), nested folders of Remix v1,
 * and remix-flat-routes `folder+/` prefixes: `.` and `/` separate segments, `$id` → `:id`,
 * `$` → `*`, `_index`/`index`/`route` files name their folder, `_layout` segments are
 * pathless, a trailing `_` only opts out of layout nesting, `(opt)` is optional, `[.]` escapes.
 * @example remixRoutePath('users.$id.tsx') // '/users/:id'
 * @example remixRoutePath('_auth+/login.tsx') // '/login'
 */
export function remixRoutePath(relative: string): string {
  const name = relative.replace(/\.[cm]?[jt]sx?$/u, '').replace(/\+\//gu, '.');
  const raw = splitSegments(name);
  if (raw.length > 1 && (raw.at(-1) === 'route' || raw.at(-1) === 'index' || raw.at(-1) === '_layout')) {
    raw.pop();
  }
  const segments: string[] = [];
  for (const segment of raw) {
    if (segment === '' || segment === '_index' || segment === 'index' || segment.startsWith('_')) {
      continue;
    }
    let text = segment.replace(/_$/u, '');
    const optional = /^\((.*)\)$/u.exec(text);
    if (optional) {
      text = optional[1]!;
    }
    text = text === '$' ? '*' : text.startsWith('$') ? `:${text.slice(1)}` : text;
    segments.push(`${text.replace(/[[\]]/gu, '')}${optional ? '?' : ''}`);
  }
  return `/${segments.join('/')}`;
}

interface RouteModule {
  /** The URL path when the module lives under `app/routes/`, else `null`. */
  readonly path: string | null;
  /** How the module is named in labels when its path is unknown. */
  readonly file: string;
}

/** Whether the file is a Remix / React Router route module, and its path. */
function routeModule(context: AdapterContext): RouteModule | null {
  const filename = normalizedFilename(context);
  if (NOT_A_ROUTE.test(filename)) {
    return null;
  }
  const match = ROUTES_DIR.exec(filename);
  if (match) {
    return { path: remixRoutePath(match[1]!), file: match[1]! };
  }
  const typegen = context.sourceCode.ast.body.some(
    (statement) => statement.type === AST_NODE_TYPES.ImportDeclaration && TYPEGEN_IMPORT.test(statement.source.value),
  );
  return typegen ? { path: null, file: filename.replace(/^.*\/app\//u, 'app/').replace(/^\//u, '') } : null;
}

/**
 * Remix / React Router framework mode route modules. For the request-input tracker, the
 * exported `loader` and `action` receive `{ request, params }`. For the route model, an
 * `action` is a route (`action /users/:id`: any client can POST to it); a `loader` is one
 * only in a resource route (no default export component: `GET /api/users`), because page
 * loaders mostly serve public pages or rely on a parent layout's check no single file shows.
 */
export const remix: FrameworkAdapter = {
  name: 'remix',
  *findHandlers(context: AdapterContext): Generator<HandlerBinding> {
    if (!routeModule(context)) {
      return;
    }
    for (const binding of exportedBindings(context)) {
      if (binding.name === 'loader' || binding.name === 'action') {
        for (const fn of unwrapHandler(context, binding.value).fns) {
          yield { framework: 'remix', fn, params: ARGS_PARAMS, registration: binding.node };
        }
      }
    }
  },
  routes: {
    *findRoutes(context: AdapterContext): Generator<Route> {
      const module = routeModule(context);
      if (!module) {
        return;
      }
      const bindings = exportedBindings(context).filter((b) => b.name === 'loader' || b.name === 'action');
      if (bindings.length === 0) {
        return;
      }
      const resource = !hasDefaultExport(context);
      const where = module.path ?? `(${module.file})`;
      for (const binding of bindings) {
        const isAction = binding.name === 'action';
        if (!isAction && !resource) {
          continue;
        }
        const { fns, wrappers } = unwrapHandler(context, binding.value);
        const dispatcher = routeDispatcher(context, binding.value, fns);
        yield {
          ...(dispatcher ? { publicMarker: dispatcher } : {}),
          framework: 'remix',
          method: isAction ? 'ACTION' : 'GET',
          path: module.path,
          label: `${isAction ? 'action' : 'GET'} ${where}`,
          handlers: fns,
          guards: wrappers,
          node: binding.node,
          statement: binding.statement,
          fileRouted: true,
        };
      }
    },
  },
};
