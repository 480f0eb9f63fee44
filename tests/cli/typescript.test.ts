import { describe, expect, it } from 'vitest';

import { CliError } from '../../src/cli/errors';
import { checkTypeScript, inspectTypeScript, satisfiesRange, TYPESCRIPT_FIX } from '../../src/cli/typescript';

const RANGE = '>=4.8.4 <6.1.0';

describe('satisfiesRange', () => {
  it("reads typescript-eslint's comparator ranges", () => {
    for (const version of ['4.8.4', '5.0.0', '5.9.3', '6.0.2', '6.0.0-beta']) {
      expect(satisfiesRange(version, RANGE), version).toBe(true);
    }
    for (const version of ['4.8.3', '4.7.0', '6.1.0', '7.0.0', '7.0.0-dev.20260101', 'nonsense']) {
      expect(satisfiesRange(version, RANGE), version).toBe(false);
    }
    expect(satisfiesRange('3.0.0', '>=5 || 3.0.0')).toBe(true);
    expect(satisfiesRange('5.0.1', '>5.0.0 <=5.0.1')).toBe(true);
    expect(satisfiesRange('5.0.0', '>5.0.0')).toBe(false);
  });
});

describe('checkTypeScript', () => {
  it('names an unsupported TypeScript and the fix', () => {
    expect(() => checkTypeScript({ supported: RANGE, found: '7.0.0' })).toThrow(
      new CliError(`TypeScript 7.0.0 is installed, but typescript-eslint, which agent-guard parses TypeScript with, supports only ${RANGE}; install a supported one: npm i -D typescript@~5.9`),
    );
  });

  it('names a missing TypeScript and the fix', () => {
    expect(() => checkTypeScript({ supported: RANGE, found: null })).toThrow(
      new CliError(`typescript-eslint, which agent-guard parses TypeScript with, needs the typescript package, which is not installed (it supports ${RANGE}); install it: ${TYPESCRIPT_FIX}`),
    );
  });

  it('accepts a supported one', () => {
    expect(() => checkTypeScript({ supported: RANGE, found: '5.9.3' })).not.toThrow();
  });

  it("reads this repository's installation: typescript-eslint's declared range and the TypeScript it loads", async () => {
    const { version } = (await import('typescript')).default;
    const install = inspectTypeScript();
    expect(install).toEqual({ supported: expect.stringMatching(/^>=\d/u), found: version });
    expect(satisfiesRange(install.found ?? '', install.supported)).toBe(true);
  });
});
