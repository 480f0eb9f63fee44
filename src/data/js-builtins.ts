/**
 * JavaScript's built-in string and array methods, grouped by what their result carries. The
 * engines compose what they need from these groups instead of keeping lists of their own.
 */

/** String methods whose result is the receiver's text transformed, and nothing else (`x.trim()`). */
export const STRING_TRANSFORMS: readonly string[] = ['trim', 'trimStart', 'trimEnd', 'toUpperCase', 'toLowerCase', 'toString', 'valueOf', 'normalize', 'repeat'];
/** String methods whose result is a part of the receiver (`x.slice(1)`). */
export const STRING_PARTS: readonly string[] = ['slice', 'substring', 'substr', 'at'];
/** String methods that lengthen the receiver with their fill argument (`x.padStart(8, '0')`). */
export const STRING_PADDING: readonly string[] = ['padStart', 'padEnd'];
/** String methods whose result mixes their arguments' text into the receiver's (`x.replace(a, b)`). */
export const STRING_MIXERS: readonly string[] = ['concat', 'replace', 'replaceAll'];

/** Array methods whose result holds (some of) the receiver's elements and no others (`xs.filter(f)`). */
export const ARRAY_SUBSETS: readonly string[] = ['filter', 'slice', 'reverse', 'sort', 'flat', 'toSorted', 'toReversed'];

/**
 * Array methods that call a callback with the receiver's elements: which parameter is the
 * element, and which the element's index (`null`: none). `xs.map((x, i) => …)`, `xs.reduce((acc, x, i) => …)`.
 */
export const ARRAY_CALLBACKS: Readonly<Record<string, { readonly element: number; readonly index: number | null }>> = {
  forEach: { element: 0, index: 1 },
  map: { element: 0, index: 1 },
  flatMap: { element: 0, index: 1 },
  filter: { element: 0, index: 1 },
  find: { element: 0, index: 1 },
  findLast: { element: 0, index: 1 },
  findIndex: { element: 0, index: 1 },
  findLastIndex: { element: 0, index: 1 },
  some: { element: 0, index: 1 },
  every: { element: 0, index: 1 },
  reduce: { element: 1, index: 2 },
  reduceRight: { element: 1, index: 2 },
  sort: { element: 0, index: null },
};
