import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { COMPLETE_ANSWERS, completeSurveyAnswers, insertCampaign, invite, starterVersion, type CampaignState } from '../../../src/server/modules/mapping/mapping.fixtures.js';
import type { ActorRole } from '../../factories.js';
import { outcomes, platformSpansAll, type MatrixContext, type MatrixEntry, type Prepared } from '../matrix.js';
import { unique } from '../objects.js';

// Mapping campaigns and answering them.
//
// Campaigns are tenant objects: competence advisors and administrators run
// them; leaders (here: of "Sone nord") read them, see the response rate of their
// units and print the shared-device codes of their staff. Everyone else in the
// municipality gets 403; outsiders 404.
//
// Answering is public, like sign-in: the path key is the authorisation (an
// e-mailed link token; signed in, also one's own invitation id). Every role,
// anonymous included, may use a token, and in the foreign run a token of the
// other municipality opens that municipality's questionnaire and nothing else:
// the leak check shows no id of the caller's own tenant in the answer, and the
// questionnaire names only its own campaign. Unknown keys are 404 for everyone
// (anonymous too: a key is not an id that exists for some and not for others).

const params = (p: Record<string, string>) => p as Prepared['params'];

const MANAGERS: ActorRole[] = ['competence_advisor', 'municipal_admin'];
const READERS: ActorRole[] = [...MANAGERS, 'leader'];
const MANAGE = outcomes({ allow: MANAGERS, rest: 'forbidden' });
const READ = outcomes({ allow: READERS, rest: 'forbidden' });
const MANAGE_OTHERS_OBJECT = outcomes({ notFound: MANAGERS, rest: 'forbidden' });
const READ_OTHERS_OBJECT = outcomes({ notFound: READERS, rest: 'forbidden' });
const MANAGE_WITH_OTHERS_UNIT = outcomes({ invalid: MANAGERS, rest: 'forbidden' });
const MUNICIPAL = platformSpansAll(
  'forbidden',
  'A platform administrator sees every municipality (so gets 403, not 404) but holds no role that runs or follows its campaigns.',
);
const EVERYONE = outcomes({ rest: 'allow', allow: ['anonymous'] });
const NOBODY = outcomes({ rest: 'notFound', notFound: ['anonymous'] });
const TOKEN_IS_THE_KEY = {
  outcomes: EVERYONE,
  why: 'The link token is the authorisation, whoever holds it: a token of the other municipality opens that one invitation there. The leak check shows it reveals nothing of the caller\'s own tenant.',
};
const UNKNOWN_KEY = {
  outcomes: { anonymous: 'notFound' as const },
  why: 'An unknown key is unknown to everyone: anonymous callers get the same 404 as signed-in ones, whichever tenant the other ids belong to.',
};

const BASE = '/api/v1/municipalities/:municipalityId/campaigns';
const ITEM = `${BASE}/:campaignId`;

const campaignRow = async ({ t }: MatrixContext, id: string) =>
  (await t.db.selectFrom('campaigns').select(['name', 'municipality_id', 'published_at', 'closed_at']).where('id', '=', id).executeTakeFirst()) ?? null;
const campaignNamed = async ({ t }: MatrixContext, name: string) => (await t.db.selectFrom('campaigns').select(['id', 'municipality_id']).where('name', '=', name).executeTakeFirst()) ?? null;

/** A fresh campaign in the targeted tenant (or in the other one, to probe cross-tenant ids). */
async function withCampaign(ctx: MatrixContext, owner: 'target' | 'other', state: CampaignState, o: { invitePeople?: boolean; unitIds?: string[] } = {}) {
  const tenant = ctx[owner];
  const campaignId = await insertCampaign(ctx.t.db, tenant.municipality.id, { state, name: unique('Matrix campaign '), unitIds: o.unitIds });
  const invited = o.invitePeople ? await invite(ctx.t.db, tenant.municipality.id, campaignId, [tenant.people.inTeam.id, tenant.people.self.id]) : [];
  return { campaignId, invited };
}

