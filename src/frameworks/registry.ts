import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { perFile, perFileKey } from '../core/context';
import type { FileContext } from '../core/context';
import { isFunctionLike } from '../core/functions';
import type { FunctionLike } from '../core/functions';
import type { CallTarget } from '../core/modules';
import { methodCallSelector } from '../core/selectors';
import { express } from './express';
import { fastify } from './fastify';
import { generic } from './generic';
import { h3 } from './h3';
import { hono } from './hono';
import { koa } from './koa';
import { nest } from './nest';
import { next } from './next';
import { nodeHttp } from './node-http';
import { remix } from './remix';
import { sveltekit } from './sveltekit';
import { trpc } from './trpc';
import type { ErrorHandlerSpec, FileMethod, ForeignMount, FrameworkAdapter, HandlerBinding, ParamRole, ResponseCall, ResponseFacet, ResponseMethod, Route, ViewLocals } from './types';

/*
 * The adapter list and every index over it. Only this module reads FRAMEWORK_ADAPTERS at
 * load time: the adapters import nothing from here, so module initialisation has one order.
 */

/**
 * Every framework the plugin knows, most specific first: a function found by an
 * import-traced adapter is never re-judged by the name-based `generic` fallback.
 * Adding a framework = one file in this folder + one entry here + its tests.
 */
const FRAMEWORK_ADAPTERS: readonly FrameworkAdapter[] = [express, fastify, koa, hono, next, remix, sveltekit, h3, nest, trpc, nodeHttp, generic];

/** The names of every adapter, for the rules' `frameworks` option. */
export const ADAPTER_NAMES: readonly string[] = FRAMEWORK_ADAPTERS.map((adapter) => adapter.name);

// ---- Handlers: which functions are request handlers, and what their parameters are ----

interface Registry {
  /** Handlers found by the adapters' targeted lookups, once per file. */
  readonly found: Map<FunctionLike, HandlerBinding>;
  /** Functions judged lazily (directives, name-based fallback), memoised. */
  readonly judged: Map<FunctionLike, HandlerBinding | null>;
}

const REGISTRY = perFileKey<Registry>('handler registry');

/** Keeps the first role per parameter when two registrations describe the same function. */
function merge(a: HandlerBinding, b: HandlerBinding): HandlerBinding {
  const length = Math.max(a.params.length, b.params.length);
  const params: (ParamRole | undefined)[] = [];
  for (let i = 0; i < length; i++) {
    params[i] = a.params[i] ?? b.params[i];
  }
  return { ...a, params };
}

function getRegistry(context: FileContext): Registry {
  return perFile(context, REGISTRY, () => {
    const found = new Map<FunctionLike, HandlerBinding>();
    for (const adapter of FRAMEWORK_ADAPTERS) {
      for (const binding of adapter.findHandlers?.(context) ?? []) {
        const existing = found.get(binding.fn);
        found.set(binding.fn, existing ? merge(existing, binding) : binding);
      }
    }
    return { found, judged: new Map() };
  });
}

/**
 * Whether `fn` is a request handler, and what its parameters are.
 * @example app.get('/f', (req, res) => {}) // -> { framework: 'express', params: [request, response] }
 */
function getHandlerBinding(context: FileContext, fn: FunctionLike): HandlerBinding | null {
  const registry = getRegistry(context);
  const found = registry.found.get(fn);
  if (found) {
    return found;
  }
  if (registry.judged.has(fn)) {
    return registry.judged.get(fn)!;
  }
  let binding: HandlerBinding | null = null;
  for (const adapter of FRAMEWORK_ADAPTERS) {
    binding = adapter.classifyFunction?.(context, fn) ?? null;
    if (binding) {
      break;
    }
  }
  registry.judged.set(fn, binding);
  return binding;
}

/** The role and framework of parameter `index` of `fn`, or `null` when it is not request-related. */
export function getParamRole(context: FileContext, fn: FunctionLike, index: number): { role: ParamRole; framework: string } | null {
  const binding = getHandlerBinding(context, fn);
  const role = binding?.params[index];
  return binding && role ? { role, framework: binding.framework } : null;
}

