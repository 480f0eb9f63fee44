#!/usr/bin/env node
// Benchmark of agent-guard's cost on real server-side code, next to ESLint core and eslint-plugin-security.
//
//   node bench/bench.mjs [--runs 5] [--plugin dist/index.mjs] [--skip-latency | --latency-only] [--json out.json]
//
// On a fixed corpus (CORPUS below, from node_modules), in the same process and the same run:
//   (a) @eslint/js recommended alone, (b) (a) + agent-guard recommended, (c) (b) + eslint-plugin-security
//   recommended: wall time of linting the corpus, median of --runs runs (configs rotated per run);
//   then per-rule times with ESLint's `stats: true` (the data behind TIMING=all) for a config with
//   every core-recommended, agent-guard (strict: all rules) and security rule, median per rule.
// Editor latency: one generated 2,000-line Express route file (TypeScript) through the ESLint class
// (lintText) with agent-guard recommended, cold (first lint) and warm (median of 20).
// Prints Markdown for bench/RESULTS.md. No assertions: the budgets are reported, not enforced.
import { execSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';

import js from '@eslint/js';
import tsParser from '@typescript-eslint/parser';
import { ESLint, Linter } from 'eslint';
import security from 'eslint-plugin-security';
import { createJiti } from 'jiti';

import {
  ALL_SOURCE_GLOBS,
  collectFiles,
  countLines,
  languageOptionsFor,
  loadPlugin,
  median,
  TS_EXTENSIONS,
  extensionOf,
} from './lib/corpus.mjs';

const { values: flags } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    plugin: { type: 'string' },
    'skip-latency': { type: 'boolean', default: false },
    'latency-only': { type: 'boolean', default: false },
    json: { type: 'string' },
  },
});

/**
 * Popular server-side packages installed with the dev dependencies: ESLint's CLI/linter (Node, fs),
 * secretlint (fs-heavy tooling, JS and TypeScript sources), tsup (build tool: fs, child_process) and
 * Vite's dev server (http, fetch, fs). Fixed, so results are comparable between runs.
 */
const CORPUS = [
  'node_modules/eslint/lib',
  'node_modules/@secretlint',
  'node_modules/tsup/dist',
  'node_modules/vitest/node_modules/vite/dist/node',
];

const RUNS = Math.max(1, Number(flags.runs));
const plugin = await loadPlugin(flags.plugin);
const ours = Object.keys(plugin.rules).map((name) => `agent-guard/${name}`);
const oursRecommended = Object.keys(plugin.configs.recommended.rules);

// ---------------------------------------------------------------------------------------------
// Editor latency (measured first, before the corpus fills the heap)

let latency = null;
if (!flags['skip-latency']) {
  const jiti = createJiti(import.meta.url);
  const { generateRouteFile } = await jiti.import('./lib/programs.ts');
  const code = generateRouteFile(2000);
  const cwd = tmpdir();
  const filePath = join(cwd, 'routes.ts');
  const makeEslint = (rules) =>
    new ESLint({
      cwd,
      overrideConfigFile: true,
      overrideConfig: [
        {
          files: ['**/*.ts'],
          languageOptions: { parser: tsParser, ecmaVersion: 'latest', sourceType: 'module' },
          plugins: { 'agent-guard': plugin },
          rules,
        },
      ],
    });
  // Interleaved so that machine load hits both configurations alike; cold = first lint of a fresh
  // ESLint instance (the parser-only instance goes first and pays for loading the parser).
  const timed = async (eslint) => {
    const started = performance.now();
    const [result] = await eslint.lintText(code, { filePath });
    return { ms: performance.now() - started, findings: result.messages.length };
  };
  const bare = makeEslint({});
  const guarded = makeEslint(plugin.configs.recommended.rules);
  const bareCold = await timed(bare);
  const guardedCold = await timed(guarded);
  const bareWarm = [];
  const guardedWarm = [];
  for (let run = 0; run < 20; run += 1) {
    bareWarm.push((await timed(bare)).ms);
    guardedWarm.push((await timed(guarded)).ms);
  }
  latency = {
    lines: countLines(code),
    recommended: { cold: guardedCold.ms, warm: median(guardedWarm), findings: guardedCold.findings },
    parserOnly: { cold: bareCold.ms, warm: median(bareWarm), findings: bareCold.findings },
  };
  if (flags['latency-only']) {
    console.log(JSON.stringify(latency, null, 2));
    process.exit(0);
  }
}

// ---------------------------------------------------------------------------------------------
// Corpus

const files = [];
const packages = [];
for (const dir of CORPUS) {
  let count = 0;
  let lines = 0;
  for (const { file, skip } of collectFiles(dir)) {
    if (skip) {
      continue;
    }
    const text = readFileSync(file, 'utf8');
    const fileLines = countLines(text);
    const parser = TS_EXTENSIONS.has(extensionOf(file)) ? 'ts' : 'espree';
    files.push({ file, text, lines: fileLines, languageOptions: languageOptionsFor(file, text, parser) });
    count += 1;
    lines += fileLines;
  }
  packages.push({ dir, files: count, lines });
}
const totalLines = files.reduce((sum, { lines }) => sum + lines, 0);

