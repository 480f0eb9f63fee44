import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { memberName } from '../../core/ast';
import { perFile, perFileKey } from '../../core/context';
import type { FileContext } from '../../core/context';
import type { FunctionLike } from '../../core/functions';
import { importsModule, resolveCallTarget } from '../../core/modules';
import { skipTsWrappers } from '../../core/static';
import { ARCHIVE_LIBRARIES, FILE_CONTENT_READS } from '../../data/fs';
import type { ArchiveLibrary } from '../../data/fs';
import { SAFE, shortText, targetKey } from './values';
import type { RequestInputOrigin, TrackedValue, ValueTracker } from './values';

/**
 * Archives the client sent (Zip Slip, CWE-22): an archive opened from an upload's bytes or the
 * request body (`new AdmZip(req.file.buffer)`, `JSZip.loadAsync(body)`,
 * `req.pipe(unzipper.Parse())`) names its entries as its author chose. An entry's name joined to
 * a folder (`path.join(dest, entry.entryName)`) is request input: `../../app/server.js` lands
 * outside the folder. Entry names are reached through the libraries' collections, methods,
 * iteration and listeners (`ARCHIVE_LIBRARIES`); everything else read from an archive (its
 * data, sizes, flags) is not a path.
 */

/** Archive libraries by opener, callback opener and parsing-stream call. */
const OPENERS = new Map<string, ArchiveLibrary>(ARCHIVE_LIBRARIES.flatMap((library) => [...library.openers].map((key) => [key, library] as const)));
const CALLBACK_OPENERS = new Map<string, ArchiveLibrary>(ARCHIVE_LIBRARIES.flatMap((library) => [...(library.callbackOpeners?.keys() ?? [])].map((key) => [key, library] as const)));
const PARSE_STREAMS = new Map<string, ArchiveLibrary>(ARCHIVE_LIBRARIES.flatMap((library) => [...(library.parseStreams ?? [])].map((key) => [key, library] as const)));
/** Load methods of instances (`new JSZip().loadAsync(buf)`), read only in files that import the library. */
const LOAD_METHODS = new Map<string, ArchiveLibrary>(ARCHIVE_LIBRARIES.flatMap((library) => [...(library.loadMethods ?? [])].map((method) => [method, library] as const)));
/** The modules of every archive library: a file that imports none of them opens no archive. */
const ARCHIVE_MODULES = new Set(ARCHIVE_LIBRARIES.flatMap((library) => library.modules));

const OPENS_ARCHIVES = perFileKey<boolean>('imports an archive library');

/** Whether the file imports an archive library: only then can a value of it be an archive. */
export function opensArchives(context: FileContext): boolean {
  return perFile(context, OPENS_ARCHIVES, () => importsModule(context, (specifier) => ARCHIVE_MODULES.has(specifier)));
}

/**
 * The client's bytes, as an archive would be opened from them: an upload's content or stored file
 * (`client-bytes`), request input itself (a raw body, a `File` of a form), and the request
 * stream. `null` when the value holds no bytes of the client's.
 */
export function clientBytes(tracker: ValueTracker, node: TSESTree.Node | undefined): RequestInputOrigin | null {
  if (!node || node.type === AST_NODE_TYPES.SpreadElement) {
    return null;
  }
  const value = tracker.evaluate(node);
  switch (value.kind) {
    case 'client-bytes':
    case 'upload':
    case 'input':
      return value.origin;
    case 'request':
      return { description: value.desc || (shortText(tracker.context, node, 40) ?? 'the request'), framework: value.framework, node, falseConfidence: [] };
    default:
      return null;
  }
}

