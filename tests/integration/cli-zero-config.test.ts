// `agent-guard` with zero config on a repository as found in the wild (issue #19): snippets that
// do not parse, a `.cjs` written with `import`, an `eslint-env` comment, a vendored 2 MB bundle,
// minified and generated files, a tests/ tree. The packed bin runs on git repositories made from
// tests/fixtures/review-repos/ in the consumer installs of global-setup.ts.
import { cp, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, inject, it } from 'vitest';

import type { EslintMajor } from './harness';
import { binOf, git, install, runBin, spawn } from './cli-harness';
import type { Run } from './cli-harness';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPOS = join(HERE, '../fixtures/review-repos');
const SARIF_SCHEMA = join(HERE, '../fixtures/sarif-schema-2.1.0.json');

const FETCH = 'agent-guard/fetch-requires-timeout';
const SQL = 'agent-guard/no-sql-template-literal';


/** A line of plain JS that calls fetch without a timeout: a finding wherever it is linted. */
const UNTIMED = "export const ping = () => fetch('https://cdn.example.com/ping');\n";

/**
 * What no reviewer wants checked, generated here rather than committed (2 MB and more, or build
 * output this repository's .gitignore would drop). Every file holds an untimed `fetch`, so
 * linting any of them would add a finding.
 */
function generatedFiles(fixture: string): Record<string, string> {
  if (fixture === 'ts-monorepo') {
    return { 'apps/web/.next/server/app/page.js': UNTIMED, 'packages/ui/dist/index.js': UNTIMED };
  }
  let vendored = '';
  for (let index = 0; vendored.length < 2 * 1024 * 1024; index++) {
    vendored += `export function chart${index}(el) { return fetch('https://cdn.example.com/chart/${index}').then((r) => r.json()); }\n`;
  }
  let countries = 'export const countries = [\n';
  for (let index = 0; countries.length < 1.2 * 1024 * 1024; index++) {
    countries += `  { code: 'C${index}', name: 'Country ${index}' },\n`;
  }
  return {
    'vendor/charts.bundle.js': vendored,
    'public/js/app.min.js': "!function(){fetch('https://example.com/a')}();\n",
    'public/js/bundle.js': `!function(){${"var a=fetch('https://example.com/b');".repeat(1000)}}();\n`,
    'src/generated/countries.js': `${countries}];\n${UNTIMED}`,
    '.yarn/releases/yarn-4.5.0.cjs': "module.exports = () => fetch('https://registry.example.com');\n",
    'dist/server.js': UNTIMED,
  };
}

/**
 * `<install>/review-<label>/`: the fixture repository plus its generated files, committed on main
 * (`git: false`: a plain directory, as a downloaded tarball is).
 */
async function reviewRepo(label: string, eslint: EslintMajor = 10, fixture = 'express-app', options: { git?: boolean } = {}): Promise<string> {
  const dir = join(install(eslint), `review-${label}`);
  await rm(dir, { recursive: true, force: true });
  await cp(join(REPOS, fixture), dir, { recursive: true });
  for (const [path, text] of Object.entries(generatedFiles(fixture))) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  if (options.git !== false) {
    await git(dir, 'init', '-q');
    await git(dir, 'add', '-A');
    await git(dir, 'commit', '-qm', 'orders api');
  }
  return dir;
}

interface JsonResult {
  filePath: string;
  messages: Array<{ ruleId: string | null; line: number; severity: 1 | 2; fatal?: boolean }>;
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}

/** `--format json` output: the files checked and `file:line rule` per finding, sorted. */
function reportOf(stdout: string, dir: string): { checked: string[]; findings: string[] } {
  const results = JSON.parse(stdout) as JsonResult[];
  return {
    checked: results.map((result) => toPosix(relative(dir, result.filePath))).sort(),
    findings: results
      .flatMap((result) => result.messages.map((message) => `${toPosix(relative(dir, result.filePath))}:${message.line} ${message.ruleId}`))
      .sort(),
  };
}

