/**
 * The chance of returning to work after long medical leave, as the figures SOCSO attributes to
 * Australian studies put it: about 50% after 6 months, about 20% after more than 12. Nothing marks
 * the first months as a window: the study of SOCSO's own programme (Awang et al.) linked better
 * odds to an intervention period of 3 months or less, not to a start within 3 months.
 */
import { blockHeight, colours, MARGIN, svgDocument, textLines, textWidth, WIDTH, wrap } from './svg.ts';

const texts = {
  en: {
    title: 'The longer the leave, the lower the chance of return',
    subtitle: 'Figures SOCSO attributes to Australian studies',
    axis: 'Months of medical leave',
    scale: 'Chance of returning to work',
    six: 'About 50%',
    twelve: 'About 20%',
    sixLabel: 'after 6 months',
    twelveLabel: 'after more than 12',
    note: 'These describe large groups of workers, not what will happen to any one worker. No value is shown for the first months.',
    description:
      'A bar chart. Along the bottom, months of medical leave from 0 to more than 12. Up the side, the chance of returning to work from 0 to 100 percent. One bar at 6 months reaches about 50 percent. A lower bar after more than 12 months reaches about 20 percent. These are figures SOCSO attributes to Australian studies; they describe large groups of workers, not what will happen to any one worker. No value is shown for the first months.',
  },
  ms: {
    title: 'Semakin lama cuti, semakin rendah peluang kembali bekerja',
    subtitle: 'Angka yang dikaitkan oleh PERKESO dengan kajian di Australia',
    axis: 'Bulan cuti sakit',
    scale: 'Peluang kembali bekerja',
    six: 'Kira-kira 50%',
    twelve: 'Kira-kira 20%',
    sixLabel: 'selepas 6 bulan',
    twelveLabel: 'selepas lebih 12 bulan',
    note: 'Angka ini menggambarkan kumpulan besar pekerja, bukan apa yang akan berlaku kepada seorang pekerja. Tiada nilai ditunjukkan bagi bulan-bulan awal.',
    description:
      'Carta bar. Di sepanjang bahagian bawah, bulan cuti sakit dari 0 hingga lebih daripada 12. Di bahagian tepi, peluang kembali bekerja dari 0 hingga 100 peratus. Satu bar pada 6 bulan mencapai kira-kira 50 peratus. Satu bar yang lebih rendah selepas lebih daripada 12 bulan mencapai kira-kira 20 peratus. Angka ini dikaitkan oleh PERKESO dengan kajian di Australia; angka ini menggambarkan kumpulan besar pekerja, bukan apa yang akan berlaku kepada seorang pekerja. Tiada nilai ditunjukkan bagi bulan-bulan awal.',
  },
} as const;

/** The early-intervention chart in one language. */
export function earlyInterventionSvg(language: 'en' | 'ms'): string {
  const t = texts[language];
  const parts: string[] = [];
  const fullWidth = WIDTH - 2 * MARGIN;
  let y = MARGIN;
  const titleLines = wrap(t.title, fullWidth, 28, true);
  parts.push(textLines(titleLines, MARGIN, y + 28, { size: 28, bold: true, fill: colours.navy }));
  y += blockHeight(titleLines.length, 28) + 4;
  const subtitle = wrap(t.subtitle, fullWidth, 22);
  parts.push(textLines(subtitle, MARGIN, y + 22, { size: 22, fill: colours.ink }));
  y += blockHeight(subtitle.length, 22) + 16;
  parts.push(textLines([t.scale], MARGIN, y + 21, { size: 21, bold: true }));
  y += 40;

  // Plot area: 0% at the bottom, 100% at the top.
  const left = MARGIN + 64;
  const right = WIDTH - MARGIN - 8;
  const top = y;
  const plotHeight = 300;
  const bottom = top + plotHeight;
  const yOf = (percent: number) => bottom - (plotHeight * percent) / 100;
  for (const percent of [25, 50, 75, 100]) {
    parts.push(
      `<line x1="${left}" y1="${yOf(percent)}" x2="${right}" y2="${yOf(percent)}" stroke="#b7c3cf" stroke-width="1.5"/>`,
    );
  }
  for (const percent of [0, 25, 50, 75, 100]) {
    parts.push(textLines([`${percent}%`], left - 10, yOf(percent) + 7, { size: 20, anchor: 'end' }));
  }
  // Months: 0, 3, 6, 9, 12 evenly, then "12+" beyond.
  const step = (right - left) / 5;
  const xOf = (month: number) => left + (month / 3) * step;
  const twelvePlus = left + 4.55 * step;
  const ticks: Array<[number, string]> = [
    [xOf(0), '0'],
    [xOf(3), '3'],
    [xOf(6), '6'],
    [xOf(9), '9'],
    [xOf(12), '12'],
    [twelvePlus, '12+'],
  ];
  const barWidth = 64;
  const bar = (centre: number, percent: number, value: string, label: string) => {
    const barTop = yOf(percent);
    // Keep the labels inside the figure: a label wider than the room right of the bar shifts left.
    const half = Math.max(textWidth(value, 22, true), textWidth(label, 20)) / 2;
    const labelX = Math.min(centre, WIDTH - MARGIN - half);
    parts.push(
      `<rect x="${centre - barWidth / 2}" y="${barTop}" width="${barWidth}" height="${bottom - barTop}" fill="${colours.teal}"/>`,
      textLines([value], labelX, barTop - 34, { size: 22, bold: true, fill: colours.navy, anchor: 'middle' }),
      textLines([label], labelX, barTop - 10, { size: 20, fill: colours.ink, anchor: 'middle' }),
    );
  };
  bar(xOf(6), 50, t.six, t.sixLabel);
  bar(twelvePlus, 20, t.twelve, t.twelveLabel);
  parts.push(
    `<line x1="${left}" y1="${top - 6}" x2="${left}" y2="${bottom}" stroke="${colours.ink}" stroke-width="2.5"/>`,
    `<line x1="${left}" y1="${bottom}" x2="${right}" y2="${bottom}" stroke="${colours.ink}" stroke-width="2.5"/>`,
    ...ticks.map(
      ([x, label]) =>
        `<line x1="${x}" y1="${bottom}" x2="${x}" y2="${bottom + 8}" stroke="${colours.ink}" stroke-width="2.5"/>${textLines([label], x, bottom + 32, { size: 20, anchor: 'middle' })}`,
    ),
  );
  y = bottom + 44;
  parts.push(textLines([t.axis], (left + right) / 2, y + 22, { size: 21, bold: true, anchor: 'middle' }));
  y += 44;
  const note = wrap(t.note, fullWidth - 24, 20);
  const noteHeight = blockHeight(note.length, 20) + 20;
  parts.push(
    `<rect x="${MARGIN}" y="${y}" width="${fullWidth}" height="${noteHeight}" fill="${colours.goldTint}"/>`,
    `<rect x="${MARGIN}" y="${y}" width="6" height="${noteHeight}" fill="${colours.gold}"/>`,
    textLines(note, MARGIN + 18, y + 10 + 18, { size: 20 }),
  );
  y += noteHeight + MARGIN;
  return svgDocument({
    id: `early-intervention-${language}`,
    language,
    title: `${t.title}. ${t.subtitle}.`,
    description: t.description,
    height: Math.ceil(y),
    body: parts.join('\n'),
  });
}
