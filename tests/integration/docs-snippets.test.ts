// Every config snippet of README.md and docs/**/*.md works when pasted: it is written into a
// consumer install of the packed plugin, next to the shared sources (one fetch without a timeout
// per file type), and linted by the real ESLint CLI, which must report the finding.
import { execFile } from 'node:child_process';
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, inject, it } from 'vitest';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SHARED_SOURCES = join(REPO_ROOT, 'tests/integration/projects/_shared-src');

/** A config snippet: the fenced block whose first line names the file it is, `// eslint.config.js…` or `// .eslintrc.json…`. */
interface Snippet {
  /** `README.md:88`: where the fence opens. */
  where: string;
  /** The file name the label gives (`eslint.config.js`, `.eslintrc.json`). */
  file: string;
  /** The label line (`// eslint.config.js: JavaScript only…`). */
  label: string;
  /** The block without its label line. */
  body: string;
}

const LABEL = /^\/\/\s*(eslint\.config\.[cm]?[jt]s|\.eslintrc(?:\.json)?)\b/u;
/** The words that make a snippet an object to add to a config rather than a whole config file. */
const FRAGMENT = 'add this object to your config';

async function markdownFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => (entry.isDirectory() ? markdownFiles(join(dir, entry.name)) : Promise.resolve(entry.name.endsWith('.md') ? [join(dir, entry.name)] : []))),
  );
  return nested.flat();
}

async function extractSnippets(): Promise<Snippet[]> {
  const snippets: Snippet[] = [];
  for (const file of [join(REPO_ROOT, 'README.md'), ...(await markdownFiles(join(REPO_ROOT, 'docs'))).sort()]) {
    const lines = (await readFile(file, 'utf8')).split('\n');
    for (let index = 0; index < lines.length; index += 1) {
      const fence = /^(\s*)```/u.exec(lines[index] as string);
      if (!fence) {
        continue;
      }
      const end = lines.findIndex((line, at) => at > index && line.trim() === '```');
      const block = lines.slice(index + 1, end).map((line) => line.slice((fence[1] as string).length));
      const label = LABEL.exec(block[0]?.trim() ?? '');
      if (label) {
        snippets.push({
          where: `${relative(REPO_ROOT, file).split(sep).join('/')}:${index + 1}`,
          file: label[1] as string,
          label: (block[0] as string).trim(),
          body: `${block.slice(1).join('\n')}\n`,
        });
      }
      index = end;
    }
  }
  return snippets;
}

/** The config file to write: the snippet itself, or, for an object to add, the recommended config plus that object. */
function configText(snippet: Snippet): string {
  if (!snippet.label.includes(FRAGMENT)) {
    return snippet.body;
  }
  return `import agentGuard from 'eslint-plugin-agent-guard';\n\nexport default [\n  agentGuard.configs.recommended,\n  ${snippet.body.trim().replace(/,$/u, '')},\n];\n`;
}

interface Run {
  exitCode: number;
  stderr: string;
  /** `file:line rule` of every finding, files relative to the project. */
  findings: string[];
}

function eslint(dir: string, env: Record<string, string | undefined>, extraArgs: string[] = []): Promise<Run> {
  const bin = join(dir, '../node_modules/eslint/bin/eslint.js');
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  delete childEnv.NODE_OPTIONS;
  if (env.ESLINT_USE_FLAT_CONFIG === undefined) {
    delete childEnv.ESLINT_USE_FLAT_CONFIG;
  }
  const args = ['--preserve-symlinks', '--preserve-symlinks-main', bin, '--format', 'json', ...extraArgs, '.'];
  return new Promise((done) => {
    execFile(process.execPath, args, { cwd: dir, env: childEnv, maxBuffer: 32 * 1024 * 1024 }, (error, stdout, stderr) => {
      const exitCode = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      const results = stdout.trimStart().startsWith('[') ? (JSON.parse(stdout) as { filePath: string; messages: { ruleId: string | null; line: number }[] }[]) : [];
      const findings = results.flatMap((result) =>
        result.messages.map((message) => `${relative(dir, result.filePath).split(sep).join('/')}:${message.line} ${String(message.ruleId)}`),
      );
      done({ exitCode, stderr, findings: findings.sort() });
    });
  });
}

