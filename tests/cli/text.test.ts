import { describe, expect, it } from 'vitest';

import { formatText } from '../../src/cli/formatters/text';
import { SourceLines } from '../../src/cli/snippet';
import { message, result } from './helpers';

const AUTH = 'agent-guard/require-auth-gate-in-route';
const FETCH = 'agent-guard/fetch-requires-timeout';
const GATE = (route: string) =>
  `${route} (express) has no authentication gate: no auth middleware or guard before it, no auth wrapper. Add one, or mark the route \`// agent-guard: public-route <reason>\`.`;
const STALL = "'fetch' has no timeout: a stalled server keeps this request open. Fix: pass signal: AbortSignal.timeout(ms).";
const STALL_AXIOS = "'axios.get' has no timeout: a stalled server keeps this request open. Fix: set timeout: ms.";

const RULES_META = {
  [AUTH]: { docs: { description: 'Require an explicit authentication gate in every HTTP route handler', url: 'https://example.com/auth.md' } },
  [FETCH]: { docs: { description: 'Require a timeout on outbound HTTP requests', url: 'https://example.com/fetch.md' } },
};

describe('formatText (the default report)', () => {
  it('prints the first sentence per finding with its code line, the rest once per rule, then totals by rule', () => {
    const server = {
      ...result('/repo/src/server.js', [
        message({ ruleId: AUTH, severity: 1, message: GATE('GET /users'), line: 2, column: 5 }),
        message({ ruleId: AUTH, severity: 1, message: GATE('DELETE /users/:id'), line: 5, column: 5 }),
        message({ message: STALL, line: 12, column: 26, suggestions: [{ desc: 'Add signal: AbortSignal.timeout(10000).', fix: { range: [0, 0], text: '' } }] }),
      ]),
      source: ['', "app.get('/users', async (req, res) => {", '', '', "\tapp.delete('/users/:id', handler);", ...Array(6).fill(''), '    const res = await fetch(url);'].join('\n'),
    };
    const client = { ...result('/repo/lib/client.js', [message({ message: STALL_AXIOS, line: 1, column: 1 })]), source: 'axios.get(u);\n' };
    const text = formatText([server, result('/repo/src/clean.js', []), client], { cwd: '/repo', rulesMeta: RULES_META, sources: new SourceLines() });
    expect(text.split('\n')).toEqual([
      'src/server.js',
      '  2:5    warning  GET /users (express) has no authentication gate  agent-guard/require-auth-gate-in-route',
      "         | app.get('/users', async (req, res) => {",
      '  5:5    warning  DELETE /users/:id (express) has no authentication gate  agent-guard/require-auth-gate-in-route',
      "         | app.delete('/users/:id', handler);",
      '  12:26  error    `fetch` has no timeout  agent-guard/fetch-requires-timeout',
      '         | const res = await fetch(url);',
      '',
      'lib/client.js',
      '  1:1  error    `axios.get` has no timeout  agent-guard/fetch-requires-timeout',
      '       | axios.get(u);',
      '',
      'agent-guard/fetch-requires-timeout: Require a timeout on outbound HTTP requests',
      '  A stalled server keeps this request open.',
      '  Fix: pass signal: AbortSignal.timeout(ms).',
      '  Fix: set timeout: ms.',
      '  Editor suggestion: Add signal: AbortSignal.timeout(10000).',
      '  Docs: https://example.com/fetch.md',
      '',
      'agent-guard/require-auth-gate-in-route: Require an explicit authentication gate in every HTTP route handler',
      '  No auth middleware or guard before it, no auth wrapper.',
      '  Add one, or mark the route `// agent-guard: public-route <reason>`.',
      '  Docs: https://example.com/auth.md',
      '',
      '✖ 4 problems (2 errors, 2 warnings)',
      '  agent-guard/fetch-requires-timeout: 2 findings in 2 files',
      '  agent-guard/require-auth-gate-in-route: 2 findings in 1 file',
      '',
    ]);
  });

  it('prints nothing when there are no findings', () => {
    expect(formatText([result('/repo/a.js', [])], { cwd: '/repo', rulesMeta: {}, sources: new SourceLines() })).toBe('');
  });

  it('cuts a long (minified) code line around the finding, and shows no code line when the source is gone', () => {
    const long = `${'a'.repeat(200)}fetch(u)${'b'.repeat(200)}`;
    const text = formatText(
      [{ ...result('/repo/min.js', [message({ line: 1, column: 201 })]), source: long }, result('/repo/gone.js', [message({ message: 'x.', line: 1, column: 1 })])],
      { cwd: '/repo/src', rulesMeta: {}, sources: new SourceLines() },
    );
    expect(text.split('\n').slice(0, 7)).toEqual([
      '../min.js',
      "  1:201  error    `fetch` has no timeout  agent-guard/fetch-requires-timeout",
      `         | …${'a'.repeat(20)}fetch(u)${'b'.repeat(92)}…`,
      '',
      '../gone.js',
      '  1:1  error    x  agent-guard/fetch-requires-timeout',
      '',
    ]);
  });
});
