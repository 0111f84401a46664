import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildTenant, createPerson, createUnit, createUser, sessionFor, type Tenant } from '../../../../test/factories.js';
import { call, createTestApp, errorCode, type TestApp } from '../../../../test/harness.js';
import type { ReceivedMail } from '../../../../test/smtp.js';
import { COMPLETE_ANSWERS, FEW_CODES, starterVersion } from './mapping.fixtures.js';

// Campaigns through the real API: lifecycle, targeting, invitation and reminder
// e-mails over the in-process SMTP server, shared-device codes and audit.

let t: TestApp;
let versionId: string;
beforeAll(async () => {
  t = await createTestApp();
  versionId = await starterVersion(t.db);
});
afterAll(() => t.close());

const HOUR = 3600_000;
const iso = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();
const reason = (res: { json: () => any }) => res.json()?.error?.details?.reason;
const tokenIn = (mail: ReceivedMail) => /\/assess\/([A-Za-z0-9_-]{43})/.exec(mail.text)![1]!;
const mailsTo = (email: string) => t.smtp.received.filter((m) => m.to.includes(email));

function input(over: Record<string, unknown> = {}) {
  return { name: 'Høstkartlegging', frameworkVersionId: versionId, competenceCodes: FEW_CODES, opensAt: iso(-HOUR), closesAt: iso(14 * 24 * HOUR), mode: 'identified', ...over };
}

async function setLanguage(personId: string, language: string) {
  await t.db.updateTable('persons').set({ preferred_language: language }).where('id', '=', personId).execute();
}

