import fs from 'node:fs';
import path from 'node:path';

import { afterAll, beforeEach, describe, expect, it } from 'vitest';

import { nearestTsconfig, resolveModule, resolverAvailable } from '../../src/project/resolve';
import { clearProjectCaches } from '../../src/project/settings';
import { workspacePackages } from '../../src/project/workspaces';
import { copyFixture, fixture } from './helpers';

beforeEach(() => clearProjectCaches());

const main = fixture('app/src/main.ts');

describe('resolveModule: relative paths', () => {
  it('loads the native resolver', () => {
    expect(resolverAvailable()).toBe(true);
  });

  it('probes extensions and index files', () => {
    expect(resolveModule(main, './util')).toBe(fixture('app/src/util.ts'));
    expect(resolveModule(main, './util.ts')).toBe(fixture('app/src/util.ts'));
    expect(resolveModule(main, './helpers')).toBe(fixture('app/src/helpers/index.ts'));
    expect(resolveModule(main, './view')).toBe(fixture('app/src/view.tsx'));
    expect(resolveModule(main, './esm-only')).toBe(fixture('app/src/esm-only.mts'));
    expect(resolveModule(main, './legacy.cjs')).toBe(fixture('app/src/legacy.cjs'));
    expect(resolveModule(main, './config')).toBe(fixture('app/src/config.js'));
    expect(resolveModule(fixture('app/src/lib/auth.ts'), '../util')).toBe(fixture('app/src/util.ts'));
  });

  it('maps a .js/.mjs/.jsx written for a TypeScript file to it', () => {
    expect(resolveModule(main, './util.js')).toBe(fixture('app/src/util.ts'));
    expect(resolveModule(main, './helpers/index.js')).toBe(fixture('app/src/helpers/index.ts'));
    expect(resolveModule(main, './view.js')).toBe(fixture('app/src/view.tsx'));
    expect(resolveModule(main, './esm-only.mjs')).toBe(fixture('app/src/esm-only.mts'));
  });

  it('answers null for what is not a project source file', () => {
    expect(resolveModule(main, './missing')).toBe(null);
    expect(resolveModule(main, './utils/data.json')).toBe(null);
    expect(resolveModule(main, './types')).toBe(null);
  });
});

describe('resolveModule: tsconfig, jsconfig and package imports', () => {
  it('follows paths inherited through extends (with comments and trailing commas) and the config’s own paths', () => {
    expect(resolveModule(main, '@/lib/auth')).toBe(fixture('app/src/lib/auth.ts'));
    expect(resolveModule(main, '@/helpers')).toBe(fixture('app/src/helpers/index.ts'));
    expect(resolveModule(main, '~auth')).toBe(fixture('app/src/lib/auth.ts'));
  });

  it('follows baseUrl', () => {
    expect(resolveModule(main, 'src/util')).toBe(fixture('app/src/util.ts'));
  });

  it('finds the nearest tsconfig, else jsconfig', () => {
    expect(nearestTsconfig(fixture('app/src/lib'))).toBe(fixture('app/tsconfig.json'));
    expect(nearestTsconfig(fixture('js/lib'))).toBe(fixture('js/jsconfig.json'));
    expect(resolveModule(fixture('js/index.js'), '@lib/db')).toBe(fixture('js/lib/db.js'));
    // One config's paths never answer for another config's files.
    expect(resolveModule(main, '@lib/db')).toBe(null);
  });

  it('takes settings tsconfig for every file', () => {
    const settings = { 'agent-guard': { project: { tsconfig: 'tests/fixtures/resolution/app/tsconfig.alt.json' } } };
    expect(resolveModule(main, '@alt/auth', settings)).toBe(fixture('app/src/lib/auth.ts'));
    expect(resolveModule(main, '@alt/auth')).toBe(null);
    // The nearest config's paths do not leak into the other's answers, nor back.
    expect(resolveModule(main, '@/lib/auth')).toBe(fixture('app/src/lib/auth.ts'));
    expect(resolveModule(main, '@/lib/auth', settings)).toBe(null);
  });

  it('follows package.json imports', () => {
    expect(resolveModule(main, '#lib/auth')).toBe(fixture('app/src/lib/auth.ts'));
    expect(resolveModule(main, '#config')).toBe(fixture('app/src/config.js'));
    expect(resolveModule(main, '#nope')).toBe(null);
  });

  it('drops a tsconfig that is not JSON, keeping relative resolution', () => {
    expect(resolveModule(fixture('broken/src/a.ts'), './b')).toBe(fixture('broken/src/b.ts'));
    expect(resolveModule(fixture('broken/src/a.ts'), '@/b')).toBe(null);
  });

  it('keeps the paths of a tsconfig whose extends is missing, as TypeScript does', () => {
    expect(resolveModule(fixture('broken-extends/src/a.ts'), './b')).toBe(fixture('broken-extends/src/b.ts'));
    expect(resolveModule(fixture('broken-extends/src/a.ts'), '@/b')).toBe(fixture('broken-extends/src/b.ts'));
    expect(resolveModule(fixture('broken-extends/src/a.ts'), '@/missing')).toBe(null);
  });
});

