import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { outerExpression } from '../core/ast';
import { functionUses, isFunctionLike, resolveFunction } from '../core/functions';
import { enclosingStatement, unwrapHandler } from './kit/router-routes';
import { compileNameSpecs, matchNameSpec } from '../core/name-specs';
import { getSettings } from '../core/settings';
import { getPropertyKeyName, skipTsWrappers } from '../core/static';
import { constInitOf, variableFor } from '../core/variable-index';
import type { AdapterContext, FrameworkAdapter, HandlerBinding, InputShape, Route, RouteGuard } from './types';
import type { FunctionLike } from '../core/functions';

/** Procedure kinds: `.mutation(resolver)`, `.query(resolver)`, `.subscription(resolver)`. */
const PROCEDURE_METHODS: Readonly<Record<string, string>> = { mutation: 'MUTATION', query: 'QUERY', subscription: 'SUBSCRIPTION' };
/** Builder methods that return a builder: `.input(schema)`, `.use(middleware)`, `.concat(other)`. */
const BUILDER_LINKS = new Set(['input', 'output', 'meta', 'use', 'concat', 'unstable_concat', 'experimental_caller']);
/** Calls that make a middleware out of a function: `t.middleware(fn)`, `experimental_standaloneMiddleware().create(fn)`. */
const MIDDLEWARE_FACTORIES = new Set(['middleware', 'create']);

/** The resolver's options object: `({ ctx, input })`, where `input` is client data (validated or not). */
const RESOLVER_OPTIONS: InputShape = { properties: { input: 'input', rawInput: 'input' } };

const MAX_DEPTH = 6;

/** A procedure builder: the guards its chain applies before the resolver. */
interface Builder {
  readonly guards: readonly RouteGuard[];
}

type Variable = TSESLint.Scope.Variable;
const builderMemo = new WeakMap<Variable, Builder | null>();

/** Whether a name is a procedure builder's by convention (`publicProcedure`) or by the settings (`auth.procedures`). */
function isProcedureName(context: AdapterContext, id: TSESTree.Identifier): boolean {
  if (/procedure$/iu.test(id.name)) {
    return true;
  }
  return matchNameSpec(context, id, compileNameSpecs(getSettings(context).auth.procedures)) !== null;
}

/**
 * The guards of a `.use(…)` argument: the argument itself (judged by name, library or body),
 * and, for a middleware made in the file with `t.middleware(fn)`, the function it wraps.
 */
function middlewareGuards(context: AdapterContext, arg: TSESTree.Node): RouteGuard[] {
  const guards: RouteGuard[] = [{ node: arg, via: 'procedure' }];
  const expr = skipTsWrappers(arg);
  const init = expr.type === AST_NODE_TYPES.Identifier ? constInitOf(context, expr) : null;
  const call = init ? skipTsWrappers(init) : null;
  if (call?.type === AST_NODE_TYPES.CallExpression) {
    const callee = skipTsWrappers(call.callee);
    const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression && callee.property.type === AST_NODE_TYPES.Identifier ? callee.property.name : null;
    const fn = name !== null && MIDDLEWARE_FACTORIES.has(name) && call.arguments[0] ? resolveFunction(context, call.arguments[0]) : null;
    if (fn) {
      guards.push({ node: fn, via: 'procedure' });
    }
  }
  return guards;
}

/**
 * The procedure builder an expression denotes, with the guards of its chain, or `null` when
 * it is not one: `t.procedure`, a `*Procedure` name (imported: judged by name), a builder
 * defined in the file (`const protectedProcedure = t.procedure.use(isAuthed)`: its name and its
 * middlewares), and `.input()`/`.use()`/`.concat()` links on any of these.
 */
