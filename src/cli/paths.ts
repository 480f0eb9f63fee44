import { relative, sep } from 'node:path';

/** `/`-separated path of `file` relative to `root`, as git, SARIF and annotations expect. */
export function toPosixRelative(root: string, file: string): string {
  return relative(root, file).split(sep).join('/');
}