/** The innermost request handler containing `node` (closures inside handlers count), or `null`. */
export function findEnclosingHandler(context: FileContext, node: TSESTree.Node): HandlerBinding | null {
  for (let current: TSESTree.Node | undefined = node.parent; current; current = current.parent) {
    if (isFunctionLike(current)) {
      const binding = getHandlerBinding(context, current);
      if (binding) {
        return binding;
      }
    }
  }
  return null;
}

const inputCallIndex = new Map<string, string>();
for (const adapter of FRAMEWORK_ADAPTERS) {
  for (const call of adapter.inputCalls ?? []) {
    inputCallIndex.set(`${call.module ?? ''}#${call.path}`, adapter.name);
  }
}

/** The framework whose input function a call target is (`h3`'s `getQuery`), or `null`. */
export function inputCallFramework(target: CallTarget): string | null {
  return inputCallIndex.get(`${target.module ?? ''}#${target.path.join('.') || 'default'}`) ?? null;
}

// ---- Routes: what the file exposes ----

/** Method names of member calls some adapter wants to judge lazily (`x.get(…)` on an untraced `x`). */
const CALL_METHODS = new Set(FRAMEWORK_ADAPTERS.flatMap((adapter) => adapter.routes?.callMethods ?? []));

/**
 * The selector of the calls `isRouteCandidate` may accept: ESLint calls a rule's listener only for
 * those (`app.get(…)`, `router.route(…)`), not for every call of the file.
 */
export const ROUTE_CANDIDATE_SELECTOR = methodCallSelector(CALL_METHODS);

/**
 * Whether a call may register a route on a receiver no import explains, so that a rule
 * collects it with a cheap selector (`ROUTE_CANDIDATE_SELECTOR`) and hands it to `getRoutes`.
 */
export function isRouteCandidate(call: TSESTree.CallExpression): boolean {
  const callee = call.callee;
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    !callee.computed &&
    callee.property.type === AST_NODE_TYPES.Identifier &&
    CALL_METHODS.has(callee.property.name) &&
    call.arguments.length > 0
  );
}

/**
 * Every route the file exposes, from the framework adapters' route facets: the targeted
 * lookups of each adapter (imports, file routing, decorators), then the candidate calls
 * the lookups did not explain, judged by the adapters' `routeOfCall`. A registration
 * judged lazily is skipped when a lookup already found it.
 */
export function getRoutes(context: FileContext, candidates: readonly TSESTree.CallExpression[]): Route[] {
  const routes: Route[] = [];
  const seen = new Set<TSESTree.Node>();
  const add = (route: Route): void => {
    seen.add(route.node);
    routes.push(route);
  };
  for (const adapter of FRAMEWORK_ADAPTERS) {
    for (const route of adapter.routes?.findRoutes?.(context) ?? []) {
      add(route);
    }
  }
  for (const call of candidates) {
    const callee = call.callee as TSESTree.MemberExpression;
    if (seen.has(callee.property)) {
      continue;
    }
    for (const adapter of FRAMEWORK_ADAPTERS) {
      const route = adapter.routes?.routeOfCall?.(context, call);
      if (route) {
        add(route);
        break;
      }
    }
  }
  return routes;
}

/**
 * Where the file mounts a router, plugin or sub-app of `framework` defined in another file,
 * given the file's references to it (the identifiers of its import): prefixes and guards.
 * @example foreignMounts(appJs, 'express', [contractsRouterRef]) // app.use('/api/contracts', contractsRouter) -> [{ prefix: '/api/contracts', guards: [] }]
 */
export function foreignMounts(context: FileContext, framework: string, refs: readonly TSESTree.Node[]): ForeignMount[] {
  const adapter = FRAMEWORK_ADAPTERS.find((candidate) => candidate.name === framework);
  return refs.length === 0 ? [] : (adapter?.routes?.foreignMounts?.(context, refs) ?? []);
}

// ---- Responses: how each framework answers a request ----

/** The response facets of every framework adapter. */
const RESPONSE_FACETS: readonly ResponseFacet[] = FRAMEWORK_ADAPTERS.flatMap((a) => (a.responses ? [a.responses] : []));
/** Frameworks whose context parameter (`ctx`, `c`) is also the response. */
export const CONTEXT_RESPONSES: ReadonlySet<string> = new Set(FRAMEWORK_ADAPTERS.filter((a) => a.responses?.contextIsResponse).map((a) => a.name));

