// Service statistics on both engines, from requests walked through the real services so every figure
// is known: the same totals, exactly, on SQLite and PostgreSQL; who may see which breakdown; the CSV.
import { tmpdir } from 'node:os';
import { returnData } from '../../src/services/sharing/return.service.js';
import { beforeAll, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { createOffer } from '../../src/services/sharing/offer.service.js';
import { createRequest, type NewRequest } from '../../src/services/sharing/request.service.js';
import { transitionRequest } from '../../src/services/sharing/request-transition.service.js';
import { getStats, statsCsv, type StatsFigures } from '../../src/services/stats.service.js';
import type { Caller } from '../../src/services/audit.service.js';
import { ANONYMOUS } from '../../src/domain/accounts/access.js';
import { publicId } from '../../src/domain/public-id.js';
import { eachEngine } from '../support/engines.js';
import { boreholeRow, custodianRow, seedBoreholes } from '../support/factories.js';
import { callerWith } from '../support/accounts.js';

const inAMonth = () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
const inThreeYears = () => new Date(Date.now() + 3 * 365 * 86_400_000);
const thisYear = String(new Date().getUTCFullYear());

const none = { public_welfare: 0, public_loan: 0, cooperative: 0, trade: 0, lease: 0, permit: 0 };
const noKind = { viewing: 0, sampling: 0, loan: 0, data_access: 0, cooperation: 0, trade: 0, lease: 0 };

/** One fulfilled sampling (2 × 0.2 m, data back), one 60 m loan out, one refusal (Tibet, provincial);
 *  one visit and one sampling (0.5 m, data owed) at the national centre (Inner Mongolia core). */
const TOTALS: StatsFigures = {
  requests: 5,
  by_mode: { ...none, public_welfare: 3, public_loan: 1, cooperative: 1 },
  by_kind: { ...noKind, viewing: 1, sampling: 2, loan: 1, cooperation: 1 },
  visits: 1,
  core_metres: 60.9,
  samples: 3,
  fulfilled: 4,
  rejected: 1,
  data_owed: 1,
  data_returned: 1,
  returned_data_rate: 1,
  overdue_loans: 0,
  overdue_data: 0,
};

eachEngine('service statistics', ({ fresh }) => {
  let store: Store;
  let curatorXZ: Caller;
  let curatorNC: Caller;
  let researcher: Caller;
  let researcher2: Caller;
  let admin: Caller;
  let loanId: string;
  const anonymous: Caller = { actor: ANONYMOUS, ip: null };
  const hole = (id: string) => publicId('borehole', 'jiama', id);

  async function walk(who: Caller, curator: Caller, input: NewRequest, fulfil: object): Promise<string> {
    const { id } = await createRequest(store, who, input);
    await transitionRequest(store, who, id, { action: 'submit' });
    await transitionRequest(store, curator, id, { action: 'start_review' });
    await transitionRequest(store, curator, id, { action: 'accept' });
    await transitionRequest(store, who, id, { action: 'sign' });
    await transitionRequest(store, curator, id, { action: 'sign' });
    await transitionRequest(store, curator, id, { action: 'fulfil', ...fulfil });
    return id;
  }

  beforeAll(async () => {
    store = await fresh();
    await seedBoreholes(store, 3); // custodian XZ: provincial, Tibet
    await store.bulk.transaction(async (s) => {
      await s.upsert('custodian', [
        custodianRow('NC', {
          level: 'national',
          province_code: '110000',
          // A name that a spreadsheet would run as a formula.
          name_zh: '=HYPERLINK("http://x","国家馆")',
        }),
      ]);
      const nc = (await s.findCodes('custodian', ['NC'])).get('NC')!;
      await s.upsert('borehole', [boreholeRow('NC-1', { custodian_id: nc, province_code: '150000' })]);
    });
    curatorXZ = await callerWith(store, 'curator@xz.test', 'curator', {
      organisation: 'XZ-ORG',
      custodian: 'XZ',
    });
    curatorNC = await callerWith(store, 'curator@nc.test', 'curator', {
      organisation: 'NC-ORG',
      custodian: 'NC',
    });
    researcher = await callerWith(store, 'li@uni.test', 'researcher', { organisation: 'UNI' });
    researcher2 = await callerWith(store, 'wang@inst.test', 'researcher', { organisation: 'INST' });
    admin = await callerWith(store, 'admin@mnr.test', 'administrator', { organisation: 'MNR' });
    const offer = { scope: 'collection', audience: 'researchers', fee_kind: 'cost_price' } as const;
    await createOffer(store, curatorXZ, {
      ...offer,
      custodian: 'XZ',
      modes: ['public_welfare', 'public_loan', 'cooperative'],
    });
    await createOffer(store, curatorNC, { ...offer, custodian: 'NC', modes: ['public_welfare'] });

    const cuts = [
      { depth_from: 100, depth_to: 100.2, fraction: 0.25 },
      { depth_from: 110, depth_to: 110.2, fraction: 0.25 },
    ];
    const sampled = await walk(
      researcher,
      curatorXZ,
      {
        borehole: hole('ZK0001'),
        kind: 'sampling',
        mode: 'public_welfare',
        purpose: 'research',
        samples: cuts,
        title: '蚀变分带',
      },
      { samples: cuts },
    );
    await returnData({ store, dataDir: tmpdir() }, researcher, {
      request: sampled,
      kind: 'publication',
      title: '蚀变分带',
      doi: '10.1000/stats.1',
    });
    await transitionRequest(store, researcher, sampled, { action: 'return_results' });
    loanId = await walk(
      researcher,
      curatorXZ,
      {
        borehole: hole('ZK0002'),
        kind: 'loan',
        mode: 'public_loan',
        purpose: 'education',
        depth_from: 200,
        depth_to: 260,
        title: '教学展览借用',
      },
      { due_date: inAMonth() },
    );
    const refused = await createRequest(store, researcher2, {
      borehole: hole('ZK0003'),
      kind: 'cooperation',
      mode: 'cooperative',
      purpose: 'research',
      title: '合作研究',
    });
    await transitionRequest(store, researcher2, refused.id, { action: 'submit' });
    await transitionRequest(store, curatorXZ, refused.id, { action: 'reject', reason: '岩芯正在整理' });
    const nc = { borehole: hole('NC-1'), mode: 'public_welfare', purpose: 'research' } as const;
    await walk(researcher2, curatorNC, { ...nc, kind: 'viewing', title: '观察' }, {});
    const cut = [{ depth_from: 300, depth_to: 300.5, fraction: 0.25 }];
    await walk(
      researcher2,
      curatorNC,
      { ...nc, kind: 'sampling', samples: cut, title: '取样' },
      { samples: cut },
    );
    // A draft is not yet a request, nor one withdrawn before it was sent.
    await createRequest(store, researcher, { ...nc, kind: 'viewing', title: '草稿' });
    const dropped = await createRequest(store, researcher, { ...nc, kind: 'viewing', title: '未提交' });
    await transitionRequest(store, researcher, dropped.id, { action: 'withdraw', reason: '不需要了' });
  });

  it('counts every figure exactly, by year and in total', async () => {
    const report = await getStats(store, anonymous, {});
    expect(report.totals).toEqual(TOTALS);
    expect(report.rows).toEqual([
      { key: thisYear, label_zh: `${thisYear}年`, label_en: thisYear, ...TOTALS },
    ]);
  });

  it('splits by custodian level in the paper’s order, national first', async () => {
    const { rows } = await getStats(store, researcher, { group: 'level' });
    expect(rows.map((r) => [r.key, r.label_zh])).toEqual([
      ['national', '国家馆'],
      ['provincial', '省级馆'],
    ]);
    expect(rows[0]).toMatchObject({
      requests: 2,
      visits: 1,
      core_metres: 0.5,
      samples: 1,
      fulfilled: 2,
      rejected: 0,
      data_owed: 0,
      returned_data_rate: null,
    });
    expect(rows[1]).toMatchObject({
      requests: 3,
      visits: 0,
      core_metres: 60.4,
      samples: 2,
      fulfilled: 2,
      rejected: 1,
      returned_data_rate: 1,
    });
  });

  it('judges overdue loans and data at the given moment', async () => {
    const later = await getStats(store, anonymous, {}, inThreeYears());
    expect(later.totals).toMatchObject({
      overdue_loans: 1,
      overdue_data: 1,
      data_owed: 2,
      data_returned: 1,
      returned_data_rate: 0.5,
    });
  });

  it('shows one custodian’s detail to its curators and administrators only', async () => {
    const own = await getStats(store, curatorXZ, { group: 'custodian', custodian: 'XZ' });
    expect(own.rows.map((r) => [r.key, r.requests, r.core_metres])).toEqual([['XZ', 3, 60.4]]);
    const all = await getStats(store, admin, { group: 'custodian' });
    expect(all.rows.map((r) => r.key)).toEqual(['NC', 'XZ']);
    expect(all.totals).toEqual(TOTALS);
    const provinces = await getStats(store, admin, { group: 'province' });
    expect(provinces.rows.map((r) => [r.key, r.label_zh, r.requests])).toEqual([
      ['150000', '内蒙古自治区', 2],
      ['540000', '西藏自治区', 3],
    ]);
    await expect(getStats(store, researcher, { group: 'custodian' })).rejects.toMatchObject({ status: 403 });
    await expect(getStats(store, researcher, { custodian: 'XZ' })).rejects.toMatchObject({ status: 403 });
    await expect(getStats(store, researcher, { group: 'province' })).rejects.toMatchObject({ status: 403 });
    await expect(getStats(store, curatorXZ, { custodian: 'NC' })).rejects.toMatchObject({ status: 403 });
    await expect(getStats(store, curatorXZ, { group: 'custodian' })).rejects.toMatchObject({ status: 403 });
    await expect(getStats(store, anonymous, { group: 'custodian' })).rejects.toMatchObject({ status: 401 });
    await expect(getStats(store, admin, { custodian: 'NOPE' })).rejects.toMatchObject({ status: 404 });
    await expect(getStats(store, admin, { from: 2020, to: 2019 })).rejects.toMatchObject({ status: 400 });
    const denied = await store.db
      .selectFrom('audit_log')
      .select('action')
      .where('outcome', '=', 'denied')
      .where('action', '=', 'access.stats.read')
      .execute();
    expect(denied.length).toBeGreaterThanOrEqual(5);
  });

  it('writes a CSV Excel reads as UTF-8, with bilingual headers and no formulas', async () => {
    const csv = statsCsv(await getStats(store, admin, { group: 'custodian' }));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [header, ...lines] = csv.slice(1).trimEnd().split('\n');
    expect(header).toContain('requests / 申请');
    expect(header).toContain('core used (m) / 利用岩芯（米）');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain(`"'=HYPERLINK(""http://x"",""国家馆"")"`);
    expect(lines.every((l) => !/(^|,)"?[=+\-@]/.test(l))).toBe(true);
    expect(lines[2]!.startsWith('total,合计,Total,5,3,1,1,0,0,0,')).toBe(true);
    expect(lines[2]).toContain(',60.9,3,4,1,1,1,1,0,0');
  });

  it('dates requests by creation and fulfilments by the fulfil step, within the years asked', async () => {
    const loan = await store.db
      .selectFrom('sharing_request')
      .select('id')
      .where('public_id', '=', loanId)
      .executeTakeFirstOrThrow();
    await store.db
      .updateTable('sharing_request')
      .set({ created_at: '2018-12-30T08:00:00.000Z' })
      .where('id', '=', loan.id)
      .execute();
    await store.db
      .updateTable('request_event')
      .set({ at: '2019-01-05T08:00:00.000Z' })
      .where('request_id', '=', loan.id)
      .where('action', '=', 'fulfil')
      .execute();
    const byYear = await getStats(store, anonymous, { from: 2016 });
    expect(byYear.rows.map((r) => [r.key, r.requests, r.fulfilled, r.core_metres])).toEqual([
      ['2018', 1, 0, 0],
      ['2019', 0, 1, 60],
      [thisYear, 4, 3, 0.9],
    ]);
    expect(byYear.totals).toEqual(TOTALS);
    const paperYears = await getStats(store, anonymous, { group: 'level', from: 2016, to: 2019 });
    expect(paperYears.rows).toHaveLength(1);
    expect(paperYears.totals).toMatchObject({ requests: 1, fulfilled: 1, core_metres: 60, samples: 0 });
  });
});
