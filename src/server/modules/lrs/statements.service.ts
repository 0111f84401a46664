import { createHash, randomUUID } from 'node:crypto';
import { withTenant, type TenantTx } from '../../db/tenant.js';
import type { AppDeps } from '../../http/context.js';
import { gateCmi5Statements, type Followup } from '../cmi5/cmi5-lrs-hooks.js';
import { recordXapiStatements } from '../learning/records/xapi-source.js';
import type { LrsAuth } from './lrs-auth.js';
import {
  findAttachments,
  findStatementsByIds,
  insertAttachments,
  insertStatements,
  markVoided,
  queryStatements,
  upsertActivities,
  type Cursor,
  type NewStatementRow,
  type StatementFilter,
} from './statements.repository.js';
import { beginIngest, consistentThrough, endIngest } from './xapi/consistency.js';
import type { Part } from './xapi/multipart.js';
import { checkStatementSignature, SIGNATURE_USAGE } from './xapi/signature.js';
import { sameStatement } from './xapi/statement-equivalence.js';
import { formatStatement, prepareForStore } from './xapi/statement-format.js';
import { indexStatement } from './xapi/statement-index.js';
import { validateStatement } from './xapi/statement-validation.js';
import { isJsonObject } from './xapi/validation/primitives.js';
import type { XapiVersion } from './xapi/version.js';
import { xapiError } from './xapi/xapi-error.js';

type Json = Record<string, any>;

export type IncomingAttachment = { sha2: string; contentType: string; content: Buffer };

/** Attachment parts after the JSON part, keyed by their declared hash. */
export function attachmentParts(parts: Part[]): Map<string, IncomingAttachment> {
  const byHash = new Map<string, IncomingAttachment>();
  for (const part of parts) {
    const hash = part.headers['x-experience-api-hash'];
    if (!hash) throw xapiError.bad('Every attachment part needs an X-Experience-API-Hash header.');
    if ((part.headers['content-transfer-encoding'] ?? '').toLowerCase() !== 'binary') {
      throw xapiError.bad('Every attachment part needs "Content-Transfer-Encoding: binary".');
    }
    const actual = createHash('sha256').update(part.body).digest('hex');
    if (actual !== hash.toLowerCase()) throw xapiError.bad(`An attachment's content does not match its hash ${hash}.`);
    byHash.set(actual, { sha2: actual, contentType: part.headers['content-type'] ?? 'application/octet-stream', content: part.body });
  }
  return byHash;
}

// Activity definitions already written, per municipality, so a stream of
// statements about the same activity costs one upsert, not one per batch.
const knownDefinitions = new Map<string, string>();

function activityDefinitions(municipalityId: string, statements: Json[]): { id: string; definition: object }[] {
  const out = new Map<string, object>();
  const visit = (object: Json | undefined, context: Json | undefined) => {
    const add = (id: string, definition: Json) => out.set(id, out.has(id) ? mergeDefinitions(out.get(id) as Json, definition) : definition);
    if (object && (object.objectType ?? 'Activity') === 'Activity' && object.definition) add(object.id, object.definition);
    const ca = context?.contextActivities;
    if (ca) for (const kind of ['parent', 'grouping', 'category', 'other']) for (const a of [ca[kind] ?? []].flat()) if (a?.definition) add(a.id, a.definition);
    if (object?.objectType === 'SubStatement') visit(object.object, object.context);
  };
  for (const s of statements) visit(s.object, s.context);
  const changed: { id: string; definition: object }[] = [];
  for (const [id, definition] of out) {
    const key = `${municipalityId} ${id}`;
    const text = JSON.stringify(definition);
    if (knownDefinitions.get(key) === text) continue;
    changed.push({ id, definition });
  }
  return changed;
}

/** Two definitions of one activity in one batch, merged as upsertActivities merges them in the store. */
function mergeDefinitions(older: Json, newer: Json): Json {
  const merged: Json = { ...older, ...newer };
  for (const map of ['name', 'description']) {
    if (isJsonObject(older[map]) && isJsonObject(newer[map])) merged[map] = { ...older[map], ...newer[map] };
  }
  return merged;
}

function rememberDefinitions(municipalityId: string, written: { id: string; definition: object }[]) {
  if (knownDefinitions.size > 50_000) knownDefinitions.clear();
  for (const d of written) knownDefinitions.set(`${municipalityId} ${d.id}`, JSON.stringify(d.definition));
}

