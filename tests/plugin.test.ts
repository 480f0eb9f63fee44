import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import tsParser, { parse } from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import plugin from '../index';
import pkg from '../package.json';
import type { AgentGuardDocs } from '../src/core/create-rule';
import { ruleDocsUrl } from '../src/core/create-rule';
import { rules } from '../src/rules/index';

const root = path.resolve(import.meta.dirname, '..');
const ruleFiles = readdirSync(path.join(root, 'src/rules'))
  .filter((file) => file.endsWith('.ts') && file !== 'index.ts')
  .map((file) => file.slice(0, -3));
const ruleNames = Object.keys(rules);

/** Fenced code blocks under a `### ❌`/`### ✅` heading of a docs page. */
function exampleBlocks(markdown: string, marker: '❌' | '✅'): { lang: string; code: string }[] {
  const blocks: { lang: string; code: string }[] = [];
  let current: string | null = null;
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^#{1,4} /u.test(line)) {
      current = line.includes('❌') ? '❌' : line.includes('✅') ? '✅' : null;
      continue;
    }
    const fence = /^```(\w+)/u.exec(line);
    if (fence) {
      const start = i + 1;
      let end = start;
      while (end < lines.length && !lines[end]!.startsWith('```')) {
        end++;
      }
      if (current === marker && /^(js|jsx|ts|tsx|javascript|typescript)$/u.test(fence[1]!)) {
        blocks.push({ lang: fence[1]!, code: lines.slice(start, end).join('\n') });
      }
      i = end;
    }
  }
  return blocks;
}

/** Lints docs examples with one rule on: every ❌ block must be reported, no ✅ block may be. */
function expectExamples(name: string, bad: { lang: string; code: string }[], good: { lang: string; code: string }[]): void {
  const linter = new Linter({ configType: 'flat' });
  const lint = (code: string, lang: string) => {
    const ext = lang.startsWith('t') ? (lang.endsWith('x') ? 'tsx' : 'ts') : 'js';
    const config: Linter.Config[] = [
      {
        files: ['**/*.*'],
        languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
        plugins: { 'agent-guard': plugin as never },
        rules: { [`agent-guard/${name}`]: 'error' },
      },
    ];
    // Docs examples may show where a file lives (`// app/api/users/route.ts`, `// app/routes/notes.$id.tsx`).
    const named = /^\/\/\s*((?:[\w.@+$()[\]-]+\/)*[\w.@+$()[\]-]+\.(?:[cm]?[jt]sx?))\s*$/mu.exec(code);
    const messages = linter.verify(code, config, named ? named[1]! : `example.${ext}`);
    const fatal = messages.filter((m) => m.fatal);
    expect(fatal, `example does not parse:\n${code}`).toEqual([]);
    return messages.filter((m) => m.ruleId === `agent-guard/${name}`);
  };
  for (const { lang, code } of bad) {
    expect(lint(code, lang).length, `❌ example not reported:\n${code}`).toBeGreaterThan(0);
  }
  for (const { lang, code } of good) {
    expect(lint(code, lang), `✅ example reported:\n${code}`).toEqual([]);
  }
}

