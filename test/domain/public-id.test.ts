import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isPublicId, publicId } from '../../src/domain/public-id.js';

describe('publicId', () => {
  it('is stable across releases: ids already published must never change', () => {
    expect(publicId('borehole', 'jiama', 'ZK1616')).toBe('CSBSSYWVSKZ2SAG');
    expect(publicId('box', 'jiama', 'ZK1616', '12')).toBe('CSXAMDY9ESAQDHQ');
    expect(publicId('sample', 'ds2', 'k2', 'x2')).toBe('CSSZ40ZZASD0DA6');
    expect(publicId('catalog', 'ds3', 'k3')).toBe('CSC1VERFDMERFDJ');
  });

  it('always gives a well-formed id that differs with the key', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const id = publicId('sample', a, b);
        expect(isPublicId(id)).toBe(true);
        if (a !== b) expect(publicId('sample', b, a)).not.toBe(id);
      }),
    );
  });
});
