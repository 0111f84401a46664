import type { TenantTx } from '../../db/tenant.js';

/** Required level per competence code. */
export type Requirements = ReadonlyMap<string, number>;
export type RequirementLookup = (unitId: string | null, profession: string) => Requirements;

type Profile = { id: string; profession: string | null; unitId: string | null };

const EMPTY: Requirements = new Map();

/**
 * Which role profile applies to someone in a unit with a profession, on one
 * framework version. The most specific profile wins:
 *   1. profession and unit (the nearest unit up the tree),
 *   2. profession alone,
 *   3. unit alone (the nearest unit up the tree).
 * Among equally specific profiles the highest requirement per competence counts,
 * so that two overlapping profiles never lower what either asks for.
 * `parentOf` is the unit tree (unit id → parent id).
 */
export function makeRequirementLookup(profiles: (Profile & { requirements: Requirements })[], parentOf: ReadonlyMap<string, string | null>): RequirementLookup {
  const cache = new Map<string, Requirements>();
  const merge = (list: (Profile & { requirements: Requirements })[]): Requirements => {
    const out = new Map<string, number>();
    for (const p of list) for (const [code, level] of p.requirements) out.set(code, Math.max(out.get(code) ?? 0, level));
    return out;
  };
  const ancestry = (unitId: string | null): string[] => {
    const chain: string[] = [];
    const seen = new Set<string>();
    for (let u = unitId; u && !seen.has(u); u = parentOf.get(u) ?? null) {
      seen.add(u);
      chain.push(u);
    }
    return chain;
  };
  return (unitId, profession) => {
    const key = `${unitId ?? ''}|${profession}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const chain = ancestry(unitId);
    let result: Requirements = EMPTY;
    for (const u of chain) {
      const both = profiles.filter((p) => p.profession === profession && p.unitId === u);
      if (both.length) {
        result = merge(both);
        break;
      }
    }
    if (result === EMPTY) {
      const professionOnly = profiles.filter((p) => p.profession === profession && p.unitId === null);
      if (professionOnly.length) result = merge(professionOnly);
    }
    if (result === EMPTY) {
      for (const u of chain) {
        const unitOnly = profiles.filter((p) => p.profession === null && p.unitId === u);
        if (unitOnly.length) {
          result = merge(unitOnly);
          break;
        }
      }
    }
    cache.set(key, result);
    return result;
  };
}

/**
 * The requirement lookup for a municipality's role profiles on one framework
 * version. `parentOf` is the unit tree to resolve "nearest unit" by: the current
 * one unless the caller has its own (results use the tree frozen at closing).
 */
export async function loadRequirementLookup(tx: TenantTx, municipalityId: string, frameworkVersionId: string, parentOf?: ReadonlyMap<string, string | null>): Promise<RequirementLookup> {
  const [rows, units] = await Promise.all([
    tx
      .selectFrom('role_profiles as p')
      .leftJoin('role_profile_requirements as r', (j) => j.onRef('r.municipality_id', '=', 'p.municipality_id').onRef('r.profile_id', '=', 'p.id'))
      .select(['p.id', 'p.profession', 'p.unit_id', 'r.competence_code', 'r.required_level'])
      .where('p.municipality_id', '=', municipalityId)
      .where('p.framework_version_id', '=', frameworkVersionId)
      .execute(),
    parentOf ? Promise.resolve(null) : tx.selectFrom('units').select(['id', 'parent_id']).where('municipality_id', '=', municipalityId).execute(),
  ]);
  const profiles = new Map<string, Profile & { requirements: Map<string, number> }>();
  for (const r of rows) {
    let p = profiles.get(r.id);
    if (!p) profiles.set(r.id, (p = { id: r.id, profession: r.profession, unitId: r.unit_id, requirements: new Map() }));
    if (r.competence_code !== null && r.required_level !== null) p.requirements.set(r.competence_code, r.required_level);
  }
  return makeRequirementLookup([...profiles.values()], parentOf ?? new Map(units!.map((u) => [u.id, u.parent_id])));
}
