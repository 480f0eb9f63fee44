import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { calledMethod, isFunctionLike, resolveFunction } from '../../core/functions';
import { inputCallFramework } from '../../frameworks/registry';
import { resolveCallTarget } from '../../core/modules';
import { importedReturnedParameters } from './imported-returns';
import { pathFunctionName } from './path-functions';
import { listingValue } from './listings';
import { archiveCallValue, archiveCollectionCall, archiveMethodValue, opensArchives } from './archives';
import { FALSE_CONFIDENCE_PATH, MIXING_METHODS, NON_PATH_METHODS, PATH_PROPAGATORS, PROPAGATING_CALLS } from './propagation';
import { FILE_NAME_SANITIZERS, matchesSpec, PATH_SANITIZERS, replaceValue, SAFE_CALLS } from './sanitizers';
import { PARSE_METHODS, SAFE_PARSE_METHODS } from './schemas';
import { SAFE, shortText, targetKey, UNKNOWN, withNotes } from './values';
import type { TrackedValue, ValueTracker } from './values';
import { childNodes, memberName } from '../../core/ast';
import { dereference, skipTsWrappers } from '../../core/static';
import type { FunctionLike } from '../../core/functions';

/** Array methods whose result holds elements of the receiver (or the receiver's elements' elements). */
const SAME_ELEMENTS = new Set(['filter', 'slice', 'sort', 'toSorted', 'reverse', 'toReversed', 'concat', 'flat', 'find', 'findLast', 'at', 'values', 'splice']);
/** Propagating calls that copy a collection's elements: the copy holds the same files (or entries). */
const COLLECTION_COPIES = new Set(['#Object.values', '#Array.from', '#structuredClone']);

/**
 * The values of calls: configured sources and sanitisers, framework input calls, `path`
 * functions, propagating built-ins, schema parsing, methods on request objects and strings,
 * and the return values of local functions (memoised per function).
 */
export class CallValues {
  private readonly returnMemo = new Map<FunctionLike, TrackedValue>();
  private readonly busy = new Set<FunctionLike>();

  constructor(private readonly tracker: ValueTracker) {}

