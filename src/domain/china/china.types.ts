// Shapes of the China reference data (see ../china.ts).

/** How local place names sound, so generated mine names fit the region. */
export type Toponymy = 'han' | 'tibetan' | 'uyghur' | 'mongol';

export interface Province {
  /** GB/T 2260 six-digit code, e.g. '540000'. */
  readonly code: string;
  readonly zh: string;
  /** The name as used in front of a deposit name (西藏, 内蒙古, 江西). */
  readonly short: string;
  readonly en: string;
  readonly capital: string;
  /** [minLon, minLat, maxLon, maxLat], WGS84, generous by a few kilometres. */
  readonly bbox: readonly [number, number, number, number];
  /** Relative share of the country's drilling, for spreading generated boreholes. */
  readonly weight: number;
  readonly toponymy: Toponymy;
}

/** A county (or district, banner) with mining around it: an anchor for generated deposits. */
export interface County {
  readonly province: string;
  readonly zh: string;
  readonly lon: number;
  readonly lat: number;
  /** Usual elevation of the mining areas around it (not of the town), metres. */
  readonly elev: number;
  /** Key of the metallogenic belt it lies in. */
  readonly belt: string;
  /** Where local names sound unlike the rest of the province (Tibetan west Sichuan). */
  readonly toponymy?: Toponymy;
}

export interface Belt {
  readonly key: string;
  readonly zh: string;
  readonly en: string;
  readonly tectonicUnit: string;
  /** Commodity codes found in the belt, most important first. */
  readonly commodities: readonly string[];
}

export interface Commodity {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  /** The form used inside a deposit name: 铝土 in 平果铝土矿区, 煤 in …煤矿区. */
  readonly stem: string;
  /** Deposit-type keys this commodity occurs in, most common first. */
  readonly types: readonly string[];
  /** Commodities that commonly come with it in one deposit. */
  readonly associates: readonly string[];
  /** Ore minerals, for lithology descriptions. */
  readonly minerals: string;
  /** Rock code of the ore where the deposit type takes its ore rock from the commodity. */
  readonly oreRock?: string;
}

export interface DepositType {
  readonly key: string;
  readonly zh: string;
  readonly en: string;
  /** Host rocks from top to bottom of a typical hole. */
  readonly hosts: readonly string[];
  /** Rocks that carry the ore. */
  readonly ore: readonly string[];
  /** When true the ore rock comes from the commodity (phosphorite, coal, bauxite…). */
  readonly oreFromCommodity?: boolean;
  /** Typical hole depth, metres (median of a skewed distribution). */
  readonly depth: number;
  /** What the mineralised interval is called in a log. */
  readonly oreLabel: string;
}

export interface Rock {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
}

export interface FamousDeposit {
  readonly name: string;
  readonly province: string;
  readonly county: string;
  readonly lon: number;
  readonly lat: number;
  readonly elev: number;
  readonly commodities: readonly string[];
  readonly type: string;
  readonly belt: string;
  /** The mining company that works it, when well known. */
  readonly operator?: string;
}
