// One demo account per role, so a newcomer can walk every flow on a fresh install. Made through
// addUser as the system (so each is in the audit log), only when the demo dataset is loaded; the
// password is public (README "Demo accounts"): demo stores only, never a real deployment.
import type { Role } from '../../domain/accounts/access.js';
import type { Store } from '../../store/store.js';
import { systemActor } from '../../domain/accounts/access.js';
import { addUser } from '../accounts/user-admin.service.js';
import { NATIONAL_CENTRE_CODE, provincialRepositoryCode, type DemoParties } from './demo.types.js';
import { MINISTRY_DEPARTMENT_CODE } from './parties.generator.js';

export const DEMO_PASSWORD = 'coreshare-demo';

/** The province of the provincial curator and the owner: Tibet, with porphyry copper in the demo. */
const DEMO_PROVINCE = '540000';

export interface DemoAccount {
  email: string;
  display_name: string;
  role: Role;
  /** The organisation by code, or by its Chinese name where the code depends on the seed. */
  organisation: { code: string } | { name_zh: string };
  custodian?: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    email: 'admin@demo.coreshare.cn',
    display_name: '演示 主管部门管理员',
    role: 'administrator',
    organisation: { code: MINISTRY_DEPARTMENT_CODE },
  },
  {
    email: 'curator@demo.coreshare.cn',
    display_name: '演示 国家馆藏管理员',
    role: 'curator',
    organisation: { code: NATIONAL_CENTRE_CODE },
    custodian: NATIONAL_CENTRE_CODE,
  },
  {
    email: 'provincial@demo.coreshare.cn',
    display_name: '演示 省级馆藏管理员',
    role: 'curator',
    organisation: { code: provincialRepositoryCode(DEMO_PROVINCE) },
    custodian: provincialRepositoryCode(DEMO_PROVINCE),
  },
  {
    email: 'owner@demo.coreshare.cn',
    display_name: '演示 汇交人',
    role: 'owner',
    organisation: { name_zh: '西藏自治区地质调查院' },
  },
  {
    email: 'researcher@demo.coreshare.cn',
    display_name: '演示 研究人员',
    role: 'researcher',
    organisation: { name_zh: '中国地质大学（北京）' },
  },
  {
    email: 'visitor@demo.coreshare.cn',
    display_name: '演示 访客',
    role: 'visitor',
    organisation: { name_zh: '中国地质大学（武汉）' },
  },
];

/** The organisation code of each demo account, resolved against the generated parties. */
export function demoAccountOrganisation(account: DemoAccount, parties: DemoParties): string {
  const wanted = account.organisation;
  const found = parties.organisations.find((o) =>
    'code' in wanted ? o.code === wanted.code : o.name_zh === wanted.name_zh,
  );
  if (!found) throw new Error(`demo account ${account.email}: no organisation ${JSON.stringify(wanted)}`);
  return String(found.code);
}

/** Adds (or, on a second load, resets the password of) every demo account. */
export async function addDemoAccounts(store: Store, parties: DemoParties): Promise<void> {
  const caller = { actor: systemActor('demo'), ip: null };
  for (const account of DEMO_ACCOUNTS) {
    await addUser(store, caller, {
      email: account.email,
      display_name: account.display_name,
      password: DEMO_PASSWORD,
      organisation: demoAccountOrganisation(account, parties),
      role: account.role,
      custodian: account.custodian,
    });
  }
}
