// Colours of rock types in the lithology column, in the spirit of Chinese geological-map
// conventions (granite pink-red, sandstone yellow, limestone blue, basalt dark green…). Matched by
// code (the codes the catalog uses, plus common abbreviations), then by words in the Chinese and
// English names; anything else gets a stable colour hashed from its code or name.

interface RockColour {
  codes: string[];
  zh: string[];
  en: string[];
  colour: string;
}

/** Ore zones are coloured as ore whatever the host rock: "矽卡岩（矿体）", "skarn (ore zone)". */
const ORE = {
  zh: ['矿体', '矿化', '含矿层', '含卤层', '热储层'],
  en: ['ore zone', 'ore body', 'orebody', 'mineralised', 'mineralized', 'reservoir'],
  colour: '#b03a2e',
};
export const ORE_KEY = 'ORE';

// Most specific first: "花岗闪长斑岩" is a porphyry, "粉砂岩" a siltstone before it is a "砂岩",
// "半风化花岗岩" weathered before it is granite, "磁铁石英岩" iron formation before quartzite.
const ROCKS: RockColour[] = [
  {
    codes: ['Q', 'OB'],
    zh: ['第四系', '覆盖层', '表土', '黄土'],
    en: ['quaternary', 'overburden', 'soil'],
    colour: '#f3ead8',
  },
  { codes: ['LAT'], zh: ['全风化'], en: ['completely weathered', 'laterite'], colour: '#d98c5f' },
  { codes: ['SWG'], zh: ['半风化', '风化'], en: ['weathered'], colour: '#f2c9b8' },
  { codes: ['CLY'], zh: ['黏土', '粘土'], en: ['clay'], colour: '#c9b79c' },
  { codes: ['SND'], zh: ['砂砾层', '砂层'], en: ['gravel'], colour: '#e8d49a' },
  { codes: ['MSU'], zh: ['硫化物'], en: ['sulphide', 'sulfide'], colour: '#8e2f25' },
  {
    codes: ['BIF'],
    zh: ['磁铁石英岩', '条带状铁'],
    en: ['banded iron', 'iron formation'],
    colour: '#5b4a68',
  },
  { codes: ['QV'], zh: ['石英脉'], en: ['quartz vein'], colour: '#f8f9f9' },
  { codes: ['PEG'], zh: ['伟晶岩'], en: ['pegmatite'], colour: '#fadbd8' },
  { codes: ['GRS'], zh: ['云英岩'], en: ['greisen'], colour: '#d5d8dc' },
  { codes: ['SKN', 'SK'], zh: ['矽卡岩', '夕卡岩'], en: ['skarn'], colour: '#7d6608' },
  { codes: ['POR', 'GDP', 'QMP', 'DIP'], zh: ['斑岩', '玢岩'], en: ['porphyr'], colour: '#e59866' },
  { codes: ['GDI', 'GD'], zh: ['花岗闪长'], en: ['granodiorite'], colour: '#f0b27a' },
  { codes: ['GRA', 'GR'], zh: ['花岗'], en: ['granit'], colour: '#f5b7b1' },
  { codes: ['DIO', 'DI'], zh: ['闪长'], en: ['diorite'], colour: '#a9cce3' },
  { codes: ['ALB'], zh: ['钠长岩'], en: ['albitite'], colour: '#fdf2e9' },
  { codes: ['GAB', 'GB'], zh: ['辉长'], en: ['gabbro'], colour: '#1e8449' },
  { codes: ['PER'], zh: ['橄榄岩'], en: ['peridotite'], colour: '#145a32' },
  { codes: ['PYX'], zh: ['辉石岩'], en: ['pyroxenite'], colour: '#0e6251' },
  { codes: ['SRP'], zh: ['蛇纹'], en: ['serpentin'], colour: '#45b39d' },
  { codes: ['BAS', 'BA'], zh: ['玄武'], en: ['basalt'], colour: '#196f3d' },
  { codes: ['AND', 'AN'], zh: ['安山'], en: ['andesite'], colour: '#73c6b6' },
  { codes: ['DAC'], zh: ['英安'], en: ['dacite'], colour: '#f8c471' },
  { codes: ['RHY', 'RH'], zh: ['流纹'], en: ['rhyolite'], colour: '#f1948a' },
  { codes: ['TUF', 'TF'], zh: ['凝灰'], en: ['tuff'], colour: '#d7bde2' },
  { codes: ['BRC'], zh: ['角砾'], en: ['breccia'], colour: '#a04000' },
  { codes: ['MYL'], zh: ['糜棱'], en: ['mylonite'], colour: '#6e2c00' },
  { codes: ['CGL', 'CG'], zh: ['砾岩'], en: ['conglomerate'], colour: '#dc7633' },
  { codes: ['SLT', 'SI'], zh: ['粉砂'], en: ['siltstone'], colour: '#d4ac0d' },
  { codes: ['SST', 'SS'], zh: ['砂岩'], en: ['sandstone'], colour: '#f7dc6f' },
  { codes: ['MUD', 'MS'], zh: ['泥岩'], en: ['mudstone', 'claystone'], colour: '#a39e93' },
  { codes: ['SH', 'SHL'], zh: ['页岩'], en: ['shale'], colour: '#808b96' },
  { codes: ['LST', 'LS'], zh: ['灰岩'], en: ['limestone'], colour: '#5dade2' },
  { codes: ['DOL', 'DO'], zh: ['白云'], en: ['dolomite', 'dolostone'], colour: '#85c1e9' },
  { codes: ['MBL', 'MB'], zh: ['大理'], en: ['marble'], colour: '#d6eaf8' },
  { codes: ['CAR'], zh: ['碳酸岩'], en: ['carbonatite'], colour: '#aed6f1' },
  { codes: ['HOR'], zh: ['角岩'], en: ['hornfels'], colour: '#784212' },
  { codes: ['GSC'], zh: ['石墨'], en: ['graphite'], colour: '#424949' },
  { codes: ['GNS', 'GN'], zh: ['片麻'], en: ['gneiss'], colour: '#c39bd3' },
  { codes: ['SCH', 'SC'], zh: ['片岩'], en: ['schist'], colour: '#a569bd' },
  { codes: ['PHY'], zh: ['千枚'], en: ['phyllite'], colour: '#7fb3d5' },
  { codes: ['SLA'], zh: ['板岩'], en: ['slate'], colour: '#5d6d7e' },
  { codes: ['QZT', 'QZ'], zh: ['石英岩'], en: ['quartzite'], colour: '#fdebd0' },
  { codes: ['AMP'], zh: ['角闪岩'], en: ['amphibolite'], colour: '#4d5656' },
  { codes: ['LEP'], zh: ['变粒岩'], en: ['leptynite'], colour: '#d2b4de' },
  { codes: ['MIG'], zh: ['混合岩'], en: ['migmatite'], colour: '#e8a0bf' },
  { codes: ['ECL'], zh: ['榴辉'], en: ['eclogite'], colour: '#229954' },
  { codes: ['ALT'], zh: ['蚀变'], en: ['altered'], colour: '#c5b358' },
  { codes: ['COAL', 'CO'], zh: ['煤'], en: ['coal'], colour: '#1c1c1c' },
  { codes: ['PHO'], zh: ['磷块岩', '磷'], en: ['phosphorite'], colour: '#117a65' },
  { codes: ['MNO'], zh: ['锰'], en: ['manganese'], colour: '#4a235a' },
  { codes: ['BXT'], zh: ['铝土'], en: ['bauxite'], colour: '#ba4a00' },
  { codes: ['EVP'], zh: ['盐岩', '石膏'], en: ['salt', 'evaporite', 'gypsum'], colour: '#fcf3cf' },
  { codes: ['MAG'], zh: ['菱镁'], en: ['magnesite'], colour: '#ebdef0' },
  { codes: ['ORE', 'KT'], zh: [], en: ['ore'], colour: ORE.colour },
];

