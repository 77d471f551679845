// The mails CoreShare sends: Simplified Chinese first, then English, in one message; plain text
// plus a simple HTML part in which every value is escaped.
import type { MailMessage } from './mailer.js';

export interface LinkMailProps {
  to: string;
  displayName: string;
  /** The absolute link that carries the token. */
  link: string;
  expiresHours: number;
}

export interface DigestItem {
  title_zh: string;
  title_en: string;
  link: string;
  at: Date | string;
}

export interface DigestMailProps {
  to: string;
  displayName: string;
  items: DigestItem[];
}

export type RenderedMail = Required<MailMessage>;

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The mail with the link that proves the address belongs to the new user. */
export function verificationMail(props: LinkMailProps): RenderedMail {
  const { displayName, link, expiresHours } = props;
  return render(props.to, 'CoreShare 邮箱验证 / Verify your email', {
    zh: {
      greeting: `${displayName}，您好：`,
      lines: [`请打开下面的链接验证您在 CoreShare 的邮箱地址。链接 ${expiresHours} 小时内有效。`],
      link,
      footer: '如果您没有注册 CoreShare，请忽略此邮件。',
    },
    en: {
      greeting: `Hello ${displayName},`,
      lines: [
        `Please open the link below to verify your email address for CoreShare. It is valid for ${hours(expiresHours)}.`,
      ],
      link,
      footer: 'If you did not sign up for CoreShare, you can ignore this mail.',
    },
  });
}

/** The mail with the link that lets the user choose a new password. */
export function passwordResetMail(props: LinkMailProps): RenderedMail {
  const { displayName, link, expiresHours } = props;
  return render(props.to, 'CoreShare 重置密码 / Reset your password', {
    zh: {
      greeting: `${displayName}，您好：`,
      lines: [`请打开下面的链接设置新的 CoreShare 密码。链接 ${expiresHours} 小时内有效，且只能使用一次。`],
      link,
      footer: '如果您没有申请重置密码，请忽略此邮件，您的密码不会改变。',
    },
    en: {
      greeting: `Hello ${displayName},`,
      lines: [
        `Please open the link below to choose a new CoreShare password. It is valid for ${hours(expiresHours)} and can be used once.`,
      ],
      link,
      footer: 'If you did not ask to reset your password, ignore this mail; your password stays the same.',
    },
  });
}

/** One mail listing several notifications, in the order given. */
export function digestMail(props: DigestMailProps): RenderedMail {
  const { displayName, items } = props;
  const when = items.map((item) => stamp(item.at));
  return render(props.to, `CoreShare 通知摘要 / Notification digest (${items.length})`, {
    zh: {
      greeting: `${displayName}，您好：`,
      lines: [`自上次摘要以来有 ${items.length} 条新通知：`],
      items: items.map((item, i) => ({ title: item.title_zh, link: item.link, at: when[i] ?? '' })),
      footer: '此邮件由 CoreShare 自动汇总发送，请勿直接回复；全部通知见网站的“待办”与“我的申请”。',
    },
    en: {
      greeting: `Hello ${displayName},`,
      lines: [`${items.length} new notification${items.length === 1 ? '' : 's'} since the last digest:`],
      items: items.map((item, i) => ({ title: item.title_en, link: item.link, at: when[i] ?? '' })),
      footer:
        'CoreShare sends this digest automatically; do not reply. All notifications are in the Inbox and My requests.',
    },
  });
}

interface Section {
  greeting: string;
  lines: string[];
  link?: string;
  items?: Array<{ title: string; link: string; at: string }>;
  footer: string;
}

function render(to: string, subject: string, sections: { zh: Section; en: Section }): RenderedMail {
  const text = [sectionText(sections.zh), sectionText(sections.en)].join('\n\n----------------\n\n') + '\n';
  const html = [
    '<!doctype html>',
    '<html lang="zh-CN"><head><meta charset="utf-8"></head>',
    '<body style="font-family: sans-serif; line-height: 1.5">',
    `<div lang="zh-CN">${sectionHtml(sections.zh)}</div>`,
    '<hr>',
    `<div lang="en">${sectionHtml(sections.en)}</div>`,
    '</body></html>',
    '',
  ].join('\n');
  return { to, subject, text, html };
}

function sectionText(s: Section): string {
  const parts = [s.greeting, '', ...s.lines];
  if (s.link !== undefined) parts.push('', s.link);
  for (const item of s.items ?? []) parts.push('', `- ${item.title} (${item.at})`, `  ${item.link}`);
  parts.push('', s.footer, '', '— CoreShare');
  return parts.join('\n');
}

function sectionHtml(s: Section): string {
  const a = (href: string, label: string): string => `<a href="${escapeHtml(href)}">${escapeHtml(label)}</a>`;
  const parts = [`<p>${escapeHtml(s.greeting)}</p>`, ...s.lines.map((l) => `<p>${escapeHtml(l)}</p>`)];
  if (s.link !== undefined) parts.push(`<p>${a(s.link, s.link)}</p>`);
  if (s.items !== undefined) {
    const rows = s.items.map(
      (item) => `<li>${a(item.link, item.title)} <small>${escapeHtml(item.at)}</small></li>`,
    );
    parts.push(`<ul>${rows.join('')}</ul>`);
  }
  parts.push(`<p>${escapeHtml(s.footer)}</p>`, '<p>— CoreShare</p>');
  return parts.join('\n');
}

function hours(n: number): string {
  return n === 1 ? '1 hour' : `${n} hours`;
}

/** A fixed, unambiguous time: `2025-03-01 08:30 UTC`. */
function stamp(at: Date | string): string {
  const date = at instanceof Date ? at : new Date(at);
  if (Number.isNaN(date.getTime())) return String(at);
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
