import { describe, expect, it } from 'vitest';

import { normalizeRuleIds, parseCliArgs, parseFileSize, secretScanWanted } from '../../src/cli/args';
import { CliError } from '../../src/cli/errors';

const RULES = ['fetch-requires-timeout', 'no-sql-template-literal'];

function usageError(argv: string[]): string {
  try {
    parseCliArgs(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(CliError);
    return (error as Error).message;
  }
  throw new Error(`expected ${JSON.stringify(argv)} to be rejected`);
}

describe('parseCliArgs', () => {
  it('defaults: current directory, stylish, nothing else', () => {
    expect(parseCliArgs([])).toEqual({
      paths: ['.'],
      diff: undefined,
      outputs: [{ format: 'stylish', file: undefined }],
      concurrency: undefined,
      maxWarnings: undefined,
      strict: false,
      rules: [],
      config: undefined,
      baseline: undefined,
      updateBaseline: false,
      ignorePatterns: [],
      useEslintIgnores: false,
      maxFileSize: 1024 * 1024,
      verbose: false,
      debug: false,
      secrets: undefined,
      help: false,
      version: false,
    });
  });

  it('--secrets and --no-secrets: the secret scan asked for or refused; by default on with --diff unless --rule narrows the run', () => {
    expect(parseCliArgs(['--secrets']).secrets).toBe(true);
    expect(parseCliArgs(['--no-secrets']).secrets).toBe(false);
    expect(parseCliArgs([]).secrets).toBeUndefined();
    expect(usageError(['--secrets', '--no-secrets'])).toBe('--secrets and --no-secrets contradict each other: give one');
    expect(secretScanWanted({ secrets: undefined, diff: undefined, rules: [] })).toBe(false);
    expect(secretScanWanted({ secrets: undefined, diff: 'origin/main', rules: [] })).toBe(true);
    expect(secretScanWanted({ secrets: undefined, diff: 'origin/main', rules: ['agent-guard/fetch-requires-timeout'] })).toBe(false);
    expect(secretScanWanted({ secrets: true, diff: undefined, rules: ['agent-guard/fetch-requires-timeout'] })).toBe(true);
    expect(secretScanWanted({ secrets: false, diff: 'origin/main', rules: [] })).toBe(false);
  });

  it('reads every option, long and short, with spaces or `=`', () => {
    expect(
      parseCliArgs([
        'src',
        '--diff',
        'origin/main',
        '-f',
        'sarif',
        '-o',
        'out/report.sarif',
        '--max-warnings=3',
        '--rule',
        'fetch-requires-timeout',
        '--rule=agent-guard/no-sql-template-literal',
        '--baseline',
        'baseline.json',
        '--update-baseline',
        '--ignore-pattern',
        'docs/',
        '--ignore-pattern=**/*.test.js',
        '--use-eslint-ignores',
        '--max-file-size',
        '2mb',
        '--verbose',
        '--debug',
        '--concurrency',
        '4',
        'lib/a.ts',
      ]),
    ).toEqual({
      paths: ['src', 'lib/a.ts'],
      diff: 'origin/main',
      outputs: [{ format: 'sarif', file: 'out/report.sarif' }],
      concurrency: 4,
      maxWarnings: 3,
      strict: false,
      rules: ['fetch-requires-timeout', 'agent-guard/no-sql-template-literal'],
      config: undefined,
      baseline: 'baseline.json',
      updateBaseline: true,
      ignorePatterns: ['docs/', '**/*.test.js'],
      useEslintIgnores: true,
      maxFileSize: 2 * 1024 * 1024,
      verbose: true,
      debug: true,
      help: false,
      version: false,
    });
    expect(parseCliArgs(['-c', 'eslint.config.js', '--format=github'])).toMatchObject({ config: 'eslint.config.js', outputs: [{ format: 'github', file: undefined }] });
    expect(parseCliArgs(['--strict', '-h', '-v'])).toMatchObject({ strict: true, help: true, version: true });
  });

  it('reads --max-file-size in bytes, kb or mb (units of 1024), 0 for no limit', () => {
    const sizes: Record<string, number> = { '0': 0, '200000': 200_000, '500b': 500, '500kb': 512_000, '500K': 512_000, '1.5MB': 1_572_864, '2m': 2_097_152 };
    for (const [text, bytes] of Object.entries(sizes)) {
      expect(parseFileSize(text), text).toBe(bytes);
      expect(parseCliArgs([`--max-file-size=${text}`]).maxFileSize, text).toBe(bytes);
    }
    const bad = (text: string) => `--max-file-size needs a size such as 1mb, 500kb or 200000 (bytes); 0 for no limit (got "${text}")`;
    expect(usageError(['--max-file-size=1gb'])).toBe(bad('1gb'));
    expect(usageError(['--max-file-size=big'])).toBe(bad('big'));
    expect(usageError(['--max-file-size='])).toBe(bad(''));
  });

  it('pairs the n-th --output with the n-th --format; a format without one goes to stdout; --sarif-output adds SARIF', () => {
    expect(parseCliArgs(['--format', 'sarif', '-o', 'a.sarif', '--format', 'json', '-o', 'a.json']).outputs).toEqual([
      { format: 'sarif', file: 'a.sarif' },
      { format: 'json', file: 'a.json' },
    ]);
    expect(parseCliArgs(['--format', 'github', '--format', 'sarif', '-o', 'a.sarif']).outputs).toEqual([
      { format: 'github', file: 'a.sarif' },
      { format: 'sarif', file: undefined },
    ]);
    expect(parseCliArgs(['-o', 'report.txt']).outputs).toEqual([{ format: 'stylish', file: 'report.txt' }]);
    expect(parseCliArgs(['--format', 'github', '--sarif-output=a.sarif']).outputs).toEqual([
      { format: 'github', file: undefined },
      { format: 'sarif', file: 'a.sarif' },
    ]);
    expect(parseCliArgs(['--sarif-output', 'a.sarif']).outputs).toEqual([
      { format: 'stylish', file: undefined },
      { format: 'sarif', file: 'a.sarif' },
    ]);
    expect(usageError(['--format', 'json', '-o', 'a.json', '-o', 'b.json'])).toBe(
      'each --output needs its own --format, in the same order: --format sarif -o a.sarif --format json -o a.json',
    );
    expect(usageError(['--format', 'json', '--format', 'github'])).toBe('only one report can go to stdout: give the other --format an --output <file>');
    expect(usageError(['--format', 'json', '-o', 'r', '--sarif-output', 'r'])).toBe('two reports would be written to r');
    expect(usageError(['--sarif-output='])).toBe('--sarif-output needs a file name');
  });

  it('reads --concurrency as a number of threads, auto or off', () => {
    expect(parseCliArgs(['--concurrency', 'auto']).concurrency).toBe('auto');
    expect(parseCliArgs(['--concurrency=off']).concurrency).toBe('off');
    expect(parseCliArgs(['--concurrency=2']).concurrency).toBe(2);
    for (const bad of ['0', '-1', 'two', '1.5', '']) {
      expect(usageError([`--concurrency=${bad}`])).toBe(`--concurrency needs a number of threads, auto or off (got "${bad}")`);
    }
  });

  it('rejects an empty --ignore-pattern', () => {
    expect(usageError(['--ignore-pattern='])).toBe('--ignore-pattern needs a pattern such as docs/ or "**/*.test.js"');
  });

  it('takes everything after `--` as paths, even names starting with a dash', () => {
    expect(parseCliArgs(['--', '--weird-dir', 'src']).paths).toEqual(['--weird-dir', 'src']);
  });

  it('rejects unknown options with one short line', () => {
    expect(usageError(['--frobnicate'])).toBe('unknown option --frobnicate (see agent-guard --help)');
    expect(usageError(['-x'])).toBe('unknown option -x (see agent-guard --help)');
  });

  it('rejects missing and malformed values', () => {
    expect(usageError(['--format'])).toMatch(/^Option '-f, --format <value>' argument missing/u);
    expect(usageError(['--format', 'xml'])).toBe('--format must be one of stylish, json, sarif, github (got "xml")');
    expect(usageError(['--max-warnings', '-1'])).toMatch(/argument is ambiguous/u);
    expect(usageError(['--max-warnings=-1'])).toBe('--max-warnings needs a whole number ≥ 0 (got "-1")');
    expect(usageError(['--max-warnings=2.5'])).toBe('--max-warnings needs a whole number ≥ 0 (got "2.5")');
    expect(usageError(['--strict=yes'])).toMatch(/^Option '--strict' does not take an argument/u);
    expect(usageError(['--output='])).toBe('--output needs a file name');
  });

  it('never passes an option-looking ref on to git', () => {
    expect(usageError(['--diff=--output=/tmp/x'])).toBe('--diff needs a git ref such as origin/main (got "--output=/tmp/x")');
    expect(usageError(['--diff='])).toBe('--diff needs a git ref such as origin/main (got "")');
  });

  it('rejects options that contradict each other', () => {
    expect(usageError(['--strict', '--config', 'eslint.config.js'])).toBe(
      '--strict selects the built-in strict config; it cannot be combined with --config',
    );
    expect(usageError(['--update-baseline'])).toBe('--update-baseline needs --baseline <file>');
  });
});

describe('normalizeRuleIds', () => {
  it('accepts the plugin rules with or without the agent-guard/ prefix, once each', () => {
    expect(
      normalizeRuleIds(['fetch-requires-timeout', 'agent-guard/no-sql-template-literal', 'agent-guard/fetch-requires-timeout'], RULES, false),
    ).toEqual(['agent-guard/fetch-requires-timeout', 'agent-guard/no-sql-template-literal']);
  });

  it('rejects unknown rules, listing the known ones', () => {
    expect(() => normalizeRuleIds(['no-eval'], RULES, false)).toThrow(
      new CliError('unknown rule "no-eval"; agent-guard\'s rules are fetch-requires-timeout, no-sql-template-literal'),
    );
    expect(() => normalizeRuleIds(['agent-guard/nope'], RULES, true)).toThrow(CliError);
    expect(() => normalizeRuleIds([''], RULES, true)).toThrow(CliError);
  });

  it('with --config, also accepts other plugins and core rules as written', () => {
    expect(normalizeRuleIds(['no-eval', 'security/detect-eval-with-expression', 'fetch-requires-timeout'], RULES, true)).toEqual([
      'no-eval',
      'security/detect-eval-with-expression',
      'agent-guard/fetch-requires-timeout',
    ]);
  });
});
