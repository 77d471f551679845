// Agreements on both engines: drafted when a request reaches the agreement step, signed by each
// party against its SHA-256, refused and reported when its text is changed behind the application,
// and printed as a PDF that carries the hash.
import { existsSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Store } from '../../../src/store/store.js';
import { createOffer } from '../../../src/services/sharing/offer.service.js';
import { createRequest } from '../../../src/services/sharing/request.service.js';
import {
  transitionRequest,
  type TransitionRequest,
} from '../../../src/services/sharing/request-transition.service.js';
import { getAgreement } from '../../../src/services/sharing/agreement.service.js';
import { agreementPdf, renderAgreementPdf } from '../../../src/services/sharing/agreement-pdf.js';
import { verifyAuditChain, type Caller } from '../../../src/services/audit.service.js';
import { DEFAULT_CJK_FONT } from '../../../src/config.js';
import { eachEngine } from '../../support/engines.js';
import { refusal, sharingWorld } from '../../support/sharing-world.js';
import { requirement } from '../../support/requirements.js';

const hasFont = existsSync(DEFAULT_CJK_FONT);
if (!hasFont) requirement('fonts-noto-cjk', 'agreement PDFs', 'apt-get install fonts-noto-cjk');

eachEngine('agreements', ({ fresh }) => {
  let store: Store;
  let curator: Caller;
  let owner: Caller;
  let researcher: Caller;
  let stranger: Caller;
  let admin: Caller;
  let hole: (id: string) => string;
  const step = (who: Caller, id: string, s: TransitionRequest) => transitionRequest(store, who, id, s);

  beforeAll(async () => {
    store = await fresh();
    const world = await sharingWorld(store);
    curator = world.curator;
    owner = world.owner;
    researcher = world.researcher;
    stranger = world.stranger;
    admin = world.admin;
    hole = world.hole;
    await createOffer(store, curator, {
      scope: 'collection',
      custodian: 'XZ',
      modes: ['public_welfare', 'public_loan', 'cooperative'],
      audience: 'researchers',
      fee_kind: 'cost_price',
      fee_amount: 50,
    });
    await createOffer(store, curator, {
      scope: 'collection',
      custodian: 'XZ',
      modes: ['permit'],
      audience: 'researchers',
      fee_kind: 'cost_price',
    });
    await createOffer(store, owner, {
      scope: 'borehole',
      borehole: hole('QY-1'),
      modes: ['lease'],
      audience: 'everyone',
      fee_kind: 'rent',
      fee_amount: 800,
      conditions_zh: '租期内不得切样',
      conditions_en: 'no cutting during the lease',
    });
  });

  /** A request walked by its parties to the agreement step. */
  async function toAgreement(borehole: string, over: Record<string, unknown> = {}): Promise<string> {
    const { id } = await createRequest(store, researcher, {
      borehole,
      kind: 'sampling',
      mode: 'public_welfare',
      purpose: 'research',
      samples: [{ depth_from: 100, depth_to: 100.2, fraction: 0.25 }],
      title: '甲玛斑岩铜矿蚀变分带研究',
      ...over,
    });
    await step(researcher, id, { action: 'submit' });
    await step(curator, id, { action: 'start_review' });
    await step(curator, id, { action: 'accept' });
    return id;
  }

  it('drafts the agreement when the request reaches the agreement step, for its parties only', async () => {
    const { id: draft } = await createRequest(store, researcher, {
      borehole: hole('ZK0003'),
      kind: 'cooperation',
      mode: 'cooperative',
      purpose: 'research',
      title: '尚未受理',
    });
    await expect(getAgreement(store, researcher, draft)).rejects.toMatchObject({ status: 404 });

    const id = await toAgreement(hole('ZK0001'));
    const agreement = await getAgreement(store, researcher, id);
    expect(agreement).toMatchObject({
      id: expect.stringMatching(/^CSA[0-9A-Z]{12}$/),
      request_id: id,
      template: 'public_welfare',
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      intact: true,
      signatories: ['requester', 'custodian'],
      signatures: [],
      complete: false,
    });
    expect(agreement.terms).toMatchObject({
      parties: {
        requester: { organisation: { code: 'UNI' }, user: { id: researcher.actor.public_id } },
        custodian: { code: 'XZ' },
        owner: null,
      },
      items: {
        borehole: { id: hole('ZK0001'), hole_id: 'ZK0001' },
        whole_hole: true,
        samples: [{ fraction: 0.25 }],
      },
      fee: { kind: 'cost_price', amount_yuan: 50 },
      ownership: 'passes_to_user',
      data_return: { owed: true, to: 'XZ', embargo_months: { raw: 24, interpretation: 60 } },
      permit: null,
    });
    expect(agreement.body_zh).toContain('仅收取工本费：人民币 50.00 元');
    expect(agreement.body_en).toContain(hole('ZK0001'));
    // By its own id too, for the custodian; nobody else learns it exists.
    expect((await getAgreement(store, curator, agreement.id)).sha256).toBe(agreement.sha256);
    await expect(getAgreement(store, stranger, agreement.id)).rejects.toMatchObject({ status: 404 });
    await expect(getAgreement(store, stranger, id)).rejects.toMatchObject({ status: 404 });
  });

  it('binds each signature to the hash of the text signed', async () => {
    const id = await toAgreement(hole('ZK0002'), {
      samples: [{ depth_from: 150, depth_to: 150.2, fraction: 0.25 }],
    });
    const { sha256 } = await getAgreement(store, researcher, id);
    await step(researcher, id, { action: 'sign' });
    const half = await getAgreement(store, curator, id);
    expect(half.signatures).toEqual([
      {
        party: 'requester',
        signer: expect.stringContaining('li@uni.test'),
        signed_at: expect.any(String),
        signed_sha256: sha256,
        valid: true,
      },
    ]);
    expect(half.complete).toBe(false);
    await step(curator, id, { action: 'sign' });
    const signed = await getAgreement(store, curator, id);
    expect(signed.signatures.map((s) => [s.party, s.signed_sha256])).toEqual(
      expect.arrayContaining([
        ['requester', sha256],
        ['custodian', sha256],
      ]),
    );
    expect(signed.complete).toBe(true);
    expect(
      (
        await step(curator, id, {
          action: 'fulfil',
          samples: [{ depth_from: 150, depth_to: 150.2, fraction: 0.25 }],
        })
      ).state,
    ).toBe('fulfilled');
    const audit = await store.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('subject_id', '=', signed.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['agreement.draft', 'agreement.sign', 'agreement.sign']);
    expect(audit.every((a) => a.detail.includes(sha256))).toBe(true);
    expect((await verifyAuditChain(store)).ok).toBe(true);
  });

  it('refuses to sign text changed behind the application, and reports it as not intact', async () => {
    const { id } = await createRequest(store, researcher, {
      borehole: hole('QY-1'),
      kind: 'lease',
      mode: 'lease',
      purpose: 'exploration',
      depth_from: 50,
      depth_to: 120,
      title: '对比研究租用岩芯',
    });
    await step(researcher, id, { action: 'submit' });
    await step(curator, id, { action: 'start_review' });
    await step(curator, id, { action: 'accept' });
    expect((await step(owner, id, { action: 'consent' })).state).toBe('agreement');
    const before = await getAgreement(store, owner, id);
    expect(before).toMatchObject({ signatories: ['requester', 'custodian', 'owner'], intact: true });
    expect(before.terms).toMatchObject({
      parties: { owner: { code: 'ZJKY' } },
      fee: { kind: 'rent', amount_yuan: 800 },
      ownership: 'stays_with_holder',
      benefit_sharing: 'rent',
      loan: { returnable: true },
      items: { whole_hole: false, depth_from: 50, depth_to: 120 },
    });
    expect(before.body_zh).toContain('租赁期限');
    expect(before.body_zh).toContain('租期内不得切样');
    await step(researcher, id, { action: 'sign' });

    await sql`UPDATE agreement SET body_zh = REPLACE(body_zh, '800.00', '8.00') WHERE public_id = ${before.id}`.execute(
      store.db,
    );
    const refused = await refusal(step(curator, id, { action: 'sign' }));
    expect(refused.status).toBe(409);
    expect(refused.problems.map((p) => p.rule)).toEqual(['agreement_altered']);
    expect(refused.problems[0]!.message_zh).toContain('不符');
    const after = await getAgreement(store, curator, id);
    expect(after).toMatchObject({ intact: false, complete: false, sha256: before.sha256 });
    expect(after.signatures).toEqual([expect.objectContaining({ party: 'requester', valid: false })]);
    const request = await store.db
      .selectFrom('sharing_request')
      .select(['state', 'signatures'])
      .where('public_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(request).toEqual({ state: 'agreement', signatures: '["requester"]' });
    const denied = await store.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'agreement.sign')
      .where('outcome', '=', 'denied')
      .execute();
    expect(denied).toHaveLength(1);
    expect(denied[0]!.detail).toContain('agreement_altered');
  });

  it('names the permit granted in the agreement when one was needed', async () => {
    const id = await toAgreement(hole('ZK0003'), {
      mode: 'permit',
      samples: [{ depth_from: 200, depth_to: 200.2, fraction: 0.25 }],
    });
    await expect(getAgreement(store, researcher, id)).rejects.toMatchObject({ status: 404 });
    expect((await step(admin, id, { action: 'grant_permit', reason: '自然资函〔2026〕12号' })).state).toBe(
      'agreement',
    );
    const agreement = await getAgreement(store, researcher, id);
    expect(agreement.terms.permit).toMatchObject({
      reasons: ['permit_mode'],
      granted_by: expect.stringContaining('admin@mnr.test'),
      reference: '自然资函〔2026〕12号',
    });
    expect(agreement.body_zh).toContain('许可文号 自然资函〔2026〕12号');
    expect(agreement.terms).toMatchObject({
      template: 'permit',
      ownership: 'per_permit',
      fee: { kind: 'cost_price' },
    });
  });

  it.runIf(hasFont)('prints the agreement as a PDF carrying its hash and signatures', async () => {
    const id = await toAgreement(hole('ZK0001'), {
      kind: 'cooperation',
      mode: 'cooperative',
      samples: undefined,
      title: '合作研究',
    });
    await step(researcher, id, { action: 'sign' });
    const agreement = await getAgreement(store, researcher, id);
    const pdf = await renderAgreementPdf(agreement, { font: DEFAULT_CJK_FONT, compress: false });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdf.toString('latin1');
    // The hash is drawn in Courier, whose text the page stream holds as hex of its characters.
    expect(text).toContain(Buffer.from(agreement.sha256, 'latin1').toString('hex'));
    expect(text).toContain(`(SHA-256 ${agreement.sha256})`);
    expect(text).toContain('/BaseFont /');
    expect(text).toMatch(/NotoSansCJKsc-Regular/);
    // Same agreement, same bytes: the dates are the agreement's own.
    await expect(renderAgreementPdf(agreement, { font: DEFAULT_CJK_FONT, compress: false })).resolves.toEqual(
      pdf,
    );
    const compressed = await agreementPdf(store, curator, id, { font: DEFAULT_CJK_FONT });
    expect(compressed.id).toBe(agreement.id);
    expect(compressed.pdf.length).toBeLessThan(pdf.length);
    await expect(agreementPdf(store, stranger, id, { font: DEFAULT_CJK_FONT })).rejects.toMatchObject({
      status: 404,
    });
  });

  it('answers 503 naming the setting and the Debian package when the font is missing', async () => {
    const id = await toAgreement(hole('ZK0002'), {
      kind: 'cooperation',
      mode: 'cooperative',
      samples: undefined,
      title: '字体缺失',
    });
    const missing = await refusal(agreementPdf(store, researcher, id, { font: '/nonexistent/cjk.ttc' }));
    expect(missing).toMatchObject({ status: 503, code: 'font_missing' });
    expect(missing.message).toContain('CORESHARE_CJK_FONT');
    expect(missing.message).toContain('fonts-noto-cjk');
    expect(missing.problems[0]!.message_zh).toContain('fonts-noto-cjk');
  });
});
