
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import type { FileContext } from '../../core/context';
import { memberName, patternPath } from '../../core/ast';
import { findObjectProperty, getPropertyKeyName, resolveConstInit, skipTsWrappers, staticValue } from '../../core/static';
import { variableFor } from '../../core/variable-index';
import { displayPath, importedDefinition } from '../../project/index';
import { KEY_WRAPPERS } from '../../data/secret-sinks';

/** A compile-time string that reaches a credential sink. */
export interface SecretLiteral {
  /** The string as written: a Literal or a TemplateLiteral (in `definedIn`'s file when that is set). */
  readonly node: TSESTree.Literal | TSESTree.TemplateLiteral;
  readonly value: string;
  /**
   * The fallback that supplies it when a variable is unset: `x || 'lit'`, `x ?? 'lit'`, or a
   * destructuring default (`const { KEY = 'lit' } = process.env`); `null` for a plain value.
   */
  readonly fallback: TSESTree.LogicalExpression | TSESTree.AssignmentPattern | null;
  /** The environment variable read on the fallback's other side (`JWT_SECRET`), if any. */
  readonly envName: string | null;
  /** The project file (relative to the project root) the literal is written in, when not the linted file. */
  readonly definedIn: string | null;
  /** With `definedIn`: the expression of the linted file whose value comes from that file (where to report). */
  readonly exit: TSESTree.Node | null;
}

/** How many names, members and files a value is followed through. */
const MAX_HOPS = 8;
/** How many object literals one value's walk looks a property up in. */
const MAX_LOOKUPS = 64;

interface Walk {
  readonly out: SecretLiteral[];
  readonly seen: Set<TSESTree.Node>;
  /** The linted file: definitions in other files are named relative to its project. */
  readonly home: FileContext;
  readonly crossFile: boolean;
  /** Property lookups left: spreads of spreads branch, so a walk is bounded by work, not only by depth. */
  lookups: number;
}

interface Origin {
  readonly fallback: SecretLiteral['fallback'];
  readonly envName: string | null;
  readonly definedIn: string | null;
  readonly exit: TSESTree.Node | null;
}

const PLAIN: Origin = { fallback: null, envName: null, definedIn: null, exit: null };

/** The origin of a value read from `definedIn` (another file) through `node` of the linted file. */
function crossed(origin: Origin, definedIn: string | null, node: TSESTree.Node): Origin {
  return definedIn === null || origin.definedIn !== null ? origin : { ...origin, definedIn, exit: node };
}

/**
 * The non-empty compile-time strings `node` can evaluate to: literals, static templates, `const`
 * names (also module-level ones used in functions, through `as`/`satisfies`/`!`), members of
 * `const` object literals (`config.jwt.secret`), both branches of `?:`, the right side of
 * `||`/`??` (a fallback), destructuring defaults, array elements, and the argument of key
 * wrappers (`new TextEncoder().encode(x)`, `Buffer.from(x)`). With `crossFile`, names imported
 * from project files are followed into them. `''` is no secret (a missing value) and is left out.
 * @example const S = process.env.S || 'dev'; jwt.sign(p, S) // compileTimeStrings(context, S) -> ['dev' as a fallback of S]
 */
export function compileTimeStrings(context: FileContext, node: TSESTree.Node, crossFile = true): SecretLiteral[] {
  return compileTimeStringsAt(context, node, [], crossFile);
}

/**
 * `compileTimeStrings` of the property at `path` in the object `node` is (`{ auth: { pass } }`
 * for `['auth', 'pass']`), the object being written there, a `const`, a member of one, or imported.
 * @example new Pool(config) // compileTimeStringsAt(context, config, ['password'])
 */
