/**
 * Generator of random, syntactically valid server programs for the fuzz test
 * (tests/robustness/fuzz.test.ts), the bad-input tests and the editor-latency benchmark.
 *
 * Programs are assembled from fragments of realistic server code (Express/Fastify/Koa/Next/Nest
 * handlers calling fetch/axios/got/undici/http, pg/mysql2/knex/prisma/sequelize/postgres, fs/path)
 * and mutated: renamed identifiers, every import style, wrappers (functions, arrows, async,
 * class and object methods, IIFEs, loops, try/catch), optional chaining, computed members, spread,
 * zero and extra arguments, shadowed names and, for TypeScript, casts, non-null assertions,
 * generics and decorators. Everything is driven by a small seeded PRNG, so a seed reproduces a program.
 */

/** mulberry32: tiny, fast, good enough for test-case generation; same seed, same sequence. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
  };
}

export interface Random {
  next(): number;
  /** Integer in [min, max]. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
}

export interface ProgramOptions {
  /** TypeScript program (casts, annotations, decorators) or plain JS. */
  typescript: boolean;
  /** ESM (imports/exports) or CommonJS (require/module.exports). */
  esm: boolean;
  /** Number of top-level fragments. */
  fragments: number;
  /** Realistic mode: no odd mutations (for benchmarks); fuzzing leaves it off. */
  realistic?: boolean;
}

export interface GeneratedProgram {
  code: string;
  /** File name whose extension selects the parser mode: file.ts / file.js / file.mjs / file.cjs. */
  filename: string;
  typescript: boolean;
  esm: boolean;
}

type Gen = ReturnType<typeof createContext>;

const MODULE_STYLES_ESM = ['default', 'namespace', 'default'] as const;
const MODULE_STYLES_CJS = ['require', 'require', 'requireDefault'] as const;

function createContext(random: Random, options: ProgramOptions) {
  const topNames = new Set<string>();
  const preamble: string[] = [];
  const moduleRefs = new Map<string, string>();
  const namedRefs = new Map<string, string>();
  let counter = 0;
  const odd = (p: number): boolean => !options.realistic && random.chance(p);

  function uniqueTop(base: string): string {
    let name = base;
    while (topNames.has(name)) {
      counter += 1;
      name = `${base}${counter}`;
    }
    topNames.add(name);
    return name;
  }

  /** A fresh local name (locals are unique per program, so no block redeclares one). */
  function local(base: string): string {
    counter += 1;
    return `${base}${counter}`;
  }

  function specifier(module: string): string {
    const builtins = new Set(['fs', 'fs/promises', 'path', 'http', 'https', 'child_process']);
    return builtins.has(module) && random.chance(0.4) ? `node:${module}` : module;
  }

  /** Expression for a module's namespace/default object, declaring it in the preamble on first use. */
  function mod(module: string, preferred: string): string {
    const known = moduleRefs.get(module);
    if (known) {
      return known;
    }
    const name = uniqueTop(preferred);
    const spec = specifier(module);
    if (options.esm) {
      const style = random.pick(MODULE_STYLES_ESM);
      if (options.typescript && odd(0.1)) {
        preamble.push(`import ${name} = require('${spec}');`);
      } else {
        preamble.push(style === 'namespace' ? `import * as ${name} from '${spec}';` : `import ${name} from '${spec}';`);
      }
    } else {
      const style = random.pick(MODULE_STYLES_CJS);
      preamble.push(
        style === 'requireDefault' && !['fs', 'path', 'http', 'https'].includes(module)
          ? `const ${name} = require('${spec}').default;`
          : `const ${name} = require('${spec}');`,
      );
    }
    moduleRefs.set(module, name);
    return name;
  }

  /** Expression for one named export: a named/aliased import or destructured require, or `ns.export`. */
  function named(module: string, exportName: string): string {
    const key = `${module}#${exportName}`;
    const known = namedRefs.get(key);
    if (known) {
      return known;
    }
    if (random.chance(0.35)) {
      const ref = `${mod(module, safeIdentifier(module))}.${exportName}`;
      namedRefs.set(key, ref);
      return ref;
    }
    const aliased = random.chance(0.4);
    const name = uniqueTop(aliased ? `${exportName}Fn` : exportName);
    const spec = specifier(module);
    if (options.esm) {
      preamble.push(
        name === exportName ? `import { ${name} } from '${spec}';` : `import { ${exportName} as ${name} } from '${spec}';`,
      );
    } else if (random.chance(0.3)) {
      preamble.push(`const ${name} = require('${spec}').${exportName};`);
    } else {
      preamble.push(
        name === exportName
          ? `const { ${name} } = require('${spec}');`
          : `const { ${exportName}: ${name} } = require('${spec}');`,
      );
    }
    namedRefs.set(key, name);
    return name;
  }

  return { random, options, odd, uniqueTop, local, mod, named, preamble, topNames };
}

