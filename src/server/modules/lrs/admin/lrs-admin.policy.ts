import { hasMunicipalRole } from '../../access/access.policy.js';
import type { Principal } from '../../access/principal.js';

// Who may administer a municipality's learning record store.
export const lrsAdminPolicy = {
  /** Credentials let content write learning records in the municipality's name: administrators only. */
  manageCredentials: (p: Principal, municipalityId: string) => hasMunicipalRole(p, municipalityId, ['municipal_admin']),
  /** Statements are personal data about learning: those who follow up competence for the whole municipality. */
  readStatements: (p: Principal, municipalityId: string) => hasMunicipalRole(p, municipalityId, ['municipal_admin', 'competence_advisor']),
};
