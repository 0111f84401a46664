import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { withTenant } from '../../db/tenant.js';
import type { LrsAuth } from '../lrs/lrs-auth.js';
import { findSessionWithRegistration } from './cmi5.repository.js';

// The auth token an AU gets from its fetch URL (cmi5 8.2) is an LRS
// credential of its own kind: "cmi5s_<municipality>_<session>" as the Basic
// user name and a random secret, of which only the SHA-256 is stored. It
// names its municipality, so the session is found with row-level security
// on, and it works only while the session is open (neither terminated nor
// abandoned nor expired): 8.2.1 "limited to the duration of the session".

export const CMI5_SESSION_KEY_PREFIX = 'cmi5s_';
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const KEY = new RegExp(`^${CMI5_SESSION_KEY_PREFIX}(${UUID})_(${UUID})$`);

export const sha256 = (value: string) => createHash('sha256').update(value, 'utf8').digest('hex');
export const newSecret = () => randomBytes(32).toString('base64url');

export function sessionKey(municipalityId: string, sessionId: string): string {
  return `${CMI5_SESSION_KEY_PREFIX}${municipalityId}_${sessionId}`;
}

/** The value of "auth-token": base64 of key:secret, ready for an Authorization: Basic header. */
export function authToken(municipalityId: string, sessionId: string, secret: string): string {
  return Buffer.from(`${sessionKey(municipalityId, sessionId)}:${secret}`, 'utf8').toString('base64');
}

export function sameSecret(secret: string, hash: string | null): boolean {
  if (hash === null) return false;
  const a = Buffer.from(sha256(secret), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function authenticateCmi5Session(db: Kysely<DB>, publicUrl: string, key: string, secret: string): Promise<LrsAuth | null> {
  const m = KEY.exec(key);
  if (!m) return null;
  const [, municipalityId, sessionId] = m as unknown as [string, string, string];
  const session = await withTenant(db, municipalityId, (tx) => findSessionWithRegistration(tx, municipalityId, sessionId));
  if (!session || !sameSecret(secret, session.auth_secret_hash)) return null;
  if (session.terminated_at || session.abandoned_at || session.expires_at.getTime() <= Date.now()) return null;
  return {
    municipalityId,
    credentialId: null,
    authority: { objectType: 'Agent', name: 'cmi5 session', account: { homePage: `${publicUrl}/xapi`, name: key } },
    scope: {
      kind: 'cmi5-session',
      sessionId,
      registration: session.registration_id,
      actorKey: session.actor_key,
      auId: session.au_id,
      auActivityId: session.au_activity_id,
      packageId: session.package_id,
      packageVersionId: session.package_version_id,
    },
  };
}
