import { findVariable, getStaticValue } from '@eslint-community/eslint-utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import type { ErrorHandlerSpec } from '../../frameworks/types';
import { createGuard } from './branch-guard';
import { calleeMethod, errorHandlerRoles, firstArgString } from './handler-roles';
import { resolveCallTarget } from '../../core/modules';
import { dereference, skipTsWrappers } from '../../core/static';
import { perFile, perFileKey } from '../../core/context';
import type { FileContext } from '../../core/context';

type Variable = TSESLint.Scope.Variable;
type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;

/**
 * What a value derived from a caught error carries, from least to most revealing:
 * its `message`, internal details (`err.sql`, `err.response.data`), the whole error object,
 * or its stack trace.
 */
export type ErrorLeakKind = 'message' | 'details' | 'error' | 'stack';

/** Recursion cap for generated code nested thousands deep. */
const MAX_DEPTH = 400;

const SEVERITY: Readonly<Record<ErrorLeakKind, number>> = { message: 1, details: 2, error: 3, stack: 4 };

/** A value derived from a caught error. */
export interface ErrorTaint {
  readonly kind: ErrorLeakKind;
  /** The caught-error variable (catch parameter, error-handler parameter…). */
  readonly source: Variable;
  /** The source and every alias the value went through (`const e = err`), for narrowing checks. */
  readonly variables: readonly Variable[];
  /** The expression that made the value what it is (`err.stack`, `String(err)`), for messages. */
  readonly origin: TSESTree.Node;
}

/** One place in a response payload where error-derived data ends up. */
export interface ErrorLeak extends ErrorTaint {
  /** The outermost payload expression carrying it: what a fix replaces. */
  readonly node: TSESTree.Node;
}

export interface ErrorOriginOptions {
  /** Error-handler registrations contributed by the framework adapters. */
  readonly errorHandlers: readonly ErrorHandlerSpec[];
  /** Extra development-only tests: identifiers (`isLocal`) or expressions (`config.debug`). */
  readonly devGuards: readonly string[];
}

/** Properties of an error whose value exposes internals: SQL text, upstream requests, paths, commands. */
const DETAIL_PROPERTIES = new Set([
  'errors', 'sql', 'sqlMessage', 'original', 'parent', 'response', 'request', 'config', 'detail', 'hint',
  'where', 'query', 'parameters', 'meta', 'path', 'address', 'cmd', 'stderr', 'stdout', 'spawnargs',
]);
/** Reads that are harmless wherever they are taken from (numbers, codes, class names). */
const SAFE_LEAVES = new Set(['status', 'statusCode', 'statusText', 'code', 'errno', 'name', 'length', 'expose', 'type']);
/** Methods that return a string or array still carrying the receiver's content. */
const PASS_METHODS = new Set([
  'slice', 'substring', 'substr', 'split', 'replace', 'replaceAll', 'trim', 'trimStart', 'trimEnd', 'toUpperCase',
  'toLowerCase', 'concat', 'padStart', 'padEnd', 'at', 'join', 'map', 'filter', 'toString', 'normalize', 'flat',
]);
/**
 * Classes whose instances are *not* application errors: `instanceof` on them does not
 * make a message safe, since their messages come from runtimes, drivers and HTTP clients.
 */
const UNSAFE_ERROR_CLASSES =
  /^(?:Error|TypeError|RangeError|SyntaxError|ReferenceError|EvalError|URIError|AggregateError|DOMException|AxiosError|FetchError|QueryFailedError|DatabaseError|DriverException|Prisma\w*|Mongo\w*|Sequelize\w*)$/u;
/** Type guards of application errors: `isHttpError(err)`, `isBoom(err)`; not `isAxiosError`, `isNativeError`. */
const NARROWING_GUARD = /^(?:is(?!Axios|Native)\w*Error|isHttpException|isBoom)$/u;

const DEV_NAMES = new Set(['isdev', 'isdevelopment', 'dev', 'development', 'isdevmode', 'devmode', 'indev', 'indevelopment', 'islocal']);
const PROD_NAMES = new Set(['isprod', 'isproduction', 'prod', 'production', 'inproduction', 'isprodmode']);
const DEV_ENVS = new Set(['development', 'dev', 'test', 'local']);
const PROD_ENVS = new Set(['production', 'prod']);

