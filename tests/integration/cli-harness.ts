import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { inject } from 'vitest';

import type { EslintMajor } from './harness';

/** Git without the developer's global or system config, with a fixed identity. */
export const GIT_ENV = {
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'Agent Guard Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Agent Guard Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
};

export interface Run {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/**
 * `command args` in `cwd` with Git's fixed environment; the test runner's loader hooks and a
 * `DEBUG` of the developer's never leak into it (`extraEnv` may set `DEBUG` on purpose).
 */
export function spawn(command: string, args: string[], cwd: string, extraEnv: Record<string, string> = {}): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...GIT_ENV, ...extraEnv };
  delete env.NODE_OPTIONS;
  if (extraEnv.DEBUG === undefined) {
    delete env.DEBUG;
  }
  return new Promise((resolvePromise) => {
    execFile(command, args, { cwd, env, maxBuffer: 32 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolvePromise({ exitCode: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

export async function git(cwd: string, ...args: string[]): Promise<void> {
  const run = await spawn('git', ['-c', 'init.defaultBranch=main', ...args], cwd);
  if (run.exitCode !== 0) {
    throw new Error(`git ${args.join(' ')} failed: ${run.stderr}`);
  }
}

/** The consumer install of one ESLint version (global-setup.ts). */
export function install(eslint: EslintMajor): string {
  return join(inject('agentGuardIt').root, `eslint${eslint}`);
}

/** The `agent-guard` bin of the packed package in a `node_modules`, the path package.json `bin` names. */
export async function binOf(modules: string): Promise<string> {
  const packageDir = join(modules, 'eslint-plugin-agent-guard');
  const manifest = JSON.parse(await readFile(join(packageDir, 'package.json'), 'utf8')) as { bin: Record<string, string> };
  const bin = manifest.bin['agent-guard'];
  if (!bin) {
    throw new Error('package.json of the packed package has no "agent-guard" bin');
  }
  return join(packageDir, bin);
}

/** The packed bin of one consumer install, as `npx agent-guard` runs it. */
export async function runBin(cwd: string, args: string[], eslint: EslintMajor = 10, env: Record<string, string> = {}): Promise<Run> {
  return spawn(process.execPath, [await binOf(join(install(eslint), 'node_modules')), ...args], cwd, env);
}
