// Sharing offers: holders state which modes are open, to whom, for what fee and on what conditions
// (principle 2). Every change is access-checked, audited in its transaction, and re-derives the
// offered-mode bits search reads.
import type { Store } from '../../store/store.js';
import { custodianScope } from '../custodian.service.js';
import { offerRepository, type OfferRow } from '../../store/repositories/offer.repository.js';
import { checkOffer, modesMask, type OfferInput } from '../../domain/sharing/offer-rules.js';
import type { SharingMode } from '../../domain/sharing-modes.js';
import type { CoreClass, FundingSource } from '../../domain/vocabulary.js';
import { recordAudit, type Caller } from '../audit.service.js';
import { requireAccess } from '../accounts/access.service.js';
import { InvalidInputError, NotFoundError } from '../errors.js';
import { randomPublicId } from '../accounts/secrets.js';

export interface OfferView {
  id: string;
  custodian_code: string;
  scope: 'borehole' | 'collection';
  borehole_id: string | null;
  hole_id: string | null;
  depth_from: number | null;
  depth_to: number | null;
  dataset: string | null;
  modes: SharingMode[];
  audience: string;
  organisations: string[];
  fee_kind: string;
  fee_amount: number | null;
  conditions_zh: string | null;
  conditions_en: string | null;
  created_at: string;
  updated_at: string;
  withdrawn_at: string | null;
}

export function presentOffer(r: OfferRow): OfferView {
  return {
    id: r.public_id,
    custodian_code: r.custodian_code,
    scope: r.scope,
    borehole_id: r.borehole_public_id,
    hole_id: r.borehole_hole_id,
    depth_from: r.depth_from,
    depth_to: r.depth_to,
    dataset: r.dataset,
    modes: JSON.parse(r.modes) as SharingMode[],
    audience: r.audience,
    organisations: JSON.parse(r.organisations) as string[],
    fee_kind: r.fee_kind,
    fee_amount: r.fee_amount,
    conditions_zh: r.conditions_zh,
    conditions_en: r.conditions_en,
    created_at: r.created_at,
    updated_at: r.updated_at,
    withdrawn_at: r.withdrawn_at,
  };
}

export interface OfferTarget {
  /** Public id of the borehole (scope 'borehole'). */
  borehole?: string | undefined;
  /** Custodian code (scope 'collection'). */
  custodian?: string | undefined;
}

/** What the offer covers, with the facts the access check and the mode rules need. */
async function resolveTarget(store: Store, scope: OfferInput['scope'], target: OfferTarget) {
  if (scope === 'borehole') {
    if (!target.borehole)
      throw new InvalidInputError('a borehole offer names its borehole', [
        { field: 'borehole', message: 'required', message_zh: '请指定钻孔' },
      ]);
    const b = await store.db
      .selectFrom('borehole as b')
      .leftJoin('custodian as c', 'c.id', 'b.custodian_id')
      .leftJoin('organisation as d', 'd.id', 'b.depositor_id')
      .select([
        'b.id',
        'b.custodian_id',
        'b.core_class',
        'b.funding_source',
        'b.ownership_dispute',
        'b.total_depth',
        'c.province_code',
        'd.code as depositor_code',
      ])
      .where('b.public_id', '=', target.borehole)
      .executeTakeFirst();
    if (!b) throw new NotFoundError('borehole', target.borehole);
    if (b.custodian_id === null)
      throw new InvalidInputError(
        'this borehole has no custodian yet: record who holds it before offering it',
        [{ field: 'borehole', message: 'no custodian recorded', message_zh: '该钻孔尚未登记馆藏机构' }],
      );
    return {
      borehole_id: b.id,
      custodian_id: b.custodian_id,
      total_depth: b.total_depth,
      subject: {
        custodian_id: b.custodian_id,
        province_code: b.province_code,
        core_class: b.core_class,
        depositor_code: b.depositor_code,
      },
      facts: {
        funding_source: b.funding_source as FundingSource | null,
        ownership_dispute: b.ownership_dispute === 1,
        core_class: b.core_class as CoreClass | null,
      },
    };
  }
  if (!target.custodian)
    throw new InvalidInputError('a collection offer names its custodian', [
      { field: 'custodian', message: 'required', message_zh: '请指定馆藏机构' },
    ]);
  const c = await custodianScope(store, target.custodian);
  return {
    borehole_id: null,
    custodian_id: c.id,
    total_depth: null,
    subject: { custodian_id: c.id, province_code: c.province_code },
    facts: undefined,
  };
}

function validate(input: OfferInput, target: Awaited<ReturnType<typeof resolveTarget>>) {
  const problems = checkOffer(input, target.facts);
  if (target.total_depth != null && input.depth_to != null && input.depth_to > target.total_depth + 1e-9)
    problems.push({
      field: 'depth_to',
      message: `the borehole is ${target.total_depth} m deep`,
      message_zh: `该钻孔孔深 ${target.total_depth} 米`,
    });
  if (problems.length)
    throw new InvalidInputError(problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);
}

function columns(input: OfferInput) {
  return {
    depth_from: input.scope === 'borehole' ? (input.depth_from ?? null) : null,
    depth_to: input.scope === 'borehole' ? (input.depth_to ?? null) : null,
    dataset: input.scope === 'collection' ? (input.dataset ?? null) : null,
    modes: JSON.stringify(input.modes),
    modes_mask: modesMask(input.modes),
    audience: input.audience,
    organisations: JSON.stringify(input.audience === 'organisations' ? (input.organisations ?? []) : []),
    fee_kind: input.fee_kind,
    fee_amount: input.fee_kind === 'none' ? null : (input.fee_amount ?? null),
    conditions_zh: input.conditions_zh?.trim() || null,
    conditions_en: input.conditions_en?.trim() || null,
  };
}

