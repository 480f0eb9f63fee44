import { getStringIfConstant } from '@eslint-community/eslint-utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { pushChildNodes, memberName, patternPath } from '../../core/ast';
import { alwaysExits } from '../../core/control-flow';
import { conditionProves, createGuard } from '../../core/guards';
import { resolveCallTarget } from '../../core/modules';
import { matchNameSpec } from '../../core/name-specs';
import type { NameSpecList } from '../../core/name-specs';
import { staticValue, unwrapExpression } from '../../core/static';
import { constInitOf, laterWrites, scopeOf, variableFor } from '../../core/variable-index';
import { isFunctionLike, resolveFunction } from '../../core/functions';
import type { FunctionLike } from '../../core/functions';
import type { FileContext } from '../../core/context';
import {
  BROKEN_IP_CHECKS,
  DNS_LOOKUPS,
  FORMAT_CHECKS,
  IP_RANGE_CHECK,
  URL_CONSTRUCTORS,
  URL_HOST_PROPERTIES,
  URL_PARSE_CALLS,
  URL_PROTOCOL_PROPERTIES,
  URL_TEXT_PROPERTIES,
} from '../../data/ssrf';
import type { ControlledAuthority } from './authority';
import type { UrlInputAnalyzer } from './input';

/** What a checked expression is, seen from the URL of one request. */
type SubjectKind = 'host' | 'url' | 'protocol' | 'dns';

export interface HostCheckOptions {
  /** Blocklists of private hosts and addresses count as a check. */
  readonly acceptBlocklists: boolean;
  /** `http.urlValidators`. */
  readonly validators: NameSpecList;
}

/** The checks found before a request: `safe` when one confines its authority; `notes` name the ones that only look like it. */
export interface HostCheckVerdict {
  readonly safe: boolean;
  readonly notes: readonly string[];
}

