import fs from 'node:fs';
import path from 'node:path';

import type { TSESTree } from '@typescript-eslint/utils';
import { beforeEach, describe, expect, it } from 'vitest';

import type { FileContext } from '../../src/core/context';
import { exportedDefinition, importBinding, importedDefinition, importedNameCalls, importedNameMayHold, importedNameReferences, MAX_REEXPORT_HOPS, projectImportNames } from '../../src/project/exports';
import type { Definition } from '../../src/project/exports';
import { projectFile } from '../../src/project/files';
import { clearProjectCaches } from '../../src/project/settings';
import { contextFor, fixture, memberOf, tempProject, touchForward, useOf } from './helpers';

beforeEach(() => clearProjectCaches());

/** `file:line name NodeType`, to compare definitions in one line. */
function describeDefinition(definition: Definition | null): string | null {
  if (!definition) {
    return null;
  }
  return `${path.relative(fixture(), definition.file.filename)}:${definition.node.loc.start.line} ${definition.name} ${definition.node.type}`;
}

function exported(file: string, name: string, like: FileContext = consumer): string | null {
  return describeDefinition(exportedDefinition(projectFile(fixture(file), like)!, name));
}

const consumer = contextFor(fixture('exports/consumer.ts'));
const used = (name: string): string | null => describeDefinition(importedDefinition(consumer, useOf(consumer, name)));

describe('projectImportNames: the cheap test before any lookup', () => {
  it('lists the names imported or required from project files, not packages, builtins, missing modules or type-only imports', () => {
    const names = [...projectImportNames(consumer)].sort();
    expect(names).toEqual(['Svc', 'a', 'arrow', 'bee', 'cjs', 'declared', 'dyn', 'dynamic', 'g', 'handler', 'list', 'loop', 'main', 'ns', 'stringName', 'viaEntry'].sort());
  });

  it('is empty with crossFile: false', () => {
    const off = contextFor(fixture('exports/consumer.ts'), { 'agent-guard': { project: { crossFile: false } } });
    expect(projectImportNames(off).size).toBe(0);
  });
});

