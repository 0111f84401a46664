import { sql } from 'kysely';
import type { ScormKind } from '../../../shared/api/player.js';
import type { TenantTx } from '../../db/tenant.js';

// SQL for attempts, SCO states and the statement outbox. Every call names the municipality.

export type AttemptRow = {
  id: string;
  person_id: string;
  package_id: string;
  package_version_id: string;
  kind: ScormKind;
  completion_status: 'not_attempted' | 'incomplete' | 'completed' | 'unknown';
  success_status: 'unknown' | 'passed' | 'failed';
  score_scaled: number | null;
  total_time_seconds: number;
  suspended: boolean;
  current_item: string | null;
  sequencing_state: unknown;
  launch_id: string | null;
  last_seq: number;
  started_at: Date;
  last_launched_at: Date | null;
  completed_at: Date | null;
  ended_at: Date | null;
};

const ATTEMPT_COLUMNS = [
  'id',
  'person_id',
  'package_id',
  'package_version_id',
  'kind',
  'completion_status',
  'success_status',
  'score_scaled',
  'total_time_seconds',
  'suspended',
  'current_item',
  'sequencing_state',
  'launch_id',
  'last_seq',
  'started_at',
  'last_launched_at',
  'completed_at',
  'ended_at',
] as const;

export function findScormPackage(tx: TenantTx, municipalityId: string, packageId: string) {
  return tx.selectFrom('packages').select(['id', 'family', 'title']).where('municipality_id', '=', municipalityId).where('id', '=', packageId).executeTakeFirst();
}

export function findVersion(tx: TenantTx, municipalityId: string, packageId: string, versionId: string | null) {
  let q = tx
    .selectFrom('package_versions')
    .select(['id', 'version', 'kind', 'title', 'manifest'])
    .where('municipality_id', '=', municipalityId)
    .where('package_id', '=', packageId);
  q = versionId ? q.where('id', '=', versionId) : q.orderBy('version', 'desc').limit(1);
  return q.executeTakeFirst();
}

export function listLaunchables(tx: TenantTx, municipalityId: string, versionId: string) {
  return tx
    .selectFrom('package_launchables')
    .select(['identifier', 'title', 'activity_id', 'kind', 'launch_url', 'external'])
    .where('municipality_id', '=', municipalityId)
    .where('package_version_id', '=', versionId)
    .orderBy('position')
    .execute();
}

/** The person's open attempt at the package, locked for the rest of the transaction. */
export async function lockOpenAttempt(tx: TenantTx, municipalityId: string, personId: string, packageId: string): Promise<AttemptRow | undefined> {
  return (await tx
    .selectFrom('player_attempts')
    .select(ATTEMPT_COLUMNS)
    .where('municipality_id', '=', municipalityId)
    .where('person_id', '=', personId)
    .where('package_id', '=', packageId)
    .where('ended_at', 'is', null)
    .forUpdate()
    .executeTakeFirst()) as AttemptRow | undefined;
}

export async function lockAttempt(tx: TenantTx, municipalityId: string, attemptId: string): Promise<AttemptRow | undefined> {
  return (await tx.selectFrom('player_attempts').select(ATTEMPT_COLUMNS).where('municipality_id', '=', municipalityId).where('id', '=', attemptId).forUpdate().executeTakeFirst()) as
    | AttemptRow
    | undefined;
}

