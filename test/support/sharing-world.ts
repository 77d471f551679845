// The little world the sharing tests act in: custodian XZ with three Class Ⅰ, publicly funded holes
// (ZK0001–ZK0003, 500 m) and one Class Ⅲ hole (QY-1) owned by the mining company ZJKY, and one
// account for each part people play. Offers are each test's own.
import { expect } from 'vitest';
import type { Store } from '../../src/store/store.js';
import type { Caller } from '../../src/services/audit.service.js';
import { AppError } from '../../src/services/errors.js';
import { publicId } from '../../src/domain/public-id.js';
import { boreholeRow, seedBoreholes } from './factories.js';
import { addOrganisation, callerWith } from './accounts.js';

export interface SharingWorld {
  /** Curator of custodian XZ, for organisation XZ-ORG. */
  curator: Caller;
  /** Owner at ZJKY, the depositor of QY-1. */
  owner: Caller;
  /** li@uni.test, researcher at UNI. */
  researcher: Caller;
  /** wang@inst.test, researcher at INST: a party to nothing unless a test makes it one. */
  stranger: Caller;
  /** zhao@xz.test, researcher in the curator's own organisation (self-approval). */
  colleague: Caller;
  visitor: Caller;
  /** National administrator at MNR. */
  admin: Caller;
  /** The public id of a hole in the `jiama` dataset. */
  hole(id: string): string;
}

export async function sharingWorld(store: Store): Promise<SharingWorld> {
  await seedBoreholes(store, 3);
  await addOrganisation(store, 'ZJKY', 'mining_company');
  const id = async (table: 'organisation' | 'custodian', code: string) =>
    (await store.db.selectFrom(table).select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  const [depositor, custodian] = [await id('organisation', 'ZJKY'), await id('custodian', 'XZ')];
  await store.bulk.transaction((s) =>
    s.upsert('borehole', [
      boreholeRow('QY-1', {
        custodian_id: custodian,
        core_class: 'III',
        funding_source: 'enterprise',
        depositor_id: depositor,
      }),
    ]),
  );
  return {
    curator: await callerWith(store, 'curator@xz.test', 'curator', {
      organisation: 'XZ-ORG',
      custodian: 'XZ',
    }),
    owner: await callerWith(store, 'owner@zjky.test', 'owner', { organisation: 'ZJKY' }),
    researcher: await callerWith(store, 'li@uni.test', 'researcher', { organisation: 'UNI' }),
    stranger: await callerWith(store, 'wang@inst.test', 'researcher', { organisation: 'INST' }),
    colleague: await callerWith(store, 'zhao@xz.test', 'researcher', { organisation: 'XZ-ORG' }),
    visitor: await callerWith(store, 'guest@x.test', 'visitor', { organisation: 'GUEST' }),
    admin: await callerWith(store, 'admin@mnr.test', 'administrator', { organisation: 'MNR' }),
    hole: (holeId: string) => publicId('borehole', 'jiama', holeId),
  };
}

/** The AppError a call fails with (the test fails if it succeeds). */
export async function refusal(p: Promise<unknown>): Promise<AppError> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

export const rules = (e: AppError) => e.problems.map((p) => p.rule);
