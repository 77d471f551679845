import { describe, expect, it } from 'vitest';
import { PROVINCES, provinceName } from '../../web/src/lib/provinces.js';
import { vocabularies, vocabularyLabel } from '../../web/src/lib/vocabulary.js';

describe('vocabulary labels', () => {
  it('translates the code lists the API sends', () => {
    expect(vocabularyLabel('coreClass', 'II', 'zh')).toBe('Ⅱ类');
    expect(vocabularyLabel('custodianLevel', 'entrusted', 'zh')).toBe('委托保管单位');
    expect(vocabularyLabel('fundingSource', 'self_funded', 'zh')).toBe('自筹');
    expect(vocabularyLabel('confidentiality', 'classified', 'en')).toBe('Classified');
    expect(vocabularyLabel('materialType', 'thin_section', 'zh')).toBe('薄片');
    expect(vocabularyLabel('organisationKind', 'mining_company', 'zh')).toBe('矿山企业');
  });

  it('knows the common commodity codes', () => {
    const expected = {
      Cu: '铜',
      Au: '金',
      Fe: '铁',
      Mo: '钼',
      Pb: '铅',
      Zn: '锌',
      W: '钨',
      Sn: '锡',
      Li: '锂',
      REE: '稀土',
      coal: '煤',
      U: '铀',
      Ni: '镍',
      Ag: '银',
      Sb: '锑',
      bauxite: '铝土矿',
      phosphate: '磷',
      potash: '钾盐',
      fluorite: '萤石',
      graphite: '石墨',
    };
    for (const [code, name] of Object.entries(expected))
      expect(vocabularyLabel('commodity', code, 'zh')).toBe(name);
  });

  it('keeps unknown codes as they are and blanks null', () => {
    expect(vocabularyLabel('commodity', 'unobtainium', 'zh')).toBe('unobtainium');
    expect(vocabularyLabel('coreClass', null, 'en')).toBe('');
  });

  it('has both languages for every entry', () => {
    for (const [name, table] of Object.entries(vocabularies)) {
      for (const [code, label] of Object.entries(table)) {
        expect(label.zh, `${name}.${code}`).not.toBe('');
        expect(label.en, `${name}.${code}`).not.toBe('');
      }
    }
  });
});

describe('province names', () => {
  it('covers the 31 mainland divisions plus Taiwan, Hong Kong and Macao', () => {
    expect(Object.keys(PROVINCES)).toHaveLength(34);
  });

  it('reads six-digit codes by their two-digit prefix', () => {
    expect(provinceName('110000', 'zh')).toBe('北京市');
    expect(provinceName('650102', 'en')).toBe('Xinjiang');
    expect(provinceName('99', 'zh')).toBe('99');
    expect(provinceName(null, 'zh')).toBe('');
  });
});

describe('deposit type facet labels', () => {
  it('names deposit-type keys in both languages', async () => {
    const { facetValueLabel } = await import('../../web/src/features/search/utils/facet-terms.js');
    expect(facetValueLabel('type', 'porphyry', 'zh')).toBe('斑岩型');
    expect(facetValueLabel('type', 'skarn', 'en')).toBe('skarn');
  });
});
