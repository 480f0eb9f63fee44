import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The shape of src/: one-way layers, no file cycles. `eslint.config.ts` reports an upward
 * import where it is written; this test also sees cycles, which no single import shows.
 */
const root = path.resolve(__dirname, '..');
const src = path.join(root, 'src');
const LAYERS = ['cli', 'rules', 'analysis', 'project', 'frameworks', 'data', 'core'];

const files = readdirSync(src, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.ts'))
  .map((file) => path.join(src, file));

function resolveImport(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) {
    return null;
  }
  const base = path.resolve(path.dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, path.join(base, 'index.ts')]) {
    if (candidate.endsWith('.ts') && existsSync(candidate)) {
      return candidate;
    }
  }
  return base;
}

/** Value and type imports and re-exports of each source file, resolved to files. */
const graph = new Map(
  files.map((file) => [
    file,
    ts
      .preProcessFile(readFileSync(file, 'utf8'), true, true)
      .importedFiles.map(({ fileName }) => resolveImport(file, fileName))
      .filter((target): target is string => target !== null),
  ]),
);

const layerOf = (file: string): string => path.relative(src, file).split(path.sep)[0]!;

describe('src/ layers', () => {
  it('puts every source file inside a layer folder', () => {
    expect(files.filter((file) => !LAYERS.includes(layerOf(file))).map((file) => path.relative(root, file))).toEqual([]);
  });

  it('imports only the same layer or the layers below it', () => {
    const upward: string[] = [];
    for (const [file, targets] of graph) {
      for (const target of targets) {
        const inside = target.startsWith(src + path.sep);
        if (!inside ? path.relative(root, target) !== 'package.json' : LAYERS.indexOf(layerOf(target)) < LAYERS.indexOf(layerOf(file))) {
          // cli may load the plugin entry (index.ts) to lint with it.
          if (!(layerOf(file) === 'cli' && target === path.join(root, 'index.ts'))) {
            upward.push(`${path.relative(root, file)} -> ${path.relative(root, target)}`);
          }
        }
      }
    }
    expect(upward).toEqual([]);
  });

  it('has no import cycle between files', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (file: string): void => {
      state.set(file, 'open');
      stack.push(file);
      for (const target of graph.get(file) ?? []) {
        if (state.get(target) === 'open') {
          cycles.push([...stack.slice(stack.indexOf(target)), target].map((f) => path.relative(src, f)).join(' -> '));
        } else if (!state.has(target) && graph.has(target)) {
          visit(target);
        }
      }
      stack.pop();
      state.set(file, 'done');
    };
    files.forEach((file) => state.has(file) || visit(file));
    expect(cycles).toEqual([]);
  });

  it('sees the imports it checks (a broken graph would pass vacuously)', () => {
    const registry = path.join(src, 'frameworks/registry.ts');
    expect(graph.get(registry)).toContain(path.join(src, 'frameworks/express.ts'));
    expect(graph.get(path.join(src, 'rules/no-sql-template-literal.ts'))).toContain(path.join(src, 'analysis/sql/index.ts'));
  });
});
