import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { childNodes, memberName } from '../../core/ast';
import { perFile, perFileKey } from '../../core/context';
import type { FileContext } from '../../core/context';
import { isFunctionLike, resolveFunction, returnedValues } from '../../core/functions';
import type { FunctionLike } from '../../core/functions';
import { importsModule, requireCallsOf, resolveCallTarget } from '../../core/modules';
import { variableFor } from '../../core/variable-index';
import { dereference, findObjectProperty, skipTsWrappers } from '../../core/static';
import { BUSBOY, EXPRESS_FILEUPLOAD, FASTIFY_MULTIPART, FASTIFY_MULTIPART_METHODS, FORMIDABLE, MULTER, MULTER_MIDDLEWARES, NEST_FILE_DECORATORS, NEST_INTERCEPTORS, RANDOM_NAME_CALLS, UPLOAD_FACTORIES } from '../../data/fs';
import type { UploadFactory, UploadLibrary } from '../../data/fs';
import { findEnclosingHandler } from '../../frameworks/registry';
import { NODE_FRAMEWORK_REQUEST } from '../../frameworks/shapes';
import type { InputShape } from '../../frameworks/types';
import { SAFE, targetKey } from './values';
import type { InputClassification, RequestInputOrigin, SeededRole, TrackedValue, UploadKnowledge } from './values';

/**
 * Uploaded files. Parsing libraries store a file under a name the server makes (multer's
 * `dest` and default storage, formidable's `newFilename`: random), and keep the client's name
 * aside (`originalname`, `originalFilename`, busboy's `info.filename`). The stored path is
 * request input only when the file's storage configuration names files after request input
 * (a multer `diskStorage({ filename })` or formidable `filename` option that returns the
 * client's name without `path.basename()` or a random part). Only files that import one of
 * these libraries are read; each storage configuration is read once per file.
 */

/** Classifies expressions of storage callbacks, with the callback's parameters given roles. */
export type SeededClassifier = (seeds: ReadonlyMap<FunctionLike, readonly (SeededRole | undefined)[]>) => { classify(node: TSESTree.Node): InputClassification };

/** What a storage configuration does with request input. */
interface Storage {
  /** Whether stored names or directories are built from request input. */
  readonly clientNamed: boolean;
}

const CLIENT_NAMED: Storage = { clientNamed: true };
const SERVER_NAMED: Storage = { clientNamed: false };

function factoriesOf(specifier: string): Readonly<Record<string, UploadFactory>> | undefined {
  return Object.hasOwn(UPLOAD_FACTORIES, specifier) ? UPLOAD_FACTORIES[specifier] : undefined;
}

/**
 * The calls of multer's and formidable's exports in the file (`multer({…})`,
 * `multer.diskStorage({…})`, `new IncomingForm()`), found from the import and `require`
 * bindings. Not with ReferenceTracker: this runs while a rule may be inside one of its
 * searches, which would hide the `require` calls from a nested one.
 */
