// Dependency audit for CI: runtime dependencies must have no high or critical advisories;
// the full report (dev dependencies included) is printed for information.
// Where the registry does not serve the audit endpoint, say so plainly instead of passing silently.
import { spawnSync } from 'node:child_process';

function audit(args) {
  const run = spawnSync('npm', ['audit', '--json', ...args], { encoding: 'utf8' });
  try {
    return JSON.parse(run.stdout);
  } catch {
    return { error: { summary: (run.stderr || run.stdout || 'no output').trim().split('\n').at(-1) } };
  }
}

const runtime = audit(['--omit=dev']);
if (!runtime.metadata) {
  const reason = runtime.message ?? runtime.error?.summary ?? runtime.error?.code ?? 'no report';
  console.warn(`audit: NOT CHECKED, the registry's audit endpoint is unavailable (${reason}).`);
  process.exit(0);
}
const counts = runtime.metadata?.vulnerabilities ?? {};
const full = audit([]);
const fullCounts = full.metadata?.vulnerabilities ?? {};
console.log(`audit: runtime dependencies ${JSON.stringify(counts)}; all dependencies ${JSON.stringify(fullCounts)}`);
for (const [name, advisory] of Object.entries(full.vulnerabilities ?? {})) {
  console.log(`  ${advisory.severity.padEnd(8)} ${name}${advisory.isDirect ? ' (direct)' : ''}`);
}
if ((counts.high ?? 0) + (counts.critical ?? 0) > 0) {
  console.error('audit: runtime dependencies have high or critical advisories');
  process.exit(1);
}
