import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { outerExpression, patternPath } from '../core/ast';
import { perFile, perFileKey } from '../core/context';
import type { FileContext } from '../core/context';
import { resolveConstInit, skipTsWrappers } from '../core/static';
import { importsModule, requireCallsOf, requireSpecifier } from '../core/modules';
import { variableFor } from '../core/variable-index';
import { fieldMethodCalls, fieldTypedAs, importRoot, injectedMember, memberFunction } from '../core/functions';
import type { ClassNode } from '../core/functions';
import { deferParse, projectFile, projectFileMemo, projectFileMentions, projectFileText } from './files';
import type { ProjectFile } from './files';
import { resolveModule } from './resolve';
import { onClearProjectCaches, projectSettings } from './settings';

/**
 * Files a definition may be re-exported through beyond the one first looked in
 * (`export { a } from './b'`, `export * from './c'`, `import { a } …; export { a }`): a
 * barrel chain longer than this is not followed. Cycles end earlier, at the first repeat.
 */
export const MAX_REEXPORT_HOPS = 3;

/** What an export or import stands for in the file that defines it. */
export interface Definition {
  /** The file that holds the definition. */
  readonly file: ProjectFile;
  /**
   * The node that defines it: a FunctionDeclaration or ClassDeclaration, a variable's
   * initialiser (`export const GET = withAuth(…)` → the CallExpression), the expression of
   * `export default …` or of a CommonJS assignment (`module.exports.a = …`), an object
   * literal's property value or method.
   */
  readonly node: TSESTree.Node;
  /** The name it is declared under there (`requireUser`), else the export name (`default`, a CommonJS key). */
  readonly name: string;
}

/** An import as the importing file writes it: `import { a as b } from 'x'` → `{ specifier: 'x', name: 'a' }`. */
export interface ImportBinding {
  readonly specifier: string;
  /** The exported name; `default` for default imports and whole-module requires; `*` for a namespace. */
  readonly name: string;
}

interface Found {
  readonly filename: string;
  readonly node: TSESTree.Node;
  readonly name: string;
}

interface Walk {
  hops: number;
  readonly visited: Set<string>;
  readonly deps: ProjectFile[];
}

interface Memo {
  readonly found: Found | null;
  /** The files the answer was read from, with the parse it was read from. */
  readonly deps: readonly { readonly filename: string; readonly program: TSESTree.Program }[];
}

let memos = new WeakMap<TSESTree.Program, Map<string, Memo>>();
onClearProjectCaches(() => {
  memos = new WeakMap();
});

function staticString(node: TSESTree.Node | null | undefined): string | null {
  if (!node) {
    return null;
  }
  if (node.type === AST_NODE_TYPES.Literal) {
    return typeof node.value === 'string' ? node.value : null;
  }
  if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) {
    return node.quasis[0]?.value.cooked ?? null;
  }
  return null;
}

/** `require('x')` → `'x'`. */
function requiredSpecifier(node: TSESTree.Node | null | undefined): string | null {
  if (
    node?.type === AST_NODE_TYPES.CallExpression &&
    node.callee.type === AST_NODE_TYPES.Identifier &&
    node.callee.name === 'require' &&
    node.arguments.length === 1
  ) {
    return requireSpecifier(node.arguments[0]);
  }
  return null;
}

function moduleExportName(node: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return node.type === AST_NODE_TYPES.Identifier ? node.name : node.value;
}

/** The static name of a member's property (`a.b`, `a['b']`), or `null`. */
function propertyName(member: TSESTree.MemberExpression): string | null {
  if (!member.computed && member.property.type === AST_NODE_TYPES.Identifier) {
    return member.property.name;
  }
  return member.computed ? staticString(member.property) : null;
}

/** The import a definition of a variable reads, or `null` when it is not an import. */
function bindingOfDefinition(def: TSESLint.Scope.Definition, id: TSESTree.Node): ImportBinding | null {
  if (def.type === 'ImportBinding') {
    const node = def.node as TSESTree.Node;
    if (node.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
      const reference = node.moduleReference;
      const specifier = reference.type === AST_NODE_TYPES.TSExternalModuleReference ? staticString(reference.expression) : null;
      return specifier === null || node.importKind === 'type' ? null : { specifier, name: 'default' };
    }
    const declaration = node.parent;
    if (declaration?.type !== AST_NODE_TYPES.ImportDeclaration || declaration.importKind === 'type') {
      return null;
    }
    const specifier = declaration.source.value;
    if (node.type === AST_NODE_TYPES.ImportSpecifier) {
      return node.importKind === 'type' ? null : { specifier, name: moduleExportName(node.imported) };
    }
    return { specifier, name: node.type === AST_NODE_TYPES.ImportDefaultSpecifier ? 'default' : '*' };
  }
  if (def.type !== 'Variable' || def.node.type !== AST_NODE_TYPES.VariableDeclarator || !def.node.init) {
    return null;
  }
  let init = skipTsWrappers(def.node.init);
  if (init.type === AST_NODE_TYPES.AwaitExpression) {
    init = skipTsWrappers(init.argument);
  }
  // const x = require('x').a
  let property: string | null = null;
  if (init.type === AST_NODE_TYPES.MemberExpression) {
    property = propertyName(init);
    init = init.object;
    if (property === null) {
      return null;
    }
  }
  const dynamic = init.type === AST_NODE_TYPES.ImportExpression && property === null ? staticString(init.source) : null;
  const specifier = dynamic ?? requiredSpecifier(init);
  if (specifier === null) {
    return null;
  }
  // What the whole initialiser stands for: the module (`default` for require, `*` for import()), or one export.
  const whole = property ?? (dynamic !== null ? '*' : 'default');
  const keys = patternPath(def.node.id, id);
  if (keys === null || keys.length > 1 || (keys.length === 1 && property !== null)) {
    return null;
  }
  return { specifier, name: keys.length === 1 ? keys[0]! : whole };
}

