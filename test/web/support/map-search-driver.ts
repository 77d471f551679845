// Drives the map search panel and its drawing tools like a person would, with positions read from the
// live map (window.coreshareMap), and waits for answers by the panel's own status attributes.
import type { Page } from 'playwright-core';
import { SEARCH_AREA_SOURCE, SEARCH_RESULTS_LAYER } from '../../../web/src/features/map/utils/map-style.js';

export type LonLat = [number, number];
/** minLon, minLat, maxLon, maxLat */
export type Box = [number, number, number, number];

const STATUS = '[data-testid="map-search-status"]';

/** The panel's answer generation now (0 before the first). */
export async function searchGeneration(page: Page): Promise<number> {
  return Number((await page.locator(STATUS).getAttribute('data-generation')) ?? 0);
}

/** Waits for a search answer newer than `after` to be shown; returns its generation. */
export async function searchSettled(page: Page, after: number, step: string): Promise<number> {
  try {
    await page.waitForFunction(
      ({ selector, after }) => {
        const status = document.querySelector<HTMLElement>(selector);
        return status?.dataset.state === 'ready' && Number(status.dataset.generation) > after;
      },
      { selector: STATUS, after },
      { timeout: 20_000 },
    );
  } catch (error) {
    const status = await page.locator(STATUS).evaluate((el) => ({ ...el.dataset, text: el.textContent }));
    throw new Error(`no new search answer after ${step}: ${JSON.stringify(status)}`, { cause: error });
  }
  return searchGeneration(page);
}

export async function mapLoaded(page: Page): Promise<void> {
  await page.waitForFunction(() => window.coreshareMap?.loaded() === true, null, { timeout: 30_000 });
}

/** Moves the map so that `box` fills it, clear of the legend in its top-left corner. */
export async function showOnMap(page: Page, box: Box): Promise<void> {
  await page.evaluate(
    (b) =>
      new Promise<void>((resolve) => {
        const map = window.coreshareMap!;
        map.once('moveend', () => resolve());
        map.fitBounds(
          [
            [b[0], b[1]],
            [b[2], b[3]],
          ],
          { padding: { top: 280, left: 330, right: 80, bottom: 80 }, duration: 0 },
        );
      }),
    box,
  );
}

/** The page pixel of a place on the map. */
export function pixelOf(page: Page, [lon, lat]: LonLat): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ([lon, lat]) => {
      const map = window.coreshareMap!;
      const canvas = map.getCanvas().getBoundingClientRect();
      const p = map.project([lon, lat]);
      return { x: canvas.left + p.x, y: canvas.top + p.y };
    },
    [lon, lat] as const,
  );
}

/** Clicks each place in turn, as someone drawing vertices would. */
export async function clickPlaces(page: Page, places: readonly LonLat[]): Promise<void> {
  for (const place of places) {
    const { x, y } = await pixelOf(page, place);
    await page.mouse.click(x, y);
  }
}

export async function doubleClickPlace(page: Page, place: LonLat): Promise<void> {
  const { x, y } = await pixelOf(page, place);
  await page.mouse.dblclick(x, y);
}

/** How many features the map has drawn for the area searched and for the ringed results. */
export function drawnSearch(page: Page): Promise<{ area: number; rings: number }> {
  return page.evaluate(
    ({ areaSource, ringLayer }) => {
      const map = window.coreshareMap!;
      return {
        area: map.querySourceFeatures(areaSource).length,
        rings: map.queryRenderedFeatures({ layers: [ringLayer] }).length,
      };
    },
    { areaSource: SEARCH_AREA_SOURCE, ringLayer: SEARCH_RESULTS_LAYER },
  );
}

export function urlParams(page: Page): URLSearchParams {
  return new URL(page.url()).searchParams;
}
