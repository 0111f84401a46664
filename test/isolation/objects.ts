import type { Kysely } from 'kysely';
import type { DB } from '../../src/server/db/schema.js';
import { hashPassword } from '../../src/server/modules/auth/password.js';
import { newToken, tokenHash } from '../../src/server/modules/auth/session.repository.js';
import type { Role } from '../../src/shared/domain.js';
import { createPerson, createUnit, createUser, type Tenant } from '../factories.js';

// Throw-away objects for mutating routes: each call gets its own, so that one
// role deleting or changing something cannot change what the next role sees.

let n = 0;
/** Unique within a test run; short enough for slugs, codes and e-mail names. */
export const unique = (prefix = 'x') => `${prefix}${Date.now().toString(36)}${(++n).toString(36)}`;

export const KNOWN_PASSWORD = 'matrix correct horse battery 42';
export const NEW_PASSWORD = 'matrix brand new passphrase 77';
let knownHash: Promise<string> | undefined;
/** argon2 is slow on purpose, so the hash of the known password is computed once per file. */
export const knownPasswordHash = () => (knownHash ??= hashPassword(KNOWN_PASSWORD));

export async function userWithKnownPassword(db: Kysely<DB>) {
  const email = `${unique('pw')}@test.example`;
  const user = await createUser(db, [], { email });
  await db.updateTable('users').set({ password_hash: await knownPasswordHash() }).where('id', '=', user.id).execute();
  return user;
}

export async function resetTokenFor(db: Kysely<DB>, userId: string): Promise<string> {
  const token = newToken();
  await db.insertInto('password_reset_tokens').values({ token_hash: tokenHash(token), user_id: userId, expires_at: new Date(Date.now() + 3600_000) }).execute();
  return token;
}

export const freshUnit = (db: Kysely<DB>, tenant: Tenant) => createUnit(db, tenant.municipality.id, { kind: 'team', parent_id: tenant.units.unit.id });

export const freshPerson = (db: Kysely<DB>, tenant: Tenant) => createPerson(db, tenant.municipality.id, tenant.units.team.id);

export async function freshMunicipalGrant(db: Kysely<DB>, tenant: Tenant, role: Role = 'leader'): Promise<string> {
  const user = await createUser(db, [{ role, scopeType: 'unit', municipalityId: tenant.municipality.id, unitId: tenant.units.unit.id }]);
  const grant = await db.selectFrom('role_grants').select('id').where('user_id', '=', user.id).executeTakeFirstOrThrow();
  return grant.id;
}

export async function freshNetworkGrant(db: Kysely<DB>, tenant: Tenant, role: Role = 'analyst'): Promise<string> {
  const user = await createUser(db, [{ role, scopeType: 'network', networkId: tenant.network.id }]);
  const grant = await db.selectFrom('role_grants').select('id').where('user_id', '=', user.id).executeTakeFirstOrThrow();
  return grant.id;
}

/** An uploaded and parsed employee import, ready to commit (no rows, so a commit changes no people). */
export async function freshImport(db: Kysely<DB>, tenant: Tenant, status = 'ready'): Promise<string> {
  const row = await db
    .insertInto('people_imports')
    .values({
      municipality_id: tenant.municipality.id,
      created_by: tenant.users.municipal_admin.id,
      file_name: `${unique('import')}.csv`,
      file_data: Buffer.from('Ansattnummer;Fornavn\r\n'),
      format: 'csv',
      status,
      rows: '[]',
      errors: '[]',
      file_errors: '[]',
      summary: JSON.stringify({ create: 0, update: 0, unchanged: 0 }),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** An audit event that only its own tenant may ever see. */
export async function auditMarker(db: Kysely<DB>, tenant: Tenant): Promise<string> {
  const entityId = unique('marker');
  await db
    .insertInto('audit_events')
    .values({ municipality_id: tenant.municipality.id, actor_label: 'matrix', action: 'matrix.marker', entity_type: 'marker', entity_id: entityId })
    .execute();
  return entityId;
}

export async function networkAuditMarker(db: Kysely<DB>, tenant: Tenant): Promise<string> {
  const entityId = unique('marker');
  await db
    .insertInto('platform_audit_events')
    .values({ network_id: tenant.network.id, actor_label: 'matrix', action: 'matrix.marker', entity_type: 'marker', entity_id: entityId })
    .execute();
  return entityId;
}

/** A municipality code not yet used in the country (3 digits, which the factories never use). */
export async function freeMunicipalityCode(db: Kysely<DB>, country: 'NO' | 'SE' | 'DK' = 'SE'): Promise<string> {
  for (;;) {
    const code = String(100 + Math.floor(Math.random() * 900));
    const taken = await db.selectFrom('municipalities').select('id').where('country', '=', country).where('code', '=', code).executeTakeFirst();
    if (!taken) return code;
  }
}

/** Every id in a tenant that must never show up in another tenant's answers. */
export function idsOf(tenant: Tenant): string[] {
  return [tenant.network.id, tenant.municipality.id, ...Object.values(tenant.units).map((u) => u.id), ...Object.values(tenant.people).map((p) => p.id), ...Object.values(tenant.users).map((u) => u.id)];
}
