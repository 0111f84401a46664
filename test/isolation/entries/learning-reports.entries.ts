import { expect } from 'vitest';
import { complete, insertAssignment, insertItem } from '../../../src/server/modules/learning/assignments/assignments.fixtures.js';
import type { ActorRole, Tenant } from '../../factories.js';
import { outcomes, platformSpansAll, type MatrixContext, type MatrixEntry, type Prepared } from '../matrix.js';
import { unique } from '../objects.js';

// Leader views of learning (modules/learning/reports). They are about named
// people, so only competence advisors, administrators and leaders read them
// (here the unit leader of "Sone nord", which holds inTeam and self but not
// inOther); everyone else in the municipality gets 403, outsiders 404, and
// so does another municipality's unit or person under one's own path, or a
// unit or person outside a unit leader's subtree.

const READERS: ActorRole[] = ['competence_advisor', 'municipal_admin', 'leader'];
const READ = outcomes({ allow: READERS, rest: 'forbidden' });
const NOT_THEIRS = outcomes({ notFound: READERS, rest: 'forbidden' });
const OUTSIDE_LEADER = outcomes({ allow: ['competence_advisor', 'municipal_admin'], notFound: ['leader'], rest: 'forbidden' });
const MUNICIPAL = platformSpansAll('forbidden', 'A platform administrator sees every municipality (so gets 403, not 404) but holds no role that reads learning reports.');
const BASE = '/api/v1/municipalities/:municipalityId/learning/reports';

/** An item assigned to the whole tenant, with inTeam done, so every report has rows (titled to be found in answers). */
async function assignedItem(ctx: MatrixContext, tenant: Tenant) {
  const m = tenant.municipality.id;
  const title = unique('Matrix report item ');
  const item = await insertItem(ctx.t.db, m, { title });
  await insertAssignment(ctx.t.db, m, item.id, { kind: 'unit', unitId: tenant.units.area.id }, { dueDate: '2020-01-01' });
  await complete(ctx.t.db, m, tenant.people.inTeam.id, item, new Date());
  return { id: item.id, title };
}

async function bothItems(ctx: MatrixContext): Promise<Prepared> {
  const [mine, theirs] = [await assignedItem(ctx, ctx.target), await assignedItem(ctx, ctx.other)];
  return { state: { mine: mine.id, theirs: theirs.id } };
}

export const learningReportEntries: MatrixEntry[] = [
  {
    name: 'learning.reports.completion',
    method: 'GET',
    path: `${BASE}/completion`,
    expect: READ,
    foreign: MUNICIPAL,
    prepare: bothItems,
    check: (_ctx, res, { state }) => {
      const ids = res.json().items.map((i: { itemId: string }) => i.itemId);
      expect(ids).toContain(state!.mine);
      expect(ids).not.toContain(state!.theirs);
    },
  },
  {
    name: "learning.reports.completion of another tenant's unit",
    method: 'GET',
    path: `${BASE}/completion`,
    expect: NOT_THEIRS,
    foreign: MUNICIPAL,
    prepare: (ctx) => ({ query: { unitId: ctx.other.units.unit.id } }),
  },
  {
    name: "learning.reports.completion of a unit outside the leader's",
    method: 'GET',
    path: `${BASE}/completion`,
    expect: OUTSIDE_LEADER,
    foreign: MUNICIPAL,
    prepare: (ctx) => ({ query: { unitId: ctx.target.units.other.id } }),
  },
  {
    name: 'learning.reports.trend',
    method: 'GET',
    path: `${BASE}/trend`,
    expect: READ,
    foreign: MUNICIPAL,
    prepare: bothItems,
    check: (_ctx, res) => expect(res.json().months.at(-1).completions).toBeGreaterThan(0),
  },
  {
    name: "learning.reports.trend of another tenant's unit",
    method: 'GET',
    path: `${BASE}/trend`,
    expect: NOT_THEIRS,
    foreign: MUNICIPAL,
    prepare: (ctx) => ({ query: { unitId: ctx.other.units.unit.id } }),
  },
  {
    name: 'learning.reports.people',
    method: 'GET',
    path: `${BASE}/people`,
    expect: READ,
    foreign: MUNICIPAL,
    prepare: (ctx) => ({ query: { pageSize: '500' }, state: { inTeam: ctx.target.people.inTeam.id, inOther: ctx.target.people.inOther.id } }),
    check: (ctx, res, { state }) => {
      const ids = res.json().items.map((p: { personId: string }) => p.personId);
      expect(ids).toContain(state!.inTeam);
      if (ctx.role === 'leader') expect(ids).not.toContain(state!.inOther);
      else expect(ids).toContain(state!.inOther);
    },
  },
  {
    name: "learning.reports.people of another tenant's unit",
    method: 'GET',
    path: `${BASE}/people`,
    expect: NOT_THEIRS,
    foreign: MUNICIPAL,
    prepare: (ctx) => ({ query: { unitId: ctx.other.units.unit.id } }),
  },
  {
    name: 'learning.reports.person',
    method: 'GET',
    path: `${BASE}/people/:personId`,
    expect: READ,
    foreign: MUNICIPAL,
    check: (ctx, res) => expect(res.json().person.id).toBe(ctx.target.people.inTeam.id),
  },
  {
    name: "learning.reports.person outside the leader's units",
    method: 'GET',
    path: `${BASE}/people/:personId`,
    expect: OUTSIDE_LEADER,
    foreign: MUNICIPAL,
    prepare: (ctx) => ({ params: { personId: ctx.target.people.inOther.id } }),
  },
  {
    name: "learning.reports.person of another tenant",
    method: 'GET',
    path: `${BASE}/people/:personId`,
    expect: NOT_THEIRS,
    foreign: MUNICIPAL,
    prepare: (ctx) => ({ params: { personId: ctx.other.people.inTeam.id } }),
  },
  {
    name: 'learning.reports.completion.xlsx',
    method: 'GET',
    path: `${BASE}/completion.xlsx`,
    expect: READ,
    foreign: MUNICIPAL,
    check: (_ctx, res) => expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
  },
  {
    name: "learning.reports.completion.xlsx of another tenant's unit",
    method: 'GET',
    path: `${BASE}/completion.xlsx`,
    expect: NOT_THEIRS,
    foreign: MUNICIPAL,
    prepare: (ctx) => ({ query: { unitId: ctx.other.units.unit.id } }),
  },
];
