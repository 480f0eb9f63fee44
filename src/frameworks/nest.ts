import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { isFunctionLike } from '../core/functions';
import { CALL, READ, iterateModuleReferences, resolveCallTarget } from '../core/modules';
import type { TraceMap } from '../core/modules';
import { enclosingStatement, joinPaths } from './kit/router-routes';
import { dereference, findObjectProperty, skipTsWrappers, staticValueOf } from '../core/static';
import { variableFor } from '../core/variable-index';
import { NODE_FRAMEWORK_REQUEST } from './shapes';
import type { AdapterContext, FrameworkAdapter, HandlerBinding, ParamRole, Route, RouteGuard } from './types';
import { wordsOf } from '../core/words';

/** Parameter decorators whose parameter receives client data. */
const INPUT_DECORATORS = ['Body', 'Query', 'Param', 'Headers', 'UploadedFile', 'UploadedFiles', 'Ip', 'HostParam'];
/** Parameter decorators that inject the whole (Express or Fastify) request. */
const REQUEST_DECORATORS = ['Req', 'Request'];

const DECORATORS: Record<string, TraceMap<string>> = {
  '@nestjs/common': Object.fromEntries([...INPUT_DECORATORS, ...REQUEST_DECORATORS].map((d) => [d, { [CALL]: d }])),
};

/** Route decorators of `@nestjs/common` and the HTTP method each stands for (`@Sse()` streams a GET). */
const ROUTE_DECORATORS: Readonly<Record<string, string>> = {
  Get: 'GET', Post: 'POST', Put: 'PUT', Patch: 'PATCH', Delete: 'DELETE', All: 'ALL', Head: 'HEAD', Options: 'OPTIONS', Search: 'SEARCH', Sse: 'GET',
};
const ROUTES: Record<string, TraceMap<string>> = {
  '@nestjs/common': Object.fromEntries(Object.keys(ROUTE_DECORATORS).map((d) => [d, { [CALL]: d }])),
};
const APP_GUARD: Record<string, TraceMap<string>> = { '@nestjs/core': { APP_GUARD: { [READ]: 'APP_GUARD' } } };
/** Provider keys whose value is the guard class or instance: `{ provide: APP_GUARD, useClass: JwtAuthGuard }`. */
const PROVIDER_KEYS = ['useClass', 'useExisting', 'useValue', 'useFactory'];

/**
 * Words of a decorator (or metadata key) that marks a route public on purpose: `@Public()`,
 * `@AllowAnonymous()`, `@SkipAuth()`, `@Unprotected()` (nest-keycloak-connect),
 * `SetMetadata(IS_PUBLIC_KEY, true)`. `@SkipThrottle()` is not one: it names no auth.
 */
const PUBLIC_WORDS = new Set(['public', 'anonymous', 'anon', 'unprotected', 'unauthenticated', 'noauth']);
const OPT_OUT_WORDS = new Set(['skip', 'no', 'bypass', 'disable', 'without', 'optional', 'allow', 'ignore', 'exclude']);
const OPT_OUT_TARGETS = new Set(['auth', 'authentication', 'guard', 'guards', 'jwt', 'login', 'session']);

function isPublicName(name: string): boolean {
  const words = wordsOf(name);
  return words.some((w) => PUBLIC_WORDS.has(w)) || (words.some((w) => OPT_OUT_WORDS.has(w)) && words.some((w) => OPT_OUT_TARGETS.has(w)));
}

/**
 * Words of authorization metadata (`@Roles('admin')`, `@Scopes('read')`, `@CheckPolicies(…)`):
 * they do nothing without a guard that reads them, so a route carrying one without a
 * `@UseGuards` in sight is covered by an app-wide guard (`APP_GUARD` in another file).
 */
const AUTHZ_METADATA_WORDS = new Set(['role', 'roles', 'scope', 'scopes', 'permission', 'permissions', 'policy', 'policies', 'ability', 'abilities']);

/** A decorator's callee and the module export it resolves to (`@UseGuards(…)` → `@nestjs/common` `UseGuards`). */
interface DecoratorInfo {
  readonly decorator: TSESTree.Decorator;
  /** The decorator expression without TS wrappers: `UseGuards(A)` or `Public`. */
  readonly expr: TSESTree.Node;
  readonly call: TSESTree.CallExpression | null;
  readonly name: string | null;
  readonly module: string | null;
  readonly export: string | null;
}

