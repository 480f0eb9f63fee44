import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

import { methodCallSelector, namedOrMethodCallSelector } from '../../src/core/selectors';

/** The `line:column` of every node the selector hands a listener, with ESLint's own selector engine. */
function matched(selector: string, code: string, typescript = false): string[] {
  const hits: string[] = [];
  const rule = { meta: { schema: [] }, create: () => ({ [selector]: (node: { loc: { start: { line: number; column: number } } }) => void hits.push(`${node.loc.start.line}:${node.loc.start.column}`) }) };
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(code, [{
    files: ['**/*.ts', '**/*.js'],
    ...(typescript ? { languageOptions: { parser: tsParser } } : {}),
    plugins: { probe: { rules: { calls: rule } } },
    rules: { 'probe/calls': 'error' },
  }], { filename: typescript ? 'file.ts' : 'file.js' });
  expect(messages).toEqual([]);
  return hits;
}

const CODE = [
  "app.get('/', h);", // 1: a method named in the list
  "get('/');", // 2: a plain call
  'db.$query(sql);', // 3: a name with `$`
  "(app?.post)('/x');", // 4: wrapped in an optional chain
  'app.posts();', // 5: a longer name
  "a.b.post('/y');", // 6: deeper receiver
  "app['get']('/');", // 7: computed: no property name
].join('\n');

describe('methodCallSelector', () => {
  it('matches calls of the named methods and wrapped callees, nothing else', () => {
    expect(matched(methodCallSelector(['get', 'post', '$query']), CODE)).toEqual(['1:0', '3:0', '4:0', '6:0']);
  });

  it('matches TypeScript-wrapped callees, which the rules look through', () => {
    const code = "(app.get as any)('/');\napp.get!('/');\napp.put<T>('/');\nfoo<T>();";
    expect(matched(methodCallSelector(['get']), code, true)).toEqual(['1:0', '2:0']);
  });

  it('is accepted by ESLint 8.57 as well', () => {
    const { Linter: Linter8 } = createRequire(import.meta.url)('eslint8') as { Linter: new () => { defineRule(name: string, rule: object): void; verify(code: string, config: object): unknown[] } };
    const linter = new Linter8();
    const hits: number[] = [];
    linter.defineRule('calls', { create: () => ({ [methodCallSelector(['get', '$query'])]: (node: { loc: { start: { line: number } } }) => void hits.push(node.loc.start.line) }) });
    expect(linter.verify(CODE, { parserOptions: { ecmaVersion: 2022 }, rules: { calls: 'error' } })).toEqual([]);
    expect(hits).toEqual([1, 3, 4]);
  });
});

describe('namedOrMethodCallSelector', () => {
  it('adds calls of plain names', () => {
    expect(matched(namedOrMethodCallSelector(['post']), CODE)).toEqual(['2:0', '4:0', '6:0']);
  });
});
