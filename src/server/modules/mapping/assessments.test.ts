import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant, createPerson, type Tenant } from '../../../../test/factories.js';
import { call, createTestApp, errorCode, type TestApp } from '../../../../test/harness.js';
import { SYSTEM_ACTOR } from '../audit/audit.repository.js';
import { storeFrameworkVersion } from '../frameworks/frameworks.service.js';
import { MAX_FAILURES } from './assessment-guard.js';
import { COMPLETE_ANSWERS, FEW_CODES, insertCampaign, invite, starterVersion, type CampaignState } from './mapping.fixtures.js';

// Answering through the public endpoints: the questionnaire, autosave, submit
// once, the answering window, signed-in use and the guard against guessing.

let t: TestApp;
let tenant: Tenant;
let m: string;
beforeAll(async () => {
  t = await createTestApp();
  await starterVersion(t.db);
  tenant = await buildTenant(t.db);
  m = tenant.municipality.id;
});
afterAll(() => t.close());

const reason = (res: { json: () => any }) => res.json()?.error?.details?.reason;
const url = (token: string, rest = '') => `/api/v1/assessments/${encodeURIComponent(token)}${rest}`;

/** A fresh person invited to a fresh campaign; returns the link token. */
async function invitation(o: { mode?: 'identified' | 'anonymous'; state?: CampaignState; competenceCodes?: string[] | null; language?: string } = {}) {
  const person = await createPerson(t.db, m, tenant.units.team.id, { given_name: 'Ingrid', profession: 'health_care_worker' });
  if (o.language) await t.db.updateTable('persons').set({ preferred_language: o.language }).where('id', '=', person.id).execute();
  const campaignId = await insertCampaign(t.db, m, { mode: o.mode, state: o.state, competenceCodes: o.competenceCodes });
  const [inv] = await invite(t.db, m, campaignId, [person.id]);
  return { ...inv!, campaignId, person };
}

const drafts = (invitationId: string) =>
  t.db.selectFrom('assessment_drafts').select(['competence_code', 'level', 'dont_know', 'wants_training']).where('invitation_id', '=', invitationId).orderBy('competence_code').execute();

