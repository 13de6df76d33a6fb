import type en from '#src/i18n/en/learning.ts';

export default {
  'learning.breadcrumb': 'Anda di sini',
  'learning.yourProgress': 'Kemajuan anda',
  'learning.percentComplete': '{percent}% selesai',
  'learning.minutesShort': '{minutes} min',

  'status.complete': 'Selesai',
  'status.inProgress': 'Sedang berjalan',
  'status.notStarted': 'Belum dimulakan',
  'status.locked': 'Dikunci',
  'status.draft': 'Draf',
  'status.optional': 'Pilihan',

  'courses.title': 'Kursus',
  'courses.lead':
    'Kursus ringkas dan praktikal untuk mereka yang membantu pekerja yang cedera dan sakit kembali bekerja. Baca di telefon atau komputer, mengikut rentak anda.',
  'courses.empty': 'Belum ada kursus yang dibuka. Sila semak semula tidak lama lagi.',
  'courses.modules': '{count} modul',
  'courses.hours': 'Kira-kira {hours} jam',
  'courses.cpd': '{hours} jam CPD',
  'courses.sequential': 'Modul dibuka satu demi satu',
  'courses.anyOrder': 'Modul boleh diikuti mengikut sebarang susunan',

  'course.factModules': 'Modul',
  'course.factLessons': 'Pelajaran',
  'course.factTime': 'Masa',
  'course.factTimeValue': 'Kira-kira {hours} jam',
  'course.factCpd': 'Jam CPD',
  'course.continue': 'Teruskan',
  'course.start': 'Mulakan kursus',
  'course.nextLesson': 'Seterusnya: {title}',
  'course.nextQuiz': 'Seterusnya: kuiz untuk “{module}”',
  'course.nextFinal': 'Seterusnya: penilaian akhir',
  'course.completedOn': 'Anda telah menamatkan kursus ini pada {date}.',
  'course.signInLead':
    'Pelajaran adalah untuk pelajar yang berdaftar. Log masuk, atau buat akaun percuma, untuk menyertai kursus ini.',
  'course.signInToEnrol': 'Log masuk untuk menyertai',
  'course.register': 'Baru di sini? Buat akaun percuma',
  'course.enrolLead':
    'Sertai kursus untuk membaca pelajaran dan menjejak kemajuan anda. Ia percuma, dan anda boleh keluar pada bila-bila masa.',
  'course.enrol': 'Sertai kursus ini',
  'course.enrolAgain': 'Sertai semula',
  'course.withdrawnNote': 'Anda telah keluar daripada kursus ini pada {date}.',
  'course.keptProgress':
    'Kemajuan anda ({percent}%) disimpan: sertai semula untuk menyambung dari tempat anda berhenti.',
  'course.enrolledNotice':
    'Anda telah menyertai kursus. Pilih Mulakan kursus untuk bermula dengan pelajaran pertama.',
  'course.restoredNotice': 'Selamat kembali. Kemajuan anda sebelum ini telah dipulihkan.',
  'course.alreadyNotice': 'Anda sudah menyertai kursus ini.',
  'course.withdrawnNotice':
    'Anda telah keluar daripada kursus. Kemajuan anda disimpan jika anda menyertai semula.',
  'course.withdrawTitle': 'Keluar daripada kursus ini',
  'course.withdrawHint':
    'Kemajuan anda disimpan. Anda boleh menyertai semula pada bila-bila masa dan menyambung dari tempat anda berhenti.',
  'course.withdraw': 'Keluar daripada kursus ini',
  'course.requirementsTitle': 'Untuk menamatkan kursus ini',
  'course.reqLessons': 'Selesaikan setiap pelajaran wajib.',
  'course.reqQuizzes': 'Lulus kuiz di akhir setiap modul.',
  'course.reqFinal': 'Lulus penilaian akhir.',
  'course.reqSequential':
    'Modul dibuka mengikut susunan: setiap modul dibuka apabila anda menamatkan modul sebelumnya.',
  'course.modulesTitle': 'Modul',
  'course.moduleHeading': 'Modul {number}: {title}',
  'course.moduleMeta': '{count} pelajaran · kira-kira {minutes} minit',
  'course.moduleQuiz': 'Kuiz: {module}',
  'course.lockedShort': 'Dibuka selepas “{module}”',
  'course.moduleProgress': '{done} daripada {total} selesai',
  'course.nextUp': 'Seterusnya',
  'course.moduleContents': 'Pelajaran dan aktiviti',

  'module.eyebrow': 'Modul {number} daripada {count}',
  'module.objectivesTitle': 'Di akhir modul ini anda boleh',
  'module.lessonsTitle': 'Pelajaran',
  'module.quizTitle': 'Kuiz modul',
  'module.quizRequired': 'Lulus kuiz modul untuk menamatkan modul ini.',
  'module.quizOptional': 'Uji apa yang telah anda pelajari dengan kuiz modul.',
  'module.quizAfterLessons': 'Selesaikan pelajaran dahulu: kuiz menguji apa yang diajar di dalamnya.',
  'module.quizLink': 'Pergi ke kuiz untuk “{module}”',
  'module.referencesTitle': 'Rujukan',
  'module.lockedTitle': 'Modul ini belum dibuka',
  'module.lockedBody':
    'Modul kursus ini dibuka mengikut susunan. Tamatkan “{module}” untuk membuka modul ini.',
  'module.lockedAction': 'Pergi ke langkah seterusnya',

  'lesson.position': 'Modul {module} · Pelajaran {lesson} daripada {count}',
  'lesson.minutes': 'Kira-kira {minutes} minit',
  'lesson.markComplete': 'Tandakan sebagai selesai',
  'lesson.completedOn': 'Anda telah menyelesaikan pelajaran ini pada {date}.',
  'lesson.justCompleted': 'Pelajaran selesai: “{lesson}”. Kemajuan anda telah disimpan.',
  'lesson.undo': 'Buat asal',
  'lesson.undoLabel': 'Buat asal: tandakan “{lesson}” sebagai belum selesai',
  'lesson.undone': 'Selesai: pelajaran ini tidak lagi ditandakan selesai.',
  'lesson.moduleCompleted': 'Pelajaran selesai. Anda juga telah menamatkan modul “{module}”.',
  'lesson.courseCompleted': 'Pelajaran selesai. Anda telah menamatkan kursus “{course}”. Syabas!',
  'lesson.previous': 'Sebelumnya',
  'lesson.next': 'Seterusnya',
  'lesson.pager': 'Pelajaran sebelum dan seterusnya',
  'lesson.outline': 'Dalam modul ini',
  'lesson.backToCourse': 'Kembali ke gambaran keseluruhan kursus',
  'lesson.print': 'Cetak pelajaran ini',
  'lesson.signInTitle': 'Log masuk untuk membaca pelajaran ini',
  'lesson.enrolTitle': 'Sertai kursus untuk membaca pelajaran ini',
  'lesson.draftNotice':
    'Draf: hanya jurulatih dan pentadbir boleh melihat ini. Ia tidak dikira dalam kemajuan sesiapa.',
  'lesson.draftNoRecord': 'Kemajuan tidak direkodkan bagi draf.',
  'lesson.previewNotice':
    'Anda sedang pratonton pelajaran ini. Sertai kursus untuk merekodkan kemajuan anda sendiri.',
  'lesson.optionalNotice': 'Pelajaran ini pilihan: ia tidak dikira untuk menamatkan kursus.',
  'lesson.error.not-found':
    'Kami tidak dapat mencari pelajaran itu, jadi tiada apa yang disimpan. Kembali ke kursus dan cuba lagi.',
  'lesson.error.not-enrolled':
    'Anda belum menyertai kursus ini, jadi kemajuan anda tidak disimpan. Sertai kursus dahulu, kemudian tandakan pelajaran sebagai selesai.',
  'lesson.error.locked':
    'Modul ini belum dibuka, jadi kemajuan anda tidak disimpan. Tamatkan modul sebelumnya dahulu.',
  'lesson.error.draft': 'Pelajaran ini ialah draf, jadi kemajuan padanya tidak direkodkan.',
  'lesson.error.kept':
    'Penyelesaian ini tidak boleh ditarik balik lagi: modul yang ditamatkannya telah direkodkan sebagai selesai.',
  'lesson.error.too-late':
    'Penyelesaian ini tidak boleh ditarik balik lagi: ia hanya boleh dibuat dalam 15 minit pertama.',
  'lesson.callout.info': 'Nota',
  'lesson.callout.tip': 'Petua',
  'lesson.callout.warning': 'Amaran',
  'lesson.keyPoints': 'Perkara utama',
  'lesson.caseStudy': 'Kajian kes',
  'lesson.checklist': 'Senarai semak',
  'lesson.download': 'Muat turun {title}',
  'lesson.kc.label': 'Semak kefahaman anda',
  'lesson.kc.staticHint':
    'Tentukan jawapan yang anda rasa betul, kemudian bukanya untuk melihat maklum balas.',
  'lesson.kc.check': 'Semak jawapan saya',
  'lesson.kc.chooseFirst': 'Pilih satu jawapan dahulu.',
  'lesson.kc.right': 'Betul.',
  'lesson.kc.wrong': 'Kurang tepat.',
  'lesson.kc.explanation': 'Tunjukkan penjelasan',

  'dashboard.title': 'Pembelajaran saya',
  'dashboard.welcome':
    'Selamat datang ke RTW Academy, {name}. Akaun anda sudah sedia. Pilih kursus untuk bermula.',
  'dashboard.coursesTitle': 'Kursus saya',
  'dashboard.emptyTitle': 'Anda belum menyertai sebarang kursus',
  'dashboard.emptyBody':
    'Pilih kursus untuk bermula. Setiap pelajaran mengambil masa kira-kira 10 minit, dan kami ingat di mana anda berhenti, jadi anda boleh belajar di celah-celah kerja lain.',
  'dashboard.browse': 'Lihat semua kursus',
  'dashboard.activityTitle': 'Aktiviti terkini',
  'dashboard.activityEmpty':
    'Belum ada apa-apa. Pelajaran yang anda buka dan selesaikan akan dipaparkan di sini.',
  'dashboard.activityCompleted': 'Diselesaikan',
  'dashboard.activityViewed': 'Dibuka',
  'dashboard.certificatesTitle': 'Sijil',
  'dashboard.certificatesEmpty':
    'Sijil anda akan dipaparkan di sini selepas anda menamatkan kursus: setiap pelajaran wajib, kuiz modul dan penilaian akhir.',
  'dashboard.withdrawnTitle': 'Kursus yang anda tinggalkan',
  'dashboard.withdrawnLead': 'Kemajuan anda dalam kursus ini disimpan. Buka kursus untuk menyertai semula.',

  'glossary.title': 'Glosari',
  'glossary.lead': 'Takrif mudah bagi istilah yang digunakan dalam pelajaran, dari A hingga Z.',
  'glossary.jump': 'Lompat ke huruf',
  'glossary.fromModule': 'Diterangkan dalam modul “{module}”',
  'glossary.empty': 'Belum ada istilah.',

  'resources.title': 'Sumber',
  'resources.lead':
    'Buku Panduan Penyelaras RTW dan alat bantu kerja: borang dan senarai semak untuk kes sebenar.',
  'resources.handbookTitle': 'Buku Panduan Penyelaras RTW',
  'resources.handbookBody':
    'Rujukan meja untuk keseluruhan proses kembali bekerja, dari hari-hari pertama tidak bekerja hingga menutup kes, dalam {chapters} bab ringkas.',
  'resources.readOnline': 'Baca buku panduan dalam talian',
  'resources.downloadPdf': 'Muat turun {title} (PDF, {size})',
  'resources.notYet': 'PDF belum tersedia. Sila semak semula kemudian.',
  'resources.jobAidsTitle': 'Alat bantu kerja',
  'resources.jobAidsLead':
    'Setiap alat bantu kerja ialah borang PDF yang boleh anda isi pada skrin, atau cetak dan isi dengan tangan.',

  'handbook.title': 'Buku Panduan Penyelaras RTW',
  'handbook.lead':
    'Rujukan meja yang praktikal untuk penyelaras kembali bekerja di tempat kerja di Malaysia.',
  'handbook.contents': 'Kandungan',
  'handbook.chapter': 'Bab {number}',
  'handbook.download': 'Muat turun buku panduan sebagai PDF',
  'handbook.print': 'Cetak buku panduan',
  'handbook.backToContents': 'Kembali ke kandungan',

  'staff.title': 'Ruang kakitangan',
  'staff.lead': 'Alat untuk jurulatih dan pentadbir.',
  'staff.enrolmentsLink': 'Daftarkan pelajar',
  'staff.enrolmentsDescription':
    'Daftarkan seorang pelajar atau ramai sekali gus melalui e-mel, dan lihat bilangan pelajar dalam setiap kursus.',
  'staff.enrol.title': 'Daftarkan pelajar',
  'staff.enrol.lead':
    'Pilih kursus dan tampal alamat e-mel pelajar. Mereka yang pernah keluar daripada kursus akan mendapat semula kemajuan mereka.',
  'staff.enrol.course': 'Kursus',
  'staff.enrol.chooseCourse': 'Pilih kursus',
  'staff.enrol.emails': 'Alamat e-mel',
  'staff.enrol.emailsHint':
    'Satu alamat setiap baris, atau dipisahkan dengan koma. Anda boleh menampal satu lajur daripada hamparan. Sehingga {max} sekali gus.',
  'staff.enrol.submit': 'Daftarkan pelajar',
  'staff.enrol.reportTitle': 'Keputusan',
  'staff.enrol.enrolled': 'Didaftarkan ({count})',
  'staff.enrol.restored': 'didaftarkan semula, kemajuan terdahulu dipulihkan',
  'staff.enrol.already': 'Sudah berdaftar ({count})',
  'staff.enrol.nobody': 'Tiada padanan ({count})',
  'staff.enrol.nobodyHint':
    'Tiada akaun menggunakan alamat ini. Semak ejaannya, atau minta orang itu mendaftar dahulu.',
  'staff.enrol.none': 'Tiada.',
  'staff.enrol.countsTitle': 'Pendaftaran mengikut kursus',
  'staff.enrol.active': 'Berdaftar',
  'staff.enrol.completed': 'Selesai',
  'staff.enrol.withdrawn': 'Keluar daripada kursus',
  'staff.enrol.errorCourse': 'Pilih kursus untuk mendaftarkan pelajar.',
  'staff.enrol.errorNoEmails': 'Masukkan sekurang-kurangnya satu alamat e-mel.',
  'staff.enrol.errorTooMany':
    'Masukkan paling banyak {max} alamat e-mel sekali gus. Pecahkan senarai dan hantar sebahagian demi sebahagian.',
} satisfies Record<keyof typeof en, string>;
