// Supply-chain hygiene of what we publish: the tarball holds only the build, the docs and
// metadata, and the package runs no install scripts on users' machines.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

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

// The `agent-guard` bin must load the rules from the plugin's own build (tsup.config.ts,
// pluginFromOwnBuild), not carry a second copy: the CLI requires ./index.cjs, and no rule's
// description or message text is in it.
const cli = readFileSync(new URL('../dist/cli.cjs', import.meta.url), 'utf8');
if (!/\brequire\((["'])\.\/index\.cjs\1\)/u.test(cli)) {
  problems.push("dist/cli.cjs does not require('./index.cjs'): the CLI must load the plugin's own build");
}
const plugin = createRequire(import.meta.url)('../dist/index.cjs');
for (const [name, rule] of Object.entries(plugin.rules)) {
  // Texts as they are written in the bundle's string literals (none with quotes or escapes).
  const texts = [rule.meta.docs?.description, ...Object.values(rule.meta.messages ?? {})].filter(
    (text) => typeof text === 'string' && text.length >= 20 && !/["'`\\\n]/u.test(text),
  );
  if (texts.length === 0) {
    problems.push(`rule ${name}: no description or message text to look for in dist/cli.cjs`);
  }
  const embedded = texts.filter((text) => cli.includes(text));
  if (embedded.length > 0) {
    problems.push(`dist/cli.cjs embeds code of rule ${name} ("${embedded[0].slice(0, 60)}…"); it must require ./index.cjs instead`);
  }
}

if (problems.length > 0) {
  console.error(problems.map((p) => `check-pack: ${p}`).join('\n'));
  process.exit(1);
}
console.log(
  `check-pack: ${pack.files.length} files, ${(pack.size / 1024).toFixed(0)} kB packed; no install scripts; ` +
    `dist/cli.cjs (${(cli.length / 1024).toFixed(0)} kB) requires the plugin's build and embeds no rule`,
);
