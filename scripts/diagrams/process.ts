/** The RTW process in seven steps, from time off work to closure after six months of monitoring. */
import { arrowHead, blockHeight, colours, MARGIN, svgDocument, textLines, WIDTH, wrap } from './svg.ts';

const texts = {
  en: {
    title: 'The return-to-work process',
    subtitle: 'From the injury or illness to closing the case',
    steps: [
      ['Time off work', 'Injury or illness. Treatment comes first.'],
      ['Early contact', 'A caring call in the first weeks, then keeping in touch at agreed times.'],
      ['Assessment', 'What the worker can do now, and what the job demands.'],
      [
        'Written RTW plan',
        'Duties, hours, support and review dates, agreed with the worker, the employer and the treating doctor.',
      ],
      ['The return', 'On the agreed date, with the first day planned.'],
      [
        'Follow-up and monitoring',
        'Regular reviews for 6 months after the return. Adjust the plan and solve problems early.',
      ],
      ['Closure', 'When the worker is stable in suitable work and the agreed goals are met.'],
    ],
    loop: 'If something changes, review the plan with the worker and the treating doctor: back to step 4.',
    description:
      'Seven steps in order, joined by a line from top to bottom. 1, time off work: injury or illness, treatment comes first. 2, early contact: a caring call in the first weeks, then keeping in touch at agreed times. 3, assessment: what the worker can do now and what the job demands. 4, a written RTW plan: duties, hours, support and review dates, agreed with the worker, the employer and the treating doctor. 5, the return, on the agreed date, with the first day planned. 6, follow-up and monitoring: regular reviews for 6 months after the return, adjusting the plan. 7, closure: when the worker is stable in suitable work and the agreed goals are met. A dashed arrow from step 6 back to step 4: if something changes, review the plan with the worker and the treating doctor.',
  },
  ms: {
    title: 'Proses kembali bekerja',
    subtitle: 'Dari kecederaan atau penyakit hingga kes ditutup',
    steps: [
      ['Cuti daripada kerja', 'Kecederaan atau penyakit. Rawatan didahulukan.'],
      [
        'Hubungan awal',
        'Panggilan prihatin dalam minggu-minggu pertama, kemudian kekal berhubung pada masa yang dipersetujui.',
      ],
      ['Penilaian', 'Apa yang boleh dilakukan oleh pekerja sekarang, dan apa yang dituntut oleh pekerjaan.'],
      [
        'Pelan RTW bertulis',
        'Tugas, waktu kerja, sokongan dan tarikh semakan, dipersetujui oleh pekerja, majikan dan doktor yang merawat.',
      ],
      ['Kembali bekerja', 'Pada tarikh yang dipersetujui, dengan hari pertama yang dirancang.'],
      [
        'Susulan dan pemantauan',
        'Semakan berkala selama 6 bulan selepas pekerja kembali. Sesuaikan pelan dan selesaikan masalah lebih awal.',
      ],
      [
        'Penutupan',
        'Apabila pekerja stabil dalam kerja yang sesuai dan matlamat yang dipersetujui tercapai.',
      ],
    ],
    loop: 'Jika sesuatu berubah, semak semula pelan bersama pekerja dan doktor yang merawat: kembali ke langkah 4.',
    description:
      'Tujuh langkah mengikut urutan, disambung oleh satu garis dari atas ke bawah. 1, cuti daripada kerja: kecederaan atau penyakit, rawatan didahulukan. 2, hubungan awal: panggilan prihatin dalam minggu-minggu pertama, kemudian kekal berhubung pada masa yang dipersetujui. 3, penilaian: apa yang boleh dilakukan oleh pekerja sekarang dan apa yang dituntut oleh pekerjaan. 4, pelan RTW bertulis: tugas, waktu kerja, sokongan dan tarikh semakan, dipersetujui oleh pekerja, majikan dan doktor yang merawat. 5, kembali bekerja pada tarikh yang dipersetujui, dengan hari pertama yang dirancang. 6, susulan dan pemantauan: semakan berkala selama 6 bulan selepas pekerja kembali, sambil menyesuaikan pelan. 7, penutupan: apabila pekerja stabil dalam kerja yang sesuai dan matlamat yang dipersetujui tercapai. Anak panah putus-putus dari langkah 6 kembali ke langkah 4: jika sesuatu berubah, semak semula pelan bersama pekerja dan doktor yang merawat.',
  },
} as const;