describe('campaign lifecycle', () => {
  let tenant: Tenant;
  let base: string;
  beforeEach(async () => {
    tenant = await buildTenant(t.db);
    base = `/api/v1/municipalities/${tenant.municipality.id}/campaigns`;
  });

  it('goes draft → open → closed, changes freely only as a draft, and audits every step', async () => {
    const created = await call(t.app, tenant.sessions.competence_advisor, 'POST', base, input({ unitIds: [tenant.units.unit.id] }));
    expect(created.statusCode).toBe(201);
    const campaign = created.json();
    expect(campaign).toMatchObject({ status: 'draft', mode: 'identified', instruments: ['self_assessment'], includeSubUnits: true, professions: [], unitIds: [tenant.units.unit.id], competenceCodes: FEW_CODES, publishedAt: null });
    const item = `${base}/${campaign.id}`;

    // Leaders read campaigns; employees do not.
    expect((await call(t.app, tenant.sessions.leader, 'GET', item)).json().name).toBe('Høstkartlegging');
    expect((await call(t.app, tenant.sessions.leader, 'GET', base)).json().map((c: { id: string }) => c.id)).toEqual([campaign.id]);
    expect(errorCode(await call(t.app, tenant.sessions.employee, 'GET', base))).toBe('FORBIDDEN');
    expect(errorCode(await call(t.app, tenant.sessions.leader, 'PATCH', item, { name: 'x' }))).toBe('FORBIDDEN');

    // A draft changes freely, within the framework and the municipality.
    const patched = await call(t.app, tenant.sessions.municipal_admin, 'PATCH', item, { mode: 'anonymous', professions: ['nurse', 'nurse'], competenceCodes: null, instruments: ['self_assessment', 'leader_survey'] });
    expect(patched.json()).toMatchObject({ mode: 'anonymous', professions: ['nurse'], competenceCodes: null, instruments: ['self_assessment', 'leader_survey'] });

    const published = await call(t.app, tenant.sessions.competence_advisor, 'POST', `${item}/publish`);
    expect(published.statusCode).toBe(200);
    // Targets: active nurses in "Sone nord" and its team (the tenant's `self` and `inTeam`).
    expect(published.json()).toMatchObject({ invited: 2, invitedByInstrument: { selfAssessment: 2, leaderSurvey: 0 }, emailed: 2, campaign: { status: 'open' } });
    expect(reason(await call(t.app, tenant.sessions.competence_advisor, 'POST', `${item}/publish`))).toBe('CAMPAIGN_NOT_DRAFT');

    // Published: only the name and the closing time may change.
    const locked = await call(t.app, tenant.sessions.competence_advisor, 'PATCH', item, { mode: 'identified', name: 'Ny' });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.details).toEqual({ reason: 'CAMPAIGN_NOT_DRAFT', fields: ['mode'] });
    const later = iso(21 * 24 * HOUR);
    const moved = await call(t.app, tenant.sessions.competence_advisor, 'PATCH', item, { name: 'Høstkartlegging 2026', closesAt: later });
    expect(moved.json()).toMatchObject({ name: 'Høstkartlegging 2026', closesAt: later, status: 'open' });
    expect(errorCode(await call(t.app, tenant.sessions.competence_advisor, 'PATCH', item, { closesAt: iso(-60_000) }))).toBe('VALIDATION');

    const closed = await call(t.app, tenant.sessions.competence_advisor, 'POST', `${item}/close`);
    expect(closed.json()).toMatchObject({ status: 'closed', closedAt: expect.any(String) });
    expect(reason(await call(t.app, tenant.sessions.competence_advisor, 'POST', `${item}/close`))).toBe('CAMPAIGN_ALREADY_CLOSED');
    expect(reason(await call(t.app, tenant.sessions.competence_advisor, 'PATCH', item, { name: 'Etterpå' }))).toBe('CAMPAIGN_ALREADY_CLOSED');
    expect(reason(await call(t.app, tenant.sessions.competence_advisor, 'POST', `${item}/reminders`))).toBe('CAMPAIGN_NOT_OPEN');

    const events = await t.db
      .selectFrom('audit_events')
      .select(['action', 'actor_user_id', 'after'])
      .where('municipality_id', '=', tenant.municipality.id)
      .where('entity_id', '=', campaign.id)
      .orderBy('occurred_at')
      .execute();
    expect(events.map((e) => [e.action, e.actor_user_id])).toEqual([
      ['campaign.create', tenant.users.competence_advisor.id],
      ['campaign.update', tenant.users.municipal_admin.id],
      ['campaign.publish', tenant.users.competence_advisor.id],
      ['campaign.update', tenant.users.competence_advisor.id],
      ['campaign.close', tenant.users.competence_advisor.id],
    ]);
    expect(events[2]!.after).toMatchObject({ status: 'open', invited: 2, emailed: 2 });
  });

  it('is scheduled when published before it opens, and a draft cannot be closed', async () => {
    const campaign = (await call(t.app, tenant.sessions.competence_advisor, 'POST', base, input({ opensAt: iso(24 * HOUR), closesAt: iso(48 * HOUR) }))).json();
    expect(reason(await call(t.app, tenant.sessions.competence_advisor, 'POST', `${base}/${campaign.id}/close`))).toBe('CAMPAIGN_NOT_PUBLISHED');
    const published = await call(t.app, tenant.sessions.competence_advisor, 'POST', `${base}/${campaign.id}/publish`);
    expect(published.json().campaign.status).toBe('scheduled');
    expect(reason(await call(t.app, tenant.sessions.competence_advisor, 'POST', `${base}/${campaign.id}/reminders`))).toBe('CAMPAIGN_NOT_OPEN');
  });

  it('refuses competences outside the framework, foreign units, a backwards window and an unknown framework (400, nothing stored)', async () => {
    const cases = [
      input({ competenceCodes: ['HC.SEC.1', 'NOPE.1'] }),
      input({ competenceCodes: ['HC.SEC.1', 'HC.SEC.1'] }),
      input({ unitIds: [tenant.units.unit.id, (await buildTenant(t.db)).units.unit.id] }),
      input({ opensAt: iso(2 * HOUR), closesAt: iso(HOUR) }),
      input({ frameworkVersionId: '00000000-0000-4000-8000-000000000000' }),
      input({ mode: 'secret' }),
      input({ professions: ['astronaut'] }),
    ];
    for (const body of cases) expect(errorCode(await call(t.app, tenant.sessions.competence_advisor, 'POST', base, body)), JSON.stringify(body)).toBe('VALIDATION');
    expect((await call(t.app, tenant.sessions.competence_advisor, 'GET', base)).json()).toEqual([]);
  });

  it('publishes nothing when the campaign targets nobody, or only has the leader survey and targets no leader', async () => {
    const none = (await call(t.app, tenant.sessions.competence_advisor, 'POST', base, input({ professions: ['doctor'] }))).json();
    expect(reason(await call(t.app, tenant.sessions.competence_advisor, 'POST', `${base}/${none.id}/publish`))).toBe('NOBODY_TARGETED');
    // The tenant's people are nurses, and its leader user has no employee record: no one to ask.
    const leaders = (await call(t.app, tenant.sessions.competence_advisor, 'POST', base, input({ instruments: ['leader_survey'] }))).json();
    expect(reason(await call(t.app, tenant.sessions.competence_advisor, 'POST', `${base}/${leaders.id}/publish`))).toBe('NOBODY_TARGETED');
    const rows = await t.db.selectFrom('campaign_invitations').select('id').where('campaign_id', 'in', [none.id, leaders.id]).execute();
    expect(rows).toEqual([]);
  });
});

