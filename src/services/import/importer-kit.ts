// What the per-kind importers share: the import context, a reusable row checker that turns cells
// into typed values or issues, per-hole grouping for streamed files, and cached code look-ups.
import {
  refAt,
  type AppendRow,
  type BoreholeRef,
  type BulkRow,
  type BulkSession,
  type HoleRefs,
} from '../../store/bulk.js';
import type { Crs } from '../../domain/coordinates.js';
import type { ImportField, RecordKind } from '../../domain/header-aliases.js';
import { normaliseTerm, type VocabularyField } from '../../domain/vocabulary.js';
import { provinceCode } from '../../domain/reference-terms.js';
import { isError, parseDate, parseNumber, parseFraction, type Parsed } from './field-values.js';
import type { KeyLines } from './key-lines.js';
import type { Issue, ProblemLog, RawRow } from './problem-log.js';
import { ownCopy, remembered } from '../../domain/remembered.js';

/** A bulk row whose ids are filled in after the look-ups of a flush. */
export type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export interface ImportContext {
  readonly file: string;
  readonly dataset: string;
  /** Metres per unit of the file's depths, elevations and local coordinates. */
  readonly toMetres: number;
  readonly crs: Crs;
  /** The CRS was not given: numbers that are not degrees mean --crs is missing. */
  readonly crsAssumed: boolean;
  readonly custodian: string | null;
  readonly problems: ProblemLog;
  /** False in a dry run, and once a problem makes an all-or-nothing import fail anyway. */
  writing(): boolean;
  /**
   * Whether a key that must not repeat in the file (hole_id of collars, record_no of the catalog)
   * is checked row by row. Not in a first load into an empty table: its unique index, built at
   * COMMIT, checks every key once, and a failed run reads the file again checking them (importFile).
   */
  checkKeys: boolean;
  readonly now: string;
  readonly stats: {
    written: number;
    inserted: number | null;
    updated: number | null;
    holesReplaced: number | null;
  };
  readonly warnings: string[];
}

export interface KindImporter {
  readonly kind: RecordKind;
  /** Validates one row (cells in `fieldsOf(kind)` order) without I/O; keeps or rejects it. */
  accept(cells: ReadonlyArray<string | null>, row: RawRow): void;
  /** Rows waiting to be written. */
  pending(): number;
  /** Checks what needs the store (holes, codes) and writes; `final` after the last row. */
  flush(session: BulkSession, final: boolean): Promise<void>;
  /**
   * A flush may start before the one before it has finished: its look-ups go to the store while the
   * previous flush's rows are written. Only for importers whose flushes read nothing the ones before
   * them write (the catalog: holes and codes only), and that take their ids from `nextIds`, which
   * hands them out in call order.
   */
  readonly overlappingFlushes?: boolean;
}

const NONE: Issue[] = [];

/** Reads typed values from one row's cells, collecting issues; one instance is reused for every row. */
export class RowCheck {
  /** The row's issues; the shared empty array until the first one (most rows have none). */
  issues: Issue[] = NONE;
  private cells: ReadonlyArray<string | null> = [];
  private readonly slot: Map<ImportField, number>;
  /** Parsers of values that recur down a column, each with its answers remembered. */
  private readonly recurringParsers = new Map<unknown, (text: string) => unknown>();

  constructor(
    fields: readonly ImportField[],
    private readonly labels: Readonly<Partial<Record<ImportField, string>>>,
  ) {
    this.slot = new Map(fields.map((f, i) => [f, i]));
  }

  reset(cells: ReadonlyArray<string | null>): this {
    this.cells = cells;
    this.issues = NONE;
    return this;
  }

  /** The header the field was read from (what the user sees), or the field's own name. */
  label(field: ImportField): string {
    return this.labels[field] ?? field;
  }

  /**
   * A required key that must not repeat within the file; `seen` holds each key's first line (null:
   * repeats are left to the store, ImportContext.checkKeys).
   */
  uniqueKey(field: ImportField, seen: KeyLines | null, line: number): string | null {
    const key = this.required(field);
    if (key === null || seen === null) return key;
    const first = seen.firstLine(key, line);
    if (first !== undefined)
      this.issue(field, `duplicate ${field} ${JSON.stringify(key)}: also on line ${first}`);
    return key;
  }

