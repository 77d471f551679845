// Returned data, the step the paper says most sharing never reaches: a requester's results (assay
// tables, spectra, images, reports, papers by DOI) come back to the custodian, attach to the exact
// borehole intervals, show on the borehole page with credit, and stay embargoed as the custodian's
// policy says. Assay tables are parsed into depth-registered values, all or nothing per file.
import { createHash } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Store } from '../../store/store.js';
import { requestRepository } from '../../store/repositories/request.repository.js';
import { embargoEnds, type EmbargoKind } from '../../domain/sharing/embargo.js';
import { recordAudit, recordAuditAlone, type Caller } from '../audit.service.js';
import { requireAccess } from '../accounts/access.service.js';
import { randomPublicId } from '../accounts/secrets.js';
import {
  AppError,
  InvalidInputError,
  NotFoundError,
  RuleRefusalError,
  type ProblemField,
} from '../errors.js';
import { partiesOf } from './request-parties.js';
import { policyOf } from './policy.service.js';
import { assayValues } from './returned-values.js';
import {
  contentMatches,
  MAX_RETURN_BYTES,
  RETURN_MEDIA_TYPES,
  type ReturnMediaType,
} from './upload-types.js';

export const RETURN_KINDS = ['assay', 'spectra', 'images', 'report', 'publication'] as const;
export type ReturnKind = (typeof RETURN_KINDS)[number];

export interface ReturnDeps {
  store: Store;
  /** Folder for stored files (the store's data folder). */
  dataDir: string;
}

export interface ReturnInput {
  request: string;
  kind: ReturnKind;
  title: string;
  doi?: string | undefined;
  /** raw (assays, spectra, images: 2 years by default), interpretation or report (5 years). */
  embargo?: EmbargoKind | undefined;
  file?: { name: string; media_type: string; bytes: Buffer } | undefined;
}

export interface ReturnedDatasetView {
  id: string;
  request_id: string;
  borehole_id: string;
  kind: string;
  title: string;
  doi: string | null;
  file_name: string | null;
  media_type: string | null;
  size_bytes: number | null;
  sha256: string | null;
  embargo_kind: string;
  embargo_until: string;
  under_embargo: boolean;
  values: number;
  credit: { requester: string; organisation: string; custodian: string };
  uploaded_at: string;
}

/** Files read as tables of values. */
const TABLE_TYPES = [
  'text/csv',
  'text/plain',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];
const STATES_WITH_RESULTS = ['fulfilled', 'returned', 'results_returned', 'closed'];
const DOI = /^10\.\d{4,9}\/\S+$/;

class UnsupportedMediaTypeError extends AppError {
  constructor(message: string, messageZh: string) {
    super('unsupported_media_type', 415, message, [
      { field: 'Content-Type', message, message_zh: messageZh },
    ]);
  }
}

function check(input: ReturnInput): void {
  const problems: ProblemField[] = [];
  if (!input.title.trim() || input.title.length > 300)
    problems.push({
      field: 'title',
      message: 'a title of 1 to 300 characters is needed',
      message_zh: '请填写 1 到 300 个字符的标题',
    });
  if (input.kind === 'publication') {
    if (!input.doi || !DOI.test(input.doi.trim()))
      problems.push({
        field: 'doi',
        message: 'a publication is returned by its DOI, e.g. 10.1016/j.oregeorev.2020.103456',
        message_zh: '论文须提供 DOI，例如 10.1016/j.oregeorev.2020.103456',
      });
  } else if (!input.file) {
    problems.push({ field: 'file', message: 'attach the file', message_zh: '请附上文件' });
  }
  if (problems.length) throw new InvalidInputError(problems.map((p) => p.message).join('; '), problems);
  if (input.file) {
    const type = input.file.media_type.split(';')[0]!.trim().toLowerCase();
    if (!(type in RETURN_MEDIA_TYPES))
      throw new UnsupportedMediaTypeError(
        `${type} is not accepted; send one of ${Object.keys(RETURN_MEDIA_TYPES).join(', ')}`,
        `不接受 ${type} 类型；可上传：${Object.keys(RETURN_MEDIA_TYPES).join('、')}`,
      );
    if (input.file.bytes.length > MAX_RETURN_BYTES)
      throw new AppError('too_large', 413, `the file is larger than ${MAX_RETURN_BYTES / 1024 / 1024} MiB`);
    if (!contentMatches(type as ReturnMediaType, input.file.bytes))
      throw new UnsupportedMediaTypeError(
        `the file's content is not ${type}`,
        `文件内容与声明的类型 ${type} 不符`,
      );
    if (input.kind === 'assay' && !TABLE_TYPES.includes(type))
      throw new UnsupportedMediaTypeError(
        'an assay table is a CSV or .xlsx file',
        '分析结果表须为 CSV 或 .xlsx 文件',
      );
  }
}

