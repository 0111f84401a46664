import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant, createPerson, createUser, sessionFor, type Tenant } from '../../../../test/factories.js';
import { call, createTestApp, errorCode, type Session, type TestApp } from '../../../../test/harness.js';
import type { CompetenceProfile } from '../../../shared/api/results.js';
import { COMPLETE_ANSWERS, insertCampaign, invite, starterVersion, type CampaignState } from '../mapping/mapping.fixtures.js';

// Individual competence profiles and leader ratings through the API: who sees
// whom (unit leaders: their subtree), gaps against the role profiles, ratings
// beside (never averaged with) the person's own, anonymous campaigns refused.

let t: TestApp;
let a: Tenant;
let b: Tenant;
let m: string;
let versionId: string;
/** A leader for the whole municipality, and a leader of the unit "Sone sør" (a.units.other). */
let municipalLeader: Session;
let southLeader: Session;
/** The person record of the unit leader of "Sone nord" (a.users.leader), working in that unit. */
let leaderPerson: { id: string };

beforeAll(async () => {
  t = await createTestApp();
  versionId = await starterVersion(t.db);
  a = await buildTenant(t.db);
  b = await buildTenant(t.db);
  m = a.municipality.id;
  municipalLeader = await sessionFor(t.db, (await createUser(t.db, [{ role: 'leader', scopeType: 'municipality', municipalityId: m }])).id);
  southLeader = await sessionFor(t.db, (await createUser(t.db, [{ role: 'leader', scopeType: 'unit', municipalityId: m, unitId: a.units.other.id }])).id);
  leaderPerson = await createPerson(t.db, m, a.units.unit.id, { given_name: 'Leif', family_name: 'Leder', profession: 'leader', user_id: a.users.leader.id });
  // Nurses in "Sone nord" (and below): 3 and 2 on HC.SEC.1/HC.SEC.2. Nurses anywhere: HC.SEC.1 1, HC.DIG.1 2.
  await roleProfile('Sykepleier nord', 'nurse', a.units.unit.id, { 'HC.SEC.1': 3, 'HC.SEC.2': 2 });
  await roleProfile('Sykepleier', 'nurse', null, { 'HC.SEC.1': 1, 'HC.DIG.1': 2 });
});
afterAll(() => t.close());

async function roleProfile(name: string, profession: string | null, unitId: string | null, levels: Record<string, number>) {
  const { id } = await t.db.insertInto('role_profiles').values({ municipality_id: m, name, framework_version_id: versionId, profession, unit_id: unitId }).returning('id').executeTakeFirstOrThrow();
  await t.db
    .insertInto('role_profile_requirements')
    .values(Object.entries(levels).map(([competence_code, required_level]) => ({ municipality_id: m, profile_id: id, competence_code, required_level })))
    .execute();
}

const base = (campaignId: string, tenant = a) => `/api/v1/municipalities/${tenant.municipality.id}/campaigns/${campaignId}`;
const profileUrl = (campaignId: string, personId: string, tenant = a) => `${base(campaignId, tenant)}/people/${personId}/profile`;
const ratingsUrl = (campaignId: string, personId: string, tenant = a) => `${base(campaignId, tenant)}/people/${personId}/leader-ratings`;
const reason = (res: { json: () => any }) => res.json()?.error?.details?.reason;

/** Submits through the public endpoint, as the person would. */
async function submit(token: string, answers: { competenceCode: string; level: number | null; wantsTraining?: boolean }[]) {
  const res = await call(t.app, null, 'POST', `/api/v1/assessments/${encodeURIComponent(token)}/submit`, { answers });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
}

/** An identified campaign with inTeam (submitted), inOther (not yet), self and the leader's own person invited. */
async function campaign(o: { mode?: 'identified' | 'anonymous'; state?: CampaignState } = {}) {
  const campaignId = await insertCampaign(t.db, m, { mode: o.mode ?? 'identified', state: o.state ?? 'open' });
  const invited = await invite(t.db, m, campaignId, [a.people.inTeam.id, a.people.inOther.id, a.people.self.id, leaderPerson.id]);
  const token = (personId: string) => invited.find((i) => i.personId === personId)!.token;
  if ((o.state ?? 'open') === 'open') await submit(token(a.people.inTeam.id), COMPLETE_ANSWERS);
  return { campaignId, token };
}

