import fs from 'node:fs';
import path from 'node:path';

import { onClearProjectCaches, projectSettings } from './settings';
import type { SettingsSource } from './settings';

/** A package.json next to one of these marks the root of an installed project. */
const LOCKFILES = ['package-lock.json', 'npm-shrinkwrap.json', 'pnpm-lock.yaml', 'yarn.lock', 'bun.lockb', 'bun.lock'];

const roots = new Map<string, string | null>();
const packageJsons = new Map<string, Record<string, unknown> | null>();
onClearProjectCaches(() => {
  roots.clear();
  packageJsons.clear();
});

function exists(file: string): boolean {
  try {
    return fs.existsSync(file);
  } catch {
    return false;
  }
}

/** The parsed `package.json` of a directory, or `null` (none, unreadable, not an object); memoised. */
export function readPackageJson(dir: string): Record<string, unknown> | null {
  let found = packageJsons.get(dir);
  if (found === undefined) {
    found = null;
    try {
      const parsed: unknown = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
      if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
        found = parsed as Record<string, unknown>;
      }
    } catch {
      // No package.json, or not JSON: not a package directory.
    }
    packageJsons.set(dir, found);
  }
  return found;
}

function isInstallRoot(dir: string, pkg: Record<string, unknown>): boolean {
  return pkg.workspaces !== undefined || exists(path.join(dir, 'pnpm-workspace.yaml')) || LOCKFILES.some((name) => exists(path.join(dir, name)));
}

/**
 * The project root above `dir`: the nearest directory whose package.json sits next to a
 * lockfile or declares workspaces (or has pnpm-workspace.yaml); else the git root (a
 * directory holding `.git`, the search's upper bound); else the nearest package.json
 * directory; else `null`. Memoised per directory.
 */
export function findProjectRoot(dir: string): string | null {
  const start = path.resolve(dir);
  const known = roots.get(start);
  if (known !== undefined) {
    return known;
  }
  let gitRoot: string | null = null;
  let nearestPackage: string | null = null;
  let found: string | null = null;
  for (let current = start; ; ) {
    const pkg = readPackageJson(current);
    if (pkg) {
      nearestPackage ??= current;
      if (isInstallRoot(current, pkg)) {
        found = current;
        break;
      }
    }
    if (exists(path.join(current, '.git'))) {
      // The repository is the outer bound: a package.json above it belongs to something else.
      gitRoot = current;
      break;
    }
    const parent = path.dirname(current);
    if (parent === current) {
      break;
    }
    current = parent;
  }
  const root = found ?? gitRoot ?? nearestPackage;
  roots.set(start, root);
  return root;
}

/**
 * The project root of a file: `settings['agent-guard'].project.root` when set (relative to
 * the working directory), else `findProjectRoot` of the file's directory. `null` when
 * cross-file analysis is off or no root is found.
 */
export function projectRoot(filename: string, settings?: SettingsSource): string | null {
  const project = projectSettings(settings);
  if (!project.crossFile || typeof filename !== 'string' || !path.isAbsolute(filename)) {
    return null;
  }
  return project.root ?? findProjectRoot(path.dirname(filename));
}

/**
 * `file` as a message names it: relative to `root` with `/` separators, or its base name when it lies
 * outside `root` (or on another drive), or when there is no root.
 * @example pathForDisplay('/app/src/auth.ts', '/app') // 'src/auth.ts'
 */
export function pathForDisplay(file: string, root: string | null): string {
  const relative = root === null ? '' : path.relative(root, file);
  return (relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : path.basename(file)).split(path.sep).join('/');
}

/**
 * `file` as a message about the linted file names it: relative to the linted file's project root
 * (its own folder when no root is found).
 * @example displayPath(context, '/app/src/lib/auth.ts') // 'src/lib/auth.ts'
 */
export function displayPath(context: { readonly filename: string; readonly settings?: SettingsSource }, file: string): string {
  return pathForDisplay(file, projectRoot(context.filename, context.settings) ?? path.dirname(context.filename));
}
