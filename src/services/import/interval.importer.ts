// Lithology intervals (and assay-style FROM/TO tables): each hole's intervals replace the stored
// ones and must tile without overlap. Overlaps with a hole's earlier run of rows in an unsorted
// file are found against the merged depth ranges of those rows, so memory stays O(holes).
import type { BulkRow, BulkSession } from '../../store/bulk.js';
import { checkIntervals, describeIntervalProblem, type IntervalProblem } from '../../domain/intervals.js';
import { fieldsOf, type ImportField } from '../../domain/header-aliases.js';
import { HoleGroups, HoleLookup, RowCheck, type ImportContext, type KindImporter } from './importer-kit.js';
import type { Issue, RawRow } from './problem-log.js';
import { ownCopy } from '../../domain/remembered.js';

const TOLERANCE = 1e-6;

export interface DepthItem {
  depth_from: number;
  depth_to: number;
  raw: RawRow;
}

interface LithologyItem extends DepthItem {
  code: string | null;
  name_zh: string | null;
  name_en: string | null;
  description: string | null;
}

/** The issue for one problem of `checkIntervals`, naming the other line of an overlap. */
export function intervalIssue(
  p: IntervalProblem,
  items: readonly DepthItem[],
  label: (f: ImportField) => string,
): Issue {
  if (p.kind === 'overlap') {
    const a = items[p.index]!;
    const b = items[p.other]!;
    const same =
      Math.abs(a.depth_from - b.depth_from) <= TOLERANCE && Math.abs(a.depth_to - b.depth_to) <= TOLERANCE;
    return {
      field: label('depth_from'),
      message: same
        ? `duplicate interval ${a.depth_from}–${a.depth_to} m: also on line ${b.raw.line}`
        : `${describeIntervalProblem(p)}: ${a.depth_from}–${a.depth_to} m overlaps ${b.depth_from}–${b.depth_to} m on line ${b.raw.line}`,
    };
  }
  return {
    field: label(p.kind === 'negative' ? 'depth_from' : 'depth_to'),
    message: describeIntervalProblem(p),
  };
}

/**
 * Checks a hole's run of intervals and rejects the bad ones: first each on its own (negative,
 * reversed, below total depth), then, where intervals must tile, each one starting inside an
 * interval kept before it in depth order (of two duplicates, the later line is the one rejected).
 */
export function validIntervals<T extends DepthItem>(
  ctx: ImportContext,
  items: T[],
  totalDepth: number | null,
  exclusive: boolean,
  label: (f: ImportField) => string,
): T[] {
  const bad = new Map<number, Issue[]>();
  for (const p of checkIntervals(items, totalDepth, false, TOLERANCE)) {
    bad.set(p.index, [...(bad.get(p.index) ?? []), intervalIssue(p, items, label)]);
  }
  if (exclusive) {
    const order = items.map((_, i) => i).filter((i) => !bad.has(i));
    order.sort(
      (a, b) => items[a]!.depth_from - items[b]!.depth_from || items[a]!.raw.line - items[b]!.raw.line,
    );
    let deepest = -1; // the kept interval reaching deepest so far
    for (const i of order) {
      if (deepest >= 0 && items[i]!.depth_from < items[deepest]!.depth_to - TOLERANCE) {
        bad.set(i, [intervalIssue({ kind: 'overlap', index: i, other: deepest }, items, label)]);
      } else if (deepest < 0 || items[i]!.depth_to > items[deepest]!.depth_to) deepest = i;
    }
  }
  for (const [index, issues] of bad) ctx.problems.reject(items[index]!.raw, issues);
  return bad.size ? items.filter((_, i) => !bad.has(i)) : items;
}

/** Reads from/to (converted to metres) into `c`'s issues. */
export function readDepths(c: RowCheck, toMetres: number): { from: number | null; to: number | null } {
  return {
    from: c.number('depth_from', { required: true, scale: toMetres }),
    to: c.number('depth_to', { required: true, scale: toMetres }),
  };
}

export class IntervalImporter implements KindImporter {
  readonly kind = 'intervals' as const;
  private readonly check: RowCheck;
  private readonly groups = new HoleGroups<LithologyItem>();
  private readonly holes: HoleLookup;
  /**
   * Merged [from, to, firstLine, lastLine]… of each hole's rows accepted so far; a hole with an
   * entry has had its stored intervals replaced already. The one per-hole state kept.
   */
  private readonly covered = new Map<string, number[]>();

