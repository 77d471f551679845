// Deposits are audited: the file's SHA-256 and what changed for an import, a failed entry for a
// refused file; registry changes land with their entry in one transaction (both engines).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { depositFile } from '../../../src/services/import/deposit.service.js';
import { saveCustodian } from '../../../src/services/curation.service.js';
import { verifyAuditChain } from '../../../src/services/audit.service.js';
import { eachEngine } from '../../support/engines.js';
import { CLI } from '../../support/accounts.js';
import { addCustodian, tempDir } from './import-helpers.js';

const COLLARS = `hole_id,name,lon,lat,total_depth,custodian
ZK1,甲玛 ZK1,91.75,29.72,500,XZ
ZK2,甲玛 ZK2,91.76,29.71,400,XZ
`;

eachEngine('audited deposits', ({ fresh }) => {
  it('records each deposit with its SHA-256 and counts, and a refused file as failed', async () => {
    const store = await fresh();
    await addCustodian(store, 'XZ');
    const path = join(tempDir(), 'collars.csv');
    writeFileSync(path, COLLARS);
    await depositFile(store, CLI, { kind: 'collars', path, dataset: 'demo' });
    const bad = join(tempDir(), 'bad.csv');
    writeFileSync(bad, 'hole_id,name,lon,lat,total_depth\nZK3,x,999,29,10\n');
    await expect(depositFile(store, CLI, { kind: 'collars', path: bad, dataset: 'demo' })).rejects.toThrow();
    const entries = await store.db
      .selectFrom('audit_log')
      .select(['action', 'outcome', 'subject_id', 'detail'])
      .where('action', 'like', 'deposit.%')
      .orderBy('seq')
      .execute();
    expect(entries.map((e) => [e.action, e.outcome, e.subject_id])).toEqual([
      ['deposit.collars', 'ok', 'collars.csv'],
      ['deposit.collars', 'failed', 'bad.csv'],
    ]);
    expect(JSON.parse(entries[0]!.detail)).toMatchObject({
      sha256: createHash('sha256').update(readFileSync(path)).digest('hex'),
      rows_read: 2,
      written: 2,
    });
    await saveCustodian(store, CLI, { code: 'YN', name_zh: '云南省地质资料馆', level: 'provincial' });
    const saved = await store.db
      .selectFrom('audit_log')
      .select('subject_id')
      .where('action', '=', 'custodian.save')
      .execute();
    expect(saved).toEqual([{ subject_id: 'YN' }]);
    expect((await verifyAuditChain(store)).ok).toBe(true);
  });
});
