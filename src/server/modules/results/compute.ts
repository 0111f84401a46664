import type { CompetenceStat, ResultRow } from '../../../shared/api/results.js';
import { PROFESSIONS } from '../../../shared/domain.js';
import type { RequirementLookup } from '../role-profiles/requirements.js';
import { childrenOf } from './partition.js';

// Turns a frozen snapshot into the rows people read. Everything here is a sum
// over whole atoms (groups of at least k respondents; see partition.ts): the
// caller's scope and the filters only choose WHICH atoms, never parts of one.
//
// Gaps use the role profiles as they are now, but only where a profile gives
// the same required level to every cell (unit × profession, invited or
// answering) of an atom. Otherwise an advisor could write a profile for one
// person's cell and read how many in the atom are below it: a figure about one
// person. Where requirements vary inside an atom, that atom adds nothing to the
// gap figures (its averages and distributions still count).

export type SnapshotUnit = { id: string; parentId: string | null; name: string };
export type SnapshotAtom = { atomNo: number; anchorUnitId: string | null; profession: string | null; respondents: number; includesOther: boolean; mergedUnitIds: string[] };
export type SnapshotCell = { cellNo: number; unitId: string | null; profession: string; atomNo: number; respondents: number };
export type CellStats = { levels: number[]; dontKnow: number; wantsTraining: number };
export type Snapshot = {
  threshold: number;
  respondents: number;
  units: SnapshotUnit[];
  atoms: SnapshotAtom[];
  cells: SnapshotCell[];
  /** cellNo → competence code → counts. */
  stats: Map<number, Map<string, CellStats>>;
};

export type View = { scope: { kind: 'all' } | { kind: 'units'; rootUnitIds: string[] }; unitId?: string; profession?: string };

type Acc = {
  respondents: number;
  levels: number[];
  dontKnow: number;
  wantsTraining: number;
  withRequirement: number;
  belowRequired: number;
  requiredSum: number;
  gapSum: number;
  /** Lowest and highest requirement of the atom's cells (Infinity/-Infinity: none). */
  requiredMin: number;
  requiredMax: number;
};

/** The atoms a caller sees under a scope and filters. */
export function selectAtoms(snapshot: Snapshot, view: View): SnapshotAtom[] {
  const children = childrenOf(snapshot.units);
  const subtree = (roots: string[]) => {
    const set = new Set<string>();
    const mark = (id: string) => {
      if (set.has(id)) return;
      set.add(id);
      for (const c of children.get(id) ?? []) mark(c.id);
    };
    roots.forEach(mark);
    return set;
  };
  const scoped = view.scope.kind === 'all' ? null : subtree(view.scope.rootUnitIds);
  const filtered = view.unitId ? subtree([view.unitId]) : null;
  return snapshot.atoms.filter((a) => {
    if (scoped && (a.anchorUnitId === null || !scoped.has(a.anchorUnitId))) return false;
    if (filtered && (a.anchorUnitId === null || !filtered.has(a.anchorUnitId))) return false;
    if (view.profession && a.profession !== view.profession) return false;
    return true;
  });
}

type Base = { levels: number[]; dontKnow: number; wantsTraining: number };
type AtomBase = { cellsByAtom: Map<number, SnapshotCell[]>; base: Map<number, Map<string, Base>> };

/** What does not depend on role profiles: level counts per atom and competence. Kept with the (frozen) snapshot. */
const bases = new WeakMap<Snapshot, Map<string, AtomBase>>();
function atomBase(snapshot: Snapshot, codes: string[], levelCount: number): AtomBase {
  const key = `${levelCount}|${codes.join(',')}`;
  let perShape = bases.get(snapshot);
  if (!perShape) bases.set(snapshot, (perShape = new Map()));
  const hit = perShape.get(key);
  if (hit) return hit;
  const cellsByAtom = new Map<number, SnapshotCell[]>();
  for (const c of snapshot.cells) {
    const list = cellsByAtom.get(c.atomNo);
    if (list) list.push(c);
    else cellsByAtom.set(c.atomNo, [c]);
  }
  const base = new Map<number, Map<string, Base>>();
  for (const atom of snapshot.atoms) {
    const perCode = new Map<string, Base>();
    for (const code of codes) {
      const b: Base = { levels: new Array(levelCount).fill(0), dontKnow: 0, wantsTraining: 0 };
      for (const cell of cellsByAtom.get(atom.atomNo) ?? []) {
        const s = snapshot.stats.get(cell.cellNo)?.get(code);
        if (!s) continue;
        for (let i = 0; i < levelCount && i < s.levels.length; i++) b.levels[i]! += s.levels[i]!;
        b.dontKnow += s.dontKnow;
        b.wantsTraining += s.wantsTraining;
      }
      perCode.set(code, b);
    }
    base.set(atom.atomNo, perCode);
  }
  const result = { cellsByAtom, base };
  perShape.set(key, result);
  return result;
}

