// The words of the request workflow: its kinds, states, actions and parties, with their names in
// both languages for refusal messages and the web's timeline.

export const REQUEST_KINDS = [
  'viewing',
  'sampling',
  'loan',
  'data_access',
  'cooperation',
  'trade',
  'lease',
] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

export const REQUEST_STATES = [
  'draft',
  'submitted',
  'custodian_review',
  'owner_consent',
  'permit',
  'agreement',
  'fulfilled',
  'returned',
  'results_returned',
  'closed',
  'rejected',
  'withdrawn',
  'expired',
] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

export const TERMINAL_STATES: readonly RequestState[] = ['closed', 'rejected', 'withdrawn', 'expired'];

export const REQUEST_ACTIONS = [
  'submit',
  'start_review',
  'accept',
  'reject',
  'consent',
  'refuse_consent',
  'grant_permit',
  'refuse_permit',
  'sign',
  'fulfil',
  'return_loan',
  'confirm_return',
  'return_results',
  'close',
  'withdraw',
  'expire',
] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];

export const PARTIES = ['requester', 'custodian', 'owner', 'administrator', 'system'] as const;
export type Party = (typeof PARTIES)[number];
export type SigningParty = 'requester' | 'custodian' | 'owner';

/** The rules a workflow refusal can name. */
export const WORKFLOW_RULES = [
  'not_allowed_from_state',
  'party_not_allowed',
  'self_approval',
  'already_signed',
  'signatures_missing',
  'loan_return_already_sent',
  'reason_required',
  'due_date_required',
  'samples_required',
  'sample_invalid',
  'condition_required',
] as const;

type Label = { en: string; zh: string };

export const STATE_LABELS: Readonly<Record<RequestState, Label>> = {
  draft: { en: 'draft', zh: '草稿' },
  submitted: { en: 'submitted', zh: '已提交' },
  custodian_review: { en: 'under custodian review', zh: '馆藏机构审核中' },
  owner_consent: { en: "awaiting the owner's consent", zh: '待所有权人同意' },
  permit: { en: 'awaiting the administrative permit', zh: '待行政许可' },
  agreement: { en: 'awaiting signatures', zh: '待签署协议' },
  fulfilled: { en: 'fulfilled', zh: '已提供' },
  returned: { en: 'returned', zh: '已归还' },
  results_returned: { en: 'results returned', zh: '成果已返还' },
  closed: { en: 'closed', zh: '已关闭' },
  rejected: { en: 'rejected', zh: '已拒绝' },
  withdrawn: { en: 'withdrawn', zh: '已撤回' },
  expired: { en: 'expired', zh: '已过期' },
};

export const ACTION_LABELS: Readonly<Record<RequestAction, Label>> = {
  submit: { en: 'submit', zh: '提交' },
  start_review: { en: 'start review', zh: '开始审核' },
  accept: { en: 'accept', zh: '受理' },
  reject: { en: 'reject', zh: '拒绝' },
  consent: { en: 'consent', zh: '同意' },
  refuse_consent: { en: 'refuse consent', zh: '不同意' },
  grant_permit: { en: 'grant the permit', zh: '准予许可' },
  refuse_permit: { en: 'refuse the permit', zh: '不予许可' },
  sign: { en: 'sign', zh: '签署' },
  fulfil: { en: 'fulfil', zh: '提供' },
  return_loan: { en: 'return the loan', zh: '归还' },
  confirm_return: { en: 'confirm the return', zh: '确认归还' },
  return_results: { en: 'return results', zh: '返还成果' },
  close: { en: 'close', zh: '关闭' },
  withdraw: { en: 'withdraw', zh: '撤回' },
  expire: { en: 'expire', zh: '过期' },
};

export const PARTY_LABELS: Readonly<Record<Party, Label>> = {
  requester: { en: 'requester', zh: '申请人' },
  custodian: { en: 'custodian', zh: '馆藏机构' },
  owner: { en: 'owner', zh: '所有权人' },
  administrator: { en: 'administrator', zh: '管理部门' },
  system: { en: 'system', zh: '系统' },
};

export const KIND_LABELS: Readonly<Record<RequestKind, Label>> = {
  viewing: { en: 'viewing appointment', zh: '观察预约' },
  sampling: { en: 'sampling', zh: '取样' },
  loan: { en: 'loan', zh: '借用' },
  data_access: { en: 'data access', zh: '数据获取' },
  cooperation: { en: 'cooperative research', zh: '合作研究' },
  trade: { en: 'trade / exchange', zh: '交易（交换）' },
  lease: { en: 'lease', zh: '租赁' },
};
