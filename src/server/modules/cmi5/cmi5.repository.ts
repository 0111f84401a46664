import { sql, type Selectable } from 'kysely';
import type { Cmi5SessionsTable } from '../../db/schema.js';
import type { TenantTx } from '../../db/tenant.js';
import type { Cmi5CourseStructure } from '../packages/manifest/cmi5.types.js';

// SQL for cmi5 registrations, sessions, AU states and satisfied blocks and
// courses. Every call names the municipality and runs inside withTenant().

export type SessionRow = Selectable<Cmi5SessionsTable>;

const parse = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

/** The cmi5 package with its newest version's course structure. */
export async function findCourseVersion(tx: TenantTx, municipalityId: string, packageId: string) {
  const row = await tx
    .selectFrom('packages as p')
    .innerJoin('package_versions as v', (j) => j.onRef('v.municipality_id', '=', 'p.municipality_id').onRef('v.package_id', '=', 'p.id').onRef('v.version', '=', 'p.latest_version'))
    .select(['p.id as package_id', 'v.id as version_id', 'v.version', 'v.title', 'v.manifest'])
    .where('p.municipality_id', '=', municipalityId)
    .where('p.id', '=', packageId)
    .where('p.family', '=', 'cmi5')
    .executeTakeFirst();
  return row && { packageId: row.package_id, versionId: row.version_id, version: row.version, title: row.title, structure: parse<Cmi5CourseStructure>(row.manifest) };
}

/** A version's course structure (registrations stay on the version they started on). */
export async function findVersionStructure(tx: TenantTx, municipalityId: string, versionId: string): Promise<Cmi5CourseStructure | undefined> {
  const row = await tx.selectFrom('package_versions').select('manifest').where('municipality_id', '=', municipalityId).where('id', '=', versionId).where('kind', '=', 'cmi5').executeTakeFirst();
  return row && parse<Cmi5CourseStructure>(row.manifest);
}

export type RegistrationRow = { id: string; package_id: string; package_version_id: string; actor: object; actor_key: string; created_at: Date };

const registrationColumns = ['id', 'package_id', 'package_version_id', 'actor', 'actor_key', 'created_at'] as const;
const asRegistration = (r: { actor: unknown } & Omit<RegistrationRow, 'actor'>): RegistrationRow => ({ ...r, actor: parse<object>(r.actor) });

export async function findRegistration(tx: TenantTx, municipalityId: string, registrationId: string, lock = false): Promise<RegistrationRow | undefined> {
  let q = tx.selectFrom('cmi5_registrations').select(registrationColumns).where('municipality_id', '=', municipalityId).where('id', '=', registrationId);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row && asRegistration(row);
}

export async function latestRegistration(tx: TenantTx, municipalityId: string, packageId: string, actorKey: string): Promise<RegistrationRow | undefined> {
  const row = await tx
    .selectFrom('cmi5_registrations')
    .select(registrationColumns)
    .where('municipality_id', '=', municipalityId)
    .where('package_id', '=', packageId)
    .where('actor_key', '=', actorKey)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return row && asRegistration(row);
}

