#!/usr/bin/env node
// Benchmark of agent-guard's cost on server-application code, next to ESLint core and eslint-plugin-security.
//
//   node bench/bench.mjs [--runs 5] [--rows server,generated,library] [--plugin dist/index.mjs]
//                        [--skip-latency | --latency-only] [--skip-memory] [--json out.json]
//
// Rows (bench/lib/rows.mjs), each measured and judged on its own:
//   server    real server applications from npm at pinned versions (@directus/api, @strapi/core,
//             verdaccio, @backstage/backend-defaults), fetched into bench/corpus/ on first use
//   generated route-dense generated server files (bench/lib/programs.ts)
//   library   the original corpus: library and tool code from node_modules, where the rules bail out early
// For each row, in the same process:
//   (a) @eslint/js recommended alone, (b) (a) + agent-guard recommended, (c) (b) + eslint-plugin-security
//   recommended: wall time after one warm-up pass, --runs runs with the three configs interleaved file
//   by file (order rotated per file), reported as min / median / max and as the sum of each file's
//   minimum over the runs; then per-rule times with ESLint's `stats: true` (the data behind
//   TIMING=all) for a config with every core-recommended, agent-guard (strict: all rules) and security
//   rule, median per rule. The verdicts (plugin share <= 5 % of (a); no agent-guard rule slower than
//   the costliest core recommended rule) are read from the per-rule times and printed per row.
// Editor: a real 2,000-line route file (@directus/api's controllers merged, bench/lib/route-file.mjs)
//   and the generated worst case (every handler a finding), re-linted warm through the ESLint class
//   (lintText), parser only and with agent-guard recommended interleaved, >= 20 runs; the CPU time
//   (process.cpuUsage) the plugin adds, p50 and min; budget <= 50 ms.
// Memory: bench/memory.mjs, max RSS of linting the whole server row in fresh child processes, (a) and (b).
// Prints Markdown for bench/RESULTS.md. No assertions: the budgets are reported, not enforced.
import { execFileSync, execSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';

import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import { createJiti } from 'jiti';

import { countLines, loadPlugin, median } from './lib/corpus.mjs';
import { benchConfigs, createBenchLinter } from './lib/lint.mjs';
import { buildRealRouteFile } from './lib/route-file.mjs';
import { loadRow, ROW_IDS } from './lib/rows.mjs';

const { values: flags } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    rows: { type: 'string', default: ROW_IDS.join(',') },
    plugin: { type: 'string' },
    'latency-runs': { type: 'string', default: '30' },
    'skip-latency': { type: 'boolean', default: false },
    'latency-only': { type: 'boolean', default: false },
    'skip-memory': { type: 'boolean', default: false },
    json: { type: 'string' },
  },
});

const RUNS = Math.max(1, Number(flags.runs));
const LATENCY_RUNS = Math.max(20, Number(flags['latency-runs']));
const loadavg = () => readFileSync('/proc/loadavg', 'utf8').trim();
const loadAtStart = loadavg();
const plugin = await loadPlugin(flags.plugin);
const ours = Object.keys(plugin.rules).map((name) => `agent-guard/${name}`);
const oursRecommended = Object.keys(plugin.configs.recommended.rules);
const { coreRecommended, securityRecommended, pluginSet, configs, statsRules } = benchConfigs(plugin);
const { linter, configArray } = createBenchLinter(pluginSet);

const ms = (value) => value.toFixed(1);
const pct = (value) => `${(value * 100).toFixed(1)} %`;
const spread = (values, format = ms) => `${format(Math.min(...values))} / ${format(median(values))} / ${format(Math.max(...values))}`;
const cpuMs = (usage) => (usage.user + usage.system) / 1000;

// ---------------------------------------------------------------------------------------------
// Editor latency (measured first, before the corpora fill the heap)

/**
 * Warm re-lint of one file through the ESLint class, parser only and with agent-guard recommended,
 * interleaved. CPU time of this process (every thread: the main thread and the GC's helpers) around
 * each lintText, and its wall time: CPU time is what the plugin costs; wall time also counts waiting
 * for a core on a loaded machine.
 */
