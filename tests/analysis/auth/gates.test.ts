import { describe, expect, it } from 'vitest';

import { isAuthName } from '../../../src/analysis/auth/vocabulary';

describe('isAuthName', () => {
  // Every name issue #5 lists, the common library spellings, and project-style names.
  it.each([
    'requireAuth', 'requireUser', 'ensureAuthenticated', 'ensureLoggedIn', 'isAuthenticated', 'authenticate', 'authorize',
    'verifyToken', 'verifyJwt', 'checkJwt', 'protect', 'auth', 'authMiddleware', 'withAuth', 'withApiAuthRequired',
    'passport.authenticate', 'expressjwt', 'jwt', 'clerkMiddleware', 'bearerAuth', 'basicAuth', 'AuthGuard', 'JwtAuthGuard',
    'RolesGuard', 'isAdmin', 'adminOnly', 'hasPermission', 'checkRole', 'requireRole', 'validateToken', 'validateApiKey',
    'verifySignature', 'auth.required', 'fastify.authenticate', 'ensure-logged-in', 'require_login', 'mustBeSignedIn',
  ])('%s is a gate', (name) => {
    expect(isAuthName(name)).toBe(true);
  });

  // Look-alikes that attach, skip, limit or validate without enforcing anything.
  it.each([
    'optionalAuth', 'authOptional', 'auth.optional', 'maybeAuth', 'softAuth', 'noAuth', 'skipAuth', 'attachUser', 'loadUser',
    'populateUser', 'session', 'cors', 'helmet', 'rateLimit', 'authLimiter', 'authRouter', 'authController.login', 'csrfProtect',
    'csrfProtection', 'validateUser', 'validateBody', 'refreshToken', 'logger', 'publicRoute', 'clerkClient', 'express.json',
    'upload.single', 'asyncHandler', 'cache.hasKey', 'handler', '',
  ])('%s is not a gate', (name) => {
    expect(isAuthName(name)).toBe(false);
  });
});

