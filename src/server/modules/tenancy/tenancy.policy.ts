import { canSeeMunicipality, hasMunicipalRole, hasNetworkRole, isPlatformAdmin } from '../access/access.policy.js';
import type { Principal } from '../access/principal.js';

// Who may see and change the tenancy structure: networks, municipalities, units.

export const tenancyPolicy = {
  createNetwork: (p: Principal) => isPlatformAdmin(p),
  seeNetwork: (p: Principal, networkId: string, memberIds: string[]) =>
    isPlatformAdmin(p) ||
    p.grants.some((g) => g.scopeType === 'network' && g.networkId === networkId) ||
    memberIds.some((m) => hasMunicipalRole(p, m, ['municipal_admin', 'competence_advisor'])),
  manageNetwork: (p: Principal, networkId: string) => isPlatformAdmin(p) || hasNetworkRole(p, networkId, ['network_coordinator']),
  createMunicipality: (p: Principal) => isPlatformAdmin(p),
  seeMunicipality: (p: Principal, municipalityId: string) => canSeeMunicipality(p, municipalityId),
  updateMunicipality: (p: Principal, municipalityId: string) => isPlatformAdmin(p) || hasMunicipalRole(p, municipalityId, ['municipal_admin']),
  /** Moving a municipality between networks changes who may compare with it. */
  moveMunicipality: (p: Principal) => isPlatformAdmin(p),
  readUnits: (p: Principal, municipalityId: string) => canSeeMunicipality(p, municipalityId),
  manageUnits: (p: Principal, municipalityId: string) => hasMunicipalRole(p, municipalityId, ['municipal_admin']),
};
