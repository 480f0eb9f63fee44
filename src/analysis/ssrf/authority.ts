import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { callbackReturns, resolveFunction } from '../../core/functions';
import { concatOperands, memberName } from '../../core/ast';
import { resolveCallTarget } from '../../core/modules';
import { matchNameSpec } from '../../core/name-specs';
import type { NameSpecList } from '../../core/name-specs';
import { dereference, staticValue, unwrapExpression } from '../../core/static';
import { constInitOf, laterWrites, variableFor } from '../../core/variable-index';
import type { FileContext } from '../../core/context';
import { REQUEST_CONSTRUCTORS, REQUEST_SCHEMES, URL_CONSTRUCTORS, URL_PARSE_CALLS, URL_RESOLVE_CALLS, URL_TEXT_PROPERTIES } from '../../data/ssrf';
import type { RequestInputOrigin } from '../request-input/index';
import type { UrlInputAnalyzer } from './input';

/**
 * How the URL of a call combines with a base URL: `none` (the URL is used as it is),
 * `resolves` (resolved over a base: an absolute URL replaces it, as in `new URL(input, BASE)` and
 * axios `baseURL`), `concat` (a base prepended as text: got and ky `prefixUrl`).
 */
export type BaseMode = 'none' | 'resolves' | 'concat';

/** Request input that decides the authority (scheme, host, port) of a URL. */
export interface ControlledAuthority {
  readonly kind: 'controlled';
  readonly origin: RequestInputOrigin;
  /** The expression that is request input where it decides the authority. */
  readonly subject: TSESTree.Node;
  /**
   * `whole`: the whole URL is request input; `authority`: the input sits before the end of the
   * authority of a built URL; `over-base`: the whole URL is input and resolved over a base, which
   * an absolute URL replaces.
   */
  readonly position: 'whole' | 'authority' | 'over-base';
  /** The expressions that hold the URL itself, from the argument of the call inwards. */
  readonly urlChain: readonly TSESTree.Node[];
  /** Checks that look like SSRF defences and are not, made in another file that built the URL (see `ImportedUrlReturns`). */
  readonly notes?: readonly string[];
}

/** A piece of request input after the end of the authority and before the query or fragment: in the path. */
export interface PathSegment {
  readonly node: TSESTree.Node;
  readonly origin: RequestInputOrigin;
}

/** What one parameter of a function of another file makes of the URL the function returns (`imported-urls.ts`). */
export type ReturnedUrlParameter =
  /** It decides the authority where it lands, with no check there confining it (`notes`: the checks that only look like one). */
  | { readonly kind: 'controlled'; readonly position: ControlledAuthority['position']; readonly notes: readonly string[] }
  /** It fills a path segment after a fixed origin, not encoded. */
  | { readonly kind: 'path' };

/**
 * How calls of functions imported from other project files are read: for the callee (and the base
 * the URL is combined with), what each parameter, by index, makes of the URL the function returns;
 * `null` when the callee is no such function.
 */
export type ImportedUrlReturns = (context: FileContext, callee: TSESTree.Node, base: BaseMode) => ((index: number) => ReturnedUrlParameter | null) | null;

export type UrlVerdict = ControlledAuthority | { readonly kind: 'path'; readonly segments: readonly PathSegment[] } | { readonly kind: 'none' };

const NONE: UrlVerdict = { kind: 'none' };
/** Nested values followed before giving up (`const a = b`, `new URL(x)`, helpers). */
const MAX_DEPTH = 12;
/** A constant prefix that starts with a scheme and `//`, or with `//` alone. */
const SCHEME_AND_SLASHES = /^(?:[a-z][a-z\d+.-]*:)?\/\//iu;
/**
 * The path of the request being handled (`req.originalUrl`, `ctx.path`, `request.nextUrl.pathname`):
 * it starts with `/`, so after a whole host (`'http://localhost:4000' + req.url`) it is a path.
 */