export function compileTimeStringsAt(context: FileContext, node: TSESTree.Node, path: readonly string[], crossFile = true): SecretLiteral[] {
  const walk: Walk = { out: [], seen: new Set(), home: context, crossFile, lookups: MAX_LOOKUPS };
  if (path.length === 0) {
    collect(walk, context, node, PLAIN, 0);
    return walk.out;
  }
  let target = objectOf(walk, context, node, 0);
  for (let i = 0; target && i < path.length; i++) {
    const found = propertyOf(walk, target, path[i]!, 1);
    if (!found) {
      break;
    }
    if (i === path.length - 1) {
      collect(walk, found.context, found.value, crossed(PLAIN, found.definedIn, node), 1);
    } else {
      target = objectOf(walk, found.context, found.value, 1, found.definedIn);
    }
  }
  return walk.out;
}

function collect(walk: Walk, context: FileContext, raw: TSESTree.Node, origin: Origin, depth: number): void {
  const node = skipTsWrappers(raw);
  if (depth > MAX_HOPS || walk.seen.has(node)) {
    return;
  }
  walk.seen.add(node);
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
      if (typeof node.value === 'string' && node.value !== '') {
        walk.out.push({ node, value: node.value, ...origin });
      }
      return;
    case AST_NODE_TYPES.TemplateLiteral: {
      const value = node.expressions.length === 0 ? node.quasis[0]?.value.cooked : staticValue(context, node)?.value;
      if (typeof value === 'string' && value !== '') {
        walk.out.push({ node, value, ...origin });
      }
      return;
    }
    case AST_NODE_TYPES.Identifier:
      collectName(walk, context, node, origin, depth);
      return;
    case AST_NODE_TYPES.MemberExpression: {
      const key = memberName(context, node);
      const target = key === null ? null : objectOf(walk, context, node.object, depth + 1);
      const found = target && propertyOf(walk, target, key!, depth + 1);
      if (found) {
        collect(walk, found.context, found.value, crossed(origin, found.definedIn, node), depth + 1);
      }
      return;
    }
    case AST_NODE_TYPES.LogicalExpression:
      if (node.operator === '||' || node.operator === '??') {
        collect(walk, context, node.left, origin, depth + 1);
        collect(walk, context, node.right, { ...origin, fallback: node, envName: envReadName(node.left) }, depth + 1);
      }
      return;
    case AST_NODE_TYPES.ConditionalExpression:
      collect(walk, context, node.consequent, origin, depth + 1);
      collect(walk, context, node.alternate, origin, depth + 1);
      return;
    case AST_NODE_TYPES.ArrayExpression:
      for (const element of node.elements) {
        if (element && element.type !== AST_NODE_TYPES.SpreadElement) {
          collect(walk, context, element, origin, depth + 1);
        }
      }
      return;
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression: {
      const argument = node.arguments[0];
      if (argument && argument.type !== AST_NODE_TYPES.SpreadElement && isKeyWrapper(context, node)) {
        collect(walk, context, argument, origin, depth + 1);
      }
      return;
    }
    default:
  }
}

