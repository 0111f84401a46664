import { randomInt } from 'node:crypto';
import { newToken, tokenHash } from '../auth/session.repository.js';

// The two secrets that open an invitation without an account. Both are stored
// only as SHA-256 hashes (invitation_keys), like session and reset tokens.
//
// - token: 256 random bits (base64url, 43 characters) in the e-mailed link /assess/<token>.
// - code: 8 characters for people without a work e-mail, typed on a shared device
//   or scanned as a QR link. The alphabet leaves out 0/O, 1/I/L (and U/V, which
//   handwriting confuses): 29^8 ≈ 5·10^11 codes. Guessing is held back by the
//   per-address failure limit (assessment-guard.ts); codes exist only for open
//   campaigns and are replaced whenever a leader prints a new list.

export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTWXYZ23456789';
export const CODE_LENGTH = 8;

export function newInvitationToken(): string {
  return newToken();
}

export function newInvitationCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** XXXX-XXXX, as printed. */
export function formatCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** A typed code in canonical form (upper case, no spaces or dashes), or null when it cannot be a code. */
export function normalizeCode(input: string): string | null {
  const s = input.replace(/[\s-]/g, '').toUpperCase();
  if (s.length !== CODE_LENGTH) return null;
  for (const ch of s) if (!CODE_ALPHABET.includes(ch)) return null;
  return s;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type AssessmentKey = { kind: 'token' | 'code'; hash: string } | { kind: 'invitation'; invitationId: string };

/** What the path key of /assessments/:token is: a link token, a code, or (signed in) an invitation id. */
export function parseAssessmentKey(raw: string): AssessmentKey {
  if (UUID.test(raw)) return { kind: 'invitation', invitationId: raw.toLowerCase() };
  const code = normalizeCode(raw);
  if (code) return { kind: 'code', hash: keyHash(code) };
  return { kind: 'token', hash: keyHash(raw) };
}

export const keyHash = (secret: string) => tokenHash(secret);
