#!/usr/bin/env node
// Measures agent-guard/no-hardcoded-secrets (issue #17) against the hand-labelled ground truth in
// labels.json, and counts its findings per 1,000 lines on the real server corpus of bench/corpus.
//
//   node bench/measure-secrets/measure.mjs [--plugin dist/index.cjs] [--repos /tmp/measure-secrets]
//        [--rule agent-guard/no-hardcoded-secrets] [--modes recommended,strict] [--only a+b,c+d]
//        [--no-server] [--server-only] [--json out.json] [--write]
//
// Each labelled repository is expected as a plain work tree at <repos>/<owner>+<repo> (README.md
// says how to recreate them from the recorded commits). Files are chosen like bench/measure does
// (scope include/exclude globs, plus labels.json's defaultExclude) and parsed like bench/bench.mjs
// does (bench/lib/corpus.mjs: espree for JS, @typescript-eslint/parser for TS, sourceType from the
// extension or a look for top-level ESM syntax). Each file is linted with ESLint's Linter, `cwd` set
// to the checkout (the rule resolves imports across files from there), with only the measured rule
// on: once with the options it has in the plugin's `recommended` config, once with `strict`'s.
//
// Scoring, per mode. A finding's category comes from its messageId (secretInSink/fallbackSecret: A,
// providerToken: B, genericSecret: C, clientExposedSecret: D; anything else: "?"). A finding
// matches a labelled entry when it is on the entry's line (through `endLine`) or on one of its
// `alsoAt` lines, and its category is the entry's or one of the entry's `overlaps`.
// - TP: labelled entries with at least one matching finding (a defect reported twice counts once);
// - FN: labelled entries with none;
// - FP: findings that match no entry of their category, no `neutral` place and no entry of another
//   category (those are listed as cross-category, not counted).
// The recommended pass is scored on A (without `strictOnly` entries), B and D; the strict pass on A,
// B, C and D. Findings on entries outside the pass's scope (a strict-only entry reported by the
// recommended pass) are listed, not counted. Recall is also given for A without the sinks the spec's
// list does not name (`sinkInSpec: false`), and split by whether the flow crosses files.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { SERVER_PACKAGES, serverPackageFiles, serverPackageLabel, serverPackageRoot } from '../lib/server-corpus.mjs';
import { lintFiles as lintCheckout, lintLabelledCheckouts, onPlace, pct, pluginLabel, scopeFiles } from '../lib/checkouts.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const MAIN = resolve(HERE, '..', '..');
const DEFAULT_RULE = 'agent-guard/no-hardcoded-secrets';
const CATEGORY_OF = {
  secretInSink: 'A',
  fallbackSecret: 'A',
  providerToken: 'B',
  genericSecret: 'C',
  clientExposedSecret: 'D',
};
const CATEGORIES = ['A', 'B', 'C', 'D'];
const SCORED = { recommended: ['A', 'B', 'D'], strict: ['A', 'B', 'C', 'D'] };

