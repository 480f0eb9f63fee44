import { getStringIfConstant } from '@eslint-community/eslint-utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { isFunctionLike, localCallSites, resolveFunction } from '../../core/functions';
import { getParamRole, inputCallFramework } from '../../frameworks/registry';
import { resolveCallTarget } from '../../core/modules';
import { getSettings, parseNameSpec } from '../../core/settings';
import type { NameSpec } from '../../core/settings';
import { MAX_DEPTH, PRIME_DEPTH, spineChild } from './deep-expressions';
import { isGuardedSafe, pathFunctionName, regexOf } from './guards';
import type { InputClassifier } from './guards';
import { patternSteps } from './patterns';
import {
  FALSE_CONFIDENCE_PATH, ITERATION_METHODS, MIXING_METHODS, NON_PATH_METHODS, PATH_PROPAGATORS, PROPAGATING_CALLS,
  PROPAGATING_CONSTRUCTORS, SAFE_GLOBALS,
} from './propagation';
import { matchesSpec, PATH_SANITIZERS, SAFE_CALLS } from './sanitizers';
import { CONSTRAINING_SCHEMA_CALLS, OBJECT_SCHEMA_CALLS, PARSE_METHODS, SAFE_PARSE_METHODS } from './schemas';
import { keyLabel, memberKey, SAFE, shortText, targetKey, UNKNOWN, withNotes } from './values';
import type { InputClassification, RequestInputOptions, RequestInputOrigin, TrackedValue } from './values';
import { dereference, skipTsWrappers } from '../../core/static';
import { scopeOf, variableFor } from '../../core/variable-index';
import type { FunctionLike } from '../../core/functions';
import { perFile, perFileKey } from '../../core/context';
import type { FileContext } from '../../core/context';

export type { InputClassification, RequestInputOptions, RequestInputOrigin } from './values';

/**
 * Answers "is this expression request input, and from where?" for one file. Intra-procedural
 * and flow-insensitive, with two refinements: arguments are followed into local helper
 * functions, and guards that dominate a use (early return/throw, enclosing `if`) sanitise it.
 * One instance per Program and vocabulary; every answer is memoised.
 */
export class RequestInputAnalyzer implements InputClassifier {
  private readonly nodeMemo = new Map<TSESTree.Node, TrackedValue>();
  private readonly varMemo = new Map<TSESLint.Scope.Variable, TrackedValue>();
  private readonly returnMemo = new Map<FunctionLike, TrackedValue>();
  private readonly busy = new Set<object>();
  private helperDepth = 0;
  /** Nested `evaluate` calls in progress (bounded by {@link MAX_DEPTH}). */
  private depth = 0;

  constructor(
    readonly context: FileContext,
    readonly sources: readonly NameSpec[],
    readonly sanitizers: readonly NameSpec[],
  ) {}

  classify(node: TSESTree.Node): InputClassification {
    const val = this.finalize(this.evaluate(node));
    if (val.kind === 'input') {
      return { kind: 'input', origin: val.origin };
    }
    return val.kind === 'safe' ? { kind: 'safe' } : { kind: 'unknown' };
  }

  /** Whether the argument of a sanitiser-shaped call is user-configured as sanitising. */
  isConfiguredSanitizer(callee: TSESTree.Node): boolean {
    return matchesSpec(this.context, this.sanitizers, callee, resolveCallTarget(this.context, callee));
  }

  /** A value as used: request objects are not themselves strings; schema results resolve. */
  private finalize(val: TrackedValue): TrackedValue {
    if (val.kind === 'request') {
      return UNKNOWN;
    }
    if (val.kind === 'schema-result') {
      return this.schemaConstrains(val.schema, val.keys, 0) ? SAFE : { kind: 'input', origin: val.origin, path: false };
    }
    return val;
  }

  private combine(vals: readonly TrackedValue[]): TrackedValue {
    let tainted: TrackedValue | null = null;
    const notes: string[] = [];
    let unknown = false;
    for (const raw of vals) {
      const val = this.finalize(raw);
      if (val.kind === 'input') {
        tainted ??= val;
        notes.push(...val.origin.falseConfidence);
      } else if (val.kind === 'unknown') {
        unknown = true;
      }
    }
    if (tainted?.kind === 'input') {
      return { kind: 'input', origin: withNotes(tainted.origin, notes), path: false };
    }
    return unknown ? UNKNOWN : SAFE;
  }

