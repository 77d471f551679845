// Drives the MapLibre map like a person would: click the cluster nearest a known borehole until the
// borehole itself is drawn, then click its pixel. Positions come from the live map (window.coreshareMap).
import type { Page } from 'playwright-core';
import { CLUSTER_LAYER, POINT_LAYER } from '../../../web/src/features/map/utils/map-style.js';

export interface LngLat {
  lon: number;
  lat: number;
}

interface Drawn {
  cluster: boolean;
  id: string;
  lon: number;
  lat: number;
  /** Page pixel of the feature. */
  x: number;
  y: number;
  /** False when under the legend panel or too close to the edge to click safely. */
  clickable: boolean;
  /** Distance in pixels to the target position. */
  distance: number;
}

const MAX_STEPS = 14;

/**
 * Waits for the map to stop moving, for the clusters of the new view to be in the map, and for one
 * more rendered frame, so positions read afterwards match what a person sees.
 */
async function settled(page: Page, afterGeneration: number, step: string): Promise<number> {
  try {
    await page.waitForFunction(
      (after) => {
        const map = window.coreshareMap;
        const status = document.querySelector<HTMLElement>('[data-testid="map-status"]');
        return (
          !!map &&
          !map.isMoving() &&
          status?.dataset.state === 'ready' &&
          Number(status.dataset.generation) > after
        );
      },
      afterGeneration,
      { timeout: 20_000 },
    );
  } catch (error) {
    const state = await page.evaluate(() => ({
      zoom: window.coreshareMap?.getZoom(),
      status: document.querySelector<HTMLElement>('[data-testid="map-status"]')?.dataset,
    }));
    throw new Error(`map did not settle after ${step}: ${JSON.stringify(state)}`, { cause: error });
  }
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = window.coreshareMap!;
        map.once('idle', () => resolve());
        map.triggerRepaint();
      }),
  );
  return Number(await page.locator('[data-testid="map-status"]').getAttribute('data-generation'));
}

function drawn(page: Page, target: LngLat): Promise<Drawn[]> {
  return page.evaluate(
    ({ target, layers }) => {
      const map = window.coreshareMap!;
      const canvas = map.getCanvas().getBoundingClientRect();
      const panel = document.querySelector('.map-panel')?.getBoundingClientRect();
      const t = map.project([target.lon, target.lat]);
      return map.queryRenderedFeatures({ layers }).map((f) => {
        const [lon, lat] = (f.geometry as unknown as { coordinates: [number, number] }).coordinates;
        const p = map.project([lon, lat]);
        const x = canvas.left + p.x;
        const y = canvas.top + p.y;
        const underPanel =
          !!panel &&
          x > panel.left - 20 &&
          x < panel.right + 20 &&
          y > panel.top - 20 &&
          y < panel.bottom + 20;
        const inside = p.x > 40 && p.y > 40 && p.x < canvas.width - 60 && p.y < canvas.height - 40;
        return {
          cluster: f.properties.cluster === true,
          id: String(f.properties.id ?? ''),
          lon,
          lat,
          x,
          y,
          clickable: inside && !underPanel,
          distance: Math.hypot(p.x - t.x, p.y - t.y),
        };
      });
    },
    { target, layers: [CLUSTER_LAYER, POINT_LAYER] },
  );
}

/**
 * Zooms through clusters towards `target` until the borehole with public id `id` is drawn, clicks
 * it and returns the popup's text. Fails if it is not reached within a few zoom steps.
 */
export async function clickBoreholeOnMap(page: Page, target: LngLat, id: string): Promise<string> {
  let generation = await settled(page, 0, 'opening the map');
  for (let step = 0; step < MAX_STEPS; step++) {
    const features = await drawn(page, target);
    const hole = features.find((f) => !f.cluster && f.id === id);
    if (hole?.clickable) {
      await page.mouse.click(hole.x, hole.y);
      const popup = page.locator('.maplibregl-popup');
      await popup.waitFor({ timeout: 5_000 });
      return (await popup.textContent()) ?? '';
    }
    const nearest = hole ?? features.filter((f) => f.cluster).sort((a, b) => a.distance - b.distance)[0];
    if (!nearest) throw new Error(`no cluster or borehole drawn near ${JSON.stringify(target)}`);
    let action: string;
    if (nearest.clickable && nearest.cluster) {
      action = `clicking a cluster at zoom step ${step}`;
      await page.mouse.click(nearest.x, nearest.y);
    } else {
      // Hidden under the legend or at the edge: bring it to the centre first.
      action = `centring on a hidden feature at zoom step ${step}`;
      await page.evaluate((c) => window.coreshareMap!.jumpTo({ center: [c.lon, c.lat] }), nearest);
    }
    generation = await settled(page, generation, action);
  }
  throw new Error(`borehole ${id} not reached after ${MAX_STEPS} steps`);
}
