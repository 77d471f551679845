// A column of short texts (hole ids) as UTF-8 bytes in one buffer with offsets: a million strings as
// JavaScript objects would be marked by every full garbage collection, pausing searches for tens
// of milliseconds; bytes in one buffer cost the collector nothing.

export class TextColumn {
  private constructor(
    private readonly bytes: Buffer,
    private readonly start: Uint32Array,
  ) {}

  static of(texts: readonly string[]): TextColumn {
    const start = new Uint32Array(texts.length + 1);
    let size = 0;
    for (let i = 0; i < texts.length; i++) {
      size += Buffer.byteLength(texts[i]!);
      start[i + 1] = size;
    }
    const bytes = Buffer.allocUnsafe(size);
    for (let i = 0; i < texts.length; i++) bytes.write(texts[i]!, start[i]!);
    return new TextColumn(bytes, start);
  }

  /** Positions whose text begins with `prefix`, as a test per position. */
  startsWith(prefix: string): (i: number) => boolean {
    const wanted = Buffer.from(prefix);
    const { bytes, start } = this;
    return (i) => {
      const from = start[i]!;
      if (start[i + 1]! - from < wanted.length) return false;
      for (let k = 0; k < wanted.length; k++) if (bytes[from + k] !== wanted[k]) return false;
      return true;
    };
  }

  /** Positions whose text is one of `values`, as a test per position. */
  isOneOf(values: readonly string[]): (i: number) => boolean {
    const prefixes = values.map((v) => ({ length: Buffer.byteLength(v), test: this.startsWith(v) }));
    const { start } = this;
    return (i) => {
      const length = start[i + 1]! - start[i]!;
      return prefixes.some((p) => p.length === length && p.test(i));
    };
  }
}
