// Export of boreholes and catalog records as CSV (headers the importer reads back, so an export
// round-trips through `import collars` / `import catalog`) or GeoJSON, page by page in id order.
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import { csvLine } from './csv-text.js';
import {
  exportRepository,
  type ExportBorehole,
  type ExportCatalogRecord,
} from '../../store/repositories/export.repository.js';

export const EXPORT_KINDS = ['boreholes', 'catalog'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
export const EXPORT_FORMATS = ['csv', 'geojson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
  kind: ExportKind;
  format: ExportFormat;
  /** Only this dataset (boreholes; catalog records linked to its holes). */
  dataset?: string;
  pageSize?: number;
}

type Cell = string | number | null;
type Column<R> = readonly [header: string, value: (row: R) => Cell];

function list(json: string | null): string | null {
  const items = json ? (JSON.parse(json) as string[]) : [];
  return items.length ? items.join(';') : null;
}

/** Header = an alias of the field it fills on import; `dataset`, `public_id` and `wgs84_*` are informational. */
const BOREHOLE_COLUMNS: ReadonlyArray<Column<ExportBorehole>> = [
  ['dataset', (r) => r.dataset],
  ['hole_id', (r) => r.hole_id],
  ['name', (r) => r.name],
  ['x', (r) => r.src_x ?? r.lon],
  ['y', (r) => r.src_y ?? r.lat],
  ['crs', (r) => r.src_crs ?? (r.lon === null ? null : 'EPSG:4326')],
  ['elevation', (r) => r.collar_elev],
  ['total_depth', (r) => r.total_depth],
  ['project', (r) => r.project],
  ['deposit', (r) => r.deposit_name],
  ['province', (r) => r.province_code],
  ['county', (r) => r.county],
  ['commodities', (r) => list(r.commodities)],
  ['class', (r) => r.core_class],
  ['custodian', (r) => r.custodian_code],
  ['depositor', (r) => r.depositor_code],
  ['funding', (r) => r.funding_source],
  ['purpose', (r) => r.purpose],
  ['start_date', (r) => r.drill_start],
  ['finish_date', (r) => r.drill_end],
  ['deposit_type', (r) => r.deposit_type],
  ['tectonic_unit', (r) => r.tectonic_unit],
  ['metallogenic_belt', (r) => r.metallogenic_belt],
  ['confidentiality', (r) => r.confidentiality],
  ['core_length', (r) => r.core_length],
  ['recovery', (r) => r.recovery],
  ['public_id', (r) => r.public_id],
  ['wgs84_lon', (r) => r.lon],
  ['wgs84_lat', (r) => r.lat],
];

const CATALOG_COLUMNS: ReadonlyArray<Column<ExportCatalogRecord>> = [
  ['record_no', (r) => r.record_no],
  ['title_zh', (r) => r.title_zh],
  ['title_en', (r) => r.title_en],
  ['material_type', (r) => r.material_type],
  ['dataset', (r) => r.dataset],
  ['hole_id', (r) => r.hole_id],
  ['custodian', (r) => r.custodian_code],
  ['province', (r) => r.province_code],
  ['quantity', (r) => r.quantity],
  ['unit', (r) => r.unit],
  ['year', (r) => r.year],
  ['description', (r) => r.description],
  ['public_id', (r) => r.public_id],
];

function feature<R>(
  columns: ReadonlyArray<Column<R>>,
  row: R,
  lon: number | null,
  lat: number | null,
): string {
  const properties: Record<string, Cell> = {};
  for (const [header, value] of columns) properties[header] = value(row);
  const geometry = lon === null || lat === null ? null : { type: 'Point', coordinates: [lon, lat] };
  return JSON.stringify({ type: 'Feature', geometry, properties });
}

/** Streams every row to `write` (awaited, so a slow consumer holds the reader back); returns the count. */
export async function exportRows(
  db: Kysely<Database>,
  options: ExportOptions,
  write: (chunk: string) => Promise<void>,
): Promise<number> {
  const repo = exportRepository(db);
  const pageSize = options.pageSize ?? 5000;
  const geojson = options.format === 'geojson';
  const page = (after: number) =>
    options.kind === 'boreholes'
      ? repo.boreholes(after, pageSize, options.dataset)
      : repo.catalog(after, pageSize, options.dataset);
  const columns = (options.kind === 'boreholes' ? BOREHOLE_COLUMNS : CATALOG_COLUMNS) as ReadonlyArray<
    Column<ExportBorehole | ExportCatalogRecord>
  >;
  await write(geojson ? '{"type":"FeatureCollection","features":[\n' : csvLine(columns.map(([h]) => h)));
  let after = 0;
  let count = 0;
  for (;;) {
    const rows = await page(after);
    if (!rows.length) break;
    const parts: string[] = [];
    for (const r of rows) {
      parts.push(
        geojson
          ? (count ? ',\n' : '') + feature(columns, r, r.lon, r.lat)
          : csvLine(columns.map(([, value]) => value(r))),
      );
      count++;
    }
    await write(parts.join(''));
    after = rows[rows.length - 1]!.id;
    if (rows.length < pageSize) break;
  }
  if (geojson) await write('\n]}\n');
  return count;
}