/**
 * The import a local name stands for: `import { a as b } from 'x'`, `import a from`,
 * `import * as ns from`, `const { a } = require('x')`, `const a = require('x')`,
 * `const a = require('x').a`, `const { a } = await import('x')`, `import a = require('x')`.
 * `null` for type-only imports and anything else.
 */
export function importBinding(context: FileContext, id: TSESTree.Identifier): ImportBinding | null {
  try {
    const variable = variableFor(context, id);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    const declared = def ? (def.type === 'Variable' ? def.name : id) : null;
    return def && declared ? bindingOfDefinition(def, declared) : null;
  } catch {
    return null;
  }
}

/** Per file: each name imported (or required) from a project file, with the project files it is bound to. */
const PROJECT_IMPORTS = perFileKey<ReadonlyMap<string, readonly string[]>>('names imported from project files, with their files');
const PROJECT_IMPORT_NAMES = perFileKey<ReadonlySet<string>>('names imported from project files');
const NAMES_MENTIONING = perFileKey<Map<string, Map<string, boolean>>>('imported names whose files mention a pattern');

/**
 * The names the file imports (or requires, in any scope) from a file of the project:
 * the cheap test every cross-file lookup starts with, so that calls of anything else (locals,
 * globals, packages from `node_modules`) cost one set lookup. Empty with `crossFile: false`.
 * @example import { getJson } from './lib/http'; import express from 'express'; // { getJson }
 */
export function projectImportNames(context: FileContext): ReadonlySet<string> {
  return perFile(context, PROJECT_IMPORT_NAMES, () => new Set(projectImports(context).keys()));
}

/**
 * Whether `name`, imported from project files, comes from a file that can hold (or reach, `hops`
 * imports deep) what `pattern` names, read from file texts without parsing them: the test a lookup
 * with `importedDefinition(…, { mentions })` starts with, once per file, name and pattern rather
 * than once per call, and only for the names a rule asks about (the files they come from are looked at).
 * @example import { getJson } from './lib/http'; // importedNameMayHold(context, 'getJson', /\bfetch\(/) → true
 */
export function importedNameMayHold(context: FileContext, name: string, pattern: RegExp, hops = MENTION_HOPS): boolean {
  const targets = projectImports(context).get(name);
  if (!targets) {
    return false;
  }
  const memo = perFile(context, NAMES_MENTIONING, () => new Map());
  const key = mayHoldKey(pattern, hops);
  let answers = memo.get(key);
  if (!answers) {
    answers = new Map();
    memo.set(key, answers);
  }
  let answer = answers.get(name);
  if (answer === undefined) {
    answer = targets.some((target) => fileMayHold(target, pattern, context, hops));
    answers.set(name, answer);
  }
  return answer;
}

/**
 * The references to the names of `names` that hold what the file imports from project files
 * (every variable the imports bind under those names, with all its uses): for a rule that needs
 * the calls of a few imported names, without a listener on every call of the file.
 */
export function importedNameReferences(context: FileContext, names: ReadonlySet<string>): TSESLint.Scope.Reference[] {
  const references: TSESLint.Scope.Reference[] = [];
  if (names.size === 0) {
    return references;
  }
  projectImports(context); // lists the declarations
  const seen = new Set<TSESLint.Scope.Variable>();
  for (const node of perFile(context, PROJECT_IMPORT_DECLARATIONS, () => [])) {
    for (const variable of context.sourceCode.getDeclaredVariables(node)) {
      if (names.has(variable.name) && !seen.has(variable)) {
        seen.add(variable);
        references.push(...variable.references);
      }
    }
  }
  return references;
}

/** A call of a name imported from a project file: `name(…)` or `name.member(…)`. */
interface ImportedNameCall {
  readonly name: string;
  readonly call: TSESTree.CallExpression;
}

const IMPORTED_NAME_CALLS = perFileKey<readonly ImportedNameCall[]>('calls of names imported from project files');

