import path from 'node:path';

import { beforeEach, describe, expect, it } from 'vitest';

import { globalGateFor, nestGuardDeclared } from '../../../src/analysis/auth/global-gates';
import type { GlobalGate } from '../../../src/analysis/auth/global-gates';
import { getRoutes } from '../../../src/frameworks/registry';
import { clearProjectCaches } from '../../../src/project/settings';
import { contextFor } from '../../project/helpers';

const GATES = path.resolve(__dirname, '../../fixtures/cross-file/global-gates');
const PROJECTS = path.resolve(__dirname, '../../fixtures/projects');

beforeEach(() => clearProjectCaches());

/** The gate of every route of a fixture file (they must agree), with the route labels. */
function gatesOf(file: string, settings: Record<string, unknown> = {}): { labels: string[]; gate: GlobalGate | null } {
  const context = contextFor(file, settings);
  const routes = getRoutes(context, []);
  if (routes.length === 0) {
    throw new Error(`no route in ${file}`);
  }
  const gates = routes.map((route) => globalGateFor(context, route));
  expect(new Set(gates.map((gate) => JSON.stringify(gate))).size, file).toBe(1);
  return { labels: routes.map((route) => route.label), gate: gates[0]! };
}

const gate = (root: string, project: string, file: string, settings?: Record<string, unknown>): GlobalGate | null => gatesOf(path.join(root, project, file), settings).gate;
const fixture = (project: string, file: string): GlobalGate | null => gate(GATES, project, file);

describe('globalGateFor: Next.js middleware.ts', () => {
  it('covers routes under a path-to-regexp matcher (`/api/admin/:path*`), route groups and dynamic segments included', () => {
    for (const file of ['app/api/admin/route.ts', 'app/api/admin/users/route.ts', 'app/api/admin/users/[id]/route.ts', 'app/(internal)/api/admin/audit/route.ts', 'pages/api/admin/export.ts']) {
      expect(fixture('next-matcher', file), file).toEqual({
        file: path.join(GATES, 'next-matcher/middleware.ts'),
        description: 'middleware.ts middleware matcher /api/admin/:path*',
      });
    }
  });

  it('does not cover routes outside the matcher, a look-alike prefix, nor a conditional (`has`) matcher entry', () => {
    expect(fixture('next-matcher', 'app/api/public/route.ts')).toBe(null);
    expect(fixture('next-matcher', 'app/api/administrators/route.ts')).toBe(null);
    expect(fixture('next-matcher', 'app/api/beta/route.ts')).toBe(null);
  });

  it('reads a negative-lookahead matcher and the path tests before the session check (src/ layout)', () => {
    expect(fixture('next-lookahead', 'src/app/dashboard/route.ts')?.file).toBe(path.join(GATES, 'next-lookahead/src/middleware.ts'));
    expect(fixture('next-lookahead', 'src/app/projects/[...slug]/route.ts')).not.toBe(null);
    // Let through before the check: PUBLIC_PATHS.includes(pathname), pathname.startsWith('/docs/').
    expect(fixture('next-lookahead', 'src/app/login/route.ts')).toBe(null);
    expect(fixture('next-lookahead', 'src/app/docs/intro/route.ts')).toBe(null);
    // Excluded by the lookahead; the root middleware.ts that would refuse it is not the one Next.js runs.
    expect(fixture('next-lookahead', 'src/app/api/items/route.ts')).toBe(null);
  });

  it('follows `export { auth as middleware }` to Auth.js’s `authorized` callback (in a spread config of another file)', () => {
    expect(fixture('next-authjs', 'app/dashboard/invoices/route.ts')?.description).toMatch(/^middleware\.ts auth \(Auth\.js authorized callback\) matcher /u);
    expect(fixture('next-authjs', 'app/reports/route.ts')).toBe(null);
  });

  it('does not count Auth.js without an `authorized` callback (it refuses nobody)', () => {
    expect(fixture('next-authjs-plain', 'app/dashboard/route.ts')).toBe(null);
  });

  it('reads the callback of `export default auth((req) => …)`', () => {
    expect(fixture('next-authjs-callback', 'app/api/me/route.ts')?.description).toBe('middleware.ts auth()');
    expect(fixture('next-authjs-callback', 'app/login/route.ts')).toBe(null);
  });

  it('covers Clerk routes that `auth.protect()` guards through createRouteMatcher, and only those', () => {
    expect(fixture('next-clerk', 'src/app/api/admin/stats/route.ts')?.description).toMatch(/^src\/middleware\.ts clerkMiddleware matcher /u);
    expect(fixture('next-clerk', 'src/app/dashboard/route.ts')).not.toBe(null);
    expect(fixture('next-clerk', 'src/app/api/webhooks/route.ts')).toBe(null);
  });

  it('covers everything but the public matcher with `if (!isPublicRoute(req)) auth().protect()`; nothing with a bare clerkMiddleware()', () => {
    expect(fixture('next-clerk-public', 'app/api/orders/route.ts')).not.toBe(null);
    expect(fixture('next-clerk-public', 'app/api/webhooks/stripe/route.ts')).toBe(null);
    expect(fixture('next-clerk-bare', 'app/api/orders/route.ts')).toBe(null);
  });

  it('does not count a middleware that only sets headers and logs', () => {
    expect(fixture('next-headers', 'app/api/admin/route.ts')).toBe(null);
  });

  it('counts next-auth’s withAuth (re-exported default, or with an `authorized` callback reading the token)', () => {
    expect(fixture('next-withauth', 'app/api/account/route.ts')?.description).toBe('middleware.ts withAuth matcher /api/account/:path*');
    expect(fixture('next-withauth', 'app/api/catalog/route.ts')).toBe(null);
    expect(fixture('next-withauth-role', 'app/admin/route.ts')?.description).toBe('middleware.ts withAuth matcher /admin/:path*');
  });

  it('reads Next 16 proxy.ts and follows `return updateSession(request)` into another file', () => {
    expect(fixture('next-proxy', 'app/api/notes/route.ts')).toEqual({ file: path.join(GATES, 'next-proxy/proxy.ts'), description: 'proxy.ts middleware' });
    expect(fixture('next-proxy', 'app/auth/callback/route.ts')).toBe(null);
  });

  it('answers null, without throwing, when a condition before the check is unknown or the middleware does not parse', () => {
    expect(fixture('next-unknown', 'app/api/x/route.ts')).toBe(null);
    expect(fixture('next-broken', 'app/api/x/route.ts')).toBe(null);
  });

  it('answers null when cross-file analysis is off', () => {
    expect(gate(GATES, 'next-matcher', 'app/api/admin/route.ts', { 'agent-guard': { project: { crossFile: false } } })).toBe(null);
  });
});

