import { expect } from 'vitest';
import { FEW_CODES } from '../../../src/server/modules/mapping/mapping.fixtures.js';
import { campaignWithAnswers } from '../../../src/server/modules/results/results.fixtures.js';
import { createPerson } from '../../factories.js';
import type { ActorRole } from '../../factories.js';
import { outcomes, platformSpansAll, type MatrixContext, type MatrixEntry, type Prepared } from '../matrix.js';

// Results of closed campaigns: read by competence advisors, administrators and
// leaders (their own units), like the campaign itself. Everyone else in the
// municipality gets 403; outsiders 404, and another municipality's campaign
// under one's own path is 404 too.

const params = (p: Record<string, string>) => p as Prepared['params'];
const READERS: ActorRole[] = ['competence_advisor', 'municipal_admin', 'leader'];
const READ = outcomes({ allow: READERS, rest: 'forbidden' });
const READ_OTHERS_OBJECT = outcomes({ notFound: READERS, rest: 'forbidden' });
const MUNICIPAL = platformSpansAll('forbidden', 'A platform administrator sees every municipality (so gets 403, not 404) but holds no role that reads campaign results.');

/** A closed campaign with six answers in the tenant's unit "Sone nord" (so that results are ready). */
async function closedCampaign(ctx: MatrixContext, owner: 'target' | 'other') {
  const tenant = ctx[owner];
  const m = tenant.municipality.id;
  const unitId = tenant.units.unit.id;
  const people = [];
  for (let i = 0; i < 6; i++) people.push(await createPerson(ctx.t.db, m, unitId));
  const respondents = people.map((p, i) => ({ personId: p.id, unitId, profession: 'nurse', levels: { 'HC.SEC.1': 1 + (i % 4), 'HC.SEC.2': 2, 'HC.DIG.1': null } }));
  return campaignWithAnswers(ctx.t.db, m, { invited: people.map((p) => p.id), respondents, competenceCodes: FEW_CODES });
}

const BASE = '/api/v1/municipalities/:municipalityId/campaigns/:campaignId/results';

export const resultsEntries: MatrixEntry[] = [
  {
    name: 'results.get',
    method: 'GET',
    path: BASE,
    expect: READ,
    foreign: MUNICIPAL,
    prepare: async (ctx) => ({ params: params({ campaignId: await closedCampaign(ctx, 'target') }) }),
    check: (_ctx, res) => {
      const r = res.json();
      expect(r.state).toBe('ready');
      expect(r.total.respondents).toBe(6);
    },
  },
  {
    name: 'results.get another tenant\'s campaign',
    method: 'GET',
    path: BASE,
    expect: READ_OTHERS_OBJECT,
    foreign: MUNICIPAL,
    prepare: async (ctx) => ({ params: params({ campaignId: await closedCampaign(ctx, 'other') }) }),
  },
  {
    name: 'results.export',
    method: 'GET',
    path: `${BASE}/export`,
    expect: READ,
    foreign: MUNICIPAL,
    prepare: async (ctx) => ({ params: params({ campaignId: await closedCampaign(ctx, 'target') }), query: { format: 'csv' } }),
    check: (_ctx, res) => expect(res.headers['content-type']).toContain('text/csv'),
  },
  {
    name: 'results.export another tenant\'s campaign',
    method: 'GET',
    path: `${BASE}/export`,
    expect: READ_OTHERS_OBJECT,
    foreign: MUNICIPAL,
    prepare: async (ctx) => ({ params: params({ campaignId: await closedCampaign(ctx, 'other') }), query: { format: 'xlsx' } }),
  },
  {
    name: 'results.trend',
    method: 'GET',
    path: '/api/v1/municipalities/:municipalityId/results/trend',
    expect: READ,
    foreign: MUNICIPAL,
    prepare: async (ctx) => ({ state: { campaignId: await closedCampaign(ctx, 'target'), theirs: await closedCampaign(ctx, 'other') } }),
    check: (_ctx, res, { state }) => {
      const ids = (res.json().points as { campaignId: string }[]).map((p) => p.campaignId);
      expect(ids).toContain(state!.campaignId);
      expect(ids).not.toContain(state!.theirs);
    },
  },
];
