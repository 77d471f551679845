import { describe, expect, it } from 'vitest';
import { matchRoute } from '../../web/src/app/routes.js';

describe('matchRoute', () => {
  it('maps paths to pages', () => {
    expect(matchRoute('/')).toEqual({ name: 'map' });
    expect(matchRoute('/custodians/')).toEqual({ name: 'custodians' });
    expect(matchRoute('/boreholes/CSB0H3K9W2T7XQ1')).toEqual({ name: 'borehole', id: 'CSB0H3K9W2T7XQ1' });
    expect(matchRoute('/custodians/%E8%B5%A3-01')).toEqual({ name: 'custodian', code: '赣-01' });
  });

  it('maps the search page and its help page (the query string is left to the page)', () => {
    expect(matchRoute('/search')).toEqual({ name: 'search' });
    expect(matchRoute('/search/')).toEqual({ name: 'search' });
    expect(matchRoute('/search/help')).toEqual({ name: 'search-help' });
    expect(matchRoute('/search/help/')).toEqual({ name: 'search-help' });
    expect(matchRoute('/search/other')).toEqual({ name: 'not-found' });
    expect(matchRoute('/searches')).toEqual({ name: 'not-found' });
  });

  it('sends anything else, including broken escapes, to not-found', () => {
    expect(matchRoute('/boreholes')).toEqual({ name: 'not-found' });
    expect(matchRoute('/boreholes/a/b')).toEqual({ name: 'not-found' });
    expect(matchRoute('/boreholes/%E8%B5')).toEqual({ name: 'not-found' });
  });
});
