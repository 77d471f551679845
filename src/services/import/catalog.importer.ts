// Catalog records of physical geological materials (实物地质资料目录): upserted on record_no,
// optionally linked to a borehole by hole id (in --dataset, or the row's own dataset column).
import type { BulkRow, BulkSession } from '../../store/bulk.js';
import { fieldsOf, type ImportField } from '../../domain/header-aliases.js';
import { publicId } from '../../domain/public-id.js';
import { parseYear } from './field-values.js';
import {
  CodeLookup,
  HoleLookup,
  RowCheck,
  type ImportContext,
  type KindImporter,
  withNewIds,
  type Mutable,
} from './importer-kit.js';
import { KeyLines } from './key-lines.js';
import type { Issue, RawRow } from './problem-log.js';
import { ownCopy } from '../../domain/remembered.js';

interface PendingRecord {
  row: Mutable<BulkRow<'catalog_record'>>;
  custodian: string | null;
  dataset: string;
  hole: string | null;
  raw: RawRow;
}

export class CatalogImporter implements KindImporter {
  readonly kind = 'catalog' as const;
  readonly overlappingFlushes = true;
  private readonly check: RowCheck;
  private readonly seen = new KeyLines();
  private readonly custodians = new CodeLookup('custodian');
  private readonly holes = new Map<string, HoleLookup>();
  private batch: PendingRecord[] = [];

  constructor(
    private readonly ctx: ImportContext,
    labels: Partial<Record<ImportField, string>>,
  ) {
    this.check = new RowCheck(fieldsOf('catalog'), labels);
  }

  pending(): number {
    return this.batch.length;
  }

  accept(cells: ReadonlyArray<string | null>, raw: RawRow): void {
    const c = this.check.reset(cells);
    const recordNo = c.uniqueKey('record_no', this.ctx.checkKeys ? this.seen : null, raw.line);
    const title = c.required('title_zh');
    const materialText = c.required('material_type');
    const material =
      materialText === null
        ? null
        : c.term(
            'material_type',
            'material_type',
            '岩芯, 岩屑, 标本, 薄片, 样品, 其他 (core, cuttings, specimen, thin_section, sample, other)',
          );
    const provinceValue = c.province('province');
    const row: Mutable<BulkRow<'catalog_record'>> = {
      public_id: publicId('catalog', recordNo ?? ''),
      record_no: recordNo,
      title_zh: title,
      title_en: c.text('title_en'),
      material_type: material,
      borehole_id: null,
      custodian_id: null,
      province_code: provinceValue,
      quantity: c.number('quantity', { min: 0 }),
      unit: c.text('unit'),
      year: c.parsed('year', c.recurring(parseYear)),
      description: c.text('description'),
      created_at: this.ctx.now,
      updated_at: this.ctx.now,
    };
    if (c.issues.length) {
      this.ctx.problems.reject(raw, c.issues);
      return;
    }
    const dataset = c.text('dataset') ?? this.ctx.dataset;
    this.batch.push({
      row,
      custodian: this.ctx.custodian ?? c.text('custodian'),
      dataset,
      hole: c.text('hole_id'),
      raw,
    });
  }

  private lookup(dataset: string): HoleLookup {
    let l = this.holes.get(dataset);
    if (!l) this.holes.set(dataset, (l = new HoleLookup(ownCopy(dataset))));
    return l;
  }

  async flush(session: BulkSession): Promise<void> {
    const items = this.batch;
    this.batch = [];
    if (!items.length) return;
    // Every look-up is sent before the first wait: the flush is started between two chunks of the
    // file, and its continuation runs only after the next chunk is parsed, while the store (a writer
    // thread, PostgreSQL) would sit idle with nothing to answer.
    const custodians = this.custodians.resolve(
      session,
      items.map((i) => i.custodian),
    );
    // The rows naming a hole, by dataset (a file mostly has one), each row given its hole's id.
    const named = new Map<string, { at: number[]; holes: string[] }>();
    items.forEach((item, i) => {
      if (item.hole === null) return;
      let rows = named.get(item.dataset);
      if (!rows) named.set(item.dataset, (rows = { at: [], holes: [] }));
      rows.at.push(i);
      rows.holes.push(item.hole);
    });
    const lookups = [...named].map(async ([dataset, { at, holes }]) => {
      const answers = await this.lookup(dataset).resolve(session, holes);
      at.forEach((i, k) => (items[i]!.row.borehole_id = answers.idAt(k)));
    });
    const [custodianIds] = await Promise.all([custodians, ...lookups]);
    const rows: Array<Mutable<BulkRow<'catalog_record'>>> = [];
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      const issues: Issue[] = [];
      if (item.custodian !== null) {
        item.row.custodian_id = custodianIds[i]!;
        if (item.row.custodian_id === null)
          issues.push({
            field: this.check.label('custodian'),
            message: `custodian code ${JSON.stringify(item.custodian)} does not exist`,
          });
      }
      if (item.hole !== null && item.row.borehole_id === null) {
        issues.push({
          field: this.check.label('hole_id'),
          message: `hole ${JSON.stringify(item.hole)} is not in dataset ${JSON.stringify(item.dataset)}`,
        });
      }
      if (issues.length) this.ctx.problems.reject(item.raw, issues);
      else rows.push(item.row);
    }
    // The items (each with its raw cells, views of a decoded chunk of the file) are done with:
    // let them go before waiting on the store.
    items.length = 0;
    this.ctx.stats.written += rows.length;
    if (!this.ctx.writing() || !rows.length) return;
    // Into an empty table (a first national load) rows go in by append; otherwise by upsert.
    if ((await session.loadMode('catalog_record')) === 'append')
      await session.append('catalog_record', await withNewIds(session, 'catalog_record', rows));
    else await session.upsert('catalog_record', rows);
  }
}
