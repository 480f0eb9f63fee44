import { CALL } from '@eslint-community/eslint-utils';

import type { TraceMap } from '../core/modules';

/** A filesystem sink: which arguments are paths. */
export interface FsSink {
  /** Argument positions that are file paths (`rename(from, to)` has two). */
  readonly pathArgs: readonly number[];
}

const ONE: FsSink = { pathArgs: [0] };
const TWO: FsSink = { pathArgs: [0, 1] };

/** Node `fs` functions (callback form) and their path arguments. */
const FS_FUNCTIONS: Readonly<Record<string, FsSink>> = {
  readFile: ONE, writeFile: ONE, appendFile: ONE, open: ONE, opendir: ONE, unlink: ONE, rm: ONE, rmdir: ONE,
  mkdir: ONE, mkdtemp: ONE, readdir: ONE, stat: ONE, lstat: ONE, statfs: ONE, access: ONE, exists: ONE,
  chmod: ONE, lchmod: ONE, chown: ONE, lchown: ONE, truncate: ONE, utimes: ONE, lutimes: ONE, readlink: ONE,
  realpath: ONE, openAsBlob: ONE,
  rename: TWO, copyFile: TWO, cp: TWO, symlink: TWO, link: TWO,
};

/** `fs` functions without a `*Sync` or promise twin. */
const FS_STREAM_FUNCTIONS: Readonly<Record<string, FsSink>> = {
  createReadStream: ONE, createWriteStream: ONE, watch: ONE, watchFile: ONE, unwatchFile: ONE,
};

/** fs-extra additions (each also has a `*Sync` form). */
const FS_EXTRA_FUNCTIONS: Readonly<Record<string, FsSink>> = {
  readJson: ONE, readJSON: ONE, writeJson: ONE, writeJSON: ONE, outputFile: ONE, outputJson: ONE, outputJSON: ONE,
  ensureDir: ONE, ensureFile: ONE, createFile: ONE, mkdirp: ONE, mkdirs: ONE, emptyDir: ONE, remove: ONE,
  pathExists: ONE, ensureLink: TWO, ensureSymlink: TWO, copy: TWO, move: TWO,
};

/** Deno's file APIs (global `Deno`), each with a `*Sync` form. */
const DENO_FUNCTIONS: Readonly<Record<string, FsSink>> = {
  readFile: ONE, readTextFile: ONE, writeFile: ONE, writeTextFile: ONE, open: ONE, create: ONE, remove: ONE,
  readDir: ONE, stat: ONE, lstat: ONE, mkdir: ONE, chmod: ONE, chown: ONE, truncate: ONE, realPath: ONE,
  readLink: ONE, rename: TWO, copyFile: TWO, symlink: TWO, link: TWO,
};

/** Bun's file APIs (global `Bun`). */
const BUN_FUNCTIONS: Readonly<Record<string, FsSink>> = { file: ONE, write: ONE };

/**
 * Stream helpers that serve a file (`send`, `koa-send`): which argument is the path, and
 * which may carry the options object whose `root` confines it. (Framework response methods
 * such as Express `res.sendFile` are declared by the framework adapters.)
 */
export const SEND_MODULES: Readonly<Record<string, { readonly pathArg: number; readonly optionArg: number }>> = {
  send: { pathArg: 1, optionArg: 2 },
  'koa-send': { pathArg: 1, optionArg: 2 },
  '@koa/send': { pathArg: 1, optionArg: 2 },
};

function table(functions: Readonly<Record<string, FsSink>>, withSync: boolean): TraceMap<FsSink> {
  const map: TraceMap<FsSink> = {};
  for (const [name, sink] of Object.entries(functions)) {
    map[name] = { [CALL]: sink };
    if (withSync) {
      map[`${name}Sync`] = { [CALL]: sink };
    }
  }
  return map;
}

const callbackAndSync = table(FS_FUNCTIONS, true);
const promises = table(FS_FUNCTIONS, false);
const streams = table(FS_STREAM_FUNCTIONS, false);
const fsMap: TraceMap<FsSink> = { ...callbackAndSync, ...streams, promises };
const fsExtraMap: TraceMap<FsSink> = { ...fsMap, ...table(FS_EXTRA_FUNCTIONS, true) };

