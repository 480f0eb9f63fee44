/** NestJS: `APP_GUARD` providers in the app's modules and `app.useGlobalGuards(…)` in `main.ts`. */
import path from 'node:path';

import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import {
  NEST_APP_GUARD,
  NEST_APP_GUARD_TEXT,
  NEST_GLOBAL_GUARDS_METHOD,
  NEST_GUARD_METHOD,
  NEST_GUARD_PROVIDER_KEYS,
  NEST_MAIN_FILES,
  NEST_PASSPORT_GUARD,
} from '../../../frameworks/global-gates/nest';
import { classNamed, pathForDisplay, projectFile, projectFiles, projectRoot } from '../../../project/index';
import type { ProjectFile } from '../../../project/index';
import { pushChildNodes, dottedName } from '../../../core/ast';
import type { FileContext } from '../../../core/context';
import type { FunctionLike } from '../../../core/functions';
import { getSettings } from '../../../core/settings';
import { findObjectProperty, skipTsWrappers } from '../../../core/static';
import { TRUE, isModuleExport, newReader, noteDep, shortText, walkFunction } from './reader';
import type { Deps } from './reader';
import { firstFile, memoised } from './models';
import type { GateModel, GlobalGate } from './models';

/** The class an expression names (local or imported), with the context of its file; an imported one is recorded in `deps`. */
export function classOf(context: FileContext, node: TSESTree.Node, deps: Deps): { cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression; context: FileContext } | null {
  const found = classNamed(context, node);
  if (found?.file) {
    noteDep(deps, found.file);
  }
  return found;
}

/** Whether a guard (class, or `AuthGuard('jwt')` call) refuses an anonymous request to an unmarked route. */
export function isGateGuard(context: FileContext, node: TSESTree.Node, deps: Deps, depth = 0): boolean {
  const expr = skipTsWrappers(node);
  if (expr.type === AST_NODE_TYPES.CallExpression) {
    return isModuleExport(context, expr.callee, [NEST_PASSPORT_GUARD]);
  }
  const found = depth < 3 ? classOf(context, expr, deps) : null;
  if (!found) {
    return false;
  }
  const superGate = found.cls.superClass ? isGateGuard(found.context, found.cls.superClass, deps, depth + 1) : false;
  const method = found.cls.body.body.find(
    (member): member is TSESTree.MethodDefinition =>
      member.type === AST_NODE_TYPES.MethodDefinition && !member.static && member.key.type === AST_NODE_TYPES.Identifier && member.key.name === NEST_GUARD_METHOD,
  );
  if (!method) {
    return superGate;
  }
  const reader = newReader(found.context, [], deps, { verdict: true, nest: { superGate } });
  walkFunction(reader, method.value as FunctionLike);
  return reader.rules.some((rule) => rule.cond('/') === true);
}

/** The folder of the Nest app a file belongs to: the nearest one (up to the project root) holding `main.ts`. */
export function nestAppDirectory(like: FileContext, filename: string, root: string): string {
  for (let dir = path.dirname(filename); dir.startsWith(root); dir = path.dirname(dir)) {
    if (firstFile(like, dir, NEST_MAIN_FILES)) {
      return dir;
    }
    if (dir === root || path.dirname(dir) === dir) {
      break;
    }
  }
  return root;
}

/** `{ provide: APP_GUARD, useClass: X }` providers of a module file: the gate guards' names. */
function appGuardModel(file: ProjectFile): GateModel | null {
  return memoised(file, 'nest-module', (deps) => {
    const context = file.context;
    const names: string[] = [];
    const stack: TSESTree.Node[] = [file.sourceCode.ast];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node.type === AST_NODE_TYPES.ObjectExpression) {
        const provide = findObjectProperty(context, node, 'provide');
        const token = provide.kind === 'found' ? skipTsWrappers(provide.value) : null;
        if (token && (isModuleExport(context, token, [NEST_APP_GUARD]) || dottedName(token)?.split('.').pop() === 'APP_GUARD')) {
          for (const key of NEST_GUARD_PROVIDER_KEYS) {
            const guard = findObjectProperty(context, node, key);
            if (guard.kind === 'found' && isGateGuard(context, guard.value, deps)) {
              names.push(shortText(context, guard.value));
            }
          }
        }
      }
      pushChildNodes(context.sourceCode, node, stack);
    }
    return names.length > 0 ? { scope: TRUE, scopeText: '', rules: [{ cond: TRUE, text: names[0]! }], what: `APP_GUARD ${names[0]!}` } : null;
  });
}