function uploadCalls(context: FileContext): { call: TSESTree.CallExpression | TSESTree.NewExpression; made: UploadFactory }[] {
  const out: { call: TSESTree.CallExpression | TSESTree.NewExpression; made: UploadFactory }[] = [];
  const follow = (id: TSESTree.Node, exports: Readonly<Record<string, UploadFactory>>, path: string): void => {
    const variable = id.type === AST_NODE_TYPES.Identifier ? variableFor(context, id) : null;
    for (const ref of variable?.references ?? []) {
      const use = ref.identifier as TSESTree.Node;
      let parent = use.parent;
      let key = path;
      if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === use && path === '') {
        key = memberName(context, parent) ?? '\0';
        parent = parent.parent;
        if (parent && (parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) && parent.callee === use.parent && Object.hasOwn(exports, key)) {
          out.push({ call: parent, made: exports[key]! });
        }
        continue;
      }
      if (parent && (parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) && parent.callee === use && Object.hasOwn(exports, key)) {
        out.push({ call: parent, made: exports[key]! });
      }
    }
  };
  const bindPattern = (pattern: TSESTree.Node, exports: Readonly<Record<string, UploadFactory>>): void => {
    if (pattern.type === AST_NODE_TYPES.Identifier) {
      follow(pattern, exports, '');
    } else if (pattern.type === AST_NODE_TYPES.ObjectPattern) {
      for (const property of pattern.properties) {
        if (property.type === AST_NODE_TYPES.Property && !property.computed && property.key.type === AST_NODE_TYPES.Identifier && property.value.type === AST_NODE_TYPES.Identifier) {
          follow(property.value, exports, property.key.name);
        }
      }
    }
  };
  for (const statement of context.sourceCode.ast.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) {
      const exports = factoriesOf(String(statement.source.value));
      for (const specifier of exports ? statement.specifiers : []) {
        const imported = specifier.type === AST_NODE_TYPES.ImportSpecifier && specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : '';
        follow(specifier.local, exports!, imported === 'default' ? '' : imported);
      }
    } else if (
      statement.type === AST_NODE_TYPES.TSImportEqualsDeclaration &&
      statement.moduleReference.type === AST_NODE_TYPES.TSExternalModuleReference &&
      statement.moduleReference.expression.type === AST_NODE_TYPES.Literal
    ) {
      const exports = factoriesOf(String(statement.moduleReference.expression.value));
      if (exports) {
        follow(statement.id, exports, '');
      }
    }
  }
  for (const { call, specifier } of requireCallsOf(context)) {
    const exports = factoriesOf(specifier);
    if (!exports) {
      continue;
    }
    let node: TSESTree.Node = call;
    let path = '';
    if (node.parent?.type === AST_NODE_TYPES.MemberExpression && node.parent.object === node) {
      path = memberName(context, node.parent) ?? '\0'; // require('multer').diskStorage
      node = node.parent;
    }
    const parent = node.parent;
    if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === node) {
      if (path === '') {
        bindPattern(parent.id, exports);
      } else if (parent.id.type === AST_NODE_TYPES.Identifier) {
        follow(parent.id, exports, path);
      }
    } else if (parent && (parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) && parent.callee === node && Object.hasOwn(exports, path)) {
      out.push({ call: parent, made: exports[path]! }); // require('multer')({ dest })
    }
  }
  return out;
}

/** The shape of a storage callback's `file` (or formidable's `part`) parameter. */
function fileShape(library: UploadLibrary): InputShape {
  return { properties: Object.fromEntries([...library.clientKeys].map((key) => [key, 'input' as const])) };
}

/** What the file knows of uploads: which libraries it imports, and how their storage names files. */
interface FileUploads {
  readonly multer: boolean;
  readonly formidable: boolean;
  readonly busboy: boolean;
  /** multer instances (`multer({...})` calls) and their storage. */
  readonly instances: ReadonlyMap<TSESTree.Node, Storage>;
  /** Any multer storage of the file names files after request input (or cannot be read). */
  readonly multerStorage: Storage;
  /** Any formidable form of the file names files after request input. */
  readonly formidableStorage: Storage;
}

const FILE_UPLOADS_KEY = perFileKey<FileUploads | null>('request-input uploads');
const ALL_MODULES = new Set([...MULTER.modules, ...FORMIDABLE.modules, ...BUSBOY.modules]);

/**
 * The file's upload libraries and storage, or `null` when it imports none (the usual case:
 * one look at the file's import list).
 */
