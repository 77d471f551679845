// Filling an empty 2-D R*Tree in one pass, as a packed Hilbert R-tree, instead of a million
// single inserts (each a descent, a choice of leaf and now and then a split with reinsertion):
// for the national collar load that was 9 s of the writer's time. GDAL builds a GeoPackage's spatial
// index the same way. The nodes are written straight into the R*Tree's shadow tables in the format
// of SQLite's rtree.c: node 1 is the root; a node is `2-byte depth (root only) | 2-byte cell count |
// cells`, each cell an 8-byte id (a row's id in a leaf, a child's node number above) followed by
// min and max per dimension as big-endian 32-bit floats, rounded outwards as rtree.c rounds them.
// `rtreecheck()` in the tests checks the result.
import type SQLite from 'better-sqlite3';

/** rtree.c's factors for rounding a double outwards to a float (RNDTOWARDS, RNDAWAY). */
const TOWARDS = 1 - 1 / 8388608;
const AWAY = 1 + 1 / 8388608;
const CELL = 8 + 4 * 4;

/** A lower bound as rtree.c stores it (rtreeValueDown): a float at or below `d`. */
export function floatBelow(d: number): number {
  const f = Math.fround(d);
  return f > d ? Math.fround(d * (d < 0 ? AWAY : TOWARDS)) : f;
}

/** An upper bound as rtree.c stores it (rtreeValueUp): a float at or above `d`. */
export function floatAbove(d: number): number {
  const f = Math.fround(d);
  return f < d ? Math.fround(d * (d < 0 ? TOWARDS : AWAY)) : f;
}

/** Distance along a Hilbert curve over a 2^bits × 2^bits grid. */
function hilbert(x: number, y: number, bits: number): number {
  let d = 0;
  for (let s = 1 << (bits - 1); s > 0; s >>>= 1) {
    const rx = (x & s) > 0 ? 1 : 0;
    const ry = (y & s) > 0 ? 1 : 0;
    d += s * s * ((3 * rx) ^ ry);
    if (ry === 0) {
      if (rx === 1) {
        x = s - 1 - x;
        y = s - 1 - y;
      }
      const t = x;
      x = y;
      y = t;
    }
  }
  return d;
}

/** Boxes of one level of the tree: the entry's id (row id or node number) and its bounds. */
interface Level {
  count: number;
  ids: Float64Array;
  minX: Float64Array;
  maxX: Float64Array;
  minY: Float64Array;
  maxY: Float64Array;
}

function level(count: number): Level {
  return {
    count,
    ids: new Float64Array(count),
    minX: new Float64Array(count),
    maxX: new Float64Array(count),
    minY: new Float64Array(count),
    maxY: new Float64Array(count),
  };
}

/**
 * Points in Hilbert order, bounds already rounded as the R*Tree keeps them, and for each position
 * the point's index in the input (`from`).
 */
function sortedPoints(points: PointLog): Level & { from: Uint32Array } {
  const count = points.count;
  // One numeric sort of (Hilbert distance · 2^k + index): the key must stay below 2^53.
  const indexBits = Math.max(1, Math.ceil(Math.log2(count + 1)));
  const gridBits = Math.min(16, Math.floor((53 - indexBits) / 2));
  const cells = 2 ** gridBits;
  const keys = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const gx = Math.min(cells - 1, Math.max(0, Math.floor(((points.x(i) + 180) / 360) * cells)));
    const gy = Math.min(cells - 1, Math.max(0, Math.floor(((points.y(i) + 90) / 180) * cells)));
    keys[i] = hilbert(gx, gy, gridBits) * 2 ** indexBits + i;
  }
  keys.sort();
  const out = { ...level(count), from: new Uint32Array(count) };
  const mask = 2 ** indexBits;
  for (let k = 0; k < count; k++) {
    const i = keys[k]! % mask;
    out.from[k] = i;
    const x = points.x(i);
    const y = points.y(i);
    out.ids[k] = points.id(i);
    out.minX[k] = floatBelow(x);
    out.maxX[k] = floatAbove(x);
    out.minY[k] = floatBelow(y);
    out.maxY[k] = floatAbove(y);
  }
  return out;
}

function nodeBlob(size: number, depth: number, from: Level, start: number, end: number): Buffer {
  const blob = Buffer.alloc(size);
  blob.writeUInt16BE(depth, 0);
  blob.writeUInt16BE(end - start, 2);
  let at = 4;
  for (let i = start; i < end; i++, at += CELL) {
    const id = from.ids[i]!;
    blob.writeUInt32BE(Math.floor(id / 2 ** 32), at);
    blob.writeUInt32BE(id >>> 0, at + 4);
    blob.writeFloatBE(from.minX[i]!, at + 8);
    blob.writeFloatBE(from.maxX[i]!, at + 12);
    blob.writeFloatBE(from.minY[i]!, at + 16);
    blob.writeFloatBE(from.maxY[i]!, at + 20);
  }
  return blob;
}

/** Rows of (key, value) pairs inserted many to a statement. */
function insertPairs(raw: SQLite.Database, table: string, columns: string, pairs: number[]): void {
  const perStatement = 500;
  const many = raw.prepare(
    `INSERT INTO "${table}" (${columns}) VALUES ${Array<string>(perStatement).fill('(?, ?)').join(', ')}`,
  );
  let at = 0;
  for (; at + perStatement * 2 <= pairs.length; at += perStatement * 2)
    many.run(pairs.slice(at, at + perStatement * 2));
  const one = raw.prepare(`INSERT INTO "${table}" (${columns}) VALUES (?, ?)`);
  for (; at < pairs.length; at += 2) one.run(pairs[at], pairs[at + 1]);
}