describe('plugin', () => {
  it('carries the package name and version', () => {
    expect(plugin.meta).toEqual({ name: pkg.name, version: pkg.version });
  });

  it('exports exactly the rule files, in alphabetical order', () => {
    expect(ruleNames).toEqual([...ruleFiles].sort());
    expect(ruleNames).toEqual([...ruleNames].sort());
  });

  it('builds recommended from docs.recommended and strict from every rule', () => {
    const expectedRecommended: Record<string, unknown> = {};
    const expectedStrict: Record<string, unknown> = {};
    for (const [name, rule] of Object.entries(rules)) {
      const docs = rule.meta.docs as AgentGuardDocs;
      if (docs.recommended) {
        expectedRecommended[`agent-guard/${name}`] = docs.recommended;
      }
      expectedStrict[`agent-guard/${name}`] = docs.strictOptions ? ['error', ...docs.strictOptions] : 'error';
    }
    expect(plugin.configs.recommended.rules).toEqual(expectedRecommended);
    expect(plugin.configs.strict.rules).toEqual(expectedStrict);
    expect(plugin.configs['legacy-recommended']).toEqual({ plugins: ['agent-guard'], rules: expectedRecommended });
    expect(plugin.configs['legacy-strict']).toEqual({ plugins: ['agent-guard'], rules: expectedStrict });
    expect(Object.keys(expectedRecommended).length).toBeGreaterThan(0);
  });

  it('registers itself in the flat configs, with names and no parser or files globs', () => {
    for (const key of ['recommended', 'strict'] as const) {
      const config = plugin.configs[key];
      expect(config.name).toBe(`agent-guard/${key}`);
      expect(config.plugins['agent-guard']).toBe(plugin);
      expect(Object.keys(config).sort()).toEqual(['name', 'plugins', 'rules']);
    }
  });

  it('strict options are accepted by each rule schema', () => {
    const linter = new Linter({ configType: 'flat' });
    expect(() => linter.verify('x;', plugin.configs.strict, 'file.js')).not.toThrow();
  });
});

describe.each(ruleNames)('rule %s', (name) => {
  const rule = rules[name as keyof typeof rules];
  const docsPath = path.join(root, 'docs/rules', `${name}.md`);
  const docs = readFileSync(docsPath, 'utf8');

  it('has complete meta', () => {
    expect(plugin.rules[name as keyof typeof rules]).toBe(rule);
    expect(rule.meta.docs?.url).toBe(ruleDocsUrl(name));
    expect(rule.meta.docs?.url?.endsWith(`/docs/rules/${name}.md`)).toBe(true);
    expect(rule.meta.docs?.description).toMatch(/^[A-Z].*[^.]$/u);
    expect(rule.meta.defaultOptions).toBeDefined();
    expect(Array.isArray(rule.meta.schema)).toBe(true);
    expect((rule.meta.docs as AgentGuardDocs).requiresTypeChecking).toBeUndefined();
  });

  it('has a docs page with the standard sections', () => {
    expect(docs).toContain(`(\`agent-guard/${name}\`)`);
    for (const section of ['## Rule Details', '## Examples', '## Options', '## When Not To Use It', '## Further Reading']) {
      expect(docs).toContain(section);
    }
  });

  it('docs ❌ examples are reported and ✅ examples are not', () => {
    const bad = exampleBlocks(docs, '❌');
    const good = exampleBlocks(docs, '✅');
    expect(bad.length).toBeGreaterThan(0);
    expect(good.length).toBeGreaterThan(0);
    expectExamples(name, bad, good);
  });
});

