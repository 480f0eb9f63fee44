/** npm error middleware made for development (`errorhandler()`): it sends every error's stack trace to the client. */
import type { TSESTree } from '@typescript-eslint/utils';

import { DEV_ERROR_RESPONDERS } from '../../data/error-values';
import { CALL, importsModule, iterateModuleReferences, stripNodePrefix } from '../../core/modules';
import type { TraceMap } from '../../core/modules';
import type { FileContext } from '../../core/context';

/** Per responder module: a trace map of the call that makes the middleware. */
const TRACE_MAP: Readonly<Record<string, TraceMap<string>>> = Object.fromEntries(
  DEV_ERROR_RESPONDERS.map(({ module, path }) => {
    const map: TraceMap<string> = { [CALL]: module };
    // Nested from the last segment outwards: `{ a: { b: { [CALL]: module } } }` for `a.b()`.
    return [module, path.reduceRight<TraceMap<string>>((inner, segment) => ({ [segment]: inner }), map)];
  }),
);
const MODULES = new Set(DEV_ERROR_RESPONDERS.map(({ module }) => module));

/**
 * The calls that make a development error responder (`app.use(errorhandler())`), with the
 * module each comes from, in a file that imports one; empty in any other file (one look at its
 * imports).
 * @example const errorhandler = require('errorhandler'); app.use(errorhandler()); // [{ call: errorhandler(), module: 'errorhandler' }]
 */
export function devErrorResponderCalls(context: FileContext): { readonly call: TSESTree.CallExpression; readonly module: string }[] {
  if (!importsModule(context, (specifier) => MODULES.has(stripNodePrefix(specifier)))) {
    return [];
  }
  const calls: { call: TSESTree.CallExpression; module: string }[] = [];
  for (const ref of iterateModuleReferences(context, TRACE_MAP)) {
    if (ref.kind === 'call') {
      calls.push({ call: ref.node as TSESTree.CallExpression, module: ref.info });
    }
  }
  return calls;
}