/** The bytes argument of an opener: the first argument, or its `file` option (`new StreamZip.async({ file })`). */
function openerSource(tracker: ValueTracker, argument: TSESTree.Node | undefined): RequestInputOrigin | null {
  const plain = argument && argument.type !== AST_NODE_TYPES.SpreadElement ? skipTsWrappers(argument) : null;
  if (plain?.type === AST_NODE_TYPES.ObjectExpression) {
    const file = plain.properties.find(
      (p): p is TSESTree.Property => p.type === AST_NODE_TYPES.Property && !p.computed && p.key.type === AST_NODE_TYPES.Identifier && p.key.name === 'file',
    );
    return file ? clientBytes(tracker, file.value) : null;
  }
  return clientBytes(tracker, plain ?? undefined);
}

function archiveOf(library: ArchiveLibrary, origin: RequestInputOrigin): TrackedValue {
  return { kind: 'archive', library, origin: { ...origin, falseConfidence: [] } };
}

/**
 * The value of a call or `new` whose target is resolved (`key`): an archive opened from the
 * client's bytes, the bytes of a file read from an upload's stored path, or `null` when the call
 * is neither.
 */
export function archiveCallValue(tracker: ValueTracker, key: string, call: TSESTree.CallExpression | TSESTree.NewExpression): TrackedValue | null {
  const library = OPENERS.get(key);
  if (library) {
    const origin = openerSource(tracker, call.arguments[0]);
    return origin ? archiveOf(library, origin) : SAFE;
  }
  if (FILE_CONTENT_READS.has(key)) {
    const [file] = call.arguments;
    const value = file && file.type !== AST_NODE_TYPES.SpreadElement ? tracker.evaluate(file) : null;
    return value?.kind === 'client-bytes' ? value : null;
  }
  return null;
}

/**
 * A method called on a value: entries of an archive (`zip.getEntries()`), an archive loaded into
 * an instance (`new JSZip().loadAsync(buf)`), an archive parsed from a piped stream
 * (`req.pipe(unzipper.Parse())`), an upload's bytes (`await part.toBuffer()`). `null` otherwise.
 */
export function archiveMethodValue(tracker: ValueTracker, call: TSESTree.CallExpression, method: string, receiver: TrackedValue): TrackedValue | null {
  if (receiver.kind === 'archive' && receiver.part === undefined) {
    const part = receiver.library.methods.get(method);
    return part ? { ...receiver, part } : null;
  }
  if (receiver.kind === 'upload' && receiver.library.bytesKeys.has(method)) {
    return { kind: 'client-bytes', origin: receiver.origin };
  }
  if (method === 'pipe' && (receiver.kind === 'client-bytes' || receiver.kind === 'request' || receiver.kind === 'input')) {
    const stream = call.arguments[0];
    const plain = stream && stream.type !== AST_NODE_TYPES.SpreadElement ? skipTsWrappers(stream) : null;
    const target = plain?.type === AST_NODE_TYPES.CallExpression || plain?.type === AST_NODE_TYPES.NewExpression ? resolveCallTarget(tracker.context, plain.callee) : null;
    const library = target ? PARSE_STREAMS.get(targetKey(target)) : undefined;
    const origin = library ? clientBytes(tracker, (call.callee as TSESTree.MemberExpression).object) : null;
    return library && origin ? archiveOf(library, origin) : null;
  }
  const loader = LOAD_METHODS.get(method);
  if (loader && importsModule(tracker.context, (specifier) => loader.modules.includes(specifier))) {
    const origin = openerSource(tracker, call.arguments[0]);
    return origin ? archiveOf(loader, origin) : null;
  }
  return null;
}

/**
 * `Object.keys(zip.files)` (the entry names), `Object.values(…)` and `Array.from(…)` (the
 * entries), `Object.entries(…)` (`[name, entry]` pairs) of an archive's entries; `null` for other
 * calls and values.
 */
export function archiveCollectionCall(key: string, value: TrackedValue, call: TSESTree.CallExpression, context: FileContext): TrackedValue | null {
  if (value.kind !== 'archive' || (value.part !== 'map' && value.part !== 'list')) {
    return null;
  }
  switch (key) {
    case '#Object.keys':
      return value.part === 'map' ? entryName(value, call, context) : SAFE;
    case '#Object.values':
    case '#Array.from':
      return { ...value, part: 'list' };
    case '#Object.entries':
      return value.part === 'map' ? { ...value, part: 'pairs' } : null;
    default:
      return null;
  }
}

