#!/usr/bin/env node
// Scaling table: does any agent-guard rule cost more per AST node as a file grows?
//
//   node bench/scaling.mjs [--runs 5] [--sizes 1,2,4,8] [--shapes then-chain,…] [--plugin dist/index.mjs] [--json out.json]
//
// For each shape below, at 1×, 2×, 4× and 8× its base size: every agent-guard rule at its strict
// options (`configs.strict`), all enabled together, per-rule time from ESLint's `stats: true` (the
// data behind TIMING=all), the minimum over --runs runs after one warm-up lint at that size
// (interference only adds time), and that time per 1,000 AST nodes of the file.
// (Tried and dropped: each rule alone, CPU time of parse + rule minus parse alone. On a loaded
// machine the difference of two large CPU times was noisier than the rule's own timer.) A rule is
// marked when its time per node at the largest size is more than twice what it is at the smallest
// (linear work keeps it flat; quadratic work doubles it with every doubling of the file), and only
// when the largest size costs at least 5 ms, below which timer noise decides the ratio.
// Prints Markdown for bench/RESULTS.md. Reports; does not assert.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

import * as espree from 'espree';

import { languageOptionsFor, loadPlugin } from './lib/corpus.mjs';
import { createBenchLinter } from './lib/lint.mjs';

const { values: flags } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    sizes: { type: 'string', default: '1,2,4,8' },
    shapes: { type: 'string' },
    plugin: { type: 'string' },
    json: { type: 'string' },
  },
});

const RUNS = Math.max(1, Number(flags.runs));
const SIZES = flags.sizes.split(',').map(Number);
/** Per-node growth above which a row is marked, and the least time at the largest size for the mark to count. */
const MARK_RATIO = 2;
const MARK_MIN_MS = 5;

const EXPRESS = "import express from 'express';\nimport pg from 'pg';\nimport fs from 'node:fs';\nimport path from 'node:path';\nconst app = express();\nconst pool = new pg.Pool();\n";

