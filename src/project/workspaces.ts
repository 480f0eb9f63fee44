import fs from 'node:fs';
import path from 'node:path';

import { readPackageJson } from './root';
import { onClearProjectCaches } from './settings';

/** Bounds of a workspace glob expansion: packages found, and the depth a `**` descends. */
const MAX_WORKSPACE_PACKAGES = 1000;
const MAX_GLOBSTAR_DEPTH = 3;
const SKIPPED_DIRS = new Set(['node_modules', '.git']);

const workspaces = new Map<string, ReadonlyMap<string, string>>();
onClearProjectCaches(() => workspaces.clear());

/** The globs of `pnpm-workspace.yaml`'s `packages:` list (the one key the format needs read here). */
function pnpmGlobs(root: string): string[] {
  let text: string;
  try {
    text = fs.readFileSync(path.join(root, 'pnpm-workspace.yaml'), 'utf8');
  } catch {
    return [];
  }
  const globs: string[] = [];
  let inPackages = false;
  for (const line of text.split(/\r?\n/u)) {
    if (/^packages\s*:/u.test(line)) {
      inPackages = true;
      continue;
    }
    if (inPackages) {
      const item = /^\s+-\s*(['"]?)([^'"#]+?)\1\s*(?:#.*)?$/u.exec(line);
      if (item) {
        globs.push(item[2]!);
      } else if (/^\S/u.test(line)) {
        inPackages = false;
      }
    }
  }
  return globs;
}

/** `package.json` `workspaces` (npm, yarn, bun): an array or `{ packages: [...] }`. */
function packageJsonGlobs(root: string): string[] {
  const field = readPackageJson(root)?.workspaces;
  const list = Array.isArray(field) ? field : field !== null && typeof field === 'object' ? (field as { packages?: unknown }).packages : null;
  return Array.isArray(list) ? list.filter((glob): glob is string => typeof glob === 'string') : [];
}

function subdirectories(dir: string): string[] {
  try {
    return fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((entry) => (entry.isDirectory() || entry.isSymbolicLink()) && !SKIPPED_DIRS.has(entry.name))
      .map((entry) => path.join(dir, entry.name));
  } catch {
    return [];
  }
}

function realpath(dir: string): string {
  try {
    return fs.realpathSync(dir);
  } catch {
    return dir;
  }
}

function segmentPattern(segment: string): RegExp {
  return new RegExp(`^${segment.replace(/[.+^${}()|[\]\\]/gu, '\\$&').replace(/\*/gu, '[^/]*').replace(/\?/gu, '[^/]')}$`, 'u');
}

/** The directories a workspace glob (`packages/*`, `apps/**`, `tools/cli`) names. */
function expand(root: string, glob: string): string[] {
  let dirs = [root];
  for (const segment of glob.replace(/^\.\//u, '').split('/').filter((s) => s !== '' && s !== '.')) {
    if (segment === '..') {
      return [];
    }
    const next: string[] = [];
    if (segment === '**') {
      let level = dirs;
      next.push(...dirs);
      for (let depth = 0; depth < MAX_GLOBSTAR_DEPTH && level.length > 0; depth++) {
        level = level.flatMap(subdirectories);
        next.push(...level);
      }
    } else if (/[*?]/u.test(segment)) {
      const pattern = segmentPattern(segment);
      for (const dir of dirs) {
        next.push(...subdirectories(dir).filter((sub) => pattern.test(path.basename(sub))));
      }
    } else {
      next.push(...dirs.map((dir) => path.join(dir, segment)));
    }
    dirs = next;
    if (dirs.length > MAX_WORKSPACE_PACKAGES * 4) {
      break;
    }
  }
  return dirs;
}

/**
 * The workspace packages of a monorepo root, by package name → directory, from
 * `pnpm-workspace.yaml` and `package.json` `workspaces` (negated globs are not applied).
 * Memoised per root; empty for a root that is not a monorepo.
 */
export function workspacePackages(root: string): ReadonlyMap<string, string> {
  let found = workspaces.get(root);
  if (!found) {
    const packages = new Map<string, string>();
    for (const glob of [...pnpmGlobs(root), ...packageJsonGlobs(root)]) {
      if (glob.startsWith('!')) {
        continue;
      }
      for (const dir of expand(root, glob)) {
        const name = readPackageJson(dir)?.name;
        if (typeof name === 'string' && !packages.has(name) && packages.size < MAX_WORKSPACE_PACKAGES) {
          packages.set(name, realpath(dir));
        }
      }
    }
    found = packages;
    workspaces.set(root, found);
  }
  return found;
}
