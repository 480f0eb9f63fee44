import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { describe, expect, inject, it } from 'vitest';

import { runInMinimalInstall } from './harness';

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
