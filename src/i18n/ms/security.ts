import type en from '#src/i18n/en/security.ts';

/** Pengesahan dua langkah, pengesahan semula, sesi dan jawapan keselamatan (isu 18). */
export default {
  'signIn.badNext':
    'Alamat untuk kembali selepas log masuk bukan halaman laman ini, jadi ia diabaikan. Selepas log masuk, anda akan ke papan pemuka anda.',
  'error.tooLarge':
    'Apa yang anda hantar terlalu besar (hadnya 256 KB). Kembali, pendekkan teks atau buang apa yang anda tampal, kemudian hantar semula.',
  'language.badReturnTitle': 'Bahasa ditukar',
  'language.badReturn':
    'Bahasa anda telah disimpan, tetapi halaman untuk kembali bukan halaman laman ini, jadi kami tidak ke sana. Gunakan pautan di bawah untuk meneruskan.',
  'language.notSaved': 'Bahasa tidak dapat ditukar. Kembali dan gunakan suis bahasa sekali lagi.',
  'errors.fullName.hidden-characters':
    'Nama penuh mengandungi aksara tersembunyi (seperti ruang lebar sifar, tanda arah atau aksara kawalan). Taip semula nama itu dan jangan tampal',
  'errors.fullName.stacked-marks':
    'Nama penuh mempunyai lebih daripada 2 tanda aksen pada satu huruf. Taip setiap huruf dengan paling banyak 2 tanda',
  'errors.password.weak':
    'Kata laluan ini terlalu mudah diteka. Gunakan yang lebih panjang, contohnya tiga atau empat perkataan yang tidak berkaitan, dan elakkan nama, e-mel anda serta perkataan seperti RTW atau academy',

  'mfa.errorPrefix': 'Ralat:',
  'mfa.code.label': 'Kod daripada aplikasi pengesah anda',
  'mfa.code.hint': 'Kod 6 digit yang dipaparkan oleh aplikasi anda sekarang, contohnya 123456.',
  'mfa.code.missing': 'Masukkan kod 6 digit daripada aplikasi pengesah anda',
  'mfa.code.invalid':
    'Kod itu tidak betul atau telah digunakan. Masukkan kod yang dipaparkan oleh aplikasi anda sekarang (ia bertukar setiap 30 saat)',
  'mfa.code.throttled': 'Terlalu banyak kod yang salah. Tunggu {minutes} minit, kemudian cuba lagi.',
  'mfa.recovery.label': 'Kod pemulihan',
  'mfa.recovery.hint':
    'Salah satu kod yang anda simpan semasa menyediakan pengesahan dua langkah, seperti k7m2p-x9d4q.',
  'mfa.recovery.missing': 'Masukkan salah satu kod pemulihan anda',
  'mfa.recovery.invalid': 'Kod pemulihan itu tidak betul atau telah digunakan. Semak dan cuba kod yang lain',
  'mfa.signIn.title': 'Pengesahan dua langkah',
  'mfa.signIn.lead':
    'Kata laluan anda betul. Buka aplikasi pengesah yang anda sediakan untuk {email} dan masukkan kodnya.',
  'mfa.signIn.recoveryLead':
    'Masukkan salah satu kod pemulihan anda. Setiap kod boleh digunakan sekali sahaja; buat kod baharu di profil anda apabila tinggal sedikit.',
  'mfa.signIn.submit': 'Teruskan',
  'mfa.signIn.useRecovery': 'Saya tidak dapat menggunakan aplikasi pengesah: guna kod pemulihan',
  'mfa.signIn.useApp': 'Guna kod daripada aplikasi pengesah saya',
  'mfa.signIn.cancel': 'Batal dan log keluar',
  'mfa.required.title': 'Sediakan pengesahan dua langkah',
  'mfa.required.lead':
    'Peranan anda boleh mengubah akaun dan sijil orang lain, jadi ia memerlukan pengesahan dua langkah: selain kata laluan, kod daripada aplikasi di telefon anda. Sediakannya sekarang untuk selesai log masuk. Ia mengambil masa kira-kira dua minit.',
  'mfa.setup.step1': 'Pasang aplikasi pengesah',
  'mfa.setup.step1Lead':
    'Mana-mana aplikasi yang menyokong kod berasaskan masa boleh digunakan, contohnya Google Authenticator, Microsoft Authenticator atau 2FAS.',
  'mfa.setup.step2': 'Tambah RTW Academy ke dalam aplikasi',
  'mfa.setup.qrLabel': 'Kod QR untuk diimbas dengan aplikasi pengesah anda',
  'mfa.setup.manual':
    'Imbas kod QR dengan aplikasi itu. Jika anda tidak dapat mengimbasnya, taip kunci ini ke dalam aplikasi:',
  'mfa.setup.step3': 'Masukkan kod yang dipaparkan oleh aplikasi',
  'mfa.setup.codeHint': 'Aplikasi memaparkan kod 6 digit baharu setiap 30 saat.',
  'mfa.setup.submit': 'Hidupkan pengesahan dua langkah',
  'mfa.setup.expired':
    'Penyediaan ini mengambil masa terlalu lama dan telah diganti. Imbas kod QR yang baharu dan masukkan kodnya',
  'mfa.codes.title': 'Simpan kod pemulihan anda',
  'mfa.codes.lead':
    'Jika anda kehilangan telefon, setiap kod ini membolehkan anda log masuk sekali. Cetak atau simpan dalam pengurus kata laluan, di tempat selain telefon anda.',
  'mfa.codes.listLabel': 'Kod pemulihan',
  'mfa.codes.once':
    'Ini satu-satunya kali kami memaparkannya. Kod pemulihan yang lebih awal tidak lagi berfungsi.',
  'mfa.done.title': 'Pengesahan dua langkah telah dihidupkan',
  'mfa.done.continue': 'Saya telah menyimpan kod saya: teruskan',
  'mfa.manage.title': 'Pengesahan dua langkah',
  'mfa.manage.back': 'Kembali ke profil anda',
  'mfa.manage.on': 'Pengesahan dua langkah dihidupkan sejak {date}.',
  'mfa.manage.codesLeft':
    '{count, plural, one {Anda mempunyai # kod pemulihan yang belum digunakan.} other {Anda mempunyai # kod pemulihan yang belum digunakan.}}',
  'mfa.manage.offered':
    'Pengesahan dua langkah dimatikan. Hidupkannya supaya kod daripada telefon anda diminta selain kata laluan semasa log masuk.',
  'mfa.manage.requiredForRole':
    'Peranan anda memerlukan pengesahan dua langkah: ia tidak boleh dimatikan selagi anda memegang peranan ini.',
  'mfa.manage.setUp': 'Sediakan pengesahan dua langkah',
  'mfa.manage.manageLink': 'Urus pengesahan dua langkah',
  'mfa.manage.codesTitle': 'Kod pemulihan',
  'mfa.manage.codesLead':
    'Buat kod baharu jika anda telah menggunakan kebanyakannya atau rasa orang lain telah melihatnya. Kod lama kemudian tidak lagi berfungsi. Kami akan meminta kata laluan anda dahulu.',
  'mfa.manage.replaceCodes': 'Buat kod pemulihan baharu',
  'mfa.manage.offTitle': 'Matikan pengesahan dua langkah',
  'mfa.manage.offLead':
    'Anda akan log masuk dengan kata laluan sahaja. Kami akan meminta kata laluan dan kod dahulu.',
  'mfa.manage.turnOff': 'Matikan pengesahan dua langkah',
  'mfa.manage.turnedOff':
    'Pengesahan dua langkah telah dimatikan. Anda telah dilog keluar pada peranti anda yang lain.',
  'mfa.manage.recoveryUsed':
    'Anda log masuk dengan kod pemulihan. Baki kod pemulihan: {count}. Buat kod baharu di bawah jika itu terlalu sedikit.',
  'mfa.disable.required-for-role':
    'Peranan anda memerlukan pengesahan dua langkah, jadi ia tidak boleh dimatikan.',
  'mfa.disable.not-enrolled': 'Pengesahan dua langkah sudah dimatikan.',

  'reauth.title': 'Sahkan bahawa ini anda',
  'reauth.lead':
    'Perubahan ini memerlukan kata laluan anda sekali lagi (dan kod, jika anda menggunakan pengesahan dua langkah). Kemudian anda kembali ke halaman tadi dan boleh membuat perubahan dalam tempoh 10 minit.',
  'reauth.submit': 'Sahkan',
  'reauth.throttled': 'Terlalu banyak kata laluan yang salah. Tunggu {minutes} minit, kemudian cuba lagi.',

  'sessions.deviceColumn': 'Peranti',
  'sessions.signedIn': 'Log masuk',
  'sessions.lastActive': 'Aktif terakhir',
  'sessions.actions': 'Tindakan',
  'sessions.device': '{browser} di {system}',
  'sessions.unknownDevice': 'Peranti tidak diketahui',
  'sessions.thisDevice': 'Peranti ini',
  'sessions.end': 'Log keluar',
  'sessions.signOutOthers': 'Log keluar di semua tempat lain',
  'sessions.othersEnded': 'Anda telah dilog keluar pada semua peranti lain. Peranti ini kekal log masuk.',
  'sessions.oneEnded': 'Peranti itu telah dilog keluar.',

  'admin.user.mfaTitle': 'Pengesahan dua langkah',
  'admin.user.mfaOn':
    'Dihidupkan. Jika orang itu kehilangan telefon dan kod pemulihannya, anda boleh menetapkannya semula.',
  'admin.user.mfaOff': 'Dimatikan.',
  'admin.user.mfaReset': 'Tetapkan semula pengesahan dua langkah',
  'admin.user.saved.mfaReset':
    'Pengesahan dua langkah telah ditetapkan semula. Orang itu telah dilog keluar dan akan menyediakannya semula pada log masuk seterusnya.',
  'admin.user.error.target-is-admin':
    'Pautan set semula tidak boleh dibuat untuk pentadbir. Pentadbir yang terlupa kata laluan menggunakan set semula layan diri di halaman log masuk, atau arahan admin:create pada pelayan.',
  'admin.mfaReset.title': 'Tetapkan semula pengesahan dua langkah',
  'admin.mfaReset.lead':
    'Tetapkan semula pengesahan dua langkah untuk {name}? Lakukan ini hanya selepas anda menyemak siapa yang meminta, contohnya melalui telefon.',
  'admin.mfaReset.effects':
    'Aplikasi pengesah dan kod pemulihan mereka tidak lagi berfungsi dan mereka dilog keluar di semua tempat. Pada log masuk seterusnya mereka boleh menyediakannya semula (serta-merta, jika peranan mereka memerlukannya). Log audit merekodkan penetapan semula ini dan sebab anda.',
  'admin.mfaReset.submit': 'Ya, tetapkan semula pengesahan dua langkah',
  'admin.mfaReset.error.forbidden': 'Hanya pentadbir boleh melakukan ini.',
  'admin.mfaReset.error.not-found': 'Akaun ini sudah tiada.',
  'admin.mfaReset.error.self':
    'Anda tidak boleh menetapkan semula pengesahan dua langkah anda sendiri di sini. Gunakan profil anda.',
  'admin.mfaReset.error.not-enrolled':
    'Orang ini tidak menggunakan pengesahan dua langkah, jadi tiada apa-apa untuk ditetapkan semula.',
  'admin.audit.action.mfa-enabled': 'Pengesahan dua langkah dihidupkan',
  'admin.audit.action.mfa-disabled': 'Pengesahan dua langkah dimatikan',
  'admin.audit.action.mfa-reset': 'Pengesahan dua langkah ditetapkan semula oleh pentadbir',
  'admin.audit.action.mfa-recovery-codes-replaced': 'Kod pemulihan baharu dibuat',
} satisfies Record<keyof typeof en, string>;
