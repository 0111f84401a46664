import qrcode from 'qrcode-generator';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from '../../../../shared/domain.js';
import { renderCertificatePdf, toWinAnsi, type CertificatePdfInput } from './certificate-pdf.js';
import { pdfRectangles, pdfText } from './certificates.fixtures.js';

// The PDF is read back with pdf.js, as a person's PDF reader would, so what
// is checked is what the holder and a verifier see.

const input = (language: Language, o: Partial<CertificatePdfInput> = {}): CertificatePdfInput => ({
  language,
  holderName: 'Åse Ødegård Kjærstad',
  itemTitle: 'Smittevern i hjemmetjenesten',
  outcome: 'passed',
  completedAt: new Date('2026-03-03T10:00:00Z'),
  scoreScaled: 0.85,
  issuerName: 'Bærum kommune',
  country: 'NO',
  verificationCode: 'ABCD-EFGH-JKLM-NPQR',
  verifyUrl: 'https://mestring.example/verify/ABCD-EFGH-JKLM-NPQR',
  ...o,
});

const expected: Record<Language, { heading: string; date: string; score: string }> = {
  nb: { heading: 'Kursbevis', date: '3. mars 2026', score: 'Resultat: 85 %' },
  nn: { heading: 'Kursbevis', date: '3. mars 2026', score: 'Resultat: 85 %' },
  sv: { heading: 'Kursintyg', date: '3 mars 2026', score: 'Resultat: 85 %' },
  da: { heading: 'Kursusbevis', date: '3. marts 2026', score: 'Resultat: 85 %' },
  en: { heading: 'Certificate of completion', date: '3 March 2026', score: 'Score: 85%' },
};

const squash = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, ' ');

describe('certificate PDF', () => {
  for (const language of LANGUAGES) {
    it(`says who completed what, when, where and how to check it (${language})`, async () => {
      const pdf = await renderCertificatePdf(input(language));
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const text = squash(await pdfText(pdf));
      expect(text).toContain(expected[language].heading);
      expect(text).toContain('Åse Ødegård Kjærstad');
      expect(text).toContain('Smittevern i hjemmetjenesten');
      expect(text).toContain(expected[language].date);
      expect(text).toContain(squash(expected[language].score));
      expect(text).toContain('Bærum kommune');
      expect(text).toContain('ABCD-EFGH-JKLM-NPQR');
      expect(text).toContain('https://mestring.example/verify/ABCD-EFGH-JKLM-NPQR');
    });
  }

  it('leaves the score out when the item only reports completion', async () => {
    const text = await pdfText(await renderCertificatePdf(input('nb', { outcome: 'completed', scoreScaled: 0.4 })));
    expect(text).toContain('har fullført');
    expect(text).not.toContain('Resultat');
  });

  it('draws a QR code that encodes the verification address', async () => {
    const url = 'https://mestring.example/verify/ABCD-EFGH-JKLM-NPQR';
    const rects = pdfRectangles(await renderCertificatePdf(input('en', { verifyUrl: url })));
    const cells = rects.filter((r) => r.w > 0 && r.w < 5 && Math.abs(r.w - r.h) < 1e-6);
    expect(cells.length).toBeGreaterThan(100);
    const size = cells[0]!.w;
    const x0 = Math.min(...cells.map((c) => c.x));
    const y0 = Math.min(...cells.map((c) => c.y));
    const dark = new Set(cells.map((c) => `${Math.round((c.y - y0) / size)},${Math.round((c.x - x0) / size)}`));
    // Compare with the QR matrix of the address (the first row and column always hold a finder pattern).
    const qr = qrcode(0, 'M');
    qr.addData(url);
    qr.make();
    const want = new Set<string>();
    for (let r = 0; r < qr.getModuleCount(); r++) for (let c = 0; c < qr.getModuleCount(); c++) if (qr.isDark(r, c)) want.add(`${r},${c}`);
    expect(dark).toEqual(want);
  });

  it('renders names outside the standard fonts without failing, folded to what they can show', async () => {
    const pdf = await renderCertificatePdf(input('nb', { holderName: 'Łukasz Đorđević 李' }));
    const text = await pdfText(pdf);
    expect(text).toContain('Lukasz Dordevic ?');
  });

  it('keeps Nordic letters and typographic marks, folds the rest', () => {
    expect(toWinAnsi('Æsa «Øye» – “Åkerlund” €')).toBe('Æsa «Øye» – “Åkerlund” €');
    expect(toWinAnsi('Zoë Ŕ ł 🙂')).toBe('Zoë R l ?');
  });
});
