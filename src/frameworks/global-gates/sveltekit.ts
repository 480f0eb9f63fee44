/**
 * SvelteKit project-level gates: `src/hooks.server.ts` `handle` (alone or composed with
 * `sequence(a, b)`), and the calls that refuse a request from it.
 */
import type { RejectingCall } from './types';

/** Server hooks file names in `src/`. */
export const SVELTEKIT_HOOKS_FILES: readonly string[] = ['hooks.server.ts', 'hooks.server.js'];
/** The hook that runs before every route. */
export const SVELTEKIT_HANDLE_EXPORT = 'handle';
/** `sequence(a, b, …)` runs each handle in order. */
export const SVELTEKIT_SEQUENCE = { module: '@sveltejs/kit/hooks', path: ['sequence'] } as const;

/**
 * The `src/` folder a route file belongs to (the one holding `routes/`), where the server hooks live.
 * @example svelteKitSourceDirectory('/repo/src/routes/admin/+server.ts') // '/repo/src'
 */
export function svelteKitSourceDirectory(filename: string): string | null {
  const normalized = filename.replace(/\\/gu, '/');
  const index = normalized.lastIndexOf('/src/routes/');
  return index >= 0 ? normalized.slice(0, index + '/src'.length) : null;
}

/** Refusals in a handle: `error(401)`, `redirect(303, '/login')` (thrown since SvelteKit 2), and refusing responses. */
export const SVELTEKIT_REJECTING_CALLS: readonly RejectingCall[] = [
  { module: '@sveltejs/kit', path: ['error'], statusArg: 0, throws: true },
  { module: '@sveltejs/kit', path: ['redirect'], throws: true },
  { module: '@sveltejs/kit', path: ['json'], statusInitArg: 1 },
  { module: '@sveltejs/kit', path: ['text'], statusInitArg: 1 },
  { module: null, path: ['Response', 'redirect'] },
  { module: null, path: ['Response', 'json'], statusInitArg: 1 },
  { module: null, path: ['Response'], construct: true, statusInitArg: 1 },
];
