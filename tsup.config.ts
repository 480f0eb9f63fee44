import { writeFile } from 'node:fs/promises';

import { defineConfig } from 'tsup';

// The package is built once, as CommonJS, and the ESM entry re-exports that build.
// Both `import` and `require` then hand out the *same* plugin object, which ESLint needs
// when a config reaches the plugin both ways (otherwise: "Cannot redefine plugin").
export default defineConfig({
  entry: { index: 'index.ts' },
  format: ['cjs'],
  target: 'node20',
  platform: 'node',
  dts: true,
  clean: true,
  // cjsInterop makes `module.exports = plugin` (what eslintrc's `require` expects); it only
  // takes effect with splitting on.
  cjsInterop: true,
  splitting: true,
  sourcemap: false,
  async onSuccess() {
    await writeFile(
      'dist/index.mjs',
      "import plugin from './index.cjs';\n\nexport default plugin;\n",
    );
    await writeFile(
      'dist/index.d.mts',
      "import plugin from './index.cjs';\n\nexport type * from './index.cjs';\nexport default plugin;\n",
    );
  },
});
