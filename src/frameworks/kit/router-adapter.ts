import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { CALL } from '@eslint-community/eslint-utils';

import { perFile, perFileKey } from '../../core/context';
import { handlerFunctionsOf } from '../../core/functions';
import type { FunctionLike } from '../../core/functions';
import { iterateModuleReferences } from '../../core/modules';
import { variableFor } from '../../core/variable-index';
import type { TraceMap, TrackedReference } from '../../core/modules';
import type { AdapterContext, ForeignMount, FrameworkAdapter, HandlerBinding, ParamRole, ResponseFacet, Route } from '../types';
import { iterateInstanceReferences } from './instance-references';
import { foreignMounts, instanceFromCreation, instanceFromVariable, instanceLookup, routerRoutes } from './router-routes';
import type { RouterInstance, RouterSpec } from './router-routes';

/** What distinguishes one router framework (Express, Fastify, Koa, Hono) from another. */
export interface RouterAdapterSpec {
  /** How the framework registers routes and middleware (its `framework` is the adapter's name). */
  readonly router: RouterSpec;
  /** The module exports that create an app or router: `{ express: { [CALL]: 'app' } }`. */
  readonly creators: Readonly<Record<string, TraceMap<string>>>;
  /** Methods of an app that take handlers (`get`, `use`, `addHook`…). */
  readonly registrationMethods: readonly string[];
  readonly responses: ResponseFacet;
  /** Roles of a handler's parameters: fixed, or from the function (Express's arity). */
  readonly params: readonly ParamRole[] | ((fn: FunctionLike) => (ParamRole | undefined)[]);
  /** Which references create an instance (Express: calls and `new`, not reads); all by default. */
  readonly isCreation?: (reference: TrackedReference<string>) => boolean;
  /** The instance a creation makes, with its prefix (`new Router({ prefix })`, `.basePath()`). */
  readonly instance?: (context: AdapterContext, creation: TSESTree.Node) => RouterInstance;
  /** Registration calls beyond `app.<method>(…)` (Express's `route()` chains). */
  readonly moreRegistrations?: (context: AdapterContext, app: TSESTree.Node, calls: readonly TSESTree.CallExpression[]) => Iterable<TSESTree.CallExpression>;
  /** Handler functions of one registration; by default its function arguments. */
  readonly handlers?: (context: AdapterContext, call: TSESTree.CallExpression) => FunctionLike[];
}

/**
 * The adapter of a router framework, built from what distinguishes it: instances created in
 * the file, their routes (`routerRoutes`), and the handlers of their registration calls.
 * @example export const koa = routerAdapter({ router: KOA_ROUTER, creators: KOA, registrationMethods: KOA_ROUTE_METHODS, … });
 */
export function routerAdapter(spec: RouterAdapterSpec): FrameworkAdapter {
  const name = spec.router.framework;
  const registration: TraceMap<string> = Object.fromEntries(spec.registrationMethods.map((m) => [m, { [CALL]: m }]));
  const isCreation = spec.isCreation ?? (() => true);
  const makeInstance = spec.instance ?? instanceFromCreation;
  const handlersOf = spec.handlers ?? ((context, call) => handlerFunctionsOf(context, call.arguments));
  const paramsOf = typeof spec.params === 'function' ? spec.params : () => spec.params as readonly ParamRole[];
  // Routes and handlers both start from the instances: look them up once per file.
  const CREATIONS = perFileKey<TSESTree.Node[]>(`${name} instances`);
  const creations = (context: AdapterContext): TSESTree.Node[] => perFile(context, CREATIONS, () =>
    [...iterateModuleReferences(context, spec.creators)].filter(isCreation).map((reference) => reference.node));
  return {
    name,
    responses: spec.responses,
    routes: {
      findRoutes(context: AdapterContext): Route[] {
        const instances = creations(context).map((node) => makeInstance(context, node));
        return instances.length === 0 ? [] : routerRoutes(context, spec.router, instances, instanceLookup(context, instances));
      },
      foreignMounts(context: AdapterContext, refs: readonly TSESTree.Node[]): ForeignMount[] {
        const instances = creations(context).map((node) => makeInstance(context, node));
        const known = new Set(instances.map((instance) => instance.key));
        // A plugin receiving its router (`export default async function (fastify) { fastify.register(child) }`).
        for (const variable of mountingReceivers(context, refs, spec.router)) {
          if (!known.has(variable)) {
            known.add(variable);
            instances.push(instanceFromVariable(variable));
          }
        }
        return instances.length === 0 ? [] : foreignMounts(context, spec.router, instances, instanceLookup(context, instances), refs);
      },
    },
    *findHandlers(context: AdapterContext): Generator<HandlerBinding> {
      for (const app of creations(context)) {
        const calls = [...iterateInstanceReferences(context, app, registration)].map((ref) => ref.node as TSESTree.CallExpression);
        for (const call of [...calls, ...(spec.moreRegistrations?.(context, app, calls) ?? [])]) {
          for (const fn of handlersOf(context, call)) {
            yield { framework: name, fn, params: paramsOf(fn), registration: call };
          }
        }
      }
    },
  };
}

/**
 * Routers that mount one of `refs` although the file does not create them: parameters that
 * receive one (`fastify` of `async function routes(fastify) { fastify.register(child) }`, `staff`
 * of `app.register(async (staff) => …)`), and variables made by a helper the adapter does not
 * know (`const editorApp = createApp(); editorApp.use('/keys', auth, keys.app())`): mounting
 * a router with the framework's own mount method makes them routers.
 */
function mountingReceivers(context: AdapterContext, refs: readonly TSESTree.Node[], router: RouterSpec): TSESLint.Scope.Variable[] {
  const out: TSESLint.Scope.Variable[] = [];
  for (const ref of refs) {
    let node: TSESTree.Node = ref;
    // `child.routes()` (Koa): the mount call is one call further out.
    for (let hops = 0; hops < 3 && node.parent && node.parent.type !== AST_NODE_TYPES.CallExpression; hops++) {
      node = node.parent;
    }
    let call = node.parent;
    if (call?.type === AST_NODE_TYPES.CallExpression && call.callee === node) {
      call = call.parent;
    }
    const callee = call?.type === AST_NODE_TYPES.CallExpression ? call.callee : null;
    if (callee?.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.Identifier) {
      continue;
    }
    const variable = variableFor(context, callee.object);
    const method = !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier ? callee.property.name : null;
    const mounts = method !== null && (router.use.includes(method) || (router.mount?.includes(method) ?? false));
    if (variable && (variable.defs[0]?.type === 'Parameter' || (mounts && variable.defs[0]?.type === 'Variable'))) {
      out.push(variable);
    }
  }
  return out;
}