  evaluate(node: TSESTree.Node): TrackedValue {
    const memo = this.nodeMemo.get(node);
    if (memo) {
      return memo;
    }
    if (this.busy.has(node)) {
      return UNKNOWN;
    }
    if (this.depth >= MAX_DEPTH) {
      return UNKNOWN; // not memoised: a shallower query of the same node gets the real answer
    }
    this.prime(node);
    const primed = this.nodeMemo.get(node);
    if (primed) {
      return primed; // reached again through a variable while its operands were evaluated
    }
    this.busy.add(node);
    this.depth++;
    let val: TrackedValue;
    try {
      val = this.compute(node);
    } finally {
      this.depth--;
      this.busy.delete(node);
    }
    this.nodeMemo.set(node, val);
    return val;
  }

  /**
   * Deep expressions (`req.query.a.a…`, `a + b + …` thousands long) would recurse once per
   * level: evaluates the nodes along the deepest path first, bottom-up, so that each level
   * finds its operand memoised. Only for paths longer than {@link PRIME_DEPTH}, so ordinary
   * code is evaluated in the usual order.
   */
  private prime(node: TSESTree.Node): void {
    const spine: TSESTree.Node[] = [];
    for (let current = spineChild(node); current && !this.nodeMemo.has(current); current = spineChild(current)) {
      spine.push(current);
    }
    if (spine.length < PRIME_DEPTH) {
      return;
    }
    for (let index = spine.length - 1; index >= 0; index--) {
      this.evaluate(spine[index]!);
    }
  }

  private compute(node: TSESTree.Node): TrackedValue {
    switch (node.type) {
      case AST_NODE_TYPES.Literal:
      case AST_NODE_TYPES.MetaProperty:
      case AST_NODE_TYPES.UnaryExpression:
      case AST_NODE_TYPES.UpdateExpression:
      case AST_NODE_TYPES.ImportExpression:
        return SAFE;
      case AST_NODE_TYPES.TemplateLiteral:
        return this.combine(node.expressions.map((e) => this.evaluate(e)));
      case AST_NODE_TYPES.Identifier:
        return this.identifierValue(node);
      case AST_NODE_TYPES.MemberExpression:
        return this.memberValue(node);
      case AST_NODE_TYPES.ChainExpression:
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
        return this.evaluate(node.expression);
      case AST_NODE_TYPES.AwaitExpression:
      case AST_NODE_TYPES.SpreadElement:
        return this.evaluate(node.argument);
      case AST_NODE_TYPES.CallExpression:
        return this.callValue(node);
      case AST_NODE_TYPES.NewExpression: {
        const target = resolveCallTarget(this.context, node.callee);
        return target && PROPAGATING_CONSTRUCTORS.has(targetKey(target)) ? this.combine(this.argValues(node.arguments)) : UNKNOWN;
      }
      case AST_NODE_TYPES.BinaryExpression:
        return node.operator === '+' ? this.combine([this.evaluate(node.left), this.evaluate(node.right)]) : SAFE;
      case AST_NODE_TYPES.LogicalExpression:
        return this.combine([this.evaluate(node.left), this.evaluate(node.right)]);
      case AST_NODE_TYPES.ConditionalExpression:
        return this.combine([this.evaluate(node.consequent), this.evaluate(node.alternate)]);
      case AST_NODE_TYPES.ArrayExpression:
        return this.combine(this.argValues(node.elements.filter((e): e is TSESTree.Expression | TSESTree.SpreadElement => e !== null)));
      case AST_NODE_TYPES.ObjectExpression:
        return this.combine(
          node.properties.map((p) => (p.type === AST_NODE_TYPES.SpreadElement ? this.evaluate(p.argument) : this.evaluate(p.value))),
        );
      case AST_NODE_TYPES.AssignmentExpression:
        return node.operator === '=' ? this.evaluate(node.right) : this.combine([this.evaluate(node.left), this.evaluate(node.right)]);
      case AST_NODE_TYPES.SequenceExpression:
        return this.evaluate(node.expressions.at(-1)!);
      default:
        return UNKNOWN;
    }
  }

