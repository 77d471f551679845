import { expect, it } from 'vitest';
import { eachEngine } from '../support/engines.js';
import { CLI } from '../support/accounts.js';
import { seedBoreholes } from '../support/factories.js';
import { deleteBorehole, saveCustodian, saveOrganisation } from '../../src/services/curation.service.js';
import { getCustodian } from '../../src/services/custodian.service.js';
import { InvalidInputError, NotFoundError } from '../../src/services/errors.js';

eachEngine('curation service', ({ fresh }) => {
  it('adds and updates a custodian by code', async () => {
    const store = await fresh();
    await saveCustodian(store, CLI, {
      code: 'NGAC',
      name_zh: '实物地质资料中心',
      level: 'national',
      province_code: '110000',
    });
    await saveCustodian(store, CLI, {
      code: 'NGAC',
      name_zh: '自然资源部实物地质资料中心',
      level: 'national',
      contact_email: 'a@b.cn',
    });
    expect(await getCustodian(store, 'NGAC')).toMatchObject({
      name_zh: '自然资源部实物地质资料中心',
      contact_email: 'a@b.cn',
      borehole_count: 0,
    });
  });

  it('names every invalid field and stores nothing', async () => {
    const store = await fresh();
    const attempt = saveCustodian(store, CLI, {
      code: 'bad code!',
      name_zh: ' ',
      level: 'galactic' as never,
      province_code: '54',
      contact_email: 'x',
    });
    await expect(attempt).rejects.toBeInstanceOf(InvalidInputError);
    const error = (await attempt.catch((e: unknown) => e)) as InvalidInputError;
    expect(error.problems.map((p) => p.field)).toEqual([
      'code',
      'name_zh',
      'province_code',
      'level',
      'contact_email',
    ]);
    await expect(
      saveOrganisation(store, CLI, { code: 'X', name_zh: '某队', kind: 'pirates' as never }),
    ).rejects.toThrow('organisation');
    expect(await store.db.selectFrom('custodian').selectAll().execute()).toEqual([]);
  });

  it('deletes a borehole with its children and says so when it does not exist', async () => {
    const store = await fresh();
    await seedBoreholes(store, 2);
    const { public_id, id } = await store.db
      .selectFrom('borehole')
      .select(['public_id', 'id'])
      .where('hole_id', '=', 'ZK0001')
      .executeTakeFirstOrThrow();
    await deleteBorehole(store, CLI, public_id);
    expect(
      await store.db.selectFrom('lithology').selectAll().where('borehole_id', '=', id).execute(),
    ).toEqual([]);
    expect(await store.db.selectFrom('core_box').selectAll().execute()).toEqual([]);
    await expect(deleteBorehole(store, CLI, public_id)).rejects.toBeInstanceOf(NotFoundError);
  });
});
