import { describe, expect, it } from 'vitest';
import { buildEmployeeCsv, sampleEmployee } from './fixtures.js';
import { applyUnitResolution, parseEmployeeFile, resolveUnitRefs, type ImportUnit } from './people-import.parse.js';
import type { EmployeeRow } from './people-import.schemas.js';

const UNITS: ImportUnit[] = [
  { id: 'u-home', code: '1010', name: 'Hjemmetjenesten' },
  { id: 'u-nh', code: 'SH-1', name: 'Solbakken sykehjem' },
  { id: 'u-a', code: null, name: 'Natt' },
  { id: 'u-b', code: '2020', name: 'natt' },
  { id: 'u-x', code: 'Hjemmetjenesten', name: 'Something else' },
];

function row(n: number, unitRef: string): EmployeeRow {
  return {
    row: n, employeeNumber: String(n), givenName: 'Kari', familyName: 'Nordmann', email: null, phone: null,
    profession: 'nurse', positionPct: 100, unitRef, preferredLanguage: null,
  };
}

describe('resolveUnitRefs', () => {
  it('matches codes exactly before names, then names case-insensitively', () => {
    const input = [row(2, '1010'), row(3, 'solbakken  SYKEHJEM'), row(4, 'Hjemmetjenesten'), row(5, '2020')];
    const { rows, errors } = resolveUnitRefs(input, UNITS);
    expect(errors).toEqual([]);
    expect(rows.map((r) => [r.row, r.unitId])).toEqual([[2, 'u-home'], [3, 'u-nh'], [4, 'u-x'], [5, 'u-b']]);
    expect(input[0]?.unitId).toBeUndefined(); // the input is left alone
  });

  it('does not match codes case-insensitively', () => {
    const { errors } = resolveUnitRefs([row(2, 'sh-1')], UNITS);
    expect(errors).toMatchObject([{ row: 2, field: 'unitRef', code: 'UNKNOWN_UNIT', value: 'sh-1' }]);
  });

  it('reports UNKNOWN_UNIT and AMBIGUOUS_UNIT', () => {
    const { rows, errors } = resolveUnitRefs([row(2, 'Ukjent'), row(3, 'NATT'), row(4, '1010')], UNITS);
    expect(rows.map((r) => r.row)).toEqual([4]);
    expect(errors.map((e) => [e.row, e.code, e.value])).toEqual([
      [2, 'UNKNOWN_UNIT', 'Ukjent'],
      [3, 'AMBIGUOUS_UNIT', 'NATT'],
    ]);
    expect(errors[1]?.message).toBe('"NATT" matches 2 units; use the unit code instead.');
  });

  it('reports AMBIGUOUS_UNIT when a code is shared', () => {
    const units = [...UNITS, { id: 'u-dup', code: '1010', name: 'Duplicate' }];
    expect(resolveUnitRefs([row(2, '1010')], units).errors).toMatchObject([{ code: 'AMBIGUOUS_UNIT' }]);
  });

  it('matches names regardless of Unicode normalisation', () => {
    const units = [{ id: 'u-aa', code: null, name: 'Åsheim' }];
    const { rows } = resolveUnitRefs([row(2, 'A\u030asheim')], units);
    expect(rows[0]?.unitId).toBe('u-aa');
  });

  it('merges into a parse result with errors in row order', async () => {
    const data = buildEmployeeCsv([
      sampleEmployee(0, { unitRef: '1010' }),
      sampleEmployee(1, { unitRef: 'Nowhere' }),
      sampleEmployee(2, { unitRef: 'Solbakken sykehjem', positionPct: '200' }),
      sampleEmployee(3, { unitRef: 'Solbakken sykehjem' }),
    ]);
    const parsed = await parseEmployeeFile({ fileName: 'a.csv', data });
    const resolved = applyUnitResolution(parsed, UNITS);
    expect(resolved.rows.map((r) => [r.row, r.unitId])).toEqual([[2, 'u-home'], [5, 'u-nh']]);
    expect(resolved.errors.map((e) => [e.row, e.code])).toEqual([[3, 'UNKNOWN_UNIT'], [4, 'INVALID_PERCENT']]);
  });
});
