/**
 * Models of global gate files, memoised per parse of each file they were read from, and what
 * the gate finders share: the `GlobalGate` answer, coverage of a route path, file lookups.
 */
import path from 'node:path';

import type { TSESTree } from '@typescript-eslint/utils';

import { routeSamplePaths } from '../../../frameworks/global-gates/path-patterns';
import { exportedDefinition, projectFile } from '../../../project/index';
import type { Definition, ProjectFile } from '../../../project/index';
import type { FileContext } from '../../../core/context';
import { noteDep } from './reader';
import type { Cond, Deps, Rule } from './reader';

/** A project-level gate that refuses anonymous requests to a route before the route runs. */
export interface GlobalGate {
  /** Absolute path of the gate file. */
  readonly file: string;
  /** What gates it, for messages: `middleware.ts matcher /api/admin/:path*`. */
  readonly description: string;
}

// ---- Models of gate files, memoised per parse ----

/** What one gate file refuses. */
export interface GateModel {
  /** Paths the gate runs on (the Next.js matcher); `TRUE` when it runs on every path. */
  readonly scope: Cond;
  readonly scopeText: string;
  readonly rules: readonly Rule[];
  /** What gates, for the description (`middleware`, `handle`, `APP_GUARD JwtAuthGuard`). */
  readonly what: string;
}

interface Memo {
  readonly model: unknown;
  readonly deps: Deps;
}

/** Per parse of a file, per settings object, per kind of model (a module file may hold an `APP_GUARD` and a `forRoutes`). */
const memos = new WeakMap<TSESTree.Program, WeakMap<object, Map<string, Memo>>>();

/** The model of a gate file read by `read`, memoised per parse of the file (and of every file it read), per settings and kind. */
export function memoised<T = GateModel>(file: ProjectFile, kind: string, read: (deps: Deps) => T | null): T | null {
  const program = file.sourceCode.ast;
  let perSettings = memos.get(program);
  if (!perSettings) {
    perSettings = new WeakMap();
    memos.set(program, perSettings);
  }
  const key = file.context.settings as object;
  let perKind = perSettings.get(key);
  if (!perKind) {
    perKind = new Map();
    perSettings.set(key, perKind);
  }
  const memo = perKind.get(kind);
  if (memo && [...memo.deps].every(([filename, ast]) => projectFile(filename, file.context)?.sourceCode.ast === ast)) {
    return memo.model as T | null;
  }
  const deps: Deps = new Map();
  let model: T | null;
  try {
    model = read(deps);
  } catch {
    model = null;
  }
  perKind.set(kind, { model, deps });
  return model;
}

/**
 * `memoised` for a gate file whose default export is the gate (Nitro middleware, a Fastify hooks
 * plugin): `read` gets the definition behind it, wherever it is re-exported from.
 */
export function defaultExportModel(file: ProjectFile, kind: string, read: (definition: Definition, deps: Deps) => GateModel | null): GateModel | null {
  return memoised(file, kind, (deps) => {
    const definition = exportedDefinition(file, 'default');
    if (!definition) {
      return null;
    }
    noteDep(deps, definition.file);
    return read(definition, deps);
  });
}

/** Whether a coverage model refuses anonymous requests on every sample of a route path. */
export function covers(model: GateModel, routePath: string): boolean {
  const samples = routeSamplePaths(routePath);
  return samples !== null && samples.length > 0 && samples.every((p) => model.scope(p) === true && model.rules.some((rule) => rule.cond(p) === true));
}

export function firstFile(like: FileContext, dir: string, names: readonly string[]): ProjectFile | null {
  for (const name of names) {
    const file = projectFile(path.join(dir, name), like);
    if (file) {
      return file;
    }
  }
  return null;
}
