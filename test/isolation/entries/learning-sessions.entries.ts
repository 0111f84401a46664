import { expect } from 'vitest';
import type { ActorRole, Tenant } from '../../factories.js';
import { insertEventItem, insertSession, startSessionAgo } from '../../fixtures/learning-events.js';
import { outcomes, platformSpansAll, type MatrixContext, type MatrixEntry } from '../matrix.js';

// Classroom sessions of event items. The sessions of a published event (dates,
// places, seat counts) are open to everyone who sees the municipality;
// organisers (administrators, competence advisors, leaders) plan them, list
// who signed up and take attendance; only an employee (an account with a
// person record here, in the matrix tenants only the employee) signs up, as
// themselves. Another municipality's event or session does not exist (404),
// and a payload naming another municipality's person is invalid.

const EVERYONE: ActorRole[] = ['employee', 'leader', 'ombud', 'competence_advisor', 'municipal_admin', 'network_coordinator', 'analyst', 'platform_admin'];
const ORGANISERS: ActorRole[] = ['municipal_admin', 'competence_advisor', 'leader'];
const LEARNERS: ActorRole[] = ['employee'];
const ORGANISE = outcomes({ allow: ORGANISERS, rest: 'forbidden' });
const OTHERS_FOR_ORGANISERS = outcomes({ notFound: ORGANISERS, rest: 'forbidden' });
const LEARN = outcomes({ allow: LEARNERS, rest: 'forbidden' });
const OTHERS_FOR_LEARNERS = outcomes({ notFound: LEARNERS, rest: 'forbidden' });
const PLATFORM_READS = platformSpansAll('allow', 'A platform administrator holds a platform-wide grant; a published event\'s sessions (dates, places, seat counts) are no personal data and are open to every grant that covers the municipality.');
const PLATFORM_ORGANISES_NOTHING = platformSpansAll('forbidden', 'A platform administrator sees every municipality (so gets 403, not 404) but neither organises its sessions nor signs up there.');

const M = '/api/v1/municipalities/:municipalityId/learning';
const SESSION = `${M}/sessions/:sessionId`;

/** An event with one upcoming session in the tenant (hoursAgo: it started that long ago), optionally with the tenant's employee signed up. */
async function eventSession(ctx: MatrixContext, tenant: Tenant, o: { signedUp?: 'self' | 'inTeam'; hoursAgo?: number } = {}) {
  const m = tenant.municipality.id;
  const item = await insertEventItem(ctx.t.db, m);
  const session = await insertSession(ctx.t.db, m, item.id, { capacity: 5 });
  if (o.signedUp) {
    await ctx.t.db.insertInto('learning_registrations').values({ municipality_id: m, session_id: session.id, person_id: tenant.people[o.signedUp].id, status: 'registered' }).execute();
  }
  if (o.hoursAgo) await startSessionAgo(ctx.t.db, m, session.id, o.hoursAgo);
  return { itemId: item.id, sessionId: session.id };
}

