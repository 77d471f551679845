// Notifications, digests through a real SMTP server, overdue reminders and credit records, on both engines.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Store } from '../../../src/store/store.js';
import { createOffer } from '../../../src/services/sharing/offer.service.js';
import { createRequest } from '../../../src/services/sharing/request.service.js';
import { transitionRequest } from '../../../src/services/sharing/request-transition.service.js';
import {
  custodianOverdue,
  listNotifications,
  markNotificationsRead,
  remindOverdue,
  sendDigests,
} from '../../../src/services/sharing/notification.service.js';
import { creditRecord } from '../../../src/services/sharing/credit.service.js';
import { createMailer } from '../../../src/services/mail/mailer.js';
import type { Caller } from '../../../src/services/audit.service.js';
import { publicId } from '../../../src/domain/public-id.js';
import { eachEngine } from '../../support/engines.js';
import { seedBoreholes } from '../../support/factories.js';
import { callerWith } from '../../support/accounts.js';
import { startSmtp, type TestSmtp } from '../../support/smtp.js';

eachEngine('notifications, reminders and credit', ({ fresh }) => {
  let store: Store;
  let smtp: TestSmtp;
  let curator: Caller;
  let researcher: Caller;
  let stranger: Caller;
  let loanId: string;

  beforeAll(async () => {
    store = await fresh();
    smtp = await startSmtp();
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
      modes: ['public_loan'],
      audience: 'everyone',
      fee_kind: 'none',
    });
    const { id } = await createRequest(store, researcher, {
      borehole: publicId('borehole', 'jiama', 'ZK0001'),
      kind: 'loan',
      mode: 'public_loan',
      purpose: 'education',
      depth_from: 10,
      depth_to: 40,
      title: '科普展览借用',
    });
    loanId = id;
    await transitionRequest(store, researcher, id, { action: 'submit' });
  });
  afterAll(() => smtp?.close());

  it('tells the curator a request waits, and mails each person one digest', async () => {
    const inbox = await listNotifications(store, curator, { limit: 10 });
    expect(inbox.unread).toBe(1);
    expect(inbox.items[0]).toMatchObject({
      link: `/requests/${loanId}`,
      read: false,
      title_zh: expect.stringContaining('科普展览借用'),
    });
    for (const action of ['start_review', 'accept'] as const)
      await transitionRequest(store, curator, loanId, { action });
    const mailer = createMailer(
      { smtpUrl: smtp.url, mailFrom: 'CoreShare <no-reply@coreshare.test>' },
      { info: () => {} },
    );
    expect(await sendDigests(store, mailer, 'http://coreshare.test')).toBe(2);
    const mail = await smtp.waitFor((m) => m.to.includes('li@uni.test'));
    expect(mail.subject).toContain('通知摘要');
    expect(mail.text).toContain(`http://coreshare.test/requests/${loanId}`);
    expect(await sendDigests(store, mailer, 'http://coreshare.test')).toBe(0);
    expect(await markNotificationsRead(store, curator, 'all')).toBe(1);
    expect((await listNotifications(store, curator, { limit: 10 })).unread).toBe(0);
  });

  it('lists and reminds overdue loans once a week, for the custodian only', async () => {
    for (const who of [researcher, curator]) await transitionRequest(store, who, loanId, { action: 'sign' });
    const due = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await transitionRequest(store, curator, loanId, { action: 'fulfil', due_date: due });
    expect((await custodianOverdue(store, curator, 'XZ')).loans).toEqual([]);
    // A month passes: the loan and the request's due date are behind us.
    await store.db.updateTable('core_allocation').set({ due_at: '2026-01-01T00:00:00.000Z' }).execute();
    await store.db.updateTable('sharing_request').set({ due_date: '2026-01-01T00:00:00.000Z' }).execute();
    const overdue = await custodianOverdue(store, curator, 'XZ');
    expect(overdue.loans).toEqual([
      {
        request_id: loanId,
        title: '科普展览借用',
        hole_id: 'ZK0001',
        depth_from: 10,
        depth_to: 40,
        due: '2026-01-01T00:00:00.000Z',
        organisation: 'UNI',
      },
    ]);
    await expect(custodianOverdue(store, stranger, 'XZ')).rejects.toMatchObject({ status: 403 });
    expect(await remindOverdue(store)).toBe(1);
    expect(await remindOverdue(store)).toBe(0);
    const mine = await listNotifications(store, researcher, { unread: true, limit: 20 });
    expect(mine.items.some((n) => n.title_en.startsWith('Loan overdue'))).toBe(true);
  });

  it('keeps a credit record the custodian reads and strangers do not', async () => {
    await transitionRequest(store, researcher, loanId, { action: 'return_loan' });
    await transitionRequest(store, curator, loanId, { action: 'confirm_return', condition: 'damaged' });
    const record = await creditRecord(store, curator, 'UNI');
    expect(record.score).toBe(-6);
    expect(record.by_kind.loan_overdue).toEqual({ count: 1, points: -2 });
    expect(record.by_kind.loan_damaged).toEqual({ count: 1, points: -4 });
    await expect(creditRecord(store, stranger, 'UNI')).rejects.toMatchObject({ status: 403 });
    expect((await creditRecord(store, researcher, 'UNI')).score).toBe(-6);
  });
});
