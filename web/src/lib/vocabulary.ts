// Labels for the code lists the API sends as codes. Unknown codes are shown as they came, so new
// codes added on the server never render blank.
import type { Lang } from './i18n.js';

type Labels = Record<string, { zh: string; en: string }>;

const coreClass: Labels = {
  I: { zh: 'Ⅰ类', en: 'Class I' },
  II: { zh: 'Ⅱ类', en: 'Class II' },
  III: { zh: 'Ⅲ类', en: 'Class III' },
};

const custodianLevel: Labels = {
  national: { zh: '国家馆', en: 'National repository' },
  provincial: { zh: '省级馆', en: 'Provincial repository' },
  depositor: { zh: '汇交人', en: 'Depositor' },
  entrusted: { zh: '委托保管单位', en: 'Entrusted custodian' },
};

const fundingSource: Labels = {
  central_fiscal: { zh: '中央财政', en: 'Central government funds' },
  local_fiscal: { zh: '地方财政', en: 'Local government funds' },
  self_funded: { zh: '自筹', en: 'Self-funded' },
  enterprise: { zh: '企业', en: 'Enterprise' },
  private: { zh: '私人', en: 'Private' },
};

const confidentiality: Labels = {
  public: { zh: '公开', en: 'Public' },
  internal: { zh: '内部', en: 'Internal' },
  classified: { zh: '涉密', en: 'Classified' },
};

const materialType: Labels = {
  core: { zh: '岩芯', en: 'Core' },
  cuttings: { zh: '岩屑', en: 'Cuttings' },
  specimen: { zh: '标本', en: 'Specimen' },
  thin_section: { zh: '薄片', en: 'Thin section' },
  sample: { zh: '样品', en: 'Sample' },
  other: { zh: '其他', en: 'Other' },
};

const organisationKind: Labels = {
  exploration_unit: { zh: '地勘单位', en: 'Exploration unit' },
  mining_company: { zh: '矿山企业', en: 'Mining company' },
  institute: { zh: '科研院所', en: 'Research institute' },
  university: { zh: '高等院校', en: 'University' },
  department: { zh: '主管部门', en: 'Government department' },
  other: { zh: '其他', en: 'Other' },
};

/** What `has:` finds: the kinds of data a borehole can have. */
const dataAvailable: Labels = {
  images: { zh: '岩芯图像', en: 'Core images' },
  spectra: { zh: '光谱扫描', en: 'Spectral scans' },
  xrf: { zh: '元素扫描', en: 'XRF elements' },
  lithology: { zh: '岩性记录', en: 'Lithology' },
  samples: { zh: '取样记录', en: 'Samples' },
  boxes: { zh: '岩芯箱', en: 'Core boxes' },
  surveys: { zh: '测斜数据', en: 'Downhole surveys' },
};

// Deposit types (成矿类型) by the keys the search facets and the query language use.
const depositType: Labels = {
  porphyry: { zh: '斑岩型', en: 'porphyry' },
  skarn: { zh: '矽卡岩型', en: 'skarn' },
  magmatic_sulfide: { zh: '岩浆熔离型', en: 'magmatic sulphide' },
  magmatic_oxide: { zh: '岩浆分异型', en: 'magmatic oxide (V–Ti magnetite, chromite)' },
  bif: { zh: '沉积变质型', en: 'metamorphosed sedimentary (BIF)' },
  vein: { zh: '热液脉型', en: 'hydrothermal vein' },
  carlin: { zh: '卡林型', en: 'Carlin-type' },
  sandstone: { zh: '砂岩型', en: 'sandstone-hosted' },
  pegmatite: { zh: '伟晶岩型', en: 'pegmatite' },
  ion_adsorption: { zh: '离子吸附型', en: 'ion-adsorption (regolith)' },
  sedimentary: { zh: '沉积型', en: 'sedimentary' },
  coal_measure: { zh: '煤系沉积型', en: 'coal measures' },
  altered_rock: { zh: '破碎带蚀变岩型', en: 'altered fracture zone (Jiaojia type)' },
  epithermal: { zh: '浅成低温热液型', en: 'epithermal' },
  vms: { zh: '火山成因块状硫化物型', en: 'volcanogenic massive sulphide' },
  sedex: { zh: '喷流沉积型', en: 'sedimentary exhalative' },
  mvt: { zh: '密西西比河谷型', en: 'Mississippi Valley-type' },
  carbonatite: { zh: '碳酸岩型', en: 'carbonatite' },
  porphyrite_iron: { zh: '玢岩型', en: 'porphyrite iron (Ningwu type)' },
  granite: { zh: '花岗岩型', en: 'granite-related (greisen, albite granite)' },
  volcanic: { zh: '火山岩型', en: 'volcanic-related' },
  brine: { zh: '盐湖型', en: 'salt-lake brine' },
  placer: { zh: '砂矿型', en: 'placer' },
  iocg: { zh: '铁氧化物铜金型', en: 'iron-oxide copper–gold' },
  metamorphic: { zh: '区域变质型', en: 'regional metamorphic' },
  geothermal: { zh: '沉积盆地型地热', en: 'sedimentary-basin geothermal' },
};

