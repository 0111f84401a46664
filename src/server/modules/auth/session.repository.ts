import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

export const newToken = () => randomBytes(32).toString('base64url');
/** Only hashes are stored: a leaked database copy cannot be used to hijack sessions or resets. */
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(db: Kysely<DB>, userId: string, ttlMs: number, meta: { ip: string | null; userAgent: string | null }) {
  const token = newToken();
  const csrfToken = newToken();
  await db
    .insertInto('sessions')
    .values({
      id: tokenHash(token),
      user_id: userId,
      csrf_token: csrfToken,
      expires_at: new Date(Date.now() + ttlMs),
      ip: meta.ip,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, csrfToken };
}

/** Sliding expiry, written at most once a minute per session to keep reads cheap. */
export async function touchSession(db: Kysely<DB>, sessionId: string, ttlMs: number): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: new Date(), expires_at: new Date(Date.now() + ttlMs) })
    .where('id', '=', sessionId)
    .execute();
}

export async function deleteSession(db: Kysely<DB>, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', tokenHash(token)).execute();
}

export async function deleteUserSessions(db: Kysely<DB>, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}
