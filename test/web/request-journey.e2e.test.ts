// End-to-end request journey in Debian's Chromium against the real server: a researcher finds a
// publicly funded borehole open for public-welfare sharing, is refused once (commercial purpose,
// shown in both languages), then asks for two samples; the custodian's curator, in another browser
// context, finds it in the inbox, reviews and accepts it; both sign; the curator fulfils it with the
// samples actually cut; the researcher sees it fulfilled, with its timeline. Then the loop closes:
// the researcher returns an assay table on the sample numbers the page shows (a faulty one first,
// refused line by line), takes "return results"; the curator, told by the bell, sees the requester's
// credit and closes; the borehole page shows the data with its credit, its values to the researcher
// and only its embargo to a signed-out visitor.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addUser } from '../../src/services/accounts/user-admin.service.js';
import { createOffer } from '../../src/services/sharing/offer.service.js';
import { addOrganisation, CLI } from '../support/accounts.js';
import { hasChromium, snapshot, startE2eServer, type E2eServer } from './support/e2e-server.js';

const DEMO = { boreholes: 60, seed: 11 };
const PASSWORD = 'core-tray-2026';
const RESEARCHER = 'li.wei@uni.example.cn';
const CURATOR = 'zhang.min@archive.example.cn';
const TITLE = '斑岩铜矿蚀变分带与成矿流体研究';
const CONDITIONS = '取样后六个月内返还分析数据，并注明岩芯编号';
const ASSAY_TITLE = '蚀变带样品铜金分析';