function maxTaint(a: ErrorTaint | null, b: ErrorTaint | null): ErrorTaint | null {
  if (!a || !b) {
    return a ?? b;
  }
  return SEVERITY[b.kind] > SEVERITY[a.kind] ? b : a;
}

function isFunctionNode(node: TSESTree.Node | undefined): node is FunctionNode {
  return (
    node?.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node?.type === AST_NODE_TYPES.FunctionExpression ||
    node?.type === AST_NODE_TYPES.FunctionDeclaration
  );
}

/** The static name of a member access (`err.stack`, `err['stack']`), or `null`. */
export function memberName(context: FileContext, node: TSESTree.MemberExpression): string | null {
  if (!node.computed) {
    return node.property.type === AST_NODE_TYPES.Identifier ? node.property.name : null;
  }
  const value = getStaticValue(node.property as never, context.sourceCode.getScope(node) as never);
  return value && (typeof value.value === 'string' || typeof value.value === 'number') ? String(value.value) : null;
}

/** What reading `property` of a value of `kind` yields (`null` property: an unknown/computed index). */
function accessKind(kind: ErrorLeakKind, property: string | null): ErrorLeakKind | null {
  if (property !== null && SAFE_LEAVES.has(property) && kind !== 'stack' && kind !== 'message') {
    return null;
  }
  switch (kind) {
    case 'error':
      if (property === 'stack') return 'stack';
      if (property === 'message') return 'message';
      if (property === 'cause') return 'error';
      return property !== null && DETAIL_PROPERTIES.has(property) ? 'details' : null;
    case 'details':
      return 'details';
    default:
      // Indexing a string keeps its content; named reads (`.length`) do not.
      return property === null || /^\d+$/u.test(property) ? kind : null;
  }
}

/** Property path from a destructuring pattern down to `id` (`{ stack }`, `{ response: { data } }`, `...rest`). */
function patternPath(pattern: TSESTree.Node, id: TSESTree.Node, context: FileContext): (string | null)[] | null {
  if (pattern === id) {
    return [];
  }
  switch (pattern.type) {
    case AST_NODE_TYPES.AssignmentPattern:
      return patternPath(pattern.left, id, context);
    case AST_NODE_TYPES.RestElement:
      return patternPath(pattern.argument, id, context);
    case AST_NODE_TYPES.ArrayPattern:
      for (const element of pattern.elements) {
        const rest = element ? patternPath(element, id, context) : null;
        if (rest) {
          return element!.type === AST_NODE_TYPES.RestElement ? rest : [null, ...rest];
        }
      }
      return null;
    case AST_NODE_TYPES.ObjectPattern:
      for (const prop of pattern.properties) {
        if (prop.type === AST_NODE_TYPES.RestElement) {
          const rest = patternPath(prop.argument, id, context);
          if (rest) {
            return rest;
          }
          continue;
        }
        const rest = patternPath(prop.value, id, context);
        if (rest) {
          const key = prop.computed
            ? (getStaticValue(prop.key as never, context.sourceCode.getScope(prop) as never)?.value ?? null)
            : prop.key.type === AST_NODE_TYPES.Identifier
              ? prop.key.name
              : String((prop.key as TSESTree.Literal).value);
          return [key === null ? null : String(key), ...rest];
        }
      }
      return null;
    default:
      return null;
  }
}

/** Everything `createErrorOrigin` answers, memoised per file and options. */
export interface ErrorOriginAnalyzer {
  /** The path inside the caught error a variable is bound to (`[]` for `err`, `['stack']` for `{ stack }`), or `null`. */
  sourcePath(variable: Variable): readonly (string | null)[] | null;
  /** What error-derived data the value of `node` carries, or `null`. Dev-only and narrowed parts are excluded. */
  taintOf(node: TSESTree.Node): ErrorTaint | null;
  /**
   * The places in a response payload that carry error data: object values, array
   * elements, spreads, conditional branches, `JSON.stringify` arguments; `ignoreProperties`
   * names top-level properties that are not sent (`cause`).
   */
  leaksIn(payload: TSESTree.Node, ignoreProperties?: readonly string[]): ErrorLeak[];
  /** `node` only runs (or only takes effect) in development. */
  isDevOnly(node: TSESTree.Node): boolean;
  /** `node` only runs when one of `variables` was narrowed to an application error. */
  isNarrowed(node: TSESTree.Node, variables: readonly Variable[]): boolean;
}

const ANALYZERS_KEY = perFileKey<WeakMap<ErrorOriginOptions, ErrorOriginAnalyzer>>('analyzers');

