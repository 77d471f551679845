// Row types of the tables, identical on both engines (dates as ISO-8601 text, flags as 0/1 integers,
// so the same repository code and the same tests serve SQLite and PostgreSQL).
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { Role } from '../domain/accounts/access.js';

export interface CustodianTable {
  id: Generated<number>;
  code: string;
  name_zh: string;
  name_en: string | null;
  level: string;
  province_code: string | null;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  address: string | null;
  created_at: string;
  updated_at: string;
}

export interface OrganisationTable {
  id: Generated<number>;
  code: string;
  name_zh: string;
  name_en: string | null;
  kind: string;
  province_code: string | null;
  created_at: string;
  updated_at: string;
}

export interface BoreholeTable {
  id: Generated<number>;
  public_id: string;
  dataset: string;
  hole_id: string;
  name: string;
  project: string | null;
  deposit_name: string | null;
  province_code: string | null;
  county: string | null;
  lon: number | null;
  lat: number | null;
  src_crs: string | null;
  src_x: number | null;
  src_y: number | null;
  collar_elev: number | null;
  total_depth: number | null;
  drill_start: string | null;
  drill_end: string | null;
  purpose: string | null;
  /** Denormalised JSON array of commodity codes; the borehole_commodity table is the indexed truth. */
  commodities: Generated<string>;
  deposit_type: string | null;
  tectonic_unit: string | null;
  metallogenic_belt: string | null;
  core_class: string | null;
  custodian_id: number | null;
  depositor_id: number | null;
  funding_source: string | null;
  ownership_dispute: Generated<number>;
  confidentiality: Generated<string>;
  core_length: number | null;
  recovery: number | null;
  created_at: string;
  updated_at: string;
  /** Bits of the sharing modes open on it by some offer (domain/sharing/offer-rules.ts modeBit). */
  offered_modes: Generated<number>;
}

export interface BoreholeCommodityTable {
  borehole_id: number;
  commodity: string;
}

export interface SurveyTable {
  borehole_id: number;
  depth: number;
  azimuth: number;
  dip: number;
}

export interface LithologyTable {
  id: Generated<number>;
  borehole_id: number;
  depth_from: number;
  depth_to: number;
  code: string | null;
  name_zh: string | null;
  name_en: string | null;
  description: string | null;
}

export interface CoreBoxTable {
  id: Generated<number>;
  public_id: string;
  borehole_id: number;
  box_no: string;
  depth_from: number;
  depth_to: number;
  shelf_location: string | null;
}

export interface SampleTable {
  id: Generated<number>;
  public_id: string;
  borehole_id: number;
  sample_no: string;
  depth_from: number;
  depth_to: number;
  sample_type: string | null;
  taken_for: string | null;
  taken_at: string | null;
  remaining_fraction: number | null;
}

export interface CatalogRecordTable {
  id: Generated<number>;
  public_id: string;
  record_no: string;
  title_zh: string;
  title_en: string | null;
  material_type: string;
  borehole_id: number | null;
  custodian_id: number | null;
  province_code: string | null;
  quantity: number | null;
  unit: string | null;
  year: number | null;
  description: string | null;
  created_at: string;
  updated_at: string;
}

/** How far the full-text index has caught up with each entity's `updated_at`. */
export interface SearchIndexStateTable {
  entity: string;
  indexed_through: string;
}

