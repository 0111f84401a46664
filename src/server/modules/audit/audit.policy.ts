import { hasMunicipalRole, isPlatformAdmin } from '../access/access.policy.js';
import type { Principal } from '../access/principal.js';
import { tenancyPolicy } from '../tenancy/tenancy.policy.js';

export const auditPolicy = {
  readMunicipality: (p: Principal, municipalityId: string) => hasMunicipalRole(p, municipalityId, ['municipal_admin']),
  readNetwork: (p: Principal, networkId: string) => tenancyPolicy.manageNetwork(p, networkId),
  readPlatform: (p: Principal) => isPlatformAdmin(p),
};