async function measureLatency(code, fileName, label) {
  const cwd = tmpdir();
  const filePath = join(cwd, fileName);
  const makeEslint = (rules) =>
    new ESLint({
      cwd,
      overrideConfigFile: true,
      overrideConfig: [
        {
          files: ['**/*.ts', '**/*.js'],
          languageOptions: { parser: tsParser, ecmaVersion: 'latest', sourceType: 'module' },
          plugins: { 'agent-guard': plugin },
          rules,
        },
      ],
    });
  const timed = async (eslint) => {
    const wallStart = performance.now();
    const cpuStart = process.cpuUsage();
    const [result] = await eslint.lintText(code, { filePath });
    const cpu = cpuMs(process.cpuUsage(cpuStart));
    return { cpu, wall: performance.now() - wallStart, findings: result.messages.length, fatal: result.fatalErrorCount };
  };
  const bare = makeEslint({});
  const guarded = makeEslint(plugin.configs.recommended.rules);
  // Cold = first lint of a fresh ESLint instance (the parser-only one goes first and pays for loading the parser).
  const bareCold = await timed(bare);
  const guardedCold = await timed(guarded);
  if (bareCold.fatal || guardedCold.fatal) {
    throw new Error(`bench: ${label} does not parse`);
  }
  // Warm: interleaved, so that machine load hits both alike; the order alternates per run.
  const bareWarm = [];
  const guardedWarm = [];
  const pairDiff = [];
  for (let run = 0; run < LATENCY_RUNS; run += 1) {
    const first = run % 2 === 0 ? bare : guarded;
    const one = await timed(first);
    const two = await timed(first === bare ? guarded : bare);
    const [b, g] = first === bare ? [one, two] : [two, one];
    bareWarm.push(b);
    guardedWarm.push(g);
    pairDiff.push(g.cpu - b.cpu);
  }
  const pick = (list, key) => list.map((item) => item[key]);
  const stat = (list, key) => ({ p50: median(pick(list, key)), min: Math.min(...pick(list, key)) });
  return {
    label,
    lines: countLines(code),
    runs: LATENCY_RUNS,
    findings: guardedCold.findings,
    load: loadavg(),
    cold: { bare: bareCold, guarded: guardedCold },
    cpu: { bare: stat(bareWarm, 'cpu'), guarded: stat(guardedWarm, 'cpu'), pairDiffP50: median(pairDiff) },
    wall: { bare: stat(bareWarm, 'wall'), guarded: stat(guardedWarm, 'wall') },
  };
}

function latencyReport(latencies) {
  const out = [
    '### Editor: warm re-lint of a 2,000-line route file (ESLint class, `lintText`, TypeScript parser)',
    '',
    `Each file re-linted warm ${latencies[0].runs} times with parser only and with agent-guard recommended, interleaved (order alternating); CPU time is \`process.cpuUsage()\` (user + system, whole process) around \`lintText\`. Budget: the plugin adds <= 50 ms CPU.`,
    '',
    '| File | Lines | Findings | parser only CPU p50 / min ms | + agent-guard CPU p50 / min ms | **added CPU p50 / min ms** | added CPU, median of pair differences | added wall p50 / min ms | budget (p50) | load average after |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---|---|',
  ];
  for (const latency of latencies) {
    const { cpu, wall } = latency;
    const addedP50 = cpu.guarded.p50 - cpu.bare.p50;
    const addedMin = cpu.guarded.min - cpu.bare.min;
    out.push(
      `| ${latency.label} | ${latency.lines} | ${latency.findings} | ${ms(cpu.bare.p50)} / ${ms(cpu.bare.min)} | ${ms(cpu.guarded.p50)} / ${ms(cpu.guarded.min)} | **${ms(addedP50)} / ${ms(addedMin)}** | ${ms(cpu.pairDiffP50)} | ${ms(wall.guarded.p50 - wall.bare.p50)} / ${ms(wall.guarded.min - wall.bare.min)} | ${addedP50 <= 50 ? 'holds' : '**EXCEEDED**'} | ${latency.load} |`,
    );
  }
  out.push('');
  for (const latency of latencies) {
    out.push(`- ${latency.label}: cold (first lint of a fresh instance) parser only ${ms(latency.cold.bare.wall)} ms wall, with agent-guard ${ms(latency.cold.guarded.wall)} ms wall.`);
  }
  out.push('');
  return out;
}

