import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { pushChildNodes, outerExpression } from '../core/ast';
import { exportedBindings } from './kit/exported-bindings';
import type { ExportedBinding } from './kit/exported-bindings';
import { exportedFunctions, hasDirective, normalizedFilename, textIncludes } from '../core/functions';
import { routeDispatcher } from './kit/route-dispatchers';
import { enclosingStatement, unwrapHandler } from './kit/router-routes';
import { skipTsWrappers } from '../core/static';
import { FETCH_REQUEST, NODE_FRAMEWORK_REQUEST } from './shapes';
import type { AdapterContext, FrameworkAdapter, HandlerBinding, InputShape, ParamRole, Route, RouteGuard } from './types';
import type { FunctionLike } from '../core/functions';
import { wordsOf } from '../core/words';

/** HTTP method exports of an App Router `route.ts`. */
const NEXT_ROUTE_EXPORTS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

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
  routes: {
    findRoutes: nextRoutes,
  },
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

/** App Router route handlers, the part after the last `app/` folder (`src/app` included). */
const APP_ROUTE_PATH = /^.*\/app\/((?:[^/]+\/)*)route\.[cm]?[jt]sx?$/u;
/** Pages Router API routes, the part after the last `pages/api/`. */
const PAGES_API_PATH = /^.*\/pages\/api\/(.+)\.[cm]?[jt]sx?$/u;
/** Test and declaration files that sit beside routes but are not routes. */
const NOT_A_ROUTE = /(?:\.(?:test|spec|stories)\.[cm]?[jt]sx?|\.d\.[cm]?ts)$|\/__(?:tests|mocks)__\//u;
/** Words of a Server Action's name that make it part of signing in or out: public by design. */
const AUTH_FLOW_WORDS = new Set([
  'login', 'logout', 'logon', 'signin', 'signout', 'signup', 'register', 'authenticate', 'forgotpassword', 'resetpassword',
  'verifyemail', 'magiclink', 'otp',
]);

/**
 * The URL path of an App Router route file: route groups `(group)` and parallel-route
 * slots `@slot` are dropped, interception markers `(.)` stripped; `null` for files in
 * private folders (`_lib/route.ts`), which Next.js does not route.
 * @example appRoutePath('/repo/src/app/(admin)/api/users/[id]/route.ts') // '/api/users/[id]'
 */
export function appRoutePath(filename: string): string | null {
  const match = APP_ROUTE_PATH.exec(filename);
  if (!match || NOT_A_ROUTE.test(filename)) {
    return null;
  }
  const segments: string[] = [];
  for (const raw of match[1]!.split('/')) {
    if (raw === '' || raw.startsWith('@') || /^\([^)]*\)$/u.test(raw)) {
      continue;
    }
    if (raw.startsWith('_')) {
      return null;
    }
    segments.push(raw.replace(/^(?:\(\.{1,3}\))+/u, ''));
  }
  return `/${segments.join('/')}`;
}

/**
 * The URL path of a Pages Router API file (`index` files name their folder).
 * @example pagesApiPath('/repo/pages/api/users/[id].ts') // '/api/users/[id]'
 */
export function pagesApiPath(filename: string): string | null {
  const match = PAGES_API_PATH.exec(filename);
  if (!match || NOT_A_ROUTE.test(filename)) {
    return null;
  }
  const rest = match[1]!.replace(/(?:^|\/)index$/u, '');
  return rest === '' ? '/api' : `/api/${rest}`;
}

/** Route guards of an exported value: wrappers (`withAuth(h)`) and, for builder chains, the builder (`authAction.schema(s).action(h)`). */
function exportGuards(fnsAndWrappers: { wrappers: RouteGuard[] }): RouteGuard[] {
  const guards = [...fnsAndWrappers.wrappers];
  for (const wrapper of fnsAndWrappers.wrappers) {
    let callee: TSESTree.Node = wrapper.node.type === AST_NODE_TYPES.CallExpression ? skipTsWrappers(wrapper.node.callee) : wrapper.node;
    let hops = 0;
    // `actionClient.use(mw).schema(s).action(fn)`: the builder at the root of the chain.
    while (hops++ < 20 && callee.type === AST_NODE_TYPES.MemberExpression) {
      const object = skipTsWrappers(callee.object);
      callee = object.type === AST_NODE_TYPES.CallExpression ? skipTsWrappers(object.callee) : object;
    }
    if (hops > 1 && callee.type === AST_NODE_TYPES.Identifier) {
      guards.push({ node: callee, via: 'procedure' });
    }
  }
  return guards;
}