describe('globalGateFor: SvelteKit hooks.server.ts', () => {
  it('reads every handle of sequence(), local or imported, with a regex test and an early `return resolve(event)`', () => {
    expect(fixture('svelte-sequence', 'src/routes/dashboard/+server.ts')?.description).toMatch(/^src\/hooks\.server\.ts handle \(sequence\): throw redirect/u);
    expect(fixture('svelte-sequence', 'src/routes/(app)/dashboard/reports/[id]/+server.ts')).not.toBe(null);
    expect(fixture('svelte-sequence', 'src/routes/api/admin/purge/+server.ts')?.description).toMatch(/new Response\('Unauthorized', \{ status: 401 \}\)/u);
  });

  it('does not cover look-alike prefixes nor paths outside them', () => {
    expect(fixture('svelte-sequence', 'src/routes/dashboards/+server.ts')).toBe(null);
    // startsWith('/api/admin/') does not hold for /api/admin itself.
    expect(fixture('svelte-sequence', 'src/routes/api/admin/+server.ts')).toBe(null);
    expect(fixture('svelte-sequence', 'src/routes/api/public/+server.ts')).toBe(null);
  });

  it('does not count a handle that only logs anonymous visits, nor one that does not parse', () => {
    expect(fixture('svelte-open', 'src/routes/admin/+server.ts')).toBe(null);
    expect(fixture('svelte-broken', 'src/routes/admin/+server.ts')).toBe(null);
  });
});