/** The process diagram in one language. */
export function processSvg(language: 'en' | 'ms'): string {
  const t = texts[language];
  const parts: string[] = [];
  let y = MARGIN;
  const titleLines = wrap(t.title, WIDTH - 2 * MARGIN, 30, true);
  parts.push(textLines(titleLines, MARGIN, y + 30, { size: 30, bold: true, fill: colours.navy }));
  y += blockHeight(titleLines.length, 30) + 4;
  const subtitle = wrap(t.subtitle, WIDTH - 2 * MARGIN, 22);
  parts.push(textLines(subtitle, MARGIN, y + 22, { size: 22 }));
  y += blockHeight(subtitle.length, 22) + 22;

  const circleX = MARGIN + 24;
  const boxX = MARGIN + 62;
  // Room on the right for the dashed loop back from step 6 to step 4.
  const boxWidth = WIDTH - MARGIN - boxX - 34;
  const gap = 18;
  const centres: number[] = [];
  const boxes: Array<{ top: number; height: number }> = [];
  const stepParts: string[] = [];
  t.steps.forEach(([name, detail], index) => {
    const inner = boxWidth - 32;
    const nameLines = wrap(name, inner, 24, true);
    const detailLines = wrap(detail, inner, 21);
    const height = 16 + blockHeight(nameLines.length, 24) + blockHeight(detailLines.length, 21) + 10;
    const monitoring = index === 5;
    stepParts.push(
      `<rect x="${boxX}" y="${y}" width="${boxWidth}" height="${height}" rx="10" fill="${monitoring ? colours.goldTint : colours.tint}" stroke="${monitoring ? colours.gold : colours.teal}" stroke-width="2"/>`,
      textLines(nameLines, boxX + 16, y + 12 + 24, { size: 24, bold: true, fill: colours.navy }),
      textLines(detailLines, boxX + 16, y + 12 + blockHeight(nameLines.length, 24) + 21, { size: 21 }),
      `<circle cx="${circleX}" cy="${y + 30}" r="22" fill="${colours.navy}"/>`,
      textLines([String(index + 1)], circleX, y + 39, {
        size: 24,
        bold: true,
        fill: colours.white,
        anchor: 'middle',
      }),
    );
    centres.push(y + 30);
    boxes.push({ top: y, height });
    y += height + gap;
  });
  const firstCentre = centres[0] ?? 0;
  const lastCentre = centres.at(-1) ?? 0;
  parts.push(
    `<line x1="${circleX}" y1="${firstCentre}" x2="${circleX}" y2="${lastCentre}" stroke="${colours.navy}" stroke-width="4"/>`,
    ...stepParts,
  );

  // The dashed loop from step 6 back to step 4: a plan is reviewed whenever something changes.
  const step4 = boxes[3];
  const step6 = boxes[5];
  if (step4 && step6) {
    const loopX = WIDTH - MARGIN - 10;
    const from = step6.top + step6.height / 2;
    const to = step4.top + step4.height / 2;
    parts.push(
      `<path d="M ${boxX + boxWidth} ${from} H ${loopX} V ${to} H ${boxX + boxWidth + 14}" fill="none" stroke="${colours.gold}" stroke-width="3" stroke-dasharray="8 6"/>`,
      arrowHead(boxX + boxWidth + 2, to, 'left', colours.gold),
    );
  }
  y += 4;
  const loopLines = wrap(t.loop, WIDTH - 2 * MARGIN - 28, 21, true);
  const loopHeight = blockHeight(loopLines.length, 21) + 20;
  parts.push(
    `<rect x="${MARGIN}" y="${y}" width="${WIDTH - 2 * MARGIN}" height="${loopHeight}" fill="${colours.goldTint}"/>`,
    `<rect x="${MARGIN}" y="${y}" width="6" height="${loopHeight}" fill="${colours.gold}"/>`,
    textLines(loopLines, MARGIN + 18, y + 10 + 19, { size: 21, bold: true }),
  );
  y += loopHeight + MARGIN;
  return svgDocument({
    id: `rtw-process-${language}`,
    language,
    title: `${t.title}: ${t.subtitle}`,
    description: t.description,
    height: Math.ceil(y),
    body: parts.join('\n'),
  });
}
