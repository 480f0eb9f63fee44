import { execFile } from 'node:child_process';
import { cp, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

import { inject } from 'vitest';

import type { ESLINT_PACKAGE } from './global-setup';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const PROJECTS = join(REPO_ROOT, 'tests/integration/projects');

export type EslintMajor = keyof typeof ESLINT_PACKAGE;

export interface Finding {
  /** Path relative to the project, `/`-separated. */
  file: string;
  line: number;
  /** `null` for parse errors and "file ignored" notices. */
  ruleId: string | null;
  severity: 'error' | 'warn';
}

export interface LintRun {
  exitCode: number;
  /** Every file ESLint reported a result for (linted, or explicitly passed and ignored), sorted. */
  linted: string[];
  findings: Finding[];
  stderr: string;
}

interface ProcessResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

function runNode(args: string[], cwd: string, env: Record<string, string>): Promise<ProcessResult> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  // The test runner's loader hooks must not leak into the child ESLint.
  delete childEnv.NODE_OPTIONS;
  return new Promise((resolvePromise) => {
    execFile(process.execPath, args, { cwd, env: childEnv, maxBuffer: 32 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolvePromise({ exitCode: code, stdout, stderr });
    });
  });
}

const created = new Set<string>();

/**
 * Copies a fixture (its config files, plus the shared sources as `src/`) into the consumer
 * install of one ESLint version: `<tmp>/eslint<major>/<label>-<fixture>/`.
 */
export async function setUpProject(fixture: string, eslint: EslintMajor, label = 'lint'): Promise<string> {
  const install = join(inject('agentGuardIt').root, `eslint${eslint}`);
  const dir = join(install, `${label}-${fixture}`);
  if (!created.has(dir)) {
    const { version } = JSON.parse(await readFile(join(install, 'node_modules/eslint/package.json'), 'utf8')) as {
      version: string;
    };
    if (!version.startsWith(`${eslint}.`)) {
      throw new Error(`${install}/node_modules/eslint is ESLint ${version}, expected ${eslint}.x`);
    }
    await cp(join(PROJECTS, '_shared-src'), join(dir, 'src'), { recursive: true });
    await cp(join(PROJECTS, fixture), dir, { recursive: true });
    created.add(dir);
  }
  return dir;
}

/**
 * Like {@link setUpProject}, for fixtures that bring their own sources instead of the shared
 * ones: copies `fixture` into `<tmp>/eslint<major>/<label>-<fixture>/` and, when `sources` names
 * another fixture directory, that one as `src/`. Returns the project directory.
 */
export async function setUpOwnProject(
  fixture: string,
  eslint: EslintMajor,
  options: { label?: string; sources?: string } = {},
): Promise<string> {
  const install = join(inject('agentGuardIt').root, `eslint${eslint}`);
  const dir = join(install, `${options.label ?? 'own'}-${fixture}`);
  if (!created.has(dir)) {
    const { version } = JSON.parse(await readFile(join(install, 'node_modules/eslint/package.json'), 'utf8')) as {
      version: string;
    };
    if (!version.startsWith(`${eslint}.`)) {
      throw new Error(`${install}/node_modules/eslint is ESLint ${version}, expected ${eslint}.x`);
    }
    if (options.sources !== undefined) {
      await cp(join(PROJECTS, options.sources), join(dir, 'src'), { recursive: true });
    }
    await cp(join(PROJECTS, fixture), dir, { recursive: true });
    created.add(dir);
  }
  return dir;
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}

interface EslintJsonResult {
  filePath: string;
  messages: { ruleId: string | null; line?: number; severity: 1 | 2 }[];
}

/**
 * Runs the real ESLint bin of the project's ESLint version (`--format json`), with
 * `ESLINT_USE_FLAT_CONFIG` set explicitly, and returns exit code, linted files and findings.
 */
export async function lintProject(
  fixture: string,
  eslint: EslintMajor,
  options: { flatConfig: boolean; args?: string[] },
): Promise<LintRun> {
  const dir = await setUpProject(fixture, eslint);
  const bin = join(dir, '../node_modules/eslint/bin/eslint.js');
  const { exitCode, stdout, stderr } = await runNode(
    // Symlinks stay symlinks: packages then resolve `eslint` from the install, not from the repository.
    ['--preserve-symlinks', '--preserve-symlinks-main', bin, '--format', 'json', ...(options.args ?? ['.'])],
    dir,
    { ESLINT_USE_FLAT_CONFIG: options.flatConfig ? 'true' : 'false' },
  );
  const results = stdout.trimStart().startsWith('[') ? (JSON.parse(stdout) as EslintJsonResult[]) : [];
  const linted = results.map((result) => toPosix(relative(dir, result.filePath))).sort();
  const findings = results
    .flatMap((result) =>
      result.messages.map(
        (message): Finding => ({
          file: toPosix(relative(dir, result.filePath)),
          line: message.line ?? 0,
          ruleId: message.ruleId,
          severity: message.severity === 2 ? 'error' : 'warn',
        }),
      ),
    )
    .sort(compareFindings);
  return { exitCode, linted, findings, stderr };
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.file.localeCompare(b.file) || a.line - b.line || String(a.ruleId).localeCompare(String(b.ruleId));
}

/** Runs the repository's `tsc --noEmit -p <project>` (TypeScript 5.9) in the ESLint 10 install. */
export async function typecheckProject(fixture: string): Promise<ProcessResult> {
  const dir = await setUpProject(fixture, 10, 'tsc');
  return runNode([join(REPO_ROOT, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', dir], dir, {});
}

/**
 * Runs Node in `<tmp>/minimal/`, where `eslint-plugin-agent-guard` resolves to the unpacked
 * tarball and nothing else is installed but its declared dependencies.
 */
export async function runInMinimalInstall(args: string[]): Promise<ProcessResult> {
  return runNode(args, join(inject('agentGuardIt').root, 'minimal'), {});
}

/** `node <args>` in the consumer install of one ESLint version (the plugin and ESLint side by side). */
export async function runInConsumerInstall(eslint: EslintMajor, args: string[]): Promise<ProcessResult> {
  return runNode(args, join(inject('agentGuardIt').root, `eslint${eslint}`), {});
}
