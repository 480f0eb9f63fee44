import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { resolveCallTarget } from '../../core/modules';
import type { FunctionLike } from '../../core/functions';
import { DIRECTORY_LISTINGS, LISTING_DIRECTORY_KEYS } from '../../data/fs';
import { SAFE, targetKey, UNKNOWN } from './values';
import type { TrackedValue, ValueTracker } from './values';

/**
 * Directory listings (`fs.readdir(dir)`, `fs.opendir(dir)`): the entry names come from the
 * server's disk, so an entry joined with a constant root is not request input; joined back
 * with a request-derived directory it is, through that directory. `Dirent.parentPath` (and
 * `path`) and `Dir.path` are the directory itself.
 */

/** The value of a listing call (`target` resolved), or `null` when the call is not one. */
export function listingValue(tracker: ValueTracker, key: string, call: TSESTree.CallExpression): TrackedValue | null {
  if (!DIRECTORY_LISTINGS.has(key)) {
    return null;
  }
  const dir = call.arguments[0];
  const value = dir && dir.type !== AST_NODE_TYPES.SpreadElement ? tracker.finalize(tracker.evaluate(dir)) : SAFE;
  if (value.kind === 'input') {
    return { kind: 'listing', origin: value.origin };
  }
  return value.kind === 'unknown' ? UNKNOWN : SAFE;
}

/** `fs.readdir(dir, (err, entries) => …)`: the entries parameter, or `null` when `fn` is not such a callback. */
export function listingCallbackValue(tracker: ValueTracker, fn: FunctionLike, index: number): TrackedValue | null {
  const call = fn.parent;
  if (index !== 1 || call?.type !== AST_NODE_TYPES.CallExpression || call.arguments.at(-1) !== fn || call.arguments.length < 2) {
    return null;
  }
  const target = resolveCallTarget(tracker.context, call.callee);
  return target ? listingValue(tracker, targetKey(target), call) : null;
}

/** A property read on listing entries: the directory at `parentPath`/`path`, entries at an index, else names and flags from the disk. */
export function listingStep(value: TrackedValue & { kind: 'listing' }, key: string | null): TrackedValue {
  if (key === null || /^\d+$/u.test(key)) {
    return value;
  }
  return LISTING_DIRECTORY_KEYS.has(key) ? { kind: 'input', origin: value.origin, path: false } : SAFE;
}
