import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { memberName, outerExpression, pushChildNodes } from './ast';
import { skipTsWrappers } from './static';
import { variableFor } from './variable-index';
import { perFile, perFileKey } from './context';
import type { FileContext } from './context';

/** A function that can be a request handler, a gate or a helper: arrows, expressions, declarations. */
export type FunctionLike =
  | TSESTree.ArrowFunctionExpression
  | TSESTree.FunctionDeclaration
  | TSESTree.FunctionExpression;

/** True for arrow functions, function expressions and declarations. */
export function isFunctionLike(node: TSESTree.Node | null | undefined): node is FunctionLike {
  return (
    node?.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node?.type === AST_NODE_TYPES.FunctionExpression ||
    node?.type === AST_NODE_TYPES.FunctionDeclaration
  );
}

/**
 * The function an expression denotes: an inline function, or an identifier bound once to a
 * function declaration or a `const` function expression.
 * @example app.get('/x', getFile) // resolveFunction(getFile) -> `function getFile(req, res) {…}`
 */
export function resolveFunction(context: FileContext, node: TSESTree.Node, depth = 0): FunctionLike | null {
  const expr = skipTsWrappers(node);
  if (isFunctionLike(expr)) {
    return expr;
  }
  if (expr.type !== AST_NODE_TYPES.Identifier || depth > 3) {
    return null;
  }
  const variable = variableFor(context, expr);
  if (variable?.defs.length !== 1) {
    return null;
  }
  const def = variable.defs[0]!;
  if (def.type === 'FunctionName' && isFunctionLike(def.node as TSESTree.Node)) {
    return def.node as FunctionLike;
  }
  if (def.type === 'Variable' && def.node.id.type === AST_NODE_TYPES.Identifier && def.node.init) {
    if (variable.references.some((ref) => ref.isWrite() && !ref.init)) {
      return null;
    }
    return resolveFunction(context, def.node.init, depth + 1);
  }
  return null;
}

/**
 * Handler functions among registration arguments: inline or named functions, arrays of
 * them, and functions wrapped in a call (`asyncHandler(async (req, res) => …)`).
 * @example app.get('/f', auth, [a, b], wrap((req, res) => {})) // -> auth?, a?, b?, the arrow
 */
export function handlerFunctionsOf(context: FileContext, args: readonly TSESTree.Node[], depth = 0): FunctionLike[] {
  const out: FunctionLike[] = [];
  for (const arg of args) {
    const node = skipTsWrappers(arg);
    if (node.type === AST_NODE_TYPES.ArrayExpression) {
      out.push(...handlerFunctionsOf(context, node.elements.filter((e): e is TSESTree.Expression => e !== null && e.type !== AST_NODE_TYPES.SpreadElement), depth));
    } else if (node.type === AST_NODE_TYPES.CallExpression) {
      // Wrappers such as asyncHandler(fn) / catchAsync(fn) call the function they receive.
      if (depth < 2) {
        out.push(...handlerFunctionsOf(context, node.arguments, depth + 1));
      }
    } else {
      const fn = resolveFunction(context, node);
      if (fn) {
        out.push(fn);
      }
    }
  }
  return out;
}

/** The variable naming a function (`function f() {}`, `const f = () => {}`), or `null`. */
export function functionVariable(context: FileContext, fn: FunctionLike): TSESLint.Scope.Variable | null {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) {
    // The variables the declaration declares (its name and parameters): no scope search.
    return fn.id ? (context.sourceCode.getDeclaredVariables(fn).find((v) => v.defs.some((d) => d.type === 'FunctionName' && d.node === fn)) ?? null) : null;
  }
  const parent = fn.parent;
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier && parent.init === fn) {
    return context.sourceCode.getDeclaredVariables(parent)[0] ?? null;
  }
  return null;
}

/**
 * Direct calls of a named local function in the file (`f(a)` and `await f(a)`), for
 * following arguments into helpers.
 */
export function localCallSites(context: FileContext, fn: FunctionLike): TSESTree.CallExpression[] {
  const variable = functionVariable(context, fn);
  if (!variable) {
    return [];
  }
  const calls: TSESTree.CallExpression[] = [];
  for (const ref of variable.references) {
    const parent = ref.identifier.parent;
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === ref.identifier) {
      calls.push(parent);
    }
  }
  return calls;
}

