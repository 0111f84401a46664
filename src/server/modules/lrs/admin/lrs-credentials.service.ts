import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { LrsCredential, LrsCredentialList, LrsCredentialSecret, rotateLrsCredentialBody } from '../../../../shared/api/lrs.js';
import type { DB } from '../../../db/schema.js';
import { withTenant } from '../../../db/tenant.js';
import { AppError } from '../../../http/app-error.js';
import { actorOf, requirePrincipal, type RequestContext } from '../../../http/context.js';
import { assertMunicipalityVisible } from '../../access/access.policy.js';
import { recordAudit, type Actor } from '../../audit/audit.repository.js';
import { forgetCredential } from '../lrs-auth.js';
import { findCredential, insertCredential, listCredentials, revokeCredential, rotateCredential, type CredentialRow } from '../lrs-credentials.repository.js';
import { lrsAdminPolicy } from './lrs-admin.policy.js';

// Credentials for learning content: create, list, rotate, revoke. The secret
// leaves the server exactly once (in the create or rotate answer) and never
// goes into the audit trail, a log or a list.

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentCredential(c: CredentialRow): LrsCredential {
  return {
    id: c.id,
    name: c.name,
    key: c.key,
    status: c.revokedAt ? 'revoked' : 'active',
    createdAt: c.createdAt.toISOString(),
    rotatedAt: iso(c.rotatedAt),
    previousValidUntil: iso(c.previousValidUntil),
    revokedAt: iso(c.revokedAt),
    lastUsedAt: iso(c.lastUsedAt),
  };
}

/** Where learning content sends its statements. */
export const xapiEndpoint = (publicUrl: string) => `${publicUrl}/xapi`;

/** What the audit trail keeps of a credential: never the secret or its hash. */
const auditView = (c: CredentialRow) => ({ name: c.name, key: c.key, revokedAt: iso(c.revokedAt), rotatedAt: iso(c.rotatedAt), previousValidUntil: iso(c.previousValidUntil) });

/** Creates a credential and audits it; shared by the API and the CLI. */
export async function issueCredential(db: Kysely<DB>, publicUrl: string, municipalityId: string, name: string, actor: Actor): Promise<LrsCredentialSecret> {
  const created = await withTenant(db, municipalityId, async (tx) => {
    const row = await insertCredential(tx, municipalityId, name, actor.userId);
    await recordAudit(tx, municipalityId, actor, { action: 'lrs_credential.create', entityType: 'lrs_credential', entityId: row.id, after: auditView(row) });
    return row;
  });
  return { credential: presentCredential(created), endpoint: xapiEndpoint(publicUrl), key: created.key, secret: created.secret };
}

function authorize(ctx: RequestContext, municipalityId: string): void {
  const p = requirePrincipal(ctx);
  assertMunicipalityVisible(p, municipalityId);
  if (!lrsAdminPolicy.manageCredentials(p, municipalityId)) throw AppError.forbidden();
}

export async function listMunicipalityCredentials(ctx: RequestContext, municipalityId: string): Promise<LrsCredentialList> {
  authorize(ctx, municipalityId);
  const rows = await withTenant(ctx.db, municipalityId, (tx) => listCredentials(tx, municipalityId));
  return { endpoint: xapiEndpoint(ctx.config.publicUrl), items: rows.map(presentCredential) };
}

export async function createCredential(ctx: RequestContext, municipalityId: string, name: string): Promise<LrsCredentialSecret> {
  authorize(ctx, municipalityId);
  return issueCredential(ctx.db, ctx.config.publicUrl, municipalityId, name, actorOf(ctx));
}

/** The credential, or 404 when this municipality has none with the id; 409 when it is revoked already. */
async function activeCredential(tx: Parameters<typeof findCredential>[0], municipalityId: string, credentialId: string): Promise<CredentialRow> {
  const found = await findCredential(tx, municipalityId, credentialId);
  if (!found) throw AppError.notFound('Credential');
  if (found.revokedAt) throw AppError.conflict('This credential is revoked; create a new one instead.', { reason: 'revoked' });
  return found;
}

export async function rotateMunicipalCredential(
  ctx: RequestContext,
  municipalityId: string,
  credentialId: string,
  body: z.infer<typeof rotateLrsCredentialBody>,
): Promise<LrsCredentialSecret> {
  authorize(ctx, municipalityId);
  const rotated = await withTenant(ctx.db, municipalityId, async (tx) => {
    const before = await activeCredential(tx, municipalityId, credentialId);
    const row = await rotateCredential(tx, municipalityId, credentialId, body.graceHours);
    // Revoked between the read and the update (another admin at the same moment).
    if (!row) throw AppError.conflict('This credential is revoked; create a new one instead.', { reason: 'revoked' });
    await recordAudit(tx, municipalityId, actorOf(ctx), {
      action: 'lrs_credential.rotate',
      entityType: 'lrs_credential',
      entityId: row.id,
      before: auditView(before),
      after: { ...auditView(row), graceHours: body.graceHours },
    });
    return row;
  });
  forgetCredential(rotated.key); // after the commit, so no request re-caches the old secret
  return { credential: presentCredential(rotated), endpoint: xapiEndpoint(ctx.config.publicUrl), key: rotated.key, secret: rotated.secret };
}

export async function revokeMunicipalCredential(ctx: RequestContext, municipalityId: string, credentialId: string): Promise<LrsCredential> {
  authorize(ctx, municipalityId);
  const revoked = await withTenant(ctx.db, municipalityId, async (tx) => {
    const before = await activeCredential(tx, municipalityId, credentialId);
    const row = await revokeCredential(tx, municipalityId, credentialId);
    if (!row) throw AppError.conflict('This credential is revoked already.', { reason: 'revoked' });
    await recordAudit(tx, municipalityId, actorOf(ctx), { action: 'lrs_credential.revoke', entityType: 'lrs_credential', entityId: row.id, before: auditView(before), after: auditView(row) });
    return row;
  });
  forgetCredential(revoked.key); // after the commit, so no request re-caches the credential as still valid
  return presentCredential(revoked);
}