/** Trace map (module -> export path -> sink) over every `fs`-like module. */
export const FS_TRACE_MAP: Readonly<Record<string, TraceMap<FsSink>>> = {
  fs: fsMap,
  'fs/promises': { ...promises, watch: { [CALL]: ONE } },
  'graceful-fs': fsMap,
  'fs-extra': fsExtraMap,
  'fs-extra/esm': fsExtraMap,
};

/** Trace map over runtime globals (`Bun.file`, `Deno.readFile`). */
export const FS_GLOBAL_TRACE_MAP: Readonly<TraceMap<FsSink>> = {
  Bun: table(BUN_FUNCTIONS, false),
  Deno: table(DENO_FUNCTIONS, true),
};

/** An upload-parsing library: which properties of an uploaded file the client names, and which the server does. */
export interface UploadLibrary {
  /** The name used in descriptions and as the origin's framework. */
  readonly name: string;
  /** Module specifiers whose import (or `require`) turns on the library's knowledge in a file. */
  readonly modules: readonly string[];
  /** Properties of a file (or part) that the client chooses: its original name, field name, type. */
  readonly clientKeys: ReadonlySet<string>;
  /**
   * Properties the server chooses (the stored path and name, under default storage a random
   * name): not request input unless the file's storage configuration names files after
   * request input.
   */
  readonly serverKeys: ReadonlySet<string>;
  /** Properties that are never a path: sizes, contents, streams. */
  readonly contentKeys: ReadonlySet<string>;
  /**
   * Properties (content or stored file) that hold the bytes the client sent: not a path, but an
   * archive opened from them names its entries as the client chose (Zip Slip).
   */
  readonly bytesKeys: ReadonlySet<string>;
  /** Methods of an uploaded file that write it to a path, with the path's argument position (`file.mv(path)`). */
  readonly writeMethods?: ReadonlyMap<string, number>;
}

/** multer (and fastify-multer, NestJS's FileInterceptor): `req.file`, `req.files`. */
export const MULTER: UploadLibrary = {
  name: 'multer',
  modules: ['multer', 'fastify-multer', '@nestjs/platform-express'],
  clientKeys: new Set(['originalname', 'fieldname', 'mimetype', 'encoding']),
  serverKeys: new Set(['path', 'filename', 'destination']),
  contentKeys: new Set(['size', 'buffer', 'stream', 'length']),
  bytesKeys: new Set(['buffer', 'stream', 'path']),
};

/** formidable: the `files` of `form.parse(req, (err, fields, files) => …)` or `await form.parse(req)`. */
export const FORMIDABLE: UploadLibrary = {
  name: 'formidable',
  modules: ['formidable'],
  // `name` and `type`: formidable 1's original name and type.
  clientKeys: new Set(['originalFilename', 'mimetype', 'name', 'type']),
  // `path`: formidable 1's temporary path.
  serverKeys: new Set(['filepath', 'newFilename', 'path']),
  contentKeys: new Set(['size', 'hash', 'lastModifiedDate', 'mtime', 'length']),
  bytesKeys: new Set(['filepath', 'path']),
};

/** busboy: the arguments of `bb.on('file', (name, stream, info) => …)`; `info.filename` is the client's. */
export const BUSBOY: UploadLibrary = {
  name: 'busboy',
  modules: ['busboy', '@fastify/busboy'],
  clientKeys: new Set(['filename', 'encoding', 'mimeType', 'mimetype']),
  serverKeys: new Set(),
  contentKeys: new Set(['truncated', 'bytesRead', 'length']),
  bytesKeys: new Set(),
};

/** @fastify/multipart: `await request.file()`, `request.files()`, `request.parts()`, `request.saveRequestFiles()`. */
export const FASTIFY_MULTIPART: UploadLibrary = {
  name: '@fastify/multipart',
  modules: ['@fastify/multipart', 'fastify-multipart'],
  clientKeys: new Set(['filename', 'fieldname', 'mimetype', 'encoding', 'fields', 'value']),
  // `filepath`: saveRequestFiles()'s temporary file; `file`: the content stream.
  serverKeys: new Set(['filepath']),
  contentKeys: new Set(['file', 'type', 'toBuffer', 'length']),
  bytesKeys: new Set(['file', 'toBuffer', 'filepath']),
};

/**
 * express-fileupload: `req.files.<field>` (one file or a list); `name` is the client's, `tempFilePath`
 * the server's (with `useTempFiles`), and `mv(path)` writes the file to `path`. The middleware is
 * installed once (`app.use(fileUpload())`), usually in another file than the handlers: a file's
 * `req.files` is read as express-fileupload's unless it imports multer.
 */
