import type { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

import { lintInBatches } from '../../src/cli/engine';
import { CliError } from '../../src/cli/errors';
import { result } from './helpers';

/** An ESLint stand-in whose lintFiles fails like the real one on the files `failures` names. */
function fakeEslint(failures: Record<string, NodeJS.ErrnoException>): { eslint: ESLint; calls: string[][] } {
  const calls: string[][] = [];
  const eslint = {
    lintFiles: (files: string[]) => {
      calls.push(files);
      const failing = files.find((file) => failures[file]);
      return failing ? Promise.reject(failures[failing]) : Promise.resolve(files.map((file) => result(file, [])));
    },
  } as unknown as ESLint;
  return { eslint, calls };
}

function errno(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(message), { code });
}

const FILES = Array.from({ length: 45 }, (_, index) => `/repo/src/f${String(index).padStart(2, '0')}.js`);

describe('lintInBatches', () => {
  it('lints in batches of 40 and reports progress after each', async () => {
    const { eslint, calls } = fakeEslint({});
    const progress: string[] = [];
    const outcome = await lintInBatches(eslint, FILES, (done, total) => progress.push(`${done}/${total}`));
    expect(outcome.results.map((entry) => entry.filePath)).toEqual(FILES);
    expect(outcome.unreadable).toEqual([]);
    expect(calls.map((batch) => batch.length)).toEqual([40, 5]);
    expect(progress).toEqual(['40/45', '45/45']);
  });

  it('skips a file it cannot read: its batch is linted again file by file', async () => {
    const denied = errno('EACCES', "EACCES: permission denied, open '/repo/src/f03.js'");
    const { eslint } = fakeEslint({ '/repo/src/f03.js': denied });
    const outcome = await lintInBatches(eslint, FILES, () => undefined);
    expect(outcome.results.map((entry) => entry.filePath)).toEqual(FILES.filter((file) => file !== '/repo/src/f03.js'));
    expect(outcome.unreadable).toEqual([{ file: '/repo/src/f03.js', reason: 'could not read', message: "EACCES: permission denied, open '/repo/src/f03.js'" }]);
  });

  it("turns ESLint's other failures into an error with the whole message", async () => {
    const crash = new Error("Cannot read properties of undefined (reading 'name')\nOccurred while linting /repo/src/f01.js:3\nRule: \"agent-guard/no-sql-template-literal\"");
    const { eslint } = fakeEslint({ '/repo/src/f01.js': crash as NodeJS.ErrnoException });
    const failure = await lintInBatches(eslint, FILES, () => undefined).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CliError);
    expect((failure as CliError).message).toBe(crash.message);
    expect((failure as CliError).cause).toBe(crash);
  });
});
