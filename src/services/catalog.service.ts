import type { Store } from '../store/store.js';
import { catalogRepository, type CatalogRow } from '../store/repositories/catalog.repository.js';
import { custodianRepository } from '../store/repositories/custodian.repository.js';
import { NotFoundError } from './errors.js';
import { decodeCursor, pageOf } from './pagination.js';

export interface ListCatalogQuery {
  limit: number;
  cursor?: string;
  custodian?: string;
  material_type?: string;
}

/** One page of the catalog of physical geological materials (实物地质资料目录), in id order. */
export async function listCatalog(store: Store, query: ListCatalogQuery) {
  let custodianId: number | undefined;
  if (query.custodian !== undefined) {
    custodianId = await custodianRepository(store.db).idByCode(query.custodian);
    if (custodianId === undefined) throw new NotFoundError('custodian', query.custodian);
  }
  const rows = await catalogRepository(store.db).page(decodeCursor(query.cursor), query.limit + 1, {
    ...(custodianId !== undefined && { custodianId }),
    ...(query.material_type !== undefined && { materialType: query.material_type }),
  });
  return pageOf(rows, query.limit, catalogItem);
}

export interface CatalogItem {
  id: string;
  record_no: string;
  title_zh: string;
  title_en: string | null;
  material_type: string;
  province_code: string | null;
  quantity: number | null;
  unit: string | null;
  year: number | null;
  description: string | null;
  borehole_id: string | null;
  custodian_code: string | null;
}

/** A catalog record as the API shows it: public ids, never row ids. */
export function catalogItem(row: CatalogRow): CatalogItem {
  const { id: _id, public_id, borehole_public_id, ...rest } = row;
  return { id: public_id, ...rest, borehole_id: borehole_public_id };
}
