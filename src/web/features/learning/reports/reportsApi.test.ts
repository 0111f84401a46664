import { describe, expect, it } from 'vitest';
import type { Me } from '../../../../shared/api/auth';
import { buildUnitTree } from '../../units/tree';
import { pickableUnits } from './reportsApi';

const M = { id: '11111111-1111-4111-8111-111111111111', name: 'Solvik', code: '9901', country: 'NO', networkId: null };
const unit = (id: string, name: string, parentId: string | null) => ({ id, name, parentId, code: null, kind: 'unit', municipalityId: M.id }) as never;
const tree = buildUnitTree([unit('a', 'Area', null), unit('n', 'North', 'a'), unit('t', 'Team', 'n'), unit('s', 'South', 'a')]);
const me = (grants: object[]): Me => ({ user: { id: 'u', email: 'a@b.example', displayName: 'A', preferredLanguage: 'nb' }, persons: [], grants, municipalities: [M], networks: [], csrfToken: 'x' }) as never;
const grant = (role: string, scopeType: string, unitId: string | null = null) => ({ id: crypto.randomUUID(), role, scopeType, municipalityId: M.id, networkId: null, unitId, scopeName: null });

describe('pickableUnits', () => {
  it('offers every unit to municipality-wide readers', () => {
    expect(pickableUnits(me([grant('competence_advisor', 'municipality')]), M, tree).map((n) => n.unit.id)).toEqual(['a', 'n', 't', 's']);
  });
  it("offers a unit leader their units and what lies below, nothing else", () => {
    expect(pickableUnits(me([grant('leader', 'unit', 'n')]), M, tree).map((n) => n.unit.id)).toEqual(['n', 't']);
  });
  it('offers nothing to others', () => {
    expect(pickableUnits(me([grant('ombud', 'unit', 'n')]), M, tree)).toEqual([]);
  });
});
