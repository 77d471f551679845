// End-to-end lease journey in Debian's Chromium against the real server: a mining company's owner
// offers its Class Ⅲ, enterprise-funded borehole for lease (the owner decides, not the custodian); a
// researcher asks to lease a depth range from the borehole page; the custodian's curator reviews and
// accepts; the owner, told by the bell, consents; all three sign; the curator hands the core over
// with a due date. The due date passes (moved back in the store: the journey does not wait a month),
// so the curator's inbox lists the lease as overdue; the researcher sends it back, the curator
// confirms it came back intact, sees the late return in the requester's credit record and closes
// the request: a lease owes no results, so nothing had to be uploaded. The timeline shows every step.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addUser } from '../../src/services/accounts/user-admin.service.js';
import { addOrganisation, CLI } from '../support/accounts.js';
import { boreholeRow, custodianRow } from '../support/factories.js';
import { hasChromium, snapshot, startE2eServer, type E2eServer } from './support/e2e-server.js';

const PASSWORD = 'core-tray-2026';
const OWNER = 'chen.jie@mine.example.cn';
const RESEARCHER = 'zhou.lan@uni.example.cn';
const CURATOR = 'wang.fang@store.example.cn';
const CUSTODIAN = 'LEASE-STORE';
const TITLE = '矽卡岩型铜矿岩芯租赁对比研究';
const CONDITIONS = '租期内岩芯须妥善保存，不得切割';

