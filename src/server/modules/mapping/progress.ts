import type { CampaignProgress } from '../../../shared/api/mapping.js';

// The response rate per unit, without showing who answered. The rule is that
// no number describes fewer than k invited people (k = the municipality's
// anonymity threshold), and that no such number can be worked out by
// subtracting shown numbers from each other:
//
// 1. Bottom-up over the unit tree, every unit forms a group: its own invited
//    people plus the groups of its sub-units that are too small (< k) to stand
//    alone. A group of at least k is a row; a smaller one folds into its parent.
// 2. What reaches the top (people in no unit, small top-level units) is the
//    "other" bucket: a row of its own when it has at least k people; otherwise
//    it folds into the smallest row (marked includesOther), so that the total
//    minus the rows never isolates it.
// 3. Every roll-up (a unit with everything below it) and the total are sums of
//    rows, so subtracting them from each other only gives back rows or sums of rows.
// 4. When the whole campaign has fewer than k people there is one row, without
//    its submitted count.
//
// Leaders get the rows anchored in their units; the partition is the same for
// every caller, so comparing two callers' views reveals nothing more.

export type UnitNode = { id: string; parentId: string | null; name: string };
export type Counts = { invited: number; submitted: number };
type Row = CampaignProgress['rows'][number];

const rate = (c: Counts) => (c.invited === 0 ? null : Math.round((c.submitted / c.invited) * 1000) / 1000);
const add = (a: Counts, b: Counts): Counts => ({ invited: a.invited + b.invited, submitted: a.submitted + b.submitted });
const ZERO: Counts = { invited: 0, submitted: 0 };

export function computeProgress(input: {
  units: UnitNode[];
  /** Direct counts per unit id; key null: invitations with no unit. */
  counts: Map<string | null, Counts>;
  k: number;
  /** Units whose subtree the caller sees; 'all' for the whole campaign. */
  visibleRoots: string[] | 'all';
}): { rows: Row[]; total: { invited: number; submitted: number | null; rate: number | null } | null } {
  const { units, counts, k } = input;
  const byId = new Map(units.map((u) => [u.id, u]));
  const children = new Map<string | null, UnitNode[]>();
  for (const u of units) {
    const parent = u.parentId && byId.has(u.parentId) ? u.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(u);
    children.set(parent, list);
  }
  for (const list of children.values()) list.sort((a, b) => a.name.localeCompare(b.name, 'nb') || a.id.localeCompare(b.id));

  type Group = { counts: Counts; merged: string[] };
  const shown = new Map<string, Group & { depth: number }>();
  const order: string[] = [];

  // Post-order: returns the group that a unit hands up to its parent (empty when it is shown itself).
  const visit = (u: UnitNode, depth: number): Group => {
    const own = counts.get(u.id) ?? ZERO;
    let group: Group = { counts: own, merged: own.invited > 0 ? [u.id] : [] };
    order.push(u.id);
    for (const c of children.get(u.id) ?? []) {
      const up = visit(c, depth + 1);
      group = { counts: add(group.counts, up.counts), merged: [...group.merged, ...up.merged] };
    }
    if (group.counts.invited >= k) {
      shown.set(u.id, { ...group, merged: group.merged.filter((id) => id !== u.id), depth });
      return { counts: ZERO, merged: [] };
    }
    return group;
  };

  let other: Group = { counts: counts.get(null) ?? ZERO, merged: [] };
  for (const top of children.get(null) ?? []) {
    const up = visit(top, 0);
    other = { counts: add(other.counts, up.counts), merged: [...other.merged, ...up.merged] };
  }

  const total = [...counts.values()].reduce(add, ZERO);
  let otherRow: (Group & { depth: number }) | null = null;
  let foldedInto: string | null = null;
  if (other.counts.invited >= k) otherRow = { ...other, depth: 0 };
  else if (other.counts.invited > 0) {
    let smallest: string | null = null;
    for (const [id, g] of shown) if (!smallest || g.counts.invited < shown.get(smallest)!.counts.invited) smallest = id;
    if (smallest) {
      const g = shown.get(smallest)!;
      shown.set(smallest, { ...g, counts: add(g.counts, other.counts), merged: [...g.merged, ...other.merged] });
      foldedInto = smallest;
    } else otherRow = { ...other, depth: 0 };
  }

  const suppress = total.invited < k;
  const view = (c: Counts) => ({ invited: c.invited, submitted: suppress ? null : c.submitted, rate: suppress ? null : rate(c) });

  // Roll-ups: sums of rows anchored in the subtree.
  const rollup = new Map<string, Counts>();
  const sumBelow = (u: UnitNode): Counts => {
    let c = shown.get(u.id)?.counts ?? ZERO;
    for (const child of children.get(u.id) ?? []) c = add(c, sumBelow(child));
    rollup.set(u.id, c);
    return c;
  };
  for (const top of children.get(null) ?? []) sumBelow(top);

  let visible: Set<string> | 'all' = 'all';
  if (input.visibleRoots !== 'all') {
    const set = new Set<string>();
    const mark = (id: string) => {
      if (set.has(id)) return;
      set.add(id);
      for (const c of children.get(id) ?? []) mark(c.id);
    };
    for (const id of input.visibleRoots) if (byId.has(id)) mark(id);
    visible = set;
  }

  const rows: Row[] = [];
  for (const id of order) {
    const g = shown.get(id);
    if (!g || (visible !== 'all' && !visible.has(id))) continue;
    rows.push({
      unitId: id,
      name: byId.get(id)!.name,
      depth: g.depth,
      ...view(g.counts),
      mergedUnitIds: g.merged,
      includesOther: foldedInto === id,
      rollup: view(rollup.get(id)!),
    });
  }
  if (otherRow && visible === 'all') {
    rows.push({ unitId: null, name: null, depth: 0, ...view(otherRow.counts), mergedUnitIds: otherRow.merged, includesOther: true, rollup: view(otherRow.counts) });
  }
  return { rows, total: visible === 'all' ? view(total) : null };
}
