// GET /api/boreholes/{id}: one borehole with everything its page shows.
import { getJson } from '../../../lib/api-client.js';

export interface LithologyInterval {
  depth_from: number;
  depth_to: number;
  code: string | null;
  name_zh: string | null;
  name_en: string | null;
  description: string | null;
}

export interface SurveyStation {
  depth: number;
  azimuth: number;
  dip: number;
}

/** Metres relative to the collar, from minimum curvature; elevation is negative downhole. */
export interface TraceStation {
  depth: number;
  east: number;
  north: number;
  elevation: number;
}

export interface CoreBox {
  id: number | string;
  box_no: string | number | null;
  depth_from: number | null;
  depth_to: number | null;
  shelf_location: string | null;
}

export interface Sample {
  id: number | string;
  sample_no: string | null;
  depth_from: number | null;
  depth_to: number | null;
  sample_type: string | null;
  taken_for: string | null;
  taken_at: string | null;
  remaining_fraction: number | null;
}

export interface CatalogItem {
  id: number | string;
  record_no: string | null;
  title_zh: string | null;
  title_en: string | null;
  material_type: string | null;
  quantity: number | null;
  unit: string | null;
  year: number | null;
}

export interface OrganisationRef {
  code: string;
  name_zh: string | null;
  name_en: string | null;
}

export interface Borehole {
  id: string;
  hole_id: string | null;
  dataset: string | null;
  name: string | null;
  project: string | null;
  deposit_name: string | null;
  province_code: string | null;
  county: string | null;
  lon: number | null;
  lat: number | null;
  /** True where a classified position was coarsened before publication. */
  coordinates_coarsened?: boolean;
  src_crs: string | null;
  src_x: number | null;
  src_y: number | null;
  collar_elev: number | null;
  total_depth: number | null;
  drill_start: string | null;
  drill_end: string | null;
  purpose: string | null;
  commodities: string[] | null;
  deposit_type: string | null;
  tectonic_unit: string | null;
  metallogenic_belt: string | null;
  core_class: string | null;
  custodian: (OrganisationRef & { level: string | null }) | null;
  depositor: (OrganisationRef & { kind: string | null }) | null;
  funding_source: string | null;
  ownership_dispute: boolean | null;
  confidentiality: string | null;
  core_length: number | null;
  recovery: number | null;
  lithology: LithologyInterval[] | null;
  surveys: SurveyStation[] | null;
  trace: TraceStation[] | null;
  boxes: CoreBox[] | null;
  samples: Sample[] | null;
  catalog: CatalogItem[] | null;
}

export function getBorehole(id: string, signal?: AbortSignal): Promise<Borehole> {
  return getJson<Borehole>(`/boreholes/${encodeURIComponent(id)}`, {}, signal);
}