function safeIdentifier(module: string): string {
  const cleaned = module.replace(/^@/u, '').replace(/[^a-zA-Z0-9]+(.)?/gu, (_, c: string | undefined) => (c ? c.toUpperCase() : ''));
  return /^[a-zA-Z_]/u.test(cleaned) ? cleaned : `m${cleaned}`;
}

// ---------------------------------------------------------------------------------------------
// Expressions

interface Scope {
  req: string;
  res: string;
  /** Expression giving request input (query/params/body/headers), depends on the framework. */
  input: (key: string) => string;
}

function requestInput(g: Gen, scope: Scope): string {
  const key = g.random.pick(['id', 'name', 'file', 'url', 'sort', 'q', 'path']);
  const plain = scope.input(key);
  if (!g.odd(0.3)) {
    return plain;
  }
  return g.random.pick([
    `${scope.req}?.query?.${key}`,
    `${scope.req}['params']['${key}']`,
    `String(${plain})`,
    `${plain} ?? 'default'`,
    `(${plain} || '')`,
    `\`\${${plain}}\``,
    g.options.typescript ? `(${plain} as string)` : plain,
    g.options.typescript ? `${plain}!` : plain,
  ]);
}

/** Calls `callee(args)` in one of many shapes that all mean the same call. */
function call(g: Gen, callee: string, args: string[]): string {
  const list = args.join(', ');
  if (!g.odd(0.45)) {
    return `${callee}(${list})`;
  }
  const forms: string[] = [
    `${callee}?.(${list})`,
    `${callee}(...[${list}])`,
    `${callee}()`,
    `${callee}(${[...args, 'undefined', 'null', '1'].join(', ')})`,
    `(0, ${callee})(${list})`,
    `${callee}.call(this, ${list})`,
    `${callee}.apply(null, [${list}])`,
    `Reflect.apply(${callee}, undefined, [${list}])`,
    `(${callee})(${list})`,
  ];
  if (args.length > 0) {
    forms.push(`${callee}(${args[0]}, ...rest)`, `${callee}(...args)`);
  }
  if (g.options.typescript) {
    forms.push(`(${callee} as any)(${list})`, `${callee}!(${list})`, `(<any>${callee})(${list})`);
  }
  return g.random.pick(forms);
}

/** `object.method` in one of its spellings: plain, computed, optional, computed with a variable. */
function member(g: Gen, object: string, method: string): string {
  if (!g.odd(0.35)) {
    return `${object}.${method}`;
  }
  return g.random.pick([
    `${object}['${method}']`,
    `${object}?.${method}`,
    `${object}[\`${method}\`]`,
    `${object}[methodName]`,
    `(${object}).${method}`,
    g.options.typescript ? `(${object} as any).${method}` : `${object}.${method}`,
  ]);
}

