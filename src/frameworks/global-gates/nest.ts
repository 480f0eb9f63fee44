/**
 * NestJS project-level gates: `{ provide: APP_GUARD, useClass: X }` in any module, and
 * `app.useGlobalGuards(new X())` in `main.ts`; what makes a guard class refuse a request; and
 * middleware a module applies with `consumer.apply(X).forRoutes(…)`: the consumer chain, route
 * info, `forRoutes` path syntax, and what makes a middleware refuse an anonymous request.
 */
import { pathPatternRegExp } from './path-patterns';

/** The token that registers a guard for every route. */
export const NEST_APP_GUARD = { module: '@nestjs/core', path: ['APP_GUARD'] } as const;
/** Quick text filter for files that may register one. */
export const NEST_APP_GUARD_TEXT = /\bAPP_GUARD\b/u;
/** Provider keys naming the guard class. */
export const NEST_GUARD_PROVIDER_KEYS: readonly string[] = ['useClass', 'useExisting'];
/** Bootstrap files, in the folder above which the app's modules live. */
export const NEST_MAIN_FILES: readonly string[] = ['main.ts', 'main.js'];
/** The app method that registers global guards. */
export const NEST_GLOBAL_GUARDS_METHOD = 'useGlobalGuards';
/** The guard method Nest calls for every request. */
export const NEST_GUARD_METHOD = 'canActivate';
/** `AuthGuard('jwt')` of `@nestjs/passport`: refuses a request its strategy does not authenticate. */
export const NEST_PASSPORT_GUARD = { module: '@nestjs/passport', path: ['AuthGuard'] } as const;
/** Exceptions a guard throws to refuse (Nest answers 401/403). */
export const NEST_REFUSING_EXCEPTIONS = /^(?:Unauthori[sz]ed|Forbidden)(?:Exception|Error)$/u;
/** Reads of route metadata in a guard (`reflector.getAllAndOverride(IS_PUBLIC_KEY, …)`): absent on an unmarked route. */
export const NEST_METADATA_READS: ReadonlySet<string> = new Set(['get', 'getAll', 'getAllAndOverride', 'getAllAndMerge']);

// ---- Middleware applied in a module: `consumer.apply(AuthMiddleware).exclude(…).forRoutes(…)` ----

/** Quick text filter for module files that may apply middleware to routes. */
export const NEST_FOR_ROUTES_TEXT = /\bforRoutes\b/u;
/** The `MiddlewareConsumer` chain: `apply(…)` starts an application, `exclude(…)` and `forRoutes(…)` complete it. */
export const NEST_CONSUMER_APPLY = 'apply';
export const NEST_CONSUMER_EXCLUDE = 'exclude';
export const NEST_CONSUMER_FOR_ROUTES = 'forRoutes';
/** The method Nest calls on a class middleware (`NestMiddleware.use(req, res, next)`). */
export const NEST_MIDDLEWARE_METHOD = 'use';
/** `RequestMethod` of `@nestjs/common`: `method: RequestMethod.GET` in a route info object. */
export const NEST_REQUEST_METHOD = { module: '@nestjs/common', path: ['RequestMethod'] } as const;
/**
 * Text of an app whose routes answer under prefixes the Nest adapter's `route.path` does not
 * show (`RouterModule.register([{ path: 'admin', module }])`, URI versioning): there, a
 * `forRoutes` path cannot be matched against `route.path`, only a controller class can.
 */
