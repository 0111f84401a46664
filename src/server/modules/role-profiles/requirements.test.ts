import { describe, expect, it } from 'vitest';
import { makeRequirementLookup, type Requirements } from './requirements.js';

// Which role profile applies to a person: the most specific wins, the nearest
// unit up the tree wins, and profiles equally specific never lower each other.

// area → unit → team; "other" is a sibling of unit.
const parentOf = new Map<string, string | null>([
  ['area', null],
  ['unit', 'area'],
  ['team', 'unit'],
  ['other', 'area'],
]);
const req = (levels: Record<string, number>): Requirements => new Map(Object.entries(levels));
const profile = (id: string, profession: string | null, unitId: string | null, levels: Record<string, number>) => ({ id, profession, unitId, requirements: req(levels) });
const asObject = (r: Requirements) => Object.fromEntries(r);

describe('makeRequirementLookup', () => {
  it('gives nothing when no profile applies', () => {
    const lookup = makeRequirementLookup([profile('p', 'doctor', null, { A: 3 })], parentOf);
    expect(asObject(lookup('team', 'nurse'))).toEqual({});
    expect(asObject(lookup(null, 'nurse'))).toEqual({});
    expect(asObject(makeRequirementLookup([], parentOf)('team', 'nurse'))).toEqual({});
  });

  it('profession and unit beats profession alone, which beats unit alone', () => {
    const profiles = [profile('unitOnly', null, 'unit', { A: 1 }), profile('professionOnly', 'nurse', null, { A: 2 }), profile('both', 'nurse', 'unit', { A: 4 })];
    expect(asObject(makeRequirementLookup(profiles, parentOf)('unit', 'nurse'))).toEqual({ A: 4 });
    expect(asObject(makeRequirementLookup(profiles.slice(0, 2), parentOf)('unit', 'nurse'))).toEqual({ A: 2 });
    expect(asObject(makeRequirementLookup(profiles.slice(0, 1), parentOf)('unit', 'nurse'))).toEqual({ A: 1 });
    // The most specific profile replaces the others wholesale (no mixing of their competences).
    const mixed = [profile('professionOnly', 'nurse', null, { A: 2, B: 2 }), profile('both', 'nurse', 'unit', { A: 3 })];
    expect(asObject(makeRequirementLookup(mixed, parentOf)('unit', 'nurse'))).toEqual({ A: 3 });
  });

  it('finds unit profiles up the tree, the nearest first, and not in sibling units', () => {
    const profiles = [profile('area', 'nurse', 'area', { A: 1 }), profile('unit', 'nurse', 'unit', { A: 3 })];
    const lookup = makeRequirementLookup(profiles, parentOf);
    expect(asObject(lookup('team', 'nurse'))).toEqual({ A: 3 });
    expect(asObject(lookup('unit', 'nurse'))).toEqual({ A: 3 });
    expect(asObject(lookup('other', 'nurse'))).toEqual({ A: 1 });
    expect(asObject(lookup('area', 'nurse'))).toEqual({ A: 1 });
    // A profession-and-unit profile far up the tree still beats a profession-only one.
    const withProfessionOnly = makeRequirementLookup([...profiles, profile('professionOnly', 'nurse', null, { A: 4 })], parentOf);
    expect(asObject(withProfessionOnly('other', 'nurse'))).toEqual({ A: 1 });
    // Someone in no unit gets the profession-only profile (or nothing).
    expect(asObject(withProfessionOnly(null, 'nurse'))).toEqual({ A: 4 });
    // Unit-only profiles also use the nearest unit up the tree.
    const unitOnly = makeRequirementLookup([profile('area', null, 'area', { B: 1 }), profile('team', null, 'team', { B: 2 })], parentOf);
    expect(asObject(unitOnly('team', 'assistant'))).toEqual({ B: 2 });
    expect(asObject(unitOnly('unit', 'assistant'))).toEqual({ B: 1 });
  });

  it('takes the highest requirement per competence among equally specific profiles', () => {
    const profiles = [profile('one', 'nurse', null, { A: 2, B: 3 }), profile('two', 'nurse', null, { A: 3, C: 1 })];
    expect(asObject(makeRequirementLookup(profiles, parentOf)('team', 'nurse'))).toEqual({ A: 3, B: 3, C: 1 });
  });

  it('survives a cycle in the unit tree and answers the same twice', () => {
    const cyclic = new Map<string, string | null>([
      ['x', 'y'],
      ['y', 'x'],
    ]);
    const lookup = makeRequirementLookup([profile('y', null, 'y', { A: 2 })], cyclic);
    expect(asObject(lookup('x', 'nurse'))).toEqual({ A: 2 });
    expect(lookup('x', 'nurse')).toBe(lookup('x', 'nurse'));
  });
});
