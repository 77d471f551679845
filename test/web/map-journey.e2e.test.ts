// End-to-end journey in Debian's Chromium against the real server: open the map, zoom through
// clusters to a borehole, open its popup, follow the link and see the lithology column.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, snapshot, startE2eServer, type E2eServer } from './support/e2e-server.js';
import { clickBoreholeOnMap } from './support/map-driver.js';

// A small national demo dataset: a few hundred boreholes in deposits across China, all with detail.
const DEMO = { boreholes: 300, seed: 7 };

interface ListedBorehole {
  id: string;
  name: string;
  lon: number | null;
  lat: number | null;
}
interface BoreholeDetail extends ListedBorehole {
  lithology: Array<{ name_zh: string | null }>;
  boxes: unknown[];
  custodian: { code: string } | null;
}

describe.skipIf(!hasChromium)('map journey in Chromium', () => {
  let server: E2eServer;
  let base: string;

  beforeAll(async () => {
    server = await startE2eServer(DEMO);
    base = server.base;
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  async function api<T>(path: string): Promise<T> {
    const response = await fetch(`${base}/api${path}`);
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  }

  /** A mapped borehole with a lithology column, chosen through the API like any client would. */
  async function pickTarget(): Promise<BoreholeDetail> {
    const { items } = await api<{ items: ListedBorehole[] }>('/boreholes?limit=20');
    for (const item of items) {
      if (item.lon == null || item.lat == null) continue;
      const detail = await api<BoreholeDetail>(`/boreholes/${item.id}`);
      if (detail.lithology.length > 0) return detail;
    }
    throw new Error('the demo dataset has no mapped borehole with lithology');
  }

  const newPage = () => server.newPage();

  it('goes from the map to a borehole page with its lithology column', async () => {
    const target = await pickTarget();
    const { page, errors, outside } = await newPage();
    await page.goto(`${base}/`);
    await expect.poll(() => page.locator('.app-nav').textContent()).toContain('保管机构');
    await page.waitForFunction(() => window.coreshareMap?.loaded() === true, null, { timeout: 30_000 });

    // The offline base map really draws: a screenshot of the canvas has more than the sea colour.
    const shot = (await page.locator('[data-testid="borehole-map"] canvas').screenshot()).toString('base64');
    const colours = await page.evaluate(async (png) => {
      const img = new Image();
      img.src = `data:image/png;base64,${png}`;
      await img.decode();
      const c = document.createElement('canvas');
      [c.width, c.height] = [64, 40];
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0, 64, 40);
      const data = ctx.getImageData(0, 0, 64, 40).data;
      const seen = new Set<string>();
      for (let i = 0; i < data.length; i += 4)
        seen.add(`${data[i]! >> 4},${data[i + 1]! >> 4},${data[i + 2]! >> 4}`);
      return seen.size;
    }, shot);
    expect(colours).toBeGreaterThan(3);
    await snapshot(page, '1-map');

    const popup = await clickBoreholeOnMap(page, { lon: target.lon!, lat: target.lat! }, target.id);
    expect(popup).toContain(target.id);
    await snapshot(page, '2-popup');
    await page.locator('[data-testid="borehole-popup-link"]').click();

    await page.waitForURL(`${base}/boreholes/${target.id}`);
    await page.locator('[data-testid="lithology-column"]').waitFor({ timeout: 15_000 });
    expect(await page.locator('[data-testid="lithology-interval"]').count()).toBe(target.lithology.length);
    expect(await page.locator('h1').textContent()).toContain(target.name);
    expect(await page.locator('.legend').textContent()).toContain(target.lithology[0]!.name_zh ?? '');
    if (target.boxes.length > 0) await page.locator('[data-testid="boxes-table"]').waitFor();
    await snapshot(page, '3-borehole');
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  }, 120_000);

  it('switches to English, lists custodians by level and pages through their boreholes', async () => {
    const target = await pickTarget();
    const { page, errors } = await newPage();
    await page.goto(`${base}/boreholes/CSB-NO-SUCH-HOLE`);
    await page.locator('[data-testid="not-found"]').waitFor();
    expect(await page.locator('[data-testid="not-found"] h1').textContent()).toBe('未找到');
    await page.locator('[data-testid="lang-switch"]').click();
    expect(await page.locator('[data-testid="not-found"] h1').textContent()).toBe('Not found');

    // The choice is remembered across visits.
    await page.goto(`${base}/custodians`);
    const list = page.locator('[data-testid="custodians-page"]');
    await list.waitFor();
    expect(await page.locator('.app-nav').textContent()).toContain('Custodians');
    const levels = await list.locator('h2').allTextContents();
    expect(levels[0]).toContain('National repository');
    expect(levels.join(' ')).toContain('Provincial repository');
    await snapshot(page, '4-custodians-en');

    const code = target.custodian!.code;
    await list.locator(`a[href="/custodians/${encodeURIComponent(code)}"]`).click();
    const rows = page.locator('[data-testid="custodian-boreholes"] tbody tr');
    await rows.first().waitFor();
    const first = await rows.count();
    const more = page.getByRole('button', { name: 'Load more' });
    if (await more.isVisible()) {
      await more.click();
      await expect.poll(() => rows.count()).toBeGreaterThan(first);
    }
    await snapshot(page, '5-custodian-en');
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