function decoratorInfo(context: AdapterContext, decorator: TSESTree.Decorator): DecoratorInfo {
  const expr = skipTsWrappers(decorator.expression);
  const call = expr.type === AST_NODE_TYPES.CallExpression ? expr : null;
  const callee = skipTsWrappers(call ? call.callee : expr);
  const name =
    callee.type === AST_NODE_TYPES.Identifier
      ? callee.name
      : callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier
        ? callee.property.name
        : null;
  const target = name === null ? null : resolveCallTarget(context, callee);
  return { decorator, expr, call, name, module: target?.module ?? null, export: target?.path.join('.') ?? null };
}

function isNestCommon(info: DecoratorInfo, name: string): boolean {
  return info.module === '@nestjs/common' && info.export === name;
}

/**
 * Guard arguments of `@UseGuards(…)`: arrays and spreads of constant arrays flattened; a
 * spread of anything else stands for itself (`...authGuards` is judged by its name).
 */
function argumentNodes(context: AdapterContext, args: readonly TSESTree.Node[], depth = 0): TSESTree.Node[] {
  const out: TSESTree.Node[] = [];
  for (const arg of args) {
    const node = skipTsWrappers(arg.type === AST_NODE_TYPES.SpreadElement ? arg.argument : arg);
    const array = arg.type === AST_NODE_TYPES.SpreadElement ? dereference(context, node) : node;
    if (array.type === AST_NODE_TYPES.ArrayExpression && depth < 3) {
      out.push(...argumentNodes(context, array.elements.filter((e): e is TSESTree.Expression | TSESTree.SpreadElement => e !== null), depth + 1));
    } else {
      out.push(node);
    }
  }
  return out;
}

/** The metadata key of `SetMetadata(IS_PUBLIC_KEY, true)`: the constant's name and its value. */
function metadataKeyNames(context: AdapterContext, call: TSESTree.CallExpression): string[] {
  const key = call.arguments[0];
  if (!key || key.type === AST_NODE_TYPES.SpreadElement) {
    return [];
  }
  const names: string[] = [];
  if (key.type === AST_NODE_TYPES.Identifier) {
    names.push(key.name);
  }
  const value = staticValueOf(context, key)?.value;
  if (typeof value === 'string') {
    names.push(value);
  }
  return names;
}

/**
 * Whether a decorator marks its method or class public: by its name (`@Public()`), as a
 * direct `@SetMetadata('isPublic', true)`, or as a local factory returning such a call
 * (`const Public = () => SetMetadata(IS_PUBLIC_KEY, true)`).
 */
function isPublicDecorator(context: AdapterContext, info: DecoratorInfo): boolean {
  if (info.module?.startsWith('@nestjs/') && info.export !== 'SetMetadata') {
    return false;
  }
  if (info.name !== null && isPublicName(info.name)) {
    return true;
  }
  const setMetadata = info.call && info.export === 'SetMetadata' ? info.call : localFactoryCall(context, info);
  return setMetadata !== null && metadataKeyNames(context, setMetadata).some((name) => isPublicName(name));
}

/** `SetMetadata(…)` returned by a decorator factory defined in the file: `export const Public = () => SetMetadata(KEY, true)`. */
function localFactoryCall(context: AdapterContext, info: DecoratorInfo): TSESTree.CallExpression | null {
  const callee = info.call ? skipTsWrappers(info.call.callee) : info.expr;
  if (callee.type !== AST_NODE_TYPES.Identifier) {
    return null;
  }
  const def = variableFor(context, callee)?.defs[0];
  const init = def?.type === 'Variable' && def.node.init ? skipTsWrappers(def.node.init) : null;
  const body = init?.type === AST_NODE_TYPES.ArrowFunctionExpression && init.body.type !== AST_NODE_TYPES.BlockStatement ? skipTsWrappers(init.body) : init;
  if (body?.type !== AST_NODE_TYPES.CallExpression) {
    return null;
  }
  const target = resolveCallTarget(context, body.callee);
  return target?.module === '@nestjs/common' && target.path.join('.') === 'SetMetadata' ? body : null;
}

