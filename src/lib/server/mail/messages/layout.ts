/**
 * One look for every message, as HTML and as plain text from the same blocks. The HTML is plain
 * and accessible: a language, a title, one heading, real paragraphs and lists, link text that
 * says where it goes, styles inline (mail clients drop style sheets) at AA contrast or better.
 */
export type Block =
  | { kind: 'paragraph'; text: string }
  | { kind: 'button'; label: string; href: string }
  | { kind: 'links'; items: { label: string; href: string }[] }
  | { kind: 'code'; label: string; value: string }
  /** A label and its value in bold (when, where), in the body's own type. */
  | { kind: 'fact'; label: string; value: string }
  | { kind: 'small'; text: string };

export interface Letter {
  lang: string;
  subject: string;
  heading: string;
  blocks: Block[];
  /** Why the person gets it and how to stop it (fine print under a rule). */
  footer: Block[];
  /** The words before a button's address in plain text and under the button in HTML. */
  linkFallback: string;
  brand: string;
}

const colour = {
  text: '#1b2733',
  muted: '#4a5a6a',
  primary: '#0b4f6c',
  surface: '#f4f7f9',
  border: '#b7c3cf',
};

const font = "'Noto Sans', Arial, Helvetica, sans-serif";

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

function blockHtml(block: Block, linkFallback: string): string {
  const p = `margin:0 0 16px;font-size:16px;line-height:1.5;color:${colour.text};`;
  switch (block.kind) {
    case 'paragraph':
      return `<p style="${p}">${escapeHtml(block.text)}</p>`;
    case 'small':
      return `<p style="margin:0 0 12px;font-size:14px;line-height:1.5;color:${colour.muted};">${escapeHtml(block.text)}</p>`;
    case 'code':
      return `<p style="${p}">${escapeHtml(block.label)} <strong style="font-family:monospace;font-size:16px;">${escapeHtml(block.value)}</strong></p>`;
    case 'fact':
      return `<p style="margin:0 0 8px;font-size:16px;line-height:1.5;color:${colour.text};">${escapeHtml(block.label)} <strong>${escapeHtml(block.value)}</strong></p>`;
    case 'links':
      return `<ul style="margin:0 0 16px;padding-left:24px;">${block.items
        .map(
          (item) =>
            `<li style="margin:0 0 8px;font-size:16px;line-height:1.5;"><a href="${escapeHtml(item.href)}" style="color:${colour.primary};">${escapeHtml(item.label)}</a></li>`,
        )
        .join('')}</ul>`;
    case 'button':
      return [
        `<p style="margin:24px 0 8px;"><a href="${escapeHtml(block.href)}" style="display:inline-block;background:${colour.primary};color:#ffffff;font-weight:700;font-size:16px;line-height:1.25;padding:12px 20px;border-radius:6px;text-decoration:none;">${escapeHtml(block.label)}</a></p>`,
        `<p style="margin:0 0 16px;font-size:14px;line-height:1.5;color:${colour.muted};word-break:break-all;">${escapeHtml(linkFallback)} <a href="${escapeHtml(block.href)}" style="color:${colour.primary};">${escapeHtml(block.href)}</a></p>`,
      ].join('');
  }
}

function blockText(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
    case 'small':
      return block.text;
    case 'code':
    case 'fact':
      return `${block.label} ${block.value}`;
    case 'links':
      return block.items.map((item) => `- ${item.label}: ${item.href}`).join('\n');
    case 'button':
      return `${block.label}:\n${block.href}`;
  }
}

/** The HTML version of a letter: a complete document. */
export function letterHtml(letter: Letter): string {
  const body = letter.blocks.map((block) => blockHtml(block, letter.linkFallback)).join('\n');
  const footer = letter.footer.map((block) => blockHtml(block, letter.linkFallback)).join('\n');
  return `<!doctype html>
<html lang="${escapeHtml(letter.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${escapeHtml(letter.subject)}</title>
</head>
<body style="margin:0;padding:0;background:${colour.surface};">
<div role="article" aria-label="${escapeHtml(letter.subject)}" lang="${escapeHtml(letter.lang)}" style="padding:16px 8px;background:${colour.surface};font-family:${font};">
<div style="max-width:600px;margin:0 auto;background:#ffffff;border:1px solid ${colour.border};border-radius:6px;padding:24px;">
<p style="margin:0 0 16px;font-size:18px;font-weight:700;color:${colour.primary};">${escapeHtml(letter.brand)}</p>
<h1 style="margin:0 0 16px;font-size:22px;line-height:1.3;color:${colour.text};">${escapeHtml(letter.heading)}</h1>
${body}
<hr style="border:0;border-top:1px solid ${colour.border};margin:24px 0 16px;">
${footer}
</div>
</div>
</body>
</html>
`;
}

/** The plain-text version of a letter. */
export function letterText(letter: Letter): string {
  const parts = [
    letter.heading,
    ...letter.blocks.map(blockText),
    '--',
    ...letter.footer.map(blockText),
    letter.brand,
  ];
  return `${parts.join('\n\n')}\n`;
}
