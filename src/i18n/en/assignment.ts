/** Assessed casework: the learner's assignment page and the trainer's marking. */
export default {
  'assignment.crumb': 'Assignment',
  'assignment.eyebrow': 'Assessed casework · marked by a trainer',
  'assignment.itemLabel': 'Assignment: {title}',
  'assignment.facts.time': 'Time',
  'assignment.facts.timeValue': 'About {hours} hours',
  'assignment.facts.submissions': 'Submissions',
  'assignment.facts.submissionsValue': '{used} of {allowed} used',
  'assignment.facts.pass': 'To pass',
  'assignment.facts.passValue': 'Every criterion at least “{level}”',
  'assignment.facts.passPoints': 'Every criterion at least “{level}”, and {points} points or more',
  'assignment.briefTitle': 'The task',
  'assignment.partsTitle': 'Your answers',
  'assignment.rubricTitle': 'How your work is marked',
  'assignment.rubricCaption': 'Rubric: what each level looks like for each criterion',
  'assignment.rubricCriterion': 'Criterion',
  'assignment.rubricPoints': '{points} points',
  'assignment.rubricPoint': '1 point',
  'assignment.rubricEvidence': 'Marked from: {parts}',
  'assignment.yourLevel': 'Your level',
  'assignment.historyTitle': 'Earlier submissions',
  'assignment.historyItem': 'Submission {number}, {date}',

  'assignment.status.not-started': 'Not started',
  'assignment.status.draft': 'Draft',
  'assignment.status.submitted': 'Waiting for marking',
  'assignment.status.returned': 'Returned: change and resubmit',
  'assignment.status.passed': 'Passed',
  'assignment.status.not-passed': 'Not passed',

  'assignment.statusLead.draft': 'Your answers are saved as a draft. Nobody sees them until you submit.',
  'assignment.statusLead.submitted':
    'You submitted this on {date}. A trainer will mark it against the rubric; the result will show here and on your dashboard.',
  'assignment.statusLead.returned':
    'A trainer returned your work on {date}. Read the comments below, change your answers and submit again. You have {left, plural, one {# more submission} other {# more submissions}}.',
  'assignment.statusLead.passed': 'A trainer marked your work as passed on {date}. Well done.',
  'assignment.statusLead.not-passed':
    'Your last submission did not pass and no resubmissions are left. Contact your trainer to talk about what to do next.',

  'assignment.notice.saved': 'Your draft is saved.',
  'assignment.notice.attached': 'The file is attached and your draft is saved.',
  'assignment.notice.submitted':
    'Submitted for marking. You will see the result here and on your dashboard once a trainer has marked it.',
  'assignment.notice.removed': 'The file is removed from your draft.',
  'assignment.notice.staffPreview':
    'Staff preview: learners answer the parts below on this page. Mark submitted work from the marking queue.',
  'assignment.notice.markingLink': 'Open the marking queue',

  'assignment.part.words': '{min} to {max} words',
  'assignment.part.wordCount': '{count} words',
  'assignment.part.reflection': 'Reflection',
  'assignment.part.fileHint': 'PDF only, up to 10 MB. Fill in the form, save it, then choose the saved file.',
  'assignment.part.blank': 'Download the blank form: {title}',
  'assignment.part.current': 'Attached: {name} ({size}, {date})',
  'assignment.part.chooseFile': 'Choose the PDF for “{title}”',
  'assignment.part.replaceFile': 'Replace the PDF for “{title}”',
  'assignment.part.removeFile': 'Remove this file',
  'assignment.part.download': 'Download {name}',
  'assignment.part.noAnswer': 'No answer.',
  'assignment.part.noFile': 'No file.',

  'assignment.save': 'Save draft',
  'assignment.submit': 'Submit for marking',
  'assignment.submitHint':
    'Check every part first: once submitted, your work cannot be changed unless a trainer returns it.',
  'assignment.autosave.saving': 'Saving…',
  'assignment.autosave.saved': 'Draft saved at {time}',
  'assignment.autosave.failed':
    'Your draft could not be saved. Check your connection; use Save draft to try again.',
  'assignment.upload.uploading': 'Uploading {name}…',
  'assignment.upload.failed': 'The file could not be uploaded. Check your connection and try again.',

  'assignment.errors.title': 'There is a problem with your work',
  'assignment.error.missing': '“{part}”: write your answer.',
  'assignment.error.too-short': '“{part}”: write at least {min} words (you have {words}).',
  'assignment.error.too-long': '“{part}”: shorten your answer to {max} words or fewer (you have {words}).',
  'assignment.error.no-file': '“{part}”: attach the filled-in PDF.',
  'assignment.error.file.empty':
    '“{part}”: the file is empty. Save the filled-in PDF again and attach that copy.',
  'assignment.error.file.too-big':
    '“{part}”: the file is larger than 10 MB. Save it with smaller pictures, or print it to a new PDF, and attach that.',
  'assignment.error.file.executable':
    '“{part}”: this file is a program or an archive, not a PDF, whatever its name says. Attach the filled-in PDF.',
  'assignment.error.file.not-pdf':
    '“{part}”: this is not a PDF. Save or export your document as PDF and attach that.',
  'assignment.error.file.damaged':
    '“{part}”: the PDF cannot be read. Save it again from your PDF reader and attach the new copy.',
  'assignment.error.file.encrypted':
    '“{part}”: the PDF is protected with a password. Save a copy without a password and attach that.',
  'assignment.error.file.active-content':
    '“{part}”: the PDF contains JavaScript or other active content, which is not accepted. Print it to a new PDF (“Save as PDF”) and attach that copy.',
  'assignment.error.not-editable':
    'This work has already been submitted, so it cannot be changed now. Your saved answers are below.',
  'assignment.error.no-submissions-left':
    'You have used every submission for this assignment. Contact your trainer to talk about what to do next.',
  'assignment.error.not-enrolled': 'Enrol in the course to work on this assignment.',
  'assignment.error.locked': 'This assignment opens when you finish the modules before it.',
  'assignment.error.staff': 'Staff do not submit work; learners do.',
  'assignment.error.not-found':
    'This assignment could not be found. Go back to the course page and try again.',
  'assignment.error.signIn':
    'Your session ended before the work was saved. Sign in again; your last saved draft is kept.',

  'marking.title': 'Marking',
  'marking.lead':
    'Learners’ casework, oldest first. Claim a submission to mark it: while you mark, nobody else can.',
  'marking.staffLink': 'Marking',
  'marking.staffLinkCount': 'Marking ({count} waiting)',
  'marking.staffDescription':
    'Mark learners’ assessed casework against its rubric: pass it or return it with comments.',
  'marking.waitingCount': '{count} waiting for marking',
  'marking.filter.status': 'Show',
  'marking.filter.course': 'Course',
  'marking.filter.employer': 'Employer',
  'marking.filter.any': 'All',
  'marking.filter.apply': 'Show',
  'marking.queue.waiting': 'Waiting for marking',
  'marking.queue.mine': 'Claimed by me',
  'marking.queue.returned': 'Returned',
  'marking.queue.passed': 'Passed',
  'marking.queue.not-passed': 'Not passed',
  'marking.queue.all': 'All submitted work',
  'marking.col.learner': 'Learner',
  'marking.col.employer': 'Employer',
  'marking.col.course': 'Course',
  'marking.col.assignment': 'Assignment',
  'marking.col.attempt': 'Submission',
  'marking.col.submitted': 'Submitted',
  'marking.col.status': 'Status',
  'marking.claimedBy': 'Being marked by {name} until {time}',
  'marking.claimedByMe': 'You are marking this (until {time})',
  'marking.empty': 'Nothing here. Work that learners submit appears in this list, oldest first.',
  'marking.tableLabel': 'Submissions',
  'marking.pageOf': 'Page {page} of {pages}',
  'marking.previous': 'Previous page',
  'marking.next': 'Next page',
  'marking.noEmployer': 'No employer',

  'marking.open.crumb': 'Submission',
  'marking.open.heading': '{assignment}: {learner}',
  'marking.open.attempt': 'Submission {number} of {allowed}',
  'marking.open.submitted': 'Submitted {date}',
  'marking.claim.start': 'Start marking',
  'marking.claim.lead':
    'Claim this submission so that nobody else marks it at the same time. The claim lasts 30 minutes and renews each time you save.',
  'marking.claim.release': 'Stop marking and release',
  'marking.claim.other':
    '{name} is marking this until {time}. You can read it; you can mark it once they release it or the claim ends.',
  'marking.claim.mine': 'You are marking this until {time}.',
  'marking.claim.lost':
    'Someone else claimed this submission, or it was already decided. Nothing was changed.',
  'marking.claim.notWaiting': 'This work is not waiting for marking.',
  'marking.answersTitle': 'The learner’s answers',
  'marking.viewerTitle': 'PDF: {name}',
  'marking.openPdf': 'Open {name} in a new tab',
  'marking.fieldsSummary': 'Filled-in fields in this PDF ({count})',
  'marking.fieldsEmpty':
    'This PDF has no form fields (it may have been printed or scanned): read it in the viewer.',
  'marking.fieldYes': 'Ticked',
  'marking.fieldBlank': '(blank)',
  'marking.viewerNote':
    'If the PDF does not show here (some phones and browsers do not show PDFs inside a page), open it in a new tab or download it.',
  'marking.formTitle': 'Marks',
  'marking.levelLegend': '{criterion}: level',
  'marking.commentLabel': 'Comment on “{criterion}”',
  'marking.commentHint': 'Needed when the level is below the pass level: say what to change.',
  'marking.overallLabel': 'Overall comment to the learner',
  'marking.overallHint': 'Needed when you return the work or it does not pass.',
  'marking.decisionLegend': 'Decision',
  'marking.decision.pass': 'Pass',
  'marking.decision.return': 'Return for resubmission',
  'marking.decision.not-passed': 'Not passed (no resubmissions left)',
  'marking.decisionHint':
    '{left, plural, =0 {No resubmissions left for this learner.} one {# resubmission left for this learner.} other {# resubmissions left for this learner.}}',
  'marking.saveMarks': 'Save marks',
  'marking.decide': 'Record decision',
  'marking.summary': 'Score {score} of {max}.',
  'marking.summaryPasses': 'Every criterion meets the pass rule.',
  'marking.summaryFails': 'Not every criterion meets the pass rule yet.',
  'marking.saved': 'Marks saved. You are still marking this submission.',
  'marking.decided.pass': 'Decision recorded: passed. The learner sees the result now.',
  'marking.decided.return':
    'Decision recorded: returned for resubmission. The learner sees your comments now.',
  'marking.decided.not-passed': 'Decision recorded: not passed.',
  'marking.errors.title': 'The marks cannot be recorded yet',
  'marking.error.decision.missing': 'Choose a decision.',
  'marking.error.decision.rule-not-met':
    'Not every criterion meets the pass rule, so this work cannot pass: return it instead.',
  'marking.error.decision.rule-met': 'Every criterion meets the pass rule, so this work passes: choose Pass.',
  'marking.error.decision.no-resubmissions-left':
    'The learner has no resubmissions left: choose Not passed, or Pass if the work meets the rule.',
  'marking.error.decision.resubmissions-left': 'The learner may still resubmit: return the work instead.',
  'marking.error.level.missing': '“{criterion}”: choose a level.',
  'marking.error.comment.needed': '“{criterion}”: say what the learner should change.',
  'marking.error.comment.too-long': '“{criterion}”: shorten the comment to 4,000 characters.',
  'marking.error.overall.needed': 'Write an overall comment that tells the learner what to do next.',
  'marking.error.overall.too-long': 'Shorten the overall comment to 4,000 characters.',
  'marking.decisionTitle': 'Decision',
  'marking.decidedBy': '{decision} by {marker} on {date}. Score {score} of {max}.',
  'marking.overallComment': 'Overall comment',
  'marking.allow.title': 'Allow another submission',
  'marking.allow.lead':
    'The learner has used every submission. After talking with them, you may allow one more.',
  'marking.allow.reason': 'Why (kept in the audit log)',
  'marking.allow.submit': 'Allow one more submission',
  'marking.allow.done': 'The learner may submit once more.',
  'marking.allow.reasonNeeded': 'Write why you allow another submission.',
  'marking.contentChanged':
    'The assignment file has changed since this work was submitted: check that the rubric still fits.',

  'admin.audit.subject.submission': 'Submission',
  'admin.audit.action.assignment-submitted': 'Assignment submitted',
  'admin.audit.action.assignment-passed': 'Assignment passed',
  'admin.audit.action.assignment-returned': 'Assignment returned for resubmission',
  'admin.audit.action.assignment-not-passed': 'Assignment not passed',
  'admin.audit.action.assignment-resubmission-allowed': 'Another submission allowed',
} as const;
