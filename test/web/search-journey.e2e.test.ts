// End-to-end search journey in Debian's Chromium against the real server: search a deposit from the
// header box, page through the results and back, read the query-syntax help and run one of its
// examples, then mistype a range and see the server's message with the faulty part underlined; and
// order the results by depth.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, snapshot, startE2eServer, type E2eServer } from './support/e2e-server.js';

// The map journey's dataset: 300 boreholes in a handful of deposits, indexed for search.
const DEMO = { boreholes: 300, seed: 7 };
const PAGE_SIZE = 25;
const BAD_QUERY = '深度:1500..500';

interface Summary {
  id: string;
  name: string;
  deposit_name: string | null;
}
interface SearchAnswer {
  query: string | null;
  total: number;
  items: Summary[];
  facets?: Record<string, Array<{ value: string; count: number }>>;
}
/** The facets the search page shows, in its order; each shows its first 8 values until expanded. */
const PAGE_FACETS = ['province', 'commodity', 'class', 'has', 'type', 'depth'];
const SHOWN_FACET_VALUES = 8;
interface FieldsAnswer {
  fields: Array<{ name: string; values?: unknown[] }>;
}

describe.skipIf(!hasChromium)('search journey in Chromium', () => {
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

  /** The deposit with the most boreholes, so its results fill more than one page. */
  async function biggestDeposit(): Promise<string> {
    const { items } = await api<SearchAnswer>('/search?limit=1000');
    const counts = new Map<string, number>();
    for (const { deposit_name: name } of items) if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
    const [name] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [];
    if (!name) throw new Error('the demo dataset has no deposit names');
    return name;
  }

  it('searches from the header, pages, opens the help and underlines a bad query', async () => {
    const deposit = await biggestDeposit();
    const expected = await api<SearchAnswer>(`/search?q=${encodeURIComponent(deposit)}&limit=1000`);
    expect(expected.total).toBeGreaterThan(PAGE_SIZE);
    const { page, errors, outside } = await server.newPage();

    // `/` jumps to the header's search box from any page.
    await page.goto(`${base}/custodians`);
    await page.locator('[data-testid="custodians-page"]').waitFor();
    await page.keyboard.press('/');
    const headerBox = page.locator('[data-testid="header-search"] input');
    await expect.poll(() => headerBox.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type(deposit);
    await page.keyboard.press('Enter');

    await page.waitForURL(`${base}/search?q=${encodeURIComponent(deposit)}`);
    const total = page.locator('[data-testid="search-total"]');
    await total.waitFor();
    expect(await total.textContent()).toBe(`共 ${expected.total.toLocaleString('zh-CN')} 个钻孔`);
    expect(await page.locator('[data-testid="search-understood"]').textContent()).toBe(expected.query);
    const rows = page.locator('[data-testid="search-results"] tbody tr');
    expect(await rows.count()).toBe(PAGE_SIZE);
    for (const name of await rows.locator('td:nth-child(2)').allTextContents())
      expect(name).toContain(deposit);
    const firstHole = await rows.first().locator('a').first().getAttribute('href');
    expect(firstHole).toMatch(/^\/boreholes\/CSB/);
    expect(await page.locator('[data-testid="page-search"] input').inputValue()).toBe(deposit);
    await snapshot(page, 'search-1-results');

    // The next page is a URL of its own; back returns to the first page.
    await page.locator('[data-testid="search-next"]').click();
    await page.waitForURL(/[?&]cursor=/);
    await expect.poll(() => page.locator('[data-testid="search-range"]').textContent()).toContain('第 2 页');
    await page.locator('[data-testid="search-results"]').waitFor();
    expect(await rows.count()).toBe(Math.min(PAGE_SIZE, expected.total - PAGE_SIZE));
    expect(await rows.first().locator('a').first().getAttribute('href')).not.toBe(firstHole);
    await page.goBack();
    await page.locator('[data-testid="search-results"]').waitFor();
    expect(await rows.first().locator('a').first().getAttribute('href')).toBe(firstHole);

    // The query's words are marked in the names that matched them.
    expect(
      await rows.first().locator('td:nth-child(2) mark[data-testid="search-match"]').count(),
    ).toBeGreaterThan(0);

    // A facet value narrows the search: its filter joins the query and the total becomes its count.
    const { facets = {} } = await api<SearchAnswer>(
      `/search?q=${encodeURIComponent(deposit)}&limit=1&facets=${PAGE_FACETS.join(',')}`,
    );
    const narrowing = PAGE_FACETS.flatMap((name) =>
      (facets[name] ?? [])
        .slice(0, SHOWN_FACET_VALUES)
        .filter(({ value, count }) => value !== '' && count > 0 && count < expected.total)
        .map(({ value, count }) => ({ name, value, count })),
    )[0];
    if (!narrowing) throw new Error('no facet value narrows the demo search');
    await page
      .locator(
        `[data-testid="search-facets"] [data-facet="${narrowing.name}"][data-value="${narrowing.value}"]`,
      )
      .click();
    await page.waitForURL((url) => url.searchParams.get('q') !== deposit);
    await expect.poll(() => total.textContent()).toBe(`共 ${narrowing.count.toLocaleString('zh-CN')} 个钻孔`);
    await snapshot(page, 'search-1b-facet');

    // The help page lists every field the server knows, long value lists folded.
    await page.locator('[data-testid="search-help-link"]').click();
    await page.waitForURL(`${base}/search/help`);
    const { fields } = await api<FieldsAnswer>('/search/fields');
    const cards = page.locator('[data-testid="field-card"]');
    await cards.first().waitFor();
    expect(await cards.count()).toBe(fields.length);
    const provinces = page.locator('#field-province details');
    expect(await provinces.getAttribute('open')).toBeNull();
    await provinces.locator('summary').click();
    await expect.poll(() => provinces.textContent()).toContain('西藏自治区');
    await snapshot(page, 'search-2-help');

    // An example runs as a search.
    await page.locator('#field-depth [data-testid="example-query"]').first().click();
    await page.waitForURL(/\/search\?q=/);
    await page.locator('[data-testid="search-total"]').waitFor();

    // A reversed range: the server's message in Chinese, the faulty part underlined under the box.
    await headerBox.fill(BAD_QUERY);
    await headerBox.press('Enter');
    await page.waitForURL(`${base}/search?q=${encodeURIComponent(BAD_QUERY)}`);
    const fault = page.locator('[data-testid="search-fault"]');
    await fault.waitFor();
    expect(await fault.locator('[data-testid="search-fault-message"]').textContent()).toContain('范围颠倒');
    expect(await fault.locator('[data-testid="search-fault-mark"]').textContent()).toBe('1500..500');
    const underline = await fault
      .locator('[data-testid="search-fault-mark"]')
      .evaluate((el) => getComputedStyle(el).textDecorationLine);
    expect(underline).toContain('underline');
    expect(await page.locator('[data-testid="page-search"] input').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('[data-testid="search-results"]').count()).toBe(0);
    await snapshot(page, 'search-3-fault');

    // The same answer, read in English.
    await page.locator('[data-testid="lang-switch"]').click();
    await expect
      .poll(() => fault.locator('[data-testid="search-fault-message"]').textContent())
      .toContain('reversed range');
    expect(await page.locator('[data-testid="search-fault-mark"]').textContent()).toBe('1500..500');

    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  }, 120_000);

  it('orders the results deepest first and keeps the order in the URL', async () => {
    const deposit = await biggestDeposit();
    const deepest = await api<SearchAnswer>(`/search?q=${encodeURIComponent(deposit)}&sort=-depth&limit=1`);
    const { page, errors } = await server.newPage({ locale: 'en-GB' });
    await page.goto(`${base}/search?q=${encodeURIComponent(deposit)}&lang=en`);
    const sort = page.locator('[data-testid="search-sort"]');
    await sort.waitFor();
    expect(await sort.inputValue()).toBe('id');
    await sort.selectOption({ label: 'Depth (deepest first)' });
    await page.waitForURL((url) => url.searchParams.get('sort') === '-depth');

    const rows = page.locator('[data-testid="search-results"] tbody tr');
    await expect
      .poll(() => rows.first().locator('a').first().getAttribute('href'))
      .toBe(`/boreholes/${encodeURIComponent(deepest.items[0]!.id)}`);
    const metres = (text: string) => Number(text.replace(/[^\d.]/g, ''));
    const [first, second] = (await rows.locator('td:nth-child(4)').allTextContents()).map(metres);
    expect(first).toBeGreaterThanOrEqual(second!);

    // A bookmark of the page comes back in the same order.
    await page.reload();
    await sort.waitFor();
    expect(await sort.inputValue()).toBe('-depth');
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('shows a plain message, not a blank page, when the server fails', async () => {
    const { page, errors } = await server.newPage({ locale: 'en-GB' });
    await page.route('**/api/search?*', (route) =>
      route.fulfill({
        status: 500,
        contentType: 'application/problem+json',
        body: JSON.stringify({ type: 'about:blank', title: 'Internal Server Error', status: 500 }),
      }),
    );
    await page.goto(`${base}/search?q=${encodeURIComponent('钨')}&lang=en`);
    const failed = page.locator('[data-testid="search-failed"]');
    await failed.waitFor();
    expect(await failed.textContent()).toContain('The search could not be completed');
    await page.unroute('**/api/search?*');
    await failed.getByRole('button', { name: 'Retry' }).click();
    await page.locator('[data-testid="search-total"]').waitFor();
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