/** A property read on an archive, its entries or an entry (`key` `null`: an index or a computed name). */
export function archiveStep(value: TrackedValue & { kind: 'archive' }, key: string | null, node: TSESTree.Node, context: FileContext): TrackedValue {
  const { library, part } = value;
  switch (part) {
    case 'pairs':
      return key === null || /^\d+$/u.test(key) ? { ...value, part: 'pair' } : SAFE;
    case 'pair':
      return key === '0' ? entryName(value, node, context) : key === '1' ? { ...value, part: 'entry' } : SAFE;
    case undefined:
      // `for (const entry of zipfile)`, `for await (const entry of stream.pipe(unzipper.Parse()))`.
      if (key === null) {
        return { ...value, part: 'entry' };
      }
      return library.collections.has(key) ? { ...value, part: library.collections.get(key) } : SAFE;
    case 'list':
      return key === null || /^\d+$/u.test(key) ? { ...value, part: 'entry' } : SAFE;
    case 'map':
      return key === 'length' ? SAFE : { ...value, part: 'entry' }; // `zip.files[name]`
    case 'entry':
      return key !== null && library.nameKeys.has(key) ? entryName(value, node, context) : SAFE;
  }
}

/** The name of an entry, read at `node`: request input from the archive's source. */
export function entryName(value: TrackedValue & { kind: 'archive' }, node: TSESTree.Node, context: FileContext): TrackedValue {
  const description = shortText(context, node, 40) ?? 'an entry name';
  return { kind: 'input', origin: { description, framework: value.origin.framework, node, falseConfidence: [], archive: value.origin.description }, path: false };
}

/**
 * A parameter of a listener or callback that receives an archive or its entries, or `null`:
 * yauzl's `open(path, (err, zipfile) => …)`, `zipfile.on('entry', (entry) => …)`,
 * `stream.pipe(unzipper.Parse()).on('entry', (entry) => …)`, JSZip's `zip.forEach((name, file) => …)`.
 */
export function archiveCallbackValue(tracker: ValueTracker, fn: FunctionLike, index: number, param: TSESTree.Node): TrackedValue | null {
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments.at(-1) !== fn) {
    return null;
  }
  const callee = skipTsWrappers(call.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const method = memberName(tracker.context, callee);
    const receiver = method === null ? null : tracker.evaluate(callee.object);
    if (receiver?.kind !== 'archive' || receiver.part !== undefined) {
      return callbackOpened(tracker, call, index);
    }
    const event = call.arguments[0];
    if ((method === 'on' || method === 'once') && event?.type === AST_NODE_TYPES.Literal && typeof event.value === 'string' && receiver.library.entryEvents?.has(event.value)) {
      return index === 0 ? { ...receiver, part: 'entry' } : null;
    }
    if (receiver.library.namedIterators?.has(method!)) {
      return index === 0 ? entryName(receiver, param, tracker.context) : index === 1 ? { ...receiver, part: 'entry' } : null;
    }
    return null;
  }
  return callbackOpened(tracker, call, index);
}

/** `yauzl.open(path, opts, (err, zipfile) => …)`: the archive at the library's callback position. */
function callbackOpened(tracker: ValueTracker, call: TSESTree.CallExpression, index: number): TrackedValue | null {
  const target = resolveCallTarget(tracker.context, call.callee);
  const library = target ? CALLBACK_OPENERS.get(targetKey(target)) : undefined;
  if (!library || library.callbackOpeners?.get(targetKey(target!)) !== index) {
    return null;
  }
  const origin = openerSource(tracker, call.arguments[0]);
  return origin ? archiveOf(library, origin) : SAFE;
}
