import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { callSitesOf } from '../../core/functions';
import { getParamRole } from '../../frameworks/registry';
import { listingCallbackValue } from './listings';
import { archiveCallbackValue, entryName, opensArchives } from './archives';
import { patternSteps } from './patterns';
import { ITERATION_METHODS, SAFE_GLOBALS } from './propagation';
import { SAFE, UNKNOWN } from './values';
import type { TrackedValue, ValueTracker } from './values';
import { laterWrites, methodCallsOn, variableFor } from '../../core/variable-index';
import { provenConstant } from './lookups';
import { memberName } from '../../core/ast';
import type { FunctionLike } from '../../core/functions';

/** Array methods that add their arguments to the array. */
const GROWING_METHODS = ['push', 'unshift'];

/**
 * The values of names: every definition and write of a variable (declarations, destructuring,
 * `for…of`, reassignments), framework handler parameters by role, callback elements, and
 * local helper parameters through their call sites in the file. Memoised per variable.
 */
export class BindingValues {
  private readonly varMemo = new Map<TSESLint.Scope.Variable, TrackedValue>();
  private readonly busy = new Set<TSESLint.Scope.Variable>();
  private helperDepth = 0;

  constructor(private readonly tracker: ValueTracker) {}

  identifierValue(id: TSESTree.Identifier): TrackedValue {
    const variable = variableFor(this.tracker.context, id);
    if (!variable || variable.defs.length === 0) {
      return SAFE_GLOBALS.has(id.name) ? SAFE : this.implicitGlobalValue(id);
    }
    const value = this.tracker.guarded(id, this.variableValue(variable));
    // let ext = req.query.ext; if (!ALLOWED.includes(ext)) ext = 'jpg': what the writes and checks on
    // the way to this use leave, followed by the constant-value engine (only for reassigned input).
    return value.kind === 'input' && laterWrites(variable).length > 0 && provenConstant(this.tracker.context, id) ? SAFE : value;
  }

  /** Per file: the writes of each undeclared name (`filePath = dir + name` in sloppy CommonJS), grouped once. */
  private implicitWrites: Map<string, TSESLint.Scope.Reference[]> | undefined;
  private readonly implicitBusy = new Set<string>();

  /**
   * An undeclared name that the file assigns (`filePath = …` without `let`: an implicit global in
   * sloppy code): what its writes hold, or unknown. The unresolved references are grouped once per file.
   */
  private implicitGlobalValue(id: TSESTree.Identifier): TrackedValue {
    if (!this.implicitWrites) {
      this.implicitWrites = new Map();
      for (const ref of this.tracker.context.sourceCode.scopeManager?.globalScope?.through ?? []) {
        if (ref.isWrite() && ref.identifier.type === AST_NODE_TYPES.Identifier) {
          const list = this.implicitWrites.get(ref.identifier.name) ?? [];
          list.push(ref);
          this.implicitWrites.set(ref.identifier.name, list);
        }
      }
    }
    const writes = this.implicitWrites.get(id.name);
    if (!writes || this.implicitBusy.has(id.name)) {
      return UNKNOWN;
    }
    this.implicitBusy.add(id.name);
    try {
      const values = writes.map((ref) => this.writeValue(ref));
      return this.tracker.guarded(id, values.length === 1 ? values[0]! : this.tracker.combine(values));
    } finally {
      this.implicitBusy.delete(id.name);
    }
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
      // `let file;` alone holds nothing until written: only its writes count (`file = req.files.doc`).
      const vals: TrackedValue[] = variable.defs.flatMap((def) => (isBareDeclaration(def) ? [] : [this.definitionValue(def)]));
      for (const ref of variable.references) {
        if (ref.isWrite() && !ref.init) {
          vals.push(this.writeValue(ref));
        }
      }
      // `found.push(path.join(dir, entry))`: an array holds what is pushed into it.
      for (const { call } of methodCallsOn(variable, GROWING_METHODS)) {
        vals.push(...this.tracker.argValues(call.arguments));
      }
      val = vals.length === 0 ? SAFE : vals.length === 1 ? vals[0]! : this.tracker.combine(vals);
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
          return this.patternValue(this.tracker.evaluate(declarator.init), declarator.id, def.name);
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
    const right = this.tracker.evaluate(loop.right);
    if (loop.type === AST_NODE_TYPES.ForInStatement) {
      if (right.kind === 'upload') {
        return { kind: 'input', origin: right.origin, path: false }; // the field names of `req.files`
      }
      if (right.kind === 'archive' && right.part === 'map') {
        return entryName(right, pattern, this.tracker.context); // `for (const name in zip.files)`
      }
      return right.kind === 'input' ? { ...right, path: false } : this.tracker.finalize(right).kind === 'unknown' ? UNKNOWN : SAFE;
    }
    return this.patternValue(this.tracker.step(right, null, '[…]', loop.right), pattern, id);
  }