/** Checks a batch against the xAPI rules (and for ids repeated within it); returns it as objects. */
function validateBatch(input: unknown[], version: XapiVersion): Json[] {
  const issues = input.flatMap((s, i) => validateStatement(s, version).map((issue) => ({ ...issue, path: input.length > 1 ? `[${i}]${issue.path ? `.${issue.path}` : ''}` : issue.path })));
  if (issues.length > 0) throw xapiError.bad(`The statement is not valid: ${issues[0]!.path ? `${issues[0]!.path}: ` : ''}${issues[0]!.message}`, { issues: issues.slice(0, 50) });

  const statements = input as Json[];
  const seen = new Set<string>();
  for (const s of statements) {
    if (typeof s.id !== 'string') continue;
    const id = s.id.toLowerCase();
    if (seen.has(id)) throw xapiError.bad(`The statement id ${s.id} appears twice in one request.`);
    seen.add(id);
  }
  return statements;
}

function prepareRows(statements: Json[], auth: LrsAuth, version: XapiVersion, stored: string): NewStatementRow[] {
  return statements.map((s) => {
    const id = typeof s.id === 'string' ? s.id.toLowerCase() : randomUUID();
    const prepared = prepareForStore(s, { id, stored, authority: auth.authority, version }) as Json;
    return { id, stored, statement: prepared, index: indexStatement(prepared), credentialId: auth.credentialId };
  });
}

/** The writes of one batch, in the caller's transaction. */
async function writeBatch(
  tx: TenantTx,
  auth: LrsAuth,
  statements: Json[],
  rows: NewStatementRow[],
  definitions: { id: string; definition: object }[],
  attachments: Map<string, IncomingAttachment>,
): Promise<Set<string>> {
  // Voiding targets first: a voiding statement must not target another voiding statement.
  const voidTargets = rows.map((r) => r.index.voids).filter((v): v is string => v !== null);
  if (voidTargets.length > 0) {
    const inBatch = new Map(rows.map((r) => [r.id, r]));
    for (const target of voidTargets) if (inBatch.get(target)?.index.voids) throw xapiError.bad('A voiding statement cannot be voided.');
    const existingTargets = await findStatementsByIds(tx, auth.municipalityId, voidTargets);
    if (existingTargets.some((t) => t.voids !== null)) throw xapiError.bad('A voiding statement cannot be voided.');
  }
  const inserted = await insertStatements(tx, auth.municipalityId, rows);
  if (inserted.size < rows.length) {
    const existing = new Map((await findStatementsByIds(tx, auth.municipalityId, rows.filter((r) => !inserted.has(r.id)).map((r) => r.id))).map((e) => [e.id, e]));
    for (const row of rows) {
      if (inserted.has(row.id)) continue;
      const before = existing.get(row.id)!.statement as Json;
      const incoming = { ...(row.statement as Json) };
      const original = statements[rows.indexOf(row)]!;
      const compareBefore = { ...before };
      if (original.timestamp === undefined) {
        delete incoming.timestamp;
        delete compareBefore.timestamp;
      }
      if (!sameStatement(compareBefore, incoming)) throw xapiError.conflict(`A different statement with the id ${row.id} is already stored.`);
    }
  }
  if (voidTargets.length > 0) await markVoided(tx, auth.municipalityId, voidTargets);
  if (definitions.length > 0) await upsertActivities(tx, auth.municipalityId, definitions);
  if (attachments.size > 0) await insertAttachments(tx, auth.municipalityId, [...attachments.values()]);
  return inserted;
}

/**
 * Validates and stores statements atomically: all or none. Returns their ids
 * in order. A statement whose id exists already is accepted when it is the
 * same statement (idempotent retries), refused with 409 otherwise.
 */
export async function storeStatements(deps: AppDeps, auth: LrsAuth, version: XapiVersion, input: unknown[], attachments: Map<string, IncomingAttachment>): Promise<string[]> {
  const statements = validateBatch(input, version);

  // Attachments: every declared one without a fileUrl must arrive as a part, and every part must be declared.
  const used = new Set<string>();
  for (const s of statements) {
    for (const a of (s.attachments ?? []) as Json[]) {
      const part = attachments.get(String(a.sha2).toLowerCase());
      if (!part) {
        if (a.fileUrl === undefined) throw xapiError.bad(`The attachment ${a.sha2} has neither a fileUrl nor a part in the request.`);
        if (a.usageType === SIGNATURE_USAGE) throw xapiError.bad('A signature attachment must be sent in the request.');
        continue;
      }
      used.add(part.sha2);
      if (a.usageType === SIGNATURE_USAGE) {
        if (a.contentType !== 'application/octet-stream') throw xapiError.bad('A signature attachment must have contentType application/octet-stream.');
        checkStatementSignature(s, part.content.toString('utf8'));
      }
    }
  }
  for (const hash of attachments.keys()) if (!used.has(hash)) throw xapiError.bad(`The attachment part ${hash} belongs to no statement.`);

  const stored = new Date().toISOString();
  // A cmi5 session token (an AU) goes through the cmi5 rules in the transaction below; 'full' credentials skip them.
  const followups: Followup[] = [];
  const ticket = beginIngest(stored);
  try {
    const rows = prepareRows(statements, auth, version, stored);
    const definitions = activityDefinitions(auth.municipalityId, statements);
    await withTenant(deps.db, auth.municipalityId, async (tx) => {
      if (auth.scope !== 'full') {
        const followup = await gateCmi5Statements(deps, tx, auth, statements);
        if (followup) followups.push(followup);
      }
      const inserted = await writeBatch(tx, auth, statements, rows, definitions, attachments);
      await recordXapiStatements(tx, deps.config.publicUrl, auth.municipalityId, rows.filter((r) => inserted.has(r.id)));
    });
    rememberDefinitions(auth.municipalityId, definitions);
    if (followups.length > 0) {
      // Stored and committed: now what the statements cause (cmi5 "satisfied"), outside this batch.
      endIngest(ticket);
      for (const followup of followups) await followup();
    }
    return rows.map((r) => r.id);
  } finally {
    endIngest(ticket);
  }
}

