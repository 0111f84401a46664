import { describe, expect, it } from 'vitest';
import type { Grant, Me } from '../../shared/api/auth';
import { permissionsFor } from './permissions';

const M1 = { id: '11111111-1111-4111-8111-111111111111', name: 'Solvik', code: '9901', country: 'NO', networkId: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa' };
const M2 = { id: '22222222-2222-4222-8222-222222222222', name: 'Bergheim', code: '9902', country: 'NO', networkId: null };

function grant(partial: Partial<Grant> & Pick<Grant, 'role' | 'scopeType'>): Grant {
  return { id: crypto.randomUUID(), networkId: null, municipalityId: null, unitId: null, scopeName: null, ...partial };
}

function me(grants: Grant[]): Me {
  return {
    user: { id: crypto.randomUUID(), email: 'a@b.example', displayName: 'A', preferredLanguage: 'nb' },
    persons: [], grants, municipalities: [M1, M2], networks: [], csrfToken: 'x',
  };
}

describe('permissionsFor', () => {
  it('gives a municipal admin everything in their own municipality only', () => {
    const user = me([grant({ role: 'municipal_admin', scopeType: 'municipality', municipalityId: M1.id })]);
    expect(permissionsFor(user, M1)).toMatchObject({ managePeople: true, manageUnits: true, viewAudit: true, adminMunicipality: true, adminNetwork: false });
    expect(permissionsFor(user, M2).readPeople).toBe(false);
  });

  it('lets a unit leader read people but not manage them', () => {
    const user = me([grant({ role: 'leader', scopeType: 'unit', municipalityId: M1.id, unitId: crypto.randomUUID() })]);
    expect(permissionsFor(user, M1)).toMatchObject({ readPeople: true, managePeople: false, manageUnits: false, viewAudit: false });
  });

  it('lets a competence advisor manage and import people but not create logins', () => {
    const user = me([grant({ role: 'competence_advisor', scopeType: 'municipality', municipalityId: M1.id })]);
    expect(permissionsFor(user, M1)).toMatchObject({ managePeople: true, importPeople: true, createAccounts: false, manageUnits: false });
  });

  it('like the server, gives network-scoped advisors no municipal management', () => {
    const user = me([grant({ role: 'competence_advisor', scopeType: 'network', networkId: M1.networkId })]);
    expect(permissionsFor(user, M1).managePeople).toBe(false);
  });

  it('lets network coordinators and platform admins administer networks', () => {
    expect(permissionsFor(me([grant({ role: 'network_coordinator', scopeType: 'network', networkId: M1.networkId })]), null).adminNetwork).toBe(true);
    const platform = permissionsFor(me([grant({ role: 'platform_admin', scopeType: 'platform' })]), M2);
    expect(platform).toMatchObject({ adminNetwork: true, manageNetworkGrants: true, createNetwork: true, adminMunicipality: true, managePeople: false });
    const coordinator = permissionsFor(me([grant({ role: 'network_coordinator', scopeType: 'network', networkId: M1.networkId })]), M1);
    expect(coordinator).toMatchObject({ adminNetwork: true, manageNetworkGrants: false, readPeople: false });
  });

  it('lets advisors and admins manage role profiles, and leaders and ombud read them', () => {
    const advisor = me([grant({ role: 'competence_advisor', scopeType: 'municipality', municipalityId: M1.id })]);
    expect(permissionsFor(advisor, M1)).toMatchObject({ readRoleProfiles: true, manageRoleProfiles: true, importFrameworks: false });
    expect(permissionsFor(advisor, M2).readRoleProfiles).toBe(false);
    const admin = me([grant({ role: 'municipal_admin', scopeType: 'municipality', municipalityId: M1.id })]);
    expect(permissionsFor(admin, M1)).toMatchObject({ readRoleProfiles: true, manageRoleProfiles: true });
    for (const role of ['leader', 'ombud'] as const) {
      const unitScoped = me([grant({ role, scopeType: 'unit', municipalityId: M1.id, unitId: crypto.randomUUID() })]);
      expect(permissionsFor(unitScoped, M1)).toMatchObject({ readRoleProfiles: true, manageRoleProfiles: false });
      const municipal = me([grant({ role, scopeType: 'municipality', municipalityId: M1.id })]);
      expect(permissionsFor(municipal, M1)).toMatchObject({ readRoleProfiles: true, manageRoleProfiles: false });
    }
    const network = me([grant({ role: 'competence_advisor', scopeType: 'network', networkId: M1.networkId })]);
    expect(permissionsFor(network, M1).readRoleProfiles).toBe(false);
  });

  it('lets only platform admins import frameworks', () => {
    expect(permissionsFor(me([grant({ role: 'platform_admin', scopeType: 'platform' })]), null)).toMatchObject({ importFrameworks: true, readRoleProfiles: false });
    expect(permissionsFor(me([grant({ role: 'municipal_admin', scopeType: 'municipality', municipalityId: M1.id })]), M1).importFrameworks).toBe(false);
  });

  it('shows results and comparisons to advisors, admins and leaders; sharing to admins only', () => {
    const advisor = me([grant({ role: 'competence_advisor', scopeType: 'municipality', municipalityId: M1.id })]);
    expect(permissionsFor(advisor, M1)).toMatchObject({ readResults: true, readBenchmarks: true, manageBenchmarkSharing: false, viewAnalysis: false });
    expect(permissionsFor(advisor, M2)).toMatchObject({ readResults: false, readBenchmarks: false });
    const admin = me([grant({ role: 'municipal_admin', scopeType: 'municipality', municipalityId: M1.id })]);
    expect(permissionsFor(admin, M1)).toMatchObject({ readResults: true, readBenchmarks: true, manageBenchmarkSharing: true });
    expect(permissionsFor(admin, M2).manageBenchmarkSharing).toBe(false);
    const leader = me([grant({ role: 'leader', scopeType: 'unit', municipalityId: M1.id, unitId: crypto.randomUUID() })]);
    expect(permissionsFor(leader, M1)).toMatchObject({ readResults: true, readBenchmarks: true, manageBenchmarkSharing: false });
    const ombud = me([grant({ role: 'ombud', scopeType: 'unit', municipalityId: M1.id, unitId: crypto.randomUUID() })]);
    expect(permissionsFor(ombud, M1)).toMatchObject({ readResults: false, readBenchmarks: false });
    // Platform admins manage the tenant but see no municipal results.
    expect(permissionsFor(me([grant({ role: 'platform_admin', scopeType: 'platform' })]), M1)).toMatchObject({ readResults: false, readBenchmarks: false, manageBenchmarkSharing: false });
  });

  it('opens the cross-municipality analysis to analysts, network coordinators and platform admins only', () => {
    expect(permissionsFor(me([grant({ role: 'analyst', scopeType: 'network', networkId: M1.networkId })]), null)).toMatchObject({ viewAnalysis: true, readResults: false, readBenchmarks: false });
    expect(permissionsFor(me([grant({ role: 'analyst', scopeType: 'municipality', municipalityId: M1.id })]), M1).viewAnalysis).toBe(true);
    expect(permissionsFor(me([grant({ role: 'network_coordinator', scopeType: 'network', networkId: M1.networkId })]), null).viewAnalysis).toBe(true);
    expect(permissionsFor(me([grant({ role: 'platform_admin', scopeType: 'platform' })]), null).viewAnalysis).toBe(true);
    expect(permissionsFor(me([grant({ role: 'municipal_admin', scopeType: 'municipality', municipalityId: M1.id })]), M1).viewAnalysis).toBe(false);
    expect(permissionsFor(me([grant({ role: 'leader', scopeType: 'municipality', municipalityId: M1.id })]), M1).viewAnalysis).toBe(false);
  });

  it('gives a plain employee nothing to manage', () => {
    const p = permissionsFor(me([grant({ role: 'employee', scopeType: 'municipality', municipalityId: M1.id })]), M1);
    expect(Object.values(p).every((v) => v === false)).toBe(true);
  });
});
