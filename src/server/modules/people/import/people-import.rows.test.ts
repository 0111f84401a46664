import { describe, expect, it } from 'vitest';
import { buildEmployeeCsv, sampleEmployee } from './fixtures.js';
import { parseEmployeeFile } from './people-import.parse.js';
import { parsedEmployeeFileSchema, type RowError } from './people-import.schemas.js';

const HEADER = 'Ansattnummer;Fornavn;Etternavn;E-post;Telefon;Stilling;Stillingsprosent;Enhet;Språk';

async function parseLines(...lines: string[]) {
  const data = Buffer.from([HEADER, ...lines].join('\n'), 'utf8');
  const result = await parseEmployeeFile({ fileName: 'ansatte.csv', data });
  expect(parsedEmployeeFileSchema.safeParse(result).error).toBeUndefined();
  expect(result.fileErrors).toEqual([]);
  return result;
}

const brief = (errors: RowError[]) => errors.map((e) => [e.row, e.field, e.code, e.value]);

describe('row validation', () => {
  it('accepts optional columns when filled in', async () => {
    const result = await parseLines('1;Kari;Nordmann; KARI@EXAMPLE.NO ;+47 912 34 567;Helsefagarbeider;0,8;U1;nynorsk');
    expect(result.errors).toEqual([]);
    expect(result.rows[0]).toMatchObject({
      email: 'kari@example.no', phone: '+47 912 34 567', profession: 'health_care_worker', positionPct: 80,
      preferredLanguage: 'nn',
    });
  });

  it('reports REQUIRED for each missing required value, naming the field', async () => {
    const result = await parseLines(';;;;;;;;nb');
    expect(result.rows).toEqual([]);
    expect(brief(result.errors)).toEqual([
      [2, 'employeeNumber', 'REQUIRED', undefined],
      [2, 'givenName', 'REQUIRED', undefined],
      [2, 'familyName', 'REQUIRED', undefined],
      [2, 'profession', 'REQUIRED', undefined],
      [2, 'positionPct', 'REQUIRED', undefined],
      [2, 'unitRef', 'REQUIRED', undefined],
    ]);
    expect(result.errors[0]?.message).toBe('Employee number is required.');
  });

  it('reports every problem on a row, with the offending value', async () => {
    const result = await parseLines('1;Kari;Nordmann;kari@;;Kokk;120;U1;tysk');
    expect(brief(result.errors)).toEqual([
      [2, 'email', 'INVALID_EMAIL', 'kari@'],
      [2, 'profession', 'UNKNOWN_PROFESSION', 'Kokk'],
      [2, 'positionPct', 'INVALID_PERCENT', '120'],
      [2, 'preferredLanguage', 'INVALID_LANGUAGE', 'tysk'],
    ]);
    for (const error of result.errors) expect(error.message).toMatch(/^".+" .+\.$/);
  });

  it.each(['0', '0 %', '-10', '101 %', 'full', '80-100'])('rejects position percentage %j', async (pct) => {
    const result = await parseLines(`1;Kari;Nordmann;;;Lege;${pct};U1;`);
    expect(brief(result.errors)).toEqual([[2, 'positionPct', 'INVALID_PERCENT', pct]]);
  });

  it('reports TOO_LONG for absurd values and truncates the echoed value', async () => {
    const long = 'x'.repeat(1000);
    const result = await parseLines(`${long};Kari;Nordmann;;;Lege;100;U1;`);
    expect(result.errors).toMatchObject([{ row: 2, field: 'employeeNumber', code: 'TOO_LONG' }]);
    expect(result.errors[0]?.value?.length).toBeLessThanOrEqual(201);
  });

  it('flags later duplicates of an employee number and an e-mail, keeping the first', async () => {
    const result = await parseLines(
      '1;Kari;Nordmann;kari@example.no;;Lege;100;U1;',
      '2;Ola;Nordmann;ola@example.no;;Lege;100;U1;',
      '1;Kari;Dobbel;other@example.no;;Lege;100;U1;',
      '3;Kari;Kopi;KARI@example.no;;Lege;100;U1;',
      '1;Per;Tredje;ola@example.no;;Lege;100;U1;',
    );
    expect(result.rows.map((r) => r.row)).toEqual([2, 3]);
    expect(brief(result.errors)).toEqual([
      [4, 'employeeNumber', 'DUPLICATE_EMPLOYEE_NUMBER', '1'],
      [5, 'email', 'DUPLICATE_EMAIL', 'kari@example.no'],
      [6, 'employeeNumber', 'DUPLICATE_EMPLOYEE_NUMBER', '1'],
      [6, 'email', 'DUPLICATE_EMAIL', 'ola@example.no'],
    ]);
    expect(result.errors[0]?.message).toBe('Employee number 1 is already used on row 2.');
    expect(result.totalRows).toBe(5);
  });

  it('treats a duplicate of an invalid row as a duplicate too', async () => {
    const result = await parseLines('1;Kari;Nordmann;;;Kokk;100;U1;', '1;Ola;Nordmann;;;Lege;100;U1;');
    expect(brief(result.errors)).toEqual([
      [2, 'profession', 'UNKNOWN_PROFESSION', 'Kokk'],
      [3, 'employeeNumber', 'DUPLICATE_EMPLOYEE_NUMBER', '1'],
    ]);
  });

  it('keeps valid rows and errors apart in a mixed file', async () => {
    const rows = [
      sampleEmployee(0),
      sampleEmployee(1, { email: 'not-an-email' }),
      sampleEmployee(2, { givenName: '' }),
      sampleEmployee(3, { preferredLanguage: 'Svenska' }),
    ];
    const result = await parseEmployeeFile({ fileName: 'a.csv', data: buildEmployeeCsv(rows) });
    expect(result.totalRows).toBe(4);
    expect(result.rows.map((r) => [r.row, r.preferredLanguage])).toEqual([[2, null], [5, 'sv']]);
    expect(result.errors.map((e) => [e.row, e.code])).toEqual([[3, 'INVALID_EMAIL'], [4, 'REQUIRED']]);
  });
});
