#!/usr/bin/env node
// Where the plugin's time goes by outcome, and the lowest share a rule-level gate could reach.
//
// For one bench row, lints every file once with (b) (@eslint/js recommended + agent-guard
// recommended) to learn which agent-guard rules report in which files, then runs --runs passes
// with ESLint's per-rule stats, as bench.mjs does, twice:
//
// - as shipped: each rule's time split into files where it reports and files where it does not;
// - the floor: each rule created only in the files where it reports (`create` answers `{}`
//   elsewhere). No real rule can know that for free; the floor is what an ideal "nothing to report
//   here" test, costing nothing, would leave, so it bounds what gating rules by file can win.
//
// The share is bench.mjs's: the summed agent-guard rule time over the rest of the same pass.
//
//   node bench/floor.mjs [--row server] [--runs 3] [--plugin dist/index.cjs]
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';

import { loadPlugin, median } from './lib/corpus.mjs';
import { benchConfigs, createBenchLinter } from './lib/lint.mjs';
import { loadRow, ROW_IDS } from './lib/rows.mjs';

const { values: flags } = parseArgs({
  options: {
    row: { type: 'string', default: 'server' },
    runs: { type: 'string', default: '3' },
    plugin: { type: 'string', default: 'dist/index.cjs' },
  },
});
if (!ROW_IDS.includes(flags.row)) {
  throw new Error(`--row must be one of ${ROW_IDS.join(', ')}`);
}
const runs = Math.max(1, Number.parseInt(flags.runs, 10) || 3);

const plugin = await loadPlugin(flags.plugin);
const ours = Object.keys(plugin.configs.recommended.rules);
const { pluginSet, configs } = benchConfigs(plugin);
const rules = configs.b.rules;
const { linter, configArray } = createBenchLinter(pluginSet);
const row = await loadRow(flags.row);

/** Per file, the agent-guard rules that report there (ids without the plugin prefix). */
const reporting = new Map();
for (const { file, text, languageOptions } of row.files) {
  const messages = linter.verify(text, configArray(languageOptions, rules), { filename: file });
  reporting.set(file, new Set(messages.filter((m) => m.ruleId?.startsWith('agent-guard/')).map((m) => m.ruleId.slice('agent-guard/'.length))));
}

/** One stats pass: per rule, its time in files where it reports and elsewhere; and the share. */
function pass() {
  const where = { reports: {}, silent: {} };
  let oursTotal = 0;
  const started = performance.now();
  for (const { file, text, languageOptions } of row.files) {
    linter.verifyAndFix(text, configArray(languageOptions, rules), { filename: file, stats: true, fix: false });
    for (const { rules: times = {} } of linter.getTimes().passes) {
      for (const id of ours) {
        const total = times[id]?.total ?? 0;
        const bucket = reporting.get(file).has(id.slice('agent-guard/'.length)) ? where.reports : where.silent;
        bucket[id] = (bucket[id] ?? 0) + total;
        oursTotal += total;
      }
    }
  }
  return { where, share: oursTotal / (performance.now() - started - oursTotal) };
}

function measure() {
  pass(); // warm-up
  const results = Array.from({ length: runs }, pass);
  const med = (pick) => median(results.map(pick));
  return {
    share: med((r) => r.share),
    perRule: ours.map((id) => ({ id, reports: med((r) => r.where.reports[id] ?? 0), silent: med((r) => r.where.silent[id] ?? 0) })),
  };
}

const shipped = measure();
for (const [name, rule] of Object.entries(plugin.rules)) {
  const create = rule.create;
  rule.create = (context) => (reporting.get(context.filename)?.has(name) ? create(context) : {});
}
const floor = measure();

const ms = (value) => value.toFixed(1);
const pct = (value) => `${(value * 100).toFixed(1)} %`;
const files = (id) => [...reporting.values()].filter((set) => set.has(id.slice('agent-guard/'.length))).length;
console.log(`Row \`${flags.row}\`: ${row.files.length} files, ${runs} stats passes after a warm-up, medians (load ${loadavg()[0].toFixed(1)}).\n`);
console.log('| rule | files where it reports | ms there | ms in the other files | floor (only where it reports) |');
console.log('|---|---:|---:|---:|---:|');
for (const [i, { id, reports, silent }] of shipped.perRule.entries()) {
  console.log(`| \`${id.slice('agent-guard/'.length)}\` | ${files(id)} | ${ms(reports)} | ${ms(silent)} | ${ms(floor.perRule[i].reports)} |`);
}
const sum = (list, key) => list.reduce((total, item) => total + item[key], 0);
console.log(`| **all** | | ${ms(sum(shipped.perRule, 'reports'))} | ${ms(sum(shipped.perRule, 'silent'))} | ${ms(sum(floor.perRule, 'reports'))} |`);
console.log(`\nShare of (a): as shipped ${pct(shipped.share)}; floor ${pct(floor.share)} (budget 5 %).`);
