import type { Grant, Me } from '../../shared/api/auth';
import type { Role } from '../../shared/domain';

// Client-side mirror of the server's access rules. It only decides what to
// show; the server enforces every rule again.

type MeMunicipality = Me['municipalities'][number];

export function isPlatformAdmin(me: Me): boolean {
  return me.grants.some((g) => g.role === 'platform_admin' && g.scopeType === 'platform');
}

/** Grants that apply inside a municipality, including network and platform grants covering it. */
export function grantsIn(me: Me, municipality: MeMunicipality | null | undefined): Grant[] {
  if (!municipality) return me.grants.filter((g) => g.scopeType === 'platform');
  return me.grants.filter((g) => {
    if (g.scopeType === 'platform') return true;
    if (g.scopeType === 'network') return g.networkId !== null && g.networkId === municipality.networkId;
    return g.municipalityId === municipality.id;
  });
}

function hasRoleIn(me: Me, municipality: MeMunicipality | null | undefined, roles: readonly Role[]): boolean {
  return grantsIn(me, municipality).some((g) => roles.includes(g.role));
}

export type Permissions = {
  readPeople: boolean;
  managePeople: boolean;
  importPeople: boolean;
  manageUnits: boolean;
  readUnits: boolean;
  viewAudit: boolean;
  adminMunicipality: boolean;
  adminNetwork: boolean;
  createNetwork: boolean;
};

export function permissionsFor(me: Me | null, municipality: MeMunicipality | null | undefined): Permissions {
  if (!me) {
    return {
      readPeople: false, managePeople: false, importPeople: false, manageUnits: false, readUnits: false,
      viewAudit: false, adminMunicipality: false, adminNetwork: false, createNetwork: false,
    };
  }
  const platform = isPlatformAdmin(me);
  const hasMunicipality = Boolean(municipality);
  const admin = hasMunicipality && (platform || hasRoleIn(me, municipality, ['municipal_admin']));
  const manage = admin || (hasMunicipality && hasRoleIn(me, municipality, ['competence_advisor']));
  const read = manage || (hasMunicipality && hasRoleIn(me, municipality, ['leader']));
  return {
    readPeople: read,
    managePeople: manage,
    importPeople: manage,
    manageUnits: admin,
    readUnits: read,
    viewAudit: admin,
    adminMunicipality: admin,
    adminNetwork: platform || me.grants.some((g) => g.role === 'network_coordinator' && g.scopeType === 'network'),
    createNetwork: platform,
  };
}
