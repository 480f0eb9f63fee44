/** Test helpers of the no-ssrf suites. */

/** Where an error is, as RuleTester reads it. */
export interface Place {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/**
 * The place of `node` (its text) in `code`, where it follows `before` (the `nth` such occurrence):
 * the reported node is named by its text and what precedes it.
 * @example at(code, 'await fetch(', 'url') // the `url` argument of `await fetch(url)`
 */
export function at(code: string, before: string, node: string, nth = 0): Place {
  let index = -1;
  for (let i = 0; i <= nth; i++) {
    index = code.indexOf(before + node, index + 1);
    if (index === -1) {
      throw new Error(`not in the code: ${before}${node}`);
    }
  }
  const start = index + before.length;
  const position = (offset: number): { line: number; column: number } => {
    const lines = code.slice(0, offset).split('\n');
    return { line: lines.length, column: lines.at(-1)!.length + 1 };
  };
  const from = position(start);
  const to = position(start + node.length);
  return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
}
