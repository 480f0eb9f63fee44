/** Nitro/Nuxt `server/middleware/*`: handlers that run before every server route, refusing by path. */
import path from 'node:path';

import { NUXT_MIDDLEWARE_FOLDER, NUXT_REJECTING_CALLS, nuxtServerDirectory } from '../../../frameworks/global-gates/nuxt';
import { h3HandlerFunctions } from '../../../frameworks/h3';
import type { Route } from '../../../frameworks/types';
import { pathForDisplay, projectFile, projectFiles, projectRoot } from '../../../project/index';
import type { ProjectFile } from '../../../project/index';
import type { FileContext } from '../../../core/context';
import { TRUE, newReader, walkFunction } from './reader';
import type { Rule } from './reader';
import { covers, defaultExportModel } from './models';
import type { GateModel, GlobalGate } from './models';

/** What one middleware file refuses: the functions of its default export's event handler, read in the anonymous world. */
function middlewareModel(file: ProjectFile): GateModel | null {
  return defaultExportModel(file, 'nuxt', (definition, deps) => {
    const rules: Rule[] = [];
    for (const fn of h3HandlerFunctions(definition.file.context, definition.node)) {
      const reader = newReader(definition.file.context, NUXT_REJECTING_CALLS, deps);
      walkFunction(reader, fn);
      rules.push(...reader.rules);
    }
    return rules.length === 0 ? null : { scope: TRUE, scopeText: '', rules, what: 'server middleware' };
  });
}

/**
 * The `server/middleware/` file that refuses anonymous requests to a Nitro/Nuxt file route, or
 * `null`. Only the folder's own files run (Nitro does not look into subfolders).
 */
export function nuxtGate(context: FileContext, route: Route): GlobalGate | null {
  const server = nuxtServerDirectory(context.filename);
  if (server === null || route.path === null) {
    return null;
  }
  const folder = path.join(server, NUXT_MIDDLEWARE_FOLDER);
  for (const filename of projectFiles(folder, { settings: context })) {
    if (path.dirname(filename) !== folder) {
      continue;
    }
    const file = projectFile(filename, context);
    const model = file ? middlewareModel(file) : null;
    if (file && model && covers(model, route.path)) {
      const rule = model.rules.find((r) => r.cond(route.path!) === true);
      const name = pathForDisplay(file.filename, projectRoot(context.filename, context));
      return { file: file.filename, description: `${name} ${model.what}${rule ? `: ${rule.text}` : ''}` };
    }
  }
  return null;
}
