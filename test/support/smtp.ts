// A real SMTP server on 127.0.0.1 for tests: it accepts any login and keeps every message it receives.
import { EventEmitter } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';

export interface CapturedMail {
  /** The envelope's sender and recipients, as given to MAIL FROM and RCPT TO. */
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string | undefined;
}

export interface TestSmtp {
  /** smtp://user:secret@127.0.0.1:PORT */
  url: string;
  messages: CapturedMail[];
  /** The first message, received already or within timeoutMs, for which pred holds. */
  waitFor(pred: (mail: CapturedMail) => boolean, timeoutMs?: number): Promise<CapturedMail>;
  close(): Promise<void>;
}

export interface TestSmtpOptions {
  /** Recipients the server refuses at RCPT TO with 550. */
  rejectRecipient?: (address: string) => boolean;
}

export async function startSmtp(options: TestSmtpOptions = {}): Promise<TestSmtp> {
  const messages: CapturedMail[] = [];
  const received = new EventEmitter();
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    // Without STARTTLS on offer nodemailer talks plain SMTP and needs no certificate.
    disabledCommands: ['STARTTLS'],
    logger: false,
    closeTimeout: 1_000,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username ?? 'anyone' });
    },
    onRcptTo(address, _session, callback) {
      if (options.rejectRecipient?.(address.address)) {
        const error = new Error(`mailbox ${address.address} unavailable`) as Error & { responseCode: number };
        error.responseCode = 550;
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (parsed) => {
          const mail: CapturedMail = {
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : undefined,
          };
          messages.push(mail);
          received.emit('mail', mail);
          callback();
        },
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    },
  });
  await new Promise<void>((done, fail) => {
    server.server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  const { port } = server.server.address() as AddressInfo;

  return {
    url: `smtp://user:secret@127.0.0.1:${port}`,
    messages,
    waitFor(pred, timeoutMs = 5_000) {
      const already = messages.find(pred);
      if (already) return Promise.resolve(already);
      return new Promise((done, fail) => {
        const listener = (mail: CapturedMail): void => {
          if (!pred(mail)) return;
          clearTimeout(timer);
          received.off('mail', listener);
          done(mail);
        };
        const timer = setTimeout(() => {
          received.off('mail', listener);
          fail(new Error(`no matching mail within ${timeoutMs} ms (${messages.length} received)`));
        }, timeoutMs);
        received.on('mail', listener);
      });
    },
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