/** Nodes through which a function value is passed on: references of its name, or the function itself. */
export function functionUses(context: FileContext, fn: FunctionLike): TSESTree.Node[] {
  const variable = functionVariable(context, fn);
  if (!variable) {
    return [fn];
  }
  return variable.references.filter((ref) => ref.isReadOnly()).map((ref) => ref.identifier as TSESTree.Node);
}

/**
 * The module's exports that are functions, by exported name, including `export const GET =
 * wrap(async (req) => …)` (the wrapped function) and `export { handler as GET }`.
 */
export function exportedFunctions(context: FileContext): Map<string, FunctionLike> {
  const out = new Map<string, FunctionLike>();
  const add = (name: string, node: TSESTree.Node | null | undefined): void => {
    if (!node) {
      return;
    }
    const fn = resolveFunction(context, node) ?? handlerFunctionsOf(context, [node]).at(-1) ?? null;
    if (fn && !out.has(name)) {
      out.set(name, fn);
    }
  };
  for (const statement of context.sourceCode.ast.body) {
    if (statement.type === AST_NODE_TYPES.ExportDefaultDeclaration) {
      add('default', statement.declaration as TSESTree.Node);
    } else if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration) {
      const decl = statement.declaration;
      if (decl?.type === AST_NODE_TYPES.FunctionDeclaration && decl.id) {
        add(decl.id.name, decl);
      } else if (decl?.type === AST_NODE_TYPES.VariableDeclaration) {
        for (const d of decl.declarations) {
          if (d.id.type === AST_NODE_TYPES.Identifier) {
            add(d.id.name, d.init);
          }
        }
      } else if (!statement.source) {
        for (const spec of statement.specifiers) {
          if (spec.type === AST_NODE_TYPES.ExportSpecifier) {
            const name = spec.exported.type === AST_NODE_TYPES.Identifier ? spec.exported.name : String(spec.exported.value);
            add(name, spec.local as TSESTree.Node);
          }
        }
      }
    }
  }
  return out;
}

/** The exported object literal bound to `name` (`export const actions = { … }`), or `null`. */
export function exportedObject(context: FileContext, name: string): TSESTree.ObjectExpression | null {
  for (const statement of context.sourceCode.ast.body) {
    if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration && statement.declaration?.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const d of statement.declaration.declarations) {
        const init = d.init ? skipTsWrappers(d.init) : null;
        if (d.id.type === AST_NODE_TYPES.Identifier && d.id.name === name && init?.type === AST_NODE_TYPES.ObjectExpression) {
          return init;
        }
      }
    }
  }
  return null;
}

/**
 * True when the function body (or the file, for module-level directives) starts with
 * `directive`, or with one of a set of directives (`'use server'`).
 */
export function hasDirective(body: readonly TSESTree.Node[], directive: string | ReadonlySet<string>): boolean {
  for (const statement of body) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement || typeof statement.directive !== 'string') {
      return false;
    }
    if (typeof directive === 'string' ? statement.directive === directive : directive.has(statement.directive)) {
      return true;
    }
  }
  return false;
}

const TEXT_SEARCHES_KEY = perFileKey<Map<string, boolean>>('textSearches');

/**
 * Whether the file's text contains `needle`, searched once per file whichever rule asks
 * (`'use server'`: without it, no function of the file can be a Server Action).
 */
export function textIncludes(context: FileContext, needle: string): boolean {
  const found = perFile(context, TEXT_SEARCHES_KEY, () => new Map());
  let answer = found.get(needle);
  if (answer === undefined) {
    answer = context.sourceCode.text.includes(needle);
    found.set(needle, answer);
  }
  return answer;
}

let lastFilename: string | null = null;
let lastNormalized = '';

/**
 * A `/`-separated, lower-level view of `context.filename` for file-routing checks. Every
 * adapter asks for it on every file, so the answer for the last filename is kept.
 */
