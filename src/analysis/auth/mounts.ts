/**
 * Mounts in other files: where the project imports a router, plugin or sub-app this file
 * exports, and mounts it (`app.use('/api/x', requireAuth, router)`, `fastify.register(plugin,
 * { prefix })` under a scope with an auth hook, `app.route('/api', sub)` after
 * `app.use('/api/*', auth)`, `router.use('/p', child.routes())`), with the prefix and guards
 * each mount adds. A reverse lookup: the project's files are listed once per process with a
 * text pre-filter, and only those whose imports name this file are parsed.
 */

import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { importBinding, possibleImporters, projectFile, projectRoot, resolveModule } from '../../project/index';
import type { ProjectFile } from '../../project/index';
import { joinPaths } from '../../frameworks/kit/router-routes';
import { foreignMounts } from '../../frameworks/registry';
import type { RouteGuard } from '../../frameworks/types';
import { perFile, perFileKey } from '../../core/context';
import type { FileContext } from '../../core/context';
import { enclosingFunction, returnedValues } from '../../core/functions';
import type { FunctionLike } from '../../core/functions';
import { skipTsWrappers } from '../../core/static';
import { variableFor } from '../../core/variable-index';
import { MAX_FOLLOW_HOPS } from './definitions';

/** A mount of this file's router in another file, with everything that guards it there. */
export interface ExternalMount {
  readonly prefix: string | null;
  /** Each guard with the file context to judge it in. */
  readonly guards: readonly { readonly context: FileContext; readonly guard: RouteGuard }[];
  /** The file that mounts it (the outermost one when mounts chain through files). */
  readonly filename: string;
}

