import type { TSESTree } from '@typescript-eslint/utils';

import type { InputShape, ParamRole } from '../../frameworks/types';
import type { FunctionLike } from '../../core/functions';
import type { CallTarget } from '../../core/modules';
import type { NameSpecList } from '../../core/name-specs';
import type { FileContext } from '../../core/context';
import type { ArchiveLibrary, ArchivePart, UploadLibrary } from '../../data/fs';

/** Where a value that a remote client controls comes from. */
export interface RequestInputOrigin {
  /** The source as code (`req.params.name`, `c.req.query('file')`, `@Body() dto`). */
  readonly description: string;
  /** The framework that supplies it (`express`, `next`…; `custom` for configured sources). */
  readonly framework: string;
  /** The expression where the input is first read. */
  readonly node: TSESTree.Node;
  /** Checks seen on the way that look like sanitisers but are not (`path.normalize()`). */
  readonly falseConfidence: readonly string[];
  /** For an entry name of an archive the client sent: that archive's source (`req.file.buffer`). */
  readonly archive?: string;
}

/** The tracker's verdict on one expression. */
export type InputClassification =
  | { readonly kind: 'input'; readonly origin: RequestInputOrigin }
  /** Proven not to be request input: constants, static roots, sanitiser results. */
  | { readonly kind: 'safe' }
  /** Not traced to request input, but not proven constant either. */
  | { readonly kind: 'unknown' };

/**
 * What the value is used as, which decides the checks that make it safe: a `path` (the default)
 * is safe as a file name (`path.basename()`, `sanitize-filename`) or inside a root (containment
 * checks); a `command` (shell command line, code) is not, since a file name can still hold `;`.
 */
export type ValuePurpose = 'path' | 'command';

/** Extra vocabulary on top of `settings['agent-guard'].requestInput` (rule options). */
export interface RequestInputOptions {
  /** What the rule uses the value as (`path` when omitted). */
  readonly purpose?: ValuePurpose;
  /** `module#export` or names of functions whose result is request input. */
  readonly sources?: readonly string[];
  /** `module#export` or names of functions whose result (or check) makes a value safe. */
  readonly sanitizers?: readonly string[];
}

/** A part of an archive: its entries as a list or a map, one entry, or `Object.entries()` of the map and one `[name, entry]` pair of it. */
export type ArchiveValuePart = ArchivePart | 'pairs' | 'pair';

/** What the tracker knows of a value while it evaluates an expression. */
export type TrackedValue =
  /** Request input; `path`: reads of its properties still extend the description (`req.params` -> `req.params.name`). */
  | {
      readonly kind: 'input';
      readonly origin: RequestInputOrigin;
      readonly path: boolean;
      /**
       * Escaped for a single-quoted shell word (`x.replace(/'/g, "'\\''")`): safe in a command line
       * only where it stands inside single quotes (`` `grep -F '${x}'` ``). Commands only.
       */
      readonly quoted?: 'single';
    }
  /** A request object (or part of one) of a framework, whose `shape` says which properties and methods are input. */
  | { readonly kind: 'request'; readonly shape: InputShape; readonly desc: string; readonly framework: string; readonly schemas?: Readonly<Record<string, TSESTree.Node>> }
  /**
   * The result of validating input with a schema (`schema.parse(req.body)`): safe where the schema
   * constrains the property at `keys`; `wrapped` until `.data` of a `safeParse` result is read.
   */
  | { readonly kind: 'schema-result'; readonly schema: TSESTree.Node | null; readonly keys: readonly string[]; readonly wrapped: boolean; readonly origin: RequestInputOrigin }
  /**
   * Uploaded files of a parsing library (one file, a list, or a map of lists: reads other than
   * the library's file properties stay here): the client names them at `library.clientKeys`;
   * the server at `library.serverKeys`, unless `clientNamed` (a storage callback names files
   * after request input). Used as a whole, request input.
   */
  | { readonly kind: 'upload'; readonly library: UploadLibrary; readonly clientNamed: boolean; readonly origin: RequestInputOrigin }
  /**
   * The entries of a directory listing whose directory is request input (`fs.readdir(dir)`):
   * the names come from the server's disk, `Dirent.parentPath` and `Dir.path` are the directory.
   */
  | { readonly kind: 'listing'; readonly origin: RequestInputOrigin }
  /**
   * The bytes a client sent (an upload's content or stored file, a raw body): never a path, but
   * an archive opened from them is the client's.
   */
  | { readonly kind: 'client-bytes'; readonly origin: RequestInputOrigin }
  /**
   * An archive opened from the client's bytes (`part` absent), its entries, or one entry (see
   * `archives.ts`): the names of its entries are the client's.
   */
  | { readonly kind: 'archive'; readonly library: ArchiveLibrary; readonly part?: ArchiveValuePart; readonly origin: RequestInputOrigin }
  /** Proven not to be request input. */
  | { readonly kind: 'safe' }
  /** Neither traced to request input nor proven constant. */
  | { readonly kind: 'unknown' };

