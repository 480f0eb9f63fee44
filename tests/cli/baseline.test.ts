import { describe, expect, it } from 'vitest';

import { applyBaseline, parseBaseline, recordBaseline, serializeBaseline } from '../../src/cli/baseline';
import { CliError } from '../../src/cli/errors';
import { message, parseError, result } from './helpers';

const ROOT = '/repo';
const FETCH = 'agent-guard/fetch-requires-timeout';
const SQL = 'agent-guard/no-sql-template-literal';

const fetchAt = (line: number) => message({ ruleId: FETCH, message: "'fetch' has no timeout.", line });
const axiosAt = (line: number) => message({ ruleId: FETCH, message: "'axios.get' has no timeout.", line });
const sqlAt = (line: number) => message({ ruleId: SQL, message: 'SQL built from request input.', line });

/** A file's result whose source is `lines` (joined), so that findings are keyed on their code. */
function withSource(filePath: string, lines: string[], messages: ReturnType<typeof message>[]) {
  return { ...result(filePath, messages), source: `${lines.join('\n')}\n` };
}

describe('baseline keyed on code (version 2)', () => {
  const original = ['import { query } from "./db";', 'export const a = () => fetch(url);', 'export const b = () => fetch(other);', 'db.query(`SELECT ${req.query.id}`);'];
  const recorded = recordBaseline(
    [withSource('/repo/src/a.js', original, [fetchAt(2), fetchAt(3), message({ ruleId: SQL, message: 'The SQL text passed to `db.query` embeds `req.query.id`.', line: 4 })])],
    ROOT,
  );

  it('records the normalised code line of each finding, not its message or line', () => {
    expect(recorded).toEqual({
      version: 2,
      findings: {
        'src/a.js': {
          [FETCH]: { 'export const a = () => fetch(url);': 1, 'export const b = () => fetch(other);': 1 },
          [SQL]: { 'db.query(`SELECT ${req.query.id}`);': 1 },
        },
      },
    });
  });

  it('still covers the findings when code around them is edited, lines move, indentation or the message wording changes', () => {
    const edited = ['// a new comment', 'import { query, other } from "./db";', '', 'export const a = () =>   fetch(url);', '  export const b = () => fetch(other);', 'db.query(`SELECT ${req.query.id}`);'];
    const outcome = applyBaseline(
      [withSource('/repo/src/a.js', edited, [message({ ruleId: FETCH, message: '`fetch` has no timeout (reworded).', line: 4 }), fetchAt(5), message({ ruleId: SQL, message: 'reworded', line: 6 })])],
      recorded,
      ROOT,
    );
    expect(outcome.results[0]?.messages).toEqual([]);
    expect(outcome.stale).toBe(0);
  });

  it('reports a finding whose own code line changed, and counts the recorded one as gone', () => {
    const changed = [...original.slice(0, 2), 'export const b = () => fetch(other, { cache: "no-store" });', original[3] as string];
    const outcome = applyBaseline([withSource('/repo/src/a.js', changed, [fetchAt(2), fetchAt(3), message({ ruleId: SQL, line: 4 })])], recorded, ROOT);
    expect(outcome.results[0]?.messages).toEqual([fetchAt(3)]);
    expect(outcome.stale).toBe(1);
  });

  it('still reads a version 1 baseline, keyed on messages', () => {
    const v1 = parseBaseline(JSON.stringify({ version: 1, findings: { 'src/a.js': { [FETCH]: { "'fetch' has no timeout.": 2 } } } }), 'b.json');
    const outcome = applyBaseline([withSource('/repo/src/a.js', original, [fetchAt(2), fetchAt(3), sqlAt(4)])], v1, ROOT);
    expect(outcome.results[0]?.messages).toEqual([sqlAt(4)]);
    expect(outcome.stale).toBe(0);
  });
});

describe('recordBaseline', () => {
  it('without the source at hand, counts findings by file (relative to the root), rule and message; lines are not recorded', () => {
    const baseline = recordBaseline(
      [
        result('/repo/src/b.js', [fetchAt(3), fetchAt(9), axiosAt(12), sqlAt(20)]),
        result('/repo/src/a.ts', [fetchAt(1)]),
        result('/repo/src/clean.js', []),
      ],
      ROOT,
    );
    expect(baseline).toEqual({
      version: 2,
      findings: {
        'src/b.js': { [FETCH]: { "'fetch' has no timeout.": 2, "'axios.get' has no timeout.": 1 }, [SQL]: { 'SQL built from request input.': 1 } },
        'src/a.ts': { [FETCH]: { "'fetch' has no timeout.": 1 } },
      },
    });
  });

  it('never records parse errors', () => {
    expect(recordBaseline([result('/repo/broken.js', [parseError()])], ROOT)).toEqual({ version: 2, findings: {} });
  });
});

