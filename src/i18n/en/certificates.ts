export default {
  'certificates.holder': 'Holder',
  'certificates.course': 'Course',
  'certificates.certificate': 'Certificate',
  'certificates.employer': 'Employer',
  'certificates.cpdHours': 'CPD hours',
  'certificates.issued': 'Issued',
  'certificates.validUntil': 'Valid until',
  'certificates.expiredOn': 'Expired on',
  'certificates.noExpiry': 'No expiry',
  'certificates.serial': 'Serial number',
  'certificates.code': 'Verification code',
  'certificates.issuer': 'Issued by',
  'certificates.errorPrefix': 'Error:',
  'certificates.copy': 'Copy link',
  'certificates.copied': 'Link copied.',
  'certificates.copyFailed': 'Could not copy. Select the link and copy it yourself.',

  'certificates.status.valid': 'Valid',
  'certificates.status.expiring': 'Expiring soon',
  'certificates.status.expired': 'Expired',
  'certificates.status.revoked': 'Revoked',
  'certificates.status.superseded': 'Replaced',

  'certificates.mode.auto': 'on completion',
  'certificates.mode.approval': 'approved by an admin',
  'certificates.mode.renewal': 'renewal',
  'certificates.mode.exception': 'exception',
  'certificates.mode.reissue': 'corrected copy',

  'certificates.name.required': 'Enter the name to print on the certificate.',
  'certificates.name.tooLong': 'The name is too long. Use 120 characters or fewer.',
  'certificates.name.invalid':
    'The name contains characters that are not allowed. Type it again without control characters.',
  'certificates.name.unprintable':
    'The certificate fonts cannot print these characters: {characters}. Check the spelling, or write the name in Latin, Chinese or Tamil script.',

  'certificates.pdf.programme': 'Return to Work Coordinators Training Programme',
  'certificates.pdf.defaultTitle': 'Certificate of Completion',
  'certificates.pdf.defaultSignatoryTitle': 'Programme Director',

  'certificates.learner.download': 'Download certificate (PDF)',
  'certificates.learner.verifyLink': 'Verification link',
  'certificates.learner.verifyHint':
    'Share this link with an employer or auditor. It shows that your certificate is genuine, with your name, the course and the dates. It does not show your email.',
  'certificates.learner.copyLabel': 'Copy the verification link for {course}',
  'certificates.learner.expiresSoon':
    'This certificate expires in {days, plural, one {# day} other {# days}}, on {date}.',
  'certificates.learner.expired': 'This certificate expired on {date}.',
  'certificates.learner.renewHow':
    'To renew it, take the final assessment again and pass it. You will then get a new certificate.',
  'certificates.learner.renew': 'Renew: take the final assessment',
  'certificates.learner.reenrol': 'Enrol again to renew',
  'certificates.learner.revoked':
    'This certificate was revoked on {date} and is no longer valid. If you think this is a mistake, contact your training administrator.',

  'certificates.verify.title': 'Check a certificate',
  'certificates.verify.lead':
    'Type the verification code printed on an RTW Academy certificate, under the QR code, to see whether it is genuine and still valid.',
  'certificates.verify.codeLabel': 'Verification code',
  'certificates.verify.codeHint':
    '20 letters and numbers, for example 7KQ9-M2XH-4TPA-ZB8N-C3WD. Capital letters, spaces and hyphens do not matter.',
  'certificates.verify.submit': 'Check certificate',
  'certificates.verify.required': 'Enter the verification code printed on the certificate.',
  'certificates.verify.malformed':
    'That is not a verification code. A code has 20 letters and numbers and never uses the letters O, I, L or U or the digits 0 and 1. Check what you typed.',
  'certificates.verify.notFound':
    'No certificate has this code. Check the code on the certificate and type it again. If it still does not match, the certificate may not be genuine.',
  'certificates.verify.notFoundTitle': 'Certificate not found',
  'certificates.verify.throttled':
    'Too many codes were checked from your network that did not match a certificate. Wait {minutes, plural, one {# minute} other {# minutes}}, then try again.',
  'certificates.verify.throttledTitle': 'Too many checks',
  'certificates.verify.resultTitle': 'Certificate check',
  'certificates.verify.valid': 'This certificate is genuine and valid.',
  'certificates.verify.expired': 'This certificate is genuine, but it expired on {date}.',
  'certificates.verify.revoked': 'This certificate was revoked on {date}. It is no longer valid.',
  'certificates.verify.superseded':
    'This certificate was replaced by a newer one on {date}, for example to correct the name. Ask the holder for the new certificate.',
  'certificates.verify.privacy':
    'This page shows only what the certificate itself shows. It never shows the holder’s email or other personal details.',
  'certificates.verify.another': 'Check another certificate',
  'certificates.verify.bySerialTitle': 'No code? Check by serial number',
  'certificates.verify.bySerialLead':
    'Type the serial number printed on the certificate and the holder’s surname or family name.',
  'certificates.verify.serialLabel': 'Serial number',
  'certificates.verify.serialHint': 'For example RTW-2024-000002.',
  'certificates.verify.nameLabel': 'Holder’s surname or family name',
  'certificates.verify.nameHint':
    'As printed on the certificate, for example Abdullah or Tan. Capital letters and accents do not matter.',
  'certificates.verify.serialRequired': 'Enter the serial number printed on the certificate.',
  'certificates.verify.serialMalformed':
    'That is not a serial number. A serial number looks like RTW-2024-000002. Check what you typed.',
  'certificates.verify.nameRequired':
    'Enter the holder’s surname or family name as printed on the certificate.',
  'certificates.verify.notFoundBySerial':
    'No certificate matches this serial number and name. Check both against the certificate and type them again. If they still do not match, the certificate may not be genuine.',
  'certificates.verify.submitSerial': 'Check by serial number',

  'certificates.staffLink': 'Certificate desk',
  'certificates.staffDescription':
    'Issue certificates to learners who completed a course, revoke or correct them, and download them as a ZIP.',

  'certificates.desk.title': 'Certificate desk',
  'certificates.desk.navLabel': 'Certificate desk',
  'certificates.desk.navQueue': 'Waiting for a certificate',
  'certificates.desk.navIssued': 'Issued certificates',
  'certificates.desk.navException': 'Issue by exception',
  'certificates.desk.navAudit': 'Certificate audit log',
  'certificates.desk.countsLabel': 'Certificates at a glance',
  'certificates.desk.countWaiting': 'waiting',
  'certificates.desk.countWaitingOnEmail': 'earned, waiting for the learner to confirm their email address',
  'certificates.desk.countExpiring': 'Expiring soon',
  'certificates.desk.countExpiringWithin': 'Expiring within {days} days',
  'certificates.window.label': 'Count certificates as expiring within',
  'certificates.window.days': '{days} days',
  'certificates.desk.issuedNotice': '{count, plural, one {# certificate} other {# certificates}} issued.',
  'certificates.desk.issuedOneNotice': 'The certificate is issued.',
  'certificates.desk.seeIssued': 'See the issued certificates',
  'certificates.desk.bulkReport': 'Certificates issued: {issued}. Not issued: {refused}:',
  'certificates.desk.bulkFailed':
    'Issuing stopped because the server could not be reached. Refresh the page to see what was issued, then try again.',
  'certificates.desk.progress': '{done} of {total} issued',
  'certificates.desk.refresh': 'Refresh the list',
  'certificates.desk.noneSelected': 'Select at least one learner to issue a certificate to.',
  'certificates.desk.tooMany': 'Select {max} learners or fewer at a time.',
  'certificates.desk.queueTitle': 'Waiting for a certificate',
  'certificates.desk.queueLead':
    'Learners who completed a course that gives a certificate, oldest completion first. Renewals are learners whose certificate expires within 60 days (or has expired) and who passed the final assessment again.',
  'certificates.desk.queueEmpty': 'Nobody is waiting for a certificate.',
  'certificates.desk.queueEmptyFiltered':
    'Nobody matches these filters. Clear the filters to see everyone who is waiting.',
  'certificates.desk.queueCount': '{count} waiting.',
  'certificates.desk.queueCountLimited':
    'Showing the first {shown} of {total} waiting. Filter by course or employer to see the rest.',
  'certificates.desk.bulkLead':
    'Tick the learners below, then issue their certificates together (up to {max} at a time). Each certificate gets its own serial number and verification code.',
  'certificates.desk.selectAll': 'Select all shown',
  'certificates.desk.select': 'Select',
  'certificates.desk.selectOne': 'Select {name}, {course}',
  'certificates.desk.issueSelected': 'Issue selected certificates',
  'certificates.desk.issueOne': 'Issue',
  'certificates.desk.learner': 'Learner',
  'certificates.desk.completedOn': 'Completed',
  'certificates.desk.action': 'Action',
  'certificates.desk.renewal': 'Renewal',
  'certificates.desk.autoPending': 'Issued automatically, but it could not be issued yet.',
  'certificates.desk.unprintable':
    'Cannot issue: the certificate fonts cannot print {characters} in this name. Correct the name in the learner’s account, or use Issue by exception with a printable spelling.',
  'certificates.desk.allCourses': 'All courses',
  'certificates.desk.allEmployers': 'All employers',
  'certificates.desk.allStatuses': 'Any status',
  'certificates.desk.filter': 'Apply filters',
  'certificates.desk.clearFilters': 'Clear filters',
  'certificates.desk.status': 'Status',
  'certificates.desk.search': 'Search',
  'certificates.desk.searchHint': 'A name, email, serial number or verification code, or part of one.',
  'certificates.desk.issuedTitle': 'Issued certificates',
  'certificates.desk.issuedCount':
    '{count, plural, one {# certificate matches} other {# certificates match}}.',
  'certificates.desk.issuedEmpty':
    'No certificates match. Clear the filters, or issue certificates from the queue.',
  'certificates.desk.zipLead':
    'Tick certificates to download them as one ZIP file. If you tick none, the ZIP holds every certificate that matches the filters (up to {max}).',
  'certificates.desk.zipDownload': 'Download as ZIP',
  'certificates.desk.csvDownload': 'Download this list as CSV',
  'certificates.desk.selectForZip': 'Select for the ZIP',
  'certificates.desk.selectSerial': 'Select {serial}',
  'certificates.desk.pagination': 'Pages',
  'certificates.desk.previous': 'Previous page',
  'certificates.desk.next': 'Next page',
  'certificates.desk.pageOf': 'Page {page} of {pages}',
  'certificates.desk.detailTitle': 'Certificate {serial}',
  'certificates.desk.account': 'Account',
  'certificates.desk.issuedBy': 'by {name}',
  'certificates.desk.issuedAutomatically': 'automatically, on completion',
  'certificates.desk.verifyPage': 'Public check',
  'certificates.desk.exceptionReason': 'Issued by exception because',
  'certificates.desk.revokedOn': 'Revoked',
  'certificates.desk.replacedBy': 'Replaced by',
  'certificates.desk.replaces': 'Replaces',
  'certificates.desk.downloadPdf': 'Download PDF',
  'certificates.desk.reason': 'Reason',
  'certificates.desk.reissueTitle': 'Re-issue this certificate',
  'certificates.desk.reissueLead':
    'Use this to correct the certificate, for example a misspelt name. The new certificate gets a new serial number and code, keeps the same course, CPD hours and expiry date, and this one will show as replaced.',
  'certificates.desk.reissueName': 'Name to print',
  'certificates.desk.reissueNameHint':
    'The name in the learner’s account is {name}. Leave it, or type the corrected name.',
  'certificates.desk.reissueReasonHint':
    'Why it is re-issued, for the audit log. For example: "Name misspelt, learner asked on 3 March".',
  'certificates.desk.reissueReasonRequired': 'Enter why the certificate is re-issued.',
  'certificates.desk.reissueRevoked':
    'A revoked certificate cannot be re-issued. Issue a new one by exception if it is right to.',
  'certificates.desk.reissueSuperseded':
    'This certificate was already replaced. Open the newest certificate to change it.',
  'certificates.desk.reissueSubmit': 'Re-issue certificate',
  'certificates.desk.reissuedNotice':
    'The corrected certificate is issued. The old one now shows as replaced.',
  'certificates.desk.revokeTitle': 'Revoke this certificate',
  'certificates.desk.revokeLead':
    'Revoke a certificate that should never have been issued or must no longer be relied on. Anyone who checks it will see that it was revoked. This cannot be undone.',
  'certificates.desk.revokeReasonHint':
    'Why it is revoked, for the audit log. The public check page does not show it.',
  'certificates.desk.revokeReasonRequired': 'Enter why the certificate is revoked.',
  'certificates.desk.alreadyRevoked': 'This certificate is already revoked.',
  'certificates.desk.revokeSuperseded':
    'This certificate was replaced. Revoke the newest certificate instead.',
  'certificates.desk.revokeSubmit': 'Revoke certificate',
  'certificates.desk.revokeConfirmTitle': 'Revoke certificate {serial}?',
  'certificates.desk.revokeConfirmLead':
    'You are about to revoke the certificate of {holder} for {course}. Anyone who checks it will see that it was revoked, and the holder will be told by email. This cannot be undone.',
  'certificates.desk.revokeConfirmSubmit': 'Yes, revoke this certificate',
  'certificates.desk.revokeCancel': 'No, keep it',
  'certificates.desk.revokedNotice': 'The certificate is revoked. Its public check page now says so.',
  'certificates.desk.notFound':
    'That certificate does not exist any more. Go back to the issued certificates.',
  'certificates.desk.historyTitle': 'History',
  'certificates.desk.auditTitle': 'Certificate audit log',
  'certificates.desk.auditLead':
    'Every certificate issued, re-issued, replaced or revoked: who did it, when, and why.',

  'certificates.desk.fullAuditLink': 'Search the full audit log (certificates only), by person and date',
  'certificates.audit.when': 'When',
  'certificates.audit.what': 'What happened',
  'certificates.audit.who': 'By',
  'certificates.audit.why': 'Reason',
  'certificates.audit.system': 'System',
  'certificates.audit.issued': 'Issued',
  'certificates.audit.reissued': 'Re-issued',
  'certificates.audit.superseded': 'Replaced',
  'certificates.audit.revoked': 'Revoked',
  'certificates.audit.allActions': 'Everything',
  'certificates.audit.count': 'Entries: {count}.',
  'certificates.audit.empty': 'Nothing recorded yet.',

  'certificates.exception.title': 'Issue a certificate by exception',
  'certificates.exception.lead':
    'Issue a certificate to someone who did not complete the course on this platform, for example a person who attended the classroom programme.',
  'certificates.exception.note':
    'The person needs an account. The reason you give is kept with the certificate and in the audit log.',
  'certificates.exception.email': 'Email address of the account',
  'certificates.exception.emailHint':
    'The certificate goes to this account; the holder can download it from their dashboard.',
  'certificates.exception.emailRequired': 'Enter the email address of the person’s account.',
  'certificates.exception.emailNotFound':
    'No account has this email address. Check it, or ask the person to register first.',
  'certificates.exception.chooseCourse': 'Choose a course',
  'certificates.exception.courseRequired': 'Choose the course the certificate is for.',
  'certificates.exception.noRule': 'This course does not give a certificate. Choose another course.',
  'certificates.exception.alreadyCertified':
    'This person already holds a valid certificate for this course. To correct it, open it from the issued list and re-issue it.',
  'certificates.exception.holderName': 'Name to print (optional)',
  'certificates.exception.holderNameHint': 'Leave empty to print the name in the person’s account.',
  'certificates.exception.reasonHint':
    'Why this person gets a certificate without completing online. For example: "Attended the classroom programme in Shah Alam, 12–14 May".',
  'certificates.exception.reasonRequired': 'Enter why the certificate is issued by exception.',
  'certificates.exception.submit': 'Issue certificate',

  'certificates.refusal.course-not-found': 'the course no longer exists',
  'certificates.refusal.no-certificate-rule': 'the course does not give a certificate',
  'certificates.refusal.not-completed': 'the learner has not completed the course',
  'certificates.refusal.already-certified': 'the learner already holds a valid certificate',
  'certificates.refusal.revoked':
    'the learner’s certificate was revoked; issue by exception if it is right to',
  'certificates.refusal.email-not-verified': 'the learner has not confirmed their email address yet',
  'certificates.refusal.renewal-not-completed': 'the learner has not passed the final assessment again',
  'certificates.refusal.forbidden': 'only admins can issue certificates',
  'certificates.refusal.user-not-found': 'the account no longer exists',
  'certificates.refusal.name-unprintable': 'the name has characters the certificate cannot print',
  'certificates.refusal.changed-meanwhile':
    'someone changed this learner’s certificate at the same time; refresh and check',
} as const;
