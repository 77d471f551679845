// What the generator produces. Rows that point at other rows carry natural keys (custodian code,
// dataset + hole id) instead of database ids, so the same stream feeds the store (which resolves
// ids) and the benchmark's CSV files (which keep the keys).
import type { Belt, Commodity, DepositType, Province } from '../../domain/china.js';
import type { BulkRow } from '../../store/bulk.js';

export interface DemoOptions {
  /** Boreholes to generate (0 = none). */
  boreholes: number;
  /** Catalog records; default twice the boreholes, as on the national platform. */
  catalog?: number;
  /** Same seed, same data (byte for byte, on both engines). Default 1958. */
  seed?: number | string;
  /**
   * Share (0–1) of boreholes that get lithology, surveys, core boxes and samples. Default: all of
   * them up to 20,000 boreholes, and 20,000 ÷ boreholes above that, so the detail tables stay near
   * 2.5 million rows and a 1,050,000-borehole load takes minutes, not hours.
   */
  detail?: number;
}

export interface DemoPlan {
  readonly boreholes: number;
  readonly catalog: number;
  readonly seed: number;
  readonly detail: number;
}

/** Boreholes that get full detail when the caller does not say. */
export const DEFAULT_DETAILED_HOLES = 20_000;
export const DEFAULT_SEED = 1958;

export type HoleRow = Omit<BulkRow<'borehole'>, 'custodian_id' | 'depositor_id'>;
export type LithologyRow = Omit<BulkRow<'lithology'>, 'borehole_id'>;
export type SurveyRow = Omit<BulkRow<'survey'>, 'borehole_id'>;
export type BoxRow = Omit<BulkRow<'core_box'>, 'borehole_id'>;
export type SampleRow = Omit<BulkRow<'sample'>, 'borehole_id'>;
export type CatalogRow = Omit<BulkRow<'catalog_record'>, 'borehole_id' | 'custodian_id'>;

/** A deposit or mining area: one dataset, one cluster of holes. */
export interface DemoDeposit {
  readonly index: number;
  readonly dataset: string;
  readonly name: string;
  readonly province: Province;
  readonly county: string;
  readonly belt: Belt;
  readonly commodities: readonly Commodity[];
  readonly type: DepositType;
  readonly lon: number;
  readonly lat: number;
  readonly elev: number;
  /** The exploration stage of the project (普查/详查/勘探…), also the usual purpose of its holes. */
  readonly stage: string;
  readonly firstYear: number;
  readonly lastYear: number;
  /** Organisation codes: the main depositor first. */
  readonly depositors: readonly string[];
  readonly holeCount: number;
}

export interface DemoHole {
  readonly row: HoleRow;
  readonly deposit: DemoDeposit;
  readonly custodianCode: string;
  readonly depositorCode: string;
  readonly commodities: readonly string[];
  /** Seed of the hole's own stream for its detail rows. */
  readonly seed: number;
  readonly detailed: boolean;
  /** Thickness of the Quaternary cover, metres. */
  readonly cover: number;
  /** Depth where coring began (thick cover is drilled without core), metres. */
  readonly coreFrom: number;
  /** Initial azimuth and dip of the hole (dip 90 = vertical). */
  readonly azimuth: number;
  readonly dip: number;
}

export interface HoleDetail {
  readonly lithology: LithologyRow[];
  readonly surveys: SurveyRow[];
  readonly boxes: BoxRow[];
  readonly samples: SampleRow[];
}

export interface DemoCatalogRecord {
  readonly row: CatalogRow;
  /** The borehole it describes, if any. */
  readonly dataset: string | null;
  readonly holeId: string | null;
  readonly custodianCode: string;
}

/** One step of the stream: whole deposits, so a consumer can resolve all ids of a chunk at once. */
export interface DemoChunk {
  readonly holes: DemoHole[];
  readonly catalog: DemoCatalogRecord[];
}

export interface DemoParties {
  readonly custodians: Array<BulkRow<'custodian'>>;
  readonly organisations: Array<BulkRow<'organisation'>>;
  /** Depositor candidates per province code. */
  readonly depositorsByProvince: ReadonlyMap<string, readonly DepositorRef[]>;
  readonly national: readonly DepositorRef[];
  /** Organisation code by company name, for deposits with a known operator. */
  readonly operators: ReadonlyMap<string, string>;
}

export interface DepositorRef {
  readonly code: string;
  readonly focus: string;
}

export const NATIONAL_CENTRE_CODE = 'NGAC';

export function provincialRepositoryCode(provinceCode: string): string {
  return `PGA-${provinceCode}`;
}