describe.skipIf(!hasChromium)('lease journey in Chromium', () => {
  let server: E2eServer;
  let base: string;
  let holeId: string;

  beforeAll(async () => {
    server = await startE2eServer({ boreholes: 6, seed: 3 });
    base = server.base;
    const { store } = server;
    await addOrganisation(store, 'MINE-E2E', 'mining_company');
    await addOrganisation(store, 'UNI-LEASE', 'university');
    await addOrganisation(store, 'STORE-ORG', 'other');
    const depositor = (
      await store.db
        .selectFrom('organisation')
        .select('id')
        .where('code', '=', 'MINE-E2E')
        .executeTakeFirstOrThrow()
    ).id;
    // An enterprise's own Class Ⅲ core, deposited with a custodian: its owner offers it.
    holeId = await store.bulk.transaction(async (s) => {
      await s.upsert('custodian', [
        custodianRow(CUSTODIAN, { name_zh: '矿业岩芯库', name_en: 'Mining Core Store' }),
      ]);
      const custodian = (await s.findCodes('custodian', [CUSTODIAN])).get(CUSTODIAN)!;
      const row = boreholeRow('QY-E2E', {
        custodian_id: custodian,
        depositor_id: depositor,
        core_class: 'III',
        funding_source: 'enterprise',
      });
      await s.upsert('borehole', [row]);
      return String(row.public_id);
    });
    const account = (email: string, display_name: string, organisation: string, role: string) =>
      addUser(store, CLI, {
        email,
        display_name,
        password: PASSWORD,
        organisation,
        role: role as 'owner',
        ...(role === 'curator' && { custodian: CUSTODIAN }),
      });
    await account(OWNER, '陈杰', 'MINE-E2E', 'owner');
    await account(RESEARCHER, '周岚', 'UNI-LEASE', 'researcher');
    await account(CURATOR, '王芳', 'STORE-ORG', 'curator');
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  async function signIn(page: Page, email: string, next: string): Promise<void> {
    await page.goto(`${base}/sign-in?next=${encodeURIComponent(next)}`);
    await page.fill('#sign-in-email', email);
    await page.fill('#sign-in-password', PASSWORD);
    await page.locator('[data-testid="sign-in-submit"]').click();
    await page.waitForURL(`${base}${next}`);
  }

  const state = (page: Page) => page.locator('[data-testid="request-page"] [data-testid="request-state"]');

  async function act(page: Page, action: string, expected: string): Promise<void> {
    await page.locator(`[data-testid="action-${action}"]`).click();
    await expect.poll(() => state(page).textContent()).toBe(expected);
  }

  async function sign(page: Page, party: string): Promise<void> {
    await page.locator('[data-testid="action-sign"]').click();
    await page
      .locator(`[data-testid="request-signatures"] [data-party="${party}"][data-signed="true"]`)
      .waitFor();
  }

  it('offers, leases, consents, signs, hands over, gets back and closes a lease', async () => {
    const holePath = `/boreholes/${holeId}`;

    // The owner offers its hole for lease, at an occupancy fee.
    const owner = await server.newPage();
    const o = owner.page;
    await signIn(o, OWNER, '/offers');
    await o.locator('[data-testid="offer-create"]').click();
    await o.locator('[data-testid="offer-scope-borehole"]').check();
    await o.fill('#offer-new-borehole', holeId);
    await o.locator('[data-testid="offer-mode-public_welfare"]').uncheck();
    await o.locator('[data-testid="offer-mode-lease"]').check();
    await o.selectOption('#offer-new-audience', 'researchers');
    await o.selectOption('#offer-new-fee', 'occupancy');
    await o.fill('#offer-new-amount', '200');
    await o.fill('#offer-new-conditions-zh', CONDITIONS);
    await o.locator('[data-testid="offer-save"]').click();
    await expect
      .poll(() => o.locator('[data-testid="offer-saved"]').textContent())
      .toMatch(/^共享 CSO\w+ 已保存。$/);
    await snapshot(o, 'lease-1-offered');

    // The researcher asks to lease 50–80 m of it from the borehole page.
    const researcher = await server.newPage();
    const r = researcher.page;
    await signIn(r, RESEARCHER, holePath);
    const panel = r.locator('[data-testid="sharing-panel"]');
    await panel.locator('[data-testid="sharing-offers"]').waitFor();
    expect(await panel.locator('[data-testid="sharing-offers"]').textContent()).toContain(CONDITIONS);
    await panel.locator('[data-testid="ask-open"]').click();
    await r.selectOption('#ask-kind', 'lease');
    expect(await r.locator('#ask-mode').inputValue()).toBe('lease');
    await r.fill('#ask-depth-from', '50');
    await r.fill('#ask-depth-to', '80');
    await r.fill('#ask-title', TITLE);
    await r.locator('[data-testid="ask-submit"]').click();
    await r.waitForURL(/\/requests\/CSR[0-9A-Z]+$/);
    const requestUrl = r.url();
    const requestPath = new URL(requestUrl).pathname;
    await expect.poll(() => state(r).textContent()).toBe('已提交');
    expect(await r.locator('[data-testid="request-page"]').textContent()).toContain('50 米 – 80 米');
    await snapshot(r, 'lease-2-asked');

    // The curator reviews and accepts it; it waits on the owner's consent.
    const curator = await server.newPage();
    const c = curator.page;
    await signIn(c, CURATOR, requestPath);
    await act(c, 'start_review', '馆藏机构审核中');
    await act(c, 'accept', '待所有权人同意');

    // The owner's bell says so and leads to the request, where the owner consents and signs.
    await o.reload();
    const bell = o.locator('[data-testid="notifications-bell"]');
    await expect.poll(async () => Number(await bell.getAttribute('data-unread'))).toBeGreaterThan(0);
    await bell.click();
    const notice = o.locator('[data-testid="notification"]', { hasText: `「${TITLE}」待所有权人同意` });
    await notice.waitFor();
    await snapshot(o, 'lease-3-owner-bell');
    await notice.locator('a').click();
    await o.waitForURL(requestUrl);
    await act(o, 'consent', '待签署协议');
    await sign(o, 'owner');

    // All three sign; the curator hands the core over, due back in a month.
    await r.reload();
    await sign(r, 'requester');
    await c.reload();
    await sign(c, 'custodian');
    expect(await c.locator('[data-testid="request-signatures"] [data-signed="true"]').count()).toBe(3);
    await c.locator('[data-testid="action-fulfil"]').click();
    const due = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await c.fill('#action-fulfil-due', due);
    await snapshot(c, 'lease-4-fulfil');
    await c.locator('[data-testid="action-confirm"]').click();
    await expect.poll(() => state(c).textContent()).toBe('已提供');
    expect(await c.locator('[data-testid="request-page"]').textContent()).toContain(due);

    // A month on, the lease is overdue: the curator's inbox says so.
    const id = requestPath.split('/').pop()!;
    const yesterday = new Date(Date.now() - 86_400_000);
    const request = await server.store.db
      .selectFrom('sharing_request')
      .select(['id', 'due_date'])
      .where('public_id', '=', id)
      .executeTakeFirstOrThrow();
    const past = (sample: string | null) =>
      sample && /^\d{4}-\d{2}-\d{2}$/.test(sample)
        ? yesterday.toISOString().slice(0, 10)
        : yesterday.toISOString();
    await server.store.db
      .updateTable('sharing_request')
      .set({ due_date: past(request.due_date) })
      .where('id', '=', request.id)
      .execute();
    await server.store.db
      .updateTable('core_allocation')
      .set({ due_at: yesterday.toISOString() })
      .where('request_id', '=', request.id)
      .execute();
    await c.locator('[data-testid="nav-inbox"]').click();
    await c.waitForURL(`${base}/requests/inbox`);
    const overdue = c.locator(`[data-testid="overdue-box"][data-custodian="${CUSTODIAN}"]`);
    await overdue.locator('[data-testid="overdue-loans"]').waitFor();
    expect(await overdue.locator('h2').textContent()).toBe('逾期 · 矿业岩芯库');
    const late = overdue.locator('[data-testid="overdue-loans"] tbody tr');
    expect(await late.count()).toBe(1);
    expect(await late.first().locator('td').allTextContents()).toEqual([
      TITLE,
      'QY-E2E',
      '50 米 – 80 米',
      yesterday.toISOString().slice(0, 10),
      'UNI-LEASE',
    ]);
    await snapshot(c, 'lease-5-overdue');

    // The researcher sends it back; the curator confirms it came back intact.
    await r.reload();
    await expect.poll(() => state(r).textContent()).toBe('已提供');
    await r.locator('[data-testid="action-return_loan"]').click();
    await r.locator('[data-testid="no-actions"]').waitFor();
    await late.first().locator('[data-testid="overdue-link"]').click();
    await c.waitForURL(requestUrl);
    await c.locator('[data-testid="action-confirm_return"]').click();
    await c.locator('[data-testid="action-confirm_return-condition-intact"]').check();
    await c.locator('[data-testid="action-confirm"]').click();
    await expect.poll(() => state(c).textContent()).toBe('已归还');

    // Late, so the requester's credit shows it; a lease owes no results, so the curator may close.
    const credit = c.locator('[data-testid="credit-record"]');
    await expect.poll(() => credit.locator('[data-testid="credit-score"]').textContent()).toBe('−2');
    expect(await credit.locator('[data-kind="loan_overdue"]').getAttribute('data-count')).toBe('1');
    expect(await c.locator('[data-testid="action-return_results"]').count()).toBe(0);
    await snapshot(c, 'lease-6-returned');

    // The researcher may still return results, but is told none are owed.
    await r.reload();
    await expect.poll(() => state(r).textContent()).toBe('已归还');
    const returns = r.locator('[data-testid="returns-panel"]');
    expect(await returns.locator('.lead').textContent()).toContain('本申请无须返还成果');
    expect(await r.locator('#return-file-hint').textContent()).toContain('起止深度两列');
    expect(await returns.locator('[data-testid="request-returns"]').count()).toBe(0);

    await act(c, 'close', '已关闭');

    // The researcher sees it closed: nothing was owed, and every step is on record.
    await r.reload();
    await expect.poll(() => state(r).textContent()).toBe('已关闭');
    expect(await r.locator('[data-testid="no-actions"]').count()).toBe(1);
    expect(await r.locator('[data-testid="credit-record"]').count()).toBe(0);
    const timeline = r.locator('[data-testid="request-timeline"] [data-testid="timeline-entry"]');
    expect(await timeline.evaluateAll((items) => items.map((i) => i.getAttribute('data-action')))).toEqual([
      'create',
      'submit',
      'start_review',
      'accept',
      'consent',
      'sign',
      'sign',
      'sign',
      'fulfil',
      'return_loan',
      'confirm_return',
      'close',
    ]);
    expect(await timeline.nth(4).textContent()).toContain(OWNER);
    expect(await timeline.last().textContent()).toContain('已关闭');
    await snapshot(r, 'lease-7-closed');
    await r.locator('[data-testid="lang-switch"]').click();
    await expect.poll(() => state(r).textContent()).toBe('Closed');
    expect(await timeline.nth(9).textContent()).toContain('Return the loan');

    // What came of the lease comes back too: the researcher returns the paper by its DOI, and the
    // borehole page shows it at once (a publication has no embargo), crediting who returned it.
    await r.locator('[data-testid="lang-switch"]').click();
    await r.selectOption('#return-kind', 'publication');
    await r.fill('#return-title', '岩芯对比研究论文');
    await r.fill('#return-doi', '10.1016/j.oregeorev.2026.106123');
    await r.locator('[data-testid="return-submit"]').click();
    await r.locator('[data-testid="return-uploaded"]').filter({ hasText: '岩芯对比研究论文' }).waitFor();
    await r.goto(`${base}${holePath}`);
    const returned = r.locator('[data-testid="returned-dataset"]').filter({ hasText: '岩芯对比研究论文' });
    await returned.waitFor();
    expect(await returned.locator('[data-testid="returned-doi"]').getAttribute('href')).toBe(
      'https://doi.org/10.1016/j.oregeorev.2026.106123',
    );
    expect(await returned.locator('[data-testid="returned-credit"]').textContent()).toBeTruthy();
    await snapshot(r, 'lease-8-returned-paper');

    // The overdue card is empty again: the core is back.
    await c.locator('[data-testid="nav-inbox"]').click();
    await overdue.locator('[data-testid="overdue-none"]').waitFor();

    for (const opened of [owner, researcher, curator]) {
      expect(opened.errors).toEqual([]);
      expect(opened.outside).toEqual([]);
      await opened.page.close();
    }
  }, 180_000);
});
