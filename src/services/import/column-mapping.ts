// Which column feeds which field: aliases and --columns, with the errors a user can act on (the
// file's headers, the fields still missing and the names each field is known by).
import {
  fieldsOf,
  IMPORT_FIELDS,
  resolveHeaders,
  type HeaderResolution,
  type ImportField,
  type RecordKind,
} from '../../domain/header-aliases.js';
import { GEOMETRY_COLUMNS } from './geojson-source.js';
import { ImportError, ImportUsageError, type ImportKind, type ImportOptions } from './import.types.js';

export interface ColumnMapping {
  /** Column index feeding each field of `fieldsOf(kind)`, −1 when none. */
  slots: number[];
  /** Column read when the slot's cell is empty (GeoJSON: the Point's z for elevation), −1 when none. */
  fallbacks: number[];
  /** Field → header it is read from, used to name the field in problems. */
  labels: Partial<Record<ImportField, string>>;
  ignored: string[];
  /** Number of headers this mapping was made for (GeoJSON headers grow). */
  width: number;
}

export function recordKind(kind: ImportKind): RecordKind {
  return kind === 'geojson' ? 'collars' : kind;
}

/** GeoJSON: easting/northing come from the Point; elevation from a property, else the Point's z. */
function resolveGeoJson(headers: readonly string[], explicit: Record<string, string>): HeaderResolution {
  const offset = GEOMETRY_COLUMNS.length;
  const found = resolveHeaders(headers.slice(offset), 'collars', explicit);
  const columns: HeaderResolution['columns'] = {};
  for (const [field, index] of Object.entries(found.columns) as Array<[ImportField, number]>) {
    if (field !== 'easting' && field !== 'northing' && field !== 'crs') columns[field] = index + offset;
  }
  columns.easting = 0;
  columns.northing = 1;
  columns.elevation ??= 2;
  return { ...found, columns, missing: found.missing.filter((f) => f !== 'easting' && f !== 'northing') };
}

export function columnMapping(o: ImportOptions, headers: readonly string[]): ColumnMapping {
  const kind = recordKind(o.kind);
  const explicit = o.columns ?? {};
  const found =
    o.kind === 'geojson' ? resolveGeoJson(headers, explicit) : resolveHeaders(headers, kind, explicit);
  const fields = fieldsOf(kind);
  if (found.unknownFields.length) {
    throw new ImportUsageError(
      `--columns: ${found.unknownFields.map((f) => JSON.stringify(f)).join(', ')} ${found.unknownFields.length === 1 ? 'is' : 'are'} not a field of ${o.kind}; its fields are ${fields.join(', ')}`,
    );
  }
  const shown = (o.kind === 'geojson' ? headers.slice(GEOMETRY_COLUMNS.length) : headers).join(', ');
  const problems = [
    ...found.unknownHeaders.map((h) => ({
      file: o.path,
      line: 1,
      field: h,
      message: `--columns names the header ${JSON.stringify(h)}, which the file does not have; its headers are: ${shown}`,
    })),
    ...found.missing.map((f) => ({
      file: o.path,
      line: 1,
      field: f,
      message: `no column for the required field ${f} (known as ${IMPORT_FIELDS[f].aliases.slice(0, 8).join(', ')})`,
    })),
  ];
  if (problems.length) {
    const missing = found.missing.length
      ? ` missing required field${found.missing.length > 1 ? 's' : ''} ${found.missing.join(', ')};`
      : '';
    throw new ImportError(
      `${o.path}:${missing} the file's headers are: ${shown}. Map columns with --columns field=Header,… ; nothing was imported`,
      problems,
    );
  }
  const labels: Partial<Record<ImportField, string>> = {};
  const slots = fields.map((f) => {
    const index = found.columns[f];
    if (index === undefined) return -1;
    labels[f] = o.kind === 'geojson' && index < GEOMETRY_COLUMNS.length ? 'geometry' : headers[index]!;
    return index;
  });
  const zColumn = GEOMETRY_COLUMNS.indexOf('@z');
  const fallbacks = fields.map((f, i) =>
    o.kind === 'geojson' && f === 'elevation' && slots[i] !== zColumn ? zColumn : -1,
  );
  return {
    slots,
    fallbacks,
    labels,
    ignored: found.ignored.filter((h) => !GEOMETRY_COLUMNS.includes(h as '@x')),
    width: headers.length,
  };
}

/** The column of the survey dip, for the sign-convention pre-scan. */
export function dipColumn(map: ColumnMapping): number {
  return map.slots[fieldsOf('surveys').indexOf('dip')]!;
}
