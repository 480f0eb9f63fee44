/**
 * Minimal globs for route paths and file paths: `**` matches across `/`, `*` within one
 * segment, `?` one character; a trailing `/**` also matches the directory itself
 * (`/auth/**` matches `/auth`). No braces or character classes: route paths need none.
 */
export function globToRegExp(glob: string, anchorStart: boolean): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i]!;
    if (char === '*' && glob[i + 1] === '*') {
      const slashBefore = source.endsWith('/');
      const atEnd = i + 2 >= glob.length;
      if (slashBefore && atEnd) {
        source = `${source.slice(0, -1)}(?:/.*)?`;
      } else if (glob[i + 2] === '/') {
        source += '(?:.*/)?';
        i++;
      } else {
        source += '.*';
      }
      i++;
    } else if (char === '*') {
      source += '[^/]*';
    } else if (char === '?') {
      source += '[^/]';
    } else {
      source += char.replace(/[.+^${}()|[\]\\]/gu, '\\$&');
    }
  }
  return new RegExp(`${anchorStart ? '^' : '(?:^|/)'}${source}$`, 'u');
}

/** A compiled list of globs: URL path globs start with `/`, the others match file paths. */
export interface GlobList {
  readonly paths: readonly RegExp[];
  readonly files: readonly RegExp[];
}

const compiled = new Map<string, GlobList>();

export function compileGlobs(globs: readonly string[]): GlobList {
  const key = globs.join('\n');
  let list = compiled.get(key);
  if (!list) {
    list = {
      paths: globs.filter((g) => g.startsWith('/')).map((g) => globToRegExp(g, true)),
      files: globs.filter((g) => !g.startsWith('/') && g.length > 0).map((g) => globToRegExp(g.replace(/^(?:\*\*\/)+/u, ''), false)),
    };
    if (compiled.size < 100) {
      compiled.set(key, list);
    }
  }
  return list;
}