  issue(field: ImportField, message: string): void {
    if (this.issues === NONE) this.issues = [];
    this.issues.push({ field: this.label(field), message });
  }

  text(field: ImportField): string | null {
    const i = this.slot.get(field);
    return i === undefined ? null : (this.cells[i] ?? null);
  }

  required(field: ImportField): string | null {
    const value = this.text(field);
    if (value === null)
      this.issue(field, `${field} is required (the cell is empty or a placeholder such as -, NA, -999)`);
    return value;
  }

  parsed<T>(field: ImportField, parse: (s: string) => Parsed<T>, required = false): T | null {
    const text = required ? this.required(field) : this.text(field);
    if (text === null) return null;
    const value = parse(text);
    if (isError(value)) {
      this.issue(field, value.error);
      return null;
    }
    return value;
  }

  /** A number within [min, max], multiplied by `scale` (a unit conversion). */
  number(
    field: ImportField,
    opts: { required?: boolean; min?: number; max?: number; scale?: number } = {},
  ): number | null {
    const value = this.parsed(field, parseNumber, opts.required);
    if (value === null) return null;
    if ((opts.min !== undefined && value < opts.min) || (opts.max !== undefined && value > opts.max)) {
      const range =
        opts.max === undefined
          ? `≥ ${opts.min}`
          : opts.min === undefined
            ? `≤ ${opts.max}`
            : `${opts.min}…${opts.max}`;
      this.issue(field, `${field} ${value} is out of range (${range})`);
      return null;
    }
    return opts.scale === undefined || opts.scale === 1 ? value : value * opts.scale;
  }

  /**
   * `parse` with its answers remembered, for values of few distinct texts (years, terms, provinces);
   * `key` names the parser when `parse` is a new closure on every call.
   */
  recurring<T>(parse: (text: string) => T, key: unknown = parse): (text: string) => T {
    let memo = this.recurringParsers.get(key);
    if (!memo) this.recurringParsers.set(key, (memo = remembered(parse)));
    return memo as (text: string) => T;
  }

  date(field: ImportField): string | null {
    return this.parsed(field, parseDate);
  }

  fraction(field: ImportField): number | null {
    return this.parsed(field, this.recurring(parseFraction));
  }

  /** A controlled-vocabulary code, or an issue listing what is accepted. */
  term(field: ImportField, vocabulary: VocabularyField, accepted: string): string | null {
    const text = this.text(field);
    if (text === null) return null;
    const code = this.recurring((s) => normaliseTerm(vocabulary, s), vocabulary)(text);
    if (code === undefined)
      this.issue(field, `${JSON.stringify(text)} is not a known ${field}; use one of ${accepted}`);
    return code ?? null;
  }

  /** A province code (GB/T 2260, two-digit prefix) from a name or a code, or an issue. */
  province(field: ImportField): string | null {
    const text = this.text(field);
    if (text === null) return null;
    const code = this.recurring(provinceCode)(text);
    if (code === undefined) this.issue(field, `${JSON.stringify(text)} is not a known province name or code`);
    return code ?? null;
  }
}

/** One run of consecutive rows of a hole (a hole whose id reappears later has several). */
export interface Grouped<T> {
  hole: string;
  items: T[];
}

/** Groups consecutive rows of a hole; files sorted by hole use O(rows of one hole) memory. */
export class HoleGroups<T> {
  private current: Grouped<T> | undefined;
  private ready: Grouped<T>[] = [];
  private readyItems = 0;

  add(hole: string, item: T): void {
    if (this.current?.hole !== hole) {
      this.close();
      this.current = { hole, items: [] };
    }
    this.current.items.push(item);
  }

  /** Rows in complete groups (the current hole may still continue). */
  pending(): number {
    return this.readyItems;
  }

  take(final: boolean): Grouped<T>[] {
    if (final) this.close();
    const out = this.ready;
    this.ready = [];
    this.readyItems = 0;
    return out;
  }

  private close(): void {
    if (!this.current) return;
    this.ready.push(this.current);
    this.readyItems += this.current.items.length;
    this.current = undefined;
  }
}

