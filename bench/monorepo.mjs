#!/usr/bin/env node
// The cross-file bench case (issue #15): a generated 2,000-file TypeScript monorepo (pnpm-style
// workspaces, tsconfig `paths`, Express routers importing controllers, gates, HTTP/SQL wrappers and
// error responders from workspace packages), and one 2,000-line route file in it. Reports what an
// editor pays:
//   - cold: the first lint of that file in a fresh process (resolver start-up, reading and parsing
//     the project files it imports), with and without the plugin, median of --cold runs, each in
//     its own child process;
//   - warm: a re-lint of the same file in a process that has linted it before, with and without the
//     plugin, interleaved, median of --warm runs (wall and CPU time of the lint call).
// Usage: node bench/monorepo.mjs [--plugin dist/index.cjs] [--cold 5] [--warm 30] [--json out.json]
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '..');
const { values } = parseArgs({
  options: {
    plugin: { type: 'string', default: join(REPO, 'dist/index.cjs') },
    cold: { type: 'string', default: '5' },
    warm: { type: 'string', default: '30' },
    json: { type: 'string' },
    child: { type: 'string' },
  },
});

const ROOT = join(REPO, 'bench/.work/monorepo');
const ROUTE_FILE = join(ROOT, 'apps/api/src/routes/big.ts');
const PACKAGES = ['auth', 'http', 'db', 'errors', ...Array.from({ length: 20 }, (_, i) => `util-${String(i).padStart(2, '0')}`)];
const FILES_PER_PACKAGE = 20;
const CONTROLLERS = 760;

const pad = (n) => String(n).padStart(4, '0');

function write(file, text) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** The generated monorepo: 24 packages × 20 files, 760 controllers, 760 routers and the big route file. */
function generate() {
  rmSync(ROOT, { recursive: true, force: true });
  let files = 0;
  const put = (path, text) => {
    write(join(ROOT, path), text);
    files += /\.[cm]?[jt]sx?$/u.test(path) ? 1 : 0;
  };
  put('package.json', JSON.stringify({ name: 'acme', private: true, workspaces: ['apps/*', 'packages/*'] }, null, 2));
  put('package-lock.json', '{}\n');
  put('pnpm-workspace.yaml', "packages:\n  - 'apps/*'\n  - 'packages/*'\n");
  put('tsconfig.base.json', `{\n  // shared compiler options\n  "compilerOptions": {\n    "baseUrl": ".",\n    "paths": { "@acme/*": ["packages/*/src"] },\n    "strict": true\n  }\n}\n`);
  for (const name of PACKAGES) {
    put(`packages/${name}/package.json`, JSON.stringify({ name: `@acme/${name}`, version: '1.0.0', main: 'src/index.ts' }, null, 2));
    const modules = Array.from({ length: FILES_PER_PACKAGE - 1 }, (_, i) => `m${String(i).padStart(2, '0')}`);
    put(`packages/${name}/src/index.ts`, `${modules.map((m) => `export * from './${m}';`).join('\n')}\n`);
    modules.forEach((m, i) => put(`packages/${name}/src/${m}.ts`, packageModule(name, m, i)));
  }
  put('apps/api/package.json', JSON.stringify({ name: '@acme/api', private: true }, null, 2));
  put('apps/api/tsconfig.json', `{ "extends": "../../tsconfig.base.json", "compilerOptions": { "baseUrl": "../.." } }\n`);
  for (let i = 0; i < CONTROLLERS; i++) {
    put(`apps/api/src/controllers/c${pad(i)}.ts`, controller(i));
    put(`apps/api/src/routes/r${pad(i)}.ts`, router(i));
  }
  put('apps/api/src/routes/big.ts', bigRouteFile(2000));
  return files;
}

/** A module of a workspace package: the well-known helpers in m00 of auth/http/db/errors, plain utilities elsewhere. */
function packageModule(pkg, module, index) {
  if (index === 0 && pkg === 'auth') {
    return `import type { Request, Response, NextFunction } from 'express';\n\nexport function requireAuth(req: Request, res: Response, next: NextFunction) {\n  if (!req.headers.authorization) {\n    return res.status(401).json({ error: 'unauthorized' });\n  }\n  next();\n}\n\nexport function attachRequestId(req: Request, _res: Response, next: NextFunction) {\n  (req as any).id = Math.random().toString(36).slice(2);\n  next();\n}\n`;
  }
  if (index === 0 && pkg === 'http') {
    return `export async function getJson(url: string, init: RequestInit = {}) {\n  const response = await fetch(url, init);\n  return response.json();\n}\n\nexport async function getJsonBounded(url: string) {\n  const response = await fetch(url, { signal: AbortSignal.timeout(5000) });\n  return response.json();\n}\n`;
  }
  if (index === 0 && pkg === 'db') {
    return `import { Pool } from 'pg';\n\nconst pool = new Pool();\n\nexport function query(sql: string, params: unknown[] = []) {\n  return pool.query(sql, params);\n}\n\nexport function one(sql: string, params: unknown[] = []) {\n  return query(sql, params).then((result) => result.rows[0]);\n}\n`;
  }
  if (index === 0 && pkg === 'errors') {
    return `import type { Response } from 'express';\n\nexport function sendError(res: Response, err: unknown) {\n  const error = err as Error;\n  res.status(500).json({ error: error.message, stack: error.stack });\n}\n\nexport function sendSafeError(res: Response, _err: unknown) {\n  res.status(500).json({ error: 'Internal Server Error' });\n}\n`;
  }
  const fn = `${pkg.replace(/-/gu, '_')}_${module}`;
  return `export interface ${fn.toUpperCase()}Options {\n  readonly limit?: number;\n  readonly label?: string;\n}\n\nexport function ${fn}(values: readonly number[], options: ${fn.toUpperCase()}Options = {}): number {\n  const limit = options.limit ?? ${10 + index};\n  let total = 0;\n  for (const value of values.slice(0, limit)) {\n    total += value * ${index + 1};\n  }\n  return total;\n}\n\nexport const ${fn}_label = (name: string): string => \`\${name}-${module}\`;\n`;
}

