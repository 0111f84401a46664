import { hasMunicipalRole, unitsWithRole } from '../access/access.policy.js';
import type { Principal } from '../access/principal.js';

// Who may do what with a municipality's e-learning packages. Packages are
// course material, not personal data: managers upload and delete, leaders
// (of the whole municipality or of a unit) look at what exists to assign it.

const MANAGERS = ['municipal_admin', 'competence_advisor'] as const;

export const packagesPolicy = {
  manage: (p: Principal, municipalityId: string) => hasMunicipalRole(p, municipalityId, MANAGERS),
  read: (p: Principal, municipalityId: string) =>
    hasMunicipalRole(p, municipalityId, [...MANAGERS, 'leader']) || unitsWithRole(p, municipalityId, ['leader']).length > 0,
};
