#!/usr/bin/env node
// The `agent-guard` command (package.json `bin`). All behaviour lives in main.ts, loaded lazily:
// loading it loads the plugin, which loads typescript-eslint's parser, and with an unsupported or
// missing TypeScript that fails (typescript-eslint prints its own TS 7 notice and throws, or
// crashes on an API it does not find) before any of the command's own error handling could run.
// So the TypeScript that typescript-eslint would load is checked first, from package.json files.
import { CliError } from './errors';
import { checkTypeScript, explainLoadFailure, inspectTypeScript } from './typescript';

async function start(argv: readonly string[]): Promise<number> {
  try {
    checkTypeScript(inspectTypeScript());
  } catch (error) {
    if (error instanceof CliError) {
      process.stderr.write(`agent-guard: ${error.message}\n`);
      return 2;
    }
  }
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
