import { hasMunicipalRole, unitsWithRole } from '../access/access.policy.js';
import type { Principal } from '../access/principal.js';

/** How much of a municipality's staff list a principal may read. */
export type PeopleScope = { kind: 'all' } | { kind: 'units'; rootUnitIds: string[] } | { kind: 'none' };

const MANAGERS = ['municipal_admin', 'competence_advisor'] as const;

export const peoplePolicy = {
  readScope(p: Principal, municipalityId: string): PeopleScope {
    if (hasMunicipalRole(p, municipalityId, [...MANAGERS, 'leader'])) return { kind: 'all' };
    const units = unitsWithRole(p, municipalityId, ['leader']);
    return units.length > 0 ? { kind: 'units', rootUnitIds: units } : { kind: 'none' };
  },
  isSelf: (p: Principal, municipalityId: string, personId: string) =>
    p.persons.some((x) => x.municipalityId === municipalityId && x.personId === personId),
  manage: (p: Principal, municipalityId: string) => hasMunicipalRole(p, municipalityId, MANAGERS),
  /** Creating sign-in accounts hands out access, so only administrators do it. */
  createAccount: (p: Principal, municipalityId: string) => hasMunicipalRole(p, municipalityId, ['municipal_admin']),
};
