import { createHash, randomBytes } from 'node:crypto';

/** A new key: `wfm_` + 8 visible prefix characters + `_` + the rest of a 32-byte secret. */
export function generateApiKey(): { key: string; prefix: string } {
  const secret = randomBytes(32).toString('base64url');
  const prefix = `wfm_${secret.slice(0, 8)}`;
  return { key: `${prefix}_${secret.slice(8)}`, prefix };
}

/** The visible prefix of a key, for identification in listings. */
export function prefixOf(key: string): string {
  return key.startsWith('wfm_') ? key.slice(0, 12) : key.slice(0, 6);
}

/** SHA-256 of the key (keys are 32 random bytes: no slow hash is needed). Only this is stored. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}
