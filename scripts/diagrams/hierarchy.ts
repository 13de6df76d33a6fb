/** The RTW hierarchy: five levels, most preferred first, each explored before moving down. */
import { arrowHead, blockHeight, colours, MARGIN, svgDocument, textLines, WIDTH, wrap } from './svg.ts';

const texts = {
  en: {
    title: 'The return-to-work hierarchy',
    subtitle: 'Most preferred at the top. Explore each level fully before you move down a step.',
    top: 'Most preferred',
    bottom: 'Least preferred',
    levels: [
      ['Same employer, same job', 'Possibly with changed duties or hours for a time'],
      ['Same employer, different job', 'Another suitable job in the same organisation'],
      ['Different employer, similar job', "Uses the worker's existing skills"],
      ['Different employer, different job', 'Often after retraining or with job placement support'],
      ['Self-employment or another outcome', 'When none of the levels above is possible'],
    ],
    rule: 'Move down only when the level above is not possible, and write down why.',
    description:
      'Five levels of return-to-work outcome, one below the other like steps, from most preferred at the top to least preferred at the bottom. Level 1: same employer, same job, possibly with changed duties or hours for a time. Level 2: same employer, different job. Level 3: different employer, similar job, using the worker’s existing skills. Level 4: different employer, different job, often after retraining or with job placement support. Level 5: self-employment or another outcome, when none of the levels above is possible. Explore each level fully before moving down, and write down why a level is not possible.',
  },
  ms: {
    title: 'Hierarki kembali bekerja (RTW)',
    subtitle: 'Paling diutamakan di atas. Terokai setiap tahap sepenuhnya sebelum turun satu anak tangga.',
    top: 'Paling diutamakan',
    bottom: 'Paling kurang diutamakan',
    levels: [
      [
        'Majikan sama, pekerjaan sama',
        'Mungkin dengan tugas atau waktu kerja yang diubah suai buat sementara',
      ],
      ['Majikan sama, pekerjaan berbeza', 'Pekerjaan lain yang sesuai dalam organisasi yang sama'],
      ['Majikan berbeza, pekerjaan serupa', 'Menggunakan kemahiran sedia ada pekerja'],
      [
        'Majikan berbeza, pekerjaan berbeza',
        'Selalunya selepas latihan semula atau dengan sokongan penempatan pekerjaan',
      ],
      ['Bekerja sendiri atau hasil lain', 'Apabila tiada tahap di atas yang boleh dicapai'],
    ],
    rule: 'Turun hanya apabila tahap di atas tidak boleh dicapai, dan catat sebabnya.',
    description:
      'Lima tahap hasil kembali bekerja, satu di bawah yang lain seperti anak tangga, daripada yang paling diutamakan di atas hingga yang paling kurang diutamakan di bawah. Tahap 1: majikan sama, pekerjaan sama, mungkin dengan tugas atau waktu kerja yang diubah suai buat sementara. Tahap 2: majikan sama, pekerjaan berbeza. Tahap 3: majikan berbeza, pekerjaan serupa, menggunakan kemahiran sedia ada pekerja. Tahap 4: majikan berbeza, pekerjaan berbeza, selalunya selepas latihan semula atau dengan sokongan penempatan pekerjaan. Tahap 5: bekerja sendiri atau hasil lain, apabila tiada tahap di atas yang boleh dicapai. Terokai setiap tahap sepenuhnya sebelum turun, dan catat sebab sesuatu tahap tidak boleh dicapai.',
  },
} as const;

/** The hierarchy diagram in one language. */
export function hierarchySvg(language: 'en' | 'ms'): string {
  const t = texts[language];
  const parts: string[] = [];
  let y = MARGIN;
  const titleLines = wrap(t.title, WIDTH - 2 * MARGIN, 30, true);
  parts.push(textLines(titleLines, MARGIN, y + 30, { size: 30, bold: true, fill: colours.navy }));
  y += blockHeight(titleLines.length, 30) + 4;
  const subtitle = wrap(t.subtitle, WIDTH - 2 * MARGIN, 22);
  parts.push(textLines(subtitle, MARGIN, y + 22, { size: 22 }));
  y += blockHeight(subtitle.length, 22) + 18;

  // "Most preferred" with an arrow up, above the first step.
  parts.push(arrowHead(MARGIN + 10, y + 2, 'up', colours.navy));
  parts.push(textLines([t.top], MARGIN + 30, y + 20, { size: 21, bold: true, fill: colours.navy }));
  y += 34;

  const indent = 18;
  const boxWidth = WIDTH - 2 * MARGIN - 4 * indent;
  t.levels.forEach(([name, detail], index) => {
    const x = MARGIN + index * indent;
    const textX = x + 74;
    const textWidth = boxWidth - 74 - 16;
    const nameLines = wrap(name, textWidth, 24, true);
    const detailLines = wrap(detail, textWidth, 21);
    const height = Math.max(
      76,
      18 + blockHeight(nameLines.length, 24) + blockHeight(detailLines.length, 21) + 12,
    );
    parts.push(
      `<rect x="${x}" y="${y}" width="${boxWidth}" height="${height}" rx="10" fill="${colours.tint}" stroke="${colours.teal}" stroke-width="2"/>`,
      `<rect x="${x}" y="${y}" width="12" height="${height}" rx="4" fill="${colours.navy}"/>`,
      `<circle cx="${x + 44}" cy="${y + height / 2}" r="22" fill="${colours.navy}"/>`,
      textLines([String(index + 1)], x + 44, y + height / 2 + 9, {
        size: 26,
        bold: true,
        fill: colours.white,
        anchor: 'middle',
      }),
      textLines(nameLines, textX, y + 14 + 24, { size: 24, bold: true, fill: colours.navy }),
      textLines(detailLines, textX, y + 14 + blockHeight(nameLines.length, 24) + 21, { size: 21 }),
    );
    y += height;
    if (index < t.levels.length - 1) {
      // A short arrow down to the next step.
      const arrowX = x + 44 + indent;
      parts.push(
        `<line x1="${arrowX}" y1="${y + 2}" x2="${arrowX}" y2="${y + 14}" stroke="${colours.navy}" stroke-width="3"/>`,
        arrowHead(arrowX, y + 26, 'down', colours.navy),
      );
      y += 28;
    }
  });
  y += 14;
  parts.push(arrowHead(MARGIN + 4 * indent + 10, y + 22, 'down', colours.navy));
  parts.push(
    textLines([t.bottom], MARGIN + 4 * indent + 30, y + 20, { size: 21, bold: true, fill: colours.navy }),
  );
  y += 40;
  const rule = wrap(t.rule, WIDTH - 2 * MARGIN - 24, 21, true);
  const ruleHeight = blockHeight(rule.length, 21) + 20;
  parts.push(
    `<rect x="${MARGIN}" y="${y}" width="${WIDTH - 2 * MARGIN}" height="${ruleHeight}" fill="${colours.goldTint}"/>`,
    `<rect x="${MARGIN}" y="${y}" width="6" height="${ruleHeight}" fill="${colours.gold}"/>`,
    textLines(rule, MARGIN + 18, y + 10 + 21 - 2, { size: 21, bold: true }),
  );
  y += ruleHeight + MARGIN;
  return svgDocument({
    id: `rtw-hierarchy-${language}`,
    language,
    title: `${t.title}. ${t.subtitle}`,
    description: t.description,
    height: Math.ceil(y),
    body: parts.join('\n'),
  });
}
