/**
 * URL patterns of project-level gates, and the paths of file-routed routes they are tested on.
 * Matchers written in path-to-regexp style (Next.js `config.matcher`, Clerk `createRouteMatcher`)
 * become RegExps; a route path with dynamic segments becomes sample paths that a gate must
 * cover all of.
 */

/** A segment value no real matcher names: a dynamic segment must match whatever it holds. */
const SAMPLE_SEGMENT = 'x7q';

/**
 * A path-to-regexp pattern (the subset Next.js matchers and Clerk route matchers use) as an
 * anchored RegExp, or `null` when it uses syntax this reader does not know (the caller then
 * treats it as matching nothing). `:name`, `:name(re)`, unnamed groups `(re)` (negative
 * lookaheads included), the modifiers `*` `+` `?` after a parameter or group (a preceding `/`
 * becomes optional with them), `{…}` optional blocks are not supported. A trailing slash is optional.
 * @example pathPatternRegExp('/api/admin/:path*')!.test('/api/admin') // true
 * @example pathPatternRegExp('/((?!api|_next/static).*)')!.test('/api/x') // false
 */
export function pathPatternRegExp(pattern: string): RegExp | null {
  if (typeof pattern !== 'string' || !pattern.startsWith('/') || pattern.length > 500) {
    return null;
  }
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const char = pattern[i]!;
    let body: string;
    let prefix = '';
    if (char === ':' || char === '(') {
      if (out.endsWith('\\/')) {
        out = out.slice(0, -2);
        prefix = '\\/';
      }
      let name = '';
      if (char === ':') {
        i++;
        while (i < pattern.length && /\w/u.test(pattern[i]!)) {
          name += pattern[i++];
        }
        if (name === '') {
          return null;
        }
      }
      if (pattern[i] === '(') {
        const end = groupEnd(pattern, i);
        if (end < 0) {
          return null;
        }
        body = pattern.slice(i + 1, end);
        i = end + 1;
      } else {
        body = '[^\\/#\\?]+?';
      }
      const modifier = pattern[i];
      if (modifier === '*' || modifier === '+' || modifier === '?') {
        i++;
        const repeat = `(?:${prefix}(?:${body}))`;
        out += modifier === '*' ? `${repeat}*` : modifier === '+' ? `${repeat}+` : `${repeat}?`;
      } else {
        out += `${prefix}(?:${body})`;
      }
      continue;
    }
    if (char === '{' || char === '}' || char === '*' || char === '+' || char === '?' || char === ')') {
      return null;
    }
    out += char.replace(/[.\\^$|[\]/]/gu, (c) => `\\${c}`);
    i++;
  }
  try {
    return new RegExp(`^${out}(?:\\/)?$`, 'iu');
  } catch {
    return null;
  }
}

/** Index of the `)` closing the group opened at `start`, honouring escapes and nesting; -1 if none. */
function groupEnd(pattern: string, start: number): number {
  let depth = 0;
  for (let i = start; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '\\') {
      i++;
    } else if (char === '(') {
      depth++;
    } else if (char === ')') {
      depth--;
      if (depth === 0) {
        return i;
      }
    }
  }
  return -1;
}

/**
 * Concrete paths standing for every request a file-routed route answers: each `[param]`
 * (or `[param=matcher]`) becomes one sample segment, `[...rest]` one and two segments, and
 * `[[optional]]` / `[[...rest]]` also its absence. A gate covers the route only if it covers
 * them all. At most 16 samples; `null` for a path that is not absolute.
 * @example routeSamplePaths('/api/users/[id]') // ['/api/users/x7q']
 */
export function routeSamplePaths(routePath: string): string[] | null {
  if (typeof routePath !== 'string' || !routePath.startsWith('/')) {
    return null;
  }
  let samples: string[][] = [[]];
  for (const segment of routePath.split('/').slice(1)) {
    let options: string[][];
    if (/^\[\[.+\]\]$/u.test(segment)) {
      options = /^\[\[\.\.\./u.test(segment) ? [[], [SAMPLE_SEGMENT], [SAMPLE_SEGMENT, SAMPLE_SEGMENT]] : [[], [SAMPLE_SEGMENT]];
    } else if (/^\[\.\.\..+\]$/u.test(segment)) {
      options = [[SAMPLE_SEGMENT], [SAMPLE_SEGMENT, SAMPLE_SEGMENT]];
    } else if (segment.includes('[')) {
      // `[id]`, `[id=integer]`, `item-[id]`: the bracketed part is one value.
      options = [[segment.replace(/\[[^\]]*\]/gu, SAMPLE_SEGMENT)]];
    } else {
      options = segment === '' ? [[]] : [[segment]];
    }
    samples = samples.flatMap((sample) => options.map((option) => [...sample, ...option]));
    if (samples.length > 16) {
      return null;
    }
  }
  return [...new Set(samples.map((sample) => `/${sample.join('/')}`))];
}