/** Publishes an offer on a borehole (or part of it) or on a custodian's collection. */
export async function createOffer(
  store: Store,
  caller: Caller,
  input: OfferInput & OfferTarget,
): Promise<OfferView> {
  const target = await resolveTarget(store, input.scope, input);
  await requireAccess(store, caller, 'offer.write', {
    ...target.subject,
    type: 'borehole_or_custodian',
    id: input.borehole ?? input.custodian,
  });
  validate(input, target);
  const now = new Date().toISOString();
  const publicId = randomPublicId('CSO');
  await store.db.transaction().execute(async (trx) => {
    const repo = offerRepository(trx);
    await repo.insert({
      public_id: publicId,
      custodian_id: target.custodian_id,
      scope: input.scope,
      borehole_id: target.borehole_id,
      ...columns(input),
      created_by: caller.actor.user_id,
      created_at: now,
      updated_at: now,
      withdrawn_at: null,
    });
    await repo.refreshOfferedModes(target.custodian_id);
    await recordAudit(trx, caller, {
      action: 'offer.create',
      subject_type: 'offer',
      subject_id: publicId,
      detail: { ...input },
    });
  });
  return presentOffer((await offerRepository(store.db).byPublicId(publicId))!);
}

async function existing(store: Store, id: string) {
  const row = await offerRepository(store.db).byPublicId(id);
  if (!row) throw new NotFoundError('offer', id);
  return row;
}

/** Replaces an offer's terms (scope and target stay). */
export async function updateOffer(
  store: Store,
  caller: Caller,
  id: string,
  input: Omit<OfferInput, 'scope'>,
): Promise<OfferView> {
  const row = await existing(store, id);
  const full: OfferInput = { ...input, scope: row.scope };
  const target = await resolveTarget(store, row.scope, {
    borehole: row.borehole_public_id ?? undefined,
    custodian: row.custodian_code,
  });
  await requireAccess(store, caller, 'offer.write', { ...target.subject, type: 'offer', id });
  validate(full, target);
  await store.db.transaction().execute(async (trx) => {
    const repo = offerRepository(trx);
    await repo.update(row.id, { ...columns(full), updated_at: new Date().toISOString() });
    await repo.refreshOfferedModes(row.custodian_id);
    await recordAudit(trx, caller, {
      action: 'offer.update',
      subject_type: 'offer',
      subject_id: id,
      detail: { ...input },
    });
  });
  return presentOffer((await offerRepository(store.db).byPublicId(id))!);
}

/** Withdraws an offer; it stays on record (requests made under it keep their terms). */
export async function withdrawOffer(store: Store, caller: Caller, id: string): Promise<OfferView> {
  const row = await existing(store, id);
  const target = await resolveTarget(store, row.scope, {
    borehole: row.borehole_public_id ?? undefined,
    custodian: row.custodian_code,
  });
  await requireAccess(store, caller, 'offer.write', { ...target.subject, type: 'offer', id });
  if (!row.withdrawn_at)
    await store.db.transaction().execute(async (trx) => {
      const repo = offerRepository(trx);
      const now = new Date().toISOString();
      await repo.update(row.id, { withdrawn_at: now, updated_at: now });
      await repo.refreshOfferedModes(row.custodian_id);
      await recordAudit(trx, caller, { action: 'offer.withdraw', subject_type: 'offer', subject_id: id });
    });
  return presentOffer((await offerRepository(store.db).byPublicId(id))!);
}

/** Offers are public: anyone may see what is open and on what terms. */
export async function listOffers(
  store: Store,
  filter: {
    custodian?: string;
    borehole?: string;
    include_withdrawn?: boolean;
    cursor?: string;
    limit: number;
  },
): Promise<{ items: OfferView[]; next_cursor: string | null }> {
  let custodianId: number | undefined;
  let boreholeId: number | undefined;
  if (filter.custodian) {
    custodianId = (await custodianScope(store, filter.custodian)).id;
  }
  if (filter.borehole) {
    const b = await store.db
      .selectFrom('borehole')
      .select('id')
      .where('public_id', '=', filter.borehole)
      .executeTakeFirst();
    if (!b) throw new NotFoundError('borehole', filter.borehole);
    boreholeId = b.id;
  }
  const rows = await offerRepository(store.db).list({
    ...(custodianId !== undefined && { custodian_id: custodianId }),
    ...(boreholeId !== undefined && { borehole_id: boreholeId }),
    include_withdrawn: filter.include_withdrawn ?? false,
    ...(filter.cursor !== undefined && { after: Number(filter.cursor) }),
    limit: filter.limit + 1,
  });
  const page = rows.slice(0, filter.limit);
  return {
    items: page.map(presentOffer),
    next_cursor: rows.length > filter.limit ? String(page[page.length - 1]!.id) : null,
  };
}

/**
 * Re-derives the offered-mode bits of the boreholes changed since `since` (imported, edited, moved
 * between custodians; '' for all), after an index run has caught up with them.
 */
export async function refreshChangedOfferedModes(store: Store, since: string): Promise<void> {
  await store.db.transaction().execute((trx) => offerRepository(trx).refreshChangedOfferedModes(since));
}
