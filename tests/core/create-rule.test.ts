import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import { createRule } from '../../src/core/create-rule';

type Options = [{ names?: string[]; strict?: boolean }];

/** A rule that records the options its `create` receives, file by file. */
function recordingRule() {
  const seen: Readonly<Options>[] = [];
  const rule = createRule<Options, 'found'>({
    name: 'recording',
    meta: {
      type: 'problem',
      docs: { description: 'Records its options.', recommended: false },
      messages: { found: 'found' },
      schema: [
        {
          type: 'object',
          additionalProperties: false,
          properties: { names: { type: 'array', items: { type: 'string' } }, strict: { type: 'boolean' } },
        },
      ],
      defaultOptions: [{ names: ['a'], strict: false }],
    },
    create(_context, options) {
      seen.push(options);
      return {};
    },
  });
  return { rule, seen };
}

function lintTwice(ruleConfig: Linter.RuleEntry, rule: ReturnType<typeof recordingRule>['rule']): void {
  const linter = new Linter({ configType: 'flat' });
  const config = [{ plugins: { t: { rules: { recording: rule as never } } }, rules: { 't/recording': ruleConfig } }];
  linter.verify('a();', config, 'one.js');
  linter.verify('b();', config, 'two.js');
}

describe('createRule', () => {
  it('merges meta.defaultOptions once per option set and hands every file the same frozen object', () => {
    const { rule, seen } = recordingRule();
    lintTwice(['warn', { strict: true }], rule);
    expect(seen).toHaveLength(2);
    expect(seen[0]).toEqual([{ names: ['a'], strict: true }]);
    expect(seen[1]).toBe(seen[0]);
    expect(Object.isFrozen(seen[0]![0])).toBe(true);
    expect(Object.isFrozen(seen[0]![0].names)).toBe(true);
  });

  it('uses the defaults for a rule configured by severity alone', () => {
    const { rule, seen } = recordingRule();
    lintTwice('warn', rule);
    expect(seen[0]).toEqual([{ names: ['a'], strict: false }]);
    expect(seen[1]).toBe(seen[0]);
  });

  it('keeps option sets apart', () => {
    const { rule, seen } = recordingRule();
    lintTwice(['warn', { names: ['x'] }], rule);
    lintTwice(['warn', { names: ['y'] }], rule);
    expect(seen.map((options) => options[0].names)).toEqual([['x'], ['x'], ['y'], ['y']]);
  });
});
