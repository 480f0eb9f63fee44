// The `agent-guard` command as users run it: the packed package's bin, on git repositories
// created in a temp directory (inside the consumer installs of global-setup.ts, so that a
// project's own config, for --config, finds the packed plugin).
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';

import type { EslintMajor } from './harness';
import { git, install, runBin } from './cli-harness';

const HERE = dirname(fileURLToPath(import.meta.url));
const FIXTURES = join(HERE, 'cli-fixtures');
const SARIF_SCHEMA = join(HERE, '../fixtures/sarif-schema-2.1.0.json');

const FETCH = 'agent-guard/fetch-requires-timeout';
const SQL = 'agent-guard/no-sql-template-literal';

interface RepoOptions {
  eslint?: EslintMajor;
  /** Commit the files on `main` (false: a plain directory, no git at all). */
  git?: boolean;
}

/**
 * `<install>/cli-<name>/`: the `app` fixture plus what must be skipped (written here so this
 * repository's own tools leave it alone): a .gitignore'd directory, node_modules, dist.
 */
async function appRepo(name: string, options: RepoOptions = {}): Promise<string> {
  const dir = join(install(options.eslint ?? 10), `cli-${name}`);
  await rm(dir, { recursive: true, force: true });
  await cp(join(FIXTURES, 'app'), dir, { recursive: true });
  await writeFile(join(dir, 'package.json'), '{ "name": "fixture-cli", "private": true, "type": "module" }\n');
  const vulnerable = await readFile(join(FIXTURES, 'app/src/status.js'), 'utf8');
  for (const skipped of ['generated/client.js', 'node_modules/dep/index.js', 'dist/bundle.js', 'src/vendor/lib.min.js']) {
    await mkdir(dirname(join(dir, skipped)), { recursive: true });
    await writeFile(join(dir, skipped), vulnerable);
  }
  if (options.git !== false) {
    await writeFile(join(dir, '.gitignore'), 'generated/\n');
    await git(dir, 'init', '-q');
    await git(dir, 'add', '-A');
    await git(dir, 'commit', '-qm', 'app');
  }
  return dir;
}

interface Finding {
  file: string;
  line: number;
  ruleId: string | null;
  severity: 1 | 2;
}

interface JsonResult {
  filePath: string;
  messages: Array<{ ruleId: string | null; line: number; severity: 1 | 2; fatal?: boolean; message: string }>;
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}

/** `--format json` output as sorted findings, paths relative to `dir`. */
function findingsOf(stdout: string, dir: string): Finding[] {
  const results = JSON.parse(stdout) as JsonResult[];
  return results
    .flatMap((result) =>
      result.messages.map((m) => ({ file: toPosix(relative(dir, result.filePath)), line: m.line, ruleId: m.ruleId, severity: m.severity })),
    )
    .sort(byPosition);
}

function byPosition(a: Finding, b: Finding): number {
  return a.file.localeCompare(b.file) || a.line - b.line;
}

function sorted(findings: Finding[]): Finding[] {
  return [...findings].sort(byPosition);
}

function lintedFiles(stdout: string, dir: string): string[] {
  return (JSON.parse(stdout) as JsonResult[]).map((result) => toPosix(relative(dir, result.filePath))).sort();
}

interface SarifLog {
  runs: [
    {
      tool: { driver: { name: string; rules: Array<{ id: string }> } };
      results: Array<{
        ruleId: string;
        locations: [{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }];
      }>;
    },
  ];
}

/** What `agent-guard` reports on the app fixture with the recommended config. */
const APP_FINDINGS: Finding[] = [
  { file: 'src/client.ts', line: 8, ruleId: FETCH, severity: 2 },
  { file: 'src/reports.js', line: 7, ruleId: SQL, severity: 2 },
  { file: 'src/status.js', line: 3, ruleId: FETCH, severity: 2 },
];
const APP_FILES = ['src/clean.mjs', 'src/client.ts', 'src/queries.js', 'src/reports.js', 'src/status.js', 'agent-guard.config.js'].sort();
/** What every run on the app fixture says it left out (node_modules/, src/vendor/, dist/ are committed there). */
const LEFT_OUT = 'agent-guard: left out 3 files (1 dependency, 1 vendored, 1 build output); --verbose lists them\n';

