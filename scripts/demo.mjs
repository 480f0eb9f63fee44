// `npm run demo`: lint the bundled example app with the built plugin's recommended config.
// Findings are the expected result here, so the exit code is 0 whenever the lint itself ran;
// it is non-zero only when something broke (a crash, a file that does not parse).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';

import agentGuard from '../dist/index.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = process.argv[2] ?? 'examples';

const eslint = new ESLint({
  cwd: root,
  // The demo stands alone: the repository's own eslint.config.ts is not consulted.
  overrideConfigFile: true,
  overrideConfig: [
    { files: ['**/*.{js,mjs,cjs,jsx,ts,tsx,mts,cts}'] },
    { files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parser: tsParser } },
    agentGuard.configs.recommended,
  ],
});

let results;
try {
  results = await eslint.lintFiles([target]);
} catch (error) {
  console.error(`demo: the lint run failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(2);
}

const formatter = await eslint.loadFormatter('stylish');
process.stdout.write(await formatter.format(results));

const perRule = new Map(Object.keys(agentGuard.configs.recommended.rules).map((id) => [id, { count: 0, files: new Set() }]));
let fatal = 0;
for (const result of results) {
  for (const message of result.messages) {
    if (message.fatal || !message.ruleId) {
      fatal++;
      continue;
    }
    const entry = perRule.get(message.ruleId);
    if (entry) {
      entry.count++;
      entry.files.add(result.filePath);
    }
  }
}

console.log(`agent-guard ${agentGuard.meta.version}: linted ${results.length} files under ${target}/ with configs.recommended`);
for (const [id, { count, files }] of perRule) {
  console.log(`  ${id}: ${count} finding${count === 1 ? '' : 's'} in ${files.size} file${files.size === 1 ? '' : 's'}`);
}
if (fatal > 0) {
  console.error(`demo: ${fatal} file(s) could not be parsed or linted; see above.`);
  process.exit(2);
}
