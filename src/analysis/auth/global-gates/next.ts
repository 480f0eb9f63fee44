/** Next.js `middleware.ts`/`proxy.ts`: its `config.matcher` and what its export refuses (Auth.js, Clerk, next-auth `withAuth`). */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import {
  AUTH_JS_FACTORIES,
  CLERK_MIDDLEWARE,
  NEXT_AUTH_WITH_AUTH,
  NEXT_GATE_EXPORTS,
  NEXT_GATE_EXTENSIONS,
  NEXT_GATE_FILES,
  NEXT_REJECTING_CALLS,
  nextGateDirectory,
} from '../../../frameworks/global-gates/next';
import { pathPatternRegExp } from '../../../frameworks/global-gates/path-patterns';
import type { Route } from '../../../frameworks/types';
import { exportedDefinition, importBinding, importedDefinition, pathForDisplay, projectFile, projectRoot, resolveModule } from '../../../project/index';
import type { ProjectFile } from '../../../project/index';
import { dottedName } from '../../../core/ast';
import type { FileContext } from '../../../core/context';
import { resolveFunction } from '../../../core/functions';
import { findObjectProperty, resolveConstInit, skipTsWrappers, staticValue } from '../../../core/static';
import { boundNames } from '../values';
import { FALSE, TRUE, functionOf, isModuleExport, newReader, noteDep, walkFunction } from './reader';
import type { Cond, Deps, Rule } from './reader';
import { covers, firstFile, memoised } from './models';
import type { GateModel, GlobalGate } from './models';

/** A property of an object literal, looking through spreads of constants and of imported objects (`...authConfig`). */
function objectProperty(context: FileContext, node: TSESTree.Node, name: string, deps: Deps, depth = 0): { value: TSESTree.Node; context: FileContext } | null {
  let object = skipTsWrappers(node);
  let objectContext = context;
  if (object.type === AST_NODE_TYPES.Identifier) {
    const init = resolveConstInit(context, object);
    if (init) {
      object = skipTsWrappers(init);
    } else {
      const definition = importedDefinition(context, object);
      if (!definition) {
        return null;
      }
      noteDep(deps, definition.file);
      object = skipTsWrappers(definition.node);
      objectContext = definition.file.context;
    }
  }
  if (object.type !== AST_NODE_TYPES.ObjectExpression || depth > 3) {
    return null;
  }
  let found: { value: TSESTree.Node; context: FileContext } | null = null;
  for (const element of object.properties) {
    if (element.type === AST_NODE_TYPES.SpreadElement) {
      found = objectProperty(objectContext, element.argument, name, deps, depth + 1) ?? found;
    } else if (!element.computed && element.key.type === AST_NODE_TYPES.Identifier && element.key.name === name) {
      found = { value: element.value, context: objectContext };
    }
  }
  return found;
}

/** Rules of an `authorized` callback found at `callbacks.authorized` of a config object. */
function authorizedRules(context: FileContext, config: TSESTree.Node, deps: Deps): Rule[] | null {
  const callbacks = objectProperty(context, config, 'callbacks', deps);
  const authorized = callbacks ? objectProperty(callbacks.context, callbacks.value, 'authorized', deps) : null;
  if (!authorized) {
    return null;
  }
  const fn = resolveFunction(authorized.context, authorized.value);
  if (!fn) {
    return [];
  }
  const reader = newReader(authorized.context, NEXT_REJECTING_CALLS, deps, { verdict: true });
  walkFunction(reader, fn);
  return reader.rules;
}

/** Auth.js v5: the config of the `NextAuth(config)` call an `auth` export comes from, or `null`. */
function authJsConfig(context: FileContext, node: TSESTree.Node, deps: Deps): { config: TSESTree.Node; context: FileContext } | null {
  let expr = skipTsWrappers(node);
  let exprContext = context;
  if (expr.type === AST_NODE_TYPES.Identifier) {
    const value = importedValue(context, expr, deps);
    if (!value) {
      return null;
    }
    expr = skipTsWrappers(value.node);
    exprContext = value.context;
  }
  if (expr.type !== AST_NODE_TYPES.CallExpression || !AUTH_JS_FACTORIES.has(dottedName(expr.callee) ?? '') || !expr.arguments[0]) {
    return null;
  }
  return { config: expr.arguments[0], context: exprContext };
}

/** Auth.js v5: `auth` used as the middleware refuses what `callbacks.authorized` refuses (nothing without one). */
function authJsRules(context: FileContext, node: TSESTree.Node, deps: Deps): Rule[] | null {
  const found = authJsConfig(context, node, deps);
  return found ? authorizedRules(found.context, found.config, deps) : null;
}