/** Every call of a name imported from a project file, in the order of the references, each once; listed once per file for every rule. */
function importedNameCallSites(context: FileContext): readonly ImportedNameCall[] {
  return perFile(context, IMPORTED_NAME_CALLS, () => {
    const sites: ImportedNameCall[] = [];
    const seen = new Set<TSESTree.CallExpression>();
    for (const { identifier } of importedNameReferences(context, projectImportNames(context))) {
      // An imported class injected into a field (`constructor(private readonly tools: ToolsService)`): `this.tools.lookup(…)`.
      const field = fieldTypedAs(identifier);
      if (field) {
        for (const call of fieldMethodCalls(context, field, null)) {
          if (!seen.has(call)) {
            seen.add(call);
            sites.push({ name: identifier.name, call });
          }
        }
        continue;
      }
      const parent = identifier.parent;
      const callee = parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === identifier ? parent : identifier;
      const call = callee.parent;
      if (call?.type === AST_NODE_TYPES.CallExpression && call.callee === callee && !seen.has(call)) {
        seen.add(call);
        sites.push({ name: identifier.name, call });
      }
    }
    return sites;
  });
}

/**
 * The calls `name(…)` and `name.member(…)` of names the file imports from project files, for the
 * names `accepts` keeps (asked once per name, in the order of the references; a name's file is
 * read only when one of its calls is seen), each call once: where a rule looks for the wrappers
 * another file may hold, without a listener on every call of the file.
 * @example import { getJson } from './lib/http'; getJson(url); // importedNameCalls(context, (name) => mayBeHttpWrapper(context, name)) → [getJson(url)]
 */
export function importedNameCalls(context: FileContext, accepts: (name: string) => boolean, options: { readonly withArguments?: boolean } = {}): TSESTree.CallExpression[] {
  const calls: TSESTree.CallExpression[] = [];
  const answers = new Map<string, boolean>();
  for (const { name, call } of importedNameCallSites(context)) {
    if (options.withArguments === true && call.arguments.length === 0) {
      continue;
    }
    let accepted = answers.get(name);
    if (accepted === undefined) {
      accepted = accepts(name);
      answers.set(name, accepted);
    }
    if (accepted) {
      calls.push(call);
    }
  }
  return calls;
}

/** Per file: the declarations (import specifiers, `import = require`, declarators) that bind project imports. */
const PROJECT_IMPORT_DECLARATIONS = perFileKey<TSESTree.Node[]>('declarations of project imports');

function projectImports(context: FileContext): ReadonlyMap<string, readonly string[]> {
  return perFile(context, PROJECT_IMPORTS, () => {
    const names = new Map<string, string[]>();
    const declarations = perFile(context, PROJECT_IMPORT_DECLARATIONS, () => []);
    const { sourceCode } = context;
    const dynamic = sourceCode.text.includes('import(');
    const targetOf = (specifier: string): string | null => resolveModule(context.filename, specifier, context.settings);
    const add = (name: string, target: string | null): void => {
      if (target !== null) {
        const targets = names.get(name);
        if (!targets) {
          names.set(name, [target]);
        } else if (!targets.includes(target)) {
          targets.push(target);
        }
      }
    };
    // Most files import only packages: one resolution per specifier (memoised per folder) settles it.
    if (!projectSettings(context).crossFile || (!dynamic && !importsModule(context, (specifier) => targetOf(specifier) !== null))) {
      return names;
    }
    try {
      if (dynamic) {
        // `const { a } = await import('./x')` may sit in any scope: read every variable's definition.
        for (const scope of sourceCode.scopeManager?.scopes ?? []) {
          for (const variable of scope.variables) {
            const def = variable.defs[0];
            const binding = def && variable.defs.length === 1 && (def.type === 'ImportBinding' || def.type === 'Variable') ? bindingOfDefinition(def, def.name) : null;
            const target = binding ? targetOf(binding.specifier) : null;
            if (target !== null) {
              add(variable.name, target);
              declarations.push(def!.node as TSESTree.Node);
            }
          }
        }
        return names;
      }
      // A superset is enough: the name only lets a lookup go on to `importBinding`, which checks the scope.
      for (const statement of sourceCode.ast.body) {
        const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
        if (declaration?.type === AST_NODE_TYPES.ImportDeclaration && declaration.importKind !== 'type') {
          const target = targetOf(declaration.source.value);
          for (const specifier of target === null ? [] : declaration.specifiers) {
            add(specifier.local.name, target);
            declarations.push(specifier);
          }
        } else if (declaration?.type === AST_NODE_TYPES.TSImportEqualsDeclaration && declaration.moduleReference.type === AST_NODE_TYPES.TSExternalModuleReference) {
          const specifier = staticString(declaration.moduleReference.expression);
          const target = specifier === null ? null : targetOf(specifier);
          if (target !== null) {
            add(declaration.id.name, target);
            declarations.push(declaration);
          }
        }
      }
      for (const { call, specifier } of requireCallsOf(context)) {
        const target = targetOf(specifier);
        const required = target === null ? null : requiredNames(call);
        if (required && required.names.length > 0) {
          for (const name of required.names) {
            add(name, target!);
          }
          declarations.push(required.declarator);
        }
      }
    } catch {
      // an odd scope or path: no cross-file lookups for this file
    }
    return names;
  });
}

/**
 * The local names a `require('x')` call binds, in the shapes `bindingOfDefinition` reads:
 * `const a = require('x')`, `const a = require('x').b`, `const { a, b: c } = require('x')`.
 */
