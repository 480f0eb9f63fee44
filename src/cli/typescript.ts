import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

import { CliError } from './errors';

/**
 * The TypeScript to install when the one found does not fit typescript-eslint's range. Kept to
 * the newest minor of that range (">=4.8.4 <6.1.0" in typescript-eslint 8.72): a bare
 * `npm i -D typescript` installs 7.x, which typescript-eslint does not support.
 */
export const TYPESCRIPT_FIX = 'npm i -D typescript@~5.9';

type Version = [number, number, number];

function parseVersion(text: string): Version | null {
  const match = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?/u.exec(text.trim());
  return match ? [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)] : null;
}

function compare(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/**
 * Whether `version` satisfies a semver range made of comparators (`>=4.8.4 <6.1.0`, with `||`
 * alternatives), the form typescript-eslint's peer dependency takes. Prerelease tags are ignored.
 */
export function satisfiesRange(version: string, range: string): boolean {
  const actual = parseVersion(version);
  if (!actual) {
    return false;
  }
  return range.split('||').some((alternative) =>
    alternative
      .trim()
      .split(/\s+/u)
      .filter((part) => part !== '')
      .every((comparator) => {
        const match = /^(>=|<=|>|<|=)?\s*(.+)$/u.exec(comparator);
        const bound = match ? parseVersion(match[2] ?? '') : null;
        if (!match || !bound) {
          return false;
        }
        const order = compare(actual, bound);
        switch (match[1]) {
          case '>=':
            return order >= 0;
          case '<=':
            return order <= 0;
          case '>':
            return order > 0;
          case '<':
            return order < 0;
          default:
            return order === 0;
        }
      }),
  );
}

export interface TypeScriptInstall {
  /** The range typescript-eslint declares (its peer dependency on `typescript`). */
  supported: string;
  /** The version typescript-eslint would load, or null when none resolves. */
  found: string | null;
}

/**
 * What TypeScript typescript-eslint's parser would load, read from package.json files only (so a
 * broken or unsupported TypeScript is never executed): the parser's typescript-estree, its
 * peer range, and the first `typescript` on its resolution paths.
 */
export function inspectTypeScript(): TypeScriptInstall {
  let estreeManifest: string;
  try {
    const fromParser = createRequire(require.resolve('@typescript-eslint/parser'));
    estreeManifest = fromParser.resolve('@typescript-eslint/typescript-estree/package.json');
  } catch {
    throw new CliError('@typescript-eslint/parser is missing from the installation of eslint-plugin-agent-guard; reinstall it (npm ci)');
  }
  const manifest = JSON.parse(readFileSync(estreeManifest, 'utf8')) as { peerDependencies?: Record<string, string> };
  const supported = manifest.peerDependencies?.typescript ?? '*';
  const paths = createRequire(estreeManifest).resolve.paths('typescript') ?? [];
  for (const dir of paths) {
    const file = join(dir, 'typescript', 'package.json');
    if (existsSync(file)) {
      const { version } = JSON.parse(readFileSync(file, 'utf8')) as { version?: string };
      return { supported, found: version ?? null };
    }
  }
  return { supported, found: null };
}

/**
 * A {@link CliError} naming the problem and the fix when typescript-eslint cannot parse with the
 * installed TypeScript (missing, or outside its range), instead of the crash it would cause.
 */
export function checkTypeScript(install: TypeScriptInstall): void {
  if (install.found === null) {
    throw new CliError(
      `typescript-eslint, which agent-guard parses TypeScript with, needs the typescript package, which is not installed (it supports ${install.supported}); install it: ${TYPESCRIPT_FIX}`,
    );
  }
  if (install.supported !== '*' && !satisfiesRange(install.found, install.supported)) {
    throw new CliError(
      `TypeScript ${install.found} is installed, but typescript-eslint, which agent-guard parses TypeScript with, supports only ${install.supported}; install a supported one: ${TYPESCRIPT_FIX}`,
    );
  }
}

/**
 * The line to print when the command itself cannot be loaded (the plugin loads typescript-eslint's
 * parser, which fails on a missing or unsupported TypeScript): the TypeScript problem and its fix
 * when that is the cause, else the error's message (with its stack when `debug`).
 */
export function explainLoadFailure(error: unknown, debug: boolean): string {
  try {
    checkTypeScript(inspectTypeScript());
  } catch (problem) {
    if (problem instanceof CliError) {
      return problem.message;
    }
  }
  const text = error instanceof Error ? error.message.trim() : String(error);
  const stack = error instanceof Error && error.stack ? error.stack : '';
  return `cannot load the command: ${text}${debug && stack ? `\n${stack}` : '\nagent-guard: run with --debug for the stack trace'}`;
}