/** Every framework's response facet merged into lookup tables. */
export interface ResponseIndex {
  readonly methods: ReadonlyMap<string, ResponseMethod>;
  /** Conventional parameter name -> methods and body properties valid on it. */
  readonly byName: ReadonlyMap<string, ReadonlySet<string>>;
  readonly statusMethods: ReadonlySet<string>;
  readonly chainMethods: ReadonlySet<string>;
  readonly bodyProperties: ReadonlySet<string>;
  /** Body property -> how it reaches the client through a view (`locals`). */
  readonly viewLocals: ReadonlyMap<string, ViewLocals>;
  readonly statusProperties: ReadonlySet<string>;
  readonly nested: ReadonlySet<string>;
  readonly factories: ReadonlySet<string>;
  readonly calls: readonly ResponseCall[];
  /** Last path segments of `calls`, a cheap pre-filter. */
  readonly callNames: ReadonlySet<string>;
  readonly errorHandlers: readonly ErrorHandlerSpec[];
  readonly directives: ReadonlySet<string>;
}

/** Merges the facets of every framework into lookup tables. */
function indexFacets(facets: readonly ResponseFacet[]): ResponseIndex {
  const methods = new Map<string, ResponseMethod>();
  const byName = new Map<string, Set<string>>();
  const index = {
    methods,
    byName,
    statusMethods: new Set<string>(),
    chainMethods: new Set<string>(),
    bodyProperties: new Set<string>(),
    viewLocals: new Map<string, ViewLocals>(),
    statusProperties: new Set<string>(),
    nested: new Set<string>(),
    factories: new Set<string>(),
    calls: [] as ResponseCall[],
    callNames: new Set<string>(),
    errorHandlers: [] as ErrorHandlerSpec[],
    directives: new Set<string>(),
  };
  for (const facet of facets) {
    for (const [name, spec] of Object.entries(facet.methods ?? {})) {
      const existing = methods.get(name);
      methods.set(name, existing ? { payload: [...new Set([...existing.payload, ...spec.payload])], statusArg: existing.statusArg ?? spec.statusArg } : spec);
    }
    for (const name of facet.names) {
      const allowed = byName.get(name) ?? new Set<string>();
      for (const key of [...Object.keys(facet.methods ?? {}), ...(facet.bodyProperties ?? []), ...(facet.nestedResponses ?? [])]) {
        allowed.add(key);
      }
      byName.set(name, allowed);
    }
    facet.statusMethods?.forEach((m) => index.statusMethods.add(m));
    facet.chainMethods?.forEach((m) => index.chainMethods.add(m));
    facet.bodyProperties?.forEach((p) => index.bodyProperties.add(p));
    if (facet.viewLocals) {
      index.viewLocals.set(facet.viewLocals.property, facet.viewLocals);
    }
    facet.statusProperties?.forEach((p) => index.statusProperties.add(p));
    facet.nestedResponses?.forEach((p) => index.nested.add(p));
    facet.responseFactories?.forEach((m) => index.factories.add(m));
    for (const call of facet.calls ?? []) {
      index.calls.push(call);
      index.callNames.add(call.path[call.path.length - 1] ?? '');
    }
    index.errorHandlers.push(...(facet.errorHandlers ?? []));
    if (facet.actionDirective) {
      index.directives.add(facet.actionDirective);
    }
  }
  return index;
}

/** The response facets of every framework, indexed once at load. */
export const RESPONSE_INDEX: ResponseIndex = indexFacets(RESPONSE_FACETS);

/** Response methods that read a file from disk, by name (Express `res.sendFile`/`res.download`). */
export const FILE_METHODS: ReadonlyMap<string, FileMethod> = new Map(
  FRAMEWORK_ADAPTERS.flatMap(({ responses }) => Object.entries(responses?.fileMethods ?? {})),
);
/** The parameter names responses go by in the frameworks that have file methods (`res`, `reply`). */
export const FILE_RESPONSE_NAMES: ReadonlySet<string> = new Set(
  FRAMEWORK_ADAPTERS.flatMap(({ responses }) => (Object.keys(responses?.fileMethods ?? {}).length > 0 ? responses!.names : [])),
);
