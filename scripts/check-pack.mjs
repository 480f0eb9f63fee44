// Supply-chain hygiene of what we publish: the tarball holds only the build, the docs and
// metadata, and the package runs no install scripts on users' machines.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const problems = [];

for (const hook of ['preinstall', 'install', 'postinstall', 'prepare']) {
  if (pkg.scripts?.[hook]) {
    problems.push(`package.json has a "${hook}" script; the package must not run code on install`);
  }
}

const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' }));
const allowed = /^(dist\/|docs\/|package\.json$|README\.md$|LICENSE$|CHANGELOG\.md$)/u;
for (const { path } of pack.files) {
  if (!allowed.test(path)) {
    problems.push(`unexpected file in the package: ${path}`);
  }
}
for (const required of ['dist/index.cjs', 'dist/cli.cjs', 'dist/index.mjs', 'dist/index.d.cts', 'dist/index.d.mts', 'LICENSE']) {
  if (!pack.files.some((file) => file.path === required)) {
    problems.push(`missing from the package: ${required}`);
  }
}

if (problems.length > 0) {
  console.error(problems.map((p) => `check-pack: ${p}`).join('\n'));
  process.exit(1);
}
console.log(`check-pack: ${pack.files.length} files, ${(pack.size / 1024).toFixed(0)} kB packed; no install scripts`);
