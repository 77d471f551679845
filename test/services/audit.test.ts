// The hash-chained audit log on both engines: entries appended through real service calls verify;
// rows changed, removed or re-linked behind the application's back (raw SQL) are named by seq; and
// concurrent writers take turns on the head row, leaving no gaps or forks.
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { systemActor } from '../../src/domain/accounts/access.js';
import { auditHash } from '../../src/domain/accounts/audit-chain.js';
import { addUser } from '../../src/services/accounts/user-admin.service.js';
import { recordAuditAlone, verifyAuditChain } from '../../src/services/audit.service.js';
import type { Store } from '../../src/store/store.js';
import { eachEngine } from '../support/engines.js';
import { addOrganisation } from '../support/accounts.js';

const cli = { actor: systemActor('test'), ip: null };

/** Six entries: addUser writes seq 1 (account.create) and 2 (grant_role), then four of their own. */
async function sixEntries(store: Store): Promise<void> {
  // Written directly: the registry service would add an audit entry of its own.
  await addOrganisation(store, 'UNI', 'university');
  await addUser(store, cli, { email: 'li@example.org', organisation: 'UNI', role: 'researcher' });
  for (let i = 0; i < 4; i++)
    await recordAuditAlone(store, { ...cli, ip: '10.0.0.1' }, { action: 'test.write', detail: { i } });
}

async function seqs(store: Store): Promise<number[]> {
  const { rows } = await sql<{ seq: number | string }>`SELECT seq FROM audit_log ORDER BY seq`.execute(
    store.db,
  );
  return rows.map((r) => Number(r.seq));
}

eachEngine('audit chain', ({ fresh }) => {
  it('verifies entries written through the services', async () => {
    const store = await fresh();
    expect(await verifyAuditChain(store)).toEqual({ ok: true, entries: 0 });
    await sixEntries(store);
    expect(await verifyAuditChain(store)).toEqual({ ok: true, entries: 6 });
    expect(await seqs(store)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('names an entry whose content was changed: hash_mismatch', async () => {
    const store = await fresh();
    await sixEntries(store);
    await sql`UPDATE audit_log SET detail = ${'{"i":99}'} WHERE seq = 4`.execute(store.db);
    expect(await verifyAuditChain(store)).toEqual({
      ok: false,
      entries: 3,
      fault: {
        seq: 4,
        problem: 'hash_mismatch',
        message: 'audit entry 4: its content was changed after it was written',
        message_zh: '审计记录 4：记录写入后内容被修改',
      },
    });
  });

  it('names a removed middle entry: gap', async () => {
    const store = await fresh();
    await sixEntries(store);
    await sql`DELETE FROM audit_log WHERE seq = 3`.execute(store.db);
    expect(await verifyAuditChain(store)).toMatchObject({
      ok: false,
      entries: 2,
      fault: { seq: 3, problem: 'gap', message: 'audit entry 3: it is missing (removed from the log)' },
    });
  });

  it('names the first of removed last entries, against the head: missing_tail', async () => {
    const store = await fresh();
    await sixEntries(store);
    await sql`DELETE FROM audit_log WHERE seq >= 5`.execute(store.db);
    expect(await verifyAuditChain(store)).toMatchObject({
      ok: false,
      entries: 4,
      fault: { seq: 5, problem: 'missing_tail', message_zh: '审计记录 5：该记录及其后的记录被删除' },
    });
  });

  it('names the next entry when a changed one was re-hashed: broken_link', async () => {
    const store = await fresh();
    await sixEntries(store);
    const { rows } = await sql<Record<string, string | number | null>>`
      SELECT * FROM audit_log WHERE seq = 3`.execute(store.db);
    const row = rows[0]!;
    const forged = {
      seq: Number(row.seq),
      at: String(row.at),
      actor_user_id: row.actor_user_id === null ? null : Number(row.actor_user_id),
      actor: String(row.actor),
      action: String(row.action),
      subject_type: row.subject_type === null ? null : String(row.subject_type),
      subject_id: row.subject_id === null ? null : String(row.subject_id),
      outcome: row.outcome as 'ok',
      detail: '{"i":-1}',
      ip: row.ip === null ? null : String(row.ip),
    };
    const hash = auditHash(String(row.prev_hash), forged);
    await sql`UPDATE audit_log SET detail = ${forged.detail}, hash = ${hash} WHERE seq = 3`.execute(store.db);
    expect(await verifyAuditChain(store)).toMatchObject({
      ok: false,
      entries: 3,
      fault: {
        seq: 4,
        problem: 'broken_link',
        message: 'audit entry 4: it does not follow the entry before it',
      },
    });
  });

  it('keeps one unbroken chain under 50 concurrent writers', async () => {
    const store = await fresh();
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        recordAuditAlone(store, cli, { action: 'test.concurrent', detail: { writer: i } }),
      ),
    );
    expect(await seqs(store)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(await verifyAuditChain(store)).toEqual({ ok: true, entries: 50 });
    const { rows } = await sql<{ n: number | string }>`
      SELECT COUNT(DISTINCT prev_hash) AS n FROM audit_log`.execute(store.db);
    expect(Number(rows[0]!.n)).toBe(50); // no two entries claim the same predecessor: no fork
  });
});