function requiredNames(call: TSESTree.CallExpression): { readonly names: string[]; readonly declarator: TSESTree.VariableDeclarator } | null {
  let node = outerExpression(call);
  const member = node.parent?.type === AST_NODE_TYPES.MemberExpression && node.parent.object === node;
  if (member) {
    node = outerExpression(node.parent!);
  }
  const declarator = node.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== node) {
    return null;
  }
  if (declarator.id.type === AST_NODE_TYPES.Identifier) {
    return { names: [declarator.id.name], declarator };
  }
  const names: string[] = [];
  if (declarator.id.type === AST_NODE_TYPES.ObjectPattern && !member) {
    for (const property of declarator.id.properties) {
      const value = property.type === AST_NODE_TYPES.Property ? property.value : null;
      const local = value?.type === AST_NODE_TYPES.AssignmentPattern ? value.left : value;
      if (local?.type === AST_NODE_TYPES.Identifier) {
        names.push(local.name);
      }
    }
  }
  return { names, declarator };
}

/** The scope of a file's top-level declarations: the module scope, else the global scope of a script. */
function topScope(sourceCode: Readonly<TSESLint.SourceCode>): TSESLint.Scope.Scope | null {
  const global = sourceCode.scopeManager?.globalScope ?? null;
  return (global?.childScopes.find((scope) => scope.type === 'module') as TSESLint.Scope.Scope | undefined) ?? (global as TSESLint.Scope.Scope | null);
}

function isMember(node: TSESTree.Node, object: string, property: string): boolean {
  return (
    node.type === AST_NODE_TYPES.MemberExpression &&
    node.object.type === AST_NODE_TYPES.Identifier &&
    node.object.name === object &&
    propertyName(node) === property
  );
}

/** Follows an import of `file` to the export `name` of the module it names, one hop further. */
function followModule(file: ProjectFile, specifier: string, name: string, walk: Walk): Found | null {
  if (walk.hops >= MAX_REEXPORT_HOPS) {
    return null;
  }
  const target = resolveModule(file.filename, specifier, file.context.settings);
  const next = target === null ? null : projectFile(target, file.context);
  if (!next) {
    return null;
  }
  walk.hops++;
  walk.deps.push(next);
  return lookup(next, name, walk);
}

/** What a top-level name of `file` is bound to: its declaration, initialiser or import. */
function local(file: ProjectFile, localName: string, walk: Walk): Found | null {
  const visitKey = `${file.filename}\0local\0${localName}`;
  if (walk.visited.has(visitKey)) {
    return null;
  }
  walk.visited.add(visitKey);
  const variable = topScope(file.sourceCode)?.set.get(localName);
  if (!variable || variable.defs.length === 0) {
    return null;
  }
  // Overloads declare a function several times: the one with a body defines it.
  const def = variable.defs.find((d) => d.node.type === AST_NODE_TYPES.FunctionDeclaration) ?? variable.defs[0]!;
  if (def.type === 'FunctionName' || def.type === 'ClassName') {
    return { filename: file.filename, node: def.node as TSESTree.Node, name: localName };
  }
  const binding = bindingOfDefinition(def, def.name);
  if (binding) {
    return binding.name === '*' ? null : followModule(file, binding.specifier, binding.name, walk);
  }
  if (def.type === 'Variable' && def.node.id.type === AST_NODE_TYPES.Identifier && def.node.init) {
    const init = skipTsWrappers(def.node.init);
    if (init.type === AST_NODE_TYPES.Identifier) {
      return local(file, init.name, walk);
    }
    return { filename: file.filename, node: init, name: localName };
  }
  return null;
}

/** What an exported expression stands for: a local name is followed to its definition. */
function expression(file: ProjectFile, node: TSESTree.Node, name: string, walk: Walk): Found | null {
  const value = skipTsWrappers(node);
  if (value.type === AST_NODE_TYPES.Identifier) {
    return local(file, value.name, walk);
  }
  const specifier = requiredSpecifier(value);
  if (specifier !== null) {
    return followModule(file, specifier, 'default', walk);
  }
  const declared = (value.type === AST_NODE_TYPES.FunctionExpression || value.type === AST_NODE_TYPES.ClassExpression) && value.id ? value.id.name : name;
  return { filename: file.filename, node: value, name: declared };
}

/**
 * The value of key `name` in an object literal: `{ a }`, `{ a: fn }`, `{ a() {} }`, and through
 * its spreads (`{ ...require('./a'), ...base }`), the last definition winning as at run time. A
 * spread of something unknown (`...require(dynamicPath)`, a call) is passed over.
 */
function objectMember(file: ProjectFile, object: TSESTree.ObjectExpression, name: string, walk: Walk): Found | null {
  for (let i = object.properties.length - 1; i >= 0; i--) {
    const property = object.properties[i]!;
    if (property.type === AST_NODE_TYPES.SpreadElement) {
      const hops = walk.hops;
      const found = spreadMember(file, property.argument, name, walk);
      if (found) {
        return found;
      }
      // Each spread is its own branch: a miss in one does not use up the others' hops.
      walk.hops = hops;
      continue;
    }
    if (property.type !== AST_NODE_TYPES.Property || property.kind !== 'init') {
      continue;
    }
    const key = property.computed ? staticString(property.key) : property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : staticString(property.key);
    if (key === name) {
      return expression(file, property.value, name, walk);
    }
  }
  return null;
}