/** The files the defaults check: source, tests and fixtures (judged as test code), config files; nothing generated or vendored. */
const CHECKED = [
  'scripts/migrate.js',
  'src/lib/auth.js',
  'src/lib/db.js',
  'src/lib/geo.js',
  'src/lib/rates.ts',
  'src/routes/orders.js',
  'src/server.js',
  'tests/fixtures/order.js',
  'tests/helpers/api.js',
  'tests/orders.test.js',
  'tsup.config.cjs',
];

/** What the defaults report: nothing in test code (`tests/helpers/api.js` fetches without a timeout, and is read). */
const FINDINGS = [`src/lib/geo.js:2 ${FETCH}`, `src/lib/rates.ts:7 ${FETCH}`, `src/routes/orders.js:9 ${SQL}`];

const UNPARSEABLE_LINES = [
  'agent-guard: skipped 2 files it could not parse (not checked):',
  '  docs/snippets/config.js:3:1  Unexpected token `}`. Did you mean `&rbrace;` or `{"}"}`?',
  '  docs/snippets/route.js:3:3  Unexpected token ...',
];

const LEFT_OUT = [
  '  .yarn/releases/yarn-4.5.0.cjs  (dependency)',
  '  dist/server.js  (build output)',
  '  public/js/app.min.js  (minified)',
  '  public/js/bundle.js  (minified)',
  '  src/generated/countries.js  (too large)',
  '  vendor/charts.bundle.js  (vendored)',
];

const lines = (...text: string[]) => text.map((line) => `${line}\n`).join('');

describe('agent-guard with zero config on a real-world repository', () => {
  it('exits 1 with the findings, lists the files it could not parse, counts what it left out, lints nothing vendored', async () => {
    const dir = await reviewRepo('default');
    const run = await runBin(dir, ['--format', 'json']);
    expect(run.exitCode).toBe(1);
    expect(reportOf(run.stdout, dir)).toEqual({ checked: CHECKED, findings: FINDINGS });
    // No ESLintIgnoreWarning for the .eslintignore, no "could not parse" for the eslint-env
    // comment or the .cjs written with import.
    expect(run.stderr).toBe(
      lines(...UNPARSEABLE_LINES, 'agent-guard: left out 6 files (1 dependency, 1 vendored, 1 build output, 2 minified, 1 too large); --verbose lists them'),
    );
  });

  it.each([8, 9] as const)('gives the same report with ESLint %i (whose eslint-env handling differs)', async (eslint) => {
    const dir = await reviewRepo(`eslint${eslint}`, eslint);
    const run = await runBin(dir, ['--format', 'json'], eslint);
    expect(run.exitCode).toBe(1);
    expect(reportOf(run.stdout, dir)).toEqual({ checked: CHECKED, findings: FINDINGS });
    expect(run.stderr).toBe(
      lines(...UNPARSEABLE_LINES, 'agent-guard: left out 6 files (1 dependency, 1 vendored, 1 build output, 2 minified, 1 too large); --verbose lists them'),
    );
  });

  it('gives the same report outside git, where the directories are walked', async () => {
    const dir = await reviewRepo('no-git', 10, 'express-app', { git: false });
    const run = await runBin(dir, ['--format', 'json']);
    expect(run.exitCode).toBe(1);
    expect(reportOf(run.stdout, dir)).toEqual({ checked: CHECKED, findings: FINDINGS });
    expect(run.stderr).toBe(
      lines(...UNPARSEABLE_LINES, 'agent-guard: left out 6 files (1 dependency, 1 vendored, 1 build output, 2 minified, 1 too large); --verbose lists them'),
    );
  });

  it('--verbose lists every file left out, with the reason; the stylish report has only the findings', async () => {
    const dir = await reviewRepo('verbose');
    const run = await runBin(dir, ['--verbose']);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('✖ 3 problems (3 errors, 0 warnings)');
    expect(run.stdout).not.toContain('Parsing error');
    expect(run.stderr).toBe(
      lines(...UNPARSEABLE_LINES, 'agent-guard: left out 6 files (1 dependency, 1 vendored, 1 build output, 2 minified, 1 too large):', ...LEFT_OUT),
    );
  });

  it('github: a warning annotation on each file it could not parse, an error on each finding', async () => {
    const dir = await reviewRepo('github');
    const run = await runBin(dir, ['--format', 'github']);
    expect(run.exitCode).toBe(1);
    const annotations = run.stdout.trimEnd().split('\n');
    expect(annotations.slice(0, 2)).toEqual([
      '::warning file=docs/snippets/config.js,line=3,col=1,title=agent-guard skipped this file::could not parse it: Unexpected token `}`. Did you mean `&rbrace;` or `{"}"}`?',
      '::warning file=docs/snippets/route.js,line=3,col=3,title=agent-guard skipped this file::could not parse it: Unexpected token ...',
    ]);
    expect(annotations.slice(2).map((line) => /^::error file=([^,]+),line=(\d+),.*title=([^:]+)::/u.exec(line)?.slice(1).join(' '))).toEqual(
      FINDINGS.map((finding) => finding.replace(':', ' ')),
    );
  });

  it('sarif: valid, with a warning notification per file it could not parse, and the run still successful', async () => {
    const dir = await reviewRepo('sarif');
    const run = await runBin(dir, ['--format', 'sarif', '--output', 'agent-guard.sarif']);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toBe('');
    const log = JSON.parse(await readFile(join(dir, 'agent-guard.sarif'), 'utf8')) as {
      runs: [
        {
          results: Array<{ ruleId: string; locations: [{ physicalLocation: { artifactLocation: { uri: string } } }] }>;
          invocations: [{ executionSuccessful: boolean; toolExecutionNotifications: Array<{ level: string; locations: [{ physicalLocation: { artifactLocation: { uri: string } } }] }> }];
        },
      ];
    };
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(await readFile(SARIF_SCHEMA, 'utf8')) as object);
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const [sarifRun] = log.runs;
    expect(sarifRun.invocations[0].executionSuccessful).toBe(true);
    expect(sarifRun.invocations[0].toolExecutionNotifications.map((n) => `${n.level} ${n.locations[0].physicalLocation.artifactLocation.uri}`)).toEqual([
      'warning docs/snippets/config.js',
      'warning docs/snippets/route.js',
    ]);
    expect(sarifRun.results.map((result) => result.locations[0].physicalLocation.artifactLocation.uri)).toEqual([
      'src/lib/geo.js',
      'src/lib/rates.ts',
      'src/routes/orders.js',
    ]);
  });

  it("checks test code like the rest with the project's tests.report setting", async () => {
    const dir = await reviewRepo('test-code');
    await writeFile(join(dir, 'agent-guard.config.json'), JSON.stringify({ tests: { report: true } }));
    const run = await runBin(dir, ['--format', 'json']);
    expect(run.exitCode).toBe(1);
    expect(reportOf(run.stdout, dir).findings).toEqual([...FINDINGS, `tests/helpers/api.js:2 ${FETCH}`]);
  });
});

