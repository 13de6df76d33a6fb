import type en from '#src/i18n/en/certificates.ts';

export default {
  'certificates.holder': 'Pemegang',
  'certificates.course': 'Kursus',
  'certificates.certificate': 'Sijil',
  'certificates.employer': 'Majikan',
  'certificates.cpdHours': 'Jam CPD',
  'certificates.issued': 'Dikeluarkan',
  'certificates.validUntil': 'Sah sehingga',
  'certificates.expiredOn': 'Tamat tempoh pada',
  'certificates.noExpiry': 'Tiada tarikh luput',
  'certificates.serial': 'Nombor siri',
  'certificates.code': 'Kod pengesahan',
  'certificates.issuer': 'Dikeluarkan oleh',
  'certificates.errorPrefix': 'Ralat:',
  'certificates.copy': 'Salin pautan',
  'certificates.copied': 'Pautan disalin.',
  'certificates.copyFailed': 'Tidak dapat menyalin. Pilih pautan itu dan salin sendiri.',

  'certificates.status.valid': 'Sah',
  'certificates.status.expiring': 'Akan tamat tempoh',
  'certificates.status.expired': 'Tamat tempoh',
  'certificates.status.revoked': 'Dibatalkan',
  'certificates.status.superseded': 'Diganti',

  'certificates.mode.auto': 'semasa tamat kursus',
  'certificates.mode.approval': 'diluluskan oleh pentadbir',
  'certificates.mode.renewal': 'pembaharuan',
  'certificates.mode.exception': 'pengecualian',
  'certificates.mode.reissue': 'salinan yang dibetulkan',

  'certificates.name.required': 'Masukkan nama yang akan dicetak pada sijil.',
  'certificates.name.tooLong': 'Nama terlalu panjang. Gunakan 120 aksara atau kurang.',
  'certificates.name.invalid':
    'Nama mengandungi aksara yang tidak dibenarkan. Taip semula tanpa aksara kawalan.',
  'certificates.name.unprintable':
    'Fon sijil tidak dapat mencetak aksara ini: {characters}. Semak ejaan, atau tulis nama dalam tulisan Rumi, Cina atau Tamil.',

  'certificates.pdf.programme': 'Program Latihan Penyelaras Kembali Bekerja',
  'certificates.pdf.defaultTitle': 'Sijil Tamat Kursus',
  'certificates.pdf.defaultSignatoryTitle': 'Pengarah Program',

  'certificates.learner.download': 'Muat turun sijil (PDF)',
  'certificates.learner.verifyLink': 'Pautan pengesahan',
  'certificates.learner.verifyHint':
    'Kongsi pautan ini dengan majikan atau juruaudit. Pautan ini menunjukkan bahawa sijil anda tulen, dengan nama anda, kursus dan tarikhnya. E-mel anda tidak ditunjukkan.',
  'certificates.learner.copyLabel': 'Salin pautan pengesahan bagi {course}',
  'certificates.learner.expiresSoon': 'Sijil ini akan tamat tempoh dalam {days} hari, pada {date}.',
  'certificates.learner.expired': 'Sijil ini telah tamat tempoh pada {date}.',
  'certificates.learner.renewHow':
    'Untuk memperbaharuinya, ambil semula penilaian akhir dan lulus. Anda akan menerima sijil baharu.',
  'certificates.learner.renew': 'Perbaharui: ambil penilaian akhir',
  'certificates.learner.reenrol': 'Daftar semula untuk memperbaharui',
  'certificates.learner.revoked':
    'Sijil ini telah dibatalkan pada {date} dan tidak sah lagi. Jika anda rasa ini satu kesilapan, hubungi pentadbir latihan anda.',

  'certificates.verify.title': 'Semak sijil',
  'certificates.verify.lead':
    'Taip kod pengesahan yang dicetak pada sijil RTW Academy, di bawah kod QR, untuk melihat sama ada sijil itu tulen dan masih sah.',
  'certificates.verify.codeLabel': 'Kod pengesahan',
  'certificates.verify.codeHint':
    '20 huruf dan nombor, contohnya 7KQ9-M2XH-4TPA-ZB8N-C3WD. Huruf besar, jarak dan tanda sempang tidak penting.',
  'certificates.verify.submit': 'Semak sijil',
  'certificates.verify.required': 'Masukkan kod pengesahan yang dicetak pada sijil.',
  'certificates.verify.malformed':
    'Itu bukan kod pengesahan. Kod mempunyai 20 huruf dan nombor, dan tidak pernah menggunakan huruf O, I, L atau U atau digit 0 dan 1. Semak apa yang anda taip.',
  'certificates.verify.notFound':
    'Tiada sijil yang mempunyai kod ini. Semak kod pada sijil dan taip semula. Jika masih tidak sepadan, sijil itu mungkin tidak tulen.',
  'certificates.verify.notFoundTitle': 'Sijil tidak dijumpai',
  'certificates.verify.throttled':
    'Terlalu banyak kod yang tidak sepadan dengan mana-mana sijil telah disemak dari rangkaian anda. Tunggu {minutes} minit, kemudian cuba lagi.',
  'certificates.verify.throttledTitle': 'Terlalu banyak semakan',
  'certificates.verify.resultTitle': 'Semakan sijil',
  'certificates.verify.valid': 'Sijil ini tulen dan sah.',
  'certificates.verify.expired': 'Sijil ini tulen, tetapi telah tamat tempoh pada {date}.',
  'certificates.verify.revoked': 'Sijil ini telah dibatalkan pada {date}. Sijil ini tidak sah lagi.',
  'certificates.verify.superseded':
    'Sijil ini telah diganti dengan sijil yang lebih baharu pada {date}, contohnya untuk membetulkan nama. Minta sijil baharu daripada pemegangnya.',
  'certificates.verify.privacy':
    'Halaman ini hanya menunjukkan apa yang tertera pada sijil. E-mel atau butiran peribadi lain pemegang tidak pernah ditunjukkan.',
  'certificates.verify.another': 'Semak sijil lain',
  'certificates.verify.bySerialTitle': 'Tiada kod? Semak melalui nombor siri',
  'certificates.verify.bySerialLead':
    'Taipkan nombor siri yang dicetak pada sijil dan nama keluarga atau nama bapa pemegang sijil.',
  'certificates.verify.serialLabel': 'Nombor siri',
  'certificates.verify.serialHint': 'Contohnya RTW-2024-000002.',
  'certificates.verify.nameLabel': 'Nama keluarga atau nama bapa pemegang sijil',
  'certificates.verify.nameHint':
    'Seperti yang dicetak pada sijil, contohnya Abdullah atau Tan. Huruf besar dan tanda diakritik tidak diambil kira.',
  'certificates.verify.serialRequired': 'Masukkan nombor siri yang dicetak pada sijil.',
  'certificates.verify.serialMalformed':
    'Itu bukan nombor siri. Nombor siri berbentuk RTW-2024-000002. Semak apa yang anda taipkan.',
  'certificates.verify.nameRequired':
    'Masukkan nama keluarga atau nama bapa pemegang seperti yang dicetak pada sijil.',
  'certificates.verify.notFoundBySerial':
    'Tiada sijil yang sepadan dengan nombor siri dan nama ini. Semak kedua-duanya dengan sijil dan taipkan semula. Jika masih tidak sepadan, sijil itu mungkin tidak tulen.',
  'certificates.verify.submitSerial': 'Semak melalui nombor siri',

  'certificates.staffLink': 'Meja sijil',
  'certificates.staffDescription':
    'Keluarkan sijil kepada pelajar yang telah tamat kursus, batalkan atau betulkan sijil, dan muat turun sijil dalam satu fail ZIP.',

  'certificates.desk.title': 'Meja sijil',
  'certificates.desk.navLabel': 'Meja sijil',
  'certificates.desk.navQueue': 'Menunggu sijil',
  'certificates.desk.navIssued': 'Sijil yang dikeluarkan',
  'certificates.desk.navException': 'Keluarkan secara pengecualian',
  'certificates.desk.navAudit': 'Log audit sijil',
  'certificates.desk.countsLabel': 'Ringkasan sijil',
  'certificates.desk.countWaiting': 'menunggu',
  'certificates.desk.countWaitingOnEmail': 'layak, menunggu pelajar mengesahkan alamat e-mel mereka',
  'certificates.desk.countExpiring': 'Akan tamat tempoh',
  'certificates.desk.countExpiringWithin': 'Tamat tempoh dalam {days} hari',
  'certificates.window.label': 'Kira sijil yang akan tamat tempoh dalam',
  'certificates.window.days': '{days} hari',
  'certificates.desk.issuedNotice': '{count} sijil telah dikeluarkan.',
  'certificates.desk.issuedOneNotice': 'Sijil telah dikeluarkan.',
  'certificates.desk.seeIssued': 'Lihat sijil yang dikeluarkan',
  'certificates.desk.bulkReport': '{issued} sijil telah dikeluarkan. {refused} tidak dapat dikeluarkan:',
  'certificates.desk.bulkFailed':
    'Pengeluaran terhenti kerana pelayan tidak dapat dihubungi. Muat semula halaman untuk melihat apa yang telah dikeluarkan, kemudian cuba lagi.',
  'certificates.desk.progress': '{done} daripada {total} dikeluarkan',
  'certificates.desk.refresh': 'Muat semula senarai',
  'certificates.desk.noneSelected': 'Pilih sekurang-kurangnya seorang pelajar untuk menerima sijil.',
  'certificates.desk.tooMany': 'Pilih {max} pelajar atau kurang pada satu masa.',
  'certificates.desk.queueTitle': 'Menunggu sijil',
  'certificates.desk.queueLead':
    'Pelajar yang telah tamat kursus yang memberi sijil, yang paling awal tamat dahulu. Pembaharuan ialah pelajar yang sijilnya akan tamat tempoh dalam 60 hari (atau telah tamat tempoh) dan telah lulus semula penilaian akhir.',
  'certificates.desk.queueEmpty': 'Tiada sesiapa yang menunggu sijil.',
  'certificates.desk.queueEmptyFiltered':
    'Tiada sesiapa yang sepadan dengan penapis ini. Kosongkan penapis untuk melihat semua yang menunggu.',
  'certificates.desk.queueCount': '{count} menunggu.',
  'certificates.desk.queueCountLimited':
    'Menunjukkan {shown} yang pertama daripada {total} yang menunggu. Tapis mengikut kursus atau majikan untuk melihat selebihnya.',
  'certificates.desk.bulkLead':
    'Tandakan pelajar di bawah, kemudian keluarkan sijil mereka serentak (sehingga {max} pada satu masa). Setiap sijil mendapat nombor siri dan kod pengesahannya sendiri.',
  'certificates.desk.selectAll': 'Pilih semua yang ditunjukkan',
  'certificates.desk.select': 'Pilih',
  'certificates.desk.selectOne': 'Pilih {name}, {course}',
  'certificates.desk.issueSelected': 'Keluarkan sijil yang dipilih',
  'certificates.desk.issueOne': 'Keluarkan',
  'certificates.desk.learner': 'Pelajar',
  'certificates.desk.completedOn': 'Tamat',
  'certificates.desk.action': 'Tindakan',
  'certificates.desk.renewal': 'Pembaharuan',
  'certificates.desk.autoPending': 'Dikeluarkan secara automatik, tetapi belum dapat dikeluarkan.',
  'certificates.desk.unprintable':
    'Tidak dapat dikeluarkan: fon sijil tidak dapat mencetak {characters} dalam nama ini. Betulkan nama dalam akaun pelajar, atau gunakan Keluarkan secara pengecualian dengan ejaan yang boleh dicetak.',
  'certificates.desk.allCourses': 'Semua kursus',
  'certificates.desk.allEmployers': 'Semua majikan',
  'certificates.desk.allStatuses': 'Semua status',
  'certificates.desk.filter': 'Guna penapis',
  'certificates.desk.clearFilters': 'Kosongkan penapis',
  'certificates.desk.status': 'Status',
  'certificates.desk.search': 'Cari',
  'certificates.desk.searchHint':
    'Nama, e-mel, nombor siri atau kod pengesahan, atau sebahagian daripadanya.',
  'certificates.desk.issuedTitle': 'Sijil yang dikeluarkan',
  'certificates.desk.issuedCount': '{count} sijil sepadan.',
  'certificates.desk.issuedEmpty':
    'Tiada sijil yang sepadan. Kosongkan penapis, atau keluarkan sijil daripada senarai menunggu.',
  'certificates.desk.zipLead':
    'Tandakan sijil untuk memuat turunnya dalam satu fail ZIP. Jika tiada yang ditandakan, fail ZIP mengandungi setiap sijil yang sepadan dengan penapis (sehingga {max}).',
  'certificates.desk.zipDownload': 'Muat turun sebagai ZIP',
  'certificates.desk.csvDownload': 'Muat turun senarai ini sebagai CSV',
  'certificates.desk.selectForZip': 'Pilih untuk ZIP',
  'certificates.desk.selectSerial': 'Pilih {serial}',
  'certificates.desk.pagination': 'Halaman',
  'certificates.desk.previous': 'Halaman sebelumnya',
  'certificates.desk.next': 'Halaman seterusnya',
  'certificates.desk.pageOf': 'Halaman {page} daripada {pages}',
  'certificates.desk.detailTitle': 'Sijil {serial}',
  'certificates.desk.account': 'Akaun',
  'certificates.desk.issuedBy': 'oleh {name}',
  'certificates.desk.issuedAutomatically': 'secara automatik, semasa tamat kursus',
  'certificates.desk.verifyPage': 'Semakan awam',
  'certificates.desk.exceptionReason': 'Dikeluarkan secara pengecualian kerana',
  'certificates.desk.revokedOn': 'Dibatalkan',
  'certificates.desk.replacedBy': 'Diganti oleh',
  'certificates.desk.replaces': 'Menggantikan',
  'certificates.desk.downloadPdf': 'Muat turun PDF',
  'certificates.desk.reason': 'Sebab',
  'certificates.desk.reissueTitle': 'Keluarkan semula sijil ini',
  'certificates.desk.reissueLead':
    'Gunakan ini untuk membetulkan sijil, contohnya nama yang salah eja. Sijil baharu mendapat nombor siri dan kod baharu, dengan kursus, jam CPD dan tarikh luput yang sama, dan sijil ini akan ditunjukkan sebagai diganti.',
  'certificates.desk.reissueName': 'Nama untuk dicetak',
  'certificates.desk.reissueNameHint':
    'Nama dalam akaun pelajar ialah {name}. Biarkan, atau taip nama yang dibetulkan.',
  'certificates.desk.reissueReasonHint':
    'Sebab sijil dikeluarkan semula, untuk log audit. Contohnya: "Nama salah eja, pelajar memohon pada 3 Mac".',
  'certificates.desk.reissueReasonRequired': 'Masukkan sebab sijil dikeluarkan semula.',
  'certificates.desk.reissueRevoked':
    'Sijil yang dibatalkan tidak boleh dikeluarkan semula. Keluarkan sijil baharu secara pengecualian jika wajar.',
  'certificates.desk.reissueSuperseded':
    'Sijil ini telah diganti. Buka sijil yang terbaharu untuk mengubahnya.',
  'certificates.desk.reissueSubmit': 'Keluarkan semula sijil',
  'certificates.desk.reissuedNotice':
    'Sijil yang dibetulkan telah dikeluarkan. Sijil lama kini ditunjukkan sebagai diganti.',
  'certificates.desk.revokeTitle': 'Batalkan sijil ini',
  'certificates.desk.revokeLead':
    'Batalkan sijil yang sepatutnya tidak dikeluarkan atau tidak boleh dipercayai lagi. Sesiapa yang menyemaknya akan melihat bahawa sijil itu telah dibatalkan. Tindakan ini tidak boleh dibuat asal.',
  'certificates.desk.revokeReasonHint':
    'Sebab sijil dibatalkan, untuk log audit. Halaman semakan awam tidak menunjukkannya.',
  'certificates.desk.revokeReasonRequired': 'Masukkan sebab sijil dibatalkan.',
  'certificates.desk.alreadyRevoked': 'Sijil ini sudah dibatalkan.',
  'certificates.desk.revokeSuperseded': 'Sijil ini telah diganti. Batalkan sijil yang terbaharu.',
  'certificates.desk.revokeSubmit': 'Batalkan sijil',
  'certificates.desk.revokeConfirmTitle': 'Batalkan sijil {serial}?',
  'certificates.desk.revokeConfirmLead':
    'Anda akan membatalkan sijil {holder} bagi {course}. Sesiapa yang menyemaknya akan melihat bahawa sijil ini telah dibatalkan, dan pemegangnya akan dimaklumkan melalui e-mel. Tindakan ini tidak boleh dibuat asal.',
  'certificates.desk.revokeConfirmSubmit': 'Ya, batalkan sijil ini',
  'certificates.desk.revokeCancel': 'Tidak, kekalkan sijil',
  'certificates.desk.revokedNotice':
    'Sijil telah dibatalkan. Halaman semakan awamnya kini menyatakan demikian.',
  'certificates.desk.notFound': 'Sijil itu tidak wujud lagi. Kembali ke sijil yang dikeluarkan.',
  'certificates.desk.historyTitle': 'Sejarah',
  'certificates.desk.auditTitle': 'Log audit sijil',
  'certificates.desk.auditLead':
    'Setiap sijil yang dikeluarkan, dikeluarkan semula, diganti atau dibatalkan: siapa yang melakukannya, bila dan mengapa.',

  'certificates.desk.fullAuditLink': 'Cari dalam log audit penuh (sijil sahaja), mengikut orang dan tarikh',
  'certificates.audit.when': 'Bila',
  'certificates.audit.what': 'Apa yang berlaku',
  'certificates.audit.who': 'Oleh',
  'certificates.audit.why': 'Sebab',
  'certificates.audit.system': 'Sistem',
  'certificates.audit.issued': 'Dikeluarkan',
  'certificates.audit.reissued': 'Dikeluarkan semula',
  'certificates.audit.superseded': 'Diganti',
  'certificates.audit.revoked': 'Dibatalkan',
  'certificates.audit.allActions': 'Semua',
  'certificates.audit.count': 'Catatan: {count}.',
  'certificates.audit.empty': 'Belum ada apa-apa yang direkodkan.',

  'certificates.exception.title': 'Keluarkan sijil secara pengecualian',
  'certificates.exception.lead':
    'Keluarkan sijil kepada seseorang yang tidak menamatkan kursus di platform ini, contohnya peserta program latihan bersemuka.',
  'certificates.exception.note':
    'Orang itu perlu mempunyai akaun. Sebab yang anda berikan disimpan bersama sijil dan dalam log audit.',
  'certificates.exception.email': 'Alamat e-mel akaun',
  'certificates.exception.emailHint':
    'Sijil diberikan kepada akaun ini; pemegangnya boleh memuat turunnya dari papan pemuka mereka.',
  'certificates.exception.emailRequired': 'Masukkan alamat e-mel akaun orang itu.',
  'certificates.exception.emailNotFound':
    'Tiada akaun dengan alamat e-mel ini. Semak alamat itu, atau minta orang itu mendaftar dahulu.',
  'certificates.exception.chooseCourse': 'Pilih kursus',
  'certificates.exception.courseRequired': 'Pilih kursus bagi sijil ini.',
  'certificates.exception.noRule': 'Kursus ini tidak memberi sijil. Pilih kursus lain.',
  'certificates.exception.alreadyCertified':
    'Orang ini sudah memegang sijil yang sah bagi kursus ini. Untuk membetulkannya, buka sijil itu daripada senarai sijil yang dikeluarkan dan keluarkan semula.',
  'certificates.exception.holderName': 'Nama untuk dicetak (pilihan)',
  'certificates.exception.holderNameHint': 'Biarkan kosong untuk mencetak nama dalam akaun orang itu.',
  'certificates.exception.reasonHint':
    'Sebab orang ini menerima sijil tanpa menamatkan kursus dalam talian. Contohnya: "Menghadiri program bersemuka di Shah Alam, 12–14 Mei".',
  'certificates.exception.reasonRequired': 'Masukkan sebab sijil dikeluarkan secara pengecualian.',
  'certificates.exception.submit': 'Keluarkan sijil',

  'certificates.refusal.course-not-found': 'kursus itu tidak wujud lagi',
  'certificates.refusal.no-certificate-rule': 'kursus itu tidak memberi sijil',
  'certificates.refusal.not-completed': 'pelajar belum menamatkan kursus',
  'certificates.refusal.already-certified': 'pelajar sudah memegang sijil yang sah',
  'certificates.refusal.revoked': 'sijil pelajar telah dibatalkan; keluarkan secara pengecualian jika wajar',
  'certificates.refusal.email-not-verified': 'pelajar belum mengesahkan alamat e-mel mereka',
  'certificates.refusal.renewal-not-completed': 'pelajar belum lulus semula penilaian akhir',
  'certificates.refusal.forbidden': 'hanya pentadbir boleh mengeluarkan sijil',
  'certificates.refusal.user-not-found': 'akaun itu tidak wujud lagi',
  'certificates.refusal.name-unprintable': 'nama itu mengandungi aksara yang tidak dapat dicetak pada sijil',
  'certificates.refusal.changed-meanwhile':
    'seseorang mengubah sijil pelajar ini pada masa yang sama; muat semula dan semak',
} satisfies Record<keyof typeof en, string>;
