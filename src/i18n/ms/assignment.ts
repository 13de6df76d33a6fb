import type en from '#src/i18n/en/assignment.ts';

export default {
  'assignment.crumb': 'Tugasan',
  'assignment.eyebrow': 'Kerja kes bernilai · dinilai oleh jurulatih',
  'assignment.itemLabel': 'Tugasan: {title}',
  'assignment.facts.time': 'Masa',
  'assignment.facts.timeValue': 'Kira-kira {hours} jam',
  'assignment.facts.submissions': 'Penghantaran',
  'assignment.facts.submissionsValue': '{used} daripada {allowed} telah digunakan',
  'assignment.facts.pass': 'Untuk lulus',
  'assignment.facts.passValue': 'Setiap kriteria sekurang-kurangnya “{level}”',
  'assignment.facts.passPoints': 'Setiap kriteria sekurang-kurangnya “{level}”, dan {points} mata atau lebih',
  'assignment.briefTitle': 'Tugasan anda',
  'assignment.partsTitle': 'Jawapan anda',
  'assignment.rubricTitle': 'Cara kerja anda dinilai',
  'assignment.rubricCaption': 'Rubrik: gambaran setiap tahap bagi setiap kriteria',
  'assignment.rubricCriterion': 'Kriteria',
  'assignment.rubricPoints': '{points} mata',
  'assignment.rubricPoint': '1 mata',
  'assignment.rubricEvidence': 'Dinilai daripada: {parts}',
  'assignment.yourLevel': 'Tahap anda',
  'assignment.historyTitle': 'Penghantaran terdahulu',
  'assignment.historyItem': 'Penghantaran {number}, {date}',

  'assignment.status.not-started': 'Belum dimulakan',
  'assignment.status.draft': 'Draf',
  'assignment.status.submitted': 'Menunggu penilaian',
  'assignment.status.returned': 'Dikembalikan: ubah dan hantar semula',
  'assignment.status.passed': 'Lulus',
  'assignment.status.not-passed': 'Tidak lulus',

  'assignment.statusLead.draft':
    'Jawapan anda disimpan sebagai draf. Tiada sesiapa melihatnya sehingga anda menghantarnya.',
  'assignment.statusLead.submitted':
    'Anda menghantar tugasan ini pada {date}. Seorang jurulatih akan menilainya berdasarkan rubrik; keputusannya akan dipaparkan di sini dan di papan pemuka anda.',
  'assignment.statusLead.returned':
    'Seorang jurulatih mengembalikan kerja anda pada {date}. Baca ulasan di bawah, ubah jawapan anda dan hantar semula. Anda masih boleh menghantar {left, plural, other {# kali lagi}}.',
  'assignment.statusLead.passed': 'Seorang jurulatih menilai kerja anda sebagai lulus pada {date}. Syabas.',
  'assignment.statusLead.not-passed':
    'Penghantaran terakhir anda tidak lulus dan tiada lagi peluang menghantar semula. Hubungi jurulatih anda untuk berbincang tentang langkah seterusnya.',

  'assignment.notice.saved': 'Draf anda telah disimpan.',
  'assignment.notice.attached': 'Fail itu telah dilampirkan dan draf anda telah disimpan.',
  'assignment.notice.submitted':
    'Telah dihantar untuk dinilai. Keputusannya akan dipaparkan di sini dan di papan pemuka anda sebaik sahaja jurulatih selesai menilai.',
  'assignment.notice.removed': 'Fail itu telah dikeluarkan daripada draf anda.',
  'assignment.notice.staffPreview':
    'Pratonton kakitangan: pelajar menjawab bahagian di bawah pada halaman ini. Nilai kerja yang dihantar melalui baris gilir penilaian.',
  'assignment.notice.markingLink': 'Buka baris gilir penilaian',

  'assignment.part.words': '{min} hingga {max} patah perkataan',
  'assignment.part.wordCount': '{count} patah perkataan',
  'assignment.part.reflection': 'Renungan',
  'assignment.part.fileHint':
    'PDF sahaja, sehingga 10 MB. Isi borang, simpan, kemudian pilih fail yang telah disimpan.',
  'assignment.part.blank': 'Muat turun borang kosong: {title}',
  'assignment.part.current': 'Dilampirkan: {name} ({size}, {date})',
  'assignment.part.chooseFile': 'Pilih PDF untuk “{title}”',
  'assignment.part.replaceFile': 'Gantikan PDF untuk “{title}”',
  'assignment.part.removeFile': 'Keluarkan fail ini',
  'assignment.part.download': 'Muat turun {name}',
  'assignment.part.noAnswer': 'Tiada jawapan.',
  'assignment.part.noFile': 'Tiada fail.',

  'assignment.save': 'Simpan draf',
  'assignment.submit': 'Hantar untuk dinilai',
  'assignment.submitHint':
    'Semak setiap bahagian dahulu: setelah dihantar, kerja anda tidak boleh diubah melainkan jurulatih mengembalikannya.',
  'assignment.autosave.saving': 'Sedang menyimpan…',
  'assignment.autosave.saved': 'Draf disimpan pada {time}',
  'assignment.autosave.failed':
    'Draf anda tidak dapat disimpan. Semak sambungan anda; gunakan Simpan draf untuk mencuba lagi.',
  'assignment.upload.uploading': 'Sedang memuat naik {name}…',
  'assignment.upload.failed': 'Fail itu tidak dapat dimuat naik. Semak sambungan anda dan cuba lagi.',

  'assignment.errors.title': 'Terdapat masalah dengan kerja anda',
  'assignment.error.missing': '“{part}”: tulis jawapan anda.',
  'assignment.error.too-short':
    '“{part}”: tulis sekurang-kurangnya {min} patah perkataan (anda menulis {words}).',
  'assignment.error.too-long':
    '“{part}”: pendekkan jawapan anda kepada {max} patah perkataan atau kurang (anda menulis {words}).',
  'assignment.error.no-file': '“{part}”: lampirkan PDF yang telah diisi.',
  'assignment.error.file.empty':
    '“{part}”: fail itu kosong. Simpan semula PDF yang telah diisi dan lampirkan salinan itu.',
  'assignment.error.file.too-big':
    '“{part}”: fail itu melebihi 10 MB. Simpan dengan gambar yang lebih kecil, atau cetak ke PDF baharu, dan lampirkan fail itu.',
  'assignment.error.file.executable':
    '“{part}”: fail ini ialah program atau arkib, bukan PDF, walau apa pun namanya. Lampirkan PDF yang telah diisi.',
  'assignment.error.file.not-pdf':
    '“{part}”: fail ini bukan PDF. Simpan atau eksport dokumen anda sebagai PDF dan lampirkan fail itu.',
  'assignment.error.file.damaged':
    '“{part}”: PDF itu tidak dapat dibaca. Simpan semula daripada pembaca PDF anda dan lampirkan salinan baharu.',
  'assignment.error.file.encrypted':
    '“{part}”: PDF itu dilindungi kata laluan. Simpan salinan tanpa kata laluan dan lampirkan salinan itu.',
  'assignment.error.file.active-content':
    '“{part}”: PDF itu mengandungi JavaScript atau kandungan aktif lain, yang tidak diterima. Cetak ke PDF baharu (“Simpan sebagai PDF”) dan lampirkan salinan itu.',
  'assignment.error.not-editable':
    'Kerja ini telah dihantar, jadi ia tidak boleh diubah sekarang. Jawapan anda yang disimpan dipaparkan di bawah.',
  'assignment.error.no-submissions-left':
    'Anda telah menggunakan semua peluang penghantaran bagi tugasan ini. Hubungi jurulatih anda untuk berbincang tentang langkah seterusnya.',
  'assignment.error.not-enrolled': 'Daftar dalam kursus ini untuk membuat tugasan ini.',
  'assignment.error.locked': 'Tugasan ini dibuka setelah anda menamatkan modul sebelumnya.',
  'assignment.error.staff': 'Kakitangan tidak menghantar kerja; pelajar yang menghantarnya.',
  'assignment.error.not-found': 'Tugasan ini tidak ditemui. Kembali ke halaman kursus dan cuba lagi.',
  'assignment.error.signIn':
    'Sesi anda tamat sebelum kerja disimpan. Log masuk semula; draf terakhir yang disimpan masih ada.',

  'marking.title': 'Penilaian',
  'marking.lead':
    'Kerja kes pelajar, yang paling lama dahulu. Tuntut sesuatu penghantaran untuk menilainya: semasa anda menilai, tiada orang lain boleh berbuat demikian.',
  'marking.staffLink': 'Penilaian',
  'marking.staffLinkCount': 'Penilaian ({count} menunggu)',
  'marking.staffDescription':
    'Nilai kerja kes bernilai pelajar berdasarkan rubriknya: luluskan atau kembalikan dengan ulasan.',
  'marking.waitingCount': '{count} menunggu penilaian',
  'marking.filter.status': 'Tunjukkan',
  'marking.filter.course': 'Kursus',
  'marking.filter.employer': 'Majikan',
  'marking.filter.any': 'Semua',
  'marking.filter.apply': 'Tunjukkan',
  'marking.queue.waiting': 'Menunggu penilaian',
  'marking.queue.mine': 'Dituntut oleh saya',
  'marking.queue.returned': 'Dikembalikan',
  'marking.queue.passed': 'Lulus',
  'marking.queue.not-passed': 'Tidak lulus',
  'marking.queue.all': 'Semua kerja yang dihantar',
  'marking.col.learner': 'Pelajar',
  'marking.col.employer': 'Majikan',
  'marking.col.course': 'Kursus',
  'marking.col.assignment': 'Tugasan',
  'marking.col.attempt': 'Penghantaran',
  'marking.col.submitted': 'Dihantar',
  'marking.col.status': 'Status',
  'marking.claimedBy': 'Sedang dinilai oleh {name} sehingga {time}',
  'marking.claimedByMe': 'Anda sedang menilai ini (sehingga {time})',
  'marking.empty':
    'Tiada apa-apa di sini. Kerja yang dihantar oleh pelajar dipaparkan dalam senarai ini, yang paling lama dahulu.',
  'marking.tableLabel': 'Penghantaran',
  'marking.pageOf': 'Halaman {page} daripada {pages}',
  'marking.previous': 'Halaman sebelumnya',
  'marking.next': 'Halaman seterusnya',
  'marking.noEmployer': 'Tiada majikan',

  'marking.open.crumb': 'Penghantaran',
  'marking.open.heading': '{assignment}: {learner}',
  'marking.open.attempt': 'Penghantaran {number} daripada {allowed}',
  'marking.open.submitted': 'Dihantar pada {date}',
  'marking.claim.start': 'Mula menilai',
  'marking.claim.lead':
    'Tuntut penghantaran ini supaya tiada orang lain menilainya pada masa yang sama. Tuntutan ini sah selama 30 minit dan diperbaharui setiap kali anda menyimpan.',
  'marking.claim.release': 'Berhenti menilai dan lepaskan',
  'marking.claim.other':
    '{name} sedang menilai ini sehingga {time}. Anda boleh membacanya; anda boleh menilainya setelah dia melepaskannya atau tuntutan itu tamat.',
  'marking.claim.mine': 'Anda sedang menilai ini sehingga {time}.',
  'marking.claim.lost':
    'Orang lain telah menuntut penghantaran ini, atau keputusan telah pun dibuat. Tiada apa-apa yang diubah.',
  'marking.claim.notWaiting': 'Kerja ini tidak menunggu penilaian.',
  'marking.answersTitle': 'Jawapan pelajar',
  'marking.viewerTitle': 'PDF: {name}',
  'marking.openPdf': 'Buka {name} dalam tab baharu',
  'marking.fieldsSummary': 'Medan yang diisi dalam PDF ini ({count})',
  'marking.fieldsEmpty':
    'PDF ini tiada medan borang (mungkin telah dicetak atau diimbas): baca dalam pemapar.',
  'marking.fieldYes': 'Ditanda',
  'marking.fieldBlank': '(kosong)',
  'marking.viewerNote':
    'Jika PDF tidak dipaparkan di sini (sesetengah telefon dan pelayar tidak memaparkan PDF dalam halaman), buka dalam tab baharu atau muat turun.',
  'marking.formTitle': 'Markah',
  'marking.levelLegend': '{criterion}: tahap',
  'marking.commentLabel': 'Ulasan tentang “{criterion}”',
  'marking.commentHint': 'Perlu diisi apabila tahapnya di bawah tahap lulus: nyatakan apa yang perlu diubah.',
  'marking.overallLabel': 'Ulasan keseluruhan kepada pelajar',
  'marking.overallHint': 'Perlu diisi apabila anda mengembalikan kerja atau kerja itu tidak lulus.',
  'marking.decisionLegend': 'Keputusan',
  'marking.decision.pass': 'Lulus',
  'marking.decision.return': 'Kembalikan untuk dihantar semula',
  'marking.decision.not-passed': 'Tidak lulus (tiada lagi peluang menghantar semula)',
  'marking.decisionHint':
    '{left, plural, =0 {Pelajar ini tiada lagi peluang menghantar semula.} other {Pelajar ini masih boleh menghantar semula # kali.}}',
  'marking.saveMarks': 'Simpan markah',
  'marking.decide': 'Rekodkan keputusan',
  'marking.summary': 'Skor {score} daripada {max}.',
  'marking.summaryPasses': 'Setiap kriteria memenuhi peraturan lulus.',
  'marking.summaryFails': 'Belum semua kriteria memenuhi peraturan lulus.',
  'marking.saved': 'Markah disimpan. Anda masih menilai penghantaran ini.',
  'marking.decided.pass': 'Keputusan direkodkan: lulus. Pelajar dapat melihat keputusannya sekarang.',
  'marking.decided.return':
    'Keputusan direkodkan: dikembalikan untuk dihantar semula. Pelajar dapat melihat ulasan anda sekarang.',
  'marking.decided.not-passed': 'Keputusan direkodkan: tidak lulus.',
  'marking.errors.title': 'Markah belum boleh direkodkan',
  'marking.error.decision.missing': 'Pilih keputusan.',
  'marking.error.decision.rule-not-met':
    'Belum semua kriteria memenuhi peraturan lulus, jadi kerja ini tidak boleh diluluskan: kembalikan kerja ini.',
  'marking.error.decision.rule-met':
    'Setiap kriteria memenuhi peraturan lulus, jadi kerja ini lulus: pilih Lulus.',
  'marking.error.decision.no-resubmissions-left':
    'Pelajar ini tiada lagi peluang menghantar semula: pilih Tidak lulus, atau Lulus jika kerja itu memenuhi peraturan.',
  'marking.error.decision.resubmissions-left':
    'Pelajar ini masih boleh menghantar semula: kembalikan kerja ini.',
  'marking.error.level.missing': '“{criterion}”: pilih tahap.',
  'marking.error.comment.needed': '“{criterion}”: nyatakan apa yang perlu diubah oleh pelajar.',
  'marking.error.comment.too-long': '“{criterion}”: pendekkan ulasan kepada 4,000 aksara.',
  'marking.error.overall.needed':
    'Tulis ulasan keseluruhan yang memberitahu pelajar apa yang perlu dilakukan seterusnya.',
  'marking.error.overall.too-long': 'Pendekkan ulasan keseluruhan kepada 4,000 aksara.',
  'marking.decisionTitle': 'Keputusan',
  'marking.decidedBy': '{decision} oleh {marker} pada {date}. Skor {score} daripada {max}.',
  'marking.overallComment': 'Ulasan keseluruhan',
  'marking.allow.title': 'Benarkan satu lagi penghantaran',
  'marking.allow.lead':
    'Pelajar ini telah menggunakan semua peluang penghantaran. Selepas berbincang dengannya, anda boleh membenarkan satu lagi.',
  'marking.allow.reason': 'Sebab (disimpan dalam log audit)',
  'marking.allow.submit': 'Benarkan satu lagi penghantaran',
  'marking.allow.done': 'Pelajar ini boleh menghantar sekali lagi.',
  'marking.allow.reasonNeeded': 'Tulis sebab anda membenarkan satu lagi penghantaran.',
  'marking.contentChanged':
    'Fail tugasan telah berubah sejak kerja ini dihantar: semak sama ada rubrik masih sesuai.',

  'admin.audit.subject.submission': 'Penghantaran',
  'admin.audit.action.assignment-submitted': 'Tugasan dihantar',
  'admin.audit.action.assignment-passed': 'Tugasan lulus',
  'admin.audit.action.assignment-returned': 'Tugasan dikembalikan untuk dihantar semula',
  'admin.audit.action.assignment-not-passed': 'Tugasan tidak lulus',
  'admin.audit.action.assignment-resubmission-allowed': 'Satu lagi penghantaran dibenarkan',
} satisfies Record<keyof typeof en, string>;
