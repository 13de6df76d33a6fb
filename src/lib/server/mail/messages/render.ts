/**
 * The words of every message, in the recipient's language, with SITE_URL in every link. Pure:
 * the sender calls it with what the outbox row holds, tests call it directly.
 */
import { createTranslator, type Locale, type Translate } from '#src/i18n/index.ts';
import { assignmentHref, courseHref, sessionsHref } from '#src/lib/learning/paths.ts';
import { formatDate } from '#src/lib/time.ts';
import { letterHtml, letterText, type Block } from './layout.ts';
import { mailKinds, type MailKind, type MailParams, type WorkshopFacts } from './kinds.ts';

export interface RenderContext {
  locale: Locale;
  /** Public base URL, no trailing slash. */
  siteUrl: string;
  /** The one-time link token, for messages that carry one. */
  secret: string | null;
  /** The signed one-click unsubscribe address, for optional messages. */
  unsubscribeUrl: string | null;
}

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

interface Body {
  subject: string;
  heading: string;
  blocks: Block[];
}

export type RenderResult = { ok: true; mail: RenderedMail } | { ok: false; reason: 'missing-link-token' };

type Builders = { [K in MailKind]: (params: MailParams[K], t: Translate, link: Links) => Body };

interface Links {
  locale: Locale;
  site: (path: string) => string;
  /** The one-time link of this message. */
  oneTime: string;
}

const certificateFacts = (
  params: { serial: string; verificationCode: string; expiresAt: number | null },
  t: Translate,
  link: Links,
): Block[] => [
  { kind: 'code', label: t('email.cert.serial'), value: params.serial },
  {
    kind: 'paragraph',
    text:
      params.expiresAt === null
        ? t('email.cert.noExpiry')
        : t('email.cert.validUntil', { date: formatDate(link.locale, params.expiresAt, 'longDate') }),
  },
  { kind: 'paragraph', text: t('email.cert.verify') },
  {
    kind: 'links',
    items: [{ label: t('email.cert.verifyLink'), href: link.site(`/verify/${params.verificationCode}`) }],
  },
  { kind: 'button', label: t('email.cert.button'), href: link.site('/dashboard') },
];

/** When and where a session is, as facts under the message's first paragraph. */
const sessionFacts = (params: WorkshopFacts, t: Translate, link: Links): Block[] => [
  { kind: 'fact', label: t('email.workshop.session'), value: params.sessionTitle },
  { kind: 'fact', label: t('email.workshop.course'), value: params.courseTitle },
  {
    kind: 'fact',
    label: t('email.workshop.when'),
    value: t('email.workshop.time', {
      start: formatDate(link.locale, params.startsAt, 'dateTime'),
      end: formatDate(link.locale, params.endsAt, 'time'),
    }),
  },
  {
    kind: 'fact',
    label: t('email.workshop.where'),
    value: params.mode === 'online' ? t('email.workshop.online') : (params.venue ?? ''),
  },
];

const workshopIntro = {
  booked: 'email.workshop.booked.intro',
  waitlisted: 'email.workshop.waitlisted.intro',
  promoted: 'email.workshop.promoted.intro',
  changed: 'email.workshop.changed.intro',
  cancelled: 'email.workshop.cancelled.intro',
} as const;
const workshopSubject = {
  booked: 'email.workshop.booked.subject',
  waitlisted: 'email.workshop.waitlisted.subject',
  promoted: 'email.workshop.promoted.subject',
  changed: 'email.workshop.changed.subject',
  cancelled: 'email.workshop.cancelled.subject',
} as const;
const workshopHeading = {
  booked: 'email.workshop.booked.heading',
  waitlisted: 'email.workshop.waitlisted.heading',
  promoted: 'email.workshop.promoted.heading',
  changed: 'email.workshop.changed.heading',
  cancelled: 'email.workshop.cancelled.heading',
} as const;
const decisionText = {
  pass: {
    subject: 'email.assignment.pass.subject',
    heading: 'email.assignment.pass.heading',
    intro: 'email.assignment.pass.intro',
  },
  return: {
    subject: 'email.assignment.return.subject',
    heading: 'email.assignment.return.heading',
    intro: 'email.assignment.return.intro',
  },
  'not-passed': {
    subject: 'email.assignment.notPassed.subject',
    heading: 'email.assignment.notPassed.heading',
    intro: 'email.assignment.notPassed.intro',
  },
} as const;