describe('the questionnaire', () => {
  it('groups the campaign\'s competences by area, with level names and descriptions in the person\'s language', async () => {
    const { token } = await invitation({ language: 'nn' });
    const res = await call(t.app, null, 'GET', url(token));
    expect(res.statusCode).toBe(200);
    const q = res.json();
    expect(q).toMatchObject({ language: 'nn', givenName: 'Ingrid', submitted: false, answered: 0, total: 3, answers: [], savedAt: null });
    expect(q.levels.map((l: { level: number; name: string }) => [l.level, l.name])).toEqual([
      [1, 'Grunnleggjande'],
      [2, 'Sjølvstendig'],
      [3, 'Avansert'],
      [4, 'Ekspert/rettleiar'],
    ]);
    // Areas in framework order, only with the campaign's competences.
    expect(q.areas.map((a: { code: string; competences: { code: string }[] }) => [a.code, a.competences.map((c) => c.code)])).toEqual([
      ['HC.DIG', ['HC.DIG.1']],
      ['HC.SEC', ['HC.SEC.1', 'HC.SEC.2']],
    ]);
    const competence = q.areas[1].competences[0];
    expect(competence.levelDescriptions.map((d: { level: number }) => d.level)).toEqual([1, 2, 3, 4]);
    expect(competence.name).toBeTruthy();

    // ?lang switches the language.
    const en = (await call(t.app, null, 'GET', `${url(token)}?lang=en`)).json();
    expect(en.language).toBe('en');
    expect(en.levels[0].name).toBe('Basic');
  });

  it('falls back when the framework lacks the person\'s language', async () => {
    const { versionId } = await storeFrameworkVersion(
      t.db,
      {
        key: 'two-language-test',
        version: '1',
        name: { en: 'Two languages', nb: 'To språk' },
        source: null,
        licence: null,
        levels: [
          { level: 1, name: { en: 'Low', nb: 'Lav' } },
          { level: 2, name: { en: 'High', nb: 'Høy' } },
        ],
        areas: [{ code: 'A', name: { en: 'Area', nb: 'Område' } }],
        competences: [{ code: 'A.1', areaCode: 'A', name: { en: 'Only', nb: 'Eneste' } }],
        statements: [],
      },
      SYSTEM_ACTOR,
      { builtIn: false },
    );
    const { token, campaignId } = await invitation({ language: 'sv', competenceCodes: null });
    await t.db.updateTable('campaigns').set({ framework_version_id: versionId }).where('id', '=', campaignId).execute();
    const q = (await call(t.app, null, 'GET', url(token))).json();
    // sv → (municipality default nb is before en in the chain).
    expect(q.language).toBe('nb');
    expect(q.areas).toEqual([{ code: 'A', name: 'Område', description: null, competences: [{ code: 'A.1', name: 'Eneste', description: null, levelDescriptions: [] }] }]);
  });

  it('answers 404 for a key that opens nothing, and stops an address that keeps guessing', async () => {
    const { token } = await invitation();
    const from = (ip: string, path: string) => t.app.inject({ method: 'GET', url: path, remoteAddress: ip });
    for (const bad of ['x'.repeat(43), 'ABCD-EFGH', '00000000-0000-4000-8000-000000000000']) {
      const res = await from('198.51.100.7', url(bad));
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
    for (let i = 3; i < MAX_FAILURES; i++) await from('198.51.100.7', url(`guess-${i}-${'y'.repeat(40)}`));
    // Blocked now, even for a key that works (so a late right guess is not confirmed)…
    const blocked = await from('198.51.100.7', url(token));
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('RATE_LIMITED');
    // …while other addresses are not.
    expect((await from('198.51.100.8', url(token))).statusCode).toBe(200);
  });

  it('rate-limits each key per address (120 a minute), without holding back other keys', async () => {
    const a = await invitation();
    const b = await invitation();
    const from = (token: string) => t.app.inject({ method: 'GET', url: url(token), remoteAddress: '198.51.100.20' });
    const statuses: number[] = [];
    for (let i = 0; i < 121; i++) statuses.push((await from(a.token)).statusCode);
    expect(statuses.filter((s) => s === 200)).toHaveLength(120);
    expect(statuses.at(-1)).toBe(429);
    expect((await from(b.token)).statusCode).toBe(200);
  });
});

describe('autosave', () => {
  it('saves partial answers as the person goes, overwrites, keeps what a save leaves out, and is idempotent', async () => {
    const { token, invitationId } = await invitation();
    const put = (answers: unknown[]) => call(t.app, null, 'PUT', url(token, '/answers'), { answers });

    const first = await put([{ competenceCode: 'HC.SEC.1', level: 2 }]);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ savedAt: expect.any(String), answered: 1, total: 3 });
    expect((await put([{ competenceCode: 'HC.SEC.2', level: null }])).json()).toMatchObject({ answered: 2 });
    // Only the training wish: the level stays.
    await put([{ competenceCode: 'HC.SEC.1', wantsTraining: true }]);
    // A training wish before any level: saved, but not yet an answer.
    expect((await put([{ competenceCode: 'HC.DIG.1', wantsTraining: true }])).json()).toMatchObject({ answered: 2 });
    expect(await drafts(invitationId)).toEqual([
      { competence_code: 'HC.DIG.1', level: null, dont_know: false, wants_training: true },
      { competence_code: 'HC.SEC.1', level: 2, dont_know: false, wants_training: true },
      { competence_code: 'HC.SEC.2', level: null, dont_know: true, wants_training: false },
    ]);
    // Overwrite: "don't know" becomes a level, a level changes.
    const body = [
      { competenceCode: 'HC.SEC.2', level: 4 },
      { competenceCode: 'HC.SEC.1', level: 3 },
    ];
    await put(body);
    const once = await drafts(invitationId);
    expect((await put(body)).statusCode).toBe(200);
    expect(await drafts(invitationId)).toEqual(once);
    expect(once).toEqual([
      { competence_code: 'HC.DIG.1', level: null, dont_know: false, wants_training: true },
      { competence_code: 'HC.SEC.1', level: 3, dont_know: false, wants_training: true },
      { competence_code: 'HC.SEC.2', level: 4, dont_know: false, wants_training: false },
    ]);

    const q = (await call(t.app, null, 'GET', url(token))).json();
    expect(q).toMatchObject({ answered: 2, total: 3, savedAt: expect.any(String) });
    expect(q.answers).toEqual([
      { competenceCode: 'HC.DIG.1', level: null, dontKnow: false, wantsTraining: true },
      { competenceCode: 'HC.SEC.1', level: 3, dontKnow: false, wantsTraining: true },
      { competenceCode: 'HC.SEC.2', level: 4, dontKnow: false, wantsTraining: false },
    ]);
  });

  it('refuses answers outside the campaign\'s competences or the framework\'s scale with 400, changing nothing', async () => {
    const { token, invitationId } = await invitation();
    await call(t.app, null, 'PUT', url(token, '/answers'), { answers: [{ competenceCode: 'HC.SEC.1', level: 2 }] });
    const before = await drafts(invitationId);
    const bad = [
      [{ competenceCode: 'HC.SEC.2', level: 5 }], // the starter scale ends at 4
      [{ competenceCode: 'HC.SEC.2', level: 0 }],
      [{ competenceCode: 'HC.WT.1', level: 2 }], // in the framework, not in this campaign
      [{ competenceCode: 'NOPE', level: 2 }],
      [{ competenceCode: 'HC.SEC.2', level: 2.5 }],
      [{ competenceCode: 'HC.SEC.2', level: '3' }],
      [
        { competenceCode: 'HC.SEC.2', level: 2 },
        { competenceCode: 'HC.SEC.2', level: 3 },
      ],
      // One good and one bad answer: neither is saved.
      [
        { competenceCode: 'HC.SEC.1', level: 4 },
        { competenceCode: 'HC.DIG.1', level: 9 },
      ],
    ];
    for (const answers of bad) {
      const res = await call(t.app, null, 'PUT', url(token, '/answers'), { answers });
      expect(res.statusCode, JSON.stringify(answers)).toBe(400);
      expect(errorCode(res)).toBe('VALIDATION');
    }
    expect(await drafts(invitationId)).toEqual(before);
  });
});