function exportRoute(context: AdapterContext, binding: ExportedBinding, method: string, path: string | null, label: string, fileRouted: boolean): Route {
  const unwrapped = unwrapHandler(context, binding.value);
  // A gateway to another router (`fetchRequestHandler({ router: appRouter })`, Hono's
  // `handle(app)`): the procedures and routes behind it are judged where they are declared.
  const dispatcher = fileRouted ? routeDispatcher(context, binding.value, unwrapped.fns) : null;
  return {
    ...(dispatcher ? { publicMarker: dispatcher } : {}),
    framework: 'next',
    method,
    path,
    label,
    handlers: unwrapped.fns,
    guards: exportGuards(unwrapped),
    node: binding.node,
    statement: binding.statement,
    ...(fileRouted ? { fileRouted } : {}),
  };
}

/**
 * Whether an action's name says it signs users in, up or out (`login`, `signUpAction`,
 * `authenticate`): Next.js Server Actions, SvelteKit form actions.
 */
export function isAuthFlowAction(name: string): boolean {
  return wordsOf(name).some((word) => AUTH_FLOW_WORDS.has(word));
}

function actionRoute(node: TSESTree.Node, name: string | null, handlers: FunctionLike[], guards: RouteGuard[], statement: TSESTree.Node): Route {
  return {
    framework: 'next',
    method: 'ACTION',
    path: null,
    label: `Server Action ${name ?? '(inline)'}`,
    handlers,
    guards,
    node,
    statement,
    ...(name !== null && isAuthFlowAction(name) ? { publicMarker: node } : {}),
  };
}

/** The name an inline action function is known by, and the node naming it. */
function inlineActionName(fn: FunctionLike): { name: string; node: TSESTree.Node } | null {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration || fn.type === AST_NODE_TYPES.FunctionExpression) {
    if (fn.id) {
      return { name: fn.id.name, node: fn.id };
    }
  }
  const parent: TSESTree.Node | undefined = outerExpression(fn).parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) {
    return { name: parent.id.name, node: parent.id };
  }
  if (parent?.type === AST_NODE_TYPES.Property && !parent.computed && parent.key.type === AST_NODE_TYPES.Identifier) {
    return { name: parent.key.name, node: parent.key };
  }
  return null;
}

/** Functions anywhere in the file whose body starts with `'use server'`: inline Server Actions. */
function inlineActions(context: AdapterContext): FunctionLike[] {
  const out: FunctionLike[] = [];
  const stack: TSESTree.Node[] = [context.sourceCode.ast];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (
      (node.type === AST_NODE_TYPES.ArrowFunctionExpression || node.type === AST_NODE_TYPES.FunctionExpression || node.type === AST_NODE_TYPES.FunctionDeclaration) &&
      node.body?.type === AST_NODE_TYPES.BlockStatement &&
      hasDirective(node.body.body, 'use server')
    ) {
      out.push(node);
    }
    pushChildNodes(context.sourceCode, node, stack);
  }
  return out.sort((a, b) => a.range[0] - b.range[0]);
}

/**
 * Next.js endpoints: App Router `route.ts` method exports (`GET /api/users/[id]`), Pages
 * Router `pages/api/**` default exports (`ALL /api/users`), and Server Actions (exports of
 * `'use server'` files and inline `'use server'` functions), which any client can call with
 * a POST whatever page renders them.
 */
function* nextRoutes(context: AdapterContext): Generator<Route> {
  const filename = normalizedFilename(context);
  const program = context.sourceCode.ast;
  const appPath = ROUTE_FILE.test(filename) ? appRoutePath(filename) : null;
  const pagesPath = PAGES_API_FILE.test(filename) ? pagesApiPath(filename) : null;
  if (appPath !== null) {
    for (const binding of exportedBindings(context)) {
      if (NEXT_ROUTE_EXPORTS.includes(binding.name)) {
        yield exportRoute(context, binding, binding.name, appPath, `${binding.name} ${appPath}`, true);
      }
    }
  } else if (pagesPath !== null) {
    const binding = exportedBindings(context).find((b) => b.name === 'default');
    if (binding) {
      const value = binding.value ? skipTsWrappers(binding.value) : null;
      // `export default withAuth(handler)`: report on the wrapper's name, not the whole call.
      const node = binding.node === binding.value && value?.type === AST_NODE_TYPES.CallExpression ? value.callee : binding.node;
      yield exportRoute(context, { ...binding, node }, 'ALL', pagesPath, `ALL ${pagesPath}`, true);
    }
  }
  if (!textIncludes(context, 'use server')) {
    return;
  }
  if (hasDirective(program.body, 'use server')) {
    for (const binding of exportedBindings(context)) {
      const route = exportRoute(context, binding, 'ACTION', null, '', false);
      if (route.handlers.length > 0) {
        yield actionRoute(route.node, binding.name, [...route.handlers], [...route.guards], route.statement);
      }
    }
    return;
  }
  for (const fn of inlineActions(context)) {
    const named = inlineActionName(fn);
    const body = fn.body as TSESTree.BlockStatement;
    const directive = body.body.find((s) => s.type === AST_NODE_TYPES.ExpressionStatement && s.directive === 'use server')!;
    yield actionRoute(named?.node ?? directive, named?.name ?? null, [fn], [], enclosingStatement(fn));
  }
}
