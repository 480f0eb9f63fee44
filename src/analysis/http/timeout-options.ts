import type { TSESTree } from '@typescript-eslint/utils';

import { judgeAbortSignal } from './abort-signal';
import { findObjectProperty, staticValueOf } from '../../core/static';
import type { FileContext } from '../../core/context';

/** Which properties of an options object bound a request in time. */
export interface TimeoutOptionSpec {
  /** Keys that set a timeout (`timeout`, `headersTimeout`). */
  readonly timeoutKeys: readonly string[];
  /** Static values of those keys that mean "no timeout" (`0`, `false`). */
  readonly disabledValues: readonly unknown[];
  /** Whether a `signal` key carrying `AbortSignal.timeout()` also counts. */
  readonly acceptsSignal: boolean;
}

/**
 * What an options object says about a timeout:
 * `timed`, `unknown` (a spread or computed key may supply one), `missing`,
 * `disabled` (a timeout key set to a disabling value) or `untimed-signal`
 * (`signal` is `undefined`/`null`, or a local controller no timer aborts).
 */
export type TimeoutOptionVerdict =
  | { readonly kind: 'timed' }
  | { readonly kind: 'unknown' }
  | { readonly kind: 'missing' }
  | { readonly kind: 'disabled'; readonly property: TSESTree.Property }
  | { readonly kind: 'untimed-signal'; readonly property: TSESTree.Property; readonly signal: 'none' | 'untimed' };

function lookup(context: FileContext, object: TSESTree.ObjectExpression, key: string): TSESTree.Property | 'absent' | 'unknown' {
  const found = findObjectProperty(context, object, key);
  if (found.kind === 'found') {
    return found.property.kind === 'init' ? found.property : 'unknown'; // a getter may compute anything
  }
  return found.kind;
}

/**
 * Judges the timeout of an options object literal.
 * @example judgeTimeoutOptions(context, obj, { timeoutKeys: ['timeout'], disabledValues: [0], acceptsSignal: true })
 * // `{ timeout: 0 }` -> disabled; `{ signal: AbortSignal.timeout(5000) }` -> timed
 */
export function judgeTimeoutOptions(
  context: FileContext,
  object: TSESTree.ObjectExpression,
  spec: TimeoutOptionSpec,
): TimeoutOptionVerdict {
  let unknown = false;
  let disabled: TSESTree.Property | null = null;
  for (const key of spec.timeoutKeys) {
    const property = lookup(context, object, key);
    if (property === 'unknown') {
      unknown = true;
    } else if (property !== 'absent') {
      const value = staticValueOf(context, property.value);
      if (!value || !spec.disabledValues.includes(value.value)) {
        return { kind: 'timed' };
      }
      disabled ??= property;
    }
  }
  const signalProperty = spec.acceptsSignal ? lookup(context, object, 'signal') : 'absent';
  let untimed: TimeoutOptionVerdict | null = null;
  if (signalProperty === 'unknown') {
    unknown = true;
  } else if (signalProperty !== 'absent') {
    const signal = judgeAbortSignal(context, signalProperty.value);
    if (signal === 'timeout' || signal === 'unknown') {
      return { kind: 'timed' };
    }
    untimed = { kind: 'untimed-signal', property: signalProperty, signal };
  }
  if (unknown) {
    return { kind: 'unknown' };
  }
  return disabled ? { kind: 'disabled', property: disabled } : (untimed ?? { kind: 'missing' });
}
