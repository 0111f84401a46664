import type { Me } from '../../../../shared/api/auth';
import type { LearningItemKind } from '../../../../shared/api/learning';
import type { Role } from '../../../../shared/domain';
import type { MeMunicipality } from '../../../app/municipality';

// Paths of the catalogue API and a client-side mirror of catalogue.policy.ts:
// it only decides what to show; the server checks every request again.

export const itemsPath = (municipalityId: string) => `/municipalities/${municipalityId}/learning/items`;
export const itemPath = (municipalityId: string, itemId: string) => `${itemsPath(municipalityId)}/${itemId}`;
export const competencesPath = (municipalityId: string) => `/municipalities/${municipalityId}/learning/competences`;

const MANAGERS: readonly Role[] = ['municipal_admin', 'competence_advisor'];

export type CatalogueAccess = {
  /** Creates and manages the municipality's own items. */
  manageOwn: boolean;
  /** The municipality's network, when the user coordinates it (creates items the network owns). */
  coordinatedNetworkId: string | null;
  /** An employee here: has a status on items and marks films and links done. */
  learner: boolean;
};

export function catalogueAccess(me: Me | null | undefined, municipality: MeMunicipality | null): CatalogueAccess {
  if (!me || !municipality) return { manageOwn: false, coordinatedNetworkId: null, learner: false };
  const manageOwn = me.grants.some((g) => MANAGERS.includes(g.role) && g.scopeType === 'municipality' && g.municipalityId === municipality.id);
  const coordinates = municipality.networkId !== null && me.grants.some((g) => g.role === 'network_coordinator' && g.scopeType === 'network' && g.networkId === municipality.networkId);
  return {
    manageOwn,
    coordinatedNetworkId: coordinates ? municipality.networkId : null,
    learner: me.persons.some((p) => p.municipalityId === municipality.id),
  };
}

export const canCreate = (access: CatalogueAccess) => access.manageOwn || access.coordinatedNetworkId !== null;

/** Kinds whose content is a package of this family. */
export const PACKAGE_FAMILY: Partial<Record<LearningItemKind, 'scorm' | 'cmi5'>> = { scorm: 'scorm', cmi5: 'cmi5' };

/** Films the browser plays itself; other film addresses (streaming services) open as links. */
export const isDirectVideo = (url: string) => /\.(mp4|webm|ogv|ogg|m4v|mov)(\?.*)?$/i.test(url);
