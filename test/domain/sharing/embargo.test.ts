import { describe, expect, it } from 'vitest';
import {
  DEFAULT_EMBARGO_POLICY,
  embargoEnds,
  isUnderEmbargo,
  type EmbargoKind,
} from '../../../src/domain/sharing/embargo.js';

const returned = new Date('2024-02-29T08:00:00Z');

describe('embargoEnds', () => {
  it.each<[EmbargoKind, string]>([
    ['raw', '2026-02-28T08:00:00Z'],
    ['interpretation', '2029-02-28T08:00:00Z'],
    ['report', '2029-02-28T08:00:00Z'],
  ])('%s data returned on 29 February 2024 is free on %s', (kind, end) => {
    expect(embargoEnds(kind, returned)).toEqual(new Date(end));
  });

  it('follows a custodian’s own policy', () => {
    expect(embargoEnds('raw', returned, { ...DEFAULT_EMBARGO_POLICY, raw: 0 })).toEqual(returned);
    expect(
      embargoEnds('raw', new Date('2024-01-10T00:00:00Z'), { ...DEFAULT_EMBARGO_POLICY, raw: 13 }),
    ).toEqual(new Date('2025-02-10T00:00:00Z'));
  });
});

describe('isUnderEmbargo', () => {
  it.each<[EmbargoKind, string, boolean]>([
    ['raw', '2024-03-01T00:00:00Z', true],
    ['raw', '2026-02-28T07:59:59Z', true],
    ['raw', '2026-02-28T08:00:00Z', false],
    ['interpretation', '2027-01-01T00:00:00Z', true],
    ['interpretation', '2029-03-01T00:00:00Z', false],
  ])('%s data on %s: %s', (kind, now, under) => {
    expect(isUnderEmbargo(kind, returned, new Date(now))).toBe(under);
  });
});