function fileUploads(context: FileContext, seeded: SeededClassifier): FileUploads | null {
  return perFile(context, FILE_UPLOADS_KEY, () => {
    const found = new Set<string>();
    // Every specifier is looked at (`accepts` never stops the search): the libraries it names are kept.
    importsModule(context, (specifier) => {
      if (ALL_MODULES.has(specifier)) {
        found.add(specifier);
      }
      return false;
    });
    if (found.size === 0) {
      return null;
    }
    const instances = new Map<TSESTree.Node, Storage>();
    let multerStorage = SERVER_NAMED;
    let formidableStorage = SERVER_NAMED;
    for (const { call, made } of uploadCalls(context)) {
      switch (made) {
        case 'multer': {
          const storage = multerInstanceStorage(context, call, seeded);
          instances.set(call, storage);
          multerStorage = storage.clientNamed ? storage : multerStorage;
          break;
        }
        case 'storage': {
          const storage = diskStorage(context, call, seeded);
          multerStorage = storage.clientNamed ? storage : multerStorage;
          break;
        }
        case 'formidable': {
          const storage = formidableOptions(context, call.arguments[0], seeded);
          formidableStorage = storage.clientNamed ? storage : formidableStorage;
          break;
        }
        default:
          break;
      }
    }
    const has = (library: UploadLibrary) => library.modules.some((m) => found.has(m));
    return { multer: has(MULTER), formidable: has(FORMIDABLE), busboy: has(BUSBOY), instances, multerStorage, formidableStorage };
  });
}

/** `multer()`, `multer({ dest })`: random names; `multer({ storage })`: what the storage does. */
function multerInstanceStorage(context: FileContext, call: TSESTree.CallExpression | TSESTree.NewExpression, seeded: SeededClassifier): Storage {
  // Without options: memory storage, no path at all.
  return call.arguments[0] ? multerOptionsStorage(context, call.arguments[0], seeded) : SERVER_NAMED;
}

/** multer's options (`{ dest }`, `{ storage }`): the storage they make. */
function multerOptionsStorage(context: FileContext, options: TSESTree.Node, seeded: SeededClassifier): Storage {
  const object = dereference(context, options);
  if (object.type !== AST_NODE_TYPES.ObjectExpression) {
    return CLIENT_NAMED; // options from elsewhere: cannot be read
  }
  const storage = findObjectProperty(context, object, 'storage');
  if (storage.kind === 'absent') {
    // `dest`: random names in a directory, the client's when the directory is request input.
    return directoryFromInput(context, findObjectProperty(context, object, 'dest'), seeded) ? CLIENT_NAMED : SERVER_NAMED;
  }
  if (storage.kind !== 'found') {
    return CLIENT_NAMED;
  }
  const value = dereference(context, storage.value);
  if (value.type === AST_NODE_TYPES.CallExpression) {
    const target = resolveCallTarget(context, value.callee);
    const name = target && MULTER.modules.includes(target.module ?? '') ? target.path.at(-1) : null;
    if (name === 'memoryStorage') {
      return SERVER_NAMED;
    }
    if (name === 'diskStorage') {
      return diskStorage(context, value, seeded);
    }
  }
  return CLIENT_NAMED; // a storage engine of its own: its names cannot be read
}

/** Memo of {@link diskStorage}: a storage passed to `multer({ storage })` is met twice. */
const diskStorages = new WeakMap<TSESTree.Node, Storage>();

/** `multer.diskStorage({ destination, filename })`: client-named when either callback passes request input to `cb`. */
function diskStorage(context: FileContext, call: TSESTree.CallExpression | TSESTree.NewExpression, seeded: SeededClassifier): Storage {
  let storage = diskStorages.get(call);
  if (!storage) {
    storage = readDiskStorage(context, call, seeded);
    diskStorages.set(call, storage);
  }
  return storage;
}