describe('submitting', () => {
  it('needs every competence answered or "don\'t know", then submits once (identified: kept with the person, audited)', async () => {
    const { token, invitationId, campaignId, person } = await invitation({ mode: 'identified' });
    await call(t.app, null, 'PUT', url(token, '/answers'), { answers: COMPLETE_ANSWERS.slice(0, 2) });
    const incomplete = await call(t.app, null, 'POST', url(token, '/submit'));
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().error.details).toEqual({ missing: ['HC.DIG.1'] });

    // The last answer comes with the submission.
    const ok = await call(t.app, null, 'POST', url(token, '/submit'), { answers: COMPLETE_ANSWERS.slice(2) });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ submitted: true, mode: 'identified' });
    const again = await call(t.app, null, 'POST', url(token, '/submit'));
    expect(again.statusCode).toBe(409);
    expect(reason(again)).toBe('ALREADY_SUBMITTED');
    expect(reason(await call(t.app, null, 'PUT', url(token, '/answers'), { answers: [{ competenceCode: 'HC.SEC.1', level: 1 }] }))).toBe('ALREADY_SUBMITTED');

    const response = await t.db.selectFrom('identified_responses').selectAll().where('campaign_id', '=', campaignId).executeTakeFirstOrThrow();
    expect(response).toMatchObject({ person_id: person.id, unit_id: tenant.units.team.id, profession: 'health_care_worker' });
    const answers = await t.db.selectFrom('identified_answers').select(['competence_code', 'level', 'wants_training']).where('campaign_id', '=', campaignId).orderBy('competence_code').execute();
    expect(answers).toEqual([
      { competence_code: 'HC.DIG.1', level: null, wants_training: false },
      { competence_code: 'HC.SEC.1', level: 2, wants_training: true },
      { competence_code: 'HC.SEC.2', level: 3, wants_training: false },
    ]);
    expect(await drafts(invitationId)).toEqual([]);
    const q = (await call(t.app, null, 'GET', url(token))).json();
    expect(q).toMatchObject({ submitted: true, answered: 3, total: 3 });
    const event = await t.db.selectFrom('audit_events').selectAll().where('entity_id', '=', invitationId).executeTakeFirstOrThrow();
    expect(event).toMatchObject({ action: 'assessment.submit', actor_label: 'invitation holder (token)', after: { campaignId, personId: person.id, answers: 3 } });
  });

  it('is refused after the close (by date or by hand) with 409 CAMPAIGN_CLOSED, and before the opening with CAMPAIGN_NOT_OPEN; saved drafts stay', async () => {
    const byDate = await invitation();
    await call(t.app, null, 'PUT', url(byDate.token, '/answers'), { answers: COMPLETE_ANSWERS });
    await t.db.updateTable('campaigns').set({ opens_at: new Date(Date.now() - 7200_000), closes_at: new Date(Date.now() - 1000) }).where('id', '=', byDate.campaignId).execute();
    const late = await call(t.app, null, 'POST', url(byDate.token, '/submit'));
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toMatchObject({ code: 'CONFLICT', details: { reason: 'CAMPAIGN_CLOSED', closesAt: expect.any(String) } });
    expect(reason(await call(t.app, null, 'PUT', url(byDate.token, '/answers'), { answers: COMPLETE_ANSWERS }))).toBe('CAMPAIGN_CLOSED');
    expect(await drafts(byDate.invitationId)).toHaveLength(3);
    expect((await call(t.app, null, 'GET', url(byDate.token))).json()).toMatchObject({ campaign: { status: 'closed' }, answered: 3 });

    const byHand = await invitation();
    await call(t.app, tenant.sessions.competence_advisor, 'POST', `/api/v1/municipalities/${m}/campaigns/${byHand.campaignId}/close`);
    expect(reason(await call(t.app, null, 'POST', url(byHand.token, '/submit'), { answers: COMPLETE_ANSWERS }))).toBe('CAMPAIGN_CLOSED');

    const early = await invitation({ state: 'scheduled' });
    expect((await call(t.app, null, 'GET', url(early.token))).json().campaign.status).toBe('scheduled');
    expect(reason(await call(t.app, null, 'PUT', url(early.token, '/answers'), { answers: COMPLETE_ANSWERS }))).toBe('CAMPAIGN_NOT_OPEN');
  });
});

