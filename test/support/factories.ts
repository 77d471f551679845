// Test data written through the same bulk path as imports, so tests see what real loads produce.
import type { BulkRow } from '../../src/store/bulk.js';
import type { Store } from '../../src/store/store.js';
import { publicId } from '../../src/domain/public-id.js';

const now = '2026-11-26T00:00:00.000Z';

export function custodianRow(
  code: string,
  overrides: Partial<BulkRow<'custodian'>> = {},
): BulkRow<'custodian'> {
  return {
    code,
    name_zh: `${code} 地质资料馆`,
    name_en: `${code} Repository`,
    level: 'provincial',
    province_code: '540000',
    contact_name: null,
    contact_email: null,
    contact_phone: null,
    address: null,
    created_at: now,
    updated_at: now,
    ...overrides,
  };
}

export function boreholeRow(
  holeId: string,
  overrides: Partial<BulkRow<'borehole'>> = {},
): BulkRow<'borehole'> {
  const dataset = (overrides.dataset as string | undefined) ?? 'jiama';
  return {
    public_id: publicId('borehole', dataset, holeId),
    dataset,
    hole_id: holeId,
    name: `西藏甲玛铜多金属矿 ${holeId}`,
    project: '甲玛勘探',
    deposit_name: '西藏甲玛铜多金属矿',
    province_code: '540000',
    county: '墨竹工卡县',
    lon: 91.75,
    lat: 29.72,
    src_crs: 'EPSG:4490',
    src_x: 91.75,
    src_y: 29.72,
    collar_elev: 4800,
    total_depth: 500,
    drill_start: '2008-05-01',
    drill_end: '2008-07-20',
    purpose: '勘探',
    commodities: '["Cu","Mo"]',
    deposit_type: '斑岩型',
    tectonic_unit: '拉萨地块',
    metallogenic_belt: '冈底斯成矿带',
    core_class: 'I',
    custodian_id: null,
    depositor_id: null,
    funding_source: 'central_fiscal',
    ownership_dispute: 0,
    confidentiality: 'public',
    core_length: 480,
    recovery: 0.95,
    created_at: now,
    updated_at: now,
    ...overrides,
  };
}

/** A custodian and `n` boreholes ZK0001… with a lithology column, surveys and a box on the first. */
export async function seedBoreholes(store: Store, n: number, custodian = 'XZ'): Promise<void> {
  await store.bulk.transaction(async (s) => {
    await s.upsert('custodian', [custodianRow(custodian)]);
    const custodianId = (await s.findCodes('custodian', [custodian])).get(custodian)!;
    const rows = Array.from({ length: n }, (_, i) =>
      boreholeRow(`ZK${String(i + 1).padStart(4, '0')}`, {
        custodian_id: custodianId,
        lon: 91.75 + i * 0.001,
      }),
    );
    await s.upsert('borehole', rows);
    const first = (await s.findBoreholes('jiama', ['ZK0001'])).get('ZK0001')!.id;
    await s.upsert('lithology', [
      {
        borehole_id: first,
        depth_from: 0,
        depth_to: 12.5,
        code: 'Q',
        name_zh: '第四系覆盖层',
        name_en: 'Quaternary cover',
        description: null,
      },
      {
        borehole_id: first,
        depth_from: 12.5,
        depth_to: 300,
        code: 'GD',
        name_zh: '花岗闪长斑岩',
        name_en: 'granodiorite porphyry',
        description: '黄铜矿化',
      },
      {
        borehole_id: first,
        depth_from: 300,
        depth_to: 500,
        code: 'SK',
        name_zh: '矽卡岩',
        name_en: 'skarn',
        description: null,
      },
    ]);
    await s.upsert('survey', [
      { borehole_id: first, depth: 0, azimuth: 45, dip: 80 },
      { borehole_id: first, depth: 250, azimuth: 50, dip: 75 },
    ]);
    await s.upsert('core_box', [
      {
        public_id: publicId('box', 'jiama', 'ZK0001', '1'),
        borehole_id: first,
        box_no: '1',
        depth_from: 12.5,
        depth_to: 17.5,
        shelf_location: 'A-01-01-1',
      },
    ]);
  });
}
