/**
 * Global gates: a project-level file that refuses anonymous requests before a route runs —
 * Next.js `middleware.ts`/`proxy.ts` (with its `config.matcher`), SvelteKit `hooks.server.ts`
 * `handle`, NestJS `APP_GUARD` providers, `useGlobalGuards` and middleware a module applies
 * with `consumer.apply(X).forRoutes(…)`. The framework knowledge (file
 * names, matcher syntax, refusing calls) is in `frameworks/global-gates/`; this module finds and
 * reads the gate files through `project/`, and memoises what it read per parse of each file:
 * `reader.ts` reads a gate function in the anonymous world, `models.ts` memoises what a gate file
 * refuses, and `next.ts`, `sveltekit.ts`, `nest.ts` (guards) and `nest-middleware.ts`
 * (`consumer.apply(…).forRoutes(…)`) find and read each framework's gate files.
 */
import type { Route } from '../../../frameworks/types';
import { perFile, perFileKey } from '../../../core/context';
import type { FileContext } from '../../../core/context';
import { fastifyAutohooksGate } from './fastify';
import type { GlobalGate } from './models';
import { nestGate } from './nest';
import { nestMiddlewareGate } from './nest-middleware';
import { nextGate } from './next';
import { nuxtGate } from './nuxt';
import { svelteKitGate } from './sveltekit';

export type { GlobalGate } from './models';
export { nestGuardDeclared } from './nest';
export { nextMiddlewareRunsOn } from './next';

const GATES = perFileKey<Map<Route, GlobalGate | null>>('global gates');

/**
 * The project-level gate that refuses anonymous requests to `route` before it runs, or `null`
 * (no such gate, a gate that does not cover the route, a layout or file this reader cannot read,
 * or cross-file analysis off): Next.js `middleware.ts`/`proxy.ts` beside `app/`/`pages/` (its
 * `config.matcher`; a function that redirects or answers 401/403 without a session; Auth.js
 * `authorized`, next-auth `withAuth`, Clerk `auth.protect()` for `createRouteMatcher` routes),
 * SvelteKit `src/hooks.server.ts` `handle` (and `sequence()`) refusing by path prefix, the files of
 * Nitro/Nuxt `server/middleware/` (each a `defineEventHandler`) refusing by path, NestJS
 * `APP_GUARD` providers in the app's modules and `useGlobalGuards` in `main.ts` (every Nest
 * route; `@Public()` is the rule's to judge), and NestJS middleware a module applies with
 * `consumer.apply(AuthMiddleware).forRoutes(…)` to this route's method and path or controller,
 * not excluded. Memoised per file and per parse of each gate
 * file. Never throws.
 * @example globalGateFor(context, route) // { file: '/app/middleware.ts', description: 'middleware.ts middleware matcher /api/admin/:path*' }
 */
export function globalGateFor(context: FileContext, route: Route): GlobalGate | null {
  try {
    const memo = perFile(context, GATES, () => new Map());
    if (memo.has(route)) {
      return memo.get(route)!;
    }
    let gate: GlobalGate | null = null;
    if (route.framework === 'nest') {
      gate = nestGate(context) ?? nestMiddlewareGate(context, route);
    } else if (route.framework === 'fastify' && !route.fileRouted) {
      gate = fastifyAutohooksGate(context, route);
    } else if (route.fileRouted && typeof route.path === 'string') {
      if (route.framework === 'next') {
        gate = nextGate(context, route);
      } else if (route.framework === 'sveltekit') {
        gate = svelteKitGate(context, route);
      } else if (route.framework === 'h3') {
        gate = nuxtGate(context, route);
      }
    }
    memo.set(route, gate);
    return gate;
  } catch {
    return null;
  }
}
