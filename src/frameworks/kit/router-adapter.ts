import type { TSESTree } from '@typescript-eslint/utils';
import { CALL } from '@eslint-community/eslint-utils';

import { perFile, perFileKey } from '../../core/context';
import { handlerFunctionsOf } from '../../core/functions';
import type { FunctionLike } from '../../core/functions';
import { iterateModuleReferences } from '../../core/modules';
import type { TraceMap, TrackedReference } from '../../core/modules';
import type { AdapterContext, FrameworkAdapter, HandlerBinding, ParamRole, ResponseFacet, Route } from '../types';
import { iterateInstanceReferences } from './instance-references';
import { instanceFromCreation, instanceLookup, routerRoutes } from './router-routes';
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
