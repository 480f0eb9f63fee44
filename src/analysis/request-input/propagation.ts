import { ARRAY_CALLBACKS, STRING_MIXERS, STRING_PADDING } from '../../data/js-builtins';

/** `path` functions that carry their arguments through; the first three are often mistaken for sanitisers. */
export const PATH_PROPAGATORS = new Set(['join', 'resolve', 'normalize', 'format', 'relative', 'dirname', 'toNamespacedPath', 'parse']);
export const FALSE_CONFIDENCE_PATH = new Set(['join', 'resolve', 'normalize']);
/** Call targets whose result carries any request input in their arguments. */
export const PROPAGATING_CALLS = new Set([
  '#String', '#decodeURIComponent', '#decodeURI', '#encodeURIComponent', '#encodeURI', '#unescape', '#escape',
  '#Buffer.from', 'buffer#Buffer.from', '#JSON.parse', '#JSON.stringify', '#Array.from', '#Object.values',
  '#Object.keys', '#Object.entries', '#Object.assign', '#structuredClone', 'url#fileURLToPath',
  'url#pathToFileURL', 'url#format', 'querystring#parse', 'querystring#unescape', '#Array.of',
]);
export const PROPAGATING_CONSTRUCTORS = new Set(['#URL', 'url#URL', '#URLSearchParams', 'url#URLSearchParams', '#String']);
/** Undeclared globals that are never request input. */
export const SAFE_GLOBALS = new Set([
  '__dirname', '__filename', 'undefined', 'NaN', 'Infinity', 'process', 'Math', 'JSON', 'Date', 'crypto',
  'globalThis', 'console', 'Buffer', 'Number', 'String', 'Object', 'Array', 'require', 'module', 'exports',
]);
/** Methods of a string or array whose result cannot be a path (booleans, numbers). */
export const NON_PATH_METHODS = new Set([
  'includes', 'startsWith', 'endsWith', 'test', 'indexOf', 'lastIndexOf', 'search', 'localeCompare', 'has',
  'charCodeAt', 'codePointAt', 'every', 'some', 'findIndex', 'findLastIndex', 'hasOwnProperty', 'isFile',
  'isDirectory', 'getTime',
]);
/** Methods that mix their arguments into a string built on a constant receiver. */
export const MIXING_METHODS = new Set([...STRING_MIXERS, ...STRING_PADDING, 'join']);
/** Array methods whose callback's first parameter is an element of the receiver (`reduce`: the second). */
export const ITERATION_METHODS = new Map<string, number>([
  ...Object.entries(ARRAY_CALLBACKS).map(([method, { element }]) => [method, element] as const),
  // `promise.then((value) => …)`: the value of the receiver.
  ['then', 0],
]);
