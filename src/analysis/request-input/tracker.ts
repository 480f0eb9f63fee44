import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { BindingValues } from './bindings';
import { CallValues } from './call-values';
import { resolveCallTarget } from '../../core/modules';
import { configKey, perConfiguration } from '../../core/settings';
import { compileNameSpecs } from '../../core/name-specs';
import type { NameSpecList } from '../../core/name-specs';
import { MAX_DEPTH, PRIME_DEPTH, spineChild } from './deep-expressions';
import { isValidatedDtoProperty } from './dto-validation';
import { isGuardedSafe } from './guards';
import { pathFunctionName } from './path-functions';
import type { InputClassifier } from './guards';
import { PROPAGATING_CONSTRUCTORS } from './propagation';
import { matchesSpec } from './sanitizers';
import { schemaConstrains } from './schemas';
import { listingStep } from './listings';
import { archiveCallValue, archiveStep, clientBytes, opensArchives } from './archives';
import { provenConstant } from './lookups';
import { Uploads } from './uploads';
import { keyLabel, SAFE, shortText, targetKey, UNKNOWN, withNotes } from './values';
import type { InputClassification, RequestInputOptions, RequestInputOrigin, SeededRole, TrackedValue, ValuePurpose, ValueTracker } from './values';
import type { FunctionLike } from '../../core/functions';
import { memberName } from '../../core/ast';
import { skipTsWrappers, staticValue } from '../../core/static';
import { perFile, perFileKey } from '../../core/context';
import type { FileContext } from '../../core/context';

export type { InputClassification, RequestInputOptions, RequestInputOrigin, ValuePurpose } from './values';

/**
 * Answers "is this expression request input, and from where?" for one file. Intra-procedural
 * and flow-insensitive, with two refinements: arguments are followed into local helper
 * functions, and guards that dominate a use (early return/throw, enclosing `if`) sanitise it.
 * One instance per Program and vocabulary; every answer is memoised.
 */
export class RequestInputAnalyzer implements InputClassifier, ValueTracker {
  private readonly nodeMemo = new Map<TSESTree.Node, TrackedValue>();
  /** The shell's quoting after each link of a `+` chain read as command text (`quotesAfter`). */
  private readonly quoteMemo = new WeakMap<TSESTree.Node, ShellQuotes>();
  /** Which interpolations of a template stand inside single quotes (`singleQuotedParts`). */
  private readonly templateQuotes = new WeakMap<TSESTree.TemplateLiteral, boolean[]>();
  private readonly busy = new Set<TSESTree.Node>();
  private readonly bindings = new BindingValues(this);
  private readonly calls = new CallValues(this);
  /** Nested `evaluate` calls in progress (bounded by {@link MAX_DEPTH}). */
  private depth = 0;
  private uploadsMemo: Uploads | undefined;

  constructor(
    readonly context: FileContext,
    readonly sources: NameSpecList,
    readonly sanitizers: NameSpecList,
    /** Roles given to parameters from outside the file (a function of another file followed from its caller). */
    private readonly seeds?: ReadonlyMap<FunctionLike, readonly (SeededRole | undefined)[]>,
    readonly purpose: ValuePurpose = 'path',
  ) {}

  /** Upload libraries' knowledge, with storage callbacks read by analyzers seeded with their parameters. */
  get uploads(): Uploads {
    this.uploadsMemo ??= new Uploads(this.context, (seeds) => new RequestInputAnalyzer(this.context, this.sources, this.sanitizers, seeds, this.purpose));
    return this.uploadsMemo;
  }

  readonly seededClassifier?: (file: FileContext, seeds: ReadonlyMap<FunctionLike, readonly (SeededRole | undefined)[]>) => RequestInputAnalyzer = (file, seeds) =>
    new RequestInputAnalyzer(file, this.sources, this.sanitizers, seeds, this.purpose);

  seededRole(fn: FunctionLike, index: number): SeededRole | undefined {
    return this.seeds?.get(fn)?.[index];
  }

  classify(node: TSESTree.Node): InputClassification {
    const val = this.finalize(this.evaluate(node));
    if (val.kind === 'input') {
      return { kind: 'input', origin: val.origin };
    }
    return val.kind === 'safe' ? { kind: 'safe' } : { kind: 'unknown' };
  }