  private writeValue(ref: TSESLint.Scope.Reference): TrackedValue {
    const parent = ref.identifier.parent;
    if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === ref.identifier) {
      return this.tracker.evaluate(parent);
    }
    if (parent?.type === AST_NODE_TYPES.UpdateExpression) {
      return SAFE;
    }
    const writeExpr = ref.writeExpr as TSESTree.Node | null | undefined;
    const holder = writeExpr?.parent;
    if (holder?.type === AST_NODE_TYPES.AssignmentExpression && writeExpr) {
      return this.patternValue(this.tracker.evaluate(writeExpr), holder.left, ref.identifier);
    }
    if ((holder?.type === AST_NODE_TYPES.ForOfStatement || holder?.type === AST_NODE_TYPES.ForInStatement) && holder.right === writeExpr) {
      return this.loopValue(holder, holder.left, ref.identifier);
    }
    return UNKNOWN;
  }

  /** The value bound to `id` when `val` is destructured by `pattern`. */
  patternValue(val: TrackedValue, pattern: TSESTree.Node, id: TSESTree.Node): TrackedValue {
    const found = patternSteps(this.tracker.context, pattern, id);
    if (!found) {
      return UNKNOWN;
    }
    let current = val;
    for (const s of found.steps) {
      current = this.tracker.step(current, s.key, s.label, id);
    }
    return found.defaults.length === 0 ? current : this.tracker.combine([current, ...found.defaults.map((d) => this.tracker.evaluate(d))]);
  }

  private parameterValue(fn: FunctionLike, id: TSESTree.Identifier): TrackedValue {
    const index = fn.params.findIndex((p) => p.range[0] <= id.range[0] && id.range[1] <= p.range[1]);
    const param = fn.params[index];
    if (!param) {
      return UNKNOWN;
    }
    const role = this.tracker.seededRole?.(fn, index) ?? getParamRole(this.tracker.context, fn, index);
    if (role?.role.kind === 'request') {
      const root = param.type === AST_NODE_TYPES.Identifier ? param.name : '';
      return this.patternValue({ kind: 'request', shape: role.role.shape, desc: root, framework: role.framework, schemas: role.role.schemas }, param, id);
    }
    if (role?.role.kind === 'input') {
      const origin = { description: role.role.description, framework: role.framework, node: param, falseConfidence: [] };
      const files = this.tracker.uploads.decoratedFiles(fn, param, origin);
      return this.patternValue(files ?? { kind: 'input', origin, path: false }, param, id);
    }
    if (role) {
      return UNKNOWN;
    }
    // `req.files.forEach((file) => …)`: the callback receives elements of the receiver.
    const call = fn.parent;
    if (call.type === AST_NODE_TYPES.CallExpression && call.arguments[0] === fn && call.callee.type === AST_NODE_TYPES.MemberExpression) {
      const method = memberName(this.tracker.context, call.callee);
      if (method !== null && ITERATION_METHODS.get(method) === index) {
        const receiver = this.tracker.evaluate(call.callee.object);
        if (receiver.kind === 'input' || receiver.kind === 'upload' || receiver.kind === 'listing' || (receiver.kind === 'archive' && (method === 'then' || (receiver.part !== undefined && receiver.part !== 'entry')))) {
          return this.patternValue(method === 'then' ? receiver : this.tracker.step(receiver, null, '[…]', param), param, id);
        }
      }
    }
    const library =
      this.tracker.uploads.callbackParameter(fn, index, param) ??
      listingCallbackValue(this.tracker, fn, index) ??
      (opensArchives(this.tracker.context) ? archiveCallbackValue(this.tracker, fn, index, param) : null);
    if (library) {
      return this.patternValue(library, param, id);
    }
    return this.helperParameterValue(fn, index, param, id);
  }

  /**
   * A parameter of a local helper, or of a method of a class of the file (`this.lookup(host)`, a
   * service injected into a controller: `this.dns.lookup(host)`): the values its callers in this file pass.
   */
  private helperParameterValue(fn: FunctionLike, index: number, param: TSESTree.Parameter, id: TSESTree.Identifier): TrackedValue {
    // Recursive calls (`walk(full, out)` inside `walk`) pass on what the outer calls gave: left out,
    // they would only meet the parameter being evaluated and leave what they touch unknown.
    const calls = callSitesOf(this.tracker.context, fn).filter((call) => call.range[0] < fn.range[0] || call.range[1] > fn.range[1]);
    if (calls.length === 0 || this.helperDepth >= 4) {
      return UNKNOWN;
    }
    this.helperDepth++;
    try {
      const vals = calls.map((call): TrackedValue => {
        const spreadAt = call.arguments.findIndex((a) => a.type === AST_NODE_TYPES.SpreadElement);
        if (spreadAt !== -1 && spreadAt <= index) {
          return this.tracker.evaluate((call.arguments[spreadAt] as TSESTree.SpreadElement).argument);
        }
        const arg = call.arguments[index];
        return arg ? this.tracker.evaluate(arg) : SAFE;
      });
      // Uploaded files (or a listing) handed on whole keep what the library says of their parts:
      // `validateFile(files.file[0])` reading `file.filepath` reads the server's temp path.
      const first = vals[0]!;
      const whole = (first.kind === 'upload' || first.kind === 'listing') && vals.every((val) => sameCarrier(val, first));
      return this.patternValue(whole ? first : this.tracker.combine(vals), param, id);
    } finally {
      this.helperDepth--;
    }
  }
}

/** Whether two values are the same uploads (one library, named alike) or both listings. */
function sameCarrier(val: TrackedValue, other: TrackedValue): boolean {
  if (val.kind === 'upload' && other.kind === 'upload') {
    return val.library === other.library && val.clientNamed === other.clientNamed;
  }
  return val.kind === 'listing' && other.kind === 'listing';
}

/** `let x;` / `var x;` outside a loop head: undefined until written. */
function isBareDeclaration(def: TSESLint.Scope.Definition): boolean {
  if (def.type !== 'Variable') {
    return false;
  }
  const declarator = def.node as TSESTree.VariableDeclarator;
  const loop = declarator.parent.parent;
  const loopHead = (loop?.type === AST_NODE_TYPES.ForOfStatement || loop?.type === AST_NODE_TYPES.ForInStatement) && loop.left === declarator.parent;
  return declarator.init === null && declarator.id.type === AST_NODE_TYPES.Identifier && !loopHead;
}
