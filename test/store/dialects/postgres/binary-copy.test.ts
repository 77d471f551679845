// The COPY binary encoding, byte by byte (the round trip through PostgreSQL is in test/store/bulk.test.ts).
import { describe, expect, it } from 'vitest';
import { binaryEncoder } from '../../../../src/store/dialects/postgres/binary-copy.js';

const TYPES = new Map([
  ['name', 'text'],
  ['code', 'varchar'],
  ['depth', 'float8'],
  ['id', 'int4'],
  ['flag', 'int2'],
  ['geom', 'geometry'],
]);

function field(bytes: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
}

describe('COPY binary rows', () => {
  it('writes the header, each row as typed fields, nulls as -1 and the trailer', () => {
    const encode = binaryEncoder(['name', 'depth', 'id', 'flag', 'code'], TYPES)!;
    const data = encode([
      { name: 'ZK1 钻孔\t"x"\\', depth: 1234.5, id: 7, flag: 1, code: 'Cu' },
      { name: null, depth: undefined, id: null, flag: null, code: '' },
    ]);
    const float = Buffer.alloc(8);
    float.writeDoubleBE(1234.5);
    const int4 = Buffer.alloc(4);
    int4.writeInt32BE(7);
    const int2 = Buffer.alloc(2);
    int2.writeInt16BE(1);
    const none = Buffer.from([0xff, 0xff, 0xff, 0xff]);
    const count = Buffer.from([0, 5]);
    expect(data).toEqual(
      Buffer.concat([
        Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'),
        Buffer.alloc(8),
        count,
        field(Buffer.from('ZK1 钻孔\t"x"\\', 'utf8')),
        field(float),
        field(int4),
        field(int2),
        field(Buffer.from('Cu')),
        count,
        none,
        none,
        none,
        none,
        field(Buffer.alloc(0)),
        Buffer.from([0xff, 0xff]),
      ]),
    );
  });

  it('grows past its first buffer for long values and many rows', () => {
    const encode = binaryEncoder(['name'], TYPES)!;
    const long = '花岗岩'.repeat(400_000);
    const rows = [{ name: long }, ...Array.from({ length: 100_000 }, (_, i) => ({ name: `ZK${i}` }))];
    const data = encode(rows);
    expect(data.readInt32BE(19 + 2)).toBe(Buffer.byteLength(long));
    expect(data.subarray(-2)).toEqual(Buffer.from([0xff, 0xff]));
  });

  it('writes every string as UTF-8 byte for byte as Buffer does, lone surrogates as U+FFFD', () => {
    const encode = binaryEncoder(['name'], TYPES)!;
    const texts = [
      '',
      'a',
      'é ß ©',
      '钻孔 ZK-1',
      '𠀋 emoji 😀 after',
      'lone \ud800 high',
      'lone \udc00 low',
      'end \ud83d',
    ];
    const data = encode(texts.map((name) => ({ name })));
    const expected = Buffer.concat([
      Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'),
      Buffer.alloc(8),
      ...texts.flatMap((t) => [Buffer.from([0, 1]), field(Buffer.from(t, 'utf8'))]),
      Buffer.from([0xff, 0xff]),
    ]);
    expect(data).toEqual(expected);
  });

  it('writes a value that repeats the row before (in its own column) byte for byte again', () => {
    const encode = binaryEncoder(['name', 'code'], TYPES)!;
    const long = '花岗岩 granite '.repeat(10); // over 32 bytes: copied by the buffer itself
    const rows = [
      { name: 'ZK1', code: 'ZK1' },
      { name: 'ZK1', code: 'Cu' }, // repeats its column's last value
      { name: `ZK${1}`, code: 'ZK1' }, // equal text, another string; the other column's value
      { name: long, code: null },
      { name: long, code: 'Cu' }, // null in between: the last value stands
      { name: '', code: 'Cu' },
      { name: '', code: 'Au' },
      // Past the first buffer (1 MiB): the values copied from before it grew.
      ...Array.from({ length: 8_000 }, (_, i) => ({ name: long, code: i % 3 ? 'Cu' : `钻孔${i}` })),
    ];
    const expected = Buffer.concat([
      Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'),
      Buffer.alloc(8),
      ...rows.flatMap((r) => [
        Buffer.from([0, 2]),
        field(Buffer.from(r.name, 'utf8')),
        r.code === null ? Buffer.from([0xff, 0xff, 0xff, 0xff]) : field(Buffer.from(r.code, 'utf8')),
      ]),
      Buffer.from([0xff, 0xff]),
    ]);
    const data = encode(rows);
    expect(data.length).toBeGreaterThan(1 << 20);
    // (Buffer.equals: toEqual walks megabytes byte by byte.)
    expect(data.equals(expected)).toBe(true);
  });

  it('refuses a value of the wrong kind, naming the column', () => {
    const encode = binaryEncoder(['id', 'depth'], TYPES)!;
    expect(() => encode([{ id: 1.5, depth: 1 }])).toThrow(/column id \(int4\)/);
    // Out of the column's range: an error, never a number wrapped around.
    expect(() => encode([{ id: 2 ** 31, depth: 1 }])).toThrow(
      /column id \(int4\) cannot take number 2147483648/,
    );
    expect(encode([{ id: -(2 ** 31), depth: 1 }]).readInt32BE(19 + 2 + 4)).toBe(-(2 ** 31));
    const flags = binaryEncoder(['flag'], TYPES)!;
    expect(() => flags([{ flag: 32768 }])).toThrow(/column flag \(int2\) cannot take number 32768/);
    expect(flags([{ flag: -32768 }]).readInt16BE(19 + 2 + 4)).toBe(-32768);
    expect(() => encode([{ id: 1, depth: '12' }])).toThrow(/column depth \(float8\) cannot take string "12"/);
  });

  it('has no encoder for a column of a type it cannot write', () => {
    expect(binaryEncoder(['name', 'geom'], TYPES)).toBeUndefined();
    expect(binaryEncoder(['missing'], TYPES)).toBeUndefined();
  });
});
