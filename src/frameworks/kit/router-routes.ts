import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import type { ForeignMount, Route, RouteGuard } from '../types';
import { outerExpression } from '../../core/ast';
import { resolveFunction, returnedValues } from '../../core/functions';
import { findObjectProperty, skipTsWrappers, staticValueOf } from '../../core/static';
import { variableFor } from '../../core/variable-index';
import type { FunctionLike } from '../../core/functions';
import type { FileContext } from '../../core/context';

type Variable = TSESLint.Scope.Variable;

/**
 * How a router-style framework (Express, Koa, Hono, Fastify) registers routes and middleware
 * on an instance. The framework files hold these tables; this module turns an instance's
 * method calls into routes with the guards that apply to each.
 */
export interface RouterSpec {
  readonly framework: string;
  /** Route registration methods and the HTTP method each stands for (`del` → `DELETE`). */
  readonly methods: Readonly<Record<string, string>>;
  /** Middleware methods: `use([path,] ...middleware | childRouter)`. */
  readonly use: readonly string[];
  /** Lifecycle hooks that run before handlers: `addHook('onRequest', fn)`. */
  readonly hooks?: { readonly method: string; readonly names: readonly string[] };
  /** Keys of a route's options object whose values run before the handler (`preHandler`). */
  readonly optionGuards?: readonly string[];
  /** Options-object registration: `route({ method, url, handler })`. */
  readonly routeOptions?: { readonly method: string; readonly methodKey: string; readonly pathKey: string; readonly handlerKey: string };
  /** `route('/p').get(h).post(h)` chains. */
  readonly routeChain?: string;
  /** `on('GET', '/p', h)` / `on(['GET', 'POST'], '/p', h)`. */
  readonly onMethod?: string;
  /** Child-router mounts besides `use`: Hono `app.route('/p', child)`, Fastify `register(plugin, { prefix })`. */
  readonly mount?: readonly string[];
  /** Calls on a child router that mount it: Koa `app.use(router.routes())`. */
  readonly mountAccessors?: readonly string[];
  /**
   * Router-level middleware protects only the routes registered after it (Express, Koa, Hono).
   * Fastify hooks apply to every route of their scope, wherever they are added.
   */
  readonly ordered: boolean;
}

/** A router value in the file: the expressions that refer to it. */
export interface RouterInstance {
  /** Identity of the router (its variable, or the creating expression when it has none). */
  readonly key: Variable | TSESTree.Node;
  /** Expressions evaluating to the router, in source order. */
  readonly refs: readonly TSESTree.Node[];
  /** Prefix given at creation: `new Router({ prefix: '/api' })`. */
  readonly prefix?: string | null;
}

interface Use {
  readonly position: number;
  readonly path: string | null;
  /** Route-level middleware (`all('/x', auth)`, `route('/x').all(auth)`) matches its path, not a prefix. */
  readonly exact?: boolean;
  readonly guards: readonly RouteGuard[];
  readonly call: TSESTree.CallExpression;
}

interface Mount {
  readonly parent: RouterInstance;
  readonly position: number;
  readonly path: string | null;
  readonly guards: readonly RouteGuard[];
}

interface PendingRoute {
  readonly instance: RouterInstance;
  readonly call: TSESTree.CallExpression;
  readonly methods: readonly string[];
  readonly path: string | null;
  readonly guards: readonly RouteGuard[];
  readonly handlerExpr: TSESTree.Node | null;
}

const MAX_CHAIN = 50;
const MAX_MOUNT_DEPTH = 4;

/** `ref.<name>(…)`: the call and method name, or `null`. */
function methodCallOn(ref: TSESTree.Node): { call: TSESTree.CallExpression; name: string } | null {
  const node = outerExpression(ref);
  const member = node.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== node || member.computed || member.property.type !== AST_NODE_TYPES.Identifier) {
    return null;
  }
  const call = outerExpression(member).parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || outerExpression(call.callee) !== outerExpression(member)) {
    return null;
  }
  return { call, name: member.property.name };
}

