import { z } from 'zod';
import { LANGUAGES } from '../domain.js';

// Certificates of completed learning, their public verification, and the
// municipality's Open Badges 3.0 signing keys.

const language = z.enum(LANGUAGES);

/** XXXX-XXXX-XXXX-XXXX from A–Z and 2–9 (no 0/O, 1/I): what is printed on the certificate. */
export const VERIFICATION_CODE_PATTERN = /^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/;

export const certificateParams = z.object({ municipalityId: z.uuid(), certificateId: z.uuid() });
export const certificateListQuery = z.object({
  /** Another person's certificates (advisors, administrators, their leaders); default: the caller's own. */
  personId: z.uuid().optional(),
});
export const certificatePdfQuery = z.object({ lang: language.optional() });
export const certificateBadgeQuery = z.object({ download: z.enum(['0', '1']).optional() });
export const revokeCertificateBody = z.object({ reason: z.string().trim().min(1).max(500) });

export const certificateSchema = z.object({
  id: z.uuid(),
  municipalityId: z.uuid(),
  personId: z.uuid(),
  itemId: z.uuid(),
  holderName: z.string(),
  itemTitle: z.string(),
  /** The language the certificate was issued in (the learner's, if the item has it). */
  language,
  issuedAt: z.iso.datetime(),
  completedAt: z.iso.datetime(),
  outcome: z.enum(['completed', 'passed']),
  /** 0..1 when the item reported a score. */
  scoreScaled: z.number().nullable(),
  verificationCode: z.string(),
  verifyUrl: z.string(),
  issuerName: z.string(),
  revokedAt: z.iso.datetime().nullable(),
  revokeReason: z.string().nullable(),
});
export type Certificate = z.infer<typeof certificateSchema>;

export const badgeResponse = z.object({
  /** The OpenBadgeCredential as a VC-JWT (compact JWS). */
  jwt: z.string(),
  /** The decoded credential, for display. */
  credential: z.record(z.string(), z.unknown()),
});

// ---- public verification (no session) ----

export const verifyCodeParams = z.object({ code: z.string().min(1).max(40) });

/** What anyone holding the code learns: exactly what is printed on the certificate. */
export const codeVerification = z.object({
  status: z.enum(['valid', 'revoked']),
  code: z.string(),
  holderName: z.string(),
  itemTitle: z.string(),
  issuedAt: z.iso.datetime(),
  completedAt: z.iso.datetime(),
  issuer: z.object({ name: z.string() }),
  language,
});
export type CodeVerification = z.infer<typeof codeVerification>;

export const verifyBadgeBody = z.object({ jwt: z.string().trim().min(1).max(100_000) });

export const BADGE_INVALID_REASONS = ['MALFORMED', 'UNKNOWN_ISSUER', 'UNKNOWN_KEY', 'BAD_SIGNATURE', 'CLAIMS_MISMATCH', 'NOT_YET_VALID', 'EXPIRED', 'UNKNOWN_CREDENTIAL'] as const;
export type BadgeInvalidReason = (typeof BADGE_INVALID_REASONS)[number];

export const badgeVerification = z.object({
  status: z.enum(['valid', 'revoked', 'invalid']),
  /** Why an invalid badge failed; absent otherwise. */
  reason: z.enum(BADGE_INVALID_REASONS).optional(),
  /** What the signed credential says (only when the signature holds). */
  achievementName: z.string().optional(),
  issuer: z.object({ id: z.string(), name: z.string() }).optional(),
  validFrom: z.iso.datetime().optional(),
});
export type BadgeVerification = z.infer<typeof badgeVerification>;

export const issuerParams = z.object({ municipalityId: z.uuid() });
/** The OB 3.0 Profile of the issuing municipality (JSON-LD). */
export const issuerProfile = z.record(z.string(), z.unknown());
export const publicJwk = z.object({ kty: z.literal('OKP'), crv: z.literal('Ed25519'), x: z.string(), kid: z.string(), alg: z.literal('EdDSA'), use: z.literal('sig') });
export const jwksSchema = z.object({ keys: z.array(publicJwk) });

// ---- issuer keys (administration) ----

export const issuerKeySchema = z.object({
  id: z.uuid(),
  /** The JOSE `kid` badges signed with this key carry. */
  kid: z.string(),
  algorithm: z.literal('Ed25519'),
  publicJwk,
  createdAt: z.iso.datetime(),
  retiredAt: z.iso.datetime().nullable(),
});
export type IssuerKey = z.infer<typeof issuerKeySchema>;
