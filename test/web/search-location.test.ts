import { describe, expect, it } from 'vitest';
import {
  boreholeView,
  catalogCursor,
  catalogPageNumber,
  catalogView,
  currentCursor,
  currentSort,
  firstPage,
  nextCatalogPage,
  nextPage,
  pageNumber,
  parseSearchLocation,
  previousCatalogPage,
  previousPage,
  queryHref,
  searchHref,
  withSort,
} from '../../web/src/features/search/utils/search-location.js';
import { sortsFor } from '../../web/src/features/search/utils/search-sort.js';

const NEAR = '91.1,29.65,50';

describe('search location (the search page state in the URL)', () => {
  it('reads the query and the cursor stack from the query string', () => {
    expect(parseSearchLocation('')).toEqual({ q: '', cursors: [] });
    expect(
      parseSearchLocation('?q=%E9%93%9C+%E7%9C%81%3A%E8%A5%BF%E8%97%8F&cursor=aWQ6MjU&cursor=aWQ6NTA'),
    ).toEqual({ q: '铜 省:西藏', cursors: ['aWQ6MjU', 'aWQ6NTA'] });
    // Other parameters (the language switch's ?lang=) and empty cursors are ignored.
    expect(parseSearchLocation('?lang=en&q=copper&cursor=')).toEqual({ q: 'copper', cursors: [] });
  });

  it('writes URLs that read back to the same state', () => {
    for (const location of [
      { q: '', cursors: [] },
      { q: '深度:500..1500 (省:云南 OR 省:贵州) "甲玛" id:ZK16* &&', cursors: [] },
      { q: '铜', cursors: ['aWQ6MjU', 'aWQ6NTA'] },
      { q: '', cursors: ['aWQ6MjU'] },
    ]) {
      const href = searchHref(location);
      expect(href.startsWith('/search')).toBe(true);
      expect(parseSearchLocation(href.slice('/search'.length))).toEqual(location);
    }
    expect(searchHref({ q: '', cursors: [] })).toBe('/search');
  });

  it('starts a typed query on its first page, without surrounding spaces', () => {
    expect(queryHref('  甲玛 ')).toBe(`/search?q=${encodeURIComponent('甲玛')}`);
    expect(queryHref('   ')).toBe('/search');
  });

  it('pushes a cursor for the next page and pops it for the previous one', () => {
    const first = { q: '铜', cursors: [] };
    expect(pageNumber(first)).toBe(1);
    expect(currentCursor(first)).toBeNull();
    expect(previousPage(first)).toBeNull();

    const second = nextPage(first, 'c1');
    const third = nextPage(second, 'c2');
    expect(third).toEqual({ q: '铜', cursors: ['c1', 'c2'] });
    expect(pageNumber(third)).toBe(3);
    expect(currentCursor(third)).toBe('c2');
    expect(previousPage(third)).toEqual(second);
    expect(previousPage(second)).toEqual(first);
    expect(first.cursors).toEqual([]);
  });

  it('keeps the catalog list and its own cursors in the URL, apart from the boreholes’ page', () => {
    const onBoreholes = { q: '铜', cursors: ['b1'] };
    const catalog = nextCatalogPage(catalogView(onBoreholes), 'k1');
    expect(catalog).toEqual({ q: '铜', cursors: ['b1'], catalog: { cursors: ['k1'] } });
    expect(catalogPageNumber(catalog)).toBe(2);
    expect(catalogCursor(catalog)).toBe('k1');
    const href = searchHref(catalog);
    expect(href).toBe(`/search?q=${encodeURIComponent('铜')}&cursor=b1&view=catalog&catalog_cursor=k1`);
    expect(parseSearchLocation(href.slice('/search'.length))).toEqual(catalog);
    expect(previousCatalogPage(catalog)).toEqual({ ...onBoreholes, catalog: { cursors: [] } });
    expect(previousCatalogPage(catalogView(onBoreholes))).toBeNull();
    expect(boreholeView(catalog)).toEqual(onBoreholes);
    expect(catalogView(catalog)).toEqual(catalog);
    // A new query or facet starts both lists again but stays on the list the reader chose.
    expect(firstPage(catalog)).toEqual({ q: '铜', cursors: [], catalog: { cursors: [] } });
    expect(parseSearchLocation('?q=x&catalog_cursor=k1')).toEqual({ q: 'x', cursors: [] });
  });
});

