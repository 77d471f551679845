// Returned data on both engines: assay tables parsed onto the core's intervals and samples, files
// checked by content, all or nothing per file, embargo enforced, publications credited.
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import type { Store } from '../../../src/store/store.js';
import { createOffer } from '../../../src/services/sharing/offer.service.js';
import { createRequest } from '../../../src/services/sharing/request.service.js';
import { transitionRequest } from '../../../src/services/sharing/request-transition.service.js';
import { listReturned, returnData, returnedDataset } from '../../../src/services/sharing/return.service.js';
import type { Caller } from '../../../src/services/audit.service.js';
import { publicId } from '../../../src/domain/public-id.js';
import { ANONYMOUS } from '../../../src/domain/accounts/access.js';
import { eachEngine } from '../../support/engines.js';
import { seedBoreholes } from '../../support/factories.js';
import { callerWith } from '../../support/accounts.js';
import { refusal } from '../../support/sharing-world.js';

const csv = (text: string) => ({ name: 'assay.csv', media_type: 'text/csv', bytes: Buffer.from(text) });

eachEngine('returned data', ({ fresh }) => {
  let store: Store;
  let curator: Caller;
  let researcher: Caller;
  let stranger: Caller;
  let requestId: string;
  const dataDir = mkdtempSync(join(tmpdir(), 'cs-returns-'));
  const deps = () => ({ store, dataDir });

  beforeAll(async () => {
    store = await fresh();
    await seedBoreholes(store, 1);
    curator = await callerWith(store, 'curator@xz.test', 'curator', {
      organisation: 'XZ-ORG',
      custodian: 'XZ',
    });
    researcher = await callerWith(store, 'li@uni.test', 'researcher', { organisation: 'UNI' });
    stranger = await callerWith(store, 'wang@inst.test', 'researcher', { organisation: 'INST' });
    await createOffer(store, curator, {
      scope: 'collection',
      custodian: 'XZ',
      modes: ['public_welfare'],
      audience: 'everyone',
      fee_kind: 'none',
    });
    const cuts = [
      { depth_from: 100, depth_to: 101, fraction: 0.25 },
      { depth_from: 120, depth_to: 121, fraction: 0.25 },
    ];
    const { id } = await createRequest(store, researcher, {
      borehole: publicId('borehole', 'jiama', 'ZK0001'),
      kind: 'sampling',
      mode: 'public_welfare',
      purpose: 'research',
      samples: cuts,
      title: '蚀变矿物与元素分带',
    });
    requestId = id;
    await transitionRequest(store, researcher, id, { action: 'submit' });
    await transitionRequest(store, curator, id, { action: 'start_review' });
    await transitionRequest(store, curator, id, { action: 'accept' });
    await transitionRequest(store, researcher, id, { action: 'sign' });
    await transitionRequest(store, curator, id, { action: 'sign' });
    await transitionRequest(store, curator, id, { action: 'fulfil', samples: cuts });
  });

  it('parses an assay table onto the samples cut, and keeps it under embargo from strangers', async () => {
    const table = `样品编号,Cu_ppm,Au (g/t),Mo%,备注\n${requestId}-001,4520,0.35,<0.01,黄铜矿化\n${requestId}-002,1210,0.12,0.02,\n`;
    const returned = await returnData(deps(), researcher, {
      request: requestId,
      kind: 'assay',
      title: 'ICP-MS 分析结果',
      file: csv(table),
    });
    expect(returned).toMatchObject({
      kind: 'assay',
      values: 6,
      under_embargo: true,
      embargo_kind: 'raw',
      credit: { organisation: 'UNI', custodian: 'XZ' },
    });
    expect(returned.embargo_until.slice(0, 4)).toBe(String(new Date().getUTCFullYear() + 2));
    const mine = await returnedDataset(deps(), researcher, returned.id);
    expect(mine.values.filter((v) => v.analyte === 'Cu')).toEqual([
      {
        sample_no: `${requestId}-001`,
        depth_from: 100,
        depth_to: 101,
        analyte: 'Cu',
        value: 4520,
        unit: 'ppm',
        qualifier: null,
      },
      {
        sample_no: `${requestId}-002`,
        depth_from: 120,
        depth_to: 121,
        analyte: 'Cu',
        value: 1210,
        unit: 'ppm',
        qualifier: null,
      },
    ]);
    expect(mine.values.find((v) => v.analyte === 'Mo' && v.qualifier)).toMatchObject({
      value: null,
      qualifier: '<0.01',
      unit: '%',
    });
    expect((await returnedDataset(deps(), curator, returned.id)).values).toHaveLength(6);
    const hidden = await refusal(returnedDataset(deps(), stranger, returned.id));
    expect(hidden.status).toBe(403);
    expect(hidden.problems[0]).toMatchObject({
      rule: 'under_embargo',
      message_zh: expect.stringContaining('保护期至'),
    });
    expect((await refusal(returnedDataset(deps(), { actor: ANONYMOUS, ip: null }, returned.id))).status).toBe(
      401,
    );
    const listed = await listReturned(store, stranger, { borehole: publicId('borehole', 'jiama', 'ZK0001') });
    expect(listed.map((d) => d.title)).toEqual(['ICP-MS 分析结果']);
  });

  it('parses a reflectance spectra table band by band onto the samples', async () => {
    const table = `sample_no,2200,2205 nm,R2210\n${requestId}-001,0.412,0.398,0.405\n`;
    const returned = await returnData(deps(), researcher, {
      request: requestId,
      kind: 'spectra',
      title: 'SWIR 光谱',
      file: csv(table),
    });
    expect(returned.values).toBe(3);
    const bands = (await returnedDataset(deps(), researcher, returned.id)).values.map((v) => [
      v.analyte,
      v.value,
      v.depth_from,
    ]);
    expect(bands).toEqual([
      ['R2200nm', 0.412, 100],
      ['R2205nm', 0.398, 100],
      ['R2210nm', 0.405, 100],
    ]);
  });

  it('stores nothing from a table with a bad row, and names its line and field', async () => {
    const before = await store.db
      .selectFrom('returned_value')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const stored = () =>
      readdirSync(join(dataDir, 'returns'), { recursive: true }).filter((f) => String(f).includes('.'));
    const files = stored().length;
    const bad = await refusal(
      returnData(deps(), researcher, {
        request: requestId,
        kind: 'assay',
        title: 'bad',
        file: csv(`样品编号,自,至,Cu_ppm\n${requestId}-001,,,12\nX-9,,,7\n,480,490,abc\n`),
      }),
    );
    expect(bad.status).toBe(400);
    expect(bad.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'assay.csv', line: 3, field: 'sample_no' }),
        expect.objectContaining({
          file: 'assay.csv',
          line: 4,
          field: 'Cu_ppm',
          message: 'not a number: "abc"',
        }),
      ]),
    );
    const after = await store.db
      .selectFrom('returned_value')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    expect(stored().length).toBe(files);
  });

  it('refuses a file whose content is not its declared type, and strangers', async () => {
    const fake = await refusal(
      returnData(deps(), researcher, {
        request: requestId,
        kind: 'images',
        title: 'tray photo',
        file: { name: 'x.png', media_type: 'image/png', bytes: Buffer.from('MZ not a png') },
      }),
    );
    expect(fake.status).toBe(415);
    const exe = await refusal(
      returnData(deps(), researcher, {
        request: requestId,
        kind: 'report',
        title: 'r',
        file: { name: 'x.exe', media_type: 'application/x-msdownload', bytes: Buffer.from('MZ') },
      }),
    );
    expect(exe.status).toBe(415);
    const notMine = await refusal(
      returnData(deps(), stranger, {
        request: requestId,
        kind: 'publication',
        title: 'x',
        doi: '10.1000/xyz',
      }),
    );
    expect(notMine.status).toBe(403);
  });

  it('credits a returned publication and shows it at once', async () => {
    const paper = await returnData(deps(), researcher, {
      request: requestId,
      kind: 'publication',
      title: '甲玛矿床蚀变分带',
      doi: '10.1016/j.oregeorev.2025.106001',
    });
    expect(paper.under_embargo).toBe(false);
    const credits = await store.db
      .selectFrom('credit_event')
      .select('kind')
      .where('kind', '=', 'citation')
      .execute();
    expect(credits).toHaveLength(1);
    const badDoi = await refusal(
      returnData(deps(), researcher, {
        request: requestId,
        kind: 'publication',
        title: 'x',
        doi: 'not-a-doi',
      }),
    );
    expect(badDoi.problems[0]!.field).toBe('doi');
  });
});
