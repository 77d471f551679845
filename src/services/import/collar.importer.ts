// Collars (and GeoJSON boreholes): one borehole row per line, upserted on (dataset, hole_id), its
// commodities kept in both the `commodities` JSON text and the borehole_commodity rows.
import type { BulkRow, BulkSession } from '../../store/bulk.js';
import { locate, parseCrs, type Crs } from '../../domain/coordinates.js';
import { fieldsOf, type ImportField } from '../../domain/header-aliases.js';
import { publicId } from '../../domain/public-id.js';
import { parseDegrees, parseNumber, splitList } from './field-values.js';
import {
  CodeLookup,
  RowCheck,
  withNewIds,
  type ImportContext,
  type KindImporter,
  type Mutable,
} from './importer-kit.js';
import { KeyLines } from './key-lines.js';
import type { RawRow } from './problem-log.js';
import { commodityCode } from '../../domain/reference-terms.js';
import { ownCopy, remembered } from '../../domain/remembered.js';

/** A cell's commodities: their codes once each, and the JSON list the borehole row keeps. */
interface Commodities {
  readonly codes: readonly string[];
  readonly list: string;
}

const NO_COMMODITIES: Commodities = { codes: [], list: '[]' };

function commoditiesOf(text: string): Commodities {
  const codes = [...new Set(splitList(text).map(commodityCode))];
  return codes.length ? { codes, list: JSON.stringify(codes) } : NO_COMMODITIES;
}

interface PendingCollar {
  row: Mutable<BulkRow<'borehole'>>;
  commodities: Commodities;
  custodian: string | null;
  depositor: string | null;
  raw: RawRow;
}

export class CollarImporter implements KindImporter {
  readonly kind = 'collars' as const;
  private readonly check: RowCheck;
  private readonly seen = new KeyLines();
  private readonly crsCache = new Map<string, Crs | string>();
  private readonly custodians = new CodeLookup('custodian');
  private readonly depositors = new CodeLookup('organisation');
  private readonly commodityCodes = remembered(commoditiesOf);
  private batch: PendingCollar[] = [];

  constructor(
    private readonly ctx: ImportContext,
    labels: Partial<Record<ImportField, string>>,
  ) {
    this.check = new RowCheck(fieldsOf('collars'), labels);
    ctx.stats.inserted = 0;
    ctx.stats.updated = 0;
  }

  pending(): number {
    return this.batch.length;
  }

  accept(cells: ReadonlyArray<string | null>, raw: RawRow): void {
    const c = this.check.reset(cells);
    const holeId = c.uniqueKey('hole_id', this.ctx.checkKeys ? this.seen : null, raw.line);
    const position = this.position(c);
    const start = c.date('drill_start');
    const end = c.date('drill_end');
    // Compared only as full dates: "2019" is not before "2019-06-11".
    if (start?.length === 10 && end?.length === 10 && end < start)
      c.issue('drill_end', `finish date ${end} is before start date ${start}`);
    const provinceValue = c.province('province');
    const m = this.ctx.toMetres;
    const commodityText = c.text('commodity');
    const commodities = commodityText === null ? NO_COMMODITIES : this.commodityCodes(commodityText);
    const row: Mutable<BulkRow<'borehole'>> = {
      public_id: publicId('borehole', this.ctx.dataset, holeId ?? ''),
      dataset: this.ctx.dataset,
      hole_id: holeId,
      name: c.text('name') ?? holeId,
      project: c.text('project'),
      deposit_name: c.text('deposit'),
      province_code: provinceValue,
      county: c.text('county'),
      lon: position?.lon ?? null,
      lat: position?.lat ?? null,
      src_crs: position?.crs ?? null,
      src_x: position?.x ?? null,
      src_y: position?.y ?? null,
      collar_elev: c.number('elevation', { scale: m }),
      total_depth: c.number('total_depth', { min: 0, scale: m }),
      drill_start: start,
      drill_end: end,
      purpose: c.text('purpose'),
      commodities: commodities.list,
      deposit_type: c.text('deposit_type'),
      tectonic_unit: c.text('tectonic_unit'),
      metallogenic_belt: c.text('metallogenic_belt'),
      core_class: c.term('core_class', 'core_class', 'Ⅰ, Ⅱ, Ⅲ (I, II, III, 一类 …)'),
      custodian_id: null,
      depositor_id: null,
      funding_source: c.term('funding', 'funding_source', '中央财政, 地方财政, 自筹, 企业, 社会资金'),
      ownership_dispute: 0,
      confidentiality:
        c.term('confidentiality', 'confidentiality', '公开, 内部, 涉密 (public, internal, classified)') ??
        'public',
      core_length: c.number('core_length', { min: 0, scale: m }),
      recovery: c.fraction('recovery'),
      created_at: this.ctx.now,
      updated_at: this.ctx.now,
    };
    if (c.issues.length) this.ctx.problems.reject(raw, c.issues);
    else {
      const custodian = this.ctx.custodian ?? c.text('custodian');
      this.batch.push({ row, commodities, custodian, depositor: c.text('depositor'), raw });
    }
  }

