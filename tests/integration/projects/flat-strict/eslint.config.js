import agentGuard from 'eslint-plugin-agent-guard';

export default [agentGuard.configs.strict];