describe.skipIf(!hasChromium)('request journey in Chromium', () => {
  let server: E2eServer;
  let base: string;
  let hole: { public_id: string; custodian: string };
  let requestUrl = '';

  beforeAll(async () => {
    server = await startE2eServer(DEMO);
    base = server.base;
    const { store } = server;
    // Publicly funded, undisputed, public Class I or II core: public-welfare sharing applies to it.
    const found = await store.db
      .selectFrom('borehole as b')
      .innerJoin('custodian as c', 'c.id', 'b.custodian_id')
      .select(['b.public_id', 'c.code as custodian'])
      .where('b.funding_source', 'in', ['central_fiscal', 'local_fiscal'])
      .where('b.ownership_dispute', '=', 0)
      .where('b.confidentiality', '=', 'public')
      .where('b.core_class', 'in', ['I', 'II'])
      .where('b.total_depth', '>', 150)
      .orderBy('b.public_id')
      .executeTakeFirst();
    if (!found) throw new Error('the demo dataset has no publicly funded borehole to ask for');
    hole = found;
    await addOrganisation(store, 'UNI-E2E', 'university');
    await addOrganisation(store, 'ARCHIVE-E2E', 'other');
    await addUser(store, CLI, {
      email: RESEARCHER,
      display_name: '李伟',
      password: PASSWORD,
      organisation: 'UNI-E2E',
      role: 'researcher',
    });
    await addUser(store, CLI, {
      email: CURATOR,
      display_name: '张敏',
      password: PASSWORD,
      organisation: 'ARCHIVE-E2E',
      role: 'curator',
      custodian: hole.custodian,
    });
    await createOffer(store, CLI, {
      scope: 'collection',
      custodian: hole.custodian,
      modes: ['public_welfare', 'public_loan'],
      audience: 'researchers',
      fee_kind: 'cost_price',
      conditions_zh: CONDITIONS,
      conditions_en: 'Return the analysis data within six months, citing the core ids',
    });
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  async function signIn(page: Page, email: string): Promise<void> {
    await page.fill('#sign-in-email', email);
    await page.fill('#sign-in-password', PASSWORD);
    await page.locator('[data-testid="sign-in-submit"]').click();
  }

  const state = (page: Page) => page.locator('[data-testid="request-page"] [data-testid="request-state"]');

  it('asks for two samples, is reviewed, accepted, signed and fulfilled', async () => {
    const researcher = await server.newPage();
    const r = researcher.page;
    const holePath = `/boreholes/${hole.public_id}`;

    // Signed out, the sharing panel lists the offer and offers to sign in, coming back here.
    await r.goto(`${base}${holePath}`);
    const panel = r.locator('[data-testid="sharing-panel"]');
    await panel.locator('[data-testid="sharing-offers"]').waitFor();
    expect(await panel.locator('[data-testid="sharing-offers"]').textContent()).toContain(CONDITIONS);
    expect(await panel.locator('[data-testid="ask-form"]').count()).toBe(0);
    await panel.locator('[data-testid="sharing-sign-in-link"]').click();
    await r.waitForURL(`${base}/sign-in?next=${encodeURIComponent(holePath)}`);
    await signIn(r, RESEARCHER);
    await r.waitForURL(`${base}${holePath}`);
    expect(await r.locator('[data-testid="nav-requests"]').textContent()).toBe('我的申请');
    expect(await r.locator('[data-testid="nav-inbox"]').count()).toBe(0);

    // The form: sampling under public-welfare sharing, the modes limited to what is offered.
    await panel.locator('[data-testid="ask-open"]').click();
    const form = r.locator('[data-testid="ask-form"]');
    await form.waitFor();
    expect(await r.locator('#ask-kind').inputValue()).toBe('sampling');
    expect(await r.locator('#ask-mode').inputValue()).toBe('public_welfare');
    // A public-welfare loan is on offer too, but it does not serve sampling.
    const modes = await r
      .locator('#ask-mode option')
      .evaluateAll((o) => o.map((e) => e.getAttribute('value')));
    expect(modes).toContain('public_welfare');
    expect(modes).not.toContain('public_loan');
    expect(await r.locator('#ask-mode option').first().textContent()).toBe('公益性共享');
    await r.selectOption('#ask-kind', 'loan');
    expect(await r.locator('#ask-mode').inputValue()).toBe('public_loan');
    expect(await r.locator('[data-testid="ask-samples"]').count()).toBe(0);
    await r.selectOption('#ask-kind', 'sampling');
    await r.fill('[data-testid="ask-samples-from-1"]', '100');
    await r.fill('[data-testid="ask-samples-to-1"]', '100.2');
    await r.locator('[data-testid="ask-samples-add"]').click();
    await r.fill('[data-testid="ask-samples-from-2"]', '120');
    await r.fill('[data-testid="ask-samples-to-2"]', '120.2');
    await r.fill('#ask-title', TITLE);
    await r.fill('#ask-description', '对比蚀变分带的矿物组合与流体包裹体。');

    // A commercial purpose is refused by the public-welfare rule, said in the reader's language.
    await r.selectOption('#ask-purpose', 'commercial');
    await r.locator('[data-testid="ask-submit"]').click();
    const refusals = r.locator('[data-testid="ask-refusals"]');
    await refusals.waitFor();
    expect(await refusals.locator('li').allTextContents()).toEqual([
      '公益性共享仅用于科研、教育及科普等非营利性活动',
    ]);
    await snapshot(r, 'request-1-refused');
    await r.locator('[data-testid="lang-switch"]').click();
    await expect
      .poll(() => refusals.textContent())
      .toBe('public-welfare sharing serves only non-profit research, education or popular science');
    await r.locator('[data-testid="lang-switch"]').click();

    // For research it is made and submitted at once; the request page opens.
    await r.selectOption('#ask-purpose', 'research');
    await r.locator('[data-testid="ask-submit"]').click();
    await r.waitForURL(/\/requests\/CSR[0-9A-Z]+$/);
    requestUrl = r.url();
    await expect.poll(() => state(r).textContent()).toBe('已提交');
    expect(await r.locator('[data-testid="request-samples"] tbody tr').count()).toBe(2);
    expect(await r.locator('[data-testid="request-borehole"]').getAttribute('href')).toBe(holePath);
    await snapshot(r, 'request-2-submitted');

    // The curator, in a browser of their own, finds it in the inbox.
    const curator = await server.newPage();
    const c = curator.page;
    await c.goto(`${base}/sign-in?next=%2Frequests%2Finbox`);
    await signIn(c, CURATOR);
    await c.waitForURL(`${base}/requests/inbox`);
    expect(await c.locator('[data-testid="nav-inbox"]').getAttribute('aria-current')).toBe('page');
    const row = c.locator('[data-testid="requests-table"] tbody tr', { hasText: TITLE });
    await row.waitFor();
    expect(await row.locator('[data-testid="request-state"]').textContent()).toBe('已提交');
    // The curated custodian's overdue card: nothing is overdue yet.
    const overdue = c.locator(`[data-testid="overdue-box"][data-custodian="${hole.custodian}"]`);
    await overdue.locator('[data-testid="overdue-none"]').waitFor();
    expect(await overdue.getAttribute('data-count')).toBe('0');
    await c.locator('[data-testid="state-chip-submitted"]').click();
    await c.waitForURL(`${base}/requests/inbox?state=submitted`);
    await row.waitFor();
    await snapshot(c, 'request-3-inbox');
    await row.locator('[data-testid="request-link"]').click();
    await c.waitForURL(requestUrl);

    // Review, accept, sign.
    await c.locator('[data-testid="action-start_review"]').click();
    await expect.poll(() => state(c).textContent()).toBe('馆藏机构审核中');
    await c.locator('[data-testid="action-accept"]').click();
    await expect.poll(() => state(c).textContent()).toBe('待签署协议');
    await c.locator('[data-testid="action-sign"]').click();
    await c
      .locator('[data-testid="request-signatures"] [data-party="custodian"][data-signed="true"]')
      .waitFor();
    expect(await c.locator('[data-testid="action-fulfil"]').count()).toBe(0);

    // The researcher signs too.
    await r.reload();
    await expect.poll(() => state(r).textContent()).toBe('待签署协议');
    await r.locator('[data-testid="action-sign"]').click();
    await r
      .locator('[data-testid="request-signatures"] [data-party="requester"][data-signed="true"]')
      .waitFor();
    await snapshot(r, 'request-4-signed');

    // The curator fulfils it with what was actually cut: the second sample a half core.
    await c.reload();
    await c.locator('[data-testid="action-fulfil"]').click();
    const fulfil = c.locator('[data-testid="action-form"]');
    await fulfil.waitFor();
    expect(await fulfil.locator('[data-testid="action-fulfil-samples-row"]').count()).toBe(2);
    await fulfil.locator('[data-testid="action-fulfil-samples-fraction-2"]').fill('0.5');
    await snapshot(c, 'request-5-fulfil');
    await fulfil.locator('[data-testid="action-confirm"]').click();
    await expect.poll(() => state(c).textContent()).toBe('已提供');

    // The researcher sees it fulfilled, the samples cut and every step so far.
    await r.reload();
    await expect.poll(() => state(r).textContent()).toBe('已提供');
    expect(await state(r).getAttribute('data-state')).toBe('fulfilled');
    const cut = r.locator('[data-testid="request-samples"] tbody tr');
    expect(await cut.count()).toBe(2);
    expect(await cut.nth(1).textContent()).toContain('50%');
    const timeline = r.locator('[data-testid="request-timeline"] [data-testid="timeline-entry"]');
    expect(await timeline.evaluateAll((items) => items.map((i) => i.getAttribute('data-action')))).toEqual([
      'create',
      'submit',
      'start_review',
      'accept',
      'sign',
      'sign',
      'fulfil',
    ]);
    expect(await timeline.last().textContent()).toContain('已提供');
    expect(await timeline.last().textContent()).toContain(CURATOR);
    expect(await r.locator('[data-testid="action-return_results"]').count()).toBe(1);

    // The agreement, where the server draws one up: its text, and a PDF to keep.
    const id = requestUrl.split('/').pop()!;
    const agreement = await r.request.get(`${base}/api/requests/${id}/agreement`);
    if (agreement.status() === 200) {
      const card = r.locator('[data-testid="agreement"]');
      await card.waitFor();
      expect(await card.locator('[data-testid="agreement-text"]').textContent()).toContain(hole.custodian);
      const pdf = await card.locator('[data-testid="agreement-pdf"]').getAttribute('href');
      expect(pdf).toMatch(/^\/api\/agreements\/[^/]+\/pdf$/);
    } else {
      expect(agreement.status()).toBe(404);
      expect(await r.locator('[data-testid="agreement"]').count()).toBe(0);
    }
    await snapshot(r, 'request-6-fulfilled');

    // In English, and listed among the researcher's requests.
    await r.locator('[data-testid="lang-switch"]').click();
    await expect.poll(() => state(r).textContent()).toBe('Fulfilled');
    expect(await timeline.first().textContent()).toContain('Create');
    await r.locator('[data-testid="nav-requests"]').click();
    await r.waitForURL(`${base}/requests`);
    const mine = r.locator('[data-testid="requests-table"] tbody tr', { hasText: TITLE });
    await mine.waitFor();
    expect(await mine.locator('[data-testid="request-state"]').textContent()).toBe('Fulfilled');
    await snapshot(r, 'request-7-mine-en');

    // The curator sets the custodian's own limits on the offers page; a bad one is named by field.
    await c.goto(`${base}/offers`);
    const policy = c.locator(`[data-testid="policy-${hole.custodian}"]`);
    await policy.waitFor();
    const field = (name: string) => policy.locator(`#policy-${hole.custodian}-${name}`);
    await field('sampling-max_samples_per_visit').fill('50');
    await field('embargo-raw').fill('-1');
    await policy.locator('button[type="submit"]').click();
    await policy.locator('#policy-' + hole.custodian + '-embargo-raw-error').waitFor();
    await field('embargo-raw').fill('12');
    await policy.locator('button[type="submit"]').click();
    await policy.getByRole('status').waitFor();
    const saved = await c.request.get(`${base}/api/custodians/${hole.custodian}/policy`);
    expect(await saved.json()).toMatchObject({
      configured: true,
      sampling: { max_samples_per_visit: 50 },
      embargo: { raw: 12 },
    });

    for (const opened of [researcher, curator]) {
      expect(opened.errors).toEqual([]);
      expect(opened.outside).toEqual([]);
      await opened.page.close();
    }
  }, 180_000);

  it('returns an assay table on the samples cut, is closed, and shows it on the borehole page', async () => {
    expect(requestUrl).not.toBe('');
    const id = requestUrl.split('/').pop()!;
    const holePath = `/boreholes/${hole.public_id}`;

    const researcher = await server.newPage();
    const r = researcher.page;
    await r.goto(`${base}/sign-in?next=${encodeURIComponent(`/requests/${id}`)}`);
    await signIn(r, RESEARCHER);
    await r.waitForURL(requestUrl);
    await expect.poll(() => state(r).textContent()).toBe('已提供');

    // The samples cut carry numbers (`<request id>-NNN`); the upload form names them too.
    const numbers = r.locator('[data-testid="request-samples"] [data-testid="request-sample-no"]');
    await expect.poll(() => numbers.count()).toBe(2);
    const [first, second] = (await numbers.allTextContents()) as [string, string];
    expect(first).toMatch(new RegExp(`^${id}-\\d{3}$`));
    expect(second).toMatch(new RegExp(`^${id}-\\d{3}$`));
    const panel = r.locator('[data-testid="returns-panel"]');
    await panel.locator('[data-testid="return-form"]').waitFor();
    expect(await r.locator('#return-file-hint').textContent()).toContain(`${first}、${second}`);
    expect(await r.locator('#return-embargo').inputValue()).toBe('raw');

    // "Return results" before anything came back is refused.
    await r.locator('[data-testid="action-return_results"]').click();
    const actionError = r.locator('[data-testid="action-error"] .refusal-list');
    await actionError.waitFor();
    expect(await actionError.getAttribute('data-rules')).toBe('results_missing');

    const upload = async (name: string, csv: string) => {
      await r.locator('[data-testid="return-file"]').setInputFiles({
        name,
        mimeType: 'text/csv',
        buffer: Buffer.from(csv),
      });
      await r.locator('[data-testid="return-submit"]').click();
    };
    await r.fill('#return-title', ASSAY_TITLE);

    // A faulty table is refused as a whole, each problem by line and field, in the reader's language.
    await upload('assays-draft.csv', `样品编号,Cu_ppm,Au (g/t)\n${first},abc,0.35\n${id}-999,830,1.2\n`);
    const problems = r.locator('[data-testid="return-problems"] li');
    await problems.first().waitFor();
    expect(await r.locator('[data-testid="return-error"] p').textContent()).toBe(
      'assays-draft.csv 有 2 处问题，未保存任何数据：',
    );
    expect(await problems.allTextContents()).toEqual([
      '第 2 行，Cu_ppm：不是数值："abc"',
      `第 3 行，样品编号：样品 ${id}-999 不属于申请 ${id}`,
    ]);
    await snapshot(r, 'request-8-table-refused');
    await r.locator('[data-testid="lang-switch"]').click();
    await expect
      .poll(() => problems.allTextContents())
      .toEqual([
        'Line 2, Cu_ppm: not a number: "abc"',
        `Line 3, sample number: sample ${id}-999 was not cut for request ${id}`,
      ]);
    await r.locator('[data-testid="lang-switch"]').click();
    expect(await panel.locator('[data-testid="request-returns"]').count()).toBe(0);

    // The corrected table: four values, one below detection.
    await upload('assays.csv', `样品编号,Cu_ppm,Au (g/t)\n${first},1520,0.35\n${second},<5,1.2\n`);
    const uploaded = r.locator('[data-testid="return-uploaded"]');
    await expect.poll(() => uploaded.textContent()).toBe(`已汇交“${ASSAY_TITLE}”：4 个数值。`);
    expect(await r.locator('[data-testid="return-error"]').count()).toBe(0);
    const returned = panel.locator('[data-testid="request-returns"] tbody tr');
    await returned.first().waitFor();
    expect(await returned.count()).toBe(1);
    expect(await returned.first().textContent()).toContain(ASSAY_TITLE);
    expect(await returned.first().locator('[data-testid="embargo-status"]').textContent()).toMatch(
      /^保护期至 \d{4}-\d{2}-\d{2}$/,
    );
    const fileLink = await returned.first().locator('[data-testid="returned-link"]').getAttribute('href');
    expect(fileLink).toMatch(/^\/api\/returns\/CSD[0-9A-Z]+\/file$/);
    const file = await r.request.get(`${base}${fileLink}`);
    expect(await file.text()).toContain(`${second},<5,1.2`);
    await snapshot(r, 'request-9-returned');

    await r.locator('[data-testid="action-return_results"]').click();
    await expect.poll(() => state(r).textContent()).toBe('成果已返还');

    // The curator hears of it by the bell, which leads to the request.
    const curator = await server.newPage();
    const c = curator.page;
    await c.goto(`${base}/sign-in?next=%2Frequests%2Finbox`);
    await signIn(c, CURATOR);
    await c.waitForURL(`${base}/requests/inbox`);
    const bell = c.locator('[data-testid="notifications-bell"]');
    await expect.poll(async () => Number(await bell.getAttribute('data-unread'))).toBeGreaterThan(0);
    const unread = Number(await bell.getAttribute('data-unread'));
    expect(await c.locator('[data-testid="notifications-count"]').textContent()).toBe(String(unread));
    expect(await bell.getAttribute('aria-label')).toBe(`通知：${unread} 条未读`);
    await bell.click();
    const notice = c.locator('[data-testid="notification"]', { hasText: `「${TITLE}」成果已返还` });
    await notice.waitFor();
    expect(await notice.getAttribute('data-read')).toBe('false');
    await snapshot(c, 'request-10-bell');
    await notice.locator('a').click();
    await c.waitForURL(requestUrl);
    await expect.poll(async () => Number(await bell.getAttribute('data-unread'))).toBe(unread - 1);
    expect(await c.locator('[data-testid="notifications-panel"]').count()).toBe(0);
    if (unread > 1) {
      await bell.click();
      await c.locator('[data-testid="notifications-read-all"]').click();
      await expect.poll(async () => Number(await bell.getAttribute('data-unread'))).toBe(0);
      expect(await c.locator('[data-testid="notifications-count"]').count()).toBe(0);
      await c.keyboard.press('Escape');
    }

    // Beside the actions, the requester's credit: results returned on time, +2.
    const credit = c.locator('[data-testid="credit-record"]');
    await credit.waitFor();
    expect(await credit.locator('[data-testid="credit-score"]').textContent()).toBe('+2');
    expect(await credit.locator('[data-kind="data_returned_on_time"]').getAttribute('data-count')).toBe('1');
    expect(await r.locator('[data-testid="credit-record"]').count()).toBe(0);
    await snapshot(c, 'request-11-credit');
    await c.locator('[data-testid="action-close"]').click();
    await expect.poll(() => state(c).textContent()).toBe('已关闭');

    // On the borehole page the researcher, a party, sees the data, its credit and its values.
    await r.goto(`${base}${holePath}`);
    const dataset = r.locator('[data-testid="returned-data"] [data-testid="returned-dataset"]');
    await dataset.waitFor();
    expect(await dataset.count()).toBe(1);
    expect(await dataset.locator('[data-testid="returned-title"]').textContent()).toBe(ASSAY_TITLE);
    expect(await dataset.locator('[data-testid="returned-credit"]').textContent()).toBe('李伟（UNI-E2E）');
    expect(await dataset.getAttribute('data-embargo')).toBe('true');
    const embargo = await dataset.locator('[data-testid="embargo-status"]').textContent();
    expect(embargo).toMatch(/^保护期至 \d{4}-\d{2}-\d{2}$/);
    await dataset.locator('[data-testid="returned-show-values"]').click();
    const values = dataset.locator('[data-testid="returned-values"]');
    await values.waitFor();
    expect(await values.locator('thead th').allTextContents()).toEqual([
      '样品号',
      '起（米）',
      '止（米）',
      'Au (g/t)',
      'Cu (ppm)',
    ]);
    const rows = values.locator('tbody tr');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).locator('td').allTextContents()).toEqual([
      first,
      '100 米',
      '100.2 米',
      '0.35',
      '1,520',
    ]);
    expect(await rows.nth(1).locator('td').allTextContents()).toEqual([
      second,
      '120 米',
      '120.2 米',
      '1.2',
      '<5',
    ]);
    await snapshot(r, 'request-12-borehole-values');

    // A signed-out visitor sees that the data exists and who returned it, not the values.
    const visitor = await server.newPage();
    const v = visitor.page;
    await v.goto(`${base}${holePath}`);
    const listed = v.locator('[data-testid="returned-data"] [data-testid="returned-dataset"]');
    await listed.waitFor();
    expect(await listed.locator('[data-testid="returned-credit"]').textContent()).toBe('李伟（UNI-E2E）');
    expect(await listed.locator('[data-testid="returned-embargo"]').textContent()).toBe(
      `${embargo}：期满后公开数值。`,
    );
    expect(await listed.locator('[data-testid="returned-show-values"]').count()).toBe(0);
    expect(await listed.locator('[data-testid="returned-values"]').count()).toBe(0);
    expect(await v.locator('[data-testid="notifications-bell"]').count()).toBe(0);
    const datasetId = await listed.getAttribute('data-dataset');
    expect((await v.request.get(`${base}/api/returns/${datasetId}`)).status()).toBe(401);
    await v.locator('[data-testid="lang-switch"]').click();
    await expect
      .poll(() => listed.locator('[data-testid="returned-embargo"]').textContent())
      .toMatch(/^Under embargo until \d{4}-\d{2}-\d{2}: the values are published after it\.$/);
    await snapshot(v, 'request-13-visitor-embargo');

    for (const opened of [researcher, curator, visitor]) {
      expect(opened.errors).toEqual([]);
      expect(opened.outside).toEqual([]);
      await opened.page.close();
    }
  }, 180_000);
});