function readDiskStorage(context: FileContext, call: TSESTree.CallExpression | TSESTree.NewExpression, seeded: SeededClassifier): Storage {
  const options = call.arguments[0] ? dereference(context, call.arguments[0]) : null;
  if (options?.type !== AST_NODE_TYPES.ObjectExpression) {
    return options ? CLIENT_NAMED : SERVER_NAMED;
  }
  const seedsFor = (fn: FunctionLike): (SeededRole | undefined)[] => [
    { role: { kind: 'request', shape: NODE_FRAMEWORK_REQUEST }, framework: MULTER.name },
    { role: { kind: 'request', shape: fileShape(MULTER) }, framework: MULTER.name },
    ...fn.params.slice(2).map(() => undefined),
  ];
  for (const key of ['filename', 'destination']) {
    const property = findObjectProperty(context, options, key);
    if (property.kind === 'absent') {
      continue;
    }
    const fn = property.kind === 'found' ? resolveFunction(context, property.value) : null;
    if (!fn) {
      // `destination: 'uploads/'`: a directory, the client's only when it is request input.
      if (key === 'filename' || directoryFromInput(context, property, seeded)) {
        return CLIENT_NAMED;
      }
      continue;
    }
    const callback = fn.params[2];
    if (callback?.type !== AST_NODE_TYPES.Identifier) {
      return CLIENT_NAMED; // the name cannot be followed
    }
    const classifier = seeded(new Map([[fn, seedsFor(fn)]]));
    for (const named of calledWith(context, fn, callback.name)) {
      const value = named.arguments[1];
      if (value && value.type !== AST_NODE_TYPES.SpreadElement && classifier.classify(value).kind === 'input' && !hasRandomPart(context, value, 0)) {
        return CLIENT_NAMED;
      }
    }
  }
  return SERVER_NAMED;
}

/** formidable's `filename(name, ext, part, form)` option: client-named when it returns request input without a random part. */
function formidableOptions(context: FileContext, arg: TSESTree.Node | undefined, seeded: SeededClassifier): Storage {
  const options = arg && arg.type !== AST_NODE_TYPES.SpreadElement ? dereference(context, arg) : null;
  if (options?.type !== AST_NODE_TYPES.ObjectExpression) {
    return SERVER_NAMED;
  }
  if (directoryFromInput(context, findObjectProperty(context, options, 'uploadDir'), seeded)) {
    return CLIENT_NAMED;
  }
  const property = findObjectProperty(context, options, 'filename');
  if (property.kind !== 'found') {
    return property.kind === 'absent' ? SERVER_NAMED : CLIENT_NAMED;
  }
  const fn = resolveFunction(context, property.value);
  if (!fn) {
    return CLIENT_NAMED;
  }
  const client = { role: { kind: 'input', description: 'the uploaded file name' }, framework: FORMIDABLE.name } as const;
  const classifier = seeded(new Map([[fn, [client, client, { role: { kind: 'request', shape: fileShape(FORMIDABLE) }, framework: FORMIDABLE.name }]]]));
  const returned = returnedValues(context, fn);
  return returned.some((value) => classifier.classify(value).kind === 'input' && !hasRandomPart(context, value, 0)) ? CLIENT_NAMED : SERVER_NAMED;
}

/** A storage directory option (`dest`, `uploadDir`) built from request input (`path.join('uploads', req.body.folder)`). */
function directoryFromInput(context: FileContext, property: ReturnType<typeof findObjectProperty>, seeded: SeededClassifier): boolean {
  if (property.kind !== 'found') {
    return false;
  }
  const value = skipTsWrappers(property.value);
  return value.type !== AST_NODE_TYPES.Literal && seeded(NO_SEEDS).classify(value).kind === 'input';
}

const NO_SEEDS: ReadonlyMap<FunctionLike, readonly (SeededRole | undefined)[]> = new Map();

/** The calls of `name` inside `fn` (not in nested functions): a storage callback's `cb(null, name)`. */
function calledWith(context: FileContext, fn: FunctionLike, name: string): TSESTree.CallExpression[] {
  const calls: TSESTree.CallExpression[] = [];
  const visit = (node: TSESTree.Node): void => {
    if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === name) {
      calls.push(node);
    }
    for (const child of childNodes(context.sourceCode, node)) {
      if (!isFunctionLike(child) || child.params.every((p) => p.type !== AST_NODE_TYPES.Identifier || p.name !== name)) {
        visit(child);
      }
    }
  };
  visit(fn.body);
  return calls;
}