/** Files that may mount something: the listing's text pre-filter, one listing per project root. */
const MOUNT_TEXT = /\.(?:use|register|route)\s*\(/u;
const MOUNTS = perFileKey<WeakMap<TSESTree.Node, Map<string, readonly ExternalMount[]>>>('auth external mounts');

/**
 * Where other project files mount the router whose declaration is `root` (a `Route.mountRoot`),
 * for `framework`, following a chain of mounts through at most `MAX_FOLLOW_HOPS` files.
 * Empty when the file does not export it, nothing mounts it, or `crossFile` is off. Never throws.
 */
export function externalMounts(context: FileContext, framework: string, root: TSESTree.Node): readonly ExternalMount[] {
  const memo = perFile(context, MOUNTS, () => new WeakMap());
  let byFramework = memo.get(root);
  if (!byFramework) {
    byFramework = new Map();
    memo.set(root, byFramework);
  }
  const known = byFramework.get(framework);
  if (known) {
    return known;
  }
  let result: readonly ExternalMount[];
  try {
    result = mountsOf(context, framework, root, 0, new Set());
  } catch {
    result = [];
  }
  byFramework.set(framework, result);
  return result;
}

/**
 * `called`: `root` is a factory that makes the router (`exportTarget` of it), so other files mount
 * what a call of it returns (`app.use('/keys', requireAuth, keys(db))`), not the import itself.
 */
function mountsOf(context: FileContext, framework: string, root: TSESTree.Node, hops: number, visited: ReadonlySet<string>, called = false): ExternalMount[] {
  if (hops >= MAX_FOLLOW_HOPS || visited.has(context.filename)) {
    return [];
  }
  // Nothing to read without a project (`crossFile: false`, a file outside any): no export names either.
  if (projectRoot(context.filename, context.settings) === null) {
    return [];
  }
  let names = exportNames(context, root);
  if (names.size === 0 && !called) {
    // `module.exports = function keysRouter(db) { const router = express.Router(); …; return router; }`.
    const factory = factoryOf(context, root);
    if (factory) {
      names = exportNames(context, exportTarget(factory));
      called = true;
    }
  }
  if (names.size === 0) {
    return [];
  }
  // `const routes = require('./routes'); app.use(routes.router)`: a CommonJS module's exports read as members of it.
  const members = exportIndex(context).commonJs;
  const seen = new Set([...visited, context.filename]);
  const out: ExternalMount[] = [];
  // A factory's call may be handed on by a file that mounts nothing itself (`api/index.js`): every importer counts.
  for (const importer of importersOf(context, called)) {
    const refs = importer.refs(names, members, called);
    if (refs.length === 0) {
      continue;
    }
    const importerContext = importer.file.context;
    for (const mount of foreignMounts(importerContext, framework, refs)) {
      const own: ExternalMount = { prefix: mount.prefix, guards: mount.guards.map((guard) => ({ context: importerContext, guard })), filename: importer.file.filename };
      const outer = mount.mountRoot ? mountsOf(importerContext, framework, mount.mountRoot, hops + 1, seen) : [];
      if (outer.length === 0) {
        out.push(own);
      }
      for (const above of outer) {
        out.push({ prefix: joinPaths(above.prefix, own.prefix), guards: [...above.guards, ...own.guards], filename: above.filename });
      }
    }
    // Handed on unmounted: `sshkeys: function () { return sshkeys.app(); }` returns the router to whoever mounts its call.
    for (const ref of refs) {
      const passer = returnedBy(ref);
      if (passer) {
        out.push(...mountsOf(importerContext, framework, exportTarget(passer), hops + 1, seen, true));
      }
    }
  }
  return out;
}

/**
 * The function that makes the router declared at `root` and returns it, or `null`: the router
 * variable is declared in that function (not in a nested one) and one of its `return`s gives it.
 */
function factoryOf(context: FileContext, root: TSESTree.Node): FunctionLike | null {
  if (root.type !== AST_NODE_TYPES.Identifier) {
    return null;
  }
  const fn = enclosingFunction(root);
  if (!fn) {
    return null;
  }
  const variable = variableFor(context, root);
  const returnsIt = returnedValues(context, fn).some((value) => {
    const expr = skipTsWrappers(value);
    return expr.type === AST_NODE_TYPES.Identifier && expr.name === root.name && variable !== null && variableFor(context, expr) === variable;
  });
  return returnsIt ? fn : null;
}

/** The function whose return value `node` is (`return keys.app()`, `() => keys.app()`), or `null`. */
function returnedBy(node: TSESTree.Node): FunctionLike | null {
  let top = node;
  while (top.parent && (top.parent.type === AST_NODE_TYPES.AwaitExpression || top.parent.type === AST_NODE_TYPES.TSAsExpression || top.parent.type === AST_NODE_TYPES.TSNonNullExpression)) {
    top = top.parent;
  }
  const holder = top.parent;
  if (holder?.type === AST_NODE_TYPES.ArrowFunctionExpression && holder.body === top) {
    return holder;
  }
  return holder?.type === AST_NODE_TYPES.ReturnStatement ? enclosingFunction(holder) : null;
}

/** What the file exports a function as: its declaration, the variable it initialises, else the function (an export's or property's value). */
function exportTarget(fn: FunctionLike): TSESTree.Node {
  const parent = fn.parent;
  return fn.type !== AST_NODE_TYPES.FunctionDeclaration && parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === fn && parent.id.type === AST_NODE_TYPES.Identifier ? parent.id : fn;
}

interface Importer {
  readonly file: ProjectFile;
  /**
   * The importer's read references to the bindings that import one of `names` of the file, and
   * `mod.name` of a namespace (`import * as mod`) or, with `members` (a CommonJS file), of a
   * whole-module `require('./routes')`;
   * with `called`, the calls of those (`keys(db)`, `mod.keys()`) instead.
   */
  refs(names: ReadonlySet<string>, members: boolean, called: boolean): TSESTree.Node[];
}

/**
 * Project files that import this one (parsed only when their import specifiers name it): those
 * that may mount something (`MOUNT_TEXT`), or with `all` every one.
 */
function importersOf(context: FileContext, all: boolean): Importer[] {
  const root = projectRoot(context.filename, context.settings);
  if (!root) {
    return [];
  }
  const out: Importer[] = [];
  for (const candidate of possibleImporters(root, context.filename, all ? { settings: context.settings } : { text: MOUNT_TEXT, settings: context.settings })) {
    const file = projectFile(candidate, context);
    if (!file) {
      continue;
    }
    const bindings = bindingsTo(file, context.filename);
    if (bindings.length > 0) {
      out.push({
        file,
        refs: (names, members, called) => {
          const out: TSESTree.Node[] = [];
          for (const binding of bindings) {
            const whole = !names.has(binding.name);
            // Members that are exports: of an exported object (`api.keys` for `export const api = { keys }`), of a
            // namespace, and of a whole-module default in CommonJS, where it is the exports object.
            const wholeModule = binding.name === '*' || (members && binding.name === 'default');
            const properties = new Set<string>();
            for (const name of names) {
              const dot = name.indexOf('.');
              if (dot === -1 ? wholeModule : name.slice(0, dot) === binding.name) {
                properties.add(name.slice(dot + 1));
              }
            }
            if (whole && properties.size === 0) {
              continue;
            }
            for (const reference of binding.variable.references) {
              let node = reference.identifier as TSESTree.Node;
              if (!reference.isRead()) {
                continue;
              }
              if (whole) {
                const member = node.parent;
                if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== node || member.computed || member.property.type !== AST_NODE_TYPES.Identifier || !properties.has(member.property.name)) {
                  continue;
                }
                node = member;
              }
              if (called) {
                const call = node.parent;
                if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== node) {
                  continue;
                }
                node = call;
              }
              out.push(node);
            }
          }
          return out;
        },
      });
    }
  }
  return out;
}