/** The statement (or export) a registration belongs to: where `// agent-guard: public-route` goes. */
export function enclosingStatement(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (
    current.parent &&
    current.parent.type !== AST_NODE_TYPES.Program &&
    current.parent.type !== AST_NODE_TYPES.BlockStatement &&
    current.parent.type !== AST_NODE_TYPES.StaticBlock &&
    current.parent.type !== AST_NODE_TYPES.ClassBody &&
    current.parent.type !== AST_NODE_TYPES.SwitchCase
  ) {
    current = current.parent;
  }
  return current;
}

/** A static string, or `null`. */
function stringOf(context: FileContext, node: TSESTree.Node | undefined): string | null {
  if (!node || node.type === AST_NODE_TYPES.SpreadElement) {
    return null;
  }
  const value = staticValueOf(context, node)?.value;
  return typeof value === 'string' ? value : null;
}

/** Arguments after the path, arrays flattened, spreads dropped. */
function flatten(args: readonly TSESTree.Node[]): TSESTree.Node[] {
  const out: TSESTree.Node[] = [];
  for (const arg of args) {
    const node = skipTsWrappers(arg);
    if (node.type === AST_NODE_TYPES.ArrayExpression) {
      out.push(...flatten(node.elements.filter((e): e is TSESTree.Expression => e !== null && e.type !== AST_NODE_TYPES.SpreadElement)));
    } else if (node.type !== AST_NODE_TYPES.SpreadElement) {
      out.push(node);
    }
  }
  return out;
}

/** Guards held by the keys of a route options object (`{ onRequest: [auth], preHandler: fastify.auth([…]) }`). */
function optionGuards(context: FileContext, spec: RouterSpec, options: TSESTree.Node | undefined): RouteGuard[] {
  const object = options ? skipTsWrappers(options) : null;
  if (object?.type !== AST_NODE_TYPES.ObjectExpression) {
    return [];
  }
  const out: RouteGuard[] = [];
  for (const key of spec.optionGuards ?? []) {
    const found = findObjectProperty(context, object, key);
    if (found.kind === 'found') {
      out.push(...flatten([found.value]).map((node) => ({ node, via: 'hook' as const })));
    }
  }
  return out;
}

/** Whether a path argument is a path (not the first middleware): a string, template, regexp or array. */
function isPathArgument(context: FileContext, node: TSESTree.Node | undefined): boolean {
  if (!node) {
    return false;
  }
  const expr = skipTsWrappers(node);
  return (
    stringOf(context, expr) !== null ||
    expr.type === AST_NODE_TYPES.TemplateLiteral ||
    (expr.type === AST_NODE_TYPES.Literal && 'regex' in expr) ||
    (expr.type === AST_NODE_TYPES.ArrayExpression && expr.elements.length > 0 && expr.elements.every((e) => e !== null && isPathArgument(context, e)))
  );
}

