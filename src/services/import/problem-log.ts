// Problems found while importing, collected (up to a limit) so a user can fix a file in one go, and
// with --skip-invalid the rejected rows themselves, written to a CSV next to the input.
import { closeSync, openSync, writeSync } from 'node:fs';
import { csvLine } from './csv-text.js';
import type { ImportProblem } from './import.types.js';

/** A row as read: its first line in the file and its original values. */
export interface RawRow {
  readonly line: number;
  readonly values: ReadonlyArray<string | null>;
  /** A problem the reader found in the row itself (e.g. a GeoJSON feature without a point). */
  readonly issue?: Issue;
  /**
   * True when the reader saw no U+FFFD (what a decoder writes for bytes it cannot decode) in the
   * text the row came from: the import then need not look for one value by value.
   */
  readonly decoded?: boolean;
}

export interface Issue {
  field: string;
  message: string;
}

const FLUSH_BYTES = 1 << 20;

export class ProblemLog {
  readonly problems: ImportProblem[] = [];
  count = 0;
  rejected = 0;
  private fd: number | undefined;
  private pending: string[] = [];
  private pendingBytes = 0;

  constructor(
    private readonly file: string,
    private readonly max: number,
    private readonly skipInvalid: boolean,
    readonly rejectsPath: string | null,
  ) {}

  /** Opens the rejects file (replacing an older one) once the headers are known. */
  start(headers: readonly string[]): void {
    if (!this.skipInvalid || !this.rejectsPath) return;
    this.fd = openSync(this.rejectsPath, 'w');
    this.write(csvLine(['line', 'field', 'reason', ...headers]));
  }

  /** Without --skip-invalid the import stops reading once this many problems are known. */
  get full(): boolean {
    return !this.skipInvalid && this.count >= this.max;
  }

  /** A problem that is not about one row (e.g. an unreadable file); never rejected row by row. */
  fatal(line: number, field: string, message: string): void {
    this.add({ file: this.file, line, field, message });
  }

  /** Records the issues of `rows` (one row, or a group such as all rows of an orphan hole). */
  reject(rows: RawRow | readonly RawRow[], issues: readonly Issue[]): void {
    const group = Array.isArray(rows) ? (rows as readonly RawRow[]) : [rows as RawRow];
    if (group.length === 0) return;
    for (const issue of issues)
      this.add({ file: this.file, line: group[0]!.line, field: issue.field, message: issue.message });
    this.rejected += group.length;
    if (this.fd === undefined) return;
    const fields = issues.map((i) => i.field).join(';');
    const reasons = issues.map((i) => i.message).join('; ');
    for (const row of group) this.write(csvLine([row.line, fields, reasons, ...row.values]));
  }

  close(): void {
    if (this.fd === undefined) return;
    this.flush();
    closeSync(this.fd);
    this.fd = undefined;
  }

  private add(problem: ImportProblem): void {
    this.count++;
    if (this.problems.length < this.max) this.problems.push(problem);
  }

  private write(text: string): void {
    this.pending.push(text);
    this.pendingBytes += text.length;
    if (this.pendingBytes >= FLUSH_BYTES) this.flush();
  }

  private flush(): void {
    if (this.fd !== undefined && this.pending.length) writeSync(this.fd, this.pending.join(''));
    this.pending = [];
    this.pendingBytes = 0;
  }
}
