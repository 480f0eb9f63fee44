/**
 * Next.js project-level gates: `middleware.ts` (`proxy.ts` since Next 16) beside the `app/` or
 * `pages/` folder (the project root, or `src/`), its `config.matcher`, the responses that refuse
 * a request, and the auth libraries whose middleware refuses anonymous requests by itself.
 */
import type { RejectingCall } from './types';

/** Gate file base names, in the order Next.js looks for them. */
export const NEXT_GATE_FILES: readonly string[] = ['middleware', 'proxy'];
/** Extensions Next.js accepts for them. */
export const NEXT_GATE_EXTENSIONS: readonly string[] = ['.ts', '.js', '.mjs', '.tsx', '.jsx'];
/** Exports Next.js runs: the function named like the file, or the default export. */
export const NEXT_GATE_EXPORTS: readonly string[] = ['middleware', 'proxy', 'default'];

/**
 * The directory Next.js reads `middleware.ts` from for a route file: the one holding the
 * `app/` or `pages/` folder the route sits in (the project root, or `src/`). `null` for
 * other files.
 * @example nextGateDirectory('/repo/src/app/api/x/route.ts') // '/repo/src'
 */
export function nextGateDirectory(filename: string): string | null {
  const normalized = filename.replace(/\\/gu, '/');
  const app = /^(.*)\/app\/(?:.+\/)?route\.[cm]?[jt]sx?$/u.exec(normalized);
  if (app) {
    return app[1] ?? null;
  }
  const pages = /^(.*)\/pages\/api\/.+\.[cm]?[jt]sx?$/u.exec(normalized);
  return pages ? (pages[1] ?? null) : null;
}

/** Responses a middleware answers with instead of letting the request through. */
export const NEXT_REJECTING_CALLS: readonly RejectingCall[] = [
  { module: 'next/server', path: ['NextResponse', 'redirect'] },
  { module: 'next/server', path: ['NextResponse', 'rewrite'], signInTarget: true },
  { module: 'next/server', path: ['NextResponse', 'json'], statusInitArg: 1 },
  { module: 'next/server', path: ['NextResponse'], construct: true, statusInitArg: 1 },
  { module: null, path: ['Response', 'redirect'] },
  { module: null, path: ['Response', 'json'], statusInitArg: 1 },
  { module: null, path: ['Response'], construct: true, statusInitArg: 1 },
];

/**
 * Auth.js / NextAuth v4 `withAuth` (`next-auth/middleware`, also its default export): redirects
 * to the sign-in page unless `callbacks.authorized` (default `!!token`) accepts the request.
 */
export const NEXT_AUTH_WITH_AUTH: readonly { readonly module: string; readonly path: readonly string[] }[] = [
  { module: 'next-auth/middleware', path: ['withAuth'] },
  { module: 'next-auth/middleware', path: ['default'] },
];

/** The Auth.js v5 factory whose `auth` export is a middleware ruled by `callbacks.authorized`. */
export const AUTH_JS_FACTORIES: ReadonlySet<string> = new Set(['NextAuth']);

/** Clerk's middleware: it refuses only what its callback refuses (`auth.protect()`). */
export const CLERK_MIDDLEWARE: readonly { readonly module: string; readonly path: readonly string[] }[] = [
  { module: '@clerk/nextjs/server', path: ['clerkMiddleware'] },
  { module: '@clerk/nextjs', path: ['clerkMiddleware'] },
];

/** Clerk's route matcher factory: `createRouteMatcher(['/dashboard(.*)'])` patterns are path-to-regexp. */
export const CLERK_ROUTE_MATCHERS: readonly { readonly module: string; readonly path: readonly string[] }[] = [
  { module: '@clerk/nextjs/server', path: ['createRouteMatcher'] },
  { module: '@clerk/nextjs', path: ['createRouteMatcher'] },
];

/** Methods of Clerk's `auth` (or of what `auth()` returns) that refuse an anonymous request themselves. */
export const CLERK_PROTECT_METHODS: ReadonlySet<string> = new Set(['protect']);
/** Functions Clerk's `auth()` returns that redirect to the sign-in page. */
export const CLERK_SIGN_IN_REDIRECTS: ReadonlySet<string> = new Set(['redirectToSignIn']);
