// Malformed files: every error names file, line and field, and nothing is changed.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { importFile } from '../../../src/services/import/import.service.js';
import { ImportError } from '../../../src/services/import/import.types.js';
import { eachEngine } from '../../support/engines.js';
import { count, fixture, tempDir } from './import-helpers.js';

async function failure(promise: Promise<unknown>): Promise<ImportError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

eachEngine('import bad input', ({ fresh }) => {
  it('reports an unbalanced quote at its line and imports nothing, even with --skip-invalid', async () => {
    const store = await fresh();
    const path = fixture('unbalanced-quote.csv');
    for (const skipInvalid of [false, true]) {
      const error = await failure(
        importFile(store, { kind: 'collars', path, skipInvalid, rejectsPath: join(tempDir(), 'r.csv') }),
      );
      expect(error.problems).toEqual([
        {
          file: path,
          line: 3,
          field: '(file)',
          message: 'unbalanced quote: the quoted value starting on line 3 is never closed',
        },
      ]);
      expect(error.message).toBe(
        `${path}:3: unbalanced quote: the quoted value starting on line 3 is never closed; nothing was imported`,
      );
    }
    expect(await count(store, 'borehole')).toBe(0);
  });

  it('rejects ragged rows, tolerating a trailing empty value', async () => {
    const store = await fresh();
    const error = await failure(importFile(store, { kind: 'collars', path: fixture('ragged.csv') }));
    expect(error.problems.map((p) => `${p.line} ${p.field}: ${p.message}`)).toEqual([
      '3 (row): the row has 3 values but the header has 4',
      '4 (row): the row has 5 values but the header has 4',
    ]);
    const rejects = join(tempDir(), 'ragged.rejects.csv');
    const report = await importFile(store, {
      kind: 'collars',
      path: fixture('ragged.csv'),
      skipInvalid: true,
      rejectsPath: rejects,
    });
    expect(report).toMatchObject({ inserted: 2, rejected: 2 });
    expect(readFileSync(rejects, 'utf8')).toBe(
      'line,field,reason,hole_id,x,y,elevation\n' +
        '3,(row),the row has 3 values but the header has 4,ZK2,91.2,29.2\n' +
        '4,(row),the row has 5 values but the header has 4,ZK3,91.3,29.3,4100,extra\n',
    );
  });

  it('names undecodable bytes by line and field, suggesting GB18030', async () => {
    const store = await fresh();
    const forced = await failure(
      importFile(store, { kind: 'collars', path: fixture('gbk-name.csv'), encoding: 'utf8' }),
    );
    expect(forced.problems).toEqual([
      {
        file: fixture('gbk-name.csv'),
        line: 3,
        field: 'name',
        message: 'bytes that are not valid UTF-8 text; if the file is GB18030/GBK, pass --encoding gb18030',
      },
    ]);
    const bad = await failure(importFile(store, { kind: 'collars', path: fixture('bad-gb18030.csv') }));
    expect(bad.problems).toEqual([
      expect.objectContaining({ line: 3, field: 'name', message: 'bytes that are not valid GB18030 text' }),
    ]);
    const report = await importFile(store, { kind: 'collars', path: fixture('gbk-name.csv') });
    expect(report).toMatchObject({ encoding: 'gb18030', inserted: 2 });
    expect(
      await store.db.selectFrom('borehole').select('name').where('hole_id', '=', 'ZK2').executeTakeFirst(),
    ).toEqual({ name: '钻孔二' });
  });

  it('collects up to the limit of problems before giving up', async () => {
    const store = await fresh();
    const file = join(tempDir(), 'many.csv');
    writeFileSync(
      file,
      'hole_id,lon,lat\n' +
        Array.from({ length: 30_000 }, (_, i) => `H${i},${i % 2 ? 'x' : '91'},29`).join('\n'),
    );
    const error = await failure(importFile(store, { kind: 'collars', path: file, maxProblems: 10 }));
    expect(error.problems).toHaveLength(10);
    expect(error.problems[0]).toMatchObject({
      line: 3,
      field: 'lon',
      message: '"x" is not a number or degrees-minutes-seconds',
    });
    expect(error.message).toMatch(/stopped reading after the first 10/);
    expect(error.report!.rowsRead).toBeLessThan(30_000);
    expect(await count(store, 'borehole')).toBe(0);
  });

  it('refuses a file that does not exist, and a survey file without a dip column', async () => {
    const store = await fresh();
    const missing = await failure(importFile(store, { kind: 'collars', path: '/nonexistent/holes.csv' }));
    expect(missing.problems[0]).toMatchObject({
      field: '(file)',
      message: 'the file does not exist or cannot be read',
    });
    const surveys = join(tempDir(), 's.csv');
    writeFileSync(surveys, 'hole,depth,azimuth\nA,0,0\n');
    const noDip = await failure(importFile(store, { kind: 'surveys', path: surveys }));
    expect(noDip.problems).toEqual([
      expect.objectContaining({
        line: 1,
        field: 'dip',
        message: expect.stringMatching(/^no column for the required field dip \(known as 倾角, dip/),
      }),
    ]);
  });
});
