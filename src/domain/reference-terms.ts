// Province codes (GB/T 2260) and commodity codes as tables write them. The commodity codes are the
// ones the web app labels (web/src/lib/vocabulary.ts); a commodity not listed is kept as written.

const PROVINCES: ReadonlyArray<readonly [code: string, zh: string, en: string]> = [
  ['110000', '北京', 'beijing'],
  ['120000', '天津', 'tianjin'],
  ['130000', '河北', 'hebei'],
  ['140000', '山西', 'shanxi'],
  ['150000', '内蒙古', 'inner mongolia'],
  ['210000', '辽宁', 'liaoning'],
  ['220000', '吉林', 'jilin'],
  ['230000', '黑龙江', 'heilongjiang'],
  ['310000', '上海', 'shanghai'],
  ['320000', '江苏', 'jiangsu'],
  ['330000', '浙江', 'zhejiang'],
  ['340000', '安徽', 'anhui'],
  ['350000', '福建', 'fujian'],
  ['360000', '江西', 'jiangxi'],
  ['370000', '山东', 'shandong'],
  ['410000', '河南', 'henan'],
  ['420000', '湖北', 'hubei'],
  ['430000', '湖南', 'hunan'],
  ['440000', '广东', 'guangdong'],
  ['450000', '广西', 'guangxi'],
  ['460000', '海南', 'hainan'],
  ['500000', '重庆', 'chongqing'],
  ['510000', '四川', 'sichuan'],
  ['520000', '贵州', 'guizhou'],
  ['530000', '云南', 'yunnan'],
  ['540000', '西藏', 'tibet'],
  ['610000', '陕西', 'shaanxi'],
  ['620000', '甘肃', 'gansu'],
  ['630000', '青海', 'qinghai'],
  ['640000', '宁夏', 'ningxia'],
  ['650000', '新疆', 'xinjiang'],
  ['710000', '台湾', 'taiwan'],
  ['810000', '香港', 'hong kong'],
  ['820000', '澳门', 'macao'],
];

const PROVINCE_BY_NAME = new Map<string, string>();
for (const [code, zh, en] of PROVINCES) {
  PROVINCE_BY_NAME.set(zh, code);
  PROVINCE_BY_NAME.set(en, code);
  PROVINCE_BY_NAME.set(code.slice(0, 2), code);
  PROVINCE_BY_NAME.set(code, code);
}
PROVINCE_BY_NAME.set('xizang', '540000');
PROVINCE_BY_NAME.set('macau', '820000');
PROVINCE_BY_NAME.set('nei mongol', '150000');

const PROVINCE_SUFFIX = /(省|市|特别行政区|壮族自治区|回族自治区|维吾尔自治区|自治区)$/;

/** Province code from 西藏自治区, 西藏, Tibet, 54 or 540000 (a county code 540102 gives its province). */
export function provinceCode(text: string): string | undefined {
  const s = text.trim().toLowerCase();
  if (/^\d{6}$/.test(s)) return PROVINCE_BY_NAME.get(s.slice(0, 2));
  return (
    PROVINCE_BY_NAME.get(s) ?? PROVINCE_BY_NAME.get(s.replace(PROVINCE_SUFFIX, '').replace(/ province$/, ''))
  );
}

const COMMODITIES: Record<string, readonly string[]> = {
  Cu: ['铜', 'copper'],
  Au: ['金', '岩金', '砂金', 'gold'],
  Fe: ['铁', 'iron'],
  Mo: ['钼', 'molybdenum'],
  Pb: ['铅', 'lead'],
  Zn: ['锌', 'zinc'],
  W: ['钨', 'tungsten'],
  Sn: ['锡', 'tin'],
  Li: ['锂', 'lithium'],
  REE: ['稀土', 'rare earths', 'ree'],
  coal: ['煤', '煤炭', 'coal'],
  U: ['铀', 'uranium'],
  Ni: ['镍', 'nickel'],
  Ag: ['银', 'silver'],
  Sb: ['锑', 'antimony'],
  bauxite: ['铝土矿', '铝', 'bauxite'],
  phosphate: ['磷', '磷矿', 'phosphate'],
  potash: ['钾盐', '钾', 'potash'],
  fluorite: ['萤石', 'fluorite'],
  graphite: ['石墨', 'graphite'],
  Co: ['钴', 'cobalt'],
  Mn: ['锰', 'manganese'],
  Cr: ['铬', 'chromium'],
  Ti: ['钛', 'titanium'],
  V: ['钒', 'vanadium'],
  Hg: ['汞', 'mercury'],
  Bi: ['铋', 'bismuth'],
  Nb: ['铌', 'niobium'],
  Ta: ['钽', 'tantalum'],
  Be: ['铍', 'beryllium'],
  PGE: ['铂族金属', '铂', '钯', 'platinum', 'pge'],
  oil: ['石油', 'oil'],
  gas: ['天然气', 'gas'],
};

const COMMODITY_BY_NAME = new Map<string, string>();
for (const [code, names] of Object.entries(COMMODITIES)) {
  COMMODITY_BY_NAME.set(code.toLowerCase(), code);
  for (const name of names) COMMODITY_BY_NAME.set(name, code);
}

/** The commodity code of 铜, 铜矿, copper or cu; anything else is kept as written. */
export function commodityCode(text: string): string {
  const s = text.trim();
  const key = s.toLowerCase();
  return COMMODITY_BY_NAME.get(key) ?? COMMODITY_BY_NAME.get(key.replace(/矿$/, '')) ?? s;
}
