// Scale: ESLint's multi-thread mode (`--concurrency`, ESLint >= 9.34) and `--cache` give the same
// findings as a plain single-thread run. Each worker thread loads the config and the plugin on its
// own and lints its share of the files, so a rule that kept state in its module across files, or
// options that could not cross a thread boundary, would show up here as a difference. The rules
// also read other files of the project (an SQL wrapper, an imported controller): each worker keeps
// its own project-file cache and must parse those files itself, with the same answer.

import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';

import { describe, expect, it } from 'vitest';

import { type EslintMajor, runInMinimalInstall, setUpOwnProject } from './harness';

interface Finding {
  file: string;
  line: number;
  column: number;
  ruleId: string | null;
  messageId: string | undefined;
  message: string;
}

interface Run {
  exitCode: number;
  linted: string[];
  findings: Finding[];
  stderr: string;
}

interface EslintJsonResult {
  filePath: string;
  messages: { ruleId: string | null; messageId?: string; message: string; line?: number; column?: number }[];
}

const FETCH = 'agent-guard/fetch-requires-timeout';
const SQL = 'agent-guard/no-sql-template-literal';
const FS = 'agent-guard/no-unsanitized-fs-path';
const STACK = 'agent-guard/no-stack-in-response';
const AUTH = 'agent-guard/require-auth-gate-in-route';

/** Every file of projects/concurrency-tree, as ESLint reports them (the config file included). */
const LINTED = [
  'eslint.config.js',
  'src/auth.js',
  'src/controllers/exports.js',
  'src/db/invoices.js',
  'src/db/prisma.ts',
  'src/db/query.ts',
  'src/db/safe.js',
  'src/db/search.js',
  'src/db/users.ts',
  'src/http/axios-client.ts',
  'src/http/fetch-plain.js',
  'src/http/got-call.mts',
  'src/http/legacy.cjs',
  'src/http/safe.ts',
  'src/routes/errors.ts',
  'src/routes/exports.js',
  'src/routes/files.js',
  'src/routes/report.js',
  'src/routes/safe.js',
  'src/routes/upload.ts',
];

/** The findings in projects/concurrency-tree, sorted by file, line, column. */
const EXPECTED: Omit<Finding, 'message'>[] = [
  { file: 'src/db/invoices.js', line: 4, column: 16, ruleId: SQL, messageId: 'dynamicSql' },
  { file: 'src/db/prisma.ts', line: 5, column: 65, ruleId: SQL, messageId: 'dynamicSql' },
  { file: 'src/db/search.js', line: 8, column: 21, ruleId: SQL, messageId: 'dynamicSql' },
  { file: 'src/db/users.ts', line: 6, column: 37, ruleId: SQL, messageId: 'dynamicSql' },
  { file: 'src/http/axios-client.ts', line: 3, column: 13, ruleId: FETCH, messageId: 'missingTimeout' },
  { file: 'src/http/axios-client.ts', line: 6, column: 26, ruleId: FETCH, messageId: 'instanceWithoutTimeout' },
  { file: 'src/http/axios-client.ts', line: 11, column: 9, ruleId: FETCH, messageId: 'disabledTimeout' },
  { file: 'src/http/fetch-plain.js', line: 2, column: 26, ruleId: FETCH, messageId: 'missingTimeout' },
  { file: 'src/http/got-call.mts', line: 4, column: 10, ruleId: FETCH, messageId: 'missingTimeout' },
  { file: 'src/http/legacy.cjs', line: 7, column: 3, ruleId: FETCH, messageId: 'missingTimeout' },
  { file: 'src/http/legacy.cjs', line: 11, column: 26, ruleId: FETCH, messageId: 'missingTimeout' },
  { file: 'src/routes/errors.ts', line: 10, column: 35, ruleId: STACK, messageId: 'messageInResponse' },
  { file: 'src/routes/exports.js', line: 8, column: 5, ruleId: AUTH, messageId: 'missingGate' },
  { file: 'src/routes/files.js', line: 10, column: 30, ruleId: FS, messageId: 'requestPathFalseConfidence' },
  { file: 'src/routes/report.js', line: 10, column: 59, ruleId: STACK, messageId: 'stackInResponse' },
  { file: 'src/routes/upload.ts', line: 8, column: 19, ruleId: FS, messageId: 'requestPath' },
];

/**
 * The findings only another file decides, with their messages: `query` (src/db/query.ts) hands
 * its first parameter to `pool.query`; `exportStatus` (src/controllers/exports.js) checks no
 * session, while `startExport` beside it is gated by `requireAuth` at its registration.
 */
const CROSS_FILE: Finding[] = [
  {
    file: 'src/db/invoices.js',
    line: 4,
    column: 16,
    ruleId: SQL,
    messageId: 'dynamicSql',
    message:
      'The SQL text passed to `query` (src/db/query.ts, which passes it on as SQL text) embeds `customer`. Pass values as bound parameters instead of building the query string.',
  },
  {
    file: 'src/routes/exports.js',
    line: 8,
    column: 5,
    ruleId: AUTH,
    messageId: 'missingGate',
    message:
      'GET /exports/:id (express; its handler exportStatus (src/controllers/exports.js) never checks a session) has no authentication gate: no auth middleware or guard before it, no session or identity check before its first response, no auth wrapper. Add one, or mark the route `// agent-guard: public-route <reason>`.',
  },
];

/** The findings of a run in files that CROSS_FILE names. */
function crossFileFindings(run: Run): Finding[] {
  const files = new Set(CROSS_FILE.map((finding) => finding.file));
  return run.findings.filter((finding) => files.has(finding.file));
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}

