// IGSN-style stable public identifiers. Derived from the natural key, so a re-import or the other
// engine gives the same id, and a borehole's boxes and samples carry their parent's key.
import { hash } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford base32: no I, L, O, U

export type PublicIdKind = 'borehole' | 'box' | 'sample' | 'catalog';
const PREFIX: Record<PublicIdKind, string> = { borehole: 'CSB', box: 'CSX', sample: 'CSS', catalog: 'CSC' };

/** 12 base32 characters (60 bits) of SHA-256 over the parts; collisions are caught by UNIQUE. */
export function publicId(kind: PublicIdKind, ...naturalKey: string[]): string {
  // One-shot hash and 20-bit slices of the hex digest: imports call this per row, so no BigInt.
  const hex = hash('sha256', naturalKey.join('\u001f'), 'hex');
  let out = PREFIX[kind];
  for (let k = 0; k < 15; k += 5) {
    const v = parseInt(hex.slice(k, k + 5), 16);
    out +=
      ALPHABET[(v >>> 15) & 31]! + ALPHABET[(v >>> 10) & 31]! + ALPHABET[(v >>> 5) & 31]! + ALPHABET[v & 31]!;
  }
  return out;
}

export function isPublicId(value: string): boolean {
  return /^CS[BXSC][0-9A-HJKMNP-TV-Z]{12}$/.test(value);
}
