import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as shared from '../../../shared/api/mapping.js';
import { buildTenant, createPerson, createUser, sessionFor, type Tenant } from '../../../../test/factories.js';
import { call, createTestApp, errorCode, type TestApp } from '../../../../test/harness.js';
import type { ReceivedMail } from '../../../../test/smtp.js';
import { checkSurveyAnswers } from './leader-survey.js';
import { COMPLETE_ANSWERS, completeSurveyAnswers, FEW_CODES, insertCampaign, invite, starterVersion, type CampaignState } from './mapping.fixtures.js';
import { LEADER_SURVEY_ITEMS, LEADER_SURVEY_SCALES, LEADER_SURVEY_THEMES } from './question-bank/question-bank.js';

// The leader survey of a campaign: who is invited at publishing, answering it
// through the same key routes as the self-assessment (questionnaire, autosave
// with every validation rule, submit once), identified and anonymous storage,
// the list of one's own invitations, reminders and the campaign's progress.

let t: TestApp;
let versionId: string;
beforeAll(async () => {
  t = await createTestApp();
  versionId = await starterVersion(t.db);
});
afterAll(() => t.close());

const HOUR = 3600_000;
const ITEMS = LEADER_SURVEY_ITEMS.length;
const iso = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();
const reason = (res: { json: () => any }) => res.json()?.error?.details?.reason;
const url = (token: string, rest = '') => `/api/v1/assessments/${encodeURIComponent(token)}${rest}`;
const tokenIn = (mail: ReceivedMail) => /\/assess\/([A-Za-z0-9_-]{43})/.exec(mail.text)![1]!;

function input(over: Record<string, unknown> = {}) {
  return { name: 'Lederkartlegging', frameworkVersionId: versionId, competenceCodes: FEW_CODES, opensAt: iso(-HOUR), closesAt: iso(14 * 24 * HOUR), mode: 'identified', ...over };
}

const surveyRows = (invitationId: string) =>
  t.db.selectFrom('leader_survey_answers').select(['item_code', 'option_codes']).where('invitation_id', '=', invitationId).orderBy('item_code').execute();

describe('the question bank and the API agree', () => {
  it('on themes and scales', () => {
    expect(shared.LEADER_SURVEY_THEMES).toEqual(LEADER_SURVEY_THEMES);
    expect(shared.LEADER_SURVEY_SCALES).toEqual(LEADER_SURVEY_SCALES);
  });

  it('and the test answers keep the rules', () => {
    for (let n = 0; n < 10; n++) expect(checkSurveyAnswers(completeSurveyAnswers(n))).toEqual([]);
  });
});

