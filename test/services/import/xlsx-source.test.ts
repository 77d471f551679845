import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { openXlsxSource } from '../../../src/services/import/xlsx-source.js';
import { tempDir } from './import-helpers.js';

// exceljs replays sheets it met before the shared strings from temporary files and deletes each one
// once the reader moves on; a sheet skipped unread used to open its file after the delete and throw
// an uncaught ENOENT that Vitest reports as an unhandled error.
it('reads a later sheet again and again without leaving a skipped sheet to fail afterwards', async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('说明').addRow(['本表为钻孔一览表']);
  for (const name of ['甲', '乙', '丙']) wb.addWorksheet(name).addRow(['钻孔编号', '孔深']);
  wb.getWorksheet('乙')!.addRow(['ZK1', 12.5]);
  const file = join(tempDir(), 'sheets.xlsx');
  await wb.xlsx.writeFile(file);

  for (let i = 0; i < 40; i++) {
    const source = await openXlsxSource(file, '乙');
    const rows = [];
    for await (const batch of source.batches()) rows.push(...batch);
    expect(source.headers).toEqual(['钻孔编号', '孔深']);
    expect(rows).toEqual([{ line: 2, values: ['ZK1', '12.5'] }]);
    expect(source.details).toEqual({ sheet: '乙' });
  }
  // Give any stray file open the chance to fail inside this test.
  await new Promise((resolve) => setTimeout(resolve, 200));
});
