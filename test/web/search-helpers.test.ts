import { describe, expect, it } from 'vitest';
import { valueWords } from '../../web/src/features/search/utils/field-values.js';
import { isSearchShortcut } from '../../web/src/features/search/utils/slash-shortcut.js';

describe('isSearchShortcut', () => {
  const key = (key: string, target: unknown = { tagName: 'BODY' }, extra: object = {}) => ({
    key,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    target: target as EventTarget,
    ...extra,
  });

  it('answers a bare / outside any text field', () => {
    expect(isSearchShortcut(key('/'))).toBe(true);
    expect(isSearchShortcut(key('/', { tagName: 'A' }))).toBe(true);
    expect(isSearchShortcut(key('/', null))).toBe(true);
  });

  it('leaves typing, modified keys and IME composition alone', () => {
    expect(isSearchShortcut(key('a'))).toBe(false);
    expect(isSearchShortcut(key('/', { tagName: 'INPUT' }))).toBe(false);
    expect(isSearchShortcut(key('/', { tagName: 'TEXTAREA' }))).toBe(false);
    expect(isSearchShortcut(key('/', { tagName: 'DIV', isContentEditable: true }))).toBe(false);
    expect(isSearchShortcut(key('/', undefined, { ctrlKey: true }))).toBe(false);
    expect(isSearchShortcut(key('/', undefined, { metaKey: true }))).toBe(false);
    expect(isSearchShortcut(key('/', undefined, { isComposing: true }))).toBe(false);
  });
});

describe('valueWords', () => {
  const tibet = { code: '540000', en: ['Tibet'], zh: ['西藏', '西藏自治区'] };
  it('lists the reader’s language first and the code last, once', () => {
    expect(valueWords(tibet, 'zh')).toEqual(['西藏', '西藏自治区', 'Tibet', '540000']);
    expect(valueWords(tibet, 'en')).toEqual(['Tibet', '西藏', '西藏自治区', '540000']);
    expect(valueWords({ code: 'I', en: ['I', '1'], zh: ['Ⅰ', '一类'] }, 'en')).toEqual([
      'I',
      '1',
      'Ⅰ',
      '一类',
    ]);
  });
});
