#!/usr/bin/env node
// One `eslint .` over a real checkout, as CI runs it: the ESLint class lints every source file
// once in a fresh child process, with (a) @eslint/js recommended and (b) (a) + agent-guard
// recommended, alternating a, b, a, b… (--repeat times each). TypeScript through
// @typescript-eslint/parser, JavaScript through espree; node_modules, build output and minified
// files ignored. Each child reports its wall and CPU time, its peak RSS (`/usr/bin/time -v` when
// present, else `process.resourceUsage().maxRSS`) and the heap left after the run and two forced
// collections (what stays allocated: the plugin's cache of other files' parses). With --stats, one
// more (b) child reports ESLint's per-rule times for that run (its `stats` option).
//
//   node bench/repo-run.mjs --plugin dist/index.cjs [--repeat 3] [--stats] <checkout> [<checkout>…]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { runMeasuredChild } from './lib/child.mjs';
import { loadPlugin, median } from './lib/corpus.mjs';

const { values: flags, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    child: { type: 'string' },
    plugin: { type: 'string', default: 'dist/index.cjs' },
    repeat: { type: 'string', default: '3' },
    stats: { type: 'boolean', default: false },
  },
});

const IGNORES = ['**/node_modules/**', '**/dist/**', '**/build/**', '**/out/**', '**/.next/**', '**/coverage/**', '**/*.min.js', '**/public/**', '**/vendor/**'];

async function runChild(config, root) {
  const require = createRequire(import.meta.url);
  const { ESLint } = require('eslint');
  const js = require('@eslint/js');
  const parser = require('@typescript-eslint/parser');
  const plugin = await loadPlugin(path.resolve(flags.plugin));
  const withPlugin = config !== 'a';
  const rules = withPlugin ? { ...js.configs.recommended.rules, ...plugin.configs.recommended.rules } : js.configs.recommended.rules;
  const plugins = withPlugin ? { plugins: { 'agent-guard': plugin } } : {};
  const eslint = new ESLint({
    cwd: root,
    stats: config === 'stats',
    overrideConfigFile: true,
    overrideConfig: [
      { ignores: IGNORES },
      { files: ['**/*.{js,mjs,cjs,jsx}'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } }, ...plugins, rules },
      { files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parser }, ...plugins, rules },
    ],
  });
  const cpu = process.cpuUsage();
  const started = performance.now();
  const results = await eslint.lintFiles(['.']);
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const report = {
    files: results.length,
    messages: results.reduce((sum, result) => sum + result.messages.length, 0),
    wallMs,
    cpuMs: (used.user + used.system) / 1000,
    maxRSSKiB: process.resourceUsage().maxRSS,
  };
  if (config === 'stats') {
    const rulesMs = {};
    let parseMs = 0;
    for (const { stats } of results) {
      for (const pass of stats?.times.passes ?? []) {
        parseMs += pass.parse?.total ?? 0;
        for (const [id, { total }] of Object.entries(pass.rules ?? {})) {
          rulesMs[id] = (rulesMs[id] ?? 0) + total;
        }
      }
    }
    Object.assign(report, { parseMs, rulesMs });
  }
  results.length = 0;
  globalThis.gc?.();
  globalThis.gc?.();
  report.heapAfterMiB = process.memoryUsage().heapUsed / 1024 / 1024;
  console.log(JSON.stringify(report));
}

if (flags.child) {
  await runChild(flags.child, positionals[0]);
  process.exit(0);
}

const script = fileURLToPath(import.meta.url);

function child(config, root) {
  return runMeasuredChild(`bench/repo-run: child ${config} on ${root}`, [script, '--child', config, '--plugin', flags.plugin, root], ['--expose-gc']);
}

if (positionals.length === 0) {
  console.error('usage: node bench/repo-run.mjs --plugin dist/index.cjs [--repeat 3] [--stats] <checkout> [<checkout>…]');
  process.exit(2);
}
const REPEAT = Math.max(1, Number(flags.repeat));
const mib = (kib) => (kib / 1024).toFixed(0);
const s = (ms) => (ms / 1000).toFixed(1);
const pct = (b, a) => `${b >= a ? '+' : ''}${(((b - a) / a) * 100).toFixed(0)} %`;
const out = [
  `### One \`eslint .\` per checkout, fresh child process per run (${REPEAT} per config, alternating)`,
  '',
  '| Checkout | files | wall (a) → (b), s (medians) | CPU (a) → (b), s | peak RSS (a) → (b), MiB (least) | heap after, MiB (b) | messages (a) / (b) |',
  '|---|---:|---:|---:|---:|---:|---:|',
];
const extra = [];
for (const checkout of positionals) {
  const root = path.resolve(checkout);
  const samples = { a: [], b: [] };
  for (let index = 0; index < REPEAT; index += 1) {
    for (const config of ['a', 'b']) {
      samples[config].push(child(config, root));
      console.error(`bench/repo-run: ${path.basename(root)} ${config} ${index + 1}/${REPEAT} done`);
    }
  }
  const mid = (config, key) => median(samples[config].map((sample) => sample[key]));
  const least = (config) => Math.min(...samples[config].map(({ maxKiB }) => maxKiB));
  out.push(
    `| ${path.basename(root)} | ${samples.a[0].files} | ${s(mid('a', 'wallMs'))} → ${s(mid('b', 'wallMs'))} (${pct(mid('b', 'wallMs'), mid('a', 'wallMs'))}) | ${s(mid('a', 'cpuMs'))} → ${s(mid('b', 'cpuMs'))} (${pct(mid('b', 'cpuMs'), mid('a', 'cpuMs'))}) | ${mib(least('a'))} → ${mib(least('b'))} (${pct(least('b'), least('a'))}) | ${mid('b', 'heapAfterMiB').toFixed(0)} (a: ${mid('a', 'heapAfterMiB').toFixed(0)}) | ${samples.a[0].messages} / ${samples.b[0].messages} |`,
  );
  if (flags.stats) {
    const { rulesMs, parseMs } = child('stats', root);
    const entries = Object.entries(rulesMs).sort((x, y) => y[1] - x[1]);
    const ours = entries.filter(([id]) => id.startsWith('agent-guard/')).reduce((sum, [, ms]) => sum + ms, 0);
    const core = entries.filter(([id]) => !id.startsWith('agent-guard/')).reduce((sum, [, ms]) => sum + ms, 0);
    extra.push(
      `- ${path.basename(root)}, one (b) run with ESLint's stats: parse ${s(parseMs)} s, core rules ${s(core)} s, agent-guard rules ${s(ours)} s; costliest: ${entries.slice(0, 6).map(([id, ms]) => `\`${id}\` ${s(ms)} s`).join(', ')}.`,
    );
  }
}
out.push('', ...extra, ...(extra.length > 0 ? [''] : []), `- Load average after: ${readFileSync('/proc/loadavg', 'utf8').trim()}. Peak RSS follows the collector's timing: read the least of several runs.`);
console.log(out.join('\n'));