const byCode = new Map(ROCKS.flatMap((r) => r.codes.map((c) => [c, r] as const)));

/** A stable, readable colour for a string (FNV-1a hash to a hue at fixed saturation and lightness). */
export function hashColour(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `hsl(${h % 360}, 45%, 68%)`;
}

export interface RockLike {
  code: string | null;
  name_zh: string | null;
  name_en: string | null;
}

export function isOreZone(rock: RockLike): boolean {
  const zh = rock.name_zh ?? '';
  const en = (rock.name_en ?? '').toLowerCase();
  return ORE.zh.some((w) => zh.includes(w)) || ORE.en.some((w) => en.includes(w));
}

export function lithologyColour(rock: RockLike): string {
  if (isOreZone(rock)) return ORE.colour;
  const code = rock.code?.trim().toUpperCase();
  const known = code ? byCode.get(code) : undefined;
  if (known) return known.colour;
  const zh = rock.name_zh ?? '';
  const en = (rock.name_en ?? '').toLowerCase();
  const byName = ROCKS.find((r) => r.zh.some((w) => zh.includes(w)) || r.en.some((w) => en.includes(w)));
  if (byName) return byName.colour;
  return hashColour(code || zh || en || '?');
}

/** Legend key: one entry per rock type present (ore zones together, else code, else names). */
export function rockKey(rock: RockLike): string {
  if (isOreZone(rock)) return ORE_KEY;
  return rock.code?.trim().toUpperCase() || `${rock.name_zh ?? ''}|${rock.name_en ?? ''}`;
}