/**
 * `export const { auth, handlers } = NextAuth(config)`: the initialiser behind a destructured
 * export (which `exportedDefinition` does not follow).
 */
function destructuredExport(file: ProjectFile, name: string): { node: TSESTree.Node; file: ProjectFile } | null {
  for (const statement of file.sourceCode.ast.body) {
    const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : null;
    if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration) {
      continue;
    }
    for (const declarator of declaration.declarations) {
      if (declarator.init && declarator.id.type === AST_NODE_TYPES.ObjectPattern && boundNames(declarator.id).some((id) => id.name === name)) {
        return { node: declarator.init, file };
      }
    }
  }
  return null;
}

/** What an imported identifier stands for, through `exportedDefinition` or a destructured export. */
function importedValue(context: FileContext, id: TSESTree.Identifier, deps: Deps): { node: TSESTree.Node; context: FileContext } | null {
  const definition = importedDefinition(context, id);
  if (definition) {
    noteDep(deps, definition.file);
    return { node: definition.node, context: definition.file.context };
  }
  const binding = importBinding(context, id);
  return binding ? moduleExport(context, binding.specifier, binding.name, deps) : null;
}

/** Export `name` of module `specifier` as seen from the file of `context`. */
function moduleExport(context: FileContext, specifier: string, name: string, deps: Deps): { node: TSESTree.Node; context: FileContext } | null {
  const target = resolveModule(context.filename, specifier, context.settings);
  const file = target === null ? null : projectFile(target, context);
  if (!file) {
    return null;
  }
  noteDep(deps, file);
  const found = exportedDefinition(file, name) ?? destructuredExport(file, name);
  if (found) {
    noteDep(deps, found.file);
  }
  return found ? { node: found.node, context: found.file.context } : null;
}

/** The rules of what a Next.js middleware export is. */
function nextExportRules(file: ProjectFile, node: TSESTree.Node, deps: Deps): { rules: Rule[]; what: string } | null {
  const context = file.context;
  const expr = skipTsWrappers(node);
  const fn = functionOf(context, expr, deps);
  if (fn) {
    const reader = newReader(fn.context, NEXT_REJECTING_CALLS, deps);
    walkFunction(reader, fn.fn);
    return { rules: reader.rules, what: 'middleware' };
  }
  if (expr.type === AST_NODE_TYPES.CallExpression) {
    const callee = skipTsWrappers(expr.callee);
    if (isModuleExport(context, callee, CLERK_MIDDLEWARE)) {
      const callback = expr.arguments[0] ? functionOf(context, expr.arguments[0], deps) : null;
      const first = callback?.fn.params[0];
      if (!callback || first?.type !== AST_NODE_TYPES.Identifier) {
        return { rules: [], what: 'clerkMiddleware' };
      }
      const reader = newReader(callback.context, NEXT_REJECTING_CALLS, deps, { clerkAuth: first.name });
      walkFunction(reader, callback.fn);
      return { rules: reader.rules, what: 'clerkMiddleware' };
    }
    if (isModuleExport(context, callee, NEXT_AUTH_WITH_AUTH)) {
      const options = [...expr.arguments].reverse().find((arg) => !functionOf(context, arg, deps));
      const rules = options ? authorizedRules(context, options, deps) : null;
      return { rules: rules ?? [{ cond: TRUE, text: 'withAuth (token required)' }], what: 'withAuth' };
    }
    // Auth.js v5: `export default auth((req) => { if (!req.auth) return Response.redirect(…) })`.
    const callback = expr.arguments[0] ? functionOf(context, expr.arguments[0], deps) : null;
    if (callback && authJsConfig(context, callee, deps) !== null) {
      const reader = newReader(callback.context, NEXT_REJECTING_CALLS, deps);
      walkFunction(reader, callback.fn);
      return { rules: reader.rules, what: 'auth()' };
    }
    return null;
  }
  const rules = authJsRules(context, expr, deps);
  return rules ? { rules, what: 'auth (Auth.js authorized callback)' } : null;
}

/** `export { auth as middleware } from './auth'` where `auth` is destructured from `NextAuth(…)`. */
function reexportedRules(file: ProjectFile, name: string, deps: Deps): { rules: Rule[]; what: string } | null {
  for (const statement of file.sourceCode.ast.body) {
    if (statement.type !== AST_NODE_TYPES.ExportNamedDeclaration || !statement.source) {
      continue;
    }
    for (const specifier of statement.specifiers) {
      const exported = specifier.exported.type === AST_NODE_TYPES.Identifier ? specifier.exported.name : String(specifier.exported.value);
      const local = specifier.local.type === AST_NODE_TYPES.Identifier ? specifier.local.name : String(specifier.local.value);
      if (exported !== name) {
        continue;
      }
      const value = moduleExport(file.context, statement.source.value, local, deps);
      const rules = value ? authJsRules(value.context, value.node, deps) : null;
      return rules ? { rules, what: 'auth (Auth.js authorized callback)' } : null;
    }
  }
  return null;
}