/** Returns one dataset (or a publication's DOI) for a fulfilled request; its requester (or custodian) only. */
export async function returnData(
  deps: ReturnDeps,
  caller: Caller,
  input: ReturnInput,
): Promise<ReturnedDatasetView> {
  const { store } = deps;
  await requireAccess(store, caller, 'account.self');
  const r = await requestRepository(store.db).byPublicId(input.request);
  if (!r) throw new NotFoundError('request', input.request);
  const parties = partiesOf(caller.actor, r).map((p) => p.party);
  if (!parties.includes('requester') && !parties.includes('custodian')) {
    await recordAuditAlone(store, caller, {
      action: 'return.upload',
      outcome: 'denied',
      subject_type: 'request',
      subject_id: r.public_id,
    });
    throw new RuleRefusalError(
      [
        {
          rule: 'party_not_allowed',
          message: 'results are returned by the requester (or recorded by the custodian)',
          message_zh: '成果由申请人汇交（或由馆藏机构代为登记）',
        },
      ],
      403,
    );
  }
  if (!STATES_WITH_RESULTS.includes(r.state))
    throw new RuleRefusalError(
      [
        {
          rule: 'not_allowed_from_state',
          message: `results come back after the core was shared; the request is ${r.state}`,
          message_zh: `岩芯共享履行后方可汇交成果；申请当前状态：${r.state}`,
        },
      ],
      409,
    );
  check(input);

  const now = new Date();
  const embargoKind: EmbargoKind = input.embargo ?? (input.kind === 'report' ? 'report' : 'raw');
  const embargoUntil =
    input.kind === 'publication'
      ? now
      : embargoEnds(embargoKind, now, (await policyOf(store, r.custodian_id)).embargo);
  let stored: { path: string; sha256: string; type: string } | undefined;
  let values: Awaited<ReturnType<typeof assayValues>> = [];
  if (input.file) {
    const sha256 = createHash('sha256').update(input.file.bytes).digest('hex');
    const type = input.file.media_type.split(';')[0]!.trim().toLowerCase();
    const dir = join(deps.dataDir, 'returns', sha256.slice(0, 2));
    await mkdir(dir, { recursive: true });
    const path = join(dir, `${sha256}.${RETURN_MEDIA_TYPES[type as ReturnMediaType]}`);
    const partial = `${path}.${process.pid}.part`;
    await writeFile(partial, input.file.bytes);
    try {
      // Assay tables always; spectra when they come as a table (one column per band).
      if (input.kind === 'assay' || (input.kind === 'spectra' && TABLE_TYPES.includes(type)))
        values = await assayValues(store, r, partial, type, input.file.name);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
    await rename(partial, path);
    stored = {
      path: join('returns', sha256.slice(0, 2), `${sha256}.${RETURN_MEDIA_TYPES[type as ReturnMediaType]}`),
      sha256,
      type,
    };
  }
  const publicId = randomPublicId('CSD');
  await store.db.transaction().execute(async (trx) => {
    const id = (
      await trx
        .insertInto('returned_dataset')
        .values({
          public_id: publicId,
          request_id: r.id,
          borehole_id: r.borehole_id,
          kind: input.kind,
          title: input.title.trim(),
          doi: input.doi?.trim() ?? null,
          file_name: input.file?.name.slice(0, 255) ?? null,
          media_type: stored?.type ?? null,
          size_bytes: input.file?.bytes.length ?? null,
          sha256: stored?.sha256 ?? null,
          stored_path: stored?.path ?? null,
          embargo_kind: embargoKind,
          embargo_until: embargoUntil.toISOString(),
          uploaded_by: caller.actor.user_id,
          uploaded_at: now.toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    for (let i = 0; i < values.length; i += 500)
      await trx
        .insertInto('returned_value')
        .values(
          values.slice(i, i + 500).map((v) => ({
            dataset_id: id,
            borehole_id: r.borehole_id,
            sample_id: v.sample_id,
            sample_no: v.sample_no,
            depth_from: v.depth_from,
            depth_to: v.depth_to,
            analyte: v.analyte,
            value: v.value,
            unit: v.unit,
            method: v.qualifier,
          })),
        )
        .execute();
    if (input.kind === 'publication')
      await trx
        .insertInto('credit_event')
        .values({
          organisation_id: r.requester_org_id,
          user_id: r.requester_user_id,
          request_id: r.id,
          kind: 'citation',
          at: now.toISOString(),
        })
        .execute();
    await recordAudit(trx, caller, {
      action: 'return.upload',
      subject_type: 'request',
      subject_id: r.public_id,
      detail: {
        dataset: publicId,
        kind: input.kind,
        sha256: stored?.sha256 ?? null,
        values: values.length,
        doi: input.doi ?? null,
      },
    });
  });
  return (await listReturned(store, caller, { request: r.public_id })).find((d) => d.id === publicId)!;
}

/** Datasets returned for a borehole or a request, with credit; values are counted for all, shown via returnedValues. */
export async function listReturned(
  store: Store,
  _caller: Caller,
  filter: { borehole?: string; request?: string },
): Promise<ReturnedDatasetView[]> {
  let q = store.db
    .selectFrom('returned_dataset as d')
    .innerJoin('sharing_request as r', 'r.id', 'd.request_id')
    .innerJoin('borehole as b', 'b.id', 'd.borehole_id')
    .innerJoin('app_user as u', 'u.id', 'r.requester_user_id')
    .innerJoin('organisation as o', 'o.id', 'r.requester_org_id')
    .innerJoin('custodian as c', 'c.id', 'r.custodian_id')
    .selectAll('d')
    .select((eb) => [
      'r.public_id as request_public_id',
      'b.public_id as borehole_public_id',
      'u.display_name as requester',
      'o.code as organisation',
      'c.code as custodian',
      eb
        .selectFrom('returned_value as v')
        .select((v) => v.fn.countAll<number>().as('n'))
        .whereRef('v.dataset_id', '=', 'd.id')
        .as('values'),
    ]);
  if (filter.borehole) q = q.where('b.public_id', '=', filter.borehole);
  if (filter.request) q = q.where('r.public_id', '=', filter.request);
  const now = new Date().toISOString();
  return (await q.orderBy('d.id').execute()).map((d) => ({
    id: d.public_id,
    request_id: d.request_public_id,
    borehole_id: d.borehole_public_id,
    kind: d.kind,
    title: d.title,
    doi: d.doi,
    file_name: d.file_name,
    media_type: d.media_type,
    size_bytes: d.size_bytes,
    sha256: d.sha256,
    embargo_kind: d.embargo_kind,
    embargo_until: d.embargo_until,
    under_embargo: d.embargo_until > now,
    values: Number(d.values ?? 0),
    credit: { requester: d.requester, organisation: d.organisation, custodian: d.custodian },
    uploaded_at: d.uploaded_at,
  }));
}

/**
 * A dataset's depth-registered values and file. Under embargo only the request's parties (and the
 * custodian's curators) see them; everyone sees that the data exists and who returned it.
 */
export async function returnedDataset(deps: ReturnDeps, caller: Caller, id: string) {
  const { store } = deps;
  const d = await store.db
    .selectFrom('returned_dataset')
    .selectAll()
    .where('public_id', '=', id)
    .executeTakeFirst();
  if (!d) throw new NotFoundError('returned dataset', id);
  const r = (await requestRepository(store.db).byId(d.request_id))!;
  if (
    d.embargo_until > new Date().toISOString() &&
    caller.actor.kind !== 'system' &&
    partiesOf(caller.actor, r).length === 0
  ) {
    const message = `under embargo until ${d.embargo_until.slice(0, 10)}`;
    if (caller.actor.kind === 'anonymous') await requireAccess(store, caller, 'account.self');
    await recordAuditAlone(store, caller, {
      action: 'return.read',
      outcome: 'denied',
      subject_type: 'returned_dataset',
      subject_id: id,
      detail: { rule: 'under_embargo' },
    });
    throw new RuleRefusalError(
      [{ rule: 'under_embargo', message, message_zh: `保护期至 ${d.embargo_until.slice(0, 10)}` }],
      403,
    );
  }
  const values = await store.db
    .selectFrom('returned_value')
    .select(['sample_no', 'depth_from', 'depth_to', 'analyte', 'value', 'unit', 'method as qualifier'])
    .where('dataset_id', '=', d.id)
    .orderBy('depth_from')
    .orderBy('analyte')
    .execute();
  return { dataset: d, file: d.stored_path ? join(deps.dataDir, d.stored_path) : null, values };
}
