/**
 * SQL drivers and ORMs as data: what each module exports, what its objects' members
 * return, which calls receive SQL text (and at which argument), which tags and helpers
 * are safe. Read by `analysis/value-kinds.ts` (generic resolution) and the
 * `no-sql-template-literal` rule (policy). No logic here beyond lookups.
 */
import type { KindTable } from '../core/value-kinds';

/** How a library binds values, which decides the placeholder suggestion. */
export type ValueBinding =
  /** `query(text, [values])` with `$1…$n` placeholders (pg, postgres.js `unsafe`, pg-promise). */
  | 'dollar-array'
  /** `query(text, [values])` with `?` placeholders (mysql, mysql2, sqlite3, knex). */
  | 'question-array'
  /** `prepare(text).get(...values)` with `?` placeholders (better-sqlite3, node:sqlite, bun:sqlite). */
  | 'question-statement'
  /** `query(text, { replacements: { name } })` with `:name` placeholders (Sequelize). */
  | 'named-replacements'
  /** `$queryRawUnsafe(text)` → tagged `$queryRaw`…`` (Prisma). */
  | 'prisma-tagged';

/** A call that receives SQL text. */
export interface SqlSink {
  /** Index of the SQL-text argument. */
  readonly arg: number;
  /** How values are passed as parameters; absent when we offer no rewrite. */
  readonly binding?: ValueBinding;
  /** The call also accepts a config object carrying the text under this key (`{ text, values }`). */
  readonly objectKey?: string;
  /** The argument is inlined verbatim even when it is not built (Kysely `sql.lit`, `sql.raw`). */
  readonly rawValue?: boolean;
}

/** The sink for a member name met on a receiver we cannot resolve (with SQL-looking text only). */
export interface FallbackSink extends SqlSink {
  /** The name alone is distinctive enough: no SQL-looking text required (`$queryRawUnsafe`, `whereRaw`). */
  readonly distinctive?: boolean;
}

const PG_QUERY: SqlSink = { arg: 0, binding: 'dollar-array', objectKey: 'text' };
const MYSQL_QUERY: SqlSink = { arg: 0, binding: 'question-array', objectKey: 'sql' };
const SQLITE_QUERY: SqlSink = { arg: 0, binding: 'question-array' };
const SQLITE_EXEC: SqlSink = { arg: 0 };
const STATEMENT_QUERY: SqlSink = { arg: 0, binding: 'question-statement' };
const KNEX_RAW: SqlSink = { arg: 0, binding: 'question-array' };
const TEXT_ONLY: SqlSink = { arg: 0 };

const KNEX_RAW_BUILDERS = [
  'whereRaw', 'orWhereRaw', 'andWhereRaw', 'whereNotRaw', 'orWhereNotRaw', 'havingRaw', 'orHavingRaw',
  'orderByRaw', 'groupByRaw', 'joinRaw', 'fromRaw', 'selectRaw', 'onRaw', 'orOnRaw', 'andOnRaw',
] as const;

const TYPEORM_CONDITIONS = [
  'where', 'andWhere', 'orWhere', 'having', 'andHaving', 'orHaving', 'orderBy', 'addOrderBy',
  'groupBy', 'addGroupBy', 'select', 'addSelect',
] as const;
const TYPEORM_JOINS = [
  'innerJoin', 'leftJoin', 'innerJoinAndSelect', 'leftJoinAndSelect', 'innerJoinAndMapOne',
  'leftJoinAndMapOne', 'innerJoinAndMapMany', 'leftJoinAndMapMany',
] as const;

const PG_PROMISE_METHODS = [
  'query', 'none', 'one', 'many', 'any', 'oneOrNone', 'manyOrNone', 'result', 'multi', 'multiResult',
  'each', 'map', 'func', 'proc',
] as const;

function membersTo(names: readonly string[], kind: string): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, kind]));
}

/**
 * Every object kind we know, by id. A kind says what calling, constructing or reading
 * a member of such a value gives, whether calling it is a sink, an escape helper, or a
 * safe tag. `construct` doubles as the instance type for TS annotations (`pool: Pool`).
 */
