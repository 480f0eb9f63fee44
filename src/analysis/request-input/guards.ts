import { getStringIfConstant } from '@eslint-community/eslint-utils';
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { memberName } from '../../core/ast';
import { resolveCallTarget } from '../../core/modules';
import { isConstantKeyed } from './lookups';
import { pathFunctionName } from './path-functions';
import { isAllowListRegex, isShellSafeRegex, regexOf } from './regexes';
import { resolveConstInit, unwrapExpression } from '../../core/static';
import { alwaysExits } from '../../core/control-flow';
import { scopeOf } from '../../core/variable-index';
import type { FileContext } from '../../core/context';
import { conditionProves } from '../../core/guards';

/** Validation libraries' predicates whose `true` means a fixed alphabet (`validator.isUUID(x)`). */
const VALIDATOR_NAMES = /^is(?:UUID|Uuid|Alphanumeric|Numeric|Int|Alpha|Hexadecimal|MongoId|Slug|Integer|SafeInteger)$/u;
const ASSERT_CALLEES = new Set(['assert', 'assert.ok', 'assert.strict', 'invariant']);
/** Calls that decode a string (`%2e%2e` becomes `..`), keyed like CallTarget. */
const DECODERS = new Set(['#decodeURIComponent', '#decodeURI', '#unescape', 'querystring#unescape']);
/** Containment predicates from npm, keyed like CallTarget (`module#path`). */
const CONTAINMENT_CALLS = new Set(['is-path-inside#', 'path-is-inside#']);

/** Compact texts by node: a guard compares the same tests with every use it judges. */
const compactTexts = new WeakMap<TSESTree.Node, string>();

function compactText(context: FileContext, node: TSESTree.Node): string {
  const inner = unwrapExpression(node);
  let text = compactTexts.get(inner);
  if (text === undefined) {
    text = context.sourceCode.getText(inner).replace(/\s+/gu, '');
    compactTexts.set(inner, text);
  }
  return text;
}

/**
 * Enclosing conditions and statement lists looked at above a use (the nearest first). Real handlers
 * nest a few dozen deep; a generated 3,000-deep `?:` chain would otherwise cost each of its 3,000
 * values 3,000 checks. A check further out than this is not seen.
 */
const MAX_GUARD_HOPS = 64;

/** Ancestors where a guard can apply: a branch, a short-circuit, or a statement list. */
const GUARD_PARENTS = new Set<string>([
  AST_NODE_TYPES.IfStatement,
  AST_NODE_TYPES.ConditionalExpression,
  AST_NODE_TYPES.LogicalExpression,
  AST_NODE_TYPES.SwitchCase,
  AST_NODE_TYPES.BlockStatement,
  AST_NODE_TYPES.Program,
  AST_NODE_TYPES.StaticBlock,
]);

/** The nearest guard-relevant ancestor of a node and its child on the way (`null` at the root). */
interface Hop {
  readonly parent: TSESTree.Node;
  readonly child: TSESTree.Node;
}

/** Memo of {@link guardHop}; nodes without a guard parent share their parent's hop. */
const hops = new WeakMap<TSESTree.Node, Hop | null>();

/**
 * The next ancestor `holds()` has to look at, skipping the others (member chains, calls,
 * operators). Memoised per node, so the walks from every use in a file are linear together
 * instead of one walk to the root per use.
 */
function guardHop(node: TSESTree.Node): Hop | null {
  const pending: TSESTree.Node[] = [];
  let current = node;
  let result: Hop | null;
  for (;;) {
    const cached = hops.get(current);
    if (cached !== undefined) {
      result = cached;
      break;
    }
    pending.push(current);
    const parent = current.parent;
    if (!parent) {
      result = null;
      break;
    }
    if (GUARD_PARENTS.has(parent.type)) {
      result = { parent, child: current };
      break;
    }
    current = parent;
  }
  for (const n of pending) {
    hops.set(n, result);
  }
  return result;
}

/** Memo of {@link guardStatements}, keyed by the statement list. */
const guardLists = new WeakMap<readonly TSESTree.Node[], readonly TSESTree.Node[]>();

