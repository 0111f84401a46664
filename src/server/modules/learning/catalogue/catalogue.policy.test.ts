import { describe, expect, it } from 'vitest';
import type { Principal, PrincipalGrant } from '../../access/principal.js';
import { cataloguePolicy, seesItem } from './catalogue.policy.js';

// Who sees and manages which item, on the policy alone.

const M = '11111111-1111-4111-8111-111111111111';
const NET = '22222222-2222-4222-8222-222222222222';
const OTHER_NET = '33333333-3333-4333-8333-333333333333';

function principal(grants: Omit<PrincipalGrant, 'id'>[], persons: Principal['persons'] = []): Principal {
  return {
    userId: 'u',
    email: 'u@example.org',
    displayName: 'U',
    preferredLanguage: 'nb',
    grants: grants.map((g, i) => ({ ...g, id: String(i) })),
    persons,
    networkMembers: { [NET]: [M], [OTHER_NET]: [] },
  };
}
const grant = (role: PrincipalGrant['role'], scope: Partial<PrincipalGrant>): Omit<PrincipalGrant, 'id'> => ({ role, scopeType: 'municipality', networkId: null, municipalityId: null, unitId: null, ...scope });

const advisor = principal([grant('competence_advisor', { municipalityId: M })]);
const coordinator = principal([grant('network_coordinator', { scopeType: 'network', networkId: NET })]);
const elsewhere = principal([grant('network_coordinator', { scopeType: 'network', networkId: OTHER_NET })]);
const employee = principal([grant('employee', { municipalityId: M })], [{ municipalityId: M, personId: 'p' }]);
const unitLeader = principal([grant('leader', { scopeType: 'unit', municipalityId: M, unitId: 'unit' })]);

const own = (status: string) => ({ status, owner_network_id: null });
const networks = (status: string) => ({ status, owner_network_id: NET });

describe('catalogue policy', () => {
  it('shows published items to everyone, drafts to municipal managers and to the owning network\'s coordinators', () => {
    for (const p of [advisor, coordinator, employee, unitLeader]) expect(seesItem(cataloguePolicy.visibility(p, M), own('published'))).toBe(true);
    expect(seesItem(cataloguePolicy.visibility(advisor, M), own('draft'))).toBe(true);
    expect(seesItem(cataloguePolicy.visibility(advisor, M), networks('archived'))).toBe(true);
    expect(seesItem(cataloguePolicy.visibility(coordinator, M), networks('draft'))).toBe(true);
    expect(seesItem(cataloguePolicy.visibility(coordinator, M), own('draft'))).toBe(false);
    expect(seesItem(cataloguePolicy.visibility(employee, M), own('draft'))).toBe(false);
    expect(seesItem(cataloguePolicy.visibility(unitLeader, M), own('archived'))).toBe(false);
  });

  it('lets the owner manage: municipal managers their own items, coordinators their network\'s (only where the network reaches)', () => {
    expect(cataloguePolicy.manageItem(advisor, M, null)).toBe(true);
    expect(cataloguePolicy.manageItem(advisor, M, NET)).toBe(false);
    expect(cataloguePolicy.manageItem(coordinator, M, NET)).toBe(true);
    expect(cataloguePolicy.manageItem(coordinator, M, null)).toBe(false);
    expect(cataloguePolicy.manageItem(elsewhere, M, OTHER_NET)).toBe(false);
    expect(cataloguePolicy.createAny(employee, M)).toBe(false);
    expect(cataloguePolicy.createAny(coordinator, M)).toBe(true);
  });

  it('knows a learner by their own employee record only', () => {
    expect(cataloguePolicy.learnerPersonId(employee, M)).toBe('p');
    expect(cataloguePolicy.learnerPersonId(advisor, M)).toBeNull();
  });
});
