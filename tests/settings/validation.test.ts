import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import plugin from '../../index';
import { setSettingsWarningSink } from '../../src/core/settings';

/**
 * Typos in `settings['agent-guard']` (docs/settings.md): plain ESLint runs the plugin, and the
 * first rule that reads the settings reports each problem once, however many files are linted;
 * the lint goes on, with wrong-typed entries ignored, and other plugins' settings are not ours.
 */
const FILES = ['a.js', 'b.js', 'c.js'];
const SOURCE = `export async function load(url) {
  return fetch(url);
}
export function find(id) {
  return fetchRows(\`SELECT * FROM users WHERE id = \${id}\`);
}
`;

function lintAll(settings: Record<string, unknown>): { warnings: string[]; rules: (string | null)[][] } {
  const warnings: string[] = [];
  const restore = setSettingsWarningSink((message) => warnings.push(message));
  try {
    const linter = new Linter({ configType: 'flat' });
    const config = [{ ...plugin.configs.recommended, settings }] as Linter.Config[];
    const rules = FILES.map((filename) => linter.verify(SOURCE, config, { filename }).map((message) => message.ruleId));
    return { warnings, rules };
  } finally {
    restore();
  }
}

describe('settings validation through ESLint', () => {
  it('warns once per problem for a whole run, and lints every file with what is valid', () => {
    const { warnings, rules } = lintAll({
      'agent-guard': { htp: { clients: ['apiFetch'] }, sql: { sinks: ['fetchRows', 42], sink: ['other'] } },
      'import/resolver': { node: true },
    });
    expect(warnings).toEqual([
      "settings['agent-guard'].htp is not a setting of agent-guard (ignored); did you mean http?",
      "settings['agent-guard'].sql.sinks[1] should be a string (a name or 'module#export'), not a number (ignored)",
      "settings['agent-guard'].sql.sink is not a setting of agent-guard (ignored); did you mean sql.sinks?",
    ]);
    // `fetchRows` (the valid entry) is a sink: the SQL finding is there in every file.
    for (const fileRules of rules) {
      expect(fileRules).toEqual(['agent-guard/fetch-requires-timeout', 'agent-guard/no-sql-template-literal']);
    }
  });

  it('says nothing for valid settings and for other plugins’ settings', () => {
    const { warnings, rules } = lintAll({ 'agent-guard': { sql: { sinks: ['fetchRows'] } }, react: { version: 'detect' } });
    expect(warnings).toEqual([]);
    expect(rules[0]).toEqual(['agent-guard/fetch-requires-timeout', 'agent-guard/no-sql-template-literal']);
    // Without the setting `fetchRows` is no query function: the findings above come from the valid entry.
    expect(lintAll({}).rules[0]).toEqual(['agent-guard/fetch-requires-timeout']);
  });
});
