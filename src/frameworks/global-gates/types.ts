/** What the framework files of `global-gates/` describe: how a project-level gate answers an anonymous request. */

/**
 * A call or construction that answers a request with a refusal, by the module export (or
 * global) it resolves to: `NextResponse.redirect(…)`, `error(401)` of `@sveltejs/kit`,
 * `new Response(null, { status: 401 })`.
 */
export interface RejectingCall {
  /** Module specifier, or `null` for a global (`Response`). */
  readonly module: string | null;
  /** Export path (`['NextResponse', 'json']`). */
  readonly path: readonly string[];
  /** Called with `new`. */
  readonly construct?: boolean;
  /** Argument index of the status; the call refuses only with a refusing status. */
  readonly statusArg?: number;
  /** Argument index of an init object whose `status`/`statusCode` is the status; absent status = 200. */
  readonly statusInitArg?: number;
  /** The call throws (SvelteKit 2 `error()`/`redirect()`): as a statement it ends the request. */
  readonly throws?: boolean;
  /** Refuses only when the target argument's text names a sign-in page (`NextResponse.rewrite(new URL('/login', …))`). */
  readonly signInTarget?: boolean;
  /** The argument holding that target; 0 by default (`sendRedirect(event, '/login')`: 1). */
  readonly targetArg?: number;
}

/** Statuses that keep an anonymous caller out: unauthorised, forbidden, and redirects (to a sign-in page, in practice). */
export const REFUSING_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308, 401, 403]);

/** Words of a URL that name a sign-in page. */
export const SIGN_IN_TARGET = /log-?in|sign-?in|auth|unauthori[sz]ed/iu;
