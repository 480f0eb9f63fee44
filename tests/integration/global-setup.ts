import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import type { TestProject } from 'vitest/node';

const run = promisify(execFile);

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const REPO_MODULES = join(REPO_ROOT, 'node_modules');

/** The side-by-side installs from package.json (`eslint8`/`eslint9` are npm aliases). */
export const ESLINT_PACKAGE = { 8: 'eslint8', 9: 'eslint9', 10: 'eslint' } as const;

/** Entries of the repository's node_modules that a consumer's install would not have under these names. */
const NOT_LINKED = new Set(['.bin', '.cache', '.package-lock.json', 'eslint-plugin-agent-guard', ...Object.values(ESLINT_PACKAGE)]);

export interface IntegrationContext {
  /**
   * Temp directory (outside the repository, whose own eslint.config.ts ESLint would find) with:
   * - `eslint<major>/node_modules/`: a consumer install for one ESLint version, i.e. the unpacked
   *   tarball plus a symlink per package of the repository's node_modules, `eslint` pointing at the
   *   version under test; projects go to `eslint<major>/<name>/` and run with `--preserve-symlinks`
   *   so that typescript-eslint and the plugin load *that* ESLint, as in a real install;
   * - `minimal/node_modules/`: the unpacked tarball plus only its declared `dependencies`.
   */
  root: string;
  /** Files inside the packed tarball, as `npm pack --json` lists them. */
  packedFiles: string[];
}

declare module 'vitest' {
  export interface ProvidedContext {
    agentGuardIt: IntegrationContext;
  }
}

/** Config files ESLint would find by walking up from the projects: their presence would falsify results. */
async function assertNoConfigAbove(dir: string): Promise<void> {
  for (let current = dirname(dir); ; current = dirname(current)) {
    const names = await readdir(current).catch(() => [] as string[]);
    const found = names.find((entry) => /^(eslint\.config\.[cm]?[jt]s|\.eslintrc(\.\w+)?)$/u.test(entry));
    if (found) {
      throw new Error(`${join(current, found)} would be picked up by the fixture projects; remove it or set TMPDIR.`);
    }
    if (dirname(current) === current) {
      return;
    }
  }
}

async function link(target: string, path: string): Promise<void> {
  if (!existsSync(target)) {
    throw new Error(`${target} is not installed (run npm ci).`);
  }
  await mkdir(dirname(path), { recursive: true });
  await symlink(target, path, 'dir');
}

async function unpack(tarball: string, modulesDir: string): Promise<void> {
  const dir = join(modulesDir, 'eslint-plugin-agent-guard');
  await mkdir(dir, { recursive: true });
  await run('tar', ['-xzf', tarball, '-C', dir, '--strip-components=1']);
}

/**
 * Packs the built package once per run (`npm pack`, scripts off: `npm test` builds first) and
 * lays out the consumer installs described on {@link IntegrationContext}.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Another checkout can be tested with this repository's toolchain (handy while bisecting).
  const packageDir = resolve(process.env.AGENT_GUARD_IT_PACKAGE_DIR ?? REPO_ROOT);
  for (const file of ['dist/index.cjs', 'dist/index.mjs']) {
    if (!existsSync(join(packageDir, file))) {
      throw new Error(`${join(packageDir, file)} is missing: run \`npm run build\` first (\`npm test\` does).`);
    }
  }
  const root = await mkdtemp(join(tmpdir(), 'agent-guard-it-'));
  await assertNoConfigAbove(root);

  const { stdout } = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', root], {
    cwd: packageDir,
    maxBuffer: 16 * 1024 * 1024,
  });
  const [packed] = JSON.parse(stdout) as [{ filename: string; files: { path: string }[] }];
  const tarball = join(root, packed.filename);

  const repoEntries = (await readdir(REPO_MODULES)).filter((entry) => !NOT_LINKED.has(entry));
  for (const [major, eslintPackage] of Object.entries(ESLINT_PACKAGE)) {
    const modulesDir = join(root, `eslint${major}`, 'node_modules');
    await unpack(tarball, modulesDir);
    await link(join(REPO_MODULES, eslintPackage), join(modulesDir, 'eslint'));
    for (const entry of repoEntries) {
      await link(join(REPO_MODULES, entry), join(modulesDir, entry));
    }
  }

  const minimalModules = join(root, 'minimal', 'node_modules');
  await unpack(tarball, minimalModules);
  const manifest = JSON.parse(await readFile(join(minimalModules, 'eslint-plugin-agent-guard/package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  for (const name of Object.keys(manifest.dependencies ?? {})) {
    await link(join(REPO_MODULES, name), join(minimalModules, name));
  }

  project.provide('agentGuardIt', { root, packedFiles: packed.files.map((file) => file.path).sort() });

  return async () => {
    if (!process.env.AGENT_GUARD_IT_KEEP) {
      await rm(root, { recursive: true, force: true });
    }
  };
}
