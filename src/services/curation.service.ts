// Curators' writes that are not imports: custodians, organisations, deleting a borehole. Reached
// through the CLI (the operator acts as the system); each change and its audit entry share one
// transaction.
import type { Store } from '../store/store.js';
import { recordAudit, type Caller } from './audit.service.js';
import { requireAccess } from './accounts/access.service.js';
import { boreholeRepository } from '../store/repositories/borehole.repository.js';
import {
  CUSTODIAN_LEVELS,
  ORGANISATION_KINDS,
  type CustodianLevel,
  type OrganisationKind,
} from '../domain/vocabulary.js';
import { InvalidInputError, NotFoundError, type ProblemField } from './errors.js';

export interface CustodianInput {
  code: string;
  name_zh: string;
  name_en?: string | null;
  level: CustodianLevel;
  province_code?: string | null;
  contact_name?: string | null;
  contact_email?: string | null;
  contact_phone?: string | null;
  address?: string | null;
}

export interface OrganisationInput {
  code: string;
  name_zh: string;
  name_en?: string | null;
  kind: OrganisationKind;
  province_code?: string | null;
}

function checkCommon(input: {
  code: string;
  name_zh: string;
  province_code?: string | null;
}): ProblemField[] {
  const problems: ProblemField[] = [];
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(input.code))
    problems.push({ field: 'code', message: 'letters, digits, _ . - (1–64)' });
  if (!input.name_zh.trim()) problems.push({ field: 'name_zh', message: 'a Chinese name is required' });
  if (input.province_code != null && !/^\d{6}$/.test(input.province_code)) {
    problems.push({ field: 'province_code', message: 'a six-digit GB/T 2260 code, e.g. 540000' });
  }
  return problems;
}

/** Adds a custodian or updates the one with the same code. */
export async function saveCustodian(store: Store, caller: Caller, input: CustodianInput): Promise<void> {
  await requireAccess(store, caller, 'registry.manage');
  const problems = checkCommon(input);
  if (!CUSTODIAN_LEVELS.includes(input.level))
    problems.push({ field: 'level', message: `one of ${CUSTODIAN_LEVELS.join(', ')}` });
  if (input.contact_email && !/^[^@\s]+@[^@\s]+$/.test(input.contact_email))
    problems.push({ field: 'contact_email', message: 'not an e-mail address' });
  if (problems.length) throw new InvalidInputError('custodian is not valid', problems);
  const now = new Date().toISOString();
  const row = {
    code: input.code,
    name_zh: input.name_zh,
    name_en: input.name_en ?? null,
    level: input.level,
    province_code: input.province_code ?? null,
    contact_name: input.contact_name ?? null,
    contact_email: input.contact_email ?? null,
    contact_phone: input.contact_phone ?? null,
    address: input.address ?? null,
  };
  await store.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('custodian')
      .values({ ...row, created_at: now, updated_at: now })
      .onConflict((oc) => oc.column('code').doUpdateSet({ ...row, updated_at: now }))
      .execute();
    await recordAudit(trx, caller, {
      action: 'custodian.save',
      subject_type: 'custodian',
      subject_id: input.code,
      detail: row,
    });
  });
}

/** Adds an organisation (exploration unit, mining company, institute …) or updates it by code. */
export async function saveOrganisation(
  store: Store,
  caller: Caller,
  input: OrganisationInput,
): Promise<void> {
  await requireAccess(store, caller, 'registry.manage');
  const problems = checkCommon(input);
  if (!ORGANISATION_KINDS.includes(input.kind))
    problems.push({ field: 'kind', message: `one of ${ORGANISATION_KINDS.join(', ')}` });
  if (problems.length) throw new InvalidInputError('organisation is not valid', problems);
  const now = new Date().toISOString();
  const row = {
    code: input.code,
    name_zh: input.name_zh,
    name_en: input.name_en ?? null,
    kind: input.kind,
    province_code: input.province_code ?? null,
  };
  await store.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('organisation')
      .values({ ...row, created_at: now, updated_at: now })
      .onConflict((oc) => oc.column('code').doUpdateSet({ ...row, updated_at: now }))
      .execute();
    await recordAudit(trx, caller, {
      action: 'organisation.save',
      subject_type: 'organisation',
      subject_id: input.code,
      detail: row,
    });
  });
}

/** Deletes a borehole with its surveys, intervals, boxes and samples; catalog records stay, unlinked. */
export async function deleteBorehole(store: Store, caller: Caller, publicId: string): Promise<void> {
  await requireAccess(store, caller, 'registry.manage');
  await store.db.transaction().execute(async (trx) => {
    const result = await boreholeRepository(trx).deleteByPublicId(publicId);
    if (Number(result.numDeletedRows) === 0) throw new NotFoundError('borehole', publicId);
    await recordAudit(trx, caller, {
      action: 'borehole.delete',
      subject_type: 'borehole',
      subject_id: publicId,
    });
  });
}
