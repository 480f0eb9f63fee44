// main() in-process, for what the bin-level integration test cannot see: the progress line
// (which needs a terminal) and option checks that stop before any file is read.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import plugin from '../../index';
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

  it('prints help and the version without linting', async () => {
    expect((await run(['--help'])).stdout).toMatch(/^Usage: agent-guard \[options\] \[paths\.\.\.\]\n/u);
    expect(await run(['--version'])).toEqual({ code: 0, stdout: `${plugin.meta.version}\n`, stderr: '' });
  });
});