function options(g: Gen, kind: 'fetch' | 'axios'): string | null {
  const timeout = kind === 'fetch' ? 'signal: AbortSignal.timeout(5000)' : 'timeout: 5000';
  return g.random.pick([
    null,
    '{}',
    `{ ${timeout} }`,
    `{ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) }`,
    `{ ...defaults }`,
    `{ ...defaults, ${timeout} }`,
    `{ [key]: value, ${timeout} }`,
    'opts',
    'undefined',
    `{ signal: controller.signal }`,
    `{ get signal() { return AbortSignal.timeout(1000); } }`,
    `{ timeout: 0 }`,
    `{ timeout: -1, signal: null }`,
    `{ ...(cond ? { ${timeout} } : {}) }`,
  ]);
}

function url(g: Gen, scope: Scope): string {
  return g.random.pick([
    `'https://api.example.com/users'`,
    `\`https://api.example.com/users/\${${requestInput(g, scope)}}\``,
    `process.env.SERVICE_URL + '/health'`,
    `new URL('/v1/items', base)`,
    requestInput(g, scope),
    'endpoint',
  ]);
}

function sqlText(g: Gen, scope: Scope): string {
  const input = requestInput(g, scope);
  return g.random.pick([
    `'SELECT * FROM users WHERE id = $1'`,
    `\`SELECT * FROM users WHERE id = \${${input}}\``,
    `'SELECT * FROM users WHERE name = \\'' + ${input} + '\\''`,
    `\`SELECT * FROM \${table} ORDER BY \${${input}} \${dir}\``,
    `['SELECT *', 'FROM users', 'WHERE id = ' + ${input}].join(' ')`,
    `\`SELECT 1\``,
    'queryText',
    `\`DELETE FROM sessions WHERE expires < now()\``,
  ]);
}

function fsPath(g: Gen, scope: Scope): string {
  const path = g.mod('path', 'path');
  const input = requestInput(g, scope);
  return g.random.pick([
    input,
    `${call(g, member(g, path, 'join'), ['__dirname', "'uploads'", input])}`,
    `${path}.join(UPLOAD_DIR, ${path}.basename(${input}))`,
    `\`./files/\${${input}}\``,
    `'./static/index.html'`,
    `__dirname + '/public/' + ${input}`,
    `${path}.resolve(root, ${input})`,
    g.options.esm ? `${path}.join(import.meta.dirname ?? '.', 'data.json')` : `${path}.join(process.cwd(), 'data.json')`,
  ]);
}

// ---------------------------------------------------------------------------------------------
// Statements inside a handler body

function httpStatement(g: Gen, scope: Scope): string {
  const result = g.local('response');
  switch (g.random.int(0, 6)) {
    case 0: {
      const fetchRef = g.odd(0.15) ? g.named('undici', 'fetch') : 'fetch';
      const opts = options(g, 'fetch');
      return `const ${result} = await ${call(g, fetchRef, opts ? [url(g, scope), opts] : [url(g, scope)])};`;
    }
    case 1: {
      const axios = g.mod('axios', 'axios');
      const verb = g.random.pick(['get', 'post', 'delete', 'request']);
      const opts = options(g, 'axios');
      const args = verb === 'post' ? [url(g, scope), 'payload'] : [url(g, scope)];
      const all = opts ? [...args, opts] : args;
      // An instantiation expression cannot be followed by `.call`/`?.(`, so generics get the plain form.
      if (g.options.typescript && g.random.chance(0.3)) {
        return `const ${result} = await ${member(g, axios, verb)}<User>(${all.join(', ')});`;
      }
      return `const ${result} = await ${call(g, member(g, axios, verb), all)};`;
    }
    case 2: {
      const axios = g.mod('axios', 'axios');
      const client = g.local('api');
      const opts = options(g, 'axios') ?? '{}';
      return `const ${client} = ${axios}.create(${opts});\n const ${result} = await ${call(g, member(g, client, 'get'), ["'/items'"])};`;
    }
    case 3: {
      const got = g.mod('got', 'got');
      return `const ${result} = await ${call(g, got, [url(g, scope), options(g, 'axios') ?? '{ responseType: "json" }'])}.json();`;
    }
    case 4: {
      const http = g.mod(g.random.pick(['http', 'https']), 'httpModule');
      return `${call(g, member(g, http, g.random.pick(['get', 'request'])), [url(g, scope), '(incoming) => incoming.resume()'])};`;
    }
    case 5: {
      const request = g.named('undici', 'request');
      return `const ${result} = await ${call(g, request, [url(g, scope), options(g, 'axios') ?? '{ method: "GET" }'])};`;
    }
    default:
      return `const ${result} = await ${call(g, 'fetch', [url(g, scope)])}.then((r) => r.json());`;
  }
}

