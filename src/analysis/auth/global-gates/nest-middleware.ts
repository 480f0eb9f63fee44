/**
 * NestJS middleware applied in a module: `configure(consumer) { consumer.apply(AuthMiddleware)
 * .exclude(…).forRoutes(…) }`. A route is covered when an application whose middleware refuses
 * anonymous requests (its `use(req, res, next)` throws `UnauthorizedException`, or answers 401,
 * when there is no credential) names it in `forRoutes` — by path and method, by a path pattern,
 * or by its controller class — and no `exclude` entry may match it. Anything this reader cannot
 * read covers nothing: an unresolved middleware, a spread, a dynamic path, an unreadable exclude.
 */
import path from 'node:path';

import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import {
  NEST_CONSUMER_APPLY,
  NEST_CONSUMER_EXCLUDE,
  NEST_CONSUMER_FOR_ROUTES,
  NEST_FOR_ROUTES_TEXT,
  NEST_MIDDLEWARE_METHOD,
  NEST_REQUEST_METHOD,
  NEST_ROUTE_INFO_UNREAD_KEYS,
  NEST_ROUTE_PREFIXING_TEXT,
  nestPathRegExp,
  nestRouteSamples,
} from '../../../frameworks/global-gates/nest';
import type { Route } from '../../../frameworks/types';
import { pathForDisplay, projectFile, projectFiles, projectRoot } from '../../../project/index';
import type { ProjectFile } from '../../../project/index';
import { pushChildNodes, dottedName } from '../../../core/ast';
import { perFile, perFileKey } from '../../../core/context';
import type { FileContext } from '../../../core/context';
import { parameterName } from '../../../core/functions';
import type { FunctionLike } from '../../../core/functions';
import { resolveCallTarget } from '../../../core/modules';
import { findObjectProperty, skipTsWrappers, staticValue } from '../../../core/static';
import { functionOf, newReader, shortText, walkFunction } from './reader';
import type { Deps } from './reader';
import { memoised } from './models';
import type { GlobalGate } from './models';
import { classOf, nestAppDirectory } from './nest';

/** Routes one `forRoutes`/`exclude` entry names. */
type RouteTarget =
  | { readonly kind: 'path'; readonly regex: RegExp; readonly method: string; readonly text: string }
  | { readonly kind: 'controller'; readonly file: string; readonly name: string; readonly text: string };

/** One `consumer.apply(…)…forRoutes(…)` whose middleware refuses anonymous requests. */
interface Application {
  /** The gate middleware, for the description. */
  readonly middleware: string;
  readonly targets: readonly RouteTarget[];
  readonly excludes: readonly RouteTarget[];
}

/** Every method: `RequestMethod.ALL`, or no `method` in the route info. */
const ALL = 'ALL';
const MAX_CHAIN = 16;

/** `RequestMethod.GET` → `GET`; `null` when not a `RequestMethod` member. */
function requestMethod(context: FileContext, node: TSESTree.Node): string | null {
  const expr = skipTsWrappers(node);
  const target = resolveCallTarget(context, expr);
  const [holder, member] = target ? (target.module === NEST_REQUEST_METHOD.module ? target.path : []) : (dottedName(expr)?.split('.') ?? []);
  return holder === NEST_REQUEST_METHOD.path[0] && member !== undefined && /^[A-Z]+$/u.test(member) ? member : null;
}

function pathTarget(pattern: string, method: string): RouteTarget | null {
  const regex = nestPathRegExp(pattern);
  return regex ? { kind: 'path', regex, method, text: `${method === ALL ? '' : `${method} `}${pattern}` } : null;
}

/** A `forRoutes`/`exclude` entry: a path string, `{ path, method }`, or (for `forRoutes`) a controller class; `null` when unreadable. */
function routeTarget(context: FileContext, node: TSESTree.Node, controllers: boolean, deps: Deps): RouteTarget | null {
  const expr = skipTsWrappers(node);
  if (expr.type === AST_NODE_TYPES.ObjectExpression) {
    if (NEST_ROUTE_INFO_UNREAD_KEYS.some((key) => findObjectProperty(context, expr, key).kind !== 'absent')) {
      return null;
    }
    const pathProperty = findObjectProperty(context, expr, 'path');
    const methodProperty = findObjectProperty(context, expr, 'method');
    const pattern = pathProperty.kind === 'found' ? staticValue(context, pathProperty.value)?.value : null;
    const method = methodProperty.kind === 'absent' ? ALL : methodProperty.kind === 'found' ? requestMethod(context, methodProperty.value) : null;
    return typeof pattern === 'string' && method !== null ? pathTarget(pattern, method) : null;
  }
  const value = staticValue(context, expr)?.value;
  if (typeof value === 'string') {
    return pathTarget(value, ALL);
  }
  const found = controllers && expr.type === AST_NODE_TYPES.Identifier ? classOf(context, expr, deps) : null;
  const name = found?.cls.id?.name;
  return found && name ? { kind: 'controller', file: found.context.filename, name, text: name } : null;
}

