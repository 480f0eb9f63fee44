import fs from 'node:fs';
import path from 'node:path';

import { CALL } from '@eslint-community/eslint-utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { perFile, perFileKey } from '../../core/context';
import type { FileContext } from '../../core/context';
import { enclosingFunction, hasDirective, normalizedFilename, resolveFunction } from '../../core/functions';
import type { FunctionLike } from '../../core/functions';
import { createGuard } from '../../core/guards';
import { importsModule, iterateModuleReferences, resolveCallTarget } from '../../core/modules';
import type { TraceMap } from '../../core/modules';
import { findObjectProperty, skipTsWrappers } from '../../core/static';
import { constInitOf } from '../../core/variable-index';
import { displayPath, importersOf, isTestCode, projectFile, projectRoot } from '../../project/index';
import { readPackageJson } from '../../project/root';
import { onClearProjectCaches } from '../../project/settings';
import {
  BROWSER_FLAG,
  BROWSER_GLOBALS,
  CLIENT_APP_MODULE_PREFIXES,
  CLIENT_APP_MODULES,
  CLIENT_HOOKS,
  COMPONENT_FOLDERS,
  COMPONENT_WRAPPERS,
  NEXT_APP_FOLDERS,
  NEXT_PACKAGE,
  NODE_PREFIX,
  PAGE_FUNCTION_METHODS,
  PROCESS_BROWSER,
  SERVER_DIRECTIVES,
  SERVER_FLAG,
  SERVER_ONLY_EXPORTS,
  SERVER_ONLY_MODULES,
  SERVER_ONLY_PATHS,
} from '../../data/browser';
import { WHATWG_FETCH_MODULES } from '../../data/http-clients';
import type { HttpClientFamily } from '../../data/http-clients';
import { AUTHORITY_OPTIONS } from '../../data/ssrf';
import type { ArgumentSource } from './wrappers';

/**
 * Why a file is browser code (`browser: true`), or why it is not. The first signal found wins,
 * in this order: `'use client'`; a server-only marker; a module of a mobile client app (React
 * Native, Expo); a client hook; a browser global; a components folder of a Next.js app; and,
 * for a file with none of these, project files that import it, all of them browser code.
 */
export type BrowserCodeVerdict =
  | {
      readonly browser: true;
      readonly reason: 'use-client' | 'client-app-module' | 'client-hook' | 'browser-global' | 'next-component-folder' | 'client-importers';
      readonly detail: string;
    }
  | { readonly browser: false; readonly reason: 'server-only' | 'no-browser-signal'; readonly detail: string };

const NO_SIGNAL: BrowserCodeVerdict = { browser: false, reason: 'no-browser-signal', detail: '' };

/** Per file: the judgement from the file alone, and from its importers by how many importers deep it looked. */
const VERDICT = perFileKey<BrowserCodeVerdict>('browser code');
const BY_IMPORTERS = perFileKey<Map<number, BrowserCodeVerdict>>('browser code by importers');

/**
 * How many files up the imports the judgement follows: a helper imported by a hook file that a
 * `'use client'` component imports is two.
 */
const IMPORTER_HOPS = 2;
/** Importers read at most for one file: a module imported by more is not judged by them. */
const MAX_IMPORTERS = 40;

/**
 * Whether the file is code that runs in a browser, judged from the file (and, for the components
 * folders, the nearest package.json and the folders beside it) and, when the file says nothing
 * either way, from the project files that import it: a module that only browser code imports
 * (`lib/upload.ts` imported by `'use client'` components alone) is bundled for the browser.
 * Memoised per file; never throws (a failure answers "not browser code", which keeps every report).
 */
export function judgeBrowserCode(context: FileContext): BrowserCodeVerdict {
  return judgeWithImporters(context, IMPORTER_HOPS);
}

