import { describe, expect, it } from 'vitest';

import { isAuthName } from '../../../src/analysis/auth/vocabulary';
import { compileGlobs, globToRegExp } from '../../../src/core/globs';

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

describe('globToRegExp', () => {
  it.each([
    // [glob, anchored (URL path), subject, matches]
    ['/health*', true, '/healthz', true],
    ['/health*', true, '/health/deep', false],
    ['/auth/**', true, '/auth', true],
    ['/auth/**', true, '/auth/github/callback', true],
    ['/auth/**', true, '/authx', false],
    ['/api/v*/status', true, '/api/v2/status', true],
    ['/api/v*/status', true, '/api/v2/x/status', false],
    ['/u?er', true, '/user', true],
    ['/u?er', true, '/u/er', false],
    ['/a.b', true, '/aXb', false],
    ['/(x)', true, '/(x)', true],
    ['/', true, '/', true],
    ['/', true, '/x', false],
    ['**/a/*.ts', true, '/x/a/b.ts', true],
    // File globs match at a path-segment boundary anywhere in the file name.
    ['app/api/auth/**', false, '/repo/app/api/auth/[...nextauth]/route.ts', true],
    ['app/api/auth/**', false, '/repo/myapp/api/auth/route.ts', false],
    ['src/routes/*.ts', false, 'C:/work/src/routes/users.ts', true],
    ['src/routes/*.ts', false, '/work/src/routes/admin/users.ts', false],
  ] as const)('%s (anchored: %s) on %s → %s', (glob, anchored, subject, matches) => {
    expect(globToRegExp(glob, anchored).test(subject)).toBe(matches);
  });
});

describe('compileGlobs', () => {
  it('splits URL path globs from file globs and drops leading **/ of file globs', () => {
    const list = compileGlobs(['/a/**', 'src/**', '**/routes/*.ts', '']);
    expect(list.paths.map(String)).toEqual(['/^\\/a(?:\\/.*)?$/u']);
    expect(list.files.map(String)).toEqual(['/(?:^|\\/)src(?:\\/.*)?$/u', '/(?:^|\\/)routes\\/[^/]*\\.ts$/u']);
  });

  it('returns the same compiled list for the same globs', () => {
    expect(compileGlobs(['/x'])).toBe(compileGlobs(['/x']));
  });
});