  private argValues(args: readonly (TSESTree.Expression | TSESTree.SpreadElement)[]): TrackedValue[] {
    return args.map((a) => (a.type === AST_NODE_TYPES.SpreadElement ? this.evaluate(a.argument) : this.evaluate(a)));
  }

  /** Applies the result of guards dominating `ref` to a tainted value. */
  private guarded(ref: TSESTree.Node, val: TrackedValue): TrackedValue {
    if (val.kind !== 'input') {
      return val;
    }
    const notes: string[] = [];
    if (isGuardedSafe(this, ref, notes)) {
      return SAFE;
    }
    return notes.length > 0 ? { ...val, origin: withNotes(val.origin, notes) } : val;
  }

  /** A property read (`key`, or `null` when computed and unknown) on a value. */
  private step(val: TrackedValue, key: string | null, label: string, node: TSESTree.Node): TrackedValue {
    switch (val.kind) {
      case 'request': {
        const found = key !== null && val.shape.properties && Object.hasOwn(val.shape.properties, key) ? val.shape.properties[key] : undefined;
        const desc = val.desc ? `${val.desc}${label}` : label.replace(/^\./u, '');
        if (found === 'input') {
          return { kind: 'input', origin: { description: desc, framework: val.framework, node, falseConfidence: [] }, path: true };
        }
        return found ? { kind: 'request', shape: found, desc, framework: val.framework } : UNKNOWN;
      }
      case 'input':
        if (key === 'length') {
          return SAFE;
        }
        return val.path ? { kind: 'input', origin: { ...val.origin, description: `${val.origin.description}${label}` }, path: true } : val;
      case 'schema-result':
        if (val.wrapped) {
          return key === 'data' ? { ...val, wrapped: false } : SAFE;
        }
        return key === null ? { ...val, schema: null } : { ...val, keys: [...val.keys, key] };
      default:
        return val;
    }
  }

  private memberValue(node: TSESTree.MemberExpression): TrackedValue {
    const object = skipTsWrappers(node.object);
    const key = memberKey(this.context, node);
    // path.parse(x).base / .name / .ext hold no directory part.
    if (
      object.type === AST_NODE_TYPES.CallExpression &&
      (key === 'base' || key === 'name' || key === 'ext') &&
      pathFunctionName(resolveCallTarget(this.context, object.callee)) === 'parse'
    ) {
      return SAFE;
    }
    const label = key !== null ? keyLabel(key) : `[${shortText(this.context, node.property, 20) ?? '…'}]`;
    return this.guarded(node, this.step(this.evaluate(node.object), key, label, node));
  }

  private identifierValue(id: TSESTree.Identifier): TrackedValue {
    const variable = variableFor(this.context, id);
    if (!variable || variable.defs.length === 0) {
      return SAFE_GLOBALS.has(id.name) ? SAFE : UNKNOWN;
    }
    return this.guarded(id, this.variableValue(variable));
  }

  private variableValue(variable: TSESLint.Scope.Variable): TrackedValue {
    const memo = this.varMemo.get(variable);
    if (memo) {
      return memo;
    }
    if (this.busy.has(variable)) {
      return UNKNOWN;
    }
    this.busy.add(variable);
    let val: TrackedValue;
    try {
      const vals: TrackedValue[] = variable.defs.map((def) => this.definitionValue(def));
      for (const ref of variable.references) {
        if (ref.isWrite() && !ref.init) {
          vals.push(this.writeValue(ref));
        }
      }
      val = vals.length === 1 ? vals[0]! : this.combine(vals);
    } finally {
      this.busy.delete(variable);
    }
    this.varMemo.set(variable, val);
    return val;
  }