const commodity: Labels = {
  Cu: { zh: '铜', en: 'Copper' },
  Au: { zh: '金', en: 'Gold' },
  Fe: { zh: '铁', en: 'Iron' },
  Mo: { zh: '钼', en: 'Molybdenum' },
  Pb: { zh: '铅', en: 'Lead' },
  Zn: { zh: '锌', en: 'Zinc' },
  W: { zh: '钨', en: 'Tungsten' },
  Sn: { zh: '锡', en: 'Tin' },
  Li: { zh: '锂', en: 'Lithium' },
  REE: { zh: '稀土', en: 'Rare earths' },
  coal: { zh: '煤', en: 'Coal' },
  U: { zh: '铀', en: 'Uranium' },
  Ni: { zh: '镍', en: 'Nickel' },
  Ag: { zh: '银', en: 'Silver' },
  Sb: { zh: '锑', en: 'Antimony' },
  bauxite: { zh: '铝土矿', en: 'Bauxite' },
  phosphate: { zh: '磷', en: 'Phosphate' },
  potash: { zh: '钾盐', en: 'Potash' },
  fluorite: { zh: '萤石', en: 'Fluorite' },
  graphite: { zh: '石墨', en: 'Graphite' },
  Co: { zh: '钴', en: 'Cobalt' },
  Mn: { zh: '锰', en: 'Manganese' },
  Cr: { zh: '铬', en: 'Chromium' },
  Ti: { zh: '钛', en: 'Titanium' },
  V: { zh: '钒', en: 'Vanadium' },
  Hg: { zh: '汞', en: 'Mercury' },
  Bi: { zh: '铋', en: 'Bismuth' },
  Nb: { zh: '铌', en: 'Niobium' },
  Ta: { zh: '钽', en: 'Tantalum' },
  Be: { zh: '铍', en: 'Beryllium' },
  PGE: { zh: '铂族金属', en: 'Platinum-group metals' },
  oil: { zh: '石油', en: 'Oil' },
  gas: { zh: '天然气', en: 'Natural gas' },
};

// The sharing workflow's code lists, worded as the server words them (src/domain/sharing-modes.ts
// MODE_LABELS; src/domain/sharing/request-vocabulary.ts STATE_, ACTION_, PARTY_ and KIND_LABELS),
// English capitalised for display. test/web/sharing-helpers.test.ts checks they stay in step.
const sharingMode: Labels = {
  public_welfare: { zh: '公益性共享', en: 'Public-welfare sharing' },
  public_loan: { zh: '公益性借用共享', en: 'Public-welfare loan' },
  cooperative: { zh: '合作研究性共享', en: 'Cooperative research' },
  trade: { zh: '资源交易（换）性共享', en: 'Trade / exchange' },
  lease: { zh: '资源租赁性共享', en: 'Lease' },
  permit: { zh: '行政许可性共享', en: 'Administrative permit' },
};

const requestKind: Labels = {
  viewing: { zh: '观察预约', en: 'Viewing appointment' },
  sampling: { zh: '取样', en: 'Sampling' },
  loan: { zh: '借用', en: 'Loan' },
  data_access: { zh: '数据获取', en: 'Data access' },
  cooperation: { zh: '合作研究', en: 'Cooperative research' },
  trade: { zh: '交易（交换）', en: 'Trade / exchange' },
  lease: { zh: '租赁', en: 'Lease' },
};

const requestState: Labels = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '已提交', en: 'Submitted' },
  custodian_review: { zh: '馆藏机构审核中', en: 'Under custodian review' },
  owner_consent: { zh: '待所有权人同意', en: "Awaiting the owner's consent" },
  permit: { zh: '待行政许可', en: 'Awaiting the administrative permit' },
  agreement: { zh: '待签署协议', en: 'Awaiting signatures' },
  fulfilled: { zh: '已提供', en: 'Fulfilled' },
  returned: { zh: '已归还', en: 'Returned' },
  results_returned: { zh: '成果已返还', en: 'Results returned' },
  closed: { zh: '已关闭', en: 'Closed' },
  rejected: { zh: '已拒绝', en: 'Rejected' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
  expired: { zh: '已过期', en: 'Expired' },
};