/** Stores statements in the transaction it is handed by withStatementTransaction. */
export type StoreInTransaction = (auth: LrsAuth, statements: unknown[]) => Promise<string[]>;

/**
 * Runs `fn` in a tenant transaction with a `store` that validates and writes
 * statements (exactly as storeStatements does) in that same transaction, so
 * Mestring's own records and the statements that describe them commit or roll
 * back together. For Mestring's own 'full' authorities: no attachments, no
 * cmi5 gate. The consistency ticket and the activity-definition cache wait
 * for the transaction's end, as the statements only become visible then.
 */
export async function withStatementTransaction<T>(db: AppDeps['db'], municipalityId: string, version: XapiVersion, fn: (tx: TenantTx, store: StoreInTransaction) => Promise<T>): Promise<T> {
  const tickets: number[] = [];
  const written: { id: string; definition: object }[] = [];
  try {
    const result = await withTenant(db, municipalityId, (tx) =>
      fn(tx, async (auth, input) => {
        if (auth.municipalityId !== municipalityId || auth.scope !== 'full') throw new Error('withStatementTransaction stores only full-scope statements of its own municipality');
        const statements = validateBatch(input, version);
        const stored = new Date().toISOString();
        tickets.push(beginIngest(stored));
        const rows = prepareRows(statements, auth, version, stored);
        const definitions = activityDefinitions(municipalityId, statements);
        await writeBatch(tx, auth, statements, rows, definitions, new Map());
        written.push(...definitions);
        return rows.map((r) => r.id);
      }),
    );
    rememberDefinitions(municipalityId, written);
    return result;
  } finally {
    for (const ticket of tickets) endIngest(ticket);
  }
}

export type StatementFormat = 'exact' | 'ids' | 'canonical';

export type SingleQuery = { id: string; voided: boolean; format: StatementFormat; attachments: boolean; acceptLanguage: string | undefined };

/** GET ?statementId / ?voidedStatementId. null = not found (or voided / not voided). */
export async function getStatement(deps: AppDeps, auth: LrsAuth, q: SingleQuery) {
  return withTenant(deps.db, auth.municipalityId, async (tx) => {
    const [row] = await findStatementsByIds(tx, auth.municipalityId, [q.id.toLowerCase()]);
    if (!row || row.voided !== q.voided) return null;
    const statement = formatStatement(row.statement as never, q.format, q.acceptLanguage);
    const files = q.attachments ? await findAttachments(tx, auth.municipalityId, attachmentHashesOf([row.statement as Json])) : [];
    return { statement, stored: row.stored as Date, attachments: files };
  });
}

export type PageQuery = {
  filter: StatementFilter;
  cursor: Cursor | null;
  limit: number;
  ascending: boolean;
  format: StatementFormat;
  attachments: boolean;
  acceptLanguage: string | undefined;
};

export async function getStatementPage(deps: AppDeps, auth: LrsAuth, q: PageQuery) {
  const through = consistentThrough();
  return withTenant(deps.db, auth.municipalityId, async (tx) => {
    const rows = await queryStatements(tx, auth.municipalityId, q.filter, q.cursor, q.limit + 1, q.ascending);
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    const next: Cursor | null = rows.length > q.limit && last ? { stored: new Date(last.stored).toISOString(), seq: Number(last.seq) } : null;
    const statements = page.map((r) => formatStatement(r.statement as never, q.format, q.acceptLanguage));
    const files = q.attachments ? await findAttachments(tx, auth.municipalityId, attachmentHashesOf(page.map((r) => r.statement as Json))) : [];
    return { statements, next, consistentThrough: through, attachments: files };
  });
}

function attachmentHashesOf(statements: Json[]): string[] {
  const hashes = new Set<string>();
  for (const s of statements) for (const a of (s.attachments ?? []) as Json[]) if (typeof a.sha2 === 'string') hashes.add(a.sha2);
  return [...hashes];
}
