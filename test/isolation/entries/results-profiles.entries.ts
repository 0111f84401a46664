import { expect } from 'vitest';
import { contribute, newFramework } from '../../../src/server/modules/benchmarks/benchmarks.fixtures.js';
import { COMPLETE_ANSWERS, insertCampaign, invite } from '../../../src/server/modules/mapping/mapping.fixtures.js';
import type { ActorRole, Tenant } from '../../factories.js';
import { outcomes, platformSpansAll, type MatrixContext, type MatrixEntry, type Prepared } from '../matrix.js';
import { unique } from '../objects.js';

// Individual competence profiles and leader ratings (identified campaigns), and
// comparisons with other municipalities.
//
// Profiles are personal data: competence advisors, administrators and leaders
// (here: the unit leader of "Sone nord", whose team holds inTeam) see and rate
// the people of a campaign; everyone else in the municipality gets 403;
// outsiders 404, as do another municipality's campaign or person under one's
// own path. One's own profiles are under /me.
//
// Comparisons: a municipality's view is for advisors, administrators and
// leaders; only the administrator changes whether it shares nationally. The
// analysts' view names no tenant: analysts and network coordinators see their
// network(s) and the national groups, a platform administrator every network.

const params = (p: Record<string, string>) => p as Prepared['params'];
const READERS: ActorRole[] = ['competence_advisor', 'municipal_admin', 'leader'];
const READ = outcomes({ allow: READERS, rest: 'forbidden' });
const READ_OTHERS_OBJECT = outcomes({ notFound: READERS, rest: 'forbidden' });
const MUNICIPAL = platformSpansAll(
  'forbidden',
  'A platform administrator sees every municipality (so gets 403, not 404) but holds no role that reads individual profiles or a municipality\'s comparisons.',
);

const CAMPAIGN = '/api/v1/municipalities/:municipalityId/campaigns/:campaignId';
const PERSON = `${CAMPAIGN}/people/:personId`;

/** An open identified campaign of the tenant, inTeam (submitted) and inOther invited. */
async function identifiedCampaign(ctx: MatrixContext, owner: 'target' | 'other') {
  const tenant: Tenant = ctx[owner];
  const m = tenant.municipality.id;
  const campaignId = await insertCampaign(ctx.t.db, m, { mode: 'identified', name: unique('Matrix profiles ') });
  const invited = await invite(ctx.t.db, m, campaignId, [tenant.people.inTeam.id, tenant.people.inOther.id]);
  await submitted(ctx, tenant, campaignId, tenant.people.inTeam.id, invited.find((i) => i.personId === tenant.people.inTeam.id)!.invitationId);
  return campaignId;
}

/** Answers as the submit path leaves them (identified_responses + identified_answers, invitation submitted). */
async function submitted(ctx: MatrixContext, tenant: Tenant, campaignId: string, personId: string, invitationId: string) {
  const m = tenant.municipality.id;
  await ctx.t.db.insertInto('identified_responses').values({ municipality_id: m, campaign_id: campaignId, person_id: personId, unit_id: null, profession: 'nurse' }).execute();
  await ctx.t.db
    .insertInto('identified_answers')
    .values(COMPLETE_ANSWERS.map((a) => ({ municipality_id: m, campaign_id: campaignId, person_id: personId, competence_code: a.competenceCode, level: a.level, wants_training: a.wantsTraining ?? false })))
    .execute();
  await ctx.t.db.updateTable('campaign_invitations').set({ submitted: true }).where('municipality_id', '=', m).where('id', '=', invitationId).execute();
}

const ratingsOf = async ({ t }: MatrixContext, campaignId: string, personId: string) =>
  t.db.selectFrom('leader_ratings').select(['competence_code', 'level']).where('campaign_id', '=', campaignId).where('person_id', '=', personId).execute();

const sharingOf = async ({ t }: MatrixContext, municipalityId: string) =>
  (await t.db.selectFrom('municipalities').select('share_national_benchmarks').where('id', '=', municipalityId).executeTakeFirstOrThrow()).share_national_benchmarks;

/** Contributions of both tenants on a fresh framework, so that every view has groups to show. */
async function benchmarkData(ctx: MatrixContext) {
  const frameworkId = await newFramework(ctx.t.db);
  for (const tenant of [ctx.target, ctx.other]) await contribute(ctx.t.db, tenant.municipality.id, { frameworkId, competences: { 'HC.SEC.1': [1, 2, 3, 0] } });
  return frameworkId;
}