  constructor(
    private readonly ctx: ImportContext,
    labels: Partial<Record<ImportField, string>>,
  ) {
    this.check = new RowCheck(fieldsOf('intervals'), labels);
    this.holes = new HoleLookup(ctx.dataset);
    ctx.stats.holesReplaced = 0;
  }

  pending(): number {
    return this.groups.pending();
  }

  accept(cells: ReadonlyArray<string | null>, raw: RawRow): void {
    const c = this.check.reset(cells);
    const hole = c.required('hole_id');
    const { from, to } = readDepths(c, this.ctx.toMetres);
    if (c.issues.length || hole === null) {
      this.ctx.problems.reject(raw, c.issues);
      return;
    }
    this.groups.add(hole, {
      depth_from: from!,
      depth_to: to!,
      code: c.text('lith_code'),
      name_zh: c.text('lith_name_zh'),
      name_en: c.text('lith_name_en'),
      description: c.text('description'),
      raw,
    });
  }

  async flush(session: BulkSession, final: boolean): Promise<void> {
    const groups = this.groups.take(final);
    if (!groups.length) return;
    const holes = await this.holes.resolve(
      session,
      groups.map((g) => g.hole),
    );
    const rows: BulkRow<'lithology'>[] = [];
    const clear: number[] = [];
    const label = (f: ImportField) => this.check.label(f);
    for (const [i, group] of groups.entries()) {
      const ref = holes.at(i);
      const raws = group.items.map((i) => i.raw);
      if (!ref) {
        this.ctx.problems.reject(raws, [this.holes.orphan(group.hole, raws, label('hole_id'))]);
        continue;
      }
      const first = !this.covered.has(group.hole);
      const valid = this.notCovered(
        group.hole,
        validIntervals(this.ctx, group.items, ref.total_depth, true, label),
      );
      if (!valid.length) continue;
      if (first) clear.push(ref.id);
      for (const i of valid) {
        rows.push({
          borehole_id: ref.id,
          depth_from: i.depth_from,
          depth_to: i.depth_to,
          code: i.code,
          name_zh: i.name_zh,
          name_en: i.name_en,
          description: i.description,
        });
      }
    }
    this.ctx.stats.written += rows.length;
    this.ctx.stats.holesReplaced! += clear.length;
    if (!this.ctx.writing()) return;
    if (clear.length) await session.deleteForBoreholes('lithology', clear);
    if (rows.length) await session.upsert('lithology', rows);
  }

  /** Rejects intervals overlapping the hole's earlier runs, then records the run's coverage. */
  private notCovered(hole: string, items: LithologyItem[]): LithologyItem[] {
    const ranges = this.covered.get(hole);
    const kept = !ranges
      ? items
      : items.filter((item) => {
          for (let k = 0; k < ranges.length; k += 4) {
            if (item.depth_from < ranges[k + 1]! - TOLERANCE && item.depth_to > ranges[k]! + TOLERANCE) {
              this.ctx.problems.reject(item.raw, [
                {
                  field: this.check.label('depth_from'),
                  message: `interval ${item.depth_from}–${item.depth_to} m overlaps the same hole's intervals ${lines(ranges[k + 2]!, ranges[k + 3]!)} (the hole's rows are split in the file)`,
                },
              ]);
              return false;
            }
          }
          return true;
        });
    if (kept.length) this.covered.set(ownCopy(hole), mergeRanges(ranges ?? [], kept));
    return kept;
  }
}

function lines(first: number, last: number): string {
  return first === last ? `on line ${first}` : `on lines ${first}–${last}`;
}

/** Adds items to sorted, merged [from, to, firstLine, lastLine] ranges; touching ranges merge. */
export function mergeRanges(ranges: number[], items: readonly DepthItem[]): number[] {
  const all: number[][] = [];
  for (let k = 0; k < ranges.length; k += 4) all.push(ranges.slice(k, k + 4));
  for (const i of items) all.push([i.depth_from, i.depth_to, i.raw.line, i.raw.line]);
  all.sort((a, b) => a[0]! - b[0]!);
  const out: number[] = [];
  for (const r of all) {
    const n = out.length;
    if (n && r[0]! <= out[n - 3]! + TOLERANCE) {
      out[n - 3] = Math.max(out[n - 3]!, r[1]!);
      out[n - 2] = Math.min(out[n - 2]!, r[2]!);
      out[n - 1] = Math.max(out[n - 1]!, r[3]!);
    } else out.push(r[0]!, r[1]!, r[2]!, r[3]!);
  }
  return out;
}