/** `app.useGlobalGuards(new X(), …)` in `main.ts`. */
function globalGuardsModel(file: ProjectFile): GateModel | null {
  return memoised(file, 'nest-main', (deps) => {
    const context = file.context;
    const stack: TSESTree.Node[] = [file.sourceCode.ast];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (
        node.type === AST_NODE_TYPES.CallExpression &&
        node.callee.type === AST_NODE_TYPES.MemberExpression &&
        node.callee.property.type === AST_NODE_TYPES.Identifier &&
        node.callee.property.name === NEST_GLOBAL_GUARDS_METHOD
      ) {
        for (const arg of node.arguments) {
          const expr = skipTsWrappers(arg);
          // `new JwtGuard(reflector)`, `app.get(JwtGuard)`.
          const guard =
            expr.type === AST_NODE_TYPES.NewExpression ? expr.callee : expr.type === AST_NODE_TYPES.CallExpression && expr.arguments[0] && !isModuleExport(context, expr.callee, [NEST_PASSPORT_GUARD]) ? expr.arguments[0] : expr;
          if (isGateGuard(context, guard, deps)) {
            const name = shortText(context, guard);
            return { scope: TRUE, scopeText: '', rules: [{ cond: TRUE, text: name }], what: `useGlobalGuards(${name})` };
          }
        }
      }
      pushChildNodes(context.sourceCode, node, stack);
    }
    return null;
  });
}

export function nestGate(context: FileContext): GlobalGate | null {
  const root = projectRoot(context.filename, context);
  if (root === null) {
    return null;
  }
  const appDir = nestAppDirectory(context, context.filename, root);
  const main = firstFile(context, appDir, NEST_MAIN_FILES);
  const fromMain = main ? globalGuardsModel(main) : null;
  if (main && fromMain) {
    return { file: main.filename, description: `${pathForDisplay(main.filename, root)} ${fromMain.what}` };
  }
  for (const filename of projectFiles(root, { text: NEST_APP_GUARD_TEXT, settings: context })) {
    if (!filename.startsWith(appDir + path.sep) || filename === context.filename) {
      continue;
    }
    const file = projectFile(filename, context);
    const model = file ? appGuardModel(file) : null;
    if (file && model) {
      return { file: file.filename, description: `${pathForDisplay(file.filename, root)} ${model.what}` };
    }
  }
  return null;
}

/**
 * Whether the NestJS app of this file declares an app-wide guard at all (an `APP_GUARD`
 * provider or `useGlobalGuards` in `main.ts`), judged or not: `false` when the project was read
 * and has none, so a `@Public()` marker in a controller proves nothing; `null` when the project
 * cannot be read (no root, cross-file analysis off), where the rule keeps its single-file guess.
 */
export function nestGuardDeclared(context: FileContext): boolean | null {
  try {
    const root = projectRoot(context.filename, context);
    if (root === null || !getSettings(context).project.crossFile) {
      return null;
    }
    const appDir = nestAppDirectory(context, context.filename, root);
    const main = firstFile(context, appDir, NEST_MAIN_FILES);
    if (main?.sourceCode.text.includes('useGlobalGuards')) {
      return true;
    }
    return projectFiles(root, { text: NEST_APP_GUARD_TEXT, settings: context }).some((filename) => filename.startsWith(appDir + path.sep));
  } catch {
    return null;
  }
}
