import type en from '#src/i18n/en/languages.ts';

/** Kandungan dalam dua bahasa: nota teks asal, sumber pelajaran, edisi buku panduan, bahasa sijil. */
export default {
  'content.untranslated':
    'Bahagian ini belum diterjemahkan ke dalam Bahasa Malaysia, jadi ia dipaparkan dalam bahasa asalnya (bahasa Inggeris).',
  'content.untranslatedItems': 'Item bertanda “{marker}” belum diterjemahkan.',
  'content.untranslatedMarker': 'bahasa asal',
  'lesson.sourcesTitle': 'Sumber rujukan',
  'handbook.otherEdition': 'Muat turun edisi bahasa Inggeris (PDF, {size})',
  'certificates.language.label': 'Bahasa sijil',
  'certificates.language.hint':
    'Sijil mencetak tajuk kursus dan kata-katanya dalam bahasa ini, dan halaman pengesahannya memaparkannya.',
  'certificates.language.holder': 'Bahasa pilihan setiap pemegang',
  'certificates.language.holderOne': 'Bahasa pilihan pemegang ({language})',
  'certificates.language.en': 'Bahasa Inggeris',
  'certificates.language.ms': 'Bahasa Malaysia',
  'certificates.language.reissueHint':
    'Pilih bahasa yang satu lagi untuk memberikan sijil ini kepada pemegang dalam bahasa itu: sijil baharu mengambil tajuk kursus dan kata-katanya daripada kursus dalam bahasa itu.',
  'certificates.language.unavailable':
    'Kursus ini tidak lagi mempunyai kata-kata dalam bahasa itu: keluarkan semula sijil dalam bahasanya sendiri.',
  'certificates.language.field': 'Bahasa',
} satisfies Record<keyof typeof en, string>;
