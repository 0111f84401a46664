// Interpreting single cell values: profession titles, position percentages,
// languages and e-mail addresses. Each function returns null when the value
// cannot be understood; the caller turns that into a row error.
import { z } from 'zod';
import { LANGUAGES, type Language, type Profession } from '../../../../shared/domain.js';
import { foldText } from './people-import.headers.js';

/** Folded text with every run of non-letters/digits collapsed to one space. */
function words(text: string): string {
  return foldText(text).replace(/[^a-z0-9]+/g, ' ').trim();
}

// Titles as they appear in nb/nn/sv/da/en exports. Matching (see
// professionFromTitle) also accepts compounds ending in a title, since Nordic
// languages glue qualifiers on the front: "intensivsykepleier",
// "enhetsleder", "overlæge", "demensassistent".
const TITLES: Record<Profession, string[]> = {
  nurse: ['sykepleier', 'sjukepleiar', 'sjuksköterska', 'sygeplejerske', 'nurse', 'registered nurse'],
  specialist_nurse: [
    'spesialsykepleier', 'spesialsjukepleiar', 'specialistsjuksköterska', 'specialsygeplejerske',
    'intensivsykepleier', 'anestesisykepleier', 'operasjonssykepleier', 'helsesykepleier',
    'distriktssjuksköterska', 'specialist nurse',
  ],
  health_care_worker: [
    'helsefagarbeider', 'helsefagarbeidar', 'hjelpepleier', 'hjelpepleiar', 'omsorgsarbeider', 'omsorgsarbeidar',
    'undersköterska', 'social- og sundhedsassistent', 'sosu-assistent', 'health care worker', 'healthcare worker',
  ],
  social_educator: [
    'vernepleier', 'vernepleiar', 'socialpedagog', 'sosialpedagog', 'pædagog', 'socialpædagog', 'social educator',
  ],
  assistant: [
    'assistent', 'pleieassistent', 'vårdbiträde', 'social- og sundhedshjælper', 'sosu-hjælper', 'assistant',
    'care assistant',
  ],
  physiotherapist: ['fysioterapeut', 'sjukgymnast', 'physiotherapist', 'physical therapist'],
  occupational_therapist: ['ergoterapeut', 'arbetsterapeut', 'occupational therapist'],
  doctor: ['lege', 'lækjar', 'läkare', 'læge', 'doctor', 'physician'],
  leader: [
    'leder', 'leiar', 'ledare', 'chef', 'enhetsleder', 'enhetsleiar', 'avdelingsleder', 'avdelingsleiar',
    'enhetschef', 'afdelingsleder', 'leader', 'manager',
  ],
  other: ['annet', 'anna', 'annan', 'andet', 'other'],
};

// Codes themselves are accepted too ("health_care_worker" folds to "health care worker").
const PATTERNS: { pattern: string; profession: Profession }[] = Object.entries(TITLES)
  .flatMap(([profession, titles]) =>
    [profession, ...titles].map((t) => ({ pattern: words(t), profession: profession as Profession })),
  )
  // Longest first so "spesialsykepleier" wins over "sykepleier" and
  // "sosu assistent" over "assistent".
  .sort((a, b) => b.pattern.length - a.pattern.length);

/**
 * Maps a free-text title to a profession code: an exact title, or else the
 * longest known title that ends a word ("Sykepleier natt", "Overlege",
 * "Avdelingsleder sykehjem"). Titles only containing a known word in the
 * middle ("sykepleierstudent") are not guessed.
 */
export function professionFromTitle(title: string): Profession | null {
  const text = words(title);
  if (!text) return null;
  for (const { pattern, profession } of PATTERNS) {
    if (text === pattern) return profession;
  }
  const padded = ` ${text} `;
  for (const { pattern, profession } of PATTERNS) {
    if (padded.includes(`${pattern} `)) return profession;
  }
  return null;
}

/**
 * Parses a position percentage. Accepts "80", "80 %", "80,5", "80.5" and
 * fractions: a value of at most 1 without a "%" sign is read as a fraction of
 * a full position (0,8 → 80), which is also how Excel stores cells formatted
 * as percent. With an explicit "%" the number is taken as is ("0,5 %" is half
 * a percent). Returns null unless the result is in (0, 100]; the value is
 * rounded to two decimals to hide float noise (0.835 * 100).
 */
export function parsePositionPct(raw: string): number | null {
  let text = raw.replace(/[\s\u00A0\u202F]/g, '');
  const explicitPercent = text.endsWith('%');
  if (explicitPercent) text = text.slice(0, -1);
  if (!/^\d+([.,]\d+)?$/.test(text)) return null;
  let value = Number(text.replace(',', '.'));
  if (!explicitPercent && value <= 1) value *= 100;
  value = Math.round(value * 100) / 100;
  return value > 0 && value <= 100 ? value : null;
}

const LANGUAGE_NAMES: Record<string, Language> = {
  norsk: 'nb', bokmal: 'nb', no: 'nb', nob: 'nb', norwegian: 'nb', 'norsk bokmal': 'nb',
  nynorsk: 'nn', nno: 'nn', 'norsk nynorsk': 'nn',
  svenska: 'sv', svensk: 'sv', swe: 'sv', swedish: 'sv',
  dansk: 'da', dan: 'da', danish: 'da',
  english: 'en', engelsk: 'en', engelska: 'en', eng: 'en',
};

/** Accepts codes (also with region: "sv-SE", "nb_NO") and language names in the Nordic languages and English. */
export function parseLanguage(raw: string): Language | null {
  const text = words(raw);
  const code = text.replace(/ (no|se|dk|gb|us|uk)$/, '');
  if ((LANGUAGES as readonly string[]).includes(code)) return code as Language;
  return LANGUAGE_NAMES[text] ?? null;
}

const emailSchema = z.email();

/** Lowercased address, or null if invalid. A "mailto:" prefix (from Excel hyperlinks) is dropped. */
export function parseEmail(raw: string): string | null {
  const email = raw.replace(/^mailto:/i, '').trim().toLowerCase();
  return emailSchema.safeParse(email).success ? email : null;
}
