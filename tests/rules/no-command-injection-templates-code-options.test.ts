import rule from '../../src/rules/no-command-injection';
import { createRuleTester } from '../rule-tester';

/**
 * no-command-injection: zx and execa tagged templates (quoted unless zx's quoting is replaced or a
 * shell gets the value), code sinks in their less common spellings, the `sources`/`sanitizers`
 * options and shared settings, same-file helpers that are safe, and odd code that must not crash.
 */
const ruleTester = createRuleTester();


ruleTester.run('no-command-injection', rule, {
  valid: [
    // zx and execa quote interpolations; zx's own quoting functions; constant shell commands
    `import { $, quote, quotePowerShell } from 'zx';
import { execa, $ as x } from 'execa';
import express from 'express';
const app = express();
app.post('/z', async (req, res) => {
  await $\`convert \${req.body.file} out.png\`;
  await $\`git log \${[req.body.ref, '--oneline']}\`;
  await $({ cwd: '/srv' })\`ls \${req.body.dir}\`;
  await $({ quote })\`ls \${req.body.dir}\`;
  await $\`sh -c \${'ls -la'}\`;
  await execa\`ls \${req.body.dir}\`;
  await x\`ls \${req.body.dir}\`;
});
$.quote = quotePowerShell;
`,
    // Timers given callbacks (parameters, bound functions, imported functions) and a vm context built from input
    `import vm from 'node:vm';
import { refresh } from './jobs';
import express from 'express';
const app = express();
function later(callback: () => void) {
  setTimeout(callback, 10);
}
app.get('/t', (req, res) => {
  later(() => res.send(req.query.msg));
  setTimeout(res.end.bind(res), 10);
  setInterval(refresh, 1000, req.query.id);
  const context = vm.createContext({ input: req.query.input });
  vm.runInContext('input.length', context);
});
`,
    // Configured sanitisers: as a wrapper and as a guard
    { code: `import { execSync } from 'node:child_process';
import express from 'express';
const app = express();
app.get('/g', (req, res) => {
  execSync(\`git show \${safeRef(req.query.ref)}\`);
  const { tag } = req.query;
  if (!isSafeRef(tag)) return res.sendStatus(400);
  execSync(\`git checkout \${tag}\`);
});
`, options: [{"sanitizers": ["safeRef", "isSafeRef"]}] },
    // A same-file helper that only gets constants, and one that checks its argument
    `import { exec } from 'node:child_process';
import express from 'express';
const app = express();
const ALLOWED = ['main', 'dev'];
function checkout(branch: string) {
  if (!ALLOWED.includes(branch)) throw new Error('unknown branch');
  exec(\`git checkout \${branch}\`);
}
function status(dir: string) {
  exec(\`git -C \${dir} status\`);
}
app.post('/co', (req, res) => {
  checkout(req.body.branch);
  status('/srv/repo');
});
`,
    // Sinks outside any handler, in classes and in odd shapes
    `import * as cp from 'node:child_process';
import { promisify } from 'node:util';
const p = promisify(cp.spawn);
const q = promisify(setTimeout);
class Runner {
  #exec = cp.exec;
  run(cmd: string) { return this.#exec(cmd); }
}
cp.exec.call(null, 'ls');
export default async function () {
  await q(10);
  p('ls');
}
`,
  ],
  invalid: [
    // zx: quoting replaced by an option or by $.quote, and a quoted value handed to sh -c
    {
      code: `import { $ } from 'zx';
import express from 'express';
const app = express();
$.quote = (s: string) => s;
app.post('/z', async (req, res) => {
  await $\`tar czf out.tgz \${req.body.dir}\`;
  await $({ quote: (s: string) => s })\`ls \${req.body.dir}\`;
  await $\`sh -c \${req.body.cmd}\`;
});
`,
      errors: [
        { messageId: 'requestCommand', line: 6, column: 29, endLine: 6, endColumn: 41, data: { sink: '$', source: 'req.body.dir' }, suggestions: [] },
        { messageId: 'requestCommand', line: 7, column: 45, endLine: 7, endColumn: 57, data: { sink: '$', source: 'req.body.dir' }, suggestions: [] },
        { messageId: 'requestCommand', line: 8, column: 19, endLine: 8, endColumn: 31, data: { sink: '$', source: 'req.body.cmd' }, suggestions: [] },
      ],
    },
    // zx/core and execa templates handing a value to a shell
    {
      code: `import { $ } from 'zx/core';
import { execa, $ as x } from 'execa';
import express from 'express';
const app = express();
app.post('/z', async (req, res) => {
  await $\`bash -c \${'ls ' + req.body.dir}\`;
  await execa\`sh -c \${req.body.cmd}\`;
  await x\`/bin/zsh -lc \${req.body.cmd}\`;
});
`,
      errors: [
        { messageId: 'requestCommand', line: 6, column: 21, endLine: 6, endColumn: 41, data: { sink: '$', source: 'req.body.dir' }, suggestions: [] },
        { messageId: 'requestCommand', line: 7, column: 23, endLine: 7, endColumn: 35, data: { sink: 'execa', source: 'req.body.cmd' }, suggestions: [] },
        { messageId: 'requestCommand', line: 8, column: 26, endLine: 8, endColumn: 38, data: { sink: 'x', source: 'req.body.cmd' }, suggestions: [] },
      ],
    },
    // Timers through window and with a template; eval in an optional call; Function through globalThis
    {
      code: `import express from 'express';
const app = express();
app.get('/t', (req, res) => {
  window.setTimeout(req.query.code as string, 0);
  setTimeout(\`render(\${req.query.id})\`, 10);
  eval?.(req.query.code as string);
  new globalThis.Function(req.query.code as string);
});
`,
      errors: [
        { messageId: 'requestCode', line: 4, column: 21, endLine: 4, endColumn: 45, data: { sink: 'window.setTimeout', source: 'req.query.code' }, suggestions: [] },
        { messageId: 'requestCode', line: 5, column: 14, endLine: 5, endColumn: 39, data: { sink: 'setTimeout', source: 'req.query.id' }, suggestions: [] },
        { messageId: 'requestCode', line: 6, column: 10, endLine: 6, endColumn: 34, data: { sink: 'eval', source: 'req.query.code' }, suggestions: [] },
        { messageId: 'requestCode', line: 7, column: 27, endLine: 7, endColumn: 51, data: { sink: 'new globalThis.Function', source: 'req.query.code' }, suggestions: [] },
      ],
    },
    // A configured source (option) and a source from the shared settings
    {
      code: `import { exec } from 'node:child_process';
import { readParam } from './lib/input';
export function work() {
  exec(readCommand());
  exec(\`git show \${readParam('ref')}\`);
}
`,
      filename: 'worker.ts',
      options: [{"sources": ["readCommand"]}],
      settings: {"agent-guard": {"requestInput": {"sources": ["./lib/input#readParam"]}}},
      errors: [
        { messageId: 'requestCommand', line: 4, column: 8, endLine: 4, endColumn: 21, data: { sink: 'exec', source: 'readCommand()' }, suggestions: [] },
        { messageId: 'requestCommand', line: 5, column: 8, endLine: 5, endColumn: 38, data: { sink: 'exec', source: 'readParam(\'ref\')' }, suggestions: [{ messageId: 'useExecFile', data: { program: 'git', callee: 'execFile' }, output: `import { exec, execFile } from 'node:child_process';
import { readParam } from './lib/input';
export function work() {
  exec(readCommand());
  execFile('git', ['show', readParam('ref')]);
}
` }] },
      ],
    },
    // Spread arguments, missing arguments, spread options: judged where they can be, never a crash
    {
      code: `import { exec, spawn, execFile } from 'node:child_process';
import express from 'express';
const app = express();
app.get('/odd', (req, res) => {
  exec();
  spawn();
  exec(...[req.query.cmd]);
  spawn('sh', ['-c']);
  execFile('sh', [...req.query.flags, '-c', 'ls']);
  spawn('ls', [req.query.d], { ...req.query.options });
  spawn('ls', [req.query.d], { shell: true, ...{ cwd: '/tmp' } });
  new Function(...req.body.args);
});
`,
      errors: [
        { messageId: 'requestCommand', line: 7, column: 8, endLine: 7, endColumn: 26, data: { sink: 'exec', source: 'req.query.cmd' }, suggestions: [] },
        { messageId: 'requestShellArgs', line: 11, column: 16, endLine: 11, endColumn: 27, data: { sink: 'spawn', source: 'req.query.d' }, suggestions: [] },
        { messageId: 'requestCode', line: 12, column: 16, endLine: 12, endColumn: 32, data: { sink: 'new Function', source: 'req.body.args' }, suggestions: [] },
      ],
    },
  ],
});