export function normalizedFilename(context: FileContext): string {
  const filename = context.filename;
  if (filename !== lastFilename) {
    lastNormalized = `/${filename.replace(/\\/gu, '/').replace(/^\/+/u, '')}`;
    lastFilename = filename;
  }
  return lastNormalized;
}

/** Returned expressions of a callback (`x => expr`, or each `return expr;` at its top level). */
export function callbackReturns(fn: TSESTree.Node): TSESTree.Expression[] | null {
  if (fn.type !== AST_NODE_TYPES.ArrowFunctionExpression && fn.type !== AST_NODE_TYPES.FunctionExpression) {
    return null;
  }
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) {
    return [fn.body];
  }
  const out: TSESTree.Expression[] = [];
  for (const statement of fn.body.body) {
    if (statement.type === AST_NODE_TYPES.ReturnStatement && statement.argument) {
      out.push(statement.argument);
    }
  }
  return out.length > 0 ? out : null;
}

/** The values `fn` returns: its expression body, or its `return` arguments, not looking into nested functions. */
export function returnedValues(context: FileContext, fn: FunctionLike): TSESTree.Node[] {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) {
    return [fn.body];
  }
  const out: TSESTree.Node[] = [];
  const stack: TSESTree.Node[] = [fn.body];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === AST_NODE_TYPES.ReturnStatement) {
      if (node.argument) {
        out.push(node.argument);
      }
      continue;
    }
    if (isFunctionLike(node)) {
      continue;
    }
    pushChildNodes(context.sourceCode, node, stack);
  }
  return out;
}

/** The innermost function around `node` (not `node` itself), or `null` at the top level. */
export function enclosingFunction(node: TSESTree.Node): FunctionLike | null {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionLike(current)) {
      return current;
    }
  }
  return null;
}

/**
 * A parameter's name: `a`, `a = 1`, a constructor's `private a`; `null` for a pattern or a rest.
 * @example parameterName(fn.params[1]) // 'reply' of `async (request, reply) => …`
 */
export function parameterName(param: TSESTree.Parameter | undefined): string | null {
  let node: TSESTree.Node | undefined = param?.type === AST_NODE_TYPES.TSParameterProperty ? param.parameter : param;
  if (node?.type === AST_NODE_TYPES.AssignmentPattern) {
    node = node.left;
  }
  return node?.type === AST_NODE_TYPES.Identifier ? node.name : null;
}

export type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;
/** What a method belongs to: a class, or an object literal (`const api = { send(path) {…} }`). */
export type MethodOwner = ClassNode | TSESTree.ObjectExpression;

/** A method of the file (`send(path) {…}`, `send = (path) => …`, `static send(…)`, `{ send(path) {…} }`). */
export interface Method {
  readonly name: string;
  readonly owner: MethodOwner;
  readonly isStatic: boolean;
}

/** The method `fn` is, by a plain name, in a class or a `const` object literal; `null` otherwise. */
export function methodOf(fn: FunctionLike): Method | null {
  const member = fn.parent;
  if (member?.type === AST_NODE_TYPES.Property) {
    const object = member.parent;
    // Only an object held by a `const` (`const api = { … }`): one passed as an argument
    // (`route({ handler(req) {…} })`) is a configuration, not a wrapper.
    return object.type === AST_NODE_TYPES.ObjectExpression && member.kind === 'init' && member.value === fn && !member.computed && member.key.type === AST_NODE_TYPES.Identifier && constDeclarator(object)
      ? { name: member.key.name, owner: object, isStatic: false }
      : null;
  }
  if (
    !(member?.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'method') &&
    member?.type !== AST_NODE_TYPES.PropertyDefinition
  ) {
    return null;
  }
  if (member.value !== fn || member.computed || member.key.type !== AST_NODE_TYPES.Identifier) {
    return null;
  }
  return { name: member.key.name, owner: member.parent.parent as ClassNode, isStatic: member.static };
}

/**
 * What `this` refers to at `node`: the class (and static-ness) of the nearest method, field or
 * static block around it, or the object literal of the nearest method; `null` in a plain function.
 */
