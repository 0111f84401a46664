import type { BadgeVerification, CodeVerification } from '../../../../shared/api/certificates.js';
import { withTenant } from '../../../db/tenant.js';
import { AppError } from '../../../http/app-error.js';
import type { AppDeps } from '../../../http/context.js';
import * as repo from './certificates.repository.js';
import { decodeCompactJws, verifyEdDsa, type PublicEd25519Jwk } from './issuer-key-crypto.js';
import * as keys from './issuer-keys.repository.js';
import { publicJwkWithKid } from './badge-signing.js';
import { credentialOfPayload, issuerId, OB_CONTEXTS } from './open-badge.js';
import { normalizeVerificationCode } from './verification-code.js';

// Public verification, without a session: by the code printed on a
// certificate, or by a badge's VC-JWT. The answers say what the certificate
// itself says (holder, item, dates, issuer) and whether it still stands; never
// why it was revoked, nor any id.

type Deps = Pick<AppDeps, 'db' | 'config'>;

export async function verifyCode(deps: Deps, input: string): Promise<CodeVerification> {
  const code = normalizeVerificationCode(input);
  const found = code ? await repo.lookupCode(deps.db, code) : undefined;
  if (!code || !found) throw AppError.notFound('Certificate');
  const row = await withTenant(deps.db, found.municipality_id, (tx) => repo.findCertificate(tx, found.municipality_id, found.certificate_id));
  if (!row) throw AppError.notFound('Certificate');
  return {
    status: row.revoked_at ? 'revoked' : 'valid',
    code,
    holderName: row.holder_name,
    itemTitle: row.item_title,
    issuedAt: row.issued_at.toISOString(),
    completedAt: row.completed_at.toISOString(),
    issuer: { name: row.issuer_name },
    language: row.language as CodeVerification['language'],
  };
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const invalid = (reason: NonNullable<BadgeVerification['reason']>): BadgeVerification => ({ status: 'invalid', reason });

/** OB 3.0 §8.2.6: check the signature with the key the `kid` names, then that the claims match the credential. */
export async function verifyBadge(deps: Deps, jwt: string): Promise<BadgeVerification> {
  const decoded = decodeCompactJws(jwt);
  if (!decoded) return invalid('MALFORMED');
  const iss = decoded.payload.iss;
  const issuerMatch = typeof iss === 'string' ? new RegExp(`^${escapeRegExp(issuerId(deps.config.publicUrl, ''))}(${UUID})$`).exec(iss) : null;
  if (!issuerMatch) return invalid('UNKNOWN_ISSUER');
  const municipalityId = issuerMatch[1]!;
  const kid = decoded.header.kid;
  const keyMatch = typeof kid === 'string' ? new RegExp(`^${escapeRegExp(iss as string)}#(${UUID})$`).exec(kid) : null;
  if (!keyMatch) return invalid('UNKNOWN_KEY');

  return withTenant(deps.db, municipalityId, async (tx): Promise<BadgeVerification> => {
    const key = await keys.findIssuerKey(tx, municipalityId, keyMatch[1]!);
    if (!key) return invalid('UNKNOWN_KEY');
    if (!verifyEdDsa(decoded, key.public_jwk as PublicEd25519Jwk)) return invalid('BAD_SIGNATURE');

    const credential = credentialOfPayload(decoded.payload);
    const issuer = credential.issuer as { id?: unknown; name?: unknown } | string | undefined;
    const subject = credential.credentialSubject as { id?: unknown; achievement?: { name?: unknown } } | undefined;
    const validFrom = typeof credential.validFrom === 'string' ? Date.parse(credential.validFrom) : NaN;
    const claimsMatch =
      (typeof issuer === 'string' ? issuer : issuer?.id) === iss &&
      decoded.payload.jti === credential.id &&
      decoded.payload.sub === subject?.id &&
      decoded.payload.nbf === validFrom / 1000 &&
      Array.isArray(credential['@context']) &&
      OB_CONTEXTS.every((c) => (credential['@context'] as unknown[]).includes(c));
    if (!claimsMatch) return invalid('CLAIMS_MISMATCH');
    if (validFrom > Date.now()) return invalid('NOT_YET_VALID');
    if (typeof decoded.payload.exp === 'number' && decoded.payload.exp * 1000 < Date.now()) return invalid('EXPIRED');

    const certificateId = /^urn:uuid:(.+)$/.exec(String(credential.id))?.[1] ?? '';
    const cert = new RegExp(`^${UUID}$`).test(certificateId) ? await repo.findCertificate(tx, municipalityId, certificateId) : undefined;
    if (!cert) return invalid('UNKNOWN_CREDENTIAL');
    return {
      status: cert.revoked_at ? 'revoked' : 'valid',
      achievementName: typeof subject?.achievement?.name === 'string' ? subject.achievement.name : cert.item_title,
      issuer: { id: iss as string, name: cert.issuer_name },
      validFrom: new Date(validFrom).toISOString(),
    };
  });
}

/** The issuing municipality as an OB 3.0 Profile (what `issuer.id` dereferences to). */
export async function issuerProfile(deps: Deps, municipalityId: string) {
  const m = await withTenant(deps.db, municipalityId, (tx) => tx.selectFrom('municipalities').select(['name']).where('id', '=', municipalityId).executeTakeFirst());
  if (!m) throw AppError.notFound('Issuer');
  const id = issuerId(deps.config.publicUrl, municipalityId);
  return { '@context': [...OB_CONTEXTS], id, type: ['Profile'], name: m.name, url: deps.config.publicUrl };
}

/** Every key the municipality ever signed with, retired ones too, so old badges keep verifying. */
export async function issuerJwks(deps: Deps, municipalityId: string) {
  await issuerProfile(deps, municipalityId);
  const rows = await withTenant(deps.db, municipalityId, (tx) => keys.listIssuerKeys(tx, municipalityId));
  return { keys: rows.map((k) => publicJwkWithKid(deps.config.publicUrl, municipalityId, k.id, k.public_jwk)) };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