/**
 * Whether a name mixes in something unpredictable (`Date.now()`, a UUID, random bytes), in
 * the expression or the constants it names: the client then cannot choose the stored name.
 */
function hasRandomPart(context: FileContext, node: TSESTree.Node, depth: number): boolean {
  if (depth > 12) {
    return false;
  }
  const n = skipTsWrappers(node);
  if (n.type === AST_NODE_TYPES.CallExpression || n.type === AST_NODE_TYPES.NewExpression) {
    const target = resolveCallTarget(context, n.callee);
    if (target && (RANDOM_NAME_CALLS.has(targetKey(target)) || (n.type === AST_NODE_TYPES.NewExpression && targetKey(target) === '#Date'))) {
      return true;
    }
    const fn = n.type === AST_NODE_TYPES.CallExpression && n.callee.type === AST_NODE_TYPES.Identifier ? resolveFunction(context, n.callee) : null;
    if (fn && fn.body.type !== AST_NODE_TYPES.BlockStatement && hasRandomPart(context, fn.body, depth + 1)) {
      return true; // const unique = () => crypto.randomUUID()
    }
  }
  if (n.type === AST_NODE_TYPES.Identifier) {
    const init = dereference(context, n, 1);
    return init !== n && hasRandomPart(context, init, depth + 1);
  }
  if (isFunctionLike(n)) {
    return false;
  }
  return childNodes(context.sourceCode, n).some((child) => hasRandomPart(context, child, depth + 1));
}

/**
 * The request-input tracker's knowledge of uploads: the value of `req.file`/`req.files`, of
 * @fastify/multipart's request methods, of busboy's and formidable's callback parameters, and
 * property reads on uploaded files.
 */
export class Uploads implements UploadKnowledge {
  private readonly handlerStorage = new Map<FunctionLike, Storage>();

  constructor(
    private readonly context: FileContext,
    private readonly seeded: SeededClassifier,
  ) {}

  /**
   * `req.file` / `req.files` (`origin`, `key`) read at `node`: multer's files when the file imports
   * multer, with the storage of the middleware the route runs (`upload.single('f')`), else of
   * every multer storage in the file. Without multer, `req.files` is express-fileupload's (its
   * middleware is installed elsewhere; the keys it does not have stay request input) and
   * `req.file` stays request input (`null`).
   */
  requestFiles(origin: RequestInputOrigin, node: TSESTree.Node, key: string): TrackedValue | null {
    const uploads = fileUploads(this.context, this.seeded);
    if (!uploads?.multer) {
      return key === 'files' ? { kind: 'upload', library: EXPRESS_FILEUPLOAD, clientNamed: false, origin } : null;
    }
    const handler = findEnclosingHandler(this.context, node);
    const storage = handler ? this.routeStorage(handler.fn, handler.registration, uploads) : this.fileStorage(uploads);
    return { kind: 'upload', library: MULTER, clientNamed: storage.clientNamed, origin };
  }

  /**
   * A NestJS handler parameter decorated `@UploadedFile()`/`@UploadedFiles()`: multer's files,
   * with the storage of the method's `FileInterceptor('f', { storage })` (options set elsewhere,
   * such as `MulterModule.register`, cannot be read); `null` for other parameters.
   */
  decoratedFiles(fn: FunctionLike, param: TSESTree.Node, origin: RequestInputOrigin): TrackedValue | null {
    const decorators = 'decorators' in param ? (param.decorators ?? []) : [];
    if (decorators.length === 0 || !decorators.some((d) => this.nestCall(d.expression, '@nestjs/common', NEST_FILE_DECORATORS) !== null)) {
      return null;
    }
    const uploads = fileUploads(this.context, this.seeded);
    if (!uploads?.multer) {
      return null;
    }
    let storage = CLIENT_NAMED;
    const method = fn.parent;
    for (const decorator of method?.type === AST_NODE_TYPES.MethodDefinition ? method.decorators : []) {
      const use = skipTsWrappers(decorator.expression);
      for (const arg of use.type === AST_NODE_TYPES.CallExpression ? use.arguments : []) {
        const interceptor = this.nestCall(arg, '@nestjs/platform-express', new Set(NEST_INTERCEPTORS.keys()));
        if (interceptor) {
          const options = interceptor.call.arguments[NEST_INTERCEPTORS.get(interceptor.name)!];
          storage = options ? multerOptionsStorage(this.context, options, this.seeded) : CLIENT_NAMED;
        }
      }
    }
    const name = param.type === AST_NODE_TYPES.Identifier ? param.name : origin.description;
    return { kind: 'upload', library: MULTER, clientNamed: storage.clientNamed, origin: { ...origin, description: name } };
  }