/** `export { default } from 'next-auth/middleware'`, `export { withAuth as middleware } from …`. */
function reexportedWithAuth(file: ProjectFile): boolean {
  for (const statement of file.sourceCode.ast.body) {
    if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration && statement.source && NEXT_AUTH_WITH_AUTH.some((spec) => spec.module === statement.source!.value)) {
      return statement.specifiers.some((s) => s.exported.type === AST_NODE_TYPES.Identifier && NEXT_GATE_EXPORTS.includes(s.exported.name));
    }
  }
  return false;
}

/** The paths `config.matcher` runs the middleware on: `TRUE` without one, `FALSE` when it cannot be read. */
function nextMatcher(file: ProjectFile): { scope: Cond; text: string } {
  const config = exportedDefinition(file, 'config');
  if (!config) {
    return { scope: TRUE, text: '' };
  }
  const object = skipTsWrappers(config.node);
  if (object.type !== AST_NODE_TYPES.ObjectExpression) {
    return { scope: FALSE, text: '' };
  }
  const matcher = findObjectProperty(config.file.context, object, 'matcher');
  if (matcher.kind === 'absent') {
    return { scope: TRUE, text: '' };
  }
  const value = matcher.kind === 'found' ? staticValue(config.file.context, matcher.value) : null;
  if (!value) {
    return { scope: FALSE, text: '' };
  }
  const entries = Array.isArray(value.value) ? (value.value as unknown[]) : [value.value];
  const compiled: { regex: RegExp; source: string }[] = [];
  for (const entry of entries) {
    // `{ source, has, missing }`: a conditional entry does not run on every request to its paths.
    const source = typeof entry === 'string' ? entry : entry !== null && typeof entry === 'object' && !('has' in entry) && !('missing' in entry) ? (entry as { source?: unknown }).source : null;
    const regex = typeof source === 'string' ? pathPatternRegExp(source) : null;
    if (regex) {
      compiled.push({ regex, source: source as string });
    }
  }
  return {
    scope: compiled.length === 0 ? FALSE : (p) => compiled.some((c) => c.regex.test(p)),
    text: compiled.map((c) => c.source).join(', '),
  };
}

function nextModel(file: ProjectFile): GateModel | null {
  return memoised(file, 'next', (deps) => {
    const { scope, text } = nextMatcher(file);
    if (scope === FALSE) {
      return null;
    }
    if (reexportedWithAuth(file)) {
      return { scope, scopeText: text, rules: [{ cond: TRUE, text: 'next-auth/middleware' }], what: 'withAuth' };
    }
    for (const name of NEXT_GATE_EXPORTS) {
      const definition = exportedDefinition(file, name);
      const found = definition ? nextExportRules(definition.file, definition.node, deps) : reexportedRules(file, name, deps);
      if (definition) {
        noteDep(deps, definition.file);
      }
      if (definition || found) {
        return found ? { scope, scopeText: text, rules: found.rules, what: found.what } : null;
      }
    }
    return null;
  });
}

export function nextGate(context: FileContext, route: Route): GlobalGate | null {
  const dir = route.path === null ? null : nextGateDirectory(context.filename);
  if (dir === null) {
    return null;
  }
  const file = firstFile(context, dir, NEXT_GATE_FILES.flatMap((base) => NEXT_GATE_EXTENSIONS.map((ext) => `${base}${ext}`)));
  const model = file ? nextModel(file) : null;
  if (!file || !model || !covers(model, route.path!)) {
    return null;
  }
  const name = pathForDisplay(file.filename, projectRoot(context.filename, context));
  return { file: file.filename, description: `${name} ${model.what}${model.scopeText ? ` matcher ${model.scopeText}` : ''}` };
}

/**
 * For the file of a Next.js middleware (`middleware.ts`, `proxy.ts`), whether its `config.matcher`
 * may run it on `path` (`true` also when the matcher cannot be read); `null` for any other file.
 * @example nextMiddlewareRunsOn(context, '/api/x') // false with matcher '/((?!api|_next).*)'
 */
export function nextMiddlewareRunsOn(context: FileContext, path: string): boolean | null {
  const base = context.filename.split(/[\\/]/u).at(-1)?.replace(/\.[cm]?[jt]sx?$/u, '') ?? '';
  if (!NEXT_GATE_FILES.includes(base)) {
    return null;
  }
  const file = projectFile(context.filename, context);
  if (!file) {
    return true;
  }
  const { scope } = nextMatcher(file);
  return scope === FALSE ? true : scope(path) !== false;
}