/**
 * `judgeBrowserCode` from the file's own signals only, without reading the files that import it:
 * cheaper, and a browser verdict here is `judgeBrowserCode`'s too (its importers are read only when
 * the file says nothing either way). For a rule that reports nothing in browser code and can skip
 * work before the full judgement is needed. Memoised per file; never throws.
 */
export function judgeBrowserCodeFromFile(context: FileContext): BrowserCodeVerdict {
  return judgeAlone(context);
}

function judgeAlone(context: FileContext): BrowserCodeVerdict {
  return perFile(context, VERDICT, () => {
    try {
      return judge(context);
    } catch {
      return NO_SIGNAL;
    }
  });
}

function judgeWithImporters(context: FileContext, hops: number): BrowserCodeVerdict {
  const alone = judgeAlone(context);
  if (alone.browser || alone.reason !== 'no-browser-signal' || hops === 0) {
    return alone;
  }
  const memo = perFile(context, BY_IMPORTERS, () => new Map());
  let verdict = memo.get(hops);
  if (!verdict) {
    try {
      const importer = onlyBrowserImporters(context, hops);
      verdict = importer ? { browser: true, reason: 'client-importers', detail: importer } : alone;
    } catch {
      verdict = alone;
    }
    memo.set(hops, verdict);
  }
  return verdict;
}

/**
 * The first importer, described (`components/upload.tsx ('use client')`), when the file has
 * importers in the project and every one that is not test code is browser code (judged the same
 * way, `hops - 1` files further up); else `null`. No importer, an importer that cannot be read, or
 * more than `MAX_IMPORTERS` of them answer `null`.
 */
function onlyBrowserImporters(context: FileContext, hops: number): string | null {
  const root = projectRoot(context.filename, context.settings);
  const importers = root ? importersOf(root, context.filename, context.settings) : [];
  if (importers.length === 0 || importers.length > MAX_IMPORTERS) {
    return null;
  }
  let first: string | null = null;
  for (const importer of importers) {
    const file = projectFile(importer, context);
    if (!file) {
      return null;
    }
    if (isTestCode(file.context)) {
      continue;
    }
    const verdict = judgeWithImporters(file.context, hops - 1);
    if (!verdict.browser) {
      return null;
    }
    first ??= `${displayPath(context, importer)} (${verdict.reason === 'client-importers' ? 'imported by browser code' : verdict.detail})`;
  }
  return first;
}

function judge(context: FileContext): BrowserCodeVerdict {
  const body = context.sourceCode.ast.body;
  if (hasDirective(body, 'use client')) {
    return { browser: true, reason: 'use-client', detail: "'use client'" };
  }
  const server = serverOnlyMarker(context);
  if (server) {
    return { browser: false, reason: 'server-only', detail: server };
  }
  const app = clientAppModule(context);
  if (app) {
    return { browser: true, reason: 'client-app-module', detail: `import '${app}'` };
  }
  const hook = clientHookCall(context);
  if (hook) {
    return { browser: true, reason: 'client-hook', detail: hook };
  }
  const global = unguardedBrowserGlobal(context);
  if (global) {
    return { browser: true, reason: 'browser-global', detail: global };
  }
  const folder = nextComponentFolder(context.filename);
  if (folder) {
    return { browser: true, reason: 'next-component-folder', detail: folder };
  }
  return { browser: false, reason: 'no-browser-signal', detail: '' };
}

/** The first module of a mobile client app the file imports (`react-native`, `expo-secure-store`), or `null`. */
function clientAppModule(context: FileContext): string | null {
  let found: string | null = null;
  importsModule(context, (specifier) => {
    if (CLIENT_APP_MODULES.includes(specifier) || CLIENT_APP_MODULE_PREFIXES.some((prefix) => specifier.startsWith(prefix))) {
      found = specifier;
      return true;
    }
    return false;
  });
  return found;
}

/** How many `const` hops `leadingText` follows (`const API = '/api'; const url = API + '/x'`). */
const MAX_TEXT_HOPS = 3;

