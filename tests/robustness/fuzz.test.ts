/**
 * Fuzz test in the spirit of ESLint's own fuzzer (tools/fuzzer-runner): random but syntactically
 * valid server programs (bench/lib/programs.ts) are linted with every rule at its strictest options;
 * no rule may throw, and every fix and suggestion, applied, must leave code that parses. A program that
 * does not parse is reported too (`unparsable-input`): that is a generator bug, fixed in programs.ts.
 *
 * Reproducible: program N is generated from seed N. On failure the seed, parser and program are printed.
 *   FUZZ_SEED=<first seed> FUZZ_ITERATIONS=<count> npx vitest run tests/robustness/fuzz.test.ts
 * CI runs the default bounded range; raise FUZZ_ITERATIONS locally to fuzz longer.
 */
import type { Rule } from 'eslint';
import { describe, expect, it } from 'vitest';

import { createRandom, generateProgram } from '../../bench/lib/programs';
import type { Harness, LintInput, Problem } from './harness';
import { createHarness, pluginHarness } from './harness';

const FIRST_SEED = Number(process.env.FUZZ_SEED ?? 1);
const ITERATIONS = Number(process.env.FUZZ_ITERATIONS ?? 100);

/**
 * `settings['agent-guard']` as users could (mis)write it: ESLint does not validate settings, so
 * rules must survive wrong types, empty names and malformed `module#export` specs.
 */
const SETTINGS_VARIANTS: unknown[] = [
  undefined,
  {},
  { http: { clients: ['myFetch', 'lib/http#get', '#', 'a#b#c', ''] } },
  { sql: { sinks: ['db.query', 'pg#Pool.query', 42, null] }, fs: { sinks: 'readFile' } },
  { requestInput: { sources: ['getInput'], sanitizers: ['clean', 'path#basename'] } },
  { auth: { functions: 'requireUser', publicRoutes: ['/health'], globalGuard: 'yes' } },
  { http: null, sql: 'nope', fs: [], requestInput: { sources: {} } },
  'not an object',
];

interface Failure {
  seed: number;
  filename: string;
  parser: LintInput['parser'];
  settings: unknown;
  problems: Problem[];
  code: string;
}

/** Lints programs FIRST_SEED..FIRST_SEED+iterations-1 (JS with both parsers, TS with the TS parser). */
function fuzz(harness: Harness, firstSeed: number, iterations: number): Failure[] {
  const failures: Failure[] = [];
  for (let seed = firstSeed; seed < firstSeed + iterations; seed += 1) {
    const program = generateProgram(seed);
    const settings = createRandom(seed ^ 0x5eed).pick(SETTINGS_VARIANTS);
    const parsers: LintInput['parser'][] = program.typescript ? ['ts'] : ['espree', 'ts'];
    for (const parser of parsers) {
      const input: LintInput = {
        code: program.code,
        filename: program.filename,
        parser,
        sourceType: program.esm ? 'module' : 'commonjs',
        settings,
      };
      const problems = harness.checkInput(input);
      if (problems.length > 0) {
        failures.push({ seed, filename: program.filename, parser, settings, problems, code: program.code });
      }
    }
  }
  return failures;
}

function describeFailures(failures: Failure[]): string {
  return failures
    .slice(0, 5)
    .map(
      ({ seed, filename, parser, settings, problems, code }) =>
        `seed ${seed} (${filename}, parser ${parser}, settings ${JSON.stringify(settings)})\n` +
        `  reproduce: FUZZ_SEED=${seed} FUZZ_ITERATIONS=1 npx vitest run tests/robustness/fuzz.test.ts\n` +
        problems.map((problem) => `  ${problem.kind}: ${problem.detail}`).join('\n') +
        `\n--- program ---\n${code}`,
    )
    .join('\n\n');
}

describe('fuzz: generated server programs', () => {
  it('generates the same program for the same seed, and different ones for different seeds', () => {
    expect(generateProgram(FIRST_SEED).code).toBe(generateProgram(FIRST_SEED).code);
    expect(generateProgram(FIRST_SEED).code).not.toBe(generateProgram(FIRST_SEED + 1).code);
  });

  it(`lints ${ITERATIONS} programs (seeds ${FIRST_SEED}..${FIRST_SEED + ITERATIONS - 1}) with every rule: no exception, every fix and suggestion parses`, () => {
    expect(pluginHarness.ruleIds.length).toBeGreaterThan(0);
    const failures = fuzz(pluginHarness, FIRST_SEED, ITERATIONS);
    expect(failures, describeFailures(failures)).toEqual([]);
  }, 120_000);
});

// The harness must be able to fail: probe plugins with a deliberately crashing rule and a rule whose
// suggestion breaks the syntax are caught and attributed to a seed.
describe('fuzz harness detects defects', () => {
  const crashing: Rule.RuleModule = {
    meta: { type: 'problem', schema: [] },
    create: () => ({
      'CallExpression[arguments.length=0]'() {
        throw new TypeError('probe crash');
      },
    }),
  };
  const badSuggestion: Rule.RuleModule = {
    meta: { type: 'problem', hasSuggestions: true, schema: [], messages: { found: 'found', fix: 'break it' } },
    create: (context) => ({
      AwaitExpression(node) {
        context.report({ node, messageId: 'found', suggest: [{ messageId: 'fix', fix: (fixer) => fixer.insertTextAfter(node, ')') }] });
      },
    }),
  };
  const probe = { meta: { name: 'probe', version: '0.0.0' }, rules: { crashing, 'bad-suggestion': badSuggestion } };

  it('reports a rule exception with its seed and rule id', () => {
    const failures = fuzz(createHarness(probe, { 'agent-guard/crashing': 'error' }), 1, 5);
    expect(failures.length).toBeGreaterThan(0);
    const [first] = failures;
    expect(first?.seed).toBeGreaterThanOrEqual(1);
    expect(first?.problems[0]?.kind).toBe('exception');
    expect(first?.problems[0]?.detail).toContain('Rule: "agent-guard/crashing"');
    expect(describeFailures(failures)).toContain(`FUZZ_SEED=${first?.seed} FUZZ_ITERATIONS=1`);
  });

  it('reports a suggestion whose output does not parse', () => {
    const failures = fuzz(createHarness(probe, { 'agent-guard/bad-suggestion': 'error' }), 1, 5);
    expect(failures.length).toBeGreaterThan(0);
    expect(failures[0]?.problems[0]?.kind).toBe('unparsable-suggestion');
  });
});
