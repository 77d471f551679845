// A search area in words: "the map view (longitude 90 to 95, …)", "a drawn polygon (5 vertices)",
// "within 50 km of …". Shapes the app cannot read back are still named, without their numbers.
import { formatNumber } from '../../../lib/format.js';
import { translate, type Lang } from '../../../lib/i18n.js';
import { parseBbox, parseNear, polygonVertices, type AreaParams } from './search-area.js';

/** null when there is no area (the search covers everything). */
export function describeArea(area: AreaParams, lang: Lang): string | null {
  const degrees = (value: number): string => formatNumber(value, lang, 2);
  if (area.polygon) {
    const vertices = polygonVertices(area.polygon);
    return vertices
      ? translate(lang, 'area.polygon', { n: vertices.length })
      : translate(lang, 'area.polygonUnread');
  }
  if (area.near) {
    const circle = parseNear(area.near);
    if (!circle) return translate(lang, 'area.nearUnread');
    const { lon, lat, km } = circle;
    return translate(lang, 'area.near', {
      lon: degrees(lon),
      lat: degrees(lat),
      km: formatNumber(km, lang, 2),
    });
  }
  if (area.bbox) {
    const box = parseBbox(area.bbox);
    if (!box) return translate(lang, 'area.bboxUnread');
    const [west, south, east, north] = box.map(degrees) as [string, string, string, string];
    return translate(lang, 'area.bbox', { west, south, east, north });
  }
  return null;
}