describe('search location: the order of the results', () => {
  const read = (href: string) => parseSearchLocation(href.slice('/search'.length));

  it('keeps a chosen order in the URL and reads it back', () => {
    for (const location of [
      { q: '铜', sort: 'relevance' as const, cursors: [] },
      { q: '', sort: '-depth' as const, cursors: ['ZGVwdGg'] },
      { q: '', sort: 'date' as const, cursors: [], bbox: '90,29,92,30' },
      { q: '铜', sort: 'distance' as const, cursors: ['a', 'b'], near: NEAR },
    ]) {
      expect(read(searchHref(location))).toEqual(location);
    }
    expect(searchHref({ q: '铜', sort: '-date', cursors: ['c1'] })).toBe(
      `/search?q=${encodeURIComponent('铜')}&sort=-date&cursor=c1`,
    );
  });

  it('leaves the default order (id) out of the URL', () => {
    expect(searchHref({ q: '铜', sort: 'id', cursors: [] })).toBe(`/search?q=${encodeURIComponent('铜')}`);
    expect(parseSearchLocation('?q=x&sort=id&cursor=c1')).toEqual({ q: 'x', cursors: ['c1'] });
    expect(currentSort(parseSearchLocation('?q=x'))).toBe('id');
    expect(currentSort(parseSearchLocation('?sort=-depth'))).toBe('-depth');
  });

  it('falls back to the default for an unknown order, with the cursors issued for it', () => {
    expect(parseSearchLocation('?q=x&sort=bogus&cursor=c1')).toEqual({ q: 'x', cursors: [] });
    expect(parseSearchLocation('?q=x&sort=DEPTH')).toEqual({ q: 'x', cursors: [] });
    expect(parseSearchLocation('?q=x&sort=&cursor=c1')).toEqual({ q: 'x', cursors: ['c1'] });
  });

  it('only orders by distance within a radius', () => {
    expect(parseSearchLocation('?q=x&sort=distance&cursor=c1')).toEqual({ q: 'x', cursors: [] });
    expect(parseSearchLocation('?sort=distance&bbox=90,29,92,30')).toEqual({
      q: '',
      cursors: [],
      bbox: '90,29,92,30',
    });
    expect(searchHref({ q: 'x', sort: 'distance', cursors: [] })).toBe('/search?q=x');
    expect(sortsFor({})).not.toContain('distance');
    expect(sortsFor({ near: NEAR })).toContain('distance');
    expect(withSort({ q: 'x', cursors: [] }, 'distance')).toEqual({ q: 'x', cursors: [] });
  });

  it('starts again from the first page when the order changes', () => {
    const third = { q: '铜', cursors: ['c1', 'c2'], near: NEAR };
    expect(withSort(third, 'distance')).toEqual({ q: '铜', sort: 'distance', cursors: [], near: NEAR });
    expect(withSort({ ...third, sort: '-depth' }, 'id')).toEqual({ q: '铜', cursors: [], near: NEAR });
  });

  it('keeps the order for a new query or facet, and drops distance with the radius', () => {
    const byDepth = { q: '铜', sort: '-depth' as const, cursors: ['c1'], near: NEAR };
    expect(firstPage(byDepth)).toEqual({ q: '铜', sort: '-depth', cursors: [], near: NEAR });
    expect(firstPage(byDepth, { withArea: false })).toEqual({ q: '铜', sort: '-depth', cursors: [] });
    const byDistance = { ...byDepth, sort: 'distance' as const };
    expect(firstPage(byDistance)).toEqual({ q: '铜', sort: 'distance', cursors: [], near: NEAR });
    expect(firstPage(byDistance, { withArea: false })).toEqual({ q: '铜', cursors: [] });
  });
});