export function thisOwner(node: TSESTree.Node): { owner: MethodOwner; isStatic: boolean } | null {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.FunctionExpression || current.type === AST_NODE_TYPES.FunctionDeclaration) {
      const member = current.parent;
      if (member?.type === AST_NODE_TYPES.MethodDefinition && member.value === current) {
        return { owner: member.parent.parent as ClassNode, isStatic: member.static };
      }
      return member?.type === AST_NODE_TYPES.Property && member.value === current && member.parent.type === AST_NODE_TYPES.ObjectExpression
        ? { owner: member.parent, isStatic: false }
        : null;
    }
    if (current.type === AST_NODE_TYPES.PropertyDefinition || current.type === AST_NODE_TYPES.StaticBlock) {
      return { owner: current.parent.parent as ClassNode, isStatic: current.type === AST_NODE_TYPES.StaticBlock || current.static };
    }
  }
  return null;
}

/** `receiver.name(…)` for a member call of that name, or `null`. */
export function memberCall(context: FileContext, member: TSESTree.Node | undefined, name: string): TSESTree.CallExpression | null {
  const call = member?.parent;
  return member?.type === AST_NODE_TYPES.MemberExpression && !member.computed && memberName(context, member) === name && call?.type === AST_NODE_TYPES.CallExpression && call.callee === member
    ? call
    : null;
}

/** The `const` a value is declared in (`const api = …`), or `null`. */
export function constDeclarator(node: TSESTree.Node): TSESTree.VariableDeclarator | null {
  const declarator = outerExpression(node).parent;
  return declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.init === outerExpression(node) && declarator.id.type === AST_NODE_TYPES.Identifier && declarator.parent.kind === 'const'
    ? declarator
    : null;
}

/** `x.name(…)` for every reference `x` of the variable a declarator declares. */
export function memberCallsOn(context: FileContext, declarator: TSESTree.VariableDeclarator | null, name: string): TSESTree.CallExpression[] {
  const variable = declarator ? context.sourceCode.getDeclaredVariables(declarator)[0] : undefined;
  return (variable?.references ?? []).flatMap((ref) => memberCall(context, (ref.identifier as TSESTree.Node).parent, name) ?? []);
}

/** The name a wrapper method is shown by: `Api.send`, `api.send`, or `send` for an unnamed owner. */
export function methodLabel(method: Method): string {
  const owner = method.owner.type === AST_NODE_TYPES.ObjectExpression ? null : method.owner.id;
  const declarator = owner ? null : constDeclarator(method.owner);
  const name = owner?.name ?? (declarator?.id.type === AST_NODE_TYPES.Identifier ? declarator.id.name : null);
  return name ? `${name}.${method.name}` : method.name;
}

/**
 * The calls of a method in the file: `this.send(…)` where `this` is the same class (and
 * static-ness) or object, `api.send(…)` on a `const api = new Api(…)` or `const api = { … }`,
 * `Api.send(…)` for a static method.
 */
export function methodCallSites(context: FileContext, method: Method): TSESTree.CallExpression[] {
  const calls: TSESTree.CallExpression[] = [];
  const stack: TSESTree.Node[] = [method.owner.type === AST_NODE_TYPES.ObjectExpression ? method.owner : method.owner.body];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === AST_NODE_TYPES.ThisExpression) {
      const call = memberCall(context, node.parent, method.name);
      const owner = call ? thisOwner(call) : null;
      if (call && owner?.owner === method.owner && owner.isStatic === method.isStatic) {
        calls.push(call);
      }
      continue;
    }
    pushChildNodes(context.sourceCode, node, stack);
  }
  if (method.owner.type === AST_NODE_TYPES.ObjectExpression) {
    return [...calls, ...memberCallsOn(context, constDeclarator(method.owner), method.name)];
  }
  const cls = method.owner;
  const declarator = cls.type === AST_NODE_TYPES.ClassExpression ? constDeclarator(cls) : null;
  const classVariable =
    cls.type === AST_NODE_TYPES.ClassDeclaration
      ? context.sourceCode.getDeclaredVariables(cls).find((v) => v.defs.some((d) => d.type === 'ClassName'))
      : declarator
        ? context.sourceCode.getDeclaredVariables(declarator)[0]
        : undefined;
  for (const ref of classVariable?.references ?? []) {
    const use = ref.identifier as TSESTree.Node;
    if (method.isStatic) {
      const call = memberCall(context, use.parent, method.name);
      if (call) {
        calls.push(call);
      }
      continue;
    }
    // `const api = new Api(…)`, then `api.send(…)`.
    const construct = use.parent;
    if (construct?.type === AST_NODE_TYPES.NewExpression && construct.callee === use) {
      calls.push(...memberCallsOn(context, constDeclarator(construct), method.name));
    }
    // An instance injected into another class (NestJS services): `constructor(private readonly
    // dns: DnsService)` or `private dns: DnsService`, then `this.dns.lookup(…)` in that class.
    const field = fieldTypedAs(use);
    if (field) {
      calls.push(...fieldMethodCalls(context, field, method.name));
    }
  }
  return calls;
}

