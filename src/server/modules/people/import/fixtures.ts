// Builders for employee import files, shared by unit, integration and
// Playwright tests. Rows are objects keyed either by our field names
// (translated to a header in the chosen language) or by literal header text
// (used as is), so tests can also produce odd or unknown columns.
import ExcelJS from 'exceljs';
import type { Language } from '../../../../shared/domain.js';
import { EMPLOYEE_IMPORT_FIELDS, type EmployeeImportField } from './people-import.schemas.js';

export type FixtureValue = string | number | null | undefined;
export type FixtureRow = Record<string, FixtureValue>;

/** Typical headers as HR exports in each language write them. */
export const FIXTURE_HEADERS: Record<Language, Record<EmployeeImportField, string>> = {
  nb: {
    employeeNumber: 'Ansattnummer', givenName: 'Fornavn', familyName: 'Etternavn', email: 'E-post',
    phone: 'Telefon', profession: 'Stilling', positionPct: 'Stillingsprosent', unitRef: 'Enhet',
    preferredLanguage: 'Språk',
  },
  nn: {
    employeeNumber: 'Tilsettnummer', givenName: 'Førenamn', familyName: 'Etternamn', email: 'E-post',
    phone: 'Telefon', profession: 'Stillingsnemning', positionPct: 'Stillingsprosent', unitRef: 'Eining',
    preferredLanguage: 'Målform',
  },
  sv: {
    employeeNumber: 'Anställningsnummer', givenName: 'Förnamn', familyName: 'Efternamn', email: 'E-post',
    phone: 'Telefon', profession: 'Befattning', positionPct: 'Tjänstgöringsgrad', unitRef: 'Avdelning',
    preferredLanguage: 'Språk',
  },
  da: {
    employeeNumber: 'Medarbejdernummer', givenName: 'Fornavn', familyName: 'Efternavn', email: 'E-mail',
    phone: 'Telefon', profession: 'Stillingsbetegnelse', positionPct: 'Beskæftigelsesgrad', unitRef: 'Afdeling',
    preferredLanguage: 'Sprog',
  },
  en: {
    employeeNumber: 'Employee number', givenName: 'First name', familyName: 'Last name', email: 'Email',
    phone: 'Phone', profession: 'Profession', positionPct: 'FTE', unitRef: 'Unit', preferredLanguage: 'Language',
  },
};

export type FixtureOptions = {
  /** Language of the headers for keys that are field names; default nb. */
  headers?: Language;
  /** Explicit column order (field names or header text); default: keys in first-seen order. */
  columns?: string[];
};

export type CsvFixtureOptions = FixtureOptions & {
  delimiter?: ',' | ';' | '\t';
  bom?: boolean;
  /** windows-1252 mimics Excel's "CSV (semicolon separated)" on Nordic Windows; æøåäö encode as Latin-1 bytes. */
  encoding?: 'utf-8' | 'windows-1252';
  lineEnding?: '\n' | '\r\n';
};

export type XlsxFixtureOptions = FixtureOptions & {
  sheetName?: string;
  /** Rows written above the header, like a report title. */
  titleRows?: string[];
};

function table(rows: readonly FixtureRow[], options: FixtureOptions): { header: string[]; body: FixtureValue[][] } {
  const keys = options.columns ?? [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const names = FIXTURE_HEADERS[options.headers ?? 'nb'];
  const header = keys.map((key) =>
    (EMPLOYEE_IMPORT_FIELDS as readonly string[]).includes(key) ? names[key as EmployeeImportField] : key,
  );
  return { header, body: rows.map((row) => keys.map((key) => row[key])) };
}

export function buildEmployeeCsv(rows: readonly FixtureRow[], options: CsvFixtureOptions = {}): Buffer {
  const delimiter = options.delimiter ?? ';';
  const quote = (value: FixtureValue): string => {
    const text = value === null || value === undefined ? '' : String(value);
    const needsQuotes = text.includes(delimiter) || /["\r\n]/.test(text) || text !== text.trim();
    return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const { header, body } = table(rows, options);
  const text = [header, ...body].map((cells) => cells.map(quote).join(delimiter)).join(options.lineEnding ?? '\r\n');
  const bytes = Buffer.from(`${text}${options.lineEnding ?? '\r\n'}`, options.encoding === 'windows-1252' ? 'latin1' : 'utf8');
  return options.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]) : bytes;
}

/** Numbers are written as numeric cells, as HR systems do for employee numbers and percentages. */
export async function buildEmployeeXlsx(rows: readonly FixtureRow[], options: XlsxFixtureOptions = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(options.sheetName ?? 'Ansatte');
  for (const title of options.titleRows ?? []) sheet.addRow([title]);
  const { header, body } = table(rows, options);
  sheet.addRow(header);
  for (const cells of body) sheet.addRow(cells.map((value) => (value === undefined ? null : value)));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const GIVEN_NAMES = ['Kari', 'Ola', 'Åse', 'Bjørn', 'Märta', 'Søren', 'Øystein', 'Jens'];
const FAMILY_NAMES = ['Nordmann', 'Østby', 'Ångström', 'Jørgensen', 'Lindqvist', 'Hansen'];
const TITLES = ['Sykepleier', 'Helsefagarbeider', 'Undersköterska', 'Sygeplejerske', 'Vernepleier', 'Assistent'];

/** A valid row (field-name keys) for employee i; unit refs cycle through U1..U3. */
export function sampleEmployee(i: number, overrides: FixtureRow = {}): FixtureRow {
  const givenName = GIVEN_NAMES[i % GIVEN_NAMES.length] ?? 'Kari';
  const familyName = FAMILY_NAMES[i % FAMILY_NAMES.length] ?? 'Nordmann';
  return {
    employeeNumber: String(10000 + i),
    givenName,
    familyName,
    email: `employee${i}@example.no`,
    phone: `+47 9${String(i).padStart(7, '0')}`,
    profession: TITLES[i % TITLES.length] ?? 'Sykepleier',
    positionPct: [100, 80, 50, 75][i % 4] ?? 100,
    unitRef: `U${(i % 3) + 1}`,
    preferredLanguage: '',
    ...overrides,
  };
}

export function sampleEmployees(count: number, overrides: FixtureRow = {}): FixtureRow[] {
  return Array.from({ length: count }, (_, i) => sampleEmployee(i, overrides));
}
