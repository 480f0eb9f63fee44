import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { importsModule, stripNodePrefix } from './modules';
import { skipTsWrappers } from './static';
import { laterWrites, variableFor } from './variable-index';
import { perFile, perFileKey } from './context';
import type { FileContext, PerFileKey } from './context';
import { patternPath } from './ast';

/**
 * What a library value is and does, as data (see `sinks/sql.ts`). Kinds are referenced by id.
 * @example { members: { query: 'pg.query' } } // a pg Pool: `pool.query` has kind 'pg.query'
 */
export interface KindSpec<S> {
  /** Calling a value of this kind is a sink described by `S`. */
  readonly sink?: S;
  /** Kind of the result of calling the value (promises are looked through: `await` is transparent). */
  readonly call?: string;
  /** Kind of `new Value()`; also the kind of a variable annotated with this type (`pool: Pool`). */
  readonly construct?: string;
  /** Kind of each named member. */
  readonly members?: Readonly<Record<string, string>>;
  /** Kind of members not listed (chainable query builders). */
  readonly anyMember?: string;
  /** A function argument's parameter receives a value of `kind` (`pool.connect((err, client) => …)`). */
  readonly callback?: { readonly param: number; readonly kind: string };
  /** Calling the value quotes/escapes its argument for SQL (`mysql.escape`). */
  readonly escape?: boolean;
  /** Used as a tag (`sql\`…\``), the value parameterises interpolations. */
  readonly safeTag?: boolean;
}

export type KindTable<S> = Readonly<Record<string, KindSpec<S>>>;

/** Resolves expressions to kinds of a table, memoised per node. */
export interface KindResolver<S> {
  /** The kind id of the value `node` evaluates to, or `null` when unknown. */
  kindOf(node: TSESTree.Node): string | null;
  /** The spec of `node`'s kind, or `undefined`. */
  specOf(node: TSESTree.Node): KindSpec<S> | undefined;
  /**
   * The sink of calling `callee`, or `undefined`. A member callee named like no member that
   * leads to a sink kind (`map.get`, `list.push`) is ruled out by its name, before any scope work.
   */
  sinkOf(callee: TSESTree.Node): S | undefined;
  /** False when no kind can come out of this file (see `mayHaveKinds`): every answer is `null`. */
  readonly active: boolean;
}

export interface KindSources {
  /** Module specifier (without `node:`) → kind of the module object. */
  readonly modules: Readonly<Record<string, string>>;
  /** Method name → kind of its result when the receiver is unknown (`createQueryBuilder`). */
  readonly methodResults?: Readonly<Record<string, string>>;
}

/** Per table: the member names that lead to a kind with a sink, or `null` when any name can (`anyMember`). */
const sinkMemberNames = new WeakMap<object, ReadonlySet<string> | null>();

function sinkMembersOf<S>(table: KindTable<S>): ReadonlySet<string> | null {
  if (sinkMemberNames.has(table)) {
    return sinkMemberNames.get(table)!;
  }
  const isSink = (kind: string | undefined): boolean => kind !== undefined && table[kind]?.sink !== undefined;
  let names: Set<string> | null = new Set();
  for (const spec of Object.values(table)) {
    if (isSink(spec.anyMember)) {
      names = null;
      break;
    }
    for (const [name, kind] of Object.entries(spec.members ?? {})) {
      if (isSink(kind)) {
        names.add(name);
      }
    }
  }
  sinkMemberNames.set(table, names);
  return names;
}

/** One per-file key per kind table. */
const resolverKeys = new WeakMap<object, PerFileKey<KindResolver<unknown>>>();
/** Nested resolutions followed before answering "unknown" (chains of members, calls and aliases). */
const MAX_DEPTH = 200;

function staticKey(node: TSESTree.MemberExpression): string | null {
  if (!node.computed) {
    return node.property.type === AST_NODE_TYPES.Identifier ? node.property.name : null;
  }
  return node.property.type === AST_NODE_TYPES.Literal && typeof node.property.value === 'string'
    ? node.property.value
    : null;
}


/**
 * A resolver from expressions to library kinds: follows imports, `require`, `const`
 * aliases, destructuring, `new`, factory calls, `await`, callback parameters, TS type
 * annotations (`constructor(private pool: Pool)`) and `this.x` class fields. Memoised
 * per Program and table.
 * @example const pool = new Pool(); pool.query(…) // kindOf(pool.query) -> 'pg.query'
 */
export function getKindResolver<S>(context: FileContext, table: KindTable<S>, sources: KindSources): KindResolver<S> {
  let key = resolverKeys.get(table);
  if (!key) {
    key = perFileKey('kind resolver');
    resolverKeys.set(table, key);
  }
  const resolver = perFile(context, key, () => createResolver(context, table, sources) as KindResolver<unknown>) as KindResolver<S>;
  return resolver;
}