export const SQL_KINDS: KindTable<SqlSink> = {
  // --- shared leaves ---
  escape: { escape: true },
  safeTag: { safeTag: true },
  textOnly: { sink: TEXT_ONLY },

  // --- pg, pg-pool, @neondatabase/serverless, @vercel/postgres ---
  'pg': {
    members: {
      Pool: 'pg.PoolClass', Client: 'pg.ClientClass', PoolClient: 'pg.ClientClass', native: 'pg',
      escapeLiteral: 'escape', escapeIdentifier: 'escape',
    },
  },
  'pg.PoolClass': { construct: 'pg.Pool' },
  'pg.ClientClass': { construct: 'pg.Client' },
  'pg.Pool': {
    members: { query: 'pg.query', connect: 'pg.connect', escapeLiteral: 'escape', escapeIdentifier: 'escape' },
  },
  'pg.connect': { call: 'pg.Client', callback: { param: 1, kind: 'pg.Client' } },
  'pg.Client': {
    members: { query: 'pg.query', connect: 'pg.self', escapeLiteral: 'escape', escapeIdentifier: 'escape' },
  },
  'pg.self': {},
  'pg.query': { sink: PG_QUERY },
  'pg-pool': { call: 'pg.Pool', construct: 'pg.Pool' },
  'neon': {
    members: { neon: 'neon.factory', Pool: 'pg.PoolClass', Client: 'pg.ClientClass' },
  },
  'neon.factory': { call: 'neon.sql' },
  'neon.sql': { safeTag: true, sink: TEXT_ONLY, members: { query: 'pg.query', unsafe: 'textOnly' } },
  'vercel': {
    members: {
      sql: 'vercel.sql', db: 'pg.Pool', createPool: 'vercel.factory', createClient: 'vercel.clientFactory',
      VercelPool: 'pg.PoolClass', VercelClient: 'pg.ClientClass',
    },
  },
  'vercel.sql': { safeTag: true, sink: TEXT_ONLY, members: { query: 'pg.query', connect: 'pg.connect' } },
  'vercel.factory': { call: 'pg.Pool' },
  'vercel.clientFactory': { call: 'pg.Client' },

  // --- postgres (postgres.js): `sql` is a safe tag, `sql(x)` a helper, `sql.unsafe` raw ---
  'postgres': { call: 'postgres.sql' },
  'postgres.sql': {
    safeTag: true,
    members: { unsafe: 'postgres.unsafe', begin: 'postgres.begin', reserve: 'postgres.reserve' },
  },
  'postgres.unsafe': { sink: { arg: 0, binding: 'dollar-array' } },
  'postgres.begin': { callback: { param: 0, kind: 'postgres.sql' } },
  'postgres.reserve': { call: 'postgres.sql' },

  // --- pg-promise ---
  'pg-promise': { call: 'pgp.root' },
  'pgp.root': { call: 'pgp.db', members: { as: 'pgp.as' } },
  'pgp.as': { members: { name: 'escape', alias: 'escape', value: 'escape', text: 'escape' } },
  'pgp.db': {
    members: { ...membersTo(PG_PROMISE_METHODS, 'pgp.query'), task: 'pgp.task', tx: 'pgp.task', connect: 'pgp.connect' },
  },
  'pgp.query': { sink: { arg: 0, binding: 'dollar-array' } },
  'pgp.task': { callback: { param: 0, kind: 'pgp.db' } },
  'pgp.connect': { call: 'pgp.db' },

  // --- mysql, mysql2, mysql2/promise ---
  'mysql': {
    members: {
      createConnection: 'mysql.connectionFactory', createPool: 'mysql.poolFactory', escape: 'escape',
      escapeId: 'escape', Connection: 'mysql.ConnectionClass', Pool: 'mysql.PoolClass',
      PoolConnection: 'mysql.ConnectionClass',
    },
  },
  'mysql.connectionFactory': { call: 'mysql.Connection' },
  'mysql.poolFactory': { call: 'mysql.Pool' },
  'mysql.ConnectionClass': { construct: 'mysql.Connection' },
  'mysql.PoolClass': { construct: 'mysql.Pool' },
  'mysql.Connection': {
    members: {
      query: 'mysql.query', execute: 'mysql.query', escape: 'escape', escapeId: 'escape',
      promise: 'mysql.connectionFactory',
    },
  },
  'mysql.Pool': {
    members: {
      query: 'mysql.query', execute: 'mysql.query', escape: 'escape', escapeId: 'escape',
      getConnection: 'mysql.getConnection', promise: 'mysql.poolFactory',
    },
  },
  'mysql.getConnection': { call: 'mysql.Connection', callback: { param: 1, kind: 'mysql.Connection' } },
  'mysql.query': { sink: MYSQL_QUERY },
  'sqlstring': { members: { escape: 'escape', escapeId: 'escape' } },

  // --- mssql ---
  'mssql': {
    members: {
      connect: 'mssql.connect', ConnectionPool: 'mssql.PoolClass', Request: 'mssql.RequestClass',
      query: 'mssql.query', batch: 'mssql.query',
    },
  },
  'mssql.connect': { call: 'mssql.Pool' },
  'mssql.PoolClass': { construct: 'mssql.Pool' },
  'mssql.RequestClass': { construct: 'mssql.Request' },
  'mssql.Pool': {
    members: { request: 'mssql.requestFactory', query: 'mssql.query', batch: 'mssql.query', connect: 'mssql.connect' },
  },
  'mssql.requestFactory': { call: 'mssql.Request' },
  'mssql.Request': { members: { query: 'mssql.query', batch: 'mssql.query', input: 'mssql.requestFactory' } },
  'mssql.query': { sink: TEXT_ONLY, safeTag: true },

  // --- sqlite3, sqlite, node:sqlite, bun:sqlite, better-sqlite3 ---
  'sqlite3': {
    members: { Database: 'sqlite3.DatabaseClass', verbose: 'sqlite3.verbose', cached: 'sqlite3' },
  },
  'sqlite3.verbose': { call: 'sqlite3' },
  'sqlite3.DatabaseClass': { construct: 'sqlite3.Database' },
  'sqlite3.Database': {
    members: {
      run: 'sqlite3.query', all: 'sqlite3.query', get: 'sqlite3.query', each: 'sqlite3.query',
      prepare: 'sqlite3.query', exec: 'sqlite3.exec', map: 'sqlite3.query',
    },
  },
  'sqlite3.query': { sink: SQLITE_QUERY },
  'sqlite3.exec': { sink: SQLITE_EXEC },
  'sqlite': {
    members: { open: 'sqlite.open', DatabaseSync: 'statementDb.Class', Database: 'sqlite3.DatabaseClass' },
  },
  'sqlite.open': { call: 'sqlite3.Database' },
  'statementDb.Class': { construct: 'statementDb', members: { Database: 'statementDb.Class' } },
  'statementDb': {
    members: {
      prepare: 'statementDb.prepare', query: 'statementDb.prepare', exec: 'sqlite3.exec', run: 'sqlite3.query',
      transaction: 'statementDb.none',
    },
  },
  'statementDb.prepare': { sink: STATEMENT_QUERY },
  'statementDb.none': {},
  'better-sqlite3': { construct: 'statementDb', call: 'statementDb', members: { Database: 'statementDb.Class' } },
  'bun:sqlite': { members: { Database: 'statementDb.Class' } },

  // --- sequelize ---
  'sequelize': {
    construct: 'sequelize.instance',
    members: { Sequelize: 'sequelize.Class', literal: 'textOnly', default: 'sequelize' },
  },
  'sequelize.Class': { construct: 'sequelize.instance', members: { literal: 'textOnly' } },
  'sequelize.instance': {
    members: { query: 'sequelize.query', literal: 'textOnly', escape: 'escape' },
  },
  'sequelize.query': { sink: { arg: 0, binding: 'named-replacements' } },

  // --- knex ---
  'knex': { call: 'knex.instance', members: { knex: 'knex', Knex: 'knex.Type' } },
  'knex.Type': { construct: 'knex.instance', members: { Transaction: 'knex.Type', QueryBuilder: 'knex.BuilderType' } },
  'knex.BuilderType': { construct: 'knex.builder' },
  'knex.instance': {
    call: 'knex.builder',
    members: { raw: 'knex.raw', ref: 'escape', transaction: 'knex.transaction', schema: 'knex.other' },
    anyMember: 'knex.chain',
  },
  'knex.transaction': { callback: { param: 0, kind: 'knex.instance' }, call: 'knex.instance' },
  'knex.other': {},
  'knex.chain': { call: 'knex.builder' },
  'knex.builder': { members: membersTo(KNEX_RAW_BUILDERS, 'knex.raw'), anyMember: 'knex.chain' },
  'knex.raw': { sink: KNEX_RAW },

  // --- Prisma ---
  'prisma': {
    members: { PrismaClient: 'prisma.Class', Prisma: 'prisma.namespace' },
  },
  'prisma.Class': { construct: 'prisma.client' },
  'prisma.namespace': { members: { sql: 'safeTag', raw: 'textOnly', join: 'prisma.none', empty: 'prisma.none' } },
  'prisma.none': {},
  'prisma.client': {
    members: {
      $queryRawUnsafe: 'prisma.unsafe', $executeRawUnsafe: 'prisma.unsafe', $queryRaw: 'safeTag',
      $executeRaw: 'safeTag', $transaction: 'prisma.transaction',
    },
  },
  'prisma.unsafe': { sink: { arg: 0, binding: 'prisma-tagged' } },
  'prisma.transaction': { callback: { param: 0, kind: 'prisma.client' } },

  // --- TypeORM (and MikroORM's look-alike query builder by name) ---
  'typeorm': {
    members: {
      DataSource: 'typeorm.ManagerClass', Connection: 'typeorm.ManagerClass', EntityManager: 'typeorm.ManagerClass',
      Repository: 'typeorm.RepositoryClass', QueryRunner: 'typeorm.RunnerClass',
      SelectQueryBuilder: 'typeorm.BuilderClass', getConnection: 'typeorm.managerFactory',
      getManager: 'typeorm.managerFactory', createConnection: 'typeorm.managerFactory',
      getRepository: 'typeorm.repositoryFactory', Brackets: 'typeorm.none',
    },
  },
  'typeorm.none': {},
  'typeorm.ManagerClass': { construct: 'typeorm.manager' },
  'typeorm.RepositoryClass': { construct: 'typeorm.repository' },
  'typeorm.RunnerClass': { construct: 'typeorm.runner' },
  'typeorm.BuilderClass': { construct: 'typeorm.builder' },
  'typeorm.managerFactory': { call: 'typeorm.manager' },
  'typeorm.repositoryFactory': { call: 'typeorm.repository' },
  'typeorm.builderFactory': { call: 'typeorm.builder' },
  'typeorm.runnerFactory': { call: 'typeorm.runner' },
  'typeorm.manager': {
    members: {
      query: 'textOnly', createQueryBuilder: 'typeorm.builderFactory', getRepository: 'typeorm.repositoryFactory',
      manager: 'typeorm.manager', createQueryRunner: 'typeorm.runnerFactory', transaction: 'typeorm.transaction',
      initialize: 'typeorm.managerFactory',
    },
  },
  'typeorm.transaction': { callback: { param: 0, kind: 'typeorm.manager' } },
  'typeorm.repository': {
    members: { query: 'textOnly', createQueryBuilder: 'typeorm.builderFactory', manager: 'typeorm.manager' },
  },
  'typeorm.runner': { members: { query: 'textOnly', manager: 'typeorm.manager' } },
  'typeorm.builder': {
    members: {
      ...membersTo(TYPEORM_CONDITIONS, 'typeorm.condition'),
      ...membersTo(TYPEORM_JOINS, 'typeorm.join'),
    },
    anyMember: 'typeorm.chain',
  },
  'typeorm.chain': { call: 'typeorm.builder' },
  'typeorm.condition': { sink: TEXT_ONLY, call: 'typeorm.builder' },
  'typeorm.join': { sink: { arg: 2 }, call: 'typeorm.builder' },

  // --- Drizzle, Kysely, slonik, sql-template-strings: tags are safe, raw helpers are not ---
  'drizzle': { members: { sql: 'drizzle.sql' } },
  'drizzle.sql': { safeTag: true, members: { raw: 'textOnly', identifier: 'escape', placeholder: 'drizzle.none' } },
  'drizzle.none': {},
  'kysely': { members: { sql: 'kysely.sql', Kysely: 'kysely.Class' } },
  'kysely.Class': { construct: 'kysely.db' },
  'kysely.db': {},
  'kysely.sql': {
    safeTag: true,
    members: {
      raw: 'kysely.raw', lit: 'kysely.raw', ref: 'escape', id: 'escape', table: 'escape', val: 'kysely.none',
    },
  },
  'kysely.raw': { sink: { arg: 0, rawValue: true } },
  'kysely.none': {},
  'slonik': { members: { sql: 'slonik.sql', createPool: 'slonik.none' } },
  'slonik.sql': { safeTag: true, members: { identifier: 'escape' } },
  'slonik.none': {},
  'sql-template-strings': { safeTag: true, members: { SQL: 'safeTag', default: 'safeTag' } },

  // --- oracledb ---
  'oracledb': { members: { getConnection: 'oracledb.connectionFactory', createPool: 'oracledb.poolFactory' } },
  'oracledb.poolFactory': { call: 'oracledb.pool' },
  'oracledb.pool': { members: { getConnection: 'oracledb.connectionFactory' } },
  'oracledb.connectionFactory': { call: 'oracledb.connection' },
  'oracledb.connection': { members: { execute: 'textOnly', queryStream: 'textOnly' } },

  // --- pg-format: identifier/literal quoting helpers ---
  'pg-format': { members: { ident: 'escape', literal: 'escape', string: 'pg-format.string', withArray: 'pg-format.none' } },
  'pg-format.string': {},
  'pg-format.none': {},
};