/**
 * The statements of a list that can guard what follows them, in order: an `if` with a branch
 * that always exits, or an `assert(…)` call. Computed once per list, so a use deep in a long
 * file or block does not re-scan every earlier statement.
 */
function guardStatements(context: FileContext, list: readonly TSESTree.Node[]): readonly TSESTree.Node[] {
  let found = guardLists.get(list);
  if (!found) {
    found = list.filter((statement) => {
      if (statement.type === AST_NODE_TYPES.IfStatement) {
        return alwaysExits(statement.consequent) || (statement.alternate !== null && alwaysExits(statement.alternate));
      }
      if (statement.type === AST_NODE_TYPES.ExpressionStatement) {
        const expr = unwrapExpression(statement.expression);
        return expr.type === AST_NODE_TYPES.CallExpression && expr.arguments[0] !== undefined && ASSERT_CALLEES.has(compactText(context, expr.callee));
      }
      return false;
    });
    guardLists.set(list, found);
  }
  return found;
}

/**
 * What the guards need of the request-input tracker: its file, the classification of a
 * checked expression, and the configured sanitisers. `RequestInputAnalyzer` implements it.
 */
export interface InputClassifier {
  readonly context: FileContext;
  /** `command`: path containment checks (`startsWith(root + sep)`, no `..`) do not make a value safe. */
  readonly purpose?: 'path' | 'command';
  classify(node: TSESTree.Node): { readonly kind: string };
  isConfiguredSanitizer(callee: TSESTree.Node): boolean;
}

/**
 * Decides whether the guards around one use of a value make it safe. Guards count when
 * they dominate the use in the obvious forms: an earlier `if (…) return/throw/continue`
 * in an enclosing block, an enclosing `if`/`?:`/`&&` branch that passed the check, or an
 * `assert(…)` statement. Checks that only look like sanitisers are recorded in `notes`.
 */
class Guards {
  constructor(
    private readonly analyzer: InputClassifier,
    private readonly ref: TSESTree.Node,
    private readonly notes: string[],
  ) {}

  private get context(): FileContext {
    return this.analyzer.context;
  }

  private text(node: TSESTree.Node): string {
    return compactText(this.context, node);
  }

  /** The used expression's text, computed on the first comparison. */
  private refText: string | null = null;

  /** The checked expression is the used one (same code). */
  private same(node: TSESTree.Node | undefined): boolean {
    if (node === undefined || node.type === AST_NODE_TYPES.SpreadElement) {
      return false;
    }
    // Code of two node types never reads the same: no text is built for most comparisons (the
    // used value is often a large expression, the checked one a name).
    if (unwrapExpression(node).type !== unwrapExpression(this.ref).type) {
      return false;
    }
    this.refText ??= this.text(this.ref);
    return this.text(node) === this.refText;
  }

  private safe(node: TSESTree.Node): boolean {
    return !this.same(node) && this.analyzer.classify(node).kind === 'safe';
  }

  private notInput(node: TSESTree.Node): boolean {
    return !this.same(node) && this.analyzer.classify(node).kind !== 'input';
  }

  private note(label: string): void {
    if (!this.notes.includes(label)) {
      this.notes.push(label);
    }
  }

  holds(): boolean {
    let hops = 0;
    for (let hop = guardHop(this.ref); hop && hops < MAX_GUARD_HOPS; hop = guardHop(hop.parent), hops++) {
      const { parent, child } = hop;
      switch (parent.type) {
        case AST_NODE_TYPES.IfStatement:
        case AST_NODE_TYPES.ConditionalExpression:
          if ((child === parent.consequent && this.accepts(parent.test, true)) || (child === parent.alternate && this.accepts(parent.test, false))) {
            return true;
          }
          break;
        case AST_NODE_TYPES.LogicalExpression:
          if (child === parent.right && parent.operator !== '??' && this.accepts(parent.left, parent.operator === '&&')) {
            return true;
          }
          break;
        case AST_NODE_TYPES.SwitchCase:
          // switch (name) { case 'a.txt': … }: inside a case whose test is a constant.
          if (parent.test && this.same(parent.parent.discriminant) && this.safe(parent.test)) {
            return true;
          }
          if (this.listGuards(parent.consequent, child)) {
            return true;
          }
          break;
        case AST_NODE_TYPES.BlockStatement:
        case AST_NODE_TYPES.Program:
        case AST_NODE_TYPES.StaticBlock:
          if (this.listGuards(parent.body, child)) {
            return true;
          }
          break;
        default:
          break;
      }
    }
    return false;
  }

