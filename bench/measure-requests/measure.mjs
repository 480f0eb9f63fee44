#!/usr/bin/env node
// Measures agent-guard/no-ssrf and agent-guard/no-command-injection (issue #18) against the
// hand-labelled ground truth in labels.json, and counts their findings per 1,000 lines on the real
// server corpus of bench/corpus.
//
//   node bench/measure-requests/measure.mjs [--plugin dist/index.cjs] [--repos /tmp/measure-requests]
//        [--modes recommended,strict] [--only a+b,c+d] [--no-server] [--server-only] [--json out.json] [--write]
//
// Same structure as bench/measure-secrets/measure.mjs (which runs on import, so its helpers are not
// importable): each labelled repository is a plain work tree at <repos>/<owner>+<repo> (README.md
// says how to recreate them); files are chosen by the repository's scope globs plus labels.json's
// defaultExclude, parsed as bench/bench.mjs parses them (bench/lib/corpus.mjs; JSX on for JS), and
// linted with ESLint's Linter, `cwd` set to the checkout, with only the two measured rules on: once
// with the options they have in the plugin's `recommended` config, once with `strict`'s.
//
// Scoring, per mode. A finding's category comes from its messageId:
//   no-ssrf               requestControlledHost, falseConfidenceCheck: S; requestControlledPath: P;
//                         followsRedirects: R
//   no-command-injection  requestCommand, requestCommandFalseConfidence, wrapperCommand,
//                         wrapperCommandFalseConfidence, requestShellArgs, requestProgram: C;
//                         requestCode, wrapperCode: E
// A finding matches an entry when it is on the entry's line (through `endLine`) or one of its
// `alsoAt` lines and has the entry's category.
// - TP: scored entries with at least one matching finding (a defect reported twice counts once);
// - FN: scored entries with none;
// - FP: findings matching no entry and no `neutral` place. A finding on an entry's line with another
//   category (a path-only entry reported as host-controlled, say) is an FP too, listed as
//   "misclassified".
// Recommended scores S, C, E; strict scores S, P, R, C, E. Findings on entries the mode does not
// score are listed as out-of-mode, not counted. Recall is also given without `outOfSpec` entries
// (sinks or sources the spec does not name), split into same-file and cross-file flows, and given for
// entries in handlers registered in another module (`handlerElsewhere`).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { SERVER_PACKAGES, serverPackageFiles, serverPackageLabel, serverPackageRoot } from '../lib/server-corpus.mjs';
import { lintFiles as lintCheckout, lintLabelledCheckouts, onPlace, pct, pluginLabel, scopeFiles } from '../lib/checkouts.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const MAIN = resolve(HERE, '..', '..');
const RULES = ['agent-guard/no-ssrf', 'agent-guard/no-command-injection'];
const CATEGORY_OF = {
  requestControlledHost: 'S',
  falseConfidenceCheck: 'S',
  requestControlledPath: 'P',
  wrapperControlledHost: 'S',
  wrapperFalseConfidenceCheck: 'S',
  wrapperControlledPath: 'P',
  followsRedirects: 'R',
  requestCommand: 'C',
  requestCommandFalseConfidence: 'C',
  wrapperCommand: 'C',
  wrapperCommandFalseConfidence: 'C',
  requestShellArgs: 'C',
  requestProgram: 'C',
  requestCode: 'E',
  wrapperCode: 'E',
};
const CATEGORIES = ['S', 'P', 'R', 'C', 'E'];
const RULE_OF = { S: 'no-ssrf', P: 'no-ssrf', R: 'no-ssrf', C: 'no-command-injection', E: 'no-command-injection', '?': '?' };
const SCORED = { recommended: ['S', 'C', 'E'], strict: ['S', 'P', 'R', 'C', 'E'] };