/** Points per chunk of a PointLog: 1.5 MB of (id, x, y) triples. */
const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;

/**
 * Points to pack, as they are written: (id, x, y) triples in chunks of a fixed size, so that a
 * million points take 24 MB and growing never copies (an array grown by doubling holds up to
 * twice that, and the old array too until it is collected).
 */
export class PointLog {
  private readonly chunks: Float64Array[] = [];
  count = 0;

  add(id: number, x: number, y: number): void {
    const offset = (this.count & (CHUNK - 1)) * 3;
    if (offset === 0) this.chunks.push(new Float64Array(CHUNK * 3));
    const chunk = this.chunks[this.chunks.length - 1]!;
    chunk[offset] = id;
    chunk[offset + 1] = x;
    chunk[offset + 2] = y;
    this.count++;
  }

  /**
   * Adds the points of flat rows (`width` values a row, the id, x and y at the given offsets);
   * rows without both coordinates have no place in the tree.
   */
  addRows(values: readonly unknown[], width: number, id: number, x: number, y: number): void {
    for (let at = 0; at < values.length; at += width) {
      const lon = values[at + x];
      const lat = values[at + y];
      if (typeof lon === 'number' && typeof lat === 'number') this.add(values[at + id] as number, lon, lat);
    }
  }

  id(i: number): number {
    return this.field(i, 0);
  }

  x(i: number): number {
    return this.field(i, 1);
  }

  y(i: number): number {
    return this.field(i, 2);
  }

  /** Field `k` (0 id, 1 x, 2 y) of point `i`. */
  private field(i: number, k: number): number {
    return this.chunks[i >>> CHUNK_BITS]![(i & (CHUNK - 1)) * 3 + k]!;
  }
}

/** True when the R*Tree `name` holds no entry (its root has no cells). */
export function rtreeIsEmpty(raw: SQLite.Database, name: string): boolean {
  return raw.prepare(`SELECT 1 FROM "${name}_rowid" LIMIT 1`).get() === undefined;
}

/**
 * Fills the empty 2-D R*Tree `name` (columns id, min_x, max_x, min_y, max_y) with the logged points
 * (x longitude, y latitude). The caller holds the write transaction.
 */
export function packRtree(raw: SQLite.Database, name: string, points: PointLog): void {
  if (points.count === 0) return;
  const { size } = raw.prepare(`SELECT length(data) AS size FROM "${name}_node" WHERE nodeno = 1`).get() as {
    size: number;
  };
  const capacity = Math.floor((size - 4) / CELL);
  const nodes: Array<[number, Buffer]> = [];
  const parents: number[] = [];
  const sorted = sortedPoints(points);
  let entries: Level = sorted;
  // The leaf of each point, by the point's input index: the `_rowid` rows are then written in the
  // input's order (ascending ids from the caller), appended instead of scattered over the B-tree.
  const leafOf = new Float64Array(points.count);
  let height = 0;
  let nextNode = 2;
  // Children of the level above are numbered as they are made; leaves (height 0) hold row ids.
  const adopt = (position: number, node: number) => {
    if (height === 0) leafOf[sorted.from[position]!] = node;
    else parents.push(entries.ids[position]!, node);
  };
  while (entries.count > capacity) {
    // As many nodes as needed, filled evenly (no nearly empty last node).
    const groups = Math.ceil(entries.count / capacity);
    const above = level(groups);
    for (let g = 0; g < groups; g++) {
      const start = Math.floor((g * entries.count) / groups);
      const end = Math.floor(((g + 1) * entries.count) / groups);
      const node = nextNode++;
      nodes.push([node, nodeBlob(size, 0, entries, start, end)]);
      let minX = Infinity;
      let maxX = -Infinity;
      let minY = Infinity;
      let maxY = -Infinity;
      for (let i = start; i < end; i++) {
        adopt(i, node);
        minX = Math.min(minX, entries.minX[i]!);
        maxX = Math.max(maxX, entries.maxX[i]!);
        minY = Math.min(minY, entries.minY[i]!);
        maxY = Math.max(maxY, entries.maxY[i]!);
      }
      above.ids[g] = node;
      above.minX[g] = minX;
      above.maxX[g] = maxX;
      above.minY[g] = minY;
      above.maxY[g] = maxY;
    }
    entries = above;
    height++;
  }
  for (let i = 0; i < entries.count; i++) adopt(i, 1);
  const rowids: number[] = [];
  for (let i = 0; i < points.count; i++) rowids.push(points.id(i), leafOf[i]!);
  // The shadow tables are read-only to SQL in better-sqlite3's defensive mode; lifted for these writes only.
  raw.unsafeMode(true);
  try {
    raw
      .prepare(`UPDATE "${name}_node" SET data = ? WHERE nodeno = 1`)
      .run(nodeBlob(size, height, entries, 0, entries.count));
    const insertNode = raw.prepare(`INSERT INTO "${name}_node" (nodeno, data) VALUES (?, ?)`);
    for (const [node, blob] of nodes) insertNode.run(node, blob);
    insertPairs(raw, `${name}_rowid`, 'rowid, nodeno', rowids);
    insertPairs(raw, `${name}_parent`, 'nodeno, parentnode', parents);
  } finally {
    raw.unsafeMode(false);
  }
}