function sqlStatement(g: Gen, scope: Scope): string {
  const rows = g.local('rows');
  const params = g.random.pick(['[id]', `[${requestInput(g, scope)}]`, '', 'params']);
  const withParams = (text: string): string[] => (params ? [text, params] : [text]);
  switch (g.random.int(0, 7)) {
    case 0: {
      const pg = g.mod('pg', 'pg');
      const pool = g.local('pool');
      return `const ${pool} = new ${pg}.Pool();\n const ${rows} = await ${call(g, member(g, pool, 'query'), withParams(sqlText(g, scope)))};`;
    }
    case 1:
      return `const ${rows} = await ${call(g, member(g, 'db', g.random.pick(['query', 'execute', 'raw'])), withParams(sqlText(g, scope)))};`;
    case 2: {
      const mysql = g.mod('mysql2/promise', 'mysql');
      const conn = g.local('conn');
      return `const ${conn} = await ${mysql}.createConnection(dbConfig);\n const [${rows}] = await ${call(g, member(g, conn, 'execute'), withParams(sqlText(g, scope)))};`;
    }
    case 3: {
      const knex = g.mod('knex', 'knex');
      const db = g.local('kdb');
      return `const ${db} = ${knex}({ client: 'pg' });\n const ${rows} = await ${db}('users').${g.random.pick(['whereRaw', 'orderByRaw'])}(${sqlText(g, scope)});\n await ${call(g, member(g, db, 'raw'), [sqlText(g, scope)])};`;
    }
    case 4:
      return `const ${rows} = await ${call(g, member(g, 'prisma', g.random.pick(['$queryRawUnsafe', '$executeRawUnsafe'])), [sqlText(g, scope)])};\n await prisma.$queryRaw\`SELECT * FROM users WHERE id = \${${requestInput(g, scope)}}\`;`;
    case 5:
      return `const ${rows} = await ${call(g, member(g, 'sequelize', 'query'), [sqlText(g, scope), '{ replacements: [id] }'])};`;
    case 6: {
      const postgres = g.mod('postgres', 'postgres');
      const sql = g.local('sql');
      return `const ${sql} = ${postgres}(process.env.DATABASE_URL);\n const ${rows} = await ${sql}\`SELECT * FROM users WHERE id = \${${requestInput(g, scope)}}\`;\n await ${call(g, member(g, sql, 'unsafe'), [sqlText(g, scope)])};`;
    }
    default: {
      const queryText = g.local('queryText');
      return `let ${queryText} = 'SELECT * FROM t';\n if (${requestInput(g, scope)}) { ${queryText} += ' WHERE x = ' + ${requestInput(g, scope)}; }\n const ${rows} = await db.query(${queryText});`;
    }
  }
}