  /** Guard statements before `child` in a statement list. */
  private listGuards(list: readonly TSESTree.Node[], child: TSESTree.Node): boolean {
    for (const statement of guardStatements(this.context, list)) {
      if (statement.range[0] >= child.range[0]) {
        return false;
      }
      if (this.statementGuards(statement)) {
        return true;
      }
    }
    return false;
  }

  private statementGuards(statement: TSESTree.Node): boolean {
    if (statement.type === AST_NODE_TYPES.IfStatement) {
      return (
        (alwaysExits(statement.consequent) && this.accepts(statement.test, false)) ||
        (statement.alternate !== null && alwaysExits(statement.alternate) && this.accepts(statement.test, true))
      );
    }
    if (statement.type === AST_NODE_TYPES.ExpressionStatement) {
      const expr = unwrapExpression(statement.expression);
      if (expr.type === AST_NODE_TYPES.CallExpression && expr.arguments[0] && ASSERT_CALLEES.has(this.text(expr.callee))) {
        return this.accepts(expr.arguments[0], true);
      }
    }
    return false;
  }

  /** Whether `test` evaluating to `polarity` proves the used value safe. */
  private accepts(test: TSESTree.Node, polarity: boolean, depth = 0): boolean {
    return conditionProves(test, polarity, (t, p) => {
      if (t.type === AST_NODE_TYPES.Identifier && depth < 3 && !this.same(t)) {
        // const inside = resolved.startsWith(root + path.sep); if (!inside) return …
        const init = resolveConstInit(this.context, t);
        return init !== null && this.accepts(init, p, depth + 1);
      }
      return p ? this.safeIfTrue(t) : this.safeIfFalse(t);
    });
  }

  private safeIfTrue(t: TSESTree.Node): boolean {
    if (t.type === AST_NODE_TYPES.MemberExpression) {
      // const entry = FILES[key]; if (!entry) return …: a hit in a table with constant keys.
      return t.computed && this.same(t.property) && isConstantKeyed(this.context, t.object, 'index');
    }
    if (t.type === AST_NODE_TYPES.CallExpression) {
      const callee = unwrapExpression(t.callee);
      const [first, second] = t.arguments;
      if (callee.type === AST_NODE_TYPES.MemberExpression) {
        const method = memberName(this.context, callee);
        const object = callee.object;
        if ((method === 'includes' || method === 'has' || method === 'hasOwnProperty') && this.same(first) && this.notInput(object)) {
          return true; // ALLOWED.includes(name), allowed.has(name)
        }
        if (method === 'get' && this.same(first) && isConstantKeyed(this.context, object, 'get')) {
          return true; // const entry = FILES.get(key); if (!entry) return …
        }
        if (method === 'test' && this.same(first)) {
          const regex = regexOf(this.context, object);
          return regex !== null && this.allowListRegex(regex.pattern);
        }
        if (method === 'match' && this.same(object) && first) {
          const regex = regexOf(this.context, first);
          return regex !== null && this.allowListRegex(regex.pattern);
        }
        if (method === 'startsWith' && this.same(object) && first && this.analyzer.purpose !== 'command') {
          if (this.endsWithSeparator(first, 0)) {
            return true;
          }
          this.note('startsWith() without a trailing separator');
          return false;
        }
      }
      const target = resolveCallTarget(this.context, callee);
      const key = target ? `${target.module ?? ''}#${target.path.join('.')}` : '';
      if (CONTAINMENT_CALLS.has(key) && this.same(first) && this.analyzer.purpose !== 'command') {
        return true; // isPathInside(resolved, root)
      }
      if (key === '#Object.hasOwn' && this.same(second)) {
        return true;
      }
      const name = callee.type === AST_NODE_TYPES.MemberExpression ? memberName(this.context, callee) : callee.type === AST_NODE_TYPES.Identifier ? callee.name : null;
      if (name !== null && VALIDATOR_NAMES.test(name) && this.same(first)) {
        return true;
      }
      return t.arguments.some((a) => this.same(a)) && this.analyzer.isConfiguredSanitizer(callee);
    }
    if (t.type === AST_NODE_TYPES.BinaryExpression) {
      if (t.operator === '===' || t.operator === '==') {
        if ((this.same(t.left) && this.safe(t.right)) || (this.same(t.right) && this.safe(t.left))) {
          return true; // name === 'report.pdf'
        }
        const indexOf = this.indexOfCall(t.left);
        if (indexOf && this.same(indexOf.object) && isLiteral(t.right, 0)) {
          if (indexOf.arg && this.analyzer.purpose !== 'command' && this.endsWithSeparator(indexOf.arg, 0)) {
            return true;
          }
          this.note('indexOf() === 0 without a trailing separator');
        }
        return false;
      }
      if (t.operator === 'in') {
        return this.same(t.left) && this.notInput(t.right);
      }
      return this.isMembership(t, false);
    }
    return false;
  }

