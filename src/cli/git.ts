import { execFile } from 'node:child_process';

import { CliError, firstLine } from './errors';

/** Output of one git command; `ok` is false when git ran and exited non-zero. */
export interface GitResult {
  ok: boolean;
  stdout: string;
  stderr: string;
}

/**
 * Runs git with arguments as an array (never a shell string). Non-ASCII paths are printed
 * as-is (`core.quotePath=off`). Throws {@link CliError} only when git itself cannot be started.
 */
export function git(args: readonly string[], cwd: string): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      ['-c', 'core.quotePath=off', ...args],
      { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, windowsHide: true },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') {
          reject(new CliError(`cannot run git: ${firstLine(error)}`));
          return;
        }
        resolve({ ok: !error, stdout, stderr });
      },
    );
  });
}

/** The top directory of the git work tree containing `dir`, or null outside one (or without git). */
export async function findWorkTreeRoot(dir: string): Promise<string | null> {
  try {
    const result = await git(['rev-parse', '--show-toplevel'], dir);
    return result.ok ? result.stdout.trim() || null : null;
  } catch {
    return null;
  }
}

/** Splits `-z` output (NUL-terminated paths). */
export function splitNul(output: string): string[] {
  return output.split('\0').filter((entry) => entry !== '');
}
