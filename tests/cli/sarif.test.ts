import { readFileSync } from 'node:fs';

import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';

import { formatSarif, type SarifContext } from '../../src/cli/formatters/sarif';
import { rules } from '../../src/rules/index';
import { message, parseError, result } from './helpers';

const schema = JSON.parse(readFileSync(new URL('../fixtures/sarif-schema-2.1.0.json', import.meta.url), 'utf8')) as object;
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

function expectValid(log: unknown): void {
  const valid = validate(log);
  expect(validate.errors ?? [], 'SARIF schema violations').toEqual([]);
  expect(valid).toBe(true);
}

/** The plugin's rules as the CLI declares them, read from the rules' own meta. */
const CONTEXT: SarifContext = {
  root: '/repo',
  toolName: 'agent-guard',
  toolVersion: '1.2.3',
  informationUri: 'https://github.com/agent-guard/eslint-plugin-agent-guard#readme',
  rules: Object.entries(rules).map(([name, rule]) => ({
    id: `agent-guard/${name}`,
    description: rule.meta.docs?.description,
    helpUri: rule.meta.docs?.url,
  })),
};

interface SarifLog {
  runs: [
    {
      tool: {
        driver: {
          name: string;
          version: string;
          rules: Array<{
            id: string;
            helpUri?: string;
            shortDescription?: { text: string };
            help?: { text: string; markdown?: string };
            properties?: { tags?: string[]; precision?: string; 'security-severity'?: string };
          }>;
        };
      };
      results: Array<{ ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: unknown[]; partialFingerprints?: Record<string, string> }>;
      originalUriBaseIds: Record<string, { uri?: string; description?: { text: string } }>;
      invocations: [{ executionSuccessful: boolean; toolExecutionNotifications: unknown[] }];
    },
  ];
}

