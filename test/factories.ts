import type { Kysely } from 'kysely';
import type { Role, ScopeType } from '../src/shared/domain.js';
import type { DB } from '../src/server/db/schema.js';
import { hashPassword } from '../src/server/modules/auth/password.js';
import { createSession } from '../src/server/modules/auth/session.repository.js';
import type { Session } from './harness.js';

// Factories build a fresh tenant per test, so tests never share state even
// when they share a database file.

let counter = Math.floor(Math.random() * 5000);
const next = () => ++counter;
const uniqueCode = () => String(1000 + (next() % 8999)).padStart(4, '0');

export async function createNetwork(db: Kysely<DB>, name = `Network ${next()}`) {
  return db.insertInto('networks').values({ name, slug: `net-${next()}-${Date.now().toString(36)}` }).returningAll().executeTakeFirstOrThrow();
}

export async function createMunicipality(db: Kysely<DB>, overrides: Partial<{ name: string; population: number; network_id: string | null; country: string; code: string }> = {}) {
  for (;;) {
    const code = overrides.code ?? uniqueCode();
    const country = overrides.country ?? 'NO';
    const taken = await db.selectFrom('municipalities').select('id').where('country', '=', country).where('code', '=', code).executeTakeFirst();
    if (taken && !overrides.code) continue;
    return db
      .insertInto('municipalities')
      .values({ country, code, name: overrides.name ?? `Testkommune ${next()}`, population: overrides.population ?? 12000, network_id: overrides.network_id ?? null })
      .returningAll()
      .executeTakeFirstOrThrow();
  }
}

export async function createUnit(db: Kysely<DB>, municipalityId: string, overrides: Partial<{ name: string; code: string | null; kind: string; parent_id: string | null }> = {}) {
  return db
    .insertInto('units')
    .values({ municipality_id: municipalityId, name: overrides.name ?? `Enhet ${next()}`, code: overrides.code === undefined ? `U${next()}` : overrides.code, kind: overrides.kind ?? 'unit', parent_id: overrides.parent_id ?? null })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function createPerson(db: Kysely<DB>, municipalityId: string, unitId: string, overrides: Partial<{ given_name: string; family_name: string; email: string | null; profession: string; position_pct: number; employee_number: string; user_id: string | null }> = {}) {
  const n = next();
  const person = await db
    .insertInto('persons')
    .values({
      municipality_id: municipalityId,
      employee_number: overrides.employee_number ?? `E${n}`,
      given_name: overrides.given_name ?? 'Kari',
      family_name: overrides.family_name ?? `Nordmann${n}`,
      email: overrides.email === undefined ? `kari${n}@test.example` : overrides.email,
      profession: overrides.profession ?? 'nurse',
      position_pct: overrides.position_pct ?? 80,
      user_id: overrides.user_id ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await db.insertInto('person_units').values({ municipality_id: municipalityId, person_id: person.id, unit_id: unitId, is_primary: true }).execute();
  return person;
}

export type GrantSpec = { role: Role; scopeType: ScopeType; networkId?: string; municipalityId?: string; unitId?: string };

/** A user with grants and a ready session (no password hashing unless a password is asked for). */
export async function createUser(db: Kysely<DB>, grants: GrantSpec[] = [], opts: { email?: string; password?: string; displayName?: string; language?: string } = {}) {
  const n = next();
  const user = await db
    .insertInto('users')
    .values({
      email: opts.email ?? `user${n}-${Date.now().toString(36)}@test.example`,
      display_name: opts.displayName ?? `Test User ${n}`,
      password_hash: opts.password ? await hashPassword(opts.password) : null,
      preferred_language: opts.language ?? 'nb',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  for (const g of grants) {
    await db
      .insertInto('role_grants')
      .values({ user_id: user.id, role: g.role, scope_type: g.scopeType, network_id: g.networkId ?? null, municipality_id: g.municipalityId ?? null, unit_id: g.unitId ?? null })
      .execute();
  }
  return user;
}

export async function sessionFor(db: Kysely<DB>, userId: string): Promise<Session> {
  const s = await createSession(db, userId, 3600_000, { ip: null, userAgent: 'vitest' });
  return { cookie: `mestring_session=${s.token}`, csrf: s.csrfToken };
}

export const ACTOR_ROLES = ['anonymous', 'employee', 'leader', 'ombud', 'competence_advisor', 'municipal_admin', 'network_coordinator', 'analyst', 'platform_admin'] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];

/**
 * A complete tenant: a network with the municipality, a unit tree
 * (service area → unit → team), people, and one signed-in user per role.
 */
export async function buildTenant(db: Kysely<DB>) {
  const network = await createNetwork(db);
  const municipality = await createMunicipality(db, { network_id: network.id });
  const m = municipality.id;
  const area = await createUnit(db, m, { kind: 'service_area', name: 'Hjemmetjenesten' });
  const unit = await createUnit(db, m, { kind: 'unit', parent_id: area.id, name: 'Sone nord' });
  const team = await createUnit(db, m, { kind: 'team', parent_id: unit.id, name: 'Team A' });
  const other = await createUnit(db, m, { kind: 'unit', parent_id: area.id, name: 'Sone sør' });
  const inTeam = await createPerson(db, m, team.id);
  const inOther = await createPerson(db, m, other.id);
  const employeeUser = await createUser(db, [{ role: 'employee', scopeType: 'municipality', municipalityId: m }]);
  const self = await createPerson(db, m, unit.id, { user_id: employeeUser.id });
  const users: Record<Exclude<ActorRole, 'anonymous'>, { id: string }> = {
    employee: employeeUser,
    leader: await createUser(db, [{ role: 'leader', scopeType: 'unit', municipalityId: m, unitId: unit.id }]),
    ombud: await createUser(db, [{ role: 'ombud', scopeType: 'unit', municipalityId: m, unitId: unit.id }]),
    competence_advisor: await createUser(db, [{ role: 'competence_advisor', scopeType: 'municipality', municipalityId: m }]),
    municipal_admin: await createUser(db, [{ role: 'municipal_admin', scopeType: 'municipality', municipalityId: m }]),
    network_coordinator: await createUser(db, [{ role: 'network_coordinator', scopeType: 'network', networkId: network.id }]),
    analyst: await createUser(db, [{ role: 'analyst', scopeType: 'network', networkId: network.id }]),
    platform_admin: await createUser(db, [{ role: 'platform_admin', scopeType: 'platform' }]),
  };
  const sessions = {} as Record<ActorRole, Session | null>;
  sessions.anonymous = null;
  for (const [role, user] of Object.entries(users)) sessions[role as ActorRole] = await sessionFor(db, user.id);
  return { network, municipality, units: { area, unit, team, other }, people: { inTeam, inOther, self }, users, sessions };
}
export type Tenant = Awaited<ReturnType<typeof buildTenant>>;
