// The secret scan of the files ESLint does not check (secretlint), through main() in-process on
// git repositories made in a temp directory. The secrets are assembled here from pieces, so that
// this repository's own secretlint run (npm run test:secrets) finds none in the test's source.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { HELP } from '../../src/cli/help';
import { type CliIo, main } from '../../src/cli/main';
import { rankingOf } from '../../src/cli/rule-info';
import { CliError } from '../../src/cli/errors';
import { createSecretScanner, loadSecretlint, maskRanges, type SecretlintLoader, secretRuleId, tidyMessage } from '../../src/cli/secrets';

/** A GitHub personal access token's shape (`ghp_` and 36 characters), never a real one. */
const GITHUB_TOKEN = ['gh', 'p_', 'A1b2C3d4E5f6G7h8I9j0', 'K1l2M3n4O5p6Q7r8'].join('');
/** An npm access token's shape (`npm_` and 36 characters). */
const NPM_TOKEN = ['np', 'm_', 'Zx9Yw8Vu7Ts6Rq5Po4Nm', '3Lk2Ji1Hg0FeDcBa'].join('');
const OLD_NPM_TOKEN = ['np', 'm_', 'Qq1Ww2Ee3Rr4Tt5Yy6Uu', '7Ii8Oo9Pp0AaSsDd'].join('');
const UNTIMED = "export const load = () => fetch('https://example.com');\n";

const base = realpathSync(mkdtempSync(join(tmpdir(), 'agent-guard-cli-secrets-')));

beforeAll(() => {
  vi.stubEnv('GIT_CONFIG_GLOBAL', join(base, 'no-global-config'));
  vi.stubEnv('GIT_CONFIG_NOSYSTEM', '1');
});

afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(base, { recursive: true, force: true });
});

function write(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'init.defaultBranch=main', '-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], { cwd });
}

/**
 * main: a clean JS file, a YAML file with a secret already there, a Dockerfile. The branch adds
 * an untimed fetch, a `.env` with a token (committed), a second token to the YAML file, and,
 * left uncommitted, a token in `.npmrc`; tokens in dist/ and in an .agent-guardignore'd
 * directory are not scanned.
 */
function branchRepo(name: string, extra: Record<string, string> = {}): string {
  const dir = join(base, name);
  write(dir, {
    'src/app.js': 'export const a = 1;\n',
    'config/app.yml': `name: app\nlegacy_token: ${OLD_NPM_TOKEN}\n`,
    Dockerfile: 'FROM node:22\n',
    '.agent-guardignore': 'fixtures/\n',
    ...extra,
  });
  git(dir, 'init', '-q');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'base');
  git(dir, 'checkout', '-qb', 'agent/integration');
  write(dir, {
    'src/app.js': `export const a = 1;\n${UNTIMED}`,
    '.env': `PORT=3000\nGITHUB_TOKEN=${GITHUB_TOKEN}\n`,
    'config/app.yml': `name: app\nlegacy_token: ${OLD_NPM_TOKEN}\nnew_token: ${NPM_TOKEN}\n`,
    'dist/config.json': `{ "token": "${GITHUB_TOKEN}" }\n`,
    'fixtures/.env': `TOKEN=${GITHUB_TOKEN}\n`,
  });
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'wire up the integration');
  write(dir, { '.npmrc': `//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n` });
  return dir;
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(dir: string, argv: string[], loadSecretlintFn?: SecretlintLoader): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    cwd: dir,
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    progress: false,
    ...(loadSecretlintFn ? { loadSecretlint: loadSecretlintFn } : {}),
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

interface JsonResult {
  filePath: string;
  source?: string;
  messages: Array<{ ruleId: string; line: number; column: number; endLine: number; endColumn: number; severity: number; message: string; messageId?: string }>;
}

/** `file:line:column-endLine:endColumn ruleId` per finding, paths relative to `dir`. */
function findingsOf(stdout: string, dir: string): string[] {
  return (JSON.parse(stdout) as JsonResult[]).flatMap((result) =>
    result.messages.map((m) => `${result.filePath.slice(dir.length + 1)}:${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.ruleId}`),
  );
}