/** Module specifier (without `node:`) → the kind of the module object. */
export const SQL_MODULES: Readonly<Record<string, string>> = {
  'pg': 'pg',
  'pg-pool': 'pg-pool',
  '@neondatabase/serverless': 'neon',
  '@vercel/postgres': 'vercel',
  'postgres': 'postgres',
  'pg-promise': 'pg-promise',
  'mysql': 'mysql',
  'mysql2': 'mysql',
  'mysql2/promise': 'mysql',
  'sqlstring': 'sqlstring',
  'mssql': 'mssql',
  'sqlite3': 'sqlite3',
  'sqlite': 'sqlite',
  'bun:sqlite': 'bun:sqlite',
  'better-sqlite3': 'better-sqlite3',
  'sequelize': 'sequelize',
  '@sequelize/core': 'sequelize',
  'sequelize-typescript': 'sequelize',
  'knex': 'knex',
  '@prisma/client': 'prisma',
  'typeorm': 'typeorm',
  'drizzle-orm': 'drizzle',
  'drizzle-orm/sql': 'drizzle',
  'kysely': 'kysely',
  'slonik': 'slonik',
  'sql-template-strings': 'sql-template-strings',
  'oracledb': 'oracledb',
  'pg-format': 'pg-format',
};

/**
 * Methods whose result has a known kind even on a receiver we cannot resolve
 * (`this.userRepository.createQueryBuilder('u')`), because the name is unambiguous.
 */
