// Real-name verification on both engines: a pluggable checker decides, or an administrator does;
// the identity number is never stored, and verification opens offers limited to researchers.
import { beforeAll, expect, it } from 'vitest';
import type { Store } from '../../../src/store/store.js';
import {
  decideRealName,
  manualRealNameChecker,
  submitRealName,
  validResidentId,
  type RealNameChecker,
} from '../../../src/services/accounts/real-name.service.js';
import { signUp } from '../../../src/services/accounts/auth.service.js';
import { actorOf } from '../../../src/services/accounts/auth.service.js';
import type { Caller } from '../../../src/services/audit.service.js';
import { eachEngine } from '../../support/engines.js';
import { CLI, callerWith } from '../../support/accounts.js';

const ID = '11010519491231002X';

eachEngine('real-name verification', ({ fresh }) => {
  let store: Store;
  let admin: Caller;
  let self: Caller;
  beforeAll(async () => {
    store = await fresh();
    admin = await callerWith(store, 'admin@mnr.test', 'administrator', { organisation: 'MNR' });
    await signUp({ store, mailer: { send: async () => {} }, publicUrl: 'http://x.test' }, CLI, {
      email: 'zhang@uni.test',
      password: 'a long password',
      display_name: '张三',
    });
    const user = await store.db
      .selectFrom('app_user')
      .selectAll()
      .where('email', '=', 'zhang@uni.test')
      .executeTakeFirstOrThrow();
    self = { actor: await actorOf(store, user, 'session'), ip: null };
  });

  it('checks identity numbers by their GB 11643 check character', () => {
    expect(validResidentId(ID)).toBe(true);
    expect(validResidentId('110105194912310021')).toBe(false);
  });

  it('leaves a manual check pending until an administrator decides, keeping only a hash of the number', async () => {
    expect(
      (await submitRealName(store, manualRealNameChecker, self, { real_name: '张三', id_number: ID }))
        .real_name_status,
    ).toBe('pending');
    const row = await store.db
      .selectFrom('app_user')
      .selectAll()
      .where('email', '=', 'zhang@uni.test')
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(ID);
    expect(row.real_name_id_hash).toMatch(/^[0-9a-f]{64}$/);
    await expect(decideRealName(store, self, 'zhang@uni.test', 'verified')).rejects.toMatchObject({
      status: 403,
    });
    expect((await decideRealName(store, admin, 'zhang@uni.test', 'verified')).real_name_status).toBe(
      'verified',
    );
  });

  it('takes a plugged-in checker’s answer, and refuses a malformed number naming the field', async () => {
    const gateway: RealNameChecker = {
      name: 'test-gateway',
      check: async ({ id_number }) => (id_number.endsWith('X') ? 'verified' : 'rejected'),
    };
    expect(
      (await submitRealName(store, gateway, self, { real_name: '张三', id_number: ID })).real_name_status,
    ).toBe('verified');
    expect(
      (await submitRealName(store, gateway, self, { real_name: '张三', id_number: 'E12345678' }))
        .real_name_status,
    ).toBe('rejected');
    await expect(
      submitRealName(store, gateway, self, { real_name: '', id_number: '12' }),
    ).rejects.toMatchObject({
      status: 400,
      problems: [
        expect.objectContaining({ field: 'real_name' }),
        expect.objectContaining({ field: 'id_number' }),
      ],
    });
  });
});
