// What the `agent-guard` command writes, as users run it (the packed package's bin, on a git
// repository made from the `app` fixture's sources): the default report, several reports from one
// run, SARIF ranked for code scanning with fingerprints that survive line moves, a baseline keyed
// on code, and --concurrency giving the same findings as one thread.
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';

import type { EslintMajor } from './harness';
import { git, install, runBin } from './cli-harness';

const HERE = dirname(fileURLToPath(import.meta.url));
const SARIF_SCHEMA = join(HERE, '../fixtures/sarif-schema-2.1.0.json');
const FETCH = 'agent-guard/fetch-requires-timeout';
const SQL = 'agent-guard/no-sql-template-literal';
const DOCS = 'https://github.com/agent-guard/eslint-plugin-agent-guard/blob/main/docs/rules';


/** `<install>/output-<name>/`: the app fixture's sources (three findings), committed on `main`. */
async function repo(name: string, eslint: EslintMajor = 10): Promise<string> {
  const dir = join(install(eslint), `output-${name}`);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await cp(join(HERE, 'cli-fixtures/app/src'), join(dir, 'src'), { recursive: true });
  await writeFile(join(dir, 'package.json'), '{ "name": "fixture-cli-output", "private": true, "type": "module" }\n');
  await git(dir, 'init', '-q');
  await git(dir, 'add', '-A');
  await git(dir, 'commit', '-qm', 'app');
  return dir;
}

async function prepend(file: string, text: string): Promise<void> {
  await writeFile(file, `${text}${await readFile(file, 'utf8')}`);
}

interface JsonResult {
  filePath: string;
  messages: Array<{ ruleId: string | null; line: number; column: number; severity: 1 | 2; message: string }>;
}

function findingsOf(stdout: string, dir: string): string[] {
  return (JSON.parse(stdout) as JsonResult[])
    .flatMap((result) => result.messages.map((m) => `${relative(dir, result.filePath).split(sep).join('/')}:${m.line}:${m.column} ${m.ruleId ?? ''}`))
    .sort();
}

interface SarifLog {
  runs: [
    {
      tool: { driver: { rules: Array<{ id: string; help?: { text: string; markdown?: string }; properties?: { tags?: string[]; 'security-severity'?: string; precision?: string } }> } };
      results: Array<{ ruleId: string; partialFingerprints: Record<string, string>; locations: [{ physicalLocation: { region: { startLine: number } } }] }>;
    },
  ];
}

async function validSarif(file: string): Promise<SarifLog> {
  const log = JSON.parse(await readFile(file, 'utf8')) as SarifLog;
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(await readFile(SARIF_SCHEMA, 'utf8')) as object);
  expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
  return log;
}

const APP_FINDINGS = [`src/client.ts:8:26 ${FETCH}`, `src/reports.js:7:33 ${SQL}`, `src/status.js:3:26 ${FETCH}`];

describe('the default report', () => {
  it('per finding the first sentence and the code line; the rest, a suggestion and the docs once per rule; totals by rule', async () => {
    const dir = await repo('stylish');
    const run = await runBin(dir, []);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout.split('\n')).toEqual([
      'src/client.ts',
      '  8:26  error    `fetch` has no timeout  agent-guard/fetch-requires-timeout',
      '        | const response = await fetch(`https://rates.example.com/latest?base=${encodeURIComponent(base)}`);',
      '',
      'src/reports.js',
      '  7:33  error    The SQL text passed to `db.query` embeds `req.query.region`  agent-guard/no-sql-template-literal',
      "        | const [rows] = await db.query(`SELECT region, SUM(total) AS total FROM sales WHERE region = '${req.query.region}'`);",
      '',
      'src/status.js',
      '  3:26  error    `fetch` has no timeout  agent-guard/fetch-requires-timeout',
      "        | const response = await fetch('https://status.example.com/api/v1');",
      '',
      'agent-guard/fetch-requires-timeout: Require a timeout on outbound HTTP requests',
      '  A stalled server keeps this request (and the worker awaiting it) open indefinitely.',
      '  Fix: pass signal: AbortSignal.timeout(ms).',
      '  Editor suggestion: Add signal: AbortSignal.timeout(10000).',
      `  Docs: ${DOCS}/fetch-requires-timeout.md`,
      '',
      'agent-guard/no-sql-template-literal: Disallow SQL text built from non-constant values',
      '  Pass values as bound parameters instead of building the query string.',
      '  Editor suggestion: Move the interpolated values into query parameters (?).',
      `  Docs: ${DOCS}/no-sql-template-literal.md`,
      '',
      '✖ 3 problems (3 errors, 0 warnings)',
      '  agent-guard/fetch-requires-timeout: 2 findings in 2 files',
      '  agent-guard/no-sql-template-literal: 1 finding in 1 file',
      '',
    ]);
    // Paths are relative to where the command runs.
    const inSrc = await runBin(join(dir, 'src'), ['status.js']);
    expect(inSrc.stdout.split('\n').slice(0, 2)).toEqual(['status.js', '  3:26  error    `fetch` has no timeout  agent-guard/fetch-requires-timeout']);
  });
});