describe('agent-guard [paths...]', () => {
  it('checks JS and TS with the recommended config, honouring .gitignore and skipping dependencies and build output', async () => {
    const dir = await appRepo('default');
    const run = await runBin(dir, ['--format', 'json']);
    expect(run.stderr).toBe(LEFT_OUT);
    expect(run.exitCode).toBe(1);
    expect(lintedFiles(run.stdout, dir)).toEqual(APP_FILES);
    expect(findingsOf(run.stdout, dir)).toEqual(APP_FINDINGS);
  });

  it('prints the stylish report by default, and checks a subdirectory or a file given as a path', async () => {
    const dir = await appRepo('stylish');
    const run = await runBin(dir, []);
    expect(run.exitCode).toBe(1);
    // The report itself is tested line by line in cli-output.test.ts.
    expect(run.stdout).toContain('src/status.js\n  3:26  error    `fetch` has no timeout  agent-guard/fetch-requires-timeout\n');
    expect(run.stdout).toContain('✖ 3 problems (3 errors, 0 warnings)\n');
    expect(run.stdout).not.toContain('--fix');

    const subdirectory = await runBin(join(dir, 'src'), ['.', '../dist/bundle.js', '--format', 'json']);
    expect(findingsOf(subdirectory.stdout, dir)).toEqual(
      sorted([...APP_FINDINGS, { file: 'dist/bundle.js', line: 3, ruleId: FETCH, severity: 2 }]),
    );
  });

  it('walks the directory outside git (node_modules and dist still skipped)', async () => {
    const dir = await appRepo('no-git', { git: false });
    const run = await runBin(dir, ['--format', 'json']);
    expect(run.exitCode).toBe(1);
    expect(findingsOf(run.stdout, dir)).toEqual(
      sorted([...APP_FINDINGS, { file: 'generated/client.js', line: 3, ruleId: FETCH, severity: 2 }]),
    );
  });

  it.each([8, 9] as const)('gives the same findings with ESLint %i', async (eslint) => {
    const dir = await appRepo(`eslint${eslint}`, { eslint });
    const run = await runBin(dir, ['--format', 'json'], eslint);
    expect(run.stderr).toBe(LEFT_OUT);
    expect(run.exitCode).toBe(1);
    expect(findingsOf(run.stdout, dir)).toEqual(APP_FINDINGS);
  });

  it('exits 0 with no output on a clean repository', async () => {
    const dir = await appRepo('clean');
    const run = await runBin(dir, ['src/clean.mjs']);
    expect(run).toEqual({ exitCode: 0, stdout: '', stderr: '' });
  });

  it('lists a file that does not parse on stderr, skips it, checks the others, and exits 1 for their findings', async () => {
    const dir = await appRepo('syntax-error');
    await writeFile(join(dir, 'src/broken.js'), 'export function () {\n');
    const run = await runBin(dir, ['--format', 'json']);
    expect(run.exitCode).toBe(1);
    expect(lintedFiles(run.stdout, dir)).toEqual(APP_FILES);
    expect(findingsOf(run.stdout, dir)).toEqual(APP_FINDINGS);
    expect(run.stderr).toBe(`agent-guard: skipped 1 file it could not parse (not checked):\n  src/broken.js:1:17  Unexpected token (\n${LEFT_OUT}`);
  });
});

describe('--diff <ref>', () => {
  async function branchRepo(name: string): Promise<string> {
    const dir = join(install(10), `cli-${name}`);
    await rm(dir, { recursive: true, force: true });
    await mkdir(join(dir, 'src'), { recursive: true });
    await cp(join(FIXTURES, 'diff/auth.js'), join(dir, 'src/auth.js'));
    await cp(join(FIXTURES, 'diff/server.base.js'), join(dir, 'src/server.js'));
    await git(dir, 'init', '-q');
    await git(dir, 'add', '-A');
    await git(dir, 'commit', '-qm', 'main');
    await git(dir, 'checkout', '-qb', 'agent/weather');
    await cp(join(FIXTURES, 'diff/server.branch.js'), join(dir, 'src/server.js'));
    await git(dir, 'commit', '-qam', 'add the weather endpoint');
    return dir;
  }

  it('reports only the handler the branch added, plus uncommitted and untracked work; --diff HEAD only the latter', async () => {
    const dir = await branchRepo('diff');
    const whole = await runBin(dir, ['--format', 'json']);
    expect(findingsOf(whole.stdout, dir)).toEqual([
      { file: 'src/server.js', line: 9, ruleId: FETCH, severity: 2 },
      { file: 'src/server.js', line: 14, ruleId: FETCH, severity: 2 },
    ]);

    const diff = await runBin(dir, ['--diff', 'main', '--format', 'json']);
    expect(diff.exitCode).toBe(1);
    expect(findingsOf(diff.stdout, dir)).toEqual([{ file: 'src/server.js', line: 14, ruleId: FETCH, severity: 2 }]);
    // Only files with changes are checked at all.
    expect(lintedFiles(diff.stdout, dir)).toEqual(['src/server.js']);

    await cp(join(FIXTURES, 'app/src/status.js'), join(dir, 'src/untracked.js'));
    const untracked = await runBin(dir, ['--diff', 'main', '--format', 'json']);
    expect(findingsOf(untracked.stdout, dir)).toEqual([
      { file: 'src/server.js', line: 14, ruleId: FETCH, severity: 2 },
      { file: 'src/untracked.js', line: 3, ruleId: FETCH, severity: 2 },
    ]);

    // --diff HEAD (the pre-commit hook form): only work not committed yet.
    const uncommitted = await runBin(dir, ['--diff', 'HEAD', '--format', 'json']);
    expect(findingsOf(uncommitted.stdout, dir)).toEqual([{ file: 'src/untracked.js', line: 3, ruleId: FETCH, severity: 2 }]);
  });

  it('exits 0 quietly on main itself, where nothing changed', async () => {
    const dir = await branchRepo('diff-none');
    await git(dir, 'checkout', '-q', 'main');
    const run = await runBin(dir, ['--diff', 'main']);
    expect(run).toEqual({ exitCode: 0, stdout: '', stderr: 'agent-guard: no changed JavaScript or TypeScript files to check\n' });
  });

  it('fails with one line (exit 2) on an unknown ref and outside a git repository', async () => {
    const dir = await branchRepo('diff-errors');
    expect(await runBin(dir, ['--diff', 'origin/nope'])).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: 'agent-guard: --diff: unknown git ref "origin/nope" (fetch it first, e.g. git fetch origin main)\n',
    });
    const plain = await appRepo('diff-no-git', { git: false });
    expect(await runBin(plain, ['--diff', 'main'])).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: 'agent-guard: --diff needs a git repository, and this directory is not inside one\n',
    });
  });
});

