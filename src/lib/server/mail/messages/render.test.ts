import { describe, expect, it } from 'vitest';
import { allMailKinds, mailKinds, type MailKind, type MailParams, type WorkshopFacts } from './kinds.ts';
import { renderMail } from './render.ts';

const site = 'https://rtw.example.my';
const at = Date.UTC(2026, 10, 26, 6, 0);
const workshop: WorkshopFacts = {
  fullName: 'Tan Wei Ming',
  sessionTitle: 'Case conference practice',
  courseId: 'rtw-coordinator',
  courseTitle: 'RTW Coordinator',
  startsAt: at,
  endsAt: at + 3 * 3_600_000,
  mode: 'in-person',
  venue: 'PERKESO Rehabilitation Centre, Melaka',
};
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
  'assignment-decided': {
    fullName: 'Jugah anak Nyandang',
    courseId: 'rtw-coordinator',
    moduleId: 'capstone-case',
    courseTitle: 'RTW Coordinator',
    assignmentTitle: 'The capstone case: <a graded RTW plan>',
    decision: 'return',
    score: 9,
    maxScore: 18,
    submissionsLeft: 1,
  },
  'workshop-booking': {
    ...workshop,
    change: 'cancelled',
    reason: 'Trainer unwell',
  },
  'workshop-reminder': workshop,
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

  it("says what a decision means and when and where a session is, in the reader's language", () => {
    const returned = render('assignment-decided', 'en');
    expect(returned.subject).toBe('Your assignment needs more work: The capstone case: <a graded RTW plan>');
    expect(returned.text).toContain('Score: 9 out of 18.');
    expect(returned.text).toContain('You can submit it 1 more time.');
    expect(returned.text).toContain(`${site}/courses/rtw-coordinator/capstone-case/assignment`);
    expect(returned.html).toContain('&lt;a graded RTW plan&gt;');
    expect(render('assignment-decided', 'ms').subject).toBe(
      'Tugasan anda perlu diperbaiki: The capstone case: <a graded RTW plan>',
    );
    const cancelled = render('workshop-booking', 'en');
    expect(cancelled.subject).toBe('Session cancelled: Case conference practice');
    expect(cancelled.text).toContain('Reason given: Trainer unwell');
    expect(cancelled.text).toContain('Where: PERKESO Rehabilitation Centre, Melaka');
    // 26 Nov 2026 06:00 UTC is 2 pm in Malaysia.
    expect(cancelled.text).toMatch(/When \(Malaysia time\): 26 Nov 2026, 2:00\spm to 5:00\spm/u);
    expect(cancelled.text).toContain(`${site}/sessions?course=rtw-coordinator`);
    expect(render('workshop-reminder', 'ms').text).toContain('Bila (waktu Malaysia):');
    expect(render('workshop-reminder', 'en').text).toContain(`${site}/unsubscribe/token`);
    expect(cancelled.text).not.toContain('/unsubscribe/');
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
