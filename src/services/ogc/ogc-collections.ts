// The feature collections the OGC API publishes: what each is, which properties it can be filtered
// on, and how its rows become GeoJSON features. Positions are always the PUBLISHED ones: a
// classified borehole (and every catalog record placed at it) appears at its cell centre.
import { publishedPosition, type Position } from '../../domain/desensitise.js';
import type { Box } from '../../store/search.js';
import type { Store } from '../../store/store.js';
import type { CatalogItem } from '../catalog.service.js';
import {
  boreholeFeatureRepository,
  type BoreholeFeatureRow,
  type BoreholePropertyFilter,
  type DayRange,
} from '../../store/repositories/borehole-features.repository.js';
import {
  catalogFeatureRepository,
  type CatalogFeatureRow,
  type CatalogPropertyFilter,
} from '../../store/repositories/catalog-features.repository.js';

export interface PointGeometry {
  type: 'Point';
  coordinates: [lon: number, lat: number];
}

export interface OgcFeature<P extends object = object> {
  type: 'Feature';
  id: string;
  geometry: PointGeometry | null;
  properties: P;
}

export interface BoreholeProperties {
  hole_id: string;
  dataset: string;
  name: string;
  province_code: string | null;
  total_depth: number | null;
  core_class: string | null;
  commodities: string[];
  deposit_name: string | null;
  drill_start: string | null;
  custodian_code: string | null;
  coordinates_coarsened: boolean;
}

export type CatalogProperties = Omit<CatalogItem, 'id'> & { coordinates_coarsened: boolean };

export interface FeatureQuery {
  box?: Box;
  days?: DayRange;
  /** Exact values of the collection's filterable properties, by property name. */
  properties: Readonly<Record<string, string>>;
}

export interface FeatureSource {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** The property `datetime` is compared with. */
  readonly temporalProperty: string;
  /** Properties that can be filtered on by exact value, each with what it holds. */
  readonly filters: Readonly<Record<string, string>>;
  /** Matching features after the keyset position `afterId`, in id order. */
  page(store: Store, query: FeatureQuery, afterId: number, limit: number): Promise<KeyedFeature[]>;
  count(store: Store, query: FeatureQuery): Promise<number>;
  byId(store: Store, featureId: string): Promise<OgcFeature | undefined>;
}

interface KeyedFeature {
  id: number;
  feature: OgcFeature;
}

function point(position: Position): PointGeometry | null {
  return position.lon == null || position.lat == null
    ? null
    : { type: 'Point', coordinates: [position.lon, position.lat] };
}

function commodityList(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.map(String) : [];
  } catch {
    return [];
  }
}

/** Only the named filters, so a property of another collection never reaches this one's query. */
function pick<K extends string>(values: Readonly<Record<string, string>>, names: readonly K[]) {
  const picked: Partial<Record<K, string>> = {};
  for (const name of names) if (values[name] !== undefined) picked[name] = values[name];
  return picked;
}

function boreholeFeature(r: BoreholeFeatureRow): OgcFeature<BoreholeProperties> {
  const position = publishedPosition({ lon: r.lon, lat: r.lat }, r.confidentiality);
  return {
    type: 'Feature',
    id: r.public_id,
    geometry: point(position),
    properties: {
      hole_id: r.hole_id,
      dataset: r.dataset,
      name: r.name,
      province_code: r.province_code,
      total_depth: r.total_depth,
      core_class: r.core_class,
      commodities: commodityList(r.commodities),
      deposit_name: r.deposit_name,
      drill_start: r.drill_start,
      custodian_code: r.custodian_code,
      coordinates_coarsened: position.coarsened,
    },
  };
}

function catalogFeature(r: CatalogFeatureRow): OgcFeature<CatalogProperties> {
  const position = publishedPosition({ lon: r.lon, lat: r.lat }, r.confidentiality ?? 'public');
  return {
    type: 'Feature',
    id: r.public_id,
    geometry: point(position),
    properties: {
      record_no: r.record_no,
      title_zh: r.title_zh,
      title_en: r.title_en,
      material_type: r.material_type,
      province_code: r.province_code,
      quantity: r.quantity,
      unit: r.unit,
      year: r.year,
      description: r.description,
      custodian_code: r.custodian_code,
      borehole_id: r.borehole_public_id,
      coordinates_coarsened: position.coarsened,
    },
  };
}

const BOREHOLE_FILTERS = {
  province_code: 'GB/T 2260 province code, e.g. 540000',
  core_class: 'core class: I, II or III',
  custodian_code: 'code of the custodian repository holding the core',
  commodity: 'commodity code, e.g. Cu',
  hole_id: 'hole id as drilled, e.g. ZK1616',
  dataset: 'dataset the borehole was imported into',
} as const satisfies Record<keyof BoreholePropertyFilter, string>;

const CATALOG_FILTERS = {
  material_type: 'core, cuttings, specimen, thin_section, sample or other',
  province_code: 'GB/T 2260 province code, e.g. 540000',
  custodian_code: 'code of the custodian repository holding the material',
} as const satisfies Record<keyof CatalogPropertyFilter, string>;

const names = <T extends object>(filters: T) => Object.keys(filters) as Array<keyof T & string>;

const boreholes: FeatureSource = {
  id: 'boreholes',
  title: 'Boreholes',
  description:
    'Drill holes with core held by custodian repositories (钻孔). Classified (涉密) holes are shown at the ' +
    'centre of their 0.1° cell and flagged coordinates_coarsened.',
  temporalProperty: 'drill_start',
  filters: BOREHOLE_FILTERS,
  async page(store, { box, days, properties }, afterId, limit) {
    const filter = { box, days, ...pick(properties, names(BOREHOLE_FILTERS)) };
    const rows = await boreholeFeatureRepository(store.db, store.search).page(filter, afterId, limit);
    return rows.map((r) => ({ id: r.id, feature: boreholeFeature(r) }));
  },
  count(store, { box, days, properties }) {
    const filter = { box, days, ...pick(properties, names(BOREHOLE_FILTERS)) };
    return boreholeFeatureRepository(store.db, store.search).count(filter);
  },
  async byId(store, featureId) {
    const row = await boreholeFeatureRepository(store.db, store.search).byPublicId(featureId);
    return row && boreholeFeature(row);
  },
};

const catalog: FeatureSource = {
  id: 'catalog',
  title: 'Catalog of physical geological materials',
  description:
    'Catalog records of physical geological materials (实物地质资料目录): core, cuttings, specimens, thin ' +
    'sections, samples. Placed at the published position of their borehole; records without one have no geometry.',
  temporalProperty: 'year',
  filters: CATALOG_FILTERS,
  async page(store, { box, days, properties }, afterId, limit) {
    const filter = { box, days, ...pick(properties, names(CATALOG_FILTERS)) };
    const rows = await catalogFeatureRepository(store.db, store.search).page(filter, afterId, limit);
    return rows.map((r) => ({ id: r.id, feature: catalogFeature(r) }));
  },
  count(store, { box, days, properties }) {
    const filter = { box, days, ...pick(properties, names(CATALOG_FILTERS)) };
    return catalogFeatureRepository(store.db, store.search).count(filter);
  },
  async byId(store, featureId) {
    const row = await catalogFeatureRepository(store.db, store.search).byPublicId(featureId);
    return row && catalogFeature(row);
  },
};

export const FEATURE_SOURCES: readonly FeatureSource[] = [boreholes, catalog];
