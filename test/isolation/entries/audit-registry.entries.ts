import { expect } from 'vitest';
import { outcomes, platformSpansAll, type MatrixEntry } from '../matrix.js';
import { auditMarker, networkAuditMarker, unique } from '../objects.js';

// Audit trails (they hold before/after copies of personal data) and the
// platform-wide municipality registry.

const PLATFORM_ONLY = outcomes({ allow: ['platform_admin'], rest: 'forbidden' });

export const auditRegistryEntries: MatrixEntry[] = [
  {
    name: 'audit-events.list',
    method: 'GET',
    path: '/api/v1/municipalities/:municipalityId/audit-events',
    expect: outcomes({ allow: ['municipal_admin'], rest: 'forbidden' }),
    note: 'Audit events carry before/after copies of people, so only the municipal administrator reads them.',
    foreign: platformSpansAll('forbidden', 'A platform administrator sees every municipality (403, not 404) but not its audit trail, which holds personal data.'),
    prepare: async ({ t, target, other }) => ({ state: { mine: await auditMarker(t.db, target), theirs: await auditMarker(t.db, other) } }),
    check: (_ctx, res, { state }) => {
      const entities = res.json().items.map((e: { entityId: string }) => e.entityId);
      expect(entities).toContain(state!.mine);
      expect(entities).not.toContain(state!.theirs);
    },
  },
  {
    name: 'network-audit-events.list',
    method: 'GET',
    path: '/api/v1/networks/:networkId/audit-events',
    expect: outcomes({ allow: ['network_coordinator', 'platform_admin'], notFound: ['employee', 'leader', 'ombud'], rest: 'forbidden' }),
    foreign: platformSpansAll('allow'),
    prepare: async ({ t, target, other }) => ({ state: { mine: await networkAuditMarker(t.db, target), theirs: await networkAuditMarker(t.db, other) } }),
    check: (_ctx, res, { state }) => {
      const entities = res.json().items.map((e: { entityId: string }) => e.entityId);
      expect(entities).toContain(state!.mine);
      expect(entities).not.toContain(state!.theirs);
    },
  },
  {
    name: 'registry.search',
    method: 'GET',
    path: '/api/v1/registry/municipalities',
    expect: PLATFORM_ONLY,
    note: 'Platform reference data; no tenant.',
  },
  {
    name: 'registry.import',
    method: 'POST',
    path: '/api/v1/registry/municipalities',
    expect: PLATFORM_ONLY,
    prepare: () => {
      const name = unique('Matrixby ');
      return {
        file: { fileName: 'registry.json', contentType: 'application/json', content: JSON.stringify({ country: 'NO', municipalities: [{ code: '9999', name, population: 100, county: 'Test' }] }) },
        state: { name },
      };
    },
    effect: async ({ t }, { state }) => !!(await t.db.selectFrom('municipality_registry').select('code').where('name', '=', state!.name!).executeTakeFirst()),
  },
];
