import fs from 'node:fs';
import path from 'node:path';

import { parseForESLint } from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { SourceCode } from 'eslint';
import { vi } from 'vitest';

import type { FileContext } from '../../src/core/context';
import { STAT_FRESH_MS } from '../../src/project/files';
import { makeTempDir } from '../temp-dirs';

/** tests/fixtures/resolution, absolute. */
export const FIXTURES = path.resolve(__dirname, '../fixtures/resolution');

/** A fixture path: `fixture('app/src/util.ts')`. */
export function fixture(...parts: string[]): string {
  return path.join(FIXTURES, ...parts);
}

/** The file context ESLint (10) would hand a rule for `file` (its text on disk, or `text`). */
export function contextFor(file: string, settings: Record<string, unknown> = {}, text = fs.readFileSync(file, 'utf8')): FileContext {
  const jsx = !/\.[cm]?ts$/u.test(file);
  const parsed = parseForESLint(text, { filePath: file, sourceType: 'module', ecmaVersion: 'latest', ecmaFeatures: { jsx }, range: true, loc: true, tokens: true, comment: true });
  // What ESLint does before rules run: every node knows its parent.
  const stack: TSESTree.Node[] = [parsed.ast as TSESTree.Node];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const key of parsed.visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const item of Array.isArray(child) ? child : [child]) {
        if (item && typeof item === 'object' && typeof (item as TSESTree.Node).type === 'string') {
          (item as { parent: TSESTree.Node }).parent = node;
          stack.push(item as TSESTree.Node);
        }
      }
    }
  }
  const sourceCode = new SourceCode({
    text,
    ast: parsed.ast as never,
    parserServices: parsed.services,
    scopeManager: parsed.scopeManager as never,
    visitorKeys: parsed.visitorKeys as never,
  }) as unknown as TSESLint.SourceCode;
  return { sourceCode, filename: file, settings };
}

/** A fresh copy of a fixture project in the temp directory (real path), for links and edits. */
export function copyFixture(name: string): string {
  const dir = makeTempDir(`agent-guard-${name}-`);
  fs.cpSync(fixture(name), dir, { recursive: true });
  return dir;
}

/** A temp directory (real path) holding `files` (path → text). */
export function tempProject(files: Record<string, string>): string {
  const dir = makeTempDir('agent-guard-project-');
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** The first node of the file, in source order, that `test` accepts. */
export function findNode<T extends TSESTree.Node>(context: FileContext, test: (node: TSESTree.Node) => node is T): T {
  let found: T | null = null;
  const visit = (node: TSESTree.Node): void => {
    if (found) {
      return;
    }
    if (test(node)) {
      found = node;
      return;
    }
    for (const key of context.sourceCode.visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const item of Array.isArray(child) ? child : [child]) {
        if (item && typeof item === 'object' && typeof (item as TSESTree.Node).type === 'string') {
          visit(item as TSESTree.Node);
        }
      }
    }
  };
  visit(context.sourceCode.ast);
  if (!found) {
    throw new Error('node not found');
  }
  return found;
}

/** The first Identifier named `name` inside the function `use` of the file (a reference, not the import). */
export function useOf(context: FileContext, name: string): TSESTree.Identifier {
  const use = findNode(context, (node): node is TSESTree.FunctionDeclaration => node.type === 'FunctionDeclaration' && node.id?.name === 'use');
  let found: TSESTree.Identifier | null = null;
  const visit = (node: TSESTree.Node): void => {
    if (found) {
      return;
    }
    if (node.type === 'Identifier' && node.name === name && node.parent?.type !== 'MemberExpression') {
      found = node;
      return;
    }
    for (const key of context.sourceCode.visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const item of Array.isArray(child) ? child : [child]) {
        if (item && typeof item === 'object' && typeof (item as TSESTree.Node).type === 'string') {
          visit(item as TSESTree.Node);
        }
      }
    }
  };
  visit(use.body!);
  if (!found) {
    throw new Error(`${name} not used in use()`);
  }
  return found;
}

/** The member expression `object.property` inside the file. */
export function memberOf(context: FileContext, object: string, property: string): TSESTree.MemberExpression {
  return findNode(
    context,
    (node): node is TSESTree.MemberExpression =>
      node.type === 'MemberExpression' &&
      node.property.type === 'Identifier' &&
      node.property.name === property &&
      (object === 'require()' ? node.object.type === 'CallExpression' : node.object.type === 'Identifier' && node.object.name === object),
  );
}

/** Sets a file's mtime forward, so a same-size edit is seen as a change even within the clock's resolution. */
export function touchForward(file: string, seconds = 10): void {
  const stats = fs.statSync(file);
  const time = new Date(stats.mtimeMs + seconds * 1000);
  fs.utimesSync(file, time, time);
}

/**
 * Runs `body` with a fake `Date`. `later()` lets `STAT_FRESH_MS` go by: lints started after it look
 * at other files on disk again, so an edit made before it is seen (lints within the window share one
 * look at each file).
 */
export async function withStatClock(body: (later: () => void) => unknown): Promise<void> {
  vi.useFakeTimers({ toFake: ['Date'] });
  try {
    await body(() => vi.advanceTimersByTime(STAT_FRESH_MS));
  } finally {
    vi.useRealTimers();
  }
}
