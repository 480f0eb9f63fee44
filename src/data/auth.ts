import { CALL } from '@eslint-community/eslint-utils';

import type { TraceMap } from '../core/modules';

/**
 * Authentication libraries by what they provide. Data only: `src/analysis/auth/`
 * decides what counts as a gate from these tables and the auth vocabulary.
 */

/** Modules whose exports (any of them, called or passed as middleware) authenticate requests. */
export const AUTH_MIDDLEWARE_MODULES: readonly string[] = [
  'express-jwt',
  'express-oauth2-jwt-bearer',
  'express-openid-connect',
  'express-basic-auth',
  'express-jwt-authz',
  'koa-jwt',
  'koa-basic-auth',
  'hono/jwt',
  'hono/jwk',
  'hono/bearer-auth',
  'hono/basic-auth',
  '@hono/clerk-auth',
  '@hono/auth-js',
  '@hono/firebase-auth',
  '@hono/oidc-auth',
  '@clerk/express',
  '@clerk/fastify',
  '@clerk/clerk-sdk-node',
  '@fastify/jwt',
  '@fastify/auth',
  '@fastify/basic-auth',
  '@fastify/bearer-auth',
  'fastify-auth0-verify',
  '@nestjs/passport',
  'next-auth/middleware',
];

/**
 * Functions that return the caller's session or identity, `null`/empty when anonymous:
 * a gate only when the handler checks the result.
 */
export const SESSION_FETCHERS: readonly string[] = [
  'auth',
  'getServerSession',
  'getSession',
  'getToken',
  'currentUser',
  'getAuth',
  'validateRequest',
  'validateSession',
  'validateSessionToken',
  'getKindeServerSession',
  'getIronSession',
  'getCurrentUser',
  'getCurrentSession',
  'getUserFromRequest',
  'getSessionUser',
  'getLoggedInUser',
  'getUserSession',
  'getClaims',
  'getPrincipal',
  'getServerAuthSession',
  'getAuthSession',
  'getUserFromSession',
  'getAuthenticatedUser',
  'getUserId',
  'getCurrentUserId',
  'getSessionUserId',
  'safeGetSession',
];

/**
 * Methods that fetch the identity only on an auth client: `supabase.auth.getUser()`, `kinde.getUser()`,
 * Lucia v2's SvelteKit/Astro `locals.auth.validate()` / `locals.auth.validateUser()`.
 */
export const CLIENT_SESSION_METHODS: readonly string[] = ['getUser', 'getSession', 'getClaims', 'isAuthenticated', 'getPermissions', 'validate', 'validateUser'];

/**
 * Functions that throw, redirect or answer 401 themselves when the caller is not
 * authenticated: a gate wherever they are called.
 */
export const ASSERTING_GATES: readonly string[] = [
  'jwtVerify',
  'verifyIdToken',
  'verifySessionCookie',
  'verifyAccessToken',
  'verifyToken',
  'verifyJwt',
  'verifyJWT',
  'authenticateRequest',
  'requireAuth',
  'requireUser',
  'requireSession',
  'withPageAuthRequired',
  'protect',
];

/** Webhook and request signature verification: the gate of endpoints called by other services. */
export const SIGNATURE_VERIFIERS: readonly string[] = [
  'constructEvent',
  'constructEventAsync',
  'timingSafeEqual',
  'verifySignature',
  'validateSignature',
  'verifyWebhook',
  'verifyWebhookSignature',
  'validateWebhook',
  'verifyKey',
  'verifyRequestSignature',
  'validateRequestSignature',
  'verifySlackRequest',
  'isValidSignature',
];

/**
 * Token decoders that do not check the signature: what they return is whatever the client wrote.
 * The value is the library as the message names it.
 */
export const UNVERIFIED_TOKEN_DECODERS: Readonly<Record<string, TraceMap<string>>> = {
  jsonwebtoken: { decode: { [CALL]: 'jsonwebtoken' }, default: { decode: { [CALL]: 'jsonwebtoken' } } },
  jose: { decodeJwt: { [CALL]: 'jose' } },
  'jwt-decode': { jwtDecode: { [CALL]: 'jwt-decode' }, default: { [CALL]: 'jwt-decode' } },
};

/**
 * A call whose name says it checks a token or a signature (`verify`, `jwtVerify`, `verifyAsync`,
 * `authenticate`, `validateToken`, `validateSession`): a function that makes one verifies what it
 * decodes. Validating the body (`schema.validate(req.body)`) checks no token.
 */
export const TOKEN_VERIFIER_NAME = /verif|authenticat|validat\w*(?:token|jwt|session|signature|credential)/iu;