/** The holes of one flush's look-up, by position in the list looked up. */
export class HoleAnswers {
  constructor(
    /** Per hole looked up, its place in the list sent to the store (repeats were sent once). */
    private readonly sent: Int32Array,
    private readonly refs: HoleRefs,
  ) {}

  /** The id of the i-th hole looked up, or null where the dataset has no such hole. */
  idAt(i: number): number | null {
    return this.refs.ids[this.sent[i]!] || null;
  }

  /** The i-th hole looked up, or null where the dataset has no such hole. */
  at(i: number): BoreholeRef | null {
    return refAt(this.refs, this.sent[i]!);
  }
}

/**
 * Holes of the dataset by hole id, looked up for each flush: the answers of `resolve` are that
 * flush's own, by position (two flushes may be in flight: KindImporter.overlappingFlushes).
 * Nothing is kept between flushes: a national file names a million holes, mostly in one flush
 * each, and a cache of them cost more to keep (a third of the look-up time of a catalog import)
 * than asking the store again for the few that recur later.
 */
export class HoleLookup {
  constructor(private readonly dataset: string) {}

  /** Looks up the holes of a flush; the answers are by position in `holes`. */
  async resolve(session: BulkSession, holes: readonly string[]): Promise<HoleAnswers> {
    // Each hole once per run of rows naming it (a hole's rows mostly come together).
    const wanted: string[] = [];
    const sent = new Int32Array(holes.length);
    let previous: string | undefined;
    for (let i = 0; i < holes.length; i++) {
      const hole = holes[i]!;
      if (hole !== previous) wanted.push((previous = hole));
      sent[i] = wanted.length - 1;
    }
    return new HoleAnswers(sent, await session.holeRefs(this.dataset, wanted));
  }

  /** The issue for rows whose hole has no collar in the dataset. */
  orphan(hole: string, rows: readonly RawRow[], label: string): Issue {
    const span =
      rows.length > 1 ? ` (${rows.length} rows, lines ${rows[0]!.line}–${rows[rows.length - 1]!.line})` : '';
    return {
      field: label,
      message: `hole ${JSON.stringify(hole)} has no collar in dataset ${JSON.stringify(this.dataset)}${span}: import its collars first, with the same --dataset`,
    };
  }
}

/** Custodian or organisation ids by code, each code looked up once per run. */
export class CodeLookup {
  /** The id of each code met so far; null for a code that does not exist. */
  private readonly known = new Map<string, number | null>();

  constructor(private readonly table: 'custodian' | 'organisation') {}

  /**
   * The ids of `codes`, by position (null for a null code or one that does not exist): one look-up
   * in the run's answers a row, none where a row repeats the code before it, and the store asked only
   * for codes not met before.
   */
  async resolve(session: BulkSession, codes: ReadonlyArray<string | null>): Promise<Array<number | null>> {
    const ids = new Array<number | null>(codes.length);
    let missing: Set<string> | undefined;
    let previous: string | null = null;
    let previousId: number | null | undefined = null;
    for (let i = 0; i < codes.length; i++) {
      const code = codes[i]!;
      if (code !== previous) {
        previous = code;
        previousId = code === null ? null : this.known.get(code);
        if (previousId === undefined) (missing ??= new Set()).add(code!);
      }
      ids[i] = previousId ?? null;
    }
    if (!missing) return ids;
    const wanted = [...missing];
    const found = await session.findCodes(this.table, wanted);
    for (const code of wanted) this.known.set(ownCopy(code), found.get(code) ?? null);
    codes.forEach((code, i) => {
      if (code !== null && ids[i] === null) ids[i] = this.known.get(code)!;
    });
    return ids;
  }
}

/** New rows with ids reserved for them, ready for `session.append`. */
export async function withNewIds<T extends 'borehole' | 'catalog_record'>(
  session: BulkSession,
  table: T,
  rows: Array<Mutable<BulkRow<T>>>,
): Promise<Array<AppendRow<T>>> {
  const ids = await session.nextIds(table, rows.length);
  return rows.map((row, i) => Object.assign(row, { id: ids[i]! }) as AppendRow<T>);
}