const builders: Builders = {
  'password-reset': (params, t, link) => ({
    subject: t('email.reset.subject'),
    heading: t('email.reset.heading'),
    blocks: [
      { kind: 'paragraph', text: t('email.greeting', { name: params.fullName }) },
      { kind: 'paragraph', text: t('email.reset.intro', { email: params.email }) },
      { kind: 'button', label: t('email.reset.button'), href: link.oneTime },
      {
        kind: 'paragraph',
        text: t('email.reset.expiry', { time: formatDate(link.locale, params.expiresAt, 'dateTime') }),
      },
      { kind: 'paragraph', text: t('email.reset.sessions') },
      { kind: 'paragraph', text: t('email.reset.notYou') },
    ],
  }),
  'verify-email': (params, t, link) => {
    const change = params.purpose === 'change';
    return {
      subject: t(change ? 'email.verifyChange.subject' : 'email.verify.subject'),
      heading: t(change ? 'email.verifyChange.heading' : 'email.verify.heading'),
      blocks: [
        { kind: 'paragraph', text: t('email.greeting', { name: params.fullName }) },
        {
          kind: 'paragraph',
          text: t(change ? 'email.verifyChange.intro' : 'email.verify.intro', { email: params.email }),
        },
        ...(change ? [] : [{ kind: 'paragraph' as const, text: t('email.verify.why') }]),
        {
          kind: 'button',
          label: t(change ? 'email.verifyChange.button' : 'email.verify.button'),
          href: link.oneTime,
        },
        {
          kind: 'paragraph',
          text: t('email.verify.expiry', { time: formatDate(link.locale, params.expiresAt, 'dateTime') }),
        },
        { kind: 'paragraph', text: t(change ? 'email.verifyChange.notYou' : 'email.verify.notYou') },
      ],
    };
  },
  'email-changed': (params, t, link) => ({
    subject: t('email.changed.subject'),
    heading: t('email.changed.heading'),
    blocks: [
      { kind: 'paragraph', text: t('email.greeting', { name: params.fullName }) },
      {
        kind: 'paragraph',
        text: t('email.changed.intro', { oldEmail: params.oldEmail, newEmail: params.newEmail }),
      },
      { kind: 'paragraph', text: t('email.changed.notYou') },
      { kind: 'button', label: t('email.changed.button'), href: link.site('/sign-in') },
    ],
  }),
  invitation: (params, t, link) => ({
    subject: t('email.invitation.subject'),
    heading: t('email.invitation.heading'),
    blocks: [
      {
        kind: 'paragraph',
        text: params.inviterName
          ? t('email.invitation.introBy', { inviter: params.inviterName, employer: params.employerName })
          : t('email.invitation.intro', { employer: params.employerName }),
      },
      { kind: 'paragraph', text: t('email.invitation.what') },
      { kind: 'button', label: t('email.invitation.button'), href: link.oneTime },
      {
        kind: 'paragraph',
        text: t('email.invitation.expiry', { date: formatDate(link.locale, params.expiresAt, 'dateTime') }),
      },
      { kind: 'paragraph', text: t('email.invitation.notYou') },
    ],
  }),
  'certificate-issued': (params, t, link) => ({
    subject: t(params.renewal ? 'email.certIssued.renewalSubject' : 'email.certIssued.subject', {
      course: params.courseTitle,
    }),
    heading: t(params.renewal ? 'email.certIssued.renewalHeading' : 'email.certIssued.heading'),
    blocks: [
      {
        kind: 'paragraph',
        text: t(params.renewal ? 'email.certIssued.renewalIntro' : 'email.certIssued.intro', {
          name: params.holderName,
          course: params.courseTitle,
        }),
      },
      ...certificateFacts(params, t, link),
    ],
  }),
  'certificate-reissued': (params, t, link) => ({
    subject: t('email.certReissued.subject', { course: params.courseTitle }),
    heading: t('email.certReissued.heading'),
    blocks: [
      { kind: 'paragraph', text: t('email.greeting', { name: params.holderName }) },
      {
        kind: 'paragraph',
        text: t('email.certReissued.intro', { course: params.courseTitle, oldSerial: params.replacesSerial }),
      },
      ...(params.reason
        ? [{ kind: 'paragraph' as const, text: t('email.certReissued.reason', { reason: params.reason }) }]
        : []),
      ...certificateFacts(params, t, link),
    ],
  }),
  'certificate-revoked': (params, t, link) => ({
    subject: t('email.certRevoked.subject', { course: params.courseTitle }),
    heading: t('email.certRevoked.heading'),
    blocks: [
      { kind: 'paragraph', text: t('email.greeting', { name: params.holderName }) },
      {
        kind: 'paragraph',
        text: t('email.certRevoked.intro', { course: params.courseTitle, serial: params.serial }),
      },
      { kind: 'paragraph', text: t('email.certRevoked.reason', { reason: params.reason }) },
      { kind: 'paragraph', text: t('email.certRevoked.contact') },
      { kind: 'button', label: t('email.certRevoked.button'), href: link.site('/dashboard') },
    ],
  }),
  'expiry-reminder': (params, t, link) => {
    const date = formatDate(link.locale, params.expiresAt, 'longDate');
    return {
      subject: t('email.expiry.subject', { date, course: params.courseTitle }),
      heading: t('email.expiry.heading'),
      blocks: [
        { kind: 'paragraph', text: t('email.greeting', { name: params.fullName }) },
        {
          kind: 'paragraph',
          text: t('email.expiry.intro', { course: params.courseTitle, serial: params.serial, date }),
        },
        { kind: 'paragraph', text: t('email.expiry.how') },
        { kind: 'paragraph', text: t('email.expiry.reenrol') },
        { kind: 'button', label: t('email.expiry.button'), href: link.site(courseHref(params.courseId)) },
      ],
    };
  },
  'inactivity-nudge': (params, t, link) => ({
    subject: t('email.nudge.subject'),
    heading: t('email.nudge.heading'),
    blocks: [
      { kind: 'paragraph', text: t('email.greeting', { name: params.fullName }) },
      { kind: 'paragraph', text: t('email.nudge.intro') },
      {
        kind: 'links',
        items: params.courses.map((course) => ({
          label: course.title,
          href: link.site(courseHref(course.id)),
        })),
      },
      { kind: 'paragraph', text: t('email.nudge.encourage') },
      { kind: 'button', label: t('email.nudge.button'), href: link.site('/dashboard') },
    ],
  }),
  'assignment-decided': (params, t, link) => {
    const text = decisionText[params.decision];
    const names = { assignment: params.assignmentTitle, course: params.courseTitle };
    return {
      subject: t(text.subject, names),
      heading: t(text.heading),
      blocks: [
        { kind: 'paragraph', text: t('email.greeting', { name: params.fullName }) },
        { kind: 'paragraph', text: t(text.intro, names) },
        {
          kind: 'paragraph',
          text: t('email.assignment.score', { score: params.score, max: params.maxScore }),
        },
        ...(params.decision === 'return'
          ? [
              {
                kind: 'paragraph' as const,
                text: t('email.assignment.return.left', { count: params.submissionsLeft }),
              },
            ]
          : []),
        ...(params.decision === 'not-passed'
          ? [{ kind: 'paragraph' as const, text: t('email.assignment.notPassed.next') }]
          : []),
        {
          kind: 'button',
          label: t('email.assignment.button'),
          href: link.site(assignmentHref(params.courseId, params.moduleId)),
        },
      ],
    };
  },
  'workshop-booking': (params, t, link) => ({
    subject: t(workshopSubject[params.change], { session: params.sessionTitle }),
    heading: t(workshopHeading[params.change]),
    blocks: [
      { kind: 'paragraph', text: t('email.greeting', { name: params.fullName }) },
      { kind: 'paragraph', text: t(workshopIntro[params.change], { session: params.sessionTitle }) },
      ...sessionFacts(params, t, link),
      ...(params.change === 'cancelled' && params.reason
        ? [
            {
              kind: 'paragraph' as const,
              text: t('email.workshop.cancelled.reason', { reason: params.reason }),
            },
          ]
        : []),
      ...(params.change === 'cancelled' || params.change === 'waitlisted'
        ? []
        : [{ kind: 'paragraph' as const, text: t('email.workshop.calendar') }]),
      ...(params.mode === 'online' && params.change !== 'cancelled' && params.change !== 'waitlisted'
        ? [{ kind: 'paragraph' as const, text: t('email.workshop.meetingLink') }]
        : []),
      { kind: 'button', label: t('email.workshop.button'), href: link.site(sessionsHref(params.courseId)) },
    ],
  }),
  'workshop-reminder': (params, t, link) => ({
    subject: t('email.workshop.reminder.subject', {
      session: params.sessionTitle,
      time: formatDate(link.locale, params.startsAt, 'time'),
    }),
    heading: t('email.workshop.reminder.heading'),
    blocks: [
      { kind: 'paragraph', text: t('email.greeting', { name: params.fullName }) },
      { kind: 'paragraph', text: t('email.workshop.reminder.intro', { session: params.sessionTitle }) },
      ...sessionFacts(params, t, link),
      ...(params.mode === 'online'
        ? [{ kind: 'paragraph' as const, text: t('email.workshop.meetingLink') }]
        : []),
      { kind: 'paragraph', text: t('email.workshop.reminder.cancel') },
      { kind: 'button', label: t('email.workshop.button'), href: link.site(sessionsHref(params.courseId)) },
    ],
  }),
  'training-reminder': (params, t, link) => {
    const due = params.dueAt === null ? null : formatDate(link.locale, params.dueAt, 'longDate');
    const assigned = params.reason === 'assigned';
    return {
      subject: assigned
        ? t('email.training.assignedSubject', { course: params.courseTitle })
        : t('email.training.reminderSubject', { course: params.courseTitle }),
      heading: assigned ? t('email.training.assignedHeading') : t('email.training.reminderHeading'),
      blocks: [
        { kind: 'paragraph', text: t('email.greeting', { name: params.fullName }) },
        {
          kind: 'paragraph',
          text: assigned
            ? t('email.training.assignedIntro', { employer: params.employerName, course: params.courseTitle })
            : t('email.training.reminderIntro', {
                employer: params.employerName,
                course: params.courseTitle,
              }),
        },
        ...(due ? [{ kind: 'paragraph' as const, text: t('email.training.due', { date: due }) }] : []),
        { kind: 'button', label: t('email.training.button'), href: link.site(courseHref(params.courseId)) },
      ],
    };
  },
};

