// main() in-process, for what the bin-level integration test cannot see: the progress line
// (which needs a terminal) and option checks that stop before any file is read.
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import plugin from '../../index';
import { supportsConcurrency, unsupportedConcurrencyNote } from '../../src/cli/concurrency';
import type { ESLintClass } from '../../src/cli/engine';
import { type CliIo, main } from '../../src/cli/main';

const dir = realpathSync(mkdtempSync(join(tmpdir(), 'agent-guard-cli-main-')));
mkdirSync(join(dir, 'src'));
for (let index = 0; index < 45; index++) {
  writeFileSync(join(dir, 'src', `module${index}.js`), `export const value${index} = ${index};\n`);
}
writeFileSync(join(dir, 'src/status.js'), "export const load = () => fetch('https://example.com');\n");

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function run(argv: string[], progress = false): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { cwd: dir, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), progress };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

describe('main', () => {
  it('shows `files done / total` on stderr when it is a terminal, and clears the line at the end', async () => {
    const { code, stderr } = await run(['--format', 'json'], true);
    expect(code).toBe(1);
    expect(stderr).toBe('\ragent-guard: 40/46 files\r\x1b[K');
  });

  it('is quiet on stderr otherwise', async () => {
    const { code, stdout, stderr } = await run(['--format', 'github']);
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^::error file=src\/status\.js,line=1,col=\d+,/u);
  });

  it('refuses to record a baseline from a partial run', async () => {
    expect(await run(['--baseline', 'new-baseline.json', '--rule', 'fetch-requires-timeout'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'agent-guard: a baseline records every finding: record it without --diff and --rule\n',
    });
  });

  it('writes several reports from one run, each file announced on stderr', async () => {
    const { code, stdout, stderr } = await run(['--format', 'sarif', '-o', 'out/a.sarif', '--format', 'json', '-o', 'out/a.json', '--format', 'github']);
    expect(code).toBe(1);
    expect(stderr).toBe('agent-guard: wrote the sarif report (1 finding) to out/a.sarif\nagent-guard: wrote the json report (1 finding) to out/a.json\n');
    expect(stdout).toMatch(/^::error file=src\/status\.js,line=1,col=\d+,.*::`fetch` has no timeout: /u);
    const sarif = JSON.parse(readFileSync(join(dir, 'out/a.sarif'), 'utf8')) as { runs: [{ results: Array<{ ruleId: string }> }] };
    expect(sarif.runs[0].results.map((result) => result.ruleId)).toEqual(['agent-guard/fetch-requires-timeout']);
    const json = JSON.parse(readFileSync(join(dir, 'out/a.json'), 'utf8')) as Array<{ messages: Array<{ message: string }> }>;
    expect(json.flatMap((result) => result.messages.map((entry) => entry.message))).toEqual([expect.stringMatching(/^'fetch' has no timeout: /u)]);

    const sarifOnly = await run(['--sarif-output=out/b.sarif']);
    expect(sarifOnly.stdout).toContain('✖ 1 problem (1 error, 0 warnings)\n  agent-guard/fetch-requires-timeout: 1 finding in 1 file\n');
    expect(sarifOnly.stderr).toBe('agent-guard: wrote the sarif report (1 finding) to out/b.sarif\n');
  });

  it('still applies a version 1 baseline (keyed on messages), and says how to rewrite it', async () => {
    const message = (JSON.parse((await run(['--format', 'json'])).stdout) as Array<{ messages: Array<{ message: string }> }>).flatMap((result) => result.messages)[0]?.message ?? '';
    writeFileSync(join(dir, 'v1.json'), JSON.stringify({ version: 1, findings: { 'src/status.js': { 'agent-guard/fetch-requires-timeout': { [message]: 1 } } } }));
    expect(await run(['--baseline', 'v1.json'])).toEqual({
      code: 0,
      stdout: '',
      stderr: 'agent-guard: v1.json is a version 1 baseline, keyed on the findings\' messages; it still works, and --update-baseline rewrites it as version 2, keyed on their code\n',
    });
    expect((await run(['--baseline', 'v1.json', '--update-baseline'])).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'v1.json'), 'utf8'))).toEqual({
      version: 2,
      findings: { 'src/status.js': { 'agent-guard/fetch-requires-timeout': { "export const load = () => fetch('https://example.com');": 1 } } },
    });
  });

  it('--concurrency: says so and checks in one thread on an ESLint without worker threads (before 9.34)', () => {
    const old = { version: '8.57.1' } as unknown as ESLintClass;
    expect(supportsConcurrency(old)).toBe(false);
    expect(supportsConcurrency({ version: '10.0.0', fromOptionsModule: () => undefined } as unknown as ESLintClass)).toBe(true);
    expect(unsupportedConcurrencyNote(old)).toBe('agent-guard: --concurrency needs ESLint 9.34 or later (this is ESLint 8.57.1); checking in one thread\n');
  });

  it('prints help and the version without linting', async () => {
    expect((await run(['--help'])).stdout).toMatch(/^Usage: agent-guard \[options\] \[paths\.\.\.\]\n/u);
    expect(await run(['--version'])).toEqual({ code: 0, stdout: `${plugin.meta.version}\n`, stderr: '' });
  });
});
