#!/usr/bin/env node
// Measures require-auth-gate-in-route, no-stack-in-response and fetch-requires-timeout against
// hand-labelled ground truth on real public repositories (bench/measure/<owner>+<repo>.json).
//
//   node bench/measure/measure.mjs --plugin dist/index.cjs [--repos /tmp/measure] [--json out.json]
//                                  [--only owner+repo,...] [--all-findings]
//
// Each repository is expected as a plain work tree at <repos>/<owner>+<repo> (see README.md for how
// to recreate it from the recorded commit). Every file of the ground truth's `scope` is linted with
// the plugin's `recommended` config through the ESLint class, with `cwd` set to the checkout (so
// that cross-file resolution can find the project root). Findings are matched to the ground truth
// by file and line (an entry may give `endLine` for a multi-line span, and `alsoAt` for other places
// that count as the same defect, e.g. the callers of a helper); routes match only
// require-auth-gate-in-route, leaks only no-stack-in-response, hangs only fetch-requires-timeout.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import { globToRegExp, walk } from '../lib/checkouts.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const RULES = {
  routes: 'agent-guard/require-auth-gate-in-route',
  leaks: 'agent-guard/no-stack-in-response',
  hangs: 'agent-guard/fetch-requires-timeout',
  // Labelled since issue #16, only in the ground truths that have the list: `sql` (SQL text built
  // from non-constant strings that reaches a query) and `paths` (a file-system path built from
  // request input). A ground truth without the key has those rules unlabelled: their findings are
  // listed under --all-findings but neither scored nor counted as unmatched.
  sql: 'agent-guard/no-sql-template-literal',
  paths: 'agent-guard/no-unsanitized-fs-path',
};
const OLD_RULES = [RULES.routes, RULES.leaks, RULES.hangs];
const NEW_KINDS = ['sql', 'paths'];
const JS = ['js', 'mjs', 'cjs', 'jsx'];
const TS = ['ts', 'tsx', 'mts', 'cts'];

