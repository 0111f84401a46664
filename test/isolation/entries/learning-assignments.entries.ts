import { expect } from 'vitest';
import { insertAssignment, insertItem } from '../../../src/server/modules/learning/assignments/assignments.fixtures.js';
import type { ActorRole } from '../../factories.js';
import { outcomes, platformSpansAll, type MatrixContext, type MatrixEntry } from '../matrix.js';
import { unique } from '../objects.js';

// Assignments and "my learning". Administrators, competence advisors and
// leaders assign; the matrix's leader leads the unit "Sone nord", and every
// object here targets that unit, so a unit leader is allowed too (the limits
// of unit leaders are in modules/learning/assignments/assignments.test.ts).
// "My learning" belongs to whoever has an employee record: in the matrix
// tenant only the employee has one.

const MANAGERS: ActorRole[] = ['municipal_admin', 'competence_advisor', 'leader'];
const MANAGE = outcomes({ allow: MANAGERS, rest: 'forbidden' });
const OTHERS_OBJECT = outcomes({ notFound: MANAGERS, rest: 'forbidden' });
const PLATFORM = platformSpansAll('forbidden', 'A platform administrator sees every municipality (so gets 403, not 404) but neither assigns learning nor has an employee record there.');

const BASE = '/api/v1/municipalities/:municipalityId/learning/assignments';
const ONE = `${BASE}/:assignmentId`;

async function freshAssignment({ t }: MatrixContext, tenant: MatrixContext['target']) {
  const m = tenant.municipality.id;
  const item = await insertItem(t.db, m);
  const assignmentId = await insertAssignment(t.db, m, item.id, { kind: 'unit', unitId: tenant.units.unit.id }, { dueDate: '2031-01-31' });
  return { assignmentId, itemId: item.id };
}
const row = ({ t }: MatrixContext, id: string) => t.db.selectFrom('learning_assignments').select(['note', 'archived_at', 'municipality_id']).where('id', '=', id).executeTakeFirst();

async function withAssignment(ctx: MatrixContext, owner: 'target' | 'other') {
  const { assignmentId } = await freshAssignment(ctx, ctx[owner]);
  return { params: { assignmentId }, state: { assignmentId } };
}

async function createPayload(ctx: MatrixContext, itemOwner: 'target' | 'other') {
  const item = await insertItem(ctx.t.db, ctx[itemOwner].municipality.id);
  const note = unique('Matrix note ');
  return { payload: { itemId: item.id, target: { kind: 'unit', unitId: ctx.target.units.unit.id }, dueDays: 30, note }, state: { note } };
}
const createdWith = async ({ t, target }: MatrixContext, note: string) =>
  (await t.db.selectFrom('learning_assignments').select('municipality_id').where('note', '=', note).executeTakeFirst())?.municipality_id === target.municipality.id;

