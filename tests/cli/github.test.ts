import { describe, expect, it } from 'vitest';

import { escapeData, escapeProperty, formatGithub } from '../../src/cli/formatters/github';
import { message, parseError, result } from './helpers';

/** A well-formed annotation: command, escaped properties, message without raw newlines. */
const ANNOTATION =
  /^::(error|warning) file=[^,:\r\n]+(,line=\d+,col=\d+(,endLine=\d+,endColumn=\d+)?)?,title=[^,:\r\n]+::[^\r\n]*$/u;

describe('workflow-command escaping', () => {
  it('escapes %, CR and LF in messages', () => {
    expect(escapeData('100% sure\r\nnext line')).toBe('100%25 sure%0D%0Anext line');
    expect(escapeData('a: b, c')).toBe('a: b, c');
  });

  it('also escapes : and , in properties', () => {
    expect(escapeProperty('src/a,b:c%.js\n')).toBe('src/a%2Cb%3Ac%25.js%0A');
  });
});

describe('formatGithub', () => {
  it('prints one annotation per finding, paths relative to the root, warnings as ::warning', () => {
    const output = formatGithub(
      [
        result('/repo/src/api/users.js', [
          message({ line: 4, column: 26, endLine: 7, endColumn: 5 }),
          message({ ruleId: 'agent-guard/require-auth-gate-in-route', severity: 1, message: 'GET /x has no gate.', line: 9, column: 1, endLine: 9, endColumn: 8 }),
        ]),
        result('/repo/src/clean.js', []),
      ],
      '/repo',
    );
    expect(output).toBe(
      "::error file=src/api/users.js,line=4,col=26,endLine=7,endColumn=5,title=agent-guard/fetch-requires-timeout::`fetch` has no timeout.\n" +
        '::warning file=src/api/users.js,line=9,col=1,endLine=9,endColumn=8,title=agent-guard/require-auth-gate-in-route::GET /x has no gate.\n',
    );
    for (const line of output.trimEnd().split('\n')) {
      expect(line).toMatch(ANNOTATION);
    }
  });

  it('escapes hostile file names and multi-line messages, and reports parse errors without an end', () => {
    const output = formatGithub(
      [
        result('/repo/odd, name: 100%.js', [message({ message: 'first line\nsecond line with 50%' })]),
        result('/repo/broken.ts', [parseError(2, 7)]),
      ],
      '/repo',
    );
    expect(output).toBe(
      '::error file=odd%2C name%3A 100%25.js,line=3,col=9,endLine=3,endColumn=30,title=agent-guard/fetch-requires-timeout::first line%0Asecond line with 50%25\n' +
        '::error file=broken.ts,line=2,col=7,title=agent-guard could not parse this file::Parsing error: Unexpected token )\n',
    );
    for (const line of output.trimEnd().split('\n')) {
      expect(line).toMatch(ANNOTATION);
    }
  });

  it('puts a warning on each file skipped because it could not be parsed, before the findings', () => {
    const output = formatGithub([result('/repo/src/a.js', [message()])], '/repo', [
      { file: '/repo/docs/snippet, 1.js', reason: 'could not parse', message: 'Unexpected token )', line: 2, column: 7 },
      { file: '/repo/tsup.config.cjs', reason: 'could not parse', message: 'Unexpected end of input' },
    ]);
    expect(output).toBe(
      '::warning file=docs/snippet%2C 1.js,line=2,col=7,title=agent-guard skipped this file::could not parse it: Unexpected token )\n' +
        '::warning file=tsup.config.cjs,title=agent-guard skipped this file::could not parse it: Unexpected end of input\n' +
        "::error file=src/a.js,line=3,col=9,endLine=3,endColumn=30,title=agent-guard/fetch-requires-timeout::`fetch` has no timeout.\n",
    );
    for (const line of output.trimEnd().split('\n')) {
      expect(line).toMatch(ANNOTATION);
    }
  });

  it('prints nothing without findings', () => {
    expect(formatGithub([result('/repo/a.js', [])], '/repo')).toBe('');
  });
});