/** The start of a URL only a browser resolves: a path (`/x`, not `//host`), `./x`, `../x`, `?query`. */
const RELATIVE_URL = /^(?:\/(?!\/)|\.\.?\/|\?)/u;

/** The constant text a string expression starts with (`'/api/'` of `` `/api/${id}` `` or `'/api/' + id`), or `null`. */
function leadingText(context: FileContext, node: TSESTree.Node, hops = 0): string | null {
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
      return typeof node.value === 'string' ? node.value : null;
    case AST_NODE_TYPES.TemplateLiteral: {
      // `${BASE_PATH}/tags`: the template starts with what its first value starts with.
      const head = node.quasis[0]!.value.cooked ?? null;
      return head === '' && node.expressions.length > 0 ? (leadingText(context, node.expressions[0]!, hops) ?? '') : head;
    }
    case AST_NODE_TYPES.BinaryExpression:
      return node.operator === '+' ? leadingText(context, node.left, hops) : null;
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
      return leadingText(context, node.expression, hops);
    case AST_NODE_TYPES.Identifier: {
      const init = hops < MAX_TEXT_HOPS ? constInitOf(context, node) : null;
      return init ? leadingText(context, init, hops + 1) : null;
    }
    case AST_NODE_TYPES.ConditionalExpression: {
      // `from ? `/api/surveys?from=${from}` : '/api/surveys'`: what both branches start with.
      const consequent = leadingText(context, node.consequent, hops);
      const alternate = consequent === null ? null : leadingText(context, node.alternate, hops);
      if (consequent === null || alternate === null) {
        return null;
      }
      let length = 0;
      while (length < consequent.length && length < alternate.length && consequent[length] === alternate[length]) {
        length++;
      }
      return consequent.slice(0, length);
    }
    default:
      return null;
  }
}

/**
 * Whether a `fetch` call (WHATWG fetch, node-fetch and their look-alikes) asks for a relative URL
 * (`fetch('/api/users')`, `` fetch(`/api/items/${id}`) ``, `fetch('./data.json')`): only a browser
 * resolves one, against the page; Node's fetch, undici and node-fetch throw on it, so the call is
 * browser code whatever else the file holds (a Next.js page with `getServerSideProps`).
 */
export function fetchesRelativeUrl(context: FileContext, call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  // Fetch itself: a configured client or wrapper (`apiFetch('/users')`) may put a base URL in front.
  const target = resolveCallTarget(context, call.callee);
  const name = target?.path.filter((segment) => segment !== 'default').at(-1);
  if (!target || (target.module === null ? name !== 'fetch' : !WHATWG_FETCH_MODULES.has(target.module) || (name !== undefined && name !== 'fetch'))) {
    return false;
  }
  const url = call.arguments[0];
  const text = url && url.type !== AST_NODE_TYPES.SpreadElement ? leadingText(context, url) : null;
  return text !== null && RELATIVE_URL.test(text);
}

/** Clients that run in browsers too, where a relative URL is resolved against the page: in Node they refuse it. */
const ISOMORPHIC_CLIENTS: ReadonlySet<HttpClientFamily> = new Set(['axios', 'ky', 'ofetch']);

/**
 * Whether an instance of an isomorphic client is created over a relative base URL
 * (`axios.create({ baseURL: '/api' })`, `ky.create({ prefixUrl: '/api' })`): a client of the
 * page's own API, browser code as `fetch('/api/users')` is. (A module-level `axios.get('/api/x')`
 * is not judged so: `axios.defaults.baseURL`, set in any file, gives it a server's base; an
 * instance's own base replaces that.)
 */