describe('serializeBaseline', () => {
  it('sorts keys at every level, so the same findings give the same text in any order', () => {
    const one = recordBaseline([result('/repo/z.js', [sqlAt(1), fetchAt(2)]), result('/repo/a.js', [axiosAt(1), fetchAt(5)])], ROOT);
    const two = recordBaseline([result('/repo/a.js', [fetchAt(5), axiosAt(1)]), result('/repo/z.js', [fetchAt(2), sqlAt(1)])], ROOT);
    expect(serializeBaseline(one)).toBe(serializeBaseline(two));
    expect(serializeBaseline(one)).toBe(
      [
        '{',
        '  "findings": {',
        '    "a.js": {',
        `      "${FETCH}": {`,
        '        "\'axios.get\' has no timeout.": 1,',
        '        "\'fetch\' has no timeout.": 1',
        '      }',
        '    },',
        '    "z.js": {',
        `      "${FETCH}": {`,
        '        "\'fetch\' has no timeout.": 1',
        '      },',
        `      "${SQL}": {`,
        '        "SQL built from request input.": 1',
        '      }',
        '    }',
        '  },',
        '  "version": 2',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('round-trips through parseBaseline', () => {
    const baseline = recordBaseline([result('/repo/a.js', [fetchAt(1), fetchAt(2)])], ROOT);
    expect(parseBaseline(serializeBaseline(baseline), 'b.json')).toEqual(baseline);
  });
});

describe('parseBaseline', () => {
  it('rejects files that are not a version 1 or 2 baseline, naming the file', () => {
    expect(() => parseBaseline('{', 'b.json')).toThrow(new CliError('b.json is not valid JSON; delete it or run with --update-baseline'));
    const notOurs = new CliError('b.json is not an agent-guard baseline (version 1 or 2); delete it or run with --update-baseline');
    expect(() => parseBaseline('[]', 'b.json')).toThrow(notOurs);
    expect(() => parseBaseline('{"version":3,"findings":{}}', 'b.json')).toThrow(notOurs);
    expect(parseBaseline('{"version":1,"findings":{"a.js":{"r":{"m":1}}}}', 'b.json')).toEqual({ version: 1, findings: { 'a.js': { r: { m: 1 } } } });
    expect(() => parseBaseline('{"version":1,"findings":{"a.js":{"r":{"m":0}}}}', 'b.json')).toThrow(notOurs);
    expect(() => parseBaseline('{"version":1,"findings":{"a.js":{"r":{"m":"1"}}}}', 'b.json')).toThrow(notOurs);
    expect(() => parseBaseline('{"version":1,"findings":{"a.js":{"r":3}}}', 'b.json')).toThrow(notOurs);
  });
});

describe('applyBaseline', () => {
  const baseline = recordBaseline([result('/repo/src/b.js', [fetchAt(3), fetchAt(9), sqlAt(20)])], ROOT);

  it('drops recorded findings even when their lines moved', () => {
    const outcome = applyBaseline([result('/repo/src/b.js', [fetchAt(13), fetchAt(19), sqlAt(30)])], baseline, ROOT);
    expect(outcome.results[0]?.messages).toEqual([]);
    expect(outcome.results[0]).toMatchObject({ errorCount: 0, warningCount: 0 });
    expect(outcome.stale).toBe(0);
  });

  it('reports findings with a new message, rule or file', () => {
    const outcome = applyBaseline(
      [result('/repo/src/b.js', [fetchAt(3), fetchAt(9), sqlAt(20), axiosAt(25)]), result('/repo/src/c.js', [fetchAt(1)])],
      baseline,
      ROOT,
    );
    expect(outcome.results.map((r) => r.messages)).toEqual([[axiosAt(25)], [fetchAt(1)]]);
    expect(outcome.results.map((r) => r.errorCount)).toEqual([1, 1]);
  });

  it('reports every finding of a group that grew, since the new one cannot be told apart', () => {
    const outcome = applyBaseline([result('/repo/src/b.js', [fetchAt(3), fetchAt(5), fetchAt(9), sqlAt(20)])], baseline, ROOT);
    expect(outcome.results[0]?.messages).toEqual([fetchAt(3), fetchAt(5), fetchAt(9)]);
  });

  it('always reports parse errors, and counts recorded findings that are gone', () => {
    const outcome = applyBaseline([result('/repo/src/b.js', [parseError()])], baseline, ROOT);
    expect(outcome.results[0]?.messages).toEqual([parseError()]);
    expect(outcome.stale).toBe(3);
  });
});
