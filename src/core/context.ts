import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

/**
 * What an engine reads of the file it analyses: its source code (AST, scopes, text), its
 * name and the shared settings. Every ESLint rule context is one; so is a project file
 * parsed outside ESLint, which lets the engines run on another file's AST.
 */
export interface FileContext {
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  readonly filename: string;
  readonly settings: Readonly<Record<string, unknown>>;
}

const memos = new WeakMap<TSESTree.Program, Map<PerFileKey<unknown>, unknown>>();
let lastProgram: TSESTree.Program | null = null;
let lastMemo: Map<PerFileKey<unknown>, unknown> | undefined;

/** A key for one kind of per-file result; its description names it in a debugger. */
export type PerFileKey<T> = symbol & { readonly __perFile?: T };

/** A new key for `perFile`. @example const ROUTES = perFileKey<Route[]>('routes'); */
export function perFileKey<T>(description: string): PerFileKey<T> {
  return Symbol(description) as PerFileKey<T>;
}

/**
 * The one per-file memo: `make()` runs once per parsed file (keyed by its Program node, so
 * an edit in the editor, which parses anew, starts afresh) and every rule shares the result.
 * @example const index = perFile(context, MODULE_INDEX, () => buildIndex(context));
 */
export function perFile<T>(context: FileContext, key: PerFileKey<T>, make: () => T): T {
  const program = context.sourceCode.ast;
  let memo = program === lastProgram ? lastMemo : memos.get(program);
  if (!memo) {
    memo = new Map();
    memos.set(program, memo);
  }
  // Rules ask many times per file in a row: the last file's memo is one comparison away.
  lastProgram = program;
  lastMemo = memo;
  const found = memo.get(key);
  if (found !== undefined || memo.has(key)) {
    return found as T;
  }
  const value = make();
  memo.set(key, value);
  return value;
}