function parseArgs(argv) {
  const args = {
    plugin: join(MAIN, 'dist', 'index.cjs'),
    repos: '/tmp/measure-secrets',
    rule: DEFAULT_RULE,
    modes: ['recommended', 'strict'],
    only: null,
    server: true,
    labelled: true,
    json: null,
    write: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--plugin') args.plugin = argv[++i];
    else if (a === '--repos') args.repos = argv[++i];
    else if (a === '--rule') args.rule = argv[++i];
    else if (a === '--modes') args.modes = argv[++i].split(',');
    else if (a === '--only') args.only = new Set(argv[++i].split(','));
    else if (a === '--no-server') args.server = false;
    else if (a === '--server-only') args.labelled = false;
    else if (a === '--json') args.json = argv[++i];
    else if (a === '--write') args.write = true;
    else if (a === '--help' || a === '-h') {
      console.log(
        'usage: node bench/measure-secrets/measure.mjs [--plugin dist/index.cjs] [--repos /tmp/measure-secrets] [--rule id] [--modes recommended,strict] [--only a+b] [--no-server] [--server-only] [--json out] [--write]',
      );
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  for (const m of args.modes) if (!SCORED[m]) throw new Error(`unknown mode ${m}`);
  if (args.write && args.rule !== DEFAULT_RULE) throw new Error('--write is only for the measured rule, not a stand-in');
  return args;
}

/** The rule's severity and options in one of the plugin's configs; `'error'` when the config lacks it. */
function ruleSetting(plugin, mode, rule) {
  const setting = plugin.configs?.[mode]?.rules?.[rule];
  if (setting === undefined || setting === 'off' || setting === 0) return 'error';
  return setting;
}

/** The rule's findings in `files`, each with the category its messageId scores in. */
function lintFiles(plugin, rule, setting, cwd, files) {
  const run = lintCheckout(plugin, { [rule]: setting }, cwd, files);
  return { ...run, findings: run.findings.map(({ ruleId: _ruleId, ...f }) => ({ ...f, category: CATEGORY_OF[f.messageId] ?? '?' })) };
}

function catches(entry, f) {
  return (f.category === entry.category || (entry.overlaps ?? []).includes(f.category)) && onPlace(entry, f);
}
function inScope(entry, mode) {
  return SCORED[mode].includes(entry.category) && !(mode === 'recommended' && entry.strictOnly);
}

/** Scores one repository's findings of one mode against its labels. */
function score(truth, findings, mode) {
  const entries = truth.entries.map((e) => {
    const by = findings.filter((f) => catches(e, f));
    return { ...e, caught: by.length > 0, by: by.map((f) => `${f.messageId}@${f.line}`), scored: inScope(e, mode) };
  });
  const fp = [];
  const cross = [];
  const neutral = [];
  const outOfScope = [];
  for (const f of findings) {
    const own = entries.filter((e) => catches(e, f));
    if (own.some((e) => e.scored)) continue;
    if (own.length > 0) outOfScope.push({ ...f, entry: own[0].id });
    else if ((truth.neutral ?? []).some((n) => onPlace(n, f))) neutral.push({ ...f, why: truth.neutral.find((n) => onPlace(n, f)).why });
    else if (truth.entries.some((e) => onPlace(e, f))) cross.push({ ...f, entry: truth.entries.find((e) => onPlace(e, f)).id });
    else fp.push(f);
  }
  return { entries, fp, cross, neutral, outOfScope };
}

function mask(s) {
  // Never echo a long token-like run (a provider key in the corpus would otherwise land in a log).
  // Env names (upper case, underscores) stay readable.
  return s.replace(/[A-Za-z0-9_+/=.-]{24,}/gu, (m) => (/^[A-Z0-9_.]+$/u.test(m) ? m : `${m.slice(0, 4)}…(${m.length})`));
}

function snippet(root, f) {
  try {
    const line = readFileSync(join(root, f.file), 'utf8').split('\n')[f.line - 1] ?? '';
    return mask(line.trim()).slice(0, 110);
  } catch {
    return '';
  }
}

function totals(perRepo, mode) {
  const t = Object.fromEntries([...CATEGORIES, '?'].map((c) => [c, { tp: 0, fn: 0, fp: 0, findings: 0 }]));
  const extra = { aInSpec: { tp: 0, fn: 0 }, aCross: { tp: 0, fn: 0 }, aSame: { tp: 0, fn: 0 }, bTest: { tp: 0, fn: 0 } };
  for (const r of perRepo) {
    const s = r.modes[mode];
    for (const f of s.findings) t[f.category].findings++;
    for (const e of s.entries.filter((x) => x.scored)) {
      t[e.category][e.caught ? 'tp' : 'fn']++;
      if (e.category === 'A') {
        if (e.sinkInSpec !== false) extra.aInSpec[e.caught ? 'tp' : 'fn']++;
        extra[e.crossFile ? 'aCross' : 'aSame'][e.caught ? 'tp' : 'fn']++;
      }
    }
    for (const f of s.fp) t[f.category].fp++;
  }
  const all = { tp: 0, fn: 0, fp: 0, findings: 0 };
  for (const c of [...CATEGORIES, '?']) for (const k of Object.keys(all)) all[k] += t[c][k];
  return { byCategory: t, all, extra };
}

function printRepo(r, mode) {
  const s = r.modes[mode];
  const scored = s.entries.filter((e) => e.scored);
  const tp = scored.filter((e) => e.caught).length;
  console.log(`  [${mode}] findings ${s.findings.length}, TP ${tp}, FN ${scored.length - tp}, FP ${s.fp.length}` + (s.cross.length ? `, cross-category ${s.cross.length}` : '') + (s.neutral.length ? `, on neutral places ${s.neutral.length}` : '') + (s.outOfScope.length ? `, on out-of-mode entries ${s.outOfScope.length}` : ''));
  for (const e of scored.filter((x) => !x.caught)) console.log(`    FN ${e.category} ${e.id} ${e.file}:${e.line}${e.crossFile ? ' (cross-file)' : ''}${e.sinkInSpec === false ? ' (sink not in spec list)' : ''}: ${e.what}`);
  for (const f of s.fp) console.log(`    FP ${f.category} ${f.file}:${f.line}:${f.column} ${f.messageId}: ${mask(f.message).slice(0, 160)}\n         | ${snippet(r.root, f)}`);
  for (const f of s.cross) console.log(`    cross ${f.category} ${f.file}:${f.line} ${f.messageId} on entry ${f.entry}`);
  for (const f of s.neutral) console.log(`    neutral ${f.category} ${f.file}:${f.line} ${f.messageId} (${f.why.slice(0, 90)})`);
  for (const f of s.outOfScope) console.log(`    out-of-mode ${f.category} ${f.file}:${f.line} ${f.messageId} on entry ${f.entry}`);
}

function printTotals(t, mode) {
  console.log(`\n## ${mode}: per category (labelled repositories)`);
  console.log('| category | labelled | findings | TP | FP | FN | precision | recall |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const c of [...CATEGORIES, '?']) {
    const x = t.byCategory[c];
    if (x.tp + x.fn + x.findings === 0) continue;
    const scored = SCORED[mode].includes(c);
    console.log(`| ${c}${scored ? '' : ' (not scored in this mode)'} | ${x.tp + x.fn} | ${x.findings} | ${x.tp} | ${x.fp} | ${x.fn} | ${pct(x.tp, x.tp + x.fp)} | ${pct(x.tp, x.tp + x.fn)} |`);
  }
  const a = t.all;
  console.log(`| **all** | ${a.tp + a.fn} | ${a.findings} | ${a.tp} | ${a.fp} | ${a.fn} | ${pct(a.tp, a.tp + a.fp)} | ${pct(a.tp, a.tp + a.fn)} |`);
  const e = t.extra;
  console.log(`A recall, sinks named by the spec only: ${e.aInSpec.tp}/${e.aInSpec.tp + e.aInSpec.fn} (${pct(e.aInSpec.tp, e.aInSpec.tp + e.aInSpec.fn)}); same-file flows ${e.aSame.tp}/${e.aSame.tp + e.aSame.fn}; cross-file flows ${e.aCross.tp}/${e.aCross.tp + e.aCross.fn}`);
}

function lintRepo(truth, root, plugin, args, defaultExclude) {
  const files = scopeFiles(root, truth.scope, defaultExclude).map((f) => join(root, f));
  const out = { name: truth.name, repo: truth.repo, commit: truth.commit, root, modes: {} };
  for (const mode of args.modes) {
    const t0 = performance.now();
    const run = lintFiles(plugin, args.rule, ruleSetting(plugin, mode, args.rule), root, files);
    out.files = run.files;
    out.lines = run.lines;
    out.fatal = run.fatal;
    out.modes[mode] = { ...score(truth, run.findings, mode), findings: run.findings, seconds: (performance.now() - t0) / 1000 };
  }
  return out;
}

function lintServer(plugin, args) {
  const rows = [];
  for (const pkg of SERVER_PACKAGES) {
    const root = serverPackageRoot(pkg);
    if (!existsSync(root)) {
      console.log(`\n## ${serverPackageLabel(pkg)}: not in bench/corpus (run \`node bench/bench.mjs\` once, or see bench/lib/server-corpus.mjs), skipped`);
      continue;
    }
    const files = serverPackageFiles(pkg)
      .filter((f) => f.skip === null)
      .map((f) => f.file);
    const row = { label: serverPackageLabel(pkg), root, modes: {} };
    for (const mode of args.modes) {
      const run = lintFiles(plugin, args.rule, ruleSetting(plugin, mode, args.rule), root, files);
      row.files = run.files;
      row.lines = run.lines;
      row.fatal = run.fatal;
      row.modes[mode] = run.findings;
    }
    rows.push(row);
  }
  return rows;
}

function markdown(args, plugin, perRepo, server, labels) {
  const out = [];
  const date = new Date().toISOString();
  out.push('<!-- generated by bench/measure-secrets/measure.mjs --write; the hand-written review is in README.md -->');
  out.push(`# no-hardcoded-secrets: measured results\n`);
  out.push(`Run ${date}, plugin \`${pluginLabel(args.plugin, MAIN)}\`, rule \`${args.rule}\`, modes ${args.modes.join(', ')}.`);
  out.push(`Options: recommended \`${JSON.stringify(ruleSetting(plugin, 'recommended', args.rule))}\`, strict \`${JSON.stringify(ruleSetting(plugin, 'strict', args.rule))}\`.\n`);
  for (const mode of args.modes) {
    const t = totals(perRepo, mode);
    out.push(`## ${mode}: precision and recall per category\n`);
    out.push('| category | labelled | findings | TP | FP | FN | precision | recall |');
    out.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const c of [...CATEGORIES, '?']) {
      const x = t.byCategory[c];
      if (x.tp + x.fn + x.findings === 0) continue;
      out.push(`| ${c}${SCORED[mode].includes(c) ? '' : ' (not scored)'} | ${x.tp + x.fn} | ${x.findings} | ${x.tp} | ${x.fp} | ${x.fn} | ${pct(x.tp, x.tp + x.fp)} | ${pct(x.tp, x.tp + x.fn)} |`);
    }
    const a = t.all;
    out.push(`| **all** | ${a.tp + a.fn} | ${a.findings} | ${a.tp} | ${a.fp} | ${a.fn} | ${pct(a.tp, a.tp + a.fp)} | ${pct(a.tp, a.tp + a.fn)} |\n`);
    const e = t.extra;
    out.push(`A recall on sinks the spec names: ${e.aInSpec.tp}/${e.aInSpec.tp + e.aInSpec.fn} (${pct(e.aInSpec.tp, e.aInSpec.tp + e.aInSpec.fn)}); same-file flows ${e.aSame.tp}/${e.aSame.tp + e.aSame.fn}, cross-file flows ${e.aCross.tp}/${e.aCross.tp + e.aCross.fn}.\n`);
    out.push(`### ${mode}: per repository\n`);
    out.push('| repository | commit | files | lines | findings | TP | FP | FN | false negatives / false positives |');
    out.push('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
    for (const r of perRepo) {
      const s = r.modes[mode];
      const scored = s.entries.filter((x) => x.scored);
      const tp = scored.filter((x) => x.caught).length;
      const notes = [
        ...scored.filter((x) => !x.caught).map((x) => `FN ${x.category} \`${x.file}:${x.line}\` ${x.id}`),
        ...s.fp.map((f) => `FP ${f.category} \`${f.file}:${f.line}\` ${f.messageId}`),
        ...s.neutral.map((f) => `neutral \`${f.file}:${f.line}\` ${f.messageId}`),
        ...s.cross.map((f) => `cross-category ${f.category} \`${f.file}:${f.line}\``),
        ...s.outOfScope.map((f) => `out-of-mode \`${f.file}:${f.line}\` ${f.entry}`),
      ];
      out.push(`| ${r.repo} | \`${r.commit.slice(0, 12)}\` | ${r.files} | ${r.lines} | ${s.findings.length} | ${tp} | ${s.fp.length} | ${scored.length - tp} | ${notes.join('; ') || ''} |`);
    }
    out.push('');
  }
  if (server.length) {
    out.push('## Findings per 1,000 lines on the server corpus (bench/corpus, no labels)\n');
    out.push(`| package | files | lines | ${args.modes.map((m) => `${m} findings | per 1,000 lines`).join(' | ')} |`);
    out.push(`| --- | ---: | ---: | ${args.modes.map(() => '---: | ---:').join(' | ')} |`);
    let files = 0;
    let lines = 0;
    const sums = Object.fromEntries(args.modes.map((m) => [m, 0]));
    for (const row of server) {
      files += row.files;
      lines += row.lines;
      for (const m of args.modes) sums[m] += row.modes[m].length;
      out.push(`| ${row.label} | ${row.files} | ${row.lines} | ${args.modes.map((m) => `${row.modes[m].length} | ${((1000 * row.modes[m].length) / row.lines).toFixed(3)}`).join(' | ')} |`);
    }
    out.push(`| **total** | ${files} | ${lines} | ${args.modes.map((m) => `${sums[m]} | ${((1000 * sums[m]) / lines).toFixed(3)}`).join(' | ')} |\n`);
    const any = server.some((row) => args.modes.some((m) => row.modes[m].length > 0));
    out.push(any ? 'Every finding (file relative to the package root, messageId, message):\n' : 'No finding in either mode.');
    for (const row of server) {
      for (const m of args.modes) {
        for (const f of row.modes[m]) out.push(`- ${m}: ${row.label} \`${f.file}:${f.line}\` ${f.messageId}: ${mask(f.message).slice(0, 200)}`);
      }
    }
    out.push('');
  }
  out.push(`Ground truth: labels.json (${labels.repos.length} repositories). See README.md for the material, how it was labelled, and the review of every FP and FN.`);
  return out.join('\n') + '\n';
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const plugin = createRequire(import.meta.url)(resolve(args.plugin));
  const pluginRules = Object.keys(plugin.rules ?? {}).map((r) => `agent-guard/${r}`);
  if (!pluginRules.includes(args.rule)) throw new Error(`${args.plugin} has no rule ${args.rule} (it has ${pluginRules.join(', ')})`);
  console.log(`plugin ${pluginLabel(args.plugin, MAIN).replaceAll('`', '')}`);
  for (const mode of args.modes) console.log(`${mode}: ${args.rule} = ${JSON.stringify(ruleSetting(plugin, mode, args.rule))}${plugin.configs?.[mode]?.rules?.[args.rule] === undefined ? ' (not in the config: forced on)' : ''}`);
  const labels = JSON.parse(readFileSync(join(HERE, 'labels.json'), 'utf8'));
  let perRepo = [];
  if (args.labelled) {
    perRepo = lintLabelledCheckouts(labels, args, plugin, lintRepo, (r) => {
      for (const mode of args.modes) printRepo(r, mode);
    });
    for (const mode of args.modes) printTotals(totals(perRepo, mode), mode);
  }
  let server = [];
  if (args.server) {
    server = lintServer(plugin, args);
    if (server.length) {
      console.log('\n## server corpus: findings per 1,000 lines');
      for (const row of server) {
        console.log(`  ${row.label}: ${row.files} files, ${row.lines} lines; ${args.modes.map((m) => `${m} ${row.modes[m].length} (${((1000 * row.modes[m].length) / row.lines).toFixed(3)} / kloc)`).join(', ')}`);
        if (row.fatal.length) console.log(`    parse errors: ${row.fatal.length} (${row.fatal.slice(0, 3).map((f) => `${f.file}:${f.line} ${f.message}`).join('; ')})`);
        for (const m of args.modes) for (const f of row.modes[m]) console.log(`    ${m} ${f.file}:${f.line}:${f.column} ${f.messageId}: ${mask(f.message).slice(0, 150)}\n         | ${snippet(row.root, f)}`);
      }
      const lines = server.reduce((n, r) => n + r.lines, 0);
      for (const m of args.modes) {
        const n = server.reduce((k, r) => k + r.modes[m].length, 0);
        console.log(`  total ${m}: ${n} findings in ${lines} lines = ${((1000 * n) / lines).toFixed(3)} per 1,000 lines`);
      }
    }
  }
  if (args.json) writeFileSync(args.json, JSON.stringify({ plugin: pluginLabel(args.plugin, MAIN), rule: args.rule, date: new Date().toISOString(), repos: perRepo, server }, null, 2));
  if (args.write) {
    writeFileSync(join(HERE, 'RESULTS.md'), markdown(args, plugin, perRepo, server, labels));
    console.log(`\nwrote ${relative(process.cwd(), join(HERE, 'RESULTS.md'))}`);
  }
}

await main();