  callValue(call: TSESTree.CallExpression): TrackedValue {
    const callee = skipTsWrappers(call.callee);
    const target = resolveCallTarget(this.tracker.context, callee);
    if (matchesSpec(this.tracker.sanitizers, callee, target)) {
      return SAFE;
    }
    const text = () => shortText(this.tracker.context, call) ?? `${shortText(this.tracker.context, callee, 40) ?? 'call'}()`;
    if (matchesSpec(this.tracker.sources, callee, target)) {
      return { kind: 'input', origin: { description: text(), framework: 'custom', node: call, falseConfidence: [] }, path: true };
    }
    if (target) {
      const framework = inputCallFramework(target);
      if (framework) {
        return { kind: 'input', origin: { description: text(), framework, node: call, falseConfidence: [] }, path: true };
      }
      const key = targetKey(target);
      const pathFn = pathFunctionName(target);
      if (this.tracker.purpose === 'command' && (FILE_NAME_SANITIZERS.has(key) || (pathFn !== null && pathFn !== 'isAbsolute' && PATH_SANITIZERS.has(pathFn)))) {
        // A file name can still hold `;`, `$(…)`, spaces: carried through, named as the check it is not.
        const val = this.tracker.combine(this.tracker.argValues(call.arguments));
        return val.kind === 'input' ? { ...val, origin: withNotes(val.origin, [pathFn === null ? key.replace(/#$/u, '') : `path.${pathFn}()`]) } : val;
      }
      if (SAFE_CALLS.has(key) || (pathFn !== null && PATH_SANITIZERS.has(pathFn))) {
        return SAFE;
      }
      const listing = listingValue(this.tracker, key, call);
      if (listing) {
        return listing;
      }
      const archive = opensArchives(this.tracker.context) ? archiveCallValue(this.tracker, key, call) : null;
      if (archive) {
        return archive;
      }
      if (pathFn !== null && PATH_PROPAGATORS.has(pathFn)) {
        const val = this.tracker.combine(this.tracker.argValues(call.arguments));
        return val.kind === 'input' && FALSE_CONFIDENCE_PATH.has(pathFn) ? { ...val, origin: withNotes(val.origin, [`path.${pathFn}()`]) } : val;
      }
      if (PROPAGATING_CALLS.has(key)) {
        const [only] = call.arguments;
        // Object.values(req.files), Array.from(entries): still the files (or entries).
        const collection = call.arguments.length === 1 && only?.type !== AST_NODE_TYPES.SpreadElement && COLLECTION_COPIES.has(key) ? this.tracker.evaluate(only!) : null;
        if (collection?.kind === 'upload' || collection?.kind === 'listing') {
          return collection;
        }
        const entries = collection ?? (call.arguments.length === 1 && only?.type !== AST_NODE_TYPES.SpreadElement ? this.tracker.evaluate(only!) : null);
        const archive = entries && archiveCollectionCall(key, entries, call, this.tracker.context);
        if (archive) {
          return archive;
        }
        return this.tracker.combine(this.tracker.argValues(call.arguments));
      }
      if (target.module === 'valibot' && (target.path[0] === 'parse' || target.path[0] === 'safeParse' || target.path[0] === 'parseAsync')) {
        const input = call.arguments[1] ? this.tracker.finalize(this.tracker.evaluate(call.arguments[1])) : SAFE;
        return input.kind === 'input'
          ? { kind: 'schema-result', schema: call.arguments[0] ?? null, keys: [], wrapped: target.path[0] === 'safeParse', origin: input.origin }
          : input;
      }
    }
    const returned = this.importedReturnValue(call, callee);
    if (returned) {
      return returned;
    }
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      return this.methodValue(call, callee, text);
    }
    const fn = resolveFunction(this.tracker.context, callee);
    if (fn) {
      return this.returnValue(fn);
    }
    return target?.module ? SAFE : UNKNOWN;
  }

  /**
   * Request input that a function of another project file returns from its arguments
   * (`resolveUpload(req.params.name)` with `return path.join(DIR, name)` there), with the checks
   * it went through there; `null` when none flows.
   */
  private importedReturnValue(call: TSESTree.CallExpression, callee: TSESTree.Node): TrackedValue | null {
    const tracker = this.tracker;
    const { purpose, sources, sanitizers, seededClassifier } = tracker;
    if (!seededClassifier) {
      return null;
    }
    const params = importedReturnedParameters(tracker.context, callee, { purpose, sources, sanitizers, seededClassifier });
    const inputs: TrackedValue[] = [];
    for (const [index, param] of (params ?? []).entries()) {
      const arg = param ? call.arguments[index] : undefined;
      // An object handed to an untyped parameter is no text: which of its properties is returned is not known here.
      const value = arg && arg.type !== AST_NODE_TYPES.SpreadElement && dereference(tracker.context, arg).type !== AST_NODE_TYPES.ObjectExpression ? tracker.finalize(tracker.evaluate(arg)) : null;
      if (value?.kind === 'input') {
        inputs.push({ kind: 'input', origin: withNotes(value.origin, param!.notes), path: false });
      }
    }
    return inputs.length > 0 ? tracker.combine(inputs) : null;
  }

  private methodValue(call: TSESTree.CallExpression, callee: TSESTree.MemberExpression, text: () => string): TrackedValue {
    const method = memberName(this.tracker.context, callee);
    const receiver = this.tracker.evaluate(callee.object);
    const archive = method !== null && opensArchives(this.tracker.context) ? archiveMethodValue(this.tracker, call, method, receiver) : null;
    if (archive) {
      return archive;
    }
    if (receiver.kind === 'request') {
      const found = method !== null && receiver.shape.methods && Object.hasOwn(receiver.shape.methods, method) ? receiver.shape.methods[method] : undefined;
      if (found === 'input') {
        return { kind: 'input', origin: { description: text(), framework: receiver.framework, node: call, falseConfidence: [] }, path: true };
      }
      if (!found) {
        return this.tracker.uploads.requestMethod(method, receiver.framework, { description: text(), framework: receiver.framework, node: call, falseConfidence: [] }) ?? UNKNOWN;
      }
      return { kind: 'request', shape: found, desc: text(), framework: receiver.framework };
    }
    if (receiver.kind === 'upload' || receiver.kind === 'listing' || (receiver.kind === 'archive' && receiver.part === 'list')) {
      const collection = this.collectionMethod(call, method, receiver);
      if (collection) {
        return collection;
      }
    }
    if (method === 'parse' && call.arguments[0] && this.tracker.evaluate(call.arguments[0]).kind === 'request') {
      const parsed = this.tracker.uploads.parseResult(call, method);
      if (parsed) {
        return parsed;
      }
    }
    if (method !== null && NON_PATH_METHODS.has(method)) {
      return SAFE;
    }
    // A method of a class or object of the file (`files.resolvePath(name)`, `this.dns.lookup(host)`): what it returns.
    const local = calledMethod(this.tracker.context, callee);
    if (local) {
      return this.returnValue(local);
    }
    const resolved = this.tracker.finalize(receiver);
    if (resolved.kind === 'input') {
      if (method === 'replace' || method === 'replaceAll') {
        return replaceValue(this.tracker.context, call, resolved, this.tracker.purpose);
      }
      return { kind: 'input', origin: resolved.origin, path: false };
    }
    if (method !== null && (PARSE_METHODS.has(method) || SAFE_PARSE_METHODS.has(method))) {
      const input = call.arguments[0] ? this.tracker.finalize(this.tracker.evaluate(call.arguments[0])) : SAFE;
      if (input.kind === 'input') {
        return { kind: 'schema-result', schema: callee.object, keys: [], wrapped: SAFE_PARSE_METHODS.has(method), origin: input.origin };
      }
    }
    if (method !== null && MIXING_METHODS.has(method)) {
      return this.tracker.combine([resolved, ...this.tracker.argValues(call.arguments)]);
    }
    if (resolved.kind === 'safe') {
      return this.tracker.combine(this.tracker.argValues(call.arguments)).kind === 'input' ? UNKNOWN : SAFE;
    }
    return UNKNOWN;
  }
  /**
   * Array methods on uploaded files or listing entries: `map`/`flatMap` give what the callback
   * returns (`req.files.map((f) => f.path)`); `filter`, `slice`… give the same elements.
   */
  private collectionMethod(call: TSESTree.CallExpression, method: string | null, receiver: TrackedValue): TrackedValue | null {
    if (method === null) {
      return null;
    }
    if (SAME_ELEMENTS.has(method)) {
      return receiver;
    }
    const callback = call.arguments[0];
    if ((method === 'map' || method === 'flatMap') && callback && isFunctionLike(callback)) {
      return this.returnValue(callback);
    }
    return null;
  }

  /** What a local function returns, over every `return` (context-insensitive). */
  returnValue(fn: FunctionLike): TrackedValue {
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
        val = this.tracker.finalize(this.tracker.evaluate(fn.body));
      } else {
        const returns: TrackedValue[] = [];
        this.collectReturns(fn.body, returns);
        val = this.tracker.combine(returns);
      }
    } finally {
      this.busy.delete(fn);
    }
    this.returnMemo.set(fn, val);
    return val;
  }

  private collectReturns(node: TSESTree.Node, out: TrackedValue[]): void {
    if (node.type === AST_NODE_TYPES.ReturnStatement) {
      out.push(node.argument ? this.tracker.evaluate(node.argument) : SAFE);
      return;
    }
    for (const child of childNodes(this.tracker.context.sourceCode, node)) {
      if (!isFunctionLike(child) && !child.type.endsWith('Expression')) {
        this.collectReturns(child, out);
      }
    }
  }
}
