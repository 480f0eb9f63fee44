// The `agent-guard` command's built-in config takes the project's settings['agent-guard'] from
// its own files, package.json or the project's ESLint config (docs/cli.md "The project's settings").
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { loadESLintClass } from '../../src/cli/engine';
import { CliError } from '../../src/cli/errors';
import { type CliIo, main } from '../../src/cli/main';
import { loadProjectSettings, parseJsonWithComments } from '../../src/cli/project-settings';

const base = realpathSync(mkdtempSync(join(tmpdir(), 'agent-guard-project-settings-')));
afterAll(() => {
  rmSync(base, { recursive: true, force: true });
});

let count = 0;
/** A fresh project directory holding `files` (path → content). */
function project(files: Record<string, string>): string {
  count += 1;
  const dir = join(base, `p${count}`);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

async function load(dir: string, options: { cwd?: string; files?: string[] } = {}) {
  return loadProjectSettings({ ESLintClass: await loadESLintClass(), cwd: options.cwd ?? dir, root: dir, files: options.files ?? [join(dir, 'src/app.js')] });
}

const SETTINGS = { http: { clients: ['apiFetch'] } };

describe('loadProjectSettings', () => {
  it('reads agent-guard.config.json (comments allowed) before package.json and the ESLint config', async () => {
    const dir = project({
      'agent-guard.config.json': '// the project vocabulary\n{ "http": { "clients": ["apiFetch"] }, }\n',
      'package.json': JSON.stringify({ name: 'x', 'agent-guard': { sql: { sinks: ['other'] } } }),
      'eslint.config.mjs': "throw new Error('never loaded');\n",
    });
    expect(await load(dir)).toEqual({ settings: SETTINGS, source: join(dir, 'agent-guard.config.json'), notes: [] });
  });

  it('reads agent-guard.config.mjs and .js through their default export', async () => {
    const mjs = project({ 'agent-guard.config.mjs': `export default ${JSON.stringify(SETTINGS)};\n` });
    expect((await load(mjs)).settings).toEqual(SETTINGS);
    const cjs = project({ 'agent-guard.config.js': `module.exports = ${JSON.stringify(SETTINGS)};\n` });
    expect((await load(cjs)).settings).toEqual(SETTINGS);
  });

  it('reads an agent-guard.config.js that is a flat config (for --config) as one', async () => {
    const dir = project({
      'agent-guard.config.mjs': `export default [{ rules: { 'no-console': 'error' } }, { settings: { 'agent-guard': ${JSON.stringify(SETTINGS)} } }];\n`,
    });
    expect(await load(dir)).toEqual({ settings: SETTINGS, source: join(dir, 'agent-guard.config.mjs'), notes: [] });
    const without = project({ 'agent-guard.config.mjs': 'export default [{}];\n', 'package.json': JSON.stringify({ 'agent-guard': { sql: { sinks: ['q'] } } }) });
    expect((await load(without)).settings).toEqual({ sql: { sinks: ['q'] } });
  });

  it('reads the "agent-guard" key of package.json', async () => {
    const dir = project({ 'package.json': JSON.stringify({ name: 'x', 'agent-guard': SETTINGS }) });
    expect(await load(dir)).toEqual({ settings: SETTINGS, source: join(dir, 'package.json'), notes: [] });
  });

  it("reads a flat config's settings as ESLint computes them for the files to check", async () => {
    const dir = project({
      'eslint.config.mjs': `export default [
  { rules: { 'no-console': 'error' } },
  { files: ['src/**'], settings: { 'agent-guard': ${JSON.stringify(SETTINGS)}, other: 1 } },
  { files: ['scripts/**'], settings: { 'agent-guard': { sql: { sinks: ['scriptQuery'] } } } },
];\n`,
    });
    expect(await load(dir)).toEqual({ settings: SETTINGS, source: join(dir, 'eslint.config.mjs'), notes: [] });
    expect((await load(dir, { files: [join(dir, 'scripts/run.js')] })).settings).toEqual({ sql: { sinks: ['scriptQuery'] } });
  });

  it('goes on without an ESLint config that does not load, with a note', async () => {
    const dir = project({ 'eslint.config.js': "import 'eslint-plugin-not-installed';\nexport default [];\n", 'package.json': '{"type":"module"}' });
    const found = await load(dir);
    expect(found.settings).toBeUndefined();
    expect(found.notes).toHaveLength(1);
    expect(found.notes[0]).toMatch(/eslint\.config\.js does not load \(.*eslint-plugin-not-installed.*\), so its settings\['agent-guard'\] are not used; put them in agent-guard\.config\.json/u);
  });

  it(".eslintrc.json (comments allowed) and .eslintrc.cjs give their own settings; YAML gets a note", async () => {
    const json = project({ '.eslintrc.json': `{ /* legacy */ "root": true, "settings": { "agent-guard": ${JSON.stringify(SETTINGS)} } }` });
    expect((await load(json)).settings).toEqual(SETTINGS);
    const cjs = project({ '.eslintrc.cjs': `module.exports = { settings: { 'agent-guard': ${JSON.stringify(SETTINGS)} } };\n` });
    expect((await load(cjs)).settings).toEqual(SETTINGS);
    const yaml = project({ '.eslintrc.yml': 'settings:\n  agent-guard: {}\n' });
    expect(await load(yaml)).toEqual({ settings: undefined, source: null, notes: [`${join(yaml, '.eslintrc.yml')} is YAML, which agent-guard does not read; put settings['agent-guard'] in agent-guard.config.json`] });
  });

  it('looks from the working directory up to the root, and no further', async () => {
    const dir = project({ 'agent-guard.config.json': JSON.stringify(SETTINGS), 'packages/web/src/app.js': '' });
    expect((await load(dir, { cwd: join(dir, 'packages/web') })).source).toBe(join(dir, 'agent-guard.config.json'));
    const inner = join(dir, 'packages/web');
    expect(await loadProjectSettings({ ESLintClass: await loadESLintClass(), cwd: inner, root: inner, files: [] })).toEqual({ settings: undefined, source: null, notes: [] });
  });

  it('stops with the file and the reason when agent-guard.config.json is broken', async () => {
    const dir = project({ 'agent-guard.config.json': '{ "http": ' });
    await expect(load(dir)).rejects.toThrow(CliError);
    await expect(load(dir)).rejects.toThrow(`${join(dir, 'agent-guard.config.json')} does not load:`);
  });
});

describe('parseJsonWithComments', () => {
  it('drops comments and trailing commas outside strings only', () => {
    expect(parseJsonWithComments('{"a": "// not a comment /* nor this */", // one\n "b": [1, 2,], /* two */ "c": "\\"x\\""}')).toEqual({
      a: '// not a comment /* nor this */',
      b: [1, 2],
      c: '"x"',
    });
  });
});

async function run(cwd: string, argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { cwd, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), progress: false };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

const CLIENT_CALL = "import { apiFetch } from './http.js';\nexport const load = (url) => apiFetch(url, {});\nconsole.log('x');\n";

describe('agent-guard with the project settings', () => {
  it('reports with the vocabulary of the ESLint config, and none of its other rules', async () => {
    const dir = project({
      'eslint.config.mjs': `export default [{ rules: { 'no-console': 'error' }, settings: { 'agent-guard': ${JSON.stringify(SETTINGS)} } }];\n`,
      'src/app.js': CLIENT_CALL,
    });
    const { code, stdout, stderr } = await run(dir, ['--format', 'json']);
    const results = JSON.parse(stdout) as { messages: { ruleId: string; line: number }[] }[];
    expect(results.flatMap((result) => result.messages.map((message) => `${message.ruleId}:${message.line}`))).toEqual(['agent-guard/fetch-requires-timeout:2']);
    expect({ code, stderr }).toEqual({ code: 1, stderr: '' });
    // Without the settings, apiFetch is no HTTP client.
    const bare = project({ 'src/app.js': CLIENT_CALL });
    expect(await run(bare, ['--format', 'json'])).toMatchObject({ code: 0, stderr: '' });
  });

  it('warns once about a typo in the settings, says where they came from with --verbose, and lints on', async () => {
    const dir = project({
      'agent-guard.config.json': JSON.stringify({ ...SETTINGS, sql: { sinkz: ['runQuery'] } }),
      'src/app.js': CLIENT_CALL,
      'src/other.js': CLIENT_CALL,
    });
    const { code, stderr } = await run(dir, ['--format', 'json', '--verbose']);
    expect(code).toBe(1);
    expect(stderr).toBe(
      "agent-guard: settings['agent-guard'] from agent-guard.config.json\n" +
        "agent-guard: warning: settings['agent-guard'].sql.sinkz is not a setting of agent-guard (ignored); did you mean sql.sinks?\n",
    );
  });
});