export interface AppUserTable {
  id: Generated<number>;
  public_id: string;
  /** Lower-cased: one account per address. */
  email: string;
  display_name: string;
  /** argon2id PHC string; null for an account that signs in only with tokens. */
  password_hash: string | null;
  email_verified_at: string | null;
  real_name: string | null;
  /** SHA-256 of the identity document number with the account's public id: never the number itself. */
  real_name_id_hash: string | null;
  real_name_status: 'unchecked' | 'pending' | 'verified' | 'rejected';
  real_name_checked_at: string | null;
  /** Which checker (or administrator) decided. */
  real_name_checker: string | null;
  locale: 'zh' | 'en';
  failed_logins: number;
  locked_until: string | null;
  disabled_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface MembershipTable {
  id: Generated<number>;
  user_id: number;
  organisation_id: number;
  role: Role;
  /** The custodian a curator works for. */
  custodian_id: number | null;
  /** An administrator's province; null = national. */
  province_code: string | null;
  created_at: string;
}

export interface UserSessionTable {
  /** SHA-256 of the cookie's secret: a stolen database holds no usable session. */
  token_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokenTable {
  id: Generated<number>;
  public_id: string;
  user_id: number;
  name: string;
  token_hash: string;
  /** The first characters of the token, shown so a user can tell tokens apart. */
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  expires_at: string | null;
  revoked_at: string | null;
}

export interface EmailTokenTable {
  token_hash: string;
  user_id: number;
  purpose: 'verify_email' | 'reset_password';
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface LoginAttemptTable {
  id: Generated<number>;
  email: string;
  ip: string;
  at: string;
  succeeded: number;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  actor_user_id: number | null;
  /** Who, as text that survives the account: `user:<public id> <email>`, `cli:<os user>`, `anonymous`. */
  actor: string;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  outcome: 'ok' | 'denied' | 'failed';
  /** Canonical JSON. */
  detail: string;
  ip: string | null;
  prev_hash: string;
  hash: string;
}

/** The chain's last link, one row: appending locks it, so entries are numbered without gaps. */
export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface SharingOfferTable {
  id: Generated<number>;
  public_id: string;
  custodian_id: number;
  scope: 'borehole' | 'collection';
  borehole_id: number | null;
  depth_from: number | null;
  depth_to: number | null;
  dataset: string | null;
  /** JSON array of mode codes. */
  modes: string;
  modes_mask: number;
  audience: 'everyone' | 'researchers' | 'organisations' | 'nobody';
  /** JSON array of organisation codes. */
  organisations: string;
  fee_kind: string;
  fee_amount: number | null;
  conditions_zh: string | null;
  conditions_en: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  withdrawn_at: string | null;
}

export interface SharingRequestTable {
  id: Generated<number>;
  public_id: string;
  kind: string;
  mode: string;
  purpose: string;
  international: number;
  state: string;
  requester_user_id: number;
  requester_org_id: number;
  custodian_id: number;
  owner_org_id: number | null;
  borehole_id: number;
  depth_from: number | null;
  depth_to: number | null;
  offer_id: number | null;
  permit_required: number;
  /** JSON array of permit reasons. */
  permit_reasons: string;
  results_owed: number;
  title: string;
  description: string | null;
  /** JSON array of cuts asked for (sampling) and, once fulfilled, cut. */
  samples: string;
  /** JSON array of the parties that signed the agreement. */
  signatures: string;
  loan_return_sent: number;
  due_date: string | null;
  results_due: string | null;
  /** Bumped by every transition: a write based on an old read changes nothing. */
  version: number;
  created_at: string;
  updated_at: string;
}

export interface RequestEventTable {
  id: Generated<number>;
  request_id: number;
  at: string;
  actor_user_id: number | null;
  actor: string;
  party: string;
  action: string;
  from_state: string;
  to_state: string;
  reason: string | null;
  detail: string;
}

export interface CoreAllocationTable {
  id: Generated<number>;
  request_id: number;
  borehole_id: number;
  kind: 'loan' | 'sample';
  depth_from: number;
  depth_to: number;
  /** Of the cross-section: 1 for a loan of whole core, the cut's share for a sample. */
  fraction: number;
  starts_at: string;
  due_at: string | null;
  released_at: string | null;
}

export interface NotificationTable {
  id: Generated<number>;
  user_id: number;
  request_id: number | null;
  at: string;
  title_zh: string;
  title_en: string;
  link: string;
  read_at: string | null;
  mailed_at: string | null;
}

export interface CreditEventTable {
  id: Generated<number>;
  organisation_id: number;
  user_id: number | null;
  request_id: number | null;
  kind: string;
  at: string;
}

export interface CustodianPolicyTable {
  custodian_id: number;
  /** JSON SamplingPolicy. */
  sampling: string;
  /** JSON EmbargoPolicy. */
  embargo: string;
  updated_at: string;
}

export interface AgreementTable {
  id: Generated<number>;
  public_id: string;
  request_id: number;
  /** The mode whose template wrote it. */
  template: string;
  /** JSON: parties, items, purpose, fees, benefit sharing, data-return duty, publication credit. */
  terms: string;
  body_zh: string;
  body_en: string;
  /** SHA-256 of the canonical terms and both bodies: what every party signs. */
  sha256: string;
  created_at: string;
}

export interface AgreementSignatureTable {
  agreement_id: number;
  party: string;
  user_id: number | null;
  signer: string;
  signed_sha256: string;
  signed_at: string;
}

export interface ReturnedDatasetTable {
  id: Generated<number>;
  public_id: string;
  request_id: number;
  borehole_id: number;
  kind: 'assay' | 'spectra' | 'images' | 'report' | 'publication';
  title: string;
  doi: string | null;
  file_name: string | null;
  media_type: string | null;
  size_bytes: number | null;
  sha256: string | null;
  /** Relative to the data folder. */
  stored_path: string | null;
  embargo_kind: 'raw' | 'interpretation' | 'report';
  embargo_until: string;
  uploaded_by: number | null;
  uploaded_at: string;
}

export interface ReturnedValueTable {
  id: Generated<number>;
  dataset_id: number;
  borehole_id: number;
  sample_id: number | null;
  sample_no: string | null;
  depth_from: number;
  depth_to: number;
  analyte: string;
  value: number | null;
  unit: string | null;
  method: string | null;
}

export interface Database {
  custodian: CustodianTable;
  organisation: OrganisationTable;
  borehole: BoreholeTable;
  borehole_commodity: BoreholeCommodityTable;
  survey: SurveyTable;
  lithology: LithologyTable;
  core_box: CoreBoxTable;
  sample: SampleTable;
  catalog_record: CatalogRecordTable;
  search_index_state: SearchIndexStateTable;
  search_epoch: { id: number; n: string | number | bigint };
  app_user: AppUserTable;
  membership: MembershipTable;
  user_session: UserSessionTable;
  api_token: ApiTokenTable;
  email_token: EmailTokenTable;
  login_attempt: LoginAttemptTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  sharing_offer: SharingOfferTable;
  sharing_request: SharingRequestTable;
  request_event: RequestEventTable;
  core_allocation: CoreAllocationTable;
  notification: NotificationTable;
  credit_event: CreditEventTable;
  custodian_policy: CustodianPolicyTable;
  agreement: AgreementTable;
  agreement_signature: AgreementSignatureTable;
  returned_dataset: ReturnedDatasetTable;
  returned_value: ReturnedValueTable;
}

export type CustodianRow = Selectable<CustodianTable>;
export type OrganisationRow = Selectable<OrganisationTable>;
export type BoreholeRow = Selectable<BoreholeTable>;
export type NewBorehole = Insertable<BoreholeTable>;
export type BoreholeUpdate = Updateable<BoreholeTable>;
export type SurveyRow = Selectable<SurveyTable>;
export type LithologyRow = Selectable<LithologyTable>;
export type CoreBoxRow = Selectable<CoreBoxTable>;
export type SampleRow = Selectable<SampleTable>;
export type CatalogRecordRow = Selectable<CatalogRecordTable>;
export type AppUserRow = Selectable<AppUserTable>;
export type MembershipRow = Selectable<MembershipTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
