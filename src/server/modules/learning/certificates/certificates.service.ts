import type { z } from 'zod';
import type { Certificate, certificateListQuery } from '../../../../shared/api/certificates.js';
import type { Language } from '../../../../shared/domain.js';
import { withTenant, type TenantTx } from '../../../db/tenant.js';
import { AppError } from '../../../http/app-error.js';
import { actorOf, requirePrincipal, type RequestContext } from '../../../http/context.js';
import { assertMunicipalityVisible } from '../../access/access.policy.js';
import type { Principal } from '../../access/principal.js';
import { recordAudit } from '../../audit/audit.repository.js';
import { unitSubtreeIds } from '../../tenancy/tenancy.repository.js';
import { ensureBadge } from './badge-signing.js';
import { renderCertificatePdf } from './certificate-pdf.js';
import * as repo from './certificates.repository.js';
import { certificatesPolicy } from './certificates.policy.js';
import { decodeCompactJws } from './issuer-key-crypto.js';
import { credentialOfPayload } from './open-badge.js';

export const verifyUrl = (publicUrl: string, code: string) => `${publicUrl}/verify/${code}`;

const present = (row: repo.CertificateRow, publicUrl: string): Certificate => ({
  id: row.id,
  municipalityId: row.municipality_id,
  personId: row.person_id,
  itemId: row.item_id,
  holderName: row.holder_name,
  itemTitle: row.item_title,
  language: row.language as Language,
  issuedAt: row.issued_at.toISOString(),
  completedAt: row.completed_at.toISOString(),
  outcome: row.outcome,
  scoreScaled: row.score_scaled,
  verificationCode: row.verification_code,
  verifyUrl: verifyUrl(publicUrl, row.verification_code),
  issuerName: row.issuer_name,
  revokedAt: row.revoked_at?.toISOString() ?? null,
  revokeReason: row.revoke_reason,
});

/** May the principal see this person's certificates: their own, or someone in their scope. */
async function canSeePerson(tx: TenantTx, p: Principal, municipalityId: string, personId: string): Promise<boolean> {
  if (certificatesPolicy.ownPersonId(p, municipalityId) === personId) return true;
  const scope = certificatesPolicy.othersScope(p, municipalityId);
  if (scope.kind === 'none') return false;
  const person = await tx.selectFrom('persons').select('id').where('municipality_id', '=', municipalityId).where('id', '=', personId).executeTakeFirst();
  if (!person) return false;
  if (scope.kind === 'all') return true;
  const allowed = await unitSubtreeIds(tx, municipalityId, scope.rootUnitIds);
  const units = await tx.selectFrom('person_units').select('unit_id').where('municipality_id', '=', municipalityId).where('person_id', '=', personId).execute();
  return units.some((u) => allowed.includes(u.unit_id));
}

export async function listCertificates(ctx: RequestContext, municipalityId: string, query: z.infer<typeof certificateListQuery>): Promise<Certificate[]> {
  const p = requirePrincipal(ctx);
  assertMunicipalityVisible(p, municipalityId);
  const own = certificatesPolicy.ownPersonId(p, municipalityId);
  const personId = query.personId ?? own;
  if (!personId) return [];
  if (personId !== own && certificatesPolicy.othersScope(p, municipalityId).kind === 'none') throw AppError.forbidden();
  return withTenant(ctx.db, municipalityId, async (tx) => {
    if (!(await canSeePerson(tx, p, municipalityId, personId))) throw AppError.notFound('Person');
    return (await repo.listCertificatesOfPerson(tx, municipalityId, personId)).map((r) => present(r, ctx.config.publicUrl));
  });
}

/** The certificate if the principal may see it; anyone else's is "not found". */
async function visibleCertificate(ctx: RequestContext, municipalityId: string, certificateId: string) {
  const p = requirePrincipal(ctx);
  assertMunicipalityVisible(p, municipalityId);
  return withTenant(ctx.db, municipalityId, async (tx) => {
    const row = await repo.findCertificate(tx, municipalityId, certificateId);
    if (!row || !(await canSeePerson(tx, p, municipalityId, row.person_id))) throw AppError.notFound('Certificate');
    const titles = await repo.itemTitles(tx, row.item_municipality_id, row.item_id);
    return { row, titles };
  });
}

const revokedConflict = () => AppError.conflict('This certificate has been revoked.', { reason: 'CERTIFICATE_REVOKED' });

export async function getCertificate(ctx: RequestContext, municipalityId: string, certificateId: string): Promise<Certificate> {
  return present((await visibleCertificate(ctx, municipalityId, certificateId)).row, ctx.config.publicUrl);
}

export async function certificatePdf(ctx: RequestContext, municipalityId: string, certificateId: string, lang: Language | undefined) {
  const { row, titles } = await visibleCertificate(ctx, municipalityId, certificateId);
  if (row.revoked_at) throw revokedConflict();
  // Another language than the issued one: the labels follow it, and so does the title where the item has one.
  const language = lang ?? (row.language as Language);
  const itemTitle = language === row.language ? row.item_title : (titles?.[language] ?? row.item_title);
  const pdf = await renderCertificatePdf({
    language,
    holderName: row.holder_name,
    itemTitle,
    outcome: row.outcome,
    completedAt: row.completed_at,
    scoreScaled: row.score_scaled,
    issuerName: row.issuer_name,
    country: row.country,
    verificationCode: row.verification_code,
    verifyUrl: verifyUrl(ctx.config.publicUrl, row.verification_code),
  });
  return { pdf, fileName: `certificate-${row.verification_code}.pdf` };
}

export async function certificateBadge(ctx: RequestContext, municipalityId: string, certificateId: string) {
  const { row } = await visibleCertificate(ctx, municipalityId, certificateId);
  if (row.revoked_at) throw revokedConflict();
  const jwt = await ensureBadge(ctx, municipalityId, certificateId);
  return { jwt, credential: credentialOfPayload(decodeCompactJws(jwt)!.payload), fileName: `badge-${row.verification_code}.jwt` };
}

export async function revokeCertificate(ctx: RequestContext, municipalityId: string, certificateId: string, reason: string): Promise<Certificate> {
  const p = requirePrincipal(ctx);
  assertMunicipalityVisible(p, municipalityId);
  if (!certificatesPolicy.revoke(p, municipalityId)) throw AppError.forbidden();
  return withTenant(ctx.db, municipalityId, async (tx) => {
    const before = await repo.findCertificate(tx, municipalityId, certificateId);
    if (!before) throw AppError.notFound('Certificate');
    if (!(await repo.revokeCertificate(tx, municipalityId, certificateId, reason, new Date()))) {
      throw AppError.conflict('This certificate is already revoked.', { reason: 'ALREADY_REVOKED' });
    }
    await recordAudit(tx, municipalityId, actorOf(ctx), { action: 'certificate.revoked', entityType: 'certificate', entityId: certificateId, before: { revokedAt: null }, after: { reason } });
    return present((await repo.findCertificate(tx, municipalityId, certificateId))!, ctx.config.publicUrl);
  });
}
