// The demo accounts README "Demo accounts" promises: one per role, made (and audited) when the demo
// dataset loads, each signing in with the published password, still so after a second load.
import { expect, it } from 'vitest';
import { ANONYMOUS, systemActor } from '../../../src/domain/accounts/access.js';
import { signIn } from '../../../src/services/accounts/auth.service.js';
import { listUsers } from '../../../src/services/accounts/user-admin.service.js';
import { listAudit, verifyAuditChain } from '../../../src/services/audit.service.js';
import { DEMO_PASSWORD } from '../../../src/services/demo/demo-accounts.service.js';
import { loadDemo } from '../../../src/services/demo/demo.service.js';
import type { Store } from '../../../src/store/store.js';
import { eachEngine } from '../../support/engines.js';

/** As documented in README.md: e-mail, role, organisation (code or kind), custodian. */
const DOCUMENTED = [
  ['admin@demo.coreshare.cn', 'administrator', 'MNR-DGEM', null],
  ['curator@demo.coreshare.cn', 'curator', 'NGAC', 'NGAC'],
  ['provincial@demo.coreshare.cn', 'curator', 'PGA-540000', 'PGA-540000'],
  ['owner@demo.coreshare.cn', 'owner', 'ORG-540000-01', null],
  ['researcher@demo.coreshare.cn', 'researcher', 'university', null],
  ['visitor@demo.coreshare.cn', 'visitor', 'university', null],
] as const;

const cli = { actor: systemActor('test'), ip: null };

async function organisationKind(store: Store, code: string): Promise<string> {
  const row = await store.db
    .selectFrom('organisation')
    .select('kind')
    .where('code', '=', code)
    .executeTakeFirstOrThrow();
  return row.kind;
}

async function signsIn(store: Store, email: string, password: string) {
  const deps = { store, mailer: { send: async () => {} }, publicUrl: 'http://localhost' };
  return signIn(deps, { actor: ANONYMOUS, ip: '127.0.0.1' }, { email, password });
}

eachEngine('demo accounts', ({ fresh }) => {
  it('gives every role one account that signs in with the demo password, again after a reload', async () => {
    const store = await fresh();
    await loadDemo(store, { boreholes: 30, seed: 11 });

    const users = await listUsers(store, cli);
    expect(users.map((u) => u.email)).toEqual(DOCUMENTED.map(([email]) => email).sort());
    for (const [email, role, organisation, custodian] of DOCUMENTED) {
      const user = users.find((u) => u.email === email)!;
      expect(user.email_verified).toBe(true);
      expect(user.roles).toHaveLength(1);
      const [granted] = user.roles;
      expect(granted).toMatchObject({ role, custodian_code: custodian, province_code: null });
      if (organisation === 'university')
        expect(await organisationKind(store, granted!.organisation_code)).toBe('university');
      else expect(granted!.organisation_code).toBe(organisation);
      const signedIn = await signsIn(store, email, DEMO_PASSWORD);
      expect(signedIn.account.memberships).toMatchObject([{ role }]);
    }
    expect(await organisationKind(store, 'MNR-DGEM')).toBe('department');
    expect(await organisationKind(store, 'ORG-540000-01')).toBe('exploration_unit');
    await expect(signsIn(store, 'visitor@demo.coreshare.cn', 'not-the-demo-password')).rejects.toThrow(
      'wrong e-mail address or password',
    );

    const created = await listAudit(store, { limit: 50, action: 'account.create' });
    expect(created.items.map((e) => e.actor)).toEqual(DOCUMENTED.map(() => 'cli:demo'));

    await loadDemo(store, { boreholes: 30, seed: 11 });
    expect(await listUsers(store, cli)).toEqual(users);
    expect((await signsIn(store, 'admin@demo.coreshare.cn', DEMO_PASSWORD)).account.email).toBe(
      'admin@demo.coreshare.cn',
    );
    expect(await verifyAuditChain(store)).toMatchObject({ ok: true });
  });
});