export const EXPRESS_FILEUPLOAD: UploadLibrary = {
  name: 'express-fileupload',
  modules: ['express-fileupload'],
  clientKeys: new Set(['name', 'mimetype', 'encoding']),
  serverKeys: new Set(['tempFilePath']),
  contentKeys: new Set(['data', 'size', 'md5', 'truncated', 'mv', 'length']),
  bytesKeys: new Set(['data', 'tempFilePath']),
  writeMethods: new Map([['mv', 0]]),
};

/** Methods of uploaded files that write them to a path (every library's `writeMethods`). */
export const UPLOAD_WRITE_METHODS: ReadonlySet<string> = new Set(EXPRESS_FILEUPLOAD.writeMethods!.keys());

/** What a call of an upload library's export makes: an instance, a disk or memory storage, a form. */
export type UploadFactory = 'multer' | 'storage' | 'memory' | 'formidable';

/** Upload libraries' exports whose calls make instances and storages, by module and export (`''`: the module itself). */
export const UPLOAD_FACTORIES: Readonly<Record<string, Readonly<Record<string, UploadFactory>>>> = {
  multer: { '': 'multer', default: 'multer', diskStorage: 'storage', memoryStorage: 'memory' },
  'fastify-multer': { '': 'multer', default: 'multer', diskStorage: 'storage', memoryStorage: 'memory' },
  formidable: { '': 'formidable', default: 'formidable', formidable: 'formidable', IncomingForm: 'formidable', Formidable: 'formidable' },
};

/** The middleware methods of a multer instance (`upload.single('avatar')`). */
export const MULTER_MIDDLEWARES: ReadonlySet<string> = new Set(['single', 'array', 'fields', 'any', 'none']);

/** NestJS interceptors (`@nestjs/platform-express`) that run multer, and the position of their multer options. */
export const NEST_INTERCEPTORS: ReadonlyMap<string, number> = new Map([
  ['FileInterceptor', 1], ['FilesInterceptor', 2], ['FileFieldsInterceptor', 1], ['AnyFilesInterceptor', 0],
]);

/** NestJS parameter decorators (`@nestjs/common`) that give a handler multer's files. */
export const NEST_FILE_DECORATORS: ReadonlySet<string> = new Set(['UploadedFile', 'UploadedFiles']);

/** Request methods that @fastify/multipart adds, each giving files (or parts) of the request. */
export const FASTIFY_MULTIPART_METHODS: ReadonlySet<string> = new Set(['file', 'files', 'parts', 'saveRequestFiles']);

/**
 * Calls whose result makes a generated file name unpredictable (`Date.now()`, a UUID, random
 * bytes), keyed like a call target (`module#path`; `#` for globals). A storage callback that
 * mixes one into the name does not let the client choose the stored path.
 */
export const RANDOM_NAME_CALLS: ReadonlySet<string> = new Set([
  '#Date.now', '#Math.random', '#crypto.randomUUID', '#crypto.getRandomValues', 'crypto#randomUUID', 'crypto#randomBytes',
  'crypto#randomInt', 'uuid#v1', 'uuid#v4', 'uuid#v6', 'uuid#v7', 'nanoid#nanoid', 'nanoid#customAlphabet', 'cuid#',
  '@paralleldrive/cuid2#createId', 'ulid#ulid', 'ulid#monotonicFactory', 'shortid#generate', 'shortid#',
]);

/** `fs` functions that list a directory: entries come from the server's disk, but `Dirent.parentPath` and `Dir.path` are the directory asked for. */
export const DIRECTORY_LISTINGS: ReadonlySet<string> = new Set([
  'fs#readdir', 'fs#readdirSync', 'fs#promises.readdir', 'fs/promises#readdir', 'fs#opendir', 'fs#opendirSync',
  'fs#promises.opendir', 'fs/promises#opendir', 'fs-extra#readdir', 'fs-extra#readdirSync', 'graceful-fs#readdir',
  'graceful-fs#readdirSync',
]);

/** Properties of a directory entry (`Dirent`) or handle (`Dir`) that hold the listed directory's path. */
export const LISTING_DIRECTORY_KEYS: ReadonlySet<string> = new Set(['parentPath', 'path']);