describe('targeting', () => {
  let tenant: Tenant;
  let m: string;
  beforeAll(async () => {
    tenant = await buildTenant(t.db);
    m = tenant.municipality.id;
  });

  async function invitedBy(body: Record<string, unknown>) {
    const base = `/api/v1/municipalities/${m}/campaigns`;
    const campaign = (await call(t.app, tenant.sessions.competence_advisor, 'POST', base, input(body))).json();
    const res = await call(t.app, tenant.sessions.competence_advisor, 'POST', `${base}/${campaign.id}/publish`);
    expect(res.statusCode, res.body).toBe(200);
    const rows = await t.db.selectFrom('campaign_invitations').select(['person_id', 'unit_id']).where('campaign_id', '=', campaign.id).execute();
    return new Map(rows.map((r) => [r.person_id, r.unit_id]));
  }

  it('invites active people in the units (and sub-units), of the professions, once each', async () => {
    const { unit, team, other } = tenant.units;
    const subTeam = await createUnit(t.db, m, { kind: 'team', parent_id: team.id });
    const assistant = await createPerson(t.db, m, subTeam.id, { profession: 'assistant' });
    const inactive = await createPerson(t.db, m, team.id);
    await t.db.updateTable('persons').set({ active: false }).where('id', '=', inactive.id).execute();
    // Primary unit "Sone sør", also in "Team A": targeted through the team, counted there.
    const twoUnits = await createPerson(t.db, m, other.id);
    await t.db.insertInto('person_units').values({ municipality_id: m, person_id: twoUnits.id, unit_id: team.id, is_primary: false }).execute();
    const { self, inTeam, inOther } = tenant.people;

    const withSubUnits = await invitedBy({ unitIds: [unit.id] });
    expect([...withSubUnits.keys()].sort()).toEqual([self.id, inTeam.id, assistant.id, twoUnits.id].sort());
    expect(withSubUnits.get(twoUnits.id)).toBe(team.id);
    expect(withSubUnits.get(assistant.id)).toBe(subTeam.id);
    expect(withSubUnits.get(self.id)).toBe(unit.id);

    expect([...(await invitedBy({ unitIds: [unit.id], includeSubUnits: false })).keys()]).toEqual([self.id]);
    expect([...(await invitedBy({ unitIds: [unit.id], professions: ['assistant'] })).keys()]).toEqual([assistant.id]);

    // No units: the whole municipality (active people only); counted in their primary unit.
    const everyone = await invitedBy({});
    expect([...everyone.keys()].sort()).toEqual([self.id, inTeam.id, inOther.id, assistant.id, twoUnits.id].sort());
    expect(everyone.get(twoUnits.id)).toBe(other.id);
  });
});

