// The corpora the bench measures, one report row each:
//   server    real server applications from npm (bench/lib/server-corpus.mjs), fetched at bench time
//   generated route-dense generated server files (bench/lib/programs.ts): every fragment a handler
//             with SQL, fs, HTTP-client and response calls, the worst case for the rules
//   library   library and tool code from node_modules (the bench's original corpus), where most
//             rules bail out early: kept as the comparison point with earlier results
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';

import { createJiti } from 'jiti';

import { collectFiles, countLines, extensionOf, languageOptionsFor, TS_EXTENSIONS } from './corpus.mjs';
import { ensureServerCorpus, SERVER_PACKAGES, serverPackageFiles, serverPackageLabel } from './server-corpus.mjs';

export const ROW_IDS = ['server', 'generated', 'library'];

/**
 * Where npm put a package that `from` depends on (hoisted or nested): the corpus must not change
 * when an unrelated install moves a shared dependency (ajv 8 left `@secretlint/config-loader/
 * node_modules` for the top level when the lockfile changed, and the corpus lost 17,925 lines).
 */
function dependencyDir(from, name) {
  const require = createRequire(resolve(from, 'package.json'));
  return relative(process.cwd(), dirname(require.resolve(`${name}/package.json`)));
}

/** Files and lines of the library corpus as first measured; a different count means the figures are not comparable. */
const EXPECTED_LIBRARY = { files: 736, lines: 185175 };

/** A file ready to lint: its text, line count and language options (parser chosen by extension). */
function entry(file, text) {
  const parser = TS_EXTENSIONS.has(extensionOf(file)) ? 'ts' : 'espree';
  return { file, text, lines: countLines(text), languageOptions: languageOptionsFor(file, text, parser) };
}

function fromDirectories(sources) {
  const files = [];
  const packages = [];
  const seen = new Set();
  for (const { label, list } of sources) {
    let count = 0;
    let lines = 0;
    for (const { file, skip } of list) {
      if (skip || seen.has(file)) {
        continue;
      }
      seen.add(file);
      const item = entry(file, readFileSync(file, 'utf8'));
      files.push(item);
      count += 1;
      lines += item.lines;
    }
    packages.push({ dir: label, files: count, lines });
  }
  return { files, packages };
}

export function libraryRow() {
  const dirs = [
    'node_modules/eslint/lib',
    'node_modules/@secretlint',
    // secretlint's own copies of ajv 8 and json-schema-traverse 1 (part of the corpus since the start).
    dependencyDir('node_modules/@secretlint/config-loader', 'ajv'),
    dependencyDir('node_modules/@secretlint/config-loader', 'json-schema-traverse'),
    'node_modules/tsup/dist',
    'node_modules/vitest/node_modules/vite/dist/node',
  ];
  const { files, packages } = fromDirectories(dirs.map((dir) => ({ label: `\`${dir}\``, list: collectFiles(dir) })));
  const lines = files.reduce((sum, item) => sum + item.lines, 0);
  const warning =
    files.length !== EXPECTED_LIBRARY.files || lines !== EXPECTED_LIBRARY.lines
      ? `the library corpus is ${files.length} files / ${lines} lines, not ${EXPECTED_LIBRARY.files} / ${EXPECTED_LIBRARY.lines}: its figures are not comparable with earlier runs`
      : null;
  return { id: 'library', title: 'Library code (node_modules: ESLint, secretlint, ajv, tsup, Vite)', files, packages, warning };
}

export function serverRow() {
  ensureServerCorpus();
  const { files, packages } = fromDirectories(
    SERVER_PACKAGES.map((pkg) => ({ label: `\`${serverPackageLabel(pkg)}\``, list: serverPackageFiles(pkg) })),
  );
  return { id: 'server', title: 'Server applications from npm (pinned, fetched at bench time)', files, packages, warning: null };
}

/** Number of generated programs, and fragments (handlers, mostly) per program. */
const GENERATED = { programs: 300, fragments: 12, routeFiles: 2, routeFileLines: 2000 };

export async function generatedRow() {
  const jiti = createJiti(import.meta.url);
  const { generateProgram, generateRouteFile } = await jiti.import('./programs.ts');
  const files = [];
  for (let seed = 1; seed <= GENERATED.programs; seed += 1) {
    const program = generateProgram(seed, { realistic: true, fragments: GENERATED.fragments });
    files.push(entry(`/bench-generated/program-${seed}-${program.filename}`, program.code));
  }
  for (let index = 0; index < GENERATED.routeFiles; index += 1) {
    const typescript = index % 2 === 0;
    const code = generateRouteFile(GENERATED.routeFileLines, 2024 + index, typescript);
    files.push(entry(`/bench-generated/routes-${index}.${typescript ? 'ts' : 'js'}`, code));
  }
  const lines = files.reduce((sum, item) => sum + item.lines, 0);
  const packages = [
    {
      dir: `generateProgram(seed 1–${GENERATED.programs}, realistic, ${GENERATED.fragments} fragments) + ${GENERATED.routeFiles} × generateRouteFile(${GENERATED.routeFileLines})`,
      files: files.length,
      lines,
    },
  ];
  return { id: 'generated', title: 'Generated route-dense server files (bench/lib/programs.ts)', files, packages, warning: null };
}

export async function loadRow(id) {
  if (id === 'server') {
    return serverRow();
  }
  if (id === 'generated') {
    return generatedRow();
  }
  if (id === 'library') {
    return libraryRow();
  }
  throw new Error(`bench: unknown row ${id} (known: ${ROW_IDS.join(', ')})`);
}