export const METHOD_RESULT_KINDS: Readonly<Record<string, string>> = {
  createQueryBuilder: 'typeorm.builder',
};

/**
 * Member (or function) names treated as SQL sinks on receivers we cannot resolve
 * (`this.db.query`, `conn.execute`, an imported `query`). Unless `distinctive`, the
 * text must look like SQL.
 */
export const FALLBACK_SINKS: Readonly<Record<string, FallbackSink>> = {
  query: { arg: 0 },
  execute: { arg: 0 },
  exec: { arg: 0 },
  run: { arg: 0 },
  all: { arg: 0 },
  get: { arg: 0 },
  each: { arg: 0 },
  prepare: { arg: 0 },
  raw: { arg: 0 },
  unsafe: { arg: 0 },
  batch: { arg: 0 },
  none: { arg: 0 },
  one: { arg: 0 },
  many: { arg: 0 },
  any: { arg: 0 },
  oneOrNone: { arg: 0 },
  manyOrNone: { arg: 0 },
  executeQuery: { arg: 0 },
  runQuery: { arg: 0 },
  rawQuery: { arg: 0 },
  sql: { arg: 0 },
  $queryRawUnsafe: { arg: 0, binding: 'prisma-tagged', distinctive: true },
  $executeRawUnsafe: { arg: 0, binding: 'prisma-tagged', distinctive: true },
  ...Object.fromEntries(KNEX_RAW_BUILDERS.map((name) => [name, { arg: 0, distinctive: true }])),
};

