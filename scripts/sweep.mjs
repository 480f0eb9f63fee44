#!/usr/bin/env node
// Crash sweep: lint every JS/TS source file under a directory (default: ./node_modules) with every
// agent-guard rule at its strictest options (configs.strict), JS files with espree AND
// @typescript-eslint/parser, TS files with the latter. Rules must never throw on real code.
//
//   node scripts/sweep.mjs [dir] [--sample N] [--plugin path] [--json out.json] [--quiet]
//
//   --sample N   lint a deterministic sample of at least N files (every k-th of the sorted list); CI uses 3200
//   --plugin P   module exporting the plugin (default dist/index.mjs: run `npm run build` first)
//   --json F     also write the full result as JSON
//
// Exit code: 1 if any rule threw (each exception is printed with file, parser, rule and stack), else 0.
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parseArgs } from 'node:util';

import { Linter } from 'eslint';

import {
  ALL_SOURCE_GLOBS,
  collectFiles,
  countLines,
  languageOptionsFor,
  loadPlugin,
  parserKindsFor,
  sampleEvery,
} from '../bench/lib/corpus.mjs';

const { values: flags, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    sample: { type: 'string' },
    plugin: { type: 'string' },
    json: { type: 'string' },
    quiet: { type: 'boolean', default: false },
  },
});

const root = positionals[0] ?? 'node_modules';
const plugin = await loadPlugin(flags.plugin);
const strictRules = plugin.configs.strict.rules;
const ruleIds = Object.keys(strictRules).sort();
if (ruleIds.length === 0) {
  console.error('sweep: the plugin has no rules in configs.strict; nothing to check.');
  process.exit(1);
}

// cwd "/" so that files anywhere are inside the config base path; node_modules is un-ignored
// (flat config ignores it by default).
const linter = new Linter({ cwd: '/' });

function configFor(file, text, parserKind, rules) {
  return [
    { ignores: ['!**/node_modules/'] },
    {
      files: ALL_SOURCE_GLOBS,
      languageOptions: languageOptionsFor(file, text, parserKind),
      plugins: { 'agent-guard': plugin },
      linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' },
      rules,
    },
  ];
}

/** Which rule threw: ESLint tags listener errors with `ruleId`; otherwise re-run rule by rule. */
function attributeException(error, file, text, parserKind) {
  if (typeof error?.ruleId === 'string') {
    return error.ruleId;
  }
  const message = String(error?.message ?? '');
  const named = /Rule: "([^"]+)"/u.exec(message) ?? /Error while loading rule '([^']+)'/u.exec(message);
  if (named) {
    return named[1];
  }
  for (const ruleId of ruleIds) {
    try {
      linter.verify(text, configFor(file, text, parserKind, { [ruleId]: strictRules[ruleId] }), file);
    } catch {
      return ruleId;
    }
  }
  return '(not attributable to one rule)';
}

const started = performance.now();
const collected = collectFiles(root);
const skipped = {};
const eligible = [];
for (const { file, skip } of collected) {
  if (skip) {
    skipped[skip] = (skipped[skip] ?? 0) + 1;
  } else {
    eligible.push(file);
  }
}
const files = sampleEvery(eligible, flags.sample ? Number(flags.sample) : 0);
if (files.length === 0) {
  // A mistyped directory must not pass as a clean sweep.
  console.error(`sweep: no lintable source files under ${root}.`);
  process.exit(2);
}

const result = {
  root,
  rules: ruleIds,
  candidates: collected.length,
  eligible: eligible.length,
  skipped,
  filesLinted: 0,
  filesFullyUnparsable: 0,
  linesLinted: 0,
  parseFailures: { espree: 0, ts: 0 },
  passes: { espree: 0, ts: 0 },
  exceptions: [],
  findings: Object.fromEntries(ruleIds.map((id) => [id, 0])),
  /** Every finding of the user-visible pass (first 1,000), for precision review from the JSON output. */
  findingList: [],
  parserDisagreements: Object.fromEntries(ruleIds.map((id) => [id, 0])),
  slowest: [],
  wallSeconds: 0,
};

function countByRule(messages) {
  const counts = {};
  for (const message of messages) {
    if (message.ruleId) {
      counts[message.ruleId] = (counts[message.ruleId] ?? 0) + 1;
    }
  }
  return counts;
}

const MAX_LISTED_FINDINGS = 1000;