/** The `use(req, res, next)` of a class middleware (own or inherited), or a functional middleware. */
function middlewareFunction(context: FileContext, node: TSESTree.Node, deps: Deps): { fn: FunctionLike; context: FileContext } | null {
  let found = classOf(context, node, deps);
  for (let depth = 0; found && depth < 3; depth++) {
    const method = found.cls.body.body.find(
      (member): member is TSESTree.MethodDefinition =>
        member.type === AST_NODE_TYPES.MethodDefinition && !member.static && member.key.type === AST_NODE_TYPES.Identifier && member.key.name === NEST_MIDDLEWARE_METHOD,
    );
    if (method) {
      return { fn: method.value as FunctionLike, context: found.context };
    }
    found = found.cls.superClass ? classOf(found.context, found.cls.superClass, deps) : null;
  }
  return skipTsWrappers(node).type === AST_NODE_TYPES.Identifier ? functionOf(context, node, deps) : null;
}

/** Whether a middleware refuses every anonymous request (on every path it runs on) instead of calling `next()`. */
function isGateMiddleware(context: FileContext, node: TSESTree.Node, deps: Deps): boolean {
  const found = middlewareFunction(context, node, deps);
  if (!found) {
    return false;
  }
  const reader = newReader(found.context, [], deps, { nest: { superGate: false }, middleware: { response: parameterName(found.fn.params[1]), next: parameterName(found.fn.params[2]) } });
  walkFunction(reader, found.fn);
  return reader.rules.some((rule) => rule.cond('/') === true);
}

/** The calls of a `consumer.apply(…).exclude(…).forRoutes(…)` chain, innermost first, from its outermost call. */
function chainCalls(call: TSESTree.CallExpression): { method: string; args: TSESTree.CallExpressionArgument[] }[] | null {
  const calls: { method: string; args: TSESTree.CallExpressionArgument[] }[] = [];
  let current: TSESTree.Node = call;
  while (current.type === AST_NODE_TYPES.CallExpression && calls.length < MAX_CHAIN) {
    const callee = skipTsWrappers(current.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.property.type !== AST_NODE_TYPES.Identifier) {
      break;
    }
    calls.unshift({ method: callee.property.name, args: current.arguments });
    current = skipTsWrappers(callee.object);
  }
  return calls.length > 0 ? calls : null;
}

/** The entries of a `forRoutes`/`exclude` call; `null` when one cannot be read (a spread). */
function entries(args: readonly TSESTree.CallExpressionArgument[]): TSESTree.Node[] | null {
  return args.some((arg) => arg.type === AST_NODE_TYPES.SpreadElement) ? null : [...args];
}

/** The gate applications of one chain: each `apply(…)` with the `exclude`/`forRoutes` calls that follow it. */
function chainApplications(context: FileContext, call: TSESTree.CallExpression, deps: Deps): Application[] {
  const calls = chainCalls(call);
  const applications: Application[] = [];
  let index = calls?.findIndex((c) => c.method === NEST_CONSUMER_APPLY) ?? -1;
  while (calls && index >= 0 && index < calls.length) {
    const next = calls.findIndex((c, i) => i > index && c.method === NEST_CONSUMER_APPLY);
    const segment = calls.slice(index, next < 0 ? calls.length : next);
    index = next;
    const middlewares = entries(segment[0]!.args) ?? [];
    const gate = middlewares.find((m) => isGateMiddleware(context, m, deps));
    if (!gate) {
      continue;
    }
    const targets: RouteTarget[] = [];
    const excludes: RouteTarget[] = [];
    let readable = true;
    for (const { method, args } of segment.slice(1)) {
      const list = entries(args);
      if (method === NEST_CONSUMER_FOR_ROUTES) {
        for (const entry of list ?? []) {
          const target = routeTarget(context, entry, true, deps);
          if (target) {
            targets.push(target);
          }
        }
      } else if (method === NEST_CONSUMER_EXCLUDE) {
        // An exclude entry this reader cannot read may exclude any route: the application covers nothing.
        const read = (list ?? [null]).map((entry) => (entry ? routeTarget(context, entry, false, deps) : null));
        readable &&= read.every((target) => target !== null);
        excludes.push(...read.filter((target): target is RouteTarget => target !== null));
      }
    }
    if (readable && targets.length > 0) {
      applications.push({ middleware: shortText(context, gate), targets, excludes });
    }
  }
  return applications;
}