/** Route registration details of one call: methods, path, middleware, handler. */
function routeOf(context: FileContext, spec: RouterSpec, instance: RouterInstance, call: TSESTree.CallExpression, name: string, chainPath?: string | null): PendingRoute | null {
  const args = call.arguments;
  if (spec.routeOptions && name === spec.routeOptions.method && chainPath === undefined) {
    const options = args[0] ? skipTsWrappers(args[0]) : null;
    if (options?.type !== AST_NODE_TYPES.ObjectExpression) {
      return null;
    }
    const method = findObjectProperty(context, options, spec.routeOptions.methodKey);
    const url = findObjectProperty(context, options, spec.routeOptions.pathKey);
    const handler = findObjectProperty(context, options, spec.routeOptions.handlerKey);
    const methodValue = method.kind === 'found' ? staticValueOf(context, method.value)?.value : undefined;
    const methods = typeof methodValue === 'string' ? [methodValue.toUpperCase()] : Array.isArray(methodValue) ? methodValue.map((m) => String(m).toUpperCase()) : ['ALL'];
    return {
      instance,
      call,
      methods,
      path: url.kind === 'found' ? stringOf(context, url.value) : null,
      guards: optionGuards(context, spec, options),
      handlerExpr: handler.kind === 'found' ? handler.value : null,
    };
  }
  let methods: string[];
  let rest: readonly TSESTree.Node[];
  let path: string | null;
  if (spec.onMethod && name === spec.onMethod && chainPath === undefined) {
    const value = args[0] ? staticValueOf(context, args[0])?.value : undefined;
    methods = typeof value === 'string' ? [value.toUpperCase()] : Array.isArray(value) ? value.map((m) => String(m).toUpperCase()) : ['ALL'];
    path = stringOf(context, args[1]);
    rest = args.slice(2);
  } else {
    const method = spec.methods[name];
    if (!method) {
      return null;
    }
    methods = [method];
    if (chainPath !== undefined) {
      path = chainPath;
      rest = args;
    } else {
      // `router.get('name', '/path', h)` (koa-router named routes) or `app.get('/path', h)`.
      const named = isPathArgument(context, args[0]) && isPathArgument(context, args[1]);
      const pathIndex = named ? 1 : 0;
      if (!isPathArgument(context, args[pathIndex])) {
        return null;
      }
      path = stringOf(context, args[pathIndex]);
      rest = args.slice(pathIndex + 1);
    }
  }
  const flat = flatten(rest);
  if (flat.length === 0) {
    return null;
  }
  const guards: RouteGuard[] = [];
  let handlerExpr: TSESTree.Node | null = flat.at(-1)!;
  for (const node of flat.slice(0, -1)) {
    if (node.type === AST_NODE_TYPES.ObjectExpression) {
      guards.push(...optionGuards(context, spec, node));
    } else {
      guards.push({ node, via: 'argument' });
    }
  }
  if (handlerExpr.type === AST_NODE_TYPES.ObjectExpression) {
    // Fastify `get('/x', { preHandler, handler })`.
    guards.push(...optionGuards(context, spec, handlerExpr));
    const handler = spec.routeOptions ? findObjectProperty(context, handlerExpr, spec.routeOptions.handlerKey) : null;
    handlerExpr = handler?.kind === 'found' ? handler.value : null;
  }
  return { instance, call, methods, path, guards, handlerExpr };
}

/** Functions that handle the request, and wrapper calls around them: `withAuth(async (req) => …)`. */
export function unwrapHandler(context: FileContext, expr: TSESTree.Node | null, depth = 0): { fns: FunctionLike[]; wrappers: RouteGuard[] } {
  if (!expr || depth > 3) {
    return { fns: [], wrappers: [] };
  }
  const node = skipTsWrappers(expr);
  const fn = resolveFunction(context, node);
  if (fn) {
    return { fns: [fn], wrappers: [] };
  }
  let call: TSESTree.Node = node;
  if (node.type === AST_NODE_TYPES.Identifier) {
    const variable = variableFor(context, node);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    // `const h = withAuth(fn)`; not `const { list } = require('./controller')`, whose call is no wrapper.
    if (def?.type === 'Variable' && def.node.init && def.parent.kind === 'const' && def.node.id.type === AST_NODE_TYPES.Identifier) {
      call = skipTsWrappers(def.node.init);
    }
  }
  if (call.type === AST_NODE_TYPES.AwaitExpression) {
    call = skipTsWrappers(call.argument);
  }
  if (call.type !== AST_NODE_TYPES.CallExpression) {
    return { fns: [], wrappers: [] };
  }
  const wrappers: RouteGuard[] = [{ node: call, via: 'wrapper' }];
  const fns: FunctionLike[] = [];
  for (const arg of call.arguments) {
    const inner = unwrapHandler(context, arg, depth + 1);
    fns.push(...inner.fns);
    wrappers.push(...inner.wrappers);
  }
  return { fns, wrappers };
}

/** Joins a mount prefix and a route path: `/admin` + `/users` → `/admin/users`. */
export function joinPaths(prefix: string | null, path: string | null): string | null {
  if (prefix === null || path === null) {
    return path === null ? null : prefix === null ? path : `${prefix}${path}`;
  }
  const left = prefix.replace(/\/+$/u, '');
  const right = path === '/' ? '' : path.startsWith('/') ? path : `/${path}`;
  return `${left}${right}` || '/';
}

