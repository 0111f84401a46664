import { describe, expect, it } from 'vitest';
import { buildEmployeeCsv, sampleEmployees } from './fixtures.js';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, parseEmployeeFile } from './people-import.parse.js';
import { parsedEmployeeFileSchema } from './people-import.schemas.js';

const HEADER = 'Ansattnummer;Fornavn;Etternavn;E-post;Stilling;Stillingsprosent;Enhet';

async function parseText(text: string, fileName = 'ansatte.csv') {
  const result = await parseEmployeeFile({ fileName, data: Buffer.from(text, 'utf8') });
  // Every result, good or bad, must satisfy the schema the API serialises with.
  expect(parsedEmployeeFileSchema.safeParse(result).error).toBeUndefined();
  return result;
}

describe('CSV files', () => {
  it('reads a semicolon file with Nordic letters and normalises values', async () => {
    const result = await parseText(
      `${HEADER}\n 1001 ;Kari;Østby;Kari.Ostby@Kommune.NO;Sykepleier;80 %;Hjemmetjenesten\n`,
    );
    expect(result.format).toBe('csv');
    expect(result.fileErrors).toEqual([]);
    expect(result.totalRows).toBe(1);
    expect(result.rows).toEqual([
      {
        row: 2, employeeNumber: '1001', givenName: 'Kari', familyName: 'Østby', email: 'kari.ostby@kommune.no',
        phone: null, profession: 'nurse', positionPct: 80, unitRef: 'Hjemmetjenesten', preferredLanguage: null,
      },
    ]);
  });

  it.each([
    ['comma', ','],
    ['semicolon', ';'],
    ['tab', '\t'],
  ] as const)('detects the %s delimiter', async (_name, delimiter) => {
    const data = buildEmployeeCsv(sampleEmployees(2, { positionPct: '80' }), { delimiter });
    const result = await parseEmployeeFile({ fileName: 'ansatte.txt', data });
    expect(result.errors).toEqual([]);
    expect(result.rows.map((r) => r.employeeNumber)).toEqual(['10000', '10001']);
  });

  it('keeps decimal commas apart from a comma-free semicolon layout', async () => {
    const result = await parseText(`${HEADER}\n1;Ola;Nordmann;;Lege;"80,5";U1\n2;Åse;Berg;;Lege;0,5;U1\n`);
    expect(result.rows.map((r) => r.positionPct)).toEqual([80.5, 50]);
  });

  it('strips a UTF-8 BOM so the first header is recognised', async () => {
    const data = buildEmployeeCsv(sampleEmployees(1), { bom: true });
    expect(data.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const result = await parseEmployeeFile({ fileName: 'ansatte.csv', data });
    expect(result.columns.employeeNumber).toBe('Ansattnummer');
    expect(result.rows).toHaveLength(1);
  });

  it('falls back to Windows-1252 for Norwegian and Danish letters', async () => {
    const data = buildEmployeeCsv(
      [{ employeeNumber: '7', givenName: 'Bjørn', familyName: 'Ærø-Åsen', profession: 'Sygeplejerske', positionPct: 100, unitRef: 'Ældrepleje' }],
      { encoding: 'windows-1252', headers: 'da' },
    );
    expect(data.includes(Buffer.from([0xf8]))).toBe(true); // ø as a single Latin-1 byte
    const result = await parseEmployeeFile({ fileName: 'medarbejdere.csv', data });
    expect(result.columns.positionPct).toBe('Beskæftigelsesgrad');
    expect(result.rows[0]).toMatchObject({ givenName: 'Bjørn', familyName: 'Ærø-Åsen', unitRef: 'Ældrepleje' });
  });

  it('falls back to Windows-1252 for Swedish letters', async () => {
    const data = buildEmployeeCsv(
      [{ employeeNumber: '8', givenName: 'Märta', familyName: 'Öberg', profession: 'Undersköterska', positionPct: '75', unitRef: 'Äldreboende Åby' }],
      { encoding: 'windows-1252', headers: 'sv' },
    );
    const result = await parseEmployeeFile({ fileName: 'personal.csv', data });
    expect(result.columns.employeeNumber).toBe('Anställningsnummer');
    expect(result.rows[0]).toMatchObject({ givenName: 'Märta', familyName: 'Öberg', profession: 'health_care_worker', unitRef: 'Äldreboende Åby' });
  });

  it('reads UTF-16 "Unicode text" exports from Excel', async () => {
    const text = `${HEADER.replace(/;/g, '\t')}\n1\tÅse\tØie\t\tSykepleier\t100\tU1\n`;
    const data = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const result = await parseEmployeeFile({ fileName: 'ansatte.txt', data });
    expect(result.rows[0]).toMatchObject({ givenName: 'Åse', familyName: 'Øie' });
  });

  it('handles quoted fields with delimiters, quotes and line breaks, keeping line numbers true', async () => {
    const text = [
      HEADER,
      '1;"Anne; Marie";"O""Neil";;Sykepleier;100;"Avd. 1"',
      '2;"Per\nOle";Hansen;;Lege;100;U1', // spans lines 3-4
      '',
      '3;Kari;Nordmann;;Ukjent;100;U1', // line 6
    ].join('\r\n');
    const result = await parseText(text);
    expect(result.rows.map((r) => [r.row, r.givenName, r.familyName])).toEqual([
      [2, 'Anne; Marie', 'O"Neil'],
      [3, 'Per\nOle', 'Hansen'],
    ]);
    expect(result.errors).toMatchObject([{ row: 6, code: 'UNKNOWN_PROFESSION' }]);
  });

  it('skips blank rows (also ones with only delimiters) without counting them', async () => {
    const result = await parseText(`${HEADER}\n\n1;Kari;Nordmann;;Lege;100;U1\n;;;;;;\n   \n2;Ola;Nordmann;;Lege;100;U1\n\n`);
    expect(result.totalRows).toBe(2);
    expect(result.rows.map((r) => r.row)).toEqual([3, 6]);
  });

  it('honours an Excel "sep=" line', async () => {
    const result = await parseText(`sep=,\n${HEADER.replace(/;/g, ',')}\n1,Kari,Nordmann,,Lege,"0,8",U1\n`);
    expect(result.rows).toMatchObject([{ row: 3, positionPct: 80 }]);
  });

  it('finds the header below report title lines', async () => {
    const result = await parseText(`Ansatte per 01.01.2025\nBergen kommune;;;\n${HEADER}\n1;Kari;Nordmann;;Lege;100;U1\n`);
    expect(result.fileErrors).toEqual([]);
    expect(result.rows).toMatchObject([{ row: 4, employeeNumber: '1' }]);
  });

  it('reports unknown columns as ignored', async () => {
    const result = await parseText(`${HEADER};Fødselsdato;Lønn\n1;Kari;Nordmann;;Lege;100;U1;1980-01-01;500000\n`);
    expect(result.ignoredColumns).toEqual(['Fødselsdato', 'Lønn']);
    expect(result.errors).toEqual([]);
    expect(result.rows).toHaveLength(1);
  });
});

describe('file-level errors', () => {
  it('rejects other file types with UNSUPPORTED_FILE', async () => {
    for (const [fileName, data] of [
      ['ansatte.pdf', Buffer.from('%PDF-1.7 ...')],
      ['ansatte', Buffer.from(`${HEADER}\n`)],
      ['ansatte.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])],
      ['ansatte.csv', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])], // an .xls renamed
      ['ansatte.csv', Buffer.from([0x41, 0x00, 0x42, 0x00, 0xff, 0x00])], // binary
      ['ansatte.xlsx', Buffer.from(`${HEADER}\n`)], // not a zip
      ['ansatte.xlsx', Buffer.from('PK\x03\x04 truncated zip', 'latin1')],
    ] as const) {
      const result = await parseEmployeeFile({ fileName, data });
      expect(result.fileErrors.map((e) => e.code), fileName).toEqual(['UNSUPPORTED_FILE']);
      expect(result.rows).toEqual([]);
    }
  });

  it('reports an unclosed quote as MALFORMED_FILE', async () => {
    const result = await parseText(`${HEADER}\n1;"Kari;Nordmann;;Lege;100;U1\n`);
    expect(result.fileErrors).toMatchObject([{ code: 'MALFORMED_FILE' }]);
  });

  it('reports an empty file as EMPTY_FILE', async () => {
    for (const text of ['', '\n\n', '\uFEFF', ' ; ; \n']) {
      const result = await parseText(text);
      expect(result.fileErrors.map((e) => e.code)).toEqual(['EMPTY_FILE']);
    }
  });

  it('lists missing required columns in MISSING_COLUMNS', async () => {
    const result = await parseText('Ansattnr;Fornavn;Etternavn;Telefon;Kommentar\n1;Kari;Nordmann;123;x\n');
    expect(result.fileErrors).toHaveLength(1);
    const [error] = result.fileErrors;
    expect(error?.code).toBe('MISSING_COLUMNS');
    expect(error?.details).toMatchObject({ missing: ['profession', 'positionPct', 'unitRef'], headerRow: 1 });
    expect(error?.message).toContain('profession');
    // What was recognised is still returned so the UI can show it.
    expect(result.columns).toMatchObject({ employeeNumber: 'Ansattnr', phone: 'Telefon' });
    expect(result.ignoredColumns).toEqual(['Kommentar']);
    expect(result.rows).toEqual([]);
  });

  it('rejects files over 10 MB with FILE_TOO_LARGE', async () => {
    const data = Buffer.alloc(MAX_IMPORT_BYTES + 1, 0x41);
    const result = await parseEmployeeFile({ fileName: 'ansatte.csv', data });
    expect(result.fileErrors).toMatchObject([{ code: 'FILE_TOO_LARGE', details: { maxBytes: MAX_IMPORT_BYTES } }]);
  });

  it('accepts 50,000 rows but not one more (TOO_MANY_ROWS)', async () => {
    const lines = Array.from({ length: MAX_IMPORT_ROWS }, (_, i) => `${i};A;B;;Lege;100;U1`);
    const atLimit = await parseText(`${HEADER}\n${lines.join('\n')}\n`);
    expect(atLimit.fileErrors).toEqual([]);
    expect(atLimit.rows).toHaveLength(MAX_IMPORT_ROWS);

    const over = await parseText(`${HEADER}\n${lines.join('\n')}\n${MAX_IMPORT_ROWS};A;B;;Lege;100;U1\n`);
    expect(over.fileErrors).toMatchObject([{ code: 'TOO_MANY_ROWS', details: { maxRows: MAX_IMPORT_ROWS, rows: MAX_IMPORT_ROWS + 1 } }]);
    expect(over.totalRows).toBe(MAX_IMPORT_ROWS + 1);
    expect(over.rows).toEqual([]);
  });
});

describe('progress', () => {
  it('reports every 500 rows and at the end', async () => {
    const calls: [number, number][] = [];
    const data = buildEmployeeCsv(sampleEmployees(1200));
    const result = await parseEmployeeFile({ fileName: 'a.csv', data, onProgress: (done, total) => calls.push([done, total]) });
    expect(result.rows).toHaveLength(1200);
    expect(calls).toEqual([[500, 1200], [1000, 1200], [1200, 1200]]);
  });

  it('reports once for an exact multiple and for a file without rows', async () => {
    const calls: [number, number][] = [];
    const onProgress = (done: number, total: number) => calls.push([done, total]);
    await parseEmployeeFile({ fileName: 'a.csv', data: buildEmployeeCsv(sampleEmployees(1000)), onProgress });
    expect(calls).toEqual([[500, 1000], [1000, 1000]]);
    calls.length = 0;
    await parseEmployeeFile({ fileName: 'a.csv', data: Buffer.from(`${HEADER}\n`), onProgress });
    expect(calls).toEqual([[0, 0]]);
  });
});
