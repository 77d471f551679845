// The audit log is a hash chain: each entry's hash covers its own fields and the previous entry's
// hash, so changing, removing or reordering any entry behind the application's back breaks every
// link after it, and `coreshare audit verify` names the first one.
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditFields {
  seq: number;
  at: string;
  actor_user_id: number | null;
  actor: string;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  outcome: 'ok' | 'denied' | 'failed';
  /** Canonical JSON (see canonicalJson). */
  detail: string;
  ip: string | null;
}

export interface AuditEntry extends AuditFields {
  prev_hash: string;
  hash: string;
}

/** JSON with object keys sorted at every depth, so the same detail always hashes the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

export function auditHash(prevHash: string, e: AuditFields): string {
  // An array, not an object: field order is fixed by position and cannot be shuffled.
  const body = JSON.stringify([
    e.seq,
    e.at,
    e.actor_user_id,
    e.actor,
    e.action,
    e.subject_type,
    e.subject_id,
    e.outcome,
    e.detail,
    e.ip,
  ]);
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

export type ChainFault =
  | { seq: number; problem: 'hash_mismatch' | 'broken_link' | 'gap' | 'reordered' }
  | { seq: number; problem: 'missing_tail' };

/**
 * Follows the chain entry by entry. Call `next` for each entry in seq order, then `end` with the
 * head (last seq and hash the application recorded) to catch a removed tail.
 */
export class ChainVerifier {
  private prevHash = GENESIS_HASH;
  private prevSeq = 0;
  count = 0;

  next(e: AuditEntry): ChainFault | undefined {
    if (e.seq <= this.prevSeq) return { seq: e.seq, problem: 'reordered' };
    if (e.seq !== this.prevSeq + 1) return { seq: this.prevSeq + 1, problem: 'gap' };
    if (e.prev_hash !== this.prevHash) return { seq: e.seq, problem: 'broken_link' };
    if (auditHash(e.prev_hash, e) !== e.hash) return { seq: e.seq, problem: 'hash_mismatch' };
    this.prevHash = e.hash;
    this.prevSeq = e.seq;
    this.count++;
    return undefined;
  }

  end(head: { seq: number; hash: string }): ChainFault | undefined {
    if (head.seq !== this.prevSeq || head.hash !== this.prevHash)
      return { seq: this.prevSeq + 1, problem: 'missing_tail' };
    return undefined;
  }
}

export const CHAIN_FAULT_TEXT: Record<ChainFault['problem'], { en: string; zh: string }> = {
  hash_mismatch: { en: 'its content was changed after it was written', zh: '记录写入后内容被修改' },
  broken_link: { en: 'it does not follow the entry before it', zh: '记录与前一条记录的链接断开' },
  gap: { en: 'it is missing (removed from the log)', zh: '记录缺失（已被删除）' },
  reordered: { en: 'entries are out of order', zh: '记录顺序被打乱' },
  missing_tail: { en: 'it and any after it were removed', zh: '该记录及其后的记录被删除' },
};
