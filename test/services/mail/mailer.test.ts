import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer, MailError } from '../../../src/services/mail/mailer.js';
import { digestMail, passwordResetMail, verificationMail } from '../../../src/services/mail/templates.js';
import { startSmtp, type TestSmtp } from '../../support/smtp.js';

const from = 'CoreShare <no-reply@coreshare.test>';
const link = 'https://coreshare.test/verify?token=abc&lang=zh';

function recordingLogger(): {
  info(obj: object, msg: string): void;
  lines: Array<{ obj: object; msg: string }>;
} {
  const lines: Array<{ obj: object; msg: string }> = [];
  return { lines, info: (obj, msg) => lines.push({ obj, msg }) };
}

describe('mailer over SMTP', () => {
  let smtp: TestSmtp;
  beforeAll(async () => {
    smtp = await startSmtp({ rejectRecipient: (address) => address.startsWith('nobody@') });
  });
  afterAll(async () => {
    await smtp.close();
  });

  it('delivers a bilingual verification mail with its link', async () => {
    const mailer = createMailer({ smtpUrl: smtp.url, mailFrom: from }, recordingLogger());
    await mailer.send(
      verificationMail({ to: 'wang@example.cn', displayName: '王小明', link, expiresHours: 24 }),
    );
    const mail = await smtp.waitFor((m) => m.to.includes('wang@example.cn'));
    expect(mail.from).toBe('no-reply@coreshare.test');
    expect(mail.to).toEqual(['wang@example.cn']);
    expect(mail.subject).toBe('CoreShare 邮箱验证 / Verify your email');
    expect(mail.text).toContain('王小明，您好');
    expect(mail.text).toContain('24 小时内有效');
    expect(mail.text).toContain('Hello 王小明,');
    expect(mail.text).toContain('valid for 24 hours');
    expect(mail.text.indexOf('您好')).toBeLessThan(mail.text.indexOf('Hello'));
    expect(mail.text).toContain(link);
    expect(mail.html).toContain(`href="${link.replace('&', '&#38;')}"`);
  });

  it('escapes the display name in the HTML part', async () => {
    const mailer = createMailer({ smtpUrl: smtp.url, mailFrom: from }, recordingLogger());
    const displayName = '<script>alert("x")</script>';
    await mailer.send(passwordResetMail({ to: 'mallory@example.org', displayName, link, expiresHours: 1 }));
    const mail = await smtp.waitFor((m) => m.to.includes('mallory@example.org'));
    expect(mail.subject).toBe('CoreShare 重置密码 / Reset your password');
    expect(mail.html).toBeDefined();
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;');
    expect(mail.text).toContain(displayName);
  });

  it('sends one digest listing several events', async () => {
    const mailer = createMailer({ smtpUrl: smtp.url, mailFrom: from }, recordingLogger());
    await mailer.send(
      digestMail({
        to: 'li@example.cn',
        displayName: '李工',
        items: [
          {
            title_zh: '您的岩芯观察申请已批准',
            title_en: 'Your core viewing request was approved',
            link: 'https://coreshare.test/requests/1',
            at: new Date('2025-03-01T08:30:00Z'),
          },
          {
            title_zh: '钻孔 ZK01 有新的数据',
            title_en: 'Borehole ZK01 has new data',
            link: 'https://coreshare.test/boreholes/zk01',
            at: '2025-03-02T00:00:00Z',
          },
        ],
      }),
    );
    const mail = await smtp.waitFor((m) => m.to.includes('li@example.cn'));
    expect(mail.subject).toBe('CoreShare 通知摘要 / Notification digest (2)');
    for (const part of ['您的岩芯观察申请已批准', 'Borehole ZK01 has new data', '2025-03-01 08:30 UTC'])
      expect(mail.text).toContain(part);
    expect(mail.html).toContain('href="https://coreshare.test/boreholes/zk01"');
  });

  it('throws MailError naming the recipient the server refuses, never the password', async () => {
    const mailer = createMailer({ smtpUrl: smtp.url, mailFrom: from }, recordingLogger());
    const error = await mailer.send({ to: 'nobody@example.org', subject: 'x', text: 'x' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(MailError);
    const mailError = error as MailError;
    expect(mailError.code).toBe('mail_failed');
    expect(mailError.status).toBe(502);
    expect(mailError.message).toContain('nobody@example.org');
    expect(mailError.message).toContain('550');
    expect(mailError.message).not.toContain('secret');
    expect(mailError.problems[0]?.message_zh).toContain('nobody@example.org');
  });

  it('throws MailError when no server listens', async () => {
    const closed = await startSmtp();
    await closed.close();
    const mailer = createMailer({ smtpUrl: closed.url, mailFrom: from }, recordingLogger());
    await expect(mailer.send({ to: 'a@example.org', subject: 'x', text: 'x' })).rejects.toThrow(
      /a@example\.org/,
    );
  });
});

describe('mailer without SMTP', () => {
  it('writes the mail to the log', async () => {
    const logger = recordingLogger();
    const mailer = createMailer({ smtpUrl: undefined, mailFrom: from }, logger);
    const message = verificationMail({ to: 'new@example.cn', displayName: 'New', link, expiresHours: 24 });
    await mailer.send(message);
    expect(logger.lines).toHaveLength(1);
    expect(logger.lines[0]?.obj).toEqual({
      mail: { to: 'new@example.cn', subject: message.subject, text: message.text },
    });
    expect(logger.lines[0]?.msg).toContain('CORESHARE_SMTP_URL');
  });
});
