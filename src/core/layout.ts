import type { TSESLint } from '@typescript-eslint/utils';

/** How a file's text is laid out, for edits that must look written by hand. */

/** The line break the file uses (`\r\n` when its first line ends with one). */
export function lineBreakOf(sourceCode: Readonly<TSESLint.SourceCode>): string {
  const index = sourceCode.text.indexOf('\n');
  return index > 0 && sourceCode.text[index - 1] === '\r' ? '\r\n' : '\n';
}