describe('globalGateFor: NestJS', () => {
  it('counts useGlobalGuards(new X()) in main.ts, X an AuthGuard(\'jwt\') subclass honouring @Public()', () => {
    expect(fixture('nest-global-guards', 'src/items/items.controller.ts')).toEqual({
      file: path.join(GATES, 'nest-global-guards/src/main.ts'),
      description: 'src/main.ts useGlobalGuards(JwtGuard)',
    });
  });

  it('does not count an always-true guard, a library rate limiter, nor a roles guard that lets unmarked routes through', () => {
    expect(fixture('nest-always-true', 'src/items/items.controller.ts')).toBe(null);
    expect(fixture('nest-throttler', 'src/items/items.controller.ts')).toBe(null);
    expect(fixture('nest-roles', 'src/items/items.controller.ts')).toBe(null);
  });
});

/** The gate of each route of a fixture file, by route label (`GET /articles/:slug`). */
function routeGates(file: string): Record<string, string | null> {
  const context = contextFor(file);
  return Object.fromEntries(getRoutes(context, []).map((route) => [route.label, globalGateFor(context, route)?.description ?? null]));
}

describe('globalGateFor: NestJS middleware applied in a module (consumer.apply(X).forRoutes(…))', () => {
  const nest = (file: string): Record<string, string | null> => routeGates(path.join(GATES, 'nest-middleware/src', file));
  const ARTICLES = 'src/articles/articles.module.ts apply(AuthMiddleware).forRoutes';

  it('covers routes named by path and method, matching `:param`s, not the other methods nor paths (global prefix left out on both sides)', () => {
    expect(nest('articles/articles.controller.ts')).toEqual({
      'GET /articles': null,
      'POST /articles': `${ARTICLES}(POST articles)`,
      'GET /articles/feed': `${ARTICLES}(GET articles/feed)`,
      'GET /articles/:slug': null,
      'DELETE /articles/:slug': `${ARTICLES}(DELETE articles/:slug)`,
      'PUT /articles/:slug/star': null,
    });
  });

  it('covers a wildcard path string for every method, minus an `exclude` entry, and not the bare prefix', () => {
    expect(nest('profiles/profiles.controller.ts')).toEqual({
      'GET /profiles': null,
      'GET /profiles/:username': null,
      'POST /profiles/:username/follow': 'src/profiles/profiles.module.ts apply(AuthMiddleware).forRoutes(profiles/*)',
      'DELETE /profiles/:username/follow': 'src/profiles/profiles.module.ts apply(AuthMiddleware).forRoutes(profiles/*)',
    });
  });

  it('covers every route of a controller class named in forRoutes (a middleware calling next(new UnauthorizedException()))', () => {
    expect(nest('orders/orders.controller.ts')).toEqual({
      'GET /orders': 'src/orders/orders.module.ts apply(BearerMiddleware).forRoutes(OrdersController)',
      'PATCH /orders/:id': 'src/orders/orders.module.ts apply(BearerMiddleware).forRoutes(OrdersController)',
    });
  });

  it('reads `res.status(401).json(…); return;`, `return res.sendStatus(401)` in a function middleware, and each apply() of one chain', () => {
    expect(nest('sessions/sessions.controller.ts')).toEqual({
      'POST /sessions': null,
      'GET /sessions/current': 'src/sessions/sessions.module.ts apply(CookieAuthMiddleware).forRoutes(sessions/current)',
      'DELETE /sessions/current': 'src/sessions/sessions.module.ts apply(CookieAuthMiddleware).forRoutes(sessions/current)',
      'POST /sessions/token': 'src/sessions/sessions.module.ts apply(apiKeyMiddleware).forRoutes(POST sessions/token)',
    });
  });

  it('does not count a middleware that never refuses (forRoutes(\'*\')), one that answers 401 and calls next() anyway, nor one it cannot read', () => {
    expect(nest('notes/notes.controller.ts')).toEqual({ 'GET /notes': null });
    expect(nest('reports/reports.controller.ts')).toEqual({ 'GET /reports': null, 'GET /reports/export': null });
  });

  it('matches only controller classes in an app whose RouterModule prefixes route paths', () => {
    const router = (file: string) => routeGates(path.join(GATES, 'nest-middleware-router-module/src/admin', file));
    expect(router('users.controller.ts')).toEqual({ 'GET /users': null });
    expect(router('audit.controller.ts')).toEqual({ 'GET /audit': 'src/admin/admin.module.ts apply(AuthMiddleware).forRoutes(AuditController)' });
  });

  it('answers null when cross-file analysis is off', () => {
    const file = path.join(GATES, 'nest-middleware/src/orders/orders.controller.ts');
    const context = contextFor(file, { 'agent-guard': { project: { crossFile: false } } });
    expect(getRoutes(context, []).map((route) => globalGateFor(context, route))).toEqual([null, null]);
  });

  it('reads forRoutes/exclude paths as Nest writes them, and samples Nest route paths', async () => {
    const { nestPathRegExp, nestRouteSamples } = await import('../../../src/frameworks/global-gates/nest');
    expect(nestRouteSamples('/articles/:slug/comments/:id')).toEqual(['/articles/x7q/comments/x7q']);
    expect(nestRouteSamples('/users/:id?')).toEqual(['/users', '/users/x7q']);
    expect(nestRouteSamples('/files/*')).toBe(null);
    expect(nestRouteSamples('/x/:id(\\d+)')).toBe(null);
    const wildcard = nestPathRegExp('profiles/*')!;
    expect(['/profiles/a', '/profiles/a/b'].every((p) => wildcard.test(p))).toBe(true);
    expect(['/profiles', '/profilesx/a'].some((p) => wildcard.test(p))).toBe(false);
    expect(nestPathRegExp('/user/')!.test('/user')).toBe(true);
    expect(nestPathRegExp('articles/:slug')!.test('/articles/x7q')).toBe(true);
    expect(nestPathRegExp('articles/:slug')!.test('/articles/x7q/comments')).toBe(false);
    expect(nestPathRegExp('(.*)')!.test('/anything/at/all')).toBe(true);
    expect(nestPathRegExp('*')!.test('/a')).toBe(true);
    expect(nestPathRegExp('files/*path')!.test('/files/a/b')).toBe(true);
    expect(nestPathRegExp('ab*cd')!.test('/abXYcd')).toBe(true);
    expect(nestPathRegExp('files/{*path}')).toBe(null);
  });
});