/** Each shape: a base size and a generator of a file of n units; `ts` files go through @typescript-eslint/parser. */
const SHAPES = {
  'then-chain': {
    what: '`fetch(u).then(…).then(…)…` of n links inside a route',
    base: 150,
    file: 'then-chain.js',
    gen: (n) => `${EXPRESS}app.get('/proxy', async (req, res) => {\n  const p = fetch(req.query.url)${'.then((r) => r)'.repeat(n)};\n  res.json(await p);\n});\n`,
  },
  'query-chain': {
    what: '`pool.query(a).query(a)…` of n links inside a route',
    base: 250,
    file: 'query-chain.js',
    gen: (n) => `${EXPRESS}app.get('/files/:name', async (req, res) => {\n  const a = req.query.name;\n  const response = await fetch(pool${'.query(a)'.repeat(n)});\n  res.json(response);\n});\n`,
  },
  'top-level-functions': {
    what: 'n top-level functions, each with a route that reads a file',
    base: 150,
    file: 'functions.js',
    gen: (n) =>
      `${EXPRESS}const router = express.Router();\nconst P = '/p';\n` +
      Array.from({ length: n }, (_, i) => `export function f${i}(a) { return a + ${i}; }\nrouter.get(P + '/${i}', (req, res) => { fs.readFile(P, () => res.send(String(f${i}(1)))); });\n`).join(''),
  },
  'express-routes': {
    what: 'an Express router with n routes (SQL, fs, outbound HTTP, errors)',
    base: 60,
    file: 'routes.js',
    gen: (n) =>
      `${EXPRESS}const router = express.Router();\nconst requireAuth = (req, res, next) => next();\nconst ROOT = '/srv/files';\n` +
      Array.from({ length: n }, (_, i) => {
        switch (i % 4) {
          case 0:
            return `router.get('/items/${i}/:id', requireAuth, async (req, res) => {\n  const { rows } = await pool.query('SELECT * FROM items WHERE id = $1', [req.params.id]);\n  res.json(rows);\n});\n`;
          case 1:
            return `router.post('/items/${i}', async (req, res) => {\n  try {\n    const rows = await pool.query(\`SELECT * FROM items WHERE name = '\${req.body.name}'\`);\n    res.json(rows);\n  } catch (error) {\n    res.status(500).json({ error: error.stack });\n  }\n});\n`;
          case 2:
            return `router.get('/files/${i}/:name', (req, res) => {\n  const file = path.join(ROOT, req.params.name);\n  fs.readFile(file, (error, data) => (error ? res.sendStatus(404) : res.send(data)));\n});\n`;
          default:
            return `router.get('/proxy/${i}', requireAuth, async (req, res) => {\n  const upstream = await fetch('https://api.example.com/v1/' + encodeURIComponent(req.query.q), { signal: AbortSignal.timeout(5000) });\n  res.json(await upstream.json());\n});\n`;
        }
      }).join('') +
      'app.use(router);\n',
  },
  'server-actions': {
    what: "a `'use server'` file (TypeScript) with n exported async functions",
    base: 60,
    file: 'actions.ts',
    gen: (n) =>
      `'use server';\nimport { sql } from '@vercel/postgres';\nimport { readFile } from 'node:fs/promises';\nimport { auth } from './auth';\n\n` +
      Array.from({ length: n }, (_, i) =>
        i % 2 === 0
          ? `export async function update${i}(formData: FormData): Promise<void> {\n  const session = await auth();\n  if (!session) throw new Error('unauthorised');\n  const id = String(formData.get('id'));\n  await sql\`UPDATE items SET done = true WHERE id = \${id}\`;\n}\n`
          : `export async function load${i}(name: string) {\n  const text = await readFile('/srv/data/' + name, 'utf8');\n  const response = await fetch('https://api.example.com/items/' + name);\n  return { text, data: await response.json() };\n}\n`,
      ).join('\n'),
  },
  'var-heavy': {
    what: 'a `var`-heavy CommonJS bundle: `var xI = f(I); g(xI + "a")`, every tenth a SQL call',
    base: 400,
    file: 'bundle.cjs',
    gen: (n) =>
      `var pg = require('pg');\nvar pool = new pg.Pool();\nfunction f(i) { return String(i); }\nfunction g(s) { return s; }\n` +
      Array.from({ length: n }, (_, i) => `var x${i} = f(${i});\ng(x${i} + "a");\n${i % 10 === 0 ? `pool.query("SELECT * FROM t WHERE c = '" + x${i} + "'");\n` : ''}`).join(''),
  },
  'nested-conditions': {
    what: 'n nested `if`s inside a route, a file read at the bottom',
    base: 50,
    file: 'nested.js',
    gen: (n) =>
      `${EXPRESS}app.get('/deep', (req, res) => {\n` +
      Array.from({ length: n }, (_, i) => `${' '.repeat(i % 40)}if (req.query.a${i} !== undefined) {\n`).join('') +
      `res.send(fs.readFileSync(path.join('/srv', req.query.p)));\n${'}\n'.repeat(n)}});\n`,
  },
  'array-literal': {
    what: 'a big array literal of n objects, served by a route',
    base: 400,
    file: 'data.js',
    gen: (n) =>
      `${EXPRESS}const DATA = [\n${Array.from({ length: n }, (_, i) => `  { id: ${i}, name: 'item ${i}', tags: ['a', 'b', ${i}], price: ${i}.5 },\n`).join('')}];\n` +
      "app.get('/data', (req, res) => res.json(DATA.filter((item) => item.name === req.query.name)));\n",
  },
  'minified-bundle': {
    what: 'a minified CommonJS bundle: one line, n route handlers',
    base: 80,
    file: 'bundle.min.cjs',
    gen: (n) =>
      'var e=require("express"),t=require("pg"),s=require("fs"),n=new t.Pool,r=e();' +
      Array.from(
        { length: n },
        (_, i) =>
          `r.get("/a${i}/:id",function(a,b){n.query("SELECT * FROM t WHERE id="+a.params.id).then(function(c){b.json(c.rows)}).catch(function(c){b.status(500).send(c.stack)})});` +
          `r.get("/f${i}",function(a,b){s.readFile("/srv/"+a.query.p,function(c,d){return c?b.sendStatus(404):b.send(d)})});`,
      ).join('') +
      'r.listen(3e3);',
  },
};

