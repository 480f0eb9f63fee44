// The packed `agent-guard` bin's secret scan of the files ESLint does not check (secretlint, an
// optional peer dependency): with secretlint installed next to it (the ESLint 10 consumer
// install of global-setup.ts links the repository's node_modules, secretlint included), and in
// an install made here without it. The secrets are assembled from pieces at run time, so that
// this repository's own secretlint run finds none in the test's source.
import { cp, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, inject, it } from 'vitest';

import { git, install, type Run, spawn } from './cli-harness';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO_MODULES = resolve(HERE, '../../node_modules');
const SARIF_SCHEMA = join(HERE, '../fixtures/sarif-schema-2.1.0.json');

const GITHUB_TOKEN = ['gh', 'p_', 'A1b2C3d4E5f6G7h8I9j0', 'K1l2M3n4O5p6Q7r8'].join('');
const NPM_TOKEN = ['np', 'm_', 'Zx9Yw8Vu7Ts6Rq5Po4Nm', '3Lk2Ji1Hg0FeDcBa'].join('');
const OLD_NPM_TOKEN = ['np', 'm_', 'Qq1Ww2Ee3Rr4Tt5Yy6Uu', '7Ii8Oo9Pp0AaSsDd'].join('');
const UNTIMED = "export const load = () => fetch('https://example.com');\n";
const FETCH = 'agent-guard/fetch-requires-timeout';
const ADVICE = "Rotate it: it stays in the repository's history even once removed; then read it from the environment or a secret manager.";
const INSTALL = 'npm install --save-dev secretlint @secretlint/secretlint-rule-preset-recommend';

async function write(root: string, files: Record<string, string>): Promise<void> {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
}

/**
 * `main`: a clean JS file, a YAML file with a token already in it. The branch adds an untimed
 * fetch, a `.env` with a GitHub token, a second token to the YAML file and a workflow that reads
 * its token from the secrets store; a token in `dist/` is left out.
 */
async function branchRepo(parent: string, name: string): Promise<string> {
  const dir = join(parent, `cli-secrets-${name}`);
  await rm(dir, { recursive: true, force: true });
  await write(dir, {
    'package.json': '{ "name": "fixture-secrets", "private": true, "type": "module" }\n',
    'src/app.js': 'export const a = 1;\n',
    'config/app.yml': `name: app\nlegacy_token: ${OLD_NPM_TOKEN}\n`,
  });
  await git(dir, 'init', '-q');
  await git(dir, 'add', '-A');
  await git(dir, 'commit', '-qm', 'main');
  await git(dir, 'checkout', '-qb', 'agent/integration');
  await write(dir, {
    'src/app.js': `export const a = 1;\n${UNTIMED}`,
    '.env': `PORT=3000\nGITHUB_TOKEN=${GITHUB_TOKEN}\n`,
    'config/app.yml': `name: app\nlegacy_token: ${OLD_NPM_TOKEN}\nnew_token: ${NPM_TOKEN}\n`,
    '.github/workflows/ci.yml': 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    env:\n      TOKEN: ${{ secrets.NPM_TOKEN }}\n    steps:\n      - run: npm test\n',
    'dist/config.json': `{ "token": "${GITHUB_TOKEN}" }\n`,
  });
  await git(dir, 'add', '-A');
  await git(dir, 'commit', '-qm', 'wire up the integration');
  return dir;
}

/** The packed bin in `modules` (a consumer install's node_modules) on `args`, in `cwd`. */
function runIn(modules: string, cwd: string, args: string[]): Promise<Run> {
  return spawn(process.execPath, [join(modules, 'eslint-plugin-agent-guard/dist/cli.cjs'), ...args], cwd);
}

interface JsonResult {
  filePath: string;
  messages: Array<{ ruleId: string; line: number; column: number; endLine: number; endColumn: number; severity: number; message: string }>;
}

function findingsOf(stdout: string, dir: string): string[] {
  return (JSON.parse(stdout) as JsonResult[])
    .flatMap((result) => result.messages.map((m) => `${result.filePath.slice(dir.length + 1)}:${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.ruleId}`))
    .sort();
}