/** A field of a class whose declared type is a class: its holder and name. */
export interface TypedField {
  readonly owner: ClassNode;
  readonly name: string;
}

/**
 * The field a type reference declares, when `use` is the whole type of an instance field or of
 * a constructor parameter property: `private readonly dns: DnsService`, `dns: DnsService`.
 */
export function fieldTypedAs(use: TSESTree.Node): TypedField | null {
  const reference = use.parent;
  const annotation = reference?.parent;
  if (reference?.type !== AST_NODE_TYPES.TSTypeReference || reference.typeName !== use || annotation?.type !== AST_NODE_TYPES.TSTypeAnnotation) {
    return null;
  }
  const holder = annotation.parent;
  if (holder?.type === AST_NODE_TYPES.PropertyDefinition) {
    return !holder.static && !holder.computed && holder.key.type === AST_NODE_TYPES.Identifier ? { owner: holder.parent.parent as ClassNode, name: holder.key.name } : null;
  }
  if (holder?.type !== AST_NODE_TYPES.Identifier) {
    return null;
  }
  // `private readonly dns: DnsService` or `private dns: DnsService = new DnsService()`.
  const property = holder.parent?.type === AST_NODE_TYPES.AssignmentPattern ? holder.parent.parent : holder.parent;
  const constructor = property?.type === AST_NODE_TYPES.TSParameterProperty ? property.parent : null;
  const definition = constructor?.parent;
  return definition?.type === AST_NODE_TYPES.MethodDefinition && definition.kind === 'constructor' && definition.value === constructor
    ? { owner: definition.parent.parent as ClassNode, name: holder.name }
    : null;
}

/** `this.<field>.<name>(…)` (any method when `name` is `null`) in the instance methods and fields of the field's class. */
export function fieldMethodCalls(context: FileContext, field: TypedField, name: string | null): TSESTree.CallExpression[] {
  const calls: TSESTree.CallExpression[] = [];
  const stack: TSESTree.Node[] = [field.owner.body];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === AST_NODE_TYPES.ThisExpression) {
      const member = node.parent;
      const method = member?.parent?.type === AST_NODE_TYPES.MemberExpression && !member.parent.computed ? memberName(context, member.parent) : null;
      const call =
        member?.type === AST_NODE_TYPES.MemberExpression && member.object === node && !member.computed && memberName(context, member) === field.name && method !== null
          ? memberCall(context, member.parent, name ?? method)
          : null;
      const owner = call ? thisOwner(call) : null;
      if (call && owner?.owner === field.owner && !owner.isStatic) {
        calls.push(call);
      }
      continue;
    }
    pushChildNodes(context.sourceCode, node, stack);
  }
  return calls;
}

/**
 * The name a declaration's type annotation gives, when it is a plain name (with or without type
 * arguments): `ToolsService` of `tools: ToolsService`, `FastifyReply` of `reply: FastifyReply<R>`.
 */
export function declaredTypeName(annotation: TSESTree.TSTypeAnnotation | undefined): TSESTree.Identifier | null {
  const type = annotation?.typeAnnotation;
  return type?.type === AST_NODE_TYPES.TSTypeReference && type.typeName.type === AST_NODE_TYPES.Identifier ? type.typeName : null;
}