async function measureLatencies() {
  const real = buildRealRouteFile(2000);
  const jiti = createJiti(import.meta.url);
  const { generateRouteFile } = await jiti.import('./lib/programs.ts');
  return [
    await measureLatency(real.code, 'routes.js', `real: ${real.controllers.length} Express controllers of ${real.source} merged into one module (\`bench/lib/route-file.mjs\`)`),
    await measureLatency(generateRouteFile(2000), 'routes.ts', 'worst case: generated Express route file, every handler a finding (`generateRouteFile(2000)`)'),
  ];
}

let latency = null;
if (!flags['skip-latency']) {
  latency = await measureLatencies();
  console.error(`bench: editor latency done`);
  if (flags['latency-only']) {
    console.log(latencyReport(latency).join('\n'));
    process.exit(0);
  }
}

// ---------------------------------------------------------------------------------------------
// One row: wall clock (interleaved) and per-rule times

/** Lints the row once with `stats: true`; returns wall milliseconds, per-rule and parse totals. */
function lintWithStats(files, rules) {
  const ruleTimes = {};
  let parse = 0;
  const started = performance.now();
  for (const { file, text, languageOptions } of files) {
    // `stats` is only wired up through verifyAndFix (plain verify has no pass to store times in).
    linter.verifyAndFix(text, configArray(languageOptions, rules), { filename: file, stats: true, fix: false });
    for (const pass of linter.getTimes().passes) {
      parse += pass.parse?.total ?? 0;
      for (const [ruleId, { total }] of Object.entries(pass.rules ?? {})) {
        ruleTimes[ruleId] = (ruleTimes[ruleId] ?? 0) + total;
      }
    }
  }
  return { wall: performance.now() - started, ruleTimes, parse };
}

/**
 * One run of the configs over the row, interleaved file by file (the order rotates with each
 * file), so that load on a shared machine falls on all of them alike.
 */
