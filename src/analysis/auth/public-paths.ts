/**
 * URL paths public by design that globs cannot say: authentication endpoints at any depth
 * (`/merchants/register`, `/api/v1/partners/login`), API descriptions and Open Graph images.
 * Judged segment by segment, each segment compared whole: `/admin/login-history` and
 * `/api/users/:id/callbacks` are not sign-in endpoints. O(segments) per path, no regular
 * expression built from input.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import type { Route } from '../../frameworks/types';
import { skipTsWrappers } from '../../core/static';
import {
  AUTH_ENDPOINT_SEGMENTS,
  AUTH_ENDPOINT_STEP_WORDS,
  AUTH_FLOW_SEGMENTS,
  AUTH_WORDS,
  PUBLIC_ANYWHERE_SEGMENTS,
  PUBLIC_READ_LAST_SEGMENTS,
  PUBLIC_READ_LAST_SUFFIXES,
  PUBLIC_READ_SEGMENT_PREFIXES,
  PUBLIC_READ_SEGMENTS,
  API_DESCRIPTION_WORDS,
  HEALTH_CHECK_SEGMENTS,
  PUBLIC_ROOT_READ_SEGMENTS,
} from '../../data/auth-vocabulary';
import { wordParts } from '../../core/words';
import { memoizeByString } from '../../core/memo';

/** `:id`, `[id]`, `[...slug]`, `{id}`, `$id` (Remix), `*`: a segment the caller fills. */
function isParameter(segment: string): boolean {
  return /^[:[{$*]/u.test(segment) || segment.endsWith('*') || segment.endsWith('?');
}

/** A segment that matches any rest of the path: `*`, `(.*)`, `*splat`, `{*splat}`, `:path*`, `:path(.*)`. */
function isCatchAll(segment: string): boolean {
  return /^(?:\*\w*|\{\*\w*\}|\(\.\*\)|:\w+(?:\*|\(\.\*\)))$/u.test(segment);
}

/**
 * A step of a sign-in endpoint after its segment: `/login/auth`, `/login/verify-email`,
 * `/signup/token`, `/login/oauth` (a word of authentication itself, or another endpoint or flow);
 * `/login/history` and `/register/admin` are not.
 */
function isSignInStep(segment: string): boolean {
  const word = normalize(segment);
  return AUTH_WORDS.has(word) || isAuthEndpointSegment(segment) || AUTH_FLOW_SEGMENTS.has(word);
}

/**
 * A segment that names a sign-in endpoint: whole (`forgot-password`, `signIn`), or as its leading
 * words followed only by words of a step of it (`AUTH_ENDPOINT_STEP_WORDS`): `login_action`,
 * `login-methods`, `forgotten_action`, `reset-password-request`. `login-history` is not one.
 */
function isAuthEndpointSegment(segment: string): boolean {
  if (AUTH_ENDPOINT_SEGMENTS.has(normalize(segment))) {
    return true;
  }
  // One word (`items`, `users`): nothing follows an endpoint inside it.
  if (!/[-_A-Z]/u.test(segment)) {
    return false;
  }
  const parts = wordParts(segment);
  for (let i = parts.length - 1; i >= 1; i--) {
    if (!AUTH_ENDPOINT_STEP_WORDS.has(parts[i]!)) {
      return false;
    }
    if (AUTH_ENDPOINT_SEGMENTS.has(parts.slice(0, i).join(''))) {
      return true;
    }
  }
  return false;
}

/** `forgot-password`, `forgot_password`, `forgotPassword` → `forgotpassword`; `opengraph-image.tsx`'s route `opengraph-image` → `opengraphimage`. */
function normalize(segment: string): string {
  return segment.toLowerCase().replace(/[-_]/gu, '');
}

/** A segment's first word, lower-cased: `og-image`, `og_image_poll`, `og.png` → `og`. */
function firstWord(segment: string): string {
  return segment.toLowerCase().split(/[-_.]/u)[0]!;
}

/** The segments that say something: route groups (`(auth)`), parallel slots (`@modal`) and empty parts left out. */
function segmentsOf(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '' && !(segment.startsWith('(') && segment.endsWith(')')) && !segment.startsWith('@'));
}

/** `/api`, `/api/v1`, `/v2`: the prefixes `PUBLIC_PATH_PREFIXES` allows before a public path. */
function prefixLength(segments: readonly string[]): number {
  let i = 0;
  if (segments[i]?.toLowerCase() === 'api') {
    i++;
  }
  if (segments[i] !== undefined && /^v\d+$/iu.test(segments[i]!)) {
    i++;
  }
  return i;
}

/**
 * Whether a route's URL path is public by design by its segments: an authentication endpoint
 * (`AUTH_ENDPOINT_SEGMENTS`) after static segments only and followed by parameters and sign-in
 * steps only (`/login/auth`, `/reset-password/:token`), a
 * sign-in flow (`AUTH_FLOW_SEGMENTS`) after static segments, an Open Graph image or CSP report
 * anywhere; for reads (`read`), the catch-all at the root (`GET *`), an API description or `/og`
 * after the API prefixes, `/docs` or `/feed` alone.
 */
export function isPublicByDesignPath(path: string, read: boolean): boolean {
  return read ? isPublicReadPath(path) : isPublicWritePath(path);
}

// Routes repeat their paths (`/:id`, `/items/:id`) and each is asked several times: memoised per path.
const isPublicReadPath = memoizeByString((path) => judgePath(path, true));
const isPublicWritePath = memoizeByString((path) => judgePath(path, false));

function judgePath(path: string, read: boolean): boolean {
  const segments = segmentsOf(path);
  let staticBefore = true;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    if (isParameter(segment)) {
      staticBefore = false;
      continue;
    }
    const word = normalize(segment);
    if (PUBLIC_ANYWHERE_SEGMENTS.has(word)) {
      return true;
    }
    if (!staticBefore) {
      continue;
    }
    if (AUTH_FLOW_SEGMENTS.has(word)) {
      return true;
    }
    if (isAuthEndpointSegment(segment) && segments.slice(i + 1).every((next) => isParameter(next) || isSignInStep(next))) {
      return true;
    }
  }
  if (!read) {
    return false;
  }
  if (staticBefore && segments.length > 0 && HEALTH_CHECK_SEGMENTS.has(normalize(segments.at(-1)!))) {
    return true;
  }
  // `GET *`, `GET /(.*)`, `GET /:path*`: the catch-all at the root, registered last, that serves the
  // single-page app's shell or the 404 page (`/api/*` is not one: it may proxy an API).
  const written = path.split('/').filter((segment) => segment !== '');
  if (written.length === 1 && isCatchAll(written[0]!)) {
    return true;
  }
  const first = segments[prefixLength(segments)]?.toLowerCase();
  if (first === undefined) {
    return false;
  }
  const last = segments.at(-1)!;
  if (
    !isParameter(last) &&
    (PUBLIC_READ_LAST_SEGMENTS.has(normalize(last)) || PUBLIC_READ_SEGMENTS.has(firstWord(last)) || API_DESCRIPTION_WORDS.has(firstWord(last)) || PUBLIC_READ_LAST_SUFFIXES.some((suffix) => last.toLowerCase().endsWith(suffix)))
  ) {
    return true;
  }
  if (PUBLIC_READ_SEGMENTS.has(firstWord(first)) || PUBLIC_READ_SEGMENT_PREFIXES.some((prefix) => first.startsWith(prefix))) {
    return true;
  }
  // `/docs`, `/feed` themselves: `/docs/:id` is a document.
  return segments.length === 1 && PUBLIC_ROOT_READ_SEGMENTS.has(segments[0]!.toLowerCase());
}

/**
 * The path of a route registered under a computed prefix with a written tail, the prefix as one
 * written segment that matches nothing (`~`): `app.get(\`${apiRoot}/openapi.json\`, …)` →
 * `/~/openapi.json`. The prefix is configuration (a base path), not something the caller fills,
 * so the tail is judged as written after it: an API description or manifest at any depth, a
 * sign-in endpoint (`${basePath}/auth/demo/login`). `null` for any other route.
 */
export function pathWithComputedPrefix(route: Route): string | null {
  if (route.path !== null) {
    return null;
  }
  const member = route.node.parent;
  const call = member?.type === AST_NODE_TYPES.MemberExpression && member.property === route.node ? member.parent : null;
  const first = call?.type === AST_NODE_TYPES.CallExpression && call.callee === member ? call.arguments[0] : undefined;
  const template: TSESTree.Node | null = first ? skipTsWrappers(first) : null;
  if (template?.type !== AST_NODE_TYPES.TemplateLiteral || template.expressions.length === 0) {
    return null;
  }
  const tail = template.quasis.at(-1)!.value.cooked;
  return typeof tail === 'string' && /^\/[^/]/u.test(tail) ? `/~${tail}` : null;
}
