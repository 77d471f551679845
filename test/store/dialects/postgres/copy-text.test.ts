// COPY's text format, the fallback for a table with a column the binary encoder cannot write.
import { describe, expect, it } from 'vitest';
import { copyText } from '../../../../src/store/dialects/postgres/bulk.js';

describe('COPY text rows', () => {
  it('escapes separators and backslashes, writes nulls as \\N and numbers as text', () => {
    const rows = [
      { a: 'x\ty', b: null, c: 3.5, d: 'back\\slash\nnl\r' },
      { a: '中文', b: undefined, c: 0, d: '' },
    ];
    expect(copyText(['a', 'b', 'c', 'd'], rows)).toBe(
      'x\\ty\t\\N\t3.5\tback\\\\slash\\nnl\\r\n中文\t\\N\t0\t\n',
    );
    // Each column list gets its own compiled formatter.
    expect(copyText(['d', 'a'], rows)).toBe('back\\\\slash\\nnl\\r\tx\\ty\n\t中文\n');
  });
});
