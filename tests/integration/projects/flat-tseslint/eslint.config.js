// The README's typescript-eslint set-up.
import agentGuard from 'eslint-plugin-agent-guard';
import tseslint from 'typescript-eslint';

export default tseslint.config(...tseslint.configs.recommended, agentGuard.configs.recommended);