function footerFor(kind: MailKind, t: Translate, context: RenderContext, site: Links['site']): Block[] {
  const rule = mailKinds[kind];
  if (kind === 'invitation') return [{ kind: 'small', text: t('email.footer.invitation') }];
  if (rule.category === 'security')
    return [
      { kind: 'small', text: t('email.footer.account') },
      { kind: 'small', text: t('email.footer.security') },
    ];
  if (rule.category === 'notice')
    return [
      { kind: 'small', text: t('email.footer.account') },
      {
        kind: 'small',
        text: t(
          kind === 'assignment-decided'
            ? 'email.footer.noticeAssignment'
            : kind === 'workshop-booking'
              ? 'email.footer.noticeWorkshop'
              : 'email.footer.notice',
        ),
      },
    ];
  return [
    { kind: 'small', text: t('email.footer.account') },
    { kind: 'small', text: t('email.footer.optional') },
    {
      kind: 'links',
      items: [
        ...(context.unsubscribeUrl
          ? [{ label: t('email.footer.unsubscribe'), href: context.unsubscribeUrl }]
          : []),
        { label: t('email.footer.preferences'), href: site('/profile/email') },
      ],
    },
  ];
}

/** The subject, HTML and plain text of a message. */
export function renderMail<K extends MailKind>(
  kind: K,
  params: MailParams[K],
  context: RenderContext,
): RenderResult {
  const rule = mailKinds[kind];
  if (rule.linkPath && !context.secret) return { ok: false, reason: 'missing-link-token' };
  const t = createTranslator(context.locale);
  const site = (path: string) => `${context.siteUrl}${path}`;
  const links: Links = {
    locale: context.locale,
    site,
    oneTime: rule.linkPath && context.secret ? site(rule.linkPath(context.secret)) : site('/'),
  };
  const build = builders[kind] as (params: MailParams[K], t: Translate, link: Links) => Body;
  const body = build(params, t, links);
  const letter = {
    lang: context.locale,
    subject: body.subject,
    heading: body.heading,
    blocks: body.blocks,
    footer: footerFor(kind, t, context, site),
    linkFallback: t('email.linkFallback'),
    brand: t('email.brand'),
  };
  return { ok: true, mail: { subject: body.subject, html: letterHtml(letter), text: letterText(letter) } };
}
