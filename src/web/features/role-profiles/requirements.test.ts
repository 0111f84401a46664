import { describe, expect, it } from 'vitest';
import { detailsBody, detailsOf, groupByArea, levelMap, requirementsFrom, sameDetails, sameLevels, withLevel } from './requirements';

const c = (code: string, areaCode: string) => ({ code, areaCode, name: { en: code }, description: null, digcompRef: null, levelDescriptions: [], statementCount: 0 });

describe('role profile requirements', () => {
  it('turns requirements into a level map and back, in the framework order', () => {
    const levels = levelMap([{ competenceCode: 'B.1', requiredLevel: 2 }, { competenceCode: 'A.1', requiredLevel: 3 }]);
    expect(levels).toEqual({ 'B.1': 2, 'A.1': 3 });
    expect(requirementsFrom(levels, ['A.1', 'A.2', 'B.1'])).toEqual([
      { competenceCode: 'A.1', requiredLevel: 3 },
      { competenceCode: 'B.1', requiredLevel: 2 },
    ]);
    expect(requirementsFrom({ 'Z.9': 1, 'A.1': 1, 'Y.1': 2 }, ['A.1'])).toEqual([
      { competenceCode: 'A.1', requiredLevel: 1 },
      { competenceCode: 'Y.1', requiredLevel: 2 },
      { competenceCode: 'Z.9', requiredLevel: 1 },
    ]);
  });

  it('sets and clears levels without changing the original', () => {
    const before = { 'A.1': 1 };
    const after = withLevel(withLevel(before, 'A.2', 4), 'A.1', null);
    expect(after).toEqual({ 'A.2': 4 });
    expect(before).toEqual({ 'A.1': 1 });
    expect(sameLevels({ 'A.1': 1, 'A.2': 2 }, { 'A.2': 2, 'A.1': 1 })).toBe(true);
    expect(sameLevels({ 'A.1': 1 }, { 'A.1': 2 })).toBe(false);
    expect(sameLevels({ 'A.1': 1 }, { 'A.1': 1, 'A.2': 1 })).toBe(false);
  });

  it('groups competences by area in the framework order, keeping strays', () => {
    const groups = groupByArea({
      areas: [{ code: 'A', name: { en: 'A' }, description: null }, { code: 'B', name: { en: 'B' }, description: null }],
      competences: [c('B.1', 'B'), c('A.1', 'A'), c('X.1', 'X'), c('A.2', 'A')],
    });
    expect(groups.map((g) => [g.area.code, g.competences.map((x) => x.code)])).toEqual([
      ['A', ['A.1', 'A.2']],
      ['B', ['B.1']],
      ['X', ['X.1']],
    ]);
  });

  it('maps the profile fields to the form and to a request body', () => {
    const values = detailsOf({ name: 'Nurse', description: null, profession: null, unitId: null });
    expect(values).toEqual({ name: 'Nurse', description: '', profession: '', unitId: '' });
    expect(detailsBody({ ...values, name: '  Nurse ', description: '  ', profession: 'nurse' })).toEqual({
      name: 'Nurse', description: null, profession: 'nurse', unitId: null,
    });
    expect(sameDetails(values, { ...values, name: 'Nurse ' })).toBe(true);
    expect(sameDetails(values, { ...values, description: 'x' })).toBe(false);
  });
});