describe('agent-guard --diff with secretlint installed', () => {
  let modules: string;
  let dir: string;
  beforeAll(async () => {
    modules = join(install(10), 'node_modules');
    dir = await branchRepo(install(10), 'installed');
  });

  it('json: the JS finding and the secrets on changed lines of the other files, nothing from dist/ or unchanged lines', async () => {
    const run = await runIn(modules, dir, ['--diff', 'main', '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(1);
    expect(findingsOf(run.stdout, dir)).toEqual(
      [`src/app.js:2:27-2:55 ${FETCH}`, '.env:2:14-2:54 secretlint/github', 'config/app.yml:3:12-3:52 secretlint/npm'].sort(),
    );
    const env = (JSON.parse(run.stdout) as JsonResult[]).find((result) => result.filePath.endsWith('.env'));
    expect(env?.messages[0]?.message).toBe(`found GitHub Token(****). ${ADVICE}`);
    expect(run.stdout).not.toContain(GITHUB_TOKEN);
    expect(run.stdout).not.toContain(NPM_TOKEN);
  });

  it('github annotations and SARIF (valid against the schema) from one run, the secrets masked in both', async () => {
    const run = await runIn(modules, dir, ['--diff', 'main', '--format', 'github', '--sarif-output', 'out/secrets.sarif']);
    expect(run.exitCode).toBe(1);
    expect(run.stdout.trimEnd().split('\n').filter((line) => line.includes('title=secretlint/'))).toEqual([
      `::error file=.env,line=2,col=14,endLine=2,endColumn=54,title=secretlint/github::found GitHub Token(****). ${ADVICE}`,
      `::error file=config/app.yml,line=3,col=12,endLine=3,endColumn=52,title=secretlint/npm::found npm access token. ${ADVICE}`,
    ]);
    const text = await readFile(join(dir, 'out/secrets.sarif'), 'utf8');
    expect(text).not.toContain(GITHUB_TOKEN);
    const log = JSON.parse(text) as {
      runs: [{ tool: { driver: { rules: Array<{ id: string; properties?: { tags?: string[] } }> } }; results: Array<{ ruleId: string; locations: [{ physicalLocation: { artifactLocation: { uri: string }; region: object } }] }> }];
    };
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(await readFile(SARIF_SCHEMA, 'utf8')) as object);
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const [sarifRun] = log.runs;
    expect(sarifRun.results.map((result) => [result.ruleId, result.locations[0].physicalLocation.artifactLocation.uri, result.locations[0].physicalLocation.region])).toEqual([
      [FETCH, 'src/app.js', { startLine: 2, startColumn: 27, endLine: 2, endColumn: 55 }],
      ['secretlint/github', '.env', { startLine: 2, startColumn: 14, endLine: 2, endColumn: 54 }],
      ['secretlint/npm', 'config/app.yml', { startLine: 3, startColumn: 12, endLine: 3, endColumn: 52 }],
    ]);
    expect(sarifRun.tool.driver.rules.find((rule) => rule.id === 'secretlint/github')?.properties?.tags).toEqual(['security', 'external/cwe/cwe-798']);
  });
});

describe('agent-guard in an install without secretlint', () => {
  let modules: string;
  let dir: string;
  beforeAll(async () => {
    // The unpacked package copied (a symbolic link would resolve `secretlint` from the install
    // that has it) next to links to every package of the repository's node_modules but secretlint's.
    const root = join(inject('agentGuardIt').root, 'no-secretlint');
    modules = join(root, 'node_modules');
    await rm(root, { recursive: true, force: true });
    await mkdir(modules, { recursive: true });
    await cp(join(install(10), 'node_modules/eslint-plugin-agent-guard'), join(modules, 'eslint-plugin-agent-guard'), { recursive: true });
    const skipped = new Set(['.bin', '.cache', '.package-lock.json', 'eslint-plugin-agent-guard', 'secretlint', '@secretlint']);
    for (const entry of await readdir(REPO_MODULES)) {
      if (!skipped.has(entry)) {
        await symlink(join(REPO_MODULES, entry), join(modules, entry), 'dir');
      }
    }
    dir = await branchRepo(root, 'absent');
  });

  it('--diff: the JavaScript findings as usual, and a note naming what was not scanned and what to install', async () => {
    const run = await runIn(modules, dir, ['--diff', 'main', '--format', 'json']);
    expect(run.exitCode).toBe(1);
    expect(findingsOf(run.stdout, dir)).toEqual([`src/app.js:2:27-2:55 ${FETCH}`]);
    expect(run.stderr).toBe(
      'agent-guard: secretlint is not installed, so 3 changed files other than JavaScript and TypeScript (.env, YAML, JSON…) were not scanned for secrets; ' +
        `to scan them: ${INSTALL} (--no-secrets turns this off)\n`,
    );
    expect(await runIn(modules, dir, ['--diff', 'main', '--no-secrets', '--format', 'json'])).toMatchObject({ exitCode: 1, stderr: '' });
  });

  it('--secrets: exit 2 with the install command, before anything is checked', async () => {
    expect(await runIn(modules, dir, ['--secrets'])).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: `agent-guard: --secrets needs secretlint, which is not installed: ${INSTALL}\n`,
    });
  });
});
