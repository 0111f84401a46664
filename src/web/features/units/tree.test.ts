import { describe, expect, it } from 'vitest';
import type { Unit } from '../../../shared/api/tenancy';
import { buildUnitTree, childKind, descendantIds, flattenTree } from './tree';

let n = 0;
function unit(name: string, kind: Unit['kind'], parentId: string | null = null): Unit {
  n += 1;
  const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  return { id, municipalityId: '10000000-0000-4000-8000-000000000000', parentId, code: null, name, kind, memberCount: 0 };
}

describe('buildUnitTree', () => {
  it('nests service areas, units and teams and sorts by name', () => {
    const care = unit('Pleie og omsorg', 'service_area');
    const home = unit('Hjemmetjenesten', 'unit', care.id);
    const teamB = unit('Team B', 'team', home.id);
    const teamA = unit('Team A', 'team', home.id);
    const health = unit('Helse', 'service_area');
    const tree = buildUnitTree([teamB, home, care, teamA, health]);
    expect(tree.map((t) => t.unit.name)).toEqual(['Helse', 'Pleie og omsorg']);
    const homeNode = tree[1]?.children[0];
    expect(homeNode?.unit.name).toBe('Hjemmetjenesten');
    expect(homeNode?.children.map((c) => [c.unit.name, c.depth])).toEqual([['Team A', 2], ['Team B', 2]]);
    expect(flattenTree(tree)).toHaveLength(5);
    expect(descendantIds(tree, care.id)).toEqual(new Set([care.id, home.id, teamA.id, teamB.id]));
  });

  it('keeps orphans and cycles visible at the top level', () => {
    const orphan = unit('Orphan', 'unit', '99999999-9999-4999-8999-999999999999');
    const a = unit('A', 'unit');
    const b = unit('B', 'team', a.id);
    a.parentId = b.id;
    const tree = buildUnitTree([orphan, a, b]);
    expect(flattenTree(tree).map((x) => x.unit.name).sort()).toEqual(['A', 'B', 'Orphan']);
  });

  it('suggests the kind below a parent', () => {
    expect(childKind(null)).toBe('service_area');
    expect(childKind('service_area')).toBe('unit');
    expect(childKind('unit')).toBe('team');
  });
});
