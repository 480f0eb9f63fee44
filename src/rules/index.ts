import fetchRequiresTimeout from './fetch-requires-timeout';
import noCommandInjection from './no-command-injection';
import noHardcodedSecrets from './no-hardcoded-secrets';
import noSqlTemplateLiteral from './no-sql-template-literal';
import noSsrf from './no-ssrf';
import noStackInResponse from './no-stack-in-response';
import noUnsanitizedFsPath from './no-unsanitized-fs-path';
import requireAuthGateInRoute from './require-auth-gate-in-route';

/** Every rule of the plugin by name, alphabetical (tests/plugin.test.ts checks it against src/rules/). */
export const rules = {
  'fetch-requires-timeout': fetchRequiresTimeout,
  'no-command-injection': noCommandInjection,
  'no-hardcoded-secrets': noHardcodedSecrets,
  'no-sql-template-literal': noSqlTemplateLiteral,
  'no-ssrf': noSsrf,
  'no-stack-in-response': noStackInResponse,
  'no-unsanitized-fs-path': noUnsanitizedFsPath,
  'require-auth-gate-in-route': requireAuthGateInRoute,
};
