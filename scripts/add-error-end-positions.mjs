#!/usr/bin/env node
/**
 * Codemod: add the real `endLine` / `endColumn` to every expected error object of the
 * RuleTester `invalid` cases in the given test files, so that they satisfy
 * `eslint-plugin/require-test-error-positions`.
 *
 * Usage (from the repository root):
 *
 *   node scripts/add-error-end-positions.mjs [--dry-run] [--verbose] <test file | directory> ...
 *
 *   e.g. node scripts/add-error-end-positions.mjs tests/rules/fetch-requires-timeout.test.ts \
 *          tests/rules/require-auth-gate-in-route.test.ts tests/analysis tests/core
 *
 *   Arguments are `*.test.ts` files or directories (searched recursively for `*.test.ts`).
 *   Files without RuleTester cases are run but left unchanged.
 *   --dry-run   report what would change, write nothing.
 *   --verbose   also list every case that needed no change.
 *
 * How it works: nothing is guessed. The script runs the given test files once with vitest
 * (through `vitest/node`, with the project's vitest config plus this very file as an extra
 * setup file, selected by the AEP_RECORD_DIR environment variable). In that mode this file
 * patches `RuleTester.prototype.runRuleForItem` of `@typescript-eslint/rule-tester` (every
 * tester of the suite, `createRuleTester()` or `new RuleTester(...)`, goes through it) and
 * records, for each test case, the test file, the name given to `run()`, the case's `code`,
 * `filename` and `options`, whether the case's test passed, and the messages ESLint
 * reported (already in RuleTester's order: by line, then column; RuleTester compares the
 * expected errors with them index by index).
 *
 * Then it parses each test file with the TypeScript compiler API, finds every case object
 * (an object literal with a string `code` and an array literal `errors`), matches it to the
 * recorded runs by test file + `run()` name + code + filename (+ options when they are a
 * plain literal), and inserts `endLine: N, endColumn: M` right after the error object's
 * `column: …` property (single-line objects stay single-line; a property on its own line
 * gets its own lines with the same indentation).
 *
 * Safety: only error objects that state numeric `line` and `column` and lack `endLine`
 * and/or `endColumn` are edited; existing values are never changed. A case is skipped (and
 * listed) when it cannot be matched with certainty: code not a plain string, no recorded
 * run, several recorded runs that disagree, its test failed, a different number of
 * messages than expected errors, a spread in `errors`, or a recorded line/column/messageId
 * that disagrees with the stated one. Re-running the script is a no-op for updated cases.
 *
 * Files are written only after the whole recording run has ended; if that run stalls (once
 * seen while source files were being edited), stop it with Ctrl-C and run the script again.
 *
 * Exit code: 0 when every case was handled (updated or already complete), 1 when some
 * case was skipped, 2 on a usage or run error.
 */
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const RECORD_ENV = 'AEP_RECORD_DIR';

if (process.env[RECORD_ENV]) {
  await installRecorder(process.env[RECORD_ENV]);
} else if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}

// ---------------------------------------------------------------------------------------
// Recording side: runs inside the vitest workers as a setup file.
// ---------------------------------------------------------------------------------------

async function installRecorder(dir) {
  const { RuleTester } = await import('@typescript-eslint/rule-tester');
  const { expect, it } = await import('vitest');
  const { threadId } = await import('node:worker_threads');
  const out = path.join(dir, `${process.pid}-${threadId}.jsonl`);
  if (RuleTester.prototype.runRuleForItem.__aepPatched) {
    return;
  }
  let pending = null;
  const original = RuleTester.prototype.runRuleForItem;
  const patched = function runRuleForItem(ruleName, rule, item) {
    const result = original.call(this, ruleName, rule, item);
    if (pending && item && typeof item === 'object' && 'errors' in item) {
      let options;
      try {
        options = 'options' in item ? JSON.stringify(item.options) : null;
      } catch {
        options = '<unserialisable>';
      }
      pending.push({
        testPath: expect.getState().testPath,
        testName: expect.getState().currentTestName,
        ruleName,
        code: item.code,
        filename: item.filename ?? null,
        options,
        messages: result.messages.map((m) => ({
          ruleId: m.ruleId,
          messageId: m.messageId ?? null,
          line: m.line,
          column: m.column,
          endLine: m.endLine ?? null,
          endColumn: m.endColumn ?? null,
        })),
      });
    }
    return result;
  };
  patched.__aepPatched = true;
  RuleTester.prototype.runRuleForItem = patched;

  // Wrap RuleTester's `it` so that a record says whether its test passed.
  const wrap = (base) => (name, fn) =>
    base(name, function wrapped(...args) {
      const records = [];
      pending = records;
      let passed = false;
      try {
        const value = fn.apply(this, args);
        passed = true;
        return value;
      } finally {
        pending = null;
        for (const record of records) {
          appendFileSync(out, `${JSON.stringify({ ...record, passed })}\n`);
        }
      }
    });
  RuleTester.it = wrap(it);
  RuleTester.itOnly = wrap(it.only.bind(it));
}