function isAuthzMetadata(info: DecoratorInfo): boolean {
  return info.name !== null && !info.module?.startsWith('@nestjs/') && wordsOf(info.name).some((w) => AUTHZ_METADATA_WORDS.has(w));
}

/**
 * Decorators that may apply guards themselves: the project's own composed decorators
 * (`@Auth()` built with `applyDecorators(UseGuards(…))`, `@Authenticated()`). Decorators of
 * NestJS packages (`@ApiBearerAuth()` of `@nestjs/swagger` only documents) are not.
 */
function isCustomDecorator(info: DecoratorInfo): boolean {
  return info.name !== null && !info.module?.startsWith('@nestjs/') && info.module !== 'class-validator' && info.module !== 'class-transformer';
}

/** What the decorators of a method or class contribute to its routes. */
interface DecoratorFacts {
  readonly guards: RouteGuard[];
  readonly publicMarker: TSESTree.Node | null;
  readonly authzMetadata: TSESTree.Node | null;
}

function decoratorFacts(context: AdapterContext, decorators: readonly TSESTree.Decorator[]): DecoratorFacts {
  const guards: RouteGuard[] = [];
  let publicMarker: TSESTree.Node | null = null;
  let authzMetadata: TSESTree.Node | null = null;
  for (const decorator of decorators) {
    const info = decoratorInfo(context, decorator);
    if (isNestCommon(info, 'UseGuards')) {
      guards.push(...argumentNodes(context, info.call?.arguments ?? []).map((node) => ({ node, via: 'decorator' as const })));
    } else if (isPublicDecorator(context, info)) {
      publicMarker ??= decorator;
    } else if (isAuthzMetadata(info)) {
      authzMetadata ??= decorator;
    } else if (isCustomDecorator(info)) {
      guards.push({ node: info.expr, via: 'decorator' });
    }
  }
  return { guards, publicMarker, authzMetadata };
}

/** The path of `@Controller('users')`, `@Controller({ path: 'users' })`, `@Controller(['a', 'b'])` (first); `''` for `@Controller()`. */
function pathArgument(context: AdapterContext, call: TSESTree.CallExpression | null): string | null {
  const arg = call?.arguments[0];
  if (!arg) {
    return '';
  }
  if (arg.type === AST_NODE_TYPES.SpreadElement) {
    return null;
  }
  let node = skipTsWrappers(arg);
  if (node.type === AST_NODE_TYPES.ObjectExpression) {
    const path = findObjectProperty(context, node, 'path');
    if (path.kind === 'absent') {
      return '';
    }
    if (path.kind !== 'found') {
      return null;
    }
    node = skipTsWrappers(path.value);
  }
  const value = staticValueOf(context, node)?.value;
  const first: unknown = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : null;
}

/** `users` → `/users`, `/users/` → `/users`, `''` → `''`. */
function segment(path: string): string {
  const trimmed = path.replace(/^\/+|\/+$/gu, '');
  return trimmed === '' ? '' : `/${trimmed}`;
}

type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/** A controller class: its `@Controller` path (null when dynamic), guards and public marker, own and inherited. */
interface ControllerFacts extends DecoratorFacts {
  /** `undefined`: the class is not a controller (an abstract base whose routes exist only in subclasses). */
  readonly prefix: string | null | undefined;
  readonly name: string;
}

function controllerFacts(context: AdapterContext, cls: ClassNode): ControllerFacts {
  let prefix: string | null | undefined;
  for (const decorator of cls.decorators) {
    const info = decoratorInfo(context, decorator);
    if (isNestCommon(info, 'Controller')) {
      const path = pathArgument(context, info.call);
      prefix = path === null ? null : segment(path);
    } else if (prefix === undefined && info.name !== null && wordsOf(info.name).includes('controller')) {
      prefix = null; // a project decorator wrapping `@Controller()`: its path is not visible
    }
  }
  const own = decoratorFacts(context, cls.decorators);
  // Class-level metadata is inherited: `@UseGuards(JwtAuthGuard) class Base {}` guards `class Users extends Base`.
  const inherited = superClassFacts(context, cls);
  return {
    prefix,
    name: cls.id?.name ?? 'AnonymousController',
    guards: [...inherited.guards, ...own.guards],
    publicMarker: own.publicMarker ?? inherited.publicMarker,
    authzMetadata: own.authzMetadata ?? inherited.authzMetadata,
  };
}