  private safeIfFalse(t: TSESTree.Node): boolean {
    if (t.type === AST_NODE_TYPES.CallExpression && this.analyzer.purpose !== 'command') {
      const callee = unwrapExpression(t.callee);
      const first = t.arguments[0];
      if (callee.type === AST_NODE_TYPES.MemberExpression) {
        const method = memberName(this.context, callee);
        const literal = first ? getStringIfConstant(first as never, scopeOf(this.context, t) as never) : null;
        if (method === 'startsWith' && literal?.startsWith('..') && this.isRelativeOfUse(callee.object)) {
          return true; // path.relative(root, resolved).startsWith('..')
        }
        if (method === 'includes' && (literal === '/' || literal === '\\') && this.same(callee.object) && this.decoderAround() === null) {
          return true; // a name without a separator is one segment, as `path.basename()` leaves it
        }
        if (method === 'includes' && literal?.includes('..') && (this.same(callee.object) || this.isSplitOfUse(callee.object))) {
          return this.rejectsDotDot(`includes('${literal}') check`);
        }
        if (method === 'startsWith' && literal?.startsWith('..') && this.same(callee.object)) {
          return this.rejectsDotDot(`startsWith('${literal}') check`);
        }
        if (method === 'test' && this.same(first)) {
          const regex = regexOf(this.context, callee.object);
          if (regex?.pattern.includes('\\.\\.')) {
            return this.rejectsDotDot(`/${regex.pattern}/ test`);
          }
        }
      }
      return false;
    }
    if (t.type === AST_NODE_TYPES.BinaryExpression) {
      const indexOf = this.indexOfCall(t.left);
      if (t.operator === '!==' || t.operator === '!=') {
        if ((this.same(t.left) && this.safe(t.right)) || (this.same(t.right) && this.safe(t.left))) {
          return true;
        }
        if (indexOf && this.same(indexOf.object) && isLiteral(t.right, 0)) {
          if (indexOf.arg && this.analyzer.purpose !== 'command' && this.endsWithSeparator(indexOf.arg, 0)) {
            return true; // p.indexOf(root + sep) !== 0 -> reject
          }
          this.note('indexOf() === 0 without a trailing separator');
          return false;
        }
      }
      if (indexOf && this.same(indexOf.object) && indexOf.arg) {
        const literal = getStringIfConstant(indexOf.arg as never, scopeOf(this.context, t) as never);
        if (literal?.includes('..')) {
          this.note(`indexOf('${literal}') check`);
          return false;
        }
      }
      return this.isMembership(t, true);
    }
    return false;
  }