/** The top-level variables of `file` bound to an export of `target`, with the export name. */
function bindingsTo(file: ProjectFile, target: string): { name: string; variable: TSESLint.Scope.Variable }[] {
  const out: { name: string; variable: TSESLint.Scope.Variable }[] = [];
  const scope = file.sourceCode.scopeManager?.globalScope;
  const module = (scope?.childScopes.find((child) => child.type === 'module') ?? scope) as TSESLint.Scope.Scope | undefined;
  for (const variable of module?.variables ?? []) {
    const id = variable.identifiers[0];
    const binding = id ? importBinding(file.context, id as TSESTree.Identifier) : null;
    if (binding && resolveModule(file.filename, binding.specifier, file.context.settings) === target) {
      out.push({ name: binding.name, variable });
    }
  }
  return out;
}

/** Per file: the names each top-level value is exported under, read from its statements once. */
interface ExportIndex {
  /** By the local name an export statement names (`export { a as b }`, `module.exports = a`). */
  readonly byName: ReadonlyMap<string, ReadonlySet<string>>;
  /** By the exported node itself when it is not a name (`export default express.Router()`, `module.exports = function () {}`). */
  readonly byNode: ReadonlyMap<TSESTree.Node, ReadonlySet<string>>;
  /** The file exports through `module.exports` or `exports.x`: a whole-module import reads them as members. */
  readonly commonJs: boolean;
}

const EXPORT_INDEX = perFileKey<ExportIndex>('auth export names by local');

