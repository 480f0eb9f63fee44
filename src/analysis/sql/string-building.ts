import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { skipTsWrappers, staticValue } from '../../core/static';
import { laterWrites, methodCallsOn, variableFor } from '../../core/variable-index';
import { callbackReturns } from '../../core/functions';
import type { FileContext } from '../../core/context';
import { ARRAY_SUBSETS, STRING_TRANSFORMS } from '../../data/js-builtins';

/** Constant text inside a built string. */
export interface TextPiece {
  readonly kind: 'text';
  readonly value: string;
}

/** A non-constant value spliced into a built string. */
export interface ValuePiece {
  readonly kind: 'value';
  /** The expression that supplies the value, after following variables to their writes. */
  readonly node: TSESTree.Node;
  /** Identifiers followed to reach `node`, the use site first (`sql` → `where` → …). */
  readonly aliases: readonly TSESTree.Identifier[];
  /** The format specifier that placed the value (`'s'` for `%s`, `'I'` for `%I`), if any. */
  readonly specifier?: string;
}

export type StringPiece = TextPiece | ValuePiece;

/** The shape of a string expression: its constant and non-constant parts in order. */
export interface StringBuild {
  /**
   * Pieces in source order. A variable contributes every write that precedes the use
   * (initialiser, branch assignments, `+=` appends), concatenated.
   */
  readonly pieces: readonly StringPiece[];
  /**
   * True when the string is assembled here (template with expressions, `+`, `+=`,
   * `concat`, `join`, a format call, `replace`) rather than passed through as one opaque value.
   */
  readonly built: boolean;
  /** Every expression folded into the result (templates, operands, initialisers). */
  readonly nodes: ReadonlySet<TSESTree.Node>;
}

export interface StringBuildOptions {
  /**
   * Recognises printf-style calls whose first argument is the format string
   * (`util.format`, pg-format). Specifiers become value pieces carrying the letter.
   */
  readonly isFormatCall?: (call: TSESTree.CallExpression) => boolean;
}

/** Methods that return a string derived only from their receiver. */
const PASS_THROUGH_METHODS = new Set(STRING_TRANSFORMS);
/** Array methods that keep (a subset of) the receiver's elements. */
const ARRAY_PASS_THROUGH = new Set(ARRAY_SUBSETS);
/** Array methods that add elements, followed for `parts.join()`. */
const APPENDING_METHODS = ['push', 'unshift'];

function methodCall(node: TSESTree.CallExpression): { object: TSESTree.Expression; name: string } | null {
  const callee = skipTsWrappers(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) {
    return null;
  }
  const name = !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier
    ? callee.property.name
    : callee.property.type === AST_NODE_TYPES.Literal && typeof callee.property.value === 'string'
      ? callee.property.value
      : null;
  return name === null ? null : { object: callee.object, name };
}

/**
 * Writes of a variable that precede `use` in source order: the initialiser and each
 * assignment, with its operator. `null` when the variable cannot be followed
 * (parameters, imports, destructuring, loop variables, several declarations).
 */
function precedingWrites(
  context: FileContext,
  use: TSESTree.Identifier,
): { variable: TSESLint.Scope.Variable; writes: { operator: string; value: TSESTree.Node }[] } | null {
  const variable = variableFor(context, use);
  if (variable?.defs.length !== 1) {
    return null;
  }
  const def = variable.defs[0]!;
  if (def.type !== 'Variable' || def.node.id.type !== AST_NODE_TYPES.Identifier) {
    return null;
  }
  const declaration = def.parent as TSESTree.VariableDeclaration | null;
  const loop = declaration?.parent;
  if (
    loop &&
    (loop.type === AST_NODE_TYPES.ForOfStatement || loop.type === AST_NODE_TYPES.ForInStatement) &&
    loop.left === declaration
  ) {
    return null;
  }
  const writes: { operator: string; value: TSESTree.Node }[] = [];
  if (def.node.init) {
    writes.push({ operator: '=', value: def.node.init });
  }
  for (const ref of laterWrites(variable)) {
    if (ref.identifier.range[0] >= use.range[0]) {
      continue;
    }
    const parent = ref.identifier.parent;
    if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left === ref.identifier) {
      writes.push({ operator: parent.operator, value: parent.right });
    } else {
      writes.push({ operator: 'opaque', value: parent });
    }
  }
  return { variable, writes };
}

/**
 * Takes a string expression apart into constant text and non-constant values, following
 * template literals, `+`, `+=`, `concat`, `join` (arrays built with `push`, `map`),
 * printf-style format calls, `replace`, conditionals, and `let`/`const` variables
 * (including branch assignments and appends that precede the use).
 * @example
 * let q = 'SELECT * FROM t'; if (a) q += ` WHERE a = ${a}`;
 * analyzeStringBuild(context, qUse) // pieces: text 'SELECT * FROM t', text ' WHERE a = ', value `a`; built: true
 */
