import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

/**
 * The source text of a node as one short line for a message: line breaks and the indentation
 * around them are dropped (`axios\n  .get` → `axios.get`), other whitespace runs become one
 * space (`(api as any).get` keeps its spaces), and long text is cut with `…`.
 */
export function snippet(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node, max = 60): string {
  const text = sourceCode.getText(node).replace(/\s*\n\s*/gu, '').replace(/\s+/gu, ' ');
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
