import type { Store } from '../store/store.js';
import { custodianRepository } from '../store/repositories/custodian.repository.js';
import { NotFoundError } from './errors.js';

type Row = NonNullable<Awaited<ReturnType<ReturnType<typeof custodianRepository>['byCodeWithCounts']>>>;

function present(r: Row) {
  return {
    code: r.code,
    name_zh: r.name_zh,
    name_en: r.name_en,
    level: r.level,
    province_code: r.province_code,
    contact_name: r.contact_name,
    contact_email: r.contact_email,
    contact_phone: r.contact_phone,
    address: r.address,
    borehole_count: Number(r.borehole_count),
    catalog_count: Number(r.catalog_count),
  };
}

export type CustodianView = ReturnType<typeof present>;

/** Every custodian with how many boreholes and catalog records it holds. */
export async function listCustodians(store: Store): Promise<CustodianView[]> {
  return (await custodianRepository(store.db).listWithCounts()).map(present);
}

export async function getCustodian(store: Store, code: string): Promise<CustodianView> {
  const row = await custodianRepository(store.db).byCodeWithCounts(code);
  if (!row) throw new NotFoundError('custodian', code);
  return present(row);
}

/** A custodian's id and province, for access checks and filters; 404 when the code is unknown. */
export async function custodianScope(
  store: Store,
  code: string,
): Promise<{ id: number; province_code: string | null }> {
  const scope = await custodianRepository(store.db).scopeByCode(code);
  if (!scope) throw new NotFoundError('custodian', code);
  return scope;
}
