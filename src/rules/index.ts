import fetchRequiresTimeout from './fetch-requires-timeout';
import noUnsanitizedFsPath from './no-unsanitized-fs-path';

/** Every rule of the plugin by name, alphabetical (tests/plugin.test.ts checks it against src/rules/). */
export const rules = {
  'fetch-requires-timeout': fetchRequiresTimeout,
  'no-unsanitized-fs-path': noUnsanitizedFsPath,
};
