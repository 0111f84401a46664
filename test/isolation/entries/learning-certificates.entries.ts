import { expect } from 'vitest';
import { ensureBadge } from '../../../src/server/modules/learning/certificates/badge-signing.js';
import { completeItem, insertCertificateItem } from '../../../src/server/modules/learning/certificates/certificates.fixtures.js';
import { ACTOR_ROLES, type ActorRole, type Tenant } from '../../factories.js';
import { outcomes, platformSpansAll, type ForeignExceptions, type MatrixContext, type MatrixEntry } from '../matrix.js';

// Certificates are personal: the holder (the matrix employee's own person,
// `self`, in the leader's unit) sees theirs; advisors, administrators and the
// leader of the holder's unit see them too; only administrators revoke and
// manage signing keys. Verification and the issuer's profile and keys are
// public: anyone, signed in or not, from any municipality, gets the same
// answer, which holds nothing but what the certificate itself shows.

const BASE = '/api/v1/municipalities/:municipalityId/certificates';
const SEE_SELF: ActorRole[] = ['employee', 'leader', 'competence_advisor', 'municipal_admin'];
const ADMIN: ActorRole[] = ['municipal_admin'];
const PLATFORM_FORBIDDEN = platformSpansAll('forbidden', 'A platform administrator sees every municipality (so gets 403, not 404) but is not given personal data or key management.');
const PUBLIC: ForeignExceptions = {
  outcomes: Object.fromEntries(ACTOR_ROLES.map((r) => [r, 'allow'])),
  why: 'Public verification: whoever holds a code or a badge, or asks for an issuer, is answered the same whatever their session, and the answer is what the certificate shows.',
};

/** A certificate of one of the tenant's people, issued through recordLearning. */
async function certificateOf(ctx: MatrixContext, tenant: Tenant, who: 'self' | 'inTeam' | 'inOther' = 'self') {
  const item = await insertCertificateItem(ctx.t.db, tenant.municipality.id);
  const personId = tenant.people[who].id;
  const done = await completeItem(ctx.t.db, tenant.municipality.id, personId, item);
  return ctx.t.db.selectFrom('certificates').select(['id', 'verification_code']).where('completion_id', '=', done.completionId!).executeTakeFirstOrThrow();
}

const cache = new Map<string, Promise<{ id: string; verification_code: string }>>();
/** Read-only entries share one certificate per tenant and holder (issuing is the slow part). */
const sharedCertificate = (ctx: MatrixContext, tenant: Tenant, who: 'self' | 'inTeam' | 'inOther' = 'self') => {
  const key = `${tenant.municipality.id}|${who}`;
  if (!cache.has(key)) cache.set(key, certificateOf(ctx, tenant, who));
  return cache.get(key)!;
};

const revokedAt = async (ctx: MatrixContext, id: string) =>
  (await ctx.t.db.selectFrom('certificates').select('revoked_at').where('id', '=', id).executeTakeFirstOrThrow()).revoked_at;