describe('invitation and reminder e-mails', () => {
  it('sends each invited person a link in their own language; the link opens their questionnaire', async () => {
    const tenant = await buildTenant(t.db);
    const m = tenant.municipality.id;
    const nn = await createPerson(t.db, m, tenant.units.other.id, { given_name: 'Nils' });
    const sv = await createPerson(t.db, m, tenant.units.other.id, { given_name: 'Sven' });
    const en = await createPerson(t.db, m, tenant.units.other.id, { given_name: 'Emma' });
    const noMail = await createPerson(t.db, m, tenant.units.other.id, { email: null });
    await setLanguage(nn.id, 'nn');
    await setLanguage(sv.id, 'sv');
    await setLanguage(en.id, 'en');
    const base = `/api/v1/municipalities/${m}/campaigns`;
    const campaign = (await call(t.app, tenant.sessions.competence_advisor, 'POST', base, input({ name: 'Vårkartlegging', unitIds: [tenant.units.other.id], mode: 'anonymous' }))).json();
    const published = await call(t.app, tenant.sessions.competence_advisor, 'POST', `${base}/${campaign.id}/publish`);
    // inOther (nb), nn, sv, en, and the person without e-mail (invited, not e-mailed).
    expect(published.json()).toMatchObject({ invited: 5, emailed: 4 });

    const nnMail = await t.smtp.waitFor((x) => x.to.includes(nn.email!));
    expect(nnMail.subject).toBe('Kartlegging av digital kompetanse: Vårkartlegging');
    expect(nnMail.text).toContain('Hei Nils');
    expect(nnMail.text).toContain('Opna skjemaet her');
    expect(nnMail.text).toContain('Kartlegginga er anonym');
    const svMail = await t.smtp.waitFor((x) => x.to.includes(sv.email!));
    expect(svMail.subject).toBe('Kartläggning av digital kompetens: Vårkartlegging');
    expect(svMail.text).toContain('Hej Sven');
    const enMail = await t.smtp.waitFor((x) => x.to.includes(en.email!));
    expect(enMail.subject).toBe('Digital competence mapping: Vårkartlegging');
    const nbMail = await t.smtp.waitFor((x) => x.to.includes(tenant.people.inOther.email!));
    expect(nbMail.text).toContain('Åpne skjemaet her');
    await t.deps.jobs.drain();
    expect(t.smtp.received.filter((x) => x.subject.includes('Vårkartlegging'))).toHaveLength(4);

    // The link works without an account, in the person's language; only its hash is stored.
    const token = tokenIn(svMail);
    const form = await call(t.app, null, 'GET', `/api/v1/assessments/${token}`);
    expect(form.statusCode).toBe(200);
    expect(form.json()).toMatchObject({ givenName: 'Sven', language: 'sv', campaign: { name: 'Vårkartlegging', mode: 'anonymous', status: 'open' } });
    const keys = await t.db.selectFrom('invitation_keys').select('key_hash').where('municipality_id', '=', m).execute();
    expect(keys).toHaveLength(5);
    expect(keys.some((k) => k.key_hash === token)).toBe(false);
    void noMail;
  });

  it('reminds only those who have not submitted, with a fresh link; earlier links keep working', async () => {
    const tenant = await buildTenant(t.db);
    const m = tenant.municipality.id;
    const base = `/api/v1/municipalities/${m}/campaigns`;
    const campaign = (await call(t.app, tenant.sessions.competence_advisor, 'POST', base, input({ name: 'Påminnelsestest', unitIds: [tenant.units.area.id] }))).json();
    await call(t.app, tenant.sessions.competence_advisor, 'POST', `${base}/${campaign.id}/publish`);
    const { self, inTeam, inOther } = tenant.people;
    const first = await t.smtp.waitFor((x) => x.to.includes(inTeam.email!) && x.subject.includes('Påminnelsestest'));
    await t.smtp.waitFor((x) => x.to.includes(self.email!) && x.subject.includes('Påminnelsestest'));
    await t.smtp.waitFor((x) => x.to.includes(inOther.email!) && x.subject.includes('Påminnelsestest'));
    expect((await call(t.app, null, 'POST', `/api/v1/assessments/${tokenIn(first)}/submit`, { answers: COMPLETE_ANSWERS })).statusCode).toBe(200);

    const res = await call(t.app, tenant.sessions.competence_advisor, 'POST', `${base}/${campaign.id}/reminders`);
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ emailed: 2 });
    await t.deps.jobs.drain();
    const reminders = t.smtp.received.filter((x) => x.subject === 'Påminnelse: Påminnelsestest');
    expect(reminders.map((x) => x.to[0]).sort()).toEqual([self.email, inOther.email].sort());
    expect(mailsTo(inTeam.email!).filter((x) => x.subject.startsWith('Påminnelse'))).toEqual([]);

    const fresh = tokenIn(reminders.find((x) => x.to.includes(inOther.email!))!);
    const original = tokenIn(mailsTo(inOther.email!).find((x) => x.subject.startsWith('Kartlegging'))!);
    expect(fresh).not.toBe(original);
    for (const token of [fresh, original]) expect((await call(t.app, null, 'GET', `/api/v1/assessments/${token}`)).statusCode).toBe(200);

    const event = await t.db.selectFrom('audit_events').selectAll().where('municipality_id', '=', m).where('action', '=', 'campaign.remind').executeTakeFirstOrThrow();
    expect(event).toMatchObject({ actor_user_id: tenant.users.competence_advisor.id, entity_id: campaign.id, after: { emailed: 2 } });
    expect(JSON.stringify(event)).not.toContain(inOther.id);
  });
});

