import { hasMunicipalRole, unitsWithRole } from '../access/access.policy.js';
import type { Principal } from '../access/principal.js';

// Required levels are not personal data: leaders, ombud and advisors read them
// to plan training; advisors and administrators decide them.
export const roleProfilesPolicy = {
  read: (p: Principal, municipalityId: string) =>
    hasMunicipalRole(p, municipalityId, ['municipal_admin', 'competence_advisor', 'leader', 'ombud']) ||
    unitsWithRole(p, municipalityId, ['leader', 'ombud']).length > 0,
  manage: (p: Principal, municipalityId: string) => hasMunicipalRole(p, municipalityId, ['municipal_admin', 'competence_advisor']),
};