  /** Where the bytes of `node` come from when the client sent them (an upload's content, the body), else `null`. */
  clientBytes(node: TSESTree.Node): RequestInputOrigin | null {
    return clientBytes(this, node);
  }

  /**
   * The path argument of `receiver.method(…)` when the receiver holds uploaded files that the
   * method writes to a path (express-fileupload's `req.files.doc.mv(path)`), or `null`.
   */
  uploadWriteArgument(receiver: TSESTree.Node, method: string): number | null {
    return this.uploads.writeArgument(this.evaluate(receiver), method);
  }

  /** Whether the argument of a sanitiser-shaped call is user-configured as sanitising. */
  isConfiguredSanitizer(callee: TSESTree.Node): boolean {
    return matchesSpec(this.sanitizers, callee, resolveCallTarget(this.context, callee));
  }

  /** A value as used: request objects are not themselves strings; schema results resolve. */
  finalize(val: TrackedValue): TrackedValue {
    if (val.kind === 'request') {
      return UNKNOWN;
    }
    if (val.kind === 'upload') {
      return { kind: 'input', origin: val.origin, path: false };
    }
    if (val.kind === 'listing' || val.kind === 'client-bytes' || val.kind === 'archive') {
      return SAFE; // names from the server's disk; bytes, an archive or an entry are not a path
    }
    if (val.kind === 'schema-result') {
      if (schemaConstrains(this.context, val.schema, val.keys, 0, this.purpose)) {
        return SAFE;
      }
      // Named by the keys read from the result: `input.container`, not `input`.
      const description = `${val.origin.description}${val.keys.map(keyLabel).join('')}`;
      return { kind: 'input', origin: val.keys.length > 0 ? { ...val.origin, description } : val.origin, path: false };
    }
    return val;
  }

