import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant, createPerson, createUser, sessionFor, type Tenant } from '../../../../../test/factories.js';
import { call, createTestApp, errorCode, type TestApp } from '../../../../../test/harness.js';
import { VERIFICATION_CODE_PATTERN } from '../../../../shared/api/certificates.js';
import { completeItem, insertCertificateItem, pdfText } from './certificates.fixtures.js';

// Issuing on completion (through recordLearning, the one path every source
// takes), who sees which certificates, the PDF download and revocation.

let t: TestApp;
let m: Tenant;
let other: Tenant;

beforeAll(async () => {
  t = await createTestApp();
  m = await buildTenant(t.db);
  other = await buildTenant(t.db);
});
afterAll(async () => {
  await t.close();
});

const base = (tenant: Tenant) => `/api/v1/municipalities/${tenant.municipality.id}/certificates`;

async function certificatesOf(personId: string) {
  return t.db.selectFrom('certificates').selectAll().where('person_id', '=', personId).execute();
}

describe('issuing on completion', () => {
  it('issues one certificate with a code when an item that gives certificates is passed', async () => {
    const person = await createPerson(t.db, m.municipality.id, m.units.team.id, { given_name: 'Åse', family_name: 'Ødegård' });
    const item = await insertCertificateItem(t.db, m.municipality.id);
    const first = await completeItem(t.db, m.municipality.id, person.id, item, { scoreScaled: 0.9 });
    expect(first.newCompletion).toBe(true);
    // Revisiting a passed item records no new completion and so no second certificate.
    await completeItem(t.db, m.municipality.id, person.id, item, { scoreScaled: 1 });
    const rows = await certificatesOf(person.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ completion_id: first.completionId, holder_name: 'Åse Ødegård', item_title: 'Smittevern i hjemmetjenesten', language: 'nb', badge_jwt: null, revoked_at: null });
    expect(rows[0]!.verification_code).toMatch(VERIFICATION_CODE_PATTERN);
    const code = await t.db.selectFrom('certificate_codes').selectAll().where('code', '=', rows[0]!.verification_code).executeTakeFirstOrThrow();
    expect(code).toEqual({ code: rows[0]!.verification_code, municipality_id: m.municipality.id, certificate_id: rows[0]!.id });
  });

  it('issues nothing for an item without certificates', async () => {
    const person = await createPerson(t.db, m.municipality.id, m.units.team.id);
    const item = await insertCertificateItem(t.db, m.municipality.id, { certificateEnabled: false });
    const res = await completeItem(t.db, m.municipality.id, person.id, item);
    expect(res.newCompletion).toBe(true);
    expect(await certificatesOf(person.id)).toEqual([]);
  });

  it("uses the learner's language when the item has it, else the item's first language", async () => {
    const swede = await createPerson(t.db, m.municipality.id, m.units.team.id);
    await t.db.updateTable('persons').set({ preferred_language: 'sv' }).where('id', '=', swede.id).execute();
    const both = await insertCertificateItem(t.db, m.municipality.id, { titles: { da: 'Hygiejne i plejen', sv: 'Hygien i vården' } });
    const danishOnly = await insertCertificateItem(t.db, m.municipality.id, { titles: { da: 'Forflytning', en: 'Patient handling' } });
    await completeItem(t.db, m.municipality.id, swede.id, both);
    await completeItem(t.db, m.municipality.id, swede.id, danishOnly);
    const rows = await certificatesOf(swede.id);
    expect(rows.map((r) => [r.language, r.item_title]).sort()).toEqual([['da', 'Forflytning'], ['sv', 'Hygien i vården']]);
  });

  it('gives every certificate its own code', async () => {
    const person = await createPerson(t.db, m.municipality.id, m.units.team.id);
    for (let i = 0; i < 5; i++) await completeItem(t.db, m.municipality.id, person.id, await insertCertificateItem(t.db, m.municipality.id));
    const codes = (await certificatesOf(person.id)).map((r) => r.verification_code);
    expect(new Set(codes).size).toBe(5);
  });
});

