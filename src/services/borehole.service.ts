// Reading boreholes: pages for lists and one whole borehole with its column, trace, boxes and samples.
import type { Store } from '../store/store.js';
import { boreholeRepository, type BoreholeSummaryRow } from '../store/repositories/borehole.repository.js';
import { custodianRepository } from '../store/repositories/custodian.repository.js';
import { minimumCurvature } from '../domain/trace.js';
import { publishedPosition } from '../domain/desensitise.js';
import { NotFoundError } from './errors.js';
import { decodeCursor, pageOf, type Page } from './pagination.js';

export interface BoreholeSummary {
  id: string;
  hole_id: string;
  dataset: string;
  name: string;
  province_code: string | null;
  lon: number | null;
  lat: number | null;
  coordinates_coarsened: boolean;
  total_depth: number | null;
  core_class: string | null;
  commodities: string[];
  deposit_name: string | null;
  custodian_code: string | null;
}

function parseList(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.map(String) : [];
  } catch {
    return [];
  }
}

export interface ListBoreholesQuery {
  limit: number;
  cursor?: string;
  custodian?: string;
  province?: string;
}

/** One page of boreholes in id order; an unknown custodian code is a 404, not an empty page. */
export async function listBoreholes(store: Store, query: ListBoreholesQuery): Promise<Page<BoreholeSummary>> {
  const afterId = decodeCursor(query.cursor);
  let custodianId: number | undefined;
  if (query.custodian !== undefined) {
    custodianId = await custodianRepository(store.db).idByCode(query.custodian);
    if (custodianId === undefined) throw new NotFoundError('custodian', query.custodian);
  }
  const rows = await boreholeRepository(store.db).page(afterId, query.limit + 1, {
    ...(custodianId !== undefined && { custodianId }),
    ...(query.province !== undefined && { province: query.province }),
  });
  return pageOf(rows, query.limit, boreholeSummary);
}

/** What a reader without clearance may see of a borehole in a list. */
export function boreholeSummary(r: BoreholeSummaryRow): BoreholeSummary {
  const position = publishedPosition({ lon: r.lon, lat: r.lat }, r.confidentiality);
  return {
    id: r.public_id,
    hole_id: r.hole_id,
    dataset: r.dataset,
    name: r.name,
    province_code: r.province_code,
    lon: position.lon,
    lat: position.lat,
    coordinates_coarsened: position.coarsened,
    total_depth: r.total_depth,
    core_class: r.core_class,
    commodities: parseList(r.commodities),
    deposit_name: r.deposit_name,
    custodian_code: r.custodian_code,
  };
}

/** The whole borehole; classified positions are coarsened and source coordinates withheld. */
export async function getBorehole(store: Store, publicId: string) {
  const repo = boreholeRepository(store.db);
  const row = await repo.byPublicId(publicId);
  if (!row) throw new NotFoundError('borehole', publicId);
  const { lithology, surveys, boxes, samples, catalog } = await repo.children(row.id);
  const position = publishedPosition({ lon: row.lon, lat: row.lat }, row.confidentiality);
  const classified = position.coarsened;
  return {
    id: row.public_id,
    hole_id: row.hole_id,
    dataset: row.dataset,
    name: row.name,
    project: row.project,
    deposit_name: row.deposit_name,
    province_code: row.province_code,
    county: row.county,
    lon: position.lon,
    lat: position.lat,
    coordinates_coarsened: classified,
    src_crs: classified ? null : row.src_crs,
    src_x: classified ? null : row.src_x,
    src_y: classified ? null : row.src_y,
    collar_elev: row.collar_elev,
    total_depth: row.total_depth,
    drill_start: row.drill_start,
    drill_end: row.drill_end,
    purpose: row.purpose,
    commodities: parseList(row.commodities),
    deposit_type: row.deposit_type,
    tectonic_unit: row.tectonic_unit,
    metallogenic_belt: row.metallogenic_belt,
    core_class: row.core_class,
    custodian: row.custodian_code
      ? {
          code: row.custodian_code,
          name_zh: row.custodian_name_zh ?? '',
          name_en: row.custodian_name_en,
          level: row.custodian_level ?? '',
        }
      : null,
    depositor: row.depositor_code
      ? {
          code: row.depositor_code,
          name_zh: row.depositor_name_zh ?? '',
          name_en: row.depositor_name_en,
          kind: row.depositor_kind ?? '',
        }
      : null,
    funding_source: row.funding_source,
    ownership_dispute: row.ownership_dispute === 1,
    confidentiality: row.confidentiality,
    core_length: row.core_length,
    recovery: row.recovery,
    lithology: lithology.map(({ depth_from, depth_to, code, name_zh, name_en, description }) => ({
      depth_from,
      depth_to,
      code,
      name_zh,
      name_en,
      description,
    })),
    surveys: surveys.map(({ depth, azimuth, dip }) => ({ depth, azimuth, dip })),
    trace: minimumCurvature(surveys, row.total_depth),
    boxes: boxes.map(({ public_id, box_no, depth_from, depth_to, shelf_location }) => ({
      id: public_id,
      box_no,
      depth_from,
      depth_to,
      shelf_location,
    })),
    samples: samples.map(
      ({
        public_id,
        sample_no,
        depth_from,
        depth_to,
        sample_type,
        taken_for,
        taken_at,
        remaining_fraction,
      }) => ({
        id: public_id,
        sample_no,
        depth_from,
        depth_to,
        sample_type,
        taken_for,
        taken_at,
        remaining_fraction,
      }),
    ),
    catalog: catalog.map(
      ({ public_id, record_no, title_zh, title_en, material_type, quantity, unit, year }) => ({
        id: public_id,
        record_no,
        title_zh,
        title_en,
        material_type,
        quantity,
        unit,
        year,
      }),
    ),
  };
}

export type BoreholeDetail = Awaited<ReturnType<typeof getBorehole>>;