function fsStatement(g: Gen, scope: Scope): string {
  const data = g.local('data');
  switch (g.random.int(0, 5)) {
    case 0: {
      const fs = g.mod('fs', 'fs');
      return `${call(g, member(g, fs, g.random.pick(['readFile', 'unlink', 'writeFile'])), [fsPath(g, scope), '(err, out) => {}'])};`;
    }
    case 1: {
      const fsp = g.mod('fs/promises', 'fsp');
      return `const ${data} = await ${call(g, member(g, fsp, g.random.pick(['readFile', 'readdir', 'rm'])), [fsPath(g, scope), "'utf8'"])};`;
    }
    case 2: {
      const readFileSync = g.named('fs', g.random.pick(['readFileSync', 'createReadStream', 'existsSync']));
      return `const ${data} = ${call(g, readFileSync, [fsPath(g, scope)])};`;
    }
    case 3:
      return `${call(g, member(g, scope.res, g.random.pick(['sendFile', 'download'])), [fsPath(g, scope)])};`;
    case 4: {
      const fs = g.mod('fs', 'fs');
      return `const ${data} = await ${call(g, member(g, `${fs}.promises`, 'readFile'), [fsPath(g, scope)])};`;
    }
    default: {
      const fs = g.mod('fs', 'fs');
      return `${fs}.createReadStream(${fsPath(g, scope)}).pipe(${scope.res});`;
    }
  }
}

function responseStatement(g: Gen, scope: Scope): string {
  return g.random.pick([
    `${scope.res}.json({ ok: true });`,
    `return ${scope.res}.status(200).send(result);`,
    `${scope.res}.end();`,
    `return { items: [] };`,
  ]);
}

/** Odd-but-valid code; each in its own block so that its shadowing declarations never collide. */
function oddStatement(g: Gen, scope: Scope): string {
  const code = g.random.pick([
    `const fetch = (...args) => args;\n fetch(${url(g, scope)});`,
    `const db = { query: (...args) => args };\n db.query(\`SELECT \${${requestInput(g, scope)}}\`);`,
    `function require(name) { return name; }\n require('fs').readFile(${requestInput(g, scope)});`,
    `const { [dynamicKey]: picked, ...restOfBody } = ${scope.req}.body ?? {};`,
    `const path = { join: (...parts) => parts.join('/') };\n path.join(${requestInput(g, scope)});`,
    `await Promise.all([1, 2].map(async (n) => n));`,
    `label: for (const item of items) { if (!item) continue label; }`,
    `void ${scope.req}?.[methodName]?.();`,
    `new (class extends Object {})();`,
    `eval?.('1');`,
    `const tagged = String.raw\`\${${requestInput(g, scope)}}\`;`,
    `fetch();`,
    `db.query();`,
    `(() => {})(...[]);`,
    `globalThis.fetch?.(${url(g, scope)});`,
    `typeof window === 'undefined';`,
  ]);
  return `{\n ${code}\n }`;
}

function statement(g: Gen, scope: Scope): string {
  const kind = g.random.int(0, g.options.realistic ? 8 : 10);
  let body: string;
  if (kind <= 2) {
    body = httpStatement(g, scope);
  } else if (kind <= 5) {
    body = sqlStatement(g, scope);
  } else if (kind <= 7) {
    body = fsStatement(g, scope);
  } else if (kind === 8) {
    body = responseStatement(g, scope);
  } else {
    body = oddStatement(g, scope);
  }
  return wrapStatement(g, body, scope);
}

function wrapStatement(g: Gen, body: string, scope: Scope): string {
  if (!g.odd(0.35)) {
    return body;
  }
  const err = g.local('err');
  return g.random.pick([
    `if (${requestInput(g, scope)}) {\n ${body}\n }`,
    `try {\n ${body}\n } catch (${err}) {\n ${scope.res}.status(500).json({ error: ${err}.message });\n }`,
    `for (const item of items) {\n ${body}\n }`,
    `await (async () => {\n ${body}\n })();`,
    `{\n ${body}\n }`,
    `switch (mode) {\n case 'a': {\n ${body}\n break;\n }\n default:\n }`,
    `const ${g.local('run')} = async function () {\n ${body}\n };`,
    `while (false) {\n ${body}\n }`,
  ]);
}

