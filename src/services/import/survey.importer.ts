// Downhole surveys: each hole's stations replace the ones stored, so re-importing never duplicates.
// Dips are stored positive down (90 = vertical); a file where most non-zero dips are negative uses
// the other convention and is flipped (decided from the whole file before anything is written).
import type { BulkRow, BulkSession } from '../../store/bulk.js';
import { fieldsOf, type ImportField } from '../../domain/header-aliases.js';
import type { DipConvention } from './import.types.js';
import { parseNumber } from './field-values.js';
import { HoleGroups, HoleLookup, RowCheck, type ImportContext, type KindImporter } from './importer-kit.js';
import type { Issue, RawRow } from './problem-log.js';
import { ownCopy } from '../../domain/remembered.js';

interface Station {
  depth: number;
  azimuth: number;
  dip: number;
  raw: RawRow;
}

const TOLERANCE = 1e-6;

/** Counts dip signs; `dips` yields the dip cells of the whole file. */
export async function detectDipConvention(dips: AsyncIterable<string | null>): Promise<DipConvention> {
  let negative = 0;
  let positive = 0;
  let zero = 0;
  for await (const text of dips) {
    const value = text === null ? NaN : parseNumber(text);
    if (typeof value !== 'number' || Number.isNaN(value)) continue;
    if (value < 0) negative++;
    else if (value > 0) positive++;
    else zero++;
  }
  return { convention: negative > positive ? 'negative-down' : 'positive-down', negative, positive, zero };
}

/** Azimuth in [0, 360): 360 → 0, −10 → 350; values beyond ±360 are errors, not wrapped. */
export function normaliseAzimuth(az: number): number {
  const wrapped = az % 360;
  const positive = wrapped < 0 ? wrapped + 360 : wrapped;
  // -1e-300 + 360 rounds to 360; -0 is written 0.
  return positive >= 360 || positive === 0 ? 0 : positive;
}

export class SurveyImporter implements KindImporter {
  readonly kind = 'surveys' as const;
  private readonly check: RowCheck;
  private readonly groups = new HoleGroups<Station>();
  private readonly holes: HoleLookup;
  /**
   * Depth extents of each hole's runs written so far: [min, max, firstLine, lastLine]…; a hole
   * with an entry has had its stored stations replaced already. The one per-hole state kept.
   */
  private readonly extents = new Map<string, number[]>();

  constructor(
    private readonly ctx: ImportContext,
    labels: Partial<Record<ImportField, string>>,
    private readonly dips: DipConvention,
  ) {
    this.check = new RowCheck(fieldsOf('surveys'), labels);
    this.holes = new HoleLookup(ctx.dataset);
    ctx.stats.holesReplaced = 0;
  }

  pending(): number {
    return this.groups.pending();
  }

  accept(cells: ReadonlyArray<string | null>, raw: RawRow): void {
    const c = this.check.reset(cells);
    const hole = c.required('hole_id');
    const depth = c.number('depth', { required: true, min: 0, scale: this.ctx.toMetres });
    let dip = c.number('dip', { required: true, min: -90, max: 90 });
    let azimuth: number | null;
    // A vertical hole has no azimuth: tables leave it blank.
    if (dip !== null && Math.abs(dip) === 90 && c.text('azimuth') === null) azimuth = 0;
    else azimuth = c.number('azimuth', { required: true, min: -360, max: 360 });
    if (dip !== null && this.dips.convention === 'negative-down') dip = dip === 0 ? 0 : -dip;
    if (c.issues.length || hole === null) {
      this.ctx.problems.reject(raw, c.issues);
      return;
    }
    this.groups.add(hole, { depth: depth!, azimuth: normaliseAzimuth(azimuth!), dip: dip!, raw });
  }

  async flush(session: BulkSession, final: boolean): Promise<void> {
    const groups = this.groups.take(final);
    if (!groups.length) return;
    const holes = await this.holes.resolve(
      session,
      groups.map((g) => g.hole),
    );
    const rows: BulkRow<'survey'>[] = [];
    const clear: number[] = [];
    const holeLabel = this.check.label('hole_id');
    for (const [i, group] of groups.entries()) {
      const ref = holes.at(i);
      if (!ref) {
        this.ctx.problems.reject(
          group.items.map((s) => s.raw),
          [
            this.holes.orphan(
              group.hole,
              group.items.map((s) => s.raw),
              holeLabel,
            ),
          ],
        );
        continue;
      }
      const first = !this.extents.has(group.hole);
      const valid = this.validate(group.hole, group.items, ref.total_depth);
      if (!valid.length) continue;
      if (first) clear.push(ref.id);
      for (const s of valid)
        rows.push({ borehole_id: ref.id, depth: s.depth, azimuth: s.azimuth, dip: s.dip });
    }
    this.ctx.stats.written += rows.length;
    this.ctx.stats.holesReplaced! += clear.length;
    if (!this.ctx.writing()) return;
    if (clear.length) await session.deleteForBoreholes('survey', clear);
    if (rows.length) await session.upsert('survey', rows);
  }

  private validate(hole: string, stations: Station[], totalDepth: number | null): Station[] {
    const depthLabel = this.check.label('depth');
    const byDepth = [...stations].sort((a, b) => a.depth - b.depth);
    const bad = new Map<Station, Issue>();
    for (let i = 0; i < byDepth.length; i++) {
      const s = byDepth[i]!;
      const prev = byDepth[i - 1];
      if (prev && Math.abs(s.depth - prev.depth) <= TOLERANCE) {
        const [first, second] = prev.raw.line < s.raw.line ? [prev, s] : [s, prev];
        bad.set(second, {
          field: depthLabel,
          message: `duplicate survey depth ${s.depth} m in hole ${JSON.stringify(hole)}: also on line ${first.raw.line}`,
        });
      } else if (totalDepth != null && s.depth > totalDepth + TOLERANCE) {
        bad.set(s, {
          field: depthLabel,
          message: `survey deeper than the hole: ${s.depth} m, total depth ${totalDepth} m`,
        });
      }
    }
    for (const [s, issue] of bad) this.ctx.problems.reject(s.raw, [issue]);
    const valid = stations.filter((s) => !bad.has(s));
    if (!valid.length) return valid;
    let min = Infinity;
    let max = -Infinity;
    for (const s of valid) {
      min = Math.min(min, s.depth);
      max = Math.max(max, s.depth);
    }
    const earlier = this.extents.get(hole) ?? [];
    for (let k = 0; k < earlier.length; k += 4) {
      if (min <= earlier[k + 1]! + TOLERANCE && max >= earlier[k]! - TOLERANCE) {
        this.ctx.problems.reject(
          valid.map((s) => s.raw),
          [
            {
              field: this.check.label('hole_id'),
              message: `hole ${JSON.stringify(hole)} reappears with depths among its stations on lines ${earlier[k + 2]}–${earlier[k + 3]}: sort the file by hole and depth`,
            },
          ],
        );
        return [];
      }
    }
    earlier.push(min, max, valid[0]!.raw.line, valid[valid.length - 1]!.raw.line);
    this.extents.set(ownCopy(hole), earlier);
    return valid;
  }
}