export const resultsProfilesEntries: MatrixEntry[] = [
  {
    name: 'profiles.respondents',
    method: 'GET',
    path: `${CAMPAIGN}/respondents`,
    expect: READ,
    foreign: MUNICIPAL,
    prepare: async (ctx) => ({ params: params({ campaignId: await identifiedCampaign(ctx, 'target') }) }),
    check: ({ role, target }, res) => {
      const ids = (res.json().people as { personId: string }[]).map((p) => p.personId).sort();
      // The unit leader of "Sone nord" sees Team A (inTeam), not "Sone sør" (inOther).
      expect(ids).toEqual(role === 'leader' ? [target.people.inTeam.id] : [target.people.inTeam.id, target.people.inOther.id].sort());
    },
  },
  {
    name: 'profiles.respondents of another tenant\'s campaign',
    method: 'GET',
    path: `${CAMPAIGN}/respondents`,
    expect: READ_OTHERS_OBJECT,
    foreign: MUNICIPAL,
    prepare: async (ctx) => ({ params: params({ campaignId: await identifiedCampaign(ctx, 'other') }) }),
  },
  {
    name: 'profiles.profile',
    method: 'GET',
    path: `${PERSON}/profile`,
    expect: READ,
    foreign: MUNICIPAL,
    note: 'personId defaults to the target tenant\'s inTeam, invited and submitted.',
    prepare: async (ctx) => ({ params: params({ campaignId: await identifiedCampaign(ctx, 'target') }), query: { lang: 'en' } }),
    check: ({ target }, res) => expect(res.json()).toMatchObject({ person: { id: target.people.inTeam.id }, submitted: true, canRate: true }),
  },
  {
    name: 'profiles.profile of another tenant\'s person',
    method: 'GET',
    path: `${PERSON}/profile`,
    expect: READ_OTHERS_OBJECT,
    foreign: MUNICIPAL,
    prepare: async (ctx) => ({ params: params({ campaignId: await identifiedCampaign(ctx, 'target'), personId: ctx.other.people.inTeam.id }) }),
  },
  {
    name: 'profiles.profile in another tenant\'s campaign',
    method: 'GET',
    path: `${PERSON}/profile`,
    expect: READ_OTHERS_OBJECT,
    foreign: MUNICIPAL,
    prepare: async (ctx) => ({ params: params({ campaignId: await identifiedCampaign(ctx, 'other'), personId: ctx.other.people.inTeam.id }) }),
  },
  {
    name: 'profiles.leader-ratings',
    method: 'PUT',
    path: `${PERSON}/leader-ratings`,
    expect: READ,
    foreign: MUNICIPAL,
    prepare: async (ctx) => {
      const campaignId = await identifiedCampaign(ctx, 'target');
      return { params: params({ campaignId }), payload: { ratings: [{ competenceCode: 'HC.SEC.1', level: 3 }] }, state: { campaignId, personId: ctx.target.people.inTeam.id } };
    },
    effect: async (ctx, { state }) => (await ratingsOf(ctx, state!.campaignId!, state!.personId!)).length === 1,
    check: (_ctx, res) => expect(res.json().competences.find((c: { code: string }) => c.code === 'HC.SEC.1')).toMatchObject({ self: 2, leader: 3 }),
  },
  {
    name: 'profiles.leader-ratings of another tenant\'s person',
    method: 'PUT',
    path: `${PERSON}/leader-ratings`,
    expect: READ_OTHERS_OBJECT,
    foreign: MUNICIPAL,
    prepare: async (ctx) => {
      const campaignId = await identifiedCampaign(ctx, 'target');
      return { params: params({ campaignId, personId: ctx.other.people.inTeam.id }), payload: { ratings: [{ competenceCode: 'HC.SEC.1', level: 3 }] }, state: { campaignId, personId: ctx.other.people.inTeam.id } };
    },
    effect: async (ctx, { state }) => (await ratingsOf(ctx, state!.campaignId!, state!.personId!)).length === 1,
  },
  {
    name: 'profiles.leader-ratings in another tenant\'s campaign',
    method: 'PUT',
    path: `${PERSON}/leader-ratings`,
    expect: READ_OTHERS_OBJECT,
    foreign: MUNICIPAL,
    prepare: async (ctx) => {
      const campaignId = await identifiedCampaign(ctx, 'other');
      return { params: params({ campaignId, personId: ctx.other.people.inTeam.id }), payload: { ratings: [{ competenceCode: 'HC.SEC.1', level: 3 }] }, state: { campaignId, personId: ctx.other.people.inTeam.id } };
    },
    effect: async (ctx, { state }) => (await ratingsOf(ctx, state!.campaignId!, state!.personId!)).length === 1,
  },
  {
    name: 'me.competence-profiles',
    method: 'GET',
    path: '/api/v1/me/competence-profiles',
    expect: outcomes({ rest: 'allow' }),
    note: 'The signed-in person\'s own profiles; no tenant in the path. The employee (`self`) has submitted in its own tenant, the other tenant\'s `self` in theirs.',
    prepare: async (ctx) => {
      const ids: Record<string, string> = {};
      for (const [key, tenant] of [['mine', ctx.target], ['theirs', ctx.other]] as const) {
        const campaignId = await insertCampaign(ctx.t.db, tenant.municipality.id, { mode: 'identified', name: unique('Matrix own profile ') });
        const [inv] = await invite(ctx.t.db, tenant.municipality.id, campaignId, [tenant.people.self.id]);
        await submitted(ctx, tenant, campaignId, tenant.people.self.id, inv!.invitationId);
        ids[key] = campaignId;
      }
      return { state: ids };
    },
    check: ({ role }, res, { state }) => {
      const ids = (res.json().profiles as { campaign: { id: string }; canRate: boolean }[]).map((p) => p.campaign.id);
      expect(ids).not.toContain(state!.theirs);
      if (role === 'employee') expect(ids).toContain(state!.mine);
      else expect(ids).toEqual([]);
    },
  },
  {
    name: 'benchmarks.municipality',
    method: 'GET',
    path: '/api/v1/municipalities/:municipalityId/benchmarks',
    expect: READ,
    foreign: MUNICIPAL,
    prepare: async (ctx) => ({ query: { frameworkId: await benchmarkData(ctx) } }),
    check: ({ target, other }, res) => {
      const body = res.json();
      expect(body.own.competences).toMatchObject([{ code: 'HC.SEC.1', average: 2.333, respondents: 6 }]);
      const labels = (body.groups as { kind: string; label: string }[]).map((g) => g.label);
      expect(labels).toContain(target.network.name);
      expect(labels).not.toContain(other.network.name);
    },
  },
  {
    name: 'benchmarks.sharing',
    method: 'PUT',
    path: '/api/v1/municipalities/:municipalityId/benchmark-sharing',
    expect: outcomes({ allow: ['municipal_admin'], rest: 'forbidden' }),
    foreign: platformSpansAll('forbidden', 'A platform administrator sees every municipality (so gets 403, not 404); whether a municipality shares is its administrator\'s decision.'),
    prepare: async (ctx) => {
      await ctx.t.db.updateTable('municipalities').set({ share_national_benchmarks: false }).where('id', '=', ctx.target.municipality.id).execute();
      return { payload: { shareNationalBenchmarks: true } };
    },
    effect: async (ctx) => sharingOf(ctx, ctx.target.municipality.id),
    check: (_ctx, res) => expect(res.json()).toEqual({ shareNationalBenchmarks: true }),
  },
  {
    name: 'benchmarks.analysts',
    method: 'GET',
    path: '/api/v1/benchmarks',
    expect: outcomes({ allow: ['network_coordinator', 'analyst', 'platform_admin'], rest: 'forbidden' }),
    note: 'Names no tenant: a network analyst or coordinator sees their own network and the national groups, a platform administrator every network.',
    prepare: async (ctx) => ({ query: { frameworkId: await benchmarkData(ctx) } }),
    check: ({ role, target, other }, res) => {
      const body = res.json();
      const networks = (body.groups as { kind: string; label: string; municipalities: number | null }[]).filter((g) => g.kind === 'network');
      const labels = networks.map((g) => g.label);
      expect(labels).toContain(target.network.name);
      if (role === 'platform_admin') expect(labels).toContain(other.network.name);
      else expect(labels).not.toContain(other.network.name);
      // One contributing municipality per network: never shown on its own.
      expect(networks.every((g) => g.municipalities === null)).toBe(true);
    },
  },
];
