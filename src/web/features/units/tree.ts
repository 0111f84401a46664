import type { Unit } from '../../../shared/api/tenancy';
import { UNIT_KINDS, type UnitKind } from '../../../shared/domain';

export type UnitNode = { unit: Unit; children: UnitNode[]; depth: number };

const KIND_ORDER = new Map(UNIT_KINDS.map((k, i) => [k, i]));

function compare(a: Unit, b: Unit): number {
  return (KIND_ORDER.get(a.kind) ?? 0) - (KIND_ORDER.get(b.kind) ?? 0) || a.name.localeCompare(b.name, 'nb');
}

/**
 * Build the service area → unit → team tree from the flat list. Units whose
 * parent is missing (or that form a cycle) become roots, so none is lost.
 */
export function buildUnitTree(units: readonly Unit[]): UnitNode[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const childrenOf = new Map<string | null, Unit[]>();
  for (const u of units) {
    const parent = u.parentId && byId.has(u.parentId) && u.parentId !== u.id ? u.parentId : null;
    const list = childrenOf.get(parent) ?? [];
    list.push(u);
    childrenOf.set(parent, list);
  }
  const seen = new Set<string>();
  const build = (parent: string | null, depth: number): UnitNode[] =>
    (childrenOf.get(parent) ?? [])
      .filter((u) => !seen.has(u.id))
      .sort(compare)
      .map((unit) => {
        seen.add(unit.id);
        return { unit, depth, children: build(unit.id, depth + 1) };
      });
  const roots = build(null, 0);
  // Anything unreached sits in a cycle: show it at the top level.
  for (const u of [...units].sort(compare)) {
    if (!seen.has(u.id)) {
      seen.add(u.id);
      roots.push({ unit: u, depth: 0, children: [] });
    }
  }
  return roots;
}

/** Depth-first list, for indented <select> options. */
export function flattenTree(nodes: readonly UnitNode[]): UnitNode[] {
  return nodes.flatMap((n) => [n, ...flattenTree(n.children)]);
}

/** The unit and every unit below it. */
export function descendantIds(nodes: readonly UnitNode[], id: string): Set<string> {
  const find = (list: readonly UnitNode[]): UnitNode | undefined => {
    for (const n of list) {
      if (n.unit.id === id) return n;
      const hit = find(n.children);
      if (hit) return hit;
    }
    return undefined;
  };
  const root = find(nodes);
  return new Set(root ? flattenTree([root]).map((n) => n.unit.id) : [id]);
}

/** The kind a new unit gets below a parent of this kind. */
export function childKind(parent: UnitKind | null): UnitKind {
  if (parent === null) return 'service_area';
  return parent === 'service_area' ? 'unit' : 'team';
}

/** Label for an option in an indented unit list. */
export function indentLabel(node: UnitNode): string {
  return `${'\u00a0\u00a0'.repeat(node.depth * 2)}${node.unit.name}`;
}