describe('globalGateFor on the cross-file fixture projects', () => {
  it('next-app: middleware.ts covers /api/admin/users, not /api/reports nor the other routes', () => {
    expect(gate(PROJECTS, 'next-app', 'app/api/admin/users/route.ts')).toEqual({
      file: path.join(PROJECTS, 'next-app/middleware.ts'),
      description: 'middleware.ts middleware matcher /api/admin/:path*',
    });
    for (const file of ['app/api/reports/route.ts', 'app/api/invoices/route.ts', 'app/api/projects/route.ts']) {
      expect(gate(PROJECTS, 'next-app', file), file).toBe(null);
    }
  });

  it('sveltekit-app: hooks.server.ts covers /admin and /api/private/, not the look-alike /api/private-notes', () => {
    for (const file of ['src/routes/admin/users/+server.ts', 'src/routes/admin/+page.server.ts', 'src/routes/api/private/exports/+server.ts']) {
      expect(gate(PROJECTS, 'sveltekit-app', file)?.file, file).toBe(path.join(PROJECTS, 'sveltekit-app/src/hooks.server.ts'));
    }
    for (const file of ['src/routes/api/private-notes/+server.ts', 'src/routes/api/comments/+server.ts', 'src/routes/settings/+page.server.ts']) {
      expect(gate(PROJECTS, 'sveltekit-app', file), file).toBe(null);
    }
  });

  it('nest-app: APP_GUARD JwtAuthGuard in app.module.ts gates every controller', () => {
    for (const file of ['src/projects/projects.controller.ts', 'src/users/users.controller.ts', 'src/auth/auth.controller.ts']) {
      expect(gate(PROJECTS, 'nest-app', file), file).toEqual({
        file: path.join(PROJECTS, 'nest-app/src/app.module.ts'),
        description: 'src/app.module.ts APP_GUARD JwtAuthGuard',
      });
    }
  });

  it('nest-no-guard: no APP_GUARD (only an APP_INTERCEPTOR) and no useGlobalGuards', () => {
    for (const file of ['src/notes/notes.controller.ts', 'src/files/files.controller.ts']) {
      expect(gate(PROJECTS, 'nest-no-guard', file), file).toBe(null);
    }
  });

  it('nestGuardDeclared: whether the app declares an app-wide guard at all, null when the project is not read', () => {
    const file = (project: string, settings: Record<string, unknown> = {}) => contextFor(path.join(PROJECTS, project, 'src/notes/notes.controller.ts'), settings);
    expect(nestGuardDeclared(contextFor(path.join(PROJECTS, 'nest-app/src/projects/projects.controller.ts')))).toBe(true);
    expect(nestGuardDeclared(file('nest-no-guard'))).toBe(false);
    expect(nestGuardDeclared(file('nest-no-guard', { 'agent-guard': { project: { crossFile: false } } }))).toBe(null);
  });
});