export function createsRelativeClient(context: FileContext, call: TSESTree.CallExpression | TSESTree.NewExpression, family: HttpClientFamily): boolean {
  const first = call.arguments[0];
  if (!ISOMORPHIC_CLIENTS.has(family) || !first || first.type === AST_NODE_TYPES.SpreadElement) {
    return false;
  }
  const config = skipTsWrappers(first);
  if (config.type !== AST_NODE_TYPES.ObjectExpression) {
    return false;
  }
  return AUTHORITY_OPTIONS[family].base.some(({ key }) => {
    const found = findObjectProperty(context, config, key);
    const text = found.kind === 'found' ? leadingText(context, found.value) : null;
    return text !== null && RELATIVE_URL.test(text);
  });
}

/**
 * Whether a call of a project function whose `fetch` takes its URL from argument `url.index` (or
 * that argument's property `url.key`) passes a relative URL (`fetchWithAccount({ url: '/api/x' })`,
 * `request(`${BASE}/tags`)` with `const BASE = '/api/v3'`): browser code, as `fetch('/api/x')` is.
 */
export function passesRelativeUrl(context: FileContext, call: TSESTree.CallExpression, url: ArgumentSource): boolean {
  const arg = call.arguments[url.index];
  if (!arg || arg.type === AST_NODE_TYPES.SpreadElement) {
    return false;
  }
  let value: TSESTree.Node | null = arg;
  if (url.key !== null) {
    const object = skipTsWrappers(arg);
    const found = object.type === AST_NODE_TYPES.ObjectExpression ? findObjectProperty(context, object, url.key) : null;
    value = found?.kind === 'found' ? found.value : null;
  }
  const text = value ? leadingText(context, value) : null;
  return text !== null && RELATIVE_URL.test(text);
}

// --- server-only markers ---

/** The first server-only marker of the file, described, or `null`. */
function serverOnlyMarker(context: FileContext): string | null {
  if (hasDirective(context.sourceCode.ast.body, SERVER_DIRECTIVES)) {
    return "'use server'";
  }
  const filename = normalizedFilename(context);
  const pathMarker = SERVER_ONLY_PATHS.find((pattern) => pattern.test(filename));
  if (pathMarker) {
    return `path ${pathMarker.source}`;
  }
  let module: string | null = null;
  importsModule(context, (specifier) => {
    if (SERVER_ONLY_MODULES.has(specifier) || specifier.startsWith(NODE_PREFIX)) {
      module = specifier;
      return true;
    }
    return false;
  });
  if (module) {
    return `import '${module}'`;
  }
  return serverOnlyExport(context);
}

/**
 * A server-only export (`loader`, `getServerSideProps`, `GET`…) or an exported async component,
 * described; read from the export statements' names, resolving a function only for a default or
 * a PascalCase name.
 */
function serverOnlyExport(context: FileContext): string | null {
  const asyncComponent = (name: string, value: TSESTree.Node | null | undefined): string | null => {
    const fn = value ? resolveFunction(context, value) : null;
    const declared = fn && name === 'default' ? componentName(fn) : name;
    return fn?.async && declared !== null && (declared === 'default' || COMPONENT_NAME.test(declared)) ? `async component ${name}` : null;
  };
  for (const statement of context.sourceCode.ast.body) {
    if (statement.type === AST_NODE_TYPES.ExportDefaultDeclaration) {
      const found = asyncComponent('default', statement.declaration);
      if (found) {
        return found;
      }
      continue;
    }
    if (statement.type !== AST_NODE_TYPES.ExportNamedDeclaration) {
      continue;
    }
    const named: [string, TSESTree.Node | null][] = [];
    const decl = statement.declaration;
    if (decl?.type === AST_NODE_TYPES.FunctionDeclaration && decl.id) {
      named.push([decl.id.name, decl]);
    } else if (decl?.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of decl.declarations) {
        if (declarator.id.type === AST_NODE_TYPES.Identifier) {
          named.push([declarator.id.name, declarator.init]);
        }
      }
    } else {
      for (const specifier of statement.specifiers) {
        const exported = specifier.exported.type === AST_NODE_TYPES.Identifier ? specifier.exported.name : String(specifier.exported.value);
        named.push([exported, statement.source || specifier.local.type !== AST_NODE_TYPES.Identifier ? null : specifier.local]);
      }
    }
    for (const [name, value] of named) {
      if (SERVER_ONLY_EXPORTS.has(name)) {
        return `export ${name}`;
      }
      // Client components are never async: an exported async component is a Server Component.
      const found = COMPONENT_NAME.test(name) ? asyncComponent(name, value) : null;
      if (found) {
        return found;
      }
    }
  }
  return null;
}

