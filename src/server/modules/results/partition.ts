// The k-anonymous partition of a campaign's respondents into "atoms".
//
// Every figure Mestring publishes about a campaign (screen, export, API) is a
// sum over whole atoms, and every atom holds at least k respondents. Subtracting
// one published figure from another therefore yields a sum over whole atoms
// again: never a group smaller than k. That is the whole argument; the rest of
// this file decides which atoms to make so that the reports people need (per
// unit, per profession, per unit and profession) are unions of atoms.
//
// Input cells are (unit, profession) pairs with their invited and responding
// counts. Cells with invited people but no respondent take part in the
// *structure* (which units a row covers, whether a group is "mixed"), so that
// the shape of the answer does not reveal whether one particular person in a
// small unit answered. Only respondent counts of at least k decide anything.
//
// 1. Unit groups, bottom-up over the unit tree (as for the response rate): a
//    unit's group is its own cells plus the groups of sub-units with fewer than k
//    respondents. A group with at least k respondents becomes a row anchored at
//    the unit; a smaller one is handed up to the parent.
// 2. What reaches the top (people in no unit, small top-level units) is the
//    "other" group: a row of its own with at least k respondents, otherwise it
//    folds into the row with the fewest respondents (includesOther).
// 3. Inside each row, professions with at least k respondents become atoms of
//    their own. The rest (professions with fewer than k respondents, including
//    none) form one "mixed" atom when they have k respondents together;
//    otherwise they join the smallest profession atom, which becomes mixed. A
//    row with no profession of k respondents is a single atom.
// 4. An atom's profession is set only when every cell in it (invited or
//    responding) has that profession.

export type UnitNode = { id: string; parentId: string | null; name: string };
export type CellInput = { unitId: string | null; profession: string; invited: number; respondents: number };
export type Atom = {
  atomNo: number;
  /** The unit row the atom belongs to; null = the municipality-level "other" row. */
  anchorUnitId: string | null;
  /** The one profession of every cell in the atom, or null (mixed). */
  profession: string | null;
  respondents: number;
  includesOther: boolean;
  /** Units other than the anchor whose cells are in the atom's row (structural, not respondent-based). */
  mergedUnitIds: string[];
  /** Indexes into the input cells. */
  cells: number[];
};

type Group = { cells: number[]; respondents: number };
const EMPTY: Group = { cells: [], respondents: 0 };
const join = (a: Group, b: Group): Group => ({ cells: [...a.cells, ...b.cells], respondents: a.respondents + b.respondents });

/** Children per parent in a stable order (name, then id); units whose parent is unknown are top-level. */
export function childrenOf(units: UnitNode[]): Map<string | null, UnitNode[]> {
  const byId = new Set(units.map((u) => u.id));
  const children = new Map<string | null, UnitNode[]>();
  for (const u of units) {
    const parent = u.parentId && byId.has(u.parentId) ? u.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(u);
    children.set(parent, list);
  }
  for (const list of children.values()) list.sort((a, b) => a.name.localeCompare(b.name, 'nb') || a.id.localeCompare(b.id));
  return children;
}

/** Returns the atoms, or null when the campaign has fewer than k respondents in all. */
export function partitionRespondents(units: UnitNode[], cells: CellInput[], k: number): Atom[] | null {
  if (!Number.isInteger(k) || k < 1) throw new Error('k must be a positive integer');
  const total = cells.reduce((n, c) => n + c.respondents, 0);
  if (total < k) return null;

  const known = new Set(units.map((u) => u.id));
  const own = new Map<string | null, Group>();
  cells.forEach((c, i) => {
    const key = c.unitId && known.has(c.unitId) ? c.unitId : null;
    own.set(key, join(own.get(key) ?? EMPTY, { cells: [i], respondents: c.respondents }));
  });

  const children = childrenOf(units);
  const rows = new Map<string | null, Group>();
  const rowOrder: (string | null)[] = [];
  const visit = (u: UnitNode): Group => {
    let group = own.get(u.id) ?? EMPTY;
    rowOrder.push(u.id);
    for (const child of children.get(u.id) ?? []) group = join(group, visit(child));
    if (group.respondents >= k) {
      rows.set(u.id, group);
      return EMPTY;
    }
    return group;
  };
  let other = own.get(null) ?? EMPTY;
  for (const top of children.get(null) ?? []) other = join(other, visit(top));

  let foldedInto: string | null | undefined;
  if (other.cells.length > 0) {
    if (other.respondents >= k || rows.size === 0) {
      rows.set(null, other);
      rowOrder.push(null);
    } else {
      let smallest: string | null = null;
      for (const id of rowOrder) {
        const g = rows.get(id);
        if (g && (smallest === null || g.respondents < rows.get(smallest)!.respondents)) smallest = id;
      }
      rows.set(smallest, join(rows.get(smallest)!, other));
      foldedInto = smallest;
    }
  }

  const atoms: Atom[] = [];
  for (const anchor of rowOrder) {
    const row = rows.get(anchor);
    if (!row) continue;
    const merged = [...new Set(row.cells.map((i) => cells[i]!.unitId).filter((u): u is string => u !== null && u !== anchor && known.has(u)))];
    const meta = { anchorUnitId: anchor, includesOther: anchor === null || foldedInto === anchor, mergedUnitIds: merged };
    for (const part of splitByProfession(row, cells, k)) {
      const professions = new Set(part.cells.map((i) => cells[i]!.profession));
      atoms.push({ atomNo: atoms.length, ...meta, profession: professions.size === 1 ? [...professions][0]! : null, respondents: part.respondents, cells: part.cells });
    }
  }
  return atoms;
}

function splitByProfession(row: Group, cells: CellInput[], k: number): Group[] {
  const byProfession = new Map<string, Group>();
  for (const i of row.cells) {
    const p = cells[i]!.profession;
    byProfession.set(p, join(byProfession.get(p) ?? EMPTY, { cells: [i], respondents: cells[i]!.respondents }));
  }
  const big: [string, Group][] = [];
  let rest: Group = EMPTY;
  for (const [p, g] of [...byProfession].sort(([a], [b]) => a.localeCompare(b))) {
    if (g.respondents >= k) big.push([p, g]);
    else rest = join(rest, g);
  }
  if (big.length === 0) return [row];
  const parts = big.map(([, g]) => g);
  if (rest.cells.length === 0) return parts;
  if (rest.respondents >= k) return [...parts, rest];
  let smallest = 0;
  parts.forEach((g, i) => {
    if (g.respondents < parts[smallest]!.respondents) smallest = i;
  });
  parts[smallest] = join(parts[smallest]!, rest);
  return parts;
}
