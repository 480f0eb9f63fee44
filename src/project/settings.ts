import path from 'node:path';

import type { FileContext } from '../core/context';
import { readSettings } from '../core/settings';

/**
 * `settings['agent-guard'].project`: how the plugin sees the rest of the project.
 * @example { settings: { 'agent-guard': { project: { root: '.', tsconfig: 'tsconfig.app.json', crossFile: true } } } }
 */
export interface ProjectSettings {
  /** Absolute project root (given relative to the working directory), or `null` to find it. */
  readonly root: string | null;
  /** Absolute tsconfig/jsconfig for every file, or `null` for the nearest one of each file. */
  readonly tsconfig: string | null;
  /** `false` switches cross-file analysis off: every entry point of `project/` answers `null`. */
  readonly crossFile: boolean;
}

/** The settings a `FileContext` carries (the whole `settings` object of the ESLint config). */
export type SettingsSource = Pick<FileContext, 'settings'> | Readonly<Record<string, unknown>> | null | undefined;

const memo = new WeakMap<object, ProjectSettings>();

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object';
}

/**
 * Reads `settings['agent-guard'].project` through `core/settings` (entries of the wrong type are
 * ignored, never thrown on) and makes its paths absolute. Accepts a `FileContext` or its
 * `settings` object; memoised per normalised settings.
 */
export function projectSettings(source: SettingsSource): ProjectSettings {
  let settings: unknown = source;
  if (isObject(source) && isObject(source.settings)) {
    settings = source.settings;
  }
  const { project } = readSettings(isObject(settings) ? settings : {});
  let found = memo.get(project);
  if (!found) {
    found = Object.freeze({
      root: project.root === null ? null : path.resolve(project.root),
      tsconfig: project.tsconfig === null ? null : path.resolve(project.tsconfig),
      crossFile: project.crossFile,
    });
    memo.set(project, found);
  }
  return found;
}

const clearers: (() => void)[] = [];

/** Registers a module-level cache with `clearProjectCaches`. */
export function onClearProjectCaches(clear: () => void): void {
  clearers.push(clear);
}

/**
 * Forgets everything `project/` has memoised in this process: roots, resolutions, parsed
 * files, definitions and listings. For tests, and for hosts that know the disk changed.
 */
export function clearProjectCaches(): void {
  for (const clear of clearers) {
    clear();
  }
}
