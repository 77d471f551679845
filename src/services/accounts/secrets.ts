// Random secrets and their hashes. Only hashes are stored, so a copy of the database opens nothing.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const BASE32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 256 random bits as base64url text: session cookies, e-mail links, API tokens. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A random public id such as CSU4G7KQ2M9XT1B (prefix + 12 Crockford base32 characters). */
export function randomPublicId(prefix: string): string {
  let out = prefix;
  for (const b of randomBytes(12)) out += BASE32[b & 31];
  return out;
}

/** Equal-time comparison, so a guessed CSRF token reveals nothing through timing. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