function exportIndex(context: FileContext): ExportIndex {
  return perFile(context, EXPORT_INDEX, () => {
    const byName = new Map<string, Set<string>>();
    const byNode = new Map<TSESTree.Node, Set<string>>();
    let commonJs = false;
    const add = (value: TSESTree.Node, exported: string): void => {
      const key = value.type === AST_NODE_TYPES.Identifier ? value.name : value;
      const map = (typeof key === 'string' ? byName : byNode) as Map<string | TSESTree.Node, Set<string>>;
      let names = map.get(key);
      if (!names) {
        names = new Set();
        map.set(key, names);
      }
      names.add(exported);
    };
    // `export const api = { keys: (db) => keysRouter(db) }`: each property's value exported as `api.keys`.
    const addProperties = (value: TSESTree.Node, exported: string): void => {
      const object = skipTsWrappers(value);
      if (object.type === AST_NODE_TYPES.ObjectExpression) {
        for (const property of object.properties) {
          if (property.type === AST_NODE_TYPES.Property && !property.computed && property.key.type === AST_NODE_TYPES.Identifier) {
            add(property.value, `${exported}.${property.key.name}`);
          }
        }
      }
    };
    for (const statement of context.sourceCode.ast.body) {
      if (statement.type === AST_NODE_TYPES.ExportDefaultDeclaration) {
        add(statement.declaration, 'default');
        addProperties(statement.declaration, 'default');
      } else if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration && !statement.source) {
        if (statement.declaration?.type === AST_NODE_TYPES.VariableDeclaration) {
          for (const declarator of statement.declaration.declarations) {
            if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.init) {
              addProperties(declarator.init, declarator.id.name);
            }
          }
        }
        for (const specifier of statement.specifiers) {
          if (specifier.local.type === AST_NODE_TYPES.Identifier) {
            add(specifier.local, specifier.exported.type === AST_NODE_TYPES.Identifier ? specifier.exported.name : specifier.exported.value);
          }
        }
      } else if (statement.type === AST_NODE_TYPES.ExpressionStatement && statement.expression.type === AST_NODE_TYPES.AssignmentExpression) {
        const { left, right } = statement.expression;
        const target = commonJsTarget(left);
        commonJs ||= target !== null;
        if (target === 'module' && right.type === AST_NODE_TYPES.ObjectExpression) {
          for (const property of right.properties) {
            if (property.type === AST_NODE_TYPES.Property && !property.computed && property.key.type === AST_NODE_TYPES.Identifier) {
              add(property.value, property.key.name);
            }
          }
        } else if (target !== null) {
          add(right, target === 'module' ? 'default' : target);
        }
      }
    }
    return { byName, byNode, commonJs };
  });
}

/** The names under which the file exports `root`: `default` for `module.exports = router` and `export default`. */
function exportNames(context: FileContext, root: TSESTree.Node): Set<string> {
  const names = new Set<string>();
  const parent = root.parent;
  if (parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration) {
    names.add('default');
  } else if (parent?.type === AST_NODE_TYPES.ExportNamedDeclaration && root.type === AST_NODE_TYPES.FunctionDeclaration && root.id) {
    names.add(root.id.name);
  }
  const local = root.type === AST_NODE_TYPES.Identifier ? root.name : (root.type === AST_NODE_TYPES.FunctionDeclaration || root.type === AST_NODE_TYPES.FunctionExpression) && root.id ? root.id.name : null;
  if (root.type === AST_NODE_TYPES.Identifier && parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.parent.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration) {
    names.add(root.name);
  }
  const { byName, byNode } = exportIndex(context);
  for (const name of [...(byNode.get(root) ?? []), ...(local === null ? [] : (byName.get(local) ?? []))]) {
    names.add(name);
  }
  return names;
}

/** `module.exports` → `'module'`; `module.exports.a` / `exports.a` → `'a'`; else `null`. */
function commonJsTarget(node: TSESTree.Node): string | null {
  const isModuleExports = (n: TSESTree.Node): boolean =>
    n.type === AST_NODE_TYPES.MemberExpression && n.object.type === AST_NODE_TYPES.Identifier && n.object.name === 'module' && !n.computed && n.property.type === AST_NODE_TYPES.Identifier && n.property.name === 'exports';
  if (isModuleExports(node)) {
    return 'module';
  }
  if (node.type === AST_NODE_TYPES.MemberExpression && !node.computed && node.property.type === AST_NODE_TYPES.Identifier && (isModuleExports(node.object) || (node.object.type === AST_NODE_TYPES.Identifier && node.object.name === 'exports'))) {
    return node.property.name;
  }
  return null;
}

