import type { Role } from '../../../../shared/domain.js';
import { hasMunicipalRole } from '../../access/access.policy.js';
import type { Principal } from '../../access/principal.js';

// Who may do what with a municipality's learning items. Items are course
// material, not personal data: everyone who works in or holds a grant for the
// municipality reads the published ones. An item is managed by its owner:
// the municipality's administrators and competence advisors for its own
// items, the network's coordinators for items the network owns. Managers also
// see drafts and archived items (municipal managers all of them, coordinators
// their network's).

const MUNICIPAL_MANAGERS: readonly Role[] = ['municipal_admin', 'competence_advisor'];

/** Networks the principal coordinates that include this municipality. */
function coordinatedNetworksIn(p: Principal, municipalityId: string): string[] {
  return [
    ...new Set(
      p.grants
        .filter((g) => g.role === 'network_coordinator' && g.scopeType === 'network' && g.networkId && (p.networkMembers[g.networkId] ?? []).includes(municipalityId))
        .map((g) => g.networkId as string),
    ),
  ];
}

export type CatalogueVisibility = {
  /** Municipal managers: every item of the municipality, in any status. */
  allStatuses: boolean;
  /** Networks whose items the caller sees in any status (coordinators). */
  networkIds: string[];
};

export const cataloguePolicy = {
  isMunicipalManager: (p: Principal, municipalityId: string) => hasMunicipalRole(p, municipalityId, MUNICIPAL_MANAGERS),
  coordinatedNetworksIn,
  visibility: (p: Principal, municipalityId: string): CatalogueVisibility => ({
    allStatuses: hasMunicipalRole(p, municipalityId, MUNICIPAL_MANAGERS),
    networkIds: coordinatedNetworksIn(p, municipalityId),
  }),
  /** May the caller see drafts or archived items here at all (and so filter by them)? */
  seesUnpublished: (p: Principal, municipalityId: string) => hasMunicipalRole(p, municipalityId, MUNICIPAL_MANAGERS) || coordinatedNetworksIn(p, municipalityId).length > 0,
  /** The owner manages an item: the municipality's managers, or the owning network's coordinators. */
  manageItem: (p: Principal, municipalityId: string, ownerNetworkId: string | null) =>
    ownerNetworkId === null ? hasMunicipalRole(p, municipalityId, MUNICIPAL_MANAGERS) : coordinatedNetworksIn(p, municipalityId).includes(ownerNetworkId),
  /** May the caller create items here at all (municipality-owned, or for a network they coordinate)? */
  createAny: (p: Principal, municipalityId: string) => hasMunicipalRole(p, municipalityId, MUNICIPAL_MANAGERS) || coordinatedNetworksIn(p, municipalityId).length > 0,
  /** The person the principal learns as in this municipality (their own employee record), or null. */
  learnerPersonId: (p: Principal, municipalityId: string): string | null => p.persons.find((x) => x.municipalityId === municipalityId)?.personId ?? null,
};

/** Sees the item in this status (published items are open to everyone who sees the municipality). */
export function seesItem(v: CatalogueVisibility, item: { status: string; owner_network_id: string | null }): boolean {
  return item.status === 'published' || v.allStatuses || (item.owner_network_id !== null && v.networkIds.includes(item.owner_network_id));
}
