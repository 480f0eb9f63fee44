import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { defineConfig, type Options } from 'tsup';

/**
 * Writes `AST_NODE_TYPES.Identifier` as the string `"Identifier"` it stands for. In the bundle every
 * such access otherwise reads `require('@typescript-eslint/utils').AST_NODE_TYPES` through two
 * re-export getters, on every node test of every rule (1,000+ sites). The profiles put the getters
 * at ~7 % of the rules' time; an A/B run measured −3 %, inside the bench's noise. It is kept because
 * it is exact: TypeScript would inline a `const enum` the same way; this one is a plain
 * enum whose values are its keys, which the plugin checks for every name it replaces (the build
 * fails on an unknown name). Sources and tests keep the enum.
 */
const inlineAstNodeTypes: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'inline-ast-node-types',
  setup(build) {
    build.onLoad({ filter: /[\\/](?:src[\\/].*|index)\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const contents = source.replace(/(?<![\w$.])AST_NODE_TYPES\.([A-Za-z]+)\b/gu, (_, name: string) => {
        if ((AST_NODE_TYPES as Record<string, string>)[name] !== name) {
          throw new Error(`${args.path}: AST_NODE_TYPES.${name} is not an enum member whose value is its name`);
        }
        return JSON.stringify(name);
      });
      return { contents, loader: 'ts' };
    });
  },
};

/** The plugin's entry (`index.ts` at the root), in any spelling an import of it resolves to. */
const pluginEntry = fileURLToPath(new URL('index.ts', import.meta.url));

/**
 * Makes the CLI bundle load the plugin's own build: every import that resolves to the root
 * `index.ts` becomes `require('./index.cjs')` at runtime (`dist/cli.cjs` sits next to it), so the
 * bin contains no rule code and hands ESLint the very plugin object that `eslint-plugin-agent-guard`
 * resolves to. `scripts/check-pack.mjs` fails if rule code is bundled into the CLI again.
 */
const pluginFromOwnBuild: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'plugin-from-own-build',
  setup(build) {
    build.onResolve({ filter: /^\.{1,2}\/(?:.*\/)?index(?:\.ts)?$/ }, (args) => {
      const target = path.resolve(args.resolveDir, args.path);
      if (target === pluginEntry || `${target}.ts` === pluginEntry) {
        return { path: './index.cjs', external: true };
      }
      return undefined;
    });
  },
};

// The package is built as CommonJS; scripts/esm-entry.mjs then writes an ESM entry that
// re-exports it. Both `import` and `require` hand out the *same* plugin object, which ESLint
// needs when a config reaches the plugin both ways (otherwise: "Cannot redefine plugin").
//
// No code splitting: tsup's CJS splitting passes the chunks through a second transform that
// rewrites every `?.` and `??` into helper calls, which made the shipped rules 25–30 % slower
// than their sources (bench/RESULTS.md). Each entry is one plain esbuild bundle instead; the
// footer turns the entry's `default` export into `module.exports` (what eslintrc's `require`
// expects). The `agent-guard` bin (`cli`) holds only the CLI: it requires `./index.cjs` for the
// rules (pluginFromOwnBuild), so the package ships one copy of them and one plugin object.
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
    esbuildPlugins: [inlineAstNodeTypes],
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
    esbuildPlugins: [pluginFromOwnBuild],
  },
]);
