import fs from 'node:fs';
import path from 'node:path';

import type { TSESTree } from '@typescript-eslint/utils';
import { SourceCode } from 'eslint';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { limitProjectCache, MAX_CACHED_BYTES, MAX_FILE_BYTES, projectFile, STAT_FRESH_MS } from '../../src/project/files';
import { exportedDefinition } from '../../src/project/exports';
import { clearProjectCaches } from '../../src/project/settings';
import { contextFor, fixture, tempProject, touchForward, withStatClock } from './helpers';

beforeEach(() => clearProjectCaches());

const like = contextFor(fixture('app/src/main.ts'), { 'agent-guard': { auth: { functions: ['x'] } } });

describe('projectFile', () => {
  it('parses a file into the running ESLint’s SourceCode, with the settings of the asking file', () => {
    const file = projectFile(fixture('app/src/util.ts'), like)!;
    expect(file.filename).toBe(fixture('app/src/util.ts'));
    expect(file.sourceCode).toBeInstanceOf(SourceCode);
    expect(file.sourceCode.ast.body[0]!.type).toBe('ExportNamedDeclaration');
    expect(file.sourceCode.getText(file.sourceCode.ast.body[0]!)).toBe('export function util() {\n  return 1;\n}');
    expect(file.context).toEqual({ sourceCode: file.sourceCode, filename: fixture('app/src/util.ts'), settings: like.settings });
    expect(file.context.settings).toBe(like.settings);
    expect(file.sourceCode.scopeManager!.globalScope!.childScopes[0]!.set.has('util')).toBe(true);
    // Parents set as ESLint sets them, so scope lookups and engines can walk up.
    const declaration = file.sourceCode.ast.body[0] as TSESTree.ExportNamedDeclaration;
    expect(declaration.parent).toBe(file.sourceCode.ast);
    expect(declaration.declaration!.parent).toBe(declaration);
    expect(file.sourceCode.getScope((declaration.declaration as TSESTree.FunctionDeclaration).body).type).toBe('function');
  });

  it('parses once per process: the same objects on the next call, another view for other settings', () => {
    const first = projectFile(fixture('app/src/util.ts'), like)!;
    expect(projectFile(fixture('app/src/util.ts'), like)).toBe(first);
    const other = projectFile(fixture('app/src/util.ts'), { ...like, settings: {} })!;
    expect(other).not.toBe(first);
    expect(other.sourceCode).toBe(first.sourceCode);
  });

  it('parses JSX in .tsx, .jsx and .js files and TypeScript generics in .ts files', () => {
    expect(projectFile(fixture('app/src/view.tsx'), like)?.sourceCode.ast.body[0]!.type).toBe('ExportNamedDeclaration');
    const dir = tempProject({ 'a.jsx': 'export const A = () => <a />;', 'b.js': 'export const B = () => <b />;', 'c.ts': 'export const id = <T,>(x: T) => x; const y = <any>1;' });
    for (const name of ['a.jsx', 'b.js', 'c.ts']) {
      expect(projectFile(path.join(dir, name), like), name).not.toBe(null);
    }
  });

  it('parses JavaScript with the running ESLint’s parser and scope analyser, TypeScript (and what espree rejects) with typescript-estree', () => {
    const dir = tempProject({
      'plain.js': "import fs from 'node:fs';\nexport const read = (p) => fs.readFileSync(p);\n",
      'script.cjs': 'if (!module.parent) return;\nwith (Math) { exports.pi = PI; }\n',
      'typed.js': 'export const n: number = 1;\n',
      'typed.ts': 'export const n: number = 1;\n',
    });
    const parsed = (name: string) => projectFile(path.join(dir, name), like)!;
    // espree (acorn) leaves `start`/`end` on its nodes; typescript-estree does not.
    expect('start' in parsed('plain.js').sourceCode.ast).toBe(true);
    expect(parsed('plain.js').sourceCode.scopeManager!.globalScope!.childScopes[0]!.set.has('read')).toBe(true);
    expect(parsed('plain.js').sourceCode.ast.body[1]!.parent).toBe(parsed('plain.js').sourceCode.ast);
    // A CommonJS script (top-level return, `with`) parses as a script, with Node's function scope.
    expect('start' in parsed('script.cjs').sourceCode.ast).toBe(true);
    expect(parsed('script.cjs').sourceCode.ast.body[1]!.type).toBe('WithStatement');
    // Type annotations in a .js file: espree rejects them, typescript-estree reads them.
    expect('start' in parsed('typed.js').sourceCode.ast).toBe(false);
    expect(parsed('typed.js').sourceCode.ast.body[0]!.type).toBe('ExportNamedDeclaration');
    expect('start' in parsed('typed.ts').sourceCode.ast).toBe(false);
  });

  it('keeps a parse without tokens and without TypeScript’s lib variables: globals stay unresolved, as in JavaScript', () => {
    const dir = tempProject({
      'helper.ts': "// Reads the JSON body.\nexport const parse = (text: string) => Promise.resolve(JSON.parse(text));\n",
      'helper.js': '/* Reads the JSON body. */\nexport const parse = (text) => Promise.resolve(JSON.parse(text));\n',
    });
    for (const name of ['helper.ts', 'helper.js']) {
      const { sourceCode } = projectFile(path.join(dir, name), like)!;
      expect(sourceCode.ast.tokens, name).toEqual([]);
      expect(sourceCode.getAllComments().map((comment) => comment.value.trim()), name).toEqual(['Reads the JSON body.']);
      const globalScope = sourceCode.scopeManager!.globalScope!;
      // No implicit variable per lib type (194 for esnext): `Promise` and `JSON` are references through the global scope.
      expect(globalScope.set.has('Promise'), name).toBe(false);
      expect(globalScope.through.map((reference) => reference.identifier.name).filter((id) => id === 'Promise' || id === 'JSON'), name).toEqual(['Promise', 'JSON']);
    }
  });

  it('answers the file being linted with its own SourceCode (the editor’s buffer)', () => {
    const file = projectFile(fixture('app/src/main.ts'), like)!;
    expect(file.sourceCode).toBe(like.sourceCode);
    expect(file.context).toBe(like);
  });

  it('parses sloppy-mode CommonJS (`with`) as a module; an export inside a block is not top-level', () => {
    const file = projectFile(fixture('broken/src/script.cjs'), like)!;
    expect(file.sourceCode.ast.body[0]!.type).toBe('WithStatement');
    expect(exportedDefinition(file, 'area')).toBe(null);
  });

  it('answers null for a file that does not parse, a missing or non-source file, a relative path', () => {
    expect(projectFile(fixture('broken/src/bad.ts'), like)).toBe(null);
    expect(projectFile(fixture('app/src/nope.ts'), like)).toBe(null);
    expect(projectFile(fixture('app/src/utils/data.json'), like)).toBe(null);
    expect(projectFile(fixture('app/src'), like)).toBe(null);
    expect(projectFile('app/src/util.ts', like)).toBe(null);
  });

  it('keeps the most recently used parses within the byte bound, and parses a dropped file again', () => {
    expect(MAX_CACHED_BYTES).toBe(4 * 1024 * 1024);
    const body = `export const list = [${'1,'.repeat(400)}];\n`;
    const dir = tempProject({ 'a.ts': body, 'b.ts': body, 'c.ts': body });
    const restore = limitProjectCache(2 * body.length + 10);
    try {
      const a = projectFile(path.join(dir, 'a.ts'), like)!;
      const b = projectFile(path.join(dir, 'b.ts'), like)!;
      // Used again: a is now the most recently used, b the first to go.
      expect(projectFile(path.join(dir, 'a.ts'), like)!.sourceCode.ast).toBe(a.sourceCode.ast);
      projectFile(path.join(dir, 'c.ts'), like);
      expect(projectFile(path.join(dir, 'a.ts'), like)!.sourceCode.ast).toBe(a.sourceCode.ast);
      const again = projectFile(path.join(dir, 'b.ts'), like)!;
      expect(again.sourceCode.ast).not.toBe(b.sourceCode.ast);
      expect(again.sourceCode.text).toBe(body);
    } finally {
      restore();
    }
  });

  it('answers null for a file over the size limit', () => {
    const dir = tempProject({ 'big.ts': `export const big = [${'1,'.repeat(MAX_FILE_BYTES / 2)}];\n`, 'limit.ts': `//${'x'.repeat(MAX_FILE_BYTES - 3)}\n` });
    expect(fs.statSync(path.join(dir, 'big.ts')).size).toBeGreaterThan(MAX_FILE_BYTES);
    expect(projectFile(path.join(dir, 'big.ts'), like)).toBe(null);
    expect(fs.statSync(path.join(dir, 'limit.ts')).size).toBe(MAX_FILE_BYTES);
    expect(projectFile(path.join(dir, 'limit.ts'), like)).not.toBe(null);
  });

  it('sees edits at the next lint: a new size or mtime parses anew; a file that stops parsing answers null until fixed', () => {
    return withStatClock(seesEdits);
  });

  function seesEdits(later: () => void): void {
    // Each lint of the linted file is a new parse of it: `relint()` stands for the next one, started
    // after the other file's last look has gone stale.
    let lint = like;
    const relint = (): typeof like => {
      later();
      return (lint = contextFor(fixture('app/src/main.ts'), like.settings as Record<string, unknown>));
    };
    const dir = tempProject({ 'a.ts': 'export const a = 1;\n' });
    const file = path.join(dir, 'a.ts');
    const first = projectFile(file, lint)!;
    expect(first.sourceCode.text).toBe('export const a = 1;\n');

    fs.writeFileSync(file, 'export const a = 22;\n');
    // Within one lint the other file is looked at once (one stat per lint, not per call)…
    expect(projectFile(file, lint)!.sourceCode.ast).toBe(first.sourceCode.ast);
    // …and lints that start within STAT_FRESH_MS of that look share it.
    vi.advanceTimersByTime(STAT_FRESH_MS - 1);
    lint = contextFor(fixture('app/src/main.ts'), like.settings as Record<string, unknown>);
    expect(projectFile(file, lint)!.sourceCode.ast).toBe(first.sourceCode.ast);
    relint();
    const second = projectFile(file, lint)!;
    expect(second.sourceCode.text).toBe('export const a = 22;\n');
    expect(second.sourceCode.ast).not.toBe(first.sourceCode.ast);

    // Same size: only the mtime tells.
    fs.writeFileSync(file, 'export const b = 22;\n');
    touchForward(file);
    relint();
    expect(projectFile(file, lint)!.sourceCode.text).toBe('export const b = 22;\n');

    fs.writeFileSync(file, 'export const = ;\n');
    touchForward(file, 20);
    relint();
    expect(projectFile(file, lint)).toBe(null);
    expect(projectFile(file, lint)).toBe(null);
    fs.writeFileSync(file, 'export const c = 3;\n');
    touchForward(file, 30);
    relint();
    expect(projectFile(file, lint)!.sourceCode.text).toBe('export const c = 3;\n');

    fs.rmSync(file);
    relint();
    expect(projectFile(file, lint)).toBe(null);
  }

  it('answers null when cross-file analysis is off', () => {
    expect(projectFile(fixture('app/src/util.ts'), { ...like, settings: { 'agent-guard': { project: { crossFile: false } } } })).toBe(null);
  });

  it('never throws on garbage', () => {
    expect(projectFile(fixture('app/src/util.ts'), null as never)).toBe(null);
    expect(projectFile(fixture('app/src/util.ts'), {} as never)).toBe(null);
    expect(projectFile(fixture('app/src/util.ts'), { ...like, sourceCode: Object.create(null) })).toBe(null);
    expect(projectFile(fixture('app/src/util.ts'), { ...like, sourceCode: { constructor: () => { throw new Error('no'); } } as never })).toBe(null);
    expect(projectFile(undefined as never, like)).toBe(null);
    expect(projectFile(`${fixture('app/src/util.ts')}\0`, like)).toBe(null);
  });
});