let projects = 0;
async function setUp(snippet: Snippet, major: 8 | 9 | 10): Promise<string> {
  projects += 1;
  const dir = join(inject('agentGuardIt').root, `eslint${major}`, `docs-${projects}`);
  await mkdir(dir, { recursive: true });
  await cp(SHARED_SOURCES, join(dir, 'src'), { recursive: true });
  await writeFile(join(dir, 'package.json'), '{ "name": "docs-snippet", "private": true, "type": "module" }\n');
  await writeFile(join(dir, snippet.file), configText(snippet));
  return dir;
}

const FETCH = 'agent-guard/fetch-requires-timeout';
/** The shared sources' findings that every snippet must produce (app.js), and those of snippets that set a TypeScript parser. */
const JS_FINDINGS = [`src/app.js:4 ${FETCH}`, `src/app.js:9 ${FETCH}`];
const TS_FINDINGS = [`src/typed.ts:9 ${FETCH}`, `src/typed.ts:14 ${FETCH}`];

const snippets = await extractSnippets();

describe('config snippets of the docs', () => {
  it('are found: every page that shows a config has its snippets here', () => {
    const pages = new Set(snippets.map((snippet) => snippet.where.replace(/:\d+$/u, '')));
    expect([...pages].sort()).toEqual(
      expect.arrayContaining(['README.md', 'docs/compatibility.md', 'docs/settings.md', 'docs/frameworks/next.md']),
    );
    // One .eslintrc snippet, the same everywhere.
    const eslintrc = new Set(snippets.filter((snippet) => snippet.file.startsWith('.eslintrc')).map((snippet) => `${snippet.label}\n${snippet.body}`));
    expect(eslintrc.size).toBe(1);
  });

  for (const snippet of snippets) {
    const flat = snippet.file.startsWith('eslint.config');
    const typescript = /typescript/u.test(snippet.body);
    // Flat configs on ESLint 10 and 9, and on 8.57 (which finds eslint.config.js by itself) unless
    // the snippet needs ESLint ≥ 9 (eslint/config) or jiti (a .ts config); eslintrc on 9 (told) and 8.57 (its default).
    const runs: { major: 8 | 9 | 10; env: Record<string, string | undefined> }[] = flat
      ? [
          { major: 10, env: {} },
          { major: 9, env: {} },
          ...(snippet.body.includes('eslint/config') || !snippet.file.endsWith('js') ? [] : [{ major: 8 as const, env: {} }]),
        ]
      : [
          { major: 9, env: { ESLINT_USE_FLAT_CONFIG: 'false' } },
          { major: 8, env: {} },
        ];
    for (const { major, env } of runs) {
      it(`${snippet.where} (${snippet.label.slice(3, 60)}) on ESLint ${major}`, async () => {
        const run = await eslint(await setUp(snippet, major), env);
        expect(run.findings, run.stderr).toEqual(expect.arrayContaining([...JS_FINDINGS, ...(typescript ? TS_FINDINGS : [])]));
        expect(run.exitCode, run.stderr).toBe(1);
        // The settings the docs show are valid ones.
        expect(run.stderr).not.toContain('AgentGuardSettingsWarning');
      });
    }
  }
});

describe('a typo in the settings under plain eslint (docs/settings.md "Typos are reported")', () => {
  const typo: Snippet = {
    where: 'typo',
    file: 'eslint.config.js',
    label: `// eslint.config.js: ${FRAGMENT}`,
    body: "{ settings: { 'agent-guard': { auth: { fucntions: ['requireUser'] } } } }\n",
  };
  const warning =
    "AgentGuardSettingsWarning: settings['agent-guard'].auth.fucntions is not a setting of agent-guard (ignored); did you mean auth.functions?";
  const count = (text: string): number => text.split(warning).length - 1;

  for (const major of [10, 9, 8] as const) {
    it(`is one warning on stderr for the whole run, and the findings stay (ESLint ${major})`, async () => {
      const run = await eslint(await setUp(typo, major), {});
      expect(count(run.stderr), run.stderr).toBe(1);
      expect(run.findings).toEqual(expect.arrayContaining(JS_FINDINGS));
      expect(run.exitCode).toBe(1);
    });
  }

  it('is reported by each worker thread with --concurrency (ESLint 10)', async () => {
    const run = await eslint(await setUp(typo, 10), {}, ['--concurrency=2']);
    expect(count(run.stderr), run.stderr).toBeGreaterThanOrEqual(1);
    expect(count(run.stderr), run.stderr).toBeLessThanOrEqual(2);
    expect(run.findings).toEqual(expect.arrayContaining(JS_FINDINGS));
  });
});