describe('formatSarif', () => {
  it('writes a valid SARIF 2.1.0 log with every declared rule and its docs link, even without findings', () => {
    const log = JSON.parse(formatSarif([result('/repo/src/clean.js', [])], CONTEXT)) as SarifLog;
    expectValid(log);
    const [run] = log.runs;
    expect(run.tool.driver).toMatchObject({ name: 'agent-guard', version: '1.2.3' });
    expect(run.tool.driver.rules.map((rule) => rule.id)).toEqual(Object.keys(rules).map((name) => `agent-guard/${name}`));
    for (const rule of run.tool.driver.rules) {
      expect(rule.helpUri).toMatch(/^https:\/\/github\.com\/agent-guard\/eslint-plugin-agent-guard\/blob\/main\/docs\/rules\/[a-z-]+\.md$/u);
      expect(rule.shortDescription?.text).toMatch(/^[A-Z]/u);
    }
    expect(run.results).toEqual([]);
    expect(run.invocations[0]).toEqual({ executionSuccessful: true, toolExecutionNotifications: [] });
  });

  it('ranks each rule for code scanning: security and CWE tags, security-severity, precision, and its docs page as help', () => {
    const log = JSON.parse(formatSarif([], CONTEXT)) as SarifLog;
    expectValid(log);
    const ranking = Object.fromEntries(
      log.runs[0].tool.driver.rules.map((rule) => [rule.id, [...(rule.properties?.tags ?? []), rule.properties?.['security-severity'], rule.properties?.precision].join(' ')]),
    );
    // Every rule of the plugin is ranked; the table also holds rules still being written, which
    // are checked once they are registered.
    const expected: Record<string, string> = {
      'agent-guard/fetch-requires-timeout': 'security external/cwe/cwe-400 5.3 high',
      'agent-guard/no-command-injection': 'security external/cwe/cwe-78 8.8 high',
      'agent-guard/no-hardcoded-secrets': 'security external/cwe/cwe-798 7.5 high',
      'agent-guard/no-sql-template-literal': 'security external/cwe/cwe-89 8.8 high',
      'agent-guard/no-ssrf': 'security external/cwe/cwe-918 8.6 high',
      'agent-guard/no-stack-in-response': 'security external/cwe/cwe-209 5.3 high',
      'agent-guard/no-unsanitized-fs-path': 'security external/cwe/cwe-22 7.5 high',
      'agent-guard/require-auth-gate-in-route': 'security external/cwe/cwe-306 8.2 medium',
    };
    expect(ranking).toEqual(Object.fromEntries(Object.keys(ranking).map((id) => [id, expected[id]])));
    expect(Object.keys(ranking)).toContain('agent-guard/fetch-requires-timeout');
    for (const rule of log.runs[0].tool.driver.rules) {
      const name = rule.id.replace('agent-guard/', '');
      const page = readFileSync(new URL(`../../docs/rules/${name}.md`, import.meta.url), 'utf8');
      expect(rule.help?.text).toBe(`${rule.shortDescription?.text ?? ''}. See ${rule.helpUri ?? ''}`);
      // The page itself, its first line unchanged, with no relative link left (they would break in code scanning).
      expect(rule.help?.markdown?.split('\n', 1)[0]).toBe(page.split('\n', 1)[0]);
      expect(rule.help?.markdown).not.toMatch(/\]\((?![a-z]+:)/u);
      expect(rule.help?.markdown?.length).toBeGreaterThan(page.length * 0.9);
    }
    const auth = log.runs[0].tool.driver.rules.find((rule) => rule.id === 'agent-guard/require-auth-gate-in-route');
    expect(auth?.help?.markdown).toContain('[express.md](https://github.com/agent-guard/eslint-plugin-agent-guard/blob/main/docs/frameworks/express.md)');
    expect(auth?.help?.markdown).toContain('[its own page](https://github.com/agent-guard/eslint-plugin-agent-guard/blob/main/docs/rules/require-auth-gate-in-route.md#frameworks)');
  });

  it('fingerprints each result by rule, file and normalised code line: stable when lines move or indentation changes', () => {
    const before = 'import x from "x";\nexport const a = () => fetch(url);\nexport const b = () => fetch(url);\n';
    const after = '// a comment\n\nimport x from "x";\n\n  export const a = ()   => fetch(url);\nexport const b = () => fetch(url);\n';
    const fingerprints = (source: string, lines: number[]) => {
      const file = { ...result('/repo/src/a.js', lines.map((line) => message({ line, endLine: line }))), source };
      const log = JSON.parse(formatSarif([file], CONTEXT)) as SarifLog;
      expectValid(log);
      return log.runs[0].results.map((entry) => entry.partialFingerprints?.['agentGuardFinding/v1']);
    };
    const old = fingerprints(before, [2, 3]);
    expect(old[0]).toMatch(/^[0-9a-f]{32}:1$/u);
    expect(old[1]).not.toBe(old[0]);
    expect(fingerprints(after, [5, 6])).toEqual(old);
    // The same code twice in a file: told apart by their order.
    const twice = fingerprints('fetch(url);\nfetch(url);\n', [1, 2]);
    expect(twice[0]?.replace(/:1$/u, ':2')).toBe(twice[1]);
    // Another file or rule is another alert.
    const other = JSON.parse(formatSarif([{ ...result('/repo/src/b.js', [message({ line: 2, endLine: 2 })]), source: before }], CONTEXT)) as SarifLog;
    expect(other.runs[0].results[0]?.partialFingerprints?.['agentGuardFinding/v1']).not.toBe(old[0]);
  });

  it('records no absolute path of the machine that ran it, and writes code in messages in backticks', () => {
    const text = formatSarif([result('/home/runner/work/app/app/src/a.js', [message()])], { ...CONTEXT, root: '/home/runner/work/app/app' });
    expect(text).not.toContain('/home/runner');
    const log = JSON.parse(text) as SarifLog;
    expectValid(log);
    expect(log.runs[0].originalUriBaseIds).toEqual({
      '%SRCROOT%': { description: { text: 'The root of the checked repository (its git work tree; the working directory outside git).' } },
    });
    expect(log.runs[0].results[0]?.message.text).toBe('`fetch` has no timeout.');
  });

  it('points each result at its rule and its region, with URIs relative to %SRCROOT%', () => {
    const log = JSON.parse(
      formatSarif(
        [
          result('/repo/app/api/users/[id]/route.ts', [message({ ruleId: 'agent-guard/no-sql-template-literal', message: 'SQL.', line: 11, column: 43, endLine: 11, endColumn: 84 })]),
          result('/repo/src/my file.js', [message({ severity: 1, endLine: undefined, endColumn: undefined })]),
        ],
        CONTEXT,
      ),
    ) as SarifLog;
    expectValid(log);
    const { results: found, tool } = log.runs[0];
    expect(found).toEqual([
      {
        ruleId: 'agent-guard/no-sql-template-literal',
        ruleIndex: tool.driver.rules.findIndex((rule) => rule.id === 'agent-guard/no-sql-template-literal'),
        level: 'error',
        message: { text: 'SQL.' },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'app/api/users/%5Bid%5D/route.ts', uriBaseId: '%SRCROOT%' },
              region: { startLine: 11, startColumn: 43, endLine: 11, endColumn: 84 },
            },
          },
        ],
        partialFingerprints: { 'agentGuardFinding/v1': expect.stringMatching(/^[0-9a-f]{32}:1$/u) as unknown },
      },
      {
        ruleId: 'agent-guard/fetch-requires-timeout',
        ruleIndex: tool.driver.rules.findIndex((rule) => rule.id === 'agent-guard/fetch-requires-timeout'),
        level: 'warning',
        message: { text: '`fetch` has no timeout.' },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'src/my%20file.js', uriBaseId: '%SRCROOT%' },
              region: { startLine: 3, startColumn: 9 },
            },
          },
        ],
        partialFingerprints: { 'agentGuardFinding/v1': expect.stringMatching(/^[0-9a-f]{32}:1$/u) as unknown },
      },
    ]);
    expect(found.every((entry) => entry.ruleIndex >= 0)).toBe(true);
  });

  it('reports parse errors as tool execution notifications, and rules of other plugins (--config) as extra rules', () => {
    const log = JSON.parse(
      formatSarif(
        [
          result('/repo/broken.js', [parseError(2, 7)]),
          result('/elsewhere/lib.js', [message({ ruleId: 'no-eval', message: 'eval can be harmful.', line: 0, column: 0 })]),
        ],
        CONTEXT,
      ),
    ) as SarifLog;
    expectValid(log);
    const [run] = log.runs;
    expect(run.invocations[0]).toEqual({
      executionSuccessful: false,
      toolExecutionNotifications: [
        {
          level: 'error',
          message: { text: 'Parsing error: Unexpected token )' },
          locations: [{ physicalLocation: { artifactLocation: { uri: 'broken.js', uriBaseId: '%SRCROOT%' }, region: { startLine: 2, startColumn: 7 } } }],
        },
      ],
    });
    expect(run.tool.driver.rules.at(-1)).toEqual({ id: 'no-eval' });
    expect(run.results).toEqual([
      {
        ruleId: 'no-eval',
        ruleIndex: run.tool.driver.rules.length - 1,
        level: 'error',
        message: { text: 'eval can be harmful.' },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'file:///elsewhere/lib.js' } } }],
        partialFingerprints: { 'agentGuardFinding/v1': expect.stringMatching(/^[0-9a-f]{32}:1$/u) as unknown },
      },
    ]);
  });

  it('reports files skipped because they could not be parsed as warning notifications of a successful run', () => {
    const log = JSON.parse(
      formatSarif([result('/repo/src/a.js', [message()])], {
        ...CONTEXT,
        unparseable: [
          { file: '/repo/docs/snippet.js', reason: 'could not parse', message: 'Unexpected token )', line: 2, column: 7 },
          { file: '/repo/tsup.config.cjs', reason: 'could not parse', message: 'Unexpected end of input' },
        ],
      }),
    ) as SarifLog;
    expectValid(log);
    const [run] = log.runs;
    expect(run.invocations[0]).toEqual({
      executionSuccessful: true,
      toolExecutionNotifications: [
        {
          level: 'warning',
          message: { text: 'Skipped: could not parse this file: Unexpected token )' },
          locations: [{ physicalLocation: { artifactLocation: { uri: 'docs/snippet.js', uriBaseId: '%SRCROOT%' }, region: { startLine: 2, startColumn: 7 } } }],
        },
        {
          level: 'warning',
          message: { text: 'Skipped: could not parse this file: Unexpected end of input' },
          locations: [{ physicalLocation: { artifactLocation: { uri: 'tsup.config.cjs', uriBaseId: '%SRCROOT%' } } }],
        },
      ],
    });
    expect(run.results.map((entry) => entry.ruleId)).toEqual(['agent-guard/fetch-requires-timeout']);
  });

  it('control: the vendored schema rejects what SARIF forbids', () => {
    const log = JSON.parse(formatSarif([result('/repo/a.js', [message()])], CONTEXT)) as { runs: [{ results: [{ level: string }] }] };
    log.runs[0].results[0].level = 'fatal';
    expect(validate(log)).toBe(false);
    expect(validate({ version: '2.1.0' })).toBe(false);
  });
});