/**
 * Key `name` of what a spread copies: the export of a required project file
 * (`...require('./env/all')`, or `...allConf` bound to one), or of an object literal of the
 * file. `null` for anything else.
 */
function spreadMember(file: ProjectFile, argument: TSESTree.Node, name: string, walk: Walk): Found | null {
  const value = skipTsWrappers(argument);
  const specifier = requiredSpecifier(value);
  if (specifier !== null) {
    return followModule(file, specifier, name, walk);
  }
  const bound = value.type === AST_NODE_TYPES.Identifier ? local(file, value.name, walk) : null;
  if (bound?.node.type !== AST_NODE_TYPES.ObjectExpression) {
    return null;
  }
  const owner = bound.filename === file.filename ? file : projectFile(bound.filename, file.context);
  return owner ? objectMember(owner, bound.node, name, walk) : null;
}

/** CommonJS: `module.exports = …`, `module.exports.a = …`, `exports.a = …` (the last assignment wins, as at run time). */
function commonJsExport(file: ProjectFile, name: string, walk: Walk): Found | null {
  let found: (() => Found | null) | null = null;
  for (const statement of file.sourceCode.ast.body) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.expression.type !== AST_NODE_TYPES.AssignmentExpression) {
      continue;
    }
    const { left, right, operator } = statement.expression;
    if (operator !== '=') {
      continue;
    }
    if (isMember(left, 'module', 'exports')) {
      found = () => {
        if (name === 'default') {
          return expression(file, right, name, walk);
        }
        let value = skipTsWrappers(right);
        if (value.type === AST_NODE_TYPES.Identifier) {
          const bound = local(file, value.name, walk);
          value = bound?.filename === file.filename ? bound.node : value;
        }
        if (value.type === AST_NODE_TYPES.ObjectExpression) {
          return objectMember(file, value, name, walk);
        }
        const specifier = requiredSpecifier(value);
        return specifier === null ? null : followModule(file, specifier, name, walk);
      };
    } else if (
      left.type === AST_NODE_TYPES.MemberExpression &&
      propertyName(left) === name &&
      (isMember(left.object, 'module', 'exports') || (left.object.type === AST_NODE_TYPES.Identifier && left.object.name === 'exports'))
    ) {
      found = () => expression(file, right, name, walk);
    }
  }
  return found ? found() : null;
}

/** The export `name` of `file`, following re-exports within the walk's bounds. */
function lookup(file: ProjectFile, name: string, walk: Walk): Found | null {
  const visitKey = `${file.filename}\0export\0${name}`;
  if (walk.visited.has(visitKey)) {
    return null;
  }
  walk.visited.add(visitKey);
  const stars: string[] = [];
  for (const statement of file.sourceCode.ast.body) {
    if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration && statement.exportKind !== 'type') {
      const declaration = statement.declaration;
      if (declaration) {
        if ((declaration.type === AST_NODE_TYPES.FunctionDeclaration || declaration.type === AST_NODE_TYPES.ClassDeclaration) && declaration.id?.name === name) {
          return { filename: file.filename, node: declaration, name };
        }
        if (declaration.type === AST_NODE_TYPES.VariableDeclaration) {
          for (const declarator of declaration.declarations) {
            if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.id.name === name) {
              return declarator.init ? expression(file, declarator.init, name, walk) : null;
            }
          }
        }
        continue;
      }
      for (const specifier of statement.specifiers) {
        if (specifier.exportKind === 'type' || moduleExportName(specifier.exported) !== name) {
          continue;
        }
        const localName = moduleExportName(specifier.local);
        return statement.source ? followModule(file, statement.source.value, localName, walk) : local(file, localName, walk);
      }
    } else if (statement.type === AST_NODE_TYPES.ExportDefaultDeclaration && name === 'default') {
      const declaration = statement.declaration;
      if (declaration.type === AST_NODE_TYPES.FunctionDeclaration || declaration.type === AST_NODE_TYPES.ClassDeclaration) {
        return { filename: file.filename, node: declaration, name: declaration.id?.name ?? name };
      }
      return expression(file, declaration, name, walk);
    } else if (statement.type === AST_NODE_TYPES.ExportAllDeclaration && statement.exportKind !== 'type') {
      // `export * as ns from` is a namespace, not a definition; `export *` never re-exports `default`.
      if (statement.exported === null && name !== 'default') {
        stars.push(statement.source.value);
      }
    }
  }
  const commonJs = commonJsExport(file, name, walk);
  if (commonJs) {
    return commonJs;
  }
  for (const source of stars) {
    const hops = walk.hops;
    const found = followModule(file, source, name, walk);
    if (found) {
      return found;
    }
    // Each `export *` is its own branch: a miss in one does not use up the others' hops.
    walk.hops = hops;
  }
  return null;
}

function toDefinition(found: Found | null, like: FileContext): Definition | null {
  const file = found ? projectFile(found.filename, like) : null;
  return file && found ? { file, node: found.node, name: found.name } : null;
}