  /** An anchored allow-list pattern; for a command, one whose matches are a single shell word. */
  private allowListRegex(pattern: string): boolean {
    return isAllowListRegex(pattern) && (this.analyzer.purpose !== 'command' || isShellSafeRegex(pattern));
  }

  /** `ALLOWED.indexOf(x) !== -1` (or, negated, `=== -1`). */
  private isMembership(t: TSESTree.BinaryExpression, negated: boolean): boolean {
    const indexOf = this.indexOfCall(t.left);
    if (!indexOf || !this.same(indexOf.arg) || !this.notInput(indexOf.object)) {
      return false;
    }
    const value = isLiteral(t.right, -1) ? '-1' : isLiteral(t.right, 0) ? '0' : null;
    const forms = negated ? ['===-1', '==-1', '<0'] : ['!==-1', '!=-1', '>-1', '>=0'];
    return value !== null && forms.includes(`${t.operator}${value}`);
  }

  private indexOfCall(node: TSESTree.Node): { object: TSESTree.Node; arg: TSESTree.Node | undefined } | null {
    const n = unwrapExpression(node);
    if (n.type === AST_NODE_TYPES.CallExpression) {
      const callee = unwrapExpression(n.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression && memberName(this.context, callee) === 'indexOf') {
        return { object: callee.object, arg: n.arguments[0] };
      }
    }
    return null;
  }

  /**
   * A rejected `..` (`includes('..')`, `split(sep).includes('..')`, `startsWith('..')`) proves the
   * use safe when the used value was normalised (`path.normalize`) and stripped of leading
   * separators, and is not decoded after the check; otherwise the check is noted as one that
   * looks like a sanitiser.
   */
  private rejectsDotDot(label: string): boolean {
    const decoder = this.decoderAround();
    if (decoder === null && this.isNormalizedRelative()) {
      return true;
    }
    this.note(decoder === null ? label : `${label} before ${decoder}()`);
    return false;
  }

  /** `x.split(path.sep)`, `x.split('/')` of the used value. */
  private isSplitOfUse(node: TSESTree.Node): boolean {
    const n = unwrapExpression(node);
    return (
      n.type === AST_NODE_TYPES.CallExpression &&
      n.callee.type === AST_NODE_TYPES.MemberExpression &&
      memberName(this.context, n.callee) === 'split' &&
      this.same(n.callee.object)
    );
  }

  /** The decoding call (`decodeURIComponent`) the use sits in, within its expression, or `null`. */
  private decoderAround(): string | null {
    for (let node: TSESTree.Node = this.ref; node.parent && !isStatementLike(node.parent); node = node.parent) {
      const parent = node.parent;
      if (parent.type === AST_NODE_TYPES.CallExpression && parent.callee !== node) {
        const target = resolveCallTarget(this.context, parent.callee);
        const key = target ? `${target.module ?? ''}#${target.path.join('.')}` : '';
        if (DECODERS.has(key)) {
          return target!.path.join('.');
        }
      }
    }
    return null;
  }

  /**
   * The used value (a `const`'s initialiser) is `path.normalize(…)` with leading separators
   * stripped (`.replace(/^[/\\]+/, '')`, before or after normalising): what is left of `..` can
   * only be a segment of its own, and the value is relative.
   */
  private isNormalizedRelative(): boolean {
    let node = unwrapExpression(this.ref);
    for (let hop = 0; node.type === AST_NODE_TYPES.Identifier && hop < 3; hop++) {
      const init = resolveConstInit(this.context, node);
      if (!init) {
        return false;
      }
      node = unwrapExpression(init);
    }
    let normalized = false;
    let stripped = false;
    for (let current: TSESTree.Node | undefined = node, depth = 0; current && depth < 8; depth++) {
      const n: TSESTree.Node = unwrapExpression(current);
      if (n.type !== AST_NODE_TYPES.CallExpression) {
        break;
      }
      if (pathFunctionName(resolveCallTarget(this.context, n.callee)) === 'normalize') {
        normalized = true;
        current = n.arguments[0];
      } else if (n.callee.type === AST_NODE_TYPES.MemberExpression) {
        const method = memberName(this.context, n.callee);
        if ((method === 'replace' || method === 'replaceAll') && n.arguments[0] && this.stripsLeadingSeparator(n.arguments[0], n.arguments[1])) {
          stripped = true;
        }
        current = n.callee.object;
      } else {
        break;
      }
    }
    return normalized && stripped;
  }

