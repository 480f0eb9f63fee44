// Files of a checked-out repository as the measurement scripts (bench/measure*, see their READMEs)
// scope them: forward-slash paths relative to the checkout, chosen with `**`, `*` and `{a,b}` globs.
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** `**`, `*` and `{a,b}` globs on forward-slash paths relative to the checkout. */
export function globToRegExp(glob) {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        i++;
        if (glob[i + 1] === '/') {
          i++;
          out += '(?:.*/)?';
        } else out += '.*';
      } else out += '[^/]*';
    } else if (c === '{') {
      const end = glob.indexOf('}', i);
      out += `(?:${glob.slice(i + 1, end).split(',').map(escape).join('|')})`;
      i = end;
    } else out += escape(c);
  }
  return new RegExp(`^${out}$`, 'u');
}

function escape(s) {
  return s.replace(/[.+?^${}()|[\]\\]/gu, '\\$&');
}

/** Every file of the checkout (not `.git` or `node_modules`), as sorted forward-slash relative paths. */
export function walk(root) {
  const found = [];
  const stack = [root];
  while (stack.length) {
    const dir = stack.pop();
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== '.git' && e.name !== 'node_modules') stack.push(full);
      } else if (e.isFile()) found.push(relative(root, full).split(sep).join('/'));
    }
  }
  return found.sort();
}
