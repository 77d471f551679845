// A packed R*Tree must be one SQLite itself accepts and answers from exactly as from a tree it
// built by single inserts: same stored bounds, same query answers, and it keeps working after.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { packRtree, PointLog, rtreeIsEmpty } from '../../../../src/store/dialects/sqlite/rtree-pack.js';

function points(count: number, seed: number) {
  let state = seed;
  const random = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const ids = new Float64Array(count);
  const xs = new Float64Array(count);
  const ys = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    ids[i] = i * 3 + 1;
    // Edges, repeats and values no float holds exactly.
    xs[i] =
      i % 97 === 0
        ? 180
        : i % 89 === 0
          ? -180
          : i % 83 === 0
            ? xs[Math.max(0, i - 1)]!
            : random() * 360 - 180;
    ys[i] = i % 79 === 0 ? -90 : i % 73 === 0 ? 90 : random() * 180 - 90;
  }
  const log = new PointLog();
  for (let i = 0; i < count; i++) log.add(ids[i]!, xs[i]!, ys[i]!);
  return { ids, xs, ys, count, log };
}

function trees(count: number) {
  const db = new Database(':memory:');
  db.exec('CREATE VIRTUAL TABLE packed USING rtree(id, min_x, max_x, min_y, max_y)');
  db.exec('CREATE VIRTUAL TABLE built USING rtree(id, min_x, max_x, min_y, max_y)');
  const p = points(count, count);
  const insert = db.prepare('INSERT INTO built VALUES (?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (let i = 0; i < count; i++) insert.run(p.ids[i], p.xs[i], p.xs[i], p.ys[i], p.ys[i]);
  })();
  expect(rtreeIsEmpty(db, 'packed')).toBe(true);
  db.transaction(() => packRtree(db, 'packed', p.log))();
  return db;
}

const ids = (db: Database.Database, sql: string, ...args: number[]) =>
  (db.prepare(sql).all(...args) as Array<{ id: number }>).map((r) => r.id).sort((a, b) => a - b);

describe('packed R*Tree', () => {
  for (const count of [1, 51, 52, 2_700, 40_000]) {
    it(`holds ${count} points as SQLite's own inserts would`, () => {
      const db = trees(count);
      expect(db.prepare("SELECT rtreecheck('packed') AS c").get()).toEqual({ c: 'ok' });
      expect(rtreeIsEmpty(db, 'packed')).toBe(false);
      const all = 'SELECT * FROM %s ORDER BY id';
      expect(db.prepare(all.replace('%s', 'packed')).all()).toEqual(
        db.prepare(all.replace('%s', 'built')).all(),
      );
      for (const [x0, x1, y0, y1] of [
        [-180, 180, -90, 90],
        [100, 110, 20, 30],
        [-1, 1, -1, 1],
        [179.9, 180, -90, -89.9],
      ] as const) {
        const q = 'SELECT id FROM %s WHERE max_x >= ? AND min_x <= ? AND max_y >= ? AND min_y <= ?';
        expect(ids(db, q.replace('%s', 'packed'), x0, x1, y0, y1)).toEqual(
          ids(db, q.replace('%s', 'built'), x0, x1, y0, y1),
        );
      }
      // Still an ordinary R*Tree for later single writes.
      db.prepare('INSERT INTO packed VALUES (?, ?, ?, ?, ?)').run(10 ** 9 + 1, 91, 91, 29, 29);
      db.prepare('DELETE FROM packed WHERE id % 2 = 0').run();
      expect(db.prepare("SELECT rtreecheck('packed') AS c").get()).toEqual({ c: 'ok' });
      expect(
        ids(db, 'SELECT id FROM packed WHERE min_x >= 90.9 AND max_x <= 91.1 AND id > 100000000'),
      ).toEqual([10 ** 9 + 1]);
      db.close();
    });
  }

  it('leaves the shadow tables read-only again', () => {
    const db = trees(10);
    expect(() => db.prepare('DELETE FROM packed_rowid').run()).toThrow(/may not be modified/);
    db.close();
  });
});

describe('PointLog', () => {
  it('keeps the positioned rows of flat row lists, in order, across its chunks', () => {
    const log = new PointLog();
    const width = 4;
    const values: unknown[] = [];
    // Rows of (id, name, lon, lat); every tenth has no position. 90,000 kept: more than a chunk.
    for (let id = 1; id <= 100_000; id++)
      values.push(id, `h${id}`, id % 10 === 0 ? null : id / 1000, -id / 1000);
    log.addRows(values.slice(0, 400 * width), width, 0, 2, 3);
    log.addRows(values.slice(400 * width), width, 0, 2, 3);
    expect(log.count).toBe(90_000);
    const kept = Array.from({ length: log.count }, (_, i) => log.id(i));
    expect(kept).toEqual(Array.from({ length: 100_000 }, (_, i) => i + 1).filter((id) => id % 10 !== 0));
    for (const i of [0, 65_535, 65_536, log.count - 1]) {
      expect(log.x(i)).toBe(kept[i]! / 1000);
      expect(log.y(i)).toBe(-kept[i]! / 1000);
    }
  });
});
