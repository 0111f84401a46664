import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import type { TenantTx } from '../../../db/tenant.js';

// SQL of certificates and their global verification codes. Every function
// names the municipality; the code lookup is the one global read (an outsider
// knows only the code).

/** A certificate with what its PDF and badge show besides the frozen texts. */
export async function findCertificate(tx: TenantTx, municipalityId: string, certificateId: string) {
  return certificateQuery(tx, municipalityId).where('c.id', '=', certificateId).executeTakeFirst();
}

export async function listCertificatesOfPerson(tx: TenantTx, municipalityId: string, personId: string) {
  return certificateQuery(tx, municipalityId).where('c.person_id', '=', personId).orderBy('c.issued_at', 'desc').orderBy('c.id').execute();
}

export type CertificateRow = NonNullable<Awaited<ReturnType<typeof findCertificate>>>;

function certificateQuery(tx: TenantTx, municipalityId: string) {
  return tx
    .selectFrom('certificates as c')
    .innerJoin('learning_completions as lc', (j) => j.onRef('lc.municipality_id', '=', 'c.municipality_id').onRef('lc.id', '=', 'c.completion_id'))
    .innerJoin('municipalities as m', 'm.id', 'c.municipality_id')
    .select([
      'c.id',
      'c.municipality_id',
      'c.person_id',
      'c.item_id',
      'c.verification_code',
      'c.language',
      'c.holder_name',
      'c.item_title',
      'c.issued_at',
      'c.badge_jwt',
      'c.key_id',
      'c.revoked_at',
      'c.revoke_reason',
      'lc.completed_at',
      'lc.outcome',
      'lc.score_scaled',
      'lc.item_municipality_id',
      'm.name as issuer_name',
      'm.country',
    ])
    .where('c.municipality_id', '=', municipalityId);
}

/** The certificate's row locked for a badge to be written once. */
export async function lockCertificate(tx: TenantTx, municipalityId: string, certificateId: string) {
  return tx.selectFrom('certificates').select(['id', 'badge_jwt', 'key_id']).where('municipality_id', '=', municipalityId).where('id', '=', certificateId).forUpdate().executeTakeFirst();
}

export async function storeBadge(tx: TenantTx, municipalityId: string, certificateId: string, jwt: string, keyId: string) {
  await tx.updateTable('certificates').set({ badge_jwt: jwt, key_id: keyId }).where('municipality_id', '=', municipalityId).where('id', '=', certificateId).execute();
}

export async function revokeCertificate(tx: TenantTx, municipalityId: string, certificateId: string, reason: string, at: Date) {
  const res = await tx
    .updateTable('certificates')
    .set({ revoked_at: at, revoke_reason: reason })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', certificateId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** What the badge says about the learner and the item, read at signing time. */
export async function badgeFacts(tx: TenantTx, municipalityId: string, personId: string, itemMunicipalityId: string, itemId: string) {
  const person = await tx.selectFrom('persons').select(['email', 'given_name', 'family_name']).where('municipality_id', '=', municipalityId).where('id', '=', personId).executeTakeFirst();
  const item = await tx.selectFrom('learning_items').select(['descriptions', 'titles']).where('municipality_id', '=', itemMunicipalityId).where('id', '=', itemId).executeTakeFirst();
  return { person, item };
}

export async function itemTitles(tx: TenantTx, itemMunicipalityId: string, itemId: string): Promise<Record<string, string> | null> {
  const item = await tx.selectFrom('learning_items').select('titles').where('municipality_id', '=', itemMunicipalityId).where('id', '=', itemId).executeTakeFirst();
  return item?.titles ?? null;
}

/** Global: which municipality's certificate a printed code names. Read without a tenant, by the owning role. */
export async function lookupCode(db: Kysely<DB>, code: string) {
  return db.selectFrom('certificate_codes').select(['municipality_id', 'certificate_id']).where('code', '=', code).executeTakeFirst();
}
