import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { exportedFunctions, hasDirective, normalizedFilename } from '../analysis/functions';
import { FETCH_REQUEST, NODE_FRAMEWORK_REQUEST } from './shapes';
import type { AdapterContext, FrameworkAdapter, FunctionLike, HandlerBinding, InputShape, ParamRole } from './types';

/** HTTP method exports of an App Router `route.ts`. */
export const NEXT_ROUTE_EXPORTS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

const ROUTE_FILE = /\/app\/(?:.+\/)?route\.[cm]?[jt]sx?$/u;
const PAGE_FILE = /\/app\/(?:.+\/)?(?:page|layout|default)\.[cm]?[jt]sx?$/u;
const PAGES_API_FILE = /\/pages\/api\/.+\.[cm]?[jt]sx?$/u;

/** The second argument of a route handler: `{ params }` (a Promise since Next 15). */
const ROUTE_CONTEXT: InputShape = { properties: { params: 'input' } };
/** Page/layout props and `generateMetadata` argument. */
const PAGE_PROPS: InputShape = { properties: { params: 'input', searchParams: 'input' } };

const ROUTE_PARAMS: readonly ParamRole[] = [
  { kind: 'request', shape: FETCH_REQUEST },
  { kind: 'request', shape: ROUTE_CONTEXT },
];

/** Server Action parameters: every argument comes from the client. */
function actionParams(fn: FunctionLike): ParamRole[] {
  return fn.params.map((param) => ({
    kind: 'input' as const,
    description: `${param.type === AST_NODE_TYPES.Identifier ? param.name : 'argument'} (Server Action argument)`,
  }));
}

/**
 * Next.js: App Router `route.ts` method exports, Pages Router `pages/api/**` default
 * exports, `page`/`layout` props, and Server Actions (`'use server'` files and functions).
 */
export const next: FrameworkAdapter = {
  name: 'next',
  responses: {
    // The Pages API `res` is Express-like: the express facet's methods apply to it.
    names: [],
    calls: [
      { module: 'next/server', path: ['NextResponse', 'json'], payload: [0], statusInitArg: 1 },
      { module: 'next/server', path: ['NextResponse'], construct: true, payload: [0], statusInitArg: 1 },
      { module: null, path: ['Response', 'json'], payload: [0], statusInitArg: 1 },
      { module: null, path: ['Response'], construct: true, payload: [0], statusInitArg: 1 },
    ],
    actionDirective: 'use server',
  },
  *findHandlers(context: AdapterContext): Generator<HandlerBinding> {
    const filename = normalizedFilename(context);
    const program = context.sourceCode.ast;
    const isActionFile = hasDirective(program.body, 'use server');
    const isRoute = ROUTE_FILE.test(filename);
    const isPage = PAGE_FILE.test(filename);
    const isPagesApi = PAGES_API_FILE.test(filename);
    if (!isActionFile && !isRoute && !isPage && !isPagesApi) {
      return;
    }
    for (const [name, fn] of exportedFunctions(context)) {
      if (isActionFile) {
        yield { framework: 'next', fn, params: actionParams(fn), registration: fn };
      } else if (isRoute && NEXT_ROUTE_EXPORTS.includes(name)) {
        yield { framework: 'next', fn, params: ROUTE_PARAMS, registration: fn };
      } else if (isPage && (name === 'default' || name === 'generateMetadata')) {
        yield { framework: 'next', fn, params: [{ kind: 'request', shape: PAGE_PROPS }], registration: fn };
      } else if (isPagesApi && name === 'default') {
        yield {
          framework: 'next',
          fn,
          params: [{ kind: 'request', shape: NODE_FRAMEWORK_REQUEST }, { kind: 'response' }],
          registration: fn,
        };
      }
    }
  },
  classifyFunction(_context: AdapterContext, fn: FunctionLike): HandlerBinding | null {
    // An inline Server Action: `async function save(formData) { 'use server'; … }`.
    if (fn.body.type === AST_NODE_TYPES.BlockStatement && hasDirective(fn.body.body, 'use server')) {
      return { framework: 'next', fn, params: actionParams(fn), registration: fn };
    }
    return null;
  },
};
