#!/usr/bin/env node
// The `agent-guard` command (package.json `bin`). All behaviour lives in main.ts.
import { main } from './main';

void main(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  progress: process.stderr.isTTY === true,
}).then((code) => {
  process.exitCode = code;
});
