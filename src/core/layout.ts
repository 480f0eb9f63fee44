/** How a file's text is laid out, for edits that must look written by hand. */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

/** The line break the file uses (`\r\n` when its first line ends with one). */
export function lineBreakOf(sourceCode: Readonly<TSESLint.SourceCode>): string {
  const index = sourceCode.text.indexOf('\n');
  return index > 0 && sourceCode.text[index - 1] === '\r' ? '\r\n' : '\n';
}

/** The spaces and tabs that start the line `node` starts on: what a new line before it is indented with. */
export function indentOf(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node | TSESTree.Token): string {
  return /^[ \t]*/u.exec(sourceCode.lines[node.loc.start.line - 1] ?? '')![0];
}