describe('publishing a campaign with the leader survey', () => {
  let tenant: Tenant;
  let m: string;
  let base: string;
  let leaders: Record<'byProfession' | 'byUnitGrant' | 'byMunicipalGrant' | 'grantElsewhere' | 'inactive' | 'untargeted' | 'employeeGrant', { id: string; email: string | null }>;
  beforeAll(async () => {
    tenant = await buildTenant(t.db);
    m = tenant.municipality.id;
    base = `/api/v1/municipalities/${m}/campaigns`;
    const { unit, team, other } = tenant.units;
    const elsewhere = await buildTenant(t.db);
    const unitLeader = await createUser(t.db, [{ role: 'leader', scopeType: 'unit', municipalityId: m, unitId: team.id }]);
    const municipalLeader = await createUser(t.db, [{ role: 'leader', scopeType: 'municipality', municipalityId: m }]);
    const otherPlaceLeader = await createUser(t.db, [
      { role: 'leader', scopeType: 'municipality', municipalityId: elsewhere.municipality.id },
      { role: 'employee', scopeType: 'municipality', municipalityId: m },
    ]);
    const inactive = await createPerson(t.db, m, unit.id, { profession: 'leader', given_name: 'Ivar' });
    await t.db.updateTable('persons').set({ active: false }).where('id', '=', inactive.id).execute();
    leaders = {
      byProfession: await createPerson(t.db, m, unit.id, { profession: 'leader', given_name: 'Lise' }),
      byUnitGrant: await createPerson(t.db, m, team.id, { profession: 'nurse', given_name: 'Ulf', user_id: unitLeader.id }),
      byMunicipalGrant: await createPerson(t.db, m, unit.id, { profession: 'doctor', given_name: 'Mona', user_id: municipalLeader.id }),
      grantElsewhere: await createPerson(t.db, m, unit.id, { profession: 'nurse', given_name: 'Per', user_id: otherPlaceLeader.id }),
      inactive,
      untargeted: await createPerson(t.db, m, other.id, { profession: 'leader', given_name: 'Sara' }),
      // buildTenant's `self` is linked to a user with only an employee grant.
      employeeGrant: tenant.people.self,
    };
  });

  async function publish(body: Record<string, unknown>) {
    const campaign = (await call(t.app, tenant.sessions.competence_advisor, 'POST', base, input(body))).json();
    const res = await call(t.app, tenant.sessions.competence_advisor, 'POST', `${base}/${campaign.id}/publish`);
    const rows = await t.db.selectFrom('campaign_invitations').select(['person_id', 'instrument', 'unit_id']).where('campaign_id', '=', campaign.id).execute();
    const of = (instrument: string) => rows.filter((r) => r.instrument === instrument).map((r) => r.person_id).sort();
    return { campaign, res, self: of('self_assessment'), survey: of('leader_survey'), rows };
  }

  it('invites the targeted active leaders (by profession, or by a leader grant here) to the survey, besides everyone to the self-assessment', async () => {
    const { res, self, survey, rows } = await publish({ unitIds: [tenant.units.unit.id], instruments: ['self_assessment', 'leader_survey'], name: 'Begge' });
    expect(res.statusCode, res.body).toBe(200);
    const { byProfession, byUnitGrant, byMunicipalGrant, grantElsewhere, employeeGrant } = leaders;
    expect(survey).toEqual([byProfession.id, byUnitGrant.id, byMunicipalGrant.id].sort());
    // Everyone targeted (the unit and its team, active) gets the self-assessment; leaders get both.
    expect(self).toEqual([byProfession.id, byUnitGrant.id, byMunicipalGrant.id, grantElsewhere.id, employeeGrant.id, tenant.people.inTeam.id].sort());
    expect(res.json()).toMatchObject({ invited: 9, invitedByInstrument: { selfAssessment: 6, leaderSurvey: 3 }, emailed: 9, campaign: { instruments: ['self_assessment', 'leader_survey'] } });
    // The survey invitation is counted in the same unit as the person's self-assessment.
    expect(rows.find((r) => r.person_id === byUnitGrant.id && r.instrument === 'leader_survey')!.unit_id).toBe(tenant.units.team.id);

    // Each invitation has its own e-mail, naming its instrument; the survey link opens the survey.
    const mails = async (email: string) => {
      await t.deps.jobs.drain();
      return t.smtp.received.filter((x) => x.to.includes(email) && x.subject.endsWith(': Begge'));
    };
    const lise = await mails(byProfession.email!);
    expect(lise.map((x) => x.subject).sort()).toEqual(['Kartlegging av digital kompetanse: Begge', 'Lederundersøkelse om digital kompetanse: Begge']);
    const surveyMail = lise.find((x) => x.subject.startsWith('Lederundersøkelse'))!;
    expect(surveyMail.text).toContain('Hei Lise');
    expect(surveyMail.text).toContain('lederundersøkelsen i kartleggingen «Begge»');
    expect(surveyMail.text).toContain('Åpne undersøkelsen her');
    const q = (await call(t.app, null, 'GET', url(tokenIn(surveyMail)))).json();
    expect(q).toMatchObject({ instrument: 'leader_survey', givenName: 'Lise', total: ITEMS });
    const selfMail = lise.find((x) => x.subject.startsWith('Kartlegging'))!;
    expect((await call(t.app, null, 'GET', url(tokenIn(selfMail)))).json()).toMatchObject({ instrument: 'self_assessment', survey: null });
    expect((await mails(grantElsewhere.email!)).map((x) => x.subject)).toEqual(['Kartlegging av digital kompetanse: Begge']);
  });

  it('publishes a leader-survey-only campaign (leaders only); with no leader targeted, nobody is', async () => {
    const only = await publish({ instruments: ['leader_survey'], name: 'Bare ledere' });
    expect(only.res.statusCode, only.res.body).toBe(200);
    const { byProfession, byUnitGrant, byMunicipalGrant, untargeted } = leaders;
    // No units: the whole municipality, so Sara in "Sone sør" too.
    expect(only.survey).toEqual([byProfession.id, byUnitGrant.id, byMunicipalGrant.id, untargeted.id].sort());
    expect(only.self).toEqual([]);
    expect(only.res.json()).toMatchObject({ invited: 4, invitedByInstrument: { selfAssessment: 0, leaderSurvey: 4 }, campaign: { status: 'open' } });

    const none = await publish({ instruments: ['leader_survey'], professions: ['assistant'] });
    expect(reason(none.res)).toBe('NOBODY_TARGETED');
    expect(none.rows).toEqual([]);
  });

  it('reminds leaders of their survey with the survey\'s own e-mail; shared-device codes are for the self-assessment only', async () => {
    const { campaign } = await publish({ unitIds: [tenant.units.unit.id], instruments: ['self_assessment', 'leader_survey'], name: 'Påminn ledere' });
    const codes = (await call(t.app, tenant.sessions.competence_advisor, 'POST', `${base}/${campaign.id}/invitation-codes`, { unitId: tenant.units.unit.id })).json();
    expect(codes.codes).toHaveLength(6);
    expect(new Set(codes.codes.map((c: { personId: string }) => c.personId)).size).toBe(6);

    const res = await call(t.app, tenant.sessions.competence_advisor, 'POST', `${base}/${campaign.id}/reminders`);
    expect(res.json()).toEqual({ emailed: 9 });
    await t.deps.jobs.drain();
    const reminders = t.smtp.received.filter((x) => x.to.includes(leaders.byProfession.email!) && x.subject.includes('Påminn ledere') && x.subject.startsWith('Påminnelse'));
    expect(reminders.map((x) => x.subject).sort()).toEqual(['Påminnelse om lederundersøkelsen: Påminn ledere', 'Påminnelse: Påminn ledere']);
  });
});

