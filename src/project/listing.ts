import fs from 'node:fs';
import path from 'node:path';

import ignore from 'ignore';
import type { Ignore } from 'ignore';

import { MAX_FILE_BYTES } from './files';
import { SOURCE_EXTENSIONS } from './resolve';
import { onClearProjectCaches, projectSettings } from './settings';
import type { SettingsSource } from './settings';

/** Source files examined per listing (read for the text filter); the walk stops there. */
export const MAX_LISTED_FILES = 5000;
/** Directory depth below the root the walk descends to. */
export const MAX_LIST_DEPTH = 16;
/** Directories never listed: dependencies, VCS data and build output. */
export const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set([
  'node_modules', '.git', 'dist', 'build', '.next', '.svelte-kit', 'coverage', 'out', '.turbo', '.vercel', '.output', '.nuxt', '.cache',
]);

export interface ListingOptions {
  /** Keeps only files whose text matches (a cheap filter before any parse). */
  readonly text?: RegExp;
  /** The settings of the file that asks: `crossFile: false` lists nothing. */
  readonly settings?: SettingsSource;
}

const listings = new Map<string, readonly string[]>();
onClearProjectCaches(() => listings.clear());

/** The root `.gitignore` as a matcher, or `null` when there is none or it cannot be read. */
function rootGitignore(root: string): Ignore | null {
  try {
    return ignore().add(fs.readFileSync(path.join(root, '.gitignore'), 'utf8'));
  } catch {
    return null;
  }
}

function matches(file: string, text: RegExp): boolean {
  try {
    if (fs.statSync(file).size > MAX_FILE_BYTES) {
      return false;
    }
    text.lastIndex = 0;
    return text.test(fs.readFileSync(file, 'utf8'));
  } catch {
    return false;
  }
}

/**
 * The source files (.ts .tsx .mts .cts .js .jsx .mjs .cjs, not .d.ts) under `root`, sorted,
 * honouring the root `.gitignore`, never entering `SKIPPED_DIRECTORIES` nor following
 * symbolic links (so a link loop cannot hang the walk), within `MAX_LISTED_FILES` and
 * `MAX_LIST_DEPTH`; with `text`, only those whose content matches. Memoised per (root,
 * pattern) per process. Never throws.
 * @example projectFiles(root, { text: /\.use\(|\.route\(/u }) // files that may mount routers
 */
export function projectFiles(root: string, options: ListingOptions = {}): readonly string[] {
  if (typeof root !== 'string' || !path.isAbsolute(root) || !projectSettings(options.settings).crossFile) {
    return [];
  }
  const text = options.text instanceof RegExp ? options.text : null;
  const key = `${path.resolve(root)}\0${text ? `${text.source}\0${text.flags}` : ''}`;
  const known = listings.get(key);
  if (known) {
    return known;
  }
  const ignored = rootGitignore(root);
  const found: string[] = [];
  let examined = 0;
  const walk = (dir: string, depth: number): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (examined >= MAX_LISTED_FILES) {
        return;
      }
      const full = path.join(dir, entry.name);
      const relative = path.relative(root, full).split(path.sep).join('/');
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name) && depth < MAX_LIST_DEPTH && !ignored?.ignores(`${relative}/`)) {
          walk(full, depth + 1);
        }
      } else if (entry.isFile() && SOURCE_EXTENSIONS.includes(path.extname(entry.name)) && !entry.name.endsWith('.d.ts') && !ignored?.ignores(relative)) {
        examined++;
        if (!text || matches(full, text)) {
          found.push(full);
        }
      }
    }
  };
  try {
    walk(path.resolve(root), 0);
  } catch {
    // A listing cut short is still a listing.
  }
  const sorted = Object.freeze(found.sort());
  listings.set(key, sorted);
  return sorted;
}