const ADVICE = "Rotate it: it stays in the repository's history even once removed; then read it from the environment or a secret manager.";

const absent: SecretlintLoader = () => Promise.resolve(null);

describe('--diff: the changed files ESLint does not check are scanned with secretlint', () => {
  let dir: string;
  beforeAll(() => {
    dir = branchRepo('diff');
  });

  it('json: a finding per secret on a changed line, with secretlint/<rule>; not the secret already there, nor dist/ or ignored files', async () => {
    const { code, stdout, stderr } = await run(dir, ['--diff', 'main', '--format', 'json']);
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(findingsOf(stdout, dir).sort()).toEqual(
      [
        'src/app.js:2:27-2:55 agent-guard/fetch-requires-timeout',
        '.env:2:14-2:54 secretlint/github',
        'config/app.yml:3:12-3:52 secretlint/npm',
        '.npmrc:1:23-1:63 secretlint/npm',
        '.npmrc:1:34-1:74 secretlint/npm',
      ].sort(),
    );
    const results = JSON.parse(stdout) as JsonResult[];
    // Changed files without secrets are listed as checked, as ESLint lists clean files.
    expect(results.map((result) => result.filePath.slice(dir.length + 1)).sort()).toEqual(['.env', '.npmrc', 'config/app.yml', 'src/app.js']);
    const env = results.find((result) => result.filePath.endsWith('.env'));
    expect(env?.messages[0]).toEqual({
      ruleId: 'secretlint/github',
      severity: 2,
      messageId: 'GITHUB_TOKEN',
      message: `found GitHub Token(****). ${ADVICE}`,
      line: 2,
      column: 14,
      endLine: 2,
      endColumn: 54,
    });
    // The secret itself is in no report: masked in the messages and in the source kept for the code lines.
    expect(env?.source).toBe(`PORT=3000\nGITHUB_TOKEN=${'*'.repeat(40)}\n`);
    expect(stdout).not.toContain(GITHUB_TOKEN);
    expect(stdout).not.toContain(NPM_TOKEN);
  });

  it('stylish: the finding, the masked line under it, the rule with its docs page', async () => {
    const { code, stdout } = await run(dir, ['--diff', 'main']);
    expect(code).toBe(1);
    expect(stdout).toContain(`.env\n  2:14  error    found GitHub Token(****)  secretlint/github\n        | GITHUB_TOKEN=${'*'.repeat(40)}\n`);
    expect(stdout).toContain(`.npmrc\n  1:23  error    found npmrc authToken  secretlint/npm\n        | //registry.npmjs.org/:${'*'.repeat(51)}\n`);
    expect(stdout).toContain(
      "secretlint/github: A secret found by secretlint's rule @secretlint/secretlint-rule-github\n" +
        `  ${ADVICE}\n` +
        '  Docs: https://github.com/secretlint/secretlint/blob/master/packages/%40secretlint/secretlint-rule-github/README.md\n',
    );
    expect(stdout).toContain('✖ 5 problems (5 errors, 0 warnings)\n');
    expect(stdout).toContain('  secretlint/npm: 3 findings in 2 files\n');
    expect(stdout).not.toContain(GITHUB_TOKEN);
  });

  it('github: an error annotation on the line and columns of the secret', async () => {
    const { stdout } = await run(dir, ['--diff', 'main', '--format', 'github']);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toContain(`::error file=.env,line=2,col=14,endLine=2,endColumn=54,title=secretlint/github::found GitHub Token(****). ${ADVICE}`);
    expect(lines.filter((line) => line.includes('title=secretlint/npm'))).toEqual([
      `::error file=.npmrc,line=1,col=23,endLine=1,endColumn=63,title=secretlint/npm::found npmrc authToken. ${ADVICE}`,
      `::error file=.npmrc,line=1,col=34,endLine=1,endColumn=74,title=secretlint/npm::found npm access token. ${ADVICE}`,
      `::error file=config/app.yml,line=3,col=12,endLine=3,endColumn=52,title=secretlint/npm::found npm access token. ${ADVICE}`,
    ]);
    expect(stdout).not.toContain(NPM_TOKEN);
  });

  it('sarif: results with regions and fingerprints, the rule with its docs, the security tag and CWE-798', async () => {
    const { stdout } = await run(dir, ['--diff', 'main', '--format', 'sarif']);
    const log = JSON.parse(stdout) as {
      runs: [
        {
          tool: { driver: { rules: Array<{ id: string; helpUri?: string; properties?: { tags?: string[]; 'security-severity'?: string; precision?: string } }> } };
          results: Array<{ ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: [{ physicalLocation: { artifactLocation: { uri: string }; region: object } }]; partialFingerprints: Record<string, string> }>;
        },
      ];
    };
    const [sarifRun] = log.runs;
    const github = sarifRun.results.find((result) => result.ruleId === 'secretlint/github');
    expect(github).toMatchObject({
      level: 'error',
      locations: [{ physicalLocation: { artifactLocation: { uri: '.env', uriBaseId: '%SRCROOT%' }, region: { startLine: 2, startColumn: 14, endLine: 2, endColumn: 54 } } }],
    });
    expect(Object.values(github?.partialFingerprints ?? {})).toEqual([expect.stringMatching(/^[0-9a-f]{32}:1$/u)]);
    expect(sarifRun.tool.driver.rules[github?.ruleIndex ?? -1]).toMatchObject({
      id: 'secretlint/github',
      helpUri: 'https://github.com/secretlint/secretlint/blob/master/packages/%40secretlint/secretlint-rule-github/README.md',
      properties: { tags: ['security', 'external/cwe/cwe-798'], 'security-severity': '7.5', precision: 'high' },
    });
    expect(sarifRun.results.map((result) => result.ruleId).sort()).toEqual(['agent-guard/fetch-requires-timeout', 'secretlint/github', 'secretlint/npm', 'secretlint/npm', 'secretlint/npm']);
    expect(stdout).not.toContain(GITHUB_TOKEN);
  });

  it('--diff HEAD: only the uncommitted .npmrc among the other files', async () => {
    const { stdout, stderr } = await run(dir, ['--diff', 'HEAD', '--format', 'json']);
    // No JavaScript changed, but there was something to check: no "no files" note.
    expect(stderr).toBe('');
    // secretlint's npm rule reports the `_authToken` setting and the npm token in it.
    expect(findingsOf(stdout, dir)).toEqual(['.npmrc:1:23-1:63 secretlint/npm', '.npmrc:1:34-1:74 secretlint/npm']);
  });

  it('--no-secrets, and --rule (a narrowed run), leave the other files alone', async () => {
    const loader = vi.fn(loadSecretlint);
    for (const extra of [['--no-secrets'], ['--rule', 'fetch-requires-timeout']]) {
      const { code, stdout } = await run(dir, ['--diff', 'main', '--format', 'json', ...extra], loader);
      expect(code).toBe(1);
      expect(findingsOf(stdout, dir)).toEqual(['src/app.js:2:27-2:55 agent-guard/fetch-requires-timeout']);
    }
    expect(loader).not.toHaveBeenCalled();
  });

  it('a baseline covers secret findings as any other, and never holds the secret', async () => {
    const recorded = await run(dir, ['--secrets', '--baseline', 'baseline.json']);
    expect(recorded.code).toBe(0);
    const text = readFileSync(join(dir, 'baseline.json'), 'utf8');
    expect(JSON.parse(text)).toMatchObject({ findings: { '.env': { 'secretlint/github': { [`GITHUB_TOKEN=${'*'.repeat(40)}`]: 1 } } } });
    expect(text).not.toContain(GITHUB_TOKEN);
    expect(text).not.toContain(NPM_TOKEN);
    expect(await run(dir, ['--diff', 'main', '--baseline', 'baseline.json'])).toEqual({ code: 0, stdout: '', stderr: '' });
    rmSync(join(dir, 'baseline.json'));
  });
});