const plugin = await loadPlugin(flags.plugin);
const strictRules = plugin.configs.strict.rules;
const ruleIds = Object.keys(strictRules).sort();
const { linter, configArray } = createBenchLinter({ 'agent-guard': plugin });
const ALL = 'all agent-guard rules';

const languageOptionsOf = (file, code) => languageOptionsFor(file, code, /\.[cm]?ts$/u.test(file) ? 'ts' : 'espree');

/** AST nodes of a file, parsed as ESLint parses it and walked with the parser's visitor keys. */
function countNodes(code, file) {
  const languageOptions = languageOptionsOf(file, code);
  const options = { ecmaVersion: 'latest', sourceType: languageOptions.sourceType === 'commonjs' ? 'script' : 'module', range: true, loc: true };
  const { ast, visitorKeys: keys } = languageOptions.parser
    ? languageOptions.parser.parseForESLint(code, options)
    : { ast: espree.parse(code, { ...options, ecmaFeatures: { globalReturn: languageOptions.sourceType === 'commonjs' } }), visitorKeys: espree.VisitorKeys };
  let count = 0;
  const stack = [ast];
  while (stack.length > 0) {
    const node = stack.pop();
    count += 1;
    for (const key of keys[node.type] ?? []) {
      const child = node[key];
      if (Array.isArray(child)) {
        for (const item of child) {
          if (item && typeof item.type === 'string') {
            stack.push(item);
          }
        }
      } else if (child && typeof child.type === 'string') {
        stack.push(child);
      }
    }
  }
  return count;
}

/** One lint with ESLint's per-rule timers (`stats: true`): milliseconds per rule and for parsing, or the error a rule threw. */
function lintOnce(code, file) {
  const filename = `/scaling/${file}`;
  const config = configArray(languageOptionsOf(file, code), strictRules);
  try {
    // `stats` is only wired up through verifyAndFix (plain verify has no pass to store times in).
    const { messages } = linter.verifyAndFix(code, config, { filename, stats: true, fix: false });
    const fatal = messages.find((message) => message.fatal || (message.ruleId === null && message.line === 0));
    if (fatal) {
      return { error: `parse error: ${fatal.message}` };
    }
    const rules = {};
    let parse = 0;
    for (const pass of linter.getTimes().passes) {
      parse += pass.parse?.total ?? 0;
      for (const [ruleId, { total }] of Object.entries(pass.rules ?? {})) {
        rules[ruleId] = (rules[ruleId] ?? 0) + total;
      }
    }
    rules[ALL] = ruleIds.reduce((sum, ruleId) => sum + (rules[ruleId] ?? 0), 0);
    return { rules, parse, findings: messages.length };
  } catch (error) {
    return { error: String(error?.message ?? error).split('\n')[0] };
  }
}

