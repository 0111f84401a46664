import { sql } from 'kysely';
import type { TenantTx } from '../../db/tenant.js';

// SQL for the three xAPI document stores (State, Activity Profile, Agent
// Profile) in xapi_documents, and the read-only look-ups behind GET /activities
// and GET /agents. Every call takes the municipality id and runs inside
// withTenant(), so row-level security backs up the explicit filter.

export type DocumentKind = 'state' | 'activity_profile' | 'agent_profile';

/** Where one document lives: unused parts are '' so the primary key stays total. */
export type DocumentKey = {
  kind: DocumentKind;
  activityId: string;
  agentKey: string;
  registration: string;
  documentId: string;
};

/** A set of documents (the multiple-document GET and DELETE); registration null means any. */
export type DocumentScope = Omit<DocumentKey, 'documentId' | 'registration'> & { registration: string | null };

export type StoredDocument = {
  content: Buffer;
  contentType: string;
  isJson: boolean;
  etag: string;
  updated: Date;
};

export type NewDocument = Omit<StoredDocument, 'updated'>;

function whereKey(tx: TenantTx, municipalityId: string, key: DocumentKey) {
  return tx
    .selectFrom('xapi_documents')
    .where('municipality_id', '=', municipalityId)
    .where('kind', '=', key.kind)
    .where('activity_id', '=', key.activityId)
    .where('agent_key', '=', key.agentKey)
    .where('registration', '=', key.registration)
    .where('document_id', '=', key.documentId);
}

// PGlite hands bytea back as a Uint8Array, node-postgres as a Buffer; callers get a Buffer either way.
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** One document; `lock` holds its row until the transaction ends, so a conditional write cannot interleave. */
export async function findDocument(tx: TenantTx, municipalityId: string, key: DocumentKey, lock = false): Promise<StoredDocument | undefined> {
  let query = whereKey(tx, municipalityId, key).select(['content', 'content_type', 'is_json', 'etag', 'updated']);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row && { content: asBuffer(row.content), contentType: row.content_type, isJson: row.is_json, etag: row.etag, updated: row.updated };
}

/** Creates the document; false when another request created it first (the caller re-reads and decides again). */
export async function insertDocument(tx: TenantTx, municipalityId: string, key: DocumentKey, doc: NewDocument): Promise<boolean> {
  const inserted = await tx
    .insertInto('xapi_documents')
    .values({
      municipality_id: municipalityId,
      kind: key.kind,
      activity_id: key.activityId,
      agent_key: key.agentKey,
      registration: key.registration,
      document_id: key.documentId,
      content: doc.content,
      content_type: doc.contentType,
      is_json: doc.isJson,
      etag: doc.etag,
      updated: sql<Date>`clock_timestamp()`,
    })
    .onConflict((oc) => oc.columns(['municipality_id', 'kind', 'activity_id', 'agent_key', 'registration', 'document_id']).doNothing())
    .returning('document_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function replaceDocument(tx: TenantTx, municipalityId: string, key: DocumentKey, doc: NewDocument): Promise<void> {
  await tx
    .updateTable('xapi_documents')
    .set({ content: doc.content, content_type: doc.contentType, is_json: doc.isJson, etag: doc.etag, updated: sql<Date>`clock_timestamp()` })
    .where('municipality_id', '=', municipalityId)
    .where('kind', '=', key.kind)
    .where('activity_id', '=', key.activityId)
    .where('agent_key', '=', key.agentKey)
    .where('registration', '=', key.registration)
    .where('document_id', '=', key.documentId)
    .execute();
}

export async function deleteDocument(tx: TenantTx, municipalityId: string, key: DocumentKey): Promise<void> {
  await tx
    .deleteFrom('xapi_documents')
    .where('municipality_id', '=', municipalityId)
    .where('kind', '=', key.kind)
    .where('activity_id', '=', key.activityId)
    .where('agent_key', '=', key.agentKey)
    .where('registration', '=', key.registration)
    .where('document_id', '=', key.documentId)
    .execute();
}

/** The ids in a scope, changed after `since` (exclusive) when given, and when the newest of them changed. */
export async function listDocumentIds(
  tx: TenantTx,
  municipalityId: string,
  scope: DocumentScope,
  since: string | null,
): Promise<{ ids: string[]; lastModified: Date | null }> {
  let query = tx
    .selectFrom('xapi_documents')
    .select(['document_id'])
    .select((eb) => eb.fn.max('updated').as('updated'))
    .where('municipality_id', '=', municipalityId)
    .where('kind', '=', scope.kind)
    .where('activity_id', '=', scope.activityId)
    .where('agent_key', '=', scope.agentKey);
  if (scope.registration !== null) query = query.where('registration', '=', scope.registration);
  // Compared in the database: timestamptz keeps microseconds that a JavaScript Date would drop.
  if (since !== null) query = query.where('updated', '>', sql<Date>`${since}::timestamptz`);
  const rows = await query.groupBy('document_id').orderBy('document_id').execute();
  let lastModified: Date | null = null;
  for (const row of rows) {
    const updated = row.updated as Date;
    if (!lastModified || updated > lastModified) lastModified = updated;
  }
  return { ids: rows.map((r) => r.document_id), lastModified };
}

export async function deleteDocuments(tx: TenantTx, municipalityId: string, scope: DocumentScope): Promise<void> {
  let query = tx
    .deleteFrom('xapi_documents')
    .where('municipality_id', '=', municipalityId)
    .where('kind', '=', scope.kind)
    .where('activity_id', '=', scope.activityId)
    .where('agent_key', '=', scope.agentKey);
  if (scope.registration !== null) query = query.where('registration', '=', scope.registration);
  await query.execute();
}

/** The canonical definition the statement store keeps for an activity, or null when it has none. */
export async function findActivityDefinition(tx: TenantTx, municipalityId: string, activityId: string): Promise<object | null> {
  const row = await tx
    .selectFrom('xapi_activities')
    .select('definition')
    .where('municipality_id', '=', municipalityId)
    .where('activity_id', '=', activityId)
    .executeTakeFirst();
  if (!row || row.definition === null || row.definition === undefined) return null;
  return (typeof row.definition === 'string' ? JSON.parse(row.definition) : row.definition) as object;
}

/**
 * Actors of recent statements that mention the agent key (the GIN index on
 * related_agent_keys finds them); the caller keeps those that are the agent
 * itself. Bounded, because GET /agents only wants the names used for it.
 */
export async function recentActorsMentioning(tx: TenantTx, municipalityId: string, agentKey: string, limit = 200): Promise<unknown[]> {
  const rows = await tx
    .selectFrom('xapi_statements')
    .select(sql<unknown>`statement->'actor'`.as('actor'))
    .where('municipality_id', '=', municipalityId)
    .where(sql<boolean>`related_agent_keys @> array[${agentKey}]::text[]`)
    .where(sql<boolean>`statement->'actor'->>'name' is not null`)
    .limit(limit)
    .execute();
  return rows.map((r) => (typeof r.actor === 'string' ? JSON.parse(r.actor) : r.actor));
}
