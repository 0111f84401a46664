import { sql } from 'kysely';
import type { Me } from '../../../shared/api/auth.js';
import type { Language } from '../../../shared/domain.js';
import { AppError } from '../../http/app-error.js';
import { actorOf, requirePrincipal, type AppDeps, type RequestContext } from '../../http/context.js';
import { inviteMail, passwordResetMail } from '../../mail/templates.js';
import { loadPrincipal } from '../access/principal.js';
import { recordPlatformAudit } from '../audit/audit.repository.js';
import { buildMe } from './me.js';
import { assertStrongPassword, hashPassword, verifyPassword } from './password.js';
import { createSession, deleteSession, deleteUserSessions, newToken, tokenHash } from './session.repository.js';

const RESET_TTL_MS = 3600_000;
const INVITE_TTL_MS = 7 * 24 * 3600_000;

export async function login(ctx: RequestContext, email: string, password: string): Promise<{ token: string; me: Me }> {
  const { db, config } = ctx;
  const user = await db.selectFrom('users').selectAll().where(sql<string>`lower(email)`, '=', email.toLowerCase()).executeTakeFirst();
  if (user?.locked_until && user.locked_until > new Date()) {
    throw new AppError('ACCOUNT_LOCKED', 'Too many failed attempts. Try again later or reset your password.', {
      lockedUntil: user.locked_until.toISOString(),
    });
  }
  const ok = await verifyPassword(user && !user.disabled ? user.password_hash : null, password);
  if (!user || !ok) {
    if (user) await registerFailure(ctx, user.id, user.failed_login_count + 1);
    throw new AppError('INVALID_CREDENTIALS', 'The e-mail address or password is wrong.');
  }
  await db
    .updateTable('users')
    .set({ failed_login_count: 0, locked_until: null, last_login_at: new Date() })
    .where('id', '=', user.id)
    .execute();
  const session = await createSession(db, user.id, config.sessionTtlMs, { ip: ctx.ip, userAgent: ctx.userAgent });
  const principal = await loadPrincipal(db, user);
  return { token: session.token, me: await buildMe(db, principal, session.csrfToken) };
}

async function registerFailure(ctx: RequestContext, userId: string, failures: number): Promise<void> {
  const lock = failures >= ctx.config.loginMaxFailures;
  await ctx.db
    .updateTable('users')
    .set(lock ? { failed_login_count: 0, locked_until: new Date(Date.now() + ctx.config.loginLockMs) } : { failed_login_count: failures })
    .where('id', '=', userId)
    .execute();
  if (lock) {
    await ctx.db.transaction().execute((tx) =>
      recordPlatformAudit(tx, null, actorOf(ctx), { action: 'user.locked', entityType: 'user', entityId: userId, after: { failures } }),
    );
  }
}

export async function logout(ctx: RequestContext, token: string | undefined): Promise<void> {
  if (token) await deleteSession(ctx.db, token);
}

/** Always succeeds from the caller's view, so it cannot be used to find out who has an account. */
export async function requestPasswordReset(ctx: RequestContext, email: string): Promise<void> {
  const user = await ctx.db.selectFrom('users').selectAll().where(sql<string>`lower(email)`, '=', email.toLowerCase()).executeTakeFirst();
  if (!user || user.disabled) return;
  const link = await issueSetPasswordLink(ctx, user.id, RESET_TTL_MS);
  await ctx.mailer.send({ to: user.email, ...passwordResetMail(user.preferred_language, { link, name: user.display_name }) });
}

export async function issueSetPasswordLink(deps: Pick<AppDeps, 'db' | 'config'>, userId: string, ttlMs: number): Promise<string> {
  const token = newToken();
  await deps.db
    .insertInto('password_reset_tokens')
    .values({ token_hash: tokenHash(token), user_id: userId, expires_at: new Date(Date.now() + ttlMs) })
    .execute();
  return `${deps.config.publicUrl}/reset-password?token=${encodeURIComponent(token)}`;
}

export async function sendInvite(deps: AppDeps, user: { id: string; email: string; display_name: string; preferred_language: string }): Promise<void> {
  const link = await issueSetPasswordLink(deps, user.id, INVITE_TTL_MS);
  await deps.mailer.send({ to: user.email, ...inviteMail(user.preferred_language, { link, name: user.display_name }) });
}

export async function confirmPasswordReset(ctx: RequestContext, token: string, newPassword: string): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const row = await tx
      .selectFrom('password_reset_tokens')
      .innerJoin('users', 'users.id', 'password_reset_tokens.user_id')
      .select(['password_reset_tokens.token_hash', 'users.id', 'users.email'])
      .where('token_hash', '=', tokenHash(token))
      .where('used_at', 'is', null)
      .where('expires_at', '>', new Date())
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw new AppError('TOKEN_INVALID', 'This link has expired or has already been used. Ask for a new one.');
    assertStrongPassword(newPassword, row.email);
    await tx.updateTable('password_reset_tokens').set({ used_at: new Date() }).where('token_hash', '=', row.token_hash).execute();
    await tx
      .updateTable('users')
      .set({ password_hash: await hashPassword(newPassword), failed_login_count: 0, locked_until: null, updated_at: new Date() })
      .where('id', '=', row.id)
      .execute();
    // A reset ends every session: whoever knew the old password is signed out.
    await deleteUserSessions(tx, row.id);
    await recordPlatformAudit(tx, null, { userId: row.id, label: row.email }, { action: 'user.password_reset', entityType: 'user', entityId: row.id });
  });
}

export async function changePassword(ctx: RequestContext, currentPassword: string, newPassword: string, keepToken: string): Promise<void> {
  const p = requirePrincipal(ctx);
  const user = await ctx.db.selectFrom('users').selectAll().where('id', '=', p.userId).executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.password_hash, currentPassword))) {
    throw new AppError('INVALID_CREDENTIALS', 'The current password is wrong.');
  }
  assertStrongPassword(newPassword, user.email);
  const hashed = await hashPassword(newPassword);
  await ctx.db.transaction().execute(async (tx) => {
    await tx.updateTable('users').set({ password_hash: hashed, updated_at: new Date() }).where('id', '=', user.id).execute();
    await tx.deleteFrom('sessions').where('user_id', '=', user.id).where('id', '!=', tokenHash(keepToken)).execute();
    await recordPlatformAudit(tx, null, actorOf(ctx), { action: 'user.password_changed', entityType: 'user', entityId: user.id });
  });
}

export async function updateMe(ctx: RequestContext, changes: { displayName?: string; preferredLanguage?: Language }, csrfToken: string): Promise<Me> {
  const p = requirePrincipal(ctx);
  const user = await ctx.db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('users').select(['display_name', 'preferred_language']).where('id', '=', p.userId).executeTakeFirstOrThrow();
    const after = await tx
      .updateTable('users')
      .set({
        ...(changes.displayName !== undefined ? { display_name: changes.displayName } : {}),
        ...(changes.preferredLanguage !== undefined ? { preferred_language: changes.preferredLanguage } : {}),
        updated_at: new Date(),
      })
      .where('id', '=', p.userId)
      .returning(['id', 'email', 'display_name', 'preferred_language'])
      .executeTakeFirstOrThrow();
    await recordPlatformAudit(tx, null, actorOf(ctx), { action: 'user.update', entityType: 'user', entityId: p.userId, before, after: { display_name: after.display_name, preferred_language: after.preferred_language } });
    return after;
  });
  return buildMe(ctx.db, await loadPrincipal(ctx.db, user), csrfToken);
}