const ASSERT_CALLEES = new Set(['assert', 'assert.ok', 'assert.strict', 'invariant']);
/** String methods that keep what a host is (`u.hostname.toLowerCase()`). */
const HOST_PRESERVING = new Set(['toLowerCase', 'toLocaleLowerCase', 'trim', 'normalize']);
/** A constant URL prefix that fixes the whole authority: scheme, `//`, host, and what ends it. */
const PREFIX_WITH_AUTHORITY = /^[a-z][a-z\d+.-]*:\/\/[^/?#\\@]+[/?#\\]/iu;
/** A constant that names a scheme and nothing more (`'https://'`, `'http'`). */
const SCHEME_ONLY = /^[a-z][a-z\d+.-]*(?::(?:\/\/?)?)?$/iu;
const SHORT = 48;
/** Where the blocklist note goes among the notes, filled in with every blocklist check at the end. */
const BLOCKLIST_NOTE = '\0blocklist';
const DNS_NOTE = '\0dns';

/**
 * Judges the checks before one request whose authority request input decides: the checks that
 * dominate the call (or the place the input enters the URL) and look at the same URL, or the host
 * of it. Allow-lists of hosts and origins (`ALLOWED.has(u.hostname)`, `===` chains, `switch`,
 * `endsWith('.a.com')`, anchored escaped regexes, `startsWith('https://a.com/')`), configured
 * validators and sanitisers confine it; blocklists, `ip.isPrivate`, DNS answers, protocol-only,
 * parse-only and substring checks are noted as false confidence.
 */
export function judgeHostChecks(
  context: FileContext,
  analyzer: UrlInputAnalyzer,
  call: TSESTree.Node,
  found: ControlledAuthority,
  options: HostCheckOptions,
): HostCheckVerdict {
  return new HostChecks(context, analyzer, found, options).judge(call);
}

class HostChecks {
  private readonly urlKeys = new Set<unknown>();
  private readonly hostKeys = new Set<unknown>();
  private readonly notes: string[] = [];
  /** Blocklist checks and checks of DNS answers, named together in one note each. */
  private readonly grouped = new Map<string, string[]>();
  /** The node whose guards are being read: checks after it do not guard it. */
  private current: TSESTree.Node | null = null;
  private readonly keyMemo = new Map<TSESTree.Node, ReadonlySet<unknown>>();

  constructor(
    private readonly context: FileContext,
    private readonly analyzer: UrlInputAnalyzer,
    private readonly found: ControlledAuthority,
    private readonly options: HostCheckOptions,
  ) {
    for (const node of found.urlChain) {
      for (const key of this.keysOf(node)) {
        this.urlKeys.add(key);
      }
    }
    if (found.position === 'authority') {
      for (const key of this.keysOf(found.subject)) {
        this.hostKeys.add(key);
      }
    } else {
      for (const key of this.keysOf(found.subject)) {
        this.urlKeys.add(key);
      }
    }
  }

  judge(call: TSESTree.Node): HostCheckVerdict {
    const guard = createGuard((test, branch) => this.holds(test, branch), {
      caseHolds: (switchCase) => switchCase.test !== null && this.isSubject(switchCase.parent.discriminant) && this.notInput(switchCase.test),
    });
    const at = (node: TSESTree.Node): boolean => {
      this.current = node;
      return guard(node);
    };
    // Where the value is checked: at the call, where the input enters the URL, and where the URL
    // passes on its way (a helper's `return u` after its checks), outside the call.
    const outside = (node: TSESTree.Node): boolean => node.range[0] < call.range[0] || node.range[1] > call.range[1];
    const points = [call, ...[this.found.subject, ...this.found.urlChain].filter(outside).slice(0, 8)];
    const safe = points.some((point) => at(point)) || points.some((point) => this.precedingStatements(point));
    const texts = (note: string): string => (this.grouped.get(note) ?? []).join(', ');
    const notes = this.notes.map((note) =>
      note === BLOCKLIST_NOTE
        ? `a blocklist (${texts(note)}): IPv6, decimal and octal forms, DNS names resolving inward and redirects get past it`
        : note === DNS_NOTE
          ? `a check of a DNS answer (${texts(note)}) that the request does not reuse: the name can resolve elsewhere when the request is sent (DNS rebinding)`
          : note,
    );
    return { safe, notes };
  }

  // ---- what a checked expression is ----

  /** Identity keys of a value: its variables and member texts, through constants, `new URL(x)`, `.href`, `String(x)`. */
  private keysOf(node: TSESTree.Node): ReadonlySet<unknown> {
    const memo = this.keyMemo.get(node);
    if (memo) {
      return memo;
    }
    const keys = new Set<unknown>();
    this.keyMemo.set(node, keys);
    let current: TSESTree.Node | null = node;
    for (let depth = 0; current && depth < 8; depth++) {
      const n: TSESTree.Node = unwrapExpression(current);
      current = null;
      switch (n.type) {
        case AST_NODE_TYPES.Identifier: {
          const variable = variableFor(this.context, n);
          if (variable) {
            keys.add(variable);
            current = constInitOf(this.context, n);
          }
          break;
        }
        case AST_NODE_TYPES.MemberExpression: {
          const name = memberName(this.context, n);
          if (name !== null && URL_TEXT_PROPERTIES.has(name)) {
            current = n.object;
          } else {
            keys.add(`text:${this.context.sourceCode.getText(n).replace(/\s+/gu, '')}`);
          }
          break;
        }
        case AST_NODE_TYPES.AwaitExpression:
          current = n.argument;
          break;
        case AST_NODE_TYPES.NewExpression:
          if (n.arguments.length === 1 && URL_CONSTRUCTORS.has(this.targetKey(n.callee))) {
            current = n.arguments[0]!;
          }
          break;
        case AST_NODE_TYPES.CallExpression: {
          const callee = unwrapExpression(n.callee);
          const key = this.targetKey(callee);
          if ((key === '#String' || URL_PARSE_CALLS.has(key)) && n.arguments[0]) {
            current = n.arguments[0];
          } else if (callee.type === AST_NODE_TYPES.MemberExpression && n.arguments.length === 0 && URL_TEXT_PROPERTIES.has(memberName(this.context, callee) ?? '')) {
            current = callee.object;
          }
          break;
        }
        default:
          break;
      }
    }
    return keys;
  }

  private intersects(keys: ReadonlySet<unknown>, of: ReadonlySet<unknown>): boolean {
    for (const key of keys) {
      if (of.has(key)) {
        return true;
      }
    }
    return false;
  }

  private targetKey(callee: TSESTree.Node): string {
    const target = resolveCallTarget(this.context, callee);
    return target ? `${target.module ?? ''}#${target.path.join('.')}` : '';
  }

  private isSubject(node: TSESTree.Node): boolean {
    const kind = this.kindOf(node);
    return kind === 'host' || kind === 'url';
  }

  /** What `node` is: the host (or origin) of the request's URL, the URL itself, its scheme, a DNS answer, or something else. */
  private kindOf(node: TSESTree.Node | undefined, depth = 0): SubjectKind | null {
    if (!node || node.type === AST_NODE_TYPES.SpreadElement || depth > 4) {
      return null;
    }
    const n = unwrapExpression(node);
    if (n.type === AST_NODE_TYPES.CallExpression && n.callee.type === AST_NODE_TYPES.MemberExpression && n.arguments.length === 0) {
      const method = memberName(this.context, n.callee);
      if (method !== null && HOST_PRESERVING.has(method)) {
        return this.kindOf(n.callee.object, depth + 1);
      }
    }
    if (n.type === AST_NODE_TYPES.MemberExpression) {
      const name = memberName(this.context, n);
      const ofUrl = name !== null && (URL_HOST_PROPERTIES.has(name) || URL_PROTOCOL_PROPERTIES.has(name)) && this.intersects(this.keysOf(n.object), this.urlKeys);
      if (ofUrl) {
        return URL_HOST_PROPERTIES.has(name) ? 'host' : 'protocol';
      }
      if (this.kindOf(n.object, depth + 1) === 'dns') {
        return 'dns'; // `answer.address`, `addresses[0]`
      }
    }
    if (n.type === AST_NODE_TYPES.Identifier) {
      const fromDefinition = this.definitionKind(n, depth);
      if (fromDefinition) {
        return fromDefinition;
      }
    }
    if (this.isDnsAnswer(n)) {
      return 'dns';
    }
    const keys = this.keysOf(n);
    if (this.intersects(keys, this.hostKeys)) {
      return 'host';
    }
    return this.intersects(keys, this.urlKeys) ? 'url' : null;
  }

  /** `const { hostname } = new URL(x)`, `const host = u.hostname`, `const { address } = await dns.promises.lookup(h)`. */
  private definitionKind(id: TSESTree.Identifier, depth: number): SubjectKind | null {
    const variable = variableFor(this.context, id);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (!variable || def?.type !== 'Variable') {
      return null;
    }
    // `let hostname; try { hostname = new URL(url).hostname } catch { return false }`: one write stands for the initialiser.
    const writes = laterWrites(variable);
    const assigned = !def.node.init && writes.length === 1 ? writes[0]!.identifier.parent : null;
    const init = def.node.init ?? (assigned?.type === AST_NODE_TYPES.AssignmentExpression && assigned.operator === '=' ? assigned.right : null);
    if (!init || (def.node.init && writes.length > 0)) {
      return null;
    }
    if (def.node.id.type === AST_NODE_TYPES.Identifier) {
      const n = unwrapExpression(init);
      return n.type === AST_NODE_TYPES.MemberExpression || n.type === AST_NODE_TYPES.CallExpression || n.type === AST_NODE_TYPES.AwaitExpression
        ? this.kindOf(n, depth + 1)
        : null;
    }
    if (this.isDnsAnswer(init)) {
      return 'dns';
    }
    const path = patternPath(def.node.id, def.name);
    const property = path?.length === 1 ? path[0]! : null;
    if (property !== null && this.intersects(this.keysOf(init), this.urlKeys)) {
      return URL_HOST_PROPERTIES.has(property) ? 'host' : URL_PROTOCOL_PROPERTIES.has(property) ? 'protocol' : null;
    }
    return null;
  }

  private isDnsAnswer(node: TSESTree.Node): boolean {
    let n = unwrapExpression(node);
    if (n.type === AST_NODE_TYPES.AwaitExpression) {
      n = unwrapExpression(n.argument);
    }
    return n.type === AST_NODE_TYPES.CallExpression && DNS_LOOKUPS.has(this.targetKey(unwrapExpression(n.callee)));
  }

  private notInput(node: TSESTree.Node | undefined): boolean {
    return node !== undefined && node.type !== AST_NODE_TYPES.SpreadElement && !this.isSubject(node) && this.analyzer.classify(node).kind !== 'input';
  }

  private literal(node: TSESTree.Node | undefined): string | null {
    if (!node || node.type === AST_NODE_TYPES.SpreadElement) {
      return null;
    }
    const value = getStringIfConstant(node as never, scopeOf(this.context, node) as never);
    return typeof value === 'string' ? value : null;
  }

  // ---- notes ----

  private text(node: TSESTree.Node): string {
    const text = this.context.sourceCode.getText(node).replace(/\s+/gu, ' ');
    return text.length <= SHORT ? `\`${text}\`` : 'a check';
  }

  /** Records a check that does not confine the host, when it can guard the node being read. */
  private note(test: TSESTree.Node, label: string): false {
    if (this.current === null || test.range[1] <= this.current.range[0]) {
      if (!this.notes.includes(label)) {
        this.notes.push(label);
      }
    }
    return false;
  }

  private blocklist(test: TSESTree.Node, shown?: string): boolean {
    this.group(test, BLOCKLIST_NOTE, shown ?? this.text(test));
    return this.options.acceptBlocklists;
  }

  /** Adds a check to a note that names every check of its kind (`BLOCKLIST_NOTE`, `DNS_NOTE`), in the order first met. */
  private group(test: TSESTree.Node, note: string, text: string): void {
    if (this.current !== null && test.range[1] > this.current.range[0]) {
      return;
    }
    let items = this.grouped.get(note);
    if (!items) {
      items = [];
      this.grouped.set(note, items);
      this.notes.push(note);
    }
    if (!items.includes(text)) {
      items.push(text);
    }
  }

  private dnsCheck(test: TSESTree.Node): boolean {
    this.group(test, DNS_NOTE, this.text(test));
    return this.options.acceptBlocklists;
  }

  private protocolOnly(test: TSESTree.Node): false {
    return this.note(test, `a protocol-only check (${this.text(test)})`);
  }

  // ---- conditions ----

  private holds(test: TSESTree.Node, branch: boolean): boolean {
    return this.accepts(test, branch, 0);
  }

  private accepts(test: TSESTree.Node, polarity: boolean, depth: number): boolean {
    return conditionProves(test, polarity, (t, p) => {
      if (t.type === AST_NODE_TYPES.Identifier && depth < 3) {
        const init = constInitOf(this.context, t);
        return init !== null && this.accepts(init, p, depth + 1);
      }
      if (t.type === AST_NODE_TYPES.AwaitExpression) {
        return this.accepts(t.argument, p, depth);
      }
      return this.atom(t, p);
    });
  }

  /** A membership or equality test of the host or URL: an allow-list when it must hold, a blocklist when it must fail. */
  private membership(test: TSESTree.Node, polarity: boolean, kind: SubjectKind | null): boolean {
    if (kind === 'protocol') {
      return this.protocolOnly(test);
    }
    if (kind === 'dns') {
      return this.dnsCheck(test);
    }
    return polarity || this.blocklist(test);
  }

  private atom(t: TSESTree.Node, polarity: boolean): boolean {
    switch (t.type) {
      case AST_NODE_TYPES.CallExpression:
        return this.callAtom(t, polarity);
      case AST_NODE_TYPES.BinaryExpression:
        return this.binaryAtom(t, polarity);
      case AST_NODE_TYPES.MemberExpression: {
        // if (!HOSTS[u.hostname]) return …: a hit in a table of the code.
        const kind = t.computed ? this.kindOf(t.property) : null;
        return kind !== null && this.notInput(t.object) ? this.membership(t, polarity, kind) : false;
      }
      default:
        return false;
    }
  }

  private callAtom(t: TSESTree.CallExpression, polarity: boolean): boolean {
    const callee = unwrapExpression(t.callee);
    const args = t.arguments;
    const argKinds = args.map((arg) => this.kindOf(arg));
    const checksUrl = argKinds.some((kind) => kind === 'host' || kind === 'url');
    if (checksUrl && this.options.validators.specs.length > 0 && matchNameSpec(this.context, callee, this.options.validators)) {
      return polarity;
    }
    if (checksUrl && this.analyzer.isConfiguredSanitizer(callee)) {
      return polarity;
    }
    const key = this.targetKey(callee);
    if (BROKEN_IP_CHECKS.has(key)) {
      return this.note(t, `${this.text(t)} of the \`ip\` package, which misreads \`0x7f.1\`, \`::ffff:127.0.0.1\` and other forms (CVE-2024-29415)`);
    }
    if (FORMAT_CHECKS.has(key) && (checksUrl || argKinds.includes('protocol'))) {
      return this.note(t, `a format check (${this.text(t)}) that accepts any host`);
    }
    if (key === '#Object.hasOwn' && this.kindOf(args[1]) !== null && this.notInput(args[0])) {
      return this.membership(t, polarity, this.kindOf(args[1]));
    }
    const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? memberName(this.context, callee) : null;
    const helper = checksUrl && callee.type === AST_NODE_TYPES.Identifier ? resolveFunction(this.context, callee) : null;
    if (helper) {
      const before = this.notes.length + [...this.grouped.values()].reduce((sum, items) => sum + items.length, 0);
      if (this.helperAtom(helper, argKinds, polarity)) {
        return true;
      }
      if (this.notes.length + [...this.grouped.values()].reduce((sum, items) => sum + items.length, 0) > before) {
        return false;
      }
    }
    if (callee.type === AST_NODE_TYPES.MemberExpression && name !== null) {
      const verdict = this.methodAtom(t, callee.object, name, polarity);
      if (verdict !== null) {
        return verdict;
      }
    }
    if (name !== null && IP_RANGE_CHECK.test(name)) {
      if (argKinds.includes('dns')) {
        return this.dnsCheck(t);
      }
      if (checksUrl) {
        return this.blocklist(t);
      }
    }
    return false;
  }

  /** `ALLOWED.has(host)`, `host.endsWith('.a.com')`, `url.startsWith('https://a.com/')`, `RE.test(host)`; `null`: not a check of the URL. */
  private methodAtom(t: TSESTree.CallExpression, object: TSESTree.Node, method: string, polarity: boolean): boolean | null {
    const [first] = t.arguments;
    if ((method === 'has' || method === 'includes') && first) {
      const kind = this.kindOf(first);
      if (kind !== null && this.notInput(object)) {
        return this.membership(t, polarity, kind);
      }
    }
    const receiver = this.kindOf(object);
    if (receiver === 'dns' && (method === 'startsWith' || method === 'endsWith' || method === 'includes' || method === 'match')) {
      return this.dnsCheck(t);
    }
    if (receiver === 'protocol' && (method === 'startsWith' || method === 'endsWith' || method === 'includes' || method === 'match')) {
      return this.protocolOnly(t);
    }
    if (receiver === 'host' || receiver === 'url') {
      const literal = this.literal(first);
      const shown = literal === null ? '…' : `'${literal}'`;
      switch (method) {
        case 'endsWith':
          if (!polarity) {
            return this.blocklist(t);
          }
          if (receiver === 'host' && (literal === null || literal.startsWith('.'))) {
            return true;
          }
          return this.note(t, receiver === 'host' ? `\`endsWith(${shown})\` without a leading dot (\`evil${literal ?? ''}\` ends with it too)` : `\`endsWith(${shown})\` on the whole URL`);
        case 'startsWith':
          if (!polarity) {
            return this.blocklist(t);
          }
          if (receiver === 'host') {
            return this.note(t, `\`startsWith(${shown})\` on the host`);
          }
          if (literal === null) {
            return first !== undefined && this.notInput(first); // a configured origin: taken as one that ends its authority
          }
          if (PREFIX_WITH_AUTHORITY.test(literal)) {
            return true;
          }
          if (SCHEME_ONLY.test(literal)) {
            return this.protocolOnly(t);
          }
          return this.note(t, `\`startsWith(${shown})\` without a trailing \`/\` (\`${literal}.evil.io\` and \`${literal}@evil.io\` pass)`);
        case 'includes':
        case 'indexOf':
        case 'search':
          return polarity ? this.note(t, `a substring check (${this.text(t)})`) : this.blocklist(t);
        case 'match':
          return first ? this.regexAtom(t, first, receiver, polarity) : false;
        default:
          break;
      }
    }
    if (method === 'test' && first) {
      const kind = this.kindOf(first);
      if (kind === 'protocol') {
        return this.protocolOnly(t);
      }
      if (kind === 'host' || kind === 'url') {
        return this.regexAtom(t, object, kind, polarity);
      }
      if (kind === 'dns') {
        return this.dnsCheck(t);
      }
    }
    return null;
  }

  private regexAtom(t: TSESTree.Node, regexNode: TSESTree.Node, kind: 'host' | 'url', polarity: boolean): boolean {
    const regex = regexOf(this.context, regexNode);
    if (!regex) {
      return false;
    }
    if (!polarity) {
      return this.blocklist(t);
    }
    const problem = kind === 'host' ? hostRegexProblem(regex.pattern) : urlRegexProblem(regex.pattern);
    return problem === null ? true : this.note(t, `${problem} (\`/${regex.pattern}/\`)`);
  }

  private binaryAtom(t: TSESTree.BinaryExpression, polarity: boolean): boolean {
    const left = t.left;
    const right = t.right;
    if (t.operator === 'in' && left.type !== AST_NODE_TYPES.PrivateIdentifier) {
      const kind = this.kindOf(left);
      return kind !== null && this.notInput(right) ? this.membership(t, polarity, kind) : false;
    }
    const equal = t.operator === '===' || t.operator === '==';
    if (!equal && t.operator !== '!==' && t.operator !== '!=') {
      return false;
    }
    const positive = equal === polarity;
    if (left.type === AST_NODE_TYPES.PrivateIdentifier) {
      return false;
    }
    // ALLOWED.indexOf(host) !== -1
    const indexOf = this.indexOfCall(left);
    if (indexOf && typeof staticValue(this.context, right)?.value === 'number') {
      const kind = this.kindOf(indexOf.argument);
      const found = staticValue(this.context, right)!.value === -1 ? !positive : positive;
      return kind !== null && this.notInput(indexOf.object) ? this.membership(t, found, kind) : false;
    }
    const leftKind = this.kindOf(left);
    const rightKind = leftKind === null ? this.kindOf(right) : null;
    const kind = leftKind ?? rightKind;
    const other = leftKind !== null ? right : left;
    // `url !== undefined`, `url != null`: a presence test, no check of the host at all.
    if (kind === null || !this.notInput(other) || isAbsentValue(other)) {
      return false;
    }
    return this.membership(t, positive, kind);
  }

  private indexOfCall(node: TSESTree.Node): { object: TSESTree.Node; argument: TSESTree.Node | undefined } | null {
    const n = unwrapExpression(node);
    if (n.type === AST_NODE_TYPES.CallExpression) {
      const callee = unwrapExpression(n.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression && memberName(this.context, callee) === 'indexOf' && !this.isSubject(callee.object)) {
        return { object: callee.object, argument: n.arguments[0] };
      }
    }
    return null;
  }

  // ---- helpers of the file that check a URL ----

  private readonly helpersBusy = new Set<FunctionLike>();

  /**
   * A function of the file called with the URL (or host) in a condition (`if (!isValidUrl(url)) return`):
   * its parameters stand for the URL, and every path that returns `polarity` must pass a check.
   * Checks inside it that only look like one are noted, wherever it is written.
   */
  private helperAtom(fn: FunctionLike, argKinds: readonly (SubjectKind | null)[], polarity: boolean): boolean {
    if (this.helpersBusy.has(fn) || this.helpersBusy.size >= 3) {
      return false;
    }
    fn.params.forEach((param, index) => {
      const variable = param.type === AST_NODE_TYPES.Identifier ? variableFor(this.context, param) : null;
      const kind = argKinds[index];
      if (variable && (kind === 'url' || kind === 'host')) {
        (kind === 'url' ? this.urlKeys : this.hostKeys).add(variable);
      }
    });
    this.helpersBusy.add(fn);
    const current = this.current;
    this.current = null;
    try {
      if (fn.body.type !== AST_NODE_TYPES.BlockStatement) {
        return this.accepts(fn.body, polarity, 0);
      }
      const handled = new Set<TSESTree.ReturnStatement>();
      const held = this.pathsHold(fn.body.body, polarity, handled);
      // A `return` the paths above did not read (in a `switch`, a nested block…) may answer without a check.
      return held && this.returnsOf(fn.body).every((statement) => handled.has(statement) || returnsOther(this.context, statement, polarity));
    } finally {
      this.helpersBusy.delete(fn);
      this.current = current;
    }
  }

  /**
   * Whether every path through a helper's statements that returns `result` passed a check:
   * `if (cond) return !result` makes `cond` false on later paths, `if (cond) return result` is a path
   * on which it held, `return expr` one on which `expr` is `result`. A body in a `try` whose `catch`
   * returns `result` adds a path on which the URL did not parse (and cannot be requested).
   */
  /** The `return` statements of a function body, not those of functions inside it. */
  private returnsOf(body: TSESTree.Node): TSESTree.ReturnStatement[] {
    const out: TSESTree.ReturnStatement[] = [];
    const pending: TSESTree.Node[] = [body];
    for (let node = pending.pop(); node && out.length < 64; node = pending.pop()) {
      if (node.type === AST_NODE_TYPES.ReturnStatement) {
        out.push(node);
      } else if (!isFunctionLike(node) && !node.type.endsWith('Expression')) {
        pushChildNodes(this.context.sourceCode, node, pending);
      }
    }
    return out;
  }

  private pathsHold(body: readonly TSESTree.Statement[], result: boolean, handled: Set<TSESTree.ReturnStatement>): boolean {
    let statements = body;
    const first = body[0];
    if (first?.type === AST_NODE_TYPES.TryStatement && first.handler) {
      statements = [...first.block.body, ...body.slice(1)];
      for (const inner of first.block.body) {
        this.statementChecks(inner, true);
      }
    }
    let checked = false;
    let everyPath = true;
    let returned = false;
    for (const statement of statements) {
      // for (const allowed of HOSTS) if (hostname === allowed || hostname.endsWith('.' + allowed)) return true;
      const loopIf = statement.type === AST_NODE_TYPES.ForOfStatement ? singleStatement(statement.body) : null;
      if (loopIf?.type === AST_NODE_TYPES.IfStatement && loopIf.alternate === null && exitValue(loopIf.consequent) === result) {
        const held = this.accepts(loopIf.test, true, 0);
        everyPath &&= held || checked;
        const inner = singleStatement(loopIf.consequent);
        if (inner.type === AST_NODE_TYPES.ReturnStatement) {
          handled.add(inner);
        }
        continue;
      }
      if (statement.type === AST_NODE_TYPES.IfStatement && statement.alternate === null) {
        const exit = exitValue(statement.consequent);
        const inner = singleStatement(statement.consequent);
        if (inner.type === AST_NODE_TYPES.ReturnStatement) {
          handled.add(inner);
        }
        if (exit === 'throw' || exit === !result) {
          checked = this.accepts(statement.test, false, 0) || checked;
        } else if (exit === result) {
          const held = this.accepts(statement.test, true, 0);
          everyPath &&= held || checked;
          returned = true;
          checked = this.accepts(statement.test, false, 0) || checked;
        }
        continue;
      }
      if (statement.type === AST_NODE_TYPES.ReturnStatement) {
        handled.add(statement);
        const value = statement.argument ? staticValue(this.context, statement.argument) : { value: undefined };
        if (value === null || typeof value.value !== 'boolean') {
          everyPath &&= (statement.argument !== null && this.accepts(statement.argument, result, 0)) || checked;
        } else if (value.value === result) {
          everyPath &&= checked;
        }
        returned = true;
        break;
      }
      if (statement.type === AST_NODE_TYPES.ThrowStatement) {
        break;
      }
    }
    return returned && everyPath;
  }

  // ---- statements before the request ----

  /**
   * Checks that are statements rather than conditions, before `node` in its blocks: a validator
   * or `assert(…)` call, a `switch` on the host whose `default` exits, and `new URL(x)` used to
   * reject malformed input (noted: it accepts every host).
   */
  private precedingStatements(node: TSESTree.Node): boolean {
    this.current = node;
    for (let child: TSESTree.Node = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
      const list = parent.type === AST_NODE_TYPES.BlockStatement || parent.type === AST_NODE_TYPES.Program || parent.type === AST_NODE_TYPES.StaticBlock
        ? parent.body
        : parent.type === AST_NODE_TYPES.SwitchCase
          ? parent.consequent
          : null;
      if (!list) {
        continue;
      }
      const inTry = parent.parent?.type === AST_NODE_TYPES.TryStatement && parent.parent.block === parent && catchExits(parent.parent);
      for (const statement of list) {
        if (statement === child || statement.range[0] >= child.range[0]) {
          break;
        }
        if (this.statementChecks(statement, inTry)) {
          return true;
        }
      }
    }
    return false;
  }

  private statementChecks(statement: TSESTree.Node, inTry: boolean): boolean {
    switch (statement.type) {
      case AST_NODE_TYPES.ExpressionStatement: {
        let expression = unwrapExpression(statement.expression);
        if (expression.type === AST_NODE_TYPES.AwaitExpression) {
          expression = unwrapExpression(expression.argument);
        }
        if (expression.type === AST_NODE_TYPES.CallExpression) {
          const callee = unwrapExpression(expression.callee);
          const written = this.context.sourceCode.getText(callee).replace(/\s+/gu, '');
          if (ASSERT_CALLEES.has(written) && expression.arguments[0]) {
            return this.accepts(expression.arguments[0], true, 0);
          }
          const checksUrl = expression.arguments.some((arg) => this.isSubject(arg));
          if (checksUrl && ((this.options.validators.specs.length > 0 && matchNameSpec(this.context, callee, this.options.validators)) || this.analyzer.isConfiguredSanitizer(callee))) {
            return true;
          }
        }
        if (inTry) {
          this.parseOnly(expression, statement);
        }
        return false;
      }
      case AST_NODE_TYPES.VariableDeclaration:
        if (inTry) {
          for (const declarator of statement.declarations) {
            if (declarator.init) {
              this.parseOnly(unwrapExpression(declarator.init), statement);
            }
          }
        }
        return false;
      case AST_NODE_TYPES.TryStatement:
        if (catchExits(statement)) {
          for (const inner of statement.block.body) {
            this.statementChecks(inner, true);
          }
        }
        return false;
      case AST_NODE_TYPES.SwitchStatement:
        return this.switchChecks(statement);
      default:
        return false;
    }
  }

  /** `new URL(x)` (or `URL.parse(x)`) of the request's URL inside a `try` whose `catch` rejects. */
  private parseOnly(node: TSESTree.Node, statement: TSESTree.Node): void {
    // `u = new URL(x)` in the `try`: the parse of `x`, or a parse into the URL the request uses.
    const assigned = node.type === AST_NODE_TYPES.AssignmentExpression ? unwrapExpression(node.right) : null;
    if (assigned && node.type === AST_NODE_TYPES.AssignmentExpression && this.kindOf(node.left) === 'url') {
      this.note(statement, 'a parse-only `new URL()`: it rejects malformed URLs and accepts every host');
      return;
    }
    const expression = assigned ?? node;
    const parsed =
      (expression.type === AST_NODE_TYPES.NewExpression && URL_CONSTRUCTORS.has(this.targetKey(expression.callee))) ||
      (expression.type === AST_NODE_TYPES.CallExpression && URL_PARSE_CALLS.has(this.targetKey(unwrapExpression(expression.callee))));
    const argument = parsed ? (expression as TSESTree.NewExpression | TSESTree.CallExpression).arguments[0] : undefined;
    if (argument && this.kindOf(argument) === 'url') {
      this.note(statement, 'a parse-only `new URL()`: it rejects malformed URLs and accepts every host');
    }
  }

  /** `switch (u.hostname) { case 'a.com': case 'b.com': break; default: return … }`; a `switch` whose constant cases exit is a blocklist. */
  private switchChecks(statement: TSESTree.SwitchStatement): boolean {
    if (!this.isSubject(statement.discriminant)) {
      return false;
    }
    const fallback = statement.cases.find((switchCase) => switchCase.test === null);
    const constants = statement.cases.every((switchCase) => switchCase.test === null || this.notInput(switchCase.test));
    if (!constants) {
      return false;
    }
    if (fallback && fallback.consequent.some((inner) => alwaysExits(inner))) {
      return true;
    }
    const exiting = statement.cases.some((switchCase) => switchCase.test !== null && switchCase.consequent.some((inner) => alwaysExits(inner)));
    return exiting ? this.blocklist(statement.discriminant, `\`switch (${this.context.sourceCode.getText(statement.discriminant)})\` with exiting cases`) : false;
  }
}

/** The statement a branch is (`{ return x; }` is `return x;`). */
function singleStatement(branch: TSESTree.Statement): TSESTree.Statement {
  return branch.type === AST_NODE_TYPES.BlockStatement && branch.body.length === 1 ? branch.body[0]! : branch;
}

/** Whether a `return` gives a constant other than `result` (a path that does not answer `result`). */
function returnsOther(context: FileContext, statement: TSESTree.ReturnStatement, result: boolean): boolean {
  const value = statement.argument ? staticValue(context, statement.argument) : { value: undefined };
  return value !== null && value.value !== result && (typeof value.value === 'boolean' || value.value === undefined);
}

/** What a branch does: `throw`s, returns a constant boolean, or something else (`null`). */
function exitValue(branch: TSESTree.Statement): boolean | 'throw' | null {
  const statement = singleStatement(branch);
  if (statement.type === AST_NODE_TYPES.ThrowStatement) {
    return 'throw';
  }
  if (statement.type === AST_NODE_TYPES.ReturnStatement && statement.argument?.type === AST_NODE_TYPES.Literal && typeof statement.argument.value === 'boolean') {
    return statement.argument.value;
  }
  return null;
}

function catchExits(statement: TSESTree.TryStatement): boolean {
  return statement.handler !== null && statement.handler.body.body.some((inner) => alwaysExits(inner));
}

/** A regular expression given as a literal, a `const` holding one, or `new RegExp('…')`. */
function regexOf(context: FileContext, node: TSESTree.Node, depth = 0): { pattern: string; flags: string } | null {
  const n = unwrapExpression(node);
  if (n.type === AST_NODE_TYPES.Literal && 'regex' in n && n.regex) {
    return { pattern: n.regex.pattern, flags: n.regex.flags };
  }
  if (n.type === AST_NODE_TYPES.Identifier && depth < 3) {
    const init = constInitOf(context, n);
    return init ? regexOf(context, init, depth + 1) : null;
  }
  if (n.type === AST_NODE_TYPES.NewExpression && n.callee.type === AST_NODE_TYPES.Identifier && n.callee.name === 'RegExp' && n.arguments[0]) {
    const scope = scopeOf(context, n) as TSESLint.Scope.Scope as never;
    const pattern = getStringIfConstant(n.arguments[0] as never, scope);
    const flags = n.arguments[1] ? getStringIfConstant(n.arguments[1] as never, scope) : '';
    return pattern === null || flags === null ? null : { pattern, flags };
  }
  return null;
}

/** Whether a pattern has a `.` outside a character class that is not escaped (it matches any character). */
function hasUnescapedDot(pattern: string): boolean {
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '\\') {
      i++;
    } else if (inClass) {
      inClass = ch !== ']';
    } else if (ch === '[') {
      inClass = true;
    } else if (ch === '.') {
      return true;
    }
  }
  return false;
}

