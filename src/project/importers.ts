/**
 * The reverse of an import: which project files may import a given file, from the last path
 * segment ("stem") their import specifiers name, read from their text without parsing them.
 * One index per listing (project root and text pre-filter), rebuilt when it is older than
 * `STAT_FRESH_MS`: a run that asks for the importers of hundreds of routers stats each listed
 * file about once a second, and an editor that re-lints after an edit elsewhere sees the edit.
 */
import fs from 'node:fs';

import { STAT_FRESH_MS } from './files';
import { projectFiles } from './listing';
import type { ListingOptions } from './listing';
import { resolveModule } from './resolve';
import { onClearProjectCaches } from './settings';
import type { SettingsSource } from './settings';

/** An import specifier: `from '…'` (imports and re-exports), `require('…')`, `import('…')`, `import '…'`. */
const SPECIFIER = /(?:\bfrom\s*|\brequire\s*\(\s*|\bimport\s*\(\s*|\bimport\s*)['"]([^'"\n]+)['"]/gu;

/** Per candidate file: the import specifiers of its text, by stem (size and mtime checked). */
const specifierStems = new Map<string, { size: number; mtimeMs: number; stems: ReadonlyMap<string, readonly string[]> }>();

/** Per listing: stem → the listed files whose specifiers name it, with when the index was built. */
const indexes = new Map<string, { readonly at: number; readonly byStem: ReadonlyMap<string, readonly string[]> }>();

onClearProjectCaches(() => {
  specifierStems.clear();
  indexes.clear();
});

function stemsOf(file: string): ReadonlyMap<string, readonly string[]> {
  try {
    const stat = fs.statSync(file);
    const known = specifierStems.get(file);
    if (known && known.size === stat.size && known.mtimeMs === stat.mtimeMs) {
      return known.stems;
    }
    const stems = new Map<string, string[]>();
    for (const match of fs.readFileSync(file, 'utf8').matchAll(SPECIFIER)) {
      const specifier = match[1]!;
      const stem = stemOf(specifier);
      const specifiers = stems.get(stem);
      if (!specifiers) {
        stems.set(stem, [specifier]);
      } else if (!specifiers.includes(specifier)) {
        specifiers.push(specifier);
      }
    }
    specifierStems.set(file, { size: stat.size, mtimeMs: stat.mtimeMs, stems });
    return stems;
  } catch {
    return new Map();
  }
}

/**
 * The stem an import specifier or a file path names.
 * @example stemOf('./routes/admin.js') // 'admin'; './routes/admin/index.ts' and './routes/admin' → 'admin'
 */
export function stemOf(specifier: string): string {
  const parts = specifier.split(/[/\\]/u).filter((part) => part !== '' && part !== '.' && part !== '..');
  let last = parts.pop() ?? '';
  last = last.replace(/\.[cm]?[jt]sx?$/u, '');
  return last === 'index' ? (parts.pop() ?? last) : last;
}

/**
 * The files of the listing of `root` (see `projectFiles`) whose import specifiers name the stem
 * of `file`, `file` itself left out: the candidates to parse for an import of it.
 */
export function possibleImporters(root: string, file: string, options: ListingOptions = {}): readonly string[] {
  const text = options.text instanceof RegExp ? `${options.text.source}\0${options.text.flags}` : '';
  const key = `${root}\0${text}`;
  const now = Date.now();
  let known = indexes.get(key);
  if (!known || now - known.at < 0 || now - known.at >= STAT_FRESH_MS) {
    const byStem = new Map<string, string[]>();
    for (const candidate of projectFiles(root, options)) {
      for (const stem of stemsOf(candidate).keys()) {
        let files = byStem.get(stem);
        if (!files) {
          files = [];
          byStem.set(stem, files);
        }
        files.push(candidate);
      }
    }
    known = { at: now, byStem };
    indexes.set(key, known);
  }
  return (known.byStem.get(stemOf(file)) ?? []).filter((candidate) => candidate !== file);
}

/**
 * The files of the project of `root` that import, re-export or require `file`: the candidates of
 * `possibleImporters` (every listed file) with a specifier that resolves to it. Read from texts,
 * not parses: an import inside a comment or a string counts, which errs towards more importers.
 */
export function importersOf(root: string, file: string, settings?: SettingsSource): readonly string[] {
  const stem = stemOf(file);
  return possibleImporters(root, file, { settings }).filter((candidate) =>
    (stemsOf(candidate).get(stem) ?? []).some((specifier) => resolveModule(candidate, specifier, settings) === file));
}