describe('--format and --output', () => {
  it('sarif: valid SARIF 2.1.0 listing the rules of the recommended config; --output writes it to a file', async () => {
    const dir = await appRepo('sarif');
    const run = await runBin(dir, ['--format', 'sarif', '--output', 'reports/agent-guard.sarif']);
    // --output: the report goes to the file (its directory created), nothing to stdout.
    expect(run).toEqual({ exitCode: 1, stdout: '', stderr: `agent-guard: wrote the sarif report (3 findings) to reports/agent-guard.sarif\n${LEFT_OUT}` });
    const log = JSON.parse(await readFile(join(dir, 'reports/agent-guard.sarif'), 'utf8')) as SarifLog;
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(await readFile(SARIF_SCHEMA, 'utf8')) as object);
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);

    // The rule list comes from the packed plugin's recommended config, not from this test.
    const packed = createRequire(join(install(10), 'node_modules/'))('eslint-plugin-agent-guard') as {
      configs: { recommended: { rules: object } };
    };
    const [sarifRun] = log.runs;
    expect(sarifRun.tool.driver.name).toBe('agent-guard');
    expect(sarifRun.tool.driver.rules.map((rule) => rule.id)).toEqual(Object.keys(packed.configs.recommended.rules));
    expect(
      sarifRun.results.map(({ ruleId, locations: [{ physicalLocation }] }) => [
        ruleId,
        physicalLocation.artifactLocation.uri,
        physicalLocation.region.startLine,
      ]),
    ).toEqual(APP_FINDINGS.map((finding) => [finding.ruleId, finding.file, finding.line]));
  });

  it('github: one well-formed workflow command per finding', async () => {
    const dir = await appRepo('github');
    const run = await runBin(dir, ['--format', 'github']);
    expect(run.exitCode).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(APP_FINDINGS.length);
    for (const [index, line] of lines.entries()) {
      const finding = APP_FINDINGS[index] as Finding;
      expect(line).toMatch(/^::error file=[^,:\r\n%]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=agent-guard\/[a-z-]+::[^\r\n]+$/u);
      expect(line).toContain(`::error file=${finding.file},line=${finding.line},`);
      expect(line).toContain(`,title=${finding.ruleId as string}::`);
    }
  });
});

