import type en from '#src/i18n/en/quiz-integrity.ts';

export default {
  'quiz.integrity.untranslated':
    'Soalan ini belum diterjemahkan ke dalam Bahasa Malaysia, jadi ia dipaparkan dalam bahasa Inggeris.',
  'quiz.integrity.landingReviewLastAttempt':
    'Maklum balas bagi setiap soalan ditunjukkan setelah anda lulus atau telah menggunakan semua percubaan anda.',
  'quiz.integrity.landingReveal':
    'Sehingga anda lulus atau telah membuat {count, plural, other {# percubaan}}, maklum balas menunjukkan jawapan yang salah dan menerangkan idea di sebalik setiap soalan, tetapi bukan jawapan yang betul.',
  'quiz.integrity.resultReviewLastAttempt':
    'Maklum balas bagi setiap soalan ditunjukkan setelah anda lulus atau telah menggunakan semua percubaan anda. Markah anda tertera di atas.',
  'quiz.integrity.teachLead':
    'Semakan ini menunjukkan jawapan yang salah dan menerangkan idea di sebalik setiap soalan. Jawapan yang betul ditunjukkan setelah anda lulus atau selepas {count, plural, other {# percubaan}}.',
  'quiz.integrity.statsLead':
    'Kesukaran (p) ialah purata markah bagi soalan itu sebagai bahagian daripada markah penuh: 0.9 bermaksud pelajar memperoleh 90% daripada markahnya. Diskriminasi ialah korelasi biserial-titik antara markah bagi soalan itu dengan markah bagi bahagian lain percubaan: melebihi 0.2, soalan itu membezakan pelajar yang lebih kuat daripada yang lebih lemah dengan baik; hampir 0, ia tidak membezakan; di bawah 0, pelajar yang lebih lemah lebih berjaya menjawabnya. Selepas {draws} kali dipilih, soalan ditanda apabila p melebihi {high} atau di bawah {low}, atau diskriminasinya negatif: semak ayatnya, pilihan pengalihnya dan kunci jawapannya.',
  'quiz.integrity.colModule': 'Modul',
  'quiz.integrity.colDifficulty': 'Kesukaran (p)',
  'quiz.integrity.flagNegative': 'Diskriminasi negatif: semak kunci jawapan',
} satisfies Record<keyof typeof en, string>;