  /** `node` as a call of one of `names` exported by `module`, or `null`. */
  private nestCall(node: TSESTree.Node, module: string, names: ReadonlySet<string>): { call: TSESTree.CallExpression; name: string } | null {
    const call = skipTsWrappers(node);
    if (call.type !== AST_NODE_TYPES.CallExpression) {
      return null;
    }
    const target = resolveCallTarget(this.context, call.callee);
    const name = target?.module === module && target.path.length === 1 ? target.path[0]! : null;
    return name !== null && names.has(name) ? { call, name } : null;
  }

  /** @fastify/multipart's `request.file()`, `files()`, `parts()`, `saveRequestFiles()`, on a Fastify request. */
  requestMethod(method: string | null, framework: string, origin: RequestInputOrigin): TrackedValue | null {
    if (framework !== 'fastify' || method === null || !FASTIFY_MULTIPART_METHODS.has(method)) {
      return null;
    }
    return { kind: 'upload', library: FASTIFY_MULTIPART, clientNamed: false, origin };
  }

  /**
   * A parameter of an upload library's callback: busboy's `on('file', (name, stream, info) => …)`
   * and `on('field', (name, value) => …)`, formidable's `form.parse(req, (err, fields, files) => …)`.
   */
  callbackParameter(fn: FunctionLike, index: number, param: TSESTree.Node): TrackedValue | null {
    const call = fn.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.MemberExpression || !call.arguments.includes(fn as TSESTree.CallExpressionArgument)) {
      return null;
    }
    const uploads = fileUploads(this.context, this.seeded);
    if (!uploads) {
      return null;
    }
    const method = memberName(this.context, call.callee);
    const origin = (description: string, framework: string): RequestInputOrigin => ({ description, framework, node: param, falseConfidence: [] });
    const name = param.type === AST_NODE_TYPES.Identifier ? param.name : '';
    if (uploads.busboy && (method === 'on' || method === 'once') && call.arguments[1] === fn) {
      const event = call.arguments[0];
      const kind = event?.type === AST_NODE_TYPES.Literal ? event.value : null;
      if (kind === 'file') {
        // (name, stream, info) in busboy 1; (field, stream, filename, encoding, mimetype) before.
        if (index === 1) {
          return { kind: 'client-bytes', origin: origin(name, BUSBOY.name) }; // the file's content
        }
        return index === 2 ? { kind: 'upload', library: BUSBOY, clientNamed: false, origin: origin(name, BUSBOY.name) } : { kind: 'input', origin: origin(name, BUSBOY.name), path: false };
      }
      if (kind === 'field') {
        return { kind: 'input', origin: origin(name, BUSBOY.name), path: false };
      }
      return null;
    }
    // form.parse(req, (err, fields, files) => …); not JSON.parse(text, reviver).
    if (uploads.formidable && method === 'parse' && call.arguments[1] === fn && index >= 1 && resolveCallTarget(this.context, call.callee)?.module !== null) {
      return this.formidableFiles(uploads, origin(name, FORMIDABLE.name));
    }
    return null;
  }

  /** `await form.parse(req)` (formidable 3): `[fields, files]`. */
  parseResult(call: TSESTree.CallExpression, method: string | null): TrackedValue | null {
    if (method !== 'parse' || call.arguments.length !== 1) {
      return null;
    }
    const uploads = fileUploads(this.context, this.seeded);
    if (!uploads?.formidable) {
      return null;
    }
    const text = this.context.sourceCode.getText(call);
    return this.formidableFiles(uploads, { description: text.length <= 60 ? text : 'form.parse()', framework: FORMIDABLE.name, node: call, falseConfidence: [] });
  }

  private formidableFiles(uploads: FileUploads, origin: RequestInputOrigin): TrackedValue {
    return { kind: 'upload', library: FORMIDABLE, clientNamed: uploads.formidableStorage.clientNamed, origin };
  }

  /**
   * The path argument of `method` called on `value` when it holds uploaded files that the method
   * writes to a path (express-fileupload's `file.mv(path)`), or `null`.
   */
  writeArgument(value: TrackedValue, method: string): number | null {
    return value.kind === 'upload' ? (value.library.writeMethods?.get(method) ?? null) : null;
  }

  /** A property read on uploaded files. */
  step(val: TrackedValue & { kind: 'upload' }, key: string | null, label: string, node: TSESTree.Node): TrackedValue {
    const { library } = val;
    // `const [fields, files] = await form.parse(req)`: described by the name it is given.
    const named = val.origin.node.type === AST_NODE_TYPES.CallExpression && (key === '0' || key === '1') && node.type === AST_NODE_TYPES.Identifier;
    const origin = { ...val.origin, description: named ? (node as TSESTree.Identifier).name : `${val.origin.description}${label}` };
    if (key === null || (!library.clientKeys.has(key) && !library.serverKeys.has(key) && !library.contentKeys.has(key))) {
      return { ...val, origin }; // an index, a field name: still files
    }
    if (library.bytesKeys.has(key) && (library.contentKeys.has(key) || !val.clientNamed)) {
      return { kind: 'client-bytes', origin }; // what the client sent, not a path
    }
    if (library.contentKeys.has(key) || (library.serverKeys.has(key) && !val.clientNamed)) {
      return SAFE;
    }
    return { kind: 'input', origin, path: true };
  }

  /**
   * The storage of the multer middleware a route runs before `fn` (`upload.single('f')` of a
   * `multer(…)` made in this file); a middleware made elsewhere cannot be read. Without one in
   * the registration (`app.use(upload.any())`), the storage of every multer instance of the file.
   */
  private routeStorage(fn: FunctionLike, registration: TSESTree.Node | null, uploads: FileUploads): Storage {
    let storage = this.handlerStorage.get(fn);
    if (!storage) {
      storage = this.fileStorage(uploads);
      for (const arg of registration?.type === AST_NODE_TYPES.CallExpression ? registration.arguments : []) {
        const middleware = this.middlewareInstance(arg);
        if (middleware !== undefined) {
          storage = (middleware && uploads.instances.get(middleware)) ?? CLIENT_NAMED;
          break;
        }
      }
      this.handlerStorage.set(fn, storage);
    }
    return storage;
  }

  /** Every storage of the file; client-named when the file makes no multer instance (its storage is elsewhere). */
  private fileStorage(uploads: FileUploads): Storage {
    return uploads.instances.size > 0 ? uploads.multerStorage : CLIENT_NAMED;
  }

  /**
   * `upload.single('f')` -> the `multer(…)` call that made `upload`; `null` for a multer
   * middleware whose instance is not made in this file; `undefined` for other arguments.
   */
  private middlewareInstance(arg: TSESTree.Node): TSESTree.Node | null | undefined {
    const call = skipTsWrappers(arg);
    if (call.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.MemberExpression) {
      return undefined;
    }
    const method = memberName(this.context, call.callee);
    if (method === null || !MULTER_MIDDLEWARES.has(method)) {
      return undefined;
    }
    const instance = dereference(this.context, call.callee.object);
    return instance.type === AST_NODE_TYPES.CallExpression || instance.type === AST_NODE_TYPES.NewExpression ? instance : null;
  }
}
