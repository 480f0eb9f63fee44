/** @type {import('eslint-doc-generator').GenerateOptions} */
const config = {
  ignoreConfig: ['legacy-recommended', 'legacy-strict'],
  configEmoji: [
    ['recommended', '✅'],
    ['strict', '🔒'],
  ],
  ruleDocTitleFormat: 'desc-parens-prefix-name',
  ruleDocSectionInclude: ['Rule Details', 'Examples', 'Options', 'When Not To Use It', 'Further Reading'],
  ruleListColumns: ['name', 'description', 'configsError', 'configsWarn', 'hasSuggestions'],
  urlConfigs: 'https://github.com/agent-guard/eslint-plugin-agent-guard#usage',
};

export default config;
