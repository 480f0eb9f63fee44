/** SvelteKit `src/hooks.server.ts`: the `handle` export (and the parts of `sequence()`) refusing by path. */
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import {
  SVELTEKIT_HANDLE_EXPORT,
  SVELTEKIT_HOOKS_FILES,
  SVELTEKIT_REJECTING_CALLS,
  SVELTEKIT_SEQUENCE,
  svelteKitSourceDirectory,
} from '../../../frameworks/global-gates/sveltekit';
import type { Route } from '../../../frameworks/types';
import { exportedDefinition, pathForDisplay, projectRoot } from '../../../project/index';
import type { ProjectFile } from '../../../project/index';
import { dottedName } from '../../../core/ast';
import type { FileContext } from '../../../core/context';
import { skipTsWrappers } from '../../../core/static';
import { TRUE, functionOf, isModuleExport, newReader, walkFunction } from './reader';
import type { Rule } from './reader';
import { covers, firstFile, memoised } from './models';
import type { GateModel, GlobalGate } from './models';

function handleModel(file: ProjectFile): GateModel | null {
  return memoised(file, 'sveltekit', (deps) => {
    const definition = exportedDefinition(file, SVELTEKIT_HANDLE_EXPORT);
    if (!definition) {
      return null;
    }
    const context = definition.file.context;
    const value = skipTsWrappers(definition.node);
    const parts =
      value.type === AST_NODE_TYPES.CallExpression && (isModuleExport(context, value.callee, [SVELTEKIT_SEQUENCE]) || dottedName(value.callee) === 'sequence') ? value.arguments : [value];
    const rules: Rule[] = [];
    for (const part of parts) {
      const fn = functionOf(context, part, deps);
      if (fn) {
        const reader = newReader(fn.context, SVELTEKIT_REJECTING_CALLS, deps);
        walkFunction(reader, fn.fn);
        rules.push(...reader.rules);
      }
    }
    return { scope: TRUE, scopeText: '', rules, what: value.type === AST_NODE_TYPES.CallExpression ? 'handle (sequence)' : 'handle' };
  });
}

export function svelteKitGate(context: FileContext, route: Route): GlobalGate | null {
  const dir = route.path === null ? null : svelteKitSourceDirectory(context.filename);
  const file = dir === null ? null : firstFile(context, dir, SVELTEKIT_HOOKS_FILES);
  const model = file ? handleModel(file) : null;
  if (!file || !model || !covers(model, route.path!)) {
    return null;
  }
  const rule = model.rules.find((r) => r.cond(route.path!) === true);
  const name = pathForDisplay(file.filename, projectRoot(context.filename, context));
  return { file: file.filename, description: `${name} ${model.what}${rule ? `: ${rule.text}` : ''}` };
}
