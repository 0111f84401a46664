import { hasMunicipalRole, unitsWithRole } from '../../access/access.policy.js';
import type { Principal } from '../../access/principal.js';

/** Whose learning a principal may see in a municipality's reports. */
export type ReportScope = { kind: 'all' } | { kind: 'units'; rootUnitIds: string[] } | { kind: 'none' };

// Learning reports are about named people (who has done what, who is late),
// so they follow the individual competence profiles (profiles.policy.ts):
// competence advisors, municipal administrators and municipality-wide leaders
// see the whole municipality; a unit leader sees the people who work in their
// units or below them. The aggregate views (completion, trend) follow the same
// rule rather than being opened to more roles: a unit of three people makes a
// "per unit" figure personal data too. Ombud, employees, network coordinators,
// analysts and platform administrators see no report here (403, or 404 for a
// municipality they have no grant in).
export const reportsPolicy = {
  scope(p: Principal, municipalityId: string): ReportScope {
    if (hasMunicipalRole(p, municipalityId, ['competence_advisor', 'municipal_admin', 'leader'])) return { kind: 'all' };
    const units = unitsWithRole(p, municipalityId, ['leader']);
    return units.length > 0 ? { kind: 'units', rootUnitIds: units } : { kind: 'none' };
  },
};
