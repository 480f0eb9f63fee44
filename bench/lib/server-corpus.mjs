// The server-application corpus: real server code that ships on npm, fetched at pinned versions when
// the bench runs (`npm pack`, integrity checked, extracted into the git-ignored bench/corpus/, which
// eslint.config.ts already ignores), so that nothing of it is committed and every run lints the same
// bytes. Only the JS sources are kept: tsconfig.json includes `bench`, and the packages' `.d.ts`
// files must not become part of the project's type check.
//
// Why these four (checked by reading their tarballs, 2026-12-06):
// - @directus/api: an Express + knex REST/GraphQL server; 37 controllers (express Router routes),
//   40 services building knex queries, 110 DB migrations, file storage (fs, streams), outbound HTTP
//   (axios, webhooks). The plugin's SQL, fs-path, response and route rules all have work to do.
// - @strapi/core: the Koa server of a CMS: middlewares (ctx.body, ctx.request), route registration,
//   fs loaders, the document service, outbound fetch.
// - verdaccio: an npm registry server: Express endpoints for packages, users, tarballs; fs storage.
// - @backstage/backend-defaults: Backstage's backend services: Express http routers, auth
//   middleware, knex database connectors, URL readers (fetch), scheduler, fs caches.
// Together about 92,000 lines of compiled JS (ESM and CJS) written by hand as TypeScript, the kind
// of code the rules are for, unlike the library corpus where they bail out early.
// Dual builds (X.js next to X.mjs) are linted once, from the ESM copy.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { collectFiles, extensionOf, JS_EXTENSIONS } from './corpus.mjs';

export const CORPUS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'corpus');

/** Exact versions and the registry's `dist.integrity` for each, as read with `npm view` when pinned. */
export const SERVER_PACKAGES = [
  {
    name: '@directus/api',
    version: '39.2.1',
    integrity: 'sha512-jPm5H7eJFguE956zkWVbA+p+uKWt10kiZXGDCj1YDcc1SzPhAdHo4klMuPbny8UpGZzdASKQOKmznhP6ysso8Q==',
    include: ['dist'],
  },
  {
    name: '@strapi/core',
    version: '5.54.0',
    integrity: 'sha512-iPBrqkco5whcVis7+KFQk/M71Cvh2GyKVwjTS6a1Yosu8xmo6QNQKuKsXjpbhO+trDHG/Z1bo6H1VXfvCj9E8Q==',
    include: ['dist'],
  },
  {
    name: 'verdaccio',
    version: '6.10.4',
    integrity: 'sha512-2XjsxiH/ZYWjefbVLY854mo+lz1M14mdhx/tI1278aVXN/D9dTflpw0T6w1oi6WChMLhRogTnz8blL36Ys/dhQ==',
    include: ['build'],
  },
  {
    name: '@backstage/backend-defaults',
    version: '0.19.0',
    integrity: 'sha512-MDaRaofk8soHG5qHs28W6c5LCGunom4pqudkOFHVphtU/gWx8k9iXCb/2qiLPrnCRDkvdmDjdbIm1npZyld3Xw==',
    include: ['dist'],
  },
];

const folderOf = ({ name, version }) => join(CORPUS_DIR, `${name.replace('@', '').replace('/', '+')}@${version}`);

function sha512Integrity(file) {
  return `sha512-${createHash('sha512').update(readFileSync(file)).digest('base64')}`;
}

/**
 * Makes sure every package is in bench/corpus/, fetching the missing ones with `npm pack`.
 * A tarball is extracted only when its sha512 equals both the pinned integrity and what the
 * registry reports now (`npm view … dist.integrity`); otherwise this throws.
 */
export function ensureServerCorpus({ log = (line) => console.error(line) } = {}) {
  mkdirSync(CORPUS_DIR, { recursive: true });
  for (const pkg of SERVER_PACKAGES) {
    const folder = folderOf(pkg);
    const marker = join(folder, '.integrity');
    if (existsSync(marker) && readFileSync(marker, 'utf8').trim() === pkg.integrity) {
      continue;
    }
    const spec = `${pkg.name}@${pkg.version}`;
    log(`bench: fetching ${spec} into ${folder}`);
    const registry = JSON.parse(execFileSync('npm', ['view', spec, 'dist.integrity', '--json'], { encoding: 'utf8' }));
    if (registry !== pkg.integrity) {
      throw new Error(`bench: the registry's integrity for ${spec} (${registry}) is not the pinned one (${pkg.integrity})`);
    }
    const packDir = join(CORPUS_DIR, '.tarballs');
    mkdirSync(packDir, { recursive: true });
    const [packed] = JSON.parse(execFileSync('npm', ['pack', spec, '--json', '--pack-destination', packDir], { encoding: 'utf8' }));
    const tarball = join(packDir, packed.filename);
    const actual = sha512Integrity(tarball);
    if (actual !== pkg.integrity) {
      throw new Error(`bench: ${tarball} has integrity ${actual}, not the pinned ${pkg.integrity}`);
    }
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder, { recursive: true });
    execFileSync('tar', ['-xzf', tarball, '-C', folder]);
    pruneToJavaScript(folder);
    writeFileSync(marker, `${pkg.integrity}\n`);
    rmSync(tarball);
  }
}

/** Deletes every file that is not JS source (declarations, source maps, assets). */
function pruneToJavaScript(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      pruneToJavaScript(full);
    } else if (!JS_EXTENSIONS.has(extensionOf(entry.name)) && entry.name !== 'package.json') {
      rmSync(full, { force: true });
    }
  }
}

/** Where a package's files are (the tarball's `package/` folder). */
export function serverPackageRoot(pkg) {
  return join(folderOf(pkg), 'package');
}

/** Lintable files of one package: its included folders, without the CJS twin of an ESM file. */
export function serverPackageFiles(pkg) {
  const root = serverPackageRoot(pkg);
  const found = pkg.include.flatMap((sub) => collectFiles(join(root, sub)));
  const paths = new Set(found.map(({ file }) => file));
  return found.filter(({ file }) => !(file.endsWith('.js') && paths.has(`${file.slice(0, -3)}.mjs`)));
}

/** Display label and the folder linted, for the report. */
export function serverPackageLabel(pkg) {
  return `${pkg.name}@${pkg.version} (${pkg.include.join(', ')}/)`;
}