// ---------------------------------------------------------------------------------------
// Codemod side.
// ---------------------------------------------------------------------------------------

async function main(argv) {
  const dryRun = argv.includes('--dry-run');
  const verbose = argv.includes('--verbose');
  const unknownFlags = argv.filter((a) => a.startsWith('--') && a !== '--dry-run' && a !== '--verbose');
  const patterns = argv.filter((a) => !a.startsWith('--'));
  if (unknownFlags.length > 0 || patterns.length === 0) {
    console.error('usage: node scripts/add-error-end-positions.mjs [--dry-run] [--verbose] <test file | directory> ...');
    return 2;
  }
  const files = expand(patterns);
  if (files.length === 0) {
    console.error('no *.test.ts files match the arguments');
    return 2;
  }

  const records = await record(files);
  if (records === null) {
    return 2;
  }

  const ts = (await import('typescript')).default;
  let skippedCases = 0;
  let total = 0;
  for (const file of files) {
    const result = transform(ts, file, records.filter((r) => r.testPath === file));
    total += result.updatedErrors;
    skippedCases += result.skipped.length;
    const rel = path.relative(process.cwd(), file);
    console.log(
      `${rel}: ${result.updatedErrors} error object(s) updated in ${result.updatedCases} case(s); ` +
        `${result.completeCases} case(s) already complete; ${result.skipped.length} case(s) skipped`,
    );
    for (const s of result.skipped) {
      console.log(`  SKIPPED ${rel}:${s.line} ${s.reason}`);
    }
    for (const n of result.notes) {
      console.log(`  NOTE ${rel}:${n.line} ${n.reason}`);
    }
    if (verbose) {
      for (const c of result.unchanged) {
        console.log(`  unchanged ${rel}:${c}`);
      }
    }
    if (!dryRun && result.text !== result.original) {
      writeFileSync(file, result.text);
    }
  }
  console.log(`${dryRun ? '[dry run] ' : ''}${total} error object(s) updated in ${files.length} file(s); ${skippedCases} case(s) skipped`);
  return skippedCases > 0 ? 1 : 0;
}

function expand(patterns) {
  const files = new Set();
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'node_modules') {
        walk(full);
      } else if (entry.isFile() && entry.name.endsWith('.test.ts')) {
        files.add(path.resolve(full));
      }
    }
  };
  for (const pattern of patterns) {
    if (!existsSync(pattern)) {
      console.error(`no such file or directory: ${pattern}`);
      continue;
    }
    if (statSync(pattern).isDirectory()) {
      walk(pattern);
    } else if (pattern.endsWith('.test.ts')) {
      files.add(path.resolve(pattern));
    } else {
      console.error(`not a *.test.ts file: ${pattern}`);
    }
  }
  return [...files].sort();
}

