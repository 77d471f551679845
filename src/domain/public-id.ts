// IGSN-style stable public identifiers. Derived from the natural key, so a re-import or the other
// engine gives the same id, and a borehole's boxes and samples carry their parent's key.
import { createHash } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford base32: no I, L, O, U

export type PublicIdKind = 'borehole' | 'box' | 'sample' | 'catalog';
const PREFIX: Record<PublicIdKind, string> = { borehole: 'CSB', box: 'CSX', sample: 'CSS', catalog: 'CSC' };

/** 12 base32 characters (60 bits) of SHA-256 over the parts; collisions are caught by UNIQUE. */
export function publicId(kind: PublicIdKind, ...naturalKey: string[]): string {
  const digest = createHash('sha256').update(naturalKey.join('\u001f')).digest();
  let bits = 0n;
  for (let i = 0; i < 8; i++) bits = (bits << 8n) | BigInt(digest[i] ?? 0);
  let out = '';
  for (let i = 0; i < 12; i++) {
    out += ALPHABET[Number((bits >> BigInt(64 - 5 * (i + 1))) & 31n)];
  }
  return PREFIX[kind] + out;
}

export function isPublicId(value: string): boolean {
  return /^CS[BXSC][0-9A-HJKMNP-TV-Z]{12}$/.test(value);
}
