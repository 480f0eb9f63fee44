#!/usr/bin/env node
// Benchmark of agent-guard's cost on real server-side code, next to ESLint core and eslint-plugin-security.
//
//   node bench/bench.mjs [--runs 5] [--plugin dist/index.mjs] [--skip-latency | --latency-only] [--json out.json]
//
// On a fixed corpus (CORPUS below, from node_modules), in the same process and the same run:
//   (a) @eslint/js recommended alone, (b) (a) + agent-guard recommended, (c) (b) + eslint-plugin-security
//   recommended: wall time of linting the corpus after one warm-up pass, --runs runs with the three
//   configs interleaved file by file (order rotated per file), reported as min / median / max, and
//   and as the sum of each file's minimum (and median) over the runs, the least disturbed view;
//   then per-rule times with ESLint's `stats: true` (the data behind TIMING=all) for a config with
//   every core-recommended, agent-guard (strict: all rules) and security rule, median per rule.
// The budget is read from the summed per-rule times (stable); the wall-clock difference is printed
// beside it with its spread, so that machine noise can be told from cost.
// Config arrays are normalised once per config and parser setting, as the ESLint class does per
// directory, so per-file work is the linting itself, not re-reading the config.
// Editor latency: one generated 2,000-line Express route file (TypeScript) through the ESLint class
// (lintText) with agent-guard recommended, cold (first lint) and warm (median of 20).
// Prints Markdown for bench/RESULTS.md. No assertions: the budgets are reported, not enforced.
import { execSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
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
/**
 * Where npm put a package that `from` depends on (hoisted or nested): the corpus must not change
 * when an unrelated install moves a shared dependency (ajv 8 left `@secretlint/config-loader/
 * node_modules` for the top level when the lockfile changed, and the corpus lost 17,925 lines).
 */
function dependencyDir(from, name) {
  const require = createRequire(resolve(from, 'package.json'));
  return relative(process.cwd(), dirname(require.resolve(`${name}/package.json`)));
}

const CORPUS = [
  'node_modules/eslint/lib',
  'node_modules/@secretlint',
  // secretlint's own copies of ajv 8 and json-schema-traverse 1 (part of the corpus since the start).
  dependencyDir('node_modules/@secretlint/config-loader', 'ajv'),
  dependencyDir('node_modules/@secretlint/config-loader', 'json-schema-traverse'),
  'node_modules/tsup/dist',
  'node_modules/vitest/node_modules/vite/dist/node',
];
/** Files and lines of the corpus as first measured; a different count means the figures are not comparable. */
const EXPECTED_CORPUS = { files: 736, lines: 185175 };

const RUNS = Math.max(1, Number(flags.runs));
const loadAtStart = execSync('cat /proc/loadavg').toString().trim();
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
const seenDirs = new Set();
for (const dir of CORPUS) {
  if (seenDirs.has(resolve(dir))) {
    continue;
  }
  seenDirs.add(resolve(dir));
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
const corpusChanged = files.length !== EXPECTED_CORPUS.files || totalLines !== EXPECTED_CORPUS.lines;
if (corpusChanged) {
  console.error(`bench: WARNING corpus is ${files.length} files / ${totalLines} lines, not ${EXPECTED_CORPUS.files} / ${EXPECTED_CORPUS.lines}: figures are not comparable with earlier runs`);
}

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
// Per-rule timing covers every agent-guard rule: the recommended ones with their recommended
// options (what the budget is about), the strict-only ones with their strict options.
const statsRules = { ...coreRecommended, ...plugin.configs.strict.rules, ...plugin.configs.recommended.rules, ...securityRecommended };

const linter = new Linter({ cwd: '/' });

// ESLint's own config array class (not exported): `Linter#verify` accepts a normalised instance and
// then reuses its per-file config cache, as the ESLint class does; a plain array is re-normalised
// (rule options validated, settings and parser options rebuilt) on every call.
const { FlatConfigArray } = createRequire(import.meta.url)(resolve('node_modules/eslint/lib/config/flat-config-array.js'));
const configArrays = new Map();

/** One normalised config array per rule set and parser setting (parser, sourceType, JSX). */
function configArray(languageOptions, rules) {
  const key = JSON.stringify([languageOptions.parser ? 'ts' : 'espree', languageOptions.sourceType, languageOptions.parserOptions]);
  let byKey = configArrays.get(rules);
  if (!byKey) {
    byKey = new Map();
    configArrays.set(rules, byKey);
  }
  let array = byKey.get(key);
  if (!array) {
    array = new FlatConfigArray(
      [
        { ignores: ['!**/node_modules/'] },
        {
          files: ALL_SOURCE_GLOBS,
          languageOptions,
          plugins: pluginSet,
          linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' },
          rules,
        },
      ],
      { basePath: '/' },
    );
    array.normalizeSync();
    byKey.set(key, array);
  }
  return array;
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

/**
 * One run of the three configs over the corpus, interleaved file by file (the order rotates with
 * each file), so that load on a shared machine falls on all three alike.
 */
function lintInterleaved(keys, perFile = null) {
  const walls = Object.fromEntries(keys.map((key) => [key, 0]));
  files.forEach(({ file, text, languageOptions }, index) => {
    const shift = index % keys.length;
    for (const key of [...keys.slice(shift), ...keys.slice(0, shift)]) {
      const config = configArray(languageOptions, configs[key].rules);
      const started = performance.now();
      linter.verify(text, config, { filename: file });
      const took = performance.now() - started;
      walls[key] += took;
      perFile?.[key][index].push(took);
    }
  });
  return walls;
}

// Warm-up: JIT, parser caches, rule module loading, config arrays.
lintInterleaved(['a', 'b', 'c']);

const walls = { a: [], b: [], c: [] };
/** Per config, per file: its time in every run. A GC pause or a burst of load hits one file of one run. */
const fileWalls = { a: files.map(() => []), b: files.map(() => []), c: files.map(() => []) };
for (let run = 0; run < RUNS; run += 1) {
  const times = lintInterleaved(['a', 'b', 'c'], fileWalls);
  for (const key of ['a', 'b', 'c']) {
    walls[key].push(times[key]);
  }
  console.error(`bench: run ${run + 1}/${RUNS} (wall) done`);
}

const perRuleRuns = {};
const parseRuns = [];
/** Per stats run: our summed per-rule time as a share of (a)'s part of the same run. */
const sameRun = { recommended: [], existing: [] };
/** Recommended rules added after the 5 % budget was first measured, reported apart from the first four. */
const NEW_RULES = new Set(['agent-guard/require-auth-gate-in-route']);
lintCorpus(statsRules, true); // warm-up of the stats config
for (let run = 0; run < RUNS; run += 1) {
  const { ruleTimes, parse, wall } = lintCorpus(statsRules, true);
  parseRuns.push(parse);
  for (const ruleId of Object.keys(statsRules)) {
    (perRuleRuns[ruleId] ??= []).push(ruleTimes[ruleId] ?? 0);
  }
  // (a)'s share of this very run: its wall time minus every rule that (a) does not have. Rule time and
  // base time then come from the same minutes of the same process, whatever the machine load did.
  const others = Object.keys(statsRules).filter((ruleId) => !Object.hasOwn(coreRecommended, ruleId));
  const baseline = wall - others.reduce((total, ruleId) => total + (ruleTimes[ruleId] ?? 0), 0);
  const share = (ids) => ids.reduce((total, ruleId) => total + (ruleTimes[ruleId] ?? 0), 0) / baseline;
  sameRun.recommended.push(share(oursRecommended));
  sameRun.existing.push(share(oursRecommended.filter((ruleId) => !NEW_RULES.has(ruleId))));
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
out.push(`- ${execSync('nproc').toString().trim()} CPUs (nproc), ${cpus()[0]?.model ?? '?'}; load average at start: ${loadAtStart}`);
out.push(
  `- Node ${process.version}; eslint ${version('eslint')}; @eslint/js ${version('@eslint/js')}; @typescript-eslint/parser ${version('@typescript-eslint/parser')}; eslint-plugin-security ${version('eslint-plugin-security')}; ${plugin.meta?.name ?? 'agent-guard'} ${plugin.meta?.version ?? '?'}`,
);
out.push(`- ${RUNS} runs per measurement after one warm-up run, medians reported; date ${new Date().toISOString().slice(0, 10)}; load average at end: ${execSync('cat /proc/loadavg').toString().trim()}`, '');
out.push('### Corpus', '', '| Directory | Files | Lines |', '|---|---:|---:|');
for (const { dir, files: count, lines } of packages) {
  out.push(`| \`${dir}\` | ${count} | ${lines} |`);
}
out.push(`| **Total** | ${files.length} | ${totalLines} |`, '');
if (corpusChanged) {
  out.push(`**The corpus differs from the one first measured (${EXPECTED_CORPUS.files} files, ${EXPECTED_CORPUS.lines} lines): these figures are not comparable with earlier runs.**`, '');
}
const pct = (value) => `${(value * 100).toFixed(1)} %`;
const spread = (values) => `${ms(Math.min(...values))} / ${ms(median(values))} / ${ms(Math.max(...values))}`;
// (b) - (a) per run: both come from the same interleaved run, so their difference carries less noise than the medians'.
const diffB = walls.b.map((wall, run) => (wall - walls.a[run]) / walls.a[run]);
const diffC = walls.c.map((wall, run) => (wall - walls.a[run]) / walls.a[run]);
out.push(`### Whole-corpus wall time (${RUNS} runs, configs interleaved file by file)`, '', '| Config | min / median / max ms | ms / 1,000 lines (median) | vs (a), per run: min / median / max |', '|---|---:|---:|---:|');
for (const [key, diffs] of [['a', null], ['b', diffB], ['c', diffC]]) {
  const range = diffs ? `${pct(Math.min(...diffs))} / ${pct(median(diffs))} / ${pct(Math.max(...diffs))}` : '-';
  out.push(`| ${configs[key].label} | ${spread(walls[key])} | ${perKloc(median(walls[key]))} | ${range} |`);
}
// The same difference from each file's minimum (and median) over the runs, summed over the corpus.
// Interference (GC pauses, other jobs) only ever adds time, so a file's minimum is its least
// disturbed measurement; the medians still move by several points between runs on a shared machine.
const summedBy = (key, pick) => fileWalls[key].reduce((total, times) => total + pick(times), 0);
const fileMedianDiff = (key) => (summedBy(key, median) - summedBy('a', median)) / summedBy('a', median);
const fileMinDiff = (key) => (summedBy(key, (times) => Math.min(...times)) - summedBy('a', (times) => Math.min(...times))) / summedBy('a', (times) => Math.min(...times));
out.push('', `Per-file estimate (each file's minimum over the runs, summed; medians in brackets): (b) ${pct(fileMinDiff('b'))} (${pct(fileMedianDiff('b'))}), (c) ${pct(fileMinDiff('c'))} (${pct(fileMedianDiff('c'))}) vs (a).`);
out.push('');
out.push('### agent-guard rules (per-rule time from `stats: true`, median)', '', '| Rule | In recommended | ms | ms / 1,000 lines |', '|---|---|---:|---:|');
for (const ruleId of ours.sort()) {
  out.push(`| \`${ruleId}\` | ${oursRecommended.includes(ruleId) ? 'yes' : 'no (strict)'} | ${ms(ruleMedian[ruleId] ?? 0)} | ${perKloc(ruleMedian[ruleId] ?? 0)} |`);
}
out.push('');
out.push('### Comparison and budgets', '');
out.push(`- Parse time (all files, stats runs): ${ms(median(parseRuns))} ms`);
const runRange = (values) => `${pct(Math.min(...values))} / **${pct(median(values))}** / ${pct(Math.max(...values))}`;
out.push(`- **Primary budget measure**: agent-guard recommended rules' summed per-rule time as a share of (a)'s part of the same stats run (that run's wall time minus the time of every rule (a) does not have), per run min / median / max: ${runRange(sameRun.recommended)} (budget: <= 5 %)`);
if (oursRecommended.some((ruleId) => NEW_RULES.has(ruleId))) {
  out.push(`  - of which the first four recommended rules (without ${[...NEW_RULES].map((id) => `\`${id}\``).join(', ')}): ${runRange(sameRun.existing)} (their target: <= 3.5 %, leaving room for the newer rule)`);
}
out.push(`- Same sum against (a)'s median wall time from the interleaved runs: ${ms(oursRecommendedTime)} ms = ${((oursRecommendedTime / wallA) * 100).toFixed(2)} % (stats and wall runs happen minutes apart, so load changes between them move this figure)`);
out.push(`- Alongside, wall clock: (b) - (a) per run ${pct(Math.min(...diffB))} / ${pct(median(diffB))} / ${pct(Math.max(...diffB))} (min / median / max); when the spread is wider than the summed per-rule share, the difference is noise, not cost`);
out.push(`- Share of agent-guard in (b)'s total lint time: ${((oursRecommendedTime / wallB) * 100).toFixed(2)} %; all agent-guard rules (strict) summed: ${ms(oursAllTime)} ms`);
out.push(`- eslint-plugin-security recommended rules, summed: ${ms(securityTime)} ms; ratio agent-guard recommended / security: ${(oursRecommendedTime / securityTime).toFixed(2)}; all agent-guard rules / security: ${(oursAllTime / securityTime).toFixed(2)}`);
out.push(`- Most expensive core recommended rule: \`${coreTopId}\` ${ms(coreTopTime)} ms; most expensive agent-guard rule: \`${oursTop[0]}\` ${ms(oursTop[1])} ms (budget: not above the core rule) -> ${oursTop[1] <= coreTopTime ? 'holds' : 'EXCEEDED'}`);
const verdict = (ratio) => (ratio <= 0.05 ? 'holds' : 'EXCEEDED');
// Two views of the same budget: the wall-clock difference is the direct measure but carries run-to-run
// noise; the per-rule sum is stable but `stats` adds a timer around every listener call, which inflates
// rules with many cheap listeners.
out.push(
  `- 5 % budget: by summed per-rule time (same run, median) ${pct(median(sameRun.recommended))} -> ${verdict(median(sameRun.recommended))}; ` +
    `by wall clock ((b) - (a), median of runs) ${pct(median(diffB))} -> ${verdict(median(diffB))}; ` +
    `by wall clock from per-file minima ${pct(fileMinDiff('b'))} -> ${verdict(fileMinDiff('b'))} (per-file medians: ${pct(fileMedianDiff('b'))})`,
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
    `${JSON.stringify({ packages, totalLines, walls, sameRun, ruleMedian, parseRuns, latency, files: files.map(({ file }) => relative(process.cwd(), file)) }, null, 2)}\n`,
  );
}
