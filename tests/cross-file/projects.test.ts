import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';

import plugin from '../../index';

/**
 * The cross-file fixture projects (tests/fixtures/projects/*): every source file of a project is
 * linted with the five rules at their defaults, each file by its real path (so that imports are
 * followed into the project's other files), and the findings must be exactly those its
 * `expected.json` lists: one test per project and rule, so a failure names both.
 */
const PROJECTS = fileURLToPath(new URL('../fixtures/projects/', import.meta.url));
const SOURCE = /\.(?:[cm]?[jt]sx?)$/u;
const RULES = Object.keys(plugin.rules);

interface Finding {
  file: string;
  line: number;
  column: number;
  rule: string;
  messageId: string;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (name === 'node_modules') {
      continue;
    }
    if (statSync(full).isDirectory()) {
      out.push(...sourceFiles(full));
    } else if (SOURCE.test(name) && !name.endsWith('.d.ts')) {
      out.push(full);
    }
  }
  return out;
}

function lintProject(root: string): Finding[] {
  const linter = new Linter({ configType: 'flat', cwd: root });
  const config: Linter.Config[] = [
    {
      files: ['**/*.{js,mjs,cjs,jsx}'],
      languageOptions: { ecmaVersion: 'latest', sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } },
    },
    { files: ['**/*.{ts,mts,cts,tsx}'], languageOptions: { parser: tsParser as never } },
    {
      files: ['**/*'],
      plugins: { 'agent-guard': plugin as never },
      rules: Object.fromEntries(RULES.map((rule) => [`agent-guard/${rule}`, 'error'])),
    },
  ];
  const findings: Finding[] = [];
  for (const file of sourceFiles(root)) {
    const messages = linter.verify(readFileSync(file, 'utf8'), config, { filename: file });
    for (const message of messages) {
      if (message.fatal || !message.ruleId) {
        throw new Error(`${file}: ${message.message}`);
      }
      findings.push({
        file: path.relative(root, file).split(path.sep).join('/'),
        line: message.line,
        column: message.column,
        rule: message.ruleId.replace('agent-guard/', ''),
        messageId: message.messageId ?? '',
      });
    }
  }
  return findings;
}

const key = (f: Finding): string => `${f.file}:${f.line}:${f.column} ${f.rule}/${f.messageId}`;

describe('cross-file fixture projects', () => {
  for (const name of readdirSync(PROJECTS).filter((entry) => statSync(path.join(PROJECTS, entry)).isDirectory()).sort()) {
    const root = path.join(PROJECTS, name);
    const expected = JSON.parse(readFileSync(path.join(root, 'expected.json'), 'utf8')) as { findings: Finding[]; clean?: string[] };
    let actual: Finding[] | undefined;
    const lint = (): Finding[] => (actual ??= lintProject(root));
    describe(name, () => {
      for (const rule of RULES) {
        it(`${rule}: exactly the expected findings`, () => {
          const got = lint().filter((f) => f.rule === rule).map(key).sort();
          const want = expected.findings.filter((f) => f.rule === rule).map(key).sort();
          expect(got).toEqual(want);
        });
      }
      it('files listed as clean have no findings', () => {
        const dirty = new Set(lint().map((f) => f.file));
        expect((expected.clean ?? []).filter((file) => dirty.has(file))).toEqual([]);
      });
    });
  }
});