const names = (res: { json: () => any }) => (res.json().people as { personId: string }[]).map((p) => p.personId).sort();
const competence = (profile: CompetenceProfile, code: string) => profile.competences.find((c) => c.code === code)!;

describe('respondents', () => {
  it('lists everyone invited to advisors, administrators and municipality leaders, with gaps after submission', async () => {
    const { campaignId } = await campaign();
    for (const session of [a.sessions.competence_advisor, a.sessions.municipal_admin, municipalLeader]) {
      const res = await call(t.app, session, 'GET', `${base(campaignId)}/respondents`);
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      expect(names(res)).toEqual([a.people.inTeam.id, a.people.inOther.id, a.people.self.id, leaderPerson.id].sort());
    }
    const people = (await call(t.app, a.sessions.competence_advisor, 'GET', `${base(campaignId)}/respondents`)).json().people as { personId: string }[];
    // inTeam: HC.SEC.1 2 < 3 (the unit's nurse profile), HC.SEC.2 3 ≥ 2, HC.DIG.1 "don't know": one gap.
    expect(people.find((p) => p.personId === a.people.inTeam.id)).toEqual({
      personId: a.people.inTeam.id,
      name: `${a.people.inTeam.given_name} ${a.people.inTeam.family_name}`,
      unitName: 'Team A',
      profession: 'nurse',
      submitted: true,
      gaps: 1,
      leaderRated: 0,
    });
    expect(people.find((p) => p.personId === a.people.inOther.id)).toMatchObject({ submitted: false, gaps: null, unitName: 'Sone sør' });
  });

  it('shows a unit leader only the people in their units and below (by any unit, or the invitation\'s unit)', async () => {
    const { campaignId } = await campaign();
    const north = await call(t.app, a.sessions.leader, 'GET', `${base(campaignId)}/respondents`);
    expect(north.statusCode).toBe(200);
    expect(names(north)).toEqual([a.people.inTeam.id, a.people.self.id, leaderPerson.id].sort());
    const south = await call(t.app, southLeader, 'GET', `${base(campaignId)}/respondents`);
    expect(names(south)).toEqual([a.people.inOther.id]);

    // Someone in "Sone sør" who also works in Team A, and someone invited in Team A who has since moved south.
    const twoUnits = await createPerson(t.db, m, a.units.other.id);
    await t.db.insertInto('person_units').values({ municipality_id: m, person_id: twoUnits.id, unit_id: a.units.team.id, is_primary: false }).execute();
    const moved = await createPerson(t.db, m, a.units.team.id);
    await invite(t.db, m, campaignId, [twoUnits.id, moved.id]);
    await t.db.updateTable('person_units').set({ unit_id: a.units.other.id }).where('person_id', '=', moved.id).execute();
    expect(names(await call(t.app, a.sessions.leader, 'GET', `${base(campaignId)}/respondents`))).toEqual([a.people.inTeam.id, a.people.self.id, leaderPerson.id, twoUnits.id, moved.id].sort());
    expect(names(await call(t.app, southLeader, 'GET', `${base(campaignId)}/respondents`))).toEqual([a.people.inOther.id, twoUnits.id, moved.id].sort());
  });

  it('refuses everyone else in the municipality (403) and hides other municipalities (404)', async () => {
    const { campaignId } = await campaign();
    for (const role of ['employee', 'ombud', 'network_coordinator', 'analyst', 'platform_admin'] as const) {
      expect(errorCode(await call(t.app, a.sessions[role], 'GET', `${base(campaignId)}/respondents`)), role).toBe('FORBIDDEN');
    }
    expect(errorCode(await call(t.app, null, 'GET', `${base(campaignId)}/respondents`))).toBe('UNAUTHENTICATED');
    expect(errorCode(await call(t.app, b.sessions.competence_advisor, 'GET', `${base(campaignId)}/respondents`))).toBe('NOT_FOUND');
    // b's campaign under a's path, and a's campaign under b's path.
    const theirs = await insertCampaign(t.db, b.municipality.id, { mode: 'identified' });
    expect(errorCode(await call(t.app, a.sessions.competence_advisor, 'GET', `/api/v1/municipalities/${m}/campaigns/${theirs}/respondents`))).toBe('NOT_FOUND');
    expect(errorCode(await call(t.app, b.sessions.competence_advisor, 'GET', `${base(campaignId, b)}/respondents`))).toBe('NOT_FOUND');
  });

  it('refuses an anonymous campaign with CAMPAIGN_ANONYMOUS: there is no individual data to show', async () => {
    const { campaignId } = await campaign({ mode: 'anonymous' });
    for (const [method, url, payload] of [
      ['GET', `${base(campaignId)}/respondents`, undefined],
      ['GET', profileUrl(campaignId, a.people.inTeam.id), undefined],
      ['PUT', ratingsUrl(campaignId, a.people.inTeam.id), { ratings: [{ competenceCode: 'HC.SEC.1', level: 2 }] }],
    ] as const) {
      const res = await call(t.app, a.sessions.competence_advisor, method, url, payload);
      expect(res.statusCode, url).toBe(409);
      expect(reason(res), url).toBe('CAMPAIGN_ANONYMOUS');
    }
    expect(await t.db.selectFrom('leader_ratings').select('person_id').where('campaign_id', '=', campaignId).execute()).toEqual([]);
  });
});