async function newCampaignPayload(ctx: MatrixContext, unitId: string) {
  const name = unique('Matrix campaign ');
  const now = Date.now();
  return {
    payload: { name, frameworkVersionId: await starterVersion(ctx.t.db), unitIds: [unitId], opensAt: new Date(now).toISOString(), closesAt: new Date(now + 86400_000).toISOString(), mode: 'anonymous' },
    state: { name },
  };
}

/** An invitation of the targeted tenant's team member to an open campaign; its link token is the path key. */
async function withToken(ctx: MatrixContext, o: { answered?: boolean } = {}) {
  const tenant = ctx.target;
  const campaignId = await insertCampaign(ctx.t.db, tenant.municipality.id, { mode: 'anonymous', name: unique('Matrix campaign ') });
  const [inv] = await invite(ctx.t.db, tenant.municipality.id, campaignId, [tenant.people.inTeam.id]);
  if (o.answered) {
    await ctx.t.db
      .insertInto('assessment_drafts')
      .values(COMPLETE_ANSWERS.map((a) => ({ municipality_id: tenant.municipality.id, invitation_id: inv!.invitationId, competence_code: a.competenceCode, level: a.level, dont_know: a.level === null })))
      .execute();
  }
  return { params: params({ token: inv!.token }), state: { campaignId, invitationId: inv!.invitationId } };
}

/** A leader-survey invitation of the targeted tenant's team member (profession aside, as publishing would for a leader). */
async function withSurveyToken(ctx: MatrixContext, o: { answered?: boolean } = {}) {
  const tenant = ctx.target;
  const campaignId = await insertCampaign(ctx.t.db, tenant.municipality.id, { mode: 'anonymous', name: unique('Matrix campaign '), instruments: ['leader_survey'] });
  const [inv] = await invite(ctx.t.db, tenant.municipality.id, campaignId, [tenant.people.inTeam.id], 'leader_survey');
  if (o.answered) {
    await ctx.t.db
      .insertInto('leader_survey_answers')
      .values(completeSurveyAnswers(0).map((a) => ({ municipality_id: tenant.municipality.id, invitation_id: inv!.invitationId, item_code: a.itemCode, option_codes: a.optionCodes })))
      .execute();
  }
  return { params: params({ token: inv!.token }), state: { campaignId, invitationId: inv!.invitationId } };
}
const surveyAnswersOf = async ({ t }: MatrixContext, invitationId: string) => t.db.selectFrom('leader_survey_answers').select('item_code').where('invitation_id', '=', invitationId).execute();

const unknownToken = () => ({ params: params({ token: randomBytes(32).toString('base64url') }) });
const draftsOf = async ({ t }: MatrixContext, invitationId: string) => t.db.selectFrom('assessment_drafts').select('competence_code').where('invitation_id', '=', invitationId).execute();
const submitted = async ({ t }: MatrixContext, invitationId: string) =>
  (await t.db.selectFrom('campaign_invitations').select('submitted').where('id', '=', invitationId).executeTakeFirstOrThrow()).submitted;

