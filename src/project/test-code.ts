import path from 'node:path';

import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { perFile, perFileKey } from '../core/context';
import type { FileContext } from '../core/context';
import { compileGlobs } from '../core/globs';
import type { GlobList } from '../core/globs';
import { getSettings, SETTINGS_KEY } from '../core/settings';
import { skipTsWrappers } from '../core/static';
import { variableFor } from '../core/variable-index';
import type { AgentGuardSettings } from '../core/settings';
import { TEST_FILE_GLOBS, TEST_FOLDERS, TEST_FRAMEWORK_MODULES, TEST_PATH_HINT, TEST_SUITE_CALLS } from '../data/test-files';
import { projectRoot, readPackageJson } from './root';

const TEST_CODE = perFileKey<boolean>('test code');

/** The compiled globs of each settings object: the defaults, `tests.files` and `secrets.testFiles`. */
const globsBySettings = new WeakMap<AgentGuardSettings, GlobList>();

function testGlobs(settings: AgentGuardSettings): GlobList {
  let globs = globsBySettings.get(settings);
  if (!globs) {
    globs = compileGlobs([...TEST_FILE_GLOBS, ...settings.tests.files, ...settings.secrets.testFiles]);
    globsBySettings.set(settings, globs);
  }
  return globs;
}

const slashed = (file: string): string => file.split(path.sep).join('/').replace(/^\/+/u, '');

/** Whether `relative` (inside its base, `/`-separated) starts with a test folder. */
function startsWithTestFolder(relative: string): boolean {
  const slash = relative.indexOf('/');
  return slash !== -1 && TEST_FOLDERS.has(relative.slice(0, slash));
}

/**
 * Whether an absolute `filename` lies in a test folder at the top of `root` or of a package
 * between them (a directory with a `package.json`): `test/utils.js`, `packages/api/tests/x.ts`.
 */
function inTopTestFolder(filename: string, root: string, readsPackages: boolean): boolean {
  for (let dir = path.dirname(filename); ; ) {
    if (dir === root || (readsPackages && readPackageJson(dir) !== null)) {
      const relative = path.relative(dir, filename);
      if (startsWithTestFolder(slashed(relative))) {
        return true;
      }
    }
    const parent = path.dirname(dir);
    if (dir === root || parent === dir || path.relative(root, parent).startsWith('..')) {
      return false;
    }
    dir = parent;
  }
}

/**
 * Whether the file is test code, where the rules do not report (`no-hardcoded-secrets` still
 * reports live provider tokens there): a name or folder of {@link TEST_FILE_GLOBS} (with
 * `tests.files` and `secrets.testFiles`) anywhere in its path relative to the project root, or a
 * {@link TEST_FOLDERS} folder at the top of the project or of a package. Always `false` when
 * `settings['agent-guard'].tests.report` is `true`. Without a project root (or with
 * `project.crossFile: false`) paths are taken relative to the working directory and no
 * `package.json` is read. Whatever its path, a file that declares a test suite at its top level
 * (`describe(…)`, `test(…)`) is test code. Memoised per file.
 * @example isTestCode(context) // src/auth.test.ts, test/utils.js, packages/api/tests/db.ts -> true; app/api/test/route.ts -> false
 */
export function isTestCode(context: FileContext & { readonly cwd?: string }): boolean {
  return perFile(context, TEST_CODE, () => {
    // Most files are answered without the settings: no test name in the path, no suite declared,
    // and no `tests` or `secrets.testFiles` written (then the defaults decide).
    if (!mayBeTestCode(context) && !writesTestSettings(context.settings)) {
      return false;
    }
    const settings = getSettings(context);
    if (settings.tests.report) {
      return false;
    }
    return testCodeByPath(context, settings) || declaresTestSuite(context);
  });
}