let done = 0;
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const display = relative(process.cwd(), file);
  const countsByParser = {};
  let parsedOnce = false;
  const fileStart = performance.now();
  for (const parserKind of parserKindsFor(file)) {
    let messages;
    try {
      messages = linter.verify(text, configFor(file, text, parserKind, strictRules), file);
      const userVisible = parserKind === parserKindsFor(file)[0];
      for (const message of userVisible ? messages : []) {
        if (message.ruleId && result.findingList.length < MAX_LISTED_FINDINGS) {
          result.findingList.push({ file: display, line: message.line, rule: message.ruleId, message: message.message });
        }
      }
    } catch (error) {
      const rule = attributeException(error, file, text, parserKind);
      result.exceptions.push({ file: display, parser: parserKind, rule, stack: String(error?.stack ?? error) });
      parsedOnce = true;
      continue;
    }
    if (messages.some((message) => message.fatal)) {
      result.parseFailures[parserKind] += 1;
      continue;
    }
    parsedOnce = true;
    result.passes[parserKind] += 1;
    countsByParser[parserKind] = countByRule(messages);
  }
  const elapsed = performance.now() - fileStart;
  done += 1;
  if (!parsedOnce) {
    result.filesFullyUnparsable += 1;
  } else {
    result.filesLinted += 1;
    result.linesLinted += countLines(text);
    // Findings as a user sees them: espree for JS (ESLint's default parser), the TS parser for TS.
    const primary = countsByParser.espree ?? countsByParser.ts ?? {};
    for (const [ruleId, count] of Object.entries(primary)) {
      if (ruleId in result.findings) {
        result.findings[ruleId] += count;
      }
    }
    if (countsByParser.espree && countsByParser.ts) {
      for (const ruleId of ruleIds) {
        if ((countsByParser.espree[ruleId] ?? 0) !== (countsByParser.ts[ruleId] ?? 0)) {
          result.parserDisagreements[ruleId] += 1;
        }
      }
    }
    result.slowest.push({ file: display, ms: Math.round(elapsed) });
    result.slowest.sort((a, b) => b.ms - a.ms);
    result.slowest.length = Math.min(result.slowest.length, 5);
  }
  if (!flags.quiet && done % 500 === 0) {
    console.error(`sweep: ${done}/${files.length} files, ${result.exceptions.length} exception(s)`);
  }
}
result.wallSeconds = Number(((performance.now() - started) / 1000).toFixed(1));

const perThousand = (count) => (result.linesLinted ? ((count * 1000) / result.linesLinted).toFixed(3) : '0');
console.log(`agent-guard crash sweep of ${root}${flags.sample ? ` (sample of >= ${flags.sample})` : ''}`);
console.log(`  rules (strict config): ${ruleIds.join(', ')}`);
console.log(`  source files found: ${result.candidates}, skipped: ${JSON.stringify(skipped)}, eligible: ${result.eligible}`);
console.log(`  files linted: ${result.filesLinted} (${result.linesLinted} lines)`);
console.log(
  `  parse failures skipped: espree ${result.parseFailures.espree}, ts ${result.parseFailures.ts}; ` +
    `files no parser could read: ${result.filesFullyUnparsable}`,
);
console.log(`  lint passes: espree ${result.passes.espree}, ts ${result.passes.ts}`);
console.log('  findings per rule (per 1,000 lines; files where espree and TS parser disagree):');
for (const ruleId of ruleIds) {
  console.log(
    `    ${ruleId}: ${result.findings[ruleId]} (${perThousand(result.findings[ruleId])}/kloc; ` +
      `parser disagreements ${result.parserDisagreements[ruleId]})`,
  );
}
console.log(`  slowest files: ${result.slowest.map(({ file, ms }) => `${file} ${ms} ms`).join('; ')}`);
console.log(`  rule exceptions: ${result.exceptions.length}`);
for (const { file, parser, rule, stack } of result.exceptions) {
  console.log(`\n  EXCEPTION in ${rule} on ${file} (parser: ${parser})\n${stack.replace(/^/gmu, '    ')}`);
}
console.log(`  wall time: ${result.wallSeconds} s`);
if (flags.json) {
  writeFileSync(flags.json, `${JSON.stringify(result, null, 2)}\n`);
}
process.exitCode = result.exceptions.length > 0 ? 1 : 0;
