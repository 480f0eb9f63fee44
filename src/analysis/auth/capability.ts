/**
 * Capability links: a handler that looks the request's secret up (or compares it) before it
 * answers is gated by that secret — invitation accept links, share links, password-reset and
 * e-mail confirmations, unsubscribe links, signed URLs. A secret is a path, query, body or header
 * value named like one (`token`, `inviteToken`, `otp`, `signature`; `code`, `hash` only alone or
 * qualified, `key` only qualified: see `CAPABILITY_*` in the data); `id` and `slug` are never secrets, so a
 * route that only looks its `:id` up stays open. The lookup must decide what runs: its result
 * tested (`if (!invite) return 404`), dereferenced (throws on a miss), or a comparison in a
 * condition (`if (invite.token !== token)`).
 *
 * Cost: the tracker lives for one walk of one handler (already memoised per file); each check
 * reads a bounded part of the node it is given, never the file.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { wordParts } from '../../core/words';
import { memoizeByString } from '../../core/memo';
import { skipTsWrappers } from '../../core/static';
import type { FileContext } from '../../core/context';
import {
  CAPABILITY_LOOKUP_PREFIXES,
  CAPABILITY_NEVER_ALONE_WORDS,
  CAPABILITY_QUALIFIED_WORDS,
  CAPABILITY_QUALIFIERS,
  CAPABILITY_SECRET_WORDS,
  NOT_SECRET_QUALIFIERS,
} from '../../data/auth-vocabulary';
import { isChecked, isTested } from './calls';
import { boundNames, rootName } from './values';


/**
 * Whether a name says it holds a secret: `token`, `shareToken`, `otp`, `code`, `inviteCode`, `accessKey`; not `countryCode`, `key`, `pushToken`, `id`.
 * Memoised per name: handlers ask about the same parameter and property names again and again.
 */
export const isSecretName: (name: string) => boolean = memoizeByString((name) => judgeSecretName(name));

function judgeSecretName(name: string): boolean {
  const parts = wordParts(name);
  const last = parts.at(-1);
  if (last === undefined || parts.some((part) => NOT_SECRET_QUALIFIERS.has(part))) {
    return false;
  }
  if (CAPABILITY_SECRET_WORDS.has(last)) {
    return true;
  }
  if (parts.length === 1) {
    return CAPABILITY_QUALIFIED_WORDS.has(last) && !CAPABILITY_NEVER_ALONE_WORDS.has(last);
  }
  return CAPABILITY_QUALIFIED_WORDS.has(last) && CAPABILITY_QUALIFIERS.has(parts[parts.length - 2]!);
}

/** Nodes a secret is searched through in one argument: `{ where: { token } }`, `[token]`, `hash(token)`. */
const ARGUMENT_BUDGET = 32;

function propertyName(node: TSESTree.MemberExpression): string | null {
  if (!node.computed && node.property.type === AST_NODE_TYPES.Identifier) {
    return node.property.name;
  }
  return node.property.type === AST_NODE_TYPES.Literal && typeof node.property.value === 'string' ? node.property.value : null;
}

function lastCalleeName(callee: TSESTree.Node): string | null {
  const expr = skipTsWrappers(callee);
  if (expr.type === AST_NODE_TYPES.Identifier) {
    return expr.name;
  }
  return expr.type === AST_NODE_TYPES.MemberExpression ? propertyName(expr) : null;
}