/** Runs the project's own ESLint bin with `--format json` (and the given flags) on `.`. */
function lint(dir: string, args: string[]): Promise<Run> {
  const bin = join(dir, '../node_modules/eslint/bin/eslint.js');
  const env: NodeJS.ProcessEnv = { ...process.env };
  // The test runner's loader hooks must not leak into ESLint (or its worker threads).
  delete env.NODE_OPTIONS;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      // Symlinks stay symlinks, as in harness.ts: the plugin and parser load the install's ESLint.
      ['--preserve-symlinks', '--preserve-symlinks-main', bin, '--format', 'json', ...args, '.'],
      { cwd: dir, env, maxBuffer: 32 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const exitCode = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        const results = stdout.trimStart().startsWith('[') ? (JSON.parse(stdout) as EslintJsonResult[]) : [];
        const findings = results
          .flatMap((result) =>
            result.messages.map(
              (message): Finding => ({
                file: toPosix(relative(dir, result.filePath)),
                line: message.line ?? 0,
                column: message.column ?? 0,
                ruleId: message.ruleId,
                messageId: message.messageId,
                message: message.message,
              }),
            ),
          )
          .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
        const linted = results.map((result) => toPosix(relative(dir, result.filePath))).sort();
        resolve({ exitCode, linted, findings, stderr });
      },
    );
  });
}

/** What the assertions compare: everything but stderr, which rides along as the failure message. */
function outcome(run: Run): Omit<Run, 'stderr'> {
  return { exitCode: run.exitCode, linted: run.linted, findings: run.findings };
}

function withoutMessages(findings: Finding[]): Omit<Finding, 'message'>[] {
  return findings.map(({ message: _message, ...rest }) => rest);
}

describe.each([10, 9] as const)('ESLint %s --concurrency and --cache', (eslint: EslintMajor) => {
  const cacheFileOf = (dir: string): string => join(dirname(dir), `scale-cache-eslint${eslint}`);

  it('--concurrency=2 reports exactly what a single-thread run reports', async () => {
    const dir = await setUpOwnProject('concurrency-tree', eslint, { label: 'scale' });
    const single = await lint(dir, ['--concurrency=off']);
    expect(single.linted, single.stderr).toEqual(LINTED);
    expect(withoutMessages(single.findings), single.stderr).toEqual(EXPECTED);
    expect(single.exitCode, single.stderr).toBe(1);
    expect(crossFileFindings(single), single.stderr).toEqual(CROSS_FILE);

    // Threaded, and writing the cache the next test reads.
    const threaded = await lint(dir, ['--concurrency=2', '--cache', '--cache-location', cacheFileOf(dir)]);
    expect(outcome(threaded), threaded.stderr).toEqual(outcome(single));
    // Said again on its own: the failure then names the cross-file finding a worker missed.
    expect(crossFileFindings(threaded), threaded.stderr).toEqual(CROSS_FILE);
  });

  it('--cache: a second run is answered from the cache with the same findings', async () => {
    const dir = await setUpOwnProject('concurrency-tree', eslint, { label: 'scale' });
    const cacheFile = cacheFileOf(dir);
    if (!existsSync(cacheFile)) {
      // Run on its own (`-t`): write the cache here.
      await lint(dir, ['--concurrency=2', '--cache', '--cache-location', cacheFile]);
    }
    const cache = await readFile(cacheFile, 'utf8');
    for (const file of LINTED) {
      expect(cache, `${file} is not in the cache`).toContain(JSON.stringify(join(dir, file)));
    }
    // Mark one cached message: seeing the mark proves the results came from the cache, not a new lint.
    const cachedMessage = 'embeds `email`.';
    expect(cache.split(cachedMessage), 'the cache should hold the users.ts message once').toHaveLength(2);
    await writeFile(cacheFile, cache.replace(cachedMessage, 'embeds `email` (cached).'));

    const cached = await lint(dir, ['--cache', '--cache-location', cacheFile]);
    expect(cached.linted, cached.stderr).toEqual(LINTED);
    expect(withoutMessages(cached.findings), cached.stderr).toEqual(EXPECTED);
    expect(cached.findings.find((finding) => finding.file === 'src/db/users.ts')?.message).toBe(
      'The SQL text passed to `pool.query` embeds `email` (cached). Pass values as bound parameters instead of building the query string.',
    );
  });
});

describe('the packed plugin under --concurrency', () => {
  it('has plain-data options: schemas, default and strict options, config rule entries survive JSON', async () => {
    // Worker threads each load the config themselves; what ESLint hands between threads
    // (options, settings, results) must be data, not functions or class instances.
    const script = `
      const { isDeepStrictEqual } = require('node:util');
      const plugin = require('eslint-plugin-agent-guard');
      const problems = [];
      const check = (what, value) => {
        if (value !== undefined && !isDeepStrictEqual(JSON.parse(JSON.stringify(value)), value)) problems.push(what);
      };
      for (const [name, rule] of Object.entries(plugin.rules)) {
        check(name + ' schema', rule.meta.schema);
        check(name + ' defaultOptions', rule.meta.defaultOptions);
        check(name + ' strictOptions', rule.meta.docs.strictOptions);
      }
      for (const [name, config] of Object.entries(plugin.configs)) check(name + ' rules', config.rules);
      console.log(JSON.stringify({ rules: Object.keys(plugin.rules).length, problems }));
    `;
    const { exitCode, stdout, stderr } = await runInMinimalInstall(['-e', script]);
    expect(exitCode, stderr).toBe(0);
    const report = JSON.parse(stdout) as { rules: number; problems: string[] };
    expect(report.rules).toBeGreaterThanOrEqual(4);
    expect(report.problems).toEqual([]);
  });
});