describe('signed in', () => {
  it('lists one\'s open assessments and opens them by invitation id; nobody else can', async () => {
    const own = await insertCampaign(t.db, m, { name: 'Min kartlegging' });
    const [inv] = await invite(t.db, m, own, [tenant.people.self.id]);
    const closed = await insertCampaign(t.db, m, { state: 'closed' });
    await invite(t.db, m, closed, [tenant.people.self.id]);
    const other = await buildTenant(t.db);
    await invite(t.db, other.municipality.id, await insertCampaign(t.db, other.municipality.id), [other.people.self.id]);

    const list = await call(t.app, tenant.sessions.employee, 'GET', '/api/v1/me/assessments');
    expect(list.json()).toEqual([
      {
        invitationId: inv!.invitationId,
        municipalityId: m,
        municipalityName: tenant.municipality.name,
        campaignId: own,
        campaignName: 'Min kartlegging',
        instrument: 'self_assessment',
        mode: 'identified',
        status: 'open',
        opensAt: expect.any(String),
        closesAt: expect.any(String),
        submitted: false,
      },
    ]);
    expect((await call(t.app, tenant.sessions.leader, 'GET', '/api/v1/me/assessments')).json()).toEqual([]);
    expect(errorCode(await call(t.app, null, 'GET', '/api/v1/me/assessments'))).toBe('UNAUTHENTICATED');

    const byId = url(inv!.invitationId);
    expect((await call(t.app, tenant.sessions.employee, 'GET', byId)).statusCode).toBe(200);
    const saved = await call(t.app, tenant.sessions.employee, 'PUT', `${byId}/answers`, { answers: FEW_CODES.map((competenceCode) => ({ competenceCode, level: 1 })) });
    expect(saved.json()).toMatchObject({ answered: 3 });
    expect((await call(t.app, tenant.sessions.employee, 'POST', `${byId}/submit`)).statusCode).toBe(200);
    for (const session of [tenant.sessions.leader, tenant.sessions.competence_advisor, other.sessions.employee, null]) {
      expect((await call(t.app, session, 'GET', byId)).statusCode).toBe(404);
    }
    const event = await t.db.selectFrom('audit_events').select(['actor_user_id', 'action']).where('entity_id', '=', inv!.invitationId).executeTakeFirstOrThrow();
    expect(event).toEqual({ actor_user_id: tenant.users.employee.id, action: 'assessment.submit' });
  });
});