const selected = flags.shapes ? flags.shapes.split(',') : Object.keys(SHAPES);
const results = {};
const out = [];
const load = () => readFileSync('/proc/loadavg', 'utf8').trim();
out.push('### Scaling: per-rule time per 1,000 AST nodes as files grow', '');
out.push(
  `Every agent-guard rule at its strict options, enabled together; per-rule time from ESLint's \`stats: true\`, minimum over ${RUNS} run(s) after a warm-up lint at each size; cells are "ms (ms per 1,000 nodes)". ` +
    `**⚠** marks a rule whose time per node at ${SIZES.at(-1)}× is more than ${MARK_RATIO}× its time per node at ${SIZES[0]}× (with at least ${MARK_MIN_MS} ms at ${SIZES.at(-1)}×). Load average at start: ${load()}.`,
  '',
);
for (const shape of Object.values(SHAPES)) {
  lintOnce(shape.gen(5), shape.file); // warm-up: parsers, rule modules, config arrays
}
const marked = [];
for (const name of selected) {
  const shape = SHAPES[name];
  if (!shape) {
    throw new Error(`scaling: unknown shape ${name} (known: ${Object.keys(SHAPES).join(', ')})`);
  }
  const perSize = [];
  for (const size of SIZES) {
    const n = shape.base * size;
    const code = shape.gen(n);
    const least = {};
    let error = null;
    let findings = 0;
    lintOnce(code, shape.file); // warm-up at this size (JIT, parser caches)
    for (let run = 0; run < RUNS && !error; run += 1) {
      const result = lintOnce(code, shape.file);
      if (result.error) {
        error = result.error;
        break;
      }
      findings = result.findings;
      least.parse = Math.min(least.parse ?? Infinity, result.parse);
      for (const key of [...ruleIds, ALL]) {
        least[key] = Math.min(least[key] ?? Infinity, result.rules[key] ?? 0);
      }
    }
    const nodes = error ? 0 : countNodes(code, shape.file);
    const rules = Object.fromEntries([...ruleIds, ALL].map((key) => [key, least[key] ?? 0]));
    perSize.push({ size, n, lines: code.split('\n').length, chars: code.length, nodes, findings, error, parse: least.parse, rules });
    console.error(`scaling: ${name} ${size}× done${error ? ` (${error})` : ''}`);
  }
  results[name] = perSize;
  out.push(`#### \`${name}\`: ${shape.what} (base n = ${shape.base}, \`${shape.file}\`)`, '');
  out.push(`| Rule | ${perSize.map(({ size, n }) => `${size}× (n = ${n})`).join(' | ')} | per node, ${SIZES.at(-1)}× / ${SIZES[0]}× | |`);
  out.push(`|---|${perSize.map(() => '---:').join('|')}|---:|---|`);
  out.push(`| *AST nodes / lines* | ${perSize.map((s) => (s.error ? '–' : `${s.nodes} / ${s.lines}`)).join(' | ')} | | |`);
  out.push(`| *parse* | ${perSize.map((s) => (s.error ? '–' : `${s.parse.toFixed(1)} (${((s.parse * 1000) / s.nodes).toFixed(3)})`)).join(' | ')} | | |`);
  const first = perSize[0];
  const last = perSize.at(-1);
  for (const ruleId of [...ruleIds, ALL]) {
    const timeOf = (s) => s.rules[ruleId] ?? 0;
    const cells = perSize.map((s) => (s.error ? `crash: ${s.error}` : `${timeOf(s).toFixed(2)} (${((timeOf(s) * 1000) / s.nodes).toFixed(3)})`));
    let ratio = '–';
    let mark = '';
    if (!first.error && !last.error && timeOf(first) > 0) {
      const growth = timeOf(last) / last.nodes / (timeOf(first) / first.nodes);
      ratio = `${growth.toFixed(2)}×`;
      if (growth > MARK_RATIO && timeOf(last) >= MARK_MIN_MS) {
        mark = '**⚠ super-linear**';
        marked.push(`\`${name}\` / \`${ruleId.replace('agent-guard/', '')}\` (${growth.toFixed(1)}× per node, ${timeOf(last).toFixed(1)} ms at ${SIZES.at(-1)}×)`);
      }
    }
    if (perSize.some((s) => s.error)) {
      mark = '**crash**';
    }
    out.push(`| \`${ruleId.replace('agent-guard/', '')}\` | ${cells.join(' | ')} | ${ratio} | ${mark} |`);
  }
  out.push('');
}
out.push(`Marked (per-node time more than ${MARK_RATIO}× from ${SIZES[0]}× to ${SIZES.at(-1)}×): ${marked.length > 0 ? marked.join('; ') : 'none'}. Load average at end: ${load()}.`, '');
console.log(out.join('\n'));
if (flags.json) {
  writeFileSync(flags.json, `${JSON.stringify(results, null, 2)}\n`);
}