describe('several reports from one run', () => {
  it('--format/-o pairs: each file written and announced on stderr, the format without -o on stdout', async () => {
    const dir = await repo('outputs');
    const run = await runBin(dir, ['--format', 'sarif', '-o', 'out/agent-guard.sarif', '--format', 'json', '-o', 'out/agent-guard.json', '--format', 'github']);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toBe(
      'agent-guard: wrote the sarif report (3 findings) to out/agent-guard.sarif\nagent-guard: wrote the json report (3 findings) to out/agent-guard.json\n',
    );
    expect(run.stdout.trimEnd().split('\n').map((line) => /^::error file=([^,]+),line=(\d+),col=(\d+),.*title=([^:]+)::/u.exec(line)?.slice(1).join(' '))).toEqual(
      APP_FINDINGS.map((finding) => finding.replaceAll(':', ' ')),
    );
    expect(findingsOf(await readFile(join(dir, 'out/agent-guard.json'), 'utf8'), dir)).toEqual(APP_FINDINGS);
    const log = await validSarif(join(dir, 'out/agent-guard.sarif'));
    expect(log.runs[0].results.map((result) => `${result.ruleId} ${result.locations[0].physicalLocation.region.startLine}`)).toEqual([`${FETCH} 8`, `${SQL} 7`, `${FETCH} 3`]);

    const sarifToo = await runBin(dir, ['--sarif-output=agent-guard.sarif', '--format', 'github']);
    expect(sarifToo.exitCode).toBe(1);
    expect(sarifToo.stderr).toBe('agent-guard: wrote the sarif report (3 findings) to agent-guard.sarif\n');
    expect(sarifToo.stdout).toBe(run.stdout);
    expect((await validSarif(join(dir, 'agent-guard.sarif'))).runs[0].results).toHaveLength(3);

    expect(await runBin(dir, ['--format', 'json', '--format', 'github'])).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: 'agent-guard: only one report can go to stdout: give the other --format an --output <file>\n',
    });
  });
});

describe('SARIF for code scanning', () => {
  it('ranks rules (CWE, security-severity, precision, the packed rule page as help) and keeps fingerprints when lines move', async () => {
    const dir = await repo('sarif');
    const first = await runBin(dir, ['--format', 'sarif', '-o', 'a.sarif']);
    expect(first.exitCode).toBe(1);
    const text = await readFile(join(dir, 'a.sarif'), 'utf8');
    // No path of the machine that ran it.
    expect(text).not.toContain(dir);
    expect(text).not.toContain('file://');
    const log = await validSarif(join(dir, 'a.sarif'));
    const packedDocs = join(install(10), 'node_modules/eslint-plugin-agent-guard/docs/rules');
    for (const rule of log.runs[0].tool.driver.rules) {
      const name = rule.id.replace('agent-guard/', '');
      expect(rule.properties?.tags).toEqual(['security', expect.stringMatching(/^external\/cwe\/cwe-\d+$/u)]);
      expect(Number(rule.properties?.['security-severity'])).toBeGreaterThan(0);
      const page = await readFile(join(packedDocs, `${name}.md`), 'utf8');
      expect(rule.help?.markdown?.split('\n', 1)[0]).toBe(page.split('\n', 1)[0]);
    }
    expect(log.runs[0].tool.driver.rules.find((rule) => rule.id === SQL)?.properties).toEqual({
      tags: ['security', 'external/cwe/cwe-89'],
      precision: 'high',
      'security-severity': '8.8',
    });

    // Code added above the findings moves them down; their fingerprints stay.
    await prepend(join(dir, 'src/status.js'), '// a comment\n\n');
    await prepend(join(dir, 'src/reports.js'), '// another\n');
    const moved = await runBin(dir, ['--format', 'sarif', '-o', 'b.sarif']);
    expect(moved.exitCode).toBe(1);
    const after = await validSarif(join(dir, 'b.sarif'));
    expect(after.runs[0].results.map((result) => result.locations[0].physicalLocation.region.startLine)).toEqual([8, 8, 5]);
    expect(after.runs[0].results.map((result) => result.partialFingerprints)).toEqual(log.runs[0].results.map((result) => result.partialFingerprints));
  });
});

