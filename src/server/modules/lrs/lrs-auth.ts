import { createHash, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { authenticateCmi5Session, CMI5_SESSION_KEY_PREFIX } from '../cmi5/cmi5-session-auth.js';
import type { AgentLike } from './xapi/identity.js';

/**
 * A cmi5 AU's session token (modules/cmi5): it may only act for the actor,
 * registration and course activities of one launch, and its statements and
 * documents go through the cmi5 rules.
 */
export type Cmi5SessionScope = {
  kind: 'cmi5-session';
  sessionId: string;
  registration: string;
  actorKey: string;
  /** The AU id from cmi5.xml and the activity id the LMS generated for it. */
  auId: string;
  auActivityId: string;
  packageId: string;
  packageVersionId: string;
};

/** Who is talking to the LRS: a municipality's credential, or a cmi5 session token. */
export type LrsAuth = {
  municipalityId: string;
  /** The lrs_credentials row; null for a cmi5 session token and for the LMS's own statements. */
  credentialId: string | null;
  /** The statement authority the LRS writes on everything this credential stores. */
  authority: AgentLike;
  /** 'full' may read and write the municipality's whole store. */
  scope: 'full' | Cmi5SessionScope;
};

/**
 * The authority on statements Mestring writes itself (the player, the cmi5
 * LMS, built-in courses, the catalogue, attendance): an Agent with an account
 * on this LRS, named after the part that writes, with full scope in its own
 * municipality and no credential row.
 */
export function mestringAuthority(publicUrl: string, municipalityId: string, name: string, accountName: string): LrsAuth {
  return {
    municipalityId,
    credentialId: null,
    authority: { objectType: 'Agent', name, account: { homePage: `${publicUrl}/xapi`, name: accountName } },
    scope: 'full',
  };
}

export function secretHash(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Parses `Authorization: Basic base64(key:secret)`; null when absent or malformed. */
export function parseBasicAuth(header: string | undefined): { key: string; secret: string } | null {
  if (!header) return null;
  const match = /^Basic\s+([A-Za-z0-9+/=._-]+)\s*$/i.exec(header);
  if (!match) return null;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return null;
  return { key: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

type CachedCredential = {
  id: string;
  municipalityId: string;
  name: string;
  key: string;
  secretHash: string;
  previousSecretHash: string | null;
  previousValidUntil: Date | null;
  revoked: boolean;
  loadedAt: number;
};

// A short cache: verifying a credential is one indexed lookup, but at thousands
// of statements a second even that shows. Rotation and revocation in this
// process clear the entry at once; other processes see them within CACHE_MS.
const CACHE_MS = 5_000;
const cache = new Map<string, CachedCredential>();

export function forgetCredential(key: string): void {
  cache.delete(key);
}

async function loadCredential(db: Kysely<DB>, key: string): Promise<CachedCredential | null> {
  const hit = cache.get(key);
  if (hit && Date.now() - hit.loadedAt < CACHE_MS) return hit;
  const row = await db
    .selectFrom('lrs_credentials')
    .select(['id', 'municipality_id', 'name', 'key', 'secret_hash', 'previous_secret_hash', 'previous_valid_until', 'revoked_at'])
    .where('key', '=', key)
    .executeTakeFirst();
  if (!row) {
    cache.delete(key);
    return null;
  }
  const entry: CachedCredential = {
    id: row.id,
    municipalityId: row.municipality_id,
    name: row.name,
    key: row.key,
    secretHash: row.secret_hash,
    previousSecretHash: row.previous_secret_hash,
    previousValidUntil: row.previous_valid_until,
    revoked: row.revoked_at !== null,
    loadedAt: Date.now(),
  };
  if (cache.size > 10_000) cache.clear();
  cache.set(key, entry);
  return entry;
}

// "Last used" for the admin list: written at most once a minute per credential,
// after the answer, so it costs the hot path nothing.
const USE_NOTE_MS = 60_000;
const lastNoted = new Map<string, number>();

function noteUse(db: Kysely<DB>, credential: CachedCredential): void {
  const now = Date.now();
  if (now - (lastNoted.get(credential.id) ?? 0) < USE_NOTE_MS) return;
  lastNoted.set(credential.id, now);
  if (lastNoted.size > 10_000) lastNoted.clear();
  setImmediate(() => {
    db.updateTable('lrs_credentials')
      .set({ last_used_at: new Date(now) })
      .where('id', '=', credential.id)
      .execute()
      .catch(() => lastNoted.delete(credential.id));
  });
}

/** The credential behind a Basic auth header, or null (unknown key, wrong or expired secret, revoked). */
export async function authenticateLrs(db: Kysely<DB>, publicUrl: string, header: string | undefined): Promise<LrsAuth | null> {
  const basic = parseBasicAuth(header);
  if (!basic) return null;
  if (basic.key.startsWith(CMI5_SESSION_KEY_PREFIX)) return authenticateCmi5Session(db, publicUrl, basic.key, basic.secret);
  const credential = await loadCredential(db, basic.key);
  if (!credential || credential.revoked) return null;
  const hash = secretHash(basic.secret);
  const current = sameHash(hash, credential.secretHash);
  const previous =
    !current &&
    credential.previousSecretHash !== null &&
    credential.previousValidUntil !== null &&
    credential.previousValidUntil.getTime() > Date.now() &&
    sameHash(hash, credential.previousSecretHash);
  if (!current && !previous) return null;
  noteUse(db, credential);
  return {
    municipalityId: credential.municipalityId,
    credentialId: credential.id,
    authority: { objectType: 'Agent', name: credential.name, account: { homePage: `${publicUrl}/xapi`, name: credential.key } },
    scope: 'full',
  };
}