describe('resolveModule: a tsconfig oxc-resolver cannot load, read leniently', () => {
  const route = fixture('lenient/apps/web/app/route.ts');

  it('applies `paths` without `baseUrl` (from the config folder), comments and trailing commas included', () => {
    expect(resolveModule(route, '@/utils/auth')).toBe(fixture('lenient/apps/web/utils/auth.ts'));
    expect(resolveModule(route, '@/lib/other')).toBe(fixture('lenient/apps/web/lib/other.ts'));
    expect(resolveModule(route, './route')).toBe(route);
  });

  it('prefers an exact pattern to a wildcard one', () => {
    expect(resolveModule(route, '@/lib/special')).toBe(fixture('lenient/apps/web/lib/special-impl.ts'));
  });

  it('answers null for what the paths do not reach, and for packages that are not there', () => {
    expect(resolveModule(route, '@/utils/none')).toBe(null);
    expect(resolveModule(route, '@acme/not-installed')).toBe(null);
  });

  it('inherits paths from the bases that resolve, relative to the base that sets them', () => {
    expect(resolveModule(fixture('lenient/apps/jobs/src/index.ts'), '~shared/util')).toBe(fixture('lenient/packages/tsconfig/shared/util.ts'));
  });

  it('resolves from baseUrl, which inherited paths are then relative to', () => {
    const main = fixture('lenient/apps/api/src/main.ts');
    expect(resolveModule(main, 'db')).toBe(fixture('lenient/apps/api/src/db.ts'));
    expect(resolveModule(main, '~shared/util')).toBe(null);
  });
});

describe('resolveModule: SvelteKit $lib before `svelte-kit sync`', () => {
  const page = fixture('kit/src/routes/articles/+page.server.js');

  it('maps $lib to src/lib of a package that depends on @sveltejs/kit, with extension and index probing', () => {
    expect(resolveModule(page, '$lib/api.js')).toBe(fixture('kit/src/lib/api.js'));
    expect(resolveModule(page, '$lib')).toBe(fixture('kit/src/lib/index.js'));
    expect(resolveModule(page, '$lib/server/session')).toBe(fixture('kit/src/lib/server/session.ts'));
  });

  it('leaves $lib alone elsewhere, and names that only start with it', () => {
    expect(resolveModule(main, '$lib/auth')).toBe(null);
    expect(resolveModule(page, '$library/api.js')).toBe(null);
    expect(resolveModule(page, '$lib/missing.js')).toBe(null);
  });
});

describe('resolveModule: builtins, packages and bad input', () => {
  it('answers null for builtins', () => {
    for (const specifier of ['fs', 'node:fs', 'fs/promises', 'node:test', 'path']) {
      expect(resolveModule(main, specifier), specifier).toBe(null);
    }
  });

  it('never resolves into an installed package', () => {
    // Installed in this repository's node_modules, above the fixture.
    expect(resolveModule(main, 'typescript')).toBe(null);
    expect(resolveModule(main, '@typescript-eslint/parser')).toBe(null);
    expect(resolveModule(main, 'not-installed-anywhere')).toBe(null);
  });

  it('never throws on garbage', () => {
    expect(resolveModule('src/main.ts', './util')).toBe(null);
    expect(resolveModule(main, '')).toBe(null);
    expect(resolveModule(main, './\0util')).toBe(null);
    expect(resolveModule(main, 'https://example.com/x.js')).toBe(null);
    expect(resolveModule(main, 'data:text/javascript,export{}')).toBe(null);
    expect(resolveModule(null as never, './util')).toBe(null);
    expect(resolveModule(main, 42 as never)).toBe(null);
    expect(resolveModule('/does/not/exist/file.ts', './x')).toBe(null);
  });

  it('answers null when cross-file analysis is off', () => {
    expect(resolveModule(main, './util', { 'agent-guard': { project: { crossFile: false } } })).toBe(null);
    expect(resolveModule(main, './util', { settings: { 'agent-guard': { project: { crossFile: false } } } })).toBe(null);
  });

  it('memoises per directory and specifier', () => {
    const dir = copyFixture('app');
    const from = path.join(dir, 'src/main.ts');
    expect(resolveModule(from, './util')).toBe(path.join(dir, 'src/util.ts'));
    fs.rmSync(path.join(dir, 'src/util.ts'));
    expect(resolveModule(path.join(dir, 'src/other.ts'), './util')).toBe(path.join(dir, 'src/util.ts'));
    clearProjectCaches();
    expect(resolveModule(from, './util')).toBe(null);
  });
});