/**
 * Per atom and competence: the level counts and, where the atom's requirement is
 * uniform, the gap figures. The counts come from the frozen snapshot; only the
 * requirements are worked out per request.
 */
export function atomFigures(snapshot: Snapshot, codes: string[], levelCount: number, requirements: RequirementLookup): Map<number, Map<string, Acc>> {
  const { cellsByAtom, base } = atomBase(snapshot, codes, levelCount);
  const out = new Map<number, Map<string, Acc>>();
  for (const atom of snapshot.atoms) {
    const cells = cellsByAtom.get(atom.atomNo) ?? [];
    const cellRequirements = cells.map((c) => requirements(c.unitId, c.profession));
    const perCode = new Map<string, Acc>();
    for (const code of codes) {
      const b = base.get(atom.atomNo)!.get(code)!;
      const acc: Acc = { respondents: atom.respondents, levels: b.levels, dontKnow: b.dontKnow, wantsTraining: b.wantsTraining, withRequirement: 0, belowRequired: 0, requiredSum: 0, gapSum: 0, requiredMin: Infinity, requiredMax: -Infinity };
      for (const r of cellRequirements) {
        const level = r.get(code);
        if (level === undefined) continue;
        acc.requiredMin = Math.min(acc.requiredMin, level);
        acc.requiredMax = Math.max(acc.requiredMax, level);
      }
      const required = uniformRequirement(cellRequirements, code);
      if (required !== undefined) {
        const answered = sum(b.levels);
        const levelSum = b.levels.reduce((t, n, i) => t + n * (i + 1), 0);
        acc.withRequirement = answered;
        acc.belowRequired = sum(b.levels.slice(0, Math.max(0, required - 1)));
        acc.requiredSum = required * answered;
        acc.gapSum = required * answered - levelSum;
      }
      perCode.set(code, acc);
    }
    out.set(atom.atomNo, perCode);
  }
  return out;
}

