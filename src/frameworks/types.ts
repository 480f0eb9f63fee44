import type { TSESTree } from '@typescript-eslint/utils';

import type { FileContext } from '../core/context';
import type { FunctionLike } from '../core/functions';

/** The rule context every adapter receives (any rule's options and message ids). */
export type AdapterContext = FileContext;

/**
 * Where client-controlled data lives on an object the framework hands to a handler.
 * `'input'` marks a member whose whole value (and everything below it) is client data;
 * a nested shape describes an object that only carries input at known places.
 * @example { properties: { params: 'input', request: { properties: { body: 'input' } } } } // Koa ctx
 */
export interface InputShape {
  /** Property reads: `req.query`. */
  readonly properties?: Readonly<Record<string, InputShape | 'input'>>;
  /** Method calls on the object: `req.get('host')`, `request.json()`. */
  readonly methods?: Readonly<Record<string, InputShape | 'input'>>;
}

/** What one handler parameter is. */
export type ParamRole =
  /** An object carrying request input at the places its shape names (`req`, `ctx`, `c`, `event`). */
  | {
      readonly kind: 'request';
      readonly shape: InputShape;
      /**
       * The schema that validated the input at a property, by property name: tRPC's
       * `.input(schema)` for the resolver's `input`. A value the schema constrains is not input.
       */
      readonly schemas?: Readonly<Record<string, TSESTree.Node>>;
    }
  /** The parameter itself is client data (NestJS `@Body()`, Server Action arguments). */
  | { readonly kind: 'input'; readonly description: string }
  /** The response object (`res`, `reply`): used by response-sink rules. */
  | { readonly kind: 'response' };

/** A function the framework calls with request data, and what each parameter is. */
export interface HandlerBinding {
  readonly framework: string;
  readonly fn: FunctionLike;
  /** Indexed like `fn.params`; `undefined` for parameters that are not request-related. */
  readonly params: readonly (ParamRole | undefined)[];
  /** The call, export or decorator that makes `fn` a handler (anchor for route models). */
  readonly registration: TSESTree.Node;
}

/** A function whose return value is request input wherever it is called (`getQuery(event)`). */
export interface InputCall {
  /** Module specifier without `node:`, or `null` for a global (Nuxt auto-imports). */
  readonly module: string | null;
  /** Export path (`getQuery`, `default`). */
  readonly path: string;
}

/**
 * Everything the plugin knows about one server framework. Each facet is optional so
 * that later rules add theirs (a route model for auth checks, response sinks and error
 * handlers for `no-stack-in-response`) without touching the existing ones.
 */
export interface FrameworkAdapter {
  /** Short name used in messages and origins (`express`, `next`). */
  readonly name: string;
  /**
   * Handlers the file registers, found once per Program through targeted lookups
   * (ReferenceTracker over the framework's imports, `context.filename` for file routing).
   */
  findHandlers?(context: AdapterContext): Iterable<HandlerBinding>;
  /**
   * Judges one function lazily from the function itself and its immediate use, for
   * handlers that imports cannot reveal (`'use server'` bodies, `app` received as a
   * parameter). Called only for functions not found by `findHandlers`.
   */
  classifyFunction?(context: AdapterContext, fn: FunctionLike): HandlerBinding | null;
  /** Calls whose result is request input anywhere in the file. */
  readonly inputCalls?: readonly InputCall[];
  /** How the framework sends responses and reports errors (used by `no-stack-in-response`). */
  readonly responses?: ResponseFacet;
  /** The endpoints the framework exposes and what guards them (used by `require-auth-gate-in-route`). */
  readonly routes?: RouteFacet;
}

/** How something came to guard a route. */
export type RouteGuardVia =
  /** A middleware argument of the registration: `app.get('/x', requireAuth, handler)`. */
  | 'argument'
  /** Router-level middleware registered before the route: `router.use(auth)`, `app.use('/admin', auth, adminRouter)`. */
  | 'router'
  /** A lifecycle hook of the route or its scope: Fastify `onRequest`/`preHandler`. */
  | 'hook'
  /** A decorator on the method or its class: NestJS `@UseGuards(AuthGuard('jwt'))`. */
  | 'decorator'
  /** A higher-order function around the handler: `withAuth(handler)`. */
  | 'wrapper'
  /** The builder a procedure is made from: tRPC `protectedProcedure`, `t.procedure.use(isAuthed)`. */
  | 'procedure'
  /** An app-wide guard the adapter reads or infers (NestJS `APP_GUARD`): the route is gated. */
  | 'global';

