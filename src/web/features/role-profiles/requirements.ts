import type { FrameworkVersionDetail } from '../../../shared/api/frameworks';
import type { RoleProfile } from '../../../shared/api/role-profiles';
import type { Profession } from '../../../shared/domain';

type Requirement = RoleProfile['requirements'][number];
type Area = FrameworkVersionDetail['areas'][number];
type Competence = FrameworkVersionDetail['competences'][number];

/** Required level by competence code; a competence without a requirement is absent. */
export type LevelMap = Readonly<Record<string, number>>;

export function levelMap(requirements: readonly Requirement[]): LevelMap {
  return Object.fromEntries(requirements.map((r) => [r.competenceCode, r.requiredLevel]));
}

/** Set or clear (null) one competence's level. */
export function withLevel(levels: LevelMap, code: string, level: number | null): LevelMap {
  const next = { ...levels };
  if (level === null) delete next[code];
  else next[code] = level;
  return next;
}

/** The requirements to send, in the framework's order (codes it does not know last, sorted). */
export function requirementsFrom(levels: LevelMap, order: readonly string[]): Requirement[] {
  const known = new Set(order);
  const codes = [...order.filter((c) => c in levels), ...Object.keys(levels).filter((c) => !known.has(c)).sort()];
  return codes.map((competenceCode) => ({ competenceCode, requiredLevel: levels[competenceCode] as number }));
}

export function sameLevels(a: LevelMap, b: LevelMap): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

export type AreaGroup = { area: Area; competences: Competence[] };

/** Competences under their areas, in the framework's order; competences of an unknown area get one of their own. */
export function groupByArea(version: Pick<FrameworkVersionDetail, 'areas' | 'competences'>): AreaGroup[] {
  const groups = new Map<string, AreaGroup>(version.areas.map((area) => [area.code, { area, competences: [] }]));
  for (const c of version.competences) {
    let group = groups.get(c.areaCode);
    if (!group) {
      group = { area: { code: c.areaCode, name: {}, description: null }, competences: [] };
      groups.set(c.areaCode, group);
    }
    group.competences.push(c);
  }
  return [...groups.values()];
}

/** The profile's own fields as the form holds them. */
export type DetailsValues = { name: string; description: string; profession: Profession | ''; unitId: string };

export function detailsOf(p: Pick<RoleProfile, 'name' | 'description' | 'profession' | 'unitId'>): DetailsValues {
  return { name: p.name, description: p.description ?? '', profession: p.profession ?? '', unitId: p.unitId ?? '' };
}

export function emptyDetails(): DetailsValues {
  return { name: '', description: '', profession: '', unitId: '' };
}

/** The request fields, before validation against the shared schema. */
export function detailsBody(v: DetailsValues) {
  const description = v.description.trim();
  return { name: v.name.trim(), description: description ? description : null, profession: v.profession === '' ? null : v.profession, unitId: v.unitId || null };
}

export function sameDetails(a: DetailsValues, b: DetailsValues): boolean {
  return JSON.stringify(detailsBody(a)) === JSON.stringify(detailsBody(b));
}