describe('agent-guard with zero config on a TypeScript monorepo', () => {
  it('checks TS, TSX and .mts, never declaration files; lists the file with merge-conflict markers; leaves out .next/ and dist/', async () => {
    const dir = await reviewRepo('monorepo', 10, 'ts-monorepo');
    const run = await runBin(dir, ['--format', 'json', '--verbose']);
    expect(run.exitCode).toBe(1);
    expect(reportOf(run.stdout, dir)).toEqual({
      checked: [
        'apps/web/app/api/users/route.ts',
        'apps/web/app/page.tsx',
        'packages/api-client/src/index.ts',
        'packages/ui/src/Button.stories.tsx',
        'packages/ui/src/Button.tsx',
        'scripts/seed.mts',
      ],
      findings: [
        'apps/web/app/api/users/route.ts:6 agent-guard/require-auth-gate-in-route',
        `apps/web/app/api/users/route.ts:8 ${SQL}`,
        `packages/api-client/src/index.ts:7 ${FETCH}`,
      ],
    });
    expect(run.stderr).toBe(
      lines(
        'agent-guard: skipped 1 file it could not parse (not checked):',
        '  apps/web/app/api/invites/route.ts:5:1  Merge conflict marker encountered.',
        'agent-guard: left out 2 files (2 build output):',
        '  apps/web/.next/server/app/page.js  (build output)',
        '  packages/ui/dist/index.js  (build output)',
      ),
    );
  });
});