/** `findUnique`, `db.get`, `bcrypt.compare`, `timingSafeEqual`; not `parse`, `validate`, `json`. */
function isLookupName(name: string): boolean {
  const lower = name.toLowerCase();
  return CAPABILITY_LOOKUP_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

/** The secrets and request-derived names of one handler walk. */
export class CapabilityTracker {
  /** Handler parameters and locals read from them (`url = new URL(req.url)`, `body = await req.json()`). */
  private readonly requestNames: Set<string>;
  /** Locals (and parameters, `@Param('token') token`) holding a secret read from the request. */
  private readonly secrets = new Set<string>();

  constructor(params: ReadonlySet<string>) {
    this.requestNames = new Set(params);
    for (const name of params) {
      if (isSecretName(name)) {
        this.secrets.add(name);
      }
    }
  }

  /** `const { token } = req.params`, `const t = req.query.token`, `const url = new URL(request.url)`. */
  declare(declarator: TSESTree.VariableDeclarator): void {
    const init = declarator.init;
    if (!init || !this.fromRequest(init, 0)) {
      return;
    }
    const id = declarator.id;
    if (id.type === AST_NODE_TYPES.Identifier) {
      (isSecretName(id.name) || this.isSecretRead(init) ? this.secrets : this.requestNames).add(id.name);
      return;
    }
    if (id.type === AST_NODE_TYPES.ObjectPattern) {
      for (const property of id.properties) {
        if (property.type === AST_NODE_TYPES.Property && !property.computed && property.key.type === AST_NODE_TYPES.Identifier && isSecretName(property.key.name)) {
          for (const bound of boundNames(property.value)) {
            this.secrets.add(bound.name);
          }
          continue;
        }
        for (const bound of boundNames(property.type === AST_NODE_TYPES.Property ? property.value : property.argument)) {
          (isSecretName(bound.name) ? this.secrets : this.requestNames).add(bound.name);
        }
      }
      return;
    }
    for (const bound of boundNames(id)) {
      (isSecretName(bound.name) ? this.secrets : this.requestNames).add(bound.name);
    }
  }

  /** Whether a call looks a secret up and its result decides what runs. */
  isLookup(context: FileContext, call: TSESTree.CallExpression): boolean {
    const name = lastCalleeName(call.callee);
    if (name === null || !isLookupName(name)) {
      return false;
    }
    const budget = { left: ARGUMENT_BUDGET };
    if (!call.arguments.some((arg) => this.containsSecret(arg, budget))) {
      return false;
    }
    // `findUniqueOrThrow`, `findOrFail`: a miss throws.
    return /(?:OrThrow|OrFail)$/u.test(name) || isChecked(context, call);
  }

  /** `if (invite.token !== token)`, `if (sig === expected)`: a comparison of a secret that decides what runs. */
  isComparison(node: TSESTree.BinaryExpression): boolean {
    if (!['===', '!==', '==', '!='].includes(node.operator)) {
      return false;
    }
    const left = skipTsWrappers(node.left);
    const right = skipTsWrappers(node.right);
    const secretLeft = this.isSecretRead(left);
    const other = secretLeft ? right : left;
    if (!secretLeft && !this.isSecretRead(right)) {
      return false;
    }
    // `token === undefined`, `typeof token !== 'string'`, `token.length === 0`: presence checks, not lookups.
    if (other.type === AST_NODE_TYPES.Literal || other.type === AST_NODE_TYPES.UnaryExpression || (other.type === AST_NODE_TYPES.Identifier && other.name === 'undefined')) {
      return false;
    }
    if (other.type === AST_NODE_TYPES.MemberExpression && propertyName(other) === 'length') {
      return false;
    }
    return isTested(node);
  }

  /** Whether an expression reads the request: rooted at a parameter or a request-derived local, or built from one (`new URL(req.url)`, `String(req.query.t)`). */
  private fromRequest(node: TSESTree.Node, depth: number): boolean {
    const expr = skipTsWrappers(node);
    if (expr.type === AST_NODE_TYPES.AwaitExpression) {
      return this.fromRequest(expr.argument, depth);
    }
    if (expr.type === AST_NODE_TYPES.LogicalExpression) {
      return this.fromRequest(expr.left, depth);
    }
    const root = rootName(expr);
    if (root !== null && this.requestNames.has(root)) {
      return true;
    }
    if (depth < 2 && (expr.type === AST_NODE_TYPES.CallExpression || expr.type === AST_NODE_TYPES.NewExpression)) {
      return expr.arguments.some((arg) => this.fromRequest(arg, depth + 1));
    }
    return false;
  }

  /** `token`, `req.params.token`, `req.query['code']`, `url.searchParams.get('token')`, `c.req.param('token')`. */
  private isSecretRead(node: TSESTree.Node): boolean {
    const expr = skipTsWrappers(node);
    switch (expr.type) {
      case AST_NODE_TYPES.Identifier:
        return this.secrets.has(expr.name);
      case AST_NODE_TYPES.AwaitExpression:
        return this.isSecretRead(expr.argument);
      case AST_NODE_TYPES.ChainExpression:
        return this.isSecretRead(expr.expression);
      case AST_NODE_TYPES.MemberExpression: {
        const name = propertyName(expr);
        return name !== null && isSecretName(name) && this.fromRequest(expr.object, 0);
      }
      case AST_NODE_TYPES.CallExpression: {
        const callee = skipTsWrappers(expr.callee);
        const first = expr.arguments[0];
        return (
          callee.type === AST_NODE_TYPES.MemberExpression &&
          ['get', 'param', 'query', 'header'].includes(propertyName(callee) ?? '') &&
          first?.type === AST_NODE_TYPES.Literal &&
          typeof first.value === 'string' &&
          isSecretName(first.value) &&
          this.fromRequest(callee.object, 0)
        );
      }
      default:
        return false;
    }
  }

  /** A secret anywhere in a call argument, within the budget: `{ where: { token } }`, `[token]`, `sha256(token)`, `` `…${token}` ``. */
  private containsSecret(node: TSESTree.Node, budget: { left: number }): boolean {
    if (budget.left-- <= 0) {
      return false;
    }
    const expr = skipTsWrappers(node);
    if (this.isSecretRead(expr)) {
      return true;
    }
    switch (expr.type) {
      case AST_NODE_TYPES.ObjectExpression:
        return expr.properties.some((property) => this.containsSecret(property.type === AST_NODE_TYPES.Property ? property.value : property.argument, budget));
      case AST_NODE_TYPES.ArrayExpression:
        return expr.elements.some((element) => element !== null && this.containsSecret(element.type === AST_NODE_TYPES.SpreadElement ? element.argument : element, budget));
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression:
        return expr.arguments.some((arg) => this.containsSecret(arg, budget));
      case AST_NODE_TYPES.TemplateLiteral:
        return expr.expressions.some((inner) => this.containsSecret(inner, budget));
      case AST_NODE_TYPES.AwaitExpression:
        return this.containsSecret(expr.argument, budget);
      case AST_NODE_TYPES.BinaryExpression:
      case AST_NODE_TYPES.LogicalExpression:
        return this.containsSecret(expr.left, budget) || this.containsSecret(expr.right, budget);
      default:
        return false;
    }
  }
}
