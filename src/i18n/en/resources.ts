export default {
  'resources.printablePage': 'Open the {title} as a printable page',
  'jobAid.print': 'Print this page',
  'jobAid.printHint':
    'To print this page, use your browser’s Print command: Ctrl+P, or Command+P on a Mac. On a phone, look for Print or Share in the browser’s menu.',
  'jobAid.notSaved':
    'What you type on this page is not saved or sent anywhere. Print the page before you close it, or use the fillable PDF to keep a copy on your device.',
  'jobAid.downloadPdf': 'Download the fillable PDF of the {title} ({size})',
  'jobAid.pdfNotYet': 'The fillable PDF is not available yet. You can still print this page.',
  'jobAid.howToUse': 'How to use this form',
  'jobAid.englishOnly': 'This form is in English.',
  'jobAid.dateHint': 'Day, month and year, for example 27/3/2026',
  'jobAid.notOfficial': 'RTW Academy template: not an official SOCSO form.',
  'jobAid.backToResources': 'Back to all resources',
  'jobAid.downloadSpreadsheet': 'Download the {title} as a spreadsheet (Excel, {size})',
  'jobAid.bilingualPdf':
    'The PDF has the form in Bahasa Malaysia and English, as the personal data notice must be in both.',
} as const;
