import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseMunicipalityRegistry, RegistryParseError } from './registry.parse.js';

// The official lists live beside the repository in the development setup only;
// they are read in place and never copied into the repo.
const sharedFile = (country: string) =>
  fileURLToPath(new URL(`../../../../../shared/data/municipalities-${country}.json`, import.meta.url));
const SKIP_MESSAGE = '(skipped: ../shared/data is not present in this checkout)';

const csv = (text: string) => Buffer.from(text, 'utf8');
const json = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8');

function expectInvalidFile(run: () => unknown, message: RegExp): void {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(RegistryParseError);
    expect((error as RegistryParseError).code).toBe('INVALID_FILE');
    expect((error as Error).message).toMatch(message);
    return;
  }
  expect.fail('expected RegistryParseError');
}

describe('parseMunicipalityRegistry with the official lists', () => {
  for (const [country, expected] of [['no', 357], ['se', 290], ['dk', 98]] as const) {
    const path = sharedFile(country);
    it.skipIf(!existsSync(path))(`reads all ${expected} ${country.toUpperCase()} municipalities ${SKIP_MESSAGE}`, () => {
      const data = readFileSync(path);
      const declared = (JSON.parse(data.toString('utf8')) as { count: number }).count;
      expect(declared).toBe(expected);
      const result = parseMunicipalityRegistry(`municipalities-${country}.json`, data);
      expect(result.errors).toEqual([]);
      expect(result.entries).toHaveLength(declared);
      expect(result.licence).toBeTruthy();
      expect(result.source).toBeTruthy();
      for (const entry of result.entries) {
        expect(entry.country).toBe(country.toUpperCase());
        expect(entry.code).toMatch(/^\d{4}$/);
        expect(entry.region).toBeTruthy();
      }
    });
  }

  it.skipIf(!existsSync(sharedFile('no')))(`keeps Norwegian populations and counties ${SKIP_MESSAGE}`, () => {
    const { entries } = parseMunicipalityRegistry('m.json', readFileSync(sharedFile('no')));
    const oslo = entries.find((e) => e.code === '0301');
    expect(oslo).toMatchObject({ country: 'NO', name: 'Oslo', region: 'Oslo' });
    expect(oslo?.population).toBeGreaterThan(500_000);
    expect(entries.every((e) => e.population !== null)).toBe(true);
  });

  it.skipIf(!existsSync(sharedFile('se')))(`leaves Swedish populations unknown rather than zero ${SKIP_MESSAGE}`, () => {
    const { entries } = parseMunicipalityRegistry('m.json', readFileSync(sharedFile('se')));
    expect(entries.every((e) => e.population === null)).toBe(true);
  });
});

describe('parseMunicipalityRegistry with CSV', () => {
  it('reads comma-separated rows with optional population and region', () => {
    const result = parseMunicipalityRegistry(
      'list.csv',
      csv('country,code,name,population,region\nNO,9901,Solvik,3200,Testfylke\nSE,0114,Upplands Väsby,,\nDK,101,København,,Region Hovedstaden\n'),
    );
    expect(result.errors).toEqual([]);
    expect(result.entries).toEqual([
      { country: 'NO', code: '9901', name: 'Solvik', population: 3200, region: 'Testfylke' },
      { country: 'SE', code: '0114', name: 'Upplands Väsby', population: null, region: null },
      { country: 'DK', code: '0101', name: 'København', population: null, region: 'Region Hovedstaden' },
    ]);
    expect(result.source).toBeNull();
    expect(result.licence).toBeNull();
  });

  it('reads semicolon-separated Windows-1252 files as saved by Norwegian Excel', () => {
    const latin1 = Buffer.from('Land;Kommunenummer;Navn;Folketall;Fylke\r\nno;9902;Bergheim;"12 500";Vestfold\r\nNO;9903;Havstad;41.000;Sør\r\n', 'latin1');
    const result = parseMunicipalityRegistry('kommuner.csv', latin1);
    expect(result.errors).toEqual([]);
    expect(result.entries.map((e) => [e.code, e.population, e.region])).toEqual([
      ['9902', 12500, 'Vestfold'],
      ['9903', 41000, 'Sør'],
    ]);
  });

  it('reports every bad row with its spreadsheet line and keeps the good ones', () => {
    const result = parseMunicipalityRegistry(
      'bad.csv',
      csv(
        [
          'country,code,name,population,region',
          'NO,0301,Oslo,717710,Oslo', // 2: fine
          'FI,091,Helsinki,,', // 3: unknown country
          'NO,301,Oslo,,', // 4: leading zero lost
          'SE,01A4,X,,', // 5: not digits
          'NO,9901,,100,', // 6: no name
          'NO,9902,Bergheim,-5,', // 7: negative
          'NO,9903,Havstad,12.5,', // 8: fraction
          'NO,0301,Oslo igjen,,', // 9: duplicate
          'DK,10101,Too long,,', // 10: five digits
          'NO,9904,Extra,1,Fylke,oops', // 11: too many fields
        ].join('\n'),
      ),
    );
    expect(result.entries.map((e) => e.code)).toEqual(['0301']);
    expect(result.errors.map((e) => [e.row, e.code])).toEqual([
      [3, 'INVALID_COUNTRY'],
      [4, 'INVALID_CODE'],
      [5, 'INVALID_CODE'],
      [6, 'MISSING_NAME'],
      [7, 'INVALID_POPULATION'],
      [8, 'INVALID_POPULATION'],
      [9, 'DUPLICATE'],
      [10, 'INVALID_CODE'],
      [11, 'INVALID_ROW'],
    ]);
    expect(result.errors.find((e) => e.row === 4)?.message).toMatch(/leading zero/);
    expect(result.errors.find((e) => e.row === 9)?.message).toMatch(/row 2/);
  });

  it('treats 3- and 4-digit Danish codes as the same municipality', () => {
    const result = parseMunicipalityRegistry('dk.csv', csv('country,code,name\nDK,0101,København\nDK,101,København\n'));
    expect(result.entries).toHaveLength(1);
    expect(result.errors).toEqual([expect.objectContaining({ row: 3, code: 'DUPLICATE' })]);
  });

  it('rejects a file without the required columns', () => {
    expectInvalidFile(() => parseMunicipalityRegistry('x.csv', csv('kode,navn\n0301,Oslo\n')), /missing: country, code/);
  });

  it('rejects a file with an unclosed quote', () => {
    expectInvalidFile(() => parseMunicipalityRegistry('x.csv', csv('country,code,name\nNO,0301,"Oslo\n')), /could not be read/);
  });

  it('rejects empty files, header-only files and Excel workbooks', () => {
    expectInvalidFile(() => parseMunicipalityRegistry('x.csv', Buffer.alloc(0)), /empty/);
    expectInvalidFile(() => parseMunicipalityRegistry('x.csv', csv('country,code,name\n')), /no municipalities/);
    expectInvalidFile(() => parseMunicipalityRegistry('x.csv', Buffer.from('PK\u0003\u0004rest', 'latin1')), /Excel/);
  });
});