describe('my certificates and others’', () => {
  let certificateId: string;
  beforeAll(async () => {
    const item = await insertCertificateItem(t.db, m.municipality.id, { titles: { nb: 'Legemiddelhåndtering' } });
    await completeItem(t.db, m.municipality.id, m.people.self.id, item, { scoreScaled: 0.8 });
    await completeItem(t.db, m.municipality.id, m.people.inTeam.id, item);
    await completeItem(t.db, m.municipality.id, m.people.inOther.id, item);
    certificateId = (await certificatesOf(m.people.self.id))[0]!.id;
  });

  it("lists the signed-in learner's own certificates with the verification address", async () => {
    const res = await call(t.app, m.sessions.employee, 'GET', base(m));
    expect(res.statusCode).toBe(200);
    const list = res.json();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: certificateId, personId: m.people.self.id, itemTitle: 'Legemiddelhåndtering', outcome: 'passed', scoreScaled: 0.8, issuerName: m.municipality.name, revokedAt: null });
    expect(list[0].verifyUrl).toBe(`http://localhost:3000/verify/${list[0].verificationCode}`);
  });

  it('shows a unit leader the people of their units and below, and nobody else', async () => {
    const inTeam = await call(t.app, m.sessions.leader, 'GET', `${base(m)}?personId=${m.people.inTeam.id}`);
    expect(inTeam.statusCode).toBe(200);
    expect(inTeam.json()).toHaveLength(1);
    const outside = await call(t.app, m.sessions.leader, 'GET', `${base(m)}?personId=${m.people.inOther.id}`);
    expect(errorCode(outside)).toBe('NOT_FOUND');
  });

  it('lets advisors and administrators look anyone up, and refuses employees and ombud', async () => {
    for (const role of ['competence_advisor', 'municipal_admin'] as const) {
      expect((await call(t.app, m.sessions[role], 'GET', `${base(m)}?personId=${m.people.inOther.id}`)).json()).toHaveLength(1);
    }
    for (const role of ['employee', 'ombud', 'network_coordinator'] as const) {
      expect(errorCode(await call(t.app, m.sessions[role], 'GET', `${base(m)}?personId=${m.people.inOther.id}`))).toBe('FORBIDDEN');
    }
  });

  it("answers not found for someone else's certificate and for another municipality's", async () => {
    const theirs = (await certificatesOf(m.people.inOther.id))[0]!.id;
    expect(errorCode(await call(t.app, m.sessions.employee, 'GET', `${base(m)}/${theirs}`))).toBe('NOT_FOUND');
    expect(errorCode(await call(t.app, other.sessions.municipal_admin, 'GET', `${base(other)}/${certificateId}`))).toBe('NOT_FOUND');
    expect(errorCode(await call(t.app, other.sessions.municipal_admin, 'GET', `${base(m)}/${certificateId}`))).toBe('NOT_FOUND');
  });

  it('downloads the PDF, in the certificate language or another one', async () => {
    const res = await call(t.app, m.sessions.employee, 'GET', `${base(m)}/${certificateId}/pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const cert = (await call(t.app, m.sessions.employee, 'GET', `${base(m)}/${certificateId}`)).json();
    expect(res.headers['content-disposition']).toBe(`attachment; filename="certificate-${cert.verificationCode}.pdf"`);
    const text = await pdfText(res.rawPayload);
    expect(text).toContain('Kursbevis');
    expect(text).toContain(cert.verificationCode);
    const english = await pdfText((await call(t.app, m.sessions.employee, 'GET', `${base(m)}/${certificateId}/pdf?lang=en`)).rawPayload);
    expect(english).toContain('Certificate of completion');
    expect(english).toContain('Legemiddelhåndtering');
  });
});

describe('revoking', () => {
  it('lets an administrator revoke with a reason (audited), after which no PDF or badge is made', async () => {
    const person = await createPerson(t.db, m.municipality.id, m.units.team.id);
    await completeItem(t.db, m.municipality.id, person.id, await insertCertificateItem(t.db, m.municipality.id));
    const id = (await certificatesOf(person.id))[0]!.id;
    expect(errorCode(await call(t.app, m.sessions.competence_advisor, 'POST', `${base(m)}/${id}/revoke`, { reason: 'Feil person' }))).toBe('FORBIDDEN');
    expect(errorCode(await call(t.app, m.sessions.municipal_admin, 'POST', `${base(m)}/${id}/revoke`, { reason: '' }))).toBe('VALIDATION');

    const res = await call(t.app, m.sessions.municipal_admin, 'POST', `${base(m)}/${id}/revoke`, { reason: 'Registrert på feil person' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id, revokeReason: 'Registrert på feil person' });
    expect(res.json().revokedAt).not.toBeNull();
    const audit = await t.db.selectFrom('audit_events').select(['action', 'after']).where('entity_id', '=', id).execute();
    expect(audit).toEqual([{ action: 'certificate.revoked', after: { reason: 'Registrert på feil person' } }]);

    const again = await call(t.app, m.sessions.municipal_admin, 'POST', `${base(m)}/${id}/revoke`, { reason: 'igjen' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.reason).toBe('ALREADY_REVOKED');
    for (const what of ['pdf', 'badge']) {
      const refused = await call(t.app, m.sessions.municipal_admin, 'GET', `${base(m)}/${id}/${what}`);
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error.details.reason).toBe('CERTIFICATE_REVOKED');
    }
  });
});

describe('a person with accounts in two municipalities', () => {
  it('sees only the certificates of the municipality asked about', async () => {
    const user = await createUser(t.db, [{ role: 'employee', scopeType: 'municipality', municipalityId: other.municipality.id }]);
    const there = await createPerson(t.db, other.municipality.id, other.units.team.id, { user_id: user.id });
    await completeItem(t.db, other.municipality.id, there.id, await insertCertificateItem(t.db, other.municipality.id));
    const session = await sessionFor(t.db, user.id);
    expect((await call(t.app, session, 'GET', base(other))).json()).toHaveLength(1);
    expect(errorCode(await call(t.app, session, 'GET', base(m)))).toBe('NOT_FOUND');
  });
});
