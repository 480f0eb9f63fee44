#!/usr/bin/env node
// Memory: max RSS of linting the whole server row (every package of bench/lib/server-corpus.mjs)
// with (a) @eslint/js recommended and (b) (a) + agent-guard recommended, each in a fresh child
// process, alternating a, b, a, b… (--repeat times each). Measured by `/usr/bin/time -v` when it is
// present (the kernel's peak RSS of the child), else by the child's own
// `process.resourceUsage().maxRSS`. The child keeps every lint message, as `eslint .` keeps its
// results until it prints them. The children also report the CPU time of their lint loop, a
// whole-process cross-check (garbage collection included) of bench.mjs's per-rule share.
//
//   node bench/memory.mjs [--repeat 3] [--plugin dist/index.mjs] [--markdown]
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { measuredByTime, runMeasuredChild } from './lib/child.mjs';
import { loadPlugin, median } from './lib/corpus.mjs';
import { benchConfigs, createBenchLinter } from './lib/lint.mjs';
import { serverRow } from './lib/rows.mjs';
import { ensureServerCorpus } from './lib/server-corpus.mjs';

const { values: flags } = parseArgs({
  options: {
    child: { type: 'string' },
    repeat: { type: 'string', default: '3' },
    plugin: { type: 'string' },
    markdown: { type: 'boolean', default: false },
  },
});

if (flags.child) {
  const plugin = await loadPlugin(flags.plugin);
  const { pluginSet, configs } = benchConfigs(plugin);
  const { linter, configArray } = createBenchLinter(pluginSet);
  const row = serverRow();
  const rules = configs[flags.child].rules;
  const kept = [];
  const started = process.cpuUsage();
  for (const { file, text, languageOptions } of row.files) {
    kept.push({ file, messages: linter.verify(text, configArray(languageOptions, rules), { filename: file }) });
  }
  const used = process.cpuUsage(started);
  const problems = kept.reduce((total, { messages }) => total + messages.length, 0);
  const lines = row.files.reduce((total, { lines: count }) => total + count, 0);
  console.log(JSON.stringify({ files: row.files.length, lines, problems, maxRSSKiB: process.resourceUsage().maxRSS, lintCpuMs: (used.user + used.system) / 1000 }));
  process.exit(0);
}

ensureServerCorpus(); // fetched here, not inside the timed children
const REPEAT = Math.max(1, Number(flags.repeat));
const script = fileURLToPath(import.meta.url);

function child(config) {
  return runMeasuredChild(`bench/memory: child ${config}`, [script, '--child', config, ...(flags.plugin ? ['--plugin', flags.plugin] : [])]);
}

const samples = { a: [], b: [] };
for (let index = 0; index < REPEAT; index += 1) {
  for (const config of ['a', 'b']) {
    samples[config].push(child(config));
    console.error(`bench/memory: ${config} ${index + 1}/${REPEAT} done`);
  }
}

const mib = (kib) => (kib / 1024).toFixed(1);
const least = (config) => Math.min(...samples[config].map(({ maxKiB }) => maxKiB));
const middle = (config) => median(samples[config].map(({ maxKiB }) => maxKiB));
const [a, b] = [least('a'), least('b')];
const [aMedian, bMedian] = [middle('a'), middle('b')];
const cpuMedian = (config) => median(samples[config].map(({ lintCpuMs }) => lintCpuMs));
const { files, lines } = samples.a[0];
const out = [
  '### Memory: max RSS of linting the server row, fresh child process per run',
  '',
  `- ${files} files, ${lines} lines (every server package together); measured with ${measuredByTime ? '`/usr/bin/time -v` (Maximum resident set size)' : '`process.resourceUsage().maxRSS` in the child'}; ${REPEAT} child process(es) per config, alternating; load average after: ${readFileSync('/proc/loadavg', 'utf8').trim()}.`,
  '',
  '| Config | max RSS per run, MiB | least, MiB | median, MiB | lint messages kept |',
  '|---|---:|---:|---:|---:|',
  `| (a) @eslint/js recommended | ${samples.a.map(({ maxKiB }) => mib(maxKiB)).join(', ')} | ${mib(a)} | ${mib(aMedian)} | ${samples.a[0].problems} |`,
  `| (b) (a) + agent-guard recommended | ${samples.b.map(({ maxKiB }) => mib(maxKiB)).join(', ')} | ${mib(b)} | ${mib(bMedian)} | ${samples.b[0].problems} |`,
  '',
  `- The plugin adds ${mib(b - a)} MiB, ${(((b - a) / a) * 100).toFixed(1)} % of (a)'s max RSS (least of each); by the medians ${mib(bMedian - aMedian)} MiB, ${(((bMedian - aMedian) / aMedian) * 100).toFixed(1)} %.`,
  `- Alongside, the CPU time of the same children's lint loop (\`process.cpuUsage\`, every thread, so garbage collection too; one cold pass each, no warm-up), median: (a) ${(cpuMedian('a') / 1000).toFixed(1)} s, (b) ${(cpuMedian('b') / 1000).toFixed(1)} s, +${(((cpuMedian('b') - cpuMedian('a')) / cpuMedian('a')) * 100).toFixed(1)} %: a whole-process cross-check of the per-rule share, which counts only the time inside the rules' listeners.`,
  "- Peak RSS depends on when V8's collector runs; on a loaded machine its concurrent marking falls behind and the heap of one run can balloon (an outlier of 842 MiB for (b) was seen once), so read the least and the median, not one run.",
  '',
];
console.log(flags.markdown ? out.join('\n') : JSON.stringify({ samples, addedKiB: b - a, addedShare: (b - a) / a, addedMedianKiB: bMedian - aMedian }, null, 2));