// --- client hooks ---

const COMPONENT_NAME = /^[A-Z]/u;
const HOOK_NAME = /^use[A-Z0-9]/u;

/** CLIENT_HOOKS as a trace map, built once. */
let hookMap: Record<string, TraceMap<string>> | null = null;

function clientHookMap(): Record<string, TraceMap<string>> {
  if (!hookMap) {
    hookMap = {};
    for (const [module, hooks] of Object.entries(CLIENT_HOOKS)) {
      const map: TraceMap<string> = {};
      for (const hook of hooks) {
        if (hook === 'default') {
          map[CALL] = `${module} default`;
        } else {
          map[hook] = { [CALL]: hook };
        }
      }
      hookMap[module] = map;
    }
  }
  return hookMap;
}

/** The first client hook (imported from its module) called at the top level of a component or custom hook. */
function clientHookCall(context: FileContext): string | null {
  for (const ref of iterateModuleReferences(context, clientHookMap())) {
    if (ref.kind === 'call' && isComponentOrHook(enclosingFunction(ref.node))) {
      return ref.info;
    }
  }
  return null;
}

function isComponentOrHook(fn: FunctionLike | null): boolean {
  const name = fn ? componentName(fn) : null;
  return name !== null && (name === 'default' || COMPONENT_NAME.test(name) || HOOK_NAME.test(name));
}

/**
 * The name a function is declared under (`function Profile`, `const Profile = () =>`, through
 * `memo(…)`/`forwardRef(…)`), `'default'` for an anonymous default export, else `null`.
 */
function componentName(fn: FunctionLike): string | null {
  if (fn.id) {
    return fn.id.name;
  }
  let node: TSESTree.Node = fn;
  for (let depth = 0; depth < 3; depth++) {
    const parent: TSESTree.Node | undefined = node.parent;
    if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === node) {
      return parent.id.type === AST_NODE_TYPES.Identifier ? parent.id.name : null;
    }
    if (parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration) {
      return 'default';
    }
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === node && COMPONENT_WRAPPERS.has(wrapperName(parent.callee))) {
      node = parent;
      continue;
    }
    return null;
  }
  return null;
}

function wrapperName(callee: TSESTree.Node): string {
  if (callee.type === AST_NODE_TYPES.Identifier) {
    return callee.name;
  }
  return callee.type === AST_NODE_TYPES.MemberExpression && callee.property.type === AST_NODE_TYPES.Identifier ? callee.property.name : '';
}

// --- browser globals ---

/** The first browser global read outside a `typeof` guard, or `null`. */
function unguardedBrowserGlobal(context: FileContext): string | null {
  const globalScope = context.sourceCode.scopeManager?.globalScope;
  if (!globalScope) {
    return null;
  }
  const references: TSESLint.Scope.Reference[] = [];
  for (const ref of globalScope.through) {
    if (BROWSER_GLOBALS.has(ref.identifier.name)) {
      references.push(ref);
    }
  }
  // Globals the config declares (`globals.browser`) are resolved to variables without definitions.
  for (const name of BROWSER_GLOBALS) {
    const variable = globalScope.set.get(name);
    if (variable && variable.defs.length === 0) {
      references.push(...variable.references);
    }
  }
  if (references.length === 0) {
    return null;
  }
  const guarded = createGuard((test, branch) => browserTest(context, test, 0) === branch);
  for (const ref of references) {
    const id = ref.identifier as TSESTree.Identifier;
    const valueReference = (ref as { isValueReference?: boolean }).isValueReference ?? true;
    const typeofOperand =
      (id.parent?.type === AST_NODE_TYPES.UnaryExpression && id.parent.operator === 'typeof') || id.parent?.type === AST_NODE_TYPES.TSTypeQuery;
    if (valueReference && !typeofOperand && !guarded(id) && !inPageFunction(id)) {
      return id.name;
    }
  }
  return null;
}

