import type en from '#src/i18n/en/resources.ts';

export default {
  'resources.printablePage': 'Buka {title} sebagai halaman boleh cetak',
  'jobAid.print': 'Cetak halaman ini',
  'jobAid.printHint':
    'Untuk mencetak halaman ini, gunakan arahan Cetak pada pelayar anda: Ctrl+P, atau Command+P pada Mac. Pada telefon, cari Cetak atau Kongsi dalam menu pelayar.',
  'jobAid.notSaved':
    'Apa yang anda taip di halaman ini tidak disimpan atau dihantar ke mana-mana. Cetak halaman sebelum anda menutupnya, atau gunakan PDF boleh isi untuk menyimpan salinan pada peranti anda.',
  'jobAid.downloadPdf': 'Muat turun PDF boleh isi bagi {title} ({size})',
  'jobAid.pdfNotYet': 'PDF boleh isi belum tersedia. Anda masih boleh mencetak halaman ini.',
  'jobAid.howToUse': 'Cara menggunakan borang ini',
  'jobAid.englishOnly': 'Borang ini dalam bahasa Inggeris.',
  'jobAid.dateHint': 'Hari, bulan dan tahun, contohnya 27/3/2026',
  'jobAid.notOfficial': 'Templat RTW Academy: bukan borang rasmi PERKESO.',
  'jobAid.backToResources': 'Kembali ke semua sumber',
  'jobAid.downloadSpreadsheet': 'Muat turun {title} sebagai hamparan (Excel, {size})',
  'jobAid.bilingualPdf':
    'PDF ini mengandungi borang dalam Bahasa Malaysia dan bahasa Inggeris, kerana notis data peribadi mesti dalam kedua-dua bahasa.',
} satisfies Record<keyof typeof en, string>;