describe('resolveModule: workspace packages', () => {
  const temps: string[] = [];
  afterAll(() => {
    for (const dir of temps) {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  /** The monorepo installed as pnpm does it: workspace packages linked, a third-party package in the store. */
  function installed(): string {
    const dir = copyFixture('monorepo');
    temps.push(dir);
    fs.mkdirSync(path.join(dir, 'node_modules/@acme'), { recursive: true });
    fs.symlinkSync('../../packages/trpc', path.join(dir, 'node_modules/@acme/trpc'), 'dir');
    fs.symlinkSync('../../packages/ui', path.join(dir, 'node_modules/@acme/ui'), 'dir');
    fs.mkdirSync(path.join(dir, 'node_modules/.pnpm/zod@3/node_modules/zod'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'node_modules/.pnpm/zod@3/node_modules/zod/package.json'), '{"name":"zod","main":"index.js"}');
    fs.writeFileSync(path.join(dir, 'node_modules/.pnpm/zod@3/node_modules/zod/index.js'), 'exports.z = {};');
    fs.symlinkSync('.pnpm/zod@3/node_modules/zod', path.join(dir, 'node_modules/zod'), 'dir');
    return dir;
  }

  it('follows node_modules links to the workspace folder, honouring exports, and prefers src over a built dist', () => {
    const dir = installed();
    const page = path.join(dir, 'apps/web/src/page.ts');
    expect(resolveModule(page, '@acme/trpc/server/trpc')).toBe(path.join(dir, 'packages/trpc/src/server/trpc.ts'));
    expect(resolveModule(page, '@acme/trpc')).toBe(path.join(dir, 'packages/trpc/src/index.ts'));
    expect(resolveModule(page, '@acme/ui')).toBe(path.join(dir, 'packages/ui/src/index.ts'));
    expect(resolveModule(page, '@acme/trpc/not-exported')).toBe(null);
    expect(resolveModule(page, 'zod')).toBe(null);
    expect(resolveModule(page, '~/server/auth')).toBe(path.join(dir, 'apps/web/src/server/auth.ts'));
  });

  it('falls back to the pnpm-workspace.yaml globs when nothing is linked', () => {
    const page = fixture('monorepo/apps/web/src/page.ts');
    expect(workspacePackages(fixture('monorepo'))).toEqual(
      new Map([
        ['@acme/trpc', fixture('monorepo/packages/trpc')],
        ['@acme/ui', fixture('monorepo/packages/ui')],
        ['web', fixture('monorepo/apps/web')],
      ]),
    );
    expect(resolveModule(page, '@acme/trpc/server/trpc')).toBe(fixture('monorepo/packages/trpc/src/server/trpc.ts'));
    expect(resolveModule(page, '@acme/trpc')).toBe(fixture('monorepo/packages/trpc/src/index.ts'));
    expect(resolveModule(page, '@acme/ui')).toBe(fixture('monorepo/packages/ui/src/index.ts'));
    expect(resolveModule(page, '@acme/unknown')).toBe(null);
    expect(resolveModule(page, 'zod')).toBe(null);
  });

  it('falls back to package.json workspaces (array or object form)', () => {
    for (const workspaces of [['packages/*', 'apps/**'], { packages: ['packages/*'] }]) {
      const dir = copyFixture('monorepo');
      temps.push(dir);
      fs.rmSync(path.join(dir, 'pnpm-workspace.yaml'));
      fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'acme', private: true, workspaces }));
      expect(resolveModule(path.join(dir, 'apps/web/src/page.ts'), '@acme/trpc/server/trpc')).toBe(path.join(dir, 'packages/trpc/src/server/trpc.ts'));
    }
  });
});