function superClassFacts(context: AdapterContext, cls: ClassNode, depth = 0): DecoratorFacts {
  const superClass = cls.superClass ? skipTsWrappers(cls.superClass) : null;
  const def = superClass?.type === AST_NODE_TYPES.Identifier && depth < 3 ? variableFor(context, superClass)?.defs[0] : undefined;
  const base = def?.type === 'ClassName' ? (def.node as ClassNode) : null;
  if (!base) {
    return { guards: [], publicMarker: null, authzMetadata: null };
  }
  const own = decoratorFacts(context, base.decorators);
  const above = superClassFacts(context, base, depth + 1);
  return { guards: [...above.guards, ...own.guards], publicMarker: own.publicMarker ?? above.publicMarker, authzMetadata: own.authzMetadata ?? above.authzMetadata };
}

/** Guards every route of the file gets from `{ provide: APP_GUARD, useClass: JwtAuthGuard }` providers declared in it. */
function appGuards(context: AdapterContext): RouteGuard[] {
  const guards: RouteGuard[] = [];
  const uses: TSESTree.Node[] = [];
  for (const ref of iterateModuleReferences(context, APP_GUARD)) {
    // A named import is reported at its specifier: its uses are the local name's references.
    if (ref.node.type === AST_NODE_TYPES.ImportSpecifier) {
      uses.push(...(context.sourceCode.getDeclaredVariables(ref.node)[0]?.references.map((r) => r.identifier as TSESTree.Node) ?? []));
    } else {
      uses.push(ref.node);
    }
  }
  for (const use of uses) {
    const property = use.parent;
    const object = property?.parent;
    if (property?.type !== AST_NODE_TYPES.Property || property.value !== use || object?.type !== AST_NODE_TYPES.ObjectExpression) {
      continue;
    }
    for (const key of PROVIDER_KEYS) {
      const found = findObjectProperty(context, object, key);
      if (found.kind !== 'found') {
        continue;
      }
      let node = skipTsWrappers(found.value);
      // `useFactory: (reflector) => new JwtAuthGuard(reflector)`: the guard is what the factory returns.
      if (node.type === AST_NODE_TYPES.ArrowFunctionExpression && node.body.type !== AST_NODE_TYPES.BlockStatement) {
        node = skipTsWrappers(node.body);
      }
      guards.push({ node, via: 'decorator' });
    }
  }
  return guards;
}

/** `GET /users/:id`; `GET UsersController.findOne` when the controller path is not static. */
function routeLabel(method: string, path: string | null, controller: string, key: TSESTree.Node): string {
  if (path !== null) {
    return `${method} ${path}`;
  }
  const member = key.type === AST_NODE_TYPES.Identifier ? key.name : key.type === AST_NODE_TYPES.Literal ? String(key.value) : '[computed]';
  return `${method} ${controller}.${member}`;
}

/**
 * NestJS controller routes: methods of `@Controller()` classes decorated `@Get()`, `@Post()`…
 * with the guards of `@UseGuards(…)` on the class (and classes it extends in the file) and
 * the method, the project's own composed decorators (`@Auth()`), and `APP_GUARD` providers
 * declared in the file. `@Public()`-style decorators mark a route (or class) public.
 *
 * `@Public()` only makes sense with a global guard that honours it, and `@Roles()` metadata
 * only with a guard that reads it: the routes of a file that uses a public marker anywhere,
 * and routes carrying authorization metadata, are taken to be covered by an app-wide guard
 * declared elsewhere, and are not yielded (`Route` has no field for an inferred guard yet).
 */
