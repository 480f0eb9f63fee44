/**
 * Nitro/Nuxt project-level gates: every file directly in `server/middleware/` runs before every
 * server route (`server/api/**`, `server/routes/**`), and refuses a request by throwing
 * `createError({ statusCode: 401 })` or answering a redirect.
 */
import type { RejectingCall } from './types';

/** The folder of server middleware, beside `api/` and `routes/` in `server/`. */
export const NUXT_MIDDLEWARE_FOLDER = 'middleware';

/**
 * The `server/` folder a Nitro/Nuxt file route belongs to, whose `middleware/` runs first.
 * @example nuxtServerDirectory('/repo/server/api/admin/users.get.ts') // '/repo/server'
 */
export function nuxtServerDirectory(filename: string): string | null {
  const normalized = filename.replace(/\\/gu, '/');
  const match = /\/server\/(?:api|routes)\//u.exec(normalized);
  return match ? normalized.slice(0, match.index + '/server'.length) : null;
}

/** Where h3's answers come from: h3 itself and the Nitro/Nuxt auto-imports (`null`: a global). */
const H3_MODULES = ['h3', '#imports', 'nitropack/runtime', 'nitro/runtime', null] as const;

/**
 * Refusals in a middleware: `throw createError({ statusCode: 401 })` (any `throw` ends the request),
 * `return sendRedirect(event, '/login')` (to a sign-in page).
 */
export const NUXT_REJECTING_CALLS: readonly RejectingCall[] = H3_MODULES.flatMap((module): RejectingCall[] => [
  { module, path: ['createError'], statusInitArg: 0 },
  { module, path: ['sendRedirect'], signInTarget: true, targetArg: 1 },
]);
