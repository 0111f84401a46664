// Maps the header row of an HR export to our fields. HR systems in Norway,
// Sweden and Denmark (and admins editing by hand) spell headers in many ways,
// so headers are compared after folding case, diacritics, spaces and
// punctuation: "E-post", "e post" and "EPOST" are the same key.
import type { EmployeeImportField } from './people-import.schemas.js';

/** Lowercase, fold diacritics (also æ/ø, which NFD leaves alone) and drop everything but letters/digits. */
export function headerKey(text: string): string {
  return foldText(text).replace(/[^a-z0-9]/g, '');
}

/** Lowercase with diacritics folded; keeps spaces/punctuation for callers that need word boundaries. */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/[øœ]/g, 'o')
    .replace(/ß/g, 'ss')
    .replace(/ð/g, 'd')
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
}

// Written as people type them; headerKey() normalises both sides. The field
// names themselves are aliases too, so files built from our own types work.
const ALIASES: Record<EmployeeImportField, string[]> = {
  employeeNumber: [
    'employeeNumber', 'ansattnummer', 'ansattnr', 'ansatt-id', 'tilsettnummer', 'tilsettnr', 'tilsettingsnummer',
    'anställningsnummer', 'anställningsnr', 'anstnr', 'medarbetarnummer', 'medarbetarnr', 'personalnummer',
    'medarbejdernummer', 'medarbejdernr', 'medarbejder-id', 'lønnummer', 'lønnsnummer', 'lønnr',
    'employee_number', 'employee id', 'employee no', 'emp no', 'staff number', 'staff id',
  ],
  givenName: ['givenName', 'fornavn', 'førenamn', 'förnamn', 'first name', 'given_name', 'forename'],
  familyName: [
    'familyName', 'etternavn', 'etternamn', 'efternamn', 'efternavn', 'last name', 'family_name', 'surname',
  ],
  email: [
    'email', 'e-post', 'epost', 'e-postadresse', 'e-mail', 'e-mailadresse', 'mejl', 'mejladress', 'mail',
    'mailadresse', 'email address',
  ],
  phone: [
    'phone', 'telefon', 'telefonnummer', 'telefonnr', 'tlf', 'tlf.nr', 'mobil', 'mobilnummer', 'mobiltelefon',
    'mobilnr', 'phone number', 'mobile',
  ],
  profession: [
    'profession', 'stilling', 'stillingstittel', 'stillingsbetegnelse', 'stillingsnemning', 'yrke', 'yrkesgruppe',
    'yrkesroll', 'yrkestitel', 'befattning', 'faggruppe', 'job title', 'occupation',
  ],
  positionPct: [
    'positionPct', 'position_pct', 'position percentage', 'stillingsprosent', 'stillingsandel',
    'stillingsstørrelse', 'tjenesteprosent', 'tjänstgöringsgrad', 'sysselsättningsgrad', 'beskæftigelsesgrad',
    'stillingsbrøk', 'stillingsprocent', 'fte', 'position %', 'percentage',
  ],
  unitRef: [
    'unitRef', 'unit', 'unit code', 'unit name', 'enhet', 'enhetskode', 'enhetsnavn', 'enhetsnamn', 'eining',
    'einingskode', 'avdeling',
    'avdelingskode', 'avdelning', 'avdelningskod', 'afdeling', 'afdelingskode', 'enhed', 'enhedskode',
    'organisasjonsenhet', 'organisationsenhet', 'organisationsenhed', 'arbeidssted', 'arbetsplats',
    'arbejdssted', 'department',
  ],
  preferredLanguage: [
    'preferredLanguage', 'language', 'preferred language', 'språk', 'foretrukket språk', 'målform', 'sprog',
    'foretrukket sprog', 'språkval', 'föredraget språk',
  ],
};

const FIELD_BY_KEY = new Map<string, EmployeeImportField>();
for (const [field, aliases] of Object.entries(ALIASES) as [EmployeeImportField, string[]][]) {
  for (const alias of aliases) {
    const key = headerKey(alias);
    const existing = FIELD_BY_KEY.get(key);
    // Guard against an alias silently meaning two things after folding.
    if (existing && existing !== field) throw new Error(`Header alias "${alias}" maps to ${existing} and ${field}`);
    FIELD_BY_KEY.set(key, field);
  }
}

export function fieldForHeader(header: string): EmployeeImportField | null {
  const key = headerKey(header);
  // A trailing "%" (e.g. "Stillingsprosent %") folds away, so no special case is needed.
  return key ? (FIELD_BY_KEY.get(key) ?? null) : null;
}

export type HeaderMapping = {
  /** field -> column index */
  indexes: Partial<Record<EmployeeImportField, number>>;
  /** field -> header text as found */
  columns: Partial<Record<EmployeeImportField, string>>;
  ignoredColumns: string[];
};

/**
 * Maps header cells to fields. When two columns map to the same field (e.g.
 * both "Enhet" and "Avdeling") the first wins and the other is reported as
 * ignored, so the user can see which one was used.
 */
export function mapHeaders(headers: readonly string[]): HeaderMapping {
  const mapping: HeaderMapping = { indexes: {}, columns: {}, ignoredColumns: [] };
  headers.forEach((header, index) => {
    const field = fieldForHeader(header);
    if (field && mapping.indexes[field] === undefined) {
      mapping.indexes[field] = index;
      mapping.columns[field] = header;
    } else if (header.trim() !== '') {
      mapping.ignoredColumns.push(header);
    }
  });
  return mapping;
}