function findNestRoutes(context: AdapterContext): Route[] {
  const pending: { route: Route; implied: TSESTree.Node | null }[] = [];
  const controllers = new Map<ClassNode, ControllerFacts>();
  let filePublicMarker: TSESTree.Node | null = null;
  let fileGuards: RouteGuard[] | null = null;
  for (const ref of iterateModuleReferences(context, ROUTES)) {
    const call = ref.node;
    const decorator = call.parent;
    const method = decorator?.parent;
    if (
      call.type !== AST_NODE_TYPES.CallExpression ||
      decorator?.type !== AST_NODE_TYPES.Decorator ||
      method?.type !== AST_NODE_TYPES.MethodDefinition ||
      method.static
    ) {
      continue;
    }
    const cls = method.parent.parent as ClassNode;
    let controller = controllers.get(cls);
    if (!controller) {
      controller = controllerFacts(context, cls);
      controllers.set(cls, controller);
    }
    if (controller.prefix === undefined || cls.abstract) {
      continue;
    }
    fileGuards ??= appGuards(context);
    const own = decoratorFacts(context, method.decorators);
    const httpMethod = ROUTE_DECORATORS[ref.path.at(-1)!]!;
    const local = pathArgument(context, call);
    const path = controller.prefix === null || local === null ? null : joinPaths(controller.prefix || '/', segment(local) || '/');
    const publicMarker = own.publicMarker ?? controller.publicMarker;
    filePublicMarker ??= publicMarker;
    const fn = method.value;
    pending.push({
      route: {
        framework: 'nest',
        method: httpMethod,
        path,
        label: routeLabel(httpMethod, path, controller.name, method.key),
        handlers: isFunctionLike(fn) ? [fn] : [],
        guards: [...fileGuards, ...controller.guards, ...own.guards],
        node: decorator,
        statement: enclosingStatement(method),
        ...(publicMarker ? { publicMarker } : {}),
      },
      implied: own.authzMetadata ?? controller.authzMetadata,
    });
  }
  // Evidence of an app-wide guard declared in another file (a `@Public()` marker elsewhere in
  // the file, `@Roles()`-style metadata on the route): the route carries an inferred global guard.
  return pending.map(({ route, implied }) => {
    const evidence = route.publicMarker === undefined ? (implied ?? filePublicMarker) : null;
    return evidence ? { ...route, guards: [...route.guards, { node: evidence, via: 'global' as const }] } : route;
  });
}

/** NestJS controller methods: parameters decorated `@Param()`, `@Query()`, `@Body()`, `@Headers()`, `@Req()`… */
export const nest: FrameworkAdapter = {
  name: 'nest',
  routes: { findRoutes: findNestRoutes },
  responses: {
    names: [],
    responseFactories: ['getResponse'],
    calls: [
      { module: '@nestjs/common', path: ['HttpException'], construct: true, payload: [0], statusArg: 1 },
      ...Object.entries({
        BadRequestException: 400, UnauthorizedException: 401, ForbiddenException: 403, NotFoundException: 404,
        MethodNotAllowedException: 405, NotAcceptableException: 406, RequestTimeoutException: 408, ConflictException: 409,
        GoneException: 410, PreconditionFailedException: 412, PayloadTooLargeException: 413, UnsupportedMediaTypeException: 415,
        ImATeapotException: 418, MisdirectedException: 421, UnprocessableEntityException: 422, InternalServerErrorException: 500,
        NotImplementedException: 501, BadGatewayException: 502, ServiceUnavailableException: 503, GatewayTimeoutException: 504,
        HttpVersionNotSupportedException: 505,
      }).map(([name, status]) => ({ module: '@nestjs/common', path: [name], construct: true, payload: [0, 1], ignoreProperties: ['cause'], fixedStatus: status })),
    ],
    errorHandlers: [{ kind: 'method', decorator: 'Catch', method: 'catch', errorParam: 0 }],
  },
  *findHandlers(context: AdapterContext): Generator<HandlerBinding> {
    for (const ref of iterateModuleReferences(context, DECORATORS)) {
      const call = ref.node as TSESTree.CallExpression;
      const decorator = call.parent;
      if (decorator?.type !== AST_NODE_TYPES.Decorator) {
        continue;
      }
      const param = decorator.parent;
      const fn = param?.parent;
      if (!param || !isFunctionLike(fn)) {
        continue;
      }
      const index = (fn.params as TSESTree.Node[]).indexOf(param);
      if (index < 0) {
        continue;
      }
      const name = ref.path.at(-1)!;
      const role: ParamRole = REQUEST_DECORATORS.includes(name)
        ? { kind: 'request', shape: NODE_FRAMEWORK_REQUEST }
        : { kind: 'input', description: context.sourceCode.getText(decorator) };
      const params: (ParamRole | undefined)[] = [];
      params[index] = role;
      yield { framework: 'nest', fn, params, registration: decorator };
    }
  },
};
