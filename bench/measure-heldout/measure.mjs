#!/usr/bin/env node
// Precision on repositories the rules were never tuned on, against the hand judgements in
// judgements.tsv (one line per finding of the frozen build the judgements were made on).
//
//   node bench/measure-heldout/measure.mjs [--cli dist/cli.cjs] [--repos /tmp/heldout] [--judgements judgements.tsv]
//
// `--judgements` names another set judged the same way (bench/measure-nextjs/judgements.tsv).
//
// Each repository is expected as a plain work tree at <repos>/<owner>+<name> at the commit listed
// in README.md. The `agent-guard` command runs there with its defaults (recommended config, zero
// configuration), on the scope README.md gives; every finding is matched to a judgement by rule,
// file and line. Judged findings that are gone count as gone; findings no judgement covers are
// listed as unjudged (a change made the rules find something new: judge it by hand).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const HERE = dirname(fileURLToPath(import.meta.url));
const { values: flags } = parseArgs({
  options: {
    cli: { type: 'string', default: 'dist/cli.cjs' },
    repos: { type: 'string', default: '/tmp/heldout' },
    judgements: { type: 'string', default: join(HERE, 'judgements.tsv') },
    // Print the judged findings of this rule that are still reported, with their verdict and reason.
    list: { type: 'string' },
  },
});
const cli = resolve(flags.cli);
/** What was checked of the two largest repositories (the rest: the whole work tree). */
const SCOPES = { 'hedgedoc+hedgedoc': ['backend'], 'Dokploy+dokploy': ['packages/server', 'apps/dokploy/server', 'apps/dokploy/pages/api'] };

const judgements = readFileSync(resolve(flags.judgements), 'utf8').trim().split('\n').slice(1).map((line) => {
  const [rule, repo, location, verdict, reason] = line.split('\t');
  return { rule, repo, location, verdict, reason };
});
const repos = [...new Set(judgements.map((j) => j.repo))].sort();
const out = mkdtempSync(join(tmpdir(), 'agent-guard-heldout-'));
const found = new Set();
try {
  for (const repo of repos) {
    const root = join(flags.repos, repo);
    if (!existsSync(root)) {
      console.error(`measure-heldout: ${root} is missing (see README.md); its judgements count as gone`);
      continue;
    }
    const report = join(out, `${repo}.json`);
    try {
      execFileSync(process.execPath, [cli, '-f', 'json', '-o', report, ...(SCOPES[repo] ?? ['.'])], { cwd: root, stdio: 'ignore' });
    } catch {
      // Exit code 1: there are findings.
    }
    for (const result of JSON.parse(readFileSync(report, 'utf8'))) {
      for (const message of result.messages) {
        if (message.ruleId?.startsWith('agent-guard/')) {
          found.add(`${message.ruleId.slice('agent-guard/'.length)}\t${repo}\t${relative(root, result.filePath)}:${message.line}`);
        }
      }
    }
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}

const judged = new Set(judgements.map((j) => `${j.rule}\t${j.repo}\t${j.location}`));
const rows = new Map();
for (const j of judgements) {
  const row = rows.get(j.rule) ?? { TP: 0, FP: 0, unsure: 0, gone: { TP: 0, FP: 0, unsure: 0 }, unjudged: 0 };
  rows.set(j.rule, row);
  if (found.has(`${j.rule}\t${j.repo}\t${j.location}`)) {
    row[j.verdict] += 1;
  } else {
    row.gone[j.verdict] += 1;
  }
}
const unjudged = [...found].filter((key) => !judged.has(key)).sort();
for (const key of unjudged) {
  const rule = key.split('\t')[0];
  const row = rows.get(rule) ?? { TP: 0, FP: 0, unsure: 0, gone: { TP: 0, FP: 0, unsure: 0 }, unjudged: 0 };
  rows.set(rule, row);
  row.unjudged += 1;
}
const pct = (tp, fp) => (tp + fp === 0 ? 'n/a' : `${((100 * tp) / (tp + fp)).toFixed(1)} %`);
console.log('| rule | TP | FP | unsure | precision | gone (TP / FP) | unjudged |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
let tp = 0;
let fp = 0;
for (const [rule, row] of [...rows].sort()) {
  tp += row.TP;
  fp += row.FP;
  console.log(`| \`${rule}\` | ${row.TP} | ${row.FP} | ${row.unsure} | ${pct(row.TP, row.FP)} | ${row.gone.TP} / ${row.gone.FP} | ${row.unjudged} |`);
}
console.log(`| **all** | ${tp} | ${fp} | | **${pct(tp, fp)}** | | ${unjudged.length} |`);
if (unjudged.length > 0) {
  console.log('\nUnjudged findings (judge them by hand and add them to judgements.tsv):');
  for (const key of unjudged) {
    console.log(`- ${key.replaceAll('\t', ' ')}`);
  }
}
if (flags.list) {
  console.log(`\nJudged \`${flags.list}\` findings still reported:`);
  for (const j of judgements) {
    if (j.rule === flags.list && found.has(`${j.rule}\t${j.repo}\t${j.location}`)) {
      console.log(`- ${j.verdict} ${j.repo} ${j.location}: ${j.reason ?? ''}`);
    }
  }
}
