import { findVariable } from '@eslint-community/eslint-utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { perFile, perFileKey } from './context';
import type { FileContext } from './context';

type Variable = TSESLint.Scope.Variable;
type Reference = TSESLint.Scope.Reference;
type Scope = TSESLint.Scope.Scope;

/**
 * Constant-time lookups that the analyses repeat for every use of a name: which variable an
 * identifier refers to, its scope, its writes and the calls made on it.
 * Without them, each use of a module-level name (`db`, `pool`, `let table`) rescans
 * every reference of that name, which makes large files quadratic.
 */

/** A stretch of source that belongs to a child scope: its block, or a decorator of a decorated class. */
interface Stretch {
  readonly start: number;
  readonly end: number;
  readonly scope: Scope;
}

/**
 * Per scope: the stretches of its child scopes sorted by start, for a binary search (they never
 * overlap). A class decorator lies before the class's own range in typescript-estree, yet ESLint's
 * `getScope` places it in the class's scope, so each one is a stretch of that scope too. Built
 * once per scope, on the first lookup in it.
 */
const childIndexes = new WeakMap<Scope, { readonly starts: readonly number[]; readonly stretches: readonly Stretch[] }>();

function childIndex(scope: Scope): { readonly starts: readonly number[]; readonly stretches: readonly Stretch[] } {
  let index = childIndexes.get(scope);
  if (!index) {
    const stretches: Stretch[] = [];
    for (const child of scope.childScopes as Scope[]) {
      const block = child.block as TSESTree.Node & { decorators?: readonly TSESTree.Decorator[] };
      for (const decorator of block.decorators ?? []) {
        if (decorator.range[1] <= block.range[0]) {
          stretches.push({ start: decorator.range[0], end: decorator.range[1], scope: child });
        }
      }
      stretches.push({ start: block.range[0], end: block.range[1], scope: child });
    }
    // Scope managers create child scopes in source order; sort anyway in case one does not.
    stretches.sort((x, y) => x.start - y.start);
    index = { starts: stretches.map((stretch) => stretch.start), stretches };
    childIndexes.set(scope, index);
  }
  return index;
}

/** Child scopes up to which a plain scan beats building the index. */
const LINEAR_CHILDREN = 16;

function contains(node: TSESTree.Node, start: number, end: number): boolean {
  return node.range[0] <= start && end <= node.range[1];
}

/** The child scope of `scope` whose block (or class decorator) contains `[start, end]`, or `null`. */
function childContaining(scope: Scope, start: number, end: number): Scope | null {
  const children = scope.childScopes as Scope[];
  if (children.length <= LINEAR_CHILDREN) {
    for (const child of children) {
      if (contains(child.block, start, end) || (child.block as { decorators?: readonly TSESTree.Decorator[] }).decorators?.some((decorator) => contains(decorator, start, end))) {
        return child;
      }
    }
    return null;
  }
  const { starts, stretches } = childIndex(scope);
  // The last stretch starting at or before `start`; earlier ones sharing its start are checked too.
  let low = 0;
  let high = starts.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (starts[middle]! <= start) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  for (let i = found; i >= 0 && starts[i] === starts[found]; i--) {
    if (end <= stretches[i]!.end) {
      return stretches[i]!.scope;
    }
  }
  return null;
}

/**
 * `context.sourceCode.getScope(node)`, found from the node's position: a descent from the
 * global scope through the child scopes whose blocks contain the node (a binary search at each
 * level), instead of a walk up the node's ancestors asking the scope manager at each one. Same
 * answer: the innermost scope whose block contains the node (a function's own scope for the
 * function, its name and its parameters), the global scope for the Program.
 * @example scopeOf(context, identifier) // the same Scope as context.sourceCode.getScope(identifier)
 */
export function scopeOf(context: FileContext, node: TSESTree.Node): TSESLint.Scope.Scope {
  const { sourceCode } = context;
  const global = sourceCode.scopeManager?.globalScope as Scope | null | undefined;
  const range = node.range as TSESTree.Range | undefined;
  if (!global || !range || node.type === AST_NODE_TYPES.Program) {
    return sourceCode.getScope(node);
  }
  let scope: Scope = global;
  for (let child = childContaining(scope, range[0], range[1]); child; child = childContaining(scope, range[0], range[1])) {
    scope = child;
  }
  return scope;
}

/** Per scope: identifier → the reference made from that scope (built on first lookup in the scope). */
const scopeReferenceIndexes = new WeakMap<Scope, Map<TSESTree.Node, Reference>>();
/** Per variable: its write references other than the declaration's initialiser. */
const writeMemo = new WeakMap<Variable, readonly Reference[]>();
/** Per variable: `x.method(...)` calls made on it, keyed by method name. */
const methodCallMemo = new WeakMap<Variable, ReadonlyMap<string, readonly MethodCall[]>>();

function scopeReferences(scope: Scope): Map<TSESTree.Node, Reference> {
  let index = scopeReferenceIndexes.get(scope);
  if (!index) {
    index = new Map();
    for (const ref of scope.references) {
      if (!index.has(ref.identifier)) {
        index.set(ref.identifier, ref as Reference);
      }
    }
    scopeReferenceIndexes.set(scope, index);
  }
  return index;
}

