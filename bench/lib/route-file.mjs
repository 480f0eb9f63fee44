// A realistic ~2,000-line route file for the editor figure, made of real route code: @directus/api's
// Express controllers (from the server corpus), merged into one module. Each controller's body
// becomes a function `mount_<name>()` that returns its router; the imports are hoisted and merged
// (a controller whose import would clash with an earlier one under the same local name is left out).
// Same corpus version, same file, byte for byte, on every run.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import * as espree from 'espree';

import { countLines } from './corpus.mjs';
import { ensureServerCorpus, SERVER_PACKAGES, serverPackageRoot } from './server-corpus.mjs';

export function buildRealRouteFile(targetLines = 2000) {
  ensureServerCorpus();
  const directus = SERVER_PACKAGES.find(({ name }) => name === '@directus/api');
  const dir = join(serverPackageRoot(directus), 'dist', 'controllers');
  const bindings = new Map(); // local name -> `source#imported`
  const importLines = [];
  const bodies = [];
  const used = [];
  let lines = 0;
  for (const name of readdirSync(dir).filter((file) => file.endsWith('.js')).sort()) {
    if (lines >= targetLines) {
      break;
    }
    const text = readFileSync(join(dir, name), 'utf8');
    const ast = espree.parse(text, { ecmaVersion: 'latest', sourceType: 'module', range: true });
    const imports = ast.body.filter((node) => node.type === 'ImportDeclaration');
    const mine = imports.flatMap((node) =>
      node.specifiers.map((spec) => [spec.local.name, `${node.source.value}#${spec.type === 'ImportSpecifier' ? (spec.imported.name ?? spec.imported.value) : spec.type}`]),
    );
    if (mine.some(([local, origin]) => bindings.has(local) && bindings.get(local) !== origin)) {
      continue;
    }
    for (const node of imports) {
      const fresh = node.specifiers.filter((spec) => !bindings.has(spec.local.name));
      for (const spec of node.specifiers) {
        bindings.set(spec.local.name, mine.find(([local]) => local === spec.local.name)[1]);
      }
      if (fresh.length > 0 || node.specifiers.length === 0) {
        const defaults = fresh.filter((spec) => spec.type === 'ImportDefaultSpecifier').map((spec) => spec.local.name);
        const namespace = fresh.find((spec) => spec.type === 'ImportNamespaceSpecifier');
        const named = fresh
          .filter((spec) => spec.type === 'ImportSpecifier')
          .map((spec) => {
            const imported = spec.imported.name ?? JSON.stringify(spec.imported.value);
            return imported === spec.local.name ? imported : `${imported} as ${spec.local.name}`;
          });
        const clause = [...defaults, namespace ? `* as ${namespace.local.name}` : null, named.length > 0 ? `{ ${named.join(', ')} }` : null].filter(Boolean);
        importLines.push(clause.length > 0 ? `import ${clause.join(', ')} from ${JSON.stringify(node.source.value)};` : `import ${JSON.stringify(node.source.value)};`);
      }
    }
    const statements = [];
    for (const node of ast.body) {
      if (node.type === 'ImportDeclaration') {
        continue;
      }
      if (node.type === 'ExportNamedDeclaration' && !node.declaration) {
        const fallback = node.specifiers.find((spec) => (spec.exported.name ?? spec.exported.value) === 'default');
        if (fallback) {
          statements.push(`return ${fallback.local.name};`);
        }
        continue;
      }
      if (node.type === 'ExportNamedDeclaration' || node.type === 'ExportDefaultDeclaration') {
        const inner = node.declaration;
        statements.push(node.type === 'ExportDefaultDeclaration' && !/Declaration$/u.test(inner.type) ? `return ${text.slice(...inner.range)};` : text.slice(...inner.range));
        continue;
      }
      statements.push(text.slice(...node.range));
    }
    const body = `export function mount_${name.slice(0, -3).replace(/\W/gu, '_')}() {\n${statements.join('\n')}\n}\n`;
    bodies.push(body);
    used.push(name);
    lines += countLines(body);
  }
  const code = `${importLines.join('\n')}\n\n${bodies.join('\n')}`;
  return { code, controllers: used, source: `${directus.name}@${directus.version} dist/controllers` };
}
