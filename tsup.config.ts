import { defineConfig } from 'tsup';

// The package is built once, as CommonJS; scripts/esm-entry.mjs then writes an ESM entry that
// re-exports it. Both `import` and `require` hand out the *same* plugin object, which ESLint
// needs when a config reaches the plugin both ways (otherwise: "Cannot redefine plugin").
export default defineConfig({
  // `cli` is the `agent-guard` bin (src/cli/bin.ts); it shares the plugin chunk with `index`.
  entry: { index: 'index.ts', cli: 'src/cli/bin.ts' },
  format: ['cjs'],
  target: 'node20',
  platform: 'node',
  dts: { entry: { index: 'index.ts' } },
  clean: true,
  // cjsInterop makes `module.exports = plugin` (what eslintrc's `require` expects); it only
  // takes effect with splitting on.
  cjsInterop: true,
  splitting: true,
  sourcemap: false,
});
