// Each custodian's sharing policy: its sampling limits (USGS CRC defaults) and embargo periods
// (BGS defaults). Read by everyone (requesters should know the limits before asking); changed by the
// custodian's curators or an administrator, audited.
import type { Store } from '../../store/store.js';
import { custodianScope } from '../custodian.service.js';
import { requestRepository } from '../../store/repositories/request.repository.js';
import {
  DEFAULT_SAMPLING_POLICY,
  validatePolicy,
  type SamplingPolicy,
} from '../../domain/sharing/sampling-policy.js';
import { DEFAULT_EMBARGO_POLICY, EMBARGO_KINDS, type EmbargoPolicy } from '../../domain/sharing/embargo.js';
import { recordAudit, type Caller } from '../audit.service.js';
import { requireAccess } from '../accounts/access.service.js';
import { InvalidInputError, type ProblemField } from '../errors.js';

export interface CustodianPolicy {
  custodian: string;
  sampling: SamplingPolicy;
  /** Months of embargo per kind of returned data. */
  embargo: EmbargoPolicy;
  /** False while the custodian uses the defaults. */
  configured: boolean;
}

/** The policy a custodian works by: its own, or the defaults for what it has not set. */
export async function policyOf(
  store: Store,
  custodianId: number,
): Promise<{ sampling: SamplingPolicy; embargo: EmbargoPolicy; configured: boolean }> {
  const row = await requestRepository(store.db).policy(custodianId);
  return {
    sampling: {
      ...DEFAULT_SAMPLING_POLICY,
      ...(row ? (JSON.parse(row.sampling) as Partial<SamplingPolicy>) : {}),
    },
    embargo: {
      ...DEFAULT_EMBARGO_POLICY,
      ...(row ? (JSON.parse(row.embargo) as Partial<EmbargoPolicy>) : {}),
    },
    configured: row !== undefined,
  };
}

export async function getPolicy(store: Store, code: string): Promise<CustodianPolicy> {
  const c = await custodianScope(store, code);
  return { custodian: code, ...(await policyOf(store, c.id)) };
}

/** Replaces the custodian's policy; every limit is checked and each bad one named. */
export async function setPolicy(
  store: Store,
  caller: Caller,
  code: string,
  input: {
    sampling: Partial<Record<keyof SamplingPolicy, unknown>>;
    embargo: Partial<Record<string, unknown>>;
  },
): Promise<CustodianPolicy> {
  const c = await custodianScope(store, code);
  await requireAccess(store, caller, 'custodian.curate', {
    custodian_id: c.id,
    province_code: c.province_code,
    type: 'custodian',
    id: code,
  });
  const sampling = { ...DEFAULT_SAMPLING_POLICY, ...input.sampling };
  const embargo = { ...DEFAULT_EMBARGO_POLICY, ...input.embargo };
  const problems: ProblemField[] = validatePolicy(sampling).map((p) => ({
    field: `sampling.${p.field}`,
    message: p.message,
    message_zh: p.message_zh,
  }));
  for (const kind of EMBARGO_KINDS) {
    const months = embargo[kind];
    if (!Number.isInteger(months) || months < 0 || months > 120)
      problems.push({
        field: `embargo.${kind}`,
        message: `${kind} embargo is whole months from 0 to 120`,
        message_zh: `${kind} 保护期须为 0 到 120 的整月数`,
      });
  }
  if (problems.length) throw new InvalidInputError(problems.map((p) => p.message).join('; '), problems);
  const now = new Date().toISOString();
  await store.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('custodian_policy').where('custodian_id', '=', c.id).execute();
    await trx
      .insertInto('custodian_policy')
      .values({
        custodian_id: c.id,
        sampling: JSON.stringify(sampling),
        embargo: JSON.stringify(embargo),
        updated_at: now,
      })
      .execute();
    await recordAudit(trx, caller, {
      action: 'custodian.policy',
      subject_type: 'custodian',
      subject_id: code,
      detail: { sampling, embargo },
    });
  });
  return getPolicy(store, code);
}