/** Why a regex tested on a host does not pin it (unanchored, unescaped dots), or `null`. */
export function hostRegexProblem(pattern: string): string | null {
  if (!pattern.startsWith('^') || !pattern.endsWith('$') || pattern.endsWith('\\$')) {
    return 'an unanchored host regex';
  }
  if (hasUnescapedDot(pattern) || pattern.includes('[^')) {
    return 'a host regex with unescaped dots';
  }
  return null;
}

/** The pattern texts that end an authority in a URL regex: a `/` (escaped or in a group or class), `?`, `#`, a port, or the end. */
const AUTHORITY_END_IN_PATTERN = /\\\/|\/|\[\\?\/|\(\?:\\?\/|\(\\?\/|\\\?|#|:|\$/u;

/** Why a regex tested on a whole URL does not pin its host, or `null`. */
export function urlRegexProblem(pattern: string): string | null {
  if (!pattern.startsWith('^')) {
    return 'an unanchored URL regex';
  }
  const slashes = /:(?:\\\/|\/){2}/u.exec(pattern);
  if (!slashes) {
    return 'a URL regex that does not fix the host';
  }
  const rest = pattern.slice(slashes.index + slashes[0].length);
  const end = AUTHORITY_END_IN_PATTERN.exec(rest);
  if (!end) {
    return 'a URL regex that does not end the host';
  }
  const authority = rest.slice(0, end.index);
  if (hasUnescapedDot(authority) || authority.includes('[^') || authority === '') {
    return 'a URL regex with unescaped dots or wildcards in the host';
  }
  return null;
}

/** `undefined`, `null`, `void 0`: what a presence test compares a value with. */
function isAbsentValue(node: TSESTree.Node): boolean {
  const n = unwrapExpression(node);
  return (
    (n.type === AST_NODE_TYPES.Identifier && n.name === 'undefined') ||
    (n.type === AST_NODE_TYPES.Literal && n.raw === 'null') ||
    (n.type === AST_NODE_TYPES.UnaryExpression && n.operator === 'void')
  );
}
