/** Email: the messages themselves (`email.*`) and the pages around them (`mail.*`). */
export default {
  'email.brand': 'RTW Academy',
  'email.greeting': 'Hello {name},',
  'email.linkFallback': 'If the button does not work, copy this address into your browser:',
  'email.footer.account': 'You get this email because you have an account at RTW Academy.',
  'email.footer.security': 'We send this email to keep your account safe, so it cannot be turned off.',
  'email.footer.notice': 'We always send notices about your certificates.',
  'email.footer.optional': 'Do not want these reminders?',
  'email.footer.unsubscribe': 'Stop these emails with one click',
  'email.footer.preferences': 'Choose which emails you get on your profile',
  'email.footer.invitation':
    'You get this email because someone entered your address to invite you to RTW Academy. We send nothing more unless you create an account.',

  'email.reset.subject': 'Reset your RTW Academy password',
  'email.reset.heading': 'Choose a new password',
  'email.reset.intro':
    'Someone asked to reset the password of your RTW Academy account ({email}). If it was you, choose a new password with this link.',
  'email.reset.button': 'Choose a new password',
  'email.reset.expiry': 'The link works once, until {time} (Malaysia time).',
  'email.reset.sessions': 'Setting a new password signs you out on every device.',
  'email.reset.notYou': 'If you did not ask for this, ignore this email. Your password stays as it is.',

  'email.verify.subject': 'Confirm your email address for RTW Academy',
  'email.verify.heading': 'Confirm your email address',
  'email.verify.intro': 'Welcome to RTW Academy. Please confirm that {email} is your email address.',
  'email.verify.why': 'We issue certificates only to confirmed email addresses.',
  'email.verify.button': 'Confirm my email address',
  'email.verify.expiry': 'The link works until {time} (Malaysia time).',
  'email.verify.notYou': 'If you did not create an account at RTW Academy, ignore this email.',
  'email.verifyChange.subject': 'Confirm your new email address for RTW Academy',
  'email.verifyChange.heading': 'Confirm your new email address',
  'email.verifyChange.intro':
    'You asked to change the email address of your RTW Academy account to {email}. Confirm it with this link.',
  'email.verifyChange.button': 'Confirm the new address',
  'email.verifyChange.notYou':
    'If you did not ask for this, ignore this email. The account keeps its current address.',

  'email.changed.subject': 'The email address of your RTW Academy account was changed',
  'email.changed.heading': 'Your email address was changed',
  'email.changed.intro':
    'The email address of your RTW Academy account was changed from {oldEmail} to {newEmail}. From now on, sign in with the new address.',
  'email.changed.button': 'Sign in to RTW Academy',
  'email.changed.notYou':
    'If you did not do this, contact your RTW Academy administrator straight away: someone else may be using your account.',

  'email.invitation.subject': 'You are invited to RTW Academy',
  'email.invitation.heading': 'You are invited to RTW Academy',
  'email.invitation.introBy': '{inviter} invited you to train at RTW Academy as staff of {employer}.',
  'email.invitation.intro': 'You are invited to train at RTW Academy as staff of {employer}.',
  'email.invitation.what':
    'RTW Academy trains Return-to-Work Coordinators: short lessons, quizzes and a certificate, in English and Bahasa Malaysia.',
  'email.invitation.button': 'Create your account',
  'email.invitation.expiry': 'The invitation works until {date}.',
  'email.invitation.notYou': 'If you do not know why you got this, you can ignore it.',

  'email.certIssued.subject': 'Your certificate is ready: {course}',
  'email.certIssued.heading': 'Your certificate is ready',
  'email.certIssued.intro': 'Congratulations, {name}. Your certificate for {course} is ready.',
  'email.certIssued.renewalSubject': 'Your certificate is renewed: {course}',
  'email.certIssued.renewalHeading': 'Your certificate is renewed',
  'email.certIssued.renewalIntro': 'Well done, {name}. Your certificate for {course} is renewed.',
  'email.cert.serial': 'Serial number:',
  'email.cert.validUntil': 'It is valid until {date}.',
  'email.cert.noExpiry': 'It does not expire.',
  'email.cert.verify':
    'Anyone can check that it is genuine at this address. Share it with your employer or an auditor:',
  'email.cert.verifyLink': 'Check this certificate',
  'email.cert.button': 'See and download your certificate',
  'email.certReissued.subject': 'Your certificate was re-issued: {course}',
  'email.certReissued.heading': 'Your certificate was re-issued',
  'email.certReissued.intro':
    'An administrator re-issued your certificate for {course}. The new certificate replaces serial number {oldSerial}, which no longer counts.',
  'email.certReissued.reason': 'Reason: {reason}',
  'email.certRevoked.subject': 'Your certificate was revoked: {course}',
  'email.certRevoked.heading': 'Your certificate was revoked',
  'email.certRevoked.intro':
    'An administrator revoked your certificate for {course} (serial number {serial}). It is no longer valid, and its verification page says so.',
  'email.certRevoked.reason': 'Reason given: {reason}',
  'email.certRevoked.button': 'See your certificates',
  'email.certRevoked.contact': 'If you think this is a mistake, contact your RTW Academy administrator.',

  'email.expiry.subject': 'Your certificate expires on {date}: {course}',
  'email.expiry.heading': 'Your certificate expires soon',
  'email.expiry.intro': 'Your certificate for {course} (serial number {serial}) expires on {date}.',
  'email.expiry.how':
    'To renew it, open the course and pass the final assessment again before then. You then get a new certificate.',
  'email.expiry.reenrol': 'If you left the course, enrol again on the course page first.',
  'email.expiry.button': 'Open the course',

  'email.nudge.subject': 'Pick up where you left off at RTW Academy',
  'email.nudge.heading': 'Your course is waiting for you',
  'email.nudge.intro':
    'You have not studied at RTW Academy for two weeks or more. We kept your place in these courses:',
  'email.nudge.encourage': 'One short lesson at a time is enough to keep going.',
  'email.nudge.button': 'Continue learning',

  'email.footer.noticeAssignment': 'We always tell you when a trainer has marked your work.',
  'email.footer.noticeWorkshop': 'We always tell you about changes to the sessions you booked.',

  'email.assignment.pass.subject': 'Your assignment passed: {assignment}',
  'email.assignment.pass.heading': 'Your assignment passed',
  'email.assignment.pass.intro':
    'A trainer has marked your assignment "{assignment}" in {course} and passed it. Well done. You can read the marks and comments for each criterion on the assignment page.',
  'email.assignment.return.subject': 'Your assignment needs more work: {assignment}',
  'email.assignment.return.heading': 'Your assignment was returned for more work',
  'email.assignment.return.intro':
    'A trainer has marked your assignment "{assignment}" in {course} and returned it to you. Read their comments, change your answers or files, and submit it again.',
  'email.assignment.return.left':
    '{count, plural, one {You can submit it # more time.} other {You can submit it # more times.}}',
  'email.assignment.notPassed.subject': 'Your assignment did not pass: {assignment}',
  'email.assignment.notPassed.heading': 'Your assignment did not pass',
  'email.assignment.notPassed.intro':
    'A trainer has marked your assignment "{assignment}" in {course}. It did not pass, and you have used all your submissions.',
  'email.assignment.notPassed.next':
    'Talk to your trainer about what to do next: a trainer can allow one more submission.',
  'email.assignment.score': 'Score: {score} out of {max}.',
  'email.assignment.button': 'Read the marks and comments',

  'email.workshop.session': 'Session:',
  'email.workshop.course': 'Course:',
  'email.workshop.when': 'When (Malaysia time):',
  'email.workshop.time': '{start} to {end}',
  'email.workshop.where': 'Where:',
  'email.workshop.online': 'Online',
  'email.workshop.calendar':
    'Add it to your calendar with the calendar file on the sessions page. If you cannot come, cancel your place there before the start so someone else can have it.',
  'email.workshop.meetingLink':
    'The link to join the online session is on the sessions page, for people with a place.',
  'email.workshop.button': 'See your sessions',
  'email.workshop.booked.subject': 'You have a place: {session}',
  'email.workshop.booked.heading': 'Your place is booked',
  'email.workshop.booked.intro': 'You have a place on the practical session "{session}".',
  'email.workshop.waitlisted.subject': 'You are on the waiting list: {session}',
  'email.workshop.waitlisted.heading': 'You are on the waiting list',
  'email.workshop.waitlisted.intro':
    'The practical session "{session}" is full, so you are on its waiting list. If a place frees up before the start, it becomes yours and we email you.',
  'email.workshop.promoted.subject': 'A place came free, and it is yours: {session}',
  'email.workshop.promoted.heading': 'You now have a place',
  'email.workshop.promoted.intro':
    'A place came free on the practical session "{session}", and you were next on the waiting list. The place is yours.',
  'email.workshop.changed.subject': 'A session you booked has changed: {session}',
  'email.workshop.changed.heading': 'Your session has changed',
  'email.workshop.changed.intro':
    'A trainer changed the details of the practical session "{session}". These are the details now:',
  'email.workshop.cancelled.subject': 'Session cancelled: {session}',
  'email.workshop.cancelled.heading': 'Your session is cancelled',
  'email.workshop.cancelled.intro':
    'The practical session "{session}" is cancelled. You do not need to do anything: book another session on the sessions page.',
  'email.workshop.cancelled.reason': 'Reason given: {reason}',
  'email.workshop.reminder.subject': 'Tomorrow at {time}: {session}',
  'email.workshop.reminder.heading': 'Your session is tomorrow',
  'email.workshop.reminder.intro': 'A reminder: you have a place on the practical session "{session}".',
  'email.workshop.reminder.cancel':
    'If you cannot come, cancel your place on the sessions page before the start so someone on the waiting list can have it.',

  'mail.certificateNeedsEmail':
    'Certificates go only to a confirmed email address. Open the link we sent to {email} before you finish, so your certificate can be issued.',
  'mail.certificateWaits':
    'Your certificate is waiting for one thing: confirm your email address. Open the link we sent to {email}, and your certificate is issued.',
  'mail.certificateNoMail':
    'This site cannot send email at the moment. Ask your RTW Academy administrator to confirm your address.',
  'mail.certificateWrongAddress': 'Wrong address, or no email? Check or change it on your profile',
  'mail.unavailable':
    'This site cannot send email at the moment (an administrator has not set it up), so it cannot send this link.',

  'mail.forgot.link': 'Forgot your password?',
  'mail.forgot.title': 'Forgot your password?',
  'mail.forgot.lead':
    'Enter the email address of your account. We will send you a link to choose a new password. The link works once, for one hour.',
  'mail.forgot.email': 'Email address',
  'mail.forgot.submit': 'Send me a link',
  'mail.forgot.unavailable':
    'This site cannot send email at the moment, so it cannot send you a link. Ask your RTW Academy administrator for a password reset link instead.',
  'mail.forgot.sentTitle': 'Check your email',
  'mail.forgot.sent':
    'If {email} belongs to an account, we have sent it a link to choose a new password. It can take a few minutes to arrive: check your spam folder too.',
  'mail.forgot.sentGeneric':
    'If the address you entered belongs to an account, we have sent it a link to choose a new password. It can take a few minutes to arrive: check your spam folder too.',
  'mail.forgot.sentNext': 'The link works once, for one hour. Nothing arrived? You can ask again.',
  'mail.forgot.again': 'Ask for another link',
  'mail.forgot.backToSignIn': 'Back to sign in',

  'mail.verify.title': 'Confirm your email address',
  'mail.verify.lead': 'Confirm that {email} is the email address of your RTW Academy account.',
  'mail.verify.changeLead': 'Confirm {email} as the new email address of your RTW Academy account.',
  'mail.verify.submit': 'Confirm',
  'mail.verify.doneTitle': 'Email address confirmed',
  'mail.verify.done': 'Thank you. {email} is confirmed.',
  'mail.verify.changed': 'Your account now uses {email}. Sign in with it from now on.',
  'mail.verify.problemTitle': 'This link does not work',
  'mail.verify.invalid':
    'This link is not right. Check that you copied the whole link from the email, or ask for a new one on your profile.',
  'mail.verify.expired': 'This link has expired. Ask for a new one on your profile.',
  'mail.verify.used':
    'This link has already been used. If your address is confirmed, there is nothing more to do.',
  'mail.verify.taken':
    'Another account now uses {email}, so it cannot become your address. Choose another address on your profile.',
  'mail.verify.toProfile': 'Go to your profile',
  'mail.verify.toDashboard': 'Go to your dashboard',

  'mail.settings.title': 'Email',
  'mail.settings.pageTitle': 'Email and reminders',
  'mail.settings.back': 'Back to your profile',
  'mail.settings.address': 'Email address',
  'mail.settings.verified': 'Confirmed',
  'mail.settings.unverified': 'Not confirmed yet',
  'mail.settings.unverifiedHelp':
    'Open the link we sent to {email} to confirm it. Certificates are issued only to confirmed addresses.',
  'mail.settings.resend': 'Send the link again',
  'mail.settings.pending':
    'You asked to change your address to {email}. Open the link we sent there to finish. Until then your account keeps {current}.',
  'mail.settings.manage': 'Change your email address or the emails we send you',
  'mail.settings.changeTitle': 'Change your email address',
  'mail.settings.changeHint': 'We send a link to the new address. The change happens when you open it.',
  'mail.settings.newEmail': 'New email address',
  'mail.settings.currentPassword': 'Your current password',
  'mail.settings.changeSubmit': 'Send a confirmation link',
  'mail.settings.preferencesTitle': 'Emails we send you',
  'mail.settings.preferencesLead':
    'Security emails (password resets, changes of email address), certificate notices, assignment results and changes to sessions you booked always come. You choose the reminders.',
  'mail.settings.expiryReminders':
    'Reminders: before a certificate expires (60, 30 and 7 days before), the day before a session you booked, and training your employer gives you',
  'mail.settings.inactivityNudges': 'A reminder when I have not studied for 14 days',
  'mail.settings.save': 'Save my email choices',
  'mail.settings.saved': 'Your email choices are saved.',
  'mail.settings.resent': 'We sent a new confirmation link to {email}. Earlier links no longer work.',
  'mail.settings.changeSent': 'We sent a link to {email}. Open it to finish changing your address.',
  'mail.settings.alreadyVerified': 'Your email address is already confirmed.',
  'mail.settings.unavailable':
    'This site cannot send email at the moment, so it cannot confirm a new address. Ask your RTW Academy administrator to change it.',
  'mail.errors.newEmail.required': 'Enter your new email address',
  'mail.errors.newEmail.too-long': 'Email address must be 254 characters or fewer',
  'mail.errors.newEmail.invalid': 'Enter an email address in the right format, like name@example.com',
  'mail.errors.newEmail.same': 'This is already your email address. Enter a different one',
  'mail.errors.newEmail.taken': 'Another account uses this email address. Enter a different one',
  'mail.errors.currentPassword.wrong': 'Your current password is not right. Check it and try again',
  'mail.errors.currentPassword.required': 'Enter your current password',

  'mail.unsubscribe.title': 'Stop these emails',
  'mail.unsubscribe.lead.reminders':
    'Stop the reminders we send to {email}: before a certificate expires, the day before a session, and about training your employer gives you?',
  'mail.unsubscribe.lead.nudges':
    'Stop the reminders we send to {email} when you have not studied for a while?',
  'mail.unsubscribe.submit': 'Stop these emails',
  'mail.unsubscribe.doneTitle': 'You will not get these emails again',
  'mail.unsubscribe.done.reminders':
    'We will not send reminders (certificate expiry, sessions, training from your employer) to {email}. You can turn them back on at any time on your profile.',
  'mail.unsubscribe.done.nudges':
    'We will not send study reminders to {email}. You can turn them back on at any time on your profile.',
  'mail.unsubscribe.invalidTitle': 'This link does not work',
  'mail.unsubscribe.invalid':
    'This link is not right. Check that you copied the whole link, or sign in and choose your emails on your profile.',
  'mail.unsubscribe.profile': 'Choose your emails on your profile',

  'mail.invite.title': 'Create your account',
  'mail.invite.lead': 'You are invited to RTW Academy as staff of {employer}. Your account will use {email}.',
  'mail.invite.employer': 'Employer',
  'mail.invite.email': 'Email address',
  'mail.invite.submit': 'Create account',
  'mail.invite.problemTitle': 'This invitation does not work',
  'mail.invite.invalid':
    'This invitation link is not right. Check that you copied the whole link from the email.',
  'mail.invite.expired': 'This invitation has expired. Ask whoever invited you to send a new one.',
  'mail.invite.accepted': 'This invitation has already been used to create an account. Sign in instead.',
  'mail.invite.withdrawn': 'This invitation was withdrawn. Ask whoever invited you if you should still join.',
  'mail.invite.taken':
    'An account with this email address already exists. Sign in instead, or choose "Forgot your password?" on the sign-in page.',
  'mail.invite.signIn': 'Go to sign in',

  'mail.invitations.title': 'Invitations',
  'mail.invitations.lead':
    'Invite someone by email. Their link registers them with that address under the employer you choose, and it works for 14 days.',
  'mail.invitations.invite': 'Invite someone by email',
  'mail.invitations.email': 'Email address',
  'mail.invitations.employer': 'Employer',
  'mail.invitations.chooseEmployer': 'Choose an employer',
  'mail.invitations.language': 'Language of the invitation',
  'mail.invitations.submit': 'Send invitation',
  'mail.invitations.sent': 'Invitation sent to {email}.',
  'mail.invitations.withdrawnNotice': 'The invitation to {email} was withdrawn. Its link no longer works.',
  'mail.invitations.listTitle': 'Recent invitations',
  'mail.invitations.none': 'No invitations yet.',
  'mail.invitations.col.email': 'Email address',
  'mail.invitations.col.employer': 'Employer',
  'mail.invitations.col.sent': 'Sent',
  'mail.invitations.col.status': 'Status',
  'mail.invitations.col.action': 'Action',
  'mail.invitations.status.pending': 'Waiting (until {date})',
  'mail.invitations.status.accepted': 'Account created',
  'mail.invitations.status.expired': 'Expired',
  'mail.invitations.status.withdrawn': 'Withdrawn',
  'mail.invitations.withdraw': 'Withdraw',
  'mail.invitations.withdrawLabel': 'Withdraw the invitation to {email}',
  'mail.invitations.unavailable':
    'Email is not set up on this site (SMTP_URL is missing), so invitations cannot be sent.',
  'mail.invitations.errors.email.required': 'Enter the email address to invite',
  'mail.invitations.errors.email.too-long': 'Email address must be 254 characters or fewer',
  'mail.invitations.errors.email.invalid':
    'Enter an email address in the right format, like name@example.com',
  'mail.invitations.errors.email.taken': 'An account with this email address already exists',
  'mail.invitations.errors.organisationId.required': 'Choose the employer the person works for',
  'mail.invitations.errors.organisationId.unknown': 'That employer is no longer listed. Choose it again',
  'mail.invitations.errors.locale.invalid': 'Choose English or Bahasa Malaysia',
  'mail.invitations.errors.notFound': 'That invitation no longer exists or was already used.',

  'mail.admin.nav': 'Email',
  'mail.admin.description': 'Messages the site sends: waiting, sent and failed, with a way to send again.',
  'mail.admin.title': 'Email',
  'mail.admin.lead':
    'Every message the site sends, newest first. A message that failed can be sent again. Links inside messages are never shown here.',
  'mail.admin.off':
    'Email is off: SMTP_URL is not set, so messages wait in the queue and nothing is sent. Set SMTP_URL and MAIL_FROM, then restart the server.',
  'mail.admin.dev': 'Development: messages go to the development outbox instead of being sent.',
  'mail.admin.devLink': 'Open the development outbox',
  'mail.admin.counts': 'Messages by status',
  'mail.admin.status.queued': 'Waiting',
  'mail.admin.status.sending': 'Being sent',
  'mail.admin.status.sent': 'Sent',
  'mail.admin.status.failed': 'Failed',
  'mail.admin.filter.status': 'Status',
  'mail.admin.filter.all': 'All messages',
  'mail.admin.filter.apply': 'Show',
  'mail.admin.tableLabel': 'Messages',
  'mail.admin.col.written': 'Written',
  'mail.admin.col.to': 'To',
  'mail.admin.col.message': 'Message',
  'mail.admin.col.status': 'Status',
  'mail.admin.col.detail': 'Details',
  'mail.admin.attempts': 'Tries: {count}',
  'mail.admin.nextTry': 'Next try {time}',
  'mail.admin.sentAt': 'Sent {time}',
  'mail.admin.failedAt': 'Gave up {time}',
  'mail.admin.error': 'Last error: {error}',
  'mail.admin.retry': 'Send again',
  'mail.admin.retryLabel': 'Send again: {kind} to {to}',
  'mail.admin.retryAll': 'Send every failed message again',
  'mail.admin.retried': 'The message is queued again.',
  'mail.admin.retriedAll': 'Failed messages queued again: {count}.',
  'mail.admin.retryRefused.not-found': 'That message no longer exists.',
  'mail.admin.retryRefused.not-failed': 'That message has not failed, so there is nothing to send again.',
  'mail.admin.retryRefused.link-expired':
    'That message carried a link that has expired. Ask the person to request a new one instead.',
  'mail.admin.none': 'No messages here.',
  'mail.kind.password-reset': 'Password reset link',
  'mail.kind.verify-email': 'Email confirmation link',
  'mail.kind.email-changed': 'Email address changed',
  'mail.kind.invitation': 'Invitation',
  'mail.kind.certificate-issued': 'Certificate issued',
  'mail.kind.certificate-reissued': 'Certificate re-issued',
  'mail.kind.certificate-revoked': 'Certificate revoked',
  'mail.kind.expiry-reminder': 'Expiry reminder',
  'mail.kind.inactivity-nudge': 'Study reminder',
  'mail.kind.training-reminder': 'Training assigned or due',
  'mail.kind.assignment-decided': 'Assignment marked',
  'mail.kind.workshop-booking': 'Session booking',
  'mail.kind.workshop-reminder': 'Session reminder',

  'admin.audit.action.password-reset-emailed': 'Password reset link emailed',
  'admin.audit.action.email-changed': 'Email address changed',
  'admin.audit.action.invitation-sent': 'Invitation sent',
  'admin.audit.action.invitation-withdrawn': 'Invitation withdrawn',
  'admin.audit.action.invitation-accepted': 'Invitation accepted',

  'mail.dev.title': 'Development outbox',
  'mail.dev.lead':
    'SMTP_URL is not set, so the app writes its email here instead of sending it. This page exists only in development.',
  'mail.dev.empty': 'Nothing yet. Ask for a password reset, or register, and the message appears here.',
  'mail.dev.col.at': 'Written',
  'mail.dev.col.to': 'To',
  'mail.dev.col.subject': 'Subject',
  'mail.dev.text': 'Plain text',
  'mail.dev.headers': 'Headers',
  'mail.dev.html': 'Open the HTML version',
  'mail.dev.back': 'Back to the development outbox',
} as const;