// ---------------------------------------------------------------------------------------------
// Configs

const coreRecommended = js.configs.recommended.rules;
const securityRecommended = security.configs.recommended.rules;
const pluginSet = { 'agent-guard': plugin, security: security.configs.recommended.plugins.security };

const configs = {
  a: { label: '(a) @eslint/js recommended', rules: { ...coreRecommended } },
  b: { label: '(b) (a) + agent-guard recommended', rules: { ...coreRecommended, ...plugin.configs.recommended.rules } },
  c: {
    label: '(c) (b) + eslint-plugin-security recommended',
    rules: { ...coreRecommended, ...plugin.configs.recommended.rules, ...securityRecommended },
  },
};
// Per-rule timing covers every agent-guard rule (strict config), not only the recommended ones.
const statsRules = { ...coreRecommended, ...plugin.configs.strict.rules, ...securityRecommended };

const linter = new Linter({ cwd: '/' });

function configArray(languageOptions, rules) {
  return [
    { ignores: ['!**/node_modules/'] },
    {
      files: ALL_SOURCE_GLOBS,
      languageOptions,
      plugins: pluginSet,
      linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' },
      rules,
    },
  ];
}

/** Lints the whole corpus once; returns wall milliseconds and, with stats, per-rule and parse totals. */
function lintCorpus(rules, stats = false) {
  const ruleTimes = {};
  let parse = 0;
  let problems = 0;
  const started = performance.now();
  for (const { file, text, languageOptions } of files) {
    const config = configArray(languageOptions, rules);
    // `stats` is only wired up through verifyAndFix (plain verify has no pass to store times in).
    const messages = stats
      ? linter.verifyAndFix(text, config, { filename: file, stats: true, fix: false }).messages
      : linter.verify(text, config, { filename: file });
    problems += messages.length;
    if (stats) {
      for (const pass of linter.getTimes().passes) {
        parse += pass.parse?.total ?? 0;
        for (const [ruleId, { total }] of Object.entries(pass.rules ?? {})) {
          ruleTimes[ruleId] = (ruleTimes[ruleId] ?? 0) + total;
        }
      }
    }
  }
  return { wall: performance.now() - started, ruleTimes, parse, problems };
}

// Warm-up: JIT, parser caches, rule module loading.
lintCorpus(configs.c.rules);

const walls = { a: [], b: [], c: [] };
const order = ['a', 'b', 'c'];
for (let run = 0; run < RUNS; run += 1) {
  const rotated = [...order.slice(run % 3), ...order.slice(0, run % 3)];
  for (const key of rotated) {
    walls[key].push(lintCorpus(configs[key].rules).wall);
  }
  console.error(`bench: run ${run + 1}/${RUNS} (wall) done`);
}

const perRuleRuns = {};
const parseRuns = [];
for (let run = 0; run < RUNS; run += 1) {
  const { ruleTimes, parse } = lintCorpus(statsRules, true);
  parseRuns.push(parse);
  for (const ruleId of Object.keys(statsRules)) {
    (perRuleRuns[ruleId] ??= []).push(ruleTimes[ruleId] ?? 0);
  }
  console.error(`bench: run ${run + 1}/${RUNS} (stats) done`);
}
const ruleMedian = Object.fromEntries(Object.entries(perRuleRuns).map(([ruleId, times]) => [ruleId, median(times)]));

// ---------------------------------------------------------------------------------------------
// Report

const ms = (value) => value.toFixed(1);
const perKloc = (value) => ((value * 1000) / totalLines).toFixed(3);
const sum = (ids) => ids.reduce((total, ruleId) => total + (ruleMedian[ruleId] ?? 0), 0);
const securityIds = Object.keys(securityRecommended);
const coreIds = Object.keys(coreRecommended);
const [coreTopId, coreTopTime] = coreIds.map((id) => [id, ruleMedian[id] ?? 0]).sort((x, y) => y[1] - x[1])[0];
const oursTop = ours.map((id) => [id, ruleMedian[id] ?? 0]).sort((x, y) => y[1] - x[1])[0] ?? ['-', 0];
const wallA = median(walls.a);
const wallB = median(walls.b);
const wallC = median(walls.c);
const oursRecommendedTime = sum(oursRecommended);
const oursAllTime = sum(ours);
const securityTime = sum(securityIds);

const version = (name) => {
  try {
    return JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')).version;
  } catch {
    return '?';
  }
};

