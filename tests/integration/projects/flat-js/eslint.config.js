// The plain set-up the README shows: no parser, no `files`.
import agentGuard from 'eslint-plugin-agent-guard';

export default [agentGuard.configs.recommended];