/** Steps of a request; `create` is the timeline's first entry, not an action anyone takes later. */
const requestAction: Labels = {
  create: { zh: '创建', en: 'Create' },
  submit: { zh: '提交', en: 'Submit' },
  start_review: { zh: '开始审核', en: 'Start review' },
  accept: { zh: '受理', en: 'Accept' },
  reject: { zh: '拒绝', en: 'Reject' },
  consent: { zh: '同意', en: 'Consent' },
  refuse_consent: { zh: '不同意', en: 'Refuse consent' },
  grant_permit: { zh: '准予许可', en: 'Grant the permit' },
  refuse_permit: { zh: '不予许可', en: 'Refuse the permit' },
  sign: { zh: '签署', en: 'Sign' },
  fulfil: { zh: '提供', en: 'Fulfil' },
  return_loan: { zh: '归还', en: 'Return the loan' },
  confirm_return: { zh: '确认归还', en: 'Confirm the return' },
  return_results: { zh: '返还成果', en: 'Return results' },
  close: { zh: '关闭', en: 'Close' },
  withdraw: { zh: '撤回', en: 'Withdraw' },
  expire: { zh: '过期', en: 'Expire' },
};

const requestParty: Labels = {
  requester: { zh: '申请人', en: 'Requester' },
  custodian: { zh: '馆藏机构', en: 'Custodian' },
  owner: { zh: '所有权人', en: 'Owner' },
  administrator: { zh: '管理部门', en: 'Administrator' },
  system: { zh: '系统', en: 'System' },
};

/** What core is asked for (src/domain/sharing/eligibility.ts PURPOSES). */
const requestPurpose: Labels = {
  research: { zh: '科研', en: 'Research' },
  education: { zh: '教育', en: 'Education' },
  popular_science: { zh: '科普', en: 'Popular science' },
  exploration: { zh: '勘查', en: 'Exploration' },
  commercial: { zh: '商业', en: 'Commercial' },
};

/** The fees column of DOMAIN.md's mode table (src/domain/sharing/eligibility.ts FEE_KINDS). */
const feeKind: Labels = {
  none: { zh: '免费', en: 'No fee' },
  cost_price: { zh: '工本费', en: 'Cost price' },
  occupancy: { zh: '资源占用费', en: 'Occupancy fee' },
  rent: { zh: '租金', en: 'Rent' },
  market_price: { zh: '市场价', en: 'Market price' },
  per_agreement: { zh: '按协议约定', en: 'As agreed' },
  per_permit: { zh: '按许可规定', en: 'As the permit sets' },
};

/** Who an offer is open to (src/domain/sharing/eligibility.ts AUDIENCES). */
const offerAudience: Labels = {
  everyone: { zh: '所有注册用户', en: 'Everyone signed up' },
  researchers: { zh: '科研人员', en: 'Researchers' },
  organisations: { zh: '指定单位', en: 'Named organisations' },
  nobody: { zh: '暂不共享', en: 'Nobody (not shared)' },
};

/** What comes back from shared core (src/services/sharing/return.service.ts RETURN_KINDS). */
const returnKind: Labels = {
  assay: { zh: '分析测试数据', en: 'Assay results' },
  spectra: { zh: '光谱数据', en: 'Spectra' },
  images: { zh: '图像', en: 'Images' },
  report: { zh: '研究报告', en: 'Report' },
  publication: { zh: '发表论文', en: 'Publication' },
};

/** How long returned data stays with its author (src/domain/sharing/embargo.ts EMBARGO_KINDS). */
const embargoKind: Labels = {
  raw: { zh: '原始数据（默认 2 年）', en: 'Raw data (2 years by default)' },
  interpretation: { zh: '解释成果（默认 5 年）', en: 'Interpretation (5 years by default)' },
  report: { zh: '报告（默认 5 年）', en: 'Report (5 years by default)' },
};

/** What earns or costs an organisation credit (src/domain/sharing/credit.ts CREDIT_EVENT_KINDS). */
const creditEvent: Labels = {
  data_returned_on_time: { zh: '按时返还成果', en: 'Results returned on time' },
  loan_returned_on_time: { zh: '按时归还实物', en: 'Loan returned on time' },
  citation: { zh: '发表论文引用', en: 'Publication citing the core' },
  loan_overdue: { zh: '逾期归还实物', en: 'Loan returned late' },
  data_overdue: { zh: '逾期返还成果', en: 'Results returned late' },
  loan_damaged: { zh: '归还实物有损坏', en: 'Loan returned damaged' },
};

export const vocabularies = {
  depositType,
  coreClass,
  custodianLevel,
  fundingSource,
  confidentiality,
  materialType,
  organisationKind,
  dataAvailable,
  commodity,
  sharingMode,
  requestKind,
  requestState,
  requestAction,
  requestParty,
  requestPurpose,
  feeKind,
  offerAudience,
  returnKind,
  embargoKind,
  creditEvent,
} as const;

export type Vocabulary = keyof typeof vocabularies;

/** The label of a code in the given language; the code itself when unknown; '' for null. */
export function vocabularyLabel(vocabulary: Vocabulary, code: string | null | undefined, lang: Lang): string {
  if (code == null || code === '') return '';
  return vocabularies[vocabulary][code]?.[lang] ?? code;
}

/** Order in which custodian levels are listed (national first, as the paper ranks them). */
export const CUSTODIAN_LEVEL_ORDER = ['national', 'provincial', 'entrusted', 'depositor'] as const;
