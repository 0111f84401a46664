import { createPrivateKey, createPublicKey } from 'node:crypto';
import { decodeProtectedHeader, importJWK, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant, createPerson, type Tenant } from '../../../../../test/factories.js';
import { call, createTestApp, errorCode, type TestApp } from '../../../../../test/harness.js';
import { completeItem, insertCertificateItem } from './certificates.fixtures.js';

// What an outsider can check without signing in: a printed code, and a badge
// verified independently with `jose` against the published JWKS, the way a
// wallet or another platform would.

let t: TestApp;
let m: Tenant;

beforeAll(async () => {
  t = await createTestApp();
  m = await buildTenant(t.db);
});
afterAll(async () => {
  await t.close();
});

const base = () => `/api/v1/municipalities/${m.municipality.id}/certificates`;
const issuer = () => `http://localhost:3000/api/v1/issuers/${m.municipality.id}`;

let people = 0;
async function newCertificate() {
  const person = await createPerson(t.db, m.municipality.id, m.units.team.id, { given_name: 'Nils', family_name: 'Kjær', email: `nils.kjaer${++people}@test.example` });
  await completeItem(t.db, m.municipality.id, person.id, await insertCertificateItem(t.db, m.municipality.id, { descriptions: { nb: 'Grunnkurs for alle ansatte.' } }));
  return t.db.selectFrom('certificates').selectAll().where('person_id', '=', person.id).executeTakeFirstOrThrow();
}

/** Verifies like an outside party: fetch the JWKS, pick the key by kid, check with jose. */
async function verifyWithJose(jwt: string) {
  const { kid } = decodeProtectedHeader(jwt);
  const jwks = (await call(t.app, null, 'GET', `/api/v1/issuers/${m.municipality.id}/jwks`)).json();
  const jwk = jwks.keys.find((k: { kid: string }) => k.kid === kid);
  if (!jwk) throw new Error(`no key ${kid} in the JWKS`);
  return jwtVerify(jwt, await importJWK(jwk, 'EdDSA'), { issuer: issuer(), typ: 'JWT' });
}

async function badgeOf(certificateId: string) {
  const res = await call(t.app, m.sessions.municipal_admin, 'GET', `${base()}/${certificateId}/badge`);
  expect(res.statusCode).toBe(200);
  return res.json() as { jwt: string; credential: Record<string, any> };
}

