import type { Me } from '../../../shared/api/auth';
import type { Role } from '../../../shared/domain';
import type { MeMunicipality } from '../../app/municipality';

// Client-side mirror of the server's lrsAdminPolicy: it only decides what to
// show; the server checks every request again.

function hasMunicipalRole(me: Me, municipality: MeMunicipality | null, roles: readonly Role[]): boolean {
  if (!municipality) return false;
  return me.grants.some((g) => roles.includes(g.role) && g.scopeType === 'municipality' && g.municipalityId === municipality.id);
}

export type LrsAccess = { manageCredentials: boolean; readStatements: boolean };

export function lrsAccess(me: Me | null | undefined, municipality: MeMunicipality | null): LrsAccess {
  if (!me) return { manageCredentials: false, readStatements: false };
  return {
    manageCredentials: hasMunicipalRole(me, municipality, ['municipal_admin']),
    readStatements: hasMunicipalRole(me, municipality, ['municipal_admin', 'competence_advisor']),
  };
}
