import { describe, expect, it } from 'vitest';
import type { Role, ScopeType } from '../../../shared/domain.js';
import { AppError } from '../../http/app-error.js';
import { auditPolicy } from '../audit/audit.policy.js';
import { peoplePolicy } from '../people/people.policy.js';
import { tenancyPolicy } from '../tenancy/tenancy.policy.js';
import {
  assertMunicipalityVisible,
  canSeeMunicipality,
  grantsIn,
  hasMunicipalRole,
  hasNetworkRole,
  isPlatformAdmin,
  unitsWithRole,
  visibleNetworkIds,
} from './access.policy.js';
import type { Principal, PrincipalGrant } from './principal.js';

// Pure policy checks on hand-built principals: no database, no HTTP.

const NET = 'n0000000-0000-0000-0000-000000000001';
const NET2 = 'n0000000-0000-0000-0000-000000000002';
const M1 = 'm0000000-0000-0000-0000-000000000001';
const M2 = 'm0000000-0000-0000-0000-000000000002';
const M3 = 'm0000000-0000-0000-0000-000000000003';
const U1 = 'u0000000-0000-0000-0000-000000000001';
const U2 = 'u0000000-0000-0000-0000-000000000002';

let grantNo = 0;
function grant(role: Role, scopeType: ScopeType, where: { networkId?: string; municipalityId?: string; unitId?: string } = {}): PrincipalGrant {
  return { id: `g${++grantNo}`, role, scopeType, networkId: where.networkId ?? null, municipalityId: where.municipalityId ?? null, unitId: where.unitId ?? null };
}

function principal(grants: PrincipalGrant[], more: Partial<Principal> = {}): Principal {
  return {
    userId: 'user-1',
    email: 'user@test.example',
    displayName: 'User',
    preferredLanguage: 'nb',
    grants,
    persons: [],
    // M1 and M2 are in NET; M3 is in NET2.
    networkMembers: Object.fromEntries(grants.filter((g) => g.networkId).map((g) => [g.networkId!, g.networkId === NET ? [M1, M2] : [M3]])),
    ...more,
  };
}

const nobody = principal([]);
const platformAdmin = principal([grant('platform_admin', 'platform')]);
const platformAnalyst = principal([grant('analyst', 'platform')]);
const municipalAdmin = principal([grant('municipal_admin', 'municipality', { municipalityId: M1 })]);
const advisor = principal([grant('competence_advisor', 'municipality', { municipalityId: M1 })]);
const unitLeader = principal([grant('leader', 'unit', { municipalityId: M1, unitId: U1 })]);
const municipalLeader = principal([grant('leader', 'municipality', { municipalityId: M1 })]);
const coordinator = principal([grant('network_coordinator', 'network', { networkId: NET })]);
const analyst = principal([grant('analyst', 'network', { networkId: NET })]);
const employee = principal([], { persons: [{ municipalityId: M1, personId: 'p1' }] });

describe('isPlatformAdmin', () => {
  it('is true only for the platform_admin role at platform scope', () => {
    expect(isPlatformAdmin(platformAdmin)).toBe(true);
    expect(isPlatformAdmin(platformAnalyst)).toBe(false);
    expect(isPlatformAdmin(municipalAdmin)).toBe(false);
    expect(isPlatformAdmin(nobody)).toBe(false);
  });
});

describe('grantsIn', () => {
  it('includes platform grants, network grants of member municipalities and the municipality\'s own grants', () => {
    const p = principal([grant('platform_admin', 'platform'), grant('analyst', 'network', { networkId: NET }), grant('leader', 'unit', { municipalityId: M1, unitId: U1 }), grant('municipal_admin', 'municipality', { municipalityId: M2 })]);
    expect(grantsIn(p, M1).map((g) => g.role).sort()).toEqual(['analyst', 'leader', 'platform_admin']);
    expect(grantsIn(p, M2).map((g) => g.role).sort()).toEqual(['analyst', 'municipal_admin', 'platform_admin']);
    expect(grantsIn(p, M3).map((g) => g.role)).toEqual(['platform_admin']);
  });

  it('ignores a network grant for municipalities outside that network', () => {
    expect(grantsIn(coordinator, M3)).toEqual([]);
  });
});

