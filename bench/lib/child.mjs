// A measuring child process: runs `node [nodeArgs] script args`, under `/usr/bin/time -v` when it
// is present (the kernel's peak RSS of the child), and reads the JSON object the child prints last.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const TIME = '/usr/bin/time';

/** Whether peak RSS comes from `/usr/bin/time -v` (else from the child's `process.resourceUsage().maxRSS`, as `maxRSSKiB`). */
export const measuredByTime = existsSync(TIME);

/**
 * Runs the child and returns its last line of output, parsed, with `maxKiB`: the peak RSS from
 * `/usr/bin/time -v`, else the child's own `maxRSSKiB`. Throws with the child's stderr when it fails.
 */
export function runMeasuredChild(label, args, nodeArgs = []) {
  const command = [...nodeArgs, ...args];
  const options = { encoding: 'utf8', maxBuffer: 1 << 26 };
  const result = measuredByTime ? spawnSync(TIME, ['-v', process.execPath, ...command], options) : spawnSync(process.execPath, command, options);
  if (result.status !== 0) {
    throw new Error(`${label} failed: ${result.stderr}`);
  }
  const report = JSON.parse(result.stdout.trim().split('\n').at(-1));
  const fromTime = /Maximum resident set size \(kbytes\): (\d+)/u.exec(result.stderr);
  return { ...report, maxKiB: fromTime ? Number(fromTime[1]) : report.maxRSSKiB };
}
