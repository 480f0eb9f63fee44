import { fileURLToPath } from 'node:url';

import { Linter } from 'eslint';
import { afterEach, describe, expect, it } from 'vitest';

import rule from '../../src/rules/no-unsanitized-fs-path';
import { clearProjectCaches } from '../../src/project/index';

/*
 * Helpers of other files are followed two files deep (tests/fixtures/cross-file/fs-hops:
 * a.js → b.js → c.js → fs.readFileSync). A summary of b.js asked for on the way from a.js
 * follows one file less than one asked for directly; whichever route file is linted first, each
 * gets the answer it gets alone.
 */
const folder = new URL('../fixtures/cross-file/fs-hops/', import.meta.url);
const file = (name: string): string => fileURLToPath(new URL(name, folder));

const VIA_B = `import express from 'express';
import { readVia } from './b.js';
const app = express();
app.get('/b/:name', (req, res) => res.send(readVia(req.params.name)));
`;
const VIA_A = `import express from 'express';
import { readFar } from './a.js';
const app = express();
app.get('/a/:name', (req, res) => res.send(readFar(req.params.name)));
`;

function lint(code: string, filename: string): string[] {
  const linter = new Linter({ configType: 'flat', cwd: '/' });
  return linter
    .verify(code, [{ files: ['**/*.js'], plugins: { probe: { rules: { rule } } } as never, rules: { 'probe/rule': 'error' } }], { filename })
    .map((message) => `${message.line}:${message.column} ${message.messageId ?? message.message}`);
}

describe('no-unsanitized-fs-path: findings do not depend on the order files are linted in', () => {
  afterEach(() => clearProjectCaches());

  it('two files deep is reported, three is not, linting the nearer caller first', () => {
    expect(lint(VIA_B, file('routes-b.js'))).toEqual(['4:52 requestPath']);
    expect(lint(VIA_A, file('routes-a.js'))).toEqual([]);
  });

  it('the same answers linting the farther caller first', () => {
    expect(lint(VIA_A, file('routes-a.js'))).toEqual([]);
    expect(lint(VIA_B, file('routes-b.js'))).toEqual(['4:52 requestPath']);
  });
});