const out = [];
out.push(`### Machine and versions`, '');
out.push(`- ${execSync('nproc').toString().trim()} CPUs (nproc), ${cpus()[0]?.model ?? '?'}; load average at start: ${execSync('cat /proc/loadavg').toString().trim()}`);
out.push(
  `- Node ${process.version}; eslint ${version('eslint')}; @eslint/js ${version('@eslint/js')}; @typescript-eslint/parser ${version('@typescript-eslint/parser')}; eslint-plugin-security ${version('eslint-plugin-security')}; ${plugin.meta?.name ?? 'agent-guard'} ${plugin.meta?.version ?? '?'}`,
);
out.push(`- ${RUNS} runs per measurement, medians reported; date ${new Date().toISOString().slice(0, 10)}`, '');
out.push('### Corpus', '', '| Directory | Files | Lines |', '|---|---:|---:|');
for (const { dir, files: count, lines } of packages) {
  out.push(`| \`${dir}\` | ${count} | ${lines} |`);
}
out.push(`| **Total** | ${files.length} | ${totalLines} |`, '');
out.push('### Whole-corpus wall time (median)', '', '| Config | ms | ms / 1,000 lines | vs (a) |', '|---|---:|---:|---:|');
for (const [key, wall] of [['a', wallA], ['b', wallB], ['c', wallC]]) {
  out.push(`| ${configs[key].label} | ${ms(wall)} | ${perKloc(wall)} | ${key === 'a' ? '-' : `${(((wall - wallA) / wallA) * 100).toFixed(1)} %`} |`);
}
out.push('');
out.push('### agent-guard rules (per-rule time from `stats: true`, median)', '', '| Rule | In recommended | ms | ms / 1,000 lines |', '|---|---|---:|---:|');
for (const ruleId of ours.sort()) {
  out.push(`| \`${ruleId}\` | ${oursRecommended.includes(ruleId) ? 'yes' : 'no (strict)'} | ${ms(ruleMedian[ruleId] ?? 0)} | ${perKloc(ruleMedian[ruleId] ?? 0)} |`);
}
out.push('');
out.push('### Comparison and budgets', '');
out.push(`- Parse time (all files, stats runs): ${ms(median(parseRuns))} ms`);
out.push(`- agent-guard recommended rules, summed: ${ms(oursRecommendedTime)} ms = ${((oursRecommendedTime / wallA) * 100).toFixed(2)} % of (a)'s total time (budget: <= 5 %); wall-clock difference (b) - (a): ${(((wallB - wallA) / wallA) * 100).toFixed(1)} %`);
out.push(`- Share of agent-guard in (b)'s total lint time: ${((oursRecommendedTime / wallB) * 100).toFixed(2)} %; all agent-guard rules (strict) summed: ${ms(oursAllTime)} ms`);
out.push(`- eslint-plugin-security recommended rules, summed: ${ms(securityTime)} ms; ratio agent-guard recommended / security: ${(oursRecommendedTime / securityTime).toFixed(2)}; all agent-guard rules / security: ${(oursAllTime / securityTime).toFixed(2)}`);
out.push(`- Most expensive core recommended rule: \`${coreTopId}\` ${ms(coreTopTime)} ms; most expensive agent-guard rule: \`${oursTop[0]}\` ${ms(oursTop[1])} ms (budget: not above the core rule) -> ${oursTop[1] <= coreTopTime ? 'holds' : 'EXCEEDED'}`);
const verdict = (ratio) => (ratio <= 0.05 ? 'holds' : 'EXCEEDED');
// Two views of the same budget: the wall-clock difference is the direct measure but carries run-to-run
// noise; the per-rule sum is stable but `stats` adds a timer around every listener call, which inflates
// rules with many cheap listeners.
out.push(
  `- 5 % budget: by wall clock ((b) - (a)) ${(((wallB - wallA) / wallA) * 100).toFixed(1)} % -> ${verdict((wallB - wallA) / wallA)}; ` +
    `by summed per-rule time ${((oursRecommendedTime / wallA) * 100).toFixed(2)} % -> ${verdict(oursRecommendedTime / wallA)}`,
);
const topSecurity = securityIds.map((id) => [id, ruleMedian[id] ?? 0]).sort((x, y) => y[1] - x[1]).slice(0, 3);
out.push(`- Most expensive security rules: ${topSecurity.map(([id, time]) => `\`${id}\` ${ms(time)} ms`).join(', ')}`);
const topCore = coreIds.map((id) => [id, ruleMedian[id] ?? 0]).sort((x, y) => y[1] - x[1]).slice(0, 3);
out.push(`- Most expensive core rules: ${topCore.map(([id, time]) => `\`${id}\` ${ms(time)} ms`).join(', ')}`, '');
if (latency) {
  out.push('### Editor latency (ESLint class, lintText, TypeScript parser)', '');
  out.push(`- ${latency.lines}-line generated Express route file (\`bench/lib/programs.ts\` generateRouteFile(2000))`);
  out.push(`- agent-guard recommended: cold ${ms(latency.recommended.cold)} ms, warm median ${ms(latency.recommended.warm)} ms (${latency.recommended.findings} findings)`);
  out.push(`- parser only (no rules), for reference: cold ${ms(latency.parserOnly.cold)} ms, warm median ${ms(latency.parserOnly.warm)} ms`);
  out.push(`- agent-guard's share of the warm latency: ${ms(latency.recommended.warm - latency.parserOnly.warm)} ms`, '');
}
console.log(out.join('\n'));
if (flags.json) {
  writeFileSync(
    flags.json,
    `${JSON.stringify({ packages, totalLines, walls, ruleMedian, parseRuns, latency, files: files.map(({ file }) => relative(process.cwd(), file)) }, null, 2)}\n`,
  );
}