function parseArgs(argv) {
  const args = { plugin: join(MAIN, 'dist', 'index.cjs'), repos: '/tmp/measure-requests', modes: ['recommended', 'strict'], only: null, server: true, labelled: true, json: null, write: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--plugin') args.plugin = argv[++i];
    else if (a === '--repos') args.repos = argv[++i];
    else if (a === '--modes') args.modes = argv[++i].split(',');
    else if (a === '--only') args.only = new Set(argv[++i].split(','));
    else if (a === '--no-server') args.server = false;
    else if (a === '--server-only') args.labelled = false;
    else if (a === '--json') args.json = argv[++i];
    else if (a === '--write') args.write = true;
    else if (a === '--help' || a === '-h') {
      console.log('usage: node bench/measure-requests/measure.mjs [--plugin dist/index.cjs] [--repos /tmp/measure-requests] [--modes recommended,strict] [--only a+b] [--no-server] [--server-only] [--json out] [--write]');
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  for (const m of args.modes) if (!SCORED[m]) throw new Error(`unknown mode ${m}`);
  return args;
}

/** Each measured rule's severity and options in one of the plugin's configs (`'error'` when absent). */
function ruleSettings(plugin, mode) {
  return Object.fromEntries(
    RULES.map((rule) => {
      const setting = plugin.configs?.[mode]?.rules?.[rule];
      return [rule, setting === undefined || setting === 'off' || setting === 0 ? 'error' : setting];
    }),
  );
}

/** The measured rules' findings in `files`, each with its rule's short name and the category its messageId scores in. */
function lintFiles(plugin, rules, cwd, files) {
  const run = lintCheckout(plugin, rules, cwd, files);
  return { ...run, findings: run.findings.map(({ ruleId, ...f }) => ({ file: f.file, line: f.line, column: f.column, rule: ruleId.replace('agent-guard/', ''), messageId: f.messageId, category: CATEGORY_OF[f.messageId] ?? '?', message: f.message })) };
}

function score(truth, findings, mode) {
  const entries = truth.entries.map((e) => {
    const by = findings.filter((f) => f.category === e.category && onPlace(e, f));
    return { ...e, caught: by.length > 0, by: by.map((f) => `${f.messageId}@${f.line}`), scored: SCORED[mode].includes(e.category) };
  });
  const fp = [];
  const neutral = [];
  const outOfScope = [];
  for (const f of findings) {
    const own = entries.filter((e) => e.category === f.category && onPlace(e, f));
    if (own.some((e) => e.scored)) continue;
    if (own.length > 0) outOfScope.push({ ...f, entry: own[0].id });
    else if ((truth.neutral ?? []).some((n) => onPlace(n, f))) neutral.push({ ...f, why: truth.neutral.find((n) => onPlace(n, f)).why });
    else {
      const other = truth.entries.find((e) => onPlace(e, f));
      fp.push(other ? { ...f, misclassified: other.id } : f);
    }
  }
  return { entries, fp, neutral, outOfScope };
}

function snippet(root, f) {
  try {
    return (readFileSync(join(root, f.file), 'utf8').split('\n')[f.line - 1] ?? '').trim().slice(0, 110);
  } catch {
    return '';
  }
}

function blank() {
  return { tp: 0, fn: 0, fp: 0, findings: 0 };
}

function totals(perRepo, mode) {
  const byCategory = Object.fromEntries([...CATEGORIES, '?'].map((c) => [c, blank()]));
  const byRule = { 'no-ssrf': blank(), 'no-command-injection': blank() };
  const extra = Object.fromEntries(Object.keys(byRule).flatMap((r) => [`${r} in spec`, `${r} same-file`, `${r} cross-file`, `${r} handler elsewhere`].map((k) => [k, { tp: 0, fn: 0 }])));
  for (const r of perRepo) {
    const s = r.modes[mode];
    for (const f of s.findings) {
      byCategory[f.category].findings++;
      if (byRule[RULE_OF[f.category]]) byRule[RULE_OF[f.category]].findings++;
    }
    for (const e of s.entries.filter((x) => x.scored)) {
      const k = e.caught ? 'tp' : 'fn';
      const rule = RULE_OF[e.category];
      byCategory[e.category][k]++;
      byRule[rule][k]++;
      if (!e.outOfSpec) extra[`${rule} in spec`][k]++;
      extra[`${rule} ${e.crossFile ? 'cross-file' : 'same-file'}`][k]++;
      if (e.handlerElsewhere) extra[`${rule} handler elsewhere`][k]++;
    }
    for (const f of s.fp) {
      byCategory[f.category].fp++;
      if (byRule[RULE_OF[f.category]]) byRule[RULE_OF[f.category]].fp++;
    }
  }
  return { byCategory, byRule, extra };
}

function tableLines(t, mode) {
  const out = ['| rule / category | labelled | findings | TP | FP | FN | precision | recall |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |'];
  for (const [rule, cats] of [['no-ssrf', ['S', 'P', 'R']], ['no-command-injection', ['C', 'E']]]) {
    const x = t.byRule[rule];
    out.push(`| **${rule}** | ${x.tp + x.fn} | ${x.findings} | ${x.tp} | ${x.fp} | ${x.fn} | ${pct(x.tp, x.tp + x.fp)} | ${pct(x.tp, x.tp + x.fn)} |`);
    for (const c of cats) {
      const y = t.byCategory[c];
      if (y.tp + y.fn + y.findings === 0) continue;
      out.push(`| ${c}${SCORED[mode].includes(c) ? '' : ' (not scored in this mode)'} | ${y.tp + y.fn} | ${y.findings} | ${y.tp} | ${y.fp} | ${y.fn} | ${pct(y.tp, y.tp + y.fp)} | ${pct(y.tp, y.tp + y.fn)} |`);
    }
  }
  out.push('');
  for (const rule of ['no-ssrf', 'no-command-injection']) {
    const q = (k) => `${t.extra[`${rule} ${k}`].tp}/${t.extra[`${rule} ${k}`].tp + t.extra[`${rule} ${k}`].fn}`;
    out.push(`${rule} recall without out-of-spec entries ${q('in spec')}; same-file flows ${q('same-file')}; cross-file flows ${q('cross-file')}; in a handler registered in another module ${q('handler elsewhere')}.`);
  }
  return out;
}

function notesOf(s) {
  const scored = s.entries.filter((x) => x.scored);
  return [
    ...scored.filter((x) => !x.caught).map((x) => `FN ${x.category} \`${x.file}:${x.line}\` ${x.id}${x.crossFile ? ' (cross-file)' : ''}${x.outOfSpec ? ' (out of spec)' : ''}${x.handlerElsewhere ? ' (handler registered elsewhere)' : ''}`),
    ...s.fp.map((f) => `FP ${f.category} \`${f.file}:${f.line}\` ${f.messageId}${f.misclassified ? ` (misclassified, on ${f.misclassified})` : ''}`),
    ...s.neutral.map((f) => `neutral \`${f.file}:${f.line}\` ${f.messageId}`),
    ...s.outOfScope.map((f) => `out-of-mode \`${f.file}:${f.line}\` ${f.entry}`),
  ];
}

function lintRepo(truth, root, plugin, args, defaultExclude) {
  const files = scopeFiles(root, truth.scope, defaultExclude).map((f) => join(root, f));
  const out = { name: truth.name, repo: truth.repo, commit: truth.commit, root, modes: {} };
  for (const mode of args.modes) {
    const t0 = performance.now();
    const run = lintFiles(plugin, ruleSettings(plugin, mode), root, files);
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
      console.log(`\n## ${serverPackageLabel(pkg)}: not in bench/corpus (run \`node bench/bench.mjs\` once), skipped`);
      continue;
    }
    const files = serverPackageFiles(pkg)
      .filter((f) => f.skip === null)
      .map((f) => f.file);
    const row = { label: serverPackageLabel(pkg), root, modes: {} };
    for (const mode of args.modes) {
      const run = lintFiles(plugin, ruleSettings(plugin, mode), root, files);
      row.files = run.files;
      row.lines = run.lines;
      row.fatal = run.fatal;
      row.modes[mode] = run.findings;
    }
    rows.push(row);
  }
  return rows;
}

function serverTable(server, args) {
  const out = [`| package | files | lines | ${args.modes.map((m) => `${m}: no-ssrf | no-command-injection | per 1,000 lines`).join(' | ')} |`, `| --- | ---: | ---: | ${args.modes.map(() => '---: | ---: | ---:').join(' | ')} |`];
  const count = (fs, rule) => fs.filter((f) => f.rule === rule).length;
  let files = 0;
  let lines = 0;
  const all = Object.fromEntries(args.modes.map((m) => [m, []]));
  for (const row of server) {
    files += row.files;
    lines += row.lines;
    for (const m of args.modes) all[m].push(...row.modes[m]);
    out.push(`| ${row.label} | ${row.files} | ${row.lines} | ${args.modes.map((m) => `${count(row.modes[m], 'no-ssrf')} | ${count(row.modes[m], 'no-command-injection')} | ${((1000 * row.modes[m].length) / row.lines).toFixed(3)}`).join(' | ')} |`);
  }
  out.push(`| **total** | ${files} | ${lines} | ${args.modes.map((m) => `${count(all[m], 'no-ssrf')} | ${count(all[m], 'no-command-injection')} | ${((1000 * all[m].length) / lines).toFixed(3)}`).join(' | ')} |`);
  return out;
}

function markdown(args, plugin, perRepo, server, labels) {
  const out = ['<!-- generated by bench/measure-requests/measure.mjs --write; the hand-written review is in README.md -->', '# no-ssrf and no-command-injection: measured results\n'];
  out.push(`Run ${new Date().toISOString()}, plugin \`${pluginLabel(args.plugin, MAIN)}\`, modes ${args.modes.join(', ')}.`);
  for (const m of args.modes) out.push(`Options ${m}: ${RULES.map((r) => `\`${r}\` \`${JSON.stringify(ruleSettings(plugin, m)[r])}\``).join(', ')}.`);
  out.push('\nCategories: S host/scheme/port of an outbound request, P path after a constant origin (strict), R redirects after an allow-list (strict), C shell command / program / shell arguments, E evaluated code. See README.md.\n');
  for (const mode of args.modes) {
    out.push(`## ${mode}: precision and recall\n`, ...tableLines(totals(perRepo, mode), mode), '');
    out.push(`### ${mode}: per repository\n`);
    out.push('| repository | commit | files | lines | findings | TP | FP | FN | false negatives / false positives |');
    out.push('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
    for (const r of perRepo) {
      const s = r.modes[mode];
      const scored = s.entries.filter((x) => x.scored);
      const tp = scored.filter((x) => x.caught).length;
      out.push(`| ${r.repo} | \`${r.commit.slice(0, 12)}\` | ${r.files} | ${r.lines} | ${s.findings.length} | ${tp} | ${s.fp.length} | ${scored.length - tp} | ${notesOf(s).join('; ')} |`);
    }
    out.push('');
  }
  if (server.length) {
    out.push('## Findings per 1,000 lines on the server corpus (bench/corpus, no labels)\n', ...serverTable(server, args), '');
    const any = server.some((row) => args.modes.some((m) => row.modes[m].length > 0));
    out.push(any ? 'Every finding (file relative to the package root; what each is: README.md):\n' : 'No finding in either mode.');
    for (const row of server) for (const m of args.modes) for (const f of row.modes[m]) out.push(`- ${m}: ${row.label} \`${f.file}:${f.line}\` ${f.rule} ${f.messageId}: ${f.message.slice(0, 200)}`);
    out.push('');
  }
  out.push(`Ground truth: labels.json (${labels.repos.length} repositories, ${labels.repos.reduce((n, r) => n + r.entries.length, 0)} entries). README.md has the material, the labelling and the review of every FP and FN.`);
  return out.join('\n') + '\n';
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const plugin = createRequire(import.meta.url)(resolve(args.plugin));
  for (const rule of RULES) if (!plugin.rules?.[rule.replace('agent-guard/', '')]) throw new Error(`${args.plugin} has no rule ${rule}`);
  console.log(`plugin ${pluginLabel(args.plugin, MAIN).replaceAll('`', '')}`);
  for (const mode of args.modes) console.log(`${mode}: ${JSON.stringify(ruleSettings(plugin, mode))}`);
  const labels = JSON.parse(readFileSync(join(HERE, 'labels.json'), 'utf8'));
  let perRepo = [];
  if (args.labelled) {
    perRepo = lintLabelledCheckouts(labels, args, plugin, lintRepo, (r, root) => {
      for (const mode of args.modes) {
        const s = r.modes[mode];
        const scored = s.entries.filter((e) => e.scored);
        console.log(`  [${mode}] findings ${s.findings.length}, TP ${scored.filter((e) => e.caught).length}, FN ${scored.filter((e) => !e.caught).length}, FP ${s.fp.length}`);
        for (const n of notesOf(s)) console.log(`    ${n}`);
        for (const f of s.fp) console.log(`    FP detail ${f.file}:${f.line}:${f.column} ${f.messageId}: ${f.message.slice(0, 160)}\n         | ${snippet(root, f)}`);
      }
    });
    for (const mode of args.modes) console.log(`\n## ${mode}\n${tableLines(totals(perRepo, mode), mode).join('\n')}`);
  }
  let server = [];
  if (args.server) {
    server = lintServer(plugin, args);
    if (server.length) {
      console.log('\n## server corpus: findings per 1,000 lines');
      console.log(serverTable(server, args).join('\n'));
      for (const row of server) {
        if (row.fatal.length) console.log(`  ${row.label} parse errors: ${row.fatal.length}`);
        for (const m of args.modes) for (const f of row.modes[m]) console.log(`  ${m} ${row.label} ${f.file}:${f.line}:${f.column} ${f.rule} ${f.messageId}: ${f.message.slice(0, 150)}\n         | ${snippet(row.root, f)}`);
      }
    }
  }
  if (args.json) writeFileSync(args.json, JSON.stringify({ plugin: pluginLabel(args.plugin, MAIN), date: new Date().toISOString(), repos: perRepo, server }, null, 2));
  if (args.write) {
    writeFileSync(join(HERE, 'RESULTS.md'), markdown(args, plugin, perRepo, server, labels));
    console.log(`\nwrote ${relative(process.cwd(), join(HERE, 'RESULTS.md'))}`);
  }
}

await main();
