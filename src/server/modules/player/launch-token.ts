import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { appSecret } from '../../db/app-secrets.js';
import type { DB } from '../../db/schema.js';

// The player page on the content origin never sees the app's session cookie:
// a launch token is its only credential. It is an HMAC over the municipality,
// the attempt, the launch and an expiry, so it authorises writes to that one
// attempt and nothing else; the attempt row names its newest launch, so the
// token of an older launch (a forgotten tab) stops working when a new one
// starts. Tokens are short-lived and renewed by every runtime call, so a
// token copied out of a closed player soon opens nothing.

const KEY_NAME = 'player-launch-hmac';
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const TOKEN = new RegExp(`^p1\\.(${UUID})\\.(${UUID})\\.(${UUID})\\.(\\d{1,12})\\.([A-Za-z0-9_-]{43})$`);

/** How long a token lives without a runtime call (the player renews it every few minutes). */
export const LAUNCH_TOKEN_TTL_MS = 30 * 60_000;

export type LaunchGrant = { municipalityId: string; attemptId: string; launchId: string; expiresAt: number };

/** The shared signing key (app_secrets), made by the first process that needs it. */
export function launchKey(db: Kysely<DB>): Promise<Buffer> {
  return appSecret(db, KEY_NAME);
}

function mac(key: Buffer, g: LaunchGrant): Buffer {
  return createHmac('sha256', key).update(`mestring-player-v1|${g.municipalityId}|${g.attemptId}|${g.launchId}|${g.expiresAt}`).digest();
}

/** expiresAt in seconds since the epoch. */
export function signLaunchToken(key: Buffer, grant: LaunchGrant): string {
  const g = { ...grant, municipalityId: grant.municipalityId.toLowerCase(), attemptId: grant.attemptId.toLowerCase(), launchId: grant.launchId.toLowerCase() };
  return `p1.${g.municipalityId}.${g.attemptId}.${g.launchId}.${g.expiresAt}.${mac(key, g).toString('base64url')}`;
}

export type LaunchTokenCheck = { ok: true; grant: LaunchGrant } | { ok: false; why: 'invalid' | 'expired' };

export function verifyLaunchToken(key: Buffer, token: string, nowSeconds: number): LaunchTokenCheck {
  const m = TOKEN.exec(token);
  if (!m) return { ok: false, why: 'invalid' };
  const grant: LaunchGrant = { municipalityId: m[1]!, attemptId: m[2]!, launchId: m[3]!, expiresAt: Number(m[4]) };
  const given = Buffer.from(m[5]!, 'base64url');
  const expected = mac(key, grant);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, why: 'invalid' };
  if (grant.expiresAt <= nowSeconds) return { ok: false, why: 'expired' };
  return { ok: true, grant };
}

/** A fresh token for the same launch, valid for LAUNCH_TOKEN_TTL_MS from now. */
export function renewLaunchToken(key: Buffer, grant: Omit<LaunchGrant, 'expiresAt'>, now = Date.now()): { token: string; expiresAt: Date } {
  const expiresAt = Math.floor((now + LAUNCH_TOKEN_TTL_MS) / 1000);
  return { token: signLaunchToken(key, { ...grant, expiresAt }), expiresAt: new Date(expiresAt * 1000) };
}