function builderOf(context: AdapterContext, node: TSESTree.Node, depth = 0): Builder | null {
  if (depth > MAX_DEPTH) {
    return null;
  }
  const expr = skipTsWrappers(node);
  if (expr.type === AST_NODE_TYPES.MemberExpression) {
    // `t.procedure`: the base builder of `initTRPC.create()`.
    return !expr.computed && expr.property.type === AST_NODE_TYPES.Identifier && expr.property.name === 'procedure' && expr.object.type === AST_NODE_TYPES.Identifier
      ? { guards: [] }
      : null;
  }
  if (expr.type === AST_NODE_TYPES.CallExpression) {
    const callee = skipTsWrappers(expr.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.property.type !== AST_NODE_TYPES.Identifier || !BUILDER_LINKS.has(callee.property.name)) {
      return null;
    }
    const inner = builderOf(context, callee.object, depth + 1);
    if (!inner) {
      return null;
    }
    const link = callee.property.name;
    const args = expr.arguments.filter((arg): arg is TSESTree.Expression => arg.type !== AST_NODE_TYPES.SpreadElement);
    if (link === 'use') {
      return { guards: [...inner.guards, ...args.flatMap((arg) => middlewareGuards(context, arg))] };
    }
    if (link === 'concat' || link === 'unstable_concat') {
      return { guards: [...inner.guards, ...args.flatMap((arg) => builderOf(context, arg, depth + 1)?.guards ?? [{ node: arg, via: 'procedure' as const }])] };
    }
    return inner;
  }
  if (expr.type !== AST_NODE_TYPES.Identifier) {
    return null;
  }
  const variable = variableFor(context, expr);
  if (variable && builderMemo.has(variable)) {
    const memo = builderMemo.get(variable)!;
    return memo && { guards: [{ node: expr, via: 'procedure' }, ...memo.guards.slice(1)] };
  }
  if (variable) {
    builderMemo.set(variable, null); // recursion guard
  }
  const init = constInitOf(context, expr);
  const inner = init ? builderOf(context, init, depth + 1) : null;
  const builder = inner || isProcedureName(context, expr) ? { guards: [{ node: expr, via: 'procedure' as const }, ...(inner?.guards ?? [])] } : null;
  if (variable) {
    builderMemo.set(variable, builder);
  }
  return builder;
}


/** Where a procedure (or router) sits: its keys in the router objects above it, outermost first. */
interface Placement {
  readonly keys: readonly string[];
  /** The innermost property (`create: publicProcedure…`), whose key is reported. */
  readonly property: TSESTree.Property | null;
}

/**
 * The router keys of a value: `router({ user: router({ create: <value> }) })` → `user.create`,
 * following a router bound to a variable to where the file mounts it (`user: userRouter`).
 */
function placementOf(context: AdapterContext, value: TSESTree.Node, depth = 0): Placement {
  const keys: string[] = [];
  let property: TSESTree.Property | null = null;
  let node = outerExpression(value);
  for (let hops = 0; hops < 8 && depth < 4; hops++) {
    const parent = node.parent;
    if (parent?.type === AST_NODE_TYPES.Property && parent.value === node && parent.parent.type === AST_NODE_TYPES.ObjectExpression) {
      const key = getPropertyKeyName(context, parent);
      keys.unshift(key ?? '[computed]');
      property ??= parent;
      node = outerExpression(parent.parent);
      continue;
    }
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee !== node) {
      // A router call (`router({…})`, `t.router({…})`, `createTRPCRouter({…})`): climb to its own placement.
      const callee = skipTsWrappers(parent.callee);
      const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression && callee.property.type === AST_NODE_TYPES.Identifier ? callee.property.name : '';
      if (!/router$/iu.test(name) || keys.length === 0) {
        break;
      }
      node = outerExpression(parent);
      continue;
    }
    if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === node && parent.id.type === AST_NODE_TYPES.Identifier) {
      const variable = context.sourceCode.getDeclaredVariables(parent)[0];
      const mount = variable?.references.find((ref) => ref.isRead() && ref.identifier.parent?.type === AST_NODE_TYPES.Property);
      if (mount) {
        keys.unshift(...placementOf(context, mount.identifier as TSESTree.Node, depth + 1).keys);
      } else if (keys.length === 0) {
        keys.push(parent.id.name); // `export const createPost = publicProcedure.mutation(…)`
      }
    }
    break;
  }
  return { keys, property };
}

