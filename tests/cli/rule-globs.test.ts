import { describe, expect, it } from 'vitest';

import { normalizeRuleIds } from '../../src/cli/args';
import { CliError } from '../../src/cli/errors';

const RULES = ['fetch-requires-timeout', 'no-sql-template-literal', 'no-stack-in-response', 'require-auth-gate-in-route'];

describe('--rule globs', () => {
  it('`agent-guard/*` and `*` select every rule of the plugin', () => {
    const every = RULES.map((rule) => `agent-guard/${rule}`);
    expect(normalizeRuleIds(['agent-guard/*'], RULES, false)).toEqual(every);
    expect(normalizeRuleIds(['*'], RULES, true)).toEqual(every);
  });

  it('match any characters where the star is, with or without the prefix, once each', () => {
    expect(normalizeRuleIds(['no-*', 'agent-guard/no-sql-*', '*-timeout'], RULES, false)).toEqual([
      'agent-guard/no-sql-template-literal',
      'agent-guard/no-stack-in-response',
      'agent-guard/fetch-requires-timeout',
    ]);
    // Regular-expression characters are literal.
    expect(() => normalizeRuleIds(['no-.*'], RULES, false)).toThrow(CliError);
  });

  it('that match nothing, or name another plugin, are a usage error', () => {
    expect(() => normalizeRuleIds(['agent-guard/nothing-*'], RULES, false)).toThrow(
      new CliError(
        '--rule "agent-guard/nothing-*" matches none of agent-guard\'s rules (fetch-requires-timeout, no-sql-template-literal, no-stack-in-response, require-auth-gate-in-route); globs select agent-guard\'s rules only',
      ),
    );
    expect(() => normalizeRuleIds(['react/*'], RULES, true)).toThrow(/globs select agent-guard's rules only/u);
  });
});
