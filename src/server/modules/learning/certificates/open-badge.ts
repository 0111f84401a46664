import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { Language } from '../../../../shared/domain.js';
import { CERTIFICATE_TEXTS } from './certificate-texts.js';

// The Open Badges 3.0 credential (an AchievementCredential, a W3C Verifiable
// Credential of the VC Data Model 2.0) and its VC-JWT form, following the
// 1EdTech Open Badges Specification v3.0, §8.2 "JSON Web Token Proof Format":
// - §8.2.3 JOSE header: alg, kid (a URI that dereferences to the public JWK), typ "JWT"; no other headers.
// - §8.2.4.1 JWT payload: "the JSON object of the OpenBadgeCredential" with the
//   registered claims iss = issuer.id, jti = id, nbf = validFrom, sub =
//   credentialSubject.id (exp = validUntil, which these credentials do not have).
//   VC Data Model 1.1 credentials wrapped the credential in a `vc` claim; the
//   3.0 text now puts it at the top level and tells verifiers to accept both,
//   and so does ours (badge-verification.ts).

export const OB_CONTEXTS = ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'] as const;

export const issuerId = (publicUrl: string, municipalityId: string) => `${publicUrl}/api/v1/issuers/${municipalityId}`;
/** The JOSE kid: the issuer's URI with the key's id as fragment (its JWKS lists the same kid). */
export const keyUri = (publicUrl: string, municipalityId: string, keyId: string) => `${issuerId(publicUrl, municipalityId)}#${keyId}`;
export const credentialId = (certificateId: string) => `urn:uuid:${certificateId}`;

export type BadgeInput = {
  publicUrl: string;
  municipalityId: string;
  issuerName: string;
  certificateId: string;
  itemId: string;
  itemTitle: string;
  itemDescription: string | null;
  language: Language;
  validFrom: Date;
  /** Who earned it: e-mail when the person has one (the usual recipient identity), else the name. */
  recipient: { email: string | null; name: string };
  /** Stable, opaque id of the learner (see subjectId). */
  subjectId: string;
};

/**
 * An opaque, stable URI for a learner, so `sub` can be given (§8.2.4.1) without
 * putting a database id or personal data into a credential the holder shares.
 */
export function subjectId(secret: Buffer, municipalityId: string, personId: string): string {
  const h = createHmac('sha256', secret).update(`badge-subject|${municipalityId}|${personId}`).digest('hex');
  // Shaped as an RFC 9562 version 8 (custom) UUID.
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * OB 3.0 IdentityObject (§B.1.12): a salted SHA-256 of the recipient's e-mail
 * (or name), so a relying party holding the e-mail can check it while the
 * credential itself does not disclose it.
 */
export function identityObject(recipient: BadgeInput['recipient'], salt = randomBytes(16).toString('hex')) {
  const [identityType, value] = recipient.email ? (['emailAddress', recipient.email.trim().toLowerCase()] as const) : (['name', recipient.name] as const);
  return { type: 'IdentityObject', identityHash: `sha256$${createHash('sha256').update(value + salt).digest('hex')}`, identityType, hashed: true, salt };
}

export function buildCredential(input: BadgeInput) {
  const texts = CERTIFICATE_TEXTS[input.language];
  const issuer = { id: issuerId(input.publicUrl, input.municipalityId), type: ['Profile'], name: input.issuerName };
  return {
    '@context': [...OB_CONTEXTS],
    id: credentialId(input.certificateId),
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: input.itemTitle,
    issuer,
    // Whole seconds: nbf is in seconds and must equal validFrom (§8.2.4.1).
    validFrom: new Date(Math.floor(input.validFrom.getTime() / 1000) * 1000).toISOString().replace('.000Z', 'Z'),
    credentialSubject: {
      id: input.subjectId,
      type: ['AchievementSubject'],
      identifier: [identityObject(input.recipient)],
      achievement: {
        id: `urn:uuid:${input.itemId}`,
        type: ['Achievement'],
        name: input.itemTitle,
        description: input.itemDescription ?? texts.badgeDescription(input.itemTitle),
        criteria: { narrative: texts.badgeCriteria(input.itemTitle) },
        inLanguage: input.language,
      },
    },
  };
}

export type OpenBadgeCredential = ReturnType<typeof buildCredential>;

/** §8.2.3 and §8.2.4.1: the JOSE header and the JWT payload of a credential. */
export function vcJwtParts(credential: OpenBadgeCredential, kid: string) {
  const header = { alg: 'EdDSA', kid, typ: 'JWT' };
  const payload = {
    ...credential,
    iss: credential.issuer.id,
    jti: credential.id,
    nbf: Math.floor(new Date(credential.validFrom).getTime() / 1000),
    sub: credential.credentialSubject.id,
  };
  return { header, payload };
}

/** The credential a VC-JWT payload carries: the `vc` claim of VCDM 1.1 tokens, else the payload without the JWT claims. */
export function credentialOfPayload(payload: Record<string, unknown>): Record<string, unknown> {
  if (typeof payload.vc === 'object' && payload.vc !== null && !Array.isArray(payload.vc)) return payload.vc as Record<string, unknown>;
  const { iss: _iss, jti: _jti, nbf: _nbf, sub: _sub, exp: _exp, iat: _iat, ...credential } = payload;
  return credential;
}
