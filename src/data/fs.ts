import { CALL } from '@eslint-community/eslint-utils';

import type { TraceMap } from '../core/modules';

/** A filesystem sink: which arguments are paths. */
export interface FsSink {
  /** Argument positions that are file paths (`rename(from, to)` has two). */
  readonly pathArgs: readonly number[];
}

const ONE: FsSink = { pathArgs: [0] };
const TWO: FsSink = { pathArgs: [0, 1] };

/** Node `fs` functions (callback form) and their path arguments. */
const FS_FUNCTIONS: Readonly<Record<string, FsSink>> = {
  readFile: ONE, writeFile: ONE, appendFile: ONE, open: ONE, opendir: ONE, unlink: ONE, rm: ONE, rmdir: ONE,
  mkdir: ONE, mkdtemp: ONE, readdir: ONE, stat: ONE, lstat: ONE, statfs: ONE, access: ONE, exists: ONE,
  chmod: ONE, lchmod: ONE, chown: ONE, lchown: ONE, truncate: ONE, utimes: ONE, lutimes: ONE, readlink: ONE,
  realpath: ONE, openAsBlob: ONE,
  rename: TWO, copyFile: TWO, cp: TWO, symlink: TWO, link: TWO,
};

/** `fs` functions without a `*Sync` or promise twin. */
const FS_STREAM_FUNCTIONS: Readonly<Record<string, FsSink>> = {
  createReadStream: ONE, createWriteStream: ONE, watch: ONE, watchFile: ONE, unwatchFile: ONE,
};

/** fs-extra additions (each also has a `*Sync` form). */
const FS_EXTRA_FUNCTIONS: Readonly<Record<string, FsSink>> = {
  readJson: ONE, readJSON: ONE, writeJson: ONE, writeJSON: ONE, outputFile: ONE, outputJson: ONE, outputJSON: ONE,
  ensureDir: ONE, ensureFile: ONE, createFile: ONE, mkdirp: ONE, mkdirs: ONE, emptyDir: ONE, remove: ONE,
  pathExists: ONE, ensureLink: TWO, ensureSymlink: TWO, copy: TWO, move: TWO,
};

/** Deno's file APIs (global `Deno`), each with a `*Sync` form. */
const DENO_FUNCTIONS: Readonly<Record<string, FsSink>> = {
  readFile: ONE, readTextFile: ONE, writeFile: ONE, writeTextFile: ONE, open: ONE, create: ONE, remove: ONE,
  readDir: ONE, stat: ONE, lstat: ONE, mkdir: ONE, chmod: ONE, chown: ONE, truncate: ONE, realPath: ONE,
  readLink: ONE, rename: TWO, copyFile: TWO, symlink: TWO, link: TWO,
};

/** Bun's file APIs (global `Bun`). */
const BUN_FUNCTIONS: Readonly<Record<string, FsSink>> = { file: ONE, write: ONE };

/**
 * Stream helpers that serve a file (`send`, `koa-send`): which argument is the path, and
 * which may carry the options object whose `root` confines it. (Framework response methods
 * such as Express `res.sendFile` are declared by the framework adapters.)
 */
export const SEND_MODULES: Readonly<Record<string, { readonly pathArg: number; readonly optionArg: number }>> = {
  send: { pathArg: 1, optionArg: 2 },
  'koa-send': { pathArg: 1, optionArg: 2 },
  '@koa/send': { pathArg: 1, optionArg: 2 },
};

function table(functions: Readonly<Record<string, FsSink>>, withSync: boolean): TraceMap<FsSink> {
  const map: TraceMap<FsSink> = {};
  for (const [name, sink] of Object.entries(functions)) {
    map[name] = { [CALL]: sink };
    if (withSync) {
      map[`${name}Sync`] = { [CALL]: sink };
    }
  }
  return map;
}

const callbackAndSync = table(FS_FUNCTIONS, true);
const promises = table(FS_FUNCTIONS, false);
const streams = table(FS_STREAM_FUNCTIONS, false);
const fsMap: TraceMap<FsSink> = { ...callbackAndSync, ...streams, promises };
const fsExtraMap: TraceMap<FsSink> = { ...fsMap, ...table(FS_EXTRA_FUNCTIONS, true) };

/** Trace map (module -> export path -> sink) over every `fs`-like module. */
export const FS_TRACE_MAP: Readonly<Record<string, TraceMap<FsSink>>> = {
  fs: fsMap,
  'fs/promises': { ...promises, watch: { [CALL]: ONE } },
  'graceful-fs': fsMap,
  'fs-extra': fsExtraMap,
  'fs-extra/esm': fsExtraMap,
};

/** Trace map over runtime globals (`Bun.file`, `Deno.readFile`). */
export const FS_GLOBAL_TRACE_MAP: Readonly<TraceMap<FsSink>> = {
  Bun: table(BUN_FUNCTIONS, false),
  Deno: table(DENO_FUNCTIONS, true),
};