/** One middleware, guard, hook, wrapper or builder applied to a route before its handler runs. */
export interface RouteGuard {
  /** The expression naming it: an identifier, a call such as `passport.authenticate('jwt')`, a decorator argument. */
  readonly node: TSESTree.Node;
  readonly via: RouteGuardVia;
}

/**
 * One endpoint a file exposes to HTTP clients, as a framework adapter sees it. The rule
 * `require-auth-gate-in-route` judges only these, never framework syntax itself.
 */
export interface Route {
  /** Adapter name (`express`, `next`). */
  readonly framework: string;
  /**
   * Upper-case HTTP method (`GET`, `POST`, `ALL` for every method), or the kind of server
   * function for RPC-style frameworks (`ACTION` for Server Actions and form actions,
   * `MUTATION`/`QUERY` for tRPC procedures, `LOADER` for data loaders).
   */
  readonly method: string;
  /** The URL path, prefixes included, when known statically (`/api/users/:id`); `null` otherwise. */
  readonly path: string | null;
  /** How a reviewer names the route in a message (`POST /api/users/:id`, `Server Action createPost`). */
  readonly label: string;
  /** The functions that handle the request, when visible in this file (empty when imported). */
  readonly handlers: readonly FunctionLike[];
  /** Everything applied before the handlers, in order. */
  readonly guards: readonly RouteGuard[];
  /** Where the route is registered: a small node to report on (`app.post`, the export name, the decorator). */
  readonly node: TSESTree.Node;
  /** Statement that holds the registration, whose leading comments may mark the route public. */
  readonly statement: TSESTree.Node;
  /** The framework's own "public" marker on the route (`@Public()`), if any. */
  readonly publicMarker?: TSESTree.Node;
  /** The URL comes from the file's path (Next.js, SvelteKit, Nuxt, Remix): file globs apply. */
  readonly fileRouted?: boolean;
  /**
   * Handler expressions the file does not define (`router.get('/:id', getContractById)` with
   * the controller imported): set only when `handlers` is empty, for analyses that read the other file.
   */
  readonly externalHandlers?: readonly TSESTree.Node[];
  /**
   * The declaration of the router instance at the top of the route's chain when nothing in the
   * file mounts it (the router variable's identifier, or the plugin function whose first
   * parameter is the instance): another file may import and mount it.
   */
  readonly mountRoot?: TSESTree.Node;
}

/** Where a file mounts a router, plugin or sub-app defined in another file, and what guards that mount. */
export interface ForeignMount {
  /** The path prefix the mount adds (outer prefixes of this file included), `null` when none or not static. */
  readonly prefix: string | null;
  /** Guards of the mount, of the routers above it in this file, and their hooks (nodes of this file). */
  readonly guards: readonly RouteGuard[];
  /** Like `Route.mountRoot`: the top of the chain in this file when nothing here mounts it further. */
  readonly mountRoot?: TSESTree.Node;
}

/**
 * The route facet of an adapter. `findRoutes` runs once per file through targeted lookups
 * (imports, file routing); `routeOfCall` judges a member call the lookups could not trace
 * (routes on an `app` received as a parameter, a Fastify plugin's instance).
 */
export interface RouteFacet {
  findRoutes?(context: AdapterContext): Iterable<Route>;
  /** Method names of the calls `routeOfCall` wants to judge (`get`, `post`…). */
  readonly callMethods?: readonly string[];
  routeOfCall?(context: AdapterContext, call: TSESTree.CallExpression): Route | null;
  /**
   * Mounts of a value defined in another file: `refs` are this file's references to it (an
   * imported router, plugin or sub-app); each mount found on a router of the file is returned.
   */
  foreignMounts?(context: AdapterContext, refs: readonly TSESTree.Node[]): ForeignMount[];
}

/**
 * A framework's error-handler registration, whose parameters are caught errors and responses.
 * - `call`: a function passed to `x.<method>(…)` (Fastify `setErrorHandler`, Hono `onError`,
 *   Koa `app.on('error', …)` with `event: 'error'`);
 * - `arity`: a function with exactly that many parameters, the error one named like an error
 *   (Express `(err, req, res, next)`);
 * - `method`: a class method in a class with that decorator (NestJS `@Catch()` filters);
 * - `types`: a function whose parameters are declared with the framework's error and response
 *   types, wherever it is registered (Fastify `(error: FastifyError, request, reply: FastifyReply)`
 *   exported for another file's `setErrorHandler`).
 */
