import { setSettingsWarningSink } from '../../src/core/settings';

/**
 * Unit tests pass malformed `settings['agent-guard']` on purpose (rules must ignore them); the
 * warnings those produce would be process warnings in the test output. This setup file
 * (vitest.config.ts `setupFiles`) sends them nowhere; tests that assert warnings install their
 * own sink with `setSettingsWarningSink`, and tests/core/settings.test.ts checks the default one.
 */
setSettingsWarningSink(() => {});