export function analyzeStringBuild(context: FileContext, root: TSESTree.Node, options: StringBuildOptions = {}): StringBuild {
  const nodes = new Set<TSESTree.Node>();
  const expanding = new Set<TSESLint.Scope.Variable>();
  let built = false;
  let budget = 2000; // guards pathological files; each fold step costs one

  function value(node: TSESTree.Node, aliases: readonly TSESTree.Identifier[], specifier?: string): StringPiece[] {
    return [specifier === undefined ? { kind: 'value', node, aliases } : { kind: 'value', node, aliases, specifier }];
  }

  function fold(raw: TSESTree.Node, aliases: readonly TSESTree.Identifier[]): StringPiece[] {
    if (--budget < 0) {
      return value(raw, aliases);
    }
    const node = skipTsWrappers(raw);
    nodes.add(node);
    switch (node.type) {
      case AST_NODE_TYPES.Literal:
        return [{ kind: 'text', value: node.value === null ? 'null' : String(node.value) }];
      case AST_NODE_TYPES.TemplateLiteral: {
        const out: StringPiece[] = [];
        node.quasis.forEach((quasi, index) => {
          out.push({ kind: 'text', value: quasi.value.cooked ?? quasi.value.raw });
          const expression = node.expressions[index];
          if (expression) {
            built = true;
            out.push(...fold(expression, []));
          }
        });
        return out;
      }
      case AST_NODE_TYPES.BinaryExpression:
        if (node.operator === '+') {
          built = true;
          return [...fold(node.left, []), ...fold(node.right, [])];
        }
        return constantOr(node, aliases);
      case AST_NODE_TYPES.ConditionalExpression:
        return [...fold(node.consequent, aliases), ...fold(node.alternate, aliases)];
      case AST_NODE_TYPES.LogicalExpression:
        return [...fold(node.left, aliases), ...fold(node.right, aliases)];
      case AST_NODE_TYPES.CallExpression:
        return foldCall(node, aliases);
      case AST_NODE_TYPES.Identifier:
        return foldIdentifier(node, aliases);
      default:
        return constantOr(node, aliases);
    }
  }

  function constantOr(node: TSESTree.Node, aliases: readonly TSESTree.Identifier[]): StringPiece[] {
    if (node.type === AST_NODE_TYPES.TaggedTemplateExpression || node.type === AST_NODE_TYPES.ObjectExpression) {
      return value(node, aliases);
    }
    const result = staticValue(context, node);
    if (result && (result.value === null || typeof result.value !== 'object')) {
      return [{ kind: 'text', value: String(result.value) }];
    }
    return value(node, aliases);
  }

  function foldIdentifier(node: TSESTree.Identifier, aliases: readonly TSESTree.Identifier[]): StringPiece[] {
    const constant = constantOr(node, aliases);
    if (constant[0]?.kind === 'text') {
      return constant;
    }
    const found = precedingWrites(context, node);
    if (!found) {
      return constant;
    }
    if (expanding.has(found.variable)) {
      return []; // `sql = sql + …`: the earlier value is already part of the result
    }
    expanding.add(found.variable);
    const out: StringPiece[] = [];
    const chain = [...aliases, node];
    for (const write of found.writes) {
      if (write.operator === '+=') {
        built = true;
        out.push(...fold(write.value, []));
      } else if (write.operator === '=' || write.operator === '||=' || write.operator === '??=') {
        out.push(...fold(write.value, chain));
      } else {
        out.push(...value(write.value, chain));
      }
    }
    expanding.delete(found.variable);
    return out;
  }

  function foldCall(node: TSESTree.CallExpression, aliases: readonly TSESTree.Identifier[]): StringPiece[] {
    const callee = skipTsWrappers(node.callee);
    if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'String' && node.arguments.length === 1) {
      return fold(node.arguments[0]!, aliases);
    }
    if (options.isFormatCall?.(node)) {
      const formatted = foldFormat(node);
      if (formatted) {
        built = true;
        return formatted;
      }
    }
    const method = methodCall(node);
    if (!method) {
      return constantOr(node, aliases);
    }
    const args = node.arguments;
    if (args.some((arg) => arg.type === AST_NODE_TYPES.SpreadElement)) {
      return constantOr(node, aliases);
    }
    switch (method.name) {
      case 'concat': {
        const receiver = fold(method.object, []);
        built = true;
        return [...receiver, ...args.flatMap((arg) => fold(arg, []))];
      }
      case 'join': {
        const elements = arrayElements(method.object);
        if (!elements) {
          return constantOr(node, aliases);
        }
        built = true;
        const separator = args[0] ? fold(args[0], []) : [{ kind: 'text' as const, value: ',' }];
        return elements.flatMap((element, index) => (index === 0 ? element : [...separator, ...element]));
      }
      case 'replace':
      case 'replaceAll': {
        if (args.length < 2) {
          return constantOr(node, aliases);
        }
        built = true;
        const replacement = args[1]!;
        const replaced = callbackReturns(replacement);
        return [
          ...fold(method.object, []),
          ...(replaced ? replaced.flatMap((expr) => fold(expr, [])) : fold(replacement, [])),
        ];
      }
      default:
        if (PASS_THROUGH_METHODS.has(method.name)) {
          return fold(method.object, aliases);
        }
        return constantOr(node, aliases);
    }
  }

  /** `util.format('SELECT … %s', x)` → text and value pieces per specifier. */
  function foldFormat(node: TSESTree.CallExpression): StringPiece[] | null {
    const [format, ...rest] = node.arguments;
    if (!format || rest.some((arg) => arg.type === AST_NODE_TYPES.SpreadElement)) {
      return null;
    }
    const formatValue = staticValue(context, format);
    if (typeof formatValue?.value !== 'string') {
      return null;
    }
    nodes.add(format);
    const out: StringPiece[] = [];
    let argIndex = 0;
    let last = 0;
    const text = formatValue.value;
    for (const match of text.matchAll(/%([%sdifjoOcIL])/gu)) {
      out.push({ kind: 'text', value: text.slice(last, match.index) });
      last = match.index + match[0].length;
      if (match[1] === '%') {
        out.push({ kind: 'text', value: '%' });
        continue;
      }
      const arg = rest[argIndex++];
      if (arg) {
        const inner = fold(arg, []);
        out.push(...inner.map((piece) => (piece.kind === 'value' ? { ...piece, specifier: match[1]! } : piece)));
      }
    }
    out.push({ kind: 'text', value: text.slice(last) });
    return out;
  }

  /** The elements of an array expression as piece lists, or `null` when not followed. */
  function arrayElements(raw: TSESTree.Node): StringPiece[][] | null {
    if (--budget < 0) {
      return null;
    }
    const node = skipTsWrappers(raw);
    nodes.add(node);
    if (node.type === AST_NODE_TYPES.ArrayExpression) {
      const out: StringPiece[][] = [];
      for (const element of node.elements) {
        if (!element) {
          continue;
        }
        if (element.type === AST_NODE_TYPES.SpreadElement) {
          out.push(...(arrayElements(element.argument) ?? [value(element.argument, [])]));
        } else {
          out.push(fold(element, []));
        }
      }
      return out;
    }
    if (node.type === AST_NODE_TYPES.Identifier) {
      return arrayVariable(node);
    }
    if (node.type === AST_NODE_TYPES.CallExpression) {
      const method = methodCall(node);
      if (method?.name === 'map' && node.arguments[0]) {
        const returns = callbackReturns(node.arguments[0]);
        if (returns) {
          return [returns.flatMap((expr) => fold(expr, []))];
        }
      }
      if (method && ARRAY_PASS_THROUGH.has(method.name)) {
        return arrayElements(method.object);
      }
    }
    return null;
  }

  /** `const parts = [...]; parts.push(x)` → the initial elements and every earlier push/unshift. */
  function arrayVariable(use: TSESTree.Identifier): StringPiece[][] | null {
    const found = precedingWrites(context, use);
    if (!found || found.writes.length !== 1 || expanding.has(found.variable)) {
      return null;
    }
    expanding.add(found.variable);
    const out = arrayElements(found.writes[0]!.value) ?? null;
    for (const { member, call } of out ? methodCallsOn(found.variable, APPENDING_METHODS) : []) {
      if (!member.computed && call.range[0] < use.range[0]) {
        for (const arg of call.arguments) {
          out!.push(arg.type === AST_NODE_TYPES.SpreadElement ? value(arg.argument, []) : fold(arg, []));
        }
      }
    }
    expanding.delete(found.variable);
    return out;
  }

  const pieces = mergeText(fold(root, []));
  return { pieces, built, nodes };
}

function mergeText(pieces: StringPiece[]): StringPiece[] {
  const out: StringPiece[] = [];
  for (const piece of pieces) {
    const last = out.at(-1);
    if (piece.kind === 'text' && last?.kind === 'text') {
      out[out.length - 1] = { kind: 'text', value: last.value + piece.value };
    } else if (piece.kind !== 'text' || piece.value !== '') {
      out.push(piece);
    }
  }
  return out;
}

/**
 * An approximation of the built text for keyword checks: constant text kept, each value
 * replaced by `placeholder`.
 */
export function approximateText(build: StringBuild, placeholder = '\uE000'): string {
  return build.pieces.map((piece) => (piece.kind === 'text' ? piece.value : placeholder)).join('');
}