export const SAFE: TrackedValue = { kind: 'safe' };
export const UNKNOWN: TrackedValue = { kind: 'unknown' };

export function targetKey(target: CallTarget): string {
  return `${target.module ?? ''}#${target.path.join('.')}`;
}

export function shortText(context: FileContext, node: TSESTree.Node, max = 60): string | null {
  const text = context.sourceCode.getText(node).replace(/\s+/gu, ' ');
  return text.length <= max ? text : null;
}

/** How a property step reads in a description: `.name`, `[0]`, `['x-file']`. */
export function keyLabel(key: string): string {
  if (/^[A-Za-z_$][\w$]*$/u.test(key)) {
    return `.${key}`;
  }
  return /^\d+$/u.test(key) ? `[${key}]` : `['${key}']`;
}

export function withNotes(origin: RequestInputOrigin, notes: readonly string[]): RequestInputOrigin {
  const fresh = notes.filter((n) => !origin.falseConfidence.includes(n));
  return fresh.length === 0 ? origin : { ...origin, falseConfidence: [...origin.falseConfidence, ...fresh] };
}

/**
 * What the parts of the tracker (bindings, calls) need of it: its file and vocabulary, and the
 * memoised evaluation of sub-expressions. `RequestInputAnalyzer` implements it.
 */
export interface ValueTracker {
  readonly context: FileContext;
  /** What the value is used as (see `ValuePurpose`). */
  readonly purpose: ValuePurpose;
  readonly sources: NameSpecList;
  readonly sanitizers: NameSpecList;
  /** The value of an expression (memoised; `unknown` beyond the depth cap or in a cycle). */
  evaluate(node: TSESTree.Node): TrackedValue;
  /** A value as used: request objects are not themselves strings; schema results resolve. */
  finalize(value: TrackedValue): TrackedValue;
  /** The value of an expression mixing several values (input wins, then unknown, then safe). */
  combine(values: readonly TrackedValue[]): TrackedValue;
  argValues(args: readonly (TSESTree.Expression | TSESTree.SpreadElement)[]): TrackedValue[];
  /** A property read (`key`, or `null` when computed and unknown) on a value. */
  step(value: TrackedValue, key: string | null, label: string, node: TSESTree.Node): TrackedValue;
  /** Applies the result of guards dominating `ref` to a tainted value. */
  guarded(ref: TSESTree.Node, value: TrackedValue): TrackedValue;
  /** What the tracker knows of uploaded files and directory listings. */
  readonly uploads: UploadKnowledge;
  /**
   * A role given to a parameter from outside the file: a function of another file analysed as
   * the handler a registration makes it, or as a wrapper whose parameter is followed. `undefined`
   * to ask the framework adapters.
   */
  seededRole?(fn: FunctionLike, index: number): SeededRole | undefined;
  /**
   * A tracker of `file` (another project file) with this one's purpose and vocabulary, and roles
   * given to parameters from outside (`seeds`): how what a function of another file returns is
   * read. Absent when this tracker does not follow such functions.
   */
  readonly seededClassifier?: (file: FileContext, seeds: ReadonlyMap<FunctionLike, readonly (SeededRole | undefined)[]>) => SeededAnalysis;
}

/** What a caller reads of a seeded tracker of another file. */
export interface SeededAnalysis {
  classify(node: TSESTree.Node): InputClassification;
}

/** The tracker's knowledge of upload libraries (see `uploads.ts`). */
export interface UploadKnowledge {
  /** `req.file` / `req.files` (`key`) read at `node`, or `null` when they stay plain request input. */
  requestFiles(origin: RequestInputOrigin, node: TSESTree.Node, key: string): TrackedValue | null;
  /** A library method called on a request (`request.file()` of @fastify/multipart), or `null`. */
  requestMethod(method: string | null, framework: string, origin: RequestInputOrigin): TrackedValue | null;
  /** A NestJS `@UploadedFile()` parameter, or `null`. */
  decoratedFiles(fn: FunctionLike, param: TSESTree.Node, origin: RequestInputOrigin): TrackedValue | null;
  /** A parameter of an upload library's callback (busboy, formidable), or `null`. */
  callbackParameter(fn: FunctionLike, index: number, param: TSESTree.Node): TrackedValue | null;
  /** `await form.parse(req)` of formidable, or `null`. */
  parseResult(call: TSESTree.CallExpression, method: string | null): TrackedValue | null;
  /** A property read on uploaded files. */
  step(value: TrackedValue & { kind: 'upload' }, key: string | null, label: string, node: TSESTree.Node): TrackedValue;
}

/** A parameter role given from outside the file (see `ValueTracker.seededRole`). */
export interface SeededRole {
  readonly role: ParamRole;
  readonly framework: string;
}