  private definitionValue(def: TSESLint.Scope.Definition): TrackedValue {
    switch (def.type) {
      case 'ImportBinding':
        return SAFE; // module code and constants, never request data
      case 'Parameter':
        return this.parameterValue(def.node as FunctionLike, def.name as TSESTree.Identifier);
      case 'Variable': {
        const declarator = def.node as TSESTree.VariableDeclarator;
        if (declarator.init) {
          return this.patternValue(this.evaluate(declarator.init), declarator.id, def.name);
        }
        const loop = declarator.parent.parent;
        if (
          (loop?.type === AST_NODE_TYPES.ForOfStatement || loop?.type === AST_NODE_TYPES.ForInStatement) &&
          loop.left === declarator.parent
        ) {
          return this.loopValue(loop, declarator.id, def.name);
        }
        return SAFE; // `let x;` alone: undefined until written (writes are added separately)
      }
      default:
        return UNKNOWN;
    }
  }

  private loopValue(loop: TSESTree.ForOfStatement | TSESTree.ForInStatement, pattern: TSESTree.Node, id: TSESTree.Node): TrackedValue {
    const right = this.evaluate(loop.right);
    if (loop.type === AST_NODE_TYPES.ForInStatement) {
      return right.kind === 'input' ? { ...right, path: false } : this.finalize(right).kind === 'unknown' ? UNKNOWN : SAFE;
    }
    return this.patternValue(this.step(right, null, '[…]', loop.right), pattern, id);
  }