describe('without secretlint', () => {
  it('--diff: the JavaScript checks run, and stderr says which files were not scanned and how to install it', async () => {
    const dir = branchRepo('absent');
    const { code, stdout, stderr } = await run(dir, ['--diff', 'main', '--format', 'json'], absent);
    expect(code).toBe(1);
    expect(findingsOf(stdout, dir)).toEqual(['src/app.js:2:27-2:55 agent-guard/fetch-requires-timeout']);
    expect(stderr).toBe(
      'agent-guard: secretlint is not installed, so 3 changed files other than JavaScript and TypeScript (.env, YAML, JSON…) were not scanned for secrets; ' +
        'to scan them: npm install --save-dev secretlint @secretlint/secretlint-rule-preset-recommend (--no-secrets turns this off)\n',
    );
    // Nothing to scan, nothing to say.
    expect((await run(dir, ['--diff', 'HEAD~1', '--format', 'json', 'src'], absent)).stderr).toBe('');
  });

  it('--secrets: a set-up error (exit 2) before anything is checked', async () => {
    const dir = branchRepo('absent-explicit');
    expect(await run(dir, ['--secrets'], absent)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'agent-guard: --secrets needs secretlint, which is not installed: npm install --save-dev secretlint @secretlint/secretlint-rule-preset-recommend\n',
    });
  });
});

