/** The people around a case and what passes between them and the RTW coordinator. */
import {
  arrowHead,
  blockHeight,
  colours,
  escapeXml,
  MARGIN,
  svgDocument,
  textLines,
  WIDTH,
  wrap,
} from './svg.ts';

interface Party {
  readonly name: string;
  readonly gives: string;
  readonly gets: string;
}

const texts = {
  en: {
    title: 'Who does what around a case',
    subtitle: 'The RTW coordinator is the hub: they link everyone, but do not control anyone.',
    worker: {
      name: 'The worker',
      role: 'At the centre of every decision: agrees the plan, gives or refuses consent, says what works.',
    },
    workerFlow: 'Keeping in touch · consent · the RTW plan',
    hub: { name: 'RTW coordinator', role: 'Keeps in touch, gathers facts, drafts the plan, follows up.' },
    givesLabel: 'Gives:',
    getsLabel: 'Gets:',
    parties: [
      {
        name: 'Employer and supervisor',
        gives: 'suitable duties, the job’s demands, support at work',
        gets: 'the plan: duties, hours and limits (not the diagnosis)',
      },
      {
        name: 'Treating doctor',
        gives: 'fitness for work, restrictions, review of the plan',
        gets: 'the job’s demands and the draft plan',
      },
      {
        name: 'SOCSO case manager',
        gives: 'the rehabilitation plan; links SOCSO, the doctor and the rehabilitation centre',
        gets: 'what work is possible, and how the return is going',
      },
      {
        name: 'Rehabilitation provider',
        gives: 'physical and vocational rehabilitation, progress reports',
        gets: 'the job’s demands and the suitable duties on offer',
      },
    ] satisfies Party[],
    consent:
      'Health information moves only with the worker’s consent, and only what each person needs to know.',
    description:
      'A diagram of the people around a return-to-work case. The worker is at the top, at the centre of every decision: they agree the plan, give or refuse consent and say what works. A two-way arrow links the worker with the RTW coordinator: keeping in touch, consent and the RTW plan. The RTW coordinator is the hub that links everyone without controlling anyone. Four parties are linked to the coordinator, each with what it gives and what it gets. Employer and supervisor: give suitable duties, the job’s demands and support at work; get the plan’s duties, hours and limits, not the diagnosis. Treating doctor: gives fitness for work, restrictions and a review of the plan; gets the job’s demands and the draft plan. SOCSO case manager: gives the rehabilitation plan and links SOCSO, the doctor and the rehabilitation centre; gets what work is possible and how the return is going. Rehabilitation provider: gives physical and vocational rehabilitation and progress reports; gets the job’s demands and the suitable duties on offer. Health information moves only with the worker’s consent, and only what each person needs to know.',
  },
  ms: {
    title: 'Siapa buat apa dalam sesuatu kes',
    subtitle: 'Penyelaras RTW ialah hab: dia menghubungkan semua pihak, tetapi tidak mengawal sesiapa.',
    worker: {
      name: 'Pekerja',
      role: 'Di tengah-tengah setiap keputusan: bersetuju dengan pelan, memberi atau menolak persetujuan, menyatakan apa yang berkesan.',
    },
    workerFlow: 'Kekal berhubung · persetujuan · pelan RTW',
    hub: {
      name: 'Penyelaras RTW',
      role: 'Kekal berhubung, mengumpul fakta, merangka pelan, membuat susulan.',
    },
    givesLabel: 'Memberi:',
    getsLabel: 'Menerima:',
    parties: [
      {
        name: 'Majikan dan penyelia',
        gives: 'tugas sesuai, tuntutan pekerjaan, sokongan di tempat kerja',
        gets: 'pelan: tugas, waktu kerja dan had (bukan diagnosis)',
      },
      {
        name: 'Doktor yang merawat',
        gives: 'kecergasan untuk bekerja, sekatan, semakan pelan',
        gets: 'tuntutan pekerjaan dan draf pelan',
      },
      {
        name: 'Pengurus Kes PERKESO',
        gives: 'pelan rehabilitasi; menghubungkan PERKESO, doktor dan pusat rehabilitasi',
        gets: 'kerja yang boleh dilakukan, dan perkembangan kepulangan pekerja',
      },
      {
        name: 'Penyedia rehabilitasi',
        gives: 'rehabilitasi fizikal dan vokasional, laporan kemajuan',
        gets: 'tuntutan pekerjaan dan tugas sesuai yang ditawarkan',
      },
    ] satisfies Party[],
    consent:
      'Maklumat kesihatan hanya dikongsi dengan persetujuan pekerja, dan hanya apa yang perlu diketahui oleh setiap pihak.',
    description:
      'Rajah pihak-pihak dalam sesuatu kes kembali bekerja. Pekerja berada di atas, di tengah-tengah setiap keputusan: dia bersetuju dengan pelan, memberi atau menolak persetujuan dan menyatakan apa yang berkesan. Anak panah dua hala menghubungkan pekerja dengan Penyelaras RTW: kekal berhubung, persetujuan dan pelan RTW. Penyelaras RTW ialah hab yang menghubungkan semua pihak tanpa mengawal sesiapa. Empat pihak dihubungkan dengan penyelaras, masing-masing dengan apa yang diberi dan diterima. Majikan dan penyelia: memberi tugas sesuai, tuntutan pekerjaan dan sokongan di tempat kerja; menerima tugas, waktu kerja dan had dalam pelan, bukan diagnosis. Doktor yang merawat: memberi kecergasan untuk bekerja, sekatan dan semakan pelan; menerima tuntutan pekerjaan dan draf pelan. Pengurus Kes PERKESO: memberi pelan rehabilitasi dan menghubungkan PERKESO, doktor dan pusat rehabilitasi; menerima kerja yang boleh dilakukan dan perkembangan kepulangan pekerja. Penyedia rehabilitasi: memberi rehabilitasi fizikal dan vokasional serta laporan kemajuan; menerima tuntutan pekerjaan dan tugas sesuai yang ditawarkan. Maklumat kesihatan hanya dikongsi dengan persetujuan pekerja, dan hanya apa yang perlu diketahui oleh setiap pihak.',
  },
} as const;

