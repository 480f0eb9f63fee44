import { defineConfig } from 'tsup';

// The package is built as CommonJS; scripts/esm-entry.mjs then writes an ESM entry that
// re-exports it. Both `import` and `require` hand out the *same* plugin object, which ESLint
// needs when a config reaches the plugin both ways (otherwise: "Cannot redefine plugin").
//
// No code splitting: tsup's CJS splitting passes the chunks through a second transform that
// rewrites every `?.` and `??` into helper calls, which made the shipped rules 25–30 % slower
// than their sources (bench/RESULTS.md). Each entry is one plain esbuild bundle instead; the
// footer turns the entry's `default` export into `module.exports` (what eslintrc's `require`
// expects). The `agent-guard` bin (`cli`) carries its own copy of the rules.
export default defineConfig([
  {
    entry: { index: 'index.ts' },
    format: ['cjs'],
    target: 'node20',
    platform: 'node',
    dts: true,
    clean: true,
    // For the declaration file only (`export =`, matching `module.exports = plugin`): without
    // splitting, tsup leaves the JavaScript alone and the footer below does the same at runtime.
    cjsInterop: true,
    splitting: false,
    sourcemap: false,
    footer: { js: 'module.exports = module.exports.default;' },
  },
  {
    entry: { cli: 'src/cli/bin.ts' },
    format: ['cjs'],
    target: 'node20',
    platform: 'node',
    dts: false,
    clean: false,
    splitting: false,
    sourcemap: false,
  },
]);
