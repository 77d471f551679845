// Custodians and organisations of the demo: the national centre, one repository per province, the
// entrusted oil/gas and marine custodians, and some 250 depositors (provincial survey institutes,
// geological brigades, non-ferrous and coal teams, national institutes and mining companies), each
// of which also keeps its own Class Ⅲ core and so is a custodian of level `depositor`; plus, keeping
// no core, the ministry department and the institutions that run the national and provincial
// repositories (for the demo accounts).
import { BELTS, COUNTIES, FAMOUS_DEPOSITS, PROVINCES, type Province } from '../../domain/china.js';
import type { BulkRow } from '../../store/bulk.js';
import {
  NATIONAL_CENTRE_CODE,
  provincialRepositoryCode,
  type DemoParties,
  type DepositorRef,
} from './demo.types.js';
import { ENTRUSTED, NATIONAL_ORGS, PLACES, digitsZh, ordinalZh, type OrgFocus } from './names.data.js';
import { Random, clamp, deriveSeed } from './random.util.js';

/** Fixed so that regenerating gives identical rows; the platform's own clock is not demo data. */
export const PARTIES_CREATED_AT = '2024-01-01T00:00:00.000Z';

const COAL_PROVINCES = new Set(
  COUNTIES.filter((c) => BELTS.find((b) => b.key === c.belt)?.commodities.includes('coal')).map(
    (c) => c.province,
  ),
);

/** Drops the administrative suffix: 墨竹工卡县 → 墨竹工卡, 攀枝花市西区 → 攀枝花. */
export function countyStem(name: string): string {
  const stem = name
    .replace(/(市.+区)$/, '')
    .replace(
      /(蒙古族|满族|回族|土家族|苗族|黎族|瑶族|仡佬族|毛南族|拉祜族|白族|普米族|锡伯|塔吉克|哈萨克|裕固族)+自治县$/,
      '',
    )
    .replace(/(行政区|自治县|县|市|区|旗)$/, '');
  return stem.length >= 2 ? stem : name;
}

interface OrgDraft {
  name: string;
  en: string | null;
  kind: string;
  province: string;
  focus: OrgFocus;
}

function provincialOrgs(p: Province, rng: Random): OrgDraft[] {
  const out: OrgDraft[] = [
    {
      name: `${p.zh}地质调查院`,
      en: `${p.en} Institute of Geological Survey`,
      kind: 'exploration_unit',
      province: p.code,
      focus: 'general',
    },
  ];
  const brigades = clamp(Math.round(p.weight * 0.6), 1, 5);
  for (let i = 1; i <= brigades; i++) {
    out.push({
      name: `${p.zh}地质矿产勘查开发局第${ordinalZh(i)}地质大队`,
      en: `No. ${i} Geological Brigade, ${p.en} Bureau of Geology and Mineral Exploration`,
      kind: 'exploration_unit',
      province: p.code,
      focus: 'general',
    });
  }
  const nonFerrous = p.weight >= 3 ? Math.round(p.weight / 3) : 0;
  for (let i = 0; i < nonFerrous; i++) {
    const no = 200 + rng.int(1, 99);
    out.push({
      name: `${p.zh}有色金属地质勘查局${digitsZh(no)}队`,
      en: `Team ${no}, ${p.en} Non-ferrous Metals Geological Exploration Bureau`,
      kind: 'exploration_unit',
      province: p.code,
      focus: 'metal',
    });
  }
  if (COAL_PROVINCES.has(p.code) && p.weight >= 1) {
    const teams = p.weight >= 4 ? 2 : 1;
    for (let i = 0; i < teams; i++) {
      const no = 100 + rng.int(1, 99);
      out.push({
        name: `${p.zh}煤田地质局${digitsZh(no)}勘探队`,
        en: `Exploration Team ${no}, ${p.en} Coal Geology Bureau`,
        kind: 'exploration_unit',
        province: p.code,
        focus: 'coal',
      });
    }
  }
  const counties = COUNTIES.filter((c) => c.province === p.code);
  const companies = clamp(Math.round(p.weight / 3), 0, 3);
  for (let i = 0; i < companies && counties.length; i++) {
    const county = rng.pick(counties);
    const place = rng.pick(PLACES[county.toponymy ?? p.toponymy]);
    out.push({
      name: `${countyStem(county.zh)}${place}矿业有限责任公司`,
      en: null,
      kind: 'mining_company',
      province: p.code,
      focus: 'metal',
    });
  }
  return out;
}

