import { describe, expect, it } from 'vitest';
import {
  aliasTable,
  fieldsOf,
  IMPORT_FIELDS,
  normaliseHeader,
  resolveHeaders,
  type ImportField,
  type RecordKind,
} from '../../../src/domain/header-aliases.js';

const KINDS: RecordKind[] = ['collars', 'surveys', 'intervals', 'samples', 'catalog'];

describe('header aliases', () => {
  it('ignore case, spaces, underscores, punctuation and a bracketed unit', () => {
    expect(normaliseHeader(' Drillhole ID ')).toBe('drillholeid');
    expect(normaliseHeader('HOLE_ID')).toBe('holeid');
    expect(normaliseHeader('起始深度(m)')).toBe('起始深度');
    expect(normaliseHeader('孔深（米）')).toBe('孔深');
    expect(normaliseHeader('X坐标')).toBe('x坐标');
    expect(normaliseHeader('VALIDATION_ Comment')).toBe('validationcomment');
  });

  it('never point one alias at two fields of the same kind', () => {
    for (const kind of KINDS) {
      const owner = new Map<string, ImportField>();
      for (const field of fieldsOf(kind)) {
        for (const alias of IMPORT_FIELDS[field].aliases) {
          const key = normaliseHeader(alias);
          expect(owner.get(key) ?? field, `${kind}: ${alias}`).toBe(field);
          owner.set(key, field);
        }
      }
      expect(aliasTable(kind).exact.size).toBe(owner.size);
    }
  });

  it('map the headers of real tables, Chinese and English, including shapefile-truncated ones', () => {
    const thalanga = resolveHeaders(
      ['HOLE_ID', 'X_MGA', 'Y_MGA', 'Z_MGA', 'DEPTH', 'FINISH_DAT', 'HOLE_PURPO', 'PLANNED_DI'],
      'collars',
    );
    expect(thalanga.columns).toEqual({
      hole_id: 0,
      easting: 1,
      northing: 2,
      elevation: 3,
      total_depth: 4,
      drill_end: 5,
      purpose: 6,
    });
    expect(thalanga.ignored).toEqual(['PLANNED_DI']);
    expect(resolveHeaders(['孔号', '测深', '方位角', '倾角'], 'surveys').columns).toEqual({
      hole_id: 0,
      depth: 1,
      azimuth: 2,
      dip: 3,
    });
    expect(resolveHeaders(['Drillhole ID', 'Depth', 'Dip', 'Azimuth'], 'surveys').columns).toEqual({
      hole_id: 0,
      depth: 1,
      dip: 2,
      azimuth: 3,
    });
    const geology = resolveHeaders(
      ['Drillhole ID', 'From', 'To', 'LITH1_legacy', 'Lith1_Validated'],
      'intervals',
    );
    expect(geology.columns).toMatchObject({ depth_from: 1, depth_to: 2, lith_code: 4 });
    // 'depth' means total depth in a collar file and station depth in a survey file.
    expect(resolveHeaders(['bhid', 'depth'], 'collars').columns.total_depth).toBe(1);
    expect(resolveHeaders(['bhid', 'depth'], 'surveys').columns.depth).toBe(1);
  });

  it('prefer the better alias when two columns could fill a field', () => {
    expect(resolveHeaders(['hole', 'lithology', 'lith_code', 'from', 'to'], 'intervals')).toMatchObject({
      columns: { lith_code: 2 },
      ignored: ['lithology'],
    });
  });

  it('let --columns win, and say what is missing or unknown', () => {
    const r = resolveHeaders(['CollarID', 'HoleId', 'E'], 'collars', {
      hole_id: 'CollarID',
      name: 'holeid',
      x: 'E',
      colour: 'E',
      z: 'Z',
    });
    expect(r.columns).toEqual({ hole_id: 0, name: 1, easting: 2 });
    expect(r.missing).toEqual(['northing']);
    expect(r.unknownFields).toEqual(['colour']);
    expect(r.unknownHeaders).toEqual(['Z']);
  });
});