describe('importedNameMayHold and importedNameReferences: which imported names can hold a wrapper', () => {
  const FETCH = /\bfetch\s*\(/u;
  const project = (): string =>
    tempProject({
      'package.json': '{}',
      'lib/http.ts': 'export async function getJson(url: string) {\n  return (await fetch(url)).json();\n}\n',
      'lib/text.ts': 'export const slug = (s: string) => s.toLowerCase();\n',
      'lib/index.ts': "export * from './http';\nexport { slug } from './text';\n",
      'lib/text-only.ts': "export * from './text';\n",
      'lib/deep.ts': "export * from './index';\n",
      'lib/loop-a.ts': "export * from './loop-b';\n",
      'lib/loop-b.ts': "export * from './loop-a';\n",
      'lib/calls.ts': "import { getJson } from './http';\nexport const load = () => getJson('/x');\n",
      'main.ts': [
        "import { getJson } from './lib/http';",
        "import { slug } from './lib/text';",
        "import { getJson as viaBarrel } from './lib';",
        "import { slug as textBarrel } from './lib/text-only';",
        "import { getJson as viaTwoBarrels } from './lib/deep';",
        "import { nothing } from './lib/loop-a';",
        "import { load } from './lib/calls';",
        "import { readFile } from 'node:fs';",
        'getJson(slug(viaBarrel(textBarrel(viaTwoBarrels(nothing(load()))))));',
        'readFile(getJson, () => {});',
        '',
      ].join('\n'),
    });

  it('answers from file texts, through barrels without spending an import hop, and through imports only `hops` deep', () => {
    const dir = project();
    const main = contextFor(path.join(dir, 'main.ts'));
    const holds = (name: string, hops?: number): boolean => importedNameMayHold(main, name, FETCH, hops);
    expect(holds('getJson', 0)).toBe(true);
    expect(holds('slug', 0)).toBe(false);
    // A barrel mentions nothing itself: the files it re-exports from are read in its place.
    expect(holds('viaBarrel', 0)).toBe(true);
    expect(holds('textBarrel', 0)).toBe(false);
    expect(holds('viaTwoBarrels', 0)).toBe(true);
    // A re-export cycle ends at the first repeat.
    expect(holds('nothing', 2)).toBe(false);
    // A wrapper of a wrapper is one import away.
    expect(holds('load', 0)).toBe(false);
    expect(holds('load', 1)).toBe(true);
    // Packages and unknown names are never project imports.
    expect(holds('readFile', 2)).toBe(false);
    expect(holds('missing', 2)).toBe(false);
  });

  it('lists the uses of the imported names asked about, and nothing with crossFile: false', () => {
    const dir = project();
    const main = contextFor(path.join(dir, 'main.ts'));
    const lines = (names: string[], context: FileContext = main): string[] =>
      importedNameReferences(context, new Set(names)).map((ref) => `${ref.identifier.name}:${ref.identifier.loc.start.line}:${ref.identifier.loc.start.column}`);
    expect(lines(['getJson', 'load'])).toEqual(['getJson:9:0', 'getJson:10:9', 'load:9:56']);
    expect(lines(['readFile'])).toEqual([]);
    expect(lines([])).toEqual([]);
    const off = contextFor(path.join(dir, 'main.ts'), { 'agent-guard': { project: { crossFile: false } } });
    expect(lines(['getJson'], off)).toEqual([]);
  });

  it('lists the calls of the imported names kept (name(…) and name.member(…), not a name passed as an argument), asking once per name', () => {
    const dir = tempProject({
      'package.json': '{}',
      'lib/http.ts': 'export async function getJson(url: string) {\n  return (await fetch(url)).json();\n}\nexport const api = { get: getJson };\n',
      'main.ts': [
        "import { getJson, api } from './lib/http';",
        "import { readFile } from 'node:fs';",
        "getJson('/a');",
        'getJson();',
        "api.get('/b');",
        'readFile(getJson, () => {});',
        '',
      ].join('\n'),
    });
    const main = contextFor(path.join(dir, 'main.ts'));
    const asked: string[] = [];
    const calls = (withArguments: boolean): string[] =>
      importedNameCalls(main, (name) => (asked.push(name), name !== 'nothing'), { withArguments }).map((call) => `${call.loc.start.line}:${call.loc.start.column}`);
    expect(calls(false)).toEqual(['3:0', '4:0', '5:0']);
    expect(asked).toEqual(['getJson', 'api']);
    expect(calls(true)).toEqual(['3:0', '5:0']);
    expect(importedNameCalls(main, () => false)).toEqual([]);
  });
});

describe('importedDefinition: import shapes', () => {
  it('follows ESM named, renamed, string-named and default imports', () => {
    expect(used('declared')).toBe('exports/esm.ts:1 declared FunctionDeclaration');
    expect(used('Svc')).toBe('exports/esm.ts:3 Service ClassDeclaration');
    expect(used('stringName')).toBe('exports/esm.ts:11 value Literal');
    expect(used('main')).toBe('exports/esm.ts:18 main FunctionDeclaration');
    expect(used('arrow')).toBe('exports/esm.ts:4 arrow ArrowFunctionExpression');
  });

  it('follows a namespace import through its property, given as a member or as `property`', () => {
    expect(describeDefinition(importedDefinition(consumer, memberOf(consumer, 'ns', 'declared')))).toBe('exports/esm.ts:1 declared FunctionDeclaration');
    expect(describeDefinition(importedDefinition(consumer, memberOf(consumer, 'ns', 'declared').object, 'arrow'))).toBe('exports/esm.ts:4 arrow ArrowFunctionExpression');
    expect(importedDefinition(consumer, memberOf(consumer, 'ns', 'missing'))).toBe(null);
    expect(importedDefinition(consumer, memberOf(consumer, 'ns', 'declared').object)).toBe(null);
  });

  it('follows dynamic import()', () => {
    expect(describeDefinition(importedDefinition(consumer, memberOf(consumer, 'dynamic', 'arrow')))).toBe('exports/esm.ts:4 arrow ArrowFunctionExpression');
    expect(used('dyn')).toBe('exports/esm.ts:1 declared FunctionDeclaration');
  });

  it('follows CommonJS require: destructured, renamed, whole module, `.property`, `import = require`', () => {
    expect(used('a')).toBe('exports/cjs.js:1 a FunctionDeclaration');
    expect(used('bee')).toBe('exports/cjs.js:4 b FunctionExpression');
    expect(describeDefinition(importedDefinition(consumer, memberOf(consumer, 'cjs', 'c')))).toBe('exports/cjs.js:5 c FunctionExpression');
    expect(used('cjs')).toBe('exports/cjs.js:2 default ObjectExpression');
    expect(used('g')).toBe('exports/cjs.js:9 g FunctionExpression');
    expect(used('list')).toBe('exports/cjs-alias.js:1 list FunctionExpression');
    expect(used('handler')).toBe('exports/cjs-fn.js:1 handler FunctionExpression');
  });

  it('follows require(…) used in place', () => {
    expect(describeDefinition(importedDefinition(consumer, memberOf(consumer, 'require()', 'h')))).toBe('exports/cjs.js:10 H ClassExpression');
    const call = memberOf(consumer, 'require()', 'h').object;
    expect(describeDefinition(importedDefinition(consumer, call))).toBe('exports/cjs.js:2 default ObjectExpression');
  });

  it('answers null for type-only imports, packages, builtins, missing modules, locals', () => {
    const typeParam = (consumer.sourceCode.ast.body.at(-1) as TSESTree.ExportNamedDeclaration).declaration as TSESTree.FunctionDeclaration;
    const onlyType = ((typeParam.params[0] as TSESTree.Identifier).typeAnnotation!.typeAnnotation as TSESTree.TSTypeReference).typeName as TSESTree.Identifier;
    expect(onlyType.name).toBe('OnlyType');
    expect(importedDefinition(consumer, onlyType)).toBe(null);
    expect(importBinding(consumer, onlyType)).toBe(null);
    for (const name of ['lodash', 'readFile', 'notThere', 'notImport']) {
      expect(used(name), name).toBe(null);
    }
  });

  it('tells the import a name stands for', () => {
    expect(importBinding(consumer, useOf(consumer, 'Svc'))).toEqual({ specifier: './esm', name: 'Service' });
    expect(importBinding(consumer, useOf(consumer, 'main'))).toEqual({ specifier: './esm', name: 'default' });
    expect(importBinding(consumer, useOf(consumer, 'bee'))).toEqual({ specifier: './cjs', name: 'b' });
    expect(importBinding(consumer, useOf(consumer, 'cjs'))).toEqual({ specifier: './cjs', name: 'default' });
    expect(importBinding(consumer, useOf(consumer, 'g'))).toEqual({ specifier: './cjs', name: 'g' });
    expect(importBinding(consumer, useOf(consumer, 'handler'))).toEqual({ specifier: './cjs-fn', name: 'default' });
    expect(importBinding(consumer, memberOf(consumer, 'ns', 'declared').object as TSESTree.Identifier)).toEqual({ specifier: './esm', name: '*' });
    expect(importBinding(consumer, useOf(consumer, 'notImport'))).toBe(null);
  });
});

describe('exportedDefinition: export shapes', () => {
  it('reads ESM declarations, specifiers and defaults', () => {
    expect(exported('exports/esm.ts', 'generated')).toBe('exports/esm.ts:2 generated FunctionDeclaration');
    expect(exported('exports/esm.ts', 'wrapped')).toBe('exports/esm.ts:5 wrapped CallExpression');
    expect(exported('exports/esm.ts', 'alias')).toBe('exports/esm.ts:4 arrow ArrowFunctionExpression');
    expect(exported('exports/esm.ts', 'local')).toBe('exports/esm.ts:9 local FunctionDeclaration');
    expect(exported('exports/esm.ts', 'renamed')).toBe('exports/esm.ts:9 local FunctionDeclaration');
    expect(exported('exports/esm.ts', 'string name')).toBe('exports/esm.ts:11 value Literal');
    expect(exported('exports/esm.ts', 'default')).toBe('exports/esm.ts:18 main FunctionDeclaration');
    expect(exported('exports/default-expr.ts', 'default')).toBe('exports/default-expr.ts:1 default ArrowFunctionExpression');
    expect(exported('exports/default-id.ts', 'default')).toBe('exports/default-id.ts:1 handler FunctionExpression');
    expect(exported('exports/default-class.ts', 'default')).toBe('exports/default-class.ts:1 default ClassDeclaration');
  });

  it('takes the overload with a body', () => {
    const definition = exportedDefinition(projectFile(fixture('exports/esm.ts'), consumer)!, 'overloaded')!;
    expect(describeDefinition(definition)).toBe('exports/esm.ts:17 overloaded FunctionDeclaration');
    expect((definition.node as TSESTree.FunctionDeclaration).body).not.toBe(null);
  });

  it('answers null for types, uninitialised and unknown names', () => {
    for (const name of ['OnlyType', 'Shape', 'later', 'nope', 'withAuth']) {
      expect(exported('exports/esm.ts', name), name).toBe(null);
    }
  });

  it('reads CommonJS module.exports objects, member assignments and exports.x', () => {
    expect(exported('exports/cjs.js', 'a')).toBe('exports/cjs.js:1 a FunctionDeclaration');
    expect(exported('exports/cjs.js', 'd-e')).toBe('exports/cjs.js:6 d-e ArrowFunctionExpression');
    expect(exported('exports/cjs.js', 'f')).toBe('exports/cjs-fn.js:1 handler FunctionExpression');
    expect(exported('exports/cjs.js', 'g')).toBe('exports/cjs.js:9 g FunctionExpression');
    expect(exported('exports/cjs.js', 'h')).toBe('exports/cjs.js:10 H ClassExpression');
    expect(exported('exports/cjs.js', 'i')).toBe('exports/cjs.js:11 i ArrowFunctionExpression');
    expect(exported('exports/cjs.js', 'zzz')).toBe(null);
    expect(exported('exports/cjs-reexport.js', 'a')).toBe('exports/cjs.js:1 a FunctionDeclaration');
    expect(exported('exports/cjs-router.js', 'default')).toBe('exports/cjs-router.js:2 router CallExpression');
  });

  it('reads keys of a module.exports object through its spreads: required files, locals bound to them, local objects; the last wins, unknown spreads are passed over', () => {
    const dir = tempProject({
      'package.json': '{}',
      'config/env/all.js': "module.exports = { port: 4000, cookieSecret: 'all-secret', cryptoKey: 'all-key' };\n",
      'config/env/production.js': "module.exports = { cryptoKey: 'production-key' };\n",
      'config/config.js': [
        "const path = require('path');",
        "const allConf = require(path.resolve(__dirname + '/env/all.js'));",
        "const envConf = require(path.resolve(__dirname + '/env/' + process.env.NODE_ENV + '.js')) || {};",
        "const defaults = { logLevel: 'info', port: 3000 };",
        'const config = { ...defaults, ...allConf, ...envConf, ...loadMore() };',
        'module.exports = config;',
        '',
      ].join('\n'),
      'config/inline.js': "module.exports = { ...require('./env/all.js'), ...require('./env/production.js'), name: 'inline' };\n",
    });
    const like = contextFor(path.join(dir, 'config/config.js'));
    const at = (file: string, name: string): string | null => {
      const definition = exportedDefinition(projectFile(path.join(dir, file), like)!, name);
      return definition ? `${path.relative(dir, definition.file.filename)}:${definition.node.loc.start.line} ${definition.node.type}` : null;
    };
    expect(at('config/config.js', 'cookieSecret')).toBe('config/env/all.js:1 Literal');
    expect(at('config/config.js', 'port')).toBe('config/env/all.js:1 Literal');
    expect(at('config/config.js', 'logLevel')).toBe('config/config.js:4 Literal');
    expect(at('config/config.js', 'missing')).toBe(null);
    expect(at('config/inline.js', 'cryptoKey')).toBe('config/env/production.js:1 Literal');
    expect(at('config/inline.js', 'cookieSecret')).toBe('config/env/all.js:1 Literal');
    expect(at('config/inline.js', 'name')).toBe('config/inline.js:1 Literal');
  });

  it('follows a require destructured through a jsconfig alias', () => {
    expect(exported('js/index.js', 'query')).toBe('js/lib/db.js:1 query FunctionExpression');
  });

  it('follows an import of a workspace package re-exported as a local', () => {
    expect(exported('monorepo/apps/web/src/page.ts', 'page')).toBe('monorepo/packages/trpc/src/server/trpc.ts:3 protectedProcedure CallExpression');
  });
});

describe('exportedDefinition: re-exports, bounds and cycles', () => {
  it(`follows up to ${MAX_REEXPORT_HOPS} re-export hops, and no further`, () => {
    expect(MAX_REEXPORT_HOPS).toBe(3);
    expect(exported('exports/chain/hop3.ts', 'fromHop3')).toBe('exports/chain/hop4.ts:1 defined FunctionDeclaration');
    expect(exported('exports/chain/hop1.ts', 'fromHop1')).toBe('exports/chain/hop4.ts:1 defined FunctionDeclaration');
    expect(exported('exports/chain/hop1.ts', 'deep')).toBe('exports/chain/hop4.ts:2 deep FunctionDeclaration');
    expect(exported('exports/chain/entry.ts', 'viaEntry')).toBe(null);
    expect(exported('exports/chain/entry.ts', 'deep')).toBe(null);
    expect(exported('exports/chain/entry.ts', 'onHop3')).toBe('exports/chain/hop3.ts:3 onHop3 FunctionDeclaration');
    expect(used('viaEntry')).toBe(null);
  });

  it('ends cycles with null, still finding what the cycle also exports', () => {
    expect(exported('exports/cycle/a.ts', 'loop')).toBe(null);
    expect(exported('exports/cycle/b.ts', 'loop')).toBe(null);
    expect(exported('exports/cycle/self.ts', 'self')).toBe(null);
    expect(exported('exports/cycle/self.ts', 'other')).toBe(null);
    expect(exported('exports/cycle/a.ts', 'inA')).toBe('exports/cycle/a.ts:3 inA Literal');
    expect(exported('exports/cycle/b.ts', 'inA')).toBe('exports/cycle/a.ts:3 inA Literal');
    expect(used('loop')).toBe(null);
  });

  it('does not take `export * as ns` for a definition, nor re-export default through `export *`', () => {
    expect(exported('exports/star-as.ts', 'everything')).toBe(null);
    expect(exported('exports/star-as.ts', 'declared')).toBe('exports/esm.ts:1 declared FunctionDeclaration');
    expect(exported('exports/star-as.ts', 'default')).toBe(null);
  });
});

describe('exportedDefinition: memo, settings, bad input', () => {
  it('sees an edit of a file the answer came from', () => {
    const dir = tempProject({ 'package.json': '{}', 'barrel.ts': "export { f } from './dep';\n", 'dep.ts': 'export function f() {}\n' });
    const like = contextFor(path.join(dir, 'main.ts'), {}, '');
    const barrel = projectFile(path.join(dir, 'barrel.ts'), like)!;
    expect(exportedDefinition(barrel, 'f')?.node.type).toBe('FunctionDeclaration');
    expect(exportedDefinition(barrel, 'f')?.node).toBe(exportedDefinition(barrel, 'f')?.node);
    fs.writeFileSync(path.join(dir, 'dep.ts'), 'export const f = () => 1;\n');
    touchForward(path.join(dir, 'dep.ts'));
    expect(exportedDefinition(barrel, 'f')?.node.type).toBe('ArrowFunctionExpression');
    fs.rmSync(path.join(dir, 'dep.ts'));
    expect(exportedDefinition(barrel, 'f')).toBe(null);
  });

  it('hands the definition’s file the settings of the asking file', () => {
    const settings = { 'agent-guard': { auth: { functions: ['x'] } } };
    const like = contextFor(fixture('exports/consumer.ts'), settings);
    expect(importedDefinition(like, useOf(like, 'declared'))!.file.context.settings).toBe(settings);
  });

  it('answers null when cross-file analysis is off', () => {
    const off = contextFor(fixture('exports/consumer.ts'), { 'agent-guard': { project: { crossFile: false } } });
    expect(importedDefinition(off, useOf(off, 'declared'))).toBe(null);
    const file = projectFile(fixture('exports/esm.ts'), consumer)!;
    expect(exportedDefinition({ ...file, context: { ...file.context, settings: { 'agent-guard': { project: { crossFile: false } } } } }, 'declared')).toBe(null);
  });

  it('never throws on garbage', () => {
    const file = projectFile(fixture('exports/esm.ts'), consumer)!;
    expect(exportedDefinition(file, 42 as never)).toBe(null);
    expect(exportedDefinition(null as never, 'a')).toBe(null);
    expect(exportedDefinition({ ...file, sourceCode: {} as never }, 'a')).toBe(null);
    expect(importedDefinition(consumer, null as never)).toBe(null);
    expect(importedDefinition(consumer, consumer.sourceCode.ast)).toBe(null);
    expect(importedDefinition({} as never, useOf(consumer, 'declared'))).toBe(null);
    expect(importBinding({} as never, useOf(consumer, 'declared'))).toBe(null);
  });
});