/** Builds every custodian and organisation; depends on the seed only (not on the data size). */
export function demoParties(seed: number): DemoParties {
  const rng = new Random(deriveSeed(seed, 'parties'));
  const drafts: OrgDraft[] = [];
  for (const p of PROVINCES) drafts.push(...provincialOrgs(p, rng));
  for (const n of NATIONAL_ORGS)
    drafts.push({ name: n.name, en: n.en, kind: n.kind, province: n.province, focus: n.focus });
  const operatorNames = new Map<string, string>();
  for (const d of FAMOUS_DEPOSITS) {
    if (d.operator && !operatorNames.has(d.operator)) {
      operatorNames.set(d.operator, d.province);
      drafts.push({
        name: d.operator,
        en: null,
        kind: 'mining_company',
        province: d.province,
        focus: 'metal',
      });
    }
  }

  const seen = new Set<string>();
  const perProvince = new Map<string, number>();
  const organisations: Array<BulkRow<'organisation'>> = [];
  const depositorsByProvince = new Map<string, DepositorRef[]>();
  const national: DepositorRef[] = [];
  const operators = new Map<string, string>();
  const nationalNames = new Set(NATIONAL_ORGS.map((n) => n.name));
  for (const d of drafts) {
    if (seen.has(d.name)) continue; // two generated companies may draw the same county and place
    seen.add(d.name);
    const n = (perProvince.get(d.province) ?? 0) + 1;
    perProvince.set(d.province, n);
    const code = `ORG-${d.province}-${String(n).padStart(2, '0')}`;
    const at = PARTIES_CREATED_AT;
    organisations.push({
      code,
      name_zh: d.name,
      name_en: d.en,
      kind: d.kind,
      province_code: d.province,
      created_at: at,
      updated_at: at,
    });
    const ref = { code, focus: d.focus };
    if (nationalNames.has(d.name)) national.push(ref);
    else if (operatorNames.has(d.name)) operators.set(d.name, code);
    else depositorsByProvince.set(d.province, [...(depositorsByProvince.get(d.province) ?? []), ref]);
  }
  return {
    custodians: custodians(organisations),
    organisations: [...organisations, ...repositoryOrganisations()],
    depositorsByProvince,
    national,
    operators,
  };
}

/** The ministry department behind the demo's national administrator (it keeps no core itself). */
export const MINISTRY_DEPARTMENT_CODE = 'MNR-DGEM';

/**
 * Organisations that deposit no core: the ministry department, and the institutions running the
 * national centre and the provincial repositories (the same code as their custodian, as for
 * depositors), where the curators of the demo accounts work.
 */
function repositoryOrganisations(): Array<BulkRow<'organisation'>> {
  const org = (code: string, name: string, en: string, kind: string, province: string) => ({
    code,
    name_zh: name,
    name_en: en,
    kind,
    province_code: province,
    created_at: PARTIES_CREATED_AT,
    updated_at: PARTIES_CREATED_AT,
  });
  return [
    org(
      MINISTRY_DEPARTMENT_CODE,
      '自然资源部地质勘查管理司',
      'Department of Geological Exploration Management, Ministry of Natural Resources',
      'department',
      '110000',
    ),
    org(
      NATIONAL_CENTRE_CODE,
      '自然资源部实物地质资料中心',
      'Cores and Samples Centre of Natural Resources, Ministry of Natural Resources',
      'institute',
      '130000',
    ),
    ...PROVINCES.map((p) =>
      org(
        provincialRepositoryCode(p.code),
        `${p.zh}地质资料馆`,
        `${p.en} Geological Archives`,
        'institute',
        p.code,
      ),
    ),
  ];
}

function custodian(
  code: string,
  name: string,
  en: string | null,
  level: string,
  province: string | null,
  address: string | null,
): BulkRow<'custodian'> {
  return {
    code,
    name_zh: name,
    name_en: en,
    level,
    province_code: province,
    contact_name: level === 'depositor' ? '资料管理部' : '馆藏管理科',
    // The reserved .example domain: demo contacts must never reach a real mailbox.
    contact_email: `${code.toLowerCase()}@demo.coreshare.example`,
    contact_phone: null,
    address,
    created_at: PARTIES_CREATED_AT,
    updated_at: PARTIES_CREATED_AT,
  };
}

function custodians(organisations: ReadonlyArray<BulkRow<'organisation'>>): Array<BulkRow<'custodian'>> {
  const out = [
    custodian(
      NATIONAL_CENTRE_CODE,
      '自然资源部实物地质资料中心',
      'Cores and Samples Centre of Natural Resources, Ministry of Natural Resources',
      'national',
      '130000',
      '河北省三河市燕郊高新技术产业开发区',
    ),
  ];
  for (const p of PROVINCES) {
    const address = p.capital === p.zh ? p.zh : `${p.zh}${p.capital}`;
    out.push(
      custodian(
        provincialRepositoryCode(p.code),
        `${p.zh}地质资料馆`,
        `${p.en} Geological Archives`,
        'provincial',
        p.code,
        address,
      ),
    );
  }
  for (const e of ENTRUSTED) out.push(custodian(e.code, e.name, e.en, 'entrusted', e.province, null));
  for (const o of organisations) {
    out.push(
      custodian(
        String(o.code),
        String(o.name_zh),
        o.name_en == null ? null : String(o.name_en),
        'depositor',
        String(o.province_code),
        null,
      ),
    );
  }
  return out;
}
