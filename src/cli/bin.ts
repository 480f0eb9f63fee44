#!/usr/bin/env node
// The `agent-guard` command (package.json `bin`). All behaviour lives in main.ts, loaded lazily, so
// that a failure to load it (a broken install) is still explained: with the TypeScript problem and
// its fix when that is the cause. TypeScript itself is needed only for TS files (engine.ts).
import { explainLoadFailure } from './typescript';

async function start(argv: readonly string[]): Promise<number> {
  let main: typeof import('./main').main;
  try {
    ({ main } = await import('./main'));
  } catch (error) {
    process.stderr.write(`agent-guard: ${explainLoadFailure(error, argv.includes('--debug'))}\n`);
    return 2;
  }
  return main(argv, {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    progress: process.stderr.isTTY === true,
  });
}

void start(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