/**
 * The definition behind export `exportName` of `file` (`default` for the default export and
 * for CommonJS `module.exports = …`): `export function a`, `export const a = …`,
 * `export default …`, `export { a }`, `export { a as b }`, `export { a } from './y'`,
 * `export * from './y'`, `module.exports = { a }`, `module.exports.a = …`, `exports.a = …`.
 * Re-exports are followed up to `MAX_REEXPORT_HOPS` files; a cycle answers `null`.
 * Memoised per (parse of `file`, name), checked against the current parse of every file
 * the answer was read from (stat once per lint of `like`, the file being linted). Never throws.
 * @example exportedDefinition(projectFile('/app/lib/auth.ts', context)!, 'requireUser')?.node // FunctionDeclaration
 */
export function exportedDefinition(file: ProjectFile, exportName: string, like?: FileContext): Definition | null {
  try {
    const project = projectSettings(file.context);
    if (!project.crossFile || typeof exportName !== 'string') {
      return null;
    }
    const program = file.sourceCode.ast;
    let perName = memos.get(program);
    if (!perName) {
      perName = new Map();
      memos.set(program, perName);
    }
    const key = `${exportName}\0${project.tsconfig ?? ''}\0${project.root ?? ''}`;
    const memo = perName.get(key);
    // The files it was read from are checked through the file being linted (`like`): one stat each per lint.
    if (memo && memo.deps.every((dep) => projectFile(dep.filename, like ?? file.context)?.sourceCode.ast === dep.program)) {
      return toDefinition(memo.found, file.context);
    }
    const walk: Walk = { hops: 0, visited: new Set(), deps: [] };
    const found = lookup(file, exportName, walk);
    perName.set(key, { found, deps: walk.deps.map((dep) => ({ filename: dep.filename, program: dep.sourceCode.ast })) });
    return toDefinition(found, file.context);
  } catch {
    return null;
  }
}

export interface DefinitionOptions {
  /**
   * Only follow the import when the file it names mentions this (`/\bfetch\b|axios/`) or
   * re-exports from another file: the file is read, and parsed only then.
   */
  readonly mentions?: RegExp;
  /** How many imports deep a file may reach what `mentions` names (default 2: a wrapper of a wrapper). */
  readonly mentionHops?: number;
}

const DEFINITIONS = perFileKey<Map<string, Definition | null>>('imported definitions');

/** Instance method `name` of the class a definition stands for (`lookup(host) {…}`, `lookup = (host) => …`), or `null`. */
function classMethod(definition: Definition, name: string): Definition | null {
  const cls = definition.node;
  if (cls.type !== AST_NODE_TYPES.ClassDeclaration && cls.type !== AST_NODE_TYPES.ClassExpression) {
    return null;
  }
  const fn = memberFunction(cls, name, false);
  return fn ? { file: definition.file, node: fn, name: `${definition.name}.${name}` } : null;
}