/** The gate applications of a module file, memoised per parse of it and of the files it read. */
function moduleApplications(file: ProjectFile): readonly Application[] | null {
  return memoised<readonly Application[]>(file, 'nest-middleware', (deps) => {
    const context = file.context;
    const applications: Application[] = [];
    const stack: TSESTree.Node[] = [file.sourceCode.ast];
    while (stack.length > 0) {
      const node = stack.pop()!;
      // The outermost call of a chain ending in `.forRoutes(…)` (or `.exclude(…)` written after it).
      if (
        node.type === AST_NODE_TYPES.CallExpression &&
        node.callee.type === AST_NODE_TYPES.MemberExpression &&
        node.callee.property.type === AST_NODE_TYPES.Identifier &&
        (node.callee.property.name === NEST_CONSUMER_FOR_ROUTES || node.callee.property.name === NEST_CONSUMER_EXCLUDE) &&
        !(node.parent?.type === AST_NODE_TYPES.MemberExpression && node.parent.object === node)
      ) {
        applications.push(...chainApplications(context, node, deps));
      }
      pushChildNodes(context.sourceCode, node, stack);
    }
    return applications.length > 0 ? applications : null;
  });
}

/** The controller class a Nest route is declared in (the route node is its method's decorator). */
function routeController(route: Route): string | null {
  const method = route.node.parent;
  const cls = method?.type === AST_NODE_TYPES.MethodDefinition ? method.parent.parent : null;
  return (cls?.type === AST_NODE_TYPES.ClassDeclaration || cls?.type === AST_NODE_TYPES.ClassExpression) && cls.id ? cls.id.name : null;
}

/** Whether a target names the route: every sample of its path matches (`certain`), or some may (`!certain`, for excludes). */
function names(target: RouteTarget, route: Route, filename: string, samples: readonly string[] | null, certain: boolean): boolean {
  if (target.kind === 'controller') {
    return target.file === filename && target.name === routeController(route);
  }
  const methods = target.method === ALL || target.method === route.method || (!certain && route.method === ALL);
  if (!methods) {
    return false;
  }
  if (samples === null) {
    return !certain;
  }
  return certain ? samples.length > 0 && samples.every((p) => target.regex.test(p)) : samples.some((p) => target.regex.test(p));
}

/**
 * The module whose `consumer.apply(Gate).forRoutes(…)` covers a NestJS route (its method and
 * its path as the Nest adapter computes it: controller prefix and method path, without the
 * global prefix, as `forRoutes` paths are written), and does not exclude it; `null` otherwise.
 * Module files are those of the route's Nest app (the folder of its `main.ts`) mentioning
 * `forRoutes`. In an app with `RouterModule` or URI versioning, whose real paths `route.path`
 * does not show, only controller classes named in `forRoutes` count.
 */
export function nestMiddlewareGate(context: FileContext, route: Route): GlobalGate | null {
  const app = perFile(context, APP, () => appApplications(context));
  if (!app) {
    return null;
  }
  const samples = route.path === null || app.prefixed ? null : nestRouteSamples(route.path);
  for (const { filename, application } of app.applications) {
    const target = application.targets.find((t) => names(t, route, context.filename, samples, true));
    if (target && !application.excludes.some((t) => names(t, route, context.filename, samples, false))) {
      return { file: filename, description: `${pathForDisplay(filename, app.root)} apply(${application.middleware}).forRoutes(${target.text})` };
    }
  }
  return null;
}

/** The gate applications of the Nest app of a file, read once per lint of the file. */
interface AppApplications {
  readonly root: string;
  /** Route paths hide prefixes (RouterModule, URI versioning): only controller classes match. */
  readonly prefixed: boolean;
  readonly applications: readonly { readonly filename: string; readonly application: Application }[];
}

const APP = perFileKey<AppApplications | null>('nest middleware applications');

function appApplications(context: FileContext): AppApplications | null {
  const root = projectRoot(context.filename, context);
  if (root === null) {
    return null;
  }
  const appDir = nestAppDirectory(context, context.filename, root);
  const inApp = (filename: string): boolean => filename.startsWith(appDir + path.sep);
  const applications: { filename: string; application: Application }[] = [];
  for (const filename of projectFiles(root, { text: NEST_FOR_ROUTES_TEXT, settings: context })) {
    const file = inApp(filename) ? projectFile(filename, context) : null;
    for (const application of (file ? moduleApplications(file) : null) ?? []) {
      applications.push({ filename, application });
    }
  }
  if (applications.length === 0) {
    return null;
  }
  return { root, prefixed: projectFiles(root, { text: NEST_ROUTE_PREFIXING_TEXT, settings: context }).some(inApp), applications };
}