async function record(files) {
  const dir = mkdtempSync(path.join(tmpdir(), 'add-error-end-positions-'));
  process.env[RECORD_ENV] = dir;
  try {
    const { startVitest } = await import('vitest/node');
    const self = fileURLToPath(import.meta.url);
    const vitest = await startVitest('test', files, {
      run: true,
      watch: false,
      setupFiles: [self],
      reporters: ['default'],
    });
    const failed = vitest?.state.getFiles().some((f) => f.result?.state === 'fail');
    await vitest?.close();
    if (failed) {
      console.log('note: some tests failed in the recording run; their cases are skipped');
    }
    const records = [];
    for (const name of readdirSync(dir)) {
      for (const line of readFileSync(path.join(dir, name), 'utf8').split('\n')) {
        if (line) {
          records.push(JSON.parse(line));
        }
      }
    }
    if (records.length === 0) {
      console.error('the recording run produced no records (is the setup file loaded? do the files use @typescript-eslint/rule-tester?)');
      return null;
    }
    return records;
  } finally {
    delete process.env[RECORD_ENV];
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The value of a literal expression (strings, numbers, booleans, null, arrays, objects), or `undefined`. */
function literalValue(ts, node) {
  const NOT = undefined;
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression?.(node)) {
    return literalValue(ts, node.expression);
  }
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
    return { value: node.text };
  }
  if (ts.isNumericLiteral(node)) {
    return { value: Number(node.text) };
  }
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(node.operand)) {
    return { value: -Number(node.operand.text) };
  }
  if (node.kind === ts.SyntaxKind.TrueKeyword) {
    return { value: true };
  }
  if (node.kind === ts.SyntaxKind.FalseKeyword) {
    return { value: false };
  }
  if (node.kind === ts.SyntaxKind.NullKeyword) {
    return { value: null };
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = literalValue(ts, node.left);
    const right = literalValue(ts, node.right);
    if (left && right && typeof left.value === 'string' && typeof right.value === 'string') {
      return { value: left.value + right.value };
    }
    return NOT;
  }
  if (ts.isArrayLiteralExpression(node)) {
    const values = [];
    for (const element of node.elements) {
      const v = literalValue(ts, element);
      if (!v) {
        return NOT;
      }
      values.push(v.value);
    }
    return { value: values };
  }
  if (ts.isObjectLiteralExpression(node)) {
    const object = {};
    for (const property of node.properties) {
      if (!ts.isPropertyAssignment(property)) {
        return NOT;
      }
      const key = propertyName(ts, property);
      const v = key === null ? NOT : literalValue(ts, property.initializer);
      if (!v) {
        return NOT;
      }
      object[key] = v.value;
    }
    return { value: object };
  }
  return NOT;
}

function propertyName(ts, property) {
  const name = property.name;
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) {
    return name.text;
  }
  return null;
}

function getProperty(ts, object, key) {
  return object.properties.find((p) => (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) && propertyName(ts, p) === key);
}

/** The name given to the enclosing `<tester>.run('name', rule, { ... })`, or null. */
function enclosingRunName(ts, node) {
  for (let n = node.parent; n; n = n.parent) {
    if (
      ts.isCallExpression(n) &&
      ts.isPropertyAccessExpression(n.expression) &&
      n.expression.name.text === 'run' &&
      n.arguments.length >= 3
    ) {
      const name = literalValue(ts, n.arguments[0]);
      return name && typeof name.value === 'string' ? name.value : null;
    }
  }
  return null;
}