  private writeValue(ref: TSESLint.Scope.Reference): TrackedValue {
    const parent = ref.identifier.parent;
    if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === ref.identifier) {
      return this.evaluate(parent);
    }
    if (parent?.type === AST_NODE_TYPES.UpdateExpression) {
      return SAFE;
    }
    const writeExpr = ref.writeExpr as TSESTree.Node | null | undefined;
    const holder = writeExpr?.parent;
    if (holder?.type === AST_NODE_TYPES.AssignmentExpression && writeExpr) {
      return this.patternValue(this.evaluate(writeExpr), holder.left, ref.identifier);
    }
    if ((holder?.type === AST_NODE_TYPES.ForOfStatement || holder?.type === AST_NODE_TYPES.ForInStatement) && holder.right === writeExpr) {
      return this.loopValue(holder, holder.left, ref.identifier);
    }
    return UNKNOWN;
  }

  /** The value bound to `id` when `val` is destructured by `pattern`. */
  private patternValue(val: TrackedValue, pattern: TSESTree.Node, id: TSESTree.Node): TrackedValue {
    const found = patternSteps(this.context, pattern, id);
    if (!found) {
      return UNKNOWN;
    }
    let current = val;
    for (const s of found.steps) {
      current = this.step(current, s.key, s.label, id);
    }
    return found.defaults.length === 0 ? current : this.combine([current, ...found.defaults.map((d) => this.evaluate(d))]);
  }

  private parameterValue(fn: FunctionLike, id: TSESTree.Identifier): TrackedValue {
    const index = fn.params.findIndex((p) => p.range[0] <= id.range[0] && id.range[1] <= p.range[1]);
    const param = fn.params[index];
    if (!param) {
      return UNKNOWN;
    }
    const role = getParamRole(this.context, fn, index);
    if (role?.role.kind === 'request') {
      const root = param.type === AST_NODE_TYPES.Identifier ? param.name : '';
      return this.patternValue({ kind: 'request', shape: role.role.shape, desc: root, framework: role.framework }, param, id);
    }
    if (role?.role.kind === 'input') {
      const origin = { description: role.role.description, framework: role.framework, node: param, falseConfidence: [] };
      return this.patternValue({ kind: 'input', origin, path: false }, param, id);
    }
    if (role) {
      return UNKNOWN;
    }
    // `req.files.forEach((file) => …)`: the callback receives elements of the receiver.
    const call = fn.parent;
    if (call.type === AST_NODE_TYPES.CallExpression && call.arguments[0] === fn && call.callee.type === AST_NODE_TYPES.MemberExpression) {
      const method = memberKey(this.context, call.callee);
      if (method !== null && ITERATION_METHODS.get(method) === index) {
        const receiver = this.evaluate(call.callee.object);
        if (receiver.kind === 'input') {
          return this.patternValue(method === 'then' ? receiver : this.step(receiver, null, '[…]', param), param, id);
        }
      }
    }
    return this.helperParameterValue(fn, index, param, id);
  }

  /** A parameter of a local helper: the values its callers in this file pass. */
  private helperParameterValue(fn: FunctionLike, index: number, param: TSESTree.Parameter, id: TSESTree.Identifier): TrackedValue {
    const calls = localCallSites(this.context, fn);
    if (calls.length === 0 || this.helperDepth >= 4) {
      return UNKNOWN;
    }
    this.helperDepth++;
    try {
      const vals = calls.map((call): TrackedValue => {
        const spreadAt = call.arguments.findIndex((a) => a.type === AST_NODE_TYPES.SpreadElement);
        if (spreadAt !== -1 && spreadAt <= index) {
          return this.evaluate((call.arguments[spreadAt] as TSESTree.SpreadElement).argument);
        }
        const arg = call.arguments[index];
        return arg ? this.evaluate(arg) : SAFE;
      });
      return this.patternValue(this.combine(vals), param, id);
    } finally {
      this.helperDepth--;
    }
  }

  private callValue(call: TSESTree.CallExpression): TrackedValue {
    const callee = skipTsWrappers(call.callee);
    const target = resolveCallTarget(this.context, callee);
    if (matchesSpec(this.context, this.sanitizers, callee, target)) {
      return SAFE;
    }
    const text = () => shortText(this.context, call) ?? `${shortText(this.context, callee, 40) ?? 'call'}()`;
    if (matchesSpec(this.context, this.sources, callee, target)) {
      return { kind: 'input', origin: { description: text(), framework: 'custom', node: call, falseConfidence: [] }, path: true };
    }
    if (target) {
      const framework = inputCallFramework(target);
      if (framework) {
        return { kind: 'input', origin: { description: text(), framework, node: call, falseConfidence: [] }, path: true };
      }
      const key = targetKey(target);
      const pathFn = pathFunctionName(target);
      if (SAFE_CALLS.has(key) || (pathFn !== null && PATH_SANITIZERS.has(pathFn))) {
        return SAFE;
      }
      if (pathFn !== null && PATH_PROPAGATORS.has(pathFn)) {
        const val = this.combine(this.argValues(call.arguments));
        return val.kind === 'input' && FALSE_CONFIDENCE_PATH.has(pathFn) ? { ...val, origin: withNotes(val.origin, [`path.${pathFn}()`]) } : val;
      }
      if (PROPAGATING_CALLS.has(key)) {
        return this.combine(this.argValues(call.arguments));
      }
      if (target.module === 'valibot' && (target.path[0] === 'parse' || target.path[0] === 'safeParse' || target.path[0] === 'parseAsync')) {
        const input = call.arguments[1] ? this.finalize(this.evaluate(call.arguments[1])) : SAFE;
        return input.kind === 'input'
          ? { kind: 'schema-result', schema: call.arguments[0] ?? null, keys: [], wrapped: target.path[0] === 'safeParse', origin: input.origin }
          : input;
      }
    }
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      return this.methodValue(call, callee, text);
    }
    const fn = resolveFunction(this.context, callee);
    if (fn) {
      return this.returnValue(fn);
    }
    return target?.module ? SAFE : UNKNOWN;
  }

  private methodValue(call: TSESTree.CallExpression, callee: TSESTree.MemberExpression, text: () => string): TrackedValue {
    const method = memberKey(this.context, callee);
    const receiver = this.evaluate(callee.object);
    if (receiver.kind === 'request') {
      const found = method !== null && receiver.shape.methods && Object.hasOwn(receiver.shape.methods, method) ? receiver.shape.methods[method] : undefined;
      if (found === 'input') {
        return { kind: 'input', origin: { description: text(), framework: receiver.framework, node: call, falseConfidence: [] }, path: true };
      }
      return found ? { kind: 'request', shape: found, desc: text(), framework: receiver.framework } : UNKNOWN;
    }
    if (method !== null && NON_PATH_METHODS.has(method)) {
      return SAFE;
    }
    const resolved = this.finalize(receiver);
    if (resolved.kind === 'input') {
      if (method === 'replace' || method === 'replaceAll') {
        return this.replaceValue(call, resolved);
      }
      return { kind: 'input', origin: resolved.origin, path: false };
    }
    if (method !== null && (PARSE_METHODS.has(method) || SAFE_PARSE_METHODS.has(method))) {
      const input = call.arguments[0] ? this.finalize(this.evaluate(call.arguments[0])) : SAFE;
      if (input.kind === 'input') {
        return { kind: 'schema-result', schema: callee.object, keys: [], wrapped: SAFE_PARSE_METHODS.has(method), origin: input.origin };
      }
    }
    if (method !== null && MIXING_METHODS.has(method)) {
      return this.combine([resolved, ...this.argValues(call.arguments)]);
    }
    if (resolved.kind === 'safe') {
      return this.combine(this.argValues(call.arguments)).kind === 'input' ? UNKNOWN : SAFE;
    }
    return UNKNOWN;
  }

  /** `x.replace(…)`: a character allow-list strips traversal; removing `..` does not. */
  private replaceValue(call: TSESTree.CallExpression, receiver: TrackedValue & { kind: 'input' }): TrackedValue {
    const [pattern, replacement] = call.arguments;
    const regex = pattern ? regexOf(this.context, pattern) : null;
    const replacementText = replacement ? getStringIfConstant(replacement as never, scopeOf(this.context, call) as never) : null;
    if (regex?.flags.includes('g') && replacementText !== null && !/[./\\]/u.test(replacementText)) {
      const negated = /^\[\^((?:\\.|[^\]\\])*)\][+*]?$/u.exec(regex.pattern);
      // `/[^a-z0-9_-]/g`: everything but the listed characters goes; safe when `.`, `/`, `\` are not listed.
      if (negated && !/\.|\/|\\\\|\\W|\\S|\\D/u.test(negated[1]!)) {
        return SAFE;
      }
    }
    const literal = pattern ? getStringIfConstant(pattern as never, scopeOf(this.context, call) as never) : null;
    if ((literal?.includes('..') ?? false) || (regex?.pattern.includes('\\.\\.') ?? false)) {
      const method = (call.callee as TSESTree.MemberExpression).property;
      const label = `${shortText(this.context, method, 20) ?? 'replace'}(${shortText(this.context, pattern!, 20) ?? '…'}, …)`;
      return { kind: 'input', origin: withNotes(receiver.origin, [label]), path: false };
    }
    return { kind: 'input', origin: receiver.origin, path: false };
  }

  /** What a local function returns, over every `return` (context-insensitive). */
  private returnValue(fn: FunctionLike): TrackedValue {
    const memo = this.returnMemo.get(fn);
    if (memo) {
      return memo;
    }
    if (this.busy.has(fn)) {
      return UNKNOWN;
    }
    this.busy.add(fn);
    let val: TrackedValue;
    try {
      if (fn.body.type !== AST_NODE_TYPES.BlockStatement) {
        val = this.finalize(this.evaluate(fn.body));
      } else {
        const returns: TrackedValue[] = [];
        this.collectReturns(fn.body, returns);
        val = this.combine(returns);
      }
    } finally {
      this.busy.delete(fn);
    }
    this.returnMemo.set(fn, val);
    return val;
  }

  private collectReturns(node: TSESTree.Node, out: TrackedValue[]): void {
    if (node.type === AST_NODE_TYPES.ReturnStatement) {
      out.push(node.argument ? this.evaluate(node.argument) : SAFE);
      return;
    }
    const keys = this.context.sourceCode.visitorKeys[node.type] ?? [];
    for (const key of keys) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const item of Array.isArray(child) ? child : [child]) {
        if (item && typeof item === 'object' && 'type' in item && !isFunctionLike(item as TSESTree.Node) && !String((item as TSESTree.Node).type).endsWith('Expression')) {
          this.collectReturns(item as TSESTree.Node, out);
        }
      }
    }
  }

  /** Whether a schema constrains the value at `keys` to a fixed alphabet or set (zod, valibot, yup). */
  private schemaConstrains(schema: TSESTree.Node | null, keys: readonly string[], depth: number): boolean {
    if (!schema || depth > 12) {
      return false;
    }
    const node = dereference(this.context, schema);
    if (keys.length > 0) {
      const shape = this.objectShape(node, depth);
      const prop = shape?.properties.find(
        (p): p is TSESTree.Property =>
          p.type === AST_NODE_TYPES.Property &&
          ((p.key.type === AST_NODE_TYPES.Identifier && !p.computed && p.key.name === keys[0]) ||
            (p.key.type === AST_NODE_TYPES.Literal && String(p.key.value) === keys[0])),
      );
      return prop ? this.schemaConstrains(prop.value, keys.slice(1), depth + 1) : false;
    }
    if (node.type === AST_NODE_TYPES.CallExpression) {
      const callee = skipTsWrappers(node.callee);
      const name =
        callee.type === AST_NODE_TYPES.MemberExpression
          ? memberKey(this.context, callee)
          : callee.type === AST_NODE_TYPES.Identifier
            ? callee.name
            : null;
      if (name !== null && CONSTRAINING_SCHEMA_CALLS.has(name)) {
        return true;
      }
      if (name === 'pipe' && node.arguments.some((a) => this.schemaConstrains(a, [], depth + 1))) {
        return true;
      }
      return callee.type === AST_NODE_TYPES.MemberExpression ? this.schemaConstrains(callee.object, [], depth + 1) : false;
    }
    if (node.type === AST_NODE_TYPES.MemberExpression) {
      return this.schemaConstrains(node.object, [], depth + 1);
    }
    return false;
  }

  private objectShape(node: TSESTree.Node, depth: number): TSESTree.ObjectExpression | null {
    if (depth > 12 || node.type !== AST_NODE_TYPES.CallExpression) {
      return null;
    }
    const callee = skipTsWrappers(node.callee);
    const name =
      callee.type === AST_NODE_TYPES.MemberExpression
        ? memberKey(this.context, callee)
        : callee.type === AST_NODE_TYPES.Identifier
          ? callee.name
          : null;
    const arg = node.arguments[0] ? dereference(this.context, node.arguments[0]) : null;
    if (name !== null && OBJECT_SCHEMA_CALLS.has(name) && arg?.type === AST_NODE_TYPES.ObjectExpression) {
      return arg;
    }
    return callee.type === AST_NODE_TYPES.MemberExpression ? this.objectShape(dereference(this.context, callee.object), depth + 1) : null;
  }
}