describe('parseMunicipalityRegistry with JSON', () => {
  it('takes the country from the top level or from each entry', () => {
    const result = parseMunicipalityRegistry(
      'upload',
      json({
        country: 'NO',
        count: 2,
        sources: { 'code,name': 'Test source' },
        licence: 'CC0',
        municipalities: [
          { code: '9901', name: 'Solvik', population: 3200, county: 'Testfylke' },
          { country: 'NO', code: '9902', name: 'Bergheim', population: null },
        ],
      }),
    );
    expect(result.errors).toEqual([]);
    expect(result.entries.map((e) => [e.country, e.code, e.region])).toEqual([
      ['NO', '9901', 'Testfylke'],
      ['NO', '9902', null],
    ]);
    expect(result.source).toBe('code,name: Test source');
    expect(result.licence).toBe('CC0');
  });

  it('accepts a plain list with a country per entry', () => {
    const result = parseMunicipalityRegistry('list.json', json([{ country: 'dk', code: '0147', name: 'Frederiksberg', region: 'Region Hovedstaden' }]));
    expect(result.entries).toEqual([{ country: 'DK', code: '0147', name: 'Frederiksberg', population: null, region: 'Region Hovedstaden' }]);
  });

  it('reports bad entries by their position and flags a count that does not match', () => {
    const result = parseMunicipalityRegistry(
      'm.json',
      json({
        country: 'SE',
        count: 5,
        municipalities: [{ code: '0114', name: 'Upplands Väsby' }, 'not an object', { code: 114, name: 'Number code' }, { code: '0115', name: '  ', population: 1.5 }],
      }),
    );
    expect(result.entries).toHaveLength(1);
    expect(result.errors.map((e) => [e.row, e.code])).toEqual([
      [0, 'COUNT_MISMATCH'],
      [2, 'INVALID_ROW'],
      [3, 'INVALID_CODE'],
      [4, 'MISSING_NAME'],
      [4, 'INVALID_POPULATION'],
    ]);
  });

  it('rejects an entry whose country contradicts the file, and an unknown file country', () => {
    const mixed = parseMunicipalityRegistry('m.json', json({ country: 'NO', municipalities: [{ country: 'SE', code: '0114', name: 'Upplands Väsby' }] }));
    expect(mixed.entries).toEqual([]);
    expect(mixed.errors).toEqual([expect.objectContaining({ row: 1, code: 'INVALID_ROW' })]);
    expectInvalidFile(() => parseMunicipalityRegistry('m.json', json({ country: 'FI', municipalities: [] })), /FI/);
  });

  it('rejects broken JSON and JSON without a list', () => {
    expectInvalidFile(() => parseMunicipalityRegistry('m.json', csv('{"municipalities": [')), /not valid JSON/);
    expectInvalidFile(() => parseMunicipalityRegistry('m.json', json({ country: 'NO' })), /municipalities/);
  });
});