describe('verifying a code', () => {
  it('confirms a valid certificate to anyone, with only what the certificate says', async () => {
    const cert = await newCertificate();
    const res = await call(t.app, null, 'GET', `/api/v1/verify/${cert.verification_code}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      status: 'valid',
      code: cert.verification_code,
      holderName: 'Nils Kjær',
      itemTitle: 'Smittevern i hjemmetjenesten',
      issuedAt: cert.issued_at.toISOString(),
      completedAt: '2026-03-03T10:00:00.000Z',
      issuer: { name: m.municipality.name },
      language: 'nb',
    });
  });

  it('accepts lower case, spaces and missing dashes', async () => {
    const cert = await newCertificate();
    const compact = cert.verification_code.replaceAll('-', '');
    for (const typed of [cert.verification_code.toLowerCase(), compact, `${compact.slice(0, 8)} ${compact.slice(8)}`]) {
      const res = await call(t.app, null, 'GET', `/api/v1/verify/${encodeURIComponent(typed)}`);
      expect(res.json().code, typed).toBe(cert.verification_code);
    }
  });

  it('says revoked (not why) once revoked, and not found for unknown or malformed codes', async () => {
    const cert = await newCertificate();
    await call(t.app, m.sessions.municipal_admin, 'POST', `${base()}/${cert.id}/revoke`, { reason: 'Secret internal reason' });
    const res = await call(t.app, null, 'GET', `/api/v1/verify/${cert.verification_code}`);
    expect(res.json().status).toBe('revoked');
    expect(res.body).not.toContain('Secret internal reason');
    expect(errorCode(await call(t.app, null, 'GET', '/api/v1/verify/AAAA-BBBB-CCCC-DDDD'))).toBe('NOT_FOUND');
    expect(errorCode(await call(t.app, null, 'GET', '/api/v1/verify/not-a-code'))).toBe('NOT_FOUND');
  });
});

describe('Open Badges 3.0', () => {
  it('signs an OpenBadgeCredential as a VC-JWT that jose verifies against the published JWKS', async () => {
    const cert = await newCertificate();
    const { jwt, credential } = await badgeOf(cert.id);
    const { payload, protectedHeader } = await verifyWithJose(jwt);
    const stored = await t.db.selectFrom('certificates').select(['badge_jwt', 'key_id']).where('id', '=', cert.id).executeTakeFirstOrThrow();
    expect(stored.badge_jwt).toBe(jwt);
    expect(protectedHeader).toEqual({ alg: 'EdDSA', kid: `${issuer()}#${stored.key_id}`, typ: 'JWT' });
    expect(payload).toMatchObject({
      '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      id: `urn:uuid:${cert.id}`,
      iss: issuer(),
      jti: `urn:uuid:${cert.id}`,
      nbf: Math.floor(cert.issued_at.getTime() / 1000),
      issuer: { id: issuer(), type: ['Profile'], name: m.municipality.name },
      credentialSubject: { type: ['AchievementSubject'], achievement: { type: ['Achievement'], name: 'Smittevern i hjemmetjenesten', description: 'Grunnkurs for alle ansatte.' } },
    });
    expect(payload.sub).toBe(credential.credentialSubject.id);
    expect(Date.parse(credential.validFrom) / 1000).toBe(payload.nbf);
    // The e-mail is not in the credential, only its salted hash.
    expect(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()).not.toContain('nils.kjaer');
    const identity = credential.credentialSubject.identifier[0];
    expect(identity).toMatchObject({ type: 'IdentityObject', identityType: 'emailAddress', hashed: true });
    const { createHash } = await import('node:crypto');
    expect(identity.identityHash).toBe(`sha256$${createHash('sha256').update(`nils.kjaer${people}@test.example` + identity.salt).digest('hex')}`);
    // Signed once: asking again gives the same token.
    expect((await badgeOf(cert.id)).jwt).toBe(jwt);
  });

  it('hands the badge out as a .jwt file', async () => {
    const cert = await newCertificate();
    const res = await call(t.app, m.sessions.municipal_admin, 'GET', `${base()}/${cert.id}/badge?download=1`);
    expect(res.headers['content-type']).toBe('application/jwt');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="badge-${cert.verification_code}.jwt"`);
    await verifyWithJose(res.body);
  });

  it('reports valid, then revoked, through the public badge check', async () => {
    const cert = await newCertificate();
    const { jwt } = await badgeOf(cert.id);
    const ok = await call(t.app, null, 'POST', '/api/v1/verify/badge', { jwt });
    expect(ok.json()).toEqual({ status: 'valid', achievementName: 'Smittevern i hjemmetjenesten', issuer: { id: issuer(), name: m.municipality.name }, validFrom: new Date(Math.floor(cert.issued_at.getTime() / 1000) * 1000).toISOString() });
    await call(t.app, m.sessions.municipal_admin, 'POST', `${base()}/${cert.id}/revoke`, { reason: 'x' });
    expect((await call(t.app, null, 'POST', '/api/v1/verify/badge', { jwt })).json().status).toBe('revoked');
  });

  it('rejects a tampered payload, both in jose and in the public check', async () => {
    const cert = await newCertificate();
    const { jwt } = await badgeOf(cert.id);
    const [h, p, s] = jwt.split('.');
    const payload = JSON.parse(Buffer.from(p!, 'base64url').toString());
    payload.credentialSubject.achievement.name = 'Avansert hjerte-lunge-redning';
    const forged = `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`;
    await expect(verifyWithJose(forged)).rejects.toThrow(/signature/i);
    expect((await call(t.app, null, 'POST', '/api/v1/verify/badge', { jwt: forged })).json()).toEqual({ status: 'invalid', reason: 'BAD_SIGNATURE' });
    expect((await call(t.app, null, 'POST', '/api/v1/verify/badge', { jwt: 'not.a.jwt' })).json()).toEqual({ status: 'invalid', reason: 'MALFORMED' });
    const otherIssuer = { ...payload, iss: 'https://elsewhere.example/issuers/1' };
    expect((await call(t.app, null, 'POST', '/api/v1/verify/badge', { jwt: `${h}.${Buffer.from(JSON.stringify(otherIssuer)).toString('base64url')}.${s}` })).json().reason).toBe('UNKNOWN_ISSUER');
  });

  it('keeps old badges verifiable after a key rotation, and signs new ones with the new key', async () => {
    const before = await newCertificate();
    const oldBadge = (await badgeOf(before.id)).jwt;
    expect(errorCode(await call(t.app, m.sessions.competence_advisor, 'POST', `/api/v1/municipalities/${m.municipality.id}/issuer-keys/rotate`))).toBe('FORBIDDEN');
    const rotated = await call(t.app, m.sessions.municipal_admin, 'POST', `/api/v1/municipalities/${m.municipality.id}/issuer-keys/rotate`);
    expect(rotated.statusCode).toBe(200);
    const keys = rotated.json() as { id: string; kid: string; retiredAt: string | null; publicJwk: Record<string, string> }[];
    expect(keys.filter((k) => k.retiredAt === null)).toHaveLength(1);
    expect(keys.every((k) => !('d' in k.publicJwk))).toBe(true);
    const oldKid = decodeProtectedHeader(oldBadge).kid;
    expect(keys.find((k) => k.kid === oldKid)?.retiredAt).not.toBeNull();

    await verifyWithJose(oldBadge);
    expect((await call(t.app, null, 'POST', '/api/v1/verify/badge', { jwt: oldBadge })).json().status).toBe('valid');
    const after = await newCertificate();
    const newBadge = (await badgeOf(after.id)).jwt;
    expect(decodeProtectedHeader(newBadge).kid).toBe(keys.find((k) => k.retiredAt === null)!.kid);
    await verifyWithJose(newBadge);
    const audit = await t.db.selectFrom('audit_events').select('action').where('municipality_id', '=', m.municipality.id).where('entity_type', '=', 'issuer_key').execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['issuer_key.created', 'issuer_key.created', 'issuer_key.rotated']);
  });

  it('keeps the private key encrypted at rest', async () => {
    await badgeOf((await newCertificate()).id);
    const rows = await t.db.selectFrom('issuer_keys').selectAll().where('municipality_id', '=', m.municipality.id).execute();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const stored = Buffer.from(row.private_key_encrypted);
      expect(JSON.stringify(row.public_jwk)).not.toContain('"d"');
      // The stored bytes are not a private key, and the public key's bytes do not appear in them either.
      expect(() => createPrivateKey({ key: stored, format: 'der', type: 'pkcs8' })).toThrow();
      const pub = createPublicKey({ key: { ...row.public_jwk, kty: 'OKP', crv: 'Ed25519' }, format: 'jwk' }).export({ format: 'der', type: 'spki' });
      expect(stored.includes(pub.subarray(-32))).toBe(false);
      // An Ed25519 PKCS#8 key begins with this fixed prefix; encrypted bytes do not.
      expect(stored.includes(Buffer.from('302e020100300506032b657004220420', 'hex'))).toBe(false);
    }
  });

  it('publishes the issuer profile and 404s for unknown issuers', async () => {
    const res = await call(t.app, null, 'GET', `/api/v1/issuers/${m.municipality.id}`);
    expect(res.json()).toMatchObject({ id: issuer(), type: ['Profile'], name: m.municipality.name });
    expect(errorCode(await call(t.app, null, 'GET', '/api/v1/issuers/00000000-0000-4000-8000-000000000000'))).toBe('NOT_FOUND');
    expect(errorCode(await call(t.app, null, 'GET', '/api/v1/issuers/00000000-0000-4000-8000-000000000000/jwks'))).toBe('NOT_FOUND');
  });
});

describe('rate limit', () => {
  it('slows down a client that guesses codes', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 35; i++) statuses.push((await t.app.inject({ method: 'GET', url: '/api/v1/verify/AAAA-BBBB-CCCC-DDDD', remoteAddress: '10.9.9.9' })).statusCode);
    expect(statuses.slice(0, 30).every((s) => s === 404)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});