function lintInterleaved(files, keys, perFile = null) {
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

function measureRow(row) {
  const { files } = row;
  const keys = ['a', 'b', 'c'];
  lintInterleaved(files, keys); // warm-up: JIT, parser caches, config arrays
  const walls = { a: [], b: [], c: [] };
  /** Per config, per file: its time in every run. A GC pause or a burst of load hits one file of one run. */
  const fileWalls = { a: files.map(() => []), b: files.map(() => []), c: files.map(() => []) };
  for (let run = 0; run < RUNS; run += 1) {
    const times = lintInterleaved(files, keys, fileWalls);
    for (const key of keys) {
      walls[key].push(times[key]);
    }
    console.error(`bench: ${row.id}: run ${run + 1}/${RUNS} (wall) done`);
  }
  const perRuleRuns = {};
  const parseRuns = [];
  /** Per stats run: our summed per-rule time as a share of (a)'s part of the same run. */
  const shares = [];
  const others = Object.keys(statsRules).filter((ruleId) => !Object.hasOwn(coreRecommended, ruleId));
  lintWithStats(files, statsRules); // warm-up of the stats config
  for (let run = 0; run < RUNS; run += 1) {
    const { ruleTimes, parse, wall } = lintWithStats(files, statsRules);
    parseRuns.push(parse);
    for (const ruleId of Object.keys(statsRules)) {
      (perRuleRuns[ruleId] ??= []).push(ruleTimes[ruleId] ?? 0);
    }
    // (a)'s share of this very run: its wall time minus every rule that (a) does not have. Rule time and
    // base time then come from the same minutes of the same process, whatever the machine load did.
    const baseline = wall - others.reduce((total, ruleId) => total + (ruleTimes[ruleId] ?? 0), 0);
    shares.push(oursRecommended.reduce((total, ruleId) => total + (ruleTimes[ruleId] ?? 0), 0) / baseline);
    console.error(`bench: ${row.id}: run ${run + 1}/${RUNS} (stats) done`);
  }
  const ruleMedian = Object.fromEntries(Object.entries(perRuleRuns).map(([ruleId, times]) => [ruleId, median(times)]));
  const summedBy = (key, pick) => fileWalls[key].reduce((total, times) => total + pick(times), 0);
  const fileDiff = (key, pick) => (summedBy(key, pick) - summedBy('a', pick)) / summedBy('a', pick);
  const min = (times) => Math.min(...times);
  return {
    walls,
    shares,
    ruleMedian,
    parseRuns,
    fileMin: { b: fileDiff('b', min), c: fileDiff('c', min) },
    fileMedian: { b: fileDiff('b', median), c: fileDiff('c', median) },
  };
}

function rowReport(row, result) {
  const { files, packages } = row;
  const { walls, shares, ruleMedian, parseRuns, fileMin, fileMedian } = result;
  const totalLines = files.reduce((sum, { lines }) => sum + lines, 0);
  const perKloc = (value) => ((value * 1000) / totalLines).toFixed(3);
  const sum = (ids) => ids.reduce((total, ruleId) => total + (ruleMedian[ruleId] ?? 0), 0);
  const coreIds = Object.keys(coreRecommended);
  const securityIds = Object.keys(securityRecommended);
  const top = (ids, count = 1) => ids.map((id) => [id, ruleMedian[id] ?? 0]).sort((x, y) => y[1] - x[1]).slice(0, count);
  const [[coreTopId, coreTopTime]] = top(coreIds);
  const [oursTopId, oursTopTime] = top(ours)[0] ?? ['-', 0];
  const oursRecommendedTime = sum(oursRecommended);
  const securityTime = sum(securityIds);
  const share = median(shares);
  const diffB = walls.b.map((wall, run) => (wall - walls.a[run]) / walls.a[run]);
  const diffC = walls.c.map((wall, run) => (wall - walls.a[run]) / walls.a[run]);
  const out = [];
  out.push(`### Row "${row.id}": ${row.title}`, '');
  out.push('| Source | Files | Lines |', '|---|---:|---:|');
  for (const { dir, files: count, lines } of packages) {
    out.push(`| ${dir} | ${count} | ${lines} |`);
  }
  out.push(`| **Total** | ${files.length} | ${totalLines} |`, '');
  if (row.warning) {
    out.push(`**Warning: ${row.warning}.**`, '');
  }
  out.push('**Verdicts**', '');
  out.push(
    `- agent-guard recommended's summed per-rule time as a share of (a)'s part of the same stats run, per run min / median / max: ${spread(shares, pct)} -> budget <= 5 %: **${share <= 0.05 ? 'holds' : 'EXCEEDED'}**`,
  );
  out.push(
    `- Costliest agent-guard rule (all rules, strict options for the strict-only ones): \`${oursTopId}\` ${ms(oursTopTime)} ms; costliest core recommended rule: \`${coreTopId}\` ${ms(coreTopTime)} ms -> no agent-guard rule slower: **${oursTopTime <= coreTopTime ? 'holds' : 'EXCEEDED'}**`,
  );
  out.push(
    `- Wall clock alongside (noisier): (b) − (a) per run ${spread(diffB, pct)}; from per-file minima ${pct(fileMin.b)} (per-file medians ${pct(fileMedian.b)})`,
    '',
  );
  out.push(`Wall time, ${RUNS} runs, configs interleaved file by file:`, '');
  out.push('| Config | min / median / max ms | ms / 1,000 lines (median) | vs (a), per run: min / median / max |', '|---|---:|---:|---:|');
  for (const [key, diffs] of [['a', null], ['b', diffB], ['c', diffC]]) {
    out.push(`| ${configs[key].label} | ${spread(walls[key])} | ${perKloc(median(walls[key]))} | ${diffs ? spread(diffs, pct) : '-'} |`);
  }
  out.push('', `Per-file estimate (each file's minimum over the runs, summed; medians in brackets): (b) ${pct(fileMin.b)} (${pct(fileMedian.b)}), (c) ${pct(fileMin.c)} (${pct(fileMedian.c)}) vs (a).`, '');
  out.push('Per-rule time (`stats: true`, median of runs):', '');
  out.push('| Rule | In recommended | ms | ms / 1,000 lines |', '|---|---|---:|---:|');
  for (const ruleId of [...ours].sort()) {
    out.push(`| \`${ruleId}\` | ${oursRecommended.includes(ruleId) ? 'yes' : 'no (strict)'} | ${ms(ruleMedian[ruleId] ?? 0)} | ${perKloc(ruleMedian[ruleId] ?? 0)} |`);
  }
  out.push('');
  out.push(`- Parse time (stats runs, median): ${ms(median(parseRuns))} ms`);
  out.push(`- agent-guard recommended summed: ${ms(oursRecommendedTime)} ms; all agent-guard rules: ${ms(sum(ours))} ms`);
  out.push(`- eslint-plugin-security recommended summed: ${ms(securityTime)} ms; agent-guard recommended / security: ${(oursRecommendedTime / securityTime).toFixed(2)}`);
  out.push(`- Costliest core rules: ${top(coreIds, 3).map(([id, time]) => `\`${id}\` ${ms(time)} ms`).join(', ')}`);
  out.push(`- Costliest security rules: ${top(securityIds, 3).map(([id, time]) => `\`${id}\` ${ms(time)} ms`).join(', ')}`, '');
  return {
    lines: out,
    summary: {
      row: row.id,
      files: files.length,
      lines: totalLines,
      share,
      shareMin: Math.min(...shares),
      shareMax: Math.max(...shares),
      oursTopId,
      oursTopTime,
      coreTopId,
      coreTopTime,
      fileMinB: fileMin.b,
    },
  };
}

const rowIds = flags.rows.split(',').map((id) => id.trim()).filter(Boolean);
const sections = [];
const summaries = [];
const rawRows = {};
for (const id of rowIds) {
  const row = await loadRow(id);
  if (row.warning) {
    console.error(`bench: WARNING ${row.warning}`);
  }
  console.error(`bench: row ${id}: ${row.files.length} files`);
  const result = measureRow(row);
  const { lines, summary } = rowReport(row, result);
  sections.push(...lines);
  summaries.push(summary);
  rawRows[id] = { ...summary, walls: result.walls, shares: result.shares, ruleMedian: result.ruleMedian, files: row.files.map(({ file }) => relative(process.cwd(), file)) };
}

// ---------------------------------------------------------------------------------------------
// Memory: fresh child processes (bench/memory.mjs)

let memory = null;
if (!flags['skip-memory']) {
  const args = ['bench/memory.mjs', '--markdown'];
  if (flags.plugin) {
    args.push('--plugin', flags.plugin);
  }
  memory = execFileSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
}

// ---------------------------------------------------------------------------------------------
// Report

const version = (name) => {
  try {
    return JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')).version;
  } catch {
    return '?';
  }
};

const out = [];
out.push(`### Machine and versions`, '');
out.push(`- ${execSync('nproc').toString().trim()} CPUs (nproc), ${cpus()[0]?.model ?? '?'}; load average at start: ${loadAtStart}; at end: ${loadavg()}`);
out.push(
  `- Node ${process.version}; eslint ${version('eslint')}; @eslint/js ${version('@eslint/js')}; @typescript-eslint/parser ${version('@typescript-eslint/parser')}; eslint-plugin-security ${version('eslint-plugin-security')}; ${plugin.meta?.name ?? 'agent-guard'} ${plugin.meta?.version ?? '?'}`,
);
out.push(`- ${RUNS} runs per measurement after one warm-up run, medians reported; date ${new Date().toISOString().slice(0, 10)}`, '');
if (summaries.length > 0) {
  out.push('### Verdicts per row', '');
  out.push('| Row | Files | Lines | agent-guard recommended / (a), per-rule, min / median / max | <= 5 % | costliest agent-guard rule | costliest core rule | not slower | wall, per-file minima |');
  out.push('|---|---:|---:|---:|---|---|---|---|---:|');
  for (const s of summaries) {
    out.push(
      `| ${s.row} | ${s.files} | ${s.lines} | ${pct(s.shareMin)} / **${pct(s.share)}** / ${pct(s.shareMax)} | ${s.share <= 0.05 ? 'holds' : '**EXCEEDED**'} | \`${s.oursTopId.replace('agent-guard/', '')}\` ${ms(s.oursTopTime)} ms | \`${s.coreTopId}\` ${ms(s.coreTopTime)} ms | ${s.oursTopTime <= s.coreTopTime ? 'holds' : '**EXCEEDED**'} | ${pct(s.fileMinB)} |`,
    );
  }
  out.push('');
}
if (latency) {
  out.push(...latencyReport(latency));
}
if (memory) {
  out.push(memory.trimEnd(), '');
}
out.push(...sections);
console.log(out.join('\n'));
if (flags.json) {
  writeFileSync(flags.json, `${JSON.stringify({ rows: rawRows, latency, memory }, null, 2)}\n`);
}