/** A `const` name, a name destructured from a `const` object (with its default), or a name imported from a project file. */
function collectName(walk: Walk, context: FileContext, id: TSESTree.Identifier, origin: Origin, depth: number): void {
  const init = resolveConstInit(context, id);
  if (init) {
    collect(walk, context, init, origin, depth + 1);
    return;
  }
  const variable = variableFor(context, id);
  const def = variable?.defs.length === 1 ? variable.defs[0]! : null;
  if (def?.type === 'Variable') {
    const declarator = def.node;
    const declaration = def.parent as TSESTree.VariableDeclaration | null;
    if (declarator.id.type !== AST_NODE_TYPES.ObjectPattern || !declarator.init || declaration?.kind !== 'const') {
      return;
    }
    // `const { JWT_SECRET = 'dev' } = process.env`: the default is a fallback.
    const withDefault = defaultOf(declarator.id, def.name as TSESTree.Identifier);
    if (withDefault) {
      const key = withDefault.parent.type === AST_NODE_TYPES.Property ? getPropertyKeyName(context, withDefault.parent) : null;
      const envName = key !== null && isEnvObject(declarator.init) ? key : null;
      collect(walk, context, withDefault.right, { ...origin, fallback: withDefault, envName }, depth + 1);
    }
    // `const { jwtSecret } = config`: the member of a constant object.
    const pathTo = patternPath(declarator.id, def.name);
    let target = pathTo && pathTo.length > 0 ? objectOf(walk, context, declarator.init, depth + 1) : null;
    if (!target) {
      collectImported(walk, context, id, origin, depth); // `const { jwtSecret } = require('./config')`
      return;
    }
    for (let i = 0; target && pathTo && i < pathTo.length; i++) {
      const found = propertyOf(walk, target, pathTo[i]!, depth + 1);
      if (!found) {
        return;
      }
      if (i === pathTo.length - 1) {
        collect(walk, found.context, found.value, crossed(origin, found.definedIn, id), depth + 1);
        return;
      }
      target = objectOf(walk, found.context, found.value, depth + 1, found.definedIn);
    }
    return;
  }
  if (def?.type === 'ImportBinding') {
    collectImported(walk, context, id, origin, depth);
  }
}

/** A name imported or required from a project file: its definition there. */
function collectImported(walk: Walk, context: FileContext, id: TSESTree.Identifier, origin: Origin, depth: number): void {
  const definition = walk.crossFile ? importedDefinition(context, id) : null;
  if (definition) {
    collect(walk, definition.file.context, definition.node, crossed(origin, displayPath(walk.home, definition.file.filename), id), depth + 1);
  }
}

/** The `name = default` of a destructuring pattern that binds `name`. */
function defaultOf(pattern: TSESTree.ObjectPattern, name: TSESTree.Node): TSESTree.AssignmentPattern | null {
  for (const property of pattern.properties) {
    if (property.type !== AST_NODE_TYPES.Property) {
      continue;
    }
    const value = property.value;
    if (value.type === AST_NODE_TYPES.AssignmentPattern && value.left === name) {
      return value;
    }
    if (value.type === AST_NODE_TYPES.ObjectPattern) {
      const inner = defaultOf(value, name);
      if (inner) {
        return inner;
      }
    }
  }
  return null;
}

interface ObjectTarget {
  readonly context: FileContext;
  readonly object: TSESTree.ObjectExpression;
  readonly definedIn: string | null;
}

/** The object literal an expression is: itself, a `const` holding one, a member of one, or an imported one. */
function objectOf(walk: Walk, context: FileContext, raw: TSESTree.Node, depth: number, definedIn: string | null = null): ObjectTarget | null {
  const node = skipTsWrappers(raw);
  if (depth > MAX_HOPS) {
    return null;
  }
  switch (node.type) {
    case AST_NODE_TYPES.ObjectExpression:
      return { context, object: node, definedIn };
    case AST_NODE_TYPES.Identifier: {
      const init = resolveConstInit(context, node);
      const local = init ? objectOf(walk, context, init, depth + 1, definedIn) : null;
      if (local) {
        return local;
      }
      const variable = variableFor(context, node);
      if (walk.crossFile && variable?.defs.length === 1 && (variable.defs[0]!.type === 'ImportBinding' || variable.defs[0]!.type === 'Variable')) {
        const definition = importedDefinition(context, node);
        return definition ? objectOf(walk, definition.file.context, definition.node, depth + 1, displayPath(walk.home, definition.file.filename)) : null;
      }
      return null;
    }
    case AST_NODE_TYPES.MemberExpression: {
      const key = memberName(context, node);
      const outer = key === null ? null : objectOf(walk, context, node.object, depth + 1, definedIn);
      const found = outer && propertyOf(walk, outer, key!, depth + 1);
      return found ? objectOf(walk, found.context, found.value, depth + 1, found.definedIn) : null;
    }
    default:
      return null;
  }
}