/**
 * The caught-error origin analysis of a file: which variables hold caught errors, and which
 * expressions carry their stack, message, details or the error itself. Intra-procedural;
 * follows aliases (`const e = err`, `const { stack } = err`, `const body = { msg: err.message }`,
 * later `let` writes and `body.stack = …` member writes).
 * @example catch (err) { res.json({ stack: err.stack }) } // taintOf(`err.stack`) -> { kind: 'stack' }
 */
export function getErrorOrigin(context: FileContext, options: ErrorOriginOptions): ErrorOriginAnalyzer {
  const byOptions = perFile(context, ANALYZERS_KEY, () => new WeakMap());
  let analyzer = byOptions.get(options);
  if (!analyzer) {
    analyzer = createAnalyzer(context, options);
    byOptions.set(options, analyzer);
  }
  return analyzer;
}

function createAnalyzer(context: FileContext, options: ErrorOriginOptions): ErrorOriginAnalyzer {
  const sourceCode = context.sourceCode;
  const sources = new WeakMap<Variable, readonly (string | null)[] | null>();
  const taints = new WeakMap<TSESTree.Node, ErrorTaint | null>();
  const variableTaints = new WeakMap<Variable, ErrorTaint | null>();
  const devGuards = options.devGuards.map((g) => g.replace(/\s+/gu, ''));
  const devGuard = createGuard((test, branch) => devTest(test, 0) === branch);
  const narrowGuards = new WeakMap<Variable, (node: TSESTree.Node) => boolean>();
  let nesting = 0;

  return { sourcePath, taintOf, leaksIn, isDevOnly, isNarrowed };

  function sourcePath(variable: Variable): readonly (string | null)[] | null {
    if (sources.has(variable)) {
      return sources.get(variable)!;
    }
    let path: (string | null)[] | null = null;
    const def = variable.defs[0];
    if (variable.defs.length === 1 && def) {
      if (def.type === 'CatchClause') {
        const param = (def.node as TSESTree.CatchClause).param;
        path = param ? patternPath(param, def.name, context) : null;
      } else if (def.type === 'Parameter' && isFunctionNode(def.node as TSESTree.Node)) {
        const fn = def.node as FunctionNode;
        const roles = errorHandlerRoles(context, fn, options.errorHandlers);
        const param = roles ? fn.params[roles.errorParam] : undefined;
        path = param ? patternPath(param, def.name, context) : null;
      }
    }
    sources.set(variable, path);
    return path;
  }

  function resolve(id: TSESTree.Identifier): Variable | null {
    return findVariable(sourceCode.getScope(id) as never, id) as Variable | null;
  }

  function applyPath(taint: ErrorTaint | null, path: readonly (string | null)[], origin: TSESTree.Node): ErrorTaint | null {
    let current = taint;
    for (const key of path) {
      const kind = current ? accessKind(current.kind, key) : null;
      current = kind && current ? { ...current, kind, origin } : null;
    }
    return current;
  }

  function taintOf(node: TSESTree.Node): ErrorTaint | null {
    if (taints.has(node)) {
      return taints.get(node)!;
    }
    taints.set(node, null); // cycle guard
    if (nesting > MAX_DEPTH) {
      return null; // generated code nested thousands deep: give up rather than overflow
    }
    nesting++;
    try {
      const taint = computeTaint(node);
      taints.set(node, taint);
      return taint;
    } finally {
      nesting--;
    }
  }

  /** A string-producing conversion of a taint: a whole error becomes its `Name: message` text. */
  function asText(taint: ErrorTaint | null, origin: TSESTree.Node): ErrorTaint | null {
    if (!taint) {
      return null;
    }
    if (taint.kind === 'error') {
      return isNarrowed(origin, taint.variables) ? null : { ...taint, kind: 'message', origin };
    }
    return taint;
  }

  function computeTaint(node: TSESTree.Node): ErrorTaint | null {
    switch (node.type) {
      case AST_NODE_TYPES.Identifier:
        return identifierTaint(node);
      case AST_NODE_TYPES.ChainExpression:
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
        return taintOf(node.expression);
      case AST_NODE_TYPES.AwaitExpression:
        return taintOf(node.argument);
      case AST_NODE_TYPES.SequenceExpression:
        return taintOf(node.expressions[node.expressions.length - 1]!);
      case AST_NODE_TYPES.MemberExpression: {
        const base = taintOf(node.object);
        const kind = base ? accessKind(base.kind, memberName(context, node)) : null;
        if (!base || !kind) {
          return null;
        }
        if (kind === 'message' && isNarrowed(node, base.variables)) {
          return null;
        }
        return { ...base, kind, origin: kind === base.kind && (kind === 'message' || kind === 'stack') ? base.origin : node };
      }
      case AST_NODE_TYPES.TemplateLiteral:
        return node.expressions.reduce<ErrorTaint | null>((acc, e) => maxTaint(acc, asText(taintOf(e), node)), null);
      case AST_NODE_TYPES.BinaryExpression:
        return node.operator === '+'
          ? maxTaint(asText(taintOf(node.left), node), asText(taintOf(node.right), node))
          : null;
      case AST_NODE_TYPES.LogicalExpression:
        return node.operator === '&&' ? taintOf(node.right) : maxTaint(taintOf(node.left), taintOf(node.right));
      case AST_NODE_TYPES.ConditionalExpression:
        return maxTaint(taintOf(node.consequent), taintOf(node.alternate));
      case AST_NODE_TYPES.ObjectExpression:
        return node.properties.reduce<ErrorTaint | null>(
          (acc, p) => maxTaint(acc, taintOf(p.type === AST_NODE_TYPES.Property ? p.value : p.argument)),
          null,
        );
      case AST_NODE_TYPES.ArrayExpression:
        return node.elements.reduce<ErrorTaint | null>(
          (acc, e) => (e ? maxTaint(acc, taintOf(e.type === AST_NODE_TYPES.SpreadElement ? e.argument : e)) : acc),
          null,
        );
      case AST_NODE_TYPES.CallExpression:
        return callTaint(node);
      case AST_NODE_TYPES.NewExpression: {
        // `new Error(err.message)` carries the message; `{ cause: err }` is not serialised.
        const callee = node.callee.type === AST_NODE_TYPES.Identifier ? node.callee.name : '';
        const first = node.arguments[0];
        return /(?:Error|Exception)$/u.test(callee) && first ? asText(taintOf(first), first) : null;
      }
      default:
        return null;
    }
  }

  function callTaint(call: TSESTree.CallExpression): ErrorTaint | null {
    const callee = skipTsWrappers(call.callee);
    const first = call.arguments[0];
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const receiver = taintOf(callee.object);
      const method = memberName(context, callee);
      if (receiver && method !== null) {
        if (receiver.kind === 'error') {
          return method === 'toString' ? asText(receiver, call) : method === 'toJSON' ? { ...receiver, origin: call } : null;
        }
        return PASS_METHODS.has(method) ? receiver : null;
      }
    }
    if (!first || first.type === AST_NODE_TYPES.SpreadElement) {
      return null;
    }
    const target = resolveCallTarget(context, callee);
    const name = target ? `${target.module ?? ''}:${target.path.join('.')}` : '';
    if (name === ':Object.assign') {
      // `Object.assign({}, err)` copies the error's own enumerable properties.
      const copied = call.arguments.reduce<ErrorTaint | null>((acc, a) => maxTaint(acc, taintOf(a.type === AST_NODE_TYPES.SpreadElement ? a.argument : a)), null);
      return copied ? { ...copied, origin: call } : null;
    }
    const arg = taintOf(first);
    if (!arg) {
      return null;
    }
    switch (name) {
      case ':String':
        return asText(arg, call);
      case ':JSON.stringify': {
        // With a replacer listing own property names, the stack is serialised too.
        const withOwnNames = call.arguments[1] !== undefined && /getOwnPropertyNames/u.test(sourceCode.getText(call.arguments[1]));
        return arg.kind === 'error' ? { ...arg, kind: withOwnNames ? 'stack' : 'error', origin: call } : arg;
      }
      case 'util:inspect':
      case 'util:format':
      case 'serialize-error:serializeError':
      case 'serialize-error:default':
      case 'serialize-error:':
        // inspect() and serializeError() print the stack of an error.
        return arg.kind === 'error' ? { ...arg, kind: 'stack', origin: call } : arg;
      default:
        return null;
    }
  }

  function identifierTaint(id: TSESTree.Identifier): ErrorTaint | null {
    const variable = resolve(id);
    if (!variable) {
      return null;
    }
    const path = sourcePath(variable);
    let taint: ErrorTaint | null;
    if (path) {
      const base: ErrorTaint = { kind: 'error', source: variable, variables: [variable], origin: id };
      taint = applyPath(base, path, id);
    } else {
      taint = aliasTaint(variable);
      if (taint && !taint.variables.includes(variable)) {
        taint = { ...taint, variables: [...taint.variables, variable] };
      }
    }
    if (!taint || isDevOnly(id)) {
      return null;
    }
    return taint.kind === 'message' && isNarrowed(id, taint.variables) ? null : taint;
  }

  /** The worst taint any write to a local variable gives it (init, reassignments, `v.prop = …`). */
  function aliasTaint(variable: Variable): ErrorTaint | null {
    if (variableTaints.has(variable)) {
      return variableTaints.get(variable)!;
    }
    variableTaints.set(variable, null);
    let taint: ErrorTaint | null = null;
    const def = variable.defs[0];
    if (variable.defs.length === 1 && def?.type === 'Variable') {
      const declarator = def.node as TSESTree.VariableDeclarator;
      if (declarator.init) {
        const path = patternPath(declarator.id, def.name, context);
        const init = taintOf(declarator.init);
        // `const { stack } = err` is named after its binding; `const e = err` keeps the origin.
        taint = path ? applyPath(init, path, path.length > 0 ? def.name : (init?.origin ?? declarator.init)) : null;
      }
      for (const ref of variable.references) {
        const id = ref.identifier;
        if (ref.isWrite() && !ref.init && ref.writeExpr && id.parent?.type === AST_NODE_TYPES.AssignmentExpression && id.parent.operator === '=') {
          taint = maxTaint(taint, taintOf(ref.writeExpr as TSESTree.Node));
        }
        // `body.stack = err.stack` adds to the object the variable holds.
        const member = id.parent;
        if (
          member?.type === AST_NODE_TYPES.MemberExpression &&
          member.object === id &&
          member.parent.type === AST_NODE_TYPES.AssignmentExpression &&
          member.parent.left === member
        ) {
          taint = maxTaint(taint, taintOf(member.parent.right));
        }
      }
    }
    variableTaints.set(variable, taint);
    return taint;
  }

  function leaksIn(payload: TSESTree.Node, ignoreProperties: readonly string[] = []): ErrorLeak[] {
    const out: ErrorLeak[] = [];
    collect(payload, out, ignoreProperties);
    return out;
  }

  function collect(raw: TSESTree.Node, out: ErrorLeak[], ignore: readonly string[] = [], level = 0): void {
    const node = skipTsWrappers(raw);
    if (level > MAX_DEPTH) {
      return;
    }
    switch (node.type) {
      case AST_NODE_TYPES.ObjectExpression:
        for (const prop of node.properties) {
          if (prop.type === AST_NODE_TYPES.SpreadElement) {
            collectSpread(prop, out, level);
          } else if (!ignore.includes(prop.key.type === AST_NODE_TYPES.Identifier && !prop.computed ? prop.key.name : '')) {
            collect(prop.value, out, [], level + 1);
          }
        }
        return;
      case AST_NODE_TYPES.ArrayExpression:
        for (const element of node.elements) {
          if (element?.type === AST_NODE_TYPES.SpreadElement) {
            collectSpread(element, out, level);
          } else if (element) {
            collect(element, out, [], level + 1);
          }
        }
        return;
      case AST_NODE_TYPES.ConditionalExpression:
        if (isContainer(node.consequent) || isContainer(node.alternate)) {
          collect(node.consequent, out, [], level + 1);
          collect(node.alternate, out, [], level + 1);
          return;
        }
        break;
      case AST_NODE_TYPES.LogicalExpression:
        if (node.operator === '&&' && isContainer(node.right)) {
          collect(node.right, out, [], level + 1);
          return;
        }
        break;
      case AST_NODE_TYPES.CallExpression: {
        const target = resolveCallTarget(context, node.callee);
        const arg = node.arguments[0];
        if (target?.module === null && target.path.join('.') === 'JSON.stringify' && arg && isContainer(arg)) {
          collect(arg, out, [], level + 1);
          return;
        }
        break;
      }
      default:
        break;
    }
    const taint = taintOf(node);
    if (taint) {
      out.push({ ...taint, node });
    }
  }

  function collectSpread(spread: TSESTree.SpreadElement, out: ErrorLeak[], level: number): void {
    if (isContainer(spread.argument)) {
      collect(spread.argument, out, [], level + 1);
      return;
    }
    const taint = taintOf(spread.argument);
    if (taint) {
      out.push({ ...taint, node: spread });
    }
  }

  function isContainer(node: TSESTree.Node, level = 0): boolean {
    const inner = skipTsWrappers(node);
    return (
      inner.type === AST_NODE_TYPES.ObjectExpression ||
      inner.type === AST_NODE_TYPES.ArrayExpression ||
      (level < 8 &&
        ((inner.type === AST_NODE_TYPES.ConditionalExpression && (isContainer(inner.consequent, level + 1) || isContainer(inner.alternate, level + 1))) ||
          (inner.type === AST_NODE_TYPES.LogicalExpression && inner.operator === '&&' && isContainer(inner.right, level + 1))))
    );
  }

  function isDevOnly(node: TSESTree.Node): boolean {
    return devGuard(node);
  }

  function isNarrowed(node: TSESTree.Node, variables: readonly Variable[]): boolean {
    return variables.some((variable) => {
      let guard = narrowGuards.get(variable);
      if (!guard) {
        guard = createGuard((test, branch) => narrowTest(test, [variable]) === branch);
        narrowGuards.set(variable, guard);
      }
      return guard(node);
    });
  }

  /**
   * `true` when the test is true only in development, `false` when it is false only in
   * development, `null` when it says nothing about the environment.
   */
  function devTest(raw: TSESTree.Node, depth: number): boolean | null {
    const test = skipTsWrappers(raw);
    if (depth > 4) {
      return null;
    }
    if (devGuards.length > 0 && devGuards.includes(sourceCode.getText(test).replace(/\s+/gu, ''))) {
      return true;
    }
    switch (test.type) {
      case AST_NODE_TYPES.UnaryExpression:
        if (test.operator === '!') {
          const inner = devTest(test.argument, depth + 1);
          return inner === null ? null : !inner;
        }
        return null;
      case AST_NODE_TYPES.LogicalExpression: {
        const left = devTest(test.left, depth + 1);
        const right = devTest(test.right, depth + 1);
        if (test.operator === '&&') {
          return left === true || right === true ? true : null;
        }
        return left === false || right === false ? false : left === true && right === true ? true : null;
      }
      case AST_NODE_TYPES.BinaryExpression: {
        const negated = test.operator === '!==' || test.operator === '!=';
        if (!negated && test.operator !== '===' && test.operator !== '==') {
          return null;
        }
        const [envSide, literal] =
          test.right.type === AST_NODE_TYPES.Literal ? [test.left, test.right] : [test.right, test.left as TSESTree.Node];
        if (literal.type !== AST_NODE_TYPES.Literal || typeof literal.value !== 'string' || !isEnvName(envSide, depth)) {
          return null;
        }
        const value = literal.value.toLowerCase();
        const isDevValue = DEV_ENVS.has(value) ? true : PROD_ENVS.has(value) ? false : null;
        return isDevValue === null ? null : isDevValue !== negated;
      }
      case AST_NODE_TYPES.CallExpression:
        return test.arguments.length === 0 ? nameSays(test.callee) : null;
      case AST_NODE_TYPES.Identifier:
      case AST_NODE_TYPES.MemberExpression:
      case AST_NODE_TYPES.ChainExpression: {
        const byName = nameSays(test);
        if (byName !== null || test.type !== AST_NODE_TYPES.Identifier) {
          return byName;
        }
        const init = dereference(context, test);
        return init === test ? null : devTest(init, depth + 1);
      }
      default:
        return null;
    }
  }

  /** `isDev`, `config.isProduction`, `import.meta.env.DEV`, `__DEV__`, or a `devGuards` entry. */
  function nameSays(raw: TSESTree.Node): boolean | null {
    const node = raw.type === AST_NODE_TYPES.ChainExpression ? raw.expression : raw;
    const name =
      node.type === AST_NODE_TYPES.Identifier
        ? node.name
        : node.type === AST_NODE_TYPES.MemberExpression
          ? memberName(context, node)
          : null;
    // `req.query.isDev` is chosen by the client: no guard at all.
    if (name === null || /\b(?:query|body|params|headers|cookies|searchParams)\b/u.test(sourceCode.getText(node))) {
      return null;
    }
    if (devGuards.includes(name)) {
      return true;
    }
    const key = name.replace(/_/gu, '').toLowerCase();
    return DEV_NAMES.has(key) ? true : PROD_NAMES.has(key) ? false : null;
  }

  /** `process.env.NODE_ENV`, `import.meta.env.MODE`, `app.get('env')`, or a const holding one. */
  function isEnvName(raw: TSESTree.Node, depth: number): boolean {
    const node = skipTsWrappers(raw.type === AST_NODE_TYPES.ChainExpression ? raw.expression : raw);
    if (node.type === AST_NODE_TYPES.MemberExpression) {
      const name = memberName(context, node);
      return name === 'NODE_ENV' || name === 'APP_ENV' || name === 'ENV' || (name === 'MODE' && /\benv\b/u.test(sourceCode.getText(node.object)));
    }
    if (node.type === AST_NODE_TYPES.CallExpression) {
      return calleeMethod(node) === 'get' && firstArgString(node) === 'env';
    }
    if (node.type === AST_NODE_TYPES.Identifier && depth < 4) {
      const init = dereference(context, node);
      return init !== node && isEnvName(init, depth + 1);
    }
    return false;
  }

  /**
   * `true` when the test being true means the error is an application error (whose message
   * is meant for clients), `false` when the test being false means it, else `null`.
   */
  function narrowTest(raw: TSESTree.Node, variables: readonly Variable[]): boolean | null {
    const test = skipTsWrappers(raw);
    const mentions = (node: TSESTree.Node): boolean => {
      const inner = skipTsWrappers(node.type === AST_NODE_TYPES.ChainExpression ? node.expression : node);
      if (inner.type === AST_NODE_TYPES.Identifier) {
        const variable = resolve(inner);
        return variable !== null && variables.includes(variable);
      }
      return false;
    };
    const errorMember = (node: TSESTree.Node, names: readonly string[]): boolean => {
      const inner = skipTsWrappers(node.type === AST_NODE_TYPES.ChainExpression ? node.expression : node);
      return inner.type === AST_NODE_TYPES.MemberExpression && mentions(inner.object) && names.includes(memberName(context, inner) ?? '');
    };
    switch (test.type) {
      case AST_NODE_TYPES.UnaryExpression: {
        if (test.operator !== '!') {
          return null;
        }
        const inner = narrowTest(test.argument, variables);
        return inner === null ? null : !inner;
      }
      case AST_NODE_TYPES.LogicalExpression: {
        const left = narrowTest(test.left, variables);
        const right = narrowTest(test.right, variables);
        if (test.operator === '&&') {
          return left === true || right === true ? true : null;
        }
        return left === true && right === true ? true : left === false || right === false ? false : null;
      }
      case AST_NODE_TYPES.BinaryExpression: {
        if (test.operator === 'instanceof') {
          const cls = test.right.type === AST_NODE_TYPES.MemberExpression ? memberName(context, test.right) : test.right.type === AST_NODE_TYPES.Identifier ? test.right.name : null;
          return mentions(test.left) && cls !== null && !UNSAFE_ERROR_CLASSES.test(cls) ? true : null;
        }
        const statusNames = ['status', 'statusCode', 'httpStatus', 'status_code'];
        const bound = test.right.type === AST_NODE_TYPES.Literal && typeof test.right.value === 'number' ? test.right.value : null;
        if (bound !== null && errorMember(test.left, statusNames)) {
          if ((test.operator === '<' && bound <= 500) || (test.operator === '<=' && bound < 500)) {
            return true;
          }
          if ((test.operator === '>=' && bound >= 500) || (test.operator === '>' && bound >= 499)) {
            return false;
          }
          return null;
        }
        if ((test.operator === '===' || test.operator === '==') && errorMember(test.left, ['name']) && test.right.type === AST_NODE_TYPES.Literal) {
          return typeof test.right.value === 'string' && !UNSAFE_ERROR_CLASSES.test(test.right.value) ? true : null;
        }
        if ((test.operator === '===' || test.operator === '==') && errorMember(test.left, ['expose']) && test.right.type === AST_NODE_TYPES.Literal) {
          return test.right.value === true ? true : null;
        }
        return null;
      }
      case AST_NODE_TYPES.CallExpression: {
        const name = calleeMethod(test);
        return name !== null && NARROWING_GUARD.test(name) && test.arguments.some((a) => mentions(a)) ? true : null;
      }
      default:
        return errorMember(test, ['expose', 'isOperational', 'isBoom']) ? true : null;
    }
  }
}

