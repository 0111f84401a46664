import type { Language } from '../../../../shared/domain.js';

// What a certificate and its Open Badge say, in the five languages. Kept on
// the server (not in the web app's i18n files) because the PDF and the signed
// credential are made here.

export type CertificateTexts = {
  heading: string;
  certifies: string;
  completed: string;
  passed: string;
  completedOn: string;
  issuedBy: string;
  score: string;
  code: string;
  verifyAt: string;
  /** Open Badge achievement description and criteria. */
  badgeDescription: (title: string) => string;
  badgeCriteria: (title: string) => string;
};

export const CERTIFICATE_TEXTS: Record<Language, CertificateTexts> = {
  nb: {
    heading: 'Kursbevis',
    certifies: 'Dette bekrefter at',
    completed: 'har fullført',
    passed: 'har bestått',
    completedOn: 'Fullført',
    issuedBy: 'Utstedt av',
    score: 'Resultat',
    code: 'Verifiseringskode',
    verifyAt: 'Kontroller beviset på',
    badgeDescription: (t) => `Fullført opplæringen «${t}».`,
    badgeCriteria: (t) => `Deltakeren har fullført «${t}» og oppfylt kravene som er satt for opplæringen.`,
  },
  nn: {
    heading: 'Kursbevis',
    certifies: 'Dette stadfestar at',
    completed: 'har fullført',
    passed: 'har greidd',
    completedOn: 'Fullført',
    issuedBy: 'Skrive ut av',
    score: 'Resultat',
    code: 'Kontrollkode',
    verifyAt: 'Kontroller beviset på',
    badgeDescription: (t) => `Fullført opplæringa «${t}».`,
    badgeCriteria: (t) => `Deltakaren har fullført «${t}» og oppfylt krava som er sette for opplæringa.`,
  },
  sv: {
    heading: 'Kursintyg',
    certifies: 'Härmed intygas att',
    completed: 'har genomfört',
    passed: 'har godkänts i',
    completedOn: 'Genomförd',
    issuedBy: 'Utfärdat av',
    score: 'Resultat',
    code: 'Verifieringskod',
    verifyAt: 'Kontrollera intyget på',
    badgeDescription: (t) => `Har genomfört utbildningen ”${t}”.`,
    badgeCriteria: (t) => `Deltagaren har genomfört ”${t}” och uppfyllt kraven för utbildningen.`,
  },
  da: {
    heading: 'Kursusbevis',
    certifies: 'Hermed bekræftes det, at',
    completed: 'har gennemført',
    passed: 'har bestået',
    completedOn: 'Gennemført',
    issuedBy: 'Udstedt af',
    score: 'Resultat',
    code: 'Verifikationskode',
    verifyAt: 'Kontrollér beviset på',
    badgeDescription: (t) => `Har gennemført uddannelsen »${t}«.`,
    badgeCriteria: (t) => `Deltageren har gennemført »${t}« og opfyldt kravene til uddannelsen.`,
  },
  en: {
    heading: 'Certificate of completion',
    certifies: 'This is to certify that',
    completed: 'has completed',
    passed: 'has passed',
    completedOn: 'Completed',
    issuedBy: 'Issued by',
    score: 'Score',
    code: 'Verification code',
    verifyAt: 'Verify this certificate at',
    badgeDescription: (t) => `Completed the training “${t}”.`,
    badgeCriteria: (t) => `The learner completed “${t}” and met the requirements set for it.`,
  },
};

const LOCALES: Record<Language, string> = { nb: 'nb-NO', nn: 'nn-NO', sv: 'sv-SE', da: 'da-DK', en: 'en-GB' };
const TIME_ZONES: Record<string, string> = { NO: 'Europe/Oslo', SE: 'Europe/Stockholm', DK: 'Europe/Copenhagen' };

/** "3. mars 2026", "3 mars 2026", "3. marts 2026", "3 March 2026": the date where the municipality is. */
export function formatCertificateDate(date: Date, language: Language, country: string): string {
  return new Intl.DateTimeFormat(LOCALES[language], { day: 'numeric', month: 'long', year: 'numeric', timeZone: TIME_ZONES[country] ?? 'Europe/Oslo' }).format(date);
}

export function formatScore(scoreScaled: number, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language], { style: 'percent', maximumFractionDigits: 0 }).format(scoreScaled);
}
