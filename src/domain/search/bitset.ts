// A fixed-size set of row positions as 32-bit words: the in-memory search answers AND, OR, NOT and
// counts a word at a time, which is what makes exact totals and facets over a million rows cheap.

export class Bitset {
  readonly words: Uint32Array;

  constructor(
    readonly size: number,
    words?: Uint32Array,
  ) {
    this.words = words ?? new Uint32Array((size + 31) >>> 5);
  }

  static full(size: number): Bitset {
    const set = new Bitset(size);
    set.words.fill(0xffffffff);
    set.trim();
    return set;
  }

  /** Clears the bits past `size` in the last word, so NOT and counts stay exact. */
  private trim(): void {
    const extra = this.size & 31;
    if (extra) this.words[this.words.length - 1]! &= (1 << extra) - 1;
  }

  add(i: number): void {
    this.words[i >>> 5]! |= 1 << (i & 31);
  }

  has(i: number): boolean {
    return (this.words[i >>> 5]! & (1 << (i & 31))) !== 0;
  }

  and(other: Bitset): Bitset {
    const out = new Uint32Array(this.words.length);
    for (let w = 0; w < out.length; w++) out[w] = this.words[w]! & other.words[w]!;
    return new Bitset(this.size, out);
  }

  or(other: Bitset): Bitset {
    const out = new Uint32Array(this.words.length);
    for (let w = 0; w < out.length; w++) out[w] = this.words[w]! | other.words[w]!;
    return new Bitset(this.size, out);
  }

  /** `this` AND `other`, in place: for a set the caller made and no one else holds. */
  andWith(other: Bitset): this {
    const words = this.words;
    const theirs = other.words;
    for (let w = 0; w < words.length; w++) words[w]! &= theirs[w]!;
    return this;
  }

  /** `this` OR `other`, in place: for a set the caller made and no one else holds. */
  orWith(other: Bitset): this {
    const words = this.words;
    const theirs = other.words;
    for (let w = 0; w < words.length; w++) words[w]! |= theirs[w]!;
    return this;
  }

  not(): Bitset {
    const out = new Uint32Array(this.words.length);
    for (let w = 0; w < out.length; w++) out[w] = ~this.words[w]!;
    const set = new Bitset(this.size, out);
    set.trim();
    return set;
  }

  count(): number {
    let n = 0;
    for (let w = 0; w < this.words.length; w++) n += popcount(this.words[w]!);
    return n;
  }

  /** Positions of the set bits from `from` on, ascending; stops when `visit` returns false. */
  forEach(visit: (i: number) => boolean | void, from = 0): void {
    const words = this.words;
    let w = from >>> 5;
    if (w >= words.length) return;
    let word = words[w]! & (~0 << (from & 31));
    for (;;) {
      while (word !== 0) {
        const bit = 31 - Math.clz32(word & -word);
        if (visit((w << 5) + bit) === false) return;
        word &= word - 1;
      }
      if (++w >= words.length) return;
      word = words[w]!;
    }
  }
}

function popcount(v: number): number {
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