function parseArgs(argv) {
  const args = { plugin: null, repos: '/tmp/measure', json: null, only: null, allFindings: false, perRule: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--plugin') args.plugin = argv[++i];
    else if (a === '--repos') args.repos = argv[++i];
    else if (a === '--json') args.json = argv[++i];
    else if (a === '--only') args.only = new Set(argv[++i].split(','));
    else if (a === '--all-findings') args.allFindings = true;
    else if (a === '--per-rule') args.perRule = true;
    else if (a === '--help' || a === '-h') {
      console.log('usage: node bench/measure/measure.mjs --plugin <dist/index.cjs> [--repos <dir>] [--json <out>] [--only a+b,c+d] [--all-findings] [--per-rule]');
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  if (!args.plugin) throw new Error('--plugin <path to dist/index.cjs> is required');
  return args;
}

function scopeFiles(root, scope) {
  const include = (scope?.include ?? ['**/*']).map(globToRegExp);
  const exclude = (scope?.exclude ?? []).map(globToRegExp);
  const ext = new RegExp(`\\.(?:${[...JS, ...TS].join('|')})$`, 'u');
  return walk(root).filter(
    (f) => ext.test(f) && !/\.d\.[cm]?ts$/u.test(f) && include.some((r) => r.test(f)) && !exclude.some((r) => r.test(f)) && statSync(join(root, f)).size < 1024 * 1024,
  );
}

function createEslint(cwd, plugin) {
  return new ESLint({
    cwd,
    overrideConfigFile: true,
    ignore: false,
    cache: false,
    overrideConfig: [
      {
        files: JS.map((e) => `**/*.${e}`),
        languageOptions: { ecmaVersion: 'latest', sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } },
      },
      { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
      {
        files: TS.map((e) => `**/*.${e}`),
        languageOptions: { parser: tsParser, sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } },
      },
      {
        files: [...JS, ...TS].map((e) => `**/*.${e}`),
        linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
        ...plugin.configs.recommended,
      },
    ],
  });
}

/**
 * A finding matches an entry on the entry's file and line (through `endLine` when given), or on
 * one of its `alsoAt` places: for an error or HTTP call that goes through a project helper, the
 * helper's own sink and each call of the helper are the same defect, caught once whichever of
 * them is reported.
 */
function matches(entry, finding) {
  return [entry, ...(entry.alsoAt ?? [])].some((at) => at.file === finding.file && finding.line >= at.line && finding.line <= (at.endLine ?? at.line));
}

function pct(n, d) {
  return d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)} %`;
}

async function measureRepo(truth, root, plugin) {
  const files = scopeFiles(root, truth.scope);
  const eslint = createEslint(root, plugin);
  const results = await eslint.lintFiles(files.map((f) => join(root, f)));
  const findings = [];
  const fatal = [];
  for (const r of results) {
    const file = relative(root, r.filePath).split(sep).join('/');
    for (const m of r.messages) {
      if (m.fatal) fatal.push({ file, line: m.line, message: m.message });
      else if (Object.values(RULES).includes(m.ruleId)) findings.push({ rule: m.ruleId, file, line: m.line, column: m.column, messageId: m.messageId, message: m.message });
    }
  }
  const used = new Set();
  const out = { repo: truth.repo, commit: truth.commit, files: files.length, fatal, findings };
  // `routes: null` says the repository's routes are not labelled: its auth findings are neither
  // counted nor listed as unmatched.
  out.routesLabelled = truth.routes !== null;
  out.leaksLabelled = truth.leaks !== null;
  out.hangsLabelled = truth.hangs !== null;
  out.ignoreFindings = truth.ignoreFindings ?? [];
  if (!out.routesLabelled) for (const f of findings) if (f.rule === RULES.routes) used.add(f);
  // A ground truth without `sql`/`paths` (or with null) has not labelled that rule.
  out.labelled = Object.fromEntries(NEW_KINDS.map((k) => [k, Array.isArray(truth[k])]));
  for (const kind of NEW_KINDS) if (!out.labelled[kind]) for (const f of findings) if (f.rule === RULES[kind]) used.add(f);
  for (const kind of ['routes', 'leaks', 'hangs', ...NEW_KINDS]) {
    out[kind] = (truth[kind] ?? []).map((entry) => {
      const hit = findings.filter((f) => f.rule === RULES[kind] && matches(entry, f));
      for (const h of hit) used.add(h);
      return { ...entry, caught: hit.length > 0, by: hit.map((h) => h.messageId) };
    });
  }
  // A finding inside an excluded entry (`ignoreFindings`) is neither a hit nor an unmatched finding:
  // e.g. a dev-only stack the ground truth deliberately does not count either way.
  for (const f of findings) if ((truth.ignoreFindings ?? []).some((e) => (!e.rule || RULES[e.rule] === f.rule || e.rule === f.rule) && matches(e, f))) used.add(f);
  out.unmatched = findings.filter((f) => !used.has(f));
  return out;
}

function summarise(r) {
  const gated = r.routes.filter((x) => x.label === 'gated');
  const open = r.routes.filter((x) => x.label === 'open');
  const openPriv = open.filter((x) => !x.publicByDesign);
  const openPub = open.filter((x) => x.publicByDesign);
  const c = (xs) => xs.filter((x) => x.caught).length;
  return {
    gated: gated.length,
    gatedFlagged: c(gated),
    open: open.length,
    openCaught: c(open),
    openNotPublic: openPriv.length,
    openNotPublicCaught: c(openPriv),
    openPublic: openPub.length,
    openPublicFlagged: c(openPub),
    leaks: r.leaks.length,
    leaksCaught: c(r.leaks),
    hangs: r.hangs.length,
    hangsCaught: c(r.hangs),
    sql: r.sql.length,
    sqlCaught: c(r.sql),
    paths: r.paths.length,
    pathsCaught: c(r.paths),
    unmatched: r.unmatched.filter((f) => OLD_RULES.includes(f.rule)).length,
    unmatchedByRule: Object.fromEntries(OLD_RULES.map((rule) => [rule.replace('agent-guard/', ''), r.unmatched.filter((f) => f.rule === rule).length])),
    unmatchedNew: r.unmatched.filter((f) => !OLD_RULES.includes(f.rule)).length,
    unmatchedNewByRule: Object.fromEntries(NEW_KINDS.map((k) => [RULES[k].replace('agent-guard/', ''), r.unmatched.filter((f) => f.rule === RULES[k]).length])),
  };
}

function printSummary(name, s) {
  console.log(`  gated routes flagged         ${s.gatedFlagged}/${s.gated} (${pct(s.gatedFlagged, s.gated)})`);
  console.log(`  open routes caught           ${s.openCaught}/${s.open} (${pct(s.openCaught, s.open)})`);
  console.log(`    not public by design       ${s.openNotPublicCaught}/${s.openNotPublic} (${pct(s.openNotPublicCaught, s.openNotPublic)})`);
  console.log(`    public by design (flagged) ${s.openPublicFlagged}/${s.openPublic} (${pct(s.openPublicFlagged, s.openPublic)})`);
  console.log(`  leaks caught                 ${s.leaksCaught}/${s.leaks} (${pct(s.leaksCaught, s.leaks)})`);
  console.log(`  hangs caught                 ${s.hangsCaught}/${s.hangs} (${pct(s.hangsCaught, s.hangs)})`);
  console.log(`  unmatched findings           ${s.unmatched} ${JSON.stringify(s.unmatchedByRule)}`);
  if (s.sql || s.paths || s.unmatchedNew) {
    console.log(`  sql injections caught        ${s.sqlCaught}/${s.sql} (${pct(s.sqlCaught, s.sql)})`);
    console.log(`  request paths caught         ${s.pathsCaught}/${s.paths} (${pct(s.pathsCaught, s.paths)})`);
    console.log(`  unmatched sql/fs findings    ${s.unmatchedNew} ${JSON.stringify(s.unmatchedNewByRule)}`);
  }
}

/**
 * Per rule, over the repositories where that rule is labelled: TP = defects caught (an entry with
 * at least one finding of the rule), FN = defects not caught, FP = findings of the rule that match
 * no defect (unmatched findings, and for the auth rule findings on gated routes or on open routes
 * that are public by design). Precision = TP / (TP + FP), recall = TP / (TP + FN). A defect reported
 * by two findings counts once as TP and adds no FP. The auth rule's defects are open routes that are
 * not public by design; `publicFlagged` counts the public-by-design routes it reports.
 */
function perRule(all) {
  const rows = {};
  const add = (rule, k, n) => {
    rows[rule] ??= { tp: 0, fp: 0, fn: 0, findings: 0, repos: 0, publicFlagged: 0 };
    rows[rule][k] += n;
  };
  for (const r of all) {
    const labelled = {
      routes: r.routesLabelled,
      leaks: r.leaksLabelled !== false,
      hangs: r.hangsLabelled !== false,
      sql: r.labelled.sql,
      paths: r.labelled.paths,
    };
    for (const [kind, rule] of Object.entries(RULES)) {
      if (!labelled[kind]) continue;
      const name = rule.replace('agent-guard/', '');
      add(name, 'repos', 1);
      const fs = r.findings.filter((f) => f.rule === rule);
      add(name, 'findings', fs.length);
      const defects = kind === 'routes' ? r.routes.filter((x) => x.label === 'open' && !x.publicByDesign) : r[kind];
      const onDefect = new Set();
      for (const d of defects) for (const f of fs) if (matches(d, f)) onDefect.add(f);
      const ignored = fs.filter((f) => !onDefect.has(f) && (r.ignoreFindings ?? []).some((e) => (!e.rule || RULES[e.rule] === f.rule || e.rule === f.rule) && matches(e, f)));
      add(name, 'tp', defects.filter((x) => x.caught).length);
      add(name, 'fn', defects.filter((x) => !x.caught).length);
      add(name, 'fp', fs.length - onDefect.size - ignored.length);
      if (kind === 'routes') add(name, 'publicFlagged', r.routes.filter((x) => x.label === 'open' && x.publicByDesign && x.caught).length);
    }
  }
  return rows;
}

async function main() {
  // A checkout's own .eslintignore makes ESLint warn once per repository; the ESLint class is run
  // with ignore: false and an override config, so the file is irrelevant here.
  process.removeAllListeners('warning');
  process.on('warning', (w) => {
    if (w.name !== 'ESLintIgnoreWarning') console.warn(w);
  });
  const args = parseArgs(process.argv.slice(2));
  const plugin = createRequire(import.meta.url)(resolve(args.plugin));
  const truths = readdirSync(HERE)
    .filter((f) => f.endsWith('.json') && f.includes('+'))
    .sort()
    .map((f) => ({ name: f.slice(0, -5), ...JSON.parse(readFileSync(join(HERE, f), 'utf8')) }))
    .filter((t) => !args.only || args.only.has(t.name));
  const all = [];
  const total = {};
  for (const truth of truths) {
    const root = join(resolve(args.repos), truth.name);
    if (!existsSync(root)) {
      console.log(`\n## ${truth.repo}: no checkout at ${root} (see bench/measure/README.md), skipped`);
      continue;
    }
    const t0 = performance.now();
    const r = await measureRepo(truth, root, plugin);
    const s = summarise(r);
    all.push({ ...r, summary: s });
    for (const [k, v] of Object.entries(s)) {
      if (typeof v === 'number') total[k] = (total[k] ?? 0) + v;
      else for (const [rule, n] of Object.entries(v)) (total[k] ??= {})[rule] = (total[k]?.[rule] ?? 0) + n;
    }
    console.log(`\n## ${truth.repo} @ ${truth.commit.slice(0, 12)} (${r.files} files, ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    if (r.fatal.length) console.log(`  parse errors: ${r.fatal.map((f) => `${f.file}:${f.line} ${f.message}`).join('; ')}`);
    if (!r.routesLabelled) console.log(`  (routes not labelled: ${r.findings.filter((f) => f.rule === RULES.routes).length} auth findings not scored)`);
    printSummary(truth.name, s);
    const missed = [...r.routes.filter((x) => x.label === 'open' && !x.publicByDesign && !x.caught), ...r.leaks.filter((x) => !x.caught), ...r.hangs.filter((x) => !x.caught), ...r.sql.filter((x) => !x.caught), ...r.paths.filter((x) => !x.caught)];
    const wrong = r.routes.filter((x) => x.label === 'gated' && x.caught);
    if (wrong.length) console.log('  gated but flagged:\n' + wrong.map((x) => `    ${x.file}:${x.line} ${x.method ?? ''} ${x.path ?? ''}`).join('\n'));
    if (missed.length) console.log('  missed:\n' + missed.map((x) => `    ${x.file}:${x.line} ${x.method ?? ''} ${x.path ?? x.how ?? ''}`).join('\n'));
    if (r.unmatched.length) console.log('  unmatched findings:\n' + r.unmatched.map((f) => `    ${f.rule.replace('agent-guard/', '')} ${f.file}:${f.line}:${f.column} ${f.messageId}: ${f.message.slice(0, 140)}`).join('\n'));
    if (args.allFindings) console.log('  all findings:\n' + r.findings.map((f) => `    ${f.rule.replace('agent-guard/', '')} ${f.file}:${f.line}:${f.column} ${f.messageId}: ${f.message.slice(0, 160)}`).join('\n'));
  }
  console.log('\n## overall');
  printSummary('overall', total);
  if (args.perRule) {
    const rows = perRule(all);
    console.log('\n## per rule (repositories where the rule is labelled)');
    console.log('| rule | repos | findings | TP | FP | FN | precision | recall |');
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const [name, x] of Object.entries(rows)) console.log(`| ${name} | ${x.repos} | ${x.findings} | ${x.tp} | ${x.fp} | ${x.fn} | ${pct(x.tp, x.tp + x.fp)} | ${pct(x.tp, x.tp + x.fn)} |`);
    if (rows['require-auth-gate-in-route']) console.log(`public-by-design routes reported: ${rows['require-auth-gate-in-route'].publicFlagged ?? 0}`);
  }
  if (args.json) writeFileSync(args.json, JSON.stringify({ plugin: resolve(args.plugin), date: new Date().toISOString(), total, repos: all }, null, 2));
}

await main();
