import { describe, expect, it } from 'vitest';
import { matchRoute } from '../../web/src/app/routes.js';

describe('matchRoute', () => {
  it('maps paths to pages', () => {
    expect(matchRoute('/')).toEqual({ name: 'map' });
    expect(matchRoute('/custodians/')).toEqual({ name: 'custodians' });
    expect(matchRoute('/boreholes/CSB0H3K9W2T7XQ1')).toEqual({ name: 'borehole', id: 'CSB0H3K9W2T7XQ1' });
    expect(matchRoute('/custodians/%E8%B5%A3-01')).toEqual({ name: 'custodian', code: '赣-01' });
  });

  it('sends anything else, including broken escapes, to not-found', () => {
    expect(matchRoute('/boreholes')).toEqual({ name: 'not-found' });
    expect(matchRoute('/boreholes/a/b')).toEqual({ name: 'not-found' });
    expect(matchRoute('/boreholes/%E8%B5')).toEqual({ name: 'not-found' });
  });
});