describe('hasMunicipalRole', () => {
  it('counts only grants for the whole municipality', () => {
    expect(hasMunicipalRole(municipalAdmin, M1, ['municipal_admin'])).toBe(true);
    expect(hasMunicipalRole(municipalLeader, M1, ['leader'])).toBe(true);
    expect(hasMunicipalRole(unitLeader, M1, ['leader'])).toBe(false);
  });

  it('is false in another municipality, for other roles, and for network or platform grants', () => {
    expect(hasMunicipalRole(municipalAdmin, M2, ['municipal_admin'])).toBe(false);
    expect(hasMunicipalRole(municipalAdmin, M1, ['competence_advisor'])).toBe(false);
    expect(hasMunicipalRole(coordinator, M1, ['network_coordinator'])).toBe(false);
    expect(hasMunicipalRole(platformAdmin, M1, ['platform_admin', 'municipal_admin'])).toBe(false);
  });
});

describe('unitsWithRole', () => {
  it('lists the units where the role is held at unit scope, in that municipality only', () => {
    const p = principal([grant('leader', 'unit', { municipalityId: M1, unitId: U1 }), grant('leader', 'unit', { municipalityId: M1, unitId: U2 }), grant('leader', 'unit', { municipalityId: M2, unitId: 'u-m2' }), grant('ombud', 'unit', { municipalityId: M1, unitId: 'u-ombud' })]);
    expect(unitsWithRole(p, M1, ['leader']).sort()).toEqual([U1, U2]);
    expect(unitsWithRole(p, M2, ['leader'])).toEqual(['u-m2']);
    expect(unitsWithRole(municipalLeader, M1, ['leader'])).toEqual([]);
  });
});

describe('hasNetworkRole', () => {
  it('matches role and network', () => {
    expect(hasNetworkRole(coordinator, NET, ['network_coordinator'])).toBe(true);
    expect(hasNetworkRole(coordinator, NET2, ['network_coordinator'])).toBe(false);
    expect(hasNetworkRole(analyst, NET, ['network_coordinator'])).toBe(false);
    expect(hasNetworkRole(platformAdmin, NET, ['network_coordinator', 'platform_admin'])).toBe(false);
  });
});

describe('canSeeMunicipality and assertMunicipalityVisible', () => {
  it('lets anyone with a grant covering the municipality, or an employee record in it, see it', () => {
    for (const p of [platformAdmin, platformAnalyst, municipalAdmin, advisor, unitLeader, coordinator, analyst, employee]) expect(canSeeMunicipality(p, M1)).toBe(true);
    expect(canSeeMunicipality(coordinator, M2)).toBe(true);
  });

  it('hides other municipalities', () => {
    for (const p of [municipalAdmin, advisor, unitLeader, employee, nobody]) expect(canSeeMunicipality(p, M2)).toBe(false);
    expect(canSeeMunicipality(coordinator, M3)).toBe(false);
  });

  it('answers "not found", never "forbidden", for a hidden municipality', () => {
    expect(() => assertMunicipalityVisible(municipalAdmin, M1)).not.toThrow();
    try {
      assertMunicipalityVisible(municipalAdmin, M2);
      expect.fail('expected an error');
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('NOT_FOUND');
      expect((err as AppError).status).toBe(404);
    }
  });
});

