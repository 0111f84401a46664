import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { secretHash } from './lrs-auth.js';

/** How long a rotated-out secret keeps working by default, so content can be reconfigured. */
export const DEFAULT_ROTATION_GRACE_HOURS = 24;

function newKey(): string {
  return `mst_${randomBytes(12).toString('hex')}`;
}

function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export type CredentialRow = {
  id: string;
  municipalityId: string;
  name: string;
  key: string;
  createdAt: Date;
  rotatedAt: Date | null;
  previousValidUntil: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
};

const columns = ['id', 'municipality_id', 'name', 'key', 'created_at', 'rotated_at', 'previous_valid_until', 'revoked_at', 'last_used_at'] as const;

function toRow(r: { id: string; municipality_id: string; name: string; key: string; created_at: Date; rotated_at: Date | null; previous_valid_until: Date | null; revoked_at: Date | null; last_used_at: Date | null }): CredentialRow {
  return {
    id: r.id,
    municipalityId: r.municipality_id,
    name: r.name,
    key: r.key,
    createdAt: r.created_at,
    rotatedAt: r.rotated_at,
    previousValidUntil: r.previous_valid_until,
    revokedAt: r.revoked_at,
    lastUsedAt: r.last_used_at,
  };
}

/** Creates a credential; the secret is returned once and only its hash is kept. */
export async function insertCredential(db: Kysely<DB>, municipalityId: string, name: string, createdBy: string | null): Promise<CredentialRow & { secret: string }> {
  const secret = newSecret();
  const row = await db
    .insertInto('lrs_credentials')
    .values({ municipality_id: municipalityId, name, key: newKey(), secret_hash: secretHash(secret), created_by: createdBy })
    .returning(columns)
    .executeTakeFirstOrThrow();
  return { ...toRow(row), secret };
}

export async function listCredentials(db: Kysely<DB>, municipalityId: string): Promise<CredentialRow[]> {
  const rows = await db.selectFrom('lrs_credentials').select(columns).where('municipality_id', '=', municipalityId).orderBy('created_at').execute();
  return rows.map(toRow);
}

export async function findCredential(db: Kysely<DB>, municipalityId: string, id: string): Promise<CredentialRow | null> {
  const row = await db.selectFrom('lrs_credentials').select(columns).where('municipality_id', '=', municipalityId).where('id', '=', id).executeTakeFirst();
  return row ? toRow(row) : null;
}

/**
 * A new secret; the old one keeps working for `graceHours` (0 = stops at once).
 * The caller clears the credential cache (forgetCredential) after its
 * transaction commits: cleared earlier, a request in between would cache the
 * old row again.
 */
export async function rotateCredential(db: Kysely<DB>, municipalityId: string, id: string, graceHours: number): Promise<(CredentialRow & { secret: string }) | null> {
  const secret = newSecret();
  const now = new Date();
  const row = await db
    .updateTable('lrs_credentials')
    .set((eb) => ({
      previous_secret_hash: graceHours > 0 ? eb.ref('secret_hash') : null,
      previous_valid_until: graceHours > 0 ? new Date(now.getTime() + graceHours * 3600_000) : null,
      secret_hash: secretHash(secret),
      rotated_at: now,
    }))
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .returning(columns)
    .executeTakeFirst();
  if (!row) return null;
  return { ...toRow(row), secret };
}

export async function revokeCredential(db: Kysely<DB>, municipalityId: string, id: string): Promise<CredentialRow | null> {
  const row = await db
    .updateTable('lrs_credentials')
    .set({ revoked_at: new Date(), previous_secret_hash: null, previous_valid_until: null })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .returning(columns)
    .executeTakeFirst();
  if (!row) return null;
  return toRow(row);
}