/** `fs` calls whose result is the content of the file at their first argument (as bytes or a stream). */
export const FILE_CONTENT_READS: ReadonlySet<string> = new Set([
  'fs#readFile', 'fs#readFileSync', 'fs#promises.readFile', 'fs/promises#readFile', 'fs#createReadStream',
  'fs-extra#readFile', 'fs-extra#readFileSync', 'fs-extra#createReadStream', 'graceful-fs#readFile',
  'graceful-fs#readFileSync', 'graceful-fs#createReadStream',
]);

/** What a step into an archive gives: its entries as a list or as an object keyed by entry name, or one entry. */
export type ArchivePart = 'list' | 'map' | 'entry';

/**
 * An archive-reading library whose entries an application may write out itself, joining each
 * entry's name to a folder. The names are the archive author's: `../../app/server.js` escapes the
 * folder (Zip Slip, CWE-22). Extraction calls that check names themselves (adm-zip's
 * `extractAllTo`, unzipper's `Extract`, `tar.x`, extract-zip) are not listed: nothing to model.
 */
export interface ArchiveLibrary {
  /** The name used in descriptions. */
  readonly name: string;
  /** Module specifiers whose import (or `require`) turns on the library's knowledge in a file. */
  readonly modules: readonly string[];
  /** Calls (`module#path`, `new` included) that open an archive from their first argument. */
  readonly openers: ReadonlySet<string>;
  /** Calls whose last argument is a callback that receives the opened archive at `index` (yauzl). */
  readonly callbackOpeners?: ReadonlyMap<string, number>;
  /** Methods of an instance that load an archive into it from their first argument (`new JSZip().loadAsync(buf)`). */
  readonly loadMethods?: ReadonlySet<string>;
  /** Calls that make a parsing stream: `bytes.pipe(unzipper.Parse())` is an archive. */
  readonly parseStreams?: ReadonlySet<string>;
  /** Properties of an archive that hold its entries. */
  readonly collections: ReadonlyMap<string, ArchivePart>;
  /** Methods of an archive that give its entries, or one entry. */
  readonly methods: ReadonlyMap<string, ArchivePart>;
  /** Events of an archive (or parsing stream) whose listener receives an entry first (`on('entry', (entry) => …)`). */
  readonly entryEvents?: ReadonlySet<string>;
  /** Methods of an archive whose callback receives `(name, entry)` (JSZip's `forEach`). */
  readonly namedIterators?: ReadonlySet<string>;
  /** Properties of an entry that hold its name inside the archive, directories included. */
  readonly nameKeys: ReadonlySet<string>;
}

export const ARCHIVE_LIBRARIES: readonly ArchiveLibrary[] = [
  {
    // `entry.name` is the last segment only; `entryName` is the whole path.
    name: 'adm-zip',
    modules: ['adm-zip'],
    openers: new Set(['adm-zip#']),
    collections: new Map(),
    methods: new Map([['getEntries', 'list'], ['getEntry', 'entry']]),
    nameKeys: new Set(['entryName']),
  },
  {
    name: 'jszip',
    modules: ['jszip'],
    openers: new Set(['jszip#loadAsync']),
    loadMethods: new Set(['loadAsync']),
    collections: new Map([['files', 'map']]),
    methods: new Map(),
    namedIterators: new Set(['forEach']),
    nameKeys: new Set(['name']),
  },
  {
    name: 'unzipper',
    modules: ['unzipper'],
    openers: new Set(['unzipper#Open.buffer', 'unzipper#Open.file']),
    parseStreams: new Set(['unzipper#Parse']),
    collections: new Map([['files', 'list']]),
    methods: new Map(),
    entryEvents: new Set(['entry']),
    nameKeys: new Set(['path']),
  },
  {
    name: 'yauzl',
    modules: ['yauzl', 'yauzl-promise'],
    openers: new Set(['yauzl-promise#open', 'yauzl-promise#fromBuffer']),
    callbackOpeners: new Map([['yauzl#open', 1], ['yauzl#fromBuffer', 1]]),
    collections: new Map(),
    methods: new Map(),
    entryEvents: new Set(['entry']),
    nameKeys: new Set(['fileName', 'filename']),
  },
  {
    // `new StreamZip.async({ file })`: the archive's path is the option `file`.
    name: 'node-stream-zip',
    modules: ['node-stream-zip'],
    openers: new Set(['node-stream-zip#', 'node-stream-zip#async']),
    collections: new Map(),
    methods: new Map([['entries', 'map'], ['entry', 'entry']]),
    nameKeys: new Set(['name']),
  },
];
