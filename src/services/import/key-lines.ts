// The duplicate-key check of a file remembers every key it has seen: two million catalog record
// numbers in a Map cost ~150 MB of JS heap, and every major garbage collection walks them again.
// Here the keys live as UTF-8 bytes in one growing Buffer, with an open-addressing table in typed
// arrays: nothing per key for the collector to visit, a third of the memory.

const EMPTY = 0;
const MAX_LOAD = 0.5;

/** FNV-1a over UTF-16 code units: cheap, and the table only needs it to spread keys. */
function hashOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Keys with the line each was first seen on. */
export class KeyLines {
  /** Entry number + 1 per slot (0: empty); the capacity is a power of two. */
  private slots = new Int32Array(1 << 12);
  private hashes = new Uint32Array(1 << 11);
  private lines = new Float64Array(1 << 11);
  /** Byte range of entry i's key: starts[i] … starts[i + 1]. */
  private starts = new Float64Array((1 << 11) + 1);
  private bytes = Buffer.allocUnsafe(1 << 16);
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** The line `key` was first seen on; or, the first time, undefined after remembering it at `line`. */
  firstLine(key: string, line: number): number | undefined {
    const end = this.starts[this.count]!;
    const length = this.store(key, end);
    const hash = hashOf(key);
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]! - 1;
      if (entry < 0) break;
      if (this.hashes[entry] === hash && this.sameBytes(entry, end, length)) return this.lines[entry];
    }
    this.add(hash, line, end + length);
    return undefined;
  }

  /** Writes `key` as UTF-8 at `at` (not yet counted as an entry); returns its length in bytes. */
  private store(key: string, at: number): number {
    // Keys are mostly ASCII (hole ids, record numbers): copied unit by unit, without a call into C++.
    if (at + key.length > this.bytes.length) this.growBytes(at + key.length);
    const bytes = this.bytes;
    for (let i = 0; i < key.length; i++) {
      const unit = key.charCodeAt(i);
      if (unit >= 0x80) {
        const length = Buffer.byteLength(key);
        if (at + length > this.bytes.length) this.growBytes(at + length);
        return this.bytes.write(key, at, 'utf8');
      }
      bytes[at + i] = unit;
    }
    return key.length;
  }

  private sameBytes(entry: number, start: number, length: number): boolean {
    const from = this.starts[entry]!;
    const to = this.starts[entry + 1]!;
    return to - from === length && this.bytes.compare(this.bytes, start, start + length, from, to) === 0;
  }

  private add(hash: number, line: number, end: number): void {
    const entry = this.count++;
    if (this.count >= this.hashes.length) this.growEntries();
    this.hashes[entry] = hash;
    this.lines[entry] = line;
    this.starts[entry + 1] = end;
    if (this.count > this.slots.length * MAX_LOAD) this.rehash(this.slots.length * 2);
    else this.place(entry, hash);
  }

  private place(entry: number, hash: number): void {
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    while (this.slots[slot] !== EMPTY) slot = (slot + 1) & mask;
    this.slots[slot] = entry + 1;
  }

  private rehash(capacity: number): void {
    this.slots = new Int32Array(capacity);
    for (let entry = 0; entry < this.count; entry++) this.place(entry, this.hashes[entry]!);
  }

  private growEntries(): void {
    const n = this.hashes.length * 2;
    const hashes = new Uint32Array(n);
    hashes.set(this.hashes);
    this.hashes = hashes;
    const lines = new Float64Array(n);
    lines.set(this.lines);
    this.lines = lines;
    const starts = new Float64Array(n + 1);
    starts.set(this.starts);
    this.starts = starts;
  }

  private growBytes(needed: number): void {
    const bytes = Buffer.allocUnsafe(Math.max(needed, this.bytes.length * 2));
    this.bytes.copy(bytes, 0, 0, this.starts[this.count]!);
    this.bytes = bytes;
  }
}
