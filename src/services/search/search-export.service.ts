// "Export these results": every borehole a search finds, streamed page by page as CSV or GeoJSON,
// with exactly what the search page shows (published positions, no source coordinates).
import type { Store } from '../../store/store.js';
import { searchRepository, type SortPosition } from '../../store/repositories/search.repository.js';
import { csvLine } from '../import/csv-text.js';
import type { BoreholeSummary } from '../borehole.service.js';
import { parsedSearch, summary, type SearchQuery } from './search.service.js';

export const SEARCH_EXPORT_FORMATS = ['csv', 'geojson'] as const;
export type SearchExportFormat = (typeof SEARCH_EXPORT_FORMATS)[number];

const PAGE = 5000;

const COLUMNS: ReadonlyArray<readonly [string, (b: BoreholeSummary) => string | number | null]> = [
  ['id', (b) => b.id],
  ['dataset', (b) => b.dataset],
  ['hole_id', (b) => b.hole_id],
  ['name', (b) => b.name],
  ['lon', (b) => b.lon],
  ['lat', (b) => b.lat],
  ['coordinates_coarsened', (b) => (b.coordinates_coarsened ? 'yes' : 'no')],
  ['province', (b) => b.province_code],
  ['total_depth', (b) => b.total_depth],
  ['class', (b) => b.core_class],
  ['commodities', (b) => b.commodities.join(';')],
  ['deposit', (b) => b.deposit_name],
  ['custodian', (b) => b.custodian_code],
];

/** Spreadsheets run a cell that starts with = + - @ as a formula: such text is quoted with '. */
export function safeCell(value: string | number | null): string | number | null {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function feature(b: BoreholeSummary): string {
  const geometry = b.lon === null || b.lat === null ? null : { type: 'Point', coordinates: [b.lon, b.lat] };
  const { id, lon: _lon, lat: _lat, ...properties } = b;
  return JSON.stringify({ type: 'Feature', id, geometry, properties });
}

export interface SearchExport {
  contentType: string;
  filename: string;
  /** Checked before the first byte is sent: a bad query is still a 400, not a broken download. */
  body: AsyncGenerator<string>;
}

export function exportSearch(
  store: Store,
  query: Omit<SearchQuery, 'limit' | 'cursor' | 'facets'>,
  format: SearchExportFormat,
): SearchExport {
  const { node, area } = parsedSearch(query);
  const repo = searchRepository(store.db, store.search);
  async function* body(): AsyncGenerator<string> {
    const geojson = format === 'geojson';
    // A byte-order mark lets spreadsheet programs read the Chinese text as UTF-8.
    yield geojson
      ? '{"type":"FeatureCollection","features":[\n'
      : '\uFEFF' + csvLine(COLUMNS.map(([h]) => h));
    let first = true;
    for (let after: SortPosition | null = null; ;) {
      const rows = await repo.page(node, after, PAGE, area);
      if (!rows.length) break;
      const lines = rows.map((r) => {
        const b = summary(r);
        return geojson ? feature(b) : csvLine(COLUMNS.map(([, value]) => safeCell(value(b))));
      });
      yield geojson ? (first ? '' : ',\n') + lines.join(',\n') : lines.join('');
      first = false;
      const last = rows[rows.length - 1]!;
      after = { key: last.sort_key, id: last.id };
    }
    if (geojson) yield '\n]}\n';
  }
  return {
    contentType: format === 'geojson' ? 'application/geo+json; charset=utf-8' : 'text/csv; charset=utf-8',
    filename: `coreshare-search.${format === 'geojson' ? 'geojson' : 'csv'}`,
    body: body(),
  };
}