describe('whole runs', () => {
  it('scan nothing but JavaScript by default; --secrets scans every other file, with the same exclusions', async () => {
    const dir = branchRepo('whole');
    const loader = vi.fn(loadSecretlint);
    const plain = await run(dir, ['--format', 'json'], loader);
    expect(findingsOf(plain.stdout, dir)).toEqual(['src/app.js:2:27-2:55 agent-guard/fetch-requires-timeout']);
    expect(loader).not.toHaveBeenCalled();

    const { code, stdout, stderr } = await run(dir, ['--secrets', '--format', 'json', '--verbose'], loader);
    expect(code).toBe(1);
    expect(stderr).toBe("agent-guard: scanning 5 other files for secrets with secretlint (its recommended preset)\n");
    expect(findingsOf(stdout, dir).sort()).toEqual(
      [
        'src/app.js:2:27-2:55 agent-guard/fetch-requires-timeout',
        '.env:2:14-2:54 secretlint/github',
        'config/app.yml:2:15-2:55 secretlint/npm',
        'config/app.yml:3:12-3:52 secretlint/npm',
        '.npmrc:1:23-1:63 secretlint/npm',
        '.npmrc:1:34-1:74 secretlint/npm',
      ].sort(),
    );
  });

  it('a file named on the command line is scanned with --secrets, and refused without', async () => {
    const dir = branchRepo('named');
    const { stdout } = await run(dir, ['--secrets', '--format', 'json', '.env', 'src/app.js']);
    expect(findingsOf(stdout, dir)).toEqual(['src/app.js:2:27-2:55 agent-guard/fetch-requires-timeout', '.env:2:14-2:54 secretlint/github']);
    expect(await run(dir, ['.env'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'agent-guard: not a JavaScript or TypeScript file: .env (--secrets scans other files for secrets)\n',
    });
  });
});

describe("the project's secretlint config", () => {
  it('.secretlintrc.json decides the rules (here: GitHub tokens as warnings, npm tokens allowed), and .secretlintignore the files', async () => {
    const dir = branchRepo('config', {
      '.secretlintrc.json': JSON.stringify({
        rules: [
          {
            id: '@secretlint/secretlint-rule-preset-recommend',
            rules: [
              { id: '@secretlint/secretlint-rule-github', severity: 'warning' },
              { id: '@secretlint/secretlint-rule-npm', allowMessageIds: ['NPM_ACCESS_TOKEN'] },
            ],
          },
        ],
      }),
      '.secretlintignore': '.npmrc\n',
    });
    const { code, stdout, stderr } = await run(dir, ['--diff', 'main', '--format', 'json', '--verbose']);
    expect(code).toBe(1);
    // .env, config/app.yml and .npmrc changed; .npmrc is left out by .secretlintignore.
    expect(stderr).toBe("agent-guard: scanning 2 other files for secrets with secretlint (the project's secretlint config)\n");
    expect(findingsOf(stdout, dir).sort()).toEqual(['.env:2:14-2:54 secretlint/github', 'src/app.js:2:27-2:55 agent-guard/fetch-requires-timeout'].sort());
    const env = (JSON.parse(stdout) as JsonResult[]).find((result) => result.filePath.endsWith('.env'));
    expect(env?.messages[0]?.severity).toBe(1);
  });

  it("secretlint's own comments silence a finding (the preset's comment filter)", async () => {
    const dir = branchRepo('comments');
    write(dir, { '.env': `PORT=3000\n# secretlint-disable-next-line\nGITHUB_TOKEN=${GITHUB_TOKEN}\n` });
    const { stdout } = await run(dir, ['--diff', 'main', '--format', 'json']);
    expect(findingsOf(stdout, dir).filter((finding) => finding.startsWith('.env'))).toEqual([]);
  });

  it('a config that does not load is a set-up error naming the way out', async () => {
    const dir = branchRepo('broken-config', { '.secretlintrc.json': JSON.stringify({ rules: [{ id: 'secretlint-rule-that-does-not-exist' }] }) });
    const { code, stdout, stderr } = await run(dir, ['--diff', 'main']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^agent-guard: secretlint's config does not load: .+ \(--no-secrets skips the secret scan\)\n/u);
    expect((await run(dir, ['--diff', 'main', '--no-secrets', '--format', 'json'])).code).toBe(1);
  });
});

describe('helpers', () => {
  it("secretRuleId drops the preset's package prefix, keeps other packages' names", () => {
    expect(secretRuleId('@secretlint/secretlint-rule-github')).toBe('secretlint/github');
    expect(secretRuleId('secretlint-rule-custom')).toBe('secretlint/custom');
    expect(secretRuleId('@acme/secretlint-rule-internal')).toBe('secretlint/@acme/secretlint-rule-internal');
  });

  it("tidyMessage shortens secretlint's masks and drops a masked value at the end", () => {
    expect(tidyMessage(`found GitHub Token(${'*'.repeat(29)}): ${'*'.repeat(40)}`)).toBe('found GitHub Token(****)');
    expect(tidyMessage(`found npm access token: ${'*'.repeat(40)}`)).toBe('found npm access token');
    expect(tidyMessage('found a key in a file')).toBe('found a key in a file');
  });

  it('maskRanges replaces every character of a secret but line breaks', () => {
    expect(maskRanges('a=SECRET\nb=KEY\r\nMORE\n', [[2, 8], [11, 20]])).toBe('a=******\nb=***\r\n****\n');
    // A range that stops inside a token is extended to the token's end.
    expect(maskRanges('x: "SECRET-TAIL", y\n', [[4, 10]])).toBe('x: "***********", y\n');
  });

  it('createSecretScanner: no project config, then the preset; a preset that cannot load names what to install', async () => {
    const calls: Array<Record<string, unknown>> = [];
    const api = {
      createEngine: (options: Record<string, unknown>) => {
        calls.push(options);
        return Promise.reject(new Error(options.configFileJSON ? 'Failed to load rule module: @secretlint/secretlint-rule-preset-recommend' : 'secretlint config is not found\n\nSecretlint require .secretlintrc config file.'));
      },
    };
    await expect(createSecretScanner(api, base)).rejects.toThrow(
      new CliError(
        'secretlint is installed, but without a .secretlintrc it needs @secretlint/secretlint-rule-preset-recommend: npm install --save-dev secretlint @secretlint/secretlint-rule-preset-recommend (Failed to load rule module: @secretlint/secretlint-rule-preset-recommend)',
      ),
    );
    expect(calls).toEqual([
      { formatter: 'json', color: false, terminalLink: false, maskSecrets: true, cwd: base },
      { formatter: 'json', color: false, terminalLink: false, maskSecrets: true, cwd: base, configFileJSON: { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] } },
    ]);
  });

  it('--help names both options', () => {
    expect(HELP).toContain('\n  --secrets  ');
    expect(HELP).toContain('\n  --no-secrets  ');
  });

  it('ranks secret findings as CWE-798 for code scanning', () => {
    expect(rankingOf('secretlint/npm')).toEqual({ cwe: 798, securitySeverity: '7.5', precision: 'high' });
  });
});
