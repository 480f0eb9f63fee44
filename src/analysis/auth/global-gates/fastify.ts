/** Fastify `autohooks` files of `@fastify/autoload`: hooks that run before every route of a routes folder. */
import path from 'node:path';

import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import {
  FASTIFY_AUTOHOOKS_FILES,
  FASTIFY_AUTOHOOKS_OPTION,
  FASTIFY_CASCADE_OPTION,
  FASTIFY_GATE_HOOKS,
  FASTIFY_REFUSING_REPLY_METHODS,
  FASTIFY_ROUTES_FOLDER,
  FASTIFY_STATUS_SETTERS,
} from '../../../frameworks/global-gates/fastify';
import { joinPaths } from '../../../frameworks/kit/router-routes';
import type { Route } from '../../../frameworks/types';
import { pathForDisplay, projectFiles, projectRoot } from '../../../project/index';
import type { ProjectFile } from '../../../project/index';
import type { FileContext } from '../../../core/context';
import { isFunctionLike, parameterName, resolveFunction } from '../../../core/functions';
import { staticValue } from '../../../core/static';
import { methodCallsOn } from '../../../core/variable-index';
import { TRUE, functionOf, newReader, walkFunction } from './reader';
import type { Rule } from './reader';
import { covers, defaultExportModel, firstFile } from './models';
import type { GateModel, GlobalGate } from './models';

/** What one hooks file refuses: the gate hooks its plugin adds (`fastify.addHook('onRequest', …)`), read in the anonymous world. */
function hooksModel(file: ProjectFile): GateModel | null {
  return defaultExportModel(file, 'fastify-autohooks', (definition, deps) => {
    const context = definition.file.context;
    const plugin = isFunctionLike(definition.node) ? definition.node : resolveFunction(context, definition.node);
    const first = plugin?.params[0];
    const instance = first?.type === AST_NODE_TYPES.Identifier ? context.sourceCode.getDeclaredVariables(plugin!).find((variable) => variable.name === first.name) : undefined;
    if (!instance) {
      return null;
    }
    const rules: Rule[] = [];
    // `fastify.addHook('onRequest', async (request, reply) => { … })`, wherever the plugin calls it.
    for (const { call } of methodCallsOn(instance, ['addHook'])) {
      const name = call.arguments[0] ? staticValue(context, call.arguments[0])?.value : undefined;
      const hook = typeof name === 'string' && FASTIFY_GATE_HOOKS.has(name) && call.arguments[1] ? functionOf(context, call.arguments[1], deps) : null;
      if (hook) {
        const reader = newReader(hook.context, [], deps, {
          middleware: {
            request: parameterName(hook.fn.params[0]),
            response: parameterName(hook.fn.params[1]),
            next: parameterName(hook.fn.params[2]),
            refusingMethods: FASTIFY_REFUSING_REPLY_METHODS,
            statusSetters: FASTIFY_STATUS_SETTERS,
          },
        });
        walkFunction(reader, hook.fn);
        rules.push(...reader.rules);
      }
    }
    return rules.length === 0 ? null : { scope: TRUE, scopeText: '', rules, what: 'autohooks' };
  });
}

/**
 * The URL path autoload gives a route: the path of its file's folder below the nearest `routes`
 * folder, then the path it registers (`routes/api/tasks/index.ts`, `/:id` → `/api/tasks/:id`);
 * `null` outside a `routes` folder.
 */
function autoloadPath(filename: string, routePath: string): string | null {
  const folders = path.dirname(filename).split(path.sep);
  const at = folders.lastIndexOf(FASTIFY_ROUTES_FOLDER);
  if (at === -1) {
    return null;
  }
  const prefix = folders.slice(at + 1).map((folder) => `/${folder}`).join('');
  return joinPaths(prefix === '' ? null : prefix, routePath);
}

/**
 * The `autohooks` file whose hooks refuse anonymous requests to a Fastify route, or `null`: the
 * one of the route file's folder, and with `cascadeHooks: true` those of the folders above it up
 * to `routes/`. Only in a project that turns `autoHooks` on.
 */
export function fastifyAutohooksGate(context: FileContext, route: Route): GlobalGate | null {
  const root = projectRoot(context.filename, context.settings);
  if (route.path === null || root === null || projectFiles(root, { text: FASTIFY_AUTOHOOKS_OPTION, settings: context.settings }).length === 0) {
    return null;
  }
  const url = autoloadPath(context.filename, route.path);
  if (url === null) {
    return null;
  }
  const cascade = projectFiles(root, { text: FASTIFY_CASCADE_OPTION, settings: context.settings }).length > 0;
  let dir = path.dirname(context.filename);
  for (;;) {
    const file = firstFile(context, dir, FASTIFY_AUTOHOOKS_FILES);
    const model = file ? hooksModel(file) : null;
    if (file && model && covers(model, url)) {
      const rule = model.rules.find((r) => r.cond(url) === true);
      return { file: file.filename, description: `${pathForDisplay(file.filename, root)} ${model.what}${rule ? `: ${rule.text}` : ''}` };
    }
    if (!cascade || path.basename(dir) === FASTIFY_ROUTES_FOLDER || dir === root || path.dirname(dir) === dir) {
      return null;
    }
    dir = path.dirname(dir);
  }
}
