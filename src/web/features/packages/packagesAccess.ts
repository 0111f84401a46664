import type { Me } from '../../../shared/api/auth';
import type { Role } from '../../../shared/domain';
import type { MeMunicipality } from '../../app/municipality';

// Client-side mirror of the server's packagesPolicy: it only decides what to
// show; the server checks every request again.

const MANAGERS: readonly Role[] = ['municipal_admin', 'competence_advisor'];

function hasRole(me: Me, municipality: MeMunicipality, roles: readonly Role[], scope: 'municipality' | 'unit'): boolean {
  return me.grants.some((g) => roles.includes(g.role) && g.scopeType === scope && g.municipalityId === municipality.id);
}

export type PackagesAccess = { read: boolean; manage: boolean };

export function packagesAccess(me: Me | null | undefined, municipality: MeMunicipality | null): PackagesAccess {
  if (!me || !municipality) return { read: false, manage: false };
  const manage = hasRole(me, municipality, MANAGERS, 'municipality');
  // Leaders (of the municipality or of a unit) look at what exists, to assign it.
  const read = manage || hasRole(me, municipality, ['leader'], 'municipality') || hasRole(me, municipality, ['leader'], 'unit');
  return { read, manage };
}