describe('answering the leader survey', () => {
  let tenant: Tenant;
  let m: string;
  beforeAll(async () => {
    tenant = await buildTenant(t.db);
    m = tenant.municipality.id;
  });

  async function invitation(o: { mode?: 'identified' | 'anonymous'; state?: CampaignState; language?: string } = {}) {
    const person = await createPerson(t.db, m, tenant.units.team.id, { given_name: 'Liv', profession: 'leader' });
    if (o.language) await t.db.updateTable('persons').set({ preferred_language: o.language }).where('id', '=', person.id).execute();
    const campaignId = await insertCampaign(t.db, m, { mode: o.mode, state: o.state, instruments: ['self_assessment', 'leader_survey'] });
    const [inv] = await invite(t.db, m, campaignId, [person.id], 'leader_survey');
    const [selfInv] = await invite(t.db, m, campaignId, [person.id]);
    return { ...inv!, selfToken: selfInv!.token, campaignId, person };
  }
  const put = (token: string, body: unknown) => call(t.app, null, 'PUT', url(token, '/answers'), body);

  it('shows every item grouped by theme, with options and instructions in the person\'s language', async () => {
    const { token } = await invitation({ language: 'nn' });
    const res = await call(t.app, null, 'GET', url(token));
    expect(res.statusCode).toBe(200);
    const q = res.json();
    expect(q).toMatchObject({ instrument: 'leader_survey', language: 'nn', givenName: 'Liv', submitted: false, framework: null, levels: [], areas: [], answers: [], savedAt: null, answered: 0, total: ITEMS });
    expect(q.survey.answers).toEqual([]);
    expect(q.survey.items.map((i: { code: string }) => i.code)).toEqual(LEADER_SURVEY_ITEMS.map((i) => i.code));
    // Themes come in blocks, in the bank's order.
    const themes = q.survey.items.map((i: { theme: string }) => i.theme);
    expect([...new Set(themes)]).toEqual(['task_change', 'competence_gap', 'training_demand', 'strategy', 'collaboration']);
    expect(themes.filter((x: string, k: number) => k > 0 && x !== themes[k - 1]).length).toBe(4);

    const agree = q.survey.items.find((i: { code: string }) => i.code === 'LS.TASK.1');
    expect(agree).toMatchObject({ scale: 'agree5', instruction: null, text: LEADER_SURVEY_ITEMS[0]!.text.nn });
    expect(agree.options.map((o: { code: string; text: string }) => [o.code, o.text])).toEqual([
      ['strongly_disagree', 'Heilt ueinig'],
      ['disagree', 'Litt ueinig'],
      ['neutral', 'Verken einig eller ueinig'],
      ['agree', 'Litt einig'],
      ['strongly_agree', 'Heilt einig'],
    ]);
    const yesNo = q.survey.items.find((i: { code: string }) => i.code === 'LS.STRAT.1');
    expect(yesNo.options.map((o: { text: string }) => o.text)).toEqual(['Ja', 'Nei', 'Veit ikkje']);
    const partners = q.survey.items.find((i: { code: string }) => i.code === 'LS.COLLAB.1');
    expect(partners).toMatchObject({ scale: 'multi_select', instruction: 'Vel alle som passar.' });
    expect(partners.options.filter((o: { exclusive: boolean }) => o.exclusive).map((o: { code: string }) => o.code)).toEqual(['none']);

    expect((await call(t.app, null, 'GET', `${url(token)}?lang=en`)).json().survey.items[0].text).toBe(LEADER_SURVEY_ITEMS[0]!.text.en);
  });

  it('autosaves answers: replaces, clears with an empty list, and is idempotent', async () => {
    const { token, invitationId } = await invitation();
    const first = await put(token, { surveyAnswers: [{ itemCode: 'LS.TASK.1', optionCodes: ['agree'] }, { itemCode: 'LS.COLLAB.1', optionCodes: ['vendors', 'higher_education'] }] });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ savedAt: expect.any(String), answered: 2, total: ITEMS });
    const body = { surveyAnswers: [{ itemCode: 'LS.TASK.1', optionCodes: ['strongly_agree'] }, { itemCode: 'LS.COLLAB.1', optionCodes: ['none'] }, { itemCode: 'LS.STRAT.1', optionCodes: ['unsure'] }] };
    expect((await put(token, body)).json()).toMatchObject({ answered: 3 });
    const once = await surveyRows(invitationId);
    expect((await put(token, body)).statusCode).toBe(200);
    expect(await surveyRows(invitationId)).toEqual(once);
    expect(once).toEqual([
      { item_code: 'LS.COLLAB.1', option_codes: ['none'] },
      { item_code: 'LS.STRAT.1', option_codes: ['unsure'] },
      { item_code: 'LS.TASK.1', option_codes: ['strongly_agree'] },
    ]);
    // An empty list clears the item; other items stay.
    expect((await put(token, { surveyAnswers: [{ itemCode: 'LS.STRAT.1', optionCodes: [] }] })).json()).toMatchObject({ answered: 2 });
    expect((await surveyRows(invitationId)).map((r) => r.item_code)).toEqual(['LS.COLLAB.1', 'LS.TASK.1']);

    const q = (await call(t.app, null, 'GET', url(token))).json();
    expect(q).toMatchObject({ answered: 2, total: ITEMS, savedAt: expect.any(String), answers: [] });
    expect(q.survey.answers).toEqual([
      { itemCode: 'LS.COLLAB.1', optionCodes: ['none'] },
      { itemCode: 'LS.TASK.1', optionCodes: ['strongly_agree'] },
    ]);
  });

  it('refuses any answer that breaks a rule with 400, changing nothing', async () => {
    const { token, invitationId } = await invitation();
    await put(token, { surveyAnswers: [{ itemCode: 'LS.TASK.1', optionCodes: ['agree'] }] });
    const before = await surveyRows(invitationId);
    const bad: [string, unknown][] = [
      ['unknown item', { surveyAnswers: [{ itemCode: 'LS.NOPE.1', optionCodes: ['agree'] }] }],
      ['a competence code as item', { surveyAnswers: [{ itemCode: 'HC.SEC.1', optionCodes: ['agree'] }] }],
      ['agree5: two options', { surveyAnswers: [{ itemCode: 'LS.TASK.2', optionCodes: ['agree', 'disagree'] }] }],
      ['agree5: an option of another scale', { surveyAnswers: [{ itemCode: 'LS.TASK.2', optionCodes: ['yes'] }] }],
      ['agree5: an unknown option', { surveyAnswers: [{ itemCode: 'LS.TASK.2', optionCodes: ['maybe'] }] }],
      ['yes_no_unsure: two options', { surveyAnswers: [{ itemCode: 'LS.STRAT.1', optionCodes: ['yes', 'no'] }] }],
      ['yes_no_unsure: the same option twice', { surveyAnswers: [{ itemCode: 'LS.STRAT.1', optionCodes: ['yes', 'yes'] }] }],
      ['yes_no_unsure: an agreement option', { surveyAnswers: [{ itemCode: 'LS.STRAT.1', optionCodes: ['agree'] }] }],
      ['multi_select: an option of another item', { surveyAnswers: [{ itemCode: 'LS.COLLAB.1', optionCodes: ['vendors', 'own_staff'] }] }],
      ['multi_select: a scale option', { surveyAnswers: [{ itemCode: 'LS.TRAIN.4', optionCodes: ['agree'] }] }],
      ['multi_select: an option twice', { surveyAnswers: [{ itemCode: 'LS.COLLAB.1', optionCodes: ['vendors', 'vendors'] }] }],
      ['multi_select: the exclusive option with another', { surveyAnswers: [{ itemCode: 'LS.COLLAB.1', optionCodes: ['none', 'vendors'] }] }],
      ['multi_select: the other exclusive option with another', { surveyAnswers: [{ itemCode: 'LS.COLLAB.3', optionCodes: ['vendor', 'nobody'] }] }],
      ['an item twice in one body', { surveyAnswers: [{ itemCode: 'LS.TASK.3', optionCodes: ['agree'] }, { itemCode: 'LS.TASK.3', optionCodes: ['disagree'] }] }],
      ['one good and one bad answer', { surveyAnswers: [{ itemCode: 'LS.TASK.1', optionCodes: ['neutral'] }, { itemCode: 'LS.TASK.2', optionCodes: ['nope'] }] }],
      ['a good answer and a bad clear', { surveyAnswers: [{ itemCode: 'LS.TASK.1', optionCodes: [] }, { itemCode: 'LS.NOPE', optionCodes: [] }] }],
      ['self-assessment answers to the survey', { answers: [{ competenceCode: 'HC.SEC.1', level: 2 }], surveyAnswers: [{ itemCode: 'LS.TASK.1', optionCodes: ['neutral'] }] }],
      ['not a list', { surveyAnswers: [{ itemCode: 'LS.TASK.1', optionCodes: 'agree' }] }],
      ['an empty option code', { surveyAnswers: [{ itemCode: 'LS.TASK.1', optionCodes: [''] }] }],
    ];
    for (const [why, body] of bad) {
      const res = await put(token, body);
      expect(res.statusCode, why).toBe(400);
      expect(errorCode(res), why).toBe('VALIDATION');
    }
    expect(await surveyRows(invitationId)).toEqual(before);
    // The exclusive option alone, and several ordinary options, are fine.
    expect((await put(token, { surveyAnswers: [{ itemCode: 'LS.COLLAB.3', optionCodes: ['nobody'] }, { itemCode: 'LS.TRAIN.4', optionCodes: ['welfare_technology', 'innovation', 'other'] }] })).statusCode).toBe(200);
  });

  it('refuses survey answers sent to a self-assessment invitation', async () => {
    const { selfToken } = await invitation();
    const res = await put(selfToken, { surveyAnswers: [{ itemCode: 'LS.TASK.1', optionCodes: ['agree'] }] });
    expect(errorCode(res)).toBe('VALIDATION');
    // The self-assessment keeps working beside it.
    expect((await put(selfToken, { answers: COMPLETE_ANSWERS })).json()).toMatchObject({ answered: 3, total: 3 });
  });

  it('submits only when every item is answered, once; identified: the answers stay as the final ones, audited', async () => {
    const { token, invitationId, campaignId, person } = await invitation({ mode: 'identified' });
    const all = completeSurveyAnswers(1);
    await put(token, { surveyAnswers: all.slice(0, ITEMS - 2) });
    const incomplete = await call(t.app, null, 'POST', url(token, '/submit'));
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().error.details).toEqual({ missing: all.slice(ITEMS - 2).map((a) => a.itemCode) });
    // A cleared item is missing again.
    const cleared = await call(t.app, null, 'POST', url(token, '/submit'), { surveyAnswers: [...all.slice(ITEMS - 2), { itemCode: 'LS.TASK.1', optionCodes: [] }] });
    expect(cleared.json().error.details).toEqual({ missing: ['LS.TASK.1'] });
    // The last answer comes with the submission.
    const ok = await call(t.app, null, 'POST', url(token, '/submit'), { surveyAnswers: [all[0]] });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ submitted: true, mode: 'identified' });
    expect(reason(await call(t.app, null, 'POST', url(token, '/submit')))).toBe('ALREADY_SUBMITTED');
    expect(reason(await put(token, { surveyAnswers: [{ itemCode: 'LS.TASK.1', optionCodes: ['agree'] }] }))).toBe('ALREADY_SUBMITTED');

    const rows = await surveyRows(invitationId);
    expect(rows).toHaveLength(ITEMS);
    expect(Object.fromEntries(rows.map((r) => [r.item_code, r.option_codes]))).toEqual(Object.fromEntries(all.map((a) => [a.itemCode, a.optionCodes])));
    expect((await t.db.selectFrom('campaign_invitations').select('submitted').where('id', '=', invitationId).executeTakeFirstOrThrow()).submitted).toBe(true);
    // Nothing lands in the self-assessment's tables or among anonymous responses.
    expect(await t.db.selectFrom('identified_responses').select('person_id').where('campaign_id', '=', campaignId).execute()).toEqual([]);
    expect(await t.db.selectFrom('anonymous_responses').select('id').where('campaign_id', '=', campaignId).execute()).toEqual([]);
    const q = (await call(t.app, null, 'GET', url(token))).json();
    expect(q).toMatchObject({ submitted: true, answered: ITEMS, total: ITEMS });
    expect(q.survey.answers).toHaveLength(ITEMS);
    const event = await t.db.selectFrom('audit_events').selectAll().where('entity_id', '=', invitationId).executeTakeFirstOrThrow();
    expect(event).toMatchObject({ action: 'leader_survey.submit', entity_type: 'campaign_invitation', actor_label: 'invitation holder (token)', after: { campaignId, personId: person.id, answers: ITEMS } });
  });

  it('anonymous: moves the answers to anonymous_responses (instrument leader_survey), deletes the draft, no audit', async () => {
    const { token, invitationId, campaignId } = await invitation({ mode: 'anonymous' });
    const all = completeSurveyAnswers(3);
    const ok = await call(t.app, null, 'POST', url(token, '/submit'), { surveyAnswers: all });
    expect(ok.json()).toEqual({ submitted: true, mode: 'anonymous' });
    const rows = await t.db.selectFrom('anonymous_responses').selectAll().where('campaign_id', '=', campaignId).execute();
    expect(rows).toEqual([
      {
        municipality_id: m,
        campaign_id: campaignId,
        id: expect.any(String),
        instrument: 'leader_survey',
        unit_id: tenant.units.team.id,
        profession: 'leader',
        answers: Object.fromEntries(all.map((a) => [a.itemCode, a.optionCodes])),
      },
    ]);
    expect(await surveyRows(invitationId)).toEqual([]);
    expect(await t.db.selectFrom('audit_events').select('action').where('entity_id', '=', invitationId).execute()).toEqual([]);
    const q = (await call(t.app, null, 'GET', url(token))).json();
    expect(q).toMatchObject({ submitted: true, answered: 0, savedAt: null, survey: { answers: [] } });
    expect(reason(await call(t.app, null, 'POST', url(token, '/submit'), { surveyAnswers: all }))).toBe('ALREADY_SUBMITTED');
    expect(await t.db.selectFrom('anonymous_responses').select('id').where('campaign_id', '=', campaignId).execute()).toHaveLength(1);
  });

  it('is refused after the close with CAMPAIGN_CLOSED and before the opening with CAMPAIGN_NOT_OPEN; saved drafts stay', async () => {
    const closed = await invitation();
    await put(closed.token, { surveyAnswers: completeSurveyAnswers(0) });
    await call(t.app, tenant.sessions.competence_advisor, 'POST', `/api/v1/municipalities/${m}/campaigns/${closed.campaignId}/close`);
    expect(reason(await call(t.app, null, 'POST', url(closed.token, '/submit')))).toBe('CAMPAIGN_CLOSED');
    expect(reason(await put(closed.token, { surveyAnswers: [{ itemCode: 'LS.TASK.1', optionCodes: ['agree'] }] }))).toBe('CAMPAIGN_CLOSED');
    expect(await surveyRows(closed.invitationId)).toHaveLength(ITEMS);
    expect((await call(t.app, null, 'GET', url(closed.token))).json()).toMatchObject({ campaign: { status: 'closed' }, answered: ITEMS, submitted: false });

    const early = await invitation({ state: 'scheduled' });
    expect(reason(await put(early.token, { surveyAnswers: [{ itemCode: 'LS.TASK.1', optionCodes: ['agree'] }] }))).toBe('CAMPAIGN_NOT_OPEN');
    expect(reason(await call(t.app, null, 'POST', url(early.token, '/submit'), { surveyAnswers: completeSurveyAnswers(0) }))).toBe('CAMPAIGN_NOT_OPEN');
  });
});

