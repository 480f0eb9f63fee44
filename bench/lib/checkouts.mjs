// Files of a checked-out repository as the measurement scripts (bench/measure*, see their READMEs)
// scope them: forward-slash paths relative to the checkout, chosen with `**`, `*` and `{a,b}` globs.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

import { Linter } from 'eslint';

import { ALL_SOURCE_GLOBS, countLines, languageOptionsFor, skipReason } from './corpus.mjs';

/** `**`, `*` and `{a,b}` globs on forward-slash paths relative to the checkout. */
export function globToRegExp(glob) {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        i++;
        if (glob[i + 1] === '/') {
          i++;
          out += '(?:.*/)?';
        } else out += '.*';
      } else out += '[^/]*';
    } else if (c === '{') {
      const end = glob.indexOf('}', i);
      out += `(?:${glob.slice(i + 1, end).split(',').map(escape).join('|')})`;
      i = end;
    } else out += escape(c);
  }
  return new RegExp(`^${out}$`, 'u');
}

function escape(s) {
  return s.replace(/[.+?^${}()|[\]\\]/gu, '\\$&');
}

/** Every file of the checkout (not `.git` or `node_modules`), as sorted forward-slash relative paths. */
export function walk(root) {
  const found = [];
  const stack = [root];
  while (stack.length) {
    const dir = stack.pop();
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== '.git' && e.name !== 'node_modules') stack.push(full);
      } else if (e.isFile()) found.push(relative(root, full).split(sep).join('/'));
    }
  }
  return found.sort();
}

const SOURCE = /\.(?:js|mjs|cjs|jsx|ts|tsx|mts|cts)$/u;

/**
 * The source files of a checkout a labels file scopes (`include`/`exclude` globs, plus
 * `defaultExclude`), without what the bench skips (too large, minified: `skipReason`).
 */
export function scopeFiles(root, scope, defaultExclude = []) {
  const include = (scope?.include ?? ['**/*']).map(globToRegExp);
  const exclude = [...defaultExclude, ...(scope?.exclude ?? [])].map(globToRegExp);
  return walk(root).filter((f) => SOURCE.test(f) && include.some((r) => r.test(f)) && !exclude.some((r) => r.test(f)) && skipReason(join(root, f)) === null);
}

/** React apps write JSX in .js files: JS is parsed with JSX on (as bench/measure does); TS keeps it off (`<T>x` casts). */
function withJsx(options, kind) {
  if (kind !== 'espree') return options;
  return { ...options, parserOptions: { ...options.parserOptions, ecmaFeatures: { ...options.parserOptions?.ecmaFeatures, jsx: true } } };
}

/**
 * Lints files (absolute paths) of a checkout with only `rules` on, each parsed as the bench parses
 * it (`languageOptionsFor`), with `cwd` the checkout so that cross-file resolution finds the project.
 * Returns the findings of those rules (`file` relative to `cwd`), parse errors and crashes, and the
 * line count.
 */
export function lintFiles(plugin, rules, cwd, files) {
  const linter = new Linter({ cwd });
  const findings = [];
  const fatal = [];
  let lines = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    lines += countLines(text);
    const kind = /\.(?:ts|tsx|mts|cts)$/u.test(file) ? 'ts' : 'espree';
    const config = [
      {
        files: ALL_SOURCE_GLOBS,
        plugins: { 'agent-guard': plugin },
        languageOptions: withJsx(languageOptionsFor(file, text, kind), kind),
        linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' },
        rules,
      },
    ];
    const rel = relative(cwd, file).split(sep).join('/');
    let messages;
    try {
      messages = linter.verify(text, config, { filename: file });
    } catch (error) {
      fatal.push({ file: rel, line: 0, message: `crash: ${error.message.split('\n')[0]}` });
      continue;
    }
    for (const m of messages) {
      if (m.fatal) fatal.push({ file: rel, line: m.line, message: m.message });
      else if (Object.hasOwn(rules, m.ruleId)) findings.push({ file: rel, line: m.line, column: m.column, ruleId: m.ruleId, messageId: m.messageId, message: m.message });
    }
  }
  return { findings, fatal, lines, files: files.length };
}

/** Whether finding `f` is on a labelled place (its line range, or one of its `alsoAt` places). */
export function onPlace(entry, f) {
  return [entry, ...(entry.alsoAt ?? [])].some((at) => at.file === f.file && f.line >= at.line && f.line <= (at.endLine ?? at.line));
}

/** A share as a percentage with one decimal, `n/a` for none. */
export function pct(n, d) {
  return d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)} %`;
}

/** The plugin's path (relative to `main` when inside it), and the commit of the checkout it was built in when that is a git work tree. */
export function pluginLabel(path, main) {
  const abs = resolve(path);
  let commit = '';
  try {
    commit = execFileSync('git', ['-C', dirname(abs), 'rev-parse', '--short=12', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // Not in a git work tree: the path alone.
  }
  const shown = abs.startsWith(main + sep) ? relative(main, abs) : abs;
  return commit ? `${shown}\` built at commit \`${commit}` : shown;
}

/**
 * Lints each labelled repository of `labels.repos` (all, or those of `args.only`) that has a
 * checkout under `args.repos`, with `lintRepo(truth, root, plugin, args, defaultExclude)`, and
 * prints the header every measurement prints for it (files, lines, seconds per mode, parse
 * errors); a missing checkout is named and skipped. `report(result, root)` prints the rest.
 * @returns the results, in the order of the labels
 */
export function lintLabelledCheckouts(labels, args, plugin, lintRepo, report) {
  const results = [];
  for (const truth of labels.repos) {
    if (args.only && !args.only.has(truth.name)) continue;
    const root = join(resolve(args.repos), truth.name);
    if (!existsSync(root) || !statSync(root).isDirectory()) {
      console.log(`\n## ${truth.repo}: no checkout at ${root} (see README.md), skipped`);
      continue;
    }
    const r = lintRepo(truth, root, plugin, args, labels.defaultExclude ?? []);
    results.push(r);
    console.log(`\n## ${truth.repo} @ ${truth.commit.slice(0, 12)} (${r.files} files, ${r.lines} lines, ${args.modes.map((m) => `${m} ${r.modes[m].seconds.toFixed(1)} s`).join(', ')})`);
    if (r.fatal.length) console.log(`  parse errors: ${r.fatal.map((f) => `${f.file}:${f.line} ${f.message}`).join('; ')}`);
    report(r, root);
  }
  return results;
}
