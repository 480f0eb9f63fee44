// Shared by scripts/sweep.mjs and bench/bench.mjs: which files count as lintable source, how each
// is parsed, and how the built plugin is loaded. Plain ESM so it runs with `node` after `npm run build`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

import globals from 'globals';
import tsParser from '@typescript-eslint/parser';

export const JS_EXTENSIONS = new Set(['.js', '.mjs', '.cjs', '.jsx']);
export const TS_EXTENSIONS = new Set(['.ts', '.tsx', '.mts', '.cts']);

/** Bigger files are generated bundles or data; ESLint users exclude them too. */
export const MAX_BYTES = 1024 * 1024;
/** Average line length above which a file is treated as minified (one-line bundles, source maps inlined). */
export const MINIFIED_AVG_LINE = 2000;

/** `.d.ts`, `.d.mts`, `.d.cts`: declarations, no runtime code for a security rule to see. */
const DECLARATION = /\.d\.[cm]?ts$/u;

export function extensionOf(file) {
  const match = /\.[^./\\]+$/u.exec(file);
  return match ? match[0] : '';
}

/**
 * Every `.js/.mjs/.cjs/.jsx/.ts/.tsx/.mts/.cts` file under `root`, sorted (so samples are
 * deterministic), with the reason it was skipped, if any.
 * Symlinked directories are not followed (node_modules/.bin and workspace links would loop or repeat).
 */
export function collectFiles(root) {
  const found = [];
  const stack = [resolve(root)];
  while (stack.length > 0) {
    const dir = stack.pop();
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== '.git') {
          stack.push(full);
        }
      } else if (entry.isFile()) {
        const ext = extensionOf(entry.name);
        if (JS_EXTENSIONS.has(ext) || TS_EXTENSIONS.has(ext)) {
          found.push(full);
        }
      }
    }
  }
  found.sort();
  return found.map((file) => ({ file, skip: skipReason(file) }));
}

/** Why a source file is not linted: declaration, minified, too large; `null` when it is linted. */
export function skipReason(file) {
  if (DECLARATION.test(file)) {
    return 'declaration';
  }
  if (/\.min\.[cm]?js$/u.test(file)) {
    return 'minified';
  }
  const { size } = statSync(file);
  if (size > MAX_BYTES) {
    return 'too-large';
  }
  if (size > MINIFIED_AVG_LINE) {
    const text = readFileSync(file, 'utf8');
    const lines = countLines(text);
    if (text.length / lines > MINIFIED_AVG_LINE) {
      return 'minified';
    }
  }
  return null;
}

export function countLines(text) {
  let lines = 1;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) {
    lines += 1;
  }
  return lines;
}

/** Deterministic sample: every k-th file of the sorted list, k chosen so that at least `size` remain. */
export function sampleEvery(files, size) {
  if (!size || size >= files.length) {
    return files;
  }
  const step = Math.max(1, Math.floor(files.length / size));
  return files.filter((_, index) => index % step === 0);
}

/**
 * `sourceType` for a JS file: extension first, then a cheap look for top-level ESM syntax.
 * Why: node_modules mixes CJS and ESM `.js`; parsing CJS as a module would hide `require` scoping.
 */
export function sourceTypeOf(file, text) {
  const ext = extensionOf(file);
  if (ext === '.mjs' || ext === '.mts') {
    return 'module';
  }
  if (ext === '.cjs' || ext === '.cts') {
    return 'commonjs';
  }
  if (TS_EXTENSIONS.has(ext)) {
    return 'module';
  }
  return /^\s*(?:import\s*[\w{*'"]|export\s)/mu.test(text) ? 'module' : 'commonjs';
}

const nodeGlobals = { ...globals.node, ...globals.es2021 };

/**
 * Language options for one parse of a file: `espree` (ESLint's default) or `ts` (@typescript-eslint/parser).
 * JS files are parsed both ways by the sweep, TS files only with `ts`.
 */
export function languageOptionsFor(file, text, parserKind) {
  const ext = extensionOf(file);
  const jsx = ext === '.jsx' || ext === '.tsx';
  const sourceType = sourceTypeOf(file, text);
  const base = {
    ecmaVersion: 'latest',
    sourceType,
    globals: nodeGlobals,
  };
  if (parserKind === 'espree') {
    return { ...base, parserOptions: { ecmaFeatures: { jsx } } };
  }
  return {
    ...base,
    parser: tsParser,
    parserOptions: { ecmaFeatures: { jsx }, sourceType: sourceType === 'commonjs' ? 'script' : 'module' },
  };
}

/** Parser passes for a file: JS both ways (parsers disagree on edge syntax), TS with the TS parser only. */
export function parserKindsFor(file) {
  return JS_EXTENSIONS.has(extensionOf(file)) ? ['espree', 'ts'] : ['ts'];
}

/** Glob list for flat config `files`: `**\/*` alone does not count as a match in flat config. */
export const ALL_SOURCE_GLOBS = [...JS_EXTENSIONS, ...TS_EXTENSIONS].map((ext) => `**/*${ext}`);

/**
 * The built plugin (`dist/index.mjs`, after `npm run build`), or another module given by path
 * (handy for checking a rule before the package builds).
 */
export async function loadPlugin(path = 'dist/index.mjs') {
  const url = pathToFileURL(resolve(path)).href;
  const module = await import(url);
  return module.default ?? module;
}

/** Median of a list of numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) {
    return Number.NaN;
  }
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