function transform(ts, file, records) {
  const original = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, original, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const lineOf = (node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const edits = [];
  const skipped = [];
  const notes = [];
  const unchanged = [];
  let updatedErrors = 0;
  let updatedCases = 0;
  let completeCases = 0;

  const cases = [];
  const visit = (node) => {
    if (ts.isObjectLiteralExpression(node)) {
      const code = getProperty(ts, node, 'code');
      const errors = getProperty(ts, node, 'errors');
      if (code && errors && ts.isPropertyAssignment(errors) && ts.isArrayLiteralExpression(errors.initializer)) {
        cases.push(node);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);

  for (const testCase of cases) {
    const line = lineOf(testCase);
    const skip = (reason) => skipped.push({ line, reason });
    const codeProperty = getProperty(ts, testCase, 'code');
    const code = ts.isPropertyAssignment(codeProperty) ? literalValue(ts, codeProperty.initializer) : undefined;
    if (!code || typeof code.value !== 'string') {
      skip('`code` is not a plain string literal');
      continue;
    }
    const errorNodes = getProperty(ts, testCase, 'errors').initializer.elements;
    if (errorNodes.some((e) => ts.isSpreadElement(e))) {
      skip('`errors` contains a spread');
      continue;
    }
    const needsWork = errorNodes.some(
      (e) => ts.isObjectLiteralExpression(e) && (!getProperty(ts, e, 'endLine') || !getProperty(ts, e, 'endColumn')),
    );

    // RuleTester gives a case without `filename` a default one (`file.ts`, `react.tsx`), so
    // only a stated filename narrows the match.
    let filename = undefined;
    const filenameProperty = getProperty(ts, testCase, 'filename');
    if (filenameProperty) {
      filename = ts.isPropertyAssignment(filenameProperty) ? literalValue(ts, filenameProperty.initializer) : undefined;
    }
    let options = { value: null };
    const optionsProperty = getProperty(ts, testCase, 'options');
    if (optionsProperty) {
      const v = ts.isPropertyAssignment(optionsProperty) ? literalValue(ts, optionsProperty.initializer) : undefined;
      options = v ? { value: JSON.stringify(v.value) } : undefined;
    }
    const runName = enclosingRunName(ts, testCase);

    const candidates = records.filter(
      (r) =>
        r.code === code.value &&
        (runName === null || r.ruleName === runName) &&
        (filename === undefined || r.filename === filename.value) &&
        (options === undefined || r.options === options.value),
    );
    if (candidates.length === 0) {
      if (needsWork) {
        skip('no recorded run of this case (skipped test? code built at run time?)');
      }
      continue;
    }
    const fingerprint = (r) => JSON.stringify(r.messages);
    if (new Set(candidates.map(fingerprint)).size > 1) {
      if (needsWork) {
        skip(`${candidates.length} recorded runs with this code disagree (filename/options not literal?)`);
      }
      continue;
    }
    if (candidates.some((r) => !r.passed)) {
      if (needsWork) {
        skip('its test failed in the recording run');
      }
      continue;
    }
    const messages = candidates[0].messages;
    if (messages.length !== errorNodes.length) {
      skip(`${errorNodes.length} expected error(s) but ${messages.length} reported`);
      continue;
    }

    // Check every stated position first; edit nothing in a case with a disagreement.
    const caseEdits = [];
    let problem = null;
    let caseUpdated = 0;
    errorNodes.forEach((errorNode, i) => {
      if (problem) {
        return;
      }
      const message = messages[i];
      if (!ts.isObjectLiteralExpression(errorNode)) {
        notes.push({ line: lineOf(errorNode), reason: `error #${i + 1} is not an object literal; left alone` });
        return;
      }
      const stated = {};
      for (const key of ['line', 'column', 'endLine', 'endColumn', 'messageId']) {
        const p = getProperty(ts, errorNode, key);
        if (!p) {
          continue;
        }
        const v = ts.isPropertyAssignment(p) ? literalValue(ts, p.initializer) : undefined;
        stated[key] = v ? v.value : '<non-literal>';
      }
      for (const key of ['line', 'column', 'endLine', 'endColumn', 'messageId']) {
        if (key in stated && stated[key] !== '<non-literal>' && stated[key] !== message[key]) {
          problem = `error #${i + 1}: stated ${key} ${JSON.stringify(stated[key])} but reported ${JSON.stringify(message[key])}`;
          return;
        }
      }
      if ('endLine' in stated && 'endColumn' in stated) {
        return;
      }
      if (typeof stated.line !== 'number' || typeof stated.column !== 'number') {
        notes.push({ line: lineOf(errorNode), reason: `error #${i + 1} has no numeric line/column; left alone` });
        return;
      }
      if (message.endLine === null || message.endColumn === null) {
        problem = `error #${i + 1}: the reported message has no end position`;
        return;
      }
      const columnProperty = getProperty(ts, errorNode, 'column');
      const insert = [];
      if (!('endLine' in stated)) {
        insert.push(`endLine: ${message.endLine}`);
      }
      if (!('endColumn' in stated)) {
        insert.push(`endColumn: ${message.endColumn}`);
      }
      const at = columnProperty.getEnd();
      const start = columnProperty.getStart(source);
      const lineStart = original.lastIndexOf('\n', start - 1) + 1;
      const indent = original.slice(lineStart, start);
      const text = /^[ \t]*$/.test(indent) ? insert.map((s) => `,\n${indent}${s}`).join('') : insert.map((s) => `, ${s}`).join('');
      caseEdits.push({ at, text });
      caseUpdated++;
    });
    if (problem) {
      skip(problem);
      continue;
    }
    if (caseEdits.length === 0) {
      completeCases++;
      unchanged.push(line);
      continue;
    }
    edits.push(...caseEdits);
    updatedErrors += caseUpdated;
    updatedCases++;
  }

  let text = original;
  for (const edit of edits.sort((a, b) => b.at - a.at)) {
    text = text.slice(0, edit.at) + edit.text + text.slice(edit.at);
  }
  return { original, text, updatedErrors, updatedCases, completeCases, skipped, notes, unchanged };
}
