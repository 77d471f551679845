// IGSN-style stable public identifiers. Derived from the natural key, so a re-import or the other
// engine gives the same id, and a borehole's boxes and samples carry their parent's key.
import { hash } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford base32: no I, L, O, U

export type PublicIdKind = 'borehole' | 'box' | 'sample' | 'catalog';
const PREFIX: Record<PublicIdKind, string> = { borehole: 'CSB', box: 'CSX', sample: 'CSS', catalog: 'CSC' };
const PREFIX_CODES = Object.fromEntries(
  Object.entries(PREFIX).map(([kind, prefix]) => [kind, Array.from(prefix, (c) => c.charCodeAt(0))]),
) as Record<PublicIdKind, number[]>;
const DIGIT = Array.from(ALPHABET, (c) => c.charCodeAt(0));

/** 12 base32 characters (60 bits) of SHA-256 over the parts; collisions are caught by UNIQUE. */
export function publicId(kind: PublicIdKind, ...naturalKey: string[]): string {
  // Imports call this per row: a one-shot hash, its digest as a one-byte string (a character per
  // byte: cheaper to make than hex), and the id made as one flat string (a third less time than
  // slices and concatenations).
  const digest = hash('sha256', naturalKey.join('\u001f'), 'binary');
  const byte = (i: number) => digest.charCodeAt(i);
  // The digest's first 60 bits in three runs of 20.
  const a = (byte(0) << 12) | (byte(1) << 4) | (byte(2) >>> 4);
  const b = ((byte(2) & 15) << 16) | (byte(3) << 8) | byte(4);
  const c = (byte(5) << 12) | (byte(6) << 4) | (byte(7) >>> 4);
  const p = PREFIX_CODES[kind];
  return String.fromCharCode(
    p[0]!,
    p[1]!,
    p[2]!,
    DIGIT[(a >>> 15) & 31]!,
    DIGIT[(a >>> 10) & 31]!,
    DIGIT[(a >>> 5) & 31]!,
    DIGIT[a & 31]!,
    DIGIT[(b >>> 15) & 31]!,
    DIGIT[(b >>> 10) & 31]!,
    DIGIT[(b >>> 5) & 31]!,
    DIGIT[b & 31]!,
    DIGIT[(c >>> 15) & 31]!,
    DIGIT[(c >>> 10) & 31]!,
    DIGIT[(c >>> 5) & 31]!,
    DIGIT[c & 31]!,
  );
}

export function isPublicId(value: string): boolean {
  return /^CS[BXSC][0-9A-HJKMNP-TV-Z]{12}$/.test(value);
}