/** A two-way arrow along x = `x` from `top` to `bottom`. */
const twoWay = (x: number, top: number, bottom: number, colour: string): string =>
  [
    `<line x1="${x}" y1="${top + 12}" x2="${x}" y2="${bottom - 12}" stroke="${colour}" stroke-width="4"/>`,
    arrowHead(x, top, 'up', colour),
    arrowHead(x, bottom, 'down', colour),
  ].join('');

/** The roles diagram in one language. */
export function rolesSvg(language: 'en' | 'ms'): string {
  const t = texts[language];
  const parts: string[] = [];
  const fullWidth = WIDTH - 2 * MARGIN;
  let y = MARGIN;
  const titleLines = wrap(t.title, fullWidth, 30, true);
  parts.push(textLines(titleLines, MARGIN, y + 30, { size: 30, bold: true, fill: colours.navy }));
  y += blockHeight(titleLines.length, 30) + 4;
  const subtitle = wrap(t.subtitle, fullWidth, 22);
  parts.push(textLines(subtitle, MARGIN, y + 22, { size: 22 }));
  y += blockHeight(subtitle.length, 22) + 18;

  const card = (
    x: number,
    width: number,
    name: string,
    lines: Array<{ text: string; label?: string }>,
    style: 'worker' | 'hub' | 'party',
  ): number => {
    const inner = width - 32;
    const nameLines = wrap(name, inner, 24, true);
    const bodies = lines.map((line) => ({
      ...line,
      lines: wrap(line.label ? `${line.label} ${line.text}` : line.text, inner, 21),
    }));
    const height =
      14 +
      blockHeight(nameLines.length, 24) +
      bodies.reduce((sum, body) => sum + blockHeight(body.lines.length, 21), 0) +
      12;
    const fill = style === 'hub' ? colours.navy : style === 'worker' ? colours.goldTint : colours.tint;
    const stroke = style === 'worker' ? colours.gold : colours.teal;
    const ink = style === 'hub' ? colours.white : colours.ink;
    parts.push(
      `<rect x="${x}" y="${y}" width="${width}" height="${height}" rx="10" fill="${fill}" stroke="${stroke}" stroke-width="2"/>`,
      textLines(nameLines, x + 16, y + 10 + 24, {
        size: 24,
        bold: true,
        fill: style === 'hub' ? colours.white : colours.navy,
      }),
    );
    let cursor = y + 10 + blockHeight(nameLines.length, 24);
    for (const body of bodies) {
      let svg = textLines(body.lines, x + 16, cursor + 21, { size: 21, fill: ink });
      // "Gives:" and "Gets:" in bold, so the two directions differ by more than their words' place.
      if (body.label) {
        const label = escapeXml(body.label);
        svg = svg.replace(`>${label} `, `><tspan font-weight="700">${label}</tspan> `);
      }
      parts.push(svg);
      cursor += blockHeight(body.lines.length, 21);
    }
    return height;
  };

  // The worker, then a two-way link to the coordinator with what passes along it.
  y += card(MARGIN, fullWidth, t.worker.name, [{ text: t.worker.role }], 'worker');
  const flowLines = wrap(t.workerFlow, fullWidth - 80, 21, true);
  const linkHeight = Math.max(64, blockHeight(flowLines.length, 21) + 24);
  parts.push(twoWay(MARGIN + 40, y + 4, y + linkHeight - 4, colours.navy));
  parts.push(
    textLines(flowLines, MARGIN + 68, y + linkHeight / 2 + 7 - ((flowLines.length - 1) * 27) / 2, {
      size: 21,
      bold: true,
      fill: colours.navy,
    }),
  );
  y += linkHeight;
  y += card(MARGIN, fullWidth, t.hub.name, [{ text: t.hub.role }], 'hub');
  const hubBottom = y;

  // The other parties hang off a spine from the hub, each linked both ways.
  const spineX = MARGIN + 22;
  const cardX = MARGIN + 64;
  const cardWidth = WIDTH - MARGIN - cardX;
  const joins: number[] = [];
  y += 22;
  for (const party of t.parties) {
    const top = y;
    y += card(
      cardX,
      cardWidth,
      party.name,
      [
        { label: t.givesLabel, text: party.gives },
        { label: t.getsLabel, text: party.gets },
      ],
      'party',
    );
    joins.push(top + 28);
    y += 18;
  }
  const lastJoin = joins.at(-1) ?? hubBottom;
  parts.push(
    `<line x1="${spineX}" y1="${hubBottom}" x2="${spineX}" y2="${lastJoin}" stroke="${colours.navy}" stroke-width="4"/>`,
    ...joins.map(
      (join) =>
        `<line x1="${spineX}" y1="${join}" x2="${cardX - 12}" y2="${join}" stroke="${colours.navy}" stroke-width="4"/>${arrowHead(cardX - 1, join, 'right', colours.navy)}`,
    ),
    arrowHead(spineX, hubBottom + 1, 'up', colours.navy),
  );

  const consent = wrap(t.consent, fullWidth - 24, 21, true);
  const consentHeight = blockHeight(consent.length, 21) + 20;
  parts.push(
    `<rect x="${MARGIN}" y="${y}" width="${fullWidth}" height="${consentHeight}" fill="${colours.goldTint}"/>`,
    `<rect x="${MARGIN}" y="${y}" width="6" height="${consentHeight}" fill="${colours.gold}"/>`,
    textLines(consent, MARGIN + 18, y + 10 + 19, { size: 21, bold: true }),
  );
  y += consentHeight + MARGIN;
  return svgDocument({
    id: `rtw-roles-${language}`,
    language,
    title: `${t.title}. ${t.subtitle}`,
    description: t.description,
    height: Math.ceil(y),
    body: parts.join('\n'),
  });
}
