import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { describe, expect, inject, it } from 'vitest';

import { runInConsumerInstall, runInMinimalInstall } from './harness';

interface ExportConditions {
  types: string;
  default: string;
}

describe('the packed tarball', () => {
  it('contains every file package.json points to', async () => {
    const { root, packedFiles } = inject('agentGuardIt');
    const manifest = JSON.parse(
      await readFile(join(root, 'minimal/node_modules/eslint-plugin-agent-guard/package.json'), 'utf8'),
    ) as { main: string; types: string; exports: { '.': Record<'import' | 'require', ExportConditions> } };
    const { import: esm, require: cjs } = manifest.exports['.'];
    const targets = [manifest.main, manifest.types, esm.types, esm.default, cjs.types, cjs.default];
    const missing = targets.map((target) => target.replace(/^\.\//u, '')).filter((file) => !packedFiles.includes(file));
    expect(missing).toEqual([]);
  });

  it('loads with only its declared dependencies installed, the same object through import and require', async () => {
    const script = [
      "import { createRequire } from 'node:module';",
      "const esm = (await import('eslint-plugin-agent-guard')).default;",
      "const cjs = createRequire(process.cwd() + '/')('eslint-plugin-agent-guard');",
      'console.log(JSON.stringify({',
      '  same: esm === cjs,',
      '  meta: esm.meta,',
      '  configs: Object.keys(esm.configs),',
      "  flatPluginIsSelf: esm.configs.recommended.plugins['agent-guard'] === esm,",
      "  hasFetchRule: typeof esm.rules['fetch-requires-timeout']?.create === 'function',",
      '}));',
    ].join('\n');
    const result = await runInMinimalInstall(['--input-type=module', '--eval', script]);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({
      same: true,
      meta: { name: 'eslint-plugin-agent-guard', version: expect.stringMatching(/^\d+\.\d+\.\d+/u) },
      configs: ['recommended', 'strict', 'legacy-recommended', 'legacy-strict'],
      flatPluginIsSelf: true,
      hasFetchRule: true,
    });
  });

  it('loads and lints JavaScript, other files of the project included, where TypeScript is not installed', async () => {
    // `typescript` made unresolvable for the child, as in a JavaScript project that never installed it.
    const script = [
      "const Module = require('node:module');",
      'const resolve = Module._resolveFilename;',
      "Module._resolveFilename = function (request, ...rest) { if (request === 'typescript' || request.startsWith('typescript/')) { throw Object.assign(new Error(`Cannot find module '${request}'`), { code: 'MODULE_NOT_FOUND' }); } return resolve.call(this, request, ...rest); };",
      "const fs = require('node:fs'); const path = require('node:path'); const os = require('node:os');",
      "const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agent-guard-no-ts-'));",
      // A wrapper that bounds its request only when the caller asks: the call that does not ask is reported.
      "fs.writeFileSync(path.join(dir, 'helper.js'), 'export function get(url, { timeoutMs } = {}) { return fetch(url, timeoutMs ? { signal: AbortSignal.timeout(timeoutMs) } : {}); }\\n');",
      "const main = path.join(dir, 'main.js');",
      "fs.writeFileSync(main, \"import { get } from './helper.js';\\nexport const x = () => get('https://example.com');\\nexport const y = () => fetch('https://example.com');\\n\");",
      "const plugin = require('eslint-plugin-agent-guard');",
      "const { Linter } = require('eslint');",
      "const messages = new Linter({ configType: 'flat', cwd: dir }).verify(fs.readFileSync(main, 'utf8'), [{ files: ['**/*.js'], plugins: { 'agent-guard': plugin }, rules: plugin.configs.recommended.rules }], { filename: main });",
      "fs.rmSync(dir, { recursive: true, force: true });",
      "let typescript = 'loadable'; try { require('typescript'); } catch { typescript = 'missing'; }",
      'console.log(JSON.stringify({ typescript, findings: messages.map((m) => `${m.line}:${m.column} ${m.ruleId ?? m.message}`) }));',
    ].join('\n');
    const result = await runInConsumerInstall(10, ['--eval', script]);
    expect(result.stderr).toBe('');
    // The helper in the other file is read with ESLint's own parser, so the call that passes no timeout is seen.
    expect(JSON.parse(result.stdout)).toEqual({ typescript: 'missing', findings: ['2:24 agent-guard/fetch-requires-timeout', '3:24 agent-guard/fetch-requires-timeout'] });
  });

  it('ships the rules once: the agent-guard bin requires the plugin build instead of embedding it', async () => {
    const { root } = inject('agentGuardIt');
    const packageDir = join(root, 'minimal/node_modules/eslint-plugin-agent-guard');
    const manifest = JSON.parse(await readFile(join(packageDir, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    const cli = await readFile(join(packageDir, manifest.bin['agent-guard']!), 'utf8');
    expect(cli).toMatch(/\brequire\("\.\/index\.cjs"\)/u);
    const script = [
      "const plugin = require('eslint-plugin-agent-guard');",
      'console.log(JSON.stringify(Object.values(plugin.rules).map((rule) => rule.meta.docs.description)));',
    ].join('\n');
    const result = await runInMinimalInstall(['--eval', script]);
    expect(result.stderr).toBe('');
    const descriptions = JSON.parse(result.stdout) as string[];
    expect(descriptions.length).toBeGreaterThan(0);
    expect(descriptions.filter((description) => cli.includes(description))).toEqual([]);
  });
});
