// Opaque keyset cursors: the client passes back what it was given and never builds one itself.
import { InvalidInputError } from './errors.js';

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

export function encodeCursor(lastId: number): string {
  return Buffer.from(`id:${lastId}`).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): number {
  if (!cursor) return 0;
  const match = /^id:(\d{1,12})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match)
    throw new InvalidInputError('cursor is not one this server issued', [
      { field: 'cursor', message: 'malformed cursor' },
    ]);
  return Number(match[1]);
}

/** Builds a page from `limit + 1` fetched rows, so "is there more" costs no extra query. */
export function pageOf<R extends { id: number }, T>(
  rows: R[],
  limit: number,
  present: (row: R) => T,
): Page<T> {
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  return { items: kept.map(present), next_cursor: more ? encodeCursor(kept[kept.length - 1]!.id) : null };
}
