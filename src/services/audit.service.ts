// Every write and every refusal leaves an entry in the hash-chained audit log. Writes record their
// entry inside their own transaction (STYLE.md 6): the change and its entry land together or not at all.
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import type { Store } from '../store/store.js';
import { auditRepository } from '../store/repositories/audit.repository.js';
import type { Actor } from '../domain/accounts/access.js';
import {
  auditHash,
  canonicalJson,
  ChainVerifier,
  CHAIN_FAULT_TEXT,
  type ChainFault,
} from '../domain/accounts/audit-chain.js';

/** Who is calling a service, and from where: what the audit log records. */
export interface Caller {
  actor: Actor;
  ip: string | null;
  user_agent?: string | null;
  /** The caller came with a session that has ended: a 401 says so instead of "sign in first". */
  session_expired?: boolean;
}

export interface AuditEvent {
  action: string;
  subject_type?: string | null;
  subject_id?: string | null;
  outcome?: 'ok' | 'denied' | 'failed';
  detail?: Record<string, unknown>;
}

/** Appends one entry inside the caller's transaction. */
export async function recordAudit(trx: Kysely<Database>, caller: Caller, event: AuditEvent): Promise<void> {
  const repo = auditRepository(trx);
  const head = await repo.claimNext();
  const fields = {
    seq: Number(head.seq),
    at: new Date().toISOString(),
    actor_user_id: caller.actor.user_id,
    actor: caller.actor.label,
    action: event.action,
    subject_type: event.subject_type ?? null,
    subject_id: event.subject_id ?? null,
    outcome: event.outcome ?? 'ok',
    detail: canonicalJson(event.detail ?? {}),
    ip: caller.ip,
  };
  await repo.append({ ...fields, prev_hash: head.hash, hash: auditHash(head.hash, fields) });
}

/** An entry of its own (a refusal, a failed sign-in): there is no other write to join. */
export async function recordAuditAlone(store: Store, caller: Caller, event: AuditEvent): Promise<void> {
  await store.db.transaction().execute((trx) => recordAudit(trx, caller, event));
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  fault?: { seq: number; problem: ChainFault['problem']; message: string; message_zh: string };
}

/** Re-computes the whole chain, in batches, and names the first entry that does not hold. */
export async function verifyAuditChain(store: Store): Promise<AuditVerification> {
  const repo = auditRepository(store.db);
  const verifier = new ChainVerifier();
  let after = 0;
  let fault: ChainFault | undefined;
  for (;;) {
    const rows = await repo.batch(after, 5000);
    for (const row of rows) {
      fault = verifier.next({ ...row, seq: Number(row.seq) });
      if (fault) break;
    }
    if (fault || rows.length < 5000) break;
    after = Number(rows[rows.length - 1]!.seq);
  }
  if (!fault) {
    const head = await repo.head();
    fault = verifier.end({ seq: Number(head.seq), hash: head.hash });
  }
  if (!fault) return { ok: true, entries: verifier.count };
  const text = CHAIN_FAULT_TEXT[fault.problem];
  return {
    ok: false,
    entries: verifier.count,
    fault: {
      seq: fault.seq,
      problem: fault.problem,
      message: `audit entry ${fault.seq}: ${text.en}`,
      message_zh: `审计记录 ${fault.seq}：${text.zh}`,
    },
  };
}

export interface AuditEntryView {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  outcome: string;
  detail: unknown;
  ip: string | null;
  hash: string;
}

/** The log newest first, filtered; `before` is the keyset cursor (a seq). */
export async function listAudit(
  store: Store,
  filter: {
    before?: number;
    limit: number;
    action?: string;
    subject_type?: string;
    subject_id?: string;
    outcome?: string;
  },
): Promise<{ items: AuditEntryView[]; next_cursor: string | null }> {
  const rows = await auditRepository(store.db).page({ ...filter, limit: filter.limit + 1 });
  const items = rows.slice(0, filter.limit).map((r) => ({
    seq: Number(r.seq),
    at: r.at,
    actor: r.actor,
    action: r.action,
    subject_type: r.subject_type,
    subject_id: r.subject_id,
    outcome: r.outcome,
    detail: JSON.parse(r.detail) as unknown,
    ip: r.ip,
    hash: r.hash,
  }));
  return {
    items,
    next_cursor: rows.length > filter.limit ? String(items[items.length - 1]!.seq) : null,
  };
}
