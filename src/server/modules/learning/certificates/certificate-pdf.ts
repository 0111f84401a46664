import PDFDocument from 'pdfkit';
import qrcode from 'qrcode-generator';
import type { Language } from '../../../../shared/domain.js';
import { CERTIFICATE_TEXTS, formatCertificateDate, formatScore } from './certificate-texts.js';

// The printable certificate: A4 landscape, one page, PDF standard fonts (no
// font files to ship). Those fonts cover Windows-1252, which has æøå, äö and
// the Nordic names we expect; anything else is folded to its base letter or
// replaced, so an unusual name never breaks the rendering.

export type CertificatePdfInput = {
  language: Language;
  holderName: string;
  itemTitle: string;
  outcome: 'completed' | 'passed';
  completedAt: Date;
  scoreScaled: number | null;
  issuerName: string;
  country: string;
  verificationCode: string;
  verifyUrl: string;
};

// The characters of Windows-1252 that are not Latin-1 (the 0x80–0x9F block).
const CP1252_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const FOLD: Record<string, string> = { Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', Ħ: 'H', ħ: 'h', ı: 'i', Ŧ: 'T', ŧ: 't' };

const inWinAnsi = (ch: string) => {
  const c = ch.codePointAt(0)!;
  return (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || CP1252_EXTRA.has(ch);
};

/** Text the standard PDF fonts can show: composed, folded to base letters where possible, else "?". */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    if (inWinAnsi(ch)) out += ch;
    else if (/\s/.test(ch)) out += ' ';
    else {
      const folded = FOLD[ch] ?? ch.normalize('NFKD').replace(/\p{M}/gu, '');
      out += [...folded].every(inWinAnsi) && folded.length > 0 ? folded : '?';
    }
  }
  return out;
}

const INK = '#1e2b3c';
const ACCENT = '#1e6b52';
const MUTED = '#55606e';

export function renderCertificatePdf(input: CertificatePdfInput): Promise<Buffer> {
  const t = CERTIFICATE_TEXTS[input.language];
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 0,
    info: { Title: toWinAnsi(`${t.heading}: ${input.itemTitle}`), Author: toWinAnsi(input.issuerName), Subject: input.verificationCode },
    lang: input.language,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const { width: W, height: H } = doc.page;
  doc.rect(24, 24, W - 48, H - 48).lineWidth(2).strokeColor(ACCENT).stroke();
  doc.rect(32, 32, W - 64, H - 64).lineWidth(0.5).strokeColor(ACCENT).stroke();

  const left = 80;
  const textWidth = W - 2 * left;
  const centred = (text: string, y: number, font: string, size: number, color = INK) =>
    doc.font(font).fontSize(size).fillColor(color).text(toWinAnsi(text), left, y, { width: textWidth, align: 'center' });

  // Each line starts below the one before, so a long name or title wraps without overlapping.
  centred(t.heading, 80, 'Helvetica-Bold', 34, ACCENT);
  centred(t.certifies, doc.y + 30, 'Helvetica', 14, MUTED);
  centred(input.holderName, doc.y + 10, 'Helvetica-Bold', 28);
  centred(input.outcome === 'passed' ? t.passed : t.completed, doc.y + 10, 'Helvetica', 14, MUTED);
  centred(input.itemTitle, doc.y + 10, 'Helvetica-Bold', 20);

  const facts = [
    `${t.completedOn}: ${formatCertificateDate(input.completedAt, input.language, input.country)}`,
    ...(input.outcome === 'passed' && input.scoreScaled !== null ? [`${t.score}: ${formatScore(input.scoreScaled, input.language)}`] : []),
    `${t.issuedBy}: ${input.issuerName}`,
  ];
  centred(facts.join('   ·   '), doc.y + 18, 'Helvetica', 12);

  // Verification block: code and address on the left, the QR code of the address on the right.
  const qrSize = 96;
  const qrX = W - left - qrSize;
  const qrY = H - 80 - qrSize;
  drawQrCode(doc, input.verifyUrl, qrX, qrY, qrSize);
  const infoWidth = qrX - left - 24;
  doc.font('Helvetica').fontSize(10).fillColor(MUTED).text(toWinAnsi(t.code), left, qrY + 8, { width: infoWidth });
  doc.font('Courier-Bold').fontSize(16).fillColor(INK).text(input.verificationCode, left, doc.y + 2, { width: infoWidth });
  doc.font('Helvetica').fontSize(10).fillColor(MUTED).text(toWinAnsi(t.verifyAt), left, doc.y + 8, { width: infoWidth });
  doc.font('Helvetica').fontSize(10).fillColor(ACCENT).text(input.verifyUrl, left, doc.y + 2, { width: infoWidth, link: input.verifyUrl });

  doc.end();
  return done;
}

/** The QR code as filled squares (vector, so it stays sharp when printed). */
function drawQrCode(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number) {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const count = qr.getModuleCount();
  const cell = size / count;
  for (let row = 0; row < count; row++) {
    for (let col = 0; col < count; col++) {
      if (qr.isDark(row, col)) doc.rect(x + col * cell, y + row * cell, cell, cell);
    }
  }
  doc.fillColor('#000000').fill();
}