const sessionRow = (ctx: MatrixContext, id: string) => ctx.t.db.selectFrom('learning_sessions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const registration = (ctx: MatrixContext, sessionId: string, personId: string) =>
  ctx.t.db.selectFrom('learning_registrations').selectAll().where('session_id', '=', sessionId).where('person_id', '=', personId).executeTakeFirst();
const sessionCount = async (ctx: MatrixContext, itemId: string) => (await ctx.t.db.selectFrom('learning_sessions').select('id').where('item_id', '=', itemId).execute()).length;
const future = (hours: number) => new Date(Date.now() + hours * 3600_000).toISOString();

const onOwn = (ctx: MatrixContext, o?: Parameters<typeof eventSession>[2]) => eventSession(ctx, ctx.target, o);
const onOther = (ctx: MatrixContext, o?: Parameters<typeof eventSession>[2]) => eventSession(ctx, ctx.other, o);
const asPrepared = (ids: { itemId: string; sessionId: string }) => ({ params: ids, state: ids });

export const learningSessionEntries: MatrixEntry[] = [
  {
    name: 'sessions.list',
    method: 'GET',
    path: `${M}/items/:itemId/sessions`,
    expect: outcomes({ allow: EVERYONE, rest: 'forbidden' }),
    foreign: PLATFORM_READS,
    prepare: async (ctx) => asPrepared(await onOwn(ctx)),
    check: (_ctx, res, { state }) => {
      expect(res.json().upcoming.map((s: { id: string }) => s.id)).toEqual([state!.sessionId]);
    },
  },
  {
    name: "sessions.list another tenant's event",
    method: 'GET',
    path: `${M}/items/:itemId/sessions`,
    expect: outcomes({ notFound: EVERYONE, rest: 'forbidden' }),
    prepare: async (ctx) => asPrepared(await onOther(ctx)),
  },
  {
    name: 'sessions.create',
    method: 'POST',
    path: `${M}/items/:itemId/sessions`,
    status: 201,
    expect: ORGANISE,
    foreign: PLATFORM_ORGANISES_NOTHING,
    prepare: async (ctx) => {
      const { itemId } = await onOwn(ctx);
      return { params: { itemId }, state: { itemId }, payload: { startsAt: future(24), endsAt: future(26), location: 'Matrix room', capacity: 3 } };
    },
    effect: async (ctx, { state }) => (await sessionCount(ctx, state!.itemId!)) > 1,
  },
  {
    name: "sessions.create on another tenant's event",
    method: 'POST',
    path: `${M}/items/:itemId/sessions`,
    expect: OTHERS_FOR_ORGANISERS,
    foreign: PLATFORM_ORGANISES_NOTHING,
    prepare: async (ctx) => {
      const { itemId } = await onOther(ctx);
      return { params: { itemId }, state: { itemId }, payload: { startsAt: future(24), endsAt: future(26), capacity: 3 } };
    },
    effect: async (ctx, { state }) => (await sessionCount(ctx, state!.itemId!)) > 1,
  },
  {
    name: 'sessions.update',
    method: 'PATCH',
    path: SESSION,
    expect: ORGANISE,
    foreign: PLATFORM_ORGANISES_NOTHING,
    prepare: async (ctx) => ({ ...asPrepared(await onOwn(ctx)), payload: { capacity: 42 } }),
    effect: async (ctx, { state }) => (await sessionRow(ctx, state!.sessionId!)).capacity === 42,
  },
  {
    name: "sessions.update another tenant's session",
    method: 'PATCH',
    path: SESSION,
    expect: OTHERS_FOR_ORGANISERS,
    foreign: PLATFORM_ORGANISES_NOTHING,
    prepare: async (ctx) => ({ ...asPrepared(await onOther(ctx)), payload: { capacity: 42 } }),
    effect: async (ctx, { state }) => (await sessionRow(ctx, state!.sessionId!)).capacity === 42,
  },
  {
    name: 'sessions.cancel',
    method: 'POST',
    path: `${SESSION}/cancel`,
    expect: ORGANISE,
    foreign: PLATFORM_ORGANISES_NOTHING,
    prepare: async (ctx) => asPrepared(await onOwn(ctx, { signedUp: 'inTeam' })),
    effect: async (ctx, { state }) => (await sessionRow(ctx, state!.sessionId!)).cancelled_at !== null,
  },
  {
    name: "sessions.cancel another tenant's session",
    method: 'POST',
    path: `${SESSION}/cancel`,
    expect: OTHERS_FOR_ORGANISERS,
    foreign: PLATFORM_ORGANISES_NOTHING,
    prepare: async (ctx) => asPrepared(await onOther(ctx)),
    effect: async (ctx, { state }) => (await sessionRow(ctx, state!.sessionId!)).cancelled_at !== null,
  },
  {
    name: 'sessions.sign up',
    method: 'POST',
    path: `${SESSION}/registration`,
    expect: LEARN,
    foreign: PLATFORM_ORGANISES_NOTHING,
    prepare: async (ctx) => asPrepared(await onOwn(ctx)),
    effect: async (ctx, { params }) => (await ctx.t.db.selectFrom('learning_registrations').select('person_id').where('session_id', '=', params!.sessionId!).execute()).length > 0,
  },
  {
    name: "sessions.sign up for another tenant's session",
    method: 'POST',
    path: `${SESSION}/registration`,
    expect: OTHERS_FOR_LEARNERS,
    foreign: PLATFORM_ORGANISES_NOTHING,
    prepare: async (ctx) => asPrepared(await onOther(ctx)),
    effect: async (ctx, { params }) => (await ctx.t.db.selectFrom('learning_registrations').select('person_id').where('session_id', '=', params!.sessionId!).execute()).length > 0,
  },
  {
    name: 'sessions.leave',
    method: 'DELETE',
    path: `${SESSION}/registration`,
    expect: LEARN,
    foreign: PLATFORM_ORGANISES_NOTHING,
    prepare: async (ctx) => asPrepared(await onOwn(ctx, { signedUp: 'self' })),
    effect: async (ctx, { state }) => (await registration(ctx, state!.sessionId!, ctx.target.people.self.id))?.status === 'cancelled',
  },
  {
    name: "sessions.leave another tenant's session",
    method: 'DELETE',
    path: `${SESSION}/registration`,
    expect: OTHERS_FOR_LEARNERS,
    foreign: PLATFORM_ORGANISES_NOTHING,
    prepare: async (ctx) => asPrepared(await onOther(ctx, { signedUp: 'self' })),
    effect: async (ctx, { state }) => (await registration(ctx, state!.sessionId!, ctx.other.people.self.id))?.status === 'cancelled',
  },
  {
    name: 'sessions.registrations',
    method: 'GET',
    path: `${SESSION}/registrations`,
    expect: ORGANISE,
    foreign: PLATFORM_ORGANISES_NOTHING,
    prepare: async (ctx) => asPrepared(await onOwn(ctx, { signedUp: 'inTeam' })),
    check: (ctx, res) => {
      expect(res.json().registrations.map((r: { personId: string }) => r.personId)).toEqual([ctx.target.people.inTeam.id]);
    },
  },
  {
    name: "sessions.registrations of another tenant's session",
    method: 'GET',
    path: `${SESSION}/registrations`,
    expect: OTHERS_FOR_ORGANISERS,
    foreign: PLATFORM_ORGANISES_NOTHING,
    prepare: async (ctx) => asPrepared(await onOther(ctx, { signedUp: 'inTeam' })),
  },
  {
    name: 'sessions.attendance',
    method: 'PUT',
    path: `${SESSION}/attendance`,
    expect: ORGANISE,
    foreign: PLATFORM_ORGANISES_NOTHING,
    prepare: async (ctx) => ({ ...asPrepared(await onOwn(ctx, { signedUp: 'inTeam', hoursAgo: 1 })), payload: { attended: [ctx.target.people.inTeam.id], absent: [] } }),
    effect: async (ctx, { state }) => (await registration(ctx, state!.sessionId!, ctx.target.people.inTeam.id))?.attended === true,
  },
  {
    name: "sessions.attendance naming another tenant's person",
    method: 'PUT',
    path: `${SESSION}/attendance`,
    expect: outcomes({ invalid: ORGANISERS, rest: 'forbidden' }),
    foreign: PLATFORM_ORGANISES_NOTHING,
    prepare: async (ctx) => ({ ...asPrepared(await onOwn(ctx, { signedUp: 'inTeam', hoursAgo: 1 })), payload: { attended: [ctx.other.people.inTeam.id], absent: [] } }),
    effect: async (ctx, { state }) => (await registration(ctx, state!.sessionId!, ctx.target.people.inTeam.id))?.attended !== null,
  },
  {
    name: "sessions.attendance of another tenant's session",
    method: 'PUT',
    path: `${SESSION}/attendance`,
    expect: OTHERS_FOR_ORGANISERS,
    foreign: PLATFORM_ORGANISES_NOTHING,
    prepare: async (ctx) => ({ ...asPrepared(await onOther(ctx, { signedUp: 'inTeam', hoursAgo: 1 })), payload: { attended: [ctx.other.people.inTeam.id], absent: [] } }),
    effect: async (ctx, { state }) => (await registration(ctx, state!.sessionId!, ctx.other.people.inTeam.id))?.attended === true,
  },
];
