import type en from '#src/i18n/en/job-aid-files.ts';

export default {
  'jobAidFile.kind': 'Alat bantu kerja',
  'jobAidFile.howToFill': 'Cara mengisi borang ini',
  'jobAidFile.dateFormat': 'HH/BB/TTTT',
  'jobAidFile.chooseOne': 'Pilih satu: {options}',
  'jobAidFile.signatureHint': 'Tandatangan di atas kertas, atau taip nama penuh anda',
  'jobAidFile.notOfficial': 'Templat RTW Academy — bukan borang rasmi PERKESO',
  'jobAidFile.page': 'Halaman {page} daripada {pages}',
  'jobAidFile.keywords': 'alat bantu kerja; kembali bekerja',
  'jobAidFile.yes': 'Ya',
  'jobAidFile.sheetInstructions': 'Cara mengisi',
  'jobAidFile.sheetLists': 'Senarai',
  'jobAidFile.dateError': 'Taip tarikh, contohnya 27/3/2026.',
  'jobAidFile.listError': 'Pilih salah satu pilihan dalam senarai.',
  'jobAidFile.yesError': 'Pilih Ya, atau biarkan sel kosong.',
} satisfies Record<keyof typeof en, string>;
