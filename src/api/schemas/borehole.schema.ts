import { Type } from '@sinclair/typebox';
import { Nullable } from './common.schema.js';

const Str = Nullable(Type.String());
const Num = Nullable(Type.Number());

export const BoreholeSummary = Type.Object(
  {
    id: Type.String({ description: 'stable public id (IGSN-style)', examples: ['CSB0H3K9W2T7XQ1'] }),
    hole_id: Type.String(),
    dataset: Type.String(),
    name: Type.String(),
    province_code: Str,
    lon: Num,
    lat: Num,
    coordinates_coarsened: Type.Boolean({ description: 'true where a classified position was coarsened' }),
    total_depth: Num,
    core_class: Str,
    commodities: Type.Array(Type.String()),
    deposit_name: Str,
    custodian_code: Str,
  },
  { $id: 'BoreholeSummary' },
);

const Interval = { depth_from: Type.Number(), depth_to: Type.Number() };

export const BoreholeDetail = Type.Object(
  {
    id: Type.String(),
    hole_id: Type.String(),
    dataset: Type.String(),
    name: Type.String(),
    project: Str,
    deposit_name: Str,
    province_code: Str,
    county: Str,
    lon: Num,
    lat: Num,
    coordinates_coarsened: Type.Boolean(),
    src_crs: Str,
    src_x: Num,
    src_y: Num,
    collar_elev: Num,
    total_depth: Num,
    drill_start: Str,
    drill_end: Str,
    purpose: Str,
    commodities: Type.Array(Type.String()),
    deposit_type: Str,
    tectonic_unit: Str,
    metallogenic_belt: Str,
    core_class: Str,
    custodian: Nullable(
      Type.Object({ code: Type.String(), name_zh: Type.String(), name_en: Str, level: Type.String() }),
    ),
    depositor: Nullable(
      Type.Object({ code: Type.String(), name_zh: Type.String(), name_en: Str, kind: Type.String() }),
    ),
    funding_source: Str,
    ownership_dispute: Type.Boolean(),
    confidentiality: Type.String(),
    core_length: Num,
    recovery: Num,
    lithology: Type.Array(
      Type.Object({ ...Interval, code: Str, name_zh: Str, name_en: Str, description: Str }),
    ),
    surveys: Type.Array(Type.Object({ depth: Type.Number(), azimuth: Type.Number(), dip: Type.Number() })),
    trace: Type.Array(
      Type.Object(
        { depth: Type.Number(), east: Type.Number(), north: Type.Number(), elevation: Type.Number() },
        { description: 'metres from the collar by minimum curvature' },
      ),
    ),
    boxes: Type.Array(
      Type.Object({ id: Type.String(), box_no: Type.String(), ...Interval, shelf_location: Str }),
    ),
    samples: Type.Array(
      Type.Object({
        id: Type.String(),
        sample_no: Type.String(),
        ...Interval,
        sample_type: Str,
        taken_for: Str,
        taken_at: Str,
        remaining_fraction: Num,
      }),
    ),
    catalog: Type.Array(
      Type.Object({
        id: Type.String(),
        record_no: Type.String(),
        title_zh: Type.String(),
        title_en: Str,
        material_type: Type.String(),
        quantity: Num,
        unit: Str,
        year: Num,
      }),
    ),
  },
  { $id: 'BoreholeDetail' },
);

export const Custodian = Type.Object(
  {
    code: Type.String(),
    name_zh: Type.String(),
    name_en: Str,
    level: Type.String({ description: 'national | provincial | depositor | entrusted' }),
    province_code: Str,
    contact_name: Str,
    contact_email: Str,
    contact_phone: Str,
    address: Str,
    borehole_count: Type.Integer(),
    catalog_count: Type.Integer(),
  },
  { $id: 'Custodian' },
);

export const CatalogRecord = Type.Object(
  {
    id: Type.String(),
    record_no: Type.String(),
    title_zh: Type.String(),
    title_en: Str,
    material_type: Type.String(),
    province_code: Str,
    quantity: Num,
    unit: Str,
    year: Num,
    description: Str,
    borehole_id: Str,
    custodian_code: Str,
  },
  { $id: 'CatalogRecord' },
);
