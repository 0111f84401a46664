import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { appSecret } from '../../../db/app-secrets.js';
import type { DB } from '../../../db/schema.js';

// Content links carry their own permission: /content/<token>/<path>. The token
// is an HMAC over the municipality, package, version and expiry, so a link
// works for every file of that one version (relative links in the content
// keep working) and for nothing else. The key is made once and kept in the
// database, so every server process signs and checks with the same one.

const KEY_NAME = 'content-token-hmac';
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const TOKEN = new RegExp(`^(${UUID})\\.(${UUID})\\.([1-9]\\d{0,8})\\.(\\d{1,12})\\.([A-Za-z0-9_-]{43})$`);

export type ContentGrant = { municipalityId: string; packageId: string; version: number; expiresAt: number };

/** The shared signing key: read it, or make it when this is the first process ever to need it. */
export function contentKey(db: Kysely<DB>): Promise<Buffer> {
  return appSecret(db, KEY_NAME);
}

function mac(key: Buffer, g: ContentGrant): Buffer {
  return createHmac('sha256', key).update(`mestring-content-v1|${g.municipalityId}|${g.packageId}|${g.version}|${g.expiresAt}`).digest();
}

/** expiresAt in seconds since the epoch. */
export function signContentToken(key: Buffer, grant: ContentGrant): string {
  const g = { ...grant, municipalityId: grant.municipalityId.toLowerCase(), packageId: grant.packageId.toLowerCase() };
  return `${g.municipalityId}.${g.packageId}.${g.version}.${g.expiresAt}.${mac(key, g).toString('base64url')}`;
}

export type TokenCheck = { ok: true; grant: ContentGrant } | { ok: false; why: 'forged' | 'expired' };

export function verifyContentToken(key: Buffer, token: string, nowSeconds: number): TokenCheck {
  const m = TOKEN.exec(token);
  if (!m) return { ok: false, why: 'forged' };
  const grant: ContentGrant = { municipalityId: m[1]!, packageId: m[2]!, version: Number(m[3]), expiresAt: Number(m[4]) };
  const given = Buffer.from(m[5]!, 'base64url');
  const expected = mac(key, grant);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, why: 'forged' };
  if (grant.expiresAt <= nowSeconds) return { ok: false, why: 'expired' };
  return { ok: true, grant };
}