const ANALYZERS_KEY = perFileKey<Map<string, RequestInputAnalyzer>>('analyzers');

/** The memoised analyzer of this file for the settings' vocabulary plus `options`. */
export function getRequestInputAnalyzer(context: FileContext, options: RequestInputOptions = {}): RequestInputAnalyzer {
  const settings = getSettings(context).requestInput;
  const sources = [...settings.sources, ...(options.sources ?? [])];
  const sanitizers = [...settings.sanitizers, ...(options.sanitizers ?? [])];
  const key = JSON.stringify([sources, sanitizers]);
  const byKey = perFile(context, ANALYZERS_KEY, () => new Map());
  let analyzer = byKey.get(key);
  if (!analyzer) {
    analyzer = new RequestInputAnalyzer(context, sources.map(parseNameSpec), sanitizers.map(parseNameSpec));
    byKey.set(key, analyzer);
  }
  return analyzer;
}

/**
 * Classifies an expression as request input (with its origin), proven safe, or unknown.
 * @example classifyRequestInput(context, pathArg) // `path.join(DIR, req.params.name)` -> { kind: 'input', origin: { description: 'req.params.name', … } }
 */
export function classifyRequestInput(context: FileContext, node: TSESTree.Node, options?: RequestInputOptions): InputClassification {
  return getRequestInputAnalyzer(context, options).classify(node);
}

/**
 * Where a remote client's data in `node` comes from, or `null` when the tracker cannot
 * trace it to request input. Uses the project's `settings['agent-guard'].requestInput`.
 * @example getRequestInputOrigin(context, sqlArg) // `` `… ${req.query.id}` `` -> { description: 'req.query.id', framework: 'express', … }
 */
export function getRequestInputOrigin(context: FileContext, node: TSESTree.Node): RequestInputOrigin | null {
  const result = classifyRequestInput(context, node);
  return result.kind === 'input' ? result.origin : null;
}
