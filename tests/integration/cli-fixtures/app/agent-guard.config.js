// The project's own flat config, for `agent-guard --config agent-guard.config.js`: JS files only,
// with the timeout rule lowered to a warning, and a core rule of the project's own (func-style),
// which the command reports only when --rule names it.
import agentGuard from 'eslint-plugin-agent-guard';

export default [agentGuard.configs.recommended, { rules: { 'agent-guard/fetch-requires-timeout': 'warn', 'func-style': ['error', 'expression'] } }];
