import { describe, expect, it } from 'vitest';
import { checkSmtpUrl, describeMailSettings, resolveMailSettings } from './settings.ts';

describe('mail settings', () => {
  it('send over SMTP when SMTP_URL is set, to the dev outbox in development, nowhere in production', () => {
    const input = { mailFrom: undefined, siteUrl: 'https://rtw.example.my/' };
    expect(resolveMailSettings({ ...input, smtpUrl: 'smtp://u:p@mail:587', development: false })).toEqual({
      mode: 'smtp',
      smtpUrl: 'smtp://u:p@mail:587',
      from: 'RTW Academy <no-reply@rtw.example.my>',
      siteUrl: 'https://rtw.example.my',
    });
    expect(resolveMailSettings({ ...input, smtpUrl: ' ', development: true }).mode).toBe('dev-outbox');
    expect(resolveMailSettings({ ...input, smtpUrl: undefined, development: false }).mode).toBe('off');
  });

  it('say how mail is set up without showing the credentials', () => {
    const line = describeMailSettings(
      resolveMailSettings({
        smtpUrl: 'smtps://user:secret@mail.example.my:465',
        mailFrom: 'A <a@b.my>',
        siteUrl: undefined,
        development: false,
      }),
    );
    expect(line).toBe('Email: sending through smtps://mail.example.my:465 as A <a@b.my>.');
    expect(line).not.toContain('secret');
    expect(
      describeMailSettings(
        resolveMailSettings({
          smtpUrl: undefined,
          mailFrom: undefined,
          siteUrl: undefined,
          development: false,
        }),
      ),
    ).toMatch(/^Email is OFF/);
  });

  it('recognise an SMTP URL nodemailer can use', () => {
    expect(checkSmtpUrl('smtp://mail:25')).toBeNull();
    expect(checkSmtpUrl('https://mail')).toBe('scheme');
    expect(checkSmtpUrl('mail.example.my')).toBe('unparsable');
  });
});
