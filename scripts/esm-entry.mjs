// Writes the ESM entry after tsup's CJS build: it re-exports the CJS plugin object, so that
// `import` and `require` hand out the same object (ESLint rejects two copies of one plugin).
import { writeFile } from 'node:fs/promises';

await writeFile(new URL('../dist/index.mjs', import.meta.url), "import plugin from './index.cjs';\n\nexport default plugin;\n");
await writeFile(
  new URL('../dist/index.d.mts', import.meta.url),
  "import plugin from './index.cjs';\n\nexport type { AgentGuardFlatConfig, AgentGuardLegacyConfig, AgentGuardPlugin, AgentGuardRule } from './index.cjs';\nexport default plugin;\n",
);
