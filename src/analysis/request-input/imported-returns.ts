import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { importRoot, isFunctionLike, parameterType, returnedValues, typeMadeOf } from '../../core/functions';
import type { FunctionLike } from '../../core/functions';
import { perFile, perFileKey } from '../../core/context';
import type { FileContext } from '../../core/context';
import type { NameSpecList } from '../../core/name-specs';
import { skipTsWrappers } from '../../core/static';
import { importedDefinition, projectImportNames } from '../../project/index';
import type { SeededRole, ValuePurpose, ValueTracker } from './values';

/**
 * What functions of other project files return of their arguments: `export function
 * resolveUpload(name) { return path.join(UPLOAD_DIR, name); }` returns its parameter (through
 * `path.join()`, which does not stop `../`), so `res.sendFile(resolveUpload(req.params.name))`
 * in the linted file sends a path built from request input. The other file is read by the same
 * tracker, with the parameter given a role from outside, as a wrapper's is (`imported-functions`).
 * A parameter that only reaches the return value sanitised (`path.basename(name)`, a containment
 * check that throws) does not flow.
 */

/** What one parameter of a function brings to its return value: the checks it went through that do not sanitise (`path.join()`). */
export interface ReturnedParameter {
  readonly notes: readonly string[];
}

/** The parameters of an imported function that flow, unsanitised, into what it returns; indexed like the parameters. */
export type ReturnedParameters = readonly (ReturnedParameter | undefined)[];

/**
 * What the asking tracker reads values for: its purpose and vocabulary, which decide what
 * sanitises, and how it reads another file (`seededClassifier`).
 */
export type ReturnQuestion = Pick<ValueTracker, 'purpose' | 'sources' | 'sanitizers'> & Required<Pick<ValueTracker, 'seededClassifier'>>;

/** Functions of further files followed through functions that return what they return. */
const MAX_RETURN_HOPS = 2;
const RETURN_SEED = '\0returned-parameter';

/** Per parse of the other file: per function, per source list, sanitiser list and purpose, its returned parameters (`null`: none). */
const SUMMARIES = perFileKey<WeakMap<FunctionLike, WeakMap<NameSpecList, WeakMap<NameSpecList, Map<ValuePurpose, ReturnedParameters | null>>>>>('returned parameters');
const inProgress = new Set<FunctionLike>();
let hops = 0;

function memoFor(file: FileContext, fn: FunctionLike, question: ReturnQuestion): Map<ValuePurpose, ReturnedParameters | null> {
  const byFunction = perFile(file, SUMMARIES, () => new WeakMap());
  let bySources = byFunction.get(fn);
  if (!bySources) {
    bySources = new WeakMap();
    byFunction.set(fn, bySources);
  }
  let bySanitizers = bySources.get(question.sources);
  if (!bySanitizers) {
    bySanitizers = new WeakMap();
    bySources.set(question.sources, bySanitizers);
  }
  let byPurpose = bySanitizers.get(question.sanitizers);
  if (!byPurpose) {
    byPurpose = new Map();
    bySanitizers.set(question.sanitizers, byPurpose);
  }
  return byPurpose;
}

/** A string: `string`, `'png'`. */
function isStringLeaf(node: TSESTree.TypeNode): boolean {
  return node.type === AST_NODE_TYPES.TSStringKeyword || (node.type === AST_NODE_TYPES.TSLiteralType && node.literal.type === AST_NODE_TYPES.Literal && typeof node.literal.value === 'string');
}

/**
 * A parameter followed into the return value: a plain name, untyped or declared a string. An
 * object (`opts`, `{ database, command }`) is followed as a whole here, so one property from the
 * request would make everything returned from the others request input too: not followed.
 */
export function isTextParameter(param: TSESTree.Parameter): boolean {
  const annotation = parameterType(param);
  return annotation === undefined || (annotation !== null && typeMadeOf(annotation, isStringLeaf));
}

/** Which parameters of `fn`, a function of `file`, reach its return value unsanitised. */
function returnedParameters(file: FileContext, fn: FunctionLike, question: ReturnQuestion): ReturnedParameters | null {
  const memo = memoFor(file, fn, question);
  if (memo.has(question.purpose)) {
    return memo.get(question.purpose)!;
  }
  if (inProgress.has(fn) || hops >= MAX_RETURN_HOPS) {
    return null; // not memoised: asked from fewer hops away, it gets the real answer
  }
  inProgress.add(fn);
  hops++;
  const params: (ReturnedParameter | undefined)[] = [];
  try {
    const returned = returnedValues(file, fn);
    for (let index = 0; index < fn.params.length && returned.length > 0; index++) {
      const param = fn.params[index]!;
      if (param.type === AST_NODE_TYPES.RestElement) {
        break;
      }
      if (!isTextParameter(param)) {
        continue;
      }
      const seeds: (SeededRole | undefined)[] = [];
      seeds[index] = { role: { kind: 'input', description: `parameter ${index}` }, framework: RETURN_SEED };
      const analyzer = question.seededClassifier(file, new Map([[fn, seeds]]));
      for (const value of returned) {
        const found = analyzer.classify(value);
        if (found.kind === 'input' && found.origin.framework === RETURN_SEED) {
          params[index] = { notes: found.origin.falseConfidence };
          break;
        }
      }
    }
  } finally {
    hops--;
    inProgress.delete(fn);
  }
  const answer = params.some((param) => param !== undefined) ? params : null;
  memo.set(question.purpose, answer);
  return answer;
}

/**
 * The parameters that a call's callee, a function imported from another project file (`f`,
 * `ns.f`, or a method of an imported class called on a field typed with it, `this.files.resolve`),
 * returns unsanitised; `null` when the callee is no such function or returns none of them.
 * Never throws.
 * @example importedReturnedParameters(context, resolveUploadCallee, question)?.[0]?.notes // ['path.join()']
 */
export function importedReturnedParameters(context: FileContext, callee: TSESTree.Node, question: ReturnQuestion): ReturnedParameters | null {
  try {
    const imported = importedFunction(context, callee);
    return imported ? returnedParameters(imported.file, imported.fn, question) : null;
  } catch {
    return null;
  }
}

/**
 * The function a call's callee names when it is imported from another project file (`f`, `ns.f`,
 * a method of an imported class called on a field typed with it), with that file; `null` for
 * packages, the file's own functions and anything that does not resolve. May throw.
 */
export function importedFunction(context: FileContext, callee: TSESTree.Node): { readonly file: FileContext; readonly fn: FunctionLike } | null {
  const node = skipTsWrappers(callee);
  const root = importRoot(node);
  // Most calls are of packages and of the file's own functions: a name lookup settles them.
  if (root === null || !projectImportNames(context).has(root.name)) {
    return null;
  }
  const definition = importedDefinition(context, node);
  return definition && isFunctionLike(definition.node) ? { file: definition.file.context, fn: definition.node } : null;
}