describe('choosing rules and configs', () => {
  it('--rule limits the run to the named rules', async () => {
    const dir = await appRepo('rule');
    const bare = await runBin(dir, ['--rule', 'no-sql-template-literal', '--format', 'json']);
    expect(findingsOf(bare.stdout, dir)).toEqual([{ file: 'src/reports.js', line: 7, ruleId: SQL, severity: 2 }]);
    expect(await runBin(dir, ['--rule', 'no-eval'])).toMatchObject({ exitCode: 2, stdout: '' });
  });

  it('--strict uses the strict config', async () => {
    const dir = await appRepo('strict');
    const run = await runBin(dir, ['--strict', '--format', 'json']);
    expect(findingsOf(run.stdout, dir)).toEqual(
      sorted([...APP_FINDINGS, { file: 'src/queries.js', line: 3, ruleId: SQL, severity: 2 }]),
    );
  });

  it("--config uses the project's own flat config instead (here: JS files only, timeouts as warnings), reporting its agent-guard rules", async () => {
    const dir = await appRepo('config');
    const run = await runBin(dir, ['--config', 'agent-guard.config.js', '--format', 'json']);
    expect(run.stderr).toBe(LEFT_OUT);
    expect(run.exitCode).toBe(1);
    // The config's own func-style rule runs but is not reported: the review is about agent-guard's findings.
    expect(findingsOf(run.stdout, dir)).toEqual([
      { file: 'src/reports.js', line: 7, ruleId: SQL, severity: 2 },
      { file: 'src/status.js', line: 3, ruleId: FETCH, severity: 1 },
    ]);
    const named = await runBin(dir, ['--config', 'agent-guard.config.js', '--rule', 'func-style', '--format', 'json']);
    // Every function declaration of the JS files, and nothing of agent-guard's.
    expect(findingsOf(named.stdout, dir)).toEqual(
      [['src/clean.mjs', 2], ['src/queries.js', 2], ['src/reports.js', 6], ['src/reports.js', 11], ['src/status.js', 2], ['src/status.js', 7]].map(
        ([file, line]) => ({ file, line, ruleId: 'func-style', severity: 2 }),
      ),
    );
    expect(await runBin(dir, ['--config', 'missing.config.js'])).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: 'agent-guard: config file not found: missing.config.js\n',
    });
  });

  it('--max-warnings tolerates that many warnings', async () => {
    const dir = await appRepo('max-warnings');
    const args = ['--config', 'agent-guard.config.js', '--rule', 'fetch-requires-timeout'];
    expect((await runBin(dir, args)).exitCode).toBe(1);
    expect((await runBin(dir, [...args, '--max-warnings', '1'])).exitCode).toBe(0);
  });
});

describe('--baseline <file>', () => {
  it('records the current findings, then reports only new ones', async () => {
    const dir = await appRepo('baseline');
    const record = await runBin(dir, ['--baseline', '.agent-guard-baseline.json']);
    expect(record).toEqual({
      exitCode: 0,
      stdout: '',
      stderr: `agent-guard: recorded 3 finding(s) in .agent-guard-baseline.json; later runs report only new ones\n${LEFT_OUT}`,
    });
    const baseline = JSON.parse(await readFile(join(dir, '.agent-guard-baseline.json'), 'utf8')) as { version: number; findings: object };
    expect(baseline.version).toBe(2);
    expect(Object.keys(baseline.findings)).toEqual(['src/client.ts', 'src/reports.js', 'src/status.js']);

    // Shift the old findings down and add a new one: only the new one is reported.
    const status = await readFile(join(dir, 'src/status.js'), 'utf8');
    await writeFile(join(dir, 'src/status.js'), `// moved\n\n${status}`);
    await cp(join(FIXTURES, 'app/src/status.js'), join(dir, 'src/new.js'));
    const later = await runBin(dir, ['--baseline', '.agent-guard-baseline.json', '--format', 'json']);
    expect(later.exitCode).toBe(1);
    expect(findingsOf(later.stdout, dir)).toEqual([{ file: 'src/new.js', line: 3, ruleId: FETCH, severity: 2 }]);

    // --update-baseline records the new finding too.
    const update = await runBin(dir, ['--baseline', '.agent-guard-baseline.json', '--update-baseline']);
    expect(update).toMatchObject({ exitCode: 0, stdout: '' });
    expect(update.stderr).toContain('recorded 4 finding(s)');
  });
});

describe('usage', () => {
  it('rejects an unknown option with one line and exit 2', async () => {
    const dir = await appRepo('usage', { git: false });
    expect(await runBin(dir, ['--frobnicate'])).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: 'agent-guard: unknown option --frobnicate (see agent-guard --help)\n',
    });
    expect(await runBin(dir, ['missing-dir'])).toEqual({ exitCode: 2, stdout: '', stderr: 'agent-guard: no such file or directory: missing-dir\n' });
  });

  it('--help lists every option and --version prints the package version', async () => {
    const dir = await appRepo('help', { git: false });
    const help = await runBin(dir, ['--help']);
    expect(help.exitCode).toBe(0);
    for (const option of ['--diff', '--format', '--output', '--max-warnings', '--strict', '--rule', '--config', '--baseline', '--update-baseline', '--ignore-pattern', '--use-eslint-ignores', '--max-file-size', '--sarif-output', '--concurrency', '--verbose', '--debug', '--help', '--version']) {
      expect(help.stdout).toContain(option);
    }
    const { version } = JSON.parse(await readFile(resolve(install(10), 'node_modules/eslint-plugin-agent-guard/package.json'), 'utf8')) as { version: string };
    expect(await runBin(dir, ['--version'])).toEqual({ exitCode: 0, stdout: `${version}\n`, stderr: '' });
  });
});
