import { describe, expect, it } from 'vitest';

import { isPublicByDesignPath } from '../../../src/analysis/auth/public-paths';

describe('isPublicByDesignPath', () => {
  it.each([
    '/merchants/register',
    '/api/v1/partners/login',
    '/admin/login',
    '/users/logout',
    '/api/v2/users/logout/:redirect',
    '/accounts/sign-in',
    '/accounts/signOut',
    '/auth/sign_up',
    '/users/forgot-password',
    '/users/forgotPassword',
    '/forgotpw',
    '/account/reset-pw',
    '/forgot',
    '/account/reset-password/:token',
    '/users/verify-email/[token]',
    '/api/oauth/google/callback',
    '/oauth2/authorize',
    '/api/sso/saml/acs',
    '/saml/metadata',
    '/oidc/:provider/callback',
    '/api/csrf',
    '/api/csrf-token',
    '/integrations/github/callback',
    '/(auth)/login',
    '/blog/[slug]/opengraph-image',
    '/products/:id/twitter-image',
    '/api/csp-report',
    '/reports/csp_report',
    // A sign-in step after the endpoint: the credential check itself.
    '/login/auth',
    '/api/login/authenticate',
    '/signup/verify-email/:token',
    '/register/user',
    '/login/token',
  ])('%s is public for any method', (path) => {
    expect(isPublicByDesignPath(path, false)).toBe(true);
  });

  it.each(['/openapi.json', '/openAPI-spec.json', '/api/openapi.yaml', '/swagger', '/swagger-ui/index.html', '/api-docs', '/api/v1/api-docs/swagger.json', '/og', '/api/og/:slug', '/docs', '/feed', '/rss', '/rest/captcha', '/api/auth/captcha', '/CAPTCHA'])(
    '%s is public for reads',
    (path) => {
      expect(isPublicByDesignPath(path, true)).toBe(true);
    },
  );

  it.each(['*', '/*', '/(.*)', '/*splat', '/{*splat}', '/:path*', '/:path(.*)'])('%s, the catch-all at the root, is public for reads', (path) => {
    expect(isPublicByDesignPath(path, true)).toBe(true);
    expect(isPublicByDesignPath(path, false)).toBe(false);
  });

  it.each(['/api/*', '/files/*', '/:id', '/:path', '/*/admin', '/admin/(.*)', '/a*b'])('%s is not a catch-all at the root', (path) => {
    expect(isPublicByDesignPath(path, true)).toBe(false);
  });

  it.each(['/openapi.json', '/swagger', '/api-docs', '/og', '/docs', '/feed', '/rest/captcha'])('%s is not public for writes', (path) => {
    expect(isPublicByDesignPath(path, false)).toBe(false);
  });

  it.each([
    // Look-alikes: the word inside a longer segment.
    '/admin/login-history',
    '/admin/captcha-settings',
    '/captcha/:id/answers',
    '/api/users/:id/callbacks',
    '/registerations-admin',
    '/api/registrations',
    '/users/logins',
    '/admin/reset',
    '/forgotten-items',
    '/admin/csrf-settings',
    '/api/oauth-clients',
    '/settings/sso-config',
    // A resource before the word: acting on one thing, not signing in.
    '/events/:id/register',
    '/users/:id/logout',
    '/admin/users/:userId/login',
    '/orgs/:org/sso',
    // Something static after the word.
    '/register/admin',
    '/login/history',
    '/login/auth/history',
    '/login/:id/auth/settings',
    // Documents and feeds under the API are data, not descriptions.
    '/api/docs',
    '/api/docs/:id',
    '/api/articles/feed',
    '/api/feed',
    '/projects/:id/docs',
    '/docs/:id',
    '/feed/:id',
    '/catalog/ogre',
    '/',
    '/api/users',
  ])('%s stays reported', (path) => {
    expect(isPublicByDesignPath(path, true)).toBe(false);
    expect(isPublicByDesignPath(path, false)).toBe(false);
  });
});