/** The auth rule's per-framework pages (docs/frameworks/*.md): their examples are linted like a rule page's. */
describe('framework pages', () => {
  const dir = path.join(root, 'docs/frameworks');
  const pages = readdirSync(dir)
    .filter((file) => file.endsWith('.md') && file !== 'README.md')
    .sort();

  it('are listed in docs/frameworks/README.md and on the auth rule page', () => {
    expect(pages.length).toBeGreaterThan(0);
    const index = readFileSync(path.join(dir, 'README.md'), 'utf8');
    const rulePage = readFileSync(path.join(root, 'docs/rules/require-auth-gate-in-route.md'), 'utf8');
    for (const page of pages) {
      expect(index).toContain(`](${page})`);
      expect(rulePage).toContain(`](../frameworks/${page})`);
    }
  });

  it.each(pages)('%s: ❌ examples are reported and ✅ examples are not', (page) => {
    const markdown = readFileSync(path.join(dir, page), 'utf8');
    expect(markdown).toMatch(/^# \S/u);
    expectExamples('require-auth-gate-in-route', exampleBlocks(markdown, '❌'), exampleBlocks(markdown, '✅'));
  });
});

describe('docs links', () => {
  /** GitHub's anchor for a heading: lower case, punctuation (and emoji) dropped, spaces to hyphens. */
  const slug = (heading: string) =>
    heading
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/gu, '-');
  /** Anchors of a markdown file, numbered as GitHub numbers repeated headings. */
  const anchorsOf = (markdown: string): Set<string> => {
    const seen = new Map<string, number>();
    const anchors = new Set<string>();
    let fenced = false;
    for (const line of markdown.split('\n')) {
      if (line.startsWith('```')) {
        fenced = !fenced;
      }
      const heading = fenced ? null : /^#{1,6} (.*)$/u.exec(line);
      if (heading) {
        const base = slug(heading[1]!);
        const count = seen.get(base) ?? 0;
        seen.set(base, count + 1);
        anchors.add(count === 0 ? base : `${base}-${count}`);
      }
    }
    return anchors;
  };
  const files = [
    'README.md',
    ...readdirSync(path.join(root, 'docs'), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.md'))
      .map((file) => path.join('docs', file)),
  ];

  it.each(files)('%s: relative links and their anchors resolve', (file) => {
    const markdown = readFileSync(path.join(root, file), 'utf8');
    const prose = markdown.replace(/^```[^]*?^```/gmu, '').replace(/`[^`\n]*`/gu, '');
    const broken: string[] = [];
    for (const [, target] of prose.matchAll(/\]\(([^)\s]+)\)/gu)) {
      if (/^[a-z]+:/iu.test(target!)) {
        continue;
      }
      const [linked, anchor] = target!.split('#') as [string, string | undefined];
      const resolved = linked === '' ? path.join(root, file) : path.resolve(path.dirname(path.join(root, file)), linked);
      if (!existsSync(resolved)) {
        broken.push(`${target}: no such file`);
      } else if (anchor !== undefined && resolved.endsWith('.md') && !anchorsOf(readFileSync(resolved, 'utf8')).has(anchor)) {
        broken.push(`${target}: no such heading`);
      }
    }
    expect(broken).toEqual([]);
  });
});

describe('rule test suites', () => {
  /** Every `errors: [...]` entry in a test file, with the keys it asserts. */
  function errorAssertions(file: string): { line: number; keys: Set<string> }[] {
    const found: { line: number; keys: Set<string> }[] = [];
    const visit = (node: unknown): void => {
      if (!node || typeof node !== 'object') {
        return;
      }
      const n = node as { type?: string; key?: { name?: string }; value?: { type?: string; elements?: unknown[] } };
      if (n.type === 'Property' && n.key?.name === 'errors' && n.value?.type === 'ArrayExpression') {
        for (const element of n.value.elements ?? []) {
          const el = element as { type: string; loc: { start: { line: number } }; properties?: { key?: { name?: string } }[] };
          found.push({
            line: el.loc.start.line,
            keys: new Set(el.type === 'ObjectExpression' ? (el.properties ?? []).map((p) => p.key?.name ?? '') : []),
          });
        }
      }
      for (const [key, value] of Object.entries(node)) {
        if (key !== 'parent' && value && typeof value === 'object') {
          (Array.isArray(value) ? value : [value]).forEach(visit);
        }
      }
    };
    visit(parse(readFileSync(file, 'utf8'), { loc: true }));
    return found;
  }

  const suites = ['tests/rules', 'tests/analysis', 'tests/core', 'tests/frameworks'].flatMap((dir) =>
    readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.test.ts'))
      .map((file) => path.join(dir, file)),
  );

  it.each(suites)('%s: every expected error asserts messageId, line and column', (file) => {
    const incomplete = errorAssertions(path.join(root, file))
      .filter(({ keys }) => !keys.has('messageId') || !keys.has('line') || !keys.has('column'))
      .map(({ line }) => `${file}:${line}`);
    expect(incomplete).toEqual([]);
  });
});