  /** `.replace(/^[/\\]+/, '')`: a pattern that removes the leading `/` of `/etc/passwd`. */
  private stripsLeadingSeparator(pattern: TSESTree.Node, replacement: TSESTree.Node | undefined): boolean {
    const regex = regexOf(this.context, pattern);
    const text = replacement ? getStringIfConstant(replacement as never, scopeOf(this.context, replacement) as never) : null;
    if (!regex?.pattern.startsWith('^') || text !== '') {
      return false;
    }
    try {
      const re = new RegExp(regex.pattern, regex.flags.replace(/[gy]/gu, ''));
      return ['/etc/passwd', '//etc/passwd'].every((sample) => {
        const match = re.exec(sample);
        return match !== null && sample.slice(match[0].length).startsWith('etc');
      });
    } catch {
      return false;
    }
  }

  /** `rel` (or the inline call) is `path.relative(root, <the used value>)`. */
  private isRelativeOfUse(node: TSESTree.Node): boolean {
    let n = unwrapExpression(node);
    if (n.type === AST_NODE_TYPES.Identifier) {
      n = resolveConstInit(this.context, n) ?? n;
    }
    n = unwrapExpression(n);
    return (
      n.type === AST_NODE_TYPES.CallExpression &&
      pathFunctionName(resolveCallTarget(this.context, n.callee)) === 'relative' &&
      this.same(n.arguments[1])
    );
  }

  /** `root + path.sep`, `root + '/'`, `` `${root}/` ``, or a constant ending in `/`. */
  private endsWithSeparator(node: TSESTree.Node, depth: number): boolean {
    const n = unwrapExpression(node);
    if (depth > 4) {
      return false;
    }
    switch (n.type) {
      case AST_NODE_TYPES.Literal:
        return typeof n.value === 'string' && /[/\\]$/u.test(n.value);
      case AST_NODE_TYPES.BinaryExpression:
        return n.operator === '+' && this.endsWithSeparator(n.right, depth + 1);
      case AST_NODE_TYPES.TemplateLiteral: {
        const tail = n.quasis.at(-1)?.value.cooked ?? '';
        const last = n.expressions.at(-1);
        return tail !== '' ? /[/\\]$/u.test(tail) : last !== undefined && this.endsWithSeparator(last, depth + 1);
      }
      case AST_NODE_TYPES.MemberExpression:
        return memberName(this.context, n) === 'sep';
      case AST_NODE_TYPES.Identifier: {
        const init = resolveConstInit(this.context, n);
        return init !== null && this.endsWithSeparator(init, depth + 1);
      }
      default:
        return false;
    }
  }
}

/** Where an expression ends: a statement, a declaration, a function. */
function isStatementLike(node: TSESTree.Node): boolean {
  return node.type.endsWith('Statement') || node.type.endsWith('Declaration') || node.type.includes('Function') || node.type === AST_NODE_TYPES.Program;
}

function isLiteral(node: TSESTree.Node, value: number): boolean {
  const n = unwrapExpression(node);
  if (n.type === AST_NODE_TYPES.Literal) {
    return n.value === value;
  }
  return (
    value < 0 &&
    n.type === AST_NODE_TYPES.UnaryExpression &&
    n.operator === '-' &&
    n.argument.type === AST_NODE_TYPES.Literal &&
    n.argument.value === -value
  );
}

/**
 * Whether the guards dominating `ref` (a use of a request-derived value) make it safe.
 * @example if (!/^[\w-]+$/.test(name)) return; fs.readFile(name) // the `name` use is guarded
 */
export function isGuardedSafe(analyzer: InputClassifier, ref: TSESTree.Node, notes: string[]): boolean {
  return new Guards(analyzer, ref, notes).holds();
}
