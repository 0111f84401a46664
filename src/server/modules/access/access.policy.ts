import type { Role } from '../../../shared/domain.js';
import { AppError } from '../../http/app-error.js';
import type { Principal, PrincipalGrant } from './principal.js';

// The building blocks every domain policy uses. A domain policy answers "may
// this principal do X here?"; these helpers answer "which roles apply here?".

export function isPlatformAdmin(p: Principal): boolean {
  return p.grants.some((g) => g.role === 'platform_admin' && g.scopeType === 'platform');
}

/** Grants that apply inside one municipality, including network and platform grants that cover it. */
export function grantsIn(p: Principal, municipalityId: string): PrincipalGrant[] {
  return p.grants.filter((g) => {
    if (g.scopeType === 'platform') return true;
    if (g.scopeType === 'network') return (p.networkMembers[g.networkId ?? ''] ?? []).includes(municipalityId);
    return g.municipalityId === municipalityId;
  });
}

/** True when the role is held for the whole municipality (not only for some units). */
export function hasMunicipalRole(p: Principal, municipalityId: string, roles: readonly Role[]): boolean {
  return p.grants.some((g) => roles.includes(g.role) && g.scopeType === 'municipality' && g.municipalityId === municipalityId);
}

/** Units where the principal holds one of the roles at unit scope. */
export function unitsWithRole(p: Principal, municipalityId: string, roles: readonly Role[]): string[] {
  return p.grants
    .filter((g) => roles.includes(g.role) && g.scopeType === 'unit' && g.municipalityId === municipalityId)
    .map((g) => g.unitId as string);
}

export function hasNetworkRole(p: Principal, networkId: string, roles: readonly Role[]): boolean {
  return p.grants.some((g) => roles.includes(g.role) && g.scopeType === 'network' && g.networkId === networkId);
}

/**
 * A municipality is visible to anyone who works there or holds a grant that
 * covers it. To everyone else it does not exist: we answer "not found", never
 * "forbidden", so that probing cannot confirm another tenant's ids.
 */
export function canSeeMunicipality(p: Principal, municipalityId: string): boolean {
  return grantsIn(p, municipalityId).length > 0 || p.persons.some((x) => x.municipalityId === municipalityId);
}

export function assertMunicipalityVisible(p: Principal, municipalityId: string): void {
  if (!canSeeMunicipality(p, municipalityId)) throw AppError.notFound('Municipality');
}

export function visibleNetworkIds(p: Principal): string[] {
  return [...new Set(p.grants.filter((g) => g.scopeType === 'network').map((g) => g.networkId as string))];
}

/** Municipalities the principal works in or holds a grant that covers (platform grants aside). */
export function visibleMunicipalityIds(p: Principal): string[] {
  return [
    ...new Set([
      ...p.persons.map((x) => x.municipalityId),
      ...p.grants.map((g) => g.municipalityId).filter((id): id is string => id !== null),
      ...Object.values(p.networkMembers).flat(),
    ]),
  ];
}
