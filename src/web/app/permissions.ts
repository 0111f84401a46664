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

/** The role held for the whole municipality (not only some units), as the server's hasMunicipalRole. */
function hasMunicipalRole(me: Me, municipality: MeMunicipality | null | undefined, roles: readonly Role[]): boolean {
  if (!municipality) return false;
  return me.grants.some((g) => roles.includes(g.role) && g.scopeType === 'municipality' && g.municipalityId === municipality.id);
}

function hasUnitRole(me: Me, municipality: MeMunicipality | null | undefined, roles: readonly Role[]): boolean {
  if (!municipality) return false;
  return me.grants.some((g) => roles.includes(g.role) && g.scopeType === 'unit' && g.municipalityId === municipality.id);
}

/** Roles that see aggregates across municipalities (never one municipality's figures). */
const ANALYSIS_ROLES: readonly Role[] = ['analyst', 'network_coordinator', 'platform_admin'];

export type Permissions = {
  readPeople: boolean;
  managePeople: boolean;
  importPeople: boolean;
  createAccounts: boolean;
  manageUnits: boolean;
  readUnits: boolean;
  viewAudit: boolean;
  adminMunicipality: boolean;
  manageMunicipalGrants: boolean;
  adminNetwork: boolean;
  manageNetworkGrants: boolean;
  createNetwork: boolean;
  readRoleProfiles: boolean;
  manageRoleProfiles: boolean;
  importFrameworks: boolean;
  readCampaigns: boolean;
  manageCampaigns: boolean;
  /** Results of closed campaigns (leaders: their units only, as the server decides). */
  readResults: boolean;
  /** The municipality's figures beside its network, size class and country. */
  readBenchmarks: boolean;
  /** Whether the municipality's figures go into national comparisons. */
  manageBenchmarkSharing: boolean;
  /** Aggregates across municipalities (no municipality chosen needed). */
  viewAnalysis: boolean;
  /** Learning reports (completion, overdue, people): as the server's reports.policy, leaders see their units. */
  readLearningReports: boolean;
  /** Assign learning (as the server's assignments.policy: unit leaders within their units). */
  assignLearning: boolean;
  /** Has an employee record here, so has their own learning. */
  learn: boolean;
};

const NONE: Permissions = {
  readPeople: false, managePeople: false, importPeople: false, createAccounts: false, manageUnits: false, readUnits: false,
  viewAudit: false, adminMunicipality: false, manageMunicipalGrants: false, adminNetwork: false, manageNetworkGrants: false,
  createNetwork: false, readRoleProfiles: false, manageRoleProfiles: false, importFrameworks: false,
  readCampaigns: false, manageCampaigns: false, readResults: false, readBenchmarks: false, manageBenchmarkSharing: false,
  viewAnalysis: false,
  readLearningReports: false,
  assignLearning: false,
  learn: false,
};

export function permissionsFor(me: Me | null, municipality: MeMunicipality | null | undefined): Permissions {
  if (!me) return NONE;
  const platform = isPlatformAdmin(me);
  const admin = hasMunicipalRole(me, municipality, ['municipal_admin']);
  const manage = hasMunicipalRole(me, municipality, ['municipal_admin', 'competence_advisor']);
  const read = manage || hasMunicipalRole(me, municipality, ['leader']) || hasUnitRole(me, municipality, ['leader']);
  const settings = Boolean(municipality) && (platform || admin);
  // Role profiles: as the server's roleProfilesPolicy.
  const readProfiles = manage || hasMunicipalRole(me, municipality, ['leader', 'ombud']) || hasUnitRole(me, municipality, ['leader', 'ombud']);
  return {
    readPeople: read,
    managePeople: manage,
    importPeople: manage,
    createAccounts: admin,
    manageUnits: admin,
    readUnits: read || settings,
    viewAudit: admin,
    adminMunicipality: settings,
    manageMunicipalGrants: settings,
    adminNetwork: platform || me.grants.some((g) => g.role === 'network_coordinator' && g.scopeType === 'network'),
    manageNetworkGrants: platform,
    createNetwork: platform,
    readRoleProfiles: readProfiles,
    manageRoleProfiles: manage,
    // The framework library is platform-wide reference data.
    importFrameworks: platform,
    // Mapping campaigns: as the server's mapping.policy (leaders read theirs).
    readCampaigns: read,
    manageCampaigns: manage,
    // Results and comparisons: competence advisors, municipal admins and leaders.
    readResults: read,
    readBenchmarks: read,
    manageBenchmarkSharing: admin,
    viewAnalysis: me.grants.some((g) => ANALYSIS_ROLES.includes(g.role)),
    readLearningReports: read,
    // Administrators, competence advisors and leaders (any scope), exactly as assignmentsPolicy.access.
    assignLearning: hasMunicipalRole(me, municipality, ['municipal_admin', 'competence_advisor', 'leader']) || hasUnitRole(me, municipality, ['leader']),
    learn: Boolean(municipality) && me.persons.some((p) => p.municipalityId === municipality!.id),
  };
}
