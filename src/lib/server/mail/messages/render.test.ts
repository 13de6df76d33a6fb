import { describe, expect, it } from 'vitest';
import { allMailKinds, mailKinds, type MailKind, type MailParams } from './kinds.ts';
import { renderMail } from './render.ts';

const site = 'https://rtw.example.my';
const at = Date.UTC(2026, 10, 26, 6, 0);
const samples: { [K in MailKind]: MailParams[K] } = {
  'password-reset': { fullName: 'Tan Wei Ming', email: 'tan@example.my', expiresAt: at },
  'verify-email': {
    fullName: 'Tan Wei Ming',
    email: 'tan@example.my',
    purpose: 'registration',
    expiresAt: at,
  },
  'email-changed': { fullName: 'Tan Wei Ming', oldEmail: 'old@example.my', newEmail: 'new@example.my' },
  invitation: {
    employerName: 'Syarikat <b>Maju</b> Sdn Bhd',
    inviterName: 'Nurul Huda binti Ismail',
    expiresAt: at,
  },
  'certificate-issued': {
    holderName: '<script>alert(1)</script> 陈美玲',
    courseTitle: 'RTW Coordinator',
    serial: 'RTW-2026-000042',
    verificationCode: 'ABCDEFGHJKLMNPQRSTUV',
    expiresAt: at,
    renewal: false,
  },
  'certificate-reissued': {
    holderName: 'Kavitha a/p Ramasamy',
    courseTitle: 'RTW Coordinator',
    serial: 'RTW-2026-000043',
    verificationCode: 'ABCDEFGHJKLMNPQRSTUW',
    expiresAt: null,
    replacesSerial: 'RTW-2026-000042',
    reason: 'Name corrected',
  },
  'certificate-revoked': {
    holderName: 'Jugah anak Nyandang',
    courseTitle: 'RTW Coordinator',
    serial: 'RTW-2026-000044',
    reason: 'Issued in error',
  },
  'expiry-reminder': {
    fullName: 'Lim Mei Ling',
    courseId: 'rtw-coordinator',
    courseTitle: 'RTW Coordinator',
    serial: 'RTW-2026-000045',
    expiresAt: at,
  },
  'inactivity-nudge': {
    fullName: 'Lim Mei Ling',
    courses: [{ id: 'rtw-coordinator', title: 'RTW Coordinator' }],
  },
  'training-reminder': {
    fullName: 'Lim Mei Ling',
    courseId: 'rtw-coordinator',
    courseTitle: 'RTW Coordinator',
    employerName: 'Syarikat Maju Sdn Bhd',
    dueAt: at,
    reason: 'assigned',
  },
};

function render(kind: MailKind, locale: 'en' | 'ms') {
  const result = renderMail(kind, samples[kind] as never, {
    locale,
    siteUrl: site,
    secret: mailKinds[kind].linkPath ? 'abcdefghijkmnpqrstuvwxyz.abcdefghijkmnpqrstuvwxyz' : null,
    unsubscribeUrl: mailKinds[kind].topic ? `${site}/unsubscribe/token` : null,
  });
  if (!result.ok) throw new Error(`${kind} did not render`);
  return result.mail;
}

describe('message templates', () => {
  it.each(allMailKinds.flatMap((kind) => [[kind, 'en'] as const, [kind, 'ms'] as const]))(
    '%s in %s: a subject, HTML in the language and plain text, every link on SITE_URL',
    (kind, locale) => {
      const mail = render(kind, locale);
      expect(mail.subject.trim()).not.toBe('');
      expect(mail.html).toContain(`<html lang="${locale}">`);
      expect(mail.html).toContain(`<title>`);
      expect(mail.html.match(/<h1/gu)).toHaveLength(1);
      const hrefs = [...mail.html.matchAll(/href="([^"]+)"/gu)].map((match) => match[1]);
      expect(hrefs.length).toBeGreaterThan(0);
      for (const href of hrefs) expect(href?.startsWith(site)).toBe(true);
      for (const url of mail.text.match(/https?:\/\/\S+/gu) ?? []) expect(url.startsWith(site)).toBe(true);
      expect(mail.text).not.toMatch(/\{\w+\}/u);
      expect(mail.html).not.toMatch(/\{\w+\}/u);
    },
  );

  it('escapes what people typed', () => {
    const mail = render('certificate-issued', 'en');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; 陈美玲');
    expect(render('invitation', 'en').html).toContain('Syarikat &lt;b&gt;Maju&lt;/b&gt; Sdn Bhd');
  });

  it('offers one-click unsubscribe only on optional messages, and needs the token for a link', () => {
    expect(render('expiry-reminder', 'en').text).toContain(`${site}/unsubscribe/token`);
    expect(render('password-reset', 'en').text).not.toContain('/unsubscribe/');
    expect(
      renderMail('password-reset', samples['password-reset'], {
        locale: 'en',
        siteUrl: site,
        secret: null,
        unsubscribeUrl: null,
      }),
    ).toEqual({ ok: false, reason: 'missing-link-token' });
  });
});