/**
 * Whether a declared type is made only of what `leaf` accepts, `undefined` and `null` aside:
 * `number`, `8080 | 8443`, `string | undefined` are each one kind of value.
 * @example typeMadeOf(parseType('number | undefined'), (t) => t.type === AST_NODE_TYPES.TSNumberKeyword) // true
 */
export function typeMadeOf(node: TSESTree.TypeNode, leaf: (node: TSESTree.TypeNode) => boolean): boolean {
  if (node.type !== AST_NODE_TYPES.TSUnionType) {
    return leaf(node);
  }
  const values = node.types.filter((type) => type.type !== AST_NODE_TYPES.TSUndefinedKeyword && type.type !== AST_NODE_TYPES.TSNullKeyword);
  return values.length > 0 && values.every((type) => typeMadeOf(type, leaf));
}

/**
 * The declared type of a parameter that is a plain name (`port: number`, `port: number = 80`):
 * `undefined` when it has none, `null` when the parameter is destructured or a rest element.
 */
export function parameterType(param: TSESTree.Parameter): TSESTree.TypeNode | undefined | null {
  const target = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
  return target.type === AST_NODE_TYPES.Identifier ? target.typeAnnotation?.typeAnnotation : null;
}

/** The declared type of instance field `name` of a class: a property, or a constructor parameter property. */
function fieldType(cls: ClassNode, name: string): TSESTree.Identifier | null {
  for (const element of cls.body.body) {
    if (element.type === AST_NODE_TYPES.PropertyDefinition && !element.static && !element.computed && element.key.type === AST_NODE_TYPES.Identifier && element.key.name === name) {
      return declaredTypeName(element.typeAnnotation);
    }
    if (element.type === AST_NODE_TYPES.MethodDefinition && element.kind === 'constructor') {
      for (const param of element.value.params) {
        const target = param.type === AST_NODE_TYPES.TSParameterProperty ? (param.parameter.type === AST_NODE_TYPES.AssignmentPattern ? param.parameter.left : param.parameter) : null;
        if (target?.type === AST_NODE_TYPES.Identifier && target.name === name) {
          return declaredTypeName(target.typeAnnotation);
        }
      }
    }
  }
  return null;
}

/**
 * A method called on an instance field whose declared type is a class: `this.tools.lookup` in a
 * class with `constructor(private readonly tools: ToolsService)` (how NestJS injects a service),
 * or `tools: ToolsService`. `type` is the name the field is declared with, `member` the method.
 */
export function injectedMember(callee: TSESTree.Node): { readonly type: TSESTree.Identifier; readonly member: string } | null {
  const node = skipTsWrappers(callee);
  if (node.type !== AST_NODE_TYPES.MemberExpression || node.computed || node.property.type !== AST_NODE_TYPES.Identifier) {
    return null;
  }
  const object = skipTsWrappers(node.object);
  if (object.type !== AST_NODE_TYPES.MemberExpression || object.computed || object.property.type !== AST_NODE_TYPES.Identifier || object.object.type !== AST_NODE_TYPES.ThisExpression) {
    return null;
  }
  const owner = thisOwner(object.object);
  if (!owner || owner.isStatic || owner.owner.type === AST_NODE_TYPES.ObjectExpression) {
    return null;
  }
  const type = fieldType(owner.owner, object.property.name);
  return type ? { type, member: node.property.name } : null;
}

/** The function of member `name` of a class (instance or static) or an object literal: a method, or a field or property holding a function. */
export function memberFunction(owner: MethodOwner, name: string, isStatic: boolean): FunctionLike | null {
  if (owner.type === AST_NODE_TYPES.ObjectExpression) {
    for (const property of owner.properties) {
      if (property.type === AST_NODE_TYPES.Property && property.kind === 'init' && !property.computed && property.key.type === AST_NODE_TYPES.Identifier && property.key.name === name) {
        return isFunctionLike(property.value) ? property.value : null;
      }
    }
    return null;
  }
  for (const element of owner.body.body) {
    if (
      ((element.type === AST_NODE_TYPES.MethodDefinition && element.kind === 'method') || element.type === AST_NODE_TYPES.PropertyDefinition) &&
      element.static === isStatic &&
      !element.computed &&
      element.key.type === AST_NODE_TYPES.Identifier &&
      element.key.name === name
    ) {
      return isFunctionLike(element.value) ? element.value : null;
    }
  }
  return null;
}