/** Whether middleware mounted at `usePath` runs for `path` (prefix semantics; `/*` globs as in Hono). */
function pathCovers(usePath: string | null, path: string | null): boolean {
  if (usePath === null || path === null || isCatchAll(usePath)) {
    return true;
  }
  const prefix = usePath.replace(/\/?\*+$/u, '').replace(/\/+$/u, '');
  if (prefix === '' || prefix === '*') {
    return true;
  }
  return path === prefix || path.startsWith(`${prefix}/`) || (/[^/*]\*+$/u.test(usePath) && path.startsWith(prefix));
}

/**
 * Whether route-level middleware registered for `usePath` runs for `path`: the same path, or
 * the part before a wildcard (`/api/*`, `/api/(.*)`, `/api/{*rest}`) as a prefix.
 */
function pathMatches(usePath: string | null, path: string | null): boolean {
  if (usePath === null || path === null || isCatchAll(usePath)) {
    return true;
  }
  const star = usePath.search(/\*|\(\.\*\)|\{\*/u);
  if (star >= 0) {
    return pathCovers(`${usePath.slice(0, star).replace(/\/+$/u, '')}/*`, path);
  }
  const trim = (p: string): string => p.replace(/\/+$/u, '') || '/';
  return trim(usePath) === trim(path);
}

/** Whether a handler expression is a function that calls one of its later parameters (`next`). */
function callsNext(context: FileContext, expr: TSESTree.Node | null): boolean {
  const fn = expr ? resolveFunction(context, skipTsWrappers(expr)) : null;
  if (!fn || fn.params.length < 2) {
    return false;
  }
  return context.sourceCode
    .getDeclaredVariables(fn)
    .some(
      (variable) =>
        variable.defs.some((def) => def.type === 'Parameter' && fn.params.indexOf(def.name as TSESTree.Parameter) > 0) &&
        variable.references.some((ref) => ref.identifier.parent?.type === AST_NODE_TYPES.CallExpression && ref.identifier.parent.callee === ref.identifier),
    );
}

function formatLabel(methods: readonly string[], path: string | null): string {
  return `${methods.join('/')} ${path ?? '(dynamic path)'}`;
}

interface RouterIndex {
  readonly uses: Map<RouterInstance, Use[]>;
  readonly mounts: Map<RouterInstance, Mount[]>;
  readonly pending: PendingRoute[];
}

/** Reads every call on every instance once: routes, middleware, hooks, mounts. */
function indexCalls(context: FileContext, spec: RouterSpec, instances: readonly RouterInstance[], lookupInstance: (node: TSESTree.Node) => RouterInstance | null): RouterIndex {
  const uses = new Map<RouterInstance, Use[]>();
  const mounts = new Map<RouterInstance, Mount[]>();
  const pending: PendingRoute[] = [];
  const addUse = (instance: RouterInstance, use: Use): void => {
    const list = uses.get(instance) ?? [];
    list.push(use);
    uses.set(instance, list);
  };
  const addMount = (child: RouterInstance, mount: Mount): void => {
    const list = mounts.get(child) ?? [];
    list.push(mount);
    mounts.set(child, list);
  };
  const queue = [...instances];
  const plugins = new Map<Variable, RouterInstance>();
  const childOf = (node: TSESTree.Node, plugin: boolean): RouterInstance | null => {
    const direct = lookupInstance(node);
    if (direct) {
      return direct;
    }
    const found = node.type === AST_NODE_TYPES.CallExpression ? methodCallOnCallee(node) : null;
    if (found && spec.mountAccessors?.includes(found.name)) {
      return lookupInstance(found.object);
    }
    const made = factoryInstance(context, node, lookupInstance);
    if (made) {
      return made;
    }
    // A plugin function (`app.register(async (child) => { child.get(…) })`): its first parameter is a child router.
    // Only for mounts: a function given to `use` is middleware (Hono `app.use(async (c, next) => …)`).
    const fn = plugin ? resolveFunction(context, node) : null;
    const param = fn?.params[0];
    const variable = param?.type === AST_NODE_TYPES.Identifier ? context.sourceCode.getDeclaredVariables(fn!).find((v) => v.name === param.name) : undefined;
    if (!variable) {
      return null;
    }
    let child = plugins.get(variable) ?? lookupInstance(param!);
    if (!child) {
      child = instanceFromVariable(variable);
      plugins.set(variable, child);
      if (queue.length < 64) {
        queue.push(child);
      }
    }
    return child;
  };
  for (let i = 0; i < queue.length; i++) {
    const instance = queue[i]!;
    for (const ref of instance.refs) {
      let current = methodCallOn(ref);
      let chainPath: string | null | undefined;
      for (let hops = 0; current && hops < MAX_CHAIN; hops++) {
        const { call, name } = current;
        const position = positionOf(call);
        if (spec.routeChain === name && chainPath === undefined) {
          chainPath = stringOf(context, call.arguments[0]);
        } else if (spec.use.includes(name) && chainPath === undefined) {
          const hasPath = isPathArgument(context, call.arguments[0]);
          const path = hasPath ? stringOf(context, call.arguments[0]) : null;
          const guards: RouteGuard[] = [];
          const children: RouterInstance[] = [];
          for (const node of flatten(call.arguments.slice(hasPath ? 1 : 0))) {
            const child = childOf(node, false);
            if (child) {
              children.push(child);
            } else {
              guards.push({ node, via: 'router' });
            }
          }
          for (const child of children) {
            addMount(child, { parent: instance, position, path, guards });
          }
          addUse(instance, { position, path, guards, call });
        } else if (spec.mount?.includes(name) && chainPath === undefined) {
          const first = call.arguments[0];
          const pathArg = isPathArgument(context, first) ? first : undefined;
          const child = first && !pathArg ? childOf(first, true) : call.arguments[1] ? childOf(call.arguments[1], true) : null;
          const options = pathArg ? undefined : call.arguments[1];
          const prefixNode = options && skipTsWrappers(options).type === AST_NODE_TYPES.ObjectExpression ? findObjectProperty(context, skipTsWrappers(options) as TSESTree.ObjectExpression, 'prefix') : null;
          const path = pathArg ? stringOf(context, pathArg) : prefixNode?.kind === 'found' ? stringOf(context, prefixNode.value) : null;
          if (child) {
            addMount(child, { parent: instance, position, path, guards: [] });
          }
        } else if (spec.hooks?.method === name && chainPath === undefined) {
          const hook = stringOf(context, call.arguments[0]);
          if (hook !== null && spec.hooks.names.includes(hook)) {
            addUse(instance, { position: spec.ordered ? position : -1, path: null, guards: flatten(call.arguments.slice(1)).map((node) => ({ node, via: 'hook' as const })), call });
          }
        } else {
          const route = routeOf(context, spec, instance, call, name, chainPath);
          // `all` handlers that call `next()` are middleware for the later routes of their path:
          // `app.all('*', requireAuth)`, `route('/p').all(auth).get(h)`.
          const asMiddleware = route !== null && spec.ordered && (name === 'all' || name === 'use');
          // A function that hands over to `next()` is middleware, not an endpoint: `route('/x').all((req, res, next) => …)`.
          if (route && !(asMiddleware && (isCatchAll(route.path) || callsNext(context, route.handlerExpr)))) {
            pending.push(route);
          }
          if (route && asMiddleware) {
            addUse(instance, { position, path: route.path, exact: true, guards: [...route.guards, ...(route.handlerExpr ? [{ node: route.handlerExpr, via: 'router' as const }] : [])], call });
          }
        }
        current = methodCallOn(call);
      }
    }
  }
  return { uses, mounts, pending };
}

/**
 * Where a call sits in registration order: its method name, so that the calls of one chain
 * (`route('/x').all(auth).get(h)`, which all start at `route`) are ordered too.
 */
function positionOf(call: TSESTree.CallExpression): number {
  const callee = skipTsWrappers(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression ? callee.property.range[0] : call.range[0];
}

/** `*`, `/*`, `(.*)`, `/(.*)`, `*splat`: a path that matches every request. */
function isCatchAll(path: string | null): boolean {
  return path !== null && /^\/?(?:\*\w*|\(\.\*\))$/u.test(path);
}

function methodCallOnCallee(call: TSESTree.CallExpression): { object: TSESTree.Node; name: string } | null {
  const callee = skipTsWrappers(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier
    ? { object: callee.object, name: callee.property.name }
    : null;
}

interface Inherited {
  readonly prefix: string | null;
  readonly guards: RouteGuard[];
  /** The router at the top of this chain of mounts: nothing in the file mounts it. */
  readonly root: RouterInstance;
}

/** Guards and prefix a router inherits from where it is mounted (`app.use('/admin', auth, admin)`). */
function inherited(index: RouterIndex, spec: RouterSpec, instance: RouterInstance, depth = 0): Inherited[] {
  const mounts = index.mounts.get(instance);
  if (!mounts || depth > MAX_MOUNT_DEPTH) {
    return [{ prefix: null, guards: [], root: instance }];
  }
  const out: Inherited[] = [];
  for (const mount of mounts) {
    for (const above of inherited(index, spec, mount.parent, depth + 1)) {
      const prefix = joinPaths(joinPaths(above.prefix, mount.parent.prefix ?? null), mount.path);
      const parentUses = (index.uses.get(mount.parent) ?? []).filter(
        (use) => (!spec.ordered || use.position < mount.position) && use.guards !== mount.guards && pathCovers(use.path, mount.path ?? null),
      );
      out.push({ prefix, guards: [...above.guards, ...parentUses.flatMap((use) => use.guards), ...mount.guards], root: above.root });
    }
  }
  return out;
}

/**
 * The declaration another file would import to mount a router that nothing in this file
 * mounts: the plugin function whose first parameter it is (`export default async function
 * routes(fastify)`), the variable's identifier (`const router = Router()`), or the creating
 * expression of an unnamed one (`export default new Hono()`).
 */
function rootDeclaration(instance: RouterInstance): TSESTree.Node | undefined {
  const key = instance.key as Variable | TSESTree.Node;
  if (!('defs' in key)) {
    return key;
  }
  const def = key.defs[0];
  if (def?.type === 'Parameter' && def.node.params[0] === def.name) {
    return def.node as TSESTree.Node;
  }
  return def?.type === 'Variable' ? (def.name as TSESTree.Node) : undefined;
}

/**
 * The routes registered on `instances` with every guard that applies to each: route
 * arguments, earlier `use` middleware of the router and of the routers it is mounted on,
 * hooks, wrappers around the handler.
 * @example
 * const admin = express.Router(); admin.use(requireAdmin); admin.get('/users', list);
 * app.use('/admin', requireAuth, admin); // -> GET /admin/users guarded by requireAuth, requireAdmin
 */
export function routerRoutes(
  context: FileContext,
  spec: RouterSpec,
  instances: readonly RouterInstance[],
  lookupInstance: (node: TSESTree.Node) => RouterInstance | null,
): Route[] {
  const index = indexCalls(context, spec, instances, lookupInstance);
  const routes: Route[] = [];
  for (const route of index.pending) {
    const own = (index.uses.get(route.instance) ?? []).filter(
      (use) => use.call !== route.call && (!spec.ordered || use.position < positionOf(route.call)) && (use.exact ? pathMatches(use.path, route.path) : pathCovers(use.path, route.path)),
    );
    const { fns, wrappers } = unwrapHandler(context, route.handlerExpr);
    const handlerExpr = route.handlerExpr ? skipTsWrappers(route.handlerExpr) : null;
    // `router.get('/:id', getContractById)` with the controller imported: nothing to judge here.
    const external =
      fns.length === 0 && wrappers.length === 0 && (handlerExpr?.type === AST_NODE_TYPES.Identifier || handlerExpr?.type === AST_NODE_TYPES.MemberExpression) ? [handlerExpr] : null;
    for (const above of inherited(index, spec, route.instance)) {
      const path = joinPaths(above.prefix, joinPaths(route.instance.prefix ?? null, route.path));
      const callee = skipTsWrappers(route.call.callee);
      routes.push({
        framework: spec.framework,
        method: route.methods.join('/'),
        path,
        label: formatLabel(route.methods, path),
        handlers: fns,
        guards: [...above.guards, ...own.flatMap((use) => use.guards), ...route.guards, ...wrappers],
        node: callee.type === AST_NODE_TYPES.MemberExpression ? callee.property : route.call,
        statement: enclosingStatement(route.call),
        ...(external ? { externalHandlers: external } : {}),
        ...withRoot(above.root),
      });
    }
  }
  return routes;
}

function withRoot(root: RouterInstance): { mountRoot?: TSESTree.Node } {
  const declaration = rootDeclaration(root);
  return declaration ? { mountRoot: declaration } : {};
}

/**
 * Mounts of values defined in another file (`refs`: this file's references to an imported
 * router, plugin or sub-app) on the routers `instances`, with the prefix and guards each
 * mount inherits in this file: `app.use('/api/x', requireAuth, xRouter)`,
 * `fastify.register(plugin, { prefix })` inside a scope with an `onRequest` hook,
 * `app.route('/api', sub)` after `app.use('/api/*', auth)`, `router.use('/p', child.routes())`.
 */
export function foreignMounts(
  context: FileContext,
  spec: RouterSpec,
  instances: readonly RouterInstance[],
  lookupInstance: (node: TSESTree.Node) => RouterInstance | null,
  refs: readonly TSESTree.Node[],
): ForeignMount[] {
  const foreign = new Map<TSESTree.Node, RouterInstance>(refs.map((ref) => [ref, { key: ref, refs: [] }]));
  const lookup = (node: TSESTree.Node): RouterInstance | null => lookupInstance(node) ?? foreign.get(skipTsWrappers(node)) ?? null;
  const index = indexCalls(context, spec, instances, lookup);
  const out: ForeignMount[] = [];
  for (const pseudo of foreign.values()) {
    if (!index.mounts.has(pseudo)) {
      continue;
    }
    for (const above of inherited(index, spec, pseudo)) {
      out.push({ prefix: above.prefix, guards: above.guards, ...withRoot(above.root) });
    }
  }
  return out;
}

/**
 * The router a call of a factory of this file returns: `app.use('/keys', requireAuth, keysRouter(db))`
 * with `function keysRouter(db) { const router = express.Router(); …; return router; }`. Its routes
 * inherit the prefix and guards of the mount; `null` when the call is no such factory's.
 */
function factoryInstance(context: FileContext, node: TSESTree.Node, lookupInstance: (node: TSESTree.Node) => RouterInstance | null): RouterInstance | null {
  const call = skipTsWrappers(node);
  const fn = call.type === AST_NODE_TYPES.CallExpression ? resolveFunction(context, call.callee) : null;
  if (!fn) {
    return null;
  }
  for (const value of returnedValues(context, fn)) {
    const instance = lookupInstance(value);
    if (instance) {
      return instance;
    }
  }
  return null;
}

/** The instance references of a router created by `creation` (`const app = express()`). */
export function instanceFromCreation(context: FileContext, creation: TSESTree.Node): RouterInstance {
  let top = creation;
  while (top.parent && (top.parent.type === AST_NODE_TYPES.AwaitExpression || top.parent.type === AST_NODE_TYPES.TSAsExpression || top.parent.type === AST_NODE_TYPES.TSNonNullExpression)) {
    top = top.parent;
  }
  const declarator = top.parent;
  if (declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.init === top && declarator.id.type === AST_NODE_TYPES.Identifier) {
    const variable = context.sourceCode.getDeclaredVariables(declarator)[0];
    if (variable) {
      return instanceFromVariable(variable, [creation]);
    }
  }
  return { key: creation, refs: [creation] };
}

/** The instance whose references are the reads of `variable` (`app` received as a parameter). */
export function instanceFromVariable(variable: Variable, extra: readonly TSESTree.Node[] = []): RouterInstance {
  const refs = [...extra, ...variable.references.filter((ref) => ref.isRead()).map((ref) => ref.identifier as TSESTree.Node)];
  return { key: variable, refs };
}

/** Finds which instance an expression denotes, by variable. */
export function instanceLookup(context: FileContext, instances: readonly RouterInstance[]): (node: TSESTree.Node) => RouterInstance | null {
  const byKey = new Map<unknown, RouterInstance>(instances.map((i) => [i.key, i]));
  return (node) => {
    const expr = skipTsWrappers(node);
    if (expr.type !== AST_NODE_TYPES.Identifier) {
      return byKey.get(expr) ?? null;
    }
    const variable = variableFor(context, expr);
    return variable ? (byKey.get(variable) ?? null) : null;
  };
}