export const NEST_ROUTE_PREFIXING_TEXT = /\bRouterModule\b|\benableVersioning\b/u;
/** Route info keys that make the entry something this reader does not match (URI versioning). */
export const NEST_ROUTE_INFO_UNREAD_KEYS: readonly string[] = ['version'];
/** Request headers that carry a credential: absent on an anonymous request. */
export const NEST_CREDENTIAL_HEADERS: ReadonlySet<string> = new Set(['authorization', 'x-access-token', 'x-auth-token', 'x-api-key', 'api-key', 'x-session-token']);
/** Local names a middleware gives the credential header it read (`const authHeader = req.headers.authorization`). */
export const NEST_CREDENTIAL_HEADER_NAMES: ReadonlySet<string> = new Set(['authorization', 'authHeader', 'authHeaders', 'authorizationHeader', 'bearerToken']);
/** Request members holding cookies; a credential-named cookie is absent on an anonymous request. */
export const NEST_COOKIE_MEMBERS: ReadonlySet<string> = new Set(['cookies', 'signedCookies']);
/** Request methods that read a header (`req.get('authorization')`, `req.header('Authorization')`). */
export const NEST_HEADER_GETTERS: ReadonlySet<string> = new Set(['get', 'header']);
/** String methods whose result on a credential is still absent (or that throw) when the credential is. */
export const NEST_CREDENTIAL_DERIVATIONS: ReadonlySet<string> = new Set(['replace', 'slice', 'substring', 'substr', 'trim', 'toString']);
/** Express response calls that end a request with a status: `res.sendStatus(401)`, `res.status(401).json(…)`. */
export const NEST_RESPONSE_STATUS_SENDER = 'sendStatus';
export const NEST_RESPONSE_STATUS_SETTER = 'status';
export const NEST_RESPONSE_SENDERS: ReadonlySet<string> = new Set(['json', 'send', 'end']);
/** Statuses (and their `HttpStatus` names) that refuse an anonymous request in a middleware. */
export const NEST_REFUSING_STATUS = /^(?:401|403|HttpStatus\.(?:UNAUTHORIZED|FORBIDDEN))$/u;

/** A value no Nest route path names: a `:param` must match whatever it holds. */
const SAMPLE_SEGMENT = 'x7q';

/**
 * Concrete paths standing for every request a Nest route answers (its `route.path`, without the
 * global prefix, as `forRoutes` paths are written): each `:param` becomes one sample segment,
 * `:param?` also its absence. `null` for a path with wildcards or groups (`ab*cd`, `:id(\\d+)`)
 * or that is not absolute.
 * @example nestRouteSamples('/articles/:slug/comments') // ['/articles/x7q/comments']
 */
export function nestRouteSamples(routePath: string): string[] | null {
  if (typeof routePath !== 'string' || !routePath.startsWith('/')) {
    return null;
  }
  let samples: string[][] = [[]];
  for (const segment of routePath.split('/').slice(1)) {
    let options: string[][];
    if (/^:\w+\?$/u.test(segment)) {
      options = [[], [SAMPLE_SEGMENT]];
    } else if (/^:\w+$/u.test(segment)) {
      options = [[SAMPLE_SEGMENT]];
    } else if (/^[\w.~@$!&',;=%-]*$/u.test(segment)) {
      options = segment === '' ? [[]] : [[segment]];
    } else {
      return null;
    }
    samples = samples.flatMap((sample) => options.map((option) => [...sample, ...option]));
    if (samples.length > 16) {
      return null;
    }
  }
  return [...new Set(samples.map((sample) => `/${sample.join('/')}`))];
}

/**
 * A `forRoutes`/`exclude` path as an anchored RegExp over route paths (leading and trailing
 * slashes optional, as Nest writes them): `:param`, `(.*)` groups, and a bare `*` (or Nest 11's
 * named `*splat`) as "anything". `null` for what this reader does not know (`{…}` blocks), which
 * the caller treats as matching nothing.
 * @example nestPathRegExp('profiles/*')!.test('/profiles/x7q/follow') // true
 */
export function nestPathRegExp(pattern: string): RegExp | null {
  if (typeof pattern !== 'string' || pattern.length > 500) {
    return null;
  }
  const body = pattern.trim().replace(/^\/+|\/+$/gu, '');
  let out = '';
  let depth = 0;
  for (let i = 0; i < body.length; i++) {
    const char = body[i]!;
    if (char === '\\') {
      out += body.slice(i, i + 2);
      i++;
      continue;
    }
    depth += char === '(' ? 1 : char === ')' ? -1 : 0;
    // A `*` after a group or a `:param` repeats it; anywhere else it is a wildcard.
    if (char === '*' && depth === 0 && !out.endsWith(')') && !/:\w+$/u.test(out)) {
      // `*`, `*splat`: any rest of the path.
      while (/\w/u.test(body[i + 1] ?? '')) {
        i++;
      }
      out += '(.*)';
      continue;
    }
    out += char;
  }
  return pathPatternRegExp(`/${out}`);
}