describe('signed in, and progress', () => {
  it('lists a leader\'s survey beside their self-assessment, and opens it by invitation id', async () => {
    const tenant = await buildTenant(t.db);
    const m = tenant.municipality.id;
    const user = await createUser(t.db, [{ role: 'leader', scopeType: 'unit', municipalityId: m, unitId: tenant.units.unit.id }]);
    const person = await createPerson(t.db, m, tenant.units.unit.id, { profession: 'nurse', user_id: user.id });
    const session = await sessionFor(t.db, user.id);
    const campaignId = await insertCampaign(t.db, m, { name: 'Begge deler', instruments: ['self_assessment', 'leader_survey'] });
    const [survey] = await invite(t.db, m, campaignId, [person.id], 'leader_survey');
    const [self] = await invite(t.db, m, campaignId, [person.id]);

    const list = (await call(t.app, session, 'GET', '/api/v1/me/assessments')).json();
    expect(list.map((a: { invitationId: string; instrument: string }) => [a.invitationId, a.instrument])).toEqual([
      [self!.invitationId, 'self_assessment'],
      [survey!.invitationId, 'leader_survey'],
    ]);
    expect(list[1]).toMatchObject({ campaignId, campaignName: 'Begge deler', mode: 'identified', status: 'open', submitted: false });
    const byId = url(survey!.invitationId);
    expect((await call(t.app, session, 'GET', byId)).json()).toMatchObject({ instrument: 'leader_survey' });
    expect((await call(t.app, session, 'POST', `${byId}/submit`, { surveyAnswers: completeSurveyAnswers(2) })).statusCode).toBe(200);
    expect((await call(t.app, session, 'GET', '/api/v1/me/assessments')).json()[1]).toMatchObject({ instrument: 'leader_survey', submitted: true });
    expect((await call(t.app, tenant.sessions.employee, 'GET', byId)).statusCode).toBe(404);
    const event = await t.db.selectFrom('audit_events').select(['actor_user_id', 'action']).where('entity_id', '=', survey!.invitationId).executeTakeFirstOrThrow();
    expect(event).toEqual({ actor_user_id: user.id, action: 'leader_survey.submit' });
  });

  it('counts leader surveys for the whole campaign only, and shows the submitted count only from k invited', async () => {
    const tenant = await buildTenant(t.db);
    const m = tenant.municipality.id;
    const progress = async (campaignId: string, session = tenant.sessions.competence_advisor) =>
      (await call(t.app, session, 'GET', `/api/v1/municipalities/${m}/campaigns/${campaignId}/progress`)).json();
    const people = [];
    for (let i = 0; i < 5; i++) people.push(await createPerson(t.db, m, tenant.units.unit.id, { profession: 'leader' }));

    const few = await insertCampaign(t.db, m, { instruments: ['self_assessment', 'leader_survey'] });
    const [one] = await invite(t.db, m, few, people.slice(0, 4).map((p) => p.id), 'leader_survey');
    await call(t.app, null, 'POST', url(one!.token, '/submit'), { surveyAnswers: completeSurveyAnswers(0) });
    expect((await progress(few)).leaderSurvey).toEqual({ invited: 4, submitted: null });

    const enough = await insertCampaign(t.db, m, { instruments: ['leader_survey'] });
    const made = await invite(t.db, m, enough, people.map((p) => p.id), 'leader_survey');
    for (const inv of made.slice(0, 2)) await call(t.app, null, 'POST', url(inv.token, '/submit'), { surveyAnswers: completeSurveyAnswers(1) });
    const p = await progress(enough);
    expect(p.leaderSurvey).toEqual({ invited: 5, submitted: 2 });
    // The self-assessment's counts are untouched by survey invitations.
    expect(p.total).toMatchObject({ invited: 0 });
    // A unit leader sees rows of their units, never the survey count.
    expect((await progress(enough, tenant.sessions.leader)).leaderSurvey).toBeNull();
    // Without the survey, there is nothing to count.
    expect((await progress(await insertCampaign(t.db, m))).leaderSurvey).toBeNull();
  });
});