/** The specifiers of the re-exports `REEXPORTS` finds: `export … from 'x'` (group 2), `exports = require('x')` (group 4). */
const REEXPORT_SPECIFIERS = /\bexport\s*(?:\*(?:\s*as\s+[\w$]+)?|\{[^}]*\})\s*from\s*(['"])([^'"\n]+)\1|exports(?:\.[\w$]+)?\s*=\s*require\s*\(\s*(['"])([^'"\n]+)\3/gu;
/** `export … from`, `export *`, `module.exports = require(…)`: a file that may pass a definition on. */
const REEXPORTS = /\bexport\s*(?:\*|\{[^}]*\}|\*\s*as\s+[\w$]+)\s*from\b|exports(?:\.[\w$]+)?\s*=\s*require\s*\(/u;

/**
 * The definition, in another project file, of what `node` names in the file of `context`:
 * an imported or required local name (`requireUser` of `import { requireUser } from
 * '@/lib/auth'`), `ns.a` / `mod.a` of a namespace import or whole-module require (or pass
 * `property` with the `ns` identifier), or `require('./x').a`. `null` when it is not an
 * import, does not resolve to a project file, or the export is not found.
 * @example router.get('/', getAll) // importedDefinition(context, getAll)?.node: the controller's function
 */
export function importedDefinition(context: FileContext, node: TSESTree.Node, property?: string, options: DefinitionOptions = {}): Definition | null {
  try {
    const found = importTarget(context, node, property);
    if (!found) {
      return null; // not an import of a project file
    }
    // Once per lint of this file and export asked about: a helper is called many times.
    const memo = perFile(context, DEFINITIONS, () => new Map());
    const key = `${found.target}\0${found.name}\0${found.member ?? ''}\0${options.mentions?.source ?? ''}\0${options.mentionHops ?? MENTION_HOPS}`;
    if (memo.has(key)) {
      return memo.get(key)!;
    }
    let definition: Definition | null = null;
    // A file that cannot hold what the caller looks for is not parsed.
    if (!options.mentions || fileMayHold(found.target, options.mentions, context, options.mentionHops ?? MENTION_HOPS)) {
      const file = projectFile(found.target, context);
      definition = file ? exportedDefinition(file, found.name, context) : null;
      if (definition && found.member !== undefined) {
        definition = classMethod(definition, found.member);
      }
    }
    memo.set(key, definition);
    return definition;
  } catch {
    return null;
  }
}

/** A class found by `classNamed`, with the context of its file and, when it is another project file, that file. */
export interface NamedClass {
  readonly cls: ClassNode;
  readonly context: FileContext;
  readonly file: ProjectFile | null;
}

/**
 * The class an expression names: a class expression, a `const` holding one, a class declared at
 * the top of the file, or a class imported from a project file (`file` is then that file, for a
 * caller that records what its answer depends on). `null` otherwise; never throws.
 * @example classNamed(context, typeName)?.cls // `class CreateShareDto {…}` of './dto/share.dto'
 */
export function classNamed(context: FileContext, node: TSESTree.Node): NamedClass | null {
  try {
    const expr = skipTsWrappers(node);
    if (expr.type === AST_NODE_TYPES.ClassExpression) {
      return { cls: expr, context, file: null };
    }
    if (expr.type !== AST_NODE_TYPES.Identifier) {
      return null;
    }
    const init = resolveConstInit(context, expr);
    if (init?.type === AST_NODE_TYPES.ClassExpression) {
      return { cls: init, context, file: null };
    }
    for (const statement of context.sourceCode.ast.body) {
      const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration ? statement.declaration : statement;
      if (declaration?.type === AST_NODE_TYPES.ClassDeclaration && declaration.id?.name === expr.name) {
        return { cls: declaration, context, file: null };
      }
    }
    const definition = importedDefinition(context, expr);
    const defined = definition ? skipTsWrappers(definition.node) : null;
    return definition && (defined?.type === AST_NODE_TYPES.ClassDeclaration || defined?.type === AST_NODE_TYPES.ClassExpression)
      ? { cls: defined, context: definition.file.context, file: definition.file }
      : null;
  } catch {
    return null;
  }
}

/**
 * Whether what `node` names is imported from a project file whose text mentions `pattern` (or
 * re-exports from another file): `importedDefinition`'s cheap first half, reading the file
 * without parsing it, for a caller that has costlier work to do before following the import.
 */
export function importedFileMentions(context: FileContext, node: TSESTree.Node, pattern: RegExp): boolean {
  try {
    const found = importTarget(context, node);
    return found !== null && fileMayHold(found.target, pattern, context);
  } catch {
    return false;
  }
}

/**
 * What a file must hold for a caller following imports (a wrapper of a sink, say): a pattern its
 * text must mention, and a test of the file itself, which may parse it. One object per question,
 * kept by the caller: answers are memoised per object.
 */
export interface FileTest {
  readonly pattern: RegExp;
  /** Whether `file`, whose text mentions `pattern`, holds what is looked for. Never throws. */
  readonly holds: (file: string, like: FileContext) => boolean;
}

/** Per file test: its key in a file's text memo. */
const mayReachKeys = new WeakMap<FileTest, string>();
let mayReachCount = 0;

/**
 * Whether what `node` names is imported from a project file that can hold what `test` looks for
 * without the file being parsed first: the file mentions `test.pattern` (its own parse, by the
 * caller, decides), or it imports, up to `MENTION_HOPS` deep (barrels not counted), a file that
 * mentions it and passes `test.holds`. For a wrapper of a wrapper: the file in between is parsed
 * only when a file it reaches holds a wrapper. Kept with the file's current text, like
 * `importedFileMentions`. `false` for anything that does not resolve; never throws.
 */
export function importedFileMayReach(context: FileContext, node: TSESTree.Node, test: FileTest): boolean {
  try {
    const found = importTarget(context, node);
    if (found === null) {
      return false;
    }
    const memo = projectFileMemo(found.target, context);
    let key = mayReachKeys.get(test);
    if (key === undefined) {
      key = `may reach\0${++mayReachCount}`;
      mayReachKeys.set(test, key);
    }
    let answer = memo?.get(key) as boolean | undefined;
    if (answer === undefined) {
      // The file itself only has to mention the pattern: the caller parses it next and decides.
      answer = projectFileMentions(found.target, test.pattern, context) || mayHold(found.target, test.pattern, context, MENTION_HOPS, new Set(), MAX_REEXPORT_HOPS, test.holds);
      memo?.set(key, answer);
    }
    return answer;
  } catch {
    return false;
  }
}

/**
 * Whether a rule should test the cheaper of two necessary conditions before
 * `importedDefinition(context, node)`: `node` (`f`, `ns.f`, `this.tools.f`) names an import of a project file
 * whose parse `deferParse` puts off. Read from the file's list of project imports, without the
 * binding and resolution a lookup makes (re-exports the file passes on are not looked at).
 */
export function deferDefinition(context: FileContext, node: TSESTree.Node): boolean {
  const id = importRoot(node);
  const targets = id ? projectImports(context).get(id.name) : undefined;
  return targets !== undefined && targets.some((target) => deferParse(target, context));
}

/** Import specifiers as written in a file's text (`from './x'`, `require('./x')`, `import('./x')`). */
const SPECIFIERS = /(?:\bfrom|\brequire\s*\(|\bimport\s*\()\s*(['"])([^'"\n]+)\1/gu;
/** How many imports deep `fileMayHold` looks for a file that mentions the pattern: wrappers of wrappers. */
const MENTION_HOPS = 2;

/**
 * Whether `target` can hold (or reach) what the caller looks for, from file texts alone: it
 * mentions `pattern`, re-exports, or imports a project file that does (`MENTION_HOPS` deep: a
 * wrapper of a wrapper). Files that pass are parsed; the others never are.
 */
/** Per pattern: the memo key of each hop count, built once rather than at every lookup. */
const mayHoldKeys = new WeakMap<RegExp, string[]>();

function mayHoldKey(pattern: RegExp, hops: number): string {
  let keys = mayHoldKeys.get(pattern);
  if (!keys) {
    keys = [];
    mayHoldKeys.set(pattern, keys);
  }
  return (keys[hops] ??= `may hold\0${hops}\0${pattern.source}`);
}

function fileMayHold(target: string, pattern: RegExp, like: FileContext, hops = MENTION_HOPS): boolean {
  // Kept with the target's current text: a change of the files it imports is seen when it changes
  // (or after `clearProjectCaches`), a bound accepted for wrappers of wrappers.
  const memo = projectFileMemo(target, like);
  const key = mayHoldKey(pattern, hops);
  let answer = memo?.get(key) as boolean | undefined;
  if (answer === undefined) {
    answer = mayHold(target, pattern, like, hops, new Set());
    memo?.set(key, answer);
  }
  return answer;
}

function mayHold(
  target: string,
  pattern: RegExp,
  like: FileContext,
  hops: number,
  seen: Set<string>,
  reexportHops = MAX_REEXPORT_HOPS,
  holds?: FileTest['holds'],
): boolean {
  if (seen.has(target)) {
    return false;
  }
  seen.add(target);
  // With a test of the file itself, a file that mentions the pattern must pass it too; one that
  // does not is read on like any other (its barrels and imports), which may only add files.
  if (projectFileMentions(target, pattern, like) && (!holds || holds(target, like))) {
    return true;
  }
  const text = projectFileText(target, like);
  if (text === null) {
    return false;
  }
  // A barrel passes definitions on: the files it re-exports from are read in its place, without
  // spending an import hop (a barrel of a whole package mentions nothing itself).
  if (REEXPORTS.test(text)) {
    if (reexportHops === 0) {
      return true; // deeper than lookups follow re-exports: let the parse decide
    }
    for (const [, , fromSpecifier, , requireSpecifier] of text.matchAll(REEXPORT_SPECIFIERS)) {
      const next = resolveModule(target, (fromSpecifier ?? requireSpecifier)!, like.settings);
      if (next !== null && mayHold(next, pattern, like, hops, seen, reexportHops - 1, holds)) {
        return true;
      }
    }
  }
  if (hops === 0) {
    return false;
  }
  for (const [, , specifier] of text.matchAll(SPECIFIERS)) {
    const next = resolveModule(target, specifier!, like.settings);
    if (next !== null && mayHold(next, pattern, like, hops - 1, seen, reexportHops, holds)) {
      return true;
    }
  }
  return false;
}

/** The project file an import names, and the export it reads; `null` for anything else. */
/** Where an import leads: the file, the export, and for a method of an injected instance (`this.tools.lookup`) the class member. */
interface ImportTarget {
  readonly target: string;
  readonly name: string;
  readonly member?: string;
}

function importTarget(context: FileContext, node: TSESTree.Node, property?: string): ImportTarget | null {
  if (!projectSettings(context).crossFile) {
    return null;
  }
  // `this.tools.lookup` with `constructor(private readonly tools: ToolsService)`: method `lookup` of the imported class.
  const injected = property === undefined && node.type === AST_NODE_TYPES.MemberExpression ? injectedMember(node) : null;
  if (injected) {
    const found = importTarget(context, injected.type);
    return found ? { ...found, member: injected.member } : null;
  }
  let binding: ImportBinding | null = null;
  if (node.type === AST_NODE_TYPES.Identifier) {
    if (!projectImportNames(context).has(node.name)) {
      return null; // not imported from a project file: nothing to follow, and no scope work
    }
    binding = importBinding(context, node);
  } else if (node.type === AST_NODE_TYPES.MemberExpression) {
    const name = propertyName(node);
    const specifier = requiredSpecifier(node.object);
    if (name !== null && specifier !== null) {
      binding = { specifier, name };
    } else if (name !== null && node.object.type === AST_NODE_TYPES.Identifier && property === undefined) {
      return importTarget(context, node.object, name);
    }
  } else {
    const specifier = requiredSpecifier(node);
    binding = specifier === null ? null : { specifier, name: 'default' };
  }
  if (binding && property !== undefined) {
    // A property reads an export only of a namespace or of a whole required module.
    const wholeModule = binding.name === '*' || (binding.name === 'default' && node.type === AST_NODE_TYPES.Identifier && isWholeModule(context, node));
    binding = wholeModule ? { specifier: binding.specifier, name: property } : null;
  } else if (binding?.name === '*') {
    binding = null;
  }
  const target = binding ? resolveModule(context.filename, binding.specifier, context.settings) : null;
  return binding && target !== null ? { target, name: binding.name } : null;
}

/** `const m = require('x')` (not `import m from 'x'`): `m.a` reads export `a`. */
function isWholeModule(context: FileContext, id: TSESTree.Identifier): boolean {
  const def = variableFor(context, id)?.defs[0];
  return def?.type === 'Variable' && def.node.id.type === AST_NODE_TYPES.Identifier;
}