/**
 * Plain function names (not methods) accepted as fallback sinks; the generic sqlite
 * verbs (`get`, `all`, `run`) are too common as free functions.
 */
export const FALLBACK_FUNCTION_NAMES: ReadonlySet<string> = new Set([
  'query', 'execute', 'executeQuery', 'runQuery', 'rawQuery', 'sql', 'unsafe',
]);

/**
 * Names of quoting helpers recognised on any receiver when interpolated into SQL text
 * (`${mysql.escape(x)}`, `${connection.escapeId(col)}`, `${client.escapeLiteral(v)}`).
 */
export const ESCAPE_FUNCTION_NAMES: ReadonlySet<string> = new Set([
  'escape', 'escapeId', 'escapeLiteral', 'escapeIdentifier', 'quoteIdentifier', 'quoteLiteral', 'quoteIdent',
]);

/** Modules whose default export (or `format` member) is a quoting formatter: pg-format's `format('%I', x)`. */
export const SQL_FORMAT_MODULES: ReadonlySet<string> = new Set(['pg-format']);

/**
 * Calls that write into the object passed as their first argument (`Object.assign(TABLE, req.body)`,
 * lodash `merge`/`set`): a lookup table handed to one of them no longer holds only the values written in it.
 */
export const OBJECT_WRITING_CALLS: ReadonlySet<string> = new Set([
  'assign', 'defineProperty', 'defineProperties', 'setPrototypeOf', 'set', 'merge', 'mergeWith', 'extend',
  'defaults', 'defaultsDeep', 'assignIn', 'assignWith',
]);

/**
 * Folders of database migrations and seeds (knex, Sequelize, TypeORM, MikroORM, Umzug): files a
 * migration tool runs at deploy time, with SQL built from the schema and constants, never from a
 * request.
 */
export const MIGRATION_FOLDERS: ReadonlySet<string> = new Set(['migrations', 'migration', 'seeds', 'seeders']);
