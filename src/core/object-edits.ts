import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';
import { indentOf } from './layout';

type SourceCode = Readonly<TSESLint.SourceCode>;
type Fixer = TSESLint.RuleFixer;
type Fix = TSESLint.RuleFix;

/**
 * Adds `text` (`key: value`) as the last property of an object literal, keeping its layout:
 * `{}` becomes `{ text }`, a one-line object gets `, text`, and a multi-line object gets the
 * property on its own line with the indentation of the one before. Trailing commas are kept.
 * @example insertProperty(sourceCode, fixer, init, 'signal: AbortSignal.timeout(10000)')
 */
export function insertProperty(sourceCode: SourceCode, fixer: Fixer, object: TSESTree.ObjectExpression, text: string): Fix {
  const last = object.properties.at(-1);
  if (!last) {
    const open = sourceCode.getFirstToken(object)!;
    return sourceCode.getCommentsInside(object).length === 0
      ? fixer.replaceTextRange([open.range[0], object.range[1]], `{ ${text} }`)
      : fixer.insertTextAfter(open, ` ${text},`);
  }
  const startsLine = sourceCode.getTokenBefore(last)!.loc.end.line < last.loc.start.line;
  if (startsLine && object.loc.start.line < last.loc.start.line) {
    return fixer.insertTextAfter(last, `,\n${indentOf(sourceCode, last)}${text}`);
  }
  return fixer.insertTextAfter(last, `, ${text}`);
}

/**
 * Replaces the value of a property, expanding shorthand (`{ signal }` -> `signal: <text>`).
 * @example replacePropertyValue(sourceCode, fixer, timeoutProperty, '10000')
 */
export function replacePropertyValue(sourceCode: SourceCode, fixer: Fixer, property: TSESTree.Property, text: string): Fix {
  if (property.shorthand) {
    const key = sourceCode.getText(property.key);
    const value = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
    return fixer.replaceText(value, `${key}: ${text}`);
  }
  return fixer.replaceText(property.value, text);
}

/**
 * Adds an argument to a call or `new` expression: at the end, or before the argument `before`.
 * Handles trailing commas and parenthesised arguments; `null` for `new X` without parentheses.
 * @example addArgument(sourceCode, fixer, call, '{ signal: AbortSignal.timeout(10000) }', null)
 */
export function addArgument(
  sourceCode: SourceCode,
  fixer: Fixer,
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  text: string,
  before: TSESTree.Node | null,
): Fix | null {
  if (before) {
    const index = call.arguments.indexOf(before as TSESTree.CallExpressionArgument);
    const previous = index > 0 ? call.arguments[index - 1] : undefined;
    const anchor = previous
      ? sourceCode.getTokenAfter(previous, { filter: ASTUtils.isCommaToken })
      : sourceCode.getTokenAfter(call.callee, { filter: ASTUtils.isOpeningParenToken });
    if (!anchor) {
      return null;
    }
    return fixer.insertTextAfter(anchor, previous ? ` ${text},` : `${text}, `);
  }
  const close = sourceCode.getLastToken(call);
  if (!close || !ASTUtils.isClosingParenToken(close) || (call.arguments.length === 0 && !ASTUtils.isOpeningParenToken(sourceCode.getTokenBefore(close)!))) {
    return null;
  }
  if (call.arguments.length === 0) {
    return fixer.insertTextBefore(close, text);
  }
  const previous = sourceCode.getTokenBefore(close)!;
  return ASTUtils.isCommaToken(previous) ? fixer.insertTextAfter(previous, ` ${text}`) : fixer.insertTextBefore(close, `, ${text}`);
}