describe('leaving paths out', () => {
  it('.agent-guardignore and --ignore-pattern leave out docs and tests, counted by reason', async () => {
    const dir = await reviewRepo('ignores');
    await writeFile(join(dir, '.agent-guardignore'), '# excerpts, not programs\ndocs/\n');
    const run = await runBin(dir, ['--format', 'json', '--ignore-pattern', 'tests/', '--ignore-pattern', '*.cjs', '--verbose']);
    expect(run.exitCode).toBe(1);
    expect(reportOf(run.stdout, dir)).toEqual({
      checked: CHECKED.filter((file) => !file.startsWith('tests/') && !file.endsWith('.cjs')),
      findings: FINDINGS.filter((finding) => !finding.startsWith('tests/')),
    });
    // `*.cjs` also matches .yarn's release, which the defaults had already left out as a dependency.
    expect(run.stderr).toBe(
      lines(
        'agent-guard: left out 12 files (1 dependency, 1 vendored, 1 build output, 2 minified, 1 too large, 4 --ignore-pattern, 2 .agent-guardignore):',
        '  .yarn/releases/yarn-4.5.0.cjs  (dependency)',
        '  dist/server.js  (build output)',
        '  docs/snippets/config.js  (.agent-guardignore)',
        '  docs/snippets/route.js  (.agent-guardignore)',
        '  public/js/app.min.js  (minified)',
        '  public/js/bundle.js  (minified)',
        '  src/generated/countries.js  (too large)',
        '  tests/fixtures/order.js  (--ignore-pattern)',
        '  tests/helpers/api.js  (--ignore-pattern)',
        '  tests/orders.test.js  (--ignore-pattern)',
        '  tsup.config.cjs  (--ignore-pattern)',
        '  vendor/charts.bundle.js  (vendored)',
      ),
    );
  });

  it("--use-eslint-ignores honours the project's eslint.config.js ignores and .eslintignore", async () => {
    const dir = await reviewRepo('eslint-ignores');
    await writeFile(join(dir, 'eslint.config.js'), "module.exports = [{ ignores: ['scripts/**'] }];\n");
    const run = await runBin(dir, ['--format', 'json', '--use-eslint-ignores']);
    expect(run.exitCode).toBe(1);
    expect(reportOf(run.stdout, dir)).toEqual({
      checked: ['eslint.config.js', ...CHECKED.filter((file) => file !== 'scripts/migrate.js')].sort(),
      findings: FINDINGS,
    });
    // docs/ comes from .eslintignore, scripts/ from eslint.config.js: nothing is "could not parse".
    expect(run.stderr).toBe(
      lines('agent-guard: left out 9 files (1 dependency, 1 vendored, 1 build output, 2 minified, 1 too large, 3 eslint ignores); --verbose lists them'),
    );
  });

  it('--max-file-size raises the limit: the generated data file is checked, the vendored bundle still is not', async () => {
    const dir = await reviewRepo('max-file-size');
    const run = await runBin(dir, ['--format', 'json', '--max-file-size', '3mb']);
    expect(run.exitCode).toBe(1);
    const report = reportOf(run.stdout, dir);
    expect(report.checked).toEqual([...CHECKED, 'src/generated/countries.js'].sort());
    expect(report.findings).toEqual([...FINDINGS, expect.stringMatching(/^src\/generated\/countries\.js:\d+ agent-guard\/fetch-requires-timeout$/u)].sort());
    expect(run.stderr).toContain('agent-guard: left out 5 files (1 dependency, 1 vendored, 1 build output, 2 minified); --verbose lists them\n');
  });
});