/** The class or `const` object literal of the file an identifier names, for a member call on it. */
function ownerNamed(context: FileContext, id: TSESTree.Identifier): { owner: MethodOwner; isStatic: boolean } | null {
  const variable = variableFor(context, id);
  const def = variable?.defs.length === 1 ? variable.defs[0]! : null;
  if (def?.type === 'ClassName') {
    return { owner: def.node as ClassNode, isStatic: true };
  }
  if (def?.type !== 'Variable' || def.node.id.type !== AST_NODE_TYPES.Identifier || !def.node.init || def.parent.kind !== 'const') {
    return null;
  }
  const init = skipTsWrappers(def.node.init);
  if (init.type === AST_NODE_TYPES.ObjectExpression) {
    return { owner: init, isStatic: false };
  }
  if (init.type === AST_NODE_TYPES.ClassExpression) {
    return { owner: init, isStatic: true };
  }
  // `const api = new Api()` with `class Api` of the file.
  const cls = init.type === AST_NODE_TYPES.NewExpression && init.callee.type === AST_NODE_TYPES.Identifier ? ownerNamed(context, init.callee) : null;
  return cls?.isStatic && cls.owner.type !== AST_NODE_TYPES.ObjectExpression ? { owner: cls.owner, isStatic: false } : null;
}

/**
 * The function of the file a member call calls, the reverse of `methodCallSites`: `this.send`
 * in a class or object that has it, `api.send` on a `const api = new Api()` or `const api = {…}`,
 * `Api.send` for a static method, and `this.dns.lookup` on a field declared with a class of the
 * file (see `injectedMember`). `null` for anything else.
 * @example class Files { resolve(name) {…} } const files = new Files(); files.resolve(x) // calledMethod(files.resolve) → resolve
 */
export function calledMethod(context: FileContext, callee: TSESTree.Node): FunctionLike | null {
  const node = skipTsWrappers(callee);
  if (node.type !== AST_NODE_TYPES.MemberExpression || node.computed || node.property.type !== AST_NODE_TYPES.Identifier) {
    return null;
  }
  const object = skipTsWrappers(node.object);
  let owner: { owner: MethodOwner; isStatic: boolean } | null;
  if (object.type === AST_NODE_TYPES.ThisExpression) {
    owner = thisOwner(object);
  } else if (object.type === AST_NODE_TYPES.Identifier) {
    owner = ownerNamed(context, object);
  } else {
    const injected = injectedMember(node);
    const cls = injected ? ownerNamed(context, injected.type) : null;
    owner = cls?.isStatic && cls.owner.type !== AST_NODE_TYPES.ObjectExpression ? { owner: cls.owner, isStatic: false } : null;
  }
  return owner ? memberFunction(owner.owner, node.property.name, owner.isStatic) : null;
}

/** The calls of a function of the file: by its name (`localCallSites`), or as a method (`methodCallSites`). */
export function callSitesOf(context: FileContext, fn: FunctionLike): TSESTree.CallExpression[] {
  if (functionVariable(context, fn)) {
    return localCallSites(context, fn);
  }
  const method = methodOf(fn);
  return method ? methodCallSites(context, method) : [];
}

/**
 * The name through which a callee reaches an import: `f` of `f(…)`, `ns` of `ns.f(…)`, and the
 * declared type of an injected instance, `ToolsService` of `this.tools.lookup(…)` (see `injectedMember`).
 */
export function importRoot(callee: TSESTree.Node): TSESTree.Identifier | null {
  const node = skipTsWrappers(callee);
  if (node.type === AST_NODE_TYPES.Identifier) {
    return node;
  }
  if (node.type !== AST_NODE_TYPES.MemberExpression) {
    return null;
  }
  const object = skipTsWrappers(node.object);
  return object.type === AST_NODE_TYPES.Identifier ? object : (injectedMember(node)?.type ?? null);
}
