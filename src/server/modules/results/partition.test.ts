import { describe, expect, it } from 'vitest';
import { partitionRespondents, type CellInput, type UnitNode } from './partition.js';

const K = 5;
const unit = (id: string, parentId: string | null = null): UnitNode => ({ id, parentId, name: id });
const cell = (unitId: string | null, profession: string, respondents: number, invited = respondents): CellInput => ({ unitId, profession, invited, respondents });

function check(units: UnitNode[], cells: CellInput[], k = K) {
  const atoms = partitionRespondents(units, cells, k);
  if (!atoms) return atoms;
  const seen = new Set<number>();
  for (const a of atoms) {
    expect(a.respondents, `atom ${a.atomNo}`).toBeGreaterThanOrEqual(k);
    expect(a.respondents).toBe(a.cells.reduce((n, i) => n + cells[i]!.respondents, 0));
    for (const i of a.cells) {
      expect(seen.has(i), `cell ${i} in two atoms`).toBe(false);
      seen.add(i);
    }
  }
  expect(seen.size, 'every cell is in an atom').toBe(cells.length);
  return atoms;
}

describe('partitionRespondents', () => {
  it('returns null under k respondents in all', () => {
    expect(partitionRespondents([unit('a')], [cell('a', 'nurse', 4, 10)], K)).toBeNull();
  });

  it('keeps a unit of k alone and folds a smaller sub-unit into its parent', () => {
    const atoms = check([unit('p'), unit('c', 'p'), unit('big', 'p')], [cell('p', 'nurse', 2), cell('c', 'nurse', 3), cell('big', 'nurse', 6)])!;
    const anchors = atoms.map((a) => a.anchorUnitId).sort();
    expect(anchors).toEqual(['big', 'p']);
    expect(atoms.find((a) => a.anchorUnitId === 'p')!.mergedUnitIds).toEqual(['c']);
  });

  it('splits a row by profession only where each part has k, and merges the rest', () => {
    const atoms = check([unit('u')], [cell('u', 'nurse', 6), cell('u', 'assistant', 7), cell('u', 'doctor', 1)])!;
    expect(atoms).toHaveLength(2);
    // The doctor joins the smaller profession group, which becomes mixed.
    const mixed = atoms.find((a) => a.profession === null)!;
    expect(mixed.respondents).toBe(7);
    expect(mixed.cells.map((i) => i).sort()).toEqual([0, 2]);
    expect(atoms.find((a) => a.profession === 'assistant')!.respondents).toBe(7);
  });

  it('labels by structure: an invited profession with no respondent still makes its group mixed', () => {
    const atoms = check([unit('u')], [cell('u', 'nurse', 6), cell('u', 'physiotherapist', 0, 1)])!;
    expect(atoms).toHaveLength(1);
    expect(atoms[0]!.profession).toBeNull();
    // …and the answer looks the same whether or not the physiotherapist answered.
    const answered = check([unit('u')], [cell('u', 'nurse', 6), cell('u', 'physiotherapist', 1, 1)])!;
    expect(answered.map((a) => [a.anchorUnitId, a.profession, a.mergedUnitIds])).toEqual(atoms.map((a) => [a.anchorUnitId, a.profession, a.mergedUnitIds]));
  });

  it('folds a small "other" group (no unit) into the smallest row, or keeps it when it has k', () => {
    const folded = check([unit('a'), unit('b')], [cell('a', 'nurse', 9), cell('b', 'nurse', 6), cell(null, 'nurse', 2)])!;
    expect(folded.find((a) => a.anchorUnitId === 'b')!.includesOther).toBe(true);
    const alone = check([unit('a')], [cell('a', 'nurse', 9), cell(null, 'nurse', 5)])!;
    expect(alone.find((a) => a.anchorUnitId === null)!.respondents).toBe(5);
  });

  it('holds its invariants on random trees and counts', () => {
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const professions = ['nurse', 'assistant', 'doctor', 'health_care_worker'];
    for (let round = 0; round < 300; round++) {
      const units: UnitNode[] = [];
      const count = 1 + rand(15);
      for (let i = 0; i < count; i++) units.push(unit(`u${i}`, i === 0 || rand(4) === 0 ? null : `u${rand(i)}`));
      const cells: CellInput[] = [];
      for (const u of [...units.map((x) => x.id), null]) for (const p of professions) if (rand(3) === 0) cells.push(cell(u, p, rand(9), 9));
      const k = 3 + rand(5);
      const atoms = check(units, cells, k);
      if (atoms) {
        // Unit rows are unions of atoms: all atoms of an anchor share it (by construction), and no cell's unit is split across anchors.
        const anchorOfUnit = new Map<string | null, string | null>();
        for (const a of atoms) for (const i of a.cells) {
          const u = cells[i]!.unitId;
          if (anchorOfUnit.has(u)) expect(anchorOfUnit.get(u)).toBe(a.anchorUnitId);
          anchorOfUnit.set(u, a.anchorUnitId);
        }
      }
    }
  });
});
