import type { CallTarget } from '../../core/modules';

const PATH_MODULES = new Set(['path', 'path/posix', 'path/win32', 'upath', 'pathe']);

/** The `path` function a call target names (`join` for `path.join`, `path.posix.join`, `join` from `node:path`). */
export function pathFunctionName(target: CallTarget | null): string | null {
  if (!target?.module || !PATH_MODULES.has(target.module)) {
    return null;
  }
  const { path } = target;
  if (path.length === 1) {
    return path[0]!;
  }
  return path.length === 2 && (path[0] === 'posix' || path[0] === 'win32') ? path[1]! : null;
}