describe('visibleNetworkIds', () => {
  it('lists each network with a network grant once', () => {
    const p = principal([grant('analyst', 'network', { networkId: NET }), grant('competence_advisor', 'network', { networkId: NET }), grant('network_coordinator', 'network', { networkId: NET2 }), grant('municipal_admin', 'municipality', { municipalityId: M1 })]);
    expect(visibleNetworkIds(p).sort()).toEqual([NET, NET2]);
    expect(visibleNetworkIds(municipalAdmin)).toEqual([]);
    expect(visibleNetworkIds(platformAdmin)).toEqual([]);
  });
});

describe('domain policies built on the helpers', () => {
  it('people: managers and municipal leaders read everyone, unit leaders their units, others nobody', () => {
    expect(peoplePolicy.readScope(municipalAdmin, M1)).toEqual({ kind: 'all' });
    expect(peoplePolicy.readScope(advisor, M1)).toEqual({ kind: 'all' });
    expect(peoplePolicy.readScope(municipalLeader, M1)).toEqual({ kind: 'all' });
    expect(peoplePolicy.readScope(unitLeader, M1)).toEqual({ kind: 'units', rootUnitIds: [U1] });
    for (const p of [employee, coordinator, analyst, platformAdmin, platformAnalyst]) expect(peoplePolicy.readScope(p, M1)).toEqual({ kind: 'none' });
    expect(peoplePolicy.readScope(municipalAdmin, M2)).toEqual({ kind: 'none' });
  });

  it('people: only managers change people, only administrators create accounts, employees are themselves', () => {
    expect(peoplePolicy.manage(advisor, M1)).toBe(true);
    expect(peoplePolicy.manage(unitLeader, M1)).toBe(false);
    expect(peoplePolicy.createAccount(municipalAdmin, M1)).toBe(true);
    expect(peoplePolicy.createAccount(advisor, M1)).toBe(false);
    expect(peoplePolicy.createAccount(platformAdmin, M1)).toBe(false);
    expect(peoplePolicy.isSelf(employee, M1, 'p1')).toBe(true);
    expect(peoplePolicy.isSelf(employee, M1, 'p2')).toBe(false);
    expect(peoplePolicy.isSelf(employee, M2, 'p1')).toBe(false);
  });

  it('tenancy: networks are seen by their roles and by admins/advisors of members, managed by coordinators', () => {
    expect(tenancyPolicy.seeNetwork(analyst, NET, [M1, M2])).toBe(true);
    expect(tenancyPolicy.seeNetwork(municipalAdmin, NET, [M1, M2])).toBe(true);
    expect(tenancyPolicy.seeNetwork(advisor, NET, [M1])).toBe(true);
    expect(tenancyPolicy.seeNetwork(unitLeader, NET, [M1])).toBe(false);
    expect(tenancyPolicy.seeNetwork(municipalAdmin, NET2, [M3])).toBe(false);
    expect(tenancyPolicy.manageNetwork(coordinator, NET)).toBe(true);
    expect(tenancyPolicy.manageNetwork(coordinator, NET2)).toBe(false);
    expect(tenancyPolicy.manageNetwork(analyst, NET)).toBe(false);
    expect(tenancyPolicy.manageNetwork(platformAdmin, NET2)).toBe(true);
    expect(tenancyPolicy.manageUnits(municipalAdmin, M1)).toBe(true);
    expect(tenancyPolicy.manageUnits(platformAdmin, M1)).toBe(false);
    expect(tenancyPolicy.moveMunicipality(municipalAdmin)).toBe(false);
  });

  it('audit: the municipal trail is for municipal administrators only', () => {
    expect(auditPolicy.readMunicipality(municipalAdmin, M1)).toBe(true);
    expect(auditPolicy.readMunicipality(advisor, M1)).toBe(false);
    expect(auditPolicy.readMunicipality(platformAdmin, M1)).toBe(false);
    expect(auditPolicy.readNetwork(coordinator, NET)).toBe(true);
    expect(auditPolicy.readNetwork(analyst, NET)).toBe(false);
    expect(auditPolicy.readPlatform(platformAdmin)).toBe(true);
  });
});