function controller(i) {
  return `import type { Request, Response } from 'express';
import { query, one } from '@acme/db';
import { getJson } from '@acme/http';
import { sendError } from '@acme/errors';

export async function list${i}(req: Request, res: Response) {
  try {
    const rows = await query('SELECT * FROM items_${i} WHERE owner = $1', [req.query.owner]);
    res.json(rows.rows);
  } catch (err) {
    sendError(res, err);
  }
}

export async function show${i}(req: Request, res: Response) {
  if (!req.user) {
    return res.status(401).end();
  }
  const item = await one(\`SELECT * FROM items_${i} WHERE id = \${req.params.id}\`);
  res.json(item);
}

export async function sync${i}(req: Request, res: Response) {
  const data = await getJson(\`https://api.example.com/items/${i}\`);
  res.json(data);
}
`;
}

function router(i) {
  return `import { Router } from 'express';
import { requireAuth } from '@acme/auth';
import { list${i}, show${i}, sync${i} } from '../controllers/c${pad(i)}';

const router = Router();

router.get('/items-${i}', requireAuth, list${i});
router.get('/items-${i}/:id', show${i});
router.post('/items-${i}/sync', sync${i});

export default router;
`;
}

/** The file the editor has open: routes with inline handlers calling the packages' helpers. */
function bigRouteFile(targetLines) {
  const head = `import express from 'express';
import { requireAuth, attachRequestId } from '@acme/auth';
import { getJson, getJsonBounded } from '@acme/http';
import { query, one } from '@acme/db';
import { sendError, sendSafeError } from '@acme/errors';
import { util_00_m01, util_01_m02 } from '@acme/util-00';
import { list0, show0 } from '../controllers/c0000';

const app = express();
app.use(express.json());
app.use(attachRequestId);
`;
  const blocks = [];
  let lines = head.split('\n').length;
  for (let i = 0; lines < targetLines - 2; i++) {
    // One block in ten carries the defects an agent leaves (a leak through the errors package, a
    // request without a timeout through the http package, SQL built from input through the db
    // package, an open route through an imported controller); the others are the safe look-alikes.
    const defect = i % 10 === 0;
    const block = `
app.get('/reports/${i}', requireAuth, async (req, res) => {
  try {
    const rows = await query('SELECT id, total FROM reports WHERE team = $1 LIMIT 50', [req.query.team]);
    const score = util_00_m01(rows.rows.map((row) => Number(row.total)), { limit: ${(i % 40) + 5} });
    res.json({ score, rows: rows.rows });
  } catch (err) {
    sendSafeError(res, err);
  }
});

app.get('/reports/${i}/:id', requireAuth, async (req, res) => {
  try {
    const report = ${defect ? 'await one(`SELECT * FROM reports WHERE id = ${req.params.id}`)' : "await one('SELECT * FROM reports WHERE id = $1', [req.params.id])"};
    const remote = await ${defect ? 'getJson' : 'getJsonBounded'}(\`https://stats.example.com/r/\${report.id}\`);
    res.json({ report, remote, label: util_01_m02(String(${i})) });
  } catch (err) {
    ${defect ? 'sendError' : 'sendSafeError'}(res, err);
  }
});

app.post('/reports/${i}/refresh', requireAuth, async (req, res) => {
  const fresh = await getJsonBounded('https://stats.example.com/refresh/${i}');
  res.json(fresh);
});
app.get('/legacy/${i}', ${defect ? '' : 'requireAuth, '}list0);
app.get('/legacy/${i}/:id', show0);
`;
    blocks.push(block);
    lines += block.split('\n').length - 1;
  }
  return `${head}${blocks.join('')}\nexport default app;\n`;
}

// ---- measurement ----

