import { describe, expect, it } from 'vitest';
import { CodeLookup } from '../../../src/services/import/importer-kit.js';
import type { BulkSession } from '../../../src/store/bulk.js';

/** A session whose store knows custodians A (1) and B (2), and records what it was asked. */
function fakeSession(asked: string[][]): BulkSession {
  const ids = new Map([
    ['A', 1],
    ['B', 2],
  ]);
  return {
    findCodes: async (_table: string, codes: readonly string[]) => {
      asked.push([...codes]);
      return new Map(codes.filter((c) => ids.has(c)).map((c) => [c, ids.get(c)!]));
    },
  } as unknown as BulkSession;
}

describe('CodeLookup', () => {
  it('answers by position, asking the store once per code in the run', async () => {
    const asked: string[][] = [];
    const session = fakeSession(asked);
    const lookup = new CodeLookup('custodian');
    expect(await lookup.resolve(session, [null, 'A', 'A', 'nope', 'B', 'A', null, 'nope'])).toEqual([
      null,
      1,
      1,
      null,
      2,
      1,
      null,
      null,
    ]);
    expect(asked).toEqual([['A', 'nope', 'B']]);
    // Known codes, and codes known not to exist, are not asked for again.
    expect(await lookup.resolve(session, ['B', 'nope', 'A', 'C'])).toEqual([2, null, 1, null]);
    expect(asked).toEqual([['A', 'nope', 'B'], ['C']]);
    expect(await lookup.resolve(session, [])).toEqual([]);
    expect(asked).toHaveLength(2);
  });
});
