import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

const load = (env: Record<string, string>) => loadConfig({}, env);

describe('mail configuration', () => {
  it('defaults to no SMTP, a local sender and the local address', () => {
    const config = load({ CORESHARE_PORT: '9090' });
    expect(config.smtpUrl).toBeUndefined();
    expect(config.mailFrom).toBe('CoreShare <no-reply@localhost>');
    expect(config.publicUrl).toBe('http://localhost:9090');
  });

  it('accepts smtp:// and smtps:// servers', () => {
    expect(load({ CORESHARE_SMTP_URL: 'smtp://u:p@mail.example.org:587' }).smtpUrl).toBe(
      'smtp://u:p@mail.example.org:587',
    );
    expect(load({ CORESHARE_SMTP_URL: 'smtps://mail.example.org' }).smtpUrl).toBe('smtps://mail.example.org');
    expect(load({ CORESHARE_SMTP_URL: ' ' }).smtpUrl).toBeUndefined();
  });

  it('rejects another scheme, naming the variable but not the password', () => {
    for (const url of ['http://u:p@mail.example.org', 'mail.example.org:25', 'smtp://'])
      expect(() => load({ CORESHARE_SMTP_URL: url })).toThrow(ConfigError);
    const error = (() => {
      try {
        load({ CORESHARE_SMTP_URL: 'imap://u:hunter2@mail.example.org' });
      } catch (e) {
        return String(e);
      }
    })();
    expect(error).toMatch(/CORESHARE_SMTP_URL.*imap:\/\/u:\*\*\*@mail\.example\.org/);
    expect(error).not.toContain('hunter2');
  });

  it('takes the sender and rejects one that could add headers', () => {
    expect(load({ CORESHARE_MAIL_FROM: '岩芯共享 <noreply@coreshare.cn>' }).mailFrom).toBe(
      '岩芯共享 <noreply@coreshare.cn>',
    );
    expect(() => load({ CORESHARE_MAIL_FROM: 'CoreShare' })).toThrow(/CORESHARE_MAIL_FROM/);
    expect(() => load({ CORESHARE_MAIL_FROM: 'a@b.cn\nBcc: x@y.cn' })).toThrow(/CORESHARE_MAIL_FROM/);
  });

  it('takes an http(s) public address without its trailing slash', () => {
    expect(load({ CORESHARE_PUBLIC_URL: 'https://coreshare.example.org/' }).publicUrl).toBe(
      'https://coreshare.example.org',
    );
    expect(load({ CORESHARE_PUBLIC_URL: 'http://10.0.0.5:8080/coreshare/' }).publicUrl).toBe(
      'http://10.0.0.5:8080/coreshare',
    );
    for (const url of ['ftp://coreshare.example.org', 'coreshare.example.org', 'https://x.org/?a=1'])
      expect(() => load({ CORESHARE_PUBLIC_URL: url })).toThrow(/CORESHARE_PUBLIC_URL/);
  });

  it('is frozen', () => {
    expect(Object.isFrozen(load({}))).toBe(true);
  });
});