  combine(vals: readonly TrackedValue[]): TrackedValue {
    let tainted: TrackedValue | null = null;
    const notes: string[] = [];
    let unknown = false;
    // Escaped for single quotes only while every input part is (`escaped ?? ''`, not `escaped + raw`).
    let quoted = true;
    for (const raw of vals) {
      const val = this.finalize(raw);
      if (val.kind === 'input') {
        tainted ??= val;
        quoted &&= val.quoted === 'single';
        notes.push(...val.origin.falseConfidence);
      } else if (val.kind === 'unknown') {
        unknown = true;
      }
    }
    if (tainted?.kind === 'input') {
      const origin = withNotes(tainted.origin, notes);
      return quoted ? { kind: 'input', origin, path: false, quoted: 'single' } : { kind: 'input', origin, path: false };
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
        return this.combine(node.expressions.map((e, index) => this.templatePart(node, index, this.evaluate(e))));
      case AST_NODE_TYPES.Identifier:
        return this.bindings.identifierValue(node);
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
        return this.calls.callValue(node);
      case AST_NODE_TYPES.NewExpression: {
        const target = resolveCallTarget(this.context, node.callee);
        if (!target) {
          return UNKNOWN;
        }
        const key = targetKey(target);
        if (PROPAGATING_CONSTRUCTORS.has(key)) {
          return this.combine(this.argValues(node.arguments));
        }
        return (opensArchives(this.context) ? archiveCallValue(this, key, node) : null) ?? UNKNOWN;
      }
      case AST_NODE_TYPES.BinaryExpression:
        if (node.operator !== '+') {
          return SAFE;
        }
        return this.concatenation(node);
      case AST_NODE_TYPES.LogicalExpression:
        return this.combine([this.evaluate(node.left), this.evaluate(node.right)]);
      case AST_NODE_TYPES.ConditionalExpression:
        return this.conditionalValue(node);
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

  /**
   * A template's `index`th value as part of the text: input escaped for single quotes is safe in a
   * command line where it stands inside single quotes (`` `grep -F '${escaped}'` ``), and only there.
   */
  private templatePart(template: TSESTree.TemplateLiteral, index: number, value: TrackedValue): TrackedValue {
    if (this.purpose !== 'command' || value.kind !== 'input' || value.quoted !== 'single') {
      return value;
    }
    let inside = this.templateQuotes.get(template);
    if (!inside) {
      inside = singleQuotedParts(template);
      this.templateQuotes.set(template, inside);
    }
    if (inside[index] === true) {
      return SAFE;
    }
    return { kind: 'input', origin: value.origin, path: false };
  }

  /**
   * `a + b`. For a command, input escaped for single quotes on the right is safe where the text
   * before it in the chain leaves a single quote open (`"echo '" + escaped + "' >> log"`).
   */
  private concatenation(node: TSESTree.BinaryExpression): TrackedValue {
    const left = this.evaluate(node.left);
    const right = this.evaluate(node.right);
    if (this.purpose !== 'command' || right.kind !== 'input' || right.quoted !== 'single') {
      return this.combine([left, right]);
    }
    return this.combine([left, this.quotesAfter(node.left).single ? SAFE : { kind: 'input', origin: right.origin, path: false }]);
  }

  /**
   * The shell's quoting after the text of `node`, a `+` chain read left to right (only string
   * constants are read). Memoised per chain link and computed without recursion, so that every link
   * of a 10,000-term chain asking costs one step.
   */
  private quotesAfter(node: TSESTree.Node): ShellQuotes {
    const links: TSESTree.BinaryExpression[] = [];
    let current: TSESTree.Node = node;
    while (current.type === AST_NODE_TYPES.BinaryExpression && current.operator === '+' && !this.quoteMemo.has(current)) {
      links.push(current);
      current = current.left;
    }
    let quotes = this.quoteMemo.get(current) ?? this.readOperand({ single: false, double: false }, current);
    for (let index = links.length - 1; index >= 0; index--) {
      quotes = this.readOperand({ ...quotes }, links[index]!.right);
      this.quoteMemo.set(links[index]!, quotes);
    }
    return quotes;
  }

  /** `quotes` after a chain operand: a string constant is read, anything else leaves them as they are. */
  private readOperand(quotes: ShellQuotes, operand: TSESTree.Node): ShellQuotes {
    const plain = skipTsWrappers(operand);
    const text = plain.type === AST_NODE_TYPES.Literal || plain.type === AST_NODE_TYPES.TemplateLiteral || plain.type === AST_NODE_TYPES.Identifier ? staticValue(this.context, plain)?.value : undefined;
    if (typeof text === 'string') {
      readShellText(text, quotes);
    }
    return quotes;
  }

  /**
   * `ALLOWED.includes(x) ? x : 'jpg'`: each branch under the guards of the test (identifiers and
   * member reads have them already; a call such as `ext(x)` too), and a value the constant-value
   * engine proves constant (`x in TYPES ? x : 'bin'`) is safe. A request-controlled fallback stays input.
   */
  private conditionalValue(node: TSESTree.ConditionalExpression): TrackedValue {
    const branch = (expression: TSESTree.Expression): TrackedValue => {
      const value = this.evaluate(expression);
      const plain = skipTsWrappers(expression);
      return plain.type === AST_NODE_TYPES.Identifier || plain.type === AST_NODE_TYPES.MemberExpression ? value : this.guarded(expression, value);
    };
    const value = this.combine([branch(node.consequent), branch(node.alternate)]);
    return value.kind === 'input' && provenConstant(this.context, node) ? SAFE : value;
  }

  argValues(args: readonly (TSESTree.Expression | TSESTree.SpreadElement)[]): TrackedValue[] {
    return args.map((a) => (a.type === AST_NODE_TYPES.SpreadElement ? this.evaluate(a.argument) : this.evaluate(a)));
  }

  /** Applies the result of guards dominating `ref` to a tainted value. */
  guarded(ref: TSESTree.Node, val: TrackedValue): TrackedValue {
    if (val.kind !== 'input') {
      return val;
    }
    const notes: string[] = [];
    if (isGuardedSafe(this, ref, notes) || isValidatedDtoProperty(this.context, ref, this.purpose)) {
      return SAFE;
    }
    return notes.length > 0 ? { ...val, origin: withNotes(val.origin, notes) } : val;
  }

  /** A property read (`key`, or `null` when computed and unknown) on a value. */
  step(val: TrackedValue, key: string | null, label: string, node: TSESTree.Node): TrackedValue {
    switch (val.kind) {
      case 'request': {
        const found = key !== null && val.shape.properties && Object.hasOwn(val.shape.properties, key) ? val.shape.properties[key] : undefined;
        const desc = val.desc ? `${val.desc}${label}` : label.replace(/^\./u, '');
        if (found === 'input') {
          const origin = { description: desc, framework: val.framework, node, falseConfidence: [] };
          // tRPC's `input`, validated by the procedure's `.input(schema)`: safe where the schema constrains it.
          const schema = key !== null && val.schemas && Object.hasOwn(val.schemas, key) ? val.schemas[key]! : null;
          if (schema) {
            return { kind: 'schema-result', schema, keys: [], wrapped: false, origin };
          }
          const files = key === 'file' || key === 'files' ? this.uploads.requestFiles(origin, node, key) : null;
          return files ?? { kind: 'input', origin, path: true };
        }
        return found ? { kind: 'request', shape: found, desc, framework: val.framework } : UNKNOWN;
      }
      case 'input':
        if (key === 'length') {
          return SAFE;
        }
        return val.path ? { kind: 'input', origin: { ...val.origin, description: `${val.origin.description}${label}` }, path: true } : val;
      case 'upload':
        return this.uploads.step(val, key, label, node);
      case 'listing':
        return listingStep(val, key);
      case 'archive':
        return archiveStep(val, key, node, this.context);
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
    const key = memberName(this.context, node);
    // path.parse(x).base / .name / .ext hold no directory part.
    if (
      this.purpose === 'path' &&
      object.type === AST_NODE_TYPES.CallExpression &&
      (key === 'base' || key === 'name' || key === 'ext') &&
      pathFunctionName(resolveCallTarget(this.context, object.callee)) === 'parse'
    ) {
      return SAFE;
    }
    const label = key !== null ? keyLabel(key) : `[${shortText(this.context, node.property, 20) ?? '…'}]`;
    return this.guarded(node, this.step(this.evaluate(node.object), key, label, node));
  }

}

/** The configured sources and sanitisers (settings plus the rule's options), parsed once per configuration. */
const LISTS = configKey<{ readonly sources: NameSpecList; readonly sanitizers: NameSpecList }>('request-input lists');
/** The configured sources and sanitisers for `options`, parsed once per configuration. */
export function requestInputLists(context: FileContext, options: RequestInputOptions = NO_OPTIONS): { readonly sources: NameSpecList; readonly sanitizers: NameSpecList } {
  return perConfiguration(context, options, LISTS, (settings) => ({
    sources: compileNameSpecs([...settings.requestInput.sources, ...(options.sources ?? [])]),
    sanitizers: compileNameSpecs([...settings.requestInput.sanitizers, ...(options.sanitizers ?? [])]),
  }));
}

/** Per file: one analyzer per vocabulary. */
const ANALYZERS_KEY = perFileKey<Map<object, RequestInputAnalyzer>>('request-input analyzers');
const NO_OPTIONS: RequestInputOptions = Object.freeze({});

/** The memoised analyzer of this file for the settings' vocabulary plus `options`. */
export function getRequestInputAnalyzer(context: FileContext, options: RequestInputOptions = NO_OPTIONS): RequestInputAnalyzer {
  const lists = requestInputLists(context, options);
  const byLists = perFile(context, ANALYZERS_KEY, () => new Map());
  let analyzer = byLists.get(lists);
  if (!analyzer) {
    analyzer = new RequestInputAnalyzer(context, lists.sources, lists.sanitizers, undefined, options.purpose);
    byLists.set(lists, analyzer);
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

/** Where a POSIX shell is in its quoting after some text. */
interface ShellQuotes {
  single: boolean;
  double: boolean;
}

/**
 * Reads `text` as a shell does for quoting: `'` opens and closes outside double quotes, `"` likewise
 * outside single quotes, and a backslash outside single quotes escapes the next character.
 */
function readShellText(text: string, quotes: ShellQuotes): void {
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quotes.single) {
      quotes.single = char !== "'";
    } else if (char === '\\') {
      i += 1;
    } else if (char === "'" && !quotes.double) {
      quotes.single = true;
    } else if (char === '"') {
      quotes.double = !quotes.double;
    }
  }
}

/**
 * For each interpolation of a template, whether it stands inside single quotes for a POSIX shell,
 * reading the code's text before it (what earlier interpolations hold is not read). From a part
 * with an invalid escape (no cooked text) on, `false`. One pass over the template.
 */
function singleQuotedParts(template: TSESTree.TemplateLiteral): boolean[] {
  const quotes: ShellQuotes = { single: false, double: false };
  const inside: boolean[] = [];
  for (let part = 0; part < template.expressions.length; part++) {
    const text = template.quasis[part]?.value.cooked;
    if (typeof text !== 'string') {
      break;
    }
    readShellText(text, quotes);
    inside.push(quotes.single);
  }
  return inside;
}
