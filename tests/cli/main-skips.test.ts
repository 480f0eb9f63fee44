// main() in-process on a plain directory (no git): what the run skips and how set-up errors read.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { type CliIo, main } from '../../src/cli/main';

const base = realpathSync(mkdtempSync(join(tmpdir(), 'agent-guard-cli-skips-')));
const TIMEOUT = 'agent-guard/fetch-requires-timeout';

afterAll(() => {
  rmSync(base, { recursive: true, force: true });
});

function project(name: string, files: Record<string, string>): string {
  const dir = join(base, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

async function run(cwd: string, argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { cwd, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), progress: false };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

interface JsonResult {
  filePath: string;
  messages: Array<{ ruleId: string | null; line: number }>;
}

/** `file:line rule` of every message in `--format json` output, and the files checked. */
function parseJson(stdout: string, dir: string) {
  const results = JSON.parse(stdout) as JsonResult[];
  return {
    checked: results.map((result) => relative(dir, result.filePath)).sort(),
    findings: results.flatMap((result) => result.messages.map((message) => `${relative(dir, result.filePath)}:${message.line} ${message.ruleId}`)).sort(),
  };
}

const UNTIMED = "export const load = () => fetch('https://example.com');\n";

describe('files the command cannot read', () => {
  const dir = project('unreadable', {
    'src/env.js': `/* eslint-env node */\n${UNTIMED}`,
    'tsup.config.cjs': "import { defineConfig } from 'tsup';\nexport default defineConfig({ entry: ['src/env.js'] });\n",
    'scripts/run.js': "const fs = require('fs');\nif (!fs) return;\nmodule.exports = () => fetch('https://example.com');\n",
    'src/typed.js': 'const limit: number = 3;\nexport default limit;\n',
    'docs/snippet.js': 'app.get("/users", async (req, res) => {\n  ...\n});\n',
    'docs/broken.ts': 'export const = 1;\n',
  });

  it('checks what parses some way (eslint-env comment, .cjs with import, script .js, types in .js), lists the rest, exits 1 for the findings', async () => {
    const { code, stdout, stderr } = await run(dir, ['--format', 'json']);
    expect(code).toBe(1);
    expect(parseJson(stdout, dir)).toEqual({
      checked: ['scripts/run.js', 'src/env.js', 'src/typed.js', 'tsup.config.cjs'],
      findings: [`scripts/run.js:3 ${TIMEOUT}`, `src/env.js:2 ${TIMEOUT}`],
    });
    expect(stderr).toBe(
      [
        'agent-guard: skipped 2 files it could not parse (not checked):',
        '  docs/broken.ts:1:13  Variable declaration expected.',
        '  docs/snippet.js:2:3  Unexpected token ...',
        '',
      ].join('\n'),
    );
  });

  it('exits 0 when the only problem is a file it could not parse', async () => {
    const { code, stdout, stderr } = await run(dir, ['docs/snippet.js', '--format', 'json']);
    expect({ code, stdout }).toEqual({ code: 0, stdout: '[]\n' });
    expect(stderr).toContain('  docs/snippet.js:2:3  Unexpected token ...\n');
  });
});

describe("ESLint's process warnings", () => {
  const dir = project('warnings', { '.eslintignore': 'docs/\n', 'src/a.js': UNTIMED });
  const seen: string[] = [];
  const listener = (warning: Error) => seen.push(warning.name);

  beforeEach(() => {
    seen.length = 0;
    process.on('warning', listener);
  });

  afterEach(() => {
    process.off('warning', listener);
  });

  it('keeps ESLintIgnoreWarning off stderr; --debug shows it on the command\'s stderr', async () => {
    const quiet = await run(dir, ['--format', 'json']);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(quiet.code).toBe(1);
    expect(quiet.stderr).toBe('');
    expect(seen).toEqual([]);

    const debug = await run(dir, ['--format', 'json', '--debug']);
    expect(debug.stderr).toMatch(/^agent-guard: \(debug\) ESLintIgnoreWarning: The "\.eslintignore" file is no longer supported\./u);
  });

  it('lets other warnings through, and restores process.emitWarning afterwards', async () => {
    const original = process.emitWarning;
    await run(dir, ['--format', 'json']);
    expect(process.emitWarning).toBe(original);
    process.emitWarning('a test warning', 'AgentGuardTestWarning');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(seen).toEqual(['AgentGuardTestWarning']);
  });
});

describe('--use-eslint-ignores', () => {
  it("leaves out what the project's eslint.config.js and .eslintignore ignore", async () => {
    const dir = project('eslint-ignores', {
      'eslint.config.js': "export default [{ ignores: ['docs/**'] }, { rules: {} }];\n",
      '.eslintignore': 'legacy/\n',
      'docs/example.js': UNTIMED,
      'legacy/old.js': UNTIMED,
      'src/a.ts': UNTIMED,
    });
    const plain = await run(dir, ['--format', 'json']);
    expect(parseJson(plain.stdout, dir).checked).toEqual(['docs/example.js', 'eslint.config.js', 'legacy/old.js', 'src/a.ts']);
    const { code, stdout, stderr } = await run(dir, ['--format', 'json', '--use-eslint-ignores', '--verbose']);
    expect(code).toBe(1);
    expect(parseJson(stdout, dir).checked).toEqual(['eslint.config.js', 'src/a.ts']);
    expect(stderr).toBe('agent-guard: left out 2 files (2 eslint ignores):\n  docs/example.js  (eslint ignores)\n  legacy/old.js  (eslint ignores)\n');
  });

  it('is an error where there is nothing to honour', async () => {
    const dir = project('no-eslint-config', { 'src/a.js': UNTIMED });
    expect(await run(dir, ['--use-eslint-ignores'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'agent-guard: --use-eslint-ignores: no eslint.config.* or .eslintignore found here or above, up to the repository root\n',
    });
  });
});

describe('errors that explain themselves', () => {
  const dir = project('config-errors', {
    'src/a.js': UNTIMED,
    'unknown-plugin.config.js': "export default [{ rules: { 'nope/rule': 'error' } }];\n",
    'throws.config.js': "throw new Error('settings are missing\\nset AUTH_MODULE first');\n",
  });

  it("prints a config's error whole, with the config file's path, and points at --debug", async () => {
    const { code, stdout, stderr } = await run(dir, ['--config', 'unknown-plugin.config.js']);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toBe(
      `agent-guard: the config ${join(dir, 'unknown-plugin.config.js')} does not load:\n` +
        'Key "rules": Key "nope/rule": Could not find plugin "nope" in configuration.\n' +
        'agent-guard: run with --debug for the stack trace\n',
    );
    const thrown = await run(dir, ['--config', 'throws.config.js']);
    expect(thrown.stderr).toBe(
      `agent-guard: the config ${join(dir, 'throws.config.js')} does not load:\nsettings are missing\nset AUTH_MODULE first\n` +
        'agent-guard: run with --debug for the stack trace\n',
    );
  });

  it('--debug prints the stack trace instead of the hint', async () => {
    const { code, stderr } = await run(dir, ['--config', 'throws.config.js', '--debug']);
    expect(code).toBe(2);
    const lines = stderr.split('\n');
    expect(lines.slice(0, 4)).toEqual([
      `agent-guard: the config ${join(dir, 'throws.config.js')} does not load:`,
      'settings are missing',
      'set AUTH_MODULE first',
      'Error: settings are missing',
    ]);
    expect(lines[5]).toMatch(/^ {4}at .*throws\.config\.js/u);
    expect(stderr).not.toContain('run with --debug');
  });
});

describe('with --diff', () => {
  it('lists and counts only the skipped files the branch changed', async () => {
    vi.stubEnv('GIT_CONFIG_GLOBAL', join(base, 'no-global-config'));
    vi.stubEnv('GIT_CONFIG_NOSYSTEM', '1');
    const dir = project('diff', { 'docs/old.js': 'const = 1;\n', 'vendor/old.js': UNTIMED, 'src/a.js': 'export const a = 1;\n' });
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'init.defaultBranch=main', '-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], { cwd: dir });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'base');
    git('checkout', '-qb', 'feature');
    writeFileSync(join(dir, 'src/a.js'), `export const a = 1;\n${UNTIMED}`);
    mkdirSync(join(dir, 'docs/new'), { recursive: true });
    writeFileSync(join(dir, 'docs/new/snippet.js'), 'const = 2;\n');
    writeFileSync(join(dir, 'vendor/new.js'), UNTIMED);
    const { code, stdout, stderr } = await run(dir, ['--diff', 'main', '--format', 'json', '--verbose']);
    vi.unstubAllEnvs();
    expect(code).toBe(1);
    expect(parseJson(stdout, dir)).toEqual({ checked: ['src/a.js'], findings: [`src/a.js:2 ${TIMEOUT}`] });
    expect(stderr).toBe(
      'agent-guard: skipped 1 file it could not parse (not checked):\n  docs/new/snippet.js:1:7  Unexpected token =\n' +
        'agent-guard: left out 1 file (1 vendored):\n  vendor/new.js  (vendored)\n',
    );
  });
});