  /** Position from easting/northing in the row's CRS (a `crs` column wins over --crs). */
  private position(
    c: RowCheck,
  ): { lon: number | null; lat: number | null; crs: string; x: number; y: number } | null {
    const crsText = c.text('crs');
    let crs = this.ctx.crs;
    if (crsText !== null) {
      let cached = this.crsCache.get(crsText);
      if (cached === undefined) {
        try {
          cached = parseCrs(crsText);
        } catch (error) {
          cached = (error as Error).message.split('\n')[0]!;
        }
        this.crsCache.set(ownCopy(crsText), cached);
      }
      if (typeof cached === 'string') {
        c.issue('crs', cached);
        return null;
      }
      crs = cached;
    }
    const parse = crs.kind === 'geographic' ? parseDegrees : parseNumber;
    const x = c.parsed('easting', parse, true);
    const y = c.parsed('northing', parse, true);
    if (x === null || y === null) return null;
    if (crs.kind === 'local') {
      const m = this.ctx.toMetres;
      return { lon: null, lat: null, crs: crs.code, x: x * m, y: y * m };
    }
    const located = locate(crs, x, y, this.ctx.crsAssumed && crsText === null);
    if ('field' in located) {
      c.issue(located.field, located.message);
      return null;
    }
    return { lon: located.lon, lat: located.lat, crs: crs.code, x, y };
  }

  async flush(session: BulkSession): Promise<void> {
    const items = this.batch;
    this.batch = [];
    if (!items.length) return;
    const [custodianIds, depositorIds] = await Promise.all([
      this.custodians.resolve(
        session,
        items.map((i) => i.custodian),
      ),
      this.depositors.resolve(
        session,
        items.map((i) => i.depositor),
      ),
    ]);
    const valid: PendingCollar[] = [];
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      const issues = [];
      if (item.custodian !== null) {
        item.row.custodian_id = custodianIds[i]!;
        if (item.row.custodian_id === null)
          issues.push({
            field: this.check.label('custodian'),
            message: `custodian code ${JSON.stringify(item.custodian)} does not exist`,
          });
      }
      if (item.depositor !== null) {
        item.row.depositor_id = depositorIds[i]!;
        if (item.row.depositor_id === null)
          issues.push({
            field: this.check.label('depositor'),
            message: `depositor (organisation) code ${JSON.stringify(item.depositor)} does not exist`,
          });
      }
      if (issues.length) this.ctx.problems.reject(item.raw, issues);
      else valid.push(item);
    }
    if (!valid.length) return;
    // Into an empty table (a first national load) every row is new: no look-ups, appended rows.
    if (this.ctx.writing() && (await session.loadMode('borehole')) === 'append') {
      this.ctx.stats.inserted! += valid.length;
      this.ctx.stats.written += valid.length;
      const rows = await withNewIds(
        session,
        'borehole',
        valid.map((v) => v.row),
      );
      // The pending items (each with its raw cells, views of a decoded chunk of the file) are done
      // with: let them go before waiting on the store, or a scavenge finds them all alive.
      items.length = 0;
      valid.length = 0;
      await session.append('borehole', rows);
      // The holes' commodity rows, from the `commodities` lists just written (ids are consecutive).
      await session.loadMode('borehole_commodity');
      await session.appendCommodities(rows[0]!.id, rows[rows.length - 1]!.id);
      return;
    }
    const holes = valid.map((v) => v.row.hole_id as string);
    const before = await session.findBoreholes(this.ctx.dataset, holes);
    this.ctx.stats.updated! += before.size;
    this.ctx.stats.inserted! += valid.length - before.size;
    this.ctx.stats.written += valid.length;
    if (!this.ctx.writing()) return;
    await session.upsert(
      'borehole',
      valid.map((v) => v.row),
    );
    await this.writeCommodities(session, valid, before);
  }

  /** Replaces each hole's borehole_commodity rows by the file's list. */
  private async writeCommodities(
    session: BulkSession,
    valid: PendingCollar[],
    before: Map<string, { id: number }>,
  ) {
    if (before.size)
      await session.deleteForBoreholes(
        'borehole_commodity',
        [...before.values()].map((b) => b.id),
      );
    const withCommodities = valid.filter((v) => v.commodities.codes.length);
    if (!withCommodities.length) return;
    const added = withCommodities.map((v) => v.row.hole_id as string).filter((h) => !before.has(h));
    const ids = added.length
      ? await session.findBoreholes(this.ctx.dataset, added)
      : new Map<string, { id: number }>();
    const rows: BulkRow<'borehole_commodity'>[] = [];
    for (const v of withCommodities) {
      const hole = v.row.hole_id as string;
      const id = (before.get(hole) ?? ids.get(hole))!.id;
      for (const commodity of v.commodities.codes) rows.push({ borehole_id: id, commodity });
    }
    await session.upsert('borehole_commodity', rows);
  }
}
