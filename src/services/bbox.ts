// The map box parameter shared by the map, search and OGC endpoints.
import type { Box } from '../store/search.js';
import { InvalidInputError } from './errors.js';

/**
 * A box as `minLon,minLat,maxLon,maxLat`; every way it can be wrong is a 400 saying which. The map
 * may show a view across the antimeridian (minLon > maxLon); searches refuse one.
 */
export function parseBox(
  text: string | undefined,
  opts: { acrossAntimeridian?: boolean } = {},
): Box | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const fail = (message: string, message_zh: string) =>
    new InvalidInputError(`bbox: ${message}`, [{ field: 'bbox', message, message_zh }]);
  const parts = text.split(',').map((p) => p.trim());
  if (parts.length !== 4)
    throw fail(
      `expected 4 numbers minLon,minLat,maxLon,maxLat, got ${parts.length}`,
      `应为 4 个数字：最小经度,最小纬度,最大经度,最大纬度，实为 ${parts.length} 个`,
    );
  const [minLon, minLat, maxLon, maxLat] = parts.map((p) =>
    /^[+-]?(\d+\.?\d*|\.\d+)$/.test(p) ? Number(p) : NaN,
  ) as [number, number, number, number];
  if ([minLon, minLat, maxLon, maxLat].some((n) => !Number.isFinite(n)))
    throw fail(
      `${JSON.stringify(text)} is not four decimal numbers`,
      `${JSON.stringify(text)} 不是四个十进制数`,
    );
  if (minLon < -180 || maxLon > 180)
    throw fail('longitudes must lie within -180…180', '经度须在 -180…180 之间');
  if (minLat < -90 || maxLat > 90) throw fail('latitudes must lie within -90…90', '纬度须在 -90…90 之间');
  if (minLon > maxLon && !opts.acrossAntimeridian)
    throw fail(
      `minLon ${minLon} is east of maxLon ${maxLon} (boxes across the antimeridian are not supported)`,
      `最小经度 ${minLon} 在最大经度 ${maxLon} 以东（不支持跨 180° 经线的范围）`,
    );
  if (minLat > maxLat)
    throw fail(
      `minLat ${minLat} is north of maxLat ${maxLat}`,
      `最小纬度 ${minLat} 在最大纬度 ${maxLat} 以北`,
    );
  return [minLon, minLat, maxLon, maxLat];
}
