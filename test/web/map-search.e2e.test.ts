// End-to-end map search in Debian's Chromium against the real server: type a query beside the map
// and see what the view holds, draw a polygon around one deposit and see the results narrow, reload
// the URL and find the same search, refine it with a facet and step back, draw a polygon that
// crosses itself and read the server's refusal, then let the results follow the map again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, snapshot, startE2eServer, type E2eServer } from './support/e2e-server.js';
import {
  clickPlaces,
  doubleClickPlace,
  drawnSearch,
  mapLoaded,
  searchSettled,
  showOnMap,
  urlParams,
  type Box,
  type LonLat,
} from './support/map-search-driver.js';

// The other journeys' dataset: 300 boreholes in a handful of deposits across China.
const DEMO = { boreholes: 300, seed: 7 };
const LIST_ROWS = 20;

interface Summary {
  id: string;
  lon: number | null;
  lat: number | null;
  province_code: string | null;
}
interface SearchAnswer {
  total: number;
  items: Summary[];
  facets?: Record<string, Array<{ value: string; count: number }>>;
}

describe.skipIf(!hasChromium)('map search journey in Chromium', () => {
  let server: E2eServer;
  let base: string;

  beforeAll(async () => {
    server = await startE2eServer(DEMO);
    base = server.base;
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  async function api(params: Record<string, string>): Promise<SearchAnswer> {
    const response = await fetch(`${base}/api/search?${new URLSearchParams(params).toString()}`);
    expect(response.status).toBe(200);
    return (await response.json()) as SearchAnswer;
  }

  /** What the server finds for the search the page's URL holds, asked directly. */
  async function totalFor(url: URLSearchParams): Promise<number> {
    const params: Record<string, string> = { q: url.get('q') ?? '', limit: '1' };
    for (const name of ['bbox', 'polygon', 'near']) {
      const value = url.get(name);
      if (value) params[name] = value;
    }
    return (await api(params)).total;
  }

  /**
   * A core class found in more than one province, so an area around one of them finds fewer, and
   * the box around that province's holes of the class.
   */
  async function pickQuery(): Promise<{ query: string; around: Box; inside: number; everywhere: number }> {
    for (const code of ['I', 'II', 'III']) {
      const q = `类别:${code}`;
      const { total, facets } = await api({ q, limit: '1', facets: 'province' });
      const [biggest, second] = facets?.province ?? [];
      if (!biggest || !second) continue;
      const { items } = await api({ q: `${q} province:${biggest.value}`, limit: '1000' });
      const placed = items.filter((i) => i.lon != null && i.lat != null) as Array<
        Summary & { lon: number; lat: number }
      >;
      const lons = placed.map((i) => i.lon);
      const lats = placed.map((i) => i.lat);
      const pad = 0.3;
      const around: Box = [
        Math.min(...lons) - pad,
        Math.min(...lats) - pad,
        Math.max(...lons) + pad,
        Math.max(...lats) + pad,
      ];
      return { query: q, around, inside: biggest.count, everywhere: total };
    }
    throw new Error('the demo dataset has no core class found in two provinces');
  }

  it('searches the view, a drawn polygon, a reloaded URL and a facet, and explains a bad polygon', async () => {
    const { query, around, inside, everywhere } = await pickQuery();
    const { page, errors, outside } = await server.newPage();
    const status = page.locator('[data-testid="map-search-status"]');
    const total = page.locator('[data-testid="map-search-total"]');
    const box = page.locator('[data-testid="map-search"] input');
    const rows = page.locator('[data-testid="map-search-result"]');
    const hint = page.locator('[data-testid="area-hint"]');
    const totalText = (n: number) => `共 ${n.toLocaleString('zh-CN')} 个钻孔`;

    // The map opens on China with the view searched (everything in it, nothing typed yet).
    await page.goto(`${base}/`);
    await mapLoaded(page);
    let generation = await searchSettled(page, 0, 'opening the map');
    expect(urlParams(page).get('bbox')).toMatch(/^[\d.-]+(,[\d.-]+){3}$/);
    expect(urlParams(page).get('center')).not.toBeNull();

    // A query typed beside the map: the total of the view, as the API counts it for the URL's box.
    await box.fill(query);
    await box.press('Enter');
    generation = await searchSettled(page, generation, 'typing the query');
    expect(urlParams(page).get('q')).toBe(query);
    const viewTotal = await totalFor(urlParams(page));
    expect(viewTotal).toBe(everywhere);
    expect(await total.textContent()).toBe(totalText(viewTotal));
    expect(await rows.count()).toBe(Math.min(LIST_ROWS, viewTotal));
    expect(await rows.first().locator('a').getAttribute('href')).toMatch(/^\/boreholes\/CSB/);
    await expect.poll(async () => (await drawnSearch(page)).rings).toBeGreaterThan(0);
    await snapshot(page, 'map-search-1-view');

    // Draw a polygon around the holes of one province: the results narrow to them.
    await page.locator('[data-testid="area-mode-polygon"]').click();
    await expect.poll(() => status.getAttribute('data-state')).toBe('idle');
    expect(await hint.textContent()).toContain('单击添加顶点');
    await showOnMap(page, around);
    const [west, south, east, north] = around;
    const corners: LonLat[] = [
      [west, south],
      [east, south],
      [east, north],
      [west, north],
    ];
    await clickPlaces(page, corners);
    expect(await hint.textContent()).toContain('已添加 4 个顶点');
    await clickPlaces(page, [corners[0]!]); // the first vertex again closes the polygon
    await searchSettled(page, generation, 'closing the polygon');
    const drawnUrl = page.url();
    expect(urlParams(page).get('polygon')).toMatch(/^POLYGON\(\(/);
    expect(urlParams(page).get('bbox')).toBeNull();
    const polygonTotal = await totalFor(urlParams(page));
    expect(polygonTotal).toBe(inside);
    expect(polygonTotal).toBeLessThan(viewTotal);
    expect(await total.textContent()).toBe(totalText(polygonTotal));
    expect(await hint.textContent()).toBe('绘制的多边形（4 个顶点）');
    await expect.poll(async () => (await drawnSearch(page)).area).toBeGreaterThan(0);
    await snapshot(page, 'map-search-2-polygon');

    // "Open as list" is the same search on the search page.
    const list = await page.locator('[data-testid="map-search-list-link"]').getAttribute('href');
    expect(new URL(list!, base).searchParams.get('polygon')).toBe(urlParams(page).get('polygon'));

    // The URL alone brings the same search back.
    await page.reload();
    await mapLoaded(page);
    generation = await searchSettled(page, 0, 'reloading');
    expect(page.url()).toBe(drawnUrl);
    expect(await box.inputValue()).toBe(query);
    expect(await page.locator('[data-testid="area-mode-polygon"] input').isChecked()).toBe(true);
    expect(await hint.textContent()).toBe('绘制的多边形（4 个顶点）');
    expect(await total.textContent()).toBe(totalText(polygonTotal));
    await expect.poll(async () => (await drawnSearch(page)).area).toBeGreaterThan(0);

    // A facet value adds its filter to the query, and finds exactly the count it showed.
    const facet = page.locator('[data-testid="facet-value"][data-facet="commodity"]').first();
    const value = (await facet.getAttribute('data-value'))!;
    const count = Number((await facet.locator('.facet-value__count').textContent())!.replace(/\D/g, ''));
    await facet.click();
    generation = await searchSettled(page, generation, 'clicking a facet value');
    expect(urlParams(page).get('q')).toBe(`${query} commodity:${value}`);
    expect(await box.inputValue()).toBe(`${query} commodity:${value}`);
    expect(urlParams(page).get('polygon')).not.toBeNull();
    expect(await totalFor(urlParams(page))).toBe(count);
    expect(await total.textContent()).toBe(totalText(count));
    await snapshot(page, 'map-search-3-facet');

    // Back undoes the facet.
    await page.goBack();
    generation = await searchSettled(page, generation, 'going back');
    expect(page.url()).toBe(drawnUrl);
    expect(await box.inputValue()).toBe(query);

    // Esc abandons a redraw and keeps the polygon searched.
    await page.locator('[data-testid="area-redraw"]').click();
    await clickPlaces(page, corners.slice(0, 2));
    await page.keyboard.press('Escape');
    expect(await hint.textContent()).toBe('绘制的多边形（4 个顶点）');
    expect(page.url()).toBe(drawnUrl);

    // A polygon whose edges cross: the server's refusal is explained, the panel is never blank.
    await page.locator('[data-testid="area-redraw"]').click();
    await clickPlaces(page, [corners[0]!, corners[2]!, corners[1]!]);
    await doubleClickPlace(page, corners[3]!);
    const fault = page.locator('[data-testid="area-fault"]');
    await fault.waitFor({ timeout: 15_000 });
    expect(await fault.getAttribute('data-field')).toBe('polygon');
    expect(await fault.textContent()).toContain('所绘多边形无法用于检索');
    // The server explains it in the page's language (Chinese here).
    expect(await fault.locator('[data-testid="area-fault-message"]').textContent()).toContain('自相交');
    expect(await status.getAttribute('data-state')).toBe('error');
    expect(await rows.count()).toBe(0);
    await snapshot(page, 'map-search-4-bad-polygon');

    // Back to "this view": the results follow the map as it moves.
    await page.locator('[data-testid="area-mode-view"]').click();
    generation = await searchSettled(page, generation, 'searching the view again');
    expect(urlParams(page).get('polygon')).toBeNull();
    expect(await fault.count()).toBe(0);
    expect(await total.textContent()).toBe(totalText(await totalFor(urlParams(page))));
    await page.evaluate(() => window.coreshareMap!.jumpTo({ center: [104.5, 35.5], zoom: 3.3 }));
    await searchSettled(page, generation, 'moving the map');
    expect(await totalFor(urlParams(page))).toBe(viewTotal);
    expect(await total.textContent()).toBe(totalText(viewTotal));

    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  }, 120_000);
});