/** false when the id is taken already (a concurrent launch made it). */
export async function insertRegistration(
  tx: TenantTx,
  municipalityId: string,
  r: { id: string; packageId: string; versionId: string; actor: object; actorKey: string; createdBy: string | null },
): Promise<boolean> {
  const inserted = await tx
    .insertInto('cmi5_registrations')
    .values({ municipality_id: municipalityId, id: r.id, package_id: r.packageId, package_version_id: r.versionId, actor: JSON.stringify(r.actor), actor_key: r.actorKey, created_by: r.createdBy })
    .onConflict((oc) => oc.columns(['municipality_id', 'id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function insertSession(tx: TenantTx, municipalityId: string, s: Omit<SessionRow, 'municipality_id' | 'defined_verbs' | 'launched_at' | 'fetch_used_at' | 'auth_secret_hash' | 'learner_prefs_fetched_at' | 'initialized_at' | 'terminated_at' | 'abandoned_at' | 'last_statement_at'>) {
  return tx.insertInto('cmi5_sessions').values({ municipality_id: municipalityId, ...s }).returningAll().executeTakeFirstOrThrow();
}

export async function findSession(tx: TenantTx, municipalityId: string, sessionId: string, lock = false): Promise<SessionRow | undefined> {
  let q = tx.selectFrom('cmi5_sessions').selectAll().where('municipality_id', '=', municipalityId).where('id', '=', sessionId);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** The session with its registration's actor and course, for checking an auth token. */
export async function findSessionWithRegistration(tx: TenantTx, municipalityId: string, sessionId: string) {
  return tx
    .selectFrom('cmi5_sessions as s')
    .innerJoin('cmi5_registrations as r', (j) => j.onRef('r.municipality_id', '=', 's.municipality_id').onRef('r.id', '=', 's.registration_id'))
    .select(['s.id', 's.registration_id', 's.au_id', 's.au_activity_id', 's.auth_secret_hash', 's.terminated_at', 's.abandoned_at', 's.expires_at', 'r.actor_key', 'r.package_id', 'r.package_version_id'])
    .where('s.municipality_id', '=', municipalityId)
    .where('s.id', '=', sessionId)
    .executeTakeFirst();
}

export async function listSessions(tx: TenantTx, municipalityId: string, registrationId: string): Promise<SessionRow[]> {
  return tx.selectFrom('cmi5_sessions').selectAll().where('municipality_id', '=', municipalityId).where('registration_id', '=', registrationId).orderBy('launched_at').orderBy('id').execute();
}

export async function openSessions(tx: TenantTx, municipalityId: string, registrationId: string): Promise<SessionRow[]> {
  return tx
    .selectFrom('cmi5_sessions')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('registration_id', '=', registrationId)
    .where('terminated_at', 'is', null)
    .where('abandoned_at', 'is', null)
    .orderBy('launched_at')
    .forUpdate()
    .execute();
}

/**
 * The one POST that the fetch URL answers with a token: marks the fetch used
 * and stores the token's secret hash, only when the fetch is unused and the
 * session open. Returns whether it did.
 */
export async function claimFetch(tx: TenantTx, municipalityId: string, sessionId: string, authSecretHash: string): Promise<boolean> {
  const row = await tx
    .updateTable('cmi5_sessions')
    .set({ fetch_used_at: sql<Date>`now()`, auth_secret_hash: authSecretHash })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', sessionId)
    .where('fetch_used_at', 'is', null)
    .where('terminated_at', 'is', null)
    .where('abandoned_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export type SessionChange = Partial<Pick<SessionRow, 'initialized_at' | 'terminated_at' | 'abandoned_at' | 'last_statement_at' | 'learner_prefs_fetched_at' | 'defined_verbs'>>;

export async function updateSession(tx: TenantTx, municipalityId: string, sessionId: string, change: SessionChange): Promise<void> {
  if (Object.keys(change).length === 0) return;
  await tx.updateTable('cmi5_sessions').set(change).where('municipality_id', '=', municipalityId).where('id', '=', sessionId).execute();
}

export type AuStateRow = { au_id: string; completed_at: Date | null; passed_at: Date | null; failed_at: Date | null; waived_at: Date | null; waive_reason: string | null };

export async function auStates(tx: TenantTx, municipalityId: string, registrationId: string): Promise<Map<string, AuStateRow>> {
  const rows = await tx
    .selectFrom('cmi5_au_states')
    .select(['au_id', 'completed_at', 'passed_at', 'failed_at', 'waived_at', 'waive_reason'])
    .where('municipality_id', '=', municipalityId)
    .where('registration_id', '=', registrationId)
    .execute();
  return new Map(rows.map((r) => [r.au_id, r]));
}

/** Sets the given moments on the AU's state, keeping the first of each (completed and passed happen once). */
export async function recordAuState(
  tx: TenantTx,
  municipalityId: string,
  registrationId: string,
  auId: string,
  change: { completed?: boolean; passed?: boolean; failed?: boolean; waivedReason?: string },
): Promise<void> {
  const now = new Date();
  const values = {
    municipality_id: municipalityId,
    registration_id: registrationId,
    au_id: auId,
    completed_at: change.completed ? now : null,
    passed_at: change.passed ? now : null,
    failed_at: change.failed ? now : null,
    waived_at: change.waivedReason ? now : null,
    waive_reason: change.waivedReason ?? null,
  };
  await tx
    .insertInto('cmi5_au_states')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['municipality_id', 'registration_id', 'au_id']).doUpdateSet({
        completed_at: sql`coalesce(cmi5_au_states.completed_at, excluded.completed_at)`,
        passed_at: sql`coalesce(cmi5_au_states.passed_at, excluded.passed_at)`,
        failed_at: sql`coalesce(excluded.failed_at, cmi5_au_states.failed_at)`,
        waived_at: sql`coalesce(cmi5_au_states.waived_at, excluded.waived_at)`,
        waive_reason: sql`coalesce(cmi5_au_states.waive_reason, excluded.waive_reason)`,
      }),
    )
    .execute();
}

export async function satisfiedNodeIds(tx: TenantTx, municipalityId: string, registrationId: string): Promise<Set<string>> {
  const rows = await tx.selectFrom('cmi5_satisfied').select('node_id').where('municipality_id', '=', municipalityId).where('registration_id', '=', registrationId).execute();
  return new Set(rows.map((r) => r.node_id));
}

/** Claims the nodes for one satisfied statement each; returns the node ids this call claimed (a concurrent one may have won others). */
export async function claimSatisfied(
  tx: TenantTx,
  municipalityId: string,
  registrationId: string,
  nodes: { nodeId: string; kind: 'block' | 'course'; sessionId: string; statementId: string }[],
): Promise<Set<string>> {
  if (nodes.length === 0) return new Set();
  const rows = await tx
    .insertInto('cmi5_satisfied')
    .values(nodes.map((n) => ({ municipality_id: municipalityId, registration_id: registrationId, node_id: n.nodeId, kind: n.kind, session_id: n.sessionId, statement_id: n.statementId })))
    .onConflict((oc) => oc.columns(['municipality_id', 'registration_id', 'node_id']).doNothing())
    .returning('node_id')
    .execute();
  return new Set(rows.map((r) => r.node_id));
}

export async function releaseSatisfied(tx: TenantTx, municipalityId: string, registrationId: string, nodeIds: string[]): Promise<void> {
  if (nodeIds.length === 0) return;
  await tx.deleteFrom('cmi5_satisfied').where('municipality_id', '=', municipalityId).where('registration_id', '=', registrationId).where('node_id', 'in', nodeIds).execute();
}

export async function findVersionNumber(tx: TenantTx, municipalityId: string, versionId: string): Promise<number | undefined> {
  const row = await tx.selectFrom('package_versions').select('version').where('municipality_id', '=', municipalityId).where('id', '=', versionId).executeTakeFirst();
  return row?.version;
}

export async function findVersionSummary(tx: TenantTx, municipalityId: string, versionId: string) {
  const row = await tx.selectFrom('package_versions').select(['id', 'package_id', 'version', 'title']).where('municipality_id', '=', municipalityId).where('id', '=', versionId).executeTakeFirst();
  return row && { versionId: row.id, packageId: row.package_id, version: row.version, title: row.title };
}
