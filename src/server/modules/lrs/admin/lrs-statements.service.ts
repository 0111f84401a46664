import type { LrsStatementFilter, LrsStatementPage, LrsStatementRow } from '../../../../shared/api/lrs.js';
import { LANGUAGES, type Language } from '../../../../shared/domain.js';
import { withTenant } from '../../../db/tenant.js';
import { AppError } from '../../../http/app-error.js';
import { actorOf, requirePrincipal, type RequestContext } from '../../../http/context.js';
import { assertMunicipalityVisible } from '../../access/access.policy.js';
import type { Principal } from '../../access/principal.js';
import { recordAudit } from '../../audit/audit.repository.js';
import { personAgentKey } from '../xapi/identity.js';
import { lrsAdminPolicy } from './lrs-admin.policy.js';
import { listStatements, personExists, personNames, type StatementCursor, type StatementFilter, type StatementRowDb } from './lrs-statements.repository.js';
import { mestringPersonId, summarizeStatement } from './statement-summary.js';

// The statement browser and its exports. Statements are personal data about
// people's learning, so reading them is limited to administrators and
// competence advisors, and every export is audited with its filters.

const ISO_MICROS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** True when the text names a real instant (no 30 February), so the SQL cast cannot fail. */
function sameInstantText(text: string): boolean {
  const d = new Date(`${text.slice(0, 23)}Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 19) === text.slice(0, 19);
}

export function encodeCursor(row: { stored_at: string; seq: number }): string {
  return Buffer.from(`${row.stored_at}|${row.seq}`).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): StatementCursor | undefined {
  if (!cursor) return undefined;
  const [stored, seq, ...rest] = Buffer.from(cursor, 'base64url').toString().split('|');
  // Checked strictly: both values go into SQL casts, where a malformed one would be a 500.
  const valid =
    rest.length === 0 &&
    !!stored &&
    ISO_MICROS.test(stored) &&
    sameInstantText(stored) &&
    !!seq &&
    /^[1-9]\d{0,15}$/.test(seq) &&
    Number.isSafeInteger(Number(seq));
  if (!valid) throw AppError.validation('The page cursor is invalid.', { issues: [{ path: ['cursor'], message: 'invalid cursor' }] });
  return { stored: stored!, seq: Number(seq) };
}

function authorize(ctx: RequestContext, municipalityId: string): Principal {
  const p = requirePrincipal(ctx);
  assertMunicipalityVisible(p, municipalityId);
  if (!lrsAdminPolicy.readStatements(p, municipalityId)) throw AppError.forbidden();
  return p;
}

function readerLanguage(p: Principal, requested: Language | undefined): Language {
  if (requested) return requested;
  return (LANGUAGES as readonly string[]).includes(p.preferredLanguage) ? (p.preferredLanguage as Language) : 'nb';
}

/** The repository filter for the query; a person must be one of this municipality's. */
async function toFilter(ctx: RequestContext, municipalityId: string, q: LrsStatementFilter): Promise<Omit<StatementFilter, 'cursor'>> {
  if (q.personId && q.email) {
    throw AppError.validation('Filter by a person or by an e-mail address, not both.', { issues: [{ path: ['email'], message: 'give either personId or email' }] });
  }
  if (q.since && q.until && Date.parse(q.since) >= Date.parse(q.until)) {
    throw AppError.validation('"since" must be before "until".', { issues: [{ path: ['until'], message: 'must be after since' }] });
  }
  if (q.personId) {
    const exists = await withTenant(ctx.db, municipalityId, (tx) => personExists(tx, municipalityId, q.personId!));
    // Another municipality's person does not exist from here.
    if (!exists) throw AppError.validation('There is no such person in this municipality.', { issues: [{ path: ['personId'], message: 'unknown person' }] });
  }
  const agentKey = q.personId ? personAgentKey(ctx.config.publicUrl, q.personId) : q.email ? `mbox:mailto:${q.email.toLowerCase()}` : undefined;
  return {
    ...(agentKey ? { agentKey } : {}),
    ...(q.activityId ? { activityId: q.activityId } : {}),
    ...(q.verbId ? { verbId: q.verbId } : {}),
    ...(q.since ? { since: q.since } : {}),
    ...(q.until ? { until: q.until } : {}),
  };
}

async function summarize(ctx: RequestContext, municipalityId: string, rows: StatementRowDb[], lang: Language): Promise<LrsStatementRow[]> {
  const ids = rows.map((r) => mestringPersonId((r.statement as { actor?: Record<string, unknown> } | null)?.actor, ctx.config.publicUrl)).filter((id): id is string => !!id);
  const names = await withTenant(ctx.db, municipalityId, (tx) => personNames(tx, municipalityId, ids));
  return rows.map((r) => summarizeStatement(r, lang, ctx.config.publicUrl, names));
}

export async function browseStatements(ctx: RequestContext, municipalityId: string, q: LrsStatementFilter & { cursor?: string | undefined; limit: number }): Promise<LrsStatementPage> {
  const p = authorize(ctx, municipalityId);
  const cursor = decodeCursor(q.cursor);
  const filter = await toFilter(ctx, municipalityId, q);
  const rows = await withTenant(ctx.db, municipalityId, (tx) => listStatements(tx, municipalityId, { ...filter, ...(cursor ? { cursor } : {}) }, q.limit));
  const items = rows.slice(0, q.limit);
  const last = items.at(-1);
  return { items: await summarize(ctx, municipalityId, items, readerLanguage(p, q.lang)), nextCursor: rows.length > q.limit && last ? encodeCursor(last) : null };
}

/** How many statements an export reads per round trip: small enough to keep memory flat. */
export const EXPORT_BATCH = 500;

export type StatementExport = {
  /** Every matching statement, newest first, batch by batch. */
  batches: () => AsyncGenerator<{ rows: StatementRowDb[]; summaries: () => Promise<LrsStatementRow[]> }>;
};

/**
 * Checks access and the filters, audits the export, and hands back the batches
 * to stream. Everything that can fail with an error answer happens here,
 * before the first byte is sent.
 */
export async function startStatementExport(ctx: RequestContext, municipalityId: string, q: LrsStatementFilter & { format: 'csv' | 'json' }): Promise<StatementExport> {
  const p = authorize(ctx, municipalityId);
  const filter = await toFilter(ctx, municipalityId, q);
  const lang = readerLanguage(p, q.lang);
  await withTenant(ctx.db, municipalityId, (tx) =>
    recordAudit(tx, municipalityId, actorOf(ctx), {
      action: 'lrs_statements.export',
      entityType: 'lrs_statements',
      entityId: municipalityId,
      after: { format: q.format, filter: { personId: q.personId ?? null, email: q.email ?? null, activityId: q.activityId ?? null, verbId: q.verbId ?? null, since: q.since ?? null, until: q.until ?? null } },
    }),
  );
  return {
    async *batches() {
      let cursor: StatementCursor | undefined;
      for (;;) {
        const rows = await withTenant(ctx.db, municipalityId, (tx) => listStatements(tx, municipalityId, { ...filter, ...(cursor ? { cursor } : {}) }, EXPORT_BATCH));
        const batch = rows.slice(0, EXPORT_BATCH);
        if (batch.length > 0) yield { rows: batch, summaries: () => summarize(ctx, municipalityId, batch, lang) };
        const last = batch.at(-1);
        if (rows.length <= EXPORT_BATCH || !last) return;
        cursor = { stored: last.stored_at, seq: last.seq };
      }
    },
  };
}
