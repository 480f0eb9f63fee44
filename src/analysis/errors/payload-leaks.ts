import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { ENCODING_METHODS, MAX_DEPTH } from './taint';
import type { ErrorLeak, ErrorTaint } from './taint';
import { resolveCallTarget } from '../../core/modules';
import { skipTsWrappers } from '../../core/static';
import type { FileContext } from '../../core/context';
import { memberName } from '../../core/ast';
import { isFunctionLike, returnedValues } from '../../core/functions';

/** Array methods whose result elements are what their callback returns. */
const MAPPERS = new Set(['map', 'flatMap']);

/**
 * The places in a response payload that carry error data: object values, array elements,
 * spreads, conditional branches, `JSON.stringify` arguments; `ignoreProperties` names
 * top-level properties that are not sent (`cause`).
 */
export function leaksIn(
  context: FileContext,
  taintOf: (node: TSESTree.Node) => ErrorTaint | null,
  payload: TSESTree.Node,
  ignoreProperties: readonly string[] = [],
): ErrorLeak[] {
  const out: ErrorLeak[] = [];
  new PayloadWalk(context, taintOf).collect(payload, out, ignoreProperties);
  return out;
}

/** One walk over a payload, with the taint analysis that judges its leaves. */
class PayloadWalk {
  constructor(
    private readonly context: FileContext,
    private readonly taintOf: (node: TSESTree.Node) => ErrorTaint | null,
  ) {}

  collect(raw: TSESTree.Node, out: ErrorLeak[], ignore: readonly string[] = [], level = 0): void {
    const node = skipTsWrappers(raw);
    if (level > MAX_DEPTH) {
      return;
    }
    switch (node.type) {
      case AST_NODE_TYPES.ObjectExpression:
        for (const prop of node.properties) {
          if (prop.type === AST_NODE_TYPES.SpreadElement) {
            this.collectSpread(prop, out, level);
          } else if (!ignore.includes(prop.key.type === AST_NODE_TYPES.Identifier && !prop.computed ? prop.key.name : '')) {
            this.collect(prop.value, out, [], level + 1);
          }
        }
        return;
      case AST_NODE_TYPES.ArrayExpression:
        for (const element of node.elements) {
          if (element?.type === AST_NODE_TYPES.SpreadElement) {
            this.collectSpread(element, out, level);
          } else if (element) {
            this.collect(element, out, [], level + 1);
          }
        }
        return;
      case AST_NODE_TYPES.ConditionalExpression:
        if (this.isContainer(node.consequent) || this.isContainer(node.alternate)) {
          this.collect(node.consequent, out, [], level + 1);
          this.collect(node.alternate, out, [], level + 1);
          return;
        }
        break;
      case AST_NODE_TYPES.LogicalExpression:
        if (node.operator === '&&' && this.isContainer(node.right)) {
          this.collect(node.right, out, [], level + 1);
          return;
        }
        break;
      case AST_NODE_TYPES.TemplateLiteral:
        // `data: ${JSON.stringify({ message: err.message })}\n\n` (an SSE frame): into the serialised object.
        if (node.expressions.some((expression) => this.isSerialisedContainer(expression))) {
          node.expressions.forEach((expression) => this.collect(expression, out, [], level + 1));
          return;
        }
        break;
      case AST_NODE_TYPES.CallExpression: {
        const target = resolveCallTarget(this.context, node.callee);
        const arg = node.arguments[0];
        if (target?.module === null && target.path.join('.') === 'JSON.stringify' && arg && this.isContainer(arg)) {
          this.collect(arg, out, [], level + 1);
          return;
        }
        // `encoder.encode(`data: ${JSON.stringify({ error: err.message })}\n\n`)`, `Buffer.from(text)`: into the encoded text.
        const callee = skipTsWrappers(node.callee);
        const encodes =
          (callee.type === AST_NODE_TYPES.MemberExpression && ENCODING_METHODS.has(memberName(this.context, callee) ?? '') && !this.taintOf(callee.object)) ||
          (target?.module === null && target.path.join('.') === 'Buffer.from');
        if (encodes && arg && arg.type !== AST_NODE_TYPES.SpreadElement) {
          this.collect(arg, out, [], level + 1);
          return;
        }
        // `results.map((r) => ({ error: r.reason.message }))`: the elements are what the callback returns.
        const results = this.mappedResults(node);
        if (results.length > 0 && results.some((result) => this.isContainer(result)) && !this.taintOf(skipTsWrappers(node.callee))) {
          results.forEach((result) => this.collect(result, out, [], level + 1));
          return;
        }
        break;
      }
      default:
        break;
    }
    const taint = this.taintOf(node);
    if (taint) {
      out.push({ ...taint, node });
    }
  }

  private collectSpread(spread: TSESTree.SpreadElement, out: ErrorLeak[], level: number): void {
    if (this.isContainer(spread.argument)) {
      this.collect(spread.argument, out, [], level + 1);
      return;
    }
    const taint = this.taintOf(spread.argument);
    if (taint) {
      out.push({ ...taint, node: spread });
    }
  }

  /** `JSON.stringify({ … })`, `JSON.stringify([ … ])`. */
  private isSerialisedContainer(node: TSESTree.Node): boolean {
    const call = skipTsWrappers(node);
    if (call.type !== AST_NODE_TYPES.CallExpression || !call.arguments[0] || !this.isContainer(call.arguments[0])) {
      return false;
    }
    const target = resolveCallTarget(this.context, call.callee);
    return target?.module === null && target.path.join('.') === 'JSON.stringify';
  }

  /** What the inline callback of `xs.map(…)`/`xs.flatMap(…)` returns (not looking into nested functions); `[]` otherwise. */
  private mappedResults(call: TSESTree.CallExpression): TSESTree.Node[] {
    const callee = skipTsWrappers(call.callee);
    const fn = call.arguments[0];
    if (callee.type !== AST_NODE_TYPES.MemberExpression || !MAPPERS.has(memberName(this.context, callee) ?? '') || !isFunctionLike(fn)) {
      return [];
    }
    return returnedValues(this.context, fn);
  }

  private isContainer(node: TSESTree.Node, level = 0): boolean {
    const inner = skipTsWrappers(node);
    return (
      inner.type === AST_NODE_TYPES.ObjectExpression ||
      inner.type === AST_NODE_TYPES.ArrayExpression ||
      (level < 8 &&
        ((inner.type === AST_NODE_TYPES.ConditionalExpression && (this.isContainer(inner.consequent, level + 1) || this.isContainer(inner.alternate, level + 1))) ||
          (inner.type === AST_NODE_TYPES.LogicalExpression && inner.operator === '&&' && this.isContainer(inner.right, level + 1))))
    );
  }
}