export type ErrorHandlerSpec =
  | { readonly kind: 'call'; readonly method: string; readonly event?: string; readonly errorParam: number; readonly responseParam?: number }
  | { readonly kind: 'arity'; readonly arity: number; readonly errorParam: number; readonly responseParam?: number }
  | { readonly kind: 'method'; readonly decorator: string; readonly method: string; readonly errorParam: number; readonly responseParam?: number }
  | { readonly kind: 'types'; readonly errorType: string; readonly responseType: string };

/** A method on a response object that sends a body: `res.json(body)`, `c.json(body, 500)`. */
export interface ResponseMethod {
  /** Argument indices that end up in the response. */
  readonly payload: readonly number[];
  /** Argument index of an optional status code. */
  readonly statusArg?: number;
}

/** A module export or global that builds or sends a response: `NextResponse.json(body, { status })`. */
export interface ResponseCall {
  /** Module specifier without `node:`, or `null` for a global. */
  readonly module: string | null;
  /** Export path (`['NextResponse', 'json']`). */
  readonly path: readonly string[];
  /** Called with `new` (`new Response(body)`). */
  readonly construct?: boolean;
  /** Argument indices that end up in the response. */
  readonly payload: readonly number[];
  /** Properties of an object-literal payload that are not sent (`cause`). */
  readonly ignoreProperties?: readonly string[];
  /** Argument index of the status code (`new HttpException(body, status)`). */
  readonly statusArg?: number;
  /** Argument index of an init object whose `status`/`statusCode` property is the status. */
  readonly statusInitArg?: number;
  /** The status the call always answers with (`new BadRequestException()` → 400). */
  readonly fixedStatus?: number;
}

/**
 * The response facet of an adapter. Response objects are recognised by role (handler
 * parameters with the `response` role, or the `request` one when `contextIsResponse`) or,
 * outside recognised handlers, by the conventional `names`.
 */
/** How values put where a view reads them reach the client (see `ResponseFacet.viewLocals`). */
export interface ViewLocals {
  /** The body property (`locals`). */
  readonly property: string;
  /** Methods that render a view with them (`render`). */
  readonly renderMethods: readonly string[];
  /** Methods that answer with a body of their own (`send`, `json`, `sendStatus`, `redirect`…). */
  readonly answerMethods: readonly string[];
  /** Names of the parameter that passes the request on to the next middleware (`next`). */
  readonly passOnParams: readonly string[];
}

export interface ResponseFacet {
  /** Conventional names of the response (or context) parameter. */
  readonly names: readonly string[];
  /** The handler's context parameter also sends the response (Koa `ctx`, Hono `c`). */
  readonly contextIsResponse?: boolean;
  /** Methods that send a body. */
  readonly methods?: Readonly<Record<string, ResponseMethod>>;
  /** Chainable methods that set the status: `res.status(500).json()`, `reply.code(500)`. */
  readonly statusMethods?: readonly string[];
  /** Other chainable methods returning the response: `res.set(…).json()`. */
  readonly chainMethods?: readonly string[];
  /** Properties whose assignment sends data: Koa `ctx.body =`, Express `res.locals.x =`. */
  readonly bodyProperties?: readonly string[];
  /**
   * Body properties a view reads (Express `res.locals`): they reach the client through a render
   * method, or a later middleware after the handler passes the request on (`next()`); a handler
   * that answers with another method keeps them on the server.
   */
  readonly viewLocals?: ViewLocals;
  /** Properties whose assignment sets the status: `ctx.status = 500`, `res.statusCode = 500`. */
  readonly statusProperties?: readonly string[];
  /** Properties holding another response object: Koa `ctx.response`, `ctx.res`, Fastify `reply.raw`. */
  readonly nestedResponses?: readonly string[];
  /** Methods returning a response object: NestJS `host.switchToHttp().getResponse()`. */
  readonly responseFactories?: readonly string[];
  /** Module exports and globals that build or send a response. */
  readonly calls?: readonly ResponseCall[];
  /** Error-handler registrations: their parameters are caught errors and responses. */
  readonly errorHandlers?: readonly ErrorHandlerSpec[];
  /** A directive that makes functions return values to the client (`'use server'`). */
  readonly actionDirective?: string;
  /**
   * Methods that send a file from disk: the path argument, and the option arguments whose
   * `root` confines the path (Express `res.sendFile(p, { root })` refuses to leave `root`).
   */
  readonly fileMethods?: Readonly<Record<string, FileMethod>>;
}

/** A response method that reads a file from disk (used by `no-unsanitized-fs-path`). */
export interface FileMethod {
  readonly pathArg: number;
  readonly optionArgs: readonly number[];
}
