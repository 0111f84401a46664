import { randomUUID } from 'node:crypto';
import type { Language } from '../../../../shared/domain.js';
import { appSecret } from '../../../db/app-secrets.js';
import { withTenant, type TenantTx } from '../../../db/tenant.js';
import type { AppDeps } from '../../../http/context.js';
import { recordAudit, SYSTEM_ACTOR, type Actor } from '../../audit/audit.repository.js';
import * as repo from './certificates.repository.js';
import { decryptIssuerKey, generateIssuerKey, signCompactJws, type PublicEd25519Jwk } from './issuer-key-crypto.js';
import * as keys from './issuer-keys.repository.js';
import { buildCredential, keyUri, subjectId, vcJwtParts } from './open-badge.js';

// Signing badges with the municipality's active key. The app secret that
// encrypts private keys is read before the tenant transaction opens (the
// tenant role has no access to app_secrets), then handed in.

const SECRET_NAME = 'issuer-keys';
export const issuerKeySecret = (deps: Pick<AppDeps, 'db'>) => appSecret(deps.db, SECRET_NAME);

/** The active key, made on first use (audited as the system's doing). */
export async function activeIssuerKey(tx: TenantTx, municipalityId: string, secret: Buffer, actor: Actor = SYSTEM_ACTOR) {
  const active = await keys.findActiveIssuerKey(tx, municipalityId);
  if (active) return active;
  await createIssuerKey(tx, municipalityId, secret, actor);
  const created = await keys.findActiveIssuerKey(tx, municipalityId);
  if (!created) throw new Error('no active issuer key after creating one');
  return created;
}

/** Stores a new active key; the caller retires the previous one first when rotating. */
export async function createIssuerKey(tx: TenantTx, municipalityId: string, secret: Buffer, actor: Actor): Promise<string | null> {
  const keyId = randomUUID();
  const key = generateIssuerKey(secret, municipalityId, keyId);
  if (!(await keys.insertActiveIssuerKey(tx, municipalityId, keyId, key.publicJwk, key.privateKeyEncrypted))) return null;
  await recordAudit(tx, municipalityId, actor, { action: 'issuer_key.created', entityType: 'issuer_key', entityId: keyId, after: { algorithm: 'Ed25519', publicJwk: key.publicJwk } });
  return keyId;
}

/** The certificate's VC-JWT: signed once, on first request, then stored and returned as is. */
export async function ensureBadge(deps: Pick<AppDeps, 'db' | 'config'>, municipalityId: string, certificateId: string): Promise<string> {
  const secret = await issuerKeySecret(deps);
  return withTenant(deps.db, municipalityId, async (tx) => {
    const locked = await repo.lockCertificate(tx, municipalityId, certificateId);
    if (!locked) throw new Error(`certificate ${certificateId} vanished`);
    if (locked.badge_jwt) return locked.badge_jwt;
    const cert = (await repo.findCertificate(tx, municipalityId, certificateId))!;
    const { person, item } = await repo.badgeFacts(tx, municipalityId, cert.person_id, cert.item_municipality_id, cert.item_id);
    const key = await activeIssuerKey(tx, municipalityId, secret);
    const language = cert.language as Language;
    const credential = buildCredential({
      publicUrl: deps.config.publicUrl,
      municipalityId,
      issuerName: cert.issuer_name,
      certificateId,
      itemId: cert.item_id,
      itemTitle: cert.item_title,
      itemDescription: item?.descriptions[language] ?? null,
      language,
      validFrom: cert.issued_at,
      recipient: { email: person?.email ?? null, name: cert.holder_name },
      subjectId: subjectId(secret, municipalityId, cert.person_id),
    });
    const { header, payload } = vcJwtParts(credential, keyUri(deps.config.publicUrl, municipalityId, key.id));
    const jwt = signCompactJws(header, payload, decryptIssuerKey(secret, municipalityId, key.id, Buffer.from(key.private_key_encrypted)));
    await repo.storeBadge(tx, municipalityId, certificateId, jwt, key.id);
    return jwt;
  });
}

export const publicJwkWithKid = (publicUrl: string, municipalityId: string, keyId: string, jwk: PublicEd25519Jwk | Record<string, string>) => ({
  kty: 'OKP' as const,
  crv: 'Ed25519' as const,
  x: String(jwk.x),
  kid: keyUri(publicUrl, municipalityId, keyId),
  alg: 'EdDSA' as const,
  use: 'sig' as const,
});
