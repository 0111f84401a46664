import { describe, expect, it } from 'vitest';
import { makeRequirementLookup } from '../role-profiles/requirements.js';
import { atomFigures, sumAtoms, type Snapshot } from './compute.js';

// Gap figures use a requirement only where it is the same for every cell of an
// atom: a profile written for one person's cell must not single them out.

const snapshot: Snapshot = {
  threshold: 5,
  respondents: 6,
  units: [{ id: 'u', parentId: null, name: 'U' }],
  atoms: [{ atomNo: 0, anchorUnitId: 'u', profession: null, respondents: 6, includesOther: false, mergedUnitIds: [] }],
  cells: [
    { cellNo: 0, unitId: 'u', profession: 'assistant', atomNo: 0, respondents: 5 },
    { cellNo: 1, unitId: 'u', profession: 'doctor', atomNo: 0, respondents: 1 },
  ],
  stats: new Map([
    [0, new Map([['C', { levels: [0, 1, 4, 0], dontKnow: 0, wantsTraining: 0 }]])],
    [1, new Map([['C', { levels: [1, 0, 0, 0], dontKnow: 0, wantsTraining: 0 }]])],
  ]),
};
const profile = (id: string, profession: string | null, level: number) => ({ id, profession, unitId: null, requirements: new Map([['C', level]]) });
const figures = (profiles: ReturnType<typeof profile>[]) => sumAtoms(snapshot.atoms, atomFigures(snapshot, ['C'], 4, makeRequirementLookup(profiles, new Map())), ['C'], 4).competences[0]!;

describe('gap figures', () => {
  it('use a requirement every cell of the atom shares', () => {
    const c = figures([profile('a', 'assistant', 3), profile('d', 'doctor', 3)]);
    expect([c.required, c.withRequirement, c.belowRequired]).toEqual([3, 6, 2]);
    expect(c.requiredRange).toEqual([3, 3]);
    expect(c.gap).toBeCloseTo(3 - (1 + 2 + 12) / 6);
  });

  it('ignore an atom whose cells have different requirements (a profile for the one doctor tells nothing)', () => {
    const c = figures([profile('d', 'doctor', 4)]);
    expect([c.required, c.withRequirement, c.belowRequired, c.gap]).toEqual([null, 0, 0, null]);
    // What the profiles ask is shown as a range: it depends on the group's make-up, not on answers.
    expect(c.requiredRange).toEqual([4, 4]);
    const mixed = figures([profile('a', 'assistant', 3), profile('d', 'doctor', 2)]);
    expect([mixed.withRequirement, mixed.belowRequired]).toEqual([0, 0]);
    expect(mixed.requiredRange).toEqual([2, 3]);
    // Averages and distributions still count the whole atom.
    expect(mixed.distribution).toEqual([1, 1, 4, 0]);
  });
});
