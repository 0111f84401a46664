import type { z } from 'zod';
import type { AuditEvent, auditQuery } from '../../../shared/api/audit.js';
import { withTenant } from '../../db/tenant.js';
import { AppError } from '../../http/app-error.js';
import { requirePrincipal, type RequestContext } from '../../http/context.js';
import { assertMunicipalityVisible } from '../access/access.policy.js';
import { tenancyPolicy } from '../tenancy/tenancy.policy.js';
import { networkMembersIfExists } from '../tenancy/tenancy.repository.js';
import { auditPolicy } from './audit.policy.js';
import { listAuditEvents, listPlatformAuditEvents, type AuditFilter } from './audit.repository.js';

type Query = z.infer<typeof auditQuery>;
type Row = { id: string; occurred_at: Date; cursor_at: string; actor_user_id: string | null; actor_label: string; action: string; entity_type: string; entity_id: string; before: unknown; after: unknown };

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function decodeCursor(cursor: string | undefined): AuditFilter['cursor'] {
  if (!cursor) return undefined;
  try {
    const [occurredAt, id] = Buffer.from(cursor, 'base64url').toString().split('|');
    // Checked strictly: both values go into SQL casts, where a malformed one would be a 500.
    const canonical = !!occurredAt && ISO_UTC.test(occurredAt) && !Number.isNaN(Date.parse(occurredAt)) && new Date(occurredAt).toISOString().slice(0, 19) === occurredAt.slice(0, 19);
    if (!occurredAt || !id || !canonical || !UUID.test(id)) throw new Error('bad');
    return { occurredAt, id };
  } catch {
    throw AppError.validation('The page cursor is invalid.', { field: 'cursor' });
  }
}

function page(rows: Row[], limit: number) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const nextCursor = rows.length > limit && last ? Buffer.from(`${last.cursor_at}|${last.id}`).toString('base64url') : null;
  return {
    items: items.map(
      (r): AuditEvent => ({
        id: r.id,
        occurredAt: r.occurred_at.toISOString(),
        actorUserId: r.actor_user_id,
        actorLabel: r.actor_label,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        before: r.before ?? null,
        after: r.after ?? null,
      }),
    ),
    nextCursor,
  };
}

const filterOf = (q: Query): AuditFilter => ({ ...q, cursor: decodeCursor(q.cursor) });

export async function listMunicipalityAudit(ctx: RequestContext, municipalityId: string, q: Query) {
  const p = requirePrincipal(ctx);
  assertMunicipalityVisible(p, municipalityId);
  if (!auditPolicy.readMunicipality(p, municipalityId)) throw AppError.forbidden();
  const rows = await withTenant(ctx.db, municipalityId, (tx) => listAuditEvents(tx, municipalityId, filterOf(q)));
  return page(rows as Row[], q.limit);
}

export async function listNetworkAudit(ctx: RequestContext, networkId: string, q: Query) {
  const p = requirePrincipal(ctx);
  const members = await networkMembersIfExists(ctx.db, networkId);
  if (!members || !tenancyPolicy.seeNetwork(p, networkId, members)) throw AppError.notFound('Network');
  if (!auditPolicy.readNetwork(p, networkId)) throw AppError.forbidden();
  return page((await listPlatformAuditEvents(ctx.db, networkId, filterOf(q))) as Row[], q.limit);
}
