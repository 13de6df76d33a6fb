/**
 * Just enough MIME to read what nodemailer sends: headers (folded, RFC 2047 words), a
 * multipart/alternative body, quoted-printable and base64 parts. For the tests' mail sink.
 */
export interface ReceivedMail {
  headers: Record<string, string>;
  subject: string;
  from: string;
  to: string;
  text: string;
  html: string;
  envelopeTo: string[];
  receivedAt: number;
}

function splitHeaders(block: string): Record<string, string> {
  const headers: Record<string, string> = {};
  const unfolded = block.replace(/\r?\n[ \t]+/gu, ' ');
  for (const line of unfolded.split(/\r?\n/u)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

function decodeQuotedPrintable(value: string): string {
  const bytes: number[] = [];
  const soft = value.replace(/=\r?\n/gu, '');
  for (let i = 0; i < soft.length; i += 1) {
    const char = soft[i];
    const hex = soft.slice(i + 1, i + 3);
    if (char === '=' && /^[0-9A-Fa-f]{2}$/u.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(char ?? '', 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Decodes RFC 2047 encoded words (`=?UTF-8?Q?...?=`, `=?UTF-8?B?...?=`). */
export function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/gu, '?==?')
    .replace(
      /=\?([^?]+)\?([QqBb])\?([^?]*)\?=/gu,
      (_match, _charset: string, encoding: string, text: string) =>
        encoding.toUpperCase() === 'B'
          ? Buffer.from(text, 'base64').toString('utf8')
          : decodeQuotedPrintable(text.replaceAll('_', ' ')),
    );
}

function decodeBody(body: string, encoding: string | undefined): string {
  switch ((encoding ?? '').toLowerCase()) {
    case 'quoted-printable':
      return decodeQuotedPrintable(body);
    case 'base64':
      return Buffer.from(body.replace(/\s+/gu, ''), 'base64').toString('utf8');
    default:
      return body;
  }
}

function splitPart(raw: string): { headers: Record<string, string>; body: string } {
  const match = /\r?\n\r?\n/u.exec(raw);
  if (!match) return { headers: splitHeaders(raw), body: '' };
  return { headers: splitHeaders(raw.slice(0, match.index)), body: raw.slice(match.index + match[0].length) };
}

function collect(
  part: { headers: Record<string, string>; body: string },
  into: { text: string; html: string },
): void {
  const type = part.headers['content-type'] ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/iu.exec(type)?.[1];
  if (type.toLowerCase().startsWith('multipart/') && boundary) {
    const pieces = part.body.split(`--${boundary}`).slice(1);
    for (const piece of pieces) {
      if (piece.startsWith('--')) break;
      collect(splitPart(piece.replace(/^\r?\n/u, '')), into);
    }
    return;
  }
  const decoded = decodeBody(part.body, part.headers['content-transfer-encoding']).replace(/\r\n/gu, '\n');
  if (type.toLowerCase().startsWith('text/html')) into.html = decoded;
  else if (type.toLowerCase().startsWith('text/plain')) into.text = decoded;
}

/** The headers and the text and HTML bodies of one raw message. */
export function parseMessage(raw: string): Omit<ReceivedMail, 'envelopeTo' | 'receivedAt'> {
  const top = splitPart(raw);
  const bodies = { text: '', html: '' };
  collect(top, bodies);
  return {
    headers: top.headers,
    subject: decodeWords(top.headers.subject ?? ''),
    from: decodeWords(top.headers.from ?? ''),
    to: decodeWords(top.headers.to ?? ''),
    ...bodies,
  };
}
