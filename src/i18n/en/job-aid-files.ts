/** Words printed on the job aid PDFs and spreadsheets around the form's own text. */
export default {
  'jobAidFile.kind': 'Job aid',
  'jobAidFile.howToFill': 'How to fill in this form',
  'jobAidFile.dateFormat': 'DD/MM/YYYY',
  'jobAidFile.chooseOne': 'Choose one: {options}',
  'jobAidFile.signatureHint': 'Sign on paper, or type your full name',
  'jobAidFile.notOfficial': 'RTW Academy template — not an official SOCSO form',
  'jobAidFile.page': 'Page {page} of {pages}',
  'jobAidFile.keywords': 'job aid; return to work',
  'jobAidFile.yes': 'Yes',
  'jobAidFile.sheetInstructions': 'How to fill in',
  'jobAidFile.sheetLists': 'Lists',
  'jobAidFile.dateError': 'Type a date, for example 27/3/2026.',
  'jobAidFile.listError': 'Choose one of the options in the list.',
  'jobAidFile.yesError': 'Choose Yes, or leave the cell empty.',
} as const;
