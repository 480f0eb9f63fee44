// One config reaching the plugin through `import` and through `require`: ESLint only
// accepts this when both hand out the same plugin object ("Cannot redefine plugin" otherwise).
import { createRequire } from 'node:module';

import agentGuard from 'eslint-plugin-agent-guard';

const require = createRequire(import.meta.url);
const agentGuardFromRequire = require('eslint-plugin-agent-guard');

export default [
  agentGuard.configs.recommended,
  {
    files: ['**/*.cjs'],
    plugins: { 'agent-guard': agentGuardFromRequire },
    rules: { 'agent-guard/fetch-requires-timeout': 'warn' },
  },
];