/** Whether `node` is inside a function handed to a headless page to run (`page.evaluate(() => document.title)`). */
function inPageFunction(node: TSESTree.Node): boolean {
  for (let fn = enclosingFunction(node); fn; fn = enclosingFunction(fn)) {
    const call = fn.parent;
    if (
      call?.type === AST_NODE_TYPES.CallExpression &&
      call.arguments.includes(fn as TSESTree.CallExpressionArgument) &&
      call.callee.type === AST_NODE_TYPES.MemberExpression &&
      !call.callee.computed &&
      call.callee.property.type === AST_NODE_TYPES.Identifier &&
      PAGE_FUNCTION_METHODS.has(call.callee.property.name)
    ) {
      return true;
    }
  }
  return false;
}

/**
 * The value of `test` that implies a browser: `true` for `typeof window !== 'undefined'` (true
 * only in a browser), `false` for `typeof window === 'undefined'` (false only in a browser),
 * `null` when no value of it says so. Follows `const` flags and functions of the file that
 * return such a test (`const isBrowser = () => typeof window !== 'undefined'`), and reads
 * flags from elsewhere by name (`isBrowser`, `isServer`, `process.browser`).
 */
function browserTest(context: FileContext, test: TSESTree.Node, depth: number): boolean | null {
  if (depth > 4) {
    return null;
  }
  switch (test.type) {
    case AST_NODE_TYPES.UnaryExpression:
      if (test.operator === '!') {
        const inner = browserTest(context, test.argument, depth + 1);
        return inner === null ? null : !inner;
      }
      return null;
    case AST_NODE_TYPES.BinaryExpression: {
      const equality = test.operator === '===' || test.operator === '==';
      if (!equality && test.operator !== '!==' && test.operator !== '!=') {
        return null;
      }
      const pair = typeofComparison(test.left, test.right) ?? typeofComparison(test.right, test.left);
      if (pair === null) {
        return null;
      }
      // `typeof window === 'undefined'` holds outside a browser; `=== 'object'` inside one.
      return (pair === 'undefined') !== equality;
    }
    case AST_NODE_TYPES.LogicalExpression: {
      // `isBrowser && x` is true only in a browser; `isServer || x` is false only in one.
      const left = browserTest(context, test.left, depth + 1);
      const right = browserTest(context, test.right, depth + 1);
      if (test.operator === '&&') {
        return left === true || right === true ? true : null;
      }
      return test.operator === '||' && (left === false || right === false) ? false : null;
    }
    case AST_NODE_TYPES.Identifier: {
      // `const isBrowser = typeof window !== 'undefined'`.
      const init = constInitOf(context, test);
      return init ? browserTest(context, init, depth + 1) : flagByName(test.name);
    }
    case AST_NODE_TYPES.MemberExpression: {
      if (test.computed || test.property.type !== AST_NODE_TYPES.Identifier) {
        return null;
      }
      const processBrowser = test.property.name === PROCESS_BROWSER && test.object.type === AST_NODE_TYPES.Identifier && test.object.name === 'process';
      return processBrowser ? true : flagByName(test.property.name);
    }
    case AST_NODE_TYPES.CallExpression: {
      // `isBrowser()`: a function of the file returning a test, else the name.
      if (test.arguments.length > 0) {
        return null;
      }
      const fn = resolveFunction(context, test.callee);
      if (fn) {
        const returned = singleReturn(fn);
        return returned ? browserTest(context, returned, depth + 1) : null;
      }
      return test.callee.type === AST_NODE_TYPES.Identifier || test.callee.type === AST_NODE_TYPES.MemberExpression
        ? browserTest(context, test.callee, depth + 1)
        : null;
    }
    case AST_NODE_TYPES.ChainExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSAsExpression:
      return browserTest(context, test.expression, depth + 1);
    default:
      return null;
  }
}