/** A tRPC procedure: `publicProcedure.input(schema).mutation(async ({ ctx, input }) => …)`. */
function routeOfCall(context: AdapterContext, call: TSESTree.CallExpression): Route | null {
  const callee = skipTsWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.property.type !== AST_NODE_TYPES.Identifier) {
    return null;
  }
  const method = PROCEDURE_METHODS[callee.property.name];
  const resolver = call.arguments[0];
  // tRPC v9 `router().mutation('name', { resolve })` is another API: not read.
  if (!method || !resolver || resolver.type === AST_NODE_TYPES.SpreadElement || resolver.type === AST_NODE_TYPES.Literal || resolver.type === AST_NODE_TYPES.TemplateLiteral) {
    return null;
  }
  const builder = builderOf(context, callee.object);
  if (!builder) {
    return null;
  }
  const { fns, wrappers } = unwrapHandler(context, resolver);
  const { keys, property } = placementOf(context, call);
  const name = keys.join('.');
  return {
    framework: 'trpc',
    method,
    // `/user/create` for `user.create`, so that `publicRoutes`/`globalAuth` globs apply to procedures.
    path: keys.length > 0 ? `/${keys.join('/')}` : null,
    label: `tRPC ${method.toLowerCase()} ${name || '(anonymous procedure)'}`,
    handlers: fns,
    guards: [...builder.guards, ...wrappers],
    node: property && !property.computed ? property.key : callee.property,
    statement: property ?? enclosingStatement(call),
  };
}

/**
 * The schema of a procedure's `.input(schema)`, read from the chain written before the resolver
 * (`protectedProcedure.input(z.object({ id: z.string().uuid() })).query(…)`): the resolver's
 * `input` is what it returns. `null` when the chain has no `.input()` or more than one (tRPC
 * merges them; each key would need the schema that declares it).
 */
function inputSchema(call: TSESTree.CallExpression): TSESTree.Node | null {
  let found: TSESTree.Node | null = null;
  let node = skipTsWrappers((call.callee as TSESTree.MemberExpression).object);
  for (let hops = 0; hops < MAX_CHAIN_LINKS && node.type === AST_NODE_TYPES.CallExpression; hops++) {
    const callee = skipTsWrappers(node.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.property.type !== AST_NODE_TYPES.Identifier) {
      break;
    }
    if (callee.property.name === 'input') {
      const arg = node.arguments[0];
      if (found || node.arguments.length !== 1 || !arg || arg.type === AST_NODE_TYPES.SpreadElement) {
        return null;
      }
      found = arg;
    }
    node = skipTsWrappers(callee.object);
  }
  return found;
}

/** Links of a procedure's builder chain read for its `.input()`: `.input().use().meta()…`. */
const MAX_CHAIN_LINKS = 20;

/** The procedure call a resolver is passed to, when `fn` is one. */
function resolverCall(context: AdapterContext, fn: FunctionLike): TSESTree.CallExpression | null {
  for (const use of functionUses(context, fn)) {
    const node = outerExpression(use);
    const call = node.parent;
    const callee = call?.type === AST_NODE_TYPES.CallExpression && call.arguments[0] === node ? skipTsWrappers(call.callee) : null;
    if (
      callee?.type === AST_NODE_TYPES.MemberExpression &&
      !callee.computed &&
      callee.property.type === AST_NODE_TYPES.Identifier &&
      PROCEDURE_METHODS[callee.property.name] &&
      builderOf(context, callee.object)
    ) {
      return call as TSESTree.CallExpression;
    }
  }
  return null;
}

/**
 * tRPC (v10/v11): procedures built from `t.procedure` or a named builder and registered in
 * `router({…})`/`createTRPCRouter({…})`. Routes are judged lazily from each
 * `.mutation()`/`.query()`/`.subscription()` call, since builders are usually imported
 * from the project's own `trpc.ts`. Resolvers receive `{ ctx, input }`: `input` is client data.
 */
export const trpc: FrameworkAdapter = {
  name: 'trpc',
  routes: { callMethods: Object.keys(PROCEDURE_METHODS), routeOfCall },
  classifyFunction(context: AdapterContext, fn: FunctionLike): HandlerBinding | null {
    if (!isFunctionLike(fn) || fn.params.length === 0) {
      return null;
    }
    const call = resolverCall(context, fn);
    if (!call) {
      return null;
    }
    const schema = inputSchema(call);
    return { framework: 'trpc', fn, params: [{ kind: 'request', shape: RESOLVER_OPTIONS, ...(schema ? { schemas: { input: schema } } : {}) }], registration: call };
  },
};
