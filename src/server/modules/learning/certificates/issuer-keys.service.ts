import type { IssuerKey } from '../../../../shared/api/certificates.js';
import { withTenant, type TenantTx } from '../../../db/tenant.js';
import { AppError } from '../../../http/app-error.js';
import { actorOf, requirePrincipal, type RequestContext } from '../../../http/context.js';
import { assertMunicipalityVisible } from '../../access/access.policy.js';
import { recordAudit } from '../../audit/audit.repository.js';
import { createIssuerKey, issuerKeySecret, publicJwkWithKid } from './badge-signing.js';
import { certificatesPolicy } from './certificates.policy.js';
import * as keys from './issuer-keys.repository.js';

// The administrator's view of the municipality's badge signing keys: public
// parts only. Rotation retires the active key (kept, so badges it signed still
// verify) and makes a new one that signs from then on.

function authorize(ctx: RequestContext, municipalityId: string) {
  const p = requirePrincipal(ctx);
  assertMunicipalityVisible(p, municipalityId);
  if (!certificatesPolicy.manageKeys(p, municipalityId)) throw AppError.forbidden();
}

async function presentKeys(tx: TenantTx, ctx: RequestContext, municipalityId: string): Promise<IssuerKey[]> {
  return (await keys.listIssuerKeys(tx, municipalityId)).map((k) => {
    const publicJwk = publicJwkWithKid(ctx.config.publicUrl, municipalityId, k.id, k.public_jwk);
    return { id: k.id, kid: publicJwk.kid, algorithm: k.algorithm, publicJwk, createdAt: k.created_at.toISOString(), retiredAt: k.retired_at?.toISOString() ?? null };
  });
}

export async function listKeys(ctx: RequestContext, municipalityId: string): Promise<IssuerKey[]> {
  authorize(ctx, municipalityId);
  return withTenant(ctx.db, municipalityId, (tx) => presentKeys(tx, ctx, municipalityId));
}

export async function rotateKey(ctx: RequestContext, municipalityId: string): Promise<IssuerKey[]> {
  authorize(ctx, municipalityId);
  const secret = await issuerKeySecret(ctx);
  return withTenant(ctx.db, municipalityId, async (tx) => {
    const retired = await keys.retireActiveIssuerKey(tx, municipalityId, new Date());
    const created = await createIssuerKey(tx, municipalityId, secret, actorOf(ctx));
    if (!created) throw AppError.conflict('Another rotation happened at the same time. Reload and try again.', { reason: 'STALE' });
    await recordAudit(tx, municipalityId, actorOf(ctx), { action: 'issuer_key.rotated', entityType: 'issuer_key', entityId: created, before: { activeKeyId: retired }, after: { activeKeyId: created } });
    return presentKeys(tx, ctx, municipalityId);
  });
}