describe('set-up errors', () => {
  /**
   * `<root>/<name>/node_modules`: the ESLint 10 install's packages, linked one by one, with
   * `typescript` replaced by `fake` (a package.json and a module that is not TypeScript) or
   * missing. Run with --preserve-symlinks, so typescript-eslint resolves `typescript` here.
   */
  async function installWithTypeScript(name: string, fake: string | null): Promise<string> {
    const root = join(inject('agentGuardIt').root, name);
    const modules = join(root, 'node_modules');
    await rm(root, { recursive: true, force: true });
    await mkdir(modules, { recursive: true });
    const source = join(install(10), 'node_modules');
    for (const entry of await readdir(source)) {
      if (entry !== 'typescript' && entry !== '.bin') {
        await symlink(join(source, entry), join(modules, entry), 'dir');
      }
    }
    if (fake !== null) {
      await mkdir(join(modules, 'typescript'));
      await writeFile(join(modules, 'typescript/package.json'), JSON.stringify({ name: 'typescript', version: fake, main: 'index.js' }));
      // Not TypeScript's API: loading it is what crashes typescript-eslint.
      await writeFile(join(modules, 'typescript/index.js'), `module.exports = { versionMajorMinor: '${fake}' };\n`);
    }
    return root;
  }

  async function runIn(root: string, args: string[]): Promise<Run> {
    const dir = join(root, 'app');
    await cp(join(REPOS, 'express-app'), dir, { recursive: true });
    await git(dir, 'init', '-q');
    return spawn(process.execPath, ['--preserve-symlinks', '--preserve-symlinks-main', await binOf(join(root, 'node_modules')), ...args], dir);
  }

  it('names an unsupported TypeScript (7.x) and the fix, instead of crashing', async () => {
    const run = await runIn(await installWithTypeScript('typescript7', '7.0.0'), ['--format', 'json']);
    expect(run).toEqual({
      exitCode: 2,
      stdout: '',
      stderr:
        'agent-guard: TypeScript 7.0.0 is installed, but typescript-eslint, which agent-guard parses TypeScript with, supports only >=4.8.4 <6.1.0; install a supported one: npm i -D typescript@~5.9\n',
    });
  });

  it('names a missing TypeScript and the fix', async () => {
    const run = await runIn(await installWithTypeScript('no-typescript', null), ['--format', 'json']);
    expect(run).toEqual({
      exitCode: 2,
      stdout: '',
      stderr:
        'agent-guard: typescript-eslint, which agent-guard parses TypeScript with, needs the typescript package, which is not installed (it supports >=4.8.4 <6.1.0); install it: npm i -D typescript@~5.9\n',
    });
  });

  it('checks a JavaScript-only repository without TypeScript installed, or with one typescript-eslint does not support', async () => {
    for (const [name, fake] of [['js-only-no-typescript', null], ['js-only-typescript7', '7.0.0']] as const) {
      const root = await installWithTypeScript(name, fake);
      const dir = join(root, 'js-app');
      await mkdir(join(dir, 'src'), { recursive: true });
      await writeFile(join(dir, 'src/ping.js'), UNTIMED);
      // A file no JavaScript parser reads: its last try, typescript-eslint's parser, is left out without a usable TypeScript.
      await writeFile(join(dir, 'src/broken.js'), 'export function () {\n');
      await git(dir, 'init', '-q');
      const run = await spawn(process.execPath, ['--preserve-symlinks', '--preserve-symlinks-main', await binOf(join(root, 'node_modules')), '--format', 'json'], dir);
      expect(run.exitCode, name).toBe(1);
      expect(reportOf(run.stdout, dir), name).toEqual({ checked: ['src/ping.js'], findings: [`src/ping.js:1 ${FETCH}`] });
      expect(run.stderr, name).toBe(lines('agent-guard: skipped 1 file it could not parse (not checked):', '  src/broken.js:1:17  Unexpected token ('));
    }
  });

  it("prints a config's error whole, with its path", async () => {
    const dir = await reviewRepo('config-error');
    await writeFile(join(dir, 'review.config.js'), "module.exports = [{ rules: { 'agent-guard/fetch-requires-timeout': ['error', { nope: true }] } }];\n");
    const run = await runBin(dir, ['--config', 'review.config.js']);
    expect(run.exitCode).toBe(2);
    expect(run.stdout).toBe('');
    const [first, ...rest] = run.stderr.trimEnd().split('\n');
    expect(first).toBe(`agent-guard: the config ${join(dir, 'review.config.js')} does not load:`);
    expect(rest.join('\n')).toMatch(/Could not find plugin "agent-guard"/u);
    expect(rest.at(-1)).toBe('agent-guard: run with --debug for the stack trace');
  });
});