export const mappingEntries: MatrixEntry[] = [
  {
    name: 'campaigns.list',
    method: 'GET',
    path: BASE,
    expect: READ,
    foreign: MUNICIPAL,
    prepare: async (ctx) => ({ state: { mine: (await withCampaign(ctx, 'target', 'draft')).campaignId, theirs: (await withCampaign(ctx, 'other', 'draft')).campaignId } }),
    check: ({ target }, res, { state }) => {
      const list = res.json() as { id: string; municipalityId: string }[];
      expect(list.every((c) => c.municipalityId === target.municipality.id)).toBe(true);
      expect(list.map((c) => c.id)).toContain(state!.mine);
      expect(list.map((c) => c.id)).not.toContain(state!.theirs);
    },
  },
  {
    name: 'campaigns.create',
    method: 'POST',
    path: BASE,
    expect: MANAGE,
    foreign: MUNICIPAL,
    status: 201,
    prepare: (ctx) => newCampaignPayload(ctx, ctx.target.units.unit.id),
    effect: async (ctx, { state }) => (await campaignNamed(ctx, state!.name!))?.municipality_id === ctx.target.municipality.id,
  },
  {
    name: 'campaigns.create for another tenant\'s unit',
    method: 'POST',
    path: BASE,
    expect: MANAGE_WITH_OTHERS_UNIT,
    foreign: MUNICIPAL,
    prepare: (ctx) => newCampaignPayload(ctx, ctx.other.units.unit.id),
    effect: async (ctx, { state }) => !!(await campaignNamed(ctx, state!.name!)),
  },
  {
    name: 'campaigns.get',
    method: 'GET',
    path: ITEM,
    expect: READ,
    foreign: MUNICIPAL,
    prepare: async (ctx) => {
      const { campaignId } = await withCampaign(ctx, 'target', 'open');
      return { params: params({ campaignId }), state: { campaignId } };
    },
    check: (_ctx, res, { state }) => expect(res.json()).toMatchObject({ id: state!.campaignId, status: 'open' }),
  },
  {
    name: 'campaigns.get another tenant\'s campaign',
    method: 'GET',
    path: ITEM,
    expect: READ_OTHERS_OBJECT,
    foreign: MUNICIPAL,
    note: 'The id of a campaign in another municipality, under the actor\'s own municipality path: not found.',
    prepare: async (ctx) => ({ params: params({ campaignId: (await withCampaign(ctx, 'other', 'open')).campaignId }) }),
  },
  {
    name: 'campaigns.patch',
    method: 'PATCH',
    path: ITEM,
    expect: MANAGE,
    foreign: MUNICIPAL,
    prepare: async (ctx) => {
      const { campaignId } = await withCampaign(ctx, 'target', 'draft');
      const name = unique('Renamed ');
      return { params: params({ campaignId }), payload: { name }, state: { campaignId, name } };
    },
    effect: async (ctx, { state }) => (await campaignRow(ctx, state!.campaignId!))?.name === state!.name,
  },
  {
    name: 'campaigns.patch another tenant\'s campaign',
    method: 'PATCH',
    path: ITEM,
    expect: MANAGE_OTHERS_OBJECT,
    foreign: MUNICIPAL,
    prepare: async (ctx) => {
      const { campaignId } = await withCampaign(ctx, 'other', 'draft');
      const name = unique('Renamed ');
      return { params: params({ campaignId }), payload: { name }, state: { campaignId, name } };
    },
    effect: async (ctx, { state }) => (await campaignRow(ctx, state!.campaignId!))?.name === state!.name,
  },
  {
    name: 'campaigns.patch to another tenant\'s unit',
    method: 'PATCH',
    path: ITEM,
    expect: MANAGE_WITH_OTHERS_UNIT,
    foreign: MUNICIPAL,
    prepare: async (ctx) => {
      const { campaignId } = await withCampaign(ctx, 'target', 'draft');
      const name = unique('Renamed ');
      return { params: params({ campaignId }), payload: { name, unitIds: [ctx.other.units.unit.id] }, state: { campaignId, name } };
    },
    effect: async (ctx, { state }) => (await campaignRow(ctx, state!.campaignId!))?.name === state!.name,
  },
  {
    name: 'campaigns.publish',
    method: 'POST',
    path: `${ITEM}/publish`,
    expect: MANAGE,
    foreign: MUNICIPAL,
    prepare: async (ctx) => {
      const { campaignId } = await withCampaign(ctx, 'target', 'draft', { unitIds: [ctx.target.units.unit.id] });
      return { params: params({ campaignId }), state: { campaignId } };
    },
    effect: async (ctx, { state }) => !!(await campaignRow(ctx, state!.campaignId!))?.published_at,
    check: (_ctx, res) => expect(res.json()).toMatchObject({ invited: 2, emailed: 2, campaign: { status: 'open' } }),
  },
  {
    name: 'campaigns.publish another tenant\'s campaign',
    method: 'POST',
    path: `${ITEM}/publish`,
    expect: MANAGE_OTHERS_OBJECT,
    foreign: MUNICIPAL,
    prepare: async (ctx) => {
      const { campaignId } = await withCampaign(ctx, 'other', 'draft');
      return { params: params({ campaignId }), state: { campaignId } };
    },
    effect: async (ctx, { state }) => !!(await campaignRow(ctx, state!.campaignId!))?.published_at,
  },
  {
    name: 'campaigns.close',
    method: 'POST',
    path: `${ITEM}/close`,
    expect: MANAGE,
    foreign: MUNICIPAL,
    prepare: async (ctx) => {
      const { campaignId } = await withCampaign(ctx, 'target', 'open');
      return { params: params({ campaignId }), state: { campaignId } };
    },
    effect: async (ctx, { state }) => !!(await campaignRow(ctx, state!.campaignId!))?.closed_at,
  },
  {
    name: 'campaigns.close another tenant\'s campaign',
    method: 'POST',
    path: `${ITEM}/close`,
    expect: MANAGE_OTHERS_OBJECT,
    foreign: MUNICIPAL,
    prepare: async (ctx) => {
      const { campaignId } = await withCampaign(ctx, 'other', 'open');
      return { params: params({ campaignId }), state: { campaignId } };
    },
    effect: async (ctx, { state }) => !!(await campaignRow(ctx, state!.campaignId!))?.closed_at,
  },
  {
    name: 'campaigns.reminders',
    method: 'POST',
    path: `${ITEM}/reminders`,
    expect: MANAGE,
    foreign: MUNICIPAL,
    status: 202,
    prepare: async (ctx) => {
      const { campaignId, invited } = await withCampaign(ctx, 'target', 'open', { invitePeople: true });
      return { params: params({ campaignId }), state: { campaignId, invitationId: invited[0]!.invitationId } };
    },
    // A reminder issues a second link token for each unsubmitted invitation.
    effect: async ({ t }, { state }) => (await t.db.selectFrom('invitation_keys').select('key_hash').where('invitation_id', '=', state!.invitationId!).execute()).length === 2,
    check: (_ctx, res) => expect(res.json()).toEqual({ emailed: 2 }),
  },
  {
    name: 'campaigns.reminders another tenant\'s campaign',
    method: 'POST',
    path: `${ITEM}/reminders`,
    expect: MANAGE_OTHERS_OBJECT,
    foreign: MUNICIPAL,
    prepare: async (ctx) => {
      const { campaignId, invited } = await withCampaign(ctx, 'other', 'open', { invitePeople: true });
      return { params: params({ campaignId }), state: { campaignId, invitationId: invited[0]!.invitationId } };
    },
    effect: async ({ t }, { state }) => (await t.db.selectFrom('invitation_keys').select('key_hash').where('invitation_id', '=', state!.invitationId!).execute()).length === 2,
  },
  {
    name: 'campaigns.invitation-codes',
    method: 'POST',
    path: `${ITEM}/invitation-codes`,
    expect: READ,
    foreign: MUNICIPAL,
    note: 'Leaders print codes for the units they lead (the matrix leader leads "Sone nord", whose team holds inTeam).',
    prepare: async (ctx) => {
      const { campaignId, invited } = await withCampaign(ctx, 'target', 'open', { invitePeople: true });
      return { params: params({ campaignId }), payload: { unitId: ctx.target.units.unit.id }, state: { campaignId, invitationId: invited[0]!.invitationId } };
    },
    effect: async ({ t }, { state }) => !!(await t.db.selectFrom('invitation_keys').select('key_hash').where('invitation_id', '=', state!.invitationId!).where('kind', '=', 'code').executeTakeFirst()),
    check: ({ target }, res) => expect(res.json().codes.map((c: { personId: string }) => c.personId).sort()).toEqual([target.people.inTeam.id, target.people.self.id].sort()),
  },
  {
    name: 'campaigns.invitation-codes for another tenant\'s unit',
    method: 'POST',
    path: `${ITEM}/invitation-codes`,
    expect: outcomes({ invalid: READERS, rest: 'forbidden' }),
    foreign: MUNICIPAL,
    prepare: async (ctx) => {
      const { campaignId, invited } = await withCampaign(ctx, 'target', 'open', { invitePeople: true });
      return { params: params({ campaignId }), payload: { unitId: ctx.other.units.unit.id }, state: { invitationId: invited[0]!.invitationId } };
    },
    effect: async ({ t }, { state }) => !!(await t.db.selectFrom('invitation_keys').select('key_hash').where('invitation_id', '=', state!.invitationId!).where('kind', '=', 'code').executeTakeFirst()),
  },
  {
    name: 'campaigns.invitation-codes of another tenant\'s campaign',
    method: 'POST',
    path: `${ITEM}/invitation-codes`,
    expect: READ_OTHERS_OBJECT,
    foreign: MUNICIPAL,
    prepare: async (ctx) => {
      const { campaignId, invited } = await withCampaign(ctx, 'other', 'open', { invitePeople: true });
      return { params: params({ campaignId }), payload: { unitId: ctx.target.units.unit.id }, state: { invitationId: invited[0]!.invitationId } };
    },
    effect: async ({ t }, { state }) => !!(await t.db.selectFrom('invitation_keys').select('key_hash').where('invitation_id', '=', state!.invitationId!).where('kind', '=', 'code').executeTakeFirst()),
  },
  {
    name: 'campaigns.progress',
    method: 'GET',
    path: `${ITEM}/progress`,
    expect: READ,
    foreign: MUNICIPAL,
    prepare: async (ctx) => {
      const { campaignId } = await withCampaign(ctx, 'target', 'open', { invitePeople: true });
      return { params: params({ campaignId }) };
    },
    check: ({ role }, res) => {
      const body = res.json();
      expect(body.threshold).toBe(5);
      // Two invited: fewer than k, so managers see one row without a submitted count; the unit leader sees no row.
      if (role === 'leader') expect(body).toMatchObject({ total: null, rows: [] });
      else expect(body).toMatchObject({ total: { invited: 2, submitted: null }, rows: [{ unitId: null, invited: 2, submitted: null }] });
    },
  },
  {
    name: 'campaigns.progress of another tenant\'s campaign',
    method: 'GET',
    path: `${ITEM}/progress`,
    expect: READ_OTHERS_OBJECT,
    foreign: MUNICIPAL,
    prepare: async (ctx) => ({ params: params({ campaignId: (await withCampaign(ctx, 'other', 'open', { invitePeople: true })).campaignId }) }),
  },
  {
    name: 'me.assessments',
    method: 'GET',
    path: '/api/v1/me/assessments',
    expect: outcomes({ rest: 'allow' }),
    note: 'The signed-in user\'s own invitations; no tenant in the path. The employee is invited in its own tenant and the other tenant\'s employee in theirs.',
    prepare: async (ctx) => {
      const mine = await withCampaign(ctx, 'target', 'open');
      await invite(ctx.t.db, ctx.target.municipality.id, mine.campaignId, [ctx.target.people.self.id]);
      const theirs = await withCampaign(ctx, 'other', 'open');
      await invite(ctx.t.db, ctx.other.municipality.id, theirs.campaignId, [ctx.other.people.self.id]);
      return { state: { mine: mine.campaignId, theirs: theirs.campaignId } };
    },
    check: ({ role }, res, { state }) => {
      const ids = res.json().map((a: { campaignId: string }) => a.campaignId);
      expect(ids).not.toContain(state!.theirs);
      if (role === 'employee') expect(ids).toContain(state!.mine);
      else expect(ids).toEqual([]);
    },
  },
  {
    name: 'assessments.get',
    method: 'GET',
    path: '/api/v1/assessments/:token',
    expect: EVERYONE,
    foreign: TOKEN_IS_THE_KEY,
    note: 'Public; the link token is the authorisation.',
    prepare: (ctx) => withToken(ctx),
    check: (_ctx, res, { state }) => expect(res.json()).toMatchObject({ campaign: { id: state!.campaignId, status: 'open' }, submitted: false, total: 3 }),
  },
  {
    name: 'assessments.get of a leader survey',
    method: 'GET',
    path: '/api/v1/assessments/:token',
    expect: EVERYONE,
    foreign: TOKEN_IS_THE_KEY,
    note: 'Public; the link token of a leader-survey invitation opens the survey.',
    prepare: (ctx) => withSurveyToken(ctx),
    check: (_ctx, res, { state }) => expect(res.json()).toMatchObject({ instrument: 'leader_survey', campaign: { id: state!.campaignId }, submitted: false, total: 20 }),
  },
  {
    name: 'assessments.get with an unknown token',
    method: 'GET',
    path: '/api/v1/assessments/:token',
    expect: NOBODY,
    foreign: UNKNOWN_KEY,
    prepare: unknownToken,
  },
  {
    name: 'assessments.get by invitation id, signed in',
    method: 'GET',
    path: '/api/v1/assessments/:token',
    expect: outcomes({ allow: ['employee'], notFound: ['anonymous'], rest: 'notFound' }),
    foreign: { outcomes: { anonymous: 'notFound' }, why: 'An invitation id opens only for the signed-in person it belongs to; for anyone else, anonymous included, it is an unknown key (404).' },
    note: 'The invitation belongs to the target tenant\'s `self`, the employee user\'s own person in the own run.',
    prepare: async (ctx) => {
      const { campaignId } = await withCampaign(ctx, 'target', 'open');
      const [inv] = await invite(ctx.t.db, ctx.target.municipality.id, campaignId, [ctx.target.people.self.id]);
      return { params: params({ token: inv!.invitationId }), state: { campaignId } };
    },
    check: (_ctx, res, { state }) => expect(res.json().campaign.id).toBe(state!.campaignId),
  },
  {
    name: 'assessments.answers',
    method: 'PUT',
    path: '/api/v1/assessments/:token/answers',
    expect: EVERYONE,
    foreign: TOKEN_IS_THE_KEY,
    note: 'Public; the link token is the authorisation.',
    prepare: async (ctx) => ({ ...(await withToken(ctx)), payload: { answers: [{ competenceCode: 'HC.SEC.1', level: 2 }] } }),
    effect: async (ctx, { state }) => (await draftsOf(ctx, state!.invitationId!)).length === 1,
    check: (_ctx, res) => expect(res.json()).toMatchObject({ answered: 1, total: 3 }),
  },
  {
    name: 'assessments.answers of a leader survey',
    method: 'PUT',
    path: '/api/v1/assessments/:token/answers',
    expect: EVERYONE,
    foreign: TOKEN_IS_THE_KEY,
    note: 'Public; the link token is the authorisation.',
    prepare: async (ctx) => ({ ...(await withSurveyToken(ctx)), payload: { surveyAnswers: [{ itemCode: 'LS.TASK.1', optionCodes: ['agree'] }] } }),
    effect: async (ctx, { state }) => (await surveyAnswersOf(ctx, state!.invitationId!)).length === 1,
    check: (_ctx, res) => expect(res.json()).toMatchObject({ answered: 1, total: 20 }),
  },
  {
    name: 'assessments.answers with an unknown token',
    method: 'PUT',
    path: '/api/v1/assessments/:token/answers',
    expect: NOBODY,
    foreign: UNKNOWN_KEY,
    prepare: () => ({ ...unknownToken(), payload: { answers: [{ competenceCode: 'HC.SEC.1', level: 2 }] } }),
  },
  {
    name: 'assessments.submit',
    method: 'POST',
    path: '/api/v1/assessments/:token/submit',
    expect: EVERYONE,
    foreign: TOKEN_IS_THE_KEY,
    note: 'Public; the link token is the authorisation. Each call submits a fresh, fully answered invitation.',
    prepare: (ctx) => withToken(ctx, { answered: true }),
    effect: async (ctx, { state }) => submitted(ctx, state!.invitationId!),
    check: (_ctx, res) => expect(res.json()).toEqual({ submitted: true, mode: 'anonymous' }),
  },
  {
    name: 'assessments.submit of a leader survey',
    method: 'POST',
    path: '/api/v1/assessments/:token/submit',
    expect: EVERYONE,
    foreign: TOKEN_IS_THE_KEY,
    note: 'Public; the link token is the authorisation. Each call submits a fresh, fully answered leader survey.',
    prepare: (ctx) => withSurveyToken(ctx, { answered: true }),
    effect: async (ctx, { state }) => submitted(ctx, state!.invitationId!),
    check: (_ctx, res) => expect(res.json()).toEqual({ submitted: true, mode: 'anonymous' }),
  },
  {
    name: 'assessments.submit with an unknown token',
    method: 'POST',
    path: '/api/v1/assessments/:token/submit',
    expect: NOBODY,
    foreign: UNKNOWN_KEY,
    prepare: unknownToken,
  },
];
