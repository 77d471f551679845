// Who may do what: roles per organisation (DOMAIN.md "Actors") and the permissions the services ask
// for. Pure: the services gather the facts, this decides, so the whole table is tested without I/O.

export const ROLES = ['visitor', 'researcher', 'curator', 'owner', 'administrator'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  visitor: { zh: '访客', en: 'Visitor' },
  researcher: { zh: '研究人员', en: 'Researcher' },
  curator: { zh: '馆藏机构管理员', en: 'Curator' },
  owner: { zh: '汇交人/所有者', en: 'Depositor / owner' },
  administrator: { zh: '主管部门管理员', en: 'Administrator' },
};

export interface Membership {
  organisation_code: string;
  role: Role;
  /** The custodian a curator works for. */
  custodian_id: number | null;
  /** An administrator's province; null = national. */
  province_code: string | null;
}

export interface Actor {
  kind: 'user' | 'anonymous' | 'system';
  user_id: number | null;
  public_id: string | null;
  email: string | null;
  email_verified: boolean;
  memberships: Membership[];
  /** How the caller proved who it is. */
  via: 'session' | 'token' | 'cli' | 'none';
  /** Text for the audit log that survives the account. */
  label: string;
}

export const ANONYMOUS: Actor = Object.freeze({
  kind: 'anonymous',
  user_id: null,
  public_id: null,
  email: null,
  email_verified: false,
  memberships: [],
  via: 'none',
  label: 'anonymous',
}) as Actor;

/** The command line acts with the operator's authority: it runs on the server, as its owner. */
export function systemActor(name: string): Actor {
  return {
    kind: 'system',
    user_id: null,
    public_id: null,
    email: null,
    email_verified: true,
    memberships: [],
    via: 'cli',
    label: `cli:${name}`,
  };
}

export type Permission =
  /** Read and change one's own account, sessions and API tokens. */
  | 'account.self'
  /** Read the audit log and check its chain. */
  | 'audit.read'
  /** Create accounts and grant roles. */
  | 'user.manage'
  /** Keep the registry of custodians and organisations, and delete boreholes. */
  | 'registry.manage'
  /** Ask for core: a verified account with a researcher, curator, owner or administrator role. */
  | 'request.create'
  /** Publish and change what a custodian holds and offers. Subject: the custodian. */
  | 'custodian.curate'
  /**
   * State what a holding offers for sharing. Subject: the custodian, and for one borehole its class
   * and depositor: Class Ⅲ core with a depositor is the owner's to offer (principle 2, voluntary).
   */
  | 'offer.write'
  /** Grant or refuse administrative permits. Subject: the province of the core, if known. */
  | 'permit.decide'
  /** See true positions and details of classified core. Subject: the custodian holding it. */
  | 'classified.read'
  /** Service statistics beyond the public totals. Subject: the custodian, if one. */
  | 'stats.read';

export interface AccessSubject {
  custodian_id?: number | null;
  province_code?: string | null;
  core_class?: string | null;
  /** The depositor organisation's code, for Class Ⅲ core. */
  depositor_code?: string | null;
}

export type AccessDecision =
  { allowed: true } | { allowed: false; status: 401 | 403; reason: string; reason_zh: string };

const ALLOW: AccessDecision = { allowed: true };
const SIGN_IN: AccessDecision = {
  allowed: false,
  status: 401,
  reason: 'sign in first',
  reason_zh: '请先登录',
};

function deny(reason: string, reason_zh: string): AccessDecision {
  return { allowed: false, status: 403, reason, reason_zh };
}

const has = (actor: Actor, role: Role) => actor.memberships.some((m) => m.role === role);

/** An administrator whose jurisdiction covers the province (a national one covers all). */
function administers(actor: Actor, province: string | null | undefined): boolean {
  return actor.memberships.some(
    (m) => m.role === 'administrator' && (m.province_code === null || m.province_code === province),
  );
}

function curates(actor: Actor, custodian: number | null | undefined): boolean {
  return (
    custodian != null && actor.memberships.some((m) => m.role === 'curator' && m.custodian_id === custodian)
  );
}

/** Decides one permission for one actor. The system actor (the CLI) may do everything. */
export function decide(actor: Actor, permission: Permission, subject: AccessSubject = {}): AccessDecision {
  if (actor.kind === 'system') return ALLOW;
  if (actor.kind === 'anonymous') return SIGN_IN;
  switch (permission) {
    case 'account.self':
      return ALLOW;
    case 'audit.read':
    case 'user.manage':
    case 'registry.manage':
      return administers(actor, null)
        ? ALLOW
        : deny('only a national administrator may do this', '仅国家级主管部门管理员可执行此操作');
    case 'request.create':
      if (!actor.email_verified) return deny('verify your email address first', '请先完成邮箱验证');
      return ['researcher', 'curator', 'owner', 'administrator'].some((r) => has(actor, r as Role))
        ? ALLOW
        : deny(
            'a researcher, curator, owner or administrator role is needed to ask for core',
            '申请岩芯需要研究人员、馆藏机构管理员、所有者或主管部门管理员角色',
          );
    case 'custodian.curate':
      return curates(actor, subject.custodian_id) || administers(actor, subject.province_code ?? null)
        ? ALLOW
        : deny('only this custodian’s curators may change it', '仅该馆藏机构的管理员可修改');
    case 'offer.write':
      if (subject.core_class === 'III' && subject.depositor_code)
        return actor.memberships.some(
          (m) => m.role === 'owner' && m.organisation_code === subject.depositor_code,
        )
          ? ALLOW
          : deny(
              'Class III core is offered by its owner alone (principle 2, voluntary)',
              'Ⅲ类岩芯是否共享、如何共享由其所有者自主决定',
            );
      return curates(actor, subject.custodian_id) || administers(actor, subject.province_code ?? null)
        ? ALLOW
        : deny('only this custodian’s curators may state what it offers', '仅该馆藏机构的管理员可设置共享');
    case 'permit.decide':
      return administers(actor, subject.province_code ?? null)
        ? ALLOW
        : deny(
            'only an administrator of this jurisdiction may decide permits',
            '仅有管辖权的主管部门管理员可审批行政许可',
          );
    case 'classified.read':
      return curates(actor, subject.custodian_id) || administers(actor, subject.province_code ?? null)
        ? ALLOW
        : deny(
            'classified core is shown only to its custodian and administrators',
            '涉密岩芯仅向其馆藏机构和主管部门展示',
          );
    case 'stats.read':
      return curates(actor, subject.custodian_id) || has(actor, 'administrator')
        ? ALLOW
        : deny(
            'statistics in detail are for curators and administrators',
            '详细统计仅向馆藏机构管理员和主管部门开放',
          );
  }
}