export const learningCertificateEntries: MatrixEntry[] = [
  {
    name: 'certificates.list (own)',
    method: 'GET',
    path: BASE,
    expect: outcomes({ allow: ['employee', 'leader', 'ombud', 'competence_advisor', 'municipal_admin', 'network_coordinator', 'analyst', 'platform_admin'], rest: 'forbidden' }),
    foreign: platformSpansAll('allow', 'A platform administrator sees every municipality; with no employee record there, their own list is empty.'),
    prepare: async (ctx) => ({ state: { mine: (await sharedCertificate(ctx, ctx.target)).id } }),
    check: (ctx, res, { state }) => {
      const ids = res.json().map((c: { id: string }) => c.id);
      expect(ids).toEqual(ctx.role === 'employee' ? [state!.mine] : []);
    },
  },
  {
    name: "certificates.list a person's",
    method: 'GET',
    path: BASE,
    expect: outcomes({ allow: ['leader', 'competence_advisor', 'municipal_admin'], rest: 'forbidden' }),
    foreign: PLATFORM_FORBIDDEN,
    prepare: async (ctx) => ({ query: { personId: ctx.target.people.inTeam.id }, state: { id: (await sharedCertificate(ctx, ctx.target, 'inTeam')).id } }),
    check: (_ctx, res, { state }) => expect(res.json().map((c: { id: string }) => c.id)).toEqual([state!.id]),
  },
  {
    name: "certificates.list another tenant's person",
    method: 'GET',
    path: BASE,
    expect: outcomes({ notFound: ['leader', 'competence_advisor', 'municipal_admin'], rest: 'forbidden' }),
    foreign: PLATFORM_FORBIDDEN,
    prepare: (ctx) => ({ query: { personId: ctx.other.people.self.id } }),
  },
  ...(['', '/pdf', '/badge'] as const).map(
    (suffix): MatrixEntry => ({
      name: `certificates.get${suffix.replace('/', ' ')}`,
      method: 'GET',
      path: `${BASE}/:certificateId${suffix}`,
      expect: outcomes({ allow: SEE_SELF, rest: 'notFound' }),
      prepare: async (ctx) => ({ params: { certificateId: (await sharedCertificate(ctx, ctx.target)).id } }),
    }),
  ),
  {
    name: "certificates.get a colleague's outside the leader's units",
    method: 'GET',
    path: `${BASE}/:certificateId`,
    expect: outcomes({ allow: ['competence_advisor', 'municipal_admin'], rest: 'notFound' }),
    prepare: async (ctx) => ({ params: { certificateId: (await sharedCertificate(ctx, ctx.target, 'inOther')).id } }),
  },
  {
    name: "certificates.get another tenant's certificate",
    method: 'GET',
    path: `${BASE}/:certificateId`,
    expect: outcomes({ rest: 'notFound' }),
    prepare: async (ctx) => ({ params: { certificateId: (await sharedCertificate(ctx, ctx.other)).id } }),
  },
  {
    name: 'certificates.revoke',
    method: 'POST',
    path: `${BASE}/:certificateId/revoke`,
    expect: outcomes({ allow: ADMIN, rest: 'forbidden' }),
    foreign: PLATFORM_FORBIDDEN,
    prepare: async (ctx) => {
      const cert = await certificateOf(ctx, ctx.target);
      return { params: { certificateId: cert.id }, payload: { reason: 'Matrix' }, state: { id: cert.id } };
    },
    effect: async (ctx, { state }) => (await revokedAt(ctx, state!.id!)) !== null,
  },
  {
    name: "certificates.revoke another tenant's certificate",
    method: 'POST',
    path: `${BASE}/:certificateId/revoke`,
    expect: outcomes({ notFound: ADMIN, rest: 'forbidden' }),
    foreign: PLATFORM_FORBIDDEN,
    prepare: async (ctx) => {
      const cert = await certificateOf(ctx, ctx.other);
      return { params: { certificateId: cert.id }, payload: { reason: 'Matrix' }, state: { id: cert.id } };
    },
    effect: async (ctx, { state }) => (await revokedAt(ctx, state!.id!)) !== null,
  },
  {
    name: 'issuer-keys.list',
    method: 'GET',
    path: '/api/v1/municipalities/:municipalityId/issuer-keys',
    expect: outcomes({ allow: ADMIN, rest: 'forbidden' }),
    foreign: PLATFORM_FORBIDDEN,
  },
  {
    name: 'issuer-keys.rotate',
    method: 'POST',
    path: '/api/v1/municipalities/:municipalityId/issuer-keys/rotate',
    expect: outcomes({ allow: ADMIN, rest: 'forbidden' }),
    foreign: PLATFORM_FORBIDDEN,
    prepare: async (ctx) => ({ state: { keys: String((await ctx.t.db.selectFrom('issuer_keys').select('id').where('municipality_id', '=', ctx.target.municipality.id).execute()).length) } }),
    effect: async (ctx, { state }) => (await ctx.t.db.selectFrom('issuer_keys').select('id').where('municipality_id', '=', ctx.target.municipality.id).execute()).length > Number(state!.keys),
  },
  {
    name: 'verify.code',
    method: 'GET',
    path: '/api/v1/verify/:code',
    expect: outcomes({ allow: [...ACTOR_ROLES], rest: 'allow' }),
    foreign: PUBLIC,
    prepare: async (ctx) => ({ params: { code: (await sharedCertificate(ctx, ctx.target)).verification_code } }),
    check: (ctx, res) => {
      expect(res.json()).toMatchObject({ status: 'valid', issuer: { name: ctx.target.municipality.name } });
      expect(res.body).not.toContain(ctx.target.municipality.id);
    },
  },
  {
    name: 'verify.badge',
    method: 'POST',
    path: '/api/v1/verify/badge',
    expect: outcomes({ allow: [...ACTOR_ROLES], rest: 'allow' }),
    prepare: async (ctx) => ({ payload: { jwt: await ensureBadge(ctx.t.deps, ctx.target.municipality.id, (await sharedCertificate(ctx, ctx.target)).id) } }),
    check: (_ctx, res) => expect(res.json().status).toBe('valid'),
  },
  {
    name: 'issuers.profile',
    method: 'GET',
    path: '/api/v1/issuers/:municipalityId',
    expect: outcomes({ allow: [...ACTOR_ROLES], rest: 'allow' }),
    foreign: PUBLIC,
    check: (ctx, res) => expect(res.json()).toMatchObject({ type: ['Profile'], name: ctx.target.municipality.name }),
  },
  {
    name: 'issuers.jwks',
    method: 'GET',
    path: '/api/v1/issuers/:municipalityId/jwks',
    expect: outcomes({ allow: [...ACTOR_ROLES], rest: 'allow' }),
    foreign: PUBLIC,
    check: (_ctx, res) => expect(res.json().keys.every((k: Record<string, unknown>) => !('d' in k))).toBe(true),
  },
];