const REQUEST_PATH = /^\w+(?:\.req|\.request|\.raw|\.nextUrl)?\.(?:url|originalUrl|path|pathname)$/u;
/** A constant prefix with a scheme and a host (`http://localhost:4000`). */
const HOST_ENDED = /^[a-z][a-z\d+.-]*:\/\/[^/?#\\@]+$/iu;
/** What ends an authority: the path, the query, the fragment (and `\`, which WHATWG parsers read as `/`). */
const AUTHORITY_END = /[/?#\\]/u;
/** What ends a path: input after it is in the query or the fragment, not a path segment. */
const PATH_END = /[?#]/u;

function targetKeyOf(context: FileContext, callee: TSESTree.Node): string {
  const target = resolveCallTarget(context, callee);
  return target ? `${target.module ?? ''}#${target.path.join('.')}` : '';
}

/**
 * Whether a URL that starts with the constant `prefix` still lets what follows decide the authority.
 * @example authorityOpen('https://', 'none') // true; authorityOpen('https://a.com/', 'none') // false
 */
export function authorityOpen(prefix: string, base: BaseMode): boolean {
  const scheme = SCHEME_AND_SLASHES.exec(prefix);
  if (scheme) {
    return !AUTHORITY_END.test(prefix.slice(scheme[0].length));
  }
  const lower = prefix.toLowerCase();
  if (prefix === '') {
    return base !== 'concat';
  }
  if (REQUEST_SCHEMES.some((scheme) => scheme.startsWith(lower))) {
    return true;
  }
  // `'/' + x` over a base: `x = '/evil.io'` makes `//evil.io`, a URL of another host.
  return (prefix === '/' || prefix === '\\') && base === 'resolves';
}

/**
 * Decides whether request input can choose where a URL points: the whole URL, a part before the
 * end of its authority in a template or concatenation, or an absolute URL over a base. Follows
 * constants, `new URL(x, base)`, `url.resolve`, `.href`/`.toString()`, `String(x)` and local
 * helpers that return a URL. One instance per file and configuration.
 */
export class UrlAuthority {
  /** Variables whose values are being judged (see `written`): a value that reads the variable itself adds nothing. */
  private readonly judging = new Set<TSESLint.Scope.Variable>();

  constructor(
    private readonly context: FileContext,
    private readonly analyzer: UrlInputAnalyzer,
    /** `http.urlValidators`: their result is a URL already checked. */
    private readonly validators: NameSpecList,
    /** Reads the URLs that functions of other project files return; absent, such calls are values of unknown origin. */
    private readonly imported?: ImportedUrlReturns,
  ) {}

  judge(node: TSESTree.Node, base: BaseMode): UrlVerdict {
    return this.analyze(node, base, [], 0);
  }

  private analyze(node: TSESTree.Node, base: BaseMode, chain: readonly TSESTree.Node[], depth: number): UrlVerdict {
    const n = unwrapExpression(node);
    const here = [...chain, n];
    if (depth > MAX_DEPTH) {
      return this.fallback(n, base, here);
    }
    switch (n.type) {
      case AST_NODE_TYPES.Literal:
        return NONE;
      case AST_NODE_TYPES.AwaitExpression:
        return this.analyze(n.argument, base, here, depth + 1);
      case AST_NODE_TYPES.TemplateLiteral: {
        const parts: (string | TSESTree.Node)[] = [];
        n.quasis.forEach((quasi, index) => {
          parts.push(quasi.value.cooked ?? quasi.value.raw);
          const expression = n.expressions[index];
          if (expression) {
            parts.push(expression);
          }
        });
        return this.parts(parts, base, here, depth);
      }
      case AST_NODE_TYPES.BinaryExpression:
        return n.operator === '+' ? this.parts(concatOperands(n), base, here, depth) : NONE;
      case AST_NODE_TYPES.Identifier: {
        const init = constInitOf(this.context, n);
        if (init) {
          return this.analyze(init, base, here, depth + 1);
        }
        return this.written(n, base, here, depth) ?? this.fallback(n, base, here);
      }
      case AST_NODE_TYPES.NewExpression: {
        const key = targetKeyOf(this.context, n.callee);
        if (URL_CONSTRUCTORS.has(key)) {
          return this.resolved(n.arguments[0], n.arguments[1], base, here, depth);
        }
        const [url] = n.arguments;
        if (REQUEST_CONSTRUCTORS.has(key) && url && url.type !== AST_NODE_TYPES.SpreadElement) {
          return this.analyze(url, base, here, depth + 1);
        }
        return this.fallback(n, base, here);
      }
      case AST_NODE_TYPES.MemberExpression: {
        const name = memberName(this.context, n);
        return name !== null && URL_TEXT_PROPERTIES.has(name) ? this.analyze(n.object, base, here, depth + 1) : this.fallback(n, base, here);
      }
      case AST_NODE_TYPES.CallExpression:
        return this.call(n, base, here, depth);
      case AST_NODE_TYPES.ConditionalExpression:
        return this.either([n.consequent, n.alternate], base, here, depth);
      case AST_NODE_TYPES.LogicalExpression:
        return this.either([n.left, n.right], base, here, depth);
      default:
        return this.fallback(n, base, here);
    }
  }

  /** The value as a whole: request input decides the whole URL (or, after a text base, a path). */
  private fallback(n: TSESTree.Node, base: BaseMode, here: readonly TSESTree.Node[]): UrlVerdict {
    const value = this.analyzer.classify(n);
    if (value.kind !== 'input') {
      return NONE;
    }
    if (base === 'concat') {
      return { kind: 'path', segments: [{ node: n, origin: value.origin }] };
    }
    return { kind: 'controlled', origin: value.origin, subject: n, position: base === 'resolves' ? 'over-base' : 'whole', urlChain: here };
  }

  private either(nodes: readonly TSESTree.Node[], base: BaseMode, here: readonly TSESTree.Node[], depth: number): UrlVerdict {
    const verdicts = nodes.map((node) => this.analyze(node, base, here, depth + 1));
    return verdicts.find((verdict) => verdict.kind === 'controlled') ?? mergePaths(verdicts);
  }

  /** `new URL(input, base)`, `url.resolve(base, input)`: an absolute input replaces the base. */
  private resolved(
    input: TSESTree.Node | undefined,
    baseArgument: TSESTree.Node | undefined,
    base: BaseMode,
    here: readonly TSESTree.Node[],
    depth: number,
  ): UrlVerdict {
    if (!input || input.type === AST_NODE_TYPES.SpreadElement) {
      return NONE;
    }
    if (!baseArgument || baseArgument.type === AST_NODE_TYPES.SpreadElement) {
      return this.analyze(input, base, here, depth + 1);
    }
    const over = this.analyze(input, 'resolves', here, depth + 1);
    if (over.kind === 'controlled') {
      return over;
    }
    const fromBase = this.analyze(baseArgument, 'none', [], depth + 1);
    return fromBase.kind === 'controlled' ? fromBase : mergePaths([over, fromBase]);
  }

  private call(n: TSESTree.CallExpression, base: BaseMode, here: readonly TSESTree.Node[], depth: number): UrlVerdict {
    const callee = unwrapExpression(n.callee);
    if (this.validators.specs.length > 0 && matchNameSpec(this.context, callee, this.validators)) {
      return NONE;
    }
    const key = targetKeyOf(this.context, callee);
    const [first, second] = n.arguments;
    if ((key === '#String' || URL_PARSE_CALLS.has(key)) && first) {
      return this.analyze(first, base, here, depth + 1);
    }
    if (URL_RESOLVE_CALLS.has(key)) {
      return this.resolved(second, first, base, here, depth);
    }
    if (key === '#encodeURIComponent') {
      // Encoded, it has no `:` or `/`: a path segment, never a scheme or a host of its own.
      const value = this.analyzer.classify(n);
      return value.kind === 'input' && base !== 'none' ? { kind: 'path', segments: [{ node: n, origin: value.origin }] } : NONE;
    }
    if (callee.type === AST_NODE_TYPES.MemberExpression && n.arguments.length === 0) {
      const name = memberName(this.context, callee);
      if (name !== null && URL_TEXT_PROPERTIES.has(name)) {
        return this.analyze(callee.object, base, here, depth + 1);
      }
    }
    const fn = key === '' || key.startsWith('#') ? resolveFunction(this.context, callee) : null;
    const returns = fn ? callbackReturns(fn) ?? (fn.body.type === AST_NODE_TYPES.BlockStatement ? singleReturn(fn.body) : null) : null;
    if (returns?.length === 1) {
      return this.analyze(returns[0]!, base, here, depth + 1);
    }
    const parameters = fn ? null : this.imported?.(this.context, callee, base);
    return (parameters && this.returned(n, parameters, here)) ?? this.fallback(n, base, here);
  }

  /**
   * A call of a function of another project file that returns a URL (`statusUrl(req.query.host)`
   * returning `` `https://${host}/status` ``): the arguments that are request input here, judged by
   * what the function makes of the parameter they fill (`imported-urls.ts`). The argument is the
   * subject of what is found; checks the function makes before it returns count there. `null` when
   * no argument is request input (then the call is a value like any other).
   */
  private returned(n: TSESTree.CallExpression, parameters: (index: number) => ReturnedUrlParameter | null, here: readonly TSESTree.Node[]): UrlVerdict | null {
    const segments: PathSegment[] = [];
    let input = false;
    for (const [index, arg] of n.arguments.entries()) {
      if (arg.type === AST_NODE_TYPES.SpreadElement) {
        break;
      }
      // An object or array built here (`endpointUrl({ host: HOST, path: req.query.p })`): which of its
      // parts reaches the URL is not known from a summary of the whole parameter.
      const shape = dereference(this.context, arg).type;
      if (shape === AST_NODE_TYPES.ObjectExpression || shape === AST_NODE_TYPES.ArrayExpression) {
        continue;
      }
      const value = this.analyzer.classify(arg);
      if (value.kind !== 'input') {
        continue;
      }
      input = true;
      const found = parameters(index);
      if (found?.kind === 'controlled') {
        return { kind: 'controlled', origin: value.origin, subject: arg, position: found.position, urlChain: here, notes: found.notes };
      }
      if (found?.kind === 'path') {
        segments.push({ node: arg, origin: value.origin });
      }
    }
    return !input ? null : segments.length > 0 ? { kind: 'path', segments } : NONE;
  }

  /**
   * A variable the URL is read from that is written more than once: appended to (see `appended`),
   * or reassigned with `=` (`let url = \`https://api.a.com/${owner}\`; … url = page.next`), where
   * each value it is given is judged on its own and the worst verdict is the variable's: the
   * input in the path of one value and the unknown origin of another (a next-page link from the
   * response) do not add up to input deciding the origin. `null` when the variable is written
   * otherwise (destructuring, `for … of`, other operators, or `+=` mixed with `=`).
   */
  private written(id: TSESTree.Identifier, base: BaseMode, here: readonly TSESTree.Node[], depth: number): UrlVerdict | null {
    const variable = variableFor(this.context, id);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (!variable || def?.type !== 'Variable' || def.node.id.type !== AST_NODE_TYPES.Identifier) {
      return null;
    }
    if (this.judging.has(variable)) {
      // `url = url + '&page=2'`: the other values it is given are judged already.
      return NONE;
    }
    const assigned: TSESTree.Node[] = [];
    let operator: string | null = null;
    for (const write of laterWrites(variable)) {
      const assignment = write.identifier.parent;
      if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.left !== write.identifier || (operator ??= assignment.operator) !== assignment.operator) {
        return null;
      }
      assigned.push(assignment.right);
    }
    if (operator === '+=') {
      return def.node.init ? this.appended(def.node.init, assigned, base, here, depth) : null;
    }
    if (operator !== '=') {
      return null;
    }
    this.judging.add(variable);
    try {
      const verdicts = [...(def.node.init ? [def.node.init] : []), ...assigned].map((value) => this.analyze(value, base, here, depth + 1));
      return verdicts.find((verdict) => verdict.kind === 'controlled') ?? mergePaths(verdicts);
    } finally {
      this.judging.delete(variable);
    }
  }

  /**
   * `let url = BASE; url += x`: a variable written only by appending keeps the authority of its
   * initial value. `null` when the initial value leaves the authority open.
   */
  private appended(init: TSESTree.Expression, appends: readonly TSESTree.Node[], base: BaseMode, here: readonly TSESTree.Node[], depth: number): UrlVerdict | null {
    const start = this.analyze(init, base, here, depth + 1);
    if (start.kind === 'controlled') {
      return start;
    }
    const text = staticValue(this.context, init);
    if (text && typeof text.value === 'string' && authorityOpen(text.value, base)) {
      return null;
    }
    const segments: PathSegment[] = start.kind === 'path' ? [...start.segments] : [];
    // Once constant text has opened the query or the fragment, what is appended is not in the path.
    let inPath = !(text && typeof text.value === 'string' && PATH_END.test(text.value));
    for (const append of appends) {
      const known = inPath ? staticValue(this.context, append) : null;
      if (known && typeof known.value === 'string') {
        inPath = !PATH_END.test(known.value);
        continue;
      }
      const value = inPath ? this.analyzer.classify(append) : null;
      if (value?.kind === 'input') {
        segments.push({ node: append, origin: value.origin });
      }
    }
    return segments.length > 0 ? { kind: 'path', segments } : NONE;
  }

  /**
   * A URL built from constant text and values, left to right: input met while the authority is
   * still open decides it; input after it is a path segment. A non-constant value that starts the
   * URL and is not input (a configured origin, `process.env.API`) is taken to hold an origin.
   */
  private parts(parts: readonly (string | TSESTree.Node)[], base: BaseMode, here: readonly TSESTree.Node[], depth: number): UrlVerdict {
    let prefix = '';
    let opaqueStart = false;
    const segments: PathSegment[] = [];
    for (const part of parts) {
      if (typeof part === 'string') {
        prefix += part;
        continue;
      }
      const known = staticValue(this.context, part);
      if (known && (typeof known.value === 'string' || typeof known.value === 'number')) {
        prefix += String(known.value);
        continue;
      }
      if (prefix === '' && !opaqueStart) {
        // The value starts the URL: it brings the scheme and authority, or is request input deciding them.
        const start = this.analyze(part, base, here, depth + 1);
        if (start.kind === 'controlled') {
          return start;
        }
        if (start.kind === 'path') {
          segments.push(...start.segments);
        }
        opaqueStart = true;
        continue;
      }
      const value = this.analyzer.classify(part);
      // A value that starts the URL is taken as an origin, unless `://` follows it: then it was the scheme.
      const open = opaqueStart ? prefix.startsWith('://') && authorityOpen(`x${prefix}`, base) : authorityOpen(prefix, base);
      if (open && !(value.kind === 'input' && HOST_ENDED.test(prefix) && REQUEST_PATH.test(value.origin.description))) {
        if (value.kind === 'input') {
          return { kind: 'controlled', origin: value.origin, subject: part, position: 'authority', urlChain: here };
        }
      } else if (value.kind === 'input' && !PATH_END.test(prefix)) {
        // After the first `?` or `#` of the constant text, input is in the query or fragment.
        segments.push({ node: part, origin: value.origin });
      }
      prefix += 'x';
    }
    return segments.length > 0 ? { kind: 'path', segments } : NONE;
  }
}

function singleReturn(body: TSESTree.BlockStatement): TSESTree.Expression[] | null {
  const returns = body.body.filter((statement): statement is TSESTree.ReturnStatement => statement.type === AST_NODE_TYPES.ReturnStatement);
  return returns.length === 1 && returns[0]!.argument ? [returns[0]!.argument] : null;
}

function mergePaths(verdicts: readonly UrlVerdict[]): UrlVerdict {
  const segments = verdicts.flatMap((verdict) => (verdict.kind === 'path' ? verdict.segments : []));
  return segments.length > 0 ? { kind: 'path', segments } : NONE;
}

/** Whether a path segment is encoded (`encodeURIComponent(id)`): `/`, `?` and `#` in it cannot change the endpoint. */
export function isEncodedSegment(context: FileContext, segment: PathSegment): boolean {
  const node = unwrapExpression(segment.node);
  if (node.type !== AST_NODE_TYPES.CallExpression) {
    return false;
  }
  const target = resolveCallTarget(context, node.callee);
  return target?.module === null && target.path.join('.') === 'encodeURIComponent';
}