describe('shared-device codes', () => {
  let tenant: Tenant;
  let base: string;
  let campaignId: string;
  beforeAll(async () => {
    tenant = await buildTenant(t.db);
    base = `/api/v1/municipalities/${tenant.municipality.id}/campaigns`;
    campaignId = (await call(t.app, tenant.sessions.competence_advisor, 'POST', base, input({ mode: 'anonymous' }))).json().id;
    await call(t.app, tenant.sessions.competence_advisor, 'POST', `${base}/${campaignId}/publish`);
  });

  it('gives the unit leader one code per unsubmitted invitation in the unit and below, once; a new list replaces the old codes', async () => {
    const url = `${base}/${campaignId}/invitation-codes`;
    const res = await call(t.app, tenant.sessions.leader, 'POST', url, { unitId: tenant.units.unit.id });
    expect(res.statusCode).toBe(200);
    const list = res.json();
    expect(list).toMatchObject({ unitId: tenant.units.unit.id, unitName: 'Sone nord', entryUrl: 'http://localhost:3000/assess' });
    // "Sone nord" (self) and its "Team A" (inTeam); not the sibling "Sone sør".
    expect(list.codes.map((c: { personId: string }) => c.personId).sort()).toEqual([tenant.people.self.id, tenant.people.inTeam.id].sort());
    for (const c of list.codes) {
      expect(c.code).toMatch(/^[A-HJKMNP-TW-Z2-9]{4}-[A-HJKMNP-TW-Z2-9]{4}$/);
      expect(c.link).toBe(`http://localhost:3000/assess/${c.code}`);
    }
    const code: string = list.codes[0].code;
    // Typed as people type: lower case, without the dash.
    const typed = code.replace('-', '').toLowerCase();
    expect((await call(t.app, null, 'GET', `/api/v1/assessments/${typed}`)).statusCode).toBe(200);
    expect((await call(t.app, null, 'PUT', `/api/v1/assessments/${code}/answers`, { answers: [{ competenceCode: 'HC.SEC.1', level: 1 }] })).statusCode).toBe(200);

    // The database keeps hashes only; a second list makes new codes and the old ones stop working.
    expect(await t.db.selectFrom('invitation_keys').select('key_hash').where('key_hash', '=', code).executeTakeFirst()).toBeUndefined();
    const again = (await call(t.app, tenant.sessions.competence_advisor, 'POST', url, { unitId: tenant.units.team.id })).json();
    expect(again.codes.map((c: { personId: string }) => c.personId)).toEqual([tenant.people.inTeam.id]);
    const oldTeamCode = list.codes.find((c: { personId: string }) => c.personId === tenant.people.inTeam.id).code;
    expect((await call(t.app, null, 'GET', `/api/v1/assessments/${oldTeamCode}`)).statusCode).toBe(404);
    expect((await call(t.app, null, 'GET', `/api/v1/assessments/${again.codes[0].code}`)).statusCode).toBe(200);

    const events = await t.db.selectFrom('audit_events').select(['action', 'actor_user_id', 'after']).where('entity_id', '=', campaignId).where('action', '=', 'campaign.codes').orderBy('occurred_at').execute();
    expect(events).toEqual([
      { action: 'campaign.codes', actor_user_id: tenant.users.leader.id, after: { unitId: tenant.units.unit.id, codes: 2 } },
      { action: 'campaign.codes', actor_user_id: tenant.users.competence_advisor.id, after: { unitId: tenant.units.team.id, codes: 1 } },
    ]);
  });

  it('is refused for units the leader does not lead, for employees, and once the campaign has closed (when codes stop working)', async () => {
    const url = `${base}/${campaignId}/invitation-codes`;
    expect(errorCode(await call(t.app, tenant.sessions.leader, 'POST', url, { unitId: tenant.units.other.id }))).toBe('FORBIDDEN');
    expect(errorCode(await call(t.app, tenant.sessions.employee, 'POST', url, { unitId: tenant.units.unit.id }))).toBe('FORBIDDEN');
    const otherLeader = await createUser(t.db, [{ role: 'leader', scopeType: 'unit', municipalityId: tenant.municipality.id, unitId: tenant.units.other.id }]);
    const ok = await call(t.app, await sessionFor(t.db, otherLeader.id), 'POST', url, { unitId: tenant.units.other.id });
    const code = ok.json().codes[0].code;
    expect((await call(t.app, null, 'GET', `/api/v1/assessments/${code}`)).statusCode).toBe(200);
    await call(t.app, tenant.sessions.competence_advisor, 'POST', `${base}/${campaignId}/close`);
    expect((await call(t.app, null, 'GET', `/api/v1/assessments/${code}`)).statusCode).toBe(404);
    expect(reason(await call(t.app, tenant.sessions.competence_advisor, 'POST', url, { unitId: tenant.units.other.id }))).toBe('CAMPAIGN_CLOSED');
  });
});