/** Hex code of a character that may appear in a module or method name (`$`, `-./0-9:`, `@A-Z`, `_`, `a-z`). */
const NAME_HEX = String.raw`(?:2[4d-fD-F]|3[0-9aA]|[4-7][0-9a-fA-F])`;
/** A `\u` escape of a name character, with which identifiers may be written (`createQuery\u0042uilder`). */
const NAME_UNICODE_ESCAPE = new RegExp(String.raw`\\u(?:00${NAME_HEX}|\{0*${NAME_HEX}\})`, 'u');
/** A run of identifier characters with at least one such escape. */
const IDENTIFIER_PART = String.raw`(?:[\w$]|\\u(?:[0-9a-fA-F]{4}|\{[0-9a-fA-F]+\}))`;
const ESCAPED_IDENTIFIERS = new RegExp(String.raw`${IDENTIFIER_PART}*\\u(?:00${NAME_HEX}|\{0*${NAME_HEX}\})${IDENTIFIER_PART}*`, 'gu');

/**
 * The string specifier of a dynamic `import(…)`, comments allowed before it (`import(/* chunk *\/ 'pg')`).
 * A match inside a comment or string only makes the resolver look when it need not.
 */
const DYNAMIC_IMPORTS = /import\s*\(\s*(?:\/\*[\s\S]*?\*\/\s*|\/\/[^\n]*\n\s*)*(['"])((?:[^'"\\\r\n]|\\[\s\S])*)\1/gu;

/** Whether a match of `runs` (a global pattern), its escapes decoded, passes `test`: only the escaped runs are decoded. */
function someDecoded(text: string, runs: RegExp, test: (decoded: string) => boolean): boolean {
  for (const match of text.matchAll(runs)) {
    if (test(decodeEscapes(match[0]))) {
      return true;
    }
  }
  return false;
}

/**
 * Whether any kind can come out of this file: every kind starts at a module specifier
 * (`import`, `require`, `import()`, `import x = require()`) or at a `methodResults` name, so
 * a file that names none of them resolves nothing and the resolver need not look.
 * Static imports and `require` calls are read from the module index (shared with every rule,
 * escapes already decoded); the text is searched only for the rest: `methodResults` names, and
 * module names when the file has a dynamic `import()`.
 */
function mayHaveKinds(context: FileContext, sources: KindSources): boolean {
  if (importsModule(context, (specifier) => Object.hasOwn(sources.modules, stripNodePrefix(specifier)))) {
    return true;
  }
  const text = context.sourceCode.text;
  const methodNames = Object.keys(sources.methodResults ?? {});
  const hasMethodName = (source: string): boolean => methodNames.some((name) => source.includes(name));
  if (hasMethodName(text)) {
    return true;
  }
  // `import('pg')` is not in the module index; its specifier may be written with escapes (`'p\x67'`).
  for (const [, , specifier] of text.matchAll(DYNAMIC_IMPORTS)) {
    if (Object.hasOwn(sources.modules, stripNodePrefix(decodeEscapes(specifier!)))) {
      return true;
    }
  }
  return methodNames.length > 0 && NAME_UNICODE_ESCAPE.test(text) && someDecoded(text, ESCAPED_IDENTIFIERS, hasMethodName);
}

/** Backslash escapes as string literals and identifiers cook them; a line continuation stands for nothing. */
const ESCAPE = /\\(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|u\{([0-9a-fA-F]+)\}|([0-3][0-7]{0,2}|[4-7][0-7]?)|\r\n|[\r\n\u2028\u2029]|([\s\S]))/gu;

function decodeEscapes(text: string): string {
  return text.replace(ESCAPE, (_, hex: string | undefined, unit: string | undefined, point: string | undefined, octal: string | undefined, other: string | undefined) => {
    const code = hex ?? unit ?? point;
    if (code !== undefined) {
      const value = Number.parseInt(code, 16);
      return value <= 0x10ffff ? String.fromCodePoint(value) : '';
    }
    if (octal !== undefined) {
      return String.fromCharCode(Number.parseInt(octal, 8));
    }
    return other ?? '';
  });
}

function createResolver<S>(context: FileContext, table: KindTable<S>, sources: KindSources): KindResolver<S> {
  if (!mayHaveKinds(context, sources)) {
    return { kindOf: () => null, specOf: () => undefined, sinkOf: () => undefined, active: false };
  }
  const memo = new WeakMap<TSESTree.Node, string | null>();
  const spec = (kind: string | null | undefined): KindSpec<S> | undefined => (kind ? table[kind] : undefined);
  const moduleKind = (source: string): string | null => sources.modules[stripNodePrefix(source)] ?? null;
  const member = (kind: string | null, key: string | null): string | null => {
    const s = spec(kind);
    if (!s || key === null) {
      return null;
    }
    return (Object.hasOwn(s.members ?? {}, key) ? s.members![key] : undefined) ?? s.anyMember ?? null;
  };

  let active = 0;

  function kindOf(node: TSESTree.Node): string | null {
    if (memo.has(node)) {
      return memo.get(node)!;
    }
    if (active >= MAX_DEPTH) {
      return null; // `a.b.c…` thousands deep: unknown rather than a stack overflow
    }
    memo.set(node, null); // cycle guard
    active++;
    try {
      const kind = compute(node);
      memo.set(node, kind);
      return kind;
    } finally {
      active--;
    }
  }

  function compute(raw: TSESTree.Node): string | null {
    const node = skipTsWrappers(raw);
    switch (node.type) {
      case AST_NODE_TYPES.ChainExpression:
        return kindOf(node.expression);
      case AST_NODE_TYPES.AwaitExpression:
        return kindOf(node.argument);
      case AST_NODE_TYPES.Identifier:
        return identifierKind(node);
      case AST_NODE_TYPES.MemberExpression:
        if (node.object.type === AST_NODE_TYPES.ThisExpression) {
          return classFieldKind(node);
        }
        return member(kindOf(node.object), staticKey(node));
      case AST_NODE_TYPES.CallExpression: {
        const callee = skipTsWrappers(node.callee);
        if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'require') {
          const arg = node.arguments[0];
          return arg?.type === AST_NODE_TYPES.Literal && typeof arg.value === 'string' && !isShadowed(callee)
            ? moduleKind(arg.value)
            : null;
        }
        const result = spec(kindOf(callee))?.call;
        if (result) {
          return result;
        }
        if (callee.type === AST_NODE_TYPES.MemberExpression) {
          const key = staticKey(callee);
          return key !== null && sources.methodResults && Object.hasOwn(sources.methodResults, key)
            ? sources.methodResults[key]!
            : null;
        }
        return null;
      }
      case AST_NODE_TYPES.NewExpression:
        return spec(kindOf(node.callee))?.construct ?? null;
      case AST_NODE_TYPES.ImportExpression:
        return node.source.type === AST_NODE_TYPES.Literal && typeof node.source.value === 'string'
          ? moduleKind(node.source.value)
          : null;
      default:
        return null;
    }
  }

  function isShadowed(id: TSESTree.Identifier): boolean {
    const variable = variableFor(context, id);
    return Boolean(variable && variable.defs.length > 0);
  }

  function identifierKind(id: TSESTree.Identifier): string | null {
    const variable = variableFor(context, id);
    if (!variable || variable.defs.length !== 1) {
      return null;
    }
    const def = variable.defs[0]!;
    switch (def.type) {
      case 'ImportBinding': {
        const spec = def.node;
        if (spec.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
          const ref = spec.moduleReference;
          return ref.type === AST_NODE_TYPES.TSExternalModuleReference && ref.expression.type === AST_NODE_TYPES.Literal
            ? moduleKind(String(ref.expression.value))
            : null;
        }
        const root = moduleKind(String((def.parent as TSESTree.ImportDeclaration).source.value));
        if (spec.type === AST_NODE_TYPES.ImportSpecifier) {
          const imported = spec.imported.type === AST_NODE_TYPES.Identifier ? spec.imported.name : spec.imported.value;
          return imported === 'default' ? root : member(root, imported);
        }
        return root;
      }
      case 'Variable': {
        const declarator = def.node;
        const annotated = annotationKind((def.name as TSESTree.Identifier).typeAnnotation);
        if (annotated) {
          return annotated;
        }
        const writes = laterWrites(variable);
        if (declarator.init && writes.length === 0) {
          const path = patternPath(declarator.id, def.name);
          let kind = path ? kindOf(declarator.init) : null;
          for (const key of path ?? []) {
            kind = member(kind, key);
          }
          return kind;
        }
        // `let db; … db = new Database()` (a single kind across every plain assignment)
        if (declarator.id.type !== AST_NODE_TYPES.Identifier || writes.length === 0) {
          return null;
        }
        const kinds = new Set<string | null>();
        if (declarator.init) {
          kinds.add(kindOf(declarator.init));
        }
        for (const ref of writes) {
          const parent = ref.identifier.parent;
          kinds.add(
            parent.type === AST_NODE_TYPES.AssignmentExpression && parent.operator === '=' && parent.left === ref.identifier
              ? kindOf(parent.right)
              : null,
          );
        }
        return kinds.size === 1 ? [...kinds][0]! : null;
      }
      case 'Parameter':
        return parameterKind(def.name as TSESTree.Identifier, def.node as TSESTree.Node);
      default:
        return null;
    }
  }

  function parameterKind(name: TSESTree.Identifier, fn: TSESTree.Node): string | null {
    const annotated = annotationKind(name.typeAnnotation);
    if (annotated) {
      return annotated;
    }
    if (
      (fn.type !== AST_NODE_TYPES.ArrowFunctionExpression && fn.type !== AST_NODE_TYPES.FunctionExpression) ||
      fn.parent.type !== AST_NODE_TYPES.CallExpression ||
      !fn.parent.arguments.includes(fn)
    ) {
      return null;
    }
    const callback = spec(kindOf(fn.parent.callee))?.callback;
    const index = fn.params.findIndex((param) =>
      param === name || (param.type === AST_NODE_TYPES.AssignmentPattern && param.left === name));
    return callback && callback.param === index ? callback.kind : null;
  }

  function annotationKind(annotation: TSESTree.TSTypeAnnotation | undefined): string | null {
    return annotation ? typeKind(annotation.typeAnnotation) : null;
  }

  function typeKind(type: TSESTree.TypeNode): string | null {
    if (type.type === AST_NODE_TYPES.TSUnionType) {
      for (const part of type.types) {
        const kind = typeKind(part);
        if (kind) {
          return kind;
        }
      }
      return null;
    }
    if (type.type !== AST_NODE_TYPES.TSTypeReference) {
      return null;
    }
    return spec(typeNameKind(type.typeName))?.construct ?? null;
  }

  function typeNameKind(name: TSESTree.EntityName): string | null {
    if (name.type === AST_NODE_TYPES.Identifier) {
      return kindOf(name);
    }
    if (name.type === AST_NODE_TYPES.TSQualifiedName) {
      return member(typeNameKind(name.left), name.right.name);
    }
    return null;
  }

  /** `this.pool` inside a class: field annotation or initialiser, constructor parameter property or assignment. */
  function classFieldKind(node: TSESTree.MemberExpression): string | null {
    const key = staticKey(node);
    let current: TSESTree.Node | undefined = node.parent;
    while (current && current.type !== AST_NODE_TYPES.ClassBody) {
      if (
        current.type === AST_NODE_TYPES.FunctionDeclaration ||
        (current.type === AST_NODE_TYPES.FunctionExpression &&
          current.parent.type !== AST_NODE_TYPES.MethodDefinition &&
          current.parent.type !== AST_NODE_TYPES.PropertyDefinition)
      ) {
        return null; // `this` is rebound
      }
      current = current.parent;
    }
    if (!current || key === null) {
      return null;
    }
    for (const element of current.body) {
      if (
        element.type === AST_NODE_TYPES.PropertyDefinition &&
        !element.computed &&
        element.key.type === AST_NODE_TYPES.Identifier &&
        element.key.name === key
      ) {
        return annotationKind(element.typeAnnotation) ?? (element.value ? kindOf(element.value) : null);
      }
      if (element.type === AST_NODE_TYPES.MethodDefinition && element.kind === 'constructor') {
        for (const param of element.value.params) {
          if (
            param.type === AST_NODE_TYPES.TSParameterProperty &&
            param.parameter.type === AST_NODE_TYPES.Identifier &&
            param.parameter.name === key
          ) {
            return annotationKind(param.parameter.typeAnnotation);
          }
        }
        for (const statement of element.value.body?.body ?? []) {
          const expr = statement.type === AST_NODE_TYPES.ExpressionStatement ? statement.expression : null;
          if (
            expr?.type === AST_NODE_TYPES.AssignmentExpression &&
            expr.left.type === AST_NODE_TYPES.MemberExpression &&
            expr.left.object.type === AST_NODE_TYPES.ThisExpression &&
            staticKey(expr.left) === key
          ) {
            return kindOf(expr.right);
          }
        }
      }
    }
    return null;
  }

  const sinkMembers = sinkMembersOf(table);
  /** Whether calling `callee` can reach a sink kind, judged by its member name alone. */
  const mayBeSink = (raw: TSESTree.Node): boolean => {
    const callee = skipTsWrappers(raw);
    if (sinkMembers === null || callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type === AST_NODE_TYPES.ThisExpression) {
      return true; // plain names, and `this.x` (a class field may hold anything), take the long way
    }
    const key = staticKey(callee);
    return key !== null && sinkMembers.has(key);
  };

  return {
    kindOf,
    specOf: (node) => spec(kindOf(node)),
    sinkOf: (callee) => (mayBeSink(callee) ? spec(kindOf(callee))?.sink : undefined),
    active: true,
  };
}