describe('a competence profile', () => {
  it('shows own ratings, "don\'t know", wanting training, required levels and gaps, in the requested language', async () => {
    const { campaignId } = await campaign();
    const res = await call(t.app, a.sessions.competence_advisor, 'GET', `${profileUrl(campaignId, a.people.inTeam.id)}?lang=en`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const profile = res.json<CompetenceProfile>();
    expect(profile).toMatchObject({
      campaign: { id: campaignId, status: 'open', closedAt: null },
      person: { id: a.people.inTeam.id, unitName: 'Team A', profession: 'nurse' },
      submitted: true,
      canRate: true,
    });
    expect(profile.levels.map((l) => l.name)).toEqual(['Basic', 'Independent', 'Advanced', expect.any(String)]);
    // Framework order: the digital basics area before security.
    expect(profile.competences.map((c) => c.code)).toEqual(['HC.DIG.1', 'HC.SEC.1', 'HC.SEC.2']);
    expect(competence(profile, 'HC.SEC.1')).toMatchObject({ self: 2, dontKnow: false, wantsTraining: true, leader: null, required: 3, gap: 1, learning: [] });
    expect(competence(profile, 'HC.SEC.2')).toMatchObject({ self: 3, required: 2, gap: -1, wantsTraining: false });
    // The unit profile (more specific) replaces the profession-only one: no requirement for HC.DIG.1.
    expect(competence(profile, 'HC.DIG.1')).toMatchObject({ self: null, dontKnow: true, required: null, gap: null });
    expect(competence(profile, 'HC.SEC.1').name).not.toBe(competence((await call(t.app, a.sessions.competence_advisor, 'GET', `${profileUrl(campaignId, a.people.inTeam.id)}?lang=nb`)).json<CompetenceProfile>(), 'HC.SEC.1').name);
  });

  it('shows no own levels before submission, and requirements from the person\'s unit and profession now', async () => {
    const { campaignId } = await campaign();
    const profile = (await call(t.app, a.sessions.competence_advisor, 'GET', profileUrl(campaignId, a.people.inOther.id))).json<CompetenceProfile>();
    expect(profile.submitted).toBe(false);
    expect(profile.competences.every((c) => c.self === null && !c.dontKnow && !c.wantsTraining && c.gap === null)).toBe(true);
    // "Sone sør" has no nurse profile of its own: the profession-only profile applies.
    expect(profile.competences.map((c) => [c.code, c.required])).toEqual([
      ['HC.DIG.1', 2],
      ['HC.SEC.1', 1],
      ['HC.SEC.2', null],
    ]);
  });

  it('keeps the unit and profession at submission for the requirements, even after the person moves', async () => {
    const { campaignId } = await campaign();
    const mover = await createPerson(t.db, m, a.units.team.id);
    const [inv] = await invite(t.db, m, campaignId, [mover.id]);
    await submit(inv!.token, COMPLETE_ANSWERS);
    await t.db.updateTable('person_units').set({ unit_id: a.units.other.id }).where('person_id', '=', mover.id).execute();
    await t.db.updateTable('persons').set({ profession: 'assistant' }).where('id', '=', mover.id).execute();
    const profile = (await call(t.app, a.sessions.competence_advisor, 'GET', profileUrl(campaignId, mover.id))).json<CompetenceProfile>();
    expect(profile.person).toMatchObject({ unitName: 'Team A', profession: 'nurse' });
    expect(competence(profile, 'HC.SEC.1')).toMatchObject({ required: 3, gap: 1 });
  });

  it('follows the same visibility as the list: a person the caller may not see, or who is not invited, is not found', async () => {
    const { campaignId } = await campaign();
    expect((await call(t.app, a.sessions.leader, 'GET', profileUrl(campaignId, a.people.inTeam.id))).statusCode).toBe(200);
    expect(errorCode(await call(t.app, a.sessions.leader, 'GET', profileUrl(campaignId, a.people.inOther.id)))).toBe('NOT_FOUND');
    expect(errorCode(await call(t.app, southLeader, 'GET', profileUrl(campaignId, a.people.inTeam.id)))).toBe('NOT_FOUND');
    const notInvited = await createPerson(t.db, m, a.units.team.id);
    expect(errorCode(await call(t.app, a.sessions.competence_advisor, 'GET', profileUrl(campaignId, notInvited.id)))).toBe('NOT_FOUND');
    expect(errorCode(await call(t.app, a.sessions.competence_advisor, 'GET', profileUrl(campaignId, b.people.inTeam.id)))).toBe('NOT_FOUND');
    expect(errorCode(await call(t.app, a.sessions.employee, 'GET', profileUrl(campaignId, a.people.self.id)))).toBe('FORBIDDEN');
    expect(errorCode(await call(t.app, b.sessions.municipal_admin, 'GET', profileUrl(campaignId, a.people.inTeam.id)))).toBe('NOT_FOUND');
    // A leader sees their own profile in the campaign, but may not rate it.
    const own = await call(t.app, a.sessions.leader, 'GET', profileUrl(campaignId, leaderPerson.id));
    expect(own.json()).toMatchObject({ person: { id: leaderPerson.id }, canRate: false });
  });
});

describe('leader ratings', () => {
  const ratingsOf = (campaignId: string, personId: string) =>
    t.db.selectFrom('leader_ratings').select(['competence_code', 'level', 'rated_by']).where('campaign_id', '=', campaignId).where('person_id', '=', personId).orderBy('competence_code').execute();

  it('are stored beside the person\'s own rating, upserted, with null for "cannot judge", and audited', async () => {
    const { campaignId } = await campaign();
    const url = ratingsUrl(campaignId, a.people.inTeam.id);
    const res = await call(t.app, a.sessions.leader, 'PUT', url, { ratings: [{ competenceCode: 'HC.SEC.1', level: 3 }, { competenceCode: 'HC.DIG.1', level: null }] });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const profile = res.json<CompetenceProfile>();
    expect(competence(profile, 'HC.SEC.1')).toMatchObject({ self: 2, leader: 3, required: 3, gap: 1 });
    expect(competence(profile, 'HC.DIG.1')).toMatchObject({ self: null, dontKnow: true, leader: null, leaderCannotJudge: true });
    expect(competence(profile, 'HC.SEC.1').leaderCannotJudge).toBe(false);
    expect(competence(profile, 'HC.SEC.2')).toMatchObject({ leader: null, leaderCannotJudge: false });
    expect(profile.canRate).toBe(true);
    expect(await ratingsOf(campaignId, a.people.inTeam.id)).toEqual([
      { competence_code: 'HC.DIG.1', level: null, rated_by: a.users.leader.id },
      { competence_code: 'HC.SEC.1', level: 3, rated_by: a.users.leader.id },
    ]);

    // Another rater changes one competence; the other keeps its rating.
    const again = await call(t.app, a.sessions.competence_advisor, 'PUT', url, { ratings: [{ competenceCode: 'HC.SEC.1', level: 1 }] });
    expect(competence(again.json(), 'HC.SEC.1').leader).toBe(1);
    expect((await ratingsOf(campaignId, a.people.inTeam.id)).map((r) => [r.competence_code, r.level])).toEqual([
      ['HC.DIG.1', null],
      ['HC.SEC.1', 1],
    ]);
    const list = (await call(t.app, a.sessions.competence_advisor, 'GET', `${base(campaignId)}/respondents`)).json().people as { personId: string; leaderRated: number }[];
    expect(list.find((p) => p.personId === a.people.inTeam.id)!.leaderRated).toBe(2);

    const events = await t.db.selectFrom('audit_events').selectAll().where('municipality_id', '=', m).where('action', '=', 'leader_rating.update').where('entity_id', '=', a.people.inTeam.id).orderBy('occurred_at').orderBy('id').execute();
    const mine = events.filter((e) => (e.after as { campaignId: string }).campaignId === campaignId);
    expect(mine.map((e) => e.actor_user_id)).toEqual([a.users.leader.id, a.users.competence_advisor.id]);
    expect(mine[1]).toMatchObject({
      entity_type: 'person',
      before: { campaignId, ratings: [{ competenceCode: 'HC.SEC.1', level: 3 }] },
      after: { campaignId, ratings: [{ competenceCode: 'HC.SEC.1', level: 1 }] },
    });
    // The same rating again changes nothing and is not audited again.
    await call(t.app, a.sessions.competence_advisor, 'PUT', url, { ratings: [{ competenceCode: 'HC.SEC.1', level: 1 }] });
    const after = await t.db.selectFrom('audit_events').select('id').where('municipality_id', '=', m).where('action', '=', 'leader_rating.update').where('entity_id', '=', a.people.inTeam.id).execute();
    expect(after).toHaveLength(events.length);
  });

  it('refuses invalid ratings without writing any', async () => {
    const { campaignId } = await campaign();
    const url = ratingsUrl(campaignId, a.people.inTeam.id);
    const cases = [
      { ratings: [{ competenceCode: 'HC.SEC.1', level: 2 }, { competenceCode: 'HC.WT.1', level: 2 }] },
      { ratings: [{ competenceCode: 'HC.SEC.1', level: 2 }, { competenceCode: 'HC.SEC.2', level: 5 }] },
      { ratings: [{ competenceCode: 'HC.SEC.1', level: 2 }, { competenceCode: 'HC.SEC.1', level: 3 }] },
      { ratings: [{ competenceCode: 'HC.SEC.1', level: 0 }] },
    ];
    for (const body of cases) {
      const res = await call(t.app, a.sessions.competence_advisor, 'PUT', url, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(errorCode(res)).toBe('VALIDATION');
    }
    expect((await call(t.app, a.sessions.competence_advisor, 'PUT', url, cases[0])).json().error.details.issues).toEqual([{ path: ['ratings', '1', 'competenceCode'], message: expect.any(String) }]);
    expect(await ratingsOf(campaignId, a.people.inTeam.id)).toEqual([]);
  });

  it('are never one\'s own, only for people one may see, only by those who plan competence, only once published', async () => {
    const { campaignId } = await campaign();
    const body = { ratings: [{ competenceCode: 'HC.SEC.1', level: 2 }] };
    expect(errorCode(await call(t.app, a.sessions.leader, 'PUT', ratingsUrl(campaignId, leaderPerson.id), body))).toBe('FORBIDDEN');
    expect(errorCode(await call(t.app, a.sessions.leader, 'PUT', ratingsUrl(campaignId, a.people.inOther.id), body))).toBe('NOT_FOUND');
    for (const role of ['employee', 'ombud', 'analyst', 'network_coordinator', 'platform_admin'] as const) {
      expect(errorCode(await call(t.app, a.sessions[role], 'PUT', ratingsUrl(campaignId, a.people.inTeam.id), body)), role).toBe('FORBIDDEN');
    }
    expect(errorCode(await call(t.app, b.sessions.competence_advisor, 'PUT', ratingsUrl(campaignId, a.people.inTeam.id), body))).toBe('NOT_FOUND');
    // An advisor who also works in the municipality cannot rate their own record either.
    const advisorPerson = await createPerson(t.db, m, a.units.team.id, { user_id: a.users.competence_advisor.id });
    await invite(t.db, m, campaignId, [advisorPerson.id]);
    expect(errorCode(await call(t.app, a.sessions.competence_advisor, 'PUT', ratingsUrl(campaignId, advisorPerson.id), body))).toBe('FORBIDDEN');
    await t.db.updateTable('persons').set({ user_id: null }).where('id', '=', advisorPerson.id).execute();
    for (const personId of [leaderPerson.id, a.people.inOther.id, a.people.inTeam.id, advisorPerson.id]) expect(await ratingsOf(campaignId, personId)).toEqual([]);

    const draft = await campaign({ state: 'draft' });
    const refused = await call(t.app, a.sessions.competence_advisor, 'PUT', ratingsUrl(draft.campaignId, a.people.inTeam.id), body);
    expect(refused.statusCode).toBe(409);
    expect(reason(refused)).toBe('CAMPAIGN_NOT_PUBLISHED');
    // After the close, ratings are still welcome (leaders often rate then).
    const closed = await campaign({ state: 'closed' });
    expect((await call(t.app, a.sessions.competence_advisor, 'PUT', ratingsUrl(closed.campaignId, a.people.inTeam.id), body)).statusCode).toBe(200);
  });
});

describe('my competence profiles', () => {
  it('lists the identified campaigns the signed-in person submitted, newest first, with leader ratings and no rating rights', async () => {
    const first = await campaign();
    const second = await campaign();
    const anonymous = await campaign({ mode: 'anonymous' });
    await submit(first.token(a.people.self.id), [{ competenceCode: 'HC.SEC.1', level: 1 }, { competenceCode: 'HC.SEC.2', level: 1 }, { competenceCode: 'HC.DIG.1', level: 1 }]);
    await submit(anonymous.token(a.people.self.id), COMPLETE_ANSWERS);
    await submit(second.token(a.people.self.id), COMPLETE_ANSWERS);
    await call(t.app, a.sessions.leader, 'PUT', ratingsUrl(first.campaignId, a.people.self.id), { ratings: [{ competenceCode: 'HC.SEC.2', level: 2 }] });

    const res = await call(t.app, a.sessions.employee, 'GET', '/api/v1/me/competence-profiles?lang=en');
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const profiles = res.json<{ profiles: CompetenceProfile[] }>().profiles;
    const ids = profiles.map((p) => p.campaign.id);
    expect(ids.indexOf(second.campaignId)).toBeLessThan(ids.indexOf(first.campaignId));
    expect(ids).not.toContain(anonymous.campaignId);
    expect(profiles.every((p) => p.canRate === false && p.person.id === a.people.self.id && p.submitted)).toBe(true);
    const firstProfile = profiles.find((p) => p.campaign.id === first.campaignId)!;
    expect(competence(firstProfile, 'HC.SEC.2')).toMatchObject({ self: 1, leader: 2 });
    expect(firstProfile.levels[0]!.name).toBe('Basic');

    // Nobody else's: the leader has submitted nothing, other roles have no person here.
    expect((await call(t.app, a.sessions.leader, 'GET', '/api/v1/me/competence-profiles')).json()).toEqual({ profiles: [] });
    expect((await call(t.app, a.sessions.competence_advisor, 'GET', '/api/v1/me/competence-profiles')).json()).toEqual({ profiles: [] });
    expect(errorCode(await call(t.app, null, 'GET', '/api/v1/me/competence-profiles'))).toBe('UNAUTHENTICATED');
  });
});
