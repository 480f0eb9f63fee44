// The plain set-up, written as CommonJS.
const agentGuard = require('eslint-plugin-agent-guard');

module.exports = [agentGuard.configs.recommended];