export const learningAssignmentEntries: MatrixEntry[] = [
  {
    name: 'learning-assignments.list',
    method: 'GET',
    path: BASE,
    expect: MANAGE,
    foreign: PLATFORM,
    prepare: async (ctx) => ({ state: { mine: (await freshAssignment(ctx, ctx.target)).assignmentId, theirs: (await freshAssignment(ctx, ctx.other)).assignmentId } }),
    check: ({ target }, res, { state }) => {
      const list = res.json() as { id: string; municipalityId: string }[];
      expect(list.every((a) => a.municipalityId === target.municipality.id)).toBe(true);
      expect(list.map((a) => a.id)).toContain(state!.mine);
      expect(list.map((a) => a.id)).not.toContain(state!.theirs);
    },
  },
  {
    name: 'learning-assignments.create',
    method: 'POST',
    path: BASE,
    expect: MANAGE,
    foreign: PLATFORM,
    status: 201,
    prepare: (ctx) => createPayload(ctx, 'target'),
    effect: (ctx, { state }) => createdWith(ctx, state!.note!),
  },
  {
    name: "learning-assignments.create with another tenant's item",
    method: 'POST',
    path: BASE,
    expect: OTHERS_OBJECT,
    foreign: PLATFORM,
    prepare: (ctx) => createPayload(ctx, 'other'),
    effect: async ({ t }, { state }) => (await t.db.selectFrom('learning_assignments').select('id').where('note', '=', state!.note!).executeTakeFirst()) !== undefined,
  },
  {
    name: 'learning-assignments.get',
    method: 'GET',
    path: ONE,
    expect: MANAGE,
    foreign: PLATFORM,
    prepare: (ctx) => withAssignment(ctx, 'target'),
    check: (_ctx, res, { state }) => expect(res.json().id).toBe(state!.assignmentId),
  },
  {
    name: "learning-assignments.get another tenant's assignment",
    method: 'GET',
    path: ONE,
    expect: OTHERS_OBJECT,
    foreign: PLATFORM,
    prepare: (ctx) => withAssignment(ctx, 'other'),
  },
  {
    name: 'learning-assignments.update',
    method: 'PATCH',
    path: ONE,
    expect: MANAGE,
    foreign: PLATFORM,
    prepare: async (ctx) => {
      const p = await withAssignment(ctx, 'target');
      const note = unique('Changed ');
      return { ...p, payload: { note }, state: { ...p.state, note } };
    },
    effect: async (ctx, { state }) => (await row(ctx, state!.assignmentId!))?.note === state!.note,
  },
  {
    name: "learning-assignments.update another tenant's assignment",
    method: 'PATCH',
    path: ONE,
    expect: OTHERS_OBJECT,
    foreign: PLATFORM,
    prepare: async (ctx) => {
      const p = await withAssignment(ctx, 'other');
      const note = unique('Changed ');
      return { ...p, payload: { note }, state: { ...p.state, note } };
    },
    effect: async (ctx, { state }) => (await row(ctx, state!.assignmentId!))?.note === state!.note,
  },
  {
    name: 'learning-assignments.archive',
    method: 'DELETE',
    path: ONE,
    expect: MANAGE,
    foreign: PLATFORM,
    prepare: (ctx) => withAssignment(ctx, 'target'),
    effect: async (ctx, { state }) => (await row(ctx, state!.assignmentId!))?.archived_at != null,
  },
  {
    name: "learning-assignments.archive another tenant's assignment",
    method: 'DELETE',
    path: ONE,
    expect: OTHERS_OBJECT,
    foreign: PLATFORM,
    prepare: (ctx) => withAssignment(ctx, 'other'),
    effect: async (ctx, { state }) => (await row(ctx, state!.assignmentId!))?.archived_at != null,
  },
  {
    name: 'learning-assignments.people',
    method: 'GET',
    path: `${ONE}/people`,
    expect: MANAGE,
    foreign: PLATFORM,
    prepare: (ctx) => withAssignment(ctx, 'target'),
    check: ({ target }, res) => {
      const ids = (res.json().people as { personId: string }[]).map((p) => p.personId).sort();
      // "Sone nord" and its team: the employee and the person in the team.
      expect(ids).toEqual([target.people.self.id, target.people.inTeam.id].sort());
    },
  },
  {
    name: "learning-assignments.people of another tenant's assignment",
    method: 'GET',
    path: `${ONE}/people`,
    expect: OTHERS_OBJECT,
    foreign: PLATFORM,
    prepare: (ctx) => withAssignment(ctx, 'other'),
  },
  {
    name: 'my-learning.get',
    method: 'GET',
    path: '/api/v1/municipalities/:municipalityId/my-learning',
    expect: outcomes({ allow: ['employee'], rest: 'forbidden' }),
    foreign: PLATFORM,
    prepare: async (ctx) => ({ state: (await freshAssignment(ctx, ctx.target)) as Record<string, string> }),
    check: ({ target }, res, { state }) => {
      const body = res.json() as { personId: string; assigned: { assignmentId: string }[] };
      expect(body.personId).toBe(target.people.self.id);
      expect(body.assigned.map((a) => a.assignmentId)).toContain(state!.assignmentId);
    },
  },
];
