import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../../shared/domain.js';
import { buildEmployeeCsv, FIXTURE_HEADERS, sampleEmployees } from './fixtures.js';
import { fieldForHeader, headerKey, mapHeaders } from './people-import.headers.js';
import { parseEmployeeFile } from './people-import.parse.js';

describe('header aliases', () => {
  it.each([
    // employee number
    ['Ansattnummer', 'employeeNumber'], ['Ansattnr.', 'employeeNumber'], ['Anställningsnummer', 'employeeNumber'],
    ['Medarbejdernummer', 'employeeNumber'], ['employee_number', 'employeeNumber'], ['Employee ID', 'employeeNumber'],
    ['Tilsettnummer', 'employeeNumber'], ['Lønnummer', 'employeeNumber'],
    // given / family name
    ['Fornavn', 'givenName'], ['Förnamn', 'givenName'], ['Førenamn', 'givenName'], ['First Name', 'givenName'],
    ['given_name', 'givenName'],
    ['Etternavn', 'familyName'], ['Etternamn', 'familyName'], ['Efternamn', 'familyName'],
    ['Efternavn', 'familyName'], ['Last name', 'familyName'], ['family_name', 'familyName'],
    // contact
    ['E-post', 'email'], ['Epost', 'email'], ['E-mail', 'email'], ['EMAIL', 'email'], ['Mejl', 'email'],
    ['Telefon', 'phone'], ['Mobil', 'phone'], ['Tlf.', 'phone'], ['Phone', 'phone'],
    // profession
    ['Stilling', 'profession'], ['Yrke', 'profession'], ['Yrkesgruppe', 'profession'], ['Befattning', 'profession'],
    ['Yrkesroll', 'profession'], ['Stillingsbetegnelse', 'profession'], ['Profession', 'profession'],
    ['Faggruppe', 'profession'],
    // position percentage
    ['Stillingsprosent', 'positionPct'], ['Stillingsprosent (%)', 'positionPct'], ['Stillingsandel', 'positionPct'],
    ['Tjänstgöringsgrad', 'positionPct'], ['Sysselsättningsgrad', 'positionPct'],
    ['Beskæftigelsesgrad', 'positionPct'], ['position_pct', 'positionPct'], ['FTE', 'positionPct'],
    // unit
    ['Enhet', 'unitRef'], ['Avdeling', 'unitRef'], ['Avdelning', 'unitRef'], ['Afdeling', 'unitRef'],
    ['Unit', 'unitRef'], ['Enhetskode', 'unitRef'], ['Eining', 'unitRef'],
    // language
    ['Språk', 'preferredLanguage'], ['Sprog', 'preferredLanguage'], ['Language', 'preferredLanguage'],
    ['Målform', 'preferredLanguage'],
  ])('%s → %s', (header, field) => {
    expect(fieldForHeader(header)).toBe(field);
  });

  it('ignores case, whitespace, punctuation and diacritics', () => {
    expect(headerKey('  Tjänstgörings-grad ')).toBe('tjanstgoringsgrad');
    expect(headerKey('BESKÆFTIGELSESGRAD')).toBe('beskaeftigelsesgrad');
    expect(fieldForHeader('  e - POST  ')).toBe('email');
    expect(fieldForHeader('tjanstgoringsgrad')).toBe('positionPct');
    expect(fieldForHeader('Forste navn')).toBeNull();
    expect(fieldForHeader('')).toBeNull();
  });

  it('keeps the first column for a field and reports the rest as ignored', () => {
    const mapping = mapHeaders(['Enhet', 'Fornavn', 'Avdeling', '', 'Fødselsdato']);
    expect(mapping.indexes).toEqual({ unitRef: 0, givenName: 1 });
    expect(mapping.columns).toEqual({ unitRef: 'Enhet', givenName: 'Fornavn' });
    expect(mapping.ignoredColumns).toEqual(['Avdeling', 'Fødselsdato']);
  });
});

describe.each(LANGUAGES)('a file with %s headers', (language) => {
  it('maps every column', async () => {
    const data = buildEmployeeCsv(sampleEmployees(3, { preferredLanguage: language }), { headers: language });
    const result = await parseEmployeeFile({ fileName: 'export.csv', data });
    expect(result.fileErrors).toEqual([]);
    expect(result.errors).toEqual([]);
    expect(result.ignoredColumns).toEqual([]);
    expect(result.columns).toEqual(FIXTURE_HEADERS[language]);
    expect(result.rows).toHaveLength(3);
    expect(result.rows[0]?.preferredLanguage).toBe(language);
  });
});