/** Whether the raw settings say anything about test code (`tests`, `secrets.testFiles`), read without normalising them. */
function writesTestSettings(settings: FileContext['settings']): boolean {
  const own: unknown = settings[SETTINGS_KEY];
  if (own === null || typeof own !== 'object') {
    return false;
  }
  const { tests, secrets } = own as { tests?: unknown; secrets?: unknown };
  return tests !== undefined || (secrets !== null && typeof secrets === 'object' && (secrets as { testFiles?: unknown }).testFiles !== undefined);
}

/** What the defaults could call test code: a test name or folder in the file name, or a suite declared at the top. */
function mayBeTestCode(context: FileContext): boolean {
  const filename = context.filename;
  return (typeof filename === 'string' && TEST_PATH_HINT.test(filename)) || declaresTestSuite(context);
}

/**
 * Whether the file declares a test suite at its top level: a global (or test-framework) `describe`,
 * `suite`, `test` or `it` call, as `describe('drivers/bigquery', …)` in a driver's `test.js`.
 */
function declaresTestSuite(context: FileContext): boolean {
  for (const statement of context.sourceCode.ast.body) {
    const expression = statement.type === AST_NODE_TYPES.ExpressionStatement ? skipTsWrappers(statement.expression) : null;
    const call = expression?.type === AST_NODE_TYPES.AwaitExpression ? skipTsWrappers(expression.argument) : expression;
    if (call?.type !== AST_NODE_TYPES.CallExpression) {
      continue;
    }
    // `describe(…)`, `describe.each(table)(…)`, `test.describe(…)`: the name the chain starts from.
    let root: TSESTree.Node = skipTsWrappers(call.callee);
    while (root.type === AST_NODE_TYPES.MemberExpression || root.type === AST_NODE_TYPES.CallExpression) {
      root = skipTsWrappers(root.type === AST_NODE_TYPES.MemberExpression ? root.object : root.callee);
    }
    if (root.type === AST_NODE_TYPES.Identifier && TEST_SUITE_CALLS.has(root.name) && fromTestFramework(context, root)) {
      return true;
    }
  }
  return false;
}

/** A global, or a name imported from a test framework (`import { describe } from 'vitest'`). */
function fromTestFramework(context: FileContext, name: TSESTree.Identifier): boolean {
  const variable = variableFor(context, name);
  if (variable === null || variable.defs.length === 0) {
    return true;
  }
  const def = variable.defs[0]!;
  return def.type === 'ImportBinding' && def.parent.type === AST_NODE_TYPES.ImportDeclaration && TEST_FRAMEWORK_MODULES.has(def.parent.source.value);
}

function testCodeByPath(context: FileContext & { readonly cwd?: string }, settings: AgentGuardSettings): boolean {
  const filename = context.filename;
  if (typeof filename !== 'string' || filename === '' || filename.startsWith('<')) {
    return false;
  }
  const globs = testGlobs(settings);
  const cwd = typeof context.cwd === 'string' && path.isAbsolute(context.cwd) ? context.cwd : process.cwd();
  if (!path.isAbsolute(filename)) {
    const relative = slashed(path.normalize(filename));
    return globs.matchesFile(`/${relative}`) || startsWithTestFolder(relative);
  }
  // Most files are answered from their absolute name: a relative path matches only if it does.
  const extra = settings.tests.files.length > 0 || settings.secrets.testFiles.length > 0;
  if (!extra ? !TEST_PATH_HINT.test(filename) : !globs.matchesFile(`/${slashed(filename)}`) && !slashed(filename).split('/').some((segment) => TEST_FOLDERS.has(segment))) {
    return false;
  }
  const found = projectRoot(filename, context.settings);
  const root = found ?? cwd;
  const relative = path.relative(root, filename);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    // Outside the root: only the file's own name and folders can say so.
    return globs.matchesFile(`/${path.basename(filename)}`);
  }
  return globs.matchesFile(`/${slashed(relative)}`) || inTopTestFolder(filename, root, found !== null);
}
