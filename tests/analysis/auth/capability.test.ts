import { describe, expect, it } from 'vitest';

import { isSecretName } from '../../../src/analysis/auth/capability';

describe('isSecretName', () => {
  it.each(['token', 'inviteToken', 'share_token', 'resetToken', 'refreshToken', 'secret', 'otp', 'signature', 'sig', 'nonce', 'code', 'inviteCode', 'verificationCode', 'hash', 'tokenHash', 'accessKey', 'apiKey', 'x-api-key', 'shareKey'])(
    '%s is a secret',
    (name) => {
      expect(isSecretName(name)).toBe(true);
    },
  );

  it.each(['id', 'slug', 'uuid', 'inviteId', 'tokenId', 'key', 'cacheKey', 'challengeKey', 'countryCode', 'postalCode', 'pushToken', 'deviceToken', 'fcmToken', 'nextToken', 'pageToken', 'csrfToken', 'fileHash', 'email', 'name'])(
    '%s is not a secret',
    (name) => {
      expect(isSecretName(name)).toBe(false);
    },
  );
});
