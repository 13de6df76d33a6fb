import { PDFDocument, PDFRawStream, decodePDFRawStream } from '@cantoo/pdf-lib';
import { readFileSync } from 'node:fs';
const doc = await PDFDocument.load(readFileSync('public/downloads/rtw-coordinator-handbook.pdf'));
doc.getPages().forEach((page, i) => {
  const contents = page.node.Contents();
  const streams = contents && 'asArray' in contents ? contents.asArray() : [contents];
  let out = '';
  for (const ref of streams) out += new TextDecoder('latin1').decode(decodePDFRawStream(doc.context.lookup(ref as never) as PDFRawStream).decode());
  if (i < 5 || i > 38) console.log(i + 1, out.length, (out.match(/re\nf/g) ?? []).length, (out.match(/BDC/g) ?? []).length, (out.match(/Artifact/g) ?? []).length);
  if (i === 2) { const k = out.lastIndexOf("BT"); console.log(out.slice(-2500)); }
});
