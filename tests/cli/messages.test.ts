import { describe, expect, it } from 'vitest';

import { normalizeQuotes, sentencesOf, splitMessage } from '../../src/cli/messages';

describe('splitMessage', () => {
  it.each([
    [
      "GET /api/users/:id (express) has no authentication gate: no auth middleware or guard before it, no auth wrapper. Add one, or mark the route `// agent-guard: public-route <reason>`.",
      'GET /api/users/:id (express) has no authentication gate',
      'No auth middleware or guard before it, no auth wrapper. Add one, or mark the route `// agent-guard: public-route <reason>`.',
    ],
    [
      'The SQL text passed to `db.query` embeds request input `req.query.region`. Pass values as bound parameters instead of building the query string.',
      'The SQL text passed to `db.query` embeds request input `req.query.region`',
      'Pass values as bound parameters instead of building the query string.',
    ],
    [
      "`fs.readFile` receives a file path built from request input (`req.params.name`); path.join() does not stop `../` traversal. Reduce it.",
      '`fs.readFile` receives a file path built from request input (`req.params.name`)',
      'path.join() does not stop `../` traversal. Reduce it.',
    ],
    // No split inside code or parentheses.
    ["'got' switches its timeout off (timeout: 0): a stalled server hangs. Use a timeout.", "'got' switches its timeout off (timeout: 0)", 'A stalled server hangs. Use a timeout.'],
    ['`a: b; c. D` is quoted.', '`a: b; c. D` is quoted', ''],
    ['One short sentence.', 'One short sentence', ''],
  ])('%s', (text, headline, detail) => {
    expect(splitMessage(text)).toEqual({ headline, detail });
  });
});

describe('sentencesOf', () => {
  it('splits at sentence ends outside code, keeping each period', () => {
    expect(sentencesOf('A stalled server hangs. Fix: set `a. B` here. Done')).toEqual(['A stalled server hangs.', 'Fix: set `a. B` here.', 'Done']);
    expect(sentencesOf('')).toEqual([]);
  });
});

describe('normalizeQuotes', () => {
  it('writes single-quoted code in backticks, leaving apostrophes and other quotes alone', () => {
    expect(normalizeQuotes("'axios.get' has no timeout: the server's reply ('slow') never comes")).toBe("`axios.get` has no timeout: the server's reply (`slow`) never comes");
    expect(normalizeQuotes("it's 'two words' and `code`")).toBe("it's 'two words' and `code`");
  });
});
