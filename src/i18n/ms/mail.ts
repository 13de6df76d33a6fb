import type en from '#src/i18n/en/mail.ts';

export default {
  'email.brand': 'RTW Academy',
  'email.greeting': 'Salam sejahtera {name},',
  'email.linkFallback': 'Jika butang tidak berfungsi, salin alamat ini ke dalam pelayar anda:',
  'email.footer.account': 'Anda menerima e-mel ini kerana anda mempunyai akaun di RTW Academy.',
  'email.footer.security':
    'Kami menghantar e-mel ini untuk memastikan akaun anda selamat, jadi ia tidak boleh dimatikan.',
  'email.footer.notice': 'Kami sentiasa menghantar makluman tentang sijil anda.',
  'email.footer.optional': 'Tidak mahu menerima peringatan ini?',
  'email.footer.unsubscribe': 'Hentikan e-mel ini dengan satu klik',
  'email.footer.preferences': 'Pilih e-mel yang anda terima di profil anda',
  'email.footer.invitation':
    'Anda menerima e-mel ini kerana seseorang memasukkan alamat anda untuk menjemput anda ke RTW Academy. Kami tidak akan menghantar apa-apa lagi melainkan anda membuat akaun.',

  'email.reset.subject': 'Set semula kata laluan RTW Academy anda',
  'email.reset.heading': 'Pilih kata laluan baharu',
  'email.reset.intro':
    'Seseorang meminta untuk menetapkan semula kata laluan akaun RTW Academy anda ({email}). Jika itu anda, pilih kata laluan baharu melalui pautan ini.',
  'email.reset.button': 'Pilih kata laluan baharu',
  'email.reset.expiry': 'Pautan ini boleh digunakan sekali sahaja, sehingga {time} (waktu Malaysia).',
  'email.reset.sessions':
    'Apabila anda menetapkan kata laluan baharu, anda akan dilog keluar di semua peranti.',
  'email.reset.notYou':
    'Jika anda tidak membuat permintaan ini, abaikan e-mel ini. Kata laluan anda kekal seperti sedia ada.',

  'email.verify.subject': 'Sahkan alamat e-mel anda untuk RTW Academy',
  'email.verify.heading': 'Sahkan alamat e-mel anda',
  'email.verify.intro': 'Selamat datang ke RTW Academy. Sila sahkan bahawa {email} ialah alamat e-mel anda.',
  'email.verify.why': 'Kami mengeluarkan sijil hanya kepada alamat e-mel yang telah disahkan.',
  'email.verify.button': 'Sahkan alamat e-mel saya',
  'email.verify.expiry': 'Pautan ini boleh digunakan sehingga {time} (waktu Malaysia).',
  'email.verify.notYou': 'Jika anda tidak membuat akaun di RTW Academy, abaikan e-mel ini.',
  'email.verifyChange.subject': 'Sahkan alamat e-mel baharu anda untuk RTW Academy',
  'email.verifyChange.heading': 'Sahkan alamat e-mel baharu anda',
  'email.verifyChange.intro':
    'Anda meminta untuk menukar alamat e-mel akaun RTW Academy anda kepada {email}. Sahkan alamat ini melalui pautan berikut.',
  'email.verifyChange.button': 'Sahkan alamat baharu',
  'email.verifyChange.notYou':
    'Jika anda tidak membuat permintaan ini, abaikan e-mel ini. Akaun tersebut akan terus menggunakan alamat semasa.',

  'email.changed.subject': 'Alamat e-mel akaun RTW Academy anda telah ditukar',
  'email.changed.heading': 'Alamat e-mel anda telah ditukar',
  'email.changed.intro':
    'Alamat e-mel akaun RTW Academy anda telah ditukar daripada {oldEmail} kepada {newEmail}. Mulai sekarang, log masuk dengan alamat baharu.',
  'email.changed.button': 'Log masuk ke RTW Academy',
  'email.changed.notYou':
    'Jika anda tidak melakukannya, hubungi pentadbir RTW Academy anda dengan segera: mungkin ada orang lain yang menggunakan akaun anda.',

  'email.invitation.subject': 'Anda dijemput ke RTW Academy',
  'email.invitation.heading': 'Anda dijemput ke RTW Academy',
  'email.invitation.introBy':
    '{inviter} menjemput anda untuk mengikuti latihan di RTW Academy sebagai kakitangan {employer}.',
  'email.invitation.intro':
    'Anda dijemput untuk mengikuti latihan di RTW Academy sebagai kakitangan {employer}.',
  'email.invitation.what':
    'RTW Academy melatih Penyelaras RTW: pelajaran ringkas, kuiz dan sijil, dalam bahasa Inggeris dan Bahasa Malaysia.',
  'email.invitation.button': 'Buat akaun anda',
  'email.invitation.expiry': 'Jemputan ini sah sehingga {date}.',
  'email.invitation.notYou':
    'Jika anda tidak tahu mengapa anda menerima e-mel ini, anda boleh mengabaikannya.',

  'email.certIssued.subject': 'Sijil anda sudah sedia: {course}',
  'email.certIssued.heading': 'Sijil anda sudah sedia',
  'email.certIssued.intro': 'Tahniah, {name}. Sijil anda bagi {course} sudah sedia.',
  'email.certIssued.renewalSubject': 'Sijil anda telah diperbaharui: {course}',
  'email.certIssued.renewalHeading': 'Sijil anda telah diperbaharui',
  'email.certIssued.renewalIntro': 'Syabas, {name}. Sijil anda bagi {course} telah diperbaharui.',
  'email.cert.serial': 'Nombor siri:',
  'email.cert.validUntil': 'Sijil ini sah sehingga {date}.',
  'email.cert.noExpiry': 'Sijil ini tidak tamat tempoh.',
  'email.cert.verify':
    'Sesiapa sahaja boleh menyemak bahawa sijil ini tulen di alamat ini. Kongsikannya dengan majikan atau juruaudit anda:',
  'email.cert.verifyLink': 'Semak sijil ini',
  'email.cert.button': 'Lihat dan muat turun sijil anda',
  'email.certReissued.subject': 'Sijil anda telah dikeluarkan semula: {course}',
  'email.certReissued.heading': 'Sijil anda telah dikeluarkan semula',
  'email.certReissued.intro':
    'Pentadbir telah mengeluarkan semula sijil anda bagi {course}. Sijil baharu ini menggantikan sijil bernombor siri {oldSerial}, yang tidak lagi sah.',
  'email.certReissued.reason': 'Sebab: {reason}',
  'email.certRevoked.subject': 'Sijil anda telah dibatalkan: {course}',
  'email.certRevoked.heading': 'Sijil anda telah dibatalkan',
  'email.certRevoked.intro':
    'Pentadbir telah membatalkan sijil anda bagi {course} (nombor siri {serial}). Sijil ini tidak sah lagi, dan halaman pengesahannya menyatakan demikian.',
  'email.certRevoked.reason': 'Sebab yang diberikan: {reason}',
  'email.certRevoked.button': 'Lihat sijil anda',
  'email.certRevoked.contact': 'Jika anda rasa ini satu kesilapan, hubungi pentadbir RTW Academy anda.',

  'email.expiry.subject': 'Sijil anda tamat tempoh pada {date}: {course}',
  'email.expiry.heading': 'Sijil anda akan tamat tempoh tidak lama lagi',
  'email.expiry.intro': 'Sijil anda bagi {course} (nombor siri {serial}) akan tamat tempoh pada {date}.',
  'email.expiry.how':
    'Untuk memperbaharuinya, buka kursus tersebut dan lulus semula penilaian akhir sebelum tarikh itu. Anda akan menerima sijil baharu.',
  'email.expiry.reenrol':
    'Jika anda telah keluar daripada kursus, daftar semula di halaman kursus terlebih dahulu.',
  'email.expiry.button': 'Buka kursus',

  'email.nudge.subject': 'Sambung semula latihan anda di RTW Academy',
  'email.nudge.heading': 'Kursus anda sedang menunggu',
  'email.nudge.intro':
    'Anda belum belajar di RTW Academy selama dua minggu atau lebih. Kami menyimpan kedudukan anda dalam kursus berikut:',
  'email.nudge.encourage': 'Satu pelajaran ringkas pada satu masa sudah memadai untuk terus maju.',
  'email.nudge.button': 'Teruskan pembelajaran',

  'email.footer.noticeAssignment':
    'Kami sentiasa memaklumkan anda apabila jurulatih telah menilai kerja anda.',
  'email.footer.noticeWorkshop':
    'Kami sentiasa memaklumkan anda tentang perubahan pada sesi yang anda tempah.',

  'email.assignment.pass.subject': 'Tugasan anda lulus: {assignment}',
  'email.assignment.pass.heading': 'Tugasan anda lulus',
  'email.assignment.pass.intro':
    'Seorang jurulatih telah menilai tugasan anda "{assignment}" dalam {course} dan meluluskannya. Syabas. Anda boleh membaca markah dan ulasan bagi setiap kriteria di halaman tugasan.',
  'email.assignment.return.subject': 'Tugasan anda perlu diperbaiki: {assignment}',
  'email.assignment.return.heading': 'Tugasan anda dikembalikan untuk diperbaiki',
  'email.assignment.return.intro':
    'Seorang jurulatih telah menilai tugasan anda "{assignment}" dalam {course} dan mengembalikannya kepada anda. Baca ulasannya, ubah jawapan atau fail anda, dan hantar semula.',
  'email.assignment.return.left': '{count, plural, other {Anda boleh menghantarnya # kali lagi.}}',
  'email.assignment.notPassed.subject': 'Tugasan anda tidak lulus: {assignment}',
  'email.assignment.notPassed.heading': 'Tugasan anda tidak lulus',
  'email.assignment.notPassed.intro':
    'Seorang jurulatih telah menilai tugasan anda "{assignment}" dalam {course}. Tugasan itu tidak lulus, dan anda telah menggunakan semua peluang penghantaran.',
  'email.assignment.notPassed.next':
    'Berbincang dengan jurulatih anda tentang langkah seterusnya: jurulatih boleh membenarkan satu penghantaran lagi.',
  'email.assignment.score': 'Markah: {score} daripada {max}.',
  'email.assignment.button': 'Baca markah dan ulasan',

  'email.workshop.session': 'Sesi:',
  'email.workshop.course': 'Kursus:',
  'email.workshop.when': 'Bila (waktu Malaysia):',
  'email.workshop.time': '{start} hingga {end}',
  'email.workshop.where': 'Di mana:',
  'email.workshop.online': 'Dalam talian',
  'email.workshop.calendar':
    'Tambahkannya ke kalendar anda dengan fail kalendar di halaman sesi. Jika anda tidak dapat hadir, batalkan tempat anda di sana sebelum sesi bermula supaya orang lain boleh mendapatkannya.',
  'email.workshop.meetingLink':
    'Pautan untuk menyertai sesi dalam talian ada di halaman sesi, bagi mereka yang mempunyai tempat.',
  'email.workshop.button': 'Lihat sesi anda',
  'email.workshop.booked.subject': 'Anda mendapat tempat: {session}',
  'email.workshop.booked.heading': 'Tempat anda telah ditempah',
  'email.workshop.booked.intro': 'Anda mendapat tempat dalam sesi praktikal "{session}".',
  'email.workshop.waitlisted.subject': 'Anda dalam senarai menunggu: {session}',
  'email.workshop.waitlisted.heading': 'Anda dalam senarai menunggu',
  'email.workshop.waitlisted.intro':
    'Sesi praktikal "{session}" sudah penuh, jadi anda berada dalam senarai menunggunya. Jika ada tempat yang kosong sebelum sesi bermula, tempat itu menjadi milik anda dan kami akan menghantar e-mel kepada anda.',
  'email.workshop.promoted.subject': 'Ada tempat kosong, dan tempat itu milik anda: {session}',
  'email.workshop.promoted.heading': 'Anda kini mendapat tempat',
  'email.workshop.promoted.intro':
    'Ada tempat yang kosong dalam sesi praktikal "{session}", dan anda orang seterusnya dalam senarai menunggu. Tempat itu milik anda.',
  'email.workshop.changed.subject': 'Sesi yang anda tempah telah berubah: {session}',
  'email.workshop.changed.heading': 'Sesi anda telah berubah',
  'email.workshop.changed.intro':
    'Seorang jurulatih telah mengubah butiran sesi praktikal "{session}". Inilah butirannya sekarang:',
  'email.workshop.cancelled.subject': 'Sesi dibatalkan: {session}',
  'email.workshop.cancelled.heading': 'Sesi anda dibatalkan',
  'email.workshop.cancelled.intro':
    'Sesi praktikal "{session}" dibatalkan. Anda tidak perlu berbuat apa-apa: tempah sesi lain di halaman sesi.',
  'email.workshop.cancelled.reason': 'Sebab yang diberikan: {reason}',
  'email.workshop.reminder.subject': 'Esok pada {time}: {session}',
  'email.workshop.reminder.heading': 'Sesi anda esok',
  'email.workshop.reminder.intro': 'Peringatan: anda mempunyai tempat dalam sesi praktikal "{session}".',
  'email.workshop.reminder.cancel':
    'Jika anda tidak dapat hadir, batalkan tempat anda di halaman sesi sebelum sesi bermula supaya orang dalam senarai menunggu boleh mendapatkannya.',

  'mail.certificateNeedsEmail':
    'Sijil hanya dihantar ke alamat e-mel yang telah disahkan. Buka pautan yang kami hantar ke {email} sebelum anda selesai, supaya sijil anda dapat dikeluarkan.',
  'mail.certificateWaits':
    'Sijil anda hanya menunggu satu perkara: sahkan alamat e-mel anda. Buka pautan yang kami hantar ke {email}, dan sijil anda akan dikeluarkan.',
  'mail.certificateNoMail':
    'Laman ini tidak dapat menghantar e-mel pada masa ini. Minta pentadbir RTW Academy anda mengesahkan alamat anda.',
  'mail.certificateWrongAddress':
    'Alamat salah, atau tiada e-mel? Semak atau tukar alamat itu di profil anda',
  'mail.unavailable':
    'Laman ini tidak dapat menghantar e-mel buat masa ini (pentadbir belum menyediakannya), jadi pautan ini tidak dapat dihantar.',

  'mail.forgot.link': 'Lupa kata laluan?',
  'mail.forgot.title': 'Lupa kata laluan?',
  'mail.forgot.lead':
    'Masukkan alamat e-mel akaun anda. Kami akan menghantar pautan untuk memilih kata laluan baharu. Pautan ini boleh digunakan sekali sahaja, dalam tempoh satu jam.',
  'mail.forgot.email': 'Alamat e-mel',
  'mail.forgot.submit': 'Hantar pautan kepada saya',
  'mail.forgot.unavailable':
    'Laman ini tidak dapat menghantar e-mel buat masa ini, jadi pautan tidak dapat dihantar kepada anda. Minta pautan set semula kata laluan daripada pentadbir RTW Academy anda.',
  'mail.forgot.sentTitle': 'Semak e-mel anda',
  'mail.forgot.sent':
    'Jika {email} milik sebuah akaun, kami telah menghantar pautan untuk memilih kata laluan baharu. E-mel itu mungkin mengambil masa beberapa minit untuk sampai: semak juga folder spam anda.',
  'mail.forgot.sentGeneric':
    'Jika alamat yang anda masukkan milik sebuah akaun, kami telah menghantar pautan untuk memilih kata laluan baharu. E-mel itu mungkin mengambil masa beberapa minit untuk sampai: semak juga folder spam anda.',
  'mail.forgot.sentNext':
    'Pautan ini boleh digunakan sekali sahaja, dalam tempoh satu jam. Tiada e-mel yang sampai? Anda boleh meminta sekali lagi.',
  'mail.forgot.again': 'Minta pautan lain',
  'mail.forgot.backToSignIn': 'Kembali ke log masuk',

  'mail.verify.title': 'Sahkan alamat e-mel anda',
  'mail.verify.lead': 'Sahkan bahawa {email} ialah alamat e-mel akaun RTW Academy anda.',
  'mail.verify.changeLead': 'Sahkan {email} sebagai alamat e-mel baharu akaun RTW Academy anda.',
  'mail.verify.submit': 'Sahkan',
  'mail.verify.doneTitle': 'Alamat e-mel telah disahkan',
  'mail.verify.done': 'Terima kasih. {email} telah disahkan.',
  'mail.verify.changed': 'Akaun anda kini menggunakan {email}. Mulai sekarang, log masuk dengan alamat ini.',
  'mail.verify.problemTitle': 'Pautan ini tidak berfungsi',
  'mail.verify.invalid':
    'Pautan ini tidak betul. Pastikan anda menyalin keseluruhan pautan daripada e-mel, atau minta pautan baharu di profil anda.',
  'mail.verify.expired': 'Pautan ini telah tamat tempoh. Minta pautan baharu di profil anda.',
  'mail.verify.used':
    'Pautan ini telah digunakan. Jika alamat anda sudah disahkan, anda tidak perlu berbuat apa-apa lagi.',
  'mail.verify.taken':
    'Akaun lain kini menggunakan {email}, jadi alamat itu tidak boleh menjadi alamat anda. Pilih alamat lain di profil anda.',
  'mail.verify.toProfile': 'Pergi ke profil anda',
  'mail.verify.toDashboard': 'Pergi ke papan pemuka anda',

  'mail.settings.title': 'E-mel',
  'mail.settings.pageTitle': 'E-mel dan peringatan',
  'mail.settings.back': 'Kembali ke profil anda',
  'mail.settings.address': 'Alamat e-mel',
  'mail.settings.verified': 'Telah disahkan',
  'mail.settings.unverified': 'Belum disahkan',
  'mail.settings.unverifiedHelp':
    'Buka pautan yang kami hantar ke {email} untuk mengesahkannya. Sijil dikeluarkan hanya kepada alamat yang telah disahkan.',
  'mail.settings.resend': 'Hantar pautan sekali lagi',
  'mail.settings.pending':
    'Anda meminta untuk menukar alamat anda kepada {email}. Buka pautan yang kami hantar ke alamat itu untuk menyelesaikannya. Sehingga itu, akaun anda kekal menggunakan {current}.',
  'mail.settings.manage': 'Tukar alamat e-mel anda atau e-mel yang kami hantar kepada anda',
  'mail.settings.changeTitle': 'Tukar alamat e-mel anda',
  'mail.settings.changeHint':
    'Kami menghantar pautan ke alamat baharu. Pertukaran berlaku apabila anda membuka pautan itu.',
  'mail.settings.newEmail': 'Alamat e-mel baharu',
  'mail.settings.currentPassword': 'Kata laluan semasa anda',
  'mail.settings.changeSubmit': 'Hantar pautan pengesahan',
  'mail.settings.preferencesTitle': 'E-mel yang kami hantar kepada anda',
  'mail.settings.preferencesLead':
    'E-mel keselamatan (set semula kata laluan, pertukaran alamat e-mel), makluman sijil, keputusan tugasan dan perubahan pada sesi yang anda tempah sentiasa dihantar. Anda memilih peringatan yang dikehendaki.',
  'mail.settings.expiryReminders':
    'Peringatan: sebelum sijil tamat tempoh (60, 30 dan 7 hari sebelumnya), sehari sebelum sesi yang anda tempah, dan tentang latihan yang diberikan oleh majikan anda',
  'mail.settings.inactivityNudges': 'Peringatan apabila saya tidak belajar selama 14 hari',
  'mail.settings.save': 'Simpan pilihan e-mel saya',
  'mail.settings.saved': 'Pilihan e-mel anda telah disimpan.',
  'mail.settings.resent':
    'Kami telah menghantar pautan pengesahan baharu ke {email}. Pautan sebelum ini tidak lagi berfungsi.',
  'mail.settings.changeSent':
    'Kami telah menghantar pautan ke {email}. Bukanya untuk menyelesaikan pertukaran alamat anda.',
  'mail.settings.alreadyVerified': 'Alamat e-mel anda sudah disahkan.',
  'mail.settings.unavailable':
    'Laman ini tidak dapat menghantar e-mel buat masa ini, jadi alamat baharu tidak dapat disahkan. Minta pentadbir RTW Academy anda menukarnya.',
  'mail.errors.newEmail.required': 'Masukkan alamat e-mel baharu anda',
  'mail.errors.newEmail.too-long': 'Alamat e-mel mestilah 254 aksara atau kurang',
  'mail.errors.newEmail.invalid': 'Masukkan alamat e-mel dalam format yang betul, seperti nama@contoh.com',
  'mail.errors.newEmail.same': 'Ini sudah alamat e-mel anda. Masukkan alamat yang lain',
  'mail.errors.newEmail.taken': 'Akaun lain menggunakan alamat e-mel ini. Masukkan alamat yang lain',
  'mail.errors.currentPassword.wrong': 'Kata laluan semasa anda tidak betul. Semak dan cuba lagi',
  'mail.errors.currentPassword.required': 'Masukkan kata laluan semasa anda',

  'mail.unsubscribe.title': 'Hentikan e-mel ini',
  'mail.unsubscribe.lead.reminders':
    'Hentikan peringatan yang kami hantar ke {email}: sebelum sijil tamat tempoh, sehari sebelum sesi, dan tentang latihan yang diberikan oleh majikan anda?',
  'mail.unsubscribe.lead.nudges':
    'Hentikan peringatan yang kami hantar ke {email} apabila anda lama tidak belajar?',
  'mail.unsubscribe.submit': 'Hentikan e-mel ini',
  'mail.unsubscribe.doneTitle': 'Anda tidak akan menerima e-mel ini lagi',
  'mail.unsubscribe.done.reminders':
    'Kami tidak akan menghantar peringatan (tamat tempoh sijil, sesi, latihan daripada majikan anda) ke {email}. Anda boleh menghidupkannya semula pada bila-bila masa di profil anda.',
  'mail.unsubscribe.done.nudges':
    'Kami tidak akan menghantar peringatan belajar ke {email}. Anda boleh menghidupkannya semula pada bila-bila masa di profil anda.',
  'mail.unsubscribe.invalidTitle': 'Pautan ini tidak berfungsi',
  'mail.unsubscribe.invalid':
    'Pautan ini tidak betul. Pastikan anda menyalin keseluruhan pautan, atau log masuk dan pilih e-mel anda di profil.',
  'mail.unsubscribe.profile': 'Pilih e-mel anda di profil',

  'mail.invite.title': 'Buat akaun anda',
  'mail.invite.lead':
    'Anda dijemput ke RTW Academy sebagai kakitangan {employer}. Akaun anda akan menggunakan {email}.',
  'mail.invite.employer': 'Majikan',
  'mail.invite.email': 'Alamat e-mel',
  'mail.invite.submit': 'Buat akaun',
  'mail.invite.problemTitle': 'Jemputan ini tidak berfungsi',
  'mail.invite.invalid':
    'Pautan jemputan ini tidak betul. Pastikan anda menyalin keseluruhan pautan daripada e-mel.',
  'mail.invite.expired':
    'Jemputan ini telah tamat tempoh. Minta orang yang menjemput anda menghantar jemputan baharu.',
  'mail.invite.accepted': 'Jemputan ini telah digunakan untuk membuat akaun. Sila log masuk.',
  'mail.invite.withdrawn':
    'Jemputan ini telah ditarik balik. Tanya orang yang menjemput anda sama ada anda masih perlu menyertai.',
  'mail.invite.taken':
    'Akaun dengan alamat e-mel ini sudah wujud. Sila log masuk, atau pilih "Lupa kata laluan?" di halaman log masuk.',
  'mail.invite.signIn': 'Pergi ke log masuk',

  'mail.invitations.title': 'Jemputan',
  'mail.invitations.lead':
    'Jemput seseorang melalui e-mel. Pautan mereka mendaftarkan mereka dengan alamat itu di bawah majikan yang anda pilih, dan sah selama 14 hari.',
  'mail.invitations.invite': 'Jemput seseorang melalui e-mel',
  'mail.invitations.email': 'Alamat e-mel',
  'mail.invitations.employer': 'Majikan',
  'mail.invitations.chooseEmployer': 'Pilih majikan',
  'mail.invitations.language': 'Bahasa jemputan',
  'mail.invitations.submit': 'Hantar jemputan',
  'mail.invitations.sent': 'Jemputan telah dihantar kepada {email}.',
  'mail.invitations.withdrawnNotice':
    'Jemputan kepada {email} telah ditarik balik. Pautannya tidak lagi berfungsi.',
  'mail.invitations.listTitle': 'Jemputan terkini',
  'mail.invitations.none': 'Belum ada jemputan.',
  'mail.invitations.col.email': 'Alamat e-mel',
  'mail.invitations.col.employer': 'Majikan',
  'mail.invitations.col.sent': 'Dihantar',
  'mail.invitations.col.status': 'Status',
  'mail.invitations.col.action': 'Tindakan',
  'mail.invitations.status.pending': 'Menunggu (sehingga {date})',
  'mail.invitations.status.accepted': 'Akaun telah dibuat',
  'mail.invitations.status.expired': 'Tamat tempoh',
  'mail.invitations.status.withdrawn': 'Ditarik balik',
  'mail.invitations.withdraw': 'Tarik balik',
  'mail.invitations.withdrawLabel': 'Tarik balik jemputan kepada {email}',
  'mail.invitations.unavailable':
    'E-mel belum disediakan di laman ini (SMTP_URL tiada), jadi jemputan tidak dapat dihantar.',
  'mail.invitations.errors.email.required': 'Masukkan alamat e-mel yang hendak dijemput',
  'mail.invitations.errors.email.too-long': 'Alamat e-mel mestilah 254 aksara atau kurang',
  'mail.invitations.errors.email.invalid':
    'Masukkan alamat e-mel dalam format yang betul, seperti nama@contoh.com',
  'mail.invitations.errors.email.taken': 'Akaun dengan alamat e-mel ini sudah wujud',
  'mail.invitations.errors.organisationId.required': 'Pilih majikan tempat orang itu bekerja',
  'mail.invitations.errors.organisationId.unknown': 'Majikan itu tiada lagi dalam senarai. Pilih semula',
  'mail.invitations.errors.locale.invalid': 'Pilih bahasa Inggeris atau Bahasa Malaysia',
  'mail.invitations.errors.notFound': 'Jemputan itu tidak wujud lagi atau telah digunakan.',

  'mail.admin.nav': 'E-mel',
  'mail.admin.description':
    'Mesej yang dihantar oleh laman ini: yang menunggu, yang telah dihantar dan yang gagal, dengan cara untuk menghantar semula.',
  'mail.admin.title': 'E-mel',
  'mail.admin.lead':
    'Setiap mesej yang dihantar oleh laman ini, yang terbaharu dahulu. Mesej yang gagal boleh dihantar semula. Pautan di dalam mesej tidak pernah ditunjukkan di sini.',
  'mail.admin.off':
    'E-mel dimatikan: SMTP_URL belum ditetapkan, jadi mesej menunggu dalam baris gilir dan tiada apa-apa yang dihantar. Tetapkan SMTP_URL dan MAIL_FROM, kemudian mulakan semula pelayan.',
  'mail.admin.dev': 'Pembangunan: mesej masuk ke peti keluar pembangunan dan tidak dihantar.',
  'mail.admin.devLink': 'Buka peti keluar pembangunan',
  'mail.admin.counts': 'Mesej mengikut status',
  'mail.admin.status.queued': 'Menunggu',
  'mail.admin.status.sending': 'Sedang dihantar',
  'mail.admin.status.sent': 'Telah dihantar',
  'mail.admin.status.failed': 'Gagal',
  'mail.admin.filter.status': 'Status',
  'mail.admin.filter.all': 'Semua mesej',
  'mail.admin.filter.apply': 'Tunjukkan',
  'mail.admin.tableLabel': 'Mesej',
  'mail.admin.col.written': 'Ditulis',
  'mail.admin.col.to': 'Kepada',
  'mail.admin.col.message': 'Mesej',
  'mail.admin.col.status': 'Status',
  'mail.admin.col.detail': 'Butiran',
  'mail.admin.attempts': 'Cubaan: {count}',
  'mail.admin.nextTry': 'Cubaan seterusnya {time}',
  'mail.admin.sentAt': 'Dihantar {time}',
  'mail.admin.failedAt': 'Dihentikan {time}',
  'mail.admin.error': 'Ralat terakhir: {error}',
  'mail.admin.retry': 'Hantar semula',
  'mail.admin.retryLabel': 'Hantar semula: {kind} kepada {to}',
  'mail.admin.retryAll': 'Hantar semula setiap mesej yang gagal',
  'mail.admin.retried': 'Mesej itu telah dimasukkan semula ke dalam baris gilir.',
  'mail.admin.retriedAll': 'Mesej gagal yang dimasukkan semula ke dalam baris gilir: {count}.',
  'mail.admin.retryRefused.not-found': 'Mesej itu tidak wujud lagi.',
  'mail.admin.retryRefused.not-failed': 'Mesej itu tidak gagal, jadi tiada apa-apa untuk dihantar semula.',
  'mail.admin.retryRefused.link-expired':
    'Mesej itu mengandungi pautan yang telah tamat tempoh. Minta orang itu membuat permintaan baharu.',
  'mail.admin.none': 'Tiada mesej di sini.',
  'mail.kind.password-reset': 'Pautan set semula kata laluan',
  'mail.kind.verify-email': 'Pautan pengesahan e-mel',
  'mail.kind.email-changed': 'Alamat e-mel ditukar',
  'mail.kind.invitation': 'Jemputan',
  'mail.kind.certificate-issued': 'Sijil dikeluarkan',
  'mail.kind.certificate-reissued': 'Sijil dikeluarkan semula',
  'mail.kind.certificate-revoked': 'Sijil dibatalkan',
  'mail.kind.expiry-reminder': 'Peringatan tamat tempoh',
  'mail.kind.inactivity-nudge': 'Peringatan belajar',
  'mail.kind.training-reminder': 'Latihan ditugaskan atau perlu disiapkan',
  'mail.kind.assignment-decided': 'Tugasan dinilai',
  'mail.kind.workshop-booking': 'Tempahan sesi',
  'mail.kind.workshop-reminder': 'Peringatan sesi',

  'admin.audit.action.password-reset-emailed': 'Pautan set semula kata laluan dihantar melalui e-mel',
  'admin.audit.action.email-changed': 'Alamat e-mel ditukar',
  'admin.audit.action.invitation-sent': 'Jemputan dihantar',
  'admin.audit.action.invitation-withdrawn': 'Jemputan ditarik balik',
  'admin.audit.action.invitation-accepted': 'Jemputan diterima',

  'mail.dev.title': 'Peti keluar pembangunan',
  'mail.dev.lead':
    'SMTP_URL belum ditetapkan, jadi aplikasi menulis e-melnya di sini dan tidak menghantarnya. Halaman ini hanya wujud semasa pembangunan.',
  'mail.dev.empty':
    'Belum ada apa-apa. Minta set semula kata laluan, atau daftar, dan mesej akan muncul di sini.',
  'mail.dev.col.at': 'Ditulis',
  'mail.dev.col.to': 'Kepada',
  'mail.dev.col.subject': 'Subjek',
  'mail.dev.text': 'Teks biasa',
  'mail.dev.headers': 'Pengepala',
  'mail.dev.html': 'Buka versi HTML',
  'mail.dev.back': 'Kembali ke peti keluar pembangunan',
} satisfies Record<keyof typeof en, string>;