async function makeEslint(which, pluginPath) {
  const { createRequire } = await import('node:module');
  const require = createRequire(join(REPO, 'package.json'));
  const { ESLint } = require('eslint');
  const js = require('@eslint/js');
  const parser = require('@typescript-eslint/parser');
  const plugin = require(resolve(pluginPath));
  const core = js.configs.recommended.rules;
  const rules = which === 'a' ? core : { ...core, ...plugin.configs.recommended.rules };
  const config = [{ files: ['**/*.ts'], languageOptions: { parser }, ...(which === 'b' ? { plugins: { 'agent-guard': plugin } } : {}), rules }];
  return new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: config });
}

async function lintOnce(eslint, text) {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const [result] = await eslint.lintText(text, { filePath: ROUTE_FILE });
  const wall = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1000, messages: result.messages };
}

const median = (list) => [...list].sort((x, y) => x - y)[Math.floor(list.length / 2)];

if (values.child) {
  // One cold first lint in this fresh process.
  const { readFileSync } = await import('node:fs');
  const eslint = await makeEslint(values.child, values.plugin);
  const { wall, cpu, messages } = await lintOnce(eslint, readFileSync(ROUTE_FILE, 'utf8'));
  process.stdout.write(JSON.stringify({ wall, cpu, findings: messages.filter((m) => m.ruleId?.startsWith('agent-guard/')).length }));
  process.exit(0);
}

const files = generate();
const { readFileSync } = await import('node:fs');
const text = readFileSync(ROUTE_FILE, 'utf8');
const lines = text.split('\n').length;
console.error(`bench: monorepo of ${files} source files generated in ${ROOT}; route file ${lines} lines`);

const cold = { a: [], b: [] };
let coldFindings = 0;
for (let run = 0; run < Number(values.cold); run++) {
  for (const which of run % 2 === 0 ? ['a', 'b'] : ['b', 'a']) {
    const out = JSON.parse(execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child', which, '--plugin', values.plugin], { encoding: 'utf8' }));
    cold[which].push(out);
    coldFindings = which === 'b' ? out.findings : coldFindings;
  }
}

const eslints = { a: await makeEslint('a', values.plugin), b: await makeEslint('b', values.plugin) };
for (let i = 0; i < 3; i++) {
  await lintOnce(eslints.a, text);
  await lintOnce(eslints.b, text);
}
const warm = { a: [], b: [] };
let warmFindings = 0;
for (let run = 0; run < Number(values.warm); run++) {
  for (const which of run % 2 === 0 ? ['a', 'b'] : ['b', 'a']) {
    const out = await lintOnce(eslints[which], text);
    warm[which].push(out);
    warmFindings = which === 'b' ? out.messages.filter((m) => m.ruleId?.startsWith('agent-guard/')).length : warmFindings;
  }
}

const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' / ');
const pick = (list, key) => median(list.map((x) => x[key]));
const summary = {
  files,
  routeFileLines: lines,
  load,
  findings: { cold: coldFindings, warm: warmFindings },
  cold: { coreMs: pick(cold.a, 'wall'), withPluginMs: pick(cold.b, 'wall'), addedMs: pick(cold.b, 'wall') - pick(cold.a, 'wall'), addedCpuMs: pick(cold.b, 'cpu') - pick(cold.a, 'cpu') },
  warm: {
    coreMs: pick(warm.a, 'wall'),
    withPluginMs: pick(warm.b, 'wall'),
    addedMs: pick(warm.b, 'wall') - pick(warm.a, 'wall'),
    addedCpuMs: pick(warm.b, 'cpu') - pick(warm.a, 'cpu'),
    pairedAddedMs: median(warm.b.map((x, i) => x.wall - warm.a[i].wall)),
  },
};
const ms = (n) => n.toFixed(1);
console.log(`Monorepo bench: ${files} source files, route file ${lines} lines, ${summary.findings.warm} agent-guard findings in it; load ${load}\n`);
console.log('| Lint of the route file | core recommended | + agent-guard recommended | added (wall) | added (CPU) |');
console.log('|---|---:|---:|---:|---:|');
console.log(`| cold: first lint in a fresh process (median of ${values.cold}) | ${ms(summary.cold.coreMs)} ms | ${ms(summary.cold.withPluginMs)} ms | ${ms(summary.cold.addedMs)} ms | ${ms(summary.cold.addedCpuMs)} ms |`);
console.log(`| warm: re-lint (median of ${values.warm}, interleaved) | ${ms(summary.warm.coreMs)} ms | ${ms(summary.warm.withPluginMs)} ms | ${ms(summary.warm.addedMs)} ms (paired ${ms(summary.warm.pairedAddedMs)}) | ${ms(summary.warm.addedCpuMs)} ms |`);
console.log(`\nVerdict: warm re-lint adds ${ms(summary.warm.pairedAddedMs)} ms -> budget <= 50 ms: **${summary.warm.pairedAddedMs <= 50 ? 'holds' : 'EXCEEDED'}**`);
if (values.json) {
  writeFileSync(values.json, `${JSON.stringify(summary, null, 2)}\n`);
}