/** A flag named like `isBrowser` (its `true` implies a browser) or `isServer` (its `false` does). */
function flagByName(name: string): boolean | null {
  return BROWSER_FLAG.test(name) ? true : SERVER_FLAG.test(name) ? false : null;
}

/** The expression a function returns when its body is that expression or a lone `return`. */
function singleReturn(fn: FunctionLike): TSESTree.Node | null {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) {
    return fn.body;
  }
  const [statement, ...rest] = fn.body.body;
  return rest.length === 0 && statement?.type === AST_NODE_TYPES.ReturnStatement ? statement.argument : null;
}

/** The string `typeofSide` (`typeof window`) is compared with, or `null`. */
function typeofComparison(typeofSide: TSESTree.Node, other: TSESTree.Node): string | null {
  return typeofSide.type === AST_NODE_TYPES.UnaryExpression &&
    typeofSide.operator === 'typeof' &&
    typeofSide.argument.type === AST_NODE_TYPES.Identifier &&
    BROWSER_GLOBALS.has(typeofSide.argument.name) &&
    other.type === AST_NODE_TYPES.Literal &&
    typeof other.value === 'string'
    ? other.value
    : null;
}

// --- components folders of Next.js apps ---

const nextApps = new Map<string, boolean>();
const directories = new Map<string, boolean>();
const nextPackages = new Map<string, boolean>();
onClearProjectCaches(() => {
  nextApps.clear();
  nextPackages.clear();
  directories.clear();
});

/**
 * The components folder (`components/`, `ui/`) holding the file when it belongs to a Next.js app
 * (a `next` dependency in the nearest package.json, or an `app/` or `pages/` folder beside the
 * components folder), or `null`. Reads the disk once per folder.
 */
export function nextComponentFolder(filename: string): string | null {
  if (typeof filename !== 'string' || !path.isAbsolute(filename)) {
    return null;
  }
  const segments = path.dirname(filename).split(path.sep);
  let innermost: string | null = null;
  for (let index = segments.length - 1; index >= 1; index--) {
    if (!COMPONENT_FOLDERS.has(segments[index]!)) {
      continue;
    }
    innermost ??= segments[index]!;
    const folder = segments.slice(0, index + 1).join(path.sep);
    let beside = nextApps.get(folder);
    if (beside === undefined) {
      const parent = path.dirname(folder);
      beside = NEXT_APP_FOLDERS.some((name) => isDirectory(path.join(parent, name)));
      nextApps.set(folder, beside);
    }
    if (beside) {
      return `${segments[index]}/`;
    }
  }
  return innermost !== null && nearestPackageHasNext(path.dirname(filename)) ? `${innermost}/` : null;
}

function isDirectory(dir: string): boolean {
  let found = directories.get(dir);
  if (found === undefined) {
    try {
      found = fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory() ?? false;
    } catch {
      found = false;
    }
    directories.set(dir, found);
  }
  return found;
}

function nearestPackageHasNext(start: string): boolean {
  let found = nextPackages.get(start);
  if (found === undefined) {
    found = packageHasNext(start);
    nextPackages.set(start, found);
  }
  return found;
}

function packageHasNext(start: string): boolean {
  for (let dir = start; ; ) {
    const pkg = readPackageJson(dir);
    if (pkg) {
      return ['dependencies', 'devDependencies', 'peerDependencies'].some((field) => {
        const deps = pkg[field];
        return deps !== null && typeof deps === 'object' && Object.hasOwn(deps, NEXT_PACKAGE);
      });
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      return false;
    }
    dir = parent;
  }
}