describe('--baseline keyed on code', () => {
  it('records code lines (version 2); edits around the findings keep them covered; a changed finding line is new', async () => {
    const dir = await repo('baseline');
    const record = await runBin(dir, ['--baseline', 'baseline.json']);
    expect(record).toEqual({ exitCode: 0, stdout: '', stderr: 'agent-guard: recorded 3 finding(s) in baseline.json; later runs report only new ones\n' });
    const baseline = JSON.parse(await readFile(join(dir, 'baseline.json'), 'utf8')) as { version: number; findings: Record<string, Record<string, Record<string, number>>> };
    expect(baseline.version).toBe(2);
    expect(baseline.findings['src/status.js']).toEqual({ [FETCH]: { "const response = await fetch('https://status.example.com/api/v1');": 1 } });

    // Lines added above and around, re-indented: still covered.
    const status = await readFile(join(dir, 'src/status.js'), 'utf8');
    await writeFile(join(dir, 'src/status.js'), `// moved\n\n${status.replace("const response = await fetch('https://status.example.com/api/v1');", "\n    const response   = await fetch('https://status.example.com/api/v1');\n  const unused = 1;")}`);
    const later = await runBin(dir, ['--baseline', 'baseline.json', '--format', 'json']);
    expect({ exitCode: later.exitCode, findings: findingsOf(later.stdout, dir) }).toEqual({ exitCode: 0, findings: [] });

    // The finding's own line changed: it is reported, and the recorded one is gone.
    await writeFile(join(dir, 'src/status.js'), status.replace("'https://status.example.com/api/v1'", "'https://status.example.com/api/v2'"));
    const changed = await runBin(dir, ['--baseline', 'baseline.json', '--format', 'json']);
    expect(changed.exitCode).toBe(1);
    expect(findingsOf(changed.stdout, dir)).toEqual([`src/status.js:3:26 ${FETCH}`]);
    expect(changed.stderr).toBe('agent-guard: 1 baselined finding(s) are gone; run with --update-baseline to drop them\n');
  });
});

describe('--concurrency', () => {
  it.each([10, 9] as const)('ESLint %i: worker threads, the same report as one thread', async (eslint) => {
    const dir = await repo(`concurrency-${eslint}`, eslint);
    const single = await runBin(dir, ['--format', 'json'], eslint);
    const threaded = await runBin(dir, ['--format', 'json', '--concurrency', '2'], eslint, { DEBUG: 'eslint:eslint' });
    expect(threaded.stderr).toMatch(/Linting using 2 worker thread\(s\)/u);
    expect(threaded.stderr).not.toMatch(/agent-guard:/u);
    expect(threaded.exitCode).toBe(1);
    expect(findingsOf(threaded.stdout, dir)).toEqual(APP_FINDINGS);
    expect(threaded.stdout).toBe(single.stdout);
    const auto = await runBin(dir, ['--format', 'json', '--concurrency', 'auto'], eslint);
    expect(auto).toEqual({ ...single, stderr: '' });

    // With the project's own config (loaded by ESLint in each thread).
    await cp(join(HERE, 'cli-fixtures/app/agent-guard.config.js'), join(dir, 'agent-guard.config.js'));
    const configured = await runBin(dir, ['--config', 'agent-guard.config.js', '--format', 'json'], eslint);
    expect(findingsOf(configured.stdout, dir)).toEqual([`src/reports.js:7:33 ${SQL}`, `src/status.js:3:26 ${FETCH}`]);
    const configuredThreads = await runBin(dir, ['--config', 'agent-guard.config.js', '--format', 'json', '--concurrency', '2'], eslint, { DEBUG: 'eslint:eslint' });
    expect(configuredThreads.stderr).toMatch(/Linting using 2 worker thread\(s\)/u);
    expect(configuredThreads.stdout).toBe(configured.stdout);
    await rm(join(dir, 'agent-guard.config.js'));

    // A typo in the project's settings is told once, as in one thread (not once per thread).
    await writeFile(join(dir, 'package.json'), '{ "name": "fixture-cli-output", "private": true, "type": "module", "agent-guard": { "auth": { "fucntions": ["requireUser"] } } }\n');
    const typo = "agent-guard: warning: settings['agent-guard'].auth.fucntions is not a setting of agent-guard (ignored); did you mean auth.functions?\n";
    expect((await runBin(dir, ['--format', 'json'], eslint)).stderr).toBe(typo);
    const threadedTypo = await runBin(dir, ['--format', 'json', '--concurrency', '2'], eslint);
    expect({ ...threadedTypo, stdout: '' }).toEqual({ exitCode: 1, stdout: '', stderr: typo });
    expect(findingsOf(threadedTypo.stdout, dir)).toEqual(APP_FINDINGS);
  });

  it('ESLint 8: says it needs 9.34 and checks in one thread, with the same findings', async () => {
    const dir = await repo('concurrency-8', 8);
    const run = await runBin(dir, ['--format', 'json', '--concurrency', '2'], 8);
    expect(run.stderr).toBe('agent-guard: --concurrency needs ESLint 9.34 or later (this is ESLint 8.57.1); checking in one thread\n');
    expect(run.exitCode).toBe(1);
    expect(findingsOf(run.stdout, dir)).toEqual(APP_FINDINGS);
  });
});
