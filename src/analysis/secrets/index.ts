/** Secrets engine: provider token formats found in string text. The public face of `analysis/secrets/`: rules import from here. */
export { findProviderTokens, looksRandom, MIN_PROVIDER_TOKEN_LENGTH, PROVIDER_TOKEN_FORMATS } from './provider-tokens';
export type { ProviderTokenMatch, ProviderTokenOptions } from './provider-tokens';
// Credential sinks, compile-time strings, client-bundle variables and generic secrets (no-hardcoded-secrets).
export { findSecretSinkUses, parseSecretSinkSpec, secretSinkMap } from './sinks';
export type { SecretSinkMap, SecretSinkUse } from './sinks';
export { compileTimeStrings, compileTimeStringsAt, envReadName, isEnvObject } from './literals';
export type { SecretLiteral } from './literals';
export { clientEnvPrefixes, exposedSecretPrefix, isServerOnlyName, mentionsClientEnv } from './client-env';
export type { ClientEnvPrefixes } from './client-env';
export { isSecretName, looksLikeGenericSecret, MIN_GENERIC_SECRET_ENTROPY, MIN_GENERIC_SECRET_LENGTH, shannonEntropy } from './generic';
