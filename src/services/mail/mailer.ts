// Outgoing mail: SMTP when CORESHARE_SMTP_URL is set, else the log, so a fresh `npm start` still
// shows the verification links it would have mailed.
import { createTransport } from 'nodemailer';
import type { Config } from '../../config.js';
import { AppError } from '../errors.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface Mailer {
  /** Hands the message to the SMTP server (or the log); throws MailError when it is not accepted. */
  send(message: MailMessage): Promise<void>;
}

/** The part of a pino logger the mailer uses. */
export interface MailLogger {
  info(obj: object, msg: string): void;
}

export class MailError extends AppError {
  constructor(to: string, reason: string) {
    const message = `could not send mail to ${to}: ${reason}`;
    super('mail_failed', 502, message, [{ message, message_zh: `无法向 ${to} 发送邮件：${reason}` }]);
  }
}

/** A mailer for the configured SMTP server, or one that writes each message to the log. */
export function createMailer(config: Pick<Config, 'smtpUrl' | 'mailFrom'>, logger: MailLogger): Mailer {
  const { smtpUrl, mailFrom } = config;
  if (smtpUrl === undefined) {
    return {
      send(message) {
        logger.info(
          { mail: { to: message.to, subject: message.subject, text: message.text } },
          'mail not sent: CORESHARE_SMTP_URL is unset, so it is logged instead',
        );
        return Promise.resolve();
      },
    };
  }
  // Short timeouts: a user waits on the request that sends the mail.
  const transport = createTransport(
    { url: smtpUrl, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 },
    { from: mailFrom },
  );
  const password = passwordOf(smtpUrl);
  return {
    async send(message) {
      let rejected: string[];
      try {
        ({ rejected } = await transport.sendMail({ ...message }));
      } catch (error) {
        throw new MailError(message.to, reasonOf(error, password));
      }
      if (rejected.length > 0) throw new MailError(message.to, 'the server refused the recipient');
    },
  };
}

function passwordOf(url: string): string | undefined {
  try {
    const password = new URL(url).password;
    return password ? decodeURIComponent(password) : undefined;
  } catch {
    return undefined;
  }
}

/** The server's answer or the failure's code, with the SMTP password scrubbed should it appear. */
function reasonOf(error: unknown, password: string | undefined): string {
  const e = (error ?? {}) as { code?: unknown; response?: unknown; message?: unknown };
  const detail =
    typeof e.response === 'string' ? e.response : typeof e.message === 'string' ? e.message : String(error);
  const reason = typeof e.code === 'string' ? `${e.code} ${detail}` : detail;
  return password ? reason.split(password).join('***') : reason;
}