function handlerBody(g: Gen, scope: Scope): string {
  const count = g.random.int(1, g.options.realistic ? 4 : 3);
  const statements: string[] = [];
  for (let index = 0; index < count; index += 1) {
    statements.push(statement(g, scope));
  }
  return statements.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Top-level fragments: routes and handlers of several frameworks, in several wrappers

function param(g: Gen, name: string, type: string): string {
  return g.options.typescript && g.random.chance(0.6) ? `${name}: ${type}` : name;
}

function expressScope(g: Gen): Scope {
  const req = g.options.realistic ? 'req' : g.random.pick(['req', 'request', 'r', 'incoming']);
  const res = g.options.realistic ? 'res' : g.random.pick(['res', 'response', 'out']);
  return {
    req,
    res,
    input: (key) => `${req}.${g.random.pick(['query', 'params', 'body'])}.${key}`,
  };
}

function fragment(g: Gen): string {
  const kind = g.random.int(0, g.options.realistic ? 1 : 7);
  switch (kind) {
    case 0:
    case 1: {
      const express = g.mod('express', 'express');
      const app = g.uniqueTop(g.random.pick(['app', 'router', 'api']));
      const scope = expressScope(g);
      const verb = g.random.pick(['get', 'post', 'put', 'delete', 'all']);
      const middleware = g.random.chance(0.3) ? 'requireAuth, ' : '';
      return `const ${app} = ${g.random.chance(0.5) ? `${express}()` : `${express}.Router()`};\n${app}.${verb}('/items/:id', ${middleware}async (${param(g, scope.req, 'Request')}, ${param(g, scope.res, 'Response')}) => {\n${handlerBody(g, scope)}\n});`;
    }
    case 2: {
      const fastify = g.mod('fastify', 'Fastify');
      const app = g.uniqueTop('server');
      const scope: Scope = { req: 'request', res: 'reply', input: (key) => `request.${g.random.pick(['query', 'params', 'body'])}.${key}` };
      return `const ${app} = ${fastify}({ logger: true });\n${app}.route({ method: 'GET', url: '/files/:name', handler: async (request, reply) => {\n${handlerBody(g, scope)}\n} });\n${app}.get('/x', async function (request, reply) {\n${handlerBody(g, scope)}\n});`;
    }
    case 3: {
      const scope: Scope = { req: 'request', res: 'Response', input: (key) => `new URL(request.url).searchParams.get('${key}')` };
      const name = g.uniqueTop(g.random.pick(['GET', 'POST', 'DELETE']));
      const fn = `async function ${name}(${param(g, 'request', 'Request')}) {\n${handlerBody(g, scope)}\n return Response.json({});\n}`;
      return g.options.esm ? `export ${fn}` : `${fn}\nmodule.exports.${name} = ${name};`;
    }
    case 4: {
      const scope: Scope = { req: 'ctx.request', res: 'ctx', input: (key) => `ctx.${g.random.pick(['query', 'params', 'request.body'])}.${key}` };
      const router = g.uniqueTop('koaRouter');
      return `const ${router} = new (require('@koa/router'))();\n${router}.get('/k/:id', async (ctx, next) => {\n${handlerBody(g, scope)}\n await next();\n});`;
    }
    case 5: {
      const scope = expressScope(g);
      const cls = g.uniqueTop('UsersController');
      if (g.options.typescript && g.random.chance(0.5)) {
        const nest = g.mod('@nestjs/common', 'nest');
        const scopeNest: Scope = { req: 'dto', res: 'res', input: (key) => `dto.${key}` };
        return `@${nest}.Controller('users')\nclass ${cls} {\n constructor(private readonly repo: any) {}\n @${nest}.Get(':id')\n async find(@${nest}.Param('id') id: string, @${nest}.Body() dto: any, res: any) {\n${handlerBody(g, scopeNest)}\n }\n}`;
      }
      return `class ${cls} {\n static #instances = 0;\n async list(${scope.req}, ${scope.res}) {\n${handlerBody(g, scope)}\n }\n static handle = async (${scope.req}, ${scope.res}) => {\n${handlerBody(g, scope)}\n };\n #secret(${scope.req}, ${scope.res}) { return async () => {\n${handlerBody(g, scope)}\n }; }\n}`;
    }
    case 6: {
      const scope = expressScope(g);
      const handlers = g.uniqueTop('handlers');
      return `const ${handlers} = {\n async ['show' + 'One'](${scope.req}, ${scope.res}) {\n${handlerBody(g, scope)}\n },\n remove: async function named(${scope.req}, ${scope.res}) {\n${handlerBody(g, scope)}\n },\n};`;
    }
    default: {
      const scope = expressScope(g);
      const register = g.uniqueTop('register');
      const inner = `app.get('/r', async (${scope.req}, ${scope.res}) => {\n${handlerBody(g, scope)}\n});`;
      if (g.options.esm && !g.topNames.has('default') && g.random.chance(0.5)) {
        g.topNames.add('default');
        return `export default function ${register}(app) {\n ${inner}\n}`;
      }
      return `function ${register}(app) {\n ${inner}\n}\n${g.options.esm ? '' : 'module.exports = '}${register};`;
    }
  }
}

/** Names the fragments use without declaring: declared once at the top, so every program runs in principle. */
const AMBIENT =
  'const db = {}, prisma = {}, sequelize = {}, CONFIG = {}, defaults = {}, opts = {}, payload = {}, params = [], items = [];\n' +
  'const controller = new AbortController(), base = "https://x", endpoint = "/e", UPLOAD_DIR = "/srv", root = "/srv";\n' +
  "let id = 1, key = 'k', value = 1, cond = true, mode = 'a', table = 't', dir = 'asc', methodName = 'get', dynamicKey = 'k', dbConfig = {};\n" +
  'const requireAuth = (req, res, next) => next(), rest = [], args = [];';

/** One random program; same seed and options, same program. */
export function generateProgram(seed: number, overrides: Partial<ProgramOptions> = {}): GeneratedProgram {
  const random = createRandom(seed);
  const typescript = overrides.typescript ?? random.chance(0.5);
  const esm = overrides.esm ?? random.chance(0.6);
  const options: ProgramOptions = {
    typescript,
    esm,
    fragments: overrides.fragments ?? random.int(1, 4),
    realistic: overrides.realistic ?? false,
  };
  const g = createContext(random, options);
  for (const name of AMBIENT.match(/\b[a-zA-Z_$][\w$]*(?= =)/gu) ?? []) {
    g.topNames.add(name);
  }
  const body: string[] = [];
  for (let index = 0; index < options.fragments; index += 1) {
    body.push(fragment(g));
  }
  const code = `${g.preamble.join('\n')}\n${AMBIENT}\n\n${body.join('\n\n')}\n`;
  const extension = typescript ? (random.chance(0.2) ? (esm ? 'mts' : 'cts') : 'ts') : esm ? random.pick(['js', 'mjs']) : random.pick(['js', 'cjs']);
  return { code, filename: `file.${extension}`, typescript, esm };
}

/**
 * A realistic Express route file (TypeScript unless `typescript` is false) of at least `lines` lines,
 * for benchmarks and the huge-file test: fixed seed, no odd mutations.
 */
export function generateRouteFile(lines: number, seed = 2024, typescript = true): string {
  const random = createRandom(seed);
  const options: ProgramOptions = { typescript, esm: true, fragments: 0, realistic: true };
  const g = createContext(random, options);
  for (const name of AMBIENT.match(/\b[a-zA-Z_$][\w$]*(?= =)/gu) ?? []) {
    g.topNames.add(name);
  }
  const body: string[] = [];
  let count = 0;
  while (count < lines) {
    const piece = fragment(g);
    body.push(piece);
    count += piece.split('\n').length + 1;
  }
  return `${g.preamble.join('\n')}\n${AMBIENT}\n\n${body.join('\n\n')}\n`;
}
