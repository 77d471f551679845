// Samples: upserted on (borehole, sample_no); they may overlap (duplicates, standards), but must lie
// within the hole and a sample number may appear only once per hole in a file.
import type { BulkRow, BulkSession } from '../../store/bulk.js';
import { fieldsOf, type ImportField } from '../../domain/header-aliases.js';
import { publicId } from '../../domain/public-id.js';
import { HoleGroups, HoleLookup, RowCheck, type ImportContext, type KindImporter } from './importer-kit.js';
import { readDepths, validIntervals, type DepthItem } from './interval.importer.js';
import { KeyLines } from './key-lines.js';
import type { RawRow } from './problem-log.js';

interface SampleItem extends DepthItem {
  sample_no: string;
  sample_type: string | null;
  taken_for: string | null;
  taken_at: string | null;
  remaining_fraction: number | null;
}

export class SampleImporter implements KindImporter {
  readonly kind = 'samples' as const;
  private readonly check: RowCheck;
  private readonly groups = new HoleGroups<SampleItem>();
  private readonly holes: HoleLookup;
  /** hole + sample number → first line: samples are few per metre, so this map stays small. */
  private readonly seen = new KeyLines();

  constructor(
    private readonly ctx: ImportContext,
    labels: Partial<Record<ImportField, string>>,
  ) {
    this.check = new RowCheck(fieldsOf('samples'), labels);
    this.holes = new HoleLookup(ctx.dataset);
  }

  pending(): number {
    return this.groups.pending();
  }

  accept(cells: ReadonlyArray<string | null>, raw: RawRow): void {
    const c = this.check.reset(cells);
    const hole = c.required('hole_id');
    const sampleNo = c.required('sample_no');
    const { from, to } = readDepths(c, this.ctx.toMetres);
    const item = {
      sample_type: c.text('sample_type'),
      taken_for: c.text('taken_for'),
      taken_at: c.date('taken_at'),
      remaining_fraction: c.fraction('remaining_fraction'),
    };
    if (hole !== null && sampleNo !== null) {
      const key = `${hole}\u001f${sampleNo}`;
      const first = this.seen.firstLine(key, raw.line);
      if (first !== undefined)
        c.issue(
          'sample_no',
          `duplicate sample ${JSON.stringify(sampleNo)} in hole ${JSON.stringify(hole)}: also on line ${first}`,
        );
    }
    if (c.issues.length || hole === null || sampleNo === null) {
      this.ctx.problems.reject(raw, c.issues);
      return;
    }
    this.groups.add(hole, { ...item, sample_no: sampleNo, depth_from: from!, depth_to: to!, raw });
  }

  async flush(session: BulkSession, final: boolean): Promise<void> {
    const groups = this.groups.take(final);
    if (!groups.length) return;
    const holes = await this.holes.resolve(
      session,
      groups.map((g) => g.hole),
    );
    const rows: BulkRow<'sample'>[] = [];
    const label = (f: ImportField) => this.check.label(f);
    for (const [i, group] of groups.entries()) {
      const ref = holes.at(i);
      const raws = group.items.map((i) => i.raw);
      if (!ref) {
        this.ctx.problems.reject(raws, [this.holes.orphan(group.hole, raws, label('hole_id'))]);
        continue;
      }
      for (const s of validIntervals(this.ctx, group.items, ref.total_depth, false, label)) {
        rows.push({
          public_id: publicId('sample', this.ctx.dataset, group.hole, s.sample_no),
          borehole_id: ref.id,
          sample_no: s.sample_no,
          depth_from: s.depth_from,
          depth_to: s.depth_to,
          sample_type: s.sample_type,
          taken_for: s.taken_for,
          taken_at: s.taken_at,
          remaining_fraction: s.remaining_fraction,
        });
      }
    }
    this.ctx.stats.written += rows.length;
    if (this.ctx.writing() && rows.length) await session.upsert('sample', rows);
  }
}
