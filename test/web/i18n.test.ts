import { describe, expect, it } from 'vitest';
import { en, initialLang, translate, zh, type MessageKey } from '../../web/src/lib/i18n.js';

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

describe('i18n dictionaries', () => {
  it('have exactly the same keys in Chinese and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  });

  it('have no empty value in either language', () => {
    for (const [lang, dict] of Object.entries({ zh, en })) {
      for (const [key, value] of Object.entries(dict)) {
        expect(value.trim(), `${lang}.${key}`).not.toBe('');
      }
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const key of Object.keys(zh) as MessageKey[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(zh[key]));
    }
  });
});

describe('translate', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('zh', 'lithology.totalDepth', { depth: '523.4' })).toBe('终孔 523.4 米');
    expect(translate('en', 'lithology.totalDepth', { depth: 12 })).toBe('TD 12 m');
    expect(translate('en', 'lithology.totalDepth')).toBe('TD {depth} m');
  });
});

describe('initialLang', () => {
  it('prefers ?lang=, then the stored choice, then Chinese', () => {
    expect(initialLang('?lang=en', 'zh')).toBe('en');
    expect(initialLang('?lang=fr', 'en')).toBe('en');
    expect(initialLang('', null)).toBe('zh');
    expect(initialLang('?x=1', 'garbage')).toBe('zh');
  });
});