/** The sequencing state the person's last finished attempt left (global objectives and shared data outlive an attempt). */
export async function lastEndedSequencingState(tx: TenantTx, municipalityId: string, personId: string, packageId: string): Promise<unknown> {
  const row = await tx
    .selectFrom('player_attempts')
    .select('sequencing_state')
    .where('municipality_id', '=', municipalityId)
    .where('person_id', '=', personId)
    .where('package_id', '=', packageId)
    .where('ended_at', 'is not', null)
    .orderBy('ended_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.sequencing_state ?? null;
}

export async function insertAttempt(
  tx: TenantTx,
  municipalityId: string,
  a: { personId: string; packageId: string; versionId: string; kind: ScormKind; sequencingState: unknown },
): Promise<AttemptRow> {
  const { id } = await tx
    .insertInto('player_attempts')
    .values({
      municipality_id: municipalityId,
      person_id: a.personId,
      package_id: a.packageId,
      package_version_id: a.versionId,
      kind: a.kind,
      sequencing_state: a.sequencingState === null ? null : JSON.stringify(a.sequencingState),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return (await lockAttempt(tx, municipalityId, id))!;
}

export async function endAttempt(tx: TenantTx, municipalityId: string, attemptId: string, reason: 'finished' | 'restarted'): Promise<void> {
  await tx
    .updateTable('player_attempts')
    .set({ ended_at: new Date(), end_reason: reason, updated_at: new Date() })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', attemptId)
    .execute();
}

/** A new launch supersedes every earlier one: their tokens name another launch id. */
export async function startLaunch(tx: TenantTx, municipalityId: string, attemptId: string, launchId: string): Promise<void> {
  await tx
    .updateTable('player_attempts')
    .set((eb) => ({ launch_id: launchId, last_seq: 0, launch_count: eb('launch_count', '+', 1), last_launched_at: new Date(), updated_at: new Date() }))
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', attemptId)
    .execute();
}

export type AttemptChange = Partial<{
  completion_status: AttemptRow['completion_status'];
  success_status: AttemptRow['success_status'];
  score_scaled: number | null;
  total_time_seconds: number;
  suspended: boolean;
  current_item: string | null;
  sequencing_state: string | null;
  last_seq: number;
  completed_at: Date;
}>;

export async function updateAttempt(tx: TenantTx, municipalityId: string, attemptId: string, change: AttemptChange): Promise<void> {
  await tx
    .updateTable('player_attempts')
    .set({ ...change, updated_at: new Date() })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', attemptId)
    .execute();
}

export function findPerson(tx: TenantTx, municipalityId: string, personId: string) {
  return tx.selectFrom('persons').select(['id', 'given_name', 'family_name', 'preferred_language']).where('municipality_id', '=', municipalityId).where('id', '=', personId).executeTakeFirst();
}

export type ScoStateRow = {
  item_identifier: string;
  cmi: unknown;
  total_time_seconds: number;
  last_exit: string;
  sessions: number;
};

export function listScoStates(tx: TenantTx, municipalityId: string, attemptId: string): Promise<ScoStateRow[]> {
  return tx
    .selectFrom('player_sco_states')
    .select(['item_identifier', 'cmi', 'total_time_seconds', 'last_exit', 'sessions'])
    .where('municipality_id', '=', municipalityId)
    .where('attempt_id', '=', attemptId)
    .execute();
}

export async function upsertScoState(
  tx: TenantTx,
  municipalityId: string,
  attemptId: string,
  s: {
    item: string;
    cmi: object;
    completion: AttemptRow['completion_status'];
    success: AttemptRow['success_status'];
    score: { scaled: number | null; raw: number | null; min: number | null; max: number | null };
    totalSeconds: number;
    lastExit: string;
    sessions: number;
  },
): Promise<void> {
  const values = {
    cmi: JSON.stringify(s.cmi),
    completion_status: s.completion,
    success_status: s.success,
    score_scaled: s.score.scaled,
    score_raw: s.score.raw,
    score_min: s.score.min,
    score_max: s.score.max,
    total_time_seconds: s.totalSeconds,
    last_exit: s.lastExit,
    sessions: s.sessions,
    updated_at: new Date(),
  };
  await tx
    .insertInto('player_sco_states')
    .values({ municipality_id: municipalityId, attempt_id: attemptId, item_identifier: s.item, ...values })
    .onConflict((oc) => oc.columns(['municipality_id', 'attempt_id', 'item_identifier']).doUpdateSet(values))
    .execute();
}

export async function addToOutbox(tx: TenantTx, municipalityId: string, attemptId: string, statements: { id: string }[]): Promise<void> {
  if (statements.length === 0) return;
  const { rows } = await sql<{ next: number }>`select coalesce(max(position), 0) + 1 as next from player_statement_outbox
    where municipality_id = ${municipalityId} and attempt_id = ${attemptId}`.execute(tx);
  const first = Number(rows[0]?.next ?? 1);
  await tx
    .insertInto('player_statement_outbox')
    .values(statements.map((s, i) => ({ municipality_id: municipalityId, statement_id: s.id, attempt_id: attemptId, position: first + i, statement: JSON.stringify(s) })))
    .execute();
}

export function readOutbox(tx: TenantTx, municipalityId: string, attemptId: string, limit: number) {
  return tx
    .selectFrom('player_statement_outbox')
    .select(['statement_id', 'statement'])
    .where('municipality_id', '=', municipalityId)
    .where('attempt_id', '=', attemptId)
    .orderBy('position')
    .limit(limit)
    .execute();
}

export async function removeFromOutbox(tx: TenantTx, municipalityId: string, statementIds: string[]): Promise<void> {
  if (statementIds.length === 0) return;
  await tx.deleteFrom('player_statement_outbox').where('municipality_id', '=', municipalityId).where('statement_id', 'in', statementIds).execute();
}

/** SCORM packages of the municipality with their latest version and the person's latest attempt at each. */
export async function listCourses(tx: TenantTx, municipalityId: string, personId: string) {
  const { rows } = await sql<{
    package_id: string;
    title: string;
    version_id: string;
    kind: ScormKind;
    item_count: number;
    attempt_id: string | null;
  }>`
    select p.id as package_id, p.title, v.id as version_id, v.kind,
      (select count(*)::int from package_launchables l where l.municipality_id = v.municipality_id and l.package_version_id = v.id and not l.external) as item_count,
      (select a.id from player_attempts a where a.municipality_id = p.municipality_id and a.package_id = p.id and a.person_id = ${personId}
        order by (a.ended_at is null) desc, a.started_at desc limit 1) as attempt_id
    from packages p
    join package_versions v on v.municipality_id = p.municipality_id and v.package_id = p.id and v.version = p.latest_version
    where p.municipality_id = ${municipalityId} and p.family = 'scorm'
    order by p.title, p.id`.execute(tx);
  return rows;
}

export async function findAttemptsWithVersion(tx: TenantTx, municipalityId: string, attemptIds: string[]) {
  if (attemptIds.length === 0) return [];
  return tx
    .selectFrom('player_attempts as a')
    .innerJoin('package_versions as v', (j) => j.onRef('v.municipality_id', '=', 'a.municipality_id').onRef('v.id', '=', 'a.package_version_id'))
    .select(['a.id', 'a.package_version_id', 'v.version', 'a.completion_status', 'a.success_status', 'a.score_scaled', 'a.total_time_seconds', 'a.suspended', 'a.started_at', 'a.last_launched_at', 'a.completed_at', 'a.ended_at'])
    .where('a.municipality_id', '=', municipalityId)
    .where('a.id', 'in', attemptIds)
    .execute();
}