/** A property's value, with the file it is written in. */
interface FoundProperty {
  readonly context: FileContext;
  readonly value: TSESTree.Node;
  readonly definedIn: string | null;
}

/**
 * The value of property `key` of an object literal (`findObjectProperty`), also through the spreads
 * it cannot see into: members of constant objects and objects of other project files
 * (`{ ...base.session, ...require('./env') }`), the last definition winning as at run time.
 */
function propertyOf(walk: Walk, target: ObjectTarget, key: string, depth: number): FoundProperty | null {
  if (--walk.lookups < 0) {
    return null;
  }
  const found = findObjectProperty(target.context, target.object, key);
  if (found.kind === 'found') {
    return { context: target.context, value: found.value, definedIn: target.definedIn };
  }
  if (found.kind === 'absent' || depth > MAX_HOPS) {
    return null;
  }
  const elements = target.object.properties;
  for (let i = elements.length - 1; i >= 0; i--) {
    const element = elements[i]!;
    if (element.type !== AST_NODE_TYPES.SpreadElement) {
      if (getPropertyKeyName(target.context, element) === key) {
        return { context: target.context, value: element.value, definedIn: target.definedIn };
      }
      continue;
    }
    const inner = objectOf(walk, target.context, element.argument, depth + 1, target.definedIn);
    const hit = inner && propertyOf(walk, inner, key, depth + 1);
    if (hit) {
      return hit;
    }
  }
  return null;
}

/** `process.env` or `import.meta.env`. */
export function isEnvObject(raw: TSESTree.Node): boolean {
  const node = skipTsWrappers(raw);
  if (node.type !== AST_NODE_TYPES.MemberExpression || node.computed || node.property.type !== AST_NODE_TYPES.Identifier || node.property.name !== 'env') {
    return false;
  }
  const object = node.object;
  return (object.type === AST_NODE_TYPES.Identifier && object.name === 'process') || object.type === AST_NODE_TYPES.MetaProperty;
}

/**
 * The variable name read by `process.env.X`, `process.env['X']` or `import.meta.env.X`, looked
 * for on the left of a fallback (`process.env.A || process.env.B || 'x'` reads `A` first).
 */
export function envReadName(raw: TSESTree.Node): string | null {
  const node = skipTsWrappers(raw.type === AST_NODE_TYPES.ChainExpression ? raw.expression : raw);
  if (node.type === AST_NODE_TYPES.LogicalExpression) {
    return envReadName(node.left) ?? envReadName(node.right);
  }
  if (node.type !== AST_NODE_TYPES.MemberExpression || !isEnvObject(node.object)) {
    return null;
  }
  if (!node.computed) {
    return node.property.type === AST_NODE_TYPES.Identifier ? node.property.name : null;
  }
  return node.property.type === AST_NODE_TYPES.Literal && typeof node.property.value === 'string' ? node.property.value : null;
}

/** `new TextEncoder().encode(x)`, `encoder.encode(x)` with `const encoder = new TextEncoder()`, `Buffer.from(x)`, `createSecretKey(x)`, `String(x)`. */
function isKeyWrapper(context: FileContext, call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const callee = skipTsWrappers(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) {
    return KEY_WRAPPERS.has(callee.name);
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.property.type !== AST_NODE_TYPES.Identifier) {
    return false;
  }
  const property = callee.property.name;
  if (property === 'encode') {
    const receiver = callee.object.type === AST_NODE_TYPES.Identifier ? resolveConstInit(context, callee.object) ?? callee.object : callee.object;
    const made = skipTsWrappers(receiver);
    return made.type === AST_NODE_TYPES.NewExpression && made.callee.type === AST_NODE_TYPES.Identifier && made.callee.name === 'TextEncoder';
  }
  const object = skipTsWrappers(callee.object);
  return object.type === AST_NODE_TYPES.Identifier && KEY_WRAPPERS.has(`${object.name}.${property}`);
}