/** The required level when every cell of the atom gets the same one; undefined when none or when they differ. */
function uniformRequirement(cellRequirements: ReadonlyMap<string, number>[], code: string): number | undefined {
  let seen: number | null | undefined;
  for (const r of cellRequirements) {
    const level = r.get(code) ?? null;
    if (seen === undefined) seen = level;
    else if (seen !== level) return undefined;
  }
  return seen ?? undefined;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

function emptyAcc(levelCount: number): Acc {
  return { respondents: 0, levels: new Array(levelCount).fill(0), dontKnow: 0, wantsTraining: 0, withRequirement: 0, belowRequired: 0, requiredSum: 0, gapSum: 0, requiredMin: Infinity, requiredMax: -Infinity };
}

export function sumAtoms(atoms: SnapshotAtom[], figures: Map<number, Map<string, Acc>>, codes: string[], levelCount: number): { respondents: number; competences: CompetenceStat[] } {
  const accs = new Map(codes.map((c) => [c, emptyAcc(levelCount)]));
  for (const atom of atoms) {
    for (const code of codes) {
      const a = figures.get(atom.atomNo)?.get(code);
      const t = accs.get(code)!;
      if (!a) continue;
      t.respondents += a.respondents;
      a.levels.forEach((n, i) => (t.levels[i]! += n));
      t.dontKnow += a.dontKnow;
      t.wantsTraining += a.wantsTraining;
      t.withRequirement += a.withRequirement;
      t.belowRequired += a.belowRequired;
      t.requiredSum += a.requiredSum;
      t.gapSum += a.gapSum;
      t.requiredMin = Math.min(t.requiredMin, a.requiredMin);
      t.requiredMax = Math.max(t.requiredMax, a.requiredMax);
    }
  }
  return {
    respondents: sum(atoms.map((a) => a.respondents)),
    competences: codes.map((code) => {
      const t = accs.get(code)!;
      const answered = sum(t.levels);
      const levelSum = t.levels.reduce((s, n, i) => s + n * (i + 1), 0);
      return {
        code,
        respondents: t.respondents,
        answered,
        average: answered > 0 ? round(levelSum / answered) : null,
        distribution: t.levels,
        dontKnow: t.dontKnow,
        wantsTraining: t.wantsTraining,
        required: t.withRequirement > 0 ? round(t.requiredSum / t.withRequirement) : null,
        requiredRange: t.requiredMin <= t.requiredMax ? ([t.requiredMin, t.requiredMax] as [number, number]) : null,
        withRequirement: t.withRequirement,
        belowRequired: t.belowRequired,
        gap: t.withRequirement > 0 ? round(t.gapSum / t.withRequirement) : null,
      };
    }),
  };
}

/** Unit rows in tree order (each a sum of the atoms anchored there), then the "other" row. */
export function unitRows(snapshot: Snapshot, atoms: SnapshotAtom[], figures: Map<number, Map<string, Acc>>, codes: string[], levelCount: number): ResultRow[] {
  const children = childrenOf(snapshot.units);
  const byAnchor = new Map<string | null, SnapshotAtom[]>();
  for (const a of atoms) {
    const list = byAnchor.get(a.anchorUnitId);
    if (list) list.push(a);
    else byAnchor.set(a.anchorUnitId, [a]);
  }
  const rows: ResultRow[] = [];
  const names = new Map(snapshot.units.map((u) => [u.id, u.name]));
  const visit = (u: SnapshotUnit, depth: number) => {
    const list = byAnchor.get(u.id);
    if (list) rows.push(row(`unit:${u.id}`, u.id, names.get(u.id) ?? null, depth, null, list, figures, codes, levelCount));
    for (const c of children.get(u.id) ?? []) visit(c, depth + 1);
  };
  for (const top of children.get(null) ?? []) visit(top, 0);
  const other = byAnchor.get(null);
  if (other) rows.push(row('other', null, null, 0, null, other, figures, codes, levelCount));
  return rows;
}

/** One row per profession (atoms of that profession alone), then the mixed groups. */
export function professionRows(atoms: SnapshotAtom[], figures: Map<number, Map<string, Acc>>, codes: string[], levelCount: number): ResultRow[] {
  const rows: ResultRow[] = [];
  for (const p of PROFESSIONS) {
    const list = atoms.filter((a) => a.profession === p);
    if (list.length) rows.push(row(`profession:${p}`, null, null, 0, p, list, figures, codes, levelCount));
  }
  const mixed = atoms.filter((a) => a.profession === null);
  if (mixed.length) rows.push(row('mixed', null, null, 0, null, mixed, figures, codes, levelCount));
  return rows;
}

export function row(
  key: string,
  unitId: string | null,
  name: string | null,
  depth: number,
  profession: string | null,
  atoms: SnapshotAtom[],
  figures: Map<number, Map<string, Acc>>,
  codes: string[],
  levelCount: number,
): ResultRow {
  const merged = [...new Set(atoms.flatMap((a) => a.mergedUnitIds))];
  return {
    key,
    unitId,
    name,
    depth,
    profession: profession as ResultRow['profession'],
    mergedUnitIds: merged,
    includesOther: atoms.some((a) => a.includesOther),
    ...sumAtoms(atoms, figures, codes, levelCount),
  };
}

export function topGaps(total: ResultRow | null) {
  if (!total) return [];
  return total.competences
    .filter((c) => c.withRequirement > 0 && c.belowRequired > 0)
    .map((c) => ({ competenceCode: c.code, shareBelow: round(c.belowRequired / c.withRequirement, 3), gap: c.gap, average: c.average, required: c.required }))
    .sort((a, b) => b.shareBelow - a.shareBelow || (b.gap ?? 0) - (a.gap ?? 0) || a.competenceCode.localeCompare(b.competenceCode))
    .slice(0, 5);
}