describe('path patterns and route samples', () => {
  it('reads path-to-regexp matchers as Next.js and Clerk do', async () => {
    const { pathPatternRegExp } = await import('../../../src/frameworks/global-gates/path-patterns');
    const admin = pathPatternRegExp('/api/admin/:path*')!;
    expect(['/api/admin', '/api/admin/', '/api/admin/a', '/api/admin/a/b'].every((p) => admin.test(p))).toBe(true);
    expect(['/api/administrators', '/api', '/x/api/admin'].some((p) => admin.test(p))).toBe(false);
    expect(pathPatternRegExp('/dashboard(.*)')!.test('/dashboard/x')).toBe(true);
    expect(pathPatternRegExp('/users/:id')!.test('/users/1/edit')).toBe(false);
    expect(pathPatternRegExp('/users/:id?')!.test('/users')).toBe(true);
    const lookahead = pathPatternRegExp('/((?!api|_next/static|favicon.ico).*)')!;
    expect([lookahead.test('/dashboard'), lookahead.test('/api/x'), lookahead.test('/')]).toEqual([true, false, true]);
    expect(pathPatternRegExp('api/x')).toBe(null);
    expect(pathPatternRegExp('/x/{y}')).toBe(null);
    expect(pathPatternRegExp('/((?!unclosed)')).toBe(null);
  });

  it('samples every dynamic segment shape of a file route', async () => {
    const { routeSamplePaths } = await import('../../../src/frameworks/global-gates/path-patterns');
    expect(routeSamplePaths('/')).toEqual(['/']);
    expect(routeSamplePaths('/api/users/[id]')).toEqual(['/api/users/x7q']);
    expect(routeSamplePaths('/docs/[...slug]')).toEqual(['/docs/x7q', '/docs/x7q/x7q']);
    expect(routeSamplePaths('/shop/[[...slug]]')).toEqual(['/shop', '/shop/x7q', '/shop/x7q/x7q']);
    expect(routeSamplePaths('/blog/[[lang]]/[id=integer]')).toEqual(['/blog/x7q', '/blog/x7q/x7q']);
    expect(routeSamplePaths('relative')).toBe(null);
  });
});

describe('memoisation', () => {
  it('sees an edit of the gate file (its mtime changes) and answers from the memo otherwise', async () => {
    const fs = await import('node:fs');
    const { tempProject, touchForward, withStatClock } = await import('../../project/helpers');
    const middleware = (status: number): string =>
      `import { NextResponse } from 'next/server';\nexport function middleware(req) {\n  if (!req.cookies.get('session')) return new NextResponse(null, { status: ${status} });\n  return NextResponse.next();\n}\n`;
    const dir = tempProject({
      'package.json': '{}',
      'package-lock.json': '{}',
      'middleware.ts': middleware(401),
      'app/api/x/route.ts': "export async function GET() { return Response.json({}); }\n",
    });
    const route = path.join(dir, 'app/api/x/route.ts');
    await withStatClock((later) => {
      expect(gatesOf(route).gate?.description).toBe('middleware.ts middleware');
      expect(gatesOf(route).gate?.description).toBe('middleware.ts middleware');
      // 200 is no refusal: the same route is now open.
      fs.writeFileSync(path.join(dir, 'middleware.ts'), middleware(200));
      touchForward(path.join(dir, 'middleware.ts'));
      later();
      expect(gatesOf(route).gate).toBe(null);
      fs.rmSync(path.join(dir, 'middleware.ts'));
      later();
      expect(gatesOf(route).gate).toBe(null);
    });
  });
});