/** Per Program: lookups so far, and the whole-file index once they are many. */
const FILE_INDEXES_KEY = perFileKey<{ lookups: number; index: Map<TSESTree.Node, Reference> | null }>('fileIndexes');
/**
 * Lookups after which a file gets one identifier → reference index over all its scopes: a file
 * that asks this often (a bundle whose calls all need resolving) repays the index, and each
 * lookup then costs one map read instead of a walk up to the identifier's scope.
 */
const WHOLE_FILE_AFTER = 256;

/**
 * The scope-manager reference of identifier `id`, or `undefined` when it is not a reference
 * (a declared name, a property key). A reference is made from the identifier's own scope or,
 * for a few constructs (a class's `extends` clause), from an enclosing one, so only the scopes
 * on that chain are indexed: a file that needs few lookups pays for the scopes around them,
 * not for every reference in the file.
 */
function referenceOf(context: FileContext, id: TSESTree.Node): Reference | undefined {
  const file = perFile(context, FILE_INDEXES_KEY, () => ({ lookups: 0, index: null }));
  if (!file.index && ++file.lookups > WHOLE_FILE_AFTER) {
    const index = new Map<TSESTree.Node, Reference>();
    for (const scope of context.sourceCode.scopeManager?.scopes ?? []) {
      for (const ref of scope.references) {
        if (!index.has(ref.identifier)) {
          index.set(ref.identifier, ref as Reference);
        }
      }
    }
    file.index = index;
  }
  if (file.index) {
    return file.index.get(id);
  }
  for (let scope: Scope | null = scopeOf(context, id) as Scope; scope; scope = scope.upper as Scope | null) {
    const ref = scopeReferences(scope).get(id);
    if (ref) {
      return ref;
    }
  }
  return undefined;
}

/**
 * The variable `id` refers to, as `findVariable(sourceCode.getScope(id), id)` answers
 * it, without walking the ancestors of `id` when the scope manager already resolved it.
 */
export function variableFor(context: FileContext, id: TSESTree.Identifier): Variable | null {
  const resolved = referenceOf(context, id)?.resolved;
  if (resolved) {
    return resolved as Variable;
  }
  // By name from the identifier's own scope: the same lookup as passing the node, without
  // `findVariable` scanning every child scope of that scope for the innermost one.
  return findVariable(scopeOf(context, id) as never, id.name) as Variable | null;
}

/**
 * A scope to resolve names in `node` from (for `getStaticValue`): the scope a reference
 * was made in, or `sourceCode.getScope(node)`. Both find the same variables, since
 * lookups descend to the innermost scope around the identifier.
 */
export function scopeFor(context: FileContext, node: TSESTree.Node): Scope {
  if (node.type === AST_NODE_TYPES.Identifier) {
    const ref = referenceOf(context, node);
    if (ref) {
      return ref.from as Scope;
    }
  }
  return scopeOf(context, node);
}

/** The writes of a variable after its declaration (assignments, updates, `for…of` targets), in source order. */
export function laterWrites(variable: Variable): readonly Reference[] {
  let writes = writeMemo.get(variable);
  if (!writes) {
    writes = variable.references.filter((ref) => ref.isWrite() && !ref.init);
    writeMemo.set(variable, writes);
  }
  return writes;
}

/**
 * Same answer as `resolveConstInit` (static.ts): the single initialiser of a variable
 * that is never reassigned, or `null`; with the writes looked up once per variable.
 */
export function constInitOf(context: FileContext, id: TSESTree.Identifier): TSESTree.Expression | null {
  const variable = variableFor(context, id);
  if (variable?.defs.length !== 1) {
    return null;
  }
  const def = variable.defs[0]!;
  if (def.type !== 'Variable' || def.node.id.type !== AST_NODE_TYPES.Identifier || !def.node.init) {
    return null;
  }
  return laterWrites(variable).length > 0 ? null : def.node.init;
}

/** A call of a method on a variable: `parts.push(x)` (`member` is `parts.push`). */
export interface MethodCall {
  readonly member: TSESTree.MemberExpression;
  readonly call: TSESTree.CallExpression;
}

/**
 * `name.method(...)` calls on the variable, in source order, for the given method names
 * (`x.push()` and `x['push']()` alike: check `member.computed` if it matters); indexed
 * once per variable.
 */
export function methodCallsOn(variable: Variable, methods: readonly string[]): MethodCall[] {
  let byName = methodCallMemo.get(variable);
  if (!byName) {
    const map = new Map<string, MethodCall[]>();
    for (const ref of variable.references) {
      const member = ref.identifier.parent;
      if (
        member?.type === AST_NODE_TYPES.MemberExpression &&
        member.object === ref.identifier &&
        member.parent.type === AST_NODE_TYPES.CallExpression &&
        member.parent.callee === member
      ) {
        const name = !member.computed && member.property.type === AST_NODE_TYPES.Identifier
          ? member.property.name
          : member.property.type === AST_NODE_TYPES.Literal && typeof member.property.value === 'string'
            ? member.property.value
            : null;
        if (name !== null) {
          const list = map.get(name) ?? [];
          list.push({ member, call: member.parent });
          map.set(name, list);
        }
      }
    }
    byName = map;
    methodCallMemo.set(variable, byName);
  }
  const out: MethodCall[] = [];
  for (const name of new Set(methods)) {
    out.push(...(byName.get(name) ?? []));
  }
  return methods.length === 1 ? out : out.sort((a, b) => a.call.range[0] - b.call.range[0]);
}
