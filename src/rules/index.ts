import fetchRequiresTimeout from './fetch-requires-timeout';
import noSqlTemplateLiteral from './no-sql-template-literal';
import noUnsanitizedFsPath from './no-unsanitized-fs-path';

/** Every rule of the plugin by name, alphabetical (tests/plugin.test.ts checks it against src/rules/). */
export const rules = {
  'fetch-requires-timeout': fetchRequiresTimeout,
  'no-sql-template-literal': noSqlTemplateLiteral,
  'no-unsanitized-fs-path': noUnsanitizedFsPath,
};
